"""Recognition of news toponyms: initials, people's names, regions, organisations, hyphens;
and the article's home province (sentences written for these tests)."""

from __future__ import annotations

import pytest

from conflictcoder import gazetteer, placerank, placeregions, places
from conflictcoder.models import Place, PlaceMention
from conflictcoder.sentences import split


@pytest.fixture(scope="module")
def gaz(fixture_gazetteer) -> gazetteer.Gazetteer:
    return fixture_gazetteer("geonames_mini.txt", "geonames_news.txt")


def mentions(text: str, gaz: gazetteer.Gazetteer) -> list[PlaceMention]:
    return list(places.find(text, split(text), gaz))


@pytest.mark.parametrize(
    ("text", "quote", "country", "admin1"),
    [
        ("The U.S. said the talks had failed.", "U.S.", "US", None),
        ("Three themes dominated Egyptian-US relations for years.", "US", "US", None),
        (
            "The school opened a second campus in D.C. last year.",
            "D.C.",
            "US",
            "District of Columbia",
        ),
        ("Rep. Nick Rahall, D-W. Va., chairs the committee.", "W. Va.", "US", "West Virginia"),
        ("The S.C. Highway Patrol is looking for leads.", "S.C.", "US", "South Carolina"),
        ("A tour traces the spiritual diversity of L.A. in ten stops.", "L.A.", "US", "California"),
    ],
)
def test_initials(
    gaz: gazetteer.Gazetteer, text: str, quote: str, country: str, admin1: str | None
) -> None:
    found = [m for m in mentions(text, gaz) if quote in m.text]
    assert found and found[0].place is not None
    assert (found[0].place.country, found[0].place.admin1 if admin1 else None) == (country, admin1)


@pytest.mark.parametrize(
    ("text", "quote", "count"),
    [
        # a run read as a person's name bans only its last word, not every word of it
        ("Many of Hawaii's jobs pay little, says Hawaii Pacific Health. Hawaii grew.", "Hawaii", 3),
        # words opening a sentence are no given names
        ("North Texas schools closed. Texas officials agreed.", "Texas", 2),
        ("Though London's total was higher, London is safe. Crime in London fell.", "London", 3),
        # a surname is still a place where the text says so
        ("John Gainesville said no. Police in Gainesville, Florida, agreed.", "Gainesville", 1),
    ],
)
def test_people_do_not_hide_places(
    gaz: gazetteer.Gazetteer, text: str, quote: str, count: int
) -> None:
    assert sum(m.text == quote for m in mentions(text, gaz)) == count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country in capitals is no common word because "us" is one
        ("Tell us what US officials think.", ["US"]),
        # a country, then a title: no village "Ambasador"
        ("US Ambassador Jon Huntsman was informed.", ["US"]),
        # a street named after people, not the town "Van"
        ("She lived in a Van Dorn Street apartment in Alexandria.", ["Alexandria"]),
        # all-capitals datelines before a colon or a possessive
        ("Crops were lost. LONDON: Farmers protested.", ["LONDON"]),
        ("LONDON'S mayor spoke on Monday.", ["LONDON"]),
        # a combining accent written apart is part of the word
        ("Protesters gathered in Mos\u0301ul on Friday.", ["Mos\u0301ul"]),
        # a currency says nothing of where the report is
        ("Crowds in Mosul protested the soaring US dollar exchange rate.", ["Mosul"]),
        ("The U.S. dollars sent to Mosul were seized.", ["Mosul"]),
    ],
)
def test_recognised(gaz: gazetteer.Gazetteer, text: str, expected: list[str]) -> None:
    assert [m.text for m in mentions(text, gaz)] == expected


@pytest.mark.parametrize(
    ("text", "quote", "kind"),
    [
        ("Girls from Paris, Alexandria and Hawaii counties will compete.", "Paris", "admin2"),
        ("Girls from Paris, Alexandria and Hawaii counties will compete.", "Alexandria", "admin2"),
        ("Clashes hit Texas and Florida states on Monday.", "Texas", "admin1"),
        ("Clashes hit Texas and Florida in March.", "Texas", "admin1"),
    ],
)
def test_plural_admin_words(gaz: gazetteer.Gazetteer, text: str, quote: str, kind: str) -> None:
    (found,) = [m for m in mentions(text, gaz) if m.text == quote]
    assert found.kind == kind


def test_washington_dc_is_one_name(gaz: gazetteer.Gazetteer) -> None:
    (found,) = [m for m in mentions("He rode a bike to Washington D.C. in May.", gaz)]
    assert found.text == "Washington D.C." and found.place is not None
    assert found.place.geonameid == 4140963


def test_place_before_a_unit_word_is_kept_when_large(gaz: gazetteer.Gazetteer) -> None:
    found = mentions("About 230 Texas National Guard troops were helping.", gaz)
    assert [m.text for m in found] == ["Texas"]
    assert (found[0].why or "").startswith(places.MODIFIER_WHY)


def test_the_does_not_open_a_longer_name(gaz: gazetteer.Gazetteer) -> None:
    found = mentions("The New York Times reported it first.", gaz)
    assert [m.text for m in found] == ["New York"]


@pytest.mark.parametrize(
    ("text", "quote", "name", "code"),
    [
        ("Airlines compete for routes across Europe.", "Europe", "Europe", "CONT"),
        ("The EU will publish its aviation strategy.", "EU", "Europe", "CONT"),
        ("European airlines want lower fees.", "European", "Europe", "CONT"),
        ("Growth in Africa slowed this year.", "Africa", "Africa", "CONT"),
        ("Tension grew across the Middle East in March.", "Middle East", "Middle East", "RGN"),
        # a title word before it ("official") does not make a region a person
        ("English is an official EU language.", "EU", "Europe", "CONT"),
        # a name that ends in an organisation word ("Union") is still the region
        ("The European Union said no.", "European Union", "Europe", "CONT"),
        # nobody lives there, yet it is no hamlet abroad
        ("Ships crossed the Atlantic Ocean.", "Atlantic Ocean", "Atlantic", "OCN"),
        ("Peace on the Korean Peninsula matters.", "Korean Peninsula", "Korean Peninsula", "RGN"),
    ],
)
def test_regions(gaz: gazetteer.Gazetteer, text: str, quote: str, name: str, code: str) -> None:
    (found,) = [m for m in mentions(text, gaz) if m.text == quote]
    assert found.place is not None and found.place.country is None
    assert (found.place.name, found.place.feature_code) == (name, code)


@pytest.mark.parametrize(
    ("text", "quote", "name", "country"),
    [
        # contested regions the country extracts lack, and their adjectives
        ("Troops left South Ossetia in October.", "South Ossetia", "South Ossetia", "GE"),
        ("South Ossetian officials disagreed.", "South Ossetian", "South Ossetia", "GE"),
        ("Talks on Nagorno-Karabakh stalled.", "Nagorno-Karabakh", "Nagorno-Karabakh", "AZ"),
    ],
)
def test_regions_of_one_country(
    gaz: gazetteer.Gazetteer, text: str, quote: str, name: str, country: str
) -> None:
    (found,) = [m for m in mentions(text, gaz) if m.text == quote]
    assert found.kind == "region" and found.place is not None
    assert (found.place.name, found.place.country) == (name, country)


@pytest.mark.parametrize(
    ("surface", "name", "main"),
    [("Europe", "Europe", True), ("EU", "Europe", False), ("Asian", "Asia", False)],
)
def test_region_lookup(surface: str, name: str, main: bool) -> None:
    found = placeregions.lookup(surface)
    assert found is not None and (found[0].name, found[1]) == (name, main)
    assert placeregions.lookup("Paris") is None


def _place(gid: int, name: str, country: str, admin1: str, people: int, code: str = "PPL"):
    return Place(
        geonameid=gid,
        name=name,
        latitude=0.0,
        longitude=0.0,
        feature_code=code,
        country=country,
        admin1=admin1,
        population=people,
    )


def test_home_province_from_the_other_names() -> None:
    gainesville = (
        (_place(1, "Gainesville", "US", "Florida", 134_000), True),
        (_place(2, "Gainesville", "US", "Georgia", 39_000), True),
    )
    ocala = ((_place(3, "Ocala", "US", "Florida", 60_000), True),)
    florida = ((_place(4, "Florida", "US", "Florida", 21_000_000, "ADM1"), True),)
    home = placerank.Home(
        [("Gainesville", gainesville, None), ("Ocala", ocala, None), ("Florida", florida, None)]
    )
    provinces, countries = home.shares(0)
    assert provinces == {("US", "Florida"): pytest.approx(1.0)}
    assert countries == {"US": pytest.approx(1.0)}
    provinces, _ = home.shares(1)  # Ocala's own vote is left out
    assert provinces[("US", "Florida")] > provinces[("US", "Georgia")] > 0
    evidence = placerank.Evidence(home=provinces, home_countries={"US": 1.0})
    # a name only an alternate name of a hamlet bears has no say
    hamlet = ((_place(5, "Slaying", "FR", "Centre", 90), False),)
    alone = placerank.Home([("Gainesville", gainesville, None), ("Slaying", hamlet, None)])
    assert alone.shares(0) == ({}, {})
    cues = placerank.Cues()
    florida_town, georgia_town = (p for p, _ in gainesville)
    assert placerank.score(florida_town, True, cues, evidence, None) > placerank.score(
        georgia_town, True, cues, evidence, None
    )
