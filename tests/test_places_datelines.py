"""Datelines: a news agency's bare "WASHINGTON (AP) —" is the city everyone knows, while a
local paper's "HUDSON —" is the local town the story is about (sentences written for these
tests)."""

from __future__ import annotations

import pytest

from conflictcoder import gazetteer, places
from conflictcoder.sentences import split


@pytest.fixture(scope="module")
def gaz(fixture_gazetteer) -> gazetteer.Gazetteer:
    return fixture_gazetteer("geonames_datelines.txt")


@pytest.mark.parametrize(
    ("text", "quote", "admin1"),
    [
        # the story's state does not pull an agency dateline to its small namesake
        (
            "WASHINGTON (AP) — Senators from Iowa objected, citing costs in Des Moines.",
            "WASHINGTON",
            "District of Columbia",
        ),
        (
            "Budget talks\nWASHINGTON — Farmers in Iowa and Des Moines wait.",
            "WASHINGTON",
            "District of Columbia",
        ),
        # after the headline's sentence on the same line, as some archives join them
        (
            "Budget talks stall. WASHINGTON — Farmers in Iowa and Des Moines wait.",
            "WASHINGTON",
            "District of Columbia",
        ),
        # a dateline that no large city bears keeps the article's own province
        (
            "HUDSON — Officials said a man was shot near River Falls, Wisconsin.",
            "HUDSON",
            "Wisconsin",
        ),
        # not at the start of a line: an ordinary name, read in the story's province
        (
            "Farmers in Des Moines and Washington, Iowa, met on Friday.",
            "Washington",
            "Iowa",
        ),
    ],
)
def test_dateline_homonyms(gaz: gazetteer.Gazetteer, text: str, quote: str, admin1: str) -> None:
    found = {m.text: m.place for m in places.find(text, split(text), gaz)}
    assert found[quote] is not None
    assert found[quote].admin1 == admin1
