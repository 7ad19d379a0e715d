"""Numeric figures and the designation masker: one parametrised family per phenomenon."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract.designations import designation_spans
from pipeline.extract.figures import extract_figures
from pipeline.vocab import QUALIFIERS, UNITS

SEED = Path("/work/shared/seeds/000_144391ea574750d6.txt")


def figs(nlp, sentence):
    return extract_figures(nlp(sentence))


def one(nlp, sentence, text):
    """The single figure whose text is ``text``."""
    found = [f for f in figs(nlp, sentence) if f.text == text]
    assert len(found) == 1, (text, [f.text for f in figs(nlp, sentence)])
    return found[0]


# --------------------------------------------------------------------------- exact counts

@pytest.mark.parametrize("sentence, text, value, item", [
    ("The army will procure 3,299 installed engines plus spare parts.", "3,299", 3299, "installed engines"),
    ("Slovakia is to buy 14 F-16 military jets from Lockheed Martin.", "14", 14, "F-16 military jets"),
    ("China sold two submarines to Bangladesh in 2016.", "two", 2, "submarines"),
    ("The navy ordered twelve frigates.", "twelve", 12, "frigates"),
    ("The ministry ordered twenty-five tanks.", "twenty-five", 25, "tanks"),
    ("Iraq bought a hundred and fifty tanks.", "a hundred and fifty", 150, "tanks"),
    ("The Pentagon will send a dozen jets.", "a dozen", 12, "jets"),
    ("Poland ordered two dozen Black Hawk helicopters.", "two dozen", 24, "Black Hawk helicopters"),
    ("Kyiv received half a dozen launchers.", "half a dozen", 6, "launchers"),
    ("The plant will make three million rounds.", "three million", 3_000_000, "rounds"),
    ("Britain will supply 20 Hawk Mk 66 advanced jet trainers.", "20", 20, "Hawk Mk 66 advanced jet trainers"),
    ("Helikopter Service will assemble 18 Bell 412 SP helicopters.", "18", 18, "Bell 412 SP helicopters"),
    ("Israel agreed to buy 27 of the A320 jets.", "27", 27, "A320 jets"),
    ("The Army will get 18 155mm howitzers.", "18", 18, "155mm howitzers"),
    ("The navy will buy one submarine from Germany.", "one", 1, "submarine"),
    # "over" as a phrasal verb's particle is no bound ("handed over 16" is 16, not more than 16)
    ("France handed over 16 Caesar howitzers to Malaysia.", "16", 16, "Caesar howitzers"),
    ("Kyiv turned over 40 captured tanks to the army.", "40", 40, "captured tanks"),
])
def test_exact_counts(nlp, sentence, text, value, item):
    f = one(nlp, sentence, text)
    assert (f.value, f.value_low, f.value_high) == (value, value, value)
    assert (f.qualifier, f.unit, f.currency) == ("exact", "count", None)
    assert f.item == item


def test_one_as_pronoun_is_not_a_count(nlp):
    assert figs(nlp, "One of the officials said no one else knew.") == []


def test_unparseable_number_is_kept_without_value(nlp):
    f = one(nlp, "They bought a dozen hundred tanks.", "a dozen hundred")
    assert f.value is None and f.value_low is None and f.value_high is None


# --------------------------------------------------------------------------- money

@pytest.mark.parametrize("sentence, text, value, currency", [
    ("Slovakia will pay $1.2 billion for the aircraft.", "$1.2 billion", 1.2e9, "USD"),
    ("Tround said revenues could reach 300 mln dlrs.", "300 mln dlrs", 3e8, "USD"),
    ("The Swiss order is worth 150 mln stg.", "150 mln stg", 1.5e8, "GBP"),
    ("The frigates cost 1.5bn euros.", "1.5bn euros", 1.5e9, "EUR"),
    ("Naval Group won a €500m contract.", "€500m", 5e8, "EUR"),
    ("Britain agreed a £2 billion package.", "£2 billion", 2e9, "GBP"),
    ("Canberra signed a A$2 billion deal.", "A$2 billion", 2e9, "AUD"),
    ("Ottawa approved a C$1.5 billion purchase.", "C$1.5 billion", 1.5e9, "CAD"),
    ("MHI expects profits of 30 billion yen.", "30 billion yen", 3e10, "JPY"),
    ("The contract is worth 5 billion roubles.", "5 billion roubles", 5e9, "RUB"),
    ("The ministry cleared Rs 500 crore for rifles.", "Rs 500 crore", 5e9, "INR"),
    ("The helicopters are worth 540 mln Norwegian crowns.", "540 mln Norwegian crowns", 5.4e8, "NOK"),
    ("China's budget is 954.35 billion yuan.", "954.35 billion yuan", 954.35e9, "CNY"),
    ("The company earned 84 cts a share.", "84 cts", 0.84, "USD"),
    ("It paid 10 million pounds for the radar.", "10 million pounds", 1e7, "GBP"),
    ("The earlier 1.4 billion dlr contract was for engines.", "1.4 billion dlr", 1.4e9, "USD"),
])
def test_money(nlp, sentence, text, value, currency):
    f = one(nlp, sentence, text)
    assert f.unit == "currency" and f.currency == currency
    assert f.value == pytest.approx(value) and f.qualifier == "exact"


def test_currency_without_country_is_null(nlp):
    f = one(nlp, "The helicopters are worth 540 mln crowns.", "540 mln crowns")
    assert f.unit == "currency" and f.currency is None and f.value == 5.4e8


def test_capitalised_currency_word_in_a_class_name_is_not_money(nlp):
    f = one(nlp, "Thailand shelved a deal for three Yuan-class submarines.", "three")
    assert f.unit == "count" and f.item == "Yuan-class submarines"


# --------------------------------------------------------------------------- ranges

@pytest.mark.parametrize("sentence, text, low, high, unit", [
    ("He said the 20 to 30 Iranian personnel were warned.", "20 to 30", 20, 30, "count"),
    ("Riyadh wants between six and eight submarines.", "between six and eight", 6, 8, "count"),
    ("The brigade lost 20-30 tanks.", "20-30", 20, 30, "count"),
    ("Kyiv asked for two or three batteries.", "two or three", 2, 3, "count"),
    ("The deal is worth 1.5 to 2 billion dlrs.", "1.5 to 2 billion dlrs", 1.5e9, 2e9, "currency"),
    ("Tround expects a six-to-eight-year production span.", "six-to-eight-year", 6, 8, "duration"),
    ("The investigations of the 1985-1986 arms sales continue.", "1985-1986", 1985, 1986, "year"),
    ("In fiscal 1985/86 aircraft accounted for 17.1 pct of sales.", "1985/86", 1985, 1986, "year"),
])
def test_ranges(nlp, sentence, text, low, high, unit):
    f = one(nlp, sentence, text)
    assert (f.qualifier, f.value, f.value_low, f.value_high, f.unit) == ("range", None, low, high, unit)


def test_from_to_is_a_change_not_a_range(nlp):
    out = figs(nlp, "The U.S. raised its Gulf fleet from seven to 10 warships.")
    assert [(f.text, f.value, f.qualifier) for f in out] == [("seven", 7, "exact"), ("10", 10, "exact")]


@pytest.mark.parametrize("sentence", [
    "The Senate voted 52-48 to block the sale.",
    "GE's stock declined 1/4 on the news.",
])
def test_scores_and_fractions_are_not_figures(nlp, sentence):
    assert [f for f in figs(nlp, sentence) if f.unit in ("count", "year")] == []


# --------------------------------------------------------------------------- bounds

@pytest.mark.parametrize("sentence, text, qualifier, value, low, high", [
    ("The country has tested more than 30 ballistic missiles.", "more than 30", "at_least", None, 31, None),
    ("Iran fired at least 30 missiles.", "at least 30", "at_least", None, 30, None),
    ("The contract covers up to 30 aircraft.", "up to 30", "at_most", None, None, 30),
    ("The law allows no more than 12 aircraft.", "no more than 12", "at_most", None, None, 12),
    ("The navy has fewer than 10 minesweepers.", "fewer than 10", "at_most", None, None, 9),
    ("Baghdad said its forces killed over 2,400 Iraqis.", "over 2,400", "at_least", None, 2401, None),
    ("The Army will buy 50 or more jets.", "50 or more", "at_least", None, 50, None),
    ("The regiment lost 30-odd tanks.", "30-odd", "approx", 30, 30, 30),
    ("Nearly 40 tanks were lost.", "Nearly 40", "approx", 40, 40, 40),
    ("Almost 1,500 combat missions were flown.", "Almost 1,500", "approx", 1500, 1500, 1500),
    ("About 120 ships have been attacked.", "About 120", "approx", 120, 120, 120),
    ("The group has around 36 launchers.", "around 36", "approx", 36, 36, 36),
    ("The meeting of some 500 top businessmen ended.", "some 500", "approx", 500, 500, 500),
    ("Officials counted roughly 60 drones.", "roughly 60", "approx", 60, 60, 60),
    ("Approximately 35,000 rifles were delivered.", "Approximately 35,000", "approx", 35000, 35000, 35000),
    ("Partners pledged more than $1 billion in support.", "more than $1 billion", "at_least", None, 1e9, None),
])
def test_bounds(nlp, sentence, text, qualifier, value, low, high):
    f = one(nlp, sentence, text)
    assert (f.qualifier, f.value, f.value_low, f.value_high) == (qualifier, value, low, high)


# --------------------------------------------------------------------------- vague quantities

@pytest.mark.parametrize("sentence, text, low, high, unit, item", [
    ("Russia is buying millions of rockets and artillery shells.", "millions", 1e6, 999e6, "count",
     "rockets and artillery shells"),
    ("RUSI said dozens of high-precision missiles were found.", "dozens", 24, 99, "count", None),
    ("Ukraine has received hundreds of additional air defense missiles.", "hundreds", 100, 999, "count",
     "additional air defense missiles"),
    ("The U.S. will send thousands of additional rockets.", "thousands", 1000, 9999, "count",
     "additional rockets"),
    ("Kyiv will get tens of thousands of shells.", "tens of thousands", 10_000, 99_999, "count", "shells"),
    ("We will deliver hundreds of thousands of additional artillery rounds.", "hundreds of thousands",
     100_000, 999_999, "count", "additional artillery rounds"),
    ("The Army lost a few tanks.", "a few", 2, 5, "count", "tanks"),
    ("Several Chinese officials attended.", "Several", 3, 9, "count", "Chinese officials"),
    ("Washington sent several hundred troops.", "several hundred", 300, 999, "count", "troops"),
    ("Japan wants to give the Philippines a handful of Beechcraft TC-90 King Air training planes.",
     "a handful", 2, 5, "count", "Beechcraft TC-90 King Air training planes"),
    ("Contractors made millions of dollars.", "millions of dollars", 1e6, 999e6, "currency", None),
])
def test_vague(nlp, sentence, text, low, high, unit, item):
    f = one(nlp, sentence, text)
    assert (f.qualifier, f.value, f.value_low, f.value_high, f.unit) == ("vague", None, low, high, unit)
    if item is not None:
        assert f.item == item
    if unit == "currency":
        assert f.currency == "USD"


def test_few_alone_is_not_a_quantity(nlp):
    assert figs(nlp, "Officials provided few details.") == []


# --------------------------------------------------------------------------- units

@pytest.mark.parametrize("sentence, text, value, unit", [
    ("A surprise 7.5 pct drop in orders was reported.", "7.5 pct", 7.5, "percent"),
    ("Shares have fallen 30% this year.", "30%", 30, "percent"),
    ("China will raise spending by 7.6 percent.", "7.6 percent", 7.6, "percent"),
    ("The state pays 12 per cent of the bill.", "12 per cent", 12, "percent"),
    ("Biden wants a new 10-year military aid package.", "10-year", 10, "duration"),
    ("Congress would then have 30 days to veto.", "30 days", 30, "duration"),
    ("The missile can hit targets 230 miles away.", "230 miles", 230, "distance"),
    ("The facility lies 10 kilometers north of Kyaukpyu.", "10 kilometers", 10, "distance"),
    ("The FSX will have a combat radius of 830 kms.", "830 kms", 830, "distance"),
    ("It was a retired 39,000-ton amphibious assault ship.", "39,000-ton", 39000, "weight"),
    ("It carried a 1,000-pound warhead.", "1,000-pound", 1000, "weight"),
    ("The bombs weigh 2,000 pounds each.", "2,000 pounds", 2000, "weight"),
    ("An earthquake measuring 6.5 on the Richter scale hit.", "6.5", 6.5, "other"),
])
def test_units(nlp, sentence, text, value, unit):
    f = one(nlp, sentence, text)
    assert (f.value, f.unit, f.qualifier) == (value, unit, "exact")


@pytest.mark.parametrize("sentence, text, value", [
    ("It was its first intercontinental missile flight.", "first", 1),
    ("Biden's trip is the third in a year.", "third", 3),
    ("Saronic ranked 19th on the list.", "19th", 19),
    ("Strategy for the twenty-first century.", "twenty-first", 21),
    ("The 3rd Fleet led the exercise.", "3rd", 3),
    ("The Navy raided a second oil rig.", "second", 2),
])
def test_ordinals(nlp, sentence, text, value):
    f = one(nlp, sentence, text)
    assert (f.unit, f.value, f.qualifier) == ("ordinal", value, "exact")


@pytest.mark.parametrize("sentence", [
    "Wait a second, he said.",
    "A third of the fleet was grounded.",
])
def test_time_nouns_and_fractions_are_not_ordinals(nlp, sentence):
    assert [f for f in figs(nlp, sentence) if f.unit == "ordinal"] == []


# --------------------------------------------------------------------------- years

@pytest.mark.parametrize("sentence, text", [
    ("The official said it was the first test since 2017.", "2017"),
    ("It signed the contract in 2022.", "2022"),
    ("The 1987 tax reform laws hit orders.", "1987"),
    ("Brunswick expects 1987 first quarter sales to rise.", "1987"),
    ("The backlog stood at 425 mln dlrs at 1986 year end.", "1986"),
    ("Its budget for 2016 of $573 billion was approved.", "2016"),
])
def test_years_are_not_counts(nlp, sentence, text):
    f = one(nlp, sentence, text)
    assert f.unit == "year" and f.value == float(text)


def test_year_shaped_count_of_a_plural_noun(nlp):
    f = one(nlp, "The army will procure 2000 rifles.", "2000")
    assert f.unit == "count" and f.item == "rifles"


def test_decade(nlp):
    f = one(nlp, "The F-16 was created in the 1970s.", "1970s")
    assert (f.unit, f.qualifier, f.value, f.value_low, f.value_high) == ("year", "range", None, 1970, 1979)


# --------------------------------------------------------------------------- designations and traps

@pytest.mark.parametrize("sentence", [
    "The F-16 and the S-400 are in service.",
    "Russia upgraded its T-72B3 tanks and Su-30MKI fighters.",
    "Korea builds the Type 214 submarine.",
    "The M777 is a towed howitzer.",
    "The MQ-9 Reaper flew over the strait.",
    "The PAC-3 MSE interceptor hit the target.",
    "India makes the AK-203 rifle.",
    "The F-16 Block 70/72 fighter jets replace MiG-29 jets.",
    "The F/A-18E/F Super Hornet landed.",
    "A B-2 bomber and a C-130 transport took part.",
    "The Leopard 2A6 and the Mirage 2000-5 were shown.",
    "China refitted a Type 035B (Ming-class) submarine.",
    "Iran supplied Shahed-131/136 drones.",
    "Airlines want Boeing's 787 and the Boeing 737 MAX.",
])
def test_designations_are_not_counts(nlp, sentence):
    assert [f for f in figs(nlp, sentence) if f.unit in ("count", "year")] == []


@pytest.mark.parametrize("sentence, text", [
    ("The U.S. will send 155mm shells.", "155mm"),
    ("The U.S. will send 155 mm shells.", "155 mm"),
    ("Russia fired 122-mm rockets.", "122-mm"),
    ("The rifle fires the 7.62×39mm cartridge.", "7.62×39mm"),
    ("It fits the Lucas 50 caliber gun turret.", "50 caliber"),
])
def test_calibres_are_unit_other(nlp, sentence, text):
    f = one(nlp, sentence, text)
    assert f.unit == "other" and f.item is None
    assert [g for g in figs(nlp, sentence) if g.unit == "count"] == []


@pytest.mark.parametrize("sentence", [
    "Call the press office on 202-555-0123 or (202) 555-0123.",
    "The prime minister returned to No. 10 on Monday.",
    "COVID-19 slowed deliveries.",
    "The G7 and the G20 met.",
    "NATO invoked Article 5.",
    "Iran violated Resolution 2231.",
    "The meeting started at 10:30 a.m.",
    "The ships opened fire at 0700 EDT.",
    "Congress received notice under Section 36(b).",
    "WASHINGTON, March 26 - The Navy said it had no comment.",
])
def test_identifiers_times_and_dates_are_not_counts(nlp, sentence):
    assert [f for f in figs(nlp, sentence) if f.unit == "count"] == []


@pytest.mark.parametrize("text, expected", [
    ("14 F-16 military jets", ["F-16"]),
    ("S-400, T-72B3, Su-30MKI", ["S-400", "T-72B3", "Su-30MKI"]),
    ("two Type 214 boats and Block 70 jets", ["Type 214", "Block 70"]),
    ("M777, MQ-9, PAC-3, AK-203", ["M777", "MQ-9", "PAC-3", "AK-203"]),
    ("F/A-18E/F and B-2 and C-130", ["F/A-18E/F", "B-2", "C-130"]),
    ("155mm and 155 mm shells", ["155mm", "155 mm"]),
    ("Leopard 2A6 and Bell 412", ["Leopard 2A6", "Bell 412"]),
    ("9M133 Kornet and 2S19 guns", ["9M133", "2S19"]),
    ("mid-2023 and Mid-2023 and sold Ukraine 31 Abrams tanks", []),
])
def test_designation_spans(text, expected):
    assert [text[a:b] for a, b in designation_spans(text)] == expected


# --------------------------------------------------------------------------- contract invariants

PARAGRAPH = ("WASHINGTON, March 26 - The U.S. approved the sale of 14 F-16 jets, 30 PAC-3 interceptors "
             "and more than 2,000 155mm shells worth $1.2 billion to the two countries, about 20 pct "
             "more than in 2021, officials said on Tuesday. Dozens of drones and between six and eight "
             "ships will follow over the next six years.")


def test_sorted_non_overlapping_and_in_vocabulary(nlp):
    doc = nlp(PARAGRAPH)
    out = extract_figures(doc)
    assert out, "expected figures"
    starts = [f.char_start for f in out]
    assert starts == sorted(starts)
    for a, b in zip(out, out[1:]):
        assert a.char_end <= b.char_start
    for f in out:
        assert doc.text[f.char_start:f.char_end] == f.text
        assert f.qualifier in QUALIFIERS and f.unit in UNITS


# --------------------------------------------------------------------------- the seed article

@pytest.fixture(scope="module")
def seed_figures(nlp):
    body = SEED.read_text(encoding="utf-8").split("\n", 1)[1]
    return extract_figures(nlp(body))


def test_seed_millions_of_rockets(seed_figures):
    f = next(f for f in seed_figures if f.text == "millions")
    assert (f.qualifier, f.value, f.value_low) == ("vague", None, 1e6)
    assert "rockets" in f.item and "artillery shells" in f.item


def test_seed_more_than_30_ballistic_missiles(seed_figures):
    f = next(f for f in seed_figures if f.text == "more than 30")
    assert (f.qualifier, f.value_low, f.item) == ("at_least", 31, "ballistic missiles")


def test_seed_2017_is_a_year(seed_figures):
    f = next(f for f in seed_figures if f.text == "2017")
    assert f.unit == "year"
    assert not [g for g in seed_figures if g.unit == "count" and g.value == 2017]


def test_seed_hundreds_of_drones(seed_figures):
    f = next(f for f in seed_figures if f.text == "hundreds")
    assert (f.value_low, f.value_high, f.item) == (100, 999, "Iranian drones")
