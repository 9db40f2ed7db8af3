"""Footage-loan packages on disk: the manifest and checking files against it.

A package is a folder: one MP4 per camera and range, `manifest.json` (what was lent, with
each file's SHA-256 and size) and `receipt.pdf` (which prints the manifest's own SHA-256, so
the paper the borrower signs pins the manifest, and the manifest pins every file).

`verify(folder)` checks a package against its own manifest (`verify-package`); `compare`
checks a returned medium against the manifest the desk kept in its database, which a
borrower cannot have edited. Neither needs the database or Qt.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"
RECEIPT = "receipt.pdf"
FORMAT = "watchdesk-footage-loan/1"
_CHUNK = 1 << 20
# a file named in a manifest: a plain name in the package folder, never a path
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")


class PackageError(Exception):
    """A package whose manifest cannot be read: names the file and what is wrong."""


class FileState(StrEnum):
    OK = "ok"
    MISSING = "missing"
    SIZE = "size"  # a different size (so a different file)
    HASH = "hash"  # the same size, another SHA-256


@dataclass(frozen=True)
class FileCheck:
    name: str
    state: FileState
    expected_sha256: str
    actual_sha256: str = ""
    expected_bytes: int = 0
    actual_bytes: int = 0

    def describe(self) -> str:
        if self.state is FileState.OK:
            return f"{self.name}: ok"
        if self.state is FileState.MISSING:
            return f"{self.name}: missing"
        if self.state is FileState.SIZE:
            return (
                f"{self.name}: {self.actual_bytes} bytes, the manifest says {self.expected_bytes}"
            )
        return (
            f"{self.name}: SHA-256 {self.actual_sha256}, the manifest says {self.expected_sha256}"
        )


@dataclass(frozen=True)
class PackageCheck:
    """What a folder holds compared with a manifest."""

    manifest_sha256: str  # of the manifest compared against
    files: tuple[FileCheck, ...]
    extra: tuple[str, ...]  # files in the folder the manifest does not name (receipt aside)

    @property
    def intact(self) -> bool:
        return all(f.state is FileState.OK for f in self.files)

    @property
    def problems(self) -> list[FileCheck]:
        return [f for f in self.files if f.state is not FileState.OK]

    def as_json(self) -> dict[str, Any]:
        return {
            "manifest_sha256": self.manifest_sha256,
            "intact": self.intact,
            "files": [
                {
                    "file": f.name,
                    "state": f.state.value,
                    "sha256": f.actual_sha256,
                    "bytes": f.actual_bytes,
                }
                for f in self.files
            ],
            "extra": list(self.extra),
        }


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    """The manifest as written: UTF-8 JSON, keys in a fixed order, a final newline."""
    return (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def parse_manifest(data: bytes, where: str) -> list[tuple[str, str, int]]:
    """The (file, sha256, bytes) entries of a manifest. PackageError names `where` and the
    entry when it is not a manifest this desk writes."""
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageError(f"{where}: not a JSON manifest ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError(f"{where}: not a footage-loan manifest (format {FORMAT!r} expected)")
    files = manifest.get("files")
    if not isinstance(files, list) or not files:
        raise PackageError(f"{where}: 'files' must be a non-empty list")
    entries: list[tuple[str, str, int]] = []
    seen: set[str] = set()
    for index, entry in enumerate(files):
        at = f"{where}: files[{index}]"
        if not isinstance(entry, dict):
            raise PackageError(f"{at}: not an object")
        name, digest, size = entry.get("file"), entry.get("sha256"), entry.get("bytes")
        if not isinstance(name, str) or not _SAFE_NAME.match(name) or name in (MANIFEST, RECEIPT):
            raise PackageError(f"{at}.file: {name!r} is not a plain file name of the package")
        if name in seen:
            raise PackageError(f"{at}.file: {name!r} is listed twice")
        if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{64}", digest):
            raise PackageError(f"{at}.sha256: not a SHA-256 in hex")
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise PackageError(f"{at}.bytes: not a size in bytes")
        seen.add(name)
        entries.append((name, digest, size))
    return entries


def compare(folder: Path, manifest: bytes, where: str = MANIFEST) -> PackageCheck:
    """Check the files in `folder` against `manifest` (the bytes of a manifest.json)."""
    entries = parse_manifest(manifest, where)
    checks: list[FileCheck] = []
    for name, digest, size in entries:
        path = folder / name
        if not path.is_file():
            checks.append(FileCheck(name, FileState.MISSING, digest, expected_bytes=size))
            continue
        actual_size = path.stat().st_size
        actual = sha256_file(path)
        if actual_size != size:
            state = FileState.SIZE
        elif actual != digest:
            state = FileState.HASH
        else:
            state = FileState.OK
        checks.append(FileCheck(name, state, digest, actual, size, actual_size))
    named = {name for name, _, _ in entries} | {MANIFEST, RECEIPT}
    extra = tuple(sorted(p.name for p in _files(folder) if p.name not in named))
    return PackageCheck(hashlib.sha256(manifest).hexdigest(), tuple(checks), extra)


def _files(folder: Path) -> Iterable[Path]:
    return (p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else ()


def verify(folder: Path) -> PackageCheck:
    """Check a package against its own manifest.json. PackageError when the folder or its
    manifest cannot be read."""
    if not folder.is_dir():
        raise PackageError(f"{folder}: no such folder")
    path = folder / MANIFEST
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PackageError(f"{path}: missing (is this a footage-loan package?)") from None
    except OSError as exc:
        raise PackageError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return compare(folder, data, str(path))
