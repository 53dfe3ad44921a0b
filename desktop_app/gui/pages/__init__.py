"""The pages of the navigation list, in the order the list shows them."""

from __future__ import annotations

import importlib

from desktop_app.gui.pages.base import Page

_PAGES = (
    ("dashboard", "DashboardPage"),
    ("organizations", "OrganizationsPage"),
    ("activities", "ActivitiesPage"),
    ("campaign", "CampaignPage"),
    ("tasks", "TasksPage"),
    ("ratings", "RatingsPage"),
    ("reports", "ReportsPage"),
    ("recycle_bin", "RecycleBinPage"),
    ("settings", "SettingsPage"),
)


def page_classes() -> list[type[Page]]:
    classes = []
    for module_name, class_name in _PAGES:
        try:
            module = importlib.import_module(f"desktop_app.gui.pages.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"desktop_app.gui.pages.{module_name}":
                raise
            continue
        classes.append(getattr(module, class_name))
    return classes
