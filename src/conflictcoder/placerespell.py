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

A name cued as a place that the index spells exactly only as places outside the country
the document plainly names ("the Kabani area" in a report on Syria; Kabani is in Myanmar)
takes the place of that country its consonant skeleton matches, when that one is spelled
clearly closest (Kabanah). A loose match in a document that names no country and no sure
place keeps only the candidate spelled clearly closest, if one is ("Khan Shaykun").
"""

from __future__ import annotations

import difflib
from collections import Counter

from conflictcoder.gazetteer import Gazetteer
from conflictcoder.geometry import km
from conflictcoder.models import Place
from conflictcoder.placenames import keys
from conflictcoder.placerank import EVIDENCE, likeness
from conflictcoder.placerecog import Hit

# A spelling the index does not know matches a place of a province the text names when
# their variant keys are this similar (difflib ratio), and no other place there comes close.
_CLOSE_SPELLING = 0.85
_CLOSE_RIVAL = 0.05
_MAX_RESPELLED = 4
# A consonant-skeleton match is taken for the name when their variant keys are this alike
# and no other place comes within ``_LOOSE_RIVAL`` of it.
_CLOSE_LOOSE = 0.8
_LOOSE_RIVAL = 0.05
_SAME_PLACE_KM = 5.0
# A city this populous named exactly is that city, even in a report about another country.
_KNOWN_CITY = 100_000
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
    homes = {i: _abroad_home(h, countries, known.get(i)) for i, h in enumerate(hits)}
    unknown = [
        i
        for i, h in enumerate(hits)
        if h.unknown or (h.loose and h.cued and not h.country) or homes[i]
    ][:_MAX_RESPELLED]
    for i in unknown:
        hit = hits[i]
        key = keys(hit.surface)
        if key is None or len(key[0]) < 4:
            continue
        others = [(j, p) for j, p in known.items() if j != i]
        same = [p for j, p in others if sentence_of[j] == sentence_of[i]]
        areas = list(dict.fromkeys((p.country, p.admin1) for p in same or dict(others).values()))
        areas = areas[:2]
        home = homes[i]
        if home is not None:  # spelled as places abroad only: "the Kabani area"
            _respell_at_home(hit, key[0], home, areas, gazetteer)
            continue
        if hit.loose and not areas and not countries:
            _likeliest(hit, key[0])  # nothing says where: the one spelled alike, if only one
            continue
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


def _plain_country(countries: Counter[str]) -> str | None:
    """The country the document's evidence plainly names (``_PLAIN_COUNTRY`` of it), if any."""
    total = sum(countries.values())
    if not total:
        return None
    iso2, weight = countries.most_common(1)[0]
    return iso2 if weight / total >= _PLAIN_COUNTRY else None


def _without(countries: Counter[str], place: Place | None) -> Counter[str]:
    """The document's country evidence without what a confidently resolved ``place`` added
    (a resolved place weighs 0.8, as ``placerank.EVIDENCE`` says)."""
    if place is None or not place.country:
        return countries
    less = Counter(countries)
    less[place.country] -= EVIDENCE["place"]
    return Counter({iso2: w for iso2, w in less.items() if w > 1e-9})


def _abroad_home(hit: Hit, countries: Counter[str], anchored: Place | None) -> str | None:
    """The country the document plainly names (without what ``hit`` itself, resolved as
    ``anchored``, adds), when ``hit`` is a name cued as a place whose exact homonyms all lie
    outside it ("clashes in the Kabani area" in a Syrian report: Kabani is in Myanmar)."""
    if not hit.cued or hit.loose or hit.unknown or hit.country or not hit.cands:
        return None
    if max(p.population for p, _ in hit.cands) >= _KNOWN_CITY:
        return None  # "Mosul" in a report that also covers Yemen is Mosul, not a misspelling
    home = _plain_country(_without(countries, anchored))
    if home is None or any(p.country == home for p, _ in hit.cands):
        return None
    return home


def _best_spelled(options: list[Place], key: str) -> Place | None:
    """The place of ``options`` whose main name is spelled like ``key`` (ratio ≥
    ``_CLOSE_LOOSE``) clearly better than any other place of them, else None."""
    ratio = likeness(key)
    scored = sorted(((ratio(p), p) for p in options), key=lambda s: -s[0])
    if not scored or scored[0][0] < _CLOSE_LOOSE:
        return None
    top, best = scored[0]
    for other, place in scored[1:]:
        if other > top - _LOOSE_RIVAL and _apart(place, best):
            return None
    return best


def _apart(a: Place, b: Place) -> bool:
    return km(a.latitude, a.longitude, b.latitude, b.longitude) > _SAME_PLACE_KM


def _respell_at_home(
    hit: Hit, key: str, home: str, areas: list[Area], gazetteer: Gazetteer
) -> None:
    """Give a name spelled only as places abroad the place of the document's country its
    consonant skeleton matches and whose spelling is clearly the closest ("Kabani" is
    Kabanah), if there is one; in the provinces of the document's sure places (``areas``)
    when it has some."""

    def at_home(place: Place) -> bool:
        return place.country == home and (not areas or (place.country, place.admin1) in areas)

    options = [p for p, _ in hit.loose_cands if at_home(p)]
    if not options:  # the loose candidates were another transliteration's, abroad too
        options = [p for p, _ in gazetteer.skeleton_candidates(hit.surface) if at_home(p)]
    best = _best_spelled(options, key)
    if best is not None:
        hit.cands, hit.loose, hit.cued = ((best, False),), True, True


def _likeliest(hit: Hit, key: str) -> None:
    """A loose match in a document that names no country and no sure place: only the
    candidate spelled clearly closest ("Khan Shaykun" is Khan Shaykhun), if there is one."""
    best = _best_spelled([p for p, _ in hit.cands], key)
    if best is not None:
        hit.cands = tuple((p, m) for p, m in hit.cands if p.geonameid == best.geonameid)


def _village_elsewhere(place: Place | None, areas: list[Area]) -> bool:
    """A place matched by its consonant skeleton in a province the text does not name, of
    the country whose provinces it names: another village, which the index lacks."""
    return place is not None and {country for country, _ in areas} == {place.country}


def _country_areas(countries: Counter[str], gazetteer: Gazetteer) -> list[Area]:
    """Every province of the country the evidence plainly names (else none)."""
    iso2 = _plain_country(countries)
    return [(iso2, name) for name in gazetteer.admin1_names(iso2)] if iso2 else []


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
