"""Starting the window: the writer lock (a read-only view when another program writes) and
the quick check with the newest good backup offered for a damaged ledger."""

from __future__ import annotations

import platform
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app import backup
from desktop_app.errors import RefusedError
from desktop_app.gui import app
from desktop_app.gui.app import OpenedLedger, open_for_window
from desktop_app.gui.session import Session
from desktop_app.storage import Ledger, open_ledger
from desktop_app.storage.writer_lock import WriterLock, acquire
from gui.conftest import make_window

HOLD = """
import sys
from desktop_app.storage.writer_lock import WriterLock, acquire
lock = acquire(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()
"""


@pytest.fixture
def other_writer(demo_ledger: Ledger) -> Iterator[subprocess.Popen[str]]:
    """Another program holding the demo ledger's writer lock."""
    path = demo_ledger.path
    demo_ledger.close()
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    yield process
    process.kill()
    process.wait(timeout=10)
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()


def _counts(ledger: Ledger) -> tuple[object, object]:
    return (
        ledger.scalar("SELECT count(*) FROM audit_log"),
        ledger.scalar("SELECT group_concat(name, '|') FROM organizations"),
    )


def test_start_on_a_locked_ledger_opens_read_only(
    demo_ledger: Ledger, other_writer: subprocess.Popen[str]
) -> None:
    opened = open_for_window(demo_ledger.path)
    try:
        assert opened.lock is None
        assert opened.holder is not None and opened.holder.pid == other_writer.pid
        assert opened.problems == []
        assert opened.ledger is not None and opened.ledger.read_only
        reason = opened.ledger.read_only_reason
        assert f"on {platform.node()} (since " in reason
        assert "is writing to it" in reason
    finally:
        opened.close()


def test_read_only_session_refuses_to_write(
    qapp, demo_ledger: Ledger, other_writer: subprocess.Popen[str]
) -> None:
    from desktop_app.domain.organizations import update_organization

    opened = open_for_window(demo_ledger.path)
    try:
        ledger = opened.ledger
        assert ledger is not None
        session = Session(ledger, 2025)
        assert session.read_only
        before = _counts(ledger)
        uid = str(ledger.scalar("SELECT uid FROM organizations LIMIT 1"))
        ran: list[bool] = []
        changed: list[bool] = []
        session.changed.connect(lambda: changed.append(True))

        def action() -> bool:
            ran.append(True)
            return update_organization(ledger, uid, name="改过的名字")

        with pytest.raises(RefusedError) as caught:
            session.write(action)
        assert caught.value.message.startswith("This ledger is open read-only because ")
        assert platform.node() in caught.value.message
        assert (ran, changed) == ([], [])
        assert not session.can_undo()
        assert _counts(ledger) == before
    finally:
        opened.close()
    with open_ledger(demo_ledger.path, create=False, read_only=True) as again:
        assert _counts(again) == before


def test_window_shows_a_read_only_ledger(
    qtbot, demo_ledger: Ledger, other_writer: subprocess.Popen[str]
) -> None:
    opened = open_for_window(demo_ledger.path)
    try:
        assert opened.ledger is not None
        window = make_window(qtbot, opened.ledger)
        assert window.session.read_only
        assert "is writing to it" in window.session.read_only_reason
        window.close()
    finally:
        opened.close()


def test_window_holds_the_lock_until_closed(demo_ledger: Ledger) -> None:
    path = demo_ledger.path
    demo_ledger.close()
    opened = open_for_window(path)
    assert opened.lock is not None and opened.holder is None
    assert opened.ledger is not None and not opened.ledger.read_only
    assert not Session(opened.ledger).read_only
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from desktop_app.storage.writer_lock import "
            "acquire; print(type(acquire(sys.argv[1])).__name__)",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout.strip()
    assert out == "Holder"
    opened.close()
    lock = acquire(path)
    assert isinstance(lock, WriterLock)
    lock.release()


def _corrupt(path: Path) -> None:
    size = path.stat().st_size
    middle = (size // 4096 // 2) * 4096
    with path.open("r+b") as handle:
        for offset in (middle, middle + 3 * 4096):
            handle.seek(offset)
            handle.write(b"\x5a" * 4096)


def test_damaged_ledger_is_offered_and_given_its_newest_good_backup(
    demo_ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = demo_ledger.path
    good = backup.make_backup(demo_ledger)
    organizations = demo_ledger.scalar("SELECT count(*) FROM organizations")
    demo_ledger.close()
    _corrupt(path)

    opened = open_for_window(path)
    try:
        assert opened.problems
        assert opened.lock is not None
        assert app.newest_good_backup_of(opened) == good
        shown: list[str] = []
        monkeypatch.setattr(app, "ask_about_damage", lambda parent, o: ("restore", good))
        monkeypatch.setattr(
            "desktop_app.gui.messages.show_info",
            lambda parent, text, title=None: shown.append(text),
        )
        assert app._settle_damage(opened)
        assert opened.problems == []
        assert opened.ledger is not None and not opened.ledger.read_only
        assert opened.ledger.scalar("SELECT count(*) FROM organizations") == organizations
        assert len(shown) == 1 and good.name in shown[0]
        kept = [
            p
            for p in path.parent.iterdir()
            if ".before-restore-" in p.name and p.suffix == ".sqlite"
        ]
        assert len(kept) == 1 and kept[0].name in shown[0]
    finally:
        opened.close()


def test_damaged_ledger_without_backup_can_be_looked_at_read_only(
    demo_ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = demo_ledger.path
    demo_ledger.close()
    _corrupt(path)
    opened = open_for_window(path)
    try:
        assert app.newest_good_backup_of(opened) is None
        monkeypatch.setattr(app, "ask_about_damage", lambda parent, o: ("read_only", None))
        assert app._settle_damage(opened)
        assert opened.ledger is not None and opened.ledger.read_only
        assert "damaged" in Session(opened.ledger).read_only_reason
    finally:
        opened.close()


def test_damage_dialog_names_the_problems(qtbot, demo_ledger: Ledger) -> None:
    opened = OpenedLedger(demo_ledger.path, None, problems=[f"page {n} is wrong" for n in range(7)])
    text = app._damaged_text(opened)
    assert "page 0 is wrong" in text and "page 4 is wrong" in text
    assert "page 5 is wrong" not in text and "and 2 more" in text
    assert str(demo_ledger.path) in text


def test_a_read_only_window_says_so_and_refuses_background_writes(  # type: ignore[no-untyped-def]
    qtbot, tmp_path, monkeypatch
) -> None:
    from desktop_app.gui import messages, transfer
    from desktop_app.gui.mainwindow import MainWindow
    from desktop_app.gui.settings import user_settings
    from desktop_app.storage import open_ledger as open_ledger_

    path = tmp_path / "shared.sqlite"
    open_ledger_(path).close()
    ledger = open_ledger_(path, create=False, read_only=True)
    window = MainWindow(ledger, settings=user_settings())
    qtbot.addWidget(window)
    assert window.windowTitle().endswith("(read-only)")
    shown: list[str] = []
    monkeypatch.setattr(
        messages, "show_error", lambda parent, error, title=None: shown.append(error.message)
    )
    assert transfer.import_workbook(window, window.session) is None
    assert len(shown) == 1
    ledger.close()


# ---- the check at start is skipped for a file unchanged since its last clean close ---------


def test_an_unchanged_ledger_is_not_checked_again(
    demo_ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = demo_ledger.path
    demo_ledger.close()
    checked: list[Path] = []
    real_check = app.quick_check
    monkeypatch.setattr(app, "quick_check", lambda led: checked.append(led.path) or real_check(led))
    stamp = app.file_stamp(path)
    assert stamp is not None
    open_for_window(path, sound_stamp=stamp).close()
    assert checked == []
    # Opening and closing changed nothing the stamp sees; a stamp of another file checks.
    open_for_window(path, sound_stamp="1:2").close()
    assert checked == [path]
    _corrupt(path)  # damage after the clean close changes the file's time
    opened = open_for_window(path, sound_stamp=stamp)
    try:
        assert checked == [path, path] and opened.problems
    finally:
        opened.close()


def test_a_ledger_with_an_unfinished_log_has_no_stamp(demo_ledger: Ledger) -> None:
    """A write-ahead log with content beside the file: the last program did not close it."""
    path = demo_ledger.path
    demo_ledger.close()
    assert app.file_stamp(path) is not None
    wal = Path(f"{path}-wal")
    wal.write_bytes(b"")
    assert app.file_stamp(path) is not None  # an empty log is what a clean close leaves
    wal.write_bytes(b"\0" * 32)
    assert app.file_stamp(path) is None
    assert app.file_stamp(path.with_name("missing.sqlite")) is None


def test_a_clean_close_records_the_stamp_and_the_next_start_uses_it(
    qtbot, demo_ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.gui.settings import user_settings

    path = demo_ledger.path
    demo_ledger.close()
    checked: list[Path] = []
    real_check = app.quick_check
    monkeypatch.setattr(app, "quick_check", lambda led: checked.append(led.path) or real_check(led))

    class Closing:  # the event loop, ended at once as if the window were closed
        def exec(self) -> int:
            for window in windows:
                window.close()
            return 0

    for _start in range(2):
        windows: list = []
        assert app._open_window(Closing(), path, None, 2025, windows) == 0  # type: ignore[arg-type]
    assert checked == [path]  # the first start checked; the second found the file as it left it
    assert user_settings().value(app._stamp_key(path)) == app.file_stamp(path)
