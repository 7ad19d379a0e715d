"""Plain records that flow between the stages.

Extractors return these (offsets are character offsets into ``Article.text``);
the warehouse turns them into rows. ``sentence_id`` and ``mention_id`` are
assigned by :mod:`pipeline.extract.assemble`, not by the extractors.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Article:
    article_id: str
    text: str                      # normalised body; every offset in the warehouse indexes this string
    title: str | None = None
    published_date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    source_path: str = ""          # path relative to the articles folder (plus ":<line>" for jsonl)
    content_hash: str = ""         # sha256 of title + published + text: the incremental key
    provenance: str | None = None
    language: str | None = "en"
    published_raw: str | None = None   # the publication date exactly as the input gave it
    published_note: str | None = None  # why published_date is NULL although a date was given


@dataclass(frozen=True, slots=True)
class Reject:
    source_path: str
    reason: str                    # one of pipeline.ingest.REJECT_REASONS
    detail: str
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class EntityMention:
    char_start: int
    char_end: int
    text: str
    label: str                     # COUNTRY, ORG, PERSON, WEAPON, LOCATION, GROUP, COMPANY
    canonical_name: str | None = None
    country_iso3: str | None = None
    weapon_category: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    char_start: int
    char_end: int
    text: str
    value: float | None = None
    value_low: float | None = None
    value_high: float | None = None
    qualifier: str | None = None   # exact, approx, at_least, at_most, range, vague
    unit: str | None = None        # count, currency, percent, year, ordinal, duration, distance, weight, other
    currency: str | None = None    # ISO 4217
    item: str | None = None        # the counted thing ("ballistic missiles")


@dataclass(frozen=True, slots=True)
class DateMention:
    char_start: int
    char_end: int
    text: str
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    granularity: str = "unknown"   # day, week, month, quarter, season, year, decade, unknown
    date_type: str = "absolute"    # absolute, relative, publication


@dataclass(frozen=True, slots=True)
class TransferMention:
    char_start: int                # the evidence sentence's span in Article.text
    char_end: int
    evidence: str
    supplier_name: str | None = None
    supplier_iso3: str | None = None
    recipient_name: str | None = None
    recipient_iso3: str | None = None
    weapon_text: str | None = None
    weapon_category: str = "unspecified"
    quantity_value: float | None = None
    quantity_low: float | None = None
    quantity_high: float | None = None
    quantity_text: str | None = None
    quantity_qualifier: str | None = None
    deal_value: float | None = None
    deal_currency: str | None = None
    stage: str = "unknown"
    modality: str = "asserted"
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_text: str | None = None
    confidence: float = 0.5
    trigger: str | None = None     # the lemma that fired (debugging aid, stored)
    derivation: str = "sentence"   # where the parties came from when not from the sentence (rows.derivation)


@dataclass(slots=True)
class ArticleExtraction:
    """Everything extracted from one article: the unit written to the warehouse atomically."""
    article_id: str
    content_hash: str = ""         # of the text that was parsed: what extraction_state records
    sentences: list[tuple[int, int, str]] = field(default_factory=list)   # (char_start, char_end, text)
    parsed: list[bool] | None = None   # per sentence: did it get the parser and NER (pipeline/nlp/gate.py)
    entities: list[EntityMention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    transfers: list[TransferMention] = field(default_factory=list)
