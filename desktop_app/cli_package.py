"""``party-ledger export-package`` and ``import-package``: exchange packages between ledgers."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from desktop_app.i18n import _

EXIT_OK, EXIT_REFUSED = 0, 2


def add_commands(add_command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    command = add_command(
        "export-package",
        _("write one organization's records and files to a package for another ledger"),
    )
    command.add_argument(
        "--scope",
        metavar="NAME_OR_PATH",
        required=True,
        help=_("the organization to export, with everything under it"),
    )
    command.add_argument(
        "--out", metavar="FILE", type=Path, required=True, help=_("the package file to write")
    )
    command = add_command(
        "import-package", _("merge a package written by another ledger into this one")
    )
    command.add_argument("file", metavar="FILE", type=Path)
    command.add_argument(
        "--prefer",
        choices=("theirs", "ours"),
        help=_(
            "for records changed on both sides: keep the package's copy (theirs) or this "
            "ledger's (ours); without it such records stop the import"
        ),
    )


def _export_package(args: argparse.Namespace) -> int:
    from desktop_app.cli import _open
    from desktop_app.exchange.package import write_package

    with _open(args) as ledger:
        summary = write_package(ledger, args.scope, args.out)
    print(
        _(
            "The package of {scope} was written to {path}: {organizations} organizations, "
            "{activities} activities, {files} attached files."
        ).format(
            scope=summary.scope,
            path=summary.path,
            organizations=summary.counts["organizations"],
            activities=summary.counts["activities"],
            files=summary.files,
        )
    )
    return EXIT_OK


def _import_package(args: argparse.Namespace) -> int:
    from desktop_app.cli import _open
    from desktop_app.exchange.merge import ConflictError, import_package
    from desktop_app.exchange.package import read_package

    package = read_package(args.file)
    with _open(args, create=True) as ledger:
        try:
            result = import_package(ledger, package, prefer=args.prefer)
        except ConflictError as error:
            print(_("Error: {message}").format(message=error.message), file=sys.stderr)
            for conflict in error.conflicts:
                print(
                    "  "
                    + _("{label}: changed here and in the package ({fields})").format(
                        label=conflict.label, fields=", ".join(conflict.fields)
                    ),
                    file=sys.stderr,
                )
            return EXIT_REFUSED
    print(
        _(
            "The package from {scope} was imported: {added} records added, {updated} updated, "
            "{unchanged} unchanged, {kept} kept as they were here, {files} files copied."
        ).format(
            scope=package.manifest["scope"],
            added=result.added,
            updated=result.updated,
            unchanged=result.unchanged,
            kept=result.kept,
            files=result.files,
        )
    )
    if result.conflicts_theirs or result.conflicts_ours:
        print(
            _(
                "Records changed on both sides: {theirs} took the package's copy, {ours} "
                "kept this ledger's."
            ).format(theirs=result.conflicts_theirs, ours=result.conflicts_ours)
        )
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "export-package": _export_package,
    "import-package": _import_package,
}
