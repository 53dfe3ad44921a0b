"""The shared in-memory table model (``RowsModel``): counts, header, the roles its hooks
answer, loading, finding rows, and sorting by raw values through a proxy."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from desktop_app.gui.widgets.rows_model import RowsModel
from desktop_app.i18n import N_, set_language

SORT_ROLE = Qt.ItemDataRole.UserRole + 5
UID_ROLE = Qt.ItemDataRole.UserRole + 6
EXTRA_ROLE = Qt.ItemDataRole.UserRole + 7
DISPLAY = Qt.ItemDataRole.DisplayRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Item:
    uid: str
    name: str
    count: int


class ItemsModel(RowsModel[Item]):
    HEADERS = (N_("Organization"), N_("Records"))
    sort_role = SORT_ROLE
    uid_role = UID_ROLE

    def display(self, row: Item, column: int) -> str:
        return row.name if column == 0 else f"{row.count} records"

    def sort_value(self, row: Item, column: int) -> Any:
        return row.count if column == 1 else super().sort_value(row, column)

    def tooltip(self, row: Item, column: int) -> str:
        return f"{row.name}: {row.count}"

    def alignment(self, row: Item, column: int) -> int | None:
        return RIGHT if column == 1 else None

    def foreground(self, row: Item, column: int) -> QColor | None:
        return QColor("#b00020") if row.count == 0 else None

    def role_data(self, row: Item, column: int, role: int) -> Any:
        return (row.uid, column) if role == EXTRA_ROLE else None


class PlainModel(RowsModel[Item]):
    """Only what a subclass must say: no sort or uid role, no hooks."""

    HEADERS = (N_("Organization"),)

    def display(self, row: Item, column: int) -> str:
        return row.name


ITEMS = [Item("u1", "第一党支部", 10), Item("u2", "第二党支部", 9), Item("u3", "机关党支部", 100)]


@pytest.fixture
def model(qapp: Any) -> ItemsModel:
    model = ItemsModel()
    model.load(ITEMS)
    return model


@pytest.fixture
def chinese() -> Iterator[None]:
    set_language("zh_CN")
    yield
    set_language("en")


def test_the_model_tester_passes_loaded_and_empty(qtmodeltester: Any, model: ItemsModel) -> None:
    qtmodeltester.check(model)
    qtmodeltester.check(ItemsModel())
    plain = PlainModel()
    plain.load(ITEMS)
    qtmodeltester.check(plain)


def test_counts_are_the_rows_and_the_headers(model: ItemsModel) -> None:
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    parent = model.index(0, 0)
    assert (model.rowCount(parent), model.columnCount(parent)) == (0, 0)
    assert PlainModel().columnCount() == 1


def test_load_resets_the_model_and_keeps_its_own_list(qtbot: Any, model: ItemsModel) -> None:
    rows = [Item("u9", "新支部", 1)]
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset], timeout=1000):
        model.load(rows)
    rows.append(Item("u10", "another", 2))
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "新支部"
    model.load([])
    assert model.rowCount() == 0
    assert model.index(0, 0).data() is None


def test_rows_are_found_by_number_and_by_uid(model: ItemsModel) -> None:
    assert model.row_at(2) == ITEMS[2]
    assert [model.row_of(uid) for uid in ("u3", "u1", "u2")] == [2, 0, 1]
    assert model.row_of("missing") == -1
    assert model.uid(ITEMS[1]) == "u2"


def test_header_texts_are_translated_when_shown(model: ItemsModel, chinese: None) -> None:
    horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    assert [model.headerData(n, horizontal) for n in range(2)] == ["组织", "记录数"]
    set_language("en")
    assert [model.headerData(n, horizontal) for n in range(2)] == ["Organization", "Records"]
    assert model.headerData(0, vertical) is None
    assert model.headerData(0, horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(2, horizontal) is None
    assert model.headerData(-1, horizontal) is None


def test_each_role_is_answered_by_its_hook(model: ItemsModel) -> None:
    name, count = model.index(0, 0), model.index(0, 1)
    assert (name.data(), count.data()) == ("第一党支部", "10 records")
    assert (name.data(SORT_ROLE), count.data(SORT_ROLE)) == ("第一党支部", 10)
    assert count.data(UID_ROLE) == "u1"
    assert count.data(Qt.ItemDataRole.ToolTipRole) == "第一党支部: 10"
    assert count.data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert name.data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert count.data(Qt.ItemDataRole.ForegroundRole) is None
    assert count.data(EXTRA_ROLE) == ("u1", 1)
    assert count.data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(QModelIndex()) is None
    model.load([Item("u0", "空支部", 0)])
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) == QColor("#b00020")


def test_roles_a_model_does_not_offer_give_nothing(qapp: Any) -> None:
    plain = PlainModel()
    plain.load(ITEMS)
    index = plain.index(1, 0)
    assert index.data() == "第二党支部"
    for role in (SORT_ROLE, UID_ROLE, Qt.ItemDataRole.ToolTipRole):
        assert index.data(role) is None
    assert plain.sort_value(ITEMS[1], 0) == "第二党支部"  # the text, by default


def test_a_proxy_sorts_by_the_raw_values(model: ItemsModel) -> None:
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(r, 1).data() for r in range(proxy.rowCount())]
    assert shown == ["9 records", "10 records", "100 records"]  # as text: 10, 100, 9
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data(UID_ROLE) for r in range(3)] == ["u2", "u1", "u3"]


def test_headers_are_translated_once_per_language(
    model: ItemsModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A view asks for the column count for every cell it looks at: the headers are translated
    once per language, not on every call."""
    from desktop_app.gui.widgets import rows_model

    translated: list[str] = []
    real = rows_model._

    def counting(text: str) -> str:
        translated.append(text)
        return real(text)

    monkeypatch.setattr(rows_model, "_", counting)
    horizontal = Qt.Orientation.Horizontal
    set_language("en")
    for _round in range(1000):
        assert model.columnCount() == 2
    assert [model.headerData(n, horizontal) for n in range(2)] == ["Organization", "Records"]
    assert translated == ["Organization", "Records"]
    set_language("zh_CN")
    try:
        assert [model.headerData(n, horizontal) for n in range(2)] == ["组织", "记录数"]
        assert model.columnCount() == 2
    finally:
        set_language("en")
    assert [model.headerData(n, horizontal) for n in range(2)] == ["Organization", "Records"]
    assert len(translated) == 6
