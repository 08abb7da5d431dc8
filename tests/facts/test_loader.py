"""generator/facts/loader.py: the one fact-file loader (sync and plugin), its
parse cache and the hand-over from the sync to the plugin in one process."""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest

from generator.facts import loader, store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "briefs"
BROKEN = "2025-01-01-broken.yaml"


def _same(a, b):
    assert [(x.path.name, x.brief, x.error) for x in a] == [(y.path.name, y.brief, y.error) for y in b]


@pytest.fixture
def folder(tmp_path) -> Path:
    f = tmp_path / "briefs"
    shutil.copytree(FIXTURES, f)
    (f / BROKEN).write_text("id: 2025-01-01-broken\nheadline: [unclosed\n", encoding="utf-8")
    return f


@pytest.fixture
def parsed(monkeypatch) -> Counter:
    """File name -> how many times ``store.load`` parsed it."""
    counts: Counter = Counter()
    real = store.load

    def counting(path, *args):
        counts[path.name] += 1
        return real(path, *args)

    monkeypatch.setattr(store, "load", counting)
    return counts


def _edit_headline(path: Path, text: str) -> None:
    src = path.read_text(encoding="utf-8")
    assert "\nheadline: " in src
    path.write_text(src.replace("\nheadline: ", f"\nheadline: {text} ", 1), encoding="utf-8")


@pytest.mark.parametrize("with_cache", [True, False])
def test_handed_over_facts_are_not_parsed_again(folder, tmp_path, parsed, with_cache):
    cache = tmp_path / "cache" / loader.CACHE_NAME if with_cache else None
    facts = loader.load(folder, cache)
    _same(facts.loaded, store.load_all(folder))
    parsed.clear()
    with loader.handover(facts):
        got = loader.load_all(folder.resolve(), cache)  # the plugin spells the folder its own way
    assert parsed == Counter(), "nothing parsed: every file came from the hand-over, the broken one too"
    _same(got, store.load_all(folder.resolve()))
    assert got[0].brief is facts.loaded[0].brief
    # the broken file's message names the file as the plugin spells it, as store.load would
    broken = [x for x in got if x.error]
    assert [x.path.name for x in broken] == [BROKEN]
    assert broken[0].error.startswith(str(folder.resolve() / BROKEN) + ": not valid YAML")
    assert "\n" not in broken[0].error


def test_a_file_edited_after_the_handover_is_read_again(folder, tmp_path, parsed):
    cache = tmp_path / loader.CACHE_NAME
    facts = loader.load(folder, cache)
    first = sorted(p for p in folder.glob("*.yaml") if p.name != BROKEN)[0]
    _edit_headline(first, "Edited by hand")
    (folder / BROKEN).write_text("id: [still unclosed\n", encoding="utf-8")
    parsed.clear()
    with loader.handover(facts):
        got = loader.load_all(folder, cache)
    assert parsed == Counter({first.name: 1, BROKEN: 1}), "only the two changed files, once each"
    _same(got, store.load_all(folder))
    assert got[0].brief.headline.startswith("Edited by hand")
    # and the cache file has the edit: the next plain read takes it from there
    parsed.clear()
    again = loader.load_all(folder, cache)
    assert parsed == Counter({BROKEN: 1})  # broken files are never cached
    assert again[0].brief.headline.startswith("Edited by hand")


def test_nothing_is_handed_over_outside_the_block(folder, parsed):
    facts = loader.load(folder)
    with loader.handover(facts):
        pass
    parsed.clear()
    loader.load_all(folder)
    assert sum(parsed.values()) == len(list(folder.glob("*.yaml")))
    assert loader._handed == {}


def test_another_folder_gets_nothing(folder, tmp_path, parsed):
    other = tmp_path / "other"
    shutil.copytree(folder, other)
    facts = loader.load(folder)
    parsed.clear()
    with loader.handover(facts):
        got = loader.load_all(other)
    assert sum(parsed.values()) == len(list(other.glob("*.yaml")))
    _same(got, store.load_all(other))


def test_parse_is_of_the_bytes_hashed(folder, tmp_path, monkeypatch):
    """The cache entry of a file is made from the very bytes whose hash keys it,
    even when the file changes between the hash and the parse."""
    cache = tmp_path / loader.CACHE_NAME
    target = sorted(p for p in folder.glob("*.yaml") if p.name != BROKEN)[0]
    real = store.load

    def racing(path, *args):
        if path == target:  # a person saves the file just after the loader read it
            _edit_headline(target, "Too late")
        return real(path, *args)

    monkeypatch.setattr(store, "load", racing)
    got = loader.load_all(folder, cache)
    assert not got[0].brief.headline.startswith("Too late"), "the result is of the bytes read"
    monkeypatch.setattr(store, "load", real)
    assert loader.load_all(folder, cache)[0].brief.headline.startswith("Too late"), "not a stale cache entry"
