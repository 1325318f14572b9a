"""Capitalised words that are English words, not places: "Fear", "Way", "Although", "Jolly".

A one-word name the text does not present as a place (no "in", "the town of", ", Texas",
"X Mayor") is no toponym when:

- it is spelled only like a small place of a country that writes its names as English does,
  not as that place is spelled, or matches only its alternate name ("Fear" is not Pharr,
  Texas; "Jolly" is not Juli, Peru). Transliterated names (Arabic, Persian, Cyrillic) keep
  their spelling variants: there the variants are how English news writes them.
- it is a common English word (``data/common_words.txt``, ``scripts/derive_common_words.py``:
  words news writes mostly in lower case that the index also has as names) at the start of a
  sentence, or inside one unless it spells a town of ``_KNOWN`` people ("Nice", "Mobile",
  "Reading" mid-sentence are the cities; "United Way", "Air Force Reserve", "Although" not).

Words around the name that make it a town's ("Avondale Mayor", "Cranberry rivers", a party
tag's district "D-Kanawha") keep it. Used by ``places`` when accepting resolved names.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from conflictcoder import placecues as cues
from conflictcoder.placehit import Hit
from conflictcoder.placenames import fold, same_spelling

# Countries whose places English writes as they write them.
LATIN_NAMES = frozenset(
    """US CA GB IE AU NZ FR DE AT CH BE NL LU IT ES PT DK SE NO FI IS MX BR AR CL PE VE EC
    BO PY UY CU DO GT HN SV NI CR PA PR""".split()
)
# A common word spelling a town this large inside a sentence names the town.
_KNOWN = 50_000
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")
_TOWN_WORDS = frozenset(
    {"river", "rivers", "creek", "lake", "township", "townships", "city", "town"}
)
_OPENING = re.compile(r"(?:^|[.!?:;\n\"“‘(—–-])\s*$")


@cache
def common_words() -> frozenset[str]:
    """The bundled English words that are also place names."""
    text = resources.files("conflictcoder").joinpath("data/common_words.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def civic(text: str, hit: Hit) -> bool:
    """The words around ``hit`` make it a town's name: "Avondale Mayor", "Cranberry rivers",
    a party tag's district ("D-Kanawha")."""
    after = _WORD_AFTER.match(text, hit.end)
    word = after.group(1).lower() if after else ""
    party = text[max(0, hit.start - 2) : hit.start] in ("D-", "R-")
    return word in cues.CIVIC_HEADS or word in _TOWN_WORDS or party


def opening(text: str, start: int) -> bool:
    """``start`` opens a sentence, a quote or a line: capitals there say nothing."""
    return _OPENING.search(text, max(0, start - 4), start) is not None


def plain_word(text: str, hit: Hit, respelled: bool) -> bool:
    """``hit``, resolved to ``hit.best`` (``respelled``: not as that place is spelled, or by
    an alternate name of a small place), reads as an English word, not a place."""
    best = hit.best
    surface = hit.surface
    if best is None or hit.cued or not surface.isalpha() or surface.isupper():
        return False
    if civic(text, hit):
        return False
    if respelled and best.country in LATIN_NAMES:
        return True
    if (fold(surface) or "") not in common_words():
        return False
    known = same_spelling(surface, best.name) and best.population >= _KNOWN
    return not known or opening(text, hit.start)
