"""Stage 0, the sentence view: the sentence's parties and weapons located on the parse.

Input entities are plain EntityMention records (character offsets); this module maps them onto
tokens, decides which country words are a weapon's origin ("Iranian drones") or a non-state group
("Syrian rebels"), and adds generic weapon words ("arms", "military equipment") the entity
extractor leaves out.
"""
from __future__ import annotations

import re

from pipeline.extract.doc_views import doc_text
from pipeline.extract.gazetteer import media_names
from pipeline.extract.transfers.lexicon import Lexicon
from pipeline.extract.transfers.model import PARTY_LABELS, Party, Trigger, Weapon, token_range

SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
RELATIVE = {"which", "that", "who", "whom"}
REFLEXIVE = {"itself", "themselves", "himself", "herself", "ourselves"}


# categories an anaphoric generic word can take from the weapon named before ("the vessels" = the submarines)
_COMPATIBLE = {"ships": ("submarines",), "aircraft": ("helicopters", "uav")}


# a country word in one of these relations heads its own noun phrase: it is a party, not a modifier
_ARGUMENT_DEPS = ("pobj", "nsubj", "nsubjpass", "dobj", "dative", "attr")
_MADE = {"made", "built", "designed", "produced", "manufactured", "supplied", "origin", "make", "build"}


class SentenceView:
    """One sentence with its parties, weapons and triggers."""

    def __init__(self, sent, entities, lex: Lexicon, anaphor_category: str | None = None, text: str | None = None,
                 military_context: bool = False):
        self.anaphor_category = anaphor_category   # the one weapon category of the sentences before
        self.military_context = military_context   # the sentence before spoke of the military
        self.military = military_context           # this one does, or the one before (set in _build)
        self.text = text if text is not None else doc_text(sent.doc)
        self.sent = sent
        self.doc = sent.doc
        self.tokens = list(sent)                    # Token objects are rebuilt on every iteration
        self.lows = [t.lower_ for t in self.tokens]
        self.lex = lex
        self.parties: list[Party] = []
        self.origin_words: list[Party] = []         # country words that are a weapon's origin
        self.weapons: list[Weapon] = []
        self.triggers: list[Trigger] = []
        self.tok_party: dict[int, Party] = {}
        self.tok_weapon: dict[int, Weapon] = {}
        self._build(entities)

    # ----------------------------------------------------------------- entities
    def _build(self, entities):
        doc, sent = self.doc, self.sent
        countries: list[Party] = []
        for e in entities:
            span = token_range(doc, e.char_start, e.char_end)
            if span is None or span.start < sent.start or span.end > sent.end:
                continue
            if e.label == "WEAPON":
                if any(i in self.tok_weapon for i in range(span.start, span.end)):
                    continue
                w = Weapon(text=e.text, category=e.weapon_category or "unspecified", start=span.start,
                           end=span.end, root=span.root, char_start=e.char_start, char_end=e.char_end,
                           generic=(e.weapon_category or "unspecified") == "unspecified")
                w.iso3_hint = e.country_iso3
                self.weapons.append(w)
                for i in range(span.start, span.end):
                    self.tok_weapon[i] = w
            elif e.label in PARTY_LABELS and (e.canonical_name or e.text) not in media_names():
                p = Party(name=e.canonical_name or e.text, iso3=e.country_iso3, label=e.label,
                          start=span.start, end=span.end, root=span.root,
                          char_start=e.char_start, char_end=e.char_end)
                p.surface = e.text
                countries.append(p)
        self.military_own = self._military_cue()    # named weapons only: generic words come next
        self.military = self.military_context or self.military_own
        self._add_generic_weapons()
        # a weapon word inside a party span (e.g. "Arms Control Agency") is not a weapon
        for p in countries:
            for w in list(self.weapons):
                if w.start >= p.start and w.end <= p.end and p.label != "COUNTRY":
                    self.drop_weapon(w)
        for p in countries:
            w = self._origin_of(p)
            if w is None and p.label == "COUNTRY":  # a country word inside the weapon span
                w = next((w for w in self.weapons if w.start <= p.start and p.end <= w.end), None)
            if w is not None and self._dative_after_verb(p):
                w = None          # "has given Ukraine HIMARS launchers": the indirect object, not an origin
            if w is not None:
                if not self._is_possessive(p) or p.label == "COMPANY":
                    w.origins.append(p)
                    self.origin_words.append(p)
                    continue
                w.possessor = p      # "Iran's Silkworm missiles": a party, and the weapon's holder
            self._maybe_nonstate(p)
            self.parties.append(p)
            for i in range(p.start, p.end):
                self.tok_party[i] = p
        for w in self.weapons:
            if not w.origins:
                self._origin_inside_span(w)
        self._home_state_in_apposition()
        self._bare_groups()
        # holders: "the Japan Defence Agency's F-15 and F-14 jet fighters and missiles"
        for p in self.parties:
            if p.root.dep_ == "poss" and p.root.head.i in self.tok_weapon:
                w = self.tok_weapon[p.root.head.i]
                for x in [w] + [self.tok_weapon[c.i] for c in w.root.conjuncts if c.i in self.tok_weapon]:
                    if x.possessor is None:
                        x.possessor = p

    def _dative_after_verb(self, p: Party) -> bool:
        if p.start == 0 or p.label != "COUNTRY" or p.root.tag_ != "NNP":
            return False
        prev = self.doc[p.start - 1]
        entries = self.lex.verbs.get(prev.lemma_.lower(), ())
        return prev.tag_.startswith("VB") and any(e.frame == "supply" for e in entries)

    def drop_weapon(self, w):
        self.weapons.remove(w)
        for i in range(w.start, w.end):
            if self.tok_weapon.get(i) is w:
                del self.tok_weapon[i]

    def _is_possessive(self, p: Party) -> bool:
        nxt = self.doc[p.end] if p.end < len(self.doc) else None
        return p.root.dep_ == "poss" or (nxt is not None and nxt.tag_ == "POS")

    def _origin_of(self, p: Party):
        """The weapon this country word premodifies ("Iranian drones", "Chinese-made missiles"), or that
        this company name premodifies as its maker ("Lockheed Martin Corp C-130J transport planes")."""
        if p.label not in ("COUNTRY", "COMPANY"):
            return None
        tok = p.root
        if any(c.dep_ == "conj" and c.i in self.tok_weapon for c in tok.children):
            return None   # "from Seoul and Hurjet jets": a party listed beside a weapon, not its maker
        # dependency route: climb modifier links until a weapon token
        cur = tok
        for _ in range(4):
            if cur.dep_ not in ("amod", "compound", "npadvmod", "nmod", "conj", "advmod", "cc", "poss", "hmod",
                                "punct", "dep", "nummod") and cur.lemma_.lower() not in _MADE:
                break
            head = cur.head
            if head is cur:
                break
            if head.i in self.tok_weapon and not (p.start <= head.i < p.end):
                w = self.tok_weapon[head.i]
                if head.i > tok.i:
                    return w
                break
            if head.i < tok.i or head.pos_ == "VERB" and head.lemma_.lower() not in _MADE:
                break
            cur = head
        # surface route: only modifiers between the country word and the weapon
        j = p.end
        while j < self.sent.end and j - p.end <= 5:
            if j in self.tok_weapon:
                return self.tok_weapon[j]
            t = self.doc[j]
            if t.lower_ in ("and", ",", "or") and tok.dep_ in _ARGUMENT_DEPS:
                break   # "from the United States and Javelin missiles from Britain": a party, then a list
            if t.tag_ in ("VBD", "VBZ", "VBP") and j == p.end:
                break   # "France and Germany supplied Leopard tanks": the party's own verb, not "Russian-supplied"
            if t.text in ("-", "–") or t.lower_ in _MADE or t.lower_ in ("and", ",", "or", "new", "additional") \
                    or j in self.tok_party or t.pos_ in ("ADJ",) or t.lemma_.lower() in _MADE:
                j += 1
                continue
            break
        return None

    def _origin_inside_span(self, w: Weapon):
        iso = w.iso3_hint
        if not iso:
            return
        text = w.text.lower()
        if re.search(r"-(made|built|designed|produced|manufactured)\b", text):
            w.origins.append(Party(name=w.text, iso3=iso, label="COUNTRY", start=w.start, end=w.start + 1,
                                   root=self.doc[w.start], char_start=w.char_start, char_end=w.char_end))
            return
        try:
            from pipeline.extract.entities import country_of
        except Exception:  # pragma: no cover - the entity module is absent
            return
        first = self.doc[w.start]
        if first.i < w.end - 1 and first.pos_ in ("ADJ", "PROPN") and country_of(first.text) == iso:
            w.origins.append(Party(name=first.text, iso3=iso, label="COUNTRY", start=first.i, end=first.i + 1,
                                   root=first, char_start=first.idx, char_end=first.idx + len(first.text)))

    def _bare_groups(self):
        """'to provide arms and equipment to the rebels': a non-state group named by its head noun alone is a
        party (NULL iso3), so that no state is borrowed for it."""
        for t in self.doc[self.sent.start:self.sent.end]:
            if t.i in self.tok_party or t.i in self.tok_weapon or t.pos_ not in ("NOUN", "PROPN") \
                    or (t.lower_ not in self.lex.bare_nonstate_heads and t.lemma_.lower() not in self.lex.bare_nonstate_heads):
                continue
            if any(c.i in self.tok_party for c in t.children):
                continue      # "Syrian rebels": _maybe_nonstate made the demonym the group
            p = Party(name=t.text, iso3=None, label="GROUP", start=t.i, end=t.i + 1, root=t,
                      char_start=t.idx, char_end=t.idx + len(t.text))
            p.surface = t.text
            self.parties.append(p)
            self.tok_party[t.i] = p

    def _home_state_in_apposition(self):
        """'PZL Mielec, the Polish subsidiary of Lockheed Martin', 'Dutch shipbuilder Damen': a company the
        gazetteer gives no state takes the one state its apposition or title noun names."""
        for p in self.parties:
            if p.iso3 or p.label not in ("ORG", "COMPANY"):
                continue
            nouns = [c for c in p.root.children if c.dep_ in ("appos", "compound") and c.i not in self.tok_party
                     and (c.lemma_.lower() in self.lex.company_nouns or c.lower_ in self.lex.company_nouns)]
            states = {self.tok_party[m.i].iso3 for n in nouns for m in n.children
                      if m.dep_ in ("amod", "compound", "nmod", "poss") and m.i in self.tok_party
                      and self.tok_party[m.i].label == "COUNTRY" and self.tok_party[m.i].iso3}
            if len(states) == 1:
                p.iso3 = states.pop()

    def _maybe_nonstate(self, p: Party):
        """'Syrian rebels', 'Nicaraguan contras': a demonym on a non-state head is a group."""
        if p.label != "COUNTRY":
            return
        head = p.root.head
        if p.root.dep_ in ("amod", "compound", "nmod") and head.lemma_.lower() in self.lex.nonstate_heads \
                or head.lower_ in self.lex.nonstate_heads and p.root.dep_ in ("amod", "compound", "nmod"):
            p.label = "GROUP"
            p.iso3 = None
            p.name = self.doc[p.start:head.i + 1].text if head.i > p.start else p.name
            p.surface = p.name

    def _add_generic_weapons(self):
        """Weapon words the entity extractor leaves out: generic ones ("arms", "military equipment"),
        "these systems" after a named system, and bound words ("aircraft", "vessels", "equipment")
        that are weapons only in a military context."""
        start, end = self.sent.start, self.sent.end
        lex = self.lex
        i = start
        while i < end:
            if i in self.tok_weapon or self.lows[i - start] not in lex.generic_heads:
                i += 1
                continue
            tok = self.tokens[i - start]
            span = self._generic_phrase(i) or self._anaphoric_systems(i, tok) or self._bound_word(i, tok) \
                or self._generic_word(i, tok) or self._partitive_them(i, tok)
            if span is None:
                i += 1
                continue
            w, a, b = span
            self.weapons.append(w)
            for k in range(a, b):
                self.tok_weapon[k] = w
            i = b

    def _generic(self, a: int, b: int, category: str = "unspecified", generic: bool = True, bound: bool = False):
        span = self.doc[a:b]
        w = Weapon(text=span.text, category=category, start=a, end=b, root=span.root,
                   char_start=span.start_char, char_end=span.end_char, generic=generic)
        w.bound = bound
        return w, a, b

    def _generic_phrase(self, i: int):
        """'military equipment', 'lethal aid': a multi-word generic weapon phrase."""
        lows, start, end = self.lows, self.sent.start, self.sent.end
        for phrase in self.lex.generic_multi_by_first.get(lows[i - start], ()):
            n = len(phrase)
            if i + n <= end and tuple(lows[i - start:i - start + n]) == phrase \
                    and not any(k in self.tok_weapon for k in range(i, i + n)):
                return self._generic(i, i + n)
        return None

    def _anaphoric_systems(self, i: int, tok):
        """'the provision of these systems': the systems named before."""
        if self.anaphor_category and tok.lower_ in ("systems", "system") and any(
                c.dep_ == "det" and c.lower_ in ("these", "those", "such", "this") for c in tok.children):
            return self._generic(i, i + 1, self.anaphor_category, generic=False, bound=True)
        return None

    def _partitive_them(self, i: int, tok):
        """'placed an order for 14 of them': a count of the weapons named before (their one category)."""
        if tok.lower_ != "them" or not self.anaphor_category or tok.dep_ != "pobj" or tok.head.lower_ != "of":
            return None
        count = tok.head.head
        if not (count.like_num or count.pos_ == "NUM" or count.lower_ in ("some", "several", "most", "all")):
            return None
        return self._generic(i, i + 1, self.anaphor_category, generic=False, bound=True)

    def _bound_word(self, i: int, tok):
        """'aircraft', 'vessels', 'engines', 'equipment': a weapon only in a military context and without
        a civil modifier ("fishing boats", "medical equipment")."""
        lex = self.lex
        if tok.lower_ not in lex.bound_weapon_words or tok.pos_ not in ("NOUN", "PROPN") or i in self.tok_party \
                or not self.military or any(c.dep_ in ("amod", "compound") and c.lower_ in lex.bound_weapon_vetoes
                                            for c in tok.children):
            return None
        category = lex.bound_weapon_words[tok.lower_]
        # "the two vessels" after submarines were named: the submarines
        if self.anaphor_category in _COMPATIBLE.get(category, ()) and any(
                c.dep_ in ("det", "poss") and c.lower_ in ("the", "these", "those", "its", "their")
                for c in tok.children):
            category = self.anaphor_category
        return self._generic(i, i + 1, category, generic=lex.bound_weapon_words[tok.lower_] == "unspecified",
                             bound=True)

    def _generic_word(self, i: int, tok):
        """'arms', 'weapons', 'munitions' (not 'arms control', 'up in arms')."""
        lex, doc = self.lex, self.doc
        if tok.lower_ not in lex.generic_single or tok.pos_ not in ("NOUN", "PROPN", "VERB"):
            return None
        if tok.lower_ in ("arms", "arm"):
            j = i + 1
            while j < len(doc) and doc[j].is_space:
                j += 1          # "Geneva arms\ncontrol talks": a wire's hard line wrap
            nxt = doc[j] if j < len(doc) else None
            if nxt is not None and nxt.lower_ in lex.arms_other_senses:
                return None
            if nxt is not None and nxt.text == "-" and j + 1 < len(doc) and doc[j + 1].lower_ in lex.arms_other_senses:
                return None
            prev = doc[i - 1] if i > 0 else None
            if prev is not None and prev.lower_ in ("in", "up", "coat", "to"):  # "in arms", "up in arms"
                return None
        return self._generic(i, i + 1)

    def _military_cue(self) -> bool:
        """Does the sentence speak of the military: a named weapon system, or a military word?"""
        if any(not w.generic for w in self.weapons):
            return True
        lows, by_first = self.lows, self.lex.military_cues_by_first
        if by_first.keys().isdisjoint(lows):
            return False
        for k, low in enumerate(lows):
            for phrase in by_first.get(low, ()):
                if tuple(lows[k:k + len(phrase)]) == phrase:
                    return True
        return False


def group_noun_before(sv: SentenceView, pos: int):
    """The last plural group noun ("countries", "governments", "allies") of the sentence before ``pos``."""
    groups = [t for t in sv.tokens if t.i < pos and t.tag_ == "NNS" and t.lemma_.lower() in sv.lex.group_nouns
              and t.i not in sv.tok_party]
    return groups[-1] if groups else None


def noun_kind(sv: SentenceView, tok) -> str:
    if tok.i in sv.tok_party:
        return "party"
    if tok.i in sv.tok_weapon:
        return "weapon"
    low = tok.lower_
    lemma = tok.lemma_.lower()
    if low in sv.lex.party_head_nouns or lemma in sv.lex.party_head_nouns:
        return "party_head"
    if low in sv.lex.nonstate_heads or lemma in sv.lex.nonstate_heads:
        return "party_head"
    if low in sv.lex.container_nouns or lemma in sv.lex.container_nouns or tok.like_num or tok.pos_ == "NUM" \
            or tok.tag_ == "$":
        return "container"
    return "other"
