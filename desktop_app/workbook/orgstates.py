"""The states the 组织 sheet gives its organizations (状态, 撤销日期), checked against the
domain's rules before anything is written: the party committee is never dissolved, nothing
active sits under a dissolved organization, and only a dissolved organization has a 撤销日期
(a dissolved one may lack it: the day is not known).

A row's state is what the import leaves: its 状态 cell (blank is 正常); without a 状态 column,
the ledger's state for an organization already there, 正常 for a new one. A parent's state is
its row's, or the ledger's when the sheet has no row for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from desktop_app.domain.orgtree import OrgTree, list_paths
from desktop_app.i18n import _, ngettext
from desktop_app.workbook.orgrefs import OrgIndex

if TYPE_CHECKING:
    from desktop_app.workbook.orgsheet import Entry

# (the row, the field of the cell at fault, the message)
StateFault = tuple["Entry", str, str]


class StateCheck:
    """The state faults of the rows placed in the tree (``owners``: one row per organization)."""

    def __init__(
        self,
        owners: list[Entry],
        *,
        state_column: bool,
        current: dict[str, dict[str, Any]],
        tree: OrgTree,
        index: OrgIndex,
    ) -> None:
        self.rows = {e.uid: e for e in owners if e.uid is not None}
        self.state_column = state_column
        self.current = current
        self.tree = tree
        self.index = index

    def active(self, uid: str) -> bool | None:
        """Whether ``uid`` is active after the import; None when its 状态 cannot be read (that
        cell has a fault of its own)."""
        entry = self.rows.get(uid)
        if entry is not None and "active" in entry.cells:
            return bool(entry.cells["active"])
        if entry is not None and self.state_column:
            return None
        stored = self.current.get(uid)
        if stored is not None:
            return bool(stored["active"])
        return True if entry is not None else None  # a new organization is active

    def faults(self) -> Iterator[StateFault]:
        for entry in self.rows.values():
            if entry.state != "placed" or entry.uid is None:
                continue
            active = self.active(entry.uid)
            if active is None:
                continue
            if active and entry.cells.get("dissolved_on"):
                yield entry, "dissolved_on", self._dated_but_active()
            if entry.level == "committee":
                if not active:
                    yield entry, "active", self._root_dissolved()
            elif active:
                yield from self._under_dissolved(entry)
            else:
                yield from self._over_active(entry)

    def _under_dissolved(self, entry: Entry) -> Iterator[StateFault]:
        """An active row under a dissolved parent."""
        parent_uid = entry.parent_uid
        if parent_uid is None or self.active(parent_uid) is not False:
            return
        parent = self.index.nodes[parent_uid].path
        parent_row = self.rows.get(parent_uid)
        if parent_row is not None and "active" in parent_row.cells:
            message = _(
                "“{name}” is 正常 (active), but its parent “{parent}” is marked 已撤销 "
                "(dissolved) in row {row}; an organization under a dissolved one is dissolved "
                "too. Write 已撤销 in 状态 here as well, or write 正常 in row {row} to keep "
                "“{parent}”."
            ).format(name=entry.name, parent=parent, row=parent_row.row)
        else:
            message = _(
                "“{name}” is 正常 (active), but its parent “{parent}” is dissolved in the "
                "ledger; an organization under a dissolved one is dissolved too. Write 已撤销 "
                "in 状态, or reinstate “{parent}” first (in the ledger, or with a row of its "
                "own whose 状态 is 正常)."
            ).format(name=entry.name, parent=parent)
        yield entry, "active", message

    def _over_active(self, entry: Entry) -> Iterator[StateFault]:
        """A row that dissolves an organization of the ledger that has active organizations
        under it which the sheet does not dissolve as well (it has no rows for them)."""
        assert entry.uid is not None
        stored = self.current.get(entry.uid)
        if stored is None or not stored["active"]:
            return
        left = [
            self.index.nodes[uid].path
            for uid in self.tree.subtree(entry.uid)[1:]
            if uid not in self.rows and self.current.get(uid, {}).get("active")
        ]
        if not left:
            return
        yield (
            entry,
            "active",
            ngettext(
                "“{name}” is marked 已撤销 (dissolved), but {count} organization under it in "
                "the ledger is still active: {paths}. An organization under a dissolved one is "
                "dissolved too: add a row for it with 状态 已撤销, or write 正常 here.",
                "“{name}” is marked 已撤销 (dissolved), but {count} organizations under it in "
                "the ledger are still active: {paths}. An organization under a dissolved one is "
                "dissolved too: add rows for them with 状态 已撤销, or write 正常 here.",
                len(left),
            ).format(name=entry.name, count=len(left), paths=list_paths(sorted(left))),
        )

    @staticmethod
    def _dated_but_active() -> str:
        return _(
            "An organization that is 正常 (active) has no 撤销日期 (date of dissolution). If it "
            "was dissolved, write 已撤销 in 状态; otherwise clear 撤销日期."
        )

    @staticmethod
    def _root_dissolved() -> str:
        return _(
            "The party committee (党委) is the root of the ledger and cannot be dissolved; "
            "write 正常 in 状态 or leave it empty."
        )
