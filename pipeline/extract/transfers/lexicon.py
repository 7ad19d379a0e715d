"""The transfer trigger lexicon (pipeline/data/transfer_triggers.yaml), compiled once per process."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

LEXICON_PATH = Path(__file__).resolve().parents[2] / "data" / "transfer_triggers.yaml"


@dataclass(frozen=True)
class Entry:
    frame: str                 # supply, acquire, neutral, aid
    stage: str
    planned: str
    agent: bool = False        # "supplier", "buyer": the noun names a party, not an event
    particle: str | None = None
    objects: frozenset = frozenset()
    named_only: bool = False   # a transfer only with a named weapon ("rely on Iran for supplies" is too vague)
    local: bool = False        # a weak trigger: a transfer only with both parties in its own sentence ("paid")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict                # lemma -> tuple[Entry, ...] (a lemma may carry two frames: "lease")
    nouns: dict                # lemma -> Entry
    adjectives: dict           # lemma -> Entry: "dependent on", "reliant on" (read like the verb)
    possession_verbs: frozenset
    license_words: frozenset
    production_verbs: frozenset
    permission_nouns: frozenset
    codevelopment_verbs: frozenset
    cooperation_verbs: frozenset
    military_aid_modifiers: frozenset
    noun_governors: dict       # lemma -> {"stage":..., "subject":...}
    embedding_verbs: dict      # lemma -> {"stage"?, "modality"?, "object_control"?}
    planned_modals: frozenset
    possible_modals: frozenset
    party_head_nouns: frozenset
    nonstate_heads: frozenset
    bare_nonstate_heads: frozenset  # "to the rebels": a group party on its own
    domestic_military: tuple
    generic_single: frozenset  # one-word generic weapon lemmas/forms
    generic_multi_by_first: dict  # multi-word generic weapon phrases (lower-case token tuples) by first word
    arms_other_senses: frozenset
    civil_cues: frozenset
    civil_modifiers: frozenset
    reporting_verbs: frozenset
    include_verbs: frozenset
    include_openers: frozenset     # "Among the items are ...": more of the package before
    anaphoric_heads: frozenset
    container_nouns: frozenset
    host_nouns: frozenset
    bound_weapon_words: dict
    bound_weapon_vetoes: frozenset
    bilateral_heads: frozenset
    fleet_words: frozenset     # "operates eight frigates": a count of what a force has, not of a transfer
    encounter_words: frozenset  # "visited Seoul", "talks between": the two states of a negotiation
    accessory_terms: frozenset  # "spare parts" beside the weapons of a package: part of that sale
    company_nouns: frozenset   # "the Polish subsidiary of ...": an apposition that names a company's state
    payer_nouns: frozenset     # "the Saudi outlay on a contract to supply": the payer's state receives
    host_noun_stages: dict     # noun hosting a trigger -> {stage?, modality?} ("plans to buy")
    group_nouns: frozenset     # plural nouns a list of states can spell out ("countries, including ...")
    collective_nouns: frozenset  # a group or coalition as the doer: unnamed, never a borrowed state
    group_count_nouns: frozenset  # "two squadrons of jets": a count of these is no count of the weapon
    military_cues_by_first: dict   # military words and phrases (lower-case token tuples) by first word
    generic_heads: frozenset   # every word that can start a generic or bound weapon: others are skipped fast
    trigger_words: frozenset   # every lemma/form any word trigger needs: others are skipped fast


def _by_first_word(phrases) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases grouped by first word, order kept: a token is tested only against its own phrases."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        grouped.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(group) for first, group in grouped.items()}


def _entries(table: dict, frame: str) -> dict:
    out = {}
    for lemma, spec in (table or {}).items():
        spec = spec or {}
        out[str(lemma).lower()] = Entry(
            frame=frame, stage=spec.get("stage", "unknown"), planned=spec.get("planned", spec.get("stage", "unknown")),
            agent=bool(spec.get("agent", False)), particle=spec.get("particle"),
            objects=frozenset(spec.get("object", []) or []), named_only=bool(spec.get("named_only", False)),
            local=bool(spec.get("local", False)))
    return out


def _low(items) -> frozenset:
    return frozenset(str(x).lower() for x in (items or []))


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    verbs: dict[str, tuple] = {}
    for frame, key in (("supply", "supply_verbs"), ("acquire", "acquire_verbs")):
        for lemma, entry in _entries(data[key], frame).items():
            verbs[lemma] = verbs.get(lemma, ()) + (entry,)
    nouns: dict[str, Entry] = {}
    for frame, key in (("supply", "supply_nouns"), ("acquire", "acquire_nouns"),
                       ("neutral", "neutral_nouns"), ("aid", "aid_nouns")):
        nouns.update(_entries(data[key], frame))
    adjectives = _entries(data.get("acquire_adjectives"), "acquire")
    generic = [str(g).lower() for g in data["generic_weapon_words"]]
    return Lexicon(
        verbs=verbs, nouns=nouns, adjectives=adjectives,
        possession_verbs=_low(data["possession_verbs"]),
        license_words=_low(data["license_words"]),
        production_verbs=_low(data["production_verbs"]),
        permission_nouns=_low(data["permission_nouns"]),
        codevelopment_verbs=_low(data["codevelopment_verbs"]),
        cooperation_verbs=_low(data["cooperation_verbs"]),
        military_aid_modifiers=_low(data["military_aid_modifiers"]),
        noun_governors={str(k).lower(): v for k, v in data["noun_governors"].items()},
        embedding_verbs={str(k).lower(): (v or {}) for k, v in data["embedding_verbs"].items()},
        planned_modals=_low(data["planned_modals"]),
        possible_modals=_low(data["possible_modals"]),
        party_head_nouns=_low(data["party_head_nouns"]),
        nonstate_heads=_low(data["nonstate_heads"]),
        bare_nonstate_heads=_low(data["bare_nonstate_heads"]),
        domestic_military=tuple(sorted((str(x).lower() for x in data["domestic_military"]), key=len, reverse=True)),
        generic_single=frozenset(g for g in generic if " " not in g),
        generic_multi_by_first=_by_first_word(tuple(g.split()) for g in generic if " " in g),
        arms_other_senses=_low(data["arms_other_senses"]),
        civil_cues=_low(data["civil_cues"]),
        civil_modifiers=_low(data["civil_modifiers"]),
        reporting_verbs=_low(data["reporting_verbs"]),
        include_verbs=_low(data["include_verbs"]),
        include_openers=_low(data.get("include_openers")),
        anaphoric_heads=_low(data["anaphoric_heads"]),
        container_nouns=_low(data["container_nouns"]),
        host_nouns=_low(data["host_nouns"]),
        bound_weapon_words={str(k).lower(): v for k, v in data["bound_weapon_words"].items()},
        bound_weapon_vetoes=_low(data["bound_weapon_vetoes"]),
        bilateral_heads=_low(data["bilateral_heads"]),
        fleet_words=_low(data["fleet_words"]),
        encounter_words=_low(data["encounter_words"]),
        payer_nouns=_low(data["payer_nouns"]),
        company_nouns=_low(data["company_nouns"]),
        accessory_terms=_low(data["accessory_terms"]),
        host_noun_stages={str(k).lower(): dict(v) for k, v in data["host_noun_stages"].items()},
        group_nouns=_low(data["group_nouns"]),
        group_count_nouns=_low(data.get("group_count_nouns")),
        collective_nouns=_low(data["collective_nouns"]) | _low(data["group_nouns"]),
        military_cues_by_first=_by_first_word(tuple(str(g).lower().split()) for g in data["military_cues"]),
        generic_heads=frozenset({g.split()[0] for g in generic} | {str(k).lower() for k in data["bound_weapon_words"]}
                                | {"system", "systems", "them"}),
        trigger_words=frozenset(verbs) | frozenset(nouns) | frozenset(adjectives) | _low(data["license_words"])
        | _low(data["production_verbs"])
        | _low(data["codevelopment_verbs"]) | _low(data["possession_verbs"]),
    )
