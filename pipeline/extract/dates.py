"""Date mentions, resolved against the publication date.

``extract_dates(doc, published)`` is a pure function. Our own span finder (regexes over the text,
built from ``pipeline/data/date_rules.yaml``, plus spaCy DATE entities) finds candidate spans; the
common shapes are resolved by our own fast code, and only leftover DATE entities are handed to
dateparser (``languages=['en']``, ``RELATIVE_BASE`` = publication date, ``PREFER_DATES_FROM='past'``;
cached on (text, published)). The whole article is never given to ``search_dates``.

Rules (each documented because it decides a window the library would not):
  * date_type ``absolute`` when the text alone fixes the date ("March 3, 1987", "in 2022",
    "Q3 2023"); ``relative`` when the publication date was needed: relative words ("last month",
    "on Tuesday", "two years ago") *and* year-less dates ("March 26" in a Reuters dateline,
    "in September"). Without a publication date every relative mention keeps its text, its
    granularity and NULL start/end — never the run date.
  * year-less month/day/quarter/season ("in September", "on December 30", "the fourth quarter"):
    the tense of the governing clause decides (:func:`_tense`). Past tense or no verb: the latest
    one starting on or before publication (PREFER_DATES_FROM='past' — "in September" is September of
    the publication year, or of the previous year when September is after publication; a day up to
    7 days after publication keeps the publication year). A future cue ("will", "would",
    "expected to", "scheduled", "due", "next"): the first one not yet over at publication.
    A present-tense or -ing verb ("the fiscal year ending March 31"): the occurrence nearest to
    publication. A dateline "WASHINGTON, March 26 -" is a day mention with the publication year,
    date_type relative — it is not the publication date.
  * a month name with no preposition counts only when spaCy tags it DATE ("November orders
    rose", not "Theresa May"); "May Day"-style names are skipped.
  * weekdays: "on Tuesday" = the latest Tuesday on or before publication (the publication day if it
    is a Tuesday); with a future cue the first on or after it; "last Tuesday" strictly before,
    "next Tuesday" strictly after.
  * "last/this/next week|month|year|quarter|decade": calendar units (weeks run Monday-Sunday);
    "the past year" / "the past 40 years": rolling window ending at publication; "earlier this
    month" = start of the month .. publication; "later this year" = publication .. year end.
  * early/mid/late (and beginning/middle/end of) = the first/middle/last third of the period;
    first/second half of a year = Jan-Jun / Jul-Dec; granularity stays the period's.
  * seasons are meteorological, northern hemisphere; winter YYYY = Dec YYYY .. Feb YYYY+1.
  * fiscal years are read as the calendar year (fiscal calendars differ by country);
    "fiscal 1985/86" = 1985..1986.
  * "since 2017" = 2017-01-01 .. publication (end NULL without a publication date);
    "between A and B", "from A to B" = one mention from A's start to B's end.
  * "by 2025", "in 2025", "until 2025": the year 2025.
  * "the coming months" = publication+1 day .. +6 months, "recent years" = -5 years ..
    publication (windows in date_rules.yaml).
  * durations ("six years", "for 30 years", "30-day") are never dates.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from pipeline.extract.doc_views import doc_text
from pipeline.extract.lexicon_files import alternation, load_yaml
from pipeline.records import DateMention

_DAY = dt.timedelta(days=1)


def _rules() -> dict:
    return load_yaml("date_rules.yaml")


# ----------------------------------------------------------------------------- calendar helpers

def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _month_window(y: int, m: int):
    return dt.date(y, m, 1), _month_end(y, m)


def _year_window(y: int):
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _quarter_window(y: int, q: int):
    first = 3 * (q - 1) + 1
    return dt.date(y, first, 1), _month_end(y, first + 2)


def _decade_window(y: int):
    y0 = y - y % 10
    return dt.date(y0, 1, 1), dt.date(y0 + 9, 12, 31)


def _week_window(d: dt.date):
    start = d - dt.timedelta(days=d.weekday())
    return start, start + dt.timedelta(days=6)


def _season_window(y: int, season: str):
    a, b = _rules()["seasons"][season.lower()]
    if a <= b:
        return dt.date(y, a, 1), _month_end(y, b)
    return dt.date(y, a, 1), _month_end(y + 1, b)


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _add_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(days=7 * n)
    if unit == "month":
        return _add_months(d, n)
    if unit == "quarter":
        return _add_months(d, 3 * n)
    if unit == "year":
        return _add_years(d, n)
    if unit == "decade":
        return _add_years(d, 10 * n)
    raise ValueError(unit)


def _unit_window(d: dt.date, unit: str):
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return d, d
    if unit == "week":
        return _week_window(d)
    if unit == "month":
        return _month_window(d.year, d.month)
    if unit == "quarter":
        return _quarter_window(d.year, (d.month - 1) // 3 + 1)
    if unit == "year":
        return _year_window(d.year)
    if unit == "decade":
        return _decade_window(d.year)
    raise ValueError(unit)


def _part_window(window, part: str | None, granularity: str):
    """early/mid/late third of a window (see date_rules.yaml period_parts)."""
    if not part:
        return window
    part = re.sub(r"\s+", " ", part.lower().strip())
    part = re.sub(r"^(?:the |at the |by the )", "", part)
    part = re.sub(r" in$", "", part)
    key = _rules()["period_parts"].get(part, part)
    start, end = window
    if granularity == "year" and start.month == 1 and end.month == 12 and start.year == end.year:
        y = start.year
        return {"early": (dt.date(y, 1, 1), dt.date(y, 4, 30)),
                "mid": (dt.date(y, 5, 1), dt.date(y, 8, 31)),
                "late": (dt.date(y, 9, 1), dt.date(y, 12, 31))}.get(key, window)
    if granularity == "month" and start.day == 1:
        y, m = start.year, start.month
        return {"early": (dt.date(y, m, 1), dt.date(y, m, 10)),
                "mid": (dt.date(y, m, 11), dt.date(y, m, 20)),
                "late": (dt.date(y, m, 21), _month_end(y, m))}.get(key, window)
    if granularity == "decade":
        y0 = start.year
        return {"early": (dt.date(y0, 1, 1), dt.date(y0 + 3, 12, 31)),
                "mid": (dt.date(y0 + 4, 1, 1), dt.date(y0 + 6, 12, 31)),
                "late": (dt.date(y0 + 7, 1, 1), dt.date(y0 + 9, 12, 31))}.get(key, window)
    total = (end - start).days + 1
    third = max(total // 3, 1)
    if key == "early":
        return start, start + dt.timedelta(days=third - 1)
    if key == "mid":
        return start + dt.timedelta(days=third), end - dt.timedelta(days=third)
    if key == "late":
        return end - dt.timedelta(days=third - 1), end
    return window


def _pick(window_fn, pub: dt.date | None, tense: str | None | bool, grace_days: int = 0):
    """The occurrence of a year-less window (see the module rules).

    past / None: the latest one starting on/before publication (+ grace days);
    future: the first one not yet over at publication; present: the occurrence nearest to
    publication (ties go to the past)."""
    if pub is None:
        return None
    if tense is True:
        tense = "future"
    if tense == "future":
        for y in (pub.year, pub.year + 1):
            s, e = window_fn(y)
            if e >= pub:
                return s, e
        return window_fn(pub.year + 1)
    if tense == "present":
        def distance(w):
            s, e = w
            return 0 if s <= pub <= e else min(abs((s - pub).days), abs((e - pub).days))
        cands = [window_fn(y) for y in (pub.year - 1, pub.year, pub.year + 1)]
        return min(cands, key=lambda w: (distance(w), w[0] > pub))
    for y in (pub.year, pub.year - 1):
        s, e = window_fn(y)
        if s <= pub + dt.timedelta(days=grace_days):
            return s, e
    return window_fn(pub.year - 1)


def _two_digit_year(yy: int, pub: dt.date | None) -> int:
    if pub is not None:
        cands = [c * 100 + yy for c in (pub.year // 100 - 1, pub.year // 100, pub.year // 100 + 1)]
        return min(cands, key=lambda y: (abs(y - pub.year), y))
    return 1900 + yy if yy >= 30 else 2000 + yy


def _month_no(name: str) -> int:
    r = _rules()
    name = name.rstrip(".")
    return r["months"].get(name) or r["month_abbreviations"][name]


# ----------------------------------------------------------------------------- patterns

_NUMS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
         "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
# a small count in words or digits: "two years ago", "a year later", "the past 40 years"
_COUNT = alternation(_NUMS) + r"|\d{1,3}"


def _count_of(word: str) -> int:
    word = word.lower()
    return _NUMS[word] if word in _NUMS else int(word)


_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
        "final": 4, "last": 4, "latter": 2}


@functools.lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    r = _rules()
    mon = alternation(list(r["months"]) + list(r["month_abbreviations"]))
    mon_full = alternation(list(r["months"]) + ["Sept.", "Dec.", "Nov.", "Oct.", "Aug.", "Jan.", "Feb."])
    wd = alternation(r["weekdays"])
    num = _COUNT
    year = r"(?:1[89]\d\d|20\d\d)"
    part = r"early|mid|late|the\s+(?:beginning|start|middle|end)\s+of|(?:early|late)\s+in"
    lic = alternation(r["month_licensors"]).replace(r"\ ", r"\s+")
    units_pl = "days|weeks|months|years|decades"
    not_amount = r"(?!\s*(?:pct|percent|per\s+cent|%|mln|million|billion|bln|dlrs|dollars)\b)"
    pats = [
        ("iso", rf"(?<![\d-])(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\d-])"),
        ("slash", rf"(?<![\d/])(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})/(?P<y>\d{{4}}|\d{{2}})(?![\d/])"),
        ("day",
         rf"(?:(?P<wd>{wd}),?\s+)?(?:(?i:the)\s+)?"
         rf"(?:(?P<mon>{mon})(?![A-Za-z])\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d])"
         rf"(?:\s*[-–]\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d]))?"
         rf"|(?<![\w.,])(?P<db>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*(?P<d2b>\d{{1,2}})(?:st|nd|rd|th)?)?"
         rf"\s+(?:of\s+)?(?P<monb>{mon})(?![A-Za-z])\.?)"
         rf"(?:,?\s+(?P<y>{year})(?![\d]))?{not_amount}"),
        ("month_year",
         rf"(?:(?P<part>(?i:{part}))[\s-]+)?(?P<mon>{mon})(?![A-Za-z])\.?,?\s+(?:of\s+)?"
         rf"(?P<y>{year})(?![\d])"),
        ("quarter_q",
         rf"(?<![\w])(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:[\s/-]*(?:(?P<y>{year})|['’]?(?P<yy>\d{{2}})))?"
         rf"(?![\w])"),
        ("quarter",
         rf"(?i:(?:the\s+)?(?:(?P<y1>{year})\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
         rf"[\s-]+(?:fiscal\s+|calendar\s+)?quarter)"
         rf"(?i:\s*(?:of\s+|,\s*)?(?:(?:fiscal\s+|calendar\s+)?(?P<y>{year})(?![\d])"
         rf"|(?P<rel>this|last|next|the\s+current|the\s+previous)\s+year"
         rf"|(?P<theyear>the\s+(?:fiscal\s+|calendar\s+|current\s+)?year)))?"),
        ("half",
         rf"(?i:(?:the\s+)?(?P<h>first|second|1st|2nd|latter)\s+half\s+of\s+"
         rf"(?:(?:fiscal\s+|calendar\s+)?(?P<y>{year})(?![\d])|(?P<rel>this|last|next)\s+year"
         rf"|(?P<theyear>the\s+(?:current\s+)?year)))"
         rf"|(?<![\w])H(?P<h2>[12])\s*(?P<y2>{year})(?![\d])"),
        ("season_year",
         rf"(?i:(?:(?P<part>early|mid|late)[\s-]+)?(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)"
         rf"(?:\s+of)?)\s+(?P<y>{year})(?![\d])"),
        ("of_rel_year",
         rf"(?:(?<![\w])(?P<part>(?i:early|mid|late))[\s-]+)?(?:(?i:the)\s+)?"
         rf"(?:(?P<s>(?i:spring|summer|autumn|fall|winter))|(?<![\w])(?P<mon>{mon_full}))"
         rf"(?:\s+of)?\s+(?P<rel>(?i:this|last|next))\s+(?i:year)\b"),
        ("season_rel",
         r"(?i:\b(?:(?P<part>early|late)\s+)?(?P<rel>this\s+past|this|last|next)\s+"
         r"(?P<s>spring|summer|autumn|fall|winter))\b"),
        ("season_bare",
         r"(?i:\b(?:in|during|by|until|over|through|throughout)\s+(?:the\s+)?"
         r"(?:(?P<part>early|late)\s+)?(?P<s>spring|summer|autumn|winter))\b"),
        ("decade",
         rf"(?:(?<![\w])(?P<part>(?i:early|mid|late))[\s-]+(?:(?i:the)\s+)?|(?<![\w.,'’$]))"
         rf"(?P<y>1[89]\d0|20\d0)['’]?s(?![\w])"),
        ("decade_short",
         r"(?i:\bthe\s+(?:(?P<part>early|mid|late)[\s-]+)?)['’](?P<yy>\d0)s\b"),
        ("part_year",
         rf"(?<![\w])(?P<part>(?i:{part}))[\s-]+(?:(?i:fiscal|calendar)\s+)?(?P<y>{year})(?![\d])"),
        ("fiscal",
         r"(?<![\w])(?:(?i:fiscal(?:\s+year)?|calendar(?:\s+year)?)\s+|FY\s?['’]?)"
         r"(?P<y>\d{4}|\d{2})(?:\s*[/-]\s*(?P<y2>\d{4}|\d{2}))?(?![\d])"),
        ("year_range",
         rf"(?<![\w.,$€£#/-])(?P<y1>{year})\s*[-–/]\s*(?P<y2>\d{{4}}|\d{{2}})(?![\d\w%])"),
        ("rel_word",
         r"(?i:\b(?P<w>the\s+day\s+before\s+yesterday|yesterday|today|tomorrow|tonight|last\s+night"
         r"|this\s+(?:morning|afternoon|evening)|(?:earlier|later)\s+today))\b"),
        ("ago",
         rf"(?i:\b(?P<n>{num})\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago)\b"),
        ("rolling",
         rf"(?i:\bthe\s+(?P<dir>past|last|next|coming)\s+(?P<n>{num})\s+(?P<unit>{units_pl}))\b"),
        ("open",
         rf"(?i:\b(?:the\s+)?(?P<dir>coming|upcoming|next\s+few|recent|past\s+few|last\s+few)\s+"
         rf"(?P<unit>days|weeks|months|years))\b"),
        ("weekend",
         r"(?i:\b(?P<rel>this\s+past|this|last|next|the)\s+weekend)\b"),
        ("rel_unit",
         r"(?i:\b(?:(?P<part>early|earlier|late|later|mid|the\s+(?:beginning|start|middle|end)\s+of)"
         r"[\s-]+)?(?P<rel>this\s+past|this|last|next|the\s+past|the\s+current|the\s+coming"
         r"|the\s+last|the\s+next)\s+(?P<unit>week|month|year|decade|quarter))\b"),
        ("weekday",
         rf"(?:(?P<rel>(?i:this\s+past|last|next|this))\s+)?(?P<wd>{wd})(?![\w])(?:['’]s)?"
         rf"(?:\s+(?P<tod>(?i:morning|afternoon|evening|night)))?"),
        ("bare_month",
         rf"(?:(?<![\w])(?P<lic>(?i:{lic}))[\s-]+)?(?:(?P<part>(?i:early|late|mid))[\s-]+)?"
         rf"(?<![\w])(?P<mon>{mon_full})(?![\w])"),
        ("year",
         rf"(?<![\w.,$€£#/'’])(?P<y>{year})(?![\w%]|[.,]\d|['’]s\b|\s*(?:%|pct|percent|per\s+cent|mln"
         rf"|million|billion|bln|bn|dlrs|dollars|euros|tons|tonnes|km|miles)\b)"),
    ]
    # Every match starts at a word boundary; saying so lets the engine skip mid-word positions
    # (the patterns start with optional alternations, tried at every position otherwise).
    return [(name, re.compile(rf"\b(?:{rx})")) for name, rx in pats]


@functools.lru_cache(maxsize=1)
def _pattern_gates() -> dict[str, tuple[str, ...]]:
    """Per pattern, lowercase words of which every match contains at least one.

    A text that contains none of them cannot match, so the pattern is not run on it: most articles
    have no "quarter", season or "ago", and the regex scan is the date extractor's main cost.
    ``tests/test_dates.py`` checks on every test sentence that each match contains its gate.
    """
    r = _rules()
    months = tuple({m[:3].lower() for m in list(r["months"]) + list(r["month_abbreviations"])})
    weekdays = tuple({w[:3].lower() for w in r["weekdays"]})
    seasons = ("spring", "summer", "autumn", "fall", "winter")
    return {
        "slash": ("/",), "iso": ("-",),
        "day": months, "month_year": months, "bare_month": months, "weekday": weekdays,
        "quarter_q": ("q",), "quarter": ("quarter",), "half": ("half", "h1", "h2"),
        "season_year": seasons, "season_rel": seasons, "season_bare": seasons,
        "of_rel_year": ("year",), "decade": ("0s", "0's", "0’s"), "decade_short": ("0s",),
        "fiscal": ("fiscal", "calendar", "fy"), "ago": ("ago",), "weekend": ("weekend",),
        "rel_word": ("yesterday", "today", "tomorrow", "tonight", "night", "morning", "afternoon",
                     "evening"),
        "rolling": ("past", "last", "next", "coming"), "open": ("coming", "recent", "few"),
        "rel_unit": ("week", "month", "year", "decade", "quarter"),
    }


# ----------------------------------------------------------------------------- context helpers

def _span(doc, start: int, end: int):
    return doc.char_span(start, end, alignment_mode="expand")


def _tense(doc, start: int, end: int) -> str | None:
    """'future' when the clause of the date carries a future cue ("will deliver in May",
    "expected ... by June", "due in March", "next"), 'past' when its verb is in the past tense
    ("said on December 30", "delivered in May", "has bought ... in May"), 'present' for a
    present-tense or -ing verb ("the fiscal year ending March 31"), else None."""
    r = _rules()
    span = _span(doc, start, end)
    if span is None or not len(span):
        return None
    for k in range(span.start - 1, max(span.start - 4, -1), -1):
        if doc[k].lower_ in r["future_words"]:
            return "future"
        if doc[k].is_sent_start:
            break
    aux, verbs = set(r["future_aux"]), set(r["future_verbs"])
    t = span.root
    through_noun = False    # the date dates a noun on the way ("follows the approval of the sale in January")
    for _ in range(10):
        if t.lower_ in r["future_words"] or t.lemma_.lower() in verbs:
            return "future"
        if t.pos_ in ("NOUN",) and t.i != span.root.i:
            through_noun = True
        if t.pos_ in ("VERB", "AUX"):
            children = list(t.children)
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in aux for c in children):
                return "future"
            if t.tag_ in ("VBD", "VBN") or any(
                    c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in children):
                return "past"
            if t.dep_ not in ("xcomp", "conj", "advcl", "prep", "pcomp"):
                # a present verb over an event noun says nothing of the event's own time: the default reading
                return "present" if t.tag_ in ("VBZ", "VBP", "VBG") and not through_noun else None
        if t.head is t:
            return None
        t = t.head
    return None


def _future(doc, start: int, end: int) -> bool:
    return _tense(doc, start, end) == "future"


def _is_count(doc, start: int, end: int) -> bool:
    from pipeline.extract.figures import _counts_following_noun

    return _counts_following_noun(doc, start, end)


# ----------------------------------------------------------------------------- resolvers
# Each returns (start_char, end_char, date_start, date_end, granularity, date_type) or None.

def _resolve(name: str, m, doc, text: str, pub: dt.date | None):  # noqa: C901 - one branch per pattern
    g = m.groupdict()
    s, e = m.start(), m.end()
    rel = "relative"

    def fut() -> bool:
        return _future(doc, s, e)

    def tense():
        return _tense(doc, s, e)

    if name == "iso":
        try:
            d = dt.date(int(g["y"]), int(g["m"]), int(g["d"]))
        except ValueError:
            return None
        return s, e, d, d, "day", "absolute"

    if name == "slash":
        y = int(g["y"])
        y = _two_digit_year(y, pub) if len(g["y"]) == 2 else y
        mo, da = int(g["m"]), int(g["d"])
        if mo > 12 and da <= 12:
            mo, da = da, mo  # unambiguous day/month order
        try:
            d = dt.date(y, mo, da)
        except ValueError:
            return None
        return s, e, d, d, "day", "absolute"

    if name == "day":
        mon = g["mon"] or g["monb"]
        d1 = int(g["d"] or g["db"])
        d2 = g["d2"] or g["d2b"]
        d2 = int(d2) if d2 else None
        month = _month_no(mon)
        if not 1 <= d1 <= 31 or (d2 is not None and not d1 < d2 <= 31):
            return None
        if g["y"]:
            try:
                return s, e, dt.date(int(g["y"]), month, d1), dt.date(int(g["y"]), month, d2 or d1), \
                    "day", "absolute"
            except ValueError:
                return None

        def window(y):
            last = calendar.monthrange(y, month)[1]
            return dt.date(y, month, min(d1, last)), dt.date(y, month, min(d2 or d1, last))
        if d1 > calendar.monthrange(2000, month)[1]:
            return None
        w = _pick(window, pub, tense(), grace_days=7)
        return (s, e, *(w or (None, None)), "day", rel)

    if name == "month_year":
        y, month = int(g["y"]), _month_no(g["mon"])
        w = _part_window(_month_window(y, month), g["part"], "month")
        return s, e, w[0], w[1], "month", "absolute"

    if name == "quarter_q":
        q = int(g["q"] or g["q2"])
        if g["y"] or g["yy"]:
            y = int(g["y"]) if g["y"] else _two_digit_year(int(g["yy"]), pub)
            return s, e, *_quarter_window(y, q), "quarter", "absolute"
        w = _pick(lambda y: _quarter_window(y, q), pub, tense() or "past")
        return (s, e, *(w or (None, None)), "quarter", rel)

    if name == "quarter":
        q = _ORD[g["ord"].lower()]
        y = g["y"] or g["y1"]
        if y:
            return s, e, *_quarter_window(int(y), q), "quarter", "absolute"
        if g["ord"].lower() in ("last", "final") and not (g["rel"] or g["theyear"]):
            return None  # "last quarter" = the previous quarter: rel_unit handles it
        if g["rel"] or g["theyear"]:
            if pub is None:
                return s, e, None, None, "quarter", rel
            shift = {"last": -1, "next": 1, "the previous": -1}.get(
                re.sub(r"\s+", " ", (g["rel"] or "").lower()), 0)
            return s, e, *_quarter_window(pub.year + shift, q), "quarter", rel
        w = _pick(lambda yy: _quarter_window(yy, q), pub, tense() or "past")
        return (s, e, *(w or (None, None)), "quarter", rel)

    if name == "half":
        h = 1 if (g["h"] or g["h2"] or "").lower() in ("first", "1st", "1") else 2

        def half(y):
            return (dt.date(y, 1, 1), dt.date(y, 6, 30)) if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31))
        y = g["y"] or g["y2"]
        if y:
            return s, e, *half(int(y)), "year", "absolute"
        if pub is None:
            return s, e, None, None, "year", rel
        shift = {"last": -1, "next": 1}.get((g["rel"] or "").lower(), 0)
        return s, e, *half(pub.year + shift), "year", rel

    if name == "season_year":
        w = _part_window(_season_window(int(g["y"]), g["s"]), g["part"], "season")
        return s, e, w[0], w[1], "season", "absolute"

    if name == "of_rel_year":
        shift = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
        gran = "season" if g["s"] else "month"
        if pub is None:
            return s, e, None, None, gran, rel
        y = pub.year + shift
        w = _season_window(y, g["s"]) if g["s"] else _month_window(y, _month_no(g["mon"]))
        w = _part_window(w, g["part"], gran)
        return s, e, w[0], w[1], gran, rel

    if name in ("season_rel", "season_bare"):
        season = g["s"].lower()
        if name == "season_bare":
            s = m.start("part") if g["part"] else m.start("s")
            before = text[max(0, s - 4):s]
            if re.search(r"the\s+$", before, re.IGNORECASE):
                s -= len(before) - before.lower().rfind("the")
        if pub is None:
            return s, e, None, None, "season", rel
        relw = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
        if relw in ("last", "this past"):
            w = None
            for y in (pub.year, pub.year - 1, pub.year - 2):
                cand = _season_window(y, season)
                if cand[1] < pub:
                    w = cand
                    break
        elif relw == "next":
            w = None
            for y in (pub.year - 1, pub.year, pub.year + 1):
                cand = _season_window(y, season)
                if cand[0] > pub:
                    w = cand
                    break
        elif relw == "this":
            # the occurrence containing publication, else the one in the publication year
            w = next((c for c in (_season_window(y, season) for y in (pub.year - 1, pub.year))
                      if c[0] <= pub <= c[1]), _season_window(pub.year, season))
        else:
            w = _pick(lambda y: _season_window(y, season), pub, tense())
        w = _part_window(w, g["part"], "season")
        return s, e, w[0], w[1], "season", rel

    if name in ("decade", "decade_short"):
        if name == "decade":
            y = int(g["y"])
        else:
            yy = int(g["yy"])
            y = 1900 + yy
            if pub is not None and 2000 + yy <= pub.year:
                y = 2000 + yy
        w = _part_window(_decade_window(y), g["part"], "decade")
        return s, e, w[0], w[1], "decade", "absolute"

    if name == "part_year":
        w = _part_window(_year_window(int(g["y"])), g["part"], "year")
        return s, e, w[0], w[1], "year", "absolute"

    if name == "fiscal":
        y = int(g["y"]) if len(g["y"]) == 4 else _two_digit_year(int(g["y"]), pub)
        if not 1800 <= y <= 2100:
            return None
        if g["y2"]:
            y2 = int(g["y2"]) if len(g["y2"]) == 4 else (y // 100) * 100 + int(g["y2"])
            if y2 < y:
                y2 += 100
            if y2 - y > 2:
                return None
            return s, e, dt.date(y, 1, 1), dt.date(y2, 12, 31), "year", "absolute"
        return s, e, *_year_window(y), "year", "absolute"

    if name == "year_range":
        y1 = int(g["y1"])
        y2 = int(g["y2"]) if len(g["y2"]) == 4 else (y1 // 100) * 100 + int(g["y2"])
        if len(g["y2"]) == 2 and y2 < y1:
            y2 += 100
        if not (y1 < y2 <= 2100 and y2 - y1 <= 50):
            return None
        return s, e, dt.date(y1, 1, 1), dt.date(y2, 12, 31), "year", "absolute"

    if name == "rel_word":
        if pub is None:
            return s, e, None, None, "day", rel
        w = re.sub(r"\s+", " ", g["w"].lower())
        offset = {"yesterday": -1, "tomorrow": 1, "last night": -1, "the day before yesterday": -2}.get(w, 0)
        d = pub + dt.timedelta(days=offset)
        return s, e, d, d, "day", rel

    if name in ("ago", "rolling"):       # "two years ago" / "the past 40 years", "the next six months"
        n = _count_of(g["n"])
        unit = g["unit"].lower().rstrip("s")
        gran = "year" if unit == "decade" else unit
        if pub is None:
            return s, e, None, None, gran, rel
        if name == "ago":
            return s, e, *_unit_window(_shift(pub, unit, -n), gran), gran, rel
        if g["dir"].lower() in ("past", "last"):
            return s, e, _shift(pub, unit, -n) + _DAY, pub, gran, rel
        return s, e, pub + _DAY, _shift(pub, unit, n), gran, rel

    if name == "open":
        unit = g["unit"].lower()
        gran = unit.rstrip("s")
        if pub is None:
            return s, e, None, None, gran, rel
        win = _rules()["open_windows"][unit]
        past = g["dir"].lower().split()[0] in ("recent", "past", "last")
        if "days" in win:
            delta = dt.timedelta(days=win["days"])
            far = pub - delta if past else pub + delta
        elif "months" in win:
            far = _add_months(pub, -win["months"] if past else win["months"])
        else:
            far = _add_years(pub, -win["years"] if past else win["years"])
        return (s, e, far, pub, gran, rel) if past else (s, e, pub + _DAY, far, gran, rel)

    if name == "weekend":
        if pub is None:
            return s, e, None, None, "day", rel
        relw = re.sub(r"\s+", " ", g["rel"].lower())
        sat_this = _week_window(pub)[0] + dt.timedelta(days=5)
        if relw == "this":
            sat = sat_this
        elif relw == "next":
            sat = sat_this + dt.timedelta(days=7)
        elif relw in ("last", "this past"):
            sat = sat_this - dt.timedelta(days=7) if pub.weekday() < 5 or relw == "last" else sat_this
            if relw == "this past" and pub.weekday() < 5:
                sat = sat_this - dt.timedelta(days=7)
        else:  # "the weekend": the most recent one (this one when published on it)
            sat = sat_this if pub >= sat_this else sat_this - dt.timedelta(days=7)
        return s, e, sat, sat + _DAY, "day", rel

    if name == "rel_unit":
        unit = g["unit"].lower()
        relw = re.sub(r"\s+", " ", g["rel"].lower())
        part = (g["part"] or "").lower()
        if pub is None:
            return s, e, None, None, unit, rel
        if relw in ("the past", "the last"):
            return s, e, _shift(pub, unit, -1) + _DAY, pub, unit, rel
        if relw in ("the coming", "the next"):
            return s, e, pub + _DAY, _shift(pub, unit, 1), unit, rel
        shift = {"last": -1, "this past": -1, "next": 1}.get(relw, 0)
        w = _unit_window(_shift(pub, unit, shift), unit)
        if part == "earlier" and shift == 0:
            w = (w[0], pub)
        elif part == "later" and shift == 0:
            w = (pub, w[1])
        elif part:
            w = _part_window(w, {"earlier": "early", "later": "late"}.get(part, part), unit)
        return s, e, w[0], w[1], unit, rel

    if name == "weekday":
        tok = _span(doc, m.start("wd"), m.end("wd"))
        if tok is not None and len(tok) and tok[0].ent_type_ not in ("", "DATE", "TIME"):
            return None  # "Sunday Times", "Black Friday Inc."
        if pub is None:
            return s, e, None, None, "day", rel
        target = _rules()["weekdays"][g["wd"]]
        relw = re.sub(r"\s+", " ", (g["rel"] or "").lower())
        back = (pub.weekday() - target) % 7
        fwd = (target - pub.weekday()) % 7
        if relw in ("last", "this past"):
            d = pub - dt.timedelta(days=back or 7)
        elif relw == "next":
            d = pub + dt.timedelta(days=fwd or 7)
        elif fut():
            d = pub + dt.timedelta(days=fwd)
        else:
            d = pub - dt.timedelta(days=back)
        return s, e, d, d, "day", rel

    if name == "bare_month":
        lic = re.sub(r"^the ", "", re.sub(r"\s+", " ", (g["lic"] or "").lower()))
        month = _month_no(g["mon"])
        if not lic and not g["part"]:
            # an unlicensed month name counts only when spaCy reads it as a date
            # ("November durable goods orders", "December's increase"; not "Theresa May")
            tok = _span(doc, m.start("mon"), m.end("mon"))
            if tok is None or not len(tok) or tok[0].ent_type_ != "DATE":
                return None
            if re.match(r"\s+[A-Z][a-z]", text[e:e + 3]):
                return None  # "May Day", "March Madness": part of a name
        if lic in ("and", "or", "to"):
            before = text[max(0, s - 25):s]
            if not re.search(r"(?:January|February|March|April|May|June|July|August|September"
                             r"|October|November|December)(?:\s+\d{4})?\s*,?\s*$", before):
                return None
        keep_lic = lic in ("last", "next", "this", "early", "late", "mid", "earlier", "later",
                           "since", "end of", "beginning of", "start of", "middle of",
                           "early in", "late in")
        if not keep_lic:
            s = m.start("part") if g["part"] else m.start("mon")
        part = g["part"] or (lic if lic in ("early", "late", "mid", "end of", "beginning of",
                                            "start of", "middle of", "early in", "late in") else None)
        if pub is None:
            return s, e, None, None, "month", rel
        if lic == "last":
            y = pub.year if month < pub.month else pub.year - 1
            w = _month_window(y, month)
        elif lic == "next":
            y = pub.year if month > pub.month else pub.year + 1
            w = _month_window(y, month)
        elif lic == "this":
            w = _month_window(pub.year, month)
        else:
            w = _pick(lambda y: _month_window(y, month), pub, tense())
        w = _part_window(w, part, "month")
        if lic == "since":
            w = (w[0], pub if pub >= w[0] else None)
        return s, e, w[0], w[1], "month", rel

    if name == "year":
        y = int(g["y"])
        before = text[max(0, s - 2):s]
        if re.fullmatch(r"\d-|\d–", before):
            return None
        if _is_count(doc, s, e):
            return None
        return s, e, *_year_window(y), "year", "absolute"
    return None


# ----------------------------------------------------------------------------- anchored relatives

@functools.lru_cache(maxsize=1)
def _anchored_rx():
    return re.compile(
        rf"(?i:\b(?P<n>{_COUNT})\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+(?P<dir>earlier|later|prior(?!\s+to\b)|"
        rf"afterwards?)\b|\bthe\s+(?P<dir2>previous|preceding|following|subsequent)\s+"
        rf"(?P<unit2>day|week|month|year|decade)\b)")


def _anchored(text: str, found: list, occupied: bytearray) -> list:
    """"a year earlier", "two years later", "the previous year": counted from the last date the text gave
    before them, not from the publication date ("In 2021 China transferred a submarine. Just one year
    prior, India gifted one" -> 2020). Without an earlier date the mention keeps its text, dates NULL."""
    if not any(w in text.lower() for w in ("earlier", "later", "prior", "afterward", "previous", "preceding",
                                           "following", "subsequent")):
        return []
    anchors = sorted((f for f in found if f[2] is not None), key=lambda f: f[0])
    out = []
    for m in _anchored_rx().finditer(text):
        s, e = m.start(), m.end()
        if any(occupied[s:e]):
            continue
        if m.group("unit2"):
            unit, n = m.group("unit2").lower(), 1
            back = m.group("dir2").lower() in ("previous", "preceding")
        else:
            unit = m.group("unit").lower().rstrip("s")
            n = _count_of(m.group("n"))
            back = m.group("dir").lower() in ("earlier", "prior")
        before = [f for f in anchors if f[1] <= s]
        if not before:
            out.append((s, e, None, None, unit, "relative"))
        else:
            base = before[-1][2]
            w = _unit_window(_shift(base, unit, -n if back else n), unit)
            out.append((s, e, w[0], w[1], unit, "relative"))
        occupied[s:e] = b"\x01" * (e - s)
    return out


# ----------------------------------------------------------------------------- dateparser fallback

@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, pub: dt.date | None):
    """dateparser on one candidate span (cached). -> (date, period) or None."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False,
                "STRICT_PARSING": False}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except Exception:  # dateparser raises on odd input; a candidate we cannot read is dropped
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period


@functools.lru_cache(maxsize=1)
def _fallback_rx():
    r = _rules()
    names = alternation(list(r["months"]) + list(r["month_abbreviations"]) + list(r["weekdays"]))
    dur = alternation(r["duration_units"])
    return (re.compile(rf"(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)"),
            re.compile(rf"(?i)^(?:the\s+|a\s+|an\s+)?(?:(?:past|last|next|first|coming|previous|"
                       rf"following|final|same|few|several|many|some|\d+|[a-z]+)[\s-]+)*"
                       rf"(?:{dur})(?:[\s-]+(?:old|long|period))?$"),
            re.compile(r"\b(?:1[89]\d\d|20\d\d)\b"))


def _fallback(doc, pub, taken) -> list:
    has_anchor, duration, has_year = _fallback_rx()
    out = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        s, e = ent.start_char, ent.end_char
        if any(not (e <= a or s >= b) for a, b in taken):
            continue
        text = re.sub(r"['’]s$", "", ent.text).strip()
        if not has_anchor.search(text) or duration.match(text) or "ago" in text.lower():
            continue
        absolute = bool(has_year.search(text))
        if not absolute:
            continue  # year-less leftovers ("a June election"): our own rules or nothing
        got = _dateparser(text, pub)
        if got is None:
            continue
        d, period = got
        if not 1800 <= d.year <= 2100:
            continue
        gran = period if period in ("day", "week", "month", "year") else "unknown"
        if gran in ("week", "month", "year"):
            w = _unit_window(d, gran)
        else:
            w = (d, d)
        out.append((s, e, w[0], w[1], gran, "absolute" if absolute else "relative"))
    return out


# ----------------------------------------------------------------------------- driver

def _merge_ranges(text: str, found: list, pub) -> list:
    """"since A" -> A..publication; "between A and B" / "from A to B" -> one mention."""
    found.sort(key=lambda t: t[0])
    out: list = []
    i = 0
    while i < len(found):
        cur = found[i]
        s = cur[0]
        before = text[max(0, s - 12):s]
        if i + 1 < len(found):
            nxt = found[i + 1]
            between = text[cur[1]:nxt[0]]
            opener = re.search(r"(?i)\b(between|from)\s+$", before)
            if opener and cur[2] is not None and nxt[3] is not None and re.fullmatch(
                    r"(?i)\s*(?:and|to|until|till|through|[-–])\s*", between) and cur[2] <= nxt[3] \
                    and (opener.group(1).lower() == "between") == bool(re.search(r"(?i)and", between)):
                gran = cur[4] if cur[4] == nxt[4] else max(
                    (cur[4], nxt[4]), key=["day", "week", "month", "quarter", "season", "year",
                                           "decade", "unknown"].index)
                typ = "relative" if "relative" in (cur[5], nxt[5]) else "absolute"
                start = s - (len(before) - opener.start())
                out.append((start, nxt[1], cur[2], nxt[3], gran, typ))
                i += 2
                continue
        since = re.search(r"(?i)\bsince\s+(?:the\s+)?$", before)
        if since and cur[2] is not None and not text[s:cur[1]].lower().startswith("since"):
            start = s - (len(before) - since.start())
            end_date = pub if pub is not None and pub >= cur[2] else None
            out.append((start, cur[1], cur[2], end_date, cur[4], "relative"))
        else:
            out.append(cur)
        i += 1
    return out


def extract_dates(doc, published: dt.date | None) -> list[DateMention]:
    """Date mentions in ``doc.text`` resolved against ``published``; sorted, non-overlapping."""
    text = doc_text(doc)
    if not text:
        return []
    pub = published.date() if isinstance(published, dt.datetime) else published
    from pipeline.extract.figures import non_quantity_spans

    # "Mirage 2000", "Resolution 1973", "2000 EST" are not years; "Q3", "FY2024", "H1" stay dates
    blocked = [(a, b) for a, b in non_quantity_spans(text)
               if not re.fullmatch(r"FY\s?\d{2,4}|Q[1-4]|H[12]|[1-4]Q\d{0,4}", text[a:b])]
    occupied = bytearray(len(text))
    for a, b in blocked:
        occupied[a:b] = b"\x01" * (b - a)
    found: list = []
    low, gates = text.lower(), _pattern_gates()
    for name, rx in _patterns():
        gate = gates.get(name)
        if gate is not None and not any(word in low for word in gate):
            continue
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if e <= s or any(occupied[s:e]):
                continue
            res = _resolve(name, m, doc, text, pub)
            if res is None:
                continue
            found.append(res)
            occupied[s:e] = b"\x01" * (e - s)
    found.extend(_anchored(text, found, occupied))
    taken = [(f[0], f[1]) for f in found]
    found.extend(_fallback(doc, pub, taken + blocked))
    found = _merge_ranges(text, found, pub)

    out: list[DateMention] = []
    for s, e, ds, de, gran, typ in sorted(found, key=lambda t: (t[0], -t[1])):
        if out and s < out[-1].char_end:
            continue
        out.append(DateMention(s, e, text[s:e], ds, de, gran, typ))
    return out
