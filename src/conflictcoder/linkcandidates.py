"""Where a new event's candidate reports come from: indexed lookups, never a scan.

``candidate_ids`` reads the events whose date interval may be within ``link_max_day_gap``
days (one indexed range per time_precision) in the surrounding one-degree grid cells
(``store.CELL_SQL``), or, without coordinates, in the same country, and the possible
follow-up reports of the following weeks (table ``followups``). ``named_candidates`` finds,
by name (table ``story_terms``), the reports telling the same story or naming the same
people wherever they were placed. ``typed`` keeps the candidates
whose event type ``linking`` does not veto beside the new one's (the others are never read).
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable
from datetime import date
from itertools import product

from conflictcoder import geometry, linkdates, linkfields, linkident, linking, linkterms, store
from conflictcoder.linking import Linkable
from conflictcoder.models import Event
from conflictcoder.settings import Settings


def _box(lat: float, lon: float, km: float) -> list[float]:
    """South, north, west and east bounds of a box holding every point within ``km``."""
    dlat = km / 110.0
    dlon = km / (110.0 * max(math.cos(math.radians(min(abs(lat) + dlat, 90.0))), 0.01))
    return [lat - dlat, lat + dlat, lon - dlon, lon + dlon]


def _cells(lat: float, lon: float, km: float) -> list[int]:
    dlat = km / 111.0
    dlon = km / (111.0 * max(math.cos(math.radians(lat)), 0.01))
    rows = range(int(max(lat - dlat, -90) + 90), int(min(lat + dlat, 90) + 90) + 1)
    cols = range(int(max(lon - dlon, -180) + 180), int(min(lon + dlon, 180) + 180) + 1)
    return [r * 1000 + c for r in rows for c in cols]


def candidate_ids(conn: sqlite3.Connection, event: Event, settings: Settings) -> set[int]:
    """Linked events that may report the same event or its next day.

    Indexed lookups only (one date range per time_precision, in the surrounding one-degree
    grid cells or, without coordinates, the country), then the exact date-interval gap and
    distance tolerance on the few columns read from the index. Follow-ups
    (``linking.followup_day``, only between events naming no actor) widen the ranges: a
    weakly dated new event looks ``link_followup_days`` further back; a new event also finds
    the weakly dated events of the following ``link_followup_days`` (``followups``).
    """
    first, last = linkdates.day_interval(event, settings)
    followups = linking.may_follow_up(event)
    back = settings.link_followup_days if followups and linkdates.weakly_dated(event) else 0
    has_point = event.latitude is not None and event.longitude is not None
    # (where on events, the same on followups, parameters)
    queries: list[tuple[str, str, list[object]]] = []
    if has_point:
        assert event.latitude is not None and event.longitude is not None
        reach_km = max(settings.link_km)
        cells = _cells(event.latitude, event.longitude, reach_km)
        where = "IN (SELECT value FROM json_each(?))"
        # boxes around the point spare the distance of far rows: the widest tolerance for
        # reports at geo_precision 3, the event's own or link_km[1] for the others
        near_km = max(linkfields.place_tolerance_km(event, settings), settings.link_km[1])
        params: list[object] = [json.dumps(cells)]
        params += _box(event.latitude, event.longitude, reach_km)
        params += _box(event.latitude, event.longitude, near_km)
        inside = (
            "AND {0}latitude BETWEEN ? AND ? AND {0}longitude BETWEEN ? AND ?"
            " AND (coalesce(nullif({0}geo_precision, 0), 3) >= 3"
            " OR ({0}latitude BETWEEN ? AND ? AND {0}longitude BETWEEN ? AND ?))"
        )
        queries.append(
            (
                f"{store.CELL_SQL} {where} {inside.format('')}",
                f"f.cell {where} {inside.format('e.')}",
                params,
            )
        )
        if event.country is not None:
            queries.append(
                (
                    "country = ? AND latitude IS NULL",
                    "f.country = ? AND f.cell IS NULL",
                    [event.country],
                )
            )
    elif event.country is not None:
        queries.append(("country = ?", "f.country = ?", [event.country]))
    found: set[int] = set()
    # time_precision 2 holds the unknown dates too (publication dates, see linking)
    unknown = max(3, settings.link_unknown_date_days)
    for (where, _, params), (precision, half) in product(queries, ((1, 0), (2, unknown), (3, 15))):
        reach = half + settings.link_max_day_gap
        window = (_day(first - reach - back), _day(last + reach))
        rows = conn.execute(
            "SELECT id, latitude, longitude, geo_precision FROM events"
            f" WHERE {where} AND time_precision = ? AND event_date BETWEEN ? AND ?"
            " AND incident IS NOT NULL",
            (*params, precision, *window),
        )
        found |= _within(rows, event, settings)
    # the weakly dated reports of the following weeks (store.m005_followups)
    window = (_day(first), _day(last + settings.link_followup_days))
    for _, where, params in queries if followups else ():
        rows = conn.execute(
            "SELECT e.id, e.latitude, e.longitude, e.geo_precision FROM followups f"
            " JOIN events e ON e.id = f.event"
            f" WHERE {where} AND f.event_date BETWEEN ? AND ?"
            " AND e.incident IS NOT NULL",
            (*params, *window),
        )
        found |= _within(rows, event, settings)
    return found


def named_candidates(
    conn: sqlite3.Connection, item: Linkable, settings: Settings
) -> tuple[set[int], set[int]]:
    """Linked events found by name (``story_terms``, one query), wherever they were placed:

    - *story*: those whose story shares at least ``link_story_names`` names with this
      one's, besides its own place names, dated within ``link_unknown_date_days`` of its
      date interval: the reports ``linking.compare`` may find to tell one story though
      their places disagree;
    - *people*: those naming one of the people this one names (``linkident``), dated
      within ``link_people_days`` of its date interval: the reports ``linking.compare``
      may find to be about the same victims or suspects wherever they were placed and
      whatever day the follow-up was dated;
    - *towns* (with *story*), for an event naming no actor: those whose story names its
      town and those placed at a town its story names (``town_terms``), dated as for the
      story: ``linking`` may lift their place veto.
    """
    event = item.event
    own = linkterms.event_place_words(event)
    names = [n for n in linkterms.names(item.story) if n not in own]
    if len(names) < settings.link_story_names:
        names = []
    people = list(linkident.index_terms(item.people))
    towns = town_terms(item) if not linkfields.named_actors(event) else []
    if not names and not people and not towns:
        return set(), set()
    first, last = linkdates.day_interval(event, settings)
    story_days = (
        _day(first - settings.link_unknown_date_days),
        _day(last + settings.link_unknown_date_days),
    )
    people_days = (
        _day(first - settings.link_people_days),
        _day(last + settings.link_people_days),
    )
    windows = [days for days, used in ((story_days, names or towns), (people_days, people)) if used]
    reach = (min(w[0] for w in windows), max(w[1] for w in windows))
    rows = conn.execute(
        "SELECT s.event, s.term, s.event_date FROM story_terms s JOIN events e ON e.id = s.event"
        " WHERE s.term IN (SELECT value FROM json_each(?)) AND s.event_date BETWEEN ? AND ?"
        " AND e.incident IS NOT NULL",
        (json.dumps(sorted({*names, *people, *towns})), *reach),
    )
    shared: dict[int, int] = {}
    by_people: set[int] = set()
    by_story: set[int] = set()
    town_words, story_names = set(towns), set(names)
    for other, term, day in rows:
        if term.startswith(linkident.PREFIX):
            if people_days[0] <= day <= people_days[1]:
                by_people.add(other)
        elif story_days[0] <= day <= story_days[1]:
            if term in story_names:
                shared[other] = shared.get(other, 0) + 1
            if term in town_words:
                by_story.add(other)
    by_story |= {other for other, n in shared.items() if n >= settings.link_story_names}
    return by_story, by_people


def town_terms(item: Linkable) -> list[str]:
    """The ``story_terms`` entries that find the reports of a town-named pair
    (``linking._named_town``): the words of the event's town (reports whose stories name
    it) and the town entries (``linkident.TOWN``) of the names of its story (reports placed
    at a town it names)."""
    own = linkident.town_words(item.event)
    named = [linkident.TOWN + n for n in linkterms.names(item.story)]
    return sorted({*own, *named})


def _day(ordinal: int) -> str:
    """The ISO date of a day ordinal, kept within the calendar (a stored event of year 1,
    from an old database, reaches before it)."""
    return date.fromordinal(min(max(ordinal, 1), date.max.toordinal())).isoformat()


def _within(
    rows: Iterable[tuple[int, float | None, float | None, int | None]],
    event: Event,
    settings: Settings,
) -> set[int]:
    """The ids of the rows within the distance tolerance of the event (all of them when
    either has no coordinates)."""
    found = set()
    for other, lat, lon, geo_precision in rows:
        if event.latitude is not None and event.longitude is not None and lat is not None:
            assert lon is not None
            km = geometry.km(event.latitude, event.longitude, lat, lon)
            tolerance = max(
                linkfields.place_tolerance_km(event, settings),
                settings.link_km[min(max(geo_precision or 3, 1), 3) - 1],
            )
            if km > tolerance:
                continue
        found.add(other)
    return found


def typed(conn: sqlite3.Connection, ids: set[int], event: Event) -> list[int]:
    """The ids whose event type ``linking.compare`` would not veto beside the event's (the
    others are never linked: no need to read them)."""
    rows = conn.execute(
        "SELECT id FROM events WHERE id IN (SELECT value FROM json_each(?))"
        " AND event_type IN (SELECT value FROM json_each(?)) ORDER BY id",
        (
            json.dumps(sorted(ids)),
            json.dumps(sorted(linkfields.compatible_types(event.event_type))),
        ),
    )
    return [row[0] for row in rows]
