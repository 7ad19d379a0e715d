"""Behavioural (CheckList-style) suite for the transfer extractor: templated sentences per phenomenon.

Each case asserts the EXACT (supplier_iso3, recipient_iso3, weapon_category) set and, where the
phenomenon is about quantity, quantity_value per tuple (see ``cases.py``). Cases that fail today are
listed in KNOWN_GAPS and run as strict xfails: the file stays green, and a fixed gap fails the run
until its id is removed from the list. ``python -m tests.behaviour.report`` prints the real pass rates.
Five sets run here: ``cases.py`` (one clause), ``cases_hard.py`` (newswire-shaped sentences, with optional
tuples and hard negatives), ``cases_context.py`` (two or three sentences, with expected dates),
``cases_fresh.py`` (hand-written wire texts with headlines and their own publication dates) and
``cases_spread.py`` (floating quantifiers, counts in a later sentence, sellers in the sentence before); each
has its own KNOWN_GAPS set, and ``python -m tests.behaviour.report --gaps`` prints them all.
"""
from __future__ import annotations

from collections import Counter

import pytest

from .cases import all_cases, fillers
from .cases_context import all_cases as context_cases
from .cases_context import fillers as context_fillers
from .cases_fresh import all_cases as fresh_cases
from .cases_hard import all_cases as hard_cases
from .cases_hard import fillers as hard_fillers
from .cases_spread import all_cases as spread_cases
from .report import problems, run_case

CASES = all_cases()
HARD_CASES = hard_cases()          # newswire-shaped sentences (cases_hard.py)
CONTEXT_CASES = context_cases()    # transfers spread over two or three sentences (cases_context.py)
FRESH_CASES = fresh_cases()        # hand-written wire texts, headlines and publication dates (cases_fresh.py)
SPREAD_CASES = spread_cases()      # floating quantifiers, later counts, sellers in the sentence before (cases_spread.py)

# Case ids that fail with the current extractor (regenerate with `python -m tests.behaviour.report --failures`).
KNOWN_GAPS: frozenset = frozenset()


# The same for the hard and the cross-sentence sets (`python -m tests.behaviour.report --gaps` prints all three).
KNOWN_GAPS_HARD = frozenset({
    "genitive_buyer_nominal_hard-5",
    "deliveries_from_to_hard-4",
    "relative_clause_hard-4", "relative_clause_hard-5",
    "genitive_recipient_force_hard-5",
    "clause_split_hard-2", "clause_split_hard-5",
    "gapping_hard-4",
    "neighbour_competitor_hard-3",
    "domestic_procurement_hard-3",
})

KNOWN_GAPS_CONTEXT = frozenset({
    "government_body_supplier-6",
    "buyers_listed_elsewhere-3",
    "maker_in_next_sentence-2",
})

# The fresh set (cases_fresh.py): what blocks these is listed in the work log and the report of its session.
KNOWN_GAPS_FRESH = frozenset({
    "party_in_headline-1", "party_in_headline-4", "party_in_headline-5", "party_in_headline-6",
    "transfer_date_not_statement-1",
    "passive_in_relative-3",
    "parties_previous_sentence-1", "parties_previous_sentence-4",
    "non_state_recipient-6",
})

# The spread set (cases_spread.py): the parser makes "Poland" an apposition of "The deal Poland signed".
KNOWN_GAPS_SPREAD = frozenset({
    "package_relative_clause-6",
})

ALL_CASES = CASES + HARD_CASES + CONTEXT_CASES + FRESH_CASES + SPREAD_CASES
ALL_GAPS = KNOWN_GAPS | KNOWN_GAPS_HARD | KNOWN_GAPS_CONTEXT | KNOWN_GAPS_FRESH | KNOWN_GAPS_SPREAD


def _param(case):
    marks = [pytest.mark.xfail(strict=True, reason="known gap")] if case.id in ALL_GAPS else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in ALL_CASES])
def test_case(nlp, case):
    rows = run_case(nlp, case)
    probs = problems(case, rows)
    assert not probs, f"{case.text!r}: " + "; ".join(probs)


def test_suite_shape():
    counts = Counter(c.phenomenon for c in CASES)
    assert len(counts) >= 25, f"only {len(counts)} phenomena"
    thin = {p: n for p, n in counts.items() if n < 6}
    assert not thin, f"phenomena with fewer than 6 cases: {thin}"
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    assert len({c.text for c in CASES}) == len(CASES), "duplicate case texts"
    assert KNOWN_GAPS <= set(ids), f"KNOWN_GAPS names unknown cases: {sorted(KNOWN_GAPS - set(ids))}"


@pytest.mark.parametrize("cases,gaps,min_phenomena", [(HARD_CASES, KNOWN_GAPS_HARD, 20),
                                                       (CONTEXT_CASES, KNOWN_GAPS_CONTEXT, 9),
                                                       (FRESH_CASES, KNOWN_GAPS_FRESH, 14),
                                                       (SPREAD_CASES, KNOWN_GAPS_SPREAD, 3)],
                         ids=["hard", "context", "fresh", "spread"])
def test_new_suite_shape(cases, gaps, min_phenomena):
    counts = Counter(c.phenomenon for c in cases)
    assert len(counts) >= min_phenomena, f"only {len(counts)} phenomena"
    thin = {p: n for p, n in counts.items() if n < 6}
    assert not thin, f"phenomena with fewer than 6 cases: {thin}"
    assert len({c.text for c in cases}) == len(cases), "duplicate case texts"
    assert gaps <= {c.id for c in cases}, f"known gaps name unknown cases: {sorted(gaps - {c.id for c in cases})}"
    all_ids = [c.id for c in ALL_CASES]
    assert len(all_ids) == len(set(all_ids)), "duplicate case ids across the sets"


def test_every_case_is_well_formed():
    for c in ALL_CASES:
        assert all(cat for _, _, cat in c.expected), c.id
        assert all(s is None or s != r for s, r, _ in c.expected), f"{c.id}: same state on both sides"
        assert set(c.quantities) <= c.expected, c.id
        assert set(getattr(c, "dates", {})) <= c.expected, c.id
        assert not set(getattr(c, "optional", ())) & c.expected, f"{c.id}: a tuple both expected and optional"


def test_fillers_are_recognised(nlp):
    """Every filler is read by the entity extractor as intended, so failures point at transfer logic."""
    from pipeline.extract.entities import extract_entities

    def ents(text):
        return extract_entities(nlp(text), all_cases()[0].published)

    bad = []
    for st in fillers()["states"]:
        for form in (st.np, st.poss):
            found = [(e.label, e.country_iso3) for e in ents(f"Officials met {form} delegation on Monday.")
                     if e.label in ("COUNTRY", "ORG")]
            if found != [("COUNTRY", st.iso3)]:
                bad.append((form, found))
    for co in fillers()["companies"]:
        found = [(e.label, e.country_iso3) for e in ents(f"Officials said {co} will deliver the equipment next year.")]
        if found != [("COMPANY", co.iso3)]:
            bad.append((co.name, found))
    for wp in fillers()["weapons"]:
        found = [(e.label, e.weapon_category) for e in ents(f"Spain sold 12 {wp} to Poland last year.")
                 if e.label == "WEAPON"]
        if found != [("WEAPON", wp.category)]:
            bad.append((wp.text, found))
    extra = hard_fillers()
    for st in extra["states"]:
        for form in (st.np, st.poss):
            found = [(e.label, e.country_iso3) for e in ents(f"Officials met {form} delegation on Monday.")
                     if e.label in ("COUNTRY", "ORG")]
            if found != [("COUNTRY", st.iso3)]:
                bad.append((form, found))
    for adj, iso3 in extra["demonyms"]:
        for text in (f"Officials met {adj} delegates on Monday.", f"Officials praised the {adj}-made equipment."):
            found = [(e.label, e.country_iso3) for e in ents(text) if e.label in ("COUNTRY", "ORG")]
            if found != [("COUNTRY", iso3)]:
                bad.append((text, found))
    for body, iso3 in context_fillers()["bodies"]:
        found = [(e.label, e.country_iso3) for e in ents(f"{body[:1].upper()}{body[1:]} said on Monday it would act.")
                 if e.label in ("COUNTRY", "ORG")]
        if not found or any(iso != iso3 for _, iso in found):
            bad.append((body, found))
    assert not bad, bad
