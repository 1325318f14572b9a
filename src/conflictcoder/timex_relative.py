"""Normalisation of relative and anaphoric expressions: "two days later", "the year-ago
quarter", "every Friday", "the following week" (see ``timex.py``)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from conflictcoder.models import Timex
from conflictcoder.timex_context import Context, Discourse, half_of, make, mod_of
from conflictcoder.timex_normalise import (
    MONTHS,
    ORDINALS,
    PART_OF_DAY,
    SEASONS,
    WEEKDAYS,
    duration_value,
    number_value,
    quarter_of,
    shift,
    unit_of,
    value_at_granularity,
    week_value,
    weekday_on_or_after,
    weekday_on_or_before,
)


def amount_of(num: str | None) -> int | None:
    if num is None:
        return None
    return number_value(re.sub(r"\s+", " ", num))


def resolve_ago(m: re.Match[str], ctx: Context, state: Discourse) -> tuple[Timex, date | None]:
    g = m.groupdict()
    anchor = state.anchor
    unit = unit_of(g["unit"])
    amount = amount_of(g["num"])
    direction = g["dir"].lower().split()[0]
    if unit == "year" and amount == 1 and direction != "later" and state.quarter is not None:
        year, quarter, _ = state.quarter  # "a year ago" in quarterly results: that quarter
        why = f"the same quarter a year before the {year}-Q{quarter} just named"
        return make(m, ctx, "DATE", f"{year - 1}-Q{quarter}", why), None
    if direction in ("later", "after", "before", "earlier", "prior") and UNITS_TIME(unit):
        # "24 hours later": TimeML tags the duration; it must not move the date.
        span = (_amount_start(m), m.end("unit"))
        if g["approx"]:
            span = (m.start("approx"), span[1])
        return make(m, ctx, "DURATION", duration_value(amount, unit), "duration", span=span), None
    if amount is None:
        if direction in ("ago", "back"):
            return make(m, ctx, "DATE", "PAST_REF", "vague time ago"), None
        span = (_amount_start(m), m.end("unit"))
        value = duration_value(None, unit)
        return make(m, ctx, "DURATION", value, "vague duration", span=span), None
    sign = 1 if direction in ("later", "after", "from", "hence") else -1
    relative_to_dct = direction in ("ago", "from", "hence", "back") or anchor is None
    ref_base = ctx.dct if relative_to_dct else anchor
    if UNITS_TIME(unit):
        return make(m, ctx, "DATE", ctx.dct.isoformat(), "hours before publication"), None
    ref = shift(ref_base, sign * amount, unit)
    if ref is None:
        return make(m, ctx, "DATE", None, "out of range"), None
    value = value_at_granularity(ref, unit)
    why = f"{amount} {unit}(s) {'after' if sign > 0 else 'before'} " + (
        "publication" if relative_to_dct else f"the preceding date {ref_base.isoformat()}"
    )
    new_anchor = ref if unit in ("day", "night") else None
    timex = make(m, ctx, "DATE", value, why)
    if unit == "week" and timex.day is not None and ref <= ctx.dct:
        # "shot one week ago": the week is the value, its best day is seven days back
        timex = replace(timex, day=ref)
    return timex, new_anchor


def _amount_start(m: re.Match[str]) -> int:
    """Where the amount of "three weeks later" begins (the unit when there is none)."""
    for name in ("num", "unit"):
        if m.group(name):
            return m.start(name)
    return m.start()


def UNITS_TIME(unit: str) -> bool:  # noqa: N802 - reads like a predicate table
    return unit in ("hour", "minute", "second")


# "dozens of interviews a day", "$5 million a year": a rate, TimeML SET.
_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundred|dozen|percent|cents?|[a-z]*[^s\W]s))\s+$",
    re.IGNORECASE,
)
_NOT_RATE_BEFORE = re.compile(
    r"\b(?:is|was|has|as|this|its|his|hers|ours|yours|theirs|less|thus|does|always|perhaps"
    r"|plus|across|unless|towards?|afterwards|besides|sometimes|whereas|days|weeks|months"
    r"|years|hours|minutes|seconds|nights)\s+$",
    re.IGNORECASE,
)
_NOT_RATE_AFTER = re.compile(
    r"\s*(?:after|before|later|earlier|ago|or|and|of|in|to|long|prior|since)\b", re.I
)


def _rate(m: re.Match[str], ctx: Context) -> bool:
    g = m.groupdict()
    if (g["num"] or "").lower() not in ("a", "an") or g["rel"] or g["the"] or g["approx"]:
        return False
    before = ctx.text[max(0, m.start() - 30) : m.start()]
    return (
        _RATE_BEFORE.search(before) is not None
        and _NOT_RATE_BEFORE.search(before) is None
        and _NOT_RATE_AFTER.match(ctx.text, m.end()) is None
    )


def resolve_duration(m: re.Match[str], ctx: Context) -> tuple[Timex, date | None]:
    g = m.groupdict()
    unit = unit_of(g["unit"])
    amount = amount_of(g["num"])
    if g.get("lo"):  # "two to three weeks": TimeML tags "two" (P2W) and "three weeks" (P3W)
        value = duration_value(amount, unit)
        return make(m, ctx, "DURATION", value, "upper end of a range of durations",
                    span=(m.start("num"), m.end())), None  # fmt: skip
    if _rate(m, ctx):
        return make(m, ctx, "SET", duration_value(1, unit), "a rate: so many a unit"), None
    if g["the"] and not g["rel"] and ctx.text[m.end("num")] == "-":
        span = (m.start("num"), m.end())  # "the 23-year rule": TimeML leaves "the" out
        return make(m, ctx, "DURATION", duration_value(amount, unit), "duration", span=span), None
    if g["long"] and (g["num"] or "").lower() in ("a", "an") and not g["approx"]:
        span = (m.start("unit"), m.end())  # "a week-long curfew": the article is the noun's
        return make(m, ctx, "DURATION", duration_value(1, unit), "unit-long", span=span), None
    if g["long"] and amount is None:
        return make(m, ctx, "DURATION", duration_value(None, unit), "years-long"), None
    if unit == "quarter" and amount is not None:
        return make(m, ctx, "DURATION", f"P{amount * 3}M", "quarters"), None
    if (g["half"] or g["half2"]) and amount is not None:
        return make(m, ctx, "DURATION", _and_a_half(amount, unit), "duration and a half"), None
    return make(m, ctx, "DURATION", duration_value(amount, unit), "duration"), None


def range_low(m: re.Match[str], ctx: Context) -> Timex | None:
    """The lower end of "two to three weeks" as a timex of its own ("two", P2W)."""
    if not m.groupdict().get("lo"):
        return None
    value = duration_value(amount_of(m.group("lo")), unit_of(m.group("unit")))
    return make(m, ctx, "DURATION", value, "lower end of a range of durations",
                span=(m.start(), m.end("lo")))  # fmt: skip


_HALF = {"year": "6M", "month": "15D", "week": "3DT12H", "day": "T12H", "night": "T12H",
         "hour": "30M", "minute": "30S"}  # fmt: skip


def _and_a_half(amount: int, unit: str) -> str:
    """``(2, "year")`` → ``P2Y6M``; ``(1, "minute")`` → ``PT1M30S``."""
    return duration_value(amount, unit) + _HALF.get(unit, "")


_SET_UNITS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
              "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
              "quarterly": "P3M"}  # fmt: skip


def resolve_set(m: re.Match[str], ctx: Context) -> Timex:
    g = m.groupdict()
    if g["adv"]:
        return make(m, ctx, "SET", _SET_UNITS[g["adv"].lower()], "frequency adverb")
    if g["month"]:
        value = f"XXXX-{MONTHS[g['month'].lower()]:02d}"
        return make(m, ctx, "SET", value, "every month of the year")
    if g["season"]:
        return make(m, ctx, "SET", f"XXXX-{SEASONS[g['season'].lower()]}", "every season")
    word = (g["unit"] or g["unit2"]).lower()
    if word in WEEKDAYS:
        return make(m, ctx, "SET", f"XXXX-WXX-{WEEKDAYS[word] + 1}", "every weekday")
    if word in PART_OF_DAY:
        return make(
            m, ctx, "SET", f"TXX{PART_OF_DAY[word]}".replace("TXX", "T"), "every part of day"
        )
    if word == "weekend":
        return make(m, ctx, "SET", "XXXX-WXX-WE", "every weekend")
    amount = amount_of(g["num"]) if g["num"] else 1
    if amount is not None and re.match(r"every\s+other\b", m.group(0), re.IGNORECASE):
        amount *= 2  # "every other day": every second day
    return make(m, ctx, "SET", duration_value(amount, unit_of(word)), "frequency")


def resolve_anaphor(
    m: re.Match[str], ctx: Context, anchor: date | None, coarse: tuple[date, str] | None
) -> tuple[Timex, date | None]:
    g = m.groupdict()
    if g["inday"]:  # "later in the day": the day of the preceding date
        day = anchor or ctx.dct
        source = "the preceding date" if anchor else "publication date (no antecedent)"
        span = (m.start("inday"), m.end("inday"))
        return make(m, ctx, "DATE", day.isoformat(), f"in the day, {source}", span=span), day
    unit_word = (g["unit"] or g["unit2"]).lower()
    base = anchor
    if unit_word in ("year", "month", "week") and coarse is not None:
        usable = {"year": ("day", "week", "month", "year"), "month": ("day", "week", "month"),
                  "week": ("day", "week")}[unit_word]  # fmt: skip
        if coarse[1] in usable:
            base = coarse[0]
    source = (
        f"the preceding date {base.isoformat()}" if base else "publication date (no antecedent)"
    )
    base = base or ctx.dct
    which = re.sub(r"\s+", " ", (g["which"] or "")).lower().replace("very ", "")
    step = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}.get(which, 0)
    if g["dir"]:
        step = -1 if g["dir"].lower() == "before" else 1
    if unit_word in PART_OF_DAY:
        day = base + timedelta(days=step)
        value = f"{day.isoformat()}T{PART_OF_DAY[unit_word]}"
        return make(m, ctx, "TIME", value, f"{which or 'that'} {unit_word}, from {source}"), day
    unit = "week" if unit_word == "weekend" else unit_word
    ref = shift(base, step, unit)
    if ref is None:
        return make(m, ctx, "DATE", None, "out of range"), None
    value = value_at_granularity(ref, unit) + ("-WE" if unit_word == "weekend" else "")
    why = f"{which or 'that'} {unit_word}, from {source}"
    return make(m, ctx, "DATE", value, why), ref if unit == "day" else None


# "the year ended Sept. 30", "the fiscal year ending in June": a twelve-month period
_PERIOD_ENDED = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|to\s+date)\b", re.I)


def resolve_theyear(m: re.Match[str], ctx: Context, state: Discourse) -> Timex:
    g = m.groupdict()
    dct = ctx.dct
    unit = g["unit"].lower()
    mod = mod_of(g["mod"])
    if unit == "quarter":
        return resolve_quarter(m, ctx, state)
    if unit == "weekend":
        if ctx.future(m.start(), m.end()):
            saturday = weekday_on_or_after(dct, 5)
        else:
            saturday = weekday_on_or_before(dct, 5)
        return make(m, ctx, "DATE", f"{week_value(saturday)}-WE", "the weekend nearest the DCT")
    if mod is None and _PERIOD_ENDED.match(ctx.text, m.end()):
        return make(m, ctx, "DURATION", "P1Y", "the year ended ..., a duration")
    if mod is None:
        return make(m, ctx, "DATE", f"{dct.year:04d}", "the year of the DCT")
    half = half_of(g["mod"]) if unit == "year" else None
    if half:
        return make(m, ctx, "DATE", f"{dct.year:04d}-{half}", "half of the DCT's year")
    return make(m, ctx, "DATE", value_at_granularity(dct, unit), f"the {unit} of the DCT", mod)


def resolve_quarter(m: re.Match[str], ctx: Context, state: Discourse) -> Timex:
    """Fiscal quarters: "the third quarter", "the year-ago period", "this year's first quarter".

    Without an ordinal the quarter is the one the story is about (the last named), else the
    last complete quarter before the DCT (the reporting quarter).
    """
    g = m.groupdict()
    dct = ctx.dct
    pre = (g.get("pre") or "").lower()
    back = 1 if pre in ("year-earlier", "year-ago") else 0
    reporting = shift(dct, -1, "quarter") or dct
    if g.get("ord"):
        quarter, year, why = ORDINALS[g["ord"].lower()], dct.year, "quarter"
        if quarter > quarter_of(dct) and not ctx.future(m.start(), m.end()):
            year, why = dct.year - 1, "quarter, the last one past"  # "the fourth quarter" in Jan
    elif state.quarter is not None:
        year, quarter, _ = state.quarter
        why = f"the quarter named before ({year}-Q{quarter})"
    else:
        quarter, year, why = quarter_of(reporting), reporting.year, "reporting quarter"
    if g.get("y"):
        year = int(g["y"])
    elif g.get("ry"):
        year = dct.year + {"last": -1, "this": 0, "next": 1}[g["ry"].lower()]
    if g.get("w"):  # a bare "year-earlier" qualifies a noun: only its own words are tagged
        span = (m.start("w"), m.end("w"))
        value = f"{year - 1}-Q{quarter}" if state.quarter else str(dct.year - 1)
        return make(m, ctx, "DATE", value, "year-earlier: " + why, span=span)
    if g.get("y") and not g.get("ord") and state.quarter is None:
        return make(m, ctx, "DATE", g["y"], "the year's period")
    return make(m, ctx, "DATE", f"{year - back:04d}-Q{quarter}", why)
