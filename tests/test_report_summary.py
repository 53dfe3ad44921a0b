"""The annual summary (年度党建工作总结): the PDF's text carries every figure of
``party-ledger stats --json`` for the same arguments, in English and in Chinese, on ledgers the
product has never seen (the seeded workbooks of the statistics reference test) and on the
demonstration; its fonts are embedded, it has an outline and metadata; the overdue tasks and
the featured cases are listed; a college's summary stays in the college; an empty ledger says
there is nothing yet; a ledger of 1,000 branches lays out with nothing off the page."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from contract_workbooks import AS_OF, generate
from pypdf import PdfReader
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from desktop_app.cli import main
from desktop_app.demo import build_demo
from desktop_app.domain.enums import (
    ACTIVITY_TYPES,
    BRANCH_TYPES,
    CREATION_LEVELS,
    DIMENSIONS,
    GRADES,
    THEME_CATEGORIES,
)
from desktop_app.domain.orgtree import load_tree
from desktop_app.errors import RefusedError
from desktop_app.i18n import _, join_list, language
from desktop_app.reports import ReportContext, ReportRequest, build_report
from desktop_app.reports import summary as summary_report
from desktop_app.reports.common import count, long_date, month_name
from desktop_app.reports.fonts import report_fonts
from desktop_app.reports.layout import TEXT_HEIGHT, TEXT_WIDTH, make_styles
from desktop_app.reports.summary import KEY_FIGURES, SECTIONS, figure_text, summary_title
from desktop_app.reports.summary_sections import stars_label
from desktop_app.stats import MONTHS, activities_by_month, compute_stats
from desktop_app.storage import Ledger, open_ledger
from desktop_app.storage.records import insert_many

YEAR = 2025
DEMO_AS_OF = date(2025, 12, 31)
LANGUAGES = ("en", "zh_CN")


# ---- running the product ------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert code == 0, f"party-ledger {' '.join(argv)} exited {code}:\n{captured.err}"
    return captured.out


def stats_json(
    capsys: pytest.CaptureFixture[str], db: Path, scope: str | None, as_of: date
) -> dict[str, Any]:
    argv = ["--db", str(db), "stats", "--year", str(YEAR), "--as-of", as_of.isoformat()]
    if scope is not None:
        argv += ["--scope", scope]
    return json.loads(run(capsys, *argv, "--json"))  # type: ignore[no-any-return]


def render(
    db: Path, out: Path, *, scope: str | None = None, as_of: date, lang: str = "en"
) -> PdfReader:
    with open_ledger(db, create=False) as ledger:
        build_report(
            ledger,
            ReportRequest(YEAR, "summary", scope=scope, as_of=as_of, language=lang),
            out,
        )
    return PdfReader(out)


def compact(text: str) -> str:
    """Text without white space: extraction breaks lines wherever the PDF wraps them."""
    return re.sub(r"\s+", "", text)


def pdf_text(reader: PdfReader) -> str:
    return compact("".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    with open_ledger(path) as ledger:
        build_demo(ledger, YEAR, DEMO_AS_OF)
    return path


def imported_db(capsys: pytest.CaptureFixture[str], tmp_path: Path, seed: int) -> tuple[Path, Any]:
    """A ledger made by importing a seeded random workbook of the contract."""
    book = generate(seed, tmp_path / f"book-{seed}.xlsx")
    db = tmp_path / f"ledger-{seed}.sqlite"
    run(capsys, "--db", str(db), "import", str(book.path))
    return db, book


# ---- what the text must carry for every figure --------------------------------------------


def leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every number and text of the statistics JSON."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from leaves(item, (*path, i))
    else:
        yield path


def expected_text(stats: dict[str, Any]) -> tuple[dict[tuple[Any, ...], str], list[list[str]]]:
    """For every leaf of ``stats``, the text the PDF must carry for it (a label beside its
    figure, a table row, a path — or the line saying a section has no records), in the
    language in force; and the texts that must appear in this order: each table's caption,
    its rows and its total."""
    year = stats["year"]
    found: dict[tuple[Any, ...], str] = {
        ("year",): str(year),
        ("scope",): stats["scope"],
        ("as_of",): long_date(date.fromisoformat(stats["as_of"])),
    }
    ordered: list[list[str]] = []

    def table(
        caption: str, rows: list[tuple[list[tuple[Any, ...]], str]], total: str | None = None
    ) -> None:
        """A table: its caption, then each row's text for the leaves it carries."""
        for paths, text in rows:
            for path in paths:
                found[path] = text
        ordered.append([caption, *(text for _paths, text in rows), *([total] if total else [])])

    def counted(
        caption: str, path: tuple[str, ...], enumeration: Any, counts: dict[str, int], total: int
    ) -> None:
        rows = [([(*path, c)], enumeration.label(c) + count(n)) for c, n in counts.items()]
        table(caption, rows, _("Total") + count(total) if total >= 0 else None)

    table(
        _("Key figures of {year}").format(year=year),
        [
            ([(part, key)], _(label) + figure_text(stats[part][key]))
            for (part, key), label in KEY_FIGURES
        ],
    )
    orgs, acts = stats["organizations"], stats["activities"]
    counted(
        _("Party branches by type"),
        ("organizations", "branches_by_type"),
        BRANCH_TYPES,
        orgs["branches_by_type"],
        orgs["branches"],
    )
    if acts["total"]:
        counted(
            _("Activities of organizational life by type"),
            ("activities", "by_type"),
            ACTIVITY_TYPES,
            acts["by_type"],
            acts["total"],
        )
        counted(
            _("Activities by dimension of education"),
            ("activities", "by_dimension"),
            DIMENSIONS,
            acts["by_dimension"],
            -1,  # an activity may serve several dimensions: no total
        )
    else:
        none = _("No activity of organizational life has been recorded for {year} yet.")
        for key in ("by_type", "by_dimension"):
            for code in acts[key]:
                found[("activities", key, code)] = none.format(year=year)
    counted(
        _("Theme party days by category"),
        ("activities", "theme_day_by_category"),
        THEME_CATEGORIES,
        acts["theme_day_by_category"],
        acts["by_type"]["theme_day"],
    )
    missing = stats["compliance"]["branches_missing"]
    rows = []
    for i, item in enumerate(missing):
        months = item["missing_months"]
        text = item["branch"] + count(len(months)) + join_list(month_name(m) for m in months)
        paths = [("compliance", "branches_missing", i, "branch")]
        paths += [
            ("compliance", "branches_missing", i, "missing_months", j) for j in range(len(months))
        ]
        rows.append((paths, str(i + 1) + text))
    if rows:
        table(_("Branches and the months without a theme party day"), rows)
    ratings = stats["ratings"]
    if ratings["rated"]:
        table(
            _("Organizations by star rating"),
            [
                (
                    [("ratings", "by_stars", str(s))],
                    stars_label(s) + count(ratings["by_stars"][str(s)]),
                )
                for s in (5, 4, 3, 2, 1)
            ],
            _("Total rated") + count(ratings["rated"]),
        )
    else:
        for stars in ratings["by_stars"]:
            found[("ratings", "by_stars", stars)] = _(
                "No star ratings have been recorded for {year} yet."
            ).format(year=year)
    rows = []
    for i, row in enumerate(stats["creation"]):
        text = (
            CREATION_LEVELS.label(row["level"])
            + GRADES.label(row["grade"])
            + count(row["target"])
            + count(row["achieved"])
        )
        rows.append(([("creation", i, key) for key in row], text))
    if rows:
        table(_("Creation targets and units accepted"), rows)
    for key, caption in (
        ("expired", _("Organizations whose term has expired")),
        ("expiring_soon", _("Organizations whose term ends soon")),
    ):
        rows = [([("terms", key, i)], str(i + 1) + p) for i, p in enumerate(stats["terms"][key])]
        if rows:
            table(caption, rows)
    return found, ordered


def missing_from(text: str, stats: dict[str, Any]) -> list[str]:
    """Each figure of ``stats`` the text lacks, and each table whose rows are out of order."""
    found, ordered = expected_text(stats)
    problems = [f"no text for {path}" for path in leaves(stats) if path not in found]
    problems += [
        f"{path}: {fragment}" for path, fragment in found.items() if compact(fragment) not in text
    ]
    for group in ordered:
        position = 0
        for fragment in map(compact, group):
            at = text.find(fragment, position)
            if at < 0:
                problems.append(f"out of order: {fragment}")
                break
            position = at + len(fragment)
    return problems


def month_rows(ledger: Ledger, scope_uid: str | None, stats: dict[str, Any]) -> list[str]:
    """The rows of the month-by-type table: each month, then the totals."""
    by_month = activities_by_month(ledger, YEAR, scope_uid)
    codes = [c for c in ACTIVITY_TYPES.codes if any(by_month[c])]
    rows = []
    for m in range(MONTHS):
        values = [by_month[c][m] for c in codes]
        rows.append(month_name(m + 1) + "".join(map(count, values)) + count(sum(values)))
    totals = "".join(count(stats["activities"]["by_type"][c]) for c in codes)
    rows.append(_("Total") + totals + count(stats["activities"]["total"]))
    return rows


# ---- every figure -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_demo_summary_carries_every_figure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_db: Path, lang: str
) -> None:
    stats = stats_json(capsys, demo_db, None, DEMO_AS_OF)
    reader = render(demo_db, tmp_path / "summary.pdf", as_of=DEMO_AS_OF, lang=lang)
    text = pdf_text(reader)
    with language(lang):
        assert missing_from(text, stats) == []
        with open_ledger(demo_db, create=False) as ledger:
            assert all(compact(row) in text for row in month_rows(ledger, None, stats))
    # The demonstration's figures, written out: the prose and the tables carry them.
    assert stats["activities"]["total"] == 1329
    assert "1,329" in text
    assert "94.2%" in text  # attendance_rate 0.9416
    assert "96.1%" in text  # theme_day_rate 0.9605, halves rounded up


@pytest.mark.parametrize(
    ("seed", "lang", "inner"),
    [(3, "en", False), (4, "zh_CN", True), (11, "zh_CN", False), (12, "en", True)],
)
def test_a_ledger_never_seen_carries_every_figure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed: int, lang: str, inner: bool
) -> None:
    db, book = imported_db(capsys, tmp_path, seed)
    as_of = book.inner_as_of if inner else AS_OF
    stats = stats_json(capsys, db, None, as_of)
    assert stats["activities"]["total"] > 0
    text = pdf_text(render(db, tmp_path / "summary.pdf", as_of=as_of, lang=lang))
    with language(lang):
        assert missing_from(text, stats) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_college_summary_carries_its_figures_and_stays_in_the_college(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, lang: str
) -> None:
    db, book = imported_db(capsys, tmp_path, 7)
    college = book.colleges[0]
    stats = stats_json(capsys, db, college, AS_OF)
    reader = render(db, tmp_path / "college.pdf", scope=college, as_of=AS_OF, lang=lang)
    text = pdf_text(reader)
    with language(lang):
        assert missing_from(text, stats) == []
        with open_ledger(db, create=False) as ledger:
            tree = load_tree(ledger)
            scope = tree.resolve(college)
            assert all(compact(row) in text for row in month_rows(ledger, scope.uid, stats))
            others = [o.name for o in tree if o.level == "college" and o.uid != scope.uid]
            assert reader.metadata.title == summary_title(scope.name, YEAR)
    assert others
    assert not [name for name in others if name in text]


# ---- the document: fonts, outline, metadata ----------------------------------------------


def fonts_of(reader: PdfReader) -> dict[str, Any]:
    fonts: dict[str, Any] = {}

    def collect(resources: Any) -> None:
        resources = resources.get_object() if resources is not None else {}
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
        for xobject in resources.get("/XObject", {}).values():
            xobject = xobject.get_object()
            if "/Resources" in xobject:
                collect(xobject["/Resources"])

    for page in reader.pages:
        collect(page.get("/Resources"))
    return fonts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_font_is_an_embedded_subset(tmp_path: Path, demo_db: Path, lang: str) -> None:
    fonts = fonts_of(render(demo_db, tmp_path / "summary.pdf", as_of=DEMO_AS_OF, lang=lang))
    assert fonts
    for name, font in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+\S+", name), f"{name} is not a subset"
        if "/DescendantFonts" in font:
            font = font["/DescendantFonts"][0].get_object()
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{name} is not embedded"


def outline_titles(entries: list[Any]) -> list[Any]:
    return [outline_titles(e) if isinstance(e, list) else e.title for e in entries]


def test_the_outline_has_an_entry_per_section(tmp_path: Path, demo_db: Path) -> None:
    reader = render(demo_db, tmp_path / "summary.pdf", as_of=DEMO_AS_OF)
    assert outline_titles(reader.outline) == [
        "1. Party organizations and members",
        "2. Organizational life",
        [
            "2.1 Activities by type",
            "2.2 Activities by month",
            "2.3 The ten dimensions of education",
        ],
        "3. Theme party days",
        ["3.1 Theme party days by category", "3.2 Branches that missed theme party days"],
        "4. Star ratings",
        "5. The three-level creation campaign",
        "6. Tasks of the plan",
        "7. Committee terms",
        "8. Featured cases",
    ]
    assert len(SECTIONS) == 8


def test_the_chinese_outline_numbers_sections_as_official_documents(
    tmp_path: Path, demo_db: Path
) -> None:
    reader = render(demo_db, tmp_path / "summary.pdf", as_of=DEMO_AS_OF, lang="zh_CN")
    titles = outline_titles(reader.outline)
    top = [t for t in titles if isinstance(t, str)]
    assert [t.split("、")[0] for t in top] == list("一二三四五六七八")
    assert [t[:3] for t in titles[2]] == ["（一）", "（二）", "（三）"]


def test_metadata_names_the_document_and_the_issuing_committee(
    tmp_path: Path, demo_db: Path
) -> None:
    reader = render(demo_db, tmp_path / "summary.pdf", as_of=DEMO_AS_OF)
    meta = reader.metadata
    assert meta.title == "中共示范职业技术学院委员会 annual summary of party work for 2025"
    assert meta.author == "中共示范职业技术学院委员会"
    assert meta.subject == ("Annual summary of party work of 中共示范职业技术学院委员会 for 2025")
    keywords = meta["/Keywords"]
    assert "2025" in keywords and "annual summary of party work" in keywords
    # The title, and the as-of date under it, open the first page.
    first = compact(reader.pages[0].extract_text())
    assert compact(meta.title) in first
    assert compact("Dec 31, 2025") in first


# ---- the lists: overdue tasks and featured cases ------------------------------------------


def test_every_overdue_task_is_listed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_db: Path
) -> None:
    stats = stats_json(capsys, demo_db, None, DEMO_AS_OF)
    with open_ledger(demo_db, create=False) as ledger:
        overdue = ledger.query(
            "SELECT title, deadline FROM tasks WHERE deleted_at IS NULL AND status != 'done' "
            "AND deadline < ? ORDER BY deadline, title",
            [DEMO_AS_OF.isoformat()],
        )
        done = ledger.query("SELECT title FROM tasks WHERE status = 'done'")
    assert len(overdue) == stats["tasks"]["overdue"] == 7
    text = pdf_text(render(demo_db, tmp_path / "summary.pdf", as_of=DEMO_AS_OF))
    table = text[text.index(compact("Table 10 Overdue tasks")) :]
    position = 0
    for i, task in enumerate(overdue, 1):
        at = table.find(compact(f"{i}{task['title']}"), position)
        assert at >= 0, task["title"]
        deadline = long_date(date.fromisoformat(task["deadline"]))  # Jun 30, 2025
        assert compact(deadline) in table[at : at + 200]
        position = at
    assert not [t["title"] for t in done if compact(t["title"]) in table]


def test_featured_cases_come_in_date_order_with_their_summaries(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, demo_db: Path
) -> None:
    stats = stats_json(capsys, demo_db, None, DEMO_AS_OF)
    with open_ledger(demo_db, create=False) as ledger:
        cases = ledger.query(
            "SELECT date, theme, summary FROM activities WHERE featured = 1 AND deleted_at IS "
            "NULL AND date LIKE '2025-%' ORDER BY date, theme"
        )
    assert len(cases) == stats["activities"]["featured"] == 12
    text = pdf_text(render(demo_db, tmp_path / "summary.pdf", as_of=DEMO_AS_OF))
    position = text.index(compact("8. Featured cases"))
    for i, case in enumerate(cases, 1):
        day = long_date(date.fromisoformat(case["date"]))
        at = text.find(compact(f"{i}. {case['theme']}{day}"), position)
        assert at > position, case["theme"]
        assert compact(case["summary"]) in text[at : at + 600]
        position = at


# ---- edges: an empty ledger, a ledger with nothing in the year ----------------------------


def test_an_empty_ledger_gives_a_valid_pdf_saying_there_is_nothing_yet(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite"
    open_ledger(db).close()
    reader = render(db, tmp_path / "empty.pdf", as_of=DEMO_AS_OF)
    assert len(reader.pages) == 1
    text = pdf_text(reader)
    assert compact("Nothing has been recorded in this ledger yet") in text
    assert reader.metadata.author == "Party Ledger"
    assert reader.outline == []


def test_a_year_without_records_says_so_in_each_section(tmp_path: Path, demo_db: Path) -> None:
    with open_ledger(demo_db, create=False) as ledger:
        build_report(
            ledger,
            ReportRequest(2020, "summary", as_of=date(2020, 12, 31), language="en"),
            tmp_path / "2020.pdf",
        )
    reader = PdfReader(tmp_path / "2020.pdf")
    text = pdf_text(reader)
    for line in (
        "No activity of organizational life has been recorded for 2020 yet.",
        "No star ratings have been recorded for 2020 yet.",
        "No activity of 2020 has been chosen as a featured case yet.",
    ):
        assert compact(line) in text
    # Every section is still there, each with its heading in the outline.
    assert len([t for t in outline_titles(reader.outline) if isinstance(t, str)]) == 8


def small_ledger(db: Path) -> None:
    """A college with a branch of no recorded type that held one theme day of no recorded
    category in January, and a teacher branch that held none."""
    with open_ledger(db) as ledger, ledger.transaction():
        root = insert_many(
            ledger, "organizations", [{"name": "测试大学党委", "level": "committee"}]
        )
        college = insert_many(
            ledger,
            "organizations",
            [{"parent_uid": root[0], "name": "机电工程学院党总支", "level": "college"}],
        )
        first, _second = insert_many(
            ledger,
            "organizations",
            [
                {"parent_uid": college[0], "name": "第一党支部", "level": "branch"},
                {
                    "parent_uid": college[0],
                    "name": "第二党支部",
                    "level": "branch",
                    "branch_type": "teacher",
                },
            ],
        )
        insert_many(
            ledger,
            "activities",
            [{"org_uid": first, "type": "theme_day", "date": "2025-01-08", "theme": "学习"}],
        )


def test_figures_without_a_recorded_type_or_category_are_counted_apart(tmp_path: Path) -> None:
    small_ledger(tmp_path / "small.sqlite")
    reader = render(tmp_path / "small.sqlite", tmp_path / "small.pdf", as_of=date(2025, 1, 31))
    text = pdf_text(reader)
    for row in (
        "Teachers 1 Students 0",
        "Type not recorded 1 Total 2",  # the branches
        "Theme party day 1",
        "Theory study 0 Other 0 Category not recorded 1 Total 1",  # the theme days
        "1 机电工程学院党总支/第二党支部 1 Jan",  # the month it missed
    ):
        assert compact(row) in text, row
    assert compact("No star ratings have been recorded for 2025 yet.") in text
    assert compact("No tasks of the plan have been recorded yet.") in text


def test_progress_is_reported_per_section_and_cancel_writes_nothing(
    tmp_path: Path, demo_db: Path
) -> None:
    steps: list[tuple[int, int]] = []
    with open_ledger(demo_db, create=False) as ledger:
        request = ReportRequest(YEAR, "summary", as_of=DEMO_AS_OF, language="en")
        build_report(
            ledger, request, tmp_path / "a.pdf", progress=lambda d, t: steps.append((d, t))
        )
        # Percent of the work: reading the ledger section by section, then laying out pages.
        assert steps[0] == (0, 100)
        assert steps[-1] == (100, 100)
        assert all(total == 100 for _done, total in steps)
        done = [d for d, _total in steps]
        assert done == sorted(done)
        assert len(steps) > len(SECTIONS) + 1
        with pytest.raises(RefusedError):
            build_report(ledger, request, tmp_path / "b.pdf", cancel=lambda: True)
    assert not (tmp_path / "b.pdf").exists()


# ---- 1,000 branches: every row laid out, nothing off the page -----------------------------

LONG_NAME = "人工智能与大数据方向研究生联合培养第{n}党支部（含博士后流动站与校企联合实验室）"


def fill_thousand_branches(ledger: Ledger) -> None:
    """20 colleges of 50 branches, every seventh with a very long name; three activities
    each, one of them a theme day (so every branch misses eleven months); terms from 2021 to
    2023 (most have expired); 60 tasks, a third of them overdue."""
    with ledger.transaction():
        root = insert_many(
            ledger, "organizations", [{"name": "某某大学党委", "level": "committee"}]
        )[0]
        colleges = insert_many(
            ledger,
            "organizations",
            [
                {"parent_uid": root, "name": f"第{c + 1}学院党委", "level": "college"}
                for c in range(20)
            ],
        )
        branches = insert_many(
            ledger,
            "organizations",
            [
                {
                    "parent_uid": colleges[i % 20],
                    "name": LONG_NAME.format(n=i + 1) if i % 7 == 0 else f"教工第{i + 1}党支部",
                    "level": "branch",
                    "branch_type": ("teacher", "student", "mixed")[i % 3],
                    "founded_on": "2010-01-01",
                    "elected_on": f"{2021 + i % 3}-{1 + i % 9:02d}-15",
                    "members_full": 10 + i % 20,
                }
                for i in range(1000)
            ],
        )
        insert_many(
            ledger,
            "activities",
            [
                {
                    "org_uid": uid,
                    "type": kind,
                    "date": f"2025-{(i + 4 * k) % 12 + 1:02d}-10",
                    "theme": "学习贯彻党的二十届三中全会精神专题研讨",
                    "category": "study" if kind == "theme_day" else None,
                    "expected": 20,
                    "actual": 18,
                    "featured": int(i % 100 == 0 and k == 0),
                    "summary": "支部组织党员开展专题学习。" * 6,
                }
                for i, uid in enumerate(branches)
                for k, kind in enumerate(("theme_day", "committee_meeting", "party_lecture"))
            ],
        )
        insert_many(
            ledger,
            "ratings",
            [{"org_uid": u, "year": YEAR, "stars": 1 + i % 5} for i, u in enumerate(branches)],
        )
        insert_many(
            ledger,
            "tasks",
            [
                {
                    "title": f"任务{i}：推进党建工作示范高校创建的第{i}项重点工作",
                    "lead_department": "组织部",
                    "cooperating_departments": "宣传部、学工部",
                    "deadline": f"2025-{1 + i % 12:02d}-28",
                    "status": ("todo", "doing", "done")[i % 3],
                }
                for i in range(60)
            ],
        )


HANGING = "。，、；：？！）》」』”’"


def overflows(flowable: Flowable, width: float) -> list[str]:
    """What in ``flowable``, laid out ``width`` wide, would run past its right edge: a table
    or drawing wider than that, or a line of text longer than its paragraph or cell."""
    if isinstance(flowable, KeepTogether):
        return [p for f in flowable._content for p in overflows(f, width)]
    if isinstance(flowable, Table):
        flowable.wrap(width, TEXT_HEIGHT)
        problems = [] if sum(flowable._colWidths) <= width + 0.01 else ["table too wide"]
        for row in flowable._cellvalues:
            for cell, cell_width in zip(row, flowable._colWidths, strict=True):
                if isinstance(cell, Flowable):
                    problems += overflows(cell, cell_width - 12)  # the cells' padding
        return problems
    if isinstance(flowable, Paragraph):
        flowable.wrap(width, TEXT_HEIGHT * 100)
        problems = []
        for line in flowable.blPara.lines:
            if isinstance(line, tuple):
                extra, text = line[0], "".join(line[1])
            else:
                extra, text = line.extraSpace, "".join(w.text for w in line.words)
            # Chinese typesetting lets a closing mark hang past the line's end (at most one
            # character: the page's margin takes it).
            hanging = text[-1:] in HANGING and -extra <= flowable.style.fontSize
            if extra < -0.01 and not hanging:
                problems.append(f"line too long: {text}")
        return problems
    used, _height = flowable.wrap(width, TEXT_HEIGHT)
    return [f"{type(flowable).__name__} {used} wide"] if used > width + 0.01 else []


def summary_story(ledger: Ledger, lang: str) -> list[Flowable]:
    """The summary's flowables as ``build_report`` makes them, before the page breaks."""
    with language(lang), ledger.snapshot():
        fonts = report_fonts()
        context = ReportContext(
            ledger=ledger,
            request=ReportRequest(YEAR, "summary", as_of=DEMO_AS_OF, language=lang),
            as_of=DEMO_AS_OF,
            generated=datetime(2026, 1, 5, 9, 0),
            stats=compute_stats(ledger, YEAR, None, DEMO_AS_OF),
            tree=load_tree(ledger),
            scope=None,
            fonts=fonts,
            styles=make_styles(fonts),
        )
        story, _info = summary_report.build(context)
    return story


def test_a_thousand_branches_lay_out_with_nothing_off_the_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "large.sqlite"
    with open_ledger(db) as ledger:
        fill_thousand_branches(ledger)
        for lang in LANGUAGES:
            story = summary_story(ledger, lang)
            assert [p for f in story for p in overflows(f, TEXT_WIDTH)] == []
    started = time.monotonic()
    reader = render(db, tmp_path / "large.pdf", as_of=DEMO_AS_OF, lang="zh_CN")
    assert time.monotonic() - started < 30
    stats = stats_json(capsys, db, None, DEMO_AS_OF)
    assert len(stats["compliance"]["branches_missing"]) == 1000
    assert len(stats["terms"]["expired"]) > 600
    text = pdf_text(reader)
    with language("zh_CN"):
        assert missing_from(text, stats) == []
    assert len(reader.pages) > 60
    # The long table's header is repeated on the pages it runs onto.
    with language("zh_CN"):
        header = compact(_("Months without a theme party day"))
    assert sum(header in compact(p.extract_text()) for p in reader.pages) > 20
