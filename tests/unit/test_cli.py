"""The command line, called in-process as `main(argv)`."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from sqlalchemy import text

from console.cli import main
from console.core.desk import Desk
from console.paths import DEMO_SITE
from schema.db import redact
from tests.demo import copy_demo_site


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_demo_site(tmp_path)


def _stdin(monkeypatch: pytest.MonkeyPatch, *lines: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(f"{line}\n" for line in lines)))


def test_check_site_accepts_the_demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-site", str(DEMO_SITE)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"OK: .*6 cameras, 2 alarm sources, 12 zones", out)


def test_check_site_prints_file_line_key_message(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = site.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("ring_timeout_s"))
    lines[at] = 'ring_timeout_s = "long"'
    site.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["check-site", str(site)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"{site}:{at + 1}: intercom.ring_timeout_s: {err[0].split(': ', 2)[2]}"]
    assert "integer" in err[0]


@pytest.mark.parametrize("argv", [["--headless"], ["verify-audit"]])
def test_commands_refuse_an_invalid_site_with_the_same_messages(
    site: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    site.write_text('[site]\nname = "x"\nbogus = 1\n', encoding="utf-8")
    assert main(["--site", str(site), *argv]) == 1
    assert re.match(rf"{re.escape(str(site))}:3: site.bogus: ", capsys.readouterr().err)


def test_missing_site_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.toml"
    assert main(["check-site", str(missing)]) == 1
    assert f"{missing}:1: file: cannot read" in capsys.readouterr().err


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err


def test_users_add_then_verify_audit(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "first-admin-1", "first-admin-1")
    assert main(["users", "add", "chief", "--role", "admin", "--site", str(site)]) == 0
    _stdin(monkeypatch, "first-admin-1", "op-password-1", "op-password-1")
    argv = ["users", "add", "li", "--role", "operator", "--by", "chief", "--display-name", "李"]
    assert main([*argv, "--site", str(site)]) == 0
    assert "added li (operator)" in capsys.readouterr().out
    assert main(["verify-audit", "--site", str(site)]) == 0
    assert "audit chain intact: 3 records" in capsys.readouterr().out


def test_users_add_refuses_mismatched_passwords(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "first-admin-1", "first-admin-2")
    assert main(["users", "add", "chief", "--role", "admin", "--site", str(site)]) == 1
    assert "differ" in capsys.readouterr().err
    desk = Desk.open(site)
    try:
        assert not desk.auth.has_admin()
    finally:
        desk.close()


def test_users_add_needs_an_admin_once_one_exists(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "first-admin-1", "first-admin-1")
    main(["users", "add", "chief", "--role", "admin", "--site", str(site)])
    _stdin(monkeypatch, "op-password-1", "op-password-1")
    assert main(["users", "add", "li", "--role", "operator", "--site", str(site)]) == 1
    assert "--by ADMIN" in capsys.readouterr().err
    _stdin(monkeypatch, "wrong-password", "op-password-1", "op-password-1")
    argv = ["users", "add", "li", "--role", "operator", "--by", "chief", "--site", str(site)]
    assert main(argv) == 1
    assert "wrong user name or password" in capsys.readouterr().err


def test_verify_audit_names_the_tampered_record(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "first-admin-1", "first-admin-1")
    main(["users", "add", "chief", "--role", "admin", "--site", str(site)])
    desk = Desk.open(site)
    try:
        desk.login("chief", "first-admin-1")
        with desk.db.write() as s:
            s.execute(text("update audit_records set subject = 'someone-else' where seq = 2"))
    finally:
        desk.close()
    capsys.readouterr()
    assert main(["verify-audit", "--site", str(site)]) == 1
    out = capsys.readouterr().out
    assert "BROKEN after 1 good records: audit record seq 2" in out


def test_a_database_newer_than_the_code_is_refused(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = Desk.open(site)
    with desk.db.write() as s:
        s.execute(text("update alembic_version set version_num = 'ffff'"))
    desk.close()
    assert main(["verify-audit", "--site", str(site)]) == 1
    err = capsys.readouterr().err
    assert "revision ffff" in err
    assert redact(desk.site.database_url()) in err  # names the database (no password)


def test_users_list_needs_the_admin_password(
    site: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, "first-admin-1", "first-admin-1")
    main(
        [
            "users",
            "add",
            "chief",
            "--role",
            "admin",
            "--display-name",
            "王班长",
            "--site",
            str(site),
        ]
    )
    capsys.readouterr()
    _stdin(monkeypatch, "wrong-password")
    assert main(["users", "list", "--by", "chief", "--site", str(site)]) == 1
    _stdin(monkeypatch, "first-admin-1")
    assert main(["users", "list", "--by", "chief", "--site", str(site)]) == 0
    assert capsys.readouterr().out == "chief\tadmin\tactive\t王班长\n"
