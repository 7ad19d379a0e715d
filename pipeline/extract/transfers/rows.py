"""Stage 6, rows: one TransferMention per (supplier, recipient, weapon) of a candidate, then deduplicated."""
from __future__ import annotations

from dataclasses import replace

from pipeline.extract.transfers.attributes import link_quantity
from pipeline.extract.transfers.filters import is_civil, keeps_pair
from pipeline.extract.transfers.lexicon import lexicon
from pipeline.extract.transfers.model import Candidate, Party, Weapon
from pipeline.extract.transfers.sentence import SentenceView
from pipeline.records import EntityMention, Figure, TransferMention


def build_rows(sv: SentenceView, c: Candidate, figs: list[Figure]) -> list[TransferMention]:
    """One row per (supplier, recipient, weapon) of the candidate that passes the filters."""
    if not c.recipients:
        return []
    out = []
    for w in c.weapons:
        suppliers, from_origin = _suppliers_of(c, w)
        if suppliers is None or is_civil(sv, w):
            continue
        q = link_quantity(sv, w, figs)
        if q is not None and _joint_supplier(sv, suppliers) and not _distributive(sv, c, suppliers):
            q = None     # "the United States and partners will provide dozens of ...": a joint total
        for s in suppliers:
            for r in _for_weapon(c, c.recipients, w):
                if keeps_pair(sv, c.trigger, s, r):
                    out.append(_row(sv, c, w, s, r, q, from_origin))
    return out


def _suppliers_of(c: Candidate, w: Weapon) -> tuple[list | None, bool]:
    """The weapon's suppliers (None = no row), and whether they come from its stated origin."""
    suppliers = _for_weapon(c, list(c.suppliers), w)
    if not suppliers and w.origins:
        return _uniq_keys(w.origins), True
    if c.trigger.frame == "possession":
        return None, False    # holding a weapon is a transfer only with a stated origin on it
    if not suppliers:
        # "F-16s sent to Ukraine", "the arms sales to Iran": supply wording may leave the supplier unnamed, and
        # so may a receipt ("Saudi Arabia received four armoured vehicles") of weapons not made at home; an aid
        # noun or a purchase with no seller names no giver at all (it may be domestic procurement)
        received = c.trigger.frame == "acquire" and c.trigger.kind == "verb" and c.trigger.entry.stage == "delivered" \
            and c.trigger.token.lemma_.lower() in ("receive", "take", "accept") \
            and not (w.iso3_hint and w.iso3_hint in {r.iso3 for r in c.recipients})
        if not received and (c.trigger.frame != "supply" or c.trigger.kind not in ("verb", "noun")):
            return None, False
        return [None], False
    return suppliers, False


def _row(sv: SentenceView, c: Candidate, w: Weapon, s: Party | None, r: Party, q: Figure | None,
         from_origin: bool) -> TransferMention:
    sent = sv.sent
    text = sv.text[sent.start_char:sent.end_char]
    start = sent.start_char + len(text) - len(text.lstrip())
    evidence = text.strip()
    conf = c.confidence
    if from_origin:
        conf -= 0.1
    if c.context or (s is not None and s.context) or r.context:
        conf -= 0.25
    if s is None:
        conf -= 0.1
    return TransferMention(
        char_start=start, char_end=start + len(evidence), evidence=evidence,
        supplier_name=_name(s), supplier_iso3=s.iso3 if s else None,
        recipient_name=_name(r), recipient_iso3=r.iso3,
        weapon_text=w.text, weapon_category=w.category or "unspecified",
        # "up to 400 Tomahawks": the stated ceiling is the announced number (qualifier at_most)
        quantity_value=(q.value if q.value is not None or q.qualifier != "at_most" else q.value_high) if q else None,
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
        trigger=c.trigger.token.lemma_.lower(),
        derivation=derivation(c, s, r, from_origin),
    )


def derivation(c: Candidate, s: Party | None, r: Party, from_origin: bool) -> str:
    """Where the row's parties come from: 'sentence' when both are named in its own sentence, else the
    sources joined by '+': clause (another clause of the sentence), pronoun (resolved in the sentence),
    previous_sentence, list_lead, title, article (the article's one dyad or recipient), speaker (the
    voice of a first-person statement), bilateral_pair, origin (the weapon's stated maker)."""
    parts = {c.derivation, r.derivation, s.derivation if s is not None else None, "origin" if from_origin else None}
    return "+".join(sorted(p for p in parts if p)) or "sentence"


_JOINT_WORDS = {"partner", "ally", "country", "nation", "other", "state", "government", "member", "friend",
                "supporter", "donor", "coalition"}


def _for_weapon(c: Candidate, parties: list, w: Weapon) -> list:
    """'buy 40 F-16 fighters from the United States and 20 Mirage jets from France': a party whose phrase
    hangs on one weapon goes with that weapon; the others go with the weapons left."""
    if not any(id(p) in c.bound for p in parties):
        return parties
    mine = [p for p in parties if w in c.bound.get(id(p), ())]
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


def _distributive(sv: SentenceView, c: Candidate, suppliers) -> bool:
    """'France and Italy each delivered four frigates', '... four frigates apiece': the count is every
    supplier's own."""
    real = [p for p in suppliers if p is not None and p.root is not None]
    if not real:
        return False
    first, trig = min(p.start for p in real), c.trigger.token.i
    return any(t.lower_ == "each" and first < t.i < trig for t in sv.sent) or "apiece" in sv.lows


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


def dedupe(rows: list[TransferMention]) -> list[TransferMention]:
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
        best[key] = _merged(cur, r)
    kept = [best[k] for k in order]
    return _fold_generic_mentions(kept)


def _fold_generic_mentions(rows: list[TransferMention]) -> list[TransferMention]:
    """'... so that the jets are delivered to Greece, providing Greece with six Rafale fighters': a bare
    one-word weapon ("jets") beside the one named weapon of the same kind, dyad and sentence is that weapon
    mentioned again, not a second transfer; its count or date fills the named row's gaps."""
    groups: dict[tuple, list[int]] = {}
    for i, r in enumerate(rows):
        groups.setdefault((r.char_start, r.supplier_iso3, r.recipient_iso3, r.weapon_category), []).append(i)
    drop = set()
    out = list(rows)
    for idx in groups.values():
        bare = [i for i in idx if _bare_weapon(rows[i])]
        named = [i for i in idx if i not in bare]
        if len(named) == 1 and bare and rows[named[0]].weapon_category not in ("unspecified", "other") \
                and all(rows[i].supplier_iso3 and rows[i].recipient_iso3 for i in idx):
            # another verb's mention only: one verb's list ("millions of rockets and artillery shells") is
            # two items of a kind
            bare = [i for i in bare if rows[i].trigger != rows[named[0]].trigger]
            for i in bare:
                out[named[0]] = _merged(out[named[0]], rows[i], keep_trigger=True)
                drop.add(i)
    return [r for i, r in enumerate(out) if i not in drop]


def _bare_weapon(r: TransferMention) -> bool:
    return len((r.weapon_text or "").split()) == 1 and r.weapon_text.lower() == r.weapon_text


def _merged(cur: TransferMention, r: TransferMention, keep_trigger: bool = False) -> TransferMention:
    """``cur`` with the gaps ``r`` fills (count, date, value) and, unless kept, the surer reading's stage."""
    merged = cur
    if cur.quantity_value is None and cur.quantity_low is None and (r.quantity_value is not None or r.quantity_low is not None):
        merged = replace(merged, quantity_value=r.quantity_value, quantity_low=r.quantity_low,
                         quantity_high=r.quantity_high, quantity_text=r.quantity_text,
                         quantity_qualifier=r.quantity_qualifier)
    if merged.date_start is None and r.date_start is not None:
        merged = replace(merged, date_start=r.date_start, date_end=r.date_end, date_text=r.date_text)
    if merged.deal_value is None and r.deal_value is not None:
        merged = replace(merged, deal_value=r.deal_value, deal_currency=r.deal_currency)
    if r.confidence > merged.confidence and not keep_trigger:
        merged = replace(merged, confidence=r.confidence, stage=r.stage, modality=r.modality, trigger=r.trigger)
    return merged


def subsume_unnamed(pairs: list[tuple]) -> list[tuple]:
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


def drop_generic_beside_specific(pairs: list[tuple]) -> list[tuple]:
    """Within a sentence, 'arms' or 'military aid' between two states that the sentence also names
    specific weapons for is those weapons, not another transfer ("Italy, Egypt's main arms supplier, will
    deliver 500 Otomat missiles"); spare parts or support equipment listed beside those weapons are part of
    that sale ("six HIMARS launchers, ammunition, support equipment, spare parts"). Works on (row, flag)
    pairs; returns the kept pairs."""
    specific = {(r.supplier_iso3, r.recipient_iso3) for r, _ in pairs
                if r.weapon_category != "unspecified" and r.supplier_iso3 and r.recipient_iso3}
    weapons = {(r.supplier_iso3, r.recipient_iso3) for r, _ in pairs
               if r.weapon_category not in ("unspecified", "other") and r.recipient_iso3}
    accessories = lexicon().accessory_terms
    return [(r, flag) for r, flag in pairs
            if not (r.weapon_category == "unspecified" and (r.supplier_iso3, r.recipient_iso3) in specific)
            and not (r.weapon_category == "other" and (r.weapon_text or "").lower() in accessories
                     and (r.supplier_iso3, r.recipient_iso3) in weapons)]


def named_designations(r: TransferMention, entities: list[EntityMention]) -> list[EntityMention]:
    """The designations (weapon entities with a maker state) in the row's sentence that its weapon words name."""
    return [e for e in entities if e.label == "WEAPON" and e.country_iso3 and r.char_start <= e.char_start
            and e.char_end <= r.char_end and r.weapon_text and e.text in r.weapon_text]
