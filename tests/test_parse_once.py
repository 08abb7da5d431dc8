"""`briefs build` reads each fact file at most once per build.

The sync reads the fact files through ``generator.facts.loader`` (parse cache
in .briefs-cache/site-facts.json) and hands what it read to the MkDocs plugin,
which runs in the same process: the plugin takes a file from the hand-over only
when its bytes are still those the sync read. Every build here runs in-process
(``generator.cli.main``) so that ``store.load``, the one YAML parse (or
``store.loaded_form`` for a file the sync has just written), can be counted
across the sync and the site.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from generator.facts import loader, store
from tests.test_pipeline import article, brief_of, make_project, needs_site, tree_bytes

pytestmark = [pytest.mark.slow, needs_site]

BROKEN = "2025-01-01-broken.yaml"


@pytest.fixture
def parsed(monkeypatch) -> Counter:
    """Fact file name -> how many times it was parsed and validated (sync and
    plugin alike): by ``store.load``, or, for a file the sync has just written,
    by ``store.loaded_form`` (validated from what was dumped, no YAML parse)."""
    counts: Counter = Counter()
    real_load, real_formed = store.load, store.loaded_form

    def counting(path, *args):
        counts[Path(path).name] += 1
        return real_load(path, *args)

    def counting_formed(brief, text, path):
        counts[Path(path).name] += 1
        with monkeypatch.context() as m:  # its own fallback to load is the same parse
            m.setattr(store, "load", real_load)
            return real_formed(brief, text, path)

    monkeypatch.setattr(store, "load", counting)
    monkeypatch.setattr(store, "loaded_form", counting_formed)
    return counts


@pytest.fixture
def from_json(monkeypatch) -> list:
    """One item per brief validated from the parse cache's JSON (no YAML parse)."""
    calls: list = []
    real = loader.Brief.model_validate_json

    def counting(cls, data, *args, **kwargs):
        calls.append(1)
        return real(data, *args, **kwargs)

    monkeypatch.setattr(loader.Brief, "model_validate_json", classmethod(counting))
    return calls


@pytest.fixture
def root(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("BRIEFS_DEBUG", "1")  # a bug raises instead of a one-line message
    return make_project(tmp_path / "proj", {f"{i:02d}-article.txt": article(i) for i in range(3)})


def build(root: Path, *args: str) -> dict:
    from generator import cli

    rc = cli.main(["build", "--root", str(root), *args])
    report = json.loads((root / ".briefs-cache" / "build-report.json").read_text(encoding="utf-8"))
    assert rc == 0, report
    assert loader._handed == {}, "the hand-over ends with the build"
    return report


def page_of(root: Path, seed: str) -> str:
    path, _ = brief_of(root, seed)
    return (root / "site" / "briefs" / path.stem / "index.html").read_text(encoding="utf-8")


def edit_headline(path: Path, headline: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    i = next(i for i, l in enumerate(lines) if l.startswith("headline:"))
    lines[i] = f"headline: {headline}\n"
    path.write_text("".join(lines), encoding="utf-8")


def test_each_fact_file_is_parsed_at_most_once_and_a_rebuild_parses_none(root, parsed, from_json):
    build(root)  # clean: the sync writes every fact file, the plugin parses each one once
    names = sorted(p.name for p in (root / "briefs").glob("*.yaml"))
    assert len(names) == 3 and parsed == Counter({n: 1 for n in names})
    site, briefs = tree_bytes(root / "site"), tree_bytes(root / "briefs")

    parsed.clear()
    from_json.clear()
    build(root)  # nothing changed: the sync takes the cache, the plugin the sync's briefs
    assert parsed == Counter(), "a rebuild with nothing changed parses no YAML"
    assert len(from_json) == 3, "each brief validated once, by the sync: the plugin gets the sync's"
    assert tree_bytes(root / "site") == site, "same site"
    assert tree_bytes(root / "briefs") == briefs

    (root / "seeds" / "03-article.txt").write_text(article(3), encoding="utf-8")
    parsed.clear()
    build(root)  # one new seed: only its new fact file is parsed, once
    new = sorted({p.name for p in (root / "briefs").glob("*.yaml")} - set(names))
    assert len(new) == 1 and parsed == Counter({new[0]: 1})


def test_a_fact_file_edited_between_the_sync_and_the_site_is_read_again(root, parsed, monkeypatch):
    from generator import publish

    build(root)
    path, _ = brief_of(root, "01-article.txt")
    real = publish.build_site

    def edit_then_build(*args, **kwargs):  # a person saves the file while the sync is done
        edit_headline(path, "Edited after the sync")
        return real(*args, **kwargs)

    monkeypatch.setattr(publish, "build_site", edit_then_build)
    parsed.clear()
    build(root)
    assert parsed == Counter({path.name: 1}), "only the edited file is read again, once"
    assert "Edited after the sync" in page_of(root, "01-article.txt"), "no stale data on the site"
    assert "Edited after the sync" not in page_of(root, "02-article.txt")

    monkeypatch.setattr(publish, "build_site", real)
    parsed.clear()
    build(root)  # the next build keeps the person's headline, from the cache
    assert parsed == Counter()
    assert "Edited after the sync" in path.read_text(encoding="utf-8")
    assert "Edited after the sync" in page_of(root, "01-article.txt")


def test_a_fact_file_edited_between_builds_is_picked_up(root, parsed):
    build(root)
    path, _ = brief_of(root, "02-article.txt")
    edit_headline(path, "Edited between builds")
    parsed.clear()
    report = build(root)
    assert parsed == Counter({path.name: 1}), "the sync parses the edited file; the plugin takes it from the sync"
    assert report["written"] == [], "the person's edit is kept as it is"
    assert "Edited between builds" in path.read_text(encoding="utf-8")
    assert "Edited between builds" in page_of(root, "02-article.txt")


def test_a_broken_fact_file_is_reported_once_naming_the_file(root, parsed, tmp_path):
    from generator import publish

    build(root)
    (root / "briefs" / BROKEN).write_text("id: 2025-01-01-broken\nheadline: [unclosed\n", encoding="utf-8")
    for _ in range(2):  # never cached: reported on every build
        parsed.clear()
        report = build(root)
        assert parsed == Counter({BROKEN: 1}), "parsed once per build, by the sync; the plugin gets its error"
        skipped = [s for s in report["skipped"] if BROKEN in s["path"]]
        assert skipped == [{"path": f"briefs/{BROKEN}", "problem": skipped[0]["problem"]}]
        problem = skipped[0]["problem"]
        assert "\n" not in problem and problem.startswith("not valid YAML at line "), problem
        warned = [w for w in report["site_warnings"] if BROKEN in w]
        assert len(warned) == 1 and "\n" not in warned[0], report["site_warnings"]
        assert (root / "site" / "briefs").is_dir(), "the rest is published"

    # the plugin's warning is the one a plain `mkdocs build` (no hand-over) gives
    plain = publish.build_site(root / "mkdocs.yml", tmp_path / "plain-site")
    assert [w for w in plain.warnings if BROKEN in w] == warned


def test_no_brief_is_held_once_the_pages_are_made(root, monkeypatch):
    """The plugin makes every page in ``on_files``; MkDocs then holds every page
    object to the end of the build (the peak of a 10,000-brief build). By then
    neither the sync's report, nor the hand-over, nor the plugin holds a brief."""
    import gc

    from generator.facts.schema import Brief
    from generator.render import plugin

    alive: list[int] = []
    real = plugin.BriefsPlugin.on_page_context

    def probe(self, context, page, config, nav):
        if not alive:
            gc.unfreeze()  # frozen objects are out of gc.get_objects()'s sight
            gc.collect()
            alive.append(sum(isinstance(o, Brief) for o in gc.get_objects()))
        return real(self, context, page, config, nav)

    monkeypatch.setattr(plugin.BriefsPlugin, "on_page_context", plugin.event_priority(100)(probe))
    build(root)
    assert alive == [0]
