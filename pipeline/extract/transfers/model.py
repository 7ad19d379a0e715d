"""The records the stages pass along: a party, a weapon, a trigger, and a candidate transfer."""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.extract.transfers.lexicon import Entry
from pipeline.records import DateMention, Figure


PARTY_LABELS = ("COUNTRY", "ORG", "COMPANY", "GROUP")


@dataclass(eq=False)
class Party:
    name: str
    iso3: str | None
    label: str
    start: int                 # token indices (doc-level), end exclusive
    end: int
    root: object               # spaCy Token
    char_start: int
    char_end: int
    pronoun: bool = False      # stands in for a party named elsewhere ("it", "we", "the government")
    context: bool = False      # taken from outside the sentence (lower confidence)
    surface: str | None = None  # the text as written ("Lockheed Martin", "Danish")
    derivation: str | None = None  # where a party not named in the sentence came from (see rows.derivation)

    @property
    def key(self):
        return (self.iso3, None if self.iso3 else self.name.lower())


@dataclass(eq=False)
class Weapon:
    text: str
    category: str
    start: int
    end: int
    root: object
    char_start: int
    char_end: int
    origins: list = field(default_factory=list)   # Party list: "Iranian drones" -> [Iranian]
    generic: bool = False
    possessor: object | None = None               # Party: "Iran's Silkworm missiles"
    bound: bool = False                           # a weapon only under a transfer trigger ("aircraft")
    iso3_hint: str | None = None                  # the entity's country_iso3 (may be the gazetteer's guess)


@dataclass(eq=False)
class Trigger:
    token: object
    entry: Entry
    kind: str                  # verb, noun, license, possession

    @property
    def frame(self):
        return self.entry.frame


def token_range(doc, char_start: int, char_end: int):
    span = doc.char_span(char_start, char_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span


@dataclass
class Candidate:
    trigger: Trigger
    suppliers: list = field(default_factory=list)     # Party
    recipients: list = field(default_factory=list)
    weapons: list = field(default_factory=list)       # Weapon
    stage: str = "unknown"
    modality: str = "asserted"
    confidence: float = 1.0
    context: bool = False
    chain_idx: dict = field(default_factory=dict)
    money: Figure | None = None
    date: DateMention | None = None
    bound: dict = field(default_factory=dict)      # id(party) -> the weapons that go with it alone
    passive: bool = False                          # a verb trigger in the passive voice
    derivation: str | None = None                  # where its parties came from when not from its sentence
    sides: list = field(default_factory=list)      # the two sides of a deal whose direction is unknown
