"""generator/charts.py: which figures make a chart, the spec, the SVG and its cache."""
import json
from types import SimpleNamespace as NS

from generator import charts


def m(subject, value, metric="deliveries", unit="vehicles", period="2025-01/2025-02", high=None, id=None):
    return NS(id=id or subject.lower(), subject=subject, metric=metric, value=value, value_high=high, unit=unit,
              period=period, approximate=False)


def test_groups_need_two_comparable_point_figures():
    ms = [m("Mercedes", 22160), m("BMW", 18130), m("Aito", 17190), m("M9", 509800, "price", "CNY"),
          m("X", 1, high=2), m("Y", 3, metric="")]
    got = charts.comparable_groups(ms)
    assert [(c.id, [p.label for p in c.points]) for c in got] == [
        ("chart-deliveries-vehicles", ["Mercedes", "BMW", "Aito"])]
    assert got[0].title == "Deliveries (vehicles), Jan–Feb 2025"


def test_labels_carry_periods_when_they_differ():
    got = charts.comparable_groups([m("Seres", 250000, "sales", period="2023"), m("Seres", 427000, "sales", period="2024")])
    assert [p.label for p in got[0].points] == ["Seres (2023)", "Seres (2024)"]


def test_series_one_value_per_period_sorted():
    rows = [m("Seres", 427000, "sales", period="2024"), m("Seres", 250000, "sales", period="2023"),
            m("Seres", 1, "sales", period="2024")]  # an older report of 2024: the newest (first) wins
    got = charts.series_groups(rows)
    assert [(p.label, p.value) for p in got[0].points] == [("2023", 250000), ("2024", 427000)]
    assert got[0].kind == "line"


def test_spec_and_svg_cached_by_hash(tmp_path):
    c = charts.comparable_groups([m("Mercedes", 22160), m("BMW", 18130)])
    r = charts.SvgRenderer(tmp_path)
    charts.render(c, r)
    spec = c[0].spec
    assert "$schema" not in spec and spec["data"]["values"][0] == {"label": "Mercedes", "value": 22160, "display": "22,160 vehicles"}
    assert c[0].svg.startswith("<svg") and "currentColor" in c[0].svg and charts.TEXT_SENTINEL not in c[0].svg
    assert list(tmp_path.glob("*.svg")) == [tmp_path / f"{charts.spec_hash(spec)}.svg"]
    r2 = charts.SvgRenderer(tmp_path)
    charts.render(charts.comparable_groups([m("Mercedes", 22160), m("BMW", 18130)]), r2)
    assert (r.rendered, r2.rendered, r2.cached) == (1, 0, 1)


def test_hostile_labels_stay_text():
    c = charts.comparable_groups([m("<script>alert(1)</script>", 1), m("<img src=x onerror=alert(2)>", 2)])
    charts.render(c, charts.SvgRenderer(None))
    assert "<script" not in c[0].svg and "<img" not in c[0].svg
    assert "&lt;script&gt;" in c[0].svg


def test_active_svg_is_refused():
    import pytest

    for bad in ('<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>',
                '<svg xmlns="http://www.w3.org/2000/svg" onload="x"/>',
                '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:x"/></svg>'):
        with pytest.raises(charts.UnsafeSvg):
            charts._postprocess(bad)


def test_counts_of_one_measure_and_period_compare_across_nouns():
    got = charts.comparable_groups([m("Mercedes", 22160), m("BMW", 18130), m("Aito", 17190, unit="units")])
    assert len(got) == 1 and [p.label for p in got[0].points] == ["Mercedes", "BMW", "Aito"]
    assert got[0].unit == "vehicles"  # the most common noun names the axis
    assert [p.display for p in got[0].points][-1] == "17,190 units"  # each figure keeps its own noun
    # different periods: nouns must match
    assert charts.comparable_groups([m("A", 1, period="2024"), m("B", 2, unit="units", period="2023")]) == []


def test_figures_without_a_measure_compare_only_as_counts_of_one_period():
    no_measure = [m("Mercedes", 22160, metric="vehicles"), m("BMW", 18130, metric="vehicles"),
                  m("Aito", 17190, metric="units", unit="units")]
    got = charts.comparable_groups(no_measure)
    assert [(c.id, c.title, len(c.points)) for c in got] == [("chart-vehicles", "Vehicles, Jan–Feb 2025", 3)]
    # two different things counted: not one chart
    assert charts.comparable_groups([m("A", 1, metric="", unit="employees"), m("B", 2, metric="", unit="stores")]) == []
    # money, percentages and multiples without a measure are never charted together
    for unit in ("CNY", "%", "x"):
        assert charts.comparable_groups([m("A", 1, metric="", unit=unit), m("B", 2, metric="", unit=unit)]) == []


def test_currencies_and_percent_never_mix_with_counts():
    got = charts.comparable_groups([m("A", 1, metric="sales", unit="CNY"), m("B", 2, metric="sales", unit="USD"),
                                    m("C", 3, metric="sales", unit="%"), m("D", 4, metric="sales")])
    assert got == []


def test_briefs_js_carries_the_config_the_page_specs_leave_out():
    import json
    import re
    from pathlib import Path

    js = (Path(charts.__file__).parent / "render" / "assets" / "briefs.js").read_text(encoding="utf-8")
    m = re.search(r"/\*config\*/(.*?)/\*end\*/", js, re.S)
    assert m and json.loads(m.group(1)) == charts._config()
    c = charts.comparable_groups([m_ for m_ in (NS(id="a", subject="A", metric="d", value=1, value_high=None, unit="u",
                                                   period="2024", approximate=False),
                                                NS(id="b", subject="B", metric="d", value=2, value_high=None, unit="u",
                                                   period="2024", approximate=False))])
    charts.render(c, None)
    assert "config" in c[0].spec and "config" not in c[0].page_spec


def test_prefetch_draws_missing_charts_in_worker_processes_identically(tmp_path, monkeypatch):
    groups = [charts.comparable_groups([m("Mercedes", 22160 + i), m("BMW", 18130)])[0] for i in range(3)]
    specs = [charts.build_spec(c) for c in groups]
    serial = charts.SvgRenderer(None)
    expected = [serial.svg(s) for s in specs]
    monkeypatch.setattr(charts.SvgRenderer, "PARALLEL_MIN", 2)
    r = charts.SvgRenderer(tmp_path / "cache")
    assert r.prefetch(specs + specs[:1], jobs=2) == 3  # each distinct spec once
    assert sorted(p.name for p in (tmp_path / "cache").glob("*.svg")) == sorted(f"{charts.spec_hash(s)}.svg" for s in specs)
    monkeypatch.setattr(charts.SvgRenderer, "_convert", lambda self, spec: (_ for _ in ()).throw(AssertionError("drawn twice")))
    assert [r.svg(s) for s in specs] == expected  # byte-identical to the in-process rendering
    assert r.rendered == 3
    # cached or few: nothing to start a pool for
    assert charts.SvgRenderer(tmp_path / "cache").prefetch(specs, jobs=2) == 0
    monkeypatch.setattr(charts.SvgRenderer, "PARALLEL_MIN", 24)
    assert charts.SvgRenderer(None).prefetch(specs, jobs=2) == 0


def test_chart_templates_are_kept_in_the_cache_folder(tmp_path, monkeypatch):
    """Altair makes each chart shape once; with a cache folder the shapes are
    kept there, and the next build reads them instead of importing Altair."""
    monkeypatch.setattr(charts, "_TEMPLATE_CACHE", None)
    charts._template.cache_clear()
    fresh = charts._template("bar", True)
    charts.SvgRenderer(tmp_path)  # points the templates at its cache folder
    try:
        assert charts._template("bar", True) == fresh
        kept = charts._template_file(tmp_path)
        assert kept.parent == tmp_path and "altair" in kept.name and kept.is_file()
        # what is kept is what is used (a marker proves the file was read, not Altair run)
        kept.write_text(json.dumps({"bar-labels": '{"marker": 1}'}), encoding="utf-8")
        charts._template.cache_clear()
        assert charts._template("bar", True) == '{"marker": 1}'
        assert charts._template("line", False) == charts._make_template("line", False)  # missing: made, added
        assert set(json.loads(kept.read_text(encoding="utf-8"))) == {"bar-labels", "line-plain"}
    finally:
        charts._TEMPLATE_CACHE = None
        charts._template.cache_clear()


_DRAW = """
import json, sys
from generator import charts
c = charts.Chart("chart-revenue-usd", "bar", "Revenue (USD), Q1 2021", "revenue", "USD", [
    charts.Point("Marisco Shipping Corp.", 11e9, "USD 11,000,000,000"), charts.Point("Thorne", 792e6, "USD 792,000,000")])
print(charts.SvgRenderer(None).svg(charts.build_spec(c)))
"""


def test_a_chart_is_the_same_whatever_fonts_the_machine_has(tmp_path):
    """vl-convert measures labels with the fonts it finds: with this machine's
    fonts, this chart came out a pixel wider than on a machine without any.
    The renderer measures with vl-convert's own font everywhere."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    none = tmp_path / "no-fonts.conf"
    none.write_text(f'<?xml version="1.0"?><fontconfig><dir>{tmp_path / "empty"}</dir></fontconfig>')
    root = Path(charts.__file__).resolve().parent.parent

    def draw(**env):
        out = subprocess.run([sys.executable, "-c", _DRAW], capture_output=True, text=True, cwd=root, check=True,
                             env={**os.environ, "PYTHONPATH": str(root), **env})
        return out.stdout

    here = draw()
    assert 'width="' in here and here == draw(FONTCONFIG_FILE=str(none))
    assert os.environ.get("FONTCONFIG_FILE") != str(charts.MEASURE_FONTS)  # set for vl-convert's start only


def test_value_axis_ticks_read_as_figures(tmp_path):
    """Billions tick as "B" (not Vega's "G" of giga), and a half is "0.5", not "500m"."""
    import re

    def ticks(kind, values, unit):
        c = charts.Chart("c", kind, "T", "m", unit, [charts.Point(f"P{i}", v, "") for i, v in enumerate(values)])
        return re.findall(r">([^<>]*)</text>", charts.SvgRenderer(tmp_path).svg(charts.build_spec(c)))

    money = ticks("bar", [11e9, 7.9e9], "USD")
    assert "10B" in money and not any(t.endswith("G") for t in money)
    small = ticks("line", [0.5, 1.25, 0.75], "%")
    numbers = [float(t) for t in small if re.fullmatch(r"-?\d+(\.\d+)?", t)]
    assert len(numbers) >= 3 and max(numbers) <= 1.5 and any(0 < n < 1 for n in numbers), small
    assert not any(t.endswith("m") for t in small)
    assert "20k" in ticks("bar", [22160, 18130], "vehicles")


def test_ensure_draws_what_is_missing_but_holds_none_of_it(tmp_path):
    """Before the page workers fork, every chart is drawn into the cache folder;
    the SVGs are not held in memory (each page reads its own), and after that
    nothing is drawn any more: a chart gone from the cache is an error, never a
    vl-convert start in a forked process."""
    import pytest

    specs = [charts.build_spec(charts.Chart(f"c{i}", "bar", f"T{i}", "m", "vehicles",
                                            [charts.Point("A", i + 1, ""), charts.Point("B", i + 2, "")]))
             for i in range(3)]
    first = charts.SvgRenderer(tmp_path)
    first.svg(specs[0])  # one of them drawn by an earlier build
    r = charts.SvgRenderer(tmp_path)
    r.ensure(specs + specs[:1])
    assert (r.rendered, r.cached, r._memo) == (2, 1, {})
    assert len(list(tmp_path.glob("*.svg"))) == 3
    assert r.svg(specs[1]).startswith("<svg") and r.rendered == 2
    (tmp_path / f"{charts.spec_hash(specs[2])}.svg").unlink()
    with pytest.raises(RuntimeError, match="not in"):
        r.svg(specs[2])
    assert r.rendered == 2


def test_a_chart_drawn_where_the_cache_cannot_be_written_is_still_shown(tmp_path, monkeypatch):
    """A read-only or full cache folder only costs time: the SVG drawn is kept
    in memory for the pages instead."""
    from generator import atomic

    monkeypatch.setattr(atomic, "write_cache", lambda path, text, what: False)
    spec = charts.build_spec(charts.Chart("c", "bar", "T", "m", "vehicles",
                                          [charts.Point("A", 1, ""), charts.Point("B", 2, "")]))
    r = charts.SvgRenderer(tmp_path)
    r.ensure([spec])
    assert r.svg(spec).startswith("<svg") and r.rendered == 1
