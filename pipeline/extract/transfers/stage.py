"""Stage 3a, stage and modality: from the trigger, its auxiliaries and the verbs it is embedded under."""
from __future__ import annotations

from pipeline.extract.transfers.model import Candidate
from pipeline.extract.transfers.sentence import SentenceView


_CLAIM_NOUNS = {"report", "claim", "allegation", "accusation", "suggestion", "rumour", "rumor", "speculation"}


_DENIAL_VERBS = {"deny", "reject", "dismiss", "refute", "rebuff"}


def stage_and_modality(sv: SentenceView, c: Candidate) -> tuple[str, str]:
    """The deal stage and the modality of a candidate: from its own verbs' auxiliaries and negation,
    then from each embedding link of its chain (the verb or noun it depends on)."""
    trig = c.trigger
    links = sorted(c.chain_idx.values(), key=lambda link: 0 if link.kind == "self" else 1)
    verbs = [link.token for link in links if link.token.pos_ in ("VERB", "AUX")]
    cues = _auxiliary_cues(sv, c, verbs)
    tok = trig.token
    stage = None
    if trig.kind == "verb" and tok.dep_ in ("acl", "ccomp") and tok.head.lemma_.lower() in _CLAIM_NOUNS \
            and tok.head.head.lemma_.lower() in _DENIAL_VERBS:
        stage = "denied"     # "The Kremlin denied reports that it had sent fighter jets to Libya"
    for link in links[1:]:
        spec = _link_spec(sv.lex, c, link)
        if not spec:
            continue
        if spec.get("modality"):
            cues.add(spec["modality"])
        if spec.get("stage") and (stage is None or spec["stage"] in ("cancelled", "denied")):
            stage = spec["stage"]    # "halted talks on buying": a cancellation outranks the nearer stage
    if trig.kind == "verb" and tok.dep_ in ("xcomp", "acl", "relcl", "advcl") and \
            any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children) and not verbs[1:]:
        cues.add("planned")
    if trig.kind == "verb" and pluperfect(tok):
        cues.add("historical")
    modality = next((m for m in ("negated", "possible", "planned", "historical") if m in cues), "asserted")
    if trig.kind == "license":
        stage = "licensed"
    if stage is None:
        stage = trig.entry.planned if modality in ("planned", "possible") else trig.entry.stage
    if trig.frame == "possession":
        stage = "unknown"
    return stage, modality


def _auxiliary_cues(sv: SentenceView, c: Candidate, verbs: list) -> set:
    """'not', 'never', 'no', modal auxiliaries and 'going to' on the candidate's own verbs and nouns."""
    lex = sv.lex
    cues = set()
    for v in verbs:
        for ch in v.children:
            low = ch.lower_
            if ch.dep_ == "neg" or (ch.dep_ == "advmod" and low == "never"):
                cues.add("negated")
            if ch.dep_ in ("aux", "auxpass") and ch.tag_ == "MD":
                if low in lex.possible_modals:
                    cues.add("possible")
                elif low in lex.planned_modals:
                    cues.add("planned")
            if ch.dep_ == "aux" and low == "going":
                cues.add("planned")
    heads = ([c.trigger.token] if c.trigger.kind == "noun" else []) + [w.root for w in c.weapons]
    if any(ch.dep_ == "det" and ch.lower_ == "no" for t in heads for ch in t.children):
        cues.add("negated")
    if c.trigger.kind == "noun":
        # "the planned transfer of nine helicopters", "a possible sale of F-16s"
        for ch in c.trigger.token.children:
            if ch.dep_ in ("amod", "compound") and ch.lower_ in _NOUN_MODALITY:
                cues.add(_NOUN_MODALITY[ch.lower_])
    return cues


_NOUN_MODALITY = {"planned": "planned", "proposed": "planned", "intended": "planned", "future": "planned",
                  "possible": "possible", "potential": "possible", "prospective": "possible"}


def _link_spec(lex, c: Candidate, link) -> dict | None:
    """What an embedding link says about stage and modality ("agreed to buy", "approved the sale",
    "plans to buy", "talks on buying")."""
    lemma = link.token.lemma_.lower()
    trig = c.trigger
    if link.kind in ("subj_control", "obj_control"):
        if (link.spec or {}).get("participle"):
            return None     # "..., opting for French jets instead": the main verb's stage is not the participle's
        return lex.embedding_verbs.get(lemma) or lex.noun_governors.get(lemma)
    if link.kind == "gov":
        spec = dict(link.spec or {})
        if spec.get("stage") == "ordered" and trig.kind == "noun" and trig.token.lemma_.lower() in (
                "delivery", "shipment", "handover", "transfer"):
            spec.pop("stage")   # "completed the delivery of 31 Abrams tanks": a delivery stays delivered
        emb = lex.embedding_verbs.get(lemma) or {}
        if emb.get("modality") and not spec.get("modality"):
            spec["modality"] = emb["modality"]
        return spec
    if link.kind == "noun_host":
        return lex.host_noun_stages.get(lemma)
    return None


def pluperfect(tok) -> bool:
    return tok.tag_ == "VBN" and any(ch.dep_ == "aux" and ch.lower_ == "had" for ch in tok.children)
