"""Stage 2c, weapons: which weapon mentions a trigger governs."""
from __future__ import annotations

from pipeline.extract.transfers.model import Trigger, Weapon
from pipeline.extract.transfers.roles import LIST_PREPS
from pipeline.extract.transfers.sentence import REFLEXIVE, SentenceView, noun_kind


def weapon_attaches(sv: SentenceView, w: Weapon, chain_idx: dict, trig: Trigger) -> bool:
    """Does the weapon's phrase climb to the trigger's chain without passing another clause, a party's
    own modifier or another weapon's modifier?"""
    t = w.root
    for _ in range(14):
        h = t.head
        if h is t:
            return False
        if h.i in chain_idx:
            return _reaches_link(sv, t, chain_idx[h.i], trig)
        if h.pos_ in ("VERB", "AUX") and h.dep_ != "prep":
            return _through_verb(sv, t, h, chain_idx, trig)
        if h.i in sv.tok_party and t.dep_ not in ("conj", "appos") and not (
                t.dep_ == "prep" and (t.lower_ in LIST_PREPS or t.lower_ in ("of", "for"))):
            return False      # ("the sale to Iraq of Exocet missiles": "of" hung on the recipient passes)
        if t.dep_ == "pobj" and h.dep_ in ("prep",) and _modifies_other_noun(sv, h, chain_idx):
            return False
        t = h
    return False


def _reaches_link(sv: SentenceView, t, link, trig: Trigger) -> bool:
    """The weapon's phrase ``t`` hangs on a chain token: its own trigger, a host noun's "for"/"of", or
    what the governing verb of a noun trigger takes for it."""
    if link.kind == "self":
        return True
    if link.kind == "noun_host":
        return t.dep_ == "prep" and t.lower_ in ("for", "of")
    if link.kind == "subj_control":
        # "500 missiles are expected to be delivered to Nigeria": the subject the passive trigger takes from
        # the verb controlling it is what is delivered
        return t.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "auxpass" for c in trig.token.children)
    if link.kind != "gov":
        return False
    if trig.kind == "license" and t.dep_ in ("dobj", "nsubjpass"):
        return True      # "built the F-16 under licence": the object of the production verb
    if t.dep_ == "prep" and t.lower_ == "for" and trig.token.dep_ == "dobj" and trig.frame in ("neutral", "acquire"):
        return True      # "signed a contract with Hanwha for 152 K9 howitzers": "for" hung on the verb
    if t.dep_ == "prep" and t.lower_ in ("of", "to") and trig.token.dep_ == "dobj" and trig.kind == "noun" \
            and trig.token.i < t.i:
        return True      # "approved the sale to Poland of 96 Apache helicopters": "of" hung on the verb
    # "signed a deal ... which includes F-16s": the governor's object, when the noun is not that object
    return t.dep_ == "dobj" and trig.token.dep_ != "dobj" and link.token.lemma_.lower() in sv.lex.include_verbs


def _through_verb(sv: SentenceView, t, verb, chain_idx: dict, trig: Trigger) -> bool:
    """The weapon is an argument of a verb outside the chain: an include-verb whose subject is the trigger
    ("the deal also includes ammunition", "a package for Ukraine, which includes HIMARS"), or the
    production verb of a deal noun ("a deal with France to build it 12 submarines")."""
    lex = sv.lex
    lemma = verb.lemma_.lower()
    if lemma in lex.include_verbs and t.dep_ in ("dobj", "attr", "prep"):
        subj = _include_subjects(verb)
        if any(s.i == trig.token.i or s.i in chain_idx for s in subj):
            return True
        if verb.dep_ in ("relcl", "acl"):
            # the relative clause may hang on the object of the trigger's own preposition, or on the verb
            # trigger's own object ("would send Ukraine a package that includes ...")
            n = verb.head
            if n.dep_ == "dobj" and (n.head.i == trig.token.i or n.head.i in chain_idx) and trig.kind == "verb":
                return True
            for _ in range(3):
                if n.i == trig.token.i or n.i in chain_idx:
                    return True
                if n.dep_ not in ("pobj", "prep") or n.head is n:
                    break
                n = n.head
        return False
    return lemma in lex.production_verbs and t.dep_ in ("dobj", "dative") and verb.dep_ in ("acl", "relcl") \
        and (verb.head.i == trig.token.i or verb.head.i in chain_idx) and trig.kind in ("noun", "license")


def _include_subjects(verb) -> list:
    """The subject of an include-verb, or of the verb it is coordinated with ("Norway's package for Ukraine,
    announced in Oslo on Thursday, includes ...", parsed as "announced ..., includes")."""
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj and verb.dep_ == "conj":
        subj = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subj


def _modifies_other_noun(sv: SentenceView, prep, chain_idx: dict) -> bool:
    """A weapon in a prepositional phrase of another weapon ("engines for the vessels"; but "parts for
    F-16s" names the system) or of an unrelated noun is that noun's modifier."""
    up = prep.head
    if up.i in sv.tok_weapon and up.i not in chain_idx and prep.lower_ not in ("of", "including", "like", "as") \
            and not (sv.tok_weapon[up.i].bound and sv.tok_weapon[up.i].category in ("other", "unspecified")):
        return True
    return up.pos_ in ("NOUN", "PROPN") and up.i not in chain_idx and up.i not in sv.tok_weapon \
        and noun_kind(sv, up) == "other" and not _is_trigger_noun(sv, up)


def _is_trigger_noun(sv: SentenceView, tok) -> bool:
    return any(t.token.i == tok.i for t in sv.triggers)


def weapon_at(sv: SentenceView, tok) -> Weapon | None:
    """The weapon a noun stands for: the weapon itself, or a head noun over a weapon compound
    ("Patriot batteries" when only "Patriot" is tagged)."""
    if tok.i in sv.tok_weapon:
        return sv.tok_weapon[tok.i]
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.i in sv.tok_weapon and c.i < tok.i:
                return sv.tok_weapon[c.i]
    return None


def triggers_of_weapon_head(sv: SentenceView, trig: Trigger) -> list[Weapon]:
    """Weapons the trigger modifies: 'drones which Iran sold', 'missiles sold to Iran', 'newly acquired missiles'."""
    tok = trig.token
    out = []
    if tok.dep_ in ("relcl", "acl", "amod"):
        w = weapon_at(sv, tok.head)
        if w is not None:
            out.append(w)
            out.extend(conjunct_weapons(sv, w))
    return out


def conjunct_weapons(sv: SentenceView, w: Weapon) -> list[Weapon]:
    out = []
    for c in w.root.conjuncts:
        if c.i in sv.tok_weapon and sv.tok_weapon[c.i] is not w:
            out.append(sv.tok_weapon[c.i])
    return out


def candidate_weapons(sv: SentenceView, trig: Trigger, chain_idx: dict) -> list[Weapon]:
    """The weapons a trigger governs; specific ones win over generic words ("arms", "equipment")."""
    tok = trig.token
    if trig.kind == "noun" and tok.pos_ != "NOUN" and (tok.lemma_.lower() in sv.lex.include_verbs
                                                        or tok.lower_ in sv.lex.include_openers):
        return _implicit_weapons(sv, trig)     # "Also included are ...": what follows, however it is parsed
    weapons = [w for w in sv.weapons if (w.start <= tok.i < w.end) or weapon_attaches(sv, w, chain_idx, trig)]
    for w in triggers_of_weapon_head(sv, trig):
        if w not in weapons:
            weapons.append(w)
    if trig.frame == "possession":
        weapons = [w for w in weapons if _held_object(tok, w)]
    if trig.kind == "noun":
        # "weapons, ammunition, and other security assistance to Ukraine": the list the aid noun closes
        for c in tok.conjuncts:
            w = sv.tok_weapon.get(c.i)
            if w is not None and w not in weapons:
                weapons.append(w)
    if not weapons:
        weapons = _implicit_weapons(sv, trig)
    # "a Type 035B (Ming-class) submarine": one weapon named three ways -> the head noun
    weapons = [w for w in weapons if not any(
        o is not w and o.category == w.category and w.root.i != o.root.i and _named_within(w.root, o.root)
        for o in weapons)]
    specific = [w for w in weapons if not w.generic and not w.bound]
    if specific:
        weapons = specific
    else:
        named = [w for w in weapons if not w.generic]
        weapons = named or weapons
    return weapons


def _named_within(t, head) -> bool:
    """Is ``t`` inside ``head``'s own phrase ("a Type 035B (Ming-class) submarine"), not a list member after it
    ("Yak-130 trainers and K-8 jets": a conjunct is another weapon)?"""
    for _ in range(12):
        if t.i == head.i:
            return True
        if t.dep_ == "conj" or t.head is t:
            return False
        t = t.head
    return False


def _held_object(tok, w: Weapon) -> bool:
    """Held weapons are the object: "fired Iranian-made drones", not "fired on an American helicopter"."""
    r = w.root
    while r.dep_ == "conj" and r.head.i != tok.i:
        r = r.head
    return (r.head.i == tok.i and r.dep_ in ("dobj", "nsubjpass")) or (
        tok.dep_ in ("acl", "relcl", "amod") and tok.head.i == w.root.i)


def _implicit_weapons(sv: SentenceView, trig: Trigger) -> list[Weapon]:
    """Weapons the parse does not hang on the trigger: an object pronoun, the weapon right after a noun
    trigger's "of", the list after "Also included are", the verb "arm" itself, "military aid"."""
    tok = trig.token
    lemma = tok.lemma_.lower()
    if trig.kind == "verb":
        # "upgraded the two vessels before handing them over to Bangladesh": the weapon named just before
        pron = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("them", "it", "they")),
                    None)
        before = [w for w in sv.weapons if pron is not None and w.end <= pron.i]
        if before:
            return [max(before, key=lambda w: w.end)]
        if lemma in ("arm", "rearm") and not any((c.dep_ == "prep" and c.lower_ == "with") or c.lower_ in REFLEXIVE
                                                 for c in tok.children):
            # "Dozens of governments have armed Ukraine": the verb says the weapons (not "armed itself with
            # statutory powers")
            return [Weapon(text=tok.text, category="unspecified", start=tok.i, end=tok.i + 1, root=tok,
                           char_start=tok.idx, char_end=tok.idx + len(tok.text), generic=True)]
        return []
    w = _weapon_right_after(sv, tok)
    if w is not None:
        return [w]     # "Deliveries of Centauro vehicles from Rome ...": whatever the parse says
    if lemma in sv.lex.include_verbs or tok.lower_ in sv.lex.include_openers:
        # "Also included are ...", "Among the items are ..."
        return [w for w in sv.weapons if w.start > tok.i and not w.generic]
    if trig.frame == "acquire":
        sold = _sold_in_governing_clause(sv, tok)
        if sold:
            return sold
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.lower_ in sv.lex.military_aid_modifiers]
    if trig.frame == "aid" and mods:   # "military aid", "security assistance": the aid noun is the weapon
        span = sv.doc[min(m.i for m in mods): tok.i + 1]
        return [Weapon(text=span.text, category="unspecified", start=span.start, end=span.end, root=tok,
                       char_start=span.start_char, char_end=span.end_char, generic=True)]
    return []


def _sold_in_governing_clause(sv: SentenceView, tok) -> list[Weapon]:
    """Buyers or orders of what the clause's subject names: "FA-50 jets have found buyers in Peru", "demand
    for Russian-made helicopters is booming, with orders from India": the named weapons of the subject of
    the verb that takes the noun (as its object, or through "with")."""
    if tok.dep_ == "dobj":
        verb = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.pos_ in ("VERB", "AUX"):
        verb = tok.head.head
    else:
        return []
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.i in sv.tok_party:
        return []
    span = {t.i for t in subj.subtree}
    return [w for w in sv.weapons if w.root.i in span and not w.generic and not w.bound]


_COUNT_OPENERS = {"the", "a", "an", "its", "their", "some", "several", "additional", "more", "new", "up", "to", "about",
                  "around", "nearly", "over", "more", "than", "of"}


def _weapon_right_after(sv: SentenceView, tok) -> Weapon | None:
    """The specific weapon a noun trigger's "of"/"for" phrase opens with ("sale of 24 F-16 jets")."""
    j = tok.i + 1
    if j >= sv.sent.end or sv.doc[j].lower_ not in ("of", "for"):
        return None
    j += 1
    while j < sv.sent.end and j - tok.i <= 6 and j not in sv.tok_weapon:
        t = sv.doc[j]
        if not (t.lower_ in _COUNT_OPENERS or t.like_num or t.pos_ in ("NUM", "ADJ")):
            return None
        j += 1
    w = sv.tok_weapon.get(j)
    return w if w is not None and w.start == j and not w.generic else None
