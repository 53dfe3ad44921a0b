"""Exchange packages: a college's records carried to the school's ledger and merged by uid."""

from __future__ import annotations

import argparse
import hashlib
import json
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import table_snapshot

from desktop_app.cli_package import HANDLERS, add_commands
from desktop_app.demo import build_demo
from desktop_app.domain.activities import attach_file
from desktop_app.errors import LedgerError, RefusedError
from desktop_app.exchange import import_package, read_package, write_package
from desktop_app.exchange.merge import ConflictError
from desktop_app.stats import compute_stats
from desktop_app.storage import Ledger, open_ledger
from desktop_app.storage import records as store

YEAR = 2025
AS_OF = date(2025, 12, 31)
COLLEGE = "机电工程学院党总支"


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "college.sqlite"
    with open_ledger(path) as ledger:
        build_demo(ledger, YEAR)
    return path


@pytest.fixture
def source(demo_file: Path, tmp_path: Path) -> Iterator[Ledger]:
    target = tmp_path / "college.sqlite"
    target.write_bytes(demo_file.read_bytes())
    with open_ledger(target, create=False) as ledger:
        # A copy of a ledger is the same ledger; a college's own ledger has its own identity.
        ledger.conn.execute(
            "UPDATE ledger_info SET value = 'college-ledger' WHERE key = 'ledger_id'"
        )
        yield ledger


@pytest.fixture
def school(tmp_path: Path) -> Iterator[Ledger]:
    with open_ledger(tmp_path / "school.sqlite") as ledger:
        yield ledger


def _college_uid(ledger: Ledger) -> str:
    return str(ledger.scalar("SELECT uid FROM organizations WHERE name = ?", [COLLEGE]))


def _college_figures(ledger: Ledger) -> dict[str, Any]:
    """The college's statistics; tasks and creation targets are school-wide and stay home."""
    stats = compute_stats(ledger, YEAR, COLLEGE, AS_OF)
    stats.pop("tasks")
    # A row of the creation table is listed when there is a target or a candidate for it.
    stats["creation"] = {
        (row["level"], row["grade"]): row["achieved"]
        for row in stats["creation"]
        if row["achieved"]
    }
    return stats


def _activity(ledger: Ledger) -> dict[str, Any]:
    return ledger.query(
        "SELECT a.* FROM activities a JOIN organizations o ON o.uid = a.org_uid "
        "WHERE o.parent_uid = ? ORDER BY a.uid LIMIT 1",
        [_college_uid(ledger)],
    )[0]


def run(argv: list[str], db: Path) -> int:
    """The commands as ``party-ledger`` runs them: a refusal is exit status 2."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    commands = parser.add_subparsers(dest="command")
    add_commands(lambda name, help: commands.add_parser(name, help=help))
    args = parser.parse_args(["--db", str(db), *argv])
    try:
        return HANDLERS[args.command](args)
    except LedgerError as error:
        print(error.message)
        return 2


def test_college_merges_into_empty_ledger_with_same_statistics(
    source: Ledger, school: Ledger, tmp_path: Path
) -> None:
    out = tmp_path / "college.ledgerpkg"
    summary = write_package(source, COLLEGE, out)
    assert summary.scope == COLLEGE
    # The college, its branches and the root above it.
    branches = source.scalar(
        "SELECT count(*) FROM organizations WHERE parent_uid = ?", [_college_uid(source)]
    )
    assert summary.counts["organizations"] == int(branches) + 2  # type: ignore[arg-type]
    package = read_package(out)
    assert (
        package.manifest["root_organization"]
        == source.query("SELECT name FROM organizations WHERE parent_uid IS NULL")[0]["name"]
    )
    result = import_package(school, package)
    assert result.added == sum(summary.counts.values())
    assert result.updated == 0
    assert _college_figures(school) == _college_figures(source)
    assert _college_figures(school)["activities"]["total"] > 0
    # The package's uids and timestamps are kept, and the additions are audited.
    theirs = _activity(source)
    assert store.get(school, "activities", theirs["uid"]) == theirs
    assert (
        school.scalar(
            "SELECT count(*) FROM audit_log WHERE action = 'insert' AND table_name = 'activities'"
        )
        == summary.counts["activities"]
    )


def test_importing_twice_changes_nothing(source: Ledger, school: Ledger, tmp_path: Path) -> None:
    out = tmp_path / "college.ledgerpkg"
    write_package(source, COLLEGE, out)
    assert run(["import-package", str(out)], school.path) == 0
    before = table_snapshot(school)
    assert run(["import-package", str(out)], school.path) == 0
    result = import_package(school, read_package(out))
    assert (result.added, result.updated, result.changed) == (0, 0, False)
    assert table_snapshot(school) == before


def _tamper(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncate":
        path.write_bytes(data[: len(data) // 2])
        return
    if how == "raw":  # a byte of the file itself changed: inside a compressed member
        damaged = bytearray(data)
        damaged[2000] ^= 0xFF
        path.write_bytes(bytes(damaged))
        return
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    if how == "byte":
        records = bytearray(members["records.json"])
        index = records.index(b'"theme"') + 12
        records[index] = records[index] ^ 0x01
        members["records.json"] = bytes(records)
    elif how == "remove":
        del members["records.json"]
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)


@pytest.mark.parametrize(
    ("how", "reason"),
    [
        ("byte", "records.json was changed after the package was written"),
        ("remove", "it lacks records.json"),
        ("truncate", "the file is truncated, damaged, or not a ledger package"),
        ("raw", "damaged|changed after the package was written"),
    ],
)
def test_tampered_package_is_refused_whole(
    source: Ledger, school: Ledger, tmp_path: Path, how: str, reason: str, capsys: Any
) -> None:
    out = tmp_path / "college.ledgerpkg"
    write_package(source, COLLEGE, out)
    _tamper(out, how)
    before = table_snapshot(school)
    with pytest.raises(RefusedError, match=reason):
        read_package(out)
    capsys.readouterr()
    assert run(["import-package", str(out)], school.path) == 2
    assert "Nothing was changed" in capsys.readouterr().out
    assert table_snapshot(school) == before


def test_junk_file_is_refused(school: Ledger, tmp_path: Path) -> None:
    junk = tmp_path / "junk.ledgerpkg"
    junk.write_text("not a package", encoding="utf-8")
    with pytest.raises(RefusedError, match="not a ledger package"):
        read_package(junk)


def _edit(ledger: Ledger, uid: str, theme: str) -> None:
    with ledger.transaction():
        store.update(ledger, "activities", uid, {"theme": theme})


@pytest.mark.parametrize("prefer", ["theirs", "ours"])
def test_conflicts_are_reported_then_resolved(
    source: Ledger, school: Ledger, tmp_path: Path, prefer: str, capsys: Any
) -> None:
    first, second = tmp_path / "first.ledgerpkg", tmp_path / "second.ledgerpkg"
    write_package(source, COLLEGE, first)
    import_package(school, read_package(first))
    activity = _activity(source)
    other = source.query(
        "SELECT uid FROM activities WHERE org_uid = ? AND uid != ? LIMIT 1",
        [activity["org_uid"], activity["uid"]],
    )[0]["uid"]
    _edit(source, activity["uid"], "学院改过的主题")
    _edit(school, activity["uid"], "学校改过的主题")
    _edit(source, other, "只有学院改过")
    write_package(source, COLLEGE, second)
    before = table_snapshot(school)
    capsys.readouterr()
    assert run(["import-package", str(second)], school.path) == 2
    err = capsys.readouterr().err
    assert "1 records were changed both in this ledger and in the package" in err
    assert "学院改过的主题: changed here and in the package (theme)" in err
    assert table_snapshot(school) == before
    with pytest.raises(ConflictError) as raised:
        import_package(school, read_package(second))
    assert [c.uid for c in raised.value.conflicts] == [activity["uid"]]
    assert raised.value.conflicts[0].ours["theme"] == "学校改过的主题"

    assert run(["import-package", str(second), "--prefer", prefer], school.path) == 0
    expected = "学院改过的主题" if prefer == "theirs" else "学校改过的主题"
    assert store.get(school, "activities", activity["uid"])["theme"] == expected  # type: ignore[index]
    assert store.get(school, "activities", other)["theme"] == "只有学院改过"  # type: ignore[index]
    # Settled: the same package again changes nothing.
    settled = table_snapshot(school)
    assert run(["import-package", str(second)], school.path) == 0
    assert table_snapshot(school) == settled


def test_per_record_resolution_and_changes_only_here_are_kept(
    source: Ledger, school: Ledger, tmp_path: Path
) -> None:
    first, second = tmp_path / "first.ledgerpkg", tmp_path / "second.ledgerpkg"
    write_package(source, COLLEGE, first)
    import_package(school, read_package(first))
    activity = _activity(source)
    _edit(source, activity["uid"], "学院改过的主题")
    _edit(school, activity["uid"], "学校改过的主题")
    write_package(source, COLLEGE, second)
    result = import_package(school, read_package(second), resolutions={activity["uid"]: "theirs"})
    assert (result.conflicts_theirs, result.updated) == (1, 1)
    # A change made only here survives a later package that did not touch the record.
    _edit(school, activity["uid"], "学校又改了")
    write_package(source, COLLEGE, tmp_path / "third.ledgerpkg")
    result = import_package(school, read_package(tmp_path / "third.ledgerpkg"))
    assert result.kept == 1
    assert store.get(school, "activities", activity["uid"])["theme"] == "学校又改了"  # type: ignore[index]


def test_deletions_travel_as_soft_deletes(source: Ledger, school: Ledger, tmp_path: Path) -> None:
    write_package(source, COLLEGE, tmp_path / "first.ledgerpkg")
    import_package(school, read_package(tmp_path / "first.ledgerpkg"))
    activity = _activity(source)
    with source.transaction():
        store.soft_delete(source, [("activities", activity["uid"])], cause=activity["uid"])
    write_package(source, COLLEGE, tmp_path / "second.ledgerpkg")
    result = import_package(school, read_package(tmp_path / "second.ledgerpkg"))
    assert result.updated == 1
    row = store.get(school, "activities", activity["uid"], deleted=True)
    assert row is not None and row["deleted_at"] is not None
    assert row["deleted_with"] == activity["uid"]
    assert _college_figures(school) == _college_figures(source)


def test_attachments_are_copied_and_verified(
    source: Ledger, school: Ledger, tmp_path: Path
) -> None:
    document = tmp_path / "会议记录.pdf"
    document.write_bytes(b"%PDF-1.4 minutes of the meeting" * 100)
    activity = _activity(source)
    attach_file(source, activity["uid"], document)
    out = tmp_path / "college.ledgerpkg"
    assert write_package(source, COLLEGE, out).files == 1
    sha = hashlib.sha256(document.read_bytes()).hexdigest()
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["sha256"][f"attachments/{sha}.pdf"] == sha
    result = import_package(school, read_package(out))
    assert result.files == 1
    copied = school.attachment_file(sha, "会议记录.pdf")
    assert copied.read_bytes() == document.read_bytes()
    assert (
        school.scalar("SELECT sha256 FROM attachments WHERE activity_uid = ?", [activity["uid"]])
        == sha
    )

    # A package whose file was swapped (and its checksum with it) still fails the manifest.
    with zipfile.ZipFile(out) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members[f"attachments/{sha}.pdf"] = b"another file"
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    with pytest.raises(RefusedError, match="was changed after the package was written"):
        read_package(out)


def test_export_refuses_unknown_scope_and_own_package(
    source: Ledger, tmp_path: Path, capsys: Any
) -> None:
    assert (
        run(["export-package", "--scope", "没有这个学院", "--out", "x.ledgerpkg"], source.path) == 2
    )
    assert "There is no organization “没有这个学院”" in capsys.readouterr().out
    out = tmp_path / "college.ledgerpkg"
    assert run(["export-package", "--scope", COLLEGE, "--out", str(out)], source.path) == 0
    assert f"The package of {COLLEGE} was written to" in capsys.readouterr().out
    with pytest.raises(RefusedError, match="written from this very ledger"):
        import_package(source, read_package(out))


def test_a_ledger_of_another_university_is_refused(
    source: Ledger, school: Ledger, tmp_path: Path
) -> None:
    with school.transaction():
        store.insert(school, "organizations", {"name": "另一所大学党委", "level": "committee"})
    out = tmp_path / "college.ledgerpkg"
    write_package(source, COLLEGE, out)
    before = table_snapshot(school)
    with pytest.raises(RefusedError, match="top organization is “另一所大学党委”"):
        import_package(school, read_package(out))
    assert table_snapshot(school) == before


def test_the_school_root_made_separately_is_used(
    source: Ledger, school: Ledger, tmp_path: Path
) -> None:
    root = source.query("SELECT name FROM organizations WHERE parent_uid IS NULL")[0]["name"]
    with school.transaction():
        school_root = store.insert(school, "organizations", {"name": root, "level": "committee"})
    out = tmp_path / "college.ledgerpkg"
    write_package(source, COLLEGE, out)
    import_package(school, read_package(out))
    assert school.scalar("SELECT count(*) FROM organizations WHERE parent_uid IS NULL") == 1
    assert school.scalar("SELECT parent_uid FROM organizations WHERE name = ?", [COLLEGE]) == (
        school_root
    )
    assert _college_figures(school) == _college_figures(source)
