"""Fact files: stable ids, validation errors, and human edits that survive re-extraction."""
from __future__ import annotations

import pytest
import yaml

from generator.facts import store
from generator.facts.ids import brief_id, slugify
from generator.facts.schema import FactFileError
from generator.models import Entity, Extraction, Metric, Quote, Source


def _extraction(value=120.0, quote="We will keep building."):
    return Extraction(
        source=Source(title="Acme overtakes Globex", published="2025-05-19", authors=["Ann Lee"]),
        body="Acme Corp. sold 1,200 widgets last year, far more than anyone expected of it.",
        entities=[Entity("Acme Corp.", "org", ["Acme"])],
        metrics=[
            Metric("Acme", "sales", value, "%", "Acme sales rose 120%.", period="2024"),
            Metric("Acme", "widgets sold", 1200, "widgets", "Acme Corp. sold 1,200 widgets.", period="2024"),
        ],
        quotes=[Quote("Ann Lee", quote, f"“{quote}” Lee said.", role="chief executive")],
    )


def _brief(ex, id="2025-05-19-acme-overtakes-globex"):
    return store.from_extraction(ex, id=id, seed="seeds/a.txt", seed_sha256="a" * 64, extractor_version="t")


def test_brief_id_is_date_and_title_slug_and_never_a_path():
    assert brief_id("2025-05-19", "Acme overtakes Globex!", "x") == "2025-05-19-acme-overtakes-globex"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("CON") == "con-x"
    assert brief_id(None, None, "abcdef") == "abcdef"


def test_fact_anchors_are_readable_and_unique():
    b = _brief(_extraction())
    ids = [m.id for m in b.metrics] + [q.id for q in b.quotes]
    assert ids[0] == "acme-sales-2024"
    assert len(set(ids)) == len(ids)


def test_save_load_round_trip(tmp_path):
    b = _brief(_extraction())
    path = store.save(b, tmp_path)
    assert path.name == f"{b.id}.yaml"
    again = store.load(path)
    assert again == b
    assert not any(m.edited for m in again.metrics)


def test_human_edit_survives_reextraction(tmp_path):
    b = _brief(_extraction())
    path = store.save(b, tmp_path)
    data = yaml.safe_load(path.read_text())
    data["metrics"][0]["value"] = 125  # a person corrects a figure
    data["metrics"][1]["suppressed"] = True  # and hides another
    data["headline"] = "Acme is now first"
    data["quotes"].append({"id": "my-quote", "speaker": "Bo", "text": "Added by hand", "evidence": "x"})
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    edited = store.load(path)

    merged = store.merge(edited, _brief(_extraction(quote="We will keep shipping.")))
    assert [m.value for m in merged.metrics] == [125, 1200]
    assert merged.metrics[1].suppressed
    assert merged.headline == "Acme is now first"
    assert {q.text for q in merged.quotes} == {"We will keep shipping.", "Added by hand"}
    # the corrected figure keeps its anchor, and the machine's version does not come back
    assert merged.metrics[0].id == "acme-sales-2024"
    assert len(merged.metrics) == 2


def test_unedited_facts_follow_the_new_extraction():
    old = _brief(_extraction())
    merged = store.merge(old, _brief(_extraction(value=130.0)))
    assert merged.metrics[0].value == 130
    assert merged.metrics[0].id == old.metrics[0].id


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.update(bogus=1), "bogus: unknown key"),
        (lambda d: d["metrics"][0].update(value="lots"), "metrics.0.value"),
        (lambda d: d["metrics"][0].update(period="last year"), "ISO 8601"),
        (lambda d: d["source"].update(url="javascript:alert(1)"), "source.url"),
        (lambda d: d.update(id="../../etc/passwd"), "id"),
    ],
)
def test_invalid_fact_file_gives_one_line_error_naming_file(tmp_path, change, message):
    path = store.save(_brief(_extraction()), tmp_path)
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data))
    with pytest.raises(FactFileError) as err:
        store.load(path)
    text = str(err.value)
    assert str(path) in text and message in text and "\n" not in text


def test_broken_yaml_is_reported_not_raised(tmp_path):
    (tmp_path / "bad.yaml").write_text("id: [unclosed\n")
    store.save(_brief(_extraction()), tmp_path)
    loaded = store.load_all(tmp_path)
    assert [l.brief is not None for l in loaded] == [True, False]
    assert "bad.yaml: not valid YAML" in loaded[1].error


@pytest.mark.parametrize("text", [
    "plain words", "yes", "null", "1e5", "0x1F", "2024-01-01", "- a dash", "# not a comment", "a: colon",
    "  leading and trailing  ", "tab\tinside", "two\nlines", "  indented\n  block\n", "ends with newline\n",
    "windows\r\nline", "old mac\rline", "next line\x85here", "line\u2028separator", "para\u2029separator",
    "bell\x07and\x1bescape", "\ufeffbom", "emoji 🚗 and 中文", "'single' \"double\" `back`",
    "word " * 60, "{not: a map}", "[not, a list]", "~", "", "trailing newlines\n\n\n", "\n\nleading newlines",
])
@pytest.mark.parametrize("emitter", ["libyaml", "python"])
def test_loaded_form_is_what_the_file_parses_to(tmp_path, monkeypatch, text, emitter):
    """The sync skips parsing the YAML it just wrote (``loaded_form``); the
    brief it hands to the site must still be exactly what loading the file
    gives, whatever characters the article had, with libyaml or without it
    (PyYAML's own emitter writes a NEL raw in a block, and reads it back as a
    line feed)."""
    if emitter == "python":
        class PyDumper(yaml.SafeDumper):
            pass

        PyDumper.add_representer(str, store._str_presenter)
        monkeypatch.setattr(store, "_Dumper", PyDumper)
    ex = _extraction(quote=text or "x")
    ex.source.title = f"Acme {text}"
    ex.metrics[0].evidence = text or "x"
    b = _brief(ex)
    path = store.save(b, tmp_path)
    written = path.read_text(encoding="utf-8")
    assert store.loaded_form(b, written, path) == store.load(path)


def test_week_periods_are_valid_and_read_as_words(tmp_path):
    """"Last week" resolves to an ISO week (2007-W07): the fact file takes it
    (it used to fail validation, and the whole seed was skipped)."""
    from generator.render import fmt

    ex = _extraction()
    ex.metrics[0].period = "2007-W07"
    path = store.save(_brief(ex), tmp_path)
    assert store.load(path).metrics[0].period == "2007-W07"
    assert fmt.period("2007-W07") == "week 7 of 2007"
    for bad in ("2007-W00", "2007-W54", "2007-W07/2007-08"):
        ex.metrics[0].period = bad
        with pytest.raises(Exception, match="ISO 8601 period"):
            _brief(ex)
