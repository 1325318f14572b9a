"""Hand-made records shared by the tests: the seed's prison battle as an ACLED event."""

from dataclasses import replace
from datetime import date

from conflictcoder.models import Event

PRISON_BATTLE = Event(
    doc_id="ap-1",
    event_date=date(2022, 1, 20),
    time_precision=1,
    event_type="Battles",
    sub_event_type="Armed clash",
    actor1="Islamic State (Syria)",
    assoc_actor_1=None,
    inter1=2,
    actor2="QSD: Syrian Democratic Forces",
    assoc_actor_2=None,
    inter2=2,
    interaction=22,
    country="Syria",
    iso3="SYR",
    admin1="Al Hasakeh",
    admin2="Al Hasakeh",
    location="Al Hasakah",
    latitude=36.5024,
    longitude=40.7477,
    geo_precision=1,
    fatalities=12,
    notes=None,
    source=None,
    evidence={},
    why={},
    confidence=0.8,
)


def prison_event(**changes) -> Event:
    """The seed's prison battle, with the given fields changed."""
    return replace(PRISON_BATTLE, **changes)
