"""Clock times and parts of day ("10 p.m.", "noon Wednesday", "the afternoon"): resolved
after the dates, on the nearest day-level date of their sentence, else on the story's date
before them (see ``timex.py``)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from conflictcoder.models import Timex
from conflictcoder.timex_context import SENTENCE_START, Context, make
from conflictcoder.timex_normalise import PART_OF_DAY, WEEKDAYS
from conflictcoder.timex_resolve import nearest_weekday

_AFTER_MIDNIGHT = re.compile(r"\bafter\s+$", re.IGNORECASE)
_EVENING = re.compile(r"[^.;\n]{0,25}?\b(?:night|evening|p\.?\s?m\b)", re.IGNORECASE)


def sentence_ends(text: str) -> list[int]:
    """Where ``SENTENCE_START`` matches end in ``text``: computed once, for ``resolve_clock``."""
    return [x.end() for x in SENTENCE_START.finditer(text)]


def _sentence_begin(text: str, at: int, ends: list[int]) -> int:
    """The end of the last ``SENTENCE_START`` match before ``at`` (0 when none). Matching
    restarts after the last of ``ends`` two characters before ``at`` or more (matches are at
    most two characters long, so nothing before it can change)."""
    k = bisect_right(ends, at - 2)
    lo = ends[k - 1] if k else 0
    return max((x.end() for x in SENTENCE_START.finditer(text, lo, at)), default=lo)


def resolve_clock(
    rule: str,
    m: re.Match[str],
    ctx: Context,
    days: list[tuple[int, date]],
    ends: list[int],
    reports: frozenset[int] = frozenset(),
) -> Timex | None:
    """A clock time or part of day, on the nearest day-level date of its sentence.

    ``days`` are (offset, day) of the day-level dates, in text order; ``ends`` is
    ``sentence_ends(ctx.text)``, computed once per text so long texts stay linear. From an
    earlier sentence, a date of a report (``reports``: offsets of "police said Monday") is
    passed over for the story's own date before it."""
    g = m.groupdict()
    text = ctx.text
    begin = _sentence_begin(text, m.start(), ends)
    stop = next((x.start() for x in SENTENCE_START.finditer(text, m.end())), len(text))
    first = bisect_left(days, begin, key=_offset)
    last = bisect_left(days, stop, key=_offset)
    same = [(abs(pos - m.start()), pos, day) for pos, day in days[first:last]]
    anchor = None  # where the day comes from
    if same:
        _, anchor, day = min(same, key=lambda x: x[0])
        why = "the date of its sentence"
    elif first:
        # the story's time, not the day a report was made ("police said Monday ...")
        back = next(
            (i for i in range(first - 1, max(-1, first - 9), -1) if days[i][0] not in reports),
            first - 1,
        )
        anchor, day = days[back]
        why = "the preceding date"
    else:
        day, why = None, "no date in context"
    if g.get("wd"):
        word = g["wd"].lower()
        if word in WEEKDAYS:
            day, why = nearest_weekday(ctx, WEEKDAYS[word], None, m)
        else:
            day = ctx.dct + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[word])
            why = word
    relday = re.sub(r"\s+", " ", (g.get("rw") or g.get("rw2") or "").lower())
    if relday:
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(relday, 0)
        day, why = ctx.dct + timedelta(days=offset), f"{relday}, from the publication date"
    if rule in ("clock", "clock24", "clockpod"):
        hour = int(g["h"])
        minute = int(g["mi"]) if g.get("mi") else 0
        ampm = (g.get("ampm") or "").lower().replace(" ", "")
        later = (g.get("rpod") or "").lower() in ("afternoon", "evening") or relday == "tonight"
        if (ampm.startswith("p") or (not ampm and later)) and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        suffix = f"T{hour:02d}:{minute:02d}"
    elif rule == "noon":
        suffix = "T12:00" if g["word"].lower() in ("noon", "midday") else "T24:00"
        if suffix == "T24:00" and anchor is not None and day and not (g.get("wd") or relday):
            if _AFTER_MIDNIGHT.search(text, max(0, m.start() - 20), m.start()) and _EVENING.match(
                text, anchor
            ):
                # "Friday night ... just after midnight": the first hour of the next day
                day, suffix = day + timedelta(days=1), "T00:00"
                why += ", after midnight"
    elif rule == "overnight":
        suffix = "TNI"
        if not same:
            day, why = ctx.dct, "overnight, publication date"
    else:
        suffix = "T" + PART_OF_DAY.get((g.get("pod") or g.get("word") or "").lower(), "MO")
        if (g.get("word") or "").lower() in ("dusk", "nightfall"):
            suffix = "TEV"
    if day is None:
        if rule in ("clock", "clock24", "clockpod", "noon"):
            day, why = ctx.dct, "the publication date (no date in context)"
        else:
            return make(m, ctx, "TIME", f"XXXX-XX-XX{suffix}", why)
    return make(m, ctx, "TIME", f"{day.isoformat()}{suffix}", why)


def _offset(item: tuple[int, date]) -> int:
    return item[0]


__all__ = ["resolve_clock", "sentence_ends"]
