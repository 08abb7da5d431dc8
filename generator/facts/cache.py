"""Extraction cache: one JSON file per (seed content hash, extractor version).

A seed is re-extracted only when its bytes or the extractor's code change. A
seed that could not be read is remembered too (``{"error": ...}``), so a bad
file costs one attempt per extractor version, not one per build. The cache is
only ever a shortcut: a missing, corrupt or foreign entry is a miss.
"""
from __future__ import annotations

import json
from pathlib import Path

from generator import atomic
from generator.models import Extraction, extraction_from_contract


class ExtractionCache:
    def __init__(self, folder: Path, version: str):
        self.folder = Path(folder) / "extract"
        self.version = version.replace("+", "_")
        self._used: set[Path] = set()

    def _path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / f"{sha256}-{self.version}.json"

    def get(self, sha256: str) -> Extraction | str | None:
        """The cached Extraction, the error message of a seed that failed, or None."""
        p = self._path(sha256)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
            if isinstance(data, dict) and set(data) == {"error"} and isinstance(data["error"], str):
                found: Extraction | str = data["error"]
            else:
                found = extraction_from_contract(data)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        self._used.add(p)
        return found

    def touch(self, sha256: str) -> bool:
        """Whether there is an entry for ``sha256`` (not read); kept by ``prune`` if so."""
        p = self._path(sha256)
        if not p.is_file():
            return False
        self._used.add(p)
        return True

    def _write(self, sha256: str, data: dict) -> None:
        p = self._path(sha256)
        if atomic.write_cache(p, json.dumps(data, ensure_ascii=False, sort_keys=True), "the extraction cache"):
            self._used.add(p)

    def put(self, sha256: str, extraction: Extraction | dict) -> None:
        """Keep an extraction (or its contract dict, ``Extraction.to_contract()``)."""
        self._write(sha256, extraction if isinstance(extraction, dict) else extraction.to_contract())

    def put_failure(self, sha256: str, error: str) -> None:
        self._write(sha256, {"error": error})

    def prune(self) -> int:
        """Delete the entries this run did not use (seeds gone, older extractor
        versions) so the cache does not grow without end. Returns how many."""
        if not self.folder.is_dir():
            return 0
        n = 0
        for p in [*self.folder.glob("*/*.json"), *self.folder.glob("*/.tmp-*")]:
            if p not in self._used:
                try:
                    p.unlink()
                    n += 1
                except OSError:
                    pass
        for d in self.folder.iterdir():
            try:
                d.rmdir()  # only when empty
            except OSError:
                pass
        return n
