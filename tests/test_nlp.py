"""The spaCy pass: segmentation of long texts, offsets that index the stored text."""
from __future__ import annotations

import pytest

from pipeline.nlp.runner import extract_chunk, parse_articles
from pipeline.nlp.segment import split_for_parser
from pipeline.records import Article

PARA = "Russia bought drones from Iran last month. The deal was confirmed by officials.\n\n"


@pytest.mark.parametrize("text, max_chars", [
    (PARA * 40_000, 100_000),                        # a 3 MB article: paragraph cuts
    ("word " * 50_000, 1_000),                       # no paragraphs: cut between words
    ("x" * 2_500, 1_000),                            # one unbroken run: hard cuts
    ("short text", 100_000),                         # nothing to cut
    ("Line one.\nLine two.\nLine three.", 12),       # line cuts
])
def test_segments_concatenate_to_the_text_and_respect_the_limit(text, max_chars):
    segments = split_for_parser(text, max_chars)
    assert "".join(segments) == text
    assert all(0 < len(s) <= max_chars for s in segments)


def test_paragraph_boundaries_are_preferred():
    segments = split_for_parser(PARA * 10, len(PARA) * 3 + 5)
    assert all(s.endswith("\n\n") for s in segments[:-1])


def test_stitched_doc_indexes_the_original_text(nlp, monkeypatch):
    monkeypatch.setenv("ARMS_NLP_SEGMENT_CHARS", "300")
    article = Article("long", PARA * 12, content_hash="h")
    (doc,) = parse_articles(nlp, [article], batch_size=8)
    assert doc.text == article.text
    assert sum(1 for _ in doc.sents) >= 24
    # the same mentions as parsing paragraph by paragraph
    extraction = extract_chunk([article])[0]
    countries = [e for e in extraction.entities if e.label == "COUNTRY"]
    assert len(countries) == 24
    assert all(article.text[e.char_start:e.char_end] == e.text for e in extraction.entities)
