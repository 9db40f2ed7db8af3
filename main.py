"""Watchdesk entry point: `python main.py [--site FILE] [COMMAND ...]`."""

import sys

from console.cli import main

if __name__ == "__main__":
    sys.exit(main())
