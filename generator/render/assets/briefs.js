/* briefs: enhance pages made by the briefs plugin.
 *  - "Copy" buttons of the "Cite this" box
 *  - charts: render each figure.briefs-chart's inert Vega-Lite JSON with vega-embed
 *    (vega-bundle.min.js is loaded only on pages with charts); the server-rendered
 *    SVG stays as the fallback and for print. Re-renders when the colour scheme changes.
 * No network requests: the spec carries its data inline.
 */
(function () {
  "use strict";
  var TEXT = "#0a0b0c", GRID = "#0d0e0f"; /* sentinels, see generator/charts.py */
  /* Vega-Lite config shared by every chart; the page's specs leave it out
     (smaller pages). Must equal generator/charts.py _config(): a test checks. */
  var CONFIG = /*config*/{"aria":false,"axis":{"domainColor":"#0a0b0c","gridColor":"#0d0e0f","gridOpacity":0.25,"labelColor":"#0a0b0c","labelFontSize":12,"labelLimit":180,"tickColor":"#0a0b0c","titleColor":"#0a0b0c","titleFontSize":12},"background":null,"font":"sans-serif","text":{"color":"#0a0b0c"},"title":{"anchor":"start","color":"#0a0b0c","fontSize":13},"view":{"stroke":null}}/*end*/;

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var ta = document.createElement("textarea");
      ta.value = text; ta.setAttribute("readonly", ""); ta.style.position = "fixed"; ta.style.opacity = "0";
      document.body.appendChild(ta); ta.select();
      try { document.execCommand("copy") ? resolve() : reject(new Error("copy failed")); }
      catch (e) { reject(e); } finally { document.body.removeChild(ta); }
    });
  }

  /* Without site_url the page can only print a site-relative permalink
     (briefs/<id>/); make it absolute from where the page is being read. */
  function absolutePermalinks(root) {
    if (!/^https?:$/.test(location.protocol)) return;
    root.querySelectorAll(".briefs-cite[data-permalink]").forEach(function (box) {
      var rel = box.getAttribute("data-permalink");
      if (!rel || /^[a-z][a-z0-9+.-]*:/i.test(rel) || box.dataset.briefsAbsolute) return;
      var abs;
      /* the site's root: Material's logo links to it */
      var logo = document.querySelector("a.md-logo[href], a.md-header__button[href]");
      try { abs = new URL(rel, logo ? logo.href.replace(/\/?$/, "/") : new URL("/", location.href)).href; }
      catch (e) { return; }
      box.dataset.briefsAbsolute = "1";
      box.setAttribute("data-permalink", abs);
      box.querySelectorAll("code.briefs-cite__markdown, code.briefs-cite__text").forEach(function (code) {
        var t = code.textContent, i = t.lastIndexOf(rel);  /* the permalink is the last link of both forms */
        if (i >= 0) code.textContent = t.slice(0, i) + abs + t.slice(i + rel.length);
      });
    });
  }

  function setupCite(root) {
    absolutePermalinks(root);
    root.querySelectorAll(".briefs-cite__copy").forEach(function (btn) {
      if (btn.dataset.briefsReady) return;
      btn.dataset.briefsReady = "1";
      btn.hidden = false;
      btn.addEventListener("click", function () {
        var code = btn.parentNode.querySelector("code");
        copyText(code ? code.textContent : "").then(function () {
          btn.textContent = "Copied"; btn.setAttribute("data-copied", "");
          setTimeout(function () { btn.textContent = "Copy"; btn.removeAttribute("data-copied"); }, 2000);
        }, function () { btn.textContent = "Select and copy"; });
      });
    });
  }

  function themed(spec, color) {
    return JSON.parse(JSON.stringify(spec).split(TEXT).join(color).split(GRID).join(color));
  }

  function renderChart(fig) {
    var live = fig.querySelector(".briefs-chart__live");
    var script = fig.querySelector("script.briefs-chart__spec");
    if (!live || !script || typeof window.vegaEmbed !== "function") return;
    var spec;
    try { spec = JSON.parse(script.textContent); } catch (e) { return; }
    if (!spec.config) spec.config = CONFIG;
    /* a phone: fit the chart to the column instead of shrinking its text */
    var w = fig.clientWidth;
    if (w && w < 600) {
      spec.width = w; spec.autosize = { type: "fit", contains: "padding" };
      var x = spec.encoding && spec.encoding.x;  /* more room for the value labels past the bars */
      if (x && x.scale && typeof x.scale.domainMax === "number") x.scale.domainMax *= 1.35;
    }
    var color = getComputedStyle(fig).color || "#000";
    if (fig.dataset.briefsColor === color) return;
    fig.dataset.briefsColor = color;
    window.vegaEmbed(live, themed(spec, color), { mode: "vega-lite", actions: false, renderer: "svg" })
      .then(function () { live.hidden = false; fig.classList.add("briefs-chart--live"); })
      .catch(function () { live.hidden = true; fig.classList.remove("briefs-chart--live"); });
  }

  function setupCharts(root) {
    var figs = root.querySelectorAll("figure.briefs-chart");
    figs.forEach(renderChart);
    if (figs.length && !document.body.dataset.briefsObserved && window.MutationObserver) {
      document.body.dataset.briefsObserved = "1";
      new MutationObserver(function () {
        document.querySelectorAll("figure.briefs-chart").forEach(renderChart);
      }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    }
  }

  /* a ¶ permalink on every fact (figure rows and quotes carry the fact's id) */
  function setupAnchors(root) {
    root.querySelectorAll("table.key-figures tr[id] > td:nth-child(3), blockquote.briefs-quote[id] .briefs-quote__by")
      .forEach(function (cell) {
        if (cell.querySelector(".briefs-anchor")) return;
        var id = (cell.closest("[id]") || {}).id;
        if (!id) return;
        var a = document.createElement("a");
        a.className = "briefs-anchor"; a.href = "#" + id; a.textContent = "¶";
        a.setAttribute("aria-label", "Link to this fact");
        cell.appendChild(document.createTextNode(" ")); cell.appendChild(a);
      });
  }

  function setup() { setupCite(document); setupAnchors(document); setupCharts(document); }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup); /* Material's instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
