"""Ingest: a folder of articles -> ``Article`` records, and a ``Reject`` for every input that is not one.

Public API (the Dagster asset calls exactly this)::

    iter_input_files(root)            -> Iterator[Path]   the readable input files, sorted
    read_file(path, root, max_bytes)  -> (articles, rejects) for one file
    scan(root, max_bytes)             -> IngestResult(articles, rejects, n_files)
    REJECT_REASONS                    every reason a Reject can carry

Accounting: every input ends up as exactly one Article or one Reject. An input is a
file with a supported suffix (``.txt .md .json .jsonl .html .htm``, any case), or, for
``.jsonl``, each non-blank line (``source_path`` ``"file.jsonl:<line>"``, 1-based;
a jsonl file rejected as a whole - too large, binary, ... - is one input). Directories
that cannot be listed and directory symlinks pointing outside the folder also get a
Reject. Files with other suffixes and hidden files/directories (``.name``) are not
inputs: they are ignored without a record (there is no ``unsupported_type``).
``IngestResult.n_files`` counts the candidate files (read or rejected by the walk);
nothing raises out of :func:`scan` for bad input.

Formats (:mod:`.formats`, :mod:`.html`):
  ``.txt``   first non-empty line = title, the rest = body; id = file stem; no date.
  ``.md``    optional YAML front matter (title, published, source, url, id, provenance),
             body = the rest; without front matter like .txt, ``# `` heading stripped.
  ``.json``  one object {id, title, text, published, source, url, provenance}; only
             ``text`` is required. Unknown keys are ignored.
  ``.jsonl`` one such object per line; a line without id gets ``<stem>-<line>``.
  ``.html``  main text (article/main/body, boilerplate dropped), title, meta date.
Ids are kept verbatim (only stripped; an integer id becomes its string); a missing or
blank id falls back to the stem. Titles, source, url and provenance are normalised to
one line. ``text`` is :func:`normalise_text` of the body; ``content_hash`` is sha256
over title + "\\x1f" + published iso (or "") + "\\x1f" + text, so renaming a file does
not change it.

Publication date policy: ISO ``YYYY-MM-DD`` or an ISO datetime (its calendar date as
written) -> ``published_date``; anything else (``"March 3, 2021"``, ``"2021-02-30"``,
a number, ...) -> ``published_date`` NULL and the article is KEPT: a bad date is not a
reason to lose the text, and a date is never guessed. The value as given is kept in
``published_raw`` and the reason in ``published_note`` (see ``read_published``), so an
unparsable date is queryable, not silently the same as no date.

Encoding policy: UTF-8 (a BOM is fine) or UTF-16/32 with a BOM. Latin-1/cp1252 and any
other bytes that are not valid UTF-8 are rejected ``not_utf8`` - guessing an encoding
silently corrupts text - with the first bad byte, e.g. ``byte 0xe9 at offset 17``.

Reject reasons (``Reject.reason``; ``detail`` says exactly what and where):
  ``empty``                  0 bytes, or only whitespace / invisible characters.
  ``too_large``              size > ``max_bytes`` (from stat; the file is not read).
  ``binary``                 NUL bytes, or a known signature (PNG, JPEG, GIF, PDF, ZIP,
                             GZIP, XZ, Zstd, 7z, RAR, ELF, OLE2, SQLite).
  ``not_utf8``               not decodable as above.
  ``malformed_json``         .json file or .jsonl line that is not valid JSON (also:
                             nesting too deep, integers of more than 4300 digits).
  ``not_an_object``          valid JSON whose top-level value is not an object.
  ``no_text``                no text: missing/null ``text``, a body that is empty after
                             normalisation (title-only .txt/.md, HTML with only scripts).
  ``invalid_field``          a field of the wrong type: ``text``/``title``/``source``/
                             ``url``/``provenance`` not a string, ``id`` not a string or
                             integer, or an id with a NUL / lone surrogate.
  ``malformed_front_matter`` .md whose first line is ``---`` but the front matter is
                             never closed, is not YAML, or is not a mapping.
  ``duplicate``              same content_hash as an article kept earlier in sorted
                             path order, or the same article_id as one; detail names
                             the kept source_path and article_id.
  ``unreadable``             PermissionError/OSError on a file, a directory that cannot
                             be listed, a broken symlink, a FIFO/socket/device.
  ``symlink_outside_root``   a symlink (file or directory) resolving outside the folder;
                             never followed.
  ``not_english``            the text fails the cheap language check in :mod:`.language`:
                             mostly non-Latin script, or, for >= 30 words, fewer than 8 %
                             English function words (the, of, and, to, in, said, ...) or
                             more German/French/Spanish/... function words than English.
  ``reader_error``           an unexpected exception inside a reader (a bug: the detail
                             has the exception; the run goes on).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..records import Article, Reject
from . import reasons as R
from .formats import SUPPORTED_SUFFIXES
from .normalise import content_hash, normalise_text, parse_date, read_published
from .read import read_file
from .reasons import REJECT_REASONS
from .walk import walk

__all__ = [
    "REJECT_REASONS", "SUPPORTED_SUFFIXES", "IngestResult", "content_hash", "iter_input_files",
    "normalise_text", "parse_date", "read_file", "read_published", "scan",
]


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    n_files: int = 0


def iter_input_files(root: Path) -> Iterator[Path]:
    """The input files under ``root`` that can be opened, sorted by relative path.

    Recursive; supported suffixes only; hidden files/directories skipped; symlinks that
    resolve outside ``root``, broken symlinks, FIFOs and unlistable directories are left
    out (:func:`scan` reports them as rejects).
    """
    for entry in walk(Path(root)):
        if entry.reject is None:
            yield entry.path


def scan(root: Path, max_bytes: int) -> IngestResult:
    """Walk ``root``, read every input, drop duplicates; every input -> one Article or Reject.

    Duplicates are decided in sorted path order (jsonl lines in line order): the first
    article with a given content_hash or article_id is kept, later ones are rejected
    ``duplicate``.
    """
    root = Path(root)
    result = IngestResult()
    try:
        entries = walk(root)
    except Exception as e:  # noqa: BLE001 - never raise for bad input
        result.rejects.append(Reject(".", R.READER_ERROR, f"walk failed: {type(e).__name__}: {e}"))
        return result
    by_hash: dict[str, Article] = {}
    by_id: dict[str, Article] = {}
    for entry in entries:
        result.n_files += entry.is_file
        if entry.reject is not None:
            result.rejects.append(entry.reject)
            continue
        articles, rejects = read_file(entry.path, root, max_bytes)
        result.rejects.extend(rejects)
        for art in articles:
            kept = by_hash.get(art.content_hash)
            if kept is not None:
                result.rejects.append(Reject(
                    art.source_path, R.DUPLICATE,
                    f"same content as {kept.source_path} (article_id {kept.article_id!r})",
                    art.article_id))
                continue
            kept = by_id.get(art.article_id)
            if kept is not None:
                result.rejects.append(Reject(
                    art.source_path, R.DUPLICATE,
                    f"article_id {art.article_id!r} already used by {kept.source_path}",
                    art.article_id))
                continue
            by_hash[art.content_hash] = art
            by_id[art.article_id] = art
            result.articles.append(art)
    return result
