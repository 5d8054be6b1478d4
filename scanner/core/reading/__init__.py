"""Reading vCard exports: encodings, line ends, folding, quoted-printable, card isolation, the contact model."""

from scanner.core.reading.reader import InputError, read_bytes, read_file, read_stream

__all__ = ["InputError", "read_bytes", "read_file", "read_stream"]
