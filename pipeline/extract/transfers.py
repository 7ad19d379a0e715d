"""Arms-transfer mentions: supplier, recipient, weapon, quantity, stage, modality and date per sentence.

Public API (called by pipeline.extract.assemble)::

    extract_transfers(doc, entities, figures, dates, published=None, title=None) -> list[TransferMention]

A pure function of the parsed article and the mentions the other extractors found. Per
sentence: find trigger words (pipeline/data/transfer_triggers.yaml), read supplier and
recipient off the dependency parse (transfer_roles), attach the WEAPON mentions the trigger
governs, link the quantity and date of the same clause, set stage and modality from the
trigger, its auxiliaries and embedding verbs, and drop what is not an international
transfer (same state on both sides, company customers, civil airliners, unnamed recipients).
A party left unnamed may be taken from the previous sentence, the title, or (second pass) the
article's one dyad / one recipient / the voice of a first-person statement, when those name
exactly one candidate; such rows carry a lower confidence.

Helpers: transfer_lexicon (the YAML, compiled once), transfer_parse (parties, weapons, triggers
located on the parse), transfer_roles (chains, role tables, weapon attachment).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from pipeline.extract.doc_views import doc_sentences, doc_text
from pipeline.extract.transfer_lexicon import lexicon
from pipeline.extract.transfer_parse import Party, SentenceView, Trigger, Weapon, token_range
from pipeline.extract.transfer_roles import (RELATIVE, REFLEXIVE, SUBJ, attach, build_chain, is_passive,
                                             role_for, triggers_of_weapon_head, weapon_attaches)
from pipeline.records import DateMention, EntityMention, Figure, TransferMention

QUANTITY_UNITS = (None, "count", "other")
_YEARLIKE = re.compile(r"^(1[89]\d\d|20\d\d)s?$")


@dataclass
class Candidate:
    trigger: Trigger
    suppliers: list = field(default_factory=list)     # Party
    recipients: list = field(default_factory=list)
    weapons: list = field(default_factory=list)       # Weapon
    stage: str = "unknown"
    modality: str = "asserted"
    confidence: float = 1.0
    context: bool = False
    chain_idx: dict = field(default_factory=dict)
    money: Figure | None = None
    date: DateMention | None = None
    bound: dict = field(default_factory=dict)      # id(party) -> Weapon its phrase hangs on


# ====================================================================== public API
@dataclass
class DocContext:
    """Article-level context: the voice of first-person statements and the article's one dyad."""
    title_keys: set = field(default_factory=set)
    speaker: Party | None = None
    dyads: list = field(default_factory=list)     # distinct named (supplier, recipient) of the first pass
    recipient: tuple | None = None                # (iso3, name) when the first pass found exactly one recipient


def extract_transfers(doc, entities: list[EntityMention], figures: list[Figure], dates: list[DateMention],
                      published: dt.date | None = None, title: str | None = None) -> list[TransferMention]:
    if isinstance(published, dt.datetime):
        published = published.date()
    ctx = DocContext(title_keys=_title_parties(title, published))
    rows, direct, votes = _run(doc, entities, figures, dates, published, ctx)
    # second pass with what the first established across the article: the voice of first-person
    # statements ("we are providing Ukraine with ...") and the article's one dyad ("These new
    # capabilities include ...")
    speaker = _speaker(votes, entities)
    named = [r for r, d in zip(rows, direct) if d and r.confidence >= 0.6]   # not possession-only rows
    dyads = sorted({(r.supplier_iso3, r.supplier_name, r.recipient_iso3, r.recipient_name)
                    for r in named if r.supplier_iso3 and r.recipient_iso3}, key=str)
    uniq = sorted({(d[0], d[2]) for d in dyads})
    recips = {r.recipient_iso3: r.recipient_name for r in named if r.recipient_iso3}
    ctx2 = DocContext(title_keys=ctx.title_keys, speaker=speaker,
                      dyads=[next(d for d in dyads if (d[0], d[2]) == u) for u in uniq],
                      recipient=next(iter(recips.items())) if len(recips) == 1 else None)
    if ctx2.speaker is not None or ctx2.dyads or ctx2.recipient:
        rows, _, _ = _run(doc, entities, figures, dates, published, ctx2)
    return _dedupe(rows)


def _run(doc, entities, figures, dates, published, ctx: DocContext):
    lex = lexicon()
    rows: list[TransferMention] = []
    direct: list[bool] = []
    votes: set = set()          # states named as the giving side anywhere (with or without a weapon)
    lead_date: DateMention | None = None
    last_category: str | None = None
    signings: list = []
    prev_dyads: list[tuple] = []
    prev_subject: Party | None = None
    prev_pair: tuple | None = None
    prev_dates: dict = {}       # (supplier iso3, recipient iso3) -> the dates the previous sentence gave that dyad
    text = doc_text(doc)
    for sent in doc_sentences(doc):
        sent_text = text[sent.start_char:sent.end_char]   # == sent.text, which re-joins its tokens
        if not sent_text.strip():
            continue
        lo, hi = sent.start_char, sent.end_char
        s_ents = [e for e in entities if lo <= e.char_start and e.char_end <= hi]
        own_pair = _bilateral_pair(text, s_ents, lex)
        pair, prev_pair = own_pair or prev_pair, own_pair
        sv = SentenceView(sent, s_ents, lex, anaphor_category=last_category, text=text)
        cats = {w.category for w in sv.weapons if not w.generic and not w.bound}
        if cats:
            last_category = next(iter(cats)) if len(cats) == 1 else None
        _resolve_pronouns(sv, prev_subject, ctx.speaker)
        prev_subject = _main_subject(sv)
        s_figs = [f for f in figures if lo <= f.char_start and f.char_end <= hi]
        s_dates = [d for d in dates if lo <= d.char_start and d.char_end <= hi]
        # "Today, I am announcing that:" dates the list items that follow it
        colon = re.search(r":\s*\n", sent_text)
        if colon is not None:
            cut = sent.start_char + colon.start()
            lead_date = next((d for d in s_dates if d.date_start is not None and d.char_end <= cut), None)
        elif not _list_item(text, sent.start_char):
            lead_date = None
        cands = [c for c in (_candidate(sv, t) for t in sv.triggers) if c is not None]
        _orphan_weapon(sv, cands)
        cands = _merge_neutral(cands)
        _share_recipient(cands)
        for c in cands:
            if c.recipients and not c.context:
                votes.update(p.iso3 for p in c.suppliers if p.iso3 and not p.pronoun)
        for c in cands:
            if not c.weapons:
                _note_signing(sv, c, s_dates, signings)
        cands = [c for c in cands if c.weapons]
        sent_rows: list[tuple] = []
        for c in cands:
            _fill_from_context(sv, c, prev_dyads, ctx)
            _fill_from_pair(sv, c, pair)
            c.stage, c.modality = _stage_modality(sv, c)
            c.date = _link_date(sv, c, s_dates) or (lead_date if _list_item(text, c.trigger.token.idx) else None)
            if c.date is None and c.context:
                # "These new capabilities include artillery systems": the continued transfer keeps its date
                dyad_dates = {d for sp in c.suppliers for rp in c.recipients
                              for d in prev_dates.get((sp.iso3, rp.iso3), ())}
                if len(dyad_dates) == 1:
                    c.date = next(iter(dyad_dates))
            if c.date is not None and published is not None and c.modality == "asserted" \
                    and c.date.date_end is not None and c.date.date_end < dt.date(published.year, 1, 1):
                c.modality = "historical"
            c.money = _link_money(sv, c, s_figs)
            is_direct = not c.context and not any(p.context for p in c.suppliers + c.recipients)
            sent_rows.extend((r, is_direct) for r in _rows(sv, c, s_figs))
        sent_rows.extend((r, False) for r in _earlier_buyers(sv, [r for r, _ in sent_rows]))
        prev_dates = {}
        for c in cands:
            if c.date is not None:
                for sp in c.suppliers:
                    for rp in c.recipients:
                        prev_dates.setdefault((sp.iso3, rp.iso3), set()).add(c.date)
        kept_pairs = _subsume_unnamed(sent_rows)
        kept = [r for r, _ in kept_pairs]
        for r, d in kept_pairs:
            rows.append(r)
            direct.append(d)
        # the context a following sentence may borrow from: this sentence's transfers
        prev_dyads = sorted({(r.supplier_iso3, r.supplier_name, r.recipient_iso3, r.recipient_name)
                             for r in kept}, key=str)
    return _date_from_signing(rows, signings), direct, votes


_SIGN_VERBS = {"sign", "ink", "conclude", "finalize", "finalise", "seal", "close", "complete"}


def _note_signing(sv: SentenceView, c: Candidate, dates, signings: list):
    """'Slovakia's defence minister signed the contract on Wednesday with Lockheed Martin': a dated
    signing of a deal already named (no weapon of its own) dates that deal."""
    trig = c.trigger
    if trig.kind != "noun" or trig.frame != "neutral":
        return
    if not any(ch.dep_ == "det" and ch.lower_ in ("the", "this", "that") for ch in trig.token.children):
        return
    gov = [lk for lk in c.chain_idx.values() if lk.kind == "gov" and lk.token.lemma_.lower() in _SIGN_VERBS]
    if not gov:
        return
    d = _link_date(sv, c, dates)
    if d is None:
        return
    isos = {p.iso3 for p in sv.parties if p.iso3 and not p.pronoun}
    signings.append((d, isos))


def _date_from_signing(rows: list[TransferMention], signings: list) -> list[TransferMention]:
    if len(signings) != 1:
        return rows
    d, isos = signings[0]
    out = []
    for r in rows:
        if r.date_start is None and r.stage in ("ordered", "approved", "negotiating") and r.supplier_iso3 \
                and r.recipient_iso3 and isos and isos <= {r.supplier_iso3, r.recipient_iso3}:
            r = replace(r, date_start=d.date_start, date_end=d.date_end, date_text=d.text)
        out.append(r)
    return out


_RANK_WORDS = {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "latest",
               "last", "next", "newest"}


def _earlier_buyers(sv: SentenceView, rows: list[TransferMention]) -> list[TransferMention]:
    """'making India the third foreign buyer of this system after China and Turkey': the states listed
    after "after" in a ranked-buyer sentence bought the same system from the same supplier before."""
    recipients = {r.recipient_iso3 for r in rows}
    if not rows or len(recipients) != 1 or None in recipients:
        return []
    if not any(t.dep_ == "amod" and t.lower_ in _RANK_WORDS and t.head.pos_ in ("NOUN", "PROPN")
               for t in sv.tokens):
        return []
    earlier: list[Party] = []
    for tok in sv.tokens:
        if tok.lower_ != "after" or tok.dep_ not in ("prep", "mark"):
            continue
        for obj in (c for c in tok.children if c.dep_ == "pobj"):
            for t in [obj] + list(obj.conjuncts):
                p = sv.tok_party.get(t.i)
                if p is not None and p.label == "COUNTRY" and p.iso3 and p.iso3 not in recipients and p not in earlier:
                    earlier.append(p)
    return [replace(r, recipient_name=p.name, recipient_iso3=p.iso3, quantity_value=None, quantity_low=None,
                    quantity_high=None, quantity_text=None, quantity_qualifier=None, date_start=None,
                    date_end=None, date_text=None, deal_value=None, deal_currency=None,
                    confidence=round(r.confidence - 0.2, 2))
            for p in earlier for r in rows if r.supplier_iso3 != p.iso3]


def _list_item(text: str, pos: int) -> bool:
    """Is this position inside a bulleted line ("- I have directed the Department of Defense ...")?"""
    line_start = text.rfind("\n", 0, pos) + 1
    return text[line_start:pos + 1].lstrip()[:1] in ("-", "\u2022", "*", "\u2013", "\u2014")


# ====================================================================== candidates
def _candidate(sv: SentenceView, trig: Trigger) -> Candidate | None:
    chain = build_chain(sv, trig)
    chain_idx: dict[int, object] = {}
    for link in chain:
        chain_idx.setdefault(link.token.i, link)
    passive = trig.kind in ("verb", "license") and is_passive(trig.token, sv)
    roles: dict[str, list[Party]] = {"S": [], "R": [], "A": [], "B": [], "R2": [], "RB": []}
    bound: dict[int, Weapon] = {}    # party -> the weapon its phrase hangs on
    for p in sv.parties:
        if p.root.i in chain_idx:
            continue
        att = attach(sv, p.root, chain_idx)
        if att is None:
            continue
        role = role_for(trig, att[0], att[1], att[2], att[3], passive)
        if role:
            roles[role].append(p)
            if sv._last_weapon is not None and role in ("S", "R"):
                bound[id(p)] = sv._last_weapon
    if roles["RB"]:
        roles["R"] = roles["RB"]          # the beneficiary receives, the buyer only intermediates
    if not roles["R"] and roles["R2"]:
        roles["R"] = [p for p in roles["R2"] if not p.pronoun]
    tok = trig.token
    # a verb the parser left without a subject, with a party right before it ("In 2019 Turkey bought")
    if trig.kind == "verb" and not passive and not any(c.dep_ in SUBJ for c in tok.children) \
            and tok.dep_ in ("ROOT", "conj", "ccomp"):
        first = min([c.i for c in tok.children if c.dep_ in ("aux", "neg", "advmod") and c.i < tok.i] + [tok.i])
        for p in sv.parties:
            if p.end == first and p.root.dep_ in ("pobj", "npadvmod", "dep") and not any(
                    p in v for v in roles.values()):
                role = {"supply": "S", "acquire": "R"}.get(trig.frame)
                if role:
                    roles[role].append(p)
    # "a deal for India to buy S-400s": the partner of the deal is the other side
    if trig.kind == "verb" and any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
        host = tok.head
        nouns = [host] if host.pos_ == "NOUN" else [c for c in host.children if c.dep_ in ("dobj", "attr")]
        nouns = [n for n in nouns if sv.lex.nouns.get(n.lemma_.lower()) is not None
                 and sv.lex.nouns[n.lemma_.lower()].frame == "neutral"]
        if nouns:
            noun = nouns[0]
            others = [c for c in noun.children if c.dep_ == "poss"]
            if host.pos_ in ("VERB", "AUX"):
                others += [c for c in host.children if c.dep_ in ("nsubj",)]
            role = {"supply": "R", "acquire": "S"}.get(trig.frame)
            for o in others:
                for p in sv.parties:
                    if p.root.i == o.i and role and p not in roles["S"] + roles["R"]:
                        roles[role].append(p)
    # relative and participial clauses on a party: "Russia, which bought drones ...",
    # "Northrop, seeking to sell F-5s ..." -> the party is the subject
    if trig.kind in ("verb", "possession", "license"):
        for link in [lk for lk in chain if lk.kind in ("self", "subj_control")]:
            v = link.token
            if v.dep_ not in ("relcl", "acl", "advcl") or v.head.i not in sv.tok_party:
                continue
            own = [c for c in v.children if c.dep_ in SUBJ]
            if own and not all(c.lower_ in RELATIVE for c in own):
                continue
            if not own and v.tag_ == "VBN":
                continue      # "weapons sold to ..." on a party is rare; a participle is passive
            p = sv.tok_party[v.head.i]
            role = {"supply": "S", "acquire": "R", "possession": "R", "license": "R"}.get(trig.frame)
            if any(p.key == q.key for v_ in roles.values() for q in v_):
                break     # "exports to Ukraine, which will provide Ukraine with ...": not the antecedent
            if role and not passive and p not in roles[role]:
                roles[role].append(p)
                for c in p.root.conjuncts:
                    if c.i in sv.tok_party and sv.tok_party[c.i] not in roles[role]:
                        roles[role].append(sv.tok_party[c.i])
            break
    # reflexive object: "Teheran has equipped itself with ..." -> the subject receives
    if trig.frame == "supply" and any(c.dep_ in ("dobj", "dative") and c.lower_ in REFLEXIVE for c in tok.children):
        roles["R"].extend(roles["S"])
        roles["S"] = []
    weapons = [w for w in sv.weapons if (w.start <= tok.i < w.end) or weapon_attaches(sv, w, chain_idx, trig)]
    for w in triggers_of_weapon_head(sv, trig):
        if w not in weapons:
            weapons.append(w)
    if trig.frame == "possession":
        # held weapons are the object: "fired Iranian-made drones", not "fired on an American helicopter"
        def _object(w):
            r = w.root
            while r.dep_ == "conj" and r.head.i != tok.i:
                r = r.head
            return (r.head.i == tok.i and r.dep_ in ("dobj", "nsubjpass")) or (tok.dep_ in ("acl", "relcl", "amod")
                                                                             and tok.head.i == w.root.i)
        weapons = [w for w in weapons if _object(w)]
    if not weapons and trig.kind == "verb":
        # "upgraded the two vessels before handing them over to Bangladesh": an object pronoun stands for
        # the weapon named just before it in the sentence
        pron = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("them", "it", "they")), None)
        if pron is not None:
            before = [w for w in sv.weapons if w.end <= pron.i]
            if before:
                weapons = [max(before, key=lambda w: w.end)]
    if trig.kind == "noun":
        # "weapons, ammunition, and other security assistance to Ukraine": the list the aid noun closes
        for c in tok.conjuncts:
            w = sv.tok_weapon.get(c.i)
            if w is not None and w not in weapons:
                weapons.append(w)
    if trig.kind == "noun" and trig.frame == "aid" and not weapons:
        if any(c.lower_ in sv.lex.military_aid_modifiers for c in tok.children if c.dep_ in ("amod", "compound")):
            mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.lower_ in sv.lex.military_aid_modifiers]
            start = min(m.i for m in mods)
            span = sv.doc[start: tok.i + 1]
            weapons.append(Weapon(text=span.text, category="unspecified", start=span.start, end=span.end,
                                  root=tok, char_start=span.start_char, char_end=span.end_char, generic=True))
    # "a Type 035B (Ming-class) submarine": one weapon named three ways -> the head noun
    weapons = [w for w in weapons if not any(
        o is not w and o.category == w.category and w.root.i != o.root.i
        and w.root.i in {t.i for t in o.root.subtree} for o in weapons)]
    specific = [w for w in weapons if not w.generic and not w.bound]
    if specific:
        weapons = specific
    else:
        named = [w for w in weapons if not w.generic]
        weapons = named or weapons
    if trig.entry.named_only:
        weapons = [w for w in weapons if not w.generic]
    c = Candidate(trigger=trig, chain_idx=chain_idx, weapons=weapons, bound=bound)
    _assign_roles(sv, c, roles)
    if trig.kind == "license":
        if not c.weapons:
            # "F-15s and missiles ..., although all of these have been built under licence from U.S. firms"
            c.weapons = [w for w in sv.weapons if not w.generic and not w.bound]
            c.confidence = 0.6
        if c.weapons and not c.recipients:
            # the weapons' holder builds them: "the Japan Defence Agency's F-15s ... built under licence"
            c.recipients = _uniq([w.possessor for w in c.weapons if w.possessor is not None])
    if trig.frame == "possession":
        # possession is a transfer only with a stated origin on the weapon
        c.suppliers = []
        c.confidence = 0.4
    c.confidence = min(c.confidence, {"verb": 0.85, "noun": 0.75, "license": 0.75, "possession": 0.4}[trig.kind])
    return c


def _assign_roles(sv: SentenceView, c: Candidate, roles: dict):
    S, R, A, B = roles["S"], roles["R"], roles["A"], roles["B"]
    if A or B:
        # neutral frame: decide which side supplies
        a_side, b_side = list(A), list(B)
        if a_side and b_side:
            a_comp = any(p.label == "COMPANY" for p in a_side)
            b_comp = any(p.label == "COMPANY" for p in b_side)
            # the weapon's maker state decides: stated ("Iranian drones") or from the gazetteer ("K2 tanks")
            origins = _maker_states(c.weapons)
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
                # "the Iran arms deal": one party, side unknown -> the weapon's stated origin decides;
                # "France and Egypt signed a deal for 30 Rafale jets": the maker's side supplies the other
                origins = {o.iso3 for w in c.weapons for o in w.origins}
                makers = _maker_states(c.weapons)
                makers_side = [p for p in a_side if p.iso3 in makers]
                if len(a_side) > 1 and len(makers_side) == 1 and len({p.iso3 for p in a_side}) == len(a_side):
                    S = S + makers_side
                    R = R + [p for p in a_side if p not in makers_side]
                elif origins and any(p.iso3 in origins for p in a_side):
                    S = S + a_side
                elif origins:
                    R = R + a_side
        elif b_side:
            if R and not S:
                S = S + b_side
            elif S and not R:
                R = R + b_side
            elif not S and not R:
                S = S + b_side   # "an arms deal with North Korea": the partner of the subject supplies
    c.suppliers = _uniq(S)
    c.recipients = _uniq([p for p in R if p not in c.suppliers])


def _maker_states(weapons) -> set:
    """The states the weapons come from: stated in the text ("Iranian drones") or the gazetteer's maker."""
    return {o.iso3 for w in weapons for o in w.origins} | {w.iso3_hint for w in weapons
                                                           if w.iso3_hint and not w.generic}


def _orphan_weapon(sv: SentenceView, cands: list[Candidate]):
    """A parse that strands the object: 'Japan wants to give the Philippines a handful of Beechcraft TC-90
    King Air training planes' (the planes hang on "wants"). One verb with both sides named and no weapon,
    one named weapon no other trigger took: pair them, with a lower confidence."""
    bare = [c for c in cands if not c.weapons and c.suppliers and c.recipients and c.trigger.kind == "verb"
            and c.trigger.frame in ("supply", "acquire")]
    if len(bare) != 1:
        return
    taken = {id(w) for c in cands for w in c.weapons}
    free = [w for w in sv.weapons if not w.generic and not w.bound and id(w) not in taken]
    # a weapon inside another's phrase ("planes that could be fitted with radar") is not a second candidate
    def reach(o):
        return {t.i for k in range(o.start, o.end) for t in sv.doc[k].subtree}
    free = [w for w in free if not any(o is not w and w.root.i in reach(o) for o in free)]
    if len(free) != 1 or free[0].start < bare[0].trigger.token.i:
        return
    bare[0].weapons = free
    bare[0].confidence = min(bare[0].confidence, 0.5)


def _share_recipient(cands: list[Candidate]):
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
                    and c.trigger.token.dep_ in ("acl", "relcl", "conj", "appos"):
                c.recipients = [only]
    if len(suppliers) == 1:
        only = next(iter(suppliers.values()))
        for c in cands:
            if c.recipients and not c.suppliers and not any(w.origins for w in c.weapons) \
                    and {p.key for p in c.recipients} <= set(recips) and only.key not in {p.key for p in c.recipients} \
                    and any(o is not c and {p.key for p in o.recipients} == {p.key for p in c.recipients}
                            and o.suppliers for o in cands):
                c.suppliers = [only]
                c.context = True


def _subsume_unnamed(pairs: list[tuple]) -> list[tuple]:
    """Within a sentence an unnamed supplier of a recipient's weapons is one of the named ones; its count
    goes to the named row when that has none. Works on (row, flag) pairs; returns the kept pairs."""
    def key(r):
        return (r.recipient_iso3, r.recipient_name, r.weapon_category)
    rows = [r for r, _ in pairs]
    named = {key(r) for r in rows if r.supplier_iso3 or r.supplier_name}
    unnamed_q = {key(r): r for r in rows if not (r.supplier_iso3 or r.supplier_name)
                 and (r.quantity_value is not None or r.quantity_low is not None)}
    out = []
    for r, flag in pairs:
        if not (r.supplier_iso3 or r.supplier_name):
            if key(r) in named:
                continue
        elif r.quantity_value is None and r.quantity_low is None and key(r) in unnamed_q:
            q = unnamed_q[key(r)]
            r = replace(r, quantity_value=q.quantity_value, quantity_low=q.quantity_low, quantity_high=q.quantity_high,
                        quantity_text=q.quantity_text, quantity_qualifier=q.quantity_qualifier)
        out.append((r, flag))
    return out


def _uniq(parties):
    out, seen = [], set()
    for p in parties:
        if id(p) not in seen:
            seen.add(id(p))
            out.append(p)
    return out


def _merge_neutral(cands: list[Candidate]) -> list[Candidate]:
    """A neutral noun hosting a verb trigger ("a deal to buy", "a contract to supply") yields to the verb."""
    verbs_hosted = set()
    for c in cands:
        if c.trigger.kind == "verb":
            for link in c.chain_idx.values():
                if link.kind == "noun_host":
                    verbs_hosted.add(link.token.i)
    return [c for c in cands if not (c.trigger.kind == "noun" and c.trigger.frame == "neutral"
                                     and c.trigger.token.i in verbs_hosted)]


# ====================================================================== pronouns
def _np_parties(sv: SentenceView, tok) -> list[Party]:
    """Parties that form (or possess) the noun phrase headed by tok: 'India's Foreign Minister'."""
    out = []
    for p in sv.parties:
        if p.pronoun and p.root.i != tok.i:
            continue
        t = p.root
        for _ in range(5):
            if t.i == tok.i:
                out.append(p)
                break
            if t.dep_ not in ("poss", "compound", "amod", "nmod", "conj", "appos", "pobj", "prep") or t.head is t:
                break
            if t.dep_ == "pobj" and t.head.lower_ != "of":
                break
            t = t.head
    return out


def _antecedent(sv: SentenceView, pron, person: bool = False) -> list[Party]:
    """The party a pronoun stands for: the subject or possessor of a governing clause or noun.
    person=True ("his country"): the subject must be a person whose state is named ("India's
    Foreign Minister"), not the state itself."""
    cur = pron.head if pron.dep_ != "poss" else pron.head.head
    seen = 0
    while cur is not None and seen < 8:
        for c in cur.children:
            if c.i == pron.i or c.i > pron.i and c.dep_ not in SUBJ + ("poss",):
                continue
            if c.dep_ in SUBJ + ("poss",) and c.i < pron.i:
                if person and (c.i in sv.tok_party or c.pos_ != "NOUN" and c.pos_ != "PROPN"):
                    continue
                parties = _np_parties(sv, c)
                if len({p.iso3 for p in parties}) == 1 and len(parties) > 1:
                    # "Brazil's Embraer said it ...": the head of the noun phrase
                    parties = [p for p in parties if p.root.i == c.i] or parties[:1]
                if parties:
                    return parties
        if cur.head is cur:
            break
        cur = cur.head
        seen += 1
    return []


def _main_subject(sv: SentenceView) -> Party | None:
    """The party that is the subject of the sentence's main verb (for 'It' in the next sentence)."""
    root = sv.sent.root
    if root.lemma_.lower() in sv.lex.reporting_verbs:
        # "Canada is scrapping a plan ..., three sources said": the subject of the reported clause
        inner = next((c for c in root.children if c.dep_ == "ccomp"), None)
        if inner is not None:
            root = inner
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            parties = [p for p in sv.parties if p.root.i == c.i] or _np_parties(sv, c)
            if len({p.key for p in parties}) == 1:
                return parties[0]
    return None


_SPEAKER_HEADS = {"administration", "president"}
_STATE_HEADS = {"government", "kingdom", "regime", "cabinet", "authorities", "nation", "country"}


def _bare_state_np(sv: SentenceView, tok) -> bool:
    """'the Liberal government', 'the kingdom': a state named only by its head noun."""
    if tok.lower_ not in _STATE_HEADS or tok.i in sv.tok_party:
        return False
    kids = list(tok.children)
    if any(c.i in sv.tok_party or c.dep_ in ("prep", "poss") for c in kids):
        return False
    return any(c.dep_ == "det" and c.lower_ == "the" for c in kids)


def _is_speaker_np(sv: SentenceView, tok) -> bool:
    """'we', 'I', 'my Administration', a bare 'the administration' / 'the President'."""
    low = tok.lower_
    if low in ("we", "i") and tok.dep_ in SUBJ:
        return True
    if low in _SPEAKER_HEADS and tok.i not in sv.tok_party:
        kids = list(tok.children)
        if any(c.i in sv.tok_party or c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in kids):
            return False
        if any(c.dep_ == "prep" for c in kids):
            return False
        return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "my", "our") for c in kids)
    return False


def _resolve_pronouns(sv: SentenceView, prev_subject: Party | None = None, speaker: Party | None = None):
    for tok in sv.tokens:
        low = tok.lower_
        target = None
        if speaker is not None and tok.dep_ in SUBJ and _is_speaker_np(sv, tok) and tok.i not in sv.tok_party:
            # first-person official statements: "we are providing Ukraine with ...", "my Administration is
            # authorizing": the state whose government bodies the article names (exactly one)
            p = Party(name=speaker.name, iso3=speaker.iso3, label="COUNTRY", start=tok.i, end=tok.i + 1, root=tok,
                      char_start=tok.idx, char_end=tok.idx + len(tok.text), pronoun=True)
            p.context = True
            sv.parties.append(p)
            sv.tok_party[tok.i] = p
            continue
        if tok.dep_ in SUBJ and _bare_state_np(sv, tok):
            # "Indian officials said the country would acquire ...": the state of the speaker's clause;
            # "Canada is scrapping a plan ... Instead, the Liberal government will buy ...": the state in focus
            ante = [a for a in _antecedent(sv, tok) if a.iso3]
            if len({a.iso3 for a in ante}) == 1:
                src, from_ctx = ante[0], False
            elif prev_subject is not None and prev_subject.label == "COUNTRY":
                src, from_ctx = prev_subject, True
            else:
                continue
            p = Party(name=src.name, iso3=src.iso3, label="COUNTRY", start=tok.i, end=tok.i + 1,
                      root=tok, char_start=tok.idx, char_end=tok.idx + len(tok.text), pronoun=True)
            p.context = from_ctx
            sv.parties.append(p)
            sv.tok_party[tok.i] = p
            continue
        if low in ("it", "they", "itself", "themselves") and tok.dep_ in SUBJ + ("dobj", "dative", "pobj"):
            target = tok
        elif low == "country" and any(c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their", "our")
                                      for c in tok.children):
            target = tok
        if target is None or target.i in sv.tok_party:
            continue
        if low in ("itself", "themselves"):
            continue  # handled as a reflexive by the trigger
        ante = _antecedent(sv, target, person=(low == "country"))
        from_context = False
        if not ante and speaker is not None and low in ("it",) and _speaker_antecedent(sv, target):
            ante = [speaker]          # "The administration has said it intends to provide arms ..."
            from_context = True
        if not ante and prev_subject is not None and low in ("it", "they") and tok.dep_ in ("nsubj", "nsubjpass") \
                and (tok.i == sv.sent.start or tok.head.i == sv.sent.root.i):
            ante = [prev_subject]     # "Moscow ... . It is a major arms supplier to Iraq"
            from_context = True
        if len({p.key for p in ante}) != 1:
            continue
        a = ante[0]
        p = Party(name=a.name, iso3=a.iso3, label=a.label, start=target.i, end=target.i + 1, root=target,
                  char_start=target.idx, char_end=target.idx + len(target.text), pronoun=True)
        p.context = from_context
        sv.parties.append(p)
        sv.tok_party[target.i] = p


def _speaker_antecedent(sv: SentenceView, pron) -> bool:
    """Is the subject of a clause governing the pronoun a speaker noun phrase ('the administration')?"""
    cur = pron.head
    for _ in range(6):
        for c in cur.children:
            if c.dep_ in SUBJ and c.i < pron.i:
                return _is_speaker_np(sv, c)
        if cur.head is cur:
            return False
        cur = cur.head
    return False


_FORCES = re.compile(r"\b(army|navy|air force|armed forces|military|marines?|intelligence|guard|forces)\b", re.I)


def _speaker(votes: set, entities: list[EntityMention]) -> Party | None:
    """The voice of first-person official statements: the one state the article names as a giver
    ("the United States will continue to provide Ukraine ..."), else the one state of its government
    bodies ("the Department of Defense", "the Pentagon"; armed forces do not speak for the statement)."""
    if len(votes) == 1:
        iso = next(iter(votes))
        name = next((e.canonical_name or e.text for e in entities if e.country_iso3 == iso
                     and e.label in ("COUNTRY", "ORG")), iso)
        return Party(name=name, iso3=iso, label="COUNTRY", start=0, end=0, root=None, char_start=0, char_end=0)
    if votes:
        return None
    orgs = [e for e in entities if e.label == "ORG" and e.country_iso3
            and not _FORCES.search(e.canonical_name or e.text)]
    isos = {e.country_iso3 for e in orgs}
    if len(isos) != 1:
        return None
    iso = next(iter(isos))
    org = orgs[0]
    return Party(name=org.canonical_name or org.text, iso3=iso, label="COUNTRY", start=0, end=0, root=None, char_start=0, char_end=0)


# ====================================================================== context
_ANAPHORIC_DETS = {"the", "this", "these", "that", "those", "such"}


def _is_anaphoric(sv: SentenceView, c: Candidate) -> bool:
    tok = c.trigger.token
    toks = [tok] + [w.root for w in c.weapons]
    for t in toks:
        if any(ch.dep_ in ("det", "poss") and ch.lower_ in _ANAPHORIC_DETS | {"its", "their"} for ch in t.children):
            return True
    # "committing to provide further aircraft": more of what was named before
    for w in c.weapons:
        if any(ch.dep_ == "amod" and ch.lower_ in ("further", "additional", "more") for ch in w.root.children):
            return True
    # a subject that is an anaphoric noun phrase of an include-verb
    for link in c.chain_idx.values():
        t = link.token
        for ch in t.children:
            if ch.dep_ in SUBJ and ch.lower_ in ("it", "they", "we"):
                return True
    return False


def _fill_from_context(sv: SentenceView, c: Candidate, prev_dyads, ctx: DocContext):
    """Borrow a missing party when exactly one candidate fits: first the previous sentence's transfer,
    then the title, then the article's one dyad. "The deal also includes ammunition", "Israel is
    expected to get F-35s", "These new capabilities include artillery systems"."""
    if c.suppliers and c.recipients:
        return
    if c.trigger.frame == "possession":
        return
    if not c.recipients and len(c.suppliers) >= 2:
        # "Russia and India signed a contract to supply the S-400 systems": a pair the article already
        # knows as supplier and recipient
        isos = {p.iso3 for p in c.suppliers}
        pairs = [d for d in ctx.dyads if d[0] in isos and d[2] in isos]
        if len(pairs) == 1:
            c.recipients = [p for p in c.suppliers if p.iso3 == pairs[0][2]]
            c.suppliers = [p for p in c.suppliers if p.iso3 == pairs[0][0]]
            return
    anaphoric = _is_anaphoric(sv, c)
    if not c.suppliers and not c.recipients:
        if not anaphoric:
            return
        source = prev_dyads if len(prev_dyads) == 1 else ctx.dyads if (not prev_dyads and len(ctx.dyads) == 1) else []
        # the sentence may name the same states again ("missiles already in South Korea"), no others
        named = {p.iso3 for p in sv.parties if not p.pronoun and p.iso3}
        if len(source) == 1 and named <= {source[0][0], source[0][2]}:
            s_iso, s_name, r_iso, r_name = source[0]
            if (s_name or s_iso) and not any(w.origins for w in c.weapons):
                c.suppliers = [_ctx_party(sv, s_name, s_iso)]
            if r_name or r_iso:
                c.recipients = [_ctx_party(sv, r_name, r_iso)]
            c.context = True
        return
    if not anaphoric and not _missing_needs_context(c):
        # a giver and a weapon without a receiver, in an article about exactly one receiver
        # ("he gave orders to sell arms through Israel" in an Iran-contra story)
        if c.suppliers and not c.recipients and ctx.recipient and not c.trigger.entry.agent \
                and c.trigger.frame in ("supply", "aid") and ctx.recipient[0] not in {p.iso3 for p in c.suppliers} \
                and not _generic_present(c.trigger.token):
            c.recipients = [_ctx_party(sv, ctx.recipient[1], ctx.recipient[0])]
            c.context = True
        return
    known = c.suppliers or c.recipients
    known_keys = {p.key for p in known}
    if not c.suppliers and any(w.origins for w in c.weapons):
        return   # the origin on the weapon is a stated supplier
    need_supplier = not c.suppliers
    pick = _pick(prev_dyads, need_supplier, known_keys)
    if pick is None and not prev_dyads and ctx.title_keys:
        tk = {k for k in ctx.title_keys if (k, None) not in known_keys}
        if len(tk) == 1:
            iso = next(iter(tk))
            pick = (iso, iso)
    if pick is None and ctx.dyads:
        # the article's one supplier of this recipient, or the article's one recipient
        same_side = [d for d in ctx.dyads if (d[2], None) in known_keys] if need_supplier else ctx.dyads
        pick = _pick(same_side, need_supplier, known_keys)
    if pick is None and not need_supplier and ctx.recipient and c.trigger.frame in ("supply", "aid") \
            and not c.trigger.entry.agent and ctx.recipient[0] not in {p.iso3 for p in c.suppliers}:
        pick = ctx.recipient     # "Israel had played a key role in the arms shipments" (Iran-contra story)
    if pick is None:
        return
    party = _ctx_party(sv, pick[1], pick[0])
    if need_supplier:
        c.suppliers = [party]
    else:
        c.recipients = [party]
    c.context = True


def _generic_present(tok) -> bool:
    """'Germany sells submarines worldwide': a simple present states a habit, not this article's event."""
    return tok.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def _pick(dyads, need_supplier: bool, known_keys) -> tuple | None:
    cands = {}
    for s_iso, s_name, r_iso, r_name in dyads:
        iso, name = (s_iso, s_name) if need_supplier else (r_iso, r_name)
        if not (iso or name):
            continue
        key = (iso, None if iso else (name or "").lower())
        if key in known_keys:
            continue
        cands.setdefault(key, (iso, name))
    return next(iter(cands.values())) if len(cands) == 1 else None


def _missing_needs_context(c: Candidate) -> bool:
    """Without an anaphor, only a recipient-side verb with a lone recipient ("Israel is expected to get
    F-35s") borrows its supplier from the context."""
    return bool(c.recipients) and not c.suppliers


def _bilateral_pair(text: str, ents: list[EntityMention], lex) -> tuple | None:
    """((iso3, name), (iso3, name)) of a hyphenated pair of states on a relationship noun: "Indo-Russian
    relations", "India-Russia defence cooperation"."""
    countries = [e for e in ents if e.label == "COUNTRY" and e.country_iso3]
    for a, b in zip(countries, countries[1:]):
        if text[a.char_end:b.char_start] not in ("-", "\u2013", "/") or a.country_iso3 == b.country_iso3:
            continue
        following = re.findall(r"[A-Za-z]+", text[b.char_end:b.char_end + 40].lower())[:3]
        if any(w in lex.bilateral_heads for w in following):
            return ((a.country_iso3, a.canonical_name or a.text), (b.country_iso3, b.canonical_name or b.text))
    return None


def _fill_from_pair(sv: SentenceView, c: Candidate, pair: tuple | None):
    """A transfer word with weapons but no states, in a sentence about a bilateral relationship (its own or
    the previous one): "Defence links ... range from the licensed manufacturing of T-90 tanks to the supply
    of MiG-29s". The side that makes the weapons (the gazetteer's maker state, or the one side the text
    names) supplies the other."""
    if pair is None or c.trigger.frame not in ("supply", "license", "produce", "aid") or c.trigger.entry.agent:
        return
    sides = {pair[0][0]: pair[0], pair[1][0]: pair[1]}
    known = {p.iso3 for p in c.suppliers + c.recipients}
    if known - set(sides) or len(c.suppliers) + len(c.recipients) > 1:
        return
    if c.recipients and not c.suppliers:
        other = next(iso for iso in sides if iso not in known)
        c.suppliers = [_ctx_party(sv, sides[other][1], other)]
    elif not c.recipients and not c.suppliers:
        makers = Counter(w.iso3_hint for w in c.weapons if not w.generic and w.iso3_hint)
        ranked = makers.most_common()
        if not ranked or ranked[0][0] not in sides or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return
        maker = ranked[0][0]
        c.weapons = [w for w in c.weapons if w.iso3_hint in (None, maker)]   # another maker's weapons: not this pair's
        other = next(iso for iso in sides if iso != maker)
        c.suppliers = [_ctx_party(sv, sides[maker][1], maker)]
        c.recipients = [_ctx_party(sv, sides[other][1], other)]
    else:
        return
    c.context = True


def _ctx_party(sv: SentenceView, name, iso3) -> Party:
    tok = sv.sent[0]
    return Party(name=name or iso3, iso3=iso3, label="COUNTRY", start=tok.i, end=tok.i, root=tok,
                 char_start=sv.sent.start_char, char_end=sv.sent.start_char, pronoun=True)


_IRREGULAR = {"sold": "sell", "bought": "buy", "sent": "send", "gave": "give", "given": "give", "got": "get",
              "sells": "sell", "buys": "buy", "arms": "arms"}


def _title_trigger(word: str, lex) -> bool:
    word = _IRREGULAR.get(word, word)
    if word == "arms":
        return True
    for cand in (word, word[:-1], word[:-2], word[:-3], word[:-1] + "e" if word.endswith("d") else word,
                 word[:-3] + "e" if word.endswith("ing") else word):
        if cand and (cand in lex.verbs or cand in lex.nouns):
            return True
    return False


def _title_parties(title: str | None, published) -> set:
    if not title:
        return set()
    try:
        from pipeline.extract.entities import country_of
    except Exception:  # pragma: no cover - entity module absent
        return set()
    words = re.findall(r"[A-Za-z][\w.'’-]*", title)
    lex = lexicon()
    if not any(_title_trigger(w.lower(), lex) for w in words):
        return set()
    found = set()
    i = 0
    while i < len(words):
        hit = None
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            phrase = " ".join(words[i:i + n]).rstrip(".,:;")
            phrase = re.sub(r"['’]s$", "", phrase)
            try:
                iso = country_of(phrase, published)
            except Exception:
                iso = None
            if iso:
                hit = (iso, n)
                break
        if hit:
            found.add(hit[0])
            i += hit[1]
        else:
            i += 1
    return found


# ====================================================================== stage and modality
_CLAIM_NOUNS = {"report", "claim", "allegation", "accusation", "suggestion", "rumour", "rumor", "speculation"}
_DENIAL_VERBS = {"deny", "reject", "dismiss", "refute", "rebuff"}


def _stage_modality(sv: SentenceView, c: Candidate) -> tuple[str, str]:
    lex = sv.lex
    trig = c.trigger
    links = sorted(c.chain_idx.values(), key=lambda link: 0 if link.kind == "self" else 1)
    verbs = [link.token for link in links if link.token.pos_ in ("VERB", "AUX")]
    negated = possible = planned = False
    stage = None
    for v in verbs:
        for ch in v.children:
            low = ch.lower_
            if ch.dep_ == "neg" or (ch.dep_ == "advmod" and low == "never"):
                negated = True
            if ch.dep_ in ("aux", "auxpass") and ch.tag_ == "MD":
                if low in lex.possible_modals:
                    possible = True
                elif low in lex.planned_modals:
                    planned = True
            if ch.dep_ == "aux" and low in ("going",):
                planned = True
    if trig.kind == "noun" and any(ch.dep_ == "det" and ch.lower_ == "no" for ch in trig.token.children):
        negated = True
    for w in c.weapons:
        if any(ch.dep_ == "det" and ch.lower_ == "no" for ch in w.root.children):
            negated = True
    tok = trig.token
    if trig.kind == "verb" and tok.dep_ in ("acl", "ccomp") and tok.head.lemma_.lower() in _CLAIM_NOUNS \
            and tok.head.head.lemma_.lower() in _DENIAL_VERBS:
        stage = "denied"     # "The Kremlin denied reports that it had sent fighter jets to Libya"
    for link in links[1:]:
        lemma = link.token.lemma_.lower()
        spec = None
        if link.kind in ("subj_control", "obj_control"):
            spec = lex.embedding_verbs.get(lemma) or lex.noun_governors.get(lemma)
        elif link.kind == "gov":
            spec = dict(link.spec or {})
            if spec.get("stage") == "ordered" and trig.kind == "noun" and trig.token.lemma_.lower() in (
                    "delivery", "shipment", "handover", "transfer"):
                spec.pop("stage")   # "completed the delivery of 31 Abrams tanks": a delivery stays delivered
            emb = lex.embedding_verbs.get(lemma) or {}
            if emb.get("modality") and not spec.get("modality"):
                spec["modality"] = emb["modality"]
        elif link.kind == "noun_host":
            entry = lex.nouns.get(lemma)
            if entry is not None and entry.frame == "neutral" and lemma in ("talk", "negotiation"):
                spec = {"stage": "negotiating"}
            elif lemma in ("plan", "intention", "bid", "proposal", "offer", "request", "decision", "approval"):
                spec = {"modality": "planned"} if lemma in ("plan", "intention", "bid") else \
                    {"stage": {"proposal": "offered", "offer": "offered", "request": "requested",
                               "decision": "approved", "approval": "approved"}[lemma]}
        if not spec:
            continue
        mod = spec.get("modality")
        if mod == "negated":
            negated = True
        elif mod == "possible":
            possible = True
        elif mod == "planned":
            planned = True
        if spec.get("stage") and (stage is None or spec["stage"] in ("cancelled", "denied")):
            stage = spec["stage"]    # "halted talks on buying": a cancellation outranks the nearer stage
    if trig.kind == "verb" and trig.token.dep_ in ("xcomp", "acl", "relcl", "advcl") and \
            any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in trig.token.children) and not verbs[1:]:
        planned = True
    if negated:
        modality = "negated"
    elif possible:
        modality = "possible"
    elif planned:
        modality = "planned"
    elif _pluperfect(trig.token) and trig.kind == "verb":
        modality = "historical"
    else:
        modality = "asserted"
    if trig.kind == "license":
        stage = "licensed"
    if stage is None:
        stage = trig.entry.planned if modality in ("planned", "possible") else trig.entry.stage
    if trig.frame == "possession":
        stage = "unknown"
    return stage, modality


def _pluperfect(tok) -> bool:
    return tok.tag_ == "VBN" and any(ch.dep_ == "aux" and ch.lower_ == "had" for ch in tok.children)


# ====================================================================== quantity, money, date
def _fig_tokens(sv: SentenceView, f: Figure):
    return token_range(sv.doc, f.char_start, f.char_end)


_CALIBRE = re.compile(r"(?i)\d\s*-?\s*(?:mm|millimet|cm\b)|calib|caliber|\bcal\b|-cal\b")


def _is_quantity_figure(f: Figure) -> bool:
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


def _link_quantity(sv: SentenceView, w: Weapon, figs: list[Figure]) -> Figure | None:
    if w.generic:
        return None
    best = None
    for f in figs:
        if not _is_quantity_figure(f):
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
            if len(gap) <= 5 and all(t.lower_ in ("of", "additional", "more", "new", "used", "extra", "further",
                                                    "other", "-", "older", "second-hand", "modern", "advanced")
                                     or t.i in sv.tok_party or any(t.i >= o.start and t.i < o.end for o in w.origins)
                                     or t.pos_ in ("ADJ",) or t.lower_ in sv.lex.container_nouns and t.lower_ not in (
                                         "million", "billion", "mln", "bln", "dlrs", "dollars")
                                     for t in gap):
                ok = True
        elif w.start <= span.start and span.end <= w.end:
            ok = span.start == w.start   # "20 Hawk jets" tagged as one weapon span
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


def _link_money(sv: SentenceView, c: Candidate, figs: list[Figure]) -> Figure | None:
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


def _link_date(sv: SentenceView, c: Candidate, dates: list[DateMention]) -> DateMention | None:
    anchors = _date_anchors(sv, c)
    best = None
    for d in dates:
        if d.date_start is None or _in_dateline(sv.text, d):
            continue
        span = token_range(sv.doc, d.char_start, d.char_end)
        if span is None:
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


# ====================================================================== rows
def _civil(sv: SentenceView, w: Weapon) -> bool:
    if w.category not in ("aircraft", "engines", "helicopters", "other", "unspecified"):
        return False
    lex = sv.lex
    words = set(sv.lows)
    if words & lex.civil_cues:
        return True      # "Korean Air ordered ten Boeing 787 airliners"
    near = {t.lower_ for k in range(w.start, w.end) for t in sv.doc[k].children} | {
        sv.doc[k].lower_ for k in range(w.start, w.end)}
    return bool(near & lex.civil_modifiers) and w.category != "unspecified"   # "civilian helicopters"


def _domestic_military(sv: SentenceView, p: Party) -> bool:
    name = re.sub(r"^(the|u\.s\.|us|american|british|our)\s+", "", p.name.lower().strip())
    name = re.sub(r"^(u\.s\.|us)\s+", "", name)
    return p.iso3 is None and p.label in ("ORG", "GROUP") and name in sv.lex.domestic_military


def _rows(sv: SentenceView, c: Candidate, figs: list[Figure]) -> list[TransferMention]:
    trig = c.trigger
    suppliers = list(c.suppliers)
    out = []
    sent = sv.sent
    text = sv.text[sent.start_char:sent.end_char]
    lead = len(text) - len(text.lstrip())
    start = sent.start_char + lead
    evidence = text.strip()
    end = start + len(evidence)
    if not c.recipients:
        return out
    for w in c.weapons:
        w_suppliers = _for_weapon(c, suppliers, w)
        w_recipients = _for_weapon(c, c.recipients, w)
        from_origin = False
        if not w_suppliers and w.origins:
            w_suppliers = _uniq_keys(w.origins)
            from_origin = True
        if not w_suppliers:
            # an unnamed supplier is allowed for supply-side wording only ("F-16s sent to Ukraine");
            # a purchase with no seller may be domestic procurement
            # "F-16s sent to Ukraine", "the arms sales to Iran": a supplier left unnamed; an aid noun
            # ("security assistance to Ukraine") or a purchase names no giver at all
            if trig.frame != "supply" or trig.kind not in ("verb", "noun"):
                continue
            w_suppliers = [None]
        if trig.frame == "possession" and not from_origin:
            continue
        if _civil(sv, w):
            continue
        q = _link_quantity(sv, w, figs)
        if q is not None and _joint_supplier(sv, w_suppliers):
            q = None     # "the United States and partners will provide dozens of ...": a joint total
        for s in w_suppliers:
            for r in w_recipients:
                if s is not None and s.iso3 and s.iso3 == r.iso3:
                    continue
                if s is not None and s.key == r.key:
                    continue
                if r.label == "COMPANY" and trig.frame != "license":
                    continue   # airlines and lessors buy airliners; a licensee company builds for its state
                if _domestic_military(sv, r) or (s is not None and _domestic_military(sv, s)):
                    continue
                conf = c.confidence
                if from_origin:
                    conf -= 0.1
                if c.context or (s is not None and s.context) or r.context:
                    conf -= 0.25
                if s is None:
                    conf -= 0.1
                out.append(TransferMention(
                    char_start=start, char_end=end, evidence=evidence,
                    supplier_name=_name(s), supplier_iso3=s.iso3 if s else None,
                    recipient_name=_name(r), recipient_iso3=r.iso3,
                    weapon_text=w.text, weapon_category=w.category or "unspecified",
                    # "up to 400 Tomahawks": the stated ceiling is the announced number (qualifier at_most)
                    quantity_value=(q.value if q.value is not None or q.qualifier != "at_most" else q.value_high)
                    if q else None,
                    quantity_low=q.value_low if q else None,
                    quantity_high=q.value_high if q else None,
                    quantity_text=q.text if q else None,
                    quantity_qualifier=q.qualifier if q else None,
                    deal_value=(c.money.value if c.money.value is not None else c.money.value_low) if c.money else None,
                    deal_currency=c.money.currency if c.money else None,
                    stage=c.stage, modality=c.modality,
                    date_start=c.date.date_start if c.date else None,
                    date_end=c.date.date_end if c.date else None,
                    date_text=c.date.text if c.date else None,
                    confidence=round(max(0.05, min(1.0, conf)), 3),
                    trigger=trig.token.lemma_.lower(),
                ))
    return out


_JOINT_WORDS = {"partner", "ally", "country", "nation", "other", "state", "government", "member", "friend",
                "supporter", "donor", "coalition"}


def _for_weapon(c: Candidate, parties: list, w: Weapon) -> list:
    """'buy 40 F-16 fighters from the United States and 20 Mirage jets from France': a party whose phrase
    hangs on one weapon goes with that weapon; the others go with the weapons left."""
    if not any(id(p) in c.bound for p in parties):
        return parties
    mine = [p for p in parties if c.bound.get(id(p)) is w]
    if mine:
        return mine
    free = [p for p in parties if id(p) not in c.bound]
    return free or parties


def _joint_supplier(sv: SentenceView, suppliers) -> bool:
    real = [p for p in suppliers if p is not None]
    if len({p.iso3 or p.key for p in real}) > 1:
        return True     # "South Korea's Hanwha Aerospace" is one supplier: the company and its state
    for p in real:
        if p.root is None or p.pronoun:
            continue
        if any(c.i not in sv.tok_party and c.lemma_.lower() in _JOINT_WORDS for c in p.root.conjuncts):
            return True
    return False


def _uniq_keys(parties):
    out, seen = [], set()
    for p in parties:
        if p.key not in seen:
            seen.add(p.key)
            out.append(p)
    return out


def _name(p: Party | None) -> str | None:
    if p is None:
        return None
    return p.surface or p.name


def _dedupe(rows: list[TransferMention]) -> list[TransferMention]:
    """One row per (sentence, supplier, recipient, weapon); the most informative one wins."""
    best: dict[tuple, TransferMention] = {}
    order = []
    for r in rows:
        key = (r.char_start, r.supplier_iso3, (r.supplier_name or "").lower() if not r.supplier_iso3 else None,
               r.recipient_iso3, (r.recipient_name or "").lower() if not r.recipient_iso3 else None,
               (r.weapon_text or "").lower(), r.weapon_category)
        cur = best.get(key)
        if cur is None:
            best[key] = r
            order.append(key)
            continue
        merged = cur
        if cur.quantity_value is None and cur.quantity_low is None and (r.quantity_value is not None or r.quantity_low is not None):
            merged = replace(merged, quantity_value=r.quantity_value, quantity_low=r.quantity_low,
                             quantity_high=r.quantity_high, quantity_text=r.quantity_text,
                             quantity_qualifier=r.quantity_qualifier)
        if merged.date_start is None and r.date_start is not None:
            merged = replace(merged, date_start=r.date_start, date_end=r.date_end, date_text=r.date_text)
        if merged.deal_value is None and r.deal_value is not None:
            merged = replace(merged, deal_value=r.deal_value, deal_currency=r.deal_currency)
        if r.confidence > merged.confidence:
            merged = replace(merged, confidence=r.confidence, stage=r.stage, modality=r.modality, trigger=r.trigger)
        best[key] = merged
    return [best[k] for k in order]
