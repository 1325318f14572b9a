"""Who did what to whom in a clause: actor1 (who acts) and actor2 (the target), ACLED-style.

``subject`` finds the actor who acts (named after "by", else the first armed or crowd actor
not named as the one hit or as an ally); ``roles`` assigns actor1/actor2 by event type:
protests and riots put the crowd first and the state that met it second, violence against
civilians puts the armed doer first and the victims second, battles order their sides as
ACLED does (state forces first, then foreign forces, in a symmetric clash; the attacker
first when an attack verb tells who started it). Allies ("supported by loyalist militias")
are neither actor1 nor actor2.
"""

from __future__ import annotations

import re

from conflictcoder import cues
from conflictcoder.actors import ActorMatch
from conflictcoder.models import Span

ARMED = frozenset({1, 2, 3, 4, 8})  # inter codes of armed actors

_BY = re.compile(r"\bby\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# An actor named as the one hit ("a bomb killed three soldiers") is no subject.
_VICTIM = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|hit(?:ting|s)?|struck|striking"
    r"|target(?:ed|ing|s)?)\s+(?:(?:at\s+least|more\s+than|some|about)\s+)?"
    r"(?:(?!(?:during|in|by|at|on|with|near|when|after|as|and|while)\s)[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# An actor fighting on another's side ("regime forces, supported by loyalist militias"):
# ACLED codes it as an associated actor, never as actor1 or actor2.
_ALLIED = re.compile(
    r"(?<![\w-])(?:(?:supported|backed|accompanied|assisted|aided|joined|reinforced|helped|flanked"
    r"|alongside)\s+by|alongside|along\s+with|together\s+with|in\s+coordination\s+with"
    r"|supported|backed)\s+(?:(?:the|its|their|his)\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# Aircraft named as an actor ("Russian warplanes"): support, when two sides fight on the ground.
_AIR = re.compile(r"warplane|war\s+plane|jets?\b|aircraft|helicopter|air\s+force|drone", re.I)
_WITH = re.compile(
    r"\b(?:with|against|on|at(?!\s+(?:least|most)\b)|targeting|targeted|targets)\s+"
    r"(?:[\w-]+\s+){0,3}$",
    re.I,
)

# The same patterns for lower-cased text (``lower``: ``text.lower()``, same offsets), where
# case-sensitive matching is several times faster than ``re.IGNORECASE``.
_LOWER = {
    id(pattern): re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    for pattern in (_BY, _VICTIM, _ALLIED, _WITH)
}


def _search(
    pattern: re.Pattern[str], text: str, lower: str | None, start: int, end: int
) -> re.Match[str] | None:
    if lower is None:
        return pattern.search(text, start, end)
    return _LOWER[id(pattern)].search(lower, start, end)


def other(actor: ActorMatch, subject: ActorMatch, text: str) -> bool:
    """Whether two actor mentions name different actors (generic words differ in wording)."""
    if actor.entry is not subject.entry:
        return True
    words = (text[actor.start : actor.end].lower(), text[subject.start : subject.end].lower())
    return actor.entry.generic and words[0].rstrip("s") != words[1].rstrip("s")


def allied(text: str, start: int, actor: ActorMatch, lower: str | None = None) -> bool:
    """Whether the actor is named as fighting on another's side ("backed by militias");
    ``lower``, when given, is ``text.lower()`` (faster)."""
    return bool(_search(_ALLIED, text, lower, max(start, actor.start - 40), actor.start))


def subject(
    text: str, start: int, found: list[ActorMatch], lower: str | None = None
) -> ActorMatch | None:
    """The actor who acts: named after "by", else the first armed or crowd actor."""
    for actor in found:
        if actor.entry.inter != 7 and _search(
            _BY, text, lower, max(start, actor.start - 25), actor.start
        ):
            if not allied(text, start, actor, lower):
                return actor
    for actor in found:
        if actor.entry.inter in ARMED or actor.entry.inter in (5, 6):
            if not _search(_WITH, text, lower, max(start, actor.start - 30), actor.start):
                if not allied(text, start, actor, lower) and not _search(
                    _VICTIM, text, lower, max(start, actor.start - 40), actor.start
                ):
                    return actor
    return None


# ACLED's side order in battles: state forces first, then foreign forces, then the rest
# (dev ACLED: the state is actor1 in 89 % of Syrian state-rebel clashes; elsewhere the
# initiator leads, which an agentive attack verb tells).
_SIDE_RANK = {1: 0, 8: 1}


def _battle_order(
    text: str, sub: str, trigger: Span, first: ActorMatch | None, second: ActorMatch | None
) -> tuple[ActorMatch | None, ActorMatch | None]:
    if first is None or second is None:
        return first, second
    rank1 = _SIDE_RANK.get(first.entry.inter, 2)
    rank2 = _SIDE_RANK.get(second.entry.inter, 2)
    if rank2 >= rank1:
        return first, second
    if sub == "Non-state actor overtakes territory":
        return first, second
    symmetric = sub == "Government regains territory" or bool(
        cues.BATTLE.fullmatch(text, trigger.start, trigger.end)
    )
    return (second, first) if symmetric else (first, second)


UNKNOWN = object()  # a doer not given: ``roles`` and ``typing_rules.typed`` find it


def roles(
    text: str,
    start: int,
    event_type: str,
    sub: str,
    trigger: Span,
    found: list[ActorMatch],
    lower: str | None = None,
    doer: ActorMatch | None | object = UNKNOWN,
) -> tuple[ActorMatch | None, ActorMatch | None]:
    """actor1 and actor2 of a clause of the given event type and sub-event type (``lower``:
    ``text.lower()``, when the caller has it; ``doer``: ``subject(text, start, found,
    lower)`` when the caller has computed it already, for the same ``found``)."""
    if doer is UNKNOWN:
        doer = subject(text, start, found, lower)
    others = [a for a in found if doer is None or a.entry is not doer.entry]
    if event_type in ("Protests", "Riots"):
        crowd = next((a for a in found if a.entry.inter in (5, 6)), None)
        if crowd is not None and crowd.entry.inter == 6 and sub == "Violent demonstration":
            crowd = None
        state = next((a for a in found if a.entry.inter == 1 and a is not crowd), None)
        return crowd, state if sub != "Peaceful protest" else None
    if event_type == "Violence against civilians":
        victim = next((a for a in others if a.entry.inter in (6, 7)), None)
        return (doer if doer is not None and doer.entry.inter in ARMED else None), victim
    if event_type == "Battles":
        armed = [a for a in others if a.entry.inter in ARMED and not allied(text, start, a, lower)]
        ground = [
            a for a in found if a.entry.inter in ARMED and not _AIR.search(text, a.start, a.end)
        ]
        if len({id(a.entry) for a in ground}) >= 2:
            # "Russian warplanes struck as regime forces clashed with rebels": air support
            # is no side of the battle when two sides fight on the ground
            armed = [a for a in armed if a in ground]
            if doer is not None and doer not in ground:
                doer = None
                armed = [a for a in ground if not allied(text, start, a, lower)]
        opposed = [
            a for a in armed if _search(_WITH, text, lower, max(start, a.start - 30), a.start)
        ]
        if doer is None and armed:  # ACLED always names actor1: a side not fought "with"
            doer = next((a for a in armed if a not in opposed), armed[0])
            armed = [a for a in armed if a.entry is not doer.entry]
            opposed = [a for a in opposed if a.entry is not doer.entry]
        return _battle_order(text, sub, trigger, doer, (opposed or armed or [None])[0])
    target = next((a for a in others if a is not doer), None)
    return doer, target


# Between a side and an actor fighting with it: "regime forces and", "QSD, backed by".
_OPPOSING = re.compile(
    r"\b(?:against|between|versus|vs|clash\w*|fight\w*|fought|battl\w*|attack\w*|target\w*"
    r"|struck|hit|kill\w*|shell\w*|on|at|in|near|from|into|to|of|by\s+(?!\w+\s*$))\b"
    r"|(?<!along\s)(?<!together\s)\bwith\b",
    re.IGNORECASE,
)
_SUPPORT = re.compile(
    r"\b(?:supported|backed|accompanied|assisted|aided|joined|reinforced)\s+by\b", re.I
)


def associates(
    text: str,
    found: list[ActorMatch],
    first: ActorMatch | None,
    second: ActorMatch | None,
) -> tuple[tuple[ActorMatch, ...], tuple[ActorMatch, ...]]:
    """ACLED's associated actors of each side: armed actors named with a side, not against
    it ("regime forces and pro-regime militias", "the SDF, backed by coalition aircraft")."""
    sides = [(m, 0) for m in found if first is not None and m.entry is first.entry]
    sides += [(m, 1) for m in found if second is not None and m.entry is second.entry]
    chosen: tuple[list[ActorMatch], list[ActorMatch]] = ([], [])
    taken = {id(first.entry) if first else None, id(second.entry) if second else None}
    for actor in found:
        if actor.entry.inter not in ARMED or id(actor.entry) in taken:
            continue
        before = [(m, side) for m, side in sides if m.end <= actor.start]
        if not before:
            continue
        mention, side = max(before, key=lambda pair: pair[0].end)
        gap = text[mention.end : actor.start]
        supported = _SUPPORT.search(gap)
        if len(gap) > 45 or _OPPOSING.search(_SUPPORT.sub(" ", gap) if supported else gap):
            continue
        taken.add(id(actor.entry))
        chosen[side].append(actor)
    return tuple(chosen[0]), tuple(chosen[1])
