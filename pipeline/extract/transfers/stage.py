"""Stage 3a, stage and modality: from the trigger, its auxiliaries and the verbs it is embedded under."""
from __future__ import annotations

from pipeline.extract.transfers.model import Candidate
from pipeline.extract.transfers.sentence import SentenceView


_CLAIM_NOUNS = {"report", "claim", "allegation", "accusation", "suggestion", "rumour", "rumor", "speculation"}


_DENIAL_VERBS = {"deny", "reject", "dismiss", "refute", "rebuff"}


def stage_and_modality(sv: SentenceView, c: Candidate) -> tuple[str, str]:
    lex = sv.lex
    trig = c.trigger
    links = sorted(c.chain_idx.values(), key=lambda link: 0 if link.kind == "self" else 1)
    verbs = [link.token for link in links if link.token.pos_ in ("VERB", "AUX")]
    negated = possible = planned = False
    stage = None
    for v in verbs:
        for ch in v.children:
            low = ch.lower_
            if ch.dep_ == "neg" or (ch.dep_ == "advmod" and low == "never"):
                negated = True
            if ch.dep_ in ("aux", "auxpass") and ch.tag_ == "MD":
                if low in lex.possible_modals:
                    possible = True
                elif low in lex.planned_modals:
                    planned = True
            if ch.dep_ == "aux" and low in ("going",):
                planned = True
    if trig.kind == "noun" and any(ch.dep_ == "det" and ch.lower_ == "no" for ch in trig.token.children):
        negated = True
    for w in c.weapons:
        if any(ch.dep_ == "det" and ch.lower_ == "no" for ch in w.root.children):
            negated = True
    tok = trig.token
    if trig.kind == "verb" and tok.dep_ in ("acl", "ccomp") and tok.head.lemma_.lower() in _CLAIM_NOUNS \
            and tok.head.head.lemma_.lower() in _DENIAL_VERBS:
        stage = "denied"     # "The Kremlin denied reports that it had sent fighter jets to Libya"
    for link in links[1:]:
        lemma = link.token.lemma_.lower()
        spec = None
        if link.kind in ("subj_control", "obj_control"):
            spec = lex.embedding_verbs.get(lemma) or lex.noun_governors.get(lemma)
        elif link.kind == "gov":
            spec = dict(link.spec or {})
            if spec.get("stage") == "ordered" and trig.kind == "noun" and trig.token.lemma_.lower() in (
                    "delivery", "shipment", "handover", "transfer"):
                spec.pop("stage")   # "completed the delivery of 31 Abrams tanks": a delivery stays delivered
            emb = lex.embedding_verbs.get(lemma) or {}
            if emb.get("modality") and not spec.get("modality"):
                spec["modality"] = emb["modality"]
        elif link.kind == "noun_host":
            entry = lex.nouns.get(lemma)
            if entry is not None and entry.frame == "neutral" and lemma in ("talk", "negotiation"):
                spec = {"stage": "negotiating"}
            elif lemma in ("plan", "intention", "bid", "proposal", "offer", "request", "decision", "approval"):
                spec = {"modality": "planned"} if lemma in ("plan", "intention", "bid") else \
                    {"stage": {"proposal": "offered", "offer": "offered", "request": "requested",
                               "decision": "approved", "approval": "approved"}[lemma]}
        if not spec:
            continue
        mod = spec.get("modality")
        if mod == "negated":
            negated = True
        elif mod == "possible":
            possible = True
        elif mod == "planned":
            planned = True
        if spec.get("stage") and (stage is None or spec["stage"] in ("cancelled", "denied")):
            stage = spec["stage"]    # "halted talks on buying": a cancellation outranks the nearer stage
    if trig.kind == "verb" and trig.token.dep_ in ("xcomp", "acl", "relcl", "advcl") and \
            any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in trig.token.children) and not verbs[1:]:
        planned = True
    if negated:
        modality = "negated"
    elif possible:
        modality = "possible"
    elif planned:
        modality = "planned"
    elif pluperfect(trig.token) and trig.kind == "verb":
        modality = "historical"
    else:
        modality = "asserted"
    if trig.kind == "license":
        stage = "licensed"
    if stage is None:
        stage = trig.entry.planned if modality in ("planned", "possible") else trig.entry.stage
    if trig.frame == "possession":
        stage = "unknown"
    return stage, modality


def pluperfect(tok) -> bool:
    return tok.tag_ == "VBN" and any(ch.dep_ == "aux" and ch.lower_ == "had" for ch in tok.children)
