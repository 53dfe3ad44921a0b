"""The one-folder application built with PyInstaller (packaging/party-ledger.spec): it starts
without Python installed, takes the package's command line, imports a workbook, prints the
summary PDF and renders its window. Slow: it builds the application first (about a minute)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from contract_workbooks import AS_OF, YEAR, generate
from pypdf import PdfReader

from desktop_app import __version__

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The built folder, made from this checkout's spec by its build script."""
    pytest.importorskip("PyInstaller")
    work = tmp_path_factory.mktemp("build")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--dist",
            str(work / "dist"),
            "--work",
            str(work / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    folder = work / "dist" / "party-ledger"
    assert folder.is_dir()
    yield folder


def _run(frozen: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    suffix = ".exe" if sys.platform == "win32" else ""
    env = {
        # Nothing of this checkout or its Python: only what the folder carries.
        "PATH": os.environ.get("PATH", ""),
        "PARTY_LEDGER_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "SYSTEMROOT": os.environ.get("SYSTEMROOT", ""),
    }
    return subprocess.run(
        [str(frozen / f"party-ledger-cli{suffix}"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=home.parent,
        timeout=600,
        check=False,
    )


def test_the_folder_carries_what_the_application_needs(frozen: Path) -> None:
    internal = frozen / "_internal"
    data = internal / "desktop_app" / "_data"
    assert (data / "resources" / "fonts" / "WenQuanYiMicroHei.ttf").is_file()
    assert (data / "resources" / "style.qss").is_file()
    assert (data / "resources" / "icons" / "app.ico").is_file()
    for language in ("zh_CN", "zh_TW", "en"):
        assert (data / "i18n" / language / "LC_MESSAGES" / "messages.mo").is_file()
    assert not list(data.rglob("*.po"))
    qt = {p.name.split(".")[0] for p in internal.rglob("PySide6/Qt*.*") if p.suffix != ".py"}
    assert {"QtCore", "QtGui", "QtWidgets"} <= qt
    assert not {name for name in qt if "WebEngine" in name or "Qml" in name or "Quick" in name}
    locales = {p.stem for p in (internal / "babel" / "locale-data").glob("*.dat")}
    assert {"zh_Hans_CN", "zh_Hant_TW", "en"} <= locales and len(locales) < 10


def test_the_frozen_application_imports_reports_and_renders(frozen: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    version = _run(frozen, home, "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"party-ledger {__version__}"

    workbook = tmp_path / "university.xlsx"
    generate(7, workbook)
    ledger = tmp_path / "ledger.sqlite"
    imported = _run(frozen, home, "--db", str(ledger), "import", str(workbook))
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "工作簿已导入" in imported.stdout

    pdf = tmp_path / "summary.pdf"
    report = _run(
        frozen, home, "--db", str(ledger), "report", "--year", str(YEAR),
        "--as-of", AS_OF.isoformat(), "--out", str(pdf),
    )  # fmt: skip
    assert report.returncode == 0, report.stdout + report.stderr
    text = PdfReader(pdf).pages[0].extract_text()
    assert f"{YEAR}年度党建工作总结" in text.replace(" ", "")

    shots = tmp_path / "shots"
    window = _run(
        frozen, home, "--db", str(ledger), "gui", "--year", str(YEAR), "--screenshot", str(shots)
    )
    assert window.returncode == 0, window.stdout + window.stderr
    assert len(list(shots.glob("*.png"))) == 9
    assert (shots / "dashboard.png").stat().st_size > 20_000
    logs = home / "logs"
    assert not logs.exists() or not list(logs.glob("crash-*.log"))
