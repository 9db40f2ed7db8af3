"""Real Modbus peers for the driver tests: a pymodbus RTU server on a pty or a TCP server, with
devices whose tables the test changes, and a recorder for what the driver reports."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from pymodbus.datastore import (
    ModbusServerContext,
)
from pymodbus.framer import FramerType
from pymodbus.server import ModbusSerialServer, ModbusTcpServer

from devices.alarms.base import DeviceEvent, EventType
from devices.alarms.modbus import ModbusServerThread, simulated_device

_CODES = {"coil": 1, "di": 2, "hr": 3, "ir": 4}


class Peer:
    """Modbus devices (`units`, `size` addresses per table, all 0) behind a server that can be
    stopped and started again with the same data, like a powered-off module."""

    def __init__(self, units: list[int], size: int = 64) -> None:
        self.context = ModbusServerContext(
            devices={unit: simulated_device(size) for unit in units}, single=False
        )
        self.server: ModbusServerThread | None = None
        self._make: Callable[[], ModbusSerialServer | ModbusTcpServer] | None = None

    def serve_rtu(self, port: str, baudrate: int = 9600) -> None:
        self._make = lambda: ModbusSerialServer(
            self.context, framer=FramerType.RTU, port=port, baudrate=baudrate, timeout=1
        )
        self.start()

    def serve_tcp(self, port: int = 0) -> int:
        """Serve on 127.0.0.1 (a free port when 0); returns the port."""
        self._make = lambda: ModbusTcpServer(self.context, address=("127.0.0.1", port))
        self.start()
        assert self.server is not None
        assert self.server.address is not None
        return self.server.address[1]

    def start(self) -> None:
        assert self._make is not None
        assert self.server is None
        self.server = ModbusServerThread(self._make, name="modbus-test-peer")
        self.server.start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def set(self, unit: int, table: str, address: int, value: int) -> None:
        stored = bool(value) if table in ("di", "coil") else value
        self.context[unit].setValues(_CODES[table], address, [stored])

    def set_bit(self, unit: int, table: str, address: int, bit: int, on: bool) -> None:
        """Set or clear bit `bit` of register `address` (hr or ir)."""
        value = int(self.context[unit].getValues(_CODES[table], address, 1)[0])
        self.set(unit, table, address, value | 1 << bit if on else value & ~(1 << bit))


class Recorder:
    """A sink and a status callback that keep everything they are given, with waiting."""

    def __init__(self) -> None:
        self.events: list[DeviceEvent] = []
        self.statuses: list[tuple[str, bool, str]] = []
        self._changed = threading.Condition()
        self.before_store: Callable[[DeviceEvent], None] | None = None  # may raise, as a DB

    def sink(self, event: DeviceEvent) -> None:
        if self.before_store is not None:
            self.before_store(event)
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()

    def status(self, source_id: str, ok: bool, detail: str) -> None:
        with self._changed:
            self.statuses.append((source_id, ok, detail))
            self._changed.notify_all()

    def wait_event(
        self,
        source_id: str,
        type_: EventType,
        point: str | None = None,
        *,
        after: int = 0,
        timeout: float = 5.0,
    ) -> int:
        """Index of the first matching event at or after index `after`; fails on timeout."""

        def found() -> int | None:
            for index in range(after, len(self.events)):
                event = self.events[index]
                if (event.source_id, event.type, event.point) == (source_id, type_, point):
                    return index
            return None

        with self._changed:
            self._changed.wait_for(lambda: found() is not None, timeout)
            index = found()
        assert index is not None, (
            f"no {type_} {point} from {source_id} in {timeout} s; got {self.summary(after)}"
        )
        return index

    def wait_status(self, source_id: str, ok: bool, timeout: float = 5.0) -> None:
        with self._changed:
            done = self._changed.wait_for(
                lambda: any(s[:2] == (source_id, ok) for s in self.statuses), timeout
            )
        assert done, f"no status {ok} for {source_id}; got {self.statuses}"

    def summary(self, after: int = 0) -> list[tuple[str, str, str | None]]:
        return [(e.source_id, str(e.type), e.point) for e in self.events[after:]]

    def settle(self, seconds: float) -> int:
        """Let the driver run a while; returns how many events there are then."""
        time.sleep(seconds)
        return len(self.events)
