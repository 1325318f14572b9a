"""Grouping mentions into events and filling the fields, on hand-built analyses."""

from datetime import date

import pytest

from conflictcoder.actors import load_lexicon
from conflictcoder.events import _interaction, assemble
from conflictcoder.models import (
    ActorRef,
    Analysis,
    Article,
    Mention,
    Place,
    PlaceMention,
    Span,
    Timex,
)
from conflictcoder.sentences import split
from conflictcoder.settings import Settings

DCT = date(2022, 1, 22)
PLACES = {
    "Aleppo": Place(
        geonameid=170063, name="Aleppo", latitude=36.20, longitude=37.16,
        feature_code="PPLA", country="SY", admin1="Aleppo", population=1_600_000,
    ),
    "Azaz": Place(
        geonameid=170017, name="A'zaz", latitude=36.59, longitude=37.05,
        feature_code="PPLA2", country="SY", admin1="Aleppo", population=31_000,
    ),
    "Sheikh Maqsoud": Place(
        geonameid=None, name="Sheikh Maqsoud", latitude=36.23, longitude=37.15,
        feature_code="PPLX", country="SY", admin1="Aleppo",
    ),
    "Mosul": Place(
        geonameid=99072, name="Mosul", latitude=36.34, longitude=43.13,
        feature_code="PPLA", country="IQ", admin1="Nineveh", population=1_700_000,
    ),
    "Donetsk": Place(
        geonameid=709717, name="Donetsk", latitude=48.02, longitude=37.80,
        feature_code="PPLA", country="UA", admin1="Donetsk", population=1_000_000,
    ),
    "Homs": Place(
        geonameid=169577, name="Homs", latitude=34.73, longitude=36.71,
        feature_code="PPLA", country="SY", admin1="Homs", population=775_000,
    ),
}  # fmt: skip
COUNTRIES = {"SY": ("Syria", "SYR"), "IQ": ("Iraq", "IRQ"), "UA": ("Ukraine", "UKR")}


class FakeGazetteer:
    def country(self, iso2):
        return Place(
            geonameid=None, name=COUNTRIES[iso2][0], latitude=35.0, longitude=38.0,
            feature_code="PCLI", country=iso2,
        )  # fmt: skip

    def seat(self, place):
        capitals = {"SY": PLACES["Homs"], "IQ": PLACES["Mosul"]}  # stand-ins for the capitals
        return capitals.get(place.country) if place.feature_code == "PCLI" else None

    def country_name(self, iso2):
        return COUNTRIES[iso2][0] if iso2 in COUNTRIES else None

    def iso3(self, iso2):
        return COUNTRIES[iso2][1] if iso2 in COUNTRIES else None


def _find(text, quote, after=0):
    start = text.index(quote, after)
    return start, start + len(quote)


def analysis(text, mentions, dates=(), places=()):
    """Mentions: (trigger word, sub-event type, event type, extra kwargs)."""
    sentences = split(text)

    def sentence_of(offset):
        return next(s.index for s in sentences if s.start <= offset < s.end)

    timexes = []
    for quote, day in dates:
        start, end = _find(text, quote)
        timexes.append(
            Timex(
                start=start,
                end=end,
                text=quote,
                type="DATE",
                value=day.isoformat(),
                day=day,
                precision=1,
            )  # fmt: skip
        )
    place_mentions = []
    for quote, key, *kind in places:
        start, end = _find(text, quote)
        kind = kind[0] if kind else "populated"
        place_mentions.append(
            PlaceMention(
                start=start,
                end=end,
                text=quote,
                place=PLACES[key],
                kind=kind,
                geo_precision=2 if kind == "relative" else 1,
            )  # fmt: skip
        )
    built = []
    cursor = 0
    for trigger, sub, etype, extra in mentions:
        start, end = _find(text, trigger, cursor)
        cursor = end
        built.append(
            Mention(
                sentence=sentence_of(start),
                trigger=Span(start, end),
                event_type=etype,
                sub_event_type=sub,
                **extra,
            )  # fmt: skip
        )
    return Analysis(
        article=Article(doc_id="t", text=text, published=DCT),
        sentences=sentences,
        timexes=tuple(timexes),
        places=tuple(place_mentions),
        mentions=tuple(built),
    )


def run(a):
    return assemble(a, FakeGazetteer(), load_lexicon(), Settings())


CLASH = ("Armed clash", "Battles", {})


def test_back_reference_joins_the_event_in_focus():
    text = "Rebels clashed with troops in Aleppo on Friday. The fighting lasted hours."
    a = analysis(
        text,
        [("clashed", *CLASH), ("fighting", *CLASH)],
        dates=[("Friday", date(2022, 1, 21))],
        places=[("Aleppo", "Aleppo")],
    )
    [event] = run(a)
    assert event.location == "Aleppo"
    assert event.event_date == date(2022, 1, 21)
    assert [text[s.start : s.end] for s in event.evidence["event_type"]] == ["clashed", "fighting"]


@pytest.mark.parametrize(
    ("text", "dates", "places"),
    [
        (  # another country
            "Rebels clashed with troops in Aleppo. Militants clashed with police in Mosul.",
            [],
            [("Aleppo", "Aleppo"), ("Mosul", "Mosul")],
        ),
        (  # same country, far apart
            "Rebels clashed with troops in Aleppo. Militants clashed with police in Homs.",
            [],
            [("Aleppo", "Aleppo"), ("Homs", "Homs")],
        ),
        (  # another town of the same province
            "Rebels clashed with troops in Aleppo. Militants clashed with police in Azaz.",
            [],
            [("Aleppo", "Aleppo"), ("Azaz", "Azaz")],
        ),
        (  # days apart
            "Rebels clashed with troops on Monday. Militants clashed with police on Friday.",
            [("Monday", date(2022, 1, 17)), ("Friday", date(2022, 1, 21))],
            [],
        ),
        (  # a separate incident
            "Rebels clashed with troops in Aleppo. In a separate attack, militants clashed with police.",
            [],
            [("Aleppo", "Aleppo")],
        ),
    ],
)
def test_distinct_events_stay_distinct(text, dates, places):
    a = analysis(text, [("clashed", *CLASH), ("clashed", *CLASH)], dates=dates, places=places)
    assert len(run(a)) == 2


def test_two_events_in_one_sentence_keep_their_own_places():
    text = "Rebels clashed with troops in Aleppo, while militants clashed with police in Mosul."
    a = analysis(
        text,
        [("clashed", *CLASH), ("clashed", *CLASH)],
        places=[("Aleppo", "Aleppo"), ("Mosul", "Mosul")],
    )
    assert [e.location for e in run(a)] == ["Aleppo", "Mosul"]


def test_towns_named_together_give_one_event_each_with_the_toll_divided():
    text = "Troops clashed with rebels in Aleppo, Azaz and Homs, killing 7."
    seven = text.index("7")
    extra = {"fatalities": 7, "fatality_spans": (Span(seven, seven + 1),)}
    a = analysis(
        text,
        [("clashed", "Armed clash", "Battles", extra)],
        places=[("Aleppo", "Aleppo"), ("Azaz", "Azaz"), ("Homs", "Homs")],
    )
    events = run(a)
    assert [(e.location, e.fatalities) for e in events] == [
        ("Aleppo", 3),
        ("A'zaz", 2),
        ("Homs", 2),
    ]
    assert events[1].why["fatalities"] == "7 fatalities divided between 3 events"
    assert [text[s.start : s.end] for s in events[2].evidence["location"]] == ["Homs"]


def test_a_coded_share_is_not_divided_again():
    text = (
        "Troops clashed with rebels in Aleppo and Azaz. "
        "Fatalities coded as 8 and split, 4 each, between the two towns."
    )
    four = text.index("4 each")
    extra = {"fatalities": 4, "fatality_spans": (Span(four, four + 1),)}
    a = analysis(
        text,
        [("clashed", "Armed clash", "Battles", extra)],
        places=[("Aleppo", "Aleppo"), ("Azaz", "Azaz")],
    )
    events = run(a)
    assert [(e.location, e.fatalities) for e in events] == [("Aleppo", 4), ("A'zaz", 4)]
    assert events[1].why["fatalities"] == "the toll a coding remark gives this event"


def test_a_coding_remark_wins_over_the_first_toll():
    text = "Troops clashed with rebels in Aleppo, killing 3. Fatalities coded as 5."
    three, five = text.index("3"), text.index("5")
    a = analysis(
        text,
        [
            (
                "clashed",
                "Armed clash",
                "Battles",
                {"fatalities": 3, "fatality_spans": (Span(three, three + 1),)},
            ),
            (
                "coded",
                "Armed clash",
                "Battles",
                {"fatalities": 5, "fatality_spans": (Span(five, five + 1),)},
            ),
        ],
        places=[("Aleppo", "Aleppo")],
    )
    (event,) = run(a)
    assert event.fatalities == 5
    assert [text[s.start : s.end] for s in event.evidence["fatalities"]] == ["5"]


def test_towns_of_two_countries_are_not_one_list():
    text = "Troops clashed with rebels in Aleppo and in Mosul."
    a = analysis(text, [("clashed", *CLASH)], places=[("Aleppo", "Aleppo"), ("Mosul", "Mosul")])
    assert [e.location for e in run(a)] == ["Aleppo"]


@pytest.mark.parametrize(
    ("text", "places", "location", "precision"),
    [
        (
            "Rebels clashed with troops in the countryside of Azaz in Aleppo.",
            [("countryside of Azaz", "Azaz", "relative"), ("Aleppo", "Aleppo")],
            "A'zaz",
            2,
        ),
        (
            "Rebels clashed with troops in Azaz near Aleppo.",
            [("Azaz", "Azaz"), ("near Aleppo", "Aleppo", "relative")],
            "A'zaz",
            1,
        ),
    ],
)
def test_the_first_town_level_place_locates_the_event(text, places, location, precision):
    [event] = run(analysis(text, [("clashed", *CLASH)], places=places))
    assert (event.location, event.geo_precision) == (location, precision)


def test_nearby_places_and_adjacent_days_merge():
    text = "Rebels clashed with troops in Aleppo on Thursday. Clashes hit Sheikh Maqsoud on Friday."
    a = analysis(
        text,
        [("clashed", *CLASH), ("Clashes", *CLASH)],
        dates=[("Thursday", date(2022, 1, 20)), ("Friday", date(2022, 1, 21))],
        places=[("Aleppo", "Aleppo"), ("Sheikh Maqsoud", "Sheikh Maqsoud")],
    )
    [event] = run(a)
    assert event.event_date == date(2022, 1, 20)  # the day it began


def test_explosion_during_a_battle_is_the_battle():
    text = "Rebels clashed with troops in Aleppo. A car bomb exploded during the fighting."
    a = analysis(
        text,
        [
            ("clashed", "Armed clash", "Battles", {"confidence": 0.6}),
            ("exploded", "Suicide bomb", "Explosions/Remote violence", {"confidence": 0.9}),
        ],
        places=[("Aleppo", "Aleppo")],
    )
    [event] = run(a)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


@pytest.mark.parametrize(
    ("text", "dates", "expected", "precision"),
    [
        ("Troops clashed with rebels.", [], DCT, 2),  # publication date, lower precision
        (
            "On Friday, police raided the town. Troops clashed with rebels.",
            [("Friday", date(2022, 1, 21))],
            date(2022, 1, 21),
            1,
        ),  # the reference date of the preceding text
    ],
)
def test_date_fallbacks(text, dates, expected, precision):
    a = analysis(text, [("clashed", *CLASH)], dates=dates)
    [event] = run(a)
    assert (event.event_date, event.time_precision) == (expected, precision)
    assert "event_date" in event.why


def test_country_only_events_are_coded_to_the_capital():
    text = "Rebels clashed with troops in Syria."
    a = analysis(text, [("clashed", *CLASH)])
    a = a.__class__(**{**{f: getattr(a, f) for f in a.__dataclass_fields__}, "places": (
        PlaceMention(start=text.index("Syria"), end=text.index("Syria") + 5, text="Syria",
                     place=FakeGazetteer().country("SY"), kind="country", geo_precision=3),
    )})  # fmt: skip
    [event] = run(a)
    assert (event.location, event.geo_precision) == ("Homs", 3)
    assert event.why["location"] == "only the country is named: coded to its seat"


def test_actors_are_localised_to_the_event_country():
    text = "Gunmen attacked soldiers in Mosul, killing 4."
    start = text.index("Gunmen")
    target = text.index("soldiers")
    extra = {
        "actor1": ActorRef(
            name="Unidentified Armed Group ({country})", inter=3,
            spans=(Span(start, start + 6),), generic=True,
        ),
        "actor2": ActorRef(
            name="Military Forces of {country}", inter=1,
            spans=(Span(target, target + 8),), generic=True,
        ),
        "fatalities": 4,
        "fatality_spans": (Span(text.index("4"), text.index("4") + 1),),
    }  # fmt: skip
    a = analysis(text, [("attacked", *CLASH[:2], extra)], places=[("Mosul", "Mosul")])
    [event] = run(a)
    assert event.actor1 == "Unidentified Armed Group (Iraq)"
    assert event.actor2.startswith("Military Forces of Iraq")
    assert (event.inter1, event.inter2, event.interaction) == (3, 1, 13)
    assert event.fatalities == 4
    assert (event.country, event.iso3) == ("Iraq", "IRQ")


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"),
    [(2, 1, 12), (1, 3, 13), (3, None, 30), (None, 7, 70), (None, None, None), (6, 6, 66)],
)
def test_interaction(inter1, inter2, expected):
    assert _interaction(inter1, inter2) == expected


def _ref(text, quote, name, inter, after=0):
    start = text.index(quote, after)
    return ActorRef(
        name=name, inter=inter, spans=(Span(start, start + len(quote)),), generic="{" in name
    )


@pytest.mark.parametrize(
    ("text", "first", "second", "expected"),
    [
        (  # the lede names the sides; a later clash of one side's wounded does not
            "Rebels shelled army positions in Aleppo. Two soldiers were wounded in clashes.",
            ("shelled", "Shelling/artillery/missile attack", "Explosions/Remote violence", 0.85),
            ("clashes", "Armed clash", "Battles", 0.33),
            ("Opposition Rebels (Syria)", "Military Forces of Syria"),
        ),
        (  # a lede with no initiator leaves the sides to the sentence that names them
            "Clashes broke out in Aleppo. Rebels attacked troops there.",
            ("Clashes", "Armed clash", "Battles", 0.6),
            ("attacked", "Armed clash", "Battles", 0.9),
            ("Opposition Rebels (Syria)", "Military Forces of Syria"),
        ),
    ],
)
def test_the_first_mention_naming_an_initiator_gives_the_sides(text, first, second, expected):
    rebels = _ref(text, "Rebels", "Opposition Rebels ({country})", 2)
    army = "army" if "army" in text else "troops"
    troops = _ref(text, army, "Military Forces of {country}", 1)
    soldiers = (
        _ref(text, "soldiers", "Military Forces of {country}", 1) if "soldiers" in text else None
    )
    one = {"confidence": first[3]}
    two = {"confidence": second[3]}
    if "shelled" in text:
        one.update(actor1=rebels, actor2=troops)
        two.update(actor1=soldiers)
    else:
        two.update(actor1=rebels, actor2=troops)
    a = analysis(
        text,
        [(first[0], first[1], first[2], one), (second[0], second[1], second[2], two)],
        places=[("Aleppo", "Aleppo")],
    )
    [event] = run(a)
    assert (event.actor1, event.actor2.split(" (")[0]) == expected
    assert event.inter1 == 2


def test_a_battle_takes_no_civilian_side_from_an_attack_told_first():
    text = "Rebels attacked villagers in Aleppo, killing five. Troops later fought the rebels."
    rebels = _ref(text, "Rebels", "Opposition Rebels ({country})", 2)
    villagers = _ref(text, "villagers", "Civilians ({country})", 7)
    troops = _ref(text, "Troops", "Military Forces of {country}", 1)
    again = _ref(text, "rebels", "Opposition Rebels ({country})", 2, after=text.index("fought"))
    a = analysis(
        text,
        [
            ("attacked", "Attack", "Violence against civilians",
             {"confidence": 0.5, "actor1": rebels, "actor2": villagers}),
            ("fought", "Armed clash", "Battles",
             {"confidence": 0.9, "actor1": troops, "actor2": again}),
        ],
        places=[("Aleppo", "Aleppo")],
    )  # fmt: skip
    events = run(a)
    battles = [e for e in events if e.event_type == "Battles"]
    assert battles
    for event in battles:
        assert event.inter1 != 7 and event.inter2 != 7
        assert event.actor2 is None or not event.actor2.startswith("Civilians")


def test_a_crowds_identity_is_its_associated_actor():
    text = "Nurses protested in Aleppo over unpaid wages."
    start = text.index("protested")
    crowd = ActorRef(
        name="Protesters ({country})", inter=6, spans=(Span(start, start + 9),), generic=True
    )
    a = analysis(
        text,
        [("protested", "Peaceful protest", "Protests", {"actor1": crowd})],
        places=[("Aleppo", "Aleppo")],
    )
    [event] = run(a)
    assert (event.actor1, event.assoc_actor_1) == ("Protesters (Syria)", "Health Workers (Syria)")
    assert [text[s.start : s.end] for s in event.evidence["assoc_actor_1"]] == ["Nurses"]


@pytest.mark.parametrize(
    ("text", "town", "expected"),
    [
        # roles put the state first in a symmetric clash; outside the countries whose ACLED
        # coding does so (data/battle_order.tsv) the side the report names first leads
        ("Rebels clashed with soldiers in Mosul.", "Mosul", (2, 1)),
        ("Rebels clashed with soldiers in Aleppo.", "Aleppo", (1, 2)),
        # the state named first stays first anywhere
        ("Soldiers clashed with rebels in Mosul.", "Mosul", (1, 2)),
        # an attack verb tells who started: roles keep the attacker first, so do events
        ("Rebels attacked soldiers in Mosul.", "Mosul", (2, 1)),
    ],
)
def test_the_sides_of_a_battle_in_acled_order(text, town, expected):
    rebels = _ref(text.lower(), "rebels", "Opposition Rebels ({country})", 2)
    soldiers = _ref(text.lower(), "soldiers", "Military Forces of {country}", 1)
    trigger = "attacked" if "attacked" in text else "clashed"
    state_first = text.startswith("Soldiers") or trigger == "clashed"
    sides = (soldiers, rebels) if state_first else (rebels, soldiers)
    extra = {"actor1": sides[0], "actor2": sides[1]}
    [event] = run(analysis(text, [(trigger, *CLASH[:2], extra)], places=[(town, town)]))
    assert (event.inter1, event.inter2) == expected


_UNNAMED = "Unidentified Armed Group ({country})"


@pytest.mark.parametrize(
    ("text", "trigger", "sub", "unnamed", "expected"),
    [
        # a clash on a war's front whose report names no side: the war's two sides
        ("Shots were exchanged near Donetsk.", "exchanged", "Armed clash", True,
         ("Military Forces of Ukraine", "NAF: United Armed Forces of Novorossiya")),
        # unnamed fire across the front: the first side
        ("Explosions were heard near Donetsk.", "Explosions", "Shelling/artillery/missile attack",
         False, ("Military Forces of Ukraine", None)),
        # a named attacker stays itself
        ("Gunmen fired at a checkpoint near Donetsk.", "fired", "Armed clash", False,
         ("Unidentified Armed Group (Ukraine)", None)),
        # a country with no front in the table keeps the unidentified group
        ("Shots were exchanged near Mosul.", "exchanged", "Armed clash", True,
         ("Unidentified Armed Group (Iraq)", None)),
    ],
)  # fmt: skip
def test_the_sides_of_a_front_for_an_event_that_names_none(text, trigger, sub, unnamed, expected):
    start = text.index(trigger)
    extra = {}
    if unnamed:  # the mention's fallback for an unnamed initiator sits on the trigger
        extra["actor1"] = ActorRef(
            name=_UNNAMED, inter=3, spans=(Span(start, start + len(trigger)),), generic=True
        )
    elif text.startswith("Gunmen"):
        extra["actor1"] = _ref(text, "Gunmen", _UNNAMED, 3)
    kind = "Battles" if sub == "Armed clash" else "Explosions/Remote violence"
    town = "Donetsk" if "Donetsk" in text else "Mosul"
    [event] = run(analysis(text, [(trigger, sub, kind, extra)], places=[(town, town)]))
    assert (event.actor1 or "").startswith(expected[0])
    assert event.actor2 == expected[1]
