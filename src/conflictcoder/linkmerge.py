"""Incidents from linked reports: the grouping of a linked component, and the merged event.

``cluster`` turns the pairwise decisions of ``linking.compare`` over a connected component
into incidents deterministically (complete linkage, ties broken by stable keys: the result
does not depend on ingest order). ``merge_fields`` computes the incident as one ACLED event,
each field by a documented rule; its fatalities follow ACLED's most conservative estimate
(``conservative_toll``) over the history of reported tolls (``TollReport``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from conflictcoder.linking import Comparison, Linkable, named_actors
from conflictcoder.models import DATE_SOURCES, Event
from conflictcoder.taxonomy import BATTLES, EXPLOSIONS, PROTESTS, RIOTS, STRATEGIC, VAC

# Event types by precedence when members disagree (a battle folds explosions into it).
TYPE_ORDER: tuple[str, ...] = (BATTLES, EXPLOSIONS, VAC, RIOTS, PROTESTS, STRATEGIC)


def cluster(
    items: Sequence[Linkable],
    comparison: Callable[[Linkable, Linkable], Comparison],
    floor: float,
    story_floor: float = 1.0,
) -> list[list[Linkable]]:
    """Split a connected component into incidents, deterministically.

    Greedy agglomeration over the ``same`` pairs from the best score down, ties broken by
    the members' stable keys (never by row ids). Two groups merge only when every pair across
    them comes from different documents and may sit in one incident
    (``Comparison.compatible``: the same event, or a score of at least ``floor`` without a
    veto, or only the place disagreeing while the stories share at least
    ``story_floor``; complete linkage: no chaining through a middle report), except that
    two groups joined by a pair naming the same people (``Comparison.by_people``) tolerate
    pairs whose only veto is their place (a wrong geocode of a report that does not name
    them) or an arrest beside the crime (veto "role": a follow-up not naming them). The
    result depends only on the set of events, so any ingest order gives the same incidents.
    """
    ordered = sorted(items, key=lambda item: (item.key, item.id))
    group = {item.id: i for i, item in enumerate(ordered)}
    members: dict[int, list[Linkable]] = {i: [item] for i, item in enumerate(ordered)}
    pairs = []
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            result = comparison(a, b)
            pairs.append((a, b, result))
    scores = {(a.id, b.id): r for a, b, r in pairs} | {(b.id, a.id): r for a, b, r in pairs}
    for a, b, _ in sorted(
        (p for p in pairs if p[2].same), key=lambda p: (-p[2].score, p[0].key, p[1].key)
    ):
        ga, gb = group[a.id], group[b.id]
        if ga == gb:
            continue
        bridge = scores[(a.id, b.id)].by_people
        ok = all(
            x.document != y.document
            and (
                scores[(x.id, y.id)].compatible(floor, story_floor)
                or (bridge and scores[(x.id, y.id)].veto_kind in ("place", "role"))
            )
            for x in members[ga]
            for y in members[gb]
        )
        if not ok:
            continue
        keep, gone = min(ga, gb), max(ga, gb)
        for item in members.pop(gone):
            group[item.id] = keep
            members[keep].append(item)
    return [sorted(m, key=lambda item: (item.key, item.id)) for _, m in sorted(members.items())]


@dataclass(frozen=True, slots=True)
class TollReport:
    """One source's toll for an incident as published on a day."""

    source: str
    published: date
    fatalities: int
    reported: bool  # the text gave a figure (or a vague count); False: no toll said
    key: str


def conservative_toll(reports: Sequence[TollReport]) -> tuple[int, str]:
    """ACLED's most conservative estimate: each source's latest toll, then the lowest.

    A report that states no toll is not an estimate of zero and is left out; with no toll
    reported at all the incident has 0 fatalities.
    """
    latest: dict[str, TollReport] = {}
    for report in sorted(reports, key=lambda r: (r.published, r.key)):
        if report.reported:
            latest[report.source] = report
    if not latest:
        return 0, "no source reported a toll"
    low = min(latest.values(), key=lambda r: (r.fatalities, r.source))
    tolls = "; ".join(f"{s}: {r.fatalities}" for s, r in sorted(latest.items()))
    return low.fatalities, f"lowest of each source's latest toll ({tolls})"


def _specificity(item: Linkable) -> tuple[int, float, str]:
    return (-len(named_actors(item.event)), -item.event.confidence, item.key)


def merge_fields(members: Sequence[Linkable], reports: Sequence[TollReport]) -> Event:
    """The incident as one ACLED event, each field chosen by a documented rule (in ``why``).

    - date: the most precise time_precision; among those the day most members give, then the
      earliest.
    - type: the sub-event type most members give; ties by ``TYPE_ORDER`` then name. A
      strategic development (the arrest reported after a shooting) gives the type only when
      every member is one.
    - actors (actor1 ... interaction, as a block): the member with the most named actors,
      then the highest confidence.
    - place (country ... geo_precision, as a block): the member with the best geo_precision,
      then the location most members give, then the highest confidence.
    - fatalities: ``conservative_toll``.
    - notes and source: the actors' member's notes; every member's source, in key order.
    """
    if not members:
        raise ValueError("an incident needs at least one event")
    events = [m.event for m in members]
    best_tp = min(e.time_precision for e in events)
    days = Counter(e.event_date for e in events if e.time_precision == best_tp)
    day = min(days, key=lambda d: (-days[d], d))
    sources = [e.date_source for e in events if e.event_date == day and e.time_precision == best_tp]
    date_source = min(sources, key=lambda s: DATE_SOURCES.index(s) if s in DATE_SOURCES else 9)
    types = Counter((e.event_type, e.sub_event_type) for e in events)

    def type_rank(t: tuple[str, str]) -> tuple[bool, int, int, str]:
        order = TYPE_ORDER.index(t[0]) if t[0] in TYPE_ORDER else len(TYPE_ORDER)
        return (t[0] == STRATEGIC and len(types) > 1, -types[t], order, t[1])

    event_type, sub_event_type = min(types, key=type_rank)
    actors_from = min(members, key=_specificity)
    locations = Counter(m.event.location for m in members if m.event.location)
    place_from = min(
        members,
        key=lambda m: (
            m.event.geo_precision or 4,
            -locations.get(m.event.location or "", 0),
            -m.event.confidence,
            m.key,
        ),
    )
    fatalities, toll_why = conservative_toll(reports)
    sources = [m.source or m.event.source for m in sorted(members, key=lambda m: m.key)]
    source = "; ".join(dict.fromkeys(s for s in sources if s)) or None
    a, p = actors_from.event, place_from.event
    return replace(
        a,
        doc_id=a.doc_id,
        event_date=day,
        time_precision=best_tp,
        date_source=date_source,
        event_type=event_type,
        sub_event_type=sub_event_type,
        country=p.country,
        iso3=p.iso3,
        admin1=p.admin1,
        admin2=p.admin2,
        location=p.location,
        latitude=p.latitude,
        longitude=p.longitude,
        geo_precision=p.geo_precision,
        fatalities=fatalities,
        source=source,
        evidence={},
        confidence=max(e.confidence for e in events),
        why={
            "event_date": f"{days[day]} of {len(events)} reports give this day "
            f"at time_precision {best_tp}",
            "event_type": f"{types[(event_type, sub_event_type)]} of {len(events)} reports",
            "actor1": f"actors of the report with the most named actors ({actors_from.key})",
            "location": f"place of the most precise report ({place_from.key})",
            "fatalities": toll_why,
            "notes": f"notes of {actors_from.key}",
        },
    )
