/* The header's search box with Pagefind (plugin option `search: pagefind`).
 *
 * partials/search.html is Material's search box and result list without
 * Material's script hooks; this script runs it: it opens and closes the
 * search like Material (the #__search toggle, "/", "s" or "f" to open,
 * Escape to close), loads Pagefind's pagefind.js (from the site's pagefind/
 * folder, relative to the page) only when the search first opens, and shows
 * each result in Material's result markup: the page, then the sections that
 * match. Arrow keys move between the input and the results; every result is
 * a plain link (Tab works too). Nothing is fetched from anywhere but the site.
 *
 * A big site's index comes in shards (pagefind/briefs-shards.json lists the
 * others; generator/render/pagefind.py): they are merged into the first with
 * Pagefind's mergeIndex, each tagged with a "briefs_shard" filter. Pagefind
 * drops a word its index does not know, so a shard without, say, "huawei"
 * would answer "huawei deliveries" with every page on deliveries. One index
 * needs every word it knows, so the merged search does too: each word of the
 * query is looked up alone first, and only shards that know every word known
 * somewhere take part in the search.
 */
(function () {
  "use strict";
  var box = document.querySelector(".briefs-pf");
  var toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  var input = box.querySelector(".md-search__input");
  var form = box.querySelector(".md-search__form");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var bundle = new URL(box.getAttribute("data-briefs-pagefind"), location.href);
  var PAGE = 10;      // results shown at a time
  var SECTIONS = 3;   // matching sections shown under a page
  var t = {};
  try { t = JSON.parse(document.getElementById("__config").textContent).translations || {}; } catch (e) { /* defaults */ }
  var text = {
    placeholder: t["search.result.placeholder"] || "Type to start searching",
    none: t["search.result.none"] || "No matching documents",
    one: t["search.result.one"] || "1 matching document",
    other: t["search.result.other"] || "# matching documents",
  };
  var pagefind = null;  // the promise of the loaded module
  var shards = 1;       // indexes merged into the search
  var query = "";
  var results = [];
  var shown = 0;
  var timer = 0;

  function shardList() {
    return fetch(new URL("briefs-shards.json", bundle).href)
      .then(function (r) { return r.ok ? r.json() : { shards: [] }; })
      .then(function (j) { return (j && j.shards) || []; }, function () { return []; });
  }

  function load() {
    if (!pagefind) {
      pagefind = Promise.all([import(new URL("pagefind.js", bundle).href), shardList()]).then(function (got) {
        var pf = got[0], more = got[1];
        shards = more.length + 1;
        // no web worker: it would download a second copy of Pagefind's script
        // (44 KB) for a search that takes milliseconds on the page itself
        var opts = { excerptLength: 24, noWorker: true };
        if (more.length) opts.mergeFilter = { briefs_shard: "0" };
        return pf.options(opts).then(function () {
          var ready = pf.init();
          return Promise.all(more.map(function (dir, i) {
            return pf.mergeIndex(new URL(dir, bundle).href, { mergeFilter: { briefs_shard: String(i + 1) } });
          })).then(function () { return ready; });
        }).then(function () { return pf; });
      });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  // The search of the query q over every shard (see the top of this file).
  function find(pf, q) {
    var words = q.replace(/"/g, " ").split(/\s+/).filter(Boolean);
    if (shards < 2 || words.length < 2) return pf.search(q);
    return Promise.all(words.map(function (w) { return pf.search(w); })).then(function (each) {
      var known = each.filter(function (r) { return r.results.length; });
      var take = [];
      for (var i = 0; i < shards; i++) {
        var id = String(i);
        if (known.every(function (r) { return ((r.filters || {}).briefs_shard || {})[id] > 0; })) take.push(id);
      }
      if (!take.length) return { results: [] };
      return pf.search(q, { filters: { briefs_shard: { any: take } } });
    });
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    load().catch(function () {});
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  // Pagefind's excerpts are text with <mark> around the matched words: keep
  // exactly that (the page text as text, never as markup).
  function excerpt(html, into) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html || "";
    tpl.content.childNodes.forEach(function (n) {
      if (n.nodeName === "MARK") {
        var m = document.createElement("mark");
        m.textContent = n.textContent;
        into.appendChild(m);
      } else {
        into.appendChild(document.createTextNode(n.textContent));
      }
    });
    return into;
  }

  function link(url, heading, title, body, icon) {
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = url;
    var art = document.createElement("article");
    art.className = "md-search-result__article md-typeset";
    if (icon) {
      var i = document.createElement("div");
      i.className = "md-search-result__icon md-icon";
      art.appendChild(i);
    }
    var h = document.createElement(heading);
    h.textContent = title;
    art.appendChild(h);
    if (body) art.appendChild(excerpt(body, document.createElement("p")));
    a.appendChild(art);
    return a;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var title = (data.meta && data.meta.title) || data.url;
    var subs = (data.sub_results || []).filter(function (s) { return s.url.indexOf("#") > 0 && s.title !== title; });
    var top = link(data.url, "h1", title, subs.length ? "" : data.excerpt, true);
    if (data.meta && data.meta.date) {
      var d = document.createElement("p");
      d.className = "briefs-pf__date";
      d.textContent = data.meta.date;
      top.firstChild.appendChild(d);
    }
    li.appendChild(top);
    subs.slice(0, SECTIONS).forEach(function (s) { li.appendChild(link(s.url, "h2", s.title, s.excerpt, false)); });
    return li;
  }

  function count(n) {
    if (!n) return text.none;
    return n === 1 ? text.one : text.other.replace("#", n);
  }

  function more() {
    var batch = results.slice(shown, shown + PAGE);
    var q = query;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (datas) {
      if (q !== query) return;
      var old = list.querySelector(".briefs-pf__more");
      if (old) old.remove();
      datas.forEach(function (d) { list.appendChild(item(d)); });
      shown += batch.length;
      if (shown < results.length) {
        var li = document.createElement("li");
        li.className = "md-search-result__item briefs-pf__more";
        var b = document.createElement("button");
        b.type = "button";
        b.className = "md-search-result__link";
        b.textContent = "More results";
        b.addEventListener("click", function () {
          var next = shown;
          more().then(function () {
            var links = list.querySelectorAll(".md-search-result__item:not(.briefs-pf__more)");
            var first = links[next] && links[next].querySelector("a");
            if (first) first.focus();
          });
        });
        li.appendChild(b);
        list.appendChild(li);
      }
    });
  }

  function search() {
    var q = input.value.trim();
    if (q === query) return;
    query = q;
    if (!q) {
      list.textContent = "";
      meta.textContent = text.placeholder;
      return;
    }
    load().then(function (pf) {
      return find(pf, q).then(function (res) {
        if (q !== query) return;
        results = res.results;
        shown = 0;
        list.textContent = "";
        meta.textContent = count(results.length);
        return more();
      });
    }).catch(function () {
      if (q === query) meta.textContent = "Search is not available";
    });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
  }

  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      load().catch(function () {});
      if (document.activeElement !== input) input.focus();
    } else if (box.contains(document.activeElement)) {
      document.activeElement.blur();
    }
  });
  input.addEventListener("focus", open);
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    search();
    var first = list.querySelector("a.md-search-result__link");
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { search(); input.focus(); }, 0);
  });
  list.addEventListener("click", function (ev) {
    if (ev.target.closest && ev.target.closest("a")) close();  // an anchor on this page: the box closes
  });
  box.addEventListener("keydown", function (ev) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (ev.key === "Escape") {
      ev.preventDefault();
      close();
    } else if (ev.key === "ArrowDown" && all.length) {
      ev.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (ev.key === "ArrowUp" && at >= 0) {
      ev.preventDefault();
      if (at === 0) input.focus(); else all[at - 1].focus();
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (toggle.checked || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key !== "/" && ev.key !== "s" && ev.key !== "f") return;
    var el = document.activeElement;
    if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
    ev.preventDefault();
    open();
    input.focus();
  });
})();
