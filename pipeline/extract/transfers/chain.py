"""Stage 2a, the trigger's chain: the tokens whose arguments count as the trigger's own.

The trigger itself, the verbs that control its subject ("agreed to buy", "directed the Pentagon to
provide"), the noun hosting an infinitive ("a contract to supply", "Russia's plan to buy") and, for a
noun trigger, the verb governing it ("approved the sale", "signed a deal"). Each link has a kind that
the role table (pipeline/data/transfer_roles.yaml) is keyed on.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract.transfers.model import Trigger
from pipeline.extract.transfers.sentence import SUBJ, SentenceView, noun_kind

# floating quantifiers and adverbs that may stand between "have" and its participle ("have each sent")
_PERFECT_GAP = {"each", "all", "both", "also", "already", "now", "since", "jointly", "separately", "recently",
                "reportedly", "not", "never", "just", "together", "collectively"}


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
    # reduced relative: "missiles sold to Iran", "weapons shipped into Jordan"; a clause with its own
    # subject is active ("the jets, which the United States sold to Japan")
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod", "relcl") and not any(
        c.dep_ in ("aux", "nsubj") for c in tok.children) and not _perfect_on_surface(tok)


def _perfect_on_surface(tok) -> bool:
    """'Germany and Norway have each sent howitzers': the parser reads 'sent' as an adjective on the
    object, but a participle right after a form of 'have' is an active perfect."""
    j = tok.i - 1
    while j >= tok.sent.start and tok.doc[j].lower_ in _PERFECT_GAP:
        j -= 1
    return j >= tok.sent.start and j < tok.i - 1 and tok.doc[j].lemma_.lower() == "have"


# participles that describe the object they precede ("used frigates"), which the parser makes a second verb
_OBJECT_PARTICIPLES = {"used", "refurbished", "upgraded", "decommissioned", "retired", "modernised", "modernized"}


def is_object_participle(tok) -> bool:
    """'bought used frigates from Britain': 'used' right after the transfer verb, parsed as its own verb."""
    return tok.i > tok.sent.start and tok.lower_ in _OBJECT_PARTICIPLES and tok.tag_ in ("VBD", "VBN") \
        and tok.head.i == tok.i - 1 and tok.dep_ in ("advcl", "xcomp", "conj", "ccomp", "dobj")


def is_perfect_auxiliary(tok) -> bool:
    """The 'have' of 'have each sent' even when the parser made it the main verb: not possession."""
    j = tok.i + 1
    while j < tok.sent.end and tok.doc[j].lower_ in _PERFECT_GAP:
        j += 1
    return j > tok.i + 1 and j < tok.sent.end and tok.doc[j].tag_ == "VBN"


def _has_to(tok) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _subject_control_chain(sv: SentenceView, start, chain: list, depth: int = 0):
    """Climb from a verb to the verbs and nouns that give it its subject, appending their links."""
    lex = sv.lex
    cur = start
    for _ in range(5):
        d, h = cur.dep_, cur.head
        if h is cur:
            return
        if d == "xcomp" or (d == "conj" and h.pos_ in ("VERB", "AUX")) or (
                d == "ccomp" and h.lemma_.lower() in lex.embedding_verbs and _has_to(cur)):
            # "agreed to buy", "directed the Pentagon to provide" (the object controls)
            spec = lex.embedding_verbs.get(h.lemma_.lower(), {})
            kind = "obj_control" if spec.get("object_control") and any(
                c.dep_ in ("dobj", "dative") for c in h.children) else "subj_control"
            chain.append(Link(h, kind, spec))
            cur = h
        elif d in ("acl", "relcl") and h.pos_ in ("NOUN", "PROPN") and _has_to(cur):
            _infinitive_host(sv, h, chain, depth)    # "a contract to supply", "Russia's plan to buy"
            return
        elif d == "pcomp" and cur.tag_ == "VBG" and not any(c.dep_ in SUBJ for c in cur.children):
            cur = _gerund_governor(sv, cur, chain, depth)  # "committed to providing", "thanked X for donating"
            if cur is None:
                return
        elif d == "advcl" and (_has_to(cur) or (cur.tag_ == "VBG" and not any(c.dep_ == "mark" for c in cur.children))
                               or any(c.dep_ == "aux" and c.lower_ == "having" for c in cur.children)) \
                and not any(c.dep_ in SUBJ for c in cur.children):
            # "Russia turned to Iran to buy drones"; "..., providing Ukraine with hundreds of interceptors";
            # "Having relied on Berlin for its equipment, the UAE ..." (a participle is its own event: it takes
            # the subject, not the stage - "pulled out of the purchase, opting for Rafale jets instead")
            chain.append(Link(h, "subj_control", {"participle": True} if cur.tag_ == "VBG" else {}))
            cur = h
        elif d == "advcl" and _agentless_purpose_passive(cur) and chain and chain[-1].token is cur:
            # "S will re-route the shipments so they are delivered to R, providing R with ...": the purpose
            # clause names no agent of its own, so the participle's doer is the main clause's subject
            chain.append(Link(h, "subj_control", {"participle": True}))
            cur = h
        else:
            return


def _agentless_purpose_passive(tok) -> bool:
    """'so they are delivered to R': a passive purpose clause with no 'by' agent."""
    return (any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children)
            and any(c.dep_ == "mark" and c.lower_ in ("so", "that") for c in tok.children))


def _infinitive_host(sv: SentenceView, host, chain: list, depth: int):
    """The noun hosting an infinitive, and the verb governing that noun ("signed a contract to supply")."""
    chain.append(Link(host, "noun_host", None))
    if host.dep_ in ("dobj", "attr", "oprd", "pobj") and depth < 2:
        gov = host.head if host.dep_ != "pobj" else host.head.head
        if gov.pos_ in ("VERB", "AUX"):
            chain.append(Link(gov, "subj_control", sv.lex.embedding_verbs.get(gov.lemma_.lower(), {})))
            _subject_control_chain(sv, gov, chain, depth + 1)


def _gerund_governor(sv: SentenceView, cur, chain: list, depth: int):
    """A gerund in a prepositional phrase: its host noun ("in the process of donating", "talks on
    buying"), the adjective of "grateful to X for", or the verb whose object or subject controls it
    ("accused North Korea of sending", "blocked Germany from exporting"). Returns the verb to climb
    on from, or None."""
    lex = sv.lex
    h = cur.head
    up = h.head if h.dep_ == "prep" else None
    if up is not None and up.pos_ == "NOUN" and (up.lemma_.lower() in lex.host_nouns or up.lower_ in lex.host_nouns):
        chain.append(Link(up, "noun_host", None))
        g = up.head if up.dep_ != "pobj" else up.head.head   # "are in the process of donating"
        if up.dep_ in ("dobj", "attr", "nsubjpass", "pobj") and g.pos_ in ("VERB", "AUX"):
            chain.append(Link(g, "subj_control", lex.embedding_verbs.get(g.lemma_.lower()) or
                              lex.noun_governors.get(g.lemma_.lower()) or {}))
            _subject_control_chain(sv, g, chain, depth + 1)
        return None
    hops = 0
    while up is not None and up.pos_ in ("NOUN",) and up.dep_ == "pobj" and hops < 2:
        up = up.head.head
        hops += 1
    if up is not None and up.lemma_ == "be" and hops == 0:
        adj = next((c for c in up.children if c.dep_ == "acomp" and any(
            g.dep_ == "prep" and g.lower_ == "to" for g in c.children)), None)
        if adj is not None:   # "We are grateful to Belgium and Norway for committing to provide"
            chain.append(Link(adj, "obj_control", {}))
            return None
    if up is None or up.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    # the object controls the gerund ("thanked Germany for providing", "blocked Germany from exporting"),
    # else the subject does ("are in the process of donating")
    kind = "obj_control" if hops == 0 and h.lower_ in ("of", "for", "to", "from", "against") and (any(
        c.dep_ in ("dobj",) for c in up.children) or (
        up.pos_ == "ADJ" and any(c.dep_ == "prep" and c.lower_ == "to" and c.i != h.i for c in up.children))) \
        else "subj_control"
    spec = {} if up.lemma_ == "be" else lex.embedding_verbs.get(up.lemma_.lower(), {})
    chain.append(Link(up, kind, spec))
    if kind == "subj_control" and up.pos_ == "ADJ" and up.dep_ == "acomp":
        # "Saudi Arabia was close to ordering ...", "Poland is keen on buying ...": the copula's subject
        chain.append(Link(up.head, "subj_control", {}))
        return up.head
    return None if kind == "obj_control" else up


def build_chain(sv: SentenceView, trig: Trigger) -> list[Link]:
    """The trigger's chain: itself first, then the verbs and nouns whose arguments count as its own."""
    tok = trig.token
    chain = [Link(tok, "self")]
    if is_object_participle(tok.doc[tok.i + 1] if tok.i + 1 < tok.sent.end else tok):
        chain.append(Link(tok.doc[tok.i + 1], "self"))   # "bought used frigates from Britain": its words are ours
    if trig.frame == "produce":
        _production_chain(sv, tok, chain)
    elif trig.kind in ("verb", "possession") or (trig.kind == "license" and tok.pos_ == "VERB"):
        if tok.pos_ == "ADJ" and tok.dep_ == "acomp":
            chain.append(Link(tok.head, "self"))    # "remains reliant on Russia for spare parts": the copula's too
        elif not any(c.dep_ in SUBJ for c in tok.children):
            _subject_control_chain(sv, tok, chain)
    else:
        _noun_chain(sv, trig, chain)
    return chain


def _production_chain(sv: SentenceView, tok, chain: list):
    """Licensed production: the giver of the permission ("it has given preliminary approval for Egypt to
    produce"), or the verbs giving the producer ("Japan has decided to cooperate with the U.S. to develop")."""
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
        head = tok.head
        giver = head.head if head.pos_ in ("NOUN", "PROPN") else head
        if giver.pos_ in ("VERB", "AUX") and giver.i != tok.i:
            chain.append(Link(giver, "giver", None))
    elif not any(c.dep_ in SUBJ for c in tok.children):
        _subject_control_chain(sv, tok, chain)
        if tok.dep_ == "advcl" and tok.head.i not in {lk.token.i for lk in chain}:
            chain.append(Link(tok.head, "subj_control", {}))
            _subject_control_chain(sv, tok.head, chain)


def _noun_chain(sv: SentenceView, trig: Trigger, chain: list):
    """A noun trigger (and "under licence"): the verb governing it, or the noun hosting it."""
    lex = sv.lex
    d, h = trig.token.dep_, trig.token.head
    for _ in range(4):
        if d == "conj" and h.pos_ in ("NOUN", "PROPN"):
            d, h = h.dep_, h.head
    for _ in range(2):
        # "$800 million in weapons, ammunition and other security assistance": through the amount
        if d == "pobj" and h.dep_ == "prep" and h.lower_ in ("in", "of", "worth") and \
                noun_kind(sv, h.head) == "container" and h.head.i not in sv.tok_weapon:
            amount = h.head
            chain.append(Link(amount, "noun_host", None))
            d, h = amount.dep_, amount.head
        else:
            break
    if d in ("dobj", "attr", "oprd", "nsubjpass", "dative", "appos") and h.pos_ in ("VERB", "AUX"):
        copula = d == "attr" and h.lemma_.lower() in ("be", "become", "remain")
        chain.append(Link(h, "copula", None) if copula else Link(h, "gov", lex.noun_governors.get(h.lemma_.lower())))
        if not any(c.dep_ in SUBJ for c in h.children):
            _subject_control_chain(sv, h, chain)
    elif d == "pobj" and h.dep_ in ("prep", "agent"):
        _prepositional_host(sv, trig, h, chain)
    elif d == "nsubj" and h.pos_ == "VERB" and (lex.noun_governors.get(h.lemma_.lower()) or {}).get("arrival"):
        chain.append(Link(h, "gov", lex.noun_governors[h.lemma_.lower()]))   # "the shipment arrived in Russia"
    elif d == "appos" and h.i in sv.tok_party:
        chain.append(Link(h, "appos_party", None))
    if len(chain) == 1:
        # "The package Germany unveiled for Lithuania includes ...": the noun is the gapped object of a
        # governor in its relative clause, as in "Germany unveiled the package for Lithuania"
        rel = next((c for c in trig.token.children if c.lemma_.lower() in lex.noun_governors
                    and not any(g.dep_ in ("dobj", "nsubjpass") for g in c.children)
                    and (c.dep_ == "relcl" or (c.dep_ == "acl" and _names_recipient(sv, c)))), None)
        if rel is not None:
            chain.append(Link(rel, "gov", lex.noun_governors[rel.lemma_.lower()]))


def _names_recipient(sv: SentenceView, verb) -> bool:
    """'announced by Germany for Ukraine': a participle on a package that names whom it is for (not
    'arms sales approved by the agency rose 36 percent', a statistic)."""
    return any(p.dep_ == "prep" and p.lower_ in ("for", "to") and any(o.i in sv.tok_party for o in p.subtree)
               for p in verb.children)


def _prepositional_host(sv: SentenceView, trig: Trigger, prep, chain: list):
    """A noun trigger in a prepositional phrase: on a verb ("went ahead with the sale", "overtook Russia as
    the largest supplier to India") or on a host noun ("talks on the sale", "a contract for the purchase")."""
    lex = sv.lex
    host = prep.head
    if host.pos_ == "ADP" and host.dep_ in ("prep", "prt", "advmod") and host.head.pos_ in ("VERB", "AUX"):
        host = host.head      # "pulled out of the purchase", "backed away from the deal": the phrasal verb
    if host.pos_ in ("VERB", "AUX") and prep.lower_ == "as" and trig.entry.agent:
        chain.append(Link(host, "copula", None))     # the subject is the agent
    elif host.pos_ in ("VERB", "AUX"):
        chain.append(Link(host, "gov", lex.noun_governors.get(host.lemma_.lower()) or
                          ({"stage": "licensed", "subject": "recipient"} if trig.kind == "license" else None)))
        if not any(c.dep_ in SUBJ for c in host.children):
            _subject_control_chain(sv, host, chain)
    elif host.pos_ in ("NOUN", "PROPN") and host.i not in sv.tok_weapon and host.i not in sv.tok_party:
        chain.append(Link(host, "noun_host", None))
        if host.dep_ in ("dobj", "attr", "oprd") and host.head.pos_ in ("VERB", "AUX"):
            g = host.head
            spec = lex.noun_governors.get(g.lemma_.lower())
            if spec is None and host.lemma_.lower() in lex.host_nouns:
                spec = {"subject": "first"}   # "play a role in the provision of", "made efforts toward the sale"
            chain.append(Link(g, "gov", spec))
            if not any(c.dep_ in SUBJ for c in g.children):
                _subject_control_chain(sv, g, chain)
