"""Entity extraction: countries, organisations, people, weapons (pipeline.extract.entities).

Each case names the phenomenon it guards; the model is loaded once per session (conftest ``nlp``).
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from pipeline.extract.entities import country_of, extract_entities, weapon_category_of, weapon_origin_of
from pipeline.vocab import ENTITY_LABELS, WEAPON_CATEGORIES

DATA = Path(__file__).resolve().parent.parent / "pipeline" / "data"
SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "000_144391ea574750d6.txt"
D1987 = dt.date(1987, 3, 19)
D2023 = dt.date(2023, 6, 1)


@pytest.fixture(scope="module")
def run(nlp):
    cache = {}

    def _run(text, published=D2023):
        key = (text, published)
        if key not in cache:
            cache[key] = extract_entities(nlp(text), published)
        return cache[key]

    return _run


def countries(mentions):
    """The scorer's view: distinct ISO3 of COUNTRY and ORG mentions."""
    return {m.country_iso3 for m in mentions if m.label in ("COUNTRY", "ORG") and m.country_iso3}


def find(mentions, text, label=None):
    hits = [m for m in mentions if m.text == text and (label is None or m.label == label)]
    return hits[0] if hits else None


# ----------------------------------------------------------------------------- countries
@pytest.mark.parametrize("phenomenon, text, expected", [
    ("longest match: North Korea is not Korea",
     "North Korea has shipped artillery shells to Russia, officials said.", {"PRK", "RUS"}),
    ("longest match: South Korea",
     "South Korea signed a contract for K9 howitzers with Poland.", {"KOR", "POL"}),
    ("word boundary: Niger vs Nigeria",
     "Niger and Nigeria both received armoured vehicles last year.", {"NER", "NGA"}),
    ("Nigeria alone never yields Niger",
     "Nigeria ordered twelve Super Tucano aircraft.", {"NGA"}),
    ("Guinea, Guinea-Bissau, Papua New Guinea are three states",
     "Guinea, Guinea-Bissau and Papua New Guinea sent observers.", {"GIN", "GNB", "PNG"}),
    ("Papua New Guinea alone never yields Guinea",
     "Papua New Guinea bought patrol boats from Australia.", {"PNG", "AUS"}),
    ("South Sudan is not Sudan",
     "South Sudan accused its neighbours of arming rebels.", {"SSD"}),
    ("Turkey and its new name Türkiye",
     "Türkiye, formerly Turkey, builds Bayraktar drones.", {"TUR"}),
    ("Turkey without the umlaut",
     "Officials in Turkiye said Turkey would buy more F-16s.", {"TUR"}),
    ("Jordan the country",
     "Jordan received Javelin missiles from the United States.", {"JOR", "USA"}),
    ("Chad the country",
     "Chad bought two Su-25 aircraft from Ukraine.", {"TCD", "UKR"}),
    ("Chad before a title is still the country",
     "Chad President Idriss Deby asked France for Mirage jets.", {"TCD", "FRA"}),
    ("Georgia the country",
     "Georgia asked NATO for air defence systems after the war with Russia.", {"GEO", "RUS"}),
    ("US abbreviation, not the pronoun us",
     "US officials told us the sale was approved.", {"USA"}),
    ("possessive: Russia's",
     "Russia's war in Ukraine has drained its stocks.", {"RUS", "UKR"}),
    ("demonyms: Iranian, North Korean",
     "Iranian drones and North Korean shells reached the front.", {"IRN", "PRK"}),
    ("abbreviations DPRK ROK UAE PRC UK",
     "The DPRK, the ROK, the UAE, the PRC and the UK sent delegations.", {"PRK", "KOR", "ARE", "CHN", "GBR"}),
    ("the US$ currency is not a country mention",
     "The contract is worth US$50 million, the company said.", set()),
    ("regions with a country word are not states",
     "Tankers in the Persian Gulf and Latin American buyers met on the Korean Peninsula.", set()),
    ("international organisations swallow their demonyms",
     "The Organization of American States and the United Nations met.", set()),
    ("seats of government stand for their state",
     "The White House and the Pentagon said the Kremlin was lying.", {"USA", "RUS"}),
    ("ministries stand for their state",
     "The State Department and the Department of Defense approved the sale.", {"USA"}),
    ("capital used for its government",
     "Washington said Tehran had supplied the drones.", {"USA", "IRN"}),
    ("historical states",
     "East Germany, West Germany, Yugoslavia and Czechoslovakia bought Soviet tanks.",
     {"DDR", "DEU", "YUG", "CSK", "SUN"}),
    ("combining form: Sino-Soviet",
     "The Sino-Soviet split changed arms flows.", {"CHN", "SUN"}),
    ("combining form: Indo-Russian",
     "Indo-Russian defence ties and Anglo-French talks continued.", {"IND", "RUS", "GBR", "FRA"}),
    ("region, not a combining form: Indo-Pacific",
     "Japan is expanding its navy in the Indo-Pacific.", {"JPN"}),
])
def test_country_sets(run, phenomenon, text, expected):
    assert countries(run(text)) == expected, phenomenon


@pytest.mark.parametrize("phenomenon, text", [
    ("a person called Jordan (first name)", "Jordan Smith, a spokesman for the company, declined to comment."),
    ("a person called Jordan (surname)", "The analyst Michael Jordan said demand was rising."),
    ("a person called Chad", "Chad Johnson, an analyst at the bank, said the order was large."),
    ("lower-case turkey and chad", "The turkey was served while officials counted each hanging chad."),
    ("Georgia the US state", "Lockheed Martin builds the C-130 at its plant in Marietta, Georgia, the company said."),
    ("Georgia the US state before a title, with a US place in the sentence",
     "Georgia Gov. Brian Kemp visited the plant near Savannah on Monday."),
    ("an honorific before Jordan", "Mr. Jordan, the company's chairman, said sales would grow."),
    ("a person called Israel", "Defence Minister Israel Katz visited the base."),
    ("a news outlet named after a capital", "The official told the Washington Examiner on condition of anonymity."),
])
def test_not_a_country(run, phenomenon, text):
    assert countries(run(text)) == set(), phenomenon


def test_possessive_span_excludes_s(run):
    m = find(run("Russia's stocks of shells are low."), "Russia")
    assert m is not None and m.label == "COUNTRY" and m.country_iso3 == "RUS"


@pytest.mark.parametrize("published, iso", [(D1987, "SUN"), (D2023, "RUS")])
def test_era_moscow_kremlin_russia(run, published, iso):
    ms = run("Moscow will buy the radars, the Kremlin said, and Russia will pay.", published)
    assert {m.country_iso3 for m in ms if m.text in ("Moscow", "Kremlin", "Russia")} == {iso}
    assert find(ms, "Kremlin").label == "ORG"


def test_the_soviets_and_soviet_made(run):
    ms = run("The Soviets delivered Soviet-made MiG-29 fighters to Syria.", D1987)
    assert find(ms, "Soviets").country_iso3 == "SUN"
    soviet = find(ms, "Soviet", "COUNTRY")
    assert soviet is not None and soviet.country_iso3 == "SUN"            # the span is "Soviet", not "Soviet-made"


def test_dateline_capital_is_a_location(run):
    ms = run("WASHINGTON, March 6 - General Instrument Corp has received a contract, the Navy said.", D1987)
    assert find(ms, "WASHINGTON").label == "LOCATION"
    assert countries(ms) == set()                       # "the Navy" unqualified is no state either


def test_capital_inside_a_name_is_not_the_state(run):
    ms = run("The report appeared in the Washington Post and the Moscow Times.")
    assert countries(ms) == set()


def test_canonical_names(run):
    ms = run("The U.S. and Britain talked to the Soviets.", D1987)
    assert {m.text: m.canonical_name for m in ms if m.label == "COUNTRY"} == {
        "U.S.": "United States", "Britain": "United Kingdom", "Soviets": "Soviet Union"}


# ----------------------------------------------------------------------------- organisations
@pytest.mark.parametrize("phenomenon, text, surface, label, iso, canonical", [
    ("defence company with home state", "Lockheed Martin Corp won the contract.", "Lockheed Martin Corp",
     "COMPANY", "USA", "Lockheed Martin"),
    ("company swallows its country word", "Israel Aerospace Industries sold radars to India.",
     "Israel Aerospace Industries", "COMPANY", "ISR", "Israel Aerospace Industries"),
    ("Russian export agency", "Rosoboronexport signed the deal.", "Rosoboronexport", "COMPANY", "RUS",
     "Rosoboronexport"),
    ("composite ministry", "The Russian Defense Ministry is buying shells.", "Russian Defense Ministry", "ORG",
     "RUS", "Ministry of Defence (Russia)"),
    ("composite ministry, possessive", "Ukraine's Defence Ministry confirmed the delivery.",
     "Ukraine's Defence Ministry", "ORG", "UKR", "Ministry of Defence (Ukraine)"),
    ("qualified armed force", "The U.S. Navy tested the torpedo.", "U.S. Navy", "ORG", "USA",
     "Navy (United States)"),
    ("Royal prefix", "The Royal Saudi Air Force received Typhoon jets.", "Royal Saudi Air Force", "ORG", "SAU",
     "Air Force (Saudi Arabia)"),
    ("state body by acronym", "The IRGC displayed new missiles.", "IRGC", "ORG", "IRN",
     "Islamic Revolutionary Guard Corps"),
    ("non-state armed group", "Hezbollah received rockets from Iran.", "Hezbollah", "GROUP", None, "Hezbollah"),
    ("group alias to canonical", "Houthi rebels fired a drone at the ship.", "Houthi rebels", "GROUP", None,
     "Houthis"),
    ("lower-case contras", "Congress voted military aid for the contras.", "contras", "GROUP", None, "Contras"),
    ("media outlet is ORG without state", "The Washington Examiner reported the sale.", "Washington Examiner",
     "ORG", None, "Washington Examiner"),
    ("international organisation", "NATO allies pledged more Patriot systems.", "NATO", "ORG", None, "NATO"),
])
def test_organisations(run, phenomenon, text, surface, label, iso, canonical):
    m = find(run(text), surface)
    assert m is not None, phenomenon
    assert (m.label, m.country_iso3, m.canonical_name) == (label, iso, canonical), phenomenon


def test_unqualified_army_is_not_a_state(run):
    assert countries(run("The Army awarded the contract on Tuesday.")) == set()


def test_company_named_after_its_state_is_a_company(run):
    ms = run("McDonnell Douglas Corp said Korean Air signed orders for four MD-11 jets.", D1987)
    m = find(ms, "Korean Air")
    assert m is not None and (m.label, m.country_iso3) == ("COMPANY", "KOR")
    assert countries(ms) == set()


def test_demonym_describing_a_company_stays_a_country(run):
    ms = run("Rico Luman, an economist at Dutch bank ING, told CNBC by email.")
    assert countries(ms) == {"NLD"}


def test_spacy_org_with_a_demonym_gets_the_state(run):
    ms = run("The deal was signed by the Indian Air Force and Boeing.")
    assert any(m.label == "ORG" and m.country_iso3 == "IND" and "Indian Air Force" in m.text for m in ms)


# ----------------------------------------------------------------------------- people
@pytest.mark.parametrize("text, surface", [
    ("Pentagon Press Secretary Brig. General Pat Ryder told reporters on Tuesday.", "Pat Ryder"),
    ("Russian President Vladimir Putin's visit to Iran was brief.", "Vladimir Putin"),
])
def test_person_titles_stripped(run, text, surface):
    ms = run(text)
    persons = [m for m in ms if m.label == "PERSON"]
    assert [m.canonical_name for m in persons] == [surface]
    assert all(p.text == surface for p in persons)


def test_title_alone_is_not_a_person(run):
    ms = run("Pentagon Press Secretary Brig. General Pat Ryder told reporters on Tuesday.")
    assert not any(m.label == "PERSON" and m.text.startswith("Brig") for m in ms)


def test_surname_later_is_the_same_person(run):
    ms = run("Spokesman Pat Ryder spoke on Tuesday. \"We have no comment,\" Ryder said.")
    later = [m for m in ms if m.text == "Ryder"]
    assert later and all(m.label == "PERSON" and m.canonical_name == "Pat Ryder" for m in later)


# ----------------------------------------------------------------------------- weapons
@pytest.mark.parametrize("phenomenon, text, surface, canonical, category", [
    ("plural designation", "Slovakia will buy 14 F-16s.", "F-16s", "F-16", "aircraft"),
    ("hyphen-less designation", "The F16 deal was signed.", "F16", "F-16", "aircraft"),
    ("block number", "Bulgaria ordered the F-16 Block 70.", "F-16 Block 70", "F-16", "aircraft"),
    ("variant suffix", "India operates the Su-30MKI.", "Su-30MKI", "Su-30", "aircraft"),
    ("letter suffix after a hyphen", "India will buy 26 Rafale-M jets.", "Rafale-M jets", "Rafale", "aircraft"),
    ("plural air defence system", "Turkey bought S-400s from Russia.", "S-400s", "S-400", "air_defence"),
    ("named variant", "China was the first buyer of the S-400 Triumf.", "S-400 Triumf", "S-400", "air_defence"),
    ("tank variant", "Russia fielded the T-72B3 in Ukraine.", "T-72B3", "T-72", "armoured_vehicles"),
    ("tank variant with number", "Canada sent Leopard 2A6 tanks.", "Leopard 2A6 tanks", "Leopard 2",
     "armoured_vehicles"),
    ("interceptor variant", "Japan will build PAC-3 MSE interceptors.", "PAC-3 MSE interceptors", "Patriot",
     "air_defence"),
    ("family designation", "Russia fired Kh-101 cruise missiles.", "Kh-101 cruise missiles", "Kh-101", "missiles"),
    ("designation joined with generic term", "Iran acquired Silkworm missiles.", "Silkworm missiles", "Silkworm",
     "missiles"),
    ("ambiguous designation needs a weapon word: missiles", "Iran bought Hawk missile parts.", "Hawk missile",
     "Hawk", "air_defence"),
    ("ambiguous designation needs a weapon word: jets", "Saudi Arabia ordered Hawk jets.", "Hawk jets",
     "BAE Hawk", "aircraft"),
    ("mark number and an adjective before the generic term", "BAe will supply 20 Hawk Mk 66 advanced jet trainers.",
     "Hawk Mk 66 advanced jet trainers", "BAE Hawk", "aircraft"),
    ("ambiguous tank name with head", "The Abrams tanks arrived.", "Abrams tanks", "M1 Abrams",
     "armoured_vehicles"),
    ("unknown designation with generic term", "Poland bought KF-21 fighter jets.", "KF-21 fighter jets", "KF-21",
     "aircraft"),
    ("ship class with generic term", "Iran bought Kilo-class submarines.", "Kilo-class submarines", "Kilo-class",
     "submarines"),
    ("caliber with generic term", "The US sent 155mm artillery shells.", "155mm artillery shells",
     "155mm artillery shells", "ammunition"),
    ("a system's rounds are ammunition", "The package includes HIMARS ammunition.", "HIMARS ammunition",
     "HIMARS", "ammunition"),
])
def test_weapon_designations(run, phenomenon, text, surface, canonical, category):
    m = find(run(text), surface, "WEAPON")
    assert m is not None, phenomenon
    assert (m.canonical_name, m.weapon_category) == (canonical, category), phenomenon


@pytest.mark.parametrize("text, surface, category", [
    ("Russia bought drones from Iran.", "drones", "uav"),
    ("They used loitering munitions.", "loitering munitions", "uav"),
    ("North Korea sold millions of rockets.", "rockets", "ammunition"),
    ("The army needs artillery shells.", "artillery shells", "ammunition"),
    ("Kyiv asked for fighter jets.", "fighter jets", "aircraft"),
    ("The navy ordered attack helicopters.", "attack helicopters", "helicopters"),
    ("Egypt wants surface-to-air missiles.", "surface-to-air missiles", "air_defence"),
    ("Pakistan tested ballistic missiles.", "ballistic missiles", "missiles"),
    ("Germany sent armoured personnel carriers.", "armoured personnel carriers", "armoured_vehicles"),
    ("The US sent armored personnel carriers.", "armored personnel carriers", "armoured_vehicles"),
    ("Iran supplied small arms.", "small arms", "small_arms"),
    ("Seoul sent howitzers.", "howitzers", "artillery"),
    ("The navy bought two submarines.", "submarines", "submarines"),
    ("Russia supplied military equipment.", "military equipment", "unspecified"),
    ("Iran supplied weapons.", "weapons", "unspecified"),
])
def test_generic_weapon_terms(run, text, surface, category):
    m = find(run(text), surface, "WEAPON")
    assert m is not None and m.weapon_category == category


@pytest.mark.parametrize("phenomenon, text, word", [
    ("think tank", "A think tank in Washington published the report.", "tank"),
    ("freedom fighters", "Reagan called the contras freedom fighters.", "fighters"),
    ("shell company", "The money went through a shell company.", "shell"),
    ("a person named Abrams", "Assistant Secretary of State Elliott Abrams testified.", "Abrams"),
    ("an ambiguous designation alone", "The Tornado hit the town in Oklahoma.", "Tornado"),
    ("civil airliners", "Korean Air ordered four MD-11 jets.", "MD-11 jets"),
])
def test_not_a_weapon(run, phenomenon, text, word):
    assert not any(m.label == "WEAPON" and word in m.text for m in run(text)), phenomenon


@pytest.mark.parametrize("text, country_word, weapon, iso", [
    ("Russia intends to import hundreds of Iranian drones.", "Iranian", "drones", "IRN"),
    ("Iran has acquired Chinese-made Silkworm missiles.", "Chinese", "Silkworm missiles", "CHN"),
    ("Turkey deployed the Russian S-400 system.", "Russian", "S-400 system", "RUS"),
    ("The rebels fired US-made TOW missiles.", "US", "TOW missiles", "USA"),
])
def test_weapon_origin_from_text_keeps_the_country_word(run, text, country_word, weapon, iso):
    ms = run(text)
    c, w = find(ms, country_word, "COUNTRY"), find(ms, weapon, "WEAPON")
    assert c is not None and c.country_iso3 == iso            # the demonym stays its own COUNTRY mention
    assert w is not None and w.country_iso3 == iso


def test_designation_inside_a_misread_person_span(run):
    # spaCy may read "Danish F-16s" as a PERSON; a designation with digits is never a name
    w = find(run("Argentina will buy 24 Danish F-16s, President Javier Milei said."), "F-16s", "WEAPON")
    assert w is not None and w.country_iso3 == "DNK"


def test_weapon_origin_from_gazetteer_follows_the_era(run):
    assert find(run("Syria received MiG-29 fighters.", D1987), "MiG-29 fighters").country_iso3 == "SUN"
    assert find(run("Syria received MiG-29 fighters.", D2023), "MiG-29 fighters").country_iso3 == "RUS"
    assert find(run("Iran received drones."), "drones").country_iso3 is None


# ----------------------------------------------------------------------------- helpers
@pytest.mark.parametrize("text, published, iso", [
    ("Russian", None, "RUS"), ("Russian", D1987, "SUN"), ("the Kremlin", D1987, "SUN"), ("Soviet-made", None, "SUN"),
    ("U.S.", None, "USA"), ("US", None, "USA"), ("us", None, None), ("North Korean", None, "PRK"),
    ("Iran's", None, "IRN"), ("Türkiye", None, "TUR"), ("Pentagon", None, "USA"), ("Virgin", None, None),
    ("Jordan", None, "JOR"), ("Persian Gulf", None, None),
])
def test_country_of(text, published, iso):
    assert country_of(text, published) == iso


@pytest.mark.parametrize("text, category", [
    ("F-16s", "aircraft"), ("Su-30MKI", "aircraft"), ("S-400s", "air_defence"), ("Iranian drones", "uav"),
    ("artillery shells", "ammunition"), ("Hawk missiles", "air_defence"), ("Kilo-class submarines", "submarines"),
    ("peace talks", None), ("MD-11", None),
])
def test_weapon_category_of(text, category):
    assert weapon_category_of(text) == category


def test_weapon_origin_of():
    assert weapon_origin_of("Su-30MKI") == "RUS"
    assert weapon_origin_of("drones") is None


# ----------------------------------------------------------------------------- the seed article and invariants
@pytest.fixture(scope="module")
def seed(nlp):
    if not SEED.exists():
        pytest.skip("seed article not available")
    text = SEED.read_text(encoding="utf-8")
    return text, extract_entities(nlp(text), dt.date(2022, 9, 6))


def test_seed_countries(seed):
    _, ms = seed
    assert {"RUS", "PRK", "IRN", "USA", "UKR"} <= {m.country_iso3 for m in ms if m.label == "COUNTRY"}


def test_seed_washington_examiner(seed):
    text, ms = seed
    assert not any(m.label == "PERSON" and "Washington" in m.text for m in ms)
    for start in [i for i in range(len(text)) if text.startswith("Washington Examiner", i)]:
        assert not any(m.country_iso3 == "USA" and m.char_start < start + 19 and start < m.char_end for m in ms)
    assert not any(m.label == "PERSON" and m.text in ("Brig", "Washington Examiner") for m in ms)


def test_seed_iranian_drones(seed):
    text, ms = seed
    drones = [m for m in ms if m.label == "WEAPON" and m.text == "drones"
              and text[m.char_start - 8:m.char_start] == "Iranian "]
    assert drones and all(m.weapon_category == "uav" and m.country_iso3 == "IRN" for m in drones)


def test_invariants(seed):
    text, ms = seed
    iso3s = {r["iso3"] for r in _data_rows("countries.csv")}
    assert [m.char_start for m in ms] == sorted(m.char_start for m in ms)
    for a, b in zip(ms, ms[1:]):
        assert a.char_end <= b.char_start, (a, b)
    for m in ms:
        assert text[m.char_start:m.char_end] == m.text
        assert m.label in ENTITY_LABELS
        assert m.country_iso3 is None or m.country_iso3 in iso3s
        assert (m.weapon_category in WEAPON_CATEGORIES) if m.label == "WEAPON" else m.weapon_category is None
        assert m.canonical_name


def test_unparsed_and_empty_docs(nlp):
    assert extract_entities(nlp.make_doc(""), None) == []
    ms = extract_entities(nlp.make_doc("Iran bought Chinese-made Silkworm missiles."), D1987)
    assert {(m.text, m.label, m.country_iso3) for m in ms} >= {
        ("Iran", "COUNTRY", "IRN"), ("Chinese", "COUNTRY", "CHN"), ("Silkworm missiles", "WEAPON", "CHN")}


def test_pure_and_repeatable(nlp):
    doc = nlp("The U.S. sold F-16s to Taiwan.")
    assert extract_entities(doc, D2023) == extract_entities(doc, D2023)


# ----------------------------------------------------------------------------- data files
def _data_rows(name):
    with open(DATA / name, encoding="utf-8") as f:
        return list(csv.DictReader(ln for ln in f if not ln.startswith("#")))


@pytest.mark.parametrize("name", ["countries.csv", "country_aliases.csv", "organisations.csv", "weapons.csv",
                                  "weapon_terms.csv"])
def test_data_files_state_their_source(name):
    head = [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines() if ln.startswith("#")]
    assert any(ln.startswith("# source:") for ln in head)


def test_data_codes_and_categories_are_known():
    iso3s = {r["iso3"] for r in _data_rows("countries.csv")}
    for name, col in [("country_aliases.csv", "iso3"), ("organisations.csv", "iso3"), ("weapons.csv", "origin_iso3")]:
        bad = {r[col] for r in _data_rows(name) if r[col] and r[col] not in iso3s}
        assert not bad, (name, bad)
    cats = set(WEAPON_CATEGORIES) | {"civil"}
    assert all(set(r["category"].split("|")) <= cats for r in _data_rows("weapons.csv"))
    assert all(r["category"] in cats for r in _data_rows("weapon_terms.csv"))
    assert len(_data_rows("weapons.csv")) >= 250
