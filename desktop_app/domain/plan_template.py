"""The built-in template of the 三级联创 implementation plan: its targets and its task list.

The plan (``resources/templates/three_level_plan.json``) lists, under each section, the tasks
of the 任务书 with their lead and cooperating departments, and the creation targets of the
plan period. ``apply_plan_tasks`` copies the tasks into a ledger.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from desktop_app.domain.campaign import check_task
from desktop_app.domain.dates import to_iso
from desktop_app.errors import StorageError, ValidationError
from desktop_app.i18n import _
from desktop_app.paths import resource
from desktop_app.storage import records
from desktop_app.storage.ledger import Ledger

TEMPLATE_PARTS = ("templates", "three_level_plan.json")
DEPARTMENT_SEPARATOR = "、"


@dataclass(frozen=True)
class PlanTask:
    title: str
    detail: str
    lead_department: str
    cooperating_departments: tuple[str, ...]

    @property
    def cooperating_text(self) -> str:
        """The cooperating departments as the ledger stores them, joined by 、."""
        return DEPARTMENT_SEPARATOR.join(self.cooperating_departments)


@dataclass(frozen=True)
class PlanSection:
    title: str
    tasks: tuple[PlanTask, ...]


@dataclass(frozen=True)
class PlanTarget:
    """A creation target of the plan: ``target`` units of (``level``, ``grade``)."""

    level: str
    grade: str
    target: int
    period: str


@dataclass(frozen=True)
class BrandTarget:
    """The plan's aim for brands: ``target`` brands of ``grade`` (or higher if ``or_higher``)."""

    grade: str
    or_higher: bool
    target: int
    period: str


@dataclass(frozen=True)
class PlanTemplate:
    title: str
    issued_by: str
    issued_on: date
    target_year: int
    targets: tuple[PlanTarget, ...]
    brand_target: BrandTarget | None
    sections: tuple[PlanSection, ...]

    @property
    def tasks(self) -> list[tuple[PlanSection, PlanTask]]:
        """Every task of the plan with its section, in the plan's order."""
        return [(section, task) for section in self.sections for task in section.tasks]


def template_path() -> Path:
    return resource(*TEMPLATE_PARTS)


def _parse(data: dict[str, Any]) -> PlanTemplate:
    sections = tuple(
        PlanSection(
            title=str(s["title"]),
            tasks=tuple(
                PlanTask(
                    title=str(t["title"]),
                    detail=str(t.get("detail") or ""),
                    lead_department=str(t.get("lead_department") or ""),
                    cooperating_departments=tuple(
                        str(d) for d in t.get("cooperating_departments") or ()
                    ),
                )
                for t in s["tasks"]
            ),
        )
        for s in data["sections"]
    )
    targets = tuple(
        PlanTarget(str(t["level"]), str(t["grade"]), int(t["target"]), str(t.get("period") or ""))
        for t in data.get("targets") or ()
    )
    brand = data.get("brand_target")
    brand_target = (
        BrandTarget(
            str(brand["grade"]),
            bool(brand.get("or_higher")),
            int(brand["target"]),
            str(brand.get("period") or ""),
        )
        if brand
        else None
    )
    return PlanTemplate(
        title=str(data["title"]),
        issued_by=str(data["issued_by"]),
        issued_on=date.fromisoformat(str(data["issued_on"])),
        target_year=int(data["target_year"]),
        targets=targets,
        brand_target=brand_target,
        sections=sections,
    )


def load_plan() -> PlanTemplate:
    """The built-in 三级联创 plan; a missing or damaged template file is a ``StorageError``."""
    path = template_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return _parse(data)
    except OSError as exc:
        raise StorageError(
            _(
                "The built-in plan template {path} cannot be read: {reason}. Reinstall Party "
                "Ledger to restore it."
            ).format(path=path, reason=exc.strerror or exc)
        ) from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise StorageError(
            _(
                "The built-in plan template {path} is damaged ({reason}). Reinstall Party "
                "Ledger to restore it."
            ).format(path=path, reason=exc)
        ) from exc


def apply_plan_tasks(ledger: Ledger, deadline: date | None = None) -> int:
    """Add to the ledger's 任务书 every task of the plan whose title it does not have yet
    (status 未开始, the given deadline, the section title kept). Returns how many were added;
    a second run adds nothing."""
    plan = load_plan()
    with ledger.transaction():
        existing = {
            row["title"] for row in ledger.query("SELECT title FROM tasks WHERE deleted_at IS NULL")
        }
        rows: list[dict[str, Any]] = []
        for section, task in plan.tasks:
            if task.title in existing:
                continue
            row = {
                "title": task.title,
                "section": section.title,
                "lead_department": task.lead_department or None,
                "cooperating_departments": task.cooperating_text or None,
                "deadline": to_iso(deadline),
                "status": "todo",
            }
            faults = check_task(row)
            if faults:
                raise ValidationError(_("The tasks of the plan were not added."), faults)
            rows.append(row)
            existing.add(task.title)
        records.insert_many(ledger, "tasks", rows)
        return len(rows)
