"""Stage 2b, roles: who supplies and who receives, read off the parse.

A party climbs the parse to the trigger's chain (``attach``); the relation it arrives by (subject,
object, to/for/from/by/with phrase, possessor), the link kind, the trigger's frame and its voice
are looked up in the role table (pipeline/data/transfer_roles.yaml). Coordination, apposition,
"including" lists, party-head nouns ("the Thai government") and container nouns ("a fleet of",
"$84 mln in") are transparent on the way up, so every member of a list gets the list's role.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from pipeline.extract.transfers.chain import Link
from pipeline.extract.transfers.model import Trigger
from pipeline.extract.transfers.sentence import SUBJ, SentenceView, group_noun_before, noun_kind


LIST_PREPS = {"including", "like", "such", "notably", "especially", "among", "plus"}


ROLE_PREPS = {"to", "for", "into", "from", "by", "with", "between", "of", "in", "under", "via", "through", "on"}


def _seller_participle(sv: SentenceView, verb, prep: str | None) -> bool:
    """A participle on a weapon whose preposition names the seller: acquire verb + "from", supply verb + "by",
    and the maker of a weapon received from it: production verb + "by" ("rocket launchers built by Norinco")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.i not in sv.tok_weapon:
        return False
    frames = {e.frame for e in sv.lex.verbs.get(verb.lemma_.lower(), ())}
    return (prep == "from" and "acquire" in frames) or (prep == "by" and "supply" in frames) or (
        prep == "by" and verb.lemma_.lower() in sv.lex.production_verbs)


@dataclass
class _Climb:
    """Where a party's climb to the trigger chain stands."""
    t: object                      # the current token
    prep: str | None = None        # the preposition the party came through
    locked: bool = False           # a role preposition inside a weapon phrase ("jets from France") is kept
    through_weapon: bool = False   # the party's phrase hangs on a weapon ("Iran's missiles")
    weapon: object = None          # the weapon a prepositional party hangs on ("20 Mirage jets from France")
    state: bool = False            # the climb started from a state (a list of states may spell out a group)


_STOP = object()


def attach(sv: SentenceView, root, chain_idx: dict, max_steps: int = 14):
    """Climb from a party token to the trigger chain. Returns (Link, dep, prep, through_weapon, weapon)
    or None; ``weapon`` is the weapon the party's phrase hangs on, if any."""
    party = sv.tok_party.get(root.i)
    st = _Climb(root, state=party is not None and party.label == "COUNTRY" and bool(party.iso3))
    for _ in range(max_steps):
        t, h = st.t, st.t.head
        if h is t:
            return None
        d = t.dep_
        if d == "dep" and h.pos_ in ("VERB", "AUX") and t.i < h.i and t.pos_ in ("PROPN", "NOUN") \
                and not any(c.dep_ == "nsubj" and c.i in sv.tok_party for c in h.children):
            d = "nsubj"   # "LONDON, Oct 20 - British Aerospace Plc <BAEL.L> has won": dateline-broken subject
        if d in SUBJ and h.dep_ in ("aux", "auxpass") and h.head.pos_ in ("VERB", "AUX"):
            h = h.head    # "the United States will re-sequence": a subject the parser hung on the auxiliary
        if d == "prep" and h.dep_ == "cc" and h.lower_ in ("as", "and", "plus") and h.head.i in chain_idx:
            h = h.head    # "... from Paris and Seoul, as well as from Moscow" (not "rather than from Tokyo")
        if h.dep_ == "appos" and h.head.i in chain_idx and h.i not in chain_idx and h.pos_ in ("ADJ", "NOUN") \
                and h.i not in sv.tok_weapon and chain_idx[h.head.i].kind in ("self", "noun_host") \
                and noun_kind(sv, h) not in ("party", "party_head") and d in ("poss", "prep"):
            h = h.head    # "The deal, Britain's largest with Nigeria in a decade, covers ...": the apposition is the deal
        if h.i in chain_idx:
            if st.locked and st.prep is not None:
                d = "prep"   # "helicopters for Norwegian Defence": the preposition inside the object decides
            return chain_idx[h.i], d, st.prep, st.through_weapon, st.weapon
        if d in ("conj", "appos", "cc", "punct"):
            st.t = h
        elif d == "prep" and st.prep is not None and h.pos_ == "ADP" and h.dep_ in ("prep", "agent"):
            st.t = h    # "deliveries from Korea to Poland": the parser hangs "to" on "from"; "to" keeps the role
        elif d in ("pobj", "pcomp"):
            _up_from_object(sv, st, h)
        elif d in ("prep", "agent"):
            if _up_from_phrase(sv, st, h) is _STOP:
                return None
        elif d in ("poss", "compound", "amod", "nmod", "npadvmod", "nummod", "det"):
            step = _up_from_modifier(sv, st, h, d, root, chain_idx)
            if step is _STOP or isinstance(step, tuple):
                return None if step is _STOP else step
        else:
            return None
    return None


def _up_from_object(sv: SentenceView, st: _Climb, h):
    """The party is the object of a preposition: note it, or pass a list word ("allies including Canada")."""
    w = h.lower_
    if w in LIST_PREPS or (w == "as" and st.t.dep_ == "pobj" and (
            h.head.lower_ == "such" or any(c.lower_ == "such" for c in h.children))):
        # the list member takes the role of the list head
        st.t = h.head if h.head is not h else h
        if st.t.dep_ in ("prep",) and st.t.head is not st.t:  # "such as": as <- such <- head
            st.t = st.t.head
        group = _group_noun(sv, st.t) if st.state else None
        if group is not None:
            st.t = group
        return
    if not st.locked:
        st.prep = w
    st.t = h


def _group_noun(sv: SentenceView, head):
    """'Several countries have supplied tanks to Romania, including Israel and Italy', 'Dozens of governments
    have armed Ukraine, among them Britain': when a list of states hangs on a state, a weapon, a verb or
    'them', its members are the plural group noun of the clause ("countries", "governments"), if any."""
    if head.i not in sv.tok_party and head.i not in sv.tok_weapon and head.pos_ not in ("VERB", "AUX") \
            and head.lower_ not in ("them", "those"):
        return None
    return group_noun_before(sv, head.i + 1)


def _up_from_phrase(sv: SentenceView, st: _Climb, h):
    """The party's prepositional phrase hangs on ``h``: a noun (weapon, container, party), a seller
    participle on a weapon, an adjective standing for a noun, or 'worth'."""
    if h.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        kind = noun_kind(sv, h)
        if kind == "party_head" and st.prep is not None and st.prep not in ROLE_PREPS:
            return _STOP          # "countries outside the EU": the EU is not the seller
        if kind in ("party_head", "party") and st.prep == "of":
            st.prep = None        # "the armed forces of Ukraine"
        elif kind == "container" and st.prep == "of" and h.i not in sv.tok_weapon:
            st.prep = None        # "dozens of governments", "a number of countries": the group itself
        elif kind in ("weapon", "container"):
            st.through_weapon = st.through_weapon or kind == "weapon"
            if kind == "weapon" and st.prep is not None and not st.locked:
                st.weapon = sv.tok_weapon.get(h.i)
            st.locked = st.prep is not None
        elif kind in ("party", "party_head"):
            if _place_of_group(sv, h, st.prep):
                return _STOP      # "to the Houthis in Yemen": where the group is, not another party
            # "shipped to Chad by France": the parser hangs the agent on the recipient
            st.locked = st.locked or st.prep in ("by", "from")
        else:
            return _STOP
        st.t = h
        return None
    if _seller_participle(sv, h, st.prep):
        # "24 Apache helicopters ordered from the U.S.", "tanks supplied by Poland": the participle on
        # the weapon names the weapon's seller, whatever the sentence's own verb is
        st.prep, st.locked, st.through_weapon = "from", True, True
        st.weapon = sv.tok_weapon[h.head.i]
        st.t = h.head
        return None
    if h.pos_ == "ADJ" and h.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr") and h.lower_ in (
            "first", "last", "rest", "remainder", "bulk", "final"):
        st.t = h      # "the first of 24 helicopters": an adjective standing for the noun
        return None
    if h.lower_ == "worth" and h.dep_ == "amod" and st.prep is not None:
        st.t = h      # "a deal worth $5.8 billion with Warsaw": the parser hangs "with" on "worth"
        st.locked = True   # the preposition, not the "worth" modifier, gives the role
        return None
    return _STOP


_PLACE_PREPS = {"in", "inside", "near", "across", "throughout", "at"}


def _place_of_group(sv: SentenceView, h, prep: str | None) -> bool:
    """A place phrase on a non-state group ("the Houthis in Yemen", "Kurdish fighters in northern Syria")
    says where the group is; the state in it is no party."""
    p = sv.tok_party.get(h.i)
    return prep in _PLACE_PREPS and p is not None and p.iso3 is None and p.label == "GROUP"


def _up_from_modifier(sv: SentenceView, st: _Climb, h, d: str, root, chain_idx: dict):
    """The party modifies ``h``: a party noun ("the Thai government"), the rest of a name, a weapon it
    holds ("Iran's missiles") or, right after the verb, an indirect object ("given Ukraine HIMARS")."""
    if h.pos_ not in ("NOUN", "PROPN"):
        return _STOP
    kind = noun_kind(sv, h)
    if kind in ("party_head", "party") or (kind == "other" and d == "compound" and h.pos_ == "PROPN"):
        st.t = h         # "British Aerospace Plc": the rest of a name
        return None
    if kind == "weapon" and d == "poss":
        st.through_weapon = True
        st.t = h
        return None
    if kind == "weapon" and d in ("compound", "nmod") and st.t.i == root.i and root.i in sv.tok_party:
        p = sv.tok_party[root.i]
        verb = sv.doc[p.start - 1] if p.start > 0 else None
        if verb is not None and verb.i in chain_idx and chain_idx[verb.i].kind == "self":
            return chain_idx[verb.i], "dative", None, False, None   # "has given Ukraine HIMARS launchers"
    return _STOP


# ---------------------------------------------------------------- the role table
ROLES_PATH = Path(__file__).resolve().parents[2] / "data" / "transfer_roles.yaml"
_DEP_GROUPS = {"subj": SUBJ, "obj": ("dobj", "dative", "iobj"), "mod": ("poss", "compound", "amod", "nmod")}
_ANY = object()


@dataclass(frozen=True)
class RoleRule:
    """One row of the role table: conditions (None = any) and the role it gives."""
    role: str | None
    form: frozenset | None = None
    kind: frozenset | None = None
    frame: frozenset | None = None
    voice: str | None = None
    dep: frozenset | None = None
    prep: object = _ANY                 # a frozenset of prepositions, None (no preposition) or _ANY
    agent_noun: bool | None = None
    particle: str | None = None
    lemma: frozenset | None = None
    spec: tuple = ()                    # (key, value) pairs the link's own entry must have
    link_pos: str | None = None
    won: bool | None = None
    owned: bool | None = None
    through_weapon: bool | None = None


def _values(v) -> frozenset:
    return frozenset(str(x) for x in (v if isinstance(v, list) else [v]))


def _rule(raw: dict) -> RoleRule:
    kw = {k: raw[k] for k in ("voice", "agent_noun", "particle", "link_pos", "won", "owned", "through_weapon")
          if k in raw}
    for key in ("form", "kind", "frame", "lemma"):
        if key in raw:
            kw[key] = _values(raw[key])
    if "dep" in raw:
        kw["dep"] = frozenset(d for v in _values(raw["dep"]) for d in _DEP_GROUPS.get(v, (v,)))
    if "prep" in raw:
        kw["prep"] = None if raw["prep"] is None else _values(raw["prep"])
    if "spec" in raw:
        kw["spec"] = tuple(sorted(raw["spec"].items()))
    role = raw["role"]
    return RoleRule(role=None if role == "none" else str(role), **kw)


@functools.lru_cache(maxsize=1)
def role_table() -> tuple[dict, dict]:
    """({link kind: (RoleRule, ...)}, {frame: first role}) from pipeline/data/transfer_roles.yaml."""
    data = yaml.safe_load(ROLES_PATH.read_text(encoding="utf-8"))
    first = {str(k): str(v) for k, v in data.pop("first_role").items()}
    return {kind: tuple(_rule(r) for r in rules) for kind, rules in data.items()}, first


@dataclass(frozen=True)
class Arrival:
    """How a party reached the trigger's chain: the link, the dependency label, the preposition."""
    link: Link
    dep: str
    prep: str | None
    through_weapon: bool


def _matches(rule: RoleRule, f: "_Features") -> bool:
    checks = ((rule.form, f.form), (rule.kind, f.trigger_kind), (rule.frame, f.frame), (rule.dep, f.dep),
              (rule.lemma, f.lemma))
    if any(allowed is not None and value not in allowed for allowed, value in checks):
        return False
    if rule.prep is not _ANY and (f.prep is not None if rule.prep is None else f.prep not in rule.prep):
        return False
    spec = dict(f.spec)
    return (rule.voice is None or rule.voice == ("passive" if f.passive else "active")) \
        and (rule.agent_noun is None or rule.agent_noun == f.agent) \
        and (rule.particle is None or rule.particle == f.particle) \
        and all(spec.get(k) == v for k, v in rule.spec) \
        and (rule.link_pos is None or rule.link_pos == f.link_pos) \
        and (rule.won is None or rule.won == f.won) \
        and (rule.owned is None or rule.owned == f.owned) \
        and (rule.through_weapon is None or rule.through_weapon == f.through_weapon)


def lookup_role(kind: str, trig: Trigger, arr: Arrival, passive: bool) -> str | None:
    """The role the first matching rule of the link kind's table gives."""
    tok, link = trig.token, arr.link
    form = "verb" if trig.kind in ("verb", "possession") or (trig.kind == "license" and tok.pos_ == "VERB") else "noun"
    spec = tuple(sorted((k, v) for k, v in (link.spec or {}).items() if isinstance(v, (str, bool, int))))
    features = _Features(kind, form, trig.kind, trig.frame, tok.lemma_.lower(), bool(trig.entry.agent),
                         trig.entry.particle, _won_by_supplier(trig), _owned_agent(trig), arr.dep, arr.prep,
                         arr.through_weapon, passive, spec, link.token.pos_)
    role = _first_rule(features)
    return None if role is None else _derive(role, trig, arr)


@dataclass(frozen=True)
class _Features:
    """Everything a rule can test, as plain values: lookups are cached on it (the rules are data)."""
    kind: str
    form: str
    trigger_kind: str
    frame: str
    lemma: str
    agent: bool
    particle: str | None
    won: bool
    owned: bool
    dep: str
    prep: str | None
    through_weapon: bool
    passive: bool
    spec: tuple
    link_pos: str


@functools.lru_cache(maxsize=8192)
def _first_rule(f: _Features) -> str | None:
    """The role (possibly a derived one, or "" for an explicit no-role) of the first rule that matches."""
    rules, _ = role_table()
    for rule in rules["any"] + rules.get(f.kind, ()):
        if _matches(rule, f):
            return rule.role or ""
    return None


def first_role(trig: Trigger) -> str:
    """The role of a noun trigger's possessor ("India's purchase": R); an agent noun flips it."""
    role = role_table()[1].get(trig.frame, "A")
    return _opposite(role) if trig.entry.agent and trig.frame in ("supply", "acquire", "possession") else role


def _opposite(role):
    return {"S": "R", "R": "S", "A": "B", "B": "A"}.get(role)


def _governor_subject(trig: Trigger, link: Link) -> str | None:
    """The role of the subject of the verb governing a noun trigger (noun_governors.subject)."""
    spec = link.spec or {}
    subj = spec.get("subject", "none")
    if trig.token.dep_ == "dobj" and trig.token.head.i == link.token.i and _won_by_supplier(trig):
        return "S"            # "Dassault has received orders from India": the seller receives the order
    if spec.get("stage") in ("denied", "cancelled") and trig.kind == "noun" and trig.entry.stage == "requested":
        subj = "supplier"     # "West Germany has refused an Iraqi request for Leopard tanks"
    if subj == "share":       # "Russia accounted for 45% of India's arms imports": the other side of the holder
        held = any(c.dep_ == "poss" for c in trig.token.children)
        return _opposite(first_role(trig)) if held else first_role(trig)
    return {"first": first_role(trig), "supplier": "S", "recipient": "R"}.get(subj)


def _derive(role: str | None, trig: Trigger, arr: Arrival) -> str | None:
    if not role:
        return None
    if role == "first":
        return first_role(trig)
    if role == "as_subject":
        if trig.kind == "noun":
            return first_role(trig)
        return lookup_role("self", trig, Arrival(Link(trig.token, "self"), "nsubj", None, False), False)
    if role == "self_prep":
        return lookup_role("self", trig, Arrival(Link(trig.token, "self"), "prep", arr.prep, False), False)
    if role == "gov_subject":
        return _governor_subject(trig, arr.link)
    if role == "gov_object":
        return _opposite(_governor_subject(trig, arr.link))
    return role


def role_for(trig: Trigger, link: Link, d: str, prep: str | None, through_weapon: bool, passive: bool):
    """The role (S, R, A, B, RB, R2) of a party that reached ``link`` by ``d``/``prep``, or None."""
    return lookup_role(link.kind, trig, Arrival(link, d, prep, through_weapon), passive)


def _won_by_supplier(trig: Trigger) -> bool:
    """An order won, or an order a seller's clause is "with" ("won orders from Egypt"; "demand for Russian
    helicopters is booming, with orders from India"): its "from" phrase names the buyer."""
    tok = trig.token
    if trig.kind != "noun" or trig.frame not in ("acquire", "neutral"):
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ == "poss" for c in tok.children):
        return True
    return tok.dep_ in ("dobj",) and \
        tok.head.lemma_.lower() in ("win", "secure", "land", "receive", "get", "obtain", "clinch", "bag")


_OWNER_MODIFIERS = {"state", "state-run", "state-owned", "national", "government", "official", "own", "sole"}


def _owned_agent(trig: Trigger) -> bool:
    """'Russia's state arms exporter', 'its own supplier': the possessor owns the agent, it is not served by it."""
    return bool(trig.entry.agent) and any(   # "state arms exporter", "state-run exporter": anywhere in the modifiers
        c.dep_ in ("amod", "compound", "npadvmod", "nmod") and any(t.lower_ in _OWNER_MODIFIERS for t in c.subtree)
        for c in trig.token.lefts)
