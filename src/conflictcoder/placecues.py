"""Word lists and patterns the place recogniser reads: cue words around toponyms.

Kept apart from ``places`` so the recogniser's logic stays short. Everything here is plain
English news vocabulary written for conflictcoder.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

# Capitalised words that are never a place on their own (sentence starts, days, titles...).
STOPWORDS = frozenset(
    """
    a an the this that these those there here it its he she they we you i his her their our
    in on at of for from to by with without into onto over under after before since during
    and or but nor so yet if as than then when where while who whom whose which what why how
    all any both each every few many most some such no not only own same other another more
    about above across against along among around behind below beneath beside between beyond
    near off out up down upon within through throughout toward towards via per
    is are was were be been being has have had do does did will would shall should can could
    may might must also just still even already again ago now today tonight yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    mr mrs ms dr sir lord lady gen general col colonel maj major capt captain lt sgt
    president minister prime premier governor mayor king queen prince sheikh imam pope
    senator rep representative chief commander spokesman spokeswoman spokesperson official
    police army military forces force troops soldiers militants rebels government ministry
    state states islamic democratic republic republican democrat party front council union
    national international federal central united unity popular revolutionary liberation
    people security defence defense interior foreign affairs office agency committee
    news press media reuters afp ap associated bbc cnn times post daily journal tribune
    company group bank court house senate congress parliament assembly church mosque
    north south east west northern southern eastern western central northeast northwest
    southeast southwest upper lower new old great greater little big
    saint st mount mt lake river sea ocean gulf bay island islands valley desert road street
    christmas easter ramadan eid covid coronavirus
    one two three four five six seven eight nine ten first second third last next
    but however meanwhile according said says told added reported
    english arabic kurdish christian muslim sunni shia shiite jewish
    world city town village area region province district county
    air jabal jebel jabel tal tall tel wadi ain bir kafr deir dayr qasr khirbet khirbat ras bab
    sahl nahr souq suq hay hayy sheikh umm abu beit bait mazraa mazraat tell
    arab arabs kurd kurds turkmen tuareg fulani hausa yazidi druze alawite bedouin baloch
    pashtun hazara rohingya countryside outskirts
    taliban taleban houthi houthis huthi tiv fellata rizeigat masalit zaghawa nuer dinka murle
    lendu hema peul mossi dogon bambara shabaab qsd sdf ypg ypj pkk hts isis isil daesh jnim
    islah hezbollah hizbullah hamas fatah
    route barangay college airport university hospital forest
    change detonation looting abduction
    rebel regime loyalist opposition clashes amid human total aerial tens tribal
    """.split()
)

# Generic first words of Arabic, Kurdish and Turkish place names ("Tal Hmis", "Kafr Nabl"): common
# words alone, but part of a name when the word after them is unknown.
NAME_PREFIXES = frozenset(
    """
    jabal jebel jabel tal tall tel tell wadi ain ayn ein bir kafr kfar kafar deir dayr qasr
    khirbet khirbat kherbet ras bab sahl nahr souq suq hay hayy sheikh shaykh umm um abu beit
    bait mazraa mazraat mazraet khan maarat maaret marat maarrat tal jisr qalaat qal'at
    """.split()
)

# English qualifiers before a village's name and the Arabic words GeoNames files them under
# after it: "Lower Amiqa" is "Amiqa Tahtani", "Big Orm" is "Urum al Kubra".
NAME_QUALIFIERS = {
    "upper": ("fawqani", "fawqa", "ulya"),
    "lower": ("tahtani", "tahta", "sufla"),
    "big": ("kabir", "kabirah", "kubra"),
    "great": ("kabir", "kabirah", "kubra"),
    "greater": ("kabir", "kabirah", "kubra"),
    "small": ("saghir", "saghirah", "sughra"),
    "little": ("saghir", "saghirah", "sughra"),
    "eastern": ("sharqi", "sharqiyah"),
    "western": ("gharbi", "gharbiyah"),
    "northern": ("shamali", "shamaliyah"),
    "southern": ("janubi", "janubiyah", "qibli", "qibliyah"),
}

# Words after a name that make it a group of people or a street, not a place: "Al Hayash
# tribesmen", "Koli caste", "Yuksel Street".
NOT_PLACE_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:(?:tribe|tribes|tribesmen|tribal|clan|clans|caste|castes|family|"
    r"families|street|avenue|boulevard|blvd|lane)\b|(?:st|ave|blvd)\.)"
    r"|(?-i:(?:\s+[A-Z][\w'’]*){1,2}\s+(?:Street|Avenue|Boulevard|Lane|St\.|Ave\.|Blvd\.))",
    re.IGNORECASE,
)

# Words announcing a person right before a capitalised name ("spokesman Farhad Shami").
# Not "Sheikh": it opens as many village names ("Sheikh Maqsoud", "Sheikh Idris") as
# personal names, which the gazetteer does not hold anyway.
PERSON_TITLES = frozenset(
    """
    mr mrs ms miss dr sir lord lady gen general col colonel maj major capt captain lt
    lieutenant sgt sergeant brig brigadier adm admiral cmdr commander president minister
    premier governor mayor king queen prince princess imam pope senator sen rep
    judge chief spokesman spokeswoman spokesperson leader official officer secretary emir
    ambassador envoy director professor prof father rev reverend dear named identified
    journalist activist resident farmer mr. dr. gen. col. maj. capt. lt. sgt. brig. sen.
    """.split()
)

# Head nouns of facilities: "Gweiran Prison", "Taji Air Base".
FACILITY_HEADS = frozenset(
    """
    prison jail gaol barracks camp checkpoint hospital clinic airport airbase base airfield
    university college school academy mosque church cathedral temple shrine synagogue
    market bazaar square bridge dam stadium refinery oilfield field crossing port harbour
    harbor station compound palace hotel embassy consulate headquarters complex factory
    plant mall roundabout junction highway motorway court courthouse center centre library
    museum gallery
    """.split()
)

# Organisation heads named after people as often as places: a place before them is not kept
# ("Hamza Division", "Sultan Murad Brigade"); before other heads it is ("Kansas Highway Patrol").
UNIT_HEADS = frozenset(
    """
    forces force army brigade brigades battalion division regiment corps militia militias
    front movement group guard guards network unit units
    """.split()
)

# Function words that open a capitalised run at a sentence start ("The Mansfield resident").
LEADING_FUNCTION = frozenset(
    """
    the a an in on at of for from to by with and but or as this that these those its his her
    their our my your when while after before since during if then so yet not no all some
    every each both many most such though although because unlike like despite whether once
    until unless whereas why how what where who which here there even just only perhaps
    instead also now today later meanwhile moreover however another other across throughout
    inside outside under over near beyond without within via
    """.split()
)

# Head nouns of organisations: a capitalised run ending in one is not a place.
ORG_HEADS = frozenset(
    """
    forces force army brigade brigades battalion division regiment corps militia militias
    party front movement council committee commission ministry government authority
    authorities police guard guards group organization organisation union alliance coalition
    league federation association company corporation bank agency network news times post
    tribune herald journal press service services office command operations unit units
    patrol club coalition institute foundation society corp room
    """.split()
)

# Words after which a place's name is a modifier: "Fargo Mayor", "Mansfield Police Department".
CIVIC_HEADS = frozenset(
    """
    police department mayor sheriff council board library schools house senate legislature
    fire county-wide city-wide officials residents
    """.split()
)

# Admin-area cue words after a name ("Idlib province", "Borno State", "Rapides Parish").
ADMIN1_WORDS = frozenset("province governorate state region oblast prefecture wilayat".split())
ADMIN2_WORDS = frozenset(
    "district county parish municipality raion rayon subdistrict lga tehsil taluka township".split()
)
SETTLEMENT_WORDS = frozenset(
    "city town village hamlet neighbourhood neighborhood suburb quarter camp area".split()
)

# Plural admin words after a list of names ("Cooke, Grayson and Love counties", "Idlib and Hama
# provinces"): each name of the list is such an area.
PLURAL_ADMIN = {
    "provinces": "admin1",
    "governorates": "admin1",
    "states": "admin1",
    "oblasts": "admin1",
    "counties": "admin2",
    "parishes": "admin2",
    "districts": "admin2",
    "municipalities": "admin2",
}
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?"
_PLURAL_WORD = "|".join(PLURAL_ADMIN)
# After a name of the list: the rest of the list, then the plural word.
PLURAL_AFTER = re.compile(
    rf"(?:,\s+(?:and\s+)?{_NAME})*,?\s+(?:and|or|&)\s+{_NAME}\s+(?P<word>{_PLURAL_WORD})\b"
    rf"|\s+(?P<last>{_PLURAL_WORD})\b"
)
# Before the last name of a list: a comma or "and".
LIST_BEFORE = re.compile(r"(?:,|\band|\bor|&)\s+$")


def plural_admin(text: str, start: int, end: int) -> str | None:
    """The plural admin word ("counties") whose list the name at ``start:end`` belongs to."""
    match = PLURAL_AFTER.match(text, end)
    if match is None:
        return None
    if match.group("word"):
        return match.group("word")
    return match.group("last") if LIST_BEFORE.search(text[max(0, start - 6) : start]) else None


_DIRECTION = (
    r"(?:north|south|east|west|north[- ]?east|north[- ]?west|south[- ]?east|south[- ]?west)"
    r"(?:ern)?"
)
# A relative location cue that ends right before a place name.
RELATIVE_BEFORE = re.compile(
    rf"""(?ix)
    (?:
        (?:\d[\d.,]*\s*(?:km|kms|kilometers|kilometres|miles|mi)\s+)?{_DIRECTION}\s+of
      | (?:on\s+the\s+)?outskirts\s+of | (?:the\s+)?vicinity\s+of | close\s+to | near(?:by)?
      | outside(?:\s+of)? | around | countryside\s+of | rural | the\s+edge\s+of
      | the\s+(?:{_DIRECTION}|surroundings|environs)\s+of
    )
    \s+(?:the\s+(?:\w+\s+)?(?:city|town|village)\s+of\s+)?$
    """
)
# Cues after the name: "X's countryside", "X countryside", "X outskirts".
RELATIVE_AFTER = re.compile(r"(?i)^(?:['’]s)?\s+(?:countryside|outskirts|environs|suburbs)\b")

# "in/at/near" right before a name: evidence that a capitalised word is a place.
LOCATIVE_BEFORE = re.compile(
    r"(?i)(?:\b(?:in|at|near|into|from|to|across|outside|around|toward|towards|of|village|"
    r"town|city|province|district|governorate|region|area|camp|neighbourhood|neighborhood|"
    r"suburb|hamlet|captured|recaptured|seized|shelled|stormed|raided|besieged|bombed|overran)"
    r"\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:(?:city|town|village|area|region|"
    r"district|province|governorate|neighbourhood|neighborhood|suburb|hamlet)\s+of\s+)?)$"
)
# "the (adjectives) city of X": the strongest settlement cue.
SETTLEMENT_OF = re.compile(
    r"(?i)\b(?:city|town|village|hamlet|neighbourhood|neighborhood|suburb|area|locality)"
    r"\s+of\s+$"
)
# A front line named after the place it runs through: "the Tokhar axis", "X frontline",
# "the frontline of X" (lower case: "the Nusra Front" is a group).
FRONT_AFTER = re.compile(r"^\s+(?:front|frontline|frontlines|front-line|axis)\b")
FRONT_OF = re.compile(r"\b(?:front|frontline|frontlines|front-line|axis|fronts)\s+of\s+$")
ADMIN_OF = re.compile(
    r"(?i)\b(?P<word>province|governorate|state|region|district|county|oblast|wilayat)\s+of\s+$"
)
# After a facility: "in the northeastern city of", "in", "near", "outside".
FACILITY_LINK = re.compile(
    r"(?i)^,?\s+(?:(?:located|situated)\s+)?(?P<rel>in|at|near|outside|on\s+the\s+outskirts\s+of"
    r"|north\s+of|south\s+of|east\s+of|west\s+of)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}"
    r"(?:(?:city|town|village|area|district|province|governorate|neighbourhood|suburb)"
    r"\s+of\s+)?$|^,?\s+(?:in|at)\s+$"
)
SPEECH_AFTER = re.compile(r"^\s+(?:said|says|told|added|stated|explained|tweeted)\b")
# Between a place and the place containing it: "X in Y", "X, Y", "X area in the countryside of Y".
QUALIFIER_LINK = re.compile(
    r"""(?ix)^
    (?:\s+(?:town|village|city|area|areas|camp|district|neighbourhood|neighborhood|region|
        frontline|front|frontlines|badia|hill|hills|farms|plain|junction|checkpoint|town's|
        village's|desert|road|mountain|mountains|valley|field|fields|axis|sector|base|market|
        crossing|roundabout|dam|river|countryside|subdistrict|municipality|commune|township))?
    ,?\s+(?:in|of|near)\s+(?:the\s+)?
    (?:(?:[\w-]+\s+){0,2}(?:countryside|outskirts|province|governorate|district|area|suburbs|
        part|desert|badia|region|parts)\s+of\s+(?:the\s+)?)?$
    |^(?:\s+(?:district|county|province|governorate|region|state|lga|municipality|
        subdistrict|township|tehsil|area))?,\s*$
    """
)

# AP-style abbreviations of US states and Canadian provinces: (country, admin1 code).
_DOTTED_STATE_CODES = {
    "Ala.": ("US", "AL"),
    "Ariz.": ("US", "AZ"),
    "Ark.": ("US", "AR"),
    "Calif.": ("US", "CA"),
    "Colo.": ("US", "CO"),
    "Conn.": ("US", "CT"),
    "Del.": ("US", "DE"),
    "D.C.": ("US", "DC"),
    "Fla.": ("US", "FL"),
    "Ga.": ("US", "GA"),
    "Ill.": ("US", "IL"),
    "Ind.": ("US", "IN"),
    "Kan.": ("US", "KS"),
    "Kans.": ("US", "KS"),
    "Ky.": ("US", "KY"),
    "La.": ("US", "LA"),
    "Md.": ("US", "MD"),
    "Mass.": ("US", "MA"),
    "Mich.": ("US", "MI"),
    "Minn.": ("US", "MN"),
    "Miss.": ("US", "MS"),
    "Mo.": ("US", "MO"),
    "Mont.": ("US", "MT"),
    "Neb.": ("US", "NE"),
    "Nebr.": ("US", "NE"),
    "Nev.": ("US", "NV"),
    "N.H.": ("US", "NH"),
    "N.J.": ("US", "NJ"),
    "N.M.": ("US", "NM"),
    "N.Y.": ("US", "NY"),
    "N.C.": ("US", "NC"),
    "N.D.": ("US", "ND"),
    "Okla.": ("US", "OK"),
    "Ore.": ("US", "OR"),
    "Pa.": ("US", "PA"),
    "R.I.": ("US", "RI"),
    "S.C.": ("US", "SC"),
    "S.D.": ("US", "SD"),
    "Tenn.": ("US", "TN"),
    "Tex.": ("US", "TX"),
    "Vt.": ("US", "VT"),
    "Va.": ("US", "VA"),
    "Wash.": ("US", "WA"),
    "W.Va.": ("US", "WV"),
    "Wis.": ("US", "WI"),
    "Wyo.": ("US", "WY"),
    "B.C.": ("CA", "02"),
    "Alta.": ("CA", "01"),
    "Ont.": ("CA", "08"),
    "Que.": ("CA", "10"),
    "Sask.": ("CA", "11"),
    "Man.": ("CA", "03"),
    "N.B.": ("CA", "04"),
    "N.L.": ("CA", "05"),
    "N.S.": ("CA", "07"),
    "P.E.I.": ("CA", "09"),
}
# Indian and Pakistani states as South Asian reports abbreviate them in parentheses:
# "Nigohan (UP)", "(Budgam district, J&K)", "(Kurnool, AP)", "(Haveli district, AJK)".
# Undotted capitals name many other things, so these count only right before ")"; those
# also common as other initials ("(AP)" after a dateline, "MP") only after a comma.
BRACKETED_STATES = {
    "AJK": ("PK", "06"),
    "HP": ("IN", "11"),
    "J&K": ("IN", "12"),
    "KL": ("IN", "13"),
    "KN": ("IN", "19"),
    "KPK": ("PK", "03"),
    "TN": ("IN", "25"),
    "TS": ("IN", "40"),
    "UP": ("IN", "36"),
}
_AFTER_COMMA_STATES = {
    "AP": ("IN", "02"),
    "KA": ("IN", "19"),
    "KP": ("PK", "03"),
    "MH": ("IN", "16"),
    "MP": ("IN", "35"),
    "WB": ("IN", "28"),
}
_DOTTED_STATES = tuple(sorted(_DOTTED_STATE_CODES, key=len, reverse=True))
# Every abbreviation a state may be written as: (country, admin1 code).
STATE_ABBREVIATIONS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {**_DOTTED_STATE_CODES, **BRACKETED_STATES, **_AFTER_COMMA_STATES}
)


def _alternatives(names: object) -> str:
    return "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))  # type: ignore[arg-type]


# An abbreviation names a state after "City, " or a party letter ("D-S.C.", "R-Ky."); an
# undotted one only closing a parenthesis: "(Hyderabad, TS)", "(UP)", "(Tenkasi ,TN)".
ABBREVIATION = re.compile(
    r"(?:(?:(?<=\w, )|(?<=\b[DRI]-)|(?<=\bDFL-))(?=(?:"
    + _alternatives(_DOTTED_STATES)
    + r")(?![\w.]))"
    + r"|(?:(?<=\w, )|(?<=\w ,)|(?<=\())(?=(?:"
    + _alternatives(BRACKETED_STATES)
    + r")\))"
    + r"|(?:(?<=\w, )|(?<=\w ,))(?=(?:"
    + _alternatives(_AFTER_COMMA_STATES)
    + r")\)))(?P<abbr>"
    + _alternatives(STATE_ABBREVIATIONS)
    + r")(?![\w.&])"
)
# Abbreviations of two or more dotted letters name a state anywhere ("in S.C.", "the W. Va.
# legislature"), except "B.C." after a year.
DOTTED_STATE = re.compile(
    r"(?<![\w.])(?<!\d )(?P<abbr>"
    + "|".join(
        r"\.\s?".join(re.escape(p) for p in a.rstrip(".").split(".")) + r"\."
        for a in _DOTTED_STATES
        if a.count(".") >= 2
    )
    + r")(?![\w.])"
)
# Cities known by their initials: the name to look up.
CITY_ABBREVIATIONS = {"L.A.": "Los Angeles", "N.Y.C.": "New York City", "NYC": "New York City"}
# An all-capitals dateline: "BEIRUT (AP) -", "MANILA, Philippines -", "HUDSON -- Officials",
# "BEIRUT: The body", "CAMBRIDGE'S Mr Ice Cream".
DATELINE_AFTER = re.compile(r"^(?:\s*\(|\s+--|\s+[-—–]\s|,\s+[A-Z][a-z]|:\s|['’]S\b)")
# A country named for its currency says nothing about where a report is: "protests over the
# high US dollar exchange rate" in Lebanon, "the Canadian dollar fell".
CURRENCY_AFTER = re.compile(r"(?i)\s+(?:dollars?|currency)\b")
