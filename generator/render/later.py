"""Text the plugin keeps for a later step of the build, and the files it
writes into the site itself.

``Held`` is how the plugin keeps its pages' Markdown (until MkDocs reads it)
and HTML (between MkDocs' two passes). Compressing costs CPU time (about 0.9 s
per 1,000 briefs) and saves memory that only matters on big sites: from
``COMPRESS_FROM`` pages (about 1,500 briefs) text is compressed, below it
held as it is.

``SiteFiles`` are a brief's ``facts.json`` and ``facts.csv`` and every
chart's SVG: not MkDocs ``File`` objects (they would hold their text to the
end of the build, a few hundred MB at 10,000 briefs), but handed to the
build's ``Writer`` as soon as they are made, so nothing holds them. Nothing
else in the build reads these files: pages link to them with plain HTML,
which MkDocs does not check.
"""
from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import Callable

from generator.render.writer import Writer


COMPRESS_FROM = 5000  # pages (briefs and entity pages); a brief makes about 3.2 pages


class Held:
    """Text kept until a later step of the build: ``pack`` it, ``unpack`` it later."""

    def __init__(self, compress: bool) -> None:
        self.compress = compress

    @classmethod
    def for_pages(cls, n_pages: int) -> "Held":
        return cls(n_pages >= COMPRESS_FROM)

    def pack(self, text: str) -> bytes | str:
        return zlib.compress(text.encode("utf-8"), 1) if self.compress else text

    @staticmethod
    def unpack(packed: bytes | str) -> str:
        return zlib.decompress(packed).decode("utf-8") if isinstance(packed, bytes) else packed


class SiteFiles:
    """Files written under ``site_dir`` as they are added, through the writer
    ``writer()`` gives (made at the first file: after the page workers fork)."""

    def __init__(self, site_dir: Path, writer: Callable[[], Writer]) -> None:
        self._root = os.fspath(site_dir)
        self._writer = writer
        self._uris: set[str] = set()  # docs-relative uri (= its path in the site)

    def add(self, uri: str, text: str) -> None:
        parts = uri.split("/")
        # ids and slugs are safe by construction; checked anyway, without a syscall per file
        if uri.startswith("/") or "\\" in uri or any(p in ("", ".", "..") for p in parts):
            raise ValueError(f"{uri}: not a path inside the site folder")
        self._writer().write(os.path.join(self._root, *parts), text.encode("utf-8"))
        self._uris.add(uri)

    def __contains__(self, uri: str) -> bool:
        return uri in self._uris

    def __len__(self) -> int:
        return len(self._uris)
