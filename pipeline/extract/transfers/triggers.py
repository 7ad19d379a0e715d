"""Stage 1, triggers: the words of a sentence that announce a transfer (pipeline/data/transfer_triggers.yaml)."""
from __future__ import annotations

from pipeline.extract.transfers.chain import is_object_participle, is_perfect_auxiliary
from pipeline.extract.transfers.lexicon import Entry
from pipeline.extract.transfers.model import Trigger
from pipeline.extract.transfers.sentence import SentenceView


def find_triggers(sv: SentenceView):
    lex = sv.lex
    _find_word_triggers(sv)
    # "arms merchants", "weapons programme", "arms industry": a generic weapon word modifying a noun
    # that is neither a transfer word nor a weapon is not a weapon
    trig_tokens = {t.token.i for t in sv.triggers}
    for w in list(sv.weapons):
        if not w.generic or w.end - w.start != 1:
            continue
        r = w.root
        h = r.head
        if r.dep_ in ("compound", "amod", "nmod") and h.i not in trig_tokens and h.i not in sv.tok_weapon \
                and h.pos_ in ("NOUN", "PROPN") and h.lower_ not in lex.container_nouns:
            sv.drop_weapon(w)
    _include_opener(sv)
    # "These new capabilities include artillery systems ...": an anaphoric subject of an
    # include-verb continues a transfer named before (its parties come from the context)
    taken = {t.token.i for t in sv.triggers}
    for tok in sv.tokens:
        if tok.lemma_.lower() not in lex.include_verbs or tok.pos_ not in ("VERB",):
            continue
        if tok.tag_ == "VBN" and (tok.i <= sv.sent.start + 1 or _opens_line(sv, tok)) and tok.i not in taken:
            # "Also included are Hurjet jets and frigates." / "Included are ...": more of the package before
            sv.triggers.append(Trigger(tok, Entry("aid", "approved", "approved"), "noun"))
            continue
        for c in tok.children:
            if c.dep_ != "nsubj" or c.i in taken or c.i in sv.tok_party:
                continue
            if c.lower_ in ("it", "they") and c.i <= sv.sent.start + 1:
                # "It includes:" opening a sentence: the deal or package of the sentence before
                sv.triggers.append(Trigger(c, Entry("aid", "approved", "approved"), "noun"))
                continue
            if c.lower_ not in lex.anaphoric_heads and c.lemma_.lower() not in lex.anaphoric_heads:
                continue
            if any(d.dep_ in ("det", "poss") and d.lower_ in ("this", "these", "the", "that", "those", "its",
                                                               "their", "such")
                   for d in c.children):
                sv.triggers.append(Trigger(c, Entry("aid", "approved", "approved"), "noun"))


def _opens_line(sv: SentenceView, tok) -> bool:
    """Does the word open a line ("...\nAlso included are ...": a new sentence the parser ran on)?"""
    line = sv.text[sv.text.rfind("\n", 0, tok.idx) + 1:tok.idx].strip().lower()
    return sv.text.rfind("\n", 0, tok.idx) >= sv.sent.start_char and line in ("", "also")


def _include_opener(sv: SentenceView):
    """'Among the items are Leopard tanks and howitzers': an opener over an anaphoric head lists more of the
    package or deal named before (its parties come from the context, its weapons follow)."""
    lex = sv.lex
    for tok in sv.tokens[:2]:
        if tok.lower_ not in lex.include_openers:
            continue
        head = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if head is not None and (head.lower_ in lex.anaphoric_heads or head.lemma_.lower() in lex.anaphoric_heads) \
                and any(d.dep_ in ("det", "poss") and d.lower_ in ("the", "its", "their", "these", "those")
                        for d in head.children):
            sv.triggers.append(Trigger(tok, Entry("aid", "approved", "approved"), "noun"))


def _foreign_built_holding(sv, verb) -> bool:
    """'The Moroccan navy's new patrol vessel, built by Spain's Navantia': a weapon a state holds, built by
    another state's maker, came from that state."""
    holder = sv.tok_weapon[verb.head.i].possessor
    agents = [sv.tok_party[o.i] for a in verb.children if a.dep_ == "agent" for o in a.subtree if o.i in sv.tok_party]
    return holder is not None and bool(holder.iso3) and any(p.iso3 and p.iso3 != holder.iso3 for p in agents)


def _export_licence(tok) -> bool:
    """An export licence, named as one or referred back to ("the licences" after "export licences")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in ("export", "exports") for c in tok.children):
        return True
    doc = tok.doc
    start = max(0, tok.sent.start - 60)
    return any(t.dep_ == "det" and t.lower_ in ("the", "these", "those") for t in tok.children) and any(
        t.lemma_.lower() in ("export", "exports") and t.head.lemma_.lower() == tok.lemma_.lower()
        for t in doc[start:tok.i])


def _find_word_triggers(sv):
    lex = sv.lex
    words = lex.trigger_words
    for tok, low in zip(sv.tokens, sv.lows):
        lemma = tok.lemma_.lower()
        if lemma not in words and low not in words and not (low.endswith("s") and low[:-1] in words):
            continue
        if low in lex.license_words or lemma in lex.license_words:
            if _export_licence(tok):
                # "export licences had been granted. The licences cover 36 howitzers for the UAE": leave to sell
                sv.triggers.append(Trigger(tok, Entry("supply", "approved", "approved"), "noun"))
            else:
                sv.triggers.append(Trigger(tok, Entry("license", "licensed", "licensed"), "license"))
            continue
        if lemma in lex.production_verbs and tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl") \
                and tok.head.i in sv.tok_weapon and (any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)
                                                     or _foreign_built_holding(sv, tok)):
            # "two Type 054A frigates built by China for Pakistan", "a frigate that was built for Indonesia by
            # Damen": built for another state is supplied to it
            sv.triggers.append(Trigger(tok, Entry("supply", "delivered", "approved"), "verb"))
            continue
        if lemma in lex.production_verbs and tok.tag_.startswith("VB") and _permitted(sv, tok):
            # "approval for Egypt to produce the M-1A tank": licensed production, the producer receives
            sv.triggers.append(Trigger(tok, Entry("produce", "licensed", "licensed"), "verb"))
            continue
        if lemma in lex.codevelopment_verbs and tok.tag_.startswith("VB") and _with_partner(sv, tok):
            # "cooperate with the U.S. to develop a new generation of fighter planes"
            sv.triggers.append(Trigger(tok, Entry("produce", "licensed", "licensed"), "verb"))
            continue
        if tok.tag_.startswith("VB"):
            entries = lex.verbs.get(lemma)
            if entries:
                entry = _verb_entry(sv, tok, entries)
                if entry is not None:
                    sv.triggers.append(Trigger(tok, entry, "verb"))
                    continue
            if lemma in lex.possession_verbs and tok.pos_ == "VERB" and tok.dep_ not in ("aux", "auxpass") \
                    and not is_perfect_auxiliary(tok) and not is_object_participle(tok):
                sv.triggers.append(Trigger(tok, Entry("possession", "delivered", "delivered"), "possession"))
            continue
        if tok.pos_ == "ADJ" and lemma in lex.adjectives:
            _adjective_trigger(sv, tok, lex.adjectives[lemma])
            continue
        if tok.pos_ in ("NOUN", "PROPN") or tok.tag_.startswith("NN"):
            entry = lex.nouns.get(lemma) or lex.nouns.get(low)
            if entry is None and low.endswith("s"):
                entry = lex.nouns.get(low[:-1])
            if entry is None:
                continue
            if tok.i in sv.tok_party:
                continue
            if tok.i in sv.tok_weapon and not sv.tok_weapon[tok.i].generic:
                continue
            if low == "arms":
                continue
            sv.triggers.append(Trigger(tok, entry, "noun"))


def _adjective_trigger(sv, tok, entry: Entry):
    """'Dhaka, long dependent on Israel for its arms': the adjective with its "on" phrase reads like the
    verb "depend on"; when the parser hangs the phrase on the copula ("India is reliant on Russia for"),
    the copula carries the trigger, its subject the holder."""
    def has_particle(t):
        return any(c.dep_ == "prep" and c.lower_ == entry.particle for c in t.children)
    if has_particle(tok):
        sv.triggers.append(Trigger(tok, entry, "verb"))
    elif tok.dep_ == "acomp" and has_particle(tok.head):
        sv.triggers.append(Trigger(tok.head, entry, "verb"))


def _permitted(sv, tok) -> bool:
    """A production verb under a permission noun: 'approval for X to produce', 'licence for X to build'."""
    if not any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
        return False
    if not any(c.dep_ == "nsubj" for c in tok.children):
        return False
    head = tok.head
    perm = sv.lex.permission_nouns
    if head.lemma_.lower() in perm:
        return True
    return head.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("dobj", "attr") and c.lemma_.lower() in perm for c in head.children)


def _with_partner(sv, tok) -> bool:
    """A foreign partner in a 'with' phrase of the production verb or of a cooperation verb over it."""
    def partner(v):
        return any(c.dep_ == "prep" and c.lower_ == "with" and any(
            g.i in sv.tok_party for g in c.children) for c in v.children)
    if partner(tok):
        return True
    head = tok.head
    return tok.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in sv.lex.cooperation_verbs and partner(head)


def _verb_entry(sv, tok, entries):
    lex = sv.lex
    for entry in entries:
        if entry.particle:
            kids = [c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod")]
            # "turned over 18 jets": the parser may hang the particle on the number
            nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < tok.sent.end else None
            if entry.particle not in kids and not (entry.particle == "over" and nxt == "over"):
                continue
        if entry.objects:
            objs = [c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj",)]
            if not any(o in entry.objects for o in objs):
                continue
        if tok.lemma_.lower() == "arm" and not any(
                c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
            continue
        if tok.lemma_.lower() == "lease" and len(entries) > 1:
            # "X leased Y jets" / "leased to" = supply; "leased jets from X" = acquire
            kids = {c.lower_ for c in tok.children if c.dep_ == "prep"}
            if entry.frame == "supply" and "from" in kids:
                continue
            if entry.frame == "acquire" and "from" not in kids:
                continue
        if tok.lemma_.lower() == "get" and not any(c.dep_ == "dobj" for c in tok.children):
            continue
        return entry
    del lex
    return None
