"""The organization tree: one 党委 at the root, colleges under it, branches under a college or
directly under the root (直属党支部). Names are unique among siblings; a path is the names
from below the root down to the organization, joined by ``/``."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.domain.dates import DateParseError, parse_date, to_iso
from desktop_app.domain.enums import BRANCH_TYPES, ORG_LEVELS
from desktop_app.domain.orgtree import (
    SEPARATOR,
    OrgTree,
    load_tree,
)
from desktop_app.errors import Fault, RefusedError, ValidationError
from desktop_app.i18n import _
from desktop_app.storage import records
from desktop_app.storage.ledger import Ledger

# Characters a name may not hold: "/" and what a reference reads as "/".
PATH_CHARACTERS = (SEPARATOR, "／", "\\")
COUNT_FIELDS = ("members_full", "members_probationary", "activists")
DATE_FIELDS = ("founded_on", "elected_on")
DEFAULT_TERM_YEARS = 3
# What a blank (None) field is stored as.
BLANK_DEFAULTS: dict[str, int] = {
    **dict.fromkeys(COUNT_FIELDS, 0),
    "term_years": DEFAULT_TERM_YEARS,
}
EDITABLE_FIELDS = (
    "name",
    "branch_type",
    "secretary",
    "double_leader",
    "has_party_groups",
    "founded_on",
    "elected_on",
    "term_years",
    *COUNT_FIELDS,
)
# Which levels may hold which: a college sits under the root, a branch under a college or
# directly under the root.
ALLOWED_PARENT_LEVELS = {
    "committee": (),
    "college": ("committee",),
    "branch": ("committee", "college"),
}


# ---- validation shared by forms and the importer -------------------------------------------


def check_name(name: object) -> list[Fault]:
    text = str(name or "").strip()
    if not text:
        return [Fault(_("The name is empty; give the organization a name."), field="name")]
    found = [c for c in PATH_CHARACTERS if c in text]
    if found:
        return [
            Fault(
                _(
                    "The name “{name}” contains “{char}”, which separates the parts of a path; "
                    "use another character."
                ).format(name=text, char=found[0]),
                field="name",
            )
        ]
    return []


def check_placement(
    tree: OrgTree, level: str, parent_uid: str | None, name: str, exclude_uid: str | None = None
) -> list[Fault]:
    """Faults of putting an organization of ``level`` named ``name`` under ``parent_uid``."""
    faults: list[Fault] = []
    if level == "committee":
        root = tree.root
        if parent_uid is not None:
            faults.append(
                Fault(
                    _(
                        "A party committee is the root of the ledger and has no parent "
                        "organization."
                    ),
                    field="parent",
                )
            )
        elif root is not None and root.uid != exclude_uid:
            faults.append(
                Fault(
                    _(
                        "The ledger already has its party committee “{name}”; there is one per "
                        "ledger."
                    ).format(name=root.name),
                    field="level",
                )
            )
        return faults
    if parent_uid is None:
        faults.append(
            Fault(
                _("Choose the parent organization of “{name}”.").format(name=name), field="parent"
            )
        )
        return faults
    parent = tree.by_uid.get(parent_uid)
    if parent is None:
        faults.append(Fault(_("The parent organization no longer exists."), field="parent"))
        return faults
    if parent.level not in ALLOWED_PARENT_LEVELS[level]:
        faults.append(
            Fault(
                _(
                    "A {level} cannot sit under the {parent_level} “{parent}”: a college sits "
                    "under the party committee, a branch under a college or directly under the "
                    "committee."
                ).format(
                    level=ORG_LEVELS.label(level),
                    parent_level=ORG_LEVELS.label(parent.level),
                    parent=parent.name,
                ),
                field="parent",
            )
        )
    sibling = tree.child_named(parent_uid, name)
    if sibling is not None and sibling.uid != exclude_uid:
        faults.append(
            Fault(
                _(
                    "“{parent}” already has an organization named “{name}”; names must differ "
                    "among organizations under the same parent."
                ).format(parent=parent.name, name=name),
                field="name",
            )
        )
    return faults


def check_counts(values: dict[str, Any]) -> list[Fault]:
    faults = []
    for field in (*COUNT_FIELDS, "term_years"):
        value = values.get(field)
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            faults.append(
                Fault(
                    _("{value} is not a whole number of zero or more.").format(value=value),
                    field=field,
                )
            )
        elif field == "term_years" and value == 0:
            faults.append(Fault(_("A term lasts at least one year."), field=field))
    branch_type = values.get("branch_type")
    if branch_type is not None and branch_type not in BRANCH_TYPES:
        faults.append(
            Fault(
                _("Unknown branch type “{value}”.").format(value=branch_type), field="branch_type"
            )
        )
    return faults


def check_dates(values: dict[str, Any]) -> list[Fault]:
    """Faults of the founding and election dates (a ``date``, a readable text, or blank)."""
    faults = []
    for field in DATE_FIELDS:
        try:
            parse_date(values.get(field))
        except DateParseError:
            faults.append(
                Fault(
                    _("“{value}” is not a date; write it like 2025-03-18.").format(
                        value=values[field]
                    ),
                    field=field,
                )
            )
    return faults


def _prepare(values: dict[str, Any]) -> dict[str, Any]:
    row = dict(values)
    for key in DATE_FIELDS:
        if key in row:
            row[key] = to_iso(parse_date(row[key]))
    for key, default in BLANK_DEFAULTS.items():
        if key in row and row[key] is None:
            row[key] = default
    if isinstance(row.get("secretary"), str):
        row["secretary"] = row["secretary"].strip() or None
    for flag in ("double_leader", "has_party_groups"):
        if flag in row:
            row[flag] = int(bool(row[flag]))
    if "name" in row:
        row["name"] = str(row["name"]).strip()
    return row


def _dissolved_parent(tree: OrgTree, parent_uid: str | None) -> list[Fault]:
    """The fault of putting an active organization under ``parent_uid`` if it is dissolved."""
    parent = tree.by_uid.get(parent_uid) if parent_uid else None
    if parent is None or parent.active:
        return []
    return [
        Fault(
            _(
                "“{parent}” is dissolved; reinstate it first, or choose another parent "
                "organization."
            ).format(parent=parent.name),
            field="parent",
        )
    ]


# ---- operations -----------------------------------------------------------------------------


def add_organization(
    ledger: Ledger, *, name: str, level: str, parent_uid: str | None = None, **fields: Any
) -> str:
    """Add an organization; raises ``ValidationError`` listing every fault."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown organization fields: {sorted(unknown)}")
    if level not in ORG_LEVELS:
        raise ValidationError.single(_("Unknown level “{value}”.").format(value=level), "level")
    with ledger.transaction():
        tree = load_tree(ledger)
        name = str(name or "").strip()
        faults = check_name(name) + check_placement(tree, level, parent_uid, name)
        faults += _dissolved_parent(tree, parent_uid)
        faults += check_counts(fields) + check_dates(fields)
        if faults:
            raise ValidationError(_("The organization was not saved."), faults)
        row = _prepare({**fields, "name": name, "level": level, "parent_uid": parent_uid})
        if level != "branch":
            row["branch_type"] = None
        return records.insert(ledger, "organizations", row)


def update_organization(ledger: Ledger, uid: str, **fields: Any) -> bool:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"unknown organization fields: {sorted(unknown)}")
    with ledger.transaction():
        tree = load_tree(ledger)
        org = tree.get(uid)
        faults = check_counts(fields) + check_dates(fields)
        if "name" in fields:
            name = str(fields["name"] or "").strip()
            faults += check_name(name) + check_placement(
                tree, org.level, org.parent_uid, name, exclude_uid=uid
            )
        if faults:
            raise ValidationError(_("The organization was not saved."), faults)
        row = _prepare(fields)
        if org.level != "branch" and "branch_type" in row:
            row["branch_type"] = None
        return records.update(ledger, "organizations", uid, row)


def move_organization(ledger: Ledger, uid: str, new_parent_uid: str) -> None:
    """Move an organization (and everything under it) under another parent."""
    with ledger.transaction():
        tree = load_tree(ledger)
        org = tree.get(uid)
        if new_parent_uid in tree.subtree(uid):
            raise ValidationError.single(
                _(
                    "“{name}” cannot move under itself or under one of its own organizations."
                ).format(name=org.name),
                "parent",
            )
        faults = check_placement(tree, org.level, new_parent_uid, org.name, exclude_uid=uid)
        if org.active:
            faults += _dissolved_parent(tree, new_parent_uid)
        if faults:
            raise ValidationError(_("The organization was not moved."), faults)
        records.update(ledger, "organizations", uid, {"parent_uid": new_parent_uid})


def dissolve_organization(ledger: Ledger, uid: str, on: date) -> None:
    """Mark an organization and everything under it as dissolved (撤销) on ``on``. Its records
    stay in the ledger and in past statistics."""
    with ledger.transaction():
        tree = load_tree(ledger)
        if tree.get(uid).parent_uid is None:
            raise RefusedError(
                _("The party committee is the root of the ledger and cannot be dissolved.")
            )
        changes = [
            (u, {"active": 0, "dissolved_on": to_iso(on)})
            for u in tree.subtree(uid)
            if tree.by_uid[u].active
        ]
        records.update_many(ledger, "organizations", changes)


def reinstate_organization(ledger: Ledger, uid: str) -> None:
    """Undo a dissolution: the organization and what under it was dissolved the same day
    (with it); an organization dissolved earlier on its own stays dissolved."""
    with ledger.transaction():
        tree = load_tree(ledger)
        org = tree.get(uid)
        if org.parent_uid and not tree.get(org.parent_uid).active:
            raise RefusedError(
                _("Reinstate “{parent}” first: “{name}” sits under it.").format(
                    parent=tree.get(org.parent_uid).name, name=org.name
                )
            )
        if org.active:
            return
        changes = [
            (u, {"active": 1, "dissolved_on": None})
            for u in tree.subtree(uid)
            if u == uid
            or (not tree.by_uid[u].active and tree.by_uid[u].dissolved_on == org.dissolved_on)
        ]
        records.update_many(ledger, "organizations", changes)


def delete_organization(ledger: Ledger, uid: str) -> int:
    """Move an organization, everything under it and all their records to the recycle bin.
    Returns how many organizations went."""
    from desktop_app.storage.recycle import dependents_of_organizations

    with ledger.transaction():
        tree = load_tree(ledger)
        tree.get(uid)
        if tree.by_uid[uid].parent_uid is None:
            raise RefusedError(
                _("The party committee is the root of the ledger and cannot be deleted.")
            )
        orgs = tree.subtree(uid)
        items = dependents_of_organizations(ledger, orgs)
        items += [("organizations", u) for u in orgs]
        records.soft_delete(ledger, items, cause=uid)
        return len(orgs)
