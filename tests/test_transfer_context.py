"""The article-context stage: rows whose parties come from outside their sentence say where from."""
from __future__ import annotations

import duckdb
import pytest

from pipeline.warehouse.store import apply_schema
from tests.test_transfers import run


@pytest.mark.parametrize("text, expected", [
    ("Norway sold six Hellfire missiles to Chile.", {("NOR", "CHL", "missiles", "sentence")}),
    # a package announced in one sentence, its contents in the next
    ("Sweden unveiled a new package for Estonia. The package includes eight Archer howitzers.",
     {("SWE", "EST", "artillery", "previous_sentence")}),
    # the supplier stated only as the weapon's maker
    ("Ukraine received Turkish-made Bayraktar TB2 drones.", {("TUR", "UKR", "uav", "origin")}),
])
def test_rows_say_where_their_parties_come_from(nlp, text, expected):
    rows = run(nlp, text)
    assert {(r.supplier_iso3, r.recipient_iso3, r.weapon_category, r.derivation) for r in rows} == expected


@pytest.mark.parametrize("text", [
    "Italy approved a package for Morocco. It includes:\n* AW149 helicopters;\n* 18 Centauro armoured vehicles.",
    "The Israeli government approved a package for Canberra. It includes:\n* Hermes 900 drones;\n"
    "* 48 Spyder air defence systems.",
])
def test_a_list_after_a_colon_line_takes_the_lead_parties(nlp, text):
    """Whether the parser keeps the bullets in the colon line's sentence or not, each item is a row with
    the parties of the package the sentence before announced, and none of them says 'sentence'."""
    rows = run(nlp, text)
    assert len({r.weapon_category for r in rows}) == 2
    assert len({(r.supplier_iso3, r.recipient_iso3) for r in rows}) == 1 and rows[0].supplier_iso3
    assert all(set(r.derivation.split("+")) <= {"list_lead", "previous_sentence"} for r in rows)
    assert any(r.quantity_value for r in rows)


def test_borrowed_rows_have_lower_confidence(nlp):
    own = run(nlp, "Sweden will deliver eight Archer howitzers to Estonia.")
    borrowed = run(nlp, "Sweden unveiled a new package for Estonia. The package includes eight Archer howitzers.")
    assert own and borrowed
    assert max(r.confidence for r in borrowed) < min(r.confidence for r in own)


def test_schema_adds_derivation_to_an_older_warehouse(tmp_path):
    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    con.execute("CREATE TABLE arms_transfer_mentions (article_id VARCHAR NOT NULL, mention_id INTEGER NOT NULL, "
                "PRIMARY KEY (article_id, mention_id))")
    apply_schema(con)
    cols = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                      "WHERE table_name = 'arms_transfer_mentions'").fetchall()}
    assert "derivation" in cols


@pytest.mark.parametrize("text, expected", [
    # the transfer's own date, not the statement's
    ("China said on Monday it had delivered J-10 fighter jets to Qatar in January.", "2024-01-01"),
    ("Officials announced on Tuesday that Spain had sold 12 Leopard tanks to Chile in March.", "2024-03-01"),
    # happening as the text is written: the publication date
    ("Germany is sending 20 Marder infantry fighting vehicles to Ukraine.", "2024-05-01"),
    ("ROME, May 1 (Reuters) - Italy has approved the sale of 24 AW149 helicopters to Egypt.", "2024-05-01"),
    # no date of its own: none, never the publication date by default
    ("Germany will deliver 20 Marder infantry fighting vehicles to Ukraine.", None),
    ("Italy has approved the sale of 24 AW149 helicopters to Egypt.", None),
])
def test_transfer_dates(nlp, text, expected):
    rows = run(nlp, text)
    assert rows
    assert {str(r.date_start) if r.date_start else None for r in rows} == {expected}


@pytest.mark.parametrize("text, expected", [
    # the article's one named supplier of this recipient and weapon category
    ("Germany delivered Leopard 2 tanks to Poland last year. Another 14 Leopard 2 tanks were delivered to "
     "Poland in March.", {("DEU", "POL", "armoured_vehicles", None), ("DEU", "POL", "armoured_vehicles", 14)}),
    ("South Korea sold K9 howitzers to Norway. Six more K9 howitzers were shipped to Norway in May.",
     {("KOR", "NOR", "artillery", None), ("KOR", "NOR", "artillery", 6)}),
    # two named suppliers of the category: no guess
    ("Germany and France sold tanks to Poland. Another 14 tanks were delivered to Poland in March.",
     {("DEU", "POL", "armoured_vehicles", None), ("FRA", "POL", "armoured_vehicles", None),
      (None, "POL", "armoured_vehicles", 14)}),
])
def test_an_unnamed_supplier_is_the_articles_one_supplier_of_that_weapon(nlp, text, expected):
    rows = run(nlp, text)
    assert {(r.supplier_iso3, r.recipient_iso3, r.weapon_category, r.quantity_value) for r in rows} == expected


@pytest.mark.parametrize("text, expected", [
    ("Rabat took delivery of its first MEKO frigates this week. The manufacturer, German defence group "
     "ThyssenKrupp Marine Systems, said the remaining two would arrive next year.", {("DEU", "MAR", "ships")}),
    ("Saudi Arabia received four new armoured personnel carriers on Monday. The manufacturer, headquartered "
     "in Britain, said more deliveries would follow.", {("GBR", "SAU", "armoured_vehicles")}),
    # the next sentence names no maker, or two states: the supplier stays unnamed
    ("Ukraine received more Patriot missiles this week. Officials in Kyiv welcomed the news.",
     {(None, "UKR", "air_defence")}),
    ("Poland received new Leopard tanks on Monday. Officials in Germany and France welcomed the news.",
     {(None, "POL", "armoured_vehicles")}),
])
def test_a_maker_named_in_the_next_sentence_supplies(nlp, text, expected):
    assert {(r.supplier_iso3, r.recipient_iso3, r.weapon_category) for r in run(nlp, text)} == expected


@pytest.mark.parametrize("text, expected", [
    # a state's own service named without its state supplies for the one state the article names that
    # never receives
    ("The Coast Guard has transferred three patrol boats to Ghana, Kenya and Senegal. The United States and "
     "Ghana share a commitment to maritime security.",
     {("USA", "GHA", "ships"), ("USA", "KEN", "ships"), ("USA", "SEN", "ships")}),
    ("The Air Force has delivered four C-130 transport aircraft to Chad. The United States and Chad share a "
     "commitment to regional security.", {("USA", "TCD", "aircraft")}),
    # two candidate states: no guess, and a service with no state is no supplier
    ("The Coast Guard has transferred three patrol boats to Ghana. Officials from France and Britain "
     "attended the ceremony.", set()),
])
def test_a_service_named_without_its_state_is_the_articles_actor(nlp, text, expected):
    assert {(r.supplier_iso3, r.recipient_iso3, r.weapon_category) for r in run(nlp, text)} == expected


def test_article_context_is_a_plain_value_built_from_a_first_pass():
    from pipeline.extract.transfers.context import DocContext, article_context
    from pipeline.records import EntityMention

    def country(iso, name):
        return EntityMention(char_start=0, char_end=1, text=name, label="COUNTRY", canonical_name=name,
                             country_iso3=iso)

    ctx = article_context([], [], set(), {"GHA", "KEN"}, [country("USA", "United States"), country("GHA", "Ghana"),
                                                          country("KEN", "Kenya")], set())
    assert isinstance(ctx, DocContext) and ctx.actor == ("USA", "United States")
    two = article_context([], [], set(), {"GHA"}, [country("USA", "United States"), country("GBR", "Britain"),
                                                   country("GHA", "Ghana")], set())
    assert two.actor is None


@pytest.mark.parametrize("text, expected", [
    # a transfer a package includes is given by whoever gives the package
    ("Japan announced a package that includes the delivery of six Type 03 missiles to the Philippines.",
     {("JPN", "PHL", "missiles", "delivered", "asserted")}),
    ("The Israeli government approved an aid package which includes the transfer of 20 Merkava tanks to Chile.",
     {("ISR", "CHL", "armoured_vehicles", "delivered", "asserted")}),
    # a modifier of the transfer noun sets its modality
    ("Germany approved the planned transfer of 20 Leopard tanks to Poland.",
     {("DEU", "POL", "armoured_vehicles", "approved", "planned")}),
    ("The State Department approved a possible sale of F-16 jets to Turkey.",
     {("USA", "TUR", "aircraft", "approved", "possible")}),
])
def test_packages_and_noun_modality(nlp, text, expected):
    rows = run(nlp, text)
    assert {(r.supplier_iso3, r.recipient_iso3, r.weapon_category, r.stage, r.modality) for r in rows} == expected


@pytest.mark.parametrize("text", [
    # non-military senses met on a real newswire (Reuters-21578)
    "Britain will arm itself earlier than planned with statutory powers to retaliate against Japanese banks.",
    "The project also includes crude oil storage tanks. Pemex will buy 80 mln dlrs worth of foreign equipment "
    "and materials for the project.",
    "Japan will arm its negotiators with new proposals before the trade talks with Washington.",
])
def test_no_transfer_without_a_military_sense(nlp, text):
    assert run(nlp, text) == []


@pytest.mark.parametrize("text, expected", [
    # two states in focus: "the country" is a state, unnamed, never a guess
    ("Kuwait and Jordan have both been modernising their armed forces. The country ordered 54 KUH-1 Surion "
     "helicopters from South Korea last year.", {("KOR", None, "helicopters")}),
    ("Thailand and Saudi Arabia held joint naval drills last month. The kingdom has since ordered 10 VT-4 tanks "
     "from China.", {("CHN", None, "armoured_vehicles")}),
    # one state in focus: that state
    ("Poland has been modernising its army. The country ordered 96 Apache helicopters from the United States.",
     {("USA", "POL", "helicopters")}),
])
def test_the_country_is_resolved_only_when_one_state_is_in_focus(nlp, text, expected):
    assert {(r.supplier_iso3, r.recipient_iso3, r.weapon_category) for r in run(nlp, text)} == expected


def test_a_hard_line_wrap_does_not_hide_arms_control(nlp):
    assert run(nlp, "The United States offered the Soviet Union new proposals at the Geneva arms\ncontrol talks.") == []


@pytest.mark.parametrize("text, expected", [
    # the object of "warn against" is the would-be buyer or user, and nothing is done
    ("Washington warned Ankara against buying S-400 systems from Russia.", {("RUS", "TUR", "air_defence", "negated")}),
    ("The United States has warned Tehran against using the Chinese-made missiles installed near the strait.",
     {("CHN", "IRN", "missiles", "negated")}),
])
def test_warned_against(nlp, text, expected):
    assert {(r.supplier_iso3, r.recipient_iso3, r.weapon_category, r.modality) for r in run(nlp, text)} == expected


@pytest.mark.parametrize("text, expected", [
    # of the previous sentence's transfers, the one whose recipient this sentence names
    ("The State Department approved the possible sale of HIMARS launchers to Estonia and Harpoon missiles to "
     "Norway. The set approved for Estonia would include up to six HIMARS launchers and ammunition.",
     {("USA", "EST", "artillery", 6), ("USA", "EST", "ammunition", None)}),
    ("Germany agreed to sell Leopard tanks to Poland and Boxer vehicles to Lithuania. The package for Lithuania "
     "includes 40 Boxer vehicles.", {("DEU", "LTU", "armoured_vehicles", 40)}),
])
def test_a_continuation_picks_the_transfer_whose_recipient_it_names(nlp, text, expected):
    second = text.index(". ") + 2
    rows = [r for r in run(nlp, text) if r.char_start >= second]
    assert {(r.supplier_iso3, r.recipient_iso3, r.weapon_category, r.quantity_value) for r in rows} == expected
