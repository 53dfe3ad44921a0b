"""Refresh the catalogs after messages changed in the code: extract ``messages.pot`` from the
Python sources and the generated forms, then merge it into every ``<lang>/LC_MESSAGES/
messages.po`` (new messages come in empty, removed ones are dropped).

    python i18n/refresh.py

Then translate the empty entries of each catalog (``tests/test_catalogs.py`` lists them). The
``.mo`` files are compiled when the wheel is built (``hatch_build.py``); none is committed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

EXTRACT = [
    "extract",
    "-F",
    "babel.cfg",
    "-k",
    "N_",
    "-k",
    "ngettext:1,2",
    "-k",
    "pgettext:1c,2",
    "--no-location",
    "--sort-by-file",
    "--project",
    "Party Ledger",
    "--copyright-holder",
    "Party Ledger maintainers",
    "-o",
    "i18n/messages.pot",
    ".",
]
UPDATE = [
    "update",
    "-i",
    "i18n/messages.pot",
    "-d",
    "i18n",
    "--no-fuzzy-matching",
    "--ignore-obsolete",
]


def pybabel(arguments: list[str]) -> None:
    command = [sys.executable, "-m", "babel.messages.frontend", "-q", *arguments]
    subprocess.run(command, cwd=ROOT, check=True)


def main() -> int:
    subprocess.run([sys.executable, "ui/compile_forms.py"], cwd=ROOT, check=True)
    pybabel(EXTRACT)
    pybabel(UPDATE)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
