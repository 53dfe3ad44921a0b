"""Exchange packages in the window: export an organization's package, import one.

Both run off the UI thread (``worker.run_in_background``) on a connection of their own. An
import is verified and planned first, writing nothing; records changed both here and in the
package are listed in ``ConflictDialog``, where the user picks, record by record or for all,
the package's copy or this ledger's; then the package is merged in one transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.orgtree import load_tree
from desktop_app.errors import LedgerError, RefusedError
from desktop_app.exchange.merge import Conflict, MergePlan, MergeResult, Side, plan_import
from desktop_app.exchange.merge import import_package as merge_package
from desktop_app.exchange.package import SUFFIX, ExportSummary, Package, read_package
from desktop_app.exchange.package import write_package as write_package_file
from desktop_app.gui import messages
from desktop_app.gui.session import Session
from desktop_app.gui.worker import Cancelled, JobCancelled, Progress, run_in_background
from desktop_app.i18n import N_, _, join_list, ngettext
from desktop_app.storage import open_ledger

_TABLE_NAMES = {
    "organizations": N_("organization"),
    "activities": N_("activity"),
    "attachments": N_("attached file"),
    "ratings": N_("star rating"),
    "creation_candidates": N_("creation candidate"),
    "brands": N_("brand or project"),
}
_Index = QModelIndex | QPersistentModelIndex


def _filter() -> str:
    return ";;".join(
        (
            _("Ledger packages ({patterns})").format(patterns="*" + SUFFIX),
            _("All files ({patterns})").format(patterns="*"),
        )
    )


# ---- export ----------------------------------------------------------------------------------


def export_package(window: QWidget, session: Session) -> ExportSummary | None:
    """Ask which organization to export and where, then write its package."""
    tree = load_tree(session.ledger)
    paths = sorted(tree.path(o.uid) for o in tree if o.level != "branch")
    if not paths:
        messages.show_info(
            window, _("The ledger has no organizations yet; there is nothing to export.")
        )
        return None
    scope, ok = QInputDialog.getItem(
        window, _("Export a package"), _("Organization to export:"), paths, 0, False
    )
    if not ok or not scope:
        return None
    name, _chosen = QFileDialog.getSaveFileName(
        window, _("Export a package"), scope.split("/")[-1] + SUFFIX, _filter()
    )
    if not name:
        return None
    out = Path(name) if Path(name).suffix else Path(name + SUFFIX)
    ledger_path = session.ledger.path

    def job(progress: Progress, cancelled: Cancelled) -> ExportSummary:
        with open_ledger(ledger_path, create=False) as ledger:
            return write_package_file(ledger, scope, out)

    try:
        summary = run_in_background(
            window, _("Writing the package {name}…").format(name=out.name), job
        )
    except JobCancelled:
        return None
    except LedgerError as error:
        messages.show_error(window, error, title=_("Export a package"))
        return None
    messages.show_info(
        window,
        _("The package of {scope} was written to {path}.").format(
            scope=summary.scope, path=summary.path
        ),
        title=_("Export a package"),
    )
    return summary


# ---- import ----------------------------------------------------------------------------------


def import_package(window: QWidget, session: Session) -> MergeResult | None:
    """Choose a package, verify and plan it, settle conflicts in a dialog, merge it."""
    if session.read_only:
        messages.show_error(window, RefusedError(session.read_only_reason))
        return None
    name, _chosen = QFileDialog.getOpenFileName(window, _("Import a package"), "", _filter())
    if not name:
        return None
    return import_file(window, session, Path(name))


def import_file(window: QWidget, session: Session, path: Path) -> MergeResult | None:
    if session.read_only:
        messages.show_error(window, LedgerError(session.read_only_reason))
        return None
    ledger_path = session.ledger.path

    def check(progress: Progress, cancelled: Cancelled) -> tuple[Package, MergePlan]:
        package = read_package(path)
        with open_ledger(ledger_path, create=False) as ledger:
            return package, plan_import(ledger, package)

    try:
        package, plan = run_in_background(
            window, _("Checking {name}…").format(name=path.name), check
        )
    except JobCancelled:
        return None
    except LedgerError as error:
        messages.show_error(window, error, title=_("Import a package"))
        return None
    resolutions: dict[str, Side] = {}
    if plan.conflicts:
        dialog = ConflictDialog(plan.conflicts, window)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            resolutions = dialog.resolutions()
        finally:
            dialog.deleteLater()

    def merge(progress: Progress, cancelled: Cancelled) -> MergeResult:
        with open_ledger(ledger_path, create=False) as ledger:
            return merge_package(ledger, package, resolutions=resolutions)

    try:
        result = run_in_background(window, _("Importing {name}…").format(name=path.name), merge)
    except JobCancelled:
        return None
    except LedgerError as error:
        messages.show_error(window, error, title=_("Import a package"))
        return None
    session.notify_changed()
    messages.show_info(window, describe_result(result), title=_("Import a package"))
    return result


def describe_result(result: MergeResult) -> str:
    if not result.changed:
        return _("The package holds nothing new; the ledger is unchanged.")
    return _(
        "{added} records added, {updated} updated, {unchanged} unchanged, {kept} kept as they "
        "were here, {files} files copied."
    ).format(
        added=result.added,
        updated=result.updated,
        unchanged=result.unchanged,
        kept=result.kept,
        files=result.files,
    )


# ---- the conflict dialog ---------------------------------------------------------------------


# How the changed columns are named to the user; a column not listed shows its own name.
_FIELD_NAMES = {
    "theme": N_("Theme"),
    "date": N_("Date"),
    "type": N_("Type"),
    "category": N_("Category"),
    "place": N_("Place"),
    "host": N_("Host"),
    "dimensions": N_("Dimensions"),
    "featured": N_("Featured"),
    "name": N_("Name"),
    "secretary": N_("Secretary"),
    "stars": N_("Stars"),
    "status": N_("Status"),
    "note": N_("Note"),
    "year": N_("Year"),
    "level": N_("Level"),
    "grade": N_("Grade"),
    "members_full": N_("Full members"),
    "members_probationary": N_("Probationary members"),
    "activists": N_("Activists"),
    "branch_type": N_("Branch type"),
    "elected_on": N_("Elected on"),
}


def field_name(column: str) -> str:
    return _(_FIELD_NAMES[column]) if column in _FIELD_NAMES else column


class ConflictModel(QAbstractTableModel):
    """One row per conflict: what it is, which fields differ, and (checkable) whether the
    package's copy is taken."""

    KIND, RECORD, FIELDS, THEIRS = range(4)

    def __init__(self, conflicts: list[Conflict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts = conflicts
        self.sides: list[Side] = ["ours"] * len(conflicts)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Kind"), _("Record"), _("Changed fields"), _("Take the package's copy"))[section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.THEIRS:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        conflict, column = self.conflicts[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == self.THEIRS:
            theirs = self.sides[index.row()] == "theirs"
            return Qt.CheckState.Checked if theirs else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.KIND:
                return _(_TABLE_NAMES.get(conflict.table, conflict.table))
            if column == self.RECORD:
                return conflict.label
            if column == self.FIELDS:
                names = join_list(field_name(f) for f in conflict.fields)
                if role == Qt.ItemDataRole.DisplayRole:
                    return names
                return "\n".join(
                    _("{field}: “{ours}” here, “{theirs}” in the package").format(
                        field=field_name(f),
                        ours=conflict.ours.get(f),
                        theirs=conflict.theirs.get(f),
                    )
                    for f in conflict.fields
                )
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.THEIRS:
            return False
        if role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        self.sides[index.row()] = "theirs" if checked else "ours"
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def set_all(self, side: Side) -> None:
        self.sides = [side] * len(self.conflicts)
        if self.conflicts:
            self.dataChanged.emit(
                self.index(0, self.THEIRS),
                self.index(len(self.conflicts) - 1, self.THEIRS),
                [Qt.ItemDataRole.CheckStateRole],
            )


class ConflictDialog(QDialog):
    """Lists the records changed on both sides; the user chooses per record or for all."""

    def __init__(self, conflicts: list[Conflict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(_("Records changed on both sides"))
        self.model = ConflictModel(conflicts, self)
        intro = QLabel(
            ngettext(
                "{count} record was changed both in this ledger and in the package since the "
                "last import. Tick the ones where the package's copy should replace this "
                "ledger's; the others keep this ledger's copy.",
                "{count} records were changed both in this ledger and in the package since the "
                "last import. Tick the ones where the package's copy should replace this "
                "ledger's; the others keep this ledger's copy.",
                len(conflicts),
            ).format(count=len(conflicts)),
            self,
        )
        intro.setObjectName("conflictIntro")
        intro.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("conflictTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ConflictModel.RECORD, QHeaderView.ResizeMode.Stretch)
        self.all_theirs = QPushButton(_("Take the package's copy for all"), self)
        self.all_theirs.setObjectName("allTheirsButton")
        self.all_theirs.clicked.connect(lambda: self.model.set_all("theirs"))
        self.all_ours = QPushButton(_("Keep this ledger's copy for all"), self)
        self.all_ours.setObjectName("allOursButton")
        self.all_ours.clicked.connect(lambda: self.model.set_all("ours"))
        buttons = QDialogButtonBox(self)
        buttons.setObjectName("conflictButtons")
        ok = buttons.addButton(_("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("importButton")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.all_theirs)
        row.addWidget(self.all_ours)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(820, 420)

    def resolutions(self) -> dict[str, Side]:
        return {c.uid: side for c, side in zip(self.model.conflicts, self.model.sides, strict=True)}
