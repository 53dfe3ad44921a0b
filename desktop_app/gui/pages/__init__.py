"""The pages of the navigation list, in the order the list shows them."""

from __future__ import annotations

from desktop_app.gui.pages.activities import ActivitiesPage
from desktop_app.gui.pages.base import Page
from desktop_app.gui.pages.campaign import CampaignPage
from desktop_app.gui.pages.dashboard import DashboardPage
from desktop_app.gui.pages.organizations import OrganizationsPage
from desktop_app.gui.pages.ratings import RatingsPage
from desktop_app.gui.pages.recycle_bin import RecycleBinPage
from desktop_app.gui.pages.reports import ReportsPage
from desktop_app.gui.pages.settings import SettingsPage
from desktop_app.gui.pages.tasks import TasksPage

PAGE_CLASSES: tuple[type[Page], ...] = (
    DashboardPage,
    OrganizationsPage,
    ActivitiesPage,
    CampaignPage,
    TasksPage,
    RatingsPage,
    ReportsPage,
    RecycleBinPage,
    SettingsPage,
)


def page_classes() -> list[type[Page]]:
    return list(PAGE_CLASSES)
