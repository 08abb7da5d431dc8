"""Extraction cache: one JSON file per (seed content hash, extractor version).

A seed is re-extracted only when its bytes or the extractor's code change.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from generator.models import Extraction, extraction_from_contract


class ExtractionCache:
    def __init__(self, folder: Path, version: str):
        self.folder = Path(folder) / "extract"
        self.version = version.replace("+", "_")

    def _path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / f"{sha256}-{self.version}.json"

    def get(self, sha256: str) -> Extraction | None:
        p = self._path(sha256)
        try:
            return extraction_from_contract(json.loads(p.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, sha256: str, extraction: Extraction) -> None:
        p = self._path(sha256)
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=".tmp-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(extraction.to_contract(), fh, ensure_ascii=False, sort_keys=True)
        os.replace(tmp, p)
