"""Score a warehouse (or a folder of articles) against gold annotations.

    python -m pipeline.evaluate --warehouse W.duckdb --gold gold.jsonl [--json] [--show-errors]
    python -m pipeline.evaluate --articles DIR --gold gold.jsonl [--keep-warehouse W.duckdb]

Gold format: README.md, "Measuring the tool on your own annotated articles" (one JSON object per
article with ``transfers`` and ``countries``; the same as ``../shared/eval/README.md``, which also
defines the metrics). Per article, the prediction is the set of distinct
``(supplier_iso3, recipient_iso3, weapon_category)`` of ``arms_transfer_mentions``; countries are the
distinct ``country_iso3`` of COUNTRY/ORG ``entity_mentions``.

With ``--articles`` every asset of ``pipeline.definitions`` is first materialised on that folder
into a temporary warehouse (a ``dagster asset materialize`` subprocess with its own DAGSTER_HOME).
Output: one ``name value`` line per metric (or one JSON object with ``--json``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

REPO_ROOT = Path(__file__).resolve().parents[1]
REQUIRED_TABLES = ("articles", "entity_mentions", "arms_transfer_mentions")
METRICS = (
    "articles", "articles_missing",
    "tuple_p", "tuple_r", "tuple_f1",
    "dyad_p", "dyad_r", "dyad_f1", "swap_rate",
    "relevance_p", "relevance_r",
    "quantity_acc", "quantity_fabricated", "date_acc",
    "country_p", "country_r", "country_f1",
)


# ------------------------------------------------------------------------------------------ gold

@dataclass(frozen=True)
class GoldTransfer:
    suppliers: frozenset          # acceptable supplier ISO3 values (None = unnamed / non-state)
    recipients: frozenset
    categories: frozenset
    optional: bool = False
    quantity: dict | None = None  # {"value": n} or {"low": a, "high": b}
    date: dict | None = None      # {"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}

    def dyad_ok(self, supplier, recipient) -> bool:
        return supplier in self.suppliers and recipient in self.recipients

    def tuple_ok(self, key: tuple) -> bool:
        return self.dyad_ok(key[0], key[1]) and key[2] in self.categories


@dataclass
class GoldArticle:
    article_id: str
    transfers: list[GoldTransfer] = field(default_factory=list)
    countries: frozenset = frozenset()
    countries_optional: frozenset = frozenset()

    @property
    def required(self) -> list[GoldTransfer]:
        return [t for t in self.transfers if not t.optional]

    @property
    def optional(self) -> list[GoldTransfer]:
        return [t for t in self.transfers if t.optional]


def _alternatives(value) -> frozenset:
    return frozenset(value) if isinstance(value, list) else frozenset([value])


def parse_gold_record(rec: dict) -> GoldArticle:
    transfers = []
    for t in rec.get("transfers") or []:
        cats = t.get("category")
        transfers.append(GoldTransfer(
            suppliers=_alternatives(t.get("supplier")),
            recipients=_alternatives(t.get("recipient")),
            categories=frozenset([cats] if isinstance(cats, str) else (cats or [])),
            optional=bool(t.get("optional")),
            quantity=t.get("quantity") or None,
            date=t.get("date") or None,
        ))
    return GoldArticle(
        article_id=rec["article_id"],
        transfers=transfers,
        countries=frozenset(rec.get("countries") or []),
        countries_optional=frozenset(rec.get("countries_optional") or []),
    )


def load_gold(path: str | Path) -> dict[str, GoldArticle]:
    gold: dict[str, GoldArticle] = {}
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                article = parse_gold_record(json.loads(line))
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{lineno}: not a gold record ({exc})") from exc
            gold[article.article_id] = article
    return gold


# ------------------------------------------------------------------------------------ predictions

@dataclass(frozen=True)
class PredRow:
    key: tuple                    # (supplier_iso3, recipient_iso3, weapon_category)
    quantity_value: float | None
    quantity_low: float | None
    quantity_high: float | None
    date_start: dt.date | None
    date_end: dt.date | None

    @property
    def quantity_point(self) -> float | None:
        return self.quantity_value if self.quantity_value is not None else self.quantity_low

    @property
    def has_quantity(self) -> bool:
        return self.quantity_point is not None


@dataclass
class Predictions:
    present: set[str] = field(default_factory=set)
    rows: dict[str, list[PredRow]] = field(default_factory=dict)
    countries: dict[str, set[str]] = field(default_factory=dict)


def read_predictions(con: duckdb.DuckDBPyConnection, article_ids) -> Predictions:
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing:
        raise SystemExit(f"error: the warehouse lacks the tables {missing}; materialise the pipeline first")
    ids = sorted(article_ids)
    pred = Predictions()
    pred.present = {r[0] for r in con.execute(
        "SELECT article_id FROM articles WHERE list_contains($ids, article_id)", {"ids": ids}).fetchall()}
    for aid, s, r, c, qv, ql, qh, ds, de in con.execute(
        """SELECT article_id, supplier_iso3, recipient_iso3, weapon_category,
                  quantity_value, quantity_low, quantity_high, date_start, date_end
           FROM arms_transfer_mentions
           WHERE list_contains($ids, article_id)
           ORDER BY article_id, mention_id""", {"ids": ids}).fetchall():
        pred.rows.setdefault(aid, []).append(PredRow((s, r, c), qv, ql, qh, _to_date(ds), _to_date(de)))
    for aid, iso in con.execute(
        """SELECT DISTINCT article_id, country_iso3 FROM entity_mentions
           WHERE label IN ('COUNTRY', 'ORG') AND country_iso3 IS NOT NULL
             AND list_contains($ids, article_id)""", {"ids": ids}).fetchall():
        pred.countries.setdefault(aid, set()).add(iso)
    return pred


def read_warehouse(path: str | Path, article_ids) -> Predictions:
    path = Path(path)
    if not path.exists():
        raise SystemExit(f"error: warehouse {path} does not exist")
    con = duckdb.connect(str(path), read_only=True)
    try:
        return read_predictions(con, article_ids)
    finally:
        con.close()


# ---------------------------------------------------------------------------------------- metrics

def _to_date(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def quantity_matches(gold_q: dict, row: PredRow) -> bool:
    """The row's quantity (value, else the low end of its range) equals the gold value or lies in
    the gold range (open ends allowed; 0.1% slack on range ends)."""
    point = row.quantity_point
    if point is None:
        return False
    if gold_q.get("value") is not None:
        target = float(gold_q["value"])
        return abs(float(point) - target) <= 1e-6 * max(1.0, abs(target))
    low, high = gold_q.get("low"), gold_q.get("high")
    if low is not None and point < low * 0.999:
        return False
    if high is not None and point > high * 1.001:
        return False
    return True


def date_matches(gold_d: dict, row: PredRow) -> bool:
    """Both ends within the tolerance: 3 days or 10% of the gold span, whichever is larger."""
    if row.date_start is None:
        return False
    p_start, p_end = row.date_start, row.date_end or row.date_start
    g_start = _to_date(gold_d["start"])
    g_end = _to_date(gold_d.get("end") or gold_d["start"])
    tolerance = max(3, int(0.1 * (g_end - g_start).days))
    return abs((p_start - g_start).days) <= tolerance and abs((p_end - g_end).days) <= tolerance


def _ratio(num: int, den: int, empty: float = 1.0) -> float:
    return num / den if den else empty


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(gold: dict[str, GoldArticle], pred: Predictions) -> tuple[dict, list[str]]:
    """All metrics (rounded to 4 places) and a list of human-readable errors."""
    n = Counter()
    errors: list[str] = []
    for aid, g in gold.items():
        if aid not in pred.present:
            n["articles_missing"] += 1
            errors.append(f"{aid}: article not in warehouse")
        rows = pred.rows.get(aid, [])
        keys = {row.key for row in rows}
        required, optional = g.required, g.optional

        # -- tuples, with quantity and date accuracy on the matched gold tuples
        for gt in required:
            hits = [row for row in rows if gt.tuple_ok(row.key)]
            if not hits:
                n["tuple_fn"] += 1
                errors.append(f"{aid}: MISSED {sorted(gt.suppliers, key=str)}->{sorted(gt.recipients, key=str)} "
                              f"{sorted(gt.categories)}")
                continue
            n["tuple_tp_gold"] += 1
            label = f"{sorted(gt.suppliers, key=str)}->{sorted(gt.recipients, key=str)} {sorted(gt.categories)}"
            if gt.quantity:
                n["qty_gold"] += 1
                ok = any(quantity_matches(gt.quantity, row) for row in hits)
                n["qty_ok"] += ok
                if not ok:
                    errors.append(f"{aid}: QUANTITY {label} gold {gt.quantity} got "
                                  f"{sorted({row.quantity_point for row in hits}, key=str)}")
            else:
                # a quantity that belongs to another required tuple of the same key is not invented
                others = [o for o in required if o is not gt and o.quantity]
                n["qty_fabricated"] += any(
                    row.has_quantity and not any(o.tuple_ok(row.key) and quantity_matches(o.quantity, row)
                                                 for o in others)
                    for row in hits)
            if gt.date:
                n["date_gold"] += 1
                ok = any(date_matches(gt.date, row) for row in hits)
                n["date_ok"] += ok
                if not ok:
                    errors.append(f"{aid}: DATE {label} gold {gt.date['start']}..{gt.date.get('end')} got "
                                  f"{sorted({(str(row.date_start), str(row.date_end)) for row in hits})}")
        for key in sorted(keys, key=str):
            if any(gt.tuple_ok(key) for gt in required):
                n["tuple_tp_pred"] += 1
            elif not any(gt.tuple_ok(key) for gt in optional):
                n["tuple_fp"] += 1
                errors.append(f"{aid}: EXTRA {key[0]}->{key[1]} {key[2]}")

        # -- dyads and swaps
        dyads = {(k[0], k[1]) for k in keys}
        n["dyad_pred"] += len(dyads)
        for s, r in dyads:
            if any(gt.dyad_ok(s, r) for gt in required):
                n["dyad_tp"] += 1
            elif not any(gt.dyad_ok(s, r) for gt in optional):
                n["dyad_fp"] += 1
                if s != r and any(gt.dyad_ok(r, s) for gt in required):
                    n["swaps"] += 1
                    errors.append(f"{aid}: SWAPPED {s}->{r}")
        n["dyad_fn"] += sum(not any(gt.dyad_ok(s, r) for s, r in dyads) for gt in required)

        # -- relevance: an article with only optional gold is neither a hit nor a false alarm
        relevant, predicted = bool(required), bool(keys)
        n["rel_tp"] += relevant and predicted
        n["rel_fn"] += relevant and not predicted
        n["rel_fp"] += predicted and not relevant and not optional

        # -- countries (optional-only states are ignored)
        pc = pred.countries.get(aid, set()) - (g.countries_optional - g.countries)
        n["cty_tp"] += len(g.countries & pc)
        n["cty_fp"] += len(pc - g.countries)
        n["cty_fn"] += len(g.countries - pc)

    def r4(x):
        return None if x is None else round(x, 4)

    tuple_p = r4(_ratio(n["tuple_tp_pred"], n["tuple_tp_pred"] + n["tuple_fp"]))
    tuple_r = r4(_ratio(n["tuple_tp_gold"], n["tuple_tp_gold"] + n["tuple_fn"]))
    dyad_p = _ratio(n["dyad_tp"], n["dyad_tp"] + n["dyad_fp"])
    dyad_r = _ratio(n["dyad_tp"], n["dyad_tp"] + n["dyad_fn"])
    cty_p = _ratio(n["cty_tp"], n["cty_tp"] + n["cty_fp"])
    cty_r = _ratio(n["cty_tp"], n["cty_tp"] + n["cty_fn"])
    metrics = {
        "articles": len(gold),
        "articles_missing": n["articles_missing"],
        "tuple_p": tuple_p,
        "tuple_r": tuple_r,
        "tuple_f1": r4(_f1(tuple_p, tuple_r)),
        "dyad_p": r4(dyad_p), "dyad_r": r4(dyad_r), "dyad_f1": r4(_f1(dyad_p, dyad_r)),
        "swap_rate": r4(_ratio(n["swaps"], n["dyad_pred"], empty=0.0)),
        "relevance_p": r4(_ratio(n["rel_tp"], n["rel_tp"] + n["rel_fp"])),
        "relevance_r": r4(_ratio(n["rel_tp"], n["rel_tp"] + n["rel_fn"])),
        "quantity_acc": r4(n["qty_ok"] / n["qty_gold"]) if n["qty_gold"] else None,
        "quantity_fabricated": n["qty_fabricated"],
        "date_acc": r4(n["date_ok"] / n["date_gold"]) if n["date_gold"] else None,
        "country_p": r4(cty_p), "country_r": r4(cty_r), "country_f1": r4(_f1(cty_p, cty_r)),
    }
    metrics["counts"] = dict(sorted(n.items()))
    return metrics, errors


# -------------------------------------------------------------------------- --articles: run first

def _dagster_command() -> list[str]:
    exe = Path(sys.executable).parent / "dagster"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("dagster")
    if found:
        return [found]
    return [sys.executable, "-m", "dagster"]


def materialise(articles_dir: Path, warehouse: Path, timeout_s: float | None = None) -> None:
    """Run every asset of ``pipeline.definitions`` on ``articles_dir`` into ``warehouse``."""
    if not articles_dir.is_dir():
        raise SystemExit(f"error: articles folder {articles_dir} does not exist")
    with tempfile.TemporaryDirectory(prefix="arms-eval-dagster-") as dagster_home:
        env = dict(os.environ, ARMS_ARTICLES_DIR=str(articles_dir.resolve()),
                   ARMS_WAREHOUSE=str(warehouse.resolve()), DAGSTER_HOME=dagster_home)
        cmd = [*_dagster_command(), "asset", "materialize", "-m", "pipeline.definitions", "--select", "*"]
        proc = subprocess.run(cmd, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=timeout_s)
    if proc.returncode != 0:
        tail = "\n".join((proc.stderr or proc.stdout).splitlines()[-40:])
        raise SystemExit(f"error: materialising the pipeline failed (exit {proc.returncode}):\n{tail}")


# ------------------------------------------------------------------------------------------- CLI

def format_metrics(metrics: dict) -> str:
    return "\n".join(f"{name:22s} {metrics[name]}" for name in METRICS)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.evaluate", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--warehouse", type=Path, help="a DuckDB warehouse the pipeline has filled")
    src.add_argument("--articles", type=Path, help="a folder of articles: run the pipeline on it first")
    ap.add_argument("--gold", type=Path, required=True, help="gold.jsonl (format: README.md, 'Measuring the tool on your own annotated articles')")
    ap.add_argument("--keep-warehouse", type=Path,
                    help="with --articles: write the warehouse here instead of a temporary file")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--show-errors", action="store_true", help="list every missed, extra and swapped tuple")
    ap.add_argument("--halves", action="store_true",
                    help="also score the two halves of the gold set split by sha256(article_id) mod 2: a rule that "
                         "lifts one half and not the other fits the articles, not the language")
    args = ap.parse_args(argv)

    if not args.gold.exists():
        ap.error(f"gold file {args.gold} does not exist")
    gold = load_gold(args.gold)

    if args.articles is not None:
        with tempfile.TemporaryDirectory(prefix="arms-eval-") as tmp:
            warehouse = args.keep_warehouse or Path(tmp) / "eval.duckdb"
            if warehouse.exists():
                ap.error(f"{warehouse} exists already; pass a new path to --keep-warehouse")
            warehouse.parent.mkdir(parents=True, exist_ok=True)
            materialise(args.articles, warehouse)
            pred = read_warehouse(warehouse, gold.keys())
    else:
        pred = read_warehouse(args.warehouse, gold.keys())

    metrics, errors = score(gold, pred)
    if args.show_errors:
        print("\n".join(errors))
    if args.json:
        print(json.dumps(metrics))
    else:
        print(format_metrics(metrics))
    if args.halves:
        for half, sub in enumerate(split_halves(gold)):
            m, _ = score(sub, pred)
            print(f"half {half} ({len(sub)} articles): " + " ".join(
                f"{k}={m[k]}" for k in ("tuple_f1", "tuple_p", "tuple_r", "swap_rate", "relevance_p",
                                        "quantity_acc", "date_acc")))
    return 0


def split_halves(gold: dict[str, GoldArticle]) -> tuple[dict, dict]:
    """The gold set in two halves by a hash of the article id (stable across runs and machines)."""
    halves: tuple[dict, dict] = ({}, {})
    for article_id, g in gold.items():
        halves[int(hashlib.sha256(article_id.encode()).hexdigest(), 16) % 2][article_id] = g
    return halves


if __name__ == "__main__":
    sys.exit(main())
