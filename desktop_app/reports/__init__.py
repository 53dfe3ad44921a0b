"""Printed reports (PDF, ReportLab): what a 组织部 hands out at a review meeting.

``build_report(ledger, ReportRequest(...), out)`` writes one of ``KINDS``:

- ``summary`` — 年度党建工作总结 of the whole ledger or a subtree (``summary.py``);
- ``branch`` — 支部年度台账: every activity of the year with attendance and a sign-off block
  (``branch.py``);
- ``creation`` — the 三级联创 progress report (``creation.py``).

Every figure comes from ``desktop_app.stats``; the page and type follow GB/T 9704-2012
(``layout.py``); the fonts are embedded (``fonts.py``). No Qt here: the command line and the
window both call this.
"""

from desktop_app.reports.context import KINDS, ReportContext, ReportRequest, build_report

__all__ = ["KINDS", "ReportContext", "ReportRequest", "build_report"]
