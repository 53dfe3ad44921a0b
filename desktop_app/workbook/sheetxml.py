"""Reading a worksheet's XML as a stream: its rows of values, and on the way what a table of
values does not tell: its merged cells, and the formulas whose result was never saved in the
file (a workbook written by a program rather than by Excel or WPS), which read as blank.

Only the values are read (a formula gives its saved result), one row at a time, so a sheet of
tens of thousands of rows never sits in memory as XML. Each value is what openpyxl, the
library that read workbooks before, gives for the cell: text, ``int``, ``float``, ``bool``,
``datetime`` (``time`` or ``timedelta`` for times of day and durations) for a number in a date
format, the error text (``#N/A``) of a failed formula, or None.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any
from xml.etree import ElementTree

from desktop_app.workbook.cellrefs import cell_range, column_index, coordinate, known_columns
from desktop_app.workbook.xlsxvalues import WINDOWS_EPOCH, from_iso, from_serial, number

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW = f"{_MAIN}row"
_CELL = f"{_MAIN}c"
_VALUE = f"{_MAIN}v"
_FORMULA = f"{_MAIN}f"
_INLINE = f"{_MAIN}is"
_TEXT = f"{_MAIN}t"
_RUN = f"{_MAIN}r"
_SHARED = f"{_MAIN}si"
_MERGE = f"{_MAIN}mergeCell"
_DIGITS = "0123456789"
_COLUMNS = known_columns()


@dataclass
class SheetExtras:
    """``uncached``: (row, column) of formulas without a saved result, both 1-based;
    ``merged``: (min_col, min_row, max_col, max_row) of each merged range."""

    uncached: list[tuple[int, int]] = field(default_factory=list)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)


@dataclass
class Context:
    """What the values of a sheet depend on: the workbook's shared strings, the styles that
    show a number as a date (and of them those that show a duration), the date system."""

    shared: list[str]
    dates: frozenset[int] = frozenset()
    elapsed: frozenset[int] = frozenset()
    epoch: datetime = WINDOWS_EPOCH
    # The value of each (stored number, style) read in a date style, read once.
    seen: dict[tuple[str, str], Any] = field(default_factory=dict)


def read_shared_strings(source: IO[bytes]) -> list[str]:
    """The workbook's table of shared strings, each as plain text."""
    strings = []
    for _event, element in ElementTree.iterparse(source):
        if element.tag == _SHARED:
            strings.append(_text(element).replace("x005F_", ""))
            element.clear()
    return strings


def iter_rows(
    source: IO[bytes], context: Context, extras: SheetExtras
) -> Iterator[tuple[Any, ...]]:
    """The rows of a worksheet from row 1 on, each a tuple of values as wide as its last
    cell (an empty tuple for a row the file leaves out); ``extras`` gets the merged ranges and
    the formulas without a saved result."""
    expected = 1  # the number of the next row to give
    at = 0  # the number of the row read last
    for _event, element in ElementTree.iterparse(source):
        tag = element.tag
        if tag == _ROW:
            given = element.get("r")
            at = _row_number(given) if given else at + 1
            if at >= expected:  # a row before one already given is left out
                while expected < at:
                    yield ()
                    expected += 1
                expected += 1
                yield _row_values(element, context, extras)
            element.clear()
        elif tag == _MERGE:
            bounds = cell_range(element.get("ref") or "")
            if bounds is not None:
                extras.merged.append(bounds)


def _row_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        value = float(text)
        if not value.is_integer():
            raise ValueError(f"{text} is not a row number") from None
        return int(value)


def _row_values(row: ElementTree.Element, context: Context, extras: SheetExtras) -> tuple[Any, ...]:
    cells: list[tuple[int, Any]] = []
    column = 0
    in_order = True  # each cell in the column after the one before, from A on
    for cell in row:
        if cell.tag != _CELL:
            continue
        ref = cell.get("r")
        if ref:
            letters = ref.rstrip(_DIGITS)
            column = _COLUMNS.get(letters) or column_index(letters.replace("$", ""))
        else:
            column += 1
        kind = cell.get("t", "n")
        children = len(cell)
        if children == 1:
            child = cell[0]
            tag = child.tag
            if tag == _VALUE and kind != "inlineStr":
                stored = child.text
                value = _stored(kind, stored, cell, context) if stored else None
            elif tag == _INLINE and kind == "inlineStr":
                value = _text(child)
            else:
                value = _value(cell, kind, context)
                if tag == _FORMULA:
                    _check_formula(cell, ref, extras)
        else:
            value = _value(cell, kind, context)
            if children:
                _check_formula(cell, ref, extras)
        if column != len(cells) + 1:
            in_order = False
        cells.append((column, value))
    if not cells:
        return ()
    if in_order:
        return tuple([value for _column, value in cells])
    width = cells[-1][0]
    values: list[Any] = [None] * width
    for index, value in cells:
        if index <= width:
            values[index - 1] = value
    return tuple(values)


def _value(cell: ElementTree.Element, kind: str, context: Context) -> Any:
    if kind == "inlineStr":
        inline = cell.find(_INLINE)
        return None if inline is None else _text(inline)
    stored = cell.findtext(_VALUE)
    return _stored(kind, stored, cell, context) if stored else None


def _stored(kind: str, stored: str, cell: ElementTree.Element, context: Context) -> Any:
    """The value of a cell of type ``kind`` whose ``<v>`` holds ``stored`` (not empty)."""
    if kind == "n":
        style = cell.get("s")
        if style and int(style) in context.dates:
            return _date(stored, style, context)
        return number(stored)
    if kind == "s":
        index = int(stored)
        if not 0 <= index < len(context.shared):
            raise ValueError(f"There is no shared string {index}")
        return context.shared[index]
    if kind == "b":
        return bool(int(stored))
    if kind == "d":
        return from_iso(stored)
    return stored  # "str" (a formula's text), "e" (an error such as #N/A)


def _date(stored: str, style: str, context: Context) -> Any:
    key = (stored, style)
    found = context.seen.get(key)
    if found is None:
        try:
            found = from_serial(number(stored), context.epoch, int(style) in context.elapsed)
        except (OverflowError, ValueError):
            found = "#VALUE!"  # a number no date can be: read as the error Excel shows
        context.seen[key] = found
    return found


def _check_formula(cell: ElementTree.Element, ref: str | None, extras: SheetExtras) -> None:
    """Note a formula whose result was not saved (an empty text result is a result)."""
    if cell.find(_FORMULA) is None or ref is None:
        return
    saved = cell.find(_VALUE)
    if saved is not None and (saved.text or cell.get("t") == "str"):
        return
    extras.uncached.append(coordinate(ref))


def _text(node: ElementTree.Element) -> str:
    """The plain text of a string (inline or shared): its text, or its runs of formatted
    text put together; phonetic guides are left out."""
    if len(node) == 1 and node[0].tag == _TEXT:
        return node[0].text or ""
    plain = None
    runs = []
    for child in node:
        if child.tag == _TEXT:
            plain = child.text
        elif child.tag == _RUN:
            run = None
            for part in child:
                if part.tag == _TEXT:
                    run = part.text
            if run is not None:
                runs.append(run)
    return (plain or "") + "".join(runs)
