"""Star ratings and the 三级联创 campaign: targets, candidates, tasks, brands."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.domain.dates import MAX_YEAR, MIN_YEAR, to_iso
from desktop_app.domain.enums import (
    BRAND_KINDS,
    CANDIDATE_STATUSES,
    CREATION_LEVELS,
    GRADES,
    TASK_STATUSES,
)
from desktop_app.domain.orgtree import load_tree
from desktop_app.errors import Fault, NotFoundError, ValidationError
from desktop_app.i18n import _
from desktop_app.storage import records
from desktop_app.storage.ledger import Ledger

# The milestone date each candidate status records.
STATUS_DATE = {
    "cultivating": "cultivated_on",
    "applied": "applied_on",
    "approved": "approved_on",
    "accepted": "accepted_on",
    "rejected": "rejected_on",
}


def check_year(year: object, field: str = "year") -> list[Fault]:
    if isinstance(year, int) and not isinstance(year, bool) and MIN_YEAR <= year <= MAX_YEAR:
        return []
    return [
        Fault(
            _("{value} is not a year between {low} and {high}.").format(
                value=year, low=MIN_YEAR, high=MAX_YEAR
            ),
            field=field,
        )
    ]


def check_stars(stars: object) -> list[Fault]:
    if isinstance(stars, int) and not isinstance(stars, bool) and 1 <= stars <= 5:
        return []
    return [
        Fault(
            _("{value} is not a star rating; give a whole number from 1 to 5.").format(value=stars),
            field="stars",
        )
    ]


def check_level_grade(level: object, grade: object) -> list[Fault]:
    faults = []
    if level not in CREATION_LEVELS:
        faults.append(
            Fault(_("Unknown creation level “{value}”.").format(value=level), field="level")
        )
    if grade not in GRADES:
        faults.append(Fault(_("Unknown grade “{value}”.").format(value=grade), field="grade"))
    return faults


def _live(ledger: Ledger, table: str, where: str, params: list[Any]) -> str | None:
    row = ledger.conn.execute(
        f"SELECT uid FROM {table} WHERE deleted_at IS NULL AND {where}", params
    ).fetchone()
    return row[0] if row else None


def _must_exist(ledger: Ledger, table: str, uid: str) -> dict[str, Any]:
    row = records.get(ledger, table, uid)
    if row is None:
        raise NotFoundError(_("That record no longer exists."))
    return row


# ---- star ratings ---------------------------------------------------------------------------


def set_rating(ledger: Ledger, org_uid: str, year: int, stars: int) -> str:
    """The star rating of an organization for a year (one per organization and year)."""
    faults = check_year(year) + check_stars(stars)
    if faults:
        raise ValidationError(_("The rating was not saved."), faults)
    with ledger.transaction():
        load_tree(ledger).get(org_uid)
        uid = _live(ledger, "ratings", "org_uid = ? AND year = ?", [org_uid, year])
        if uid:
            records.update(ledger, "ratings", uid, {"stars": stars})
            return uid
        return records.insert(ledger, "ratings", {"org_uid": org_uid, "year": year, "stars": stars})


def clear_rating(ledger: Ledger, org_uid: str, year: int) -> None:
    with ledger.transaction():
        uid = _live(ledger, "ratings", "org_uid = ? AND year = ?", [org_uid, year])
        if uid:
            records.soft_delete(ledger, [("ratings", uid)], cause=uid)


def set_ratings(ledger: Ledger, cells: list[tuple[str, int]], stars: int | None) -> None:
    """Give every ``(org_uid, year)`` of ``cells`` the same stars (None clears them), in one
    transaction."""
    with ledger.transaction():
        for org_uid, year in cells:
            if stars is None:
                clear_rating(ledger, org_uid, year)
            else:
                set_rating(ledger, org_uid, year, stars)


# ---- targets --------------------------------------------------------------------------------


def _check_target_count(target: object) -> list[Fault]:
    if isinstance(target, int) and not isinstance(target, bool) and target >= 0:
        return []
    return [
        Fault(
            _("{value} is not a whole number of zero or more.").format(value=target),
            field="target",
        )
    ]


def set_target(ledger: Ledger, level: str, grade: str, target: int, period: str = "") -> str:
    """The number of (level, grade) units to create in a plan period, e.g. ``2021-2023``."""
    faults = check_level_grade(level, grade) + _check_target_count(target)
    if faults:
        raise ValidationError(_("The target was not saved."), faults)
    period = str(period or "").strip()
    with ledger.transaction():
        uid = _live(
            ledger,
            "creation_targets",
            "level = ? AND grade = ? AND period = ?",
            [level, grade, period],
        )
        if uid:
            records.update(ledger, "creation_targets", uid, {"target": target})
            return uid
        return records.insert(
            ledger,
            "creation_targets",
            {"level": level, "grade": grade, "target": target, "period": period},
        )


def update_target(
    ledger: Ledger, uid: str, level: str, grade: str, target: int, period: str = ""
) -> None:
    """Change a target, its level, grade and period included (which must stay unique)."""
    faults = check_level_grade(level, grade) + _check_target_count(target)
    if faults:
        raise ValidationError(_("The target was not saved."), faults)
    period = str(period or "").strip()
    with ledger.transaction():
        _must_exist(ledger, "creation_targets", uid)
        other = _live(
            ledger,
            "creation_targets",
            "level = ? AND grade = ? AND period = ? AND uid != ?",
            [level, grade, period, uid],
        )
        if other:
            raise ValidationError.single(
                _(
                    "There is already a target for {level} ({grade}) in the period “{period}”; "
                    "edit that one instead."
                ).format(
                    level=CREATION_LEVELS.label(level), grade=GRADES.label(grade), period=period
                ),
                "period",
            )
        records.update(
            ledger,
            "creation_targets",
            uid,
            {"level": level, "grade": grade, "target": target, "period": period},
        )


# ---- candidates -----------------------------------------------------------------------------


def add_candidate(
    ledger: Ledger,
    org_uid: str,
    level: str,
    grade: str,
    status: str = "cultivating",
    on: date | None = None,
    note: str | None = None,
) -> str:
    """Enter an organization for a (level, grade) of the campaign."""
    faults = check_level_grade(level, grade)
    if status not in CANDIDATE_STATUSES:
        faults.append(Fault(_("Unknown status “{value}”.").format(value=status), field="status"))
    if faults:
        raise ValidationError(_("The candidate was not saved."), faults)
    with ledger.transaction():
        org = load_tree(ledger).get(org_uid)
        if _live(
            ledger,
            "creation_candidates",
            "org_uid = ? AND level = ? AND grade = ?",
            [org_uid, level, grade],
        ):
            raise ValidationError.single(
                _("“{name}” is already a candidate for {level} ({grade}).").format(
                    name=org.name, level=CREATION_LEVELS.label(level), grade=GRADES.label(grade)
                ),
                "level",
            )
        row: dict[str, Any] = {
            "org_uid": org_uid,
            "level": level,
            "grade": grade,
            "status": status,
            "note": note,
        }
        if on is not None:
            row[STATUS_DATE[status]] = to_iso(on)
        return records.insert(ledger, "creation_candidates", row)


def advance_candidate(ledger: Ledger, uid: str, status: str, on: date) -> None:
    """Move a candidate to ``status`` and record the date of that step."""
    if status not in CANDIDATE_STATUSES:
        raise ValidationError.single(_("Unknown status “{value}”.").format(value=status), "status")
    with ledger.transaction():
        _must_exist(ledger, "creation_candidates", uid)
        records.update(
            ledger, "creation_candidates", uid, {"status": status, STATUS_DATE[status]: to_iso(on)}
        )


# ---- tasks ----------------------------------------------------------------------------------


def check_task(values: dict[str, Any]) -> list[Fault]:
    faults = []
    if not str(values.get("title") or "").strip():
        faults.append(Fault(_("Give the task a title."), field="title"))
    if values.get("status", "todo") not in TASK_STATUSES:
        faults.append(
            Fault(_("Unknown status “{value}”.").format(value=values.get("status")), field="status")
        )
    return faults


def _checked_task(
    title: str,
    lead_department: str | None,
    cooperating_departments: str | None,
    deadline: date | None,
    status: str,
    section: str | None,
) -> dict[str, Any]:
    """A task's values as stored, after ``check_task`` (``ValidationError`` listing every
    fault)."""
    values = {
        "title": str(title or "").strip(),
        "lead_department": lead_department,
        "cooperating_departments": cooperating_departments,
        "deadline": to_iso(deadline),
        "status": status,
        "section": section,
    }
    faults = check_task(values)
    if faults:
        raise ValidationError(_("The task was not saved."), faults)
    return values


def add_task(
    ledger: Ledger,
    title: str,
    lead_department: str | None = None,
    cooperating_departments: str | None = None,
    deadline: date | None = None,
    status: str = "todo",
    section: str | None = None,
) -> str:
    values = _checked_task(
        title, lead_department, cooperating_departments, deadline, status, section
    )
    with ledger.transaction():
        if _live(ledger, "tasks", "title = ?", [values["title"]]):
            raise ValidationError.single(
                _("There is already a task titled “{title}”.").format(title=values["title"]),
                "title",
            )
        return records.insert(ledger, "tasks", values)


def update_task(
    ledger: Ledger,
    uid: str,
    title: str,
    lead_department: str | None = None,
    cooperating_departments: str | None = None,
    deadline: date | None = None,
    status: str = "todo",
    section: str | None = None,
) -> None:
    """Change every field of a task; the title stays unique among live tasks."""
    values = _checked_task(
        title, lead_department, cooperating_departments, deadline, status, section
    )
    with ledger.transaction():
        _must_exist(ledger, "tasks", uid)
        if _live(ledger, "tasks", "title = ? AND uid != ?", [values["title"], uid]):
            raise ValidationError.single(
                _("There is already a task titled “{title}”.").format(title=values["title"]),
                "title",
            )
        records.update(ledger, "tasks", uid, values)


def set_task_status(ledger: Ledger, uid: str, status: str) -> None:
    set_tasks_status(ledger, [uid], status)


def set_tasks_status(ledger: Ledger, uids: list[str], status: str) -> int:
    """Give several tasks one status in one transaction; returns how many changed."""
    faults = check_task({"title": "-", "status": status})
    if faults:
        raise ValidationError(_("The task was not saved."), faults)
    with ledger.transaction():
        for uid in uids:
            _must_exist(ledger, "tasks", uid)
        return records.update_many(ledger, "tasks", [(uid, {"status": status}) for uid in uids])


def delete_record(ledger: Ledger, table: str, uid: str) -> None:
    """Move a rating, target, candidate, task or brand to the recycle bin."""
    delete_records(ledger, table, [uid])


def delete_records(ledger: Ledger, table: str, uids: list[str]) -> None:
    """Move several records of one table to the recycle bin in one transaction; each can be
    restored on its own."""
    if table not in ("ratings", "creation_targets", "creation_candidates", "tasks", "brands"):
        raise ValueError(table)
    with ledger.transaction():
        for uid in uids:
            _must_exist(ledger, table, uid)
            records.soft_delete(ledger, [(table, uid)], cause=uid)


# ---- brands and innovation projects ---------------------------------------------------------


def add_brand(
    ledger: Ledger,
    org_uid: str,
    name: str,
    kind: str,
    year_approved: int | None = None,
    grade: str | None = None,
    status: str = "cultivating",
) -> str:
    """A brand (一总支一品牌), a feature (一支部一特色) or an innovation project."""
    faults: list[Fault] = []
    name = str(name or "").strip()
    if not name:
        faults.append(Fault(_("Give the brand or project a name."), field="name"))
    if kind not in BRAND_KINDS:
        faults.append(Fault(_("Unknown kind “{value}”.").format(value=kind), field="kind"))
    if year_approved is not None:
        faults += check_year(year_approved, "year_approved")
    if grade is not None and grade not in GRADES:
        faults.append(Fault(_("Unknown grade “{value}”.").format(value=grade), field="grade"))
    if status not in CANDIDATE_STATUSES:
        faults.append(Fault(_("Unknown status “{value}”.").format(value=status), field="status"))
    if faults:
        raise ValidationError(_("The brand was not saved."), faults)
    with ledger.transaction():
        org = load_tree(ledger).get(org_uid)
        if _live(ledger, "brands", "org_uid = ? AND name = ?", [org_uid, name]):
            raise ValidationError.single(
                _("“{org}” already has a brand or project named “{name}”.").format(
                    org=org.name, name=name
                ),
                "name",
            )
        return records.insert(
            ledger,
            "brands",
            {
                "org_uid": org_uid,
                "name": name,
                "kind": kind,
                "year_approved": year_approved,
                "grade": grade,
                "status": status,
            },
        )
