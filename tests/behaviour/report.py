"""Run the behavioural suite without pytest and print a pass table per phenomenon.

    .venv/bin/python -m tests.behaviour.report              # table + overall pass rate, per set
    .venv/bin/python -m tests.behaviour.report --failures   # also every failing case: expected vs got
    .venv/bin/python -m tests.behaviour.report --set hard   # one set only (simple, hard, context, fresh, spread)
    .venv/bin/python -m tests.behaviour.report --gaps       # the failing ids as KNOWN_GAPS literals

Sets: ``simple`` (cases.py, one clause), ``hard`` (cases_hard.py, newswire-shaped sentences),
``context`` (cases_context.py, transfers spread over two or three sentences), ``fresh`` (cases_fresh.py,
hand-written wire texts with their own headlines and publication dates) and ``spread`` (cases_spread.py,
floating quantifiers, counts in a later sentence, sellers in the sentence before).

KNOWN_GAPS (the xfail list of the pytest file) is ignored here: this reports real pass/fail.
``run_case`` and ``problems`` are shared with the pytest file, so both judge a case the same way.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict

from .cases import Case, all_cases
from .cases_context import all_cases as context_cases
from .cases_fresh import all_cases as fresh_cases
from .cases_hard import all_cases as hard_cases
from .cases_spread import all_cases as spread_cases

# (name, case factory, the KNOWN_GAPS variable of the pytest file that lists its failing ids)
SETS = (("simple", all_cases, "KNOWN_GAPS"), ("hard", hard_cases, "KNOWN_GAPS_HARD"),
        ("context", context_cases, "KNOWN_GAPS_CONTEXT"), ("fresh", fresh_cases, "KNOWN_GAPS_FRESH"),
        ("spread", spread_cases, "KNOWN_GAPS_SPREAD"))


def run_case(nlp, case: Case):
    """The transfer rows the pipeline produces for the case's text: the extract step's own path (the two
    tiers of NLP with the gate on, then every extractor), one article at a time."""
    from pipeline.extract.assemble import extract_article
    from pipeline.nlp.tiers import parse_articles
    from pipeline.records import Article

    article = Article(article_id="case", text=case.text, title=case.title, published_date=case.published,
                      content_hash="case")
    (doc,) = parse_articles(nlp, [article], batch_size=8, depth="gated")
    return extract_article(doc, article).transfers


def tuples(rows) -> set:
    return {(r.supplier_iso3, r.recipient_iso3, r.weapon_category) for r in rows}


def problems(case: Case, rows) -> list[str]:
    """Empty when the case passes: the exact tuple set (optional tuples may be there or not), then
    quantity_value for every tuple that names one, then date_start for every tuple that names one."""
    optional = set(getattr(case, "optional", ())) - set(case.expected)
    got = tuples(rows) - optional
    out = []
    if got != set(case.expected):
        missing, extra = set(case.expected) - got, got - set(case.expected)
        out.append(f"tuples: expected {_fmt(case.expected)}, got {_fmt(got)}"
                   + (f"; missing {_fmt(missing)}" if missing else "") + (f"; extra {_fmt(extra)}" if extra else ""))
    for key, qty in case.quantities.items():
        values = sorted({r.quantity_value for r in rows
                         if (r.supplier_iso3, r.recipient_iso3, r.weapon_category) == key}, key=str)
        if values and values != [qty]:
            out.append(f"quantity of {key}: expected {qty}, got {values}")
    for key, day in getattr(case, "dates", {}).items():
        values = sorted({None if r.date_start is None else r.date_start.isoformat() for r in rows
                         if (r.supplier_iso3, r.recipient_iso3, r.weapon_category) == key}, key=str)
        if values and values != [day]:
            out.append(f"date_start of {key}: expected {day}, got {values}")
    return out


def _fmt(ts) -> str:
    return "{" + ", ".join(str(t) for t in sorted(ts, key=str)) + "}" if ts else "{}"


def _table(name: str, by_phenomenon: dict) -> tuple[int, int]:
    width = max(len(p) for p in by_phenomenon)
    print(f"\n[{name}]")
    print(f"{'phenomenon':<{width}}  {'cases':>5}  {'pass':>5}  {'rate':>6}")
    print("-" * (width + 22))
    n_cases = n_pass = 0
    for phenomenon, results in by_phenomenon.items():
        ok = sum(1 for _, probs, _ in results if not probs)
        n_pass += ok
        n_cases += len(results)
        print(f"{phenomenon:<{width}}  {len(results):>5}  {ok:>5}  {ok / len(results):>6.0%}")
    print("-" * (width + 22))
    print(f"{'overall ' + name:<{width}}  {n_cases:>5}  {n_pass:>5}  {n_pass / n_cases:>6.0%}")
    return n_cases, n_pass


def _gaps_literal(var: str, ids: list[str]) -> str:
    """A KNOWN_GAPS assignment, one line per phenomenon (ids in case order)."""
    lines, by_p = [], defaultdict(list)
    for cid in ids:
        by_p[cid.rsplit("-", 1)[0]].append(cid)
    for group in by_p.values():
        line = "   "
        for c in group:
            item = f' "{c}",'
            if len(line) + len(item) > 118:
                lines.append(line)
                line = "   "
            line += item
        lines.append(line)
    return f"{var} = frozenset({{\n" + "\n".join(lines) + "\n})" if lines else f"{var}: frozenset = frozenset()"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--failures", action="store_true", help="list failing cases with expected vs got")
    ap.add_argument("--set", choices=[name for name, _, _ in SETS], action="append",
                    help="report only this set (repeatable); default: all")
    ap.add_argument("--gaps", action="store_true", help="print the failing ids as KNOWN_GAPS literals")
    args = ap.parse_args(argv)

    from pipeline.nlp.model import load_model

    nlp = load_model()
    total_cases = total_pass = 0
    results_by_set = {}
    for name, factory, var in SETS:
        if args.set and name not in args.set:
            continue
        by_phenomenon: dict[str, list[tuple[Case, list[str], list]]] = defaultdict(list)
        for case in factory():
            rows = run_case(nlp, case)
            by_phenomenon[case.phenomenon].append((case, problems(case, rows), rows))
        results_by_set[name] = (var, by_phenomenon)
        n_cases, n_pass = _table(name, by_phenomenon)
        total_cases += n_cases
        total_pass += n_pass
    if len(results_by_set) > 1:
        print(f"\nall sets: {total_pass}/{total_cases} = {total_pass / total_cases:.0%}")

    if args.failures:
        print("\nFailures:")
        for var, by_phenomenon in results_by_set.values():
            for results in by_phenomenon.values():
                for case, probs, rows in results:
                    if probs:
                        print(f"\n{case.id}: {case.text!r}")
                        for p in probs:
                            print(f"    {p}")
                        for r in rows:
                            print(f"    row: {r.supplier_name!r}({r.supplier_iso3}) -> {r.recipient_name!r}"
                                  f"({r.recipient_iso3}) {r.weapon_text!r}/{r.weapon_category} qty={r.quantity_value}"
                                  f" date={r.date_start} trigger={r.trigger}")
    if args.gaps:
        for var, by_phenomenon in results_by_set.values():
            ids = [case.id for results in by_phenomenon.values() for case, probs, _ in results if probs]
            print("\n" + _gaps_literal(var, ids))
    return 0


if __name__ == "__main__":
    sys.exit(main())
