"""Spellings in conflict notes the index has only in another form: a name spelled exactly
only as places abroad, a loose match in a note that names no country, the countryside of a
town, compound names the index lacks, conflict-report words that are no places. Sentences
written for these tests; fixture: tests/fixtures/geonames_respell_s5.txt."""

from __future__ import annotations

import pytest

from conflictcoder import gazetteer, placecues, places
from conflictcoder.models import PlaceMention
from conflictcoder.sentences import split


@pytest.fixture(scope="module")
def gaz(fixture_gazetteer) -> gazetteer.Gazetteer:
    return fixture_gazetteer("geonames_respell_s5.txt")


def run(text: str, gaz: gazetteer.Gazetteer) -> tuple[PlaceMention, ...]:
    return places.find(text, split(text), gaz)


def placed(found: tuple[PlaceMention, ...]) -> dict[str, int | None]:
    """Quote -> geonameid of the resolved place mentions (relative ones left out)."""
    return {
        m.text: m.place.geonameid for m in found if m.place is not None and m.kind != "relative"
    }


@pytest.mark.parametrize(
    ("text", "geonameid"),
    [
        # the report is about Syria: the Syrian village spelled closest, not Kabani abroad
        ("Regime forces clashed with HTS fighters in the Kabani area.", 920002),
        ("HTS fighters shelled regime positions in the Kabani area.", 920002),
        # nothing says where: the name as spelled
        ("Soldiers clashed with gunmen in the Kabani area.", 920001),
    ],
)
def test_spelled_only_abroad(gaz: gazetteer.Gazetteer, text: str, geonameid: int) -> None:
    assert placed(run(text, gaz)).get("Kabani") == geonameid


def test_a_big_city_named_exactly_is_that_city(gaz: gazetteer.Gazetteer) -> None:
    """A city of 100k+ named exactly is no misspelling of a village of the country the rest
    of the report is about."""
    text = (
        "Hundreds marched through the centre of Mosul on Saturday. In Yemen, an air strike"
        " on a market killed seven people, Yemeni officials said. Yemen's war goes on."
    )
    assert placed(run(text, gaz)).get("Mosul") == 920016


@pytest.mark.parametrize(
    ("text", "geonameid"),
    [
        # no country named: the one candidate spelled alike, not the other skeleton matches
        ("Unidentified gunmen shot and killed a man in the town of Khan Shaykun.", 920004),
        ("Gunmen killed a man in the town of Kanaskin.", 920005),
    ],
)
def test_loose_match_without_country(gaz: gazetteer.Gazetteer, text: str, geonameid: int) -> None:
    found = placed(run(text, gaz))
    assert list(found.values()) == [geonameid]


def test_countryside_of_a_town_is_near_it(gaz: gazetteer.Gazetteer) -> None:
    """A village "in the countryside of" a town lies near the town, not anywhere in its
    province: a skeleton match 100 km away is another village, which the index lacks."""
    text = "Clashes took place in the village of Umm Ashba in the countryside of Ras Al Ain."
    found = run(text, gaz)
    assert 920007 not in placed(found).values()
    (relative,) = [m for m in found if m.kind == "relative"]
    assert relative.place is not None and relative.place.geonameid == 920006


@pytest.mark.parametrize(
    "text",
    [
        "Islamist factions fired rockets at regime positions in the Jabal al-Turkman area.",
        "Clashes continued in Jabal al-Turkman in Lattakia countryside.",
    ],
)
def test_compound_the_index_lacks(gaz: gazetteer.Gazetteer, text: str) -> None:
    """ "Jabal al-Turkman" is no village of Turkey called al-Turkman."""
    assert 920009 not in placed(run(text, gaz)).values()


def test_conflict_words_are_no_places(gaz: gazetteer.Gazetteer) -> None:
    found = placed(run("Rebel forces raided a base in the town of Saraqab.", gaz))
    assert found == {"Saraqab": 920012}
    assert {"rebel", "regime", "clashes", "amid"} <= placecues.STOPWORDS


@pytest.mark.parametrize(
    ("text", "after_name", "currency"),
    [
        ("protests over the high US dollar exchange rate", 25, True),
        ("the Canadian dollars lost value", 12, True),
        ("the US army said", 6, False),
        ("the US Dollar Index", 6, True),
    ],
)
def test_currency_after_a_country(text: str, after_name: int, currency: bool) -> None:
    assert bool(placecues.CURRENCY_AFTER.match(text, after_name)) is currency


@pytest.mark.parametrize(
    ("text", "geonameid"),
    [
        ("Gunmen killed a commander in Sarja in the southern countryside of Idleb.", 920015),
        ("Gunmen killed a commander in Sarja in the northern countryside of Idleb.", 920014),
        ("Clashes took place in Sarja in southern Idleb countryside.", 920015),
    ],
)
def test_direction_tells_homonyms_apart(
    gaz: gazetteer.Gazetteer, text: str, geonameid: int
) -> None:
    assert placed(run(text, gaz)).get("Sarja") == geonameid


def test_skeleton_candidates(gaz: gazetteer.Gazetteer) -> None:
    """The consonant-skeleton matches as such, no respelling tried first."""
    found = {p.geonameid for p, _ in gaz.skeleton_candidates("Kabani")}
    assert {920001, 920002, 920003} <= found
    assert gaz.skeleton_candidates("Ab") == ()
