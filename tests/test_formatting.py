"""Dates, months, numbers and percentages in each interface language, through Babel."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date, datetime, timezone

import pytest

from desktop_app import formatting, i18n
from desktop_app.formatting import (
    babel_locale,
    format_date,
    format_datetime,
    format_month,
    format_number,
    format_percent,
    format_period,
    format_year_month,
)
from desktop_app.reports import common
from desktop_app.stats_text import percent

LANGUAGES = ("zh_CN", "zh_TW", "en")


@pytest.mark.parametrize(
    ("code", "expected"), [("zh_CN", "zh_Hans_CN"), ("zh_TW", "zh_Hant_TW"), ("en", "en")]
)
def test_each_language_has_its_babel_locale(code: str, expected: str) -> None:
    with i18n.language(code):
        assert babel_locale() == expected
        assert str(formatting.locale()) == expected


def test_the_locale_is_parsed_once_per_language() -> None:
    with i18n.language("zh_CN"):
        first = formatting.locale()
        assert formatting.locale() is first
    with i18n.language("en"):
        assert formatting.locale() is not first


def test_the_window_language_applies_outside_a_language_block() -> None:
    i18n.set_language("zh_CN")
    assert format_date(date(2025, 3, 18)) == "2025年3月18日"
    i18n.set_language("en")
    assert format_date(date(2025, 3, 18)) == "Mar 18, 2025"


@pytest.mark.parametrize(
    ("code", "expected"),
    [("zh_CN", "2025年3月18日"), ("zh_TW", "2025年3月18日"), ("en", "Mar 18, 2025")],
)
def test_dates(code: str, expected: str) -> None:
    with i18n.language(code):
        assert format_date(date(2025, 3, 18)) == expected
        assert format_date("2025-03-18") == expected  # as stored
        assert format_date(datetime(2025, 3, 18, 23, 59)) == expected


def test_a_date_that_is_missing_or_unreadable_shows_as_it_is() -> None:
    with i18n.language("zh_CN"):
        assert format_date(None) == ""
        assert format_date("") == ""
        assert format_date("2025-02-30") == "2025-02-30"
        assert format_date("sometime") == "sometime"


@pytest.mark.parametrize(
    ("code", "march", "december", "wide"),
    [
        ("zh_CN", "3月", "12月", "三月"),
        ("zh_TW", "3月", "12月", "三月"),
        ("en", "Mar", "Dec", "March"),
    ],
)
def test_months(code: str, march: str, december: str, wide: str) -> None:
    with i18n.language(code):
        assert format_month(3) == march
        assert format_month(12) == december
        assert format_month(3, wide=True) == wide
        assert common.month_name(3) == march


@pytest.mark.parametrize(
    ("code", "expected"), [("zh_CN", "2025年3月"), ("zh_TW", "2025年3月"), ("en", "Mar 2025")]
)
def test_a_month_of_a_year(code: str, expected: str) -> None:
    with i18n.language(code):
        assert format_year_month(2025, 3) == expected
        assert format_period("2025-03") == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [("zh_CN", "2025年第2季度"), ("zh_TW", "2025年第2季"), ("en", "Q2 2025")],
)
def test_compliance_periods(code: str, expected: str) -> None:
    with i18n.language(code):
        assert format_period("2025-Q2") == expected
        assert format_period("2025") == "2025"
        assert format_period("2025-13") == "2025-13"
        assert format_period("Q2") == "Q2"


@pytest.mark.parametrize("code", LANGUAGES)
def test_numbers_are_grouped_by_thousands(code: str) -> None:
    with i18n.language(code):
        assert format_number(0) == "0"
        assert format_number(999) == "999"
        assert format_number(1329) == "1,329"
        assert format_number(1234567) == "1,234,567"
        assert common.count(1310) == "1,310"


@pytest.mark.parametrize("code", LANGUAGES)
def test_percentages_round_halves_up_to_one_place(code: str) -> None:
    with i18n.language(code):
        assert format_percent(0.9605) == "96.1%"  # the float is just under 0.9605
        assert format_percent(0.9604) == "96.0%"
        assert format_percent(0.91) == "91.0%"
        assert format_percent(0.0) == "0.0%"
        assert format_percent(1.0) == "100.0%"
        assert format_percent(2 / 3) == "66.7%"
        assert format_percent(12.5) == "1,250.0%"
        assert format_percent(0.125, 0) == "13%"
        assert format_percent(1.25, 0) == "125%"
        assert percent(0.9605) == common.percent(0.9605) == "96.1%"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("zh_CN", "2025年3月18日 14:05"),
        ("zh_TW", "2025年3月18日 下午2:05"),
        ("en", "Mar 18, 2025, 2:05\N{NO-BREAK SPACE}PM"),
    ],
)
def test_moments_in_local_time(code: str, expected: str) -> None:
    with i18n.language(code):
        assert format_datetime(datetime(2025, 3, 18, 14, 5, 59)) == expected  # taken as local
        assert format_datetime("2025-03-18T14:05:00") == expected
        assert format_datetime(None) == ""
        assert format_datetime("not a time") == "not a time"


@pytest.fixture
def shanghai_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if not hasattr(time, "tzset"):
        pytest.skip("the time zone can be set only on POSIX systems")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_stored_utc_times_are_shown_in_local_time(shanghai_time: None) -> None:
    stored = "2025-03-18T23:30:00.123456+00:00"  # how the ledger stores deleted_at
    with i18n.language("zh_CN"):
        assert format_datetime(stored) == "2025年3月19日 07:30"
    with i18n.language("en"):
        assert format_datetime(stored) == "Mar 19, 2025, 7:30\N{NO-BREAK SPACE}AM"
        moment = datetime(2025, 3, 18, 23, 30, tzinfo=timezone.utc)
        assert format_datetime(moment) == "Mar 19, 2025, 7:30\N{NO-BREAK SPACE}AM"


@pytest.mark.parametrize(
    ("code", "expected"),
    [("zh_CN", "2025年3月18日"), ("zh_TW", "2025年3月18日"), ("en", "Mar 18, 2025")],
)
def test_reports_write_dates_the_same_way(code: str, expected: str) -> None:
    with i18n.language(code):
        assert common.long_date(date(2025, 3, 18)) == expected


def test_a_report_in_another_language_formats_in_its_thread_only() -> None:
    """A PDF made in English in a background thread while the window speaks 简体中文."""
    i18n.set_language("zh_CN")
    seen: list[str] = []

    def work() -> None:
        with i18n.language("en"):
            seen.append(format_date(date(2025, 3, 18)))
            seen.append(format_month(3))

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert seen == ["Mar 18, 2025", "Mar"]
    assert format_date(date(2025, 3, 18)) == "2025年3月18日"
    assert format_month(3) == "3月"


def test_each_text_is_formatted_once_per_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """A table of a whole university repeats the same months and dates thousands of times:
    Babel writes each once per language, and the kept texts never leak into another
    language."""
    for cached in (formatting._date_text, formatting._period_text, formatting._skeleton):
        cached.cache_clear()
    calls: list[str] = []
    real_skeleton, real_date = (
        formatting.babel_dates.format_skeleton,
        formatting.babel_dates.format_date,
    )

    def skeleton(*args: object, **kwargs: object) -> str:
        calls.append("skeleton")
        return real_skeleton(*args, **kwargs)  # type: ignore[arg-type]

    def day(*args: object, **kwargs: object) -> str:
        calls.append("date")
        return real_date(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(formatting.babel_dates, "format_skeleton", skeleton)
    monkeypatch.setattr(formatting.babel_dates, "format_date", day)
    expected = {
        "zh_CN": ("2025年3月", "2025年第1季度", "2025年3月18日"),
        "zh_TW": ("2025年3月", "2025年第1季", "2025年3月18日"),
        "en": ("Mar 2025", "Q1 2025", "Mar 18, 2025"),
    }
    for _round in range(3):
        for code, (month, quarter, moment) in expected.items():
            with i18n.language(code):
                for _repeat in range(100):
                    assert format_period("2025-03") == month
                    assert format_year_month(2025, 3) == month
                    assert format_period("2025-Q1") == quarter
                    assert format_date(date(2025, 3, 18)) == moment
                    assert format_date("2025-03-18") == moment
    assert sorted(calls) == ["date"] * 3 + ["skeleton"] * 6
