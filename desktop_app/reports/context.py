"""What every kind of report is built from, and writing the PDF."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from desktop_app.domain.orgtree import Organization, OrgTree, load_tree
from desktop_app.errors import ValidationError
from desktop_app.i18n import N_, _, join_list, language
from desktop_app.reports.fonts import FONT_CHOICES, ReportFonts, report_fonts
from desktop_app.reports.layout import DocumentInfo, ReportDocument, Styles, make_styles
from desktop_app.safe_write import write_atomically
from desktop_app.stats import compute_stats
from desktop_app.storage.ledger import Ledger

KINDS = ("summary", "branch", "creation")
KIND_LABELS = {
    "summary": N_("Annual summary of party work"),
    "branch": N_("Branch ledger of the year"),
    "creation": N_("Three-level creation progress"),
}

Progress = Callable[[int, int], None]
BUILD_SHARE = 10  # percent of the progress bar for reading the ledger
Cancel = Callable[[], bool]


@dataclass(frozen=True)
class ReportRequest:
    year: int
    kind: str = "summary"
    scope: str | None = None  # a name or path; None: the whole ledger
    as_of: date | None = None  # default: today
    language: str | None = None  # default: the interface language
    fonts: str = "bundled"  # or "windows": SimSun, SimHei, KaiTi, FangSong where present


@dataclass
class ReportContext:
    """Everything a kind of report needs, read in one snapshot of the ledger."""

    ledger: Ledger
    request: ReportRequest
    as_of: date
    generated: datetime
    stats: dict[str, Any]
    tree: OrgTree
    scope: Organization | None  # None for the whole ledger
    fonts: ReportFonts
    styles: Styles
    progress: Progress | None = None
    cancel: Cancel | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def issuer(self) -> str:
        """The issuing office printed in red: the root organization (the party committee)."""
        root = self.tree.root
        return root.name if root else _("Party Ledger")

    @property
    def scope_name(self) -> str:
        return self.scope.name if self.scope else self.issuer

    def scope_uids(self) -> list[str]:
        if self.scope is not None:
            return self.tree.subtree(self.scope.uid)
        return self.tree.subtree(self.tree.root.uid) if self.tree.root else []

    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel():
            from desktop_app.errors import RefusedError

            raise RefusedError(_("The report was cancelled; no file was written."))

    def step(self, done: int, total: int) -> None:
        self.check_cancel()
        if self.progress is not None:
            self.progress(done, total)


Builder = Callable[[ReportContext], tuple[list[Flowable], DocumentInfo]]


def _builder(kind: str) -> Builder:
    module = importlib.import_module(f"desktop_app.reports.{kind}")
    return module.build  # type: ignore[no-any-return]


def check_request(request: ReportRequest) -> None:
    if request.kind not in KINDS:
        raise ValidationError.single(
            _("Unknown kind of report “{value}”; choose one of {kinds}.").format(
                value=request.kind, kinds=join_list(KINDS)
            ),
            "kind",
        )
    if request.fonts not in FONT_CHOICES:
        raise ValidationError.single(
            _("Unknown font choice “{value}”; choose one of {choices}.").format(
                value=request.fonts, choices=join_list(FONT_CHOICES)
            ),
            "fonts",
        )


def build_report(
    ledger: Ledger,
    request: ReportRequest,
    out: str | Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Path:
    """Write the report ``request`` asks for to ``out`` (through a temporary file: a failure
    leaves no half-written PDF). Raises ``ValidationError`` for a bad request,
    ``NotFoundError`` for a scope that names no organization, ``StorageError`` when the file
    cannot be written, ``RefusedError`` when cancelled."""
    check_request(request)
    as_of = request.as_of or date.today()

    # Reading the ledger and building the story is the first tenth of the work; laying the
    # pages out (the slow part) the rest.
    def reading(done: int, total: int) -> None:
        if progress is not None:
            progress(done * BUILD_SHARE // max(total, 1), 100)

    with language(request.language):
        fonts = report_fonts(request.fonts)
        with ledger.snapshot():
            stats = compute_stats(ledger, request.year, request.scope, as_of)
            tree = load_tree(ledger)
            scope = tree.resolve(request.scope) if request.scope else None
            context = ReportContext(
                ledger=ledger,
                request=request,
                as_of=as_of,
                generated=datetime.now(),
                stats=stats,
                tree=tree,
                scope=scope,
                fonts=fonts,
                styles=make_styles(fonts),
                progress=reading,
                cancel=cancel,
            )
            story, info = _builder(request.kind)(context)
        context.check_cancel()
        laid_out, total = 0, max(len(story), 1)  # ReportLab empties ``story`` as it lays out

        def on_flowable() -> None:
            nonlocal laid_out
            laid_out += 1
            context.check_cancel()
            if progress is not None:
                share = min(laid_out, total) * (100 - BUILD_SHARE) // total
                progress(BUILD_SHARE + share, 100)

        def write(temporary: Path) -> None:
            ReportDocument(str(temporary), info, on_flowable).build(story)

        return write_atomically(out, write, suffix=".pdf")
