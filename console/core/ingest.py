"""Alarm ingestion: one driver per physical line for every alarm source of the site.

Each driver runs on its own thread and hands its events to `AlarmService.ingest`, which
returns once the event is committed; link state goes to the health registry. Used by the
service (`--headless`) and by a desk that owns its devices.
"""

from __future__ import annotations

import logging
import zoneinfo

from console.core.alarms import AlarmService
from console.core.health import Health, HealthRegistry
from console.core.site import (
    AlarmSource,
    ContactIdSource,
    GstPrinterSource,
    ModbusRtuSource,
    ModbusTcpSource,
    SimSource,
    Site,
    VideoSource,
)
from devices.alarms.base import DeviceEvent, Driver, Sink, StatusFn
from devices.alarms.sim import SimDriver, parse_script

log = logging.getLogger(__name__)


class AlarmIngest:
    def __init__(self, site: Site, alarms: AlarmService, health: HealthRegistry) -> None:
        self.site, self.alarms, self.health = site, alarms, health
        self.drivers: list[Driver] = []
        self._started = False

    # -- callbacks given to the drivers (their threads) --------------------------------------

    def sink(self, event: DeviceEvent) -> None:
        self.alarms.ingest(event)

    def status(self, source_id: str, ok: bool, detail: str) -> None:
        self.health.report("alarm_source", source_id, Health.OK if ok else Health.FAULT, detail)

    # -- running ------------------------------------------------------------------------------

    def start(self, sources: set[str] | None = None) -> None:
        """Start the drivers of `sources` (ids; None for every source of the site): the
        others are run by another process (console.core.ownership)."""
        if self._started:
            raise RuntimeError("alarm ingestion already started")
        self._started = True
        self.drivers = self._build(sources)
        for driver in self.drivers:
            driver.start()
        log.info(
            "alarm ingestion: %d drivers for %d sources",
            len(self.drivers),
            len(self.site.alarm_sources),
        )

    def stop(self) -> None:
        for driver in self.drivers:
            driver.stop()
        self.drivers = []
        self._started = False

    def _points(self, source_id: str) -> list[str]:
        return [point for (source, point) in self.alarms.zones if source == source_id]

    def _build(self, only: set[str] | None) -> list[Driver]:
        drivers: list[Driver] = []
        modbus: list[tuple[ModbusRtuSource | ModbusTcpSource, list[str]]] = []
        for source in self.site.alarm_sources:
            if only is not None and source.id not in only:
                continue
            if isinstance(source, VideoSource):
                continue  # the desk's own video analysis (console.core.analytics) feeds it
            if isinstance(source, ModbusRtuSource | ModbusTcpSource):
                modbus.append((source, self._points(source.id)))
                continue
            driver = self._guarded(source)
            if driver is not None:
                drivers.append(driver)
        if modbus:
            drivers += self._modbus_hubs(modbus)
        return drivers

    def _guarded(self, source: AlarmSource) -> Driver | None:
        try:
            return self._driver(source)
        except (ValueError, OSError) as exc:
            log.exception("alarm source %s cannot start", source.id)
            self.status(source.id, False, f"cannot start: {exc}")
            return None

    def _driver(self, source: AlarmSource) -> Driver:
        sink: Sink = self.sink
        status: StatusFn = self.status
        if isinstance(source, SimSource):
            script = parse_script(source.script) if source.script else None
            return SimDriver(source.id, sink, status, script)
        if isinstance(source, ContactIdSource):
            from devices.alarms.contact_id import ContactIdDriver

            return ContactIdDriver(source, sink, status)
        if isinstance(source, GstPrinterSource):
            from devices.alarms.gst_printer import GstPrinterDriver

            tz = zoneinfo.ZoneInfo(self.site.site.timezone)
            return GstPrinterDriver(source, sink, status, tz=tz)
        raise ValueError(f"no driver for kind {source.kind}")

    def _modbus_hubs(
        self, sources: list[tuple[ModbusRtuSource | ModbusTcpSource, list[str]]]
    ) -> list[Driver]:
        from devices.alarms.modbus import build_hubs

        try:
            return list(build_hubs(sources, self.sink, self.status))
        except ValueError as exc:
            log.exception("Modbus sources cannot start")
            for source, _points in sources:
                self.status(source.id, False, f"cannot start: {exc}")
            return []
