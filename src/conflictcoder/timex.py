"""Temporal tagger: TIMEX3 expressions of English news, normalised against the DCT.

``tag(text, dct)`` finds temporal expressions with a set of regular-expression rules
(compiled once, TimeML extents: prepositions left out, modifiers such as "early", "about",
"the past" kept), keeps the longest non-overlapping matches, and normalises them in text
order. Relative expressions resolve against the document creation time (``dct``);
anaphoric ones ("the same day", "two days later", "the next morning") against the most
recent day-level expression before them; clock times and parts of day against the nearest
day-level expression of their sentence. Weekdays follow HeidelTime's news rule: the nearest
occurrence on or before the DCT, unless the clause is in the future tense. In business
news "a year ago" and "the year-ago period" follow the fiscal quarter just named
(``Discourse.quarter``). Date ranges ("between March 7 and 13") keep two TimeML timexes
that share the range's event day (``timex_ranges``).

Each ``Timex`` carries ``day``/``precision`` for event dating (see
``timex_normalise.event_day``): never a day after the DCT.

Modules: ``timex_rules`` (patterns), ``timex_context`` (tense, discourse state, Timex
factory), ``timex_resolve`` (absolute dates, weekdays), ``timex_clock`` (clock times, parts
of day), ``timex_relative`` (anaphora, durations, sets, quarters), ``timex_ranges``,
``timex_normalise`` (calendar), ``timex_page`` (a page's own stamp).
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass, replace
from datetime import date

from conflictcoder.models import Timex
from conflictcoder.timex_clock import resolve_clock, sentence_ends
from conflictcoder.timex_context import Context, Discourse, reported
from conflictcoder.timex_page import stamp_date
from conflictcoder.timex_ranges import apply_ranges
from conflictcoder.timex_relative import range_low
from conflictcoder.timex_resolve import resolve
from conflictcoder.timex_rules import GUARDS, RULES, TOKEN, TRIGGERS, accept, token_key

__all__ = ["tag"]

# Rules whose value depends on a day found elsewhere in the sentence; resolved last.
_CLOCK_RULES = frozenset(
    {"clock", "clock24", "clockpod", "noon", "pod_alone", "midpod", "dawn", "overnight"}
)


_RULES_BY_KEY: dict[str, tuple[str, ...]] = {}
for _rule, _keys in TRIGGERS.items():
    for _key in _keys:
        _RULES_BY_KEY[_key] = (*_RULES_BY_KEY.get(_key, ()), _rule)


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    rule: str
    match: re.Match[str]


_BEFORE, _AFTER = 70, 50  # window around a trigger token where its rule may match


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Per rule, the merged text windows around its trigger tokens."""
    hits: dict[str, list[tuple[int, int]]] = {}
    for token in TOKEN.finditer(text):
        key = token_key(token.group())
        for rule in _RULES_BY_KEY.get(key, ()):
            guard = GUARDS.get(rule)
            if guard and not guard.search(text, max(0, token.start() - 24), token.start()):
                continue
            hits.setdefault(rule, []).append((token.start(), token.end()))
    size = len(text)
    windows: dict[str, list[tuple[int, int]]] = {}
    for rule, spans in hits.items():
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            lo, hi = max(0, start - _BEFORE), min(size, end + _AFTER)
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], hi)
            else:
                merged.append((lo, hi))
        windows[rule] = merged
    return windows


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    windows = _windows(text)
    whole = [(0, len(text))]
    for name, pattern in RULES:
        regions = windows.get(name, ()) if name in TRIGGERS else whole
        seen: set[int] = set()
        for lo, hi in regions:
            for match in pattern.finditer(text, lo, hi):
                if match.start() in seen:
                    continue
                seen.add(match.start())
                if hi < len(text):  # a window may cut a match short: match again in full
                    match = pattern.match(text, match.start()) or match
                if match.end() > match.start() and accept(name, match, text):
                    found.append(_Candidate(match.start(), match.end(), name, match))
    return found


def _longest_first(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest non-overlapping candidates (ties: the earlier rule), in text order."""
    chosen: list[_Candidate] = []  # non-overlapping, so in order of start and of end alike
    starts: list[int] = []
    order = sorted(enumerate(candidates), key=lambda ic: (-(ic[1].end - ic[1].start), ic[0]))
    for _, cand in order:
        at = bisect_right(starts, cand.start)  # only the neighbours can overlap
        if at > 0 and chosen[at - 1].end > cand.start:
            continue
        if at < len(chosen) and chosen[at].start < cand.end:
            continue
        starts.insert(at, cand.start)
        chosen.insert(at, cand)
    return chosen


def tag(text: str, dct: date) -> tuple[Timex, ...]:
    """Temporal expressions of ``text`` in text order, normalised against ``dct``, or
    against the page's own earlier stamp at its top (``timex_page``)."""
    dct = stamp_date(text, dct) or dct
    chosen = _longest_first(_candidates(text))
    ctx = Context(text=text, dct=dct)
    results: list[Timex | None] = []  # one per chosen candidate
    extra: list[Timex] = []  # lower ends of duration ranges
    state = Discourse()
    for cand in chosen:
        if cand.rule in _CLOCK_RULES:
            results.append(None)
            continue
        resolved = resolve(cand.rule, cand.match, ctx, state)
        if resolved is None:
            results.append(None)
            continue
        timex, new_anchor = resolved
        if cand.rule == "anaphor" and timex.precision == 1 and (state.anchor_precision or 1) > 1:
            why = f"{timex.why}; approximate like its antecedent"  # "around 3 May ... that day"
            timex = replace(timex, precision=state.anchor_precision, why=why)
        state = _advance(state, cand, timex, new_anchor)
        low = range_low(cand.match, ctx) if cand.rule == "durrange" else None
        if low is not None:
            extra.append(low)
        results.append(timex)
    # Second pass: clock times and parts of day take the day of their sentence (or of a
    # clock time before them). ``days``: (offset, day) in text order, as they become known.
    days: list[tuple[int, date]] = []
    for t in results:
        day = _day_of(t) if t is not None else None
        if t is not None and day:
            days.append((t.start, day))
    clocks = any(c.rule in _CLOCK_RULES for c in chosen)
    ends = sentence_ends(text) if clocks else []
    reports = frozenset(s for s, _ in days if clocks and reported(text, s))
    for i, cand in enumerate(chosen):
        if cand.rule not in _CLOCK_RULES:
            continue
        clock = results[i] = resolve_clock(cand.rule, cand.match, ctx, days, ends, reports)
        day = _day_of(clock) if clock is not None else None
        if clock is not None and day:
            insort(days, (clock.start, day), key=lambda item: item[0])
    found = sorted([t for t in results if t is not None] + extra, key=lambda t: t.start)
    return apply_ranges(text, dct, tuple(found))


_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_QUARTER_RULES = frozenset({"quarter", "latestq", "theyear", "unitrel", "yearsq"})
_QUARTER_REACH = 1500  # characters over which a named quarter stays the topic


def _advance(state: Discourse, cand: _Candidate, timex: Timex, anchor: date | None) -> Discourse:
    """The discourse state after ``timex``."""
    quarter = state.quarter
    if quarter is not None and timex.start - quarter[2] > _QUARTER_REACH:
        quarter = None
    named = _QUARTER.match(timex.value or "")
    groups = cand.match.groupdict()
    shifted = (groups.get("pre") or "").lower() in ("year-earlier", "year-ago") or (
        groups.get("ry") or "this"
    ).lower() != "this"
    if named and cand.rule in _QUARTER_RULES and not shifted:
        quarter = (int(named.group(1)), int(named.group(2)), timex.end)
    return Discourse(
        anchor=anchor if anchor is not None else state.anchor,
        coarse=_coarse(timex.value) or state.coarse,
        quarter=quarter,
        anchor_precision=timex.precision if anchor is not None else state.anchor_precision,
    )


def _day_of(timex: Timex) -> date | None:
    """The calendar day a DATE/TIME value names (even after the DCT), or None."""
    value = timex.value
    if value is None or len(value) < 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return date(int(value[0:4]), int(value[5:7]), int(value[8:10]))
    except ValueError:
        return None


_COARSE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})|-Q\d|-[A-Z]{2})?(?:T.*)?$")


def _coarse(value: str | None) -> tuple[date, str] | None:
    """A date-valued expression as (date, granularity) for anaphora such as "that year"."""
    if value is None:
        return None
    m = _COARSE.match(value)
    if m is None:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            return date(year, int(m.group(2)), int(m.group(3))), "day"
        if m.group(2):
            return date(year, int(m.group(2)), 15), "month"
        if m.group(4):
            return date.fromisocalendar(year, int(m.group(4)), 4), "week"
        return date(year, 7, 1), "year"
    except ValueError:
        return None
