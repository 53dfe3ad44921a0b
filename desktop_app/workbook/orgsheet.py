"""The 组织 sheet: placing its rows in the tree made of the ledger's organizations and the
sheet's own rows, then planning what to add and what to update.

A row's identity is its path: an organization already at that path is updated, otherwise a
new one is added. Rows may name parents that come later in the sheet, so parents are
resolved in rounds until nothing more can be placed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, cast

from desktop_app.domain.enums import BRANCH_TYPES, ORG_LEVELS
from desktop_app.domain.organizations import ALLOWED_PARENT_LEVELS, DEFAULT_TERM_YEARS, check_name
from desktop_app.domain.orgtree import ambiguous_message, load_tree
from desktop_app.i18n import _
from desktop_app.storage.ledger import Ledger
from desktop_app.storage.records import new_uid
from desktop_app.workbook.cells import CellProblem, enum_code, text
from desktop_app.workbook.orgrefs import OrgIndex, unknown_message
from desktop_app.workbook.orgstates import StateCheck
from desktop_app.workbook.plan import Collector, Row, TablePlan, columns_of, convert_row, diff
from desktop_app.workbook.reader import SheetData

NEW_ORG_DEFAULTS: dict[str, Any] = {
    "branch_type": None,
    "secretary": None,
    "double_leader": 0,
    "has_party_groups": 0,
    "founded_on": None,
    "elected_on": None,
    "term_years": DEFAULT_TERM_YEARS,
    "members_full": 0,
    "members_probationary": 0,
    "activists": 0,
    "active": 1,
    "dissolved_on": None,
}


@dataclass
class Entry:
    """One row of 组织 on its way into the tree."""

    row: int
    cells: Row
    ok: bool
    name: str | None
    level: str | None
    parent_ref: str
    state: str = "pending"  # pending → placed | failed | merged (into a later row)
    uid: str | None = None
    parent_uid: str | None = None


class OrgPlanner:
    """Validates the 组织 sheet and resolves organization references for the other sheets."""

    def __init__(self, ledger: Ledger, collector: Collector) -> None:
        self.tree = load_tree(ledger)
        self.index = OrgIndex.from_tree(self.tree)
        self.collector = collector
        self.plan = TablePlan("组织", "organizations")
        self.entries: list[Entry] = []
        self.failed_names: set[str] = set()
        self._pending_names: Counter[str] = Counter()
        self._current: dict[str, Row] = {}
        self._ledger = ledger
        self.sheet: SheetData | None = None
        self._cache: dict[str, tuple[str | None, str | None]] = {}

    # ---- the 组织 sheet -----------------------------------------------------------------

    def run(self, sheet: SheetData | None) -> TablePlan:
        if sheet is None:
            return self.plan
        if not sheet.usable:
            # The sheet's layout is broken (reported already); do not report every reference
            # to its organizations as unknown as well.
            for _number, values in sheet.rows:
                name = text(sheet.value(values, "name"))
                if name:
                    self.failed_names.add(name)
            return self.plan
        self.sheet = sheet
        self._current = {
            r["uid"]: r
            for r in self._ledger.query("SELECT * FROM organizations WHERE deleted_at IS NULL")
        }
        self._read(sheet)
        self._place_committees()
        self._place_others()
        owners = self._claim()
        for entry in owners:
            self._check_level(entry)
        self._check_states(sheet, owners)
        for entry in owners:
            if entry.ok and entry.state == "placed":
                self._plan_values(entry)
        self.plan.inserts.sort(key=lambda r: self.index.nodes[r["uid"]].depth)
        return self.plan

    def _error(self, entry: Entry, field_name: str, message: str) -> None:
        assert self.sheet is not None
        self.collector.error(self.sheet, entry.row, field_name, message)

    def _read(self, sheet: SheetData) -> None:
        columns = columns_of(sheet)
        for number, values in sheet.rows:
            cells, ok = convert_row(sheet, columns, number, values, self.collector)
            name = cells.get("name")
            if name:
                faults = check_name(name)
                if faults:
                    self.collector.error(sheet, number, "name", faults[0].message)
                    ok = False
                    name = None
            entry = Entry(number, cells, ok, name, cells.get("level"), cells.get("parent") or "")
            if name is None:
                entry.state = "failed"
            self.entries.append(entry)

    def _place_committees(self) -> None:
        for entry in self.entries:
            if entry.state != "pending" or entry.level != "committee":
                continue
            assert entry.name is not None
            if entry.parent_ref:
                self._error(
                    entry,
                    "parent",
                    _(
                        "A party committee (党委) is the root of the ledger and has no parent "
                        "organization; leave 上级组织 empty."
                    ),
                )
            root = self.index.root
            if root is None:
                uid = new_uid()
                self.index.add(uid, entry.name, "committee", None)
                entry.uid, entry.state = uid, "placed"
            elif root.name == entry.name:
                entry.uid, entry.state = root.uid, "placed"
            else:
                self._error(
                    entry,
                    "level",
                    _(
                        "There is already a party committee, “{name}”; a ledger has exactly one "
                        "党委, at its root. Make this row a college (院系党组织) or a branch "
                        "(党支部), or remove it."
                    ).format(name=root.name),
                )
                self._fail(entry)

    def _fail(self, entry: Entry) -> None:
        entry.state = "failed"
        if entry.name:
            self.failed_names.add(entry.name)

    def _place_others(self) -> None:
        pending = [e for e in self.entries if e.state == "pending"]
        self._pending_names = Counter(e.name for e in pending if e.name)
        while pending:
            waiting = []
            for entry in pending:
                outcome, found = self._parent_of(entry)
                if outcome == "wait":
                    waiting.append(entry)
                    continue
                self._pending_names[entry.name or ""] -= 1
                if outcome == "ok":
                    self._place(entry, str(found))
                elif outcome == "blocked":
                    self._fail(entry)  # its parent's row has a fault of its own
                else:
                    self._report_parent(entry, outcome, found)
            if len(waiting) == len(pending):
                for entry in waiting:  # parents that name each other in a circle
                    self._report_parent(entry, "missing", None)
                break
            pending = waiting

    def _report_parent(self, entry: Entry, outcome: str, found: object) -> None:
        if outcome == "no_root":
            message = _(
                "There is no party committee (党委) in the ledger or in this sheet, so “{name}” "
                "has nowhere to go. Add a row for the 党委, or write its parent in 上级组织."
            ).format(name=entry.name)
        elif outcome == "ambiguous":
            message = ambiguous_message(entry.parent_ref, cast(list[str], found))
        else:
            message = _(
                "The parent organization “{name}” is neither in the ledger nor in this sheet. "
                "Check the spelling, or write its path such as 机电工程学院党总支."
            ).format(name=entry.parent_ref)
        self._error(entry, "parent", message)
        self._fail(entry)

    def _parent_of(self, entry: Entry) -> tuple[str, object]:
        index = self.index
        if not entry.parent_ref:
            return ("ok", index.root_uid) if index.root_uid else ("no_root", None)
        kind, ref = index.split(entry.parent_ref)
        if kind == "root":
            return "ok", index.root_uid
        if kind == "path":
            uid = index.by_path.get(ref)
            if uid:
                return "ok", uid
            last = ref.rsplit("/", 1)[-1]
            if self._pending_names[last] > 0:
                return "wait", None
            return ("blocked", None) if last in self.failed_names else ("missing", None)
        if self._pending_names[ref] > 0:
            return "wait", None
        uids = index.by_name.get(ref, [])
        if len(uids) == 1:
            return "ok", uids[0]
        if uids:
            return "ambiguous", sorted(index.nodes[u].path for u in uids)
        return ("blocked", None) if ref in self.failed_names else ("missing", None)

    def _place(self, entry: Entry, parent_uid: str) -> None:
        assert entry.name is not None
        uid = self.index.by_path.get(self.index.child_path(parent_uid, entry.name))
        if uid is None:
            uid = new_uid()
            self.index.add(uid, entry.name, entry.level, parent_uid)
        entry.uid, entry.parent_uid, entry.state = uid, parent_uid, "placed"

    def _claim(self) -> list[Entry]:
        """One row per organization placed: rows at the same path are merged, the last one's
        values kept (with a warning), unless they give the organization different levels."""
        assert self.sheet is not None
        owners: dict[str, Entry] = {}
        rows: dict[str, list[int]] = {}
        for entry in self.entries:
            if entry.state != "placed" or entry.uid is None:
                continue
            first = owners.get(entry.uid)
            if first is None:
                owners[entry.uid] = entry
                rows[entry.uid] = [entry.row]
            elif entry.level is not None and first.level not in (None, entry.level):
                self._error(entry, "level", self._other_level(entry, first))
                entry.state = "failed"
            else:
                first.state = "merged"
                owners[entry.uid] = entry
                rows[entry.uid].append(entry.row)
        for numbers in rows.values():
            if len(numbers) > 1:
                self.collector.repeated(self.sheet, numbers)
        return list(owners.values())

    def _other_level(self, entry: Entry, first: Entry) -> str:
        assert entry.uid is not None and entry.level is not None and first.level is not None
        return _(
            "Row {first} gives “{path}” the level {level}, but this row gives it {other}; one "
            "organization has one level. Correct 层级 in one of the two rows, or give this "
            "organization another name or parent."
        ).format(
            first=first.row,
            path=self.index.nodes[entry.uid].path,
            level=ORG_LEVELS.contract(first.level),
            other=ORG_LEVELS.contract(entry.level),
        )

    def _check_level(self, entry: Entry) -> None:
        if entry.level is None or entry.uid is None:
            return
        existing = self.tree.by_uid.get(entry.uid)
        if existing is not None:
            if existing.level != entry.level:
                self._error(
                    entry,
                    "level",
                    _(
                        "“{path}” is already in the ledger as a {level} ({contract}); an import "
                        "cannot change the level of an organization. Write 层级 {contract}, or "
                        "give the new organization another name or parent."
                    ).format(
                        path=self.index.nodes[entry.uid].path,
                        level=ORG_LEVELS.label(existing.level),
                        contract=ORG_LEVELS.contract(existing.level),
                    ),
                )
                entry.state = "failed"
            return
        if entry.level == "committee" or entry.parent_uid is None:
            return
        parent = self.index.nodes[entry.parent_uid]
        if parent.level is None or parent.level in ALLOWED_PARENT_LEVELS[entry.level]:
            return
        self._error(
            entry,
            "parent",
            _(
                "A {level} cannot sit under the {parent_level} “{parent}”: a college sits under "
                "the party committee, a branch under a college or directly under the committee."
            ).format(
                level=ORG_LEVELS.label(entry.level),
                parent_level=ORG_LEVELS.label(parent.level),
                parent=parent.path,
            ),
        )
        entry.state = "failed"

    def _check_states(self, sheet: SheetData, owners: list[Entry]) -> None:
        check = StateCheck(
            owners,
            state_column="active" in sheet.positions,
            current=self._current,
            tree=self.tree,
            index=self.index,
        )
        for entry, field_name, message in list(check.faults()):
            self._error(entry, field_name, message)
            entry.ok = False

    def _plan_values(self, entry: Entry) -> None:
        assert entry.uid is not None and entry.name is not None and entry.level is not None
        values = {k: entry.cells[k] for k in NEW_ORG_DEFAULTS if k in entry.cells}
        if values.get("active") == 1:
            values.setdefault("dissolved_on", None)  # reinstated: no longer a date of dissolution
        if "branch_type" in values and not self._branch_type(entry, values):
            return
        current = self._current.get(entry.uid)
        if current is None:
            self.plan.inserts.append(
                {
                    "uid": entry.uid,
                    "parent_uid": entry.parent_uid,
                    "name": entry.name,
                    "level": entry.level,
                    **NEW_ORG_DEFAULTS,
                    **values,
                }
            )
            return
        changes = diff(current, values)
        if changes:
            self.plan.updates.append((entry.uid, changes))
        else:
            self.plan.unchanged += 1

    def _branch_type(self, entry: Entry, values: Row) -> bool:
        """Turn the 支部类型 text into its code (branches) or drop it with a warning (other
        levels); False if it is not a branch type."""
        assert self.sheet is not None and entry.level is not None
        given = values.pop("branch_type")
        if entry.level != "branch":
            if given is not None:
                self.collector.warn(
                    self.sheet,
                    entry.row,
                    "branch_type",
                    _(
                        "Only a branch (党支部) has a branch type; the type given for this "
                        "{level} was ignored."
                    ).format(level=ORG_LEVELS.label(entry.level)),
                )
            return True
        try:
            values["branch_type"] = enum_code(given, BRANCH_TYPES)
        except CellProblem as problem:
            self._error(entry, "branch_type", problem.message)
            return False
        return True

    # ---- references from the other sheets ------------------------------------------------

    def resolve(self, reference: str) -> tuple[str | None, str | None]:
        """``(uid, None)`` for the organization ``reference`` names; ``(None, message)`` when
        it names none or several; ``(None, None)`` when it names a row of 组织 that has a
        fault of its own (already reported)."""
        cached = self._cache.get(reference)
        if cached is not None:
            return cached
        uids = self.index.candidates(reference)
        if len(uids) == 1:
            result: tuple[str | None, str | None] = (uids[0], None)
        elif uids:
            paths = [self.index.nodes[u].path for u in uids]
            result = (None, ambiguous_message(reference, paths))
        else:
            _kind, ref = self.index.split(reference)
            if ref.rsplit("/", 1)[-1] in self.failed_names:
                result = (None, None)
            else:
                result = (None, unknown_message(reference))
        self._cache[reference] = result
        return result
