"""An import report as text, for the command line and the window's summary."""

from __future__ import annotations

from desktop_app.i18n import _, ngettext
from desktop_app.workbook.report import ImportReport

# Past this many, warnings are counted rather than listed (a workbook may repeat one
# harmless thing on every row).
MAX_WARNINGS_LISTED = 50


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
        lines.append(_("Warnings (they do not stop the import; check them):"))
        listed = report.warnings[:MAX_WARNINGS_LISTED]
        lines.extend(f"  • {warning}" for warning in listed)
        rest = len(report.warnings) - len(listed)
        if rest:
            lines.append(
                "  "
                + ngettext("… and {n} more warning.", "… and {n} more warnings.", rest).format(
                    n=rest
                )
            )
    return "\n".join(lines)
