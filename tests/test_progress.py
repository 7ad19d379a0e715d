"""Progress lines of the extraction: rate, ETA, and a steady pace (every chunk or 10 s, the rarer)."""
from __future__ import annotations

from pipeline.progress import Progress, format_duration


class FakeClock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_rate_and_eta_from_the_work_done_so_far():
    clock = FakeClock()
    p = Progress(1000, clock=clock)
    clock.now += 20
    line = p.advance(200)                       # 200 in 20 s -> 10/s, 800 left -> 80 s
    assert line == "extracted 200/1000 articles (20%), 10.0 articles/s, ETA 1m 20s"
    assert p.eta_s() == 80.0


def test_a_line_only_every_interval_even_when_chunks_finish_faster():
    clock = FakeClock()
    p = Progress(100, interval_s=10, clock=clock)
    said = []
    for _ in range(9):                          # a chunk of 10 every 3 s
        clock.now += 3
        said.append(p.advance(10) is not None)
    # the first chunk at once (the first rate and ETA), then never twice within 10 s: 3 s, 15 s, 27 s
    assert said == [True, False, False, False, True, False, False, False, True]


def test_slow_chunks_are_each_reported_and_the_end_always_is():
    clock = FakeClock()
    p = Progress(30, interval_s=10, clock=clock)
    clock.now += 60
    assert p.advance(10) is not None            # a chunk that took a minute: say so
    clock.now += 1
    final = p.advance(20)                       # the end, 1 s later: said anyway
    assert final == "extracted 30/30 articles (100%), 0.5 articles/s, done in 1m 01s"


def test_nothing_to_do_and_unknown_rate():
    clock = FakeClock()
    assert Progress(0, clock=clock).line().startswith("extracted 0/0 articles (100%)")
    assert Progress(5, clock=clock).eta_s() is None


def test_format_duration():
    assert [format_duration(s) for s in (0, 42.4, 65, 3599, 7620)] == ["0s", "42s", "1m 05s", "59m 59s", "2h 07m"]
