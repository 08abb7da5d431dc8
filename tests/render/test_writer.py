"""generator/render/writer.py: the site's files written by a thread pool."""
from __future__ import annotations

import pytest

from generator.render.writer import Writer


def test_every_queued_file_is_written_whole_once_waited(tmp_path):
    w = Writer(threads=4)
    try:
        files = {tmp_path / f"d{i % 13}" / f"p{i}" / "index.html": f"<p>{i}</p>".encode() * (i + 1)
                 for i in range(500)}
        for path, data in files.items():
            w.write(path, data)
        w.wait()
    finally:
        w.close()
    assert w.count == 500
    assert {p: p.read_bytes() for p in files} == files
    assert len(list(tmp_path.rglob("*.html"))) == 500


def test_a_file_that_cannot_be_written_is_an_error_naming_it(tmp_path):
    (tmp_path / "briefs").write_text("a file where a folder should be")
    w = Writer(threads=2)
    try:
        w.write(tmp_path / "ok.html", b"fine")
        w.write(tmp_path / "briefs" / "x" / "index.html", b"nope")
        with pytest.raises(OSError) as err:
            w.wait()
    finally:
        w.close()
    msg = str(err.value)
    assert "briefs/x/index.html: cannot write" in msg and "\n" not in msg
    w.wait()  # the error was reported once; nothing is left queued


def test_a_slow_disk_makes_write_wait_instead_of_holding_every_file(tmp_path, monkeypatch):
    from generator.render import writer

    monkeypatch.setattr(writer, "BACKLOG", 8)
    w = Writer(threads=2)
    try:
        for i in range(100):
            w.write(tmp_path / f"p{i}.html", b"x" * 1000)
            assert w.queued < 8  # never more queued than the backlog allows
        w.wait()
    finally:
        w.close()
    assert len(list(tmp_path.glob("*.html"))) == 100


def test_keep_same_touches_a_file_that_already_holds_the_bytes_and_rewrites_the_others(tmp_path):
    """In a build made in the previous site's folder: the same bytes are not
    written again, but the file gets a new change time (so the end-of-build
    sweep keeps it); other bytes replace the file's whole content."""
    import os
    import time

    same, other, new = tmp_path / "same.html", tmp_path / "other.html", tmp_path / "d" / "new.html"
    same.write_bytes(b"<p>unchanged</p>")
    other.write_bytes(b"<p>a longer old text than the new one</p>")
    before = {p: os.stat(p) for p in (same, other)}
    time.sleep(0.05)
    w = Writer(threads=2, keep_same=True)
    try:
        w.write(same, b"<p>unchanged</p>")
        w.write(other, b"<p>new</p>")
        w.write(new, b"<p>made</p>")
        w.wait()
    finally:
        w.close()
    assert (same.read_bytes(), other.read_bytes(), new.read_bytes()) == (b"<p>unchanged</p>", b"<p>new</p>",
                                                                          b"<p>made</p>")
    for p in (same, other):
        st = os.stat(p)
        assert st.st_ino == before[p].st_ino and st.st_ctime_ns > before[p].st_ctime_ns
    st = os.stat(same)
    assert w.stamps[str(same)][:2] == (st.st_size, st.st_mtime_ns)  # the stamp follows the touch
