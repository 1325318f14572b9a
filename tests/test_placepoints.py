"""Centres of large provinces the index places by their towns (places written for these tests)."""

from __future__ import annotations

import pytest

from conflictcoder.geometry import km
from conflictcoder.models import Place
from conflictcoder.placepoints import centre, repoint


def place(name: str, code: str, country: str, admin1: str, lat: float, lon: float) -> Place:
    return Place(
        geonameid=1,
        name=name,
        latitude=lat,
        longitude=lon,
        feature_code=code,
        country=country,
        admin1=admin1,
        population=1000,
    )


@pytest.mark.parametrize(
    ("given", "moved"),
    [
        # Ontario's towns crowd its south: the box of its towns is far from its centre
        (place("Ontario", "ADM1", "CA", "Ontario", 47.46, -84.55), True),
        (place("Virginia", "ADM1", "US", "Virginia", 37.92, -79.37), True),
        # a town, a province elsewhere, or a state's namesake town keep their points
        (place("Ontario", "PPL", "US", "California", 34.06, -117.65), False),
        (place("Idlib", "ADM1", "SY", "Idlib", 35.83, 36.63), False),
        (place("Queensland", "ADM1", "AU", "Queensland", -19.6, 145.8), False),
    ],
)
def test_repoint(given: Place, moved: bool) -> None:
    ((out, main),) = repoint(((given, True),))
    assert main and (out != given) == moved
    assert (centre(given) is not None) == moved


def test_centres_lie_inside_their_country() -> None:
    ontario = centre(place("Ontario", "ADM1", "CA", "Ontario", 0.0, 0.0))
    texas = centre(place("Texas", "ADM1", "US", "Texas", 0.0, 0.0))
    assert ontario is not None and texas is not None
    assert km(*ontario, 43.7, -79.4) < 1000  # Toronto
    assert km(*texas, 30.27, -97.74) < 300  # Austin
