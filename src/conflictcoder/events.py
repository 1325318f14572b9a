"""Events: build one ACLED event from each group of an article's mentions and fill every field.

Grouping (each mention's clause, place and dates; which mentions report one event) is
``eventgroups``. Rules here, in order (each recorded in ``Event.why``):

- **Type.** An event with a battle mention is a battle (ACLED folds explosions and
  collateral violence during a battle into it); else the most confident mention's type.
- **Date.** ``eventdates``: the earliest day among the group's own dates (the day the
  event began), with its precision; else the discourse's reference date, the date the
  article ties to the violence, or the publication date with time_precision 2.
- **Place.** The group's best-ranked place; an admin area alone is coded to its seat, a
  country alone to its capital. Towns named as one list give one event each.
- **Actors.** The sides the first mention naming an initiator gives, in ACLED's order (the
  state first in a symmetric battle where ACLED codes so, ``data/battle_order.tsv``; else
  the side the report names first); a crowd's identity
  named in the event's first sentence ("medical interns protested") is an associated actor
  of the crowd (``identities``).
- **Fatalities.** The first figure reported for the event (the lede carries the toll;
  later sentences restate or break it down); a coder's remark ("fatalities coded as 10")
  wins, and is already each event's share.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources

from conflictcoder import actors, admin_names, countries, cues, eventdates, identities, taxonomy
from conflictcoder.eventgroups import Context, Group, group_mentions, is_adjectival
from conflictcoder.fatalities import coded as coded_remark
from conflictcoder.gazetteer import Gazetteer
from conflictcoder.models import (
    ActorRef,
    Analysis,
    Event,
    Mention,
    PlaceMention,
    Span,
)
from conflictcoder.sentences import sentence_at
from conflictcoder.settings import Settings

_MAX_NOTES = 600
_AREA_KINDS = frozenset({"country", "admin1", "admin2"})


def _display_name(name: str) -> str:
    """GeoNames' ASCII names write ayn and hamza as backticks ("Ba`qubah"); ACLED does not."""
    return name.replace("`", "").replace("‘", "").replace("’", "'")


@dataclass(frozen=True, slots=True)
class _Toll:
    """An event's fatalities, with their evidence and reason; ``coded``: the figure is a
    coder's remark, already this event's share."""

    value: int = 0
    spans: tuple[Span, ...] = ()
    why: str | None = None
    coded: bool = False


def _coded_toll(analysis: Analysis, mention: Mention) -> bool:
    """Whether the mention's toll comes from a coder's remark ("fatalities coded as 10",
    "split 5 each between the two locations"): such notes give each event its own share."""
    if not mention.fatality_spans:
        return False
    sentence = sentence_at(analysis.sentences, mention.fatality_spans[0].start)
    return sentence is not None and coded_remark(
        analysis.article.text, sentence.start, sentence.end
    )


def _toll(analysis: Analysis, members: Sequence[Context]) -> _Toll:
    """The first toll reported for the event (the lede carries it; later sentences restate
    or break it down), unless a coder's remark ("Total fatalities coded as 30") gives one."""
    counted = [c.mention for c in members if c.mention.fatalities is not None]
    remarked = next((m for m in counted if _coded_toll(analysis, m)), None)
    if remarked is not None:
        return _Toll(
            remarked.fatalities or 0,
            remarked.fatality_spans,
            "the toll a coding remark gives this event",
            coded=True,
        )
    if counted:
        first = counted[0]
        return _Toll(
            first.fatalities or 0, first.fatality_spans, "first toll reported for the event"
        )
    return _Toll()


def _split_by_place(
    event: Event, towns: tuple[PlaceMention, ...], divided: bool
) -> tuple[Event, ...]:
    """ACLED codes one event per named town; a toll reported for all of them is divided
    (integer division, the remainder to the first town) unless it is already this event's
    share (``divided`` False)."""
    if len(towns) < 2:
        return (event,)
    share, rest = divmod(event.fatalities, len(towns)) if divided else (event.fatalities, 0)
    split = []
    for index, town in enumerate(towns):
        place = town.place
        assert place is not None
        span = (Span(town.start, town.end),)
        evidence = dict(event.evidence)
        for name in ("location", "latitude", "longitude", "admin1", "admin2"):
            evidence[name] = span
        why = dict(event.why)
        why["location"] = f"one of {len(towns)} towns named together: one event each"
        if event.fatalities and divided:
            why["fatalities"] = f"{event.fatalities} fatalities divided between {len(towns)} events"
        split.append(
            dataclasses.replace(
                event,
                location=_display_name(place.name),
                latitude=place.latitude,
                longitude=place.longitude,
                admin1=admin_names.acled_name("admin1", place.country, place.admin1),
                admin2=admin_names.acled_name("admin2", place.country, place.admin2),
                fatalities=share + (rest if index == 0 else 0),
                evidence=evidence,
                why=why,
            )
        )
    return tuple(split)


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def _choose_type(members: Sequence[Context]) -> Mention:
    battles = [c.mention for c in members if c.mention.event_type == taxonomy.BATTLES]
    if battles:
        return max(battles, key=lambda m: m.confidence)
    return max((c.mention for c in members), key=lambda m: m.confidence)


def _choose_actor(fits: Sequence[Mention], lead: Mention, attr: str) -> ActorRef | None:
    """The event's actor in ``attr``: the sides of its ``lead`` mention (``_lead``: the lede
    names them; later sentences tell details such as the wounded of one side); a side it
    leaves out comes from any member that ``fits`` the event's type."""
    ref = getattr(lead, attr)
    if ref is not None:
        return ref
    return next((getattr(m, attr) for m in fits if getattr(m, attr)), None)


def _lead(fits: Sequence[Mention], chosen: Mention) -> Mention:
    """The mention whose sides the event takes: the first of ``fits`` naming an initiator,
    else the type's mention ``chosen``."""
    return next((m for m in fits if m.actor1 is not None), chosen)


def _fitting(members: Sequence[Context], chosen: Mention) -> list[Mention]:
    """The members whose sides may be the event's. A battle has no civilian side: a mention
    whose target is civilians (an attack told before the fighting that sets the type) gives a
    battle no sides (``_fits``)."""
    return [c.mention for c in members if _fits(c.mention, chosen)]


def _fits(mention: Mention, chosen: Mention) -> bool:
    """Whether ``mention``'s sides may be those of an event of ``chosen``'s type."""
    if chosen.event_type != taxonomy.BATTLES or mention.event_type == taxonomy.BATTLES:
        return True
    return all(ref is None or ref.inter != _CIVILIANS for ref in (mention.actor1, mention.actor2))


_CIVILIANS = 7  # ACLED's inter code of civilians


def _state_first() -> frozenset[str]:
    """ISO2 codes of ``data/battle_order.tsv``: countries whose ACLED coding names the state
    forces first in every battle with a non-state group."""
    content = resources.files("conflictcoder.data").joinpath("battle_order.tsv").read_text("utf-8")
    rows = [line.split("\t")[0].strip() for line in content.splitlines()]
    return frozenset(r for r in rows if r and not r.startswith("#") and r != "iso2")


_STATE_FIRST = _state_first()


def _fronts() -> dict[str, tuple[int, int | None, str, str]]:
    """``data/conflict_sides.tsv``: ISO2 -> (first year, last year, first side, second side)."""
    content = resources.files("conflictcoder.data").joinpath("conflict_sides.tsv")
    table: dict[str, tuple[int, int | None, str, str]] = {}
    for line in content.read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) == 5 and not line.startswith("#") and cells[1].isdigit():
            iso2, first, last, side1, side2 = cells
            table[iso2] = (int(first), int(last) if last else None, side1, side2)
    return table


_FRONTS = _fronts()
_FRONT_SUBS = frozenset({"Armed clash", "Shelling/artillery/missile attack"})
_UNNAMED = "Unidentified Armed Group ({country})"


def _front_sides(
    lead: Mention,
    refs: list[ActorRef | None],
    iso2: str | None,
    on: date | None,
    lexicon: actors.ActorLexicon,
) -> list[ActorRef | None] | None:
    """The sides of a war's front (``data/conflict_sides.tsv``) for a clash or shelling whose
    report names no side: the clash is between the two sides, unnamed fire is the first
    side's; None when the event is not such an event."""
    front = _FRONTS.get(iso2 or "")
    if front is None or lead.sub_event_type not in _FRONT_SUBS or refs[1] is not None:
        return None
    first_year, last_year, side1, side2 = front
    if on is not None and not (
        first_year <= on.year and (last_year is None or on.year <= last_year)
    ):
        return None
    unnamed = refs[0] is None or (refs[0].name == _UNNAMED and refs[0].spans == (lead.trigger,))
    if not unnamed:
        return None
    made: list[ActorRef | None] = []
    for side in (side1, side2):
        entry = lexicon.by_name.get(side)
        if entry is None:
            return None
        made.append(
            ActorRef(
                name=entry.name, inter=entry.inter, spans=(lead.trigger,), generic=entry.generic
            )
        )
    return made if lead.sub_event_type == "Armed clash" else [made[0], None]


_SIDE_RANK = {1: 0, 8: 1}  # state forces, then foreign forces, then the rest


def _reordered(text: str, lead: Mention, iso2: str | None) -> bool:
    """Whether the event takes the sides of ``lead`` the other way round. ``roles`` puts the
    state forces (then foreign forces) first in a symmetric battle ("clashes between rebels
    and regime forces"), as ACLED codes battles in some countries (``data/battle_order.tsv``:
    Syria); elsewhere ACLED lists first the side the report names first, so the sides are
    put back in the order of the text."""
    first, second = lead.actor1, lead.actor2
    if iso2 in _STATE_FIRST or first is None or second is None:
        return False
    if lead.event_type != taxonomy.BATTLES or lead.sub_event_type in _STATE_SUBS:
        return False
    if _SIDE_RANK.get(first.inter, 2) >= _SIDE_RANK.get(second.inter, 2):
        return False
    if first.spans[0].start < second.spans[0].start:
        return False
    return bool(cues.BATTLE.fullmatch(text, lead.trigger.start, lead.trigger.end))


_STATE_SUBS = frozenset({"Non-state actor overtakes territory", "Government regains territory"})


def _sides(
    text: str,
    members: Sequence[Context],
    chosen: Mention,
    country: tuple[str | None, str | None],
    lexicon: actors.ActorLexicon,
    on: date | None,
    evidence: dict[str, tuple[Span, ...]],
    why: dict[str, str],
) -> dict:
    """actor1/2, their inter codes and associated actors, named for the event's country
    (``country``: ISO2 and ACLED name)."""
    iso2, name = country
    fields: dict = {}
    fits = _fitting(members, chosen)
    lead = _lead(fits, chosen)
    refs = [_choose_actor(fits, lead, slot) for slot in ("actor1", "actor2")]
    assoc = [[r for c in members for r in getattr(c.mention, s)] for s in _ASSOC]
    if (refs[0], refs[1]) == (lead.actor1, lead.actor2) and _reordered(text, lead, iso2):
        refs.reverse()
        assoc.reverse()
        why["actor1"] = "the sides in the order the report names them, as ACLED codes battles here"
    elif (front := _front_sides(lead, refs, iso2, on, lexicon)) is not None:
        refs = front
        why["actor1"] = "no side named: the two sides of the war's front (conflict_sides.tsv)"
    for side, slot in ((1, "actor1"), (2, "actor2")):
        ref = refs[side - 1]
        fields[slot] = actors.localise(ref, iso2, name, lexicon, on=on) if ref else None
        fields[f"inter{side}"] = actors.inter_for(ref, iso2) if ref else None
        if ref:
            evidence[slot] = ref.spans
    for slot, found in zip(_ASSOC, assoc, strict=True):
        names = dict.fromkeys(actors.localise(r, iso2, name, lexicon, on=on) for r in found)
        fields[slot] = "; ".join(names) or None
        if found:
            evidence[slot] = tuple(s for r in found for s in r.spans)
    return fields


_ASSOC = ("assoc_actor_1", "assoc_actor_2")


_CROWD_TYPES = frozenset({taxonomy.PROTESTS, taxonomy.RIOTS})


def _add_identities(
    analysis: Analysis,
    members: Sequence[Context],
    country: tuple[str | None, str | None],
    lexicon: actors.ActorLexicon,
    sides: dict,
    evidence: dict[str, tuple[Span, ...]],
) -> None:
    """Who the demonstrators are ("medical interns protested": Health Workers), named in the
    event's first sentence, joins assoc_actor_1 (ACLED records the crowd's identity there)."""
    sentence = analysis.sentences[min(c.mention.sentence for c in members)]
    found = identities.named(analysis.article.text, sentence.start, sentence.end)
    if not found:
        return
    iso2, name = country
    names = [n for n in (sides["assoc_actor_1"] or "").split("; ") if n]
    for template, span in found:
        ref = ActorRef(name=template, inter=7, spans=(span,), generic=True)
        names.append(actors.localise(ref, iso2, name, lexicon))
    sides["assoc_actor_1"] = "; ".join(dict.fromkeys(names))
    evidence["assoc_actor_1"] = evidence.get("assoc_actor_1", ()) + tuple(s for _, s in found)


def _document_country(analysis: Analysis) -> str | None:
    """The most mentioned country of the article, as a last resort for an event's country."""
    counts: dict[str, int] = {}
    for mention in analysis.places:
        if mention.place is not None and mention.place.country:
            if not is_adjectival(analysis.article.text, mention):
                counts[mention.place.country] = counts.get(mention.place.country, 0) + 1
    return max(counts, key=lambda c: (counts[c], -list(counts).index(c)), default=None)


def _build(
    analysis: Analysis,
    dates: eventdates.Dates,
    group: Group,
    toll: _Toll,
    gazetteer: Gazetteer,
    lexicon: actors.ActorLexicon,
) -> Event:
    members = group.members
    article = analysis.article
    text = article.text
    evidence: dict[str, tuple[Span, ...]] = {}
    why: dict[str, str] = {}
    chosen = _choose_type(members)
    evidence["event_type"] = evidence["sub_event_type"] = tuple(c.mention.trigger for c in members)
    why["event_type"] = chosen.why or "mention type"

    dating = eventdates.choose(
        analysis, dates, [(c.mention, c.dates) for c in members], chosen.event_type
    )
    event_date, precision, date_source = dating.day, dating.precision, dating.source
    if dating.evidence:
        evidence["event_date"] = dating.evidence
    why["event_date"] = dating.why

    place_mention = group.place
    place = place_mention.place if place_mention else None
    country = place.country if place else group.country
    if country is None:
        country = _document_country(analysis)
        if country:
            why["country"] = "the article's most mentioned country"
    geo_precision = None
    if place_mention is not None and place is not None:
        span = (Span(place_mention.start, place_mention.end),)
        for name in ("location", "latitude", "longitude", "admin1", "admin2", "country"):
            evidence[name] = span
        geo_precision = place_mention.geo_precision
        why["location"] = place_mention.why or f"{place_mention.kind} named in the event's sentence"
        if place_mention.kind in _AREA_KINDS:
            seat = gazetteer.seat(place)
            if seat is not None:
                # ACLED: a district known → its capital, precision 2; a province → 3.
                place = seat
                geo_precision = 2 if place_mention.kind == "admin2" else 3
                why["location"] = f"only the {place_mention.kind} is named: coded to its seat"
    elif country is not None:
        area = gazetteer.country(country)
        seat = gazetteer.seat(area) if area else None
        if seat is not None:
            place, geo_precision = seat, 3
            why["location"] = "only the country is known: coded to its capital"
    # ACLED's spelling ("Democratic Republic of Congo"), which its generic actors use too
    country_name = countries.acled_name(country) or (
        gazetteer.country_name(country) if country else None
    )

    sides = _sides(
        text, members, chosen, (country, country_name), lexicon, event_date, evidence, why
    )
    if chosen.event_type in _CROWD_TYPES:
        _add_identities(analysis, members, (country, country_name), lexicon, sides, evidence)

    if toll.why is not None:
        evidence["fatalities"] = toll.spans
        why["fatalities"] = toll.why

    sentence_ids = sorted({c.mention.sentence for c in members})
    first_sentence = analysis.sentences[sentence_ids[0]]
    notes = text[first_sentence.start : first_sentence.end]
    evidence["notes"] = (Span(first_sentence.start, first_sentence.end),)
    if len(notes) > _MAX_NOTES:
        notes = notes[: _MAX_NOTES - 1].rstrip() + "…"

    return Event(
        doc_id=article.doc_id,
        event_date=event_date,
        time_precision=precision,
        event_type=chosen.event_type,
        sub_event_type=chosen.sub_event_type,
        **sides,
        interaction=_interaction(sides["inter1"], sides["inter2"]),
        country=country_name,
        iso3=gazetteer.iso3(country) if country else None,
        admin1=admin_names.acled_name("admin1", place.country, place.admin1) if place else None,
        admin2=admin_names.acled_name("admin2", place.country, place.admin2) if place else None,
        location=_display_name(place.name) if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=geo_precision,
        fatalities=toll.value,
        notes=notes,
        source=article.source,
        evidence=evidence,
        why=why,
        confidence=round(max(c.mention.confidence for c in members), 3),
        date_source=date_source,
    )


def assemble(
    analysis: Analysis,
    gazetteer: Gazetteer,
    lexicon: actors.ActorLexicon,
    settings: Settings,
) -> tuple[Event, ...]:
    """The article's events, in the order they are first reported."""
    found: list[Event] = []
    dates = eventdates.prepare(analysis)
    for group in group_mentions(analysis, dates):
        toll = _toll(analysis, group.members)
        event = _build(analysis, dates, group, toll, gazetteer, lexicon)
        if event.confidence < settings.min_confidence:
            continue
        towns = next(
            (c.place_list for c in group.members if c.place_list and event.location is not None
             and any(_display_name(t.place.name) == event.location for t in c.place_list if t.place)),
            (),
        )  # fmt: skip
        found.extend(_split_by_place(event, towns, divided=not toll.coded))
    return tuple(found)
