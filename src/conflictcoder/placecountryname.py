"""Country names that may name places: "Georgia", "Jordan", "Lebanon".

A country's name is the country unless the document is elsewhere: a province more populous
than the country ("Georgia" in a US story that names no country), a town of the province
the article's places are in, or, in a country's local news (``placegenre``) that names no
other country, that country's town of the name ("Terry Doe, 60, Lebanon, was arrested").
One item of a list of countries or regions ("China, Italy and Russia") stays a country.
Used by ``places`` after the sure places are anchored.
"""

from __future__ import annotations

import re

from conflictcoder.placecontext import Context
from conflictcoder.placehit import Hit
from conflictcoder.placeregions import REGION_CODES

# The link between two items of a list: ", ", ", and ", " and ", " or ".
LIST_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)$")
# In local news, a country's name is the paper's town of that name this large ("Lebanon").
_LOCAL_TOWN = 5000


def _among_countries(text: str, hits: list[Hit], index: int) -> bool:
    """Hit ``index`` is one item of a list of countries or regions ("the Middle East, Italy
    and Russia"): a country, whatever the article's home."""
    for k in (index - 1, index + 1):
        if not 0 <= k < len(hits) or k == index:
            continue
        other = hits[k]
        if not other.country and not any(p.feature_code in REGION_CODES for p, _ in other.cands):
            continue
        a, b = sorted((hits[index], other), key=lambda h: h.start)
        if LIST_NEXT.match(text[a.end : b.start]) or text[a.end : b.start] == ", ":
            return True
    return False


def country_or_place(text: str, hits: list[Hit], index: int, ctx: Context) -> None:
    """Read a country name as a place when the document is elsewhere ("Georgia", "Jordan");
    in a list of countries it stays a country."""
    hit = hits[index]
    if not hit.country or hit.country[1] == "demonym" or not hit.cands:
        return
    if _among_countries(text, hits, index):
        return
    named = hit.country[0]
    # Other mentions of the same name are no evidence for either reading.
    countries = ctx.other_countries(index, named)
    total = sum(countries.values())
    if named in countries:
        return
    if not total:  # nothing else said: a province more populous than the country (Georgia)
        country = ctx.gazetteer.country(named)
        people = country.population if country else 0
        local = tuple(
            (p, m)
            for p, m in hit.cands
            if (p.feature_code == "ADM1" and p.population > people)
            or (p.country in ctx.genre and p.population >= _LOCAL_TOWN)
        )  # or, in local news of a country, its town: "Jolly, 60, Lebanon, was arrested"
        if local:
            ctx.unmention(index)
            hit.country, hit.cands = None, local
        return
    admin1s = ctx.other_admin1s(index)
    local = tuple(
        (place, main)
        for place, main in hit.cands
        if countries.get(place.country or "", 0) / total >= 0.5
        and (place.feature_code == "ADM1" or (place.country, place.admin1) in admin1s)
        and (place.feature_code == "ADM1" or place.population >= 1000)
    )
    if local:
        ctx.unmention(index)
        hit.country, hit.cands = None, local
