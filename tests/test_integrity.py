"""Integrity at start (``quick_check``) and ledgers opened read-only."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.errors import NotFoundError, RefusedError
from desktop_app.storage import open_ledger
from desktop_app.storage.ledger import quick_check


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    from desktop_app.demo import build_demo
    from desktop_app.i18n import set_language

    set_language("en")
    path = tmp_path_factory.mktemp("integrity") / "ledger.sqlite"
    with open_ledger(path) as ledger:
        build_demo(ledger, 2025)
    yield path


def _corrupt(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    size = target.stat().st_size
    page = 4096
    middle = (size // page // 2) * page
    with target.open("r+b") as handle:
        for offset in (middle, middle + 3 * page):
            handle.seek(offset)
            handle.write(b"\x5a" * page)


def test_sound_ledger_passes(filled: Path) -> None:
    with open_ledger(filled, create=False) as ledger:
        assert quick_check(ledger) == []


def test_corrupted_copy_reports_problems(filled: Path, tmp_path: Path) -> None:
    copy = tmp_path / "damaged.sqlite"
    _corrupt(filled, copy)
    with open_ledger(copy, create=False, read_only=True) as ledger:
        problems = quick_check(ledger)
    assert problems
    assert all(isinstance(p, str) and p and p != "ok" for p in problems)


def test_read_only_ledger_reads_but_refuses_every_change(filled: Path, tmp_path: Path) -> None:
    copy = tmp_path / "ledger.sqlite"
    shutil.copyfile(filled, copy)
    before = copy.read_bytes()
    with open_ledger(copy, create=False, read_only=True) as ledger:
        assert ledger.read_only
        organizations = ledger.scalar("SELECT count(*) FROM organizations")
        assert isinstance(organizations, int) and organizations > 0
        with pytest.raises(RefusedError, match="opened read-only"), ledger.transaction():
            ledger.conn.execute("DELETE FROM organizations")
        ledger.read_only_reason = "Someone else is writing."
        with (
            pytest.raises(RefusedError, match=r"^Someone else is writing\.$"),
            ledger.transaction(),
        ):
            pass
    assert copy.read_bytes() == before
    with open_ledger(copy, create=False) as ledger:
        assert not ledger.read_only
        assert ledger.scalar("SELECT count(*) FROM organizations") == organizations


def test_read_only_sees_what_the_writer_commits(filled: Path, tmp_path: Path) -> None:
    copy = tmp_path / "ledger.sqlite"
    shutil.copyfile(filled, copy)
    with (
        open_ledger(copy, create=False) as writer,
        open_ledger(copy, create=False, read_only=True) as reader,
    ):
        before = reader.scalar("SELECT count(*) FROM settings")
        with writer.transaction():
            writer.conn.execute("INSERT INTO settings VALUES ('probe', '1', 'now')")
        assert reader.scalar("SELECT count(*) FROM settings") == before + 1


def test_read_only_never_creates_a_ledger(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        open_ledger(tmp_path / "missing.sqlite", read_only=True)
    assert list(tmp_path.iterdir()) == []
