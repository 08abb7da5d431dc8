"""The site's files written by a few threads instead of one after another.

A build writes thousands of small files (each page, its ``facts.json``,
``facts.csv`` and chart SVGs). On many disks, virtual machines' and CI
runners' above all, creating a file costs a fixed wait far longer than the
writing; measured on the development machine, 4,000 small files took 1.8 s
from one thread and 0.5 s from eight. The waits overlap when several threads
create files, so ``Writer`` queues each file to a small thread pool (file
calls release the GIL) and ``wait()`` is the one place that blocks: before
anything reads the site (Pagefind), and at the end of the build.

Order does not matter (every file is a different path) and the bytes are
given whole, so the site is the same as one written file by file. The first
error (a full disk, a folder that is a file) is raised by ``wait()`` with the
path, and the files not yet written are dropped.

In a build made in the previous site's folder (``publish.Reuse``, ``keep_same``)
a file whose bytes are already there is not written again, only touched:
reading 20 KB costs less than replacing them, and the touch (a new change
time) tells the end-of-build sweep the file belongs to this build. Such a
build has two threads, not eight: comparing waits little on the disk, and
each of a thread's file calls hands the GIL back and forth with the build's
own thread (a 10,000-brief rebuild: 9.1 s of system time with eight, 5.9 s
with two, 3.5 s less of wall clock).

For HTML files the writer also keeps a ``Stamp``: size, modification time and
SHA-256 of what it wrote. Pagefind's cache key needs a digest of every HTML
file; a file whose size and time still match its stamp is not read again.
"""
from __future__ import annotations

import hashlib
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import NamedTuple

THREADS = 8         # a new folder: creating files waits on the disk, eight waits overlap
REUSED_THREADS = 2  # the folder of the site before last: most files are only compared and touched
BACKLOG = 512  # files queued at most (a brief page is ~20 KB)
BATCH = 16     # files handed to a thread at a time: a future per file cost the build's own thread more than the writing


class Stamp(NamedTuple):
    size: int
    mtime_ns: int
    sha256: bytes


def _holds(path: str, data: bytes) -> bool:
    """Whether the file ``path`` has exactly ``data`` in it."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(data) + 1) == data
    except OSError:
        return False


class Writer:
    def __init__(self, threads: int | None = None, keep_same: bool = False) -> None:
        threads = threads or (REUSED_THREADS if keep_same else THREADS)
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="briefs-write")
        self.keep_same = keep_same
        self._pending: list[tuple[Future, int]] = []  # (a batch's future, its number of files)
        self._batch: list[tuple[str, bytes]] = []
        self._folders: set[str] = set()
        self._lock = threading.Lock()
        self.count = 0
        self.stamps: dict[str, Stamp] = {}  # path -> what was written there (HTML files)

    def _folder(self, folder: str) -> None:
        with self._lock:
            known = folder in self._folders
        if not known:
            if not os.path.isdir(folder):  # (a stat: mkdir of an existing folder locks its parent)
                os.makedirs(folder, exist_ok=True)
            with self._lock:
                self._folders.add(folder)

    def _write(self, path: str, data: bytes) -> None:
        try:
            self._folder(os.path.dirname(path))
            if self.keep_same and _holds(path, data):
                os.utime(path)
            else:
                with open(path, "wb") as fh:
                    fh.write(data)
            if path.endswith(".html"):
                st = os.stat(path)
                self.stamps[path] = Stamp(st.st_size, st.st_mtime_ns, hashlib.sha256(data).digest())
        except OSError as exc:
            raise OSError(f"{path}: cannot write: {exc.strerror or exc}") from None

    def _write_all(self, batch: list[tuple[str, bytes]]) -> None:
        for path, data in batch:
            self._write(path, data)

    @property
    def queued(self) -> int:
        """Files queued and not yet written."""
        return len(self._batch) + sum(n for f, n in self._pending if not f.done())

    def write(self, path: str | os.PathLike, data: bytes) -> None:
        """Queue ``data`` to be written to ``path`` (its folders made as needed).
        At most ``BACKLOG`` files wait: a build that makes pages faster than
        the disk takes them waits here instead of holding them all in memory."""
        self._batch.append((os.fspath(path), data))
        self.count += 1
        if len(self._batch) >= min(BATCH, BACKLOG):
            self._submit()

    def _submit(self) -> None:
        if not self._batch:
            return
        batch, self._batch = self._batch, []
        self._pending.append((self._pool.submit(self._write_all, batch), len(batch)))
        if self.queued >= BACKLOG:
            self._pending = [(f, n) for f, n in self._pending if not f.done() or f.exception()]
            while self._pending and self.queued >= BACKLOG // 2:
                self._pending.pop(0)[0].result()  # the oldest; raises its error, if any, here

    def wait(self) -> None:
        """Block until every queued file is written; raise the first error."""
        self._submit()
        pending, self._pending = self._pending, []
        for f, _ in pending:
            exc = f.exception()
            if exc is not None:
                for other, _ in pending:
                    other.cancel()
                raise exc

    def close(self) -> None:
        """Stop the threads; files still queued are not written."""
        for f, _ in self._pending:
            f.cancel()
        self._pending, self._batch = [], []
        self._pool.shutdown(wait=True, cancel_futures=True)
