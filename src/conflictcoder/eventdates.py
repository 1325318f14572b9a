"""Event dating: which temporal expression dates an event, else where its date comes from.

The events stage (``events.py``) groups mentions into events; this module chooses their day
and ACLED ``time_precision``, each choice recorded in ``Event.why["event_date"]``:

- **A mention's own date** is the day-level expression of its sentence that governs the
  trigger: a date opening the sentence ("On 9 May 2020, ...") governs all of it; otherwise
  the nearest one, a date behind a relative or subordinate clause marker ("who was arrested
  on 6 May") counting as far. A date in a past-perfect clause the trigger is not in ("who
  had sought a divorce last month") is background, never the mention's own.
- **Dates that are not the event's.** A page's posting stamp ("Posted: Friday, June 26,
  2015 4:46 AM EDT", "(Published Monday, Oct. 31)") dates nothing. In a violent event's
  sentence, a date governed by a verb of the legal or reporting process that follows the
  violence ("was arrested Wednesday in the shooting", "pleaded guilty Tuesday to murder",
  "police said Sunday") dates that step, not the shooting, unless the date owns a word of
  the violence ("said Monday's shooting felt too close"). "The previous day" is background
  to the date before it, never the reference date of the sentences after it.
- **The event's date** is the earliest own date of its mentions (the day it began),
  ``date_source`` "text". Without one (``date_source`` "discourse"): for a violent event,
  the first date the article ties to the violence elsewhere ("It happened on Aug. 3", "the
  Friday shooting", "accused of shooting him late Tuesday"), unless the reference date of
  the preceding text is itself such a date, and never after the date it replaces; else
  that reference date (not a stamp, a past-perfect background or, for a violent event, a
  process date); else a process date of its mentions, for a violent event else the first
  of the article ("She died at a hospital on Monday") (weakly dated: the linker may look
  back from it); else the publication date, time_precision 2 (``date_source`` "publication").
- **Vague dates made exact.** A violent event dated by a week or a month ("last week",
  "earlier this month"), not by a named day, takes the first day-precise date in that
  week (±4 days) or month that the article ties to the violence; for a month, else the
  first plain day of that month (not a later step, background or after publication: "the
  fatal February shooting ... on Feb. 20 when a gunman ..."). An event dated by
  "overnight" alone takes the day before when the article ties the violence to it ("It
  happened Saturday night around 10"): the night began then.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from conflictcoder import taxonomy
from conflictcoder.models import Analysis, Mention, Sentence, Span, Timex
from conflictcoder.sentences import sentence_at
from conflictcoder.timex_context import pluperfect, pluperfect_verb

VIOLENT_TYPES = frozenset({taxonomy.BATTLES, taxonomy.VAC, taxonomy.EXPLOSIONS, taxonomy.RIOTS})

_SUBORDINATE = re.compile(
    r"\b(who|whom|which|after|since|following|until|when|whose|earlier|previously)\b|[(;]",
    re.IGNORECASE,
)
# "the previous day", "a day earlier": background to a date already given, not the event's
BACKWARD = re.compile(
    r"\b(?:previous|preceding|prior)\s+(?:day|night|morning|afternoon|evening)\b"
    r"|\b(?:day|days|night|nights)\s+(?:before|earlier|prior)\b",
    re.IGNORECASE,
)
_OPENING_DATE = re.compile(
    r"\s*(on|in|at|late|early|by|around|about|approximately)?\s*$", re.IGNORECASE
)
# A page's own time stamp: the expressions right after these words date the page.
_STAMP = re.compile(
    r"(?:\b(?:posted|updated|published|last\s+updated|last\s+modified|modified|created)"
    r"(?:\s+(?:on|at))?\s*:?|\(@\w+\))\s*",  # "(@handle) April 17, 2015": a tweet's stamp
    re.IGNORECASE,
)
_UPDATE_AFTER = re.compile(r"\s*[-–—:|]?\s*(?:UPDATED?|Update[ds]?)\s*(?::|-|–|—)")
_STAMP_GAP = re.compile(r"[\s,:|/-]*(?:(?:at|on)\s+)?", re.IGNORECASE)
# Steps of the legal and reporting process that follow a violent event.
_PROCESS = re.compile(
    r"\b(?:arrest(?:ed|s)?|charg(?:ed|es|ing)|indicted|arraign(?:ed|ment)|booked|jailed"
    r"|(?:taken|turned\s+himself|turned\s+herself)\s+in(?:to\s+custody)?|(?:in|into)\s+custody"
    r"|pleaded|pled|plea\s+(?:agreements?|deals?|bargains?)|convicted|sentenced|acquitted|found\s+guilty|testified|extradited"
    r"|in\s+court|court\s+(?:appearance|hearing|date)|judge|(?:on|without|no)\s+(?:bail|bond)"
    r"|(?:bail|bond)\s+(?:was\s+|is\s+|has\s+been\s+)?set|set\s+(?:a\s+|his\s+|her\s+)?(?:bail|bond)"
    r"|(?:at|during|before)\s+(?:a|an|his|her|their|the)\s+(?:\w+\s+)?(?:hearing|trial)"
    r"|identified|released|named|(?:being|ordered|was|is)\s+held|died|dies|succumbed"
    r"|said|says|told|announced|reported|confirmed|stated|added|buried|remembered)\b",
    re.IGNORECASE,
)
# "Monday's hearing", "a Friday news conference": a date owned by a later step.
_PROCESS_NOUN = re.compile(
    r"(?:hearing|trial|arraignment|sentencing|court|funeral|vigil|memorial|arrest|plea"
    r"|announcement|news|press|address|speech|statement|briefing|conference)",
    re.IGNORECASE,
)
# Words of the violence itself: once one follows the process verb, the date is the event's.
_VIOLENCE = re.compile(
    r"\b(?:shot|shoot(?:s|ing|ings)?|gunfire|gunshots?|shots|fired|opened\s+fire|gunfight"
    r"|shootout|killed|killing|slaying|slain|stabbed|stabbing|beaten|wounded|injured|hurt"
    r"|attacked|assaulted|robbed|happened|occurred|took\s+place|broke\s+out|erupted"
    r"|exploded|explosion|blast|bomb(?:ed|ing)?|clash(?:ed|es)?|fighting|riot(?:ed|ing)?"
    r"|murdered|respond(?:ed|ing)?|were\s+called|was\s+called|gunned\s+down"
    r"|found\s+(?:[\w-]+\s+){0,5}?dead)\b",
    re.IGNORECASE,
)
_OWNED_BY = re.compile(r"(?:['’]s)?\s+(?:news\s+)?(\w+)")
_HOURS_AFTER = re.compile(
    r",?\s+(?:just\s+|only\s+|mere\s+|a\s+few\s+|several\s+|some\s+|about\s+|\w+\s+)?"
    r"(?:hours|minutes)\s+after\b",
    re.IGNORECASE,
)
_CLAUSE_EDGE = re.compile(r"[.;!?\n]|,\s|\s[-–—]\s")
_OVERNIGHT = re.compile(r"overnight", re.IGNORECASE)
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_WEEK_REACH = 4  # days from the middle of a week an approximate date may mean
_STEP_REACH = 7  # days before a later step that other steps of the same story may lie
_PROCESS_REACH = 60  # characters before a date where its governing verb is looked for
_VIOLENCE_REACH = (70, 50)  # a violence word this near a date ties it to the violence


def date_distance(text: str, sentence_start: int, trigger: int, timex: Timex) -> float:
    """How far a date is from governing the trigger (lower governs).

    A date opening the sentence ("On 9 May 2020, ...") governs all of it; a date behind a
    relative or subordinate clause marker ("who was arrested on 6 May", "since March")
    describes something else.
    """
    if opening(text, sentence_start, timex):
        return 0.0
    lo, hi = sorted((trigger, timex.start))
    penalty = 200.0 if _SUBORDINATE.search(text, lo, hi) else 0.0
    return abs(timex.start - trigger) + penalty


def opening(text: str, sentence_start: int, timex: Timex) -> bool:
    return _OPENING_DATE.fullmatch(text, sentence_start, timex.start) is not None


@dataclass(frozen=True, slots=True)
class Dates:
    """The article's dates as event dating sees them."""

    usable: tuple[Timex, ...]  # day-level, not page stamps
    violence: tuple[Timex, ...]  # of those, the ones tied to a violence word, text order
    process: frozenset[tuple[int, int]] = frozenset()  # spans of usable process dates
    background: frozenset[tuple[int, int]] = frozenset()  # spans of usable past-perfect dates
    first_step: Timex | None = None  # the article's first process date up to publication
    steps_by_day: tuple[Timex, ...] = ()  # its day-precise process dates, earliest first

    def steps_before(self, day: date) -> list[Timex]:
        """Day-precise later steps of the article up to a week before ``day``."""
        lo = bisect_left(self.steps_by_day, day - timedelta(days=_STEP_REACH), key=_day_key)
        hi = bisect_right(self.steps_by_day, day, key=_day_key)
        return list(self.steps_by_day[lo:hi])

    def is_process(self, timex: Timex) -> bool:
        return (timex.start, timex.end) in self.process

    def is_background(self, timex: Timex) -> bool:
        return (timex.start, timex.end) in self.background


def prepare(analysis: Analysis) -> Dates:
    """Sort the article's day-level expressions once for every event of the article, and
    classify each once (process step, past-perfect background, tied to the violence)."""
    text = analysis.article.text
    dated = sorted((t for t in analysis.timexes if t.day), key=lambda t: t.start)
    stamped = _stamps(text, sorted(analysis.timexes, key=lambda t: t.start))
    usable = tuple(t for t in dated if (t.start, t.end) not in stamped)
    process = frozenset((t.start, t.end) for t in usable if process_date(text, t))
    background = frozenset((t.start, t.end) for t in usable if _pluperfect(analysis, t))
    violence = tuple(
        t
        for t in usable
        if t.day is not None
        and t.day <= analysis.article.published
        and not BACKWARD.search(t.text)
        and (t.start, t.end) not in process
        and (t.start, t.end) not in background
        and _tied_to_violence(text, t, *_sentence_of(analysis, t))
    )
    published = analysis.article.published
    steps = [
        t
        for t in usable
        if (t.start, t.end) in process
        and (t.start, t.end) not in background
        and t.day is not None
        and t.day <= published
    ]
    first_step = steps[0] if steps else None
    by_day = tuple(sorted((t for t in steps if (t.precision or 1) == 1), key=_day_key))
    return Dates(usable, violence, process, background, first_step, by_day)


def _stamps(text: str, timexes: Sequence[Timex]) -> set[tuple[int, int]]:
    """Spans of the expressions that make up a posting stamp ("Updated: Friday, June 26,
    2015 4:46 AM EDT", "Sunday 4:45 p.m. UPDATE:"): those right after a stamp word or right
    before an update's heading, and those chained to them."""
    found: set[tuple[int, int]] = set()
    reach = -1
    for timex in timexes:
        if reach >= 0 and _STAMP_GAP.fullmatch(text, reach, timex.start):
            found.add((timex.start, timex.end))
            reach = timex.end
            continue
        reach = -1
        begin = max(0, timex.start - 24)
        if any(m.end() == timex.start for m in _STAMP.finditer(text, begin, timex.start)):
            found.add((timex.start, timex.end))
            reach = timex.end
    # "Sunday 4:45 p.m. UPDATE: ...": a live update's stamp, with the expressions before it
    for i, timex in enumerate(timexes):
        if _UPDATE_AFTER.match(text, timex.end):
            found.add((timex.start, timex.end))
            j = i
            while j > 0 and _STAMP_GAP.fullmatch(text, timexes[j - 1].end, timexes[j].start):
                j -= 1
                found.add((timexes[j].start, timexes[j].end))
    return found


def _clause_start(text: str, pos: int, lo: int) -> int:
    return max((m.end() for m in _CLAUSE_EDGE.finditer(text, lo, pos)), default=lo)


def process_date(text: str, timex: Timex) -> bool:
    """Whether the nearest verb governing ``timex`` is a step of the process after a violent
    event ("arrested Wednesday", "charged ... with murder Thursday", "said on Sunday"): one
    before it in its clause with no violence word in between, or "Monday's hearing", "his
    Wednesday address"."""
    if _HOURS_AFTER.match(text, timex.end):
        return False  # "released Saturday, hours after his son shot him": the violence's day too
    after = _OWNED_BY.match(text, timex.end, timex.end + 30)
    if after and _VIOLENCE.fullmatch(after.group(1)):
        return False  # "said Monday's shooting felt too close": the violence owns the date
    lo = max(0, timex.start - _PROCESS_REACH)
    begin = _clause_start(text, timex.start, lo)
    last_process = None
    for m in _PROCESS.finditer(text, begin, timex.start):
        last_process = m
    if last_process is not None:
        return _VIOLENCE.search(text, last_process.end(), timex.start) is None
    return bool(after and _PROCESS_NOUN.fullmatch(after.group(1)))


def _tied_to_violence(text: str, timex: Timex, lo: int, hi: int) -> bool:
    """Whether a violence word stands near ``timex`` in its sentence ``[lo, hi)`` ("the
    Friday shooting", "accused of shooting Milner, 22, late Tuesday", "It happened Saturday
    night")."""
    before, after = _VIOLENCE_REACH
    if opening(text, lo, timex):  # "On Oct. 10, three friends ... when he was shot"
        return _VIOLENCE.search(text, timex.end, hi) is not None
    return bool(
        _VIOLENCE.search(text, max(lo, timex.start - before), timex.start)
        or _VIOLENCE.search(text, timex.end, min(hi, timex.end + after))
    )


def _sentence_of(analysis: Analysis, timex: Timex) -> tuple[int, int]:
    at = bisect_right(analysis.sentences, timex.start, key=_start) - 1
    if at < 0:
        return 0, len(analysis.article.text)
    sentence = analysis.sentences[at]
    return sentence.start, sentence.end


def _start(item: Sentence | Timex) -> int:
    return item.start


def _pluperfect(analysis: Analysis, timex: Timex) -> bool:
    """A date in a past-perfect clause ("another ton had been found on 27 April"): background,
    not the reference date for the sentences after it."""
    lo, hi = _sentence_of(analysis, timex)
    return pluperfect(analysis.article.text, timex.start, timex.end, lo, hi)


@dataclass(frozen=True, slots=True)
class MentionDates:
    own: Timex | None  # the date of the mention's sentence that governs it
    inherited: Timex | None  # else the reference date of the preceding discourse
    process: Timex | None = None  # a process date set aside for a violent mention


def for_mention(analysis: Analysis, dates: Dates, mention: Mention) -> MentionDates:
    """The dates that may date ``mention`` (see the module docstring)."""
    text = analysis.article.text
    sentence = analysis.sentences[mention.sentence]
    trigger = mention.trigger.start
    # dates.usable is in text order: look only at the stretch of this sentence
    first = bisect_left(dates.usable, sentence.start, key=_start)
    last = bisect_right(dates.usable, sentence.end, key=_start)
    here = [t for t in dates.usable[first:last] if t.end <= sentence.end]
    if any(dates.is_background(t) for t in here):
        # "the woman who was shot had sought a divorce last month": not the shooting's date
        here = [t for t in here if not _background_to(text, sentence, mention.trigger, t, dates)]
    own = min(here, key=lambda t: date_distance(text, sentence.start, trigger, t), default=None)
    process = None
    violent = mention.event_type in VIOLENT_TYPES
    if own is not None and violent and not opening(text, sentence.start, own):
        if dates.is_process(own):
            others = [t for t in here if not dates.is_process(t)]
            process = own
            own = min(
                others, key=lambda t: date_distance(text, sentence.start, trigger, t), default=None
            )
    inherited = None
    if own is None:
        for timex in reversed(dates.usable[:first]):
            if timex.end > sentence.start:
                continue
            if dates.is_background(timex) or (violent and dates.is_process(timex)):
                continue
            if BACKWARD.search(timex.text):
                continue  # "... ambushed the previous day": background to the date before it
            inherited = timex
            break
    return MentionDates(own=own, inherited=inherited, process=process)


def _background_to(
    text: str, sentence: Sentence, trigger: Span, timex: Timex, dates: Dates
) -> bool:
    """Whether a past-perfect date of the sentence tells background to ``trigger``: the
    trigger is outside any past-perfect clause, or a past-perfect verb stands between them."""
    if not dates.is_background(timex):
        return False
    if not pluperfect(text, trigger.start, trigger.end, sentence.start, sentence.end):
        return True
    if timex.start > trigger.end:
        return pluperfect_verb(text, trigger.end, timex.start)
    return False


@dataclass(frozen=True, slots=True)
class Choice:
    day: date
    precision: int
    evidence: tuple[Span, ...]
    why: str
    source: str  # "text", "discourse" or "publication"
    named_day: bool = False  # the expression names a calendar day ("around 5 May")


def choose(
    analysis: Analysis,
    dates: Dates,
    members: Sequence[tuple[Mention, MentionDates]],
    event_type: str,
) -> Choice:
    """The event's date from its mentions' dates (see the module docstring)."""
    choice = _first_choice(analysis, dates, members, event_type)
    published = analysis.article.published
    vague = choice.precision > 1 and not choice.named_day and choice.source != "publication"
    if event_type in VIOLENT_TYPES and vague:
        # "killed earlier this month ... On Oct. 10, ...": the day the article gives later
        exact = next((t for t in dates.violence if _refines(t, choice)), None)
        if exact is None and choice.precision == 3:  # "the fatal February shooting ...
            exact = next(  # ... on Feb. 20 when a gunman ...": the month's first plain day
                (t for t in dates.usable if _refines(t, choice) and _plain(dates, t, published)),
                None,
            )
        if exact is not None and exact.day is not None:
            why = (
                f"{choice.why}; the day the article gives the violence: {exact.why or exact.value}"
            )
            spans = tuple(sorted({*choice.evidence, Span(exact.start, exact.end)}))
            return Choice(exact.day, 1, spans, why, choice.source)
    if event_type in VIOLENT_TYPES and _overnight(analysis.article.text, choice):
        # "one was killed overnight. It happened Saturday night around 10": the night began
        # the day before
        eve = choice.day - timedelta(days=1)
        exact = next((t for t in dates.violence if t.day == eve), None)
        if exact is not None:
            why = f"{choice.why}; the night began on the day the article gives the violence"
            spans = tuple(sorted({*choice.evidence, Span(exact.start, exact.end)}))
            return Choice(eve, 1, spans, why, choice.source)
    return choice


def _overnight(text: str, choice: Choice) -> bool:
    """Whether the choice rests on an "overnight" alone (a night that spans two days)."""
    spans = choice.evidence
    return bool(spans) and all(_OVERNIGHT.fullmatch(text, s.start, s.end) for s in spans)


def _plain(dates: Dates, timex: Timex, published: date) -> bool:
    """Whether a date may be the violence's: not a later step, not past-perfect background,
    not after publication."""
    if timex.day is None or timex.day > published or BACKWARD.search(timex.text):
        return False
    return not (dates.is_process(timex) or dates.is_background(timex))


def _day_key(timex: Timex) -> date:
    return timex.day or date.min


def _names_day(timex: Timex) -> bool:
    return _DAY_VALUE.match(timex.value or "") is not None


def _refines(timex: Timex, choice: Choice) -> bool:
    """Whether a day-precise ``timex`` falls in the week or month an approximate date means."""
    if timex.day is None or (timex.precision or 1) != 1:
        return False
    if choice.precision == 2:
        return abs((timex.day - choice.day).days) <= _WEEK_REACH
    return (timex.day.year, timex.day.month) == (choice.day.year, choice.day.month)


def _first_choice(
    analysis: Analysis,
    dates: Dates,
    members: Sequence[tuple[Mention, MentionDates]],
    event_type: str,
) -> Choice:
    violent = event_type in VIOLENT_TYPES
    # In a violent event, the day of a member that is no violence (the arrest "taken into
    # custody Tuesday" grouped with the shooting) is a process date too.
    steps = [d.own for m, d in members if violent and m.event_type not in VIOLENT_TYPES]
    step_set = set(steps)
    every = [d.own for m, d in members if d.own is not None and d.own not in step_set]
    inherited = [d.inherited for _, d in members if d.inherited is not None]
    process = [d.process for _, d in members if d.process is not None]
    process += [t for t in steps if t is not None]
    dated = [t for t in every if not BACKWARD.search(t.text)] or ([] if inherited else every)
    if dated:
        first = min(dated, key=lambda t: (t.day, t.precision or 9))
        sentences = {analysis.sentences[m.sentence] for m, _ in members}
        same_day = {
            Span(t.start, t.end)
            for t in dates.usable
            if t.day == first.day and sentence_at(analysis.sentences, t.start) in sentences
        }
        why = f"earliest date of the event's mentions: {first.why or first.value}"
        spans = tuple(sorted(same_day))
        return Choice(first.day, first.precision or 1, spans, why, "text", _names_day(first))
    published = analysis.article.published
    latest = (
        inherited[0].day if inherited else min((t.day for t in process if t.day), default=published)
    )
    told = None
    if violent and not (inherited and inherited[0] in dates.violence):
        told = next((t for t in dates.violence if t.day and t.day <= latest), None)
    if told is not None:
        why = f"the date the article gives the violence: {told.why or told.value}"
        return Choice(told.day, told.precision or 1, (Span(told.start, told.end),), why,
                      "discourse")  # fmt: skip
    if inherited:
        first = inherited[0]
        why = f"reference date of the preceding text: {first.why or first.value}"
        return Choice(first.day, first.precision or 1, (Span(first.start, first.end),), why,
                      "discourse", _names_day(first))  # fmt: skip
    if violent and not process:
        # "died at a hospital on Monday", "arrested Tuesday" elsewhere in the article: the
        # first later step it tells bounds the violence, nearer than the publication date
        process = [dates.first_step] if dates.first_step is not None else []
    step_days = [t.day for t in process if t.day is not None]
    if violent and step_days:
        # every step follows the violence: the article's earliest step of that week bounds it
        # best ("taken into custody Friday" ... "police said Sunday")
        process += dates.steps_before(min(step_days))
    if process:
        first = min(process, key=lambda t: (t.day, t.precision or 9))
        why = f"date of a later step (arrest, charge, report): {first.why or first.value}"
        # weakly dated ("discourse"): the linker may look back from it for the event
        spans = (Span(first.start, first.end),)
        return Choice(first.day, first.precision or 1, spans, why, "discourse")
    why = "no temporal expression governs the event: publication date"
    return Choice(published, 2, (), why, "publication")
