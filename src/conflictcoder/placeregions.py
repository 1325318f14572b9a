"""Continents, world regions and seas: toponyms news names that no country dump holds.

"Europe", "the Middle East", "the Caucasus", "the EU" and their adjectives ("European",
"African") are toponyms of news geoparsing (GeoWebNews, LGL and TR-News annotate them), but
the bundled gazetteer has no continents. ``lookup`` gives each a ``Place`` at GeoNames'
point for it (continents: GeoNames' CONT entries; seas and oceans: their SEA/OCN entries;
GeoNames, CC BY 4.0; regions without a GeoNames point at their middle). Its ``country`` is
``None`` (or the one country a region like Darfur lies in) and its ``feature_code`` one of
``REGION_CODES``, so events can tell it from a town.
"""

from __future__ import annotations

from conflictcoder.models import Place
from conflictcoder.placenames import fold

# Feature codes of the places below: continent, region, ocean, sea.
REGION_CODES = frozenset({"CONT", "RGN", "OCN", "SEA"})

# A population for places nobody lives in, so that resolution never takes them for hamlets.
_NOMINAL = 1_000_000
# name -> (GeoNames id or None, latitude, longitude, feature code, people living there)
_REGIONS: dict[str, tuple[int | None, float, float, str, int]] = {
    "Africa": (6255146, 7.1881, 21.09375, "CONT", 1_300_000_000),
    "Asia": (6255147, 29.84064, 89.29688, "CONT", 4_600_000_000),
    "Europe": (6255148, 48.69096, 9.14062, "CONT", 740_000_000),
    "North America": (6255149, 46.07323, -100.54688, "CONT", 580_000_000),
    "South America": (6255150, -14.60485, -57.65625, "CONT", 430_000_000),
    "Oceania": (6255151, -18.31281, 138.51563, "CONT", 43_000_000),
    "Antarctica": (6255152, -78.15856, 16.40626, "CONT", _NOMINAL),
    "Middle East": (None, 33.13906, 35.85869, "RGN", 370_000_000),
    "Caucasus": (None, 42.5, 45.0, "RGN", 30_000_000),
    "Mediterranean": (363196, 35.0, 20.0, "SEA", _NOMINAL),
    "Caribbean": (3573374, 15.0, -75.0, "SEA", 44_000_000),
    "Atlantic": (3411923, 10.0, -25.0, "OCN", _NOMINAL),
    "Persian Gulf": (None, 27.0, 51.0, "SEA", _NOMINAL),
    "Soviet Union": (None, 60.0, 100.0, "RGN", 290_000_000),
    "Balkans": (None, 44.0, 20.0, "RGN", 55_000_000),
    "Scandinavia": (None, 62.0, 15.0, "RGN", 21_000_000),
    # regions inside one country, named in conflict news more than its provinces
    "Darfur": (None, 13.0, 24.5, "RGN", 9_000_000),
    "Ghouta": (None, 33.55, 36.45, "RGN", 400_000),
    "Donbas": (None, 48.0, 38.0, "RGN", 6_500_000),
    "Sinai": (None, 29.5, 33.8, "RGN", 600_000),
    # contested regions the GeoNames extracts lack, at their middle
    "South Ossetia": (None, 42.35, 44.0, "RGN", 53_000),
    "Nagorno-Karabakh": (None, 39.85, 46.7, "RGN", 150_000),
    "Kashmir": (None, 34.1, 75.0, "RGN", 18_000_000),
    "Korean Peninsula": (None, 38.0, 127.5, "RGN", 77_000_000),
}
# The country of a region inside one country.
_COUNTRY = {
    "Darfur": "SD",
    "Ghouta": "SY",
    "Donbas": "UA",
    "Sinai": "EG",
    "South Ossetia": "GE",
    "Nagorno-Karabakh": "AZ",
}

# Other names and adjectives of the same places.
_ALIASES = {
    "African": "Africa",
    "Africans": "Africa",
    "Asian": "Asia",
    "Asians": "Asia",
    "European": "Europe",
    "Europeans": "Europe",
    "EU": "Europe",
    "European Union": "Europe",
    "North American": "North America",
    "South American": "South America",
    "Latin America": "South America",
    "Latin American": "South America",
    "Middle Eastern": "Middle East",
    "Mideast": "Middle East",
    "Mediterranean Sea": "Mediterranean",
    "Caribbean Sea": "Caribbean",
    "Atlantic Ocean": "Atlantic",
    "Arabian Gulf": "Persian Gulf",
    "Antarctic": "Antarctica",
    "USSR": "Soviet Union",
    "Eastern Ghouta": "Ghouta",
    "East Ghouta": "Ghouta",
    "Donbass": "Donbas",
    "Sinai Peninsula": "Sinai",
    "South Ossetian": "South Ossetia",
    "South Ossetians": "South Ossetia",
    "Karabakh": "Nagorno-Karabakh",
    "Nagorno Karabakh": "Nagorno-Karabakh",
    "Kashmiri": "Kashmir",
}


def _table() -> dict[str, Place]:
    by_name: dict[str, Place] = {}
    for name, (gid, lat, lon, code, people) in _REGIONS.items():
        by_name[fold(name) or name] = Place(
            geonameid=gid,
            name=name,
            latitude=lat,
            longitude=lon,
            feature_code=code,
            country=_COUNTRY.get(name),
            population=people,
        )
    for alias, name in _ALIASES.items():
        by_name[fold(alias) or alias] = by_name[fold(name) or name]
    return by_name


_BY_NAME = _table()  # read only


def lookup(surface: str) -> tuple[Place, bool] | None:
    """The continent, region or sea ``surface`` names ("Europe", "EU", "African"), and
    whether ``surface`` is its main name (as gazetteer candidates are given)."""
    folded = fold(surface)
    place = _BY_NAME.get(folded) if folded else None
    return None if place is None else (place, folded == fold(place.name))
