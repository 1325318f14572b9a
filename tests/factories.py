"""Hand-made records shared by the tests: the seed's prison battle as an ACLED event, and a
US shooting (the linking tests' local-news case)."""

from dataclasses import replace
from datetime import date

from conflictcoder.linking import Linkable
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


# A shooting in a US town, as local news reports it (the same-people and candidate tests).
SHOOTING = Event(
    doc_id="a",
    event_date=date(2016, 5, 2),
    time_precision=1,
    event_type="Violence against civilians",
    sub_event_type="Attack",
    actor1="Unidentified Armed Group (United States)",
    assoc_actor_1=None,
    inter1=3,
    actor2="Civilians (United States)",
    assoc_actor_2=None,
    inter2=7,
    interaction=37,
    country="United States",
    iso3="USA",
    admin1="Ohio",
    admin2=None,
    location="Dayton",
    latitude=39.76,
    longitude=-84.19,
    geo_precision=1,
    fatalities=1,
    notes=None,
    source=None,
    date_source="text",
)


def linkable(event: Event, document: int = 1, *, key: str | None = None, **sets) -> Linkable:
    """``event`` as a report of document ``document`` for the linker (key ``doc_id#document``
    unless given); ``sets`` (``story``, ``people``, ``terms``) become frozensets."""
    return Linkable(
        id=document,
        key=key or f"{event.doc_id}#{document}",
        document=document,
        event=event,
        **{name: frozenset(values) for name, values in sets.items()},
    )
