"""The typefaces of the printed reports.

Every PDF embeds its fonts (as subsets), so it prints the same on any PC and its text can be
searched and copied. By default all roles use the bundled WenQuanYi Micro Hei; with the
``windows`` choice the usual faces of a Chinese Windows PC are used where present (SimSun for
the title, SimHei for level-1 headings, KaiTi for level-2, FangSong for the body, as GB/T
9704-2012 asks), each role falling back to the bundled face when its file is missing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app.paths import resource

BUNDLED = "WenQuanYiMicroHei"
BUNDLED_FILE = ("fonts", "WenQuanYiMicroHei.ttf")
FONT_CHOICES = ("bundled", "windows")

# role → (registered name, file names in the Windows font folder, subfont index of a .ttc)
_WINDOWS_FACES: dict[str, tuple[str, tuple[str, ...], int]] = {
    "title": ("SimSun", ("simsun.ttc",), 0),
    "heading1": ("SimHei", ("simhei.ttf",), 0),
    "heading2": ("KaiTi", ("simkai.ttf",), 0),
    "body": ("FangSong", ("simfang.ttf",), 0),
}


@dataclass(frozen=True)
class ReportFonts:
    """The registered font name of each typographic role."""

    title: str
    heading1: str
    heading2: str
    body: str
    table: str


def _register(name: str, path: Path, subfont: int = 0) -> str:
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=subfont))
    return name


def bundled_font() -> str:
    return _register(BUNDLED, resource(*BUNDLED_FILE))


def windows_fonts_dir() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def report_fonts(choice: str = "bundled", fonts_dir: Path | None = None) -> ReportFonts:
    """The fonts for ``choice`` (``bundled`` or ``windows``), registered with ReportLab."""
    fallback = bundled_font()
    roles = dict.fromkeys(("title", "heading1", "heading2", "body"), fallback)
    if choice == "windows":
        folder = fonts_dir or windows_fonts_dir()
        for role, (name, files, subfont) in _WINDOWS_FACES.items():
            for file in files:
                path = folder / file
                if path.is_file():
                    try:
                        roles[role] = _register(name, path, subfont)
                    except Exception:  # an unreadable or CFF-outline file: keep the bundled face
                        continue
                    break
    # Small type in tables reads best in a song face (SimSun) where there is one.
    return ReportFonts(table=roles["title"], **roles)


WINDOWS_FACES = tuple(name for name, _files, _subfont in _WINDOWS_FACES.values())


def windows_faces_present(fonts_dir: Path | None = None) -> list[str]:
    """The Windows faces whose files are in the font folder (SimSun, SimHei, …)."""
    folder = fonts_dir or windows_fonts_dir()
    return [
        name
        for name, files, _subfont in _WINDOWS_FACES.values()
        if any((folder / file).is_file() for file in files)
    ]
