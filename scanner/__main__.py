"""Entry point for ``python -m scanner``."""

from scanner.cli.app import main

main()
