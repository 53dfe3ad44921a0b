"""The report fonts: the bundled face by default; the Windows faces where their files exist,
each role falling back to the bundled face."""

from __future__ import annotations

import shutil
from pathlib import Path

from desktop_app.paths import resource
from desktop_app.reports.fonts import BUNDLED, BUNDLED_FILE, report_fonts


def test_bundled_fonts_serve_every_role() -> None:
    fonts = report_fonts("bundled")
    assert {fonts.title, fonts.heading1, fonts.heading2, fonts.body, fonts.table} == {BUNDLED}


def test_windows_faces_are_used_where_present(tmp_path: Path) -> None:
    # Stand-ins with the Windows file names (any TrueType font will do for the lookup).
    for name in ("simhei.ttf", "simfang.ttf"):
        shutil.copyfile(resource(*BUNDLED_FILE), tmp_path / name)
    fonts = report_fonts("windows", tmp_path)
    assert fonts.heading1 == "SimHei"
    assert fonts.body == "FangSong"
    # simsun.ttc and simkai.ttf are missing: those roles keep the bundled face.
    assert fonts.title == BUNDLED
    assert fonts.heading2 == BUNDLED
    assert fonts.table == BUNDLED


def test_an_unreadable_windows_font_falls_back(tmp_path: Path) -> None:
    (tmp_path / "simkai.ttf").write_bytes(b"not a font")
    assert report_fonts("windows", tmp_path).heading2 == BUNDLED
