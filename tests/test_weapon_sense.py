"""A weapon word needs a military sense in its context; a transfer needs a weapon.

Rules found on a business newswire (Reuters-21578, bench/feed_precision.py), one parametrised block per
rule, each with sentences written for these tests (varied wording) and positive controls showing that the
military sense still reads as a weapon. Entity rules assert the WEAPON mentions of
``pipeline.extract.entities.extract_entities``; transfer rules assert the rows of
``pipeline.extract.transfers.extract_transfers`` (as tests/test_transfers.py does).
"""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.dates import extract_dates
from pipeline.extract.entities import extract_entities
from pipeline.extract.figures import extract_figures
from pipeline.extract.transfers import extract_transfers

D1987 = dt.date(1987, 4, 1)
D2024 = dt.date(2024, 5, 1)


@pytest.fixture(scope="module")
def ents(nlp):
    cache = {}

    def _run(text, published=D1987):
        if (text, published) not in cache:
            cache[(text, published)] = extract_entities(nlp(text), published)
        return cache[(text, published)]

    return _run


def weapons(mentions):
    return [(m.text, m.weapon_category) for m in mentions if m.label == "WEAPON"]


def rows(nlp, text, published=D1987):
    doc = nlp(text)
    found = extract_transfers(doc, extract_entities(doc, published), extract_figures(doc),
                              extract_dates(doc, published), published=published)
    return {(r.supplier_iso3, r.recipient_iso3, r.weapon_category) for r in found}


def no_weapon(ents, text):
    assert weapons(ents(text)) == [], text


# ----------------------------------------------------------------------------- a weapon word inside a name
@pytest.mark.parametrize("text", [
    # corporate designator after a run of capitalised words
    "Pacific Resources Inc agreed to buy the Hawaii assets of Shell Oil Co for 32 mln dlrs.",
    "Royal Dutch/Shell Group raised its posted prices for crude by 50 cts a barrel.",
    "Cannon Group Inc said it agreed in principle to sell its film library.",
    "Hawkeye Bancorp said its exchange offer to holders of its debentures succeeded.",
    "Analysts at Pershing and Co said the stock was undervalued.",
    # the Reuters company markup and a stock ticker after the name
    "The order went to <Hunter Helicopter of Nevada Inc>, a privately held concern.",
    "Dauphin Deposit <DAPN> agreed to merge with a Pennsylvania bank.",
    "National Semiconductor <NSM> said it will provide a series of products.",
    "Scallop Petroleum Corp, a subsidiary of Royal Dutch/Shell group, raised its contract prices.",
    "Cannon International said Viva Films agreed to buy its European cinemas.",
    # the same capitalised word alone, later in the article, names the same company or person
    "Shell Canada Ltd cut its wholesale gasoline prices. Shell said the cut reflects lower crude costs.",
    "The smelter was at half capacity, spokesman Fernand Leclerc said. Leclerc said the plant would reopen.",
    "ABM Gold Corp filed for an initial public offering. ABM said it would use the proceeds for mining.",
])
def test_weapon_word_inside_a_company_or_person_name(ents, text):
    no_weapon(ents, text)


@pytest.mark.parametrize("text, expected", [
    ("Germany delivered Leopard tanks to Poland.", ("Leopard tanks", "armoured_vehicles")),
    ("Rheinmetall AG will supply artillery shells to the Ukrainian army.", ("artillery shells", "ammunition")),
    ("Shells for howitzers were shipped to Kiev last week.", ("Shells", "ammunition")),
    ("Lockheed Corp <LK> will sell F-16 fighters to Turkey.", ("F-16 fighters", "aircraft")),
    ("Argentina will buy 24 Danish F-16s, President Javier Milei said.", ("F-16s", "aircraft")),
])
def test_weapon_next_to_a_company_name_is_still_a_weapon(ents, text, expected):
    assert expected in weapons(ents(text, D2024))


@pytest.mark.parametrize("text, label", [
    ("Arus Corp said it received a letter of intent from a bank.", "COMPANY"),      # designator
    ("Data General <DGN> said it would offer new network products.", "COMPANY"),   # ticker after the name
])
def test_company_shaped_organisation_is_a_company(ents, text, label):
    name = text.split(" said")[0].split(" <")[0]
    assert any(m.text == name and m.label == label for m in ents(text)), ents(text)


@pytest.mark.parametrize("text, short", [
    ("Pan Am Corp is for sale, analysts said. Pan Am announced an order for 40 new aircraft.", "Pan Am"),
    ("AMR Corp's American Airlines said it will buy 40 jets. American will acquire the planes next year.",
     "American"),
])
def test_short_name_of_a_company_named_earlier_is_the_company(ents, text, short):
    later = [m for m in ents(text) if m.text == short]
    assert later and all(m.label == "COMPANY" for m in later), ents(text)


@pytest.mark.parametrize("text, short", [
    ("Whitehall Corp said the Navy will lease two surveillance systems from Whitehall.", "Whitehall"),
    ("Kremlin Industries <KRM> said it won an order. Kremlin will deliver the parts in May.", "Kremlin"),
])
def test_company_named_after_a_seat_of_government_is_no_state(ents, text, short):
    named = [m for m in ents(text) if m.text.startswith(short)]
    assert named and all(m.label == "COMPANY" and not m.country_iso3 for m in named), ents(text)


def test_the_seat_of_government_alone_is_still_its_state(ents):
    assert any(m.text == "Whitehall" and m.country_iso3 == "GBR" for m in ents("Whitehall said Britain would send tanks."))


def test_company_recipient_gives_no_transfer_row(nlp):
    # the weapon word in the name is not a weapon, and a company is not a receiving state
    assert rows(nlp, "The United States sold 20 helicopters to Petroleum Helicopters Inc.") == set()
    assert rows(nlp, "The United States sold 20 helicopters to Peru.") == {("USA", "PER", "helicopters")}


# ----------------------------------------------------------------------------- tanks that hold liquids
@pytest.mark.parametrize("text", [
    "Sunflowerseed oil sold at 346.50 dlrs a tonne for May/Jul, ex-tank Rotterdam.",
    "Rapeseed oil for April traded at 297 stg, ex-tank Hamburg.",
    "The refinery added two crude tanks and a new tank terminal at the port.",
    "Another U.S. firm may be used to supply radiator tanks for the cars.",
    "The company leases tank storage capacity to chemical traders.",
])
def test_storage_and_trading_tank_is_not_armour(ents, text):
    no_weapon(ents, text)


@pytest.mark.parametrize("text", [
    "Germany delivered Leopard tanks to Poland.",
    "The army received 40 tanks from the Soviet Union.",
    "Egypt will build the M-1A1 battle tank under licence.",
])
def test_battle_tank_is_still_armour(ents, text):
    assert any(c == "armoured_vehicles" for _, c in weapons(ents(text)))


# ----------------------------------------------------------------------------- arms control is no weapon
@pytest.mark.parametrize("text", [
    "The proposals were made to the Soviet Union at the Geneva arms control talks.",
    "Both sides resumed arms-control negotiations in Vienna.",
    "The Senate is expected to ratify the arms reduction treaty this year.",
    "Several arms experts doubted the verification proposals.",
])
def test_arms_control_is_not_a_weapon(ents, text):
    no_weapon(ents, text)


def test_arms_sales_are_still_arms(ents, nlp):
    assert ("arms", "unspecified") in weapons(ents("The secret arms sales to Iran were approved in 1985."))
    assert rows(nlp, "The United States sold arms to Iran in 1985.") == {("USA", "IRN", "unspecified")}


# ----------------------------------------------------------------------------- another sense in the sentence
@pytest.mark.parametrize("text", [
    # bonds
    "The state tender of a new 6.25 pct eight-year bullet indicates active bond trading.",
    "The bank is planning a 300 mln guilder bullet bond due 1995.",
    "It is raising 150 mln marks through a 5-1/2 pct bullet eurobond priced at 100-1/4.",
    # space launchers
    "An unmanned Delta rocket carrying a weather satellite lifted off from Cape Canaveral.",
    "Thiokol made the solid-rocket boosters blamed for the loss of the space shuttle.",
    "The Ariane rocket will put two communications satellites into orbit.",
    "The agriculture department will have to bite the bullet on farm subsidies.",
    # data tapes
    "The company introduced a streaming cartridge tape drive for system back-up.",
    "Data on an optical disk cartridge can be read in 250 milliseconds.",
    # credit ratings shaped like designations
    "The issue is rated B-2 by Moody's and B-minus by Standard and Poor's.",
    "Moody's raised the company's subordinated debt to B-1 from B-2.",
    "Duff and Phelps lowered the preferred stock rating to D&P-8 from D&P-6.",
    "The offering consists of 79 mln dlrs of adjustable rate class J-1 bonds.",
    # a food aid law shaped like a designation
    "Honduras will tender for U.S. wheat under PL-480 next week.",
])
def test_weapon_word_in_another_sense(ents, text):
    no_weapon(ents, text)


@pytest.mark.parametrize("text, category", [
    ("The rebels received bullets and rifles from Iran.", "ammunition"),
    ("Hezbollah fired rockets at northern Israel.", "ammunition"),
    ("The Air Force ordered 100 B-1 bombers from Rockwell.", "aircraft"),
    ("The regiment was short of cartridges for its rifles.", "ammunition"),
])
def test_military_sense_of_the_same_words(ents, text, category):
    assert any(c == category for _, c in weapons(ents(text)))


# ----------------------------------------------------------------------------- words that need a military sentence
@pytest.mark.parametrize("text", [
    "General Electric said its unducted fan jet engine lived up to expectations in tests.",
    "Rolls Royce, the state-owned car and aircraft engine maker, is seeking a loan.",
    "A shortage of spare parts had reduced the output of the country's factories.",
    # generic aircraft and helicopter words in a sentence about civil aviation or civil goods
    "Hunter Helicopter builds two-passenger helicopters that retail for about 50,000 dlrs.",
    "Saudi institutions would buy U.S. cars, computers, helicopters and ambulances.",
    # a weapon name that is also a town, in an all-capitals weather table
    "RAIN RECORDED IN THE 24 HOURS TO 1200 GMT: CASCAVEL NIL, PONTA GROSSA 0.2 MILLIMETRES.",
    # an unknown model number before a bare generic head
    "Comair agreed to buy 12 XJ-900 aircraft for its regional routes.",
    "The company launched its V530 system for office networks.",
])
def test_context_dependent_word_without_military_sense(ents, text):
    no_weapon(ents, text)


@pytest.mark.parametrize("text, expected", [
    ("The air force ordered new jet engines for its fighters.", ("jet engines", "engines")),
    ("Iran sought spare parts for its HAWK missiles.", ("spare parts", "other")),
    ("Israel sold a radar system to the Indian air force.", ("radar system", "sensors")),
    ("Another 16 radar systems will be handed over to Kyiv next year.", ("radar systems", "sensors")),
    # no military word in the sentence: the article gives the sense
    ("India's air force flies the Tejas fighter. GE will supply jet engines to India.", ("jet engines", "engines")),
    ("The air force will receive 12 XJ-900 aircraft next year.", ("XJ-900 aircraft", "aircraft")),
    ("South Korea will export KF-21 fighter jets to Poland.", ("KF-21 fighter jets", "aircraft")),
    ("Brazil sold EE-9 Cascavel armoured cars to Iraq.", ("EE-9 Cascavel armoured cars", "armoured_vehicles")),
    ("The army bought 12 helicopters from Italy.", ("helicopters", "helicopters")),
])
def test_context_dependent_word_with_military_sense(ents, text, expected):
    assert expected in weapons(ents(text, D2024))


# ----------------------------------------------------------------------------- a class of plain vessels
@pytest.mark.parametrize("text, armed", [
    ("Crowley will pay a fixed lease for the four Lancer class vessels.", False),
    ("The shipping line chartered three Econ class ships for the Atlantic run.", False),
    ("The navy leased four Godavari class vessels to Sri Lanka.", True),
    ("India bought two Kilo-class submarines from the Soviet Union.", True),
])
def test_class_of_generic_vessels_needs_a_naval_sentence(ents, text, armed):
    assert bool(weapons(ents(text))) is armed, weapons(ents(text))


# ----------------------------------------------------------------------------- a business or a know-how
@pytest.mark.parametrize("text", [
    "Lear Siegler plans to sell its Smith and Wesson handgun business to a group of investors.",
    "The Pentagon halted contracts over the transfer of submarine technology to the Soviet Union.",
    "The group agreed to sell its rifle division to a British company.",
])
def test_weapon_word_naming_a_business_or_know_how(ents, text):
    no_weapon(ents, text)


def test_weapons_themselves_still_count(ents):
    assert ("handguns", "small_arms") in weapons(ents("The company sold handguns to Mexico."))


# ----------------------------------------------------------------------------- civil goods in transfer data
@pytest.mark.parametrize("text", [
    # airliners
    "American Airlines will buy 25 wide-bodied planes from Airbus Industrie.",
    "Swissair ordered five more long-haul planes from McDonnell Douglas.",
    "Finnair bought three A-310 aircraft and two 747s from Boeing and Airbus.",
    # cars
    "Chrysler is discussing the supply of 2.2 liter four-cylinder engines to China.",
    "Japan agreed to buy more U.S.-made parts for its automakers.",
    # computers, telecom and other industry
    "Toshiba supplied high technology equipment to the Soviet Union.",
    "Two firms will sell computers and related equipment to Iran.",
    "Ericsson will supply telephone testing equipment to Mexico.",
    "Swedish exports to Pakistan will include laboratory equipment and diesel engine spares.",
])
def test_civil_goods_give_no_transfer(nlp, text):
    assert rows(nlp, text) == set(), text


@pytest.mark.parametrize("text", [
    # the same civil goods in a sentence that also speaks of the military: the civil cue or the civil modifier
    # of the goods decides, not the military word next to them
    "Boeing, which also builds fighters for the air force, will sell five long-haul planes to Egypt.",
    "Airbus will sell 25 wide-bodied planes to Egypt, whose air force flies Mirage fighters.",
    "The defence ministry bought 2.2 liter four-cylinder engines for its staff cars from Japan.",
    "The army will buy computers and related equipment from the United States.",
    "Toshiba exported high technology equipment to the Soviet military.",
    "The United States sold telephone testing equipment to the Egyptian army.",
])
def test_civil_goods_next_to_military_words_give_no_transfer(nlp, text):
    assert rows(nlp, text) == set(), text


@pytest.mark.parametrize("text, expected", [
    ("Germany delivered Leopard tanks to Poland.", {("DEU", "POL", "armoured_vehicles")}),
    ("The United States shipped shells for howitzers to Ukraine.", {("USA", "UKR", "ammunition")}),
    ("The United States will supply F-16 engines for Turkey's air force.", {("USA", "TUR", "engines")}),
    ("The United States plans to sell 84 mln dlrs in electronic equipment to South Korea to upgrade its "
     "Hawk missiles.", {("USA", "KOR", "unspecified")}),
])
def test_military_transfers_still_read(nlp, text, expected):
    assert rows(nlp, text, D2024) == expected


@pytest.mark.parametrize("text, category", [
    ("The United States delivered 5,000 bulletproof vests to Ecuador.", "other"),
    ("Germany sent 20,000 bullet-proof vests to Ukraine last year.", "other"),
    ("France shipped bullet proof vests and helmets to Niger.", "other"),
])
def test_body_armour_is_not_ammunition(nlp, text, category):
    from tests.test_transfers import run

    assert {r.weapon_category for r in run(nlp, text)} == {category}
