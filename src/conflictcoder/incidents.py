"""Incidents: the stored reports of one real event, merged; linked incrementally.

``link_pending(conn, settings, now=...)`` links every stored event not linked yet (``ingest``
calls it after each document). For each new event:

1. **Candidates** come from indexes, never a scan (``linkcandidates``): events whose date
   interval may be within ``link_max_day_gap`` days (one indexed range per time_precision)
   in the surrounding one-degree grid cells (``store.CELL_SQL``), or, without coordinates,
   in the same country; the possible follow-up reports of the following weeks (table
   ``followups``); the events of those days whose story shares at least
   ``link_story_names`` names with the new one's or that name its town (or are placed at a
   town its story names), and those of the surrounding ``link_people_days`` naming one of
   its people (table ``story_terms``), wherever they were placed. Candidates of event
   types that ``linking`` vetoes beside the new one's (``linkfields.compatible_types``)
   are not read.
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
import sqlite3
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from conflictcoder import export, linkcandidates, linkcontent, linkdates, linking, linkmerge, store
from conflictcoder.linkcandidates import candidate_ids, named_candidates
from conflictcoder.linking import Comparison, Linkable
from conflictcoder.linkmerge import TollReport
from conflictcoder.settings import Settings


@dataclass(frozen=True, slots=True)
class LinkSummary:
    """What a linking run did."""

    linked: int
    incidents: int
    merged: int
    # events whose linking failed, with why: left unlinked, the others linked all the same
    failed: tuple[tuple[int, str], ...] = ()


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
            people=content.people,
            phrases=content.phrases,
        )
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
    if linkdates.weakly_dated(item.event) and linking.may_follow_up(item.event):
        conn.execute(
            f"INSERT OR REPLACE INTO followups SELECT id, {store.CELL_SQL}, country, event_date"
            " FROM events WHERE id = ?",
            (event_id,),
        )
    by_story, by_people = named_candidates(conn, item, settings)
    found = candidate_ids(conn, item.event, settings) | by_story | by_people
    others = _linkables(conn, linkcandidates.typed(conn, found - {event_id}, item.event), settings)
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
    """Link every stored event that has no incident yet, one transaction per event. An event
    whose linking fails is rolled back and reported in ``failed``; the others are linked, so
    one bad event never leaves a batch unlinked (it is tried again on the next call)."""
    with _savepoint(conn):
        _clean_dirty(conn, settings, now)
    pending = [r[0] for r in conn.execute("SELECT id FROM events WHERE incident IS NULL")]
    with _savepoint(conn):
        _linkables(conn, pending, settings)  # computes and caches the terms, one split per document
    merged = 0
    failed: list[tuple[int, str]] = []
    for event_id in pending:
        try:
            with _savepoint(conn):
                if link_event(conn, event_id, settings, now) and _incident_size(conn, event_id) > 1:
                    merged += 1
        except sqlite3.OperationalError:  # locked or full: every event would fail
            raise
        except Exception as error:  # one event's failure must not leave the others unlinked
            failed.append((event_id, f"{type(error).__name__}: {error}"))
    incidents = conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
    return LinkSummary(
        linked=len(pending) - len(failed), incidents=incidents, merged=merged, failed=tuple(failed)
    )


def _incident_size(conn: sqlite3.Connection, event_id: int) -> int:
    row = conn.execute(
        "SELECT count(*) FROM events WHERE incident = (SELECT incident FROM events WHERE id = ?)",
        (event_id,),
    ).fetchone()
    return row[0]


def document_incidents(conn: sqlite3.Connection) -> dict[str, int]:
    """The incident each document (by doc_id) reports, for a document-level view.

    An article reports, among the incidents of its events, the one the most other documents
    report (the story other outlets also told); ties go to the incident holding the first
    event of the first document (by doc_id, then by the order of its events), so that two
    articles whose events fall crosswise into two incidents (the lede of one with the second
    event of the other) report the same one, whatever the ingest order. An article none of
    whose events another document shares reports the incident of its first event (its
    lede). Two articles whose events are linked thus report one incident even when each
    article's first event differs (a lede told with another town or day, the shooting in a
    later paragraph of an arrest report), and an article's background events (earlier
    shootings recalled, page noise) do not pull it into their incidents when the article's
    own story is shared more widely. Documents without an event are left out.
    """
    rows = conn.execute(
        "SELECT d.doc_id, e.document, e.incident FROM events e JOIN documents d"
        " ON d.id = e.document WHERE e.incident IS NOT NULL ORDER BY e.document, e.id"
    ).fetchall()
    documents: dict[int, set[int]] = {}
    first: dict[int, tuple[str, int]] = {}  # incident -> its first (doc_id, event position)
    position: Counter[str] = Counter()
    for doc_id, document, incident in rows:
        documents.setdefault(incident, set()).add(document)
        here = (doc_id, position[doc_id])
        position[doc_id] += 1
        first[incident] = min(first.get(incident, here), here)
    best: dict[str, tuple[int, tuple[int, tuple[str, int]]]] = {}
    position.clear()
    for doc_id, _, incident in rows:
        others = len(documents[incident]) - 1
        rank = (-others, first[incident] if others else (doc_id, position[doc_id]))
        position[doc_id] += 1
        if doc_id not in best or rank < best[doc_id][1]:
            best[doc_id] = (incident, rank)
    return {doc_id: incident for doc_id, (incident, _) in best.items()}
