"""Files the plugin writes into the site itself, once MkDocs has built it.

A brief's ``facts.json`` and ``facts.csv`` and every chart's SVG would
otherwise be MkDocs ``File`` objects holding their text from ``on_files`` to
the end of the build (a few hundred MB at 10,000 briefs, all at once). Here
they wait zlib-compressed (about a fifth of the size) and are written in
``on_post_build``, with the site's own ``facts.json``/``facts.csv`` made from
them piece by piece. Nothing else in the build reads these files: pages link
to them with plain HTML, which MkDocs does not check.
"""
from __future__ import annotations

import os
import zlib
from pathlib import Path
from typing import Iterable, Iterator

from generator.render.writer import Writer


class LaterFiles:
    def __init__(self) -> None:
        self._files: dict[str, bytes] = {}  # docs-relative uri (= its path in the site) -> compressed text

    def add(self, uri: str, text: str) -> None:
        self._files[uri] = zlib.compress(text.encode("utf-8"), 1)

    def __contains__(self, uri: str) -> bool:
        return uri in self._files

    def __len__(self) -> int:
        return len(self._files)

    def text(self, uri: str) -> str:
        return zlib.decompress(self._files[uri]).decode("utf-8")

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
                writer.write(os.path.join(root, *parts), zlib.decompress(self._files[uri]))
            if own:
                writer.wait()
        finally:
            if own:
                writer.close()
        return len(self._files)
