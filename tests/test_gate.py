"""The two tiers of NLP: the gate's decisions, the sentence boundaries, and that the gate loses nothing."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.nlp.gate import FULL, GATED, inflections, plan_parse
from pipeline.records import Article

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "eval" / "dev"
needs_dev = pytest.mark.skipif(not (DEV / "articles").is_dir(), reason="needs ../shared/eval/dev")
DAY = dt.date(2024, 5, 1)


def _spans(sentences: list[str]) -> tuple[str, list[tuple[int, int]]]:
    text, spans = "", []
    for s in sentences:
        spans.append((len(text), len(text) + len(s)))
        text += s + " "
    return text, spans


@pytest.mark.parametrize("lemma, forms", [
    ("sell", {"sells", "selling", "sold"}),
    ("supply", {"supplies", "supplied", "supplying"}),
    ("ship", {"shipped", "shipping"}),
    ("deliver", {"delivered", "delivers", "delivering"}),
    ("delivery", {"deliveries"}),
    ("purchase", {"purchased", "purchasing", "purchases"}),
    ("hand over", {"handed", "hands"}),
])
def test_inflections_cover_the_forms_a_text_uses(lemma, forms):
    assert forms <= inflections(lemma)


@pytest.mark.parametrize("sentences", [
    ["Crude oil prices rose two percent on Monday.", "Traders sold futures in London and bought gold."],
    ["The airline ordered 20 Airbus A320 airliners.", "Deliveries begin in 2027, the carrier said."],
    ["Ford will supply engines to a Mexican truck maker.", "The plant employs 400 people."],
    ["The board approved the sale of its pipe-fittings arm to a German group."],
])
def test_an_article_without_a_weapon_is_not_parsed_at_all(sentences):
    text, spans = _spans(sentences)
    assert plan_parse(text, spans, DAY) == [False] * len(sentences)


@pytest.mark.parametrize("sentences, expected", [
    # the weapon sentence, the sentence before it (its subject) and after it (lists continue)
    (["Markets were calm.", "Shares rose.", "The ministry said it was satisfied.",
      "Poland will buy 96 Apache helicopters from the United States.", "The weather was mild.",
      "Rain is forecast.", "Tourism grew."],
     [False, False, True, True, True, False, False]),
    # a weaponless sentence with a trigger ("signed the contract") is a candidate in an arms story
    (["Egypt ordered K9 howitzers from South Korea.", "It rained.", "Weather was bad.",
      "The contract was signed on Friday.", "Stocks fell.", "Bonds rose."],
     [True, True, True, True, True, False]),
    # military aid is a weapon of its own, also when coordinated ("military and economic aid")
    (["Turkey will receive 720 million dollars in military and economic aid.", "Markets were calm.", "Rain fell."],
     [True, True, False]),
    # bound words ("systems") count only where the military is spoken of
    (["The navy will receive new radar systems.", "Nothing else changed.", "Prices fell."],
     [True, True, False]),
    (["The bank upgraded its payment systems.", "Nothing else changed."], [False, False]),
])
def test_candidate_sentences_and_their_neighbours_are_parsed(sentences, expected):
    text, spans = _spans(sentences)
    assert plan_parse(text, spans, DAY) == expected


def test_full_depth_parses_everything():
    text, spans = _spans(["Crude oil prices rose.", "Traders sold futures."])
    assert plan_parse(text, spans, DAY, FULL) == [True, True]


@pytest.mark.parametrize("text, sentences", [
    # a paragraph break always ends a sentence, even without a full stop
    ("Budget talks resume\n\nThe army bought 12 tanks.", ["Budget talks resume", "The army bought 12 tanks."]),
    # wire copy: hard line wraps are not breaks; an indented line is a new paragraph
    ("The navy said on Monday it\nwould buy four frigates from Spain.\n    It gave no price.",
     ["The navy said on Monday it\nwould buy four frigates from Spain.", "It gave no price."]),
    # no sentence starts inside a word, at closing punctuation or at a dash inside a line
    ("Anti-ship missiles were delivered to Oman.", ["Anti-ship missiles were delivered to Oman."]),
    ("Talks on the U.S. - Iran accord failed. Tehran bought 12 tanks.",
     ["Talks on the U.S. - Iran accord failed.", "Tehran bought 12 tanks."]),
    # two spaces after a full stop, the wire's sign-off
    ("The ministry confirmed the order, the source said.  REUTER",
     ["The ministry confirmed the order, the source said.", "REUTER"]),
])
def test_sentence_boundaries_of_the_cheap_tier(nlp, text, sentences):
    from pipeline.nlp.tiers import parse_articles

    (doc,) = parse_articles(nlp, [Article("a", text, content_hash="h")], batch_size=8, depth=GATED)
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == sentences


def test_only_picked_sentences_carry_a_parse_and_entities(nlp):
    from pipeline.nlp.tiers import parse_articles, parsed_flags

    text = ("Oil prices rose in London on Monday. Analysts at Barclays expect more. The rally may last. "
            "Germany sold 40 Leopard tanks to Qatar. The deal was signed by Olaf Scholz.")
    (doc,) = parse_articles(nlp, [Article("a", text, content_hash="h")], batch_size=8, depth=GATED)
    sents = list(doc.sents)
    assert parsed_flags(doc) == [False, False, True, True, True]
    assert doc.text == text
    assert all(t.dep_ == "" or t.dep_ == "ROOT" for t in sents[0]) and not sents[0].ents
    assert {t.dep_ for t in sents[3]} >= {"nsubj", "dobj"}
    assert [e.text for e in sents[4].ents] == ["Olaf Scholz"]


def _gold_evidence() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        out[rec["article_id"]] = [t["evidence"] for t in rec["transfers"] if t.get("evidence")]
    return out


@needs_dev
@pytest.mark.slow
def test_the_gate_parses_every_gold_evidence_sentence_of_dev():
    """Gate recall against the gold transfers of dev: every evidence sentence is parsed."""
    from pipeline.ingest import scan
    from pipeline.nlp.runner import extract_chunk

    articles = sorted(scan(DEV / "articles", 5_000_000).articles, key=lambda a: a.article_id)
    gold = _gold_evidence()
    missed, total = [], 0
    for ex in extract_chunk(articles, depth=GATED):
        for evidence in gold.get(ex.article_id, []):
            probe = evidence[:60]
            hits = [p for (s, e, text), p in zip(ex.sentences, ex.parsed) if probe in text]
            if hits:
                total += 1
                if not any(hits):
                    missed.append((ex.article_id, probe))
    assert total > 150 and not missed


@needs_dev
@pytest.mark.slow
def test_dev_rows_are_identical_with_the_gate_on_and_off(tmp_path, monkeypatch):
    from tests.pipeline_helpers import query, run_all_assets

    tables = {}
    for depth in (GATED, FULL):
        monkeypatch.setenv("ARMS_NLP_DEPTH", depth)
        warehouse = tmp_path / f"{depth}.duckdb"
        run_all_assets(monkeypatch, DEV / "articles", warehouse, workers=2)
        tables[depth] = query(warehouse, "SELECT * EXCLUDE (extractor_version) FROM arms_transfer_mentions "
                                         "ORDER BY article_id, mention_id")
        shares = query(warehouse, "SELECT count(*) FILTER (parsed), count(*) FROM sentences")[0]
        assert (shares[0] == shares[1]) == (depth == FULL)
    assert len(tables[GATED]) > 150
    assert tables[GATED] == tables[FULL]


@pytest.mark.slow
def test_behaviour_cases_give_the_same_rows_with_the_gate_on_and_off(nlp):
    """Every constructed case of tests/behaviour (one-clause, newswire, cross-sentence, negatives): the gate
    must not change a row, whatever the phenomenon."""
    from pipeline.extract.assemble import extract_article
    from pipeline.nlp.tiers import parse_articles
    from tests.behaviour.report import SETS

    cases = [case for _name, factory, _gaps in SETS for case in factory()]
    articles = [Article(article_id=f"c{i}", text=c.text, title=c.title, published_date=c.published, content_hash="h")
                for i, c in enumerate(cases)]

    def rows(depth):
        docs = parse_articles(nlp, articles, batch_size=8, depth=depth)
        return [[(r.supplier_iso3, r.recipient_iso3, r.weapon_category, r.stage, r.quantity_value, r.date_start,
                  r.evidence) for r in extract_article(doc, a).transfers] for doc, a in zip(docs, articles)]

    gated, full = rows(GATED), rows(FULL)
    differ = [cases[i].text for i, (g, f) in enumerate(zip(gated, full)) if g != f]
    assert len(cases) > 600 and not differ
