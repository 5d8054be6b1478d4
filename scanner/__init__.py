"""contactleak: shows what a messenger's contact upload exposes, from exported vCard address books."""

__version__ = "0.1.0"
