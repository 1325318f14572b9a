"""Place resolution: every place an article names, resolved to GeoNames.

``placerecog`` finds the toponyms, facilities and cue words of the text. Resolution scores
each homonym by prominence (population, feature code, main name), the document's countries
and demonyms, admin qualifiers ("X, Texas", "X province") and nearness to the other
unambiguous places of the article. Facilities are resolved to the place they
are in; relative phrases ("north of Baghdad") give a ``relative`` mention, precision 2.

A name given as a container ("Baqim district (Sadah)") is read as the admin area, a bare
province name as its city ("Mogilev"), a country name as a province when the article is
elsewhere ("Georgia"). A context-named place the index cannot spell ("the village of
Hdadiyeh ... in Al-Hasakah") takes the closest-spelled town of the provinces the text names.
Places that only name an organisation ("Kansas Highway Patrol") carry ``MODIFIER_WHY``.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from dataclasses import dataclass

from conflictcoder import placecues as cues
from conflictcoder import placerank as rank
from conflictcoder.gazetteer import Gazetteer
from conflictcoder.geometry import km
from conflictcoder.models import Place, PlaceMention, Sentence
from conflictcoder.placecounty import place_counties
from conflictcoder.placenames import fold, keys, strip_articles
from conflictcoder.placenear import check_nearness
from conflictcoder.placerecog import Facility as _Facility
from conflictcoder.placerecog import Hit as _Hit
from conflictcoder.placerecog import recognise as _recognise

# Places outside the article's countries with fewer people are taken for homonyms.
_MINOR_ABROAD = 5000
_PAREN_LINK = re.compile(
    r"^\s*(?:(?:district|county|province|governorate|lga|municipality|subdistrict|township|"
    r"tehsil|area|town|city|village)\s*)?\((?:[^()]{0,40},\s*)?$"
)
_ADMIN_CODES = ("ADM1", "ADM2")
# A name spelled exactly as a city this large never means a variant spelling of another.
_FAMOUS = 500_000
# A town this large named like its province is the province's city ("Mogilev").
_CITY = 10_000
# Alternate names of places this large are trusted abroad; of smaller ones, not.
_KNOWN_ALIAS = 100_000
# ``why`` of a place named only as part of an organisation's name ("Kansas Highway Patrol"):
# a toponym, but no event location while the clause names another place.
MODIFIER_WHY = "names an organisation; "
# Where a province is named as the container of a place: "X, Province", "X (District, Province)".
_CONTAINER_BEFORE = re.compile(r"(?:[(,]|\bin)\s*$")


@dataclass(slots=True)
class _Context:
    """What the rest of the document says: country mentions and unambiguous places."""

    mentioned: dict[int, tuple[str, str]]  # hit index -> (country named or implied, kind)
    anchors: dict[int, Place]  # hit index -> its confident resolution
    sentence_of: list[int]  # hit index -> sentence index
    gazetteer: Gazetteer

    def _items(self, skip: int, sentence: int | None) -> list[tuple[str | None, str]]:
        def keep(i: int) -> bool:
            return i != skip and (sentence is None or self.sentence_of[i] == sentence)

        items = [(iso2, kind) for i, (iso2, kind) in self.mentioned.items() if keep(i)]
        items += [(p.country, "place") for i, p in self.anchors.items() if keep(i)]
        return items

    def countries(self, skip: int) -> Counter[str]:
        return rank.country_counts(self._items(skip, None))

    def evidence(self, skip: int) -> rank.Evidence:
        document = self.countries(skip)
        sentence = rank.country_counts(self._items(skip, self.sentence_of[skip]))
        neighbours = {n for iso2 in document for n in self.gazetteer.neighbours(iso2)}
        return rank.Evidence(
            sentence=sentence,
            document=document,
            neighbours=frozenset(neighbours - set(document)),
            admin1s=frozenset((p.country, p.admin1) for i, p in self.anchors.items() if i != skip),
            others=tuple(p for i, p in self.anchors.items() if i != skip),
        )


# ---------------------------------------------------------------- resolution


def _qualifier(text: str, hit: _Hit, hits: list[_Hit], index: int) -> _Hit | None:
    """The place named as containing ``hit``: "Paris, Texas", "Sayda in Quneitra"."""
    for nxt in hits[index + 1 : index + 3]:
        link = text[hit.end : nxt.start]
        if len(link) > 60:
            break
        if cues.QUALIFIER_LINK.match(link) or _PAREN_LINK.match(link):
            if nxt.country or any(_is_region(p) for p, _ in nxt.cands):
                return None if _listed(text, nxt, hits) else nxt
    return None


_LIST_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)$")


def _listed(text: str, hit: _Hit, hits: list[_Hit]) -> bool:
    """``hit`` is one item of a list of places ("in Kabul, Ghor, Laghman and Kunar"), not
    the container of the place before it."""
    after = next((h for h in hits if h.start >= hit.end), None)
    if after is None or after.country or after.start - hit.end > 8:
        return False
    return _LIST_NEXT.match(text[hit.end : after.start]) is not None


def _mark_container(text: str, hit: _Hit, hits: list[_Hit], index: int) -> None:
    """A name given as the container of the place before it ("Baqim district (Sadah)",
    "Qarabagh district, Ghazni") is the province or district, not its namesake city."""
    qual = _qualifier(text, hit, hits, index)
    if qual is None or qual.country or qual.admin_cue or qual.settlement_cue:
        return
    codes = {p.feature_code for p, _ in qual.cands}
    if "ADM1" in codes:
        qual.admin_cue = "admin1"
    elif "ADM2" in codes:
        qual.admin_cue = "admin2"


def _is_region(place: Place) -> bool:
    return place.feature_code in ("ADM1", "ADM2", "PPLA", "PPLC")


def _qualifies(place: Place, qual: _Hit) -> bool:
    if qual.country:
        return qual.country[0] == place.country
    for cand, _ in qual.cands:
        if cand.geonameid == place.geonameid:
            continue
        if cand.feature_code == "ADM2" and cand.admin2 and cand.admin2 == place.admin2:
            return True
        if _is_region(cand) and (cand.country, cand.admin1) == (place.country, place.admin1):
            return True
    return False


def _resolve(text: str, hits: list[_Hit], ctx: _Context) -> None:
    for index, hit in enumerate(hits):
        if hit.country or not hit.cands:
            continue
        qual = _qualifier(text, hit, hits, index)
        if qual is not None and not any(_qualifies(p, qual) for p, _ in hit.cands):
            inside = tuple((p, m) for p, m in hit.loose_cands if _qualifies(p, qual))
            if not inside:
                hit.best = None
                continue
            hit.cands, hit.loose = inside, True
        famous = {p.country for p, _ in hit.cands if p.population >= _FAMOUS}
        if famous:
            famous &= {p.country for p, _ in hit.cands if _spelled_as(hit.surface, p)}
        if famous:  # "Paris" is never Perris, California
            hit.cands = tuple(
                (p, m)
                for p, m in hit.cands
                if not m or p.country in famous or _spelled_as(hit.surface, p)
            )
        ev = ctx.evidence(index)
        cues_ = rank.Cues(hit.admin_cue, hit.settlement_cue, hit.loose)
        spelling = rank.spelling(hit.surface) if hit.loose and len(hit.cands) > 1 else None
        scored = sorted(
            (
                (
                    rank.score(p, m, cues_, ev, None if qual is None else _qualifies(p, qual))
                    + (spelling(p) if spelling else 0.0),
                    -k,
                    p,
                )
                for k, (p, m) in enumerate(hit.cands)
            ),
            reverse=True,
        )
        hit.score, _, hit.best = scored[0]
        if hit.best.feature_code == "ADM2" and not hit.admin_cue:
            hit.best = _namesake_seat(hit.best, hit)
        elif hit.best.feature_code == "ADM1" and not hit.admin_cue:
            hit.best = _capital_namesake(hit.best, hit)
        margin = hit.score - scored[1][0] if len(scored) > 1 else 9.0
        hit.margin = margin
        hit.rivals = frozenset((p.country, p.admin1) for sc, _, p in scored if sc >= hit.score - 1)
        hit.why = f"{len(scored)} candidate(s), score {hit.score:.1f}, margin {margin:.1f}"
        if hit.unknown:
            hit.why = "closest spelling among the towns of the named province; " + hit.why
        elif hit.loose:
            hit.why = "spelling variant (consonant skeleton); " + hit.why


# A spelling the index does not know matches a place of a province the text names when
# their variant keys are this similar (difflib ratio), and no other place there comes close.
_CLOSE_SPELLING = 0.85
_CLOSE_RIVAL = 0.05
_MAX_RESPELLED = 4
_SAME_PLACE_KM = 5.0


def _respell_unknown(hits: list[_Hit], ctx: _Context, gazetteer: Gazetteer) -> None:
    """Give a context-named place the index cannot spell ("the village of Hdadiyeh", "in
    Shiheil in Deir-ez-Zor countryside") the town of the same sentence's (else the
    document's) provinces whose name is spelled closest, when one is close enough, else the
    only one whose name starts with it; a loose match outside those provinces, that one."""
    unknown = [
        i for i, h in enumerate(hits) if h.unknown or (h.loose and h.cued and not h.country)
    ][:_MAX_RESPELLED]
    for i in unknown:
        hit = hits[i]
        key = keys(hit.surface)
        if key is None or len(key[0]) < 4:
            continue
        known = {
            j: h.best
            for j, h in enumerate(hits)
            if h.best is not None and not h.loose and (j in ctx.anchors or j in ctx.mentioned)
        }
        same = [p for j, p in known.items() if ctx.sentence_of[j] == ctx.sentence_of[i]]
        areas = list(dict.fromkeys((p.country, p.admin1) for p in same or known.values()))
        if not hit.unknown:  # a loose match outside the named provinces: a shortened name?
            if hit.best is not None and (hit.best.country, hit.best.admin1) in areas[:2]:
                continue
            scored = _shortened(key[0], areas[:2], gazetteer)
            if scored and (place := gazetteer.get(scored[0][1])) is not None:
                hit.cands, hit.loose, hit.cued = ((place, False),), True, True
            continue
        scored: list[tuple[float, int, float, float]] = []
        matcher = difflib.SequenceMatcher(b=key[0], autojunk=False)
        for country, admin1 in areas[:2]:
            if not country or not admin1:
                continue
            for name, gid, lat, lon in gazetteer.area_names(country, admin1, key[0][0]):
                if name[0] != key[0][0]:
                    continue
                matcher.set_seq1(name)
                if matcher.real_quick_ratio() < _CLOSE_SPELLING:
                    continue
                if matcher.quick_ratio() >= _CLOSE_SPELLING:
                    scored.append((matcher.ratio(), gid, lat, lon))
        scored.sort(reverse=True)
        if not scored or scored[0][0] < _CLOSE_SPELLING:
            scored = _shortened(key[0], areas[:2], gazetteer)
        if not scored:
            continue
        top = scored[0]
        if any(
            r > top[0] - _CLOSE_RIVAL and km(lat, lon, top[2], top[3]) > _SAME_PLACE_KM
            for r, _, lat, lon in scored[1:]
        ):
            continue  # two villages spelled alike (not one place filed twice): no telling
        place = gazetteer.get(scored[0][1])
        if place is not None:
            hit.cands, hit.loose, hit.cued = ((place, False),), True, True


def _shortened(
    key: str, areas: list[tuple[str | None, str | None]], gazetteer: Gazetteer
) -> list[tuple[float, int, float, float]]:
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


def _capital_namesake(province: Place, hit: _Hit) -> Place:
    """A bare name matching a province and its capital ("Mogilev", "Ivano-Frankivsk",
    "Idlib") names the city; "X province" keeps the province."""
    towns = [
        p
        for p, _ in hit.cands
        if p.feature_code not in _ADMIN_CODES
        and (p.country, p.admin1) == (province.country, province.admin1)
        and (p.feature_code in ("PPLA", "PPLC") or p.population >= _CITY)
    ]
    return max(towns, key=lambda p: p.population) if towns else province


def _namesake_seat(district: Place, hit: _Hit) -> Place:
    """The town a district is named after ("Ras al-Ain", "Quamishli"), when a bare name
    matched the district: GeoNames gives such towns no population, their districts one."""
    names = keys(district.name)
    towns = [
        p
        for p, _ in (*hit.cands, *hit.loose_cands)
        if p.feature_code not in _ADMIN_CODES
        and (p.country, p.admin1) == (district.country, district.admin1)
        and rank.distance_km(p, district) < 60
        and (k := keys(p.name)) is not None
        and names is not None
        and (k[0] == names[0] or k[1] == names[1])
    ]
    order = {"PPLA": 0, "PPLA2": 1, "PPLA3": 2}
    towns.sort(key=lambda p: (order.get(p.feature_code or "", 3), -p.population))
    return towns[0] if towns else district


def _country_or_place(hit: _Hit, index: int, ctx: _Context) -> None:
    """Read a country name as a place when the document is elsewhere ("Georgia", "Jordan")."""
    if not hit.country or hit.country[1] == "demonym" or not hit.cands:
        return
    named = hit.country[0]
    # Other mentions of the same name are no evidence for either reading.
    items = [
        (iso2, kind)
        for i, (iso2, kind) in ctx.mentioned.items()
        if i != index and (iso2 != named or kind not in ("name", "alias"))
    ]
    items += [(p.country, "place") for i, p in ctx.anchors.items() if i != index]
    countries = rank.country_counts(items)
    total = sum(countries.values())
    if named in countries:
        return
    if not total:  # nothing else said: a province more populous than the country (Georgia)
        country = ctx.gazetteer.country(named)
        people = country.population if country else 0
        local = tuple(
            (p, m) for p, m in hit.cands if p.feature_code == "ADM1" and p.population > people
        )
        if local:
            ctx.mentioned.pop(index, None)
            hit.country, hit.cands = None, local
        return
    admin1s = {(p.country, p.admin1) for i, p in ctx.anchors.items() if i != index}
    local = tuple(
        (place, main)
        for place, main in hit.cands
        if countries.get(place.country or "", 0) / total >= 0.5
        and (place.feature_code == "ADM1" or (place.country, place.admin1) in admin1s)
        and (place.feature_code == "ADM1" or place.population >= 1000)
    )
    if local:
        ctx.mentioned.pop(index, None)
        hit.country, hit.cands = None, local


def _province_country(text: str, hit: _Hit) -> str | None:
    """The country of a province named as a container ("Jalalpur, Gujarat", "(Sahar, Sadah)",
    "Borno State"), when every province of that name is in one country."""
    if hit.country or not hit.cands:
        return None
    if not (
        hit.admin_cue == "admin1"
        or _CONTAINER_BEFORE.search(text[max(0, hit.start - 4) : hit.start])
    ):
        return None
    found = {p.country for p, _ in hit.cands if p.feature_code == "ADM1"}
    return found.pop() if len(found) == 1 else None


def _spelled_as(surface: str, place: Place) -> bool:
    """``surface`` is the place's main name, up to accents, case and Arabic articles."""
    a, b = fold(surface), fold(place.name)
    return a is not None and b is not None and strip_articles(a) == strip_articles(b)


def _minor_alias(hit: _Hit) -> bool:
    """The best candidate matched only an alternate name of a small place ("Juan" for
    Juan-les-Pins): it may be kept, but it sets no context for the other places."""
    assert hit.best is not None
    main = next((m for p, m in hit.cands if p.geonameid == hit.best.geonameid), False)
    return not main and hit.best.population < _KNOWN_ALIAS


def _respelled(hit: _Hit) -> bool:
    """The best candidate matched its main name only up to spelling variants ("Halane" for
    Helena), or an alternate name of a small place."""
    assert hit.best is not None
    main = next((m for p, m in hit.cands if p.geonameid == hit.best.geonameid), False)
    if main:
        return not _spelled_as(hit.surface, hit.best)
    return hit.best.population < _KNOWN_ALIAS


def _accept(hit: _Hit, index: int, ctx: _Context) -> bool:
    if hit.best is None:
        return False
    countries = ctx.countries(index)
    in_ctx = not countries or hit.best.country in countries
    if hit.loose:
        if not countries:  # "the village of Kafr Khasher", one country has it: that one
            strong = hit.settlement_cue or hit.admin_cue
            return bool(strong) and len({p.country for p, _ in hit.cands}) == 1
        return hit.cued and hit.best.country in countries
    if not in_ctx and sum(countries.values()) >= 0.8 and hit.best.population < _MINOR_ABROAD:
        neighbour = any(hit.best.country in ctx.gazetteer.neighbours(c) for c in countries)
        others = [p for i, p in ctx.anchors.items() if i != index]
        if not neighbour or (others and min(rank.distance_km(hit.best, p) for p in others) > 300):
            return False  # a hamlet abroad, in an article about somewhere else: a homonym
    if not in_ctx and sum(countries.values()) >= 0.8 and _respelled(hit):
        return False  # a variant spelling of a place abroad: a homonym of a local place
    if hit.cued:
        return True
    return hit.score >= (1.5 if in_ctx else 2.5)


# ---------------------------------------------------------------- output


def _kind(place: Place) -> tuple[str, int]:
    if place.feature_code == "ADM1":
        return "admin1", 3
    if place.feature_code == "ADM2":
        return "admin2", 2
    return "populated", 1


def _mentions(
    text: str, hits: list[_Hit], facilities: list[_Facility], gazetteer: Gazetteer
) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for hit in hits:
        if hit.country:
            iso2, kind = hit.country
            why = "demonym" if kind == "demonym" else "country name"
            out.append(
                PlaceMention(
                    start=hit.start,
                    end=hit.end,
                    text=hit.surface,
                    place=gazetteer.country(iso2),
                    kind="country",
                    geo_precision=3,
                    why=why,
                )
            )
            continue
        assert hit.best is not None
        if hit.admin_cue and hit.best.feature_code not in _ADMIN_CODES:
            out.append(
                PlaceMention(
                    start=hit.start,
                    end=hit.end,
                    text=hit.surface,
                    place=None,
                    kind=hit.admin_cue,
                    geo_precision=3 if hit.admin_cue == "admin1" else 2,
                    why="admin area not in the gazetteer",
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
                    place=hit.best,
                    kind="relative",
                    geo_precision=max(rel_precision, precision),
                    why=f"relative to {hit.surface}",
                )
            )
    for facility in facilities:
        out.append(_facility_mention(text, facility, hits))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _facility_mention(text: str, facility: _Facility, hits: list[_Hit]) -> PlaceMention:
    surface = text[facility.start : facility.end]
    inner = [h for h in facility.inner if h.best is not None]
    place, precision, why = None, 1, "facility, place not found"
    if inner:
        place, why = inner[0].best, f"facility named after {inner[0].surface}"
    else:
        for hit in hits:
            if hit.start < facility.end or hit.best is None:
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
    return PlaceMention(
        start=facility.start,
        end=facility.end,
        text=surface,
        place=place,
        kind="facility",
        geo_precision=precision,
        why=why,
    )


def find(
    text: str, sentences: tuple[Sentence, ...], gazetteer: Gazetteer
) -> tuple[PlaceMention, ...]:
    """Every place mention of ``text`` in text order, resolved against ``gazetteer``."""
    hits, facilities = _recognise(text, gazetteer)
    starts = [s.start for s in sentences]
    ctx = _Context(
        {i: h.country for i, h in enumerate(hits) if h.country},
        {},
        [bisect.bisect_right(starts, h.start) - 1 for h in hits],
        gazetteer,
    )
    for i, hit in enumerate(hits):
        _mark_container(text, hit, hits, i)
    for i, hit in enumerate(hits):
        iso2 = _province_country(text, hit)
        if iso2:
            ctx.mentioned[i] = (iso2, "place")
    for hit in hits:
        if not hit.country and not hit.loose and hit.cands:
            hit.loose_cands = gazetteer.candidates(hit.surface, loose=True)
    _resolve(text, hits, ctx)
    for i, hit in enumerate(hits):
        if hit.best is None or hit.loose or _minor_alias(hit) or not _accept(hit, i, ctx):
            continue
        if hit.margin >= 1.0:
            ctx.anchors[i] = hit.best
        elif hit.rivals == {(hit.best.country, hit.best.admin1)} and i not in ctx.mentioned:
            # "Deir ez-Zor": the city, its province and its district tie; one country
            ctx.mentioned[i] = (hit.best.country or "", "place")
    for i, hit in enumerate(hits):
        _country_or_place(hit, i, ctx)
    _respell_unknown(hits, ctx, gazetteer)
    _resolve(text, hits, ctx)
    counties = place_counties(text, hits, ctx.anchors, gazetteer)
    accepted = {i for i, h in enumerate(hits) if i in counties or _accept(h, i, ctx)}
    accepted -= check_nearness(text, hits, accepted)
    kept = [h for i, h in enumerate(hits) if h.country or i in accepted]
    return tuple(_mentions(text, kept, facilities, gazetteer))
