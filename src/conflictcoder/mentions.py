"""Event mentions: the sentences that report an event, typed in ACLED's taxonomy.

``find`` reads each sentence, drops background and hypothetical ones, finds the event cues
(``cues``) and the actors (``actors``) in it, and applies ACLED's coding rules to choose the
event type and sub-event type, actor1 (who acts) and actor2 (the target), and fatalities.
A sentence that only refers back to an event reported earlier ("The attack in Syria
targeted ...", "The fighting started with ...") still yields a mention, typed as that
event, with ``reference=True``, a lower confidence and a ``why`` saying so; mentions are not
grouped here (the events stage does that with dates and places).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from conflictcoder import cues, fatalities, roles, typing_model
from conflictcoder.actors import ActorLexicon, ActorMatch
from conflictcoder.models import ActorRef, Mention, Sentence, Span

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": BATTLES,
    "Government regains territory": BATTLES,
    "Non-state actor overtakes territory": BATTLES,
    "Chemical weapon": EXPLOSIONS,
    "Air/drone strike": EXPLOSIONS,
    "Suicide bomb": EXPLOSIONS,
    "Shelling/artillery/missile attack": EXPLOSIONS,
    "Remote explosive/landmine/IED": EXPLOSIONS,
    "Grenade": EXPLOSIONS,
    "Sexual violence": VAC,
    "Attack": VAC,
    "Abduction/forced disappearance": VAC,
    "Peaceful protest": PROTESTS,
    "Protest with intervention": PROTESTS,
    "Excessive force against protesters": PROTESTS,
    "Violent demonstration": RIOTS,
    "Mob violence": RIOTS,
    "Agreement": STRATEGIC,
    "Arrests": STRATEGIC,
    "Change to group/activity": STRATEGIC,
    "Disrupted weapons use": STRATEGIC,
    "Headquarters or base established": STRATEGIC,
    "Looting/property destruction": STRATEGIC,
    "Non-violent transfer of territory": STRATEGIC,
    "Other": STRATEGIC,
}

_EXPLOSIVE_SUBS = frozenset(
    {"Remote explosive/landmine/IED", "Grenade", "Shelling/artillery/missile attack"}
)
_ATTRIBUTION = re.compile(
    r"(?:spokes(?:man|woman|person)\s+for|according\s+to|commander\s+of|statement\s+(?:by|from)"
    r"|official\s+(?:of|with)|head\s+of|leader\s+of|told|member\s+of|said|holding|detaining"
    r"|release\s+of|freeing|free)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Typed:
    """The type decision for a sentence: sub-event type, trigger, reason and confidence."""

    sub_event_type: str
    trigger: Span
    why: str
    confidence: float
    explicit: bool = False  # a cue decided it outright: wins over the learned model


# ACLED's protest scale: how the crowd acted or was met, weakest first.
_PROTEST_SEVERITY = {
    "Peaceful protest": 0,
    "Protest with intervention": 1,
    "Excessive force against protesters": 2,
    "Violent demonstration": 3,
}
_PROTEST_LEVELS = (
    ("Violent demonstration", "the crowd used violence or vandalism"),
    ("Excessive force against protesters", "protesters shot at, killed or seriously hurt"),
    ("Protest with intervention", "protest dispersed, arrested or met with force"),
)
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


def _matches(pattern: re.Pattern[str], text: str, lower: str | None, start: int, end: int):
    while start < end and (match := cues.search(pattern, text, lower, start, end)) is not None:
        yield match
        start = match.end() if match.end() > start else start + 1


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
            if cues.MOTIVE.search(text, max(start, match.start() - 60), match.start()):
                continue
            span = Span(match.start(), match.end())
            if pattern is cues.FORCE and cues.WARNING_SHOTS.match(text, match.end(), end):
                dispersal = dispersal or span
                continue
            return sub, span, why
    if dispersal is not None:
        return "Protest with intervention", dispersal, "shots fired in the air to disperse"
    return None


def _first(
    pattern: re.Pattern[str],
    text: str,
    start: int,
    end: int,
    lower: str | None = None,
    heads: frozenset[str] | None = None,
) -> Span | None:
    match = cues.search(pattern, text, lower, start, end, heads)
    return Span(match.start(), match.end()) if match else None


def _actors(text: str, start: int, end: int, lexicon: ActorLexicon) -> list[ActorMatch]:
    kept = []
    for match in lexicon.find(text, start, end):
        if _ATTRIBUTION.search(text, max(start, match.start - 60), match.start):
            continue
        kept.append(match)
    return kept


def _rule_typed(
    text: str,
    start: int,
    end: int,
    found: list[ActorMatch],
    killed: int | None,
    cue: Callable[[re.Pattern[str]], Span | None],
    lower: str | None = None,
) -> Typed | None:
    """ACLED's type for the sentence ``text[start:end]``, by rule priority.

    ``killed`` is the sentence's deaths, ``cue`` finds a cue's first match in the sentence.
    """
    armed = [a for a in found if a.entry.inter in roles.ARMED]
    civilians = [a for a in found if a.entry.inter == 7]
    crowd = [a for a in found if a.entry.inter in (5, 6)]

    protest, riot, mob = cue(cues.PROTEST), cue(cues.RIOT), cue(cues.MOB)
    battle, attack = cue(cues.BATTLE), cue(cues.ATTACK)
    if protest or any(a.entry.inter == 6 for a in found):
        trigger = protest or next(a for a in found if a.entry.inter == 6)
        trigger = Span(trigger.start, trigger.end)
        if (level := protest_level(text, start, end, lower)) is not None:
            sub, span, why = level
            shown = span if sub == "Violent demonstration" else trigger
            return Typed(sub, shown, why, 0.75, explicit=True)
        calm = cues.PEACEFUL.search(text, start, end) is not None
        why = "protest said to be peaceful" if calm else "protest, no violence reported"
        return Typed("Peaceful protest", trigger, why, 0.7, explicit=calm)
    if sexual := cue(cues.SEXUAL):
        return Typed("Sexual violence", sexual, "sexual violence", 0.8)
    if chemical := cue(cues.CHEMICAL):
        return Typed("Chemical weapon", chemical, "chemical weapon named", 0.8)
    if (arrest := cue(cues.ARREST)) and cues.ACCUSATION.search(text, arrest.end, end):
        subject = roles.subject(text, start, found)
        if subject is None or subject.entry.inter not in (2, 3, 4):
            return Typed(
                "Arrests", arrest, "arrest of suspects (what they are accused of is no event)", 0.7
            )
    violent = battle or attack or cue(cues.IED) or cue(cues.SHELLING) or cue(cues.AIR)
    if (agreement := cue(cues.AGREEMENT)) and not (battle or attack):
        return Typed("Agreement", agreement, "agreement or ceasefire", 0.7)
    subject = roles.subject(text, start, found)
    state = subject is not None and subject.entry.inter in (1, 8)
    if (gov := cue(cues.GOV_TERRITORY)) and (state or subject is None) and not cue(cues.TERRITORY):
        return Typed("Government regains territory", gov, "state forces retake ground", 0.7)
    if territory := cue(cues.TERRITORY):
        if state:
            return Typed("Government regains territory", territory, "state forces take ground", 0.6)
        if subject is not None and subject.entry.inter in (2, 3, 4):
            return Typed(
                "Non-state actor overtakes territory",
                territory,
                "non-state group takes ground",
                0.6,
            )
    if gov and state:
        return Typed("Government regains territory", gov, "state forces retake ground", 0.7)
    if (mob_act := _civilians_act(text, start, end, found, attack or mob)) is not None:
        return Typed("Mob violence", mob_act, "civilians who attack are a mob (rioters)", 0.6)
    if battle and (armed or not (civilians or crowd)):
        return Typed("Armed clash", battle, "armed groups fight (explosions folded in)", 0.75)
    if (mob or riot) and not armed:
        if mob or any(a.entry.inter == 5 for a in found) and not riot:
            return Typed("Mob violence", mob or riot or Span(start, start), "mob violence", 0.6)
        return Typed("Violent demonstration", riot or Span(start, start), "riot", 0.6)
    if (disrupted := cue(cues.DISRUPTED)) and not (battle or (attack and killed)):
        return Typed(
            "Disrupted weapons use", disrupted, "weapon defused, intercepted or seized", 0.7
        )
    if suicide := cue(cues.SUICIDE):
        return Typed("Suicide bomb", suicide, "suicide bombing", 0.8)
    if air := cue(cues.AIR):
        return Typed("Air/drone strike", air, "air or drone strike", 0.75)
    if grenade := (cue(cues.GRENADE) if not cue(cues.STUN) else None):
        return Typed("Grenade", grenade, "grenade thrown", 0.75)
    if shelling := cue(cues.SHELLING):
        return Typed(
            "Shelling/artillery/missile attack", shelling, "shelling, rockets or missiles", 0.75
        )
    if ied := cue(cues.IED):
        return Typed("Remote explosive/landmine/IED", ied, "bomb, IED or mine", 0.7)
    abduction = cue(cues.ABDUCTION)
    if attack or abduction:
        targets = [a for a in armed if subject is None or roles.other(a, subject, text)]
        if abduction and not killed:
            return Typed("Abduction/forced disappearance", abduction, "abduction, no killing", 0.7)
        trigger = attack or abduction or Span(start, start)
        if targets and (subject is None or subject.entry.inter in roles.ARMED):
            return Typed("Armed clash", trigger, "armed actor attacks armed actor", 0.7)
        if not civilians and cues.MILITARY_TARGET.search(text, trigger.start, end):
            return Typed("Armed clash", trigger, "attack on a military or security site", 0.6)
        if civilians or subject is not None:
            return Typed("Attack", trigger, "armed actor against civilians", 0.65)
        return Typed("Attack", trigger, "violence with no armed target named", 0.45)
    if riot:
        return Typed("Violent demonstration", riot, "riot", 0.5)
    if looting := cue(cues.LOOTING):
        return Typed("Looting/property destruction", looting, "looting or destruction", 0.6)
    if arrest := cue(cues.ARREST):
        if subject is not None and subject.entry.inter in (2, 3, 4):
            return Typed("Abduction/forced disappearance", arrest, "non-state group 'arrests'", 0.6)
        return Typed("Arrests", arrest, "arrest", 0.6)
    if transfer := cue(cues.TRANSFER):
        return Typed("Non-violent transfer of territory", transfer, "territory handed over", 0.6)
    if headquarters := cue(cues.HEADQUARTERS):
        return Typed("Headquarters or base established", headquarters, "base set up", 0.6)
    if other := cue(cues.OTHER):
        return Typed("Other", other, "other strategic development", 0.5)
    if (change := cue(cues.CHANGE)) and (armed or violent is None) and found:
        return Typed("Change to group/activity", change, "change to group or activity", 0.4)
    return None


# Sub-types the rule cues name outright; when one fires it wins over the learned model
# (the dev data has too few examples of them to learn from).
_EXPLICIT = frozenset(
    {"Suicide bomb", "Chemical weapon", "Sexual violence", "Grenade", "Agreement", "Arrests",
     "Headquarters or base established", "Disrupted weapons use", "Non-violent transfer of territory",
     "Excessive force against protesters"}
)  # fmt: skip
# The cues that quote the trigger of a sub-type chosen by the model.
_TRIGGERS: dict[str, tuple[re.Pattern[str], ...]] = {
    "Armed clash": (cues.BATTLE, cues.ATTACK),
    "Government regains territory": (cues.GOV_TERRITORY, cues.TERRITORY, cues.TAKEN_PLACE),
    "Non-state actor overtakes territory": (cues.TERRITORY, cues.TAKEN_PLACE, cues.GOV_TERRITORY),
    "Air/drone strike": (cues.AIR,),
    "Shelling/artillery/missile attack": (cues.SHELLING,),
    "Remote explosive/landmine/IED": (cues.IED,),
    "Suicide bomb": (cues.SUICIDE, cues.IED),
    "Attack": (cues.ATTACK,),
    "Abduction/forced disappearance": (cues.ABDUCTION, cues.ARREST),
    "Peaceful protest": (cues.PROTEST,),
    "Protest with intervention": (cues.PROTEST, cues.INTERVENTION),
    "Violent demonstration": (cues.RIOT, cues.PROTEST),
    "Mob violence": (cues.MOB, cues.ATTACK, cues.RIOT),
    "Looting/property destruction": (cues.LOOTING,),
    "Change to group/activity": (cues.CHANGE,),
    "Other": (cues.OTHER,),
    "Disrupted weapons use": (cues.DISRUPTED,),
}
_MODEL_WINS = 0.4  # the model's probability above which it overrides a non-explicit rule
_MODEL_ALONE = 0.75  # ... above which it reports an event no cue typed


def _structural(
    text: str, start: int, end: int, sub: str, found: list[ActorMatch], rule: Typed | None
) -> str:
    """ACLED's structural rules on a learned type: armed against armed is a battle."""
    if sub != "Attack" or (rule is not None and rule.sub_event_type in ("Attack",)):
        return sub
    if any(a.entry.inter == 7 for a in found):
        return sub
    subject = roles.subject(text, start, found)
    if subject is None or subject.entry.inter not in roles.ARMED:
        return sub
    targets = [a for a in found if a.entry.inter in roles.ARMED and roles.other(a, subject, text)]
    return "Armed clash" if targets else sub


def _typed(
    text: str, start: int, end: int, found: list[ActorMatch], lower: str | None, killed: int | None
) -> Typed | None:
    """The rule cues' type, or the learned model's where no explicit cue decides."""
    seen: dict[re.Pattern[str], Span | None] = {}
    if lower is not None:  # cues no word of the sentence starts like cannot match
        seen = dict.fromkeys(cues.SCREENED - cues.candidates(lower, start, end))

    def cue(pattern: re.Pattern[str]) -> Span | None:  # each cue searched once per sentence
        if pattern not in seen:
            seen[pattern] = _first(pattern, text, start, end, lower)
        return seen[pattern]

    rule = _rule_typed(text, start, end, found, killed, cue, lower)
    if rule is not None and (rule.explicit or rule.sub_event_type in _EXPLICIT):
        return rule
    best = typing_model.model().best(text[start:end])
    if best is None:
        return rule
    label, probability = best
    if rule is not None and label == rule.sub_event_type:
        return replace(rule, confidence=max(rule.confidence, round(probability, 2)))
    if rule is None and probability < _MODEL_ALONE:
        return None
    if rule is not None and probability < _MODEL_WINS and rule.confidence >= 0.6:
        return rule
    label = _structural(text, start, end, label, found, rule)
    if rule is not None and label == rule.sub_event_type:
        return rule
    trigger = next(
        (span for p in _TRIGGERS.get(label, ()) if (span := cue(p))),
        None,
    )
    if trigger is None:
        if rule is None:
            return None
        trigger = rule.trigger
    said = f"; rules said {rule.sub_event_type.lower()}" if rule else ""
    return Typed(label, trigger, f"learned model, p={probability:.2f}{said}", round(probability, 2))


_CROWDS = {PROTESTS: "Protesters ({country})", RIOTS: "Rioters ({country})"}
_VICTIMS = "Civilians ({country})"
_ARRESTERS = "Police Forces of {country}"
_UNKNOWN_ARMED = "Unidentified Armed Group ({country})"
_UNCLAIMED = frozenset(
    {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Attack",
     "Abduction/forced disappearance"}
)  # fmt: skip
_PASSIVE = re.compile(r"\b(?:were|was|been|being|is|are|by)\b|,\s+(?:said|says)", re.I)
_AFTER_PASSIVE = re.compile(r"\s+(?:in|by|during|when|after|at)\b", re.I)


def _civilians_act(
    text: str, start: int, end: int, found: list[ActorMatch], act: Span | None
) -> Span | None:
    """The violent act when civilians are its doers ("villagers beat a thief"): civilians
    cannot perpetrate political violence in ACLED, so they are rioters, the event mob
    violence."""
    if act is None or not found or found[0].entry.inter != 7 or found[0].end > act.start:
        return None
    between = text[found[0].end : act.start]
    if len(between) > 80 or _PASSIVE.search(between) or _AFTER_PASSIVE.match(text, act.end, end):
        return None
    if any(a.entry.inter != 7 and a.start < act.start for a in found):
        return None
    return act


def _ref(match: ActorMatch | None, others: list[ActorMatch]) -> ActorRef | None:
    """An ActorRef with every span in the sentence naming the same actor."""
    if match is None:
        return None
    spans = tuple(Span(a.start, a.end) for a in others if a.entry is match.entry)
    return replace(match.ref(), spans=spans or (Span(match.start, match.end),))


_NEVER_SKIPPED = frozenset({PROTESTS, RIOTS})


def _skip(
    text: str, sentence: Sentence, trigger: Span, sub: str | None = None, lower: str | None = None
) -> str | None:
    """Why the sentence reports no event, or None (a trial, a memorial or a threat is told,
    not done, unless people demonstrate about it)."""
    start, end = sentence.start, sentence.end
    if sub is not None and cues.search(cues.NOT_AN_EVENT, text, lower, start, end):
        crowd = SUB_EVENT_TYPES[sub] in _NEVER_SKIPPED and any(
            cues.search(cue, text, lower, start, end) for cue in (cues.PROTEST, cues.RIOT, cues.MOB)
        )
        if not crowd:
            return "trial, commemoration or threat"
    if cues.HYPOTHETICAL.search(text, max(start, trigger.start - 40), trigger.start):
        return "hypothetical"
    if cues.search(cues.ANALYSIS, text, lower, start, end):
        return "analysis"
    if cues.search(cues.BACKGROUND, text, lower, start, end):
        if not cues.ANCHORED.search(text, start, end):
            return "background"
    return None


def _is_reference(text: str, sentence: Sentence, trigger: Span, deaths: int | None) -> bool:
    """A definite noun that names an event already told ("The attack in Syria ...")."""
    word = text[trigger.start : trigger.end].lower()
    if deaths or not re.fullmatch(
        r"(?:attacks?|assaults?|fighting|clash(?:es)?|battle|raid"
        r"|bombing|blasts?|explosions?|violence|incident|operation)",
        word,
    ):
        return False  # fmt: skip
    return bool(cues.DEFINITE.search(text, max(sentence.start, trigger.start - 30), trigger.start))


def _mention(
    text: str, lower: str | None, sentence: Sentence, lexicon: ActorLexicon
) -> Mention | None:
    found = _actors(text, sentence.start, sentence.end, lexicon)
    deaths, death_spans = fatalities.deaths(text, sentence.start, sentence.end)
    typed = _typed(text, sentence.start, sentence.end, found, lower, deaths)
    if typed is None or _skip(text, sentence, typed.trigger, typed.sub_event_type, lower):
        return None
    sub = typed.sub_event_type
    if SUB_EVENT_TYPES[sub] == BATTLES and not any(a.entry.inter in roles.ARMED for a in found):
        if any(a.entry.inter in (5, 6, 7) for a in found):
            return None  # a battle needs armed sides: protesters or civilians alone fight none
    reference = _is_reference(text, sentence, typed.trigger, deaths)
    if reference:  # only an actor named before the trigger is surely a party
        found = [a for a in found if a.end <= typed.trigger.start]
    actor1, actor2 = roles.roles(
        text, sentence.start, SUB_EVENT_TYPES[sub], sub, typed.trigger, found
    )
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
    return replace(
        mention,
        event_type=earlier.event_type,
        sub_event_type=earlier.sub_event_type,
        reference=True,
        confidence=min(mention.confidence, 0.35),
        why=f"back-reference typed as the {earlier.sub_event_type.lower()} of sentence "
        f"{earlier.sentence} (explosions during a battle are part of it)",
    )


def _later_deaths(text: str, sentence: Sentence, mention: Mention) -> Mention:
    """The mention with the deaths a following sentence with no event of its own reports."""
    if mention.fatalities is not None and not fatalities.coded(text, sentence.start, sentence.end):
        return mention
    deaths, spans = fatalities.deaths(text, sentence.start, sentence.end)
    if deaths is None or (mention.fatalities is not None and deaths == 0):
        return mention
    return replace(mention, fatalities=deaths, fatality_spans=spans)


# Where a sentence joins two reports ("A was shelled, while in B gunmen killed two").
_CLAUSE_BREAK = re.compile(
    r"(?:,\s*|\s+)(?:while|whereas)\s+|;\s+|,\s+(?:and\s+)?(?:meanwhile|elsewhere)\s*,?\s+",
    re.IGNORECASE,
)
# A clause that names its own place: "in Aleppo", "near the town of Bula".
_OWN_PLACE = re.compile(
    r"\b(?:in|at|near|outside|around)\s+(?:the\s+(?:\w+\s+){0,2}(?:of\s+)?)?[A-Z][\w'’-]+"
)


def _clauses(
    text: str, lower: str | None, sentence: Sentence, lexicon: ActorLexicon
) -> list[Mention] | None:
    """The mentions of a sentence that clearly reports two events, one per clause, each
    clause naming its own place and reporting an event of its own; else None."""
    breaks = list(_CLAUSE_BREAK.finditer(text, sentence.start, sentence.end))
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


def _met(
    text: str, lower: str | None, sentence: Sentence, mention: Mention | None, protest: Mention
) -> Mention | None:
    """The protest told before, raised to what this following sentence says of how it went
    ("Police dispersed them with tear gas."), or None when the sentence tells no more of it
    (another event, or nothing stronger than the protest's type)."""
    if mention is not None and mention.event_type not in (PROTESTS, RIOTS):
        if mention.sub_event_type not in (
            "Arrests",
            "Attack",
            "Armed clash",
            "Disrupted weapons use",
        ):
            return None
        if not _CROWD_WORDS.search(text, sentence.start, sentence.end):
            return None
    if not (
        _CROWD_WORDS.search(text, sentence.start, sentence.end)
        or _MEETERS.search(text, sentence.start, sentence.end)
    ):
        return None  # "He was arrested in May": the grievance, not the protest
    level = protest_level(text, sentence.start, sentence.end, lower)
    if level is None:
        return None
    sub, _, why = level
    if _PROTEST_SEVERITY[sub] <= _PROTEST_SEVERITY.get(protest.sub_event_type, 99):
        return None
    return replace(
        protest,
        event_type=SUB_EVENT_TYPES[sub],
        sub_event_type=sub,
        why=f"{protest.why}; sentence {sentence.index}: {why}",
    )


def _calm(mention: Mention) -> Mention:
    """A peaceful protest or one only dispersed has no deaths (ACLED): a toll in it names
    the grievance ("protested the killing of three")."""
    if mention.sub_event_type not in ("Peaceful protest", "Protest with intervention"):
        return mention
    if mention.fatalities is None:
        return mention
    return replace(mention, fatalities=None, fatality_spans=())


def find(text: str, sentences: tuple[Sentence, ...], lexicon: ActorLexicon) -> tuple[Mention, ...]:
    """Event mentions in text order: one per sentence, or one per clause where a sentence
    clearly joins two reports."""
    found: list[Mention] = []
    earlier: Mention | None = None
    lower = text.lower()
    lower = lower if len(lower) == len(text) else None
    protest: int | None = None  # index in ``found`` of the protest told last
    for sentence in sentences:
        mention = _mention(text, lower, sentence, lexicon)
        if protest is not None and (met := _met(text, lower, sentence, mention, found[protest])):
            found[protest] = met
            if mention is not None and mention.event_type not in (PROTESTS, RIOTS):
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
                found[-1] = _later_deaths(text, sentence, found[-1])
            continue
        split = _clauses(text, lower, sentence, lexicon) if not mention.reference else None
        for clause in split or [mention]:
            typed = _inherit(text, clause, earlier)
            if not typed.reference:
                earlier = typed
                is_crowd = typed.event_type in (PROTESTS, RIOTS)
                protest = len(found) if is_crowd else None
            found.append(typed)
    return tuple(_calm(m) for m in found)
