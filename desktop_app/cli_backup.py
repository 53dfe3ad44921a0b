"""The command-line commands ``backup [--to DIR]`` and ``restore FILE``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from desktop_app.i18n import _


def add_commands(add_command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    command = add_command("backup", _("copy the ledger into its backup folder"))
    command.add_argument(
        "--to",
        metavar="DIR",
        type=Path,
        help=_("the folder to write the backup into (default: the ledger's backup folder)"),
    )
    command = add_command(
        "restore",
        _("replace the ledger with a backup (the current ledger is kept aside first)"),
    )
    command.add_argument("file", metavar="FILE", type=Path)


def _backup(args: argparse.Namespace) -> int:
    from desktop_app.backup import make_backup
    from desktop_app.cli import EXIT_OK, _open

    with _open(args) as ledger:
        written = make_backup(ledger, args.to, kind="manual")
    print(written)
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from desktop_app.backup import restore
    from desktop_app.cli import EXIT_OK
    from desktop_app.paths import default_db_path

    target = Path(args.db or default_db_path())
    aside = restore(target, args.file)
    print(_("The ledger {path} was restored from {backup}.").format(path=target, backup=args.file))
    if aside is not None:
        print(_("The ledger as it was before is kept at {path}.").format(path=aside))
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "backup": _backup,
    "restore": _restore,
}
