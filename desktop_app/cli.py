"""The command line: ``party-ledger [--db PATH] [--lang CODE] COMMAND``.

Exit status: 0 on success, 2 for bad input or a refused operation (every fault on stderr),
1 for an internal error (the traceback goes to a log file, never to the screen).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.domain.dates import MAX_YEAR, MIN_YEAR, DateParseError, parse_date
from desktop_app.errors import LedgerError
from desktop_app.i18n import _, available_languages, set_language
from desktop_app.paths import default_db_path
from desktop_app.storage import Ledger, open_ledger

EXIT_OK, EXIT_BUG, EXIT_REFUSED = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad command line in the interface language, exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(_("Error: {message}").format(message=message), file=sys.stderr)
        raise SystemExit(EXIT_REFUSED)


def _date_argument(text: str) -> date:
    try:
        day = parse_date(text)
    except DateParseError:
        day = None
    if day is not None:
        return day
    raise argparse.ArgumentTypeError(
        _("“{value}” is not a date; write it as YYYY-MM-DD, e.g. 2026-01-15.").format(value=text)
    )


def _year_argument(text: str) -> int:
    if text.isdigit() and MIN_YEAR <= int(text) <= MAX_YEAR:
        return int(text)
    raise argparse.ArgumentTypeError(
        _("“{value}” is not a year; write it as four digits, e.g. 2025.").format(value=text)
    )


def _add_figure_arguments(command: argparse.ArgumentParser) -> None:
    """The year, scope and as-of date of commands that show figures (stats, report)."""
    command.add_argument("--year", type=_year_argument, required=True)
    command.add_argument(
        "--scope",
        metavar="NAME_OR_PATH",
        help=_("one organization and everything under it (default: all)"),
    )
    command.add_argument(
        "--as-of",
        type=_date_argument,
        metavar="YYYY-MM-DD",
        help=_("the day the figures are taken (default: today)"),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="party-ledger",
        description=_(
            "Party Ledger (党建台账): the yearly ledger of a university's party organizations."
        ),
    )
    parser.add_argument("--version", action="version", version=f"party-ledger {__version__}")
    # --db and --lang may stand before or after the command; after it they win.
    common = argparse.ArgumentParser(add_help=False)
    # ``report`` takes --db like every command, but its --lang is the report's language.
    db_only = argparse.ArgumentParser(add_help=False)
    for target, default in (
        (parser, None),
        (common, argparse.SUPPRESS),
        (db_only, argparse.SUPPRESS),
    ):
        target.add_argument(
            "--db",
            metavar="PATH",
            type=Path,
            default=default,
            help=_("the ledger file (default: $PARTY_LEDGER_DB, else {path})").format(
                path=default_db_path()
            ),
        )
        if target is db_only:
            continue
        target.add_argument(
            "--lang",
            metavar="CODE",
            choices=available_languages(),
            default=default,
            help=_("interface language: {codes}").format(codes=", ".join(available_languages())),
        )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def add_command(name: str, help: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help, parents=[common])

    command = add_command("gui", help=_("open the window (the default)"))
    command.add_argument(
        "--screenshot",
        metavar="DIR",
        type=Path,
        help=_("render every page of the window to DIR/<page>.png and exit"),
    )
    command.add_argument(
        "--year", type=_year_argument, help=_("the year the window shows (default: this year)")
    )

    command = add_command("import", help=_("import a workbook (.xlsx) into the ledger"))
    command.add_argument("file", metavar="FILE", type=Path)
    command.add_argument(
        "--dry-run",
        action="store_true",
        help=_("check the workbook and show what would change, change nothing"),
    )

    command = add_command("export", help=_("write the whole ledger to a workbook"))
    command.add_argument("file", metavar="FILE", type=Path)

    command = add_command(
        "export-template", help=_("write an empty workbook to fill in and import")
    )
    command.add_argument("file", metavar="FILE", type=Path)

    command = add_command("stats", help=_("the annual statistics"))
    _add_figure_arguments(command)
    command.add_argument("--json", action="store_true", help=_("print JSON"))

    command = add_command(
        "demo", help=_("fill an empty ledger with a realistic example university")
    )
    command.add_argument(
        "--year",
        type=_year_argument,
        help=_("the year of the example activities (default: last year)"),
    )

    command = add_command(
        "check", help=_("check the ledger's integrity and summarize missing meetings")
    )
    command.add_argument("--year", type=_year_argument, help=_("default: this year"))
    command.add_argument(
        "--as-of", type=_date_argument, metavar="YYYY-MM-DD", help=_("default: today")
    )

    command = commands.add_parser(
        "report",
        help=_("write a printed report (PDF) of a year"),
        parents=[db_only],
    )
    _add_figure_arguments(command)
    command.add_argument(
        "--kind",
        metavar="KIND",
        default="summary",
        help=_(
            "summary (the annual summary, the default), branch (a branch's ledger of the year) "
            "or creation (the three-level creation progress)"
        ),
    )
    command.add_argument(
        "--lang",
        metavar="CODE",
        dest="report_language",
        choices=available_languages(),
        help=_("the report's language: {codes} (default: the interface language)").format(
            codes=", ".join(available_languages())
        ),
    )
    command.add_argument(
        "--fonts",
        metavar="FONTS",
        default="bundled",
        help=_(
            "bundled (the font shipped with the program, the default) or windows (SimSun, "
            "SimHei, KaiTi and FangSong where this PC has them)"
        ),
    )
    command.add_argument(
        "--out", metavar="FILE.pdf", type=Path, required=True, help=_("the PDF file to write")
    )
    for module in _command_modules():
        module.add_commands(add_command)
    return parser


def _command_modules() -> list[Any]:
    """Commands kept in modules of their own (packages, backups)."""
    from desktop_app import cli_backup, cli_package

    return [cli_backup, cli_package]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _configure_streams()
    try:
        set_language(_peek_language(argv))
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exit_:
            return int(exit_.code or 0)
        return _run(args)
    except LedgerError as error:
        print(_("Error: {message}").format(message=error.message), file=sys.stderr)
        for fault in error.faults:
            if str(fault) != error.message:
                print(f"  {fault}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:  # output piped into a program that stopped reading (| head)
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print(_("Stopped; nothing was changed by the interrupted step."), file=sys.stderr)
        return EXIT_REFUSED
    except Exception as exc:  # the crash path: a bug, not the user's mistake
        from desktop_app.crashlog import write_crash_log

        log = write_crash_log(exc)
        print(
            _(
                "Party Ledger met an internal error and stopped; your ledger was not "
                "changed by the failed step."
            ),
            file=sys.stderr,
        )
        if log:
            print(
                _(
                    "Details were written to {path}; please send that file to your support contact."
                ).format(path=log),
                file=sys.stderr,
            )
        return EXIT_BUG


def _configure_streams() -> None:
    """Print Chinese on any console, and write UTF-8 into files and pipes (on Windows,
    ``stats --json > figures.json`` would otherwise be written in the legacy code page)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        with contextlib.suppress(OSError, ValueError):
            if stream.isatty():
                reconfigure(errors="replace")
            else:
                reconfigure(encoding="utf-8", errors="replace")


def _peek_language(argv: list[str]) -> str | None:
    """``--lang`` is needed before the parser is built, so its help is translated too. After
    the ``report`` command, ``--lang`` is the report's language, not the interface's."""
    for index, arg in enumerate(argv):
        if arg == "report" and (index == 0 or argv[index - 1] != "--db"):
            return None
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _open(args: argparse.Namespace, *, create: bool = False) -> Ledger:
    """The ledger of ``--db`` (or the default); only commands that fill a ledger create one."""
    return open_ledger(args.db or default_db_path(), create=create)


def _run(args: argparse.Namespace) -> int:
    handlers: dict[str | None, Callable[[argparse.Namespace], int]] = {
        None: _gui,
        "gui": _gui,
        "import": _import,
        "export": _export,
        "export-template": _export_template,
        "stats": _stats,
        "demo": _demo,
        "check": _check,
        "report": _report,
    }
    for module in _command_modules():
        handlers.update(module.HANDLERS)
    return handlers[args.command](args)


def _gui(args: argparse.Namespace) -> int:
    from desktop_app.gui.app import run

    db_path = args.db or default_db_path()
    year = getattr(args, "year", None)

    screenshot = getattr(args, "screenshot", None)
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return run(db_path, screenshot, year, getattr(args, "lang", None))


def _import(args: argparse.Namespace) -> int:
    from desktop_app.workbook.importer import import_workbook, preview_workbook
    from desktop_app.workbook.report_text import format_import_report

    if not args.dry_run:
        with _open(args, create=True) as ledger:
            report = import_workbook(ledger, args.file)
    elif Path(args.db or default_db_path()).exists():
        with _open(args) as ledger:
            report = preview_workbook(ledger, args.file)
    else:
        # Checking a workbook before the first import: against an empty ledger that is thrown
        # away, so no ledger file appears where there was none.
        with (
            tempfile.TemporaryDirectory() as folder,
            open_ledger(Path(folder) / "preview.sqlite") as ledger,
        ):
            report = preview_workbook(ledger, args.file)
    print(format_import_report(report, dry_run=args.dry_run))
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from desktop_app.workbook.exporter import export_workbook

    with _open(args) as ledger:
        export_workbook(ledger, args.file)
    print(_("The ledger was written to {path}.").format(path=args.file))
    return EXIT_OK


def _export_template(args: argparse.Namespace) -> int:
    from desktop_app.workbook.exporter import export_template

    export_template(args.file)
    print(_("An empty workbook to fill in was written to {path}.").format(path=args.file))
    return EXIT_OK


def _stats(args: argparse.Namespace) -> int:
    from desktop_app.stats import compute_stats

    with _open(args) as ledger:
        stats = compute_stats(ledger, args.year, args.scope, args.as_of)
    if args.json:
        from desktop_app.stats_json import stats_json

        print(stats_json(stats), end="")
    else:
        from desktop_app.stats_text import format_stats

        print(format_stats(stats))
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from desktop_app.demo import build_demo

    year = args.year or date.today().year - 1
    with _open(args, create=True) as ledger:
        summary = build_demo(ledger, year)
        path = ledger.path
    print(
        _(
            "An example university for {year} was written to {path}: {organizations} "
            "organizations, {activities} activities, {ratings} star ratings, {candidates} "
            "candidates, {tasks} tasks."
        ).format(
            year=year,
            path=path,
            organizations=summary.organizations,
            activities=summary.activities,
            ratings=summary.ratings,
            candidates=summary.candidates,
            tasks=summary.tasks,
        )
    )
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from desktop_app.checks import format_check, run_check

    today = args.as_of or date.today()
    with _open(args) as ledger:
        result = run_check(ledger, args.year or today.year, today)
    print(format_check(result))
    return EXIT_OK if result.healthy else EXIT_REFUSED


def _report(args: argparse.Namespace) -> int:
    from desktop_app.reports import ReportRequest, build_report

    request = ReportRequest(
        year=args.year,
        kind=args.kind,
        scope=args.scope,
        as_of=args.as_of,
        language=args.report_language,
        fonts=args.fonts,
    )
    with _open(args) as ledger:
        written = build_report(ledger, request, args.out)
    print(_("The report was written to {path}.").format(path=written))
    return EXIT_OK
