"""Countries as ACLED names and groups them: ACLED's spelling, ISO codes and region.

``data/countries.tsv`` (made by ``scripts/derive_countries.py`` from GeoNames' countryInfo,
CC BY 4.0) has one row per country: ISO alpha-2 and alpha-3, the ISO 3166 numeric code that
ACLED exports as ``iso``, the name ACLED gives the country (GeoNames' name except where ACLED
spells it otherwise: "Democratic Republic of Congo", "Palestine", "eSwatini") and ACLED's
region. Events carry ACLED's spelling in ``country``, and generic actors are named with it
("Rioters (Democratic Republic of Congo)"), so both match ACLED's own data.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    numeric: int  # ISO 3166-1 numeric, ACLED's ``iso`` column
    name: str  # ACLED's spelling
    region: str | None  # ACLED's region; None for territories ACLED does not code


@cache
def _table() -> tuple[dict[str, Country], dict[str, Country]]:
    path = resources.files("conflictcoder") / "data" / "countries.tsv"
    by_iso2: dict[str, Country] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            country = Country(
                iso2=row["iso2"],
                iso3=row["iso3"],
                numeric=int(row["iso"]),
                name=row["name"],
                region=row["region"] or None,
            )
            by_iso2[country.iso2] = country
    return by_iso2, {country.iso3: country for country in by_iso2.values()}


def by_iso2(iso2: str | None) -> Country | None:
    """The country of an ISO alpha-2 code ("CD"); None when unknown."""
    return _table()[0].get(iso2 or "")


def by_iso3(iso3: str | None) -> Country | None:
    """The country of an ISO alpha-3 code ("COD"); None when unknown."""
    return _table()[1].get(iso3 or "")


def acled_name(iso2: str | None) -> str | None:
    """ACLED's name of a country ("CD" → "Democratic Republic of Congo"); None when unknown."""
    country = by_iso2(iso2)
    return country.name if country else None
