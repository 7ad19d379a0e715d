"""A fresh behavioural set, written independently of the other three (pure data, no pipeline imports).

Where ``cases.py``, ``cases_hard.py`` and ``cases_context.py`` rotate fillers through templates, every case
here is one hand-written newswire text: its own states, companies, weapons, publication date and, where
it matters, headline (``Case.title``). The set probes what real reporting does that the templated sets
may not: enumerations with counts and money in one sentence, packages of four or more items, coordinated
suppliers and recipients, parties named only in the headline or the previous sentence, transfer dates
that differ from the statement's date, relative dates, passives inside relative clauses, "X-made W",
companies standing for their states, cancelled / requested / denied deals, quantity phrases, quotes and
long attributions, non-state recipients, and hard negatives (civil trade, talks, drills, combat use,
domestic procurement).

Conventions are those of ``cases_hard.XCase``: ``expected`` is the exact tuple set, ``optional`` tuples may
be produced or not (a denied or hypothetical transfer, a maker that is not the seller), ``quantities``
maps a tuple to its quantity_value (None: the text gives no count for it; a tuple with two different
counts in the text is left out) and ``dates`` to its expected date_start (month -> first day, year ->
1 January, "last week" -> its Monday; weekdays are the latest such day on or before publication).
The set has no stage field: stage is not checked.
"""
from __future__ import annotations

import datetime as dt

from .cases_hard import XCase

PUB = dt.date(2024, 5, 1)       # Wednesday: the default publication date


def c(text: str, expected=(), *, q=None, d=None, opt=(), title=None, pub=PUB) -> dict:
    """One case: tuples as (supplier_iso3, recipient_iso3, category)."""
    return dict(text=text, expected=frozenset(expected), quantities=dict(q or {}), dates=dict(d or {}),
                optional=frozenset(opt), title=title, published=pub)


CASES: dict[str, list[dict]] = {
    # several weapons, each with its own count, plus a deal value, in one sentence
    "enumeration_counts_money": [
        c("WARSAW, March 14 (Reuters) - Romania will buy 54 K2 tanks, 36 K9 howitzers and 12 FA-50 light attack "
          "jets from South Korea in a deal worth about $3.1 billion, the defence ministry said on Tuesday.",
          [("KOR", "ROU", "armoured_vehicles"), ("KOR", "ROU", "artillery"), ("KOR", "ROU", "aircraft")],
          q={("KOR", "ROU", "armoured_vehicles"): 54, ("KOR", "ROU", "artillery"): 36, ("KOR", "ROU", "aircraft"): 12},
          pub=dt.date(2023, 3, 15)),
        c("Indonesia signed a $1.4 billion contract with France on Thursday for 18 Rafale fighters, two Scorpene "
          "submarines and 300 Exocet missiles, Jakarta's defence ministry said.",
          [("FRA", "IDN", "aircraft"), ("FRA", "IDN", "submarines"), ("FRA", "IDN", "missiles")],
          q={("FRA", "IDN", "aircraft"): 18, ("FRA", "IDN", "submarines"): 2, ("FRA", "IDN", "missiles"): 300}),
        c("Under the 2.9 billion euro agreement, Germany will deliver 44 Leopard 2 tanks, 12 PzH 2000 howitzers "
          "and four IRIS-T air defence systems to Lithuania by 2030.",
          [("DEU", "LTU", "armoured_vehicles"), ("DEU", "LTU", "artillery"), ("DEU", "LTU", "air_defence")],
          q={("DEU", "LTU", "armoured_vehicles"): 44, ("DEU", "LTU", "artillery"): 12,
             ("DEU", "LTU", "air_defence"): 4}),
        c("Egypt has agreed to pay Russia about $2 billion for 24 Su-35 fighter jets and 46 Ka-52 attack "
          "helicopters, according to people familiar with the contract.",
          [("RUS", "EGY", "aircraft"), ("RUS", "EGY", "helicopters")],
          q={("RUS", "EGY", "aircraft"): 24, ("RUS", "EGY", "helicopters"): 46}),
        c("The State Department approved a possible $3.5 billion sale to Greece of 40 F-35 jets, eight MH-60R "
          "helicopters and 120 AIM-120 missiles, the Defense Security Cooperation Agency said.",
          [("USA", "GRC", "aircraft"), ("USA", "GRC", "helicopters"), ("USA", "GRC", "missiles")],
          q={("USA", "GRC", "aircraft"): 40, ("USA", "GRC", "helicopters"): 8, ("USA", "GRC", "missiles"): 120}),
        c("Turkey will sell 20 Akinci drones, 30 Kirpi armoured vehicles and an undisclosed number of T129 "
          "helicopters to Azerbaijan under a $750 million package signed in Baku on Monday.",
          [("TUR", "AZE", "uav"), ("TUR", "AZE", "armoured_vehicles"), ("TUR", "AZE", "helicopters")],
          q={("TUR", "AZE", "uav"): 20, ("TUR", "AZE", "armoured_vehicles"): 30, ("TUR", "AZE", "helicopters"): None}),
        c("Vietnam paid Israel $500 million for four Spyder air defence batteries, 30 Hermes 450 drones and "
          "2,000 Tavor rifles, Israeli business daily Globes reported on Sunday.",
          [("ISR", "VNM", "air_defence"), ("ISR", "VNM", "uav"), ("ISR", "VNM", "small_arms")],
          q={("ISR", "VNM", "air_defence"): 4, ("ISR", "VNM", "uav"): 30, ("ISR", "VNM", "small_arms"): 2000}),
        c("China has sold Pakistan 36 J-10C fighters, four Type 054A frigates and 250 PL-15 missiles for an "
          "estimated $6 billion, according to a new report by a Stockholm think tank.",
          [("CHN", "PAK", "aircraft"), ("CHN", "PAK", "ships"), ("CHN", "PAK", "missiles")],
          q={("CHN", "PAK", "aircraft"): 36, ("CHN", "PAK", "ships"): 4, ("CHN", "PAK", "missiles"): 250}),
    ],
    # "a package that includes" four or more items
    "package_includes_many": [
        c("WASHINGTON (AP) - The Pentagon on Friday announced a $2.2 billion aid package for Ukraine that includes "
          "two HAWK air defence batteries, 181 MRAP armoured vehicles, Javelin anti-tank missiles, 190 heavy "
          "machine guns and thousands of artillery rounds.",
          [("USA", "UKR", "air_defence"), ("USA", "UKR", "armoured_vehicles"), ("USA", "UKR", "missiles"),
           ("USA", "UKR", "small_arms"), ("USA", "UKR", "ammunition")],
          q={("USA", "UKR", "air_defence"): 2, ("USA", "UKR", "armoured_vehicles"): 181,
             ("USA", "UKR", "missiles"): None, ("USA", "UKR", "small_arms"): 190},
          pub=dt.date(2023, 2, 3)),
        c("Australia said on Wednesday it would send Ukraine a package that includes Bushmaster vehicles, M113 "
          "armoured personnel carriers, drones, ammunition and medical supplies worth A$110 million.",
          [("AUS", "UKR", "armoured_vehicles"), ("AUS", "UKR", "uav"), ("AUS", "UKR", "ammunition")]),
        c("Norway's latest package for Ukraine, announced in Oslo on Thursday, includes NASAMS air defence "
          "launchers, 14 M109 howitzers, Black Hornet nano drones and CV90 infantry fighting vehicles.",
          [("NOR", "UKR", "air_defence"), ("NOR", "UKR", "artillery"), ("NOR", "UKR", "uav"),
           ("NOR", "UKR", "armoured_vehicles")],
          q={("NOR", "UKR", "artillery"): 14, ("NOR", "UKR", "air_defence"): None}),
        c("Under the agreement Saudi Arabia will receive from the United States a package that includes four THAAD "
          "batteries, 40 Black Hawk helicopters, four frigates and 150 light armoured vehicles.",
          [("USA", "SAU", "air_defence"), ("USA", "SAU", "helicopters"), ("USA", "SAU", "ships"),
           ("USA", "SAU", "armoured_vehicles")],
          q={("USA", "SAU", "helicopters"): 40, ("USA", "SAU", "armoured_vehicles"): 150}),
        c("Sweden's 15th support package for Ukraine includes Archer artillery systems, CV90 combat vehicles, "
          "RBS 70 air defence units, Carl Gustaf recoilless rifles and 155mm ammunition, the government said.",
          [("SWE", "UKR", "artillery"), ("SWE", "UKR", "armoured_vehicles"), ("SWE", "UKR", "air_defence"),
           ("SWE", "UKR", "small_arms"), ("SWE", "UKR", "ammunition")],
          q={("SWE", "UKR", "artillery"): None, ("SWE", "UKR", "armoured_vehicles"): None}),
        c("Italy's naval package for Qatar includes four corvettes, an amphibious ship, two offshore patrol "
          "vessels, NH90 helicopters and Marte anti-ship missiles, Fincantieri said in a statement.",
          [("ITA", "QAT", "ships"), ("ITA", "QAT", "helicopters"), ("ITA", "QAT", "missiles")]),
        c("Britain said on Monday its new package for Ukraine, worth 2.5 billion pounds, includes 20 AS-90 howitzers, "
          "Challenger 2 tanks, hundreds of armoured vehicles, 100,000 artillery rounds and Brimstone missiles.",
          [("GBR", "UKR", "artillery"), ("GBR", "UKR", "armoured_vehicles"), ("GBR", "UKR", "ammunition"),
           ("GBR", "UKR", "missiles")],
          q={("GBR", "UKR", "artillery"): 20, ("GBR", "UKR", "ammunition"): 100000}),
        c("Canada's contribution to Ukraine, which includes eight Leopard 2 tanks, a NASAMS battery, 35 drones and "
          "21,000 rounds of rifle ammunition, was detailed by the defence minister in Ottawa on Tuesday.",
          [("CAN", "UKR", "armoured_vehicles"), ("CAN", "UKR", "air_defence"), ("CAN", "UKR", "uav"),
           ("CAN", "UKR", "ammunition")],
          q={("CAN", "UKR", "armoured_vehicles"): 8, ("CAN", "UKR", "uav"): 35, ("CAN", "UKR", "ammunition"): 21000}),
    ],
    # two or more suppliers and/or two or more recipients in one sentence
    "coordinated_parties": [
        c("France and Italy will jointly supply SAMP/T air defence systems to Ukraine, the two countries' "
          "defence ministers said on Friday.",
          [("FRA", "UKR", "air_defence"), ("ITA", "UKR", "air_defence")]),
        c("The Netherlands and Denmark have pledged F-16 fighter jets to Ukraine once pilots finish training.",
          [("NLD", "UKR", "aircraft"), ("DNK", "UKR", "aircraft")]),
        c("Russia sold Su-30 fighters to Algeria, Vietnam and Malaysia in the 2000s, while China supplied JF-17 jets "
          "to Nigeria and Myanmar.",
          [("RUS", "DZA", "aircraft"), ("RUS", "VNM", "aircraft"), ("RUS", "MYS", "aircraft"),
           ("CHN", "NGA", "aircraft"), ("CHN", "MMR", "aircraft")]),
        c("Both South Korea and Turkey have sold armoured vehicles to Indonesia and the Philippines in the past "
          "decade, according to the data.",
          [("KOR", "IDN", "armoured_vehicles"), ("KOR", "PHL", "armoured_vehicles"),
           ("TUR", "IDN", "armoured_vehicles"), ("TUR", "PHL", "armoured_vehicles")]),
        c("Germany, Norway and the Netherlands have each sent PzH 2000 howitzers to Kyiv since the invasion.",
          [("DEU", "UKR", "artillery"), ("NOR", "UKR", "artillery"), ("NLD", "UKR", "artillery")]),
        c("Israel is supplying Barak 8 air defence systems to India and Azerbaijan, while Turkey has sold Bayraktar "
          "drones to Poland, Morocco and Ethiopia.",
          [("ISR", "IND", "air_defence"), ("ISR", "AZE", "air_defence"), ("TUR", "POL", "uav"),
           ("TUR", "MAR", "uav"), ("TUR", "ETH", "uav")]),
        c("Kenya and Uganda have both received armoured vehicles from China and Mi-17 helicopters from Russia, "
          "the report said.",
          [("CHN", "KEN", "armoured_vehicles"), ("CHN", "UGA", "armoured_vehicles"),
           ("RUS", "KEN", "helicopters"), ("RUS", "UGA", "helicopters")]),
        c("Brazil bought Gripen fighters from Sweden and Scorpene submarines from France, officials in Brasilia "
          "said on Monday.",
          [("SWE", "BRA", "aircraft"), ("FRA", "BRA", "submarines")]),
    ],
    # a party (or both) named only in the headline
    "party_in_headline": [
        c("The kingdom has signed a $500 million contract for the Barak MX air defence system, which will be "
          "delivered over three years, people familiar with the deal said.",
          [("ISR", "MAR", "air_defence")], title="Morocco buys Israeli air defence system"),
        c("The deal, worth about $700 million, would make Hanoi the second foreign buyer of the anti-ship missile "
          "after the Philippines, officials in New Delhi said.",
          [("IND", "VNM", "missiles")], opt=[("IND", "PHL", "missiles")],
          title="Vietnam to acquire Indian BrahMos missiles"),
        c("The government in Berlin on Wednesday cleared the sale of 24 tanks and 12 howitzers, a spokesman said, "
          "despite criticism from opposition lawmakers.",
          [("DEU", "QAT", "armoured_vehicles"), ("DEU", "QAT", "artillery")],
          q={("DEU", "QAT", "armoured_vehicles"): 24, ("DEU", "QAT", "artillery"): 12},
          title="Germany approves Leopard tank exports to Qatar"),
        c("The package includes 50 M1A2 tanks and related equipment, the Defense Security Cooperation Agency "
          "said on Tuesday.",
          [("USA", "BHR", "armoured_vehicles")], q={("USA", "BHR", "armoured_vehicles"): 50},
          title="U.S. clears $1.5 billion sale of Abrams tanks to Bahrain"),
        c("The ship, built by Fincantieri at its Muggiano yard, sailed for Alexandria on Thursday with an "
          "Egyptian crew.",
          [("ITA", "EGY", "ships")], title="Egypt takes delivery of first FREMM frigate from Italy"),
        c("Six CH-92A combat drones landed at Batajnica air base on Saturday, the defence ministry said, the first "
          "Chinese armed drones to be flown in Europe.",
          [("CHN", "SRB", "uav")], q={("CHN", "SRB", "uav"): 6}, title="Serbia receives Chinese drones"),
        c("The air force will receive 12 of the Embraer-built turboprops under a contract signed in Brasilia "
          "last month.",
          [("BRA", "NGA", "aircraft")], q={("BRA", "NGA", "aircraft"): 12}, d={("BRA", "NGA", "aircraft"): "2022-10-01"},
          title="Nigeria orders Super Tucano aircraft", pub=dt.date(2022, 11, 4)),
        c("Manila will buy 32 more helicopters from PZL Mielec, the Polish subsidiary of Lockheed Martin, the "
          "defence department said.",
          [("POL", "PHL", "helicopters")], q={("POL", "PHL", "helicopters"): 32},
          opt=[("USA", "PHL", "helicopters")], title="Philippines signs for more Black Hawks"),
    ],
    # the transfer's own date is not the date of the statement that reports it
    "transfer_date_not_statement": [
        c("Spain said on Monday it had approved in January the sale of 16 Leopard 2 tanks to Latvia.",
          [("ESP", "LVA", "armoured_vehicles")], q={("ESP", "LVA", "armoured_vehicles"): 16},
          d={("ESP", "LVA", "armoured_vehicles"): "2023-01-01"}, pub=dt.date(2023, 3, 15)),
        c("The deal, signed in March, will see France deliver 12 used Rafale jets to Croatia by 2024, the defence "
          "ministry said on Thursday.",
          [("FRA", "HRV", "aircraft")], q={("FRA", "HRV", "aircraft"): 12},
          d={("FRA", "HRV", "aircraft"): "2021-03-01"}, pub=dt.date(2021, 11, 25)),
        c("South Korea completed delivery of 24 K9 howitzers to Norway in November, Hanwha Aerospace said on "
          "Tuesday.",
          [("KOR", "NOR", "artillery")], q={("KOR", "NOR", "artillery"): 24},
          d={("KOR", "NOR", "artillery"): "2022-11-01"}, pub=dt.date(2023, 3, 15)),
        c("Japan's cabinet on Friday approved the transfer of five TC-90 patrol aircraft to Malaysia, officials "
          "told reporters the following week.",
          [("JPN", "MYS", "aircraft")], q={("JPN", "MYS", "aircraft"): 5},
          d={("JPN", "MYS", "aircraft"): "2022-11-04"}, pub=dt.date(2022, 11, 9)),
        c("Bulgaria received its first two F-16 fighters from the United States in 2024, a year later than "
          "planned, officials told reporters on Wednesday.",
          [("USA", "BGR", "aircraft")], q={("USA", "BGR", "aircraft"): 2},
          d={("USA", "BGR", "aircraft"): "2024-01-01"}, pub=dt.date(2025, 2, 12)),
        c("Britain sold three Type 23 frigates to Chile in 2005, defence officials recalled on Thursday as the "
          "navy marked the anniversary.",
          [("GBR", "CHL", "ships")], q={("GBR", "CHL", "ships"): 3}, d={("GBR", "CHL", "ships"): "2005-01-01"},
          pub=dt.date(2023, 3, 15)),
        c("Algeria took delivery of two Kilo-class submarines from Russia last week, the ministry confirmed on "
          "Monday.",
          [("RUS", "DZA", "submarines")], q={("RUS", "DZA", "submarines"): 2},
          d={("RUS", "DZA", "submarines"): "2023-03-06"}, pub=dt.date(2023, 3, 15)),
        c("Speaking on Tuesday, the minister said the contract for 18 French Caesar howitzers for Belgium had been "
          "signed earlier this month.",
          [("FRA", "BEL", "artillery")], q={("FRA", "BEL", "artillery"): 18},
          d={("FRA", "BEL", "artillery"): "2023-03-01"}, pub=dt.date(2023, 3, 15)),
    ],
    # relative dates resolved against the publication date (Tuesday 2024-09-10)
    "relative_dates": [
        c("Pakistan received the first batch of J-10C fighters from China last week, military sources said.",
          [("CHN", "PAK", "aircraft")], d={("CHN", "PAK", "aircraft"): "2024-09-02"}, pub=dt.date(2024, 9, 10)),
        c("Earlier this month, Estonia took delivery of six HIMARS launchers from the United States.",
          [("USA", "EST", "artillery")], q={("USA", "EST", "artillery"): 6},
          d={("USA", "EST", "artillery"): "2024-09-01"}, pub=dt.date(2024, 9, 10)),
        c("Qatar bought the NASAMS air defence system from Norway in 2019 and has since added more launchers.",
          [("NOR", "QAT", "air_defence")], d={("NOR", "QAT", "air_defence"): "2019-01-01"}, pub=dt.date(2024, 9, 10)),
        c("Thailand ordered two more Gripen jets from Sweden last year, according to the air force.",
          [("SWE", "THA", "aircraft")], q={("SWE", "THA", "aircraft"): 2},
          d={("SWE", "THA", "aircraft"): "2023-01-01"}, pub=dt.date(2024, 9, 10)),
        c("Last month, Morocco quietly took delivery of Chinese-made Wing Loong II drones, satellite images show.",
          [("CHN", "MAR", "uav")], d={("CHN", "MAR", "uav"): "2024-08-01"}, pub=dt.date(2024, 9, 10)),
        c("Kazakhstan ordered two A400M transport aircraft from Airbus earlier this year, the company said.",
          [("FRA", "KAZ", "aircraft")], q={("FRA", "KAZ", "aircraft"): 2},
          d={("FRA", "KAZ", "aircraft"): "2024-01-01"}, pub=dt.date(2024, 9, 10)),
        c("In March, Armenia received a first batch of Caesar howitzers from France, the Armenian defence "
          "ministry said on Monday.",
          [("FRA", "ARM", "artillery")], d={("FRA", "ARM", "artillery"): "2024-03-01"}, pub=dt.date(2024, 9, 10)),
        c("Ukraine got its first F-16 jets from Denmark and the Netherlands in July, President Volodymyr "
          "Zelenskiy said on Sunday.",
          [("DNK", "UKR", "aircraft"), ("NLD", "UKR", "aircraft")],
          d={("DNK", "UKR", "aircraft"): "2024-07-01", ("NLD", "UKR", "aircraft"): "2024-07-01"},
          pub=dt.date(2024, 9, 10)),
    ],
    # a passive inside a relative clause or a reduced relative, with its agent
    "passive_in_relative": [
        c("The 12 Mi-35 helicopters, which were supplied by Russia to Mali in 2021, have been grounded for lack of "
          "spare parts.",
          [("RUS", "MLI", "helicopters")], q={("RUS", "MLI", "helicopters"): 12},
          d={("RUS", "MLI", "helicopters"): "2021-01-01"}),
        c("Investigators examined the Hermes 900 drones that had been sold to Azerbaijan by Israel's Elbit Systems.",
          [("ISR", "AZE", "uav")]),
        c("Greece is upgrading the Mirage 2000-5 jets that were delivered to Athens by France in the early 2000s.",
          [("FRA", "GRC", "aircraft")]),
        c("Taiwan will keep the Harpoon coastal defence missiles, which were approved for sale by the U.S. State "
          "Department in 2020, at hidden sites along its coast.",
          [("USA", "TWN", "missiles")], d={("USA", "TWN", "missiles"): "2020-01-01"}),
        c("A frigate that was built for Indonesia by Dutch shipbuilder Damen was handed over at a ceremony in "
          "Vlissingen on Monday.",
          [("NLD", "IDN", "ships")]),
        c("Among the weapons seized were Kornet missiles that had been supplied by Russia to the Syrian government "
          "years earlier.",
          [("RUS", "SYR", "missiles")]),
        c("The T-72 tanks, originally bought by Uganda from Ukraine in 2011, are being overhauled in Kampala.",
          [("UKR", "UGA", "armoured_vehicles")], d={("UKR", "UGA", "armoured_vehicles"): "2011-01-01"}),
        c("Nigeria's 12 Super Tucano aircraft, which were ordered from the United States in 2018, flew their first "
          "combat missions this week.",
          [("USA", "NGA", "aircraft")], q={("USA", "NGA", "aircraft"): 12},
          d={("USA", "NGA", "aircraft"): "2018-01-01"}),
    ],
    # the supplier as a demonym on the weapon or as its builder
    "made_in_origin": [
        c("Bangladesh's army has taken delivery of Turkish-made TRG-300 rocket launchers, the military said.",
          [("TUR", "BGD", "artillery")]),
        c("Ethiopia has deployed Iranian-made Mohajer-6 drones it received last year, according to researchers.",
          [("IRN", "ETH", "uav")], d={("IRN", "ETH", "uav"): "2023-01-01"}),
        c("Cambodia received a batch of rocket launchers built by China's Norinco, state television showed.",
          [("CHN", "KHM", "artillery")]),
        c("Serbia has received Chinese-built FK-3 air defence systems, President Aleksandar Vucic said.",
          [("CHN", "SRB", "air_defence")]),
        c("Armenia has signed for Indian-made Pinaka rocket systems worth $250 million, officials in Yerevan said.",
          [("IND", "ARM", "artillery")]),
        c("The Moroccan navy's new patrol vessel, built by Spain's Navantia, arrived in Casablanca on Monday.",
          [("ESP", "MAR", "ships")]),
        c("Qatar received the last of its U.S.-built F-15QA jets on Sunday, the air force said.",
          [("USA", "QAT", "aircraft")]),
        c("Myanmar's military has bought Russian-made Yak-130 trainers and Chinese-made K-8 jets in recent years, "
          "a U.N. report said.",
          [("RUS", "MMR", "aircraft"), ("CHN", "MMR", "aircraft")]),
    ],
    # a company names the supplier state
    "company_as_state": [
        c("Lockheed Martin will deliver 24 F-35A jets to the Czech Republic from 2031 under the contract.",
          [("USA", "CZE", "aircraft")], q={("USA", "CZE", "aircraft"): 24}),
        c("Rheinmetall has won an order from Hungary for 218 Lynx infantry fighting vehicles, the Duesseldorf-based "
          "group said.",
          [("DEU", "HUN", "armoured_vehicles")], q={("DEU", "HUN", "armoured_vehicles"): 218}),
        c("Hanwha Aerospace signed a deal on Thursday to supply Egypt with 100 K9 howitzers, the company said.",
          [("KOR", "EGY", "artillery")], q={("KOR", "EGY", "artillery"): 100}),
        c("Saab said on Tuesday it had received an order from Latvia for RBS 70 air defence systems worth 700 "
          "million crowns.",
          [("SWE", "LVA", "air_defence")], q={("SWE", "LVA", "air_defence"): None}),
        c("Rafael signed a contract on Monday to supply Spike anti-tank missiles to Slovakia, the company said.",
          [("ISR", "SVK", "missiles")]),
        c("Norinco has shipped VN-4 armoured vehicles to Venezuela's national guard, photographs show.",
          [("CHN", "VEN", "armoured_vehicles")]),
        c("Rosoboronexport delivered two Mi-171Sh helicopters to Burkina Faso last month, the agency said.",
          [("RUS", "BFA", "helicopters")], q={("RUS", "BFA", "helicopters"): 2},
          d={("RUS", "BFA", "helicopters"): "2024-04-01"}),
        c("Baykar has delivered TB2 drones to Kuwait under a $370 million contract, the Turkish firm said.",
          [("TUR", "KWT", "uav")]),
        c("Embraer has agreed to sell C-390 transport aircraft to Hungary, its first NATO customer in Central "
          "Europe, the Brazilian planemaker said.",
          [("BRA", "HUN", "aircraft")]),
    ],
    # cancelled, requested and denied deals: cancelled and requested count; a denial may or may not
    "cancelled_requested_denied": [
        c("Switzerland has refused to allow Germany to re-export Gepard ammunition to Ukraine.",
          [], opt=[("DEU", "UKR", "ammunition"), ("CHE", "UKR", "ammunition")]),
        c("Indonesia cancelled its order for 11 Su-35 jets from Russia under the threat of U.S. sanctions.",
          [("RUS", "IDN", "aircraft")], q={("RUS", "IDN", "aircraft"): 11}),
        c("Kyiv has asked Berlin for Taurus cruise missiles, but Chancellor Olaf Scholz has so far declined.",
          [("DEU", "UKR", "missiles")]),
        c("Poland requested 96 Apache helicopters from the United States last year, officials said.",
          [("USA", "POL", "helicopters")], q={("USA", "POL", "helicopters"): 96},
          d={("USA", "POL", "helicopters"): "2023-01-01"}),
        c("Ankara on Friday denied reports that it had sold Bayraktar drones to Pakistan.",
          [], opt=[("TUR", "PAK", "uav")]),
        c("The Philippines scrapped a deal to buy 16 Mi-17 helicopters from Russia, officials said.",
          [("RUS", "PHL", "helicopters")], q={("RUS", "PHL", "helicopters"): 16}),
        c("Washington has not approved any sale of F-35 jets to Turkey since Ankara took delivery of Russian S-400 "
          "air defence systems.",
          [("RUS", "TUR", "air_defence")], opt=[("USA", "TUR", "aircraft")]),
        c("Colombia has pulled out of the planned purchase of Swedish Gripen fighters, opting for French Rafale "
          "jets instead.",
          [("SWE", "COL", "aircraft"), ("FRA", "COL", "aircraft")]),
    ],
    # quantity phrases: "a further", "up to", "as many as", "more", "another", squadrons, dozens
    "quantity_phrases": [
        c("Japan will buy a further 42 F-35 fighters from the United States, the defence ministry said.",
          [("USA", "JPN", "aircraft")], q={("USA", "JPN", "aircraft"): 42}),
        c("The U.S. approved the sale of up to 12 AH-1Z attack helicopters to Nigeria on Thursday.",
          [("USA", "NGA", "helicopters")], q={("USA", "NGA", "helicopters"): 12}),
        c("Vietnam is negotiating the purchase of two squadrons of Su-30 fighters from Russia, sources said.",
          [("RUS", "VNM", "aircraft")], q={("RUS", "VNM", "aircraft"): None}),
        c("Dozens of Turkish-made Kirpi armoured vehicles have been delivered to Libya over the past year.",
          [("TUR", "LBY", "armoured_vehicles")], q={("TUR", "LBY", "armoured_vehicles"): None}),
        c("Croatia will receive another eight Black Hawk helicopters from the United States next year.",
          [("USA", "HRV", "helicopters")], q={("USA", "HRV", "helicopters"): 8}),
        c("Greece will get 60 more Leopard 1 tanks from Germany under a swap agreed in Athens.",
          [("DEU", "GRC", "armoured_vehicles")], q={("DEU", "GRC", "armoured_vehicles"): 60}),
        c("Morocco plans to buy as many as 150 Bayraktar drones from Turkey, according to a defence website.",
          [("TUR", "MAR", "uav")], q={("TUR", "MAR", "uav"): 150}),
        c("The Pentagon has shipped 300 Javelin missiles to Estonia in the past year, an official said.",
          [("USA", "EST", "missiles")], q={("USA", "EST", "missiles"): 300}),
    ],
    # direct quotes, long attributions and subordinate clauses around the transfer
    "quotes_attribution": [
        c("\u201cWe have decided to provide Ukraine with 40 Marder infantry fighting vehicles,\u201d German "
          "Chancellor Olaf Scholz told reporters in Berlin on Thursday.",
          [("DEU", "UKR", "armoured_vehicles")], q={("DEU", "UKR", "armoured_vehicles"): 40}),
        c("\u201cThe first six jets will land in Zagreb next spring,\u201d said the Croatian defence minister, whose "
          "government bought 12 used Rafale fighters from France for 999 million euros.",
          [("FRA", "HRV", "aircraft")]),
        c("\u201cThis is the biggest arms deal in our history,\u201d the Malaysian defence minister said on Monday "
          "after his country signed for 18 FA-50 jets from South Korea.",
          [("KOR", "MYS", "aircraft")], q={("KOR", "MYS", "aircraft"): 18}),
        c("Kuwait's purchase of 28 Eurofighter Typhoons from Italy, which a government audit described in a report "
          "on Sunday as 'overpriced', is nearly complete, the report said.",
          [("ITA", "KWT", "aircraft")], q={("ITA", "KWT", "aircraft"): 28}),
        c("Saying the weapons were needed 'to deter aggression', the Taiwanese defence ministry confirmed on "
          "Saturday that the United States had agreed to sell it 400 Harpoon missiles.",
          [("USA", "TWN", "missiles")], q={("USA", "TWN", "missiles"): 400}),
        c("ABUJA, July 9 (Reuters) - Nigeria's air force has received 12 attack helicopters from Turkey, a "
          "spokesman said on Sunday, describing the T129 ATAK machines as 'a game changer' against insurgents.",
          [("TUR", "NGA", "helicopters")], q={("TUR", "NGA", "helicopters"): 12}, pub=dt.date(2023, 7, 9)),
        c("The contract, under which Egypt will buy 30 more Rafale jets from France, was signed in Cairo, the "
          "Egyptian presidency said in a statement, without giving a value.",
          [("FRA", "EGY", "aircraft")], q={("FRA", "EGY", "aircraft"): 30}),
        c("A senior official in Seoul, who spoke on condition of anonymity because the talks are confidential, "
          "said Saudi Arabia was close to ordering Cheongung air defence systems from South Korea.",
          [("KOR", "SAU", "air_defence")]),
    ],
    # the parties are in the previous sentence; the transfer sentence has an anaphor or none
    "parties_previous_sentence": [
        c("Argentina's defence minister flew to Copenhagen on Tuesday to close the purchase of used fighter jets "
          "from Denmark. The 24 F-16s will cost about $300 million.",
          [("DNK", "ARG", "aircraft")], q={("DNK", "ARG", "aircraft"): 24}),
        c("Talks between Greece and France ended in Paris on Friday. Athens will take three Belharra frigates, "
          "with an option for a fourth.",
          [("FRA", "GRC", "ships")], q={("FRA", "GRC", "ships"): 3}),
        c("India is Russia's largest arms customer. It bought five S-400 regiments for $5.4 billion in 2018.",
          [("RUS", "IND", "air_defence")], q={("RUS", "IND", "air_defence"): 5}, opt=[("RUS", "IND", "unspecified")],
          d={("RUS", "IND", "air_defence"): "2018-01-01"}),
        c("Finland picked the U.S. bid over four rival offers. The Nordic country will buy 64 F-35 jets for $9.4 "
          "billion.",
          [("USA", "FIN", "aircraft")], q={("USA", "FIN", "aircraft"): 64}),
        c("Polish officials visited South Korea's Hanwha Aerospace last month. They came away with a deal for 288 "
          "Chunmoo rocket launchers.",
          [("KOR", "POL", "artillery")], q={("KOR", "POL", "artillery"): 288}),
        c("Kazakhstan has long bought its military hardware from Moscow. This year it will receive four Su-30SM "
          "jets.",
          [("RUS", "KAZ", "aircraft")], q={("RUS", "KAZ", "aircraft"): 4}, opt=[("RUS", "KAZ", "unspecified")]),
        c("Saudi Arabia has turned to China after U.S. restrictions on drone exports. Riyadh has ordered Wing Loong "
          "II drones and will assemble some locally, officials said.",
          [("CHN", "SAU", "uav")]),
        c("Serbian President Aleksandar Vucic visited Paris on Monday. Belgrade will buy 12 Rafale jets in a deal "
          "worth 2.7 billion euros, he said.",
          [("FRA", "SRB", "aircraft")], q={("FRA", "SRB", "aircraft"): 12}),
    ],
    # a non-state recipient: its party is NULL, the row is kept because the supplier is a state
    "non_state_recipient": [
        c("Iran has supplied Shahed drones and anti-ship missiles to the Houthis in Yemen, a U.N. panel said.",
          [("IRN", None, "uav"), ("IRN", None, "missiles")]),
        c("Hezbollah has received thousands of rockets from Iran through Syria, Israeli officials said.",
          [("IRN", None, "ammunition")], opt=[("SYR", None, "ammunition")]),
        c("The United States will send anti-tank missiles to Kurdish fighters in northern Syria, a Pentagon "
          "spokesman said.",
          [("USA", None, "missiles")]),
        c("Russia's Wagner group received Pantsir air defence systems from the Russian government, the report said.",
          [("RUS", None, "air_defence")]),
        c("Rwanda has denied U.N. findings that it supplied mortars and drones to the M23 rebels.",
          [], opt=[("RWA", None, "artillery"), ("RWA", None, "uav")]),
        c("The Taliban seized Black Hawk helicopters that the United States had given to the Afghan air force.",
          [("USA", "AFG", "helicopters")]),
        c("Turkey has sold armed drones to the Libyan government in Tripoli, while the UAE supplied Pantsir systems "
          "to the forces of Khalifa Haftar.",
          [("TUR", "LBY", "uav"), ("ARE", None, "air_defence")]),
        c("Iran shipped Fateh-110 missiles to Hamas via smuggling tunnels, Israeli intelligence officials said.",
          [("IRN", None, "missiles")]),
    ],
    # civil trade with arms-trade words, parties and companies: no row
    "negative_civil_trade": [
        c("Greek shipowners sold 12 crude oil tankers to Chinese buyers last month, shipbrokers said."),
        c("Turkish Airlines has ordered 220 Airbus jets, the carrier said on Saturday, in one of the largest deals "
          "in aviation history."),
        c("Germany's Bosch will supply brake systems and engine parts to Indian carmakers under a $400 million "
          "contract."),
        c("Russia delivered 1.2 million tonnes of wheat to Egypt in March, the agriculture ministry said."),
        c("South Korea's Hyundai Heavy Industries will build four LNG carriers for QatarEnergy under a deal signed "
          "on Tuesday."),
        c("Embraer delivered 15 E195-E2 regional jets to Royal Jordanian Airlines last year, the Brazilian "
          "planemaker said."),
        c("France's Alstom will supply 40 high-speed trains to Morocco under a contract worth 780 million euros."),
        c("China exported 50,000 electric vehicles and 2,000 tractors to Brazil last year, customs data showed."),
    ],
    # military news that reports no transfer: talks, drills, combat, domestic orders
    "negative_military_no_transfer": [
        c("U.S. and Russian negotiators met in Geneva on Wednesday to discuss limits on intermediate-range "
          "missiles, but no agreement was reached."),
        c("Indian and French fighter jets took part in the Garuda air exercise at Jodhpur, with Rafales flying "
          "alongside Su-30MKIs."),
        c("Russian forces fired Iskander missiles at Ukrainian positions near Kharkiv on Sunday, the Ukrainian "
          "military said."),
        c("The U.S. Army awarded Lockheed Martin a $4.8 billion contract for more PAC-3 interceptors for its own "
          "forces."),
        c("Germany's Bundeswehr ordered 123 Boxer armoured vehicles from Rheinmetall on Friday."),
        c("Chinese and Pakistani warships held joint drills in the Arabian Sea this week, Beijing said."),
        c("Israel used U.S.-made F-35 jets in the strikes, the military said on Saturday.",
          opt=[("USA", "ISR", "aircraft")]),
        c("Britain's Royal Navy commissioned its second aircraft carrier, HMS Prince of Wales, built by a "
          "consortium led by BAE Systems."),
    ],
}


def all_cases() -> list[XCase]:
    """Every fresh case, in the order above."""
    return cases_of(CASES)


def cases_of(table: dict[str, list[dict]]) -> list[XCase]:
    """XCases from a {phenomenon: [c(...), ...]} table, ids numbered per phenomenon."""
    out = []
    for phenomenon, specs in table.items():
        for n, spec in enumerate(specs):
            out.append(XCase(phenomenon, n, spec["text"], spec["expected"], spec["quantities"],
                             title=spec["title"], published=spec["published"], dates=spec["dates"],
                             optional=spec["optional"] - spec["expected"]))
    return out
