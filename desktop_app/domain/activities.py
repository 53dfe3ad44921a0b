"""Organizational life (组织生活): activity records with attendance, dimensions and files."""

from __future__ import annotations

import contextlib
import hashlib
import json
import uuid
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.domain.dates import DateParseError, parse_date, to_iso
from desktop_app.domain.enums import ACTIVITY_TYPES, DIMENSIONS, THEME_CATEGORIES
from desktop_app.domain.orgtree import load_tree
from desktop_app.errors import Fault, NotFoundError, StorageError, ValidationError
from desktop_app.i18n import _
from desktop_app.storage import records
from desktop_app.storage.ledger import Ledger

FIELDS = (
    "org_uid",
    "type",
    "date",
    "theme",
    "category",
    "place",
    "host",
    "expected",
    "actual",
    "dimensions",
    "featured",
    "summary",
)


def check_activity(values: dict[str, Any]) -> list[Fault]:
    """Every fault of an activity's values (as the ledger stores them, dates as ``date``)."""
    faults: list[Fault] = []
    kind = values.get("type")
    if kind not in ACTIVITY_TYPES:
        faults.append(Fault(_("Choose the type of the activity."), field="type"))
    try:
        day = parse_date(values.get("date"))
    except DateParseError:
        faults.append(
            Fault(
                _("“{value}” is not a date; write it like 2025-03-18.").format(
                    value=values.get("date")
                ),
                field="date",
            )
        )
    else:
        if day is None:
            faults.append(Fault(_("Give the date of the activity."), field="date"))
    if not str(values.get("theme") or "").strip():
        faults.append(Fault(_("Give the theme (title) of the activity."), field="theme"))
    category = values.get("category")
    # A category belongs to theme days only; for other types it is dropped, not checked.
    dropped = kind in ACTIVITY_TYPES and kind != "theme_day"
    if not dropped and category is not None and category not in THEME_CATEGORIES:
        faults.append(
            Fault(_("Unknown category “{value}”.").format(value=category), field="category")
        )
    for dimension in values.get("dimensions") or ():
        if dimension not in DIMENSIONS:
            faults.append(
                Fault(_("Unknown dimension “{value}”.").format(value=dimension), field="dimensions")
            )
    for field in ("expected", "actual"):
        count = values.get(field)
        if count is not None and (
            not isinstance(count, int) or isinstance(count, bool) or count < 0
        ):
            faults.append(
                Fault(
                    _("{value} is not a whole number of zero or more.").format(value=count),
                    field=field,
                )
            )
    expected, actual = values.get("expected"), values.get("actual")
    if isinstance(expected, int) and isinstance(actual, int) and actual > expected:
        faults.append(
            Fault(
                _(
                    "{actual} attended but only {expected} were expected; the number attending "
                    "cannot exceed the number expected."
                ).format(actual=actual, expected=expected),
                field="actual",
            )
        )
    return faults


def to_row(values: dict[str, Any]) -> dict[str, Any]:
    """Values as the ``activities`` table stores them (after ``check_activity`` passed)."""
    row = {k: values[k] for k in FIELDS if k in values}
    if "date" in row:
        row["date"] = to_iso(parse_date(row["date"]))
    if "dimensions" in row:
        dims = [d for d in DIMENSIONS.codes if d in set(row["dimensions"] or ())]
        row["dimensions"] = json.dumps(dims)
    if "featured" in row:
        row["featured"] = int(bool(row["featured"]))
    if "theme" in row:
        row["theme"] = str(row["theme"]).strip()
    if row.get("type") not in (None, "theme_day") and "category" in row:
        row["category"] = None
    return row


def _reject_unknown(values: dict[str, Any]) -> None:
    unknown = set(values) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown activity fields: {sorted(unknown)}")


def add_activity(ledger: Ledger, org_uid: str, **values: Any) -> str:
    """Record an activity of ``org_uid``; raises ``ValidationError`` listing every fault."""
    _reject_unknown(values)
    values["org_uid"] = org_uid
    with ledger.transaction():
        load_tree(ledger).get(org_uid)
        faults = check_activity(values)
        if faults:
            raise ValidationError(_("The activity was not saved."), faults)
        return records.insert(ledger, "activities", to_row(values))


def add_joint_activity(ledger: Ledger, org_uids: Sequence[str], **values: Any) -> list[str]:
    """One activity held jointly by several organizations (a joint theme day, 联合主题党日),
    recorded as one activity of each organization with the same values: checked once, written
    in one transaction (all or none). Returns the new uids in the order of ``org_uids``; an
    organization named twice is recorded once."""
    _reject_unknown(values)
    if "org_uid" in values:
        raise TypeError("a joint activity takes its organizations from org_uids")
    chosen = list(dict.fromkeys(org_uids))
    with ledger.transaction():
        faults = check_activity(values)
        if not chosen:
            faults.insert(
                0,
                Fault(
                    _("Choose at least one organization that took part in the activity."),
                    field="org_uids",
                ),
            )
        if faults:
            raise ValidationError(_("The activity was not saved."), faults)
        tree = load_tree(ledger)
        for org_uid in chosen:
            tree.get(org_uid)
        row = to_row(values)
        return records.insert_many(
            ledger, "activities", [{**row, "org_uid": org_uid} for org_uid in chosen]
        )


def get_activity(ledger: Ledger, uid: str) -> dict[str, Any]:
    row = records.get(ledger, "activities", uid)
    if row is None:
        raise NotFoundError(_("That activity no longer exists."))
    row["dimensions"] = json.loads(row["dimensions"])
    row["date"] = date.fromisoformat(row["date"])
    row["featured"] = bool(row["featured"])
    return row


def update_activity(ledger: Ledger, uid: str, **values: Any) -> bool:
    _reject_unknown(values)
    with ledger.transaction():
        current = get_activity(ledger, uid)
        merged = {**current, **values}
        load_tree(ledger).get(merged["org_uid"])
        faults = check_activity(merged)
        if faults:
            raise ValidationError(_("The activity was not saved."), faults)
        return records.update(ledger, "activities", uid, to_row(merged))


def duplicate_activity(ledger: Ledger, uid: str, **changes: Any) -> str:
    """A copy of an activity (without its files), with ``changes`` applied."""
    current = get_activity(ledger, uid)
    org_uid = changes.pop("org_uid", current["org_uid"])
    values = {k: current[k] for k in FIELDS if k != "org_uid"}
    values.update(changes)
    return add_activity(ledger, org_uid, **values)


def delete_activity(ledger: Ledger, uid: str) -> None:
    with ledger.transaction():
        get_activity(ledger, uid)
        files = ledger.conn.execute(
            "SELECT uid FROM attachments WHERE activity_uid = ? AND deleted_at IS NULL", [uid]
        ).fetchall()
        records.soft_delete(
            ledger, [("activities", uid), *(("attachments", r[0]) for r in files)], cause=uid
        )


# ---- attachments ----------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fp:
        for block in iter(lambda: fp.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def attachment_path(ledger: Ledger, attachment: dict[str, Any]) -> Path:
    """Where the copy of an attached file lies."""
    return ledger.attachment_file(attachment["sha256"], attachment["file_name"])


def _store(ledger: Ledger, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the attachments folder, hashing what was copied; a copy already
    there with the same content is kept, a damaged one replaced. Returns (SHA-256, size)."""
    folder = ledger.attachments_dir
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{uuid.uuid4().hex}.part"
    digest = hashlib.sha256()
    try:
        with source.open("rb") as reader, partial.open("wb") as writer:
            for block in iter(lambda: reader.read(1 << 20), b""):
                digest.update(block)
                writer.write(block)
        sha = digest.hexdigest()
        size = partial.stat().st_size
        target = ledger.attachment_file(sha, source.name)
        if target.is_file() and _sha256(target) == sha:
            partial.unlink()
        else:
            partial.replace(target)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return sha, size


def attach_file(ledger: Ledger, activity_uid: str, source: str | Path) -> str:
    """Copy ``source`` into the attachments folder (named by its SHA-256) and record it."""
    source = Path(source)
    if not source.is_file():
        raise ValidationError.single(
            _("The file {path} does not exist or is not a file.").format(path=source), "file"
        )
    get_activity(ledger, activity_uid)
    try:
        sha, size = _store(ledger, source)
    except OSError as exc:
        raise StorageError(
            _(
                "The file {path} could not be copied into the ledger's attachments folder: "
                "{reason}."
            ).format(path=source, reason=exc.strerror or exc)
        ) from exc
    with ledger.transaction():
        return records.insert(
            ledger,
            "attachments",
            {
                "activity_uid": activity_uid,
                "file_name": source.name,
                "sha256": sha,
                "size": size,
            },
        )


def list_attachments(ledger: Ledger, activity_uid: str) -> list[dict[str, Any]]:
    return ledger.query(
        "SELECT * FROM attachments WHERE activity_uid = ? AND deleted_at IS NULL "
        "ORDER BY created_at",
        [activity_uid],
    )


def delete_attachment(ledger: Ledger, uid: str) -> None:
    with ledger.transaction():
        if records.get(ledger, "attachments", uid) is None:
            raise NotFoundError(_("That file is no longer attached."))
        records.soft_delete(ledger, [("attachments", uid)], cause=uid)


def verify_attachments(ledger: Ledger) -> list[str]:
    """Attachments whose copy is missing or no longer matches its SHA-256."""
    problems = []
    for row in ledger.query("SELECT * FROM attachments WHERE deleted_at IS NULL"):
        path = attachment_path(ledger, row)
        if not path.is_file():
            problems.append(
                _("missing file {name} ({file})").format(name=row["file_name"], file=path.name)
            )
        elif _sha256(path) != row["sha256"]:
            problems.append(
                _("file {name} ({file}) has changed since it was attached").format(
                    name=row["file_name"], file=path.name
                )
            )
    return problems
