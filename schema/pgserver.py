"""A throw-away PostgreSQL server: its own cluster in a temporary folder, on a free port.

The tests and the sync benchmark use it; a site's real server is run by the site's own
administration. PostgreSQL refuses to run as root, so under root the cluster belongs to the
`postgres` user that Debian's package creates (or `nobody`). `kill()` stops it the way a crash
would (immediate shutdown: no checkpoint, recovery on the next start), `start()` again brings
the same cluster back on the same port.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

USER = "watchdesk"  # the cluster's superuser (trust authentication, loopback only)


class PgServerError(Exception):
    """The throw-away server could not be set up or started; the message says why."""


def bindir() -> Path | None:
    """Where initdb and pg_ctl are: Debian keeps them out of PATH, per major version."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def available() -> bool:
    return bindir() is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


SCRATCH_FREE = 1 << 30  # tmpfs space wanted before the cluster goes there (bytes)


def _scratch() -> str | None:
    """Where to put the cluster: /dev/shm when it is a roomy tmpfs, else the temp folder.

    Creating a database copies a few hundred files; on tmpfs that takes a tenth of the time it
    takes on disk, and the server is thrown away anyway (with fsync off it is not crash-safe
    against the machine, only against itself). A container's small /dev/shm is not used."""
    shm = Path("/dev/shm")  # noqa: S108 - a private mkdtemp folder inside it
    try:
        stat = os.statvfs(shm)
    except OSError:
        return None
    roomy = stat.f_bavail * stat.f_frsize >= SCRATCH_FREE
    return str(shm) if roomy and os.access(shm, os.W_OK | os.X_OK) else None


def _run_as() -> str | None:
    """The user to run the server as when we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise PgServerError("running as root and there is no postgres or nobody user to run as")


class PgServer:
    def __init__(self, *, fsync: bool = False) -> None:
        bins = bindir()
        if bins is None:
            raise PgServerError(
                "PostgreSQL is not installed (no initdb): install Debian's postgresql package"
            )
        self.bin = bins
        self.fsync = fsync
        self.port = _free_port()
        self.root = Path(tempfile.mkdtemp(prefix="watchdesk-pg-", dir=_scratch()))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.user = _run_as()
        try:
            if self.user is not None:
                entry = pwd.getpwnam(self.user)
                os.chown(self.root, entry.pw_uid, entry.pw_gid)
            self._initdb()
        except BaseException:
            shutil.rmtree(self.root, ignore_errors=True)
            raise

    def _cmd(self, *args: str | Path) -> list[str]:
        cmd = [str(a) for a in args]
        return ["runuser", "-u", self.user, "--", *cmd] if self.user else cmd

    def _run(self, *args: str | Path, timeout: float = 60) -> None:
        proc = subprocess.run(  # noqa: S603 - PostgreSQL's own tools, our arguments
            self._cmd(*args), capture_output=True, text=True, timeout=timeout, cwd=self.root
        )
        if proc.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise PgServerError(
                f"{Path(str(args[0])).name} failed ({proc.returncode}): "
                f"{proc.stderr.strip() or proc.stdout.strip()}\n{log}"
            )

    def _initdb(self) -> None:
        self._run(
            self.bin / "initdb",
            "-D",
            self.data,
            "-U",
            USER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            f"-c fsync={'on' if self.fsync else 'off'} -c max_connections=200"
        )
        self._run(
            self.bin / "pg_ctl", "-D", self.data, "-l", self.log, "-o", options, "-w", "start"
        )

    def kill(self) -> None:
        """Stop at once, as a crash would: clients lose their connections mid-statement."""
        self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def close(self) -> None:
        try:
            self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def drop_database(self, name: str) -> None:
        """Drop a database, ending any session still connected to it."""
        import psycopg

        with psycopg.connect(self.libpq(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'.encode())

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def libpq(self, database: str = "postgres") -> str:
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str, template: str | None = None) -> str:
        """A new database (copied from `template` if given); returns its SQLAlchemy URL."""
        import psycopg

        deadline = time.monotonic() + 10
        while True:
            try:
                with psycopg.connect(self.libpq(), autocommit=True) as conn:
                    sql = f'CREATE DATABASE "{name}"'
                    if template:
                        sql += f' TEMPLATE "{template}"'
                    conn.execute(sql.encode())  # names are ours, not input
                return self.url(name)
            except psycopg.errors.ObjectInUse:
                # the template still has a connection closing: try again shortly
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
