"""The built-in 三级联创 plan template and copying its tasks into a ledger."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import table_snapshot

from desktop_app.domain import plan_template
from desktop_app.domain.campaign import add_task, check_level_grade, check_task, delete_record
from desktop_app.domain.plan_template import BrandTarget, PlanTarget, apply_plan_tasks, load_plan
from desktop_app.errors import StorageError
from desktop_app.storage import Ledger

FIRST_TITLE = "实施政治“强核”行动计划,做到把方向过硬"


def tasks_by_title() -> dict[str, plan_template.PlanTask]:
    return {task.title: task for _section, task in load_plan().tasks}


def test_plan_metadata_and_targets() -> None:
    plan = load_plan()
    assert plan.title == "关于全面开展党建“三级联创”工作的实施意见"
    assert plan.issued_by == "中共宁波职业技术学院委员会"
    assert plan.issued_on == date(2020, 6, 12)
    assert plan.target_year == 2023
    assert plan.targets == (
        PlanTarget("school", "national", 1, "2021-2023"),
        PlanTarget("college", "national", 1, "2021-2023"),
        PlanTarget("branch", "national", 1, "2021-2023"),
        PlanTarget("college", "provincial", 4, "2021-2023"),
        PlanTarget("branch", "provincial", 4, "2021-2023"),
    )
    assert all(check_level_grade(t.level, t.grade) == [] for t in plan.targets)
    assert plan.brand_target == BrandTarget("provincial", True, 10, "2021-2023")


def test_plan_has_26_tasks_in_five_sections() -> None:
    plan = load_plan()
    assert [s.title[:2] for s in plan.sections] == ["二、", "三、", "四、", "五、", "六、"]
    assert plan.sections[0].title == "二、打造政治强核,大力推进党建工作示范高校创建"
    assert [len(s.tasks) for s in plan.sections] == [6, 5, 7, 5, 3]
    titles = [task.title for _section, task in plan.tasks]
    assert len(titles) == 26
    assert len(set(titles)) == 26
    for _section, task in plan.tasks:
        assert task.title and not task.title.endswith("。")
        assert not task.title[0].isdigit()
        assert task.detail.endswith("。")
        assert "牵头部门" not in task.detail and "配合部门" not in task.detail
        assert task.lead_department and task.cooperating_departments
        assert check_task({"title": task.title, "status": "todo"}) == []


def test_first_task_is_copied_exactly() -> None:
    first = load_plan().tasks[0][1]
    assert first.title == FIRST_TITLE
    assert first.lead_department == "组织部"
    assert first.cooperating_departments == ("宣传部", "马克思主义学院")
    assert first.cooperating_text == "宣传部、马克思主义学院"
    assert first.detail.startswith("健全“不忘初心、牢记使命”长效机制,建立理论学“习”研讨制度,")
    assert first.detail.endswith("积极创建全省“三全育人”综合改革示范校。")


def test_spot_checks_of_departments() -> None:
    tasks = tasks_by_title()
    led_by_quality_office = {
        t.title: t.cooperating_departments for t in tasks.values() if t.lead_department == "质控办"
    }
    assert led_by_quality_office == {
        "全力推进“双高”建设任务书,做到保落实过硬": ("组织部", "党政办"),
        "培育创业创新攻坚团队,实现组织师生有力": ("人事处", "各二级学院"),
    }
    community = tasks["全面开展校地党建共同体建设"]
    assert community.lead_department == "组织部"
    assert len(community.cooperating_departments) == 11
    assert community.cooperating_departments[0] == "党政办"
    assert community.cooperating_departments[-1] == "各二级学院"
    assert tasks["探索红线底线“双线”管理,实现监督党员有力"].lead_department == "纪委办"
    assert tasks["拓展服务帮扶工作平台,实现服务师生有力"].lead_department == "学工部"
    governance = tasks["加强学校治理体系和治理能力建设,做到做决策过硬"]
    assert governance.lead_department == "党政办"
    assert governance.cooperating_departments == (
        "组织部",
        "科技处",
        "质控办",
        "工会",
        "信息资源中心",
    )
    leads = [t.lead_department for t in tasks.values()]
    assert leads.count("组织部") == 15
    assert leads.count("宣传部") == 4


def test_apply_adds_every_task_once(ledger: Ledger) -> None:
    assert apply_plan_tasks(ledger, deadline=date(2023, 12, 31)) == 26
    rows = ledger.query("SELECT * FROM tasks ORDER BY rowid")
    assert len(rows) == 26
    first = rows[0]
    assert first["title"] == FIRST_TITLE
    assert first["section"] == "二、打造政治强核,大力推进党建工作示范高校创建"
    assert first["lead_department"] == "组织部"
    assert first["cooperating_departments"] == "宣传部、马克思主义学院"
    assert first["deadline"] == "2023-12-31"
    assert first["status"] == "todo"
    assert rows[-1]["section"] == "六、加强机制保障,确保党建“三级联创”取得实效"
    assert {r["status"] for r in rows} == {"todo"}
    audited = ledger.scalar(
        "SELECT COUNT(*) FROM audit_log WHERE table_name = 'tasks' AND action = 'insert'"
    )
    assert audited == 26

    before = table_snapshot(ledger)
    assert apply_plan_tasks(ledger, deadline=date(2024, 6, 30)) == 0
    assert table_snapshot(ledger) == before


def test_apply_without_deadline_leaves_it_blank(ledger: Ledger) -> None:
    assert apply_plan_tasks(ledger) == 26
    assert ledger.scalar("SELECT COUNT(*) FROM tasks WHERE deadline IS NULL") == 26


def test_apply_skips_titles_the_ledger_already_has(ledger: Ledger) -> None:
    uid = add_task(ledger, FIRST_TITLE, lead_department="党委组织部", status="doing")
    assert apply_plan_tasks(ledger) == 25
    kept = ledger.query("SELECT * FROM tasks WHERE uid = ?", [uid])[0]
    assert kept["lead_department"] == "党委组织部"
    assert kept["status"] == "doing"
    assert ledger.scalar("SELECT COUNT(*) FROM tasks WHERE title = ?", [FIRST_TITLE]) == 1


def test_apply_restores_a_task_only_in_the_recycle_bin(ledger: Ledger) -> None:
    apply_plan_tasks(ledger)
    uid = ledger.scalar("SELECT uid FROM tasks WHERE title = ?", [FIRST_TITLE])
    delete_record(ledger, "tasks", str(uid))
    assert apply_plan_tasks(ledger) == 1
    live = ledger.scalar("SELECT COUNT(*) FROM tasks WHERE deleted_at IS NULL")
    assert live == 26


def test_damaged_template_is_a_storage_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "three_level_plan.json"
    broken.write_text('{"title": "x", "sections": [', encoding="utf-8")
    monkeypatch.setattr(plan_template, "template_path", lambda: broken)
    with pytest.raises(StorageError, match="is damaged"):
        load_plan()
    monkeypatch.setattr(plan_template, "template_path", lambda: tmp_path / "missing.json")
    with pytest.raises(StorageError, match="cannot be read"):
        load_plan()


def test_damaged_template_adds_nothing(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "three_level_plan.json"
    broken.write_text("[]", encoding="utf-8")
    monkeypatch.setattr(plan_template, "template_path", lambda: broken)
    with pytest.raises(StorageError):
        apply_plan_tasks(ledger)
    assert ledger.scalar("SELECT COUNT(*) FROM tasks") == 0
