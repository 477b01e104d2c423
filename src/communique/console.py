"""The `communique` console script. Importing the command line loads spaCy and the
rest of the pipeline's code, which takes a second or two: a Ctrl-C in that time ends
the program like any other interrupt (a message, exit 130), not with a traceback."""
from __future__ import annotations

import sys


def main() -> None:
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        sys.exit(130)
    run()
