"""Long articles are parsed in segments and stitched back into one Doc.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 chars) and its parser needs memory in
proportion to the text, so a 3 MB article is cut at paragraph (else line, else sentence, else
word) boundaries into segments of at most ``max_chars``. The segments concatenate to exactly the
original text, so ``Doc.from_docs`` gives a Doc whose offsets index the stored article text.
"""
from __future__ import annotations

from pipeline import settings

DEFAULT_SEGMENT_CHARS = settings.DEFAULT_SEGMENT_CHARS
_BREAKS = ("\n\n", "\n", ". ", " ")


def segment_chars() -> int:
    return settings.segment_chars()


def split_for_parser(text: str, max_chars: int = DEFAULT_SEGMENT_CHARS) -> list[str]:
    """Slices of ``text`` of at most ``max_chars`` each whose concatenation is ``text``."""
    if max_chars <= 0:
        raise ValueError("max_chars must be positive")
    segments: list[str] = []
    start = 0
    while len(text) - start > max_chars:
        window_end = start + max_chars
        cut = -1
        for brk in _BREAKS:
            found = text.rfind(brk, start + 1, window_end)
            if found > start:
                cut = found + len(brk)
                break
        if cut <= start or cut > window_end:
            cut = window_end          # one unbroken run of characters: a hard cut is all there is
        segments.append(text[start:cut])
        start = cut
    segments.append(text[start:])
    return segments
