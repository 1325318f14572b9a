"""Armed groups as place context, countryside cues and country-wide respelling, on sentences
written for these tests (fixture: tests/fixtures/geonames_acled.txt)."""

from __future__ import annotations

import pytest

from conflictcoder import actors as actors_lexicon
from conflictcoder import gazetteer, placeactors, places
from conflictcoder.models import Place, PlaceMention
from conflictcoder.placenear import check_nearness
from conflictcoder.placerecog import Hit
from conflictcoder.sentences import split


@pytest.fixture(scope="module")
def gaz(fixture_gazetteer) -> gazetteer.Gazetteer:
    return fixture_gazetteer("geonames_acled.txt")


def run(text: str, gaz: gazetteer.Gazetteer) -> tuple[PlaceMention, ...]:
    return places.find(text, split(text), gaz)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HTS fighters clashed with QSD near the dam.", [("HTS", "SY"), ("QSD", "SY")]),
        ("Boko Haram attacked the market.", [("Boko Haram", "NG")]),
        ("Al Shabaab fighters ambushed a convoy.", [("Al Shabaab", "SO")]),
        # generic actors and lower-case descriptions name no one group
        ("Rioters blocked the road with burning tyres.", []),
        ("Militia members and pro-regime militias clashed.", []),
        ("Unidentified gunmen opened fire.", []),
    ],
)
def test_named_groups(text: str, expected: list[tuple[str, str]]) -> None:
    found = placeactors.named_groups(text)
    assert [(text[g.start : g.end].split(" fighters")[0], g.country) for g in found] == expected


@pytest.mark.parametrize(
    ("start", "end", "inside"),
    [(9, 18, True), (0, 5, False), (14, 25, False)],
)
def test_inside(start: int, end: int, inside: bool) -> None:
    groups = (placeactors.NamedGroup(4, 20, "SY"),)
    assert placeactors.inside(start, end, groups) is inside


@pytest.mark.parametrize(
    ("text", "quote", "country"),
    [
        # no country is named: the armed group says which Saqba
        ("HTS fighters took control of the town of Saqba.", "Saqba", "SY"),
        ("QSD forces besieged the town of Saqba.", "Saqba", "SY"),
    ],
)
def test_group_sets_country(gaz: gazetteer.Gazetteer, text: str, quote: str, country: str) -> None:
    found = [m for m in run(text, gaz) if m.text == quote and m.place is not None]
    assert found and found[0].place is not None
    assert found[0].place.country == country


@pytest.mark.parametrize(
    ("text", "quote", "country"),
    [
        # "X countryside": a province or a town big enough to have one, not an Iraqi hamlet
        ("Clashes took place at a checkpoint in Hit in northern Dar'a countryside.", "Dar'a", "SY"),
        ("Clashes took place at a checkpoint in Hit in northern Dar'a countryside.", "Hit", "SY"),
        ("Shelling hit villages in the western countryside of Dar'a.", "Dar'a", "SY"),
    ],
)
def test_countryside(gaz: gazetteer.Gazetteer, text: str, quote: str, country: str) -> None:
    found = [m for m in run(text, gaz) if m.text == quote and m.kind != "relative"]
    assert found and found[0].place is not None
    assert found[0].place.country == country


def test_group_inside_name_is_no_scene(gaz: gazetteer.Gazetteer) -> None:
    """A place inside a group's name ("Deir ez-Zor Military Council") ranks as a modifier."""
    text = "The Deir ez-Zor Military Council clashed with IS in the town of Saqba."
    found = run(text, gaz)
    inner = [m for m in found if m.text == "Deir ez-Zor"]
    assert all((m.why or "").startswith(places.MODIFIER_WHY) for m in inner)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a spelling the index lacks, no province named: the one close spelling in the
        # country an armed group names
        ("QSD forces besieged the village of Susat.", "As Susah"),
    ],
)
def test_country_wide_respelling(gaz: gazetteer.Gazetteer, text: str, name: str) -> None:
    found = [m for m in run(text, gaz) if m.place is not None and m.kind == "populated"]
    assert [m.place.name for m in found if m.place] == [name]


@pytest.mark.parametrize(
    ("text", "facility", "name"),
    [
        # the homonym abroad is rejected, so the facility lies in the place named after it
        (
            "QSD forces shelled Koniko Airport in Deir ez-Zor countryside.",
            "Koniko Airport",
            "Deir ez-Zor",
        ),
    ],
)
def test_facility_not_named_after_rejected_homonym(
    gaz: gazetteer.Gazetteer, text: str, facility: str, name: str
) -> None:
    found = [m for m in run(text, gaz) if m.kind == "facility" and m.text == facility]
    assert found and found[0].place is not None
    assert found[0].place.name == name


@pytest.mark.parametrize(
    ("text", "quote", "kind", "name"),
    [
        # a district the index has no point for: its namesake town, at precision 2
        ("Women protested in villages of Nabha district (Punjab).", "Nabha", "admin2", "Nabha"),
    ],
)
def test_area_coded_to_namesake_town(
    gaz: gazetteer.Gazetteer, text: str, quote: str, kind: str, name: str
) -> None:
    found = [m for m in run(text, gaz) if m.text == quote]
    assert found and found[0].kind == kind and found[0].geo_precision == 2
    assert found[0].place is not None and found[0].place.name == name


def test_sub_district_of_province_contains(gaz: gazetteer.Gazetteer) -> None:
    """ "Sur sub-district of Deir ez-Zor province": not the Sur of another province."""
    text = "QSD fighters clashed with gunmen in Sur sub-district of Deir ez-Zor province."
    found = [m for m in run(text, gaz) if m.text == "Sur" and m.place is not None]
    assert all(m.place is not None and m.place.admin1 == "Deir ez-Zor" for m in found)


def _town(gid: int, name: str, lat: float, lon: float, a1: str) -> Place:
    return Place(
        geonameid=gid,
        name=name,
        latitude=lat,
        longitude=lon,
        feature_code="PPL",
        country="SY",
        admin1=a1,
        population=0,
    )


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        # the index matched only "Jadid" of "Jadid Bakkara": still said to lie in the outer
        ("Gunmen hit Jadid Bakkara town in Deir ez-Zor countryside.", {0}),
        ("Clashes in the area of Jadid al Safa in Deir ez-Zor desert.", {0}),
        # a list is no containment
        ("Clashes in Jadid, Bakkara and Deir ez-Zor.", set()),
    ],
)
def test_partly_matched_name_in_outer_place(text: str, dropped: set[int]) -> None:
    here = text.index("Jadid")
    far = _town(1, "Al Jadid", 35.9, 39.0, "Ar Raqqah")
    inner = Hit(here, here + 5, "Jadid", cands=((far, True),), best=far)
    there = text.index("Deir ez-Zor")
    outer_place = _town(2, "Deir ez-Zor", 35.33, 40.14, "Deir ez-Zor")
    outer = Hit(there, there + 11, "Deir ez-Zor", cands=((outer_place, True),), best=outer_place)
    assert check_nearness(text, [inner, outer], {0, 1}) == dropped


@pytest.mark.parametrize(
    ("text", "qualified"),
    [
        # the index matched only "Nala" of "Nala Sopara": the container still qualifies it
        ("Protest in Nala Sopara town (Palghar, Maharashtra).", True),
        ("Protest in Nala (Palghar, Maharashtra).", True),
        # a country adjective before a group's name qualifies nothing ("Iranian IRGC in X")
        ("Clashes with the Syrian IRGC in Palghar.", False),
    ],
)
def test_qualifier_after_rest_of_name(text: str, qualified: bool) -> None:
    first = "Syrian" if "Syrian" in text else "Nala"
    here, there = text.index(first), text.index("Palghar")
    town = _town(1, "Nala", 19.4, 72.8, "Maharashtra")
    area = Place(
        geonameid=2,
        name="Palghar",
        latitude=19.7,
        longitude=72.8,
        feature_code="ADM2",
        country="IN",
        admin1="Maharashtra",
        population=3_000_000,
    )
    inner = Hit(here, here + len(first), first, cands=((town, True),))
    if first == "Syrian":
        inner = Hit(here, here + len(first), first, country=("SY", "demonym"))
    outer = Hit(there, there + 7, "Palghar", cands=((area, True),))
    assert (places._qualifier(text, inner, [inner, outer], 0) is outer) is qualified


@pytest.mark.parametrize(
    ("text", "admin1s"),
    [
        # a consonant-skeleton match (Siqba, Rif Dimashq) outside the province the report
        # names is another village the index lacks: the report falls back on its province
        (
            "QSD fighters took the village of Sqba. Deir ez-Zor countryside was calm.",
            {"Deir ez-Zor"},
        ),
        # with no province named, the skeleton match stands
        ("QSD fighters took the village of Sqba.", {"Rif-dimashq"}),
    ],
)
def test_loose_match_outside_named_province(
    gaz: gazetteer.Gazetteer, text: str, admin1s: set[str]
) -> None:
    found = [m for m in run(text, gaz) if m.place is not None and m.kind != "country"]
    assert {m.place.admin1 for m in found if m.place} == admin1s


@pytest.mark.parametrize(
    ("anchor", "accepted"),
    [
        # a hamlet of a neighbouring country the report never names, with no place of the
        # report near it: a homonym of a local village the index lacks
        (None, False),
        # near a place the report is sure of, it may lie across the border
        (_town(7, "Border Post", 34.4, 41.0, "Deir ez-Zor"), True),
    ],
)
def test_hamlet_in_neighbouring_country(
    gaz: gazetteer.Gazetteer, anchor: Place | None, accepted: bool
) -> None:
    hamlet = Place(
        geonameid=900006,
        name="Az Zarkan",
        latitude=34.6,
        longitude=41.6,
        feature_code="PPL",
        country="IQ",
        admin1="Al Anbar",
        population=0,
    )
    hit = Hit(10, 16, "Zarkan", cands=((hamlet, True),), best=hamlet, cued=True, score=0.5)
    ctx = places._Context({1: ("SY", "place"), 2: ("SY", "name")}, [0, 0, 0, 0], gaz)
    if anchor is not None:
        ctx.anchor(3, anchor)
    assert places._accept(hit, 0, ctx) is accepted


def test_named_groups_come_from_the_given_lexicon() -> None:
    # a user's lexicon knows its own groups, and only those
    lexicon = actors_lexicon.build_lexicon(
        [actors_lexicon.ActorEntry("Red Hand Brigade", ("RHB",), 3, "YE")], {}
    )
    text = "The RHB and Boko Haram clashed."
    found = placeactors.named_groups(text, lexicon)
    assert [(text[g.start : g.end], g.country) for g in found] == [("RHB", "YE")]
