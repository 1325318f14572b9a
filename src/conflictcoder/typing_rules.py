"""The type of a sentence: ACLED's coding rules over the lexical cues, and the learned model.

``typed`` reads the cues (``cues``) and the actors of a sentence and applies ACLED's rules
by priority (protests by how they were met, sexual violence, arrests of suspects, battles,
explosions folded into battles, attacks on civilians, strategic developments...); where no
cue decides outright, the learned model (``typing_model``) decides, reading the sentence and
what the rules and the actors say of it (``signals``), with ACLED's structural rules (armed
against armed is a battle) applied to its choice. Split from ``mentions``, which reads whole
articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from conflictcoder import cues, roles, typing_model
from conflictcoder.actors import ActorMatch
from conflictcoder.models import Span
from conflictcoder.protests import protest_level
from conflictcoder.taxonomy import BATTLES, SUB_EVENT_TYPES


@dataclass(frozen=True, slots=True)
class Typed:
    """The type decision for a sentence: sub-event type, trigger, reason and confidence."""

    sub_event_type: str
    trigger: Span
    why: str
    confidence: float
    explicit: bool = False  # a cue decided it outright: wins over the learned model


# "Activists said ...": the actor is a source, not a crowd.
_SPEAKS = re.compile(r"\s+(?:said|say|says|report(?:ed|s)?|told|claimed|stated|confirmed)\b", re.I)


def _first(
    pattern: re.Pattern[str],
    text: str,
    start: int,
    end: int,
    lower: str | None = None,
) -> Span | None:
    match = cues.search(pattern, text, lower, start, end)
    return Span(match.start(), match.end()) if match else None


_FRONT = re.compile(r"(?:to|towards|toward)\s+(?:the\s+)?$", re.IGNORECASE)


def _to_the_front(text: str, battle: Span) -> bool:
    """Whether the battle cue is only the front line troops were moved to ("deployed
    reinforcements to the front lines"): a change to group/activity, not a clash."""
    return text[battle.start : battle.start + 5].lower() == "front" and bool(
        _FRONT.search(text, max(0, battle.start - 12), battle.start)
    )


def _arrest_over(text: str, lower: str | None, arrest: Span, protest: Span) -> bool:
    """Whether what the arrested are accused of is told between the arrest and the protest
    word ("arrested two men for organising the protest"): the protest is the charge."""
    return cues.search(cues.ACCUSATION, text, lower, arrest.end, protest.start) is not None


def _rule_typed(
    text: str,
    start: int,
    end: int,
    found: list[ActorMatch],
    killed: int | None,
    cue: Callable[[re.Pattern[str]], Span | None],
    lower: str | None,
    subject: ActorMatch | None,
) -> Typed | None:
    """ACLED's type for the sentence ``text[start:end]``, by rule priority.

    ``killed`` is the sentence's deaths, ``cue`` finds a cue's first match in the sentence,
    ``subject`` is the actor who acts (``roles.subject``).
    """
    armed = [a for a in found if a.entry.inter in roles.ARMED]
    civilians = [a for a in found if a.entry.inter == 7]
    crowd = [a for a in found if a.entry.inter in (5, 6)]

    protest, riot, mob = cue(cues.PROTEST), cue(cues.RIOT), cue(cues.MOB)
    if protest and mob and "dispers" in text[protest.start : protest.end].lower():
        protest = None  # a mob dispersed is no demonstration
    battle, attack = cue(cues.BATTLE), cue(cues.ATTACK) or cue(cues.EQUIPMENT)
    if battle and _to_the_front(text, battle) and cue(cues.CHANGE):  # troops sent to the front
        battle = None
    arrest = cue(cues.ARREST)
    if (
        protest
        and arrest
        and arrest.end <= protest.start
        and _arrest_over(text, lower, arrest, protest)
    ):
        if subject is None or subject.entry.inter not in (2, 3, 4):  # no protest held here
            return Typed("Arrests", arrest, "arrest over a protest (the protest is no event)", 0.7)
    crowd_named = [a for a in found if a.entry.inter == 6 and not _SPEAKS.match(text, a.end, end)]
    if protest or crowd_named:
        trigger = protest or crowd_named[0]
        trigger = Span(trigger.start, trigger.end)
        if (level := protest_level(text, start, end, lower)) is not None:
            sub, span, why = level
            shown = span if sub == "Violent demonstration" else trigger
            return Typed(sub, shown, why, 0.75, explicit=True)
        calm = cues.search(cues.PEACEFUL, text, lower, start, end) is not None
        why = "protest said to be peaceful" if calm else "protest, no violence reported"
        return Typed("Peaceful protest", trigger, why, 0.7, explicit=calm)
    sexual = cue(cues.SEXUAL)
    if sexual and not cues.search(
        cues.ACCUSATION, text, lower, max(start, sexual.start - 30), sexual.end
    ):
        return Typed("Sexual violence", sexual, "sexual violence", 0.8)
    if chemical := cue(cues.CHEMICAL):
        return Typed("Chemical weapon", chemical, "chemical weapon named", 0.8)
    if (arrest := cue(cues.ARREST)) and cues.search(cues.ACCUSATION, text, lower, arrest.end, end):
        if subject is None or subject.entry.inter not in (2, 3, 4):
            return Typed(
                "Arrests", arrest, "arrest of suspects (what they are accused of is no event)", 0.7
            )
    violent = battle or attack or cue(cues.IED) or cue(cues.SHELLING) or cue(cues.AIR)
    if (agreement := cue(cues.AGREEMENT)) and not (battle or attack):
        return Typed("Agreement", agreement, "agreement or ceasefire", 0.7)
    state = subject is not None and subject.entry.inter in (1, 8)
    contested = cue(cues.CONTESTED)  # tried for, partly taken: a clash, no change of control
    gov = None if contested else cue(cues.GOV_TERRITORY)
    if gov and (state or subject is None) and not cue(cues.TERRITORY):
        return Typed("Government regains territory", gov, "state forces retake ground", 0.7)
    if not contested and (territory := cue(cues.TERRITORY)):
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
    if communal := cue(cues.COMMUNAL):
        return Typed("Armed clash", communal, "communities fight (identity militias)", 0.6)
    if (mob or riot) and not armed:
        if mob or any(a.entry.inter == 5 for a in found) and not riot:
            return Typed("Mob violence", mob or riot or Span(start, start), "mob violence", 0.6)
        return Typed("Violent demonstration", riot or Span(start, start), "riot", 0.6)
    disrupted = None if cue(cues.FAILED_DEFUSAL) else cue(cues.DISRUPTED)
    suicide = cue(cues.SUICIDE)
    went_off = suicide is not None and cue(cues.IED) is not None  # "intercepted ... detonated"
    if disrupted and not (battle or (attack and killed) or cue(cues.ABDUCTION) or went_off):
        return Typed(
            "Disrupted weapons use", disrupted, "weapon defused, intercepted or seized", 0.7
        )
    grenade = None if cue(cues.STUN) else cue(cues.GRENADE)
    # a suicide bomb or a grenade with gunfire: the attack (or clash) it was part of
    mixed = bool(suicide or grenade) and cue(cues.FIREARMS) is not None
    attack = attack or (suicide or grenade if mixed else None)
    if suicide and not mixed:
        return Typed("Suicide bomb", suicide, "suicide bombing", 0.8)
    if downed := cue(cues.DOWNED_AIRCRAFT):  # ACLED: a manned aircraft shot down by missiles
        return Typed("Shelling/artillery/missile attack", downed, "aircraft shot down", 0.7)
    if not mixed and (explosion := _explosion(cue, grenade)) is not None:
        return explosion
    abduction = cue(cues.ABDUCTION)
    if not (attack or abduction) and armed and not (civilians or crowd):
        if advance := cue(cues.ADVANCE) or contested:
            return Typed("Armed clash", advance, "armed actors advance or attack", 0.6)
        if captive := cue(cues.CAPTIVE):
            return Typed("Armed clash", captive, "fighters captured by their enemy", 0.6)
    if attack or abduction:
        targets = [a for a in armed if subject is None or roles.other(a, subject, text)]
        if abduction and not killed:
            return Typed("Abduction/forced disappearance", abduction, "abduction, no killing", 0.7)
        trigger = attack or abduction or Span(start, start)
        if targets and (subject is None or subject.entry.inter in roles.ARMED):
            return Typed("Armed clash", trigger, "armed actor attacks armed actor", 0.7)
        if not civilians and cues.search(cues.MILITARY_TARGET, text, lower, trigger.start, end):
            return Typed("Armed clash", trigger, "attack on a military or security site", 0.6)
        if civilians or subject is not None:
            return Typed("Attack", trigger, "armed actor against civilians", 0.65)
        return Typed("Attack", trigger, "violence with no armed target named", 0.45)
    if riot:
        return Typed("Violent demonstration", riot, "riot", 0.5)
    if coup := cue(cues.COUP):  # leaders detained in a coup: still the coup
        return Typed("Other", coup, "coup or seizure of power", 0.6, explicit=True)
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


def _explosion(cue: Callable[[re.Pattern[str]], Span | None], grenade: Span | None) -> Typed | None:
    """The remote-violence type of a sentence with no other engagement, by weapon."""
    if air := cue(cues.AIR):
        return Typed("Air/drone strike", air, "air or drone strike", 0.75)
    if grenade:
        return Typed("Grenade", grenade, "grenade thrown", 0.75)
    if shelling := cue(cues.SHELLING):
        return Typed(
            "Shelling/artillery/missile attack", shelling, "shelling, rockets or missiles", 0.75
        )
    if ied := cue(cues.IED):
        return Typed("Remote explosive/landmine/IED", ied, "bomb, IED or mine", 0.7)
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
    "Armed clash": (cues.BATTLE, cues.ATTACK, cues.ADVANCE, cues.CAPTIVE, cues.EQUIPMENT),
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
# Every cue that may quote a type chosen by the model, in the order the rules mostly search
# them (their matches are then known).
_TRIGGER_CUES = tuple(dict.fromkeys(p for cues_ in _TRIGGERS.values() for p in cues_))
_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
# The model (which reads the rules' type among its inputs) overrides any non-explicit rule;
# alone, it reports an event no cue typed only above this probability.
_MODEL_ALONE = 0.75
# ... and, when no cue word quotes its type, above this one, with the main verb as trigger.
_MODEL_VERB = 0.85
# The model overrides a rule's (non-explicit) type with another event type's only when at
# least this sure, unless it names a battle (learned from tens of thousands of notes; below
# this bar, its other overrides were wrong more often than right on the tune half).
_MODEL_OVER = 0.5

# Violence told with no word of violence is no attack or clash unless an armed actor is
# named (and, for an attack, people died): news stories around a shooting are full of
# sentences the model finds violent ("The victim was taken to hospital").
_CUED_ONLY = frozenset({"Attack", "Armed clash"})

# A verb in the past tense: a regular "-ed" form or a common irregular one (a report of
# something done, not planned); words that are mostly adjectives are not verbs here.
_PAST = re.compile(
    r"(?<![\w-])(?:[a-z]{2,}ed|took|held|came|went|made|did|hit|shot|fought|left|threw|broke"
    r"|gave|stole|burnt|set|put|ran|began|sent|brought|met|found|kept|caught|tore|drove|rode"
    r"|fled|beat|struck|blew|overran|withdrew|stood|sat|spoke|told|won|lost|led|cut|shut)(?![\w-])"
)
_NOT_VERBS = frozenset(
    {"armed", "masked", "unidentified", "suspected", "alleged", "united", "unarmed", "coded",
     "advanced", "organized", "organised", "affiliated", "backed", "based", "related",
     "displaced", "hundred", "red", "need", "speed", "indeed", "armoured", "armored",
     "unknown", "detailed", "concerned", "interested", "aged", "named", "called", "so-called",
     "reported", "skilled", "retired", "banned", "wanted", "motorised", "motorized", "bed"}
)  # fmt: skip
_LEAD = re.compile(r"[^,:]{0,60}?\b(?:19|20)\d\d\b[^,]{0,25},\s*|[^:]{0,40}:\s*")


def main_verb(text: str, start: int, end: int, lower: str | None = None) -> Span | None:
    """The first past-tense verb of ``text[start:end]`` after a date lead ("On 3 May 2020,"),
    the evidence of a type no cue word quotes; None when the clause has none."""
    if lower is None:
        lower = text.lower()
        lower = lower if len(lower) == len(text) else text
    lead = _LEAD.match(lower, start, end)
    at = lead.end() if lead and lead.end() - start < 80 else start
    for match in _PAST.finditer(lower, at, end):
        if match.group(0) not in _NOT_VERBS:
            return Span(match.start(), match.end())
    return None


def _structural(
    text: str, sub: str, found: list[ActorMatch], rule: Typed | None, subject: ActorMatch | None
) -> str:
    """ACLED's structural rules on a learned type: armed against armed is a battle."""
    if sub != "Attack" or (rule is not None and rule.sub_event_type in ("Attack",)):
        return sub
    if any(a.entry.inter == 7 for a in found):
        return sub
    if subject is None or subject.entry.inter not in roles.ARMED:
        return sub
    targets = [a for a in found if a.entry.inter in roles.ARMED and roles.other(a, subject, text)]
    return "Armed clash" if targets else sub


def _cue_finder(
    text: str, start: int, end: int, lower: str | None
) -> Callable[[re.Pattern[str]], Span | None]:
    """Each cue's first match in the sentence, searched once (by the cue's id: hashing a
    pattern is slow); cues no word of the sentence starts like are known not to match."""
    seen: dict[int, Span | None] = {}
    mask = -1 if lower is None else cues.possible(lower, start, end)  # -1: every bit set
    bits = cues.BITS

    def cue(pattern: re.Pattern[str]) -> Span | None:
        key = id(pattern)
        if key in seen:
            return seen[key]
        one = bits.get(key)
        if one is not None and not mask & one:
            seen[key] = None
            return None
        seen[key] = span = _first(pattern, text, start, end, lower)
        return span

    return cue


def signals(
    found: list[ActorMatch], subject: ActorMatch | None, killed: int | None, rule: Typed | None
) -> tuple[str, ...]:
    """What the rules and the actors say of a sentence, as tokens for the learned model: the
    rules' type, the inter codes named, the inter code of the doer, deaths reported."""
    said = ["§rule " + (rule.sub_event_type if rule else "none")]
    if rule is not None and rule.explicit:
        said.append("§explicit")
    said += [f"§inter {inter}" for inter in sorted({a.entry.inter for a in found})]
    if subject is not None:
        said.append(f"§subject {subject.entry.inter}")
    if killed:
        said.append("§killed")
    return tuple(said)


def rule_signals(
    text: str, start: int, end: int, found: list[ActorMatch], lower: str | None, killed: int | None
) -> tuple[str, ...]:
    """``signals`` of ``text[start:end]`` with the rules' own type (for training the model)."""
    subject = roles.subject(text, start, found, lower)
    cue = _cue_finder(text, start, end, lower)
    rule = _rule_typed(text, start, end, found, killed, cue, lower, subject)
    return signals(found, subject, killed, rule)


def _kind_mass(model: typing_model.TypeModel, logits: np.ndarray, label: str) -> float:
    """The model's probability (``logits``: its scores of the sentence) that the sentence
    reports an event of ``label``'s event type (a battle, sure, but a clash or ground taken?)."""
    scores = model.softmax(logits)
    kind = SUB_EVENT_TYPES[label]
    return float(sum(p for c, p in zip(model.classes, scores.tolist(), strict=True)
                     if SUB_EVENT_TYPES[c] == kind))  # fmt: skip


def typed(
    text: str,
    start: int,
    end: int,
    found: list[ActorMatch],
    lower: str | None,
    killed: int | None,
    floor: float | None = None,
    doer: ActorMatch | None | object = roles.UNKNOWN,
) -> Typed | None:
    """The rule cues' type, or the learned model's where no explicit cue decides (``floor``:
    how sure the model must be to report an event no cue typed, when lower than usual;
    ``doer``: ``roles.subject(text, start, found, lower)`` when the caller has it)."""
    alone, verb = (_MODEL_ALONE, _MODEL_VERB) if floor is None else (floor, floor)
    cue = _cue_finder(text, start, end, lower)
    subject = roles.subject(text, start, found, lower) if doer is roles.UNKNOWN else doer
    rule = _rule_typed(text, start, end, found, killed, cue, lower, subject)
    if rule is not None and (rule.explicit or rule.sub_event_type in _EXPLICIT):
        return rule
    if rule is None and not main_verb(text, start, end, lower) and not any(map(cue, _TRIGGER_CUES)):
        return None  # nothing could quote the model's type: it cannot report an event here
    context = signals(found, subject, killed, rule)
    model = typing_model.model()
    logits = model.logits(text[start:end], context)
    if logits is None:
        return rule
    label, probability = model.best_of(logits)
    if label in _TERRITORY and cue(cues.CONTESTED):  # ground tried for: no change of control
        label = "Armed clash"
    if rule is not None and label == rule.sub_event_type:
        confidence = max(rule.confidence, round(probability, 2))  # ``replace`` is slow here
        return Typed(rule.sub_event_type, rule.trigger, rule.why, confidence, rule.explicit)
    if rule is not None and probability < _MODEL_OVER:
        kind = SUB_EVENT_TYPES[label]
        if kind != BATTLES and kind != SUB_EVENT_TYPES[rule.sub_event_type]:
            return rule
    if rule is None and probability < alone:
        if _kind_mass(model, logits, label) < alone:
            return None  # unsure even of the event type
    label = _structural(text, label, found, rule, subject)
    if rule is not None and label == rule.sub_event_type:
        return rule
    trigger = next(
        (span for p in _TRIGGERS.get(label, ()) if (span := cue(p))),
        None,
    )
    if trigger is None and rule is not None:
        trigger = rule.trigger
    if trigger is None:  # a confident model, no cue word: the clause's main verb
        if probability < verb:
            return None
        armed = any(a.entry.inter in roles.ARMED for a in found)
        if label in _CUED_ONLY and not (armed and (label == "Armed clash" or killed)):
            return None
        if (trigger := main_verb(text, start, end, lower)) is None:
            return None
    said = f"; rules said {rule.sub_event_type.lower()}" if rule else ""
    return Typed(label, trigger, f"learned model, p={probability:.2f}{said}", round(probability, 2))


_PASSIVE = re.compile(
    r"\b(?:were|was|been|being|is|are|by)\b|,\s+(?:said|says)"
    r"|\b(?:after|following|amid|because\s+of|due\s+to)\s+(?:\w+\s+){0,2}$",  # "fled after the raids"
    re.I,
)
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
