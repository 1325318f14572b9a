"""Names matched by spelling (consonant skeleton) where the context says a place is named.

Arabic-style compounds ("Talat al-Sarraf", "Tal Hmis") are tried whole before their parts;
English qualifiers map to the Arabic words GeoNames files villages under ("Lower Amiqa" is
Amiqa Tahtani); unknown words after a place cue ("the village of X", "in X") are matched
loosely or marked ``unknown`` for resolution to spell against the named provinces.
"""

from __future__ import annotations

import re

from conflictcoder import placecues as cues
from conflictcoder.gazetteer import Gazetteer
from conflictcoder.placehit import Hit, country_hit, is_common, mark_cues, named_as_place
from conflictcoder.placenames import ARTICLES, fold

PREFIX = r"(?:(?:al|el|ad|an|ar|as|ash|at|az|ed|es|et|ez|ul|ud|ur|us|ut|uz|ibn|bin|abu)[-‐])"
AYN = "'’‘ʿ"
# Words after which the next token belongs to the same name: "Abu 'Isa", "Talat Al Sarraf".
# Written as is ("al", "ez") or title-cased ("Al", "Abu"); never "US", "As", "An".
_BINDERS = frozenset({"al", "el", "ad", "ash", "az", "ez", "ar", "at", "abu", "umm", "bani", "ibn"})
_ENGLISH_OPENERS = frozenset("a an as at in on the us un uk eu".split())
_MAX_TOKENS = 6


def bound(text: str, run: list[tuple[int, int]], k: int) -> bool:
    """Token ``k`` continues the name of token ``k - 1`` ("al-Sarraf", "'Isa", "Al Sarraf")."""
    token = text[run[k][0] : run[k][1]]
    if token[0] in AYN or re.match(PREFIX, token.lower()):
        return True
    previous = text[run[k - 1][0] : run[k - 1][1]]
    return any(w in _BINDERS or (w.istitle() and w.lower() in _BINDERS) for w in (token, previous))


def compound_end(text: str, run: list[tuple[int, int]], i: int) -> int:
    """End of the Arabic-style compound name starting at token ``i`` ("Talat al-Sarraf")."""
    k = i + 1
    while k < len(run) and k - i < _MAX_TOKENS and bound(text, run, k):
        k += 1
    return k


def whole_name(text, run, i: int, end: int, gazetteer: Gazetteer, lower_words) -> Hit | None:
    """A compound name with no exact match, matched whole by consonant skeleton; ``None``
    when it is one token, matches exactly, or has no skeleton match."""
    if end - i < 2:
        return None
    start, stop = run[i][0], run[end - 1][1]
    surface = text[start:stop]
    if (fold(text[run[i][0] : run[i][1]]) or "") in _ENGLISH_OPENERS:
        return None
    if (fold(text[run[end - 1][0] : stop]) or "") in ARTICLES or is_common(surface, lower_words):
        return None
    if gazetteer.candidates(surface) or country_hit(gazetteer, surface):
        return None  # the ordinary longest-first split finds it
    cands = gazetteer.candidates(surface, loose=True)
    if cands:
        return Hit(start, stop, surface, cands=cands, loose=True)
    hit = Hit(start, stop, surface, loose=True)
    mark_cues(text, hit)
    if hit.cued and named_as_place(text, hit) and len(surface) >= 6:
        # "the Tlul al-Safa area", "in Jabal al-Turkman": a place the index lacks, not
        # its parts ("Tlul" in another province, "al-Turkman" in Turkey)
        hit.unknown = True
        return hit
    return None


def loose_hits(text, run, leftovers, gazetteer: Gazetteer, lower_words) -> list[Hit]:
    """Unmatched tokens named as places by their context, matched by consonant skeleton."""
    out = []
    ranges = [*leftovers, *((k, k + 1) for i, j in leftovers if j - i > 1 for k in range(i, j))]
    taken: list[tuple[int, int]] = []
    for i, j in ranges:
        if any(a <= i < b for a, b in taken):
            continue
        start, end = run[i][0], run[j - 1][1]
        surface = text[start:end]
        if is_common(surface, lower_words):
            continue
        hit = Hit(start, end, surface, loose=True)
        mark_cues(text, hit)
        if not (hit.cued and (hit.relative or named_as_place(text, hit))):
            continue
        hit.cands = gazetteer.candidates(surface, loose=True)
        if hit.cands:
            out.append(hit)
            taken.append((i, j))
        elif len(surface) >= 4 and named_as_place(text, hit):
            hit.unknown = True  # "the village of Shiheil": resolution may know its province
            out.append(hit)
            taken.append((i, j))
    return out


def qualified_name(text, run, gazetteer: Gazetteer) -> Hit | None:
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
    mark_cues(text, hit)
    if not hit.cued:
        return None
    base = text[run[1][0] : end]
    if len(base) < 3 or country_hit(gazetteer, base):
        return None  # "Western US"
    for loose in (False, True):
        if loose and not named_as_place(text, hit):
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
    mark_cues(text, hit)
    return hit


def whole_loose(text, run, leftovers, run_hits, gazetteer: Gazetteer) -> Hit | None:
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
    mark_cues(text, hit)
    if not (hit.cued and named_as_place(text, hit)):
        return None
    hit.cands = gazetteer.candidates(hit.surface, loose=True)
    return hit if hit.cands else None
