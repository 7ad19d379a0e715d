"""Stage 4a, anaphora: 'it', 'the country', 'the government', 'we' stand for a party named elsewhere."""
from __future__ import annotations

import re

from pipeline.extract.transfers.model import Party
from pipeline.extract.transfers.sentence import SUBJ, SentenceView
from pipeline.records import EntityMention


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
    local = pron.dep_ in ("dobj", "dative")   # an object pronoun is not its own clause's subject
    while cur is not None and seen < 8:
        for c in cur.children:
            if c.i == pron.i or c.i > pron.i and c.dep_ not in SUBJ + ("poss",):
                continue
            if local and c.dep_ in SUBJ:
                continue          # "the United States had agreed to sell it 400 missiles": "it" is not the seller
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
        # still the clause whose subject controls the pronoun's verb ("agreed to sell it"; not "asked Russia to")
        local = local and cur.dep_ == "xcomp" and not any(ch.dep_ in ("dobj", "dative") for ch in cur.head.children)
        cur = cur.head
        seen += 1
    return []


def main_subject(sv: SentenceView) -> Party | None:
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
            parties += [sv.tok_party[k.i] for k in c.conjuncts if k.i in sv.tok_party]
            if len({p.key for p in parties}) == 1:   # "Kuwait and Jordan have ...": two in focus, none
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


def focus_is_split(sv: SentenceView) -> bool:
    """Does the sentence put two or more states in focus and none as its subject ("Tensions between Colombia
    and Egypt have risen")? Then "It" in the next sentence has no one antecedent."""
    if len({p.iso3 for p in sv.parties if p.label == "COUNTRY" and p.iso3 and not p.pronoun}) < 2:
        return False
    return main_subject(sv) is None


def _unresolved(sv: SentenceView, tok):
    """A state all the same, but unnamed (NULL): never a guess."""
    p = Party(name=sv.doc[tok.i - 1:tok.i + 1].text if tok.i > sv.sent.start and tok.lower_ != "it" else tok.text,
              iso3=None, label="COUNTRY", start=tok.i, end=tok.i + 1, root=tok, char_start=tok.idx,
              char_end=tok.idx + len(tok.text), pronoun=True, derivation="unresolved")
    sv.parties.append(p)
    sv.tok_party[tok.i] = p


def resolve_pronouns(sv: SentenceView, prev_subject: Party | None = None, speaker: Party | None = None,
                     split_focus: bool = False):
    """``split_focus``: the sentence before put two states in focus (``focus_is_split``)."""
    if speaker is not None and quoted_speaker_state(sv) is not None:
        speaker = None    # '"We have signed for ...," the Indian defence minister said': the quote's own voice
    for tok in sv.tokens:
        low = tok.lower_
        if speaker is not None and tok.dep_ in SUBJ and _is_speaker_np(sv, tok) and tok.i not in sv.tok_party:
            _speaker_party(sv, tok, speaker)
            continue
        src = _local_state(sv, tok)
        if src is not None:
            _bind_local(sv, tok, src)
            continue
        if tok.dep_ in SUBJ and _bare_state_np(sv, tok):
            _bind_state_noun(sv, tok, prev_subject)
            continue
        target = _pronoun_target(sv, tok, low)
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
        if not ante and split_focus and low == "it" and tok.dep_ in ("nsubj", "nsubjpass") \
                and tok.i == sv.sent.start and _names_a_state(sv):
            _unresolved(sv, tok)      # "Tensions between Colombia and Egypt have risen. It has since bought ..."
            continue
        if len({p.key for p in ante}) != 1:
            continue
        a = ante[0]
        p = Party(name=a.name, iso3=a.iso3, label=a.label, start=target.i, end=target.i + 1, root=target,
                  char_start=target.idx, char_end=target.idx + len(target.text), pronoun=True)
        p.context = from_context
        p.derivation = ("speaker" if a is speaker else "previous_sentence") if from_context else "pronoun"
        sv.parties.append(p)
        sv.tok_party[target.i] = p


def _bind_state_noun(sv: SentenceView, tok, prev_subject: Party | None):
    """"Indian officials said the country would acquire ...": the state of the speaker's clause; "Canada is
    scrapping a plan ... Instead, the Liberal government will buy ...": the state in focus."""
    ante = [a for a in _antecedent(sv, tok) if a.iso3]
    if len({a.iso3 for a in ante}) == 1:
        src, from_ctx = ante[0], False
    elif prev_subject is not None and prev_subject.label == "COUNTRY":
        src, from_ctx = prev_subject, True
    else:
        _unresolved(sv, tok)     # no one state in focus
        return
    p = Party(name=src.name, iso3=src.iso3, label="COUNTRY", start=tok.i, end=tok.i + 1,
              root=tok, char_start=tok.idx, char_end=tok.idx + len(tok.text), pronoun=True)
    p.context = from_ctx
    p.derivation = "previous_sentence" if from_ctx else "pronoun"
    sv.parties.append(p)
    sv.tok_party[tok.i] = p


def _pronoun_target(sv: SentenceView, tok, low: str):
    """The token to resolve: a pronoun in an argument slot, a possessive on a trigger ("defended its sale of
    howitzers"), or "their country"; None for anything else."""
    if low in ("it", "they", "itself", "themselves") and tok.dep_ in SUBJ + ("dobj", "dative", "pobj"):
        return None if _passive_theme(sv, tok) else tok
    if low in ("its", "their") and tok.dep_ == "poss" and any(t.token.i == tok.head.i for t in sv.triggers):
        return tok
    if low == "country" and any(c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their", "our")
                                for c in tok.children):
        return tok
    return None


def _passive_theme(sv: SentenceView, tok) -> bool:
    """'so they are shipped to Lithuania': the passive subject of a verb whose 'to' names the receiver is
    the thing sent, not a party."""
    verb = tok.head
    return tok.dep_ == "nsubjpass" and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(o.dep_ == "pobj" and o.i in sv.tok_party for o in c.children)
        for c in verb.children)


def _local_state(sv: SentenceView, tok) -> Party | None:
    """The state a subject stands for by the sentence's own words: a quoted "we" (``quoted_speaker_state``) or
    "whose government" (``_whose_state``)."""
    if tok.dep_ not in SUBJ or tok.i in sv.tok_party:
        return None
    return quoted_speaker_state(sv) if tok.lower_ == "we" else _whose_state(sv, tok)


def _bind_local(sv: SentenceView, tok, src: Party):
    p = Party(name=src.name, iso3=src.iso3, label="COUNTRY", start=tok.i, end=tok.i + 1, root=tok,
              char_start=tok.idx, char_end=tok.idx + len(tok.text), pronoun=True,
              derivation="speaker" if tok.lower_ == "we" else "pronoun")
    sv.parties.append(p)
    sv.tok_party[tok.i] = p


def _whose_state(sv: SentenceView, tok) -> Party | None:
    """'whose government', 'whose country': the one state named in the noun phrase the relative clause
    describes ("the Croatian defence minister, whose government bought 12 Rafale fighters")."""
    if tok.lemma_.lower() not in ("government", "country", "state", "army", "military", "navy", "nation") \
            or not any(c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children):
        return None
    verb = tok.head
    if verb.dep_ != "relcl":
        return None
    inner = {t.i for t in verb.subtree}
    found = {sv.tok_party[t.i].iso3: sv.tok_party[t.i] for t in verb.head.subtree
             if t.i not in inner and t.i in sv.tok_party and sv.tok_party[t.i].iso3}
    return next(iter(found.values())) if len(found) == 1 else None


def quoted_speaker_state(sv: SentenceView) -> Party | None:
    """The one state in the subject of the sentence's reporting verb ("German Chancellor Olaf Scholz told
    reporters", "the Polish defence ministry said"): the voice of a quoted "we"."""
    found = []
    for verb in sv.tokens:
        if verb.lemma_.lower() not in sv.lex.reporting_verbs:
            continue
        for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            found += [sv.tok_party[t.i] for t in subj.subtree if t.i in sv.tok_party
                      and sv.tok_party[t.i].iso3 and not sv.tok_party[t.i].pronoun]
    return found[0] if len({p.iso3 for p in found}) == 1 else None


def _speaker_party(sv: SentenceView, tok, speaker: Party):
    """First-person official statements: "we are providing Ukraine with ...", "my Administration is
    authorizing": the state whose government bodies the article names (exactly one)."""
    p = Party(name=speaker.name, iso3=speaker.iso3, label="COUNTRY", start=tok.i, end=tok.i + 1, root=tok,
              char_start=tok.idx, char_end=tok.idx + len(tok.text), pronoun=True, derivation="speaker")
    p.context = True
    sv.parties.append(p)
    sv.tok_party[tok.i] = p


def _names_a_state(sv: SentenceView) -> bool:
    return any(p.iso3 and not p.pronoun for p in sv.parties)


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
# a government named as a whole is a state spoken about ("the Sandinista government"), not an issuing office
_WHOLE_GOVERNMENT = re.compile(r"\b(government|regime|junta)\b", re.I)


def article_speaker(votes: set, entities: list[EntityMention]) -> Party | None:
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
            and not _FORCES.search(e.canonical_name or e.text) and not _WHOLE_GOVERNMENT.search(e.canonical_name or e.text)]
    isos = {e.country_iso3 for e in orgs}
    if len(isos) != 1:
        return None
    iso = next(iter(isos))
    org = orgs[0]
    return Party(name=org.canonical_name or org.text, iso3=iso, label="COUNTRY", start=0, end=0, root=None, char_start=0, char_end=0)
