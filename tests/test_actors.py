from datetime import date

import pytest

from conflictcoder import actors
from conflictcoder.models import ActorRef, Span

LEXICON = actors.load_lexicon()


@pytest.mark.parametrize(
    ("text", "quote", "name", "inter", "country"),
    [
        (
            "Islamic State militants attacked the jail.",
            "Islamic State militants",
            "Islamic State",
            2,
            None,
        ),
        ("ISIS claimed the bombing.", "ISIS", "Islamic State", 2, None),
        (
            "a battle with US-backed Kurdish fighters",
            "US-backed Kurdish fighters",
            "QSD: Syrian Democratic Forces",
            2,
            "SY",
        ),
        ("the SDF said", "SDF", "QSD: Syrian Democratic Forces", 2, "SY"),
        ("gunmen stormed a post", "gunmen", "Unidentified Armed Group ({country})", 3, None),
        ("Iraqi soldiers were killed", "Iraqi soldiers", "Military Forces of {country}", 1, "IQ"),
        (
            "the deadliest attack on Iraq's military",
            "Iraq's military",
            "Military Forces of {country}",
            1,
            "IQ",
        ),
        ("Riot police fired tear gas", "Riot police", "Police Forces of {country}", 1, None),
        ("demonstrators gathered", "demonstrators", "Protesters ({country})", 6, None),
        ("villagers fled", "villagers", "Civilians ({country})", 7, None),
        (
            "Houthi rebels fired a missile",
            "Houthi rebels",
            "Military Forces of Yemen (2016-) Supreme Political Council",
            1,
            "YE",
        ),
        ("the QSD said", "QSD", "QSD: Syrian Democratic Forces", 2, "SY"),
        ("Islamic State gunmen fired", "Islamic State gunmen", "Islamic State", 2, None),
        ("pro-regime militias shelled", "pro-regime militias", "Militia (Pro-Government)", 3, "SY"),
        ("Ahrar al-Sham fighters", "Ahrar al-Sham fighters", "AAS: Ahrar al Sham", 2, "SY"),
        ("OPS fighters shelled", "OPS fighters", "Operation Peace Spring", 2, "SY"),
        # a name starting with a country adjective beats adjective + generic word
        (
            "Syrian Democratic Forces advanced",
            "Syrian Democratic Forces",
            "QSD: Syrian Democratic Forces",
            2,
            "SY",
        ),
        (
            "LNA forces shelled the airport",
            "LNA forces",
            "Military Forces of Libya (2014-) Haftar Faction",
            1,
            "LY",
        ),
        (
            "GNA troops retook the town",
            "GNA troops",
            "Military Forces of Libya (2016-) Government of National Accord",
            1,
            "LY",
        ),
        (
            "Islamist faction fighters attacked",
            "Islamist faction fighters",
            "Islamist Militia ({country})",
            3,
            None,
        ),
        (
            "rebel and Islamist factions advanced",
            "rebel and Islamist factions",
            "Opposition Rebels ({country})",
            2,
            None,
        ),
        (
            "artillery fire by an unknown party hit the port",
            "unknown party",
            "Unidentified Armed Group ({country})",
            3,
            None,
        ),
        (
            "pro-Syrian regime forces shelled the village",
            "pro-Syrian regime forces",
            "Militia (Pro-Government)",
            3,
            "SY",
        ),
    ],
)
def test_find(text, quote, name, inter, country):
    match = LEXICON.find(text)[0]
    assert text[match.start : match.end] == quote
    assert (match.entry.name, match.entry.inter, match.country) == (name, inter, country)


def test_is_is_case_sensitive():
    assert LEXICON.find("this is it") == ()


def _ref(name, inter, country=None):
    return ActorRef(
        name=name, inter=inter, spans=(Span(0, 1),), country=country, generic="{country}" in name
    )


@pytest.mark.parametrize(
    ("ref", "iso2", "country", "expected"),
    [
        (_ref("Islamic State", 2), "SY", "Syria", "Islamic State (Syria)"),
        (_ref("Islamic State", 2), "IQ", "Iraq", "Islamic State (Iraq)"),
        (_ref("Islamic State", 2), "FR", "France", "Islamic State"),
        (
            _ref("Military Forces of {country}", 1),
            "SY",
            "Syria",
            "Military Forces of Syria (2000-)",
        ),
        (_ref("Military Forces of {country}", 1), "IQ", "Iraq", "Military Forces of Iraq (2020-)"),
        (
            _ref("Military Forces of {country}", 1, "TR"),
            "SY",
            "Syria",
            "Military Forces of Turkey (2016-)",
        ),
        (_ref("Police Forces of {country}", 1), "IQ", "Iraq", "Police Forces of Iraq (2020-)"),
        (
            _ref("Unidentified Armed Group ({country})", 3),
            "SY",
            "Syria",
            "Unidentified Armed Group (Syria)",
        ),
        (_ref("Protesters ({country})", 6), "IQ", "Iraq", "Protesters (Iraq)"),
        (_ref("Civilians ({country})", 7), "YE", "Yemen", "Civilians (Yemen)"),
        (_ref("Rioters ({country})", 5), "XX", "Atlantis", "Rioters (Atlantis)"),
        (_ref("Unidentified Armed Group ({country})", 3), None, None, "Unidentified Armed Group"),
        (_ref("Opposition Rebels ({country})", 2), "SY", "Syria", "Opposition Rebels (Syria)"),
        (
            _ref("Opposition Rebels ({country})", 2),
            "NG",
            "Nigeria",
            "Unidentified Armed Group (Nigeria)",
        ),
        (
            _ref("QSD: Syrian Democratic Forces", 2, "SY"),
            "SY",
            "Syria",
            "QSD: Syrian Democratic Forces",
        ),
    ],
)
def test_localise(ref, iso2, country, expected):
    assert actors.localise(ref, iso2, country, LEXICON) == expected


@pytest.mark.parametrize(
    ("iso2", "country", "expected"),
    [
        ("US", "United States", "Military Forces of the United States (2017-2021)"),
        ("PH", "Philippines", "Military Forces of the Philippines (2016-)"),
        ("GB", "United Kingdom", "Military Forces of the United Kingdom (2010-)"),
    ],
)
def test_localise_writes_the_before_some_countries(iso2, country, expected):
    ref = _ref("Military Forces of {country}", 1, iso2)
    assert actors.localise(ref, iso2, country, LEXICON, on=date(2020, 5, 1)) == expected


def test_islamist_militia_only_where_acled_names_it():
    ref = _ref("Islamist Militia ({country})", 3)
    assert actors.localise(ref, "SY", "Syria", LEXICON) == "Islamist Militia (Syria)"
    assert actors.localise(ref, "PE", "Peru", LEXICON) == "Unidentified Armed Group (Peru)"


def test_localise_by_date_picks_the_period():
    ref = _ref("Military Forces of {country}", 1)
    assert actors.localise(ref, "IQ", "Iraq", LEXICON, on=date(2016, 5, 1)) == (
        "Military Forces of Iraq (2014-2018)"
    )


@pytest.mark.parametrize(
    ("ref", "iso2", "expected"),
    [
        (_ref("Military Forces of {country}", 1, "TR"), "SY", 8),
        (_ref("Military Forces of {country}", 1, "SY"), "SY", 1),
        (_ref("Military Forces of {country}", 1), "SY", 1),
        (_ref("Islamic State", 2), "SY", 2),
    ],
)
def test_inter_for(ref, iso2, expected):
    assert actors.inter_for(ref, iso2) == expected


def test_user_lexicon(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text(
        "# my actors\nname,aliases,inter,country,notes\nRed Brigade,red brigaders,2,XK,\n",
        encoding="utf-8",
    )
    lexicon = actors.load_lexicon(path)
    match = lexicon.find("Red Brigaders ambushed a patrol")[0]
    assert match.entry.name == "Red Brigade"


def test_bad_lexicon_raises(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text("name,aliases,inter,country,notes\nX,,9,,\n", encoding="utf-8")
    with pytest.raises(actors.LexiconError):
        actors.load_lexicon(path)


_UNITS = """name,aliases,inter,country,notes
Military Forces of {country},soldiers|army,1,,
Police Forces of {country},police,1,,
Military Forces of {country} Gendarmerie,gendarmes|gendarmerie,1,,
Military Forces of Atlantis (2010-) Gendarmerie,,1,XA,
Police Forces of Lemuria (2001-2015) Gendarmerie,,1,XL,
Police Forces of Lemuria (2016-) Gendarmerie,,1,XL,
Military Forces of Mu (2012-),,1,XM,
"""


@pytest.mark.parametrize(
    ("country", "year", "expected"),
    [
        ("Atlantis", 2020, "Military Forces of Atlantis (2010-) Gendarmerie"),
        ("Lemuria", 2014, "Police Forces of Lemuria (2001-2015) Gendarmerie"),  # the other force
        ("Lemuria", 2020, "Police Forces of Lemuria (2016-) Gendarmerie"),
        ("Mu", 2020, "Military Forces of Mu (2012-)"),  # no such unit: the country's forces
        (None, 2020, "Unidentified Military Forces"),
    ],
)
def test_a_unit_is_named_as_the_country_names_it(tmp_path, country, year, expected):
    path = tmp_path / "actors.csv"
    path.write_text(_UNITS, encoding="utf-8")
    lexicon = actors.load_lexicon(path)
    [match] = lexicon.find("Gendarmes repelled the attack")
    assert match.entry.name == "Military Forces of {country} Gendarmerie"
    named = actors.localise(match.ref(), None, country, lexicon, on=date(year, 5, 1))
    assert named == expected


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        (
            "Military Police officers raided",
            "Brazil",
            "Military Forces of Brazil (2019-) Military Police",
        ),
        ("Turkish gendarmes", "Syria", "Military Forces of Turkey (2016-) Gendarmerie"),
    ],
)
def test_bundled_units(text, country, expected):
    [match] = LEXICON.find(text)
    iso2 = {name: code for code, name in LEXICON.country_names.items()}[country]
    assert actors.localise(match.ref(), iso2, country, LEXICON, on=date(2020, 5, 1)) == expected


@pytest.mark.parametrize(
    ("text", "quote", "country", "expected"),
    [
        # a community militia named in one country is named after the event's country
        ("Tiv militias attacked the village", "Tiv militias", "Nigeria", "Tiv Ethnic Militia"),
        ("suspected Fulani militiamen attacked", "Fulani militiamen", "Mali", "Fulani Ethnic"),
        ("clan militias clashed near the town", "clan militias", "Somalia", "Unidentified Clan"),
        ("inter-clan clashes broke out", "inter-clan", "Ethiopia", "Unidentified Clan"),
        ("armed pastoralists attacked", "armed pastoralists", "Sudan", "Unidentified Communal"),
        # gangs are named where ACLED codes them (the Americas), else unidentified armed groups
        ("drug traffickers exchanged fire", "drug traffickers", "Brazil", "Unidentified Gang"),
        ("gang members shot a man", "gang members", "Honduras", "Unidentified Gang"),
        ("gang members shot a man", "gang members", "India", "Unidentified Armed Group"),
        # the forces of a coalition's states fighting in its country are the coalition
        ("Saudi forces fired artillery", "Saudi forces", "Yemen", "Operation Restoring Hope"),
        ("Saudi forces fired artillery", "Saudi forces", "Saudi Arabia", "Military Forces of Saudi"),
        # the doer's hyphen ("Taliban-planted") ends a name; a hyphenated word does not
        ("hit by a Taliban-planted landmine", "Taliban", "Afghanistan", "Taliban"),
        ("pro-Hadi forces repelled an attack", "pro-Hadi forces", "Yemen", "Military Forces of Yemen (2012-)"),
        # "A or B" is ACLED's "A and/or B" where the lexicon names that pair
        ("presumed JNIM or ISGS militants attacked", "JNIM or ISGS militants", "Burkina Faso",
         "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"),
        ("JNIM or soldiers", "JNIM", "Mali", "JNIM: Group for Support of Islam and Muslims"),
        ("10 Imbonerakure attacked a man", "Imbonerakure", "Burundi", "CNDD-FDD-Imbonerakure"),
        # artillery names a force only after a country adjective; unidentified aircraft
        ("Israeli artillery shelled a post", "Israeli artillery", "Palestine", "Military Forces of Israel"),
        ("unidentified warplanes struck", "unidentified warplanes", "Syria", "Unidentified Military Forces"),
        # aircraft and drones name a force after a country adjective
        ("Israeli jets struck targets", "Israeli jets", "Palestine", "Military Forces of Israel"),
        ("Turkish drones hit a car", "Turkish drones", "Syria", "Military Forces of Turkey"),
        ("US aircraft struck a base", "US aircraft", "Iraq", "Military Forces of the United States"),
    ],
)  # fmt: skip
def test_names_from_general_knowledge(text, quote, country, expected):
    match = LEXICON.find(text)[0]
    assert text[match.start : match.end] == quote
    iso2 = {name: code for code, name in LEXICON.country_names.items()}[country]
    named = actors.localise(match.ref(), iso2, country, LEXICON, on=date(2020, 5, 1))
    assert named.startswith(expected)
    if expected.endswith(("Militia", "Ethnic", "Clan", "Gang", "Group")):
        assert named.endswith(f"({country})")


@pytest.mark.parametrize(
    "text",
    [
        "pro-ISIS media outlets",
        "Taliban-held areas",
        "a gang rape",
        "artillery fire",
        "drones hit a car",
        "the aircraft landed",
    ],
)
def test_no_actor_in_hyphenated_or_other_words(text):
    assert LEXICON.find(text) == ()


def test_forces_of_column(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text(
        "name,aliases,inter,country,notes,forces_of\n"
        "Military Forces of {country},forces,1,,,\n"
        "Operation Example,,8,IQ,,TR|IR\n",
        encoding="utf-8",
    )
    lexicon = actors.load_lexicon(path)
    assert set(lexicon.operations) == {("TR", "IQ"), ("IR", "IQ")}
    [match] = lexicon.find("Turkish forces shelled")
    assert actors.localise(match.ref(), "IQ", "Iraq", lexicon) == "Operation Example"
    assert actors.localise(match.ref(), "SY", "Syria", lexicon) == "Military Forces of Turkey"
