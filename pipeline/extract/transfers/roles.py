"""Stage 2b, roles: who supplies and who receives, read off the parse.

A party climbs the parse to the trigger's chain (``attach``); the relation it arrives by (subject,
object, to/for/from/by/with phrase, possessor), the link kind, the trigger's frame and its voice
are looked up in the role table (pipeline/data/transfer_roles.yaml). Coordination, apposition,
"including" lists, party-head nouns ("the Thai government") and container nouns ("a fleet of",
"$84 mln in") are transparent on the way up, so every member of a list gets the list's role.
"""
from __future__ import annotations

from pipeline.extract.transfers.chain import Link
from pipeline.extract.transfers.model import Trigger
from pipeline.extract.transfers.sentence import SUBJ, SentenceView, noun_kind


LIST_PREPS = {"including", "like", "such", "notably", "especially", "among", "plus"}


ROLE_PREPS = {"to", "for", "into", "from", "by", "with", "between", "of", "in", "under", "via", "through", "on"}


def _seller_participle(sv: SentenceView, verb, prep: str | None) -> bool:
    """A participle on a weapon whose preposition names the seller: acquire verb + "from", supply verb + "by"."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.i not in sv.tok_weapon:
        return False
    frames = {e.frame for e in sv.lex.verbs.get(verb.lemma_.lower(), ())}
    return (prep == "from" and "acquire" in frames) or (prep == "by" and "supply" in frames)


def attach(sv: SentenceView, root, chain_idx: dict, max_steps: int = 14):
    """Climb from a party token to the trigger chain. Returns (Link, dep, prep, through_weapon) or None."""
    t = root
    prep = None
    locked = False           # a role preposition inside a weapon phrase ("jets from France") is kept
    through_weapon = False
    sv._last_weapon = None   # the weapon a prepositional party hangs on ("20 Mirage jets from France")
    for _ in range(max_steps):
        h = t.head
        if h is t:
            return None
        d = t.dep_
        if d == "dep" and h.pos_ in ("VERB", "AUX") and t.i < h.i and t.pos_ in ("PROPN", "NOUN") \
                and not any(c.dep_ == "nsubj" and c.i in sv.tok_party for c in h.children):
            d = "nsubj"   # "LONDON, Oct 20 - British Aerospace Plc <BAEL.L> has won": dateline-broken subject
        if h.i in chain_idx:
            if locked and prep is not None:
                d = "prep"   # "helicopters for Norwegian Defence": the preposition inside the object decides
            return chain_idx[h.i], d, prep, through_weapon
        if d in ("conj", "appos", "cc", "punct"):
            t = h
            continue
        if d in ("pobj", "pcomp"):
            w = h.lower_
            if w in LIST_PREPS or (w == "as" and t.dep_ == "pobj" and h.head.lower_ == "such"):
                # "allies including Canada": the list member takes the role of the list head
                t = h.head if h.head is not h else h
                if t.dep_ in ("prep",) and t.head is not t:  # "such as": as <- such <- head
                    t = t.head
                continue
            if not locked:
                prep = w
            t = h
            continue
        if d in ("prep", "agent"):
            if h.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
                kind = noun_kind(sv, h)
                if kind == "party_head" and prep is not None and prep not in ROLE_PREPS:
                    return None           # "countries outside the EU": the EU is not the seller
                if kind == "party_head" and prep == "of":
                    prep = None           # "the armed forces of Ukraine"
                elif kind == "party" and prep == "of":
                    prep = None
                elif kind in ("weapon", "container"):
                    through_weapon = through_weapon or kind == "weapon"
                    if kind == "weapon" and prep is not None and not locked:
                        sv._last_weapon = sv.tok_weapon.get(h.i)
                    locked = prep is not None
                elif kind in ("party", "party_head"):
                    # "shipped to Chad by France": the parser hangs the agent on the recipient
                    locked = locked or prep in ("by", "from")
                else:
                    return None
                t = h
                continue
            if _seller_participle(sv, h, prep):
                # "24 Apache helicopters ordered from the U.S.", "tanks supplied by Poland": the participle on
                # the weapon names the weapon's seller, whatever the sentence's own verb is
                prep, locked, through_weapon = "from", True, True
                sv._last_weapon = sv.tok_weapon[h.head.i]
                t = h.head
                continue
            if h.pos_ == "ADJ" and h.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr") and h.lower_ in (
                    "first", "last", "rest", "remainder", "bulk", "final"):
                t = h      # "the first of 24 helicopters": an adjective standing for the noun
                continue
            if h.lower_ == "worth" and h.dep_ == "amod" and prep is not None:
                t = h      # "a deal worth $5.8 billion with Warsaw": the parser hangs "with" on "worth"
                locked = True   # the preposition, not the "worth" modifier, gives the role
                continue
            return None
        if d in ("poss", "compound", "amod", "nmod", "npadvmod", "nummod", "det"):
            if h.pos_ in ("NOUN", "PROPN"):
                kind = noun_kind(sv, h)
                if kind in ("party_head", "party"):
                    t = h
                    continue
                if kind == "other" and d == "compound" and h.pos_ == "PROPN":
                    t = h         # the rest of a name: "British Aerospace Plc"
                    continue
                if kind == "weapon" and d == "poss":
                    through_weapon = True
                    t = h
                    continue
                if kind == "weapon" and d in ("compound", "nmod") and t.i == root.i and root.i in sv.tok_party:
                    p = sv.tok_party[root.i]
                    verb = sv.doc[p.start - 1] if p.start > 0 else None
                    if verb is not None and verb.i in chain_idx and chain_idx[verb.i].kind == "self":
                        return chain_idx[verb.i], "dative", None, False   # "has given Ukraine HIMARS launchers"
            return None
        return None
    return None


def _self_role(trig: Trigger, d: str, prep: str | None, passive: bool) -> str | None:
    frame, kind = trig.frame, trig.kind
    agent_noun = trig.entry.agent
    if prep is None and d in ("pobj",):
        return None
    if frame == "produce":
        if d in SUBJ and not passive or prep == "in" or (passive and prep == "by"):
            return "R"
        if prep in ("from", "with"):
            return "S"     # "under licence from", "build the jets with Dassault"
        return None
    if kind in ("verb", "possession") or (kind == "license" and trig.token.pos_ == "VERB"):
        if frame in ("supply", "license"):
            if passive:
                if d in ("nsubjpass",):
                    return "R"
                if prep == "by" or d == "agent":
                    return "S"
            else:
                if d in SUBJ:
                    return "S"
                if d in ("dobj", "dative", "iobj"):
                    return "R"
                if prep == "by":
                    return None
            if prep in ("to", "for", "into"):
                return "R"
            if prep in ("from", "through", "via"):
                return "S"   # an intermediary that sells is the supplier: "sell arms through Israel"
            return None
        if frame in ("acquire", "possession"):
            if passive:
                if prep == "by" or d == "agent":
                    return "R"
            elif d in SUBJ:
                return "R"
            if prep == "for" and frame == "acquire" and d == "prep":
                return "RB"   # "an initiative to buy 800,000 shells for Ukraine": bought on behalf of Ukraine
            if prep == "from":
                return "S"
            if prep == "with" and frame == "acquire":
                return "S"
            if prep == "on" and trig.entry.particle == "on":
                return "S"   # "Egypt relies on Russia for its fighter jets"
            if d in ("dobj", "dative") and not passive and trig.token.lemma_.lower() in ("ask", "request", "petition", "press"):
                return "S"   # "Kyiv has asked Germany for more Patriot batteries"
            return None
    # nouns
    if prep in ("to", "for", "into") and d in ("prep",):
        if agent_noun and trig.frame == "acquire":
            return None
        return "R" if frame != "license" or prep != "to" else "R"
    if prep == "from" and d == "prep":
        if _won_by_supplier(trig):
            return "R"   # "Embraer has won an order for 12 Tucanos from the Egyptian air force"
        return "S"
    if frame == "supply":
        if agent_noun:
            if d == "poss" or prep == "of":
                return "R"
            if d in ("compound", "amod", "nmod"):
                return "S"
            return None
        if d in ("poss", "compound", "amod", "nmod"):
            return "S"
        if prep in ("by", "of"):
            return "S"
        return None
    if frame == "acquire":
        if agent_noun:
            if d == "poss" or prep == "of":
                return "S"
            if d in ("compound", "amod", "nmod"):
                return "R"
            return None
        if d in ("poss", "compound", "amod", "nmod") or prep in ("by", "of"):
            return "R"
        if prep == "with":
            return "S"
        return None
    if frame == "neutral":
        if d in ("poss", "compound", "amod", "nmod") or prep == "by":
            return "A"
        if prep in ("with", "between"):
            return "B"
        return None
    if frame == "aid":
        if d == "poss" or prep == "by":
            return "S"
        if d in ("compound", "amod", "nmod"):
            return "A"
        return None
    if frame == "license":
        if prep in ("in",):
            return "R"
        if d in ("poss", "compound", "amod", "nmod"):
            return "R"
        return None
    return None


def _won_by_supplier(trig: Trigger) -> bool:
    tok = trig.token
    return trig.kind == "noun" and trig.frame in ("acquire", "neutral") and tok.dep_ in ("dobj",) and \
        tok.head.lemma_.lower() in ("win", "secure", "land", "receive", "get", "obtain", "clinch", "bag")


def _first_role(trig: Trigger) -> str | None:
    if trig.frame == "supply":
        return "R" if trig.entry.agent else "S"
    if trig.frame in ("acquire", "possession"):
        return "S" if trig.entry.agent else "R"
    if trig.frame == "license":
        return "R"
    return "A"


def _opposite(role):
    return {"S": "R", "R": "S", "A": "B", "B": "A"}.get(role)


def role_for(trig: Trigger, link: Link, d: str, prep: str | None, through_weapon: bool, passive: bool):
    if through_weapon and prep is None:
        return None          # "Iran's missiles": the holder, not a party of this trigger
    if link.kind == "self":
        return _self_role(trig, d, prep, passive)
    if link.kind in ("subj_control",):
        if d in SUBJ:
            if trig.kind == "noun":
                return _first_role(trig)
            return _self_role(trig, "nsubj", None, False) if not passive else None
        if trig.frame == "produce" and d == "prep" and prep == "with":
            return "S"     # "cooperate with the U.S. to develop ..."
        return None
    if link.kind == "obj_control":
        if d in SUBJ and (link.spec or {}).get("requester") and trig.frame == "supply":
            return "R"   # "the Saudi government had approached six countries to supply submarines"
        if d in SUBJ and (link.spec or {}).get("beneficiary") and trig.frame == "supply":
            return "R2"  # "Ukraine's defence minister thanked Denmark for donating": unless a recipient is named
        if d in ("dobj", "dative") or (d == "prep" and prep == "to" and link.token.pos_ == "ADJ"):
            return _self_role(trig, "nsubj", None, False) if trig.kind != "noun" else _first_role(trig)
        return None
    if link.kind == "noun_host":
        if d in ("poss", "compound", "amod"):
            return _self_role(trig, "nsubj", None, False) if trig.kind != "noun" else _first_role(trig)
        if d == "prep" and prep in ("with", "from", "to", "for", "between"):
            if trig.kind == "noun":
                return _self_role(trig, "prep", prep, False)
            if prep in ("with", "between"):
                return "S" if trig.frame == "acquire" else ("R" if trig.frame == "supply" else None)
            return _self_role(trig, "prep", prep, False)
        return None
    if link.kind == "gov":
        spec = link.spec or {}
        subj = spec.get("subject", "none") if spec else "none"
        if spec.get("stage") in ("denied", "cancelled") and trig.kind == "noun" and trig.entry.stage == "requested":
            subj = "supplier"     # "West Germany has refused an Iraqi request for Leopard tanks"
        if subj == "share":
            held = any(c.dep_ == "poss" for c in trig.token.children)
            subj_role = _opposite(_first_role(trig)) if held else _first_role(trig)
        elif subj == "first":
            subj_role = _first_role(trig)
        elif subj == "supplier":
            subj_role = "S"
        elif subj == "recipient":
            subj_role = "R"
        else:
            subj_role = None
        if d in ("nsubj",):
            return subj_role
        if d in ("dative", "dobj") and spec.get("object") == "none":
            return None                # "notified Congress of the sale": told, not a party to it
        if d in ("dative", "dobj") and spec.get("object") == "first":
            return _first_role(trig)   # "congratulated Argentina on the purchase of F-16s"
        if d in ("dative", "dobj") and subj_role is not None:
            return _opposite(subj_role)
        if d == "prep" and prep:
            if prep in ("with", "between"):
                return "B" if trig.frame in ("neutral", "aid") else ("S" if trig.frame == "acquire" else None)
            if prep in ("to", "for", "into") or (prep == "in" and spec.get("arrival")):
                return "R"
            if prep == "from":
                return "S"
            if prep == "by" and subj_role:
                return subj_role
        return None
    if link.kind == "giver":
        return "S" if d in SUBJ else None
    if link.kind == "copula":
        if d in SUBJ:
            if trig.entry.agent:   # "Moscow is a major arms supplier to Iraq", "India is the third buyer"
                return "S" if trig.frame == "supply" else "R"
            return _first_role(trig)
        return None
    return None
