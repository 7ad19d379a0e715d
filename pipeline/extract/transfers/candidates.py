"""Stage 2, a candidate per trigger: its chain, its parties by role and its weapons, then the
sentence-level repairs between candidates (a stranded object, a shared recipient, a deal noun that
yields to the verb it hosts)."""
from __future__ import annotations

from pipeline.extract.transfers.chain import build_chain, is_passive
from pipeline.extract.transfers.lexicon import lexicon
from pipeline.extract.transfers.model import Candidate, Party, Trigger
from pipeline.extract.transfers.roles import attach, role_for
from pipeline.extract.transfers.sentence import REFLEXIVE, RELATIVE, SUBJ, SentenceView, noun_kind
from pipeline.extract.transfers.weapons import candidate_weapons


def read_candidate(sv: SentenceView, trig: Trigger) -> Candidate | None:
    """One trigger's chain, parties by role and weapons."""
    chain = build_chain(sv, trig)
    chain_idx: dict[int, object] = {}
    for link in chain:
        chain_idx.setdefault(link.token.i, link)
    passive = trig.kind in ("verb", "license") and is_passive(trig.token, sv)
    if passive and trig.token.lemma_.lower() in ("equip", "arm", "fit", "outfit") and any(
            c.dep_ == "nsubjpass" and (c.i in sv.tok_weapon or c.lemma_.lower() in sv.lex.bound_weapon_words)
            for c in trig.token.children):
        return None     # "the plane will be equipped with radar": a platform fitted out, not a transfer
    roles, bound = _table_roles(sv, trig, chain_idx, passive)
    _subjectless_verb(sv, trig, passive, roles)
    _deal_for_infinitive(sv, trig, roles)
    _relative_on_party(sv, trig, chain, passive, roles)
    _adjective_holder(sv, trig, roles)
    _payer_on_chain(sv, trig, chain, roles)
    _asker_yields_to_named_receiver(sv, trig, chain, roles)
    if trig.frame == "supply" and any(c.dep_ in ("dobj", "dative") and c.lower_ in REFLEXIVE
                                      for c in trig.token.children):
        roles["R"].extend(roles["S"])     # "Teheran has equipped itself with ...": the subject receives
        roles["S"] = []
    weapons = candidate_weapons(sv, trig, chain_idx)
    if trig.entry.named_only:
        if not weapons:
            return None       # "relies on Russia for oil": no arms at all, no party to lend the sentence
        weapons = [w for w in weapons if not w.generic]   # "for its arms": the parties only, for the sentence
    c = Candidate(trigger=trig, chain_idx=chain_idx, weapons=weapons, bound=bound, passive=passive)
    _assign_roles(sv, c, roles)
    _receiver_of_contents(sv, c)
    if trig.kind == "license":
        if not c.weapons:
            # "F-15s and missiles ..., although all of these have been built under licence from U.S. firms"
            c.weapons = [w for w in sv.weapons if not w.generic and not w.bound]
            c.confidence = 0.6
        if c.weapons and not c.recipients:
            # the weapons' holder builds them: "the Japan Defence Agency's F-15s ... built under licence"
            c.recipients = uniq([w.possessor for w in c.weapons if w.possessor is not None])
    _holder_received(sv, c, passive)
    if trig.frame == "possession":
        # possession is a transfer only with a stated origin on the weapon
        c.suppliers = []
        c.confidence = 0.4
    c.confidence = min(c.confidence, {"verb": 0.85, "noun": 0.75, "license": 0.75, "possession": 0.4}[trig.kind])
    return c


def _receiver_of_contents(sv: SentenceView, c: Candidate):
    """'The licences cover 36 K9 howitzers for the UAE': contents an include-verb lists for a receiver
    (outside the trigger's chain, so no climb reaches it) name the transfer's receiver."""
    if c.recipients or c.trigger.frame not in ("supply", "aid", "neutral"):
        return
    found = []
    for w in c.weapons:
        root = w.root
        while root.dep_ == "conj" and root.head.i in sv.tok_weapon:
            root = root.head
        if root.dep_ not in ("dobj", "attr") or root.head.lemma_.lower() not in sv.lex.include_verbs:
            continue
        for prep in w.root.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "to"):
                found += [sv.tok_party[o.i] for o in prep.children
                          if o.dep_ == "pobj" and o.i in sv.tok_party and sv.tok_party[o.i].iso3]
    keys = {p.key for p in c.suppliers}
    found = [p for p in uniq(found) if p.key not in keys]
    if len({p.iso3 for p in found}) == 1:
        c.recipients = found[:1]


def _holder_received(sv: SentenceView, c: Candidate, passive: bool):
    """'Nigeria's 12 Super Tucano aircraft, which were ordered from the United States', 'India's Rafales,
    supplied by France', 'HIMARS donated by the United States are used by Ukraine': a purchase or a passive
    supply in a clause on a held weapon names no recipient; the weapon's holder (its possessor, or the
    agent of a passive "used/operated by") received it."""
    tok = c.trigger.token
    if c.recipients or c.trigger.kind != "verb" or tok.dep_ not in ("relcl", "acl") \
            or not (c.trigger.frame == "acquire" or (c.trigger.frame == "supply" and passive)):
        return
    taken = {p.key for p in c.suppliers}
    held = [w for w in c.weapons if w.root.i == tok.head.i]
    c.recipients = uniq([w.possessor for w in held if w.possessor is not None and w.possessor.iso3
                         and w.possessor.key not in taken]
                        or [p for w in held for p in _passive_user(sv, w.root) if p.key not in taken])


def _passive_user(sv: SentenceView, weapon_root) -> list[Party]:
    """The state in the agent of a passive possession verb whose subject is the weapon ("are used by
    Ukraine", "are operated by the Ukrainian army")."""
    verb = weapon_root.head
    if weapon_root.dep_ != "nsubjpass" or verb.lemma_.lower() not in sv.lex.possession_verbs:
        return []
    for agent in (ch for ch in verb.children if ch.dep_ == "agent"):
        for t in agent.subtree:
            p = sv.tok_party.get(t.i)
            if p is not None and p.iso3 and not p.pronoun:
                return [p]
    return []


def _table_roles(sv: SentenceView, trig: Trigger, chain_idx: dict, passive: bool) -> tuple[dict, dict]:
    """Every party that reaches the chain, with the role the role table gives it; and the parties whose
    phrase hangs on one weapon ("20 Mirage jets from France")."""
    roles: dict[str, list[Party]] = {"S": [], "R": [], "A": [], "B": [], "R2": [], "RB": []}
    bound: dict[int, list] = {}      # party -> the weapons its phrase hangs on
    for p in sv.parties:
        if p.root.i in chain_idx:
            link = chain_idx[p.root.i]
            role = role_for(trig, link, "appos", None, False, passive) if link.kind == "appos_party" else None
            if role:
                roles[role].append(p)     # "Colombia, a longtime customer of China": the apposed party
            continue
        att = attach(sv, p.root, chain_idx)
        if att is None:
            continue
        link, dep, prep, through_weapon, weapon = att
        role = role_for(trig, link, dep, prep, through_weapon, passive)
        if role:
            roles[role].append(p)
            if weapon is not None and role in ("S", "R"):
                bound[id(p)] = [weapon]
    if roles["RB"]:
        roles["R"] = roles["RB"]          # the beneficiary receives, the buyer only intermediates
    if not roles["R"] and roles["R2"]:
        roles["R"] = [p for p in roles["R2"] if not p.pronoun]
    return roles, bound


def _subjectless_verb(sv: SentenceView, trig: Trigger, passive: bool, roles: dict):
    """A verb the parser left without a subject, with a party right before it ("In 2019 Turkey bought")."""
    tok = trig.token
    if trig.kind != "verb" or passive or any(c.dep_ in SUBJ for c in tok.children) \
            or tok.dep_ not in ("ROOT", "conj", "ccomp"):
        return
    first = min([c.i for c in tok.children if c.dep_ in ("aux", "neg", "advmod") and c.i < tok.i] + [tok.i])
    role = {"supply": "S", "acquire": "R"}.get(trig.frame)
    for p in sv.parties:
        if role and p.end == first and p.root.dep_ in ("pobj", "npadvmod", "dep") and not any(
                p in v for v in roles.values()):
            roles[role].append(p)


def _deal_for_infinitive(sv: SentenceView, trig: Trigger, roles: dict):
    """'a deal for India to buy S-400s': the partner of the deal is the other side."""
    tok = trig.token
    if trig.kind != "verb" or not any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
        return
    host = tok.head
    nouns = [host] if host.pos_ == "NOUN" else [c for c in host.children if c.dep_ in ("dobj", "attr")]
    nouns = [n for n in nouns if sv.lex.nouns.get(n.lemma_.lower()) is not None
             and sv.lex.nouns[n.lemma_.lower()].frame == "neutral"]
    role = {"supply": "R", "acquire": "S"}.get(trig.frame)
    if not nouns or not role:
        return
    others = [c for c in nouns[0].children if c.dep_ == "poss"]
    if host.pos_ in ("VERB", "AUX"):
        others += [c for c in host.children if c.dep_ in ("nsubj",)]
    for o in others:
        for p in sv.parties:
            if p.root.i == o.i and p not in roles["S"] + roles["R"]:
                roles[role].append(p)


def _relative_on_party(sv: SentenceView, trig: Trigger, chain: list, passive: bool, roles: dict):
    """Relative and participial clauses on a party: 'Russia, which bought drones ...', 'Northrop,
    seeking to sell F-5s ...': the party (and its conjuncts) is the subject."""
    role = {"supply": "S", "acquire": "R", "possession": "R", "license": "R"}.get(trig.frame)
    if role is None:
        return
    if trig.kind == "noun" and trig.entry.agent:
        _relative_agent(sv, trig, chain, role, roles)
        return
    if trig.kind not in ("verb", "possession", "license"):
        return
    for link in [lk for lk in chain if lk.kind in ("self", "subj_control")]:
        v = link.token
        if v.dep_ not in ("relcl", "acl", "advcl") or _party_of_head(sv, v.head) is None:
            continue
        own = [c for c in v.children if c.dep_ in SUBJ]
        if own and not all(c.lower_ in RELATIVE for c in own):
            continue
        if not own and v.tag_ == "VBN":
            continue      # "weapons sold to ..." on a party is rare; a participle is passive
        p = _party_of_head(sv, v.head)
        if any(p.key == q.key for v_ in roles.values() for q in v_):
            return     # "exports to Ukraine, which will provide Ukraine with ...": not the antecedent
        if not passive and p not in roles[role]:
            roles[role].append(p)
            for c in p.root.conjuncts:
                if c.i in sv.tok_party and sv.tok_party[c.i] not in roles[role]:
                    roles[role].append(sv.tok_party[c.i])
        return


def _asker_yields_to_named_receiver(sv: SentenceView, trig: Trigger, chain: list, roles: dict):
    """'Washington asked Berlin not to send Leopard tanks to Qatar': whoever asks receives only when the
    transfer names no receiver of its own ("Kyiv urged Berlin to send tanks")."""
    own = {p.key for p in roles["R"] if p.root.dep_ == "pobj" and p.root.head.lower_ == "to"}
    if not own:
        return
    for link in chain:
        if link.kind == "obj_control" and (link.spec or {}).get("requester"):
            askers = {sv.tok_party[c.i].key for c in link.token.children if c.dep_ in SUBJ and c.i in sv.tok_party}
            roles["R"] = [p for p in roles["R"] if p.key not in askers or p.key in own]


def _payer_on_chain(sv: SentenceView, trig: Trigger, chain: list, roles: dict):
    """'offsetting the huge Saudi outlay on a contract to supply 132 fighters': a state's outlay (spending,
    payment) on the chain, as a link or a verb's object, is the buyer's money, so that state receives,
    wherever the parser hangs the contract, unless the transfer names its receiver."""
    if trig.frame != "supply" or roles["R"]:
        return        # "Britain's spending on a contract to supply tanks to Kenya": a donor pays for another
    payers = []
    for link in chain:
        t = link.token
        for n in [t] + [c for c in t.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]:
            if n.lemma_.lower() in sv.lex.payer_nouns or n.lower_ in sv.lex.payer_nouns:
                payers += [sv.tok_party[m.i] for m in n.children
                           if m.dep_ in ("poss", "amod", "compound") and m.i in sv.tok_party and sv.tok_party[m.i].iso3]
    for p in uniq(payers):
        roles["S"] = [q for q in roles["S"] if q.key != p.key]
        if not any(q.key == p.key for q in roles["R"]):
            roles["R"].append(p)


def _relative_agent(sv: SentenceView, trig: Trigger, chain: list, role: str, roles: dict):
    """'the Soviet Union, which is India's main weapons supplier': the antecedent of the copula's relative
    subject is the supplier (or, for "customer", the buyer)."""
    for link in chain:
        v = link.token
        if link.kind != "copula" or v.dep_ != "relcl":
            continue
        if not any(c.dep_ in SUBJ and c.lower_ in RELATIVE for c in v.children):
            continue
        p = _party_of_head(sv, v.head)
        if p is not None and not any(p.key == q.key for v_ in roles.values() for q in v_):
            roles[role].append(p)
        return


def _adjective_holder(sv: SentenceView, trig: Trigger, roles: dict):
    """An adjective trigger ("dependent on", "reliant on") describes its holder: the party it modifies
    ("Dhaka, long dependent on Israel for its arms") or the subject of its copula ("India is reliant on
    Russia for its fighters"). The holder takes the subject's role."""
    tok = trig.token
    role = {"supply": "S", "acquire": "R"}.get(trig.frame)
    if role is None or not (tok.pos_ == "ADJ" or trig.entry.particle and tok.lemma_ in ("be", "remain", "become")):
        return
    head = tok.head
    if tok.dep_ in ("amod", "appos", "acl", "advcl") and head is not tok:
        holder = _party_of_head(sv, head)
    elif tok.dep_ == "acomp" or trig.token.lemma_ in ("be", "remain", "become"):
        verb = head if tok.dep_ == "acomp" else tok
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ in RELATIVE and verb.dep_ == "relcl":
            subj = verb.head      # "Kuwait, which remains reliant on Russia for ..."
        holder = _party_of_head(sv, subj) if subj is not None else None
    else:
        holder = None
    if holder is not None and not any(holder.key == q.key for v in roles.values() for q in v):
        roles[role].append(holder)


def _party_of_head(sv: SentenceView, head) -> Party | None:
    """The party a noun stands for: a party itself, or a party noun it heads ("The Israeli government,
    which sold ...": Israel)."""
    if head.i in sv.tok_party:
        return sv.tok_party[head.i]
    if head.dep_ == "appos" and head.head.i in sv.tok_party and head.tag_ in ("NN", "NNS"):
        return sv.tok_party[head.head.i]     # "Poland, a country that continues to provide weapons to ..."
    if noun_kind(sv, head) != "party_head":
        return None
    mods = {sv.tok_party[c.i].key: sv.tok_party[c.i] for c in head.children
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in sv.tok_party}
    return next(iter(mods.values())) if len(mods) == 1 else None


def _assign_roles(sv: SentenceView, c: Candidate, roles: dict):
    S, R, A, B = roles["S"], roles["R"], roles["A"], roles["B"]
    if A or B:
        # neutral frame: decide which side supplies
        a_side, b_side = list(A), list(B)
        if a_side and b_side:
            a_comp = any(p.label == "COMPANY" for p in a_side)
            b_comp = any(p.label == "COMPANY" for p in b_side)
            # the weapon's maker state decides: stated ("Iranian drones") or from the gazetteer ("K2 tanks")
            origins = maker_states(c.weapons)
            if a_comp and not b_comp or (origins and {p.iso3 for p in a_side} & origins):
                S, R = S + a_side, R + b_side
            else:
                S, R = S + b_side, R + a_side
        elif a_side:
            if S and not R:
                R = R + a_side
            elif R and not S:
                S = S + a_side
            elif not S and not R:
                S, R = _sides_by_maker(sv, c, a_side)
        elif b_side:
            if R and not S:
                S = S + b_side
            elif S and not R:
                R = R + b_side
            elif not S and not R:
                S = S + b_side   # "an arms deal with North Korea": the partner of the subject supplies
        if not S and not R:
            c.sides = a_side + b_side     # "Germany and Egypt signed an agreement under which Cairo will ..."
    c.suppliers = uniq(S)
    c.recipients = uniq([p for p in R if p not in c.suppliers])


def _sides_by_maker(sv: SentenceView, c: Candidate, a_side: list) -> tuple[list, list]:
    """A deal whose parties all stand on one side: the weapons' maker decides. "France and Egypt signed a
    deal for 30 Rafale jets": the maker's side supplies the other; "the Iran arms deal": a stated origin
    decides; "Egypt held talks with the French government and signed a deal for two Scorpene submarines":
    the maker's state, named elsewhere in the sentence, is the other side."""
    origins = {o.iso3 for w in c.weapons for o in w.origins}
    makers = maker_states(c.weapons)
    makers_side = [p for p in a_side if p.iso3 in makers]
    if len(a_side) > 1 and len(makers_side) == 1 and len({p.iso3 for p in a_side}) == len(a_side):
        return makers_side, [p for p in a_side if p not in makers_side]
    if origins and any(p.iso3 in origins for p in a_side):
        return list(a_side), []
    if origins:
        return [], list(a_side)
    if makers and not makers & {p.iso3 for p in a_side}:
        named = {p.iso3: p for p in sv.parties if p.iso3 in makers and not p.pronoun}
        if len(named) == 1:
            return list(named.values()), list(a_side)
    return [], []


def maker_states(weapons) -> set:
    """The states the weapons come from: stated in the text ("Iranian drones") or the gazetteer's maker."""
    return {o.iso3 for w in weapons for o in w.origins} | {w.iso3_hint for w in weapons
                                                           if w.iso3_hint and not w.generic}


def pair_orphan_weapon(sv: SentenceView, cands: list[Candidate]):
    """A parse that strands the object: 'Japan wants to give the Philippines a handful of Beechcraft TC-90
    King Air training planes' (the planes hang on "wants"), or the subject of a passive ('FA-50 jets worth
    $900 million are being delivered to Manila by Seoul'). One verb with both sides named and no weapon,
    one named weapon no other trigger took: pair them, with a lower confidence."""
    bare = [c for c in cands if not c.weapons and c.suppliers and c.recipients and c.trigger.kind == "verb"
            and c.trigger.frame in ("supply", "acquire") and not _own_object(sv, c)]
    if len(bare) != 1:
        return
    taken = {id(w) for c in cands for w in c.weapons}
    free = [w for w in sv.weapons if not w.generic and not w.bound and id(w) not in taken]
    # a weapon inside another's phrase ("planes that could be fitted with radar") is not a second candidate
    def reach(o):
        return {t.i for k in range(o.start, o.end) for t in sv.doc[k].subtree}
    free = [w for w in free if not any(o is not w and w.root.i in reach(o) for o in free)]
    if len(free) != 1 or (free[0].start < bare[0].trigger.token.i and not bare[0].passive):
        return    # an object follows its verb; a passive's subject ("jets worth $900 million are being delivered") precedes
    bare[0].weapons = free
    bare[0].confidence = min(bare[0].confidence, 0.5)


def _own_object(sv: SentenceView, c: Candidate) -> bool:
    """The verb has an object of its own that is no weapon ("turning 11 oil tankers over to U.S. firms"):
    nothing is stranded, and a weapon elsewhere in the sentence is not its object."""
    dep = "nsubjpass" if c.passive else "dobj"
    return any(ch.dep_ == dep and ch.i not in sv.tok_weapon and ch.i not in sv.tok_party and ch.pos_ in ("NOUN", "PROPN")
               and ch.lower_ not in sv.lex.container_nouns
               for ch in c.trigger.token.children)


def _partner_of_deal(c: Candidate, cands: list[Candidate]):
    """'Germany signed an agreement with Qatar to deliver 24 tanks', parsed with the infinitive as the
    signing's purpose: the supply's receiver is the deal's party that is not its supplier."""
    tok = c.trigger.token
    if not c.suppliers or c.recipients or c.trigger.frame != "supply" or tok.dep_ != "advcl" \
            or not any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children):
        return
    mine = {p.key for p in c.suppliers}
    deals = [o for o in cands if o is not c and o.trigger.kind == "noun" and o.trigger.frame == "neutral"
             and o.trigger.token.head.i == tok.head.i]
    others = {p.key: p for o in deals for p in o.suppliers + o.recipients + o.sides if p.key not in mine}
    if len(others) == 1:
        c.recipients = list(others.values())


def _signatories_by_maker(c: Candidate):
    """'France and India signed an agreement to supply 26 Rafale jets': two states signing a deal to supply
    are its two sides, and the maker of the weapons is the seller (coordinated suppliers without a deal
    noun, "France and Germany supplied tanks", stay joint suppliers)."""
    if c.recipients or c.trigger.frame != "supply" or len({p.iso3 for p in c.suppliers}) != 2 \
            or any(p.iso3 is None for p in c.suppliers):
        return
    hosts = [lk.token for lk in c.chain_idx.values() if lk.kind == "noun_host"]
    if not any(getattr(_noun_entry(h), "frame", None) == "neutral" for h in hosts):
        return
    makers = maker_states(c.weapons) & {p.iso3 for p in c.suppliers}
    if len(makers) == 1:
        seller = next(iter(makers))
        c.recipients = [p for p in c.suppliers if p.iso3 != seller]
        c.suppliers = [p for p in c.suppliers if p.iso3 == seller]


def _noun_entry(tok):
    nouns = lexicon().nouns
    return nouns.get(tok.lemma_.lower()) or nouns.get(tok.lower_)


def _receives_these(party: Party, c: Candidate, sources: list[Candidate]) -> bool:
    """A holder receives only the weapons it holds ("using T-72 tanks supplied by Poland"), not another verb's
    ("will not allow Iran to use the missiles ... and has offered its warships to escort tankers")."""
    holders = [o for o in sources if o.trigger.frame == "possession" and any(p.key == party.key for p in o.recipients)]
    givers = [o for o in sources if o.trigger.frame != "possession" and any(p.key == party.key for p in o.recipients)]
    if givers or not holders:
        return True
    mine = {w.root.i for w in c.weapons}
    return any(w.root.i in mine for o in holders for w in o.weapons)


def parties_of_same_weapons(cands: list[Candidate]):
    """'Russia agreed to sell S-400 systems to India, and the deal for five S-400 systems was signed in
    October': a transfer with no party at all that names the same weapons as the sentence's one transfer
    with one supplier and one recipient is that transfer again (its count then reaches the row)."""
    named = [c for c in cands if len(c.suppliers) == 1 and len(c.recipients) == 1 and c.weapons]
    for c in cands:
        if c.suppliers or c.recipients or not c.weapons or c.sides:
            continue
        mine = {w.text.lower() for w in c.weapons if not w.generic}
        same = [o for o in named if mine and mine <= {w.text.lower() for w in o.weapons}]
        if len(same) == 1:
            c.suppliers, c.recipients = list(same[0].suppliers), list(same[0].recipients)


def share_parties(cands: list[Candidate]):
    """Within one sentence a transfer missing one side takes it from the sentence's other transfers when
    they name exactly one: 'providing Ukraine with systems, including Patriot batteries donated by
    Germany' (recipient), 'decided to prioritize U.S. exports for Ukraine, and Ukraine has received
    hundreds of missiles' (supplier)."""
    # a holder counts only with a weapon in hand ("we expect Russia to launch an assault": no)
    sources = [c for c in cands if c.trigger.frame != "possession" or c.weapons]
    recips = {p.key: p for c in sources for p in c.recipients}
    suppliers = {p.key: p for c in sources for p in c.suppliers}
    if len(recips) == 1:
        only = next(iter(recips.values()))
        for c in cands:
            if c.suppliers and not c.recipients and c.trigger.frame == "supply" and c.trigger.kind == "verb" \
                    and c.trigger.token.dep_ in ("acl", "relcl", "conj", "appos") and _receives_these(only, c, sources):
                c.recipients = [only]
    for c in cands:
        _partner_of_deal(c, cands)
        _signatories_by_maker(c)
    if len(suppliers) == 1:
        only = next(iter(suppliers.values()))
        for c in cands:
            if c.recipients and not c.suppliers and not any(w.origins for w in c.weapons) \
                    and {p.key for p in c.recipients} <= set(recips) and only.key not in {p.key for p in c.recipients} \
                    and any(o is not c and {p.key for p in o.recipients} == {p.key for p in c.recipients}
                            and o.suppliers for o in cands):
                c.suppliers = [only]
                c.context = True
                c.derivation = "clause"
    for c in cands:
        if c.recipients and not c.suppliers and not any(w.origins for w in c.weapons):
            # "Germany and Egypt signed an agreement under which Cairo will receive 80 Taurus missiles":
            # the other side of the sentence's one two-state agreement supplies
            recips = {p.iso3 for p in c.recipients}
            pairs = [o for o in cands if o is not c and len({p.iso3 for p in o.sides if p.iso3}) == 2
                     and recips < {p.iso3 for p in o.sides} | recips and recips & {p.iso3 for p in o.sides}]
            if len(pairs) == 1:
                c.suppliers = [p for p in pairs[0].sides if p.iso3 and p.iso3 not in recips][:1]
                c.context, c.derivation = True, "clause"


def uniq(parties):
    out, seen = [], set()
    for p in parties:
        if id(p) not in seen:
            seen.add(id(p))
            out.append(p)
    return out


def merge_neutral(cands: list[Candidate]) -> list[Candidate]:
    """A neutral noun hosting a verb trigger ("a deal to buy", "a contract to supply") yields to the verb."""
    verbs_hosted = set()
    for c in cands:
        if c.trigger.kind == "verb":
            for link in c.chain_idx.values():
                if link.kind == "noun_host":
                    verbs_hosted.add(link.token.i)
    return [c for c in cands if not (c.trigger.kind == "noun" and c.trigger.frame == "neutral"
                                     and c.trigger.token.i in verbs_hosted)]


def inherit_from_container(sv: SentenceView, cands: list[Candidate]):
    """'the U.S. government announced a package that includes the planned transfer of nine Black Hawk
    helicopters to Peru': a transfer a package or deal includes is given by whoever gives the package."""
    by_token = {c.trigger.token.i: c for c in cands}
    for c in cands:
        tok = c.trigger.token
        if c.suppliers or c.trigger.kind != "noun" or tok.dep_ not in ("dobj", "attr") \
                or tok.head.lemma_.lower() not in sv.lex.include_verbs:
            continue
        verb = tok.head
        subj = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        container = verb.head if (subj is None or subj.lower_ in RELATIVE) and verb.dep_ == "relcl" else subj
        outer = by_token.get(container.i) if container is not None else None
        if outer is None:
            continue
        givers = outer.suppliers or (outer.sides if len({p.key for p in outer.sides}) == 1 else [])
        if givers and not {p.key for p in givers} & {p.key for p in c.recipients}:
            c.suppliers = list(givers)


def parties_from_relative(cands: list[Candidate]):
    """'The aid Sweden pledged to Egypt consists of four RBS 70 systems, 30 Archer howitzers ...', 'The
    package Germany unveiled for Lithuania includes ...': the relative clause on a package or deal noun
    names the parties, the noun's own phrase names the weapons; the noun takes the clause's parties."""
    by_token = {c.trigger.token.i: c for c in cands}
    for v in cands:
        tok = v.trigger.token
        host = by_token.get(tok.head.i) if tok.dep_ == "relcl" and v.trigger.kind == "verb" else None
        if host is None or host.trigger.kind != "noun" or v.weapons or not (v.suppliers or v.recipients) \
                or not host.weapons or host.suppliers or host.recipients:
            continue
        host.suppliers, host.recipients = list(v.suppliers), list(v.recipients)
        if v.passive == host.passive:
            host.date = host.date or v.date


def contents_after_include(sv: SentenceView, cands: list[Candidate]):
    """'a package for Cairo that includes, among other things, 36 TB2 drones and T129 helicopters': an
    aside after the include verb can cut its objects off in the parse; a package with both sides named and
    no weapon takes the weapons no other trigger took after its 'includes'."""
    taken = {id(w) for c in cands for w in c.weapons}
    for c in cands:
        if c.weapons or not c.suppliers or not c.recipients or c.trigger.kind != "noun":
            continue
        # the relative clause hangs on the package, or on its "for X" ("a package for the Philippines that contains")
        include = next((t for t in c.trigger.token.subtree if t.dep_ == "relcl" and t.lemma_.lower() in sv.lex.include_verbs
                        and (t.head.i == c.trigger.token.i or t.head.i in sv.tok_party)), None)
        if include is None:
            continue
        free = [w for w in sv.weapons if not w.generic and not w.bound and id(w) not in taken and w.start > include.i]
        if free:
            c.weapons = free
            c.confidence = min(c.confidence, 0.6)
            taken |= {id(w) for w in free}
