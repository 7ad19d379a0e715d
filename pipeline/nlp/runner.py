"""Runs the one spaCy pass + extraction over many articles, in worker processes, in bounded chunks.

Each worker loads the model once, parses its chunk in two tiers (``pipeline.nlp.tiers``: sentence
boundaries everywhere, the statistical pipeline where the gate says a transfer can be) and runs the
extractors on the same ``Doc`` (never a second parse); only plain records travel back. At most ``2 * n_workers``
chunks are in flight, so memory does not grow with the corpus.
"""
from __future__ import annotations

import math
import multiprocessing as mp
import os
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Iterable, Iterator, Sequence

from pipeline import settings
from pipeline.records import Article, ArticleExtraction

_worker_model: str | None = None
_worker_batch_size = 8
# Below this many pending articles, starting worker processes costs more than it saves.
MIN_ARTICLES_FOR_WORKERS = 40
PARENT_POLL_S = 0.5


def plan_workers(n_articles: int, requested: int, chunk_size: int, cores: int) -> tuple[int, int]:
    """(worker processes, articles per chunk): never more workers than cores or than chunks, and one
    (in-process) below ``MIN_ARTICLES_FOR_WORKERS`` articles."""
    if n_articles <= 0:
        return 1, 1
    workers = 1 if n_articles < MIN_ARTICLES_FOR_WORKERS else max(1, min(requested, cores))
    chunk_size = max(1, min(chunk_size, math.ceil(n_articles / workers)))
    return min(workers, math.ceil(n_articles / chunk_size)), chunk_size


def _exit_with_parent(parent_pid: int) -> None:
    """Make this worker die with the process that started it. A worker whose parent was killed (kill -9)
    would otherwise wait on the task queue for ever, holding the model's memory: the queue's write end
    lives in the worker too, so it never sees end-of-file. Linux: the kernel sends SIGKILL when the
    parent goes (prctl PR_SET_PDEATHSIG; strictly, when the parent's thread that started the worker
    ends, which is the thread iterating ``run_extraction``); everywhere: a thread polls os.getppid()."""
    if os.getppid() != parent_pid:      # the parent died before we got here
        os._exit(1)
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent_pid:      # it died between the first check and prctl
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _init_worker(model: str, batch_size: int, parent_pid: int | None = None) -> None:
    global _worker_model, _worker_batch_size
    if parent_pid is not None:
        _exit_with_parent(parent_pid)
    _worker_model, _worker_batch_size = model, batch_size
    from pipeline.nlp.model import load_model

    load_model(model)  # load before the first task, so a bad model name fails fast


def extract_chunk(articles: Sequence[Article], model: str | None = None,
                  batch_size: int | None = None, depth: str | None = None) -> list[ArticleExtraction]:
    """Parse and extract one chunk in this process (``depth``: gated or full; None -> ARMS_NLP_DEPTH)."""
    from pipeline.extract.assemble import extract_article
    from pipeline.nlp.model import load_model
    from pipeline.nlp.tiers import parse_articles

    nlp = load_model(model or _worker_model)
    docs = parse_articles(nlp, articles, batch_size or _worker_batch_size, depth or settings.nlp_depth())
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
                             initargs=(model, batch_size, os.getpid())) as pool:
        pending: deque[Future] = deque()
        for chunk in _chunks(articles, chunk_size):
            pending.append(pool.submit(extract_chunk, chunk))
            if len(pending) >= 2 * n_workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
