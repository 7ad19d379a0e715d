"""SQL files with a header: leading ``--`` lines describe the model, ``-- key: value`` lines are fields.

Used for marts (``-- depends_on:``, ``-- grain:``) and checks (``-- asset:``, ``-- severity:``,
``-- description:``, which may go on over the following comment lines).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_HEADER_FIELD = re.compile(r"^--\s*([a-z_]+)\s*:\s*(.*?)\s*$")
# A description goes on over the following comment lines up to the next "-- key: value" field or a
# bare "--"; a line indented past the "--" ("--   note: ...") continues it even if it has a colon.
_CONTINUATION = re.compile(r"^--(?:\s{2,}|\t)\S")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class SqlModel:
    """One SQL file and what its header says about it."""

    name: str
    path: Path
    sql: str
    description: str
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def depends_on(self) -> tuple[str, ...]:
        raw = self.fields.get("depends_on", "")
        return tuple(d.strip() for d in raw.split(",") if d.strip())


_FIELD_START = re.compile(r"^([a-z_]+):(\s|$)")


def header_markdown(header: list[str]) -> str:
    """The header as markdown that keeps its line breaks (the UI renders descriptions as markdown, where
    a lone newline is a space): one line per comment line, a bare ``--`` starts a paragraph, and a
    leading ``key:`` is bold."""
    paragraphs: list[list[str]] = [[]]
    for line in header:
        if not line:
            paragraphs.append([])
            continue
        m = _FIELD_START.match(line)
        paragraphs[-1].append(f"**{m.group(1)}:**{line[m.end(1) + 1:]}" if m else line)
    return "\n\n".join("  \n".join(p) for p in paragraphs if p)


def parse_sql_file(path: Path) -> SqlModel:
    """Read a mart/check file: its leading ``--`` lines are the description, ``-- key: value`` fields."""
    text = path.read_text(encoding="utf-8")
    header: list[str] = []
    fields: dict[str, str] = {}
    continuing: str | None = None     # "description" while its following lines continue it
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("--"):
            if stripped:
                break
            continue
        body = stripped[2:].strip()
        header.append(body)
        m = _HEADER_FIELD.match(stripped)
        if continuing and body and (not m or _CONTINUATION.match(stripped)):
            fields[continuing] = f"{fields[continuing]} {body}".strip()
        elif m:
            fields[m.group(1)] = m.group(2)
            continuing = m.group(1) if m.group(1) == "description" else None
        else:
            continuing = None
    name = path.stem
    if not _NAME.match(name):
        raise ValueError(f"{path}: file stem {name!r} is not a valid table name")
    for dep in fields.get("depends_on", "").split(","):
        if dep.strip() and not _NAME.match(dep.strip()):
            raise ValueError(f"{path}: bad depends_on entry {dep.strip()!r}")
    description = fields.get("description") or header_markdown(header)
    return SqlModel(name=name, path=path, sql=text, description=description, fields=fields)
