"""Place recognition: the toponyms, facilities and cues of a text, before resolution.

Recognition walks the capitalised runs of the text ("Deir ez-Zor", "al-Hasakah", "Gweiran
Prison", "U.S.", "W. Va.") and splits each, longest match first, into continents and regions
(``placeregions``), country names, demonyms and gazetteer names. Spelling variants come from
``placenames``; consonant-skeleton matches (``placeloose``) are taken only where the context
says a place is named ("the village of X", "X province", "in X, Idlib"). Capitalised words
that are common words, people or organisations are left alone; a name read as a person's
("Greer said") is dropped elsewhere in the text unless read as a place as often. Places
opening an organisation's name ("Kansas Highway Patrol") are kept as modifiers. ``places``
resolves the resulting ``Hit``s (``placehit``) and writes the mentions.
"""

from __future__ import annotations

import re
from collections import Counter

from conflictcoder import placecues as cues
from conflictcoder import placeregions
from conflictcoder.gazetteer import Gazetteer
from conflictcoder.models import Place
from conflictcoder.placecounty import county_candidates, county_name
from conflictcoder.placehit import (
    Facility,
    Hit,
    country_hit,
    exact,
    is_common,
    mark_cues,
    named_as_place,
)
from conflictcoder.placeloose import (
    AYN,
    PREFIX,
    loose_hits,
    qualified_name,
    whole_loose,
    whole_name,
)
from conflictcoder.placeloose import compound_end as _compound_end
from conflictcoder.placenames import ARTICLES, fold, same_spelling
from conflictcoder.placepeople import (
    TITLES,
    given_country,
    modifier_split,
    person_like,
    surname,
)
from conflictcoder.placepoints import repoint

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# An ayn or hamza may open a name ("Abu 'Isa", "al-'Umar"); kept only inside a run.
# Initials with dots ("U.S.", "D.C.", "W. Va.") are one token.
_DOTTED = r"[A-Z]\.(?:\s?[A-Z][a-z]?\.)+(?!\w)"
# Letters go on through combining accents written apart ("Mos\u0301ul").
_LETTERS = "\\w\u0300-\u036f'’"
_TOKEN = re.compile(
    rf"{_DOTTED}|(?:{PREFIX}|\b(?:al|el) (?=[{_UPPER}]))?['’‘ʿ]?[{_UPPER}][{_LETTERS}]*"
    rf"(?:[-‐]\w[{_LETTERS}]*)*"
)
# "the Luhansk People's Militia": a possessive followed by an organisation's head noun.
_ORG_POSSESSIVE = re.compile(r"^['’]s\s+(?:[A-Z]\w+\s+){0,2}?([A-Z]\w+)")
_CONNECTORS = frozenset(ARTICLES | {"de", "del", "della", "di", "da", "do", "dos", "du", "la"})
_CONNECTORS = _CONNECTORS | {"le", "les", "bin", "ibn", "bani", "abu", "y"}
_POSSESSIVE = re.compile(r"['’][sS]$")
_WORDS = re.compile(r"[\w'’-]+")
_MAX_TOKENS = 6
_PARTY = re.compile(r"(?:^|[\s(,])(?:[DRI]|DFL)[-‐]$")  # "R-Elbow Lake", "DFL-Cook"
_PARTY_TOKEN = re.compile(r"^(?:[DRI]|DFL)[-‐](?=[A-Z])")
# Connectors that are also English words: "Paris as Real Madrid", "a Market at Makeen" are
# two names unless the gazetteer has one spelled across them ("Tall as Sabt").
_ENGLISH_CONNECTORS = frozenset({"as", "at", "an", "us"})
# Endings of English common words, rare in given names: "Historic Dublin", "Generation
# Charleston", "Connecting California" are no people.
# Heads of holidays: "Memorial Day", "Lincoln Day Dinner" name no place but a country's.
_EVENT_HEADS = frozenset({"day", "eve"})


def _runs(text: str) -> list[list[tuple[int, int]]]:
    """Capitalised token runs; lower-case articles may link tokens ("Dayr az Zawr")."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        party = _PARTY_TOKEN.match(match.group())
        if party:
            start += party.end()  # "R-Elbow" of "R-Elbow Lake": the district is Elbow Lake
        if start and text[start - 1] in "-‐" and not _PARTY.search(text[max(0, start - 5) : start]):
            continue  # "pro-Hadi", "anti-Houthi": a people or a faction, not a place
        if text[start] in AYN and not (current and text[current[-1][1] : start] == " "):
            start += 1  # a quote mark, not an ayn: "the so-called 'Islamic State'"
        poss = _POSSESSIVE.search(match.group())
        if poss:
            end -= 2
        if current:
            gap = text[current[-1][1] : start]
            words = gap.split()
            linked = gap.startswith(" ") and gap.endswith(" ") and len(gap) <= 12
            if _caps_break(text[current[-1][0] : current[-1][1]], text[start:end]):
                runs.append(current)
                current = []
            elif not (
                gap == " "
                or (linked and all(w in _CONNECTORS for w in words))
                or (gap == ". " and current[-1][1] - current[-1][0] == 1)  # "George W. Bush"
            ):
                runs.append(current)
                current = []
        current.append((start, end))
        if poss:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _english_split(
    text: str, run: list[tuple[int, int]], gazetteer: Gazetteer, lower_words: set[str]
) -> list[list[tuple[int, int]]]:
    """A run linked by an English word ("Paris as Real Madrid", "Market at Makeen") split
    there, unless one gazetteer name spans the link ("Tall as Sabt")."""
    cuts = [
        k
        for k in range(1, len(run))
        if set(text[run[k - 1][1] : run[k][0]].split()) & _ENGLISH_CONNECTORS
    ]
    if not cuts:
        return [run]
    hits, _ = _segment(text, run, gazetteer, lower_words)
    cuts = [k for k in cuts if not any(h.start < run[k - 1][1] and run[k][0] < h.end for h in hits)]
    edges = [0, *cuts, len(run)]
    return [run[a:b] for a, b in zip(edges, edges[1:], strict=False)]


def _caps_break(previous: str, token: str) -> bool:
    """An all-capitals word before a mixed-case one ends a run: the dateline of "WASHINGTON
    Barack Obama pardoned..." is not part of the name after it."""
    return len(previous) >= 3 and previous.isupper() and "." not in previous and not token.isupper()


def _segment(
    text: str, run: list[tuple[int, int]], gazetteer: Gazetteer, lower_words: set[str]
) -> tuple[list[Hit], list[tuple[int, int]]]:
    """Longest-first split of a run into hits; returns hits and unmatched token ranges."""
    hits: list[Hit] = []
    leftovers: list[tuple[int, int]] = []
    i, n = 0, len(run)
    ahead: tuple[int, list[Hit]] | None = None  # the match at ``i`` when already looked up
    while i < n:
        compound = _compound_end(text, run, i)
        whole = whole_name(text, run, i, compound, gazetteer, lower_words)
        if whole is not None:
            hits.append(whole)
            i, ahead = compound, None
            continue
        found = ahead or _longest(text, run, i, gazetteer, lower_words)
        ahead = None
        if found and i + 1 < n and (fold(text[run[i][0] : run[i][1]]) or "") == "the":
            later = ahead = _longest(text, run, i + 1, gazetteer, lower_words)
            if later and (
                later[0] > found[0]  # "The New York Times": not a place "The New"
                or (later[0] == found[0] and exact(later[1]) and not exact(found[1]))
            ):  # "The EU": the region, not a village "EU" with "The" dropped
                found = None
        if found:
            i = found[0]
            hits.extend(found[1])
            ahead = None
            continue
        if leftovers and leftovers[-1][1] == i:
            leftovers[-1] = (leftovers[-1][0], i + 1)
        else:
            leftovers.append((i, i + 1))
        i += 1
    return hits, leftovers


def _country_word(text: str, start: int, surface: str, gazetteer: Gazetteer) -> bool:
    """A country's name even where the text also has the word in lower case ("US" and "us",
    "Turkey" and "turkey"): in capitals, or capitalised inside a sentence."""
    if country_hit(gazetteer, surface) is None:
        return False
    opening = re.search(r"(?:^|[.!?:\"“‘(]\s*|\n\s*)$", text[max(0, start - 4) : start])
    return surface.isupper() or opening is None


def _country_first(
    text: str, token: tuple[int, int], cands: tuple[tuple[Place, bool], ...], gazetteer: Gazetteer
) -> bool:
    """The first word names a country and no candidate's name starts with it."""
    word = text[token[0] : token[1]]
    if country_hit(gazetteer, word) is None:
        return False
    head = fold(word) or ""
    return not any((fold(p.name) or "").startswith(head) for p, _ in cands)


def _whole_region(run: list[tuple[int, int]], hits: list[Hit]) -> bool:
    """One country or region names the run to its end: "the European Union", "Soviet Union"."""
    return len(hits) == 1 and hits[0].end == run[-1][1] and exact(hits)


def _longest(
    text: str, run: list[tuple[int, int]], i: int, gazetteer: Gazetteer, lower_words: set[str]
) -> tuple[int, list[Hit]] | None:
    """The longest name starting at token ``i``: the token after it and its hits."""
    for j in range(min(len(run), i + _MAX_TOKENS), i, -1):
        start, end = run[i][0], run[j - 1][1]
        surface = text[start:end]
        if j - i == 1 and (
            (is_common(surface, lower_words) and not _country_word(text, start, surface, gazetteer))
            or (text[end : end + 1] == "." and fold(surface) in TITLES)
        ):
            continue  # a common word, or a title ("Sen.", "Gov.")
        if j > i + 1 and (fold(text[run[j - 1][0] : end]) or "") in ARTICLES:
            continue  # "Sahm El" of "Sahm El Golan": a name does not end in an article
        region = placeregions.lookup(surface)
        if region is not None:  # "Europe", "the EU", "Middle East"
            return j, [Hit(start, end, surface, cands=(region,))]
        country = country_hit(gazetteer, surface)
        acronym = " " not in surface and (
            (surface.isupper() and len(surface) <= 6)
            or (len(surface) <= 5 and not surface[1:].islower())  # "JaS", "LaF"
        )
        if acronym and len(surface) >= 4 and surface.isalpha():
            acronym = not cues.DATELINE_AFTER.match(text[end : end + 6])
            if acronym and _line_dateline(text, start, surface, gazetteer):
                acronym = False  # "LONDON\nThe Latest on ...": a city opening the story
        cands = () if acronym else gazetteer.candidates(surface)
        if surface in cues.CITY_ABBREVIATIONS:
            cands = gazetteer.candidates(cues.CITY_ABBREVIATIONS[surface])
        if cands and j > i + 1 and not country and _country_first(text, run[i], cands, gazetteer):
            continue  # "US Ambassador" is no village "Ambasador": the country, then a title
        if country or cands:
            return j, [Hit(start, end, surface, country=country, cands=cands)]
        hyphenated = j - i == 1 and not acronym and ("-" in surface or "‐" in surface)
        parts = _hyphen_parts(text, start, end, gazetteer, lower_words) if hyphenated else []
        if parts:
            return j, parts
    return None


# A capitalised city this large alone at the start of a line is a dateline, not an acronym.
_DATELINE_CITY = 300_000


def _line_dateline(text: str, start: int, surface: str, gazetteer: Gazetteer) -> bool:
    """An all-capitals word opening a line that spells a city of ``_DATELINE_CITY`` people
    ("LONDON The Latest on ..."): agencies' datelines; "NATO", "ISIS" spell no such city."""
    if text[text.rfind("\n", 0, start) + 1 : start].strip():
        return False
    return any(
        p.population >= _DATELINE_CITY
        and (p.feature_code or "").startswith("PPL")
        and same_spelling(surface, p.name)
        for p, _ in gazetteer.candidates(surface)
    )


_HYPHEN_PART = re.compile(r"[^-‐]+")


def _hyphen_parts(text: str, start: int, end: int, gazetteer: Gazetteer, lower_words) -> list[Hit]:
    """Places inside a hyphenated word that is no name itself: "Fargo-Moorhead",
    "Syrian-Turkish", "Washington-based". Arabic articles ("al-", "ez-") never split off."""
    out: list[Hit] = []
    for part in _HYPHEN_PART.finditer(text, start, end):
        word = part.group()
        folded = fold(word) or ""
        if not word[0].isupper():
            continue  # "-based", "-led"
        country = country_hit(gazetteer, word)  # "Egyptian-US", "DPRK-U.S."
        if not country and (len(word) < 3 or folded in ARTICLES or is_common(word, lower_words)):
            return []
        cands = () if country or word.isupper() else gazetteer.candidates(word)
        if not (country or cands):
            return []  # "Ould-Abdallah": a person's name, not places
        out.append(Hit(part.start(), part.end(), word, country=country, cands=cands))
    return out


# Heads of names that open with the place they serve ("Kanawha Circuit Court").
_NAMED_AFTER_PLACES = cues.ORG_HEADS | cues.CIVIC_HEADS | cues.FACILITY_HEADS


def _truncated(text, run, hit: Hit, leftovers, lower_words) -> bool:
    """A hit that is only the start of a longer unknown name ("Unidad" of "Unidad Vecinal")."""
    if hit.country:
        return False
    head = fold(text[run[-1][0] : run[-1][1]]) or ""
    if head in _NAMED_AFTER_PLACES:
        return False  # "Grovetown Department", "Byesville Volunteer Fire Department"
    for i, _ in leftovers:
        if run[i][0] > hit.end and text[hit.end : run[i][0]].strip() == "":
            word = text[run[i][0] : run[i][1]]
            folded = fold(word) or ""
            if is_common(word, lower_words) or folded in cues.FACILITY_HEADS or "." in word:
                return False
            return max((p.population for p, _ in hit.cands), default=0) < 100_000
    return False


def recognise(text: str, gazetteer: Gazetteer) -> tuple[list[Hit], list[Facility]]:
    lower_words = {w for w in _WORDS.findall(text) if w.islower()}
    hits: list[Hit] = []
    facilities: list[Facility] = []
    people: Counter[str] = Counter()  # names read as people's, by how often
    placed: Counter[str] = Counter()  # names read as places (by cues or as seats), how often
    runs = [
        part for run in _runs(text) for part in _english_split(text, run, gazetteer, lower_words)
    ]
    for run in runs:
        run_hits, leftovers = _segment(text, run, gazetteer, lower_words)
        last = fold(text[run[-1][0] : run[-1][1]]) or ""
        head = last.split()[-1] if last else ""
        for hit in run_hits:
            mark_cues(text, hit)
        run_hits = [
            h
            for h in run_hits
            if not _truncated(text, run, h, leftovers, lower_words)
            and (h.country or not cues.NOT_PLACE_AFTER.match(text, h.end))
        ]
        if head in cues.FACILITY_HEADS and len(run) >= 2:
            inner = [h for h in run_hits if h.end <= run[-1][0]]
            facilities.append(Facility(run[0][0], run[-1][1], inner))
            hits.extend(h for h in inner if h.cands and not h.country)
            continue
        split_at = modifier_split(text, run, run_hits)
        if split_at:
            kept = [h for h in run_hits if h.end <= run[split_at - 1][1]]
            hits.extend(kept)
            placed.update(h.surface for h in kept)
            if (fold(text[run[split_at][0] : run[split_at][1]]) or "") in TITLES:
                people.update(text[s:e] for s, e in run[split_at + 1 :])
            continue
        if head in _EVENT_HEADS and len(run) >= 2:  # "Thanksgiving Day", "Canada Day"
            hits.extend(h for h in run_hits if h.country)
            continue
        org = _ORG_POSSESSIVE.match(text[run[-1][1] : run[-1][1] + 60])
        if org and head == "people" and (fold(org.group(1)) or "") in cues.ORG_HEADS:
            hits.extend(h for h in run_hits if h.country)
            continue
        if head in cues.ORG_HEADS and len(run) >= 2 and not _whole_region(run, run_hits):
            hits.extend(h for h in run_hits if h.country)
            seat = _org_seat(text, run, run_hits, head)
            hits.extend(seat)
            placed.update(h.surface for h in seat)
            continue
        whole = qualified_name(text, run, gazetteer) or whole_loose(
            text, run, leftovers, run_hits, gazetteer
        )
        if whole is not None:
            hits.append(whole)
            continue
        if person_like(text, run, leftovers, run_hits, lower_words):
            if not given_country(text, run, run_hits, leftovers, lower_words):
                hits.extend(h for h in run_hits if h.country)
            people[surname(text, run)] += 1
            continue
        hits.extend(run_hits)
        placed.update(h.surface for h in run_hits if h.cued)
        hits.extend(loose_hits(text, run, leftovers, gazetteer, lower_words))
    # A name read as a person's at least as often as a place's is a person's everywhere
    # ("Greer said" ... "Greer"), unless the context says a place ("in Greer").
    hits = [
        h
        for h in hits
        if h.country or people[h.surface] < max(1, placed[h.surface]) or named_as_place(text, h)
    ]
    abbreviations = [
        a
        for a in _abbreviation_hits(text, gazetteer)
        if not any(
            h.start <= a.start and a.end <= h.end and h.end - h.start > a.end - a.start
            for h in hits
        )  # "Washington D.C." is one name
    ]
    hits = [h for h in hits if not any(a.start < h.end and h.start < a.end for a in abbreviations)]
    hits.extend(abbreviations)
    # "the high US dollar exchange rate": a currency is no evidence of where a report is
    hits = [h for h in hits if not (h.country and cues.CURRENCY_AFTER.match(text, h.end))]
    hits.sort(key=lambda h: h.start)
    for hit in hits:
        _counties(text, hit, gazetteer)
        hit.cands = repoint(hit.cands)  # the centres of large provinces
    return hits, facilities


def _counties(text: str, hit: Hit, gazetteer: Gazetteer) -> None:
    """A county with no point in the index ("Walker County"): the counties of that name of
    every state, so that the article's names can tell which state's it is."""
    if hit.country or any(p.feature_code in ("ADM1", "ADM2") for p, _ in hit.cands):
        return
    head = county_name(text, hit.end, hit.start)
    counties = county_candidates(gazetteer, hit.surface, head) if head else ()
    if counties:
        hit.cands, hit.admin_cue = counties, "admin2"


def _abbreviation_hits(text: str, gazetteer: Gazetteer) -> list[Hit]:
    """US states and Canadian provinces abbreviated after a city: "Paris, Tenn.", "D-S.C."."""
    out = []
    matches = {m.start(): m for m in cues.ABBREVIATION.finditer(text)}
    for m in cues.DOTTED_STATE.finditer(text):
        matches.setdefault(m.start(), m)
    for match in (matches[k] for k in sorted(matches)):
        country, code = cues.STATE_ABBREVIATIONS[match.group("abbr").replace(" ", "")]
        name = gazetteer.admin1_name(country, code)
        cands = tuple(
            (p, True)
            for p, _ in gazetteer.candidates(name or "")
            if p.feature_code == "ADM1" and p.country == country and p.admin1 == name
        )
        if cands:
            out.append(Hit(match.start(), match.end(), match.group(), cands=cands[:1]))
    return out


# A place opening an organisation's name is kept when it is this large (or an admin area).
_SEAT_POPULATION = 20_000
# Before a unit word ("Brigade", "Guard"), only provinces and cities this large: units are
# named after people more often.
_UNIT_SEAT_POPULATION = 200_000


def _org_seat(text: str, run: list[tuple[int, int]], hits: list[Hit], head: str) -> list[Hit]:
    """The place an organisation is named after, when its name opens with one: "Kansas
    Highway Patrol", "Ohio Coalition". Only provinces and sizeable towns, which organisations
    are named after more than people; before unit words ("Hamza Division", "California
    National Guard") only provinces and cities."""
    first = next(
        (t for t in run if (fold(text[t[0] : t[1]]) or "") not in cues.LEADING_FUNCTION), None
    )
    lead = next((h for h in hits if not h.country and h.cands), None)
    if first is None or lead is None or lead.start != first[0] or lead.end >= run[-1][0]:
        return []
    unit = head in cues.UNIT_HEADS  # "California National Guard", not "Hamza Division"
    if not any(
        p.feature_code == "ADM1"
        or (not unit and p.feature_code == "ADM2")
        or p.population >= (_UNIT_SEAT_POPULATION if unit else _SEAT_POPULATION)
        for p, _ in lead.cands
    ):
        return []
    lead.modifier = True
    return [lead]
