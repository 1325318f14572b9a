"""Event groups: each event mention's context (clause, place, dates) and the grouping of an
article's mentions into the events ``events`` builds.

- **Context of a mention.** Its dates come from ``eventdates.for_mention``; its place is
  the first town-level place of its clause (a facility, a town, "near"/"countryside of" a
  town), else an admin area, else the country; hyphenated adjectives ("US-backed") are
  not places. Towns named as one list with it ("in A, B and C") are kept: ACLED codes one
  event for each.
- **Grouping.** Mentions are read in order; a mention joins the event in focus (the last one
  touched) or an earlier one when nothing separates them: same country (or none said),
  places within ``_SAME_PLACE_KM`` or none said, days at most one apart (for a violent
  mention, the days of the violent members: an arrest's day is not the shooting's), and no
  cue of a separate incident ("in a separate attack", "elsewhere"). Otherwise it opens a
  new event.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from conflictcoder import eventdates, places
from conflictcoder.geometry import km
from conflictcoder.models import Analysis, Mention, PlaceMention

_SAME_PLACE_KM = 30.0
_SEPARATE = re.compile(
    r"\b(separate(ly)?|elsewhere|unrelated|in a different|meanwhile|also on|another "
    r"(attack|incident|clash|raid|strike|protest|shooting|stabbing|killing|homicide))\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r";|,\s*(?:while|whereas|and|but|as)\b|\b(?:while|whereas)\b")
# Town-level places (a facility, a town, "near"/"countryside of" a town) rank alike, so the
# first named wins: "the countryside of X in Y" is about X, not the city Y.
_KIND_RANK = {"facility": 1, "populated": 1, "relative": 1, "admin2": 3, "admin1": 4, "country": 6}


@dataclass(frozen=True, slots=True)
class Context:
    """What grouping and building need of one mention."""

    mention: Mention
    dates: eventdates.MentionDates
    place: PlaceMention | None
    country: str | None  # ISO2
    separate: bool
    place_list: tuple[PlaceMention, ...] = ()  # towns named together with ``place``


@dataclass(slots=True)
class Group:
    """The mentions of one event, with what grouping and building ask of them kept up to
    date (so that a long article's grouping stays linear in its mentions)."""

    members: list[Context] = field(default_factory=list)
    #: the first country the members name
    country: str | None = None
    #: the best-ranked place of the members (the first of equals)
    place: PlaceMention | None = None
    #: the members' own days, and the violent members' own days (an arrest's day is not
    #: the shooting's)
    own_days: set[date] = field(default_factory=set)
    violent_days: set[date] = field(default_factory=set)

    def add(self, ctx: Context) -> None:
        self.members.append(ctx)
        if not self.country:
            self.country = ctx.country or None
        if ctx.place is not None and (
            self.place is None or place_rank(ctx.place) < place_rank(self.place)
        ):
            self.place = ctx.place
        own = ctx.dates.own
        if own is not None and own.day:
            self.own_days.add(own.day)
            if ctx.mention.event_type in eventdates.VIOLENT_TYPES:
                self.violent_days.add(own.day)

    def days(self, violent_only: bool = False) -> set[date]:
        return self.violent_days if violent_only else self.own_days


def place_rank(mention: PlaceMention) -> tuple[int, int]:
    """A place mention's rank as an event location: lower is more specific."""
    if (mention.why or "").startswith(places.MODIFIER_WHY):  # "Kansas Highway Patrol"
        return (5, mention.start)
    return (_KIND_RANK.get(mention.kind, 5), mention.start)


def is_adjectival(text: str, mention: PlaceMention) -> bool:
    """'US-backed', 'Kurdish-led': a hyphenated compound names no location."""
    return text[mention.end : mention.end + 1] in {"-", "‑"}


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
) -> Context:
    text = analysis.article.text
    sentence = analysis.sentences[mention.sentence]
    clause_start, clause_end = _clause(analysis, mention, index)
    placed = [
        p
        for p in index.places_in(clause_start, clause_end)
        if p.place is not None and not is_adjectival(text, p)
    ]
    # "north of Baghdad" contains "Baghdad": the outer mention carries the relation.
    placed = [p for p in placed if not any(_contains(q, p) for q in placed)]
    place = min(placed, key=place_rank, default=None)
    place_list = _place_list(text, placed, place)
    country = place.place.country if place else None
    if country is None:
        for ref in (mention.actor1, mention.actor2):
            if ref is not None and ref.country:
                country = ref.country
                break
    separate = bool(_SEPARATE.search(text, sentence.start, sentence.end))
    return Context(
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


def _compatible(group: Group, ctx: Context) -> bool:
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


def group_mentions(analysis: Analysis, dates: eventdates.Dates) -> list[Group]:
    """Group the article's mentions into events (see the module docstring)."""
    groups: list[Group] = []
    focus: Group | None = None
    index = _Index.of(analysis)
    for mention in analysis.mentions:
        ctx = _context(analysis, dates, mention, index)
        candidates = ([focus] if focus else []) + [g for g in reversed(groups) if g is not focus]
        target = next((g for g in candidates if _compatible(g, ctx)), None)
        if target is None:
            target = Group()
            groups.append(target)
        target.add(ctx)
        focus = target
    return groups
