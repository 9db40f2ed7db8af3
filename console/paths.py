"""Where Watchdesk keeps its files: the user data directory and the shipped resources."""

from __future__ import annotations

import hashlib
from pathlib import Path

import platformdirs

APP_NAME = "watchdesk"
ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
DEMO_SITE = RESOURCES / "demo-site.toml"


def user_data_dir() -> Path:
    """The per-user data directory (honours XDG_DATA_HOME on Linux)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def site_data_dir(site_file: Path) -> Path:
    """A directory of this site's own under the user data directory.

    Two site files with the same name in different folders get different directories.
    """
    resolved = site_file.resolve()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:8]
    return user_data_dir() / "sites" / f"{resolved.stem}-{digest}"
