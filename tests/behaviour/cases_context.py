"""Cross-sentence behavioural cases: a transfer spread over two or three sentences (pure data, no
pipeline imports).

Each text is 2-3 sentences (a few are one long sentence whose parties sit far from the verb), built
from the fillers, slots and generation of ``cases_hard.py`` (``XCase``: exact tuple set, quantities,
optional tuples and expected dates). Every case has the fixed publication date ``PUB`` (Wednesday
2024-05-01), so relative dates can be checked: "on Thursday" = 2024-04-25, "on Tuesday" = 2024-04-30,
"last month" = 2024-04, "last year" = 2023.

Extra slots (``context_slots``, on top of ``cases_hard.hard_slots``):

  {RK} {RKA}      a kingdom / island recipient and its anaphor ("Saudi Arabia" / "the kingdom")
  {K1} {K2}       two kingdoms (an anaphor that fits both)
  {SB} {RB}       a government body of S / R ("the Foreign Ministry of France", "the Pentagon")
"""
from __future__ import annotations

from .cases import ADJ, NAME, PUB, RECIPIENTS, SUPPLIERS, State, _poss
from .cases_hard import CR_CW, HOSTILE, SR_W, Phr, T, XCase, XTpl, build_cases, hard_slots

# recipients with a noun that can stand for them ("the kingdom", "the island")
KINGDOMS = (("SAU", "the kingdom"), ("TWN", "the island"), ("MAR", "the kingdom"), ("JOR", "the kingdom"),
            ("THA", "the kingdom"), ("TWN", "the self-governed island"))

_BODIES = {
    "USA": ("the State Department", "the Pentagon", "the U.S. Defense Department"),
    "RUS": ("the Kremlin", "Russia's Federal Service for Military-Technical Cooperation",
            "the Russian defence ministry"),
    "GBR": ("Britain's Ministry of Defence", "the British Foreign Office", "the British defence ministry"),
}


def government_body(iso3: str, n: int) -> str:
    name, adj = NAME[iso3], ADJ[iso3]
    forms = _BODIES.get(iso3, (f"the Foreign Ministry of {name}", f"{_poss(name)} defence ministry",
                               f"the {adj} Ministry of Defence", f"the Defence Ministry of {name}"))
    return forms[n % len(forms)]


def context_slots(k: int, n: int) -> dict:
    s = hard_slots(k, n)
    makers = {s[x].iso3 for x in ("S", "S2", "S3", "C", "C2", "D")}
    avoid = set(makers)
    for m in makers:
        avoid |= HOSTILE.get(m, set())
    kingdoms = [(iso3, ana) for iso3, ana in KINGDOMS[n % len(KINGDOMS):] + KINGDOMS[:n % len(KINGDOMS)]
                if iso3 not in avoid]
    rk_iso3, rk_ana = kingdoms[0]
    true_kingdoms = [iso3 for iso3, ana in kingdoms if ana == "the kingdom"]
    k1, k2 = true_kingdoms[0], next(x for x in true_kingdoms if x != true_kingdoms[0])
    s.update(RK=State(NAME[rk_iso3], rk_iso3), RKA=Phr(rk_ana), K1=State(NAME[k1], k1), K2=State(NAME[k2], k2),
             SB=Phr(government_body(s["S"].iso3, n + k)), RB=Phr(government_body(s["R"].iso3, n + k + 1)))
    return s


UNSPEC = (("S", "R", "UW"),)     # an umbrella noun ("military aid", "its weapons") for the same transfer: optional

TEMPLATES: dict[str, list[XTpl]] = {
    # the package is announced in one sentence, its contents listed in the next
    "package_next_sentence": [
        T("{S.cap} unveiled a $300 million assistance package for {R} on Friday. The aid covers {Q} {W}, {W2} and "
          "{Q2} {W3}.", quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): None, ("S", "R", "W3"): "Q2"}),
        T("{S.cap} announced fresh military aid for {R} on Tuesday. It includes {Q} {W} and {Q2} {W2}, officials "
          "said.", quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2"}, optional=UNSPEC),
        T("{S.cap_name_poss} government approved a new support package for {R}, {APR}. Among the items are {W}, "
          "{Q} {W2} and {W3}.", quantities={("S", "R", "W"): None, ("S", "R", "W2"): "Q", ("S", "R", "W3"): None}),
        T("In a statement on Monday, {S} said it would send a further package of military assistance to {R}. The "
          "shipment will include up to {Q} {W} and {W2}.", quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): None},
          optional=UNSPEC),
        T("{S.cap} pledged $500 million in new military aid to {R} on Thursday. The package contains {Q} {W}, "
          "{Q2} {W2} and {Q3} {W3}, the defence ministry said.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2", ("S", "R", "W3"): "Q3"}, optional=UNSPEC),
        T("{S.cap} approved a package for {R} on Friday. Officials did not disclose its value. It includes {Q} {W} "
          "and {W2}.", quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): None}),
        T("{S.name_cap} and {R.name} signed a defence cooperation agreement on Tuesday. Under the deal, {R} will "
          "receive {Q} "
          "{W} and {Q2} {W2}.", quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2"}),
        # the contents two sentences on, for one of two recipients the article named
        T("{S.cap} approved the sale of {W} to {R.name} and of {W3} to {R2.name} on Tuesday. The decision drew "
          "little comment in parliament. The package for {R.name} would include up to {Q2} {W2}, officials said.",
          quantities={("S", "R", "W"): None, ("S", "R2", "W3"): None, ("S", "R", "W2"): "Q2"},
          dates={("S", "R", "W2"): "2024-04-30"}),
    ],
    # the contents are bullet lines; more items may follow in a closing sentence
    "package_bullets": [
        T("{S.cap} announced a new package for {R}. The package includes:\n- {Q} {W};\n- {Q2} {W2};\n- {W3}.\n"
          "Also included are {W4} and {W5}.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2", ("S", "R", "W3"): None, ("S", "R", "W4"): None,
                      ("S", "R", "W5"): None}),
        T("{S.cap} unveiled a $750 million aid package for {R} on Tuesday. It contains:\n* {Q} {W}\n* {Q2} {W2}\n"
          "* {W3}", quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2", ("S", "R", "W3"): None}),
        T("The {S.adj} government said on Monday it would send more military equipment to {R}. The package "
          "includes:\n- up to {Q} {W};\n- {W2}; and\n- {Q2} {W3}.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): None, ("S", "R", "W3"): "Q2"}, optional=UNSPEC),
        T("{S.cap} approved its latest package for {R}. The package includes:\n- {Q} {W};\n- {W2}.\nAlso included "
          "are {W3} and {W4}.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): None, ("S", "R", "W3"): None, ("S", "R", "W4"): None}),
        T("{S.cap} will send {R} another tranche of assistance, officials said on Friday. The tranche includes:\n"
          "1. {Q} {W};\n2. {Q2} {W2};\n3. {W3}.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2", ("S", "R", "W3"): None}),
        T("{S.cap} announced a package for {R} worth $1 billion. It includes:\n- {Q} {W}\n- {Q2} {W2}\nAlso "
          "included are {W3}, the ministry said.",
          quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2", ("S", "R", "W3"): None}),
    ],
    # a pronoun or a descriptive noun stands for the one state in focus in the previous sentence
    "anaphora_party": [
        T("{R.name_cap} has been modernising its {W.branch}. The country ordered {Q} {W} from {S} last year.",
          quantities={("S", "R", "W"): "Q"}),
        T("{R.name_cap} is one of the region's biggest defence spenders. It signed a deal with {CS} for {QC} {CW} on "
          "Tuesday.", quantities={("C", "R", "CW"): "QC"}),
        T("{R.cap_name_poss} defence budget rose 12 percent last year. The government is now seeking to buy {Q} {W} "
          "from {S}.", quantities={("S", "R", "W"): "Q"}),
        T("{RK.name_cap} has been expanding its armed forces. {RKA.cap} signed a deal for {Q} {W} from {S} on "
          "Thursday.", quantities={("S", "RK", "W"): "Q"}),
        T("{R.name_cap} has been modernising its {W.branch}. Last year the country bought {Q} {W} from {S}. It has "
          "also ordered {QX} {X} from {S2}.", quantities={("S", "R", "W"): "Q", ("S2", "R", "X"): "QX"}),
        T("{S.name_cap} has become a major arms exporter in recent years. The country agreed on Monday to sell {Q} "
          "{W} to {R}.", quantities={("S", "R", "W"): "Q"}),
        T("{RK.name_cap} faces growing threats at sea. {RKA.cap} has asked {S} for {Q} {W}, officials said.",
          quantities={("S", "RK", "W"): "Q"}),
        T("{R.name_cap} wants to replace its ageing fleet. It is expected to receive the first {W} from {S} next "
          "year.", SR_W),
    ],
    # two states could be meant: the anaphoric party stays unnamed, never a guess
    "anaphora_ambiguous": [
        T("{R.name_cap} and {R2.name} have both been modernising their armed forces. The country ordered {Q} {W} "
          "from {S} last year.", quantities={("S", None, "W"): "Q"}),
        T("Officials from {R.name} and {R2.name} met in Brussels on Tuesday. The government said it had ordered {Q} "
          "{W} from {S}.", quantities={("S", None, "W"): "Q"}),
        T("{S.name_cap} and {S2.name} are the two biggest arms suppliers in the region. The country agreed to sell "
          "{QG} {G} to {R}.", quantities={(None, "R", "G"): "QG"}),
        T("Tensions between {R.name} and {R2.name} have risen sharply this year. It has since bought {Q} {W} from "
          "{S}.", quantities={("S", None, "W"): "Q"}),
        T("{K1.name_cap} and {K2.name} held joint naval drills last month. The kingdom has since ordered {Q} {W} "
          "from {S}.", quantities={("S", None, "W"): "Q"}),
        T("Both {R.name} and {R2.name} have shown interest in the {W}. The country placed an order for {Q} of them "
          "with {S} on Monday.", quantities={("S", None, "W"): "Q"}),
    ],
    # a ministry or agency stands for its state
    "government_body_supplier": [
        T("{SB.cap} cleared the export of {Q} {W} to {R} on Tuesday. The ministry said deliveries would start next "
          "year.", quantities={("S", "R", "W"): "Q"}),
        T("{SB.cap} is sending {Q} {W} to {R}, a spokesman said.", quantities={("S", "R", "W"): "Q"}),
        T("{SB.cap} said it had delivered {Q} {W} to {R} under a contract signed in 2021.",
          quantities={("S", "R", "W"): "Q"}),
        T("{SB.cap} approved the sale of {W} and {W2} to {R} on Monday. The decision follows a request made last "
          "year.", (("S", "R", "W"), ("S", "R", "W2"))),
        T("{RB.cap} said it had received {Q} {W} from {S}.", quantities={("S", "R", "W"): "Q"}),
        T("{RB.cap} signed a contract with {S.name_poss} state arms exporter for {Q} {W}, officials said.",
          quantities={("S", "R", "W"): "Q"}),
        T("A spokesman for {SB} said on Tuesday that export licences had been granted. The licences cover {Q} {W} "
          "for {R}.", quantities={("S", "R", "W"): "Q"}),
    ],
    # the parties of one role sit in a list away from the transfer word
    "buyers_listed_elsewhere": [
        T("Demand for {S.adj}-made {W} is booming, with orders from {R.name}, {R2.name} and {R3.name}.",
          (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"))),
        T("Dozens of governments have sent weapons to {R} since the conflict began, among them {S.name} and {S2.name}.",
          (("S", "R", "UW"), ("S2", "R", "UW"))),
        T("{CP.cap} {CW} have found buyers in {R.name}, {R2.name} and {R3.name} in recent years.",
          (("C", "R", "CW"), ("C", "R2", "CW"), ("C", "R3", "CW"))),
        T("{S.name_cap} has emerged as a major supplier of {W}. Its customers include {R.name}, {R2.name} and "
          "{R3.name}.", (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"))),
        T("Several countries have supplied {G} to {R}, including {S.name}, {S2.name} and {S3.name}.",
          (("S", "R", "G"), ("S2", "R", "G"), ("S3", "R", "G"))),
        T("Exports of {W} have boomed: {S} has delivered them to {R.name}, {R2.name} and {R3.name} since 2018.",
          (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"))),
        T("Dozens of governments have armed {R} since the conflict began, among them {S.name} and {S2.name}.",
          (("S", "R", "UW"), ("S2", "R", "UW"))),
        T("{CS} has received orders from {R.name} and {R2.name} for its {CW}, the company said.",
          (("C", "R", "CW"), ("C", "R2", "CW"))),
        T("{S.adj}-built {W} have found new buyers in {R.name} and {R2.name}, the ministry said on Monday.",
          (("S", "R", "W"), ("S", "R2", "W"))),
    ],
    # the supplier is named only as the maker, in the next sentence
    "maker_in_next_sentence": [
        T("{R.cap} took delivery of its first {CW} this week. The manufacturer, {CS}, said the remaining {QC} would "
          "arrive next year.", CR_CW),
        T("{R.cap} received {QG} new {G} on Monday. The manufacturer, headquartered in {S.name}, said more deliveries "
          "would follow.", quantities={("S", "R", "G"): "QG"}),
        T("The first {CW} for {R} rolled off the production line on Tuesday. They were built by {C}, which won the "
          "contract in 2021.", CR_CW),
        T("{R.cap} has ordered {QG} {G}. They will be built by {CS} at its main plant.",
          quantities={("C", "R", "G"): "QG"}),
        T("{R.cap} took delivery of {QG} {G} this week. {C.cap}, which makes them, said further deliveries would "
          "follow in June.", quantities={("C", "R", "G"): "QG"}),
        T("{R.cap} has begun trials of the {QG} {G} it bought last year. Their maker, {CS}, is also bidding for a "
          "follow-on order.", quantities={("C", "R", "G"): "QG"}),
        T("{R.cap} agreed on Monday to buy {QG} {G}. Their builder, {CS}, expects to hand over the first in 2026.",
          quantities={("C", "R", "G"): "QG"}),
        T("Last year {R} purchased {QG} {G}, officials said. The manufacturer, headquartered in {S.name}, has "
          "since opened a local office.", quantities={("S", "R", "G"): "QG"}),
    ],
    # the transfer's own date, resolved against the publication date; a statement date is not it
    "dates": [
        T("On Thursday {S} signed off on a transfer of {Q} {W} to {R}.", quantities={("S", "R", "W"): "Q"},
          dates={("S", "R", "W"): "2024-04-25"}),
        T("{S.cap} delivered {Q} {W} to {R} in 2019, according to SIPRI.", dates={("S", "R", "W"): "2019-01-01"}),
        T("Officials said on Monday that {S} would sell {W} to {R}.", dates={("S", "R", "W"): None}),
        T("{S.cap} has agreed to supply {Q} {W} to {R}, the ministry said.", dates={("S", "R", "W"): None}),
        T("{R.cap} received {Q} {W} from {S} last month.", dates={("S", "R", "W"): "2024-04-01"}),
        T("{S.cap} approved the sale of {Q} {W} to {R} on Tuesday. The deal is worth $1.2 billion, officials said on "
          "Friday.", dates={("S", "R", "W"): "2024-04-30"}),
        T("{S.cap} said on Monday it had delivered {W} to {R} in January.", dates={("S", "R", "W"): "2024-01-01"}),
        T("The {W} that {R} bought from {S} in 2015 are being upgraded, officials said on Tuesday.",
          dates={("S", "R", "W"): "2015-01-01"}),
        T("{DLN}{S.cap} will supply {W} to {R}, the ministry said.", dates={("S", "R", "W"): None}),
        T("{R.cap} ordered {W} from {S} on March 12.", dates={("S", "R", "W"): "2024-03-12"}),
    ],
    # a clause about the relationship fixes who supplies whom; the transfer clause names only one party
    "role_direction_across_clauses": [
        T("{R.cap}, long dependent on {S} for its arms, agreed to purchase more {W}.", SR_W, optional=UNSPEC),
        T("{R.cap}, a longtime customer of {S}, ordered another {Q} {W} on Tuesday.",
          quantities={("S", "R", "W"): "Q"}, optional=UNSPEC),
        T("{R.cap}, which has bought most of its weapons from {S}, signed a deal for {Q} more {W}.",
          quantities={("S", "R", "W"): "Q"}, optional=UNSPEC),
        T("{S.cap}, {R.name_poss} main arms supplier, will deliver {Q} {W} next year.",
          quantities={("S", "R", "W"): "Q"}, optional=UNSPEC),
        T("{S.cap}, which has armed {R} for decades, agreed on Monday to deliver {Q} {W}.",
          quantities={("S", "R", "W"): "Q"}, optional=UNSPEC),
        T("{R.cap_name_poss} biggest arms supplier, {S}, said it would send {Q} {W} by the end of the year.",
          quantities={("S", "R", "W"): "Q"}, optional=UNSPEC),
        T("Having relied on {S} for its {W.branch} equipment for decades, {R} has now signed for {Q} more {W}.",
          quantities={("S", "R", "W"): "Q"}, optional=UNSPEC),
        T("{R.cap}, which remains heavily reliant on {S} for military hardware, has ordered {Q} more {W}.",
          quantities={("S", "R", "W"): "Q"}, optional=UNSPEC),
        T("{R.cap} is dependent on {S} for most of its weapons and will buy {Q} {W} this year.",
          quantities={("S", "R", "W"): "Q"}, optional=UNSPEC),
        T("{S.cap_name_poss} biggest customer, {R.name}, ordered {Q} more {W} on Monday.",
          quantities={("S", "R", "W"): "Q"}),
    ],
    # the context rules must not invent a transfer: a maker that is not the seller, a dependence that is not on
    # arms, an order or demand for goods that are not weapons, a purchase from home industry
    "context_negatives": [
        T("{R.cap} has ordered {QG} {G} from its own shipyards. {T.name_cap}, a rival maker of {G}, criticised the "
          "decision on Tuesday."),
        T("{R.cap} remains heavily dependent on {S} for oil and gas, officials said."),
        T("Demand for {S.adj} wine is booming, with orders from {R.name}, {R2.name} and {R3.name}."),
        T("{R.cap} has ordered {QG} {G}. They will be built by a local shipyard at its main plant."),
        T("{S.cap_name_poss} biggest trading partner, {R.name}, bought more soybeans and wheat last year."),
        T("{R.cap_name_poss} economy is reliant on exports to {S.name}, which buys most of its copper."),
        T("{R.cap} bought {QG} {G} last year. Their maker, a state-owned firm in {R.name}, plans to export more."),
        T("{S.adj} cars have found buyers in {R.name} and {R2.name} in recent years."),
    ],
}

N_PER_PHENOMENON = 8
K_OFFSET = 11         # the phenomenon index shift, so fillings differ from cases.py and cases_hard.py


def all_cases() -> list[XCase]:
    """Every cross-sentence case, in template order (deterministic), published ``PUB``."""
    return build_cases(TEMPLATES, N_PER_PHENOMENON, K_OFFSET, slot_fn=context_slots, published=PUB)


def fillers() -> dict[str, list]:
    """Government bodies used for states (each must be read as that state)."""
    states = {x.iso3 for x in SUPPLIERS} | {r for r, _ in RECIPIENTS}
    bodies = sorted({(government_body(iso3, n), iso3) for iso3 in states for n in range(4)})
    return {"bodies": bodies}

