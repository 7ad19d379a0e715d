"""Date mentions: absolute, relative to the publication date, ranges, datelines and traps."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.extract import dates as dates_module
from pipeline.extract.dates import extract_dates
from pipeline.vocab import DATE_TYPES, GRANULARITIES

SEED = Path("/work/shared/seeds/000_144391ea574750d6.txt")
PUB = dt.date(2022, 9, 6)        # a Tuesday: the seed article's publication date
D = dt.date


def mentions(nlp, sentence, pub=PUB):
    return extract_dates(nlp(sentence), pub)


def one(nlp, sentence, text, pub=PUB):
    found = [m for m in mentions(nlp, sentence, pub) if m.text == text]
    assert len(found) == 1, (text, [(m.text, m.date_start) for m in mentions(nlp, sentence, pub)])
    return found[0]


# --------------------------------------------------------------------------- absolute

@pytest.mark.parametrize("sentence, text, start, end, granularity", [
    ("The deal was signed on March 3, 1987 in Riyadh.", "March 3, 1987", D(1987, 3, 3), D(1987, 3, 3), "day"),
    ("Russia invaded on 24 February 2022.", "24 February 2022", D(2022, 2, 24), D(2022, 2, 24), "day"),
    ("The award is dated 2022-09-06.", "2022-09-06", D(2022, 9, 6), D(2022, 9, 6), "day"),
    ("Sales for the fiscal year ended Sept. 30, 2015 rose.", "Sept. 30, 2015", D(2015, 9, 30), D(2015, 9, 30), "day"),
    ("The first shipment left in 1985.", "1985", D(1985, 1, 1), D(1985, 12, 31), "year"),
    ("Contracts were signed in October 2018.", "October 2018", D(2018, 10, 1), D(2018, 10, 31), "month"),
    ("Congress cut the request for fiscal 1988.", "fiscal 1988", D(1988, 1, 1), D(1988, 12, 31), "year"),
    ("Northrop sold F-5s to Saudi Arabia in the 1970s.", "1970s", D(1970, 1, 1), D(1979, 12, 31), "decade"),
    ("Commissions were paid in the early 1970s.", "early 1970s", D(1970, 1, 1), D(1973, 12, 31), "decade"),
    ("Deliveries resume by mid-2023.", "mid-2023", D(2023, 5, 1), D(2023, 8, 31), "year"),
    ("The frigates arrive in early 2024.", "early 2024", D(2024, 1, 1), D(2024, 4, 30), "year"),
    ("The Hawks will be delivered by late 1989.", "late 1989", D(1989, 9, 1), D(1989, 12, 31), "year"),
    ("Revenue grew in Q3 2023.", "Q3 2023", D(2023, 7, 1), D(2023, 9, 30), "quarter"),
    ("GE will earn more in the first quarter of 1987.", "the first quarter of 1987", D(1987, 1, 1), D(1987, 3, 31), "quarter"),
    ("Talks began in summer 2022.", "summer 2022", D(2022, 6, 1), D(2022, 8, 31), "season"),
    ("Construction kicked off in the summer of 2018.", "the summer of 2018", D(2018, 6, 1), D(2018, 8, 31), "season"),
    ("Airbus wants a launch decision by mid-April 1987.", "mid-April 1987", D(1987, 4, 11), D(1987, 4, 20), "month"),
    ("Output fell in the first half of 2023.", "the first half of 2023", D(2023, 1, 1), D(2023, 6, 30), "year"),
])
def test_absolute(nlp, sentence, text, start, end, granularity):
    m = one(nlp, sentence, text)
    assert (m.date_start, m.date_end, m.granularity, m.date_type) == (start, end, granularity, "absolute")


def test_absolute_dates_resolve_without_publication_date(nlp):
    m = one(nlp, "The deal was signed on March 3, 1987 in Riyadh.", "March 3, 1987", pub=None)
    assert (m.date_start, m.date_end, m.date_type) == (D(1987, 3, 3), D(1987, 3, 3), "absolute")


# --------------------------------------------------------------------------- relative to publication

@pytest.mark.parametrize("sentence, text, start, end, granularity", [
    ("A US official confirmed on Tuesday.", "Tuesday", D(2022, 9, 6), D(2022, 9, 6), "day"),
    ("The ministry said on Monday that talks failed.", "Monday", D(2022, 9, 5), D(2022, 9, 5), "day"),
    ("The talks collapsed last Tuesday.", "last Tuesday", D(2022, 8, 30), D(2022, 8, 30), "day"),
    ("Ministers will meet on Friday.", "Friday", D(2022, 9, 9), D(2022, 9, 9), "day"),
    ("Pyne said yesterday the deal was final.", "yesterday", D(2022, 9, 5), D(2022, 9, 5), "day"),
    ("We are announcing a package today.", "today", D(2022, 9, 6), D(2022, 9, 6), "day"),
    ("Russia bought drones from Iran last month.", "last month", D(2022, 8, 1), D(2022, 8, 31), "month"),
    ("Officials briefed reporters last week.", "last week", D(2022, 8, 29), D(2022, 9, 4), "week"),
    ("The country has tested 30 missiles this year.", "this year", D(2022, 1, 1), D(2022, 12, 31), "year"),
    ("Deliveries start next year.", "next year", D(2023, 1, 1), D(2023, 12, 31), "year"),
    ("It bought jets last year.", "last year", D(2021, 1, 1), D(2021, 12, 31), "year"),
    ("The navy tested it earlier this month.", "earlier this month", D(2022, 9, 1), D(2022, 9, 6), "month"),
    ("More deliveries will follow later this year.", "later this year", D(2022, 9, 6), D(2022, 12, 31), "year"),
    ("More aid will come in the coming months.", "the coming months", D(2022, 9, 7), D(2023, 3, 6), "month"),
    ("Russia bought drones two years ago.", "two years ago", D(2020, 1, 1), D(2020, 12, 31), "year"),
    ("Spending rose over the past 40 years.", "the past 40 years", D(1982, 9, 7), D(2022, 9, 6), "year"),
    ("Ukraine will fly F-16s this summer.", "this summer", D(2022, 6, 1), D(2022, 8, 31), "season"),
    ("The talks stalled last October.", "last October", D(2021, 10, 1), D(2021, 10, 31), "month"),
    ("Production grew in the fourth quarter.", "the fourth quarter", D(2021, 10, 1), D(2021, 12, 31), "quarter"),
    ("The ships arrive in March next year.", "March next year", D(2023, 3, 1), D(2023, 3, 31), "month"),
])
def test_relative(nlp, sentence, text, start, end, granularity):
    m = one(nlp, sentence, text)
    assert (m.date_start, m.date_end, m.granularity, m.date_type) == (start, end, granularity, "relative")


@pytest.mark.parametrize("sentence, start", [
    # past tense: the month of the publication year, or the previous year if it is after publication
    ("Russia bought the drones in September.", D(2022, 9, 1)),
    ("Russia bought the drones in October.", D(2021, 10, 1)),
    ("Russia bought the drones in March.", D(2022, 3, 1)),
    # a future cue: the next occurrence
    ("Russia will buy the drones in October.", D(2022, 10, 1)),
    ("The drones are expected to arrive in March.", D(2023, 3, 1)),
    # a present-tense verb over an event noun: the event's month is read as past, not the nearest one
    ("The package builds on the delivery of 20 tanks in December.", D(2021, 12, 1)),
    ("The order reflects the signing of the contract in November.", D(2021, 11, 1)),
])
def test_year_less_month(nlp, sentence, start):
    month = sentence.rstrip(".").split()[-1]
    m = one(nlp, sentence, month)
    assert (m.date_start, m.granularity, m.date_type) == (start, "month", "relative")


@pytest.mark.parametrize("sentence, pub, start", [
    ("WASHINGTON, March 26 - The Pentagon said the sale was approved.", D(1987, 3, 26), D(1987, 3, 26)),
    ("LOS ANGELES, Feb 26 - McDonnell Douglas said on December 30 it had orders.", D(1987, 2, 26), D(1986, 12, 30)),
    ("OTTAWA, Dec 5 (Reuters) - Canada is scrapping a plan.", D(2017, 12, 5), D(2017, 12, 5)),
    ("MHI expects a loss in the fiscal year ending March 31.", D(1987, 3, 12), D(1987, 3, 31)),
])
def test_year_less_days_and_datelines(nlp, sentence, pub, start):
    found = mentions(nlp, sentence, pub)
    day = [m for m in found if m.granularity == "day" and m.date_start == start]
    assert len(day) == 1, [(m.text, m.date_start) for m in found]
    assert day[0].date_type == "relative" and day[0].date_end == start


def test_dateline_without_publication_date_stays_null(nlp):
    m = one(nlp, "WASHINGTON, March 26 - The Pentagon said the sale was approved.", "March 26", pub=None)
    assert (m.date_start, m.date_end, m.granularity, m.date_type) == (None, None, "day", "relative")


@pytest.mark.parametrize("sentence, text, granularity", [
    ("A US official confirmed on Tuesday.", "Tuesday", "day"),
    ("Russia bought drones from Iran last month.", "last month", "month"),
    ("The country has tested 30 missiles this year.", "this year", "year"),
    ("Russia bought drones two years ago.", "two years ago", "year"),
    ("Russia bought the drones in September.", "September", "month"),
])
def test_relative_without_publication_date_is_null(nlp, sentence, text, granularity):
    m = one(nlp, sentence, text, pub=None)
    assert (m.date_start, m.date_end, m.granularity, m.date_type) == (None, None, granularity, "relative")


def test_publication_datetime_is_accepted(nlp):
    m = one(nlp, "Russia bought drones from Iran last month.", "last month", pub=dt.datetime(2022, 9, 6, 14, 30))
    assert (m.date_start, m.date_end) == (D(2022, 8, 1), D(2022, 8, 31))


# --------------------------------------------------------------------------- ranges

@pytest.mark.parametrize("sentence, text, start, end, granularity, date_type", [
    ("The notes cover the period from January 1, 1984 to  December 19, 1986 when the deal was planned.",
     "from January 1, 1984 to  December 19, 1986", D(1984, 1, 1), D(1986, 12, 19), "day", "absolute"),
    ("Northrop paid commissions from 1971 to 1975.", "from 1971 to 1975", D(1971, 1, 1), D(1975, 12, 31), "year", "absolute"),
    ("Iran got arms between 1985 and 1987.", "between 1985 and 1987", D(1985, 1, 1), D(1987, 12, 31), "year", "absolute"),
    ("The 1985-1986 arms sales to Iran were illegal.", "1985-1986", D(1985, 1, 1), D(1986, 12, 31), "year", "absolute"),
    ("In fiscal 1985/86 aircraft made up 17 pct of sales.", "fiscal 1985/86", D(1985, 1, 1), D(1986, 12, 31), "year", "absolute"),
    ("North Korea has tested no ICBM since 2017.", "since 2017", D(2017, 1, 1), PUB, "year", "relative"),
    ("Lending has fallen since last November.", "since last November", D(2021, 11, 1), PUB, "month", "relative"),
])
def test_ranges(nlp, sentence, text, start, end, granularity, date_type):
    m = one(nlp, sentence, text)
    assert (m.date_start, m.date_end, m.granularity, m.date_type) == (start, end, granularity, date_type)


def test_by_year_is_that_year(nlp):
    m = one(nlp, "The first jets will arrive by 2025.", "2025")
    assert (m.date_start, m.date_end, m.granularity) == (D(2025, 1, 1), D(2025, 12, 31), "year")


# --------------------------------------------------------------------------- counted from the date before

@pytest.mark.parametrize("text, mention, start, end", [
    ("In 2021, China transferred a submarine to Myanmar. Just one year prior, India gifted Myanmar one.",
     "one year prior", D(2020, 1, 1), D(2020, 12, 31)),
    ("Egypt ordered 24 Rafales in February 2015. A year later, it ordered two Mistral ships.",
     "A year later", D(2016, 1, 1), D(2016, 12, 31)),
    ("The first jets arrived in March 2020. The previous month, Poland had ordered 32 F-35s.",
     "The previous month", D(2020, 2, 1), D(2020, 2, 29)),
    ("Two years later, the jets arrived.", "Two years later", None, None),          # nothing to count from
])
def test_anchored_relatives_count_from_the_last_date_before_them(nlp, text, mention, start, end):
    m = one(nlp, text, mention)
    assert (m.date_start, m.date_end, m.date_type) == (start, end, "relative")


def test_prior_to_an_event_is_not_anchored_on_the_previous_date(nlp):
    assert [m.text for m in mentions(nlp, "In 2019 talks began. One year prior to the election, Iran bought jets.")] \
        == ["2019"]


# --------------------------------------------------------------------------- not dates

@pytest.mark.parametrize("sentence", [
    "He served in the navy for 30 years.",
    "The program lasted six years.",
    "Congress has a 30-day review period.",
    "Theresa May said the sale would go ahead.",
    "You may go if the committee agrees.",
    "The Mirage 2000 is a French fighter.",
    "Germany sent 14 PzH 2000 howitzers and the Aspide 2000 system.",     # model numbers after a space
    "The council adopted Resolution 1973.",
    "The army will procure 2000 rifles.",
    "The Senate votes at 1600 EST on the package.",
    "Perle, 45, is one of the hardliners.",
    "The May Day parade was cancelled.",
])
def test_not_dates(nlp, sentence):
    assert mentions(nlp, sentence) == []


# --------------------------------------------------------------------------- dateparser fallback

def test_dateparser_handles_leftover_date_entities(nlp):
    dates_module._dateparser.cache_clear()
    m = one(nlp, "The report of 26.3.1987 was leaked.", "26.3.1987")
    assert (m.date_start, m.granularity, m.date_type) == (D(1987, 3, 26), "day", "absolute")
    assert dates_module._dateparser.cache_info().currsize >= 1


# --------------------------------------------------------------------------- contract invariants

PARAGRAPH = ("WASHINGTON, March 26 - The U.S. approved the sale on Tuesday, officials said, after talks "
             "that began last month and in the summer of 2018. Deliveries from 2023 to 2025 will follow "
             "next year, two years ago the plan was different, and since 2017 prices rose 20 pct.")


@pytest.mark.parametrize("pub", [PUB, None])
def test_sorted_non_overlapping_and_in_vocabulary(nlp, pub):
    doc = nlp(PARAGRAPH)
    out = extract_dates(doc, pub)
    assert len(out) >= 6
    for a, b in zip(out, out[1:]):
        assert a.char_end <= b.char_start
    for m in out:
        assert doc.text[m.char_start:m.char_end] == m.text
        assert m.granularity in GRANULARITIES and m.date_type in DATE_TYPES
        if m.date_start and m.date_end:
            assert m.date_start <= m.date_end


# --------------------------------------------------------------------------- the seed article

@pytest.fixture(scope="module")
def seed_dates(nlp):
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1]
    return extract_dates(nlp(body), PUB)


def test_seed_on_tuesday(seed_dates):
    tuesdays = [m for m in seed_dates if m.text == "Tuesday"]
    assert tuesdays and all((m.date_start, m.date_end) == (PUB, PUB) for m in tuesdays)


def test_seed_last_month(seed_dates):
    m = next(m for m in seed_dates if m.text == "last month")
    assert (m.date_start, m.date_end, m.granularity) == (D(2022, 8, 1), D(2022, 8, 31), "month")


def test_seed_this_year(seed_dates):
    m = next(m for m in seed_dates if m.text == "this year")
    assert (m.date_start, m.date_end, m.granularity) == (D(2022, 1, 1), D(2022, 12, 31), "year")


# --------------------------------------------------------------------------- speed-up safety

def _all_test_sentences() -> list[str]:
    """Every sentence parametrised in this module (so new cases are covered without listing them)."""
    sentences = []
    for fn in list(globals().values()):
        for mark in getattr(fn, "pytestmark", []):
            if mark.name != "parametrize":
                continue
            for values in mark.args[1]:
                values = values if isinstance(values, (tuple, list)) else (values,)
                sentences += [v for v in values if isinstance(v, str) and " " in v]
    return sentences


def test_pattern_gates_are_necessary_conditions():
    """A pattern is skipped when its gate words are absent: every real match must contain one."""
    sentences = _all_test_sentences()
    if SEED.exists():
        sentences.append(SEED.read_text(encoding="utf-8"))
    assert len(sentences) > 50
    gates = dates_module._pattern_gates()
    checked = 0
    for name, rx in dates_module._patterns():
        for sentence in sentences:
            for m in rx.finditer(sentence):
                if name in gates and m.group(0):
                    assert any(w in m.group(0).lower() for w in gates[name]), (name, m.group(0))
                    checked += 1
    assert checked > 50
