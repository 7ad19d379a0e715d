"""Readers, normalisation, dates, hashing and ids of the ingest stage (small fixtures in tmp_path)."""
from __future__ import annotations

import datetime as dt
import json
import sys
import unicodedata
from pathlib import Path

import pytest

from pipeline.ingest import (
    REJECT_REASONS, IngestResult, content_hash, iter_input_files, normalise_text, parse_date,
    read_file, scan,
)
from pipeline.ingest.language import english_verdict
from pipeline.ingest.normalise import _REMOVE_RE, _SPACE_CHAR_RE

LIMIT = 5 * 1024 * 1024
BODY = ("Germany approved the delivery of 18 Leopard 2 tanks to Ukraine on Wednesday, "
        "the defence ministry said. The vehicles will be sent from army stocks and crews "
        "are to be trained in Germany over the coming weeks, officials told reporters.")


def write(root: Path, name: str, content: str | bytes) -> Path:
    p = root / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    p.write_bytes(content)
    return p


def read_one(root: Path, name: str, content: str | bytes):
    return read_file(write(root, name, content), root, LIMIT)


def only_article(root, name, content):
    arts, rejs = read_one(root, name, content)
    assert rejs == [] and len(arts) == 1, rejs
    return arts[0]


def only_reject(root, name, content):
    arts, rejs = read_one(root, name, content)
    assert arts == [] and len(rejs) == 1, arts
    return rejs[0]


# ------------------------------------------------------------------ .txt
def test_txt_title_is_first_nonempty_line_and_id_is_stem(tmp_path):
    a = only_article(tmp_path, "sub/leopard-2023.txt", f"\n\n  Germany sends tanks  \n\n{BODY}\n")
    assert a.article_id == "leopard-2023"
    assert a.title == "Germany sends tanks"
    assert a.text == BODY
    assert a.published_date is None
    assert a.source_path == "sub/leopard-2023.txt"
    assert a.language == "en"
    assert a.content_hash == content_hash(a.title, None, a.text)


def test_txt_title_only_is_no_text(tmp_path):
    r = only_reject(tmp_path, "t.txt", "Just a headline\n\n   \n")
    assert r.reason == "no_text" and r.article_id == "t"


# ------------------------------------------------------------------ .md
def test_md_front_matter(tmp_path):
    md = ("---\ntitle: \"Tanks: a deal\"\npublished: 2023-01-25\nsource: Reuters\n"
          "url: https://example.com/x\nid: 00123\nprovenance: test fixture\n---\n\n" + BODY)
    a = only_article(tmp_path, "deal.md", md)
    assert a.article_id == "00123"          # BaseLoader: leading zeros kept, not octal/int
    assert a.title == "Tanks: a deal"
    assert a.published_date == dt.date(2023, 1, 25)
    assert (a.source, a.url, a.provenance) == ("Reuters", "https://example.com/x", "test fixture")
    assert a.text == BODY


def test_md_front_matter_without_title_uses_heading(tmp_path):
    a = only_article(tmp_path, "h.md", f"---\npublished: 2020-01-01\n---\n# The heading\n\n{BODY}")
    assert a.title == "The heading" and a.text == BODY and a.article_id == "h"


def test_md_without_front_matter_strips_heading(tmp_path):
    a = only_article(tmp_path, "plain.md", f"# Germany sends tanks #\n\n{BODY}")
    assert a.title == "Germany sends tanks" and a.text == BODY and a.published_date is None


def test_md_setext_heading(tmp_path):
    a = only_article(tmp_path, "setext.md", f"Germany sends tanks\n===================\n\n{BODY}")
    assert a.title == "Germany sends tanks" and a.text == BODY


@pytest.mark.parametrize("md", [
    f"---\ntitle: x\n\n{BODY}",                       # never closed
    f"---\ntitle: [unclosed\n---\n{BODY}",            # not YAML
    f"---\n- a\n- b\n---\n{BODY}",                    # a list, not a mapping
    f"---\njust a sentence\n---\n{BODY}",             # a scalar
], ids=["unclosed", "bad_yaml", "list", "scalar"])
def test_md_broken_front_matter_is_rejected_not_treated_as_text(tmp_path, md):
    assert only_reject(tmp_path, "broken.md", md).reason == "malformed_front_matter"


# ------------------------------------------------------------------ .json
def test_json_all_fields(tmp_path):
    obj = {"id": "r1", "title": "T", "text": BODY, "published": "2019-05-06T23:30:00-04:00",
           "source": "AP", "url": "https://ap.example/1", "provenance": "Reuters-21578", "x": [1]}
    a = only_article(tmp_path, "a.json", json.dumps(obj))
    assert (a.article_id, a.title, a.source, a.url, a.provenance) == (
        "r1", "T", "AP", "https://ap.example/1", "Reuters-21578")
    assert a.published_date == dt.date(2019, 5, 6)   # the date as written, not converted to UTC


def test_json_only_text_required(tmp_path):
    a = only_article(tmp_path, "minimal.json", json.dumps({"text": BODY}))
    assert a.article_id == "minimal" and a.title is None and a.published_date is None


@pytest.mark.parametrize("obj,reason", [
    ({"title": "no text"}, "no_text"),
    ({"text": None}, "no_text"),
    ({"text": "  \n "}, "no_text"),
    ({"text": 42}, "invalid_field"),
    ({"text": BODY, "title": ["a"]}, "invalid_field"),
    ({"text": BODY, "id": {"a": 1}}, "invalid_field"),
    ({"text": BODY, "id": True}, "invalid_field"),
    ([{"text": BODY}], "not_an_object"),
    ("a string", "not_an_object"),
], ids=lambda v: v if isinstance(v, str) else None)
def test_json_rejects(tmp_path, obj, reason):
    assert only_reject(tmp_path, "bad.json", json.dumps(obj)).reason == reason


def test_json_unparsable_published_keeps_article_with_null_date(tmp_path):
    a = only_article(tmp_path, "d.json", json.dumps({"text": BODY, "published": "yesterday"}))
    assert a.published_date is None


def test_json_integer_id_becomes_string(tmp_path):
    assert only_article(tmp_path, "n.json", json.dumps({"id": 7, "text": BODY})).article_id == "7"


# ------------------------------------------------------------------ .jsonl
def test_jsonl_ids_line_numbers_and_per_line_rejects(tmp_path):
    lines = [json.dumps({"id": "first", "text": BODY}),
             "",
             json.dumps({"text": BODY + " Second."}),
             "{not json",
             json.dumps({"id": "  ", "text": BODY + " Fourth."})]
    arts, rejs = read_one(tmp_path, "feed.jsonl", "\r\n".join(lines) + "\n")
    assert [(a.article_id, a.source_path) for a in arts] == [
        ("first", "feed.jsonl:1"), ("feed-3", "feed.jsonl:3"), ("feed-5", "feed.jsonl:5")]
    assert [(r.source_path, r.reason) for r in rejs] == [("feed.jsonl:4", "malformed_json")]


# ------------------------------------------------------------------ .html
HTML = """<!doctype html><html><head><title>Tanks for Ukraine | News</title>
<meta name="date" content="March 3, 2021">
<meta property="article:published_time" content="2023-01-25T10:00:00Z">
<script>document.write("<p>INJECTED</p>")</script><style>p { color: red }</style></head>
<body><nav>Home | World | SCRIPTNAV</nav><header>Site header</header>
<article><p>Germany approved the delivery of 18 Leopard 2 tanks
   to Ukraine on Wednesday.</p><aside>Related: ASIDE</aside>
<p>The vehicles will come from army stocks,<br>officials said.</p>
<script>var s = "SCRIPT";</script><noscript>NOSCRIPT</noscript><form>FORM</form></article>
<div>Sidebar outside the article</div><footer>FOOTER</footer></body></html>"""


def test_html_article_text_title_and_meta_date(tmp_path):
    a = only_article(tmp_path, "page.html", HTML)
    assert a.title == "Tanks for Ukraine | News"
    assert a.published_date == dt.date(2023, 1, 25)     # the ISO meta wins; "March 3" is not guessed
    assert a.text == ("Germany approved the delivery of 18 Leopard 2 tanks to Ukraine on Wednesday."
                      "\n\nThe vehicles will come from army stocks,\nofficials said.")
    for junk in ("INJECTED", "SCRIPT", "ASIDE", "FORM", "FOOTER", "Sidebar", "header", "color"):
        assert junk not in a.text


def test_html_without_article_uses_body_h1_title_and_time_tag_ignored_outside_article(tmp_path):
    html = ("<html><body><h1>Headline here</h1><time datetime='2020-02-02'>x</time>"
            "<div>The ministry said the first of the aircraft were delivered.</div>"
            "<div>A second paragraph.</div></body></html>")
    a = only_article(tmp_path, "p.htm", html)
    assert a.title == "Headline here"
    assert a.published_date is None
    assert a.text.endswith("The ministry said the first of the aircraft were delivered.\n\n"
                           "A second paragraph.")


def test_html_time_datetime_inside_article(tmp_path):
    html = ("<article><time datetime='2020-02-02T08:00'>2 Feb</time><p>The ministry said "
            "the first aircraft were delivered.</p></article>")
    assert only_article(tmp_path, "t.html", html).published_date == dt.date(2020, 2, 2)


def test_html_only_scripts_is_no_text(tmp_path):
    html = "<html><head><title>T</title><script>alert(1)</script></head><body><style>x</style></body></html>"
    assert only_reject(tmp_path, "s.html", html).reason == "no_text"


# ------------------------------------------------------------------ normalisation
@pytest.mark.parametrize("raw,expected", [
    ("a\r\nb\rc", "a\nb\nc"),
    ("a\tb\u00a0c\u2003d\u3000e", "a b c d e"),
    ("a     b", "a b"),
    ("line one   \nline two \t", "line one\nline two"),
    ("p1\n\n\n\n\np2", "p1\n\np2"),
    ("p1\n  \n \t \np2", "p1\n\np2"),
    ("  \n\n text \n\n ", "text"),
    ("zero\u200bwidth\u200c\u200d\u2060\ufeff", "zerowidth"),
    ("ctl\x00\x07\x1b\x7f\x9fchars", "ctlchars"),
    ("soft\u00adhyphen", "softhyphen"),
    ("e\u0301", "\u00e9"),                                    # NFC
    ("e\u200b\u0301", "\u00e9"),                              # NFC after removing the ZWSP
    ("\u201csmart\u201d \u2018quotes\u2019 \u2014 dash\u2026", "\u201csmart\u201d \u2018quotes\u2019 \u2014 dash\u2026"),
    ("page\x0cbreak", "page\nbreak"),
    ("a\u2028b\u2029c", "a\nb\n\nc"),
    ("lone \ud800surrogate", "lone surrogate"),
    ("", ""),
], ids=lambda v: repr(v)[:24])
def test_normalise_text(raw, expected):
    assert normalise_text(raw) == expected
    assert normalise_text(expected) == expected                      # idempotent


def test_normalise_character_classes_match_unicodedata():
    """The hard-coded classes cover every Cf/Cc/Cs/Zs character of this Python's Unicode."""
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if cat in ("Cf", "Cs") or (cat == "Cc" and ch not in "\t\n\x0b\x0c\r\x85"):
            assert _REMOVE_RE.fullmatch(ch), hex(cp)
        elif cat == "Zs" or ch == "\t":
            assert _SPACE_CHAR_RE.fullmatch(ch), hex(cp)
        else:
            assert not _REMOVE_RE.fullmatch(ch) and not _SPACE_CHAR_RE.fullmatch(ch), hex(cp)


# ------------------------------------------------------------------ dates
@pytest.mark.parametrize("value,expected", [
    ("2021-03-04", dt.date(2021, 3, 4)),
    (" 2021-03-04 ", dt.date(2021, 3, 4)),
    ("2021-03-04T23:59:59Z", dt.date(2021, 3, 4)),
    ("2021-03-04T01:00:00.123+05:30", dt.date(2021, 3, 4)),
    ("2021-03-04 10:00", dt.date(2021, 3, 4)),
    (dt.date(2020, 1, 1), dt.date(2020, 1, 1)),
    ("2021-02-30", None),
    ("2021-03-04T25:00", None),
    ("04/03/2021", None),
    ("March 4, 2021", None),
    ("20210304", None),
    ("2021", None),
    (20210304, None),
    (None, None),
    ("", None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


# ------------------------------------------------------------------ hash and ids
def test_content_hash_changes_with_text_not_with_file_name(tmp_path):
    a = only_article(tmp_path, "one.txt", f"Title\n{BODY}")
    (tmp_path / "one.txt").rename(tmp_path / "renamed.txt")
    b = read_file(tmp_path / "renamed.txt", tmp_path, LIMIT)[0][0]
    c = only_article(tmp_path, "changed.txt", f"Title\n{BODY} More.")
    d = only_article(tmp_path, "crlf.txt", f"Title\r\n{BODY}\r\n")
    assert a.content_hash == b.content_hash == d.content_hash
    assert c.content_hash != a.content_hash
    assert b.article_id == "renamed"
    assert content_hash("T", dt.date(2020, 1, 1), "x") != content_hash("T", None, "x")
    assert content_hash("T", None, "x") != content_hash(None, None, "Tx")


@pytest.mark.parametrize("raw_id", [
    "x'); DROP TABLE articles; --", "\"quoted\" 'id'", "a;b--c", "Robert'); --", "ünï cödé 東京",
    "with  inner   spaces", "../../etc/passwd",
])
def test_ids_kept_verbatim(tmp_path, raw_id):
    a = only_article(tmp_path, "i.json", json.dumps({"id": f"  {raw_id} ", "text": BODY}))
    assert a.article_id == raw_id


def test_scan_duplicates_by_hash_and_by_id(tmp_path):
    write(tmp_path, "a.txt", f"Title\n{BODY}")
    write(tmp_path, "b.txt", f"Title\n{BODY}")                                # same content
    write(tmp_path, "c.json", json.dumps({"id": "a", "text": BODY + " x"}))   # same id as a.txt
    res = scan(tmp_path, LIMIT)
    assert isinstance(res, IngestResult) and res.n_files == 3
    assert [a.source_path for a in res.articles] == ["a.txt"]
    assert [(r.source_path, r.reason) for r in res.rejects] == [("b.txt", "duplicate"), ("c.json", "duplicate")]
    assert "a.txt" in res.rejects[0].detail and "'a'" in res.rejects[0].detail
    assert all(r.reason in REJECT_REASONS for r in res.rejects)


def test_iter_input_files_sorted_supported_only(tmp_path):
    for name in ("b.txt", "a/z.md", "a.json", "c.JSONL", "d.htm", "e.pdf", ".hidden.txt", ".git/x.txt"):
        write(tmp_path, name, "x")
    rel = [p.relative_to(tmp_path).as_posix() for p in iter_input_files(tmp_path)]
    assert rel == ["a.json", "a/z.md", "b.txt", "c.JSONL", "d.htm"]


FOREIGN = {
    "de": "Die Bundesregierung hat am Mittwoch die Lieferung von weiteren Panzern an die Ukraine "
          "genehmigt. Nach Angaben des Verteidigungsministeriums sollen die Fahrzeuge in den "
          "kommenden Wochen übergeben werden, sagte ein Sprecher der Regierung in Berlin.",
    "fr": "Le gouvernement français a annoncé mercredi la livraison de nouveaux avions de combat "
          "Rafale à la Grèce. Selon le ministère des Armées, les appareils seront livrés dans les "
          "prochains mois, dans le cadre d'un contrat signé en janvier dernier avec Athènes.",
    "es": "El gobierno de España aprobó el miércoles la venta de varios helicópteros militares a "
          "Marruecos, según informó el ministerio de Defensa en un comunicado. La operación forma "
          "parte de un acuerdo más amplio de cooperación en materia de seguridad.",
    "it": "Il governo italiano ha approvato mercoledì la vendita di due fregate alla marina "
          "egiziana, secondo quanto riferito dal ministero della Difesa. L'accordo prevede anche "
          "la fornitura di pezzi di ricambio e la formazione degli equipaggi.",
    "nl": "De Nederlandse regering heeft woensdag toestemming gegeven voor de levering van "
          "luchtafweersystemen aan Oekraïne. Volgens het ministerie van Defensie worden de "
          "systemen in de komende maanden overgedragen, samen met munitie en training.",
    "pt": "O governo brasileiro aprovou na quarta-feira a venda de aviões de combate para a "
          "Argentina, segundo o ministério da Defesa. O acordo inclui também a formação de "
          "pilotos e o fornecimento de peças de reposição para os próximos anos em Buenos Aires.",
    "ru": "Правительство России одобрило поставку зенитных комплексов.",
    "zh": "中国政府周三批准向巴基斯坦出售多架战斗机，国防部在声明中表示。",
}


@pytest.mark.parametrize("lang", sorted(FOREIGN))
def test_language_check_rejects_other_languages(lang):
    assert english_verdict(FOREIGN[lang]) is not None


@pytest.mark.parametrize("text", [
    BODY,
    "Kurz: Panzer.",                                                       # too short to judge
    "PARIS, March 3 - Dassault Aviation said it had won a contract from the Indian air force "
    "for 36 Rafale jets, la plus grande commande, in a deal worth 7.9 billion euros, and the "
    "first of the aircraft will be delivered in 2019, the company said in a statement.",
    "Xi Jinping (习近平) met Putin in Moscow, where the two sides signed a declaration.",
], ids=["body", "short", "english_with_french_quote", "english_with_chinese_name"])
def test_language_check_accepts_english(text):
    assert english_verdict(text) is None


def test_scan_missing_root_is_a_reject_not_an_exception(tmp_path):
    res = scan(tmp_path / "missing", LIMIT)
    assert res.articles == [] and res.n_files == 0
    assert [(r.source_path, r.reason) for r in res.rejects] == [(".", "unreadable")]


def test_reader_bug_becomes_reader_error(tmp_path, monkeypatch):
    from pipeline.ingest import formats

    def boom(raw, stem, source_path):
        raise KeyError("bug")
    monkeypatch.setitem(formats.PARSERS, ".txt", boom)
    r = only_reject(tmp_path, "x.txt", f"Title\n{BODY}")
    assert r.reason == "reader_error" and "KeyError" in r.detail
