"""Runs the one spaCy pass + extraction over many articles, in worker processes, in bounded chunks.

Each worker loads the model once, parses its chunk with ``nlp.pipe`` and runs the extractors on
the same ``Doc`` (never a second parse); only plain records travel back. At most ``2 * n_workers``
chunks are in flight, so memory does not grow with the corpus.
"""
from __future__ import annotations

import multiprocessing as mp
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Iterable, Iterator, Sequence

from spacy.tokens import Doc

from pipeline.extract.doc_views import keep_text
from pipeline.nlp.parser_text import parser_text
from pipeline.nlp.segment import segment_chars, split_for_parser
from pipeline.records import Article, ArticleExtraction

_worker_model: str | None = None
_worker_batch_size = 8


def _init_worker(model: str, batch_size: int) -> None:
    global _worker_model, _worker_batch_size
    _worker_model, _worker_batch_size = model, batch_size
    from pipeline.nlp.model import load_model

    load_model(model)  # load before the first task, so a bad model name fails fast


def parse_articles(nlp, articles: Sequence[Article], batch_size: int) -> Iterator[Doc]:
    """One Doc per article, in order; long texts are parsed in segments and stitched back. The parser
    reads ``parser_text`` (markup made readable, same length); the Doc keeps the stored text for the
    extractors."""
    max_chars = segment_chars()
    pieces = [split_for_parser(parser_text(a.text), max_chars) for a in articles]
    docs = nlp.pipe((seg for segs in pieces for seg in segs), batch_size=batch_size)
    for article, segs in zip(articles, pieces):
        parts = [next(docs) for _ in segs]
        doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
        keep_text(doc, article.text)
        yield doc


def extract_chunk(articles: Sequence[Article], model: str | None = None,
                  batch_size: int | None = None) -> list[ArticleExtraction]:
    """Parse and extract one chunk in this process."""
    from pipeline.extract.assemble import extract_article
    from pipeline.nlp.model import load_model

    nlp = load_model(model or _worker_model)
    docs = parse_articles(nlp, articles, batch_size or _worker_batch_size)
    return [extract_article(doc, article) for doc, article in zip(docs, articles)]


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_extraction(articles: Iterable[Article], *, model: str, n_workers: int, chunk_size: int,
                   batch_size: int) -> Iterator[list[ArticleExtraction]]:
    """Yield the extractions chunk by chunk, in input order."""
    if n_workers <= 1:
        for chunk in _chunks(articles, chunk_size):
            yield extract_chunk(chunk, model, batch_size)
        return
    # spawn, not fork: the parent may hold DuckDB/Dagster threads that must not be forked.
    ctx = mp.get_context("spawn")
    with ProcessPoolExecutor(max_workers=n_workers, mp_context=ctx, initializer=_init_worker,
                             initargs=(model, batch_size)) as pool:
        pending: deque[Future] = deque()
        for chunk in _chunks(articles, chunk_size):
            pending.append(pool.submit(extract_chunk, chunk))
            if len(pending) >= 2 * n_workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
