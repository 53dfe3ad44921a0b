"""Reading one cell: the value as the ledger stores it, or a plain reason why it cannot be.

Cells come from the reader as ``str``, ``int``, ``float``, ``bool``, ``datetime`` or None.
Each converter returns the stored value (ISO text for dates, 0/1 for flags, codes for
enumerations) or raises ``CellProblem`` with a message for the user.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from desktop_app.domain.dates import MAX_YEAR, MIN_YEAR, SERIAL_YEARS, DateParseError, parse_date
from desktop_app.domain.enums import DIMENSIONS, Enumeration, parse_yes_no
from desktop_app.domain.organizations import DEFAULT_TERM_YEARS
from desktop_app.i18n import N_, _
from desktop_app.workbook.contract import Column

# The characters a worksheet cannot hold (as openpyxl, which writes the workbooks, knows them).
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
# The error values of a formula that failed, as a worksheet stores them.
ERROR_CODES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A")

# A bare number in these years, in a date column, was meant as a year (not an Excel date).
YEAR_LIKE = SERIAL_YEARS
_DIMENSION_SEPARATORS = re.compile(r"[、,，;；/\s]+")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")

# "Unknown <what> “{value}”; write one of: {choices}." for each enumeration, by its name.
_UNKNOWN = {
    "level": N_("Unknown level “{value}”; write one of: {choices}."),
    "branch_type": N_("Unknown branch type “{value}”; write one of: {choices}."),
    "activity_type": N_("Unknown activity type “{value}”; write one of: {choices}."),
    "category": N_("Unknown category “{value}”; write one of: {choices}."),
    "dimension": N_("Unknown dimension “{value}”; write one or more of: {choices}."),
    "candidate_status": N_("Unknown status “{value}”; write one of: {choices}."),
    "task_status": N_("Unknown status “{value}”; write one of: {choices}."),
    "creation_level": N_("Unknown creation level “{value}”; write one of: {choices}."),
    "grade": N_("Unknown grade “{value}”; write one of: {choices}."),
    "brand_kind": N_("Unknown kind “{value}”; write one of: {choices}."),
    "org_state": N_("Unknown state “{value}”; write one of: {choices}."),
}


class CellProblem(ValueError):
    """A cell whose value cannot be used; ``message`` says why and how to fix it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    stripped = value.strip()
    # Text with something printable in it is not blank; else what is left without the
    # control characters decides.
    return not stripped or (not stripped.isprintable() and not _clean(stripped).strip())


def _clean(value: str) -> str:
    """``value`` without the control characters a worksheet cannot hold (Word leaves some in
    pasted text); they never enter the ledger."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def show(value: object) -> str:
    """A cell's value as the user sees it, for messages."""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _clean(str(value)).strip()


def text(value: object) -> str | None:
    """Text as the ledger keeps it: trimmed, without the control characters a worksheet cannot
    hold; blank is None."""
    if isinstance(value, str):
        return _clean(value).strip() or None
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    return show(value) or None


def enum_code(value: object, enum: Enumeration) -> str | None:
    if is_blank(value):
        return None
    code = enum.parse(show(value))
    if code is None:
        raise CellProblem(unknown_choice(enum, show(value)))
    return code


def unknown_choice(enum: Enumeration, value: str) -> str:
    template = _UNKNOWN.get(enum.name, N_("Unknown value “{value}”; write one of: {choices}."))
    return _(template).format(value=value, choices="、".join(enum.contract_names()))


def iso_date(value: object) -> str | None:
    if is_blank(value):
        return None
    if isinstance(value, time):
        raise CellProblem(
            _("“{value}” is a time of day, not a date; write the date like 2025-03-18.").format(
                value=show(value)
            )
        )
    try:
        day = parse_date(value if not isinstance(value, str) else value.strip())
    except DateParseError as error:
        looks_like_year = _year_alone(value)
        if looks_like_year is not None:
            raise CellProblem(
                _(
                    "{value} looks like a year, not a date; write the full date such as "
                    "{value}-03-18."
                ).format(value=looks_like_year)
            ) from None
        if error.impossible:
            raise CellProblem(
                _(
                    "“{value}” is not a real date: that day does not exist. Check the month and "
                    "the day."
                ).format(value=show(value))
            ) from None
        raise CellProblem(
            _("“{value}” is not a date that can be read; write it like 2025-03-18.").format(
                value=show(value)
            )
        ) from None
    return day.isoformat() if day else None


def _year_alone(value: object) -> int | None:
    """The year a cell holds when it holds a bare number (or text such as ``2025年``) that
    looks like a year rather than a date; else None."""
    if isinstance(value, bool):
        return None
    number: object = value
    if isinstance(value, str):
        raw = "".join(value.split()).removesuffix("年")
        number = int(raw) if raw.isascii() and raw.isdigit() else None
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    if isinstance(number, int) and YEAR_LIKE[0] <= number <= YEAR_LIKE[1]:
        return number
    return None


def whole_number(value: object) -> int:
    """A whole number from an int, a whole float (12.0) or numeric text; else CellProblem."""
    number: float | int | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str):
        raw = "".join(value.split()).removesuffix("人")
        if _NUMBER.match(raw):
            number = float(raw) if "." in raw else int(raw)
    if number is None:
        raise CellProblem(
            _("“{value}” is not a number; write a whole number such as 12.").format(
                value=show(value)
            )
        )
    if isinstance(number, float) and not number.is_integer():
        raise CellProblem(
            _("{value} is not a whole number; write a whole number such as 12.").format(
                value=show(value)
            )
        )
    return int(number)


def count(value: object, blank: int | None) -> int | None:
    if is_blank(value):
        return blank
    number = whole_number(value)
    if number < 0:
        raise CellProblem(
            _("{value} is negative; a count is a whole number of zero or more.").format(
                value=number
            )
        )
    return number


def term(value: object) -> int:
    if is_blank(value):
        return DEFAULT_TERM_YEARS
    number = whole_number(value)
    if number < 1:
        raise CellProblem(
            _("A term of {value} years is not possible; a term lasts at least one year.").format(
                value=number
            )
        )
    return number


def yes_no(value: object) -> int:
    if is_blank(value):
        return 0
    flag = parse_yes_no(value if not isinstance(value, str) else value.strip())
    if flag is None:
        raise CellProblem(
            _("“{value}” is neither 是 nor 否; write 是 or 否.").format(value=show(value))
        )
    return int(flag)


def year(value: object) -> int | None:
    if is_blank(value):
        return None
    raw = value.strip().removesuffix("年度").removesuffix("年") if isinstance(value, str) else value
    try:
        number = whole_number(raw)
    except CellProblem:
        number = None
    if number is None or not MIN_YEAR <= number <= MAX_YEAR:
        raise CellProblem(
            _(
                "“{value}” is not a year; write a year between {low} and {high}, such as 2025."
            ).format(value=show(value), low=MIN_YEAR, high=MAX_YEAR)
        )
    return number


def stars(value: object) -> int | None:
    if is_blank(value):
        return None
    raw: object = value
    if isinstance(value, str):
        raw = "".join(value.split()).removesuffix("星").removesuffix("级")
        if raw and set(raw) <= {"★", "☆"}:
            raw = raw.count("★")
    try:
        number = whole_number(raw)
    except CellProblem:
        number = None
    if number is None or not 1 <= number <= 5:
        raise CellProblem(
            _("“{value}” is not a star rating; give a whole number from 1 to 5.").format(
                value=show(value)
            )
        )
    return number


def dimensions(value: object) -> list[str]:
    if is_blank(value):
        return []
    found: list[str] = []
    unknown: list[str] = []
    for part in _DIMENSION_SEPARATORS.split(show(value)):
        if not part:
            continue
        code = DIMENSIONS.parse(part)
        if code is None:
            unknown.append(part)
        elif code not in found:
            found.append(code)
    if unknown:
        raise CellProblem(unknown_choice(DIMENSIONS, "、".join(unknown)))
    return found


def state(value: object, enum: Enumeration) -> int:
    code = enum_code(value, enum)
    return 0 if code == "dissolved" else 1


def period(value: object) -> str:
    return text(value) or ""


def converter(column: Column) -> Callable[[object], Any]:
    """The function that turns a cell of ``column`` into its stored value (it raises
    ``CellProblem``); an Excel error value (``#N/A``, ``#DIV/0!``…) is refused in every
    column."""
    convert = _converter(column)

    def checked(value: object) -> Any:
        refuse_error_value(value)
        return convert(value)

    if column.kind in _FREE_TEXT:
        return checked
    return _once(checked)


# Kinds of cell whose values seldom repeat: they are not worth remembering.
_FREE_TEXT = frozenset({"text", "period"})


def _once(convert: Callable[[object], Any]) -> Callable[[object], Any]:
    """``convert`` working out each distinct cell value once: a column of thousands of rows
    holds a few hundred dates, a few types, the same organizations again and again. (Kept
    for one sheet: the messages are in the language of the moment.)"""
    done: dict[tuple[type, object], tuple[bool, Any]] = {}

    def remembered(value: object) -> Any:
        key = (value.__class__, value)
        try:
            ok, result = done[key]
        except KeyError:
            try:
                ok, result = True, convert(value)
            except CellProblem as problem:
                ok, result = False, problem.message
            done[key] = (ok, result)
        except TypeError:  # a value that cannot be remembered
            return convert(value)
        if not ok:
            raise CellProblem(result)
        return list(result) if isinstance(result, list) else result

    return remembered


# The error values a spreadsheet shows for a formula that failed.
EXCEL_ERRORS = frozenset(ERROR_CODES) | {"#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!"}


def refuse_error_value(value: object) -> None:
    """Raise ``CellProblem`` for a cell that holds an Excel error value."""
    if isinstance(value, str) and value.strip().upper() in EXCEL_ERRORS:
        raise CellProblem(
            _(
                "The cell shows the error {value}: a formula that failed, not a value. Correct "
                "the formula or type the value instead."
            ).format(value=value.strip())
        )


def _converter(column: Column) -> Callable[[object], Any]:
    kind, enum = column.kind, column.enum
    if kind == "enum" and enum is not None:
        return lambda value: enum_code(value, enum)
    if kind == "state" and enum is not None:
        return lambda value: state(value, enum)
    if kind == "count":
        return lambda value: count(value, 0)
    if kind == "optcount":
        return lambda value: count(value, None)
    simple: dict[str, Callable[[object], Any]] = {
        "date": iso_date,
        "term": term,
        "yesno": yes_no,
        "year": year,
        "stars": stars,
        "dims": dimensions,
        "period": period,
    }
    return simple.get(kind, text)
