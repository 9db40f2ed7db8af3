"""Service mode: the desk without a window (`--headless`).

It records its start and stop in the audit chain, and on SIGTERM or SIGINT stops cleanly:
whatever was acknowledged to a device is already committed, so stopping only has to end
the workers and close the database. Every minute it writes the reminders of footage loans
that have become overdue (the GUI does the same when a window is open); every hour it prunes
the change feed's old rows.

It runs the devices no other process runs (console.core.ownership). A device another process
already runs is refused with a message naming that process; if that leaves it nothing to run,
the service stops with exit code 3 instead of idling.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from types import FrameType

from console.core import audit
from console.core.changes import prune
from console.core.desk import Desk
from schema.db import DatabaseError

log = logging.getLogger(__name__)

REMIND_EVERY_S = 60.0
PRUNE_EVERY_S = 3600.0
NOTHING_TO_RUN = 3


class HeadlessService:
    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.stopping = threading.Event()

    def request_stop(self, signum: int, _frame: FrameType | None = None) -> None:
        log.info("received %s: stopping", signal.Signals(signum).name)
        self.stopping.set()

    def run(self) -> int:
        previous = {s: signal.signal(s, self.request_stop) for s in (signal.SIGTERM, signal.SIGINT)}
        try:
            self._record("service.start")
            refused = self.desk.start_devices()
            for claim in refused:
                log.error("refused: %s", claim.refusal())
            if refused and not self.desk.ownership.held:
                log.error("every device of the site is run by another process: nothing to do")
                self.desk.stop_devices()
                self._record("service.stop")
                return NOTHING_TO_RUN
            self.desk.start_sync()
            log.info("service running for %s", self.desk.site.summary())
            next_reminder = next_prune = 0.0
            while not self.stopping.wait(1.0):
                if time.monotonic() >= next_reminder:
                    next_reminder = time.monotonic() + REMIND_EVERY_S
                    self._remind()
                if time.monotonic() >= next_prune:
                    next_prune = time.monotonic() + PRUNE_EVERY_S
                    self._prune()
            self.desk.stop_devices()
            self._record("service.stop")
            log.info("service stopped cleanly")
            return 0
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _remind(self) -> None:
        try:
            for loan in self.desk.loans.remind_overdue():
                log.warning("footage loan %d is overdue (due %s)", loan.id, loan.due_at)
        except Exception:
            log.exception("overdue loan reminders failed; trying again in a minute")

    def _prune(self) -> None:
        try:
            if count := prune(self.desk.db):
                log.info("pruned %d old rows of the change feed", count)
        except DatabaseError:
            log.warning("pruning the change feed failed; trying again in an hour", exc_info=True)

    def _record(self, action: str) -> None:
        with self.desk.db.write() as s:
            audit.append(
                s, actor=audit.SYSTEM_ACTOR, action=action, subject=self.desk.site.site.name
            )
