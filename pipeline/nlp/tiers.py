"""Two tiers of NLP over a chunk of articles: sentence boundaries for every sentence, the statistical
pipeline (tagger, parser, lemmatizer, NER) only for the sentences the gate picks.

Tier one is the tokenizer plus the model's ``senter`` (its own small network: about 3% of a full
pass over newswire, where NER alone is ~45% and the tagger + parser ~40%) and a few boundary rules
it misses (``sentence_starts``). The gate (``pipeline.nlp.gate``) then picks sentences; each run of
picked sentences becomes a Doc that goes through the enabled pipeline with its boundaries fixed (the
parser keeps to them); the other runs get a flat tree (each sentence's first token is its root) and
no tags or entities. ``Doc.from_docs`` joins the runs back into one Doc per article whose offsets
index the article text, and ``parsed_flags`` says which of its sentences were parsed.

The full depth parses the other runs as well, each on its own: a picked run is parsed the same way
(same tokens, same boundaries, same neighbours) at either depth, so it yields the same rows.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator, Sequence

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, SENT_START
from spacy.tokens import Doc

from pipeline.extract.doc_views import keep_text
from pipeline.nlp.gate import FULL, GATED, plan_parse
from pipeline.nlp.parser_text import parser_text
from pipeline.nlp.segment import segment_chars, split_for_parser
from pipeline.records import Article

_PARSED = "arms_pipeline.parsed"


def parsed_flags(doc: Doc) -> list[bool] | None:
    """Per sentence of ``doc`` (in ``doc.sents`` order): did it get the expensive tier? None: not recorded."""
    return doc.user_data.get(_PARSED)


def _senter(nlp):
    """The model's sentence recogniser, or a rule-based one for a model that has none."""
    if "senter" in nlp.component_names:
        return nlp.get_pipe("senter")
    from spacy.pipeline import Sentencizer

    return Sentencizer()


def _day(article: Article) -> dt.date | None:
    day = article.published_date
    return day.date() if isinstance(day, dt.datetime) else day


_PARAGRAPH = re.compile(r"\n[ \t]*\n|\n[ \t]{2,}")     # a blank line, or a newline + indentation (the wire's)
_TWO_SPACES = re.compile(r"(?<=[.!?])  +(?=[A-Z])")
# Punctuation that may open a sentence; any other cannot ('.”' after a quote that ended one).
_OPENERS = frozenset('"\'“‘([{-–—•*')
_BULLETS = frozenset("-–—•*")
_CLOSERS = frozenset('.!?"\'”’)]:;')


def sentence_starts(doc: Doc, text: str | None = None) -> np.ndarray:
    """Token indexes where the article's sentences start: the senter's, with two rules it misses. A
    paragraph break always ends a sentence (as do two spaces after a full stop, the wire's sign-off
    "... the source said.  REUTER"); a sentence never starts with closing punctuation or inside brackets
    ("“[d]ozens of ...")."""
    n = len(doc)
    if not n:
        return np.zeros(0, dtype=np.int64)
    flags = doc.to_array([SENT_START]).astype(np.int64)
    flags[0] = 1
    idx = doc.to_array([IDX]).astype(np.int64)
    text = doc.text if text is None else text      # the caller's copy of the same text: no token join
    for pattern in (_PARAGRAPH, _TWO_SPACES):
        for m in pattern.finditer(text):
            i = int(np.searchsorted(idx, m.end()))
            while i < n and doc[i].is_space:
                i += 1
            if 0 < i < n:
                flags[i] = 1
    starts = [int(i) for i in np.flatnonzero(flags == 1)]
    kept = [i for i in starts if i == 0 or not _cannot_open(doc, i)]
    return np.array(kept, dtype=np.int64)


def _cannot_open(doc: Doc, i: int) -> bool:
    """A break the senter predicted where no sentence can start: inside a word ("Anti|-ship"), at closing
    punctuation, inside brackets, or at a dash or bullet that does not begin a line."""
    tok, prev = doc[i], doc[i - 1]
    if prev.is_space and _PARAGRAPH.search(prev.text):
        return False
    if not prev.whitespace_ and not prev.is_space and prev.text[-1:] not in _CLOSERS:
        return True
    if tok.text[:1] in _BULLETS:
        return "\n" not in (prev.text if prev.is_space else prev.whitespace_)
    return (tok.is_punct and tok.text[:1] not in _OPENERS) or (prev.text in ("[", "(") and tok.text[:1].islower())


def _with_sentences(doc: Doc, starts: np.ndarray, root_id: int, parsed: bool) -> Doc:
    """Fix ``doc``'s sentence boundaries: as a flat tree (each sentence's first token the root, nothing
    labelled) for text that is not parsed, as SENT_START for text the parser reads (it keeps to them)."""
    n = len(doc)
    sentence_of = np.searchsorted(starts, np.arange(n), side="right") - 1
    first = starts[sentence_of]
    if parsed:
        arr = np.where(first == np.arange(n), 1, -1).astype(np.int64).view(np.uint64).reshape(n, 1)
        doc.from_array([SENT_START], arr)
        return doc
    arr = np.zeros((n, 2), dtype=np.uint64)
    arr[:, 0] = (first - np.arange(n)).astype(np.int64).view(np.uint64)
    arr[starts, 1] = root_id
    doc.from_array([HEAD, DEP], arr)
    return doc


def _tier_one(nlp, articles: Sequence[Article], batch_size: int) -> list[Doc]:
    """Tokens and the senter's boundaries for each article (long texts in segments, joined back)."""
    senter = _senter(nlp)
    max_chars = segment_chars()
    pieces = [split_for_parser(parser_text(a.text), max_chars) for a in articles]
    docs = senter.pipe((nlp.make_doc(seg) for segs in pieces for seg in segs), batch_size=batch_size)
    out = []
    for segs in pieces:
        parts = [next(docs) for _ in segs]
        out.append(parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False))
    return out


def _char_spans(doc: Doc, starts: np.ndarray, text_len: int) -> list[tuple[int, int]]:
    idx = doc.to_array([IDX]).astype(np.int64)
    ends = list(idx[starts[1:]]) + [text_len]
    return [(int(a), int(b)) for a, b in zip(idx[starts], ends)]


def _parts(doc: Doc, starts: np.ndarray, plan: list[bool], root_id: int, parse_rest: bool) -> list[tuple[Doc, bool]]:
    """The article cut into runs of sentences the gate treats alike, one Doc per run, each marked "to parse":
    the gate's runs, and with ``parse_rest`` (the full depth) the others too, each run on its own, so that a
    picked run reads the same context at either depth."""
    bounds = list(starts) + [len(doc)]
    parts, i = [], 0
    while i < len(plan):
        j = i
        while j < len(plan) and plan[j] == plan[i]:
            j += 1
        run = doc if (i, j) == (0, len(plan)) else doc[bounds[i]:bounds[j]].as_doc()   # one run: no copy
        to_parse = plan[i] or parse_rest
        parts.append((_with_sentences(run, starts[i:j] - bounds[i], root_id, parsed=to_parse), to_parse))
        i = j
    return parts


def parse_articles(nlp, articles: Sequence[Article], batch_size: int, depth: str) -> Iterator[Doc]:
    """One Doc per article, in order; its ``parsed_flags`` record the gate's decision per sentence."""
    root_id = nlp.vocab.strings.add("ROOT")
    planned = []
    for article, doc in zip(articles, _tier_one(nlp, articles, batch_size)):
        starts = sentence_starts(doc, article.text)     # the Doc's text has the same length (parser_text)
        plan = plan_parse(article.text, _char_spans(doc, starts, len(article.text)), _day(article), GATED) \
            if len(doc) else []
        full = depth == FULL
        parts = _parts(doc, starts, plan, root_id, parse_rest=full) if any(plan) or (full and plan) else None
        if parts is None and len(doc):
            _with_sentences(doc, starts, root_id, parsed=False)    # nothing to parse: no copies either
        planned.append((doc, [True] * len(plan) if full else plan, parts))
    picked = [d for _, _, parts in planned if parts for d, p in parts if p]
    # a run can be a whole article: batches of NlpResource.batch_size runs keep memory as it was (4x: 1.7 GB)
    done = nlp.pipe(picked, batch_size=batch_size) if picked else ()
    parsed = {id(d): out for d, out in zip(picked, done)}     # in order, one out per Doc in
    for article, (doc, plan, parts) in zip(articles, planned):
        if parts:
            done_parts = [parsed.get(id(d), d) for d, _ in parts]
            doc = done_parts[0] if len(done_parts) == 1 else Doc.from_docs(done_parts, ensure_whitespace=False,
                                                                            exclude=["tensor", "user_data"])
        keep_text(doc, article.text)
        doc.user_data[_PARSED] = list(plan)
        yield doc
