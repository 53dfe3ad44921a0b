"""Rules of the codebase that a review would otherwise have to remember."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

# The source tree beside the tests (CI tests an installed copy of the same files).
REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "desktop_app"
MAX_MODULE_LINES = 500


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "_data" not in p.parts)


def test_core_never_imports_qt() -> None:
    offenders = []
    for path in _modules():
        if "gui" in path.relative_to(PACKAGE).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6") for n in names):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_modules_stay_small() -> None:
    """Hand-written modules, that is: the forms generated from ui/*.ui are as long as their
    Designer files make them."""
    forms = PACKAGE / "gui" / "forms"
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in _modules()
        if forms not in p.parents
        and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def test_no_network_modules() -> None:
    forbidden = {"socket", "urllib.request", "http.client", "requests", "httpx", "ftplib"}
    offenders = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                offenders += [a.name for a in node.names if a.name in forbidden]
            elif isinstance(node, ast.ImportFrom) and node.module in forbidden:
                offenders.append(node.module)
    assert offenders == []


@pytest.mark.skipif(importlib.util.find_spec("ruff") is None, reason="ruff is in the test extra")
def test_ruff_clean() -> None:
    ruff = [sys.executable, "-m", "ruff"]
    check = subprocess.run(
        [*ruff, "check", "--quiet", "--no-cache", "."],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    fmt = subprocess.run(
        [*ruff, "format", "--check", "--quiet", "--no-cache", "."],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_tests_do_not_import_through_the_repository_root() -> None:
    """CI installs the package (not editable), so ``tests`` is no importable package there:
    test helpers are imported as the test runner names them (``conftest``, ``gui.conftest``)."""
    tests = Path(__file__).resolve().parent
    offenders = [
        str(path.relative_to(tests))
        for path in tests.rglob("*.py")
        if any(
            line.startswith(("from tests.", "import tests"))
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []
