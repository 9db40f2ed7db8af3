"""The command line (DESIGN.md "Contract: the command line"), thin over console.core."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from console import __version__
from console.core.auth import Actor, AuthError, Role
from console.core.desk import Desk
from console.core.site import SiteError, load_site
from console.core.sop import SopError
from console.paths import DEMO_SITE
from schema.db import DatabaseError

log = logging.getLogger("watchdesk")

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A command could not do its job; the message says why."""


def _site_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--site",
        type=Path,
        default=default,
        metavar="FILE",
        help="the site file (default: the demo site)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="watchdesk", description="Watchdesk monitoring-room console (监控中心值班台)"
    )
    _site_option(parser, None)
    parser.add_argument(
        "--headless", action="store_true", help="service mode: no window, log to stderr"
    )
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="UI language (default: the site's)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    parser.add_argument("--version", action="version", version=f"watchdesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check-site", help="validate a site file")
    check.add_argument("file", type=Path, metavar="FILE")

    users = sub.add_parser("users", help="manage operator accounts")
    users_sub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = users_sub.add_parser("add", help="add a user (password from the terminal or stdin)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--display-name", default="", help="name shown and printed on signatures")
    add.add_argument(
        "--by",
        metavar="ADMIN",
        help="the administrator making the change (needed once an admin exists)",
    )
    _site_option(add, argparse.SUPPRESS)
    lst = users_sub.add_parser("list", help="list users (asks an administrator's password)")
    lst.add_argument("--by", metavar="ADMIN", required=True)
    _site_option(lst, argparse.SUPPRESS)

    verify = sub.add_parser("verify-audit", help="check the audit chain")
    _site_option(verify, argparse.SUPPRESS)
    return parser


# -- helpers ---------------------------------------------------------------------------------


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if not verbose:
        logging.getLogger("alembic").setLevel(logging.WARNING)


def _site_path(args: argparse.Namespace) -> Path:
    return args.site if args.site is not None else DEMO_SITE


def _open_desk(args: argparse.Namespace) -> Desk:
    return Desk.open(_site_path(args))


class _Secrets:
    """Passwords from the terminal (hidden) or, when stdin is not a terminal, one per line."""

    def __init__(self) -> None:
        self.interactive = sys.stdin.isatty()

    def read(self, prompt: str) -> str:
        if self.interactive:
            return getpass.getpass(prompt)
        line = sys.stdin.readline()
        if not line:
            raise CommandError(f"expected a password on standard input ({prompt.strip(': ')})")
        return line.rstrip("\r\n")

    def new_password(self, name: str) -> str:
        first = self.read(f"New password for {name}: ")
        if first != self.read(f"Repeat the password for {name}: "):
            raise CommandError("the two passwords differ; nothing was changed")
        return first


def _admin(desk: Desk, name: str | None, secrets: _Secrets) -> Actor | None:
    if name is None:
        return None
    return desk.auth.authenticate(name, secrets.read(f"Password of {name}: "), purpose="cli")


# -- commands --------------------------------------------------------------------------------


def cmd_check_site(args: argparse.Namespace) -> int:
    site = load_site(args.file)
    print(f"{args.file}: OK: {site.summary()}")
    return EXIT_OK


def cmd_users_add(args: argparse.Namespace) -> int:
    desk = _open_desk(args)
    try:
        if desk.auth.has_admin() and args.by is None:
            raise CommandError("an administrator exists: name them with --by ADMIN")
        secrets = _Secrets()
        by = _admin(desk, args.by, secrets)
        password = secrets.new_password(args.name)
        user = desk.auth.add_user(by, args.name, args.display_name, Role(args.role), password)
        print(f"added {user.name} ({user.role}) to {desk.site.site.name}")
    finally:
        desk.close()
    return EXIT_OK


def cmd_users_list(args: argparse.Namespace) -> int:
    desk = _open_desk(args)
    try:
        by = _admin(desk, args.by, _Secrets())
        assert by is not None
        for u in desk.auth.list_users(by):
            state = "active" if u.active else "disabled"
            print(f"{u.name}\t{u.role}\t{state}\t{u.display_name}")
    finally:
        desk.close()
    return EXIT_OK


def cmd_verify_audit(args: argparse.Namespace) -> int:
    desk = _open_desk(args)
    try:
        checked, broken = desk.verify_audit()
    finally:
        desk.close()
    if broken is not None:
        print(f"audit chain BROKEN after {checked} good records: {broken}")
        return EXIT_FAIL
    print(f"audit chain intact: {checked} records")
    return EXIT_OK


def cmd_headless(args: argparse.Namespace) -> int:
    from console.core.service import HeadlessService

    desk = _open_desk(args)
    try:
        return HeadlessService(desk).run()
    finally:
        desk.close()


def cmd_gui(args: argparse.Namespace) -> int:
    site = load_site(_site_path(args))  # an invalid file is refused before any window
    from console.ui.app import run_gui

    return run_gui(site, args.lang)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check-site": cmd_check_site,
    "users add": cmd_users_add,
    "users list": cmd_users_list,
    "verify-audit": cmd_verify_audit,
}


def _dispatch(args: argparse.Namespace) -> int:
    if args.command is None:
        return cmd_headless(args) if args.headless else cmd_gui(args)
    key = args.command if args.command != "users" else f"users {args.users_command}"
    return COMMANDS[key](args)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _setup_logging(args.verbose)
    try:
        return _dispatch(args)
    except SiteError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_FAIL
    except (DatabaseError, AuthError, CommandError, SopError) as exc:
        print(f"watchdesk: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        return 130
