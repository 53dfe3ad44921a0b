"""The pages of the navigation list, in the order the list shows them.

A page's module is imported, and the page built, the first time it is shown: the window
starts with the dashboard alone, and never loads what the secretary does not open.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from desktop_app.i18n import N_

if TYPE_CHECKING:
    from desktop_app.gui.pages.base import Page


@dataclass(frozen=True)
class PageEntry:
    key: str
    """Stable name: the screenshot's file name and the remembered last page."""
    title: str
    """The navigation entry, marked with ``N_`` and translated where shown."""
    module: str
    class_name: str

    def load(self) -> type[Page]:
        """The page's class, its module imported now if it was not yet."""
        cls = getattr(import_module(f"desktop_app.gui.pages.{self.module}"), self.class_name)
        if cls.key != self.key:
            raise RuntimeError(f"{self.class_name}.key is {cls.key!r}, registered as {self.key!r}")
        return cls


PAGES: tuple[PageEntry, ...] = (
    PageEntry("dashboard", N_("Dashboard"), "dashboard", "DashboardPage"),
    PageEntry("organizations", N_("Organization tree"), "organizations", "OrganizationsPage"),
    PageEntry("activities", N_("Activity ledger"), "activities", "ActivitiesPage"),
    PageEntry("campaign", N_("Three-level creation"), "campaign", "CampaignPage"),
    PageEntry("tasks", N_("Task list"), "tasks", "TasksPage"),
    PageEntry("ratings", N_("Star ratings"), "ratings", "RatingsPage"),
    PageEntry("reports", N_("Reports"), "reports", "ReportsPage"),
    PageEntry("recycle_bin", N_("Recycle bin"), "recycle_bin", "RecycleBinPage"),
    PageEntry("settings", N_("Settings"), "settings", "SettingsPage"),
)
