"""An import report as text, for the command line and the window's summary."""

from __future__ import annotations

from desktop_app.i18n import _
from desktop_app.workbook.report import ImportReport


def format_import_report(report: ImportReport, dry_run: bool = False) -> str:
    """What was imported (or, with ``dry_run``, what would be), sheet by sheet, then the
    warnings."""
    if dry_run:
        lines = [_("Nothing was changed. Importing this workbook would give:")]
    else:
        lines = [_("The workbook was imported:")]
    if not report.sheets:
        lines.append("  " + _("the workbook has no sheet to import."))
    for sheet, counts in report.sheets.items():
        lines.append(
            "  "
            + _("{sheet}: {added} added, {updated} updated, {unchanged} unchanged").format(
                sheet=sheet,
                added=counts.added,
                updated=counts.updated,
                unchanged=counts.unchanged,
            )
        )
    if report.warnings:
        lines.append(_("Warnings (these parts of the workbook were ignored):"))
        lines.extend(f"  • {warning}" for warning in report.warnings)
    return "\n".join(lines)
