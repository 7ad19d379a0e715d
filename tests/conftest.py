"""Shared fixtures: the spaCy model is loaded once per test session."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp.model import load_model

    return load_model()
