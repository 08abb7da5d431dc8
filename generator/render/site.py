"""The whole site as data, computed once per build from the fact files:
briefs newest first, entities grouped across briefs, tags, and where every
page lives. No mkdocs import; ``plugin.py`` turns this into pages.
"""
from __future__ import annotations

import posixpath
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.facts.ids import slugify, unique
from generator.render import fmt

PAGE_TYPES = ("org", "brand", "product", "person")  # entity types that get a page


def fold(text: str | None) -> str:
    """The key names are grouped by: whitespace collapsed, case-folded."""
    return fmt.one_line(text).casefold()


def relpath(to: str, base_dir: str) -> str:
    """``posixpath.relpath`` for URL paths, without touching the file system
    (posixpath's needs a current directory)."""
    t = [p for p in to.split("/") if p]
    b = [p for p in base_dir.split("/") if p]
    i = 0
    while i < len(t) and i < len(b) and t[i] == b[i]:
        i += 1
    return "/".join([".."] * (len(b) - i) + t[i:]) or "."


@dataclass
class Layout:
    """Where things go. ``*_uri`` are docs-relative source paths (``briefs/x.md``);
    ``url()`` gives the site-root-relative URL MkDocs will publish it at."""

    prefix: str = "briefs"
    entities_prefix: str = "entities"
    tags_prefix: str = "tags"
    archive_prefix: str = "archive"
    use_directory_urls: bool = True
    site_url: str | None = None
    # memos of url() and rel(): the same links are made thousands of times a build
    _urls: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _rels: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def brief_uri(self, bid: str) -> str:
        return f"{self.prefix}/{bid}.md"

    def download_uri(self, bid: str, ext: str) -> str:
        return f"{self.prefix}/{bid}/facts.{ext}"

    def entity_redirect_uri(self, slug: str) -> str:
        return (f"{self.entities_prefix}/{slug}/index.html" if self.use_directory_urls
                else f"{self.entities_prefix}/{slug}.html")

    def entity_uri(self, slug: str) -> str:
        return f"{self.entities_prefix}/{slug}.md"

    def tag_uri(self, slug: str) -> str:
        return f"{self.tags_prefix}/{slug}.md"

    def archive_uri(self, year: str) -> str:
        return f"{self.archive_prefix}/{year}.md"

    def entities_initial_uri(self, initial: str) -> str:
        """A page of the index of companies and people: under ``index/``, which
        no entity can be called (``index`` is a reserved slug)."""
        return f"{self.entities_prefix}/index/{initial}.md"

    def archive_month_uri(self, year: str, month: str) -> str:
        return f"{self.archive_prefix}/{year}/{month}.md"

    def brief_chart_uri(self, bid: str, chart_id: str) -> str:
        return f"{self.prefix}/{bid}/{chart_id}.svg"

    def entity_year_uri(self, slug: str, year: str) -> str:
        return f"{self.entities_prefix}/{slug}/{year}.md"

    def entity_chart_uri(self, slug: str, chart_id: str) -> str:
        return f"{self.entities_prefix}/{slug}/{chart_id}.svg"

    def redirect_uri(self, old: str) -> str:
        return f"{self.prefix}/{old}/index.html" if self.use_directory_urls else f"{self.prefix}/{old}.html"

    def url(self, uri: str) -> str:
        """Mirror of MkDocs' ``File.url`` for the URIs above."""
        hit = self._urls.get(uri)
        if hit is None:
            hit = self._urls[uri] = self._url(uri)
        return hit

    def _url(self, uri: str) -> str:
        if not uri.endswith(".md"):
            return uri
        stem = uri[:-3]
        if posixpath.basename(stem) == "index":
            d = posixpath.dirname(stem)
            return f"{d}/" if d else ""
        return f"{stem}/" if self.use_directory_urls else f"{stem}.html"

    def rel(self, to_uri: str, from_uri: str, anchor: str | None = None) -> str:
        """Relative link from the page ``from_uri`` to ``to_uri`` (like MkDocs)."""
        key = (to_uri, from_uri)
        rel = self._rels.get(key)
        if rel is None:
            to, frm = self.url(to_uri), self.url(from_uri)
            base = frm if frm.endswith("/") or frm == "" else posixpath.dirname(frm) + "/"
            rel = relpath(to, base)
            if (to.endswith("/") or to == "") and not rel.endswith("/"):
                rel += "/"
            self._rels[key] = rel
        return f"{rel}#{anchor}" if anchor else rel

    def absolute(self, uri: str, anchor: str | None = None) -> str:
        """Absolute URL if ``site_url`` is set, else site-root-relative."""
        u = self.url(uri)
        u = f"{self.site_url.rstrip('/')}/{u}" if self.site_url else (u or "./")
        return f"{u}#{anchor}" if anchor else u


@dataclass
class EntityGroup:
    slug: str
    name: str
    type: str
    aliases: list[str]
    roles: list[str]
    brief_ids: list[str] = field(default_factory=list)  # newest first
    metrics: list = field(default_factory=list)  # (brief, MetricFact), newest brief first
    quotes: list = field(default_factory=list)  # (brief, QuoteFact)

    @property
    def has_page(self) -> bool:
        """A product named in one brief with no figure or quote of its own
        would have a page that only repeats that brief: it gets none (its name
        links nowhere on the brief; ``/entities/<slug>/`` redirects to the
        brief). Companies, brands and people always get their page."""
        return self.type != "product" or len(self.brief_ids) != 1 or bool(self.metrics) or bool(self.quotes)


@dataclass
class Tag:
    slug: str
    name: str
    brief_ids: list[str] = field(default_factory=list)  # newest first


class _UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def newest_first(briefs) -> list:
    """Newest publication first; undated last; ties by id (deterministic)."""
    dated = sorted((b for b in briefs if b.source.published), key=lambda b: b.id)
    dated.sort(key=lambda b: b.source.published, reverse=True)
    return dated + sorted((b for b in briefs if not b.source.published), key=lambda b: b.id)


def by_year(briefs) -> list[tuple[str, list]]:
    """``briefs`` (newest first) by year: (year or "undated", its briefs), newest year first."""
    years: dict[str, list] = {}
    for b in briefs:
        years.setdefault(b.source.published[:4] if b.source.published else "undated", []).append(b)
    return sorted(years.items(), key=lambda kv: (kv[0] == "undated", [-ord(c) for c in kv[0]]))


class Site:
    def __init__(self, briefs, layout: Layout):
        self.layout = layout
        self.briefs = newest_first(briefs)
        self.by_id = {b.id: b for b in self.briefs}
        self._roles_memo: dict[str, dict[str, str]] = {}
        self.newest_date = max((b.source.published for b in self.briefs if b.source.published), default=None)
        self._group_entities()
        self._group_tags()

    def by_year(self) -> list[tuple[str, list]]:
        """(year or "undated", briefs newest first), newest year first."""
        return by_year(self.briefs)

    # --- entities --------------------------------------------------------
    def _group_entities(self) -> None:
        uf = _UnionFind()
        is_person: dict[str, set[bool]] = defaultdict(set)
        facts = [(b, e) for b in sorted(self.briefs, key=lambda b: b.id) for e in b.visible_entities()
                 if e.type in PAGE_TYPES and fold(e.name)]
        for _, e in facts:
            uf.find(fold(e.name))
            is_person[fold(e.name)].add(e.type == "person")
        # an alias joins another entity only when it is that entity's name and
        # both are people or both are not (so "Zhang" can't join a company)
        for _, e in facts:
            me = fold(e.name)
            for a in e.aliases:
                k = fold(a)
                if k and k != me and k in is_person and is_person[k] & {e.type == "person"}:
                    uf.union(me, k)
        members: dict[str, list] = defaultdict(list)
        for b, e in facts:
            members[uf.find(fold(e.name))].append((b, e))

        groups = []
        for root in sorted(members):
            items = members[root]
            names = Counter(fmt.one_line(e.name) for _, e in items)
            name = sorted(names, key=lambda n: (-names[n], -len(n), n))[0]
            types = Counter(e.type for _, e in items)
            etype = sorted(types, key=lambda t: (-types[t], t))[0]
            aliases = sorted({fmt.one_line(a) for _, e in items for a in e.aliases} | set(names) - {name},
                             key=str.casefold)
            roles = sorted({fmt.one_line(e.role) for _, e in items if e.role})
            groups.append((root, name, etype, aliases, roles, items))

        taken: set[str] = {"index"}  # entities/index.md is the list of all entities
        self.entities: dict[str, EntityGroup] = {}
        self._global: dict[str, EntityGroup] = {}  # folded name -> group
        self._local: dict[tuple[str, str], EntityGroup] = {}  # (brief id, folded name/alias) -> group
        for root, name, etype, aliases, roles, items in sorted(groups, key=lambda g: (fold(g[1]), g[0])):
            slug = unique(slugify(name, 60) or "entity", taken)
            g = EntityGroup(slug, name, etype, aliases, roles)
            self.entities[slug] = g
            for b, e in items:
                self._global.setdefault(fold(e.name), g)
                for k in (fold(e.name), *(fold(a) for a in e.aliases)):
                    self._local.setdefault((b.id, k), g)

        for b in self.briefs:  # newest first
            seen = set()
            for e in b.visible_entities():
                g = self.lookup(b.id, e.name)
                if g is not None and g.slug not in seen:
                    seen.add(g.slug)
            for m in b.visible_metrics():
                g = self.lookup(b.id, m.subject)
                if g is not None:
                    g.metrics.append((b, m))
                    seen.add(g.slug)
            for q in b.visible_quotes():
                g = self.lookup(b.id, q.speaker)
                if g is not None:
                    g.quotes.append((b, q))
                    seen.add(g.slug)
            for slug in sorted(seen):
                self.entities[slug].brief_ids.append(b.id)

    def lookup(self, brief_id: str, name: str | None) -> EntityGroup | None:
        """The entity a name means in this brief (its own aliases first)."""
        k = fold(name)
        if not k:
            return None
        return self._local.get((brief_id, k)) or self._global.get(k)

    def brief_roles(self, brief) -> dict[str, str]:
        """Entity slug -> the roles *this* brief gives it ("; "-joined, in the
        brief's order): from its entity list, then from its quotes. A person's
        roles in other briefs belong on the entity page, not here."""
        memo = self._roles_memo
        if brief.id in memo:
            return memo[brief.id]
        roles: dict[str, list[str]] = {}
        pairs = [(e.name, e.role) for e in brief.visible_entities()]
        pairs += [(q.speaker, q.role) for q in brief.visible_quotes()]
        for name, role in pairs:
            g, r = self.lookup(brief.id, name), fmt.one_line(role)
            if g is not None and r and r not in roles.setdefault(g.slug, []):
                roles[g.slug].append(r)
        memo[brief.id] = out = {slug: "; ".join(rs) for slug, rs in roles.items() if rs}
        return out

    def brief_entities(self, brief) -> list[EntityGroup]:
        """Entities a brief mentions, in the order of its entity list, then subjects/speakers."""
        out, seen = [], set()
        names = [e.name for e in brief.visible_entities()]
        names += [m.subject for m in brief.visible_metrics()] + [q.speaker for q in brief.visible_quotes()]
        for n in names:
            g = self.lookup(brief.id, n)
            if g is not None and g.slug not in seen:
                seen.add(g.slug)
                out.append(g)
        return out

    # --- tags ----------------------------------------------------------------
    def brief_tag_names(self, brief) -> list[str]:
        """The brief's own tags, then the organisations it names (feed
        categories and the chips under a brief's summary). Only the own tags
        have tag pages: an organisation links to its entity page."""
        names = [fmt.one_line(t) for t in brief.tags]
        names += [g.name for g in self.brief_entities(brief) if g.type == "org"]
        out, seen = [], set()
        for n in names:
            if n and slugify(n, 60) and fold(n) not in seen:
                seen.add(fold(n))
                out.append(n)
        return out

    def _group_tags(self) -> None:
        """Tag pages for the tags people wrote (``tags:`` of the fact files).
        Organisations are not tags: their chip links to their entity page
        (``tag_link``)."""
        by_fold: dict[str, list[str]] = defaultdict(list)
        display: dict[str, Counter] = defaultdict(Counter)
        for b in self.briefs:  # newest first
            seen = set()
            for t in b.tags:
                n = fmt.one_line(t)
                if n and slugify(n, 60) and fold(n) not in seen:
                    seen.add(fold(n))
                    by_fold[fold(n)].append(b.id)
                    display[fold(n)][n] += 1
        taken: set[str] = {"index"}  # tags/index.md is the list of all tags
        self.tags: dict[str, Tag] = {}
        self._tag_of: dict[str, Tag] = {}
        for k in sorted(by_fold):
            names = display[k]
            name = sorted(names, key=lambda n: (-names[n], n))[0]
            t = Tag(unique(slugify(name, 60), taken), name, by_fold[k])
            self.tags[t.slug] = t
            self._tag_of[k] = t

    def tag_link(self, brief, name: str) -> tuple[str, str]:
        """(name, docs-relative uri) of one of ``brief_tag_names``: the tag page
        of an own tag, the entity page of an organisation."""
        t = self._tag_of.get(fold(name))
        if t is not None:
            return t.name, self.layout.tag_uri(t.slug)
        g = self.lookup(brief.id, name)
        return (g.name, self.layout.entity_uri(g.slug)) if g is not None and g.has_page else (name, "")

    def tag(self, name: str) -> Tag:
        return self._tag_of[fold(name)]
