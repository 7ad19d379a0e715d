"""The baseline: plain ``nlp.pipe`` over the same texts, same model, same components, same processes.

Run as a fresh subprocess by ``run_bench.py`` (so its memory and start-up are its own):

    python bench/raw_spacy.py TEXTS.jsonl --model NAME --n-process 2 --batch-size 64 [--tune 32,64,128]

Prints one JSON line: ``load_s`` (spacy.load, timed separately), ``pipe_s`` (nlp.pipe over all
texts, consuming every Doc and counting its sentences), ``pipe_cpu_s`` (CPU seconds of that pass,
this process + its workers), ``n_docs``, ``n_sents``, the batch size
used and, with ``--tune``, the time of each candidate batch size on a sample.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
for entry in reversed(os.environ.get("PYTHONPATH", "").split(os.pathsep)):  # run_bench's code snapshot first
    if entry:
        sys.path.insert(0, entry)


def _reap() -> None:
    """Wait for spaCy's finished worker processes, so their CPU time lands in RUSAGE_CHILDREN."""
    deadline = time.monotonic() + 10
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _pipe(nlp, texts, n_process: int, batch_size: int) -> tuple[float, int, float]:
    """(wall seconds, sentences, CPU seconds of this process + its workers) of one nlp.pipe pass."""
    _reap()
    cpu0, started = _cpu(), time.perf_counter()
    n_sents = 0
    for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        n_sents += sum(1 for _ in doc.sents)
    wall = time.perf_counter() - started
    _reap()
    return wall, n_sents, _cpu() - cpu0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("texts", type=Path, help="JSONL, one JSON string (a text) per line")
    ap.add_argument("--model", default=None)
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--tune", default="", help="comma-separated batch sizes to try on a sample first")
    ap.add_argument("--tune-sample", type=int, default=120)
    args = ap.parse_args(argv)

    texts = [json.loads(line) for line in args.texts.read_text(encoding="utf-8").splitlines() if line]

    from pipeline.nlp.model import load_model

    started = time.perf_counter()
    nlp = load_model(args.model)  # the pipeline's loader: same model, same enabled components
    load_s = time.perf_counter() - started

    tuning = {}
    batch_size = args.batch_size
    if args.tune:
        sample = texts[: args.tune_sample]
        for candidate in (int(x) for x in args.tune.split(",") if x):
            tuning[candidate] = round(_pipe(nlp, sample, args.n_process, candidate)[0], 3)
        batch_size = min(tuning, key=tuning.get)

    pipe_s, n_sents, pipe_cpu_s = _pipe(nlp, texts, args.n_process, batch_size)
    print(json.dumps({"load_s": round(load_s, 3), "pipe_s": round(pipe_s, 3), "pipe_cpu_s": round(pipe_cpu_s, 2),
                      "n_docs": len(texts),
                      "n_sents": n_sents, "batch_size": batch_size, "n_process": args.n_process,
                      "components": nlp.pipe_names, "tuning_s": tuning}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
