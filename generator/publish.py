"""Build the MkDocs site beside the old one and swap it in only when complete.

An interrupted or failed build leaves the previous site as it was.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path


class BuildFailed(RuntimeError):
    pass


def recover(site_dir: Path) -> None:
    """Undo a swap cut short between its two renames."""
    old = site_dir.with_name(f".{site_dir.name}.old")
    if not site_dir.exists() and old.exists():
        old.rename(site_dir)
    elif old.exists():
        shutil.rmtree(old, ignore_errors=True)


def source_date_epoch(published: list[str]) -> str:
    """Build date for reproducible output: the newest publication date, never now."""
    dates = sorted(d for d in published if d)
    if not dates:
        return "0"
    dt = datetime.strptime(dates[-1], "%Y-%m-%d").replace(tzinfo=timezone.utc)
    return str(int(dt.timestamp()))


@contextmanager
def _env(**values: str):
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def build_site(config_file: Path, site_dir: Path, *, strict: bool = False, epoch: str = "0") -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    site_dir = site_dir.resolve()
    recover(site_dir)
    new = site_dir.with_name(f".{site_dir.name}.new")
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(new, ignore_errors=True)
    try:
        with _env(SOURCE_DATE_EPOCH=epoch, NO_MKDOCS_2_WARNING="1"):
            cfg = load_config(str(config_file), site_dir=str(new), strict=strict)
            build(cfg)
    except (MkDocsException, SystemExit, Exception) as exc:
        shutil.rmtree(new, ignore_errors=True)
        raise BuildFailed(f"{config_file}: mkdocs build failed: {str(exc).strip() or type(exc).__name__}") from exc
    if site_dir.exists():
        site_dir.rename(old)
    new.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
