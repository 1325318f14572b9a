"""Place mentions from resolved names: kind, ACLED geo_precision, facilities and relative
phrases ("north of Baghdad").

A town or village is precision 1, a district 2, a province 3; "X district" the index has no
point for is coded to its namesake town (precision 2) when there is one. A facility ("Gweiran
Prison") lies in the place it is named after or the place the text puts it in ("in", "near",
"outside"), at precision 1 or 2. A relative phrase is its place at precision 2 at least.
"""

from __future__ import annotations

import bisect

from conflictcoder import placecues as cues
from conflictcoder.gazetteer import Gazetteer
from conflictcoder.models import Place, PlaceMention
from conflictcoder.placenames import same_spelling
from conflictcoder.placerecog import Facility, Hit
from conflictcoder.placeregions import REGION_CODES

# ``why`` of a place named only as part of an organisation's name ("Kansas Highway Patrol"):
# a toponym, but no event location while the clause names another place.
MODIFIER_WHY = "names an organisation; "
_ADMIN_CODES = ("ADM1", "ADM2")


def _kind(place: Place) -> tuple[str, int]:
    if place.feature_code in REGION_CODES:  # a continent or sea: never an event's town
        return "region", 3
    if place.feature_code == "ADM1":
        return "admin1", 3
    if place.feature_code == "ADM2":
        return "admin2", 2
    return "populated", 1


def mentions(
    text: str, hits: list[Hit], facilities: list[Facility], gazetteer: Gazetteer
) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for hit in hits:
        if hit.country:
            iso2, kind = hit.country
            why = "demonym" if kind == "demonym" else "country name"
            place = _nation(gazetteer, iso2, hit.surface) if kind == "demonym" else None
            out.append(
                PlaceMention(
                    start=hit.start,
                    end=hit.end,
                    text=hit.surface,
                    place=place or gazetteer.country(iso2),
                    kind="country",
                    geo_precision=3,
                    why=why,
                )
            )
            continue
        assert hit.best is not None
        if hit.admin_cue and hit.best.feature_code not in _ADMIN_CODES:
            # "Virudhunagar district": an area the index has no point for, coded (as ACLED
            # codes a district) to the town it is named after, when the index has that
            best = hit.best.geonameid
            namesake = same_spelling(hit.surface, hit.best.name) or any(
                main and p.geonameid == best and not hit.loose for p, main in hit.cands
            )  # "Poonch district": Punch, whose main name it is, spelled another way
            out.append(
                PlaceMention(
                    start=hit.start,
                    end=hit.end,
                    text=hit.surface,
                    place=hit.best if namesake else None,
                    kind=hit.admin_cue,
                    geo_precision=3 if hit.admin_cue == "admin1" else 2,
                    why="admin area coded to its namesake town"
                    if namesake
                    else "admin area not in the gazetteer",
                )
            )
            continue
        kind, precision = _kind(hit.best)
        out.append(
            PlaceMention(
                start=hit.start,
                end=hit.end,
                text=hit.surface,
                place=hit.best,
                kind=kind,
                geo_precision=precision,
                why=MODIFIER_WHY + hit.why if hit.modifier else hit.why,
            )
        )
        if hit.relative:
            start, end, rel_precision = hit.relative
            out.append(
                PlaceMention(
                    start=start,
                    end=end,
                    text=text[start:end],
                    place=_seat(hit.best, gazetteer),
                    kind="relative",
                    geo_precision=max(rel_precision, precision),
                    why=f"relative to {hit.surface}",
                )
            )
    starts = [h.start for h in hits]  # in text order
    for facility in facilities:
        out.append(_facility_mention(text, facility, hits, starts, gazetteer))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


# Demonyms of the nations of a country, which are its provinces: "the English city of
# Salisbury" is in England, not at the United Kingdom's point.
_NATIONS = {
    ("GB", "english"): "England",
    ("GB", "scottish"): "Scotland",
    ("GB", "welsh"): "Wales",
}


def _nation(gazetteer: Gazetteer, iso2: str, surface: str) -> Place | None:
    """The province a nation's demonym names ("English": England), if the index has it."""
    name = _NATIONS.get((iso2, surface.casefold()))
    if name is None:
        return None
    return next(
        (
            p
            for p in gazetteer.lookup(name)
            if p.feature_code == "ADM1" and p.country == iso2 and p.admin1 == name
        ),
        None,
    )


def _seat(place: Place, gazetteer: Gazetteer) -> Place:
    """Where a place near or in a district is coded: "the countryside of Tell Abiad", "a
    field in Al-Bukamal district" lie around its seat, as ACLED codes them, not at the
    middle of the district. (Around a province, the middle of its box measures closer than
    its capital: the countryside is not the city.)"""
    if place.feature_code == "ADM2":
        return gazetteer.seat(place) or place
    return place


def _facility_mention(
    text: str, facility: Facility, hits: list[Hit], starts: list[int], gazetteer: Gazetteer
) -> PlaceMention:
    surface = text[facility.start : facility.end]
    inner = [h for h in facility.inner if h.best is not None]
    place, precision, why = None, 1, "facility, place not found"
    if inner:
        place, why = inner[0].best, f"facility named after {inner[0].surface}"
    else:
        for hit in hits[bisect.bisect_left(starts, facility.end) :]:
            if hit.best is None:
                continue
            link = text[facility.end : hit.start]
            if len(link) <= 60 and cues.FACILITY_LINK.match(link):
                near = "near" in link or "outside" in link or " of" in link.split("of")[0]
                place, why = hit.best, f"facility in {hit.surface}"
                precision = 2 if near and "city of" not in link and "town of" not in link else 1
                if "in" in link.split()[:2] or link.strip().startswith("in"):
                    precision = 1
            break
    if place is not None and place.feature_code == "ADM1":
        precision = 3
    if place is not None:
        place = _seat(place, gazetteer)
    return PlaceMention(
        start=facility.start,
        end=facility.end,
        text=surface,
        place=place,
        kind="facility",
        geo_precision=precision,
        why=why,
    )
