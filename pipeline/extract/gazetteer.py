"""Gazetteers as data: loading the CSV files under ``pipeline/data`` and one-pass matching.

Every family (countries and their aliases, organisations, weapon designations, generic weapon
terms) is compiled once per process into one Aho-Corasick automaton over *normalised* text
(lower case, accents stripped, typographic quotes and dashes folded; one character in, one
character out, so offsets into the normalised text are offsets into the original). A hit is
kept only when it sits on word boundaries and passes its entry's case policy and era.

The rules about *context* (person vetoes, composites, merging a designation with the generic
term after it, weapon origins) live in :mod:`pipeline.extract.entities`; this module only says
which entries match where.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# ----------------------------------------------------------------------------- normalisation
_FOLD = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\n": " ", "\t": " ", "\r": " ",
}


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in _FOLD:
        return _FOLD[c]
    if c.isascii():
        return c.lower()
    base = unicodedata.normalize("NFKD", c)[:1] or c
    low = base.lower()
    return low if len(low) == 1 else base


_ASCII_FOLD = str.maketrans({c: _FOLD[c] for c in _FOLD if c.isascii()})
_SURFACE_FOLD = str.maketrans(_FOLD)


@functools.lru_cache(maxsize=8)
def normalise(text: str) -> str:
    """Lower-case, accent- and punctuation-folded copy of ``text`` with exactly the same length
    (cached: the gate and the entity extractor fold the same article text)."""
    if text.isascii():   # most news: one C-level pass instead of a call per character
        return text.lower().translate(_ASCII_FOLD)
    return "".join(_fold_char(c) for c in text)


def fold_surface(text: str) -> str:
    """Typographic folding without lower-casing (curly quotes, dashes), same length."""
    return text.translate(_SURFACE_FOLD)


# ----------------------------------------------------------------------------- entries
@dataclass(frozen=True, slots=True)
class Entry:
    surface: str                 # the alias as written in the data file (family marker "#" removed)
    label: str                   # COUNTRY ORG COMPANY GROUP LOCATION NONE WEAPON TERM HEAD CIVIL
    canonical: str
    iso3: str | None = None
    kind: str = ""
    case: str = "title"          # exact | title | any | upper
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    flags: frozenset = frozenset()
    category: tuple = ()         # weapon categories, first = default
    ambiguous: bool = False
    family: bool = False         # designation family: digits follow ("Kh-" + "101")
    standalone: bool = True      # generic term that is a mention on its own
    veto_prev: frozenset = frozenset()
    veto_next: frozenset = frozenset()
    ctx_prev: frozenset | None = None
    ctx_next: frozenset | None = None

    def valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or day >= self.valid_from) and (self.valid_to is None or day <= self.valid_to)


@dataclass(slots=True)
class Hit:
    start: int
    end: int
    entry: Entry

    @property
    def label(self) -> str:
        return self.entry.label


def _date(s: str) -> dt.date | None:
    s = (s or "").strip()
    return dt.date.fromisoformat(s) if s else None


def _rows(name: str):
    """CSV rows of a data file as dicts; lines starting with '#' are comments (the source notes)."""
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if not ln.lstrip().startswith("#") and ln.strip()]
    return list(csv.DictReader(lines))


@functools.lru_cache(maxsize=1)
def media_names() -> frozenset:
    """Canonical names of news organisations ("Reuters", "Agence France-Presse"): they report transfers,
    never take part in one ("ABU DHABI, May 1 (AFP) - The UAE received ...")."""
    return frozenset(r["name"].strip() for r in _rows("organisations.csv") if r["kind"].strip() == "media")


@functools.lru_cache(maxsize=1)
def country_abbreviations() -> frozenset:
    """The all-capital short forms of states (US, UK, USSR, UAE, DPRK): in an all-capital headline these are
    the only capitalised words that may stand for a state without their title-case form doing so (not
    "PLAN", the Chinese navy's acronym, in "PENTAGON DELAYS PLAN TO BUY EUROPEAN MISSILE")."""
    return frozenset(r["alias"].strip() for r in _rows("country_aliases.csv") if r["kind"].strip() == "abbr")


@functools.lru_cache(maxsize=1)
def blocking_regions() -> frozenset:
    """Lower-cased regions that contain a state's word but name no state ("Central America", "Persian Gulf"):
    they block the shorter match wherever names are looked up word by word (headlines)."""
    return frozenset(r["alias"].strip().lower() for r in _rows("country_aliases.csv")
                     if r["label"].strip() == "NONE" and not (r["iso3"] or "").strip())


def _default_case(alias: str) -> str:
    letters = [c for c in alias if c.isalpha()]
    return "exact" if letters and not any(c.islower() for c in letters) else "title"


def _words(s: str) -> frozenset:
    return frozenset(w.strip().lower() for w in (s or "").split("|") if w.strip())


def _context(s: str):
    prev = nxt = None
    for part in (s or "").split(";"):
        part = part.strip()
        if part.startswith("next:"):
            nxt = _words(part[5:])
        elif part.startswith("prev:"):
            prev = _words(part[5:])
    return prev, nxt


def _plurals(term: str) -> list[str]:
    if term.endswith("s") and not term.endswith("ss") or term in ("ammunition", "artillery", "ammo", "materiel",
                                                                   "weaponry", "ordnance", "aircraft", "small arms",
                                                                   "military aid", "military assistance",
                                                                   "security assistance", "lethal aid",
                                                                   "air defence", "air defense", "missile defense",
                                                                   "missile defence", "light weapons"):
        return [term]
    head = term
    if head.endswith(("s", "x", "ch", "sh")):
        plural = head + "es"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        plural = head[:-1] + "ies"
    elif head.endswith("o") and head[-2:-1] not in "aeiou":
        return [term, head + "es", head + "s"]      # "torpedoes" (and the rarer "torpedos")
    else:
        plural = head + "s"
    return [term, plural]


_DESIG_HYPHEN = re.compile(r"^([A-Za-z]{1,4})-(\d)")


def _designation_variants(alias: str) -> list[str]:
    out = [alias]
    if _DESIG_HYPHEN.match(alias) and "#" not in alias:
        out.append(alias.replace("-", "", 1))          # F-16 -> F16, Su-30 -> Su30
    if alias.startswith("Type ") and alias[5:6].isdigit():
        out.append("Type-" + alias[5:])
    return out


# ----------------------------------------------------------------------------- the gazetteer
class Gazetteer:
    """All families compiled into one automaton; ``find`` returns boundary- and case-checked hits."""

    def __init__(self):
        self.countries: dict[str, str] = {}            # iso3 -> common name
        self.entries: dict[str, list[Entry]] = {}      # normalised key -> entries
        self._load_countries()
        self._load_organisations()
        self._load_weapons()
        self._load_terms()
        self.automaton = ahocorasick.Automaton()
        for key, entries in self.entries.items():
            self.automaton.add_word(key, (key, tuple(entries)))
        self.automaton.make_automaton()

    # ------------------------------------------------------------------ loading
    def _add(self, surface: str, entry: Entry):
        key = normalise(surface)
        if not key.strip():
            return
        bucket = self.entries.setdefault(key, [])
        if any(e.surface == entry.surface and e.label == entry.label and e.iso3 == entry.iso3
               and e.canonical == entry.canonical and e.valid_from == entry.valid_from
               and e.valid_to == entry.valid_to and e.kind == entry.kind for e in bucket):
            return
        bucket.append(entry)

    def country_name(self, iso3: str | None) -> str | None:
        return self.countries.get(iso3) if iso3 else None

    def _load_countries(self):
        for r in _rows("countries.csv"):
            self.countries[r["iso3"]] = r["name"]
        for r in _rows("country_aliases.csv"):
            alias, iso = r["alias"].strip(), (r["iso3"] or "").strip() or None
            label = (r["label"] or "COUNTRY").strip()
            kind = r["kind"].strip()
            canonical = self.countries.get(iso, alias) if label == "COUNTRY" else alias
            case = _default_case(alias)
            if kind in ("region", "place", "us_place") and case == "title" and alias[:1].islower():
                case = "exact"                        # "state of Georgia"
            self._add(alias, Entry(surface=alias, label=label, canonical=canonical, iso3=iso, kind=kind, case=case,
                                   valid_from=_date(r["valid_from"]), valid_to=_date(r["valid_to"]),
                                   flags=frozenset(f for f in (r.get("flags") or "").split(";") if f)))
            if alias.startswith("U.S") and alias == "U.S.":
                self._add("U.S", Entry(surface="U.S", label=label, canonical=canonical, iso3=iso, kind=kind,
                                       case="exact"))

    def _load_organisations(self):
        for r in _rows("organisations.csv"):
            name = r["name"].strip()
            kind = r["kind"].strip()
            label = "HEAD" if kind == "head" else r["label"].strip()
            iso = (r["iso3"] or "").strip() or None
            prev, nxt = _context(r.get("context", ""))
            for alias in [name] + [a for a in (r["aliases"] or "").split("|") if a.strip()]:
                alias = alias.strip()
                if kind == "head":
                    case = "exact"
                else:
                    case = (r.get("case") or "").strip() or _default_case(alias)
                self._add(alias, Entry(surface=alias, label=label, canonical=name, iso3=iso, kind=kind, case=case,
                                       valid_from=_date(r["valid_from"]), valid_to=_date(r["valid_to"]),
                                       ctx_prev=prev, ctx_next=nxt))

    def _load_weapons(self):
        for r in _rows("weapons.csv"):
            name = r["designation"].strip()
            cats = tuple(c.strip() for c in r["category"].split("|") if c.strip())
            label = "CIVIL" if cats == ("civil",) else "WEAPON"
            iso = (r["origin_iso3"] or "").strip() or None
            amb = r.get("ambiguous", "0").strip() == "1"
            for alias in [name] + [a for a in (r["aliases"] or "").split("|") if a.strip()]:
                alias = alias.strip()
                family = alias.endswith("#")
                base = alias[:-1] if family else alias
                for v in _designation_variants(base) if not family else [base]:
                    case = "exact" if _default_case(v) == "exact" else "upper"
                    canonical = "" if family else (base if name.endswith("#") else name)
                    self._add(v, Entry(surface=v, label=label, canonical=canonical, iso3=iso, kind="designation",
                                       case=case, category=cats, ambiguous=amb, family=family))

    def _load_terms(self):
        for r in _rows("weapon_terms.csv"):
            term = r["term"].strip()
            cat = (r["category"].strip(),)
            acronym = _default_case(term) == "exact"
            for form in ([term, term + "s"] if acronym else _plurals(term)):
                self._add(form, Entry(surface=form, label="TERM", canonical=term, kind="term",
                                      case="exact" if acronym else "any", category=cat,
                                      standalone=r["standalone"].strip() == "1",
                                      veto_prev=_words(r.get("veto_prev", "")),
                                      veto_next=_words(r.get("veto_next", ""))))

    # ------------------------------------------------------------------ matching
    _FAMILY_TAIL = re.compile(r"(?:[A-Z]{2,4}-)?\d{1,4}")
    _DESIG_TAIL = re.compile(r"(?:[A-Z][A-Z0-9]{0,5}(?:/[A-Z0-9]{1,4})*)?(?:\s+Block\s+(?:\d{1,3}[A-Z]?|[IVX]{1,4}))?")
    _MARK_TAIL = re.compile(r"\s+(?:Mk|Mark|MK)\.?\s?(?:\d{1,3}[A-Z]?|[IVX]{1,4})\b")
    _PLURAL = re.compile(r"(?:e?s)")
    _DASH_TAIL = re.compile(r"-[A-Z0-9]{1,3}")

    def find(self, text: str, day: dt.date, norm: str | None = None) -> list[Hit]:
        """Every entry occurrence on word boundaries that passes its case policy and era (overlaps allowed).
        The NLP gate and the entity extractor both read an article's hits: the last few are cached."""
        return list(self._find(text, day))

    @functools.lru_cache(maxsize=4)
    def _find(self, text: str, day: dt.date) -> tuple[Hit, ...]:
        norm = normalise(text)
        surf = fold_surface(text)
        n = len(text)
        hits: list[Hit] = []
        for end_idx, (key, entries) in self.automaton.iter(norm):
            start = end_idx - len(key) + 1
            end = end_idx + 1
            if start > 0 and norm[start - 1].isalnum():
                continue
            if start > 0 and norm[start - 1] in "'" and start > 1 and norm[start - 2].isalnum():
                continue                                   # "Iraq's" never starts a match at "s"
            matched = surf[start:end]
            for e in entries:
                if not e.valid_on(day):
                    continue
                if not self._case_ok(e, matched):
                    continue
                stop = end
                if e.family:
                    m = self._FAMILY_TAIL.match(text, stop)
                    if not m:
                        continue
                    stop = m.end()
                if e.label in ("WEAPON", "CIVIL"):
                    m = self._DASH_TAIL.match(text, stop)
                    if m and (m.end() >= n or not text[m.end()].isalnum()):
                        stop = m.end()                         # "Rafale-M", "Patriot-2"
                    m = self._MARK_TAIL.match(text, stop)
                    if m:
                        stop = m.end()                         # "Hawk Mk 66", "Merkava Mark IV"
                    if text[stop - 1:stop].isdigit():
                        m = self._DESIG_TAIL.match(text, stop)
                        if m and m.end() > stop:
                            stop = m.end()
                    m = self._PLURAL.match(text, stop)
                    if m and (stop + len(m.group()) >= n or not text[stop + len(m.group())].isalnum()) \
                            and text[stop - 1:stop].isalnum():
                        stop = m.end()
                if stop < n and text[stop].isalnum():
                    continue
                hits.append(Hit(start, stop, e))
        return tuple(hits)

    @staticmethod
    def _case_ok(e: Entry, matched: str) -> bool:
        if e.case == "any":
            return True
        if e.case == "exact":
            return matched == e.surface
        if e.case == "upper":
            return matched == e.surface or matched == e.surface.upper()
        # title: the first letter is upper case and the alias's capitals are capitals in the text
        first = next((c for c in matched if c.isalpha()), "")
        if not first.isupper():
            return False
        if matched == e.surface or matched.isupper():
            return True
        for a, b in zip(e.surface, matched):
            if a.isupper() and b.isalpha() and not b.isupper():
                return False
        return True


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The compiled gazetteer, built once per process."""
    return Gazetteer()
