"""A hostile corpus, generated here (no committed binaries), scanned once; every case asserts its outcome.

CASES is the table: (case name, what is written, expected outcome per input). An outcome
is "ok" (an Article) or a reject reason; IGNORED means the case must leave no record at
all. The whole corpus is scanned in one ``scan()`` call, so duplicates, sorting and the
accounting (articles + rejects == inputs; a jsonl line is an input) are tested together.
"""
from __future__ import annotations

import codecs
import contextlib
import gzip
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.ingest import REJECT_REASONS, iter_input_files, normalise_text, scan
from pipeline.records import Article, Reject

MAX_BYTES = 5 * 1024 * 1024
IGNORED: dict[str, str] = {}


def en(tag: str) -> str:
    """A unique, plainly English article (title line + body) for case ``tag``."""
    return (f"Case {tag} headline\n\nThe ministry said on Monday that {tag} was approved. "
            "Officials told reporters that the first of the new aircraft would be delivered "
            "to the air force by the end of the year, and that a second batch was planned "
            "for the following year as part of the same agreement with the manufacturer.\n")


def en_json(tag: str, **extra) -> str:
    return json.dumps({"title": f"Case {tag}", "text": en(tag).split("\n", 2)[2], **extra})


Builder = Callable[[Path, Path], None]


def files(**named: str | bytes) -> Builder:
    """Write each ``file name -> content`` under root (``__`` in a name means ``/``)."""
    def build(root: Path, outside: Path) -> None:
        for name, content in named.items():
            p = root / name.replace("__", "/")
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return build


def raw_name(name: bytes, content: str) -> Builder:
    def build(root: Path, outside: Path) -> None:
        with open(os.path.join(os.fsencode(root), name), "wb") as f:
            f.write(content.encode("utf-8"))
    return build


def sparse(name: str, size: int) -> Builder:
    def build(root: Path, outside: Path) -> None:
        with open(root / name, "wb") as f:
            f.truncate(size)           # sparse: instant, no 50 MB written
    return build


def large_article(name: str, size: int) -> Builder:
    para = ("The ministry said that the second batch of {n} armoured vehicles was delivered to "
            "the army on schedule, and that training of the crews would continue in the spring.\n\n")
    def build(root: Path, outside: Path) -> None:
        parts, total, n = ["Large article headline\n\n"], 0, 0
        while total < size:
            n += 1
            parts.append(para.format(n=n))
            total += len(parts[-1])
        (root / name).write_text("".join(parts), encoding="utf-8")
    return build


def symlink(name: str, target: Callable[[Path, Path], Path], make_target: Builder | None = None) -> Builder:
    def build(root: Path, outside: Path) -> None:
        if make_target:
            make_target(root, outside)
        os.symlink(target(root, outside), root / name)
    return build


def outside_file(root: Path, outside: Path) -> Path:
    p = outside / "secret.txt"
    p.write_text(en("outside secret"), encoding="utf-8")
    return p


def fifo(name: str) -> Builder:
    def build(root: Path, outside: Path) -> None:
        os.mkfifo(root / name)
    return build


JSONL_MIXED = "\n".join([
    json.dumps({"id": "jsonl-good", "title": "Line one", "text": en("jsonl line 1")}),   # 1 ok
    "   ",                                                                                # 2 blank: not an input
    en_json("jsonl line 3"),                                                              # 3 ok, id jsonl_mixed-3
    '{"text": "unterminated',                                                             # 4
    json.dumps([{"text": "an array"}]),                                                   # 5
    json.dumps({"title": "no text here"}),                                                # 6
    json.dumps({"text": ["not", "a", "string"]}),                                         # 7
    json.dumps({"id": "jsonl-good-again", "title": "Line one", "text": en("jsonl line 1")}),  # 8 same content as 1
    json.dumps({"id": "\"quoted\" 'id'; --", "text": en("quoted id line")}),               # 9 ok, id verbatim
]) + "\r\n\n"

HTML_FULL = """<!DOCTYPE html><html><head><title>Case html full</title>
<meta property="article:published_time" content="2024-02-29T23:15:00-08:00">
<script>fetch('/steal?c=' + document.cookie); document.write('<p>INJECTED</p>')</script>
<style>body { display: none }</style></head>
<body onload="alert(1)"><nav>NAVIGATION</nav><header>HEADER</header><main><article>
<p>The ministry said on Monday that the html case was approved.</p>
<img src=x onerror="alert('x')"><p>Officials told reporters that the first of the new aircraft
would be delivered to the air force by the end of the year.</p>
<script>var hidden = "</p>SCRIPT TEXT<p>";</script><aside>ASIDE</aside><form>FORM</form>
</article></main><footer>FOOTER</footer></body></html>"""

YAML_BOMB = ("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
             + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n"
                       for i in range(8))
             + "title: Case yaml bomb\n---\n" + en("yaml bomb").split("\n", 2)[2])


@dataclass(frozen=True)
class Case:
    name: str
    build: Builder
    expect: dict[str, str]                          # source_path -> "ok" | reason; {} = ignored
    check: Callable[[Article | Reject], None] | None = None   # extra assertion on the record(s)


def one(path: str, outcome: str) -> dict[str, str]:
    return {path: outcome}


CASES: list[Case] = [
    # --- size, bytes and encodings
    Case("empty_file", files(**{"empty_file.txt": b""}), one("empty_file.txt", "empty")),
    Case("whitespace_only", files(**{"whitespace_only.txt": " \n\t\r\n  \n"}), one("whitespace_only.txt", "empty")),
    Case("invisible_only", files(**{"invisible_only.md": "\u200b\u00a0\ufeff\u2060\n"}), one("invisible_only.md", "empty")),
    Case("png_bytes", files(**{"png_bytes.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))}),
         one("png_bytes.txt", "binary"), lambda r: "PNG" in r.detail),
    Case("pdf_as_html", files(**{"pdf_as_html.html": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"}), one("pdf_as_html.html", "binary")),
    Case("gzip_json", files(**{"gzip_json.json": gzip.compress(en_json("gzip").encode())}), one("gzip_json.json", "binary")),
    Case("nul_bytes", files(**{"nul_bytes.txt": en("nul").encode() + b"\x00\x00 trailing"}), one("nul_bytes.txt", "binary")),
    Case("invalid_utf8", files(**{"invalid_utf8.txt": b"Title\nbad \xc3\x28 sequence " + en("invalid").encode()}),
         one("invalid_utf8.txt", "not_utf8"), lambda r: "0xc3 at offset 10" in r.detail),
    Case("latin1", files(**{"latin1.txt": ("Caf\u00e9 headline\n" + en("latin1")).encode("latin-1")}),
         one("latin1.txt", "not_utf8"), lambda r: "0xe9" in r.detail),
    Case("utf16_bom", files(**{"utf16_bom.txt": en("utf16 le").encode("utf-16")}), one("utf16_bom.txt", "ok"),
         lambda a: a.title == "Case utf16 le headline" and "approved" in a.text),
    Case("utf16_be_bom", files(**{"utf16_be_bom.md": codecs.BOM_UTF16_BE + en("utf16 be").encode("utf-16-be")}),
         one("utf16_be_bom.md", "ok")),
    Case("utf16_no_bom", files(**{"utf16_no_bom.txt": en("utf16 no bom").encode("utf-16-le")}),
         one("utf16_no_bom.txt", "binary")),
    Case("utf8_bom_json", files(**{"utf8_bom_json.json": codecs.BOM_UTF8 + en_json("utf8 bom").encode()}),
         one("utf8_bom_json.json", "ok"), lambda a: a.title == "Case utf8 bom"),
    Case("too_large", sparse("too_large.txt", 50 * 1024 * 1024), one("too_large.txt", "too_large"),
         lambda r: str(50 * 1024 * 1024) in r.detail and str(MAX_BYTES) in r.detail),
    Case("large_valid", large_article("large_valid.txt", 3 * 1024 * 1024), one("large_valid.txt", "ok"),
         lambda a: len(a.text) > 3_000_000),
    Case("cr_only_lines", files(**{"cr_only_lines.txt": en("cr only").replace("\n", "\r")}), one("cr_only_lines.txt", "ok"),
         lambda a: a.title == "Case cr only headline"),
    Case("upper_suffix", files(**{"upper_suffix.TXT": en("upper suffix")}), one("upper_suffix.TXT", "ok")),
    # --- JSON
    Case("json_malformed", files(**{"json_malformed.json": '{"text": "abc", "title": '}), one("json_malformed.json", "malformed_json"),
         lambda r: r.detail.startswith("line 1 column")),
    Case("json_array", files(**{"json_array.json": "[" + en_json("array") + "]"}), one("json_array.json", "not_an_object")),
    Case("json_missing_text", files(**{"json_missing_text.json": json.dumps({"title": "x", "body": "y"})}),
         one("json_missing_text.json", "no_text")),
    Case("json_text_not_string", files(**{"json_text_not_string.json": json.dumps({"text": 12345})}),
         one("json_text_not_string.json", "invalid_field")),
    Case("json_bad_date", files(**{"json_bad_date.json": en_json("bad date", published="next Tuesday")}),
         one("json_bad_date.json", "ok"), lambda a: a.published_date is None),
    Case("json_deep_nesting", files(**{"json_deep_nesting.json": "[" * 100_000 + "]" * 100_000}),
         one("json_deep_nesting.json", "malformed_json")),
    Case("json_huge_int", files(**{"json_huge_int.json": '{"text": "x", "n": ' + "9" * 5000 + "}"}),
         one("json_huge_int.json", "malformed_json")),
    Case("json_lone_surrogate", files(**{"json_lone_surrogate.json": en_json("surrogate").replace("approved", "appro\\ud800ved")}),
         one("json_lone_surrogate.json", "ok"), lambda a: "approved" in a.text and a.text.encode("utf-8")),
    Case("json_nul_in_id", files(**{"json_nul_in_id.json": en_json("nul id", id="a\u0000b")}),
         one("json_nul_in_id.json", "invalid_field")),
    Case("json_blank_id", files(**{"json_blank_id.json": en_json("blank id", id="   ")}),
         one("json_blank_id.json", "ok"), lambda a: a.article_id == "json_blank_id"),
    Case("sql_injection_id", files(**{"sql_injection_id.json": en_json("sql", id="x'); DROP TABLE articles; --")}),
         one("sql_injection_id.json", "ok"), lambda a: a.article_id == "x'); DROP TABLE articles; --"),
    Case("jsonl_mixed", files(**{"jsonl_mixed.jsonl": JSONL_MIXED}), {
        "jsonl_mixed.jsonl:1": "ok", "jsonl_mixed.jsonl:3": "ok", "jsonl_mixed.jsonl:4": "malformed_json",
        "jsonl_mixed.jsonl:5": "not_an_object", "jsonl_mixed.jsonl:6": "no_text",
        "jsonl_mixed.jsonl:7": "invalid_field", "jsonl_mixed.jsonl:8": "duplicate", "jsonl_mixed.jsonl:9": "ok"},
        lambda rec: rec.article_id in ("jsonl-good", "jsonl_mixed-3", "\"quoted\" 'id'; --")
        if isinstance(rec, Article) else True),
    # --- HTML and Markdown
    Case("html_only_script", files(**{"html_only_script.html": "<html><head><title>T</title><script>var a='text';</script>"
                                      "<style>p{}</style></head><body><script>alert(1)</script><noscript>x</noscript></body></html>"}),
         one("html_only_script.html", "no_text")),
    Case("html_full", files(**{"html_full.htm": HTML_FULL}), one("html_full.htm", "ok"),
         lambda a: str(a.published_date) == "2024-02-29" and not any(
             s in a.text for s in ("INJECTED", "SCRIPT", "ASIDE", "FORM", "FOOTER", "NAVIGATION", "HEADER", "alert"))),
    Case("html_deep_nesting", files(**{"html_deep_nesting.html": "<div>" * 20_000 + en("deep html") + "</div>" * 20_000}),
         one("html_deep_nesting.html", "ok")),
    Case("md_unclosed_front_matter", files(**{"md_unclosed_front_matter.md": "---\ntitle: x\n" + en("unclosed")}),
         one("md_unclosed_front_matter.md", "malformed_front_matter")),
    Case("md_yaml_error", files(**{"md_yaml_error.md": "---\ntitle: [unclosed\n  : :\n---\n" + en("yaml error")}),
         one("md_yaml_error.md", "malformed_front_matter")),
    Case("md_yaml_bomb", files(**{"md_yaml_bomb.md": YAML_BOMB}), one("md_yaml_bomb.md", "ok"),
         lambda a: a.title == "Case yaml bomb"),
    Case("md_bad_date", files(**{"md_bad_date.md": "---\npublished: 2023-02-30\n---\n" + en("md bad date")}),
         one("md_bad_date.md", "ok"), lambda a: a.published_date is None),
    Case("title_only", files(**{"title_only.txt": "Only a headline, nothing else\n\n"}), one("title_only.txt", "no_text")),
    # --- duplicates
    Case("dup_content", files(**{"dup_content_a.txt": en("dup content"), "dup_content_b.txt": en("dup content")}),
         {"dup_content_a.txt": "ok", "dup_content_b.txt": "duplicate"},
         lambda rec: isinstance(rec, Article) or "dup_content_a.txt" in rec.detail),
    Case("dup_id", files(**{"dup_id_a.json": en_json("dup id a", id="shared-id"),
                            "dup_id_b.json": en_json("dup id b", id="shared-id")}),
         {"dup_id_a.json": "ok", "dup_id_b.json": "duplicate"},
         lambda rec: rec.article_id == "shared-id"),
    # --- names
    Case("name_spaces", files(**{"name with spaces.txt": en("spaces")}), one("name with spaces.txt", "ok"),
         lambda a: a.article_id == "name with spaces"),
    Case("name_unicode", files(**{"名前_ünïcode — “x”.md": en("unicode name")}), one("名前_ünïcode — “x”.md", "ok"),
         lambda a: a.article_id == "名前_ünïcode — “x”"),
    Case("name_newline", files(**{"new\nline.txt": en("newline name")}), one("new\nline.txt", "ok"),
         lambda a: a.article_id == "new\nline"),
    Case("name_not_utf8", raw_name(b"bad_name_\xff.txt", en("bad name")), one("bad_name_\\xff.txt", "ok"),
         lambda a: a.article_id == "bad_name_\\xff"),
    # --- the file system
    Case("symlink_outside", symlink("symlink_outside.txt", outside_file), one("symlink_outside.txt", "symlink_outside_root")),
    Case("symlink_outside_dir", symlink("symlink_outside_dir", lambda root, out: out),
         one("symlink_outside_dir", "symlink_outside_root")),
    Case("symlink_inside", symlink("symlink_inside.txt", lambda root, out: root / "store" / "real.dat",
                                   files(**{"store__real.dat": en("symlink inside")})),
         one("symlink_inside.txt", "ok"), lambda a: a.article_id == "symlink_inside"),
    Case("symlink_broken", symlink("symlink_broken.txt", lambda root, out: root / "does-not-exist.txt"),
         one("symlink_broken.txt", "unreadable")),
    Case("symlink_loop", symlink("symlink_loop.txt", lambda root, out: root / "symlink_loop.txt"),
         one("symlink_loop.txt", "unreadable")),
    Case("dir_symlink_inside", symlink("dir_symlink_inside", lambda root, out: root / "nested"),
         IGNORED),  # not descended: nested/ is walked under its real path (see the "nested" case)
    Case("nested", files(**{"nested__deeper__nested_article.json": en_json("nested")}),
         one("nested/deeper/nested_article.json", "ok")),
    Case("locked_dir", files(**{"locked_dir__inside.txt": en("locked dir")}), one("locked_dir", "unreadable")),
    Case("locked_file", files(**{"locked_file.txt": en("locked file")}), one("locked_file.txt", "unreadable")),
    Case("fifo", fifo("fifo.txt"), one("fifo.txt", "unreadable")),
    Case("dir_named_txt", files(**{"dir_named.txt__inner_file.txt": en("inner file")}), one("dir_named.txt/inner_file.txt", "ok")),
    # --- language
    Case("not_english", files(**{"not_english.txt": "Panzer für die Ukraine\n\nDie Bundesregierung hat am Mittwoch die "
                                 "Lieferung von weiteren Panzern an die Ukraine genehmigt. Nach Angaben des "
                                 "Verteidigungsministeriums sollen die Fahrzeuge in den kommenden Wochen übergeben "
                                 "werden, sagte ein Sprecher der Regierung in Berlin."}),
         one("not_english.txt", "not_english"), lambda r: r.article_id == "not_english"),
    Case("cyrillic", files(**{"cyrillic.json": json.dumps({"text": "Правительство одобрило поставку зенитных "
                                                            "ракетных комплексов, сообщило министерство обороны."})}),
         one("cyrillic.json", "not_english")),
    # --- not inputs at all
    Case("unsupported_suffix", files(**{"report.pdf": en("pdf"), "notes.docx": en("docx"), "data.csv": "a,b\n"}), IGNORED),
    Case("hidden", files(**{".hidden.txt": en("hidden"), ".git__config.txt": en("git"), "visible__.secret.json": en_json("s")}),
         IGNORED),
]

NON_FILE_INPUTS = {"locked_dir", "symlink_outside_dir"}     # inputs that are directories


def _blocked(real: Callable, names: set[str]) -> Callable:
    def wrapper(path, *args, **kwargs):
        if not isinstance(path, int) and os.path.basename(os.fsdecode(path)) in names:   # ints are fds
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real(path, *args, **kwargs)
    return wrapper


@contextlib.contextmanager
def hostile_corpus(base: Path, cases: list[Case] = CASES):
    """Write every case under ``base/corpus`` and, while inside, keep its locked folder and file
    unreadable (as root, where permissions are not enforced, by emulating the PermissionError)."""
    root, outside = base / "corpus", base / "outside"
    root.mkdir()
    outside.mkdir()
    for case in cases:
        case.build(root, outside)
    locked_dir, locked_file = root / "locked_dir", root / "locked_file.txt"
    locked_dir.chmod(0)
    locked_file.chmod(0)
    try:
        with pytest.MonkeyPatch.context() as mp:
            if os.access(locked_dir, os.R_OK):
                mp.setattr(os, "scandir", _blocked(os.scandir, {"locked_dir"}))
            if os.access(locked_file, os.R_OK):
                mp.setattr(os, "open", _blocked(os.open, {"locked_file.txt"}))
            yield root
    finally:
        locked_dir.chmod(0o755)
        locked_file.chmod(0o644)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    with hostile_corpus(tmp_path_factory.mktemp("hostile")) as root:
        result = scan(root, MAX_BYTES)
        listed = list(iter_input_files(root))
    records: dict[str, list[Article | Reject]] = {}
    for rec in [*result.articles, *result.rejects]:
        records.setdefault(rec.source_path, []).append(rec)
    return result, records, listed, root


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case(corpus, case):
    result, records, _, _ = corpus
    if not case.expect:   # ignored: nothing it wrote may show up anywhere
        produced = {p for p in records if any(s in p for s in (".hidden", ".git", ".secret", "report.pdf",
                                                                  "notes.docx", "data.csv", "dir_symlink_inside"))}
        assert produced == set()
        return
    for path, outcome in case.expect.items():
        recs = records.get(path, [])
        assert len(recs) == 1, f"{path!r}: expected one record, got {recs}"
        rec = recs[0]
        got = "ok" if isinstance(rec, Article) else rec.reason
        assert got == outcome, f"{path!r}: {rec}"
        if case.check is not None:
            assert case.check(rec), f"{path!r}: check failed for {rec}"


def test_accounting_every_input_is_one_article_or_one_reject(corpus):
    result, records, _, _ = corpus
    expected = {p for case in CASES for p in case.expect}
    assert len(result.articles) + len(result.rejects) == len(expected)
    assert set(records) == expected
    files_expected = {p.rsplit(":", 1)[0] if ".jsonl:" in p else p for p in expected} - NON_FILE_INPUTS
    assert result.n_files == len(files_expected)


def test_records_are_clean(corpus):
    result, _, _, _ = corpus
    assert {r.reason for r in result.rejects} <= REJECT_REASONS
    ids = [a.article_id for a in result.articles]
    assert len(ids) == len(set(ids))
    assert len({a.content_hash for a in result.articles}) == len(ids)
    for a in result.articles:
        assert a.text and a.text == normalise_text(a.text)
        for value in (a.article_id, a.text, a.title or "", a.source_path):
            value.encode("utf-8")        # storable: no lone surrogates
    for r in result.rejects:
        assert r.detail and r.source_path


def test_iter_input_files_never_yields_outside_or_unopenable_paths(corpus):
    _, _, listed, root = corpus
    names = {p.relative_to(root).as_posix() for p in listed}
    for bad in ("symlink_outside.txt", "symlink_broken.txt", "symlink_loop.txt", "fifo.txt"):
        assert bad not in names
    assert "symlink_inside.txt" in names and "nested/deeper/nested_article.json" in names
    assert not any(n.startswith("symlink_outside_dir/") or n.startswith("dir_symlink_inside/") for n in names)
    assert [p for p in listed] == sorted(listed, key=lambda p: p.relative_to(root).as_posix())
