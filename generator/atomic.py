"""Write a file atomically: a temp file beside it, then a rename. Readers never see half a file."""
from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_cache(path: Path, text: str, what: str) -> bool:
    """``write_text`` for a cache: a file that cannot be written (read-only
    folder, full disk) only costs time, so it is logged at debug level, never
    raised. ``what`` names the cache in that line. True when written."""
    try:
        write_text(path, text)
        return True
    except OSError as exc:
        logging.getLogger("mkdocs.plugins.briefs").debug("briefs: cannot write %s %s: %s", what, path, exc)
        return False
