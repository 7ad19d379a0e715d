"""The closed set of reject reasons (documented in :mod:`pipeline.ingest`)."""
from __future__ import annotations

EMPTY = "empty"
TOO_LARGE = "too_large"
BINARY = "binary"
NOT_UTF8 = "not_utf8"
MALFORMED_JSON = "malformed_json"
NOT_AN_OBJECT = "not_an_object"
NO_TEXT = "no_text"
INVALID_FIELD = "invalid_field"
MALFORMED_FRONT_MATTER = "malformed_front_matter"
DUPLICATE = "duplicate"
UNREADABLE = "unreadable"
SYMLINK_OUTSIDE_ROOT = "symlink_outside_root"
NOT_ENGLISH = "not_english"
READER_ERROR = "reader_error"

REJECT_REASONS: frozenset[str] = frozenset({
    EMPTY, TOO_LARGE, BINARY, NOT_UTF8, MALFORMED_JSON, NOT_AN_OBJECT, NO_TEXT,
    INVALID_FIELD, MALFORMED_FRONT_MATTER, DUPLICATE, UNREADABLE, SYMLINK_OUTSIDE_ROOT,
    NOT_ENGLISH, READER_ERROR,
})
