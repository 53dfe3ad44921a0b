"""Organizational life (组织生活): activity records with attendance, dimensions and files."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.domain.dates import to_iso
from desktop_app.domain.enums import ACTIVITY_TYPES, DIMENSIONS, THEME_CATEGORIES
from desktop_app.domain.organizations import load_tree
from desktop_app.errors import Fault, StorageError, ValidationError
from desktop_app.i18n import _
from desktop_app.storage import records
from desktop_app.storage.ledger import Ledger

FIELDS = (
    "org_uid", "type", "date", "theme", "category", "place", "host", "expected", "actual",
    "dimensions", "featured", "summary",
)


def check_activity(values: dict[str, Any]) -> list[Fault]:
    """Every fault of an activity's values (as the ledger stores them, dates as ``date``)."""
    faults: list[Fault] = []
    kind = values.get("type")
    if kind not in ACTIVITY_TYPES:
        faults.append(Fault(_("Choose the type of the activity."), field="type"))
    if not isinstance(values.get("date"), date):
        faults.append(Fault(_("Give the date of the activity."), field="date"))
    if not str(values.get("theme") or "").strip():
        faults.append(Fault(_("Give the theme (title) of the activity."), field="theme"))
    category = values.get("category")
    if category is not None and category not in THEME_CATEGORIES:
        faults.append(Fault(_("Unknown category “{value}”.").format(value=category),
                            field="category"))
    for dimension in values.get("dimensions") or ():
        if dimension not in DIMENSIONS:
            faults.append(Fault(_("Unknown dimension “{value}”.").format(value=dimension),
                                field="dimensions"))
    for field in ("expected", "actual"):
        count = values.get(field)
        if count is not None and (not isinstance(count, int) or isinstance(count, bool) or count < 0):
            faults.append(Fault(_("{value} is not a whole number of zero or more.").format(
                value=count), field=field))
    expected, actual = values.get("expected"), values.get("actual")
    if isinstance(expected, int) and isinstance(actual, int) and actual > expected:
        faults.append(Fault(
            _("{actual} attended but only {expected} were expected; the number attending "
              "cannot exceed the number expected.").format(actual=actual, expected=expected),
            field="actual"))
    return faults


def to_row(values: dict[str, Any]) -> dict[str, Any]:
    """Values as the ``activities`` table stores them."""
    row = {k: values[k] for k in FIELDS if k in values}
    if isinstance(row.get("date"), date):
        row["date"] = to_iso(row["date"])
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


def add_activity(ledger: Ledger, org_uid: str, **values: Any) -> str:
    """Record an activity of ``org_uid``; raises ``ValidationError`` listing every fault."""
    values["org_uid"] = org_uid
    with ledger.transaction():
        load_tree(ledger).get(org_uid)
        faults = check_activity(values)
        if faults:
            raise ValidationError(_("The activity was not saved."), faults)
        return records.insert(ledger, "activities", to_row(values))


def get_activity(ledger: Ledger, uid: str) -> dict[str, Any]:
    row = records.get(ledger, "activities", uid)
    if row is None:
        from desktop_app.errors import NotFoundError

        raise NotFoundError(_("That activity no longer exists."))
    row["dimensions"] = json.loads(row["dimensions"])
    row["date"] = date.fromisoformat(row["date"])
    row["featured"] = bool(row["featured"])
    return row


def update_activity(ledger: Ledger, uid: str, **values: Any) -> bool:
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
    values = {k: current[k] for k in FIELDS if k != "org_uid"}
    values.update(changes)
    return add_activity(ledger, changes.pop("org_uid", current["org_uid"]), **values)


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


def stored_name(sha256: str, file_name: str) -> str:
    return sha256 + Path(file_name).suffix.lower()


def attachment_path(ledger: Ledger, attachment: dict[str, Any]) -> Path:
    """Where the copy of an attached file lies."""
    return ledger.attachments_dir / stored_name(attachment["sha256"], attachment["file_name"])


def attach_file(ledger: Ledger, activity_uid: str, source: str | Path) -> str:
    """Copy ``source`` into the attachments folder (named by its SHA-256) and record it."""
    source = Path(source)
    if not source.is_file():
        raise ValidationError.single(
            _("The file {path} does not exist or is not a file.").format(path=source), "file")
    get_activity(ledger, activity_uid)
    try:
        sha = _sha256(source)
        target = ledger.attachments_dir / stored_name(sha, source.name)
        if not target.exists():
            ledger.attachments_dir.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(target.suffix + ".part")
            shutil.copyfile(source, partial)
            partial.replace(target)
    except OSError as exc:
        raise StorageError(
            _("The file {path} could not be copied into the ledger's attachments folder: "
              "{reason}.").format(path=source, reason=exc.strerror or exc)
        ) from exc
    with ledger.transaction():
        return records.insert(
            ledger,
            "attachments",
            {"activity_uid": activity_uid, "file_name": source.name, "sha256": sha,
             "size": source.stat().st_size},
        )


def list_attachments(ledger: Ledger, activity_uid: str) -> list[dict[str, Any]]:
    return ledger.query(
        "SELECT * FROM attachments WHERE activity_uid = ? AND deleted_at IS NULL "
        "ORDER BY created_at", [activity_uid])


def delete_attachment(ledger: Ledger, uid: str) -> None:
    with ledger.transaction():
        records.soft_delete(ledger, [("attachments", uid)], cause=uid)


def verify_attachments(ledger: Ledger) -> list[str]:
    """Attachments whose copy is missing or no longer matches its SHA-256."""
    problems = []
    for row in ledger.query("SELECT * FROM attachments WHERE deleted_at IS NULL"):
        path = attachment_path(ledger, row)
        if not path.is_file():
            problems.append(_("missing file {name} ({file})").format(name=row["file_name"],
                                                                   file=path.name))
        elif _sha256(path) != row["sha256"]:
            problems.append(_("file {name} ({file}) has changed since it was attached").format(
                name=row["file_name"], file=path.name))
    return problems
