"""The site file: one TOML file that describes a site (cameras, alarm sources, zones, intercom).

`load_site(path)` reads, parses and validates it and returns a `Site`, or raises `SiteError`
carrying every problem found, each as `FILE:LINE: key: message`. tomllib gives no positions,
so a small scanner over the (already valid) TOML text maps key paths such as `zones[3].source`
to line numbers. Qt-free: this module must not import PySide6.
"""

from __future__ import annotations

import bisect
import difflib
import json
import os
import re
import tomllib
import urllib.parse
import zoneinfo
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import ErrorDetails

from console.paths import site_data_dir

# TOML has real types, so no coercion ("yes" is not a bool); strings are stripped, never empty.
_CONFIG = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True, str_min_length=1)

Loc: TypeAlias = tuple[str | int, ...]

DATABASE_URL_ENV = "WATCHDESK_DATABASE_URL"
SOURCE_KINDS = ("modbus-rtu", "modbus-tcp", "contact-id", "gst-printer", "sim", "video")
SERIAL_KINDS = frozenset({"modbus-rtu", "contact-id", "gst-printer"})
MODBUS_KINDS = frozenset({"modbus-rtu", "modbus-tcp"})
ZONE_KINDS = ("fire", "infrared", "perimeter", "panic", "elevator", "tamper", "fault")
_ID_RE = re.compile(r"[a-z0-9-]+")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR = re.compile(r"[^,\]}\n#]*")  # numbers, booleans, dates: up to what ends a value


# ---------------------------------------------------------------------------------------------
# Problems


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a site file, printed as `FILE:LINE: key: message`."""

    file: str
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.key}: {self.message}"


class SiteError(Exception):
    """A site file that cannot be used; `.problems` lists everything found, in line order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


# ---------------------------------------------------------------------------------------------
# Field types and validators


def _check_id(value: str) -> str:
    if not _ID_RE.fullmatch(value):
        raise ValueError(f"{_show(value)} is not an id: use lowercase letters, digits and '-'")
    return value


def _check_timezone(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(f'unknown time zone {_show(value)} (e.g. "Asia/Shanghai")') from None
    return value


def _check_stopbits(value: float) -> float:
    if value not in (1, 1.5, 2):
        raise ValueError(f"must be 1, 1.5 or 2, got {_show(value)}")
    return value


def _check_stream(value: str) -> str:
    """A camera stream: rtsp(s)://host..., sim:NAME, or a file path."""
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", value)
    if scheme:
        name = scheme.group(1).lower()
        if name not in ("rtsp", "rtsps"):
            raise ValueError(f"unsupported scheme '{name}'; use rtsp://, a file path or sim:NAME")
        return _check_rtsp(value)
    if value.startswith("sim:"):
        name, _, query = value[4:].partition("?")
        if not _ID_RE.fullmatch(name):
            raise ValueError(f"{_show(value)}: sim:NAME takes lowercase letters, digits and '-'")
        if query:
            from devices.cameras.sim import parse_sim_url

            try:
                parse_sim_url(value)
            except ValueError as err:
                raise ValueError(f"{_show(value)}: {err}") from None
    return value


def _check_rtsp(value: str) -> str:
    parts = urllib.parse.urlsplit(value)
    if not parts.hostname:
        raise ValueError(f"{_show(value)} has no host (rtsp://HOST[:PORT]/PATH)")
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise ValueError(f"{_show(value)} has a bad port") from None
    return value


Id = Annotated[str, AfterValidator(_check_id)]
TimeZoneName = Annotated[str, AfterValidator(_check_timezone)]
StreamUrl = Annotated[str, AfterValidator(_check_stream)]
StopBits = Annotated[float, AfterValidator(_check_stopbits)]
Baudrate = Literal[1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200]


# ---------------------------------------------------------------------------------------------
# Models


class SiteInfo(BaseModel):
    model_config = _CONFIG

    name: str
    timezone: TimeZoneName = "Asia/Shanghai"
    language: Literal["zh_CN", "en"] = "zh_CN"
    idle_lock_min: int = Field(default=15, ge=1, le=240)  # minutes without input, then lock


class DatabaseConfig(BaseModel):
    model_config = _CONFIG

    url: str

    @field_validator("url")
    @classmethod
    def _known_engine(cls, value: str) -> str:
        if not value.startswith(("sqlite:", "postgresql")):
            raise ValueError(
                "must start with sqlite: or postgresql (e.g. postgresql+psycopg://user@host/db)"
            )
        return value


class StorageConfig(BaseModel):
    model_config = _CONFIG

    recordings: Annotated[Path, Field(strict=False)] | None = None
    retention_days: int = Field(default=30, ge=1)
    quota_gb: float = Field(default=200, gt=0)
    # Cameras with privacy masks are recorded with the masks burnt in (re-encoded); true keeps
    # the original picture in the recordings (masks still cover live view, playback, exports).
    keep_original: bool = False


class AnalyticsSettings(BaseModel):
    """[analytics]: video analysis on the cameras' sub streams, in a worker per camera."""

    model_config = _CONFIG

    enabled: bool = True
    fps: float = Field(default=5.0, ge=1, le=15)  # pictures analysed per second
    width: int = Field(default=320, ge=160, le=960)  # analysed at this width (aspect kept)


class AlarmSettings(BaseModel):
    """[alarms]: how the queue ages unacknowledged alarms, and the site's own SOP templates."""

    model_config = _CONFIG

    age_warn_s: int = Field(default=60, ge=5, le=3600)  # unacknowledged this long: amber
    age_late_s: int = Field(default=180, ge=10, le=7200)  # ... and this long: red, blinking
    sop: Annotated[Path, Field(strict=False)] | None = None  # default: resources/sop.toml

    @field_validator("age_late_s")
    @classmethod
    def _late_after_warn(cls, value: int, info: ValidationInfo) -> int:
        warn = info.data.get("age_warn_s")
        if warn is not None and value <= warn:
            raise ValueError(f"must be greater than age_warn_s ({warn})")
        return value


def _check_clock(value: str) -> str:
    if not re.fullmatch(r"([01][0-9]|2[0-3]):[0-5][0-9]", value):
        raise ValueError(f'{_show(value)} is not a time of day: use "HH:MM", e.g. "08:00"')
    return value


ClockTime = Annotated[str, AfterValidator(_check_clock)]

DEFAULT_HANDOVER_CHECKLIST = (
    "监控中心钥匙 Monitoring room keys",
    "消防控制柜钥匙 Fire control cabinet keys",
    "对讲机及充电器 Radios and chargers",
    "手电筒 Torches",
    "值班手机 Duty phone",
    "录像借用登记本 Footage loan register",
)


class DutySettings(BaseModel):
    """[duty]: the shift pattern, staffing, the equipment-status rhythm, the handover checklist."""

    model_config = _CONFIG

    shift_starts: list[ClockTime] = Field(default=["08:00", "16:00", "00:00"], min_length=1)
    shift_names: list[str] | None = None  # one per start; default "08:00-16:00"
    min_on_duty: int = Field(default=2, ge=1, le=10)  # GB 25506: at least 2 per shift
    equipment_every_h: int = Field(default=2, ge=1, le=8)  # equipment-status log entry
    handover_grace_min: int = Field(default=60, ge=0, le=240)  # hand over after the shift end
    handover_checklist: list[str] = Field(default=list(DEFAULT_HANDOVER_CHECKLIST), min_length=1)

    @field_validator("shift_starts")
    @classmethod
    def _distinct_starts(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("each shift must start at a different time")
        return value

    @field_validator("shift_names")
    @classmethod
    def _one_name_per_shift(cls, value: list[str] | None, info: ValidationInfo) -> list[str] | None:
        starts = info.data.get("shift_starts")
        if value is not None and starts is not None and len(value) != len(starts):
            raise ValueError(f"give one name per shift start ({len(starts)}), got {len(value)}")
        return value


class Camera(BaseModel):
    model_config = _CONFIG

    id: Id
    name: str
    main: StreamUrl
    sub: StreamUrl | None = None
    record: bool = False
    tamper: bool = True  # watch for a covered, defocused or turned camera ([analytics] on)


class _SourceBase(BaseModel):
    model_config = _CONFIG

    id: Id
    kind: str


class SerialSettings(_SourceBase):
    """Settings shared by the alarm sources read from a serial port."""

    port: str  # a device path or a pyserial URL (socket://, loop://, rfc2217://)
    baudrate: Baudrate = 9600
    bytesize: Literal[5, 6, 7, 8] = 8
    parity: Literal["N", "E", "O"] = "N"
    stopbits: StopBits = 1


class ModbusSettings(_SourceBase):
    """Settings shared by Modbus RTU and Modbus TCP sources."""

    unit: int = Field(default=1, ge=1, le=247)
    poll_ms: int = Field(default=200, ge=50, le=10000)
    timeout_ms: int = Field(default=500, ge=50, le=2000)


class ModbusRtuSource(SerialSettings, ModbusSettings):
    kind: Literal["modbus-rtu"]


class ModbusTcpSource(ModbusSettings):
    kind: Literal["modbus-tcp"]
    host: str
    port: int = Field(default=502, ge=1, le=65535)


class ContactIdSource(SerialSettings):
    kind: Literal["contact-id"]
    heartbeat_s: int = Field(default=30, ge=5, le=600)


class GstPrinterSource(SerialSettings):
    kind: Literal["gst-printer"]


class VideoSource(_SourceBase):
    """The desk's own video analysis (area intrusion, loitering, thrown objects): its zones
    are of kind "video", each on a camera, with the area an admin draws on that camera."""

    kind: Literal["video"]


class SimSource(_SourceBase):
    kind: Literal["sim"]
    script: str | None = None  # see devices/alarms/sim.py: "SECONDS POINT TYPE [TEXT]" lines

    @field_validator("script")
    @classmethod
    def _valid_script(cls, value: str | None) -> str | None:
        from devices.alarms.sim import parse_script

        if value is not None:
            parse_script(value)  # ScriptError is a ValueError: reported with the key
        return value


AlarmSource = Annotated[
    ModbusRtuSource
    | ModbusTcpSource
    | ContactIdSource
    | GstPrinterSource
    | SimSource
    | VideoSource,
    Field(discriminator="kind"),
]
_SOURCE_MODELS: dict[str, type[BaseModel]] = {
    "modbus-rtu": ModbusRtuSource,
    "modbus-tcp": ModbusTcpSource,
    "contact-id": ContactIdSource,
    "gst-printer": GstPrinterSource,
    "sim": SimSource,
    "video": VideoSource,
}

_SOURCE_KIND_OF = {model: kind for kind, model in _SOURCE_MODELS.items()}


class Zone(BaseModel):
    model_config = _CONFIG

    id: Id
    name: str
    source: str  # an alarm source id; checked against the sources after validation
    kind: Literal["fire", "infrared", "perimeter", "panic", "elevator", "tamper", "fault", "video"]
    point: str  # its format depends on the source's kind, see normalize_point()
    camera: str | None = None  # a camera id, popped up on alarm


def _check_listen(value: str) -> str:
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError('use HOST:PORT, e.g. "0.0.0.0:5060"')
    return value


class Intercom(BaseModel):
    model_config = _CONFIG

    kind: Literal["sip", "sim"]
    uri_template: str
    ring_timeout_s: int = Field(default=25, ge=5, le=120)
    # sip: the desk's own SIP identity, e.g. "sip:desk1@10.0.0.5" (the indoor stations' server)
    account: str | None = None
    password: str | None = Field(default=None, repr=False)  # for a registrar; never logged
    # register the account with its domain (a PBX) every so many seconds; 0: peer to peer
    register_every_s: int = Field(default=0, ge=0, le=86400)
    listen: Annotated[str, AfterValidator(_check_listen)] = "0.0.0.0:5060"
    # baresip's audio driver and device: "alsa,default"; unset: the sound card if the desk has
    # one, else none (aubridge,nil: calls connect, nobody hears)
    audio: str | None = None
    # sim: how each room's resident behaves; other rooms answer
    sim: dict[str, Literal["answer", "busy", "decline", "never", "unreachable"]] = {}

    @field_validator("uri_template")
    @classmethod
    def _has_room(cls, value: str, info: ValidationInfo) -> str:
        if "{room}" not in value:
            raise ValueError('must contain {room}, e.g. "sip:{room}@10.0.0.5"')
        if info.data.get("kind") == "sip" and not value.startswith(("sip:", "sips:")):
            raise ValueError("must start with sip: or sips: for kind 'sip'")
        return value

    @field_validator("account")
    @classmethod
    def _is_sip_uri(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"sips?:[^@\s]+@[^\s;]+", value):
            raise ValueError('use a SIP URI with a user, e.g. "sip:desk1@10.0.0.5"')
        return value

    def desk_account(self) -> str:
        """The desk's SIP identity: `account`, or one on this machine for peer-to-peer calls."""
        if self.account is not None:
            return self.account
        host = self.listen.rpartition(":")[0]
        wildcard = host in ("0.0.0.0", "::", "[::]")  # noqa: S104 - a comparison, not a bind
        return f"sip:watchdesk@{'127.0.0.1' if wildcard else host}"


class Gate(BaseModel):
    """A gate (门岗) whose guard asks the desk to verify visitors."""

    model_config = _CONFIG

    id: Id
    name: str
    camera: str | None = None  # a camera id: the snapshot of the visitor comes from it


class Plan(BaseModel):
    """A plan image (一区一图: one per area or floor) that zone and camera markers are placed on
    (by an admin, in the plan pane; positions live in the database)."""

    model_config = _CONFIG

    id: Id
    name: str
    image: Annotated[Path, Field(strict=False)]  # PNG or JPEG; relative to the site file


class Site(BaseModel):
    model_config = _CONFIG

    site: SiteInfo
    database: DatabaseConfig | None = None
    storage: StorageConfig = Field(default_factory=StorageConfig)
    alarms: AlarmSettings = Field(default_factory=AlarmSettings)
    analytics: AnalyticsSettings = Field(default_factory=AnalyticsSettings)
    duty: DutySettings = Field(default_factory=DutySettings)
    cameras: list[Camera] = []
    alarm_sources: list[AlarmSource] = []
    zones: list[Zone] = []
    intercom: Intercom | None = None
    gates: list[Gate] = []
    plans: list[Plan] = []

    _path: Path | None = PrivateAttr(default=None)

    @property
    def path(self) -> Path:
        """The file this site was loaded from."""
        if self._path is None:
            raise RuntimeError("this Site was not loaded with load_site(), so it has no path")
        return self._path

    def database_url(self) -> str:
        """WATCHDESK_DATABASE_URL if set (keeps a server password out of the site file),
        else [database] url, else a SQLite file in the site's data folder."""
        if override := os.environ.get(DATABASE_URL_ENV, "").strip():
            return override
        if self.database is not None:
            return self.database.url
        return f"sqlite:///{site_data_dir(self.path) / 'desk.db'}"

    def recordings_dir(self) -> Path:
        """[storage].recordings (a relative path is taken from the site file's folder)."""
        if self.storage.recordings is None:
            return site_data_dir(self.path) / "recordings"
        return _beside(self.path.parent, self.storage.recordings)

    def tz(self) -> zoneinfo.ZoneInfo:
        """The site's time zone: local dates of recordings, exports and screens."""
        return zoneinfo.ZoneInfo(self.site.timezone)

    def attachments_dir(self) -> Path:
        """Duty-log attachments (photos, snapshots) by content hash, beside the snapshots."""
        return self.recordings_dir().parent / "attachments"

    def id_key_path(self) -> Path:
        """The key of the ID numbers' keyed hashes (made on first use; keep it backed up with
        the database, and the same on every desk of the site)."""
        return self.recordings_dir().parent / "keys" / "id-hash.key"

    def intercom_dir(self) -> Path:
        """Where the SIP stack's generated configuration lives while the desk runs."""
        return self.recordings_dir().parent / "intercom"

    def loans_dir(self) -> Path:
        """Footage-loan packages, one folder per loan, before they go onto the medium."""
        return self.recordings_dir().parent / "loans"

    def plan_image(self, plan: Plan) -> Path:
        """A plan's image file (a relative path is taken from the site file's folder)."""
        return _beside(self.path.parent, plan.image)

    def snapshots_dir(self) -> Path:
        """Snapshots from the wall: beside the recordings, in a folder of their own."""
        return self.recordings_dir().parent / "snapshots"

    def zone_points(self) -> dict[tuple[str, str], Zone]:
        """Each zone under (source id, canonical point): how drivers' events find their zone."""
        kinds = {source.id: source.kind for source in self.alarm_sources}
        return {(z.source, normalize_point(kinds[z.source], z.point)): z for z in self.zones}

    def sop_path(self) -> Path | None:
        """[alarms].sop (relative to the site file's folder), or None for the bundled one."""
        if self.alarms.sop is None:
            return None
        return _beside(self.path.parent, self.alarms.sop)

    def summary(self) -> str:
        intercom = f"intercom {self.intercom.kind}" if self.intercom else "no intercom"
        return (
            f"{self.site.name} ({self.path.name}): {len(self.cameras)} cameras, "
            f"{len(self.alarm_sources)} alarm sources, {len(self.zones)} zones, {intercom}"
        )


def _beside(folder: Path, path: Path) -> Path:
    """A path from the site file: `~` expanded; a relative one taken from the file's folder."""
    path = path.expanduser()
    return path if path.is_absolute() else folder / path


_SECTION_MODELS: dict[str, type[BaseModel]] = {
    "site": SiteInfo,
    "database": DatabaseConfig,
    "storage": StorageConfig,
    "alarms": AlarmSettings,
    "analytics": AnalyticsSettings,
    "duty": DutySettings,
    "cameras": Camera,
    "zones": Zone,
    "intercom": Intercom,
    "gates": Gate,
    "plans": Plan,
}


# ---------------------------------------------------------------------------------------------
# Zone points


def _number(text: str, high: int, what: str) -> int:
    value = int(text)
    if value > high:
        raise ValueError(f"{what} {value} is out of range 0..{high}")
    return value


def _modbus_point(point: str) -> str:
    bit = re.fullmatch(r"(di|coil):([0-9]+)", point)
    if bit:
        return f"{bit.group(1)}:{_number(bit.group(2), 65535, 'address')}"
    reg = re.fullmatch(r"(hr|ir):([0-9]+)\.([0-9]+)", point)
    if reg:
        address = _number(reg.group(2), 65535, "register")
        return f"{reg.group(1)}:{address}.{_number(reg.group(3), 15, 'bit')}"
    raise ValueError("use di:N, coil:N, hr:N.B or ir:N.B (N 0..65535, B 0..15)")


_POINT_FORMATS: dict[str, tuple[str, str]] = {
    "contact-id": (r"cid:([0-9A-Fa-f]{4}):([0-9]{3})", "cid:ACCT:ZONE (e.g. cid:1234:001)"),
    "gst-printer": (r"gst:([0-9]{3})-([0-9]{3})", "gst:LLL-DDD (e.g. gst:004-004)"),
    "sim": (r"sim:([0-9]+)", "sim:N (e.g. sim:1)"),
    "video": (r"video:[a-z0-9][a-z0-9-]*", "video:NAME (e.g. video:north-strip)"),
}


def normalize_point(source_kind: str, point: str) -> str:
    """The canonical text of a zone's point for a source of this kind, or ValueError.

    Canonical: modbus numbers without leading zeros, contact-id account in upper case.
    """
    if source_kind in MODBUS_KINDS:
        return _modbus_point(point)
    pattern, usage = _POINT_FORMATS[source_kind]
    match = re.fullmatch(pattern, point)
    if not match:
        raise ValueError(f"use {usage}")
    if source_kind == "contact-id":
        return f"cid:{match.group(1).upper()}:{match.group(2)}"
    if source_kind == "sim":
        return f"sim:{int(match.group(1))}"
    return point


# ---------------------------------------------------------------------------------------------
# Where each key is: a scanner over valid TOML text


class _KeyLines:
    """Maps key paths (('zones', 3, 'source')) to the line where they are written.

    Runs only on text tomllib has accepted, so it can be forgiving. Tables get their header
    line; array elements (of tables or inline) the line where they start.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.found: dict[Loc, int] = {(): 1}
        self._counts: dict[Loc, int] = {}
        self._breaks = [i for i, char in enumerate(text) if char == "\n"]
        self._scan()

    def line_of(self, loc: Loc) -> int:
        """The line of `loc`, or of its nearest ancestor written in the file."""
        for end in range(len(loc), -1, -1):
            line = self.found.get(loc[:end])
            if line is not None:
                return line
        return 1

    def _line(self) -> int:
        return bisect.bisect_left(self._breaks, self.pos) + 1

    def _peek(self, size: int = 1) -> str:
        return self.text[self.pos : self.pos + size]

    def _record(self, base: Loc, parts: Loc, line: int) -> None:
        for end in range(1, len(parts) + 1):
            self.found.setdefault(base + parts[:end], line)

    def _skip(self, newlines: bool) -> None:
        blanks = " \t\r\n" if newlines else " \t\r"
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char == "#":
                end = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end < 0 else end
            elif char in blanks:
                self.pos += 1
            else:
                return

    def _scan(self) -> None:
        table: Loc = ()
        while True:
            self._skip(newlines=True)
            if self.pos >= len(self.text):
                return
            start = self.pos
            if self._peek() == "[":
                table = self._header()
            else:
                self._keyval(table)
            if self.pos == start:  # cannot happen on valid TOML; never loop forever
                self.pos += 1

    def _header(self) -> Loc:
        line = self._line()
        is_array = self._peek(2) == "[["
        self.pos += 2 if is_array else 1
        self._skip(newlines=False)
        parts = self._key()
        self.pos += 2 if is_array else 1
        if not parts:
            return ()
        path = self._resolve(parts[:-1]) + (parts[-1],)
        if is_array:
            index = self._counts.get(path, 0)
            self._counts[path] = index + 1
            path += (index,)
        self._record((), path, line)
        return path

    def _resolve(self, parts: list[str]) -> Loc:
        path: Loc = ()
        for part in parts:
            path += (part,)
            if path in self._counts:
                path += (self._counts[path] - 1,)
        return path

    def _keyval(self, base: Loc) -> None:
        line = self._line()
        parts = tuple(self._key())
        self._record(base, parts, line)
        self._skip(newlines=False)
        if self._peek() == "=":
            self.pos += 1
            self._skip(newlines=False)
            self._value(base + parts)

    def _key(self) -> list[str]:
        parts: list[str] = []
        while self.pos < len(self.text):
            char = self._peek()
            if char in "\"'":
                parts.append(_decode_key(self._string(), char))
            else:
                bare = _BARE_KEY.match(self.text, self.pos)
                if not bare:
                    break
                parts.append(bare.group())
                self.pos = bare.end()
            self._skip(newlines=False)
            if self._peek() != ".":
                break
            self.pos += 1
            self._skip(newlines=False)
        return parts

    def _value(self, path: Loc) -> None:
        char = self._peek()
        if char in "\"'":
            self._string()
        elif char == "[":
            self._array(path)
        elif char == "{":
            self._inline_table(path)
        else:
            match = _SCALAR.match(self.text, self.pos)
            self.pos = match.end() if match else self.pos

    def _array(self, path: Loc) -> None:
        self.pos += 1
        index = 0
        while self.pos < len(self.text):
            self._skip(newlines=True)
            if self._peek() in ("]", ""):
                self.pos += 1
                return
            start = self.pos
            self.found.setdefault(path + (index,), self._line())
            self._value(path + (index,))
            index += 1
            self._skip(newlines=True)
            if self._peek() == ",":
                self.pos += 1
            elif self.pos == start:
                self.pos += 1

    def _inline_table(self, path: Loc) -> None:
        self.pos += 1
        while self.pos < len(self.text):
            self._skip(newlines=True)
            if self._peek() in ("}", ""):
                self.pos += 1
                return
            start = self.pos
            self._keyval(path)
            self._skip(newlines=True)
            if self._peek() == ",":
                self.pos += 1
            elif self.pos == start:
                self.pos += 1

    def _string(self) -> str:
        """Skips a string of any of the four kinds; returns its raw text between the quotes."""
        quote = self._peek()
        delimiter = quote * 3 if self._peek(3) == quote * 3 else quote
        start = self.pos + len(delimiter)
        end = start
        while end < len(self.text) and not self.text.startswith(delimiter, end):
            end += 2 if quote == '"' and self.text[end] == "\\" else 1
        self.pos = min(end + len(delimiter), len(self.text))
        if len(delimiter) == 3:  # up to two more quotes may close a multi-line string
            while self._peek() == quote and self.pos < end + 5:
                self.pos += 1
        return self.text[start:end]


def _decode_key(raw: str, quote: str) -> str:
    if quote == "'":
        return raw
    try:
        return str(tomllib.loads(f'k = "{raw}"')["k"])
    except tomllib.TOMLDecodeError:
        return raw


# ---------------------------------------------------------------------------------------------
# Turning errors into problems


def _show(value: object) -> str:
    """A value as it would be written in TOML, for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def key_text(loc: Loc) -> str:
    """('zones', 3, 'source') -> 'zones[3].source'."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            name = part if _BARE_KEY.fullmatch(part) else _show(part)
            text += f".{name}" if text else name
    return text


@dataclass
class _Reporter:
    file: str
    lines: _KeyLines

    def problem(self, loc: Loc, message: str) -> Problem:
        return Problem(self.file, self.lines.line_of(loc), key_text(loc), message)


_EXPECTED = {
    "string_type": "a string",
    "int_type": "an integer",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "an array",
    "model_type": "a table",
    "dict_type": "a table",
    "model_attributes_type": "a table",
    "path_type": "a path (a string)",
}


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model that validates the table at `loc` (a pydantic loc, tags included)."""
    if not loc:
        return Site
    if loc[0] == "alarm_sources":
        return _SOURCE_MODELS.get(str(loc[2])) if len(loc) == 3 else None
    return _SECTION_MODELS.get(str(loc[0]))


def _unknown_key(loc: Loc) -> str:
    model = _model_at(loc[:-1])
    if model is None:
        return "unknown key"
    allowed = list(model.model_fields)
    listed = f"(allowed: {', '.join(allowed)})"
    key = str(loc[-1])
    kind = _SOURCE_KIND_OF.get(model)
    if kind is not None and _is_source_key(key):
        return f"not allowed for kind '{kind}' {listed}"
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"unknown key{hint} {listed}"


def _is_source_key(key: str) -> bool:
    return any(key in model.model_fields for model in _SOURCE_MODELS.values())


def _message(error: ErrorDetails) -> str:
    kind, ctx, value = error["type"], error.get("ctx", {}), error["input"]
    if kind == "missing":
        return "required"
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, got {_show(value)}"
    if kind == "value_error":
        return str(ctx["error"])
    if kind == "string_too_short":
        return "must not be empty"
    bounds = {
        "greater_than_equal": ("at least", "ge"),
        "less_than_equal": ("at most", "le"),
        "greater_than": ("more than", "gt"),
        "less_than": ("less than", "lt"),
    }
    if kind in bounds:
        words, name = bounds[kind]
        return f"must be {words} {_show(ctx[name])}, got {_show(value)}"
    if kind == "literal_error":
        return f"must be {ctx['expected']}, got {_show(value)}"
    return _source_tag_message(kind, value) or error["msg"]


def _source_tag_message(kind: str, value: object) -> str | None:
    expected = ", ".join(SOURCE_KINDS)
    if kind == "union_tag_not_found":
        return f"required (one of {expected})"
    if kind == "union_tag_invalid" and isinstance(value, dict):
        return f"unknown kind {_show(value.get('kind'))} (expected one of {expected})"
    return None


def _file_loc(loc: Loc, kind: str) -> Loc:
    """A pydantic loc as a path in the file: the union tag dropped, `kind` named if at fault."""
    if kind.startswith("union_tag_"):
        return loc + ("kind",)
    if len(loc) >= 3 and loc[0] == "alarm_sources" and loc[2] in _SOURCE_MODELS:
        return loc[:2] + loc[3:]
    return loc


def _validation_problems(error: ValidationError, reporter: _Reporter) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        loc = tuple(detail["loc"])
        if detail["type"] == "extra_forbidden":
            message = _unknown_key(loc)
        else:
            message = _message(detail)
        problems.append(reporter.problem(_file_loc(loc, detail["type"]), message))
    return problems


# ---------------------------------------------------------------------------------------------
# Cross checks, on the raw data so that they run even where some fields are invalid


def _items(data: dict[str, Any], section: str) -> Iterator[tuple[int, dict[str, Any]]]:
    value = data.get(section)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


def _text(item: dict[str, Any], key: str) -> str | None:
    value = item.get(key)
    return value.strip() if isinstance(value, str) else None


def _duplicate_ids(data: dict[str, Any], section: str, reporter: _Reporter) -> list[Problem]:
    problems = []
    first: dict[str, int] = {}
    for index, item in _items(data, section):
        item_id = _text(item, "id")
        if item_id is None:
            continue
        if item_id in first:
            line = reporter.lines.line_of((section, first[item_id], "id"))
            message = f"duplicate id {_show(item_id)} (first at line {line})"
            problems.append(reporter.problem((section, index, "id"), message))
        else:
            first[item_id] = index
    return problems


def _ids(data: dict[str, Any], section: str) -> set[str]:
    return {i for _, item in _items(data, section) if (i := _text(item, "id")) is not None}


def _zone_references(data: dict[str, Any], reporter: _Reporter) -> list[Problem]:
    problems = []
    targets = {"source": ("alarm_sources", "alarm source"), "camera": ("cameras", "camera")}
    known = {key: _ids(data, section) for key, (section, _) in targets.items()}
    for index, zone in _items(data, "zones"):
        for key, (_, what) in targets.items():
            ref = _text(zone, key)
            if ref is not None and ref and ref not in known[key]:
                choices = ", ".join(sorted(known[key])) or "none defined"
                message = f"no {what} {_show(ref)} (known: {choices})"
                problems.append(reporter.problem(("zones", index, key), message))
    return problems


def _video_zones(data: dict[str, Any], reporter: _Reporter) -> list[Problem]:
    """A zone of a video source is a drawn area on a camera: kind "video", a camera named."""
    problems = []
    kinds = _source_kinds(data)
    for index, zone in _items(data, "zones"):
        if kinds.get(_text(zone, "source") or "") != "video":
            continue
        kind = zone.get("kind")
        if kind != "video":
            message = f'a zone of video source {_show(zone.get("source"))} must be kind "video"'
            problems.append(reporter.problem(("zones", index, "kind"), message))
        if not _text(zone, "camera"):
            message = "a video zone needs the camera its area is drawn on"
            problems.append(reporter.problem(("zones", index, "id"), message))
    return problems


def _gate_cameras(data: dict[str, Any], reporter: _Reporter) -> list[Problem]:
    problems = []
    cameras = _ids(data, "cameras")
    for index, gate in _items(data, "gates"):
        ref = _text(gate, "camera")
        if ref and ref not in cameras:
            choices = ", ".join(sorted(cameras)) or "none defined"
            message = f"no camera {_show(ref)} (known: {choices})"
            problems.append(reporter.problem(("gates", index, "camera"), message))
    return problems


def _source_kinds(data: dict[str, Any]) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for _, item in _items(data, "alarm_sources"):
        source_id, kind = _text(item, "id"), item.get("kind")
        if source_id is not None and kind in SOURCE_KINDS:
            kinds.setdefault(source_id, str(kind))
    return kinds


def _zone_points(data: dict[str, Any], reporter: _Reporter) -> list[Problem]:
    problems = []
    kinds = _source_kinds(data)
    used: dict[tuple[str, str], int] = {}
    for index, zone in _items(data, "zones"):
        source, point = _text(zone, "source"), _text(zone, "point")
        if source not in kinds or not point:
            continue
        assert source is not None
        loc: Loc = ("zones", index, "point")
        try:
            canonical = normalize_point(kinds[source], point)
        except ValueError as err:
            message = f"{_show(point)} is not a point of a {kinds[source]} source: {err}"
            problems.append(reporter.problem(loc, message))
            continue
        if (source, canonical) in used:
            line = reporter.lines.line_of(("zones", used[source, canonical], "point"))
            message = f"{_show(point)} of {_show(source)} is already used (line {line})"
            problems.append(reporter.problem(loc, message))
        used.setdefault((source, canonical), index)
    return problems


def _line_settings(item: dict[str, Any]) -> tuple[object, ...]:
    defaults = {"baudrate": 9600, "bytesize": 8, "parity": "N", "stopbits": 1}
    return tuple(item.get(key, default) for key, default in defaults.items())


def _shared_ports(data: dict[str, Any], reporter: _Reporter) -> list[Problem]:
    """One serial port is one line: only Modbus RTU sources (an RS-485 bus with several unit
    ids) may share it, with the same line settings and different unit ids."""
    problems = []
    first: dict[str, int] = {}
    units: dict[tuple[str, object], int] = {}  # (port, unit id) -> index
    items = dict(_items(data, "alarm_sources"))
    for index, item in items.items():
        port, kind = _text(item, "port"), item.get("kind")
        if kind not in SERIAL_KINDS or port is None:
            continue
        unit = item.get("unit", 1)
        if port not in first:
            first[port] = index
            units[port, unit] = index
            continue
        other = items[first[port]]
        line = reporter.lines.line_of(("alarm_sources", first[port], "port"))
        if kind != "modbus-rtu" or other.get("kind") != "modbus-rtu":
            message = (
                f"port {_show(port)} is already used (line {line}); "
                "only modbus-rtu sources may share a port"
            )
        elif _line_settings(item) != _line_settings(other):
            message = (
                f"port {_show(port)} is shared with line {line} but with other "
                "baudrate/bytesize/parity/stopbits"
            )
        elif (port, unit) in units:
            line = reporter.lines.line_of(("alarm_sources", units[port, unit], "unit"))
            message = f"unit {unit} is already used on port {_show(port)} (line {line})"
        else:
            units[port, unit] = index
            continue
        problems.append(reporter.problem(("alarm_sources", index, "port"), message))
    return problems


# The first bytes of PNG and JPEG, the image formats Qt reads without plug-ins.
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


def _plan_images(data: dict[str, Any], reporter: _Reporter, folder: Path) -> list[Problem]:
    """Each plan's image must exist (relative to the site file's folder) and be PNG or JPEG."""
    problems = []
    for index, plan in _items(data, "plans"):
        image = _text(plan, "image")
        if not image:
            continue
        file = _beside(folder, Path(image))
        loc: Loc = ("plans", index, "image")
        try:
            with file.open("rb") as handle:
                head = handle.read(8)
        except OSError as err:
            reason = err.strerror or str(err)
            problems.append(reporter.problem(loc, f"cannot read image {_show(image)}: {reason}"))
            continue
        if not any(head.startswith(magic) for magic in _IMAGE_MAGIC):
            message = f"{_show(image)} is not a PNG or JPEG image"
            problems.append(reporter.problem(loc, message))
    return problems


_CROSS_CHECKS: list[Callable[[dict[str, Any], _Reporter], list[Problem]]] = [
    lambda data, reporter: _duplicate_ids(data, "cameras", reporter),
    lambda data, reporter: _duplicate_ids(data, "alarm_sources", reporter),
    lambda data, reporter: _duplicate_ids(data, "zones", reporter),
    lambda data, reporter: _duplicate_ids(data, "gates", reporter),
    lambda data, reporter: _duplicate_ids(data, "plans", reporter),
    _zone_references,
    _gate_cameras,
    _video_zones,
    _zone_points,
    _shared_ports,
]


# ---------------------------------------------------------------------------------------------
# Loading


def _read_text(path: Path) -> str:
    file = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        reason = f"[Errno {err.errno}] {err.strerror}" if err.strerror else str(err)
        raise SiteError([Problem(file, 1, "file", f"cannot read: {reason}")]) from None
    try:
        return data.decode("utf-8-sig")  # Windows editors may add a byte order mark
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        message = f"not UTF-8 (first bad byte at line {line}); save the file as UTF-8"
        raise SiteError([Problem(file, 1, "file", message)]) from None


def _parse_toml(text: str, file: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        where = re.search(r" \(at line (\d+), column \d+\)$", message)
        if where:
            line = int(where.group(1))
        else:  # "(at end of document)"
            line = text.count("\n") + (0 if text.endswith("\n") else 1)
        message = re.sub(r" \(at [^()]*\)$", "", message)
        message = message[:1].lower() + message[1:]
        raise SiteError([Problem(file, max(line, 1), "toml", message)]) from None


def load_site(path: Path) -> Site:
    """Reads and validates a site file; raises SiteError listing every problem found."""
    file = str(path)
    text = _read_text(path)
    data = _parse_toml(text, file)
    reporter = _Reporter(file, _KeyLines(text))
    problems: list[Problem] = []
    site: Site | None = None
    try:
        site = Site.model_validate(data)
    except ValidationError as err:
        problems += _validation_problems(err, reporter)
    for check in _CROSS_CHECKS:
        problems += check(data, reporter)
    problems += _plan_images(data, reporter, path.parent)
    if problems or site is None:
        raise SiteError(sorted(problems, key=lambda p: (p.line, p.key)))
    site._path = path
    return site
