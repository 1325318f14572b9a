"""ACLED's names, codes and regions of countries (data/countries.tsv)."""

import pytest

from conflictcoder import countries


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

