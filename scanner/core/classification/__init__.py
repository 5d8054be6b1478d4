"""Classifying contacts: business or private, natural person, minor, special categories of data."""
