"""Dates, months, numbers and percentages as the language in use writes them, through Babel.

The language is ``desktop_app.i18n.current_language()``, so a report made inside an
``i18n.language(code)`` block is formatted in that language, whatever the window's:

=================  ==================  ==================  ================
                   简体中文 (zh_CN)      繁體中文 (zh_TW)      English (en)
=================  ==================  ==================  ================
``format_date``    2025年3月18日         2025年3月18日         Mar 18, 2025
``format_month``   3月                  3月                  Mar
``format_period``  2025年3月             2025年3月             Mar 2025
                   2025年第1季度          2025年第1季           Q1 2025
``format_number``  1,329               1,329               1,329
``format_percent`` 96.1%               96.1%               96.1%
=================  ==================  ==================  ================

These are for people to read (the window and the PDFs). Stored values, the workbook export
and the command line keep ISO dates and plain numbers; tables sort by the raw values.

Dates, months and periods are formatted once per (value, Babel locale) and kept: a table of a
whole university repeats the same few months and dates thousands of times, and Babel takes
microseconds for each.
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from desktop_app.i18n import current_language

BABEL_LOCALES: dict[str, str] = {"zh_CN": "zh_Hans_CN", "zh_TW": "zh_Hant_TW", "en": "en"}
"""The Babel (CLDR) locale of each interface language."""


def babel_locale() -> str:
    """The Babel locale of the language in use: ``zh_Hans_CN``, ``zh_Hant_TW`` or ``en``."""
    return BABEL_LOCALES.get(current_language(), "en")


@functools.cache
def _parsed(identifier: str) -> Locale:
    return Locale.parse(identifier)


def locale() -> Locale:
    """The Babel ``Locale`` of the language in use (parsed once per language)."""
    return _parsed(babel_locale())


def _as_date(value: date | str) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def format_date(value: date | str | None) -> str:
    """A date as the language writes it: ``2025年3月18日`` in Chinese, ``Mar 18, 2025`` in
    English. An ISO text (as stored) is read first; empty or unreadable text is returned as it
    is, so a damaged value still shows."""
    if value is None or value == "":
        return ""
    day = _as_date(value)
    if day is None:
        return str(value)
    return _date_text(day, babel_locale())


@functools.lru_cache(maxsize=4096)
def _date_text(day: date, identifier: str) -> str:
    return babel_dates.format_date(day, "medium", locale=_parsed(identifier))


def format_month(month: int, *, wide: bool = False) -> str:
    """A month of the year (1–12) on its own, in a table, a list or under a bar: ``3月`` in
    Chinese, ``Mar`` in English; ``wide`` spells it out (``三月``, ``March``), as a list to
    choose from does."""
    return _month_name(month, wide, babel_locale())


@functools.lru_cache(maxsize=256)
def _month_name(month: int, wide: bool, identifier: str) -> str:
    width = "wide" if wide else "abbreviated"
    return str(babel_dates.get_month_names(width, "stand-alone", _parsed(identifier))[month])


def format_year_month(year: int, month: int) -> str:
    """A month of a year: ``2025年3月`` in Chinese, ``Mar 2025`` in English."""
    return _skeleton("yMMM", year, month, babel_locale())


@functools.lru_cache(maxsize=1024)
def _skeleton(skeleton: str, year: int, month: int, identifier: str) -> str:
    """The first day of ``month`` of ``year`` written by a Babel skeleton (``yMMM``, ``yQQQ``)."""
    return str(
        babel_dates.format_skeleton(skeleton, date(year, month, 1), locale=_parsed(identifier))
    )


def format_period(label: str) -> str:
    """A period of the compliance rules' labels: a month ``2025-03`` → ``2025年3月`` /
    ``Mar 2025``, a quarter ``2025-Q1`` → ``2025年第1季度`` / ``Q1 2025``; a year (``2025``)
    and anything else as it is."""
    return _period_text(label, babel_locale())


@functools.lru_cache(maxsize=1024)
def _period_text(label: str, identifier: str) -> str:
    year, _sep, part = label.partition("-")
    if not (year.isdigit() and len(year) == 4):
        return label
    if part.isdigit() and 1 <= int(part) <= 12:
        return _skeleton("yMMM", int(year), int(part), identifier)
    if len(part) == 2 and part[0] == "Q" and part[1] in "1234":
        first_month = 3 * int(part[1]) - 2
        return _skeleton("yQQQ", int(year), first_month, identifier)
    return label


def format_number(value: int | float) -> str:
    """A number with its thousands grouped: 1329 → ``1,329``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return _integer_text(value, babel_locale())
    return babel_numbers.format_decimal(value, locale=locale())


@functools.lru_cache(maxsize=8192)
def _integer_text(value: int, identifier: str) -> str:
    """A whole number's text, once per value and language (a tree of a whole university shows
    thousands of member counts)."""
    return str(babel_numbers.format_decimal(value, locale=_parsed(identifier)))


def format_percent(ratio: float, decimals: int = 1) -> str:
    """A ratio (0–1) as a percentage to ``decimals`` places with halves rounded up, as people
    round: 0.9605 → ``96.1%`` (the float itself is just under 0.9605, which would print
    ``96.0%``)."""
    step = Decimal(1).scaleb(-decimals)
    rounded = (Decimal(str(ratio)) * 100).quantize(step, rounding=ROUND_HALF_UP)
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "") + "%"
    return babel_numbers.format_percent(rounded / 100, pattern, locale=locale())


def format_datetime(value: datetime | str | None) -> str:
    """A moment in local time, to the minute: ``2025年3月18日 14:05`` in 简体中文,
    ``2025年3月18日 下午2:05`` in 繁體中文, ``Mar 18, 2025, 2:05 PM`` in English (a no-break
    space before PM). An ISO 8601
    text (times are stored in UTC) is read first; a time without a zone is taken as local
    already; empty or unreadable text is returned as it is."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
    else:
        moment = value
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    where = locale()
    day = babel_dates.format_date(moment, "medium", locale=where)
    # CLDR puts a narrow no-break space before AM/PM, which many fonts lack: a no-break space.
    time = babel_dates.format_time(moment, "short", locale=where).replace("\u202f", "\u00a0")
    return str(where.datetime_formats["medium"]).replace("{1}", day).replace("{0}", time)
