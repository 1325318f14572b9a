"""Normalisation of recognised temporal expressions into TimeML values (see ``timex.py``)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from conflictcoder.models import Timex
from conflictcoder.timex_context import (
    Context,
    Discourse,
    half_of,
    make,
    mod_of,
)
from conflictcoder.timex_normalise import (
    MONTHS,
    PART_OF_DAY,
    SEASONS,
    WEEKDAYS,
    duration_value,
    holiday,
    number_value,
    ordinal_value,
    safe_date,
    shift,
    spoken_year,
    two_digit_year,
    unit_of,
    value_at_granularity,
    week_value,
    weekday_on_or_after,
    weekday_on_or_before,
)
from conflictcoder.timex_relative import (
    resolve_ago,
    resolve_anaphor,
    resolve_duration,
    resolve_quarter,
    resolve_set,
    resolve_theyear,
)

# A month (and day) named without a year: up to two months ahead it is a coming date (news
# announces deadlines and schedules); up to four months ahead after a deadline preposition
# ("by February", "effective Feb. 1"); further ahead only in a future-tense clause.
_NEAR_DAYS = 62
_AHEAD_DAYS = 122
_HOLIDAY_AHEAD = 21
_DEADLINE = re.compile(
    r"\b(?:by|until|till|through|effective|starting|beginning|due|payable|before)\s+$", re.I
)


def _year_for(month: int, day: int | None, ctx: Context, match: re.Match[str]) -> int:
    """Year of a month (and day) named without a year.

    The DCT's year when that is not after the DCT; ahead of the DCT only in a future-tense
    clause or within four months (a coming date); otherwise the year before.
    """
    dct = ctx.dct
    before = (
        dct.year
        if ((month, day) <= (dct.month, dct.day) if day else month <= dct.month)
        else (dct.year - 1)
    )
    after = before + 1
    target = safe_date(after, month, day or 1) or date(after, month, 1)
    days_ahead = (target - dct).days
    if days_ahead <= _NEAR_DAYS:
        return after
    if days_ahead <= _AHEAD_DAYS and _DEADLINE.search(
        ctx.text, max(0, match.start() - 12), match.start()
    ):
        return after
    if days_ahead <= 330 and ctx.future(match.start(), match.end()):
        return after
    return before


def nearest_weekday(
    ctx: Context, wd: int, rel: str | None, match: re.Match[str]
) -> tuple[date, str]:
    dct = ctx.dct
    rel = (rel or "").lower()
    if rel in ("last", "past", "previous"):
        return weekday_on_or_before(
            dct - timedelta(days=1), wd
        ), "last weekday, strictly before DCT"
    if rel in ("next", "coming"):
        return weekday_on_or_after(dct + timedelta(days=1), wd), "next weekday, after DCT"
    if ctx.future(match.start(), match.end()):
        return weekday_on_or_after(dct, wd), "weekday in future-tense clause, next on/after DCT"
    before, after = weekday_on_or_before(dct, wd), weekday_on_or_after(dct, wd)
    if _DEADLINE.search(ctx.text, max(0, match.start() - 12), match.start()):
        if after - dct < dct - before:  # "until 9 a.m. Tuesday", "by Friday": the nearest
            return after, "weekday after a deadline word, the nearest to DCT"
    return before, "weekday, nearest past to DCT"


def relative_unit(unit: str, rel: str, ref: date) -> date | None:
    step = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "latest": -1, "this past": -1,
            "next": 1, "coming": 1, "following": 1}.get(rel, 0)  # fmt: skip
    return shift(ref, step, unit)


_READING_WINDOW_DAYS = 31


def _closest_past_reading(first: date | None, second: date | None, dct: date) -> date | None:
    """Of the month/day and day/month readings of "01/05/2012", the one a news report means:
    the one nearest before its publication date within a month (else unclear: None)."""
    near = [
        d for d in (first, second) if d is not None and 0 <= (dct - d).days <= _READING_WINDOW_DAYS
    ]
    return max(near, default=None)


def resolve(
    rule: str,
    m: re.Match[str],
    ctx: Context,
    state: Discourse,
) -> tuple[Timex, date | None] | None:
    """Normalise one match; also return the day it sets as anchor for later anaphora."""
    dct = ctx.dct
    anchor, coarse = state.anchor, state.coarse
    g = m.groupdict()
    if rule == "iso":
        day = safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        if day is None:
            return None
        return make(m, ctx, "DATE", day.isoformat(), "ISO date"), day
    if rule == "slash":
        ys, bs = g["y"] or g["y2"], g["b"] or g["b2"]
        a, b, y = int(g["a"]), int(bs), int(ys)
        year = y if len(ys) == 4 else two_digit_year(y, dct)
        if a > 12 >= b:
            day = safe_date(year, b, a)
        elif b > 12 >= a or a == b:
            day = safe_date(year, a, b)
        else:
            day = _closest_past_reading(safe_date(year, a, b), safe_date(year, b, a), dct)
            if day is None:
                return make(
                    m, ctx, "DATE", f"{year:04d}", "numeric date, day/month order unclear"
                ), None
            return make(
                m, ctx, "DATE", day.isoformat(), "numeric date, the reading just before the DCT"
            ), day
        if day is None:
            return None
        return make(m, ctx, "DATE", day.isoformat(), "numeric date"), day
    if rule in ("mdy", "dmy"):
        month = MONTHS[g["mon"].lower()]
        d = int(g["d"]) if g["d"] else ordinal_value(g["dw"]) or 0
        given = _given_year(g)
        if given is not None:
            year = given
            why = "full date"
        else:
            year = _year_for(month, d, ctx, m)
            why = "month and day, year from DCT"
        day = safe_date(year, month, d)
        if day is None:
            return None
        timex = make(m, ctx, "DATE", day.isoformat(), why)
        if timex.day is not None and (g["approx"] or _approximate(ctx.text, m)):
            # "around 6 May", "as reported on 6 May", "6 May (or around)": ACLED codes the week
            timex = replace(timex, precision=2, why=why + ", approximate")
        return timex, day
    if rule == "monyear":
        month = MONTHS[g["mon"].lower()]
        rel = (g["rel"] or "").lower()
        rel2 = (g["rel2"] or "").lower()
        given = _given_year(g)
        if given is not None:
            year = given
        elif rel2:
            year = dct.year + {"last": -1, "this": 0, "next": 1}[rel2]
        elif rel in ("last", "past"):
            # the month just before the DCT's is "last month": "last February" in March is a
            # year back
            year = dct.year if month < dct.month - 1 else dct.year - 1
        elif rel in ("next", "coming"):
            year = dct.year if month > dct.month else dct.year + 1
        elif rel == "this":
            year = dct.year
        else:
            year = _year_for(month, None, ctx, m)
        mod = mod_of(g["mod"])
        return make(m, ctx, "DATE", f"{year:04d}-{month:02d}", "month", mod), None
    if rule == "year":
        half = half_of(g["mod"])
        if half:  # "the second half of 2012": TimeML 2012-H2
            return make(m, ctx, "DATE", f"{g['y']}-{half}", "half year"), None
        return make(m, ctx, "DATE", g["y"], "year", mod_of(g["mod"])), None
    if rule == "decade":
        return make(m, ctx, "DATE", g["y"], "decade"), None
    if rule == "decade2":
        century = dct.year // 100
        value = f"{century - 1 if int(g['yy']) > dct.year % 100 // 10 else century:02d}{g['yy']}"
        return make(m, ctx, "DATE", value, "decade"), None
    if rule == "century":
        n = number_value(re.sub(r"(st|nd|rd|th)$", "", g["n"].lower()))
        n = n or {"twenty-first": 21, "twentieth": 20, "nineteenth": 19}.get(
            g["n"].lower().replace(" ", "-")
        )
        return make(m, ctx, "DATE", f"{(n or 1) - 1:02d}", "century"), None
    if rule == "weekday":
        return _resolve_weekday(m, ctx, anchor)
    if rule == "relday":
        return _resolve_relday(m, ctx)
    if rule == "overnight":
        return make(m, ctx, "TIME", f"{dct.isoformat()}TNI", "overnight, publication date"), dct
    if rule == "yearend":
        return make(m, ctx, "DATE", f"{dct.year:04d}", "the end of the DCT's year", "END"), None
    if rule == "present":
        return make(m, ctx, "DATE", "PRESENT_REF", "present reference"), None
    if rule == "past":
        return make(m, ctx, "DATE", "PAST_REF", "past reference"), None
    if rule == "future":
        return make(m, ctx, "DATE", "FUTURE_REF", "future reference"), None
    if rule == "unitrel":
        return _resolve_unitrel(m, ctx, state)
    if rule == "theyear":
        return resolve_theyear(m, ctx, state), None
    if rule == "spokenyear":
        year = spoken_year(g["yw"])
        if year is None:
            return None
        return make(m, ctx, "DATE", f"{year:04d}", "year in words"), None
    if rule == "decade3":
        tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                "nineties"].index(g["w"].lower()) + 2  # fmt: skip
        if g["c"]:
            century = 18 if g["c"].lower() == "eighteen" else 19
        else:
            century = dct.year // 100 - (1 if tens * 10 > dct.year % 100 else 0)
        return make(m, ctx, "DATE", f"{century:02d}{tens}", "decade in words"), None
    if rule == "ago":
        return resolve_ago(m, ctx, state)
    if rule in ("duration", "durrange"):
        return resolve_duration(m, ctx)
    if rule == "vague":
        unit = unit_of(g["unit"])
        rel = (g["rel"] or "").lower()
        value = duration_value(1 if g["one"] else None, unit)
        if rel == "past" and not g["the"]:
            return make(m, ctx, "DATE", "PAST_REF", "past period"), None
        if rel == "recent" and unit in ("year", "decade"):  # "in recent years": when, not how long
            return make(m, ctx, "DATE", "PAST_REF", "recent years"), None
        return make(m, ctx, "DURATION", value, "vague duration"), None
    if rule == "set":
        return resolve_set(m, ctx), None
    if rule == "anaphor":
        return resolve_anaphor(m, ctx, anchor, coarse)
    if rule in ("quarter", "latestq", "yearsq", "yearago"):
        return resolve_quarter(m, ctx, state), None
    if rule == "season":
        season = SEASONS[g["s"].lower()]
        rel = (g["rel"] or "").lower()
        given = _given_year(g)
        if given is not None:
            year = given
        elif rel == "last" or rel == "past":
            year = dct.year - 1
        elif rel == "next":
            year = dct.year + 1
        else:
            year = dct.year
        return make(m, ctx, "DATE", f"{year:04d}-{season}", "season", mod_of(g["mod"])), None
    if rule == "holiday":
        for year in (dct.year, dct.year - 1):
            day = holiday(g["h"], year)
            ahead = day is not None and (day - dct).days <= _HOLIDAY_AHEAD  # a coming holiday
            if day is not None and (day <= dct or ahead or ctx.future(m.start(), m.end())):
                if g["hw"]:  # "Easter week": the ISO week of the holiday; "Easter weekend"
                    suffix = "-WE" if g["hw"].lower() == "weekend" else ""
                    return make(m, ctx, "DATE", week_value(day) + suffix, "holiday week"), None
                return make(m, ctx, "DATE", day.isoformat(), "holiday"), day
        return None
    return None


_REPORTED_ON = re.compile(r"\breported\s+on\s+$", re.IGNORECASE)
_APPROX_AFTER = re.compile(
    r"\s*\((?:or\s+(?:around|about|before)|approximately|approx\.?|week\s+of|midweek)\)",
    re.IGNORECASE,
)


def _approximate(text: str, m: re.Match[str]) -> bool:
    """A date given as only roughly the event's: a reporting date or one hedged after it."""
    if _REPORTED_ON.search(text, max(0, m.start() - 20), m.start()):
        return True
    return _APPROX_AFTER.match(text, m.end()) is not None


def _given_year(g: dict[str, str | None]) -> int | None:
    """The year written in the expression, in digits or in words, else None."""
    if g.get("y"):
        return int(g["y"] or 0)
    return spoken_year(g.get("yw"))


def _resolve_weekday(
    m: re.Match[str], ctx: Context, anchor: date | None
) -> tuple[Timex, date | None]:
    g = m.groupdict()
    wd = WEEKDAYS[g["wd"].lower()]
    if g["pl"] or g["pl2"]:
        pod = PART_OF_DAY.get((g["pod"] or "").lower())
        value = f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else "")
        return make(m, ctx, "SET", value, "plural weekday, a set"), None
    rel = (g["rel2"] or "").lower()
    if rel and anchor is not None:
        # "the previous Friday", "the following Monday": relative to the story's last day
        if rel == "following":
            day = weekday_on_or_after(anchor + timedelta(days=1), wd)
        else:
            day = weekday_on_or_before(anchor - timedelta(days=1), wd)
        why = f"{rel} weekday, from the preceding date {anchor.isoformat()}"
    else:
        day, why = nearest_weekday(ctx, wd, {"preceding": "previous"}.get(rel, rel or g["rel"]), m)
    pod_word = (g["pod"] or g["pre"] or "").lower()
    if pod_word == "midnight":
        return make(m, ctx, "TIME", f"{day.isoformat()}T24:00", why), day
    if pod_word == "noon":
        return make(m, ctx, "TIME", f"{day.isoformat()}T12:00", why), day
    if pod_word:  # "Friday night": TempEval-3 (re-annotated AQUAINT) codes the day, a DATE
        return make(m, ctx, "DATE", day.isoformat(), why + ", part of day"), day
    return make(m, ctx, "DATE", day.isoformat(), why), day


def _resolve_relday(m: re.Match[str], ctx: Context) -> tuple[Timex, date | None]:
    g = m.groupdict()
    dct = ctx.dct
    word = (g["w"] or g["w2"]).lower()
    offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}[word]
    if g["dayb"]:
        offset += -1 if "before" in g["dayb"].lower() else 1
    day = dct + timedelta(days=offset)
    pod_word = (
        g["pod"] or g["pod2"] or g["pod3"] or ("night" if word == "tonight" else "")
    ).lower()
    why = {0: "the publication date", -1: "the day before publication", 1: "the day after"}
    reason = why.get(offset, f"{offset:+d} days from publication")
    if pod_word:
        return make(m, ctx, "TIME", f"{day.isoformat()}T{PART_OF_DAY[pod_word]}", reason), day
    return make(m, ctx, "DATE", day.isoformat(), reason), day


_ANAPHORIC_REL = {"following": 1, "previous": -1, "preceding": -1, "same": 0}
_USABLE_GRANULARITY = {"year": ("day", "week", "month", "year"), "month": ("day", "week", "month"),
                       "week": ("day", "week")}  # fmt: skip


def _resolve_unitrel(m: re.Match[str], ctx: Context, state: Discourse) -> tuple[Timex, date | None]:
    g = m.groupdict()
    dct = ctx.dct
    unit = g["unit"].lower()
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    mod_word = (g["mod"] or "").lower()
    mod = mod_of(mod_word) or {"earlier": "START", "later": "END"}.get(mod_word)
    if unit == "fiscal year":
        unit = "year"
    coarse = state.coarse
    if g["the"] and rel in _ANAPHORIC_REL and unit in _USABLE_GRANULARITY and coarse:
        # "On May 22, 1995, ... the following year": from the story's time, not the DCT
        base, granularity = coarse
        ref = shift(base, _ANAPHORIC_REL[rel], unit)
        if granularity in _USABLE_GRANULARITY[unit] and ref is not None:
            why = f"the {rel} {unit}, from the preceding date {base.isoformat()}"
            return make(m, ctx, "DATE", value_at_granularity(ref, unit), why, mod), None
    if rel == "past" and g["the"] and unit not in ("weekend", "year"):
        return make(m, ctx, "DURATION", duration_value(1, unit), "the past unit, a duration"), None
    if rel == "same":
        rel = "this"
    if unit == "weekend":
        saturday = weekday_on_or_before(dct, 5)
        if rel in ("next", "coming", "following"):
            saturday = weekday_on_or_after(dct + timedelta(days=1), 5)
        elif rel in ("last", "past", "previous") and dct.weekday() >= 5:
            saturday -= timedelta(days=7)
        return make(m, ctx, "DATE", f"{week_value(saturday)}-WE", "weekend"), None
    ref = relative_unit(unit, rel, dct)
    if unit == "week" and rel in ("last", "past", "previous") and dct.weekday() == 6:
        ref = dct - timedelta(days=1)  # on a Sunday "last week" is the week that ended yesterday
    if ref is None:
        return make(m, ctx, "DATE", None, "out of range"), None
    value = value_at_granularity(ref, unit)
    why = f"{rel} {unit} relative to DCT"
    if mod_word == "earlier" and unit in ("week", "month", "year") and rel == "this":
        why = f"earlier this {unit}"
    return make(m, ctx, "DATE", value, why, mod), None


__all__ = ["nearest_weekday", "resolve"]
