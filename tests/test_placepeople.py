"""Names of people, events and organisations that are no places, places that only look like
people's names, and counties that tell the article's state (sentences written for these
tests)."""

from __future__ import annotations

import pytest

from conflictcoder import gazetteer, places
from conflictcoder.models import PlaceMention
from conflictcoder.sentences import split


@pytest.fixture(scope="module")
def gaz(fixture_gazetteer) -> gazetteer.Gazetteer:
    return fixture_gazetteer("geonames_mini.txt", "geonames_news.txt", "geonames_newspeople.txt")


def mentions(text: str, gaz: gazetteer.Gazetteer) -> list[str]:
    found: list[PlaceMention] = list(places.find(text, split(text), gaz))
    return [m.text for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state before an abbreviated title: "Gov." opens a person's name after the place
        ("Oklahoma Gov. Mary Rowe signed the bill.", ["Oklahoma"]),
        ("Former Florida Gov. Bob Graham spoke.", ["Florida"]),
        # an English word links no two names into one person's name
        ("The award went to London as Florida lost the vote.", ["London", "Florida"]),
        # a word ending like a common noun or adjective is no given name
        ("Streets of Historic Gainesville were closed. Gainesville grew.", ["Gainesville"] * 2),
        ("The tour, Connecting Florida, starts today.", ["Florida"]),
        # but a given name before a place's name is a person's name
        ("Rosa Gainesville was elected to the board.", []),
        # a city speaks for its people: no person's surname to drop elsewhere
        ("Voters knew that Gainesville says no. Gainesville grew.", ["Gainesville"] * 2),
        # a run opening with a compass word is no person's name
        ("Crowds gathered in North Gainesville Florida on Sunday.", ["Gainesville", "Florida"]),
        # a country named like a given name, before a surname, is a person
        ("Officers Ron Lee and Chad Walker arrived.", []),
        ("Troops crossed into Chad on Monday.", ["Chad"]),
        ("Talks in the Jordan Valley resumed.", ["Jordan"]),
        # holidays name no place
        ("Shops close on Thanksgiving Day and open the next morning.", []),
        # after "in", only a large city opening the run makes it places
        ("They flew in Rosa Gainesville's plane.", []),
    ],
)
def test_people_and_places(gaz: gazetteer.Gazetteer, text: str, expected: list[str]) -> None:
    assert mentions(text, gaz) == expected


@pytest.mark.parametrize(
    ("text", "quote", "admin1"),
    [
        # the state that has a Hall County and a Gainesville is the article's home
        ("Rain fell on Hall County. Gainesville closed its schools.", "Hall", "Georgia"),
        ("Rain fell on Hall County. Gainesville closed its schools.", "Gainesville", "Georgia"),
    ],
)
def test_counties_tell_the_state(
    gaz: gazetteer.Gazetteer, text: str, quote: str, admin1: str
) -> None:
    found = [m for m in places.find(text, split(text), gaz) if m.text == quote]
    assert found and found[0].place is not None
    assert (found[0].place.country, found[0].place.admin1) == ("US", admin1)
