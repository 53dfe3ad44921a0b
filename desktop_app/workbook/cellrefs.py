"""Cell references as a worksheet writes them: column letters (``A`` … ``ZZZ``), coordinates
(``B12``, ``$B$12``) and ranges (``A2:A4``)."""

from __future__ import annotations

import re
from string import ascii_uppercase

MAX_COLUMN = 18278  # ZZZ
_COORDINATE = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
_RANGE = re.compile(r"^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$")
_INDEX: dict[str, int] = {}


def column_index(letters: str) -> int:
    """The 1-based index of column ``letters`` (``A`` is 1, ``AA`` 27); ValueError if they
    name no column."""
    index = _INDEX.get(letters)
    if index is not None:
        return index
    if not 1 <= len(letters) <= 3 or not letters.isascii() or not letters.isalpha():
        raise ValueError(f"{letters!r} is not a column name (A to ZZZ)")
    index = 0
    for letter in letters.upper():
        index = index * 26 + ascii_uppercase.index(letter) + 1
    _INDEX[letters] = index
    return index


def known_columns() -> dict[str, int]:
    """The letters of the columns met so far → their index (filled as they are met)."""
    return _INDEX


def column_letter(index: int) -> str:
    """The letters of the 1-based column ``index``."""
    if not 1 <= index <= MAX_COLUMN:
        raise ValueError(f"{index} is not a column number (1 to {MAX_COLUMN})")
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = ascii_uppercase[remainder] + letters
    return letters


def coordinate(text: str) -> tuple[int, int]:
    """``(row, column)`` of a cell reference such as ``B12`` or ``$B$12``; ValueError if it is
    not one."""
    match = _COORDINATE.match(text)
    if match is None or not int(match.group(2)):
        raise ValueError(f"{text!r} is not a cell reference")
    return int(match.group(2)), column_index(match.group(1))


def cell_range(text: str) -> tuple[int, int, int, int] | None:
    """``(min_col, min_row, max_col, max_row)`` of a range of cells such as ``A2:A4`` (a
    single cell is a range of one); None for whole rows or columns (``A:A``, ``2:4``) or text
    that is no range."""
    match = _RANGE.match(text.replace("$", ""))
    if match is None:
        return None
    first_col, first_row, last_col, last_row = match.groups()
    try:
        min_col = column_index(first_col)
        max_col = column_index(last_col) if last_col else min_col
    except ValueError:
        return None
    min_row = int(first_row)
    max_row = int(last_row) if last_row else min_row
    return min_col, min_row, max_col, max_row
