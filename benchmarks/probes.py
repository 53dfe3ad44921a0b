"""One measurement per process: ``python benchmarks/probes.py NAME ARGS...`` does one thing and
prints one JSON line: the seconds it took, the process's peak memory (MB) and whatever else the
measurement reports. The runner (``run.py``) starts each probe afresh, several times.

A probe that times a whole process takes the runner's clock reading at spawn (``--since``,
``time.time()``) so the figure includes the interpreter's start and every import.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def peak_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows: no getrusage
        return None
    kilobytes = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kilobytes / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def report(seconds: float, **extra: Any) -> None:
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb(), **extra}), flush=True)


# ---- start-up ----------------------------------------------------------------------------


def _quit_on_first_paint(widget: Any, since: float) -> None:
    """When ``widget`` or anything inside it has painted, print the time since ``since`` and
    leave at once (the exit's own work, such as the window's backup, is not start-up)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    class Painted(QObject):
        done = False

        def eventFilter(self, watched: Any, event: Any) -> bool:
            if (
                not self.done
                and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and (watched is widget or widget.isAncestorOf(watched))
            ):
                self.done = True
                # Let this paint finish, then report from the event loop.
                QTimer.singleShot(0, lambda: (report(time.time() - since), os._exit(0)))
            return False

    watcher = Painted()
    QApplication.instance().installEventFilter(watcher)
    widget.setProperty("_benchmark_watcher", watcher)  # kept alive with the widget
    _watchers.append(watcher)


_watchers: list[Any] = []


def bare_start(since: float) -> None:
    """The baseline: PySide6 alone, a QMainWindow with a label, shown and painted."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    label = QLabel("党建台账", window)
    window.setCentralWidget(label)
    window.resize(1280, 800)
    _quit_on_first_paint(label, since)
    window.show()
    app.exec()


def app_start(since: float, db: str, year: str) -> None:
    """``party-ledger gui`` on the ledger, until the dashboard has painted its figures. Nothing
    of the application is imported before its command line runs (the watch on the window is
    set when the module that defines it is first imported, as the command imports it)."""
    import importlib.machinery

    target = "desktop_app.gui.mainwindow"

    class Watch:  # a finder on sys.meta_path
        def find_spec(self, name: str, path: Any, module: Any = None) -> Any:
            if name != target:
                return None
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            if spec is None or spec.loader is None:
                return spec
            execute = spec.loader.exec_module

            def exec_module(module: Any) -> None:
                execute(module)
                shown = module.MainWindow.show

                def show_and_watch(window: Any) -> None:
                    _quit_on_first_paint(window.pages["dashboard"], since)
                    shown(window)

                module.MainWindow.show = show_and_watch

            spec.loader.exec_module = exec_module  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, Watch())
    from desktop_app.cli import main

    sys.exit(main(["--db", db, "gui", "--year", year]))


def clean_close(db: str, year: str) -> None:
    """Open the window on the ledger and close it at once, as a secretary's day ends: the
    ledger is checked (it has not been closed cleanly before), backed up at exit, and its
    state after a clean close is remembered, so the next start needs no check."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.gui import app

    qt = app.make_application()

    class Closing:  # the event loop, ended at once as if the window were closed
        def exec(self) -> int:
            for window in windows:
                window.close()
            return 0

    windows: list[Any] = []
    started = time.perf_counter()
    code = app._open_window(Closing(), Path(db), None, int(year), windows)  # type: ignore[arg-type]
    del qt
    if code:
        raise SystemExit(f"the window could not open {db}")
    report(time.perf_counter() - started)


# ---- the statistics -----------------------------------------------------------------------


def stats(db: str, year: str, as_of: str) -> None:
    """``compute_stats`` for the whole university, in a process that has just opened the
    ledger (the operating system's file cache is warm, SQLite's is not)."""
    from datetime import date

    from desktop_app.stats import compute_stats
    from desktop_app.storage.ledger import open_ledger

    ledger = open_ledger(db, create=False)
    started = time.perf_counter()
    figures = compute_stats(ledger, int(year), as_of=date.fromisoformat(as_of))
    report(time.perf_counter() - started, activities=figures["activities"]["total"])


def stats_raw(db: str, year: str) -> None:
    """The baseline: one plain SQL pass summing the year's activities."""
    import sqlite3

    conn = sqlite3.connect(db)
    started = time.perf_counter()
    row = conn.execute(
        "SELECT count(*), sum(expected), sum(actual) FROM activities "
        "WHERE deleted_at IS NULL AND date BETWEEN ? AND ?",
        (f"{year}-01-01", f"{year}-12-31"),
    ).fetchone()
    report(time.perf_counter() - started, activities=row[0])


def cli(since: float, *argv: str) -> None:
    """A whole ``party-ledger`` command, from the spawn of the process to its end."""
    from desktop_app.cli import main

    with open(os.devnull, "w", encoding="utf-8") as sink:
        stdout = sys.stdout
        sys.stdout = sink
        try:
            code = main(list(argv))
        finally:
            sys.stdout = stdout
    if code:
        raise SystemExit(f"party-ledger {' '.join(argv)} exited with {code}")
    report(time.time() - since)


# ---- the activity table --------------------------------------------------------------------


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def table(db: str, year: str) -> None:
    """The activity table over every row of the ledger: a filter change, and each keystroke of
    searches typed a character at a time, from the model being told to the first rows being
    there to show. Reports p50 and p95 of each kind, in seconds."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop_app.activity_query import ActivityFilter
    from desktop_app.domain.orgtree import load_tree
    from desktop_app.gui.activity_model import ActivityTableModel
    from desktop_app.storage.ledger import open_ledger

    app = QApplication([])
    ledger = open_ledger(db, create=False)
    model = ActivityTableModel(ledger)
    model.reload()  # what the page does when it is first shown
    tree = load_tree(ledger)
    colleges = [o.uid for o in tree.by_uid.values() if o.level == "college"]
    branches = [o.uid for o in tree.by_uid.values() if o.level == "branch"]
    y = int(year)
    filters = [
        ActivityFilter(year=y),
        ActivityFilter(year=y, month=3),
        ActivityFilter(year=y, month=11),
        ActivityFilter(year=y - 2),
        ActivityFilter(),
        ActivityFilter(org_uid=colleges[7]),
        ActivityFilter(org_uid=colleges[41], year=y),
        ActivityFilter(org_uid=branches[500]),
        ActivityFilter(type="party_lecture"),
        ActivityFilter(type="theme_day", year=y),
        ActivityFilter(type="theme_day", category="volunteer"),
        ActivityFilter(category="co_building", year=y - 1),
        ActivityFilter(dimension="culture"),
        ActivityFilter(dimension="aid", year=y),
        ActivityFilter(featured=True),
        ActivityFilter(featured=True, year=y),
        ActivityFilter(type="life_meeting", org_uid=colleges[3]),
        ActivityFilter(type="member_review"),
        ActivityFilter(year=y, month=6, type="committee_meeting"),
        ActivityFilter(),
    ]
    # Words of the ledger's themes, summaries and places, and two that are nowhere in it.
    words = ["党史学习", "志愿服务", "重温入党誓词", "红色教育基地", "A201", "乡村振兴", "量子计算"]
    filter_times = []
    for flt in filters:
        started = time.perf_counter()
        model.set_filter(flt)
        app.processEvents()
        filter_times.append(time.perf_counter() - started)
    search_times = []
    for word in words:
        for end in range(1, len(word) + 1):
            started = time.perf_counter()
            model.set_filter(ActivityFilter(text=word[:end]))
            app.processEvents()
            search_times.append(time.perf_counter() - started)
    # The total under the filter is counted in the background after a short pause; how long
    # until the table's label shows it (the rows are there long before).
    count_times = []
    for flt in [
        ActivityFilter(),
        ActivityFilter(year=y),
        ActivityFilter(type="party_lecture"),
        ActivityFilter(dimension="culture"),
        ActivityFilter(text="志愿服务"),
        ActivityFilter(text="党史"),
        ActivityFilter(text="A201", year=y - 1),
        ActivityFilter(org_uid=colleges[12]),
    ]:
        started = time.perf_counter()
        model.set_filter(flt)
        while model.counting():
            app.processEvents()
            time.sleep(0.001)
        count_times.append(time.perf_counter() - started)
    report(
        _percentile(filter_times + search_times, 0.95),
        count_p50=_percentile(count_times, 0.5),
        count_max=max(count_times),
        rows=ledger.scalar("SELECT count(*) FROM activities WHERE deleted_at IS NULL"),
        filter_p50=_percentile(filter_times, 0.5),
        filter_p95=_percentile(filter_times, 0.95),
        search_p50=_percentile(search_times, 0.5),
        search_p95=_percentile(search_times, 0.95),
        changes=len(filter_times),
        keystrokes=len(search_times),
    )


def pages(db: str, year: str) -> None:
    """Every page of the window on the ledger: the first time it is shown (its module imported,
    the page built and filled) and then a refresh with its repaint (the best of three), each
    in seconds."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop_app.gui.app import make_application

    app = make_application([])
    from desktop_app.gui.mainwindow import MainWindow
    from desktop_app.gui.pages import PAGES
    from desktop_app.gui.settings import user_settings
    from desktop_app.storage.ledger import open_ledger

    ledger = open_ledger(db, create=False)
    window = MainWindow(ledger, settings=user_settings(), year=int(year))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    figures: dict[str, float] = {}
    for entry in PAGES:
        started = time.perf_counter()
        window.navigate(entry.key)
        app.processEvents()
        figures[f"{entry.key}_first"] = time.perf_counter() - started
        page = window.pages[entry.key]
        times = []
        for _ in range(3):
            started = time.perf_counter()
            page.refresh()
            app.processEvents()
            times.append(time.perf_counter() - started)
        figures[f"{entry.key}_refresh"] = min(times)
    report(max(figures.values()), **figures)


def table_raw(db: str) -> None:
    """The baseline: the newest 200 rows read with plain SQL, twenty times."""
    import sqlite3

    conn = sqlite3.connect(db)
    times = []
    for _ in range(20):
        started = time.perf_counter()
        conn.execute(
            "SELECT * FROM activities WHERE deleted_at IS NULL ORDER BY date DESC LIMIT 200"
        ).fetchall()
        times.append(time.perf_counter() - started)
    report(_percentile(times, 0.95))


# ---- the PDF ------------------------------------------------------------------------------


def pdf_raw(since: float, pages: str, out: str) -> None:
    """The baseline: ReportLab alone, setting ``pages`` pages of dense tables (a header row and
    fifty rows of seven Chinese cells) in the report's font, embedded."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

    from desktop_app.paths import resource

    pdfmetrics.registerFont(TTFont("Body", str(resource("fonts", "WenQuanYiMicroHei.ttf"))))
    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), "Body", 9),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
        ]
    )
    header = ["序号", "党支部", "类型", "日期", "主题", "应到", "实到"]
    story: list[Any] = []
    for page in range(int(pages)):
        rows = [header] + [
            [
                str(page * 50 + n + 1),
                f"机械工程学院党委/教工第{n % 9 + 1}党支部",
                "主题党日",
                f"2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
                "学习贯彻党的二十大精神",
                str(20 + n % 7),
                str(18 + n % 5),
            ]
            for n in range(45)
        ]
        story.append(Table(rows, style=style, repeatRows=1))
        story.append(PageBreak())
    SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm).build(story)
    report(time.time() - since)


def pdf_pages(path: str) -> int:
    from pypdfium2 import PdfDocument

    document = PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


# ---- the workbook -------------------------------------------------------------------------


def read_raw(since: float, workbook: str) -> None:
    """The baseline of an import: openpyxl reading every cell of the workbook, read-only."""
    from openpyxl import load_workbook

    book = load_workbook(workbook, read_only=True, data_only=True)
    rows = sum(1 for sheet in book.worksheets for _ in sheet.iter_rows(values_only=True))
    book.close()
    report(time.time() - since, rows=rows)


def write_raw(since: float, rows: str, out: str) -> None:
    """The baseline of an export: openpyxl writing ``rows`` rows of twelve cells, write-only."""
    from datetime import date

    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("活动")
    for n in range(int(rows)):
        sheet.append(
            [
                "机械工程学院党委/教工第一党支部",
                "主题党日",
                date(2025, n % 12 + 1, n % 28 + 1),
                "学习贯彻党的二十大精神",
                "理论学习",
                "党员活动室",
                20,
                18,
                "课程、文化",
                None,
                "支部书记传达了上级党委的有关文件精神，全体党员结合本职工作开展了交流发言。",
                n,
            ]
        )
    book.save(out)
    report(time.time() - since)


PROBES = {
    "bare_start": bare_start,
    "app_start": app_start,
    "clean_close": clean_close,
    "stats": stats,
    "stats_raw": stats_raw,
    "cli": cli,
    "table": table,
    "table_raw": table_raw,
    "pages": pages,
    "pdf_raw": pdf_raw,
    "read_raw": read_raw,
    "write_raw": write_raw,
}


def main(argv: list[str]) -> None:
    name, *args = argv
    probe = PROBES[name]
    if name in TIMED_FROM_SPAWN:
        probe(float(args[0]), *args[1:])
    else:
        probe(*args)


# Probes whose first argument is the runner's clock at spawn.
TIMED_FROM_SPAWN = {"bare_start", "app_start", "cli", "pdf_raw", "read_raw", "write_raw"}

if __name__ == "__main__":
    main(sys.argv[1:])
