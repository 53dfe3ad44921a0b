"""设置: the required meeting frequencies (kept in the ledger), the interface language (kept in
the window's settings, used at the next start), and the ledger file: where it is, what it
holds, its folder, and the ledger check run in the background.

The frequency edits are saved only with Save; until then the page says so, Revert puts back
what the ledger holds, and leaving the page asks whether to save them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QWidget

from desktop_app.checks import TABLE_LABELS, CheckResult, format_check, run_check
from desktop_app.domain.compliance import (
    COMMITTEE_MIN_MEMBERS,
    DEFAULT_FREQUENCIES,
    frequencies,
    set_frequencies,
)
from desktop_app.domain.enums import ACTIVITY_TYPES, FREQUENCIES
from desktop_app.errors import LedgerError
from desktop_app.formatting import format_date
from desktop_app.gui import messages
from desktop_app.gui.app import LANGUAGE_KEY
from desktop_app.gui.figure_tables import Cell, FiguresModel, fit_to_rows
from desktop_app.gui.forms.ui_settings_page import Ui_SettingsPage
from desktop_app.gui.pages.base import Page
from desktop_app.gui.session import Session
from desktop_app.gui.settings import user_settings
from desktop_app.gui.worker import run_in_background
from desktop_app.i18n import LANGUAGES, N_, _, available_languages, current_language, ngettext
from desktop_app.ledger_facts import LedgerFacts, ledger_facts
from desktop_app.storage import open_ledger

_TYPE_NOTES = {
    "committee_meeting": N_("Only branches with {count} or more full members have a committee."),
    "group_meeting": N_("Only branches that have party groups."),
}


def saved_language() -> str | None:
    """The language chosen on this page (None: never chosen)."""
    value = user_settings().value(LANGUAGE_KEY)
    return str(value) if value else None


class SettingsPage(Page):
    key = "settings"
    icon = "DocumentProperties"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        self.saved: dict[str, str] = {}
        self.facts: LedgerFacts | None = None
        self.check_result: CheckResult | None = None
        self.frequency_boxes: dict[str, QComboBox] = {}
        self._build_frequencies()
        self._build_language()
        self.counts_model = FiguresModel(
            [_("Records"), _("In the ledger"), _("In the recycle bin")], parent=self
        )
        self.ui.countsView.setModel(self.counts_model)
        fit_to_rows(self.ui.countsView, stretch=False)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.revertButton.clicked.connect(self.revert)
        self.ui.openFolderButton.clicked.connect(self.open_data_folder)
        self.ui.checkButton.clicked.connect(self.check_ledger)
        self.ui.chooseBackupFolderButton.clicked.connect(self.choose_backup_folder)
        self.ui.defaultBackupFolderButton.clicked.connect(lambda: self.set_backup_folder(None))
        self.ui.backUpNowButton.clicked.connect(self.back_up_now)
        self.ui.checkSummary.hide()
        self._update_dirty()

    # ---- construction -------------------------------------------------------------------

    def _build_frequencies(self) -> None:
        grid = self.ui.frequencyGrid
        previous: QWidget | None = None
        for row, code in enumerate(ACTIVITY_TYPES.codes):
            label = QLabel(ACTIVITY_TYPES.label(code), self.ui.frequencyGroup)
            label.setObjectName(f"frequencyLabel_{code}")
            box = QComboBox(self.ui.frequencyGroup)
            box.setObjectName(f"frequency_{code}")
            for freq in FREQUENCIES.codes:
                box.addItem(FREQUENCIES.label(freq), freq)
            box.setAccessibleName(ACTIVITY_TYPES.label(code))
            label.setBuddy(box)
            default = QLabel(
                _("Default: {frequency}").format(
                    frequency=FREQUENCIES.label(DEFAULT_FREQUENCIES[code])
                ),
                self.ui.frequencyGroup,
            )
            default.setObjectName(f"frequencyDefault_{code}")
            default.setProperty("role", "caption")
            note = _TYPE_NOTES.get(code)
            if note:
                tip = _(note).format(count=COMMITTEE_MIN_MEMBERS)
                for widget in (label, box, default):
                    widget.setToolTip(tip)
            grid.addWidget(label, row, 0)
            grid.addWidget(box, row, 1)
            grid.addWidget(default, row, 2)
            box.currentIndexChanged.connect(self._update_dirty)
            self.frequency_boxes[code] = box
            if previous is not None:
                QWidget.setTabOrder(previous, box)
            previous = box
        grid.setColumnStretch(2, 1)
        if previous is not None:
            QWidget.setTabOrder(previous, self.ui.revertButton)

    def _build_language(self) -> None:
        combo = self.ui.languageCombo
        available = set(available_languages())
        for code, name in LANGUAGES.items():
            if code in available:
                combo.addItem(name, code)
            else:
                # Listed so the secretary knows it exists; no catalog of it is installed.
                combo.addItem(_("{language} (not installed)").format(language=name), code)
                item = combo.model().item(combo.count() - 1)  # type: ignore[attr-defined]
                item.setEnabled(False)
        chosen = saved_language() or current_language()
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.currentIndexChanged.connect(self._language_chosen)

    # ---- Page ---------------------------------------------------------------------------

    def refresh(self) -> None:
        ledger = self.session.ledger
        dirty = self.is_dirty()
        self.saved = frequencies(ledger)
        if not dirty:
            self._show_frequencies(self.saved)
        self._update_dirty()
        self.facts = ledger_facts(ledger)
        self._show_facts(self.facts)

    # ---- frequencies --------------------------------------------------------------------

    def _show_frequencies(self, values: dict[str, str]) -> None:
        for code, box in self.frequency_boxes.items():
            box.blockSignals(True)
            box.setCurrentIndex(max(box.findData(values.get(code)), 0))
            box.blockSignals(False)

    def edited(self) -> dict[str, str]:
        """The frequency chosen for each activity type, saved or not."""
        return {code: str(box.currentData()) for code, box in self.frequency_boxes.items()}

    def changes(self) -> dict[str, str]:
        return {k: v for k, v in self.edited().items() if self.saved.get(k) != v}

    def is_dirty(self) -> bool:
        return bool(self.saved) and bool(self.changes())

    def _update_dirty(self, *args: object) -> None:
        dirty = self.is_dirty()
        self.ui.unsavedLabel.setVisible(dirty)
        self.ui.saveButton.setEnabled(dirty)
        self.ui.revertButton.setEnabled(dirty)
        for code, box in self.frequency_boxes.items():
            font = box.font()
            font.setBold(dirty and self.saved.get(code) != box.currentData())
            box.setFont(font)

    def save(self) -> bool:
        """Write the edited frequencies into the ledger (one undoable change)."""
        changes = self.changes()
        if not changes:
            return True
        ledger = self.session.ledger
        try:
            self.session.write(lambda: set_frequencies(ledger, changes))
        except LedgerError as error:
            messages.show_error(self, error)
            return False
        self.saved = frequencies(ledger)
        self._update_dirty()
        return True

    def revert(self) -> None:
        self._show_frequencies(self.saved)
        self._update_dirty()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self.is_dirty():
            # Asked once the window has finished switching pages.
            QTimer.singleShot(0, self, self._ask_after_leaving)

    def _ask_after_leaving(self) -> None:
        window = self.window()
        pages = getattr(window, "pages", None)
        if (
            not self.is_dirty()
            or self.isVisible()
            or not window.isVisible()
            or (pages is not None and pages.get(self.key) is not self)
        ):
            return
        answer = messages.ask_unsaved(self)
        if answer == "save" and self.save():
            return
        if answer == "discard":
            self.revert()
            return
        self.session.navigate(self.key)

    # ---- language -----------------------------------------------------------------------

    def _language_chosen(self, index: int) -> None:
        code = self.ui.languageCombo.itemData(index)
        settings = user_settings()
        settings.setValue(LANGUAGE_KEY, code)
        settings.sync()
        if code == current_language():
            self.ui.languageNote.setText(_("This is the language in use."))
        else:
            self.ui.languageNote.setText(
                _(
                    "Party Ledger will speak {language} the next time it starts. Close it and "
                    "open it again to switch now."
                ).format(language=LANGUAGES[code])
            )

    # ---- the ledger file ----------------------------------------------------------------

    def _show_facts(self, facts: LedgerFacts) -> None:
        self._show_backup_folder()
        self.ui.pathValue.setText(str(facts.path))
        self.ui.pathValue.setToolTip(str(facts.path))
        self.ui.sizeValue.setText(
            QLocale().formattedDataSize(
                facts.size_bytes, 2, QLocale.DataSizeFormat.DataSizeTraditionalFormat
            )
        )
        self.ui.attachmentsValue.setText(str(facts.attachments_dir))
        self.ui.attachmentsValue.setCursorPosition(0)
        self.ui.pathValue.setCursorPosition(0)
        self.ui.migrationsValue.setText(
            "\n".join(
                _("{name} (applied {date})").format(
                    name=m.name, date=format_date(m.applied_at[:10])
                )
                for m in facts.migrations
            )
        )
        rows = []
        for count in facts.tables:
            label = _(TABLE_LABELS[count.table]) if count.table in TABLE_LABELS else count.table
            rows.append(
                [
                    Cell.label(label[:1].upper() + label[1:], count.table),
                    Cell.number(count.live),
                    Cell.number(count.deleted),
                ]
            )
        self.counts_model.set_rows(rows, [c.table for c in facts.tables])

    # ---- backups ------------------------------------------------------------------------

    def _show_backup_folder(self) -> None:
        from desktop_app.backup import backup_dir, backup_folder_setting

        ledger = self.session.ledger
        folder = backup_dir(ledger)
        self.ui.backupFolderValue.setText(str(folder))
        self.ui.backupFolderValue.setToolTip(str(folder))
        self.ui.backupFolderValue.setCursorPosition(0)
        self.ui.defaultBackupFolderButton.setEnabled(backup_folder_setting(ledger) is not None)

    def choose_backup_folder(self) -> None:
        from desktop_app.backup import backup_dir

        folder = QFileDialog.getExistingDirectory(
            self, _("Folder for the backups"), str(backup_dir(self.session.ledger))
        )
        if folder:
            self.set_backup_folder(Path(folder))

    def set_backup_folder(self, folder: Path | None) -> None:
        """Point the backups at ``folder`` (None: the ``backups`` folder beside the ledger)."""
        from desktop_app.backup import set_backup_folder

        try:
            self.session.write(lambda: set_backup_folder(self.session.ledger, folder))
        except LedgerError as error:
            messages.show_error(self, error)
        self._show_backup_folder()

    def back_up_now(self) -> None:
        from desktop_app.gui import backup_actions

        backup_actions.back_up_now(self.window(), self.session)

    def open_data_folder(self) -> None:
        messages.open_folder(self.session.ledger.path.resolve().parent)

    def check_ledger(self) -> CheckResult | None:
        """``party-ledger check`` for the year shown, as of today, off the UI thread."""
        path, year, today = self.session.ledger.path, self.session.year, date.today()

        def job(progress: object, cancelled: object) -> CheckResult:
            with open_ledger(path, create=False) as ledger:
                return run_check(ledger, year, today)

        try:
            result = run_in_background(self, _("Checking the ledger…"), job)
        except LedgerError as error:
            messages.show_error(self, error)
            return None
        self.check_result = result
        if result.healthy:
            summary = _("No problems: the ledger file and its records are sound.")
        else:
            summary = ngettext(
                "{n} problem found; see below.",
                "{n} problems found; see below.",
                len(result.problems),
            ).format(n=len(result.problems))
        self.ui.checkSummary.setText(summary)
        self.ui.checkSummary.setProperty("role", "" if result.healthy else "fieldError")
        self.ui.checkSummary.style().unpolish(self.ui.checkSummary)
        self.ui.checkSummary.style().polish(self.ui.checkSummary)
        self.ui.checkSummary.show()
        self.ui.checkResult.setPlainText(format_check(result))
        return result
