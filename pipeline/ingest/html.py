"""Main text, title and publication date of an HTML page (parsed with lexbor, never executed).

* dropped with everything inside: script, style, noscript, nav, header, footer,
  aside, form, plus other non-text elements (template, svg, iframe, object, embed,
  canvas, button, select, textarea, head) and elements marked ``hidden`` /
  ``aria-hidden="true"`` / ``display:none``; comments are ignored;
* container: the ``<article>`` with the most text, else ``<main>``, else ``<body>``
  (a container that yields no text falls through to the next);
* block elements (p, div, h1-h6, li, blockquote, section, tr, ...) end a paragraph:
  paragraphs are separated by a blank line; ``<br>`` is a line break; table cells
  in a row are separated by a space; whitespace inside a paragraph collapses as a
  browser would;
* title: ``<title>``, else the first ``<h1>``;
* published: the first parsable ISO date among the meta tags (property, name or
  itemprop) ``article:published_time``, ``datePublished``, ``date``, ``pubdate``,
  ``og:published_time``, ``dc.date`` (+ ``dcterms.date``, ``dc.date.issued``), then
  JSON-LD ``datePublished``, then ``<time datetime>`` inside the article/main element.
  A date that is not ISO is ignored (None), never guessed; when no candidate is ISO, the first
  one is kept as ``published_raw`` so the article records why it has no date;
* source: ``og:site_name``; url: ``<link rel=canonical>``, else ``og:url``.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .normalise import parse_date

DROP_TAGS = frozenset({
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form",
    "template", "svg", "iframe", "object", "embed", "canvas", "button", "select",
    "textarea", "head", "math",
})
BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hgroup", "hr", "html", "legend", "li", "main", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
})
CELL_TAGS = frozenset({"td", "th"})
DATE_META_KEYS = (
    "article:published_time", "datepublished", "date", "pubdate", "og:published_time",
    "dc.date", "dcterms.date", "dc.date.issued",
)
_HTML_SPACE_RE = re.compile(r"[ \t\n\r\f]+")


@dataclass(frozen=True, slots=True)
class HtmlDoc:
    text: str                      # not yet normalised (paragraphs joined by "\n\n")
    title: str | None
    published: dt.date | None
    source: str | None
    url: str | None
    published_raw: str | None = None   # the candidate that gave ``published``, else the first candidate


def extract_html(html: str) -> HtmlDoc:
    tree = LexborHTMLParser(html)
    meta = _meta(tree)
    title = _node_text(tree.css_first("title")) or _node_text(tree.css_first("h1"))
    text, container = "", None
    for candidate in _containers(tree):
        text = _block_text(candidate)
        if text:
            container = candidate
            break
    published, published_raw = _published(tree, meta, container)
    url = None
    for link in tree.css("link[rel]"):
        if "canonical" in (link.attributes.get("rel") or "").lower().split():
            url = (link.attributes.get("href") or "").strip() or None
            break
    return HtmlDoc(text=text, title=title, published=published,
                   source=meta.get("og:site_name"), url=url or meta.get("og:url"),
                   published_raw=published_raw)


def _node_text(node: LexborNode | None) -> str | None:
    if node is None:
        return None
    t = _HTML_SPACE_RE.sub(" ", node.text(deep=True) or "").strip()
    return t or None


def _meta(tree: LexborHTMLParser) -> dict[str, str]:
    """First value of each meta key (property / name / itemprop, lower-cased)."""
    out: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = (attrs.get("content") or attrs.get("datetime") or "").strip()
        if not content:
            continue
        for key_attr in ("property", "name", "itemprop"):
            key = (attrs.get(key_attr) or "").strip().lower()
            if key:
                out.setdefault(key, content)
    return out


def _containers(tree: LexborHTMLParser) -> list[LexborNode]:
    out = []
    articles = tree.css("article")
    if articles:
        out.append(max(articles, key=lambda n: len(n.text(deep=True) or "")))
    main = tree.css_first("main")
    if main is not None:
        out.append(main)
    if tree.body is not None:
        out.append(tree.body)
    return out


def _published(tree: LexborHTMLParser, meta: dict[str, str],
               container: LexborNode | None) -> tuple[dt.date | None, str | None]:
    """(date, the raw value it came from); (None, first candidate) when no candidate is ISO."""
    candidates: list[str] = []
    for key in DATE_META_KEYS:
        if key in meta:
            if (d := parse_date(meta[key])):
                return d, meta[key]
            candidates.append(meta[key])
    for node in tree.css('script[type="application/ld+json"]'):
        d, raw = _jsonld_date(node.text(deep=True) or "")
        if d:
            return d, raw
        if raw:
            candidates.append(raw)
    if container is not None and container.tag in ("article", "main"):
        for node in container.css("time[datetime]"):
            value = (node.attributes.get("datetime") or "").strip()
            if (d := parse_date(value)):
                return d, value
            if value:
                candidates.append(value)
    return None, (candidates[0] if candidates else None)


def _jsonld_date(raw: str) -> tuple[dt.date | None, str | None]:
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return None, None
    todo, seen, first = [data], 0, None
    while todo and seen < 1000:            # bounded breadth-first search for datePublished
        item = todo.pop(0)
        seen += 1
        if isinstance(item, dict):
            value = item.get("datePublished")
            if (d := parse_date(value)):
                return d, value
            if isinstance(value, str) and value.strip() and first is None:
                first = value.strip()
            todo.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            todo.extend(item)
    return None, first


def _hidden(node: LexborNode) -> bool:
    attrs = node.attributes
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _block_text(container: LexborNode) -> str:
    """Visible text of ``container``, one paragraph per block; iterative (no recursion limit)."""
    paragraphs: list[str] = []
    buf: list[str] = []
    pre_depth = 0

    def flush() -> None:
        if not buf:
            return
        lines = (" ".join(line.split()) for line in "".join(buf).split("\n"))
        buf.clear()
        para = "\n".join(line for line in lines if line)
        if para:
            paragraphs.append(para)

    stack: list[tuple[LexborNode, bool]] = [(container, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            if node.tag in BLOCK_TAGS:
                flush()
            if node.tag == "pre":
                pre_depth -= 1
            continue
        if node.is_text_node:
            t = node.text_content or ""
            buf.append(t if pre_depth else _HTML_SPACE_RE.sub(" ", t))
            continue
        if not node.is_element_node:
            continue                     # comments, doctype
        tag = node.tag or ""
        if tag in DROP_TAGS or _hidden(node):
            continue
        if tag == "br":
            buf.append("\n")
            continue
        if tag in CELL_TAGS:
            buf.append(" ")
        if tag in BLOCK_TAGS:
            flush()
        if tag == "pre":
            pre_depth += 1
        stack.append((node, True))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    flush()
    return "\n\n".join(paragraphs)
