"""Places in ACLED-style notes: South Asian state abbreviations, "the regime" as country
context, homonyms told apart by the places around them, districts known by their seat's
name. Sentences written for these tests; fixture: tests/fixtures/geonames_acled_s4.txt."""

from __future__ import annotations

import pytest

from conflictcoder import gazetteer, placeactors, placecues, places
from conflictcoder.models import PlaceMention
from conflictcoder.sentences import split


@pytest.fixture(scope="module")
def gaz(fixture_gazetteer) -> gazetteer.Gazetteer:
    return fixture_gazetteer("geonames_acled_s4.txt")


def run(text: str, gaz: gazetteer.Gazetteer) -> tuple[PlaceMention, ...]:
    return places.find(text, split(text), gaz)


def resolved(found: tuple[PlaceMention, ...], quote: str) -> PlaceMention:
    hits = [m for m in found if m.text == quote and m.place is not None and m.kind != "relative"]
    assert hits, f"{quote!r} not resolved in {[m.text for m in found]}"
    return hits[0]


@pytest.mark.parametrize(
    ("text", "abbreviations"),
    [
        ("a mob attacked a shop in Jalalpur (UP) on Monday", ["UP"]),
        ("at Nasirpora town (Budgam district, J&K) over the killing", ["J&K"]),
        ("in Hyderabad city (Hyderabad, TS).", ["TS"]),
        ("in Tenkasi district (Tenkasi ,TN) against the decision", ["TN"]),
        ("in Kolimigundla town (Kurnool, AP) demanding", ["AP"]),
        ("in Bagh (Haveli district, AJK) on Sunday", ["AJK"]),
        # undotted capitals name a state only closing a parenthesis
        ("WASHINGTON (AP) — The president said", []),
        ("The UP government and the TN police met.", []),
        ("Memphis, TN is in the news", []),
        ("John Smith (MP) spoke", []),
        # the dotted ones as before
        ("He lives in Paris, Tenn. with his wife.", ["Tenn."]),
    ],
)
def test_state_abbreviations(text: str, abbreviations: list[str]) -> None:
    found = [m.group("abbr") for m in placecues.ABBREVIATION.finditer(text)]
    assert found == abbreviations


@pytest.mark.parametrize(
    ("text", "quote", "country", "admin1"),
    [
        (
            "Two groups clashed in Jalalpur (UP) over a land dispute.",
            "Jalalpur",
            "IN",
            "Uttar Pradesh",
        ),
        ("Police were attacked at Nasirpora town (Budgam district, J&K).", "Nasirpora", "IN", None),
        ("Workers protested in Hyderabad city (Hyderabad, TS).", "Hyderabad", "IN", "Telangana"),
    ],
)
def test_abbreviated_state_contains_the_place(
    gaz: gazetteer.Gazetteer, text: str, quote: str, country: str, admin1: str | None
) -> None:
    place = resolved(run(text, gaz), quote).place
    assert place is not None and place.country == country
    if admin1:
        assert place.admin1 == admin1


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Regime and loyalist militia forces clashed with rebels.", 1),
        ("Rebels shelled regime positions and pro-regime militias.", 2),
        ("Clashes. Regime forces advanced; the regime's 4th Division held.", 2),
        ("The regime forces withdrew.", 1),
        # someone's own regime, or another word
        ("The Iranian regime said the talks failed.", 0),
        ("The Assad regime denied it.", 0),
        ("Iranian regime forces were seen.", 0),
        ("a new drug regimen", 0),
        ("The military regime in the capital said so; a new visa regime began.", 0),
        ("The sanctions regime failed.", 0),
    ],
)
def test_regime_cues(text: str, count: int) -> None:
    cues = placeactors.regime_cues(text)
    assert len(cues) == count
    assert all(g.country == "SY" and g.weight == placeactors.CUE_WEIGHT for g in cues)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Regime forces clashed with Islamist factions in the Kabani area.", "SY"),
        ("Islamist factions shelled regime positions in the Kabani area.", "SY"),
        # nothing says Syria: the more populous namesake
        ("Soldiers clashed with Islamist factions in the Kabani area.", "MM"),
    ],
)
def test_regime_says_syria(gaz: gazetteer.Gazetteer, text: str, country: str) -> None:
    place = resolved(run(text, gaz), "Kabani").place
    assert place is not None and place.country == country


@pytest.mark.parametrize(
    ("text", "geonameid"),
    [
        # homonyms nothing else tells apart: the one nearest the place the note is sure of
        ("Shelling hit the Bab Salam area. Clashes were also reported in Tell Sakhr.", 910023),
        ("Clashes were reported in Tell Sakhr. Shelling hit the Bab Salam area.", 910023),
    ],
)
def test_homonym_tie_goes_to_the_nearest(
    gaz: gazetteer.Gazetteer, text: str, geonameid: int
) -> None:
    place = resolved(run(text, gaz), "Bab Salam").place
    assert place is not None and place.geonameid == geonameid


def test_district_known_by_its_seats_name(gaz: gazetteer.Gazetteer) -> None:
    found = run("Gunmen killed a commander in Marat Nasr on Monday.", gaz)
    mention = resolved(found, "Marat Nasr")
    assert mention.place is not None and mention.place.geonameid == 910032
    assert mention.kind == "populated"


def test_district_seat_without_district_codes(gaz: gazetteer.Gazetteer) -> None:
    """The towns of the Syrian dump carry no district code: a district's seat is then the
    town named like it near its point."""
    (district,) = [p for p in gaz.lookup("Tell Sakhr") if p.feature_code == "ADM2"]
    seat = gaz.seat(district)
    assert seat is not None and seat.geonameid == 910024
    (other,) = [p for p in gaz.lookup("Mantiqat Alwa") if p.feature_code == "ADM2"]
    assert gaz.seat(other) is None  # no town of its name: no seat


@pytest.mark.parametrize(
    "text",
    [
        "Turkish forces shelled villages in the countryside of Tell Sakhr district.",
        "Clashes took place near Tell Sakhr district.",
    ],
)
def test_relative_to_a_district_is_coded_to_its_seat(gaz: gazetteer.Gazetteer, text: str) -> None:
    found = run(text, gaz)
    (relative,) = [m for m in found if m.kind == "relative"]
    assert relative.place is not None and relative.place.geonameid == 910024
    (district,) = [m for m in found if m.kind == "admin2"]
    assert district.place is not None and district.place.geonameid == 910025


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # the OSCE monitors reported along the Donbas contact line
        ("The OSCE SMM observed 12 explosions near Sokolnyky.", "Luhansk"),
        ("Monitors of the Special Monitoring Mission heard shots near Sokolnyky.", "Luhansk"),
        # nothing says where: the more populous namesake
        ("Residents heard 12 explosions near Sokolnyky.", "Lviv"),
    ],
)
def test_names_that_say_the_provinces(gaz: gazetteer.Gazetteer, text: str, admin1: str) -> None:
    place = resolved(run(text, gaz), "Sokolnyky").place
    assert place is not None and place.admin1 == admin1


def test_home_provinces() -> None:
    assert placeactors.home_provinces("the OSCE SMM observed") == (
        ("OSCE SMM", "UA", ("Donetsk", "Luhansk")),
    )
    assert placeactors.home_provinces("the OSCE said") == ()


def test_sheikh_opens_a_village_name(gaz: gazetteer.Gazetteer) -> None:
    found = run("HTS fighters took control of Sheikh Idris after clashes.", gaz)
    place = resolved(found, "Sheikh Idris").place
    assert place is not None and place.geonameid == 910051
