"""Place recognition and resolution: every place an article names, resolved to GeoNames.

Recognition walks the capitalised runs of the text ("Deir ez-Zor", "al-Hasakah", "Gweiran
Prison") and splits each, longest match first, into country names, demonyms and gazetteer
names. Spelling variants come from ``placenames``; consonant-skeleton matches are taken only
where the context says a place is named ("the village of X", "X province", "in X, Idlib").
Capitalised words that are common words, people or organisations are left alone.

Resolution scores each homonym by prominence (population, feature code, main name), the
document's countries and demonyms, admin qualifiers ("X, Texas", "X province") and nearness
to the other unambiguous places of the article. Facilities are resolved to the place they
are in; relative phrases ("north of Baghdad") give a ``relative`` mention, precision 2.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from conflictcoder import placecues as cues
from conflictcoder import placerank as rank
from conflictcoder.gazetteer import Gazetteer
from conflictcoder.models import Place, PlaceMention, Sentence
from conflictcoder.placenames import ARTICLES, fold

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_PREFIX = r"(?:(?:al|el|ad|an|ar|as|ash|at|az|ed|es|et|ez|ul|ud|ur|us|ut|uz|ibn|bin|abu)[-‐])"
_TOKEN = re.compile(
    rf"(?:{_PREFIX}|\b(?:al|el) (?=[{_UPPER}]))?[{_UPPER}][\w'’]*(?:[-‐]\w[\w'’]*)*"
)
# "the Luhansk People's Militia": a possessive followed by an organisation's head noun.
_ORG_POSSESSIVE = re.compile(r"^['’]s\s+(?:[A-Z]\w+\s+){0,2}?([A-Z]\w+)")
_CONNECTORS = frozenset(ARTICLES | {"de", "del", "della", "di", "da", "do", "dos", "du", "la"})
_CONNECTORS = _CONNECTORS | {"le", "les", "bin", "ibn", "bani", "abu", "y"}
_POSSESSIVE = re.compile(r"['’]s$")
_WORD = re.compile(r"[a-z]+")
_WORDS = re.compile(r"[\w'’-]+")
_PREV_WORD = re.compile(r"([A-Za-z.]+)\W*$")
_MAX_TOKENS = 6
# Places outside the article's countries with fewer people are taken for homonyms.
_MINOR_ABROAD = 5000
_PARTY = re.compile(r"(?:^|[\s(,])(?:[DRI]|DFL)[-‐]$")  # "R-Elbow Lake", "DFL-Cook"
_PARTY_TOKEN = re.compile(r"^(?:[DRI]|DFL)[-‐](?=[A-Z])")
_PAREN_LINK = re.compile(r"^\s*\((?:[^()]{0,40},\s*)?$")
_ADMIN_CODES = ("ADM1", "ADM2")


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    surface: str
    country: tuple[str, str] | None = None  # (iso2, kind)
    cands: tuple[tuple[Place, bool], ...] = ()
    loose_cands: tuple[tuple[Place, bool], ...] = ()
    loose: bool = False
    cued: bool = False
    admin_cue: str | None = None  # "admin1" | "admin2"
    settlement_cue: bool = False
    relative: tuple[int, int, int] | None = None  # (start, end, precision)
    best: Place | None = None
    score: float = 0.0
    margin: float = 0.0
    why: str = ""


@dataclass(slots=True)
class _Facility:
    start: int
    end: int
    inner: list[_Hit] = field(default_factory=list)


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


# ---------------------------------------------------------------- recognition


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
        poss = _POSSESSIVE.search(match.group())
        if poss:
            end -= 2
        if current:
            gap = text[current[-1][1] : start]
            words = gap.split()
            linked = gap.startswith(" ") and gap.endswith(" ") and len(gap) <= 12
            if not (gap == " " or (linked and all(w in _CONNECTORS for w in words))):
                runs.append(current)
                current = []
        current.append((start, end))
        if poss:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _is_common(surface: str, lower_words: set[str]) -> bool:
    folded = fold(surface)
    if not folded:
        return True
    if folded in cues.STOPWORDS:
        return True
    return " " not in folded and folded in lower_words


def _country_hit(gazetteer: Gazetteer, surface: str) -> tuple[str, str] | None:
    entry = gazetteer.country_entry(surface)
    if entry is None:
        return None
    letters = surface.replace(".", "")
    if len(letters) <= 3 and not letters.isupper():
        return None  # "us", "Uk": only "US", "U.S.", "UK" name countries
    return entry


def _before(text: str, start: int, width: int = 60) -> str:
    return text[max(0, start - width) : start]


def _segment(
    text: str, run: list[tuple[int, int]], gazetteer: Gazetteer, lower_words: set[str]
) -> tuple[list[_Hit], list[tuple[int, int]]]:
    """Longest-first split of a run into hits; returns hits and unmatched token ranges."""
    hits: list[_Hit] = []
    leftovers: list[tuple[int, int]] = []
    i, n = 0, len(run)
    while i < n:
        for j in range(min(n, i + _MAX_TOKENS), i, -1):
            start, end = run[i][0], run[j - 1][1]
            surface = text[start:end]
            if j - i == 1 and (
                _is_common(surface, lower_words)
                or (text[end : end + 1] == "." and fold(surface) in cues.PERSON_TITLES)
            ):
                continue  # a common word, or a title ("Sen.", "Gov.")
            if j > i + 1 and (fold(text[run[j - 1][0] : end]) or "") in ARTICLES:
                continue  # "Sahm El" of "Sahm El Golan": a name does not end in an article
            country = _country_hit(gazetteer, surface)
            acronym = " " not in surface and (
                (surface.isupper() and len(surface) <= 6)
                or (len(surface) <= 5 and not surface[1:].islower())  # "JaS", "LaF"
            )
            if acronym and len(surface) >= 4 and surface.isalpha():
                acronym = not cues.DATELINE_AFTER.match(text[end : end + 6])
            cands = () if acronym else gazetteer.candidates(surface)
            if country or cands:
                hits.append(_Hit(start, end, surface, country=country, cands=cands))
                i = j
                break
        else:
            if leftovers and leftovers[-1][1] == i:
                leftovers[-1] = (leftovers[-1][0], i + 1)
            else:
                leftovers.append((i, i + 1))
            i += 1
    return hits, leftovers


def _mark_cues(text: str, hit: _Hit) -> None:
    before = _before(text, hit.start)
    after = text[hit.end : hit.end + 40]
    next_word = _WORD.match(after.lstrip(" ").lower())
    word = next_word.group() if next_word and after[:1] == " " else ""
    if word in cues.ADMIN1_WORDS:
        hit.admin_cue = "admin1"
    elif word in cues.ADMIN2_WORDS:
        hit.admin_cue = "admin2"
    elif word in cues.SETTLEMENT_WORDS:
        hit.settlement_cue = True
    admin_of = cues.ADMIN_OF.search(before)
    if admin_of:
        w = admin_of.group("word").lower()
        hit.admin_cue = "admin1" if w in cues.ADMIN1_WORDS else "admin2"
    if cues.SETTLEMENT_OF.search(before):
        hit.settlement_cue = True
    rel = cues.RELATIVE_BEFORE.search(before)
    if rel:
        cue = rel.group().lower()
        precision = 1 if "outskirts" in cue or "edge" in cue else 2
        quote = re.sub(r"(?i)^\s*(?:on\s+)?the\s+(?=outskirts|vicinity|edge)", "", rel.group())
        hit.relative = (hit.start - len(quote), hit.end, precision)
    rel_after = cues.RELATIVE_AFTER.match(after)
    if rel_after and hit.relative is None:
        precision = 1 if "outskirts" in rel_after.group().lower() else 2
        hit.relative = (hit.start, hit.end + rel_after.end(), precision)
    hit.cued = bool(
        hit.admin_cue
        or hit.settlement_cue
        or hit.relative
        or cues.LOCATIVE_BEFORE.search(before)
        or re.match(r"^,\s+[A-Z]", after)
    )


def _truncated(text, run, hit: _Hit, leftovers, lower_words) -> bool:
    """A hit that is only the start of a longer unknown name ("Unidad" of "Unidad Vecinal")."""
    if hit.country:
        return False
    for i, _ in leftovers:
        if run[i][0] > hit.end and text[hit.end : run[i][0]].strip() == "":
            word = text[run[i][0] : run[i][1]]
            folded = fold(word) or ""
            if _is_common(word, lower_words) or folded in cues.FACILITY_HEADS:
                return False
            return max((p.population for p, _ in hit.cands), default=0) < 100_000
    return False


def _person_like(text: str, run: list[tuple[int, int]], leftovers, hits) -> bool:
    """A run that reads as a person's name: after a title, before "said", or Given Surname."""
    prev = _PREV_WORD.search(_before(text, run[0][0], 30))
    if prev and prev.group(1).lower().rstrip(".") in cues.PERSON_TITLES:
        return True
    after = text[run[-1][1] : run[-1][1] + 20]
    if cues.SPEECH_AFTER.match(after) and not any(h.country or h.cued for h in hits):
        return True
    if any(h.country or h.admin_cue or h.settlement_cue for h in hits):
        return False
    first_unmatched = bool(leftovers) and leftovers[0][0] == 0
    if len(run) in (2, 3) and first_unmatched and hits:
        return True
    return len(run) in (2, 3) and len(hits) >= 2


def _recognise(text: str, gazetteer: Gazetteer) -> tuple[list[_Hit], list[_Facility]]:
    lower_words = {w for w in _WORDS.findall(text) if w.islower()}
    hits: list[_Hit] = []
    facilities: list[_Facility] = []
    people: set[str] = set()
    for run in _runs(text):
        run_hits, leftovers = _segment(text, run, gazetteer, lower_words)
        last = fold(text[run[-1][0] : run[-1][1]]) or ""
        head = last.split()[-1] if last else ""
        for hit in run_hits:
            _mark_cues(text, hit)
        run_hits = [h for h in run_hits if not _truncated(text, run, h, leftovers, lower_words)]
        if head in cues.FACILITY_HEADS and len(run) >= 2:
            inner = [h for h in run_hits if h.end <= run[-1][0]]
            facilities.append(_Facility(run[0][0], run[-1][1], inner))
            hits.extend(h for h in inner if h.cands and not h.country)
            continue
        split_at = _modifier_split(text, run, run_hits)
        if split_at:
            hits.extend(h for h in run_hits if h.end <= run[split_at - 1][1])
            if (fold(text[run[split_at][0] : run[split_at][1]]) or "") in cues.PERSON_TITLES:
                people.update(text[s:e] for s, e in run[split_at + 1 :])
            continue
        org = _ORG_POSSESSIVE.match(text[run[-1][1] : run[-1][1] + 60])
        if org and head == "people" and (fold(org.group(1)) or "") in cues.ORG_HEADS:
            hits.extend(h for h in run_hits if h.country)
            continue
        if head in cues.ORG_HEADS and len(run) >= 2:
            hits.extend(h for h in run_hits if h.country)
            continue
        if _person_like(text, run, leftovers, run_hits):
            hits.extend(h for h in run_hits if h.country)
            people.update(text[s:e] for s, e in run)
            continue
        hits.extend(run_hits)
        hits.extend(_loose_hits(text, run, leftovers, gazetteer, lower_words))
    hits = [h for h in hits if h.country or h.surface not in people]
    abbreviations = _abbreviation_hits(text, gazetteer)
    hits = [h for h in hits if not any(a.start < h.end and h.start < a.end for a in abbreviations)]
    hits.extend(abbreviations)
    hits.sort(key=lambda h: h.start)
    return hits, facilities


def _abbreviation_hits(text: str, gazetteer: Gazetteer) -> list[_Hit]:
    """US states and Canadian provinces abbreviated after a city: "Paris, Tenn.", "D-S.C."."""
    out = []
    for match in cues.ABBREVIATION.finditer(text):
        country, code = cues.STATE_ABBREVIATIONS[match.group("abbr")]
        name = gazetteer.admin1_name(country, code)
        cands = tuple(
            (p, True)
            for p, _ in gazetteer.candidates(name or "")
            if p.feature_code == "ADM1" and p.country == country and p.admin1 == name
        )
        if cands:
            out.append(_Hit(match.start(), match.end(), match.group(), cands=cands[:1]))
    return out


def _modifier_split(text: str, run: list[tuple[int, int]], hits: list[_Hit]) -> int:
    """Index of a title or organisation word after a leading place name ("Fargo Mayor
    Dennis Walaker", "Mansfield Police Department"); 0 when the run does not read so."""
    for k in range(1, len(run)):
        word = fold(text[run[k][0] : run[k][1]]) or ""
        if word in cues.PERSON_TITLES or word in cues.CIVIC_HEADS:
            lead = [h for h in hits if h.end <= run[k - 1][1]]
            first = next(
                (t for t in run if (fold(text[t[0] : t[1]]) or "") not in cues.STOPWORDS), run[0]
            )
            covered = bool(lead) and lead[0].start == first[0] and lead[-1].end == run[k - 1][1]
            return k if covered and all(h.country or h.cands for h in lead) else 0
    return 0


def _loose_hits(text, run, leftovers, gazetteer: Gazetteer, lower_words) -> list[_Hit]:
    """Unmatched tokens named as places by their context, matched by consonant skeleton."""
    out = []
    ranges = [*leftovers, *((k, k + 1) for i, j in leftovers if j - i > 1 for k in range(i, j))]
    taken: list[tuple[int, int]] = []
    for i, j in ranges:
        if any(a <= i < b for a, b in taken):
            continue
        start, end = run[i][0], run[j - 1][1]
        surface = text[start:end]
        if _is_common(surface, lower_words):
            continue
        hit = _Hit(start, end, surface, loose=True)
        _mark_cues(text, hit)
        if not (
            hit.cued
            and (hit.settlement_cue or hit.admin_cue or hit.relative or _locative(text, start))
        ):
            continue
        hit.cands = gazetteer.candidates(surface, loose=True)
        if hit.cands:
            out.append(hit)
            taken.append((i, j))
    return out


def _locative(text: str, start: int) -> bool:
    return bool(
        re.search(
            r"(?i)\b(?:in|near|at|village of|town of)\s+(?:the\s+)?$", _before(text, start, 20)
        )
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
                return nxt
    return None


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
        ev = ctx.evidence(index)
        cues_ = rank.Cues(hit.admin_cue, hit.settlement_cue, hit.loose)
        scored = sorted(
            (
                (rank.score(p, m, cues_, ev, None if qual is None else _qualifies(p, qual)), -k, p)
                for k, (p, m) in enumerate(hit.cands)
            ),
            reverse=True,
        )
        hit.score, _, hit.best = scored[0]
        margin = hit.score - scored[1][0] if len(scored) > 1 else 9.0
        hit.margin = margin
        hit.why = f"{len(scored)} candidate(s), score {hit.score:.1f}, margin {margin:.1f}"
        if hit.loose:
            hit.why = "spelling variant (consonant skeleton); " + hit.why


def _country_or_place(hit: _Hit, index: int, ctx: _Context) -> None:
    """Read a country name as a place when the document is elsewhere ("Georgia", "Jordan")."""
    if not hit.country or hit.country[1] == "demonym" or not hit.cands:
        return
    countries = ctx.countries(index)
    total = sum(countries.values())
    if not total or hit.country[0] in countries:
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


def _accept(hit: _Hit, index: int, ctx: _Context) -> bool:
    if hit.best is None:
        return False
    countries = ctx.countries(index)
    in_ctx = not countries or hit.best.country in countries
    if hit.loose:
        return hit.cued and bool(countries) and hit.best.country in countries
    if (
        not in_ctx
        and sum(countries.values()) >= 0.8
        and hit.best.population < _MINOR_ABROAD
        and not any(hit.best.country in ctx.gazetteer.neighbours(c) for c in countries)
    ):
        return False  # a hamlet abroad, in an article about somewhere else: a homonym
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
                why=hit.why,
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
    for hit in hits:
        if not hit.country and not hit.loose and hit.cands:
            hit.loose_cands = gazetteer.candidates(hit.surface, loose=True)
    _resolve(text, hits, ctx)
    for i, hit in enumerate(hits):
        if hit.best is not None and not hit.loose and hit.margin >= 1.0 and _accept(hit, i, ctx):
            ctx.anchors[i] = hit.best
    for i, hit in enumerate(hits):
        _country_or_place(hit, i, ctx)
    _resolve(text, hits, ctx)
    kept = [h for i, h in enumerate(hits) if h.country or _accept(h, i, ctx)]
    return tuple(_mentions(text, kept, facilities, gazetteer))
