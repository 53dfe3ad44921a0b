"""The branch ledger (支部年度台账) on a hand-built ledger: every activity of the year in date
order with its attendance, the totals, the months without a theme day, the sign-off block; one
ledger per page for a college; fonts, outline and metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop_app.domain import activities, organizations
from desktop_app.reports import ReportRequest, build_report
from desktop_app.reports.fonts import BUNDLED, report_fonts
from desktop_app.reports.layout import LEFT, TEXT_WIDTH
from desktop_app.stats import compute_stats
from desktop_app.storage import Ledger

YEAR = 2025
AS_OF = date(2025, 6, 30)
BRANCH = "机电工程学院党总支/教工第一党支部"
# The activities of that branch in 2025, in date order (added out of order).
LISTED = [
    ("2025-01-10", "一月主题党日"),
    ("2025-03-05", "三月志愿服务"),
    ("2025-03-18", "专题党课"),
    ("2025-06-30", "年中党员大会"),
]


@pytest.fixture
def uids(ledger: Ledger) -> dict[str, str]:
    add = organizations.add_organization
    uid: dict[str, str] = {}
    uid["root"] = add(ledger, name="示范学院党委", level="committee")
    uid["jd"] = add(ledger, name="机电工程学院党总支", level="college", parent_uid=uid["root"])
    uid["xx"] = add(ledger, name="信息工程学院党总支", level="college", parent_uid=uid["root"])
    uid["jd_t1"] = add(
        ledger,
        name="教工第一党支部",
        level="branch",
        parent_uid=uid["jd"],
        branch_type="teacher",
        secretary="张明",
        double_leader=True,
        members_full=9,
        members_probationary=1,
        activists=2,
    )
    uid["jd_s1"] = add(
        ledger,
        name="学生第一党支部",
        level="branch",
        parent_uid=uid["jd"],
        branch_type="student",
        secretary="李华",
    )
    uid["gone"] = add(
        ledger, name="离退休党支部", level="branch", parent_uid=uid["jd"], branch_type="retired"
    )
    organizations.dissolve_organization(ledger, uid["gone"], date(2025, 3, 1))
    uid["xx_t1"] = add(
        ledger, name="教工第一党支部", level="branch", parent_uid=uid["xx"], branch_type="teacher"
    )
    uid["admin"] = add(
        ledger, name="机关第一党支部", level="branch", parent_uid=uid["root"], branch_type="admin"
    )

    act = activities.add_activity
    t1 = uid["jd_t1"]
    act(
        ledger,
        t1,
        type="party_lecture",
        date=date(2025, 3, 18),
        theme="专题党课",
        place="党员之家",
        host="张明",
        expected=10,
        actual=10,
    )
    act(
        ledger,
        t1,
        type="theme_day",
        date=date(2025, 1, 10),
        theme="一月主题党日",
        category="study",
        expected=10,
        actual=9,
        dimensions=["organization", "practice"],
        featured=True,
    )
    act(
        ledger,
        t1,
        type="theme_day",
        date=date(2025, 3, 5),
        theme="三月志愿服务",
        category="volunteer",
        expected=10,
        actual=8,
    )
    act(ledger, t1, type="general_meeting", date=date(2025, 6, 30), theme="年中党员大会")
    # Not in the ledger: deleted, another year, another branch, a dissolved branch.
    deleted = act(ledger, t1, type="theme_day", date=date(2025, 2, 2), theme="已删除的活动")
    activities.delete_activity(ledger, deleted)
    act(ledger, t1, type="theme_day", date=date(2024, 12, 31), theme="去年的活动")
    act(ledger, t1, type="theme_day", date=date(2026, 1, 1), theme="明年的活动")
    act(ledger, uid["xx_t1"], type="theme_day", date=date(2025, 4, 1), theme="信息学院活动")
    act(ledger, uid["gone"], type="life_meeting", date=date(2025, 1, 20), theme="离退休生活会")
    return uid


def render(ledger: Ledger, tmp_path: Path, scope: str | None, name: str = "ledger.pdf") -> Path:
    request = ReportRequest(year=YEAR, kind="branch", scope=scope, as_of=AS_OF, language="en")
    return build_report(ledger, request, tmp_path / name)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def english_date(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day:%b} {day.day}, {day.year}"


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def flat(text: str) -> str:
    """The text without any white space: a theme wrapped in its cell reads whole again."""
    return "".join(text.split())


def has(text: str, expected: str) -> bool:
    return flat(expected) in flat(text)


def assert_fonts_embedded(path: Path) -> None:
    """Every font any page names carries its font file."""
    seen = 0
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None, f"{font['/BaseFont']} is not embedded"
            descriptor = descriptor.get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font[
                "/BaseFont"
            ]
            seen += 1
    assert seen


def outline_entries(path: Path) -> list[tuple[int, str, int]]:
    """(level, title, page index) of every outline entry, in order."""
    reader = PdfReader(path)
    found: list[tuple[int, str, int]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


def test_a_branch_ledger_lists_every_activity_of_the_year_in_date_order(
    ledger: Ledger, uids: dict[str, str], tmp_path: Path
) -> None:
    path = render(ledger, tmp_path, BRANCH)
    text = "\n".join(page_texts(path))
    # Each row: its number, its date, its type, then its theme; rows in date order.
    squashed = flat(text)
    positions = []
    for number, (iso, theme) in enumerate(LISTED, 1):
        day = flat(english_date(iso))  # Jan 10, 2025
        assert f"{number}{day}" in squashed
        assert theme in squashed
        positions.append(squashed.index(f"{number}{day}"))
        assert squashed.index(theme) > positions[-1]
    assert positions == sorted(positions)
    for absent in ("已删除的活动", "去年的活动", "明年的活动", "信息学院活动", "离退休生活会"):
        assert absent not in squashed
    # The header block.
    assert has(text, "Branch" + BRANCH)
    assert has(text, "张明 (double leader)")
    assert has(text, "9 full, 1 probationary; 2 activists")
    # Attendance with its rate, the category of a theme day, the dimensions, the featured mark.
    assert has(text, "9/1090.0%")
    assert has(text, "8/1080.0%")
    assert has(text, "10/10100.0%")
    assert has(text, "Theme party day(Theory study)")
    assert has(text, "Practice, Organization★")
    assert has(text, "★ marks a featured case.")


def test_totals_by_type_and_the_months_without_a_theme_day(
    ledger: Ledger, uids: dict[str, str], tmp_path: Path
) -> None:
    path = render(ledger, tmp_path, BRANCH)
    all_lines = lines("\n".join(page_texts(path)))

    def row(*cells: str) -> bool:
        n = len(cells)
        return any(tuple(all_lines[i : i + n]) == cells for i in range(len(all_lines)))

    assert row("Theme party day", "2", "17/20", "85.0%")
    assert row("Branch general meeting", "1", "—", "—")
    assert row("Party lecture", "1", "10/10", "100.0%")
    assert row("Other", "0", "—", "—")
    assert row("Total", "4", "27/30", "90.0%")
    text = "\n".join(page_texts(path))
    assert has(text, "In 2025 the branch recorded 4 activities, 1 of them featured.")
    assert has(text, "Of 30 members expected, 27 attended: 90.0%.")
    # Due January to June (the as-of month); theme days held in January and March.
    assert has(text, "Months without a theme day by Jun 30, 2025: Feb, Apr, May, Jun.")
    # The totals are the statistics' figures for the branch.
    stats = compute_stats(ledger, YEAR, BRANCH, AS_OF)
    assert stats["activities"]["by_type"]["theme_day"] == 2
    assert stats["activities"]["total"] == 4
    assert stats["activities"]["attendance_rate"] == 0.9


def test_the_sign_off_block_closes_the_ledger_on_one_page(
    ledger: Ledger, uids: dict[str, str], tmp_path: Path
) -> None:
    pages = page_texts(render(ledger, tmp_path, BRANCH))
    last = pages[-1]
    assert has(last, "Signature of the branch secretary: ______________")
    assert has(last, "Date: ______________")
    assert has(last, "Reviewed by (College party organization): ______________")
    # A branch directly under the committee is reviewed by the committee.
    pages = page_texts(render(ledger, tmp_path, "机关第一党支部", "admin.pdf"))
    assert has(pages[-1], "Reviewed by (Party committee): ______________")


def test_a_branch_without_activities_says_so(
    ledger: Ledger, uids: dict[str, str], tmp_path: Path
) -> None:
    path = render(ledger, tmp_path, "机电工程学院党总支/学生第一党支部")
    text = "\n".join(page_texts(path))
    assert has(text, "No records this year: 学生第一党支部 recorded no activities in 2025.")
    assert not has(text, "Attended / expected")  # no table of activities, no totals
    assert has(text, "Months without a theme day by Jun 30, 2025: Jan, Feb, Mar, Apr, May, Jun.")
    assert has(text, "Signature of the branch secretary")


def test_a_dissolved_branch_has_its_ledger_but_owes_no_theme_days(
    ledger: Ledger, uids: dict[str, str], tmp_path: Path
) -> None:
    text = "\n".join(page_texts(render(ledger, tmp_path, "机电工程学院党总支/离退休党支部")))
    assert has(text, "离退休生活会")
    assert has(text, "0 full, 0 probationary; 0 activists (dissolved on Mar 1, 2025)")
    assert has(text, "A dissolved branch owes no theme days.")


def test_a_college_gives_one_ledger_per_active_branch_each_on_a_new_page(
    ledger: Ledger, uids: dict[str, str], tmp_path: Path
) -> None:
    path = render(ledger, tmp_path, "机电工程学院党总支")
    pages = page_texts(path)
    titles = {
        "机电工程学院党总支/学生第一党支部": "学生第一党支部: ledger of organizational life, 2025",
        "机电工程学院党总支/教工第一党支部": "教工第一党支部: ledger of organizational life, 2025",
    }
    starts = {}
    for branch, title in titles.items():
        found = [i for i, page in enumerate(pages) if has(page, title)]
        assert len(found) == 1, branch
        # The ledger's title is the first thing on its page (after the page number).
        body = [line for line in lines(pages[found[0]]) if not line.startswith("— ")]
        assert flat("\n".join(body)).startswith(flat(title))
        starts[branch] = found[0]
    assert (
        0
        < starts["机电工程学院党总支/学生第一党支部"]
        < starts["机电工程学院党总支/教工第一党支部"]
    )
    everything = "\n".join(pages)
    assert not has(everything, "离退休党支部: ledger")  # dissolved
    assert not has(everything, "信息学院活动")  # another college
    # The list of branches on the first page: activities and months missing per branch.
    first = lines(pages[0])
    assert has(
        pages[0], "This volume holds the ledgers of organizational life of 2 active branches"
    )
    assert first[first.index("机电工程学院党总支/教工第一党支部") + 2 :][:2] == [
        "4",
        "Feb, Apr, May, Jun",
    ]
    # One level-0 outline entry per branch, pointing at the page its ledger begins on.
    entries = outline_entries(path)
    top = [(title, page) for level, title, page in entries if level == 0]
    assert top == [
        ("Branches in this volume", 0),
        ("机电工程学院党总支/学生第一党支部", starts["机电工程学院党总支/学生第一党支部"]),
        ("机电工程学院党总支/教工第一党支部", starts["机电工程学院党总支/教工第一党支部"]),
    ]
    assert [t for level, t, _ in entries if level == 1] == [
        "Activities of the year",
        "Totals and theme days",
    ] * 2
    assert_fonts_embedded(path)


def test_the_whole_ledger_orders_its_branches_by_path(
    ledger: Ledger, uids: dict[str, str], tmp_path: Path
) -> None:
    path = render(ledger, tmp_path, None)
    top = [title for level, title, _ in outline_entries(path) if level == 0]
    assert top == [
        "Branches in this volume",
        "信息工程学院党总支/教工第一党支部",
        "机关第一党支部",
        "机电工程学院党总支/学生第一党支部",
        "机电工程学院党总支/教工第一党支部",
    ]


def test_fonts_outline_and_metadata(ledger: Ledger, uids: dict[str, str], tmp_path: Path) -> None:
    path = render(ledger, tmp_path, BRANCH)
    assert_fonts_embedded(path)
    reader = PdfReader(path)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "教工第一党支部: ledger of organizational life, 2025"
    assert meta.author == "示范学院党委"
    assert meta.subject == "Branch ledger of the year"
    assert "2025" in meta["/Keywords"] and "branch ledger" in meta["/Keywords"]
    assert [(level, title) for level, title, _ in outline_entries(path)] == [
        (0, "教工第一党支部: ledger of organizational life, 2025"),
        (1, "Activities of the year"),
        (1, "Totals and theme days"),
    ]


def test_long_themes_wrap_inside_their_column(
    ledger: Ledger, uids: dict[str, str], tmp_path: Path
) -> None:
    theme = "深入学习贯彻党的二十大精神" * 12 + "Aconsiderablylongwordwithoutanyspacesatall" * 3
    activities.add_activity(
        ledger,
        uids["jd_s1"],
        type="other",
        date=date(2025, 5, 4),
        theme=theme,
        place="一个名字很长很长很长的地点" * 4,
    )
    path = render(ledger, tmp_path, "机电工程学院党总支/学生第一党支部")
    report_fonts()  # registers the bundled face, to measure the text with it
    right_edge = LEFT + TEXT_WIDTH + 0.5
    spans: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            width = stringWidth(text.strip("\n"), BUNDLED, size) * tm[0] * cm[0]
            spans.append((x, x + width, text.strip()))

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    assert spans
    assert max(end for _start, end, _text in spans) <= right_edge
    # Every line of the theme ends before the next column (the place) begins.
    place_start = min(start for start, _end, text in spans if text.startswith("一个名字"))
    theme_lines = [(s, e) for s, e, text in spans if len(text) > 5 and text in theme]
    assert len(theme_lines) > 5
    assert all(end <= place_start for _start, end in theme_lines)
    assert has("\n".join(page_texts(path)), theme)


def test_a_report_in_chinese_keeps_the_year_of_a_date_on_its_own_line(
    ledger: Ledger, uids: dict[str, str], tmp_path: Path
) -> None:
    request = ReportRequest(year=YEAR, kind="branch", scope=BRANCH, as_of=AS_OF, language="zh_CN")
    path = build_report(ledger, request, tmp_path / "zh.pdf")
    all_lines = lines("\n".join(page_texts(path)))
    assert all_lines.count("2025年") == 4
    for day in ("1月10日", "3月5日", "3月18日", "6月30日"):
        assert day in all_lines


def test_a_report_in_english_keeps_the_year_of_a_date_on_its_own_line(
    ledger: Ledger, uids: dict[str, str], tmp_path: Path
) -> None:
    path = render(ledger, tmp_path, BRANCH)
    all_lines = lines("\n".join(page_texts(path)))
    for day in ("Jan 10,", "Mar 5,", "Mar 18,", "Jun 30,"):
        assert day in all_lines
    assert all_lines.count("2025") >= 4
