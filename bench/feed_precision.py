"""Precision of the transfer extractor on a real news feed (Reuters-21578), without Dagster.

    .venv/bin/python bench/feed_precision.py                       # all 19,043 stories (~10 min, 2 cores)
    .venv/bin/python bench/feed_precision.py --n 2000              # the first 2,000 stories
    .venv/bin/python bench/feed_precision.py --ids-from /tmp/feed_precision_rows.jsonl   # only the
                                                                   # stories flagged by an earlier run

The feed is mostly business news with a few percent of defence stories, so nearly every row the
extractor writes on it is worth a look: a row in a story about crude oil or car parts is a false
positive. The script reads the stories through the pipeline's own ingest validation
(``pipeline.ingest.formats.build_article``: same normalised text, same rejects) and extracts them
with ``pipeline.nlp.runner.run_extraction``, exactly as the extract asset does (the two tiers of NLP,
``--n-process`` worker processes).

It writes every transfer row to a JSONL file (``--out``, default /tmp/feed_precision_rows.jsonl)
and a CSV next to it, and prints: the number of flagged stories and rows, a seeded random sample of
rows for a manual verdict, and the flagged stories whose text contains no military word at all
(``MILITARY_WORDS`` below): each of those is a false positive whatever its row says. The last line
is ``FEED {json}``.

No prefilter: every story is parsed (a bound word such as "aircraft" or "equipment" can make a
row without any WEAPON entity, so no cheap text test is provably safe).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# the shared folder lies beside the repository (as in CI); --corpus points elsewhere
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "reuters21578.jsonl.gz"
DEFAULT_OUT = Path("/tmp/feed_precision_rows.jsonl")

# A story with none of these words is not about anything military: a transfer row in it is wrong.
# Deliberately small and explicit. "tank" counts only when it is not a storage/fuel/trading tank
# (checked in ``military_terms``), "arms" only when not "arms-length".
MILITARY_WORDS = [
    "military", "militarily", "army", "armies", "navy", "navies", "naval", "air force", "marines",
    "weapon", "weapons", "weaponry", "arms", "armed forces", "armaments", "munitions", "ammunition",
    "missile", "missiles", "rocket launcher", "rocket launchers", "artillery", "howitzer", "howitzers",
    "defence", "defense", "pentagon", "fighter", "fighters", "warplane", "warplanes", "bomber", "bombers",
    "warship", "warships", "frigate", "frigates", "destroyer", "destroyers", "submarine", "submarines",
    "gunboat", "gunboats", "minesweeper", "minesweepers", "troops", "soldier", "soldiers", "armoured",
    "armored", "guerrilla", "guerrillas", "rebels", "contras", "war", "warfare", "combat", "nato",
    "helicopter gunship", "helicopter gunships", "tank", "tanks",
]
_NOT_ARMOUR_BEFORE_TANK = {"oil", "storage", "fuel", "gas", "water", "petrol", "gasoline", "crude", "fish",
                           "think", "septic", "chemical", "ex", "tanks", "holding", "ballast", "cargo"}
_MIL_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(MILITARY_WORDS, key=len, reverse=True))
                     + r")\b", re.I)


def military_terms(text: str) -> list[str]:
    """The military words of ``text`` (lower case, sorted, unique), storage tanks and 'arms-length' left out."""
    found = set()
    for m in _MIL_RE.finditer(text):
        word = m.group(1).lower()
        if word in ("tank", "tanks"):
            prev = re.search(r"([A-Za-z]+)[\s\-]*$", text[max(0, m.start() - 20):m.start()])
            if prev and prev.group(1).lower() in _NOT_ARMOUR_BEFORE_TANK:
                continue
        if word == "arms" and re.match(r"[\s\-]*length", text[m.end():m.end() + 10], re.I):
            continue
        found.add(word)
    return sorted(found)


def read_articles(path: Path, n: int | None, ids: set[str] | None):
    """Articles built by the pipeline's ingest validation; rejects are counted, not returned."""
    from pipeline.ingest.formats import build_article
    from pipeline.records import Article

    articles, rejected = [], 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line_no, line in enumerate(f, start=1):
            if n is not None and len(articles) >= n:
                break
            if not line.strip():
                continue
            obj = json.loads(line)
            if ids is not None and str(obj.get("id")) not in ids:
                continue
            result = build_article(obj, obj.get("text"), default_id=f"{path.stem}-{line_no}",
                                   source_path=f"{path.name}:{line_no}")
            if isinstance(result, Article):
                articles.append(result)
            else:
                rejected += 1
    return articles, rejected


def extractions(articles, model: str | None, batch_size: int, n_process: int):
    """Every article's extraction, through the pipeline's own runner (two tiers, worker processes)."""
    from pipeline.nlp.model import DEFAULT_MODEL
    from pipeline.nlp.runner import plan_workers, run_extraction

    workers, chunk = plan_workers(len(articles), n_process, 200, n_process)
    for done in run_extraction(iter(articles), model=model or DEFAULT_MODEL, n_workers=workers, chunk_size=chunk,
                               batch_size=batch_size):
        yield from done


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--n", type=int, default=None, help="first N stories (default: all)")
    ap.add_argument("--ids", default=None, help="comma-separated story ids to run (a subset)")
    ap.add_argument("--ids-from", type=Path, default=None,
                    help="run only the story ids of an earlier run's JSONL rows file (one or more, comma-separated)")
    ap.add_argument("--articles-dir", type=Path, default=None,
                    help="read an articles folder through pipeline.ingest.scan instead of the corpus (e.g. the dev set)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="rows JSONL (a .csv is written next to it)")
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=21578)
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)

    if args.articles_dir is None and not args.corpus.is_file():
        print(f"SKIP: corpus {args.corpus} not found (see ../shared/corpora/README.md); nothing measured")
        return 0
    ids = None
    if args.ids:
        ids = {s.strip() for s in args.ids.split(",") if s.strip()}
    if args.ids_from:
        ids = ids or set()
        for p in str(args.ids_from).split(","):
            with open(p, encoding="utf-8") as f:
                ids |= {json.loads(ln)["article_id"] for ln in f if ln.strip()}

    t0 = time.monotonic()
    if args.articles_dir is not None:
        from pipeline.ingest import scan
        from pipeline.settings import max_article_bytes

        scanned = scan(args.articles_dir, max_article_bytes())
        articles = [a for a in scanned.articles if ids is None or a.article_id in ids][:args.n]
        rejected = len(scanned.rejects)
    else:
        articles, rejected = read_articles(args.corpus, args.n, ids)
    print(f"{len(articles)} stories read ({rejected} rejected by ingest) from {args.articles_dir or args.corpus}",
          flush=True)
    by_id = {a.article_id: a for a in articles}
    rows = []
    civil_weapons = []      # WEAPON mentions in stories without any military word: a weapon sense gone wrong
    n_done = 0
    for ext in extractions(articles, args.model, args.batch_size, args.n_process):
        article = by_id[ext.article_id]
        for k, t in enumerate(ext.transfers):
            rows.append({
                "article_id": article.article_id, "row": k, "title": article.title,
                "evidence": " ".join(t.evidence.split()),
                "supplier": t.supplier_name, "supplier_iso3": t.supplier_iso3,
                "recipient": t.recipient_name, "recipient_iso3": t.recipient_iso3,
                "weapon_text": t.weapon_text, "category": t.weapon_category, "trigger": t.trigger,
                "stage": t.stage, "modality": t.modality, "confidence": t.confidence,
            })
        if any(e.label == "WEAPON" for e in ext.entities) and \
                not military_terms((article.title or "") + "\n" + article.text):
            civil_weapons.extend((article.article_id, e.text.replace("\n", " "), e.weapon_category)
                                 for e in ext.entities if e.label == "WEAPON")
        n_done += 1
        if n_done % 1000 == 0:
            print(f"  {n_done}/{len(articles)} stories, {len(rows)} rows, {time.monotonic() - t0:.0f}s", flush=True)
    elapsed = time.monotonic() - t0

    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    csv_path = args.out.with_suffix(".csv")
    with open(csv_path, "w", encoding="utf-8", newline="") as f:
        fields = ["article_id", "row", "title", "evidence", "supplier", "supplier_iso3", "recipient",
                  "recipient_iso3", "weapon_text", "category", "trigger", "stage", "modality", "confidence"]
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)

    flagged = sorted({r["article_id"] for r in rows}, key=lambda s: (len(s), s))
    print(f"\nflagged stories: {len(flagged)}   transfer rows: {len(rows)}   "
          f"({len(articles)} stories, {elapsed:.0f}s)   rows: {args.out} and {csv_path}")

    sample = random.Random(args.seed).sample(rows, min(args.sample, len(rows)))
    sample.sort(key=lambda r: (len(r["article_id"]), r["article_id"], r["row"]))
    print(f"\n--- {len(sample)} sampled rows (seed {args.seed}) for a manual verdict ---")
    for i, r in enumerate(sample, 1):
        print(f"[{i:2d}] {r['article_id']} | {r['supplier']} ({r['supplier_iso3']}) -> {r['recipient']} "
              f"({r['recipient_iso3']}) | {r['weapon_text']!r} [{r['category']}] | trigger={r['trigger']} "
              f"stage={r['stage']}\n     title: {r['title']}\n     {r['evidence'][:400]}")

    no_mil = [aid for aid in flagged if not military_terms((by_id[aid].title or "") + "\n" + by_id[aid].text)]
    print(f"\n--- flagged stories without any military word: {len(no_mil)} ---")
    for aid in no_mil:
        ex = next(r for r in rows if r["article_id"] == aid)
        print(f"  {aid}: {by_id[aid].title} | {ex['weapon_text']!r} [{ex['category']}] | {ex['evidence'][:160]}")
    from collections import Counter

    surfaces = Counter((t.lower(), c) for _, t, c in civil_weapons)
    print(f"\n--- WEAPON entity mentions in stories without any military word: {len(civil_weapons)} in "
          f"{len({a for a, _, _ in civil_weapons})} stories; most frequent ---")
    for (t, c), k in surfaces.most_common(25):
        ex = next(a for a, tt, cc in civil_weapons if (tt.lower(), cc) == (t, c))
        print(f"  {k:4d}  {t!r} [{c}]  e.g. {ex}")
    with open(args.out.with_suffix(".civil_weapons.tsv"), "w", encoding="utf-8") as f:
        f.writelines(f"{a}\t{t}\t{c}\n" for a, t, c in civil_weapons)
    summary = {"stories": len(articles), "rejected": rejected, "flagged_stories": len(flagged), "rows": len(rows),
               "flagged_without_military_word": len(no_mil),
               "weapon_mentions_without_military_word": len(civil_weapons), "seconds": round(elapsed, 1), "out": str(args.out)}
    print("FEED " + json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
