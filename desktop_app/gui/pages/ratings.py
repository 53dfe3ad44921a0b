"""星级评定: the stars of every active college and branch in the session's year and the two
before, edited in the grid; under it, each year's share of four stars and above as the
statistics give it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import campaign
from desktop_app.domain.orgtree import load_tree
from desktop_app.errors import LedgerError
from desktop_app.formatting import format_number, format_percent
from desktop_app.gui import messages
from desktop_app.gui.campaign_widgets import UID_ROLE, EmptyState, compact_rows
from desktop_app.gui.pages.base import Page
from desktop_app.gui.ratings_model import (
    RatingsFilter,
    RatingsModel,
    StarsDelegate,
    rated_orgs,
    ratings_of,
    years_shown,
)
from desktop_app.gui.session import Session
from desktop_app.i18n import _, ngettext
from desktop_app.stats import rating_figures

STAR_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(6)}


class YearFigure(QFrame):
    """One year's four-star-and-above share and how many were rated."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        self.year = QLabel(self)
        self.year.setProperty("role", "caption")
        self.share = QLabel(self)
        self.share.setProperty("role", "figure")
        self.detail = QLabel(self)
        self.detail.setProperty("role", "caption")
        self.detail.setWordWrap(True)
        for label in (self.year, self.share, self.detail):
            layout.addWidget(label)

    def show_figures(self, year: int, ratings: dict[str, Any]) -> None:
        """Show ``ratings``, the ``compute_stats(...)["ratings"]`` of ``year``."""
        rated: int = ratings["rated"]
        self.year.setText(_("{year}: four stars and above").format(year=year))
        if not rated:
            self.share.setText("—")
            self.detail.setText(_("No organization rated yet."))
            return
        self.share.setText(format_percent(ratings["four_plus_ratio"]))
        self.detail.setText(
            ngettext(
                "of {rated} organization rated", "of {rated} organizations rated", rated
            ).format(rated=format_number(rated))
        )


class RatingsPage(Page):
    key = "ratings"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.shares: dict[int, dict[str, Any]] = {}
        """Each year's ``rating_figures`` (``compute_stats(...)["ratings"]``), as shown."""
        layout = QVBoxLayout(self)
        heading = QLabel(_("Star ratings (星级评定)"), self)
        heading.setProperty("role", "pageTitle")
        layout.addWidget(heading)
        self.top_bar = QWidget(self)
        bar = QHBoxLayout(self.top_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            _(
                "Select a cell and type 1–5 to rate it or 0 to clear it; Enter or a double-click "
                "opens a list. The plan wants more four- and five-star organizations each year."
            ),
            self.top_bar,
        )
        hint.setProperty("role", "caption")
        hint.setWordWrap(True)
        bar.addWidget(hint, 3)
        self.search = QLineEdit(self.top_bar)
        self.search.setObjectName("ratingSearch")
        self.search.setPlaceholderText(_("Find an organization"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Find an organization"))
        bar.addWidget(self.search, 1)
        layout.addWidget(self.top_bar)
        self.model = RatingsModel(self._write, self)
        self.proxy = RatingsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_text)
        self.view = QTableView(self)
        self.view.setObjectName("ratingsView")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(StarsDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        compact_rows(self.view)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RatingsModel.ORG, QHeaderView.ResizeMode.Stretch)
        self.view.installEventFilter(self)
        self.empty = EmptyState(
            _(
                "There are no colleges or branches to rate yet. Add them on the Organizations "
                "page, or import a workbook (File ▸ Import workbook)."
            ),
            self,
        )
        self.empty.add_button(
            _("Go to Organizations"),
            lambda: self.session.navigate("organizations"),
            "goOrganizations",
        )
        self.empty.finish()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.figure_row = QWidget(self)
        figures = QHBoxLayout(self.figure_row)
        figures.setContentsMargins(0, 0, 0, 0)
        self.figures = [YearFigure(self.figure_row) for _year in range(3)]
        for number, figure in enumerate(self.figures):
            figure.setObjectName(f"yearFigure{number}")
            figures.addWidget(figure)
        layout.addWidget(self.figure_row)

    # ---- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        ledger = self.session.ledger
        years = years_shown(self.session.year)
        orgs = rated_orgs(load_tree(ledger))
        self.model.load(orgs, years, ratings_of(ledger, years))
        self.stack.setCurrentIndex(0 if orgs else 1)
        self.figure_row.setVisible(bool(orgs))
        self.top_bar.setVisible(bool(orgs))
        self.shares = {}
        for figure, year in zip(self.figures, years, strict=True):
            self.shares[year] = rating_figures(ledger, year)
            figure.show_figures(year, self.shares[year])

    # ---- writing ------------------------------------------------------------------------

    def _write(self, org_uid: str, year: int, stars: int | None) -> bool:
        ledger = self.session.ledger
        try:
            if stars is None:
                self.session.write(lambda: campaign.clear_rating(ledger, org_uid, year))
            else:
                self.session.write(lambda: campaign.set_rating(ledger, org_uid, year, stars))
        except LedgerError as error:
            messages.show_error(self, error)
            return False
        return True

    def rate_selected(self, stars: int | None) -> int:
        """Give every selected stars cell ``stars`` (None clears) in one change."""
        cells = [self.model.cell(self.proxy.mapToSource(i)) for i in self._selected_cells()]
        todo = [
            (org.uid, year)
            for org, year in (c for c in cells if c is not None)
            if self.model.stars.get((org.uid, year)) != stars
        ]
        if not todo:
            return 0
        ledger = self.session.ledger
        try:
            self.session.write(lambda: campaign.set_ratings(ledger, todo, stars))
        except LedgerError as error:
            messages.show_error(self, error)
            return 0
        return len(todo)

    def _selected_cells(self) -> list[QModelIndex]:
        model = self.view.selectionModel()
        cells = model.selectedIndexes() if model else []
        return [i for i in cells if i.column() != RatingsModel.ORG]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and self.view.state() != QAbstractItemView.State.EditingState
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            key = Qt.Key(event.key())
            current = self.view.currentIndex()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current.column() > 0:
                self.view.edit(current)  # Enter opens the stars box, as double-clicking does
                return True
            if key in STAR_KEYS and self._selected_cells():
                self.rate_selected(STAR_KEYS[key] or None)
                return True
            if key == Qt.Key.Key_Backspace and self._selected_cells():
                self.rate_selected(None)
                return True
        return super().eventFilter(watched, event)

    def delete_selected(self) -> None:
        cells = [
            self.model.cell(self.proxy.mapToSource(i))
            for i in self._selected_cells()
            if i.data(Qt.ItemDataRole.EditRole)
        ]
        if not cells:
            return
        if messages.confirm(
            self,
            ngettext("Clear {count} rating?", "Clear {count} ratings?", len(cells)).format(
                count=len(cells)
            ),
            _("Clear"),
            detail=_("Cleared ratings go to the recycle bin, where you can restore them."),
            destructive=True,
        ):
            self.rate_selected(None)

    def show_record(self, record: object) -> None:
        """Select the row of an organization (its uid), in the session's year."""
        if not isinstance(record, str):
            return
        self.search.clear()
        found = self.proxy.match(
            self.proxy.index(0, RatingsModel.ORG), UID_ROLE, record, 1, Qt.MatchFlag.MatchExactly
        )
        if found:
            index = found[0].siblingAtColumn(self.model.column_of(self.session.year))
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def focus_search(self) -> bool:
        self.search.setFocus()
        self.search.selectAll()
        return True
