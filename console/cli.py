"""The command line (DESIGN.md "Contract: the command line"), thin over console.core."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from console import __version__
from console.core.auth import Actor, AuthError, Role
from console.core.desk import Desk
from console.core.exports import ExportError
from console.core.recordings import RecordingError
from console.core.reports import ReportError, ReportPeriod
from console.core.site import Intercom, SiteError, load_site
from console.core.sop import SopError
from console.paths import DEMO_SITE
from schema.db import DatabaseError

log = logging.getLogger("watchdesk")

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
EXPORT_KINDS = ("alarms", "log", "handovers", "visits", "loans", "checks")


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

    export = sub.add_parser("export", help="export records (csv, json; handovers also pdf)")
    export.add_argument("kind", choices=EXPORT_KINDS, metavar="KIND", help=" | ".join(EXPORT_KINDS))
    export.add_argument("--from", dest="start", metavar="ISO", help="from this date/time")
    export.add_argument("--to", dest="end", metavar="ISO", help="up to (not including) this")
    export.add_argument("--format", choices=["csv", "json", "pdf"], default="csv")
    export.add_argument("-o", "--output", type=Path, metavar="OUT", help="file (default stdout)")
    _site_option(export, argparse.SUPPRESS)

    simulate = sub.add_parser("simulate", help="device simulators for demos and installers")
    sim_sub = simulate.add_subparsers(dest="sim_kind", metavar="KIND", required=True)
    tcp = sim_sub.add_parser("modbus-tcp", help="a Modbus TCP I/O module; toggle its inputs")
    tcp.add_argument("--host", default="127.0.0.1")
    tcp.add_argument("--port", type=int, default=5020)
    tcp.add_argument("--units", default="1", help="device ids, comma-separated (default 1)")
    tcp.add_argument("--size", type=int, default=64, help="points per table (default 64)")
    cid = sim_sub.add_parser("contact-id", help="an alarm receiver's serial output")
    cid.add_argument("--port", required=True, help="serial port (e.g. one end of a socat pty)")
    cid.add_argument("--heartbeat", type=float, default=30.0, help="seconds (0: none)")
    gst = sim_sub.add_parser("gst-printer", help="a fire panel's printer port")
    gst.add_argument("--port", required=True, help="serial port (e.g. one end of a socat pty)")

    intercom = sub.add_parser("intercom", help="the SIP intercom")
    intercom_sub = intercom.add_subparsers(dest="intercom_command", metavar="ACTION", required=True)
    call = intercom_sub.add_parser(
        "call", help="place one test call to a room; print one JSON line with its outcome"
    )
    call.add_argument("room", metavar="ROOM")
    call.add_argument(
        "--talk", type=float, default=0.0, metavar="S", help="stay connected S seconds if answered"
    )
    call.add_argument(
        "--listen",
        metavar="HOST:PORT",
        help="the desk's SIP address for this call (default: the site's)",
    )
    _site_option(call, argparse.SUPPRESS)

    clip = sub.add_parser("clip", help="remux a camera's recording into one MP4, print its SHA-256")
    clip.add_argument("--camera", required=True, metavar="ID")
    clip.add_argument("--from", dest="start", required=True, metavar="ISO")
    clip.add_argument("--to", dest="end", required=True, metavar="ISO")
    clip.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.mp4")
    _site_option(clip, argparse.SUPPRESS)

    retention = sub.add_parser("retention", help="apply the recording retention now")
    _site_option(retention, argparse.SUPPRESS)

    package = sub.add_parser(
        "verify-package", help="check a footage-loan package against its manifest"
    )
    package.add_argument("folder", type=Path, metavar="DIR")
    package.add_argument(
        "--manifest-sha256",
        metavar="HEX",
        help="also check the manifest itself against the hash printed on the receipt",
    )

    report = sub.add_parser(
        "report", help="a period's figures: PDF with charts, or CSV/JSON (one row per figure)"
    )
    which = report.add_mutually_exclusive_group(required=True)
    which.add_argument("--month", metavar="YYYY-MM", help="a calendar month, e.g. 2026-11")
    which.add_argument("--week", metavar="YYYY-MM-DD", help="the Monday-based week of this day")
    which.add_argument("--day", metavar="YYYY-MM-DD", help="one day")
    which.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="first day (with --to)")
    report.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="last day, included")
    report.add_argument(
        "--format", choices=["pdf", "csv", "json"], help="default: from -o's suffix, else pdf"
    )
    report.add_argument("-o", "--output", type=Path, metavar="OUT", help="file (pdf needs one)")
    _site_option(report, argparse.SUPPRESS)

    bench = sub.add_parser("bench", help="benchmarks: print figures measured in one run")
    bench.add_argument("what", choices=["alarms", "wall", "reports", "analytics", "sync"])
    bench.add_argument("--quick", action="store_true", help="fewer samples (for tests)")
    bench.add_argument(
        "--streams", type=int, default=9, help="wall, analytics: sub streams (default 9)"
    )
    bench.add_argument(
        "--minutes", type=float, default=10.0, help="wall: how long to run (default 10)"
    )
    bench.add_argument(
        "--changes", type=int, default=1000, help="sync: changes to propagate (default 1000)"
    )
    bench.add_argument(
        "--database-url",
        metavar="URL",
        help="sync: a PostgreSQL database to use (default: a throw-away server of its own)",
    )
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
        # pymodbus logs every timeout at ERROR with frame dumps; our hubs log the first failure
        # of a run at ERROR and repeats at DEBUG themselves.
        logging.getLogger("pymodbus").setLevel(logging.CRITICAL)


def _site_path(args: argparse.Namespace) -> Path:
    return args.site if args.site is not None else DEMO_SITE


def _open_desk(args: argparse.Namespace, role: str = "desk") -> Desk:
    return Desk.open(_site_path(args), role=role)


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
        seals, seal_breaks = desk.handover.verify_seals()
    finally:
        desk.close()
    if broken is not None:
        print(f"audit chain BROKEN after {checked} good records: {broken}")
        return EXIT_FAIL
    if seal_breaks:
        print(f"audit chain intact: {checked} records; duty records BROKEN:")
        for item in seal_breaks:
            print(f"  {item}")
        return EXIT_FAIL
    print(f"audit chain intact: {checked} records; {seals} handover seals recomputed, all match")
    return EXIT_OK


def _export_rows(
    desk: Desk, kind: str, start: datetime | None, end: datetime | None
) -> tuple[list[dict[str, Any]], Sequence[str]]:
    from console.core import checks, exports, loans, visits

    tz = desk.site.tz()
    if kind == "loans":
        lent = desk.loans.between(start, end)
        return loans.loan_rows(lent, tz, desk.loans.clock()), loans.LOAN_COLUMNS
    if kind == "visits":
        return visits.visit_rows(desk.visits.between(start, end), tz), visits.VISIT_COLUMNS
    if kind == "alarms":
        return exports.alarm_rows(desk.alarms.between(start, end), tz), exports.ALARM_COLUMNS
    if kind == "log":
        return exports.log_rows(desk.duty.between(start, end), tz), exports.LOG_COLUMNS
    if kind == "handovers":
        views = desk.handover.between(start, end)
        return exports.handover_rows(views, tz), exports.HANDOVER_COLUMNS
    records = desk.checks.records(start=start, end=end)
    return checks.check_rows(records, tz), checks.CHECK_COLUMNS


def _export_pdf(
    desk: Desk, args: argparse.Namespace, start: datetime | None, end: datetime | None
) -> int:
    if args.kind != "handovers":
        raise ExportError(f"--format pdf is available for handovers, not {args.kind}")
    if args.output is None:
        raise ExportError("--format pdf needs -o FILE.pdf")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from console.ui.handover_sheet import write_handover_pdf

    sheets = [desk.handover.sheet(v.id) for v in desk.handover.between(start, end)]
    if not sheets:
        raise ExportError("no sealed handover in that period: nothing to print")
    write_handover_pdf(sheets, args.output)
    print(f"{len(sheets)} handover sheets written to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from console.core import exports

    desk = _open_desk(args)
    try:
        tz = desk.site.tz()
        start = exports.parse_moment(args.start, tz, "--from") if args.start else None
        end = exports.parse_moment(args.end, tz, "--to") if args.end else None
        if args.format == "pdf":
            return _export_pdf(desk, args, start, end)
        rows, columns = _export_rows(desk, args.kind, start, end)
    finally:
        desk.close()
    text = exports.render(rows, columns, args.format)
    if args.output is None:
        sys.stdout.write(text)
    else:
        exports.write_atomically(args.output, text, bom=args.format == "csv")
        print(f"{len(rows)} {args.kind} rows written to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_intercom_call(args: argparse.Namespace) -> int:
    """One test call: exit 0 whatever the outcome, 1 only if it could not be attempted."""
    from devices.intercom.base import CallStatus, IntercomError, Phase, room_uri
    from devices.intercom.factory import make_intercom

    site = load_site(_site_path(args))
    if site.intercom is None:
        raise CommandError(f"{site.path}: the site file has no [intercom] section")
    config = site.intercom
    if args.listen is not None:  # checked as the site file's listen is
        try:
            config = Intercom.model_validate({**config.model_dump(), "listen": args.listen})
        except ValidationError as exc:
            reason = exc.errors()[0]["msg"].removeprefix("Value error, ")
            raise CommandError(f"--listen {args.listen!r}: {reason}") from None
    try:
        room_uri(config.uri_template, args.room)
        intercom = make_intercom(config, workdir=site.intercom_dir() / f"cli-{os.getpid()}")
        intercom.start()
    except IntercomError as exc:
        raise CommandError(str(exc)) from None
    decided = threading.Event()  # answered, or over

    def on_update(status: CallStatus) -> None:
        if status.phase in (Phase.TALKING, Phase.ENDED):
            decided.set()

    try:
        call = intercom.call(args.room, on_update)
        try:
            decided.wait()  # the backend ends every call: ring timeout, connect timeout
            if call.result is None:  # answered: talk a while, then hang up
                time.sleep(max(0.0, args.talk))
        finally:
            call.hangup()  # also on Ctrl+C: CANCEL or BYE
        result = call.wait(30.0)
        if result is None:
            raise CommandError("the call did not end 30 s after hanging up")
    except IntercomError as exc:
        raise CommandError(str(exc)) from None
    finally:
        intercom.stop()
    print(json.dumps(result.as_json(), ensure_ascii=False))
    return EXIT_OK


def cmd_simulate(args: argparse.Namespace) -> int:
    if args.sim_kind == "modbus-tcp":
        from devices.alarms.modbus import run_tcp_simulator

        try:
            units = [int(u) for u in args.units.split(",")]
        except ValueError:
            raise CommandError(f"--units {args.units!r}: give device ids like 1,2") from None
        print(f"Modbus TCP simulator on {args.host}:{args.port}, units {units}", file=sys.stderr)
        run_tcp_simulator(args.host, args.port, units, args.size, sys.stdin, sys.stdout)
        return EXIT_OK
    if args.sim_kind == "contact-id":
        from devices.alarms.contact_id import ContactIdSimulator

        with ContactIdSimulator(args.port, args.heartbeat) as simulator:
            simulator.run_prompt(sys.stdin, sys.stdout)
        return EXIT_OK
    from devices.alarms.gst_printer import run_prompt

    return run_prompt(args.port, sys.stdin, sys.stdout)


def cmd_clip(args: argparse.Namespace) -> int:
    from console.core import exports

    desk = _open_desk(args)
    try:
        tz = desk.site.tz()
        start = exports.parse_moment(args.start, tz, "--from")
        end = exports.parse_moment(args.end, tz, "--to")
        try:
            desk.cameras.camera(args.camera)
        except KeyError as exc:
            raise CommandError(str(exc.args[0])) from None
        result = desk.recordings.export_clip(args.camera, start, end, args.output)
    finally:
        desk.close()
    for gap_start, gap_end in result.missing:
        print(
            f"warning: no recording from {gap_start.astimezone(tz).isoformat(timespec='seconds')}"
            f" to {gap_end.astimezone(tz).isoformat(timespec='seconds')}",
            file=sys.stderr,
        )
    print(
        f"{result.path}: {result.duration_s:.1f} s, {result.bytes} bytes, from "
        f"{result.start.astimezone(tz).isoformat(timespec='seconds')} to "
        f"{result.end.astimezone(tz).isoformat(timespec='seconds')}"
        + (f", {len(result.missing)} gaps" if result.missing else ", no gaps"),
        file=sys.stderr,
    )
    print(f"{result.sha256}  {result.path}")
    return EXIT_OK


def cmd_retention(args: argparse.Namespace) -> int:
    desk = _open_desk(args)
    try:
        report = desk.recordings.apply_retention()
    finally:
        desk.close()
    print(
        f"retention: {report.deleted} segments deleted ({report.freed_bytes} bytes freed), "
        f"{report.spared_locked} kept under evidence locks, {report.kept_bytes} bytes kept"
    )
    for problem in report.failed:
        print(f"could not delete {problem}", file=sys.stderr)
    return EXIT_FAIL if report.failed else EXIT_OK


def cmd_verify_package(args: argparse.Namespace) -> int:
    """Exit 0 when every file the manifest names is there with its size and SHA-256; 1 with
    the first that differs or is missing (and every finding on stdout)."""
    from console.core.packages import PackageError, verify

    expected = (args.manifest_sha256 or "").strip().lower()
    try:
        check = verify(args.folder)
    except PackageError as exc:
        raise CommandError(str(exc)) from None
    for finding in check.files:
        print(finding.describe())
    for name in check.extra:
        print(f"{name}: not in the manifest (ignored)")
    if expected and expected != check.manifest_sha256:
        print(
            f"watchdesk: {args.folder / 'manifest.json'}: SHA-256 {check.manifest_sha256}, "
            f"the receipt says {expected}",
            file=sys.stderr,
        )
        return EXIT_FAIL
    if not check.intact:
        print(f"watchdesk: {args.folder}: {check.problems[0].describe()}", file=sys.stderr)
        return EXIT_FAIL
    print(
        f"package intact: {len(check.files)} files match manifest {check.manifest_sha256}",
        file=sys.stderr,
    )
    return EXIT_OK


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"{option} {text!r} is not a date: use YYYY-MM-DD") from None


def _report_period(desk: Desk, args: argparse.Namespace) -> ReportPeriod:
    tz = desk.site.tz()
    if args.last is not None and args.first is None:
        raise CommandError("--to needs --from")
    if args.month is not None:
        return ReportPeriod.parse_month(args.month, tz)
    if args.week is not None:
        return ReportPeriod.week(_day(args.week, "--week"), tz)
    if args.day is not None:
        return ReportPeriod.day(_day(args.day, "--day"), tz)
    if args.last is None:
        raise CommandError("--from needs --to")
    return ReportPeriod.custom(_day(args.first, "--from"), _day(args.last, "--to"), tz)


def cmd_report(args: argparse.Namespace) -> int:
    from console.core import exports
    from console.core.reports import REPORT_COLUMNS, report_rows

    fmt = args.format
    if fmt is None:
        suffix = args.output.suffix.lower().lstrip(".") if args.output is not None else ""
        fmt = suffix if suffix in ("csv", "json") else "pdf"
    desk = _open_desk(args)
    try:
        period = _report_period(desk, args)
        if fmt == "pdf" and args.output is None:
            raise CommandError("a PDF report needs -o FILE.pdf")
        report = desk.reports.report(period)
        language = args.lang or desk.site.site.language
    finally:
        desk.close()
    if fmt == "pdf":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from console.ui.report_pdf import write_report_pdf

        write_report_pdf(report, args.output, language=language)
        print(f"report {period.label} written to {args.output}", file=sys.stderr)
        return EXIT_OK
    text = exports.render(report_rows(report), REPORT_COLUMNS, fmt)
    if args.output is None:
        sys.stdout.write(text)
    else:
        exports.write_atomically(args.output, text, bom=fmt == "csv")
        print(f"report {period.label} written to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_bench(args: argparse.Namespace) -> int:
    if args.what == "reports":
        from console.core.bench_reports import run_bench as run_reports

        return run_reports(quick=args.quick)
    if args.what == "analytics":
        from console.ui.bench_analytics import run_bench as run_analytics

        return run_analytics(streams=args.streams, quick=args.quick)
    if args.what == "sync":
        from console.ui.bench_sync import run_bench as run_sync

        return run_sync(changes=args.changes, url=args.database_url, quick=args.quick)
    if args.what == "wall":
        from console.ui.bench_wall import run_bench as run_wall

        return run_wall(streams=args.streams, minutes=args.minutes, quick=args.quick)
    from console.ui.bench_alarms import run_bench

    return run_bench(quick=args.quick)


def cmd_headless(args: argparse.Namespace) -> int:
    from console.core.service import HeadlessService

    desk = _open_desk(args, role="service")
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
    "export": cmd_export,
    "simulate": cmd_simulate,
    "intercom call": cmd_intercom_call,
    "clip": cmd_clip,
    "retention": cmd_retention,
    "verify-package": cmd_verify_package,
    "report": cmd_report,
    "bench": cmd_bench,
}


def _dispatch(args: argparse.Namespace) -> int:
    if args.command is None:
        return cmd_headless(args) if args.headless else cmd_gui(args)
    key = args.command
    if args.command == "users":
        key = f"users {args.users_command}"
    elif args.command == "intercom":
        key = f"intercom {args.intercom_command}"
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
    except (
        DatabaseError,
        AuthError,
        CommandError,
        SopError,
        ExportError,
        RecordingError,
        ReportError,
        OSError,
    ) as exc:
        print(f"watchdesk: {exc}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        return 130
