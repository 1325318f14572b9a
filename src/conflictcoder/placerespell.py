"""Spellings the index does not know: "the village of Hdadiyeh ... in Al-Hasakah".

A name that context says is a place ("the town of X", "X village", "in X in Idleb
countryside") but that matches no key, or only a loose one outside the provinces the text
names, takes the town of those provinces (the same sentence's, else the document's) whose
name is spelled closest, when one is close enough and no other town there comes close; else
the only town there whose name starts with it ("Tokhar" for Tukhar Taymu). A loose match
outside the named provinces of its own country that finds no such town is dropped: the
event then falls back on the province. When the text names no province but its country is
plain (a country name, an armed group: "HTS took the town of Tweim"), the towns of the whole
country are searched, under the same rule.
"""

from __future__ import annotations

import difflib
from collections import Counter

from conflictcoder.gazetteer import Gazetteer
from conflictcoder.geometry import km
from conflictcoder.models import Place
from conflictcoder.placenames import keys
from conflictcoder.placerecog import Hit

# A spelling the index does not know matches a place of a province the text names when
# their variant keys are this similar (difflib ratio), and no other place there comes close.
_CLOSE_SPELLING = 0.85
_CLOSE_RIVAL = 0.05
_MAX_RESPELLED = 4
_SAME_PLACE_KM = 5.0
# Searching a whole country needs a plain country: this share of the document's evidence.
_PLAIN_COUNTRY = 0.75

Scored = list[tuple[float, int, float, float]]  # (likeness, geonameid, lat, lon)
Area = tuple[str | None, str | None]  # (country, admin1)


def respell_unknown(
    hits: list[Hit],
    known: dict[int, Place],
    sentence_of: list[int],
    countries: Counter[str],
    gazetteer: Gazetteer,
) -> None:
    """Give the context-named places of ``hits`` the index cannot spell a town of the
    provinces of the ``known`` places (hit index -> confident place), else of the country
    the document's ``countries`` evidence plainly names. Changes ``hits`` in place."""
    unknown = [
        i for i, h in enumerate(hits) if h.unknown or (h.loose and h.cued and not h.country)
    ][:_MAX_RESPELLED]
    for i in unknown:
        hit = hits[i]
        key = keys(hit.surface)
        if key is None or len(key[0]) < 4:
            continue
        same = [p for j, p in known.items() if sentence_of[j] == sentence_of[i]]
        areas = list(dict.fromkeys((p.country, p.admin1) for p in same or known.values()))[:2]
        if not hit.unknown:  # a loose match outside the named provinces: a shortened name?
            if hit.best is not None and (hit.best.country, hit.best.admin1) in areas:
                continue
            scored = _shortened(key[0], areas, gazetteer) or _closest(key[0], areas, gazetteer)
            if not scored or scored[0][0] < _CLOSE_SPELLING or _ambiguous(scored):
                if _village_elsewhere(hit.best, areas):
                    hit.cands, hit.best = (), None  # a consonant skeleton elsewhere: no match
                continue
        else:
            if not areas:
                areas = _country_areas(countries, gazetteer)
            scored = _closest(key[0], areas, gazetteer)
            if not scored or scored[0][0] < _CLOSE_SPELLING:
                scored = _shortened(key[0], areas, gazetteer)
            if _ambiguous(scored):
                continue  # two villages spelled alike (not one place filed twice): no telling
        if scored and (place := gazetteer.get(scored[0][1])) is not None:
            hit.cands, hit.loose, hit.cued = ((place, False),), True, True


def _village_elsewhere(place: Place | None, areas: list[Area]) -> bool:
    """A place matched by its consonant skeleton in a province the text does not name, of
    the country whose provinces it names: another village, which the index lacks."""
    return place is not None and {country for country, _ in areas} == {place.country}


def _country_areas(countries: Counter[str], gazetteer: Gazetteer) -> list[Area]:
    """Every province of the country the evidence plainly names (else none)."""
    total = sum(countries.values())
    if not total:
        return []
    iso2, weight = countries.most_common(1)[0]
    if weight / total < _PLAIN_COUNTRY:
        return []
    return [(iso2, name) for name in gazetteer.admin1_names(iso2)]


def _closest(key: str, areas: list[Area], gazetteer: Gazetteer) -> Scored:
    """Towns of ``areas`` spelled like ``key`` (ratio ≥ _CLOSE_SPELLING), best first."""
    scored: Scored = []
    matcher = difflib.SequenceMatcher(b=key, autojunk=False)
    for country, admin1 in areas:
        if not country or not admin1:
            continue
        for name, gid, lat, lon in gazetteer.area_names(country, admin1, key[0]):
            if name[0] != key[0]:
                continue
            matcher.set_seq1(name)
            if matcher.real_quick_ratio() < _CLOSE_SPELLING:
                continue
            if matcher.quick_ratio() >= _CLOSE_SPELLING:
                scored.append((matcher.ratio(), gid, lat, lon))
    scored.sort(reverse=True)
    return scored


def _ambiguous(scored: Scored) -> bool:
    """Another town, not the same one filed twice, is spelled nearly as well as the best."""
    if not scored:
        return False
    top = scored[0]
    return any(
        r > top[0] - _CLOSE_RIVAL and km(lat, lon, top[2], top[3]) > _SAME_PLACE_KM
        for r, _, lat, lon in scored[1:]
    )


def _shortened(key: str, areas: list[Area], gazetteer: Gazetteer) -> Scored:
    """The town of ``areas`` whose name starts with the words the text gives ("Tokhar" for
    Tukhar Taymu), as a one-entry score list when it is the only one (else none)."""
    found = [
        (1.0, gid, lat, lon)
        for country, admin1 in areas
        if country and admin1
        for head, gid, lat, lon in gazetteer.area_names(country, admin1, key[0], heads=True)
        if head == key
    ]
    if any(km(lat, lon, found[0][2], found[0][3]) > _SAME_PLACE_KM for _, _, lat, lon in found):
        return []  # several towns start so: no telling
    return found[:1]
