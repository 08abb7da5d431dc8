"""generator/render/site.py: grouping entities and tags across briefs, URLs."""
from types import SimpleNamespace as NS

from generator.facts.schema import Brief
from generator.render.site import Layout, Site, newest_first


def brief(id, published, entities=(), metrics=(), quotes=(), tags=()):
    return Brief.model_validate({
        "schema": 1, "id": id, "tags": list(tags), "source": {"published": published, "title": id},
        "entities": [{"id": f"e{i}", "name": n, "type": t, "aliases": list(a)} for i, (n, t, a) in enumerate(entities)],
        "metrics": [{"id": f"m{i}", "subject": s, "metric": "sales", "value": v, "unit": "vehicles",
                     "period": p, "evidence": "e"} for i, (s, v, p) in enumerate(metrics)],
        "quotes": [{"id": f"q{i}", "speaker": s, "text": t, "evidence": t} for i, (s, t) in enumerate(quotes)],
        "provenance": {"seed": "s", "seed_sha256": "0" * 64, "extractor_version": "t"},
    })


def test_names_group_case_folded_and_by_alias():
    a = brief("a", "2025-01-02", [("Huawei Technologies Co.", "org", ["Huawei"]), ("Richard Yu", "person", ["Yu"])])
    b = brief("b", "2025-01-03", [("HUAWEI", "org", []), ("Yu", "org", [])])
    site = Site([a, b], Layout())
    huawei = [g for g in site.entities.values() if g.name.startswith("Huawei")]
    assert len(huawei) == 1 and huawei[0].brief_ids == ["b", "a"]  # newest first
    # "Yu" the org does not join Richard Yu the person
    assert {g.slug for g in site.entities.values()} == {"huawei-technologies-co", "richard-yu", "yu"}


def test_metrics_and_quotes_reach_their_entity():
    a = brief("a", "2024-01-01", [("Seres", "org", [])], metrics=[("Seres", 250000, "2023")])
    b = brief("b", "2025-01-01", [("Seres Group Co.", "org", ["Seres"]), ("Zhang Xinghai", "person", ["Zhang"])],
              metrics=[("Seres", 427000, "2024")], quotes=[("Zhang", "hello")])
    site = Site([a, b], Layout())
    seres = site.entities["seres"] if "seres" in site.entities else site.entities["seres-group-co"]
    assert [m.value for _, m in seres.metrics] == [427000, 250000]
    assert [q.text for _, q in site.entities["zhang-xinghai"].quotes] == ["hello"]


def test_places_get_no_page_and_index_is_reserved():
    a = brief("a", "2025-01-01", [("China", "place", []), ("Index", "org", [])])
    site = Site([a], Layout())
    assert list(site.entities) == ["index-2"]


def test_tags_are_own_tags_plus_orgs():
    a = brief("a", "2025-01-01", [("BMW", "org", []), ("M9", "product", [])], tags=["EV"])
    site = Site([a], Layout())
    assert site.brief_tag_names(a) == ["EV", "BMW"]
    assert sorted(site.tags) == ["bmw", "ev"]


def test_newest_first_is_deterministic():
    bs = [NS(id="c", source=NS(published=None)), NS(id="b", source=NS(published="2025-01-01")),
          NS(id="a", source=NS(published="2025-01-01")), NS(id="d", source=NS(published="2025-02-01"))]
    assert [b.id for b in newest_first(bs)] == ["d", "a", "b", "c"]


def test_relative_urls():
    L = Layout()
    assert L.rel("entities/x.md", "briefs/a.md") == "../../entities/x/"
    assert L.rel("briefs/a/facts.json", "briefs/a.md") == "facts.json"
    assert L.rel("index.md", "briefs/a.md") == "../../"
    assert L.rel("briefs/a.md", "index.md", "f") == "briefs/a/#f"
    flat = Layout(use_directory_urls=False)
    assert flat.rel("entities/x.md", "briefs/a.md") == "../entities/x.html"
    assert flat.rel("briefs/a/facts.json", "briefs/a.md") == "a/facts.json"
