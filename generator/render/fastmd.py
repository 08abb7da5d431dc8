"""Plugin pages without the Markdown round trip.

The plugin's templates (brief, entity, tag, archive and home pages) write raw
HTML blocks separated by blank lines, plus ``## Heading`` lines for the table
of contents. Python-Markdown would parse all of that HTML again with
``html.parser`` (its raw-HTML preprocessor), stash it, walk the tree for links
and anchors and put it back unchanged: about half of the CPU time of a plugin
page outside the theme.

``FastPages.render_page`` does what MkDocs' ``Page.render`` does for such a
page: headings converted by the same Markdown instance (same extensions and
options: ``toc`` ids and permalinks), cached by their text, the HTML blocks
passed through as they are, ``page.toc`` (nested by level, as the ``toc``
extension nests it) and the anchor ids filled in. A page that is anything else
(a line of Markdown outside the HTML, a heading twice, a level-1 heading on a
page without a ``title`` in its front matter, whose title it would be) is left
to ``Page.render``: the output is the same either way, only the cost differs.
"""
from __future__ import annotations

import re

import markdown
from markdown.extensions.toc import nest_toc_tokens
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

_HEADING = re.compile(r"^(#{1,6}) +(.+?) *#*$")
# the block-level tags Python-Markdown passes through raw when a block starts with one
_BLOCK = re.compile(r"^</?(address|article|aside|blockquote|details|dialog|div|dl|fieldset|figcaption|figure|"
                    r"footer|form|h[1-6]|header|hr|main|nav|ol|p|pre|section|table|ul|script|style|noscript)"
                    r"[\s>/]", re.IGNORECASE)
_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)')""")


class FastPages:
    def __init__(self, config):
        self.config = config
        self._md: markdown.Markdown | None = None
        self._headings: dict[str, tuple[str, list]] = {}
        self.fast = 0
        self.slow = 0

    def _heading(self, line: str) -> tuple[str, list]:
        hit = self._headings.get(line)
        if hit is None:
            if self._md is None:
                self._md = markdown.Markdown(extensions=self.config["markdown_extensions"],
                                             extension_configs=self.config["mdx_configs"] or {})
            md = self._md.reset()
            html = md.convert(line)
            hit = self._headings[line] = (html, list(getattr(md, "toc_tokens", [])))
        return hit

    def split(self, text: str) -> tuple[list[str], list] | None:
        """(HTML parts, nested toc tokens), or None when the page needs real Markdown."""
        parts: list[str] = []
        tokens: list = []
        ids = set()
        block: list[str] = []

        def flush() -> bool:
            if block:
                if not _BLOCK.match(block[0]):
                    return False
                parts.append("\n".join(block))
                block.clear()
            return True

        for line in text.split("\n"):
            if not line.strip():
                if not flush():
                    return None
                continue
            m = _HEADING.match(line) if not block else None
            if m is None:
                block.append(line)
                continue
            html, toks = self._heading(line)
            if len(toks) != 1 or toks[0]["id"] in ids:
                return None
            ids.add(toks[0]["id"])
            parts.append(html)
            tokens.extend(toks)
        if not flush():
            return None
        flat = [{**t, "children": []} for t in tokens]  # (nesting fills children: the cached ones stay empty)
        return parts, nest_toc_tokens(flat)

    def render_page(self, page: Page, config, files) -> None:
        """Stand-in for ``page.render(config, files)``."""
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        got = self.split(page.markdown)
        if got is not None and "title" not in page.meta and any(t["level"] == 1 for t in got[1]):
            got = None  # the page's title is its first level-1 heading, as Markdown extracts it
        if got is None:
            self.slow += 1
            del page.render  # the instance attribute; back to Page.render
            page.render(config, files)
            return
        self.fast += 1
        parts, tokens = got
        page.content = "\n".join(parts)
        page.toc = get_toc(tokens)
        page._title_from_render = None
        page.present_anchor_ids = {a or b for a, b in _ID.findall(page.content)}
        page.links_to_anchors = {}
        # The Markdown source is not needed again: MkDocs keeps every page until
        # the build ends, and at 10,000 briefs these copies alone are ~0.5 GB.
        page.markdown = ""
        page.file.content_string = ""
