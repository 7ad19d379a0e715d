"""Stage 5, filters: what is not an international arms transfer (civil aircraft, a state's own forces)."""
from __future__ import annotations

import re

from pipeline.extract.transfers.model import Party, Trigger, Weapon
from pipeline.extract.transfers.sentence import SentenceView


def is_civil(sv: SentenceView, w: Weapon) -> bool:
    if w.category not in ("aircraft", "engines", "helicopters", "uav", "other", "unspecified"):
        return False
    lex = sv.lex
    words = set(sv.lows)
    if words & lex.civil_cues:
        return True      # "Korean Air ordered ten Boeing 787 airliners"
    near = {t.lower_ for k in range(w.start, w.end) for t in sv.doc[k].children} | {
        sv.doc[k].lower_ for k in range(w.start, w.end)}
    return bool(near & lex.civil_modifiers) and w.category != "unspecified"   # "civilian helicopters"


def is_domestic_military(sv: SentenceView, p: Party) -> bool:
    name = re.sub(r"^(the|u\.s\.|us|american|british|our)\s+", "", p.name.lower().strip())
    name = re.sub(r"^(u\.s\.|us)\s+", "", name)
    return p.iso3 is None and p.label in ("ORG", "GROUP") and name in sv.lex.domestic_military


def keeps_pair(sv: SentenceView, trig: Trigger, s: Party | None, r: Party) -> bool:
    """Is (supplier, recipient) an international transfer: two different parties, at least one a state, no
    company buying (airlines and lessors buy airliners; a licensee company builds for its state), no
    state's own forces?"""
    if s is not None and (s.iso3 and s.iso3 == r.iso3 or s.key == r.key):
        return False
    if not r.iso3 and not (s is not None and s.iso3):
        return False    # a non-state party is kept only opposite a state ("U.S.-backed rebels" armed by no one named)
    if r.label == "COMPANY" and trig.frame != "license":
        return False
    return not (is_domestic_military(sv, r) or (s is not None and is_domestic_military(sv, s)))
