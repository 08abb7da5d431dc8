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


def test_tag_pages_are_own_tags_orgs_link_to_their_entity_page():
    a = brief("a", "2025-01-01", [("BMW", "org", []), ("M9", "product", [])], tags=["EV"])
    b = brief("b", "2025-01-02", [("BMW", "org", [])])
    site = Site([a, b], Layout())
    assert site.brief_tag_names(a) == ["EV", "BMW"]  # feed categories, chips under the summary
    assert sorted(site.tags) == ["ev"]  # only the tags people wrote get a tag page
    assert site.tag_link(a, "EV") == ("EV", "tags/ev.md")
    assert site.tag_link(a, "BMW") == ("BMW", "entities/bmw.md")


def test_an_entity_named_once_with_nothing_of_its_own_has_no_page():
    a = brief("a", "2025-01-01", [("BMW", "org", []), ("M9", "product", []), ("Seres", "org", []),
                                  ("Zhang", "person", []), ("Xiaomi", "org", []), ("M5", "product", []),
                                  ("Aito", "brand", [])],
              metrics=[("Seres", 1, "2024"), ("M5", 2, "2024")], quotes=[("Zhang", "hi")])
    b = brief("b", "2025-01-02", [("BMW", "org", []), ("M7", "product", [])])
    c = brief("c", "2025-01-03", [("M7", "product", [])])
    site = Site([a, b, c], Layout())
    pages = {s: g.has_page for s, g in site.entities.items()}
    # only a product named once, with no figure or quote, goes without a page
    assert pages == {"aito": True, "bmw": True, "m5": True, "m7": True, "m9": False, "seres": True, "xiaomi": True,
                     "zhang": True}
    assert site.tag_link(a, "M9") == ("M9", "")  # no chip linking back to the brief itself


def test_an_own_tag_named_like_an_org_keeps_its_tag_page():
    a = brief("a", "2025-01-01", [("BMW", "org", [])], tags=["BMW"])
    site = Site([a], Layout())
    assert sorted(site.tags) == ["bmw"]
    assert site.tag_link(a, "BMW") == ("BMW", "tags/bmw.md")


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


def _with_roles(id, published, people, quotes=()):
    """A brief naming ``people`` [(name, role)], quoting ``quotes`` [(speaker, role or None)]."""
    return Brief.model_validate({
        "schema": 1, "id": id, "source": {"published": published, "title": id},
        "entities": [{"id": f"e{i}", "name": n, "type": "person", "aliases": [], "role": r}
                     for i, (n, r) in enumerate(people)],
        "quotes": [{"id": f"q{i}", "speaker": s, "role": r, "text": f"said {i}", "evidence": f"said {i}"}
                   for i, (s, r) in enumerate(quotes)],
        "provenance": {"seed": "s", "seed_sha256": "0" * 64, "extractor_version": "t"},
    })


def test_a_brief_shows_the_roles_it_gives_not_those_of_other_briefs():
    from generator.render.pages import brief_view, entity_view

    a = _with_roles("a", "2025-01-01", [("Richard Yu", "chairman of Huawei's car unit")], [("Richard Yu", None)])
    b = _with_roles("b", "2025-02-01", [("Richard Yu", "director at Seres")])
    site = Site([a, b], Layout())
    view = brief_view(site, a, None, charts=False)
    people = [m for g in view["entity_groups"] if g["type"] == "person" for m in g["members"]]
    assert [(m["name"], m["role"]) for m in people] == [("Richard Yu", "chairman of Huawei's car unit")]
    assert [e["role"] for e in view["entities"]] == ["chairman of Huawei's car unit"]
    # a quote without a role of its own takes the role this brief gives its speaker
    assert [q["role"] for q in view["quotes"]] == ["chairman of Huawei's car unit"]
    assert brief_view(site, b, None, charts=False)["entities"][0]["role"] == "director at Seres"
    # the entity page gathers every role
    assert entity_view(site, "richard-yu", None, charts=False)["roles"] == ["chairman of Huawei's car unit", "director at Seres"]


def test_lead_entities_are_names_found_as_whole_words_in_any_case():
    from generator.render.pages import _named_in

    assert _named_in("Seres's sales beat BMW", ["Seres"]) and _named_in("the AITO brand", ["Aito"])
    assert not _named_in("Sereson and BMWs", ["Seres", "BMW"])  # inside a longer word
    assert not _named_in("bmw_x", ["BMW"])  # "_" is a word character, as in a regex \w
    assert _named_in("Huawei (HQ) said", ["(HQ)"]) and not _named_in("anything", ["", None])
