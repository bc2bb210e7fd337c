"""The file store: attachment bytes in the data directory, one file per content (named by its sha256)."""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterable
from pathlib import Path


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class FileStore:
    """Content-addressed files under `root` (`ab/abcdef…`); writing the same bytes twice keeps one copy."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256 checksum: {sha256!r}")
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> str:
        """Keep the bytes (atomically: a crash never leaves a half-written file under its name)."""
        digest = sha256_of(data)
        target = self.path(digest)
        if target.exists() and target.stat().st_size == len(data):
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{digest}.{uuid.uuid4().hex}.partial")
        with partial.open("wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        partial.replace(target)
        return digest

    def read(self, sha256: str) -> bytes:
        """The bytes; raises FileNotFoundError when they are gone, ValueError when they no longer match."""
        data = self.path(sha256).read_bytes()
        if sha256_of(data) != sha256:
            raise ValueError(f"the stored file {sha256} is damaged (its checksum no longer matches)")
        return data

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def remove(self, checksums: Iterable[str]) -> int:
        """Delete these files (those missing already are skipped); returns how many were deleted."""
        removed = 0
        for digest in checksums:
            path = self.path(digest)
            if path.is_file():
                path.unlink()
                removed += 1
        return removed
