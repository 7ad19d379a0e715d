"""Stage 2d, roles from the surface when the parse leaves one empty.

The small parser often attaches a prepositional party to the wrong word ("questioned the export of
drones to Taipei by Ankara": both phrases hang on "questioned"), or misreads a subject ("Canberra
imports radar systems" as one noun phrase). Prepositions are reliable surface markers, so a role the
parse left empty is filled from the trigger's own stretch of the sentence: "to/for X" and "from/by X"
read through the same role table as a phrase on the trigger itself, and a party right before a verb
trigger is its subject. Only parties no other role took, only within the trigger's clause.
"""
from __future__ import annotations

from pipeline.extract.transfers.chain import Link
from pipeline.extract.transfers.coordination import party_list_after
from pipeline.extract.transfers.model import Candidate, Party
from pipeline.extract.transfers.roles import Arrival, attach, lookup_role, role_for
from pipeline.extract.transfers.sentence import SentenceView, group_noun_before

# words that open another clause: the trigger's stretch ends there
_CLAUSE_OPENERS = {"which", "who", "whom", "whose", "while", "whereas", "but", "although", "though", "despite",
                   "because", "after", "before", "since", "when", "amid", "as", "if", "unless", "whether", ";",
                   "that", "said", "says", "according"}
# a preposition after one of these is not the trigger's ("according to", "close to", "next to")
_NOT_ROLE_AFTER = {"according", "due", "thanks", "close", "next", "compared", "similar", "near", "prior", "opposed",
                   "addition", "contrast", "response", "relation", "reference", "contrary", "ahead", "apart"}
# the prepositions that mark a party's role unambiguously on the surface ("of" and "with" do not:
# "the training of Ukrainian pilots", "talks with France")
_ROLE_MARKERS = {"to", "for", "into", "from", "by", "via", "through"}
_SKIP_BEFORE_PARTY = {"the", "both", "a", "an", "either", "neighbouring", "neighboring", "fellow", "its", "their"}
# between a subject and its verb: auxiliaries, adverbs and floating quantifiers ("each", "all")
_BETWEEN_SUBJECT_AND_VERB = {"each", "all", "both", "also", "has", "have", "had", "will", "would", "could", "may",
                             "might", "is", "are", "was", "were", "be", "been", "recently", "finally", "already",
                             "now", "jointly", "reportedly", "officially", "then", "later", "last", "this", "week",
                             "month", "year", "not", "never", "'s", "just", "quietly", "formally", "separately"}


def fill_roles_from_surface(sv: SentenceView, c: Candidate, taken: set):
    """Add the parties the trigger's stretch marks by a preposition ("to X", "from Y") that the parse left
    out, and a subject right before a verb trigger when its role is still empty."""
    if not c.weapons or c.trigger.frame in ("possession", "produce"):
        return
    tok = c.trigger.token
    passive = c.passive
    used = taken | {id(p) for p in c.suppliers + c.recipients} | {id(o) for w in c.weapons for o in w.origins}
    used |= {id(p) for p in sv.parties if p.key in {q.key for q in c.suppliers + c.recipients}}
    found: dict[str, list[Party]] = {"S": [], "R": []}
    for p in _stretch_parties(sv, tok.i, c):
        if id(p) in used:
            continue
        prep = _preposition_before(sv, p)
        if prep is None:
            continue
        role = lookup_role("self", c.trigger, Arrival(Link(tok, "self"), "prep", prep, False), passive)
        if role in found:
            for q in [p] + party_list_after(sv, p):
                if id(q) not in used:
                    found[role].append(q)
                    used.add(id(q))
    if c.trigger.kind == "verb" and not passive:
        subject = _subject_before(sv, tok.i)
        if subject and not any(id(p) in used for p in subject):
            role = lookup_role("self", c.trigger, Arrival(Link(tok, "self"), "nsubj", None, False), False)
            if role in found and not found[role] and not (c.suppliers if role == "S" else c.recipients):
                found[role] = subject
    c.suppliers = c.suppliers + found["S"]
    c.recipients = c.recipients + [p for p in found["R"] if p not in c.suppliers]


def _stretch_parties(sv: SentenceView, start: int, c: Candidate) -> list[Party]:
    """Parties after the trigger, before the next clause opener or another verb outside the chain."""
    out = []
    weapon_toks = sv.tok_weapon
    for i in range(start + 1, sv.sent.end):
        t = sv.doc[i]
        if t.lower_ in _CLAUSE_OPENERS and i not in weapon_toks:
            break
        if t.pos_ in ("VERB", "AUX") and i not in c.chain_idx and i not in weapon_toks:
            break       # another verb: another clause ("..., made by Vickers", "... may translate into China")
        if t.dep_ == "cc" and t.head.i not in sv.tok_party and t.head.i not in weapon_toks:
            break       # "the arms sales and the diversion of profits to the contras": another conjunct
        p = sv.tok_party.get(i)
        if p is not None and p.start == i and not p.pronoun:
            out.append(p)
    return out


def _preposition_before(sv: SentenceView, p: Party) -> str | None:
    j = p.start - 1
    while j >= sv.sent.start and sv.doc[j].lower_ in _SKIP_BEFORE_PARTY:
        j -= 1
    if j < sv.sent.start:
        return None
    prep = sv.doc[j]
    if prep.lower_ not in _ROLE_MARKERS or (j > sv.sent.start and sv.doc[j - 1].lower_ in _NOT_ROLE_AFTER):
        return None
    return prep.lower_


def _subject_before(sv: SentenceView, trig_i: int) -> list[Party]:
    """'Qatar, Indonesia and the Philippines each purchased ...': the party list ending right before the
    verb, over auxiliaries, adverbs and floating quantifiers."""
    j = trig_i - 1
    while j >= sv.sent.start and sv.doc[j].lower_ != "to" and (
            sv.doc[j].lower_ in _BETWEEN_SUBJECT_AND_VERB or sv.doc[j].dep_ in ("aux", "neg")):
        j -= 1
    p = sv.tok_party.get(j)
    if p is None or p.pronoun or p.end - 1 != j:
        return []
    # the list that ends with p: walk back to its first member
    firsts = [q for q in sv.parties if not q.pronoun and q.start < p.start and p in party_list_after(sv, q)]
    head = min(firsts, key=lambda q: q.start) if firsts else p
    if _preposition_before(sv, head) is not None:
        return []       # "turned to Iran and North Korea to buy": the object of a preposition
    members = [head] + party_list_after(sv, head)
    return members[:members.index(p) + 1] if p in members else [p]


_LIST_OPENERS = (("among", "them"), ("among", "those"), ("among", "whom"), ("including",), ("such", "as"))
_OPENER_WORDS = frozenset(w for opener in _LIST_OPENERS for w in opener)


def fill_listed_members(sv: SentenceView, c: Candidate, taken: set):
    """'Dozens of governments have sent weapons to Cairo since the conflict began, among them South Korea
    and Sweden': states listed after 'among them'/'including' that no role took are members of the
    clause's group noun ("governments") and take its role; "dozens of governments" alone gives no row."""
    if not c.weapons or _OPENER_WORDS.isdisjoint(sv.lows):
        return
    used = taken | {id(p) for p in c.suppliers + c.recipients}
    for p in sv.parties:
        if id(p) in used or p.pronoun or p.label != "COUNTRY" or not p.iso3 or not _after_list_opener(sv, p.start):
            continue
        group = group_noun_before(sv, p.start)
        att = attach(sv, group, c.chain_idx) if group is not None else None
        if att is None:
            continue
        link, dep, prep, through_weapon, _ = att
        role = role_for(c.trigger, link, dep, prep, through_weapon, c.passive)
        members = [q for q in [p] + party_list_after(sv, p) if id(q) not in used]
        if role == "S":
            c.suppliers = c.suppliers + members
        elif role == "R":
            c.recipients = c.recipients + members
        used |= {id(q) for q in members}


def _after_list_opener(sv: SentenceView, start: int) -> bool:
    rel = start - sv.sent.start
    return any(rel >= len(opener) and tuple(sv.lows[rel - len(opener):rel]) == opener for opener in _LIST_OPENERS)

