"""Shape-based masker for weapon designations, model numbers and calibres.

A number inside "F-16", "S-400", "Type 214", "Block 70", "M777", "Leopard 2" or "155mm" is part of
a name or a calibre, never a quantity. :func:`extract_figures` masks these spans before it looks for
numbers. The masker is deliberately independent of the entity gazetteer: it works on the shape of
the text only (plus two short word lists in ``pipeline/data/designations.yaml``).

Shapes (all case-sensitive):
  * letters-hyphen-digits     F-16, F/A-18E/F, Su-30MKI, T-72B3, MiG-29s, PAC-3, AK-203, COVID-19,
                              Shahed-131/136, Tor-M2, AN/ALQ-135, Capability-3
                              (a capitalised time word such as "Mid-2023" or "Pre-1990" is excluded)
  * letters+digits            M777, A400M, G20, MH17, TB2, CF6-80C2, C4ISR
  * digit-letters-digits      2S19, 9M133, 9K720, 3M54
  * series word + number      Type 214, Type 035B, Block 70/72, Mk 66, Project 636.3, Squadron 32
  * family name + number      Leopard 2A6, Mirage 2000-5, Boeing 747-400, Bell 412, Shahed 136
  * calibre                   155mm, 155 mm, 122-mm, 7.62x39mm, .50-caliber, 50 caliber, five-inch
"""
from __future__ import annotations

import functools
import re

from pipeline.extract.lexicon_files import alternation, load_yaml

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "sixteen": 16, "eighteen": 18,
}


def _lexicon() -> dict:
    return load_yaml("designations.yaml")


@functools.lru_cache(maxsize=1)
def _patterns():
    lex = _lexicon()
    suffix = r"[A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*"
    hyphen = re.compile(
        r"(?<![\w.])(?P<pre>[A-Z][A-Za-z]{0,11}(?:/[A-Z]{1,3})?)-(?:[A-Z]{1,2}-?)?\d+" + suffix
    )
    letter_digit = re.compile(r"(?<![\w.\-])[A-Z]{1,4}\d+" + suffix + r"(?![\w])")
    digit_letter_digit = re.compile(r"(?<![\w.\-])\d[A-Z]{1,2}\d+" + suffix + r"(?![\w])")
    series = re.compile(
        r"(?<![\w])(?:" + alternation(lex["series_words"]) + r")\.?[ \t]?-?[ \t]?\d+[A-Za-z0-9]*"
        r"(?:[/.]\d+[A-Za-z0-9]*)*(?![\w])"
    )
    family = re.compile(
        r"(?<![\w])(?:" + alternation(lex["family_names"]) + r")(?:['’]s)?[ \t]+\d+[A-Za-z0-9]*"
        r"(?:-\d+[A-Za-z0-9]*)*(?![\w])"
    )
    words = alternation(_NUMBER_WORDS)
    calibre = re.compile(
        r"(?<![\w.])(?P<num>\d{1,3}(?:\.\d{1,2})?)(?:[ \t]?[x×][ \t]?\d{2,3}(?:\.\d{1,2})?)?"
        r"[ \t]?-?[ \t]?(?:mm|millimet(?:er|re)s?)(?![\w])"
        r"|(?<![\w])(?P<num2>\.\d{2,3})[ \t]?-?[ \t]?cal(?:iber|ibre)?(?![\w])"
        r"|(?<![\w.])(?P<num3>\d{2,3})[ \t]?-?[ \t]?cal(?:iber|ibre)(?![\w])"
        r"|(?<![\w.])(?P<num4>\d{1,2}(?:\.\d)?|(?i:" + words + r"))-inch(?:es)?(?![\w])"
    )
    excluded = set(lex["hyphen_prefix_exclusions"])
    return hyphen, letter_digit, digit_letter_digit, series, family, calibre, excluded


# The figure and date extractors both need these spans of the same article text: cached per text
# (a few recent texts) so each article is scanned once.
@functools.lru_cache(maxsize=8)
def calibre_matches(text: str) -> tuple[tuple[int, int, float], ...]:
    """(start, end, calibre value) for every calibre expression ("155mm" -> 155.0, ".50-caliber" -> 0.5)."""
    *_, calibre, _excluded = _patterns()
    out = []
    for m in calibre.finditer(text):
        raw = m.group("num") or m.group("num2") or m.group("num3") or m.group("num4")
        value = _NUMBER_WORDS.get(raw.lower()) if raw[0].isalpha() else float(raw)
        out.append((m.start(), m.end(), float(value)))
    return tuple(out)


@functools.lru_cache(maxsize=8)
def designation_matches(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, kind) with kind 'designation' or 'calibre'; sorted, non-overlapping (longest wins)."""
    hyphen, letter_digit, digit_letter_digit, series, family, _calibre, excluded = _patterns()
    found: list[tuple[int, int, str]] = []
    for m in hyphen.finditer(text):
        if m.group("pre") in excluded:
            continue
        found.append((m.start(), m.end(), "designation"))
    for rx in (letter_digit, digit_letter_digit, series, family):
        found.extend((m.start(), m.end(), "designation") for m in rx.finditer(text))
    found.extend((s, e, "calibre") for s, e, _v in calibre_matches(text))
    # longest first, then leftmost; drop anything overlapping an accepted span
    found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    accepted: list[tuple[int, int, str]] = []
    for s, e, kind in found:
        if all(e <= a or s >= b for a, b, _k in accepted):
            accepted.append((s, e, kind))
    accepted.sort()
    return tuple(accepted)


def designation_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of weapon designations, model/series numbers and calibres in ``text``."""
    return [(s, e) for s, e, _k in designation_matches(text)]
