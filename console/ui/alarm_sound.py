"""The alarm sound: a two-tone loop while any fire, panic, lift or intrusion alarm is
unacknowledged, and a single chime for a new lower-priority one.

The players come from `make_player`, which tests replace (a sound card is the one part that
cannot run here); everything that decides when to sound is real.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QObject, QUrl

from console.core.alarms import AlarmView, State
from console.paths import RESOURCES

log = logging.getLogger(__name__)

ALARM_WAV = RESOURCES / "sounds" / "alarm.wav"
CHIME_WAV = RESOURCES / "sounds" / "chime.wav"


class Player(Protocol):
    def play(self) -> None: ...

    def stop(self) -> None: ...


class SilentPlayer:
    """Used when Qt's multimedia cannot load: the console runs on and says there is no sound."""

    def play(self) -> None:
        pass

    def stop(self) -> None:
        pass


def qt_player(path: str, loop: bool, parent: QObject) -> Player:
    try:
        from PySide6.QtMultimedia import QSoundEffect
    except ImportError as exc:  # e.g. libpulse missing: run on, warn the operator
        log.error("alarm sound unavailable: %s", exc)  # noqa: TRY400 - no traceback needed
        return SilentPlayer()

    effect = QSoundEffect(parent)
    effect.setSource(QUrl.fromLocalFile(path))
    effect.setLoopCount(QSoundEffect.Loop.Infinite.value if loop else 1)
    effect.setVolume(1.0)
    return effect


make_player: Callable[[str, bool, QObject], Player] = qt_player


class AlarmSound(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loop = make_player(str(ALARM_WAV), True, self)
        self.chime = make_player(str(CHIME_WAV), False, self)
        self.looping = False
        self.available = not isinstance(self.loop, SilentPlayer)
        self._known: set[int] | None = None  # None until the first update: no chime at start

    def update(self, alarms: Iterable[AlarmView]) -> None:
        """Called with the open alarms after every change."""
        alarms = list(alarms)
        self._set_looping(any(a.sounds for a in alarms))
        fresh = [
            a
            for a in alarms
            if self._known is not None and a.id not in self._known and a.state == State.NEW
        ]
        if any(not a.sounds and not a.shelved for a in fresh) and not self.looping:
            self.chime.play()
        self._known = {a.id for a in alarms}

    def _set_looping(self, on: bool) -> None:
        if on == self.looping:
            return
        self.looping = on
        if on:
            self.loop.play()
        else:
            self.loop.stop()
