"""What a read-only openpyxl sheet does not tell: its merged cells, and the formulas whose
result was never saved in the file (a workbook written by a program rather than by Excel or
WPS), which read as blank. Both are found in the sheet's XML inside the .xlsx file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries

_ANY_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_VALUE = re.compile(rb"<(?:\w+:)?v>(.*?)</(?:\w+:)?v>", re.DOTALL)
_REF = re.compile(rb'\br="([A-Za-z]+[0-9]+)"')
_STRING_TYPE = re.compile(rb'\bt="str"')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Za-z0-9:$]+)"')


@dataclass
class SheetExtras:
    """``uncached``: (row, column) of formulas without a saved result, both 1-based;
    ``merged``: (min_col, min_row, max_col, max_row) of each merged range."""

    uncached: list[tuple[int, int]] = field(default_factory=list)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)


def scan_sheet(sheet: Any) -> SheetExtras:
    """The merged ranges and unsaved formula results of a read-only openpyxl ``sheet``;
    nothing when the sheet is not backed by XML in the file."""
    extras = SheetExtras()
    archive = getattr(getattr(sheet, "parent", None), "_archive", None)
    path = getattr(sheet, "_worksheet_path", None)
    if archive is None or path is None:
        return extras
    data = archive.read(path)
    for match in _MERGE.finditer(data):
        try:
            bounds = range_boundaries(match.group(1).decode("ascii").replace("$", ""))
        except (ValueError, TypeError):
            continue
        if None not in bounds:
            extras.merged.append(bounds)  # type: ignore[arg-type]
    if _ANY_FORMULA.search(data) is None:
        return extras
    for cell in _CELL.finditer(data):
        body = cell.group(2)
        if not body or _FORMULA.search(body) is None:
            continue
        value = _VALUE.search(body)
        if value is not None and (value.group(1) or _STRING_TYPE.search(cell.group(1))):
            continue  # the result was saved (an empty text result is a result)
        ref = _REF.search(cell.group(1))
        if ref is not None:
            extras.uncached.append(coordinate_to_tuple(ref.group(1).decode("ascii")))
    return extras
