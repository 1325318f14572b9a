"""The vocabulary of the pipeline: a few frozen records passed between stages.

Every extracted value carries its evidence as ``Span`` offsets into ``Article.text``
(``text[span.start:span.end]`` is the quote). Missing values are ``None``, never ``""``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character offsets ``[start, end)`` into an article's text."""

    start: int
    end: int

    def quote(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One input document. ``published`` is the document creation time (DCT)."""

    doc_id: str
    text: str
    published: date
    title: str | None = None
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article: its offsets and its position (0-based)."""

    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Timex:
    """A TIMEX3 temporal expression, normalised against the publication date.

    ``value`` is the TimeML value (``2022-01-20``, ``2022-W03``, ``P3Y``, ``PRESENT_REF``...).
    ``day`` is the calendar day the expression points at when it can be used to date an
    event (the middle of a week, the middle of a month), ``precision`` the ACLED
    time_precision of that day (1 day, 2 week, 3 month), ``None`` when it cannot date an
    event (durations, years, sets, future).
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str | None
    day: date | None = None
    precision: int | None = None
    why: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A gazetteer entry (GeoNames or derived). ``admin1``/``admin2`` are names."""

    geonameid: int | None
    name: str
    latitude: float
    longitude: float
    feature_code: str | None
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    population: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceMention:
    """A place named in the text, resolved (or not) to a gazetteer entry.

    ``kind``: ``country``, ``admin1``, ``admin2``, ``populated``, ``facility`` (a prison,
    barracks, camp... resolved to the place it is in), ``relative`` ("north of Baghdad").
    ``geo_precision`` is ACLED's code for an event located here: 1 town/village or a place
    inside one, 2 near a place / part of a region, 3 only a region.
    """

    start: int
    end: int
    text: str
    place: Place | None
    kind: str
    geo_precision: int
    why: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorRef:
    """An actor as ACLED names it, with the spans that mention it.

    ``name`` may contain the placeholder ``{country}`` for generic actors
    ("Unidentified Armed Group ({country})", "Protesters ({country})"); the events stage
    fills it with the event's country name. ``country`` (ISO2) is set when the mention
    itself says whose actor it is ("Iraqi soldiers").
    """

    name: str
    inter: int
    spans: tuple[Span, ...]
    country: str | None = None
    generic: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """One clause reporting an event, typed, with its actors and fatalities.

    Several mentions in an article may report the same event; the events stage groups
    them. Background and hypothetical clauses yield no mention.
    """

    sentence: int
    trigger: Span
    event_type: str
    sub_event_type: str
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    assoc_actor_1: tuple[ActorRef, ...] = ()
    assoc_actor_2: tuple[ActorRef, ...] = ()
    fatalities: int | None = None
    fatality_spans: tuple[Span, ...] = ()
    confidence: float = 0.5
    why: str | None = None
    # True when the clause only refers back to an event told earlier ("The attack in Syria
    # targeted ..."): typed as that event, with a low confidence.
    reference: bool = False


#: ACLED's event fields, in ACLED's order: the columns of every event export.
EVENT_FIELDS: tuple[str, ...] = (
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "country",
    "iso3",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "notes",
    "source",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """An event in ACLED's schema, with the evidence behind each field.

    ``evidence`` maps a field name to the spans that support it; ``why`` maps a field name
    to how its value was chosen (for example ``event_date``: "publication date, no
    temporal expression governs the trigger").
    """

    doc_id: str
    event_date: date
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str | None
    assoc_actor_1: str | None
    inter1: int | None
    actor2: str | None
    assoc_actor_2: str | None
    inter2: int | None
    interaction: int | None
    country: str | None
    iso3: str | None
    admin1: str | None
    admin2: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int
    notes: str | None
    source: str | None
    evidence: Mapping[str, tuple[Span, ...]] = field(default_factory=dict)
    why: Mapping[str, str] = field(default_factory=dict)
    confidence: float = 0.5
    # Where event_date comes from: "text" (a date governing the event), "discourse" (the
    # reference date of the preceding text) or "publication" (no date in the text).
    date_source: str | None = None


DATE_SOURCES = ("text", "discourse", "publication")


@dataclass(frozen=True, slots=True, kw_only=True)
class Analysis:
    """What the pipeline knows about one article; each stage returns a new one."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    timexes: tuple[Timex, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
