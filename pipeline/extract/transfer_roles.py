"""Roles from the dependency parse: who supplies, who receives, which weapons, for one trigger.

A trigger owns a *chain* of tokens whose arguments count as its own: the trigger itself,
the verbs that control its subject ("agreed to buy", "directed the Pentagon to provide"),
the noun hosting an infinitive ("a contract to supply", "Russia's plan to buy") and, for a
noun trigger, the verb governing it ("approved the sale", "signed a deal"). A party's role
comes from the relation by which it reaches that chain (subject, object, to/for/from/by/with
phrase, possessor), read against the trigger's frame (supply, acquire, neutral, aid, license)
and voice. Coordination, apposition, "including" lists, party-head nouns ("the Thai
government") and container nouns ("a fleet of", "$84 mln in") are transparent on the way up.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.transfer_parse import SentenceView, Trigger, Weapon

LIST_PREPS = {"including", "like", "such", "notably", "especially", "among", "plus"}
ROLE_PREPS = {"to", "for", "into", "from", "by", "with", "between", "of", "in", "under", "via", "through", "on"}
SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
RELATIVE = {"which", "that", "who", "whom"}
REFLEXIVE = {"itself", "themselves", "himself", "herself", "ourselves"}


@dataclass
class Link:
    token: object
    kind: str          # self, subj_control, obj_control, noun_host, gov, copula
    spec: dict | None = None


def is_passive(tok, sv: SentenceView | None = None) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return True
    if tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children) and not any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children):
        return True   # "Weapons shipped into Jordan by the CIA were stolen": a reduced relative misparsed
    if sv is not None and tok.tag_ == "VBN" and any(
            c.dep_ == "nsubj" and c.i in sv.tok_weapon for c in tok.children) and not any(
            c.dep_ == "aux" for c in tok.children):
        return True
    # reduced relative: "missiles sold to Iran", "weapons shipped into Jordan"
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod", "relcl") and not any(
        c.dep_ in ("aux",) for c in tok.children)


def _subject_control_chain(sv: SentenceView, start, chain: list, depth: int = 0):
    lex = sv.lex
    cur = start
    for _ in range(5):
        d, h = cur.dep_, cur.head
        if h is cur:
            return
        if d == "xcomp" or (d == "conj" and h.pos_ in ("VERB", "AUX")) or (
                d == "ccomp" and h.lemma_.lower() in lex.embedding_verbs and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)):
            spec = lex.embedding_verbs.get(h.lemma_.lower(), {})
            kind = "obj_control" if spec.get("object_control") and any(
                c.dep_ in ("dobj", "dative") for c in h.children) else "subj_control"
            chain.append(Link(h, kind, spec))
            cur = h
            continue
        if d in ("acl", "relcl") and h.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            # "a contract to supply", "Russia's plan to buy": the host noun and its governor
            chain.append(Link(h, "noun_host", None))
            if h.dep_ in ("dobj", "attr", "oprd", "pobj") and depth < 2:
                gov = h.head if h.dep_ != "pobj" else h.head.head
                if gov.pos_ in ("VERB", "AUX"):
                    chain.append(Link(gov, "subj_control", lex.embedding_verbs.get(gov.lemma_.lower(), {})))
                    _subject_control_chain(sv, gov, chain, depth + 1)
            return
        if d == "pcomp" and cur.tag_ == "VBG" and not any(c.dep_ in SUBJ for c in cur.children):
            # "are in the process of donating", "committed to providing", "responsible for supplying"
            up = h.head if h.dep_ == "prep" else None
            if up is not None and up.pos_ == "NOUN" and (up.lemma_.lower() in lex.host_nouns
                                                         or up.lower_ in lex.host_nouns):
                # "halted talks with the United States on buying F-35 jets"
                chain.append(Link(up, "noun_host", None))
                g = up.head if up.dep_ != "pobj" else up.head.head   # "are in the process of donating"
                if up.dep_ in ("dobj", "attr", "nsubjpass", "pobj") and g.pos_ in ("VERB", "AUX"):
                    chain.append(Link(g, "subj_control", lex.embedding_verbs.get(g.lemma_.lower()) or
                                      lex.noun_governors.get(g.lemma_.lower()) or {}))
                    _subject_control_chain(sv, g, chain, depth + 1)
                return
            hops = 0
            while up is not None and up.pos_ in ("NOUN",) and up.dep_ == "pobj" and hops < 2:
                up = up.head.head
                hops += 1
            if up is not None and up.lemma_ == "be" and hops == 0:
                adj = next((c for c in up.children if c.dep_ == "acomp" and any(
                    g.dep_ == "prep" and g.lower_ == "to" for g in c.children)), None)
                if adj is not None:   # "We are grateful to Belgium and Norway for committing to provide"
                    chain.append(Link(adj, "obj_control", {}))
                    return
            if up is not None and up.pos_ in ("VERB", "AUX", "ADJ"):
                # "accused North Korea of sending arms", "thanked Germany for providing": the object
                # controls the gerund; "are in the process of donating": the subject does
                # "blocked Germany from exporting ammunition to Ukraine": the object is the would-be supplier
                kind = "obj_control" if hops == 0 and h.lower_ in ("of", "for", "to", "from") and (any(
                    c.dep_ in ("dobj",) for c in up.children) or (
                    up.pos_ == "ADJ" and any(c.dep_ == "prep" and c.lower_ == "to" for c in up.children))) \
                    else "subj_control"   # "grateful to Belgium and Norway for committing to provide"
                spec = {} if up.lemma_ == "be" else lex.embedding_verbs.get(up.lemma_.lower(), {})
                chain.append(Link(up, kind, spec))
                cur = up
                if kind == "obj_control":
                    return
                continue
            return
        if d == "advcl" and (any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children) or (
                cur.tag_ == "VBG" and not any(c.dep_ == "mark" for c in cur.children))) \
                and not any(c.dep_ in SUBJ for c in cur.children):
            # "Russia turned to Iran to buy drones"; "..., providing Ukraine with hundreds of interceptors"
            chain.append(Link(h, "subj_control", {}))
            cur = h
            continue
        return


def build_chain(sv: SentenceView, trig: Trigger) -> list[Link]:
    tok = trig.token
    chain = [Link(tok, "self")]
    lex = sv.lex
    if trig.frame == "produce":
        # the giver of the permission: "it has given preliminary approval for Egypt to produce"
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
            head = tok.head
            giver = head.head if head.pos_ in ("NOUN", "PROPN") else head
            if giver.pos_ in ("VERB", "AUX") and giver.i != tok.i:
                chain.append(Link(giver, "giver", None))
        elif not any(c.dep_ in SUBJ for c in tok.children):
            _subject_control_chain(sv, tok, chain)     # "Japan has decided to cooperate with the U.S. to develop"
            if tok.dep_ == "advcl" and tok.head.i not in {lk.token.i for lk in chain}:
                chain.append(Link(tok.head, "subj_control", {}))
                _subject_control_chain(sv, tok.head, chain)
        return chain
    if trig.kind in ("verb", "possession") or (trig.kind == "license" and tok.pos_ == "VERB"):
        if not any(c.dep_ in SUBJ for c in tok.children):
            _subject_control_chain(sv, tok, chain)
        return chain
    # nouns (and "under licence"): the governing verb or host noun
    d, h = tok.dep_, tok.head
    for _ in range(4):
        if d == "conj" and h.pos_ in ("NOUN", "PROPN"):
            d, h = h.dep_, h.head
    for _ in range(2):
        # "$800 million in weapons, ammunition and other security assistance": through the amount
        if d == "pobj" and h.dep_ == "prep" and h.lower_ in ("in", "of", "worth") and \
                _noun_kind(sv, h.head) == "container" and h.head.i not in sv.tok_weapon:
            amount = h.head
            chain.append(Link(amount, "noun_host", None))
            d, h = amount.dep_, amount.head
        else:
            break
    if d in ("dobj", "attr", "oprd", "nsubjpass", "dative", "appos") and h.pos_ in ("VERB", "AUX"):
        chain.append(Link(h, "gov", lex.noun_governors.get(h.lemma_.lower())))
        if d == "attr" and h.lemma_.lower() in ("be", "become", "remain"):
            chain[-1] = Link(h, "copula", None)
        if not any(c.dep_ in SUBJ for c in h.children):
            _subject_control_chain(sv, h, chain)
    elif d == "pobj" and h.dep_ in ("prep", "agent"):
        host = h.head
        if host.pos_ in ("VERB", "AUX") and h.lower_ == "as" and trig.entry.agent:
            # "France overtook Russia as the second-largest arms supplier to India": the subject is the agent
            chain.append(Link(host, "copula", None))
        elif host.pos_ in ("VERB", "AUX"):
            chain.append(Link(host, "gov", lex.noun_governors.get(host.lemma_.lower()) or
                              ({"stage": "licensed", "subject": "recipient"} if trig.kind == "license" else None)))
            if not any(c.dep_ in SUBJ for c in host.children):
                _subject_control_chain(sv, host, chain)
        elif host.pos_ in ("NOUN", "PROPN") and host.i not in sv.tok_weapon and host.i not in sv.tok_party:
            # "talks on the sale", "approval of the purchase", "a contract for the purchase"
            chain.append(Link(host, "noun_host", None))
            if host.dep_ in ("dobj", "attr", "oprd") and host.head.pos_ in ("VERB", "AUX"):
                g = host.head
                spec = lex.noun_governors.get(g.lemma_.lower())
                if spec is None and host.lemma_.lower() in lex.host_nouns:
                    spec = {"subject": "first"}   # "play a role in the provision of", "made efforts toward the sale"
                chain.append(Link(g, "gov", spec))
                if not any(c.dep_ in SUBJ for c in g.children):
                    _subject_control_chain(sv, g, chain)
    elif d == "nsubj" and h.pos_ == "VERB" and (lex.noun_governors.get(h.lemma_.lower()) or {}).get("arrival"):
        chain.append(Link(h, "gov", lex.noun_governors[h.lemma_.lower()]))   # "the shipment arrived in Russia"
    elif d == "appos" and h.i in sv.tok_party:
        chain.append(Link(h, "appos_party", None))
    elif d in ("nsubj",) and h.pos_ in ("VERB", "AUX") and h.lemma_.lower() in lex.include_verbs:
        pass
    return chain


# ---------------------------------------------------------------- party attachment
def _noun_kind(sv: SentenceView, tok) -> str:
    if tok.i in sv.tok_party:
        return "party"
    if tok.i in sv.tok_weapon:
        return "weapon"
    low = tok.lower_
    lemma = tok.lemma_.lower()
    if low in sv.lex.party_head_nouns or lemma in sv.lex.party_head_nouns:
        return "party_head"
    if low in sv.lex.nonstate_heads or lemma in sv.lex.nonstate_heads:
        return "party_head"
    if low in sv.lex.container_nouns or lemma in sv.lex.container_nouns or tok.like_num or tok.pos_ == "NUM" \
            or tok.tag_ == "$":
        return "container"
    return "other"


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
                kind = _noun_kind(sv, h)
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
                kind = _noun_kind(sv, h)
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


# ---------------------------------------------------------------- role tables
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


# ---------------------------------------------------------------- weapons
def weapon_attaches(sv: SentenceView, w: Weapon, chain_idx: dict, trig: Trigger) -> bool:
    lex = sv.lex
    t = w.root
    for _ in range(14):
        h = t.head
        if h is t:
            return False
        if h.i in chain_idx:
            link = chain_idx[h.i]
            if link.kind == "self":
                return True
            if link.kind in ("noun_host",):
                return t.dep_ in ("prep",) and t.lower_ in ("for", "of")
            if link.kind == "gov":
                # "built the F-16 under licence": the object of the production verb
                if trig.kind == "license" and t.dep_ in ("dobj", "nsubjpass"):
                    return True
                # "signed a contract with Hanwha for 152 K9 howitzers": the parser hangs "for" on the verb
                if t.dep_ == "prep" and t.lower_ == "for" and trig.token.dep_ == "dobj" \
                        and trig.frame in ("neutral", "acquire"):
                    return True
                # "approved the sale to Poland of 96 Apache helicopters": the parser hangs "of" on the verb,
                # or on the recipient whose "to" it hangs on the verb
                if t.dep_ == "prep" and t.lower_ in ("of", "to") and trig.token.dep_ == "dobj" and trig.kind == "noun" \
                        and trig.token.i < t.i:
                    return True
                # "signed a deal ... for F-16s"; objects of the governor belong to the noun trigger only
                # when the noun is not the object itself
                return t.dep_ in ("dobj",) and trig.token.dep_ != "dobj" and h.lemma_.lower() in lex.include_verbs
            return False
        if h.pos_ in ("VERB", "AUX") and h.dep_ != "prep":
            lemma = h.lemma_.lower()
            # "the deal also includes ammunition", "a package which includes HIMARS"
            if lemma in lex.include_verbs and t.dep_ in ("dobj", "attr", "prep"):
                subj = [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
                if any(s.i == trig.token.i or s.i in chain_idx for s in subj):
                    return True
                if h.dep_ in ("relcl", "acl"):
                    # "a package for Ukraine, which includes ...": the relative clause may hang on the
                    # object of the trigger's own preposition
                    n = h.head
                    for _ in range(3):
                        if n.i == trig.token.i or n.i in chain_idx:
                            return True
                        if n.dep_ not in ("pobj", "prep") or n.head is n:
                            break
                        n = n.head
                return False
            # "a deal with France to build it 12 submarines": the production verb of a deal noun
            if lemma in lex.production_verbs and t.dep_ in ("dobj", "dative") and h.dep_ in ("acl", "relcl") \
                    and (h.head.i == trig.token.i or h.head.i in chain_idx) and trig.kind in ("noun", "license"):
                return True
            return False
        if h.i in sv.tok_party and t.dep_ not in ("conj", "appos") and not (
                t.dep_ == "prep" and (t.lower_ in LIST_PREPS or t.lower_ == "of")):
            return False      # ("the sale to Iraq of Exocet missiles": "of" hung on the recipient passes)
        if t.dep_ == "pobj" and h.dep_ in ("prep",):
            # a weapon in a prepositional phrase of another weapon ("engines for the vessels") is a modifier
            up = h.head
            if up.i in sv.tok_weapon and up.i not in chain_idx and h.lower_ not in ("of", "including", "like", "as") \
                    and not (sv.tok_weapon[up.i].bound and sv.tok_weapon[up.i].category in ("other", "unspecified")):
                return False   # "engines for the vessels"; but "parts for F-16s" names the system
            if up.pos_ in ("NOUN", "PROPN") and up.i not in chain_idx and up.i not in sv.tok_weapon:
                if _noun_kind(sv, up) == "other" and not _is_trigger_noun(sv, up):
                    return False
        t = h
    return False


def _is_trigger_noun(sv: SentenceView, tok) -> bool:
    return any(t.token.i == tok.i for t in sv.triggers)


def weapon_at(sv: SentenceView, tok) -> Weapon | None:
    """The weapon a noun stands for: the weapon itself, or a head noun over a weapon compound
    ("Patriot batteries" when only "Patriot" is tagged)."""
    if tok.i in sv.tok_weapon:
        return sv.tok_weapon[tok.i]
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.i in sv.tok_weapon and c.i < tok.i:
                return sv.tok_weapon[c.i]
    return None


def triggers_of_weapon_head(sv: SentenceView, trig: Trigger) -> list[Weapon]:
    """Weapons the trigger modifies: 'drones which Iran sold', 'missiles sold to Iran', 'newly acquired missiles'."""
    tok = trig.token
    out = []
    if tok.dep_ in ("relcl", "acl", "amod"):
        w = weapon_at(sv, tok.head)
        if w is not None:
            out.append(w)
            out.extend(conjunct_weapons(sv, w))
    return out


def conjunct_weapons(sv: SentenceView, w: Weapon) -> list[Weapon]:
    out = []
    for c in w.root.conjuncts:
        if c.i in sv.tok_weapon and sv.tok_weapon[c.i] is not w:
            out.append(sv.tok_weapon[c.i])
    return out
