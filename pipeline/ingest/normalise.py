"""Text normalisation, publication-date parsing and the content hash.

``normalise_text`` is the one definition of "the text" of an article: every
character offset stored in the warehouse indexes its output, so it must be
deterministic and idempotent (``normalise_text(normalise_text(s)) == normalise_text(s)``).

Rules, in order:

1. line breaks: ``\\r\\n`` and ``\\r`` -> ``\\n``; the other line/paragraph
   separators (VT, FF, NEL, U+2028) -> ``\\n`` and U+2029 -> ``\\n\\n``, so
   words on either side of them are not glued together;
2. removed: zero-width and other invisible format characters (Unicode category
   Cf: ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen, bidi controls, ...), control
   characters (Cc) except ``\\n``, and lone surrogates (from ``\\ud800``-style JSON
   escapes; they cannot be stored as UTF-8);
3. tabs, no-break spaces and every other Unicode space (category Zs) -> a space;
4. Unicode NFC (after removal, so a combining mark separated from its base by a
   zero-width character composes as it would have);
5. runs of spaces -> one space; spaces at the start and end of every line are
   stripped (the design asks for trailing; leading ones are stripped too so that no
   line, sentence or paragraph starts with a space);
6. three or more newlines -> exactly two (a paragraph break);
7. the whole string is stripped.

Smart quotes, dashes, ellipses and other punctuation are kept exactly as they are.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata

# Category Cf (Unicode 14, the unicodedata of Python 3.11), Cc except \n (\t is handled
# as a space, the line separators above as newlines) and Cs. A test checks these classes
# against unicodedata so a Unicode upgrade cannot silently leave a character out.
_CF = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U00013438\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_REMOVE_RE = re.compile(f"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff{_CF}]+")
# Category Zs plus tab: runs of them become one space. A lone plain space is left alone (matching
# it would rewrite every space of the text: the most expensive step of ingest).
_SPACES = "\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPACE_CHAR_RE = re.compile(f"[{_SPACES}]")
_SPACE_RUN_RE = re.compile(f"[{_SPACES.replace(' ', '')}][{_SPACES}]*| [{_SPACES}]+")
_LINEBREAK_RE = re.compile("\r\n|[\r\x0b\x0c\x85\u2028]")
# after the space runs are single spaces: one space either side of a line break
_EDGE_SPACES_RE = re.compile(r" ?\n ?")
_MANY_NEWLINES_RE = re.compile(r"\n{3,}")
_VISIBLE_RE = re.compile(f"[^\\s\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff{_CF}]")


def normalise_text(s: str) -> str:
    """Return the canonical form of ``s`` (see the module docstring)."""
    if not s:
        return ""
    s = _LINEBREAK_RE.sub("\n", s).replace("\u2029", "\n\n")
    s = _REMOVE_RE.sub("", s)
    s = _SPACE_RUN_RE.sub(" ", s)
    s = unicodedata.normalize("NFC", s)
    s = _EDGE_SPACES_RE.sub("\n", s)
    s = _MANY_NEWLINES_RE.sub("\n\n", s)
    return s.strip()


def normalise_title(s: str | None) -> str | None:
    """A title is one line: normalised like text, line breaks -> spaces; empty -> None."""
    if s is None:
        return None
    t = " ".join(normalise_text(s).split("\n"))
    t = re.sub(" {2,}", " ", t).strip()
    return t or None


# ISO 8601 calendar date, optionally followed by a time and an offset. Nothing else is
# accepted: "12/03/2021", "March 3, 2021", "20210303" and week dates give None.
_ISO_RE = re.compile(
    r"(\d{4}-\d{2}-\d{2})"
    r"(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)(Z|[+-]\d{2}(?::?\d{2})?)?)?"
)


def parse_date(value: object) -> dt.date | None:
    """ISO ``YYYY-MM-DD`` or ISO datetime -> ``date``; anything else -> ``None``.

    A datetime keeps the calendar date as written (no conversion to UTC): that is the
    publisher's local date. ``date``/``datetime`` objects are accepted as they are.
    An impossible date (``2021-02-30``) is ``None``: a date is never guessed.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    m = _ISO_RE.fullmatch(value.strip())
    if not m:
        return None
    try:
        day = dt.date.fromisoformat(m.group(1))
        if m.group(2):  # validate the time part too ("25:99" is not a time)
            hms = m.group(2).replace(",", ".")
            if "." in hms:
                hms = hms[: hms.index(".")]
            dt.time.fromisoformat(hms)
        if m.group(3) and m.group(3) != "Z":
            off = m.group(3).replace(":", "")
            if int(off[1:3]) > 23 or (len(off) > 3 and int(off[3:5]) > 59):
                return None
    except ValueError:
        return None
    return day


def read_published(value: object) -> tuple[dt.date | None, str | None, str | None]:
    """``(published_date, published_raw, published_note)`` for a metadata value.

    ``published_raw`` is the value as given (None when none was); ``published_note`` says why the
    date is NULL when a value was given but is not an ISO date, so an analyst can find and fix those
    articles instead of mistaking them for undated ones.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None, None
    if isinstance(value, (dt.date, dt.datetime)):
        raw = value.isoformat()
    elif isinstance(value, str):
        raw = value.strip()
    else:
        raw = json.dumps(value, ensure_ascii=False, default=str)
    raw = raw[:200]
    date = parse_date(value)
    if date is not None:
        return date, raw, None
    if not isinstance(value, str):
        return None, raw, f"not a date string ({type(value).__name__}): published_date left NULL"
    return None, raw, "not an ISO date (YYYY-MM-DD or ISO datetime): published_date left NULL, never guessed"


def content_hash(title: str | None, published: dt.date | None, text: str) -> str:
    """sha256 hex of ``title + "\\x1f" + published iso (or "") + "\\x1f" + text``."""
    payload = "\x1f".join((title or "", published.isoformat() if published else "", text))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def is_blank(s: str) -> bool:
    """True when nothing but whitespace and invisible characters is left (an ``empty`` file)."""
    return _VISIBLE_RE.search(s) is None     # stops at the first visible character: O(1) for prose
