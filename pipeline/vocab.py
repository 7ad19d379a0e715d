"""The closed vocabularies of the table contract (DESIGN.md). Checks and tests use these."""
ENTITY_LABELS = ("COUNTRY", "ORG", "PERSON", "WEAPON", "LOCATION", "GROUP", "COMPANY")
WEAPON_CATEGORIES = (
    "aircraft", "helicopters", "uav", "air_defence", "missiles", "artillery", "ammunition",
    "armoured_vehicles", "ships", "submarines", "small_arms", "sensors", "engines",
    "satellites", "other", "unspecified",
)
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range", "vague")
UNITS = ("count", "currency", "percent", "year", "ordinal", "duration", "distance", "weight", "other")
GRANULARITIES = ("day", "week", "month", "quarter", "season", "year", "decade", "unknown")
DATE_TYPES = ("absolute", "relative", "publication")
STAGES = ("requested", "offered", "negotiating", "approved", "ordered", "delivered", "licensed",
          "cancelled", "denied", "unknown")
MODALITIES = ("asserted", "planned", "possible", "negated", "historical")
