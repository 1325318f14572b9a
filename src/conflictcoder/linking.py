"""Pure decisions behind incidents: do two reported events describe the same real event?

``compare(a, b, settings)`` scores a pair of events from their ACLED fields and the
distinguishing terms of their sentences, and says which fields agreed. Components (weights
in ``Settings.link_weights``; each agreement is in [0, 1]):

- **date**: each date is an interval (``linkdates.day_interval``). A date that is only the
  publication date (``date_unknown``) is no date agreement at all: its weight goes to
  content, which must then reach ``link_content_unknown_date``; two such dates must also
  share the publication day. The gap between the intervals must be at most
  ``link_max_day_gap`` days (for a chain) and ``link_same_day_gap`` (for the same event: 0 by default, as ACLED codes one
  event per day). Same precise day 1.0; overlapping imprecise dates 0.5; a gap 0.25.
- **place**: different countries veto. With coordinates, the distance must be within the
  tolerance of the coarser geo_precision (``link_km``); agreement falls from 1 to 0.5 at the
  tolerance and is capped by precision (1: 1.0, 2: 0.7, 3: 0.4), halved when both name
  different towns at precision 1 (ACLED: one event per location). Without coordinates: same
  admin1 0.3, same country 0.1, different admin1 veto. Between reports naming no armed
  actor, a place veto is lifted when one report's sentences name the other's town
  (geo_precision 1) and the two stories share a name besides their places: one place was
  read wrong (a street, a person or a dateline taken for a town elsewhere); the place
  agreement is then ``link_named_town``.
- **type**: same sub-event type 1.0; same event type 0.6; compatible types (a battle and the
  explosions or killings of civilians in it, a protest and a riot) 0.3, but 0.6 for a battle
  and an attack on civilians when neither side names an actor (a shooting by "a gunman" is
  an armed clash in one report and an attack in the next); otherwise veto.
- **actors**: the named (non-generic) actors of both sides, compared without their country
  or period suffix: Jaccard overlap. Generic actors ("Unidentified Armed Group", "Civilians")
  carry no evidence: 0.5 when one side has no named actor. Two sides each with two or more
  named actors and none in common, with different actor types, veto.
- **content**: what the sentences reporting each event share of their distinguishing
  terms (names of places, people and units; numbers), see ``linkterms``; every pair must
  reach ``link_content_min``. Different villages or victims named on each side pull it down.

**Follow-ups** (``followup_day``): a report whose event is dated only by its publication or by
the preceding text (``date_source`` "publication" or "discourse": the arrest, the charges,
the funeral, the trial) may tell of an event up to ``link_followup_days`` before that date.
Such a pair, not the same event by its dates, is still the same event when neither side
names an actor (local news of a crime by unidentified people; named armed groups fight
again where they fought, and ACLED codes each day), it is in the same town
(same location name or both at geo_precision 1 within ``link_km[0]``), of the same kind
(type agreement at least 0.6), and the sentences share names: content agreement at least
``link_followup_content`` and at least ``link_followup_names`` shared names (numbers do not
count): the victims' and suspects' names are what local news repeats. The date weight goes
to content, as for an unknown date.

**One story** (the ``story`` field, not scored): the place of local news is often read wrong
(a street taken for a town abroad), while the reports of one event repeat the same victims,
suspects and streets. The story of an event is the rare terms of its sentences and
``link_story_context`` sentences around them (``Linkable.story``, see
``linkcontent.event_content``); two stories agree by the weighted cosine of their terms
(``linkterms.story_agreement``). A pair whose dates, both told by the text (not a
publication date), allow one event (``_dates_agree``), whose
only veto is its place, is the same event when the stories agree at least ``link_story_min``
(``link_story_countries`` across countries) and share at least ``link_story_names`` names
besides the two events' place names, unless both name armed actors (armed groups fight at
many places the same day: a shared story tells the same campaign, not the same event); the
field says which veto it overrides.

**Same people** (the ``people`` field, not scored): two reports naming the same victim or
suspect (``Linkable.people``, compared by ``linkident.canonical`` names: a respelled given
name is one person) are the same incident when their types and actors allow it (both of
``link_people_types``, events with victims: battles, explosions, attacks on civilians; or
one of them and a later strategic development naming no actor, the arrest or the charge of
the suspect: ``linkfields`` vetoes that pair with kind "role", which only this rule lifts),
their dates are at most ``link_people_days`` apart (``link_followup_days`` for an address:
a follow-up dated by the arrest or the hearing) and at least one is told by the text,
whatever their places (a wrong geocode; across countries only when the stories agree at
least ``link_story_countries``). Across days, neither may name an armed actor.

**A misread date** (``_story_across_days``): two reports naming no armed actor, both dated
by their texts at most ``link_story_days`` apart, are one event when their stories agree at
least ``link_story_days_min`` and share ``link_story_names`` names besides their places (a
date read from the page's other stories or from an earlier crime the article recalls).

**Two events after all** (``linkapart``), checked on every pair about to be the same event:

- *worded alike but for the names* (``linkterms.template_split``): one source report split
  into one record per village or victim reads the same word for word but for a name;
- *places named elsewhere*: each report names its place with words (``Linkable.where``, the
  quote of its location evidence) the other report never uses, not even as its own place:
  two villages the gazetteer lacks, both placed at their district (not applied when the
  stories agree as above).

Events of the same document never merge (the events stage already told them apart); two
events on consecutive precise days that agree otherwise form a *chain* (fighting that
continued), not one event. ``linkmerge`` turns the pairs of a connected component into
incidents and computes the incident's merged event.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from conflictcoder import geometry, linkapart, linkfields, linkident, linkterms
from conflictcoder.linkdates import (
    date_unknown,
    dates_agree,
    day_gap,
    followup_day,
)
from conflictcoder.linkfields import (
    Veto,
    actors,
    event_type,
    named_actors,
    place,
    same_text,
)
from conflictcoder.models import Event
from conflictcoder.settings import Settings
from conflictcoder.taxonomy import STRATEGIC

COMPONENTS: tuple[str, ...] = ("date", "place", "type", "actors", "content")


@dataclass(frozen=True, slots=True, kw_only=True)
class Linkable:
    """A stored event as the linker sees it.

    ``key`` is a stable identity that does not depend on row ids (document id plus the
    export id of the event), used to break ties so that the result does not depend on the
    order of ingestion. ``document`` tells events of one document apart from the others.
    """

    id: int
    key: str
    document: int
    event: Event
    terms: frozenset[str] = frozenset()
    published: date | None = None
    source: str | None = None
    story: frozenset[str] = frozenset()
    words: tuple[str, ...] = ()
    where: frozenset[str] = frozenset()  # the words naming its place in the text
    people: frozenset[str] = frozenset()  # the victims and suspects it names (linkident)
    phrases: tuple[tuple[str, ...], ...] = ()  # its story's multi-word names


@dataclass(frozen=True, slots=True)
class Comparison:
    """A scored decision: ``same`` the same real event; ``chain`` the same fighting on
    consecutive days. ``fields`` maps each component to its agreement and how it was read."""

    score: float
    same: bool
    chain: bool
    veto: str | None = None
    fields: Mapping[str, tuple[float, str]] = field(default_factory=dict)
    veto_kind: str | None = None  # date, later, place, country, type, actors or names
    by_people: bool = False  # the same event because both name the same people

    def compatible(self, floor: float, story_floor: float) -> bool:
        """Whether the pair may sit in one incident: the same event; or no veto and a score
        of at least ``floor``; or only its place disagrees (a wrong geocode) while the
        stories agree at least ``story_floor``; or a later report of the same kind in the
        same town, with no armed actor, both dated by their texts, whose words alone do not
        show it is a follow-up (``veto_kind`` "later": other reports may)."""
        if self.same or self.veto_kind == "later":
            return True
        if self.veto is None:
            return self.score >= floor
        story = self.fields.get("story", (0.0, ""))[0]
        if self.veto_kind == "country":  # two countries: the people must agree too
            return story >= story_floor and "people" in self.fields
        return self.veto_kind == "place" and story >= story_floor

    def detail(self) -> dict[str, object]:
        """JSON-ready explanation, stored with the link."""
        out: dict[str, object] = {
            n: {"agreement": a, "why": w} for n, (a, w) in self.fields.items()
        }
        if self.veto:
            out["veto"] = self.veto
        return out


def may_follow_up(event: Event) -> bool:
    """Whether the event may be one side of a follow-up pair (``linkdates.followup_day``): no
    named actor."""
    return not named_actors(event)


def _date(a: Event, b: Event, settings: Settings) -> tuple[float, str]:
    gap = day_gap(a, b, settings)
    if gap > settings.link_max_day_gap:
        raise Veto(f"dates {gap} days apart", "date")
    unknown_a, unknown_b = date_unknown(a), date_unknown(b)
    if unknown_a and unknown_b and a.event_date != b.event_date:
        raise Veto("both dates unknown, published on different days", "date")
    if unknown_a or unknown_b:
        which = " and ".join(
            f"{e.event_date.isoformat()} is a publication date"
            for e, unknown in ((a, unknown_a), (b, unknown_b))
            if unknown
        )
        return 0.0, f"date unknown ({which}); its weight goes to content"
    precise = a.time_precision == 1 and b.time_precision == 1
    if gap == 0 and precise:
        return 1.0, f"same day {a.event_date.isoformat()}"
    if gap == 0:
        return 0.5, "imprecise dates overlap"
    return 0.25, f"{gap} day(s) apart"


def _same_town(a: Event, b: Event, settings: Settings) -> bool:
    if same_text(a.location, b.location) and same_text(a.admin1, b.admin1) is not False:
        return True
    if a.geo_precision != 1 or b.geo_precision != 1:
        return False
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    assert a.latitude is not None and a.longitude is not None
    assert b.latitude is not None and b.longitude is not None
    return geometry.km(a.latitude, a.longitude, b.latitude, b.longitude) <= settings.link_km[0]


def _followup_date(a: Event, b: Event, settings: Settings) -> tuple[float, str] | None:
    """The date field of a follow-up pair (see the module docstring), or None."""
    late = followup_day(a, b, settings)
    if late is None:
        return None
    early = b if late is a else a
    days = (late.event_date - early.event_date).days
    why = f"follow-up: {late.event_date.isoformat()} ({late.date_source}) {days} day(s) after"
    return 0.0, why + f" {early.event_date.isoformat()}; its weight goes to content"


def compare(a: Linkable, b: Linkable, settings: Settings) -> Comparison:
    """Score two events; symmetric. See the module docstring for the components: a pair
    that is not the same event by its dates may still be a follow-up, and one whose places
    disagree may still tell one story; a pair worded alike but for a name is not, nor one
    naming places the other never names."""
    result = _by_fields(a, b, settings)
    if a.document == b.document:
        return result
    met = linkident.shared(a.people, b.people) if a.people and b.people else []
    if result.veto_kind not in (None, "place", "country") and not met:
        return result  # the story overrides neither dates, types nor actors
    story, names = linkterms.story_agreement(a.story, b.story)
    by_people = (
        bool(met)
        and not result.same
        and _people_allow(a.event, b.event, result, story, settings, _only_addresses(met))
    )
    if result.veto_kind not in (None, "place", "country") and not by_people:
        return result
    fields = dict(result.fields)
    fields["story"] = (story, f"shared names: {', '.join(names[:8]) or 'none'} (not scored)")
    if met:
        fields["people"] = (1.0, f"both name {', '.join(met[:4])} (not scored)")
    result = replace(result, fields=fields)
    places = linkterms.event_place_words(a.event) | linkterms.event_place_words(b.event)
    needed = settings.link_story_min
    if result.veto_kind == "country":
        needed = settings.link_story_countries
    told = (
        story >= needed
        and _story_names(a, b, [n for n in names if n not in places]) >= settings.link_story_names
        and result.veto_kind in (None, "place", "country")
        and dates_agree(a.event, b.event, settings)
        and not (named_actors(a.event) and named_actors(b.event))
    )
    if not (result.same or told or by_people):
        return result
    split = linkterms.template_split(a.words, b.words, settings.link_template_ratio)
    if split:
        ours, theirs = (", ".join(sorted(side)) for side in split)
        why = f"worded alike but for the names ({ours} / {theirs})"
        return replace(result, score=0.0, same=False, veto=why, veto_kind="names")
    towns = linkapart.other_towns(a, b)
    if towns and not by_people:
        why = f"armed groups at two towns ({towns}): one event per location"
        return replace(result, score=0.0, same=False, veto=why, veto_kind="towns")
    elsewhere = linkapart.places_elsewhere(a, b)
    if elsewhere and not (told or by_people):
        why = f"each names a place the other never names ({elsewhere})"
        return replace(result, score=0.0, same=False, veto=why, veto_kind="place")
    if result.same:
        return result
    if told:
        fields["story"] = (story, f"one story: {', '.join(names[:8])}" + _overriding(result))
        score = max(result.score, story)
    else:
        fields["people"] = (1.0, f"same people: {', '.join(met[:4])}" + _overriding(result))
        score = max(result.score, settings.link_threshold)
        return replace(result, score=score, same=True, veto=None, veto_kind=None, by_people=True)
    return replace(result, score=score, same=True, veto=None, veto_kind=None)


def _story_names(a: Linkable, b: Linkable, names: list[str]) -> int:
    """How many names two stories share, a multi-word name counting once on either side
    ("Microsoft Internet Explorer" is one name)."""
    return min(linkterms.distinct_names(names, x.phrases) for x in (a, b))


def _only_addresses(met: list[str]) -> bool:
    return all(k.startswith(linkident.ADDRESS) for k in met)


def _people_allow(
    a: Event,
    b: Event,
    result: Comparison,
    story: float,
    settings: Settings,
    addresses: bool = False,
) -> bool:
    """Whether two reports naming the same victims or suspects are one incident whatever
    their places (a wrong geocode) and, within ``link_followup_days``, their dates (a
    follow-up dated by the arrest or the hearing): not when their types or actors veto,
    not when neither date is told by the text (undated reports of one person tell of
    several events), and not across days when either names an armed actor (armed groups
    fight again; ACLED codes each day). Sharing only an address (``addresses``), the days
    must agree (or be consecutive: a night shooting is dated on either side of midnight)
    unless one report may be the other's follow-up (shootings recur on a block)."""
    if result.veto_kind not in (None, "date", "later", "place", "country", "role"):
        return False
    kinds = {a.event_type, b.event_type}
    if linkfields.is_followup_role(a, b):  # the arrest of the shooting's suspect
        kinds -= {STRATEGIC}
    if not kinds <= set(settings.link_people_types):
        return False
    if result.veto_kind == "country" and story < settings.link_story_countries:
        return False
    if date_unknown(a) and date_unknown(b):
        return False
    gap = day_gap(a, b, settings)
    if gap > (settings.link_followup_days if addresses else settings.link_people_days):
        return False
    if gap > settings.link_same_day_gap and not (may_follow_up(a) and may_follow_up(b)):
        return False
    # a night shooting is dated on either side of midnight: the next day is still one event
    night = settings.link_same_day_gap + 1
    if addresses and gap > night and followup_day(a, b, settings) is None:
        return False
    try:
        event_type(a, b)
    except Veto as veto:
        if veto.kind != "role":
            return False
    try:
        actors(a, b)
    except Veto:
        return False
    return True


def _overriding(result: Comparison) -> str:
    return f"; overrides: {result.veto}" if result.veto else ""


def _story_across_days(a: Linkable, b: Linkable, settings: Settings) -> tuple[float, str] | None:
    """The date field of two reports of one local crime whose dates, both told by the text,
    disagree by at most ``link_story_days`` while their stories agree at least
    ``link_story_days_min`` and share ``link_story_names`` names besides their places: one
    date was read from the wrong sentence (a page's other stories, an earlier crime
    recalled). None otherwise."""
    x, y = a.event, b.event
    if date_unknown(x) or date_unknown(y) or named_actors(x) or named_actors(y):
        return None
    gap = day_gap(x, y, settings)
    if not settings.link_same_day_gap < gap <= settings.link_story_days:
        return None
    story, names = linkterms.story_agreement(a.story, b.story)
    if story < settings.link_story_days_min:
        return None
    places = linkterms.event_place_words(x) | linkterms.event_place_words(y)
    if _story_names(a, b, [n for n in names if n not in places]) < settings.link_story_names:
        return None
    return 0.0, f"dates {gap} day(s) apart, but one story ({', '.join(names[:5])})"


def _by_fields(a: Linkable, b: Linkable, settings: Settings) -> Comparison:
    """The decision from the fields: the pair as reported, then as a follow-up, then as one
    story told with a misread date (``_story_across_days``)."""
    normal = _compare(a, b, settings, None)
    if normal.same or a.document == b.document or normal.veto_kind not in (None, "date"):
        return normal  # a follow-up changes only the date: other vetoes stand
    date_field = _followup_date(a.event, b.event, settings)
    follow = None if date_field is None else _compare(a, b, settings, date_field)
    if follow is not None and follow.same:
        return follow
    misread = _story_across_days(a, b, settings)  # a date veto, or days apart
    if misread is not None:
        told = _compare(a, b, settings, None, misread)
        if told.veto is None:
            return replace(told, same=True, score=max(told.score, settings.link_threshold))
    if follow is not None and normal.veto and follow.veto:
        kind = "later" if follow.veto_kind == "later" else normal.veto_kind
        why = f"{normal.veto}; follow-up refused: {follow.veto}"
        return replace(normal, veto=why, veto_kind=kind)
    return normal


def _place(a: Linkable, b: Linkable, settings: Settings) -> tuple[float, str]:
    """The place field; a place veto between reports naming no armed actor is lifted when
    one report's text names the other's town (``_named_town``): one of the two places was
    read wrong (a street or a person taken for a town elsewhere)."""
    try:
        return place(a.event, b.event, settings)
    except Veto as veto:
        if veto.kind not in ("place", "country"):
            raise
        town = _named_town(a, b) or _named_town(b, a)
        if town is None or named_actors(a.event) or named_actors(b.event):
            raise
        places = linkterms.event_place_words(a.event) | linkterms.event_place_words(b.event)
        names = [n for n in linkterms.names(a.story & b.story) if n not in places]
        if not names:  # a big city names many shootings: one more name is needed
            raise
        why = f"{veto}, but both texts name {town} and {', '.join(names[:3])}"
        return settings.link_named_town, why


def _named_town(a: Linkable, b: Linkable) -> str | None:
    """The town of ``b`` (at geo_precision 1) when ``a``'s sentences name it too."""
    words = linkident.town_words(b.event)
    said = a.story | a.terms | a.where
    return b.event.location if words and said.issuperset(words) else None


def _compare(
    a: Linkable,
    b: Linkable,
    settings: Settings,
    followup: tuple[float, str] | None,
    misread: tuple[float, str] | None = None,
) -> Comparison:
    fields: dict[str, tuple[float, str]] = {}
    try:
        fields["date"] = followup or misread or _date(a.event, b.event, settings)
        fields["type"] = event_type(a.event, b.event)  # before the place: never overridden
        fields["place"] = _place(a, b, settings)
        fields["actors"] = actors(a.event, b.event)
    except Veto as veto:
        return Comparison(0.0, False, False, str(veto), fields, veto.kind)
    terms = linkterms.compare_terms(a.terms, b.terms, settings.link_content_exclusive)
    fields["content"] = (terms.agreement, terms.why())
    if linkapart.untied(a.event, b.event, terms):
        why = "armed groups, no name in common and no one town: fighting elsewhere that day"
        return Comparison(0.0, False, False, why, fields, "names")
    if followup:
        reasons = []
        if not _same_town(a.event, b.event, settings):
            reasons.append("not the same town")
        if fields["type"][0] < 0.6:
            reasons.append("not the same kind of event")
        if not may_follow_up(a.event) or not may_follow_up(b.event):
            reasons.append("named actors (armed groups fight again where they fought)")
        thin_reasons = []
        if terms.agreement < settings.link_followup_content:
            thin_reasons.append(f"content {terms.agreement} below {settings.link_followup_content}")
        if linkapart.shared_names(terms) < settings.link_followup_names:
            thin_reasons.append(f"{linkapart.shared_names(terms)} shared name(s)")
        reasons += thin_reasons
        if reasons:
            thin = len(reasons) == len(thin_reasons)
            undated = date_unknown(a.event) or date_unknown(b.event)  # no date to agree on
            kind = "later" if thin and not undated else "date"
            return Comparison(0.0, False, False, ", ".join(reasons), fields, kind)
    if a.event.fatalities == b.event.fatalities:
        fields["fatalities"] = (1.0, f"both {a.event.fatalities} (not scored)")
    else:
        fields["fatalities"] = (0.0, f"{a.event.fatalities} vs {b.event.fatalities} (not scored)")
    unknown = followup is not None or date_unknown(a.event) or date_unknown(b.event)
    weights = dict(zip(COMPONENTS, settings.link_weights, strict=True))
    if unknown:  # the content stands in for the date
        weights["content"] += weights.pop("date")
    score = round(sum(w * fields[name][0] for name, w in weights.items()), 3)
    content = fields["content"][0]
    needed = settings.link_content_unknown_date if unknown else settings.link_content_min
    armed = bool(named_actors(a.event) and named_actors(b.event))
    if followup:
        needed = settings.link_followup_content
    gap = 0 if followup else day_gap(a.event, b.event, settings)
    consecutive = a.event.time_precision == 1 and b.event.time_precision == 1 and gap >= 1
    consecutive = consecutive and not unknown
    same = (
        a.document != b.document
        and not linkapart.conflicting(terms, settings, armed)
        and gap <= settings.link_same_day_gap
        and score >= settings.link_threshold
        and content >= needed
    )
    chain = consecutive and not same and score >= settings.chain_threshold
    return Comparison(score, same, chain, None, fields)
