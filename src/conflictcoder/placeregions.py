"""Continents, world regions and seas: toponyms news names that no country dump holds.

"Europe", "the Middle East", "the Caucasus", "the EU" and their adjectives ("European",
"African") are toponyms of news geoparsing (GeoWebNews, LGL and TR-News annotate them), but
the bundled gazetteer has no continents. ``lookup`` gives each a ``Place`` at GeoNames'
point for it (continents: GeoNames' CONT entries; seas and oceans: their SEA/OCN entries;
GeoNames, CC BY 4.0). Its ``country`` is ``None`` and its ``feature_code`` one of
``REGION_CODES``, so resolution never reads it as a country's place and events can tell it
from a town.
"""

from __future__ import annotations

from conflictcoder.models import Place
from conflictcoder.placenames import fold

# Feature codes of the places below: continent, region, ocean, sea.
REGION_CODES = frozenset({"CONT", "RGN", "OCN", "SEA"})

# name -> (GeoNames id or None, latitude, longitude, feature code, people living there)
_REGIONS: dict[str, tuple[int | None, float, float, str, int]] = {
    "Africa": (6255146, 7.1881, 21.09375, "CONT", 1_300_000_000),
    "Asia": (6255147, 29.84064, 89.29688, "CONT", 4_600_000_000),
    "Europe": (6255148, 48.69096, 9.14062, "CONT", 740_000_000),
    "North America": (6255149, 46.07323, -100.54688, "CONT", 580_000_000),
    "South America": (6255150, -14.60485, -57.65625, "CONT", 430_000_000),
    "Oceania": (6255151, -18.31281, 138.51563, "CONT", 43_000_000),
    "Antarctica": (6255152, -78.15856, 16.40626, "CONT", 1_000),
    "Middle East": (None, 33.13906, 35.85869, "RGN", 370_000_000),
    "Caucasus": (None, 42.5, 45.0, "RGN", 30_000_000),
    "Mediterranean": (363196, 35.0, 20.0, "SEA", 0),
    "Caribbean": (3573374, 15.0, -75.0, "SEA", 44_000_000),
    "Atlantic": (3411923, 10.0, -25.0, "OCN", 0),
    "Persian Gulf": (None, 27.0, 51.0, "SEA", 0),
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
            country=None,
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
