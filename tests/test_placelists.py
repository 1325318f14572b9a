"""Lists of villages and containers after a direction or a site word, on sentences written
for these tests (fixture: tests/fixtures/geonames_lists.txt, made-up places)."""

from __future__ import annotations

import pytest

from conflictcoder import gazetteer, placelists, places
from conflictcoder.models import PlaceMention
from conflictcoder.sentences import split


@pytest.fixture(scope="module")
def gaz(fixture_gazetteer) -> gazetteer.Gazetteer:
    return fixture_gazetteer("geonames_lists.txt")


def run(text: str, gaz: gazetteer.Gazetteer) -> tuple[PlaceMention, ...]:
    return places.find(text, split(text), gaz)


@pytest.mark.parametrize(
    ("gap", "linked"),
    [
        (", ", True),
        (" and ", True),
        (", and ", True),
        (", Tal ", True),  # an unmatched name between two matched ones
        (" killed three people in ", False),
        (" ", False),
        (" in the countryside of ", False),
    ],
)
def test_linked(gap: str, linked: bool) -> None:
    assert placelists._linked(gap) is linked


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        # the one province where all three listed villages lie
        ("Rebels shelled Qarmid, Zurbat and Hulwan overnight.", [910004, 910006, 910008]),
        ("Clashes in the villages of Zurbat, Qarmid, and Hulwan.", [910006, 910004, 910008]),
    ],
)
def test_a_list_lies_in_one_province(text: str, ids: list[int], gaz: gazetteer.Gazetteer) -> None:
    found = [m for m in run(text, gaz) if m.place is not None and m.kind == "populated"]
    assert [m.place.geonameid for m in found if m.place] == ids


@pytest.mark.parametrize(
    "text",
    [
        "Fighters attacked the Sabkhat Nur oil field in eastern Hama countryside.",
        "Fighters attacked the Sabkhat Nur gas field in northern Hama.",
        "Fighters attacked Sabkhat Nur West village in Hama.",
    ],
)
def test_a_container_after_a_direction_or_site(text: str, gaz: gazetteer.Gazetteer) -> None:
    found = [m for m in run(text, gaz) if m.text == "Sabkhat Nur"]
    assert [m.place.geonameid for m in found if m.place] == [910011]


@pytest.mark.parametrize(
    ("text", "geonameid"),
    [
        # two villages without population tie: the district's seat is meant
        ("Fighters clashed in the town of Ras Zaytun.", 910013),
        ("Syrian fighters clashed in Ras Zaytun.", 910013),
    ],
)
def test_a_seat_wins_a_tie(text: str, geonameid: int, gaz: gazetteer.Gazetteer) -> None:
    found = [m for m in run(text, gaz) if m.text == "Ras Zaytun"]
    assert [m.place.geonameid for m in found if m.place] == [geonameid]
