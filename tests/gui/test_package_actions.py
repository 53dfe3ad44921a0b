"""Exchange packages in the window: export a college's package, import it into another ledger,
settle conflicts in the dialog, refuse a tampered package with the ledger untouched."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import table_snapshot
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog

from desktop_app.exchange import import_package as merge_package
from desktop_app.exchange import read_package, write_package
from desktop_app.gui import messages, package_actions
from desktop_app.gui.package_actions import ConflictDialog, ConflictModel
from desktop_app.storage import Ledger, open_ledger
from desktop_app.storage import records as store

COLLEGE = "机电工程学院党总支"


@pytest.fixture
def source(demo_file: Path, tmp_path: Path) -> Iterator[Ledger]:
    target = tmp_path / "college.sqlite"
    shutil.copyfile(demo_file, target)
    with open_ledger(target, create=False) as ledger:
        ledger.conn.execute("UPDATE ledger_info SET value = 'college' WHERE key = 'ledger_id'")
        yield ledger


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    def __call__(self, *args: Any, **kwargs: Any) -> None:
        self.calls.append(args)


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> dict[str, Recorder]:
    recorders = {"info": Recorder(), "error": Recorder()}
    monkeypatch.setattr(messages, "show_info", recorders["info"])
    monkeypatch.setattr(messages, "show_error", recorders["error"])
    return recorders


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def test_export_writes_the_chosen_organizations_package(
    demo_window: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, shown: dict[str, Recorder]
) -> None:
    offered: list[list[str]] = []

    def pick(parent: Any, title: str, label: str, items: list[str], *args: Any) -> Any:
        offered.append(items)
        return COLLEGE, True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    target = tmp_path / "out" / "college"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    summary = package_actions.export_package(demo_window, demo_window.session)
    assert summary is not None and summary.path == target.with_suffix(".ledgerpkg")
    assert COLLEGE in offered[0] and not any(p[-2:] == "支部" for p in offered[0])
    assert read_package(summary.path).manifest["scope"] == COLLEGE
    assert "was written to" in shown["info"].calls[0][1]


def test_import_into_empty_ledger_then_again(
    window: Any,
    source: Ledger,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    shown: dict[str, Recorder],
) -> None:
    out = tmp_path / "college.ledgerpkg"
    write_package(source, COLLEGE, out)
    _choose(monkeypatch, out)
    changed: list[bool] = []
    window.session.changed.connect(lambda: changed.append(True))
    result = package_actions.import_package(window, window.session)
    assert result is not None and result.added > 0 and changed == [True]
    assert (
        window.session.ledger.scalar("SELECT count(*) FROM organizations WHERE name = ?", [COLLEGE])
        == 1
    )
    before = table_snapshot(window.session.ledger)
    again = package_actions.import_package(window, window.session)
    assert again is not None and not again.changed
    assert shown["info"].calls[-1][1] == "The package holds nothing new; the ledger is unchanged."
    assert table_snapshot(window.session.ledger) == before


def test_tampered_package_is_refused(
    window: Any,
    source: Ledger,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    shown: dict[str, Recorder],
) -> None:
    out = tmp_path / "college.ledgerpkg"
    write_package(source, COLLEGE, out)
    out.write_bytes(out.read_bytes()[:-40])
    _choose(monkeypatch, out)
    before = table_snapshot(window.session.ledger)
    assert package_actions.import_package(window, window.session) is None
    assert "Nothing was changed" in shown["error"].calls[0][1].message
    assert table_snapshot(window.session.ledger) == before


@pytest.mark.parametrize("side", ["theirs", "ours"])
def test_conflicts_are_settled_in_the_dialog(
    window: Any,
    source: Ledger,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    shown: dict[str, Recorder],
    qtmodeltester: Any,
    side: str,
) -> None:
    ledger = window.session.ledger
    write_package(source, COLLEGE, tmp_path / "first.ledgerpkg")
    merge_package(ledger, read_package(tmp_path / "first.ledgerpkg"))
    uid = ledger.query(
        "SELECT a.uid FROM activities a JOIN organizations o ON o.uid = a.org_uid "
        "JOIN organizations c ON c.uid = o.parent_uid WHERE c.name = ? ORDER BY a.uid LIMIT 1",
        [COLLEGE],
    )[0]["uid"]
    for target, theme in ((source, "学院的主题"), (ledger, "学校的主题")):
        with target.transaction():
            store.update(target, "activities", uid, {"theme": theme})
    write_package(source, COLLEGE, tmp_path / "second.ledgerpkg")
    _choose(monkeypatch, tmp_path / "second.ledgerpkg")
    seen: list[ConflictModel] = []

    def answer(dialog: ConflictDialog) -> int:
        model = dialog.model
        qtmodeltester.check(model)
        seen.append(model)
        assert model.rowCount() == 1
        assert "学院的主题" in model.data(model.index(0, ConflictModel.RECORD))
        assert model.data(model.index(0, ConflictModel.FIELDS)) == "Theme"
        tip = model.data(model.index(0, ConflictModel.FIELDS), Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("Theme: “") and "” in the package" in tip
        if side == "theirs":
            dialog.all_theirs.click()
        else:
            model.setData(
                model.index(0, ConflictModel.THEIRS),
                Qt.CheckState.Unchecked,
                Qt.ItemDataRole.CheckStateRole,
            )
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConflictDialog, "exec", answer)
    result = package_actions.import_package(window, window.session)
    assert seen and result is not None
    expected = "学院的主题" if side == "theirs" else "学校的主题"
    assert store.get(ledger, "activities", uid)["theme"] == expected  # type: ignore[index]
    assert (result.conflicts_theirs, result.conflicts_ours) == (
        (1, 0) if side == "theirs" else (0, 1)
    )


def test_cancelling_the_conflict_dialog_changes_nothing(
    window: Any, source: Ledger, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ledger = window.session.ledger
    write_package(source, COLLEGE, tmp_path / "first.ledgerpkg")
    merge_package(ledger, read_package(tmp_path / "first.ledgerpkg"))
    uid = ledger.query("SELECT uid FROM organizations WHERE name = ?", [COLLEGE])[0]["uid"]
    for target, secretary in ((source, "张三"), (ledger, "李四")):
        with target.transaction():
            store.update(target, "organizations", uid, {"secretary": secretary})
    write_package(source, COLLEGE, tmp_path / "second.ledgerpkg")
    _choose(monkeypatch, tmp_path / "second.ledgerpkg")
    monkeypatch.setattr(ConflictDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    before = table_snapshot(ledger)
    assert package_actions.import_package(window, window.session) is None
    assert table_snapshot(ledger) == before
