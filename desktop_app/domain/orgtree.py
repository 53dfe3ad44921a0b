"""Finding organizations: the tree of a ledger's organizations, their paths, and what a name
or a path typed by a secretary refers to. Names are unique only among siblings; a path is the
names from below the root down to the organization, joined by ``/``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from desktop_app.errors import NotFoundError
from desktop_app.i18n import _, join_list, ngettext
from desktop_app.storage.ledger import Ledger

SEPARATOR = "/"


@dataclass
class Organization:
    uid: str
    parent_uid: str | None
    name: str
    level: str
    branch_type: str | None
    secretary: str | None
    double_leader: bool
    has_party_groups: bool
    founded_on: str | None
    elected_on: str | None
    term_years: int
    members_full: int
    members_probationary: int
    activists: int
    active: bool
    dissolved_on: str | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Organization:
        fields = {k: row[k] for k in cls.__dataclass_fields__}
        for flag in ("double_leader", "has_party_groups", "active"):
            fields[flag] = bool(fields[flag])
        return cls(**fields)


_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_DIGITS.update({"八": 8, "九": 9})
_UNITS = {"十": 10, "百": 100}
_NUMBER = re.compile(r"[0-9]+|[〇零一二两三四五六七八九十百]+")


def _numeral(text: str) -> int:
    """The value of a number in Arabic digits or Chinese numerals up to 999 (十二 = 12)."""
    if text.isdigit():
        return int(text)
    total, digit = 0, 0
    for char in text:
        if char in _UNITS:
            total += (digit or 1) * _UNITS[char]
            digit = 0
        else:
            digit = digit * 10 + _DIGITS[char] if digit else _DIGITS[char]
    return total + digit


def name_key(name: str) -> tuple[tuple[int, str, int], ...]:
    """Sort key that reads numbers as numbers: 第二党支部 before 第十党支部, 2 before 10."""
    parts: list[tuple[int, str, int]] = []
    position = 0
    for match in _NUMBER.finditer(name):
        if match.start() > position:
            parts.append((1, name[position : match.start()], 0))
        parts.append((0, "", _numeral(match.group())))
        position = match.end()
    if position < len(name):
        parts.append((1, name[position:], 0))
    return (*parts, (2, name, 0))


class OrgTree:
    """The organizations of a ledger (those not in the recycle bin), indexed for lookups."""

    def __init__(self, orgs: Iterable[Organization]) -> None:
        self.by_uid: dict[str, Organization] = {o.uid: o for o in orgs}
        self.children: dict[str | None, list[str]] = {}
        for org in self.by_uid.values():
            self.children.setdefault(org.parent_uid, []).append(org.uid)
        for kids in self.children.values():
            kids.sort(key=lambda uid: name_key(self.by_uid[uid].name))
        self._paths: dict[str, str] = {}

    @property
    def root(self) -> Organization | None:
        roots = [self.by_uid[u] for u in self.children.get(None, [])]
        return roots[0] if roots else None

    def __iter__(self) -> Iterator[Organization]:
        return iter(self.by_uid.values())

    def __len__(self) -> int:
        return len(self.by_uid)

    def get(self, uid: str) -> Organization:
        try:
            return self.by_uid[uid]
        except KeyError:
            raise NotFoundError(_("That organization no longer exists.")) from None

    def path(self, uid: str) -> str:
        """Names from below the root down to ``uid``; the root's path is its own name."""
        cached = self._paths.get(uid)
        if cached is not None:
            return cached
        org = self.by_uid[uid]
        if org.parent_uid is None:
            path = org.name
        else:
            parent = self.by_uid[org.parent_uid]
            path = (
                org.name
                if parent.parent_uid is None
                else self.path(parent.uid) + SEPARATOR + org.name
            )
        self._paths[uid] = path
        return path

    def subtree(self, uid: str) -> list[str]:
        """``uid`` and every organization below it, parents before children."""
        result, stack = [], [uid]
        while stack:
            current = stack.pop()
            result.append(current)
            stack.extend(reversed(self.children.get(current, [])))
        return result

    def child_named(self, parent_uid: str | None, name: str) -> Organization | None:
        for uid in self.children.get(parent_uid, []):
            if self.by_uid[uid].name == name:
                return self.by_uid[uid]
        return None

    def matches(self, reference: str) -> list[Organization]:
        """Every organization that ``reference`` (a name, a path, or a path beginning with the
        root's name) may mean."""
        text = normalize_reference(reference)
        if not text:
            return []
        root = self.root
        from_root = False
        if root is not None:
            if text == root.name:
                return [root]
            if text.startswith(root.name + SEPARATOR):
                text = text[len(root.name) + 1 :]
                from_root = True
        if SEPARATOR in text or from_root:
            return [o for o in self.by_uid.values() if o.parent_uid and self.path(o.uid) == text]
        return sorted(
            (o for o in self.by_uid.values() if o.name == text), key=lambda o: self.path(o.uid)
        )

    def resolve(self, reference: str) -> Organization:
        """The one organization ``reference`` names, or a ``NotFoundError`` saying why not."""
        found = self.matches(reference)
        if len(found) == 1:
            return found[0]
        if not found:
            raise NotFoundError(
                _(
                    "There is no organization “{name}”. Check the spelling, or write its path "
                    "such as 机电工程学院党总支/教工第一党支部."
                ).format(name=reference)
            )
        raise NotFoundError(ambiguous_message(reference, [self.path(o.uid) for o in found]))


# How many paths a message lists before it only says how many more there are.
LISTED_PATHS = 5


def ambiguous_message(reference: str, paths: list[str]) -> str:
    """The message for a name that several organizations (at ``paths``) share."""
    return _(
        "“{name}” is the name of {count} organizations ({paths}); write the path of the one "
        "you mean."
    ).format(name=reference, count=len(paths), paths=list_paths(paths))


def list_paths(paths: list[str], limit: int = LISTED_PATHS) -> str:
    """The first ``limit`` of ``paths`` as the language lists them, then how many more."""
    if len(paths) <= limit:
        return join_list(paths)
    more = len(paths) - limit
    return ngettext("{paths} and {count} more", "{paths} and {count} more", more).format(
        paths=join_list(paths[:limit]), count=more
    )


def normalize_reference(reference: str) -> str:
    text = str(reference).strip().replace("／", SEPARATOR).replace("\\", SEPARATOR)
    return SEPARATOR.join(part.strip() for part in text.strip(SEPARATOR).split(SEPARATOR))


def load_tree(ledger: Ledger) -> OrgTree:
    rows = ledger.query("SELECT * FROM organizations WHERE deleted_at IS NULL")
    return OrgTree(Organization.from_row(r) for r in rows)
