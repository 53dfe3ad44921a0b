"""报表: the review sheet shows exactly the figures of ``compute_stats`` for the year, scope and
as-of day chosen, and exports them as ``stats --json`` writes them."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QProgressDialog
from report_stub import make_stub, use_stub

from desktop_app.cli import main
from desktop_app.domain.enums import ACTIVITY_TYPES, BRANCH_TYPES, DIMENSIONS, THEME_CATEGORIES
from desktop_app.domain.orgtree import load_tree
from desktop_app.gui import messages
from desktop_app.gui.figure_tables import SORT_ROLE, FiguresModel
from desktop_app.gui.pages.reports import ReportsPage
from desktop_app.gui.report_panel import ReportPanel
from desktop_app.gui.session import Session
from desktop_app.i18n import LANGUAGES, available_languages, current_language
from desktop_app.reports import KINDS, ReportRequest
from desktop_app.reports import fonts as report_fonts
from desktop_app.reports.context import KIND_LABELS
from desktop_app.reports.fonts import FONT_CHOICES
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
        f"{orgs['colleges']:,} college organizations, {orgs['branches']:,} branches",
        f"{orgs['members_full']:,} full members, {orgs['members_probationary']:,} probationary "
        f"members, {orgs['activists']:,} activists",
        f"Teacher branches led by a double leader: {percent(orgs['double_leader_ratio'])}",
    ]
    noun = "activity" if acts["total"] == 1 else "activities"
    assert lines("activities") == [
        f"{acts['total']:,} {noun}, {acts['featured']:,} featured",  # 1,329 activities
        f"Attendance rate: {percent(acts['attendance_rate'])}",
    ]
    rate = expected["compliance"]["theme_day_rate"]
    assert lines("compliance") == [f"Branch-months with a theme day: {percent(rate)}"]
    ratings = expected["ratings"]
    assert lines("ratings") == [
        f"{ratings['rated']:,} organizations rated, four stars or more: "
        f"{percent(ratings['four_plus_ratio'])}"
    ]
    tasks = expected["tasks"]
    assert lines("tasks") == [
        f"{tasks['total']:,} tasks, {tasks['done']:,} done, {tasks['overdue']:,} overdue"
    ]
    as_of = date.fromisoformat(expected["as_of"])
    assert page.heading_label.text() == (
        f"{expected['scope']}: figures of {expected['year']}, "
        f"as of {as_of:%b} {as_of.day}, {as_of.year}"  # as of Mar 18, 2025
    )
    # The months without a theme day are written as months; they sort by their numbers.
    for row, item in enumerate(missing):
        index = models.missing.index(row, 1)
        assert index.data() == ", ".join(f"{date(2000, m, 1):%b}" for m in item["missing_months"])


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
    assert page.report_panel.ui.scopeBox.uid() == uid
    assert page.report_panel.scope().endswith("/" + COLLEGE)
    page.show_record(None)
    assert page.stats["scope"] == load_tree(demo_ledger).root.name
    assert page.report_panel.scope() is None


# ---- the PDF report tab ------------------------------------------------------------------


def pdf_tab(qtbot, ledger: Ledger, year: int = DEMO_YEAR) -> ReportsPage:  # type: ignore[no-untyped-def]
    """The page with its PDF report tab in front (``page.report_panel``)."""
    page = open_page(qtbot, ledger, year)
    page.resize(1130, 760)
    page.show_pdf_report()
    qtbot.waitExposed(page.report_panel)
    return page


def save_to(monkeypatch, target: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """Answer the save dialog with ``target``; returns the names offered."""
    offered: list[str] = []

    def save_as(parent, title, suggested, filter):  # type: ignore[no-untyped-def]
        offered.append(suggested)
        return str(target), filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    return offered


def no_error_dialogs(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, error: shown.append(error.message))
    return shown


def test_the_pdf_tab_offers_every_kind_language_and_font(qtbot, demo_ledger) -> None:  # type: ignore[no-untyped-def]
    page = pdf_tab(qtbot, demo_ledger)
    panel = page.report_panel
    ui = panel.ui
    assert [ui.kindBox.itemData(i) for i in range(ui.kindBox.count())] == list(KINDS)
    assert [ui.kindBox.itemText(i) for i in range(ui.kindBox.count())] == [
        KIND_LABELS[k] for k in KINDS
    ]
    assert ui.yearBox.value() == DEMO_YEAR
    panel.session.set_year(DEMO_YEAR - 1)
    assert ui.yearBox.value() == DEMO_YEAR - 1
    languages = [ui.languageBox.itemData(i) for i in range(ui.languageBox.count())]
    assert languages == available_languages()
    assert ui.languageBox.currentData() == "en"  # the interface language
    assert ui.languageBox.itemText(languages.index("en")) == LANGUAGES["en"]
    assert [ui.fontsBox.itemData(i) for i in range(ui.fontsBox.count())] == list(FONT_CHOICES)
    # This machine has no Windows font folder: that choice is offered but disabled.
    assert not ui.fontsBox.model().item(1).isEnabled()
    assert "not on this PC" in ui.fontsNote.text()
    tree = load_tree(demo_ledger)
    assert ui.scopeBox.itemText(0) == "Whole ledger"
    assert ui.scopeBox.count() == sum(1 for o in tree if o.active and o.parent_uid) + 1
    assert not panel.open_button.isEnabled() and not panel.print_button.isEnabled()
    assert "Generate PDF" in panel.preview.placeholder.text()
    ui.kindBox.setCurrentIndex(1)
    assert "sign-off" in ui.kindNote.text()


def test_windows_fonts_are_offered_where_their_files_are(  # type: ignore[no-untyped-def]
    qtbot, demo_ledger, tmp_path, monkeypatch
) -> None:

    (tmp_path / "simhei.ttf").write_bytes(b"")
    (tmp_path / "simfang.ttf").write_bytes(b"")
    monkeypatch.setattr(report_fonts, "windows_fonts_dir", lambda: tmp_path)
    page = pdf_tab(qtbot, demo_ledger)
    panel = page.report_panel
    assert panel.ui.fontsBox.model().item(1).isEnabled()
    assert panel.ui.fontsNote.text() == (
        "Missing on this PC: SimSun, KaiTi; the bundled font stands in for them."
    )


def test_the_options_reach_the_report_written_in_the_background(  # type: ignore[no-untyped-def]
    qtbot, demo_ledger, tmp_path, monkeypatch
) -> None:
    seen: list[dict[str, Any]] = []

    def record(ctx, page):  # type: ignore[no-untyped-def]
        if page == 0:
            seen.append(
                {
                    "request": ctx.request,
                    "language": current_language(),
                    "thread": threading.current_thread() is threading.main_thread(),
                    "own connection": ctx.ledger is not demo_ledger,
                    "scope": ctx.scope_name,
                }
            )

    monkeypatch.setattr(
        "desktop_app.reports.context._builder", lambda kind: make_stub(4, on_step=record)
    )
    page = pdf_tab(qtbot, demo_ledger)
    panel = page.report_panel
    panel.set_kind("creation")
    choose_scope_panel(panel, demo_ledger, COLLEGE)
    panel.ui.yearBox.setValue(DEMO_YEAR - 1)
    panel.ui.asOfBox.setDate(QDate(DEMO_YEAR, 6, 30))
    panel.ui.languageBox.setCurrentIndex(panel.ui.languageBox.findData("zh_CN"))
    offered = save_to(monkeypatch, tmp_path / "creation")
    written = panel.generate()
    assert written == tmp_path / "creation.pdf"
    assert Path(offered[0]).name == (f"Three-level_creation_progress-{COLLEGE}-{DEMO_YEAR - 1}.pdf")
    assert Path(offered[0]).parent == demo_ledger.path.resolve().parent
    [call] = seen
    assert call["request"] == ReportRequest(
        year=DEMO_YEAR - 1,
        kind="creation",
        scope=panel.scope(),
        as_of=date(DEMO_YEAR, 6, 30),
        language="zh_CN",
        fonts="bundled",
    )
    assert panel.scope().endswith("/" + COLLEGE)
    assert call["scope"] == COLLEGE
    assert call["language"] == "zh_CN"  # the report's language, in the worker thread only
    assert current_language() == "en"
    assert call["thread"] is False and call["own connection"] is True
    assert panel.preview.page_count() == 4 == len(PdfReader(written).pages)
    assert panel.preview.pages_label.text() == "4 pages"
    assert panel.ui.statusLabel.text() == f"The report was written to {written}."
    assert panel.open_button.isEnabled() and panel.print_button.isEnabled()
    # The next report is offered in the folder chosen last.
    offered.clear()
    panel.generate()
    assert Path(offered[0]).parent == tmp_path


def choose_scope_panel(panel: ReportPanel, ledger: Ledger, name: str) -> None:
    uid = next(o.uid for o in load_tree(ledger) if o.name == name)
    assert panel.ui.scopeBox.set_uid(uid)


@pytest.mark.parametrize("kind", KINDS)
def test_generating_a_real_report_shows_its_pages(  # type: ignore[no-untyped-def]
    qtbot, demo_ledger, tmp_path, monkeypatch, kind
) -> None:
    import importlib.util

    if importlib.util.find_spec(f"desktop_app.reports.{kind}") is None:
        pytest.skip(f"the {kind} report is not written yet")
    shown = no_error_dialogs(monkeypatch)
    page = pdf_tab(qtbot, demo_ledger)
    panel = page.report_panel
    panel.set_kind(kind)
    choose_scope_panel(panel, demo_ledger, COLLEGE)
    out = tmp_path / "out"
    out.mkdir()
    save_to(monkeypatch, out / f"{kind}.pdf")
    written = panel.generate()
    assert shown == []
    assert written is not None and written.is_file()
    reader = PdfReader(written)
    assert panel.preview.page_count() == len(reader.pages) >= 1
    assert panel.preview.pages_label.text().startswith(f"{len(reader.pages)} page")
    assert COLLEGE in "".join(page.extract_text() for page in reader.pages[:2])
    assert [p.name for p in out.iterdir()] == [f"{kind}.pdf"]


def test_cancelling_the_report_leaves_no_file(qtbot, demo_ledger, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Cancel in the progress dialog while the report is being made: no file, no error."""
    pressed = threading.Event()

    def wait_for_cancel(ctx, page):  # type: ignore[no-untyped-def]
        if page == 1:
            assert pressed.wait(5)  # the test presses Cancel meanwhile

    monkeypatch.setattr(
        "desktop_app.reports.context._builder", lambda kind: make_stub(3, on_step=wait_for_cancel)
    )
    shown = no_error_dialogs(monkeypatch)
    page = pdf_tab(qtbot, demo_ledger)
    panel = page.report_panel
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    save_to(monkeypatch, target)

    def press_cancel() -> None:
        dialog = panel.findChild(QProgressDialog)
        if dialog is None:
            QTimer.singleShot(20, press_cancel)
            return
        dialog.canceled.emit()
        pressed.set()

    QTimer.singleShot(20, press_cancel)
    assert panel.generate() is None
    assert pressed.is_set()
    assert list(target.parent.iterdir()) == []
    assert shown == []
    assert panel.ui.statusLabel.text() == "Cancelled; no report was written."
    assert panel.preview.page_count() == 0


def test_cancelling_as_the_file_is_written_removes_it(  # type: ignore[no-untyped-def]
    qtbot, demo_ledger, tmp_path, monkeypatch
) -> None:
    """Cancel pressed after the last step, while the file is put in place: still no report."""
    from desktop_app.reports import context

    written = threading.Event()
    pressed = threading.Event()
    original = context.write_atomically

    def write_then_wait(*args, **kwargs):  # type: ignore[no-untyped-def]
        path = original(*args, **kwargs)
        written.set()
        assert pressed.wait(5)
        return path

    monkeypatch.setattr(context, "write_atomically", write_then_wait)
    use_stub(monkeypatch)
    shown = no_error_dialogs(monkeypatch)
    page = pdf_tab(qtbot, demo_ledger)
    panel = page.report_panel
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    save_to(monkeypatch, target)

    def press_cancel() -> None:
        dialog = panel.findChild(QProgressDialog)
        if dialog is None or not written.is_set():
            QTimer.singleShot(20, press_cancel)
            return
        assert target.exists()
        dialog.canceled.emit()
        pressed.set()

    QTimer.singleShot(20, press_cancel)
    assert panel.generate() is None
    assert list(target.parent.iterdir()) == []
    assert shown == []
    assert panel.ui.statusLabel.text() == "Cancelled; no report was written."


def test_cancelling_the_save_dialog_does_nothing(qtbot, demo_ledger, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    built = use_stub(monkeypatch)
    page = pdf_tab(qtbot, demo_ledger)
    panel = page.report_panel
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert panel.generate() is None
    assert built == []
    assert panel.preview.page_count() == 0


def test_a_scope_renamed_meanwhile_is_said_beside_the_scope(  # type: ignore[no-untyped-def]
    qtbot, demo_ledger, tmp_path, monkeypatch
) -> None:
    use_stub(monkeypatch)
    shown = no_error_dialogs(monkeypatch)
    page = pdf_tab(qtbot, demo_ledger)
    panel = page.report_panel
    uid = next(o.uid for o in load_tree(demo_ledger) if o.name == COLLEGE)
    panel.ui.scopeBox.set_uid(uid)
    demo_ledger.conn.execute(
        "UPDATE organizations SET name = name || '（旧）' WHERE uid = ?", [uid]
    )
    save_to(monkeypatch, tmp_path / "out.pdf")
    assert panel.generate() is None
    assert shown == []
    assert panel.ui.scopeError.isVisible()
    assert f"There is no organization “{panel.scope()}”" in panel.ui.scopeError.text()
    assert panel.ui.scopeBox.property("invalid") is True
    assert not (tmp_path / "out.pdf").exists()
    # Choosing another scope clears the message.
    panel.ui.scopeBox.set_uid(None)
    assert not panel.ui.scopeError.isVisible()


def test_a_folder_that_cannot_be_written_is_said(qtbot, demo_ledger, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    use_stub(monkeypatch)
    shown = no_error_dialogs(monkeypatch)
    page = pdf_tab(qtbot, demo_ledger)
    panel = page.report_panel
    save_to(monkeypatch, tmp_path / "gone" / "report.pdf")
    assert panel.generate() is None
    assert len(shown) == 1 and "does not exist" in shown[0]
    assert panel.preview.page_count() == 0


def test_print_to_a_pdf_file_gives_the_same_pages(  # type: ignore[no-untyped-def]
    qtbot, demo_ledger, tmp_path, monkeypatch
) -> None:
    from desktop_app.gui import printing

    use_stub(monkeypatch, pages=5)
    page = pdf_tab(qtbot, demo_ledger)
    panel = page.report_panel
    save_to(monkeypatch, tmp_path / "report.pdf")
    written = panel.generate()
    assert written is not None
    printed = tmp_path / "printed.pdf"
    asked: list[tuple[Path, int]] = []

    def choose(parent, path, pages):  # type: ignore[no-untyped-def]
        asked.append((path, pages))
        printer = printing.new_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(100)
        return printer

    monkeypatch.setattr(printing, "choose_printer", choose)
    panel.print_button.click()
    assert asked == [(written, 5)]
    assert len(PdfReader(printed).pages) == 5 == panel.preview.page_count()
    assert panel.ui.statusLabel.text() == f"5 pages were sent to {printed}."
    # The print dialog cancelled: nothing printed, nothing said.
    printed.unlink()
    monkeypatch.setattr(printing, "choose_printer", lambda *a: None)
    assert panel.print_report() is None
    assert not printed.exists()


def test_open_in_the_system_viewer(qtbot, demo_ledger, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QDesktopServices

    use_stub(monkeypatch)
    page = pdf_tab(qtbot, demo_ledger)
    panel = page.report_panel
    save_to(monkeypatch, tmp_path / "report.pdf")
    written = panel.generate()
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    panel.open_button.click()
    assert opened == [str(written)]
    # No viewer on this PC, or the file gone since: said, not a crash.
    shown = no_error_dialogs(monkeypatch)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    assert panel.open_in_viewer() is False
    assert len(shown) == 1 and "No program to show PDF files" in shown[0]
    written.unlink()
    assert panel.open_in_viewer() is False
    assert panel.print_report() is None
    assert len(shown) == 3 and all("no longer there" in text for text in shown[1:])


def test_the_pdf_tab_of_an_empty_ledger_says_what_to_do(qtbot, ledger) -> None:  # type: ignore[no-untyped-def]
    page = pdf_tab(qtbot, ledger)
    panel = page.report_panel
    assert not panel.ui.generateButton.isEnabled()
    assert panel.preview.placeholder.isVisible()
    assert "no organizations yet" in panel.preview.placeholder.text()


def test_the_pdf_tab_in_the_window(demo_window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    use_stub(monkeypatch, pages=2)
    page = demo_window.navigate("reports")
    page.show_pdf_report()
    panel = page.report_panel
    assert page.tabs.currentWidget() is panel and panel.isVisible()
    assert panel.ui.kindBox.hasFocus()
    save_to(monkeypatch, tmp_path / "window.pdf")
    panel.ui.generateButton.click()
    assert panel.preview.page_count() == 2
    assert panel.preview.page_views()[0].isVisible()
    # Nothing clips at 1280 × 800: the options fit their column and the page fits the view.
    options = panel.options
    assert options.minimumSizeHint().height() <= options.height()
    assert panel.preview.page_views()[0].width() <= panel.preview.scroll.viewport().width()
