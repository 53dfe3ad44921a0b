"""Build the one-folder application ``party-ledger`` with PyInstaller.

    python packaging/build.py [--dist DIR] [--work DIR]

Compiles the Babel catalogs (``i18n/*/LC_MESSAGES/messages.po``) into ``.mo`` files, writes the
Windows version resource from the package's version, runs PyInstaller with
``packaging/party-ledger.spec`` and prints the folder's size. The folder is
``DIR/party-ledger`` (default ``dist/party-ledger``); ``packaging/party-ledger.iss`` makes the
Windows installer from it.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "party-ledger.spec"

VERSION_RESOURCE = """VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', '党建台账'),
      StringStruct('FileDescription', '党建台账 Party Ledger'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'party-ledger'),
      StringStruct('LegalCopyright', 'MIT License'),
      StringStruct('OriginalFilename', 'party-ledger.exe'),
      StringStruct('ProductName', '党建台账 Party Ledger'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""


def package_version() -> str:
    text = (ROOT / "desktop_app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise SystemExit("desktop_app/__init__.py has no __version__")
    return found.group(1)


def compile_catalogs(target: Path) -> list[Path]:
    """Every ``messages.po`` compiled to ``target/<lang>/LC_MESSAGES/messages.mo``."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted((ROOT / "i18n").glob("*/LC_MESSAGES/messages.po")):
        language = po.parent.parent.name
        with po.open("rb") as source:
            catalog = read_po(source, locale=language)
        mo = target / language / "LC_MESSAGES" / "messages.mo"
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as out:
            write_mo(out, catalog)
        written.append(mo)
    return written


def write_version_resource(target: Path, version: str) -> Path:
    parts = [int(p) for p in re.findall(r"\d+", version)[:4]]
    numbers = tuple(parts + [0] * (4 - len(parts)))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(VERSION_RESOURCE.format(numbers=numbers, version=version), "utf-8")
    return target


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path) -> Path:
    catalogs = work / "catalogs"
    if not compile_catalogs(catalogs):
        raise SystemExit("no catalogs in i18n/")
    version_file = write_version_resource(work / "version.txt", package_version())
    env = dict(os.environ)
    env["PARTY_LEDGER_CATALOGS"] = str(catalogs)
    env["PARTY_LEDGER_VERSION_FILE"] = str(version_file)
    command = [
        sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work / "pyinstaller"), str(SPEC),
    ]  # fmt: skip
    subprocess.run(command, check=True, env=env, cwd=ROOT)
    return dist / "party-ledger"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    args = parser.parse_args(argv)
    folder = build(args.dist.resolve(), args.work.resolve())
    size = folder_size(folder)
    print(f"{folder}: {size / 1024 / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
