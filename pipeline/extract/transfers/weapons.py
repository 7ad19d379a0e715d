"""Stage 2c, weapons: which weapon mentions a trigger governs."""
from __future__ import annotations

from pipeline.extract.transfers.model import Trigger, Weapon
from pipeline.extract.transfers.roles import LIST_PREPS
from pipeline.extract.transfers.sentence import SentenceView, noun_kind


def weapon_attaches(sv: SentenceView, w: Weapon, chain_idx: dict, trig: Trigger) -> bool:
    lex = sv.lex
    t = w.root
    for _ in range(14):
        h = t.head
        if h is t:
            return False
        if h.i in chain_idx:
            link = chain_idx[h.i]
            if link.kind == "self":
                return True
            if link.kind in ("noun_host",):
                return t.dep_ in ("prep",) and t.lower_ in ("for", "of")
            if link.kind == "gov":
                # "built the F-16 under licence": the object of the production verb
                if trig.kind == "license" and t.dep_ in ("dobj", "nsubjpass"):
                    return True
                # "signed a contract with Hanwha for 152 K9 howitzers": the parser hangs "for" on the verb
                if t.dep_ == "prep" and t.lower_ == "for" and trig.token.dep_ == "dobj" \
                        and trig.frame in ("neutral", "acquire"):
                    return True
                # "approved the sale to Poland of 96 Apache helicopters": the parser hangs "of" on the verb,
                # or on the recipient whose "to" it hangs on the verb
                if t.dep_ == "prep" and t.lower_ in ("of", "to") and trig.token.dep_ == "dobj" and trig.kind == "noun" \
                        and trig.token.i < t.i:
                    return True
                # "signed a deal ... for F-16s"; objects of the governor belong to the noun trigger only
                # when the noun is not the object itself
                return t.dep_ in ("dobj",) and trig.token.dep_ != "dobj" and h.lemma_.lower() in lex.include_verbs
            return False
        if h.pos_ in ("VERB", "AUX") and h.dep_ != "prep":
            lemma = h.lemma_.lower()
            # "the deal also includes ammunition", "a package which includes HIMARS"
            if lemma in lex.include_verbs and t.dep_ in ("dobj", "attr", "prep"):
                subj = [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
                if any(s.i == trig.token.i or s.i in chain_idx for s in subj):
                    return True
                if h.dep_ in ("relcl", "acl"):
                    # "a package for Ukraine, which includes ...": the relative clause may hang on the
                    # object of the trigger's own preposition
                    n = h.head
                    for _ in range(3):
                        if n.i == trig.token.i or n.i in chain_idx:
                            return True
                        if n.dep_ not in ("pobj", "prep") or n.head is n:
                            break
                        n = n.head
                return False
            # "a deal with France to build it 12 submarines": the production verb of a deal noun
            if lemma in lex.production_verbs and t.dep_ in ("dobj", "dative") and h.dep_ in ("acl", "relcl") \
                    and (h.head.i == trig.token.i or h.head.i in chain_idx) and trig.kind in ("noun", "license"):
                return True
            return False
        if h.i in sv.tok_party and t.dep_ not in ("conj", "appos") and not (
                t.dep_ == "prep" and (t.lower_ in LIST_PREPS or t.lower_ == "of")):
            return False      # ("the sale to Iraq of Exocet missiles": "of" hung on the recipient passes)
        if t.dep_ == "pobj" and h.dep_ in ("prep",):
            # a weapon in a prepositional phrase of another weapon ("engines for the vessels") is a modifier
            up = h.head
            if up.i in sv.tok_weapon and up.i not in chain_idx and h.lower_ not in ("of", "including", "like", "as") \
                    and not (sv.tok_weapon[up.i].bound and sv.tok_weapon[up.i].category in ("other", "unspecified")):
                return False   # "engines for the vessels"; but "parts for F-16s" names the system
            if up.pos_ in ("NOUN", "PROPN") and up.i not in chain_idx and up.i not in sv.tok_weapon:
                if noun_kind(sv, up) == "other" and not _is_trigger_noun(sv, up):
                    return False
        t = h
    return False


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
