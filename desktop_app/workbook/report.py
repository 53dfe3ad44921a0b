"""What an import did (or, for a preview, would do): per sheet, how many records were added,
updated and left unchanged, and the warnings: parts of the workbook that were ignored, and
rows read in a way the user should check (such as a row repeated)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.errors import Fault


@dataclass
class SheetCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    def __getitem__(self, name: str) -> int:
        if name not in ("added", "updated", "unchanged"):
            raise KeyError(name)
        return int(getattr(self, name))

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged


class SheetCountsMap(dict[str, SheetCounts]):
    """Counts by sheet name; a sheet the workbook does not have counts zeros."""

    def __missing__(self, sheet: str) -> SheetCounts:
        return SheetCounts()


@dataclass
class ImportReport:
    """``sheets`` maps each sheet of the contract found in the workbook (by its contract name,
    such as ``活动``) to its counts; ``written`` is False for a preview."""

    sheets: SheetCountsMap = field(default_factory=SheetCountsMap)
    warnings: list[Fault] = field(default_factory=list)
    written: bool = False

    @property
    def counts(self) -> SheetCountsMap:
        """The same as ``sheets``."""
        return self.sheets

    @property
    def added(self) -> dict[str, int]:
        return {name: c.added for name, c in self.sheets.items()}

    @property
    def updated(self) -> dict[str, int]:
        return {name: c.updated for name, c in self.sheets.items()}

    @property
    def unchanged(self) -> dict[str, int]:
        return {name: c.unchanged for name, c in self.sheets.items()}

    @property
    def changed(self) -> bool:
        """True if the import adds or updates anything."""
        return any(c.added or c.updated for c in self.sheets.values())
