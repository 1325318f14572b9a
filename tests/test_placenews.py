"""Local news: countries' names as the paper's towns, countries in lists, words spelled like
small places, states named bare (sentences written for these tests)."""

from __future__ import annotations

import pytest

from conflictcoder import gazetteer, places
from conflictcoder.models import PlaceMention
from conflictcoder.sentences import split


@pytest.fixture(scope="module")
def gaz(fixture_gazetteer) -> gazetteer.Gazetteer:
    return fixture_gazetteer("geonames_news5.txt")


def run(text: str, gaz: gazetteer.Gazetteer) -> tuple[PlaceMention, ...]:
    return places.find(text, split(text), gaz)


def quoted(found: tuple[PlaceMention, ...], quote: str) -> list[PlaceMention]:
    return [m for m in found if m.text == quote]


@pytest.mark.parametrize(
    ("text", "quote", "country"),
    [
        # local news of the US, no other country said: the paper's town
        (
            "John Doe, 60, Lebanon, was held in the Boone County Jail. The Sheriff's Office "
            "said Lebanon police found him.",
            "Lebanon",
            "US",
        ),
        # no local-news words: the country
        ("John Doe, 60, flew to Lebanon on Friday.", "Lebanon", "LB"),
        # one of a list of countries stays a country, even among Texas towns
        (
            "Pilots from Paris, Texas, flew for China, Italy and Russia during the war.",
            "Italy",
            "IT",
        ),
    ],
)
def test_country_names_in_local_news(
    gaz: gazetteer.Gazetteer, text: str, quote: str, country: str
) -> None:
    found = quoted(run(text, gaz), quote)
    assert found and all(m.place is not None and m.place.country == country for m in found)


@pytest.mark.parametrize(
    ("text", "quote", "kept"),
    [
        # a surname spelled like a small Peruvian town is no place
        ("Officers said Jolly had been arrested before.", "Jolly", False),
        # spelled as the town is spelled, it is one
        ("Officers drove to Juli, Peru, on Friday.", "Juli", True),
    ],
)
def test_words_spelled_like_small_places(
    gaz: gazetteer.Gazetteer, text: str, quote: str, kept: bool
) -> None:
    assert bool(quoted(run(text, gaz), quote)) == kept


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("The chain closed 12 stores in Nevada and four in Texas.", "Nevada"),
        ("The town of Nevada, Iowa, near Des Moines, closed two stores.", "Iowa"),
    ],
)
def test_states_named_bare(gaz: gazetteer.Gazetteer, text: str, admin1: str) -> None:
    (found,) = quoted(run(text, gaz), "Nevada")
    assert found.place is not None and found.place.admin1 == admin1


def test_a_nation_demonym_names_its_province(fixture_gazetteer) -> None:
    gaz = fixture_gazetteer("geonames_news5.txt", "geonames_nations5.txt")
    text = "He was found in the English city of Salisbury."
    (found,) = quoted(run(text, gaz), "English")
    assert found.kind == "country" and found.why == "demonym"
    assert found.place is not None and found.place.name == "England"


@pytest.mark.parametrize(
    ("text", "quote", "country"),
    [
        ("LONDON\nThe Latest on the poisoning case.", "LONDON", "GB"),
        ("LONDON The Latest on the poisoning case.", "LONDON", "GB"),
        ("NATO\nThe alliance met in Texas.", "NATO", None),
    ],
)
def test_a_city_opening_a_line_is_a_dateline(
    gaz: gazetteer.Gazetteer, text: str, quote: str, country: str | None
) -> None:
    found = quoted(run(text, gaz), quote)
    if country is None:
        assert not found
    else:
        assert found and found[0].place is not None and found[0].place.country == country
