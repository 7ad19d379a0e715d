"""The rules behind the spread set (tests/behaviour/cases_spread.py), on plain values where they are pure.

``counts_named_later`` works on rows, figures and entities alone, so its cases are built by hand here: the
sentence offsets, the figure and the weapon entities are what the extractors would give.
"""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.extract.transfers.later_counts import _deal_ceiling, counts_named_later
from pipeline.extract.transfers.package_dates import dates_from_announcement
from pipeline.extract.transfers.rows import dedupe
from pipeline.records import EntityMention, Figure, TransferMention
from tests.test_transfers import run, tuples


def _article(first: str, second: str, count: str, item: str, extra_weapons=()):
    """Two sentences; the row is the first one's; the figure is ``count`` (then ``item``) in the second."""
    text = f"{first} {second}"
    sentences = [(0, len(first)), (len(first) + 1, len(text))]
    at = text.index(f"{count} {item}", sentences[1][0])
    fig = Figure(at, at + len(count), count, value=float(_VALUES[count]),
                 value_low=float(_VALUES[count]), value_high=float(_VALUES[count]), qualifier="exact",
                 unit="count", item=item)
    entities = [EntityMention(text.index(w, s), text.index(w, s) + len(w), w, "WEAPON", canonical_name=canon,
                              country_iso3=iso3, weapon_category=cat)
                for w, canon, iso3, cat, s in extra_weapons]
    return text, sentences, [fig], entities


_VALUES = {"18": 18, "four": 4, "eight": 8, "28": 28, "3,299": 3299}


def _row(text: str, sentences, weapon_text: str, category: str, supplier="NOR", recipient="PER"):
    a, b = sentences[0]
    return TransferMention(char_start=a, char_end=b, evidence=text[a:b], supplier_iso3=supplier,
                           recipient_iso3=recipient, weapon_text=weapon_text, weapon_category=category,
                           confidence=0.85)


@pytest.mark.parametrize("first,second,count,item,weapon,category,weapons,expected", [
    # a definite count of a weapon of the row's category, the next sentence
    ("Peru agreed to buy second-hand fighter jets from Norway.", "The 18 F-16s are to arrive next year.",
     "18", "F-16s", "fighter jets", "aircraft", [("F-16s", "F-16", "USA", "aircraft", 50)], 18),
    # the bare head noun of the row's weapon
    ("Romania will receive Patriot air defence systems from Norway.", "Raytheon will deliver all four systems.",
     "four", "systems", "Patriot air defence systems", "air_defence", [], 4),
    # a fleet word before the count: what the force has
    ("Chile bought used frigates from Norway in 2020.", "The navy now operates the eight frigates.",
     "eight", "frigates", "frigates", "ships", [("frigates", "frigate", None, "ships", 45)], None),
    # an indefinite count is news about something else
    ("Egypt may produce the tank.", "The Army will buy 3,299 tanks.",
     "3,299", "tanks", "tank", "armoured_vehicles", [("tanks", "tank", None, "armoured_vehicles", 28)], None),
    # another designation of the same category
    ("Poland ordered Apache helicopters from Norway.", "Its army will send the 28 Mi-24 helicopters home.",
     "28", "Mi-24 helicopters", "Apache helicopters", "helicopters",
     [("Apache helicopters", "AH-64 Apache", "USA", "helicopters", 0),
      ("Mi-24 helicopters", "Mi-24", "RUS", "helicopters", 40)], None),
])
def test_a_later_definite_count_of_the_same_weapons(first, second, count, item, weapon, category, weapons, expected):
    text, sentences, figs, ents = _article(first, second, count, item, weapons)
    row = _row(text, sentences, weapon, category)
    (out,) = counts_named_later([row], text, sentences, ents, figs)
    assert out.quantity_value == expected
    if expected is not None:
        assert out.quantity_text == count and out.confidence < row.confidence


def test_a_joint_total_stays_uncounted():
    """Two suppliers of the same weapons in one sentence: the count was left out on purpose."""
    text, sentences, figs, ents = _article("Norway and Denmark sent howitzers to Peru.", "The 18 howitzers arrived.",
                                           "18", "howitzers", [("howitzers", "howitzer", None, "artillery", 50)])
    rows = [_row(text, sentences, "howitzers", "artillery", supplier=s) for s in ("NOR", "DNK")]
    assert [r.quantity_value for r in counts_named_later(rows, text, sentences, ents, figs)] == [None, None]


def test_a_sentence_with_another_state_is_not_searched():
    text, sentences, figs, ents = _article("Peru bought fighter jets from Norway.", "Chile has the 18 F-16s too.",
                                           "18", "F-16s", [("F-16s", "F-16", "USA", "aircraft", 40)])
    ents.append(EntityMention(text.index("Chile"), text.index("Chile") + 5, "Chile", "COUNTRY", country_iso3="CHL"))
    (out,) = counts_named_later([_row(text, sentences, "fighter jets", "aircraft")], text, sentences, ents, figs)
    assert out.quantity_value is None


def _dated(start: int, derivation: str, day=None, supplier="USA", recipient="UKR") -> TransferMention:
    d = dt.date.fromisoformat(day) if day else None
    return TransferMention(char_start=start, char_end=start + 10, evidence="x", supplier_iso3=supplier,
                           recipient_iso3=recipient, weapon_category="artillery", date_start=d, date_end=d,
                           date_text=day, confidence=0.5, derivation=derivation)


@pytest.mark.parametrize("earlier,row,expected", [
    # the announcement before the contents dates them
    ([_dated(0, "sentence", "2024-04-29")], _dated(100, "previous_sentence"), "2024-04-29"),
    ([_dated(0, "speaker", "2024-04-29")], _dated(100, "article+speaker"), "2024-04-29"),
    # the nearest dated sentence of the dyad wins over an older delivery
    ([_dated(0, "sentence", "2021-01-01"), _dated(50, "sentence", "2024-05-01")], _dated(100, "article"), "2024-05-01"),
    # two dates in the nearest sentence: none
    ([_dated(50, "sentence", "2021-01-01"), _dated(50, "sentence", "2024-05-01")], _dated(100, "article"), None),
    # a sentence-local row keeps no date of its own
    ([_dated(0, "sentence", "2024-04-29")], _dated(100, "sentence"), None),
    # another dyad's date is not the package's
    ([_dated(0, "sentence", "2024-04-29", recipient="POL")], _dated(100, "previous_sentence"), None),
    # a date after the row is no announcement of it
    ([_dated(200, "sentence", "2024-04-29")], _dated(100, "previous_sentence"), None),
])
def test_package_contents_keep_the_announcements_date(earlier, row, expected):
    out = dates_from_announcement(earlier + [row])[-1]
    assert (out.date_start.isoformat() if out.date_start else None) == expected


def _mention(weapon_text: str, category: str, quantity=None, supplier="FRA", recipient="GRC", start=0,
             trigger=None):
    return TransferMention(char_start=start, char_end=start + 80, evidence="...", supplier_iso3=supplier,
                           recipient_iso3=recipient, weapon_text=weapon_text, weapon_category=category,
                           quantity_value=quantity, confidence=0.85, trigger=trigger or f"verb of {weapon_text}")


@pytest.mark.parametrize("rows,expected", [
    # "the jets are delivered ..., providing Greece with six Rafale fighters": one mention, its count kept
    ([_mention("jets", "aircraft"), _mention("Rafale fighters", "aircraft", 6)], [("Rafale fighters", 6)]),
    # the bare mention's count fills the named one's gap
    ([_mention("howitzers", "artillery", 12), _mention("K9 howitzers", "artillery")], [("K9 howitzers", 12)]),
    # two named weapons of one kind: nothing to fold into
    ([_mention("tanks", "armoured_vehicles"), _mention("K2 tanks", "armoured_vehicles", 40),
      _mention("Leopard tanks", "armoured_vehicles", 20)],
     [("tanks", None), ("K2 tanks", 40), ("Leopard tanks", 20)]),
    # another kind, another dyad or another sentence stays its own row
    ([_mention("jets", "aircraft"), _mention("K9 howitzers", "artillery", 6)], [("jets", None), ("K9 howitzers", 6)]),
    ([_mention("jets", "aircraft", recipient="TUR"), _mention("Rafale fighters", "aircraft", 6)],
     [("jets", None), ("Rafale fighters", 6)]),
    ([_mention("jets", "aircraft", start=100), _mention("Rafale fighters", "aircraft", 6)],
     [("jets", None), ("Rafale fighters", 6)]),
    # one verb's list of two items of a kind ("buying millions of rockets and artillery shells") stays two rows
    ([_mention("rockets", "ammunition", trigger="buy"), _mention("artillery shells", "ammunition", trigger="buy")],
     [("rockets", None), ("artillery shells", None)]),
    # an unnamed supplier is not folded into a named one's row
    ([_mention("jets", "aircraft", supplier=None), _mention("Rafale fighters", "aircraft", 6, supplier=None)],
     [("jets", None), ("Rafale fighters", 6)]),
])
def test_a_bare_weapon_word_beside_the_named_weapon_is_one_mention(rows, expected):
    assert [(r.weapon_text, r.quantity_value) for r in dedupe(rows)] == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Boeing is the contractor for up to 60 Harpoon missiles.", True),
    ("The order covers up to 152 CV90 vehicles, the ministry said.", True),
    ("The shipyard can build up to 12 boats a year.", False),          # a capacity, and a rate
    ("The yard delivers up to 12 boats per year.", False),              # a rate
    ("Leonardo produces up to 30 helicopters at its plant.", False),   # a production line
    ("Boeing is the contractor for the 60 Harpoon missiles.", False),   # no ceiling (the definite rule's case)
])
def test_an_up_to_count_is_a_deals_ceiling_unless_a_rate_or_capacity(sentence, expected):
    at = sentence.index("up to") if "up to" in sentence else sentence.index("60")
    end = sentence.index(" ", at + 6) if "up to" in sentence else at + 2
    item = sentence[end + 1:].split(",")[0].split(" a year")[0].split(" per year")[0].split(" at ")[0].rstrip(".")
    fig = Figure(at, end, sentence[at:end], value_high=60.0, qualifier="at_most" if "up to" in sentence else "exact",
                 unit="count", item=item)
    assert _deal_ceiling(sentence, 0, fig) is expected


@pytest.mark.parametrize("text, expected", [
    # a news agency in the dateline is no party: no (supplier, None) row beside the real one
    ("ABU DHABI, May 1 (AFP) - The UAE received its first VT-4 tanks from Beijing on Monday.",
     {("CHN", "ARE", "armoured_vehicles")}),
    ("SEOUL, May 1 (Reuters) - Seoul will sell 24 K9 howitzers to Cairo, officials said.",
     {("KOR", "EGY", "artillery")}),
    # a state's own exporter: its possessor sells, wherever the parser hangs 'state-run'
    ("The tanks were delivered to Romania by the German government's state-run arms exporter.",
     {("DEU", "ROU", "armoured_vehicles")}),
    ("Officials confirmed the delivery of 96 Rafale jets to Amman by Paris's state arms exporter.",
     {("FRA", "JOR", "aircraft")}),
    # but a client's supplier serves the possessor
    ("Russia is India's main arms supplier.", {("RUS", "IND", "unspecified")}),
])
def test_datelines_and_state_exporters(nlp, text, expected):
    assert tuples(run(nlp, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # the article's voice is the giver named elsewhere; a quote attributed to another state speaks for that one
    ('The United States will sell more missiles abroad this year. "We have signed for 24 Javelin missiles from '
     'Washington," the Indian defence minister told parliament.', ("USA", "IND", "missiles")),
    ('France has delivered Rafale jets to Greece. "We will buy 12 more Rafale jets from Paris," the Croatian '
     'defence minister said on Monday.', ("FRA", "HRV", "aircraft")),
])
def test_a_quote_speaks_for_the_state_of_its_own_speaker(nlp, text, expected):
    assert expected in tuples(run(nlp, text))


@pytest.mark.parametrize("text, expected", [
    # "which is R's main supplier": the relative clause's antecedent supplies (or, as customer, buys)
    ("The technology might fall into the hands of the Soviet Union, which is India's main weapons supplier.",
     {("SUN", "IND", "unspecified")}),
    ("Officials met envoys from Russia, which is Egypt's main arms supplier.", {("RUS", "EGY", "unspecified")}),
    ("Talks included India, which is Israel's biggest arms customer.", {("ISR", "IND", "unspecified")}),
    # a non-state group named by its head noun alone is the party: no state is borrowed for it
    ("Iran has supplied rockets to the militants, officials said.", {("IRN", None, "ammunition")}),
    ("The rebels received anti-tank missiles from Turkey.", {("TUR", None, "missiles")}),
    # (the administration speaks for the article's one giver; the rebels are not Ukraine)
    ("Ukraine received tanks from Poland in May. The administration intends to provide arms to the rebels.",
     {("POL", "UKR", "armoured_vehicles"), ("POL", None, "unspecified")}),
])
def test_relative_agents_and_bare_groups(nlp, text, expected):
    assert tuples(run(nlp, text)) == expected


@pytest.mark.parametrize("text", [
    "The U.S. has said it will not allow Iran to use the missiles to choke off oil shipments and has offered its "
    "warships to escort Kuwaiti tankers past the missile batteries.",
    "Britain will not let Argentina use the missiles near the islands and has sent its frigates to patrol the area.",
])
def test_a_holder_is_no_receiver_of_another_verbs_weapons(nlp, text):
    assert not any(r.recipient_iso3 in ("IRN", "ARG") for r in run(nlp, text))


@pytest.mark.parametrize("title, text", [
    ("U.S. firms lobby for Dutch helicopter order", "The Dutch seek 50 new army helicopters over ten years."),
    ("French yards bid for Greek frigate deal", "Athens is seeking four new frigates for its navy."),
])
def test_a_request_borrows_no_seller_from_the_headline(nlp, title, text):
    assert not any(r.supplier_iso3 for r in run(nlp, text, title=title))


def test_a_purchase_still_borrows_the_headlines_seller(nlp):
    rows = run(nlp, "The kingdom will buy 20 Leopard tanks, officials said.", title="Qatar buys German tanks")
    assert ("DEU", "QAT", "armoured_vehicles") in tuples(rows)


@pytest.mark.parametrize("text, absent", [
    # a receiver named, only not as a state: no state borrowed from the sentence before
    ("Germany sent tanks to Ukraine in May. It has also provided the Azov brigade's trainees with rifles.", None),
    ("Iran sent drones to Russia in 2022. It has also sent rockets to Hezbollah fighters in Lebanon.", None),
])
def test_a_receiver_named_otherwise_borrows_no_state(nlp, text, absent):
    rows = run(nlp, text)
    first_dyad = {(r.supplier_iso3, r.recipient_iso3) for r in rows if r.char_start == 0}
    later = [r for r in rows if r.char_start > 0]
    assert not any((r.supplier_iso3, r.recipient_iso3) in first_dyad for r in later), rows


def test_an_anaphoric_service_still_borrows_its_state(nlp):
    rows = run(nlp, "Germany sent tanks to Ukraine in May. It also gave the army 20 howitzers.")
    assert ("DEU", "UKR", "artillery") in tuples(rows)


def test_a_government_named_as_a_whole_is_not_the_statements_voice():
    from pipeline.extract.transfers.pronouns import article_speaker
    ents = [EntityMention(0, 21, "Sandinista government", "ORG", "Sandinista government", "NIC")]
    assert article_speaker(set(), ents) is None
    ents = [EntityMention(0, 20, "Department of Defense", "ORG", "Department of Defense", "USA")]
    assert article_speaker(set(), ents).iso3 == "USA"


@pytest.mark.parametrize("text, expected", [
    ("Egypt has bought fighter jets from France and Italy, as well as from Russia.",
     {("FRA", "EGY", "aircraft"), ("ITA", "EGY", "aircraft"), ("RUS", "EGY", "aircraft")}),
    ("Poland sent tanks to Ukraine, as well as to Moldova.",
     {("POL", "UKR", "armoured_vehicles"), ("POL", "MDA", "armoured_vehicles")}),
    # a contrast is no further party
    ("Serbia has decided to buy 20 K9 howitzers from South Korea rather than from Tokyo.", {("KOR", "SRB", "artillery")}),
])
def test_as_well_as_adds_a_party_rather_than_does_not(nlp, text, expected):
    assert tuples(run(nlp, text)) == expected
