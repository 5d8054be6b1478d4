"""Data about input formats: the column names of contact CSV exports."""
