"""The activity dialog (faults beside the fields, blank counts, unsaved changes, duplicate,
attachments) and the joint theme day dialog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import table_snapshot
from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractSpinBox, QFileDialog, QLineEdit

from desktop_app.activity_query import ActivityFilter, count_activities
from desktop_app.domain import activities
from desktop_app.gui import messages
from desktop_app.gui.activity_dialog import ActivityDialog
from desktop_app.gui.joint_dialog import JointActivityDialog
from desktop_app.gui.session import Session
from desktop_app.storage import Ledger, recycle
from gui.test_activities_page import YEAR, build_small_ledger


@pytest.fixture(autouse=True)
def never_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog left with changes is closed when the test ends: answer “discard” rather than
    wait for a click (tests that check the question patch it again)."""
    monkeypatch.setattr(messages, "ask_unsaved", lambda parent: "discard")


@pytest.fixture
def uids(ledger: Ledger) -> dict[str, str]:
    return build_small_ledger(ledger)


@pytest.fixture
def session(ledger: Ledger, uids: dict[str, str]) -> Session:
    return Session(ledger, YEAR)


def open_dialog(qtbot, session: Session, uid: str | None = None, **kw) -> ActivityDialog:  # type: ignore[no-untyped-def]
    dialog = ActivityDialog(session, uid, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def answer_unsaved(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(messages, "ask_unsaved", lambda parent: asked.append(answer) or answer)
    return asked


# ---- recording and editing ----------------------------------------------------------------------


def test_a_new_activity_starts_as_a_theme_day_of_today(qtbot, session, uids) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, session, org_uid=uids["students"])
    assert dialog.windowTitle() == "New activity"
    values = dialog.values()
    assert values == {
        "org_uid": uids["students"],
        "type": "theme_day",
        "date": date.today(),
        "theme": "",
        "category": None,
        "place": None,
        "host": None,
        "expected": None,
        "actual": None,
        "dimensions": [],
        "featured": False,
        "summary": None,
    }
    assert dialog.ui.dateEdit.calendarPopup()
    assert dialog.ui.expectedSpin.text().strip() == ""  # a blank count shows as blank
    assert not dialog.ui.duplicateButton.isEnabled()
    assert not dialog.is_dirty()


def test_every_field_is_saved(qtbot, session, uids, ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, session, org_uid=uids["teachers"])
    ui = dialog.ui
    ui.dateEdit.setDate(QDate(YEAR, 5, 4))
    ui.themeEdit.setText("  五四主题党日 ")
    ui.categoryBox.setCurrentIndex(ui.categoryBox.findData("practice"))
    ui.placeEdit.setText("校史馆")
    ui.hostEdit.setText("王书记")
    ui.expectedSpin.setValue(20)
    ui.actualSpin.setValue(19)
    dialog.dimension_boxes["culture"].setChecked(True)
    dialog.dimension_boxes["curriculum"].setChecked(True)
    ui.featuredCheck.setChecked(True)
    ui.summaryEdit.setPlainText("参观校史馆。")
    assert dialog.is_dirty()
    dialog.accept()
    assert dialog.result() == 1
    got = activities.get_activity(ledger, str(dialog.saved_uid))
    assert {k: got[k] for k in activities.FIELDS} == {
        "org_uid": uids["teachers"],
        "type": "theme_day",
        "date": date(YEAR, 5, 4),
        "theme": "五四主题党日",
        "category": "practice",
        "place": "校史馆",
        "host": "王书记",
        "expected": 20,
        "actual": 19,
        "dimensions": ["curriculum", "culture"],
        "featured": True,
        "summary": "参观校史馆。",
    }


def test_editing_shows_the_record_and_saves_changes(qtbot, session, uids, ledger) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, session, uids["a1"])
    ui = dialog.ui
    assert dialog.windowTitle() == "Edit activity"
    assert (ui.themeEdit.text(), ui.expectedSpin.value(), ui.actualSpin.value()) == (
        "学习二十大精神",
        10,
        9,
    )
    assert ui.categoryBox.currentData() == "study"
    assert [c for c, b in dialog.dimension_boxes.items() if b.isChecked()] == [
        "curriculum",
        "organization",
    ]
    assert ui.duplicateButton.isEnabled()
    ui.actualSpin.setValue(10)
    dialog.accept()
    assert dialog.result() == 1
    assert activities.get_activity(ledger, uids["a1"])["actual"] == 10
    assert session.can_undo()


def test_a_count_can_be_left_blank_or_erased(qtbot, session, uids, ledger) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, session, uids["a1"])
    spin = dialog.ui.actualSpin
    editor = spin.findChild(QLineEdit)
    spin.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert dialog.values()["actual"] is None
    assert spin.text().strip() == ""
    qtbot.keyClicks(editor, "7")
    assert dialog.values()["actual"] == 7
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    dialog.accept()
    got = activities.get_activity(ledger, uids["a1"])
    assert (got["expected"], got["actual"]) == (10, None)


def test_the_category_belongs_to_theme_days_only(qtbot, session, uids, ledger) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, session, uids["a1"])
    ui = dialog.ui
    assert ui.categoryBox.isEnabled()
    ui.typeBox.setCurrentIndex(ui.typeBox.findData("party_lecture"))
    assert not ui.categoryBox.isEnabled()
    assert dialog.values()["category"] is None
    dialog.accept()
    got = activities.get_activity(ledger, uids["a1"])
    assert (got["type"], got["category"]) == ("party_lecture", None)


def test_faults_are_shown_beside_their_fields_and_nothing_is_written(
    qtbot, session, uids, ledger: Ledger
) -> None:  # type: ignore[no-untyped-def]
    before = table_snapshot(ledger)
    dialog = open_dialog(qtbot, session, org_uid=uids["teachers"])
    ui = dialog.ui
    ui.placeEdit.setText("图书馆")
    ui.expectedSpin.setValue(10)
    ui.actualSpin.setValue(12)
    dialog.accept()
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.errors.message("actual") == (
        "12 attended but only 10 were expected; the number attending cannot exceed the number "
        "expected."
    )
    assert dialog.errors.message("theme") == "Give the theme (title) of the activity."
    assert ui.actualError.isVisible() and ui.themeError.isVisible()
    assert ui.actualSpin.property("invalid") is True
    assert ui.placeEdit.property("invalid") is not True
    assert not ui.generalError.isVisible()
    assert dialog.focusWidget() is ui.themeEdit  # the first field at fault
    assert table_snapshot(ledger) == before
    # Nothing typed is lost; fixing the fields saves.
    assert (ui.placeEdit.text(), ui.expectedSpin.value(), ui.actualSpin.value()) == (
        "图书馆",
        10,
        12,
    )
    ui.themeEdit.setText("党史学习")
    ui.actualSpin.setValue(10)
    dialog.accept()
    assert dialog.result() == 1
    assert not ui.actualError.isVisible()
    assert activities.get_activity(ledger, str(dialog.saved_uid))["actual"] == 10


def test_without_organizations_the_dialog_says_where_to_add_them(qtbot, ledger: Ledger) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, Session(ledger, YEAR))
    dialog.ui.themeEdit.setText("主题党日")
    dialog.accept()
    assert dialog.errors.message("org_uid") == (
        "There is no organization yet: add one on the Organizations page first."
    )
    assert ledger.scalar("SELECT count(*) FROM activities") == 0


# ---- unsaved changes ----------------------------------------------------------------------------


def test_closing_without_changes_asks_nothing(qtbot, session, uids, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked = answer_unsaved(monkeypatch, "cancel")
    dialog = open_dialog(qtbot, session, uids["a2"])
    dialog.reject()
    assert asked == []
    assert not dialog.isVisible()


@pytest.mark.parametrize(
    ("answer", "stays", "theme"),
    [
        ("cancel", True, "专题党课：初心使命"),
        ("discard", False, "专题党课：初心使命"),
        ("save", False, "专题党课：牢记使命"),
    ],
)
def test_unsaved_changes_are_guarded(
    qtbot, session, uids, ledger, monkeypatch, answer: str, stays: bool, theme: str
) -> None:  # type: ignore[no-untyped-def]
    asked = answer_unsaved(monkeypatch, answer)
    dialog = open_dialog(qtbot, session, uids["a2"])
    dialog.ui.themeEdit.setText("专题党课：牢记使命")
    dialog.close()  # the window's close button (Esc and Cancel go the same way)
    assert asked == [answer]
    assert dialog.isVisible() is stays
    assert dialog.ui.themeEdit.text() == "专题党课：牢记使命"
    assert activities.get_activity(ledger, uids["a2"])["theme"] == theme


def test_a_pending_file_counts_as_a_change(qtbot, session, uids, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    photo = tmp_path / "合影.jpg"
    photo.write_bytes(b"photo")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo)], ""))
    asked = answer_unsaved(monkeypatch, "discard")
    dialog = open_dialog(qtbot, session, uids["a2"])
    dialog.add_files()
    dialog.ui.buttonBox.rejected.emit()
    assert asked == ["discard"]
    assert activities.list_attachments(session.ledger, uids["a2"]) == []


# ---- duplicate ----------------------------------------------------------------------------------


def test_duplicate_records_a_copy_dated_today_and_edits_it(
    qtbot, session, uids, ledger, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    asked = answer_unsaved(monkeypatch, "discard")
    dialog = open_dialog(qtbot, session, uids["a3"])
    dialog.ui.placeEdit.setText("不会保存")
    dialog.ui.duplicateButton.click()
    assert asked == ["discard"]
    copy = dialog.saved_uid
    assert copy is not None and copy != uids["a3"]
    assert dialog.uid == copy
    assert dialog.windowTitle() == "Edit the copy"
    assert dialog.ui.noteLabel.isVisible()
    got = activities.get_activity(ledger, copy)
    assert (got["date"], got["theme"], got["category"], got["expected"], got["place"]) == (
        date.today(),
        "志愿服务进社区",
        "volunteer",
        20,
        None,
    )
    assert activities.get_activity(ledger, uids["a3"])["place"] is None
    assert not dialog.is_dirty()
    dialog.ui.themeEdit.setText("志愿服务进敬老院")
    dialog.accept()
    assert activities.get_activity(ledger, copy)["theme"] == "志愿服务进敬老院"
    assert activities.get_activity(ledger, uids["a3"])["theme"] == "志愿服务进社区"


# ---- attachments --------------------------------------------------------------------------------


def test_files_chosen_before_the_first_save_are_attached_with_it(
    qtbot, session, uids, ledger: Ledger, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    photo, sheet = tmp_path / "合影.jpg", tmp_path / "签到表.pdf"
    photo.write_bytes(b"a photo")
    sheet.write_bytes(b"a sign-in sheet")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo), str(sheet)], "")
    )
    dialog = open_dialog(qtbot, session, org_uid=uids["office"])
    dialog.ui.themeEdit.setText("主题党日：整理档案")
    dialog.ui.addFileButton.click()
    assert dialog.file_names() == [
        "合影.jpg (attached when you save)",
        "签到表.pdf (attached when you save)",
    ]
    dialog.ui.fileList.setCurrentRow(1)
    dialog.ui.removeFileButton.click()
    assert dialog.file_names() == ["合影.jpg (attached when you save)"]
    assert ledger.scalar("SELECT count(*) FROM attachments") == 0
    undo_before = len(session._undo)
    dialog.accept()
    uid = str(dialog.saved_uid)
    [attached] = activities.list_attachments(ledger, uid)
    assert attached["file_name"] == "合影.jpg"
    assert activities.attachment_path(ledger, attached).read_bytes() == b"a photo"
    # One user action: the activity and its file in one transaction, one undo entry.
    assert len(session._undo) == undo_before + 1
    change = ledger.last_change
    logged = ledger.query(
        "SELECT table_name, action FROM audit_log WHERE id BETWEEN ? AND ? ORDER BY id",
        [change.first_id, change.last_id],
    )
    assert logged == [
        {"table_name": "activities", "action": "insert"},
        {"table_name": "attachments", "action": "insert"},
    ]


def test_attached_files_open_and_are_removed_on_save(
    qtbot, session, uids, ledger: Ledger, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "签到表.pdf"
    source.write_bytes(b"sign-in")
    file_uid = activities.attach_file(ledger, uids["a1"], source)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = open_dialog(qtbot, session, uids["a1"])
    assert dialog.file_names() == ["签到表.pdf"]
    dialog.ui.fileList.setCurrentRow(0)
    dialog.ui.openFileButton.click()
    [attached] = activities.list_attachments(ledger, uids["a1"])
    assert [u.toLocalFile() for u in opened] == [str(activities.attachment_path(ledger, attached))]
    dialog.ui.removeFileButton.click()
    assert dialog.file_names() == []
    assert len(activities.list_attachments(ledger, uids["a1"])) == 1  # not before saving
    dialog.accept()
    assert activities.list_attachments(ledger, uids["a1"]) == []
    assert [i.uid for i in recycle.list_bin(ledger)] == [file_uid]


def test_a_missing_copy_is_reported_not_opened(
    qtbot, session, uids, ledger: Ledger, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "合影.png"
    source.write_bytes(b"png")
    activities.attach_file(ledger, uids["a1"], source)
    [attached] = activities.list_attachments(ledger, uids["a1"])
    activities.attachment_path(ledger, attached).unlink()
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, error: shown.append(error.message))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: pytest.fail("opened"))
    dialog = open_dialog(qtbot, session, uids["a1"])
    dialog.ui.fileList.setCurrentRow(0)
    dialog.open_file()
    assert len(shown) == 1 and shown[0].startswith("The file 合影.png cannot be found at ")


# ---- keyboard -----------------------------------------------------------------------------------


def test_tab_goes_top_to_bottom(qtbot, session, uids) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, session, uids["a1"])
    ui = dialog.ui
    order = [ui.orgPicker]
    widget = ui.orgPicker
    for _ in range(12):
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() & Qt.FocusPolicy.TabFocus != Qt.FocusPolicy.TabFocus or (
            isinstance(widget.parent(), QAbstractSpinBox)  # the text field inside a spin box
        ):
            widget = widget.nextInFocusChain()
        order.append(widget)
    assert [w.objectName() for w in order] == [
        "orgPicker",
        "typeBox",
        "dateEdit",
        "themeEdit",
        "categoryBox",
        "placeEdit",
        "hostEdit",
        "expectedSpin",
        "actualSpin",
        "featuredCheck",
        "summaryEdit",
        "dimension_curriculum",
        "dimension_research",
    ]


# ---- joint theme day ----------------------------------------------------------------------------


def open_joint(qtbot, session: Session) -> JointActivityDialog:  # type: ignore[no-untyped-def]
    dialog = JointActivityDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_branches_are_grouped_by_college(qtbot, session, uids) -> None:  # type: ignore[no-untyped-def]
    dialog = open_joint(qtbot, session)
    tree = dialog.ui.branchTree
    groups = {
        tree.topLevelItem(n).text(0): [
            tree.topLevelItem(n).child(k).text(0) for k in range(tree.topLevelItem(n).childCount())
        ]
        for n in range(tree.topLevelItemCount())
    }
    assert groups == {
        "化学工程学院党总支": ["学生第二党支部"],
        "机电工程学院党总支": ["学生第一党支部", "教工第一党支部"],
        "党委": ["机关党支部"],
    }
    dialog.choose_group(uids["mech"])  # ticking a college ticks its branches
    assert set(dialog.chosen()) == {uids["teachers"], uids["students"]}
    assert dialog.ui.chosenLabel.text() == "2 branches chosen"
    dialog.ui.selectAllButton.click()
    assert len(dialog.chosen()) == 4
    dialog.ui.selectNoneButton.click()
    assert dialog.chosen() == []


def test_a_joint_theme_day_for_three_branches_is_one_action(
    qtbot, session, uids, ledger: Ledger
) -> None:  # type: ignore[no-untyped-def]
    before = count_activities(ledger, ActivityFilter())
    dialog = open_joint(qtbot, session)
    dialog.set_chosen([uids["teachers"], uids["students"], uids["chem_students"]])
    dialog.ui.dateEdit.setDate(QDate(YEAR, 7, 1))
    dialog.ui.themeEdit.setText("联合主题党日：庆祝建党")
    dialog.ui.categoryBox.setCurrentIndex(dialog.ui.categoryBox.findData("study"))
    dialog.dimension_boxes["organization"].setChecked(True)
    undo_before = len(session._undo)
    dialog.accept()
    assert dialog.result() == 1
    assert len(dialog.saved_uids) == 3
    rows = [activities.get_activity(ledger, uid) for uid in dialog.saved_uids]
    assert {r["org_uid"] for r in rows} == {
        uids["teachers"],
        uids["students"],
        uids["chem_students"],
    }
    assert {(r["type"], r["date"], r["theme"], r["category"]) for r in rows} == {
        ("theme_day", date(YEAR, 7, 1), "联合主题党日：庆祝建党", "study")
    }
    assert count_activities(ledger, ActivityFilter()) == before + 3
    assert len(session._undo) == undo_before + 1
    session.undo()  # one Ctrl+Z takes the three back
    assert count_activities(ledger, ActivityFilter()) == before


def test_a_joint_theme_day_shows_its_faults(qtbot, session, uids, ledger, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    before = table_snapshot(ledger)
    dialog = open_joint(qtbot, session)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.errors.message("org_uids") == "Tick the branches that took part."
    assert dialog.errors.message("theme") == "Give the theme (title) of the activity."
    assert table_snapshot(ledger) == before
    asked = answer_unsaved(monkeypatch, "discard")
    dialog.set_chosen([uids["office"]])
    dialog.reject()
    assert asked == ["discard"]
    assert table_snapshot(ledger) == before


def test_the_page_opens_the_joint_dialog_and_selects_a_new_row(
    qtbot, ledger: Ledger, uids, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from gui.test_activities_page import make_page

    page = make_page(qtbot, ledger)

    def run(dialog: JointActivityDialog) -> int:
        dialog.choose_group(uids["mech"])
        dialog.ui.dateEdit.setDate(QDate(YEAR, 9, 9))
        dialog.ui.themeEdit.setText("联合主题党日：教师节")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(JointActivityDialog, "exec", run)
    page.joint_theme_day()
    assert page.model.total() == 7
    assert page.current_uid() is not None
    assert activities.get_activity(ledger, page.current_uid())["theme"] == "联合主题党日：教师节"
