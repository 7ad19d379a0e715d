"""One article's Doc -> every extraction, in dependency order (entities, figures, dates -> transfers)."""
from __future__ import annotations

from spacy.tokens import Doc

from pipeline.extract.doc_views import doc_sentences, doc_text, release
from pipeline.records import Article, ArticleExtraction


def _sentences_with_flags(doc: Doc) -> list[tuple[tuple[int, int, str], bool | None]]:
    """Each non-blank sentence's (start, end, text) and whether it was parsed (None: not recorded)."""
    from pipeline.nlp.tiers import parsed_flags

    out = []
    doc_str = doc_text(doc)
    sents = doc_sentences(doc)
    flags = parsed_flags(doc)
    if flags is None or len(flags) != len(sents):
        flags = [None] * len(sents)
    for sent, was_parsed in zip(sents, flags):
        text = doc_str[sent.start_char:sent.end_char]   # == sent.text, without re-joining tokens
        stripped = text.strip()
        if not stripped:
            continue
        lead = len(text) - len(text.lstrip())
        start = sent.start_char + lead
        out.append(((start, start + len(stripped), stripped), was_parsed))
    return out


def extract_article(doc: Doc, article: Article) -> ArticleExtraction:
    from pipeline.extract.dates import extract_dates
    from pipeline.extract.entities import extract_entities
    from pipeline.extract.figures import extract_figures
    from pipeline.extract.transfers import extract_transfers

    try:
        entities = extract_entities(doc, article.published_date)
        figures = extract_figures(doc)
        dates = extract_dates(doc, article.published_date)
        sentences = _sentences_with_flags(doc)
        flags = [p for _, p in sentences]
        # the gate parsed nothing: the article names no weapon, and a transfer row needs one
        gated_out = bool(flags) and None not in flags and not any(flags)
        transfers = [] if gated_out else extract_transfers(doc, entities, figures, dates,
                                                           published=article.published_date, title=article.title)
    finally:
        release(doc)
    return ArticleExtraction(article_id=article.article_id, content_hash=article.content_hash,
                             sentences=[s for s, _ in sentences], parsed=flags,
                             entities=entities, figures=figures, dates=dates, transfers=transfers)
