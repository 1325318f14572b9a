"""How a protest went: what the sentences after a protest say of it.

A protest is typed first by its own sentence (``protest_level``, called by ``typing_rules``);
the sentences that follow may tell how it went ("Police dispersed them with tear gas.",
"Police arrested 12.", "Chairs were burnt."). ``met`` raises the protest to ACLED's stronger
type when they do (peaceful < intervention < excessive force < violent demonstration) and
``how_it_went`` says whether a crowd's acts belong to the protest told before; ``calm`` drops
the tolls of calm protests (they name the grievance). Split from ``mentions``, which calls
these while reading an article.
"""

from __future__ import annotations

import re
from dataclasses import replace

from conflictcoder import cues
from conflictcoder.models import Mention, Sentence, Span
from conflictcoder.taxonomy import PROTESTS, RIOTS, SUB_EVENT_TYPES

_PROTEST_LEVELS = (
    ("Violent demonstration", "the crowd used violence or vandalism"),
    ("Excessive force against protesters", "protesters shot at, killed or seriously hurt"),
    ("Protest with intervention", "protest dispersed, arrested or met with force"),
)


def _matches(pattern: re.Pattern[str], text: str, lower: str | None, start: int, end: int):
    while start < end and (match := cues.search(pattern, text, lower, start, end)) is not None:
        yield match
        start = match.end() if match.end() > start else start + 1


_CROWD_WHO = re.compile(
    r"\b(?:protest[eo]rs|demonstrators|crowds?|mobs?|youths?|rioters)\s+(?:who|that)"
    r"\s+(?:had\s+|also\s+|then\s+)?$|\bwho\s+were\s+$",  # "people, who were burning tyres"
    re.IGNORECASE,
)
_ATTRIBUTIVE = re.compile(r"\b(?:the|an?|his|her|their|its)\s+$", re.IGNORECASE)


def protest_level(
    text: str, start: int, end: int, lower: str | None = None
) -> tuple[str, Span, str] | None:
    """How a crowd acted or was met in ``text[start:end]`` by ACLED's protest definitions:
    violent demonstration (the crowd burns, stones, vandalises, clashes with police) over
    excessive force (live fire, killed or seriously injured protesters) over intervention
    (dispersal, tear gas, arrests, beatings without serious injury); None when nothing is
    said. Cues that name the grievance ("protested against the killing of") do not count;
    shots fired in the air or rubber bullets are dispersal."""
    dispersal = None
    for (sub, why), pattern in zip(
        _PROTEST_LEVELS, (cues.CROWD_VIOLENCE, cues.FORCE, cues.DISPERSAL), strict=True
    ):
        for match in _matches(pattern, text, lower, start, end):
            before = max(start, match.start() - 60)
            if pattern is cues.CROWD_VIOLENCE and (
                _CROWD_WHO.search(text, before, match.start())
                or "violent" in match.group(0).lower()
            ):
                pass  # "demonstrators who pelted stones", "the protest turned violent"
            elif cues.search(cues.MOTIVE, text, lower, before, match.start()):
                continue
            if match.group(0).endswith("ed") and _ATTRIBUTIVE.search(text, before, match.start()):
                continue  # "the arrested president": who they are, not what was done
            span = Span(match.start(), match.end())
            if pattern is cues.FORCE and cues.WARNING_SHOTS.match(text, match.end(), end):
                dispersal = dispersal or span
                continue
            return sub, span, why
    if dispersal is not None:
        return "Protest with intervention", dispersal, "shots fired in the air to disperse"
    return None


# ACLED's protest scale: how the crowd acted or was met, weakest first.
_PROTEST_SEVERITY = {
    "Peaceful protest": 0,
    "Protest with intervention": 1,
    "Excessive force against protesters": 2,
    "Violent demonstration": 3,
}
_CROWD_WORDS = re.compile(
    r"\b(?:crowds?|them|they|participants|gathering|group|protest\w*|demonstrat\w*|march\w*"
    r"|rall(?:y|ies)|strikers|sit-?ins?|blockade)\b",
    re.IGNORECASE,
)
# Who meets a protest: a following sentence tells of it when it names the crowd or them.
_MEETERS = re.compile(
    r"\b(?:police\w*|security|forces|soldiers|troops|officers|guards?|army|gendarm\w*"
    r"|authorities|riot)\b",
    re.IGNORECASE,
)

_SOME_PLACE = re.compile(r"\b(?i:in|at|near|outside|around)\s+(?:the\s+)?[A-Z][\w'’-]+")


def how_it_went(text: str, lower: str | None, sentence: Sentence) -> bool:
    """A crowd's acts told with no protest word and no place of their own ("Chairs were
    burnt."): how the protest told just before went, not another protest."""
    start, end = sentence.start, sentence.end
    return not cues.search(cues.PROTEST, text, lower, start, end) and not _SOME_PLACE.search(
        text, start, end
    )


def met(
    text: str, lower: str | None, sentence: Sentence, mention: Mention | None, protest: Mention
) -> Mention | None:
    """The protest told before, raised to what this following sentence says of how it went
    ("Police dispersed them with tear gas."), or None when the sentence tells no more of it
    (another event, or nothing stronger than the protest's type)."""
    start, end = sentence.start, sentence.end
    next_arrest = (  # "Police arrested 12." just after the protest: its participants
        mention is not None
        and mention.sub_event_type == "Arrests"
        and sentence.index == protest.sentence + 1
        and not cues.search(cues.ACCUSATION, text, lower, start, end)
        and not _SOME_PLACE.search(text, start, end)
    )
    crowd_act = (
        mention is not None
        and mention.event_type in (PROTESTS, RIOTS)
        and how_it_went(text, lower, sentence)
    )
    if mention is not None and mention.event_type not in (PROTESTS, RIOTS) and not next_arrest:
        if mention.sub_event_type == "Arrests" and cues.search(
            cues.ACCUSATION, text, lower, start, end
        ):
            return None  # "The blogger was arrested on a charge of ...": an arrest of its own
        if mention.sub_event_type not in (
            "Arrests",
            "Attack",
            "Armed clash",
            "Disrupted weapons use",
            "Other",  # "Police fired shots in the air."
        ):
            return None
        if not _CROWD_WORDS.search(text, start, end):
            return None
    # "Chairs were burnt.": damage told just after a protest, with no event of its own
    damage = (
        mention is None
        and sentence.index == protest.sentence + 1
        and how_it_went(text, lower, sentence)
    )
    if not (
        next_arrest
        or crowd_act
        or damage
        or _CROWD_WORDS.search(text, start, end)
        or _MEETERS.search(text, start, end)
    ):
        return None  # "He was arrested in May": the grievance, not the protest
    level = protest_level(text, sentence.start, sentence.end, lower)
    if level is None:
        return None
    sub, _, why = level
    if damage and sub != "Violent demonstration" and not _MEETERS.search(text, start, end):
        return None
    if _PROTEST_SEVERITY[sub] <= _PROTEST_SEVERITY.get(protest.sub_event_type, 99):
        return None
    return replace(
        protest,
        event_type=SUB_EVENT_TYPES[sub],
        sub_event_type=sub,
        why=f"{protest.why}; sentence {sentence.index}: {why}",
    )


def calm(mention: Mention) -> Mention:
    """A peaceful protest or one only dispersed has no deaths (ACLED): a toll in it names
    the grievance ("protested the killing of three")."""
    if mention.sub_event_type not in ("Peaceful protest", "Protest with intervention"):
        return mention
    if mention.fatalities is None:
        return mention
    return replace(mention, fatalities=None, fatality_spans=())
