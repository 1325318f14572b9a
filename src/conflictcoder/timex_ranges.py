"""Date ranges: "between March 7 and 13", "from the 30th of May to 5th of June", "6-7 May".

TimeML tags the two ends of a range as two DATE timexes; both keep their own TimeML value.
For event dating a range counts as one period (ACLED coding rules §1.3): a range of one or
two days is dated to its first day (time_precision 1), a range of up to a week to its middle
day (precision 2), a longer one to its middle day with precision 3. Both ends of the range
carry that ``day``/``precision`` and a ``why`` naming the range, so whichever the events
stage picks gives the same date. An end given as a bare day number ("and 13", "the 20th
and") takes the month and year of the other end and becomes a timex of its own.

Dates in parentheses right after a dated expression elaborate it ("Around 8 May 2020 (from 7
- 8 May)"): for event dating they take the day and precision of the expression they follow.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from conflictcoder.models import Timex
from conflictcoder.timex_normalise import safe_date

__all__ = ["apply_ranges", "range_day"]

_LINK = r"\s*(?:and|to|until|till|through|thru|-|–|—)\s*"
_JOIN = re.compile(rf"{_LINK}$", re.IGNORECASE)
_OPENER = re.compile(r"(?:\bbetween|\bfrom)\s+$|\(\s*$", re.IGNORECASE)
_BARE_AFTER = re.compile(
    rf"{_LINK}(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b"
    r"(?![-/:.,]?\d|\s*%|\s+(?:[a-z]+s|percent|per|km|of|[ap]\.?m)\b)",
    re.IGNORECASE,
)
_BARE_BEFORE = re.compile(
    rf"(?P<full>(?:\bthe\s+)?\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?){_LINK}$", re.IGNORECASE
)
_LISTED = re.compile(r"\s*(?:[.;,)]|$)")  # "on April 24 and 25." ends its clause
_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MAX_SPAN = 62  # days: longer "ranges" are two unrelated dates
_PAREN_OPEN = re.compile(r"\s*\(")
_EXPLICIT = ("full date", "month and day", "ISO date", "numeric date")  # ``why`` of such dates


def range_day(first: date, last: date) -> tuple[date, int]:
    """The ACLED (day, time_precision) of the inclusive range ``first``..``last``."""
    length = (last - first).days + 1
    if length <= 2:
        return first, 1
    if first.day == 1 and (last + timedelta(days=1)).day == 1 and first.month == last.month:
        return first.replace(day=15), 3  # a whole month, dated like the month itself
    middle = first + timedelta(days=(length - 1) // 2)
    return middle, 2 if length <= 7 else 3


def _value_day(timex: Timex) -> date | None:
    match = _DAY_VALUE.match(timex.value or "") if timex.type == "DATE" else None
    if match is None:
        return None
    return safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))


def _bare(text: str, start: int, end: int, day: date, why: str) -> Timex:
    return Timex(
        start=start, end=end, text=text[start:end], type="DATE", value=day.isoformat(), why=why
    )


def _dated(timex: Timex, first: date, last: date, dct: date) -> Timex:
    day, precision = range_day(first, last)
    why = f"range {first.isoformat()}..{last.isoformat()}: " + (
        "first day" if precision == 1 else "middle day"
    )
    if day > dct:
        return replace(timex, day=None, precision=None, why=why + ", after the publication date")
    return replace(timex, day=day, precision=precision, why=why)


def _plausible(first: date, last: date) -> bool:
    return 0 < (last - first).days <= _MAX_SPAN


def apply_ranges(text: str, dct: date, timexes: tuple[Timex, ...]) -> tuple[Timex, ...]:
    """``timexes`` (text order) with ranges dated as one period and bare-day ends added."""
    out = list(timexes)
    i = 0
    while i < len(out):
        t = out[i]
        first = _value_day(t)
        if first is None:
            i += 1
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        last = _value_day(nxt) if nxt is not None else None
        # Two dates joined by "and"/"to"/a dash after "between"/"from".
        if nxt is not None and last is not None and _JOIN.match(text, t.end, nxt.start):
            opened = _OPENER.search(text, max(0, t.start - 10), t.start)
            if (opened or "-" in text[t.end : nxt.start]) and _plausible(first, last):
                out[i], out[i + 1] = _dated(t, first, last, dct), _dated(nxt, first, last, dct)
                i += 2
                continue
        # "March 7 and 13": a bare day after a full date.
        after = _BARE_AFTER.match(text, t.end)
        if after and (nxt is None or after.end() <= nxt.start):
            end_day = safe_date(first.year, first.month, int(after.group("d")))
            opened = _OPENER.search(text, max(0, t.start - 10), t.start)
            listed = _LISTED.match(text, after.end()) and "and" in after.group(0).lower()
            if (
                end_day
                and (opened or listed or "-" in after.group(0))
                and _plausible(first, end_day)
            ):
                why = f"end of a range starting {first.isoformat()}"
                bare = _bare(text, after.start("d"), after.end(), end_day, why)
                out[i] = _dated(t, first, end_day, dct)
                out.insert(i + 1, _dated(bare, first, end_day, dct))
                i += 2
                continue
        # "the 20th and 26th of June", "6-7 May", "30 and 31 May": a bare day before a date.
        before = _BARE_BEFORE.search(text, max(0, t.start - 24), t.start)
        previous_end = out[i - 1].end if i > 0 else 0
        if before and before.start() >= previous_end:
            start_day = safe_date(first.year, first.month, int(before.group("d")))
            opened = _OPENER.search(text, max(0, before.start() - 10), before.start())
            link = text[before.end("full") : t.start]
            if start_day and (opened or "-" in link) and _plausible(start_day, first):
                why = f"start of a range ending {first.isoformat()}"
                bare = _bare(text, before.start("full"), before.end("full"), start_day, why)
                out[i] = _dated(t, start_day, first, dct)
                out.insert(i, _dated(bare, start_day, first, dct))
                i += 2
                continue
        i += 1
    return _parenthesised(text, tuple(out))


def _parenthesised(text: str, timexes: tuple[Timex, ...]) -> tuple[Timex, ...]:
    """Dates inside "(...)" right after a dated expression take that expression's day."""
    out = list(timexes)
    for i, outer in enumerate(timexes):
        opened = _PAREN_OPEN.match(text, outer.end)
        if outer.day is None or opened is None or not outer.why.startswith(_EXPLICIT):
            continue  # "met today (5/2/21)": the explicit date in parentheses wins
        close = text.find(")", opened.end(), opened.end() + 80)
        if close < 0:
            continue
        for j in range(i + 1, len(out)):
            inner = out[j]
            if inner.start >= close:
                break
            if inner.day is not None:
                why = f"{inner.why}; in parentheses after {outer.text!r}: its date"
                out[j] = replace(inner, day=outer.day, precision=outer.precision, why=why)
    return tuple(out)
