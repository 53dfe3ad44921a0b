"""The empty workbook to fill in: every sheet of the contract with its header row and drop-down
lists, and a 说明 sheet that explains, in Chinese, each sheet, the dates and the path rule.

The 说明 text is part of the Chinese workbook contract (like the sheet and header names), so it
is written in Chinese whatever the interface language. Importing the template as it is
changes nothing and gives no warning.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from desktop_app.workbook.contract import HELP_SHEET, SHEETS, Column, SheetSpec
from desktop_app.workbook.xlsx import (
    HEADER_FILL,
    HEADER_FONT,
    save_atomically,
    write_sheet,
)

_SHEET_NOTES = {
    "组织": "党组织名册：一行一个组织（党委、院系党组织、党支部）。按“上级组织/名称”识别，"
    "已有的组织会被更新，没有的会被新增。",
    "活动": "组织生活记录：一行一次活动。按“组织 + 类型 + 日期 + 主题”识别，"
    "重复导入不会产生重复记录。这四项都相同的几行（如同一天两次同主题的支委会）"
    "各算一次活动，导入时会提示。",
    "星级评定": "星级评定：每个组织每年一行，星级为 1–5 的整数。",
    "创建目标": "三级联创的创建目标：每个“层级 + 级别 + 规划期”一行。",
    "创建单位": "三级联创的创建单位：每个“组织 + 层级 + 级别”一行，状态从培育到已验收。",
    "任务": "三级联创任务书：一行一项任务，按任务名称识别。",
    "品牌项目": "一总支一品牌、一支部一特色、党建创新项目：每个“组织 + 名称”一行。",
}

_COLUMN_NOTES = {
    (
        "组织",
        "上级组织",
    ): "上级组织的名称或路径；院系党组织和直属党支部可写党委名称或留空（即党委）；"
    "党委本身留空。上级组织可以写在本表后面的行里。",
    ("组织", "名称"): "同一上级组织下名称不能重复；名称中不能有“/”。",
    ("组织", "任期(年)"): "整数，留空为 3 年。",
    ("组织", "支部类型"): "仅党支部填写；可选：教师、学生、师生联合、机关、离退休、其他。",
    ("组织", "状态"): "正常 或 已撤销，留空为正常。",
    ("活动", "主题党日+类别"): "仅“主题党日”填写。",
    ("活动", "育人维度"): "可填多个，用 、 或 , 或 ， 分隔，如“课程、实践”。",
    ("活动", "应到人数"): "整数；留空表示不详。实到人数不能多于应到人数。",
    ("创建目标", "规划期"): "如 2021-2023；可留空。",
    ("任务", "状态"): "留空为未开始。",
    ("品牌项目", "状态"): "留空为培育。",
}

_KIND_NOTES = {
    "ref": "组织的名称（在全校唯一时）或路径，如 机电工程学院党总支/教工第一党支部；"
    "党委名称即指党委。",
    "date": "日期，如 2025-03-18、2025/3/18 或 2025年3月18日，也可以是 Excel 日期。",
    "count": "不小于 0 的整数，留空为 0。",
    "optcount": "不小于 0 的整数，留空表示不详。",
    "yesno": "是 或 否，留空为否。",
    "year": "四位年份，如 2025。",
    "stars": "1 至 5 的整数。",
}

_GENERAL = (
    "党建台账 数据导入模板 使用说明",
    "",
    "1. 每个工作表都可以不填或删除；第一行是表头，请不要修改表头名称。"
    "红色加粗的表头为必填列，其余可留空。空行会被跳过，本“说明”工作表导入时会被忽略。",
    "2. 日期可以是 Excel 日期，也可以写成 2025-03-18、2025/3/18 或 2025年3月18日。",
    "3. 路径规则：组织名称只在同一上级组织下唯一（各学院都可以有“教工第一党支部”）。"
    "凡是填写组织的地方，名称在全校唯一时直接写名称；否则写路径“上级组织/名称”，"
    "如“机电工程学院党总支/教工第一党支部”。路径前面也可以加上党委名称；只写党委名称即指党委。",
    "4. 导入是“全部或全不”：只要有一处错误，就什么都不写入，所有问题会一次列出"
    "（工作表、行号、列和原因）。改正后重新导入即可。",
    "5. 同一工作簿重复导入不会产生重复记录：已有的记录按下表的识别方式更新，没有的新增。"
    "除“活动”外，同一工作表中识别方式相同的几行视为同一条记录，以最后一行为准，导入时会提示。",
    "6. 有下拉列表的列请从列表中选择；也可以填写代码或英文名称。",
)


def export_template(path: str | Path) -> None:
    """Write the empty workbook to fill in and import (replacing ``path``)."""

    def fill(book: Workbook) -> None:
        _help_sheet(book)
        for spec in SHEETS:
            write_sheet(book, spec, [])

    save_atomically(path, fill)


def _help_sheet(book: Workbook) -> None:
    sheet = book.create_sheet(HELP_SHEET)
    for letter, width in zip("ABCD", (14, 18, 8, 90), strict=True):
        sheet.column_dimensions[letter].width = width
    wrap = Alignment(wrap_text=True, vertical="top")
    title = WriteOnlyCell(sheet, value=_GENERAL[0])
    title.font = Font(bold=True, size=14)
    sheet.append([title])
    for line in _GENERAL[1:]:
        cell = WriteOnlyCell(sheet, value=line)
        cell.alignment = Alignment(wrap_text=False, vertical="top")
        sheet.append([cell])
    sheet.append([])
    header = []
    for text in ("工作表", "列", "必填", "填写说明"):
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        header.append(cell)
    sheet.append(header)
    for spec in SHEETS:
        sheet.append([_bold(sheet, spec.name), None, None, _SHEET_NOTES[spec.name]])
        for column in spec.columns:
            note = _column_note(spec, column)
            cell = WriteOnlyCell(sheet, value=note)
            cell.alignment = wrap
            sheet.append([None, column.header, "是" if column.required else "", cell])


def _bold(sheet: Any, value: str) -> Any:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = Font(bold=True)
    return cell


def _column_note(spec: SheetSpec, column: Column) -> str:
    note = _COLUMN_NOTES.get((spec.name, column.header))
    if note:
        return note
    kind_note = _KIND_NOTES.get(column.kind)
    if kind_note:
        return kind_note
    choices = column.dropdown()
    if choices:
        return "可选：" + "、".join(choices) + "。"
    if column.extension:
        return "本系统扩展列，可留空。"
    return "文字，可留空。" if not column.required else "文字，必填。"
