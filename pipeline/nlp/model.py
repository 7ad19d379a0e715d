"""Loading the spaCy model once per process."""
from __future__ import annotations

import functools

from pipeline import settings

DEFAULT_MODEL = settings.DEFAULT_SPACY_MODEL


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None):
    """Load (and cache per process) the pinned spaCy model; ARMS_SPACY_MODEL overrides the name."""
    import spacy

    model = name or settings.spacy_model()
    try:
        return spacy.load(model)
    except OSError as exc:  # a clear error instead of spaCy's download hint
        raise RuntimeError(
            f"spaCy model {model!r} is not installed. Run `make setup` (it installs the pinned "
            f"model from requirements-model.txt) or set ARMS_SPACY_MODEL to an installed model."
        ) from exc
