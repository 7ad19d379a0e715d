"""Numeric figures: counts, money, percentages, ranges, bounds, vague quantities, years, ordinals.

``extract_figures(doc)`` is a pure function of the parsed article. It runs a small grammar over the
text (regexes built from ``pipeline/data/number_words.yaml``), uses number-parser for number words
and the spaCy parse only to disambiguate (years vs counts, "one" the pronoun, "second" the noun) and
to find the counted item. Precision over coverage: a number that cannot be read is kept with its
text and ``value`` NULL; a number that is a name, an identifier or part of a date is not a figure.

Pipeline of passes over one copy of the text in which consumed spans are masked:
  1. designations and calibres (:mod:`pipeline.extract.designations`): "F-16", "Type 214" are
     masked; a calibre ("155mm") becomes a figure with unit ``other``;
  2. non-quantities, masked and dropped: URLs, e-mails, telephone numbers, clock times
     ("0700 EDT", "10:30"), numeric and month-day dates ("2022-09-06", "March 26", "3 March"),
     identifiers after an id word ("Article 5", "Resolution 2231", "No. 10", "Squadron 32");
  3. ordinals ("first", "21st", "twenty-first") -> unit ``ordinal``;
  4. decades ("the 1980s") -> unit ``year``, qualifier ``range``, 1980..1989;
  5. vague quantities ("dozens", "hundreds of thousands", "several hundred", "a few") ->
     qualifier ``vague`` with value NULL and value_low/value_high from the lexicon;
  6. everything else: digits / number words with currency, scale, unit, range and bound.

Conventions (DESIGN.md contract):
  * exact:    value = value_low = value_high = N
  * approx:   value = value_low = value_high = N ("about 30", "some 30", "nearly 30", "30-odd")
  * at_least: value NULL, value_low = N, or N+1 for a strict bound on an integer count
              ("more than 30" -> 31; "more than $1 billion" -> 1e9: money/percent keep N)
  * at_most:  value NULL, value_high = N, or N-1 for a strict bound on an integer count
  * range:    value NULL, value_low/value_high ("20 to 30", "between six and eight", "20-30")
  * vague:    value NULL, value_low/value_high from number_words.yaml ("dozens" 24..99 ...)
  * a 4-digit number 1800..2100 with no unit is a year unless the parse makes it the count of a
    following plural noun ("2000 rifles"); a bare non-integer ("6.5 on the Richter scale") is
    unit ``other``; "from 20 to 30" is a change, not a range: two figures; "52-48" (a vote or
    score), "1/4" (a fraction), "24/7" are dropped.
  * identifiers, telephone numbers, clock times, URLs and the day of a date ("Article 5",
    "Resolution 2231", "No. 10", "202-555-0123", "0700 EDT", "March 26") produce no figure at all;
    "COVID-19", "G7"/"G20" are masked by the designation shapes. "one" counts only as the
    modifier of a following noun ("one submarine", not "one of the"); the article "a"/"an" is
    never a figure; compound adjectives ("two-thirds", "one-way", "20-member") are skipped.
  * item (unit count only): the number's head noun with its left modifiers ("14 F-16 military
    jets" -> "F-16 military jets"), or the object of a following "of" with its conjuncts
    ("millions of rockets and artillery shells" -> "rockets and artillery shells"); falls back to
    the adjective/noun run after the number; NULL when there is no noun ("bought 30 from China").
"""
from __future__ import annotations

import functools
import re

from number_parser import parse_number, parse_ordinal

from pipeline.extract.designations import calibre_matches, designation_matches, designation_spans
from pipeline.extract.doc_views import doc_text
from pipeline.extract.lexicon_files import alternation, load_yaml
from pipeline.records import Figure


_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
           r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_STOP_ITEM_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "today", "yesterday", "tomorrow", "year", "years", "month", "months",
    "week", "weeks", "day", "days", "percent", "pct",
}
_TIME_WORDS = {"first", "second", "third", "fourth", "quarter", "half", "fiscal", "calendar",
               "year", "month", "budget", "season"}
_VAGUE_WORDS = {"dozens", "hundreds", "thousands", "millions", "billions", "scores", "tens",
                "several", "few", "dozen", "hundred", "thousand", "million", "billion"}
_MOD_DEPS = {"compound", "amod", "nmod", "npadvmod", "nummod", "advmod", "punct", "quantmod"}


@functools.lru_cache(maxsize=4096)
def _parse_number_cached(text: str):
    return parse_number(text)


@functools.lru_cache(maxsize=1024)
def _parse_ordinal_cached(text: str):
    return parse_ordinal(text)


def _lex() -> dict:
    return load_yaml("number_words.yaml")


@functools.lru_cache(maxsize=1)
def _grammar() -> dict:
    lex = _lex()
    W = r"(?:" + alternation(lex["cardinal_words"]) + r")\b"
    scale_words = r"(?:hundred|thousand|million|billion|trillion|dozen)\b"
    and_join = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
    word_core = rf"{W}(?:(?:[ \t]+|-){W}|{and_join}{W})*"
    num_word = (rf"(?:(?:an?|half[ \t]+an?)[ \t]+(?={scale_words}))?{word_core}"
                rf"(?:[ \t]+and[ \t]+a[ \t]+half\b)?")
    num_digit = (r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
                 r"(?:(?:-|[ \t])\d{1,2}/\d{1,2}(?![\d/]))?")
    num = rf"(?:(?<![\w.,/])(?:{num_digit})|\b{num_word})"
    num_after_conn = rf"(?:(?:{num_digit})|\b{num_word})"

    long_scales = [s for s in lex["scales"] if s not in lex["currency_only_scales"]]
    scale = (rf"(?:\s?-?(?:{alternation(long_scales)})(?![\w])|(?:{alternation(lex['currency_only_scales'])})"
             r"(?![\w]))")
    cur_prefix = alternation(lex["currency_prefixes"])

    bounds = sorted(lex["bounds"], key=lambda b: -len(b["phrase"]))
    bound_alt = "|".join(re.escape(b["phrase"]).replace(r"\ ", r"\s+") for b in bounds)
    post_parts = []
    for p in sorted(lex["post_bounds"], key=lambda b: -len(b["phrase"])):
        phrase = p["phrase"]
        rx = re.escape(phrase).replace(r"\ ", r"\s+")
        if phrase[0].isalpha():
            rx = r"\s+" + rx
        if phrase[-1].isalpha():
            rx += r"\b"
        post_parts.append(rx)
    post_rx = "(?:" + "|".join(post_parts) + ")"

    unit_words = []
    for kind, words in lex["units"].items():
        unit_words.extend(words)
    countries = set()
    for table in lex["currency_country_words"].values():
        countries.update(table)
    cur_words = list(lex["currency_words"]) + ["pounds", "pound"]
    unit_alt = alternation(unit_words).replace(r"\ ", r"[\s-]+")
    cur_alt = alternation(cur_words)
    unit = (rf"(?:[ \t]*-[ \t]*|\s+|)(?:(?P<ccty>{alternation(countries)})\s+)?"
            rf"(?P<uword>(?-i:(?:{cur_alt})(?:[ \t]+sterling)?)(?!-[A-Za-z])|{unit_alt})(?![\w])")

    main = re.compile(
        rf"(?P<pre>\b(?:{bound_alt})\s+)?"
        rf"(?P<btw>\bbetween\s+)?"
        rf"(?:(?<![A-Za-z])(?P<c1>(?-i:{cur_prefix}))[ \t]?)?"
        rf"(?P<n1>{num})"
        rf"(?P<s1>{scale})?"
        rf"(?:(?P<conn>(?(btw)\s+and\s+|(?:-|[ \t]*[–—][ \t]*|(?:\s+|-)to(?:\s+|-)|\s+or\s+|/)))"
        rf"(?:(?<![A-Za-z])(?P<c2>(?-i:{cur_prefix}))[ \t]?)?"
        rf"(?P<n2>{num_after_conn})"
        rf"(?P<s2>{scale})?)?"
        rf"(?P<post1>{post_rx})?"
        rf"(?P<unit>{unit})?"
        rf"(?P<post2>{post_rx})?",
        re.IGNORECASE,
    )

    vague_small = alternation(lex["vague_small"])
    vague_small_rx = vague_small.replace(r"\ ", r"\s+")
    vague = re.compile(
        r"\b(?:"
        rf"(?P<of_a>{alternation(lex['vague_of_plurals'])})\s+of\s+(?P<of_b>{alternation(lex['vague_plural_scales'])})"
        rf"|(?P<small>{vague_small_rx})\s+(?P<sw>{alternation(lex['vague_scale_words'])})"
        rf"|(?P<pl>dozens|hundreds|thousands|millions|billions|(?:scores|tens)(?=\s+of\b))"
        rf"|(?P<small2>(?!few\b)(?:{vague_small_rx}))(?=\s)"
        r")(?![\w])"
        rf"(?:\s+of\s+(?:(?P<vccty>U\.S\.|US|American|Australian|Canadian)\s+)?"
        rf"(?P<vcur>dollars|dlrs|euros|pounds|stg|sterling|yen|roubles|rubles|rupees|yuan))?"
        rf"(?:\s+(?P<vunit>years|months|weeks|days|hours|decades|miles|kilometres|kilometers|km"
        rf"|tons|tonnes)\b)?",
        re.IGNORECASE,
    )

    ordinal_words = alternation(lex["ordinal_words"])
    tens = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ordinal = re.compile(
        rf"(?<![\w.,])(?P<d>\d+)(?:st|nd|rd|th)(?![\w])"
        rf"|\b(?P<w>(?:(?:{tens})-)?(?:{ordinal_words}))\b",
        re.IGNORECASE,
    )
    decade = re.compile(r"(?<![\w.,])(?P<y>1[89]\d0|20\d0)['’]?s(?![\w])")

    ci = alternation(lex["id_prefixes_case_insensitive"]).replace(r"\ ", r"\s+")
    cap = alternation(lex["id_prefixes_capitalised"])
    masks = [
        re.compile(r"https?://\S+|www\.\S+|\b[\w.-]+\.(?:com|org|net|gov|mil|int|ms|ly|co|io)/\S*"),
        re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+"),
        re.compile(r"\(\d{3}\)\s?\d{3}[-.\s]\d{4}\b|\b\d{3}[-.]\d{3}[-.]\d{4}\b"
                   r"|\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}"),
        re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
                   r"|\b\d{1,2}(?:\.\d{2})?\s*(?:[ap]\.m\.|(?i:am|pm)\b)"
                   r"|\b\d{4}\s*(?i:GMT|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|UTC|Z\b|local\s+time"
                   r"|Gulf\s+time|hrs\b|hours\s+GMT)"),
        re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"),
        re.compile(rf"\b{_MONTHS}\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?:[ \t]*[-–][ \t]*\d{{1,2}}"
                   rf"(?:st|nd|rd|th)?)?(?![\d])(?!\s*(?:pct|percent|%|mln|million|billion)\b)"),
        re.compile(rf"(?<![\w.,])\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTHS}\b"),
        re.compile(rf"(?<![\w])(?i:{ci})\s*\d+[A-Za-z]?(?:\(\w{{1,3}}\))*(?![\w])"
                   rf"|(?<![\w])(?:{cap})\.?[ \t]+\d+[A-Za-z]?(?:\(\w{{1,3}}\))*(?![\w])"),
    ]
    # masks[4:7] are dates; the others are identifiers, times, URLs (see non_quantity_spans)
    return {"main": main, "vague": vague, "ordinal": ordinal, "decade": decade, "masks": masks,
            "non_date_masks": masks[:4] + masks[7:]}


# ----------------------------------------------------------------------------- value helpers

@functools.lru_cache(maxsize=4096)
def _word_value(text: str) -> float | None:
    """Number words -> value via number-parser; "dozen", "a", "half a" and "and a half" handled here."""
    t = re.sub(r"[\s\-]+", " ", text.lower()).strip()
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    mult = 1.0
    if t.startswith("half a ") or t.startswith("half an "):
        t, mult = "one " + t.split(" ", 2)[2], 0.5
    t = re.sub(r"^an? ", "one ", t)
    if "dozen" in t:
        before, _, after = t.partition("dozen")
        before, after = before.strip(), after.strip()
        base = 1.0 if not before else _word_value(before)
        if base is None or after:
            return None
        return (base + half) * 12 * mult
    value = _parse_number_cached(t)
    if value is None:
        return None
    if half:
        # "one and a half million": the half applies to the leading number, before the scale
        m = re.match(r"^(.*?)\s+(hundred|thousand|million|billion|trillion)$", t)
        if m and _parse_number_cached(m.group(1)) is not None:
            lead = _parse_number_cached(m.group(1))
            return (lead + half) * _parse_number_cached("one " + m.group(2)) * mult
        value += half
    return float(value) * mult


def _digit_value(text: str) -> float | None:
    t = text.replace(",", "").strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:[- \t](\d{1,2})/(\d{1,2}))?", t)
    if not m:
        return None
    value = float(m.group(1))
    if m.group(2):
        den = int(m.group(3))
        if den == 0 or int(m.group(2)) >= den:
            return None
        value += int(m.group(2)) / den
    return value


def _num_value(text: str) -> float | None:
    text = text.strip()
    return _digit_value(text) if text[:1].isdigit() else _word_value(text)


def _is_int(v: float | None) -> bool:
    return v is not None and float(v).is_integer()


def _year_like(raw: str, v: float | None) -> bool:
    return bool(re.fullmatch(r"\d{4}", raw.strip())) and v is not None and 1800 <= v <= 2100


# ----------------------------------------------------------------------------- parse helpers

_HANDED = re.compile(r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning)\s+$", re.I)


def _particle_over(doc, text: str, at: int, pre: str) -> bool:
    """Is the bound word "over" the particle of a phrasal verb ("handed over", "turned over")?"""
    if pre.strip().lower() != "over":
        return False
    tok = _token_at(doc, at)
    return (tok is not None and tok.dep_ == "prt") or _HANDED.search(text, max(0, at - 12), at) is not None


def _token_at(doc, char: int):
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _span(doc, start: int, end: int):
    return doc.char_span(start, end, alignment_mode="expand")


def _counts_following_noun(doc, start: int, end: int) -> bool:
    """True when the year-like number at start..end counts a following plural noun ("2000 rifles").

    "the 1987 tax laws" / "its 2017 budget" (a determiner before) stay years; when spaCy tags the
    number as a DATE it is a count only right after a verb, a conjunction or a bound word
    ("procure 2000 rifles", "engines and 2000 rifles", "some 2000 troops").
    """
    tok = _token_at(doc, start)
    if tok is None:
        return False
    head = tok.head
    if not (tok.dep_ == "nummod" and head.i > tok.i and head.tag_ in ("NNS", "NNPS")
            and head.i - tok.i <= 4 and head.lower_ not in _STOP_ITEM_WORDS):
        return False
    if any(t.lower_ in _TIME_WORDS for t in doc[tok.i + 1:head.i]):
        return False  # "1987 first quarter sales", "the 1986 fiscal year results"
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.dep_ in ("det", "poss"):
        return False
    if tok.ent_type_ != "DATE":
        return True
    return prev is not None and (prev.pos_ in ("VERB", "CCONJ")
                                 or prev.lower_ in ("than", "least", "about", "some", "nearly",
                                                    "almost", "around", "over", "to"))


def _designation_like(text: str) -> bool:
    return any(c.isalpha() for c in text) and any(c.isdigit() for c in text)


def _np_bounds(tok):
    """Start/end token indices of a noun with its left modifiers (no determiners)."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("det", "poss", "predet", "case", "quantmod"):
            continue
        if child.dep_ == "nummod" and not _designation_like(child.text):
            continue
        if child.dep_ in _MOD_DEPS:
            start = min(start, child.left_edge.i)
    doc = tok.doc
    while start < tok.i and (doc[start].dep_ in ("det", "poss", "predet", "cc", "case")
                             or doc[start].pos_ in ("DET", "PUNCT", "ADP", "CCONJ", "NUM")
                             and not any(c.isalpha() for c in doc[start].text)):
        start += 1
    return start, tok.i


def _item_of(doc, of_tok) -> str | None:
    """The object of "of" with its modifiers and conjuncts ("rockets and artillery shells")."""
    run = _pos_run(doc, of_tok.i + 1)
    objs = [c for c in of_tok.children if c.dep_ == "pobj"]
    if not objs or objs[0].pos_ not in ("NOUN", "PROPN") or objs[0].lower_ in _STOP_ITEM_WORDS:
        return doc[run[0]:run[1] + 1].text if run else None
    noun = objs[0]
    start, end = _np_bounds(noun)
    if run and run[0] <= noun.i <= run[1] and run[1] > end:
        end = run[1]  # the parser cut a long name short ("Beechcraft TC-90 King Air training planes")
        noun = doc[end]
    # the parser attaches "millions of rockets and artillery shells" either way: shells as a conjunct
    # of "rockets" or of "millions"
    conjuncts = sorted(set(noun.conjuncts) | set(of_tok.head.conjuncts), key=lambda t: t.i)
    for conj in conjuncts:
        if conj.i <= end or conj.pos_ not in ("NOUN", "PROPN"):
            continue
        if conj.like_num or conj.lower_ in _VAGUE_WORDS or any(
                c.dep_ == "nummod" or c.like_num for c in conj.children):
            break  # "UAVs and dozens of drones", "tanks and 20 helicopters": another figure
        c_start, _ = _np_bounds(conj)
        between = doc[end + 1:c_start]
        if all(t.dep_ in ("cc", "punct") or t.lower_ in ("and", "or", ",") for t in between) \
                and conj.i - end <= 6:
            end = conj.i
        else:
            break
    return doc[start:end + 1].text or None


def _pos_run(doc, j: int) -> tuple[int, int] | None:
    """Fallback item: adjectives/nouns right after the number, up to the first plural noun."""
    if j >= len(doc):
        return None
    sent_end = len(doc)  # the loop below stops at the next sentence start
    while j < sent_end and doc[j].dep_ in ("det",) and doc[j].lower_ in ("the", "these", "those"):
        j += 1
    start, last_noun = j, None
    k = j
    while k < sent_end and k - start < 7:
        t = doc[k]
        if (t.lower_ in _STOP_ITEM_WORDS or (k > start and t.is_sent_start) or t.is_space
                or not t.text[:1].isalnum()) and t.tag_ != "HYPH":
            break
        if t.pos_ in ("NOUN", "PROPN") or _designation_like(t.text):
            last_noun = k
            if t.tag_ in ("NNS", "NNPS"):
                break
        elif t.pos_ == "ADJ" or t.tag_ == "HYPH" or (t.pos_ == "VERB" and t.dep_ == "amod"):
            pass
        else:
            break
        k += 1
    if last_noun is None:
        return None
    return start, last_noun


def _item(doc, start: int, end: int) -> str | None:
    span = _span(doc, start, end)
    if span is None or not len(span):
        return None
    after = span.end
    if after >= len(doc) or doc[after].is_sent_start:
        return None
    sent_end = next((k for k in range(after + 1, min(after + 8, len(doc)))
                     if doc[k].is_sent_start), min(after + 8, len(doc)))
    nxt = doc[after]
    if nxt.lower_ == "of":
        return _item_of(doc, nxt)
    heads = sorted({t.head.i for t in span if t.head.i >= after})
    if heads:
        h = doc[heads[0]]
        if (h.pos_ in ("NOUN", "PROPN") and h.i - after <= 6 and h.i < sent_end
                and h.lower_ not in _STOP_ITEM_WORDS
                and all(h in t.ancestors for t in doc[after:h.i])):
            s = after  # every token up to the head modifies it ("155mm howitzers")
            while s < h.i and doc[s].pos_ in ("DET", "PUNCT", "ADP"):
                s += 1
            return doc[s:h.i + 1].text
    run = _pos_run(doc, after)
    return doc[run[0]:run[1] + 1].text if run else None


# ----------------------------------------------------------------------------- interpretation

def _currency_from(lex, c1, c2, uword, ccty, scale_words) -> tuple[str | None, bool]:
    """(ISO code or None, is_money)."""
    for c in (c1, c2):
        if c:
            table = {k.lower(): v for k, v in lex["currency_prefixes"].items()}
            return table.get(c.lower()), True
    if not uword:
        return None, False
    w = re.sub(r"\s+", " ", uword.lower())
    if w in ("pounds", "pound"):
        if any(s and s.strip().lower() in ("million", "mln", "billion", "bln", "bn", "m", "mn")
               for s in scale_words):
            code = None
            if ccty:
                code = lex["currency_country_words"]["pounds"].get(ccty)
            return code or "GBP", True
        return None, False
    if w.endswith(" sterling") or w == "sterling":
        return "GBP", True
    if w in lex["currency_words"]:
        code = lex["currency_words"][w]
        key = {"dollar": "dollars", "dlrs": "dollars", "dlr": "dollars", "franc": "francs",
               "crown": "crowns", "rupee": "rupees", "riyal": "riyals", "mark": "marks"}.get(w, w)
        table = lex["currency_country_words"].get(key)
        if ccty and table and ccty in table:
            code = table[ccty]
        return code, True
    return None, False


def _unit_kind(lex, uword: str | None) -> str | None:
    if not uword:
        return None
    w = re.sub(r"\s+", " ", uword.lower())
    if w in ("pounds", "pound"):
        return "weight"
    w = w.replace("-", " ")
    for kind, words in lex["units"].items():
        if w in {x.lower() for x in words}:
            return kind
    return None


def _apply_bound(kind: str | None, strict: bool, v: float, integer_count: bool):
    """-> (value, low, high, qualifier)."""
    if kind == "at_least":
        low = v + 1 if strict and integer_count else v
        return None, low, None, "at_least"
    if kind == "at_most":
        high = v - 1 if strict and integer_count else v
        return None, None, high, "at_most"
    if kind == "approx":
        return v, v, v, "approx"
    return v, v, v, "exact"


def _bound_of(lex, pre: str | None, post: str | None):
    if pre:
        p = re.sub(r"\s+", " ", pre.strip().lower())
        for b in lex["bounds"]:
            if b["phrase"] == p:
                return b["kind"], bool(b.get("strict"))
    if post:
        p = re.sub(r"\s+", " ", post.strip().lower())
        for b in lex["post_bounds"]:
            if b["phrase"].strip() == p:
                return b["kind"], False
    return None, False


def _scale_value(lex, s: str | None) -> tuple[float, str | None]:
    if not s:
        return 1.0, None
    key = s.strip().lstrip("-").strip().lower()
    return float(lex["scales"].get(key, 1.0)), key


def _interpret_main(doc, text: str, m, lex) -> list[Figure]:
    g = m.groupdict()
    n1, n2 = g["n1"], g["n2"]
    v1, v2 = _num_value(n1), (_num_value(n2) if n2 else None)
    s1v, s1k = _scale_value(lex, g["s1"])
    s2v, s2k = _scale_value(lex, g["s2"])
    uword, ccty = g.get("uword"), g.get("ccty")
    currency, money = _currency_from(lex, g["c1"], g["c2"], uword, ccty, [g["s1"], g["s2"]])
    unit_kind = None if money else _unit_kind(lex, uword)
    if uword and not money and unit_kind is None:
        return []  # "pounds" without a scale etc. are handled as weight above; anything else: skip
    cents = bool(uword) and uword.lower() in lex["cents_words"]

    # currency-only scales ("m", "b", "k") without money: "500m" is metres, "5b" is nothing
    for key in (s1k, s2k):
        if key in lex["currency_only_scales"] and not money:
            if key == "m" and not uword:
                unit_kind = "distance"
                s1v = s2v = 1.0
            elif key == "k":
                pass
            else:
                return []
    start, end = m.start(), m.end()
    raw = text[start:end]

    pre, post = g["pre"], g["post1"] or g["post2"]
    if pre and _particle_over(doc, text, m.start("pre"), pre):
        # "handed over 16 howitzers": the verb's particle, not "more than 16"
        start, pre = m.end("pre"), None
        while text[start].isspace():
            start += 1
        raw = text[start:end]
    bound_kind, strict = _bound_of(lex, pre, post)

    def unit_for(v: float | None, raw_num: str, sv: float = 1.0) -> str:
        if money:
            return "currency"
        if unit_kind:
            return unit_kind
        if s1k is None and s2k is None and _year_like(raw_num, v):
            return "year"
        return "count" if v is None or _is_int(v * sv) else "other"

    def scaled(v, sv):
        if v is None:
            return None
        v = v * sv
        if cents:
            v = v / 100.0
        return round(v, 6) if not float(v).is_integer() else float(v)

    # ------------------------------------------------------------------ ranges
    if n2 is not None:
        conn = (g["conn"] or "").strip().lower()
        if conn == "/" or conn == "-" or conn in ("–", "—"):
            # "1987-88", "1985/86": a year range with a two-digit end
            if _year_like(n1, v1) and re.fullmatch(r"\d{2}", n2.strip()) and v2 is not None:
                v2 = (v1 // 100) * 100 + v2
                if v2 < v1:
                    v2 += 100
        if conn == "/" and not (_year_like(n1, v1) and v2 is not None and 1800 <= v2 <= 2100):
            return []  # fractions, ratios, "24/7"
        if v1 is None or v2 is None:
            return [Figure(start, end, raw, None, None, None, None, unit_for(None, n1), currency,
                           None)]
        if s2k and not s1k:
            s1v = s2v
        lo, hi = scaled(v1, s1v), scaled(v2, s2v)
        before = text[max(0, start - 6):start].lower()
        is_from = re.search(r"\bfrom\s+$", before) is not None and "to" in conn
        if is_from or lo >= hi or (conn == "or" and not _is_int(v1)):
            if conn in ("-", "–", "—", "/") or lo >= hi and not is_from:
                return []  # "52-48" vote, "3-2": not a quantity
            # a change "from 20 to 30": two figures, each with the shared unit
            n2_start = m.start("n2") if not g["c2"] else m.start("c2")
            first_end = m.end("s1") if g["s1"] else m.end("n1")
            f1_unit = unit_for(v1, n1)
            f2_unit = unit_for(v2, n2)
            return [
                Figure(start, first_end, text[start:first_end], lo, lo, lo, "exact", f1_unit,
                       currency if money else None, None),
                Figure(n2_start, end, text[n2_start:end], hi, hi, hi, "exact", f2_unit,
                       currency if money else None, None),
            ]
        unit = unit_for(v1, n1)
        if unit == "year" and not _year_like(str(int(v2)), v2):
            unit = "count"
        return [Figure(start, end, raw, None, lo, hi, "range", unit, currency if money else None,
                       None)]

    # ------------------------------------------------------------------ single number
    v = scaled(v1, s1v)
    if (unit_kind == "duration" and _year_like(n1, v1) and not g["s1"]
            and not re.match(r"\s*-", g["unit"] or "") and not uword.lower().endswith("s")):
        unit_kind = None  # "at 1986 year end": a year followed by "year", not a duration
        end = m.end("n1")
        raw = text[start:end]
    if v1 is None:
        return [Figure(start, end, raw, None, None, None, None, unit_for(None, n1),
                       currency if money else None, None)]
    unit = unit_for(v1, n1, s1v)
    if unit == "year":
        if _counts_following_noun(doc, m.start("n1"), m.end("n1")):
            unit = "count"
        elif bound_kind is not None:
            unit = "year"
    if unit == "year":
        # a bound word before a year is a preposition ("over 2017", "under 2017 law"): drop it
        y_start = m.start("n1")
        return [Figure(y_start, m.end("n1"), text[y_start:m.end("n1")], v, v, v, "exact", "year",
                       None, None)]
    if n1.strip().lower() == "one" and unit == "count" and not pre and not post:
        tok = _token_at(doc, m.start("n1"))
        if tok is None or tok.dep_ != "nummod" or tok.head.i <= tok.i:
            return []  # "one of the", "no one", "one another"
    integer_count = unit == "count" and _is_int(v)
    value, low, high, qualifier = _apply_bound(bound_kind, strict, v, integer_count)
    return [Figure(start, end, raw, value, low, high, qualifier, unit, currency if money else None,
                   None)]


def _interpret_vague(text: str, m, lex) -> Figure | None:
    g = m.groupdict()
    if g["of_a"]:
        a = lex["vague_of_plurals"][g["of_a"].lower()]
        scale = float(lex["vague_plural_scales"][g["of_b"].lower()])
        low, high = a[0] * scale, (a[1] + 1) * scale - 1
        if g["of_a"].lower() == "hundreds":
            high = 999 * scale + (scale - 1)
            low = 100 * scale
        high = float(int(high)) if scale >= 1000 else high
    elif g["small"]:
        lo, hi = lex["vague_small"][re.sub(r"\s+", " ", g["small"].lower())]
        scale = float(lex["vague_scale_words"][g["sw"].lower()])
        low, high = lo * scale, (hi + 1) * scale - 1
    elif g["pl"]:
        low, high = lex["vague_plurals"][g["pl"].lower()]
    else:
        low, high = lex["vague_small"][re.sub(r"\s+", " ", g["small2"].lower())]
    unit, currency = "count", None
    if g["vcur"]:
        unit = "currency"
        currency, _ = _currency_from(lex, None, None, g["vcur"], g["vccty"], ["million"])
        if g["vcur"].lower() == "pounds":
            currency = "GBP"
    elif g["vunit"]:
        unit = _unit_kind(lex, g["vunit"]) or "count"
    return Figure(m.start(), m.end(), text[m.start():m.end()], None, float(low), float(high),
                  "vague", unit, currency, None)


# ----------------------------------------------------------------------------- driver

def non_quantity_spans(text: str) -> list[tuple[int, int]]:
    """Spans whose digits are neither quantities nor dates: designations, calibres, identifiers
    ("Resolution 1973"), telephone numbers, clock times ("2000 EST"), URLs. Used by the date
    extractor so that "Mirage 2000" or "Resolution 1973" is not read as a year."""
    spans = list(designation_spans(text))
    for rx in _grammar()["non_date_masks"]:
        spans.extend((m.start(), m.end()) for m in rx.finditer(text) if m.end() > m.start())
    return sorted(spans)


def extract_figures(doc) -> list[Figure]:
    """Every numeric figure in ``doc.text``: sorted by char_start, non-overlapping."""
    text = doc_text(doc)
    if not text:
        return []
    gram, lex = _grammar(), _lex()
    masked = list(text)
    occupied = bytearray(len(text))
    figures: list[Figure] = []

    def mask(s: int, e: int) -> None:
        for i in range(s, e):
            if not masked[i].isspace():
                masked[i] = "x"
        occupied[s:e] = b"\x01" * (e - s)

    def free(s: int, e: int) -> bool:
        return not any(occupied[s:e])

    # 1. designations and calibres
    calibres = {(s, e): v for s, e, v in calibre_matches(text)}
    for s, e, kind in designation_matches(text):
        if kind == "calibre" and (s, e) in calibres:
            v = calibres[(s, e)]
            figures.append(Figure(s, e, text[s:e], v, v, v, "exact", "other", None, None))
        mask(s, e)

    # 2. non-quantities (masked, not reported)
    for rx in gram["masks"]:
        cur = "".join(masked)
        for m in rx.finditer(cur):
            if m.end() > m.start() and free(m.start(), m.end()):
                mask(m.start(), m.end())

    # 3. ordinals
    cur = "".join(masked)
    for m in gram["ordinal"].finditer(cur):
        if m.group("d"):
            value = float(m.group("d"))
        else:
            word = m.group("w").lower()
            if word == "second":
                tok = _token_at(doc, m.start())
                if tok is None or not (tok.tag_ in ("JJ", "RB") or tok.ent_type_ == "ORDINAL"):
                    continue
                prev = doc[tok.i - 1] if tok.i > 0 else None
                if prev is not None and (prev.lower_ in ("per", "every", "each", "split")
                                         or prev.like_num):
                    continue  # "30 per second": the time unit
                if prev is not None and prev.lower_ in ("a", "one") and not (
                        tok.dep_ == "amod" and tok.head.i > tok.i):
                    continue  # "wait a second" (but "a second oil rig" is an ordinal)
            before = text[max(0, m.start() - 4):m.start()].lower()
            if re.search(r"\b(?:a|one)\s+$", before) and re.match(r"\s+of\b", text[m.end():m.end() + 4]) \
                    and word not in ("first",):
                continue  # "a third of the fleet": a fraction, not an ordinal
            value = _parse_ordinal_cached(word.replace("-", " "))
            value = float(value) if value is not None else None
        figures.append(Figure(m.start(), m.end(), text[m.start():m.end()], value, value, value,
                              "exact", "ordinal", None, None))
        mask(m.start(), m.end())

    # 4. decades
    cur = "".join(masked)
    for m in gram["decade"].finditer(cur):
        y = float(m.group("y"))
        figures.append(Figure(m.start(), m.end(), text[m.start():m.end()], None, y, y + 9,
                              "range", "year", None, None))
        mask(m.start(), m.end())

    # 5. vague quantities
    cur = "".join(masked)
    for m in gram["vague"].finditer(cur):
        f = _interpret_vague(text, m, lex)
        if f is None:
            continue
        trail = re.search(r"\s+of$", f.text, re.IGNORECASE)
        if trail and m.group("small2"):  # "a handful of" -> the figure is "a handful"
            f = Figure(f.char_start, f.char_start + trail.start(), f.text[:trail.start()], f.value,
                       f.value_low, f.value_high, f.qualifier, f.unit, f.currency, f.item)
        if f.unit == "count":
            word_end = m.end("of_b") if m.group("of_a") else m.end()
            tail = re.search(r"\s+of$", text[m.start():word_end], re.IGNORECASE)
            if tail:
                word_end = m.start() + tail.start()
            f = Figure(f.char_start, f.char_end, f.text, f.value, f.value_low, f.value_high,
                       f.qualifier, f.unit, f.currency, _item(doc, m.start(), word_end))
        figures.append(f)
        mask(m.start(), m.end())

    # 6. numbers
    cur = "".join(masked)
    for m in gram["main"].finditer(cur):
        if m.end() < len(cur) and (cur[m.end()].isalnum() or cur[m.end()] in "/"):
            continue  # "5G", "4x4", "1/4": the number is part of a longer token
        if not m.group("unit") and re.match(r"-[^\W\d_]", cur[m.end():m.end() + 2]):
            continue  # "two-thirds", "one-way", "20-member", "40-metric-ton": a compound adjective
        if m.start() > 0 and cur[m.start() - 1] == "x" and not m.group("pre") and not m.group("c1"):
            continue  # glued to a masked span
        for f in _interpret_main(doc, text, m, lex):
            if f.unit == "count":
                f = Figure(f.char_start, f.char_end, f.text, f.value, f.value_low, f.value_high,
                           f.qualifier, f.unit, f.currency, _item(doc, f.char_start, f.char_end))
            figures.append(f)

    figures.sort(key=lambda f: (f.char_start, -f.char_end))
    out: list[Figure] = []
    for f in figures:
        if out and f.char_start < out[-1].char_end:
            continue
        out.append(f)
    return out
