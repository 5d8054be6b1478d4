"""Reporters: one module per output format, each turning a scan result into text."""
