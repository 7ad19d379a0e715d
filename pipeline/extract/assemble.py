"""One article's Doc -> every extraction, in dependency order (entities, figures, dates -> transfers)."""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.extract.doc_views import doc_sentences, doc_text, release
from pipeline.records import Article, ArticleExtraction


def sentence_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """Sentence (start, end, text) triples, whitespace-only 'sentences' dropped."""
    spans = []
    doc_str = doc_text(doc)
    for sent in doc_sentences(doc):
        text = doc_str[sent.start_char:sent.end_char]   # == sent.text, without re-joining tokens
        stripped = text.strip()
        if not stripped:
            continue
        lead = len(text) - len(text.lstrip())
        start = sent.start_char + lead
        spans.append((start, start + len(stripped), stripped))
    return spans


def extract_article(doc: Doc, article: Article) -> ArticleExtraction:
    from pipeline.extract.dates import extract_dates
    from pipeline.extract.entities import extract_entities
    from pipeline.extract.figures import extract_figures
    from pipeline.extract.transfers import extract_transfers

    try:
        entities = extract_entities(doc, article.published_date)
        figures = extract_figures(doc)
        dates = extract_dates(doc, article.published_date)
        transfers = extract_transfers(doc, entities, figures, dates, published=article.published_date,
                                      title=article.title)
        sentences = sentence_spans(doc)
    finally:
        release(doc)
    return ArticleExtraction(article_id=article.article_id, content_hash=article.content_hash, sentences=sentences,
                             entities=entities, figures=figures, dates=dates, transfers=transfers)
