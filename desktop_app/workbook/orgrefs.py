"""Naming organizations in a workbook: by name (unique across the whole tree) or by path.

A path is the names from below the root down to the organization, joined by ``/``; it may
begin with the root's name, and the root's name alone means the root. A path is exact: after
the root's name, ``党委/教工第一党支部`` means the branch directly under the root even when
colleges have branches of the same name.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.orgtree import SEPARATOR, OrgTree, normalize_reference
from desktop_app.i18n import _


@dataclass
class Node:
    uid: str
    name: str
    level: str | None
    parent_uid: str | None
    path: str
    depth: int


class OrgIndex:
    """Organizations by uid, path and name, as the workbook names them."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self.by_path: dict[str, str] = {}
        self.by_name: dict[str, list[str]] = {}
        self.root_uid: str | None = None

    @classmethod
    def from_tree(cls, tree: OrgTree) -> OrgIndex:
        index = cls()
        pending = [tree.root.uid] if tree.root else []
        while pending:  # parents before children
            uid = pending.pop(0)
            org = tree.by_uid[uid]
            index.add(uid, org.name, org.level, org.parent_uid)
            pending.extend(tree.children.get(uid, []))
        return index

    @property
    def root(self) -> Node | None:
        return self.nodes.get(self.root_uid) if self.root_uid else None

    def child_path(self, parent_uid: str | None, name: str) -> str:
        """The path an organization named ``name`` gets under ``parent_uid``."""
        if parent_uid is None or parent_uid == self.root_uid:
            return name
        return self.nodes[parent_uid].path + SEPARATOR + name

    def add(self, uid: str, name: str, level: str | None, parent_uid: str | None) -> Node:
        parent = self.nodes.get(parent_uid) if parent_uid else None
        node = Node(
            uid,
            name,
            level,
            parent_uid,
            self.child_path(parent_uid, name),
            parent.depth + 1 if parent else 0,
        )
        self.nodes[uid] = node
        if parent_uid is None:
            self.root_uid = uid
        else:
            self.by_path.setdefault(node.path, uid)
        self.by_name.setdefault(name, []).append(uid)
        return node

    def split(self, reference: str) -> tuple[str, str]:
        """``("root", "")``, ``("path", text)`` or ``("name", text)`` for a reference."""
        text = normalize_reference(reference)
        root = self.root
        if root is not None:
            if text == root.name:
                return "root", ""
            prefix = root.name + SEPARATOR
            if text.startswith(prefix):
                return "path", text[len(prefix) :]
        if SEPARATOR in text:
            return "path", text
        return "name", text

    def candidates(self, reference: str) -> list[str]:
        """The uids ``reference`` may mean, sorted by path."""
        kind, text = self.split(reference)
        if kind == "root":
            return [self.root_uid] if self.root_uid else []
        if kind == "path":
            uid = self.by_path.get(text)
            return [uid] if uid else []
        return sorted(self.by_name.get(text, []), key=lambda u: self.nodes[u].path)

    def reference(self, uid: str) -> str:
        """The shortest text that names ``uid`` unambiguously: its path, prefixed with the
        root's name when the path is a bare name that several organizations share."""
        node = self.nodes[uid]
        root = self.root
        if root is None or uid == root.uid:
            return node.path
        shared = len(self.by_name.get(node.name, [])) > 1 or node.name == root.name
        if SEPARATOR not in node.path and shared:
            return root.name + SEPARATOR + node.path
        return node.path


def unknown_message(reference: str) -> str:
    return _(
        "There is no organization “{name}” in the ledger or in the workbook. Check the "
        "spelling, or write its path such as 机电工程学院党总支/教工第一党支部."
    ).format(name=reference)
