"""Stage 3b, quantity, deal value and date of a candidate: figures and dates linked on the parse."""
from __future__ import annotations

import datetime as dt
import re

from pipeline.extract.transfers.model import Candidate, Weapon, token_range
from pipeline.extract.transfers.sentence import SentenceView
from pipeline.records import DateMention, Figure


QUANTITY_UNITS = (None, "count", "other")


_YEARLIKE = re.compile(r"^(1[89]\d\d|20\d\d)s?$")


def _fig_tokens(sv: SentenceView, f: Figure):
    return token_range(sv.doc, f.char_start, f.char_end)


_CALIBRE = re.compile(r"(?i)\d\s*-?\s*(?:mm|millimet|cm\b)|calib|caliber|\bcal\b|-cal\b")


def is_quantity_figure(f: Figure) -> bool:
    if f.unit not in QUANTITY_UNITS or f.currency:
        return False
    if f.value is None and f.value_low is None and f.value_high is None:
        return False
    text = f.text.strip()
    if f.unit == "other" and _CALIBRE.search(text):
        return False     # "155mm artillery rounds": the calibre, not a count
    if _YEARLIKE.match(text) and f.unit != "count":
        return False
    return True


def link_quantity(sv: SentenceView, w: Weapon, figs: list[Figure]) -> Figure | None:
    if w.generic:
        return None
    best = None
    for f in figs:
        if not is_quantity_figure(f):
            continue
        span = _fig_tokens(sv, f)
        if span is None:
            continue
        ok = False
        if span.end <= w.start and all(t.i in {x.i for x in w.root.subtree} or t.i >= w.start
                                       for t in sv.doc[span.start:w.start]) and not any(
                t.i in sv.tok_weapon or (t.i in sv.tok_party and not any(o.start <= t.i < o.end for o in w.origins))
                for t in sv.doc[span.end:w.start]):
            ok = True   # inside the weapon's noun phrase: "three Yuan-class S26T submarines"
        elif span.end <= w.start:
            gap = sv.doc[span.end:w.start]
            if any(t.lower_ in sv.lex.group_count_nouns for t in gap):
                continue                 # "two squadrons of Su-30 fighters": a count of groups, not of weapons
            if len(gap) <= 5 and all(t.lower_ in ("of", "additional", "more", "new", "used", "extra", "further",
                                                    "other", "-", "older", "second-hand", "modern", "advanced")
                                     or t.i in sv.tok_party or any(t.i >= o.start and t.i < o.end for o in w.origins)
                                     or t.pos_ in ("ADJ",) or t.lower_ in sv.lex.container_nouns and t.lower_ not in (
                                         "million", "billion", "mln", "bln", "dlrs", "dollars")
                                     for t in gap):
                ok = True
        elif w.start <= span.start and span.end <= w.end:
            if span.start != w.start:
                continue                 # "RBS 70 air defence systems": part of the designation, not a count
            ok = True                    # "20 Hawk jets" tagged as one weapon span
        if not ok:
            # dependency: "millions of rockets" / nummod
            ftok = span.root
            if ftok.head.i == w.root.i and ftok.dep_ in ("nummod", "quantmod", "amod", "compound"):
                ok = True
            elif any(ch.dep_ == "prep" and ch.lower_ == "of" and any(g.i == w.root.i for g in ch.children)
                     for ch in ftok.children):
                ok = True
        if ok and (best is None or abs(span.end - w.start) < abs(best[1] - w.start)):
            best = (f, span.end)
    if best:
        return best[0]
    # "a Type 035B submarine", "an additional Patriot air defense battery": the article counts one
    root = w.root
    if root.dep_ == "compound" and root.head.i >= w.end and root.head.lower_ in sv.lex.container_nouns:
        root = root.head     # "an additional Patriot air defense battery"
    if root.tag_ in ("NN", "NNP") and (w.end - 1 == root.i or root.i >= w.end) or root.tag_ == "NN":
        for ch in root.children:
            if ch.dep_ == "det" and ch.lower_ in ("a", "an") and ch.i < w.start + 3 and ch.i >= sv.sent.start:
                return Figure(char_start=ch.idx, char_end=ch.idx + len(ch.text), text=ch.text, value=1.0,
                              qualifier="exact", unit="count")
    return None


def link_money(sv: SentenceView, c: Candidate, figs: list[Figure]) -> Figure | None:
    money = [f for f in figs if f.unit == "currency" or f.currency]
    if not money:
        return None
    for f in money:
        span = _fig_tokens(sv, f)
        if span is None:
            continue
        if _attached(sv, span.root, c.chain_idx, allow_nouns=True):
            return f
    return money[0] if len(money) == 1 else None


def _attached(sv: SentenceView, tok, chain_idx, allow_nouns=True) -> int | None:
    """Steps from tok up to the trigger chain without crossing another clause, or None."""
    t = tok
    for n in range(12):
        if t.i in chain_idx:
            return n
        h = t.head
        if h is t:
            return None
        if h.i in chain_idx:
            return n + 1
        if h.pos_ in ("VERB", "AUX") and t.dep_ not in ("conj",):
            return None
        if not allow_nouns and h.pos_ in ("NOUN", "PROPN"):
            return None
        t = h
    return None


def _date_anchors(sv: SentenceView, c: Candidate) -> dict:
    """Tokens whose date dates this transfer, with a distance: the trigger chain, then the verbs above
    it up to (not including) a reporting verb ("bought drones last month", "today, we are announcing
    that we are providing ..."; not "a US official confirmed on Tuesday")."""
    lex = sv.lex
    anchors = {i: 0 for i in c.chain_idx}
    t = c.trigger.token
    depth = 0
    while t.head is not t and depth < 10:
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("acl", "relcl", "advcl") and t.head.i in sv.tok_party:
            break   # "Northrop, seeking to sell F-5s to Saudi Arabia, hired the firm in 1970": not this clause
        t = t.head
        depth += 1
        if t.pos_ in ("VERB", "AUX"):
            if t.lemma_.lower() in lex.reporting_verbs:
                break
            anchors.setdefault(t.i, depth)
    for i in list(anchors):
        if sv.doc[i].lemma_.lower() in lex.reporting_verbs and i != c.trigger.token.i:
            del anchors[i]
    return anchors


_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Za-z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30})?,\s*"
                       r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
                       r"(?:,\s*\d{4})?\s*(?:\([A-Za-z. ]{2,30}\))?\s*[-\u2013\u2014]", re.M)


def _in_dateline(text: str, d: DateMention) -> bool:
    """'WASHINGTON, March 6 - ...': the dateline dates the story, not the transfer."""
    line_start = text.rfind("\n", 0, d.char_start) + 1
    m = _DATELINE.match(text, line_start)
    return m is not None and d.char_end <= m.end()


def link_date(sv: SentenceView, c: Candidate, dates: list[DateMention]) -> DateMention | None:
    anchors = _date_anchors(sv, c)
    best = None
    for d in dates:
        if d.date_start is None or _in_dateline(sv.text, d):
            continue
        span = token_range(sv.doc, d.char_start, d.char_end)
        if span is None or _dates_the_statement(sv, span, c):
            continue
        t = span.root
        steps = None
        for n in range(12):
            if t.i in anchors:
                steps = n + anchors[t.i]
                break
            h = t.head
            if h is t:
                break
            if h.pos_ in ("VERB", "AUX") and h.i not in anchors and t.dep_ != "conj":
                break
            t = h
        if steps is None:
            continue
        # a stated year beats a year inferred from the publication date ("in either August or after the
        # first shipment in September 1985"), then the closest
        key = (d.date_type == "relative", steps)
        if best is None or key < best[0]:
            best = (key, d)
    return best[1] if best else None


def _dates_the_statement(sv: SentenceView, span, c: Candidate) -> bool:
    """'China said on Monday it had delivered ...', 'officials announced Tuesday that ...': a date right
    after a reporting verb dates the statement, wherever the parser hangs it."""
    j = span.start - 1
    while j >= sv.sent.start and sv.doc[j].lower_ in ("on", "last", "this", "early", "late", "late", ","):
        j -= 1
    if j < sv.sent.start or j == c.trigger.token.i:
        return False
    prev = sv.doc[j]
    return prev.pos_ in ("VERB", "AUX") and prev.lemma_.lower() in sv.lex.reporting_verbs


_PRESENT_BE = {"is", "are", "am", "'s", "'re", "'m"}


def publication_date(sv: SentenceView, c: Candidate, published: dt.date | None) -> DateMention | None:
    """A transfer happening as the text is written has the publication date: the present progressive
    ("my Administration is authorizing", "Germany is sending") or, in a dateline's lead sentence, the
    present perfect ("WASHINGTON, July 15 - The State Department has approved ..."). Anything else
    without a date of its own keeps none."""
    if published is None or c.modality in ("negated", "historical"):
        return None
    # the transfer's own verb, asserted; or the verb acting on a transfer noun ("has approved the potential
    # sale": the approval happened, whatever the sale's modality)
    verbs = [lk.token for lk in c.chain_idx.values() if lk.token.pos_ in ("VERB", "AUX")
             and ((lk.kind == "self" and c.modality == "asserted") or lk.kind == "gov")]
    for v in verbs:
        aux = {ch.lower_ for ch in v.children if ch.dep_ in ("aux", "auxpass")}
        if (v.tag_ == "VBG" and aux & _PRESENT_BE) or (v.tag_ == "VBN" and aux & {"has", "have"} and _dateline_lead(sv)):
            return DateMention(char_start=v.idx, char_end=v.idx + len(v.text), text=v.text, date_start=published,
                               date_end=published, granularity="day", date_type="publication")
    return None


def _dateline_lead(sv: SentenceView) -> bool:
    line_start = sv.text.rfind("\n", 0, sv.sent.start_char) + 1
    m = _DATELINE.match(sv.text, line_start)
    return m is not None and m.end() <= sv.sent.end_char and line_start <= sv.sent.start_char <= m.end()
