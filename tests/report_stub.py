"""A stand-in kind of report for tests of what surrounds the kinds (the command line, the
window's report panel, the preview, printing): it writes a known number of pages, reports its
progress and stops when cancelled, like a real kind."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from reportlab.platypus import Flowable, PageBreak, Paragraph

from desktop_app.reports import context
from desktop_app.reports.context import ReportContext
from desktop_app.reports.layout import DocumentInfo, Heading, escape

STUB_PAGES = 3


def stub_title(kind: str, scope: str, year: int) -> str:
    return f"Stub {kind} report of {scope} for {year}"


def make_stub(
    pages: int = STUB_PAGES, on_step: Callable[[ReportContext, int], None] | None = None
) -> Callable[[ReportContext], tuple[list[Flowable], DocumentInfo]]:
    """A builder of ``pages`` pages; ``on_step(ctx, page)`` runs before each page is laid out
    (a test cancels there)."""

    def build(ctx: ReportContext) -> tuple[list[Flowable], DocumentInfo]:
        request = ctx.request
        title = stub_title(request.kind, ctx.scope_name, request.year)
        activities = ctx.stats["activities"]["total"]
        story: list[Flowable] = []
        for page in range(pages):
            if on_step is not None:
                on_step(ctx, page)
            ctx.step(page + 1, pages)
            if page:
                story.append(PageBreak())
            story.append(Heading(f"{title} — part {page + 1}", ctx.styles.heading1, 0))
            story.append(
                Paragraph(escape(f"activities {activities}; as of {ctx.as_of}"), ctx.styles.body)
            )
        info = DocumentInfo(
            issuer=ctx.issuer, title=title, subject=request.kind, keywords=[], fonts=ctx.fonts
        )
        return story, info

    return build


def use_stub(monkeypatch: pytest.MonkeyPatch, **options: Any) -> list[str]:
    """Make every kind the stub; returns the kinds built, in order."""
    built: list[str] = []
    stub = make_stub(**options)

    def builder(kind: str) -> Callable[[ReportContext], tuple[list[Flowable], DocumentInfo]]:
        built.append(kind)
        return stub

    monkeypatch.setattr(context, "_builder", builder)
    return built
