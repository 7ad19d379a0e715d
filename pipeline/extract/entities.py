"""Entity mentions an analyst can group by: countries (ISO3), organisations, people, weapons.

``extract_entities(doc, published)`` is a pure function of the parsed article and its date.
Signals, in order of trust:

1. gazetteers under ``pipeline/data`` (countries and aliases with eras, organisations, weapon
   designations, generic weapon terms), matched in one pass (:mod:`pipeline.extract.gazetteer`);
2. context rules on those hits: person-name vetoes ("Michael Jordan", "Chad Smith"), the US
   state "Georgia", capitals in datelines or inside names ("Washington Post"), composite
   state bodies ("the Russian Defense Ministry" -> ORG RUS), a designation joined with the
   generic term after it ("Silkworm missiles"), weapon origins from a country word before
   the weapon ("Iranian drones" -> WEAPON with country_iso3 IRN, "Iranian" stays a COUNTRY);
   a weapon word needs a military sense in its context: none inside a company or person name
   ("Royal Dutch/Shell Group", "Hawkeye Bancorp", "Fernand Leclerc") or its short form later in
   the article, none in a sentence that gives it another sense ("bullet eurobond", "Delta rocket
   carrying a satellite", "rated B-2 by Moody's"), none for a context-dependent word ("jet
   engine", "spare parts", "SF340 aircraft") in a sentence without a military word or weapon,
   none for a word that names a business or a know-how ("its handgun business");
3. spaCy NER for what the gazetteers do not know: people (titles stripped), other
   organisations (ORG; with the state's code when the name holds a country word, "the Indian
   Air Force"; COMPANY when shaped like a company: "Arus Corp", "Data General <DGN>", and
   its short form later: "Pan Am" after "Pan Am Corp"), other places (LOCATION).

Spans never overlap: the longest candidate wins, gazetteer candidates before spaCy spans.
Offsets are character offsets into ``doc.text``; the result is sorted by ``char_start``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re

from pipeline.extract.gazetteer import Entry, Hit, load_gazetteer, normalise
from pipeline.extract.doc_views import doc_sentences, doc_text
from pipeline.records import EntityMention

__all__ = ["extract_entities", "country_of", "weapon_category_of", "weapon_origin_of"]

_SOVIET_END = dt.date(1991, 12, 31)

# ----------------------------------------------------------------------------- small word lists
# (rules of language, not lexicons of the domain: the domain lists are the CSV files)
_TITLES = {
    "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "defense", "defence",
    "foreign", "state", "general", "gen", "brig", "brigadier", "lt", "lieutenant", "col", "colonel", "maj",
    "major", "adm", "admiral", "rear", "capt", "captain", "cmdr", "commander", "sgt", "sergeant", "sen",
    "senator", "rep", "representative", "gov", "governor", "mr", "mrs", "ms", "dr", "king", "queen", "prince",
    "princess", "crown", "sheikh", "ayatollah", "pope", "chairman", "chairwoman", "marshal", "field",
    "spokesman", "spokeswoman", "spokesperson", "press", "ambassador", "deputy", "assistant", "undersecretary",
    "under", "chief", "director", "leader", "supreme", "emir", "sultan", "envoy", "mayor", "speaker", "judge",
    "professor", "prof", "air", "army", "navy", "staff", "senior", "former", "acting", "interim", "pentagon",
    "kremlin", "white", "house", "national", "security", "adviser", "advisor", "officer", "gen.", "mr.",
    "the", "de", "st", "sir", "lord", "dame", "monsignor", "rev", "reverend", "cardinal", "colonel-general",
    "lieutenant-general", "major-general", "brigadier-general", "vice-admiral", "rear-admiral", "ceo",
    "executive", "analyst", "attorney", "justice", "inspector", "comrade", "marshall",
}
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gen", "col", "lt", "capt", "sgt", "gov", "prof",
               "coach", "sir", "brig", "maj", "adm", "cmdr"}
_MADE = ("made", "built", "designed", "supplied", "produced", "manufactured", "origin", "developed", "license-built",
         "licence-built", "sourced")
_LOCATIVE_SUFFIX = re.compile(r"-(?:based|headquartered|area|region)\b")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
           "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
           "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DATELINE = re.compile(
    r"^[ \t]*(?P<dl>[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30}){0,2}?)\s*"
    r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*"
    r"(?:\([A-Za-z. ]{2,30}\))?\s*[-\u2013\u2014]{1,2}\s", re.M)
_CALIBER = re.compile(r"\b\d{1,3}(?:\.\d{1,2})?\s?-?(?:mm|millimeter|millimetre|-millimeter|-millimetre|-inch|-pound)\b")
_DESIG_LIKE = re.compile(r"\b(?:[A-Z][A-Za-z]{0,4}-?\d{1,4}[A-Z]{0,4}|Type\s\d{2,3}[A-Z]?)(?:s)?(?=\s)")
_CLASS = re.compile(r"\b((?:[A-Z][\w'.]*\s){0,3}[A-Z][\w'.]*|Type\s\d{2,3}[A-Z]?)[-\s]class\b")
_COMPANY_WORDS = {
    "corp", "corporation", "inc", "co", "company", "ltd", "limited", "plc", "ag", "sa", "gmbh", "llc", "group",
    "holdings", "industries", "airlines", "airline", "air", "airways", "motors", "aerospace", "aircraft",
    "shipbuilding", "shipyard", "shipyards", "electric", "electronics", "steel", "oil", "petroleum", "telecom",
    "telegraph", "telephone", "express", "bank", "bancorp", "trading", "motor", "systems", "technologies",
    "dynamics", "engineering", "manufacturing", "chemical", "chemicals", "mining", "energy", "marine", "heavy",
    "lines", "shipping", "maritime", "navigation", "freight",          # "U.S. Lines", "Kuwait Shipping"
}
# A company's name can hold a weapon word ("Royal Dutch/Shell Group", "Shell Oil Co", "<Bell Helicopter
# Textron>", "Cannon Group Inc"): such a word is part of the name, not a weapon. Names are recognised by
# their shape: the Reuters company markup "<Name>", a run of capitalised words ending in a corporate
# designator, or a run of capitalised words before a stock ticker ("Boeing Co <BA>").
_CORP_DESIGNATORS = ("Co", "Cos", "Corp", "Corporation", "Inc", "Incorporated", "Ltd", "Limited", "Plc", "PLC",
                     "plc", "AG", "SA", "S.A.", "NV", "N.V.", "AB", "A/S", "ASA", "GmbH", "SpA", "S.p.A.", "Group",
                     "Oil", "Industries", "Holdings", "Airlines", "Airways", "Lines", "Motors", "Bancorp",
                     "Bancorporation", "Bancshares", "International", "group")
# designators that make a spaCy ORG a COMPANY ("Group", "Oil", "International" also end names of blocs, state
# bodies and NGOs: "Contadora Group", "Amnesty International")
_ORG_COMPANY_ENDS = frozenset(d.rstrip(".") for d in _CORP_DESIGNATORS) - {"Group", "group", "Oil", "Lines",
                                                                           "International"}
_NAME_WORD = r"[A-Z][\w&'.\-]*(?:/[A-Z][\w&'.\-]*)?"
_NAME_GAP = r"[ \t]*\n?[ \t]*(?:(?:of|and|&|de|du|des)[ \t]+)?"
_DESIGNATOR = r"(?:%s)(?![\w/])" % "|".join(re.escape(d) for d in sorted(_CORP_DESIGNATORS, key=len, reverse=True))
_CORP_NAME = re.compile(r"(?<![\w.])%s(?:%s%s){0,5}?(?:[ \t]+(?:and|&))?[ \t]*\n?[ \t]*%s"
                        % (_NAME_WORD, _NAME_GAP, _NAME_WORD, _DESIGNATOR))      # "Pershing and Co"
_TICKER = r"<[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,3})?>"
_TICKER_NAME = re.compile(r"(?<![\w.])(%s(?:%s%s){0,5})[ \t]*\n?[ \t]*%s" % (_NAME_WORD, _NAME_GAP, _NAME_WORD, _TICKER))
_TICKER_AFTER = re.compile(r"[ \t]*\n?[ \t]*" + _TICKER)
_REUTERS_MARKUP = re.compile(r"<([A-Z][^<>\n]{0,80})>")
_MODIFIER_POS = {"ADJ", "NOUN", "PROPN", "NUM", "ADV"}
_ADJECTIVAL_KINDS = {"demonym", "abbr", "prefix"}
_PARTY_KINDS = {"name", "abbr", "demonym"}

# label priority when two candidates have the same length (lower wins)
_PRIORITY = {"ORG": 0, "COMPANY": 0, "GROUP": 0, "NONE": 1, "COUNTRY": 2, "LOCATION": 3, "WEAPON": 4}


class _Cand:
    __slots__ = ("start", "end", "label", "canonical", "iso3", "category", "kind", "entry", "source", "origin", "rank", "spec")

    def __init__(self, start, end, label, canonical=None, iso3=None, category=None, kind="", entry=None,
                 source="gaz", origin=None):
        self.start, self.end, self.label = start, end, label
        self.canonical, self.iso3, self.category = canonical, iso3, category
        self.kind, self.entry, self.source, self.origin = kind, entry, source, origin
        self.spec = 0                                      # length of the designation inside a merged span
        self.rank = 1 if entry is not None and getattr(entry, "family", False) else 0   # explicit rows beat families

    def __repr__(self):  # pragma: no cover - debugging aid
        return f"<{self.label} {self.start}:{self.end} {self.canonical!r} {self.iso3} {self.category}>"


# ----------------------------------------------------------------------------- text helpers
def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z][A-Za-z.'\-]*)[\s\-]*$", text[max(0, start - 40):start])
    return m.group(1).lower().rstrip(".-") if m else ""          # "ex-tank" -> "ex"


def _next_word(text: str, end: int) -> str:
    m = re.match(r"[\s\-]*([A-Za-z][A-Za-z'\-]*)", text[end:end + 40])
    return m.group(1).lower() if m else ""


def _next_word_raw(text: str, end: int) -> tuple[str, int]:
    m = re.match(r"\s+([A-Za-z][A-Za-z'\-]*)", text[end:end + 40])
    return (m.group(1), end + m.start(1)) if m else ("", -1)


def _prev_word_raw(text: str, start: int) -> tuple[str, int]:
    m = re.search(r"([A-Za-z][A-Za-z'\-.]*)\s+$", text[max(0, start - 40):start])
    return (m.group(1), max(0, start - 40) + m.start(1)) if m else ("", -1)


class _DocIndex:
    """Char -> token lookups and spaCy spans of one doc."""

    def __init__(self, doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.tok_starts = [t.idx for t in doc]
        self.sents = [(s.start_char, s.end_char) for s in doc_sentences(doc)] or [(0, len(self.text))]
        self.sent_starts = {a for a, _ in self.sents}
        self.sent_begins = [a for a, _ in self.sents]
        self.ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]

    def token_at(self, char: int):
        i = bisect.bisect_right(self.tok_starts, char) - 1
        if i < 0:
            return None
        t = self.doc[i]
        return t if t.idx <= char < t.idx + len(t.text) else None

    def sentence_of(self, char: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_begins, char) - 1
        return self.sents[max(i, 0)]

    def sentence_initial(self, char: int) -> bool:
        a, _ = self.sentence_of(char)
        return not self.text[a:char].strip(" \"'“‘([")

    def ents_covering(self, start: int, end: int, labels) -> list[tuple[int, int, str]]:
        return [e for e in self.ents if e[2] in labels and e[0] <= start and end <= e[1]]


# ----------------------------------------------------------------------------- vetoes
def _capitalised_name_word(text: str, word: str, pos: int, idx: _DocIndex | None) -> bool:
    """Is ``word`` at ``pos`` a capitalised word of a name (not a sentence start, month, or function word)?"""
    if not word or not word[0].isupper() or word.isupper() and len(word) > 1 and not word.endswith("."):
        return False
    if word.lower().rstrip(".") in _MONTHS or word.lower() in ("the", "a", "an", "and", "or", "of", "in", "on"):
        return False
    if idx is not None and idx.sentence_initial(pos):
        return False
    return True


def _person_context(text: str, h: Hit, idx: _DocIndex | None, gaz_starts: set, gaz_ends: set) -> bool:
    """'Michael Jordan', 'Jordan Smith', 'Israel Katz': the alias is part of a personal name."""
    if idx is not None:
        for s, e, _ in idx.ents_covering(h.start, h.end, ("PERSON",)):
            if (s, e) != (h.start, h.end):
                return True
    nxt, npos = _next_word_raw(text, h.end)
    if npos >= 0 and npos not in gaz_starts and text[h.end:npos].strip() == "" and \
            _capitalised_name_word(text, nxt, npos, idx) and nxt.lower().rstrip(".") not in _TITLES:
        return True
    prv, ppos = _prev_word_raw(text, h.start)
    if ppos >= 0 and prv.lower().rstrip(".") in _HONORIFICS and text[ppos + len(prv):h.start].strip() == "":
        return True                                            # "Mr. Jordan", "Gen. Chad Smith"
    if ppos >= 0 and _same_sentence(prv, ppos, h.start, idx) and (ppos + len(prv)) not in gaz_ends \
            and _capitalised_name_word(text, prv, ppos, idx) and prv.lower().rstrip(".") not in _TITLES:
        return True
    return False


def _same_sentence(prv: str, ppos: int, start: int, idx: _DocIndex | None) -> bool:
    """The previous word belongs to the hit's sentence (not 'Iraqis.' before 'Baghdad said')."""
    if prv.endswith(".") and prv.lower().rstrip(".") not in _TITLES and len(prv) > 3:
        return False
    if idx is not None and idx.sentence_initial(start):
        return False
    return True


def _in_longer_name(h: Hit, idx: _DocIndex | None) -> bool:
    if idx is None:
        return False
    for s, e, _ in idx.ents_covering(h.start, h.end, ("PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT")):
        if (s, e) != (h.start, h.end) and not re.fullmatch(r"(?:the\s+)?", idx.text[s:h.start], re.I):
            return True
        if (s, e) != (h.start, h.end) and idx.text[h.end:e].strip():
            return True
    return False


def _datelines(text: str) -> list[tuple[int, int]]:
    """'WASHINGTON, March 6 -', 'BRUSSELS -' at the start of a paragraph: the place is a dateline."""
    out = []
    for m in _DATELINE.finditer(text):
        first = m.group("dl").split(",")[0].strip()
        if first.isupper() and len(first) > 2:
            out.append((m.start("dl"), m.end("dl")))
    return out


def _in_dateline(h, datelines) -> bool:
    return any(a <= h.start and h.end <= b for a, b in datelines)


# ----------------------------------------------------------------------------- candidates
def _country_candidates(text, hits, idx, day, cands, us_place_sents, gaz_starts, gaz_ends, datelines):
    for h in hits:
        e = h.entry
        if e.label not in ("COUNTRY", "LOCATION", "NONE"):
            continue
        label, iso = e.label, e.iso3
        if e.kind == "prefix":
            if not re.match(r"-[A-Z]", text[h.end:h.end + 2]):
                continue
        if e.kind == "abbr" and text[h.end:h.end + 1] == "$":
            continue                                           # "US$50 million" is a currency
        if label == "COUNTRY":
            if "us_state" in e.flags:
                sent = idx.sentence_of(h.start) if idx else (0, len(text))
                if sent in us_place_sents or re.match(r",?\s*(?:Ga\.|GA\b)", text[h.end:h.end + 6]):
                    label, iso = "LOCATION", "USA"                # the US state
                    cands.append(_Cand(h.start, h.end, label, f"{e.surface} (U.S. state)", iso, kind="us_place",
                                       entry=e))
                    continue
            if "person" in e.flags and _person_context(text, h, idx, gaz_starts, gaz_ends):
                continue
            if e.kind == "capital":
                if _in_dateline(h, datelines) or _LOCATIVE_SUFFIX.match(text, h.end):
                    label = "LOCATION"
                elif _in_longer_name(h, idx):
                    continue
                else:
                    nxt, npos = _next_word_raw(text, h.end)
                    if npos >= 0 and text[h.end:npos].strip() == "" and npos not in gaz_starts \
                            and _capitalised_name_word(text, nxt, npos, idx):
                        continue                                # "Moscow Region", "Tehran Times"
                    prv, ppos = _prev_word_raw(text, h.start)
                    if ppos >= 0 and _same_sentence(prv, ppos, h.start, idx) and (ppos + len(prv)) not in gaz_ends and \
                            _capitalised_name_word(text, prv, ppos, idx) and prv.lower() not in _TITLES:
                        continue                                # "George Washington"
        canonical = e.canonical if label != "LOCATION" or e.kind in ("place", "us_place") else e.surface
        cands.append(_Cand(h.start, h.end, label, canonical, iso, kind=e.kind, entry=e))


_COMPANY_AFTER = re.compile(r"\s+(?:%s)\b|\s*<[A-Z.]{1,6}>" % "|".join(map(re.escape, _CORP_DESIGNATORS)),
                            re.IGNORECASE)


def company_name_follows(text: str, end: int) -> bool:
    """A corporate designator or a stock ticker right after ``end``: the words before are a company's name
    ("Whitehall Corp", "WHITEHALL <WHT> GETS NAVY CONTRACT")."""
    return _COMPANY_AFTER.match(text, end) is not None


def _org_candidates(text, hits, idx, cands):
    for h in hits:
        e = h.entry
        if e.label not in ("ORG", "COMPANY", "GROUP"):
            continue
        if e.ctx_prev is not None or e.ctx_next is not None:
            ok = (e.ctx_next is not None and _next_word(text, h.end) in e.ctx_next) or \
                 (e.ctx_prev is not None and _prev_word(text, h.start) in e.ctx_prev)
            if not ok:
                continue
        if idx is not None and e.label == "COMPANY":
            # "Rafael Nadal", "Hughes said": a person, not the company
            if any((s, en) != (h.start, h.end) for s, en, _ in idx.ents_covering(h.start, h.end, ("PERSON",))):
                continue
        end = h.end
        if e.label != "COMPANY" and _COMPANY_AFTER.match(text, end):
            continue        # "Whitehall Corp", "Pentagon Industries <PNT>": a company named after the seat
        if e.label == "COMPANY":
            m = re.match(r"(?:\s+(?:Corp|Corporation|Inc|Co|Ltd|Plc|plc|PLC|AG|SA|S\.A|GmbH|SE|NV|AB|ASA|Group|"
                         r"Industries|Holdings|Limited|LLC|Company))\b\.?", text[end:end + 20])
            if m:
                end += m.end()
        cands.append(_Cand(h.start, end, e.label, e.canonical, e.iso3, kind=e.kind, entry=e))


def _composites(text, cands, heads, weapon_spans):
    """'the Russian Defense Ministry', "Ukraine's Air Force", 'Ministry of Defence of Ukraine' -> one ORG."""
    head_at = {}
    for h in heads:
        if h.end - h.start > (head_at[h.start].end - head_at[h.start].start if h.start in head_at else -1):
            head_at[h.start] = h
    heads_by_end = {}
    for h in heads:
        heads_by_end.setdefault(h.end, []).append(h)
    out = []
    for c in cands:
        if c.label != "COUNTRY" or c.kind not in _PARTY_KINDS or not c.iso3:
            continue
        m = re.match(r"(?:['\u2019]s)?\s+", text[c.end:c.end + 6]) if c.kind != "demonym" else \
            re.match(r"\s+", text[c.end:c.end + 3])
        if m:
            h = head_at.get(c.end + m.end())
            if h is not None and not any(ws < h.end and we > h.end and ws >= h.start for ws, we in weapon_spans):
                start = c.start
                rm = re.search(r"\bRoyal\s+$", text[max(0, start - 7):start])
                if rm:
                    start = max(0, start - 7) + rm.start()
                out.append(_Cand(start, h.end, "ORG", f"{h.entry.canonical} ({c.canonical})", c.iso3,
                                 kind="composite"))
        # head of (the) country
        bm = re.search(r"\s+of\s+(?:the\s+)?$", text[max(0, c.start - 12):c.start])
        if bm and c.kind in ("name", "abbr"):
            hend = max(0, c.start - 12) + bm.start()
            for h in heads_by_end.get(hend, []):
                if h.entry.surface[:1].isupper():
                    out.append(_Cand(h.start, c.end, "ORG", f"{h.entry.canonical} ({c.canonical})", c.iso3,
                                     kind="composite"))
    cands.extend(out)


def _modifier_run_end(text: str, pos: int, idx: _DocIndex | None, term_starts: dict, limit: int = 3) -> int:
    """From ``pos`` (after a designation), skip up to ``limit`` modifier words; return where a term starts or -1."""
    p = pos
    for _ in range(limit + 1):
        m = re.match(r"\s+", text[p:p + 3])
        q = p + (m.end() if m else 0)
        if q in term_starts:
            return q
        w = re.match(r"[A-Za-z0-9][A-Za-z0-9\-./]*", text[q:q + 40])
        if not m or not w:
            return -1
        word = w.group()
        if idx is not None:
            tok = idx.token_at(q)
            if tok is None or tok.pos_ not in _MODIFIER_POS or tok.pos_ == "PROPN" and not word[0].isupper():
                return -1
            if tok.pos_ == "NOUN" and tok.dep_ not in ("compound", "amod", "nmod"):
                return -1
        elif not (word.islower() or "-" in word or word[0].isdigit()):
            return -1
        p = q + len(word)
    return -1


def _weapon_candidates(text, hits, idx, cands, gaz):
    terms = [h for h in hits if h.entry.label == "TERM"]
    desigs = [h for h in hits if h.entry.label == "WEAPON"]
    civil = [(h.start, h.end) for h in hits if h.entry.label == "CIVIL"]

    def civil_overlap(s, e):
        return any(s < ce and cs < e for cs, ce in civil)

    # terms: vetoes; the longest term per start
    term_at: dict[int, Hit] = {}
    for h in terms:
        e = h.entry
        if e.veto_prev and _prev_word(text, h.start) in e.veto_prev:
            continue
        if e.veto_next and _next_word(text, h.end) in e.veto_next:
            continue
        cur = term_at.get(h.start)
        if cur is None or h.end > cur.end:
            term_at[h.start] = h

    def chain_end(pos):
        """Where the run of generic terms starting at ``pos`` ends, and the last term's hit."""
        h = term_at.get(pos)
        last = None
        while h is not None:
            last = h
            m = re.match(r"[ \-]", text[h.end:h.end + 1])
            h = term_at.get(h.end + 1) if m else None
        return (last.end, last) if last else (-1, None)

    pending = []
    confirmed = {h.entry.canonical for h in desigs if not h.entry.ambiguous}
    for h in desigs:
        e = h.entry
        if civil_overlap(h.start, h.end):
            continue
        canonical = e.canonical or re.sub(r"(?<=\d)e?s$", "", text[h.start:h.end])
        cats = e.category
        q = _modifier_run_end(text, h.end, idx, term_at)
        merged = False
        if q >= 0:
            end, last = chain_end(q)
            if last is not None:
                tcat = last.entry.category[0]
                # "HIMARS ammunition", "Gepard rounds": the rounds for a system are ammunition, not the system
                cat = tcat if tcat in cats or tcat == "ammunition" else cats[0]
                origin = e.iso3
                if _family(tcat) and last.entry.canonical not in _ANY_FAMILY_HEADS and all(_family(c) for c in cats) \
                        and not any(_family(c) == _family(tcat) for c in cats):
                    # "Lynx infantry fighting vehicles": a name the gazetteer knows for another kind of weapon
                    # (the Lynx helicopter); the head term says what this one is, and its maker is not known
                    cat, origin = tcat, None
                mc = _Cand(h.start, end, "WEAPON", canonical, None, cat, kind="designation+term", entry=e,
                           origin=origin)
                mc.spec = h.end - h.start
                mc.rank += 0 if tcat in cats or tcat in ("unspecified", "other") else 2   # "Hawk jets": the aircraft row
                cands.append(mc)
                merged = True
                if tcat in cats:
                    confirmed.add(e.canonical)
        if not merged and idx is not None and not any(ch.isdigit() for ch in text[h.start:h.end]) and any(
                (s, en) != (h.start, h.end) for s, en, _ in idx.ents_covering(h.start, h.end, ("PERSON",))):
            continue                                               # "Elliott Abrams", "Huey Lewis"
        pending.append((h, canonical, merged))
    for h, canonical, merged in pending:
        e = h.entry
        if e.ambiguous and not merged:
            if e.canonical not in confirmed:
                continue
            prv, ppos = _prev_word_raw(text, h.start)
            if ppos >= 0 and _same_sentence(prv, ppos, h.start, idx) and _capitalised_name_word(text, prv, ppos, idx) \
                    and prv.lower() not in _TITLES:
                continue
        cands.append(_Cand(h.start, h.end, "WEAPON", canonical, None, e.category[0], kind="designation", entry=e,
                           origin=e.iso3))
    # caliber + term: "155mm artillery shells", "155mm rounds"
    for m in _CALIBER.finditer(text):
        ws = re.match(r"\s+", text[m.end():m.end() + 3])
        if ws:
            end, last = chain_end(m.end() + ws.end())
            if last is not None:
                cands.append(_Cand(m.start(), end, "WEAPON", text[m.start():end], None, last.entry.category[0],
                                   kind="caliber+term"))
    # an unknown designation + term: "KF-21 fighter jets"
    for m in _DESIG_LIKE.finditer(text):
        end, last = chain_end(m.end() + 1)
        if last is not None and not civil_overlap(m.start(), m.end()):
            cands.append(_Cand(m.start(), end, "WEAPON", re.sub(r"(?<=\d)s$", "", m.group()), None,
                               last.entry.category[0], kind="designation?+term", entry=last.entry))
    # "Kilo-class submarines", "Arleigh Burke-class destroyers"
    for m in _CLASS.finditer(text):
        ws = re.match(r"\s+", text[m.end():m.end() + 3])
        if ws:
            end, last = chain_end(m.end() + ws.end())
            if last is not None and last.entry.category[0] in ("ships", "submarines"):
                if not last.entry.standalone and not _naval_context(text, idx, m.start()):
                    continue        # "four Lancer class vessels" of a shipping line: a class of merchant ships
                name = m.group(1).split()[-1] if not m.group(1).startswith("Type") else m.group(1)
                start = m.start(1) + m.group(1).rfind(name)
                cands.append(_Cand(start, end, "WEAPON", f"{text[start:m.end(1)]}-class", None,
                                   last.entry.category[0], kind="class+term"))
    # standalone generic terms
    for pos, h in term_at.items():
        if not h.entry.standalone:
            continue
        end, last = chain_end(pos)
        cat = last.entry.category[0]
        cands.append(_Cand(pos, end, "WEAPON", last.entry.canonical if last is h else text[pos:end].lower(),
                           None, cat, kind="term", entry=last.entry))


# kinds of platform a designation's head term can name; within a family a term only narrows or widens
# ("Stinger missiles" are air defence, "Black Hawk aircraft" helicopters), across families it contradicts;
# sensors, engines and the like belong to no family ("Phalcon radar planes" stay sensors)
_FAMILIES = {"aircraft": "air", "helicopters": "air", "uav": "air", "missiles": "munition", "air_defence": "munition",
             "ammunition": "munition", "ships": "naval", "submarines": "naval", "armoured_vehicles": "land",
             "artillery": "land_fires", "small_arms": "small_arms"}


# heads that carry or fire weapons of several families ("NASAMS air defence launchers"): they contradict none
_ANY_FAMILY_HEADS = {"launcher", "battery", "platform", "carrier", "unit", "mount"}


def _family(category: str) -> str | None:
    return _FAMILIES.get(category)


def company_name_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of company names recognised by their shape (Reuters markup, a corporate designator,
    a stock ticker after the name)."""
    spans = [(m.start(1), m.end(1)) for m in _REUTERS_MARKUP.finditer(text)] if "<" in text else []
    spans += [(m.start(), m.end()) for m in _CORP_NAME.finditer(text)]
    if "<" in text:
        spans += [(m.start(1), m.end(1)) for m in _TICKER_NAME.finditer(text)]
    return spans


def _drop_weapons_in_names(text: str, idx: _DocIndex | None, hits: list[Hit], cands: list[_Cand]) -> None:
    """A weapon word inside a company name is part of the name ("Shell Oil Co", "Hawkeye Bancorp", "Cannon
    Group Inc"), and so is one inside a person's full name ("Fernand Leclerc"); the same capitalised word
    alone elsewhere in the article names the same company or person ("Shell's interest", "Leclerc said").
    A designation merged with a weapon term ("Abrams tanks") is never dropped this way, and a "person"
    made only of weapon names ("Eurofighter Typhoon") is no evidence."""
    spans = [(a, b, False) for a, b in company_name_spans(text)]
    if idx is not None:
        weapon_chars = {i for h in hits if h.entry.label in ("WEAPON", "TERM") for i in range(h.start, h.end)}
        for a, b, lab in idx.ents:
            if lab == "PERSON" and " " in text[a:b].strip() and any(
                    m.start() + a not in weapon_chars for m in re.finditer(r"[A-Z][a-z]+", text[a:b])):
                spans.append((a, b, True))
    if not spans:
        return
    spans.sort()
    starts = [a for a, _, _ in spans]

    def inside(c: _Cand) -> bool:
        # a designation with digits is never part of a person's name ("Danish F-16s" misread as a PERSON)
        digits = any(ch.isdigit() for ch in text[c.start:c.end])
        i = bisect.bisect_right(starts, c.start) - 1
        return any(a <= c.start < b and not (person and (digits or (c.start, c.end) == (a, b)))
                   for a, b, person in spans[max(0, i - 3):i + 1])

    drop = {id(c) for c in cands if c.label == "WEAPON" and c.kind in ("term", "designation") and inside(c)}
    name_texts = [text[a:b] for a, b, _ in spans]
    for c in cands:
        if c.label != "WEAPON" or c.kind not in ("term", "designation") or id(c) in drop:
            continue
        surface = text[c.start:c.end]
        if not surface[0].isupper() or any(ch.isdigit() for ch in surface):
            continue                                            # "ABM" after "ABM Gold Corp" too
        word = re.compile(r"(?<![\w-])%s(?![\w-])" % re.escape(surface))
        if any(word.search(nt) for nt in name_texts):
            drop.add(id(c))
    if drop:
        cands[:] = [c for c in cands if id(c) not in drop]


# Words that give a sentence a military sense. A weapon word whose military sense depends on its context
# (weapon_terms.csv needs_context = 1: "jet engine", "spare parts") and an unknown model number before a bare
# generic head ("XJ-900 aircraft", "V530 system") are weapons only in a sentence, or else an article, with one
# of these words or with a weapon that needs no context. ("war" is not among them: "price war", "trade war";
# "tanks" only as "battle tanks": storage tanks hold oil, and a tank that is armour is a weapon anyway.)
@functools.lru_cache(maxsize=1)
def _military_pattern(extra: str = "") -> re.Pattern:
    """The military cue words and phrases of the transfer lexicon (transfer_triggers.yaml military_cues),
    one list for the entity and the transfer extractors, as one case-insensitive pattern."""
    from pipeline.extract.lexicon_files import load_yaml

    phrases = sorted((str(w).lower() for w in load_yaml("transfer_triggers.yaml")["military_cues"]), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in ph.split()) for ph in phrases)
    return re.compile(r"\b(?:%s%s)\b" % (alternatives, extra), re.I)


def _military() -> re.Pattern:
    return _military_pattern()


def _naval() -> re.Pattern:
    """A class of plain "vessels" or "ships" is a warship class in a military sentence or one about patrols."""
    return _military_pattern("|patrols?")


# Credit ratings look like designations ("rated B-2 by Moody's", "raised to D&P-7 from D&P-8").
_GRADE = re.compile(r"^[A-Z][a-z]{0,2}-?[1-9]$")
_RATING_CONTEXT = re.compile(
    r"\b(?:Moody'?s|rated|rates|rating|ratings|debentures?|subordinated|downgrad\w*|upgrad\w*|debt|bonds?|"
    r"Standard\s+(?:and|&)\s+Poor'?s|Duff|Phelps|commercial\s+paper|preferred\s+stock)", re.I)


# A generic weapon word that modifies one of these names a line of business or a know-how, not weapons
# ("its Smith and Wesson handgun business", "the transfer of submarine technology to the Soviet Union").
_NOT_THE_WEAPON_HEADS = frozenset({"business", "businesses", "division", "divisions", "subsidiary", "subsidiaries",
                                   "operations", "technology", "technologies", "know-how"})


@functools.lru_cache(maxsize=1)
def _term_contexts() -> dict[str, tuple[frozenset, bool]]:
    """weapon_terms.csv per term: the sentence words that show another sense (veto_context) and whether the
    term needs a military sentence (needs_context)."""
    from pipeline.extract.gazetteer import _rows

    out = {}
    for r in _rows("weapon_terms.csv"):
        words = frozenset(w.strip().lower() for w in (r.get("veto_context") or "").split("|") if w.strip())
        out[r["term"].strip()] = (words, (r.get("needs_context") or "").strip() == "1")
    return out


@functools.lru_cache(maxsize=1)
def _civil_cues() -> frozenset:
    """The civil-aviation and civil-goods cue words of the transfer lexicon (transfer_triggers.yaml civil_cues):
    a generic aircraft, helicopter or engine word in a sentence with one of them is a civil one."""
    from pipeline.extract.lexicon_files import load_yaml

    return frozenset(str(w).lower() for w in load_yaml("transfer_triggers.yaml").get("civil_cues", ()))


_CIVIL_SENSE_CATEGORIES = ("aircraft", "helicopters", "engines")


def _drop_other_senses(text: str, idx: _DocIndex | None, cands: list[_Cand]) -> None:
    """Weapon words in a sentence that gives them another sense: a bond ("a five-year bullet eurobond"), a
    space launcher ("a Delta rocket carrying a weather satellite"), a tape ("cartridge tape drive"), a credit
    rating ("rated B-2 by Moody's"); and context-dependent weapon words in a sentence and an article with
    no military sense ("its unducted fan jet engine", "a shortage of spare parts", "XJ-900 aircraft"); generic
    aircraft, helicopter and engine words in a sentence about civil aviation or civil goods ("the airline's
    new jets", "cars, computers, helicopters and ambulances")."""
    weapons = [c for c in cands if c.label == "WEAPON"]
    if not weapons:
        return
    contexts = _term_contexts()
    sent_cache: dict[tuple[int, int], tuple[set, bool, bool]] = {}

    def sentence(c: _Cand):
        a, b = idx.sentence_of(c.start) if idx is not None else (0, len(text))
        if (a, b) not in sent_cache:
            chunk = text[a:b]
            words = set(re.findall(r"[a-z0-9][a-z0-9'\-]*", chunk.lower()))     # "md-11", and its parts:
            words |= {p for w in words if "-" in w for p in w.split("-") if p}     # "two-passenger" -> passenger
            sent_cache[(a, b)] = (words,
                                  _military().search(chunk) is not None, _RATING_CONTEXT.search(chunk) is not None)
        return (a, b), sent_cache[(a, b)]

    article_military = None

    def military(c: _Cand, span, mil: bool) -> bool:
        """A military word, or another weapon that needs no context, in the sentence; failing that, in the
        article ("GE will supply jet engines to India" in a story about its fighter programme)."""
        nonlocal article_military
        if mil or any(o is not c and span[0] <= o.start < span[1] and not _context_dependent(o, contexts)
                      for o in weapons):
            return True
        if article_military is None:
            article_military = _military().search(text) is not None or any(
                not _context_dependent(o, contexts) for o in weapons)
        return article_military

    drop = set()
    for c in weapons:
        span, (words, mil, rating) = sentence(c)
        surface = text[c.start:c.end]
        if c.kind == "designation" and rating and (_GRADE.match(surface) or c.start > 0 and text[c.start - 1] in "&/"):
            drop.add(id(c))
            continue
        if c.kind == "term" and c.entry is not None:
            vetoes, _ = contexts.get(c.entry.canonical, (frozenset(), False))
            if vetoes & words:
                drop.add(id(c))
                continue
        if _context_dependent(c, contexts) and not military(c, span, mil):
            drop.add(id(c))
            continue
        if c.kind in ("term", "designation?+term") and c.category in _CIVIL_SENSE_CATEGORIES \
                and words & _civil_cues():
            drop.add(id(c))                     # "two-passenger helicopters", "airliners and jet engines"
            continue
        if c.kind == "term" and idx is not None:
            tok = idx.token_at(c.end - 1)
            if tok is not None and tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i \
                    and tok.head.lower_ in _NOT_THE_WEAPON_HEADS:
                drop.add(id(c))
    if drop:
        cands[:] = [c for c in cands if id(c) not in drop]


def _context_dependent(c: _Cand, contexts) -> bool:
    if c.kind == "designation?+term":
        return c.entry is not None and not c.entry.standalone          # "SF340 aircraft", not "KF-21 fighter jets"
    if c.kind == "term" and c.entry is not None:
        return contexts.get(c.entry.canonical, (frozenset(), False))[1]
    return False


def _naval_context(text: str, idx: _DocIndex | None, pos: int) -> bool:
    """Does the sentence at ``pos`` speak of navies or the military? A class of plain "vessels" needs it."""
    a, b = idx.sentence_of(pos) if idx is not None else (0, len(text))
    return _naval().search(text, a, b) is not None


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    """Greedy: longest first, then label priority; spans never overlap."""
    order = sorted(cands, key=lambda c: (-(c.end - c.start), _PRIORITY.get(c.label, 5), c.rank, -c.spec, c.start))
    taken: list[tuple[int, int]] = []
    out = []
    for c in order:
        i = bisect.bisect_left(taken, (c.start, -1))
        clash = (i > 0 and taken[i - 1][1] > c.start) or (i < len(taken) and taken[i][0] < c.end)
        if clash:
            continue
        bisect.insort(taken, (c.start, c.end))
        out.append(c)
    return sorted(out, key=lambda c: c.start)


# ----------------------------------------------------------------------------- spaCy spans
def _clean_person(text: str, s: int, e: int, idx: _DocIndex) -> tuple[int, int] | None:
    toks = [t for t in idx.doc.char_span(s, e, alignment_mode="expand") or []]
    while toks and (toks[0].lower_.rstrip(".") in _TITLES or toks[0].is_punct or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].lower_ in ("'s", "’s", "'") or toks[-1].is_punct or toks[-1].is_space):
        toks = toks[:-1]
    if not toks:
        return None
    s2, e2 = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    span = text[s2:e2]
    span_end = re.search(r"['\u2019]s$", span)
    if span_end:
        e2 -= 2
        span = text[s2:e2]
    if not span or "\n" in span or any(ch.isdigit() for ch in span) or not span[0].isupper():
        return None
    if len(span) <= 2:
        return None
    return s2, e2


def _names_a_transfer(frag: str) -> bool:
    """A spaCy ORG whose head word is a transfer noun ("Foreign Military Sale(s)", "Foreign Military
    Financing") names a programme or a deal, not a party; left as ORG it would hide the transfer word."""
    from pipeline.extract.transfers.lexicon import lexicon

    head = frag.split()[-1].lower()
    nouns = lexicon().nouns
    entry = nouns.get(head) or (nouns.get(head[:-1]) if head.endswith("s") else None)
    return entry is not None and not entry.agent       # agent nouns ("... Exporter") can be companies


def _spacy_candidates(text, idx, accepted: list[_Cand], gaz) -> list[_Cand]:
    occupied = [(c.start, c.end) for c in accepted]
    occupied.sort()

    def overlaps(s, e):
        i = bisect.bisect_left(occupied, (s, -1))
        return (i > 0 and occupied[i - 1][1] > s) or (i < len(occupied) and occupied[i][0] < e)

    out: list[_Cand] = []
    persons: dict[str, str] = {}
    upgrades: list[tuple[_Cand, _Cand]] = []
    for s, e, label in idx.ents:
        if label == "PERSON":
            r = _clean_person(text, s, e, idx)
            if r is None or overlaps(*r):
                continue
            name = re.sub(r"\s+", " ", text[r[0]:r[1]]).replace("\u2019", "'")
            out.append(_Cand(r[0], r[1], "PERSON", name, source="spacy"))
            parts = name.split()
            if len(parts) >= 2:
                persons.setdefault(parts[-1], name)
    for s, e, label in idx.ents:
        if label not in ("ORG", "GPE", "LOC"):
            continue
        m = re.match(r"(?:the|The)\s+", text[s:e])
        if m:
            s += m.end()
        pm = re.search(r"['\u2019]s$", text[s:e])
        if pm:
            e -= 2
        tm = re.search(r"(?:\s+[a-z][\w'\-]*)+$", text[s:e])
        if tm:
            e = s + tm.start()                                      # "Gulf on" -> "Gulf"
        frag = text[s:e]
        if e - s < 3 or "\n" in frag or "<" in frag or ">" in frag or not frag[:1].isupper():
            continue
        inside = [c for c in accepted if s <= c.start and c.end <= e]
        if label == "ORG" and inside and all(c.label == "COUNTRY" for c in inside) and len(inside) == 1 \
                and not any(c.start < s < c.end or c.start < e < c.end for c in accepted):
            c = inside[0]
            rest = (text[s:c.start] + " " + text[c.end:e]).split()
            proper = all(w[:1].isupper() or w.lower() in ("of", "and", "&", "de", "for", "the") or not w[:1].isalpha()
                         for w in rest)
            if c.kind in _PARTY_KINDS and c.iso3 and rest and proper:     # not "Dutch bank ING"
                # "Korean Air", "British Aerospace Plc": a company named after its state (not a state body)
                lab = "COMPANY" if any(w.strip(".,").lower() in _COMPANY_WORDS for w in rest) else "ORG"
                upgrades.append((c, _Cand(s, e, lab, re.sub(r"\s+", " ", frag), c.iso3, kind="spacy-org",
                                          source="spacy")))
            continue
        if overlaps(s, e) or any(o.start < e and s < o.end for o in out):
            continue
        if label == "ORG" and all(w.lower().strip(".") in _TITLES for w in frag.split()):
            continue                                                  # "Defence" of "Defence Secretary"
        if label == "ORG" and _names_a_transfer(frag):
            continue                                                  # "Foreign Military Sales": a programme
        if label == "ORG":
            if frag in persons:
                out.append(_Cand(s, e, "PERSON", persons[frag], source="spacy"))
            elif frag.isupper() and len(frag) <= 5 and text[s - 1:s] == "<":
                continue                                              # Reuters ticker "<BA>"
            else:
                lab = "COMPANY" if _company_shaped(text, s, e) else "ORG"
                out.append(_Cand(s, e, lab, re.sub(r"\s+", " ", frag), source="spacy"))
        else:
            if frag in persons:
                continue
            out.append(_Cand(s, e, "LOCATION", re.sub(r"\s+", " ", frag), source="spacy"))
    for old, new in upgrades:
        if any(o.start < new.end and new.start < o.end for o in out):
            continue
        accepted.remove(old)
        out.append(new)
    _short_company_names(text, idx, accepted, out)
    return out


def _company_shaped(text: str, s: int, e: int) -> bool:
    """A spaCy ORG that ends in a corporate designator ("Arus Corp", "Boliden AB"), is followed by a stock
    ticker ("Data General <DGN>") or is the Reuters company markup itself ("<Kia Industrial Corp>")."""
    last = text[s:e].split()[-1].rstrip(".,") if text[s:e].split() else ""
    if last in _ORG_COMPANY_ENDS:
        return True
    if _TICKER_AFTER.match(text, e):
        return True
    return text[s - 1:s] == "<" and text[e:e + 1] == ">"


def _short_company_names(text: str, idx: _DocIndex, accepted: list[_Cand], out: list[_Cand]) -> None:
    """A company named in full once is often named short later: "Pan Am" after "Pan Am Corp", "JAT" after
    "JAT-Jugoslav Airlines", "American" (as a noun, not a modifier) after "American Airlines"."""
    full = [c for c in accepted + out if c.label == "COMPANY"]
    if not full:
        return
    names = {re.sub(r"\s+", " ", text[c.start:c.end]): c for c in full}
    for c in out:
        if c.label != "ORG":
            continue
        frag = re.sub(r"\s+", " ", text[c.start:c.end])
        if any(n != frag and (n.startswith(frag + " ") or n.startswith(frag + "-")) for n in names):
            c.label = "COMPANY"
    for i, c in enumerate(accepted):
        if c.label != "ORG" or c.kind != "seat":
            continue
        frag = re.sub(r"\s+", " ", text[c.start:c.end])
        owner = next((n for n in names if n.startswith(frag + " ")), None)
        if owner is not None:
            # "Whitehall" after "Whitehall Corp": the company again, not the seat of a government
            accepted[i] = _Cand(c.start, c.end, "COMPANY", owner, names[owner].iso3, kind="short-name",
                                source="spacy")
    for i, c in enumerate(accepted):
        if c.label != "COUNTRY" or c.kind != "demonym":
            continue
        word = text[c.start:c.end]
        owner = next((n for n in names if n.startswith(word + " ") and n != word), None)
        if owner is None:
            continue
        tok = idx.token_at(c.start)
        if tok is None or tok.dep_ in ("amod", "compound", "nmod", "npadvmod"):
            continue
        nxt = idx.doc[tok.i + 1] if tok.i + 1 < len(idx.doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.tag_ != "POS":
            continue
        accepted[i] = _Cand(c.start, c.end, "COMPANY", owner, names[owner].iso3 or c.iso3, kind="short-name",
                            source="spacy")


# ----------------------------------------------------------------------------- origins
def _assign_origins(text: str, mentions: list[_Cand], idx: _DocIndex | None, day: dt.date):
    """'Iranian drones', 'Chinese-made Silkworm missiles', 'U.S. F-16s': the country word before a weapon."""
    for i, w in enumerate(mentions):
        if w.label != "WEAPON":
            continue
        origin = None
        j = i - 1
        if j >= 0:
            c = mentions[j]
            gap = text[c.end:w.start]
            if c.label == "COUNTRY" and c.iso3:
                made = re.fullmatch(r"-(?:%s)\s+(?:[A-Za-z][\w\-]*\s+){0,2}" % "|".join(_MADE), gap)
                plain = re.fullmatch(r"\s+(?:[a-z][\w\-]*\s+){0,2}", gap) or re.fullmatch(r"\s+", gap)
                if made or plain and c.kind in _ADJECTIVAL_KINDS and _only_modifiers(text, c.end, w.start, idx):
                    origin = c.iso3
        if origin is None and w.origin:
            origin = "SUN" if w.origin == "RUS" and day <= _SOVIET_END else w.origin
        w.iso3 = origin


def _only_modifiers(text: str, a: int, b: int, idx: _DocIndex | None) -> bool:
    if idx is None:
        return True
    for m in re.finditer(r"\S+", text[a:b]):
        tok = idx.token_at(a + m.start())
        if tok is None or tok.pos_ not in ("ADJ", "NOUN", "NUM", "PROPN", "PUNCT"):
            return False
    return True


# ----------------------------------------------------------------------------- the API
def _core(text: str, day: dt.date, idx: _DocIndex | None) -> list[_Cand]:
    gaz = load_gazetteer()
    hits = gaz.find(text, day)
    # de-duplicate identical hits (several aliases fold to one key)
    uniq = {}
    for h in hits:
        uniq.setdefault((h.start, h.end, h.entry.label, h.entry.canonical, h.entry.iso3, h.entry.kind), h)
    hits = list(uniq.values())
    gaz_starts = {h.start for h in hits if h.entry.label not in ("TERM",)}
    gaz_ends = {h.end for h in hits if h.entry.label not in ("TERM",)}
    us_place_sents = set()
    if idx is not None:
        for h in hits:
            if h.entry.kind == "us_place":
                us_place_sents.add(idx.sentence_of(h.start))
    datelines = _datelines(text)
    cands: list[_Cand] = []
    _country_candidates(text, hits, idx, day, cands, us_place_sents, gaz_starts, gaz_ends, datelines)
    _org_candidates(text, hits, idx, cands)
    _weapon_candidates(text, hits, idx, cands, gaz)
    _drop_weapons_in_names(text, idx, hits, cands)
    _drop_other_senses(text, idx, cands)
    weapon_spans = [(c.start, c.end) for c in cands if c.label == "WEAPON"]
    _composites(text, cands, [h for h in hits if h.entry.label == "HEAD"], weapon_spans)
    return _resolve(cands)


# An article without a publication date is read with today's states, but as a constant, not the run
# date: the same text must always give the same rows.
UNDATED_AS_OF = dt.date(9999, 12, 31)


def extract_entities(doc, published: dt.date | None = None) -> list[EntityMention]:
    """Entity mentions of one parsed article, sorted by char_start, never overlapping."""
    text = doc_text(doc)
    day = published if isinstance(published, dt.date) else UNDATED_AS_OF
    if isinstance(day, dt.datetime):
        day = day.date()
    idx = _DocIndex(doc)
    accepted = _core(text, day, idx)
    accepted = [c for c in accepted if c.label != "NONE"]
    extra = _spacy_candidates(text, idx, accepted, load_gazetteer())
    mentions = sorted(accepted + extra, key=lambda c: c.start)
    _assign_origins(text, mentions, idx, day)
    out = []
    for c in mentions:
        out.append(EntityMention(
            char_start=c.start, char_end=c.end, text=text[c.start:c.end], label=c.label,
            canonical_name=c.canonical or text[c.start:c.end], country_iso3=c.iso3,
            weapon_category=c.category if c.label == "WEAPON" else None))
    return out


# ----------------------------------------------------------------------------- small pure helpers
_STRIP_SUFFIX = re.compile(r"(?:['\u2019]s|['\u2019]|-(?:%s))$" % "|".join(_MADE))


@functools.lru_cache(maxsize=8192)
def _country_of(text: str, day: dt.date) -> str | None:
    gaz = load_gazetteer()
    s = text.strip()
    s = re.sub(r"^(?:the|The)\s+", "", s)
    s = _STRIP_SUFFIX.sub("", s).strip()
    if not s:
        return None
    for e in gaz.entries.get(normalise(s), ()):
        if e.label in ("COUNTRY", "ORG") and e.iso3 and e.valid_on(day) and gaz._case_ok(e, s) \
                and e.kind not in ("place", "us_place"):
            return e.iso3
    return None


def country_of(text: str, published: dt.date | None = None) -> str | None:
    """ISO3 of a country name, short form, abbreviation, demonym, capital or seat of government
    ("Russian" -> RUS, "the Kremlin" in 1987 -> SUN, "Soviet-made" -> SUN, "us" -> None); exact
    look-up, never fuzzy."""
    day = published if isinstance(published, dt.date) else UNDATED_AS_OF
    if isinstance(day, dt.datetime):
        day = day.date()
    return _country_of(text, day)


@functools.lru_cache(maxsize=8192)
def _weapon_info(text: str) -> tuple[str | None, str | None]:
    day = UNDATED_AS_OF
    cands = [c for c in _core(text, day, None) if c.label == "WEAPON"]
    if not cands:
        return None, None
    best = max(cands, key=lambda c: (c.end - c.start, c.kind != "term"))
    return best.category, best.origin


def weapon_category_of(text: str) -> str | None:
    """Weapon category (DESIGN enum) of a designation or generic term: 'F-16s' -> aircraft,
    'Iranian drones' -> uav, 'artillery shells' -> ammunition; None when no weapon is named."""
    return _weapon_info(text)[0]


def weapon_origin_of(text: str) -> str | None:
    """The designing state of a named system from the gazetteer ('Su-30MKI' -> RUS), else None."""
    return _weapon_info(text)[1]
