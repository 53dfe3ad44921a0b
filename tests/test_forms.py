"""The Python modules generated from ui/*.ui are current, and every form has one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_generated_forms_are_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "ui" / "compile_forms.py"), "--check"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_generated_form_has_its_ui_file() -> None:
    forms = {p.stem.removeprefix("ui_") for p in (ROOT / "desktop_app/gui/forms").glob("ui_*.py")}
    sources = {p.stem for p in (ROOT / "ui").glob("*.ui")}
    assert forms == sources


def test_form_texts_go_through_the_catalogs() -> None:
    """``pyside6-uic --tr _`` wraps every text in ``_``; a form compiled without it would show
    English whatever the language."""
    for path in (ROOT / "desktop_app/gui/forms").glob("ui_*.py"):
        text = path.read_text(encoding="utf-8")
        assert "QCoreApplication.translate(" not in text, path.name


def test_style_properties_are_not_translated() -> None:
    """A dynamic property such as ``role`` names a style rule; translated, the rule would no
    longer match in Chinese (write ``<string notr="true">`` in the .ui file)."""
    for path in (ROOT / "desktop_app/gui/forms").glob("ui_*.py"):
        text = path.read_text(encoding="utf-8")
        assert '.setProperty(u"role", _(' not in text, path.name
