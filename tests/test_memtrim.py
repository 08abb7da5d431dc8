"""generator/memtrim.py: memory freed by the sync goes back to the system before the site build."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.test_pipeline import REPO


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's")
def test_freed_memory_goes_back_to_the_system():
    # in a fresh interpreter: ~300 MB of blocks freed with a few survivors scattered
    # among them, as after a sync, stay in the process until release()
    script = textwrap.dedent("""
        from generator import memtrim
        def rss_mb():
            return int(open('/proc/self/statm').read().split()[1]) * 4096 >> 20
        blocks = [bytes(2000) + i.to_bytes(4, 'little') for i in range(150_000)]
        keep = blocks[::50]
        del blocks
        before = rss_mb()
        trimmed = memtrim.release()
        print(before, rss_mb(), trimmed)
    """)
    out = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    before, after, trimmed = out.stdout.split()
    if trimmed != "True":
        pytest.skip("this C library has no malloc_trim")
    assert int(before) > 250 and int(after) < int(before) - 200, out.stdout


def test_a_build_hides_its_objects_from_the_collector_only_while_it_runs(tmp_path):
    """``briefs build`` freezes what survives the sync (``release(freeze=True)``)
    and the plugin freezes the site model before the pages are made; the end of
    the build (or its failure) unfreezes everything, so a process that builds
    again (``mkdocs serve``, these tests) can still collect the old site."""
    import gc

    from generator import memtrim
    from tests.test_build import build, make_project

    assert gc.get_freeze_count() == 0
    memtrim.release(freeze=True)
    frozen = gc.get_freeze_count()
    assert frozen > 0
    seen = []
    gc.callbacks.append(lambda phase, info: seen.append(gc.get_freeze_count()) if phase == "start" else None)
    try:
        build(make_project(tmp_path / "proj"), tmp_path / "site")
    finally:
        gc.callbacks.pop()
    assert seen and max(seen) > frozen  # the site model was frozen too while the pages were made
    assert gc.get_freeze_count() == 0


def test_after_a_sync_that_extracted_nothing_only_the_freeze_is_done():
    """A rebuild's sync frees little: no collection over every brief then
    (~0.5 s at 10,000), but what survives is still frozen."""
    import gc

    from generator import memtrim

    collections = []
    gc.callbacks.append(lambda phase, info: collections.append(info["generation"]) if phase == "start" else None)
    try:
        assert memtrim.release(freeze=True, trim=False) is False
        assert gc.get_freeze_count() > 0 and collections == []
    finally:
        gc.callbacks.pop()
        gc.unfreeze()
