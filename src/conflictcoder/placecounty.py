"""Counties the gazetteer names but cannot place: "Laurel County", "Pointe Coupee Parish".

GeoNames' admin2 table names every US county (and other countries' districts), but the
bundled extracts give points only to the areas of the 27 conflict countries. A county named
in the text is still an admin2 area of a known state: ``county_place`` chooses the state the
article's other places are in (or the only state with a county of that name) and places the
county at the middle of the article's towns in that state, else at the town named like it
("Orange" of Orange County), else at the state's point, with
``geo_precision`` 2 like any area coded to a representative location.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable

from conflictcoder import placecues as cues
from conflictcoder.gazetteer import Gazetteer
from conflictcoder.models import Place
from conflictcoder.placehit import Hit
from conflictcoder.placenames import fold
from conflictcoder.placepoints import centre

# The word after a name that makes it a county-level area whose full name includes the word.
COUNTY_AFTER = re.compile(r" (County|Parish|Borough)\b")


_PLURAL_HEADS = {"counties": "County", "parishes": "Parish"}
_HEADS = (" County", " Parish", " Borough")


def county_candidates(
    gazetteer: Gazetteer, surface: str, head: str
) -> tuple[tuple[Place, bool], ...]:
    """Every county named ``surface`` ("Walker" of "Walker County"), one per state that has
    one, each at its state's point, so that the article's other names can tell which state's
    it is (``placerank.Home``) before ``place_counties`` places the chosen one among the
    article's towns."""
    out = []
    states: dict[tuple[str, str], Place | None] = {}
    for country, a1, a2, gid in gazetteer.admin2_named(surface):
        state = gazetteer.admin1_name(country, a1)
        if (country, a1) not in states:
            states[(country, a1)] = next(
                (
                    p
                    for p in gazetteer.lookup(state or "")
                    if p.feature_code == "ADM1" and p.country == country and p.admin1 == state
                ),
                None,
            )
        area = states[(country, a1)]
        if area is None:
            continue
        lat, lon = centre(area) or (area.latitude, area.longitude)
        county = gazetteer.admin2_name(country, a1, a2)
        out.append((_county(gid, f"{surface} {head}", (lat, lon), country, state, county), True))
    return tuple(out)


def stand_in(place: Place | None) -> bool:
    """``place`` is a county of ``county_candidates``, still at its state's point."""
    return (
        place is not None
        and place.feature_code == "ADM2"
        and place.population == 0
        and place.name.endswith(_HEADS)
    )


def county_name(text: str, end: int, start: int | None = None) -> str | None:
    """The head word after a name ("County" of "Laurel County", of "Cooke, Grayson and Love
    counties" when ``start`` is given), or ``None``."""
    match = COUNTY_AFTER.match(text, end)
    if match:
        return match.group(1)
    plural = cues.plural_admin(text, start, end) if start is not None else None
    return _PLURAL_HEADS.get(plural or "")


def county_place(
    gazetteer: Gazetteer,
    surface: str,
    head: str,
    anchors: Iterable[Place],
    support: Counter[tuple[str | None, str | None]],
    namesakes: Iterable[Place] = (),
) -> Place | None:
    """The county ``surface head`` ("Laurel" "County") as an admin2 ``Place``, or ``None``
    when no county has that name or the article does not say which state's it is.
    ``support`` weighs the ``(country, admin1)`` states the article points to. Its point is
    the middle of the article's towns in the county, else of its towns in the state, else
    the town named like the county (``namesakes``: "Orange" of Orange County), else the
    state's point."""
    entries = gazetteer.admin2_named(surface)  # filed without "County", as ACLED writes it
    if not entries:
        return None
    towns = [p for p in anchors if p.feature_code not in ("ADM1", "ADM2")]
    options = []
    for country, a1, a2, gid in entries:
        state = gazetteer.admin1_name(country, a1)
        options.append((support.get((country, state), 0), country, a1, a2, gid, state))
    options.sort(key=lambda o: -o[0])
    if len(options) > 1 and options[0][0] <= options[1][0]:
        return None  # no telling which state's county (or none of them is supported)
    _, country, a1, a2, gid, state = options[0]
    county = gazetteer.admin2_name(country, a1, a2)
    inside = [p for p in towns if (p.country, p.admin1, p.admin2) == (country, state, county)]
    inside = inside or [p for p in towns if (p.country, p.admin1) == (country, state)]
    namesake = [  # the town the county is named after ("Orange" of Orange County)
        p
        for p in namesakes
        if (p.country, p.admin1) == (country, state)
        and p.admin2 in (county, None)
        and p.feature_code not in ("ADM1", "ADM2")
        and fold(p.name) == fold(surface)
    ]
    inside = inside or namesake[:1]
    if inside:
        lat = statistics.median(p.latitude for p in inside)
        lon = statistics.median(p.longitude for p in inside)
    else:
        seat = gazetteer.admin1_seat(country, a1)
        area = next(
            (
                p
                for p in gazetteer.lookup(state or "")
                if p.feature_code == "ADM1" and p.country == country
            ),
            seat,
        )
        if area is None:
            return None
        lat, lon = area.latitude, area.longitude
    return _county(gid, f"{surface} {head}", (lat, lon), country, state, county)


def _county(
    gid: int | None,
    name: str,
    point: tuple[float, float],
    country: str | None,
    state: str | None,
    county: str | None,
) -> Place:
    """A county (ADM2) place at ``point``."""
    return Place(
        geonameid=gid or None,
        name=name,
        latitude=point[0],
        longitude=point[1],
        feature_code="ADM2",
        country=country,
        admin1=state,
        admin2=county,
        population=0,
    )


def _chosen(hit: Hit, support: Counter[tuple[str | None, str | None]]) -> bool:
    """The resolver chose the county's state from the article: its places are there, or
    its names point there clearly among several states' counties."""
    assert hit.best is not None
    if support.get((hit.best.country, hit.best.admin1), 0) > 0:
        return True
    return len(hit.cands) > 1 and hit.margin >= 1.0


def place_counties(
    text: str, hits: list[Hit], anchors: dict[int, Place], gazetteer: Gazetteer
) -> set[int]:
    """Give "X County" hits the county (placed by ``placecounty``) when the gazetteer has no
    point for it; returns their indices. The state is the one the article's places are in,
    or the one the other counties it names share ("Walton ... Oconee County" → Georgia)."""
    heads = {
        i: head
        for i, h in enumerate(hits)
        if not h.country
        and (h.best is None or h.best.feature_code not in ("ADM1", "ADM2") or stand_in(h.best))
        and (head := county_name(text, h.end, h.start)) is not None
    }
    if not heads:
        return set()
    named = {hits[i].surface for i in heads}
    states: Counter[tuple[str | None, str | None]] = Counter()
    for surface in named:
        for country, a1, _a2, _gid in gazetteer.admin2_named(surface):
            states[(country, gazetteer.admin1_name(country, a1))] += 1
    placed = set()
    for i, head in heads.items():
        hit = hits[i]
        others = [p for j, p in anchors.items() if j != i]
        support = states.copy()
        for country, a1, _a2, _gid in gazetteer.admin2_named(hit.surface):
            support[(country, gazetteer.admin1_name(country, a1))] -= 1
        for p in others:
            support[(p.country, p.admin1)] += 2
        # Kenya's counties are ADM1; the stand-ins of ``county_candidates`` hide the towns
        namesakes = [p for p, _ in gazetteer.candidates(hit.surface)]
        county = county_place(gazetteer, hit.surface, head, others, support, namesakes)
        if county is not None:
            hit.best = county
            hit.why = f"county of {county.admin1}, placed among the article's places there"
            placed.add(i)
        elif stand_in(hit.best):  # at the point of the state the article's names point to
            if _chosen(hit, support):
                placed.add(i)
            else:
                hit.best = None  # no telling which state's county
    return placed
