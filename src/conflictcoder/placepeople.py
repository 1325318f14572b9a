"""People's names among capitalised runs: which runs are persons, not places.

A run reads as a person's name after a title ("Sen. Greer", "Oklahoma Gov. Mary Fallin"),
before a verb of speech ("Greer said"), or as Given Surname: two or three words whose first
matches no place, or which match two places ("Jackson Scott"). Words ending like English
common words ("Historic", "Generation", "Connecting") are no given names; after "in" or "at",
a run opening with a large city ("in Maiduguri Borno State") is places. ``modifier_split``
finds a title or civic word after a leading place ("Fargo Mayor Dennis Walaker", "Mansfield
Police Department"). Used by ``placerecog``.
"""

from __future__ import annotations

import re

from conflictcoder import placecues as cues
from conflictcoder.placehit import Hit, before, exact, is_common, locative
from conflictcoder.placenames import fold, same_spelling

_PREV_WORD = re.compile(r"([A-Za-z.]+)\W*$")
# Titles before a person's name, with the abbreviations US papers write ("Oklahoma Gov. Mary
# Fallin", "Rep. John Doe").
TITLES = cues.PERSON_TITLES | {"gov", "gov.", "rep."}
# Words before a place that opens a title: "Former Florida Gov. Bob Graham".
_TITLE_MODIFIERS = frozenset({"former", "then", "ex", "late", "acting", "outgoing", "incoming"})
# A run of places opening with a city this large after "in" or "at" reads as places, not as
# a person ("in Maiduguri Borno State"; not "in Cerro Navia", "at Colonia Moises Saenz").
_KNOWN_TOWN = 300_000
# A city this large named alone before "said" speaks for its people; a person named so is
# named in full elsewhere in the text.
_SPEAKING_CITY = 100_000
# Countries that are also given names, and head words that make "Jordan Valley" no person.
_GIVEN_COUNTRIES = frozenset({"chad", "jordan"})
_HEADS = (
    cues.ORG_HEADS
    | cues.CIVIC_HEADS
    | cues.FACILITY_HEADS
    | {"valley", "river", "basin", "tech", "state", "times", "gate", "juniors"}
)
# First words of place names, never given names.
_PLACE_WORDS = frozenset(
    """north south east west northern southern eastern western central upper lower fort lake
    mount mt port saint st san santa""".split()
)
_NOT_GIVEN_NAME = re.compile(r"(?:tion|sion|ing|ment|ness|ity|ure|ive|ous|ism|ics|ern|ial|oric)$")


def person_like(text: str, run: list[tuple[int, int]], leftovers, hits, lower_words) -> bool:
    """A run that reads as a person's name: after a title, before "said", or Given Surname.
    Function and common words opening the run ("The Mansfield resident", "North Texas",
    "Though London") are not part of the name."""
    opener = text[run[0][0] : run[0][1]].lower().rstrip(".")
    lead = 0
    while lead < len(run) - 1 and (
        (word := text[run[lead][0] : run[lead][1]])
        and (
            (fold(word) or "") in cues.LEADING_FUNCTION
            or (fold(word) or "") in cues.STOPWORDS
            or is_common(word, lower_words)
        )
    ):
        lead += 1
    if lead:
        run = run[lead:]
        leftovers = [(a - lead, b - lead) for a, b in leftovers if b > lead]
    if given_country(text, run, hits, leftovers, lower_words):
        return True  # "Chad Foster", "Jordan Dyer"
    if any(exact([h]) for h in hits):
        return False  # "an official EU language", "Europe said"
    prev = _PREV_WORD.search(before(text, run[0][0], 30))
    if prev and prev.group(1).lower().rstrip(".") in TITLES:
        return True
    after = text[run[-1][1] : run[-1][1] + 20]
    if cues.SPEECH_AFTER.match(after) and not any(
        h.country or h.cued or _capital(h) or (len(run) == 1 and _known(h, _SPEAKING_CITY))
        for h in hits
    ):
        return True  # "Greer said"; not "Gainesville says" (a city speaking for its people)
    if any(h.country or h.admin_cue or h.settlement_cue for h in hits):
        return False
    if len(run) not in (2, 3) or not hits:
        return False
    if (
        not leftovers
        and locative(text, run[0][0])
        and hits[0].start == run[0][0]
        and _known(hits[0])
    ):
        return False  # "in Maiduguri Borno State"; not "at Minnie Howard"
    first = text[run[0][0] : run[0][1]].lower().rstrip(".")
    if opener in _PLACE_WORDS:
        return False  # "East Bank", "West Side Taco Bell", "Fort Hood", "Lake Lanier"
    if leftovers and leftovers[0][0] == 0:  # "Given Surname": the first word matched nothing
        return first == "operation" or _NOT_GIVEN_NAME.search(first) is None
    return len(hits) >= 2


def given_country(text: str, run: list[tuple[int, int]], hits, leftovers, lower_words) -> bool:
    """A country named like a given name, then a surname: "Chad Foster", "Jordan Dyer"."""
    if len(run) != 2 or not hits or not hits[0].country or hits[0].end != run[0][1]:
        return False
    if any(h.country or h.cued for h in hits[1:]):
        return False  # "Jordan Israel", "Chad in ..."
    if (fold(hits[0].surface) or "") not in _GIVEN_COUNTRIES:
        return False
    word = text[run[1][0] : run[1][1]]
    folded = fold(word) or ""
    return not (is_common(word, lower_words) or folded in _HEADS or word.isupper())


def _known(hit: Hit, people: int = _KNOWN_TOWN) -> bool:
    """The hit spells the main name of a place of ``people`` people."""
    return any(
        main and p.population >= people and same_spelling(hit.surface, p.name)
        for p, main in hit.cands
    )


def _capital(hit: Hit) -> bool:
    """The hit may be a capital or a province speaking for its government ("Tbilisi said")."""
    return any(p.feature_code in ("PPLC", "ADM1") for p, _ in hit.cands)


def surname(text: str, run: list[tuple[int, int]]) -> str:
    """The last word of a person's name: the one the text may use alone later ("Greer said")."""
    return text[run[-1][0] : run[-1][1]]


def modifier_split(text: str, run: list[tuple[int, int]], hits: list[Hit]) -> int:
    """Index of a title or organisation word after a leading place name ("Fargo Mayor
    Dennis Walaker", "Mansfield Police Department"); 0 when the run does not read so."""
    for k in range(1, len(run)):
        word = fold(text[run[k][0] : run[k][1]]) or ""
        if word in TITLES or word in cues.CIVIC_HEADS:
            lead = [h for h in hits if h.end <= run[k - 1][1]]
            first = next(
                (
                    t
                    for t in run
                    if (fold(text[t[0] : t[1]]) or "") not in cues.STOPWORDS
                    and (fold(text[t[0] : t[1]]) or "") not in _TITLE_MODIFIERS
                ),
                run[0],
            )
            covered = bool(lead) and lead[0].start == first[0] and lead[-1].end == run[k - 1][1]
            return k if covered and all(h.country or h.cands for h in lead) else 0
    return 0
