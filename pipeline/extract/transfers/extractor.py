"""The sentence loop: every stage in order, per sentence, then a second pass with the article's context."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from pipeline.extract.doc_views import doc_sentences, doc_text
from pipeline.extract.transfers.attributes import link_date, link_money, publication_date
from pipeline.extract.transfers.candidates import (contents_after_include, inherit_from_container, merge_neutral,
                                                  pair_orphan_weapon, parties_from_relative, parties_of_same_weapons,
                                                  read_candidate, share_parties)
from pipeline.extract.transfers.coordination import bind_gapped_parties, expand_weapon_list
from pipeline.extract.transfers.context import (DocContext, article_context, bilateral_pair, date_from_signing, earlier_buyers,
                                               context_party, encounter_seller, encounter_sides, maker_beside,
                                               makers_named_beside,
                                               fill_from_context, fill_from_pair, maker_named,
                                               makers_named_next,
                                               name_unnamed_suppliers,
                                               note_signing)
from pipeline.extract.transfers.filters import is_domestic_military
from pipeline.extract.transfers.later_counts import counts_named_later
from pipeline.extract.transfers.lexicon import lexicon
from pipeline.extract.transfers.model import Candidate, Party
from pipeline.extract.transfers.package_dates import dates_from_announcement
from pipeline.extract.transfers.pronouns import focus_is_split, main_subject, resolve_pronouns
from pipeline.extract.transfers.rows import build_rows, dedupe, drop_generic_beside_specific, subsume_unnamed
from pipeline.extract.transfers.sentence import SentenceView
from pipeline.extract.transfers.stage import stage_and_modality
from pipeline.extract.transfers.surface import fill_listed_members, fill_roles_from_surface
from pipeline.extract.transfers.title import title_facts, title_parties
from pipeline.extract.transfers.triggers import find_triggers
from pipeline.records import DateMention, EntityMention, Figure, TransferMention


def extract_transfers(doc, entities: list[EntityMention], figures: list[Figure], dates: list[DateMention],
                      published: dt.date | None = None, title: str | None = None) -> list[TransferMention]:
    if isinstance(published, dt.datetime):
        published = published.date()
    facts = title_facts(title, published)
    ctx = DocContext(title_keys=title_parties(title, published), title_dyad=facts.dyad, title_subject=facts.subject)
    first = _run(doc, entities, figures, dates, published, ctx)
    # second pass with what the first established across the article: the voice of first-person
    # statements ("we are providing Ukraine with ..."), the article's dyads ("These new capabilities
    # include ..."), its one recipient, the state whose services act without being named
    ctx2 = article_context(first.rows, first.direct, first.votes, first.receivers if first.services else set(),
                           entities, ctx.title_keys)
    ctx2 = replace(ctx2, title_dyad=ctx.title_dyad, title_subject=ctx.title_subject)
    rows = first.rows
    if ctx2.speaker is not None or ctx2.dyads or ctx2.recipient or ctx2.actor:
        rows = _run(doc, entities, figures, dates, published, ctx2).rows
    text = doc_text(doc)
    sentences = [(sent.start_char, sent.end_char) for sent in doc_sentences(doc)]
    rows = makers_named_beside(makers_named_next(name_unnamed_suppliers(rows), text, sentences, entities), entities)
    return dedupe(dates_from_announcement(counts_named_later(rows, text, sentences, entities, figures)))


def _run(doc, entities, figures, dates, published, ctx: DocContext) -> "_ArticleState":
    state = _ArticleState(published=published, ctx=ctx, prev_subject=_title_subject(ctx))
    text = doc_text(doc)
    for sent in doc_sentences(doc):
        if text[sent.start_char:sent.end_char].strip():   # == sent.text, which re-joins its tokens
            _sentence(state, sent, text, entities, figures, dates)
    state.rows = date_from_signing(state.rows, state.signings)
    return state


@dataclass
class _ArticleState:
    """What one sentence hands to the next, and the rows so far."""
    published: dt.date | None
    ctx: DocContext
    rows: list = field(default_factory=list)        # TransferMention
    direct: list = field(default_factory=list)      # per row: both parties named in its own sentence
    votes: set = field(default_factory=set)         # states named as the giving side anywhere
    receivers: set = field(default_factory=set)     # states named as the receiving side anywhere
    services: bool = False                          # a state's service named without its state supplies
    signings: list = field(default_factory=list)
    lead_date: DateMention | None = None            # the date of a list's lead line ("Today, I announce:")
    last_category: str | None = None                # the one weapon category named last ("the vessels")
    prev_dyads: list = field(default_factory=list)  # the previous sentence's (s_iso, s_name, r_iso, r_name)
    prev_subject: Party | None = None
    split_focus: bool = False                       # the previous sentence put two states in focus, none subject
    prev_pair: tuple | None = None                  # a bilateral pair named in the previous sentence
    prev_dates: dict = field(default_factory=dict)  # (s_iso3, r_iso3) -> the dates the previous sentence gave
    prev_military: bool = False                     # the previous sentence spoke of the military
    prev_encounter: dict | None = None              # the two states a negotiation in the previous sentence names
    open_deal: list = field(default_factory=list)   # a deal announced two sentences back, still open
    open_dates: dict = field(default_factory=dict)  # and its dates, as prev_dates
    list_lead: Candidate | None = None              # the transfer a list's lead line opened ("It includes:")
    unsourced: list = field(default_factory=list)   # the previous sentence's purchases with no seller named:
                                                    # (SentenceView, Candidate, figures), for a maker named next


def _sentence(state: _ArticleState, sent, text: str, entities, figures, dates):
    lex = lexicon()
    lo, hi = sent.start_char, sent.end_char
    s_ents = [e for e in entities if lo <= e.char_start and e.char_end <= hi]
    own_pair = bilateral_pair(text, s_ents, lex)
    pair, state.prev_pair = own_pair or state.prev_pair, own_pair
    sv = SentenceView(sent, s_ents, lex, anaphor_category=state.last_category, text=text,
                      military_context=state.prev_military)
    state.prev_military = sv.military_own
    find_triggers(sv)
    cats = {w.category for w in sv.weapons if not w.generic and not w.bound}
    if cats:
        state.last_category = next(iter(cats)) if len(cats) == 1 else None
    resolve_pronouns(sv, state.prev_subject, state.ctx.speaker, state.split_focus)
    state.prev_subject = main_subject(sv)
    state.split_focus = focus_is_split(sv)
    s_figs = [f for f in figures if lo <= f.char_start and f.char_end <= hi]
    s_dates = [d for d in dates if lo <= d.char_start and d.char_end <= hi]
    _sourced_by_maker(state, text, lo, hi, s_ents)
    _track_list_lead(state, sv, s_dates)
    cands, weaponless = _candidates(state, sv, s_dates)
    cands += _list_members(state, sv, cands)
    sent_rows: list[tuple] = []
    for c in cands:
        fill_from_context(sv, c, state.prev_dyads, state.ctx)
        fill_from_pair(sv, c, pair)
        bind_gapped_parties(c)
        c.stage, c.modality = stage_and_modality(sv, c)
        _attach_date(state, sv, c, s_dates)
        c.money = link_money(sv, c, s_figs)
        is_direct = not c.context and not any(p.context for p in c.suppliers + c.recipients)
        c_rows = build_rows(sv, c, s_figs)
        sent_rows.extend((r, is_direct) for r in c_rows)
        if not c_rows and _unsourced_purchase(c):
            sourced = _seller_from_context(state, sv, c, s_figs, s_ents)
            sent_rows.extend((r, False) for r in sourced)
            if not sourced:
                state.unsourced.append((sv, c, s_figs))
    sent_rows.extend((r, False) for r in earlier_buyers(sv, [r for r, _ in sent_rows]))
    state.prev_encounter = encounter_sides(sv, s_ents)
    kept = drop_generic_beside_specific(subsume_unnamed(sent_rows))
    _open_list(state, sv, cands, weaponless)
    announcing = _announcing(weaponless)
    for c in announcing:     # "S unveiled a package for R on Friday. It includes ...": the contents keep Friday
        c.stage, c.modality = stage_and_modality(sv, c)
        c.date = link_date(sv, c, s_dates) or publication_date(sv, c, state.published)
    _hand_over(state, cands + announcing, kept, _announced(weaponless, announcing))


def _title_subject(ctx: DocContext) -> Party | None:
    """The headline is the sentence before the first: its subject is in focus for "the kingdom", "it"."""
    if ctx.title_subject is None:
        return None
    iso3, name = ctx.title_subject
    return Party(name=name, iso3=iso3, label="COUNTRY", start=-1, end=-1, root=None, char_start=0, char_end=0,
                 derivation="title")


def _unsourced_purchase(c: Candidate) -> bool:
    """'Nigeria has ordered 200 anti-ship missiles': a purchase of named weapons by a state, with no seller
    named (it may be bought at home: a row only if the next sentence names a foreign maker)."""
    return c.trigger.frame == "acquire" and c.trigger.kind == "verb" and not c.suppliers and bool(c.recipients) \
        and all(p.iso3 for p in c.recipients) and any(not w.generic and not w.origins for w in c.weapons)


def _sourced_by_maker(state: _ArticleState, text: str, lo: int, hi: int, s_ents):
    """'... They will be built by U.S.-based Lockheed Martin': the maker this sentence names (one foreign
    state, or a company with its home state) sells the previous sentence's unsourced purchases."""
    pending, state.unsourced = state.unsourced, []
    for psv, c, figs in pending:
        maker = maker_named(text, lo, hi, s_ents, {p.iso3 for p in c.recipients})
        if maker is None or any(w.iso3_hint not in (None, maker.country_iso3) for w in c.weapons):
            continue      # the gazetteer knows another maker for the weapon
        party = context_party(psv, maker.canonical_name or maker.text, maker.country_iso3, "next_sentence")
        party.surface = maker.text
        sourced = replace(c, suppliers=[party], context=True, derivation="next_sentence")
        state.rows.extend(build_rows(psv, sourced, figs))
        state.direct.extend(False for _ in range(len(state.rows) - len(state.direct)))


def _seller_from_context(state: _ArticleState, sv: SentenceView, c: Candidate, figs, s_ents) -> list:
    """'Egypt's defence minister visited Seoul. Cairo will buy 100 K9 howitzers.': the buyer's counterpart
    in the sentence before sells; else the weapons' maker state, when the sentence names it."""
    seller, source = encounter_seller(state.prev_encounter, c), "previous_sentence"
    if seller is None:
        # "The UAE signed a contract to buy 80 Rafale jets, France's defence ministry said": the maker named
        seller, source = maker_beside(c, s_ents), "origin"
    if seller is None:
        return []
    party = context_party(sv, seller[1], seller[0], source)
    return build_rows(sv, replace(c, suppliers=[party], context=True, derivation=source), figs)


def _candidates(state: _ArticleState, sv: SentenceView, s_dates) -> tuple[list[Candidate], list[Candidate]]:
    """Stage 2 for one sentence: a candidate per trigger, repaired against each other; those with a
    weapon, and those without (they may date a deal, or announce a deal whose contents follow)."""
    cands = [c for c in (read_candidate(sv, t) for t in sv.triggers) if c is not None]
    parties_from_relative(cands)
    pair_orphan_weapon(sv, cands)
    contents_after_include(sv, cands)
    cands = merge_neutral(cands)
    share_parties(cands)
    parties_of_same_weapons(cands)
    inherit_from_container(sv, cands)
    _complete_from_surface(sv, cands)
    for c in cands:
        if c.weapons:
            state.receivers.update(p.iso3 for p in c.recipients if p.iso3 and not p.pronoun)
            state.services = state.services or any(is_domestic_military(sv, p) for p in c.suppliers)
        if c.recipients and not c.context:
            state.votes.update(p.iso3 for p in c.suppliers if p.iso3 and not p.pronoun)
        if not c.weapons:
            note_signing(sv, c, s_dates, state.signings)
    return [c for c in cands if c.weapons], [c for c in cands if not c.weapons]


def _announcing(weaponless: list[Candidate]) -> list[Candidate]:
    """The weaponless transfers that announce a deal or package ("S unveiled a package for R", "S will send
    R another tranche of assistance"): the next sentences may list its contents."""
    return [c for c in weaponless if c.trigger.kind in ("noun", "verb") and not c.trigger.entry.agent
            and c.trigger.frame in ("supply", "aid", "neutral", "acquire")]


def _announced(weaponless: list[Candidate], announcing: list[Candidate]) -> list[tuple]:
    """The (supplier, recipient) of a deal or package a sentence announces without naming its weapons."""
    out = {(s.iso3, s.name, r.iso3, r.name) for c in announcing
           for s in c.suppliers for r in c.recipients if s.iso3 and r.iso3 and s.iso3 != r.iso3}
    for c in announcing:
        # "South Korea granted export licences on Tuesday. The licences cover 36 K9 howitzers for the UAE":
        # a giver announcing without a receiver lends the next sentence its giver only
        if c.trigger.frame in ("supply", "aid") and not c.recipients and len({s.iso3 for s in c.suppliers}) == 1 \
                and c.suppliers[0].iso3:
            out.add((c.suppliers[0].iso3, c.suppliers[0].name, None, None))
    for c in weaponless:
        # "Sweden and the UAE signed a defence agreement": either may supply; the next sentence's one named side
        # ("Under the deal, the UAE will receive ...") leaves the other
        sides = {p.iso3: p.name for p in c.sides if p.iso3}
        if len(sides) == 2 and c.trigger.frame == "neutral" and not c.suppliers and not c.recipients:
            (a, an), (b, bn) = sides.items()
            out |= {(a, an, b, bn), (b, bn, a, an)}
    return sorted(out, key=str)


def _open_list(state: _ArticleState, sv: SentenceView, cands: list[Candidate], weaponless: list[Candidate]):
    """'The package includes:' / 'Britain will provide Estonia with the following:': a transfer before a
    colon that ends a line opens a list; the bulleted or numbered lines after it are its weapons (the
    parser may keep the first lines in the colon's sentence)."""
    sent_text = sv.text[sv.sent.start_char:sv.sent.end_char]
    colon = re.search(r":[ \t]*\n", sent_text) or re.search(r":\s*$", sent_text)
    if colon is None:
        if not _list_item(sv.text, sv.sent.start_char):
            state.list_lead = None
        return
    cut = sv.sent.start_char + colon.start()
    state.list_lead = None
    for c in weaponless + [c for c in cands if c.trigger.token.idx < cut]:
        if not c.weapons:
            fill_from_context(sv, c, state.prev_dyads, state.ctx)
            c.stage, c.modality = stage_and_modality(sv, c)
        if c.recipients:
            state.list_lead = c
            return


def _list_members(state: _ArticleState, sv: SentenceView, cands: list[Candidate]) -> list[Candidate]:
    """A list line after a lead ('- 20 Harpoon missiles;'): its weapons continue the lead's transfer."""
    lead = state.list_lead
    if lead is None or not _list_item(sv.text, sv.sent.start_char):
        return []
    claimed = {id(w) for c in cands for w in c.weapons}
    weapons = [w for w in sv.weapons if id(w) not in claimed and not w.generic]
    if not weapons:
        return []
    return [replace(lead, weapons=weapons, bound={}, date=None, money=None, derivation="list_lead")]


def _complete_from_surface(sv: SentenceView, cands: list[Candidate]):
    """Stages 3 and 2d: list members the parse missed, then roles the parse left empty."""
    for c in cands:
        others = {id(w) for o in cands if o is not c for w in o.weapons}
        if c.weapons:
            expand_weapon_list(sv, c, others)
    for c in cands:
        others = {id(p) for o in cands if o is not c for p in o.suppliers + o.recipients}
        fill_roles_from_surface(sv, c, others)
        fill_listed_members(sv, c, others)


def _track_list_lead(state: _ArticleState, sv: SentenceView, s_dates):
    """'Today, I am announcing that:' dates the list items that follow it."""
    text = sv.text
    sent_text = text[sv.sent.start_char:sv.sent.end_char]
    colon = re.search(r":\s*\n", sent_text)
    if colon is not None:
        cut = sv.sent.start_char + colon.start()
        state.lead_date = next((d for d in s_dates if d.date_start is not None and d.char_end <= cut), None)
    elif not _list_item(text, sv.sent.start_char):
        state.lead_date = None


def _attach_date(state: _ArticleState, sv: SentenceView, c: Candidate, s_dates):
    in_list = _list_item(sv.text, max(c.trigger.token.idx, sv.sent.start_char))
    c.date = link_date(sv, c, s_dates) or (state.lead_date if in_list else None)
    if c.date is None and c.context:
        # "These new capabilities include artillery systems": the continued transfer keeps its date
        dyad_dates = {d for sp in c.suppliers for rp in c.recipients for d in _dates_before(state, sp, rp)}
        if len(dyad_dates) == 1:
            c.date = next(iter(dyad_dates))
        elif not dyad_dates and c.derivation == "article" and len(c.suppliers) == 1 and len(c.recipients) == 1:
            # a transfer of the article's continued sentences later ("The set approved for Estonia would
            # include ..."): the date that dyad's own rows give
            c.date = state.ctx.dyad_dates.get((c.suppliers[0].iso3, c.recipients[0].iso3))
    published = state.published
    if c.date is None:
        c.date = publication_date(sv, c, published)
    if c.date is not None and published is not None and c.modality == "asserted" \
            and c.date.date_end is not None and c.date.date_end < dt.date(published.year, 1, 1):
        c.modality = "historical"


def _dates_before(state: _ArticleState, sp: Party, rp: Party):
    """The previous sentence's dates of this dyad, either way round (a deal's direction may be settled only
    by its contents), else those of the giver's one-sided announcement when this sentence names the
    receiver itself."""
    return (state.prev_dates.get((sp.iso3, rp.iso3)) or state.prev_dates.get((rp.iso3, sp.iso3))
            or (state.prev_dates.get((sp.iso3, None)) if rp.derivation is None and not rp.context else None)
            or ())


def _hand_over(state: _ArticleState, cands: list[Candidate], kept_pairs: list[tuple], announced: list[tuple]):
    """Keep the sentence's rows and what the next sentence may borrow: its transfers' parties and dates,
    or the parties of the deal or package it announced ("S unveiled a package for R. It includes ...")."""
    dates: dict = {}
    for c in cands:
        if c.date is not None:
            for sp in c.suppliers:
                for r_iso in [rp.iso3 for rp in c.recipients] or [None]:   # (S, None): a giver's announcement
                    dates.setdefault((sp.iso3, r_iso), set()).add(c.date)
    for r, d in kept_pairs:
        state.rows.append(r)
        state.direct.append(d)
    own = sorted({(r.supplier_iso3, r.supplier_name, r.recipient_iso3, r.recipient_name)
                  for r, _ in kept_pairs}, key=str)
    if own or announced:
        state.prev_dyads, state.open_deal = own or announced, (announced if not own else [])
        state.prev_dates, state.open_dates = dates, ({} if own else dates)
    else:
        # a sentence with no transfer in between ("Officials did not disclose its value.") keeps the deal
        # the sentence before announced open for the next one, once
        state.prev_dyads, state.open_deal = state.open_deal, []
        state.prev_dates, state.open_dates = dates or state.open_dates, {}


_BULLET = re.compile(r"\s*(?:[-*\u2022\u2013\u2014\u25aa\u25cf]|\(?\d{1,2}[.)]|\(?[a-h][.)])\s")


def _list_item(text: str, pos: int) -> bool:
    """Is this position inside a bulleted or numbered line ("- 20 Harpoon missiles;", "2) Stinger ...")?"""
    line_start = text.rfind("\n", 0, pos) + 1
    return _BULLET.match(text, line_start) is not None
