"""Stage 5 across sentences: the count a later sentence gives weapons a row names without one.

"Peru agreed to buy second-hand fighter jets from Norway. The 18 F-16s are to arrive next year." The
first sentence's row has no count; the next one refers back to weapons of the same kind with a definite
count ("the 18 F-16s", "all four systems": the set already spoken of) or a deal's ceiling ("the prime
contractor for up to 205 AIM-120 missiles") and starts no other transfer, so its count is the row's. Another
indefinite count is new information about something else ("the Army signed a
contract to build 3,299 of the tanks"). Taken only when exactly one such count is within reach, never
right after a fleet word ("the navy now operates eight frigates"), never for another designation
("Apache helicopters" ... "28 Mi-24 helicopters") and never for a row whose count was left out on purpose
(a joint total of several suppliers). A borrowed count lowers the row's confidence; its quantity_text is
the later sentence's words.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from pipeline.extract.transfers.context import STATE_LABELS
from pipeline.extract.transfers.lexicon import lexicon
from pipeline.extract.transfers.rows import named_designations
from pipeline.records import EntityMention, Figure, TransferMention

REACH = 2             # sentences after the row's own that may count its weapons
PENALTY = 0.05
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


def counts_named_later(rows: list[TransferMention], text: str, sentences: list[tuple[int, int]],
                       entities: list[EntityMention], figures: list[Figure]) -> list[TransferMention]:
    starts = [a for a, _ in sentences]
    index = {id(r): max(0, bisect.bisect_right(starts, r.char_start) - 1) for r in rows}
    by_sentence: dict[int, list[TransferMention]] = {}    # the keys: sentences with transfers of their own
    for r in rows:
        by_sentence.setdefault(index[id(r)], []).append(r)
    out = []
    for r in rows:
        k = index[id(r)]
        if _countable(r, by_sentence[k]):
            busy = {j for j, rs in by_sentence.items()
                    if any((o.supplier_iso3, o.recipient_iso3) != (r.supplier_iso3, r.recipient_iso3) for o in rs)}
            fig = _later_count(r, k, text, sentences, busy, entities, figures)
            if fig is not None:
                r = replace(r, quantity_value=fig.value if fig.value is not None else fig.value_high,
                            quantity_low=fig.value_low, quantity_high=fig.value_high, quantity_text=fig.text,
                            quantity_qualifier=fig.qualifier, confidence=round(max(0.05, r.confidence - PENALTY), 3))
        out.append(r)
    return out


def _countable(r: TransferMention, same_sentence: list[TransferMention]) -> bool:
    """No count yet, a real category, and not one of several suppliers of the same weapons (a joint
    total is left uncounted on purpose)."""
    if r.quantity_value is not None or r.quantity_low is not None or r.weapon_category in ("unspecified", "other"):
        return False
    return not any(o.supplier_iso3 != r.supplier_iso3 and o.recipient_iso3 == r.recipient_iso3
                   and o.weapon_category == r.weapon_category for o in same_sentence)


def _later_count(r: TransferMention, k: int, text: str, sentences: list[tuple[int, int]], busy,
                 entities: list[EntityMention], figures: list[Figure]) -> Figure | None:
    """The one count of the row's weapons in the next REACH sentences; None when there are two, or when a
    sentence on the way is another dyad's transfer (``busy``; the same deal spoken of again is no obstacle:
    "Slovakia will acquire vehicles from Sweden. The order covers up to 152 CV90 vehicles")."""
    parties = {r.supplier_iso3, r.recipient_iso3}
    mine = {e.canonical_name for e in named_designations(r, entities)}
    for j in range(k + 1, min(len(sentences), k + 1 + REACH)):
        a, b = sentences[j]
        if j in busy or any(e.label in STATE_LABELS and e.country_iso3 and e.country_iso3 not in parties
                            for e in entities if a <= e.char_start and e.char_end <= b):
            return None       # another transfer, or another state's business
        counts = [f for f in figures if a <= f.char_start and f.char_end <= b and f.unit == "count" and f.item
                  and (f.value is not None or f.value_high is not None)
                  and (_definite(text, a, f) or _deal_ceiling(text, a, f))
                  and _same_weapons(r, mine, f, text, entities) and not _after_fleet_word(text, a, f)]
        values = {(f.value, f.value_low, f.value_high) for f in counts}
        if len(values) == 1:
            return counts[0]
        if values:
            return None
    return None


def _same_weapons(r: TransferMention, mine: set, f: Figure, text: str, entities: list[EntityMention]) -> bool:
    """The counted item is the row's kind of weapon: a weapon of its category and of no other designation,
    or the bare head noun of the row's weapon ("all four systems" for "Patriot air defence systems")."""
    at = text.find(f.item, f.char_end, f.char_end + len(f.item) + 40)
    if at < 0:
        return False
    end = at + len(f.item)
    weapons = [e for e in entities if e.label == "WEAPON" and at <= e.char_start and e.char_end <= end]
    if weapons:
        theirs = {e.canonical_name for e in weapons if e.country_iso3}
        return any(e.weapon_category == r.weapon_category for e in weapons) and not (mine and theirs and not mine & theirs)
    words = _WORD.findall(f.item.lower())
    row_words = _WORD.findall((r.weapon_text or "").lower())
    return len(words) == 1 and bool(row_words) and words[0] == row_words[-1]


_DEFINITE = {"the", "these", "those", "all", "both"}


def _definite(text: str, sentence_start: int, f: Figure) -> bool:
    """'The 18 F-16s', 'all four systems': a count that refers back to a set already named."""
    before = _WORD.findall(text[max(sentence_start, f.char_start - 20):f.char_start].lower())
    return bool(before) and before[-1] in _DEFINITE


_RATE = re.compile(r"\s*(?:a|per|each|every)\s+(?:year|month|week|day)|\s*annually", re.I)


def _deal_ceiling(text: str, sentence_start: int, f: Figure) -> bool:
    """'... was the prime contractor for up to 205 AIM-120 missiles': an 'up to' count is how a deal states
    its ceiling, unless it is a rate or a capacity ('can build up to 50 tanks a year')."""
    if f.qualifier != "at_most" or not f.text.lower().startswith("up to"):
        return False
    item_end = text.find(f.item, f.char_end) + len(f.item) if f.item else f.char_end
    if _RATE.match(text, item_end):
        return False
    before = _WORD.findall(text[max(sentence_start, f.char_start - 30):f.char_start].lower())[-3:]
    verbs = lexicon().production_verbs
    return not any(w in verbs or w.rstrip("sd") in verbs or w[:-3] in verbs for w in before)


def _after_fleet_word(text: str, sentence_start: int, f: Figure) -> bool:
    """'operates eight frigates', 'already flies 28 Mi-24s', 'to replace all 77 F-1 planes'."""
    before = _WORD.findall(text[max(sentence_start, f.char_start - 40):f.char_start].lower())[-3:]
    return any(w in lexicon().fleet_words for w in before)
