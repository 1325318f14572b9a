"""Incidents: the stored reports of one real event, merged; linked incrementally.

``link_pending(conn, settings, now=...)`` links every stored event not linked yet (``ingest``
calls it after each document). For each new event:

1. **Candidates** come from indexes, never a scan: events whose date interval may be within
   ``link_max_day_gap`` days (one indexed range per time_precision) in the surrounding
   one-degree grid cells (``store.CELL_SQL``), or, without coordinates, in the same country;
   the possible follow-up reports of the following weeks (table ``followups``); and the
   events of those days whose story shares at least ``link_story_names`` names with the new
   one's (table ``story_terms``), wherever they were placed. Candidates of event types
   that ``linking`` vetoes beside the new one's (``linking.compatible_types``) are not read.
2. **Pairs** are scored by ``linking.compare``; a pair that is the same event (``same``) or
   the next day of the same fighting (``chain``) is stored in ``links`` with its explanation.
3. **Re-clustering**: the connected component of ``same`` links around the new event is
   split into incidents by ``linkmerge.cluster``, which depends only on the set of events (ties
   broken by stable keys, not row ids). Incidents of the component are rewritten: a new
   report can join an incident, bridge two (they merge) or pull a better-matching report out
   of one. The merged fields of the touched incidents are recomputed.
4. **Chains**: incidents joined by any link share a ``chain`` id (union of chains).

Why the result does not depend on ingest order: the link graph (pairs above threshold) is
the same whatever the order, because candidate retrieval and ``compare`` are symmetric; the
incidents are a deterministic function of each connected component of that graph, and each
component is re-clustered whenever it grows. Row ids and incident ids differ between orders;
the grouping of events, the merged fields and the chains do not. (The bound
``link_max_component`` is the only exception: larger components are clustered around the
new event only.)

``document_incidents`` gives the document-level view: the incident each article reports.

The history of tolls (``tolls``: source, publication date, figure per report) feeds the
incident's fatalities: ACLED's most conservative estimate, see ``linkmerge.conservative_toll``.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from itertools import product

from conflictcoder import export, geometry, linkcontent, linking, linkmerge, linkterms, store
from conflictcoder.linking import Comparison, Linkable
from conflictcoder.linkmerge import TollReport
from conflictcoder.models import Event
from conflictcoder.settings import Settings


@dataclass(frozen=True, slots=True)
class LinkSummary:
    """What a linking run did."""

    linked: int
    incidents: int
    merged: int


@contextmanager
def _savepoint(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("SAVEPOINT incidents")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK TO incidents")
        conn.execute("RELEASE incidents")
        raise
    conn.execute("RELEASE incidents")


def _ids_json(ids: Sequence[int]) -> str:
    return json.dumps(sorted(ids))


def _linkables(
    conn: sqlite3.Connection, ids: Sequence[int], settings: Settings
) -> dict[int, Linkable]:
    events = store.events_by_id(conn, ids)
    rows = conn.execute(
        "SELECT e.id, e.document, d.published, d.source, t.terms FROM events e"
        " JOIN documents d ON d.id = e.document LEFT JOIN event_terms t ON t.event = e.id"
        " WHERE e.id IN (SELECT value FROM json_each(?))",
        (_ids_json(ids),),
    ).fetchall()
    cached = {row[0]: linkcontent.Content.from_json(row[4]) for row in rows}
    missing: dict[int, list[int]] = {}
    for event_id, document, *_ in rows:
        if cached[event_id] is None:
            missing.setdefault(document, []).append(event_id)
    for document, event_ids in missing.items():
        cached |= linkcontent.event_content(conn, document, event_ids, settings)
    found = {}
    for event_id, document, published, source, _ in rows:
        event = events[event_id]
        content = cached[event_id]
        assert content is not None
        found[event_id] = Linkable(
            id=event_id,
            key=f"{event.doc_id}#{export.event_id(event)}",
            document=document,
            event=event,
            terms=content.terms,
            published=date.fromisoformat(published),
            source=source,
            story=content.story,
            words=content.words,
            where=content.where,
        )
    return found


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
    first, last = linking.day_interval(event, settings)
    followups = linking.may_follow_up(event)
    back = settings.link_followup_days if followups and linking.weakly_dated(event) else 0
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
        near_km = max(linking.place_tolerance_km(event, settings), settings.link_km[1])
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
        window = (
            date.fromordinal(first - reach - back).isoformat(),
            date.fromordinal(last + reach).isoformat(),
        )
        rows = conn.execute(
            "SELECT id, latitude, longitude, geo_precision FROM events"
            f" WHERE {where} AND time_precision = ? AND event_date BETWEEN ? AND ?"
            " AND incident IS NOT NULL",
            (*params, precision, *window),
        )
        found |= _within(rows, event, settings)
    # the weakly dated reports of the following weeks (store.m005_followups)
    window = (
        date.fromordinal(first).isoformat(),
        date.fromordinal(last + settings.link_followup_days).isoformat(),
    )
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


def story_candidates(conn: sqlite3.Connection, item: Linkable, settings: Settings) -> set[int]:
    """Linked events whose story shares at least ``link_story_names`` names with this one's,
    besides its own place names, dated within ``link_unknown_date_days`` of its date
    interval (``story_terms``): the reports ``linking.compare`` may find to tell one story
    though their places disagree."""
    event = item.event
    own = linkterms.place_words(event.location, event.admin1, event.admin2, event.country)
    names = [n for n in linkterms.names(item.story) if n not in own]
    if len(names) < settings.link_story_names:
        return set()
    first, last = linking.day_interval(event, settings)
    reach = settings.link_unknown_date_days
    rows = conn.execute(
        "SELECT s.event FROM story_terms s JOIN events e ON e.id = s.event"
        " WHERE s.term IN (SELECT value FROM json_each(?)) AND s.event_date BETWEEN ? AND ?"
        " AND e.incident IS NOT NULL GROUP BY s.event HAVING count(*) >= ?",
        (
            json.dumps(names),
            date.fromordinal(first - reach).isoformat(),
            date.fromordinal(last + reach).isoformat(),
            settings.link_story_names,
        ),
    )
    return {row[0] for row in rows}


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
                linking.place_tolerance_km(event, settings),
                settings.link_km[min(max(geo_precision or 3, 1), 3) - 1],
            )
            if km > tolerance:
                continue
        found.add(other)
    return found


def _record_toll(conn: sqlite3.Connection, item: Linkable) -> None:
    event = item.event
    quote = conn.execute(
        "SELECT group_concat(quote, ' | ') FROM evidence WHERE event = ? AND field = 'fatalities'",
        (item.id,),
    ).fetchone()[0]
    reported = bool(event.evidence.get("fatalities")) or event.fatalities > 0
    conn.execute(
        "INSERT OR REPLACE INTO tolls (event, source, published, fatalities, reported, quote)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            item.id,
            item.source or event.source or event.doc_id,
            (item.published or event.event_date).isoformat(),
            event.fatalities,
            int(reported),
            quote,
        ),
    )


def _component(conn: sqlite3.Connection, seeds: Sequence[int], limit: int) -> list[int]:
    """Events reachable from ``seeds`` through ``same`` links (at most ``limit``)."""
    seen = dict.fromkeys(seeds)
    queue = list(seeds)
    while queue and len(seen) < limit:
        current = queue.pop(0)
        rows = conn.execute(
            "SELECT event_b FROM links WHERE event_a = ? AND same = 1"
            " UNION SELECT event_a FROM links WHERE event_b = ? AND same = 1",
            (current, current),
        )
        for (other,) in rows:
            if other not in seen and len(seen) < limit:
                seen[other] = None
                queue.append(other)
    return list(seen)


def _reports(conn: sqlite3.Connection, members: Sequence[Linkable]) -> list[TollReport]:
    keys = {m.id: m.key for m in members}
    rows = conn.execute(
        "SELECT event, source, published, fatalities, reported FROM tolls"
        " WHERE event IN (SELECT value FROM json_each(?))",
        (_ids_json(list(keys)),),
    )
    return [
        TollReport(source, date.fromisoformat(published), fatalities, bool(reported), keys[event])
        for event, source, published, fatalities, reported in rows
    ]


def _write_incident(
    conn: sqlite3.Connection,
    incident: int | None,
    chain: int | None,
    members: Sequence[Linkable],
    now: datetime,
) -> int:
    """Write the merged fields of an incident (a new one when ``incident`` is None) and
    point its members at it; a new incident takes ``chain``, else its own id as chain."""
    merged = linkmerge.merge_fields(members, _reports(conn, members))
    published = sorted(m.published for m in members if m.published)
    fields = {c: getattr(merged, c) for c in store.EVENT_COLUMNS}
    fields["event_date"] = merged.event_date.isoformat()
    fields |= {
        "n_events": len(members),
        "n_documents": len({m.document for m in members}),
        "first_published": published[0].isoformat() if published else None,
        "last_published": published[-1].isoformat() if published else None,
        "why": json.dumps(dict(merged.why), ensure_ascii=False),
        "updated_at": now.isoformat(timespec="seconds"),
    }
    if incident is None:
        names = ", ".join(("chain", *fields))
        marks = ", ".join("?" * (len(fields) + 1))
        cursor = conn.execute(
            f"INSERT INTO incidents ({names}) VALUES ({marks})", (chain or 0, *fields.values())
        )
        incident = cursor.lastrowid
        assert incident is not None
        if chain is None:
            conn.execute("UPDATE incidents SET chain = id WHERE id = ?", (incident,))
    else:
        assignments = ", ".join(f"{name} = ?" for name in fields)
        conn.execute(
            f"UPDATE incidents SET {assignments} WHERE id = ?", (*fields.values(), incident)
        )
    conn.execute(
        "UPDATE events SET incident = ? WHERE id IN (SELECT value FROM json_each(?))",
        (incident, _ids_json([m.id for m in members])),
    )
    return incident


def _recluster(
    conn: sqlite3.Connection, ids: Sequence[int], settings: Settings, now: datetime
) -> int:
    """Rewrite the incidents of a component; return how many incidents it has now."""
    items = _linkables(conn, ids, settings)
    cache: dict[tuple[int, int], Comparison] = {}

    def comparison(a: Linkable, b: Linkable) -> Comparison:
        pair = (min(a.id, b.id), max(a.id, b.id))
        if pair not in cache:
            cache[pair] = linking.compare(a, b, settings)
        return cache[pair]

    groups = linkmerge.cluster(
        list(items.values()), comparison, settings.link_floor, settings.link_story_floor
    )
    old = dict(
        conn.execute(
            "SELECT id, incident FROM events WHERE id IN (SELECT value FROM json_each(?))",
            (_ids_json(list(items)),),
        ).fetchall()
    )
    chains = dict(
        conn.execute(
            "SELECT id, chain FROM incidents WHERE id IN (SELECT value FROM json_each(?))",
            (_ids_json([i for i in old.values() if i is not None]),),
        ).fetchall()
    )
    used: set[int] = set()
    for members in sorted(groups, key=lambda g: (-len(g), g[0].key)):
        votes = Counter(old[m.id] for m in members if old[m.id] is not None)
        reuse = [i for i in sorted(votes, key=lambda i: (-votes[i], i)) if i not in used]
        inherited = min((chains[i] for i in votes), default=None)
        incident = _write_incident(conn, reuse[0] if reuse else None, inherited, members, now)
        used.add(incident)
    for incident in set(old.values()) - used - {None}:
        left = conn.execute("SELECT id FROM events WHERE incident = ?", (incident,)).fetchall()
        if left:  # members outside a bounded component keep their incident
            rest = list(_linkables(conn, [r[0] for r in left], settings).values())
            _write_incident(conn, incident, None, rest, now)
        else:
            conn.execute("DELETE FROM incidents WHERE id = ?", (incident,))
    _merge_chains(conn, list(items))
    return len(groups)


def _merge_chains(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """Give every incident linked to these events (same or chain links) one chain id."""
    rows = conn.execute(
        "WITH ev(id) AS (SELECT value FROM json_each(?)),"
        " linked(id) AS (SELECT id FROM ev"
        "   UNION SELECT event_b FROM links WHERE event_a IN ev"
        "   UNION SELECT event_a FROM links WHERE event_b IN ev)"
        " SELECT DISTINCT i.chain FROM linked JOIN events e ON e.id = linked.id"
        " JOIN incidents i ON i.id = e.incident",
        (_ids_json(ids),),
    ).fetchall()
    chains = sorted(r[0] for r in rows)
    if len(chains) > 1:
        conn.execute(
            "UPDATE incidents SET chain = ? WHERE chain IN (SELECT value FROM json_each(?))",
            (chains[0], json.dumps(chains[1:])),
        )


def link_event(conn: sqlite3.Connection, event_id: int, settings: Settings, now: datetime) -> int:
    """Link one stored event into the incidents; return the number of incidents it touched."""
    item = _linkables(conn, [event_id], settings)[event_id]
    _record_toll(conn, item)
    if linking.weakly_dated(item.event) and linking.may_follow_up(item.event):
        conn.execute(
            f"INSERT OR REPLACE INTO followups SELECT id, {store.CELL_SQL}, country, event_date"
            " FROM events WHERE id = ?",
            (event_id,),
        )
    found = candidate_ids(conn, item.event, settings) | story_candidates(conn, item, settings)
    others = _linkables(conn, _typed(conn, found - {event_id}, item.event), settings)
    for other in others.values():
        result = linking.compare(item, other, settings)
        if result.same or result.chain:
            a, b = sorted((item.id, other.id))
            conn.execute(
                "INSERT OR REPLACE INTO links (event_a, event_b, same, score, detail)"
                " VALUES (?, ?, ?, ?, ?)",
                (a, b, int(result.same), result.score, json.dumps(result.detail())),
            )
    component = _component(conn, [event_id], settings.link_max_component)
    return _recluster(conn, component, settings, now)


def _typed(conn: sqlite3.Connection, ids: set[int], event: Event) -> list[int]:
    """The ids whose event type ``linking.compare`` would not veto beside the event's (the
    others are never linked: no need to read them)."""
    rows = conn.execute(
        "SELECT id FROM events WHERE id IN (SELECT value FROM json_each(?))"
        " AND event_type IN (SELECT value FROM json_each(?)) ORDER BY id",
        (_ids_json(list(ids)), json.dumps(sorted(linking.compatible_types(event.event_type)))),
    )
    return [row[0] for row in rows]


def _clean_dirty(conn: sqlite3.Connection, settings: Settings, now: datetime) -> None:
    """Re-cluster incidents that lost events (their document was re-ingested)."""
    for (incident,) in conn.execute("SELECT incident FROM incident_dirty").fetchall():
        left = [r[0] for r in conn.execute("SELECT id FROM events WHERE incident = ?", (incident,))]
        if left:
            _recluster(conn, _component(conn, left, settings.link_max_component), settings, now)
        else:
            conn.execute("DELETE FROM incidents WHERE id = ?", (incident,))
        conn.execute("DELETE FROM incident_dirty WHERE incident = ?", (incident,))


def link_pending(conn: sqlite3.Connection, settings: Settings, *, now: datetime) -> LinkSummary:
    """Link every stored event that has no incident yet, one transaction per event."""
    with _savepoint(conn):
        _clean_dirty(conn, settings, now)
    pending = [r[0] for r in conn.execute("SELECT id FROM events WHERE incident IS NULL")]
    with _savepoint(conn):
        _linkables(conn, pending, settings)  # computes and caches the terms, one split per document
    merged = 0
    for event_id in pending:
        with _savepoint(conn):
            if link_event(conn, event_id, settings, now) and _incident_size(conn, event_id) > 1:
                merged += 1
    incidents = conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
    return LinkSummary(linked=len(pending), incidents=incidents, merged=merged)


def _incident_size(conn: sqlite3.Connection, event_id: int) -> int:
    row = conn.execute(
        "SELECT count(*) FROM events WHERE incident = (SELECT incident FROM events WHERE id = ?)",
        (event_id,),
    ).fetchone()
    return row[0]


def document_incidents(conn: sqlite3.Connection) -> dict[str, int]:
    """The incident each document (by doc_id) reports, for a document-level view.

    An article reports the incident of its first event (its lede), unless no other document
    reports that one; then the incident of its first event that another document shares:
    two articles whose events are linked report one incident even when each article's first
    event differs (a lede told with another town or day, the shooting in a later paragraph
    of an arrest report). Not transitive through background events: an article's other
    events (earlier shootings recalled, page noise) do not pull it into their incidents when
    its lede is shared. Documents without an event are left out.
    """
    rows = conn.execute(
        "SELECT d.doc_id, e.incident, EXISTS (SELECT 1 FROM events o"
        "   WHERE o.incident = e.incident AND o.document != e.document)"
        " FROM events e JOIN documents d ON d.id = e.document"
        " WHERE e.incident IS NOT NULL ORDER BY e.document, e.id"
    )
    first: dict[str, int] = {}
    shared: dict[str, int] = {}
    for doc_id, incident, others in rows:
        first.setdefault(doc_id, incident)
        if others:
            shared.setdefault(doc_id, incident)
    return first | shared
