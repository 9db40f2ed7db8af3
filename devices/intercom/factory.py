"""The site's intercom from its `[intercom]` settings: SIP (baresip) or the simulator.

Takes any object with the site model's attribute names, so that devices/ does not import the
console's site model.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from devices.intercom.base import Intercom, IntercomError
from devices.intercom.sim import SimIntercom
from devices.intercom.sip import SipIntercom


class IntercomConfig(Protocol):
    """What `make_intercom` reads (console.core.site.Intercom has it all)."""

    @property
    def kind(self) -> str: ...
    @property
    def uri_template(self) -> str: ...
    @property
    def ring_timeout_s(self) -> float: ...
    @property
    def account(self) -> str | None: ...
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


def make_intercom(cfg: IntercomConfig, *, workdir: Path | None = None) -> Intercom:
    """An intercom for `cfg`, not started. `workdir`: where baresip's generated configuration
    goes (a private temporary directory if None). Raises IntercomError for a bad setting."""
    if cfg.kind == "sim":
        return SimIntercom(cfg.uri_template, cfg.ring_timeout_s, rooms=dict(cfg.sim))
    if cfg.kind == "sip":
        return SipIntercom(
            cfg.uri_template,
            cfg.ring_timeout_s,
            account=cfg.account,
            password=cfg.password,
            register_every_s=cfg.register_every_s,
            listen=cfg.listen,
            audio=cfg.audio,
            workdir=workdir,
        )
    raise IntercomError(f"intercom kind {cfg.kind!r}: use 'sip' or 'sim'")
