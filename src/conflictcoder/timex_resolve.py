"""Normalisation of recognised temporal expressions into TimeML values (see ``timex.py``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from conflictcoder.models import Timex
from conflictcoder.timex_normalise import (
    MONTHS,
    ORDINALS,
    PART_OF_DAY,
    SEASONS,
    WEEKDAYS,
    duration_value,
    event_day,
    holiday,
    last_day,
    number_value,
    quarter_of,
    safe_date,
    shift,
    shift_month,
    two_digit_year,
    unit_of,
    value_at_granularity,
    week_value,
    weekday_on_or_after,
    weekday_on_or_before,
)

_FUTURE_CUE = re.compile(
    r"(?:\b(?:will|won't|shall|(?:is|are|be)\s+to|(?:is|are|was|were|be)\s+(?:expected|scheduled"
    r"|set|due|slated|planned|going|likely)\s+to|plans?\s+to|planning\s+to|intends?\s+to|"
    r"aims?\s+to|would|upcoming)\b|['’]ll\b)",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"[.!?;\n]\s|\n")
_CLAUSE_START = re.compile(r"[.!?;:,\n]\s|\n|\s[-–—]+\s")
_REPORTED = re.compile(
    r"\b(?:said|says|announced|reported|told|predicted|added|stated|confirmed|claimed|declared"
    r"|denied|ruled|decided|warned|insisted|acknowledged|revealed|disclosed|noted)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^\W*(?:(?:on|by|until|till|from|starting|beginning|as\s+of)\s+)?$", re.I)
_MOD = {"early": "START", "beginning": "START", "start": "START", "late": "END", "end": "END",
        "mid": "MID", "middle": "MID", "first": "START", "second": "END"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Context:
    text: str
    dct: date

    def future(self, start: int, end: int) -> bool:
        """True when the clause around ``[start, end)`` speaks of the future."""
        text = self.text
        lower = max(0, start - 120)
        begin = lower
        for m in _CLAUSE_START.finditer(text, lower, start):
            begin = m.end()
        if _REPORTED.search(text, max(begin, start - 40), start) or text.startswith("'s", end):
            return False  # "officials said Wednesday", "Wednesday's ruling": past reference
        if _FUTURE_CUE.search(text, begin, start):
            return True
        if _LEADING.match(text[begin:start]):
            stop = min(len(text), end + 80)
            for m in _SENTENCE_START.finditer(text, end, stop):
                stop = m.start()
                break
            clause = text[end:stop].split(",", 2)
            window = ",".join(clause[:2]) if len(clause) > 1 else clause[0]
            return _FUTURE_CUE.search(window) is not None
        return False


def _mod_of(phrase: str | None) -> str | None:
    if not phrase:
        return None
    for word in phrase.lower().replace("-", " ").split():
        if word in _MOD:
            return _MOD[word]
    return None


def _make(
    match: re.Match[str],
    ctx: Context,
    type_: str,
    value: str | None,
    why: str,
    mod: str | None = None,
    span: tuple[int, int] | None = None,
) -> Timex:
    start, end = span if span else (match.start(), match.end())
    day, precision = (None, None)
    if type_ in ("DATE", "TIME"):
        day, precision = event_day(value, ctx.dct, mod)
        if value is not None and day is None and value[:4].isdigit() and len(value) >= 7:
            why += "; after the publication date or too vague to date an event"
    return Timex(
        start=start,
        end=end,
        text=ctx.text[start:end],
        type=type_,
        value=value,
        day=day,
        precision=precision,
        why=why,
    )


_AHEAD_DAYS = 122  # a month named without a year up to 4 months ahead is taken as coming


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
    if days_ahead <= _AHEAD_DAYS or (days_ahead <= 270 and ctx.future(match.start(), match.end())):
        return after
    return before


def _weekday(ctx: Context, wd: int, rel: str | None, match: re.Match[str]) -> tuple[date, str]:
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
    return weekday_on_or_before(dct, wd), "weekday, nearest past to DCT"


def _relative_unit(unit: str, rel: str, ref: date) -> date | None:
    step = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "latest": -1, "this past": -1,
            "next": 1, "coming": 1, "following": 1}.get(rel, 0)  # fmt: skip
    return shift(ref, step, unit)


def resolve(
    rule: str,
    m: re.Match[str],
    ctx: Context,
    anchor: date | None,
    coarse: tuple[date, str] | None = None,
) -> tuple[Timex, date | None] | None:
    """Normalise one match; also return the day it sets as anchor for later anaphora."""
    dct = ctx.dct
    g = m.groupdict()
    if rule == "iso":
        day = safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        if day is None:
            return None
        return _make(m, ctx, "DATE", day.isoformat(), "ISO date"), day
    if rule == "slash":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        year = y if len(g["y"]) == 4 else two_digit_year(y, dct)
        if a > 12 >= b:
            day = safe_date(year, b, a)
        elif b > 12 >= a or a == b:
            day = safe_date(year, a, b)
        else:
            return _make(
                m, ctx, "DATE", f"{year:04d}", "numeric date, day/month order unclear"
            ), None
        if day is None:
            return None
        return _make(m, ctx, "DATE", day.isoformat(), "numeric date"), day
    if rule in ("mdy", "dmy"):
        month = MONTHS[g["mon"].lower()]
        d = int(g["d"])
        if g["y"]:
            year = int(g["y"])
            why = "full date"
        else:
            year = _year_for(month, d, ctx, m)
            why = "month and day, year from DCT"
        day = safe_date(year, month, d)
        if day is None:
            return None
        return _make(m, ctx, "DATE", day.isoformat(), why), day
    if rule == "monyear":
        month = MONTHS[g["mon"].lower()]
        rel = (g["rel"] or "").lower()
        rel2 = (g["rel2"] or "").lower()
        if g["y"]:
            year = int(g["y"])
        elif rel2:
            year = dct.year + {"last": -1, "this": 0, "next": 1}[rel2]
        elif rel in ("last", "past"):
            year = dct.year if month < dct.month else dct.year - 1
        elif rel in ("next", "coming"):
            year = dct.year if month > dct.month else dct.year + 1
        elif rel == "this":
            year = dct.year
        else:
            year = _year_for(month, None, ctx, m)
        mod = _mod_of(g["mod"])
        return _make(m, ctx, "DATE", f"{year:04d}-{month:02d}", "month", mod), None
    if rule == "year":
        return _make(m, ctx, "DATE", g["y"], "year", _mod_of(g["mod"])), None
    if rule == "decade":
        return _make(m, ctx, "DATE", g["y"], "decade"), None
    if rule == "decade2":
        century = dct.year // 100
        value = f"{century - 1 if int(g['yy']) > dct.year % 100 // 10 else century:02d}{g['yy']}"
        return _make(m, ctx, "DATE", value, "decade"), None
    if rule == "century":
        n = number_value(re.sub(r"(st|nd|rd|th)$", "", g["n"].lower()))
        n = n or {"twenty-first": 21, "twentieth": 20, "nineteenth": 19}.get(g["n"].lower())
        return _make(m, ctx, "DATE", f"{(n or 1) - 1:02d}", "century"), None
    if rule == "weekday":
        return _resolve_weekday(m, ctx)
    if rule == "relday":
        return _resolve_relday(m, ctx)
    if rule == "overnight":
        return _make(m, ctx, "TIME", f"{dct.isoformat()}TNI", "overnight, publication date"), dct
    if rule == "present":
        return _make(m, ctx, "DATE", "PRESENT_REF", "present reference"), None
    if rule == "past":
        return _make(m, ctx, "DATE", "PAST_REF", "past reference"), None
    if rule == "future":
        return _make(m, ctx, "DATE", "FUTURE_REF", "future reference"), None
    if rule == "unitrel":
        return _resolve_unitrel(m, ctx)
    if rule == "theyear":
        return _resolve_theyear(m, ctx), None
    if rule == "spokenyear":
        rest = g["rest"]
        base = 1900 if "nineteen" in m.group(0).lower() else 2000
        if rest is None:
            if base == 1900:
                return None
            return _make(m, ctx, "DATE", "2000", "year in words"), None
        amount = number_value(re.sub(r"^oh[-\s]", "", rest.lower()).replace(" ", "-"))
        if amount is None:
            return None
        return _make(m, ctx, "DATE", f"{base + amount:04d}", "year in words"), None
    if rule == "decade3":
        tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
                "nineties"].index(g["w"].lower()) + 2  # fmt: skip
        century = dct.year // 100 - (1 if tens * 10 > dct.year % 100 else 0)
        return _make(m, ctx, "DATE", f"{century:02d}{tens}", "decade in words"), None
    if rule == "ago":
        return _resolve_ago(m, ctx, anchor)
    if rule == "duration":
        return _resolve_duration(m, ctx)
    if rule == "vague":
        unit = unit_of(g["unit"])
        rel = (g["rel"] or "").lower()
        value = duration_value(None, unit)
        if rel == "recent" or (rel == "past" and not g["the"]):
            return _make(m, ctx, "DATE", "PAST_REF", "recent period"), None
        return _make(m, ctx, "DURATION", value, "vague duration"), None
    if rule == "set":
        return _resolve_set(m, ctx), None
    if rule == "anaphor":
        return _resolve_anaphor(m, ctx, anchor, coarse)
    if rule in ("quarter", "latestq"):
        return _resolve_quarter(m, ctx), None
    if rule == "season":
        season = SEASONS[g["s"].lower()]
        rel = (g["rel"] or "").lower()
        if g["y"]:
            year = int(g["y"])
        elif rel == "last" or rel == "past":
            year = dct.year - 1
        elif rel == "next":
            year = dct.year + 1
        else:
            year = dct.year
        return _make(m, ctx, "DATE", f"{year:04d}-{season}", "season", _mod_of(g["mod"])), None
    if rule == "holiday":
        for year in (dct.year, dct.year - 1):
            day = holiday(g["h"], year)
            if day is not None and (day <= dct or ctx.future(m.start(), m.end())):
                return _make(m, ctx, "DATE", day.isoformat(), "holiday"), day
        return None
    return None


def _resolve_weekday(m: re.Match[str], ctx: Context) -> tuple[Timex, date | None]:
    g = m.groupdict()
    wd = WEEKDAYS[g["wd"].lower()]
    if g["pl"] or g["pl2"]:
        pod = PART_OF_DAY.get((g["pod"] or "").lower())
        value = f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else "")
        return _make(m, ctx, "SET", value, "plural weekday, a set"), None
    day, why = _weekday(ctx, wd, g["rel"], m)
    pod_word = (g["pod"] or g["pre"] or "").lower()
    if pod_word == "midnight":
        return _make(m, ctx, "TIME", f"{day.isoformat()}T24:00", why), day
    if pod_word == "noon":
        return _make(m, ctx, "TIME", f"{day.isoformat()}T12:00", why), day
    if pod_word:
        return _make(m, ctx, "TIME", f"{day.isoformat()}T{PART_OF_DAY[pod_word]}", why), day
    return _make(m, ctx, "DATE", day.isoformat(), why), day


def _resolve_relday(m: re.Match[str], ctx: Context) -> tuple[Timex, date | None]:
    g = m.groupdict()
    dct = ctx.dct
    word = (g["w"] or g["w2"]).lower()
    offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}[word]
    if g["dayb"]:
        offset += -1 if "before" in g["dayb"].lower() else 1
    day = dct + timedelta(days=offset)
    pod_word = (g["pod"] or g["pod2"] or ("night" if word == "tonight" else "")).lower()
    why = {0: "the publication date", -1: "the day before publication", 1: "the day after"}
    reason = why.get(offset, f"{offset:+d} days from publication")
    if pod_word:
        return _make(m, ctx, "TIME", f"{day.isoformat()}T{PART_OF_DAY[pod_word]}", reason), day
    return _make(m, ctx, "DATE", day.isoformat(), reason), day


def _resolve_unitrel(m: re.Match[str], ctx: Context) -> tuple[Timex, date | None]:
    g = m.groupdict()
    dct = ctx.dct
    unit = g["unit"].lower()
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    mod_word = (g["mod"] or "").lower()
    mod = _mod_of(mod_word) or {"earlier": "START", "later": "END"}.get(mod_word)
    if unit == "fiscal year":
        unit = "year"
    if rel == "past" and g["the"] and unit not in ("weekend",):
        return _make(m, ctx, "DURATION", duration_value(1, unit), "the past unit, a duration"), None
    if rel == "same":
        rel = "this"
    if unit == "weekend":
        saturday = weekday_on_or_before(dct, 5)
        if rel in ("next", "coming", "following"):
            saturday = weekday_on_or_after(dct + timedelta(days=1), 5)
        elif rel in ("last", "past", "previous") and dct.weekday() >= 5:
            saturday -= timedelta(days=7)
        return _make(m, ctx, "DATE", f"{week_value(saturday)}-WE", "weekend"), None
    ref = _relative_unit(unit, rel, dct)
    if ref is None:
        return _make(m, ctx, "DATE", None, "out of range"), None
    value = value_at_granularity(ref, unit)
    why = f"{rel} {unit} relative to DCT"
    if mod_word == "earlier" and unit in ("week", "month", "year") and rel == "this":
        why = f"earlier this {unit}"
    return _make(m, ctx, "DATE", value, why, mod), None


def _amount(num: str | None) -> int | None:
    if num is None:
        return None
    return number_value(re.sub(r"\s+", " ", num))


def _resolve_ago(m: re.Match[str], ctx: Context, anchor: date | None) -> tuple[Timex, date | None]:
    g = m.groupdict()
    unit = unit_of(g["unit"])
    amount = _amount(g["num"])
    direction = g["dir"].lower().split()[0]
    if direction in ("later", "after", "before", "earlier", "prior") and UNITS_TIME(unit):
        # "24 hours later": TimeML tags the duration; it must not move the date.
        span = (m.start("num") if g["num"] else m.start("unit"), m.end("unit"))
        if g["approx"]:
            span = (m.start("approx"), span[1])
        return _make(m, ctx, "DURATION", duration_value(amount, unit), "duration", span=span), None
    if amount is None:
        if direction in ("ago", "back"):
            return _make(m, ctx, "DATE", "PAST_REF", "vague time ago"), None
        span = (m.start("num") if g["num"] else m.start("unit"), m.end("unit"))
        value = duration_value(None, unit)
        return _make(m, ctx, "DURATION", value, "vague duration", span=span), None
    sign = 1 if direction in ("later", "after", "from", "hence") else -1
    relative_to_dct = direction in ("ago", "from", "hence", "back") or anchor is None
    ref_base = ctx.dct if relative_to_dct else anchor
    if UNITS_TIME(unit):
        return _make(m, ctx, "DATE", ctx.dct.isoformat(), "hours before publication"), None
    ref = shift(ref_base, sign * amount, unit)
    if ref is None:
        return _make(m, ctx, "DATE", None, "out of range"), None
    value = value_at_granularity(ref, unit)
    why = f"{amount} {unit}(s) {'after' if sign > 0 else 'before'} " + (
        "publication" if relative_to_dct else f"the preceding date {ref_base.isoformat()}"
    )
    new_anchor = ref if unit in ("day", "night") else None
    return _make(m, ctx, "DATE", value, why), new_anchor


def UNITS_TIME(unit: str) -> bool:  # noqa: N802 - reads like a predicate table
    return unit in ("hour", "minute", "second")


def _resolve_duration(m: re.Match[str], ctx: Context) -> tuple[Timex, date | None]:
    g = m.groupdict()
    unit = unit_of(g["unit"])
    amount = _amount(g["num"])
    if g["the"] and not g["rel"] and ctx.text[m.end("num")] == "-":
        span = (m.start("num"), m.end())  # "the 23-year rule": TimeML leaves "the" out
        return _make(m, ctx, "DURATION", duration_value(amount, unit), "duration", span=span), None
    if g["long"] and amount is None:
        return _make(m, ctx, "DURATION", duration_value(None, unit), "years-long"), None
    if unit == "quarter" and amount is not None:
        return _make(m, ctx, "DURATION", f"P{amount * 3}M", "quarters"), None
    return _make(m, ctx, "DURATION", duration_value(amount, unit), "duration"), None


_SET_UNITS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
              "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
              "quarterly": "P3M"}  # fmt: skip


def _resolve_set(m: re.Match[str], ctx: Context) -> Timex:
    g = m.groupdict()
    if g["adv"]:
        return _make(m, ctx, "SET", _SET_UNITS[g["adv"].lower()], "frequency adverb")
    word = (g["unit"] or g["unit2"]).lower()
    if word in WEEKDAYS:
        return _make(m, ctx, "SET", f"XXXX-WXX-{WEEKDAYS[word] + 1}", "every weekday")
    if word in PART_OF_DAY:
        return _make(
            m, ctx, "SET", f"TXX{PART_OF_DAY[word]}".replace("TXX", "T"), "every part of day"
        )
    if word == "weekend":
        return _make(m, ctx, "SET", "XXXX-WXX-WE", "every weekend")
    amount = _amount(g["num"]) if g["num"] else 1
    return _make(m, ctx, "SET", duration_value(amount, unit_of(word)), "frequency")


def _resolve_anaphor(
    m: re.Match[str], ctx: Context, anchor: date | None, coarse: tuple[date, str] | None
) -> tuple[Timex, date | None]:
    g = m.groupdict()
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
        return _make(m, ctx, "TIME", value, f"{which or 'that'} {unit_word}, from {source}"), day
    unit = "week" if unit_word == "weekend" else unit_word
    ref = shift(base, step, unit)
    if ref is None:
        return _make(m, ctx, "DATE", None, "out of range"), None
    value = value_at_granularity(ref, unit) + ("-WE" if unit_word == "weekend" else "")
    why = f"{which or 'that'} {unit_word}, from {source}"
    return _make(m, ctx, "DATE", value, why), ref if unit == "day" else None


def _resolve_theyear(m: re.Match[str], ctx: Context) -> Timex:
    g = m.groupdict()
    dct = ctx.dct
    unit = g["unit"].lower()
    mod = _mod_of(g["mod"])
    if unit == "quarter":
        ref = shift(dct, -1, "quarter") or dct
        return _make(m, ctx, "DATE", f"{ref.year}-Q{quarter_of(ref)}", "reporting quarter")
    if unit == "weekend":
        if ctx.future(m.start(), m.end()):
            saturday = weekday_on_or_after(dct, 5)
        else:
            saturday = weekday_on_or_before(dct, 5)
        return _make(m, ctx, "DATE", f"{week_value(saturday)}-WE", "the weekend nearest the DCT")
    if mod is None:
        return _make(m, ctx, "DURATION", "P1Y", "the year, a duration")
    return _make(m, ctx, "DATE", value_at_granularity(dct, unit), f"the {unit} of the DCT", mod)


def _resolve_quarter(m: re.Match[str], ctx: Context) -> Timex:
    g = m.groupdict()
    dct = ctx.dct
    pre = (g.get("pre") or "").lower()
    year = int(g["y"]) if g.get("y") else dct.year
    if pre in ("year-earlier", "year-ago"):
        year -= 1
    if g.get("ord"):
        return _make(m, ctx, "DATE", f"{year:04d}-Q{ORDINALS[g['ord'].lower()]}", "quarter")
    ref = shift(dct, -1, "quarter") or dct
    ref_year = ref.year - (1 if pre in ("year-earlier", "year-ago") else 0)
    return _make(m, ctx, "DATE", f"{ref_year}-Q{quarter_of(ref)}", "reporting quarter")


def resolve_clock(
    rule: str, m: re.Match[str], ctx: Context, days: list[tuple[int, date]]
) -> Timex | None:
    """A clock time or part of day, on the nearest day-level date of its sentence."""
    g = m.groupdict()
    text = ctx.text
    begin = max((x.end() for x in _SENTENCE_START.finditer(text, 0, m.start())), default=0)
    stop = next((x.start() for x in _SENTENCE_START.finditer(text, m.end())), len(text))
    same = [(abs(pos - m.start()), day) for pos, day in days if begin <= pos < stop]
    before = [day for pos, day in days if pos < begin]
    if same:
        day, why = min(same, key=lambda x: x[0])[1], "the date of its sentence"
    elif before:
        day, why = before[-1], "the preceding date"
    else:
        day, why = None, "no date in context"
    if g.get("wd"):
        word = g["wd"].lower()
        if word in WEEKDAYS:
            day, why = _weekday(ctx, WEEKDAYS[word], None, m)
        else:
            day = ctx.dct + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[word])
            why = word
    if rule in ("clock", "clock24"):
        hour = int(g["h"])
        minute = int(g["mi"]) if g.get("mi") else 0
        ampm = (g.get("ampm") or "").lower().replace(" ", "")
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        suffix = f"T{hour:02d}:{minute:02d}"
    elif rule == "noon":
        suffix = "T12:00" if g["word"].lower() in ("noon", "midday") else "T24:00"
    elif rule == "overnight":
        suffix = "TNI"
        if not same:
            day, why = ctx.dct, "overnight, publication date"
    else:
        suffix = "T" + PART_OF_DAY.get((g.get("pod") or g.get("word") or "").lower(), "MO")
        if (g.get("word") or "").lower() in ("dusk", "nightfall"):
            suffix = "TEV"
    if day is None:
        if rule in ("clock", "clock24", "noon"):
            day, why = ctx.dct, "the publication date (no date in context)"
        else:
            return _make(m, ctx, "TIME", f"XXXX-XX-XX{suffix}", why)
    return _make(m, ctx, "TIME", f"{day.isoformat()}{suffix}", why)


__all__ = ["Context", "resolve", "resolve_clock", "last_day", "shift_month"]
