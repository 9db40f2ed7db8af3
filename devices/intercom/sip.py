"""The real intercom: baresip as a child process, driven over its ctrl_tcp netstring JSON.

baresip 1.0.0 (Debian `baresip-core`) runs with a configuration generated into a private
directory (mode 0700; the accounts file, which may hold the password, 0600): the desk's SIP
account, the sound card (or `aubridge,nil` where there is none), G.711 so that any indoor
station's SDP matches, the `menu` module (in 1.0.0 it provides the dial, hangup, mute, callstat
and callfind commands) and `ctrl_tcp` on a free loopback port. No console UI module (stdio,
cons) is loaded: nothing reads baresip's stdin.

What baresip 1.0.0 says, found against SIPp (each a netstring `LEN:JSON,`):

- responses: {"response": true, "ok": bool, "data": text, "token": ...}; `dial` answers "" and
  no call id, so the driver asks `callstat`, whose text has "id=<Call-ID>".
- events: {"event": true, "class": "call", "type": ..., "direction": "outgoing"|"incoming",
  "peeruri": ..., "id": <the SIP Call-ID>, "param": ...}. CALL_RINGING (180), CALL_PROGRESS
  (183), CALL_ESTABLISHED (200), CALL_CLOSED with param "486 Busy Here" (a final error
  response), "Connection reset by user" (we hung up: CANCEL or BYE; a 487 after our CANCEL is
  not reported) or "Connection reset by peer" (the station's BYE). CALL_LOCAL_SDP comes first
  and has no id.
- `mute` toggles and answers "call muted" / "call un-muted"; `callfind <id>` makes a call the
  current one, which `hangup` and `mute` act on (both exist only while a call does).
- `reginfo` lists the account as "OK" once registered. baresip registers before ctrl_tcp has a
  client, so the first REGISTER_OK event is never heard: the supervisor asks instead.
- Without a UA (the SIP port taken: "ua: init failed") or without ctrl_tcp (its port taken),
  baresip 1.0.0 keeps running; the driver reads its output to tell.

Outcomes: 200 → answered; 486 or 600 → busy; 603 → declined; no 200 within `ring_timeout_s`
of the first ringing → the driver hangs up (baresip CANCELs) → no-answer (no SIP status: the
487 that follows the CANCEL never reaches ctrl_tcp); no ringing within `connect_timeout_s` of
dialling (the driver hangs up), any other error, or baresip dying mid-call → unreachable.
A 183 Session Progress counts as ringing like a 180: stations that play their own ringback as
early media send 183 instead, and the resident's phone rings all the same.

A supervisor thread owns the child (it is spawned there, so PR_SET_PDEATHSIG, which follows the
spawning thread, holds until `stop()`), restarts it with a back-off if it dies, and stops it
with the console (SIGTERM; a second SIGTERM, which makes baresip quit without waiting for its
transactions; then SIGKILL). Incoming calls are refused (486): the desk calls out.
"""

from __future__ import annotations

import collections
import ctypes
import itertools
import json
import logging
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from devices.intercom.base import (
    RING_PERIOD_S,
    Call,
    Intercom,
    IntercomError,
    Outcome,
    Phase,
    UpdateFn,
    room_uri,
)

log = logging.getLogger(__name__)
baresip_log = logging.getLogger(__name__ + ".baresip")  # the child's own output, at DEBUG

MODULE_DIRS = (
    "/usr/lib/baresip/modules",
    "/usr/lib/x86_64-linux-gnu/baresip/modules",
    "/usr/lib/aarch64-linux-gnu/baresip/modules",
    "/usr/local/lib/baresip/modules",
)
SOUND_DIRS = ("/usr/share/baresip", "/usr/local/share/baresip")
NO_SOUND = "aubridge,nil"  # calls connect, nobody hears

COMMAND_TIMEOUT_S = 5.0
CLOSE_WAIT_S = 5.0  # after our hangup, how long to wait for baresip's CALL_CLOSED
TERM_WAIT_S = 3.0  # SIGTERM, then SIGKILL
RESTART_MIN_S = 0.5
RESTART_MAX_S = 30.0
STABLE_AFTER_S = 30.0  # a child that lived this long restarts at once again next time
CTRL_PORT_TRIES = 3
REGISTRATION_WAIT_S = 10.0  # how long after a start to wait for the account's registration

ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
STATUS_RE = re.compile(r"^(\d{3})\s*(.*)$")
CALL_ID_RE = re.compile(r"\bid=(\S+)")
MUTE_RE = re.compile(r"call (un-)?muted")
# The accounts file is one line of `;name=value` parameters: a value cannot hold these.
SECRET_RE = re.compile(r'^[^\s;,<>"\\]+$')
ACCOUNT_RE = re.compile(r"^sips?:[^@\s;<>]+@[^\s;<>]+$")

# -- the child's death with its parent (Linux) ---------------------------------------------------

PR_SET_PDEATHSIG = 1
_prctl: Callable[..., int] | None = None
if sys.platform.startswith("linux"):
    try:
        _prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
        _prctl = None


def _die_with_parent() -> None:
    """In the child, between fork and exec: SIGKILL when the spawning thread's process dies."""
    if _prctl is not None:
        _prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)


# -- netstrings ----------------------------------------------------------------------------------


def encode_netstring(message: dict[str, Any]) -> bytes:
    data = json.dumps(message, separators=(",", ":")).encode()
    return b"%d:%s," % (len(data), data)


class NetstringReader:
    """Splits a byte stream into netstrings (`LEN:DATA,`). Raises ValueError on garbage."""

    def __init__(self, limit: int = 1 << 20) -> None:
        self._buf = bytearray()
        self._limit = limit

    def feed(self, data: bytes) -> list[bytes]:
        self._buf += data
        out: list[bytes] = []
        while True:
            colon = self._buf.find(b":")
            if colon < 0:
                if len(self._buf) > 10 or not bytes(self._buf).isdigit() and len(self._buf) > 0:
                    raise ValueError(f"netstring: bad length {bytes(self._buf[:20])!r}")
                return out
            head = bytes(self._buf[:colon])
            if not head.isdigit() or (len(head) > 1 and head.startswith(b"0")):
                raise ValueError(f"netstring: bad length {head[:20]!r}")
            size = int(head)
            if size > self._limit:
                raise ValueError(f"netstring: {size} bytes is too long")
            end = colon + 1 + size
            if len(self._buf) < end + 1:
                return out
            if self._buf[end] != ord(","):
                raise ValueError("netstring: no comma after the data")
            out.append(bytes(self._buf[colon + 1 : end]))
            del self._buf[: end + 1]


# -- what baresip's words mean -------------------------------------------------------------------


def closed_outcome(param: str, *, answered: bool) -> tuple[Outcome | None, int | None, str]:
    """How a call ended from CALL_CLOSED's param: (outcome, SIP status, reason). Outcome None:
    the call had been answered and one side hung up."""
    param = param.strip()
    match = STATUS_RE.match(param)
    if match is not None:
        code, phrase = int(match[1]), match[2].strip()
        if answered:
            return None, code, phrase
        if code in (486, 600):
            return Outcome.BUSY, code, phrase
        if code == 603:
            return Outcome.DECLINED, code, phrase
        return Outcome.UNREACHABLE, code, phrase
    if answered:
        if param.endswith("by peer"):
            return None, None, "hung up by the resident"
        return None, None, param or "hung up"
    return Outcome.UNREACHABLE, None, param or "the call failed"


def pick_audio(audio: str | None, module_dir: Path) -> str:
    """baresip's `driver,device`: the one configured, the sound card if any, else none."""
    if audio:
        return audio
    snd = Path("/dev/snd")
    has_pcm = snd.is_dir() and any(p.name.startswith("pcm") for p in snd.iterdir())
    if has_pcm and (module_dir / "alsa.so").exists():
        return "alsa,default"
    return NO_SOUND


def find_module_dir() -> Path:
    for candidate in MODULE_DIRS:
        if (Path(candidate) / "ctrl_tcp.so").exists():
            return Path(candidate)
    return Path(MODULE_DIRS[0])


def _free_tcp_port() -> int:
    """A loopback TCP port nobody listens on now (bound, then released for baresip)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- the child's output --------------------------------------------------------------------------


class _Output:
    """Reads the child's stdout+stderr: logs it, keeps the tail, notices start-up verdicts."""

    def __init__(self, proc: subprocess.Popen[bytes], scrub: Callable[[str], str]) -> None:
        self._proc = proc
        self._scrub = scrub
        self.lines: collections.deque[str] = collections.deque(maxlen=40)
        self._cond = threading.Condition()
        self.ready = False
        self.ctrl_failed = False
        self.sip_failed: str | None = None
        self.eof = False
        self._thread = threading.Thread(target=self._read, name="baresip-output", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        stream = self._proc.stdout
        assert stream is not None
        fd = stream.fileno()
        pending = b""
        try:
            while True:
                chunk = os.read(fd, 4096)
                if not chunk:
                    break
                pending += chunk
                *complete, pending = re.split(rb"[\r\n]", pending)
                for raw in complete:
                    self._line(raw)
            if pending:
                self._line(pending)
        except (OSError, ValueError):  # closed under us at shutdown
            pass
        finally:
            with self._cond:
                self.eof = True
                self._cond.notify_all()

    def _line(self, raw: bytes) -> None:
        text = self._scrub(ANSI_RE.sub("", raw.decode("utf-8", "replace")).replace("\0", ""))
        text = text.strip()
        if not text:
            return
        baresip_log.debug("%s", text)
        with self._cond:
            self.lines.append(text)
            if text == "baresip is ready.":
                self.ready = True
            elif text.startswith("ctrl_tcp: failed to listen"):
                self.ctrl_failed = True
            elif text.startswith(("ua: init failed", "ua: SIP Transport failed")):
                self.sip_failed = self.sip_failed or text
            self._cond.notify_all()

    def wait_verdict(self, timeout: float) -> str:
        """ "ready", "ctrl-port" (ctrl_tcp could not listen), "sip" (the SIP stack failed),
        "exited" or "timeout"."""
        with self._cond:
            self._cond.wait_for(lambda: self.ready or self.sip_failed or self.eof, timeout)
            if self.sip_failed:
                return "sip"
            if self.ready:
                return "ctrl-port" if self.ctrl_failed else "ready"
            return "exited" if self.eof else "timeout"

    def tail(self, n: int = 15) -> str:
        with self._cond:
            lines = list(self.lines)[-n:]
        return "\n".join(lines) if lines else "(no output)"

    def join(self, timeout: float) -> None:
        self._thread.join(timeout)


# -- the control connection ----------------------------------------------------------------------


@dataclass
class _Pending:
    done: threading.Event = field(default_factory=threading.Event)
    response: dict[str, Any] | None = None


class _Ctrl:
    """One ctrl_tcp connection: commands wait for their response (by token); events go to
    `on_event`, on the reader thread (which must not send commands itself)."""

    def __init__(self, port: int, on_event: Callable[[dict[str, Any]], None]) -> None:
        self.port = port
        self._sock = socket.create_connection(("127.0.0.1", port), timeout=COMMAND_TIMEOUT_S)
        self._sock.settimeout(None)
        self._on_event = on_event
        self._send_lock = threading.Lock()
        self._lock = threading.Lock()
        self._waiting: dict[str, _Pending] = {}
        self._tokens = itertools.count(1)
        self.closed = threading.Event()
        self._thread = threading.Thread(target=self._read, name="baresip-ctrl", daemon=True)
        self._thread.start()

    def command(
        self, command: str, params: str | None = None, timeout: float = COMMAND_TIMEOUT_S
    ) -> str:
        """Run a command and return its text. Raises IntercomError if baresip refuses it, does
        not answer in time, or the connection is gone."""
        token = f"wd{next(self._tokens)}"
        pending = _Pending()
        with self._lock:
            if self.closed.is_set():
                raise IntercomError("baresip's control connection is closed")
            self._waiting[token] = pending
        message: dict[str, Any] = {"command": command, "token": token}
        if params is not None:
            message["params"] = params
        log.debug("ctrl> %s %s", command, params or "")
        try:
            with self._send_lock:
                self._sock.sendall(encode_netstring(message))
            if not pending.done.wait(timeout):
                raise IntercomError(f"baresip did not answer {command!r} within {timeout:g} s")
        except OSError as exc:
            raise IntercomError(f"baresip's control connection failed: {exc}") from exc
        finally:
            with self._lock:
                self._waiting.pop(token, None)
        response = pending.response
        if response is None:
            raise IntercomError(f"baresip's control connection closed during {command!r}")
        data = str(response.get("data") or "")
        if response.get("ok") is not True:
            raise IntercomError(f"baresip refused {command!r}: {data.strip() or 'no reason'}")
        return data

    def _read(self) -> None:
        reader = NetstringReader()
        try:
            while True:
                chunk = self._sock.recv(65536)
                if not chunk:
                    break
                for raw in reader.feed(chunk):
                    self._dispatch(raw)
        except (OSError, ValueError) as exc:
            if not self.closed.is_set():
                log.warning("baresip's control connection failed: %s", exc)
        finally:
            with self._lock:
                self.closed.set()
                waiting = list(self._waiting.values())
            for pending in waiting:
                pending.done.set()

    def _dispatch(self, raw: bytes) -> None:
        try:
            message = json.loads(raw)
        except ValueError:
            log.warning("baresip sent a message that is not JSON: %r", raw[:200])
            return
        if not isinstance(message, dict):
            return
        if message.get("response"):
            with self._lock:
                pending = self._waiting.get(str(message.get("token")))
            if pending is not None:
                pending.response = message
                pending.done.set()
        elif message.get("event"):
            log.debug("ctrl< %s", message)
            self._on_event(message)

    def close(self) -> None:
        self.closed.set()
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self._sock.close()
        self._thread.join(5)


# -- the backend ---------------------------------------------------------------------------------


@dataclass
class _Active:
    """The call in progress and what its thread hears: ("event", dict), ("hangup", None),
    ("stop", None) or ("died", reason)."""

    call: Call
    events: queue.Queue[tuple[str, Any]] = field(default_factory=queue.Queue)
    thread: threading.Thread | None = None


class SipIntercom(Intercom):
    """Calls indoor stations over SIP through a baresip child process. One call at a time."""

    def __init__(
        self,
        uri_template: str,
        ring_timeout_s: float,
        *,
        account: str | None = None,
        password: str | None = None,
        register_every_s: int = 0,
        listen: str = "0.0.0.0:5060",
        audio: str | None = None,
        ring_period_s: float = RING_PERIOD_S,
        connect_timeout_s: float = 8.0,
        start_timeout_s: float = 5.0,
        baresip: str = "baresip",
        workdir: Path | str | None = None,
        module_dir: Path | str | None = None,
    ) -> None:
        super().__init__(uri_template, ring_timeout_s)
        host = listen.rpartition(":")[0]
        if account is None:
            local = "127.0.0.1" if host in ("0.0.0.0", "::", "[::]", "") else host  # noqa: S104
            account = f"sip:watchdesk@{local}"
        if not ACCOUNT_RE.match(account):
            raise IntercomError(f"account {account!r}: use a SIP URI, e.g. sip:desk1@10.0.0.5")
        if password is not None and not SECRET_RE.match(password):
            raise IntercomError(
                "the SIP password cannot be written to baresip's accounts file: it must not "
                'contain spaces or any of ; , < > " \\'
            )
        self.account = account
        self.__password = password
        self.register_every_s = register_every_s
        self.listen = listen
        self.audio = audio
        self.ring_period_s = ring_period_s
        self.connect_timeout_s = connect_timeout_s
        self.start_timeout_s = start_timeout_s
        self.baresip = baresip
        self.module_dir = Path(module_dir) if module_dir is not None else find_module_dir()
        self._workdir_given = Path(workdir) if workdir is not None else None
        self._dir: Path | None = None
        self._audio = NO_SOUND  # decided at start()
        self.restarts = 0  # how many times the supervisor brought baresip back

        self._lock = threading.Lock()
        self._cmd_lock = threading.RLock()  # callfind + the command it aims, as one
        self._proc: subprocess.Popen[bytes] | None = None
        self._output: _Output | None = None
        self._ctrl: _Ctrl | None = None
        self._ready = threading.Event()
        self._stop = threading.Event()
        self._first_start = threading.Event()
        self._start_error: str | None = None
        self._started = False
        self._stopping = False
        self._supervisor: threading.Thread | None = None
        self._tasks: queue.Queue[tuple[str, str, str]] = queue.Queue()
        self._active: _Active | None = None
        self._ended_ids: collections.deque[str] = collections.deque(maxlen=64)

    def __repr__(self) -> str:
        return (
            f"SipIntercom(account={self.account!r}, listen={self.listen!r}, "
            f"uri_template={self.uri_template!r}, password={'***' if self.__password else None})"
        )

    # -- state, for the console and tests ---------------------------------------------------------

    @property
    def pid(self) -> int | None:
        """The running baresip's process id (None: not running)."""
        with self._lock:
            proc = self._proc
        return proc.pid if proc is not None and proc.poll() is None else None

    @property
    def config_dir(self) -> Path | None:
        return self._dir

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Whether baresip is up (waiting up to `timeout` while it restarts)."""
        return self._ready.wait(timeout)

    # -- start and stop ---------------------------------------------------------------------------

    def start(self) -> None:
        with self._lock:
            if self._started:
                return
            self._started = True
        try:
            self._check_installation()
            self._make_dir()
            self._supervisor = threading.Thread(
                target=self._supervise, name="baresip-supervisor", daemon=True
            )
            self._supervisor.start()
            self._first_start.wait()
        except BaseException:
            self._abandon()
            raise
        if self._start_error is not None:
            self._supervisor.join(TERM_WAIT_S + 5)
            self._abandon()
            raise IntercomError(self._start_error)

    def _abandon(self) -> None:
        """A start that failed: nothing runs, nothing stays on disk, no second try."""
        self._remove_files()
        with self._lock:
            self._stopping = True

    def stop(self) -> None:
        with self._lock:
            if not self._started or self._stopping:
                return
            self._stopping = True
            active = self._active
        if active is not None:
            active.events.put(("stop", None))
            if active.thread is not None:
                active.thread.join(CLOSE_WAIT_S + 2 * COMMAND_TIMEOUT_S)
        self._stop.set()
        self._tasks.put(("wake", "", ""))
        if self._supervisor is not None:
            self._supervisor.join(TERM_WAIT_S + 10)
        self._remove_files()
        log.info("intercom stopped")

    def _check_installation(self) -> None:
        found = shutil.which(self.baresip)
        if found is None:
            raise IntercomError(
                f"baresip ({self.baresip!r}) is not installed: install the Debian package "
                "baresip-core (apt install baresip-core), or set the intercom to kind 'sim'"
            )
        self.baresip = found
        audio = pick_audio(self.audio, self.module_dir)
        driver = audio.partition(",")[0]
        for module in ("ctrl_tcp", "menu", "account", "g711", driver):
            if not (self.module_dir / f"{module}.so").exists():
                what = f" (for audio {audio!r})" if module == driver else ""
                raise IntercomError(
                    f"baresip's module {module}.so{what} is not in {self.module_dir}: install "
                    "the Debian package baresip-core"
                )
        self._audio = audio

    def _make_dir(self) -> None:
        if self._workdir_given is not None:
            self._workdir_given.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.chmod(self._workdir_given, 0o700)
            self._dir = self._workdir_given
        else:
            self._dir = Path(tempfile.mkdtemp(prefix="watchdesk-baresip-"))

    def _remove_files(self) -> None:
        if self._dir is None:
            return
        if self._workdir_given is None:
            shutil.rmtree(self._dir, ignore_errors=True)
        else:
            for name in ("accounts", "config"):
                (self._dir / name).unlink(missing_ok=True)

    def _write_files(self, ctrl_port: int) -> None:
        assert self._dir is not None
        audio = self._audio
        sound = audio != NO_SOUND
        sounds = next((d for d in SOUND_DIRS if Path(d).is_dir()), None)
        lines = [
            "# Written by Watchdesk at each start of baresip: edits are lost.",
            "poll_method\t\tepoll" if sys.platform.startswith("linux") else "",
            f"sip_listen\t\t{self.listen}",
            f"audio_player\t\t{audio}",
            f"audio_source\t\t{audio}",
            f"audio_alert\t\t{audio}",
            f"audio_path\t\t{sounds}" if sounds else "",
            # the ringback tone on the desk's speaker while the station rings
            f"ringback_disabled\t{'no' if sound and sounds else 'yes'}",
            "statmode_default\toff",
            "menu_bell\t\tno",
            f"module_path\t\t{self.module_dir}",
            "module\t\t\tg711.so",
            f"module\t\t\t{audio.partition(',')[0]}.so",
            "module_app\t\taccount.so",
            "module_app\t\tmenu.so",
            "module_app\t\tctrl_tcp.so",
            f"ctrl_tcp_listen\t\t127.0.0.1:{ctrl_port}",
        ]
        _write_private(self._dir / "config", "\n".join(x for x in lines if x) + "\n")
        account = f"<{self.account}>;regint={int(self.register_every_s)};answermode=manual"
        if self.__password:
            account += f";auth_pass={self.__password}"
        _write_private(self._dir / "accounts", account + "\n")

    def _transports(self) -> str:
        """The ports baresip binds for SIP: UDP and TCP on the listen port, TLS on the next."""
        port = self.listen.rpartition(":")[2]
        if port.isdigit() and int(port):
            return f"UDP and TCP; TLS on port {int(port) + 1}"
        return "UDP, TCP and TLS"

    def _scrub(self, text: str) -> str:
        password = self.__password
        return text.replace(password, "***") if password else text

    # -- the supervisor ---------------------------------------------------------------------------

    def _supervise(self) -> None:
        try:
            try:
                self._launch()
            except IntercomError as exc:
                self._start_error = self._scrub(str(exc))
                return
            finally:
                self._first_start.set()
            delay = RESTART_MIN_S
            while not self._stop.is_set():
                started = time.monotonic()
                reason = self._watch()
                if reason is None:
                    break
                self._lost(reason)
                if time.monotonic() - started >= STABLE_AFTER_S:
                    delay = RESTART_MIN_S
                while not self._stop.wait(delay):
                    delay = min(delay * 2, RESTART_MAX_S)
                    try:
                        self._launch()
                    except IntercomError as exc:
                        log.warning("could not restart baresip (next try in %g s): %s", delay, exc)
                        continue
                    self.restarts += 1
                    log.warning("baresip restarted (pid %s)", self.pid)
                    break
        finally:
            self._shutdown()

    def _launch(self) -> None:
        """Start baresip and connect to it. Raises IntercomError (with its output's tail)."""
        assert self._dir is not None
        for _attempt in range(CTRL_PORT_TRIES):
            port = _free_tcp_port()
            self._write_files(port)
            try:
                proc = subprocess.Popen(  # noqa: S603 - our own argv, no shell
                    [self.baresip, "-f", str(self._dir)],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT,
                    cwd=self._dir,
                    preexec_fn=_die_with_parent,  # only prctl runs there
                    start_new_session=True,  # a Ctrl+C at the terminal is for us, not for it
                )
            except OSError as exc:
                raise IntercomError(
                    f"could not run baresip ({self.baresip}): {exc}; install the Debian package "
                    "baresip-core"
                ) from exc
            output = _Output(proc, self._scrub)
            verdict = output.wait_verdict(self.start_timeout_s)
            if verdict == "ready":
                try:
                    ctrl = self._connect(port, proc)
                except OSError as exc:
                    self._end_process(proc, output)
                    raise IntercomError(
                        f"could not connect to baresip's ctrl_tcp on 127.0.0.1:{port}: {exc}"
                    ) from exc
                with self._lock:
                    self._proc, self._output, self._ctrl = proc, output, ctrl
                self._ready.set()
                log.info(
                    "baresip started (pid %d): SIP on %s as %s, audio %s, control on 127.0.0.1:%d",
                    proc.pid,
                    self.listen,
                    self.account,
                    self._audio,
                    port,
                )
                return
            self._end_process(proc, output)
            tail = output.tail()
            if verdict == "ctrl-port":
                log.info("baresip could not listen on control port %d; trying another", port)
                continue
            if verdict == "sip":
                raise IntercomError(
                    f"baresip could not listen for SIP on {self.listen} ({self._transports()}; "
                    f"is another SIP program using them?); its last output:\n{tail}"
                )
            if verdict == "exited":
                raise IntercomError(
                    f"baresip exited at start (code {proc.returncode}); its last output:\n{tail}"
                )
            raise IntercomError(
                f"baresip did not come up within {self.start_timeout_s:g} s; its last output:\n"
                f"{tail}"
            )
        raise IntercomError(f"baresip could not open a control port in {CTRL_PORT_TRIES} tries")

    def _connect(self, port: int, proc: subprocess.Popen[bytes]) -> _Ctrl:
        deadline = time.monotonic() + self.start_timeout_s
        while True:
            try:
                return _Ctrl(port, self._on_event)
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _watch(self) -> str | None:
        """Until baresip dies (why) or we stop (None); refuses incoming calls meanwhile, and
        says whether the account registered (baresip registers before we connect, so its
        REGISTER_OK event is not heard: ask)."""
        check_registration = time.monotonic() if self.register_every_s > 0 else None
        while True:
            try:
                task = self._tasks.get(timeout=0.2)
            except queue.Empty:
                task = None
            if self._stop.is_set():
                return None
            if task is not None and task[0] == "refuse":
                self._refuse(task[1], task[2])
            if check_registration is not None:
                check_registration = self._check_registration(check_registration)
            with self._lock:
                proc, ctrl = self._proc, self._ctrl
            if proc is None or ctrl is None:
                return "baresip is not running"
            if proc.poll() is not None:
                return f"baresip exited (code {proc.returncode})"
            if ctrl.closed.is_set():  # most often because it is dying: say so if it is
                try:
                    return f"baresip exited (code {proc.wait(1.0)})"
                except subprocess.TimeoutExpired:
                    return "baresip closed its control connection"

    def _check_registration(self, since: float) -> float | None:
        """Log the registration once it is known; None when done."""
        try:
            state = self.registration()
        except IntercomError as exc:
            state = str(exc)
        if state == "OK":
            log.info("%s registered with its registrar", self.account)
            return None
        if time.monotonic() - since > REGISTRATION_WAIT_S:
            log.warning(
                "%s is not registered (%s): stations reach the desk only if they know its address",
                self.account,
                state,
            )
            return None
        return since

    def registration(self) -> str | None:
        """The account's registration as baresip's `reginfo` shows it: "OK" once registered,
        "ERR" after a failure, "zzz" while it tries; None if baresip does not list it."""
        with self._lock:
            ctrl = self._ctrl
        if ctrl is None:
            raise IntercomError("baresip is not running")
        text = ANSI_RE.sub("", ctrl.command("reginfo"))
        for line in text.splitlines():
            words = line.lstrip("> ").split()
            if len(words) >= 2 and words[0] == self.account:
                return words[1]
        return None

    def _lost(self, reason: str) -> None:
        """baresip died (or stopped answering): tidy up and end the call in progress."""
        self._ready.clear()
        with self._lock:
            proc, output, ctrl = self._proc, self._output, self._ctrl
            self._proc = self._output = self._ctrl = None
            active = self._active
        if ctrl is not None:
            ctrl.close()
        if proc is not None and output is not None:
            self._end_process(proc, output)
            log.warning("%s; restarting it. Its last output:\n%s", reason, output.tail())
        if active is not None:
            active.events.put(("died", f"{reason} during the call"))

    def _shutdown(self) -> None:
        self._ready.clear()
        with self._lock:
            proc, output, ctrl = self._proc, self._output, self._ctrl
            self._proc = self._output = self._ctrl = None
        if ctrl is not None:
            ctrl.close()
        if proc is not None and output is not None:
            self._end_process(proc, output)
            log.info("baresip stopped (code %s)", proc.returncode)

    @staticmethod
    def _end_process(proc: subprocess.Popen[bytes], output: _Output) -> None:
        # The first SIGTERM lets baresip end its calls and unregister; a second one makes it
        # quit at once (it would otherwise wait for transactions, e.g. an unanswered INVITE).
        for signum in (signal.SIGTERM, signal.SIGTERM):
            if proc.poll() is not None:
                break
            proc.send_signal(signum)
            try:
                proc.wait(TERM_WAIT_S / 2)
            except subprocess.TimeoutExpired:
                continue
        if proc.poll() is None:
            log.warning("baresip did not stop within %g s of SIGTERM: killing it", TERM_WAIT_S)
            proc.kill()
            proc.wait()
        output.join(5)
        if proc.stdout is not None:
            proc.stdout.close()

    def _on_event(self, event: dict[str, Any]) -> None:
        """On the ctrl reader thread: route an event (never send a command from here)."""
        kind = str(event.get("type", ""))
        if kind == "REGISTER_OK":  # again at each refresh
            log.debug("registered %s: %s", event.get("accountaor"), event.get("param", ""))
            return
        if kind == "REGISTER_FAIL":
            log.warning("could not register %s: %s", event.get("accountaor"), event.get("param"))
            return
        if not kind.startswith("CALL_"):
            return
        if event.get("direction") == "incoming":
            if kind == "CALL_INCOMING":
                self._tasks.put(("refuse", str(event.get("id", "")), str(event.get("peeruri"))))
            return
        with self._lock:
            active = self._active
        if active is not None:
            active.events.put(("event", event))

    def _refuse(self, call_id: str, peer: str) -> None:
        log.warning("incoming call from %s refused: the desk only calls out", peer)
        with self._cmd_lock:
            with self._lock:
                ctrl, active = self._ctrl, self._active
            if ctrl is None:
                return
            ours = active.call.call_id if active is not None else None
            try:
                if call_id:
                    ctrl.command("callfind", call_id)
                elif active is not None:
                    return  # cannot aim at it without hanging up ours
                ctrl.command("hangup")
                if ours:
                    ctrl.command("callfind", ours)
            except IntercomError as exc:
                log.warning("could not refuse the call from %s: %s", peer, exc)

    # -- calls ------------------------------------------------------------------------------------

    def call(self, room: str, on_update: UpdateFn | None = None) -> Call:
        uri = room_uri(self.uri_template, room)
        call = Call(
            room=room.strip(),
            uri=uri,
            ring_timeout_s=self.ring_timeout_s,
            on_update=on_update,
            ring_period_s=self.ring_period_s,
        )
        active = _Active(call)
        with self._lock:
            if not self._started or self._stopping:
                raise IntercomError("the intercom is not running (not started, or stopped)")
            if self._active is not None:
                raise IntercomError(
                    f"a call to {self._active.call.room} is in progress: hang up first"
                )
            ctrl = self._ctrl
            if ctrl is None or not self._ready.is_set():
                raise IntercomError("baresip (the SIP stack) is restarting: try again shortly")
            self._active = active
        call._hangup_fn = lambda: active.events.put(("hangup", None))
        call._mute_fn = lambda muted: self._set_muted(call, muted)
        try:
            with self._cmd_lock:
                ctrl.command("dial", uri)
                try:
                    found = CALL_ID_RE.search(ctrl.command("callstat"))
                except IntercomError as exc:  # the call may have ended already
                    log.debug("no callstat after dialling: %s", exc)
                    found = None
        except IntercomError as exc:
            with self._lock:
                self._active = None
            raise IntercomError(f"could not dial {uri}: {exc}") from exc
        if found is not None and found[1] not in self._ended_ids:
            call.call_id = found[1]
        log.info("calling %s (%s), Call-ID %s", call.room, uri, call.call_id)
        active.thread = threading.Thread(
            target=self._run_call, args=(active,), name=f"sip-call-{call.room}", daemon=True
        )
        active.thread.start()
        return call

    def _call_command(self, call: Call, command: str) -> str:
        """A command aimed at `call` (made the current call first)."""
        with self._cmd_lock:
            with self._lock:
                ctrl = self._ctrl
            if ctrl is None:
                raise IntercomError("baresip is not running")
            if call.call_id:
                try:
                    ctrl.command("callfind", call.call_id)
                except IntercomError as exc:  # over already: the command does no harm
                    log.debug("callfind %s: %s", call.call_id, exc)
            return ctrl.command(command)

    def _set_muted(self, call: Call, muted: bool) -> None:
        for _ in range(2):  # `mute` toggles: twice at most reaches either state
            text = self._call_command(call, "mute")
            state = MUTE_RE.search(text)
            if state is None:
                raise IntercomError(f"baresip's mute said {text.strip()!r}")
            if (state[1] is None) == muted:
                log.info("call to %s %s", call.room, "muted" if muted else "unmuted")
                return
        raise IntercomError("baresip's mute did not reach the state asked for")

    def _run_call(self, active: _Active) -> None:
        call = active.call
        dial_deadline = call.started + self.connect_timeout_s
        hung_up_at: float | None = None
        ending: tuple[Outcome | None, int | None, str] = (None, None, "")
        try:
            while True:
                now = time.monotonic()
                wake: float | None
                if hung_up_at is not None:
                    wake = hung_up_at + CLOSE_WAIT_S
                elif call.status().phase is Phase.DIALING:
                    wake = dial_deadline
                else:
                    deadline = call.ringing_deadline()
                    next_ring = call.next_ring_at()
                    wake = None if deadline is None else min(deadline, next_ring or deadline)
                try:
                    kind, payload = active.events.get(
                        timeout=None if wake is None else max(0.0, wake - now)
                    )
                except queue.Empty:
                    kind, payload = "timer", None
                if kind == "died":
                    if hung_up_at is None:
                        ending = (Outcome.UNREACHABLE, None, str(payload))
                    self._end(active, *ending)
                    return
                if kind == "timer":
                    if hung_up_at is not None:
                        log.warning("baresip did not report the end of the call; ending it")
                        self._end(active, *ending)
                        return
                    phase = call.status().phase
                    deadline = call.ringing_deadline()
                    if phase is Phase.DIALING and time.monotonic() >= dial_deadline:
                        ending = (
                            Outcome.UNREACHABLE,
                            None,
                            f"the station did not ring within {self.connect_timeout_s:g} s",
                        )
                    elif deadline is not None and time.monotonic() >= deadline - 1e-3:
                        ending = (
                            Outcome.NO_ANSWER,
                            None,
                            f"no answer within {self.ring_timeout_s:g} s of ringing: cancelled",
                        )
                    else:
                        if phase is Phase.RINGING:
                            call.tick()
                        continue
                    hung_up_at = self._hang_up(call)
                elif kind in ("hangup", "stop"):
                    if hung_up_at is None:
                        why = "hung up by the desk" if kind == "hangup" else "the intercom stopped"
                        ending = (None, None, why)
                        hung_up_at = self._hang_up(call)
                elif kind == "event" and self._ours(call, payload):
                    over = self._on_call_event(call, payload)
                    if over is not None:
                        self._end(active, *(ending if hung_up_at is not None else over))
                        return
        except Exception:
            log.exception("the call to %s failed in the driver", call.room)
            self._end(active, Outcome.UNREACHABLE, None, "internal error in the SIP driver")

    def _hang_up(self, call: Call) -> float:
        try:
            self._call_command(call, "hangup")
        except IntercomError as exc:
            log.warning("hanging up the call to %s: %s", call.room, exc)
        return time.monotonic()

    def _ours(self, call: Call, event: dict[str, Any]) -> bool:
        event_id = event.get("id")
        if event_id is None:
            return False  # CALL_LOCAL_SDP and the like: nothing to act on
        event_id = str(event_id)
        if call.call_id is None:  # `callstat` did not say: the first id heard is ours
            if event_id in self._ended_ids:
                return False
            call.call_id = event_id
            log.info("the call to %s has Call-ID %s", call.room, event_id)
        return event_id == call.call_id

    def _on_call_event(
        self, call: Call, event: dict[str, Any]
    ) -> tuple[Outcome | None, int | None, str] | None:
        """Act on one of the call's events; how it ended if it did."""
        kind = event.get("type")
        if kind in ("CALL_RINGING", "CALL_PROGRESS"):  # 180, or 183 (early media): both ring
            call.mark_ringing()
        elif kind == "CALL_ESTABLISHED":
            call.mark_answered()
        elif kind == "CALL_CLOSED":
            answered = call.status().phase is Phase.TALKING
            return closed_outcome(str(event.get("param", "")), answered=answered)
        return None

    def _end(
        self, active: _Active, outcome: Outcome | None, sip_status: int | None, reason: str
    ) -> None:
        call = active.call
        with self._lock:
            if self._active is active:
                self._active = None
            if call.call_id:
                self._ended_ids.append(call.call_id)
        result = call.finish(outcome, sip_status=sip_status, reason=reason)
        log.info(
            "call to %s: %s after %.1f s, %d rings, SIP %s (%s), Call-ID %s",
            call.room,
            result.outcome.value,
            result.seconds,
            result.rings,
            result.sip_status,
            result.reason,
            result.call_id,
        )


def _write_private(path: Path, text: str) -> None:
    """Write a file only its owner can read (created 0600, and made so if it was not)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        os.fchmod(f.fileno(), 0o600)
        f.write(text)
