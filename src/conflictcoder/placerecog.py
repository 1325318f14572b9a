"""Place recognition: the toponyms, facilities and cues of a text, before resolution.

Recognition walks the capitalised runs of the text ("Deir ez-Zor", "al-Hasakah", "Gweiran
Prison") and splits each, longest match first, into country names, demonyms and gazetteer
names. Spelling variants come from ``placenames``; consonant-skeleton matches are taken only
where the context says a place is named ("the village of X", "X province", "in X, Idlib").
Capitalised words that are common words, people or organisations are left alone.
``places`` resolves the resulting ``Hit``s and writes the mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from conflictcoder import placecues as cues
from conflictcoder.gazetteer import Gazetteer
from conflictcoder.models import Place
from conflictcoder.placenames import ARTICLES, fold

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_PREFIX = r"(?:(?:al|el|ad|an|ar|as|ash|at|az|ed|es|et|ez|ul|ud|ur|us|ut|uz|ibn|bin|abu)[-‐])"
# An ayn or hamza may open a name ("Abu 'Isa", "al-'Umar"); kept only inside a run.
_TOKEN = re.compile(
    rf"(?:{_PREFIX}|\b(?:al|el) (?=[{_UPPER}]))?['’‘ʿ]?[{_UPPER}][\w'’]*(?:[-‐]\w[\w'’]*)*"
)
_AYN = "'’‘ʿ"
# Words after which the next token belongs to the same name: "Abu 'Isa", "Talat Al Sarraf".
# Written as is ("al", "ez") or title-cased ("Al", "Abu"); never "US", "As", "An".
_BINDERS = frozenset({"al", "el", "ad", "ash", "az", "ez", "ar", "at", "abu", "umm", "bani", "ibn"})
_ENGLISH_OPENERS = frozenset("a an as at in on the us un uk eu".split())
# "the Luhansk People's Militia": a possessive followed by an organisation's head noun.
_ORG_POSSESSIVE = re.compile(r"^['’]s\s+(?:[A-Z]\w+\s+){0,2}?([A-Z]\w+)")
_CONNECTORS = frozenset(ARTICLES | {"de", "del", "della", "di", "da", "do", "dos", "du", "la"})
_CONNECTORS = _CONNECTORS | {"le", "les", "bin", "ibn", "bani", "abu", "y"}
_POSSESSIVE = re.compile(r"['’]s$")
_WORD = re.compile(r"[a-z]+")
_WORDS = re.compile(r"[\w'’-]+")
_PREV_WORD = re.compile(r"([A-Za-z.]+)\W*$")
_MAX_TOKENS = 6
_PARTY = re.compile(r"(?:^|[\s(,])(?:[DRI]|DFL)[-‐]$")  # "R-Elbow Lake", "DFL-Cook"
_PARTY_TOKEN = re.compile(r"^(?:[DRI]|DFL)[-‐](?=[A-Z])")


@dataclass(slots=True)
class Hit:
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
    modifier: bool = False  # names an organisation's seat: "Kansas Highway Patrol"
    unknown: bool = False  # named as a place by its context, but no spelling in the index
    best: Place | None = None
    score: float = 0.0
    margin: float = 0.0
    # (country, admin1) of the candidates scoring within 1 of the best
    rivals: frozenset[tuple[str | None, str | None]] = frozenset()
    why: str = ""


@dataclass(slots=True)
class Facility:
    start: int
    end: int
    inner: list[Hit] = field(default_factory=list)


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
        if text[start] in _AYN and not (current and text[current[-1][1] : start] == " "):
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
            elif not (gap == " " or (linked and all(w in _CONNECTORS for w in words))):
                runs.append(current)
                current = []
        current.append((start, end))
        if poss:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _caps_break(previous: str, token: str) -> bool:
    """An all-capitals word before a mixed-case one ends a run: the dateline of "WASHINGTON
    Barack Obama pardoned..." is not part of the name after it."""
    return len(previous) >= 3 and previous.isupper() and not token.isupper()


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
) -> tuple[list[Hit], list[tuple[int, int]]]:
    """Longest-first split of a run into hits; returns hits and unmatched token ranges."""
    hits: list[Hit] = []
    leftovers: list[tuple[int, int]] = []
    i, n = 0, len(run)
    while i < n:
        compound = _compound_end(text, run, i)
        whole = _whole_name(text, run, i, compound, gazetteer, lower_words)
        if whole is not None:
            hits.append(whole)
            i = compound
            continue
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
                hits.append(Hit(start, end, surface, country=country, cands=cands))
                i = j
                break
            hyphenated = j - i == 1 and not acronym and ("-" in surface or "‐" in surface)
            parts = _hyphen_parts(text, start, end, gazetteer, lower_words) if hyphenated else []
            if parts:
                hits.extend(parts)
                i = j
                break
        else:
            if leftovers and leftovers[-1][1] == i:
                leftovers[-1] = (leftovers[-1][0], i + 1)
            else:
                leftovers.append((i, i + 1))
            i += 1
    return hits, leftovers


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
        if len(word) < 3 or folded in ARTICLES or _is_common(word, lower_words):
            return []
        country = _country_hit(gazetteer, word)
        cands = () if country or word.isupper() else gazetteer.candidates(word)
        if not (country or cands):
            return []  # "Ould-Abdallah": a person's name, not places
        out.append(Hit(part.start(), part.end(), word, country=country, cands=cands))
    return out


def _bound(text: str, run: list[tuple[int, int]], k: int) -> bool:
    """Token ``k`` continues the name of token ``k - 1`` ("al-Sarraf", "'Isa", "Al Sarraf")."""
    token = text[run[k][0] : run[k][1]]
    if token[0] in _AYN or re.match(_PREFIX, token.lower()):
        return True
    previous = text[run[k - 1][0] : run[k - 1][1]]
    return any(w in _BINDERS or (w.istitle() and w.lower() in _BINDERS) for w in (token, previous))


def _compound_end(text: str, run: list[tuple[int, int]], i: int) -> int:
    """End of the Arabic-style compound name starting at token ``i`` ("Talat al-Sarraf")."""
    k = i + 1
    while k < len(run) and k - i < _MAX_TOKENS and _bound(text, run, k):
        k += 1
    return k


def _whole_name(text, run, i: int, end: int, gazetteer: Gazetteer, lower_words) -> Hit | None:
    """A compound name with no exact match, matched whole by consonant skeleton; ``None``
    when it is one token, matches exactly, or has no skeleton match."""
    if end - i < 2:
        return None
    start, stop = run[i][0], run[end - 1][1]
    surface = text[start:stop]
    if (fold(text[run[i][0] : run[i][1]]) or "") in _ENGLISH_OPENERS:
        return None
    if (fold(text[run[end - 1][0] : stop]) or "") in ARTICLES or _is_common(surface, lower_words):
        return None
    if gazetteer.candidates(surface) or _country_hit(gazetteer, surface):
        return None  # the ordinary longest-first split finds it
    cands = gazetteer.candidates(surface, loose=True)
    return Hit(start, stop, surface, cands=cands, loose=True) if cands else None


def _mark_cues(text: str, hit: Hit) -> None:
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
    if cues.SETTLEMENT_OF.search(before) or cues.FRONT_OF.search(before):
        hit.settlement_cue = True
    if cues.FRONT_AFTER.match(after):  # lower case only: "the Nusra Front" is a group
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


def _truncated(text, run, hit: Hit, leftovers, lower_words) -> bool:
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
    """A run that reads as a person's name: after a title, before "said", or Given Surname.
    Function words opening the run ("The Mansfield resident") are not part of the name."""
    lead = 0
    while lead < len(run) - 1 and (
        (fold(text[run[lead][0] : run[lead][1]]) or "") in cues.LEADING_FUNCTION
    ):
        lead += 1
    if lead:
        run = run[lead:]
        leftovers = [(a - lead, b - lead) for a, b in leftovers if b > lead]
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


def recognise(text: str, gazetteer: Gazetteer) -> tuple[list[Hit], list[Facility]]:
    lower_words = {w for w in _WORDS.findall(text) if w.islower()}
    hits: list[Hit] = []
    facilities: list[Facility] = []
    people: set[str] = set()
    for run in _runs(text):
        run_hits, leftovers = _segment(text, run, gazetteer, lower_words)
        last = fold(text[run[-1][0] : run[-1][1]]) or ""
        head = last.split()[-1] if last else ""
        for hit in run_hits:
            _mark_cues(text, hit)
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
            hits.extend(_org_seat(text, run, run_hits, head))
            continue
        whole = _qualified_name(text, run, gazetteer) or _whole_loose(
            text, run, leftovers, run_hits, gazetteer
        )
        if whole is not None:
            hits.append(whole)
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


def _abbreviation_hits(text: str, gazetteer: Gazetteer) -> list[Hit]:
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
            out.append(Hit(match.start(), match.end(), match.group(), cands=cands[:1]))
    return out


# A place opening an organisation's name is kept when it is this large (or an admin area).
_SEAT_POPULATION = 20_000


def _org_seat(text: str, run: list[tuple[int, int]], hits: list[Hit], head: str) -> list[Hit]:
    """The place an organisation is named after, when its name opens with one: "Kansas
    Highway Patrol", "Ohio Coalition". Not before unit words ("Hamza Division"), and only
    provinces and sizeable towns, which organisations are named after more than people."""
    if head in cues.UNIT_HEADS:
        return []
    first = next(
        (t for t in run if (fold(text[t[0] : t[1]]) or "") not in cues.LEADING_FUNCTION), None
    )
    lead = next((h for h in hits if not h.country and h.cands), None)
    if first is None or lead is None or lead.start != first[0] or lead.end >= run[-1][0]:
        return []
    if not any(
        p.feature_code in ("ADM1", "ADM2") or p.population >= _SEAT_POPULATION
        for p, _ in lead.cands
    ):
        return []
    lead.modifier = True
    return [lead]


def _modifier_split(text: str, run: list[tuple[int, int]], hits: list[Hit]) -> int:
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


def _loose_hits(text, run, leftovers, gazetteer: Gazetteer, lower_words) -> list[Hit]:
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
        hit = Hit(start, end, surface, loose=True)
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
        elif len(surface) >= 4 and (hit.settlement_cue or hit.admin_cue or _locative(text, start)):
            hit.unknown = True  # "the village of Shiheil": resolution may know its province
            out.append(hit)
            taken.append((i, j))
    return out


def _qualified_name(text, run, gazetteer: Gazetteer) -> Hit | None:
    """ "Lower Amiqa", "Big Orm": the village filed with the Arabic qualifier after its name
    ("Amiqa Tahtani", "Urum al Kubra"), when the index has it; else the name without its
    qualifier when the index knows it; else None."""
    if len(run) not in (2, 3):
        return None
    words = cues.NAME_QUALIFIERS.get(fold(text[run[0][0] : run[0][1]]) or "")
    if not words:
        return None
    start, end = run[0][0], run[-1][1]
    hit = Hit(start, end, text[start:end])
    if gazetteer.candidates(hit.surface):
        return None  # a name of its own: "Little Rock", "Great Falls"
    _mark_cues(text, hit)
    if not hit.cued:
        return None
    base = text[run[1][0] : end]
    if len(base) < 3 or _country_hit(gazetteer, base):
        return None  # "Western US"
    for loose in (False, True):
        if loose and not (hit.settlement_cue or hit.admin_cue or _locative(text, start)):
            break
        found: dict[int | None, tuple] = {}
        for word in words:
            for pair in gazetteer.candidates(f"{base} {word}", loose=loose):
                if any(w in (fold(pair[0].name) or "").split() for w in words):
                    found.setdefault(pair[0].geonameid, pair)
        if found:
            hit.cands, hit.loose = tuple(found.values()), loose
            return hit
    plain = gazetteer.candidates(base)
    if not plain:
        return None
    # no village filed with the qualifier: the name without it ("Western Raqqa" is Raqqa)
    hit = Hit(run[1][0], end, base, cands=plain)
    _mark_cues(text, hit)
    return hit


def _whole_loose(text, run, leftovers, run_hits, gazetteer: Gazetteer) -> Hit | None:
    """A two- or three-word name of which only a part matched ("Tal Hmis" where "Hmis" alone is
    a place elsewhere): the whole name, cued as a place, by consonant skeleton."""
    if not leftovers or len(run) not in (2, 3) or any(h.country for h in run_hits):
        return None
    for i, j in leftovers:
        for s, e in run[i:j]:
            word = fold(text[s:e]) or ""
            if word not in cues.NAME_PREFIXES and (word in cues.STOPWORDS or len(word) < 3):
                return None  # "Colorado State", "City Hall", "Texas A&M"
    start, end = run[0][0], run[-1][1]
    if run_hits and (fold(text[start : run[0][1]]) or "") not in cues.NAME_PREFIXES:
        return None  # part of it a known place, the rest not a name's prefix: "Karak Castle"
    hit = Hit(start, end, text[start:end], loose=True)
    _mark_cues(text, hit)
    if not (hit.cued and (hit.settlement_cue or hit.admin_cue or _locative(text, start))):
        return None
    hit.cands = gazetteer.candidates(hit.surface, loose=True)
    return hit if hit.cands else None


def _locative(text: str, start: int) -> bool:
    return bool(
        re.search(
            r"(?i)\b(?:in|near|at|village of|town of)\s+(?:the\s+)?$", _before(text, start, 20)
        )
    )
