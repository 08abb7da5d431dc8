"""Citations of a brief or of one fact in it, as Markdown and as plain text.

Used by the "Cite this" box of every brief page and by ``briefs cite ID [FACT]``.


Permalinks are absolute when ``site_url`` is given, otherwise relative to the
site root (``briefs/<id>/#<fact>``). Fact texts come from articles: the
Markdown form escapes every character Markdown would act on.
"""
from __future__ import annotations

import re

from generator.render import fmt



def safe_url(url: str | None) -> str | None:
    """http(s) URLs only, with characters that could end a Markdown/HTML
    link destination percent-encoded; anything else -> None."""
    if not url or not re.match(r"^https?://", url, re.IGNORECASE):
        return None
    return re.sub(r"[\x00-\x20<>\"'`()\\\x7f]", lambda m: "%%%02X" % ord(m.group(0)), url)


def md_escape(text: str | None) -> str:
    """Plain text -> Markdown that renders as exactly that text, on one line.

    HTML specials become entities; Markdown's inline syntax characters get a
    backslash; block markers (``#``, ``-``, ``1.``, ``:``) are escaped only at
    the start, where they act; ``|`` and ``~`` (tables, strikethrough
    extensions) become entities. So ``**x**``, ``[x](javascript:…)``,
    ``{: .cls}`` and ``<b>`` all stay text.
    """
    t = fmt.one_line(text)
    t = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    t = re.sub(r"([\\`*_{}\[\]()!])", r"\\\1", t)
    t = t.replace("|", "&#124;").replace("~", "&#126;")
    t = re.sub(r"^([#+-])", r"\\\1", t)
    t = re.sub(r"^(\d+)([.)])", r"\1\\\2", t)
    return re.sub(r"^:", "&#58;", t)


def resolve_site_url(site_url) -> str | None:
    """``site_url`` as read from mkdocs.yml by a plain YAML loader: a string, or
    the items of ``!ENV [VAR, …, default]`` (the first set variable wins, else
    the default). Empty -> None."""
    if isinstance(site_url, (list, tuple)):
        import os

        *names, default = list(site_url) or [None]
        site_url = next((os.environ[str(n)] for n in names if os.environ.get(str(n))), default)
    return str(site_url) if site_url else None


def permalink(brief_id: str, anchor: str | None = None, site_url: str | None = None, *,
              prefix: str = "briefs", use_directory_urls: bool = True) -> str:
    site_url = resolve_site_url(site_url)
    path = f"{prefix}/{brief_id}/" if use_directory_urls else f"{prefix}/{brief_id}.html"
    url = f"{site_url.rstrip('/')}/{path}" if site_url else path
    return f"{url}#{anchor}" if anchor else url


def find_fact(brief, fact_id: str):
    """The visible metric, quote or entity with this id; KeyError naming the choices."""
    for item in (*brief.visible_metrics(), *brief.visible_quotes(), *brief.visible_entities()):
        if item.id == fact_id:
            return item
    ids = [i.id for i in (*brief.visible_metrics(), *brief.visible_quotes())]
    raise KeyError(f"brief {brief.id!r} has no fact {fact_id!r}; facts: {', '.join(ids) or 'none'}")


def _fact_sentence(item) -> str | None:
    if item is None:
        return None
    if hasattr(item, "metric"):
        when = f", {fmt.period(item.period)}" if item.period else ""
        source = f" (source: {fmt.one_line(item.source)})" if item.source else ""
        return (f"{fmt.one_line(item.subject)} {fmt.one_line(item.metric)}{when}: "
                f"{fmt.value(item.value, item.unit, item.value_high, item.approximate)}{source}.")
    if hasattr(item, "text"):
        who = fmt.one_line(item.speaker) or "Unattributed"
        role = f" ({fmt.one_line(item.role)})" if item.role else ""
        return f"{who}{role}: “{fmt.one_line(item.text)}”."
    role = f", {fmt.one_line(item.role)}" if item.role else ""
    return f"{fmt.one_line(item.name)} ({item.type}{role})."


def citation(brief, fact_id: str | None = None, site_url: str | None = None, *,
             prefix: str = "briefs", use_directory_urls: bool = True, site_name: str = "Market briefs") -> dict:
    """``{"markdown", "text", "url", "fact"}`` citing the brief, or one fact of it."""
    item = find_fact(brief, fact_id) if fact_id else None
    url = permalink(brief.id, fact_id, site_url, prefix=prefix, use_directory_urls=use_directory_urls)
    src = brief.source
    title = fmt.one_line(src.title or brief.headline or brief.id)
    authors = fmt.join_names([fmt.one_line(a) for a in src.authors])
    date = fmt.date(src.published)
    publisher = fmt.one_line(src.publisher)
    fact = _fact_sentence(item)

    # plain text
    bits = [b for b in (authors, f"“{title}”", publisher, date) if b]
    text = ", ".join(bits) + "."
    source_url = safe_url(src.url)
    if source_url:
        text += f" {source_url}"
    text += f" Via {site_name}: {url}"
    if fact:
        text = f"{fact} {text}"

    # markdown
    md_title = f"[{md_escape(title)}](<{source_url}>)" if source_url else md_escape(title)
    md_bits = [b for b in (md_escape(authors), f"“{md_title}”", md_escape(publisher), md_escape(date)) if b]
    markdown = ", ".join(md_bits) + "."
    markdown += f" Via [{md_escape(site_name)}](<{safe_url(url) or url}>)."
    if fact:
        markdown = f"{md_escape(fact)} {markdown}"
    return {"markdown": markdown, "text": text, "url": url, "fact": fact_id}
