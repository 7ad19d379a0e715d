"""Stage 4 across the article: the contents of a package keep the date of its announcement.

"Today I am authorizing $800 million in weapons for Ukraine. [...] This new package will contain ...
These new capabilities include artillery systems ..." The rows of the contents borrow their parties from
the sentences before (derivation previous_sentence, list_lead or article) and name no date; the package
was announced earlier in the article with one. The nearest sentence before them with dated rows of that
dyad is the announcement; when it gives one date the contents take it (confidence lowered a little;
date_text is the announcement's words). Two dates there, or none anywhere before, leave the date NULL:
nothing falls back to the publication date.
"""
from __future__ import annotations

from dataclasses import replace

from pipeline.records import TransferMention

BORROWING = {"previous_sentence", "list_lead", "article"}   # derivations of rows that continue a package
PENALTY = 0.05


def dates_from_announcement(rows: list[TransferMention]) -> list[TransferMention]:
    out = []
    for r in rows:
        if r.date_start is None and r.supplier_iso3 and r.recipient_iso3 \
                and BORROWING & set((r.derivation or "").split("+")):
            dated = [o for o in rows if o.char_start < r.char_start and o.date_start is not None
                     and (o.supplier_iso3, o.recipient_iso3) == (r.supplier_iso3, r.recipient_iso3)]
            last = max((o.char_start for o in dated), default=None)
            earlier = {(o.date_start, o.date_end): o.date_text for o in dated if o.char_start == last}
            if len(earlier) == 1:
                ((start, end), text), = earlier.items()
                r = replace(r, date_start=start, date_end=end, date_text=text,
                            confidence=round(max(0.05, r.confidence - PENALTY), 3))
        out.append(r)
    return out
