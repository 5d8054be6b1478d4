"""Templates of the HTML report and of the drafts (package data)."""
