"""A toponym hit of the recogniser and what the words around it say about it.

``Hit`` is one capitalised name matched to country names or gazetteer candidates;
``mark_cues`` reads its context: admin-area and settlement words ("X province", "the town
of X"), relative locations ("north of X", "X's countryside") and locative prepositions.
Shared by ``placerecog`` (segmentation of capitalised runs) and ``placeloose`` (names
matched by spelling only where the context says a place is named).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from conflictcoder import placecues as cues
from conflictcoder.gazetteer import Gazetteer
from conflictcoder.models import Place
from conflictcoder.placenames import fold
from conflictcoder.placeregions import REGION_CODES

_WORD = re.compile(r"[a-z]+")


@dataclass(slots=True)
class Hit:
    """A name of the text matched to a country or to gazetteer candidates."""

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
    """A facility ("Gweiran Prison") and the place names inside its name."""

    start: int
    end: int
    inner: list[Hit] = field(default_factory=list)


def is_common(surface: str, lower_words: set[str]) -> bool:
    """A stopword, or a word the text also writes in lower case."""
    folded = fold(surface)
    if not folded:
        return True
    if folded in cues.STOPWORDS:
        return True
    return " " not in folded and folded in lower_words


def country_hit(gazetteer: Gazetteer, surface: str) -> tuple[str, str] | None:
    """``(iso2, kind)`` when ``surface`` names a country or its people."""
    entry = gazetteer.country_entry(surface)
    if entry is None:
        return None
    letters = surface.replace(".", "")
    if len(letters) <= 3 and not letters.isupper():
        return None  # "us", "Uk": only "US", "U.S.", "UK" name countries
    return entry


def before(text: str, start: int, width: int = 60) -> str:
    """The ``width`` characters before ``start``."""
    return text[max(0, start - width) : start]


def mark_cues(text: str, hit: Hit) -> None:
    """Set the hit's admin, settlement and relative cues and whether it is ``cued``."""
    preceding = before(text, hit.start)
    after = text[hit.end : hit.end + 40]
    next_word = _WORD.match(after.lstrip(" ").lower())
    word = next_word.group() if next_word and after[:1] == " " else ""
    if word in cues.ADMIN1_WORDS:
        hit.admin_cue = "admin1"
    elif word in cues.ADMIN2_WORDS:
        hit.admin_cue = "admin2"
    elif word in cues.SETTLEMENT_WORDS:
        hit.settlement_cue = True
    plural = cues.plural_admin(text, hit.start, hit.end)
    if plural:  # "Cooke, Grayson and Love counties"
        hit.admin_cue = cues.PLURAL_ADMIN[plural]
    admin_of = cues.ADMIN_OF.search(preceding)
    if admin_of:
        w = admin_of.group("word").lower()
        hit.admin_cue = "admin1" if w in cues.ADMIN1_WORDS else "admin2"
    if cues.SETTLEMENT_OF.search(preceding) or cues.FRONT_OF.search(preceding):
        hit.settlement_cue = True
    if cues.FRONT_AFTER.match(after):  # lower case only: "the Nusra Front" is a group
        hit.settlement_cue = True
    rel = cues.RELATIVE_BEFORE.search(preceding)
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
        or cues.LOCATIVE_BEFORE.search(preceding)
        or re.match(r"^,\s+[A-Z]", after)
    )


def locative(text: str, start: int) -> bool:
    """A locative preposition ("in", "near", "at", "the village of") ends right before."""
    return bool(
        re.search(
            r"(?i)\b(?:in|near|at|village of|town of)\s+(?:the\s+)?$", before(text, start, 20)
        )
    )


def named_as_place(text: str, hit: Hit) -> bool:
    """The context itself says ``hit`` is a place ("in Greer", "the city of Greer")."""
    return bool(hit.settlement_cue or hit.admin_cue or locative(text, hit.start))


def exact(hits: list[Hit]) -> bool:
    """A country or a region named by one of its names, no gazetteer homonym."""
    return len(hits) == 1 and bool(
        hits[0].country
        or (len(hits[0].cands) == 1 and hits[0].cands[0][0].feature_code in REGION_CODES)
    )
