"""Stage 4b, the article's context: a party left unnamed in a sentence is taken from the previous
sentence's transfer, the title, the article's one dyad or one recipient, or a bilateral pair named
nearby, when exactly one candidate fits; such rows carry a lower confidence."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from pipeline.extract.transfers.attributes import link_date
from pipeline.extract.transfers.candidates import maker_states
from pipeline.extract.transfers.filters import is_domestic_military
from pipeline.extract.transfers.model import Candidate, Party
from pipeline.extract.transfers.rows import named_designations
from pipeline.extract.transfers.sentence import RELATIVE, SUBJ, SentenceView, noun_kind
from pipeline.records import DateMention, EntityMention, TransferMention


@dataclass
class DocContext:
    """What the article establishes beyond any one sentence: built once per article from a first pass
    (``article_context``), a plain value a test can construct directly."""
    title_keys: set = field(default_factory=set)  # states a title with a transfer word names
    speaker: Party | None = None                  # the voice of first-person statements ("we are providing")
    dyads: list = field(default_factory=list)     # distinct named (supplier, recipient) of the first pass
    recipient: tuple | None = None                # (iso3, name) when the first pass found exactly one recipient
    actor: tuple | None = None                    # (iso3, name): the one state the article names that never
                                                  # receives, for its unnamed services ("the Coast Guard")
    dyad_dates: dict = field(default_factory=dict)  # (supplier, recipient) -> the one date its named rows give
    title_dyad: tuple | None = None               # (s_iso3, s_name, r_iso3, r_name) the headline states (title.py)
    title_subject: tuple | None = None            # (iso3, name): the headline's subject, in focus for "the kingdom"


def article_context(rows, direct, votes: set, receivers: set, entities: list[EntityMention],
                    title_keys: set) -> DocContext:
    """The article's context from a first pass over its sentences."""
    from pipeline.extract.transfers.pronouns import article_speaker

    named = [r for r, d in zip(rows, direct) if d and r.confidence >= 0.6]   # not possession-only rows
    dyads = sorted({(r.supplier_iso3, r.supplier_name, r.recipient_iso3, r.recipient_name)
                    for r in named if r.supplier_iso3 and r.recipient_iso3}, key=str)
    uniq = sorted({(d[0], d[2]) for d in dyads})
    recips = {r.recipient_iso3: r.recipient_name for r in named if r.recipient_iso3}
    states = {e.country_iso3: e.canonical_name or e.text for e in entities
              if e.label == "COUNTRY" and e.country_iso3}
    givers = {iso: name for iso, name in states.items() if iso not in receivers}
    return DocContext(title_keys=title_keys, speaker=article_speaker(votes, entities), dyad_dates=_dyad_dates(named),
                      dyads=[next(d for d in dyads if (d[0], d[2]) == u) for u in uniq],
                      recipient=next(iter(recips.items())) if len(recips) == 1 else None,
                      actor=next(iter(givers.items())) if len(givers) == 1 and receivers else None)


def _dyad_dates(rows) -> dict:
    """(supplier, recipient) -> the date of that dyad's dated rows, when they give exactly one."""
    dates: dict[tuple, set] = {}
    for r in rows:
        if r.supplier_iso3 and r.recipient_iso3 and r.date_start is not None:
            dates.setdefault((r.supplier_iso3, r.recipient_iso3), set()).add((r.date_start, r.date_end, r.date_text))
    return {k: DateMention(0, 0, v[0][2] or "", v[0][0], v[0][1]) for k, v in
            ((k, sorted(v, key=str)) for k, v in dates.items()) if len(v) == 1}


_SIGN_VERBS = {"sign", "ink", "conclude", "finalize", "finalise", "seal", "close", "complete"}


def note_signing(sv: SentenceView, c: Candidate, dates, signings: list):
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
    d = link_date(sv, c, dates)
    if d is None:
        return
    isos = {p.iso3 for p in sv.parties if p.iso3 and not p.pronoun}
    signings.append((d, isos))


def date_from_signing(rows: list[TransferMention], signings: list) -> list[TransferMention]:
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


def earlier_buyers(sv: SentenceView, rows: list[TransferMention]) -> list[TransferMention]:
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


_ANAPHORIC_DETS = {"the", "this", "these", "that", "those", "such"}


def _is_anaphoric(sv: SentenceView, c: Candidate) -> bool:
    tok = c.trigger.token
    if tok.lower_ in ("it", "they") or tok.lemma_.lower() in sv.lex.include_verbs or tok.lower_ in sv.lex.include_openers:
        return True     # "It includes: ...", "Also included are ..."
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


def fill_from_context(sv: SentenceView, c: Candidate, prev_dyads, ctx: DocContext):
    """Borrow a missing party when exactly one candidate fits: first the previous sentence's transfer,
    then the title, then the article's one dyad. "The deal also includes ammunition", "Israel is
    expected to get F-35s", "These new capabilities include artillery systems". The rules are tried
    in order; the first that applies decides."""
    _service_of_actor(sv, c, ctx)
    if (c.suppliers and c.recipients) or c.trigger.frame == "possession" or c.trigger.entry.local:
        return
    if any(p.derivation == "unresolved" for p in c.suppliers + c.recipients):
        return      # "the kingdom", with two states in focus: nothing more to borrow on its account
    if _split_known_pair(c, ctx):
        return
    anaphoric = _is_anaphoric(sv, c)
    if not c.suppliers and not c.recipients:
        if anaphoric:
            _both_from_context(sv, c, prev_dyads, ctx)
    elif not anaphoric and not _missing_needs_context(c):
        _receiver_of_article(sv, c, ctx)
    elif not (not c.suppliers and _collective_doer(sv, c)) and not (not c.recipients and _receiver_unnamed(sv, c)):
        _other_side_from_context(sv, c, prev_dyads, ctx)


def _receiver_unnamed(sv: SentenceView, c: Candidate) -> bool:
    """'The Soviet Union has provided the Sandinista regime military hardware': the receiver is named, only
    not as a state the gazetteer knows; a state borrowed for it would be the wrong party."""
    if c.trigger.frame not in ("supply", "aid") or c.trigger.kind != "verb" or c.passive:
        return False
    verb = c.trigger.token
    with_frame = any(ch.dep_ == "prep" and ch.lower_ == "with" for ch in verb.children)
    objs = [ch for ch in verb.children if ch.dep_ == "dative" or (with_frame and ch.dep_ == "dobj")]
    objs += [o for ch in verb.children if ch.dep_ == "prep" and ch.lower_ == "to" for o in ch.children
             if o.dep_ == "pobj"]
    return any(o.pos_ in ("NOUN", "PROPN") and o.i not in sv.tok_weapon and _named_non_state(sv, o) for o in objs)


def _named_non_state(sv: SentenceView, o) -> bool:
    """'the Azov brigade's trainees', 'the Sandinista regime': a noun that is no party; "the army", "the
    country" alone stand for a state in focus."""
    kind = noun_kind(sv, o)
    if kind == "other":
        return o.lemma_.lower() not in sv.lex.group_nouns
    return kind == "party_head" and any(c.dep_ in ("compound", "amod", "poss") and c.pos_ == "PROPN"
                                        and c.i not in sv.tok_party for c in o.children)


def _collective_doer(sv: SentenceView, c: Candidate) -> bool:
    """'we are grateful to the coalition of 50 countries that continues to provide aid to Ukraine': the
    giver is named, only not as a state; a state borrowed for it would be the wrong party."""
    if c.passive or c.trigger.frame not in ("supply", "aid"):
        return False
    for link in c.chain_idx.values():
        if link.kind not in ("self", "subj_control"):
            continue
        subj = next((ch for ch in link.token.children if ch.dep_ == "nsubj"), None)
        if subj is None:
            continue
        if subj.lower_ in RELATIVE and link.token.dep_ == "relcl":
            subj = link.token.head
        heads = [subj] + [o for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                          for o in p.children if o.dep_ == "pobj"]      # "dozens of governments"
        return subj.i not in sv.tok_party and any(
            t.lemma_.lower() in sv.lex.collective_nouns or t.lower_ in sv.lex.collective_nouns for t in heads)
    return False


def _service_of_actor(sv: SentenceView, c: Candidate, ctx: DocContext):
    """'The Coast Guard has transferred patrol boats to Costa Rica, Georgia and Greece': a state's own
    service named without its state supplies for the article's actor, the one state it names that never
    receives."""
    if ctx.actor is None:
        return
    services = [p for p in c.suppliers if is_domestic_military(sv, p)]
    if services:
        actor = context_party(sv, ctx.actor[1], ctx.actor[0], "actor")
        actor.surface = services[0].surface or services[0].name
        c.suppliers = [actor] + [p for p in c.suppliers if p not in services]
        _borrowed(c, "actor")


def _split_known_pair(c: Candidate, ctx: DocContext) -> bool:
    """'Russia and India signed a contract to supply the S-400 systems': two states as joint subjects that
    the article already knows as supplier and recipient."""
    if c.recipients or len(c.suppliers) < 2:
        return False
    isos = {p.iso3 for p in c.suppliers}
    pairs = [d for d in ctx.dyads if d[0] in isos and d[2] in isos]
    if len(pairs) != 1:
        return False
    c.recipients = [p for p in c.suppliers if p.iso3 == pairs[0][2]]
    c.suppliers = [p for p in c.suppliers if p.iso3 == pairs[0][0]]
    return True


def _both_from_context(sv: SentenceView, c: Candidate, prev_dyads, ctx: DocContext):
    """'The deal also includes ammunition': an anaphoric transfer with no party takes the one dyad of the
    previous sentence (or, when that had none, of the article). The sentence may name the same states
    again ("missiles already in South Korea"), no others. A giver's one-sided announcement lends only a
    giver to a sentence that names the receiver (``_other_side_from_context``), nothing here."""
    prev_dyads = [d for d in prev_dyads if d[2] or d[3]]
    named = {p.iso3 for p in sv.parties if not p.pronoun and p.iso3}
    source = prev_dyads if len(prev_dyads) == 1 else ctx.dyads if (not prev_dyads and len(ctx.dyads) == 1) else []
    if len(prev_dyads) > 1 or (not prev_dyads and len(ctx.dyads) > 1):
        # "... approved sales of HIMARS to Estonia and missiles to Norway. The set approved for Estonia would
        # include ...": of the sentence before's transfers (or, after a sentence without any, the article's),
        # the one whose recipient this sentence names
        # ("for Estonia": over the whole article the recipient must be marked as one)
        marked = named if prev_dyads else {p.iso3 for p in sv.parties if not p.pronoun and p.iso3
                                           and p.root.dep_ == "pobj" and p.root.head.lower_ in ("for", "to")}
        source = [d for d in prev_dyads or ctx.dyads if d[2] in marked]
        if len(source) != 1:
            source = []
    derivation = "previous_sentence" if prev_dyads else "article"
    if not source and not prev_dyads and not ctx.dyads and ctx.title_dyad:
        source, derivation = [ctx.title_dyad], "title"     # "U.S. clears sale of tanks to Bahrain" + "The package ..."
    if len(source) != 1 or not named <= {source[0][0], source[0][2]}:
        return
    s_iso, s_name, r_iso, r_name = source[0]
    makers = maker_states(c.weapons)
    if r_iso and r_iso in makers and s_iso not in makers:
        if derivation != "previous_sentence":
            return      # the article's dyad runs the other way: these weapons are some other transfer
        # "South Korea signed a contract with the UAE. The contract covers 36 K9 howitzers": the maker of
        # the weapons sells, whichever way the deal's own sentence was read
        s_iso, s_name, r_iso, r_name = r_iso, r_name, s_iso, s_name
    if (s_name or s_iso) and not any(w.origins for w in c.weapons):
        c.suppliers = [context_party(sv, s_name, s_iso, derivation)]
    if r_name or r_iso:
        c.recipients = [context_party(sv, r_name, r_iso, derivation)]
    _borrowed(c, derivation)


def _receiver_of_article(sv: SentenceView, c: Candidate, ctx: DocContext):
    """A giver and a weapon without a receiver, in an article about exactly one receiver ("he gave
    orders to sell arms through Israel" in an Iran-contra story)."""
    if c.suppliers and not c.recipients and ctx.recipient and not c.trigger.entry.agent \
            and c.trigger.frame in ("supply", "aid") and ctx.recipient[0] not in {p.iso3 for p in c.suppliers} \
            and not generic_present(c.trigger.token):
        c.recipients = [context_party(sv, ctx.recipient[1], ctx.recipient[0], "article")]
        _borrowed(c, "article")


def _other_side_from_context(sv: SentenceView, c: Candidate, prev_dyads, ctx: DocContext):
    """One side named, the other from the previous sentence's transfers, the title, the article's
    dyads or its one recipient, when exactly one fits."""
    known_keys = {p.key for p in c.suppliers or c.recipients}
    if not c.suppliers and any(w.origins for w in c.weapons):
        return   # the origin on the weapon is a stated supplier
    need_supplier = not c.suppliers
    pick = _pick(prev_dyads, need_supplier, known_keys)
    derivation = "previous_sentence"
    if pick is None and need_supplier and c.trigger.entry.stage == "requested":
        return   # "The Dutch seek 50 new army helicopters" under "U.S. FIRMS LOBBY FOR DUTCH HELICOPTER ORDER":
                 # a buyer's request has no seller yet; the headline's or the article's is a bidder
    if pick is None and not prev_dyads and ctx.title_dyad:
        pick, derivation = title_side(ctx.title_dyad, need_supplier, known_keys), "title"
    if pick is None and not prev_dyads and ctx.title_keys:
        tk = {k for k in ctx.title_keys if (k, None) not in known_keys}
        if len(tk) == 1:
            iso = next(iter(tk))
            pick, derivation = (iso, iso), "title"
    if pick is None:
        derivation = "article"
    if pick is None and ctx.dyads:
        # the article's one supplier of this recipient, or the article's one recipient
        same_side = [d for d in ctx.dyads if (d[2], None) in known_keys] if need_supplier else ctx.dyads
        pick = _pick(same_side, need_supplier, known_keys)
    if pick is None and not need_supplier and ctx.recipient and c.trigger.frame in ("supply", "aid") \
            and not c.trigger.entry.agent and ctx.recipient[0] not in {p.iso3 for p in c.suppliers}:
        pick = ctx.recipient     # "Israel had played a key role in the arms shipments" (Iran-contra story)
    if pick is None and need_supplier and ctx.actor and c.trigger.frame in ("supply", "aid") \
            and (ctx.actor[0], None) not in known_keys:
        # a story about one state's services handing over weapons ("The Coast Guard has transferred ...
        # One of the most recent deliveries is the transfer of three patrol boats to Colombia")
        pick, derivation = ctx.actor, "actor"
    if pick is None:
        return
    party = context_party(sv, pick[1], pick[0], derivation)
    if need_supplier:
        c.suppliers = [party]
    else:
        c.recipients = [party]
    _borrowed(c, derivation)


def title_side(dyad: tuple, need_supplier: bool, known_keys) -> tuple | None:
    """The headline's other side of the one side the sentence names: "Morocco buys Israeli air defence
    system" + "The kingdom has signed a contract for ..." -> Israel supplies."""
    s_iso, s_name, r_iso, r_name = dyad
    if need_supplier and (r_iso, None) in known_keys:
        return s_iso, s_name
    if not need_supplier and (s_iso, None) in known_keys:
        return r_iso, r_name
    return None


def generic_present(tok) -> bool:
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


def bilateral_pair(text: str, ents: list[EntityMention], lex) -> tuple | None:
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


def fill_from_pair(sv: SentenceView, c: Candidate, pair: tuple | None):
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
        c.suppliers = [context_party(sv, sides[other][1], other, "bilateral_pair")]
    elif not c.recipients and not c.suppliers:
        makers = Counter(w.iso3_hint for w in c.weapons if not w.generic and w.iso3_hint)
        ranked = makers.most_common()
        if not ranked or ranked[0][0] not in sides or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return
        maker = ranked[0][0]
        c.weapons = [w for w in c.weapons if w.iso3_hint in (None, maker)]   # another maker's weapons: not this pair's
        other = next(iso for iso in sides if iso != maker)
        c.suppliers = [context_party(sv, sides[maker][1], maker, "bilateral_pair")]
        c.recipients = [context_party(sv, sides[other][1], other, "bilateral_pair")]
    else:
        return
    _borrowed(c, "bilateral_pair")


def context_party(sv: SentenceView, name, iso3, derivation: str) -> Party:
    """A party taken from outside the sentence; ``derivation`` says from where."""
    tok = sv.sent[0]
    return Party(name=name or iso3, iso3=iso3, label="COUNTRY", start=tok.i, end=tok.i, root=tok,
                 char_start=sv.sent.start_char, char_end=sv.sent.start_char, pronoun=True, derivation=derivation)


def _borrowed(c: Candidate, derivation: str):
    c.context = True
    c.derivation = derivation


def name_unnamed_suppliers(rows: list[TransferMention]) -> list[TransferMention]:
    """'The project made it possible to produce 35,000 rifles for the Indian army': a row whose supplier
    the sentence leaves unnamed takes the article's one named supplier of the same recipient and weapon
    category, when there is exactly one (then the two are one transfer; the count is kept). Not for
    'arms' in general: "the arms sales to Iran" need not be the one shipment the article names."""
    named: dict[tuple, set] = {}
    for r in rows:
        if r.supplier_iso3 and r.recipient_iso3:
            named.setdefault((r.recipient_iso3, r.weapon_category), set()).add((r.supplier_iso3, r.supplier_name))
    out = []
    for r in rows:
        cands = named.get((r.recipient_iso3, r.weapon_category), set())
        if r.supplier_iso3 is None and r.supplier_name is None and r.recipient_iso3 and len(cands) == 1 \
                and r.weapon_category != "unspecified":
            iso, name = next(iter(cands))
            r = _with_supplier(r, iso, name, "article", penalty=0.15)
        out.append(r)
    return out


# entity labels that name a state or stand for one (a company or body of a state)
STATE_LABELS = ("COUNTRY", "ORG", "COMPANY")

_MAKER_CUE = re.compile(r"\b(?:the|their|its)\s+(?:[a-z-]+\s+)?(?:manufacturer|maker|builder|producer)s?\b"
                        r"|\b(?:made|built|produced|manufactured)\s+by\b"
                        r"|\bwhich\s+(?:makes|made|builds|built|produces)\b", re.I)


def _with_supplier(r: TransferMention, iso3: str, name: str, source: str, penalty: float) -> TransferMention:
    """A finished row with the supplier borrowed from ``source``: lower confidence, and the source named."""
    sources = set(r.derivation.split("+")) - {"sentence"} | {source}
    return replace(r, supplier_iso3=iso3, supplier_name=name, confidence=round(max(0.05, r.confidence - penalty), 3),
                   derivation="+".join(sorted(sources)))


def makers_named_next(rows: list[TransferMention], text: str, sentences: list[tuple[int, int]],
                      entities: list[EntityMention]) -> list[TransferMention]:
    """'Rabat took delivery of its first MEKO frigates. The manufacturer, German group TKMS, said ...':
    a row with no supplier takes the state of the maker the next sentence names (a company's home
    state, or "headquartered in S"), when that sentence names exactly one."""
    out = []
    for r in rows:
        if r.supplier_iso3 is None and r.supplier_name is None and r.recipient_iso3:
            maker = _maker_after(r, text, sentences, entities)
            if maker is not None:
                r = _with_supplier(r, maker.country_iso3, maker.canonical_name or maker.text, "next_sentence",
                                   penalty=0.2)
        out.append(r)
    return out


def _maker_after(r: TransferMention, text: str, sentences: list[tuple[int, int]], entities: list[EntityMention]):
    """The one state or company with a home state named after a maker cue in the sentence after the row's."""
    nxt = next(((a, b) for a, b in sentences if a >= r.char_end), None)
    if nxt is None:
        return None
    return maker_named(text, nxt[0], nxt[1], entities, {r.recipient_iso3})


def maker_named(text: str, a: int, b: int, entities: list[EntityMention], buyers: set) -> EntityMention | None:
    """The one state, or company with a home state, that text[a:b] names as a maker ("The manufacturer,
    German group TKMS, said", "They will be built by U.S.-based Lockheed Martin"), other than the buyers."""
    if _MAKER_CUE.search(text, a, b) is None:
        return None
    makers = {e.country_iso3: e for e in entities if a <= e.char_start and e.char_end <= b
              and e.label in STATE_LABELS and e.country_iso3 and e.country_iso3 not in buyers}
    return next(iter(makers.values())) if len(makers) == 1 else None


def encounter_sides(sv: SentenceView, ents: list[EntityMention]) -> dict[str, str] | None:
    """The two states of a sentence about a negotiation ("Egypt's defence minister visited Seoul", "Talks
    between Brazil and Sweden ended", "Malaysia chose the Turkish offer"): iso3 -> name, or None when the
    sentence has no encounter word or names more or fewer than two states."""
    if sv.lex.encounter_words.isdisjoint(sv.lows):
        return None
    sides: dict[str, str] = {}
    for e in ents:
        if e.label in STATE_LABELS and e.country_iso3:
            sides.setdefault(e.country_iso3, e.canonical_name or e.text)
    return sides if len(sides) == 2 else None


def encounter_seller(sides: dict[str, str] | None, c: Candidate) -> tuple[str, str] | None:
    """The seller of a purchase with no seller named ("Cairo will buy 100 K9 howitzers"): the buyer's
    counterpart in the sentence before, when the buyer is one of its two states and no weapon is known to
    be made by a third state or by the buyer itself."""
    if not sides or len(c.recipients) != 1 or c.recipients[0].iso3 not in sides:
        return None
    seller = next(iso for iso in sides if iso != c.recipients[0].iso3)
    if any(w.iso3_hint not in (None, seller) for w in c.weapons if not w.generic):
        return None
    return seller, sides[seller]


def maker_beside(c: Candidate, ents: list[EntityMention]) -> tuple[str, str] | None:
    """'The UAE signed a contract to buy 80 Rafale jets, France's defence ministry said': a purchase with no
    seller, of named weapons of one foreign maker state that the sentence itself names (as a state or by a
    company of it): that state sells. A maker the sentence does not name is not assumed."""
    makers = {w.iso3_hint for w in c.weapons if not w.generic}
    if len(makers) != 1 or None in makers or makers & {p.iso3 for p in c.recipients}:
        return None
    return _named_state(next(iter(makers)), ents)


def makers_named_beside(rows: list[TransferMention], entities: list[EntityMention]) -> list[TransferMention]:
    """'Deliveries of the 48 K9 howitzers to Australia began in March, Hanwha said': a row with no supplier,
    of a named weapon whose maker state the row's own sentence names (Hanwha: South Korea), takes it."""
    out = []
    for r in rows:
        if r.supplier_iso3 is None and r.supplier_name is None and r.recipient_iso3 and r.weapon_text:
            makers = {e.country_iso3 for e in named_designations(r, entities)}
            inside = [e for e in entities if r.char_start <= e.char_start and e.char_end <= r.char_end]
            maker = _named_state(next(iter(makers)), inside) if len(makers) == 1 else None
            if maker is not None and maker[0] != r.recipient_iso3:
                r = _with_supplier(r, maker[0], maker[1], "origin", penalty=0.1)
        out.append(r)
    return out


def _named_state(iso3: str, ents: list[EntityMention]) -> tuple[str, str] | None:
    named = next((e for e in ents if e.label in STATE_LABELS and e.country_iso3 == iso3), None)
    return (iso3, named.canonical_name or named.text) if named is not None else None
