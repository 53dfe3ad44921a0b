"""The frozen application's entry: the same command line as the installed package's
``party-ledger`` (no command opens the window).

``party-ledger.exe`` is built without a console on Windows, so it has no standard output:
what a command would print goes nowhere instead of failing (``party-ledger-cli.exe`` is the
same program with a console, for the command line)."""

import os
import sys

from desktop_app.cli import main

if __name__ == "__main__":
    if sys.stdout is None or sys.stderr is None:
        sink = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - for the process's life
        sys.stdout = sys.stdout or sink
        sys.stderr = sys.stderr or sink
    sys.exit(main())
