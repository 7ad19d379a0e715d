"""Benchmark: the Dagster pipeline end to end against plain spaCy on the same texts (`make bench`).

Not a test: it measures and prints. One run does, at a small N and a large N:

  1. builds a deterministic corpus of N unique articles from the dev articles (bench/corpus.py);
  2. ``pipeline_s``: materialises every asset the documented way,
     ``dagster asset materialize -m pipeline.definitions --select '*'`` as a subprocess with
     ARMS_ARTICLES_DIR, ARMS_WAREHOUSE (fresh) and a fresh DAGSTER_HOME, while polling the RSS of
     the whole process tree (every 0.2 s, summed over the subprocess and all its children);
  3. ``noop_s``: the same command again, nothing changed;
  4. ``raw_spacy_s``: ``nlp.pipe`` over the texts the pipeline stored in ``articles.text``, same
     model and components (the pipeline's loader), ``n_process`` = the pipeline's worker count,
     batch size tuned on a sample, in a fresh subprocess. The model load is timed separately and
     NOT included in ``raw_spacy_s`` (``pipeline_s`` does include its start-up and model loads, so
     ``throughput_ratio`` is the strict one; ``throughput_ratio_incl_load`` adds the load to raw);
  5. ``empty_s``: a materialisation on an empty folder with a fresh warehouse.

Prints a table and, as the LAST line, ``BENCH {json}``.

    .venv/bin/python bench/run_bench.py                 # N = 1,000 and 10,000 (~16 min on 2 idle cores)
    .venv/bin/python bench/run_bench.py --quick         # N = 50 and 200, a smoke run
    .venv/bin/python bench/run_bench.py --small 500 --large 3000 --keep
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import resource

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(BENCH_DIR))

from corpus import build_corpus, read_texts  # noqa: E402
from feed import build_feed, feed_available, parsed_share  # noqa: E402

TARGETS = {"throughput_ratio_min": 0.8, "noop_ratio_max": 1.5, "rss_growth_max": 1.5,
           "peak_rss_mb_max": 1500, "large_10k_s_max": 600}
BATCH_CANDIDATES = "16,32,64,128"


# ----------------------------------------------------------------------------- measuring
def run_monitored(cmd: list[str], env: dict, log_path: Path, poll_s: float = 0.2) -> dict:
    """Run ``cmd``; wall time, CPU time, exit code and the peak of the summed RSS of its process tree.

    CPU time is the RUSAGE_CHILDREN delta (user + system of every descendant that was waited for):
    unlike wall time it hardly moves when other work shares the machine.
    """
    peak = peak_one = n_procs = 0
    samples = 0
    load_before = os.getloadavg()[0]
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = ru.ru_utime + ru.ru_stime
    with open(log_path, "wb") as log:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=CODE_ROOT, stdout=log, stderr=subprocess.STDOUT)
        root = psutil.Process(proc.pid)
        while proc.poll() is None:
            total = 0
            try:
                tree = [root] + root.children(recursive=True)
            except psutil.Error:
                tree = []
            for p in tree:
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue  # exited between listing and reading
                total += rss
                peak_one = max(peak_one, rss)
            peak = max(peak, total)
            n_procs = max(n_procs, len(tree))
            samples += 1
            time.sleep(poll_s)
        wall = time.perf_counter() - started
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"wall_s": wall, "cpu_s": ru.ru_utime + ru.ru_stime - cpu_before, "rc": proc.returncode,
            "peak_rss_mb": peak / 2**20, "max_process_rss_mb": round(peak_one / 2**20, 1),
            "max_processes": n_procs, "rss_samples": samples,
            "loadavg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)]}


_DUR = re.compile(r"([\d.]+)(ms|h|m|s)")
_STEP = re.compile(r'Finished execution of step "([^"]+)" in ([0-9hms.]+)\.')


def _seconds(text: str) -> float:
    scale = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0}
    return sum(float(v) * scale[u] for v, u in _DUR.findall(text))


def step_times(log_path: Path) -> dict[str, float]:
    """Per-step durations as Dagster logged them (``Finished execution of step "x" in 4m2s.``)."""
    text = log_path.read_text(encoding="utf-8", errors="replace")
    return {step: round(_seconds(dur), 2) for step, dur in _STEP.findall(text)}


INSTANCE_YAML = REPO / "pipeline" / "dagster_instance.yaml"
CODE_ROOT = REPO          # where the pipeline code is imported from (a frozen copy with --snapshot)
_NEED_NLP = re.compile(r"(\d+) articles need NLP \(extractor ([^)]*)\)")


def snapshot_code(dest: Path) -> Path:
    """Freeze pipeline/ and sql/ into ``dest`` so that every run of this benchmark sees the same code.

    ``settings.extractor_version()`` digests pipeline/extract, data and nlp: an edit made while the
    benchmark runs would make the "no-op" run re-extract everything. The copy is imported first
    (PYTHONPATH) by every subprocess; the command and the definitions are the same.
    """
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("pipeline", "sql"):
        shutil.copytree(REPO / name, dest / name, ignore=ignore)
    return dest


def _env(**extra) -> dict:
    env = dict(os.environ, **extra)
    if CODE_ROOT != REPO:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(CODE_ROOT), env.get("PYTHONPATH")]))
    return env


def extraction_log(log_path: Path) -> dict:
    """What the extract step said it had to do: articles that needed NLP, and the extractor version."""
    found = _NEED_NLP.findall(log_path.read_text(encoding="utf-8", errors="replace"))
    return {"articles_extracted": int(found[-1][0]), "extractor_version": found[-1][1]} if found else {}


def materialise(articles: Path, warehouse: Path, home: Path, log_path: Path) -> dict:
    home.mkdir(parents=True, exist_ok=True)
    if INSTANCE_YAML.exists() and not (home / "dagster.yaml").exists():
        shutil.copy2(INSTANCE_YAML, home / "dagster.yaml")  # what `make setup` puts in DAGSTER_HOME
    env = _env(ARMS_ARTICLES_DIR=str(articles), ARMS_WAREHOUSE=str(warehouse), DAGSTER_HOME=str(home),
               PYTHONUNBUFFERED="1")
    dagster = Path(sys.executable).with_name("dagster")
    cmd = [str(dagster) if dagster.exists() else "dagster", "asset", "materialize",
           "-m", "pipeline.definitions", "--select", "*"]
    result = run_monitored(cmd, env, log_path)
    result["steps"] = step_times(log_path)
    result.update(extraction_log(log_path))
    result["log"] = str(log_path)
    if result["rc"] != 0:
        tail = log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-40:]
        print(f"!! materialisation failed (rc={result['rc']}), log {log_path}:\n  " + "\n  ".join(tail),
              file=sys.stderr)
    return result


def warehouse_counts(warehouse: Path) -> dict[str, int]:
    import duckdb

    if not warehouse.exists():
        return {}
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        out = {}
        for table in ("articles", "sentences", "arms_transfer_mentions"):
            try:
                out[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            except duckdb.Error:
                out[table] = None
        return out
    finally:
        con.close()


def export_texts(warehouse: Path, corpus_dir: Path, out: Path) -> str:
    """The texts for the baseline: exactly what the pipeline parsed (``articles.text``) when the
    warehouse has them, else the corpus files' texts."""
    texts: list[str] = []
    source = "warehouse articles.text"
    try:
        import duckdb

        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            texts = [r[0] for r in con.execute("SELECT text FROM articles ORDER BY article_id").fetchall()]
        finally:
            con.close()
    except Exception:  # noqa: BLE001 - fall back to the files
        texts = []
    if not texts:
        texts, source = read_texts(corpus_dir), "corpus files"
    out.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
    return source


def raw_spacy(texts_path: Path, n_process: int, batch_size: int, tune: str, log_path: Path) -> dict:
    cmd = [sys.executable, str(BENCH_DIR / "raw_spacy.py"), str(texts_path), "--n-process", str(n_process),
           "--batch-size", str(batch_size)]
    if tune:
        cmd += ["--tune", tune]
    result = run_monitored(cmd, _env(), log_path)
    lines = log_path.read_text(encoding="utf-8", errors="replace").splitlines()
    payload = next((json.loads(line) for line in reversed(lines) if line.startswith("{")), None)
    if result["rc"] != 0 or payload is None:
        raise RuntimeError(f"raw spaCy baseline failed (rc={result['rc']}); see {log_path}:\n" + "\n".join(lines[-20:]))
    payload["peak_rss_mb"] = result["peak_rss_mb"]
    payload["cpu_s"] = result["cpu_s"]  # the whole subprocess: load + tuning + pipe
    payload["loadavg_1m"] = result["loadavg_1m"]
    return payload


# ----------------------------------------------------------------------------- one size
def bench_size(n: int, work: Path, corpus_src: Path, n_process: int, batch_size: int | None,
               tune: str) -> dict:
    corpus = work / f"articles_{n}"
    if not corpus.exists():
        corpus.mkdir(parents=True)
        for path in sorted(corpus_src.glob("*.json"))[:n]:  # prefix of the biggest corpus
            try:
                os.link(path, corpus / path.name)
            except OSError:
                shutil.copy2(path, corpus / path.name)
    warehouse, home = work / f"wh_{n}.duckdb", work / f"home_{n}"
    print(f"[{time.strftime('%H:%M:%S')}] N={n}: pipeline (fresh warehouse) ...", flush=True)
    first = materialise(corpus, warehouse, home, work / f"pipeline_{n}.log")
    counts = warehouse_counts(warehouse)
    print(f"[{time.strftime('%H:%M:%S')}] N={n}: pipeline {first['wall_s']:.1f}s, rc={first['rc']}, "
          f"peak RSS {first['peak_rss_mb']:.0f} MB, {counts}; no-op run ...", flush=True)
    noop = materialise(corpus, warehouse, home, work / f"noop_{n}.log")
    texts_path = work / f"texts_{n}.jsonl"
    text_source = export_texts(warehouse, corpus, texts_path)
    print(f"[{time.strftime('%H:%M:%S')}] N={n}: no-op {noop['wall_s']:.1f}s; raw spaCy on {text_source} ...",
          flush=True)
    raw = raw_spacy(texts_path, n_process, batch_size or 64, tune if batch_size is None else "",
                    work / f"raw_{n}.log")
    print(f"[{time.strftime('%H:%M:%S')}] N={n}: raw spaCy {raw['pipe_s']:.1f}s (+{raw['load_s']:.1f}s load, "
          f"batch {raw['batch_size']}, tuning {raw['tuning_s']})", flush=True)
    return {"n": n, "pipeline": first, "noop": noop, "raw": raw, "counts": counts, "text_source": text_source}


def bench_feed(n: int | None, work: Path, n_process: int, batch_size: int) -> dict:
    """The feed scenario at one size: the pipeline and raw full-parse spaCy over the same N real stories."""
    label = "all" if n is None else str(n)
    corpus = work / f"feed_{label}"
    info = build_feed(n, corpus)
    warehouse = work / f"wh_feed_{label}.duckdb"
    print(f"[{time.strftime('%H:%M:%S')}] feed N={info['n_articles']}: pipeline (fresh warehouse) ...", flush=True)
    p = materialise(corpus, warehouse, work / f"home_feed_{label}", work / f"pipeline_feed_{label}.log")
    texts_path = work / f"texts_feed_{label}.jsonl"
    export_texts(warehouse, corpus, texts_path)
    print(f"[{time.strftime('%H:%M:%S')}] feed N={info['n_articles']}: pipeline {p['wall_s']:.1f}s; raw spaCy ...",
          flush=True)
    r = raw_spacy(texts_path, n_process, batch_size, "", work / f"raw_feed_{label}.log")
    counts = warehouse_counts(warehouse)
    return {
        "n": info["n_articles"], "chars": info["n_chars"], "rc": p["rc"],
        "feed_throughput_ratio": round(r["pipe_s"] / p["wall_s"], 3),
        "feed_throughput_ratio_cpu": round(r["pipe_cpu_s"] / p["cpu_s"], 3) if p["cpu_s"] else None,
        "pipeline_s": round(p["wall_s"], 1), "raw_spacy_s": round(r["pipe_s"], 1),
        "pipeline_cpu_s": round(p["cpu_s"], 1), "raw_spacy_cpu_s": r["pipe_cpu_s"],
        "sentences_parsed_share": parsed_share(warehouse),
        "peak_rss_mb": round(p["peak_rss_mb"], 1), "raw_peak_rss_mb": round(r["peak_rss_mb"], 1),
        "articles_per_s": round(info["n_articles"] / p["wall_s"], 1),
        "raw_articles_per_s": round(r["n_docs"] / r["pipe_s"], 1),
        "loadavg_1m": {"pipeline": p["loadavg_1m"], "raw": r["loadavg_1m"]},
        "transfer_rows": counts.get("arms_transfer_mentions"), "steps": p["steps"],
    }


def run_feed(sizes: list[int | None], work: Path, n_process: int, batch_size: int) -> dict:
    """Every feed size, or a clear message when the corpus is not beside the repository."""
    if not sizes:
        return {}
    if not feed_available():
        print("feed scenario skipped: ../shared/corpora/reuters21578.jsonl.gz is not there "
              "(clone the project next to the shared folder to measure a real news feed)", file=sys.stderr)
        return {"skipped": "corpus not found"}
    results = {("all" if n is None else str(n)): bench_feed(n, work, n_process, batch_size) for n in sizes}
    print("\nfeed scenario (real Reuters newswire, mostly not about arms):")
    for label, r in results.items():
        print(f"  N={r['n']:>6,}: pipeline {r['pipeline_s']:.1f}s vs raw full-parse spaCy {r['raw_spacy_s']:.1f}s "
              f"-> feed_throughput_ratio {r['feed_throughput_ratio']:.2f} (CPU {r['feed_throughput_ratio_cpu']}), "
              f"parsed {100 * (r['sentences_parsed_share'] or 0):.1f}% of sentences, peak RSS "
              f"{r['peak_rss_mb']:.0f} MB, {r['articles_per_s']:.0f} articles/s, load {r['loadavg_1m']}")
    return results


def _feed_sizes(spec: str) -> list[int | None]:
    return [None if part.strip() == "all" else int(part) for part in spec.split(",") if part.strip()]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=10000)  # 1,000 + 10,000: ~16 min on 2 cores (measured)
    ap.add_argument("--quick", action="store_true", help="N = 50 and 200 (feed: 300): a smoke run")
    ap.add_argument("--feed", default="2000,all",
                    help="feed scenario sizes, comma-separated; 'all' = the whole Reuters corpus; '' = skip")
    ap.add_argument("--no-arms", dest="arms", action="store_false", help="only the feed scenario")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--batch-size", type=int, default=None, help="raw baseline batch size (default: tuned)")
    ap.add_argument("--workdir", type=Path, default=None, help="where the corpora/warehouses go (default: a temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep the work dir (corpora, warehouses, logs)")
    ap.add_argument("--no-snapshot", dest="snapshot", action="store_false",
                    help="run the live code instead of a frozen copy of pipeline/ and sql/ (see snapshot_code)")
    ap.add_argument("--code", type=Path, default=None,
                    help="run the pipeline from this folder (holding pipeline/ and sql/), e.g. to measure a "
                         "proposed change without touching the working tree")
    args = ap.parse_args(argv)
    if args.quick:
        args.small, args.large, args.feed = 50, 200, "300"
    if args.small > args.large:
        ap.error("--small must not exceed --large")

    from pipeline.resources import NlpResource

    n_process = NlpResource().resolved_workers()  # the pipeline's worker count (ARMS_NLP_WORKERS honoured)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="arms-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    global CODE_ROOT
    if args.code:
        CODE_ROOT = args.code.resolve()
    elif args.snapshot:
        CODE_ROOT = snapshot_code(work / "code")
    started = time.perf_counter()
    bench: dict = {"code": str(args.code) if args.code else "snapshot" if args.snapshot else "live","n_small": args.small, "n_large": args.large, "n_process": n_process,
                   "cpu_count": os.cpu_count(), "seed": args.seed, "instance_yaml": INSTANCE_YAML.exists()}
    try:
        feed_batch = args.batch_size or 64
        if args.arms:
            corpus_all = work / "corpus"
            info = build_corpus(args.large, corpus_all, seed=args.seed)
            print(f"corpus: {info['n_articles']} articles from {info['n_dev']} dev articles, "
                  f"{info['n_chars'] / info['n_articles']:.0f} chars/article, in {work}", flush=True)

            small = bench_size(args.small, work, corpus_all, n_process, args.batch_size, BATCH_CANDIDATES)
            batch_size = args.batch_size or small["raw"]["batch_size"]
            empty_dir = work / "empty"
            empty_dir.mkdir(exist_ok=True)
            print(f"[{time.strftime('%H:%M:%S')}] empty folder, fresh warehouse ...", flush=True)
            empty = materialise(empty_dir, work / "wh_empty.duckdb", work / "home_empty", work / "empty.log")
            large = small if args.large == args.small else bench_size(args.large, work, corpus_all, n_process,
                                                                       batch_size, "")
            runs_ok = all(r["rc"] == 0 for r in (small["pipeline"], small["noop"], large["pipeline"],
                                                 large["noop"], empty))
            for res in (small, large):
                if res["noop"].get("articles_extracted"):
                    print(f"!! the no-op run at N={res['n']} re-extracted {res['noop']['articles_extracted']} articles "
                          f"(extractor {res['pipeline'].get('extractor_version')} -> "
                          f"{res['noop'].get('extractor_version')}): its time is not a no-op time", file=sys.stderr)

            def rates(res):
                p, r = res["pipeline"], res["raw"]
                sents = res["counts"].get("sentences") or 0
                return {
                    "pipeline_s": round(p["wall_s"], 2), "raw_spacy_s": round(r["pipe_s"], 2),
                    "model_load_s": r["load_s"],
                    "throughput_ratio": round(r["pipe_s"] / p["wall_s"], 3),
                    "throughput_ratio_incl_load": round((r["pipe_s"] + r["load_s"]) / p["wall_s"], 3),
                    "throughput_ratio_cpu": round(r["pipe_cpu_s"] / p["cpu_s"], 3) if p["cpu_s"] else None,
                    "pipeline_cpu_s": round(p["cpu_s"], 1), "raw_spacy_cpu_s": r["pipe_cpu_s"],
                    "loadavg_1m": {"pipeline": p["loadavg_1m"], "noop": res["noop"]["loadavg_1m"],
                                   "raw": r["loadavg_1m"]},
                    "articles_per_s": round(res["n"] / p["wall_s"], 2),
                    "raw_articles_per_s": round(r["n_docs"] / r["pipe_s"], 2),
                    "sentences_per_s": round(sents / p["wall_s"], 1),
                    "raw_sentences_per_s": round(r["n_sents"] / r["pipe_s"], 1),
                    "peak_rss_mb": round(p["peak_rss_mb"], 1), "raw_peak_rss_mb": round(r["peak_rss_mb"], 1),
                    "max_process_rss_mb": p["max_process_rss_mb"], "max_processes": p["max_processes"],
                    "noop_s": round(res["noop"]["wall_s"], 2), "steps": p["steps"], "noop_steps": res["noop"]["steps"],
                    "noop_articles_extracted": res["noop"].get("articles_extracted"),
                    "extractor_version": p.get("extractor_version"),
                    "counts": res["counts"],
                }

            s, l = rates(small), rates(large)
            bench.update({
                "throughput_ratio": l["throughput_ratio"],
                "throughput_ratio_incl_load": l["throughput_ratio_incl_load"],
                "throughput_ratio_cpu": l["throughput_ratio_cpu"],
                "pipeline_cpu_s": l["pipeline_cpu_s"], "raw_spacy_cpu_s": l["raw_spacy_cpu_s"],
                "noop_cpu_s": round(large["noop"]["cpu_s"], 1), "empty_cpu_s": round(empty["cpu_s"], 1),
                "noop_ratio_cpu": round(large["noop"]["cpu_s"] / empty["cpu_s"], 3) if empty["cpu_s"] else None,
                "noop_ratio": round(large["noop"]["wall_s"] / empty["wall_s"], 3),
                "peak_rss_mb_small": s["peak_rss_mb"], "peak_rss_mb_large": l["peak_rss_mb"],
                "rss_growth": round(l["peak_rss_mb"] / s["peak_rss_mb"], 3) if s["peak_rss_mb"] else None,
                "raw_spacy_s": l["raw_spacy_s"], "pipeline_s": l["pipeline_s"], "noop_s": l["noop_s"],
                "empty_s": round(empty["wall_s"], 2), "model_load_s": l["model_load_s"],
                "articles_per_s": l["articles_per_s"], "sentences_per_s": l["sentences_per_s"],
                "raw_articles_per_s": l["raw_articles_per_s"], "raw_sentences_per_s": l["raw_sentences_per_s"],
                "batch_size": large["raw"]["batch_size"], "batch_tuning_s": small["raw"]["tuning_s"],
                "spacy_components": large["raw"]["components"], "text_source": large["text_source"],
                "small": s, "large": l, "empty_steps": empty["steps"], "runs_ok": runs_ok,
            })
            bench["targets"] = {
                "throughput_ratio>=0.8": bench["throughput_ratio"] >= TARGETS["throughput_ratio_min"],
                "noop_ratio<=1.5": bench["noop_ratio"] <= TARGETS["noop_ratio_max"],
                "rss_large<=1.5x_small": bench["rss_growth"] is not None and bench["rss_growth"] <= TARGETS["rss_growth_max"],
                "rss_large<=1500MB": bench["peak_rss_mb_large"] <= TARGETS["peak_rss_mb_max"],
            }
            if args.large >= 10000:
                bench["targets"]["10k_in<=600s"] = l["pipeline_s"] * 10000 / args.large <= TARGETS["large_10k_s_max"]
            print_table(bench, small, large, empty)
            feed_batch = args.batch_size or small["raw"]["batch_size"]
        bench["feed"] = run_feed(_feed_sizes(args.feed), work, n_process, feed_batch)
        feed_runs = [r for r in bench["feed"].values() if isinstance(r, dict)]
        bench["runs_ok"] = bench.get("runs_ok", True) and all(r["rc"] == 0 for r in feed_runs)
        for r in feed_runs:
            bench[f"feed_throughput_ratio_{r['n']}"] = r["feed_throughput_ratio"]
            bench[f"feed_throughput_ratio_cpu_{r['n']}"] = r["feed_throughput_ratio_cpu"]
    except Exception as exc:  # the BENCH line is printed even when a run breaks
        bench["error"] = f"{type(exc).__name__}: {exc}"
        print(f"!! benchmark failed: {bench['error']}", file=sys.stderr)
    finally:
        bench["bench_wall_s"] = round(time.perf_counter() - started, 1)
        if args.keep or "error" in bench:
            bench["workdir"] = str(work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("BENCH " + json.dumps(bench, sort_keys=True, default=str))
    return 0 if "error" not in bench and bench.get("runs_ok") else 1


def print_table(bench: dict, small: dict, large: dict, empty: dict) -> None:
    rows = [("N", "raw_spacy_s", "pipeline_s", "ratio", "cpu raw", "cpu pipe", "cpu ratio", "art/s raw",
             "art/s pipe", "sent/s raw", "sent/s pipe", "noop_s", "peak RSS MB", "raw RSS MB")]
    for key in ("small", "large"):
        r = bench[key]
        n = bench[f"n_{key}"]
        rows.append((f"{n:,}", f"{r['raw_spacy_s']:.1f}", f"{r['pipeline_s']:.1f}", f"{r['throughput_ratio']:.2f}",
                     f"{r['raw_spacy_cpu_s']:.1f}", f"{r['pipeline_cpu_s']:.1f}", f"{r['throughput_ratio_cpu']:.2f}",
                     f"{r['raw_articles_per_s']:.1f}", f"{r['articles_per_s']:.1f}",
                     f"{r['raw_sentences_per_s']:.0f}", f"{r['sentences_per_s']:.0f}", f"{r['noop_s']:.1f}",
                     f"{r['peak_rss_mb']:.0f}", f"{r['raw_peak_rss_mb']:.0f}"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    print()
    for row in rows:
        print("  ".join(cell.rjust(w) for cell, w in zip(row, widths)))
    print(f"\nempty folder run: {bench['empty_s']:.1f}s   no-op (N={bench['n_large']:,}): {bench['noop_s']:.1f}s   "
          f"noop_ratio {bench['noop_ratio']:.2f} (CPU: {bench['empty_cpu_s']:.1f}s vs {bench['noop_cpu_s']:.1f}s, "
          f"{bench['noop_ratio_cpu']})   RSS growth small->large x{bench['rss_growth']}")
    print(f"1-min load average before/after each large run: {bench['large']['loadavg_1m']} "
          f"(on {bench['cpu_count']} cores; > cores means other work shared the machine)")
    print(f"model load (raw, separate): {bench['model_load_s']:.1f}s   raw batch size {bench['batch_size']} "
          f"(tuning {bench['batch_tuning_s']}), n_process {bench['n_process']}")
    for name, res in (("pipeline N=" + str(bench["n_large"]), large["pipeline"]),
                      ("no-op", large["noop"]), ("empty", empty)):
        steps = ", ".join(f"{k} {v:.1f}s" for k, v in sorted(res["steps"].items(), key=lambda kv: -kv[1]))
        print(f"dagster steps, {name}: {steps or '(none logged)'}")
    print("targets: " + ", ".join(f"{k} {'OK' if v else 'MISSED'}" for k, v in bench["targets"].items()))


if __name__ == "__main__":
    sys.exit(main())
