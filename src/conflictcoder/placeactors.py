"""Armed groups as place context: "QSD fighters", "Boko Haram", "Al Shabaab" say the country.

Conflict reports often name no country at all ("HTS took control of the town of Saqba"); the
armed group does. A named, country-bound actor of the actor lexicon (``data/actors.csv`` or the user's)
gives its country as evidence for the places of its sentence and document, as a country
name would, but weaker. Generic actors ("Turkish forces", "gunmen") give nothing here: their
country is a demonym, which ``placerecog`` already reads.

A toponym inside such a name ("Operation Olive Branch", "Hayat Tahrir al Sham",
"Menbij Military Council") names the group, not the scene: ``inside`` finds those.

One side is named by a bare common noun: conflict reports (ACLED's Syria notes, most wire
copy on the war) call the Syrian government and its forces "the regime" ("regime forces",
"pro-regime militias", "the regime's 4th Division") without naming the country.
``regime_cues`` reads that as weak evidence for Syria, as a demonym would be; "the Iranian
regime", "the Maduro regime" name their own country and are left to the recogniser.

Some names say which provinces a report is about (``home_provinces``): the OSCE Special
Monitoring Mission reported the ceasefire violations along the Donbas contact line, in the
Donetsk and Luhansk oblasts, and its daily reports name villages bare ("near Sokilnyky");
the Donbas separatists (DPR, LPR) hold parts of the same two oblasts. They vote for those
provinces as the article's other names do (``placerank.Home``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from conflictcoder.actors import ActorLexicon, load_lexicon
from conflictcoder.errors import ConflictCoderError

# Weight of a named group as country evidence (``placerank.EVIDENCE``): under a country name
# (1.0) and a resolved place (0.8), over a demonym (0.25); a group may fight abroad.
WEIGHT = 0.5
# Weight of an unqualified "regime" (``regime_cues``): a demonym's (``placerank.EVIDENCE``).
CUE_WEIGHT = 0.25
_REGIME = re.compile(r"(?i)\b(?:pro-)?regime(?:['’]s)?\b")
_WORD_BEFORE = re.compile(r"([\w'’.-]+)\s+$")
_HOME_PROVINCES = (
    (
        re.compile(r"\bOSCE\s+SMM\b|\bSpecial Monitoring Mission\b|\bDPR\b|\bLPR\b"),
        "UA",
        ("Donetsk", "Luhansk"),
    ),
)
_FUNCTION_WORDS = frozenset("the a an its their his her by of and with from against".split())
# Words that make "regime" another kind than a war report's ("the military regime", "a visa
# regime", "the former regime"): that one is no cue.
_OTHER_REGIME = frozenset(
    """military junta authoritarian dictatorial communist fascist apartheid colonial former
    previous old new ousted toppled sanctions sanction visa tax trade tariff customs legal
    regulatory exchange currency monetary fiscal control inspection treatment training diet
    drug""".split()
)
_GENERIC_LEAD = re.compile(r"(?i)^the\s+")


@dataclass(frozen=True, slots=True)
class NamedGroup:
    """A country-bound armed group named at ``[start, end)``."""

    start: int
    end: int
    country: str  # ISO2
    weight: float = WEIGHT  # as country evidence
    cue: bool = False  # a common noun ("the regime"), not a name


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


def within(groups: tuple[NamedGroup, ...]) -> Callable[[int, int], bool]:
    """``inside`` for many spans at once: ``groups`` as ``named_groups`` gives them, left to
    right and apart, so only the last group starting at or before a span can hold it."""
    starts = [g.start for g in groups]

    def holds(start: int, end: int) -> bool:
        k = bisect.bisect_right(starts, start) - 1
        return k >= 0 and groups[k].start <= start and end <= groups[k].end

    return holds


def regime_cues(text: str) -> tuple[NamedGroup, ...]:
    """The unqualified mentions of "the regime" in ``text``: Syria's government side, as
    conflict reports name it ("regime forces", "pro-regime militias"). One preceded by a
    capitalised name ("Iranian regime", "Assad regime") is someone's own and is skipped, and
    one after a word of another kind ("the military regime", "the sanctions regime") too."""
    out = []
    for match in _REGIME.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        word = before.group(1) if before else ""
        named = word[:1].isupper() and word.lower() not in _FUNCTION_WORDS
        if named and word[-1] not in ".!?:;":
            continue
        if word.lower() in _OTHER_REGIME:
            continue  # "the military regime", "a visa regime", "the sanctions regime"
        out.append(NamedGroup(match.start(), match.end(), "SY", CUE_WEIGHT, cue=True))
    return tuple(out)


def home_provinces(text: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """``(what was said, iso2, province names)`` for each name of ``text`` that says which
    provinces the report is about ("the OSCE SMM observed..."), once per name."""
    out = []
    for pattern, iso2, provinces in _HOME_PROVINCES:
        match = pattern.search(text)
        if match:
            out.append((match.group(), iso2, provinces))
    return tuple(out)
