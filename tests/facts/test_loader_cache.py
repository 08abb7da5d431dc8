"""generator/facts/loader.py: the parse cache of the fact files (shared by the sync and the plugin)."""
import shutil
from pathlib import Path

from generator.facts import store
from generator.facts import loader

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "briefs"


def _same(a, b):
    assert [(x.path.name, x.brief, x.error) for x in a] == [(y.path.name, y.brief, y.error) for y in b]


def test_cached_load_equals_store_load(tmp_path):
    folder = tmp_path / "briefs"
    shutil.copytree(FIXTURES, folder)
    (folder / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    cache = tmp_path / "cache" / "site-facts.json"
    expected = store.load_all(folder)
    assert any(x.error for x in expected) and any(x.brief for x in expected)
    _same(loader.load_all(folder, cache), expected)  # cold: parses and fills the cache
    assert cache.is_file()
    _same(loader.load_all(folder, cache), expected)  # warm: from the cache
    _same(loader.load_all(folder, None), expected)


def test_a_changed_file_is_parsed_again(tmp_path, monkeypatch):
    folder = tmp_path / "briefs"
    shutil.copytree(FIXTURES, folder)
    cache = tmp_path / "site-facts.json"
    loader.load_all(folder, cache)
    first = sorted(folder.glob("*.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace("headline:", "headline: Edited", 1)
                     if "headline: " not in first.read_text(encoding="utf-8")
                     else first.read_text(encoding="utf-8").replace("headline: ", "headline: Edited ", 1),
                     encoding="utf-8")
    parsed = []
    real = store.load
    monkeypatch.setattr(store, "load", lambda p, *a: parsed.append(p.name) or real(p, *a))
    got = loader.load_all(folder, cache)
    assert parsed == [first.name]  # only the edited file
    _same(got, store.load_all(folder))
    assert got[0].brief.headline.startswith("Edited")


def test_a_bad_or_foreign_cache_file_is_ignored(tmp_path):
    cache = tmp_path / "site-facts.json"
    cache.write_text("not json", encoding="utf-8")
    _same(loader.load_all(FIXTURES, cache), store.load_all(FIXTURES))
    cache.write_text('{"version": "other", "entries": {"x.yaml": ["0", "{}"]}}', encoding="utf-8")
    _same(loader.load_all(FIXTURES, cache), store.load_all(FIXTURES))
