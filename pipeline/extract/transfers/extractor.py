"""The sentence loop: every stage in order, per sentence, then a second pass with the article's context."""
from __future__ import annotations

import datetime as dt
import re

from pipeline.extract.doc_views import doc_sentences, doc_text
from pipeline.extract.transfers.attributes import link_date, link_money
from pipeline.extract.transfers.candidates import merge_neutral, pair_orphan_weapon, read_candidate, share_parties
from pipeline.extract.transfers.context import (DocContext, bilateral_pair, date_from_signing, earlier_buyers,
                                               fill_from_context, fill_from_pair, note_signing, title_parties)
from pipeline.extract.transfers.lexicon import lexicon
from pipeline.extract.transfers.model import Party
from pipeline.extract.transfers.pronouns import article_speaker, main_subject, resolve_pronouns
from pipeline.extract.transfers.rows import build_rows, dedupe, subsume_unnamed
from pipeline.extract.transfers.sentence import SentenceView
from pipeline.extract.transfers.stage import stage_and_modality
from pipeline.extract.transfers.triggers import find_triggers
from pipeline.records import DateMention, EntityMention, Figure, TransferMention


def extract_transfers(doc, entities: list[EntityMention], figures: list[Figure], dates: list[DateMention],
                      published: dt.date | None = None, title: str | None = None) -> list[TransferMention]:
    if isinstance(published, dt.datetime):
        published = published.date()
    ctx = DocContext(title_keys=title_parties(title, published))
    rows, direct, votes = _run(doc, entities, figures, dates, published, ctx)
    # second pass with what the first established across the article: the voice of first-person
    # statements ("we are providing Ukraine with ...") and the article's one dyad ("These new
    # capabilities include ...")
    speaker = article_speaker(votes, entities)
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
    return dedupe(rows)


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
        own_pair = bilateral_pair(text, s_ents, lex)
        pair, prev_pair = own_pair or prev_pair, own_pair
        sv = SentenceView(sent, s_ents, lex, anaphor_category=last_category, text=text)
        find_triggers(sv)
        cats = {w.category for w in sv.weapons if not w.generic and not w.bound}
        if cats:
            last_category = next(iter(cats)) if len(cats) == 1 else None
        resolve_pronouns(sv, prev_subject, ctx.speaker)
        prev_subject = main_subject(sv)
        s_figs = [f for f in figures if lo <= f.char_start and f.char_end <= hi]
        s_dates = [d for d in dates if lo <= d.char_start and d.char_end <= hi]
        # "Today, I am announcing that:" dates the list items that follow it
        colon = re.search(r":\s*\n", sent_text)
        if colon is not None:
            cut = sent.start_char + colon.start()
            lead_date = next((d for d in s_dates if d.date_start is not None and d.char_end <= cut), None)
        elif not _list_item(text, sent.start_char):
            lead_date = None
        cands = [c for c in (read_candidate(sv, t) for t in sv.triggers) if c is not None]
        pair_orphan_weapon(sv, cands)
        cands = merge_neutral(cands)
        share_parties(cands)
        for c in cands:
            if c.recipients and not c.context:
                votes.update(p.iso3 for p in c.suppliers if p.iso3 and not p.pronoun)
        for c in cands:
            if not c.weapons:
                note_signing(sv, c, s_dates, signings)
        cands = [c for c in cands if c.weapons]
        sent_rows: list[tuple] = []
        for c in cands:
            fill_from_context(sv, c, prev_dyads, ctx)
            fill_from_pair(sv, c, pair)
            c.stage, c.modality = stage_and_modality(sv, c)
            c.date = link_date(sv, c, s_dates) or (lead_date if _list_item(text, c.trigger.token.idx) else None)
            if c.date is None and c.context:
                # "These new capabilities include artillery systems": the continued transfer keeps its date
                dyad_dates = {d for sp in c.suppliers for rp in c.recipients
                              for d in prev_dates.get((sp.iso3, rp.iso3), ())}
                if len(dyad_dates) == 1:
                    c.date = next(iter(dyad_dates))
            if c.date is not None and published is not None and c.modality == "asserted" \
                    and c.date.date_end is not None and c.date.date_end < dt.date(published.year, 1, 1):
                c.modality = "historical"
            c.money = link_money(sv, c, s_figs)
            is_direct = not c.context and not any(p.context for p in c.suppliers + c.recipients)
            sent_rows.extend((r, is_direct) for r in build_rows(sv, c, s_figs))
        sent_rows.extend((r, False) for r in earlier_buyers(sv, [r for r, _ in sent_rows]))
        prev_dates = {}
        for c in cands:
            if c.date is not None:
                for sp in c.suppliers:
                    for rp in c.recipients:
                        prev_dates.setdefault((sp.iso3, rp.iso3), set()).add(c.date)
        kept_pairs = subsume_unnamed(sent_rows)
        kept = [r for r, _ in kept_pairs]
        for r, d in kept_pairs:
            rows.append(r)
            direct.append(d)
        # the context a following sentence may borrow from: this sentence's transfers
        prev_dyads = sorted({(r.supplier_iso3, r.supplier_name, r.recipient_iso3, r.recipient_name)
                             for r in kept}, key=str)
    return date_from_signing(rows, signings), direct, votes


def _list_item(text: str, pos: int) -> bool:
    """Is this position inside a bulleted line ("- I have directed the Department of Defense ...")?"""
    line_start = text.rfind("\n", 0, pos) + 1
    return text[line_start:pos + 1].lstrip()[:1] in ("-", "\u2022", "*", "\u2013", "\u2014")
