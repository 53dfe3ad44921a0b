"""The values a worksheet stores, read as a spreadsheet program shows them: numbers, and the
numbers whose cell format is a date or a time (days since the workbook's epoch, 1900 or 1904),
dates written as ISO text, and the formats that make a number a date.

The rules are those of the openpyxl library, which read workbooks before this reader did: a
workbook reads the same with either.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

WINDOWS_EPOCH = datetime(1899, 12, 30)  # the 1900 date system (Excel and WPS on Windows)
MAC_EPOCH = datetime(1904, 1, 1)  # the 1904 date system (old Excel for Mac)
SECONDS_PER_DAY = 86400

# The number formats a workbook uses by number without defining them.
BUILTIN_FORMATS: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)',
    8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}

# Quoted text and bracketed parts other than elapsed hours, minutes or seconds say nothing
# about dates ("[Red]", "[$-804]").
_LITERALS = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_PART = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_ELAPSED = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)
_ISO = re.compile(
    r"(?P<date>(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}))?T?"
    r"(?P<time>(?P<hour>\d{2}):(?P<minute>\d{2})"
    r"(:(?P<second>\d{2})(?P<microsecond>\.\d{1,3})?)?)?Z?"
)
_DURATION = re.compile(r"PT((?P<hours>\d+)H)?((?P<minutes>\d+)M)?((?P<seconds>\d+(\.\d{1,3})?)S)?")


def is_date_format(code: str | None) -> bool:
    """True when a number in this format is shown as a date or a time."""
    if code is None:
        return False
    first = _LITERALS.sub("", code.split(";")[0])
    return _DATE_PART.search(first) is not None


def is_elapsed_format(code: str | None) -> bool:
    """True when a number in this format is shown as elapsed time (``[h]:mm``)."""
    if code is None:
        return False
    return _ELAPSED.search(code.split(";")[0]) is not None


def number(text: str) -> int | float:
    """A number as a cell stores it: a float when written with a point or an exponent."""
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def from_serial(
    value: float, epoch: datetime = WINDOWS_EPOCH, elapsed: bool = False
) -> datetime | time | timedelta:
    """The day (and time) ``value`` days after ``epoch``: a time of day for a value below
    one, a duration for a cell in an elapsed-time format. OverflowError or ValueError for a
    number no date can be."""
    if elapsed:
        span = timedelta(days=value)
        if span.microseconds:  # to the millisecond
            span = timedelta(
                seconds=span.total_seconds() // 1, microseconds=round(span.microseconds, -3)
            )
        return span
    day, fraction = divmod(value, 1)
    rest = timedelta(milliseconds=round(fraction * SECONDS_PER_DAY * 1000))
    if 0 <= value < 1 and rest.days == 0:
        minutes, seconds = divmod(rest.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return time(hours, minutes, seconds, rest.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1  # the 1900 system counts a 29 February 1900 that never was
    return epoch + timedelta(days=day) + rest


def from_iso(text: str) -> date | datetime | time | timedelta | None:
    """A date, time or duration a cell of type ``d`` holds as ISO 8601 text; ValueError if
    the text is none of them."""
    if not text:
        return None
    match = _ISO.match(text)
    if match and any(match.groups()):
        parts = match.groupdict()
        year, month, day = (int(parts[k] or 0) for k in ("year", "month", "day"))
        hour, minute, second = (int(parts[k] or 0) for k in ("hour", "minute", "second"))
        micro = int(float(parts["microsecond"]) * 1_000_000) if parts["microsecond"] else 0
        if not parts["date"]:
            return time(hour, minute, second, micro)
        if not parts["time"]:
            return date(year, month, day)
        return datetime(year, month, day, hour, minute, second, micro)
    match = _DURATION.match(text)
    if match and any(match.groups()):
        found = {k: float(v) for k, v in match.groupdict().items() if v}
        return timedelta(**found)
    raise ValueError(f"Invalid datetime value {text}")
