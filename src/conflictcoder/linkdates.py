"""What two reports' dates allow: the interval each date covers, the gap between them, and
whether one report may be the follow-up of the other (``linking`` decides with these).

A date covers an interval given its time_precision (1: the day, 2: ±3 days, 3: ±15 days). A
date that is only the publication date (``date_unknown``: no temporal expression governed
the event) is the interval [publication − ``link_unknown_date_days``, publication]. A report
dated only by its publication or by the preceding text (``weakly_dated``: the arrest, the
charges, the funeral) may tell of an event up to ``link_followup_days`` before that date
(``followup_day``).
"""

from __future__ import annotations

from conflictcoder.models import Event
from conflictcoder.settings import Settings

_HALF_WIDTH = {1: 0, 2: 3, 3: 15}  # days around event_date, by time_precision


def date_unknown(event: Event) -> bool:
    """True when the event's date is only its article's publication date."""
    return event.date_source == "publication"


def weakly_dated(event: Event) -> bool:
    """True when the event's date comes from the publication or the preceding text."""
    return event.date_source in ("publication", "discourse")


def followup_day(a: Event, b: Event, settings: Settings) -> Event | None:
    """The follow-up of the pair when one weakly dated event falls up to
    ``link_followup_days`` after the other's date interval (not before its start); None
    otherwise. With both weakly dated, the later one."""
    found = []
    for late, early in ((a, b), (b, a)):
        if not weakly_dated(late):
            continue
        first, last = day_interval(early, settings)
        day = late.event_date.toordinal()
        if first <= day <= last + settings.link_followup_days:
            found.append(late)
    if not found:
        return None
    return max(found, key=lambda e: (e.event_date, e.doc_id))


def day_interval(event: Event, settings: Settings) -> tuple[int, int]:
    """First and last day (ordinals) the event may fall on, given its time_precision; an
    unknown date (the publication date) may be up to ``link_unknown_date_days`` earlier."""
    day = event.event_date.toordinal()
    if date_unknown(event):
        return day - settings.link_unknown_date_days, day
    half = _HALF_WIDTH.get(event.time_precision, 15)
    return day - half, day + half


def day_gap(a: Event, b: Event, settings: Settings) -> int:
    """Days between the two date intervals; 0 when they overlap."""
    a0, a1 = day_interval(a, settings)
    b0, b1 = day_interval(b, settings)
    return max(0, b0 - a1, a0 - b1)


def dates_agree(a: Event, b: Event, settings: Settings) -> bool:
    """The dates allow one event: both told by the text (a publication date is no date: two
    undated reports naming the same product, team or people tell of two events as often as
    of one, as ECB+ shows), both at most a week wide (time_precision 1 or 2) and intervals
    at most ``link_same_day_gap`` apart."""
    if date_unknown(a) or date_unknown(b):
        return False
    if max(a.time_precision, b.time_precision) > 2:
        return False
    return day_gap(a, b, settings) <= settings.link_same_day_gap
