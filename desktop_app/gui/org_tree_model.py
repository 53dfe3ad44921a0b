"""The organization tree as a Qt item model, and the proxy that filters it by name.

``OrgTreeModel`` shows every organization of the ledger (dissolved ones included) under its
parent: the party committee, then its colleges and the branches directly under it, then the
branches of each college. The member counts of a branch are its own; those of an active college
or of the party committee are the totals of its subtree, taken from the statistics module so
they agree with the dashboard and the reports.

``OrgFilterProxy`` narrows the tree to the organizations whose name, or an ancestor's name,
holds the filter text, and hides dissolved organizations unless asked to show them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.domain.compliance import term_end, term_state
from desktop_app.domain.enums import BRANCH_TYPES, ORG_LEVELS
from desktop_app.domain.orgtree import Organization, OrgTree
from desktop_app.formatting import format_date, format_number
from desktop_app.i18n import N_, _, ngettext
from desktop_app.stats import organization_figures

AnyIndex = QModelIndex | QPersistentModelIndex

UID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The organization's uid."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""The raw value of a cell (numbers as numbers, dates as ISO text)."""
ACTIVE_ROLE = Qt.ItemDataRole.UserRole + 3
"""True for an active organization, False for a dissolved one."""


class Column(IntEnum):
    NAME = 0
    LEVEL = 1
    BRANCH_TYPE = 2
    SECRETARY = 3
    MEMBERS_FULL = 4
    MEMBERS_PROBATIONARY = 5
    ACTIVISTS = 6
    TERM = 7
    STATE = 8


HEADERS = {
    Column.NAME: N_("Name"),
    Column.LEVEL: N_("Level"),
    Column.BRANCH_TYPE: N_("Branch type"),
    Column.SECRETARY: N_("Secretary"),
    Column.MEMBERS_FULL: N_("Full members"),
    Column.MEMBERS_PROBATIONARY: N_("Probationary"),
    Column.ACTIVISTS: N_("Activists"),
    Column.TERM: N_("Committee term"),
    Column.STATE: N_("State"),
}
COLUMNS = tuple(Column)
COLUMN_COUNT = len(COLUMNS)
COUNT_COLUMNS = {
    Column.MEMBERS_FULL: "members_full",
    Column.MEMBERS_PROBATIONARY: "members_probationary",
    Column.ACTIVISTS: "activists",
}
TERM_STATES = {
    "expired": N_("Expired"),
    "expiring_soon": N_("Ends within 180 days"),
    "current": N_("Current"),
}
DIGITS = "一二三四五六七八九"
CHINESE_DIGITS = str.maketrans(DIGITS, "123456789")
LEVEL_ORDER = {code: n for n, code in enumerate(ORG_LEVELS.codes)}
DISSOLVED_COLOR = QColor("#8a817c")
TERM_COLORS = {"expired": QColor("#b00020"), "expiring_soon": QColor("#a65b00")}


@dataclass(eq=False)
class OrgNode:
    """One row of the tree. The model keeps every node alive while its indexes exist."""

    org: Organization
    parent: OrgNode | None
    row: int
    children: list[OrgNode] = field(default_factory=list)
    totals: dict[str, Any] | None = None
    """For an active college or committee: the statistics' figures of its subtree."""
    term: str | None = None


def name_key(name: str) -> str:
    """Sort key of a name that puts 第一、第二、第三 (and 1, 2, 10) in counting order."""
    text = re.sub(f"([{DIGITS}])十([{DIGITS}])", r"\1\2", name)
    text = re.sub(f"十([{DIGITS}])", r"1\1", text)
    text = re.sub(f"([{DIGITS}])十", r"\g<1>0", text)
    text = text.replace("十", "10").translate(CHINESE_DIGITS)
    return re.sub(r"\d+", lambda m: m.group().zfill(6), text)


def _font(bold: bool, italic: bool) -> QFont:
    # Made once, not in ``data``: the view asks for fonts on every paint.
    font = QFont()
    font.setBold(bold)
    font.setItalic(italic)
    return font


def is_aggregate(node: OrgNode) -> bool:
    return node.totals is not None


class OrgTreeModel(QAbstractItemModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots: list[OrgNode] = []
        self._by_uid: dict[str, OrgNode] = {}
        self.tree = OrgTree([])
        self.as_of = date.today()
        self._fonts = {
            (bold, italic): _font(bold, italic)
            for bold in (False, True)
            for italic in (False, True)
        }

    # ---- loading ------------------------------------------------------------------------

    def load(self, tree: OrgTree, as_of: date | None = None) -> None:
        """Show ``tree``; term states are judged as of ``as_of`` (default today)."""
        self.beginResetModel()
        self.tree = tree
        self.as_of = as_of or date.today()
        self._by_uid = {}
        tops = list(tree.children.get(None, []))
        # An organization whose parent is missing is shown at the top rather than lost.
        tops += [
            o.uid for o in tree if o.parent_uid is not None and o.parent_uid not in tree.by_uid
        ]
        self._roots = self._build(self._ordered(tops), None)
        self.endResetModel()

    def _ordered(self, uids: list[str]) -> list[str]:
        by_uid = self.tree.by_uid
        return sorted(uids, key=lambda u: (LEVEL_ORDER[by_uid[u].level], name_key(by_uid[u].name)))

    def _build(self, uids: list[str], parent: OrgNode | None) -> list[OrgNode]:
        nodes = []
        for row, uid in enumerate(uids):
            org = self.tree.by_uid[uid]
            node = OrgNode(org, parent, row)
            node.term = term_state(org, self.as_of) if org.active else None
            if org.active and org.level != "branch":
                node.totals = organization_figures(self.tree, self.tree.subtree(uid))
            self._by_uid[uid] = node
            node.children = self._build(self._ordered(self.tree.children.get(uid, [])), node)
            nodes.append(node)
        return nodes

    # ---- lookups ------------------------------------------------------------------------

    def node(self, index: AnyIndex) -> OrgNode | None:
        # Only this model's indexes hold an ``OrgNode`` (a proxy's hold its own pointers).
        if not index.isValid() or index.model() is not self:
            return None
        node = index.internalPointer()
        return node if isinstance(node, OrgNode) else None

    def org(self, index: AnyIndex) -> Organization | None:
        node = self.node(index)
        return node.org if node else None

    def index_of(self, uid: str, column: int = 0) -> QModelIndex:
        node = self._by_uid.get(uid)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    # ---- structure ----------------------------------------------------------------------

    def _children(self, parent: AnyIndex) -> list[OrgNode]:
        node = self.node(parent)
        return node.children if node is not None else self._roots

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Checked here rather than by ``hasIndex``, which calls back into Python for the row
        # and column counts: a view of a whole university asks for an index 100,000 times.
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        children = self._children(parent)
        if not (0 <= row < len(children) and 0 <= column < COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: AnyIndex | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return COLUMN_COUNT

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ---- data ---------------------------------------------------------------------------

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[column])
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in COUNT_COLUMNS:
                return _(
                    "A branch shows its own figure. A college or the party committee shows, in "
                    "bold, the total of the active organizations under it, itself included."
                )
            if column == Column.TERM:
                return _(
                    "Whether the committee elected last is still in office: the term ends "
                    "its length in years after the election date."
                )
        if role == Qt.ItemDataRole.TextAlignmentRole and column in COUNT_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        column = COLUMNS[index.column()]
        org = node.org
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, column)
        if role == SORT_ROLE:
            return self._raw(node, column)
        if role == UID_ROLE:
            return org.uid
        if role == ACTIVE_ROLE:
            return org.active
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in COUNT_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not org.active:
                return QBrush(DISSOLVED_COLOR)
            if column == Column.TERM and node.term in TERM_COLORS:
                return QBrush(TERM_COLORS[node.term])
            return None
        if role == Qt.ItemDataRole.FontRole:
            bold = (column in COUNT_COLUMNS and is_aggregate(node)) or (
                column == Column.NAME and org.level == "committee"
            )
            return self._fonts[(bold, not org.active)]
        return None

    def _count(self, node: OrgNode, column: Column) -> int:
        key = COUNT_COLUMNS[column]
        return int(node.totals[key] if node.totals is not None else getattr(node.org, key))

    def _display(self, node: OrgNode, column: Column) -> str:
        org = node.org
        if column == Column.NAME:
            return org.name
        if column == Column.LEVEL:
            return ORG_LEVELS.label(org.level)
        if column == Column.BRANCH_TYPE:
            return BRANCH_TYPES.label(org.branch_type) if org.branch_type in BRANCH_TYPES else ""
        if column == Column.SECRETARY:
            return org.secretary or ""
        if column in COUNT_COLUMNS:
            return format_number(self._count(node, column))
        if column == Column.TERM:
            if not org.elected_on:
                return ""
            if node.term is None:
                return format_date(org.elected_on)
            return _("{state} · elected {date}").format(
                state=_(TERM_STATES[node.term]), date=format_date(org.elected_on)
            )
        if org.active:
            return _("Active")
        if org.dissolved_on:
            return _("Dissolved on {date}").format(date=format_date(org.dissolved_on))
        return _("Dissolved")

    def _raw(self, node: OrgNode, column: Column) -> Any:
        org = node.org
        if column in COUNT_COLUMNS:
            return self._count(node, column)
        if column == Column.TERM:
            end = term_end(org)
            return end.isoformat() if end else ""
        if column == Column.STATE:
            return 0 if org.active else 1
        if column == Column.LEVEL:
            return LEVEL_ORDER[org.level]
        return self._display(node, column)

    def _tooltip(self, node: OrgNode, column: Column) -> str | None:
        org = node.org
        if column == Column.NAME:
            return self.tree.path(org.uid)
        if column in COUNT_COLUMNS:
            if not org.active:
                return _("Dissolved: not counted in any total.")
            if node.totals is None:
                return None
            below = len(self.tree.subtree(org.uid)) - 1
            return ngettext(
                "Total of {name} and the active organizations under it ({count} organization "
                "in all below it); recorded for {name} itself: {own}.",
                "Total of {name} and the active organizations under it ({count} organizations "
                "in all below it); recorded for {name} itself: {own}.",
                below,
            ).format(
                name=org.name,
                count=format_number(below),
                own=format_number(getattr(org, COUNT_COLUMNS[column])),
            )
        if column == Column.TERM:
            end = term_end(org)
            if end is None:
                return _("No election date recorded.")
            return ngettext(
                "Elected on {date} for {years} year; the term ends on {end}.",
                "Elected on {date} for {years} years; the term ends on {end}.",
                org.term_years,
            ).format(date=format_date(org.elected_on), years=org.term_years, end=format_date(end))
        return None


class OrgFilterProxy(QSortFilterProxyModel):
    """Filters the tree by name (an organization shows when its name, an ancestor's name or
    a descendant's name holds the text) and hides dissolved organizations unless shown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setSortRole(SORT_ROLE)
        self._text = ""
        self._show_dissolved = False

    @property
    def show_dissolved(self) -> bool:
        return self._show_dissolved

    @property
    def text(self) -> str:
        return self._text

    def set_show_dissolved(self, show: bool) -> None:
        if show != self._show_dissolved:
            self.beginFilterChange()
            self._show_dissolved = show
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        text = text.strip().casefold()
        if text != self._text:
            self.beginFilterChange()
            self._text = text
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if not self._show_dissolved and not model.data(index, ACTIVE_ROLE):
            return False
        if not self._text:
            return True
        # The row itself or one of its ancestors matches (descendants are the proxy's
        # recursive filtering): typing a college's name shows its branches too.
        while index.isValid():
            if self._text in str(model.data(index, Qt.ItemDataRole.DisplayRole)).casefold():
                return True
            index = index.parent()
        return False
