"""The command line: exit statuses, JSON output, messages instead of tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop_app import __version__
from desktop_app.cli import main
from desktop_app.domain import activities, organizations
from desktop_app.storage import open_ledger


def _small_ledger(path: Path) -> None:
    with open_ledger(path) as ledger:
        root = organizations.add_organization(ledger, name="党委", level="committee")
        college = organizations.add_organization(
            ledger, name="机电学院党总支", level="college", parent_uid=root
        )
        branch = organizations.add_organization(
            ledger, name="教工党支部", level="branch", parent_uid=college, branch_type="teacher"
        )
        activities.add_activity(
            ledger,
            branch,
            type="theme_day",
            date=date(2025, 1, 8),
            theme="学习",
            expected=4,
            actual=3,
        )


def test_stats_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.sqlite"
    _small_ledger(db)
    code = main(["--db", str(db), "stats", "--year", "2025", "--as-of", "2026-01-15", "--json"])
    assert code == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["scope"] == "党委"
    assert stats["activities"]["attendance_rate"] == 0.75
    assert stats["compliance"]["theme_day_rate"] == round(1 / 12, 4)
    assert list(stats) == [
        "year",
        "scope",
        "as_of",
        "organizations",
        "activities",
        "compliance",
        "ratings",
        "creation",
        "tasks",
        "terms",
    ]


def test_stats_text_and_scope(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.sqlite"
    _small_ledger(db)
    assert (
        main(
            [
                "--db",
                str(db),
                "stats",
                "--year",
                "2025",
                "--scope",
                "机电学院党总支/教工党支部",
                "--as-of",
                "2025-01-31",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "教工党支部: figures of 2025, as of 2025-01-31" in out
    assert "Attendance rate: 75.0%" in out
    assert "Branch-months with a theme day: 100.0%" in out


def test_db_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "env.sqlite"
    _small_ledger(db)
    monkeypatch.setenv("PARTY_LEDGER_DB", str(db))
    assert main(["stats", "--year", "2025", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["organizations"]["branches"] == 1


def test_default_location_is_the_user_data_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # conftest points PARTY_LEDGER_HOME at tmp_path/home
    assert main(["demo", "--year", "2025"]) == 0
    assert (tmp_path / "home" / "ledger.sqlite").is_file()
    capsys.readouterr()
    assert main(["stats", "--year", "2025", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["organizations"]["branches"] > 0


@pytest.mark.parametrize("command", [["stats", "--year", "2025"], ["check"], ["export", "x.xlsx"]])
def test_reading_commands_never_create_a_ledger(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    typo = tmp_path / "typo.sqlite"
    (tmp_path / "x.xlsx").write_bytes(b"the secretary's real workbook")
    args = [str(tmp_path / a) if a.endswith(".xlsx") else a for a in command]
    assert main(["--db", str(typo), *args]) == 2
    assert "There is no ledger at" in capsys.readouterr().err
    assert not typo.exists()
    assert (tmp_path / "x.xlsx").read_bytes() == b"the secretary's real workbook"


def test_a_workbook_given_as_the_ledger_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "台账.xlsx"
    book.write_bytes(b"PK")
    assert main(["--db", str(book), "stats", "--year", "2025"]) == 2
    assert "use the import command" in capsys.readouterr().err
    assert book.read_bytes() == b"PK"


def test_a_dry_run_before_the_first_import_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "组织"
    book.active.append(["名称", "层级"])
    book.active.append(["党委", "党委"])
    book.save(tmp_path / "b.xlsx")
    db = tmp_path / "new.sqlite"
    assert main(["--db", str(db), "import", "--dry-run", str(tmp_path / "b.xlsx")]) == 0
    assert "组织: 1 added" in capsys.readouterr().out
    assert not db.exists()


def test_as_of_accepts_the_date_forms_of_the_workbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "x.sqlite"
    _small_ledger(db)
    assert (
        main(["--db", str(db), "stats", "--year", "2025", "--as-of", "2025年3月18日", "--json"])
        == 0
    )
    assert json.loads(capsys.readouterr().out)["as_of"] == "2025-03-18"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["stats", "--year", "abc"], "is not a year"),
        (["stats", "--year", "2025", "--as-of", "2025-02-30"], "is not a date"),
        (["stats", "--year", "2025", "--scope", "没有这个组织"], "There is no organization"),
        (["stats"], "--year"),
        (["no-such-command"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    db = tmp_path / "x.sqlite"
    _small_ledger(db)
    assert main(["--db", str(db), *args]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_newer_ledger_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.sqlite"
    _small_ledger(db)
    with open_ledger(db) as ledger:
        ledger.conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('party_ledger', '9999_from_the_future', '2030-01-01')"
        )
        ledger.conn.commit()
    before = db.read_bytes()
    assert main(["--db", str(db), "stats", "--year", "2025"]) == 2
    assert "newer version" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_a_folder_as_ledger_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path), "stats", "--year", "2025"]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_internal_error_goes_to_a_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("desktop_app.stats.compute_stats", broken)
    _small_ledger(tmp_path / "x.sqlite")
    assert main(["--db", str(tmp_path / "x.sqlite"), "stats", "--year", "2025"]) == 1
    err = capsys.readouterr().err
    assert "internal error" in err
    assert "Traceback" not in err
    logs = list((tmp_path / "home" / "logs").glob("crash-*.log"))
    assert len(logs) == 1
    assert "RuntimeError: a bug" in logs[0].read_text(encoding="utf-8")


def test_check_reports_missing_meetings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.sqlite"
    _small_ledger(db)
    assert main(["--db", str(db), "check", "--year", "2025", "--as-of", "2025-03-31"]) == 0
    out = capsys.readouterr().out
    assert "sound" in out
    assert "机电学院党总支/教工党支部" in out
    assert "2025-02, 2025-03" in out  # theme days missing in February and March
    assert "2025-Q1" in out  # no general meeting in the first quarter


def test_console_script_and_module_entry(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0
    assert run.stdout.strip() == f"party-ledger {__version__}"
    script = Path(sys.executable).with_name("party-ledger")
    if script.exists():
        run = subprocess.run(
            [str(script), "--version"], capture_output=True, text=True, check=False
        )
        assert run.stdout.strip() == f"party-ledger {__version__}"


def test_global_options_may_follow_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "x.sqlite"
    _small_ledger(db)
    assert main(["stats", "--year", "2025", "--json", "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out)["scope"] == "党委"
    # after the command it wins over the one before it
    assert (
        main(
            [
                "--db",
                str(tmp_path / "other.sqlite"),
                "stats",
                "--year",
                "2025",
                "--db",
                str(db),
                "--json",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["scope"] == "党委"
    assert not (tmp_path / "other.sqlite").exists()
    assert main(["--db", str(db), "stats", "--year", "2025", "--lang", "zh_CN"]) == 0
    assert "党组织" in capsys.readouterr().out
