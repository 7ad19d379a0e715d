"""Views of a Doc that every extractor reads, computed once per Doc and cached in ``doc.user_data``.

``Doc.text`` re-joins every token on each access and ``Doc.sents`` re-scans every token before
yielding; the extractors read both, several times per article. Reading them once per Doc cut the
extractors' CPU by about a fifth (bench/profile_extract.py). The cached Spans point back at their
Doc, a reference cycle: ``release`` breaks it when the article is done, so the Doc is freed at once
instead of at the next cyclic garbage collection (which let worker memory creep up).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

_TEXT = "arms_pipeline.text"
_SENTS = "arms_pipeline.sentences"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once."""
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.user_data[_TEXT] = doc.text
    return cached


def keep_text(doc: Doc, text: str) -> None:
    """Make ``doc_text(doc)`` the stored article text when the parser read a same-length variant of it
    (pipeline.nlp.parser_text)."""
    parsed_len = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0   # len(doc.text), without the join
    if len(text) != parsed_len:
        raise ValueError("the parsed text and the stored text differ in length: offsets would not match")
    doc.user_data[_TEXT] = text


def doc_sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, once; a Doc without sentence boundaries is one sentence."""
    cached = doc.user_data.get(_SENTS)
    if cached is None:
        try:
            cached = list(doc.sents)
        except ValueError:  # no sentence boundaries set (no parser / senter)
            cached = [doc[:]] if len(doc) else []
        doc.user_data[_SENTS] = cached
    return cached


def release(doc: Doc) -> None:
    """Drop the cached views (and the Doc -> Span -> Doc cycle they make)."""
    doc.user_data.pop(_TEXT, None)
    doc.user_data.pop(_SENTS, None)
