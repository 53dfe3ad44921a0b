"""The activity table's model: rows read from the ledger a page at a time.

A ledger holds thousands of activities, so the model never reads them all: a new filter or
order reads the first page; the view asks for more (``canFetchMore`` / ``fetchMore``) as the
user scrolls, while a page comes back full. Filtering, searching and sorting happen in SQL
(``desktop_app.activity_query``). For that reason there is no ``QSortFilterProxyModel`` over
this model: a proxy would sort and filter only the rows loaded so far. ``sort`` re-queries
instead.

How many rows the filter lets through is known at once when the first page is not full;
otherwise it is counted in the background (``activity_count``) so that a keystroke in the
search never waits for it: ``total()`` is None meanwhile, and ``counted`` says when it is
known. A ledger that is not a file is counted in place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop_app.activity_query import (
    PAGE_SIZE,
    ActivityFilter,
    ActivityRow,
    activity_position,
    count_activities,
    fetch_activities,
    narrows,
)
from desktop_app.domain.enums import ACTIVITY_TYPES, DIMENSIONS, THEME_CATEGORIES
from desktop_app.domain.orgtree import SEPARATOR, OrgTree, load_tree
from desktop_app.formatting import format_date
from desktop_app.gui.activity_count import COULD_NOT_COUNT, BackgroundCount, counts_in_background
from desktop_app.i18n import N_, _, join_list, ngettext
from desktop_app.storage.ledger import Ledger

UID_ROLE = Qt.ItemDataRole.UserRole
"""The activity's uid, in every column."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The raw value of a cell (a date, a number, a code) rather than its display text."""

FEATURED_MARK = "★"
FEATURED_COLOR = QColor("#c62828")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # marked with N_, translated where shown
    sort: str | None  # the activity_query sort, None if the column cannot be sorted
    tip: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("date", N_("Date"), "date"),
    Column("organization", N_("Organization"), "organization"),
    Column("type", N_("Type"), "type"),
    Column("theme", N_("Theme"), "theme"),
    Column("category", N_("Category"), None, N_("The category of a theme party day")),
    Column("place", N_("Place"), "place"),
    Column("attendance", N_("Attendance"), "attendance", N_("Attended / expected")),
    Column("dimensions", N_("Dimensions"), None, N_("The dimensions of education it serves")),
    Column("featured", N_("Featured"), None, N_("Chosen as a featured case")),
    Column("files", N_("Files"), None, N_("Attached photos and sign-in sheets")),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
_CENTERED = {"date", "attendance", "featured", "files"}
DEFAULT_SORT = "date"


def column_of(key: str) -> int:
    return COLUMN_KEYS.index(key)


def short_path(tree: OrgTree, uid: str) -> str:
    """The last two parts of an organization's path (college/branch), or its name."""
    if uid not in tree.by_uid:
        return ""
    return SEPARATOR.join(tree.path(uid).split(SEPARATOR)[-2:])


def attendance_text(row: ActivityRow) -> str:
    if row.actual is None and row.expected is None:
        return ""
    shown = ["—" if n is None else str(n) for n in (row.actual, row.expected)]
    return "/".join(shown)


class ActivityTableModel(QAbstractTableModel):
    """Activities under an ``ActivityFilter``, sorted by the ledger, loaded page by page."""

    reloaded = Signal()
    """The rows were read again (a new filter, a new order, or a change in the ledger)."""
    counted = Signal()
    """The total, counted in the background, is known (``total()``)."""

    def __init__(
        self,
        ledger: Ledger,
        parent: Any = None,
        *,
        page_size: int = PAGE_SIZE,
        background: bool | None = None,
    ) -> None:
        """``background``: count in a thread of its own (default: when the ledger is a
        file)."""
        super().__init__(parent)
        self.ledger = ledger
        self.page_size = page_size
        self._filter = ActivityFilter()
        self._sort = DEFAULT_SORT
        self._descending = True
        self._rows: list[ActivityRow] = []
        self._more = False  # the last page read was full: there may be more
        self._total: int | None = 0
        self._tree = OrgTree([])
        self._tree_seen: tuple[int, int] | None = None  # the ledger's state when it was read
        # A filter that found nothing, and the ledger's state then: a narrower one finds
        # nothing either (typing on after a word that is nowhere costs no query).
        self._found_nothing: tuple[ActivityFilter, tuple[int, int]] | None = None
        if background is None:
            background = counts_in_background(ledger)
        self._counter = BackgroundCount(ledger.path, self) if background else None
        if self._counter is not None:
            self._counter.counted.connect(self._counted)

    # ---- what is shown ------------------------------------------------------------------

    @property
    def filter(self) -> ActivityFilter:
        return self._filter

    @property
    def sort_key(self) -> str:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def tree(self) -> OrgTree:
        return self._tree

    def total(self) -> int | None:
        """How many activities the filter lets through (loaded or not); None while they are
        being counted."""
        return self._total

    def counting(self) -> bool:
        return self._total is None

    def set_filter(self, flt: ActivityFilter) -> None:
        if flt != self._filter:
            self._requery(flt=flt)

    def set_sort(self, key: str, descending: bool) -> None:
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            self._requery(recount=False)

    def reload(self, tree: OrgTree | None = None, flt: ActivityFilter | None = None) -> None:
        """The ledger changed: read the organizations (for their names; ``tree`` if given)
        and the first page under the filter (``flt`` if given) again, and count the rows."""
        self._set_tree(tree if tree is not None else load_tree(self.ledger))
        self._requery(flt=flt)

    def _requery(self, *, flt: ActivityFilter | None = None, recount: bool = True) -> None:
        """Read the first page (the organizations too if the ledger changed since they were
        read); count the rows unless ``recount`` is False (a new order: same rows)."""
        self.beginResetModel()
        if flt is not None:
            self._filter = flt
        if recount and self._counter is not None:
            self._counter.cancel()  # before reading: the two would share the processor
        state = self._ledger_state()
        if self._tree_seen != state:
            self._set_tree(load_tree(self.ledger))
        nothing = self._found_nothing
        if nothing and nothing[1] == state and narrows(self._filter, nothing[0]):
            self._rows = []
        else:
            self._rows = self._read(0)
            self._found_nothing = None if self._rows else (self._filter, state)
        self._more = len(self._rows) >= self.page_size
        if recount or not self._more:
            self._count()
        self.endResetModel()
        self.reloaded.emit()

    def _ledger_state(self) -> tuple[int, int]:
        """Changes made through this connection and by others: equal while nothing changed."""
        conn = self.ledger.conn
        return conn.total_changes, int(conn.execute("PRAGMA data_version").fetchone()[0])

    def _set_tree(self, tree: OrgTree) -> None:
        self._tree = tree
        self._tree_seen = self._ledger_state()

    def _count(self) -> None:
        """The total: exact at once when the first page was not full, else counted (in the
        background if the model counts there)."""
        if self._counter is not None:
            self._counter.cancel()
        if not self._more:
            self._total = len(self._rows)
        elif self._counter is not None:
            self._total = None
            self._counter.start(self._filter)
        else:
            self._total = count_activities(self.ledger, self._filter)

    def _counted(self, total: int) -> None:
        if total == COULD_NOT_COUNT:  # the file could not be read from another connection
            total = count_activities(self.ledger, self._filter)
        # Never fewer than the rows already shown (another program may have deleted some).
        self._total = max(total, len(self._rows) + int(self._more))
        self.counted.emit()

    def _read(self, offset: int, limit: int | None = None) -> list[ActivityRow]:
        return fetch_activities(
            self.ledger,
            self._filter,
            sort=self._sort,
            descending=self._descending,
            offset=offset,
            limit=self.page_size if limit is None else limit,
        )

    # ---- loading on demand --------------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch(self.page_size)

    def ensure_loaded(self, row: int) -> bool:
        """Read the pages up to ``row`` (in one query); False if the table has no such row."""
        if row >= len(self._rows) and self._more:
            pages = -(-(row + 1 - len(self._rows)) // self.page_size)
            self._fetch(pages * self.page_size)
        return 0 <= row < len(self._rows)

    def _fetch(self, count: int) -> None:
        """Read the next ``count`` rows; fewer mean the end, and the total is then known."""
        more = self._read(len(self._rows), count)
        self._more = len(more) >= count
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()
        if not self._more:
            was_counting = self._total is None
            if self._counter is not None:
                self._counter.cancel()
            self._total = len(self._rows)
            if was_counting:
                self.counted.emit()

    def position(self, uid: str) -> int | None:
        """The row of activity ``uid`` under the filter and order (loaded or not)."""
        return activity_position(
            self.ledger, self._filter, uid, sort=self._sort, descending=self._descending
        )

    # ---- records --------------------------------------------------------------------------

    def activity(self, row: int) -> ActivityRow:
        return self._rows[row]

    def uid_at(self, row: int) -> str | None:
        return self._rows[row].uid if 0 <= row < len(self._rows) else None

    def loaded_row_of(self, uid: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row.uid == uid:
                return number
        return None

    # ---- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _(column.title)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = _(column.tip) if column.tip else _(column.title)
            if column.sort is None:
                tip += "\n" + _("This column cannot be sorted.")
            return tip
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting re-queries the ledger (the rows not loaded yet are sorted too); a column
        that cannot be sorted leaves the order as it is."""
        if not 0 <= column < len(COLUMNS) or COLUMNS[column].sort is None:
            return
        self.set_sort(str(COLUMNS[column].sort), order == Qt.SortOrder.DescendingOrder)

    def sort_column(self) -> int:
        """The column whose sort is in force."""
        return next(n for n, c in enumerate(COLUMNS) if c.sort == self._sort)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignHCenter if key in _CENTERED else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and key == "featured":
            return FEATURED_COLOR
        if role == UID_ROLE:
            return row.uid
        if role == SORT_ROLE:
            return self._raw(row, key)
        return None

    def _display(self, row: ActivityRow, key: str) -> str:
        if key == "date":
            return format_date(row.date)
        if key == "organization":
            return short_path(self._tree, row.org_uid)
        if key == "type":
            return ACTIVITY_TYPES.label(row.type) if row.type in ACTIVITY_TYPES else row.type
        if key == "theme":
            return row.theme
        if key == "category":
            return THEME_CATEGORIES.label(row.category) if row.category in THEME_CATEGORIES else ""
        if key == "place":
            return row.place or ""
        if key == "attendance":
            return attendance_text(row)
        if key == "dimensions":
            return join_list(DIMENSIONS.label(d) for d in row.dimensions if d in DIMENSIONS)
        if key == "featured":
            return FEATURED_MARK if row.featured else ""
        if key == "files":
            return str(row.attachments) if row.attachments else ""
        return ""

    def _tooltip(self, row: ActivityRow, key: str) -> str | None:
        if key == "organization":
            return self._tree.path(row.org_uid) if row.org_uid in self._tree.by_uid else None
        if key == "theme":
            return row.theme + ("\n\n" + row.summary if row.summary else "")
        if key == "featured":
            return _("Featured case") if row.featured else None
        if key == "files":
            count = row.attachments
            return ngettext("{count} file", "{count} files", count).format(count=count)
        if key == "attendance":
            return _("{actual} attended of {expected} expected").format(
                actual="—" if row.actual is None else row.actual,
                expected="—" if row.expected is None else row.expected,
            )
        text = self._display(row, key)
        return text or None

    def _raw(self, row: ActivityRow, key: str) -> Any:
        if key == "date":
            return row.date.isoformat()
        if key == "organization":
            org = self._tree.by_uid.get(row.org_uid)
            return org.name if org else ""
        if key == "type":
            return ACTIVITY_TYPES.codes.index(row.type) if row.type in ACTIVITY_TYPES else -1
        if key == "attendance":
            if row.actual is None or not row.expected:
                return None
            return row.actual / row.expected
        if key == "dimensions":
            return len(row.dimensions)
        if key == "featured":
            return row.featured
        if key == "files":
            return row.attachments
        return getattr(row, key)
