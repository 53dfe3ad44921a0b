"""The translation catalogs: current with the sources, complete, and used by default.

A message added to or changed in the code fails ``test_template_is_current`` until the
catalogs are refreshed (see ``i18n/README.md``); an entry left untranslated, fuzzy or with a
placeholder lost fails the catalog tests.
"""

from __future__ import annotations

import configparser
import re
import string
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from desktop_app import i18n
from desktop_app.cli import main
from desktop_app.domain import enums
from desktop_app.i18n import _, ngettext, set_language
from desktop_app.storage import open_ledger
from desktop_app.workbook.contract import ORG_STATES

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = ROOT / "i18n"
TEMPLATE = CATALOGS / "messages.pot"
PO_FILES = sorted(CATALOGS.glob("*/LC_MESSAGES/messages.po"))

# The keywords of the extraction command in i18n/README.md (-k N_ -k ngettext:1,2
# -k pgettext:1c,2), added to Babel's defaults as ``pybabel extract`` does.
KEYWORDS: dict[str, Any] = {
    **DEFAULT_KEYWORDS,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
}

Key = tuple[str | None, str | tuple[str, ...]]


def _key(message: Message) -> Key:
    msgid = message.id if isinstance(message.id, str) else tuple(message.id)
    return (message.context, msgid)


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as fp:
        return read_po(fp, locale=locale)


def _method_map() -> tuple[list[tuple[str, str]], dict[str, dict[str, str]]]:
    """The method map and options of babel.cfg (``[method: pattern]`` sections)."""
    parser = configparser.RawConfigParser()
    parser.read(ROOT / "babel.cfg", encoding="utf-8")
    methods: list[tuple[str, str]] = []
    options: dict[str, dict[str, str]] = {}
    for section in parser.sections():
        method, pattern = (part.strip() for part in section.split(":", 1))
        methods.append((pattern, method))
        options[pattern] = dict(parser.items(section))
    return methods, options


def _extracted() -> set[Key]:
    methods, options = _method_map()
    found: set[Key] = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        ROOT, methods, options, keywords=KEYWORDS
    ):
        msgid = message if isinstance(message, str) else tuple(message)
        singular = msgid if isinstance(msgid, str) else msgid[0]
        if singular:  # pybabel drops empty msgids too
            found.add((context, msgid))
    return found


def _keys(catalog: Catalog) -> set[Key]:
    return {_key(m) for m in catalog if m.id}


def _forms(message: Message) -> list[str]:
    """The translation of ``message``: one string, or each plural form."""
    if isinstance(message.string, str) or message.string is None:
        return [message.string or ""]
    return [form or "" for form in message.string]


def _placeholders(text: str) -> Counter[str]:
    """``{name}`` fields (by name, counted) and ``%(name)s`` / ``%s`` conversions."""
    fields: Counter[str] = Counter()
    for _literal, field, _spec, _conversion in string.Formatter().parse(text):
        if field is not None:
            fields["{" + field + "}"] += 1
    for match in re.finditer(r"%(?:\([^)]*\))?[-#0+]*\d*(?:\.\d+)?[sdifrxXeEgGc%]", text):
        fields[match.group()] += 1
    return fields


def _language(po: Path) -> str:
    return po.parent.parent.name


@pytest.fixture(params=PO_FILES, ids=[_language(p) for p in PO_FILES])
def po_file(request: pytest.FixtureRequest) -> Path:
    return Path(request.param)


def test_there_is_a_simplified_chinese_catalog() -> None:
    assert CATALOGS / "zh_CN" / "LC_MESSAGES" / "messages.po" in PO_FILES
    assert TEMPLATE.is_file()


def test_template_is_current() -> None:
    in_sources = _extracted()
    in_template = _keys(_read(TEMPLATE))
    assert "Theme party day" in {k[1] for k in in_sources}, "extraction found nothing"
    added = sorted(map(repr, in_sources - in_template))
    dropped = sorted(map(repr, in_template - in_sources))
    assert not added and not dropped, (
        "i18n/messages.pot is out of date; refresh the catalogs as i18n/README.md says.\n"
        f"In the code but not in the template: {added}\n"
        f"In the template but no longer in the code: {dropped}"
    )


def test_catalog_has_exactly_the_template_entries(po_file: Path) -> None:
    template = _keys(_read(TEMPLATE))
    catalog = _read(po_file, _language(po_file))
    assert not catalog.obsolete, f"obsolete entries: {sorted(catalog.obsolete)}"
    keys = _keys(catalog)
    assert sorted(map(repr, template - keys)) == [], "entries missing from the catalog"
    assert sorted(map(repr, keys - template)) == [], "entries the template no longer has"


def test_catalog_is_fully_translated(po_file: Path) -> None:
    catalog = _read(po_file, _language(po_file))
    assert not catalog.fuzzy, "the header is marked fuzzy"
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert fuzzy == []
    untranslated = [m.id for m in catalog if m.id and not all(s.strip() for s in _forms(m))]
    assert untranslated == []


def test_plural_entries_have_the_forms_of_the_language(po_file: Path) -> None:
    catalog = _read(po_file, _language(po_file))
    plurals = [m for m in catalog if m.id and m.pluralizable]
    assert plurals, "the code has ngettext messages, the catalog should too"
    for message in plurals:
        assert len(message.string) == catalog.num_plurals, message.id
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalog.check() if errors]
    assert problems == []


def test_translations_keep_every_placeholder(po_file: Path) -> None:
    catalog = _read(po_file, _language(po_file))
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        expected = [_placeholders(text) for text in ids]
        for text in _forms(message):
            if text and _placeholders(text) not in expected:  # empty: see above
                wrong.append((message.id, text))
    assert wrong == []


def test_placeholder_check_catches_a_lost_or_renamed_field() -> None:
    assert _placeholders("第 {row} 行") == _placeholders("row {row}")
    assert _placeholders("第 {rows} 行") != _placeholders("row {row}")
    assert _placeholders("第行") != _placeholders("row {row}")
    assert _placeholders("{a}（{a}）") != _placeholders("{a}")
    assert _placeholders("%(prog)s：错误") == _placeholders("%(prog)s: error")
    assert _placeholders("错误") != _placeholders("%(prog)s: error")


def test_zh_cn_header_declares_one_plural_form() -> None:
    text = (CATALOGS / "zh_CN" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in text


def test_switching_language() -> None:
    assert set_language("zh_CN") == "zh_CN"
    assert _("Theme party day") == "主题党日"
    assert ngettext("{n} organization rated", "{n} organizations rated", 3).format(n=3) == (
        "已评定 3 个党组织"
    )
    assert set_language("en") == "en"
    assert _("Theme party day") == "Theme party day"
    assert ngettext("{n} organization rated", "{n} organizations rated", 3) == (
        "{n} organizations rated"
    )
    assert set_language("zh-Hans") == "zh_CN"
    assert _("Party branch") == "党支部"


def test_an_unknown_language_falls_back_to_simplified_chinese(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(i18n.LANG_ENV, raising=False)
    assert set_language("fr") == "zh_CN"
    assert _("Theme party day") == "主题党日"
    set_language("en")
    assert set_language(None) == "zh_CN"
    assert i18n.current_language() == "zh_CN"
    assert _("Model branch") == "样板支部"


def test_language_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(i18n.LANG_ENV, "en")
    assert set_language(None) == "en"
    assert _("Theme party day") == "Theme party day"
    monkeypatch.setenv(i18n.LANG_ENV, "zh-CN")
    assert set_language(None) == "zh_CN"
    assert _("Theme party day") == "主题党日"


ENUMERATIONS = [v for v in vars(enums).values() if isinstance(v, enums.Enumeration)]
ENUMERATIONS.append(ORG_STATES)


@pytest.mark.parametrize("enumeration", ENUMERATIONS, ids=lambda e: e.name)
def test_chinese_labels_are_the_workbook_contract_names(enumeration: enums.Enumeration) -> None:
    set_language("zh_CN")
    labels = [enumeration.label(code) for code in enumeration.codes]
    assert labels == enumeration.contract_names()


def test_enumerations_are_all_checked() -> None:
    assert len(ENUMERATIONS) >= 12
    assert {e.name for e in ENUMERATIONS} >= {"level", "activity_type", "dimension", "grade"}


def test_workbook_fault_location_in_chinese() -> None:
    from desktop_app.errors import Fault

    set_language("zh_CN")
    fault = Fault("……", sheet="活动", row=3, column="C (日期)")
    assert fault.location() == "工作表“活动”，第 3 行，第 C (日期) 列"


def test_command_line_speaks_chinese_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(i18n.LANG_ENV, raising=False)
    open_ledger(tmp_path / "x.sqlite").close()
    try:
        code = main(
            ["--db", str(tmp_path / "x.sqlite"), "stats", "--year", "2025", "--scope", "化学学院"]
        )
        err = capsys.readouterr().err
    finally:
        set_language("en")
    assert code == 2
    assert err.strip() == (
        "错误：台账中没有名为“化学学院”的党组织。请检查名称是否写错，或写出其路径，"
        "例如 机电工程学院党总支/教工第一党支部。"
    )


def test_command_line_in_chinese_reports_a_bad_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(i18n.LANG_ENV, raising=False)
    try:
        code = main(["--db", str(tmp_path / "x.sqlite"), "stats", "--year", "20x5"])
        err = capsys.readouterr().err
    finally:
        set_language("en")
    assert code == 2
    assert "“20x5”不是年份，请填写四位数字，例如 2025。" in err


def test_command_line_lang_option_chooses_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_ledger(tmp_path / "x.sqlite").close()
    try:
        code = main(["--lang", "en", "--db", str(tmp_path / "x.sqlite"), "stats", "--year", "2025"])
        out = capsys.readouterr().out
    finally:
        set_language("en")
    assert code == 0
    assert out.startswith("(empty ledger): figures of 2025, as of ")
