"""Shared by the rule-based extractors: the data files under pipeline/data, and regex alternations."""
from __future__ import annotations

import functools
import re

import yaml

from pipeline.settings import DATA_DIR


@functools.lru_cache(maxsize=None)
def load_yaml(name: str) -> dict:
    """A lexicon from ``pipeline/data/<name>``, read once per process."""
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def alternation(words) -> str:
    """``a|b|c`` of the escaped words, longest first so a regex prefers the longest match."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
