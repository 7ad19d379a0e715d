"""python -m pipeline.export: register_export to CSV, marts built on demand, clear errors."""
from __future__ import annotations

import csv
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import duckdb

from pipeline import export
from pipeline.assets.marts import run_mart_sql

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = sorted((ROOT / "sql" / "schema").glob("*.sql"))


def make_warehouse(path: Path, build_marts: bool) -> Path:
    con = duckdb.connect(str(path))
    for ddl in SCHEMA:
        con.execute(ddl.read_text())
    for aid, day, url in [("a1", dt.date(2019, 5, 1), "https://ex/a1"), ("a2", dt.date(2020, 8, 1), "https://ex/a2")]:
        con.execute("INSERT INTO articles (article_id, published_date, url, text, content_hash, source_path, n_chars) "
                    "VALUES (?, ?, ?, 't', 'h', ?, 1)", [aid, day, url, aid + ".json"])
    rows = [
        ("a1", 0, "Egypt, with a comma", "EGY", "Dassault", "FRA", "Rafale", "aircraft", 24.0, "ordered", 0.9),
        ("a2", 0, "Egypt, with a comma", "EGY", "France", "FRA", "Rafale", "aircraft", 24.0, "delivered", 0.7),
    ]
    for aid, mid, rn, ri, sn, si, wt, cat, q, stage, conf in rows:
        con.execute(
            """INSERT INTO arms_transfer_mentions (article_id, mention_id, char_start, char_end, evidence,
                   supplier_name, supplier_iso3, recipient_name, recipient_iso3, weapon_text, weapon_category,
                   quantity_value, stage, modality, confidence, extractor_version)
               VALUES (?, ?, 0, 1, 'Egypt "ordered" 24 Rafale', ?, ?, ?, ?, ?, ?, ?, ?, 'asserted', ?, 't')""",
            [aid, mid, sn, si, rn, ri, wt, cat, q, stage, conf])
    # the state's display name comes from its COUNTRY entity mentions, not from "Dassault"
    con.execute("INSERT INTO entity_mentions (article_id, mention_id, char_start, char_end, text, label, "
                "canonical_name, country_iso3) VALUES ('a2', 0, 0, 1, 'French', 'COUNTRY', 'France', 'FRA')")
    if build_marts:
        run_mart_sql(con)
    con.close()
    return path


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_export_builds_marts_when_missing_and_writes_the_register(tmp_path):
    wh = make_warehouse(tmp_path / "w.duckdb", build_marts=False)
    assert export.main(["--warehouse", str(wh), "--out", str(tmp_path / "out")]) == 0
    rows = read_csv(tmp_path / "out" / "register_export.csv")
    assert len(rows) == 1                                 # two articles, one Rafale deal
    row = rows[0]
    assert list(row)[:11] == ["recipient", "recipient_iso3", "supplier", "supplier_iso3", "year_of_order",
                              "number_ordered", "weapon_designation", "weapon_description", "number_delivered",
                              "years_of_delivery", "status"]
    assert (row["recipient"], row["supplier"], row["supplier_iso3"]) == ("Egypt, with a comma", "France", "FRA")
    assert row["year_of_order"] == "2019"
    assert (row["number_ordered"], row["number_delivered"], row["years_of_delivery"]) == ("24", "24", "2020")
    assert (row["weapon_designation"], row["weapon_description"], row["status"]) == ("Rafale", "aircraft", "delivered")
    assert row["sources"] == "a1; a2" and row["source_urls"] == "https://ex/a1; https://ex/a2"
    assert 'Egypt "ordered" 24 Rafale' in row["comments"]
    con = duckdb.connect(str(wh), read_only=True)
    assert con.execute("SELECT count(*) FROM deals").fetchone()[0] == 1   # the marts were persisted
    con.close()


def test_export_uses_existing_register_and_defaults_beside_the_warehouse(tmp_path, monkeypatch):
    wh = make_warehouse(tmp_path / "w.duckdb", build_marts=True)
    monkeypatch.setenv("ARMS_WAREHOUSE", str(wh))
    monkeypatch.setattr(export, "build_marts", lambda _: (_ for _ in ()).throw(AssertionError("rebuilt")))
    assert export.main([]) == 0
    assert len(read_csv(tmp_path / "exports" / "register_export.csv")) == 1


def test_export_of_an_empty_warehouse_has_a_header_only(tmp_path):
    wh = tmp_path / "w.duckdb"
    duckdb.connect(str(wh)).close()                       # a file without any table: schema + marts built
    target, n = export.export_register(wh, tmp_path / "o")
    assert n == 0
    assert target.read_text().startswith("recipient,recipient_iso3,supplier,")


def test_clear_error_when_the_warehouse_does_not_exist(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "pipeline.export", "--warehouse", str(tmp_path / "missing.duckdb")],
                          cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 2
    assert "missing.duckdb does not exist" in proc.stderr
    assert not (tmp_path / "missing.duckdb").exists()     # nothing created by accident


def test_csv_is_readable_by_others_and_out_may_name_the_file(tmp_path):
    wh = make_warehouse(tmp_path / "w.duckdb", build_marts=True)
    old = os.umask(0o022)
    try:
        assert export.main(["--warehouse", str(wh), "--out", str(tmp_path / "share" / "register.csv")]) == 0
    finally:
        os.umask(old)
    target = tmp_path / "share" / "register.csv"
    assert oct(target.stat().st_mode & 0o777) == oct(0o644)
    assert len(read_csv(target)) == 1


def test_money_and_counts_are_integers_in_the_csv(tmp_path):
    wh = make_warehouse(tmp_path / "w.duckdb", build_marts=False)
    con = duckdb.connect(str(wh))
    con.execute("UPDATE arms_transfer_mentions SET deal_value = 3000000000.0, deal_currency = 'USD'")
    con.close()
    target, _ = export.export_register(wh, tmp_path / "o")
    text = target.read_text()
    assert "value 3000000000 USD" in text and "3000000000.0" not in text
    assert read_csv(target)[0]["number_ordered"] == "24"


def test_make_export_passes_out(tmp_path):
    target = tmp_path / "my register.csv"
    proc = subprocess.run(["make", "-n", "export", f"OUT={target}"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert f'-m pipeline.export --out "{target}"' in proc.stdout
    default = subprocess.run(["make", "-n", "export"], cwd=ROOT, capture_output=True, text=True).stdout
    assert any(line.strip().endswith("-m pipeline.export") for line in default.splitlines())
