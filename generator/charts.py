"""Charts of comparable figures: Altair (Vega-Lite) specs, a static SVG rendered
at build time with vl-convert-python, and a text alternative.

* A brief gets one bar chart per group of comparable figures: same measure and
  unit (counts of one measure and period also when the counted noun differs),
  at least two point values (ranges are left to the table).
* An entity page gets one line chart per series: same measure and unit, at
  least two distinct periods.

The spec is embedded in the page as inert JSON and rendered in the browser by
vega-embed (``assets/briefs.js``); the SVG is the fallback when JavaScript is
off and what prints. Text and axis colours are a sentinel that becomes
``currentColor`` in the SVG (and the page's text colour in the browser), so a
chart reads in Material's light and dark (slate) schemes alike.

SVGs are cached under ``<cache_dir>/<sha256 of spec + renderer version>.svg``;
a rebuild of an unchanged site renders nothing.

vl-convert lays out every label to measure it, with each font it knows. It
reads the machine's font list once, at the first text it measures; given an
empty list (``assets/measure-fonts.conf``, through fontconfig's
``FONTCONFIG_FILE``, for that moment only) it measures with the Liberation Sans
built into it. The SVGs are then the same on every machine whatever fonts it
has (with this machine's 38 fonts, 5 charts in 328 were a pixel wider), and a
chart takes ~10 ms instead of ~20. The SVG still names ``sans-serif``: the
browser draws it with its own font.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator import atomic
from generator.render import fmt

log = logging.getLogger("mkdocs.plugins.briefs")

TEXT_SENTINEL = "#0a0b0c"  # replaced by currentColor / the page's text colour
GRID_SENTINEL = "#0d0e0f"
BAR_COLOR = "#5b8def"  # mid blue: contrast >= 3:1 on white and on Material's slate
RENDER_VERSION = "briefs-charts-3"  # bump when the spec, the fonts measured or post-processing change
WIDTH = 440


@dataclass(frozen=True)
class Point:
    label: str
    value: float
    display: str  # the value as the table prints it, e.g. "22,160 vehicles"
    fact_id: str | None = None


@dataclass
class Chart:
    id: str  # unique on its page, e.g. "chart-deliveries-vehicles"
    kind: str  # "bar" | "line"
    title: str
    measure: str
    unit: str
    points: list[Point]
    spec: dict = field(default_factory=dict)
    svg: str = ""  # SVG document (vl-convert output, checked by _postprocess)
    width: int = 0
    height: int = 0
    svg_uri: str = ""  # where the plugin publishes the SVG (docs-relative)
    svg_url: str = ""  # the same, relative to the page that shows the chart

    @property
    def svg_name(self) -> str:
        """File name of the static SVG, next to the page: ``<id>.svg``."""
        return f"{self.id}.svg"

    @property
    def page_spec(self) -> dict:
        """The spec as embedded in the page: without ``config``, which
        ``assets/briefs.js`` adds (the same for every chart)."""
        return {k: v for k, v in self.spec.items() if k != "config"}

    @property
    def alt(self) -> str:
        """Text alternative: the chart as a sentence listing every value."""
        kind = "Bar chart" if self.kind == "bar" else "Line chart"
        values = "; ".join(f"{p.label}: {p.display}" for p in self.points)
        return f"{kind} of {self.title}. {values}."


def _key(measure: str, unit: str) -> tuple[str, str]:
    return (fmt.one_line(measure).casefold(), unit)


def _chart_id(measure: str, unit: str, taken: set[str]) -> str:
    from generator.facts.ids import slugify, unique

    label = fmt.unit_label(unit)
    name = measure if label.casefold() in fmt.one_line(measure).casefold() else f"{measure} {label}"
    base = "chart-" + (slugify(name, 50) or "figures")
    return unique(base, taken)


def _title(measure: str, unit: str, periods: list[str | None]) -> str:
    measure, label = fmt.one_line(measure), fmt.unit_label(unit)
    title = f"{measure} ({label})" if label and label.casefold() not in measure.casefold() else measure
    distinct = sorted({p for p in periods if p})
    if len(distinct) == 1 and all(periods):
        title += f", {fmt.period(distinct[0])}"
    return title[:1].upper() + title[1:]


GENERIC_NOUNS = {"unit", "units", "item", "items", "piece", "pieces"}  # count nouns that name no thing


def _is_count(unit: str) -> bool:
    """A counted noun ("vehicles", "units"), not money, %, pp, × or no unit."""
    return bool(unit) and not fmt.is_currency(unit) and unit not in ("%", "pp", "x")


def _measure(m) -> str:
    """The figure's measure, or "" when it has none: no metric, or a metric that
    only repeats the counted noun ("vehicles" of 22,160 vehicles)."""
    name = fmt.one_line(m.metric)
    if not name or (_is_count(m.unit) and name.casefold() in ({m.unit.casefold()} | GENERIC_NOUNS)):
        return ""
    return name


def _noun(units: list[str]) -> str:
    """The axis noun of a group of counts: the most common, a specific one
    ("vehicles") before a generic one ("units"), then the first seen."""
    counts: dict[str, int] = {}
    for u in units:
        counts[u] = counts.get(u, 0) + 1
    return sorted(counts, key=lambda u: (u.casefold() in GENERIC_NOUNS, -counts[u], units.index(u)))[0]


def comparable_groups(metrics) -> list[Chart]:
    """Bar charts for one brief: each group of >= 2 comparable point figures,
    in the order the figures first appear. No spec/SVG yet.

    Comparable means the same measure and unit; counts of the same measure and
    period are comparable even when the counted noun differs ("22,160 vehicles",
    "17,190 units"; the axis takes the most common noun). Figures without a
    measure are comparable only as counts of one period and one kind of thing
    (a generic "units" goes with any noun). Money, %, pp and × never mix with
    anything else, nor do two currencies."""
    keyed: dict[tuple, list] = {}
    for m in metrics:
        if m.value_high is not None:  # ranges are left to the table
            continue
        measure = _measure(m)
        if measure:
            keyed.setdefault(("m", measure.casefold(), m.unit), []).append(m)
        elif _is_count(m.unit) and m.period:
            keyed.setdefault(("n", m.period), []).append(m)

    groups: list[list] = []
    merged: dict[tuple, list] = {}  # (measure, period) -> the group counts of it merge into
    for key, ms in keyed.items():
        if key[0] == "m":
            periods = {m.period for m in ms}
            if _is_count(key[2]) and len(periods) == 1 and None not in periods:
                target = merged.get((key[1], *periods))
                if target is not None:
                    target.extend(ms)
                    continue
                merged[(key[1], *periods)] = ms
            groups.append(ms)
        else:  # no measure: one group per specific noun; generic nouns join when there is only one
            specific = [u for u in dict.fromkeys(m.unit for m in ms) if u.casefold() not in GENERIC_NOUNS]
            if len(specific) <= 1:
                groups.append(ms)
            else:
                groups.extend([m for m in ms if m.unit == u] for u in specific)
    first = {id(m): i for i, m in enumerate(metrics)}
    groups.sort(key=lambda ms: min(first[id(m)] for m in ms))

    charts, taken = [], set()
    for ms in groups:
        if len(ms) < 2:
            continue
        ms = sorted(ms, key=lambda m: first[id(m)])
        unit = _noun([m.unit for m in ms]) if _is_count(ms[0].unit) else ms[0].unit
        measure = _measure(ms[0]) or unit
        periods = [m.period for m in ms]
        several_periods = len(set(periods)) > 1
        points = []
        for m in ms:
            label = fmt.one_line(m.subject)
            if several_periods and m.period:
                label += f" ({fmt.period(m.period)})"
            points.append(Point(label, m.value, fmt.value(m.value, m.unit, None, m.approximate), m.id))
        charts.append(Chart(_chart_id(measure, unit, taken), "bar", _title(measure, unit, periods),
                            measure, unit, points))
    return charts


def series_groups(rows) -> list[Chart]:
    """Line charts for an entity: ``rows`` are (period, metric) pairs across
    briefs, newest report first; each measure+unit with >= 2 distinct periods
    becomes a series (one value per period: the newest report wins)."""
    groups: dict[tuple[str, str], dict[str, object]] = {}
    names: dict[tuple[str, str], str] = {}
    for m in rows:
        if not m.period or m.value_high is not None or not fmt.one_line(m.metric):
            continue
        k = _key(m.metric, m.unit)
        names.setdefault(k, fmt.one_line(m.metric))
        groups.setdefault(k, {}).setdefault(m.period, m)
    charts, taken = [], set()
    for k in sorted(groups):
        by_period = groups[k]
        if len(by_period) < 2:
            continue
        unit = k[1]
        pts = [Point(fmt.period(p), m.value, fmt.value(m.value, m.unit, None, m.approximate), m.id)
               for p, m in sorted(by_period.items())]
        charts.append(Chart(_chart_id(names[k], unit, taken), "line", _title(names[k], unit, [None]),
                            names[k], unit, pts))
    return charts


# --- Vega-Lite specs ---------------------------------------------------------

def _config() -> dict:
    axis = {"labelColor": TEXT_SENTINEL, "titleColor": TEXT_SENTINEL, "domainColor": TEXT_SENTINEL,
            "tickColor": TEXT_SENTINEL, "gridColor": GRID_SENTINEL, "gridOpacity": 0.25,
            "labelFontSize": 12, "titleFontSize": 12, "labelLimit": 180}
    return {"background": None, "view": {"stroke": None}, "aria": False, "axis": axis,
            "title": {"color": TEXT_SENTINEL, "fontSize": 13, "anchor": "start"},
            "text": {"color": TEXT_SENTINEL}, "font": "sans-serif"}


_TEMPLATE_CACHE: Path | None = None  # set by SvgRenderer: where made templates are kept between builds


@functools.lru_cache(maxsize=1)
def _template_file(cache_dir: Path) -> Path:
    """The templates' cache file, named for what they depend on: Altair's
    version and this module's code."""
    from importlib.metadata import version

    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    return cache_dir / f"templates-altair-{version('altair')}-{code}.json"


@functools.lru_cache(maxsize=None)
def _template(kind: str, labels: bool) -> str:
    """The chart made with Altair once per shape (bar with value labels, bar
    without, line), as JSON; ``build_spec`` fills in data, titles and scale.
    Altair costs ~15 ms a chart, too much for 10,000 briefs. With a cache
    folder, the three shapes are kept there between builds: importing Altair
    alone takes about 0.4 s."""
    name = f"{kind}-{'labels' if labels else 'plain'}"
    path = _template_file(_TEMPLATE_CACHE) if _TEMPLATE_CACHE is not None else None
    kept: dict = {}
    if path is not None:
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
        kept = kept if isinstance(kept, dict) else {}
        if isinstance(kept.get(name), str):
            return kept[name]
    made = _make_template(kind, labels)
    if path is not None:
        atomic.write_cache(path, json.dumps({**kept, name: made}, sort_keys=True), "the chart templates")
    return made


def _make_template(kind: str, labels: bool) -> str:
    import altair as alt

    data = alt.Data(values=[])
    tooltip = [alt.Tooltip("label:N", title="measure"), alt.Tooltip("display:N", title="value")]
    axis = alt.Axis(format="~s", tickCount=5)
    if kind == "bar":
        base = alt.Chart()
        layers = [base.mark_bar(color=BAR_COLOR)]
        if labels:  # value labels past the end of each bar, with room for them
            x = alt.X("value:Q", title="unit", axis=axis, scale=alt.Scale(domainMax=1))
            layers.append(base.mark_text(align="left", baseline="middle", dx=4).encode(text="display:N"))
        else:
            x = alt.X("value:Q", title="unit", axis=axis)
        chart_obj = alt.layer(*layers, data=data).encode(
            y=alt.Y("label:N", sort=None, title=None), x=x, tooltip=tooltip,
        ).properties(title="title", width=WIDTH, height=alt.Step(24))
    else:
        # labelLimit 0: periods and ~s numbers never reach the 180 px limit, and
        # with no limit vl-convert measures each label once instead of trying
        # to shorten it (same SVG, ~30% less time per chart)
        chart_obj = alt.Chart(data).mark_line(color=BAR_COLOR, point={"color": BAR_COLOR, "size": 50}).encode(
            x=alt.X("label:O", sort=None, title=None, axis=alt.Axis(labelAngle=0, labelLimit=0)),
            y=alt.Y("value:Q", title="unit", axis=alt.Axis(format="~s", tickCount=5, labelLimit=0)),
            tooltip=tooltip,
        ).properties(title="title", width=WIDTH, height=180)
    spec = chart_obj.to_dict(validate=False)
    spec.pop("$schema", None)
    spec["config"] = _config()
    return json.dumps(spec)


def build_spec(chart: Chart) -> dict:
    """The chart as a Vega-Lite dict (shape by Altair), without ``$schema`` (no
    external URL on the page; briefs.js passes ``mode: "vega-lite"``)."""
    values = [p.value for p in chart.points]
    labels = chart.kind == "bar" and min(values) >= 0
    spec = json.loads(_template(chart.kind, labels))
    spec["data"]["values"] = [{"label": p.label, "value": _num(p.value), "display": p.display} for p in chart.points]
    spec["title"] = chart.title
    enc = spec["encoding"]
    enc["tooltip"][0]["title"] = chart.measure
    value_axis = enc["x"] if chart.kind == "bar" else enc["y"]
    value_axis["title"] = fmt.unit_label(chart.unit) or None
    value_axis.setdefault("axis", {}).update(_value_ticks(values))
    if labels:
        value_axis["scale"]["domainMax"] = _num(max(values) * 1.25)
    return spec


def _value_ticks(values: list[float]) -> dict:
    """The value axis' tick labels. Large values in SI style as the press
    writes them ("20k", "1.5M", "3B": Vega's "G" of giga reads "B" of billion);
    values under 1,000 as they are ("0.5", "42"), never "500m" for a half."""
    if max(abs(v) for v in values) >= 1000:
        return {"format": "~s", "labelExpr": "replace(datum.label, 'G', 'B')"}
    return {"format": ",~g"}


def _num(v: float):
    return int(v) if float(v).is_integer() else v


def _static(spec: dict) -> dict:
    """The spec as drawn into the SVG: without tooltips, which a static image
    cannot show (the SVG is the same; Vega skips evaluating them)."""
    enc = spec.get("encoding")
    if not isinstance(enc, dict) or "tooltip" not in enc:
        return spec
    return {**spec, "encoding": {k: v for k, v in enc.items() if k != "tooltip"}}


def spec_hash(spec: dict) -> str:
    blob = json.dumps([RENDER_VERSION, spec], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


# --- SVG ---------------------------------------------------------------------

_ACTIVE_TAGS = {"script", "foreignobject", "iframe", "object", "embed", "handler", "listener"}


def _check_inert(svg: str) -> None:
    """Parse the SVG and refuse active content: script-like elements, on*
    attributes, javascript: links. (Article text only ever appears escaped.)"""
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        raise UnsafeSvg(f"not well-formed SVG: {exc}") from None
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1].lower() in _ACTIVE_TAGS:
            raise UnsafeSvg(f"SVG has a <{el.tag}> element")
        for name, value in el.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on") or (local == "href" and value.strip().lower().startswith("javascript:")):
                raise UnsafeSvg(f"SVG has an active attribute {local}")


class UnsafeSvg(ValueError):
    pass


def _postprocess(svg: str) -> str:
    """vl-convert SVG -> the static chart file. Text and axes in currentColor
    (black in an <img>; briefs.css inverts the image in the dark scheme).
    Refuses anything active: chart labels are article text."""
    svg = svg.strip().replace(TEXT_SENTINEL, "currentColor").replace(GRID_SENTINEL, "currentColor")
    _check_inert(svg)
    return svg + "\n"


def size(svg: str) -> tuple[int, int]:
    m = re.search(r'<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"', svg)
    return (round(float(m.group(1))), round(float(m.group(2)))) if m else (0, 0)


class SvgRenderer:
    """Renders specs to SVG with vl-convert, cached on disk by spec hash.

    vl-convert starts its JavaScript engine on first use (~0.5 s); one renderer
    per build keeps that to once, and a warm cache skips it entirely.
    """

    def __init__(self, cache_dir: Path | None, vl_version: str = "6.4"):
        global _TEMPLATE_CACHE
        self.cache_dir = Path(cache_dir) if cache_dir else None
        if self.cache_dir is not None and _TEMPLATE_CACHE != self.cache_dir:
            _TEMPLATE_CACHE = self.cache_dir
            _template.cache_clear()
        self.vl_version = vl_version
        self.rendered = 0
        self.cached = 0
        self._memo: dict[str, str] = {}
        self._ensured = False  # set by ensure(): from then on svg() only reads

    def _convert(self, spec: dict) -> str:
        return _vl_convert(self.vl_version).vegalite_to_svg(_static(spec), vl_version=self.vl_version)

    def svg(self, spec: dict) -> str:
        """The chart's SVG: memoised, else from the cache folder, else drawn
        (and kept in the cache folder, or memoised when there is none). After
        ``ensure`` nothing is drawn: a chart missing then is an error (the
        page shows it with JavaScript only)."""
        h = spec_hash(spec)
        svg = self._memo.get(h)
        if svg is None and self.cache_dir is not None:
            try:
                svg = (self.cache_dir / f"{h}.svg").read_text(encoding="utf-8")
                if not self._ensured:
                    self.cached += 1
            except OSError:
                svg = None
        if svg is None:
            if self._ensured:
                raise RuntimeError(f"chart {h} is not in {self.cache_dir} (removed during the build?)")
            svg = _postprocess(self._convert(spec))
            self.rendered += 1
            self._keep(h, svg)
        return svg

    def _keep(self, h: str, svg: str) -> None:
        """A chart just drawn: into the cache folder, or the memo when there is
        none or it cannot be written (a read-only or full disk)."""
        if self.cache_dir is None or not atomic.write_cache(self.cache_dir / f"{h}.svg", svg, "the chart"):
            self._memo[h] = svg

    def _missing(self, specs) -> tuple[dict[str, dict], int]:
        """The specs (by hash) neither memoised nor in the cache folder, which
        is listed once rather than asked about each chart; and how many
        distinct specs there were."""
        present: set[str] = set()
        if self.cache_dir is not None:
            try:
                present = set(os.listdir(self.cache_dir))
            except OSError:
                pass
        todo: dict[str, dict] = {}
        seen: set[str] = set()
        for spec in specs:
            h = spec_hash(spec)
            if h in seen:
                continue
            seen.add(h)
            if h not in self._memo and f"{h}.svg" not in present:
                todo[h] = spec
        return todo, len(seen)

    # fewer missing charts than this: not worth starting worker processes. Measured on
    # 2 cores: 33 charts (~20 ms each) took as long in 2 spawned workers as in the
    # build process, for 0.5 s more CPU (each worker imports and warms vl-convert)
    PARALLEL_MIN = 100

    def prefetch(self, specs, jobs: int | None = None) -> int:
        """Render the specs that are neither memoised nor cached, in a process
        pool over the cores (each worker starts vl-convert's engine once), and
        keep them (``_keep``); ``svg()`` then finds them. Returns how many were
        rendered. Below ``PARALLEL_MIN`` missing charts, or on one core, it does
        nothing and ``svg()`` renders them one by one as before. The SVG of a
        spec is the same whichever process draws it, so the site stays deterministic."""
        return len(self._draw_in_pool(self._missing(specs)[0], jobs))

    def _draw_in_pool(self, todo: dict[str, dict], jobs: int | None = None) -> set[str]:
        """``prefetch`` of ``todo``; the hashes it drew."""
        jobs = jobs or cores()
        if len(todo) < self.PARALLEL_MIN or jobs < 2:
            return set()
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        items = sorted(todo.items())
        workers = max(2, min(jobs, len(items) // (self.PARALLEL_MIN // 2)))
        done: set[str] = set()
        try:
            # spawn, not fork: the build process may hold threads (vl-convert's among them)
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                     initializer=_worker_init, initargs=(self.vl_version,)) as pool:
                chunk = max(1, len(items) // (workers * 4))
                for (h, _), svg in zip(items, pool.map(_worker_render, [(sp, self.vl_version) for _, sp in items],
                                                       chunksize=chunk)):
                    if svg is None:  # left to svg(), which logs why
                        continue
                    self._keep(h, svg)
                    self.rendered += 1
                    done.add(h)
        except Exception as exc:  # noqa: BLE001 - a broken pool: the charts are drawn one by one instead
            log.info("briefs: parallel chart rendering failed (%s); rendering in-process", exc)
        return done

    def release(self) -> None:
        """Forget the memoised SVGs (the pages that show them are made)."""
        self._memo.clear()

    def ensure(self, specs) -> None:
        """Every spec drawn (in a pool, then one by one in this process for
        what is left) and in the cache folder (or the memo): after this
        ``svg()`` of any of them only reads, so processes forked from here
        never start vl-convert. The SVGs are not read here: each page reads
        its own (at 10,000 briefs all of them held at once were ~90 MB)."""
        todo, distinct = self._missing(specs)
        drawn = self._draw_in_pool(todo)
        for h, spec in todo.items():
            if h not in drawn:
                self.svg(spec)
        self.cached += distinct - len(todo)
        self._ensured = True


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


MEASURE_FONTS = Path(__file__).parent / "render" / "assets" / "measure-fonts.conf"
_WARM_UP = {"title": "Aa", "mark": "point", "data": {"values": [{"a": 1}]},
            "encoding": {"x": {"field": "a", "type": "quantitative"}}}  # text: the font list is read
_VLC = None


def _vl_convert(vl_version: str):
    """``vl_convert``, started in this process (its JavaScript engine, ~0.5 s)
    with the fonts it measures text with set (module docstring)."""
    global _VLC
    if _VLC is None:
        from unittest import mock

        import vl_convert as vlc

        with mock.patch.dict(os.environ, {"FONTCONFIG_FILE": str(MEASURE_FONTS)}):
            try:
                vlc.vegalite_to_svg(_WARM_UP, vl_version=vl_version)
            except Exception as exc:  # noqa: BLE001 - the first chart will say what is wrong
                log.debug("briefs: vl-convert warm-up failed: %s", exc)
        _VLC = vlc
    return _VLC


def _worker_init(vl_version: str) -> None:
    _vl_convert(vl_version)  # once per worker


def _worker_render(args: tuple[dict, str]) -> str | None:
    spec, vl_version = args
    try:
        return _postprocess(_vl_convert(vl_version).vegalite_to_svg(_static(spec), vl_version=vl_version))
    except Exception:  # noqa: BLE001 - svg() renders it again in the build process and logs the error
        return None


def render(charts: list[Chart], renderer: SvgRenderer | None) -> list[Chart]:
    """Fill in each chart's spec and (with a renderer) its SVG. A chart whose
    SVG cannot be made keeps its spec; the page then shows it only with JavaScript."""
    for c in charts:
        c.spec = build_spec(c)
        if renderer is not None:
            try:
                c.svg = renderer.svg(c.spec)
            except Exception as exc:  # noqa: BLE001 - vl-convert errors are not typed
                log.warning("briefs: chart %s: no static SVG: %s", c.id, exc)
                c.svg = ""
            c.width, c.height = size(c.svg) if c.svg else (0, 0)
    return charts
