"""Events: group an article's event mentions into ACLED events and fill every field.

Rules, in order (each recorded in ``Event.why``):

- **Context of a mention.** Its dates come from ``eventdates.for_mention``; its place is
  the first town-level place of its clause (a facility, a town, "near"/"countryside of" a
  town), else an admin area, else the country; hyphenated adjectives ("US-backed") are
  not places.
- **Grouping.** Mentions are read in order; a mention joins the event in focus (the last one
  touched) or an earlier one when nothing separates them: same country (or none said),
  places within ``_SAME_PLACE_KM`` or none said, days at most one apart (for a violent
  mention, the days of the violent members: an arrest's day is not the shooting's), and no
  cue of a separate incident ("in a separate attack", "elsewhere"). Otherwise it opens a
  new event.
- **Type.** An event with a battle mention is a battle (ACLED folds explosions and
  collateral violence during a battle into it); else the most confident mention's type.
- **Date.** ``eventdates``: the earliest day among the group's own dates (the day the
  event began), with its precision; else the discourse's reference date, the date the
  article ties to the violence, or the publication date with time_precision 2.
- **Fatalities.** The first figure reported for the event (the lede carries the toll;
  later sentences restate or break it down).
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from conflictcoder import actors, admin_names, countries, eventdates, places
from conflictcoder.fatalities import coded as coded_remark
from conflictcoder.gazetteer import Gazetteer
from conflictcoder.geometry import km
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

_SAME_PLACE_KM = 30.0
_MAX_NOTES = 600
_SEPARATE = re.compile(
    r"\b(separate(ly)?|elsewhere|another (attack|incident|clash|raid|strike|protest)|"
    r"in a different|meanwhile|also on)\b",
    re.IGNORECASE,
)
# Rank of a place mention as an event location: lower is more specific.
_CLAUSE_BREAK = re.compile(r";|,\s*(?:while|whereas|and|but|as)\b|\b(?:while|whereas)\b")
_AREA_KINDS = frozenset({"country", "admin1", "admin2"})
# Town-level places (a facility, a town, "near"/"countryside of" a town) rank alike, so the
# first named wins: "the countryside of X in Y" is about X, not the city Y.
_KIND_RANK = {"facility": 1, "populated": 1, "relative": 1, "admin2": 3, "admin1": 4, "country": 6}


@dataclass(frozen=True, slots=True)
class _Context:
    mention: Mention
    dates: eventdates.MentionDates
    place: PlaceMention | None
    country: str | None  # ISO2
    separate: bool
    place_list: tuple[PlaceMention, ...] = ()  # towns named together with ``place``


@dataclass(slots=True)
class _Group:
    """The mentions of one event so far, with what grouping asks of them kept up to date
    (so that a long article's grouping stays linear in its mentions)."""

    members: list[_Context] = field(default_factory=list)
    #: the first member's country
    country: str | None = None
    #: the best-ranked place of the members (the first of equals)
    place: PlaceMention | None = None
    #: the members' own days, and the violent members' own days (an arrest's day is not
    #: the shooting's)
    own_days: set[date] = field(default_factory=set)
    violent_days: set[date] = field(default_factory=set)

    def add(self, ctx: _Context) -> None:
        self.members.append(ctx)
        if not self.country:
            self.country = ctx.country or None
        if ctx.place is not None and (
            self.place is None or _place_rank(ctx.place) < _place_rank(self.place)
        ):
            self.place = ctx.place
        own = ctx.dates.own
        if own is not None and own.day:
            self.own_days.add(own.day)
            if ctx.mention.event_type in eventdates.VIOLENT_TYPES:
                self.violent_days.add(own.day)

    def days(self, violent_only: bool = False) -> set[date]:
        return self.violent_days if violent_only else self.own_days


def _place_rank(mention: PlaceMention) -> tuple[int, int]:
    if (mention.why or "").startswith(places.MODIFIER_WHY):  # "Kansas Highway Patrol"
        return (5, mention.start)
    return (_KIND_RANK.get(mention.kind, 5), mention.start)


def _is_adjectival(text: str, mention: PlaceMention) -> bool:
    """'US-backed', 'Kurdish-led': a hyphenated compound names no location."""
    return text[mention.end : mention.end + 1] in {"-", "‑"}


def _display_name(name: str) -> str:
    """GeoNames' ASCII names write ayn and hamza as backticks ("Ba`qubah"); ACLED does not."""
    return name.replace("`", "").replace("‘", "").replace("’", "'")


def _contains(outer: PlaceMention, inner: PlaceMention) -> bool:
    return (
        outer is not inner
        and outer.start <= inner.start
        and inner.end <= outer.end
        and (outer.end - outer.start > inner.end - inner.start)
    )


@dataclass(frozen=True, slots=True)
class _Index:
    """The article's mentions by sentence and its places in text order, built once."""

    by_sentence: dict[int, list[Mention]]
    places: tuple[PlaceMention, ...]
    place_starts: tuple[int, ...]

    @classmethod
    def of(cls, analysis: Analysis) -> _Index:
        by_sentence: dict[int, list[Mention]] = {}
        for mention in analysis.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
        ordered = tuple(sorted(analysis.places, key=lambda p: p.start))
        return cls(by_sentence, ordered, tuple(p.start for p in ordered))

    def places_in(self, start: int, end: int) -> list[PlaceMention]:
        """The place mentions inside ``[start, end)``, in text order."""
        first = bisect_left(self.place_starts, start)
        last = bisect_right(self.place_starts, end)
        return [p for p in self.places[first:last] if p.end <= end]


def _clause(analysis: Analysis, mention: Mention, index: _Index) -> tuple[int, int]:
    """The part of the mention's sentence that belongs to it.

    When a sentence reports several events ("X in A, while Y in B"), each mention owns the
    stretch up to the last clause break (";", ", while", "whereas", ", and") between its
    trigger and its neighbours' (the midpoint when there is none); otherwise the sentence.
    """
    text = analysis.article.text
    sentence = analysis.sentences[mention.sentence]
    start, end = sentence.start, sentence.end
    trigger = mention.trigger.start
    for other in index.by_sentence.get(mention.sentence, ()):
        if other is mention:
            continue
        lo, hi = sorted((trigger, other.trigger.start))
        breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, lo, hi)]
        cut = breaks[-1] if breaks else (lo + hi) // 2
        if other.trigger.start < trigger:
            start = max(start, cut)
        elif other.trigger.start > trigger:
            end = min(end, cut)
    return start, end


def _context(
    analysis: Analysis, dates: eventdates.Dates, mention: Mention, index: _Index
) -> _Context:
    text = analysis.article.text
    sentence = analysis.sentences[mention.sentence]
    clause_start, clause_end = _clause(analysis, mention, index)
    placed = [
        p
        for p in index.places_in(clause_start, clause_end)
        if p.place is not None and not _is_adjectival(text, p)
    ]
    # "north of Baghdad" contains "Baghdad": the outer mention carries the relation.
    placed = [p for p in placed if not any(_contains(q, p) for q in placed)]
    place = min(placed, key=_place_rank, default=None)
    place_list = _place_list(text, placed, place)
    country = place.place.country if place else None
    if country is None:
        for ref in (mention.actor1, mention.actor2):
            if ref is not None and ref.country:
                country = ref.country
                break
    separate = bool(_SEPARATE.search(text, sentence.start, sentence.end))
    return _Context(
        mention=mention,
        dates=eventdates.for_mention(analysis, dates, mention),
        place=place,
        country=country,
        separate=separate,
        place_list=place_list,
    )


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|&)\s*", re.IGNORECASE)
_TOWN_KINDS = frozenset({"populated", "facility"})


def _place_list(
    text: str, placed: Sequence[PlaceMention], best: PlaceMention | None
) -> tuple[PlaceMention, ...]:
    """The towns named as one list with ``best`` ("in Kafr Nabl, Hass and Maarrat").

    Only towns of one country, each precisely located, joined by commas/"and"/"or".
    """
    if best is None or best.kind not in _TOWN_KINDS or best.geo_precision != 1:
        return ()
    run = sorted(placed, key=lambda p: p.start)
    at = run.index(best)

    def joined(a: PlaceMention, b: PlaceMention) -> bool:
        return (
            b.kind in _TOWN_KINDS
            and b.geo_precision == 1
            and a.place is not None
            and b.place is not None
            and a.place.country == b.place.country
            and _LIST_GAP.fullmatch(text, a.end, b.start) is not None
        )

    lo = hi = at
    while lo > 0 and joined(run[lo - 1], run[lo]):
        lo -= 1
    while hi + 1 < len(run) and joined(run[hi], run[hi + 1]):
        hi += 1
    towns: dict[tuple, PlaceMention] = {}
    for mention in run[lo : hi + 1]:
        assert mention.place is not None
        towns.setdefault((mention.place.name, mention.place.latitude), mention)
    return tuple(towns.values()) if len(towns) > 1 else ()


_CODED_WHY = "the toll a coding remark gives this event"


def _coded_toll(analysis: Analysis, mention: Mention) -> bool:
    """Whether the mention's toll comes from a coder's remark ("fatalities coded as 10",
    "split 5 each between the two locations"): such notes give each event its own share."""
    if not mention.fatality_spans:
        return False
    sentence = sentence_at(analysis.sentences, mention.fatality_spans[0].start)
    return sentence is not None and coded_remark(
        analysis.article.text, sentence.start, sentence.end
    )


def _split_by_place(event: Event, towns: tuple[PlaceMention, ...]) -> tuple[Event, ...]:
    """ACLED codes one event per named town; a toll reported for all of them is divided
    (integer division, the remainder to the first town)."""
    if len(towns) < 2:
        return (event,)
    divided = event.why.get("fatalities") != _CODED_WHY  # else already this event's share
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


def _compatible(group: _Group, ctx: _Context) -> bool:
    if ctx.separate:
        return False
    country = group.country
    if ctx.country and country and ctx.country != country:
        return False
    here = group.place
    if ctx.place and here and here.place and ctx.place.place:
        both_precise = ctx.place.geo_precision == 1 and here.geo_precision == 1
        if (
            both_precise
            and km(
                here.place.latitude,
                here.place.longitude,
                ctx.place.place.latitude,
                ctx.place.place.longitude,
            )
            > _SAME_PLACE_KM
        ):
            return False
    days = group.days(violent_only=ctx.mention.event_type in eventdates.VIOLENT_TYPES)
    own = ctx.dates.own
    if own and own.day and days:
        if min(abs((own.day - d).days) for d in days) > 1:
            return False
    return True


def group_mentions(analysis: Analysis, dates: eventdates.Dates) -> list[list[_Context]]:
    """Group the article's mentions into events (see the module docstring)."""
    groups: list[_Group] = []
    focus: _Group | None = None
    index = _Index.of(analysis)
    for mention in analysis.mentions:
        ctx = _context(analysis, dates, mention, index)
        candidates = ([focus] if focus else []) + [g for g in reversed(groups) if g is not focus]
        target = next((g for g in candidates if _compatible(g, ctx)), None)
        if target is None:
            target = _Group()
            groups.append(target)
        target.add(ctx)
        focus = target
    return [g.members for g in groups]


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    codes = sorted(c for c in (inter1, inter2) if c)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def _choose_type(members: Sequence[_Context]) -> Mention:
    battles = [c.mention for c in members if c.mention.event_type == "Battles"]
    if battles:
        return max(battles, key=lambda m: m.confidence)
    return max((c.mention for c in members), key=lambda m: m.confidence)


def _choose_actor(members: Sequence[_Context], chosen: Mention, attr: str) -> ActorRef | None:
    ref = getattr(chosen, attr)
    if ref is not None:
        return ref
    return next((getattr(c.mention, attr) for c in members if getattr(c.mention, attr)), None)


def _document_country(analysis: Analysis) -> str | None:
    """The most mentioned country of the article, as a last resort for an event's country."""
    counts: dict[str, int] = {}
    for mention in analysis.places:
        if mention.place is not None and mention.place.country:
            if not _is_adjectival(analysis.article.text, mention):
                counts[mention.place.country] = counts.get(mention.place.country, 0) + 1
    return max(counts, key=lambda c: (counts[c], -list(counts).index(c)), default=None)


def _build(
    analysis: Analysis,
    dates: eventdates.Dates,
    members: Sequence[_Context],
    gazetteer: Gazetteer,
    lexicon: actors.ActorLexicon,
) -> Event:
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

    place_mention = min(
        (c.place for c in members if c.place is not None), key=_place_rank, default=None
    )
    place = place_mention.place if place_mention else None
    country = place.country if place else next((c.country for c in members if c.country), None)
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

    actor_names: dict[str, str | None] = {}
    inters: dict[str, int | None] = {}
    for slot in ("actor1", "actor2"):
        ref = _choose_actor(members, chosen, slot)
        actor_names[slot] = (
            actors.localise(ref, country, country_name, lexicon, on=event_date) if ref else None
        )
        inters[slot] = actors.inter_for(ref, country) if ref else None
        if ref:
            evidence[slot] = ref.spans
    assoc: dict[str, str | None] = {}
    for slot in ("assoc_actor_1", "assoc_actor_2"):
        refs = [r for c in members for r in getattr(c.mention, slot)]
        names = dict.fromkeys(
            actors.localise(r, country, country_name, lexicon, on=event_date) for r in refs
        )
        assoc[slot] = "; ".join(names) or None
        if refs:
            evidence[slot] = tuple(s for r in refs for s in r.spans)

    fatalities = 0
    counted = [c.mention for c in members if c.mention.fatalities is not None]
    remarked = [m for m in counted if _coded_toll(analysis, m)]
    if remarked:  # "Total fatalities coded as 30": the coder's own figure wins
        fatalities = remarked[0].fatalities or 0
        evidence["fatalities"] = remarked[0].fatality_spans
        why["fatalities"] = _CODED_WHY
    elif counted:
        fatalities = counted[0].fatalities or 0
        evidence["fatalities"] = counted[0].fatality_spans
        why["fatalities"] = "first toll reported for the event"

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
        actor1=actor_names["actor1"],
        assoc_actor_1=assoc["assoc_actor_1"],
        inter1=inters["actor1"],
        actor2=actor_names["actor2"],
        assoc_actor_2=assoc["assoc_actor_2"],
        inter2=inters["actor2"],
        interaction=_interaction(inters["actor1"], inters["actor2"]),
        country=country_name,
        iso3=gazetteer.iso3(country) if country else None,
        admin1=admin_names.acled_name("admin1", place.country, place.admin1) if place else None,
        admin2=admin_names.acled_name("admin2", place.country, place.admin2) if place else None,
        location=_display_name(place.name) if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=geo_precision,
        fatalities=fatalities,
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
    for members in group_mentions(analysis, dates):
        event = _build(analysis, dates, members, gazetteer, lexicon)
        if event.confidence < settings.min_confidence:
            continue
        towns = next(
            (c.place_list for c in members if c.place_list and event.location is not None
             and any(_display_name(t.place.name) == event.location for t in c.place_list if t.place)),
            (),
        )  # fmt: skip
        found.extend(_split_by_place(event, towns))
    return tuple(found)
