"""An .xlsx file opened for reading: which worksheets it has (their titles, order, state and
XML part), its date system, which cell styles show numbers as dates, and its shared strings.

The package is read with the standard library alone (``zipfile`` and ``ElementTree``). A file
that is not an Excel workbook or is damaged raises ``BadZipFile``, ``KeyError`` (a part that
is missing), ``OSError``, ``ValueError`` or ``SyntaxError`` (XML that cannot be parsed); the
reader turns these into one message for the user.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree

from desktop_app.workbook import sheetxml
from desktop_app.workbook.xlsxvalues import (
    BUILTIN_FORMATS,
    MAC_EPOCH,
    WINDOWS_EPOCH,
    is_date_format,
    is_elapsed_format,
)

# The file names a workbook may have (a template or a workbook with macros reads the same).
SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_WORKBOOK_TYPES = (
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
)
_SHARED_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_STYLES = "xl/styles.xml"


@dataclass(frozen=True)
class SheetPart:
    """One worksheet: its title, its state (``visible``, ``hidden``, ``veryHidden``; None
    when the file says ``none``) and the name of its XML part in the file."""

    title: str
    state: str | None
    part: str


@dataclass
class Styles:
    """The cell styles (by number) whose format shows a number as a date or time, and those
    of them that show elapsed time (a duration)."""

    dates: frozenset[int] = field(default_factory=frozenset)
    elapsed: frozenset[int] = field(default_factory=frozenset)


class Package:
    """An open .xlsx file; ``close()`` it (or use ``with``)."""

    def __init__(self, path: str | Path) -> None:
        if Path(path).suffix.lower() not in SUFFIXES:
            raise ValueError(f"{path} is not named as an Excel workbook")
        self.archive = zipfile.ZipFile(path)
        try:
            self._names = set(self.archive.namelist())
            types = ElementTree.fromstring(self.archive.read("[Content_Types].xml"))
            overrides = [
                (o.get("PartName") or "", o.get("ContentType") or "")
                for o in types.iter(f"{_TYPES}Override")
            ]
            defaults = {d.get("ContentType") for d in types.iter(f"{_TYPES}Default")}
            workbook = _workbook_part(overrides, defaults)
            root = ElementTree.fromstring(self.archive.read(workbook))
            self.epoch = _epoch(root)
            self.sheets = self._sheets(root, workbook)
            self.styles = self._styles()
            self.shared_strings = self._shared_strings(overrides)
        except BaseException:
            self.archive.close()
            raise

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stream(self, sheet: SheetPart) -> SheetStream:
        """The rows of ``sheet``, to be read once."""
        context = sheetxml.Context(
            self.shared_strings, self.styles.dates, self.styles.elapsed, self.epoch
        )
        return SheetStream(self, sheet, context)

    def _sheets(self, root: ElementTree.Element, workbook: str) -> list[SheetPart]:
        """The worksheets in the workbook's order; chart sheets and sheets whose part is
        missing from the file are left out."""
        targets = self._relationships(workbook)
        found = []
        sheets = root.find(f"{_MAIN}sheets")
        for sheet in sheets if sheets is not None else ():
            if sheet.tag != f"{_MAIN}sheet":
                continue
            rel_id = sheet.get(_REL_ID)
            if not rel_id:
                continue
            kind, target = targets[rel_id]
            if target not in self._names or "chartsheet" in kind:
                continue
            state = sheet.get("state", "visible")
            found.append(
                SheetPart(sheet.get("name") or "", None if state == "none" else state, target)
            )
        return found

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """The relationships of ``part``: id → (type, the part it names; a relative target is
        relative to the folder of ``part``)."""
        folder, name = posixpath.split(part)
        root = ElementTree.fromstring(
            self.archive.read(posixpath.join(folder, "_rels", name + ".rels"))
        )
        found: dict[str, tuple[str, str]] = {}
        for count, rel in enumerate(root.iter(f"{_RELS}Relationship"), start=1):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") != "External":
                if target.startswith("/"):
                    target = target[1:]
                else:
                    target = posixpath.normpath(posixpath.join(folder, target))
            found[rel.get("Id") or f"rId{count}"] = (rel.get("Type") or "", target)
        return found

    def _styles(self) -> Styles:
        if _STYLES not in self._names:
            return Styles()
        root = ElementTree.fromstring(self.archive.read(_STYLES))
        custom = {
            int(f.get("numFmtId", "")): f.get("formatCode")
            for f in root.iterfind(f"{_MAIN}numFmts/{_MAIN}numFmt")
        }
        dates, elapsed = set(), set()
        for index, xf in enumerate(root.iterfind(f"{_MAIN}cellXfs/{_MAIN}xf")):
            number = int(xf.get("numFmtId") or 0)
            code = custom[number] if number in custom else BUILTIN_FORMATS.get(number)
            if is_date_format(code):
                dates.add(index)
            if is_elapsed_format(code):
                elapsed.add(index)
        return Styles(frozenset(dates), frozenset(elapsed))

    def _shared_strings(self, overrides: list[tuple[str, str]]) -> list[str]:
        for name, kind in overrides:
            if kind == _SHARED_STRINGS:
                with self.archive.open(name[1:]) as source:
                    return sheetxml.read_shared_strings(source)
        return []


class SheetStream:
    """The rows of one worksheet from row 1 on (see ``sheetxml.iter_rows``), read as they are
    iterated; ``extras`` gets the sheet's merged ranges and unsaved formula results on the
    way (all of them once the rows are read to the end)."""

    def __init__(self, package: Package, sheet: SheetPart, context: sheetxml.Context) -> None:
        self.package = package
        self.sheet = sheet
        self.context = context
        self.extras = sheetxml.SheetExtras()

    def __iter__(self) -> Iterator[tuple[object, ...]]:
        with self.package.archive.open(self.sheet.part) as source:
            yield from sheetxml.iter_rows(source, self.context, self.extras)


def _workbook_part(overrides: list[tuple[str, str]], defaults: set[str | None]) -> str:
    """The name of the workbook's main part, found by its content type."""
    for wanted in _WORKBOOK_TYPES:
        for name, kind in overrides:
            if kind == wanted:
                return name[1:]
    if defaults & set(_WORKBOOK_TYPES):
        return "xl/workbook.xml"
    raise OSError("The file holds no workbook part")


def _epoch(root: ElementTree.Element) -> datetime:
    """Day 0 of the workbook's date system: 1904 when the workbook says so."""
    properties = root.find(f"{_MAIN}workbookPr")
    flag = properties.get("date1904") if properties is not None else None
    if flag is None or flag in ("false", "f", "0", ""):
        return WINDOWS_EPOCH
    return MAC_EPOCH
