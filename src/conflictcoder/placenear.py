"""Places named inside or near another: "Ma'alak frontline near Ein Issa", "Jinna in western
Deir-ez-Zor countryside", "Al-Qahera village area west of Tal Tamer".

A small place named in relation to a bigger one is near it. When the homonym chosen for the
small place is far from the one it is said to be in or near, another homonym that is near
takes its place; when none is, the name is a place the gazetteer lacks (a hill, a front, a
hamlet) and is dropped, so that the event falls back on the place it is near. Of homonyms
all near it, the text's direction picks ("Sarja in the southern countryside of Idleb": the
Sarja south of Idleb, not the one north of it).
"""

from __future__ import annotations

import math
import re

from conflictcoder.geometry import km
from conflictcoder.models import Place
from conflictcoder.placenames import keys
from conflictcoder.placerecog import Hit

# Between a place and the place it is in or near: lower-case words only, ending in a
# preposition of place ("in", "near", "west of", "in the countryside of", "vicinity of").
_TYPES = (
    r"(?:town|village|cit(?:y|ies)|area|camp|district|neighbou?rhood|region|frontline|front|"
    r"hill|farm|plain|junction|checkpoint|desert|road|mountain|valley|field|axis|sector|base|"
    r"market|crossing|roundabout|dam|river|sub-?district|municipalit(?:y|ies)|commune|"
    r"township|localit(?:y|ies)|quarter|suburb|province|governorate|lga|county|counties|"
    r"forest|refugee|prison|mosque|hospital|school|bridge|station|part)s?|"
    r"countryside|outskirts|vicinity|surroundings|environs|edge|rural|the|a|on|"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?"
)
# The rest of a name the gazetteer matched only in part: "Jadid [Bakkara] town in Deir-ez-Zor".
_NAME_REST = r"(?-i:[A-Z][\w'’-]*|al|el|ad|ash|az|an|ar|at)"
_LINK = re.compile(
    rf"""(?ix)^
    (?:\s+{_NAME_REST})*
    (?:,?\s+(?:{_TYPES})(?:['’]s)?)*,?
    (?:\s+(?:which|that|lies|is|located|situated))*
    \s+(?:in|near|outside|around|inside|of|at)
    (?:\s+(?:{_TYPES}|of|in))*\s*$
    """
)
# Words that make the link a list, a route or a comparison, not containment.
_NOT_CONTAINED = re.compile(r"(?i)\b(?:and|or|to|from|between|than|while|as|after|before)\b")
_MAX_LINK = 80
_AREAS = ("ADM1", "ADM2")
# "X (District, Province)", "X, Province": a container; after a comma only an area is one
# ("Qorna, Sheikh Khoraz": a list of villages).
_CONTAINER = re.compile(r"^(?:\s+[a-z]+)?(?:\s*\(|,\s*)$")
_COUNTRYSIDE = re.compile(r"(?i)(?:['’]s)?\s+(?:countryside|province|governorate)\b")
# Distances (km) within which a place is "near" a town, a district's town, a province's city.
_NEAR_TOWN = 40.0
_NEAR_DISTRICT = 80.0
# A town this large, named by its main name, is known well enough not to be moved or dropped.
_KNOWN_TOWN = 100_000


def _near(place: Place, outer: Place, province: bool, countryside: bool = False) -> bool:
    """``place`` is near ``outer``; ``province``: the text may mean ``outer``'s province
    ("in Hama countryside", "in Deir-ez-Zor": a city named like its province);
    ``countryside``: the countryside of a town ("in the countryside of Ras al-Ain"), which
    reaches as far as a district's towns from its seat, across provinces too."""
    fcode = outer.feature_code or ""
    if fcode.startswith("PCL"):
        return place.country == outer.country
    same_admin1 = (place.country, place.admin1) == (outer.country, outer.admin1)
    if province or fcode in ("ADM1", "PPLA", "PPLC"):
        return same_admin1
    distance = km(place.latitude, place.longitude, outer.latitude, outer.longitude)
    if countryside and fcode != "ADM2":
        return place.country == outer.country and distance <= _NEAR_DISTRICT
    if fcode in ("ADM2", "PPLA2"):
        district = outer.name if fcode == "ADM2" else outer.admin2
        if place.admin2 and district:
            return same_admin1 and place.admin2 == district
        return same_admin1 and distance <= _NEAR_DISTRICT
    return distance <= _NEAR_TOWN


def _known_city(hit: Hit) -> bool:
    """A town named by its main name ("Crown Heights", not "Al-Qahera" for Cairo)."""
    assert hit.best is not None
    main = any(m for p, m in hit.cands if p.geonameid == hit.best.geonameid)
    return main and hit.best.population >= _KNOWN_TOWN


def _provincial(text: str, hit: Hit) -> bool:
    """The place may stand for its province: "X countryside", or a town named like it."""
    assert hit.best is not None
    if _COUNTRYSIDE.match(text, hit.end):
        return True
    town, area = keys(hit.best.name), keys(hit.best.admin1 or "")
    return town is not None and area is not None and town[0] == area[0]


def _linked(text: str, inner: Hit, outer: Hit) -> bool:
    """The text between two names says the first is in or near the second."""
    assert outer.best is not None
    link = text[inner.end : outer.start]
    area = outer.admin_cue or outer.best.feature_code in _AREAS
    if _CONTAINER.match(link) and (area or "(" in link):
        return True
    return len(link) <= _MAX_LINK and bool(_LINK.match(link)) and not _NOT_CONTAINED.search(link)


def _outer(text: str, hits: list[Hit], i: int, accepted: set[int]) -> int | None:
    """The place the place ``i`` is said to be in or near: the next one, or the one after
    it when the next is an area the gazetteer could not place ("X village, Y district of
    Z province", "X in Y in Z")."""
    for j in (i + 1, i + 2):
        if j >= len(hits) or hits[j].country:
            return None
        outer = hits[j]
        if outer.best is None or not _linked(text, hits[j - 1], outer):
            return None
        if j in accepted and not (outer.admin_cue and outer.best.feature_code not in _AREAS):
            return j
    return None


def check_nearness(text: str, hits: list[Hit], accepted: set[int]) -> set[int]:
    """Re-resolve or drop (returned indices) the accepted places named in or near another
    accepted place but resolved far from it."""
    dropped: set[int] = set()
    for i in sorted(accepted):
        inner = hits[i]
        if inner.country or inner.best is None:
            continue
        if inner.best.feature_code in _AREAS:
            continue
        j = _outer(text, hits, i, accepted)
        if j is None:
            continue
        outer = hits[j]
        assert outer.best is not None
        worded = any(c.isalpha() for c in text[inner.end : outer.start])
        if _known_city(inner) and (inner.best.country == outer.best.country or not worded):
            continue  # a big town is known well, unless said in words to lie in another country
        province = _provincial(text, outer)
        link = text[inner.end : outer.start]
        countryside = "countryside" in link
        if _near(inner.best, outer.best, province, countryside):
            _toward(inner, outer.best, link, province, countryside)
            continue
        options = (*inner.cands, *inner.loose_cands)
        near = [p for p, _ in options if _near(p, outer.best, province, countryside)]
        if near:
            vector = _direction(link)
            toward = [p for p in near if vector and _lies_toward(p, outer.best, vector)]
            inner.best = (toward or near)[0]  # candidates come most populous first
            inner.why = f"the homonym near {outer.surface}; " + inner.why
        else:
            dropped.add(i)
    return dropped


_DIRECTION_WORD = re.compile(r"(?i)\b(north|south)?-?(east|west)?(?:ern)?\b")
_COMPASS = {"north": (1.0, 0.0), "south": (-1.0, 0.0), "east": (0.0, 1.0), "west": (0.0, -1.0)}
# A place lies toward a direction from another when the angle between them is under 60°,
# and it is this far away at least (km): nearer, no direction tells.
_TOWARD_COS = 0.5
_TOWARD_MIN_KM = 3.0


def _direction(link: str) -> tuple[float, float] | None:
    """The unit vector (north, east) of the compass word of ``link`` ("in the southern
    countryside of", "north-west of"), if it has exactly one."""
    found = [
        m
        for m in _DIRECTION_WORD.finditer(link)
        if m.group(1) or m.group(2)  # the pattern also matches empty strings
    ]
    if len(found) != 1:
        return None
    words = [w.lower() for w in found[0].groups() if w]
    north = sum(_COMPASS[w][0] for w in words)
    east = sum(_COMPASS[w][1] for w in words)
    size = math.hypot(north, east)
    return north / size, east / size


def _lies_toward(place: Place, origin: Place, vector: tuple[float, float]) -> bool:
    north = place.latitude - origin.latitude
    east = (place.longitude - origin.longitude) * math.cos(math.radians(origin.latitude))
    size = math.hypot(north, east)
    if size * 111.0 < _TOWARD_MIN_KM:
        return False
    return (north * vector[0] + east * vector[1]) / size >= _TOWARD_COS


def _toward(inner: Hit, outer: Place, link: str, province: bool, countryside: bool) -> None:
    """Among the homonyms of ``inner`` near ``outer``, the one lying in the direction the
    ``link`` names ("in the southern countryside of", "in western", "north of"), when the
    chosen one does not and only one other place does (several: no telling)."""
    assert inner.best is not None
    vector = _direction(link)
    if vector is None or _lies_toward(inner.best, outer, vector):
        return
    chosen = inner.best
    toward = {
        p.geonameid: p
        for p, _ in inner.cands
        if p.geonameid != chosen.geonameid
        and _near(p, outer, province, countryside)
        and _lies_toward(p, outer, vector)
    }
    places = list(toward.values())
    if places and all(
        km(p.latitude, p.longitude, places[0].latitude, places[0].longitude) < 5 for p in places[1:]
    ):  # one place, maybe filed twice
        inner.best = places[0]
        inner.why = f"the homonym {link.strip()} {outer.name}; " + inner.why
