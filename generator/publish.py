"""Build the MkDocs site beside the old one and swap it in only when complete.

``site/`` is never written to: MkDocs builds into ``.site.new/`` beside it, and
only a finished build is swapped in (one atomic ``renameat2(RENAME_EXCHANGE)``
on Linux, else two renames that ``recover`` completes or undoes). An
interrupted or failed build leaves the previous site as it was.

The site it replaces is not deleted: it is renamed ``.site.trash/``, and the
next build is made in it (``Reuse``). Deleting thousands of files is slow on
many disks, and so is making thousands of new ones right after (ext4 without
a journal skips recently freed inodes one by one when it makes a file); a
file written where the same path already is keeps its inode instead. The
next build renames ``.site.trash/`` to ``.site.new/``, drops the files in it
that are shared with anything else (hard links, such as Pagefind's cached
bundle: writing through them would change the cache), and tells MkDocs not to
empty it. Every file the build writes replaces the old one in place; what the
build did not touch (its change time is older than the build's start) is
deleted at the end, with the folders left empty, so the site is exactly what
a build into an empty folder makes (tested byte for byte). If a build in the
reused folder fails on a file system error, it is made again in an empty one,
so an old file in the way (a file where a folder is now wanted) cannot fail a
build; a failure of the site's own (a warning in strict mode) is reported at
once. Between builds the previous site takes disk space beside the new one.
Older leftovers (``.site.trash.<pid>``) are deleted by a child process
(``rm -rf``) while the build works.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import re
import shutil
import stat
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path


class BuildFailed(RuntimeError):
    """str() is one line: what failed and why. ``files``: the failure came
    from the file system (an ``OSError``), not from the site's content."""

    files: bool = False


@dataclass
class BuildResult:
    warnings: list[str] = field(default_factory=list)


def _sibling(site_dir: Path, what: str) -> Path:
    return site_dir.with_name(f".{site_dir.name}.{what}")


def recover(site_dir: Path) -> None:
    """Undo a swap cut short between its two renames, and clear leftovers of an
    interrupted build. Safe to call at any time when no build is running."""
    site_dir = Path(site_dir)
    old = _sibling(site_dir, "old")
    if not site_dir.exists() and old.exists():
        old.rename(site_dir)
    elif old.exists():
        shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(_sibling(site_dir, "new"), ignore_errors=True)


def source_date_epoch(published: list[str]) -> str:
    """Build date for reproducible output: $SOURCE_DATE_EPOCH when set, else the
    newest publication date, never now."""
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env.isdigit():
        return env
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


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings and errors for the report instead of letting them
    reach the terminal as bare lines."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def lines(self, level: int) -> list[str]:
        out = []
        for r in self.records:
            if r.levelno >= level:
                try:
                    out.append(one_line(r.getMessage()))
                except Exception:  # a broken log call must not break the build report
                    out.append(one_line(str(r.msg)))
        return out


@contextmanager
def _mkdocs_log():
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    saved = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    if logger.level == logging.NOTSET or logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate, _ = saved
        logger.setLevel(saved[1])


def one_line(text: str, limit: int = 400) -> str:
    s = re.sub(r"\s+", " ", str(text)).strip()
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories atomically (Linux renameat2). False when unsupported."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    AT_FDCWD, RENAME_EXCHANGE = -100, 2
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    rc = fn(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return rc == 0


def _discard(folder: Path, site_dir: Path) -> None:
    """Put a replaced site where the next build's ``Removal`` deletes it."""
    trash = _sibling(site_dir, "trash")
    try:
        if not trash.exists():
            folder.rename(trash)
            return
    except OSError:
        pass
    shutil.rmtree(folder, ignore_errors=True)


class Removal:
    """Deletes earlier builds' ``.site.trash*`` folders in a child process
    (``rm -rf``) while this build goes on; ``wait()`` reaps it. Without
    ``rm`` (not POSIX), they are deleted at once."""

    def __init__(self, site_dir: Path) -> None:
        self.proc: subprocess.Popen | None = None
        trash = _sibling(site_dir, "trash")
        if trash.exists():  # a name of its own, so this build's swap may use .site.trash again
            try:
                trash.rename(trash.with_name(f"{trash.name}.{os.getpid()}"))
            except OSError:
                pass
        found = sorted(p for p in site_dir.parent.glob(f"{trash.name}*") if p.is_dir() and not p.is_symlink()
                       and (p.name == trash.name or p.name[len(trash.name) + 1:].isdigit()))
        rm = shutil.which("rm") if os.name == "posix" else None
        if found and rm:
            self.proc = subprocess.Popen([rm, "-rf", "--", *map(str, found)], stdin=subprocess.DEVNULL,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        else:
            for p in found:
                shutil.rmtree(p, ignore_errors=True)

    def wait(self) -> None:
        if self.proc is not None:
            self.proc.wait()
            self.proc = None


REUSED = "BRIEFS_REUSED_SINCE"  # "<ns> <folder>" while a build writes into a reused folder


class Reuse:
    """The previous site's folder made ready for this build to write into (module docstring)."""

    def __init__(self, trash: Path, new: Path) -> None:
        self.folder = new
        trash.rename(new)
        for top, dirs, names in os.walk(new):
            for d in [d for d in dirs if os.path.islink(os.path.join(top, d))]:
                os.unlink(os.path.join(top, d))  # never written through
                dirs.remove(d)
            for n in names:
                path = os.path.join(top, n)
                st = os.lstat(path)
                if st.st_nlink > 1 or stat.S_ISLNK(st.st_mode):
                    os.unlink(path)
        self.start = _now(new)

    @classmethod
    def take(cls, site_dir: Path, new: Path) -> "Reuse | None":
        """``.site.trash`` made ready as ``new``, or None (no usable previous site)."""
        trash = _sibling(site_dir, "trash")
        if not trash.is_dir() or trash.is_symlink() or new.exists():
            return None
        try:
            return cls(trash, new)
        except OSError:
            shutil.rmtree(new, ignore_errors=True)
            return None

    @contextmanager
    def kept(self):
        """MkDocs' ``build`` empties its site folder first; here it must not.
        ``REUSED`` tells the plugin (``sweep_stale_pages``)."""
        from mkdocs import utils

        saved = utils.clean_directory
        utils.clean_directory = lambda directory: None
        try:
            with _env(**{REUSED: f"{self.start} {self.folder}"}):
                yield
        finally:
            utils.clean_directory = saved

    def sweep(self) -> int:
        """Delete what this build did not write; returns the number of files deleted."""
        return sweep(self.folder, self.start)


def sweep(folder: Path, since: int, suffix: str = "") -> int:
    """Delete the files under ``folder`` (ending with ``suffix``) unchanged since
    ``since`` (ns, the file system's clock), and the folders that leaves empty.
    Raises OSError, deleting nothing, when no such file changed since: a file
    system whose change times do not follow writes cannot tell old from new."""
    stale, fresh = [], 0
    for top, _, names in os.walk(folder):
        for n in names:
            if n.endswith(suffix):
                path = os.path.join(top, n)
                if os.lstat(path).st_ctime_ns < since:
                    stale.append(path)
                else:
                    fresh += 1
    if stale and not fresh:
        raise OSError(f"{folder}: no file changed during the build (file change times do not follow writes)")
    for path in stale:
        os.unlink(path)
    for top in sorted({os.path.dirname(p) for p in stale}, key=len, reverse=True):
        while top != str(folder) and os.path.isdir(top) and not os.listdir(top):  # left empty, up the tree
            os.rmdir(top)
            top = os.path.dirname(top)
    return len(stale)


def reused_since(site_dir: str | os.PathLike) -> int | None:
    """When this build writes into a reused folder ``site_dir``: the time it
    started (ns, the file system's clock); else None."""
    since, _, folder = os.environ.get(REUSED, "").partition(" ")
    if not since.isdigit() or os.path.abspath(site_dir) != folder:
        return None
    return int(since)


def sweep_stale_pages(site_dir: str | os.PathLike) -> int:
    """In a build made in a reused folder, delete the HTML pages it did not
    write; else nothing. The plugin calls this once every page is written,
    before Pagefind reads them all."""
    since = reused_since(site_dir)
    return 0 if since is None else sweep(Path(site_dir), since, ".html")


def _now(folder: Path) -> int:
    """The file system's clock now (a file's change time, as the files this build writes will get)."""
    probe = folder / f".briefs-clock-{os.getpid()}"
    fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        return os.fstat(fd).st_ctime_ns
    finally:
        os.close(fd)
        os.unlink(probe)


def swap_in(new: Path, site_dir: Path) -> None:
    """Make the complete build ``new`` the site; the previous site goes to ``.site.trash``."""
    old = _sibling(site_dir, "old")
    if site_dir.is_dir() and not site_dir.is_symlink() and _exchange(new, site_dir):
        _discard(new, site_dir)  # now holds the previous site
        return
    if site_dir.exists() or site_dir.is_symlink():
        site_dir.rename(old)
    new.rename(site_dir)  # a kill between the two renames: recover() puts old back
    if old.is_symlink():
        old.unlink()
    elif old.exists():
        _discard(old, site_dir)


def build_site(config_file: Path, site_dir: Path, *, strict: bool = False, epoch: str = "0") -> BuildResult:
    """Build the site of ``config_file`` into ``site_dir``, atomically.

    Raises BuildFailed (one-line message) when MkDocs fails, or warns in strict
    mode; ``site_dir`` is then untouched."""
    config_file, site_dir = Path(config_file), Path(os.path.abspath(site_dir))
    if not config_file.is_file():
        raise BuildFailed(f"{config_file}: no such file (the MkDocs configuration)")
    recover(site_dir)
    new = _sibling(site_dir, "new")
    reuse = Reuse.take(site_dir, new)
    removal = Removal(site_dir)
    try:
        if reuse is not None:
            try:
                return _build_and_swap(config_file, site_dir, new, strict, epoch, reuse)
            except BuildFailed as failed:
                if not failed.files:  # the content's fault (a warning in strict mode, say): once is enough
                    raise
                # made again in an empty folder: if it fails there too, that is the error reported
        return _build_and_swap(config_file, site_dir, new, strict, epoch)
    finally:
        removal.wait()


def _build_and_swap(config_file: Path, site_dir: Path, new: Path, strict: bool, epoch: str,
                    reuse: Reuse | None = None) -> BuildResult:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with _mkdocs_log() as log:
        try:
            with _env(SOURCE_DATE_EPOCH=epoch, NO_MKDOCS_2_WARNING="1"):
                cfg = load_config(str(config_file), site_dir=str(new), strict=strict)
                if reuse is not None:
                    with reuse.kept():
                        build(cfg)
                    reuse.sweep()
                else:
                    build(cfg)
        except BaseException as exc:
            shutil.rmtree(new, ignore_errors=True)
            if isinstance(exc, KeyboardInterrupt):
                raise
            errors = log.lines(logging.ERROR) or (log.lines(logging.WARNING) if strict else [])
            why = one_line(str(exc)) or type(exc).__name__
            if errors and why.startswith("Aborted with"):
                why = f"{errors[0]} ({why.rstrip('!')})"
            elif errors and errors[0] not in why:
                why = f"{why} ({errors[0]})"
            if not isinstance(exc, Exception):  # SystemExit from a plugin
                why = f"{type(exc).__name__}: {why}"
            failed = BuildFailed(one_line(f"{config_file.name}: mkdocs build failed: {why}"))
            failed.files = isinstance(exc, OSError)
            raise failed from None
        warnings = log.lines(logging.WARNING)
    if not new.is_dir():
        raise BuildFailed(f"{config_file.name}: mkdocs build wrote nothing")
    swap_in(new, site_dir)
    return BuildResult(warnings=warnings)
