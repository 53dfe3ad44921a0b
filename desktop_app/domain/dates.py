"""Dates as the ledger keeps them (ISO ``YYYY-MM-DD`` text) and as people type them."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
# A date followed by a time of day (and perhaps a UTC offset): the time is dropped.
_TIMESTAMP = re.compile(r"^(.+?)[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_EXCEL_EPOCH = date(1899, 12, 30)  # day 0 of Excel's serial numbers, for days after March 1900
# The years an Excel serial number is read in: the party's own history (1921 on) to the end of
# the century. Outside them a number is far more likely a mistyped date (2025, 202503) than a
# date, and reading it as one would store a day no one meant.
# The years the ledger accepts anywhere (a year typed, an Excel serial number read).
MIN_YEAR, MAX_YEAR = 1921, 2100
SERIAL_YEARS = (MIN_YEAR, MAX_YEAR)
_FIRST_SERIAL = (date(SERIAL_YEARS[0], 1, 1) - _EXCEL_EPOCH).days  # 7672
_LAST_SERIAL = (date(SERIAL_YEARS[1], 12, 31) - _EXCEL_EPOCH).days  # 73415


class DateParseError(ValueError):
    """Text that is not a date, or names a day that does not exist."""

    def __init__(self, text: str, impossible: bool) -> None:
        super().__init__(text)
        self.text = text
        self.impossible = impossible


def parse_date(value: object) -> date | None:
    """A date from a cell or a form: ``date``/``datetime``, an Excel serial number of a day in
    the years ``SERIAL_YEARS`` (1921–2100; any other number is unreadable), or text such as
    ``2025-03-18``, ``2025/3/18``, ``2025.3.18``, ``2025年3月18日``, ``20250318`` (a time of
    day after the date is ignored). Blank gives None; anything else raises
    ``DateParseError``, with ``impossible`` set when the text names a day that does not exist
    (``2025-02-30``)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not _FIRST_SERIAL <= value < _LAST_SERIAL + 1:
            raise DateParseError(str(value), impossible=False)
        return _EXCEL_EPOCH + timedelta(days=int(value))
    raw = str(value).strip()
    stamp = _TIMESTAMP.match(raw)
    if stamp:
        raw = stamp.group(1)
    text = "".join(raw.split())
    if not text:
        return None
    text = text.replace("－", "-").replace("／", "/").replace("．", ".")
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                raise DateParseError(str(value), impossible=True) from None
    raise DateParseError(str(value), impossible=False)


def to_iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def from_iso(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def add_years(day: date, years: int) -> date:
    """The same calendar day ``years`` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
