"""Files the plugin writes into the site itself, once MkDocs has built it.

A brief's ``facts.json`` and ``facts.csv`` and every chart's SVG would
otherwise be MkDocs ``File`` objects holding their text from ``on_files`` to
the end of the build (a few hundred MB at 10,000 briefs, all at once). Here
they wait, zlib-compressed on a big site (``Held``: about a fifth of the
size), and are written in ``on_post_build``, with the site's own
``facts.json``/``facts.csv`` made from them piece by piece. Nothing else in
the build reads these files: pages link to them with plain HTML, which MkDocs
does not check.

``Held`` is also how the plugin keeps its pages' Markdown and HTML between
MkDocs' passes. Compressing costs CPU time (about 0.9 s per 1,000 briefs)
and saves memory that only matters on big sites: from ``COMPRESS_FROM``
pages (about 1,500 briefs) text is compressed, below it held as it is.
"""
from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import Iterable, Iterator

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

    @staticmethod
    def unpack_bytes(packed: bytes | str) -> bytes:
        return zlib.decompress(packed) if isinstance(packed, bytes) else packed.encode("utf-8")


class LaterFiles:
    def __init__(self, held: Held | None = None) -> None:
        self._held = held or Held(compress=True)
        self._files: dict[str, bytes | str] = {}  # docs-relative uri (= its path in the site) -> packed text

    def add(self, uri: str, text: str) -> None:
        self._files[uri] = self._held.pack(text)

    def __contains__(self, uri: str) -> bool:
        return uri in self._files

    def __len__(self) -> int:
        return len(self._files)

    def text(self, uri: str) -> str:
        return Held.unpack(self._files[uri])

    def texts(self, uris: Iterable[str]) -> Iterator[str]:
        return (self.text(u) for u in uris)

    def write_all(self, site_dir: Path, writer: Writer | None = None) -> int:
        """Write every file under ``site_dir`` (never outside it) through
        ``writer`` (queued: its ``wait()`` finishes them), or, without one,
        before returning. Returns how many."""
        root = os.fspath(site_dir)
        own = writer is None
        writer = Writer() if own else writer
        try:
            for uri in sorted(self._files):
                parts = uri.split("/")
                # ids and slugs are safe by construction; checked anyway, without a syscall per file
                if uri.startswith("/") or "\\" in uri or any(p in ("", ".", "..") for p in parts):
                    raise ValueError(f"{uri}: not a path inside the site folder")
                writer.write(os.path.join(root, *parts), Held.unpack_bytes(self._files[uri]))
            if own:
                writer.wait()
        finally:
            if own:
                writer.close()
        return len(self._files)
