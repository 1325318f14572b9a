"""Local-news words as a country prior, and provinces named bare (sentences written for
these tests)."""

from __future__ import annotations

from collections import Counter

import pytest

from conflictcoder import placerank as rank
from conflictcoder.models import Place
from conflictcoder.placegenre import BONUS, local_bonus


@pytest.mark.parametrize(
    ("text", "votes"),
    [
        ("The Sheriff's Office said a man was arrested on Elm Street.", 1),
        ("Deputies of the Marlow County Sheriff met the school district board.", 2),
        ("Sen. Jane Roe, R-Ohio, drove on Interstate 70 to the Circuit Court.", 2),
        ("The county road was closed.", 0),
        # words Kenya, Britain or Canada share are no votes
        ("The Nairobi County Commissioner met elders; the Kent County Council met.", 0),
        ("Police in the township said the high school was closed; call 555-1234.", 0),
    ],
)
def test_local_bonus(text: str, votes: int) -> None:
    assert local_bonus(text) == ({"US": BONUS * votes} if votes else {})


def _place(
    name: str, code: str, country: str, admin1: str, people: int, lon: float = -100.0
) -> Place:
    return Place(
        geonameid=1,
        name=name,
        latitude=40.0,
        longitude=lon,
        feature_code=code,
        country=country,
        admin1=admin1,
        population=people,
    )


STATE = _place("Nevada", "ADM1", "US", "Nevada", 2_700_000, lon=-117.0)
TOWN = _place("Nevada", "PPL", "US", "Iowa", 6_800, lon=-93.5)


@pytest.mark.parametrize(
    ("cues", "state_wins"),
    [
        (rank.Cues(no_city=True), True),  # "12 stores in Nevada": the state
        (rank.Cues(no_city=False), False),  # a city bears the name too: no bonus
        (rank.Cues(settlement_cue=True, no_city=True), False),  # "the town of Nevada"
    ],
)
def test_state_named_bare(cues: rank.Cues, state_wins: bool) -> None:
    # the other places of the article are in Iowa, near the town
    ev = rank.Evidence(admin1s=frozenset({("US", "Iowa")}), others=(TOWN,))
    state = rank.score(STATE, True, cues, ev, None)
    town = rank.score(TOWN, True, cues, ev, None)
    assert (state > town) == state_wins


def test_local_news_prefers_the_country() -> None:
    egypt = _place("Alexandria", "PPL", "EG", "Alexandria", 5_000_000)
    virginia = _place("Alexandria", "PPL", "US", "Virginia", 160_000)
    plain, local = rank.Evidence(), rank.Evidence(genre=local_bonus("The Sheriff's Office said"))
    cues = rank.Cues()
    assert rank.score(egypt, True, cues, plain, None) > rank.score(
        virginia, True, cues, plain, None
    )
    gap = rank.score(egypt, True, cues, local, None) - rank.score(virginia, True, cues, local, None)
    assert gap < rank.score(egypt, True, cues, plain, None) - rank.score(
        virginia, True, cues, plain, None
    )


@pytest.mark.parametrize(
    ("ev", "city_wins"),
    [
        # an article about the US: "London" is still the world city
        (rank.Evidence(document=Counter({"US": 5.0})), True),
        # an article whose places are in Ohio: the Ohio town
        (
            rank.Evidence(
                document=Counter({"US": 5.0}), admin1s=frozenset({("US", "Ohio")}), others=()
            ),
            False,
        ),
    ],
)
def test_world_city_needs_local_evidence_to_lose(ev: rank.Evidence, city_wins: bool) -> None:
    city = _place("London", "PPLC", "GB", "England", 9_000_000, lon=0.0)
    town = _place("London", "PPL", "US", "Ohio", 10_000, lon=-83.4)
    cues = rank.Cues(famous=frozenset({"GB"}))
    assert (rank.score(city, True, cues, ev, None) > rank.score(town, True, cues, ev, None)) == (
        city_wins
    )
