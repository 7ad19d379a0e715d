"""Issue 16 rules, one phenomenon each: parties and contents that live in another clause or sentence.

Constructed sentences (not from any dev article), plus the pure helpers the rules use.
"""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.transfers.title import title_parties
from pipeline.records import EntityMention, TransferMention
from tests.test_transfers import run, tuples


def _ent(text: str, label: str, iso3: str | None, start: int) -> EntityMention:
    return EntityMention(char_start=start, char_end=start + len(text), text=text, label=label, canonical_name=text,
                         country_iso3=iso3)


@pytest.mark.parametrize("text, ents, buyers, expected", [
    ("They will be built by Lockheed Martin.", [("Lockheed Martin", "COMPANY", "USA")], {"NGA"}, "USA"),
    ("Their maker, Hanwha Aerospace, is bidding again.", [("Hanwha Aerospace", "COMPANY", "KOR")], {"SRB"}, "KOR"),
    ("The manufacturer, headquartered in Britain, said more would follow.", [("Britain", "COUNTRY", "GBR")], {"SAU"},
     "GBR"),
    # a maker of the buyer's own state, no maker cue, a rival maker, two makers: none
    ("They will be built by Bharat Dynamics.", [("Bharat Dynamics", "COMPANY", "IND")], {"IND"}, None),
    ("Officials in Germany welcomed the news.", [("Germany", "COUNTRY", "DEU")], {"POL"}, None),
    ("Germany, a rival maker of tanks, criticised it.", [("Germany", "COUNTRY", "DEU")], {"POL"}, None),
    ("They will be built by Airbus and Boeing.", [("Airbus", "COMPANY", "FRA"), ("Boeing", "COMPANY", "USA")],
     {"POL"}, None),
])
def test_maker_named(text, ents, buyers, expected):
    from pipeline.extract.transfers.context import maker_named

    entities = [_ent(t, label, iso, text.index(t)) for t, label, iso in ents]
    maker = maker_named(text, 0, len(text), entities, buyers)
    assert (maker.country_iso3 if maker else None) == expected


def _row(s, r, start=None, text=None) -> TransferMention:
    return TransferMention(char_start=0, char_end=1, evidence="x", supplier_iso3=s, recipient_iso3=r,
                           weapon_category="missiles", date_start=start, date_end=start, date_text=text)


@pytest.mark.parametrize("rows, expected", [
    ([_row("USA", "EST", dt.date(2022, 7, 15), "July 15")], {("USA", "EST"): dt.date(2022, 7, 15)}),
    ([_row("USA", "EST", dt.date(2022, 7, 15), "July 15"), _row("USA", "EST")], {("USA", "EST"): dt.date(2022, 7, 15)}),
    # two dates for one dyad, or none: no date to lend
    ([_row("USA", "EST", dt.date(2022, 7, 15), "July 15"), _row("USA", "EST", dt.date(2021, 1, 1), "2021")], {}),
    ([_row("USA", "EST")], {}),
])
def test_dyad_dates(rows, expected):
    from pipeline.extract.transfers.context import _dyad_dates

    assert {k: v.date_start for k, v in _dyad_dates(rows).items()} == expected


@pytest.mark.parametrize("text, expected", [
    # an adjective of dependence: its holder receives, its "on" phrase supplies
    ("Dhaka, long dependent on the Israeli government for its arms, agreed to purchase more Merkava tanks.",
     {("ISR", "BGD", "armoured_vehicles")}),
    ("Peru is heavily reliant on Russia for its Mi-17 helicopters.", {("RUS", "PER", "helicopters")}),
    ("Kuwait, which remains dependent on the Russian government for military hardware, has ordered 12 more T-90 "
     "tanks.", {("RUS", "KWT", "armoured_vehicles")}),
    # dependence that is not on arms lends no supplier
    ("Kuwait, which remains heavily reliant on Russia for oil, has ordered 12 more tanks from its own industry.",
     set()),
    ("Chile's economy is dependent on copper exports to China.", set()),
])
def test_dependence_adjectives(nlp, text, expected):
    assert tuples(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Morocco's biggest arms supplier, France, said it would send 10 H225M helicopters this year.",
     {("FRA", "MAR", "helicopters")}),
    ("Russia's biggest customer, India, ordered 20 more Su-30 fighters on Monday.", {("RUS", "IND", "aircraft")}),
])
def test_a_party_in_apposition_to_an_agent_noun(nlp, text, expected):
    assert tuples(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Demand for Russian-made Mi-17 helicopters is booming, with orders from India, Egypt and Qatar.",
     {("RUS", "IND", "helicopters"), ("RUS", "EGY", "helicopters"), ("RUS", "QAT", "helicopters")}),
    ("Korea Aerospace Industries' FA-50 fighter jets have found buyers in Peru and Malaysia.",
     {("KOR", "PER", "aircraft"), ("KOR", "MYS", "aircraft")}),
    ("Dassault has received orders from India and Egypt for its Rafale jets.",
     {("FRA", "IND", "aircraft"), ("FRA", "EGY", "aircraft")}),
    # no weapon: no buyer
    ("Demand for French wine is booming, with orders from India, Egypt and Qatar.", set()),
    ("German cars have found buyers in India and Egypt.", set()),
])
def test_buyers_named_by_an_order_or_buyer_noun(nlp, text, expected):
    assert tuples(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Nigeria has ordered 200 anti-ship missiles. They will be built by U.S.-based Lockheed Martin at its plant.",
     {("USA", "NGA", "missiles", True)}),
    ("Serbia has begun trials of the five patrol boats it bought last year. Their maker, South Korean firm Hanwha "
     "Aerospace, is bidding for a follow-on order.", {("KOR", "SRB", "ships", True)}),
    # no foreign maker named next: the purchase stays without a row (it may be from home industry)
    ("Nigeria has ordered 200 anti-ship missiles.", set()),
    ("Nigeria has ordered 200 anti-ship missiles. They will be built by a local shipyard.", set()),
    ("Poland has ordered 250 Abrams tanks. Germany, a rival maker of tanks, criticised the decision.", set()),
])
def test_a_purchase_without_a_seller_takes_the_maker_named_next(nlp, text, expected):
    assert {(r.supplier_iso3, r.recipient_iso3, r.weapon_category, "next_sentence" in r.derivation)
            for r in run(nlp, text)} == expected


@pytest.mark.parametrize("text, expected", [
    # two states in focus, neither the subject: "It" stays an unnamed state (NULL), the row is kept
    ("Tensions between Colombia and Egypt have risen sharply. It has since bought 10 Spyder air defence systems "
     "from Israel.", {("ISR", None, "air_defence", 10)}),
    # "N of them": N of the weapons named before
    ("India has shown interest in the AS-90 howitzers. The country placed an order for 14 of them with the British "
     "government on Monday.", {("GBR", "IND", "artillery", 14)}),
])
def test_unresolved_it_and_partitive_them(nlp, text, expected):
    rows = run(nlp, text)
    assert {(r.supplier_iso3, r.recipient_iso3, r.weapon_category, r.quantity_value) for r in rows} == expected


@pytest.mark.parametrize("text, expected", [
    # a two-state agreement, then "Under the deal, R will receive": the other side supplies
    ("Sweden and the United Arab Emirates signed a defence cooperation agreement on Tuesday. Under the deal, the "
     "UAE will receive 16 Archer howitzers.", {("SWE", "ARE", "artillery")}),
    # two other states signed: no guess (a receipt keeps its unnamed supplier)
    ("France and Germany signed a defence agreement on Tuesday. Under the deal, Egypt will receive 16 Caesar "
     "howitzers.", {(None, "EGY", "artillery")}),
    # "Among the items are ...", and "Also included are ..." opening a line the parser ran on
    ("Germany approved a new support package for Australia. Among the items are Leopard 2 tanks and PzH 2000 "
     "howitzers.", {("DEU", "AUS", "armoured_vehicles"), ("DEU", "AUS", "artillery")}),
    ("Italy announced a package for Jordan. It includes:\n- 120 Otomat anti-ship missiles\n- 10 AW149 helicopters\n"
     "Also included are Centauro armoured vehicles, the ministry said.",
     {("ITA", "JOR", "missiles"), ("ITA", "JOR", "helicopters"), ("ITA", "JOR", "armoured_vehicles")}),
])
def test_package_contents_in_the_next_sentence(nlp, text, expected):
    assert tuples(run(nlp, text)) == expected


def test_a_continuation_two_sentences_on_takes_the_dyad_and_its_date(nlp):
    text = ("Britain approved the sale of Starstreak missiles to Estonia and of Wildcat helicopters to Norway on "
            "Tuesday. The decision drew little comment. The package for Estonia would include up to 40 Challenger 2 "
            "tanks, officials said.")
    third = text.index("The package")
    rows = [r for r in run(nlp, text) if r.char_start >= third]
    assert {(r.supplier_iso3, r.recipient_iso3, r.weapon_category, r.quantity_value, r.date_start, r.derivation)
            for r in rows} == {("GBR", "EST", "armoured_vehicles", 40, dt.date(2024, 4, 30), "article")}


@pytest.mark.parametrize("title, expected", [
    ("U.S. CLEARS SALE OF TANKS TO BAHRAIN", {"USA", "BHR"}),
    ("Whitehall sells tanks to Oman", {"GBR", "OMN"}),              # the seat of government stands for its state
    # a company named after a seat of government or a state is no state
    ("WHITEHALL <WHT> GETS NAVY CONTRACT", set()),
    ("Kremlin Corp wins order for military trucks", set()),
    ("Pentagon awards contract for tanks", {"USA"}),
    ("Oil prices rise in Iran", set()),                               # no transfer word: nothing
    # an all-capital headline: a word that is an acronym of a state body is still a word ("PLAN")
    ("PENTAGON DELAYS PLAN TO BUY EUROPEAN MISSILE", {"USA"}),
    ("USSR SELLS JETS TO INDIA", {"SUN", "IND"}),
    # a region that contains a state's word blocks it
    ("REAGAN SEEKS MORE AID FOR CENTRAL AMERICA", set()),
    ("U.S. arms sales to Persian Gulf states", {"USA"}),
])
def test_states_a_title_names(title, expected):
    assert title_parties(title, dt.date(1990, 3, 1)) == expected
