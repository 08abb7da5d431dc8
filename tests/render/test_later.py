"""Text the plugin holds between steps, and the files it writes into the site
itself (generator/render/later.py)."""
from __future__ import annotations

import pytest

from generator.render.later import Held, SiteFiles
from generator.render.writer import Writer


def test_written_under_the_site_folder_as_given_when_added(tmp_path):
    w = Writer(threads=2)
    try:
        files = SiteFiles(tmp_path, lambda: w)
        files.add("briefs/a/facts.json", '{"id":"a","name":"Zürich"}\n')
        files.add("briefs/a/facts.csv", "id\r\na\r\n")
        files.add("entities/x/chart-1.svg", "<svg/>")
        assert "briefs/a/facts.json" in files and len(files) == 3
        w.wait()
    finally:
        w.close()
    assert (tmp_path / "briefs/a/facts.json").read_text(encoding="utf-8") == '{"id":"a","name":"Zürich"}\n'
    assert (tmp_path / "briefs/a/facts.csv").read_bytes() == b"id\r\na\r\n"  # no newline translation
    assert (tmp_path / "entities/x/chart-1.svg").read_text(encoding="utf-8") == "<svg/>"


@pytest.mark.parametrize("uri", ["../escape.json", "/etc/x", "briefs/../../x", "a//b", "a\\..\\b"])
def test_a_path_out_of_the_site_folder_is_refused(tmp_path, uri):
    w = Writer(threads=2)
    try:
        files = SiteFiles(tmp_path / "site", lambda: w)
        with pytest.raises(ValueError):
            files.add(uri, "x")
        w.wait()
    finally:
        w.close()
    assert uri not in files and not (tmp_path / "escape.json").exists()


def test_text_is_held_compressed_only_on_big_sites():
    from generator.render import later

    small, big = Held.for_pages(later.COMPRESS_FROM - 1), Held.for_pages(later.COMPRESS_FROM)
    text = "Zürich " * 200
    assert small.pack(text) is text
    assert isinstance(big.pack(text), bytes) and len(big.pack(text)) < len(text) // 5
    assert Held.unpack(big.pack(text)) == Held.unpack(small.pack(text)) == text
