"""The built-in evaluation: exact metric values on a hand-built warehouse and gold file."""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from pipeline import evaluate as ev

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = sorted((ROOT / "sql" / "schema").glob("*.sql"))
SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
D = dt.date


def make_warehouse(path: Path, articles, mentions, entities) -> Path:
    con = duckdb.connect(str(path))
    for ddl in SCHEMA:
        con.execute(ddl.read_text())
    for aid in articles:
        con.execute("INSERT INTO articles (article_id, text, content_hash, source_path, n_chars) VALUES (?, 't', 'h', ?, 1)",
                    [aid, aid + ".json"])
    for i, (aid, s, r, c, qv, ql, ds, de) in enumerate(mentions):
        con.execute(
            """INSERT INTO arms_transfer_mentions (article_id, mention_id, char_start, char_end, evidence,
                   supplier_iso3, recipient_iso3, weapon_category, quantity_value, quantity_low,
                   stage, modality, date_start, date_end, confidence, extractor_version)
               VALUES (?, ?, 0, 1, 'e', ?, ?, ?, ?, ?, 'unknown', 'asserted', ?, ?, 0.5, 'test')""",
            [aid, i, s, r, c, qv, ql, ds, de])
    for i, (aid, label, iso) in enumerate(entities):
        con.execute("INSERT INTO entity_mentions (article_id, mention_id, char_start, char_end, text, label, country_iso3) "
                    "VALUES (?, ?, 0, 1, 'x', ?, ?)", [aid, i, label, iso])
    con.close()
    return path


def write_gold(path: Path, records) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    return path


def t(supplier, recipient, category, optional=False, quantity=None, date=None):
    return {"supplier": supplier, "recipient": recipient, "category": category, "optional": optional,
            "quantity": quantity, "date": date}


GOLD = [
    {"article_id": "A1", "countries": ["USA", "SAU", "IRN"], "countries_optional": ["ISR"], "transfers": [
        t("USA", "SAU", ["aircraft"], quantity={"value": 5, "text": "five"},
          date={"start": "1985-01-01", "end": "1985-12-31"}),
        t("USA", "SAU", "missiles", quantity={"value": 400}),          # a plain string category
        t([None, "USA"], "IRN", ["missiles", "uav"]),                   # alternatives for the supplier
        t("RUS", "SYR", ["air_defence"], optional=True),
    ]},
    {"article_id": "A2", "countries": ["CHN", "PAK"], "transfers": [
        t("CHN", "PAK", ["ships"], quantity={"low": 100, "high": 999},
          date={"start": "2020-03-01", "end": "2020-03-31"}),
        t("CHN", "PAK", ["aircraft"]),
    ]},
    {"article_id": "A3", "countries": [], "transfers": []},
    {"article_id": "A4", "countries": ["USA", "TWN"], "transfers": [t("USA", "TWN", ["aircraft"], optional=True)]},
    {"article_id": "A5", "countries": ["DEU", "UKR"], "transfers": [t("DEU", "UKR", ["armoured_vehicles"])]},
]
MENTIONS = [
    # article, supplier, recipient, category, quantity_value, quantity_low, date_start, date_end
    ("A1", "USA", "SAU", "aircraft", 5.0, None, D(1985, 1, 2), D(1985, 12, 30)),
    ("A1", "USA", "SAU", "aircraft", None, None, None, None),
    ("A1", "USA", "SAU", "missiles", 40.0, None, None, None),          # wrong quantity
    ("A1", None, "IRN", "missiles", None, None, None, None),
    ("A1", "RUS", "SYR", "air_defence", None, None, None, None),        # optional: ignored
    ("A1", "SAU", "USA", "aircraft", None, None, None, None),           # swapped
    ("A2", "CHN", "PAK", "ships", None, 200.0, D(2020, 3, 10), D(2020, 3, 10)),  # date 9 days off (tol 3)
    ("A2", "CHN", "PAK", "aircraft", 12.0, None, None, None),           # fabricated quantity
    ("A3", "USA", "ISR", "unspecified", None, None, None, None),        # irrelevant article
    ("A4", "USA", "TWN", "aircraft", None, None, None, None),           # optional only
    ("ZZ", "USA", "GBR", "aircraft", None, None, None, None),           # not in the gold: ignored
]
ENTITIES = [
    ("A1", "COUNTRY", "USA"), ("A1", "COUNTRY", "SAU"), ("A1", "ORG", "ISR"), ("A1", "COUNTRY", "GBR"),
    ("A1", "COMPANY", "FRA"), ("A1", "ORG", None), ("A1", "PERSON", "IRN"),
    ("A2", "COUNTRY", "CHN"), ("A3", "COUNTRY", "USA"), ("A4", "COUNTRY", "USA"), ("A4", "ORG", "TWN"),
]
EXPECTED = {
    "articles": 5, "articles_missing": 1,
    # tuples: 5 of 6 required found; 5 true + 2 false predicted keys (optional-only keys ignored)
    "tuple_p": 0.7143, "tuple_r": 0.8333, "tuple_f1": 0.7692,
    # dyads: 3 tp (USA->SAU, None->IRN, CHN->PAK), 2 fp (SAU->USA swap, USA->ISR),
    # 1 fn (the DEU->UKR gold tuple); 7 predicted dyads (optional-only ones included), 1 swapped
    "dyad_p": 0.6, "dyad_r": 0.75, "dyad_f1": 0.6667, "swap_rate": 0.1429,
    "relevance_p": 0.6667, "relevance_r": 0.6667,
    "quantity_acc": 0.6667, "quantity_fabricated": 1, "date_acc": 0.5,
    # countries: tp 5, fp 2 (GBR, USA in A3), fn 4 (IRN, PAK, DEU, UKR); ISR optional, COMPANY/PERSON ignored
    "country_p": 0.7143, "country_r": 0.5556, "country_f1": 0.625,
}


@pytest.fixture
def scenario(tmp_path):
    wh = make_warehouse(tmp_path / "w.duckdb", ["A1", "A2", "A3", "A4", "ZZ"], MENTIONS, ENTITIES)
    gold = write_gold(tmp_path / "gold.jsonl", GOLD)
    return wh, gold


def run_score(wh, gold_path):
    gold = ev.load_gold(gold_path)
    return ev.score(gold, ev.read_warehouse(wh, gold.keys()))


def test_exact_metrics_on_a_hand_built_warehouse(scenario):
    metrics, errors = run_score(*scenario)
    assert {k: metrics[k] for k in EXPECTED} == EXPECTED
    assert "A5: article not in warehouse" in errors
    assert "A1: SWAPPED SAU->USA" in errors
    assert "A3: EXTRA USA->ISR unspecified" in errors
    assert any(e.startswith("A5: MISSED") for e in errors)
    assert not any("RUS->SYR" in e or "USA->TWN" in e or "ZZ" in e for e in errors)


def test_quantity_a_value_that_belongs_to_another_required_tuple_is_not_fabricated(tmp_path):
    gold = [{"article_id": "B", "countries": [], "transfers": [
        t("CHN", "PAK", ["ships"], quantity={"low": 100, "high": 999}),
        t("CHN", "PAK", ["ships", "submarines"]),
    ]}]
    wh = make_warehouse(tmp_path / "w.duckdb", ["B"], [("B", "CHN", "PAK", "ships", None, 250.0, None, None)], [])
    m, _ = run_score(wh, write_gold(tmp_path / "g.jsonl", gold))
    assert (m["quantity_acc"], m["quantity_fabricated"]) == (1.0, 0)
    wh2 = make_warehouse(tmp_path / "w2.duckdb", ["B"], [("B", "CHN", "PAK", "ships", 7.0, None, None, None)], [])
    m, _ = run_score(wh2, write_gold(tmp_path / "g.jsonl", gold))
    assert (m["quantity_acc"], m["quantity_fabricated"]) == (0.0, 1)


@pytest.mark.parametrize("gold_q, value, low, ok", [
    ({"value": 5}, 5.0, None, True),
    ({"value": 5}, 5.001, None, False),
    ({"low": 31, "high": None}, 31.0, None, True),     # "more than 30"
    ({"low": 31, "high": None}, 30.0, None, False),
    ({"low": 24, "high": 99}, None, 40.0, True),        # "dozens": a range's low end counts
    ({"low": 24, "high": 99}, 100.0, None, False),
    ({"low": 100, "high": 999}, 999.9, None, True),     # 0.1% slack on range ends
    ({"value": 5}, None, None, False),
])
def test_quantity_ranges(gold_q, value, low, ok):
    row = ev.PredRow(("A", "B", "c"), value, low, None, None, None)
    assert ev.quantity_matches(gold_q, row) is ok


@pytest.mark.parametrize("gold_d, start, end, ok", [
    ({"start": "1985-01-01", "end": "1985-12-31"}, D(1985, 2, 6), D(1985, 12, 31), True),   # 36 days = 10% of 364
    ({"start": "1985-01-01", "end": "1985-12-31"}, D(1985, 2, 7), D(1985, 12, 31), False),
    ({"start": "2020-03-01", "end": "2020-03-01"}, D(2020, 3, 4), None, True),              # 3-day floor
    ({"start": "2020-03-01", "end": "2020-03-01"}, D(2020, 3, 5), None, False),
    ({"start": "2020-03-01"}, D(2020, 2, 27), D(2020, 3, 2), True),                         # no gold end
    ({"start": "2020-03-01", "end": "2020-03-31"}, D(2020, 3, 1), D(2020, 12, 31), False),  # end too late
    ({"start": "2020-03-01", "end": "2020-03-31"}, None, None, False),
])
def test_date_tolerance(gold_d, start, end, ok):
    row = ev.PredRow(("A", "B", "c"), None, None, None, start, end)
    assert ev.date_matches(gold_d, row) is ok


def test_empty_warehouse(tmp_path):
    wh = make_warehouse(tmp_path / "w.duckdb", ["A1"], [], [])
    m, _ = run_score(wh, write_gold(tmp_path / "g.jsonl", GOLD[:1]))
    assert (m["tuple_p"], m["tuple_r"], m["tuple_f1"]) == (1.0, 0.0, 0.0)
    assert (m["relevance_p"], m["relevance_r"], m["swap_rate"]) == (1.0, 0.0, 0.0)
    assert m["quantity_acc"] is None and m["date_acc"] is None and m["quantity_fabricated"] == 0


def test_cli_prints_one_metric_per_line(scenario, capsys):
    wh, gold = scenario
    assert ev.main(["--warehouse", str(wh), "--gold", str(gold)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    parsed = dict(line.split(None, 1) for line in lines)
    assert list(parsed) == list(ev.METRICS)
    assert parsed["tuple_f1"] == "0.7692" and parsed["quantity_fabricated"] == "1"
    ev.main(["--warehouse", str(wh), "--gold", str(gold), "--json", "--show-errors"])
    out = capsys.readouterr().out.strip().splitlines()
    assert "A1: SWAPPED SAU->USA" in out
    assert json.loads(out[-1])["dyad_f1"] == 0.6667


def test_cli_clear_error_for_a_missing_warehouse(tmp_path, scenario):
    _, gold = scenario
    with pytest.raises(SystemExit, match="does not exist"):
        ev.main(["--warehouse", str(tmp_path / "nope.duckdb"), "--gold", str(gold)])
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    with pytest.raises(SystemExit, match="lacks the tables"):
        ev.main(["--warehouse", str(empty), "--gold", str(gold)])


def test_articles_mode_materialises_into_a_temporary_warehouse(tmp_path, monkeypatch, capsys):
    """--articles runs `dagster asset materialize -m pipeline.definitions --select '*'` with the env set."""
    articles = tmp_path / "articles"
    articles.mkdir()
    gold = write_gold(tmp_path / "g.jsonl", GOLD[:1])
    log = tmp_path / "call.json"
    fake = tmp_path / "fake_dagster.py"
    fake.write_text(textwrap.dedent(f"""
        import json, os, sys
        sys.path.insert(0, {str(ROOT)!r})
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        from test_evaluate import make_warehouse, MENTIONS, ENTITIES
        json.dump({{"argv": sys.argv[1:], "articles": os.environ["ARMS_ARTICLES_DIR"],
                   "home": os.environ["DAGSTER_HOME"], "home_exists": os.path.isdir(os.environ["DAGSTER_HOME"])}},
                  open({str(log)!r}, "w"))
        from pathlib import Path
        make_warehouse(Path(os.environ["ARMS_WAREHOUSE"]), ["A1"], MENTIONS, ENTITIES)
    """))
    monkeypatch.setattr(ev, "_dagster_command", lambda: [sys.executable, str(fake)])
    assert ev.main(["--articles", str(articles), "--gold", str(gold)]) == 0
    call = json.loads(log.read_text())
    assert call["argv"] == ["asset", "materialize", "-m", "pipeline.definitions", "--select", "*"]
    assert call["articles"] == str(articles.resolve()) and call["home_exists"]
    assert not Path(call["home"]).exists()            # temporary DAGSTER_HOME removed afterwards
    parsed = dict(line.split(None, 1) for line in capsys.readouterr().out.strip().splitlines())
    assert parsed["tuple_r"] == "1.0" and parsed["articles_missing"] == "0"


def test_articles_mode_reports_a_failed_run(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    articles.mkdir()
    monkeypatch.setattr(ev, "_dagster_command", lambda: [sys.executable, "-c", "import sys; sys.exit('boom')"])
    with pytest.raises(SystemExit, match="(?s)materialising the pipeline failed.*boom"):
        ev.main(["--articles", str(articles), "--gold", str(write_gold(tmp_path / "g.jsonl", GOLD))])


# ------------------------------------------------------------------ against the shared yardstick

@pytest.fixture(scope="module")
def shared_scorer():
    if not SHARED_SCORER.exists():
        pytest.skip("../shared/eval/score.py not present")
    spec = importlib.util.spec_from_file_location("shared_score", SHARED_SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("case", ["scenario", "fabricated", "empty"])
def test_agrees_with_the_shared_scorer(shared_scorer, tmp_path, case):
    if case == "scenario":
        wh = make_warehouse(tmp_path / "w.duckdb", ["A1", "A2", "A3", "A4", "ZZ"], MENTIONS, ENTITIES)
        gold_path = write_gold(tmp_path / "g.jsonl", GOLD)
    elif case == "fabricated":
        wh = make_warehouse(tmp_path / "w.duckdb", ["B"], [("B", "CHN", "PAK", "ships", 250.0, None, None, None),
                                                         ("B", "PAK", "CHN", "ships", 3.0, None, None, None)], [])
        gold_path = write_gold(tmp_path / "g.jsonl", [{"article_id": "B", "countries": ["CHN"], "transfers": [
            t("CHN", "PAK", ["ships"], quantity={"low": 100, "high": 999}), t("CHN", "PAK", ["ships", "submarines"])]}])
    else:
        wh = make_warehouse(tmp_path / "w.duckdb", [], [], [])
        gold_path = write_gold(tmp_path / "g.jsonl", GOLD)
    ours, _ = run_score(wh, gold_path)
    gold = shared_scorer.load_gold(str(gold_path))
    theirs, _ = shared_scorer.score(gold, *shared_scorer.load_pred(str(wh), gold.keys()))
    assert {k: ours[k] for k in ev.METRICS} == {k: theirs[k] for k in ev.METRICS}


@pytest.mark.slow
def test_articles_mode_end_to_end(tmp_path, capsys):
    """The real pipeline on one article: the article is found and the command prints every metric."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "e1.json").write_text(json.dumps({
        "id": "e1", "title": "Poland buys jets", "published": "2020-03-01",
        "text": "The United States approved the sale of 32 F-35 fighter jets to Poland on Friday."}))
    gold = write_gold(tmp_path / "g.jsonl", [{"article_id": "e1", "countries": ["USA", "POL"], "transfers": [
        t("USA", "POL", ["aircraft"], quantity={"value": 32})]}])
    assert ev.main(["--articles", str(articles), "--gold", str(gold), "--keep-warehouse",
                    str(tmp_path / "e.duckdb")]) == 0
    parsed = dict(line.split(None, 1) for line in capsys.readouterr().out.strip().splitlines())
    assert parsed["articles_missing"] == "0"
    assert set(parsed) == set(ev.METRICS)
