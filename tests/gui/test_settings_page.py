"""设置: meeting frequencies saved in the ledger (with an unsaved state, Revert and a question
on leaving), the interface language kept for the next start, and the ledger file's facts and
check."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QStackedWidget, QWidget

from desktop_app.domain.activities import add_activity, attach_file, delete_activity
from desktop_app.domain.compliance import DEFAULT_FREQUENCIES, frequencies
from desktop_app.domain.orgtree import load_tree
from desktop_app.gui import messages
from desktop_app.gui.app import LANGUAGE_KEY, choose_language
from desktop_app.gui.figure_tables import SORT_ROLE
from desktop_app.gui.pages.settings import SettingsPage
from desktop_app.gui.session import Session
from desktop_app.gui.settings import user_settings
from desktop_app.ledger_facts import ledger_facts
from desktop_app.storage import Ledger
from desktop_app.storage.schema import MIGRATION_NAMES, RECORD_TABLES
from gui.conftest import DEMO_YEAR


class Host(QStackedWidget):
    """A stand-in for the main window: the settings page and another page to switch to."""

    def __init__(self, ledger: Ledger) -> None:
        super().__init__()
        self.session = Session(ledger, DEMO_YEAR)
        self.page = SettingsPage(self.session, self)
        self.other = QWidget(self)
        self.addWidget(self.page)
        self.addWidget(self.other)
        self.session.navigateRequested.connect(lambda key, record: self.setCurrentWidget(self.page))


def open_host(qtbot, ledger: Ledger) -> Host:  # type: ignore[no-untyped-def]
    host = Host(ledger)
    qtbot.addWidget(host)
    host.resize(1130, 740)
    host.show()
    return host


def choose(page: SettingsPage, kind: str, frequency: str) -> None:
    box = page.frequency_boxes[kind]
    box.setCurrentIndex(box.findData(frequency))


def counts(page: SettingsPage, column: int) -> dict[str, int]:
    model = page.counts_model
    return {key: model.index(row, column).data(SORT_ROLE) for row, key in enumerate(model.keys)}


def live_counts(ledger: Ledger) -> dict[str, int]:
    return {
        t: ledger.scalar(f"SELECT count(*) FROM {t} WHERE deleted_at IS NULL")
        for t in RECORD_TABLES
    }


# ---- opening ---------------------------------------------------------------------------------


def test_opens_on_an_empty_ledger(qtbot, ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_host(qtbot, ledger).page
    assert {k: b.currentData() for k, b in page.frequency_boxes.items()} == DEFAULT_FREQUENCIES
    assert page.ui.pathValue.text() == str(ledger.path)
    assert page.ui.attachmentsValue.text() == str(ledger.attachments_dir)
    assert counts(page, 1) == dict.fromkeys(RECORD_TABLES, 0)
    assert [line.split(" ")[0] for line in page.ui.migrationsValue.text().splitlines()] == (
        MIGRATION_NAMES
    )
    assert page.ui.sizeValue.text()
    assert not page.ui.unsavedLabel.isVisible()
    assert not page.ui.saveButton.isEnabled() and not page.ui.revertButton.isEnabled()
    assert page.ui.checkResult.placeholderText()


def test_opens_on_the_demo_ledger(qtbot, demo_ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_host(qtbot, demo_ledger).page
    assert counts(page, 1) == live_counts(demo_ledger)
    assert counts(page, 1)["activities"] > 100
    assert counts(page, 2) == dict.fromkeys(RECORD_TABLES, 0)
    assert page.counts_model.text("organizations", 0) == "Organizations"


def test_record_counts_follow_a_deletion(qtbot, demo_ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_host(qtbot, demo_ledger).page
    before = counts(page, 1)["activities"]
    uid = demo_ledger.scalar("SELECT uid FROM activities LIMIT 1")
    page.session.write(lambda: delete_activity(demo_ledger, str(uid)))
    assert counts(page, 1)["activities"] == before - 1
    assert counts(page, 2)["activities"] == 1


def test_ledger_facts(demo_ledger) -> None:  # type: ignore[no-untyped-def]
    facts = ledger_facts(demo_ledger)
    assert facts.path == demo_ledger.path
    assert facts.size_bytes >= demo_ledger.path.stat().st_size > 0
    assert [m.name for m in facts.migrations] == MIGRATION_NAMES
    assert {c.table: c.live for c in facts.tables} == live_counts(demo_ledger)


def test_counts_model_is_sound(qtbot, qtmodeltester, demo_ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_host(qtbot, demo_ledger).page
    qtmodeltester.check(page.counts_model)


# ---- frequencies -----------------------------------------------------------------------------


def test_a_frequency_change_is_saved_in_the_ledger(qtbot, demo_ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_host(qtbot, demo_ledger).page
    choose(page, "party_lecture", "monthly")
    choose(page, "life_meeting", "none")
    assert page.ui.unsavedLabel.isVisible()
    assert page.ui.saveButton.isEnabled() and page.ui.revertButton.isEnabled()
    assert frequencies(demo_ledger)["party_lecture"] == "quarterly"  # nothing written yet
    page.ui.saveButton.click()
    stored = frequencies(demo_ledger)
    assert stored == {**DEFAULT_FREQUENCIES, "party_lecture": "monthly", "life_meeting": "none"}
    assert not page.ui.unsavedLabel.isVisible()
    assert not page.ui.saveButton.isEnabled()
    assert page.session.can_undo()


def test_a_saved_frequency_changes_what_the_check_finds(qtbot, demo_ledger) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from desktop_app.checks import run_check

    page = open_host(qtbot, demo_ledger).page
    today = date(DEMO_YEAR, 12, 31)
    before = run_check(demo_ledger, DEMO_YEAR, today).missing
    assert any("theme_day" in gaps for gaps in before.values())
    choose(page, "theme_day", "none")
    assert page.save()
    after = run_check(demo_ledger, DEMO_YEAR, today).missing
    assert not any("theme_day" in gaps for gaps in after.values())


def test_revert_puts_back_what_the_ledger_holds(qtbot, demo_ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_host(qtbot, demo_ledger).page
    choose(page, "theme_day", "quarterly")
    page.ui.revertButton.click()
    assert page.frequency_boxes["theme_day"].currentData() == "monthly"
    assert not page.ui.unsavedLabel.isVisible()
    assert frequencies(demo_ledger) == DEFAULT_FREQUENCIES


def test_choosing_the_saved_value_again_is_not_a_change(qtbot, ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_host(qtbot, ledger).page
    choose(page, "theme_day", "yearly")
    choose(page, "theme_day", "monthly")
    assert not page.ui.unsavedLabel.isVisible()
    assert not page.is_dirty()


@pytest.mark.parametrize(
    ("answer", "stored", "shown", "back"),
    [
        ("save", "yearly", "yearly", False),
        ("discard", "monthly", "monthly", False),
        ("cancel", "monthly", "yearly", True),
    ],
)
def test_leaving_with_unsaved_edits_asks(  # type: ignore[no-untyped-def]
    qtbot, ledger, monkeypatch, answer, stored, shown, back
) -> None:
    host = open_host(qtbot, ledger)
    page = host.page
    asked: list[bool] = []

    def ask(parent) -> str:  # type: ignore[no-untyped-def]
        asked.append(True)
        return answer

    monkeypatch.setattr(messages, "ask_unsaved", ask)
    choose(page, "theme_day", "yearly")
    host.setCurrentWidget(host.other)
    qtbot.waitUntil(lambda: bool(asked))
    assert frequencies(ledger)["theme_day"] == stored
    assert page.frequency_boxes["theme_day"].currentData() == shown
    assert (host.currentWidget() is page) == back
    assert page.ui.unsavedLabel.isVisibleTo(page) == (answer == "cancel")


def test_leaving_without_edits_asks_nothing(qtbot, ledger, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    host = open_host(qtbot, ledger)
    monkeypatch.setattr(messages, "ask_unsaved", lambda parent: pytest.fail("asked"))
    host.setCurrentWidget(host.other)
    qtbot.wait(20)
    assert host.currentWidget() is host.other


# ---- language --------------------------------------------------------------------------------


def test_the_language_is_kept_for_the_next_start(qtbot, ledger, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = open_host(qtbot, ledger).page
    combo = page.ui.languageCombo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names[0] == "简体中文" and names[-1] == "English"
    assert combo.currentData() == "en"  # the language in use
    combo.setCurrentIndex(combo.findData("zh_CN"))
    assert user_settings().value(LANGUAGE_KEY) == "zh_CN"
    assert "next time" in page.ui.languageNote.text()
    monkeypatch.delenv("PARTY_LEDGER_LANG")
    assert choose_language(None) == "zh_CN"


def test_the_saved_language_is_shown(qtbot, ledger) -> None:  # type: ignore[no-untyped-def]
    settings = user_settings()
    settings.setValue(LANGUAGE_KEY, "zh_CN")
    settings.sync()
    page = open_host(qtbot, ledger).page
    assert page.ui.languageCombo.currentData() == "zh_CN"


def test_a_language_without_a_catalog_cannot_be_chosen(qtbot, ledger) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.i18n import available_languages

    page = open_host(qtbot, ledger).page
    combo = page.ui.languageCombo
    for index in range(combo.count()):
        enabled = combo.model().item(index).isEnabled()
        assert enabled == (combo.itemData(index) in available_languages())


# ---- the ledger file -------------------------------------------------------------------------


def test_open_data_folder(qtbot, ledger, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[Path] = []
    monkeypatch.setattr(messages, "open_folder", opened.append)
    page = open_host(qtbot, ledger).page
    page.ui.openFolderButton.click()
    assert opened == [ledger.path.resolve().parent]


def test_the_check_finds_no_problems_in_the_demo(qtbot, demo_ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_host(qtbot, demo_ledger).page
    page.ui.checkButton.click()
    assert page.check_result is not None and page.check_result.healthy
    assert page.ui.checkSummary.isVisible()
    assert page.ui.checkSummary.text() == (
        "No problems: the ledger file and its records are sound."
    )
    text = page.ui.checkResult.toPlainText()
    assert text.startswith("Integrity: the ledger file and its records are sound.")
    assert f"Required meetings of {DEMO_YEAR}" in text


def test_the_check_reports_a_missing_attachment(qtbot, demo_ledger, tmp_path) -> None:  # type: ignore[no-untyped-def]
    branch = next(o for o in load_tree(demo_ledger) if o.level == "branch")
    activity = add_activity(
        demo_ledger, branch.uid, type="party_lecture", date=f"{DEMO_YEAR}-03-01", theme="党课"
    )
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"not really a photo")
    attach_file(demo_ledger, activity, photo)
    for stored in demo_ledger.attachments_dir.iterdir():
        stored.unlink()
    page = open_host(qtbot, demo_ledger).page
    page.ui.checkButton.click()
    assert page.check_result is not None and not page.check_result.healthy
    assert page.ui.checkSummary.text() == "1 problem found; see below."
    assert "photo.jpg" in page.ui.checkResult.toPlainText()


# ---- in the window ---------------------------------------------------------------------------


def test_opens_in_the_window(window, demo_window) -> None:  # type: ignore[no-untyped-def]
    for win in (window, demo_window):
        page = win.navigate("settings")
        assert win.current_page() is page
        assert page.ui.pathValue.text() == str(win.session.ledger.path)


def test_leaving_in_the_window_asks(demo_window, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = demo_window.navigate("settings")
    monkeypatch.setattr(messages, "ask_unsaved", lambda parent: "cancel")
    choose(page, "general_meeting", "monthly")
    demo_window.navigate("reports")
    qtbot.waitUntil(lambda: demo_window.current_page() is page)
    assert page.is_dirty()


def test_a_saved_frequency_change_can_be_undone(qtbot, ledger) -> None:  # type: ignore[no-untyped-def]
    page = open_host(qtbot, ledger).page
    choose(page, "group_meeting", "quarterly")
    assert page.save()
    assert frequencies(ledger)["group_meeting"] == "quarterly"
    page.session.undo()
    assert frequencies(ledger) == DEFAULT_FREQUENCIES
    assert page.frequency_boxes["group_meeting"].currentData() == "monthly"
    assert not page.is_dirty()


def test_the_backup_folder_can_point_elsewhere_and_back(  # type: ignore[no-untyped-def]
    qtbot, demo_ledger, tmp_path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from desktop_app.backup import backup_dir
    from desktop_app.gui.pages.settings import SettingsPage
    from desktop_app.gui.session import Session

    session = Session(demo_ledger)
    page = SettingsPage(session)
    qtbot.addWidget(page)
    page.refresh()
    beside = demo_ledger.path.parent / "backups"
    assert page.ui.backupFolderValue.text() == str(beside)
    assert not page.ui.defaultBackupFolderButton.isEnabled()
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    page.ui.chooseBackupFolderButton.click()
    assert backup_dir(demo_ledger) == usb
    assert page.ui.backupFolderValue.text() == str(usb)
    assert session.can_undo()
    page.ui.defaultBackupFolderButton.click()
    assert backup_dir(demo_ledger) == beside
