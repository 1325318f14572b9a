"""Pure decisions behind incidents: do two reported events describe the same real event?

``compare(a, b, settings)`` scores a pair of events from their ACLED fields and the
distinguishing terms of their sentences, and says which fields agreed. Components (weights
in ``Settings.link_weights``; each agreement is in [0, 1]):

- **date**: each date is an interval given its time_precision (1: the day, 2: ±3 days,
  3: ±15 days). A date that is only the publication date (no temporal expression governed
  the event, see ``date_unknown``) is the interval [publication − ``link_unknown_date_days``,
  publication] and is no date agreement at all: its weight goes to content, which must then
  reach ``link_content_unknown_date``; two such dates must also share the publication day
  (two undated reports published on different days tell of different days as often as of
  one). The gap between the intervals must be at most ``link_max_day_gap`` days (for a
  chain) and ``link_same_day_gap`` (for the same event: 0 by default, as ACLED codes one
  event per day). Same precise day 1.0; overlapping imprecise dates 0.5; a gap 0.25.
- **place**: different countries veto. With coordinates, the distance must be within the
  tolerance of the coarser geo_precision (``link_km``); agreement falls from 1 to 0.5 at the
  tolerance and is capped by precision (1: 1.0, 2: 0.7, 3: 0.4), halved when both name
  different towns at precision 1 (ACLED: one event per location). Without coordinates: same
  admin1 0.3, same country 0.1, different admin1 veto.
- **type**: same sub-event type 1.0; same event type 0.6; compatible types (a battle and the
  explosions or killings of civilians in it, a protest and a riot) 0.3, but 0.6 for a battle
  and an attack on civilians when neither side names an actor (a shooting by "a gunman" is
  an armed clash in one report and an attack in the next); otherwise veto.
- **actors**: the named (non-generic) actors of both sides, compared without their country
  or period suffix: Jaccard overlap. Generic actors ("Unidentified Armed Group", "Civilians")
  carry no evidence: 0.5 when one side has no named actor. Two sides each with two or more
  named actors and none in common, with different actor types, veto.
- **content**: what the sentences reporting each event share of their distinguishing
  terms (names of places, people and units; numbers), see ``linkterms``; every pair must
  reach ``link_content_min``. Different villages or victims named on each side pull it down.

**Follow-ups** (``followup_day``): a report whose event is dated only by its publication or by
the preceding text (``date_source`` "publication" or "discourse": the arrest, the charges,
the funeral, the trial) may tell of an event up to ``link_followup_days`` before that date.
Such a pair, not the same event by its dates, is still the same event when neither side
names an actor (local news of a crime by unidentified people; named armed groups fight
again where they fought, and ACLED codes each day), it is in the same town
(same location name or both at geo_precision 1 within ``link_km[0]``), of the same kind
(type agreement at least 0.6), and the sentences share names: content agreement at least
``link_followup_content`` and at least ``link_followup_names`` shared names (numbers do not
count): the victims' and suspects' names are what local news repeats. The date weight goes
to content, as for an unknown date.

Events of the same document never merge (the events stage already told them apart); two
events on consecutive precise days that agree otherwise form a *chain* (fighting that
continued), not one event. ``cluster`` turns the pairs of a connected component into
incidents deterministically (see its docstring); ``merge_fields`` and
``conservative_toll`` compute the incident's merged event.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from conflictcoder import linkterms
from conflictcoder.models import DATE_SOURCES, Event
from conflictcoder.settings import Settings

COMPONENTS: tuple[str, ...] = ("date", "place", "type", "actors", "content")
_HALF_WIDTH = {1: 0, 2: 3, 3: 15}  # days around event_date, by time_precision
_PRECISION_CAP = {1: 1.0, 2: 0.7, 3: 0.4}  # place agreement cap, by the coarser geo_precision
_COMPATIBLE_TYPES = frozenset(
    frozenset(pair)
    for pair in (
        ("Battles", "Explosions/Remote violence"),
        ("Battles", "Violence against civilians"),
        ("Explosions/Remote violence", "Violence against civilians"),
        ("Protests", "Riots"),
    )
)
_GENERIC_COMPATIBLE = frozenset(("Battles", "Violence against civilians"))
# Event types by precedence when members disagree (a battle folds explosions into it).
TYPE_ORDER: tuple[str, ...] = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Riots",
    "Protests",
    "Strategic developments",
)
_GENERIC_ACTOR = re.compile(
    r"^(unidentified|unknown|civilians|protesters|rioters|prisoners|police forces of)\b",
    re.IGNORECASE,
)
_SUFFIX = re.compile(r"\s*\([^)]*\)\s*$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Linkable:
    """A stored event as the linker sees it.

    ``key`` is a stable identity that does not depend on row ids (document id plus the
    export id of the event), used to break ties so that the result does not depend on the
    order of ingestion. ``document`` tells events of one document apart from the others.
    """

    id: int
    key: str
    document: int
    event: Event
    terms: frozenset[str] = frozenset()
    published: date | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    """A scored decision: ``same`` the same real event; ``chain`` the same fighting on
    consecutive days. ``fields`` maps each component to its agreement and how it was read."""

    score: float
    same: bool
    chain: bool
    veto: str | None = None
    fields: Mapping[str, tuple[float, str]] = field(default_factory=dict)

    def detail(self) -> dict[str, object]:
        """JSON-ready explanation, stored with the link."""
        out: dict[str, object] = {
            n: {"agreement": a, "why": w} for n, (a, w) in self.fields.items()
        }
        if self.veto:
            out["veto"] = self.veto
        return out


class _Veto(Exception):
    pass


def date_unknown(event: Event) -> bool:
    """True when the event's date is only its article's publication date."""
    return event.date_source == "publication"


def weakly_dated(event: Event) -> bool:
    """True when the event's date comes from the publication or the preceding text."""
    return event.date_source in ("publication", "discourse")


def may_follow_up(event: Event) -> bool:
    """Whether the event may be one side of a follow-up pair (see ``followup_day``): no
    named actor."""
    return not named_actors(event)


def followup_day(a: Event, b: Event, settings: Settings) -> Event | None:
    """The follow-up of the pair when one weakly dated event falls up to
    ``link_followup_days`` after the other's date interval (not before its start); None
    otherwise. With both weakly dated, the later one."""
    found = []
    for late, early in ((a, b), (b, a)):
        if not weakly_dated(late):
            continue
        first, last = day_interval(early, settings)
        day = late.event_date.toordinal()
        if first <= day <= last + settings.link_followup_days:
            found.append(late)
    if not found:
        return None
    return max(found, key=lambda e: (e.event_date, e.doc_id))


def day_interval(event: Event, settings: Settings) -> tuple[int, int]:
    """First and last day (ordinals) the event may fall on, given its time_precision; an
    unknown date (the publication date) may be up to ``link_unknown_date_days`` earlier."""
    day = event.event_date.toordinal()
    if date_unknown(event):
        return day - settings.link_unknown_date_days, day
    half = _HALF_WIDTH.get(event.time_precision, 15)
    return day - half, day + half


def day_gap(a: Event, b: Event, settings: Settings) -> int:
    """Days between the two date intervals; 0 when they overlap."""
    a0, a1 = day_interval(a, settings)
    b0, b1 = day_interval(b, settings)
    return max(0, b0 - a1, a0 - b1)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def place_tolerance_km(event: Event, settings: Settings) -> float:
    """How far apart two reports of this event may place it, from its geo_precision."""
    km = settings.link_km
    return km[min(max(event.geo_precision or 3, 1), len(km)) - 1]


def _same_text(a: str | None, b: str | None) -> bool | None:
    if a is None or b is None:
        return None
    return a.casefold() == b.casefold()


def _date(a: Event, b: Event, settings: Settings) -> tuple[float, str]:
    gap = day_gap(a, b, settings)
    if gap > settings.link_max_day_gap:
        raise _Veto(f"dates {gap} days apart")
    unknown_a, unknown_b = date_unknown(a), date_unknown(b)
    if unknown_a and unknown_b and a.event_date != b.event_date:
        raise _Veto("both dates unknown, published on different days")
    if unknown_a or unknown_b:
        which = " and ".join(
            f"{e.event_date.isoformat()} is a publication date"
            for e, unknown in ((a, unknown_a), (b, unknown_b))
            if unknown
        )
        return 0.0, f"date unknown ({which}); its weight goes to content"
    precise = a.time_precision == 1 and b.time_precision == 1
    if gap == 0 and precise:
        return 1.0, f"same day {a.event_date.isoformat()}"
    if gap == 0:
        return 0.5, "imprecise dates overlap"
    return 0.25, f"{gap} day(s) apart"


def _place(a: Event, b: Event, settings: Settings) -> tuple[float, str]:
    if _same_text(a.country, b.country) is False:
        raise _Veto(f"different countries ({a.country}, {b.country})")
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        assert a.latitude is not None and a.longitude is not None
        assert b.latitude is not None and b.longitude is not None
        km = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
        tolerance = max(place_tolerance_km(a, settings), place_tolerance_km(b, settings))
        if km > tolerance:
            raise _Veto(f"places {km:.0f} km apart (tolerance {tolerance:.0f} km)")
        coarser = max(a.geo_precision or 3, b.geo_precision or 3)
        cap = _PRECISION_CAP.get(coarser, 0.4)
        agreement = cap * (1.0 - 0.5 * km / tolerance) if tolerance else cap
        named = f"{km:.1f} km apart, geo_precision {coarser}"
        if _same_text(a.location, b.location):
            agreement = cap
        elif coarser == 1 and _same_text(a.location, b.location) is False:
            # two different towns named precisely: ACLED codes one event per location
            agreement *= 0.5
            named += f", different towns ({a.location}, {b.location})"
        return round(agreement, 3), named
    same_admin1 = _same_text(a.admin1, b.admin1)
    if same_admin1 is False:
        raise _Veto(f"different admin1 ({a.admin1}, {b.admin1})")
    if same_admin1:
        return 0.3, f"same admin1 {a.admin1}, no coordinates"
    if _same_text(a.country, b.country):
        return 0.1, f"same country {a.country}, no coordinates"
    return 0.0, "place unknown"


def _type(a: Event, b: Event) -> tuple[float, str]:
    if a.event_type == b.event_type and a.sub_event_type == b.sub_event_type:
        return 1.0, f"both {a.sub_event_type}"
    if a.event_type == b.event_type:
        return 0.6, f"both {a.event_type}"
    pair = frozenset((a.event_type, b.event_type))
    if pair == _GENERIC_COMPATIBLE and not named_actors(a) and not named_actors(b):
        return 0.6, f"compatible types, no named actor ({a.event_type}, {b.event_type})"
    if pair in _COMPATIBLE_TYPES:
        return 0.3, f"compatible types ({a.event_type}, {b.event_type})"
    raise _Veto(f"incompatible types ({a.event_type}, {b.event_type})")


def actor_key(name: str) -> str | None:
    """The comparable form of an actor name; None for generic actors."""
    bare = _SUFFIX.sub("", name.strip())
    if not bare or _GENERIC_ACTOR.match(bare):
        return None
    return bare.casefold()


def named_actors(event: Event) -> frozenset[str]:
    """The event's named actors (both sides and associated), comparable, generic ones out."""
    names: list[str] = []
    for value in (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2):
        if value:
            names.extend(value.split(";"))
    return frozenset(k for k in (actor_key(n) for n in names) if k)


def _actors(a: Event, b: Event) -> tuple[float, str]:
    ours, theirs = named_actors(a), named_actors(b)
    if not ours or not theirs:
        return 0.5, "no named actor on one side"
    common = ours & theirs
    if common:
        return round(len(common) / len(ours | theirs), 3), "shared: " + ", ".join(sorted(common))
    inters_a = {i for i in (a.inter1, a.inter2) if i is not None}
    inters_b = {i for i in (b.inter1, b.inter2) if i is not None}
    if len(ours) >= 2 and len(theirs) >= 2 and inters_a != inters_b:
        raise _Veto("different actors")
    if inters_a and inters_a == inters_b:
        return 0.2, "different names, same actor types"
    return 0.0, "no actor in common"


def _same_town(a: Event, b: Event, settings: Settings) -> bool:
    if _same_text(a.location, b.location) and _same_text(a.admin1, b.admin1) is not False:
        return True
    if a.geo_precision != 1 or b.geo_precision != 1:
        return False
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    assert a.latitude is not None and a.longitude is not None
    assert b.latitude is not None and b.longitude is not None
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= settings.link_km[0]


def _followup_date(a: Event, b: Event, settings: Settings) -> tuple[float, str] | None:
    """The date field of a follow-up pair (see the module docstring), or None."""
    late = followup_day(a, b, settings)
    if late is None:
        return None
    early = b if late is a else a
    days = (late.event_date - early.event_date).days
    why = f"follow-up: {late.event_date.isoformat()} ({late.date_source}) {days} day(s) after"
    return 0.0, why + f" {early.event_date.isoformat()}; its weight goes to content"


def _names(terms: linkterms.TermAgreement) -> int:
    return sum(1 for t in terms.shared if not any(c.isdigit() for c in t))


def _conflicting(terms: linkterms.TermAgreement, settings: Settings) -> bool:
    """Nothing shared, while each side names at least ``link_conflict_names`` names
    of its own: different victims, streets or units."""
    if terms.shared_weight or not settings.link_conflict_names:
        return False
    alone = (
        sum(1 for t in side if not any(c.isdigit() for c in t))
        for side in (terms.only_a, terms.only_b)
    )
    return min(alone) >= settings.link_conflict_names


def compare(a: Linkable, b: Linkable, settings: Settings) -> Comparison:
    """Score two events; symmetric. See the module docstring for the components: a pair
    that is not the same event by its dates may still be a follow-up."""
    normal = _compare(a, b, settings, None)
    if normal.same or a.document == b.document:
        return normal
    date_field = _followup_date(a.event, b.event, settings)
    if date_field is None:
        return normal
    follow = _compare(a, b, settings, date_field)
    if follow.same:
        return follow
    if normal.veto and follow.veto:
        return replace(normal, veto=f"{normal.veto}; follow-up refused: {follow.veto}")
    return normal


def _compare(
    a: Linkable, b: Linkable, settings: Settings, followup: tuple[float, str] | None
) -> Comparison:
    fields: dict[str, tuple[float, str]] = {}
    try:
        fields["date"] = followup or _date(a.event, b.event, settings)
        fields["place"] = _place(a.event, b.event, settings)
        fields["type"] = _type(a.event, b.event)
        fields["actors"] = _actors(a.event, b.event)
    except _Veto as veto:
        return Comparison(0.0, False, False, str(veto), fields)
    terms = linkterms.compare_terms(a.terms, b.terms, settings.link_content_exclusive)
    fields["content"] = (terms.agreement, terms.why())
    if followup:
        reasons = []
        if not _same_town(a.event, b.event, settings):
            reasons.append("not the same town")
        if fields["type"][0] < 0.6:
            reasons.append("not the same kind of event")
        if not may_follow_up(a.event) or not may_follow_up(b.event):
            reasons.append("named actors (armed groups fight again where they fought)")
        if terms.agreement < settings.link_followup_content:
            reasons.append(f"content {terms.agreement} below {settings.link_followup_content}")
        if _names(terms) < settings.link_followup_names:
            reasons.append(f"{_names(terms)} shared name(s)")
        if reasons:
            return Comparison(0.0, False, False, ", ".join(reasons), fields)
    if a.event.fatalities == b.event.fatalities:
        fields["fatalities"] = (1.0, f"both {a.event.fatalities} (not scored)")
    else:
        fields["fatalities"] = (0.0, f"{a.event.fatalities} vs {b.event.fatalities} (not scored)")
    unknown = followup is not None or date_unknown(a.event) or date_unknown(b.event)
    weights = dict(zip(COMPONENTS, settings.link_weights, strict=True))
    if unknown:  # the content stands in for the date
        weights["content"] += weights.pop("date")
    score = round(sum(w * fields[name][0] for name, w in weights.items()), 3)
    content = fields["content"][0]
    needed = settings.link_content_unknown_date if unknown else settings.link_content_min
    if followup:
        needed = settings.link_followup_content
    gap = 0 if followup else day_gap(a.event, b.event, settings)
    consecutive = a.event.time_precision == 1 and b.event.time_precision == 1 and gap >= 1
    consecutive = consecutive and not unknown
    same = (
        a.document != b.document
        and not _conflicting(terms, settings)
        and gap <= settings.link_same_day_gap
        and score >= settings.link_threshold
        and content >= needed
    )
    chain = consecutive and not same and score >= settings.chain_threshold
    return Comparison(score, same, chain, None, fields)


def cluster(
    items: Sequence[Linkable], comparison: Callable[[Linkable, Linkable], Comparison], floor: float
) -> list[list[Linkable]]:
    """Split a connected component into incidents, deterministically.

    Greedy agglomeration over the ``same`` pairs from the best score down, ties broken by
    the members' stable keys (never by row ids). Two groups merge only when every pair across
    them comes from different documents and scores at least ``floor`` without a veto
    (complete linkage: no chaining through a middle report). The result depends only on the
    set of events, so any ingest order gives the same incidents.
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
        ok = all(
            x.document != y.document
            and scores[(x.id, y.id)].veto is None
            and scores[(x.id, y.id)].score >= floor
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
    - type: the sub-event type most members give; ties by ``TYPE_ORDER`` then name.
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

    def type_rank(t: tuple[str, str]) -> tuple[int, int, str]:
        order = TYPE_ORDER.index(t[0]) if t[0] in TYPE_ORDER else len(TYPE_ORDER)
        return (-types[t], order, t[1])

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
