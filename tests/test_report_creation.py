"""The 三级联创 progress report on a hand-built ledger: every target and achieved figure of the
statistics, every candidate with its milestones, every task with its departments, deadline and
state (the overdue ones marked), a paragraph of figures per section; fonts, outline, metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop_app.domain import campaign, organizations
from desktop_app.domain.enums import CREATION_LEVELS, GRADES
from desktop_app.reports import ReportRequest, build_report
from desktop_app.stats import compute_stats
from desktop_app.storage import Ledger

YEAR = 2025
AS_OF = date(2025, 6, 30)
TITLE = "示范学院党委: progress report on the “three-level creation” of party building"

# (title, section, lead, cooperating, deadline, status); the second is overdue on AS_OF.
TASKS = [
    (
        "实施政治强核行动",
        "一、政治强核",
        "组织部",
        "宣传部、马克思主义学院",
        date(2025, 6, 1),
        "done",
    ),
    ("建设样板支部", "二、样板支部创建", "组织部", "各二级学院", date(2025, 3, 31), "doing"),
    ("完善考核办法", "二、样板支部创建", "组织部", None, date(2026, 6, 30), "todo"),
    ("总结推广经验", None, None, None, None, "todo"),
]


@pytest.fixture
def uids(ledger: Ledger) -> dict[str, str]:
    add = organizations.add_organization
    uid: dict[str, str] = {}
    uid["root"] = add(ledger, name="示范学院党委", level="committee")
    uid["jd"] = add(ledger, name="机电工程学院党总支", level="college", parent_uid=uid["root"])
    uid["xx"] = add(ledger, name="信息工程学院党总支", level="college", parent_uid=uid["root"])
    uid["jd_t1"] = add(ledger, name="教工第一党支部", level="branch", parent_uid=uid["jd"])
    uid["xx_t1"] = add(ledger, name="教工第一党支部", level="branch", parent_uid=uid["xx"])

    campaign.set_target(ledger, "branch", "national", 1, "2021–2023")
    campaign.set_target(ledger, "branch", "provincial", 3, "2021–2023")
    campaign.set_target(ledger, "college", "provincial", 2, "2021–2023")

    def candidate(org: str, level: str, grade: str, steps: list[tuple[str, date]]) -> str:
        status, on = steps[0]
        made = campaign.add_candidate(ledger, uid[org], level, grade, status, on)
        for status, on in steps[1:]:
            campaign.advance_candidate(ledger, made, status, on)
        return made

    candidate(
        "jd_t1",
        "branch",
        "provincial",
        [
            ("cultivating", date(2023, 3, 1)),
            ("applied", date(2023, 9, 1)),
            ("approved", date(2024, 1, 10)),
            ("accepted", date(2025, 6, 1)),
        ],
    )
    candidate(
        "jd",
        "college",
        "provincial",
        [("cultivating", date(2024, 3, 1)), ("approved", date(2024, 12, 1))],
    )
    candidate(
        "xx_t1",
        "branch",
        "provincial",
        [("applied", date(2024, 5, 1)), ("rejected", date(2025, 1, 15))],
    )
    candidate("xx", "college", "national", [("cultivating", date(2025, 2, 20))])
    candidate("root", "school", "school", [("cultivating", date(2022, 9, 1))])
    gone = candidate("xx", "branch", "national", [("cultivating", date(2025, 1, 1))])
    campaign.delete_record(ledger, "creation_candidates", gone)

    for title, section, lead, cooperating, deadline, status in TASKS:
        campaign.add_task(ledger, title, lead, cooperating, deadline, status, section)
    deleted = campaign.add_task(ledger, "已删除的任务", deadline=date(2020, 1, 1))
    campaign.delete_record(ledger, "tasks", deleted)
    return uid


def render(ledger: Ledger, tmp_path: Path, scope: str | None = None) -> Path:
    request = ReportRequest(year=YEAR, kind="creation", scope=scope, as_of=AS_OF, language="en")
    return build_report(ledger, request, tmp_path / "creation.pdf")


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def flat(text: str) -> str:
    return "".join(text.split())


def has(text: str, expected: str) -> bool:
    return flat(expected) in flat(text)


def has_row(text: str, *cells: str) -> bool:
    """The cells of one table row, one after another."""
    found = lines(text)
    n = len(cells)
    return any(tuple(found[i : i + n]) == cells for i in range(len(found)))


def outline_entries(path: Path) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []

    def walk(items: list[Any], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title))

    walk(PdfReader(path).outline, 0)
    return found


def test_every_target_and_achieved_figure_of_the_statistics(
    ledger: Ledger, uids: dict[str, str], tmp_path: Path
) -> None:
    text = "\n".join(page_texts(render(ledger, tmp_path)))
    rows = compute_stats(ledger, YEAR, None, AS_OF)["creation"]
    assert [(r["level"], r["grade"], r["target"], r["achieved"]) for r in rows] == [
        ("school", "school", 0, 0),
        ("college", "national", 0, 0),
        ("college", "provincial", 2, 0),
        ("branch", "national", 1, 0),
        ("branch", "provincial", 3, 1),
    ]
    shares = ["—", "—", "0.0%", "0.0%", "33.3%"]
    for row, share in zip(rows, shares, strict=True):
        assert has_row(
            text,
            CREATION_LEVELS.label(row["level"]),
            GRADES.label(row["grade"]),
            str(row["target"]),
            str(row["achieved"]),
            share,
        ), row
    assert has_row(text, "Total", "6", "1", "16.7%")
    assert has(
        text,
        "The plan sets 6 creation targets; 1 unit of 示范学院党委 has passed acceptance, "
        "16.7% of the targets.",
    )
    assert has(
        text,
        "Model branch: target 4, achieved 1 (National 0/1, Provincial 1/3).",
    )


def test_every_candidate_with_its_milestones_by_level_then_status(
    ledger: Ledger, uids: dict[str, str], tmp_path: Path
) -> None:
    text = "\n".join(page_texts(render(ledger, tmp_path)))
    squashed = flat(text)
    # Model branch: the accepted candidate before the rejected one, each with its milestones.
    accepted = squashed.index(
        flat(
            "Accepted 机电工程学院党总支/教工第一党支部 Provincial Cultivating: Mar 1, 2023 "
            "Applied: Sep 1, 2023 Approved: Jan 10, 2024 Accepted: Jun 1, 2025"
        )
    )
    rejected = squashed.index(
        flat(
            "Rejected 信息工程学院党总支/教工第一党支部 Provincial "
            "Applied: May 1, 2024 Rejected: Jan 15, 2025"
        )
    )
    cultivating = squashed.index(
        flat("Cultivating 信息工程学院党总支 National Cultivating: Feb 20, 2025")
    )
    approved = squashed.index(
        flat(
            "Approved 机电工程学院党总支 Provincial Cultivating: Mar 1, 2024 Approved: Dec 1, 2024"
        )
    )
    school = squashed.index(flat("Cultivating 示范学院党委 University Cultivating: Sep 1, 2022"))
    # Model university, then benchmark colleges (cultivating before approved), then branches.
    assert school < cultivating < approved < accepted < rejected
    assert has(
        text,
        "5 candidates of 示范学院党委 are entered in the campaign: Cultivating 2, Approved 1, "
        "Accepted 1, Rejected 1.",
    )
    assert has(text, "By status: Accepted 1, Rejected 1.")
    assert flat("Jan 1, 2025") not in squashed  # the deleted candidate


def test_a_college_lists_only_its_own_candidates(
    ledger: Ledger, uids: dict[str, str], tmp_path: Path
) -> None:
    text = "\n".join(page_texts(render(ledger, tmp_path, "机电工程学院党总支")))
    assert has(text, "机电工程学院党总支/教工第一党支部")
    assert not has(text, "信息工程学院党总支")
    assert not has(text, "示范学院党委University")
    # The targets are the ledger's, the achievements the college's.
    for row in compute_stats(ledger, YEAR, "机电工程学院党总支", AS_OF)["creation"]:
        assert has_row(
            text,
            CREATION_LEVELS.label(row["level"]),
            GRADES.label(row["grade"]),
            str(row["target"]),
            str(row["achieved"]),
        ), row
    assert has(text, "2 candidates of 机电工程学院党总支 are entered in the campaign")


def test_every_task_with_departments_deadline_and_state_the_overdue_marked(
    ledger: Ledger, uids: dict[str, str], tmp_path: Path
) -> None:
    text = "\n".join(page_texts(render(ledger, tmp_path)))
    stats = compute_stats(ledger, YEAR, None, AS_OF)["tasks"]
    assert stats == {"total": 4, "done": 1, "overdue": 1}
    assert has(
        text,
        "1 实施政治强核行动 组织部 宣传部、马克思主义学院 Jun 1, 2025 Done",
    )
    assert has(text, "2 建设样板支部 组织部 各二级学院 Mar 31, 2025 In progress (overdue)")
    assert has(text, "3 完善考核办法 组织部 — Jun 30, 2026 Not started")
    assert has(text, "Other tasks No. Task")  # the group of tasks without a section
    assert has(text, "4 总结推广经验 — — — Not started")
    assert flat(text).count("(overdue)") == stats["overdue"]
    assert "已删除的任务" not in flat(text)
    assert has(
        text,
        "The plan has 4 tasks: 1 done (25.0%), 1 in progress and 2 not started. 1 task is "
        "overdue as of Jun 30, 2025; it is marked in the table.",
    )


def test_outline_metadata_and_fonts(ledger: Ledger, uids: dict[str, str], tmp_path: Path) -> None:
    path = render(ledger, tmp_path)
    assert outline_entries(path) == [
        (0, "Targets and achievements"),
        (0, "Candidates and their milestones"),
        (1, "Model university: 1"),
        (1, "Benchmark college: 2"),
        (1, "Model branch: 2"),
        (0, "Tasks of the plan"),
        (1, "一、政治强核"),
        (1, "二、样板支部创建"),
        (1, "Other tasks"),
    ]
    reader = PdfReader(path)
    meta = reader.metadata
    assert meta is not None
    assert meta.title == TITLE
    assert meta.author == "示范学院党委"
    assert meta.subject == "Three-level creation progress"
    assert "three-level creation" in meta["/Keywords"]
    assert has(page_texts(path)[0], TITLE)
    embedded = 0
    for page in reader.pages:
        for ref in page["/Resources"].get_object().get("/Font", {}).values():
            font = ref.get_object()
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            assert "/FontDescriptor" in font, font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
            embedded += 1
    assert embedded


def test_an_empty_campaign_says_so(ledger: Ledger, tmp_path: Path) -> None:
    organizations.add_organization(ledger, name="示范学院党委", level="committee")
    text = "\n".join(page_texts(render(ledger, tmp_path)))
    assert has(text, "No creation targets or candidates are recorded.")
    assert has(text, "No organization of 示范学院党委 is a candidate.")
    assert has(text, "No tasks are recorded.")
