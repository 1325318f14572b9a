"""ACLED's names, codes and regions of countries (data/countries.tsv)."""

from datetime import date
from pathlib import Path

import pytest

from conflictcoder import countries, gazetteer
from conflictcoder.models import Article
from conflictcoder.pipeline import Resources, analyse, load_resources
from conflictcoder.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("iso2", "name"),
    [
        ("CD", "Democratic Republic of Congo"),
        ("CG", "Republic of Congo"),
        ("PS", "Palestine"),
        ("SZ", "eSwatini"),
        ("SY", "Syria"),
        ("US", "United States"),
        ("XX", None),
        (None, None),
    ],
)
def test_acled_name(iso2, name):
    assert countries.acled_name(iso2) == name


@pytest.mark.parametrize(
    ("iso3", "expected"),
    [
        ("COD", ("CD", 180, "Middle Africa")),
        ("IRQ", ("IQ", 368, "Middle East")),
        ("MEX", ("MX", 484, "Central America")),
        ("UKR", ("UA", 804, "Europe")),
    ],
)
def test_by_iso3(iso3, expected):
    country = countries.by_iso3(iso3)
    assert (country.iso2, country.numeric, country.region) == expected
    assert countries.by_iso2(country.iso2) == country


@pytest.fixture(scope="module")
def resources(tmp_path_factory: pytest.TempPathFactory) -> Resources:
    path = tmp_path_factory.mktemp("gaz") / "countries.sqlite"
    gazetteer.build(path, extra_dumps=[FIXTURES / "geonames_countries.txt"], bundled=False)
    return load_resources(Settings(gazetteer_path=path))


@pytest.mark.parametrize(
    ("text", "country", "actor1"),
    [
        (
            "Hundreds of protesters marched peacefully in Goma on Monday.",
            "Democratic Republic of Congo",
            "Protesters (Democratic Republic of Congo)",
        ),
        (
            "Protesters gathered peacefully in Gaza on Monday.",
            "Palestine",
            "Protesters (Palestine)",
        ),
    ],
)
def test_events_carry_acled_spelling_of_their_country(resources, text, country, actor1):
    article = Article(doc_id="t", text=text, published=date(2024, 3, 6))
    (event,) = analyse(article, resources).events
    assert (event.country, event.actor1) == (country, actor1)
