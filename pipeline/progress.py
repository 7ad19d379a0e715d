"""Progress of a long loop as one log line: done/total, rate and ETA, said at a steady pace.

A run over 100 000 articles should tell the operator how far it is and when it will finish, without
one log line per chunk flooding the console: :class:`Progress` speaks after the first chunk (the first
rate and ETA, as early as there can be one), then after a chunk only when at least ``interval_s``
have passed since it last spoke (every chunk or every 10 s, whichever is rarer), and always at the end.
"""
from __future__ import annotations

import time
from typing import Callable


def format_duration(seconds: float) -> str:
    """``42s``, ``3m 05s``, ``2h 07m``: short enough for a log line, exact enough for an ETA."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds}s"
    minutes, secs = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m {secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m"


class Progress:
    """Counts finished items against a total and decides when a progress line is due."""

    def __init__(self, total: int, *, noun: str = "articles", verb: str = "extracted",
                 interval_s: float = 10.0, clock: Callable[[], float] = time.monotonic):
        self.total, self.noun, self.verb = total, noun, verb
        self.interval_s, self.clock = interval_s, clock
        self.started = clock()
        self.last_said: float | None = None
        self.done = 0

    def rate(self) -> float:
        """Items per second since the start (0 before anything is done)."""
        elapsed = self.clock() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def eta_s(self) -> float | None:
        """Seconds until the total is reached at the rate so far; None while the rate is unknown."""
        rate = self.rate()
        return (self.total - self.done) / rate if rate > 0 else None

    def line(self) -> str:
        pct = 100.0 * self.done / self.total if self.total else 100.0
        head = f"{self.verb} {self.done}/{self.total} {self.noun} ({pct:.0f}%), {self.rate():.1f} {self.noun}/s"
        if self.done >= self.total:
            return f"{head}, done in {format_duration(self.clock() - self.started)}"
        eta = self.eta_s()
        return f"{head}, ETA {format_duration(eta) if eta is not None else 'unknown'}"

    def advance(self, n: int) -> str | None:
        """Record ``n`` more finished items; return the progress line when one is due, else None."""
        self.done += n
        now = self.clock()
        if self.last_said is None or self.done >= self.total or now - self.last_said >= self.interval_s:
            self.last_said = now
            return self.line()
        return None
