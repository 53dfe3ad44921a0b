"""报表: the review sheet shows exactly the figures of ``compute_stats`` for the year, scope and
as-of day chosen, and exports them as ``stats --json`` writes them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog

from desktop_app.cli import main
from desktop_app.domain.enums import ACTIVITY_TYPES, BRANCH_TYPES, DIMENSIONS, THEME_CATEGORIES
from desktop_app.domain.orgtree import load_tree
from desktop_app.gui import messages
from desktop_app.gui.figure_tables import SORT_ROLE, FiguresModel
from desktop_app.gui.pages.reports import ReportsPage
from desktop_app.gui.session import Session
from desktop_app.stats import compute_stats
from desktop_app.stats_json import stats_json
from desktop_app.storage import Ledger
from gui.conftest import DEMO_YEAR

AS_OF = date(DEMO_YEAR, 9, 30)
COLLEGE = "建筑工程学院党总支"


def open_page(qtbot, ledger: Ledger, year: int = DEMO_YEAR) -> ReportsPage:  # type: ignore[no-untyped-def]
    page = ReportsPage(Session(ledger, year))
    qtbot.addWidget(page)
    page.resize(1130, 740)
    page.show()
    return page


def choose_as_of(page: ReportsPage, day: date) -> None:
    from PySide6.QtCore import QDate

    page.as_of_box.setDate(QDate(day.year, day.month, day.day))


def choose_scope(page: ReportsPage, ledger: Ledger, name: str) -> str:
    uid = next(o.uid for o in load_tree(ledger) if o.name == name)
    assert page.scope_box.set_uid(uid)
    return uid


def column(model: FiguresModel, col: int) -> dict[Any, Any]:
    return {key: model.index(row, col).data(SORT_ROLE) for row, key in enumerate(model.keys)}


def percent(ratio: float) -> str:
    return f"{ratio * 100:.1f}%"


def assert_sheet_shows(page: ReportsPage, expected: dict[str, Any]) -> None:
    """Every figure of ``expected`` (a compute_stats dict) is on the sheet."""
    assert page.stats == expected
    models = page.models
    orgs, acts = expected["organizations"], expected["activities"]
    assert column(models.branch_types, 1) == orgs["branches_by_type"]
    assert list(models.branch_types.keys) == list(BRANCH_TYPES.codes)
    assert column(models.activity_types, 1) == acts["by_type"]
    assert list(models.activity_types.keys) == list(ACTIVITY_TYPES.codes)
    assert column(models.categories, 1) == acts["theme_day_by_category"]
    assert list(models.categories.keys) == list(THEME_CATEGORIES.codes)
    assert column(models.dimensions, 1) == acts["by_dimension"]
    assert list(models.dimensions.keys) == list(DIMENSIONS.codes)
    missing = expected["compliance"]["branches_missing"]
    assert column(models.missing, 1) == {m["branch"]: m["missing_months"] for m in missing}
    assert models.missing.keys == [m["branch"] for m in missing]
    assert column(models.stars, 1) == expected["ratings"]["by_stars"]
    creation = expected["creation"]
    assert column(models.creation, 2) == {(r["level"], r["grade"]): r["target"] for r in creation}
    assert column(models.creation, 3) == {(r["level"], r["grade"]): r["achieved"] for r in creation}
    assert models.expired.keys == expected["terms"]["expired"]
    assert models.expiring.keys == expected["terms"]["expiring_soon"]

    def lines(card: str) -> list[str]:
        return [label.text() for label in getattr(page, f"{card}_card").lines]

    assert lines("organizations") == [
        f"{orgs['colleges']} college organizations, {orgs['branches']} branches",
        f"{orgs['members_full']} full members, {orgs['members_probationary']} probationary "
        f"members, {orgs['activists']} activists",
        f"Teacher branches led by a double leader: {percent(orgs['double_leader_ratio'])}",
    ]
    noun = "activity" if acts["total"] == 1 else "activities"
    assert lines("activities") == [
        f"{acts['total']} {noun}, {acts['featured']} featured",
        f"Attendance rate: {percent(acts['attendance_rate'])}",
    ]
    rate = expected["compliance"]["theme_day_rate"]
    assert lines("compliance") == [f"Branch-months with a theme day: {percent(rate)}"]
    ratings = expected["ratings"]
    assert lines("ratings") == [
        f"{ratings['rated']} organizations rated, four stars or more: "
        f"{percent(ratings['four_plus_ratio'])}"
    ]
    tasks = expected["tasks"]
    assert lines("tasks") == [
        f"{tasks['total']} tasks, {tasks['done']} done, {tasks['overdue']} overdue"
    ]
    assert page.heading_label.text() == (
        f"{expected['scope']}: figures of {expected['year']}, as of {expected['as_of']}"
    )


def test_opens_on_an_empty_ledger_and_says_what_to_do(qtbot, ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, ledger)
    assert page.empty_label.isVisible()
    assert "no organizations yet" in page.empty_label.text()
    assert "Import workbook" in page.empty_label.text()
    assert not page.scroll.isVisible()
    assert page.stats == compute_stats(ledger, DEMO_YEAR, None, date.today())
    assert page.heading_label.text().startswith("(empty ledger): figures of")
    assert column(page.models.activity_types, 1) == dict.fromkeys(ACTIVITY_TYPES.codes, 0)
    assert page.scope_box.count() == 1
    assert page.scope_box.itemText(0) == "Whole ledger"


def test_every_figure_of_the_year_is_shown(qtbot, demo_ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, demo_ledger)
    choose_as_of(page, AS_OF)
    expected = compute_stats(demo_ledger, DEMO_YEAR, None, AS_OF)
    assert expected["activities"]["total"] > 100  # the demo has figures worth checking
    assert expected["compliance"]["branches_missing"]
    assert expected["terms"]["expired"] and expected["creation"]
    assert not page.empty_label.isVisible()
    assert page.scroll.isVisible()
    assert_sheet_shows(page, expected)
    assert page.compliance_card.tables["missing"][1].isVisible()


def test_every_figure_of_a_college_is_shown(qtbot, demo_ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, demo_ledger)
    choose_as_of(page, AS_OF)
    choose_scope(page, demo_ledger, COLLEGE)
    expected = compute_stats(demo_ledger, DEMO_YEAR, COLLEGE, AS_OF)
    whole = compute_stats(demo_ledger, DEMO_YEAR, None, AS_OF)
    assert expected["scope"] == COLLEGE
    assert 0 < expected["organizations"]["branches"] < whole["organizations"]["branches"]
    assert_sheet_shows(page, expected)
    assert page.scope() is not None and page.scope().endswith("/" + COLLEGE)


def test_back_to_the_whole_ledger_and_another_year(qtbot, demo_ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, demo_ledger)
    choose_as_of(page, AS_OF)
    choose_scope(page, demo_ledger, COLLEGE)
    page.scope_box.set_uid(None)
    assert_sheet_shows(page, compute_stats(demo_ledger, DEMO_YEAR, None, AS_OF))
    page.session.set_year(DEMO_YEAR - 1)
    expected = compute_stats(demo_ledger, DEMO_YEAR - 1, None, AS_OF)
    assert expected["activities"]["total"] == 0
    assert_sheet_shows(page, expected)
    assert page.activities_note.isVisible()
    assert f"No activities are recorded for {DEMO_YEAR - 1}" in page.activities_note.text()


def test_the_sheet_follows_a_change_in_the_ledger(qtbot, demo_ledger) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.domain.activities import add_activity

    page = open_page(qtbot, demo_ledger)
    choose_as_of(page, AS_OF)
    before = page.stats["activities"]["by_type"]["party_lecture"]
    branch = next(o for o in load_tree(demo_ledger) if o.level == "branch" and o.active)
    page.session.write(
        lambda: add_activity(
            demo_ledger,
            branch.uid,
            type="party_lecture",
            date=f"{DEMO_YEAR}-03-03",
            theme="学习党章",
        )
    )
    assert page.models.activity_types.value("party_lecture", 1) == before + 1
    assert_sheet_shows(page, compute_stats(demo_ledger, DEMO_YEAR, None, AS_OF))


def test_a_scope_renamed_meanwhile_falls_back_to_the_whole_ledger(qtbot, demo_ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, demo_ledger)
    choose_as_of(page, AS_OF)
    uid = choose_scope(page, demo_ledger, COLLEGE)
    demo_ledger.conn.execute(
        "UPDATE organizations SET name = name || '（旧）' WHERE uid = ?", [uid]
    )
    page.recompute()
    assert page.scope_box.uid() is None
    assert page.stats == compute_stats(demo_ledger, DEMO_YEAR, None, AS_OF)


def test_models_are_sound(qtbot, qtmodeltester, demo_ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, demo_ledger)
    for model in page.models.all():
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_tables_show_every_row_without_scrolling(qtbot, demo_ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, demo_ledger)
    views = [
        view
        for card in (page.activities_card, page.compliance_card, page.terms_card)
        for _caption, view in card.tables.values()
    ]
    assert len(views) == 6 and all(view.model().rowCount() for view in views)

    def cut_short() -> list[str]:
        return [
            view.objectName()
            for view in views
            if view.viewport().height() < view.verticalHeader().length()
        ]

    qtbot.waitUntil(lambda: not cut_short(), timeout=2000)
    # The sheet never needs a horizontal scroll bar.
    assert page.sheet.minimumSizeHint().width() <= page.scroll.viewport().width()


def stats_cli(db: Path, scope: str | None, capsys: pytest.CaptureFixture[str]) -> str:
    args = ["--db", str(db), "stats", "--year", str(DEMO_YEAR), "--as-of", AS_OF.isoformat()]
    if scope:
        args += ["--scope", scope]
    capsys.readouterr()
    assert main([*args, "--json"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("college", [None, COLLEGE])
def test_json_export_is_what_stats_json_prints(  # type: ignore[no-untyped-def]
    qtbot, demo_ledger, tmp_path, monkeypatch, capsys, college
) -> None:
    page = open_page(qtbot, demo_ledger)
    choose_as_of(page, AS_OF)
    if college:
        choose_scope(page, demo_ledger, college)
    offered: list[str] = []

    def save_as(parent, title, suggested, filter):  # type: ignore[no-untyped-def]
        offered.append(suggested)
        return str(tmp_path / "figures"), filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    written = page.export_json()
    assert written == tmp_path / "figures.json"
    text = written.read_bytes().decode("utf-8")
    assert text == stats_cli(demo_ledger.path, page.scope(), capsys)
    assert text == stats_json(page.stats)
    assert '"scope": "' + (college or load_tree(demo_ledger).root.name) + '"' in text
    assert (
        f"statistics-{college or load_tree(demo_ledger).root.name}-{DEMO_YEAR}.json" in (offered[0])
    )
    assert str(written) in page.status_label.text()


def test_json_export_cancelled_writes_nothing(qtbot, demo_ledger, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, demo_ledger)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert page.export_json() is None
    assert list(tmp_path.glob("*.json")) == []


def test_json_export_into_a_missing_folder_says_so(  # type: ignore[no-untyped-def]
    qtbot, demo_ledger, tmp_path, monkeypatch
) -> None:
    page = open_page(qtbot, demo_ledger)
    target = tmp_path / "no such folder" / "figures.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, error: shown.append(error.message))
    assert page.export_json() is None
    assert len(shown) == 1 and "could not be written" in shown[0] and str(target) in shown[0]
    assert not target.exists()


# ---- in the window -------------------------------------------------------------------------


def test_ctrl_p_shows_the_reports_of_the_window(demo_window) -> None:  # type: ignore[no-untyped-def]
    report_action = next(a for a in demo_window.actions() if a.shortcut() == QKeySequence("Ctrl+P"))
    report_action.trigger()
    page = demo_window.current_page()
    assert page.key == "reports"
    assert page.stats == compute_stats(demo_window.session.ledger, DEMO_YEAR, None, page.as_of())
    assert page.sheet.minimumSizeHint().width() <= page.scroll.viewport().width()


def test_opens_in_the_window_on_an_empty_ledger(window) -> None:  # type: ignore[no-untyped-def]
    page = window.navigate("reports")
    assert page.empty_label.isVisible()
    assert page.export_json_button.isVisible() and page.export_ledger_button.isVisible()


def test_export_ledger_button_asks_the_window(demo_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = demo_window.navigate("reports")
    calls: list[bool] = []
    monkeypatch.setattr(demo_window, "export_ledger", lambda: calls.append(True))
    page.export_ledger_button.click()
    assert calls == [True]


def test_show_record_chooses_the_scope(qtbot, demo_ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_page(qtbot, demo_ledger)
    uid = next(o.uid for o in load_tree(demo_ledger) if o.name == COLLEGE)
    page.show_record(uid)
    assert page.stats["scope"] == COLLEGE
    page.show_record(None)
    assert page.stats["scope"] == load_tree(demo_ledger).root.name
