"""The demo site written somewhere else, with the plan images its [[plans]] name beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

from console.paths import DEMO_SITE, RESOURCES


def copy_demo_site(folder: Path, text: str | None = None, name: str = "site.toml") -> Path:
    """`folder/name` holding the demo site's text (or `text`), and `folder/plans/`."""
    path = folder / name
    path.write_text(DEMO_SITE.read_text(encoding="utf-8") if text is None else text, "utf-8")
    shutil.copytree(RESOURCES / "plans", folder / "plans", dirs_exist_ok=True)
    return path
