"""Stage 3, lists and coordination: every member of a list, and which parties go with which weapons.

Coordinated parties and weapons reach the trigger through ``conj``/``appos`` links (roles.attach and
weapons.weapon_attaches treat them as transparent), so by default every listed party goes with every
listed weapon: "supplied tanks to Poland, Norway and Canada" is three rows. This stage adds what the
parse misses: list members reached over separators, bullets and line breaks on the surface
(``expand_weapon_list``, ``party_list_after``), and handles the one shape where every-with-every is
wrong: gapping, where each weapon brings its own party ("acquired jets from France and tanks from
Germany"). Which weapon goes with which party is then read off the surface order, because the
parser attaches the second party anywhere.
"""
from __future__ import annotations

from pipeline.extract.transfers.model import Candidate, Party
from pipeline.extract.transfers.sentence import SentenceView


def bind_gapped_parties(c: Candidate):
    """'bought W1 from S1 and W2 from S2', 'will deliver W1 to R1 and W2 to R2': when a weapon stands
    between every two parties of one role, each party goes with the weapons just before it."""
    weapons = sorted(c.weapons, key=lambda w: w.start)
    if len(weapons) < 2:
        return
    trig_i = c.trigger.token.i
    for parties in (c.suppliers, c.recipients):
        named = sorted((p for p in parties if not p.pronoun and p.start > trig_i), key=lambda p: p.start)
        # one slot per state: "Brazil's Embraer" names one supplier twice
        slots: list[list[Party]] = []
        for p in named:
            if slots and slots[-1][-1].key == p.key:
                slots[-1].append(p)
            else:
                slots.append([p])
        if len(slots) < 2 or len({slot[0].key for slot in slots}) < len(slots):
            continue
        segments, prev_end = [], trig_i
        for slot in slots:
            segment = [w for w in weapons if prev_end <= w.start and w.end <= slot[0].start]
            if not segment:
                break           # two parties side by side: a coordinated list, not gapping
            segments.append((slot, segment))
            prev_end = slot[-1].end
        else:
            for slot, segment in segments:
                for p in slot:
                    c.bound[id(p)] = segment


# ---------------------------------------------------------------- surface lists
# what may stand between two members of a list: separators (bullets and line breaks included) ...
_SEPARATORS = {",", "and", "or", ";", "plus", "&", "as", "well", "-", "*", "\u2022", "\u2013", "\u2014", "also"}
# ... and what may open a member before its name: articles, counts, quantity words
_OPENERS = {"the", "a", "an", "some", "several", "additional", "more", "further", "up", "to", "about", "around",
            "nearly", "almost", "over", "of", "its", "their", "new", "used", "older", "modern", "advanced"}


def _next_member(sv: SentenceView, pos: int, starts: dict, max_gap: int = 6):
    """The list member (a weapon or party starting after ``pos``) reached over separators and openers,
    or None. A member needs at least one separator before it."""
    j, seen_sep = pos, False
    end = sv.sent.end
    while j < end and j - pos <= max_gap:
        if j in starts and seen_sep:
            return starts[j]
        tok = sv.doc[j]
        low = tok.lower_
        if j + 1 < end and tok.like_num and sv.doc[j + 1].text in (".", ")") and "\n" in sv.doc[j - 1].text_with_ws:
            seen_sep = True     # "2. six Type 31 frigates": a numbered line
            j += 2
            continue
        if low in _SEPARATORS or tok.is_space:
            seen_sep = True
        elif not seen_sep and j == pos and low in sv.lex.container_nouns:
            pass                # "RBS 70 air defence units, Carl Gustaf ...": the member's own head noun
        elif not (seen_sep and (low in _OPENERS or tok.like_num or tok.pos_ in ("NUM", "ADJ"))):
            return None
        j += 1
    return None


def expand_weapon_list(sv: SentenceView, c: Candidate, claimed: set):
    """'24 W1, 8 W2 and W3', '- 20 W1;\\n- W2;': a weapon listed after one the trigger governs is governed
    too, whatever the parser made of the list (weapons another trigger governs excepted)."""
    starts = {w.start: w for w in sv.weapons if not w.generic}
    have = {id(w) for w in c.weapons}
    queue = [w for w in c.weapons if not w.generic]
    while queue:
        w = queue.pop()
        nxt = _next_member(sv, _after_party_phrase(sv, w.end), starts)
        if nxt is not None and id(nxt) not in have and id(nxt) not in claimed:
            c.weapons.append(nxt)
            have.add(id(nxt))
            queue.append(nxt)
    c.weapons.sort(key=lambda w: w.start)


def _after_party_phrase(sv: SentenceView, pos: int) -> int:
    """Past a 'from S1' / 'to R1, R2' phrase right after a list member (gapping), else ``pos``."""
    if pos >= sv.sent.end or sv.doc[pos].lower_ not in ("to", "from", "for", "by"):
        return pos
    j = pos + 1
    while j < sv.sent.end and sv.doc[j].lower_ in ("the", "both"):
        j += 1
    p = sv.tok_party.get(j)
    if p is None or p.start != j:
        return pos
    return max([p] + party_list_after(sv, p), key=lambda q: q.end).end


def party_list_after(sv: SentenceView, p: Party) -> list[Party]:
    """The parties listed after ``p`` ('Poland, Norway and Canada'), up to a party that starts a clause
    of its own (a subject of another verb)."""
    starts = {q.start: q for q in sv.parties if not q.pronoun}
    out, cur = [], p
    while True:
        nxt = _next_member(sv, cur.end, starts, max_gap=4)
        if nxt is None or nxt.root.dep_ in ("nsubj", "nsubjpass") or nxt in out:
            return out
        out.append(nxt)
        cur = nxt
