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
Places that only name an organisation ("Kansas Highway Patrol", "Hayat Tahrir al Sham") carry
``MODIFIER_WHY``. Named armed groups (``placeactors``) say the country of a report that names
none; ``placelists`` keeps the villages of one list in one province; ``placerespell`` matches
the spellings the index lacks; ``placementions`` turns the resolved names into
``PlaceMention``s. Homonyms no evidence tells apart go to the more populous, then to the seat.
"""

from __future__ import annotations

import bisect
import re

from conflictcoder import placeactors as actors
from conflictcoder import placecues as cues
from conflictcoder import placerank as rank
from conflictcoder.actors import ActorLexicon
from conflictcoder.gazetteer import Gazetteer
from conflictcoder.models import Place, PlaceMention, Sentence
from conflictcoder.placecontext import Context as _Context
from conflictcoder.placecountryname import LIST_NEXT, country_or_place
from conflictcoder.placecounty import place_counties, stand_in
from conflictcoder.placegenre import local_bonus
from conflictcoder.placelists import cohere_lists
from conflictcoder.placementions import MODIFIER_WHY, mentions
from conflictcoder.placenames import keys, same_spelling
from conflictcoder.placenear import check_nearness
from conflictcoder.placerecog import Hit as _Hit
from conflictcoder.placerecog import recognise as _recognise
from conflictcoder.placerespell import respell_unknown
from conflictcoder.placewords import plain_word

__all__ = ["MODIFIER_WHY", "find"]

# Places outside the article's countries with fewer people are taken for homonyms.
_MINOR_ABROAD = 5000
_PAREN_LINK = re.compile(
    r"^\s*(?:(?:district|county|province|governorate|lga|municipality|subdistrict|township|"
    r"tehsil|area|town|city|village)\s*)?\((?:[^()]{0,40},\s*)?$"
)
_ADMIN_CODES = ("ADM1", "ADM2")
# The rest of a name the index matched only in part: "Nala [Sopara] town (Palghar, Maharashtra)".
_NAME_REST = re.compile(
    r"^(?:\s+(?:[A-Z][\w'’-]*|(?:al|el|e|ad|ash|az|an|ar|at)(?:-[\w'’]+)?))+(?=[\s,(])"
)
# A kind of site before the link word: "the Omar [oil] field in", "Tabqa [military] airport in".
_SITE_WORD = re.compile(r"^\s+[a-z]+(?=\s+(?:field|fields|base|station|airport|mine|dam|plant)\b)")
# A direction before the container: "in [eastern] Deir-ez-Zor countryside".
_DIRECTION_END = re.compile(
    r"(?i)(\b(?:in|of|near)\s+(?:the\s+)?)"
    r"(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central)\s+$"
)
# A name spelled exactly as a city this large never means a variant spelling of another.
_FAMOUS = 500_000
# A dateline name borne by a city this large means that city.
_DATELINE_CITY = 300_000
# A town this large named like its province is the province's city ("Mogilev").
_CITY = 10_000
# "X countryside", "the countryside of X", "rural X": X has a countryside (a province or a town).
_COUNTRYSIDE_AFTER = re.compile(r"(?i)(?:['’]s)?\s+countryside\b")
_COUNTRYSIDE_BEFORE = re.compile(r"(?i)(?:\bcountryside\s+of(?:\s+the)?|\brural)\s+$")
_REGIONAL = frozenset({"ADM1", "ADM2", "PPLA", "PPLA2", "PPLC"})
_PROVINCIAL = frozenset({"ADM1", "PPLA", "PPLC"})
# Homonyms the evidence cannot tell apart (villages without population): the seat of a
# province or district first ("the town of Ras al-Ain" is the district's seat), then the
# one nearest the places the document is sure of.
_SEAT_RANK = {"PPLC": 4, "PPLA": 3, "PPLA2": 2, "PPLA3": 1}
# Where a province is named as the container of a place: "X, Province", "X (District, Province)".
_CONTAINER_BEFORE = re.compile(r"(?:[(,]|\bin)\s*$")


# ---------------------------------------------------------------- resolution


def _qualifier(
    text: str, hit: _Hit, hits: list[_Hit], index: int, direction: bool = True
) -> _Hit | None:
    """The place named as containing ``hit``: "Paris, Texas", "Sayda in Quneitra", "X in
    northern Hama" (with ``direction``)."""
    for nxt in hits[index + 1 : index + 3]:
        link = text[hit.end : nxt.start]
        if len(link) > 60:
            break
        if not hit.country:  # "Nala [Sopara] town (Palghar, ...)"; not "Iranian [IRGC] in X"
            link = _NAME_REST.sub("", link, count=1)
        link = _SITE_WORD.sub("", link, count=1)
        if direction and not nxt.country:  # "in western Yemen (District, Province)": not Yemen
            link = _DIRECTION_END.sub(r"\1", link, count=1)
        if cues.QUALIFIER_LINK.match(link) or _PAREN_LINK.match(link):
            if nxt.country or any(_is_region(p) for p, _ in nxt.cands):
                return None if _listed(text, nxt, hits) else nxt
    return None


def _listed(text: str, hit: _Hit, hits: list[_Hit]) -> bool:
    """``hit`` is one item of a list of places ("in Kabul, Ghor, Laghman and Kunar"), not
    the container of the place before it."""
    k = bisect.bisect_left(hits, hit.end, key=lambda h: h.start)  # hits are in text order
    after = hits[k] if k < len(hits) else None
    if after is None or after.country or after.start - hit.end > 8:
        return False
    return LIST_NEXT.match(text[hit.end : after.start]) is not None


def _mark_container(text: str, hit: _Hit, hits: list[_Hit], index: int) -> None:
    """A name given as the container of the place before it ("Baqim district (Sadah)",
    "Qarabagh district, Ghazni") is the province or district, not its namesake city."""
    # "X in northern Hama [countryside]" may still mean the city's countryside
    qual = _qualifier(text, hit, hits, index, direction=False)
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
            famous &= {p.country for p, _ in hit.cands if same_spelling(hit.surface, p.name)}
        if famous:  # "Paris" is never Perris, California
            hit.cands = tuple(
                (p, m)
                for p, m in hit.cands
                if not m or p.country in famous or same_spelling(hit.surface, p.name)
            )
        if _dateline(text, hit):  # "WASHINGTON (AP) —" is the capital, whatever the story's state
            known = tuple(
                (p, m)
                for p, m in hit.cands
                if p.population >= _DATELINE_CITY and (p.feature_code or "").startswith("PPL")
            )
            hit.cands = known or hit.cands
        ev = ctx.evidence(index, cues=hit.cued)
        no_city = not any(
            p.population >= rank.CITY and p.feature_code not in _ADMIN_CODES for p, _ in hit.cands
        )
        famous_in = frozenset(
            p.country or ""
            for p, _ in hit.cands
            if p.population >= rank.FAMOUS
            and p.feature_code not in _ADMIN_CODES
            and same_spelling(hit.surface, p.name)
        )
        cues_ = rank.Cues(hit.admin_cue, hit.settlement_cue, hit.loose, no_city, famous_in)
        spelling = rank.spelling(hit.surface) if hit.loose and len(hit.cands) > 1 else None
        scored = sorted(
            (
                (
                    rank.score(p, m, cues_, ev, None if qual is None else _qualifies(p, qual))
                    + (spelling(p) if spelling else 0.0),
                    (p.population, _SEAT_RANK.get(p.feature_code or "", 0), -k),
                    p,
                )
                for k, (p, m) in enumerate(hit.cands)
            ),
            reverse=True,
        )
        hit.score, (people, seat, _), hit.best = scored[0]
        tied = [s for s in scored[1:] if s[0] == hit.score and s[1][:2] == (people, seat)]
        if tied:  # homonyms nothing else tells apart: the nearest to the sure places
            hit.best = min((scored[0], *tied), key=lambda s: (_apart(s[2], ev), -s[1][2]))[2]
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


def _apart(place: Place, ev: rank.Evidence) -> float:
    """How far ``place`` lies from the nearest other place the document is sure of: of
    homonyms nothing else tells apart ("Bab al Khayr" in the countryside of Ras al-Ain),
    the nearest. A province or its capital ("Orikhove, Luhansk") stands for the province:
    no nearness to it."""
    return min(
        (rank.distance_km(place, o) for o in ev.others if o.feature_code not in _PROVINCIAL),
        default=0.0,
    )


def _home_votes(
    text: str, gazetteer: Gazetteer
) -> list[tuple[str, tuple[tuple[Place, bool], ...], str | None]]:
    """Names that say which provinces the report is about ("the OSCE SMM") vote for them as
    a place name would: their candidates are those provinces."""
    votes = []
    for said, iso2, provinces in actors.home_provinces(text):
        cands = tuple(
            (p, True)
            for name in provinces
            for p in gazetteer.lookup(name)
            if p.feature_code == "ADM1" and p.country == iso2 and p.admin1 == name
        )
        if cands:
            votes.append((said, cands, None))
    return votes


def _holds(starts: list[int], start: int, end: int) -> bool:
    """One of the sorted ``starts`` lies in ``[start, end)``."""
    k = bisect.bisect_left(starts, start)
    return k < len(starts) and starts[k] < end


def _dateline(text: str, hit: _Hit) -> bool:
    """The all-capitals dateline opening a line or following the headline's sentence
    ("WASHINGTON (AP) —", "Senate passes bill. WASHINGTON — ..."). News agencies write a
    city bare only when everyone knows it; local papers' datelines name local towns, which
    are no cities of ``_DATELINE_CITY`` people and keep their homonyms."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    before = text[line_start : hit.start].rstrip()
    return (
        hit.surface.isupper()
        and len(hit.surface) >= 4
        and (not before or before[-1] in ".!?")
        and cues.DATELINE_AFTER.match(text[hit.end : hit.end + 6]) is not None
    )


def _countryside(text: str, hit: _Hit) -> bool:
    """The text speaks of the countryside of the place ("Hama countryside", "the western
    countryside of Dar'a", "rural Idlib"): a province or a town that has one."""
    before = text[max(0, hit.start - 30) : hit.start]
    return bool(_COUNTRYSIDE_AFTER.match(text, hit.end) or _COUNTRYSIDE_BEFORE.search(before))


def _regional(place: Place) -> bool:
    """An admin area, a seat or a town large enough to have a countryside of its own."""
    return place.feature_code in _REGIONAL or place.population >= _CITY


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
    matched the district: GeoNames gives such towns no population, their districts one. A
    district known by its town's name ("Ma'arrat an Nu'man" for Al Ma'ra) means the town
    the name is the main name of."""
    names = keys(district.name)
    towns = [
        p
        for p, main in (*hit.cands, *hit.loose_cands)
        if p.feature_code not in _ADMIN_CODES
        and (p.country, p.admin1) == (district.country, district.admin1)
        and rank.distance_km(p, district) < 60
        and (k := keys(p.name)) is not None
        and names is not None
        and (k[0] == names[0] or k[1] == names[1] or (main and same_spelling(hit.surface, p.name)))
    ]
    order = {"PPLA": 0, "PPLA2": 1, "PPLA3": 2}
    towns.sort(key=lambda p: (order.get(p.feature_code or "", 3), -p.population))
    return towns[0] if towns else district


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


def _minor_alias(hit: _Hit) -> bool:
    """The best candidate matched only an alternate name of a small place ("Juan" for
    Juan-les-Pins): it may be kept, but it sets no context for the other places."""
    assert hit.best is not None
    main = next((m for p, m in hit.cands if p.geonameid == hit.best.geonameid), False)
    return not main and hit.best.population < rank.KNOWN_ALTERNATE


def _respelled(hit: _Hit) -> bool:
    """The best candidate matched its main name only up to spelling variants ("Halane" for
    Helena), or an alternate name of a small place."""
    assert hit.best is not None
    main = next((m for p, m in hit.cands if p.geonameid == hit.best.geonameid), False)
    if main:
        return not same_spelling(hit.surface, hit.best.name)
    return hit.best.population < rank.KNOWN_ALTERNATE


def _accept(hit: _Hit, index: int, ctx: _Context, text: str = "") -> bool:
    if hit.best is None:
        return False
    countries = ctx.countries(index, cues=hit.cued)
    in_ctx = not countries or hit.best.country in countries
    if hit.loose:
        if not countries:  # "the village of Kafr Khasher", one country has it: that one
            strong = hit.settlement_cue or hit.admin_cue
            return bool(strong) and len({p.country for p, _ in hit.cands}) == 1
        return hit.cued and hit.best.country in countries
    if not in_ctx and sum(countries.values()) >= 0.8 and hit.best.population < _MINOR_ABROAD:
        neighbour = any(hit.best.country in ctx.gazetteer.neighbours(c) for c in countries)
        others = ctx.other_places(index)
        if not neighbour or not others or min(rank.distance_km(hit.best, p) for p in others) > 300:
            return False  # a hamlet abroad, in an article about somewhere else: a homonym
    if not in_ctx and sum(countries.values()) >= 0.8 and _respelled(hit):
        return False  # a variant spelling of a place abroad: a homonym of a local place
    if text and plain_word(text, hit, _respelled(hit)):
        return False  # "Fear" as Pharr, "United Way", "Although": English words
    if hit.cued:
        return True
    return hit.score >= (1.5 if in_ctx else 2.5)


def find(
    text: str,
    sentences: tuple[Sentence, ...],
    gazetteer: Gazetteer,
    lexicon: ActorLexicon | None = None,
) -> tuple[PlaceMention, ...]:
    """Every place mention of ``text`` in text order, resolved against ``gazetteer``; the
    armed groups of ``lexicon`` (None: the bundled one) are country context."""
    hits, facilities = _recognise(text, gazetteer)
    starts = [s.start for s in sentences]
    groups = actors.named_groups(text, lexicon)
    inside = actors.within(groups)
    in_group = {i for i, h in enumerate(hits) if not h.country and inside(h.start, h.end)}
    for i in in_group:  # "Operation Olive Branch", "Hayat Tahrir al Sham": names of groups
        hits[i].modifier = True
    # a group whose name holds a country name ("Military Forces of Syria") says it once
    named_at = [h.start for h in hits if h.country]  # sorted, as hits are
    groups = tuple(g for g in groups if not _holds(named_at, g.start, g.end))
    groups += actors.regime_cues(text)
    ctx = _Context(
        {i: h.country for i, h in enumerate(hits) if h.country},
        [bisect.bisect_right(starts, h.start) - 1 for h in hits],
        gazetteer,
        tuple(
            (bisect.bisect_right(starts, g.start) - 1, g.country, g.weight, g.cue) for g in groups
        ),
        rank.Home(
            [(h.surface, h.cands, h.country[0] if h.country else None) for h in hits]
            + _home_votes(text, gazetteer)
        ),
        local_bonus(text),
    )
    for i, hit in enumerate(hits):
        _mark_container(text, hit, hits, i)
    for i, hit in enumerate(hits):
        iso2 = _province_country(text, hit)
        if iso2:
            ctx.mention(i, (iso2, "place"))
    for hit in hits:
        if not hit.country and hit.cands and _countryside(text, hit):
            hit.cands = tuple((p, m) for p, m in hit.cands if _regional(p)) or hit.cands
        if not hit.country and not hit.loose and hit.cands:
            hit.loose_cands = gazetteer.candidates(hit.surface, loose=True)
    cohere_lists(text, hits)
    _resolve(text, hits, ctx)
    sure = [
        i
        for i, h in enumerate(hits)
        if h.best is not None and not h.loose and not _minor_alias(h) and i not in in_group
    ]
    for i in sure:  # first the places whose country is certain, then the confident ones
        hit = hits[i]
        assert hit.best is not None
        tie = hit.margin < 1.0 and hit.rivals == {(hit.best.country, hit.best.admin1)}
        if tie and not ctx.mentions(i) and _accept(hit, i, ctx, text):
            # "Deir ez-Zor": the city, its province and its district tie; one country
            ctx.mention(i, (hit.best.country or "", "place"))
    for i in sure:
        if hits[i].margin >= 1.0 and _accept(hits[i], i, ctx, text):
            ctx.anchor(i, hits[i].best)
    for i in range(len(hits)):
        country_or_place(text, hits, i, ctx)
    known = {
        j: h.best
        for j, h in enumerate(hits)
        if h.best is not None and not h.loose and (j in ctx.anchors or ctx.mentions(j))
    }
    respell_unknown(hits, known, ctx.sentence_of, ctx.countries(-1), gazetteer)
    _resolve(text, hits, ctx)
    counties = place_counties(text, hits, dict(ctx.anchors), gazetteer)
    accepted = {i for i, h in enumerate(hits) if i in counties or _accept(h, i, ctx, text)}
    accepted -= check_nearness(text, hits, accepted)
    kept = [h for i, h in enumerate(hits) if h.country or i in accepted]
    unplaced = [h for i, h in enumerate(hits) if i not in accepted and _unplaced_county(h)]
    for i, hit in enumerate(hits):
        if not hit.country and i not in accepted:
            hit.best = None  # a facility is not named after a homonym abroad ("Koniko Gas Field")
    found = mentions(text, kept, facilities, gazetteer)
    if unplaced:
        found = sorted((*found, *map(_county_mention, unplaced)), key=lambda m: (m.start, -m.end))
    return tuple(found)


def _unplaced_county(hit: _Hit) -> bool:
    """ "Walker County" where the article does not say which state's: several states have
    one and ``place_counties`` could not choose."""
    return (
        hit.best is None
        and hit.admin_cue == "admin2"
        and len(hit.cands) > 1
        and all(stand_in(p) for p, _ in hit.cands)
    )


def _county_mention(hit: _Hit) -> PlaceMention:
    """A county named but not placed: a toponym with no place, rather than a guess."""
    return PlaceMention(
        start=hit.start,
        end=hit.end,
        text=hit.surface,
        place=None,
        kind="admin2",
        geo_precision=2,
        why="county of a state the article does not say",
    )
