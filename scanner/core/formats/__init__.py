"""Inputs besides vCard files: contact CSV exports, zip archives and phone backups, read as Contacts."""
