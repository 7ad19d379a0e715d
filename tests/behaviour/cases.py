"""CheckList-style behavioural cases for the transfer extractor (pure data, no pipeline imports).

Every case is one constructed text plus the EXACT set of (supplier_iso3, recipient_iso3,
weapon_category) tuples it must yield (None for an unnamed party); a missing, an extra and a
swapped row all fail. Cases come from TEMPLATES: per phenomenon a few wordings with slots, filled
from the lists below by a deterministic rotation (no randomness), so every phenomenon is tried
with different states, surface forms, weapons and companies.

Slots (``str.format`` fields; see ``_slots``):

  {S} {S2}        supplying states: the surface form; .cap (capitalised), .poss / .cap_poss (possessive),
                  .name / .name_cap / .name_poss / .cap_name_poss (the plain name), .adj (demonym)
  {R} {R2} {R3}   recipient states (same attributes)
  {T}             a third state that is NOT a party (protester, neighbour, target, rival)
  {W} {W2} {W3}   weapons made by S, three different categories        .cap  .branch
  {X}             a weapon made by S2, of another category than {W}
  {F}             a weapon made by S that is fired (missiles, artillery, drones)
  {G}             a generic weapon term without a maker ("frigates", "drones")
  {C} {CW}        a company and one of its weapons; {C2} a rival company of another state
  {D} {DW}        a company that also sells to its own state's forces, and one of its weapons
  {A}             an airline (civil negatives); {A.state} its home state
  {Q} {Q2}        two different quantities

Expected tuples name slots: ("S", "R", "W") -> (S.iso3, R.iso3, W.category); None = unnamed party.

Only fillers the entity extractor recognises with the expected label / ISO3 / category are listed
(``test_fillers_are_recognised`` keeps it that way), so a failing case points at the transfer
logic, not at the gazetteer. The sentences are written for this suite.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping

PUB = dt.date(2024, 5, 1)

Tuple3 = tuple[str | None, str | None, str]   # (supplier_iso3, recipient_iso3, weapon_category)


@dataclass(frozen=True)
class Case:
    phenomenon: str
    n: int                                    # index within the phenomenon
    text: str
    expected: frozenset[Tuple3]
    quantities: Mapping[Tuple3, float | None] = field(default_factory=dict)   # None = the text gives no number
    title: str | None = None
    published: dt.date = PUB

    @property
    def id(self) -> str:
        return f"{self.phenomenon}-{self.n}"


# ============================================================================ fillers
ADJ = {
    "USA": "U.S.", "FRA": "French", "DEU": "German", "RUS": "Russian", "KOR": "South Korean", "TUR": "Turkish",
    "SWE": "Swedish", "ISR": "Israeli", "CHN": "Chinese", "GBR": "British", "ITA": "Italian", "NOR": "Norwegian",
    "BRA": "Brazilian", "IND": "Indian", "POL": "Polish", "UKR": "Ukrainian", "EGY": "Egyptian", "QAT": "Qatari",
    "IDN": "Indonesian", "PHL": "Philippine", "GRC": "Greek", "MAR": "Moroccan", "VNM": "Vietnamese",
    "SAU": "Saudi", "ARE": "Emirati", "ROU": "Romanian", "TWN": "Taiwanese", "KWT": "Kuwaiti", "JOR": "Jordanian",
    "NGA": "Nigerian", "CHL": "Chilean", "THA": "Thai", "MYS": "Malaysian", "KEN": "Kenyan", "BGD": "Bangladeshi",
    "SRB": "Serbian", "DZA": "Algerian", "EST": "Estonian", "COL": "Colombian", "PAK": "Pakistani",
    "AUS": "Australian", "JPN": "Japanese", "IRN": "Iranian", "ARM": "Armenian", "AZE": "Azerbaijani",
    "FIN": "Finnish", "CAN": "Canadian",
}
NAME = {
    "USA": "the United States", "FRA": "France", "DEU": "Germany", "RUS": "Russia", "KOR": "South Korea",
    "TUR": "Turkey", "SWE": "Sweden", "ISR": "Israel", "CHN": "China", "GBR": "Britain", "ITA": "Italy",
    "NOR": "Norway", "BRA": "Brazil", "IND": "India", "POL": "Poland", "UKR": "Ukraine", "EGY": "Egypt",
    "QAT": "Qatar", "IDN": "Indonesia", "PHL": "the Philippines", "GRC": "Greece", "MAR": "Morocco",
    "VNM": "Vietnam", "SAU": "Saudi Arabia", "ARE": "the United Arab Emirates", "ROU": "Romania", "TWN": "Taiwan",
    "KWT": "Kuwait", "JOR": "Jordan", "NGA": "Nigeria", "CHL": "Chile", "THA": "Thailand", "MYS": "Malaysia",
    "KEN": "Kenya", "BGD": "Bangladesh", "SRB": "Serbia", "DZA": "Algeria", "EST": "Estonia", "COL": "Colombia",
    "PAK": "Pakistan", "AUS": "Australia", "JPN": "Japan", "IRN": "Iran", "ARM": "Armenia", "AZE": "Azerbaijan",
    "FIN": "Finland", "CAN": "Canada",
}


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


_POSS = {"the U.S.": "the U.S. government's"}   # "the U.S.'s" is not news style


def _poss(s: str) -> str:
    """English possessive: "the United States'", "Paris's", "the French government's"."""
    if s in _POSS:
        return _POSS[s]
    return s + ("'" if s.startswith("the ") and s.endswith("s") else "'s")


@dataclass(frozen=True)
class State:
    np: str          # surface form in running text: "the U.S.", "Moscow", "the French government"
    iso3: str

    def __str__(self) -> str:
        return self.np

    cap = property(lambda self: _cap(self.np))
    poss = property(lambda self: _poss(self.np))
    cap_poss = property(lambda self: _cap(_poss(self.np)))
    name = property(lambda self: NAME[self.iso3])               # plain name, for fixed phrases and lists
    name_cap = property(lambda self: _cap(NAME[self.iso3]))
    name_poss = property(lambda self: _poss(NAME[self.iso3]))
    cap_name_poss = property(lambda self: _cap(_poss(NAME[self.iso3])))
    adj = property(lambda self: ADJ[self.iso3])


_BRANCH = {"aircraft": "air force", "ships": "navy", "submarines": "navy"}


@dataclass(frozen=True)
class Weapon:
    text: str        # plural phrase as it follows a number: "F-16 fighter jets"
    category: str

    def __str__(self) -> str:
        return self.text

    cap = property(lambda self: _cap(self.text))
    branch = property(lambda self: _BRANCH.get(self.category, "army"))   # the service that would use it


def w(text: str, category: str) -> Weapon:
    return Weapon(text, category)


@dataclass(frozen=True)
class Supplier:
    iso3: str
    forms: tuple     # surface forms (str)
    weapons: tuple   # Weapon, made by this state; at least three categories


@dataclass(frozen=True)
class Company:
    name: str
    iso3: str        # home state: the company stands for it
    weapons: tuple   # Weapon, made by this company
    domestic: bool = True   # also sells to its own state's forces (False for an export agency)

    def __str__(self) -> str:
        return self.name

    cap = property(lambda self: _cap(self.name))
    adj = property(lambda self: ADJ[self.iso3])
    state_poss = property(lambda self: _poss(NAME[self.iso3]))            # "Sweden's" (+ " Saab")
    cap_state_poss = property(lambda self: _cap(_poss(NAME[self.iso3])))


@dataclass(frozen=True)
class Airline:
    name: str
    iso3: str

    def __str__(self) -> str:
        return self.name

    state = property(lambda self: State(NAME[self.iso3], self.iso3))


# --- supplying states: surface forms (full name, short form, capital, "the <demonym> government") and own weapons
SUPPLIERS = [
    Supplier("USA", ("the United States", "the U.S.", "Washington"), (
        w("F-16 fighter jets", "aircraft"), w("AH-64 Apache helicopters", "helicopters"),
        w("Patriot air defence systems", "air_defence"), w("HIMARS rocket launchers", "artillery"),
        w("Javelin anti-tank missiles", "missiles"), w("M1 Abrams tanks", "armoured_vehicles"),
        w("MQ-9 Reaper drones", "uav"))),
    Supplier("FRA", ("France", "Paris", "the French government"), (
        w("Rafale fighter jets", "aircraft"), w("H225M helicopters", "helicopters"),
        w("Exocet anti-ship missiles", "missiles"), w("Caesar howitzers", "artillery"),
        w("Gowind corvettes", "ships"), w("Scorpene submarines", "submarines"),
        w("SAMP/T air defence systems", "air_defence"))),
    Supplier("DEU", ("Germany", "Berlin", "the German government"), (
        w("Leopard 2 tanks", "armoured_vehicles"), w("IRIS-T air defence systems", "air_defence"),
        w("PzH 2000 howitzers", "artillery"), w("Type 214 submarines", "submarines"),
        w("MEKO frigates", "ships"), w("Taurus cruise missiles", "missiles"))),
    Supplier("RUS", ("Russia", "Moscow", "the Russian government"), (
        w("Su-35 fighter jets", "aircraft"), w("S-400 air defence systems", "air_defence"),
        w("Mi-17 helicopters", "helicopters"), w("T-90 tanks", "armoured_vehicles"),
        w("Kilo-class submarines", "submarines"), w("Kornet anti-tank missiles", "missiles"))),
    Supplier("KOR", ("South Korea", "Seoul"), (
        w("FA-50 fighter jets", "aircraft"), w("K9 Thunder howitzers", "artillery"),
        w("K2 Black Panther tanks", "armoured_vehicles"), w("KUH-1 Surion helicopters", "helicopters"),
        w("Cheongung air defence systems", "air_defence"))),
    Supplier("TUR", ("Turkey", "Ankara", "the Turkish government"), (
        w("Bayraktar TB2 drones", "uav"), w("T129 ATAK helicopters", "helicopters"),
        w("Kirpi armoured vehicles", "armoured_vehicles"), w("Hurjet trainer jets", "aircraft"))),
    Supplier("SWE", ("Sweden", "Stockholm"), (
        w("Gripen fighter jets", "aircraft"), w("CV90 infantry fighting vehicles", "armoured_vehicles"),
        w("RBS 70 air defence systems", "air_defence"), w("Archer howitzers", "artillery"),
        w("Carl Gustaf recoilless rifles", "small_arms"))),
    Supplier("ISR", ("Israel", "the Israeli government"), (
        w("Hermes 900 drones", "uav"), w("Spyder air defence systems", "air_defence"),
        w("Merkava tanks", "armoured_vehicles"), w("Tavor assault rifles", "small_arms"),
        w("ATMOS howitzers", "artillery"), w("Spike anti-tank missiles", "missiles"))),
    Supplier("CHN", ("China", "Beijing", "the Chinese government"), (
        w("J-10 fighter jets", "aircraft"), w("Wing Loong drones", "uav"), w("VT-4 tanks", "armoured_vehicles"),
        w("Type 054A frigates", "ships"), w("HQ-9 air defence systems", "air_defence"),
        w("SR-5 rocket launchers", "artillery"))),
    Supplier("GBR", ("Britain", "the United Kingdom", "London", "the British government"), (
        w("Storm Shadow cruise missiles", "missiles"), w("Challenger 2 tanks", "armoured_vehicles"),
        w("AW159 Wildcat helicopters", "helicopters"), w("AS-90 howitzers", "artillery"),
        w("Type 31 frigates", "ships"))),
    Supplier("ITA", ("Italy", "Rome"), (
        w("AW149 helicopters", "helicopters"), w("Centauro armoured vehicles", "armoured_vehicles"),
        w("Otomat anti-ship missiles", "missiles"))),
]

# --- receiving states (iso3, surface forms); no state here makes the weapons it receives in these cases
RECIPIENTS = [
    ("POL", ("Poland", "Warsaw", "the Polish government")), ("UKR", ("Ukraine", "Kyiv")),
    ("IND", ("India", "New Delhi")), ("EGY", ("Egypt", "Cairo")), ("QAT", ("Qatar", "Doha")),
    ("IDN", ("Indonesia", "Jakarta", "the Indonesian government")), ("PHL", ("the Philippines", "Manila")),
    ("GRC", ("Greece", "Athens")), ("MAR", ("Morocco", "Rabat")), ("VNM", ("Vietnam", "Hanoi")),
    ("SAU", ("Saudi Arabia", "Riyadh")), ("ARE", ("the United Arab Emirates", "the UAE")),
    ("ROU", ("Romania", "Bucharest")), ("TWN", ("Taiwan", "Taipei")), ("KWT", ("Kuwait",)),
    ("JOR", ("Jordan", "Amman")), ("NGA", ("Nigeria", "Abuja")), ("CHL", ("Chile",)),
    ("THA", ("Thailand", "Bangkok")), ("MYS", ("Malaysia", "Kuala Lumpur")), ("KEN", ("Kenya", "Nairobi")),
    ("BGD", ("Bangladesh", "Dhaka")), ("SRB", ("Serbia", "Belgrade")), ("DZA", ("Algeria",)),
    ("EST", ("Estonia",)), ("COL", ("Colombia",)), ("PAK", ("Pakistan", "Islamabad")),
    ("AUS", ("Australia", "Canberra")),
]

# --- third parties: protesters, neighbours, rivals, targets
THIRD = [
    ("JPN", ("Japan", "Tokyo")), ("IRN", ("Iran", "Tehran")), ("ARM", ("Armenia",)), ("AZE", ("Azerbaijan", "Baku")),
    ("FIN", ("Finland", "Helsinki")), ("CAN", ("Canada", "Ottawa")), ("PAK", ("Pakistan", "Islamabad")),
    ("CHN", ("China", "Beijing")), ("IND", ("India", "New Delhi")), ("GRC", ("Greece", "Athens")),
    ("TUR", ("Turkey", "Ankara")), ("RUS", ("Russia", "Moscow")), ("DZA", ("Algeria",)), ("EGY", ("Egypt", "Cairo")),
]

# --- generic weapon terms (no maker, so no origin the extractor could fall back on)
GENERIC = [
    w("fighter jets", "aircraft"), w("attack helicopters", "helicopters"), w("frigates", "ships"),
    w("howitzers", "artillery"), w("armoured personnel carriers", "armoured_vehicles"), w("drones", "uav"),
    w("anti-ship missiles", "missiles"), w("air defence systems", "air_defence"), w("patrol boats", "ships"),
    w("assault rifles", "small_arms"), w("artillery shells", "ammunition"), w("radar systems", "sensors"),
]

# --- companies with home state and own products
COMPANIES = [
    Company("Lockheed Martin", "USA", (w("F-35 fighter jets", "aircraft"), w("C-130J transport planes", "aircraft"),
                                       w("Javelin anti-tank missiles", "missiles"))),
    Company("Rheinmetall", "DEU", (w("Lynx KF41 infantry fighting vehicles", "armoured_vehicles"),
                                   w("Skynex air defence systems", "air_defence"),
                                   w("Puma infantry fighting vehicles", "armoured_vehicles"))),
    Company("Hanwha Aerospace", "KOR", (w("K9 howitzers", "artillery"), w("K239 Chunmoo rocket launchers", "artillery"),
                                        w("Redback infantry fighting vehicles", "armoured_vehicles"))),
    Company("Dassault Aviation", "FRA", (w("Rafale fighter jets", "aircraft"), w("Mirage 2000 fighter jets", "aircraft"))),
    Company("Saab", "SWE", (w("Gripen fighter jets", "aircraft"), w("GlobalEye surveillance aircraft", "aircraft"),
                            w("Giraffe radars", "sensors"))),
    Company("Embraer", "BRA", (w("Super Tucano light attack aircraft", "aircraft"),
                               w("KC-390 transport aircraft", "aircraft"))),
    Company("Leonardo", "ITA", (w("AW149 helicopters", "helicopters"), w("AW101 helicopters", "helicopters"),
                                w("M-346 trainer jets", "aircraft"))),
    Company("Elbit Systems", "ISR", (w("Hermes 900 drones", "uav"), w("ATMOS howitzers", "artillery"))),
    Company("Baykar", "TUR", (w("Bayraktar TB2 drones", "uav"), w("Akinci drones", "uav"))),
    Company("Rosoboronexport", "RUS", (w("Su-30 fighter jets", "aircraft"), w("Mi-17 helicopters", "helicopters"),
                                       w("Pantsir air defence systems", "air_defence")), domestic=False),
    Company("Norinco", "CHN", (w("VT-4 tanks", "armoured_vehicles"), w("SR-5 rocket launchers", "artillery"))),
    Company("Naval Group", "FRA", (w("Scorpene submarines", "submarines"), w("Gowind corvettes", "ships"))),
    Company("Kongsberg", "NOR", (w("NASAMS air defence systems", "air_defence"), w("Naval Strike Missiles", "missiles"))),
    Company("Hyundai Rotem", "KOR", (w("K2 Black Panther tanks", "armoured_vehicles"),)),
    Company("Korea Aerospace Industries", "KOR", (w("FA-50 fighter jets", "aircraft"),)),
    Company("ThyssenKrupp Marine Systems", "DEU", (w("Type 214 submarines", "submarines"), w("MEKO frigates", "ships"))),
    Company("Hindustan Aeronautics", "IND", (w("Tejas fighter jets", "aircraft"), w("Dhruv helicopters", "helicopters"))),
    Company("BAE Systems", "GBR", (w("Type 26 frigates", "ships"), w("AS-90 howitzers", "artillery"))),
]

# --- airlines (civil negatives)
AIRLINES = [
    Airline("Korean Air", "KOR"), Airline("Turkish Airlines", "TUR"), Airline("Air India", "IND"),
    Airline("Garuda Indonesia", "IDN"), Airline("EgyptAir", "EGY"), Airline("Vietnam Airlines", "VNM"),
    Airline("Philippine Airlines", "PHL"), Airline("Saudia", "SAU"),
]

QUANTITIES = (12, 24, 6, 36, 8, 48, 4, 16, 18, 30)


# ============================================================================ slot rotation
def _state_pool(pool, start, avoid):
    """States from ``pool`` ((iso3, forms) pairs) from ``start`` on, skipping iso3 codes in ``avoid``."""
    for j in range(len(pool)):
        iso3, forms = pool[(start + j) % len(pool)]
        if iso3 not in avoid:
            yield iso3, forms


def _take_states(pool, start, avoid, k, form_shift):
    out = []
    for iso3, forms in _state_pool(pool, start, avoid):
        out.append(State(forms[(form_shift + len(out)) % len(forms)], iso3))
        if len(out) == k:
            return out
    raise ValueError("pool too small")


def _other_categories(weapons, start, first):
    """Weapons from ``start`` on whose categories differ from ``first`` and from each other."""
    seen, out = {first.category}, []
    for j in range(len(weapons)):
        wp = weapons[(start + j) % len(weapons)]
        if wp.category not in seen:
            seen.add(wp.category)
            out.append(wp)
    return out


_FIREABLE = {"missiles", "artillery", "uav"}


def _slots(k: int, n: int) -> dict:
    """The fillers of instance ``n`` of the phenomenon with index ``k`` (``k`` shifts every rotation)."""
    i = n + 5 * k
    sup = SUPPLIERS[i % len(SUPPLIERS)]
    S = State(sup.forms[(n + k) % len(sup.forms)], sup.iso3)
    W = sup.weapons[(n + 2 * k) % len(sup.weapons)]
    W2, W3 = _other_categories(sup.weapons, n + 2 * k + 1, W)[:2]
    fireable = [wp for wp in sup.weapons if wp.category in _FIREABLE]
    F = fireable[n % len(fireable)]
    sup2 = SUPPLIERS[(i + 1 + n % 3) % len(SUPPLIERS)]
    S2 = State(sup2.forms[(n + k + 1) % len(sup2.forms)], sup2.iso3)
    X = _other_categories(sup2.weapons, n + k, W)[0]
    C = COMPANIES[(n + 3 * k) % len(COMPANIES)]
    CW = C.weapons[(n + k) % len(C.weapons)]
    domestic = [c for c in COMPANIES if c.domestic]
    D = domestic[(n + 3 * k) % len(domestic)]
    C2 = next(COMPANIES[(n + 3 * k + j) % len(COMPANIES)] for j in range(1, len(COMPANIES))
              if COMPANIES[(n + 3 * k + j) % len(COMPANIES)].iso3 != C.iso3)
    used = {S.iso3, S2.iso3, C.iso3, C2.iso3}
    R, R2, R3 = _take_states(RECIPIENTS, 3 * n + 7 * k, used, 3, form_shift=n + k)
    used |= {R.iso3, R2.iso3, R3.iso3}
    (T,) = _take_states(THIRD, 2 * n + k, used, 1, form_shift=n)
    A = AIRLINES[(n + k) % len(AIRLINES)]
    return dict(S=S, S2=S2, R=R, R2=R2, R3=R3, T=T, W=W, W2=W2, W3=W3, X=X, F=F,
                G=GENERIC[(n + 3 * k) % len(GENERIC)], C=C, C2=C2, CW=CW, D=D, DW=D.weapons[n % len(D.weapons)], A=A,
                Q=QUANTITIES[(n + k) % len(QUANTITIES)], Q2=QUANTITIES[(n + k + 3) % len(QUANTITIES)])


# ============================================================================ templates
@dataclass(frozen=True)
class Tpl:
    """One wording: ``text`` with slots; ``expect`` = tuples of slot names; ``quantities`` maps an
    expected tuple (slot names) to a slot name holding its number, a literal number, or None."""
    text: str
    expect: tuple = ()
    quantities: Mapping = field(default_factory=dict)


SR_W = (("S", "R", "W"),)          # the usual single row: S supplies W to R
CR_CW = (("C", "R", "CW"),)        # a company's state supplies its weapon to R
NONE = ()                          # hard negative: no row at all

TEMPLATES: dict[str, list[Tpl]] = {
    # ------------------------------------------------------------------ single clause
    # supplier subject of a supply verb, recipient after "to"
    "active_supply_to": [
        Tpl("{S.cap} sold {Q} {W} to {R} last year.", SR_W),
        Tpl("{S.cap} will supply {W} to {R}.", SR_W),
        Tpl("{S.cap} delivered {Q} {W} to {R} in March.", SR_W),
        Tpl("{S.cap} exported {W} to {R} in 2021.", SR_W),
        Tpl("{S.cap} has donated {Q} {W} to {R}.", SR_W),
    ],
    # passive with a by-agent: "W were sold to R by S"
    "passive_with_agent": [
        Tpl("In 2019, {Q} {W} were sold to {R} by {S}.", SR_W),
        Tpl("{W.cap} will be supplied to {R} by {S} under the agreement.", SR_W),
        Tpl("Last month {Q} {W} were delivered to {R} by {S}.", SR_W),
    ],
    # passive without agent: the supplier is unnamed (generic weapons, so no maker to fall back on)
    "passive_no_agent": [
        Tpl("{G.cap} were delivered to {R} in March.", ((None, "R", "G"),)),
        Tpl("In 2022, {Q} {G} were shipped to {R}.", ((None, "R", "G"),)),
        Tpl("Another {Q} {G} will be handed over to {R} next year.", ((None, "R", "G"),)),
    ],
    # recipient subject of an acquire verb, supplier after "from"
    "acquire_from": [
        Tpl("{R.cap} bought {Q} {W} from {S} in 2020.", SR_W),
        Tpl("{R.cap} has ordered {W} from {S}.", SR_W),
        Tpl("{R.cap} acquired {Q} {W} from {S}.", SR_W),
        Tpl("{R.cap} imported {W} from {S} last year.", SR_W),
    ],
    # recipient subject of a receive verb: must not be swapped
    "receive_from": [
        Tpl("{R.cap} received {Q} {W} from {S} last week.", SR_W),
        Tpl("{R.cap} took delivery of {W} from {S} in June.", SR_W),
        Tpl("{R.cap} received the first batch of {W} from {S} on Monday.", SR_W),
    ],
    # nominal: "the sale of W to R by S"
    "nominal_sale_of_to_by": [
        Tpl("The sale of {Q} {W} to {R} by {S} was announced on Friday.", SR_W),
        Tpl("The delivery of {W} to {R} by {S} is due to start next year.", SR_W),
        Tpl("Lawmakers questioned the export of {W} to {R} by {S}.", SR_W),
    ],
    # possessor of the transfer noun is the supplier: "S's sale of W to R"
    "genitive_supplier_nominal": [
        Tpl("{S.cap_name_poss} sale of {Q} {W} to {R} was confirmed on Tuesday.", SR_W),
        Tpl("{S.cap_poss} delivery of {W} to {R} was delayed by a year.", SR_W),
        Tpl("{S.cap_name_poss} transfer of {Q} {W} to {R} was completed in May.", SR_W),
    ],
    # possessor of the purchase noun is the buyer: "R's purchase of W from S"
    "genitive_buyer_nominal": [
        Tpl("{R.cap_name_poss} purchase of {Q} {W} from {S} was finalised in 2021.", SR_W),
        Tpl("{R.cap_poss} order for {W} from {S} is worth $1.5 billion.", SR_W),
        Tpl("{R.cap_name_poss} acquisition of {W} from {S} has been delayed.", SR_W),
    ],
    # "deliveries of W from S to R"
    "deliveries_from_to": [
        Tpl("Deliveries of {W} from {S} to {R} resumed in April.", SR_W),
        Tpl("Shipments of {Q} {W} from {S} to {R} are expected to begin next year.", SR_W),
        Tpl("The transfer of {W} from {S} to {R} was completed last month.", SR_W),
    ],
    # the supplier is the subject of a control verb: "S plans to export W to R"
    "control_verb_supplier": [
        Tpl("{S.cap} plans to export {W} to {R}.", SR_W),
        Tpl("{S.cap} agreed to supply {Q} {W} to {R}.", SR_W),
        Tpl("{S.cap} has offered to sell {W} to {R}.", SR_W),
        Tpl("{S.cap} intends to deliver {Q} {W} to {R} by 2026.", SR_W),
    ],
    # the buyer is the subject of a control verb: "R is seeking to buy W from S"
    "control_verb_buyer": [
        Tpl("{R.cap} is seeking to buy {W} from {S}.", SR_W),
        Tpl("{R.cap} wants to acquire {Q} {W} from {S}.", SR_W),
        Tpl("{R.cap} hopes to purchase {W} from {S} next year.", SR_W),
        Tpl("{R.cap} is looking to procure {Q} {W} from {S}.", SR_W),
    ],
    # the weapon is the head of a relative clause that holds the transfer
    "relative_clause": [
        Tpl("The {W}, which {S} delivered to {R} last year, have entered service.", SR_W),
        Tpl("The {Q} {W} that {S} sold to {R} in 2019 are now operational.", SR_W),
        Tpl("{R.cap} deployed the {W} that it bought from {S}.", SR_W),
        Tpl("Officials inspected the {W}, which {R} had ordered from {S} in 2020.", SR_W),
    ],
    # the transfer is the complement of a reporting verb; "it" is the reporting subject
    "reported_speech": [
        Tpl("Officials said {S} would sell {W} to {R}.", SR_W),
        Tpl("{S.cap} said it had delivered {Q} {W} to {R}.", SR_W),
        Tpl("A government spokesman said {R} had bought {W} from {S}.", SR_W),
        Tpl("According to officials, {S} will send {Q} {W} to {R} this year.", SR_W),
    ],
    # recipient as object, weapon after "with": "S provided R with W"
    "with_object": [
        Tpl("{S.cap} will equip {R.name_poss} {W.branch} with {W}.", SR_W),
        Tpl("{S.cap} provided {R} with {Q} {W}.", SR_W),
        Tpl("{S.cap} has supplied {R} with {W}.", SR_W),
        Tpl("{S.cap} agreed to arm {R} with {Q} {W}.", SR_W),
    ],
    # the recipient is a state's armed service: "for R's air force", "to the Indonesian navy"
    "genitive_recipient_force": [
        Tpl("{S.cap} began deliveries of {W} for {R.name_poss} {W.branch}.", SR_W),
        Tpl("{S.cap} delivered {Q} {W} to the {R.adj} {W.branch}.", SR_W),
        Tpl("{S.cap} will supply {W} to the {R.adj} {W.branch} next year.", SR_W),
        Tpl("The {R.adj} {W.branch} received {Q} {W} from {S}.", SR_W),
    ],
    # the supplier's government approves / clears a sale
    "approval_of_sale": [
        Tpl("{S.cap} approved the sale of {Q} {W} to {R}.", SR_W),
        Tpl("The {S.adj} government cleared the export of {W} to {R}.", SR_W),
        Tpl("{S.cap} has approved a possible sale of {Q} {W} to {R}.", SR_W),
        Tpl("{S.cap_name_poss} parliament authorised the sale of {W} to {R}.", SR_W),
    ],
    # "R signed a contract with company C for W": C's home state supplies R
    "deal_signed": [
        Tpl("{R.cap_name_poss} defence ministry signed a contract with {C} for {Q} {CW}.", CR_CW),
        Tpl("{R.cap} signed a $2 billion deal with {C} for {CW}.", CR_CW),
        Tpl("{R.cap} has signed an agreement with {C} to buy {Q} {CW}.", CR_CW),
        Tpl("The {R.adj} government signed a contract with {C} for {CW} on Monday.", CR_CW),
    ],
    # ------------------------------------------------------------------ coordination and lists
    # three coordinated recipients after "to": three rows
    "coordinated_recipients_object": [
        Tpl("{S.cap} supplied {W} to {R.name}, {R2.name} and {R3.name}.", (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"))),
        Tpl("{S.cap} has sold {W} to {R.name}, {R2.name} and {R3.name} since 2015.",
            (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"))),
        Tpl("{S.cap} will deliver {W} to {R.name}, {R2.name} and {R3.name} next year.",
            (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"))),
    ],
    # three coordinated recipients as subjects of an acquire verb
    "coordinated_recipients_subject": [
        Tpl("{R.name_cap}, {R2.name} and {R3.name} each purchased {W} from {S}.",
            (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"))),
        Tpl("{R.name_cap}, {R2.name} and {R3.name} have all bought {W} from {S}.",
            (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"))),
        Tpl("{R.name_cap}, {R2.name} and {R3.name} ordered {W} from {S} last year.",
            (("S", "R", "W"), ("S", "R2", "W"), ("S", "R3", "W"))),
    ],
    # two coordinated suppliers after "from" (generic weapon, so neither is the maker)
    "coordinated_suppliers": [
        Tpl("{R.cap} bought {G} from {S} and {S2}.", (("S", "R", "G"), ("S2", "R", "G"))),
        Tpl("{R.cap} has received {G} from {S} and {S2}.", (("S", "R", "G"), ("S2", "R", "G"))),
        Tpl("{R.cap} imports {G} from both {S} and {S2}.", (("S", "R", "G"), ("S2", "R", "G"))),
    ],
    # gapping: each weapon goes only with its own "from" (W with S, X with S2)
    "gapping": [
        Tpl("{R.cap} acquired {W} from {S} and {X} from {S2}.", (("S", "R", "W"), ("S2", "R", "X"))),
        Tpl("{R.cap} bought {Q} {W} from {S} and {Q2} {X} from {S2}.", (("S", "R", "W"), ("S2", "R", "X"))),
        Tpl("{R.cap} ordered {W} from {S}, and {X} from {S2}.", (("S", "R", "W"), ("S2", "R", "X"))),
    ],
    # a list of weapons of different categories, each with its own number (or none)
    "coordinated_weapons_quantities": [
        Tpl("{S.cap} will deliver {Q} {W}, {Q2} {W2} and {W3} to {R}.",
            quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2", ("S", "R", "W3"): None}),
        Tpl("{S.cap} sold {Q} {W}, {Q2} {W2} and {W3} to {R}.",
            quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2", ("S", "R", "W3"): None}),
        Tpl("{R.cap} will receive {Q} {W}, {Q2} {W2} and {W3} from {S}.",
            quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2", ("S", "R", "W3"): None}),
    ],
    # a package whose contents follow a colon or "including"
    "enumeration_colon_including": [
        Tpl("{S.cap_poss} package for {R} includes: {W}, {W2} and {W3}.",
            (("S", "R", "W"), ("S", "R", "W2"), ("S", "R", "W3"))),
        Tpl("{S.cap} announced a package for {R} including {W} and {W2}.", (("S", "R", "W"), ("S", "R", "W2"))),
        Tpl("{S.cap} unveiled a $500 million package for {R} that includes {W}, {W2} and {W3}.",
            (("S", "R", "W"), ("S", "R", "W2"), ("S", "R", "W3"))),
    ],
    # a bulleted list after an announcing sentence: one row per item, each with its own number
    "bulleted_list": [
        Tpl("{S.cap} announced a package for {R}. The package includes:\n- 20 {W};\n- {W2};\n- 4 {W3}.",
            quantities={("S", "R", "W"): 20, ("S", "R", "W2"): None, ("S", "R", "W3"): 4}),
        Tpl("{S.cap} unveiled a new aid package for {R} on Friday. The package includes:\n- {Q} {W};\n- {Q2} {W2};"
            "\n- {W3}.",
            quantities={("S", "R", "W"): "Q", ("S", "R", "W2"): "Q2", ("S", "R", "W3"): None}),
        Tpl("{S.cap} approved a package for {R}. It includes:\n* {W};\n* {Q} {W2}.",
            quantities={("S", "R", "W"): None, ("S", "R", "W2"): "Q"}),
    ],
    # ------------------------------------------------------------------ parties that are not roles
    # a protesting state is not a party
    "bystander_protest": [
        Tpl("{S.cap} agreed to sell {W} to {R}, drawing protests from {T}.", SR_W),
        Tpl("{S.cap} delivered {Q} {W} to {R}, prompting an angry protest from {T}.", SR_W),
        Tpl("{T.cap} protested after {S} sold {W} to {R}.", SR_W),
        Tpl("{S.cap_name_poss} decision to sell {W} to {R} was condemned by {T}.", SR_W),
    ],
    # an objecting state is not a party
    "despite_objections": [
        Tpl("Despite objections from {T}, {S} said it would deliver {W} to {R}.", SR_W),
        Tpl("Despite {T.name_poss} objections, {S} went ahead with the sale of {Q} {W} to {R}.", SR_W),
        Tpl("{S.cap} will supply {W} to {R} despite strong objections from {T}.", SR_W),
        Tpl("Ignoring warnings from {T}, {R} bought {Q} {W} from {S}.", SR_W),
    ],
    # a watching neighbour or a losing bidder is not a party
    "neighbour_competitor": [
        Tpl("{R.cap} bought {W} from {S}, a move watched closely by neighbouring {T}.", SR_W),
        Tpl("{R.cap} ordered {CW} from {C}, beating a rival bid from {C2.state_poss} {C2}.", CR_CW),
        Tpl("{R.cap} ordered {Q} {W} from {S}, alarming its neighbour {T}.", SR_W),
        Tpl("{R.cap} will buy {Q} {CW} from {C}, rejecting a competing offer from {T}.", CR_CW),
    ],
    # ------------------------------------------------------------------ hard negatives (no row)
    # a state's forces buy from their own country's industry
    "domestic_procurement": [
        Tpl("The {D.adj} {DW.branch} ordered {Q} {DW} from {D}.", NONE),
        Tpl("{D.cap} won a contract to supply the {D.adj} {DW.branch} with {Q} {DW}.", NONE),
        Tpl("{D.cap_state_poss} defence ministry signed a contract with {D} for {DW}.", NONE),
        Tpl("{D.cap} will build {Q} {DW} for the {D.adj} {DW.branch}.", NONE),
        Tpl("The {D.adj} {DW.branch} awarded {D} a contract for {Q} {DW}.", NONE),
    ],
    # weapons used in combat against a state that receives nothing
    "combat_use": [
        Tpl("{S.adj} forces fired {F} at targets in {T}.", NONE),
        Tpl("{S.cap} used {F} in strikes on {T.adj} positions.", NONE),
        Tpl("{S.adj} troops launched {F} at military sites in {T} overnight.", NONE),
    ],
    # tests, parades and exercises with another state
    "exercise_parade_test": [
        Tpl("{S.cap} tested {W} during a joint exercise with {T}.", NONE),
        Tpl("{S.cap} displayed its newest {W} at a military parade attended by {T.adj} officials.", NONE),
        Tpl("{S.adj} soldiers operated {W} during drills with {T.adj} troops.", NONE),
        Tpl("{S.cap} paraded {Q} {W} through the capital as {T.adj} diplomats looked on.", NONE),
    ],
    # rankings of exporters name no transfer
    "exporter_ranking": [
        Tpl("{S.cap} is the world's second-largest arms exporter, after {T}.", NONE),
        Tpl("{S.cap} overtook {T} as the world's third-largest arms exporter.", NONE),
        Tpl("{S.cap_name_poss} share of global arms exports rose to 11 percent, ahead of {T}.", NONE),
        Tpl("{S.cap} and {T} remain the largest exporters of {G}.", NONE),
    ],
    # airliners for airlines are civil
    "civil_airliner": [
        Tpl("{A} ordered {Q} Airbus A320 jets from Airbus.", NONE),
        Tpl("{A} agreed to buy {Q} Boeing 737 jets from Boeing.", NONE),
        Tpl("{A}, the flag carrier of {A.state}, took delivery of {Q} Boeing 737 jets from the United States.", NONE),
        Tpl("An airline of {R} ordered {Q} Airbus A320 jets from France.", NONE),
    ],
    # sanctions and arms control are not transfers
    "sanctions_arms_control": [
        Tpl("{S.cap} imposed sanctions on {T.name_poss} ballistic missile program.", NONE),
        Tpl("{S.cap} and {T} signed an arms control treaty limiting intermediate-range missiles.", NONE),
        Tpl("{S.cap} sanctioned {T.adj} officials involved in the drone program.", NONE),
        Tpl("{S.cap} urged {T} to halt its ballistic missile tests.", NONE),
    ],
    # oil and chemical tankers, crude, storage tanks
    "non_military_tankers": [
        Tpl("{R.cap} bought crude oil shipped on tankers from {S}.", NONE),
        Tpl("{S.cap} exported two million barrels of crude to {R} aboard chartered tankers.", NONE),
        Tpl("{S.adj} firms built fuel storage tanks for a refinery in {R}.", NONE),
        Tpl("{R.cap} chartered chemical tankers from {S} to carry fuel.", NONE),
    ],
    # company names that contain weapon words
    "non_military_company_names": [
        Tpl("Royal Dutch/Shell agreed to sell its stake in a refinery to {R.adj} investors.", NONE),
        Tpl("Shell Oil sold its chemicals unit to a group from {R}.", NONE),
        Tpl("Puma sold its sports shoes to retailers in {R}.", NONE),
        Tpl("Jaguar Land Rover exported {Q} thousand luxury cars to {R} last year.", NONE),
        Tpl("Rocket Internet sold its stake in an online retailer to investors from {R}.", NONE),
        Tpl("Leopard Capital sold its holding in a hotel chain to a fund from {R}.", NONE),
        Tpl("Tiger Beer signed a deal to ship its lager to supermarkets in {R}.", NONE),
    ],
    # civil and car engines, auto parts
    "non_military_engines_parts": [
        Tpl("{S.cap} exported car engines and auto parts to {R}.", NONE),
        Tpl("{S.adj} automakers shipped engines and spare parts to {R} last year.", NONE),
        Tpl("{R.cap} imported marine engines for fishing boats from {S}.", NONE),
        Tpl("{S.cap} will supply diesel engines for passenger trains ordered by {R}.", NONE),
    ],
    # computer, medical and other civil equipment
    "non_military_equipment": [
        Tpl("{S.cap} sold computer equipment to {R}.", NONE),
        Tpl("{S.adj} firms exported medical equipment to {R}.", NONE),
        Tpl("{R.cap} bought telecommunications equipment from {S}.", NONE),
        Tpl("{S.cap} donated hospital equipment and medicines to {R}.", NONE),
    ],
}

N_PER_PHENOMENON = 8


# ============================================================================ generation
def _resolve(slots: dict, spec: tuple) -> tuple:
    sup, rec, wpn = spec
    return (None if sup is None else slots[sup].iso3,
            None if rec is None else slots[rec].iso3,
            slots[wpn].category)


def _cases_for(k: int, phenomenon: str, templates: list[Tpl]) -> list[Case]:
    out = []
    for n in range(N_PER_PHENOMENON):
        t = templates[n % len(templates)]
        slots = _slots(k, n)
        text = t.text.format(**slots).replace("..", ".")    # "by the U.S.." -> "by the U.S."
        quantities = {_resolve(slots, spec): (slots[q] if isinstance(q, str) else q)
                      for spec, q in t.quantities.items()}
        expected = frozenset(_resolve(slots, spec) for spec in t.expect) | frozenset(quantities)
        out.append(Case(phenomenon, n, text, expected, quantities))
    return out


def all_cases() -> list[Case]:
    """Every case, in template order (deterministic)."""
    return [c for k, (p, ts) in enumerate(TEMPLATES.items()) for c in _cases_for(k, p, ts)]


def fillers() -> dict[str, list]:
    """Every filler, for the gazetteer check: states (State), companies, weapons (Weapon)."""
    states = [State(f, s.iso3) for s in SUPPLIERS for f in s.forms]
    states += [State(f, iso3) for iso3, forms in RECIPIENTS + THIRD for f in forms]
    weapons = [wp for s in SUPPLIERS for wp in s.weapons] + GENERIC + [wp for c in COMPANIES for wp in c.weapons]
    return {"states": states, "companies": list(COMPANIES), "weapons": weapons}
