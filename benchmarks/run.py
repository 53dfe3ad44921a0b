"""The performance benchmarks of 党建台账 on a whole university (docs/PERFORMANCE.md).

    python benchmarks/run.py [--runs 5] [--only start,stats,...] [--data DIR] [--json FILE]

makes the university of ``university.py`` once (its workbooks and ledgers are kept in
``benchmarks/.data``, remade when the generator changes), then runs every measurement in fresh
processes, several times, each beside its baseline taken in the same run, and prints one table:
the median of the runs, the baseline's median, the peak memory of the measured process and
whether the target is met. It exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import university  # noqa: E402  (beside this file)

PROBES = HERE / "probes.py"
MEMORY_LIMIT_MB = 400.0


@dataclass
class Data:
    folder: Path
    workbooks: dict[int, Path]
    four_years: Path  # the ledger before the last year's workbook is imported
    ledger: Path  # all five years
    import_rows: int
    activities: int


@dataclass
class Row:
    figure: str
    value: float
    unit: str  # "s" or "×"
    baseline: str
    target: str
    met: bool | None
    peak_mb: float | None = None
    runs: list[float] = field(default_factory=list)


def _fingerprint() -> str:
    return f"{university.VERSION}-{university.SEED}"


def prepare(folder: Path) -> Data:
    """The workbooks of the five years and the two ledgers, made once per generator version."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = folder / "fingerprint.json"
    workbooks = {year: folder / f"university-{year}.xlsx" for year in university.YEARS}
    four_years = folder / "four-years.sqlite"
    ledger = folder / "university.sqlite"
    known = json.loads(stamp.read_text("utf-8")) if stamp.exists() else {}
    if known.get("fingerprint") == _fingerprint() and ledger.exists() and four_years.exists():
        return Data(
            folder, workbooks, four_years, ledger, known["import_rows"], known["activities"]
        )
    for path in folder.glob("*"):
        if path.is_file():
            path.unlink()
    print("Making the university (once)…", file=sys.stderr, flush=True)
    made = university.make_university()
    rows = {}
    for year, path in workbooks.items():
        rows[year] = university.write_workbook(path, made, year, campaign=year == university.YEAR)
    from desktop_app.storage.ledger import open_ledger
    from desktop_app.workbook.importer import import_workbook

    with open_ledger(four_years) as opened:
        for year in university.YEARS[:-1]:
            print(f"  importing {workbooks[year].name}", file=sys.stderr, flush=True)
            import_workbook(opened, workbooks[year])
    shutil.copyfile(four_years, ledger)
    with open_ledger(ledger) as opened:
        import_workbook(opened, workbooks[university.YEAR])
        activities = int(
            opened.scalar("SELECT count(*) FROM activities WHERE deleted_at IS NULL")  # type: ignore[arg-type]
        )
    stamp.write_text(
        json.dumps(
            {
                "fingerprint": _fingerprint(),
                "import_rows": rows[university.YEAR],
                "activities": activities,
            }
        ),
        "utf-8",
    )
    return Data(folder, workbooks, four_years, ledger, rows[university.YEAR], activities)


def compile_package() -> None:
    """The package's bytecode, as ``pip install`` writes it (a source checkout may have none)."""
    import compileall

    import desktop_app

    compileall.compile_dir(Path(desktop_app.__file__).parent, quiet=1)


def compile_catalogs() -> None:
    """In a source checkout, the catalogs compiled beside their ``.po`` files as an installed
    package has them (the .mo files are not committed; the application uses one while it is not
    older than its .po), by the build script's own step."""
    import importlib.util

    from desktop_app.paths import catalogs_dir

    if catalogs_dir().resolve() != (HERE.parent / "i18n").resolve():  # an installed copy has them
        return
    spec = importlib.util.spec_from_file_location(
        "party_ledger_build", HERE.parent / "packaging" / "build.py"
    )
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    build.compile_catalogs(catalogs_dir())


def probe(name: str, *args: str, timed_from_spawn: bool = False, env: dict[str, str]) -> dict:
    """Run one probe in a fresh process; its JSON line."""
    command = [sys.executable, str(PROBES), name]
    if timed_from_spawn:
        command.append(repr(time.time()))
    command += list(args)
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"probe {name} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])


def repeat(runs: int, measure: Callable[[], dict]) -> tuple[float, float | None, list[dict]]:
    """The median seconds and the highest peak memory of ``runs`` measurements."""
    results = [measure() for _ in range(runs)]
    peaks = [r["peak_mb"] for r in results if r.get("peak_mb") is not None]
    return statistics.median(r["seconds"] for r in results), max(peaks, default=None), results


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def run(data: Data, runs: int, only: set[str] | None, work: Path) -> list[Row]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PARTY_LEDGER_HOME"] = str(work / "home")  # no window.ini, backups or logs of the user
    # Modules load from bytecode, as an installed package's do (pip compiles them).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PARTY_LEDGER_DB", None)
    env.pop("PARTY_LEDGER_LANG", None)
    year, as_of = str(university.YEAR), university.AS_OF.isoformat()
    db = str(data.ledger)
    rows: list[Row] = []

    def wanted(key: str) -> bool:
        return only is None or key in only

    if wanted("start"):
        bare, _, _ = repeat(runs, lambda: probe("bare_start", timed_from_spawn=True, env=env))
        # The first start after an unclean end checks the whole file; the usual start finds
        # the file as the last clean close left it.
        # A copy: the window writes its lock file, and its backup at exit, beside the ledger.
        shutil.copyfile(data.ledger, work / "window.sqlite")
        window_db = str(work / "window.sqlite")
        checked, _, _ = repeat(
            runs, lambda: probe("app_start", window_db, year, timed_from_spawn=True, env=env)
        )
        probe("clean_close", window_db, year, env=env)
        app, peak, results = repeat(
            runs, lambda: probe("app_start", window_db, year, timed_from_spawn=True, env=env)
        )
        rows.append(
            Row(
                "Cold start to the dashboard painted",
                app,
                "s",
                f"bare PySide6 window {_seconds(bare)}",
                "≤ 2× bare",
                app <= 2 * bare,
                peak,
                [r["seconds"] for r in results],
            )
        )
        rows.append(
            Row("  … as a multiple of the bare start", app / bare, "×", "", "≤ 2", app <= 2 * bare)
        )
        rows.append(
            Row(
                "  … after an unclean end (the whole file checked first)",
                checked,
                "s",
                "",
                "",
                None,
            )
        )

    if wanted("stats"):
        raw, _, _ = repeat(runs, lambda: probe("stats_raw", db, year, env=env))
        value, peak, results = repeat(runs, lambda: probe("stats", db, year, as_of, env=env))
        rows.append(
            Row(
                f"Statistics of {year}, whole university",
                value,
                "s",
                f"one SQL pass over the year {_seconds(raw)}",
                "≤ 300 ms",
                value <= 0.3,
                peak,
                [r["seconds"] for r in results],
            )
        )
        value, peak, results = repeat(
            runs,
            lambda: probe(
                "cli",
                "--db",
                db,
                "stats",
                "--year",
                year,
                "--as-of",
                as_of,
                "--json",
                timed_from_spawn=True,
                env=env,
            ),
        )
        rows.append(
            Row(
                "  `stats --json`, whole process",
                value,
                "s",
                "",
                "≤ 300 ms",
                value <= 0.3,
                peak,
                [r["seconds"] for r in results],
            )
        )

    if wanted("table"):
        raw, _, _ = repeat(runs, lambda: probe("table_raw", db, env=env))
        results = [probe("table", db, year, env=env) for _ in range(runs)]
        peak = max(r["peak_mb"] or 0 for r in results) or None
        for key, label in (
            ("filter_p50", "Activity table: filter change, p50"),
            ("filter_p95", "Activity table: filter change, p95"),
            ("search_p50", "Activity table: search keystroke, p50"),
            ("search_p95", "Activity table: search keystroke, p95"),
            ("count_p50", "  … its total shown (counted in the background), p50"),
            ("count_max", "  … its total shown, slowest"),
        ):
            value = statistics.median(r[key] for r in results)
            target = key in ("filter_p95", "search_p95")
            rows.append(
                Row(
                    label + f" ({results[0]['rows']:,} rows)",
                    value,
                    "s",
                    f"newest 200 rows in plain SQL {_seconds(raw)}" if key == "filter_p50" else "",
                    "≤ 50 ms" if target else "",
                    value <= 0.05 if target else None,
                    peak if key == "filter_p50" else None,
                    [r[key] for r in results],
                )
            )

    if wanted("pages"):
        from desktop_app.gui.pages import PAGES

        results = [probe("pages", db, year, env=env) for _ in range(runs)]
        for entry in PAGES:
            first = statistics.median(r[f"{entry.key}_first"] for r in results)
            again = statistics.median(r[f"{entry.key}_refresh"] for r in results)
            rows.append(
                Row(
                    f"Page {entry.key}: first shown"
                    + (" (with the window)" if entry.key == "dashboard" else ""),
                    first,
                    "s",
                    f"then refreshed and repainted in {_seconds(again)}",
                    "",
                    None,
                    max(r["peak_mb"] or 0 for r in results) or None,
                    [r[f"{entry.key}_first"] for r in results],
                )
            )

    if wanted("pdf"):
        out = work / "summary.pdf"
        value, peak, results = repeat(
            runs,
            lambda: probe(
                "cli",
                "--db",
                db,
                "report",
                "--year",
                year,
                "--as-of",
                as_of,
                "--kind",
                "summary",
                "--out",
                str(out),
                timed_from_spawn=True,
                env=env,
            ),
        )
        sys.path.insert(0, str(HERE))
        from probes import pdf_pages

        pages = pdf_pages(str(out))
        raw, _, _ = repeat(
            runs,
            lambda: probe(
                "pdf_raw", str(pages), str(work / "raw.pdf"), timed_from_spawn=True, env=env
            ),
        )
        met = value <= 1.5 * raw and value <= 10
        rows.append(
            Row(
                f"School summary PDF ({pages} pages), whole process",
                value,
                "s",
                f"raw ReportLab, {pages} table pages {_seconds(raw)}",
                "≤ 1.5× raw, ≤ 10 s",
                met,
                peak,
                [r["seconds"] for r in results],
            )
        )
        rows.append(
            Row(
                "  … as a multiple of raw ReportLab",
                value / raw,
                "×",
                "",
                "≤ 1.5",
                value <= 1.5 * raw,
            )
        )

    if wanted("import"):
        workbook = str(data.workbooks[university.YEAR])
        raw, _, _ = repeat(
            runs, lambda: probe("read_raw", workbook, timed_from_spawn=True, env=env)
        )
        target_db = work / "import.sqlite"

        def one_import() -> dict:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target_db}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(data.four_years, target_db)
            return probe(
                "cli", "--db", str(target_db), "import", workbook, timed_from_spawn=True, env=env
            )

        value, peak, results = repeat(runs, one_import)
        rows.append(
            Row(
                f"Import of {data.import_rows:,} rows into four years, whole process",
                value,
                "s",
                f"openpyxl reading the cells {_seconds(raw)}",
                "≤ 6 s",
                value <= 6,
                peak,
                [r["seconds"] for r in results],
            )
        )

    if wanted("export"):
        out = work / "export.xlsx"
        value, peak, results = repeat(
            runs,
            lambda: probe("cli", "--db", db, "export", str(out), timed_from_spawn=True, env=env),
        )
        raw, _, _ = repeat(
            runs,
            lambda: probe(
                "write_raw",
                str(data.activities),
                str(work / "raw.xlsx"),
                timed_from_spawn=True,
                env=env,
            ),
        )
        rows.append(
            Row(
                f"Export of the whole ledger ({data.activities:,} activities), whole process",
                value,
                "s",
                f"openpyxl writing as many rows {_seconds(raw)}",
                "",
                None,
                peak,
                [r["seconds"] for r in results],
            )
        )

    peaks = [r.peak_mb for r in rows if r.peak_mb is not None]
    if peaks:
        rows.append(
            Row(
                "Peak memory of any measured process",
                max(peaks),
                "MB",
                "",
                f"≤ {MEMORY_LIMIT_MB:.0f} MB",
                max(peaks) <= MEMORY_LIMIT_MB,
            )
        )
    return rows


def _value(row: Row) -> str:
    if row.unit == "×":
        return f"{row.value:.2f}×"
    if row.unit == "MB":
        return f"{row.value:.0f} MB"
    return _seconds(row.value)


def table(rows: list[Row]) -> str:
    header = ("figure", "median", "baseline (same run)", "peak memory", "target", "met")
    lines = [header]
    for row in rows:
        met = "" if row.met is None else ("yes" if row.met else "NO")
        peak = f"{row.peak_mb:.0f} MB" if row.peak_mb is not None else ""
        lines.append((row.figure, _value(row), row.baseline, peak, row.target, met))
    widths = [max(len(line[n]) for line in lines) for n in range(len(header))]
    out = []
    for number, line in enumerate(lines):
        out.append("| " + " | ".join(cell.ljust(widths[n]) for n, cell in enumerate(line)) + " |")
        if number == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="measurements of each figure")
    parser.add_argument(
        "--only", help="comma-separated: start, stats, table, pages, pdf, import, export"
    )
    parser.add_argument(
        "--data", type=Path, default=HERE / ".data", help="where the university is kept"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    data = prepare(args.data)
    compile_package()
    compile_catalogs()
    with tempfile.TemporaryDirectory(prefix="party-ledger-bench-") as folder:
        rows = run(data, max(args.runs, 1), only, Path(folder))
    print(
        f"{data.activities:,} activities in {len(university.YEARS)} years; "
        f"median of {args.runs} runs; {os.cpu_count()} CPUs; Python {sys.version.split()[0]}"
    )
    print(table(rows))
    if args.json:
        args.json.write_text(
            json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=1), "utf-8"
        )
    return 0 if all(r.met is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
