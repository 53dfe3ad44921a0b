"""File menu transfers: the import preview (every fault of a faulty workbook, nothing written;
the counts of a good one, imported on confirmation), a cancelled import that leaves the ledger
as it was, friendly messages for unreadable workbooks and locked ledgers, and the exports of
the ledger and of the template."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import WorkbookFactory, table_snapshot
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop_app.errors import LedgerError, ValidationError
from desktop_app.gui import messages, transfer, worker
from desktop_app.gui.import_preview import FaultsModel, ImportPreviewDialog
from desktop_app.gui.worker import JobCancelled
from desktop_app.storage import Ledger
from desktop_app.storage import ledger as ledger_module
from desktop_app.workbook.contract import HELP_SHEET, SHEETS
from desktop_app.workbook.importer import preview_workbook

ROOT = "示范学院党委"
JD = "机电学院党总支"
ORGS: list[list[Any]] = [
    ["名称*", "上级组织", "层级*", "支部类型", "正式党员"],
    [ROOT, None, "党委"],
    [JD, ROOT, "院系党组织"],
    ["教工第一党支部", JD, "党支部", "教师", 10],
]
ACTIVITY = ["组织*", "类型*", "日期*", "主题*", "主题党日+类别", "地点", "应到人数", "实到人数"]
GOOD: dict[str, list[list[Any]]] = {
    "组织": ORGS,
    "活动": [
        ACTIVITY,
        ["教工第一党支部", "主题党日", "2025-03-18", "学习二十大精神", "理论学习", "会议室", 10, 9],
        ["教工第一党支部", "党课", "2025/4/2", "专题党课", None, None, 10, 10],
    ],
    "备注": [["随便写的"]],  # an unknown sheet: a warning, not a fault
}
FAULTY: dict[str, list[list[Any]]] = {
    "组织": [*ORGS, ["学生党支部", "化工学院党总支", "党支部"], ["新组织", ROOT, "支委"]],
    "活动": [
        ACTIVITY,
        ["教工第一党支部", "开会", "2025-03-18", "学习"],
        ["教工第一党支部", "党课", "2025-02-30", None],
        ["教工第一党支部", "党课", "2025-04-01", "党课", None, None, 5, 8],
    ],
}


class Recorder:
    """Stands in for a message function: records its arguments."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        self.calls.append(args)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> dict[str, Recorder]:
    """The messages the transfers show, recorded instead of shown."""
    recorders = {"info": Recorder(), "error": Recorder(), "saved": Recorder()}
    monkeypatch.setattr(messages, "show_info", recorders["info"])
    monkeypatch.setattr(messages, "show_error", recorders["error"])
    monkeypatch.setattr(transfer, "show_saved", recorders["saved"])
    return recorders


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (str(path), ""))


def answer_preview(monkeypatch: pytest.MonkeyPatch, accept: bool) -> list[ImportPreviewDialog]:
    """The preview dialog is recorded and answered (Import or Cancel) instead of shown."""
    dialogs: list[ImportPreviewDialog] = []

    def exec_(self: ImportPreviewDialog) -> int:
        dialogs.append(self)
        code = QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected
        return int(code.value)

    monkeypatch.setattr(ImportPreviewDialog, "exec", exec_)
    return dialogs


def table_texts(view: Any) -> list[list[str]]:
    model = view.model()
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def record_count(ledger: Ledger) -> tuple[int, int]:
    return (
        ledger.scalar("SELECT count(*) FROM organizations WHERE deleted_at IS NULL"),
        ledger.scalar("SELECT count(*) FROM activities WHERE deleted_at IS NULL"),
    )


# ---- import ---------------------------------------------------------------------------------


@pytest.mark.parametrize("accept", [False, True])
def test_the_preview_of_a_faulty_workbook_lists_every_fault_and_writes_nothing(
    window: Any,
    ledger: Ledger,
    make_workbook: WorkbookFactory,
    monkeypatch: pytest.MonkeyPatch,
    shown: dict[str, Recorder],
    qtmodeltester: Any,
    accept: bool,
) -> None:
    path = make_workbook(FAULTY)
    with pytest.raises(ValidationError) as caught:
        preview_workbook(ledger, path)
    expected = caught.value.faults
    assert len(expected) >= 5
    choose_file(monkeypatch, path)
    dialogs = answer_preview(monkeypatch, accept)
    before = table_snapshot(ledger)

    # Even an Import pressed somehow (the button is disabled) imports nothing.
    assert transfer.import_workbook(window, window.session) is None
    assert table_snapshot(ledger) == before
    [dialog] = dialogs
    assert dialog.fault_model.faults() == expected
    assert table_texts(dialog.ui.faultsView) == [
        [f.sheet or "", str(f.row or ""), f.column or "", f.message] for f in expected
    ]
    assert ("活动", "2", "B (类型)") in {tuple(r[:3]) for r in table_texts(dialog.ui.faultsView)}
    assert not dialog.import_button.isEnabled()
    assert not dialog.can_import()
    assert dialog.ui.faultsGroup.isVisibleTo(dialog)
    assert not dialog.ui.countsGroup.isVisibleTo(dialog)
    assert dialog.ui.summaryLabel.text().startswith(
        f"The workbook cannot be imported: it has {len(expected)} problems"
    )
    assert "Correct them in the workbook" in dialog.ui.summaryLabel.text()
    assert dialog.list_text().splitlines() == [str(f) for f in expected]
    qtmodeltester.check(dialog.fault_model)
    assert shown["info"].calls == [] and shown["error"].calls == []


def test_a_good_workbook_is_previewed_then_imported_on_confirmation(
    window: Any,
    ledger: Ledger,
    make_workbook: WorkbookFactory,
    monkeypatch: pytest.MonkeyPatch,
    shown: dict[str, Recorder],
    qtmodeltester: Any,
) -> None:
    path = make_workbook(GOOD)
    choose_file(monkeypatch, path)
    # First the user looks and cancels: nothing written.
    dialogs = answer_preview(monkeypatch, False)
    before = table_snapshot(ledger)
    assert transfer.import_workbook(window, window.session) is None
    assert table_snapshot(ledger) == before
    [dialog] = dialogs
    assert table_texts(dialog.ui.countsView) == [["组织", "3", "0", "0"], ["活动", "2", "0", "0"]]
    qtmodeltester.check(dialog.counts)
    assert dialog.import_button.isEnabled() and dialog.can_import()
    assert not dialog.ui.faultsGroup.isVisibleTo(dialog)
    assert dialog.ui.warningsGroup.isVisibleTo(dialog)
    warnings = table_texts(dialog.ui.warningsView)
    assert len(warnings) == 1 and warnings[0][0] == "备注"
    assert "adds 5 records and updates 0" in dialog.ui.summaryLabel.text()

    # Then confirms: imported, pages told, a summary shown.
    changed: list[bool] = []
    window.session.changed.connect(lambda: changed.append(True))
    answer_preview(monkeypatch, True)
    report = transfer.import_workbook(window, window.session)
    assert report is not None and report.written
    assert record_count(ledger) == (3, 2)
    assert changed
    [(parent, text)] = [call[:2] for call in shown["info"].calls]
    assert parent is window
    assert text.startswith("The workbook was imported:")
    assert "活动: 2 added, 0 updated, 0 unchanged" in text

    # A second preview: nothing to import, the Import button stays disabled.
    dialogs = answer_preview(monkeypatch, True)
    assert transfer.import_workbook(window, window.session) is None
    assert not dialogs[0].import_button.isEnabled()
    assert dialogs[0].ui.summaryLabel.text().startswith("Importing this workbook would change")


def test_cancelling_during_the_import_leaves_the_ledger_unchanged(
    window: Any,
    ledger: Ledger,
    make_workbook: WorkbookFactory,
    monkeypatch: pytest.MonkeyPatch,
    shown: dict[str, Recorder],
) -> None:
    """The user presses Cancel once the import has begun writing: the worker's cancel flag is
    set from the job's progress, the importer stops and rolls back."""
    path = make_workbook(GOOD)
    choose_file(monkeypatch, path)
    answer_preview(monkeypatch, True)
    real = worker.run_in_background
    seen: list[tuple[int, int]] = []

    def cancel_while_writing(parent: Any, label: str, job: Callable[..., Any]) -> Any:
        if not label.startswith("Importing"):
            return real(parent, label, job)
        pressed = threading.Event()

        def pressing_cancel(progress: Any, cancelled: Callable[[], bool]) -> Any:
            def on_progress(done: int, total: int) -> None:
                seen.append((done, total))
                progress(done, total)
                if done * 2 > total:  # past reading and checking: the writing has begun
                    pressed.set()

            return job(on_progress, lambda: pressed.is_set() or cancelled())

        return real(parent, label, pressing_cancel)

    monkeypatch.setattr(transfer, "run_in_background", cancel_while_writing)
    before = table_snapshot(ledger)
    assert transfer.import_workbook(window, window.session) is None
    assert table_snapshot(ledger) == before
    done, total = seen[-1]
    assert total // 2 < done < total  # it stopped half-way through writing
    assert [call[1] for call in shown["info"].calls] == [
        "The import was cancelled; nothing was changed."
    ]
    assert shown["error"].calls == []


def test_the_import_job_stops_on_cancel(ledger: Ledger, make_workbook: WorkbookFactory) -> None:
    path = make_workbook(GOOD)
    before = table_snapshot(ledger)
    job = transfer.workbook_job(ledger.path, path, write=True)
    with pytest.raises(JobCancelled):
        job(lambda done, total: None, lambda: True)
    assert table_snapshot(ledger) == before
    report = job(lambda done, total: None, lambda: False)
    assert report.written and record_count(ledger) == (3, 2)


def test_an_unreadable_workbook_is_a_friendly_message(
    window: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown: dict[str, Recorder],
) -> None:
    path = tmp_path / "名单.xlsx"
    path.write_text("姓名,支部\n张三,教工第一党支部\n", encoding="utf-8")
    choose_file(monkeypatch, path)
    dialogs = answer_preview(monkeypatch, True)
    assert transfer.import_workbook(window, window.session) is None
    assert dialogs == []
    [(parent, error)] = [call[:2] for call in shown["error"].calls]
    assert parent is window
    assert isinstance(error, LedgerError)
    assert "名单.xlsx" in error.message
    assert "not a readable Excel workbook" in error.message


def test_a_locked_ledger_is_a_friendly_message(
    window: Any,
    ledger: Ledger,
    make_workbook: WorkbookFactory,
    monkeypatch: pytest.MonkeyPatch,
    shown: dict[str, Recorder],
) -> None:
    path = make_workbook(GOOD)
    choose_file(monkeypatch, path)
    dialogs = answer_preview(monkeypatch, True)
    monkeypatch.setattr(ledger_module, "BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(ledger.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        assert transfer.import_workbook(window, window.session) is None
    finally:
        other.close()
    # The preview only reads, so it is shown even while another program writes; the import
    # the user then confirms cannot get the file and says why.
    assert len(dialogs) == 1
    [(_parent, error)] = [call[:2] for call in shown["error"].calls]
    assert "is in use by another program" in error.message
    assert record_count(ledger) == (0, 0)


def test_choosing_no_file_does_nothing(
    window: Any, monkeypatch: pytest.MonkeyPatch, shown: dict[str, Recorder]
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: ("", ""))
    dialogs = answer_preview(monkeypatch, True)
    assert transfer.import_workbook(window, window.session) is None
    assert dialogs == [] and shown["error"].calls == [] and shown["info"].calls == []


def test_the_faults_model_sorts_rows_as_numbers(qtmodeltester: Any) -> None:
    from desktop_app.errors import Fault
    from desktop_app.gui.import_preview import sorting_proxy

    model = FaultsModel(
        [
            Fault("a", sheet="活动", row=10, column="A (组织)"),
            Fault("b", sheet="活动", row=9, column="B (类型)"),
            Fault("c"),
        ]
    )
    qtmodeltester.check(model)
    proxy = sorting_proxy(model, None)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert [proxy.data(proxy.index(r, 3)) for r in range(3)] == ["c", "b", "a"]
    assert model.data(model.index(2, 0)) == ""
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == str(
        Fault("a", sheet="活动", row=10, column="A (组织)")
    )


# ---- exports --------------------------------------------------------------------------------


def save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    """Answer the save dialog with ``path``; returns the suggested names it was given."""
    suggested: list[str] = []

    def dialog(parent: Any, title: str, default: str, *args: Any, **kw: Any) -> tuple[str, str]:
        suggested.append(default)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return suggested


def test_export_the_ledger(
    demo_window: Any,
    demo_ledger: Ledger,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown: dict[str, Recorder],
) -> None:
    suggested = save_as(monkeypatch, tmp_path / "out" / "导出")
    (tmp_path / "out").mkdir()
    written = transfer.export_ledger(demo_window, demo_window.session)
    target = tmp_path / "out" / "导出.xlsx"  # .xlsx added
    assert written == target
    assert Path(suggested[0]).name == f"demo ledger {date.today().isoformat()}.xlsx"
    assert shown["saved"].calls == [(demo_window, target)]
    book = load_workbook(target, read_only=True)
    try:
        assert book.sheetnames == [spec.name for spec in SHEETS]
        rows = book["活动"].max_row - 1
    finally:
        book.close()
    assert rows == demo_ledger.scalar("SELECT count(*) FROM activities WHERE deleted_at IS NULL")
    assert rows > 0
    # The next save dialog opens in the folder used last.
    suggested = save_as(monkeypatch, tmp_path / "again.xlsx")
    transfer.export_ledger(demo_window, demo_window.session)
    assert Path(suggested[0]).parent == tmp_path / "out"


def test_export_the_template(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: dict[str, Recorder]
) -> None:
    suggested = save_as(monkeypatch, tmp_path / "模板.XLSX")
    assert transfer.export_template(window) == tmp_path / "模板.XLSX"
    assert Path(suggested[0]).name == "Party Ledger template.xlsx"
    book = load_workbook(tmp_path / "模板.XLSX", read_only=True)
    try:
        assert book.sheetnames == [HELP_SHEET, *(spec.name for spec in SHEETS)]
        assert book["活动"].max_row == 1  # the header row only
    finally:
        book.close()
    assert len(shown["saved"].calls) == 1


def test_a_file_that_cannot_be_written_is_a_friendly_message(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: dict[str, Recorder]
) -> None:
    (tmp_path / "台账.xlsx").mkdir()  # a folder where the file should go
    save_as(monkeypatch, tmp_path / "台账.xlsx")
    assert transfer.export_ledger(window, window.session) is None
    [(parent, error)] = [call[:2] for call in shown["error"].calls]
    assert parent is window
    assert "台账.xlsx" in error.message and "is a folder" in error.message
    save_as(monkeypatch, tmp_path / "no such folder" / "模板.xlsx")
    assert transfer.export_template(window) is None
    assert "模板.xlsx" in shown["error"].calls[1][1].message
    assert shown["saved"].calls == []


def test_an_export_cancelled_before_it_begins_writes_no_file(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: dict[str, Recorder]
) -> None:
    save_as(monkeypatch, tmp_path / "模板.xlsx")

    def cancelled_at_once(parent: Any, label: str, job: Callable[..., Any]) -> Any:
        return job(lambda done, total: None, lambda: True)

    monkeypatch.setattr(transfer, "run_in_background", cancelled_at_once)
    assert transfer.export_template(window) is None
    assert not (tmp_path / "模板.xlsx").exists()
    assert [call[1] for call in shown["info"].calls] == [
        "The export was cancelled; no file was written."
    ]
