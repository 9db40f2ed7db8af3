"""SOP checklists: what to do next, per kind of alarm, from the station rules.

Templates are data (`resources/sop.toml`, or the site's own file named by `[alarms] sop`),
checked on load: a bad file is refused with a message naming the file, the key and the fault.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.paths import RESOURCES

DEFAULT_SOP = RESOURCES / "sop.toml"
SOP_KINDS = ("fire", "intrusion", "panic", "elevator", "tamper", "fault")
# Checklists a site's file may leave out: then the one named here is followed instead (so the
# files written before they existed stay valid).
OPTIONAL_SOPS = {"thrown": "intrusion"}  # 高空抛物: an object thrown from height (video)
STEP_WHEN = (None, "real", "false")
_STEP_ID = re.compile(r"[a-z0-9-]{1,32}")

# Which checklist each zone kind follows.
SOP_OF_ZONE_KIND = {
    "fire": "fire",
    "infrared": "intrusion",
    "perimeter": "intrusion",
    "video": "intrusion",
    "panic": "panic",
    "elevator": "elevator",
    "tamper": "tamper",
    "fault": "fault",
}


class SopError(Exception):
    """An SOP template file that cannot be used: `FILE: key: message`."""


@dataclass(frozen=True)
class SopStep:
    id: str
    zh: str
    en: str
    when: str | None = None  # None: always; "real" / "false": after on-site confirmation

    def text(self, language: str) -> str:
        return self.zh if language.startswith("zh") else self.en


@dataclass(frozen=True)
class Sop:
    kind: str
    title_zh: str
    title_en: str
    steps: tuple[SopStep, ...]

    def title(self, language: str) -> str:
        return self.title_zh if language.startswith("zh") else self.title_en

    def step(self, step_id: str) -> SopStep | None:
        return next((s for s in self.steps if s.id == step_id), None)


def load_sops(path: Path | None = None) -> dict[str, Sop]:
    """Every checklist in the file (all of SOP_KINDS must be there; an OPTIONAL_SOPS kind left
    out follows its stand-in), or SopError."""
    path = path or DEFAULT_SOP
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise SopError(f"{path}: cannot read: {err.strerror or err}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise SopError(f"{path}: not valid TOML: {err}") from None
    kinds = (*SOP_KINDS, *OPTIONAL_SOPS)
    unknown = sorted(set(data) - set(kinds))
    if unknown:
        raise SopError(f"{path}: {unknown[0]}: unknown kind; use {', '.join(kinds)}")
    sops = {kind: _sop(path, kind, data.get(kind)) for kind in SOP_KINDS}
    for kind, stand_in in OPTIONAL_SOPS.items():
        sops[kind] = _sop(path, kind, data[kind]) if kind in data else sops[stand_in]
    return sops


def _text(path: Path, key: str, table: dict[str, Any], name: str) -> str:
    value = table.get(name)
    if not isinstance(value, str) or not value.strip():
        raise SopError(f"{path}: {key}.{name}: must be non-empty text")
    return value.strip()


def _sop(path: Path, kind: str, table: Any) -> Sop:
    if not isinstance(table, dict):
        raise SopError(f"{path}: {kind}: missing; every kind needs a checklist")
    extra = sorted(set(table) - {"title_zh", "title_en", "steps"})
    if extra:
        raise SopError(f"{path}: {kind}.{extra[0]}: unknown key")
    steps = table.get("steps")
    if not isinstance(steps, list) or not steps:
        raise SopError(f"{path}: {kind}.steps: must be a non-empty list of steps")
    parsed = tuple(_step(path, f"{kind}.steps[{i}]", step) for i, step in enumerate(steps))
    ids = [s.id for s in parsed]
    duplicate = next((i for i in ids if ids.count(i) > 1), None)
    if duplicate is not None:
        raise SopError(f"{path}: {kind}.steps: step id {duplicate!r} is used twice")
    return Sop(
        kind, _text(path, kind, table, "title_zh"), _text(path, kind, table, "title_en"), parsed
    )


def _step(path: Path, key: str, step: Any) -> SopStep:
    if not isinstance(step, dict):
        raise SopError(f"{path}: {key}: must be a table {{ id = ..., zh = ..., en = ... }}")
    extra = sorted(set(step) - {"id", "zh", "en", "when"})
    if extra:
        raise SopError(f"{path}: {key}.{extra[0]}: unknown key")
    step_id = _text(path, key, step, "id")
    if not _STEP_ID.fullmatch(step_id):
        raise SopError(f"{path}: {key}.id: {step_id!r}: use lowercase letters, digits and '-'")
    when = step.get("when")
    if when not in STEP_WHEN:
        raise SopError(f'{path}: {key}.when: must be "real" or "false" (or left out)')
    return SopStep(step_id, _text(path, key, step, "zh"), _text(path, key, step, "en"), when)
