"""Writing and reading exchange packages (``.ledgerpkg``).

A package is one ZIP file:

- ``manifest.json``: the format version, the exporting ledger's ``ledger_id``, the name of its
  root organization, the path of the organization exported (the scope), when it was written
  (``exported_at``, ISO 8601 UTC), the program's version, how many records of each table it
  holds and the SHA-256 of every other member.
- ``records.json``: ``{table: [row, ...]}`` — the organizations of the scope's subtree and
  their ancestors up to the root (so the receiving ledger can place the subtree), and the
  activities, attached files' rows, star ratings, creation candidates and brands of the
  subtree. Records in the recycle bin are included, so a deletion travels as a soft delete.
  Creation targets and tasks are school-wide: each ledger keeps its own, packages leave them out.
- ``attachments/<sha256><suffix>``: the attached files.

Reading verifies everything before anything is used: a package that is truncated, has a member
missing, added or changed, or is not a package at all is refused whole.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app import __version__
from desktop_app.domain.orgtree import load_tree
from desktop_app.errors import RefusedError
from desktop_app.i18n import _
from desktop_app.safe_write import write_atomically
from desktop_app.storage import Ledger
from desktop_app.storage.ledger import now_iso

FORMAT_VERSION = 1
SUFFIX = ".ledgerpkg"
MANIFEST = "manifest.json"
RECORDS = "records.json"
ATTACHMENTS = "attachments/"
# The tables a package carries, parents before the tables that point to them.
PACKAGE_TABLES = (
    "organizations",
    "activities",
    "attachments",
    "ratings",
    "creation_candidates",
    "brands",
)
_ATTACHMENT_NAME = re.compile(r"attachments/([0-9a-f]{64})(\.[A-Za-z0-9_-]{1,16})?\Z")
_BLOCK = 1 << 20

Row = dict[str, Any]


@dataclass(frozen=True)
class Package:
    """A verified package: its manifest, its records and where its files are."""

    path: Path
    manifest: dict[str, Any]
    records: dict[str, list[Row]]
    # sha256 + suffix (the member's name under attachments/) of every file it holds.
    files: frozenset[str]

    @property
    def ledger_id(self) -> str:
        return str(self.manifest["ledger_id"])

    @property
    def exported_at(self) -> str:
        return str(self.manifest["exported_at"])


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    scope: str
    counts: dict[str, int]
    files: int


# ---- writing ---------------------------------------------------------------------------------

_SUBTREE = (
    "WITH RECURSIVE sub(uid) AS (SELECT ? UNION ALL "
    "SELECT o.uid FROM organizations o JOIN sub ON o.parent_uid = sub.uid) "
)


def _subtree_records(ledger: Ledger, scope_uid: str) -> dict[str, list[Row]]:
    """The records of the subtree of ``scope_uid``, recycle bin included, one query a table."""
    records: dict[str, list[Row]] = {}
    ancestors: list[Row] = []
    parent = ledger.query("SELECT parent_uid FROM organizations WHERE uid = ?", [scope_uid])
    parent_uid = parent[0]["parent_uid"] if parent else None
    while parent_uid is not None:
        row = ledger.query("SELECT * FROM organizations WHERE uid = ?", [parent_uid])[0]
        ancestors.append(row)
        parent_uid = row["parent_uid"]
    subtree = ledger.query(
        f"{_SUBTREE}SELECT o.* FROM organizations o JOIN sub ON sub.uid = o.uid", [scope_uid]
    )
    records["organizations"] = [*reversed(ancestors), *_parents_first(subtree, scope_uid)]
    for table in ("activities", "ratings", "creation_candidates", "brands"):
        records[table] = ledger.query(
            f"{_SUBTREE}SELECT t.* FROM {table} t JOIN sub ON sub.uid = t.org_uid "
            "ORDER BY t.created_at, t.uid",
            [scope_uid],
        )
    records["attachments"] = ledger.query(
        f"{_SUBTREE}SELECT f.* FROM attachments f JOIN activities a ON a.uid = f.activity_uid "
        "JOIN sub ON sub.uid = a.org_uid ORDER BY f.created_at, f.uid",
        [scope_uid],
    )
    return {table: records[table] for table in PACKAGE_TABLES}


def _parents_first(rows: list[Row], top: str) -> list[Row]:
    children: dict[str | None, list[Row]] = {}
    for row in rows:
        children.setdefault(row["parent_uid"], []).append(row)
    ordered = [r for r in rows if r["uid"] == top]
    index = 0
    while index < len(ordered):
        ordered.extend(sorted(children.get(ordered[index]["uid"], []), key=lambda r: r["uid"]))
        index += 1
    return ordered


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as reader:
        for block in iter(lambda: reader.read(_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def _attachment_files(ledger: Ledger, rows: Iterable[Row]) -> dict[str, Path]:
    """Member name → file for the attached files; a file of a record in use that is missing or
    changed refuses the export (the package would carry a broken record)."""
    files: dict[str, Path] = {}
    for row in rows:
        path = ledger.attachment_file(row["sha256"], row["file_name"])
        name = ATTACHMENTS + path.name
        if name in files:
            continue
        if path.is_file() and _sha256_file(path) == row["sha256"]:
            files[name] = path
        elif row["deleted_at"] is None:
            raise RefusedError(
                _(
                    "The attached file {name} is missing from the attachments folder or has "
                    "changed since it was attached ({file}); run “check” and attach it again "
                    "before exporting."
                ).format(name=row["file_name"], file=path)
            )
    return files


def write_package(ledger: Ledger, scope: str, out: str | Path) -> ExportSummary:
    """Write the package of ``scope`` (an organization's name or path) to ``out``."""
    out = Path(out)
    with ledger.snapshot():
        tree = load_tree(ledger)
        org = tree.resolve(scope)
        records = _subtree_records(ledger, org.uid)
        root = tree.root
        manifest: dict[str, Any] = {
            "format": "party-ledger-package",
            "format_version": FORMAT_VERSION,
            "ledger_id": ledger.ledger_id,
            "root_organization": root.name if root else "",
            "scope": tree.path(org.uid),
            "scope_uid": org.uid,
            "exported_at": now_iso(),
            "app_version": __version__,
            "counts": {table: len(rows) for table, rows in records.items()},
        }
        files = _attachment_files(ledger, records["attachments"])
    payload = json.dumps(records, ensure_ascii=False, sort_keys=True).encode("utf-8")
    checksums = {RECORDS: hashlib.sha256(payload).hexdigest()}
    for name, path in files.items():
        checksums[name] = path.name.split(".", 1)[0]
    manifest["sha256"] = checksums

    def write(target: Path) -> None:
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
            archive.writestr(RECORDS, payload)
            for name, path in sorted(files.items()):
                archive.write(path, name)

    write_atomically(out, write)
    return ExportSummary(out, manifest["scope"], manifest["counts"], len(files))


# ---- reading ---------------------------------------------------------------------------------


def _refused(path: Path, reason: str) -> RefusedError:
    return RefusedError(
        _(
            "The package {path} cannot be imported: {reason} Nothing was changed; ask for a "
            "new copy of the package."
        ).format(path=path, reason=reason)
    )


def _member_sha256(archive: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with archive.open(name) as reader:
        for block in iter(lambda: reader.read(_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def read_package(path: str | Path) -> Package:
    """Open and verify a package; raise ``RefusedError`` (nothing used) if anything is wrong."""
    path = Path(path)
    if not path.is_file():
        raise RefusedError(_("There is no package file {path}.").format(path=path))
    try:
        with zipfile.ZipFile(path) as archive:
            return _verified(path, archive)
    except (
        zipfile.BadZipFile,
        zlib.error,  # a byte changed inside a compressed member
        EOFError,
        ValueError,
        KeyError,
        zipfile.LargeZipFile,
    ) as exc:
        raise _refused(path, _("the file is truncated, damaged, or not a ledger package.")) from exc
    except OSError as exc:
        raise RefusedError(
            _("The package {path} could not be read: {error}").format(path=path, error=exc)
        ) from exc


def _verified(path: Path, archive: zipfile.ZipFile) -> Package:
    names = archive.namelist()
    if MANIFEST not in names:
        raise _refused(path, _("it has no manifest, so it is not a ledger package."))
    try:
        manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _refused(path, _("its manifest is damaged.")) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != "party-ledger-package":
        raise _refused(path, _("its manifest is damaged."))
    if manifest.get("format_version") != FORMAT_VERSION:
        raise _refused(
            path,
            _("it was written by a newer version of Party Ledger; update this program."),
        )
    for key in ("ledger_id", "exported_at", "scope", "scope_uid"):
        if not isinstance(manifest.get(key), str) or not manifest[key]:
            raise _refused(path, _("its manifest is damaged."))
    checksums = manifest.get("sha256")
    if not isinstance(checksums, dict) or RECORDS not in checksums:
        raise _refused(path, _("its manifest is damaged."))
    members = set(names) - {MANIFEST}
    missing = sorted(set(checksums) - members)
    if missing:
        raise _refused(path, _("it lacks {names}.").format(names=", ".join(missing)))
    extra = sorted(members - set(checksums))
    if extra:
        raise _refused(
            path,
            _("it holds files its manifest does not list: {names}.").format(names=", ".join(extra)),
        )
    files: set[str] = set()
    for name in sorted(checksums):
        if name != RECORDS:
            match = _ATTACHMENT_NAME.match(name)
            if match is None or checksums[name] != match.group(1):
                raise _refused(path, _("its manifest is damaged."))
            files.add(name[len(ATTACHMENTS) :])
        if _member_sha256(archive, name) != checksums[name]:
            raise _refused(
                path, _("{name} was changed after the package was written.").format(name=name)
            )
    try:
        records = json.loads(archive.read(RECORDS).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _refused(path, _("its records are damaged.")) from exc
    _check_records(path, manifest, records, files)
    return Package(path, manifest, records, frozenset(files))


def _check_records(path: Path, manifest: dict[str, Any], records: Any, files: set[str]) -> None:
    damaged = _refused(path, _("its records are damaged."))
    if not isinstance(records, dict) or set(records) != set(PACKAGE_TABLES):
        raise damaged
    counts = manifest.get("counts")
    for table, rows in records.items():
        if not isinstance(rows, list) or not isinstance(counts, dict):
            raise damaged
        if counts.get(table) != len(rows):
            raise damaged
        for row in rows:
            if not isinstance(row, dict):
                raise damaged
            for key in ("uid", "created_at", "updated_at"):
                if not isinstance(row.get(key), str) or not row[key]:
                    raise damaged
    for row in records["attachments"]:
        if not isinstance(row.get("sha256"), str) or not isinstance(row.get("file_name"), str):
            raise damaged
        name = row["sha256"] + Path(row["file_name"]).suffix.lower()
        if row.get("deleted_at") is None and name not in files:
            raise _refused(
                path, _("the attached file {name} is missing.").format(name=row["file_name"])
            )
