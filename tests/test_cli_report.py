"""``party-ledger report``: a PDF of each kind, the report's own language, and refusals (exit
status 2, a clear message, no file written)."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_stub import STUB_PAGES, make_stub, stub_title, use_stub

from desktop_app import i18n
from desktop_app.cli import main
from desktop_app.demo import build_demo
from desktop_app.domain.orgtree import load_tree
from desktop_app.reports import KINDS
from desktop_app.storage import open_ledger

YEAR = 2025
AS_OF = "2025-12-31"
COLLEGE = "建筑工程学院党总支"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    i18n.set_language("en")
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    with open_ledger(path) as ledger:
        build_demo(ledger, YEAR)
    return path


def kind_is_written(kind: str) -> bool:
    return importlib.util.find_spec(f"desktop_app.reports.{kind}") is not None


def a_branch(db: Path) -> str:
    """The path of a branch with activities in the demo year (what a branch ledger lists)."""
    with open_ledger(db, create=False) as ledger:
        tree = load_tree(ledger)
        uid = ledger.conn.execute(
            "SELECT org_uid FROM activities WHERE deleted_at IS NULL AND date LIKE ? "
            "GROUP BY org_uid ORDER BY count(*) DESC LIMIT 1",
            [f"{YEAR}-%"],
        ).fetchone()[0]
        return tree.path(uid)


def report(db: Path, out: Path, *args: str) -> int:
    return main(["--db", str(db), "report", "--year", str(YEAR), *args, "--out", str(out)])


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def text_of(reader: PdfReader, page: int) -> str:
    """A page's text with its lines joined (a long title wraps)."""
    return " ".join(reader.pages[page].extract_text().split())


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("kind", KINDS)
def test_writes_a_pdf_of_each_kind(
    kind: str, demo_file: Path, out_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not kind_is_written(kind):
        pytest.skip(f"the {kind} report is not written yet")
    out = out_dir / f"{kind}.pdf"
    scope = a_branch(demo_file) if kind == "branch" else COLLEGE
    code = report(demo_file, out, "--kind", kind, "--scope", scope, "--as-of", AS_OF)
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.out == f"The report was written to {out}.\n"
    assert captured.err == ""
    reader = PdfReader(out)
    assert len(reader.pages) >= 1
    text = "".join(page.extract_text() for page in reader.pages)
    assert scope.split("/")[-1] in text
    assert reader.metadata is not None and reader.metadata.title
    assert files_in(out_dir) == [out.name]


def test_summary_is_the_default_kind(
    demo_file: Path, out_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    built = use_stub(monkeypatch)
    out = out_dir / "report.pdf"
    assert report(demo_file, out, "--as-of", AS_OF) == 0
    assert built == ["summary"]
    reader = PdfReader(out)
    assert len(reader.pages) == STUB_PAGES
    with open_ledger(demo_file, create=False) as ledger:
        root = load_tree(ledger).root.name
    text = text_of(reader, 0)
    assert stub_title("summary", root, YEAR) in text
    assert f"as of {AS_OF}" in text


def test_scope_as_of_and_fonts_reach_the_report(
    demo_file: Path, out_dir: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[str | None, date, str, str]] = []

    def record(ctx, page):  # type: ignore[no-untyped-def]
        if page == 0:
            seen.append((ctx.request.scope, ctx.as_of, ctx.request.fonts, ctx.scope_name))

    monkeypatch.setattr("desktop_app.reports.context._builder", lambda kind: make_stub(1, record))
    out = out_dir / "college.pdf"
    code = report(demo_file, out, "--scope", COLLEGE, "--as-of", "2025-06-30", "--fonts", "windows")
    assert code == 0
    assert seen == [(COLLEGE, date(2025, 6, 30), "windows", COLLEGE)]
    assert stub_title("summary", COLLEGE, YEAR) in text_of(PdfReader(out), 0)


@pytest.mark.parametrize(
    ("argv", "interface", "report_language"),
    [
        (["--lang", "en", "report", "--lang", "zh_CN"], "en", "zh_CN"),
        (["--lang", "zh_CN", "report", "--lang", "en"], "zh_CN", "en"),
        (["--lang", "zh_CN", "report"], "zh_CN", "zh_CN"),
        (["report", "--lang", "zh_CN"], "en", "zh_CN"),  # the interface keeps $PARTY_LEDGER_LANG
    ],
)
def test_report_lang_is_the_reports_language(  # type: ignore[no-untyped-def]
    argv, interface, report_language, demo_file: Path, out_dir: Path, monkeypatch
) -> None:
    languages: list[str] = []
    monkeypatch.setattr(
        "desktop_app.reports.context._builder",
        lambda kind: make_stub(1, lambda ctx, page: languages.append(i18n.current_language())),
    )
    out = out_dir / "report.pdf"
    code = main(
        ["--db", str(demo_file), *argv, "--year", str(YEAR), "--as-of", AS_OF, "--out", str(out)]
    )
    assert code == 0
    assert languages == [report_language]
    assert i18n.current_language() == interface


def test_an_unknown_scope_is_refused_and_nothing_written(
    demo_file: Path, out_dir: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    built = use_stub(monkeypatch)
    out = out_dir / "report.pdf"
    assert report(demo_file, out, "--scope", "没有这个学院党总支") == 2
    err = capsys.readouterr().err
    assert "There is no organization “没有这个学院党总支”" in err
    assert "Traceback" not in err
    assert built == []
    assert files_in(out_dir) == []


def test_an_unknown_kind_is_refused_and_nothing_written(
    demo_file: Path, out_dir: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    out = out_dir / "report.pdf"
    assert report(demo_file, out, "--kind", "yearbook") == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: Unknown kind of report “yearbook”; choose one of ")
    for kind in KINDS:
        assert kind in err
    assert files_in(out_dir) == []


def test_an_unknown_font_choice_is_refused(demo_file: Path, out_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert report(demo_file, out_dir / "report.pdf", "--fonts", "comic") == 2
    assert "Unknown font choice “comic”" in capsys.readouterr().err
    assert files_in(out_dir) == []


def test_an_unknown_report_language_is_refused(demo_file: Path, out_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert report(demo_file, out_dir / "report.pdf", "--lang", "fr") == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err
    assert files_in(out_dir) == []


def test_year_and_out_are_required(demo_file: Path, out_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--db", str(demo_file), "report", "--out", str(out_dir / "r.pdf")]) == 2
    assert "--year" in capsys.readouterr().err
    assert main(["--db", str(demo_file), "report", "--year", str(YEAR)]) == 2
    assert "--out" in capsys.readouterr().err
    assert files_in(out_dir) == []


def test_a_missing_ledger_is_not_created(out_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = out_dir / "typo.sqlite"
    assert report(db, out_dir / "report.pdf") == 2
    assert str(db) in capsys.readouterr().err
    assert files_in(out_dir) == []


def test_a_missing_folder_is_named(demo_file: Path, out_dir: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    use_stub(monkeypatch)
    out = out_dir / "no such folder" / "report.pdf"
    assert report(demo_file, out) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and str(out.parent) in err
    assert files_in(out_dir) == []


def test_a_failing_kind_leaves_no_file_and_keeps_the_old_one(
    demo_file: Path, out_dir: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    """A bug in a kind is exit status 1 with a log, and neither a half-written PDF nor a lost
    earlier report."""
    out = out_dir / "report.pdf"
    out.write_bytes(b"%PDF-1.4 the earlier report")

    def broken(ctx, page):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("desktop_app.reports.context._builder", lambda kind: make_stub(2, broken))
    assert report(demo_file, out) == 1
    assert "internal error" in capsys.readouterr().err
    assert files_in(out_dir) == ["report.pdf"]
    assert out.read_bytes() == b"%PDF-1.4 the earlier report"


def test_the_command_is_listed(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--help"]) == 0
    assert "report" in capsys.readouterr().out
    assert main(["report", "--help"]) == 0
    help_text = capsys.readouterr().out
    for word in (*KINDS, "--as-of", "--scope", "--fonts", "--lang", "--out"):
        assert word in help_text
