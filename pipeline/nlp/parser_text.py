"""What the parser reads: the article text with Reuters company markup made readable, same length.

The Reuters newswire wraps company names and tickers in angle brackets ("<Helikopter Service A/S>",
"<BAEL.L>"). The parser reads "<" and ">" as symbols and tears the sentence apart around them (the
bracketed company became a dependent of the dateline). A quoted name parses as a name, so each
bracket becomes one quote character: every offset stays valid, and the extractors read the stored
text itself (``pipeline.extract.doc_views.doc_text``), never this one.
"""
from __future__ import annotations

import re

_MARKUP = re.compile(r"<([A-Z][^<>\n]{0,80})>")


def parser_text(text: str) -> str:
    """``text`` with every ``<Name>`` turned into ``"Name"`` (same length)."""
    if "<" not in text:
        return text
    return _MARKUP.sub(lambda m: f'"{m.group(1)}"', text)
