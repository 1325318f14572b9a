"""The field agreements of two reported events: place, type and actors (``linking``'s
components besides the date and the content), each an agreement in [0, 1] and how it was
read, or a ``Veto`` saying why the two cannot be one event. See ``linking`` for the rules.
"""

from __future__ import annotations

import re

from conflictcoder import geometry
from conflictcoder.models import Event
from conflictcoder.settings import Settings
from conflictcoder.taxonomy import BATTLES, EXPLOSIONS, PROTESTS, RIOTS, STRATEGIC, VAC

_PRECISION_CAP = {1: 1.0, 2: 0.7, 3: 0.4}  # place agreement cap, by the coarser geo_precision
_COMPATIBLE_TYPES = frozenset(
    frozenset(pair)
    for pair in (
        (BATTLES, EXPLOSIONS),
        (BATTLES, VAC),
        (EXPLOSIONS, VAC),
        (PROTESTS, RIOTS),
    )
)
_GENERIC_COMPATIBLE = frozenset((BATTLES, VAC))
# A local crime by unnamed people is typed many ways by the reports telling it: the shooting
# (a battle or an attack) or the brawl it came from (mob violence). Between reports naming no
# actor these types are compatible. The arrest that followed (a strategic development) is of
# the same incident only when both reports name the same people (``linking``): a veto of
# kind "role" that the same-people rule may lift.
_LOCAL_TYPES = frozenset((BATTLES, VAC, EXPLOSIONS, RIOTS))
_GENERIC_ACTOR = re.compile(
    r"^(unidentified|unknown|civilians|protesters|rioters|prisoners|police forces of)\b",
    re.IGNORECASE,
)
_SUFFIX = re.compile(r"\s*\([^)]*\)\s*$")
# Names covering many groups of one side ("rebels", "Islamist factions", pro-government
# militias): a report naming one does not contradict a report naming a group of that side.
_UMBRELLA = re.compile(
    r"^(opposition rebels|islamist militia|militia \(pro-government\))", re.IGNORECASE
)
# A unit of a force ("Military Forces of Syria (2000-) Tiger Forces") is of that force.
_FORCE = re.compile(r"^(.*?\(\d{4}-(?:\d{4})?\))\s+\S")


class Veto(Exception):
    """Why two reports cannot be one event; ``kind`` names the field."""

    def __init__(self, why: str, kind: str) -> None:
        super().__init__(why)
        self.kind = kind


def place_tolerance_km(event: Event, settings: Settings) -> float:
    """How far apart two reports of this event may place it, from its geo_precision."""
    km = settings.link_km
    return km[min(max(event.geo_precision or 3, 1), len(km)) - 1]


def same_text(a: str | None, b: str | None) -> bool | None:
    if a is None or b is None:
        return None
    return a.casefold() == b.casefold()


def place(a: Event, b: Event, settings: Settings) -> tuple[float, str]:
    """The place agreement (``linking``'s place component), or a ``Veto``."""
    if same_text(a.country, b.country) is False:
        raise Veto(f"different countries ({a.country}, {b.country})", "country")
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        assert a.latitude is not None and a.longitude is not None
        assert b.latitude is not None and b.longitude is not None
        km = geometry.km(a.latitude, a.longitude, b.latitude, b.longitude)
        tolerance = max(place_tolerance_km(a, settings), place_tolerance_km(b, settings))
        if km > tolerance:
            raise Veto(f"places {km:.0f} km apart (tolerance {tolerance:.0f} km)", "place")
        coarser = max(a.geo_precision or 3, b.geo_precision or 3)
        cap = _PRECISION_CAP.get(coarser, 0.4)
        agreement = cap * (1.0 - 0.5 * km / tolerance) if tolerance else cap
        named = f"{km:.1f} km apart, geo_precision {coarser}"
        if same_text(a.location, b.location):
            agreement = cap
        elif coarser == 1 and same_text(a.location, b.location) is False:
            # two different towns named precisely: ACLED codes one event per location
            agreement *= 0.5
            named += f", different towns ({a.location}, {b.location})"
        return round(agreement, 3), named
    same_admin1 = same_text(a.admin1, b.admin1)
    if same_admin1 is False:
        raise Veto(f"different admin1 ({a.admin1}, {b.admin1})", "place")
    if same_admin1:
        return 0.3, f"same admin1 {a.admin1}, no coordinates"
    if same_text(a.country, b.country):
        return 0.1, f"same country {a.country}, no coordinates"
    return 0.0, "place unknown"


def compatible_types(event_type: str) -> frozenset[str]:
    """The event types that ``event_type`` does not veto beside this one (itself included),
    whether or not the events name actors."""
    found = frozenset({event_type}).union(
        *(pair for pair in _COMPATIBLE_TYPES if event_type in pair)
    )
    if event_type in _LOCAL_TYPES:
        return found | _LOCAL_TYPES | {STRATEGIC}
    return found | _LOCAL_TYPES if event_type == STRATEGIC else found


def event_type(a: Event, b: Event) -> tuple[float, str]:
    """The type agreement (``linking``'s type component), or a ``Veto``."""
    if a.event_type == b.event_type and a.sub_event_type == b.sub_event_type:
        return 1.0, f"both {a.sub_event_type}"
    if a.event_type == b.event_type:
        return 0.6, f"both {a.event_type}"
    pair = frozenset((a.event_type, b.event_type))
    if pair == _GENERIC_COMPATIBLE and not named_actors(a) and not named_actors(b):
        return 0.6, f"compatible types, no named actor ({a.event_type}, {b.event_type})"
    if pair in _COMPATIBLE_TYPES:
        return 0.3, f"compatible types ({a.event_type}, {b.event_type})"
    local = not named_actors(a) and not named_actors(b)
    if pair <= _LOCAL_TYPES and local:
        return 0.3, f"one local crime told two ways, no named actor ({', '.join(sorted(pair))})"
    if local and is_followup_role(a, b):
        raise Veto(f"a follow-up beside the crime ({a.event_type}, {b.event_type})", "role")
    raise Veto(f"incompatible types ({a.event_type}, {b.event_type})", "type")


def is_followup_role(a: Event, b: Event) -> bool:
    """Whether one event is a strategic development (an arrest, a charge) and the other a
    local crime (``_LOCAL_TYPES``), the strategic one not dated before the crime: a report
    of what followed the crime."""
    for late, early in ((a, b), (b, a)):
        if late.event_type == STRATEGIC and early.event_type in _LOCAL_TYPES:
            return late.event_date >= early.event_date
    return False


def actor_key(name: str) -> str | None:
    """The comparable form of an actor name; None for generic actors."""
    bare = _SUFFIX.sub("", name.strip())
    if not bare or _GENERIC_ACTOR.match(bare):
        return None
    return bare.casefold()


def named_actors(event: Event) -> frozenset[str]:
    """The event's named actors (both sides and associated), comparable, generic ones out."""
    names = [
        n
        for value in (event.actor1, event.actor2, event.assoc_actor_1, event.assoc_actor_2)
        for n in _names(value)
    ]
    return frozenset(k for k in (actor_key(n) for n in names) if k)


def _names(value: str | None) -> list[str]:
    """The actor names of a field: ";" joins several, and ACLED's "A and/or B" (either
    group; "Islamic State (West Africa) and/or Boko Haram - JAS") names both."""
    return [n for part in (value or "").split(";") for n in _EITHER.split(part)]


_EITHER = re.compile(r"\s+and/or\s+")


def _side(*values: str | None) -> frozenset[str]:
    """The specific armed groups of one side of an event (an actor and its associates):
    named, not an umbrella name, a unit counted as its force."""
    found = set()
    for value in values:
        for name in _names(value):
            force = _FORCE.match(name.strip())
            bare = force.group(1) if force else name
            key = actor_key(bare) if bare.strip() else None
            if key and not _UMBRELLA.match(key):
                found.add(key)
    return frozenset(found)


def other_sides(a: Event, b: Event) -> tuple[frozenset[str], frozenset[str]] | None:
    """The groups two events name on the side facing a group both name, when they name
    different groups there (ACLED: one event, one pair of actors; "the army fought IS" and
    "the army fought HTS" are two events); None when they agree or either leaves that side
    unnamed or generic."""
    ours = (_side(a.actor1, a.assoc_actor_1), _side(a.actor2, a.assoc_actor_2))
    theirs = (_side(b.actor1, b.assoc_actor_1), _side(b.actor2, b.assoc_actor_2))
    found = None
    for mine, yours in ((0, 0), (0, 1), (1, 0), (1, 1)):
        if ours[mine] & theirs[yours]:
            x, y = ours[1 - mine], theirs[1 - yours]
            if not x or not y or x & y:
                return None  # the sides line up another way
            found = found or (x, y)
    return found


def actors(a: Event, b: Event) -> tuple[float, str]:
    """The actor agreement (``linking``'s actors component), or a ``Veto``."""
    ours, theirs = named_actors(a), named_actors(b)
    facing = other_sides(a, b)
    if facing:
        names = " / ".join(", ".join(sorted(side)) for side in facing)
        raise Veto(f"different groups on one side ({names})", "actors")
    if not ours or not theirs:
        return 0.5, "no named actor on one side"
    common = ours & theirs
    if common:
        return round(len(common) / len(ours | theirs), 3), "shared: " + ", ".join(sorted(common))
    inters_a = {i for i in (a.inter1, a.inter2) if i is not None}
    inters_b = {i for i in (b.inter1, b.inter2) if i is not None}
    if len(ours) >= 2 and len(theirs) >= 2 and inters_a != inters_b:
        raise Veto("different actors", "actors")
    if inters_a and inters_a == inters_b:
        return 0.2, "different names, same actor types"
    return 0.0, "no actor in common"
