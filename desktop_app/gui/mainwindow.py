"""The main window: the navigation list, the pages, the menus and the year in view."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSpinBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.domain.dates import MAX_YEAR, MIN_YEAR
from desktop_app.errors import LedgerError, RefusedError
from desktop_app.gui import messages
from desktop_app.gui.pages import PAGES, PageEntry
from desktop_app.gui.pages.base import Page
from desktop_app.gui.session import Session
from desktop_app.i18n import _, join_list
from desktop_app.paths import user_data_dir
from desktop_app.storage import Ledger, open_ledger

LEDGER_FILTER = "*.sqlite *.db"
DEFAULT_SIZE = (1280, 800)


class MainWindow(QMainWindow):
    def __init__(
        self,
        ledger: Ledger,
        *,
        settings: QSettings,
        year: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("MainWindow")
        self.session = Session(ledger, year or date.today().year, self)
        self.pages = LazyPages(self)
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setUniformItemSizes(True)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("pages")
        body = QWidget(self)
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self._build_toolbar()
        self._build_menus()
        self._connect_session()
        self._build_pages()
        self.nav.currentRowChanged.connect(self._show_row)
        self._restore_state()

    # ---- construction -------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = QToolBar(_("Year"), self)
        bar.setObjectName("yearBar")
        bar.setMovable(False)
        label = QLabel(_("Year:"), bar)
        label.setObjectName("yearLabel")
        self.year_box = QSpinBox(bar)
        self.year_box.setObjectName("yearBox")
        self.year_box.setRange(MIN_YEAR, MAX_YEAR)
        self.year_box.setValue(self.session.year)
        self.year_box.setAccessibleName(_("Year"))
        self.year_box.setToolTip(_("The year the pages show"))
        label.setBuddy(self.year_box)
        bar.addWidget(label)
        bar.addWidget(self.year_box)
        self.year_box.valueChanged.connect(self.session.set_year)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _action(self, text: str, slot: object, shortcut: object = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        file_menu.addAction(self._action(_("&New ledger…"), self.new_ledger))
        file_menu.addAction(
            self._action(_("&Open ledger…"), self.choose_ledger, QKeySequence.StandardKey.Open)
        )
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("&Import workbook…"), self.import_workbook, "Ctrl+I"))
        file_menu.addAction(self._action(_("&Export ledger…"), self.export_ledger, "Ctrl+E"))
        file_menu.addAction(self._action(_("Export &template…"), self.export_template))
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("Back up &now…"), self.back_up_now))
        file_menu.addAction(self._action(_("Restore from a &backup…"), self.restore_backup))
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("Export a college's &package…"), self.export_package))
        file_menu.addAction(self._action(_("Import a p&ackage…"), self.import_package))
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("&Reports…"), self.show_reports, "Ctrl+P"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(_("Open &data folder"), self.open_data_folder))
        file_menu.addAction(self._action(_("&Quit"), self.close, QKeySequence.StandardKey.Quit))

        edit_menu = bar.addMenu(_("&Edit"))
        self.undo_action = self._action(_("Undo"), self.undo, QKeySequence.StandardKey.Undo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self._action(_("&New activity…"), self.new_activity, "Ctrl+N"))
        edit_menu.addAction(self._action(_("&Find"), self.find, QKeySequence.StandardKey.Find))
        self.delete_action = self._action(_("&Delete"), self.delete_selected, "Del")
        edit_menu.addAction(self.delete_action)

        self.go_menu = bar.addMenu(_("&Go"))
        help_menu = bar.addMenu(_("&Help"))
        help_menu.addAction(self._action(_("Open the &demo ledger"), self.open_demo))
        help_menu.addAction(self._action(_("&About Party Ledger"), self.about))

    def _connect_session(self) -> None:
        self.session.undoChanged.connect(self._update_undo)
        self.session.navigateRequested.connect(self.navigate)
        self.session.yearChanged.connect(self._year_changed)
        self._update_undo()
        self._update_title()

    def _build_pages(self) -> None:
        """The navigation entries, each with an empty holder in the stack; a page itself is
        built when it is first shown (``LazyPages``)."""
        self.go_menu.clear()
        for number, entry in enumerate(PAGES, start=1):
            holder = QWidget(self.stack)
            holder.setObjectName(f"holder_{entry.key}")
            holder_layout = QVBoxLayout(holder)
            holder_layout.setContentsMargins(0, 0, 0, 0)
            self.stack.addWidget(holder)
            item = QListWidgetItem(_(entry.title), self.nav)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setToolTip(_(entry.title))
            action = self._action(
                _(entry.title),
                lambda checked=False, key=entry.key: self.navigate(key),
                f"Ctrl+{number}" if number < 10 else None,
            )
            self.go_menu.addAction(action)
        self.nav.setFixedWidth(max(150, self.nav.sizeHintForColumn(0) + 40))

    def _build_page(self, entry: PageEntry) -> Page:
        holder = self.stack.widget([e.key for e in PAGES].index(entry.key))
        page = entry.load()(self.session, holder)
        page.setObjectName(f"page_{entry.key}")
        holder.layout().addWidget(page)
        if holder.isVisible():
            page.show()
        return page

    # ---- state --------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(*DEFAULT_SIZE)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        keys = list(self.pages)
        last = str(self.settings.value("window/page", "dashboard"))
        self.nav.setCurrentRow(keys.index(last) if last in keys else 0)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        if self.current_page() is not None:
            self.settings.setValue("window/page", self.current_page().key)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)

    def _update_title(self) -> None:
        path = self.session.ledger.path
        title = _("{name} — {path} — Party Ledger").format(name=path.stem, path=path.resolve())
        if self.session.read_only:
            title = _("{title} (read-only)").format(title=title)
            self.statusBar().showMessage(self.session.read_only_reason)
        self.setWindowTitle(title)
        self.setWindowFilePath(str(path))

    def _update_undo(self) -> None:
        self.undo_action.setEnabled(self.session.can_undo())
        self.undo_action.setText(self.session.undo_text())

    def _year_changed(self, year: int) -> None:
        if self.year_box.value() != year:
            self.year_box.setValue(year)

    # ---- navigation ---------------------------------------------------------------------

    def current_page(self) -> Page | None:
        row = self.stack.currentIndex()
        return self.pages.built(PAGES[row].key) if 0 <= row < len(PAGES) else None

    def _show_row(self, row: int) -> None:
        if 0 <= row < min(len(PAGES), self.stack.count()):
            self.pages[PAGES[row].key]  # built on first view
            self.stack.setCurrentIndex(row)

    def navigate(self, key: str, record: object = None) -> Page | None:
        page = self.pages.get(key)
        if page is None:
            return None
        self.nav.setCurrentRow(list(self.pages).index(key))
        page.ensure_fresh()
        if record is not None:
            page.show_record(record)
        return page

    # ---- actions ------------------------------------------------------------------------

    def undo(self) -> None:
        if not self.session.can_undo():
            return
        try:
            self.session.undo()
        except LedgerError as error:
            messages.show_error(self, error)

    def new_activity(self) -> None:
        page = self.navigate("activities")
        if page is not None and hasattr(page, "new_activity"):
            page.new_activity()

    def find(self) -> None:
        page = self.current_page()
        if page is not None and page.focus_search():
            return
        target = self.navigate("activities")
        if target is not None:
            target.focus_search()

    def delete_selected(self) -> None:
        page = self.current_page()
        if page is not None:
            page.delete_selected()

    def show_reports(self) -> None:
        page = self.navigate("reports")
        if page is not None and hasattr(page, "show_pdf_report"):
            page.show_pdf_report()

    def import_workbook(self) -> None:
        from desktop_app.gui import transfer

        transfer.import_workbook(self, self.session)

    def export_ledger(self) -> None:
        from desktop_app.gui import transfer

        transfer.export_ledger(self, self.session)

    def export_template(self) -> None:
        from desktop_app.gui import transfer

        transfer.export_template(self)

    def back_up_now(self) -> None:
        from desktop_app.gui import backup_actions

        backup_actions.back_up_now(self, self.session)

    def restore_backup(self) -> None:
        from desktop_app.gui import backup_actions

        backup_actions.restore_backup(self, self.session)

    def export_package(self) -> None:
        from desktop_app.gui import package_actions

        package_actions.export_package(self, self.session)

    def import_package(self) -> None:
        from desktop_app.gui import package_actions

        package_actions.import_package(self, self.session)

    def open_data_folder(self) -> None:
        messages.open_folder(self.session.ledger.path.resolve().parent)

    def about(self) -> None:
        messages.show_info(
            self,
            _(
                "Party Ledger {version}\n\nThe yearly ledger of a university's party "
                "organizations, kept in one file on this computer. It opens no network "
                "connection."
            ).format(version=__version__),
            title=_("About Party Ledger"),
        )

    # ---- switching ledgers --------------------------------------------------------------

    def new_ledger(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("New ledger"),
            str(user_data_dir() / _("new-ledger.sqlite")),
            _("Ledger files ({patterns})").format(patterns=LEDGER_FILTER),
        )
        if path:
            target = Path(path)
            if target.suffix.lower() not in (".sqlite", ".db"):
                target = target.with_suffix(".sqlite")
            self.switch_ledger(target, create=True)

    def choose_ledger(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _("Open ledger"),
            str(self.session.ledger.path.resolve().parent),
            _("Ledger files ({patterns})").format(patterns=LEDGER_FILTER),
        )
        if path:
            self.switch_ledger(Path(path), create=False)

    def open_demo(self) -> None:
        from desktop_app.demo import build_demo

        path = user_data_dir() / "demo.sqlite"
        if not path.exists():
            try:
                with open_ledger(path) as demo:
                    build_demo(demo, date.today().year)
            except LedgerError as error:
                messages.show_error(self, error)
                return
        self.switch_ledger(path, create=False)

    def switch_ledger(self, path: Path, *, create: bool) -> bool:
        """Show the ledger at ``path``: its writer lock taken (read-only when another program
        holds it) and its file checked; a damaged file is not opened here (the next start
        offers its newest backup)."""
        from desktop_app.gui.app import open_for_window

        try:
            opened = open_for_window(path, create=create)
        except LedgerError as error:
            messages.show_error(self, error)
            return False
        if opened.problems or opened.ledger is None:
            opened.close()
            messages.show_error(
                self,
                RefusedError(
                    _(
                        "{path} is damaged and was not opened: {problems}. Restore it from a "
                        "backup (File ▸ Restore from a backup…) or choose another file."
                    ).format(path=path, problems=join_list(opened.problems[:3]))
                ),
            )
            return False
        ledger = opened.ledger
        if opened.holder is not None:
            messages.show_info(self, ledger.read_only_reason)
        old = self.session.ledger
        key = self.current_page().key if self.current_page() else "dashboard"
        while self.stack.count():
            holder = self.stack.widget(0)
            self.stack.removeWidget(holder)
            holder.deleteLater()
        self.pages.clear()
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.blockSignals(False)
        self.session.deleteLater()
        self.session = Session(ledger, self.year_box.value(), self)
        self.year_box.valueChanged.disconnect()
        self.year_box.valueChanged.connect(self.session.set_year)
        self._connect_session()
        self._build_pages()
        self.navigate(key)
        previous, self._opened = getattr(self, "_opened", None), opened
        if previous is not None:
            previous.close()  # closes the old ledger and gives its lock back
        else:
            old.close()
        return True


class LazyPages(Mapping[str, Page]):
    """The window's pages by key, in the navigation's order; a page is built (its module
    imported) the first time it is asked for."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._built: dict[str, Page] = {}

    def __getitem__(self, key: str) -> Page:
        page = self._built.get(key)
        if page is None:
            entry = next((e for e in PAGES if e.key == key), None)
            if entry is None:
                raise KeyError(key)
            page = self._built[key] = self._window._build_page(entry)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(e.key for e in PAGES)

    def __len__(self) -> int:
        return len(PAGES)

    def built(self, key: str) -> Page | None:
        """The page ``key`` if it has been built, without building it."""
        return self._built.get(key)

    def clear(self) -> None:
        self._built.clear()
