"""Event mentions: the sentences that report an event, typed in ACLED's taxonomy.

``find`` reads each sentence, drops background and hypothetical ones, finds the event cues
(``cues``) and the actors (``actors``) in it, and applies ACLED's coding rules to choose the
event type and sub-event type, actor1 (who acts) and actor2 (the target), and fatalities.
A sentence that only refers back to an event reported earlier ("The attack in Syria
targeted ...", "The fighting started with ...") still yields a mention, typed as that
event, with ``reference=True``, a lower confidence and a ``why`` saying so; mentions are not
grouped here (the events stage does that with dates and places). What later sentences say
of a protest is read by ``protests``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from conflictcoder import cues, fatalities, protests, roles, typing_rules
from conflictcoder.actors import ActorLexicon, ActorMatch
from conflictcoder.models import ActorRef, Mention, Sentence, Span
from conflictcoder.protests import protest_level
from conflictcoder.taxonomy import BATTLES, EXPLOSIONS, PROTESTS, RIOTS, SUB_EVENT_TYPES, VAC
from conflictcoder.typing_rules import Typed

__all__ = ["SUB_EVENT_TYPES", "Typed", "find", "protest_level", "signals"]

_EXPLOSIVE_SUBS = frozenset(
    {"Remote explosive/landmine/IED", "Grenade", "Shelling/artillery/missile attack"}
)
_ATTRIBUTION = re.compile(
    r"(?:spokes(?:man|woman|person)\s+for|according\s+to|commander\s+of|statement\s+(?:by|from)"
    r"|official\s+(?:of|with)|head\s+of|leader\s+of|told|member\s+of|said|holding|detaining"
    r"|release\s+of|freeing|free)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_ATTRIBUTION_LOWER = re.compile(_ATTRIBUTION.pattern)  # for lower-cased text: faster


def _actors(
    text: str, start: int, end: int, lexicon: ActorLexicon, lower: str | None = None
) -> list[ActorMatch]:
    kept = []
    said, where = (_ATTRIBUTION, text) if lower is None else (_ATTRIBUTION_LOWER, lower)
    for match in lexicon.find(text, start, end):
        if said.search(where, max(start, match.start - 60), match.start):
            continue
        kept.append(match)
    return kept


def signals(text: str, lexicon: ActorLexicon) -> tuple[str, ...]:
    """``typing_rules.signals`` of a whole text read as one sentence (the learned model's
    rule and actor inputs for a training note)."""
    lower = text.lower()
    lower = lower if len(lower) == len(text) else None
    found = _actors(text, 0, len(text), lexicon, lower)
    killed = fatalities.deaths(text, 0, len(text), lower)[0]
    return typing_rules.rule_signals(text, 0, len(text), found, lower, killed)


# How sure the learned model must be of the type of the first sentence of a text in which
# nothing else reports an event (elsewhere ``typing_rules``' own bars, 0.75 and 0.85, apply):
# a report's lede tells its event, in words the cues may not know.
LEDE_FLOOR = 0.5
# Who must be named in such a lede (or a death counted) for the model to be heard: armed
# actors, rioters or protesters; not civilians alone ("hundreds of families fled the floods").
_PARTIES = roles.ARMED | {5, 6}

_CROWDS = {PROTESTS: "Protesters ({country})", RIOTS: "Rioters ({country})"}
_VICTIMS = "Civilians ({country})"
_ARRESTERS = "Police Forces of {country}"
_UNKNOWN_ARMED = "Unidentified Armed Group ({country})"
_UNCLAIMED = frozenset(
    {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Attack",
     "Abduction/forced disappearance"}
)  # fmt: skip


def _ref(match: ActorMatch | None, others: list[ActorMatch]) -> ActorRef | None:
    """An ActorRef with every span in the sentence naming the same actor."""
    if match is None:
        return None
    entry = match.entry
    spans = tuple(Span(a.start, a.end) for a in others if a.entry is entry)
    return ActorRef(  # ``match.ref()`` with these spans
        name=entry.name,
        inter=entry.inter,
        spans=spans or (Span(match.start, match.end),),
        country=match.country,
        generic=entry.generic,
    )


_NEVER_SKIPPED = frozenset({PROTESTS, RIOTS})


def _skip(
    text: str, sentence: Sentence, trigger: Span, sub: str | None = None, lower: str | None = None
) -> str | None:
    """Why the sentence reports no event, or None (a trial, a memorial or a threat is told,
    not done, unless people demonstrate about it)."""
    start, end = sentence.start, sentence.end
    if lower is not None and not cues.TOLD_NOT_DONE.search(lower, start, end):
        hedge = cues.search(
            cues.HYPOTHETICAL, text, lower, max(start, trigger.start - 40), trigger.start
        )
        return "hypothetical" if hedge else None
    if sub is not None and cues.search(cues.NOT_AN_EVENT, text, lower, start, end):
        crowd = SUB_EVENT_TYPES[sub] in _NEVER_SKIPPED and any(
            cues.search(cue, text, lower, start, end) for cue in (cues.PROTEST, cues.RIOT, cues.MOB)
        )
        if not crowd:
            return "trial, commemoration or threat"
    first, last = _own_clause(text, lower, start, end, trigger)
    if cues.search(cues.HYPOTHETICAL, text, lower, max(first, trigger.start - 40), trigger.start):
        return "hypothetical"
    if cues.search(cues.ANALYSIS, text, lower, first, last):
        return "analysis"
    if cues.search(cues.BACKGROUND, text, lower, first, last):
        if not cues.ANCHORED.search(text, start, end):
            return "background"
    return None


# Where a clause that tells why or about what ends or begins: a relative or subordinate
# clause, a demand ("demanding", "to highlight"), a grievance ("over", "against", "for").
_SUBORDINATE = re.compile(
    r";|\s[-–—]\s|,?\s(?:who|which|whose|that|after|because|while|whereas|although"
    r"|following|demanding|protesting|denouncing|condemning|calling\s+for|having|to\s+(?:demand"
    r"|protest|denounce|highlight|press|call|mark|commemorate|celebrate|condemn|express|show"
    r"|draw|ask|request|reject|oppose|support)|over|against|for|amid(?:st)?)\s"
)


def _own_clause(
    text: str, lower: str | None, start: int, end: int, trigger: Span
) -> tuple[int, int]:
    """The stretch of ``[start, end)`` that is the trigger's own clause: from the last
    subordinate break before it to the first after it ("that" included, so "show that"
    still reads as analysis, while "to highlight the demands" does not)."""
    where = lower if lower is not None else text.lower()
    if len(where) != len(text):
        return start, end
    first, last = start, end
    for match in _SUBORDINATE.finditer(where, start, end):
        if match.end() <= trigger.start:
            first = match.end()
        elif match.start() >= trigger.end:
            last = match.end() if match.group(0).strip(" ,") == "that" else match.start()
            break
    return first, last


_EVENT_NOUN = re.compile(
    r"(?:attacks?|assaults?|fighting|clash(?:es)?|battle|raid"
    r"|bombing|blasts?|explosions?|violence|incident|operation)"
)


def _is_reference(text: str, sentence: Sentence, trigger: Span, deaths: int | None) -> bool:
    """A definite noun that names an event already told ("The attack in Syria ..."); never
    in the first sentence, which has nothing to refer back to."""
    word = text[trigger.start : trigger.end].lower()
    if deaths or sentence.index == 0 or not _EVENT_NOUN.fullmatch(word):
        return False
    return bool(cues.DEFINITE.search(text, max(sentence.start, trigger.start - 30), trigger.start))


def _mention(
    text: str,
    lower: str | None,
    sentence: Sentence,
    lexicon: ActorLexicon,
    counted: tuple[int | None, tuple[Span, ...]] | None = None,
    floor: float | None = None,
) -> Mention | None:
    """The mention of a sentence or clause (``counted``: its ``fatalities.deaths``, when known;
    ``floor``: ``typing_rules.typed``'s, for a lede)."""
    found = _actors(text, sentence.start, sentence.end, lexicon, lower)
    if counted is None:
        counted = fatalities.deaths(text, sentence.start, sentence.end, lower)
    deaths, death_spans = counted
    if floor is not None and not deaths and not any(a.entry.inter in _PARTIES for a in found):
        return None  # a lede naming no armed group, crowd or death reports no event
    doer = roles.subject(text, sentence.start, found, lower)  # typing's and roles' own
    typed = typing_rules.typed(
        text, sentence.start, sentence.end, found, lower, deaths, floor, doer
    )
    if typed is None or _skip(text, sentence, typed.trigger, typed.sub_event_type, lower):
        return None
    sub = typed.sub_event_type
    if SUB_EVENT_TYPES[sub] == BATTLES and not any(a.entry.inter in roles.ARMED for a in found):
        communal = cues.COMMUNAL.fullmatch(text, typed.trigger.start, typed.trigger.end)
        if not communal and any(a.entry.inter in (5, 6, 7) for a in found):
            return None  # a battle needs armed sides: protesters or civilians alone fight none
    reference = _is_reference(text, sentence, typed.trigger, deaths)
    if reference:  # only an actor named before the trigger is surely a party
        found = [a for a in found if a.end <= typed.trigger.start]
        doer = roles.UNKNOWN  # of fewer actors: found anew
    actor1, actor2 = roles.roles(
        text, sentence.start, SUB_EVENT_TYPES[sub], sub, typed.trigger, found, lower, doer
    )
    assoc1, assoc2 = roles.associates(text, found, actor1, actor2)
    crowd = SUB_EVENT_TYPES[sub] in _CROWDS
    if crowd and (actor1 is None or actor1.entry.inter not in (5, 6)):  # "teachers protested"
        entry = lexicon.by_name.get(_CROWDS[SUB_EVENT_TYPES[sub]])
        if entry is not None:
            actor1 = ActorMatch(typed.trigger.start, typed.trigger.end, entry, None)
    if sub == "Arrests" and (actor1 is None or actor1.entry.inter not in (1, 8)):
        entry = lexicon.by_name.get(_ARRESTERS)  # ACLED: the state arrests, mostly its police
        if entry is not None:
            actor1 = ActorMatch(typed.trigger.start, typed.trigger.end, entry, None)
    if actor1 is None and sub in _UNCLAIMED:  # ACLED: an unnamed perpetrator is unidentified
        entry = lexicon.by_name.get(_UNKNOWN_ARMED)
        if entry is not None:
            actor1 = ActorMatch(typed.trigger.start, typed.trigger.end, entry, None)
    if SUB_EVENT_TYPES[sub] == VAC and actor2 is None:  # ACLED: the victims are civilians
        entry = lexicon.by_name.get(_VICTIMS)
        if entry is not None:
            actor2 = ActorMatch(typed.trigger.start, typed.trigger.end, entry, None)
    return Mention(
        sentence=sentence.index,
        trigger=typed.trigger,
        event_type=SUB_EVENT_TYPES[sub],
        sub_event_type=sub,
        actor1=_ref(actor1, found),
        actor2=_ref(actor2, found),
        assoc_actor_1=tuple(_ref(a, found) for a in assoc1),  # type: ignore[misc]
        assoc_actor_2=tuple(_ref(a, found) for a in assoc2),  # type: ignore[misc]
        fatalities=deaths,
        fatality_spans=death_spans,
        confidence=0.35 if reference else typed.confidence,
        why=("back-reference to an event told earlier; " if reference else "") + typed.why,
        reference=reference,
    )


def _inherit(text: str, mention: Mention, earlier: Mention | None) -> Mention:
    """Type a back-reference or a bare explosion as the battle told just before it."""
    if earlier is None:
        return mention
    bare_explosion = (
        mention.sub_event_type in _EXPLOSIVE_SUBS
        and earlier.event_type == BATTLES
        and mention.actor1 is None
        and not mention.fatalities
    )
    bare_attack = (  # "The militants ... attacked on Thursday": no target, no toll, no fight word
        mention.sub_event_type in ("Attack", "Armed clash")
        and not cues.BATTLE.fullmatch(text, mention.trigger.start, mention.trigger.end)
        and earlier.event_type == BATTLES
        and mention.actor2 is None
        and not mention.fatalities
    )
    if not (mention.reference or bare_explosion or bare_attack):
        return mention
    return _as_part(
        mention,
        earlier,
        f"back-reference typed as the {earlier.sub_event_type.lower()} of sentence "
        f"{earlier.sentence} (explosions during a battle are part of it)",
    )


_STAND_OFF = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})


def _absorb(text: str, sentence: Sentence, earlier: Mention, mention: Mention) -> Mention | None:
    """The event told before, retyped by what a following sentence says of it, or None.
    ACLED codes an explosion during a battle as part of the battle: "IS fighters detonated
    two car bombs at the gate. The clashes lasted hours." (the definite "the clashes"), or
    "Warplanes struck rebel positions. Clashes continued all day." (after an air strike or
    shelling, the very next sentence, naming no place of its own), or "Militants threw a
    grenade at police. Police responded with gunfire." (any explosion met with fire told in
    the very next sentence: ACLED's remote violence has no other engagement)."""
    if mention.sub_event_type != "Armed clash" or earlier.event_type != EXPLOSIONS:
        return None
    if not cues.BATTLE.fullmatch(text, mention.trigger.start, mention.trigger.end):
        return None  # "killed in the attack" tells of no battle
    fired_back = mention.sentence == earlier.sentence + 1 and cues.RESPONSE.search(
        text, sentence.start, sentence.end
    )  # "Police responded with gunfire.": the explosion met an armed response
    if not (mention.reference or fired_back) and (
        earlier.sub_event_type not in _STAND_OFF
        or mention.sentence != earlier.sentence + 1
        or _OWN_PLACE.search(text, sentence.start, sentence.end)
    ):
        return None
    return replace(
        earlier,
        event_type=BATTLES,
        sub_event_type="Armed clash",
        why=f"{earlier.why}; part of the battle told in sentence {mention.sentence}",
    )


def _as_part(mention: Mention, whole: Mention, why: str | None = None) -> Mention:
    """A mention that retyped the event told before: a back-reference to it."""
    return replace(
        mention,
        event_type=whole.event_type,
        sub_event_type=whole.sub_event_type,
        reference=True,
        confidence=min(mention.confidence, 0.35),
        why=why or f"part of the {whole.sub_event_type.lower()} of sentence {whole.sentence}",
    )


def _later_deaths(
    text: str,
    sentence: Sentence,
    mention: Mention,
    counted: tuple[int | None, tuple[Span, ...]],
    lower: str | None = None,
) -> Mention:
    """The mention with the deaths a following sentence with no event of its own reports
    (``counted``: the sentence's ``fatalities.deaths``)."""
    deaths, spans = counted
    if deaths is None:
        return mention
    if mention.fatalities is not None and not fatalities.coded(
        text, sentence.start, sentence.end, lower
    ):
        return mention  # a coder's remark ("fatalities coded as 0") wins over the count told
    if (
        mention.fatalities is not None
        and deaths == 0
        and not _CODED_ZERO.search(text, sentence.start, sentence.end)
    ):
        return mention
    return replace(mention, fatalities=deaths, fatality_spans=spans)


_CODED_ZERO = re.compile(r"\b(?:coded|recorded)\s+(?:as\s+|at\s+|to\s+)?(?:0|zero)\b", re.I)


# Where a sentence joins two reports ("A was shelled, while in B gunmen killed two").
_CLAUSE_BREAK = re.compile(
    r"(?:,\s*|\s+)(?:while|whereas)\s+|;\s+|,\s+(?:and\s+)?(?:meanwhile|elsewhere)\s*,?\s+",
    re.IGNORECASE,
)
_CLAUSE_BREAK_LOWER = re.compile(_CLAUSE_BREAK.pattern)  # for lower-cased text: faster
# A clause that names its own place: "in Aleppo", "near the town of Bula".
_OWN_PLACE = re.compile(
    r"\b(?:in|at|near|outside|around)\s+(?:the\s+(?:\w+\s+){0,2}(?:of\s+)?)?[A-Z][\w'’-]+"
)


def _clauses(
    text: str, lower: str | None, sentence: Sentence, lexicon: ActorLexicon
) -> list[Mention] | None:
    """The mentions of a sentence that clearly reports two events, one per clause, each
    clause naming its own place and reporting an event of its own; else None."""
    breaks = list(
        _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end)
        if lower is None
        else _CLAUSE_BREAK_LOWER.finditer(lower, sentence.start, sentence.end)
    )
    if not breaks:
        return None
    bounds = [sentence.start, *(p for b in breaks for p in (b.start(), b.end())), sentence.end]
    parts = [Sentence(sentence.index, a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
    if not all(_OWN_PLACE.search(text, part.start, part.end) for part in parts):
        return None
    found = [_mention(text, lower, part, lexicon) for part in parts]
    if any(m is None or m.reference for m in found):
        return None
    return found  # type: ignore[return-value]


def find(text: str, sentences: tuple[Sentence, ...], lexicon: ActorLexicon) -> tuple[Mention, ...]:
    """Event mentions in text order: one per sentence, or one per clause where a sentence
    clearly joins two reports."""
    found: list[Mention] = []
    earlier: Mention | None = None
    lower = text.lower()
    lower = lower if len(lower) == len(text) else None
    protest: int | None = None  # index in ``found`` of the protest told last
    at = 0  # index in ``found`` of ``earlier``
    for sentence in sentences:
        counted = fatalities.deaths(text, sentence.start, sentence.end, lower)
        mention = _mention(text, lower, sentence, lexicon, counted)
        if protest is not None and (
            met := protests.met(text, lower, sentence, mention, found[protest])
        ):
            found[protest] = met
            if at == protest:
                earlier = met
            if mention is not None and (
                mention.event_type not in (PROTESTS, RIOTS)
                or protests.how_it_went(text, lower, sentence)
            ):
                mention = replace(
                    mention,
                    event_type=met.event_type,
                    sub_event_type=met.sub_event_type,
                    reference=True,
                    confidence=min(mention.confidence, 0.35),
                    why=f"part of the {met.sub_event_type.lower()} of sentence {met.sentence}",
                )
        if mention is None:
            if found:  # "Three more bodies were found." tells the deaths of the event before
                found[-1] = _later_deaths(text, sentence, found[-1], counted, lower)
            continue
        split = _clauses(text, lower, sentence, lexicon) if not mention.reference else None
        for clause in split or [mention]:
            if earlier is not None and (whole := _absorb(text, sentence, earlier, clause)):
                found[at] = earlier = whole
                found.append(_as_part(clause, whole))
                continue
            typed = _inherit(text, clause, earlier)
            if not typed.reference:
                earlier, at = typed, len(found)
                is_crowd = typed.event_type in (PROTESTS, RIOTS)
                protest = len(found) if is_crowd else None
            found.append(typed)
    if not found and sentences:  # a report tells its event first: trust the model more there
        lede = _mention(text, lower, sentences[0], lexicon, floor=LEDE_FLOOR)
        found = [lede] if lede is not None else []
    return tuple(protests.calm(_unnamed_side(text, sentences, m, lexicon)) for m in found)


def _unnamed_side(
    text: str, sentences: tuple[Sentence, ...], mention: Mention, lexicon: ActorLexicon
) -> Mention:
    """An armed clash whose initiator is named nowhere near it ("Clashes resumed on the
    front"): ACLED's unidentified armed group. Not when its own sentence names two armed
    sides, or the sentence before or after names an armed actor (the sides of "The fighting
    lasted hours" are those just told)."""
    if mention.sub_event_type != "Armed clash" or mention.actor1 is not None or mention.reference:
        return mention
    entry = lexicon.by_name.get(_UNKNOWN_ARMED)
    if entry is None:
        return mention
    for sentence in sentences[max(0, mention.sentence - 1) : mention.sentence + 2]:
        named = [a for a in lexicon.find(text, sentence.start, sentence.end)]
        armed = [a for a in named if a.entry.inter in roles.ARMED]
        if sentence.index != mention.sentence and armed:
            return mention
        if sentence.index == mention.sentence and len({a.entry.name for a in armed}) > 1:
            return mention
    trigger = mention.trigger
    actor1 = ActorRef(name=entry.name, inter=entry.inter, spans=(trigger,), generic=entry.generic)
    return replace(mention, actor1=actor1, why=f"{mention.why}; initiator unnamed")
