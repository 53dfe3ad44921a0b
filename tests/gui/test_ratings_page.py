"""星级评定: the year × organization grid, editing a cell with the delegate or the keyboard,
and each year's four-star-and-above share exactly as the statistics give it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem

from desktop_app.domain import campaign, organizations
from desktop_app.domain.orgtree import load_tree
from desktop_app.gui import messages
from desktop_app.gui.pages.ratings import RatingsPage
from desktop_app.gui.ratings_model import RatingsModel, rated_orgs, stars_text
from desktop_app.stats import compute_stats
from desktop_app.storage import Ledger
from gui.conftest import DEMO_YEAR, make_window

Y = DEMO_YEAR


@pytest.fixture
def orgs(ledger: Ledger) -> dict[str, str]:
    root = organizations.add_organization(ledger, name="党委", level="committee")
    college = organizations.add_organization(
        ledger, name="机电工程学院党总支", level="college", parent_uid=root
    )
    branch = organizations.add_organization(
        ledger, name="教工第一党支部", level="branch", parent_uid=college
    )
    direct = organizations.add_organization(
        ledger, name="机关党支部", level="branch", parent_uid=root
    )
    return {"root": root, "college": college, "branch": branch, "direct": direct}


@pytest.fixture
def small_window(qtbot, ledger: Ledger, orgs: dict[str, str]):  # type: ignore[no-untyped-def]
    return make_window(qtbot, ledger)


def open_page(window) -> RatingsPage:  # type: ignore[no-untyped-def]
    page = window.navigate("ratings")
    assert isinstance(page, RatingsPage)
    return page


def cell(page: RatingsPage, org_uid: str, year: int):  # type: ignore[no-untyped-def]
    """The view's (proxy) index of an organization's year."""
    row = next(i for i, o in enumerate(page.model.orgs) if o.uid == org_uid)
    return page.proxy.mapFromSource(page.model.index(row, page.model.column_of(year)))


def stars_in_ledger(ledger: Ledger, org_uid: str, year: int) -> object:
    return ledger.scalar(
        "SELECT stars FROM ratings WHERE org_uid = ? AND year = ? AND deleted_at IS NULL",
        [org_uid, year],
    )


def share_text(ledger: Ledger, year: int) -> str:
    return f"{compute_stats(ledger, year)['ratings']['four_plus_ratio']:.1%}"


def test_empty_ledger_says_what_to_do(window) -> None:  # type: ignore[no-untyped-def]
    page = open_page(window)
    assert page.stack.currentWidget() is page.empty
    assert "no colleges or branches to rate" in page.empty.label.text()
    assert not page.figure_row.isVisibleTo(page)


def test_grid_rows_columns_and_shares_on_the_demo(  # type: ignore[no-untyped-def]
    demo_window, demo_ledger: Ledger, qtmodeltester
) -> None:
    page = open_page(demo_window)
    tree = load_tree(demo_ledger)
    expected = [o.uid for o in tree if o.active and o.level in ("college", "branch")]
    assert sorted(o.uid for o in page.model.orgs) == sorted(expected)
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Organization", str(Y - 2), str(Y - 1), str(Y)]
    # Colleges come before their branches, which are indented.
    first_college = next(o for o in page.model.orgs if o.level == "college")
    after = page.model.orgs[page.model.orgs.index(first_college) + 1]
    assert tree.by_uid[after.uid].parent_uid == first_college.uid
    assert page.model.index(page.model.orgs.index(after), 0).data().startswith("\u3000")
    ratings = demo_ledger.query(
        "SELECT org_uid, stars FROM ratings WHERE deleted_at IS NULL AND year = ?", [Y]
    )
    shown = {uid: cell(page, uid, Y).data() for uid in {r["org_uid"] for r in ratings}}
    assert shown == {r["org_uid"]: stars_text(r["stars"]) for r in ratings if r["org_uid"] in shown}
    for figure, year in zip(page.figures, (Y - 2, Y - 1, Y), strict=True):
        stats = compute_stats(demo_ledger, year)["ratings"]
        if stats["rated"]:
            assert figure.share.text() == share_text(demo_ledger, year)
            assert figure.detail.text() == f"of {stats['rated']} organizations rated"
        else:
            assert figure.share.text() == "—"
    qtmodeltester.check(page.model)
    page.search.setText("机电工程学院")
    assert 0 < page.proxy.rowCount() < page.model.rowCount()
    qtmodeltester.check(page.proxy)


def test_setting_a_rating_with_the_delegate_writes_it(  # type: ignore[no-untyped-def]
    small_window, ledger: Ledger, orgs: dict[str, str]
) -> None:
    campaign.set_rating(ledger, orgs["college"], Y, 5)
    small_window.session.notify_changed()
    page = open_page(small_window)
    # The tree's order, siblings by name: 机关党支部 sorts before 机电工程学院党总支.
    assert [o.uid for o in page.model.orgs] == [orgs["direct"], orgs["college"], orgs["branch"]]
    assert page.figures[2].share.text() == "100.0%"
    index = cell(page, orgs["branch"], Y)
    assert index.data() == "—"
    delegate = page.view.itemDelegate()
    editor = delegate.createEditor(page.view.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    delegate.setEditorData(editor, index)
    assert editor.currentData() == 0
    editor.setCurrentIndex(editor.findData(3))
    delegate.setModelData(editor, page.proxy, index)
    editor.deleteLater()
    assert stars_in_ledger(ledger, orgs["branch"], Y) == 3
    assert cell(page, orgs["branch"], Y).data() == "★★★☆☆"
    assert page.figures[2].share.text() == share_text(ledger, Y) == "50.0%"
    assert page.figures[2].detail.text() == "of 2 organizations rated"
    assert small_window.session.can_undo()


def test_typing_digits_rates_and_clears_the_selected_cells(  # type: ignore[no-untyped-def]
    qtbot, small_window, ledger: Ledger, orgs: dict[str, str], monkeypatch
) -> None:
    page = open_page(small_window)
    page.view.setFocus()
    page.view.setCurrentIndex(cell(page, orgs["direct"], Y - 1))
    qtbot.keyClick(page.view, Qt.Key.Key_4)
    assert stars_in_ledger(ledger, orgs["direct"], Y - 1) == 4
    assert page.figures[1].share.text() == share_text(ledger, Y - 1) == "100.0%"
    # The selection survives the refresh: a second digit changes the same cell.
    qtbot.keyClick(page.view, Qt.Key.Key_2)
    assert stars_in_ledger(ledger, orgs["direct"], Y - 1) == 2
    assert page.figures[1].share.text() == share_text(ledger, Y - 1) == "0.0%"
    qtbot.keyClick(page.view, Qt.Key.Key_0)
    assert stars_in_ledger(ledger, orgs["direct"], Y - 1) is None
    assert page.figures[1].share.text() == "—"
    # Delete clears after asking; the cleared rating goes to the recycle bin.
    campaign.set_rating(ledger, orgs["branch"], Y, 4)
    small_window.session.notify_changed()
    page.view.setCurrentIndex(cell(page, orgs["branch"], Y))
    asked: list[str] = []
    monkeypatch.setattr(
        messages, "confirm", lambda parent, text, yes, **kw: asked.append(text) or True
    )
    page.delete_selected()
    assert asked == ["Clear 1 rating?"]
    assert stars_in_ledger(ledger, orgs["branch"], Y) is None
    assert ledger.scalar("SELECT count(*) FROM ratings WHERE deleted_at IS NOT NULL") == 2


def test_the_year_in_view_moves_the_columns(small_window, ledger: Ledger, orgs) -> None:  # type: ignore[no-untyped-def]
    campaign.set_rating(ledger, orgs["branch"], Y - 3, 4)
    small_window.session.notify_changed()
    page = open_page(small_window)
    assert page.model.years == [Y - 2, Y - 1, Y]
    small_window.session.set_year(Y - 1)
    assert page.model.years == [Y - 3, Y - 2, Y - 1]
    assert cell(page, orgs["branch"], Y - 3).data() == "★★★★☆"
    assert page.figures[0].year.text() == f"{Y - 3}: four stars and above"
    page.show_record(orgs["branch"])
    assert page.view.currentIndex() == cell(page, orgs["branch"], Y - 1)


def test_rated_orgs_leave_out_the_committee_and_dissolved_ones(
    ledger: Ledger, orgs: dict[str, str]
) -> None:
    from datetime import date

    organizations.dissolve_organization(ledger, orgs["direct"], date(2024, 1, 1))
    rows = rated_orgs(load_tree(ledger))
    assert [(o.uid, o.depth) for o in rows] == [(orgs["college"], 0), (orgs["branch"], 1)]


def test_model_refuses_edits_of_the_name_column(small_window, orgs) -> None:  # type: ignore[no-untyped-def]
    page = open_page(small_window)
    name = page.model.index(0, RatingsModel.ORG)
    assert not page.model.flags(name) & Qt.ItemFlag.ItemIsEditable
    assert not page.model.setData(name, 3)


def test_enter_opens_the_stars_box_and_choosing_saves(  # type: ignore[no-untyped-def]
    qtbot, small_window, ledger: Ledger, orgs: dict[str, str]
) -> None:
    page = open_page(small_window)
    page.view.setFocus()
    page.view.setCurrentIndex(cell(page, orgs["college"], Y))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    editor = page.view.findChild(QComboBox, "starsEditor")
    assert editor is not None
    assert [editor.itemText(i) for i in range(editor.count())][:2] == [
        "Not rated",
        "★★★★★  5",
    ]
    row = editor.findData(5)
    editor.setCurrentIndex(row)
    editor.activated.emit(row)
    assert stars_in_ledger(ledger, orgs["college"], Y) == 5
    assert cell(page, orgs["college"], Y).data() == "★★★★★"
    assert page.figures[2].share.text() == share_text(ledger, Y) == "100.0%"
