"""Reading dates as people type them and as Excel stores them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop_app.domain.dates import (
    DateParseError,
    add_years,
    from_iso,
    parse_date,
    to_iso,
)

MARCH_18 = date(2025, 3, 18)


@pytest.mark.parametrize(
    "text",
    [
        "2025-03-18",
        "2025-3-18",
        "2025/03/18",
        "2025/3/18",
        "2025.3.18",
        "2025年3月18日",
        "2025年03月18日",
        "2025年3月18",
        "20250318",
        " 2025 - 3 - 18 ",
        "2025－3－18",
        "2025／3／18",
        "２０２５年３月１８日",
        "2025-03-18 14:30",
        "2025/3/18 9:05:00",
        "2025-03-18T14:30:00.250",
        "2025-03-18T14:30:00Z",
        "2025-03-18T14:30:00+08:00",
        "2025年3月18日 14:30",
    ],
)
def test_accepted_text(text: str) -> None:
    assert parse_date(text) == MARCH_18


def test_dates_and_datetimes_pass_through() -> None:
    assert parse_date(MARCH_18) == MARCH_18
    assert parse_date(datetime(2025, 3, 18, 23, 59)) == MARCH_18
    assert type(parse_date(datetime(2025, 3, 18, 23, 59))) is date


@pytest.mark.parametrize("blank", [None, "", "   ", "\u3000"])
def test_blank_is_no_date(blank: object) -> None:
    assert parse_date(blank) is None


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (45734, MARCH_18),
        (45734.75, MARCH_18),  # a time of day in the fraction
        (45000, date(2023, 3, 15)),
        (7672, date(1921, 1, 1)),  # the first day read from a serial number
        (73415, date(2100, 12, 31)),  # and the last
        (73415.99, date(2100, 12, 31)),
        (36951, date(2001, 3, 1)),
    ],
)
def test_excel_serial_numbers(serial: float, expected: date) -> None:
    assert parse_date(serial) == expected


@pytest.mark.parametrize(
    "serial",
    [
        2025,  # a year typed into a date column: 1905-07-17 as a serial
        202503,  # year and month: 2454-06-06 as a serial
        20250318,  # a date typed as one number
        7671,  # 1920-12-31
        73416,  # 2101-01-01
        60,  # 1900-02-29 in Excel, a day that never was
        59,
        1,
        2958465,  # 9999-12-31
        0,
        -5,
        2958466,
        float("nan"),
        float("inf"),
    ],
)
def test_numbers_outside_the_serial_years_are_unreadable(serial: float) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(serial)
    assert caught.value.impossible is False
    assert caught.value.text == str(serial)


@pytest.mark.parametrize(
    "text",
    [
        "2025-02-30",
        "2025-02-29",
        "2024-13-01",
        "2025/4/31",
        "2025年2月30日",
        "20250230",
        "2025-00-10",
        "2025-01-00",
    ],
)
def test_impossible_dates(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text)
    assert caught.value.impossible is True
    assert caught.value.text == text


@pytest.mark.parametrize(
    "value",
    [
        "next Monday",
        "18/03/2025",
        "3月18日",
        "2025-03",
        "25-3-18",
        "2025-03-18 noon",
        "202503180",
        True,
        False,
        "2025-3-18-1",
    ],
)
def test_unreadable_dates(value: object) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(value)
    assert caught.value.impossible is False
    assert isinstance(caught.value, ValueError)


def test_leap_day_exists_in_leap_years() -> None:
    assert parse_date("2024-02-29") == date(2024, 2, 29)


def test_iso_round_trip() -> None:
    assert to_iso(MARCH_18) == "2025-03-18"
    assert to_iso(None) is None
    assert from_iso("2025-03-18") == MARCH_18
    assert from_iso(None) is None
    assert from_iso("") is None


def test_add_years() -> None:
    assert add_years(MARCH_18, 3) == date(2028, 3, 18)
    assert add_years(date(2024, 2, 29), 3) == date(2027, 2, 28)
    assert add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
