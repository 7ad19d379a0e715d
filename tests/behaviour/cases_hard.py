"""Harder, newswire-shaped behavioural cases: the phenomena of ``cases.py`` (suffix ``_hard``) in the
sentence shapes of real agency copy (pure data, no pipeline imports).

Where ``cases.py`` has one short clause per case, these add what wire stories carry around the
transfer: datelines ("SEOUL, April 30 (Reuters) - "), leading adverbials and reporting frames
("In a statement on Monday, ...", "..., the defence ministry said"), appositions and relative clauses
on the parties ("Poland, one of the region's biggest defence spenders, ..."), companies with their
home state ("Germany's Rheinmetall", "U.S. firm Lockheed Martin"), "up to"/"about"/"more than"
quantities, deal values that are not counts ("in a deal worth about $1.2 billion"), passives with
long agents, several weapons each with its own count, lists of four or five recipients with
"as well as", mixed tense and modality ("is expected to receive", "has yet to deliver"), and third
states that are not parties (critics, rivals, venues, datelines). The hard negatives put arms words
and arms-trade parties into sentences that report no transfer.

Same conventions as ``cases.py`` (slots, rotation, exact tuple sets). Additions:

  * ``XCase`` extends ``Case`` with ``dates`` ({tuple: "YYYY-MM-DD" or None}: the expected
    ``date_start`` of that tuple's rows) and ``optional`` (tuples a careful reader may or may not
    count, as the gold's ``optional: true``: speculation, bans, possession; producing them is
    neither required nor an error). ``cases_context.py`` uses the same class.
  * extra slots (``hard_slots``):
      {S3}            a third supplying state
      {R4} {R5}       fourth and fifth recipients;  {T2} a second non-party state
      {CS} {C2S}      a company with its home state ("Germany's Rheinmetall", "U.S. firm Lockheed Martin")
      {CP}            the company's possessive ("Rheinmetall's", "BAE Systems'");  {CSN} its home state's name
      {DS}            the domestic company {D} with its home state
      {APR} {APS}     an apposition / relative clause for a recipient / supplier (no state in it)
      {DLS} {DLR} {DLT} {DLN}   a dateline with the capital of S / R / T / a neutral city
      {V}             a deal value phrase (never a count)
      {W4} {W5}       two more weapons of S's package, of categories other than W, W2, W3
      {AM}            artillery shells (ammunition);  {UW} "weapons" (unspecified)
      {Q} {Q2} {Q3}   counts that fit W, W2, W3 ({QX} X, {QC} CW, {QG} G, {QD} DW, {QF} F; {N} a plain
                      number for non-weapon things); all different, words below ten ("four")
      {AP}            the airline's possessive
  Quantities: a ``quantities`` value of None means the text gives no count for that tuple, so a
  row that carries one (a deal value, a fleet size, another weapon's count) fails the case.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from .cases import (ADJ, COMPANIES, GENERIC, NAME, RECIPIENTS, SUPPLIERS, THIRD, Case, State, Tpl, Weapon, _cap,
                    _slots, _take_states, w)


# ============================================================================ case / template extensions
@dataclass(frozen=True)
class XCase(Case):
    dates: Mapping = field(default_factory=dict)        # tuple -> "YYYY-MM-DD" | None (expected date_start)
    optional: frozenset = frozenset()                   # tuples that may or may not be produced


@dataclass(frozen=True)
class XTpl(Tpl):
    optional: tuple = ()                                # slot-name tuples, as ``expect``
    dates: Mapping = field(default_factory=dict)        # slot-name tuple -> "YYYY-MM-DD" | None


@dataclass(frozen=True)
class Phr:
    """A ready-made phrase slot: ``{CS}`` mid-sentence, ``{CS.cap}`` at the start."""
    text: str

    def __str__(self) -> str:
        return self.text

    cap = property(lambda self: _cap(self.text))


# ============================================================================ extra fillers
QUANTITIES_HARD = (12, 24, 6, 36, 8, 48, 4, 16, 18, 30, 54, 72, 20, 96, 10, 14)
# plausible counts per category (a default pool for the rest)
COUNT_POOLS = {
    "ships": (2, 4, 3, 6, 5, 8), "submarines": (2, 3, 4, 6, 5), "air_defence": (4, 6, 8, 10, 12, 16, 3),
    "sensors": (4, 6, 8, 10, 12, 3), "missiles": (50, 120, 200, 300, 500, 80, 150, 24),
    "ammunition": (10000, 50000, 100000, 20000, 30000, 155000), "small_arms": (2000, 5000, 10000, 1500, 3000),
}
_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


class Count(int):
    """A count as wire copy writes it: words below ten ("four"), digits with thousands commas above."""

    def __str__(self) -> str:
        return _WORDS.get(int(self)) or f"{int(self):,}"

    def __format__(self, spec: str) -> str:
        return str(self)


def _fit_count(category: str, idx: int, taken: set) -> Count:
    pool = COUNT_POOLS.get(category, QUANTITIES_HARD)
    for j in range(len(pool)):
        v = pool[(idx + j) % len(pool)]
        if v not in taken:
            taken.add(v)
            return Count(v)
    raise ValueError("count pool exhausted")

# capitals as they open a dateline (upper case)
CITY = {
    "USA": "WASHINGTON", "FRA": "PARIS", "DEU": "BERLIN", "RUS": "MOSCOW", "KOR": "SEOUL", "TUR": "ANKARA",
    "SWE": "STOCKHOLM", "ISR": "JERUSALEM", "CHN": "BEIJING", "GBR": "LONDON", "ITA": "ROME", "POL": "WARSAW",
    "UKR": "KYIV", "IND": "NEW DELHI", "EGY": "CAIRO", "QAT": "DOHA", "IDN": "JAKARTA", "PHL": "MANILA",
    "GRC": "ATHENS", "MAR": "RABAT", "VNM": "HANOI", "SAU": "RIYADH", "ARE": "ABU DHABI", "ROU": "BUCHAREST",
    "TWN": "TAIPEI", "KWT": "KUWAIT CITY", "JOR": "AMMAN", "NGA": "ABUJA", "CHL": "SANTIAGO", "THA": "BANGKOK",
    "MYS": "KUALA LUMPUR", "KEN": "NAIROBI", "BGD": "DHAKA", "SRB": "BELGRADE", "DZA": "ALGIERS", "EST": "TALLINN",
    "COL": "BOGOTA", "PAK": "ISLAMABAD", "AUS": "CANBERRA", "JPN": "TOKYO", "IRN": "TEHRAN", "ARM": "YEREVAN",
    "AZE": "BAKU", "FIN": "HELSINKI", "CAN": "OTTAWA",
}
NEUTRAL_CITIES = ("BRUSSELS", "GENEVA", "SINGAPORE", "VIENNA")
_DATELINE_DAYS = ("April 30", "May 1", "April 29")
_AGENCIES = ("Reuters", "AFP")

# recipients a supplier would not arm in any plausible story: skipped when recipients are drawn
HOSTILE = {
    "RUS": {"UKR", "POL", "EST", "ROU", "TWN", "GRC", "AUS"},
    "CHN": {"TWN", "IND", "PHL", "VNM", "AUS", "POL", "EST", "ROU", "UKR", "GRC"},
    "TUR": {"GRC"}, "ISR": {"DZA", "PAK"}, "IND": {"PAK"},
}

APPOSITIONS_RECIPIENT = (
    "one of the region's biggest defence spenders",
    "which is modernising its armed forces",
    "a longtime buyer of foreign weapons",
    "whose defence budget has nearly doubled since 2020",
    "which has been trying to diversify its arms suppliers",
    "a key security partner in the region",
)
APPOSITIONS_SUPPLIER = (
    "a major arms exporter",
    "which has stepped up its defence exports in recent years",
    "one of the world's top arms suppliers",
    "which is seeking new markets for its defence industry",
    "a leading weapons maker",
)
DEAL_VALUES = (
    "in a deal worth about $1.2 billion",
    "under a contract valued at $650 million",
    "in a 2.3 billion euro ($2.5 billion) agreement",
    "as part of a $3 billion package",
    "for an undisclosed sum",
    "in a deal estimated at 900 million euros",
)

AMMO = w("artillery shells", "ammunition")
UNSPECIFIED = w("weapons", "unspecified")


def _poss_name(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def company_phrase(c, n: int) -> str:
    """The company with its home state, as wire copy introduces it."""
    adj, state = ADJ[c.iso3], NAME[c.iso3]
    if c.iso3 == "USA":
        forms = (f"U.S. firm {c.name}", f"U.S. defence contractor {c.name}", f"U.S.-based {c.name}")
    elif not c.domestic:
        forms = (f"{_poss_name(state)} state arms exporter {c.name}", f"{adj} state arms exporter {c.name}")
    else:
        forms = (f"{_poss_name(state)} {c.name}", f"{adj} firm {c.name}", f"{adj} defence group {c.name}")
    return forms[n % len(forms)]


def _dateline(city: str, n: int) -> str:
    return f"{city}, {_DATELINE_DAYS[n % 3]} ({_AGENCIES[n % 2]}) - "


def _more_weapons(sup, used_categories: set, start: int, k: int) -> list[Weapon]:
    """``k`` weapons of new categories: first S's own, then generic terms."""
    out, seen = [], set(used_categories)
    pool = [sup.weapons[(start + j) % len(sup.weapons)] for j in range(len(sup.weapons))]
    pool += [GENERIC[(start + j) % len(GENERIC)] for j in range(len(GENERIC))]
    for wp in pool:
        if wp.category not in seen and wp.category not in ("ammunition", "unspecified"):
            seen.add(wp.category)
            out.append(wp)
            if len(out) == k:
                return out
    raise ValueError("not enough weapon categories")


def hard_slots(k: int, n: int) -> dict:
    """``cases._slots`` plus the extra slots; recipients re-drawn to avoid implausible pairs."""
    s = dict(_slots(k, n))
    S, S2, C, C2, D = s["S"], s["S2"], s["C"], s["C2"], s["D"]
    sup = next(x for x in SUPPLIERS if x.iso3 == S.iso3)
    sup3 = next(SUPPLIERS[(n + 5 * k + 2 + j) % len(SUPPLIERS)] for j in range(len(SUPPLIERS))
                if SUPPLIERS[(n + 5 * k + 2 + j) % len(SUPPLIERS)].iso3 not in (S.iso3, S2.iso3))
    S3 = State(sup3.forms[(n + k + 2) % len(sup3.forms)], sup3.iso3)
    makers = {S.iso3, S2.iso3, S3.iso3, C.iso3, C2.iso3, D.iso3}
    avoid = set(makers)
    for m in makers:
        avoid |= HOSTILE.get(m, set())
    R, R2, R3, R4, R5 = _take_states(RECIPIENTS, 3 * n + 7 * k, avoid, 5, form_shift=n + k)
    avoid |= {r.iso3 for r in (R, R2, R3, R4, R5)}
    T, T2 = _take_states(THIRD, 2 * n + k, avoid, 2, form_shift=n)
    W4, W5 = _more_weapons(sup, {s["W"].category, s["W2"].category, s["W3"].category}, n + k, 2)
    q = QUANTITIES_HARD
    s.update(
        S3=S3, R=R, R2=R2, R3=R3, R4=R4, R5=R5, T=T, T2=T2, W4=W4, W5=W5, AM=AMMO, UW=UNSPECIFIED,
        CS=Phr(company_phrase(C, n + k)), C2S=Phr(company_phrase(C2, n + k + 1)), CP=Phr(_poss_name(C.name)),
        DS=Phr(company_phrase(D, n + k)),
        APR=APPOSITIONS_RECIPIENT[(n + k) % len(APPOSITIONS_RECIPIENT)],
        APS=APPOSITIONS_SUPPLIER[(n + 2 * k) % len(APPOSITIONS_SUPPLIER)],
        DLS=_dateline(CITY[S.iso3], n + k), DLR=_dateline(CITY[R.iso3], n + k), DLT=_dateline(CITY[T.iso3], n + k),
        DLN=_dateline(NEUTRAL_CITIES[(n + k) % len(NEUTRAL_CITIES)], n + k),
        V=DEAL_VALUES[(n + k) % len(DEAL_VALUES)],
        AP=Phr(_poss_name(s["A"].name)), N=Count(q[(n + 3 * k) % len(q)]),
        CSN=NAME[C.iso3],
    )
    # counts that fit each weapon ("three frigates", "50,000 artillery shells"), all different from each other
    taken: set = set()
    for slot, wslot, idx in (("Q", "W", 0), ("Q2", "W2", 5), ("Q3", "W3", 10), ("QX", "X", 7), ("QC", "CW", 3),
                             ("QG", "G", 2), ("QD", "DW", 4), ("QF", "F", 6)):
        s[slot] = _fit_count(s[wslot].category, n + 3 * k + idx, taken)
    return s


# ============================================================================ generation (shared with cases_context)
def _resolve(slots: dict, spec: tuple):
    sup, rec, wpn = spec
    return (None if sup is None else slots[sup].iso3, None if rec is None else slots[rec].iso3, slots[wpn].category)


def build_cases(templates: dict[str, list[XTpl]], n_per: int, k_offset: int, slot_fn=hard_slots,
                published=None) -> list[XCase]:
    """Every case of ``templates``: ``n_per`` per phenomenon, template ``n % len``, fillers rotated by ``n`` and
    by the phenomenon's index (plus ``k_offset``, so these sets do not reuse ``cases.py``'s fillings)."""
    out = []
    for k, (phenomenon, tpls) in enumerate(templates.items()):
        for n in range(max(n_per, len(tpls))):
            t = tpls[n % len(tpls)]
            slots = slot_fn(k + k_offset, n)
            text = t.text.format(**slots).replace("..", ".")        # "by the U.S.." -> "by the U.S."
            quantities = {}
            for spec, q in t.quantities.items():
                key = _resolve(slots, spec)
                if key in quantities:
                    raise ValueError(f"{phenomenon}-{n}: two quantity slots resolve to {key}")
                quantities[key] = (int(slots[q]) if isinstance(q, str) else q)
                if isinstance(q, str) and str(slots[q]) not in text:
                    raise ValueError(f"{phenomenon}-{n}: count {slots[q]} ({q}) is not in the text")
            dates = {_resolve(slots, spec): d for spec, d in t.dates.items()}
            expected = frozenset(_resolve(slots, spec) for spec in t.expect) | frozenset(quantities) | frozenset(dates)
            optional = frozenset(_resolve(slots, spec) for spec in t.optional) - expected
            kw = {} if published is None else {"published": published}
            out.append(XCase(phenomenon, n, text, expected, quantities, dates=dates, optional=optional, **kw))
    return out


# ============================================================================ templates
SR_W = (("S", "R", "W"),)
CR_CW = (("C", "R", "CW"),)
NONE = ()


def T(text, expect=(), quantities=None, optional=(), dates=None) -> XTpl:
    return XTpl(text, expect, quantities or {}, optional=optional, dates=dates or {})


def Q1(slot="Q", spec=("S", "R", "W")):
    return {spec: slot}


TEMPLATES: dict[str, list[XTpl]] = {
    # ------------------------------------------------------------------ single transfer, longer sentence
    "active_supply_to_hard": [
        T("{DLS}{S.cap}, {APS}, will supply up to {Q} {W} to {R} {V}, the defence ministry said on Tuesday.",
          quantities=Q1()),
        T("In a statement on Monday, {S} said it had delivered the last of {Q} {W} to {R}, completing an order "
          "placed in 2021.", SR_W),
        T("{S.cap} has sold about {Q} {W} to {R}, {APR}, over the past decade, according to data from the "
          "Stockholm International Peace Research Institute.", quantities=Q1()),
        T("{S.cap} is expected to ship {Q} {W} to {R} before the end of the year, two people familiar with the "
          "matter said.", quantities=Q1()),
        T("{S.cap} has yet to deliver the {Q} {W} it sold to {R} in 2020, officials said, citing production delays.",
          quantities=Q1()),
        T("{S.cap}, which has stepped up its arms exports in recent years, will send {Q} {W} and {Q2} {W2} to {R}, "
          "a move criticised by {T}.", quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2"}),
    ],
    "passive_with_agent_hard": [
        T("Up to {Q} {W} will be supplied to {R} by {S} under an agreement signed on Tuesday, officials said.",
          quantities=Q1()),
        T("The first {Q} {W} were handed over to {R}, {APR}, by {S} at a ceremony on Monday.", quantities=Q1()),
        T("{CW.cap} worth about $900 million are being delivered to {R} by {CS}, which won the tender last year.",
          quantities={("C", "R", "CW"): None}),
        T("According to officials, {Q} {W} were sold to {R} by {S} in 2019, and {Q2} more are on order.", SR_W),
        T("A batch of {Q} {W}, part of a larger order, was delivered to {R} on Friday by {S.poss} state-run arms "
          "exporter.", quantities=Q1()),
        T("In 2022, {Q} {W} and {Q2} {W2} were shipped to {R} by {S}, the report said.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2"}),
    ],
    # the supplier is not named: generic weapons, so no maker to fall back on
    "passive_no_agent_hard": [
        T("About {QG} {G} were delivered to {R} last month, the army said in a statement.",
          quantities={(None, "R", "G"): "QG"}),
        T("{R.cap}, {APR}, received {QG} {G} on Tuesday, the defence ministry said.",
          quantities={(None, "R", "G"): "QG"}),
        T("More than {QG} {G} have been handed over to {R} since January, according to officials.",
          ((None, "R", "G"),)),
        T("A further {QG} {G} are expected to be delivered to {R} by the end of the year, a spokesman said.",
          quantities={(None, "R", "G"): "QG"}),
        T("{R.cap} took delivery of {QG} {G} in March, the ministry said, without naming the supplier.",
          quantities={(None, "R", "G"): "QG"}),
        T("The {QG} {G} that were delivered to {R} in 2021 have yet to enter service.",
          quantities={(None, "R", "G"): "QG"}),
    ],
    "acquire_from_hard": [
        T("{DLR}{R.cap}, {APR}, has ordered {Q} {W} from {S} {V}, the defence ministry said on Monday.",
          quantities=Q1()),
        T("{R.cap} will buy up to {QC} {CW} from {CS} {V}, the government said.",
          quantities=Q1("QC", ("C", "R", "CW"))),
        T("On Tuesday, {R} signed for {Q} {W} from {S}, its biggest arms purchase in a decade.", quantities=Q1()),
        T("{R.cap} bought {Q} {W} and {Q2} {W2} from {S} last year, according to government data.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2"}),
        T("{R.cap} is expected to purchase about {Q} {W} from {S} once the budget is approved, officials said.",
          quantities=Q1()),
        T("{R.cap} could buy as many as {Q} {W} from {S} if parliament approves the funding, a minister said.",
          optional=SR_W),
        T("{R.cap} is in advanced talks to acquire {Q} {W} from {S}, according to two people with knowledge of "
          "the negotiations.", quantities=Q1()),
    ],
    "receive_from_hard": [
        T("{DLR}{R.cap} received its first {W} from {S} on Monday, the ministry said, with the rest of the order due "
          "next year.", SR_W),
        T("{R.cap}, {APR}, took delivery of {QC} {CW} from {CS} this week.", quantities=Q1("QC", ("C", "R", "CW"))),
        T("{R.cap} is expected to receive {Q} {W} from {S} by 2026 under a deal signed last year.", quantities=Q1()),
        T("According to officials, {R} has received about {Q} {W} from {S} since the start of the year.",
          quantities=Q1()),
        T("Last week {R} received {Q} {W} and {Q2} {W2} from {S}, which also trains its crews.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2"}),
        T("{R.cap} has yet to receive the {W} it ordered from {S} in 2019, the newspaper reported.", SR_W),
    ],
    "nominal_sale_of_to_by_hard": [
        T("The sale of up to {QC} {CW} to {R} by {CS}, worth about $1 billion, was announced on Friday.",
          quantities=Q1("QC", ("C", "R", "CW"))),
        T("The export of {W} to {R} by {S} has been held up by a dispute over financing, officials said.", SR_W),
        T("The delivery of {Q} {W} to {R} by {S}, originally due in 2023, has slipped to next year.", quantities=Q1()),
        T("Critics in {T.name} condemned the sale of {W} to {R} by {S}, saying it would fuel an arms race.", SR_W),
        T("The transfer of {Q} {W} and {Q2} {W2} to {R} by {S} was completed on Tuesday, the ministry said.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2"}),
        T("Officials confirmed the delivery of {Q} {W} to {R} by {S.poss} state arms exporter last month.",
          quantities=Q1()),
    ],
    "genitive_supplier_nominal_hard": [
        T("{S.cap_name_poss} $1.5 billion sale of {Q} {W} to {R}, {APR}, was approved by lawmakers on Tuesday.",
          quantities=Q1()),
        T("{CP.cap} delivery of {QC} {CW} to {R} has been delayed by supply-chain problems, the company said.",
          quantities=Q1("QC", ("C", "R", "CW"))),
        T("{S.cap_name_poss} planned transfer of {Q} {W} to {R} has angered {T}, which called it destabilising.",
          quantities=Q1()),
        T("{S.cap_name_poss} recent deliveries of {W} and {W2} to {R} were confirmed by satellite images, analysts "
          "said.", (("S", "R", "W"), ("S", "R", "W2"))),
        T("{S.cap_name_poss} long-delayed delivery of {Q} {W} to {R} finally began this week, officials said.",
          quantities=Q1()),
        T("In a statement, {S.name_poss} defence ministry defended its sale of {W} to {R}.", SR_W),
    ],
    "genitive_buyer_nominal_hard": [
        T("{R.cap_name_poss} purchase of {Q} {W} from {S}, its largest arms deal in a decade, was finalised on "
          "Monday.", quantities=Q1()),
        T("{R.cap_name_poss} $2 billion order for {QC} {CW} from {CS} has been delayed, sources said.",
          quantities=Q1("QC", ("C", "R", "CW"))),
        T("Officials defended {R.name_poss} acquisition of up to {Q} {W} from {S}, saying {T} had expanded its own "
          "arsenal.", quantities=Q1()),
        T("{R.cap_name_poss} planned purchase of {W} and {W2} from {S} is expected to be approved next month.",
          (("S", "R", "W"), ("S", "R", "W2"))),
        T("{R.cap_name_poss} order for {Q} {W} from {S}, placed in 2021, is now expected to be completed in 2026.",
          quantities=Q1()),
        T("{R.cap_name_poss} defence minister defended the purchase of {Q} {W} from {S} in parliament on Wednesday.",
          quantities=Q1()),
    ],
    "deliveries_from_to_hard": [
        T("Deliveries of {W} from {S} to {R}, {APR}, resumed in April after a two-year pause, the ministry said.",
          SR_W),
        T("Shipments of about {QC} {CW} from {CS} to {R} are expected to begin next year.",
          quantities=Q1("QC", ("C", "R", "CW"))),
        T("The transfer of {Q} {W} and {Q2} {W2} from {S} to {R} was completed last month, according to officials.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2"}),
        T("A shipment of {Q} {W} from {S} to {R} arrived at the port on Saturday, state media reported.",
          quantities=Q1()),
        T("The first {W} from {S} bound for {R} left the factory on Tuesday, the manufacturer said.", SR_W),
        T("Exports of {W} from {S} to {R} have more than doubled since 2020, customs data show.", SR_W),
    ],
    "control_verb_supplier_hard": [
        T("{S.cap}, {APS}, plans to export up to {Q} {W} to {R}, the defence minister said on Monday.",
          quantities=Q1()),
        T("{CS.cap} has agreed to supply {QC} {CW} to {R} {V}, the company said in a statement.",
          quantities=Q1("QC", ("C", "R", "CW"))),
        T("{S.cap} has offered to sell {W} and {W2} to {R}, according to officials familiar with the talks.",
          (("S", "R", "W"), ("S", "R", "W2"))),
        T("{S.cap} intends to deliver the remaining {Q} {W} to {R} by 2026, the ministry said.", quantities=Q1()),
        T("{S.cap} is preparing to send {Q} {W} to {R}, two officials told Reuters on Tuesday.", quantities=Q1()),
        T("{S.cap} decided on Friday to transfer {Q} {W} to {R}, ending months of debate.", quantities=Q1()),
    ],
    "control_verb_buyer_hard": [
        T("{R.cap}, {APR}, is seeking to buy up to {Q} {W} from {S}, the defence ministry said on Monday.",
          quantities=Q1()),
        T("{R.cap} wants to acquire about {QC} {CW} from {CS}, according to a tender document.",
          quantities=Q1("QC", ("C", "R", "CW"))),
        T("{R.cap} is looking to procure {W} and {W2} from {S} as it modernises its {W.branch}.",
          (("S", "R", "W"), ("S", "R", "W2"))),
        T("{R.cap} hopes to finalise the purchase of {Q} {W} from {S} before the end of the year, officials said.",
          quantities=Q1()),
        T("{R.cap} has asked {S} to sell it {Q} {W}, a government spokesman said.", quantities=Q1()),
        T("{R.cap} has decided to buy {Q} {W} from {S} rather than from {T}.", quantities=Q1()),
    ],
    "relative_clause_hard": [
        T("The {Q} {W}, which {S} delivered to {R} in 2021 {V}, have entered service, the ministry said.",
          quantities=Q1()),
        T("{R.cap} deployed the {CW} that it bought from {CS} last year, amid rising tensions with {T.name}.", CR_CW),
        T("Officials inspected the {W}, which {R} had ordered from {S} in 2020 and which arrived this week.", SR_W),
        T("{S.cap}, which sold {Q} {W} to {R} in 2019, has offered to supply more.", quantities=Q1()),
        T("{R.cap}, which received {Q} {W} from {S} last year, is now in talks with {S2} over {X}.",
          quantities={("S", "R", "W"): "Q", ("S2", "R", "X"): None}),
        T("The {CW}, which were built by {CS} and delivered to {R} in March, will be based near the capital.", CR_CW),
    ],
    "reported_speech_hard": [
        T("{S.cap} will sell up to {Q} {W} to {R}, {S.name_poss} defence ministry said on Monday.", quantities=Q1()),
        T("{R.cap} has bought {Q} {W} from {S}, a government spokesman told reporters on Tuesday, without giving the "
          "value of the deal.", quantities=Q1()),
        T('"We have signed for {Q} {W} from {S}," the {R.adj} defence minister told parliament.', quantities=Q1()),
        T("{S.cap} said on Friday it had delivered {Q} {W} to {R}, denying reports in {T.name} that the shipment had "
          "been delayed.", quantities=Q1()),
        T("{S.cap} is expected to approve the sale of {Q} {W} to {R} within weeks, according to a person familiar "
          "with the matter.", quantities=Q1()),
        T("In a statement, {S.name_poss} foreign ministry said it had cleared the export of {W} to {R}.", SR_W),
    ],
    "with_object_hard": [
        T("{S.cap} will equip {R.name_poss} {W.branch} with up to {Q} {W} {V}, officials said.", quantities=Q1()),
        T("{S.cap} has provided {R}, {APR}, with {Q} {W} and {Q2} {W2} since January.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2"}),
        T("{CS.cap} will supply {R} with {QC} {CW}, the company said on Tuesday.",
          quantities=Q1("QC", ("C", "R", "CW"))),
        T("{S.cap} agreed on Monday to arm {R} with {W}, a move that drew criticism from {T}.", SR_W),
        T("Under the deal, {S} is to furnish {R} with about {Q} {W} over five years.", quantities=Q1()),
        T("{S.cap} has been supplying {R} with {W} since 2015, according to SIPRI data.", SR_W),
    ],
    "genitive_recipient_force_hard": [
        T("{S.cap} began deliveries of {Q} {W} for {R.name_poss} {W.branch} on Tuesday, the ministry said.",
          quantities=Q1()),
        T("The {R.adj} {CW.branch} received {QC} {CW} from {CS} this week, state television reported.",
          quantities=Q1("QC", ("C", "R", "CW"))),
        T("{S.cap} will supply up to {Q} {W} to the {R.adj} {W.branch} {V}, officials said.", quantities=Q1()),
        T("The first of {Q} {W} ordered by the {R.adj} {W.branch} from {S} arrived on Monday.", quantities=Q1()),
        T("{S.cap} handed over {Q} {W} and {Q2} {W2} to the {R.adj} {W.branch} at a ceremony on Friday.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2"}),
        T("Crews from the {R.adj} {W.branch} will take delivery of {Q} {W} from {S} next month.", quantities=Q1()),
    ],
    "approval_of_sale_hard": [
        T("{S.cap_name_poss} government on Tuesday approved the sale of up to {Q} {W} to {R}, {APR}, {V}.",
          quantities=Q1()),
        T("The {S.adj} government has cleared the export of {Q} {W} to {R}, a spokesman said on Friday, after "
          "months of debate.", quantities=Q1()),
        T("{S.cap_name_poss} parliament authorised the sale of {W} and {W2} to {R}, despite protests from {T}.",
          (("S", "R", "W"), ("S", "R", "W2"))),
        T("{S.cap} has approved a possible sale of {Q} {W} to {R} valued at about $1.2 billion, according to a "
          "statement.", quantities=Q1()),
        T("The sale of {Q} {W} to {R} was approved by {S.name_poss} export control authority on Monday.",
          quantities=Q1()),
        T("{CS.cap} received government approval to sell {QC} {CW} to {R}, the company said.",
          quantities=Q1("QC", ("C", "R", "CW"))),
    ],
    "deal_signed_hard": [
        T("{R.cap_name_poss} defence ministry signed a contract with {CS} on Tuesday for up to {QC} {CW}, with "
          "deliveries due to start in 2026.", quantities=Q1("QC", ("C", "R", "CW"))),
        T("{R.cap}, {APR}, signed a $2 billion deal with {C} for {QC} {CW} and related support, the company said.",
          quantities=Q1("QC", ("C", "R", "CW"))),
        T("The {R.adj} government has signed an agreement with {C}, the {C.adj} defence group, to buy {QC} {CW}.",
          quantities=Q1("QC", ("C", "R", "CW"))),
        T("{C.cap} said on Monday it had signed a contract with {R} to supply {QC} {CW}, without disclosing its value.",
          quantities=Q1("QC", ("C", "R", "CW"))),
        T("{R.name_cap} and {S.name} signed a deal on Friday for {Q} {W}, officials from both countries said.",
          quantities=Q1()),
        T("{C.cap} won a contract worth about 1.4 billion euros to supply {R} with {QC} {CW}, beating {C2S}.",
          quantities=Q1("QC", ("C", "R", "CW"))),
    ],
    # the parties and the weapon sit in different clauses of one sentence
    "clause_split_hard": [
        T("{R.cap} held talks with {S} for months and on Monday signed a deal for {Q} {W}.", quantities=Q1()),
        T("{S.name_cap} and {R.name} signed an agreement on Tuesday under which {R} will receive {Q} {W} by 2027.",
          quantities=Q1()),
        T("{S.cap} said it would help {R} rebuild its {W.branch}, and that the first {Q} {W} would arrive next "
          "year.", quantities=Q1()),
        T("{R.cap} has turned to {S} for {W}, officials said, after talks on a local design collapsed.", SR_W),
        T("After years of negotiations, {R} finally agreed to buy {Q} {W}, a deal {S} had long sought.",
          quantities=Q1()),
        T("{S.cap} will train {R.adj} crews and deliver {Q} {W} under the agreement, the ministry said.",
          quantities=Q1()),
    ],
    # parentheses and dashes inside the transfer
    "parenthetical_hard": [
        T("{R.cap} will buy {Q} {W} (worth about $1 billion) from {S}, officials said.", quantities=Q1()),
        T("{S.cap} - {APS} - will supply {Q} {W} to {R} next year.", quantities=Q1()),
        T("{R.cap} has ordered {QC} {CW} from {C} (based in {CSN}) for its {CW.branch}.",
          quantities=Q1("QC", ("C", "R", "CW"))),
        T("The deal, {S.name_poss} largest with {R} in a decade, covers {Q} {W} and {Q2} {W2}.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2"}),
        T("{S.cap} (and, separately, {S2}) will send {G} to {R}.", (("S", "R", "G"), ("S2", "R", "G"))),
        T("{R.cap} received {Q} {W} from {S} (the first of {Q2} ordered in 2021) on Monday.", SR_W),
    ],
    # ------------------------------------------------------------------ coordination and lists
    "coordinated_recipients_object_hard": [
        T("{S.cap} has sold {W} to {R.name}, {R2.name}, {R3.name} and {R4.name} over the past decade, according to "
          "SIPRI.", (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"), ("S", "R4", "W"))),
        T("{S.cap} will deliver {W} to {R.name}, {R2.name} and {R3.name}, as well as to {R4.name}, next year.",
          (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"), ("S", "R4", "W"))),
        T("{CS.cap} has supplied {CW} to {R.name}, {R2.name}, {R3.name}, {R4.name} and {R5.name}, the company said.",
          (("C", "R", "CW"), ("C", "R2", "CW"), ("C", "R3", "CW"), ("C", "R4", "CW"), ("C", "R5", "CW"))),
        T("{S.cap} exported {W} to {R.name} and {R2.name} as well as {R3.name} in 2023, official data showed.",
          (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"))),
        T("Since 2015, {S} has approved sales of {W} to {R.name}, {R2.name} and {R3.name}, as well as {R4.name} and "
          "{R5.name}.", (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"), ("S", "R4", "W"), ("S", "R5", "W"))),
        T("{S.cap} is also expected to ship {W} to {R.name}, {R2.name}, {R3.name} and {R4.name} once production "
          "ramps up.", (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"), ("S", "R4", "W"))),
    ],
    "coordinated_recipients_subject_hard": [
        T("{R.name_cap}, {R2.name}, {R3.name} and {R4.name} have all ordered {W} from {S} since 2020, making it one "
          "of the best-selling systems of its kind.",
          (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"), ("S", "R4", "W"))),
        T("{R.name_cap} and {R2.name}, as well as {R3.name}, are expected to buy {CW} from {CS}.",
          (("C", "R", "CW"), ("C", "R2", "CW"), ("C", "R3", "CW"))),
        T("Buyers including {R.name}, {R2.name} and {R3.name} have received {W} from {S} in recent years.",
          (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"))),
        T("{R.name_cap}, {R2.name}, {R3.name}, {R4.name} and {R5.name} each purchased {W} from {S}, according to "
          "the report.", (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"), ("S", "R4", "W"), ("S", "R5", "W"))),
        T("Both {R.name} and {R2.name} signed contracts with {C} for {CW} last year.",
          (("C", "R", "CW"), ("C", "R2", "CW"))),
        T("{R.name_cap}, {R2.name} and {R3.name}, all of which have raised defence spending sharply, have bought {W} "
          "from {S} since 2022.", (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"))),
    ],
    # generic weapons, so no supplier is the maker
    "coordinated_suppliers_hard": [
        T("{R.cap}, {APR}, has bought {G} from {S}, {S2} and {S3}, according to SIPRI data.",
          (("S", "R", "G"), ("S2", "R", "G"), ("S3", "R", "G"))),
        T("{R.cap} received {G} from both {S} and {S2} last year, the ministry said.",
          (("S", "R", "G"), ("S2", "R", "G"))),
        T("{R.cap} imports most of its {G} from {S} and {S2}, as well as from {S3}.",
          (("S", "R", "G"), ("S2", "R", "G"), ("S3", "R", "G"))),
        T("{S.cap} and {S2} have each supplied {G} to {R} since 2022.", (("S", "R", "G"), ("S2", "R", "G"))),
        T("{S.cap}, {S2} and {S3} pledged {G} to {R} at a meeting in Brussels on Tuesday.",
          (("S", "R", "G"), ("S2", "R", "G"), ("S3", "R", "G"))),
        T("{R.cap} is buying {G} from {S} and from {CS}.", (("S", "R", "G"), ("C", "R", "G"))),
    ],
    # each weapon goes with its own supplier only
    "gapping_hard": [
        T("{R.cap} acquired {Q} {W} from {S} in 2019 and {QX} {X} from {S2} two years later, according to SIPRI.",
          quantities={("S", "R", "W"): "Q", ("S2", "R", "X"): "QX"}),
        T("{R.cap}, {APR}, bought {W} from {S}, and {X} from {S2}, the report said.",
          (("S", "R", "W"), ("S2", "R", "X"))),
        T("{R.cap} has ordered {Q} {W} from {S} and {QC} {CW} from {CS}, officials said.",
          quantities={("S", "R", "W"): "Q", ("C", "R", "CW"): "QC"}),
        T("{R.cap} gets its {W} from {S} and its {X} from {S2}.", (("S", "R", "W"), ("S2", "R", "X"))),
        T("{S.cap} supplied {W} to {R}, and {S2} {X}.", (("S", "R", "W"), ("S2", "R", "X"))),
        T("{R.cap} will buy {Q} {W} from {S} and {QX} {X} from {S2}, while {T} is expected to wait until next year.",
          quantities={("S", "R", "W"): "Q", ("S2", "R", "X"): "QX"}),
    ],
    "coordinated_weapons_quantities_hard": [
        T("{S.cap} will deliver {Q} {W}, {Q2} {W2} and about {Q3} {W3} to {R} {V}, the ministry said.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2", ("S", "R", "W3"): "Q3"}),
        T("Under the agreement, {R} will receive up to {Q} {W}, {Q2} {W2} and an unspecified number of {W3} from "
          "{S}.", quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2", ("S", "R", "W3"): None}),
        T("{S.cap} sold {R} {Q} {W} and {Q2} {W2} last year, as well as {W3}.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2", ("S", "R", "W3"): None}),
        T("{R.cap} has ordered {Q} {W} and {Q2} {W2} from {S}, plus training for its crews.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2"}),
        T("The package from {S} to {R} includes {Q} {W}, {Q2} {W2} and {Q3} {W3}.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2", ("S", "R", "W3"): "Q3"}),
        T("{S.cap} is sending {R} another {Q} {W} along with {Q2} {W2}, officials said.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2"}),
    ],
    "enumeration_colon_including_hard": [
        T("{S.cap_poss} latest package for {R}, worth $400 million, includes {W}, {W2} and {W3}, officials said.",
          (("S", "R", "W"), ("S", "R", "W2"), ("S", "R", "W3"))),
        T("{S.cap} on Friday announced new military aid for {R}, including {Q} {W}, {W2} and {AM}.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): None, ("S", "R", "AM"): None}),
        T("{S.cap} unveiled a package for {R} that includes, among other things, {Q} {W} and {W2}.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): None}),
        T("The aid {S} pledged to {R} on Tuesday consists of {Q} {W}, {Q2} {W2} and {W3}.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2", ("S", "R", "W3"): None}),
        T("{S.cap} will send {R} a package worth $250 million, including {W} and {W2}, the ministry said.",
          quantities={("S", "R", "W"): None, ("S", "R", "W2"): None}),
        T("{R.cap} will receive from {S} a package that includes: {Q} {W}; {Q2} {W2}; and {W3}.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2", ("S", "R", "W3"): None}),
    ],
    # ------------------------------------------------------------------ states that are not parties
    "bystander_protest_hard": [
        T("{S.cap} agreed to sell {Q} {W} to {R}, drawing a sharp rebuke from {T}, which called the deal a threat to "
          "regional stability.", quantities=Q1()),
        T("{T.cap} summoned {S.name_poss} ambassador on Tuesday after {S} approved the sale of {W} to {R}.", SR_W),
        T("The decision by {S} to deliver {W} to {R} was condemned by {T} and {T2}.", SR_W),
        T("In {T.name}, officials criticised {S} for selling {Q} {W} to {R}.", quantities=Q1()),
        T("{S.cap_name_poss} foreign ministry defended the transfer of {W} to {R} after {T} lodged a formal protest.",
          SR_W),
        T("{R.cap} took delivery of {Q} {W} from {S} on Monday, prompting {T} to warn of countermeasures.",
          quantities=Q1()),
    ],
    "despite_objections_hard": [
        T("Despite repeated objections from {T}, {S} said on Monday it would go ahead with the delivery of {Q} {W} "
          "to {R}.", quantities=Q1()),
        T("{S.cap} will supply {W} to {R}, {APR}, despite warnings from {T} that the move could escalate tensions.",
          SR_W),
        T("Ignoring pressure from {T} and {T2}, {R} bought {Q} {W} from {S}.", quantities=Q1()),
        T("Over the objections of {T}, {S.name_poss} parliament approved the sale of {W} to {R}.", SR_W),
        T("{R.cap} received {Q} {W} from {S} on Tuesday, even though {T} had threatened sanctions over the deal.",
          quantities=Q1()),
        T("{T.cap} has urged {S} not to sell {W} to {R}, but {S.name} said on Monday the deal for {Q} {W} would go "
          "ahead.", quantities=Q1()),
    ],
    "neighbour_competitor_hard": [
        T("{R.cap} ordered {QC} {CW} from {CS}, beating a rival bid from {C2S}, the ministry said.",
          quantities=Q1("QC", ("C", "R", "CW"))),
        T("{R.cap} picked {CP} {CW} over a competing offer from {C2.adj} firm {C2}.", CR_CW),
        T("{R.cap}, whose rival {T.name} has been expanding its arsenal, bought {Q} {W} from {S}.", quantities=Q1()),
        T("The contract for {QC} {CW} went to {CS} rather than to {C2}, {R.name_poss} defence ministry said.",
          quantities=Q1("QC", ("C", "R", "CW"))),
        T("{S.cap} beat {S2} to win a contract to supply {Q} {W} to {R}.", quantities=Q1()),
        T("{R.cap} will buy {W} from {S} after rejecting a rival offer from {T}, the defence minister said.", SR_W),
    ],
    # -------------------------------------------------------------- hard negatives (no row, or only a passing one)
    "domestic_procurement_hard": [
        T("The {D.adj} {DW.branch} ordered {QD} more {DW} from {D} on Tuesday {V}, the company said.", NONE),
        T("The {D.adj} defence ministry signed a contract worth about $1 billion with {D} for {QD} {DW}, to be "
          "delivered by 2027.", NONE),
        T("{DS.cap} will build {QD} {DW} for the {D.adj} {DW.branch}, it said on Monday.", NONE),
        # a passing past transfer inside a domestic order: only that row, without the order's count
        T("The {D.adj} {DW.branch} awarded {D} a contract for {QD} {DW} to replace those it sent to {R} last year.",
          quantities={("D", "R", "DW"): None}),
        T("The {D.adj} government plans to buy {QD} {DW} from {D} {V}, officials said.", NONE),
        T("{D.cap} handed over the first {QD} {DW} to the {D.adj} {DW.branch} at its plant on Monday.", NONE),
    ],
    "combat_use_hard": [
        T("{S.adj} forces used {F} to strike targets in {T} overnight, the military said on Tuesday.", NONE),
        T("{DLT}{S.adj} troops used more than {QF} {F} in an assault on {T.adj} positions, officials said.", NONE),
        T("A video released by {S.name_poss} defence ministry showed {F} being used to hit a bridge in {T.name}.",
          NONE),
        T("{T.cap} said its forces had destroyed {QF} {S.adj} {F} in fighting on Sunday.", NONE),
        # used weapons that were received: the transfer is stated in passing
        T("{R.cap} used {F} it received from {S} last year to strike militant positions near the border.",
          (("S", "R", "F"),)),
        T("An oil depot in {T.name} was hit by {S.adj} drones and {F}, {T.adj} officials said.", NONE),
        # possession only: optional in the gold
        T("{R.adj} forces have used {S.adj}-made {F} against militant positions, officials said.",
          optional=(("S", "R", "F"),)),
    ],
    "exercise_parade_test_hard": [
        T("{CS.cap} displayed its {CW} at the IDEX defence exhibition in Abu Dhabi this week, where delegations from "
          "{R.name} and {R2.name} toured its stand.", NONE),
        T("{S.cap} showed off its newest {W} at an arms fair in {T.name}, hoping to attract buyers from {R.name}.",
          NONE),
        T("{S.adj} and {T.adj} troops used {F} during a joint exercise in {R.name} on Tuesday.", NONE),
        T("{S.cap} tested its {F} in a live-fire drill off its coast on Monday, {T.name_poss} foreign ministry said.",
          NONE),
        T("{S.cap} paraded {W} and {W2} through the capital on Saturday as {T.adj} diplomats looked on.", NONE),
        T("{R.adj} soldiers trained on {S.adj} {W} during drills hosted by {S} this month.", NONE),
    ],
    "exporter_ranking_hard": [
        T("{S.cap} overtook {T} as the world's second-largest arms exporter in 2023, according to a report published "
          "on Monday by the Stockholm International Peace Research Institute.", NONE),
        T("{S.cap_name_poss} arms exports rose 47 percent over the past five years, while those of {T.name} fell by "
          "half, the report said.", NONE),
        T("{R.cap} remained the world's largest arms importer, ahead of {R2.name} and {R3.name}, SIPRI said.", NONE),
        T("{S.cap} and {T} accounted for more than half of global exports of {G} last year.", NONE),
        T("{S.cap} has climbed to third place among arms exporters, behind {S2} and {T}.", NONE),
        T("With 11 percent of global arms sales, {S} now ranks ahead of {T} and {S2}.", NONE),
    ],
    # civil airliners and helicopters
    "civil_airliner_hard": [
        T("{A}, {A.state.name_poss} flag carrier, agreed to buy up to {N} Boeing 737 jets in a deal worth about "
          "$5 billion at list prices.", NONE),
        T("{A} took delivery of its first Airbus A350 jets from Airbus in Toulouse on Tuesday.", NONE),
        T("The government of {R.name} ordered {N} Airbus A320 jets from France for the national airline.", NONE),
        T("Italy's Leonardo sold {N} AW139 helicopters to an offshore oil operator in {R.name}.", NONE),
        T("{R.cap} bought {N} Airbus H145 helicopters from Airbus for its air ambulance service.", NONE),
        T("{A} leased {N} ATR 72 turboprops from a lessor in {S.name}.", NONE),
    ],
    "sanctions_arms_control_hard": [
        T("{S.cap} imposed new sanctions on Monday on {T.adj} entities linked to the country's ballistic missile "
          "programme, a statement said.", NONE),
        T("Talks between {S} and {T} on arms control resumed in Geneva on Tuesday after a two-year pause.", NONE),
        T("{S.cap} and {T} agreed to extend an arms control treaty that caps their deployed nuclear warheads.", NONE),
        T("The European Union extended its arms embargo on {T} for another year, officials said on Friday.", NONE),
        T("{S.cap} urged {T} to stop testing ballistic missiles and to return to arms control talks.", NONE),
        # a ban is a refusal: optional in the gold
        T("{S.cap} banned exports of {G} to {T} on Tuesday, citing human rights concerns.",
          optional=(("S", "T", "G"),)),
    ],
    "non_military_tankers_hard": [
        T("{S.adj} shipyards will build {N} LNG tankers for {R.adj} buyers in a deal worth $1 billion.", NONE),
        T("{R.cap} bought {N} million barrels of crude from {S} last month, shipped on chartered tankers.", NONE),
        T("{S.cap} delivered {N} oil tankers to {R} last year, the shipbuilders' association said.", NONE),
        T("{R.cap} ordered {N} LNG carriers from {S} to export gas to Asia.", NONE),
        T("{S.adj} firms will supply storage tanks and pipelines for a refinery in {R.name}.", NONE),
        T("Tankers carrying {S.adj} diesel arrived in {R.name} on Tuesday, port officials said.", NONE),
    ],
    # arms words in other senses: company names, "arms", "bullet", "arm", "think tank", farm drones
    "arms_word_other_sense_hard": [
        T("Apache Corp, the Houston-based oil producer, sold its oil fields in {R.name} to a {S.adj} firm.", NONE),
        T("{R.cap} welcomed the proposal from {S} with open arms, officials said.", NONE),
        T("{S.cap} will sell bullet trains to {R} under a $12 billion rail deal.", NONE),
        T("The investment arm of {S.name_poss} sovereign wealth fund bought a stake in a port in {R.name}.", NONE),
        T("A think tank in {S.name} said {R} should import more electricity from its neighbours.", NONE),
        T("{S.adj} firms exported {N} thousand crop-spraying drones to {R} last year.", NONE),
        T("A typhoon forced {R} to close its ports on Tuesday, delaying shipments of rice from {S}.", NONE),
    ],
    "non_military_engines_parts_hard": [
        T("{S.adj} automakers shipped {N} thousand car engines to {R} in the first quarter, customs data showed.",
          NONE),
        T("{R.cap} imported diesel engines for its fishing fleet from {S} last year.", NONE),
        T("A {S.adj} company will supply locomotive engines to {R.name_poss} state railway.", NONE),
        T("{S.cap} exported auto parts and engines worth $3 billion to {R}, up 12 percent from a year earlier.", NONE),
        T("{S.cap} will supply jet engines for {AP} new fleet of passenger planes.", NONE),
        T("Engines for cars assembled in {R.name} will be made in {S.name} from next year, the carmaker said.", NONE),
    ],
    "non_military_equipment_hard": [
        T("{S.cap} donated {N} ambulances and medical equipment to {R} on Tuesday.", NONE),
        T("{S.adj} firms sold telecoms equipment worth $2 billion to {R} last year.", NONE),
        T("{S.cap} will send firefighting planes and rescue teams to help {R} battle wildfires.", NONE),
        T("{S.cap} handed over {N} patrol cars and radios to {R.name_poss} police.", NONE),
        T("{R.cap} bought mining equipment and trucks from {S}, the trade ministry said.", NONE),
        T("{S.cap} shipped {N} tonnes of humanitarian aid, including food and medicine, to {R}.", NONE),
    ],
}

N_PER_PHENOMENON = 8
K_OFFSET = 3          # the phenomenon index shift, so fillings differ from cases.py


def all_cases() -> list[XCase]:
    """Every hard case, in template order (deterministic)."""
    return build_cases(TEMPLATES, N_PER_PHENOMENON, K_OFFSET)


def fillers() -> dict[str, list]:
    """Surface forms these sets add beyond ``cases.fillers()``: companies' home states (as in "Norway's
    Kongsberg") and demonyms ("Norwegian firm Kongsberg", "South Korean-made")."""
    homes = sorted({c.iso3 for c in COMPANIES})
    states = [State(NAME[iso3], iso3) for iso3 in homes]
    demonyms = [(ADJ[iso3], iso3) for iso3 in sorted(set(homes) | {s.iso3 for s in SUPPLIERS})]
    return {"states": states, "demonyms": demonyms}
