"""Footage-loan package checks without a desk: a manifest that is not one, or that names a
path outside its folder, is refused with the entry named; sizes and hashes are compared."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from console.core import packages
from console.core.packages import FileState, PackageError


def manifest(files: list[dict[str, Any]]) -> bytes:
    return packages.manifest_bytes({"format": packages.FORMAT, "loan": 1, "files": files})


def entry(name: str, data: bytes) -> dict[str, Any]:
    return {"file": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([], "'files' must be a non-empty list"),
        ([{"file": "../../etc/passwd", "sha256": "0" * 64, "bytes": 1}], r"files\[0\]\.file"),
        ([{"file": "/abs.mp4", "sha256": "0" * 64, "bytes": 1}], r"files\[0\]\.file"),
        ([{"file": "manifest.json", "sha256": "0" * 64, "bytes": 1}], r"files\[0\]\.file"),
        ([{"file": "a.mp4", "sha256": "xyz", "bytes": 1}], r"files\[0\]\.sha256"),
        ([{"file": "a.mp4", "sha256": "0" * 64, "bytes": -1}], r"files\[0\]\.bytes"),
        ([{"file": "a.mp4", "sha256": "0" * 64, "bytes": True}], r"files\[0\]\.bytes"),
        (
            [
                {"file": "a.mp4", "sha256": "0" * 64, "bytes": 1},
                {"file": "a.mp4", "sha256": "0" * 64, "bytes": 1},
            ],
            r"files\[1\]\.file: 'a.mp4' is listed twice",
        ),
    ],
)
def test_bad_manifests_are_named(files: list[dict[str, Any]], message: str) -> None:
    with pytest.raises(PackageError, match=message):
        packages.parse_manifest(manifest(files), "m.json")


def test_not_a_manifest(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match="m.json: not a JSON manifest"):
        packages.parse_manifest(b"\xff{", "m.json")
    with pytest.raises(PackageError, match="not a footage-loan manifest"):
        packages.parse_manifest(json.dumps({"files": []}).encode(), "m.json")
    with pytest.raises(PackageError, match="manifest.json: missing"):
        packages.verify(tmp_path)


def test_sizes_hashes_missing_and_extra_files(tmp_path: Path) -> None:
    a, b, c = b"first clip", b"second clip", b"third clip"
    data = manifest([entry("a.mp4", a), entry("b.mp4", b), entry("c.mp4", c)])
    (tmp_path / "manifest.json").write_bytes(data)
    (tmp_path / "a.mp4").write_bytes(a)
    (tmp_path / "b.mp4").write_bytes(b"second clop")  # same size, one byte off
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "receipt.pdf").write_bytes(b"%PDF")
    check = packages.verify(tmp_path)
    assert [f.state for f in check.files] == [FileState.OK, FileState.HASH, FileState.MISSING]
    assert check.extra == ("notes.txt",)
    assert not check.intact
    assert check.manifest_sha256 == hashlib.sha256(data).hexdigest()
    (tmp_path / "b.mp4").write_bytes(b + b"!")
    (tmp_path / "c.mp4").write_bytes(c)
    check = packages.verify(tmp_path)
    assert [f.state for f in check.files] == [FileState.OK, FileState.SIZE, FileState.OK]
    assert check.problems[0].describe() == "b.mp4: 12 bytes, the manifest says 11"
    (tmp_path / "b.mp4").write_bytes(b)
    assert packages.verify(tmp_path).intact
