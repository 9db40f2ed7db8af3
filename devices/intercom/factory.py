"""Make the site's intercom backend from its `[intercom]` settings (duck-typed: devices/ does
not import console/)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from devices.intercom.base import Intercom
from devices.intercom.sim import SimIntercom


class IntercomSettings(Protocol):
    """What make_intercom reads (console.core.site.Intercom has it)."""

    @property
    def kind(self) -> str: ...
    @property
    def uri_template(self) -> str: ...
    @property
    def ring_timeout_s(self) -> int: ...
    @property
    def password(self) -> str | None: ...
    @property
    def register_every_s(self) -> int: ...
    @property
    def listen(self) -> str: ...
    @property
    def audio(self) -> str | None: ...
    @property
    def sim(self) -> Mapping[str, str]: ...

    def desk_account(self) -> str: ...


def make_intercom(cfg: IntercomSettings, *, workdir: Path | None = None) -> Intercom:
    """A SIP backend (baresip) or the simulated residents; not started yet."""
    if cfg.kind == "sim":
        return SimIntercom(cfg.uri_template, cfg.ring_timeout_s, dict(cfg.sim))
    from devices.intercom.sip import SipIntercom

    return SipIntercom(
        cfg.uri_template,
        cfg.ring_timeout_s,
        account=cfg.desk_account(),
        password=cfg.password,
        register_every_s=cfg.register_every_s,
        listen=cfg.listen,
        audio=cfg.audio,
        workdir=workdir,
    )
