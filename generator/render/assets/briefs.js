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

  function setupCite(root) {
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
