"""A fifth behavioural set: a transfer whose parts are spread over a clause or a sentence (pure data).

Written for twenty-five phenomena the other sets left thin, each with hard negatives beside it:

- ``floating_quantifier``: coordinated parties with "each", "both" or "all" between them and the verb
  ("Spain and Italy have each supplied ..."); the parser tends to lose the subject there, and a count
  with "each" is every party's own.
- ``count_in_later_sentence``: the transfer names its weapons without a count, and a later sentence
  counts the same weapons ("The 18 F-16s are to arrive ...", "the contractor for up to 60 missiles"); a
  fleet the buyer already operates, a production rate or a plant's capacity is not the transfer's count.
- ``seller_in_previous_sentence``: a purchase names only the buyer, and the sentence before names the
  seller as the buyer's counterpart (a visit, talks, an offer); a rival or a neighbour in the sentence
  before is no seller, and neither is anyone when the weapon is made at home.
- ``supplied_then_used``: "W supplied by S are used by R": the agent of a passive possession verb on the
  supplied weapons received them.
- ``package_relative_clause``: "The aid Sweden pledged to Egypt consists of ...", "The package Germany
  unveiled for Lithuania includes ...": the relative clause on the package names the parties.
- ``maker_named_beside``: a purchase (or a delivery) names no seller, but the sentence names the state that
  makes the weapons, or a company of it ("..., France's defence ministry said", "..., Hanwha said"); a
  maker the sentence does not name is not assumed.
- ``designation_head_kind``: a name the gazetteer knows for one weapon used for another kind ("Lynx
  infantry fighting vehicles" beside the Lynx helicopter): the head term says which.
- ``include_with_aside``: "a package for Cairo that includes, among other things, 36 drones ...": an aside
  after the include verb cuts its objects off in the parse.
- ``handed_over_count``: "handed over 16 howitzers" is 16, not "more than 16".
- ``passive_subject_cut_off``: the weapons are the subject of a passive transfer verb the parse separates
  from them ("500 missiles are expected to be delivered to ...", "jets worth $900 million are being
  delivered to ... by ...").
- ``package_dated_contents``: a package announced with a date, its contents one to three sentences later
  ("The package includes ..."): the contents keep the announcement's date; a statement's date ("officials
  said on Monday") dates nothing.
- ``participle_after_purpose_passive``: "S will re-route the shipments so they are delivered to R, providing
  R with W": a purpose clause in the passive names no doer, so the participle's doer is the main clause's
  subject; a passive with its own "by" agent keeps that agent.
- ``collective_doer``: the giver is a coalition or "dozens of governments", named but not as a state: the
  supplier stays NULL instead of a state borrowed from the sentence before.
- ``service_actor_elsewhere``: a story about one state's service handing over weapons ("The Coast Guard has
  transferred ..."); a later transfer in it that names no giver is that state's. Not a coalition's, and not
  in a story where no service acts.
- ``payer_outlay``: "offsetting the Qatari outlay on a contract to supply 24 Rafale jets": the state whose
  money (outlay, spending, payment) pays for a supply receives, wherever the parser hangs the contract;
  not when the supply names its receiver (a donor paying for another).
- ``package_accessories``: spare parts and support equipment listed beside a package's weapons are part of
  that sale, not a transfer of their own; spare parts on their own are one. Surveillance and
  electro-optical systems are sensors.
- ``deal_direction_from_contents``: "South Korea signed a contract with Poland. The contract covers 180 K2
  tanks": the maker of the contents sells, whichever way the weaponless sentence was read; the article's
  purchase running the other way lends nothing to the buyer's home-made weapons.
- ``export_licence``: an export licence is leave to sell (granted by the seller's state), not licensed
  production; its contents may follow in the next sentence with their receiver ("for the UAE").
- ``company_state_in_apposition``: a seller the gazetteer does not know, with its state in an apposition
  ("from Astilleros Armon, a Spanish shipbuilder", "PZL Mielec, the Polish subsidiary of ..."); a company
  with plants in two states, or none named, keeps its state unknown.
- ``built_for_or_abroad``: "corvettes which were built for Egypt by Germany's TKMS" (a relative clause, not
  only a participle), and a weapon a state holds built by another state's maker ("Morocco's new patrol
  vessel, built by Spain's Navantia"); built at home, or with no holder, is no transfer.
- ``signed_deal_to_supply``: "signed a contract with Egypt to supply 14 helicopters", parsed with the
  infinitive as the signing's purpose: the deal's other party receives; two signatories ("France and India
  signed an agreement to supply 26 Rafale jets"): the weapons' maker sells.
- ``maker_among_coordinated_suppliers``: "France and Germany supplied Leopard tanks": the verb after the
  maker state is its own, so the maker is one more supplier, not the weapon's origin word.
- ``deal_apposition_names_parties``: "The deal, Britain's largest with Nigeria in a decade, covers ...":
  the apposition stands for the deal and names its sides.
- ``civil_drones_and_services``: farm, hobby and camera drones and air-ambulance helicopters are civil
  trade; an armed force's medevac helicopters and combat drones are arms.
- ``asked_and_mentioned_again``: whoever asks for a transfer receives only when the transfer names no
  receiver ("Washington asked Berlin not to send tanks to Qatar"); a partyless "the deal for 10,000 Tavor
  rifles" beside the sentence's one transfer of those rifles is that transfer again.

Conventions are those of ``cases_fresh`` (``c()``: exact tuple set, optional tuples, quantity per tuple
with None for "no count", date_start per tuple; publication date 2024-05-01, a Wednesday).
"""
from __future__ import annotations

from .cases_fresh import c, cases_of
from .cases_hard import XCase

CASES: dict[str, list[dict]] = {
    "floating_quantifier": [
        c("Spain and Italy have each supplied patrol boats to Senegal over the past decade, the report said.",
          [("ESP", "SEN", "ships"), ("ITA", "SEN", "ships")]),
        c("South Korea and Turkey each delivered 12 armoured vehicles to Kazakhstan last year.",
          [("KOR", "KAZ", "armoured_vehicles"), ("TUR", "KAZ", "armoured_vehicles")],
          q={("KOR", "KAZ", "armoured_vehicles"): 12, ("TUR", "KAZ", "armoured_vehicles"): 12},
          d={("KOR", "KAZ", "armoured_vehicles"): "2023-01-01", ("TUR", "KAZ", "armoured_vehicles"): "2023-01-01"}),
        c("Poland, Slovakia and the Czech Republic have all sent MiG-29 fighter jets to Ukraine.",
          [("POL", "UKR", "aircraft"), ("SVK", "UKR", "aircraft"), ("CZE", "UKR", "aircraft")]),
        c("The United States and Britain have both shipped Javelin anti-tank missiles to Kyiv this year.",
          [("USA", "UKR", "missiles"), ("GBR", "UKR", "missiles")],
          d={("USA", "UKR", "missiles"): "2024-01-01", ("GBR", "UKR", "missiles"): "2024-01-01"}),
        c("France and Germany have each pledged 30 howitzers to Ukraine, officials said on Monday.",
          [("FRA", "UKR", "artillery"), ("DEU", "UKR", "artillery")],
          q={("FRA", "UKR", "artillery"): 30, ("DEU", "UKR", "artillery"): 30}),
        c("Israel and South Korea have each sold air defence systems to Azerbaijan, according to the institute.",
          [("ISR", "AZE", "air_defence"), ("KOR", "AZE", "air_defence")]),
        c("Greece and Turkey have each bought F-16 fighter jets from the United States.",
          [("USA", "GRC", "aircraft"), ("USA", "TUR", "aircraft")]),
        # a joint total stays without a per-supplier count
        c("Norway and Denmark jointly delivered 20 howitzers to Lithuania in March.",
          [("NOR", "LTU", "artillery"), ("DNK", "LTU", "artillery")],
          q={("NOR", "LTU", "artillery"): None, ("DNK", "LTU", "artillery"): None}),
    ],
    "count_in_later_sentence": [
        c("Peru agreed on Tuesday to buy second-hand fighter jets from Norway. The 18 F-16s are to arrive from "
          "next year, the air force said.",
          [("NOR", "PER", "aircraft")], q={("NOR", "PER", "aircraft"): 18}),
        c("Washington approved the sale of Harpoon missiles to Taiwan on Friday. Boeing is the prime contractor "
          "for the 100 missiles, the agency said.",
          [("USA", "TWN", "missiles")], q={("USA", "TWN", "missiles"): 100}),
        c("Indonesia ordered Scorpene submarines from France in March. Naval Group will build the two "
          "submarines at a yard in Surabaya.",
          [("FRA", "IDN", "submarines")], q={("FRA", "IDN", "submarines"): 2}),
        c("Romania will receive Patriot air defence systems from the United States under the agreement. "
          "Raytheon will deliver all four systems by 2027.",
          [("USA", "ROU", "air_defence")], q={("USA", "ROU", "air_defence"): 4}),
        c("Kenya took delivery of armoured vehicles from the United Arab Emirates on Monday. The 40 vehicles "
          "will be based in the north.",
          [("ARE", "KEN", "armoured_vehicles")], q={("ARE", "KEN", "armoured_vehicles"): 40}),
        # a fleet the buyer already has is not the transfer's count
        c("Poland ordered Apache helicopters from the United States on Monday. Its army already flies 28 "
          "Mi-24 helicopters.",
          [("USA", "POL", "helicopters")], q={("USA", "POL", "helicopters"): None}),
        c("Chile bought used frigates from Britain in 2020. The navy now operates eight frigates.",
          [("GBR", "CHL", "ships")], q={("GBR", "CHL", "ships"): None}),
        # two counts of the category later on: which one is the transfer's is not clear
        c("Brazil will buy Gripen fighter jets from Sweden. Saab will build 10 jets in Linkoping and 26 jets "
          "in Brazil.",
          [("SWE", "BRA", "aircraft")], q={("SWE", "BRA", "aircraft"): None}),
        # an 'up to' count is how a deal states its ceiling ...
        c("Spain was cleared to buy anti-ship missiles from the United States on Friday. The notice said Boeing "
          "would be the contractor for up to 60 Harpoon missiles.",
          [("USA", "ESP", "missiles")], q={("USA", "ESP", "missiles"): 60}),
        c("Slovakia will acquire armoured vehicles from Sweden. The order covers up to 152 CV90 vehicles, the "
          "ministry said.",
          [("SWE", "SVK", "armoured_vehicles")], q={("SWE", "SVK", "armoured_vehicles"): 152}),
        # ... but not a production rate or a capacity
        c("Vietnam agreed to buy patrol boats from Japan. The shipyard can build up to 12 boats a year.",
          [("JPN", "VNM", "ships")], q={("JPN", "VNM", "ships"): None}),
        c("Qatar will buy attack helicopters from Italy. Leonardo produces up to 30 helicopters at its plant.",
          [("ITA", "QAT", "helicopters")], q={("ITA", "QAT", "helicopters"): None}),
    ],
    "seller_in_previous_sentence": [
        c("Egypt's defence minister visited Seoul this week. Cairo will buy 100 K9 howitzers, the ministry said.",
          [("KOR", "EGY", "artillery")], q={("KOR", "EGY", "artillery"): 100}),
        c("Talks between Brazil and Sweden ended in Stockholm on Thursday. Brasilia will order 26 more Gripen "
          "fighter jets.",
          [("SWE", "BRA", "aircraft")], q={("SWE", "BRA", "aircraft"): 26}),
        c("Malaysia chose the Turkish offer over three rival bids. The country will acquire three Anka drones.",
          [("TUR", "MYS", "uav")], q={("TUR", "MYS", "uav"): 3}),
        c("Norway's defence chief met his South Korean counterpart in Seoul on Monday. Oslo will buy 54 K9 "
          "howitzers under the deal.",
          [("KOR", "NOR", "artillery")], q={("KOR", "NOR", "artillery"): 54}),
        c("A Vietnamese delegation toured the Indian shipyard last month. Hanoi will purchase four patrol "
          "vessels, state media said.",
          [("IND", "VNM", "ships")], q={("IND", "VNM", "ships"): 4}),
        c("Chilean officials held talks with Israel on Tuesday. Santiago will buy 12 Spyder air defence "
          "systems, the officials said.",
          [("ISR", "CHL", "air_defence")], q={("ISR", "CHL", "air_defence"): 12}),
        # a rival, an adversary or a bystander in the sentence before is not the seller
        c("Tensions between India and Pakistan rose again on Monday. India will buy 100 more howitzers.",
          []),
        c("China held large military drills near Taiwan on Friday. Taipei will buy 66 more fighter jets.",
          [], opt=[("USA", "TWN", "aircraft")]),
        c("Japan's prime minister visited Washington on Monday. Tokyo will build 12 more destroyers at home.",
          []),
    ],
    "supplied_then_used": [
        c("Caesar howitzers donated by France are used by Armenian gunners near the border.",
          [("FRA", "ARM", "artillery")]),
        c("Leopard tanks supplied by Germany are now used by Ukrainian brigades in the south.",
          [("DEU", "UKR", "armoured_vehicles")]),
        c("Patrol boats given by Japan are operated by the Vietnamese navy.", [("JPN", "VNM", "ships")]),
        c("TB2 drones sold by Turkey were flown by Azerbaijani pilots during the war.", [("TUR", "AZE", "uav")]),
        c("Stinger missiles shipped by the United States were fired by Taiwanese troops during the drill.",
          [("USA", "TWN", "air_defence")]),
        # no supply verb, or one state on both sides: no transfer
        c("Tanks captured by Ukraine are now used by its own brigades.", []),
        c("Howitzers built by South Korea are used by the South Korean army.", []),
    ],
    "package_relative_clause": [
        c("The aid Sweden pledged to Egypt on Tuesday consists of four RBS 70 air defence systems, 30 Archer "
          "howitzers and Carl Gustaf recoilless rifles.",
          [("SWE", "EGY", "air_defence"), ("SWE", "EGY", "artillery"), ("SWE", "EGY", "small_arms")],
          q={("SWE", "EGY", "air_defence"): 4, ("SWE", "EGY", "artillery"): 30},
          d={("SWE", "EGY", "artillery"): "2024-04-30"}),
        c("The package Germany unveiled for Lithuania on Monday includes 18 Leopard tanks and 12 PzH 2000 howitzers.",
          [("DEU", "LTU", "armoured_vehicles"), ("DEU", "LTU", "artillery")],
          q={("DEU", "LTU", "armoured_vehicles"): 18, ("DEU", "LTU", "artillery"): 12}),
        c("The deal India signed with Russia last year covers 40 fighter jets.", [("RUS", "IND", "aircraft")],
          q={("RUS", "IND", "aircraft"): 40}, d={("RUS", "IND", "aircraft"): "2023-01-01"}),
        c("The contract Brazil awarded to Saab includes 36 Gripen fighters.", [("SWE", "BRA", "aircraft")],
          q={("SWE", "BRA", "aircraft"): 36}),
        c("The assistance Canada announced for Latvia comprises 10 armoured vehicles and drones.",
          [("CAN", "LVA", "armoured_vehicles"), ("CAN", "LVA", "uav")], q={("CAN", "LVA", "armoured_vehicles"): 10}),
        c("The aid package announced by Norway for Moldova on Friday includes 20 armoured vehicles.",
          [("NOR", "MDA", "armoured_vehicles")], q={("NOR", "MDA", "armoured_vehicles"): 20},
          d={("NOR", "MDA", "armoured_vehicles"): "2024-04-26"}),
        c("The deal Poland signed with South Korea covers 180 K2 tanks.", [("KOR", "POL", "armoured_vehicles")],
          q={("KOR", "POL", "armoured_vehicles"): 180}),
        # a relative clause that names no transfer party gives none
        c("The package the minister praised on Monday includes 30 howitzers.", []),
    ],
    "maker_named_beside": [
        c("The United Arab Emirates has signed a $19 billion contract to buy 80 Rafale jets, France's defence "
          "ministry said on Friday.", [("FRA", "ARE", "aircraft")], q={("FRA", "ARE", "aircraft"): 80}),
        c("Deliveries of the 48 K9 howitzers to Australia began in March, Hanwha said.",
          [("KOR", "AUS", "artillery")], q={("KOR", "AUS", "artillery"): 48},
          d={("KOR", "AUS", "artillery"): "2024-03-01"}),
        c("Qatar will buy 24 more Rafale jets, French President Emmanuel Macron said on Thursday.",
          [("FRA", "QAT", "aircraft")], q={("FRA", "QAT", "aircraft"): 24}),
        c("Pakistan plans to buy J-10 jets, a Chinese official said.", [("CHN", "PAK", "aircraft")]),
        c("Poland will buy 96 Apache helicopters, Boeing said in a statement.", [("USA", "POL", "helicopters")],
          q={("USA", "POL", "helicopters"): 96}),
        # the maker's state is not named in the sentence: no seller is assumed
        c("Greece has ordered six more Rafale jets, its defence minister told parliament on Monday.", [],
          opt=[("FRA", "GRC", "aircraft")]),
        c("India will buy 26 Rafale jets, officials said after talks with Germany.", [],
          opt=[("FRA", "IND", "aircraft")]),
        # the buyer's own weapons: no transfer
        c("South Korea will buy 100 more K9 howitzers, Hanwha said.", []),
    ],
    "designation_head_kind": [
        c("Germany's Rheinmetall will deliver 50 Lynx vehicles to Hungary, the company said.",
          [("DEU", "HUN", "armoured_vehicles")], q={("DEU", "HUN", "armoured_vehicles"): 50}),
        c("Rheinmetall has won an order from Greece for 60 Lynx infantry fighting vehicles.",
          [("DEU", "GRC", "armoured_vehicles")], q={("DEU", "GRC", "armoured_vehicles"): 60}),
        c("Britain sold Lynx helicopters to Brazil in the 1990s.", [("GBR", "BRA", "helicopters")]),
        c("The United States sold 200 Stinger missiles to Taiwan.", [("USA", "TWN", "air_defence")]),
        c("Britain sold 24 Hawk jets to Indonesia.", [("GBR", "IDN", "aircraft")]),
        c("The United States sold Hawk missiles to Iran in 1986.", [("USA", "IRN", "air_defence")]),
    ],
    "include_with_aside": [
        c("The Turkish government unveiled a package for Cairo that includes, among other things, 36 Bayraktar TB2 "
          "drones and T129 ATAK helicopters.",
          [("TUR", "EGY", "uav"), ("TUR", "EGY", "helicopters")], q={("TUR", "EGY", "uav"): 36}),
        c("Spain approved a package for Morocco that includes, according to officials, four patrol boats and "
          "200 anti-tank missiles.",
          [("ESP", "MAR", "ships"), ("ESP", "MAR", "missiles")],
          q={("ESP", "MAR", "ships"): 4, ("ESP", "MAR", "missiles"): 200}),
        c("Japan unveiled an aid package for the Philippines that contains, for the first time, radar systems "
          "and five patrol boats.",
          [("JPN", "PHL", "sensors"), ("JPN", "PHL", "ships")], q={("JPN", "PHL", "ships"): 5}),
        c("Canada announced a package for Latvia that comprises, in part, 10 howitzers.",
          [("CAN", "LVA", "artillery")], q={("CAN", "LVA", "artillery"): 10}),
        c("Italy approved a package for Tunisia that includes, among other items, 12 armoured vehicles and "
          "night-vision goggles.",
          [("ITA", "TUN", "armoured_vehicles"), ("ITA", "TUN", "other")], q={("ITA", "TUN", "armoured_vehicles"): 12}),
        # an include clause on something that is no transfer
        c("Germany unveiled a plan for its own army that includes, among other things, 40 new howitzers.", []),
    ],
    "handed_over_count": [
        c("France handed over 16 Caesar howitzers to the Malaysian army at a ceremony on Friday.",
          [("FRA", "MYS", "artillery")], q={("FRA", "MYS", "artillery"): 16},
          d={("FRA", "MYS", "artillery"): "2024-04-26"}),
        c("Germany handed over 12 Leopard tanks and two Gepard systems to Poland.",
          [("DEU", "POL", "armoured_vehicles"), ("DEU", "POL", "air_defence")],
          q={("DEU", "POL", "armoured_vehicles"): 12, ("DEU", "POL", "air_defence"): 2}),
        c("South Korea turned over 18 FA-50 jets to Poland last month.", [("KOR", "POL", "aircraft")],
          q={("KOR", "POL", "aircraft"): 18}),
        c("The United States has handed over 31 Abrams tanks to Ukraine, the Pentagon said.",
          [("USA", "UKR", "armoured_vehicles")], q={("USA", "UKR", "armoured_vehicles"): 31}),
        c("Italy hands over 20 armoured vehicles to Lebanon this week.", [("ITA", "LBN", "armoured_vehicles")],
          q={("ITA", "LBN", "armoured_vehicles"): 20}),
        # civil ships handed over: no transfer, and the warships of another clause are not what is handed over
        c("Qatar is turning nine oil tankers over to British firms, which will be escorted by British warships.", []),
        # "over" as a bound stays one: more than 30
        c("Israel has sold over 30 Heron drones to India since 2010.", [("ISR", "IND", "uav")],
          q={("ISR", "IND", "uav"): None}),
    ],
    "passive_subject_cut_off": [
        c("Twelve Rafale jets are scheduled to be delivered to Greece by France next year.",
          [("FRA", "GRC", "aircraft")], q={("FRA", "GRC", "aircraft"): 12}, d={("FRA", "GRC", "aircraft"): "2025-01-01"}),
        c("Another 300 anti-tank missiles are expected to be shipped to Kenya by Turkey in June.",
          [("TUR", "KEN", "missiles")], q={("TUR", "KEN", "missiles"): 300}),
        c("Four patrol boats are set to be handed over to Ghana by the United States this summer.",
          [("USA", "GHA", "ships")], q={("USA", "GHA", "ships"): 4}),
        c("K9 howitzers worth about $700 million are being delivered to Egypt by South Korea's Hanwha Aerospace.",
          [("KOR", "EGY", "artillery")]),
        c("Leopard tanks valued at 1 billion euros were sold to Qatar by Germany in 2013.",
          [("DEU", "QAT", "armoured_vehicles")], d={("DEU", "QAT", "armoured_vehicles"): "2013-01-01"}),
        # a passive of another verb: no transfer
        c("Twelve Rafale jets are expected to be displayed at the Paris air show by France next year.", []),
    ],
    "package_dated_contents": [
        c("Germany announced a new aid package for Lithuania on Tuesday. The package includes 12 howitzers and "
          "20 armoured vehicles.",
          [("DEU", "LTU", "artillery"), ("DEU", "LTU", "armoured_vehicles")],
          q={("DEU", "LTU", "artillery"): 12, ("DEU", "LTU", "armoured_vehicles"): 20},
          d={("DEU", "LTU", "artillery"): "2024-04-30", ("DEU", "LTU", "armoured_vehicles"): "2024-04-30"}),
        c("The Netherlands unveiled a 300 million euro package for Ukraine on Monday. It includes 40 armoured "
          "vehicles and drones.",
          [("NLD", "UKR", "armoured_vehicles"), ("NLD", "UKR", "uav")],
          d={("NLD", "UKR", "armoured_vehicles"): "2024-04-29", ("NLD", "UKR", "uav"): "2024-04-29"}),
        c("Japan approved a military aid package for the Philippines last week. The package will contain four "
          "patrol boats, officials said.",
          [("JPN", "PHL", "unspecified"), ("JPN", "PHL", "ships")],
          q={("JPN", "PHL", "ships"): 4}, d={("JPN", "PHL", "ships"): "2024-04-22"}),
        c("Sweden approved a military aid package for Finland on Friday. Officials did not give its value. It "
          "covers 200 anti-tank missiles.",
          [("SWE", "FIN", "unspecified"), ("SWE", "FIN", "missiles")],
          q={("SWE", "FIN", "missiles"): 200}, d={("SWE", "FIN", "missiles"): "2024-04-26"}),
        # announced today, its contents two sentences later
        c("Spain is sending Morocco a new package of military aid. The package reflects years of close "
          "cooperation between the two navies. Spain has trained Moroccan crews since 2019. The package "
          "includes four patrol boats.",
          [("ESP", "MAR", "unspecified"), ("ESP", "MAR", "ships")],
          q={("ESP", "MAR", "ships"): 4}, d={("ESP", "MAR", "ships"): "2024-05-01"}),
        # the nearest announcement dates the contents, not an older delivery of the same dyad
        c("Norway delivered two frigates to Egypt in 2021. Norway is also sending Egypt a new package of military "
          "aid. The aid reflects close ties. It includes 20 armoured vehicles.",
          [("NOR", "EGY", "ships"), ("NOR", "EGY", "unspecified"), ("NOR", "EGY", "armoured_vehicles")],
          q={("NOR", "EGY", "armoured_vehicles"): 20},
          d={("NOR", "EGY", "ships"): "2021-01-01", ("NOR", "EGY", "armoured_vehicles"): "2024-05-01"}),
        # a statement's date is not the package's: its contents stay undated
        c("Officials said on Monday that Australia would send a package to Papua New Guinea. The package "
          "includes six patrol boats.",
          [("AUS", "PNG", "ships")], q={("AUS", "PNG", "ships"): 6}, d={("AUS", "PNG", "ships"): None}),
        c("Poland will send Ukraine another package of military aid, the president said on Monday. The "
          "package includes tanks and ammunition.",
          [("POL", "UKR", "unspecified"), ("POL", "UKR", "armoured_vehicles"), ("POL", "UKR", "ammunition")],
          d={("POL", "UKR", "armoured_vehicles"): None, ("POL", "UKR", "ammunition"): None}),
    ],
    "participle_after_purpose_passive": [
        c("Japan will speed up planned shipments so they are delivered to the Philippines, providing Manila with "
          "six patrol boats by June.",
          [("JPN", "PHL", "ships")], q={("JPN", "PHL", "ships"): 6}),
        c("Germany will re-route its stocks of ammunition so they are shipped to Lithuania first, giving Vilnius "
          "thousands of artillery shells this year.",
          [("DEU", "LTU", "ammunition")]),
        c("France has re-prioritised production so that the jets are delivered to Greece sooner, providing the "
          "Greek air force with six Rafale fighters next year.",
          [("FRA", "GRC", "aircraft")], q={("FRA", "GRC", "aircraft"): 6}),
        c("South Korea will re-sequence its own deliveries so they are sent to Poland, supplying Warsaw with "
          "dozens of K9 howitzers.",
          [("KOR", "POL", "artillery")]),
        # an agent of its own: the passive's doer, not the main clause's subject
        c("Turkey will reorganise its fleet so the drones are delivered by Italy to Albania, providing Tirana "
          "with 12 surveillance drones.",
          [("ITA", "ALB", "uav")], opt=[("TUR", "ALB", "uav")]),
        # no purpose clause, no borrowed doer: a delivery with no supplier of its own keeps it NULL
        c("The helicopters were delivered to Kenya last month, giving the country a new rescue capability.",
          [(None, "KEN", "helicopters")]),
    ],
    "collective_doer": [
        c("Sweden sent air defence systems to Ukraine in March. We thank the coalition of more than 40 countries "
          "that continues to provide military aid to Ukraine.",
          [("SWE", "UKR", "air_defence")], opt=[(None, "UKR", "unspecified")]),
        c("Britain has supplied Estonia with Javelin missiles. Dozens of governments have armed Estonia with "
          "ammunition since then.",
          [("GBR", "EST", "missiles")], opt=[(None, "EST", "ammunition")]),
        c("Canada delivered armoured vehicles to Latvia on Monday. A group of allies that is supplying Latvia "
          "with artillery met in Riga.",
          [("CAN", "LVA", "armoured_vehicles")], opt=[(None, "LVA", "artillery")]),
        c("Italy pledged patrol boats to Tunisia. An alliance of donors will also provide Tunisia with "
          "surveillance drones.",
          [("ITA", "TUN", "ships")], opt=[(None, "TUN", "uav")]),
        # a named state in the same place is the supplier
        c("Norway sent tanks to Ukraine in May. Poland, a country that continues to provide weapons to Ukraine, "
          "sent howitzers too.",
          [("NOR", "UKR", "armoured_vehicles"), ("POL", "UKR", "artillery")],
          opt=[("POL", "UKR", "unspecified")]),
        # no collective: the continued package keeps its supplier from the sentence before
        c("Spain sent tanks to Ukraine in May. It is also providing Ukraine with ammunition.",
          [("ESP", "UKR", "armoured_vehicles"), ("ESP", "UKR", "ammunition")]),
    ],
    "service_actor_elsewhere": [
        c("The United States and Vietnam have deepened their ties. The Coast Guard has handed over two patrol "
          "ships to Vietnam. The ships were built in the 1990s. A transfer of three patrol boats to the "
          "Philippines is under way.",
          [("USA", "VNM", "ships"), ("USA", "PHL", "ships")],
          q={("USA", "VNM", "ships"): 2, ("USA", "PHL", "ships"): 3}),
        c("The United States and Ecuador signed a security pact in May. The Coast Guard has transferred a patrol "
          "ship to Ecuador. The ship was retired in 2019. The delivery of two more patrol boats to Peru was "
          "completed in March.",
          [("USA", "ECU", "ships"), ("USA", "PER", "ships")],
          q={("USA", "ECU", "ships"): 1, ("USA", "PER", "ships"): 2}, d={("USA", "PER", "ships"): "2024-03-01"}),
        c("The United States and Georgia marked 30 years of ties on Monday. The Coast Guard has donated two patrol "
          "boats to Georgia. Both boats served off Florida. Deliveries of four patrol boats to Ukraine are "
          "planned for next year.",
          [("USA", "GEO", "ships"), ("USA", "UKR", "ships")],
          q={("USA", "GEO", "ships"): 2, ("USA", "UKR", "ships"): 4}, d={("USA", "UKR", "ships"): "2025-01-01"}),
        # a purchase is the buyer's act: the story's giver is not its seller
        c("Ties between the United States and Tunisia are close. The Coast Guard transferred three patrol boats "
          "to Tunisia in 2021. They were refitted first. Tunisia also bought two helicopters last year.",
          [("USA", "TUN", "ships")], q={("USA", "TUN", "ships"): 3}, opt=[(None, "TUN", "helicopters")]),
        # a coalition is its own (unnamed) giver, even in such a story
        c("The United States and Ghana have deepened their ties. The Coast Guard has handed over two patrol "
          "ships to Ghana. The ships were retired in 2019. A coalition of donors that supplies Ghana with "
          "ammunition met in Accra.",
          [("USA", "GHA", "ships"), (None, "GHA", "ammunition")], q={("USA", "GHA", "ships"): 2}),
        # no service of a state acts in the story: nobody to take the supplier from
        c("Japan and India held naval drills. Indian officials praised the drills. A transfer of two frigates "
          "to Sri Lanka is planned.",
          [(None, "LKA", "ships")]),
    ],
    "payer_outlay": [
        c("A French government delegation left Doha after talks on offsetting the large Qatari outlay on a "
          "contract to supply 24 Rafale jets.",
          [("FRA", "QAT", "aircraft")], q={("FRA", "QAT", "aircraft"): 24}),
        c("German officials discussed ways to reduce the Polish outlay on an agreement to supply 250 Leopard "
          "tanks.",
          [("DEU", "POL", "armoured_vehicles")], q={("DEU", "POL", "armoured_vehicles"): 250}),
        c("Seoul hopes to offset the Norwegian spending on a contract to supply 24 K9 howitzers.",
          [("KOR", "NOR", "artillery")], q={("KOR", "NOR", "artillery"): 24}),
        c("Turkey's outlay on a deal with Russia to supply S-400 air defence systems drew sanctions.",
          [("RUS", "TUR", "air_defence")]),
        # a donor paying for another's weapons is no buyer: the transfer names its receiver
        c("Britain's spending on a contract to supply 20 armoured vehicles to Kenya rose last year.",
          [(None, "KEN", "armoured_vehicles")], q={(None, "KEN", "armoured_vehicles"): 20},
          opt=[("GBR", "KEN", "armoured_vehicles")]),
        # an outlay on no weapons is no transfer
        c("Analysts criticised the Saudi outlay on oil storage tanks and a new refinery.", []),
    ],
    "package_accessories": [
        c("The State Department approved a possible sale to Poland of 12 Apache helicopters, Hellfire missiles, "
          "spare parts and support equipment.",
          [("USA", "POL", "helicopters"), ("USA", "POL", "missiles")], q={("USA", "POL", "helicopters"): 12}),
        c("Turkey will buy 40 F-16 jets, spare parts and electro-optical systems from the United States.",
          [("USA", "TUR", "aircraft"), ("USA", "TUR", "sensors")], q={("USA", "TUR", "aircraft"): 40}),
        c("Germany has sent Ukraine ammunition, spare parts and surveillance systems for its air defence units.",
          [("DEU", "UKR", "ammunition"), ("DEU", "UKR", "sensors")]),
        c("Brazil ordered four coastal surveillance systems from Sweden's Saab for its navy.",
          [("SWE", "BRA", "sensors")], q={("SWE", "BRA", "sensors"): 4}),
        # spare parts on their own are the transfer
        c("Iran has bought spare parts for its F-14 fighter jets from China, officials said.",
          [("CHN", "IRN", "other")]),
        c("Russia will supply India with spare parts for its Su-30 fleet under a new contract.",
          [("RUS", "IND", "other")]),
    ],
    "deal_direction_from_contents": [
        c("South Korea signed a contract with Poland in July. The contract covers 180 K2 tanks.",
          [("KOR", "POL", "armoured_vehicles")], q={("KOR", "POL", "armoured_vehicles"): 180},
          d={("KOR", "POL", "armoured_vehicles"): "2023-07-01"}),
        c("Sweden signed a contract with Brazil on Monday. The contract covers 36 Gripen jets.",
          [("SWE", "BRA", "aircraft")], q={("SWE", "BRA", "aircraft"): 36}, d={("SWE", "BRA", "aircraft"): "2024-04-29"}),
        c("Germany signed an agreement with Norway on Friday. The agreement includes four Type 212 submarines.",
          [("DEU", "NOR", "submarines")], q={("DEU", "NOR", "submarines"): 4}),
        c("France signed a deal with Egypt last year. It covers 30 Rafale jets.",
          [("FRA", "EGY", "aircraft")], q={("FRA", "EGY", "aircraft"): 30}),
        # the article's own purchase runs the other way: the buyer's home-made weapons are not part of it
        c("Israel bought 12 F-35 jets from the United States in 2020. The jets are based in the Negev. Officials "
          "said the deliveries of the Merkava tanks were delayed.",
          [("USA", "ISR", "aircraft")], q={("USA", "ISR", "aircraft"): 12}),
        c("India bought 36 Rafale jets from France in 2016. The jets are based in Ambala. Officials said the "
          "deliveries of the Arjun tanks were delayed.",
          [("FRA", "IND", "aircraft")], q={("FRA", "IND", "aircraft"): 36}),
    ],
    "export_licence": [
        c("Germany granted export licences for 12 Leopard tanks to Qatar.",
          [("DEU", "QAT", "armoured_vehicles")], q={("DEU", "QAT", "armoured_vehicles"): 12}),
        c("Sweden granted Saab an export licence for Gripen jets to Brazil.", [("SWE", "BRA", "aircraft")]),
        c("South Korea granted export licences on Tuesday. The licences cover 36 K9 howitzers for the UAE.",
          [("KOR", "ARE", "artillery")], q={("KOR", "ARE", "artillery"): 36},
          d={("KOR", "ARE", "artillery"): "2024-04-30"}),
        c("France granted export licences on Monday. The licences cover 24 Caesar howitzers for Belgium.",
          [("FRA", "BEL", "artillery")], q={("FRA", "BEL", "artillery"): 24}),
        c("The United States granted Ukraine's request for Patriot air defence systems.",
          [("USA", "UKR", "air_defence")]),
        # a production licence is still licensed production: the licensee builds
        c("Egypt will build M1A1 tanks under licence from the United States.",
          [("USA", "EGY", "armoured_vehicles")]),
    ],
    "company_state_in_apposition": [
        c("Chile will buy eight patrol boats from Astilleros Armon, a Spanish shipbuilder, the navy said.",
          [("ESP", "CHL", "ships")], q={("ESP", "CHL", "ships"): 8}),
        c("Kenya ordered 12 armoured vehicles from Paramount Group, the South African manufacturer, in March.",
          [("ZAF", "KEN", "armoured_vehicles")], q={("ZAF", "KEN", "armoured_vehicles"): 12}),
        c("Vietnam will buy 20 drones from Elbit Systems, the Israeli defence contractor, officials said.",
          [("ISR", "VNM", "uav")], q={("ISR", "VNM", "uav"): 20}),
        c("Nigeria ordered six patrol boats from a French shipyard in May.",
          [("FRA", "NGA", "ships")], q={("FRA", "NGA", "ships"): 6}),
        # a company with plants in two states, or with no state named: the seller's state stays unknown
        c("Peru will buy 20 armoured vehicles from Tatra Defence, a company with plants in Slovakia and the "
          "Czech Republic.",
          [(None, "PER", "armoured_vehicles")], q={(None, "PER", "armoured_vehicles"): 20}),
        c("Ghana ordered six patrol boats from Ocea, the shipbuilder said.",
          [(None, "GHA", "ships")], q={(None, "GHA", "ships"): 6}),
    ],
    "built_for_or_abroad": [
        c("Two corvettes which were built for Egypt by Germany's TKMS arrived in Alexandria.",
          [("DEU", "EGY", "ships")], q={("DEU", "EGY", "ships"): 2}),
        c("A submarine that was built for Bangladesh by China was commissioned in Chittagong on Sunday.",
          [("CHN", "BGD", "submarines")], q={("CHN", "BGD", "submarines"): 1}),
        c("Morocco's new patrol vessel, built by Spain's Navantia, arrived in Casablanca on Monday.",
          [("ESP", "MAR", "ships")], d={("ESP", "MAR", "ships"): "2024-04-29"}),
        c("Greece's frigates, built by France's Naval Group, entered service in 2025.",
          [("FRA", "GRC", "ships")]),
        # built at home, or built with no holder named: no transfer
        c("India's new Su-30 jets, built by HAL in Nashik, were shown on Monday.", []),
        c("The new frigates, built by France's Naval Group, were shown at a naval fair on Monday.", []),
    ],
    "signed_deal_to_supply": [
        c("Leonardo said on Monday it had signed a contract with Egypt to supply 14 AW101 helicopters.",
          [("ITA", "EGY", "helicopters")], q={("ITA", "EGY", "helicopters"): 14}),
        c("Germany signed an agreement with Qatar on Friday to deliver 24 Leopard tanks.",
          [("DEU", "QAT", "armoured_vehicles")], q={("DEU", "QAT", "armoured_vehicles"): 24}),
        c("Turkey signed a contract with Indonesia last year to deliver 12 Anka drones.",
          [("TUR", "IDN", "uav")], q={("TUR", "IDN", "uav"): 12}),
        # two signatories: the maker of the weapons is the seller
        c("France and India signed an agreement to supply 26 Rafale jets.",
          [("FRA", "IND", "aircraft")], q={("FRA", "IND", "aircraft"): 26}),
        c("Brazil and Sweden signed a deal to supply 36 Gripen jets.",
          [("SWE", "BRA", "aircraft")], q={("SWE", "BRA", "aircraft"): 36}),
        c("France and Germany signed an agreement to develop a new battle tank.", []),
    ],
    "maker_among_coordinated_suppliers": [
        c("France and Germany supplied Leopard tanks to Ukraine.",
          [("FRA", "UKR", "armoured_vehicles"), ("DEU", "UKR", "armoured_vehicles")]),
        c("Spain and Germany have sent Leopard 2 tanks to Ukraine.",
          [("ESP", "UKR", "armoured_vehicles"), ("DEU", "UKR", "armoured_vehicles")]),
        c("Norway and the United States delivered NASAMS air defence systems to Ukraine.",
          [("NOR", "UKR", "air_defence"), ("USA", "UKR", "air_defence")]),
        c("Canada and Sweden supplied Carl Gustaf recoilless rifles to Latvia.",
          [("CAN", "LVA", "small_arms"), ("SWE", "LVA", "small_arms")]),
        # a maker word on the weapon is its origin, not a supplier
        c("Iraq has bought Russian-supplied helicopters from Belarus.", [("BLR", "IRQ", "helicopters")]),
        c("Poland supplied Soviet-made T-72 tanks to Ukraine.", [("POL", "UKR", "armoured_vehicles")]),
    ],
    "deal_apposition_names_parties": [
        c("The deal, Britain's largest with Nigeria in a decade, covers 200 Storm Shadow cruise missiles and 16 "
          "Challenger 2 tanks.",
          [("GBR", "NGA", "missiles"), ("GBR", "NGA", "armoured_vehicles")],
          q={("GBR", "NGA", "missiles"): 200, ("GBR", "NGA", "armoured_vehicles"): 16}),
        c("The contract, France's biggest with India, covers 26 Rafale jets.",
          [("FRA", "IND", "aircraft")], q={("FRA", "IND", "aircraft"): 26}),
        c("The agreement, Seoul's second with Warsaw this year, covers 96 K9 howitzers.",
          [("KOR", "POL", "artillery")], q={("KOR", "POL", "artillery"): 96}),
        c("The sale, Israel's biggest to India, covers 12 Heron drones.",
          [("ISR", "IND", "uav")], q={("ISR", "IND", "uav"): 12}),
        c("The sale, Germany's first to Qatar, includes 24 Leopard tanks.",
          [("DEU", "QAT", "armoured_vehicles")], q={("DEU", "QAT", "armoured_vehicles"): 24}),
        # an apposition that names no party lends none
        c("The deal, the largest in a decade, covers 12 Rafale jets.", []),
    ],
    "civil_drones_and_services": [
        c("Chinese firms exported 16 thousand crop-spraying drones to Cairo last year.", []),
        c("Japan sold 300 agricultural drones to Vietnam last year.", []),
        c("Kenya bought 20 hobby drones from a Chinese retailer for its national parks.", []),
        c("Norway ordered six AW169 helicopters from Italy for its air ambulance service.", []),
        # an armed force's own medical helicopters and combat drones stay arms
        c("The Philippine air force ordered 12 medevac helicopters from Poland.", [("POL", "PHL", "helicopters")],
          q={("POL", "PHL", "helicopters"): 12}),
        c("Turkey exported Bayraktar TB2 combat drones to Poland.", [("TUR", "POL", "uav")]),
    ],
    "asked_and_mentioned_again": [
        c("Moscow has urged Israel not to sell Tavor assault rifles to Serbia, but Israel said on Monday the deal "
          "for 10,000 Tavor assault rifles would go ahead.",
          [("ISR", "SRB", "small_arms")], q={("ISR", "SRB", "small_arms"): 10000}),
        c("Washington asked Berlin not to send Leopard tanks to Qatar.", [("DEU", "QAT", "armoured_vehicles")]),
        c("Russia agreed to sell S-400 systems to India, and the deal for five S-400 systems was signed in October.",
          [("RUS", "IND", "air_defence")], q={("RUS", "IND", "air_defence"): 5}),
        # the asker receives when the transfer names no receiver of its own
        c("Kyiv urged Berlin to send more Leopard tanks.", [("DEU", "UKR", "armoured_vehicles")]),
        c("Japan asked the United States to sell it 100 F-35 jets.", [("USA", "JPN", "aircraft")],
          q={("USA", "JPN", "aircraft"): 100}),
        # two transfers of the same weapons: the counted one keeps its count to itself
        c("Germany will send Leopard tanks to Poland, while the delivery of 14 Leopard tanks to Ukraine is planned "
          "for May.",
          [("DEU", "POL", "armoured_vehicles"), ("DEU", "UKR", "armoured_vehicles")],
          q={("DEU", "POL", "armoured_vehicles"): None, ("DEU", "UKR", "armoured_vehicles"): 14}),
    ],
}


def all_cases() -> list[XCase]:
    """Every case of the set, in the order above."""
    return cases_of(CASES)
