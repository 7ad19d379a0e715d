"""The spaCy pass: segmentation of long texts, offsets that index the stored text."""
from __future__ import annotations

import pytest

from pipeline.nlp.runner import extract_chunk
from pipeline.nlp.tiers import parse_articles
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
    (doc,) = parse_articles(nlp, [article], batch_size=8, depth="full")
    assert doc.text == article.text
    assert sum(1 for _ in doc.sents) >= 24
    # the same mentions as parsing paragraph by paragraph
    extraction = extract_chunk([article])[0]
    countries = [e for e in extraction.entities if e.label == "COUNTRY"]
    assert len(countries) == 24
    assert all(article.text[e.char_start:e.char_end] == e.text for e in extraction.entities)


# --------------------------------------------------------------------------- Reuters company markup
@pytest.mark.parametrize("text, expected", [
    ("STAVANGER - <Helikopter Service A/S>, Norway's operator", 'STAVANGER - "Helikopter Service A/S", Norway\'s operator'),
    ("shares of <BAEL.L> rose", 'shares of "BAEL.L" rose'),
    ("a < b and c > d", "a < b and c > d"),                      # not markup: lower case, spaces
    ("no markup at all", "no markup at all"),
])
def test_parser_text_quotes_reuters_markup_with_the_same_length(text, expected):
    from pipeline.nlp.parser_text import parser_text

    assert parser_text(text) == expected and len(parser_text(text)) == len(text)


def test_parsed_doc_keeps_the_stored_text_and_reads_the_bracketed_company_as_a_name(nlp):
    from pipeline.extract.assemble import extract_article

    text = ("STAVANGER, March 27 - <Helikopter Service A/S>, Norway's biggest helicopter operator, will assemble "
            "18 Bell 412 SP helicopters for Norwegian Defence under license from <Bell Helicopters Textron> "
            "of the U.S., the company said.")
    article = Article(article_id="r", text=text, title=None, published_date=None, content_hash="h")
    doc = next(parse_articles(nlp, [article], batch_size=8, depth="full"))
    extraction = extract_article(doc, article)
    assert all(text[s:e] == t for s, e, t in extraction.sentences)
    assert any("<" in t for _s, _e, t in extraction.sentences)          # the stored text, brackets and all
    rows = {(r.supplier_iso3, r.recipient_iso3, r.weapon_category, r.stage) for r in extraction.transfers}
    assert rows == {("USA", "NOR", "helicopters", "licensed")}
