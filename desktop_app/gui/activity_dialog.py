"""The activity dialog: record or edit one activity, with its attached files.

The form is ``ui/activity_dialog.ui``. Faults are shown beside their fields (the rules are the
domain's ``check_activity``) and the dialog stays open with everything typed. Files chosen
with "Add file…" and files removed are applied when the activity is saved, together with its
fields in one transaction (so a new activity's photos are attached as it is first saved, and
Cancel leaves the ledger as it was).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QListWidgetItem,
    QWidget,
)

import desktop_app.gui.forms  # noqa: F401  (supplies the forms' translation function)
from desktop_app.domain import activities
from desktop_app.domain.enums import ACTIVITY_TYPES
from desktop_app.domain.orgtree import load_tree
from desktop_app.errors import Fault, LedgerError, NotFoundError, ValidationError
from desktop_app.gui import messages
from desktop_app.gui.activity_form import (
    add_dimension_boxes,
    fill_categories,
    make_blankable,
    set_spin,
    setup_date,
    show_faults,
    spin_value,
    text_or_none,
)
from desktop_app.gui.forms.ui_activity_dialog import Ui_ActivityDialog
from desktop_app.gui.session import Session
from desktop_app.gui.widgets.field_errors import FieldErrors
from desktop_app.i18n import _

FILE_PATTERNS = "*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic *.pdf *.doc *.docx *.xls *.xlsx"


class ActivityDialog(QDialog):
    """Record a new activity (``uid`` None) or edit one. After ``exec()``, ``saved_uid`` is
    the activity last written (saved or duplicated), or None if nothing was."""

    def __init__(
        self,
        session: Session,
        uid: str | None = None,
        *,
        org_uid: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.uid = uid
        self.saved_uid: str | None = None
        self.ui = Ui_ActivityDialog()
        self.ui.setupUi(self)
        self._clean: dict[str, Any] = {}
        self._attached: list[dict[str, Any]] = []
        self._pending: list[Path] = []
        self._removed: set[str] = set()
        self._entries: list[tuple[str, Any]] = []  # the file list's rows: (kind, row or path)

        ui = self.ui
        for code in ACTIVITY_TYPES.codes:
            ui.typeBox.addItem(ACTIVITY_TYPES.label(code), code)
        fill_categories(ui.categoryBox)
        self.dimension_boxes = add_dimension_boxes(ui.dimensionsGroup, ui.dimensionsLayout)
        # Top to bottom: the fields and the summary on the left, then the right column.
        previous: QWidget = ui.summaryEdit
        for box in self.dimension_boxes.values():
            QWidget.setTabOrder(previous, box)
            previous = box
        QWidget.setTabOrder(previous, ui.fileList)
        for spin in (ui.expectedSpin, ui.actualSpin):
            make_blankable(spin)
        self.errors = FieldErrors()
        self.errors.add("org_uid", ui.orgPicker, ui.orgError)
        self.errors.add("type", ui.typeBox, ui.typeError)
        self.errors.add("date", ui.dateEdit, ui.dateError)
        self.errors.add("theme", ui.themeEdit, ui.themeError)
        self.errors.add("category", ui.categoryBox, ui.categoryError)
        self.errors.add("expected", ui.expectedSpin, ui.expectedError)
        self.errors.add("actual", ui.actualSpin, ui.actualError)
        self.errors.add("dimensions", ui.dimensionsGroup, ui.dimensionsError)
        ui.generalError.hide()
        ui.noteLabel.hide()

        ui.typeBox.currentIndexChanged.connect(self._type_changed)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        ui.duplicateButton.clicked.connect(self.duplicate)
        ui.addFileButton.clicked.connect(self.add_files)
        ui.openFileButton.clicked.connect(self.open_file)
        ui.removeFileButton.clicked.connect(self.remove_file)
        ui.fileList.currentRowChanged.connect(lambda _row: self._update_buttons())
        ui.fileList.itemDoubleClicked.connect(lambda _item: self.open_file())

        self._tree = load_tree(session.ledger)
        if uid is None:
            self._start_new(org_uid)
        else:
            self._load(uid)

    # ---- filling the form -----------------------------------------------------------------

    def _start_new(self, org_uid: str | None) -> None:
        self.setWindowTitle(_("New activity"))
        self.ui.orgPicker.load(self._tree, keep=org_uid)
        self._select(self.ui.typeBox, "theme_day")
        setup_date(self.ui.dateEdit, date.today())
        self._type_changed()
        self._refresh_files()
        self._mark_clean()

    def _load(self, uid: str) -> None:
        """Show activity ``uid`` (raises ``NotFoundError`` if it is gone)."""
        row = activities.get_activity(self.session.ledger, uid)
        self.uid = uid
        self.setWindowTitle(_("Edit activity"))
        ui = self.ui
        org = self._tree.by_uid.get(row["org_uid"])
        ui.orgPicker.include_dissolved = org is not None and not org.active
        ui.orgPicker.load(self._tree, keep=row["org_uid"])
        self._select(ui.typeBox, row["type"])
        setup_date(ui.dateEdit, row["date"])
        ui.themeEdit.setText(row["theme"] or "")
        self._select(ui.categoryBox, row["category"])
        ui.placeEdit.setText(row["place"] or "")
        ui.hostEdit.setText(row["host"] or "")
        set_spin(ui.expectedSpin, row["expected"])
        set_spin(ui.actualSpin, row["actual"])
        for code, box in self.dimension_boxes.items():
            box.setChecked(code in row["dimensions"])
        ui.featuredCheck.setChecked(bool(row["featured"]))
        ui.summaryEdit.setPlainText(row["summary"] or "")
        self._attached = activities.list_attachments(self.session.ledger, uid)
        self._pending.clear()
        self._removed.clear()
        self._type_changed()
        self._refresh_files()
        self.errors.clear()
        ui.generalError.hide()
        self._mark_clean()

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value) if value is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def _type_changed(self, _index: int = 0) -> None:
        theme_day = self.ui.typeBox.currentData() == "theme_day"
        self.ui.categoryBox.setEnabled(theme_day)
        self.ui.categoryLabel.setEnabled(theme_day)

    # ---- values -----------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The form as ``add_activity`` takes it."""
        ui = self.ui
        kind = ui.typeBox.currentData()
        return {
            "org_uid": ui.orgPicker.uid(),
            "type": kind,
            "date": ui.dateEdit.date().toPython(),
            "theme": ui.themeEdit.text().strip(),
            "category": ui.categoryBox.currentData() if kind == "theme_day" else None,
            "place": text_or_none(ui.placeEdit.text()),
            "host": text_or_none(ui.hostEdit.text()),
            "expected": spin_value(ui.expectedSpin),
            "actual": spin_value(ui.actualSpin),
            "dimensions": [c for c, box in self.dimension_boxes.items() if box.isChecked()],
            "featured": ui.featuredCheck.isChecked(),
            "summary": ui.summaryEdit.toPlainText().strip() or None,
        }

    def _mark_clean(self) -> None:
        self._clean = self.values()

    def is_dirty(self) -> bool:
        return self.values() != self._clean or bool(self._pending) or bool(self._removed)

    def pending_files(self) -> list[Path]:
        return list(self._pending)

    # ---- saving -----------------------------------------------------------------------------

    def _faults(self, values: dict[str, Any]) -> list[Fault]:
        faults = activities.check_activity(values)
        if values["org_uid"] is None:
            message = (
                _("Choose the organization that held the activity.")
                if self.ui.orgPicker.count()
                else _("There is no organization yet: add one on the Organizations page first.")
            )
            faults.insert(0, Fault(message, field="org_uid"))
        return faults

    def save(self) -> bool:
        """Write the form (fields and files in one transaction); on a fault show it beside
        its field and keep everything. True when saved."""
        self.errors.clear()
        self.ui.generalError.hide()
        if self.uid is not None and not self.is_dirty():
            return True
        values = self.values()
        faults = self._faults(values)
        if faults:
            show_faults(
                self.errors,
                self.ui.generalError,
                ValidationError(_("The activity was not saved."), faults),
            )
            return False
        ledger = self.session.ledger
        uid, pending, removed = self.uid, list(self._pending), set(self._removed)

        def write() -> str:
            with ledger.transaction():
                if uid is None:
                    fields = {k: v for k, v in values.items() if k != "org_uid"}
                    saved = activities.add_activity(ledger, values["org_uid"], **fields)
                else:
                    activities.update_activity(ledger, uid, **values)
                    saved = uid
                for file_uid in removed:
                    activities.delete_attachment(ledger, file_uid)
                for path in pending:
                    activities.attach_file(ledger, saved, path)
                return saved

        try:
            saved = self.session.write(write)
        except ValidationError as error:
            show_faults(self.errors, self.ui.generalError, error)
            return False
        except LedgerError as error:
            messages.show_error(self, error)
            return False
        self.saved_uid = saved
        self._load(saved)
        return True

    def accept(self) -> None:
        if self.save():
            super().accept()

    def reject(self) -> None:
        """Cancel, Esc or the close button: ask first if something was changed."""
        if self.is_dirty():
            answer = messages.ask_unsaved(self)
            if answer == "cancel":
                return
            if answer == "save":
                self.accept()
                return
        super().reject()

    def duplicate(self) -> None:
        """Record a copy of this activity dated today (without its files) and edit the copy."""
        if self.uid is None:
            return
        if self.is_dirty():
            answer = messages.ask_unsaved(self)
            if answer == "cancel" or (answer == "save" and not self.save()):
                return
        source = self.uid
        ledger = self.session.ledger
        try:
            copy = self.session.write(
                lambda: activities.duplicate_activity(ledger, source, date=date.today())
            )
        except LedgerError as error:
            messages.show_error(self, error)
            return
        self.saved_uid = copy
        self._load(copy)
        self.mark_copy()

    def mark_copy(self) -> None:
        """Say that the activity shown is a copy just made (by “Duplicate”)."""
        self.setWindowTitle(_("Edit the copy"))
        self.ui.noteLabel.setText(
            _(
                "This is a copy of the activity, dated today and without its files. Change "
                "what differs and save."
            )
        )
        self.ui.noteLabel.show()
        self.ui.dateEdit.setFocus()

    # ---- files ------------------------------------------------------------------------------

    def add_files(self) -> None:
        paths, _chosen = QFileDialog.getOpenFileNames(
            self,
            _("Attach photos or sign-in sheets"),
            str(Path.home()),
            ";;".join(
                (
                    _("Photos and documents ({patterns})").format(patterns=FILE_PATTERNS),
                    _("All files ({patterns})").format(patterns="*"),
                )
            ),
        )
        for name in paths:
            path = Path(name)
            if path not in self._pending:
                self._pending.append(path)
        self._refresh_files()

    def _selected_file(self) -> tuple[str, Any] | None:
        row = self.ui.fileList.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def open_file(self) -> None:
        chosen = self._selected_file()
        if chosen is None:
            return
        kind, value = chosen
        path = activities.attachment_path(self.session.ledger, value) if kind == "saved" else value
        if not Path(path).is_file():
            name = value["file_name"] if kind == "saved" else Path(path).name
            message = _(
                "The file {name} cannot be found at {path}. If it was attached, the ledger's "
                "attachments folder may have been moved or emptied; attach the file again."
            )
            messages.show_error(self, NotFoundError(message.format(name=name, path=path)))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_file(self) -> None:
        chosen = self._selected_file()
        if chosen is None:
            return
        kind, value = chosen
        if kind == "saved":
            self._removed.add(value["uid"])
        else:
            self._pending.remove(value)
        self._refresh_files()

    def _refresh_files(self) -> None:
        lst = self.ui.fileList
        lst.clear()
        self._entries = [("saved", r) for r in self._attached if r["uid"] not in self._removed]
        self._entries += [("pending", p) for p in self._pending]
        for kind, value in self._entries:
            if kind == "saved":
                item = QListWidgetItem(value["file_name"], lst)
                item.setToolTip(str(activities.attachment_path(self.session.ledger, value)))
            else:
                text = _("{name} (attached when you save)").format(name=value.name)
                item = QListWidgetItem(text, lst)
                item.setToolTip(str(value))
        if lst.count():
            lst.setCurrentRow(lst.count() - 1)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.ui.fileList.currentItem() is not None
        self.ui.openFileButton.setEnabled(has)
        self.ui.removeFileButton.setEnabled(has)
        self.ui.duplicateButton.setEnabled(self.uid is not None)

    def file_names(self) -> list[str]:
        """The names the file list shows (for tests and screen readers)."""
        return [self.ui.fileList.item(i).text() for i in range(self.ui.fileList.count())]
