"""Plugin pages without rendering Material's whole page template each time.

Material's ``main.html`` costs about 3.6 ms a page, the largest single cost of
a briefs site: a brief site renders one page per brief and per entity, and
almost all of that HTML (head, header, palette, search, navigation, footer,
scripts) is the same for every page in one folder. Only a few values come from
the page itself: its title, its table of contents and its content.

``Shells`` renders the real template once per *kind* of page (same depth and
first folder, e.g. ``entities/<slug>/<year>/``, same front matter apart from
the title, same plugin data switches, a table of contents of the same shape),
with a stand-in page whose title, content, canonical URL and table-of-contents
titles and ids are unique markers. That output, cut at the markers, is the
*shell*. A page is its shell with the markers replaced by the page's values,
filtered the way the template filtered them (as is, ``striptags`` or ``e``:
the title marker has a different shape under each). No template is rendered
per page.

Nothing is assumed about the theme: the first two pages of every kind (the
second differs from the first in whatever the markers do not cover, its URL
say), the first page of every folder within a kind (links the theme makes
relative to the page differ by folder only if they point into it), and every
``VERIFY_EVERY``-th page after them, are also rendered the normal way and
compared byte for byte; on any difference that kind of page goes back to the
normal rendering for the rest of the build (and the normal output is used). A
theme or override that the shell cannot reproduce therefore costs time, never
a wrong page. Only pages kept out of the navigation are shelled: pages in the
nav have an active nav item of their own.
"""
from __future__ import annotations

import itertools
import logging
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import jinja2
from markupsafe import Markup, escape
from mkdocs.structure.toc import AnchorLink

log = logging.getLogger("mkdocs.plugins.briefs")

ENABLED = True          # tests compare a build with and without shells
VERIFY_EVERY = 64       # a normally rendered page per this many shelled ones, compared
PAGE_TEMPLATE = "briefs-page.html"

_CONTENT = "\x02briefs-shell-content\x03"
_CONTENT_H1 = "\x02briefs-shell-content<h1>\x03"  # for Material's "<h1 not in content" test
_CANONICAL = "\x02briefs-shell-canonical\x03"


def _title(i: int | str) -> str:
    """A title marker whose filtered forms all differ: as is, striptags (tags
    gone, entities decoded), escaped, escaped after striptags."""
    return f"\x02briefs-shell-title-{i}<i>&amp;</i>\x03"


def _anchor(i: int) -> str:
    return f"briefs-shell-toc-{i}-id"  # an id goes through the `url` filter: plain ASCII


def _striptags(v: str) -> str:
    return str(Markup(str(v)).striptags())


def _forms(marker: str, value: Callable[[Any, list], str]) -> dict[str, Callable[[Any, list], str]]:
    return {
        marker: lambda p, toc: str(value(p, toc)),
        _striptags(marker): lambda p, toc: _striptags(value(p, toc)),
        str(escape(marker)): lambda p, toc: str(escape(value(p, toc))),
        str(escape(_striptags(marker))): lambda p, toc: str(escape(_striptags(value(p, toc)))),
    }


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def bytecode_cache(folder: Path | None) -> jinja2.BytecodeCache:
    """Compiled theme templates kept in ``folder/jinja`` between builds (Jinja
    checks each template's source checksum and its own version), or in memory
    for this build only, which still spares the shells' second compile."""
    if folder is not None:
        try:
            (folder / "jinja").mkdir(parents=True, exist_ok=True)
            return jinja2.FileSystemBytecodeCache(str(folder / "jinja"))
        except OSError as exc:
            log.debug("briefs: no template cache in %s: %s", folder, exc)
    return _MemoryBytecodeCache()


class _ProbePage:
    """The page as the template sees it, with markers for what differs between pages."""

    def __init__(self, page, title: str | None, meta: dict, toc: list, content: str, canonical: str | None):
        self._page = page
        self.title = title
        self.meta = meta
        self.toc = toc
        self.content = content
        self.canonical_url = canonical

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


@dataclass
class _Shell:
    parts: list[str]                       # text, slot, text, slot, …, text
    slots: list[Callable[[Any, list], str]]  # (page, its toc entries in order) -> text
    used: int = 0
    ok: bool = True
    small: list[str] | None = None         # ``parts`` through ``Shells.compact``
    folders: set[str] = field(default_factory=set)  # folders of pages compared with the theme's output


@dataclass
class Shells:
    env: jinja2.Environment
    # what every page goes through before it is returned: applied to a shell's
    # own text once (not to the page's values), to a page rendered normally whole
    compact: Callable[[str], str] = lambda html: html
    _shells: dict[tuple, _Shell | None] = field(default_factory=dict)

    # -- the page ----------------------------------------------------------------
    def render(self, context: dict, page) -> str:
        """The page's HTML: ``compact`` of ``env.get_template(PAGE_TEMPLATE).render(context)``,
        but for whitespace runs at the edges of the page's own values, which a
        shell's compacted text leaves as they are."""
        key = self._key(page, context.get("briefs_page"))
        shell = self._shells.get(key, False) if key is not None else None
        if shell is False:
            shell = self._shells[key] = self._make(context, page)
        if shell is None or not shell.ok:
            return self.compact(self._normal(context))
        shell.used += 1
        folder = posixpath.dirname(page.url.rstrip("/"))
        # the 2nd differs in everything unmarked; a new folder in what links into it
        if shell.used <= 2 or shell.used % VERIFY_EVERY == 0 or folder not in shell.folders:
            shell.folders.add(folder)
            out = self._fill(shell.parts, shell.slots, page)
            real = self._normal(context)
            if real != out:
                shell.ok = False
                at = next((i for i, (a, b) in enumerate(zip(real, out)) if a != b), min(len(real), len(out)))
                log.debug("briefs: page shell differs from the theme's output for %s at %d (%r vs %r); "
                          "pages like it are rendered normally", page.file.src_uri, at, real[at:at + 60],
                          out[at:at + 60])
                return self.compact(real)
        if shell.small is None:
            shell.small = [self.compact(part) if i % 2 == 0 else part for i, part in enumerate(shell.parts)]
        return self._fill(shell.small, shell.slots, page)

    def _normal(self, context: dict) -> str:
        return self.env.get_template(PAGE_TEMPLATE).render(context)

    @staticmethod
    def _key(page, data: dict | None) -> tuple | None:
        if not ENABLED or page.file.inclusion.is_in_nav() or page.previous_page or page.next_page:
            return None
        meta = tuple(sorted((k, repr(v)) for k, v in page.meta.items() if k != "title"))
        toc = tuple(_shape(page.toc))
        switches = tuple(sorted(k for k, v in (data or {}).items() if v))
        parts = posixpath.dirname(page.url.rstrip("/")).split("/")
        return ((len(parts), parts[0]), page.is_homepage, meta, toc, switches,
                "<h1" in (page.content or ""), page.canonical_url is None, page.title is None)

    # -- making a shell ------------------------------------------------------------
    def _make(self, context: dict, page) -> _Shell | None:
        slots: dict[str, Callable[[Any, list], str]] = {}
        numbers = itertools.count()  # toc entries in the order ``_walk`` gives them

        def probe_toc(links) -> list:
            out = []
            for link in links:
                i = next(numbers)
                copy = AnchorLink(_title(i), _anchor(i), link.level)
                copy.children = probe_toc(link.children)
                out.append(copy)
                slots.update(_forms(_title(i), lambda p, toc, i=i: toc[i].title))
                slots[_anchor(i)] = lambda p, toc, i=i: toc[i].id
            return out

        toc = probe_toc(page.toc)
        slots.update(_forms(_title("page"), lambda p, toc: p.title))
        has_h1 = "<h1" in (page.content or "")
        slots[_CONTENT_H1 if has_h1 else _CONTENT] = lambda p, toc: p.content
        slots[_CANONICAL] = lambda p, toc: p.canonical_url
        meta = dict(page.meta)
        if "title" in meta:
            meta["title"] = _title("page")
        probe = _ProbePage(page, _title("page") if page.title is not None else None, meta, toc,
                           _CONTENT_H1 if has_h1 else _CONTENT,
                           _CANONICAL if page.canonical_url is not None else None)
        try:
            out = self.env.get_template(PAGE_TEMPLATE).render({**context, "page": probe})
        except Exception as exc:  # noqa: BLE001 - a theme the stand-in cannot go through: render normally
            log.debug("briefs: no page shell for %s: %s", page.file.src_uri, exc)
            return None
        pattern = re.compile("(" + "|".join(re.escape(m) for m in sorted(slots, key=len, reverse=True)) + ")")
        pieces = pattern.split(out)
        return _Shell(parts=pieces, slots=[slots[pieces[i]] for i in range(1, len(pieces), 2)])

    @staticmethod
    def _fill(parts: list[str], slots: list[Callable[[Any, list], str]], page) -> str:
        toc = list(_walk(page.toc))
        out = [parts[0]]
        for i, slot in enumerate(slots):
            out.append(slot(page, toc))
            out.append(parts[2 * i + 2])
        return "".join(out)


def _walk(links):
    for link in links:
        yield link
        yield from _walk(link.children)


def _shape(links):
    for link in links:
        yield link.level, tuple(_shape(link.children))

