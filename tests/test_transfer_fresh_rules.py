"""The rules added for the fresh behavioural set (tests/behaviour/cases_fresh.py), one phenomenon each: the pure
helpers directly, and each rule on constructed sentences through the full extractor (not from any dev article)."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.test_transfers import run, tuples


# ----------------------------------------------------------------------------- the headline (title.py)
@pytest.mark.parametrize("title, dyad, subject", [
    ("Morocco buys Israeli air defence system", ("ISR", "MAR"), "MAR"),
    ("Vietnam to acquire Indian BrahMos missiles", ("IND", "VNM"), "VNM"),
    ("Germany approves Leopard tank exports to Qatar", ("DEU", "QAT"), "DEU"),
    ("U.S. clears $1.5 billion sale of Abrams tanks to Bahrain", ("USA", "BHR"), "USA"),
    ("Egypt takes delivery of first FREMM frigate from Italy", ("ITA", "EGY"), "EGY"),
    ("Kenya receives Chinese armoured vehicles", ("CHN", "KEN"), "KEN"),
    # one state, two joint subjects, three states, no transfer verb: no dyad
    ("Nigeria orders Super Tucano aircraft", None, "NGA"),
    ("Russia, India sign S-400 deal", None, None),
    ("France sells Rafales to India and Greece", None, "FRA"),
    ("Greece and Turkey hold talks in Athens", None, None),
    (None, None, None),
])
def test_title_facts(title, dyad, subject):
    from pipeline.extract.transfers.title import title_facts

    facts = title_facts(title, dt.date(2024, 5, 1))
    assert ((facts.dyad[0], facts.dyad[2]) if facts.dyad else None) == dyad
    assert (facts.subject[0] if facts.subject else None) == subject


@pytest.mark.parametrize("word, role", [
    ("buys", "R"), ("acquire", "R"), ("orders", "R"), ("receives", "R"), ("takes", "R"), ("bought", "R"),
    ("sells", "S"), ("supplies", "S"), ("approves", "S"), ("cleared", "S"), ("sending", "S"),
    ("leases", None), ("says", None), ("talks", None),
])
def test_title_verb_role(word, role):
    from pipeline.extract.transfers.title import verb_role

    assert verb_role(word) == role


@pytest.mark.parametrize("need_supplier, known, expected", [
    (True, {("MAR", None)}, ("ISR", "Israeli")),     # the recipient is named: the headline's supplier
    (False, {("ISR", None)}, ("MAR", "Morocco")),    # the supplier is named: the headline's recipient
    (True, {("EGY", None)}, None),                   # a state the headline does not name: nothing borrowed
])
def test_title_side(need_supplier, known, expected):
    from pipeline.extract.transfers.context import title_side

    assert title_side(("ISR", "Israeli", "MAR", "Morocco"), need_supplier, known) == expected


@pytest.mark.parametrize("title, text, expected", [
    ("Morocco buys Israeli air defence system",
     "The kingdom has signed a $500 million contract for the Barak MX air defence system, officials said.",
     {("ISR", "MAR", "air_defence")}),
    ("U.S. clears $1.5 billion sale of Abrams tanks to Bahrain",
     "The package includes 50 M1A2 tanks and related equipment, the agency said on Tuesday.",
     {("USA", "BHR", "armoured_vehicles")}),
    # a headline without a transfer lends nothing
    ("Morocco and Israel hold talks", "The package includes 50 M1A2 tanks, the agency said.", set()),
])
def test_headline_lends_parties(nlp, title, text, expected):
    named = {t for t in tuples(run(nlp, text, title=title)) if None not in t}
    assert named == expected


# ----------------------------------------------------------------------------- one-sentence rules
@pytest.mark.parametrize("text, expected", [
    # "pay S $X for W"
    ("Vietnam paid Israel $500 million for four Spyder air defence batteries and 30 Hermes 450 drones.",
     {("ISR", "VNM", "air_defence"), ("ISR", "VNM", "uav")}),
    ("Egypt has agreed to pay Russia about $2 billion for 24 Su-35 fighter jets.", {("RUS", "EGY", "aircraft")}),
    # a package in a relative clause on the verb's object; an include-verb coordinated with another verb
    ("Australia will send Ukraine a package that includes Bushmaster vehicles, drones and ammunition.",
     {("AUS", "UKR", "armoured_vehicles"), ("AUS", "UKR", "uav"), ("AUS", "UKR", "ammunition")}),
    ("Norway's latest package for Ukraine, announced in Oslo on Thursday, includes NASAMS air defence launchers "
     "and 14 M109 howitzers.", {("NOR", "UKR", "air_defence"), ("NOR", "UKR", "artillery")}),
    # a place phrase on a non-state group
    ("Iran has supplied Shahed drones to the Houthis in Yemen, a U.N. panel said.", {("IRN", None, "uav")}),
    # a quoted "we", "whose government", an adjective's gerund
    ("\u201cWe have decided to provide Ukraine with 40 Marder infantry fighting vehicles,\u201d German Chancellor "
     "Olaf Scholz told reporters.", {("DEU", "UKR", "armoured_vehicles")}),
    ("\u201cThey will land next spring,\u201d said the Croatian defence minister, whose government bought 12 used "
     "Rafale fighters from France.", {("FRA", "HRV", "aircraft")}),
    ("A senior official said Saudi Arabia was close to ordering Cheongung air defence systems from South Korea.",
     {("KOR", "SAU", "air_defence")}),
    # the holder of a weapon bought in a relative clause; a maker participle; conjoined weapons of one category
    ("Nigeria's 12 Super Tucano aircraft, which were ordered from the United States in 2018, flew this week.",
     {("USA", "NGA", "aircraft")}),
    ("Cambodia received a batch of rocket launchers built by China's Norinco, state television showed.",
     {("CHN", "KHM", "artillery")}),
    ("Myanmar's military has bought Russian-made Yak-130 trainers and Chinese-made K-8 jets.",
     {("RUS", "MMR", "aircraft"), ("CHN", "MMR", "aircraft")}),
])
def test_fresh_rules(nlp, text, expected):
    assert tuples(run(nlp, text)) == expected


@pytest.mark.parametrize("text", [
    "The Thai government, which already paid a $194 million installment on the submarines, may buy frigates.",
    "Ukraine has paid a heavy price for the delay in deliveries, the minister said.",
])
def test_pay_needs_both_parties(nlp, text):
    assert not {t for t in tuples(run(nlp, text)) if t[0] is not None and t[1] is not None}


@pytest.mark.parametrize("text, qty", [
    ("Saab has received an order from Latvia for RBS 70 air defence systems.", None),
    ("Vietnam is negotiating the purchase of two squadrons of Su-30 fighters from Russia.", None),
    ("Vietnam is negotiating the purchase of 12 Su-30 fighters from Russia.", 12),
    ("Latvia ordered four RBS 70 air defence systems from Sweden.", 4),
])
def test_quantity_not_designation_or_groups(nlp, text, qty):
    rows = run(nlp, text)
    assert rows and {r.quantity_value for r in rows} == {qty}


@pytest.mark.parametrize("text, expected", [
    ("Colombia has pulled out of the planned purchase of Swedish Gripen fighters, opting for French Rafale jets "
     "instead.", {("SWE", "COL", "aircraft"): "cancelled", ("FRA", "COL", "aircraft"): "negotiating"}),
    ("Colombia has pulled out of the planned purchase of Swedish Gripen fighters.",
     {("SWE", "COL", "aircraft"): "cancelled"}),
])
def test_phrasal_cancellation_and_opt_for(nlp, text, expected):
    rows = run(nlp, text)
    assert {(r.supplier_iso3, r.recipient_iso3, r.weapon_category): r.stage for r in rows} == expected


@pytest.mark.parametrize("text, expected", [
    ("The Taiwanese defence ministry confirmed on Saturday that the United States had agreed to sell it 400 Harpoon "
     "missiles.", {("USA", "TWN", "missiles")}),
    ("Iran asked Russia to sell it 24 Su-35 fighter jets.", {("RUS", "IRN", "aircraft")}),
    ("Russia said it would sell Iran 24 Su-35 jets.", {("RUS", "IRN", "aircraft")}),
])
def test_object_pronoun_not_its_clause_subject(nlp, text, expected):
    assert tuples(run(nlp, text)) == expected
