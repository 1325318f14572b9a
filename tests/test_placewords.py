"""English words that are no places (sentences written for these tests)."""

from __future__ import annotations

import pytest

from conflictcoder.models import Place
from conflictcoder.placehit import Hit
from conflictcoder.placewords import civic, common_words, opening, plain_word


def _hit(text: str, surface: str, name: str, country: str, people: int, cued=False) -> Hit:
    start = text.index(surface)
    best = Place(
        geonameid=1,
        name=name,
        latitude=0.0,
        longitude=0.0,
        feature_code="PPL",
        country=country,
        admin1=None,
        population=people,
    )
    return Hit(start, start + len(surface), surface, cands=((best, True),), best=best, cued=cued)


@pytest.mark.parametrize(
    ("text", "surface", "name", "country", "people", "respelled", "plain"),
    [
        # a common word opening a sentence, or inside an organisation's name
        (
            "Although no gun was found, police left.",
            "Although",
            "Although",
            "PH",
            28_000,
            False,
            True,
        ),
        ("The United Way campaign raised funds.", "Way", "Way", "US", 17_000, False, True),
        # spelled like a small Latin-script place only by a variant: no place
        ("Officers said Jolly was held.", "Jolly", "Juli", "PE", 8_600, True, True),
        # transliterated names keep their variants
        ("Fighters shelled Hasakeh overnight.", "Hasakeh", "Al-Hasakah", "SY", 0, True, False),
        # a known town spelled as it is, inside a sentence: the town
        ("Fans flew to Nice for the final.", "Nice", "Nice", "FR", 340_000, False, False),
        # the same word opening a sentence says nothing
        ("Nice weather drew crowds.", "Nice", "Nice", "FR", 340_000, False, True),
        # civic words make a town of it
        ("Said Avondale Mayor Ed Roe.", "Avondale", "Avondale Estates", "US", 3_000, True, False),
        # an all-capitals dateline is no word
        ("MOBILE — A storm hit.", "MOBILE", "Mobile", "US", 190_000, False, False),
    ],
)
def test_plain_word(
    text: str, surface: str, name: str, country: str, people: int, respelled: bool, plain: bool
) -> None:
    assert plain_word(text, _hit(text, surface, name, country, people), respelled) is plain


def test_a_cued_name_is_no_plain_word() -> None:
    text = "He lives in Way, a village."
    assert not plain_word(text, _hit(text, "Way", "Way", "US", 500, cued=True), False)


@pytest.mark.parametrize(
    ("text", "surface", "town"),
    [
        ("Candidates ran, D-Kanawha, for the seat.", "Kanawha", True),
        ("Land between the Williams and Cranberry rivers.", "Cranberry", True),
        ("The Cranberry juice was sold.", "Cranberry", False),
    ],
)
def test_civic(text: str, surface: str, town: bool) -> None:
    assert civic(text, _hit(text, surface, surface, "US", 1000)) is town


@pytest.mark.parametrize(
    ("text", "start", "opens"),
    [("Soon, a truck came.", 0, True), ('He said. "Once done', 10, True), ("a Way out", 2, False)],
)
def test_opening(text: str, start: int, opens: bool) -> None:
    assert opening(text, start) is opens


def test_common_words_are_lower_case_words() -> None:
    words = common_words()
    assert {"although", "way", "nice"} <= words
    assert all(w.islower() and " " not in w for w in words)
