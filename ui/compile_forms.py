"""Compile every Qt Designer form in this folder into desktop_app/gui/forms/ui_<name>.py.

    python ui/compile_forms.py          # rewrite the generated modules
    python ui/compile_forms.py --check  # exit 1 if any is missing or stale

Texts are wrapped with ``_`` (``pyside6-uic --tr _``) so they are extracted into the Babel
catalogs and translated like every other string.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

UI_DIR = Path(__file__).resolve().parent
FORMS_DIR = UI_DIR.parent / "desktop_app" / "gui" / "forms"
_HEADER = re.compile(r"^##.*$\n?", re.MULTILINE)


def uic_command() -> list[str]:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-uic"
    )
    if found is None:
        raise SystemExit("pyside6-uic not found; install PySide6-Essentials")
    return [found]


def compile_form(ui_file: Path) -> str:
    """The generated module's text for ``ui_file``."""
    result = subprocess.run(
        [*uic_command(), "--tr", "_", str(ui_file.name)],
        cwd=ui_file.parent,
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    return result.stdout


def comparable(text: str) -> str:
    """The generated text without the banner, which names the compiler's version."""
    return _HEADER.sub("", text.replace("\r\n", "\n"))


def target(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    stale = []
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        text = compile_form(ui_file)
        out = target(ui_file)
        current = out.read_text(encoding="utf-8") if out.exists() else None
        if current is not None and comparable(current) == comparable(text):
            continue
        stale.append(out.name)
        if not args.check:
            out.write_text(text, encoding="utf-8", newline="\n")
    if args.check and stale:
        print("stale forms: " + ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
