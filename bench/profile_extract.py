"""Where the time goes: cProfile over ``pipeline.nlp.runner.extract_chunk`` on a sample, in-process.

    .venv/bin/python bench/profile_extract.py              # the 86 dev articles
    .venv/bin/python bench/profile_extract.py --n 400      # 400 corpus variants (bench/corpus.py)

Splits one process's CPU time (``time.process_time``, so other work on the machine does not
distort it) into: spaCy (``Language.pipe``), each extractor (entities, figures, dates, transfers,
sentence spans; each wrapped with a timer, no profiler overhead), and the warehouse write of the
same rows (``store.write_extractions`` into a fresh DuckDB file). A second pass under cProfile
lists the top functions by own time (``--top 0`` skips it). Dagster's own overhead is
not in here: it is ``pipeline_s`` minus the ``extract_mentions`` step (see run_bench's step times).
Prints a table, the top functions by own time, and as the LAST line ``PROFILE {json}``.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
sys.path.insert(0, str(BENCH_DIR))

# label -> (module, function) wrapped with a CPU timer; extract_article imports them at call time
PARTS = {
    "entities": ("pipeline.extract.entities", "extract_entities"),
    "figures": ("pipeline.extract.figures", "extract_figures"),
    "dates": ("pipeline.extract.dates", "extract_dates"),
    "transfers": ("pipeline.extract.transfers", "extract_transfers"),
    "sentence spans": ("pipeline.extract.assemble", "_sentences_with_flags"),
}


class Timers:
    """CPU seconds (time.process_time) spent inside each wrapped function and inside nlp.pipe."""

    def __init__(self):
        self.cpu: dict[str, float] = {}
        self._undo = []

    def _add(self, label, seconds):
        self.cpu[label] = self.cpu.get(label, 0.0) + seconds

    def wrap(self, label, module, name):
        import functools
        import importlib

        mod = importlib.import_module(module)
        original = getattr(mod, name)

        @functools.wraps(original)
        def timed(*a, **kw):
            t = time.process_time()
            try:
                return original(*a, **kw)
            finally:
                self._add(label, time.process_time() - t)

        setattr(mod, name, timed)
        self._undo.append((mod, name, original))

    def wrap_pipe(self):
        from spacy.language import Language

        original = Language.pipe
        timers = self

        def pipe(self_, *a, **kw):
            gen = original(self_, *a, **kw)
            while True:
                t = time.process_time()
                try:
                    doc = next(gen)
                except StopIteration:
                    timers._add("spacy (nlp.pipe)", time.process_time() - t)
                    return
                timers._add("spacy (nlp.pipe)", time.process_time() - t)
                yield doc

        Language.pipe = pipe
        self._undo.append((Language, "pipe", original))

    def restore(self):
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)
        self._undo.clear()


def load_articles(n: int | None, seed: int):
    from corpus import DEFAULT_DEV_DIR, build_corpus

    from pipeline.ingest import scan

    if n:
        folder = Path(tempfile.mkdtemp(prefix="arms-profile-"))
        build_corpus(n, folder, seed=seed)
    else:
        folder = DEFAULT_DEV_DIR
    return sorted(scan(folder, 5 * 1024 * 1024).articles, key=lambda a: a.article_id)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=None, help="articles from the bench corpus (default: the dev set)")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args(argv)

    from pipeline.extract.assemble import extract_article  # noqa: F401 - imports outside the profile
    from pipeline.nlp.model import load_model
    from pipeline.nlp.runner import extract_chunk
    from pipeline.settings import extractor_version
    from pipeline.warehouse.store import apply_schema, write_extractions

    articles = load_articles(args.n, args.seed)
    t0 = time.perf_counter()
    load_model()
    load_s = time.perf_counter() - t0
    extract_chunk(articles[:2], None, args.batch_size)  # warm up: lazy gazetteers, matchers, caches

    timers = Timers()
    timers.wrap_pipe()
    for label, (module, name) in PARTS.items():
        timers.wrap(label, module, name)
    t0, c0 = time.perf_counter(), time.process_time()
    extractions = extract_chunk(articles, None, args.batch_size)
    extract_s, extract_cpu = time.perf_counter() - t0, time.process_time() - c0
    timers.restore()

    import duckdb

    parts = {label: timers.cpu.get(label, 0.0) for label in ["spacy (nlp.pipe)", *PARTS]}
    parts["other (glue, records)"] = max(extract_cpu - sum(parts.values()), 0.0)
    with tempfile.TemporaryDirectory() as tmp:  # the same rows through the warehouse's writer
        con = duckdb.connect(str(Path(tmp) / "p.duckdb"))
        apply_schema(con)
        t0, c0 = time.perf_counter(), time.process_time()
        con.execute("BEGIN TRANSACTION")
        write_extractions(con, extractions, extractor_version())
        con.execute("COMMIT")
        write_s, write_cpu = time.perf_counter() - t0, time.process_time() - c0
        con.close()
    rows = list(parts.items()) + [("duckdb write (frames+insert)", write_cpu)]
    total = sum(v for _, v in rows)
    n = len(articles)
    n_sents = sum(len(e.sentences) for e in extractions)

    print(f"{n} articles, {n_sents} sentences; model load {load_s:.2f}s (not included); extract_chunk "
          f"{extract_s:.2f}s wall / {extract_cpu:.2f}s CPU; DuckDB write {write_s:.2f}s wall\n")
    print(f"{'part (CPU seconds)':<30}{'seconds':>9}{'share':>8}{'ms/article':>12}")
    for label, secs in rows:
        print(f"{label:<30}{secs:>9.2f}{secs / total:>8.1%}{1000 * secs / n:>12.1f}")
    extractors = sum(parts[k] for k in PARTS)
    print(f"\nextractors / spaCy = {extractors / max(parts['spacy (nlp.pipe)'], 1e-9):.2f} "
          f"(the pipeline can reach throughput_ratio ~ 1 / (1 + this + write/spaCy) at best)")
    if args.top:
        prof = cProfile.Profile(time.process_time)
        prof.enable()
        extract_chunk(articles, None, args.batch_size)
        prof.disable()
        print(f"\ntop {args.top} functions by own CPU time (a second pass, under cProfile):")
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.top)
    print("PROFILE " + json.dumps({
        "n_articles": n, "n_sentences": n_sents, "model_load_s": round(load_s, 2),
        "extract_chunk_s": round(extract_s, 2), "extract_chunk_cpu_s": round(extract_cpu, 2),
        "duckdb_write_s": round(write_s, 2), "extractors_over_spacy": round(extractors / max(parts["spacy (nlp.pipe)"], 1e-9), 3),
        "parts_s": {k: round(v, 2) for k, v in rows},
        "shares": {k: round(v / total, 3) for k, v in rows},
        "ms_per_article": {k: round(1000 * v / n, 1) for k, v in rows},
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
