"""One parser per input format: decoded text -> articles and/or rejects.

Each parser takes the decoded (not yet normalised) file content, the default
``article_id`` (the file stem) and the file's ``source_path``. Metadata fields are
validated the same way for every format by :func:`build_article`.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping

import yaml

from ..records import Article, Reject
from . import reasons as R
from .html import extract_html
from .language import english_verdict
from .normalise import content_hash, normalise_text, normalise_title, read_published

Parsed = tuple[list[Article], list[Reject]]
_OPTIONAL_STR_FIELDS = ("title", "source", "url", "provenance")


def _type_name(v: object) -> str:
    return {dict: "object", list: "array", bool: "boolean", int: "number",
            float: "number", type(None): "null"}.get(type(v), type(v).__name__)


def resolve_id(value: object, default: str) -> tuple[str | None, str | None]:
    """``(article_id, None)`` or ``(None, problem)``.

    Ids are kept verbatim (quotes, ``;``, ``--``, spaces inside ... are all fine) apart
    from stripping surrounding whitespace; a missing, null or blank id falls back to
    ``default``. An integer id becomes its decimal string. An id must be a string or
    an integer and must be storable: no NUL, no lone surrogate.
    """
    if value is None:
        return default, None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value), None
    if not isinstance(value, str):
        return None, f"'id' must be a string or an integer, got {_type_name(value)}"
    value = value.strip()
    if not value:
        return default, None
    if "\x00" in value or re.search("[\ud800-\udfff]", value):
        return None, "'id' contains a NUL character or a lone surrogate"
    return value, None


def build_article(fields: Mapping[str, object], text: object, *, default_id: str,
                  source_path: str, text_label: str = "'text'") -> Article | Reject:
    """Validate metadata + body and build the Article (or the Reject saying why not).

    * ``text`` must be a string (else ``invalid_field``) with something left after
      normalisation (else ``no_text``);
    * ``title``, ``source``, ``url``, ``provenance``: string or null, else
      ``invalid_field``; normalised to one line; blank -> None;
    * ``published``: see :func:`read_published`; a value that is not an ISO date (or not
      a string) leaves ``published_date`` NULL and the article is kept, with the value in
      ``published_raw`` and the reason in ``published_note``;
    * a text that is not English (see :mod:`.language`) -> ``not_english``.
    """
    article_id, problem = resolve_id(fields.get("id"), default_id)
    if problem:
        return Reject(source_path, R.INVALID_FIELD, problem)
    if text is None:
        keys = ", ".join(sorted(map(str, fields))[:12]) or "none"
        return Reject(source_path, R.NO_TEXT, f"no {text_label} (fields present: {keys})",
                      article_id)
    if not isinstance(text, str):
        return Reject(source_path, R.INVALID_FIELD,
                      f"{text_label} must be a string, got {_type_name(text)}", article_id)
    meta: dict[str, str | None] = {}
    for name in _OPTIONAL_STR_FIELDS:
        value = fields.get(name)
        if value is not None and not isinstance(value, str):
            return Reject(source_path, R.INVALID_FIELD,
                          f"'{name}' must be a string, got {_type_name(value)}", article_id)
        meta[name] = normalise_title(value)
    body = normalise_text(text)
    if not body:
        return Reject(source_path, R.NO_TEXT, f"{text_label} is empty after normalisation",
                      article_id)
    verdict = english_verdict(body)
    if verdict:
        return Reject(source_path, R.NOT_ENGLISH, verdict, article_id)
    published, published_raw, published_note = read_published(fields.get("published"))
    return Article(
        article_id=article_id, text=body, title=meta["title"], published_date=published,
        source=meta["source"], url=meta["url"], source_path=source_path,
        content_hash=content_hash(meta["title"], published, body),
        provenance=meta["provenance"], language="en",
        published_raw=published_raw, published_note=published_note,
    )


def _one(result: Article | Reject) -> Parsed:
    return ([result], []) if isinstance(result, Article) else ([], [result])


def _split_title(norm: str) -> tuple[str, str]:
    """First line (already the first non-empty one after normalisation) and the rest."""
    title, _, body = norm.partition("\n")
    return title, body


# ---------------------------------------------------------------- .txt
def parse_txt(raw: str, stem: str, source_path: str) -> Parsed:
    title, body = _split_title(normalise_text(raw))
    return _one(build_article({"title": title}, body, default_id=stem,
                              source_path=source_path, text_label="body after the title line"))


# ---------------------------------------------------------------- .md
_ATX_RE = re.compile(r"#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*")
_SETEXT_RE = re.compile(r"(=+|-+)")


def _md_title_and_body(norm: str) -> tuple[str | None, str]:
    """Title = first line with a heading marker (``# `` or a setext underline) removed."""
    title, body = _split_title(norm)
    m = _ATX_RE.fullmatch(title)
    if m:
        title = (m.group(1) or "").strip()
    else:
        underline, _, rest = body.partition("\n")
        if _SETEXT_RE.fullmatch(underline):
            body = rest
    return title or None, body


def parse_md(raw: str, stem: str, source_path: str) -> Parsed:
    """Optional YAML front matter between a first line ``---`` and a line ``---``/``...``.

    Front matter is read with PyYAML's BaseLoader: every scalar stays a string, so
    ``id: 00123`` keeps its zeros, ``title: 1984`` is a title and nothing is ever
    constructed from tags. A ``---`` first line without a closing line, YAML that does
    not parse, or YAML that is not a mapping -> ``malformed_front_matter`` (it is never
    silently treated as body text). Without a ``title`` in the front matter, a
    heading on the first body line becomes the title.
    """
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[0].rstrip() != "---":
        title, body = _md_title_and_body(normalise_text(raw))
        return _one(build_article({"title": title}, body, default_id=stem,
                                  source_path=source_path,
                                  text_label="body after the title line"))
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return _one(Reject(source_path, R.MALFORMED_FRONT_MATTER,
                           "front matter opened by '---' on line 1 is never closed"))
    try:
        meta = yaml.load("\n".join(lines[1:end]), Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds only str/list/dict
    except yaml.YAMLError as e:
        detail = " ".join(str(e).split())
        return _one(Reject(source_path, R.MALFORMED_FRONT_MATTER, f"YAML error: {detail[:300]}"))
    except RecursionError:
        return _one(Reject(source_path, R.MALFORMED_FRONT_MATTER, "YAML nested too deeply"))
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return _one(Reject(source_path, R.MALFORMED_FRONT_MATTER,
                           f"front matter is a {_type_name(meta)}, not a mapping of fields"))
    body = normalise_text("\n".join(lines[end + 1:]))
    if meta.get("title") is None:
        title, rest = _md_title_and_body(body)
        if title and _ATX_RE.fullmatch(body.partition("\n")[0]):
            meta = {**meta, "title": title}
            body = rest
    return _one(build_article(meta, body, default_id=stem, source_path=source_path,
                              text_label="body after the front matter"))


# ---------------------------------------------------------------- .json / .jsonl
def _load_object(raw: str, source_path: str) -> tuple[dict | None, Reject | None]:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as e:
        return None, Reject(source_path, R.MALFORMED_JSON,
                            f"line {e.lineno} column {e.colno}: {e.msg}")
    except (ValueError, RecursionError) as e:  # e.g. an integer of > 4300 digits, deep nesting
        msg = str(e) or type(e).__name__
        return None, Reject(source_path, R.MALFORMED_JSON, msg[:300])
    if not isinstance(obj, dict):
        return None, Reject(source_path, R.NOT_AN_OBJECT,
                            f"top-level value is {_type_name(obj)}, expected an object")
    return obj, None


def parse_json(raw: str, stem: str, source_path: str) -> Parsed:
    obj, reject = _load_object(raw, source_path)
    if reject:
        return [], [reject]
    return _one(build_article(obj, obj.get("text"), default_id=stem, source_path=source_path))


def parse_jsonl(raw: str, stem: str, source_path: str) -> Parsed:
    """One object per ``\\n``-separated line (U+2028 inside a string is not a line end);
    blank lines are skipped; each other line is an input of its own."""
    articles: list[Article] = []
    rejects: list[Reject] = []
    for n, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source_path}:{n}"
        obj, reject = _load_object(line, where)
        result = reject or build_article(obj, obj.get("text"), default_id=f"{stem}-{n}",
                                         source_path=where)
        (articles if isinstance(result, Article) else rejects).append(result)
    return articles, rejects


# ---------------------------------------------------------------- .html / .htm
def parse_html(raw: str, stem: str, source_path: str) -> Parsed:
    doc = extract_html(raw)
    fields = {"title": doc.title, "source": doc.source, "url": doc.url,
              "published": doc.published_raw if doc.published_raw is not None else doc.published}
    return _one(build_article(fields, doc.text, default_id=stem, source_path=source_path,
                              text_label="visible main text"))


PARSERS: dict[str, Callable[[str, str, str], Parsed]] = {
    ".txt": parse_txt, ".md": parse_md, ".json": parse_json, ".jsonl": parse_jsonl,
    ".html": parse_html, ".htm": parse_html,
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(PARSERS)
