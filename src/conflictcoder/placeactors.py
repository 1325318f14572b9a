"""Armed groups as place context: "QSD fighters", "Boko Haram", "Al Shabaab" say the country.

Conflict reports often name no country at all ("HTS took control of the town of Saqba"); the
armed group does. A named, country-bound actor of the actor lexicon (``data/actors.csv`` or the user's)
gives its country as evidence for the places of its sentence and document, as a country
name would, but weaker. Generic actors ("Turkish forces", "gunmen") give nothing here: their
country is a demonym, which ``placerecog`` already reads.

A toponym inside such a name ("Operation Olive Branch", "Hayat Tahrir al Sham",
"Menbij Military Council") names the group, not the scene: ``inside`` finds those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from conflictcoder.actors import ActorLexicon, load_lexicon
from conflictcoder.errors import ConflictCoderError

# Weight of a named group as country evidence (``placerank.EVIDENCE``): under a country name
# (1.0) and a resolved place (0.8), over a demonym (0.25); a group may fight abroad.
WEIGHT = 0.5
_GENERIC_LEAD = re.compile(r"(?i)^the\s+")


@dataclass(frozen=True, slots=True)
class NamedGroup:
    """A country-bound armed group named at ``[start, end)``."""

    start: int
    end: int
    country: str  # ISO2


@cache
def _bundled() -> ActorLexicon | None:
    """The bundled lexicon, for callers that pass none (``places`` on its own)."""
    try:
        return load_lexicon()
    except ConflictCoderError:
        return None


def _generic_words(lexicon: ActorLexicon) -> frozenset[str]:
    """The words that name no one group ("rioters", "militia")."""
    generic: set[str] = set()
    for entry in lexicon.entries:
        if entry.generic:
            generic.update(alias.lower() for alias in entry.aliases)
            base = entry.name.split(" (")[0].split()
            if base and "{" not in base[-1]:
                generic.update((base[-1].lower(), base[-1].lower() + "s"))
    return frozenset(generic)


def named_groups(text: str, lexicon: ActorLexicon | None = None) -> tuple[NamedGroup, ...]:
    """The country-bound groups ``text`` names by a proper name, left to right: "QSD",
    "Boko Haram", not "Rioters" or "pro-regime militias". ``lexicon``: the pipeline's (None:
    the bundled one; no groups if it cannot be read)."""
    lexicon = lexicon or _bundled()
    if lexicon is None:
        return ()
    generic = _generic_words(lexicon)
    out = []
    for match in lexicon.find(text):
        if match.entry.generic or not match.entry.country:
            continue
        said = text[match.start : match.end]
        if said.islower() or _GENERIC_LEAD.sub("", said).lower() in generic:
            continue
        out.append(NamedGroup(match.start, match.end, match.entry.country))
    return tuple(out)


def inside(start: int, end: int, groups: tuple[NamedGroup, ...]) -> bool:
    """``[start, end)`` lies within a group's name."""
    return any(g.start <= start and end <= g.end for g in groups)
