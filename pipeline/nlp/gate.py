"""Which sentences get the expensive tier of NLP (tagger, parser, lemmatizer, NER).

A transfer row needs a weapon: a designation, a weapon term, a generic word ("arms", "military
aid") or the verb "arm". An article without any of these cannot yield a row, so none of its
sentences is parsed (most of a news feed). In an article with one, a sentence is a *candidate*
when it names a weapon or holds a transfer trigger word (the trigger lexicon's verbs and nouns in
any inflection: they announce packages and deals, date signings and open lists whose contents
follow). The sentence before a candidate is parsed too (its subject is what "it" and "they" point
back to, and the article-context stage reads it), and so is the sentence after (lists and
packages continue there).

Everything here is lexicon data the extractors already use (``pipeline/data``): the gazetteer's
weapon entries and terms, ``transfer_triggers.yaml``. Each sentence is parsed on its own, in both
depths, so the gate changes *which* sentences are parsed, never *how*: rows from a parsed sentence
are the same with the gate on or off (tests/test_gate.py holds that on the dev set).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from pipeline.extract.entities import UNDATED_AS_OF, _military_pattern
from pipeline.extract.gazetteer import load_gazetteer, normalise
from pipeline.extract.lexicon_files import load_yaml

GATED, FULL = "gated", "full"
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_WEAPON_LABELS = ("WEAPON", "TERM")
# Trigger lexicon tables whose words may open a transfer (transfer_triggers.yaml).
_TRIGGER_TABLES = ("supply_verbs", "acquire_verbs", "supply_nouns", "acquire_nouns", "neutral_nouns", "aid_nouns",
                   "acquire_adjectives", "include_verbs", "license_words", "permission_nouns", "production_verbs",
                   "codevelopment_verbs")
# Past forms that no suffix rule makes (the trigger verbs are common English verbs).
_IRREGULAR = {"sell": ("sold",), "buy": ("bought",), "send": ("sent",), "give": ("gave", "given"),
              "bring": ("brought",), "make": ("made",), "build": ("built",), "win": ("won",), "lend": ("lent",),
              "choose": ("chose", "chosen"), "get": ("got", "gotten"), "take": ("took", "taken"),
              "seek": ("sought",), "pay": ("paid",), "lay": ("laid",), "steal": ("stole", "stolen"),
              "ship": ("shipped", "shipping"), "okay": ("okayed",),
              "withhold": ("withheld",), "forbid": ("forbade", "forbidden"), "write": ("wrote", "written"),
              "shoot": ("shot",), "fly": ("flew", "flown"), "draw": ("drew", "drawn"), "spend": ("spent",)}


def inflections(lemma: str) -> set[str]:
    """The regular forms of an English verb or noun (and the irregular past of the common trigger verbs);
    generous on purpose: a form too many only parses a sentence more."""
    low = lemma.lower().split()[0] if lemma.strip() else ""
    if not low:
        return set()
    forms = {low, low + "s", low + "es", low + "ed", low + "d", low + "ing", low + "er", low + "ers"}
    if low.endswith("e"):
        forms |= {low[:-1] + "ing"}
    if low.endswith("y"):
        forms |= {low[:-1] + "ies", low[:-1] + "ied"}
    if len(low) >= 3 and low[-1] not in "aeiouwxy" and low[-2] in "aeiou" and low[-3] not in "aeiou":
        forms |= {low + low[-1] + "ed", low + low[-1] + "ing", low + low[-1] + "er"}   # ship -> shipped
    forms.update(_IRREGULAR.get(low, ()))     # "buy up" -> bought
    return forms


@dataclass(frozen=True)
class GateLexicon:
    trigger_forms: frozenset     # every inflection of every trigger word
    weapon_words: frozenset      # one-word generic weapon words and the verb "arm"
    weapon_phrases: re.Pattern   # multi-word generic weapon phrases ("military aid")
    military_aid: re.Pattern     # an aid noun a few words after a military modifier ("military and economic aid")


@functools.lru_cache(maxsize=1)
def gate_lexicon() -> GateLexicon:
    data = load_yaml("transfer_triggers.yaml")
    forms: set[str] = set()
    for table in _TRIGGER_TABLES:
        words = data.get(table) or ()
        for word in (words.keys() if isinstance(words, dict) else words):
            forms |= inflections(str(word))
    generic = [str(w).lower() for w in data["generic_weapon_words"]]
    # the verb "arm" says the weapons ("governments have armed Ukraine"); the noun "arm" is a company's
    single = {w for w in generic if " " not in w} | {"armed", "arming"} | inflections("rearm")
    phrases = sorted((w for w in generic if " " in w), key=len, reverse=True)
    pattern = re.compile(r"\b(?:%s)\b" % "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases))
    modifiers = "|".join(map(re.escape, sorted(str(w).lower() for w in data["military_aid_modifiers"])))
    aid = "|".join(map(re.escape, sorted({f for w in data["aid_nouns"] for f in inflections(str(w))})))
    military_aid = re.compile(r"\b(?:%s)\b(?:\W+\w+){0,3}?\W+(?:%s)\b" % (modifiers, aid))
    return GateLexicon(trigger_forms=frozenset(forms), weapon_words=frozenset(single), weapon_phrases=pattern,
                       military_aid=military_aid)


def _weapon_sentences(text: str, norm: str, sentences: list[tuple[int, int]], day: dt.date) -> set[int]:
    """Indexes of the sentences that name a weapon (gazetteer designation or term, generic weapon word)."""
    lex = gate_lexicon()
    starts = [s for s, _ in sentences]
    found: set[int] = set()

    def sentence_of(pos: int) -> int:
        lo, hi = 0, len(starts) - 1
        while lo < hi:                      # the last sentence starting at or before pos
            mid = (lo + hi + 1) // 2
            if starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    bound: set[int] = set()
    for hit in load_gazetteer().find(text, day):
        if hit.label in _WEAPON_LABELS:
            (found if hit.entry.standalone else bound).add(sentence_of(hit.start))
    # "systems", "aircraft", "engines" are weapons only where the military is spoken of (this sentence
    # or the one before: the transfer extractor's rule for bound weapon words)
    military = _military_pattern()
    for i in bound - found:
        lo = sentences[max(i - 1, 0)][0]
        if military.search(norm, lo, sentences[i][1]):
            found.add(i)
    for pattern in (lex.weapon_phrases, lex.military_aid):   # the aid noun is the weapon ("lethal aid")
        for m in pattern.finditer(norm):
            found.add(sentence_of(m.start()))
    for i, (start, end) in enumerate(sentences):
        if i not in found and not lex.weapon_words.isdisjoint(_WORD.findall(norm, start, end)):
            found.add(i)
    return found


def plan_parse(text: str, sentences: list[tuple[int, int]], day: dt.date | None, depth: str = GATED) -> list[bool]:
    """Per sentence (start, end offsets into ``text``): does it get the expensive tier?"""
    if depth == FULL or not sentences:
        return [True] * len(sentences)
    norm = normalise(text)
    weapons = _weapon_sentences(text, norm, sentences, day or UNDATED_AS_OF)   # the entity extractor's day
    if not weapons:
        return [False] * len(sentences)
    forms = gate_lexicon().trigger_forms
    candidates = weapons | {i for i, (s, e) in enumerate(sentences)
                            if i not in weapons and not forms.isdisjoint(_WORD.findall(norm, s, e))}
    parse = [False] * len(sentences)
    for i in candidates:
        for j in (i - 1, i, i + 1):
            if 0 <= j < len(sentences):
                parse[j] = True
    return parse
