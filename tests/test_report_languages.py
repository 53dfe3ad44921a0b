"""Reports in each language: an English summary speaks English; only the ledger's own data
(names, themes, places …) stays in Chinese. 繁體中文 and 简体中文 reports use their catalogs."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.demo import build_demo
from desktop_app.reports import ReportRequest, build_report
from desktop_app.storage import Ledger, open_ledger

YEAR = 2025
AS_OF = date(2026, 1, 15)
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")
DATA_COLUMNS = {
    "organizations": ("name", "secretary"),
    "activities": ("theme", "place", "host", "summary"),
    "creation_candidates": ("note",),
    "tasks": ("title", "section", "lead_department", "cooperating_departments"),
    "brands": ("name",),
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("languages") / "demo.sqlite"
    with open_ledger(path) as ledger:
        build_demo(ledger, YEAR, date(YEAR, 12, 31))
    return path


def compact(text: str) -> str:
    return "".join(text.split())


def ledger_data(ledger: Ledger) -> list[str]:
    """Every text the secretary typed, longest first (so a name is removed before a part)."""
    texts: set[str] = set()
    for table, columns in DATA_COLUMNS.items():
        for column in columns:
            for (value,) in ledger.conn.execute(f'SELECT "{column}" FROM "{table}"'):
                if value:
                    texts.add(compact(str(value)))
    return sorted(texts, key=len, reverse=True)


def report_text(db: Path, out: Path, language: str, kind: str = "summary") -> str:
    with open_ledger(db, create=False) as ledger:
        build_report(ledger, ReportRequest(YEAR, kind, as_of=AS_OF, language=language), out)
    return compact("".join(page.extract_text() for page in PdfReader(out).pages))


@pytest.mark.parametrize("kind", ["summary", "creation"])
def test_an_english_report_has_no_chinese_but_the_ledgers_own(
    demo: Path, tmp_path: Path, kind: str
) -> None:
    text = report_text(demo, tmp_path / "en.pdf", "en", kind)
    with open_ledger(demo, create=False) as ledger:
        data = ledger_data(ledger)
    for value in data:
        text = text.replace(value, " ")
    assert CJK.findall(text) == []


def test_traditional_and_simplified_reports_use_their_catalogs(demo: Path, tmp_path: Path) -> None:
    simplified = report_text(demo, tmp_path / "cn.pdf", "zh_CN")
    traditional = report_text(demo, tmp_path / "tw.pdf", "zh_TW")
    assert "内部资料注意保存" in simplified
    assert "年度党建工作总结" in simplified
    assert "黨建工作總結" in traditional
    assert "党建工作总结" not in traditional
