"""Calendar arithmetic and lexicons for the temporal tagger (``timex.py``).

Pure functions: every date is computed from the document creation time (DCT) or from an
anchor date found earlier in the text, never from the clock. Values follow TimeML TIMEX3
(``2022-01-20``, ``2022-W03``, ``2022-01``, ``2022-Q1``, ``2021-FA``, ``P3D``, ``PT24H``...).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
PART_OF_DAY = {
    "morning": "MO",
    "dawn": "MO",
    "daybreak": "MO",
    "afternoon": "AF",
    "midday": "MI",
    "noon": "MI",
    "evening": "EV",
    "dusk": "EV",
    "night": "NI",
    "midnight": "NI",
    "overnight": "NI",
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}

_SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS: dict[str, int] = {word: i for i, word in enumerate(_SMALL)}
NUMBER_WORDS.update({word: 20 + 10 * i for i, word in enumerate(_TENS)})
NUMBER_WORDS.update({"a": 1, "an": 1, "one": 1, "a single": 1, "half a": 0, "a dozen": 12})
NUMBER_WORDS.update({"a couple of": 2, "couple of": 2, "a hundred": 100, "hundred": 100})
VAGUE_NUMBERS = frozenset(
    "a few|few|several|some|many|a number of|dozens of|hundreds of|the|recent|a couple|"
    "numerous|multiple|countless".split("|")
)

# Unit word -> (TimeML duration letter, is a time-of-day unit)
UNITS = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "night": ("D", False),
    "week": ("W", False),
    "fortnight": ("W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
}

_NUMBER_SPLIT = re.compile(r"[-\s]+")


def number_value(phrase: str) -> int | None:
    """``"three"`` → 3, ``"twenty-four"`` → 24, ``"1,000"`` → 1000, vague → None."""
    phrase = phrase.lower().strip()
    if phrase.replace(",", "").isdigit():
        return int(phrase.replace(",", ""))
    if phrase in NUMBER_WORDS:
        return NUMBER_WORDS[phrase]
    parts = _NUMBER_SPLIT.split(phrase)
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip


def ordinal_value(phrase: str) -> int | None:
    """``"eighth"`` → 8, ``"twenty-first"`` → 21."""
    parts = _NUMBER_SPLIT.split(phrase.lower().strip())
    if len(parts) == 1:
        return _ORDINAL_WORDS.get(parts[0])
    if len(parts) == 2 and parts[0] in ("twenty", "thirty") and parts[1] in _ORDINAL_WORDS:
        return NUMBER_WORDS[parts[0]] + _ORDINAL_WORDS[parts[1]]
    return None


def spoken_year(phrase: str | None) -> int | None:
    """``"nineteen ninety-four"`` → 1994, ``"two thousand and one"`` → 2001."""
    if not phrase:
        return None
    words = _NUMBER_SPLIT.split(phrase.lower().strip())
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        amount = number_value("-".join(rest)) if rest else 0
        return None if amount is None else 2000 + amount
    century = NUMBER_WORDS.get(words[0])
    rest = words[1:]
    if rest[:1] == ["oh"]:
        rest = rest[1:]
    amount = number_value("-".join(rest)) if rest else None
    if century is None or amount is None or not 0 <= amount < 100:
        return None
    return century * 100 + amount


def unit_of(word: str) -> str:
    """Singular unit key of a unit word: ``"years"`` → ``"year"``."""
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    return word[:-1] if word.endswith("s") else word


def duration_value(amount: int | None, unit: str) -> str:
    """``(3, "day")`` → ``P3D``; ``(24, "hour")`` → ``PT24H``; vague amounts give ``X``."""
    if unit == "fortnight":
        amount = None if amount is None else 2 * amount
    letter, is_time = UNITS[unit]
    if unit == "decade" and amount is not None:
        amount, letter = amount * 10, "Y"
    if unit == "century" and amount is not None:
        amount, letter = amount * 100, "Y"
    if unit in ("decade", "century") and amount is None:
        letter = "Y"
    count = "X" if amount is None else str(amount)
    return f"PT{count}{letter}" if is_time else f"P{count}{letter}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def safe_date(year: int, month: int, day: int) -> date | None:
    if not (1 <= month <= 12 and 1 <= day <= last_day(year, month)):
        return None
    return date(year, month, day)


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_middle(day: date) -> date:
    """The Thursday of the ISO week containing ``day``."""
    return day + timedelta(days=3 - day.weekday())


def weekday_on_or_before(dct: date, weekday: int) -> date:
    return dct - timedelta(days=(dct.weekday() - weekday) % 7)


def weekday_on_or_after(dct: date, weekday: int) -> date:
    return dct + timedelta(days=(weekday - dct.weekday()) % 7)


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def shift(anchor: date, amount: int, unit: str) -> date | None:
    """``anchor`` moved by ``amount`` units (negative = back); None when out of range."""
    try:
        if unit in ("day", "night"):
            return anchor + timedelta(days=amount)
        if unit in ("week", "fortnight"):
            return anchor + timedelta(weeks=amount * (2 if unit == "fortnight" else 1))
        if unit in ("month", "quarter"):
            year, month = shift_month(
                anchor.year, anchor.month, amount * (3 if unit == "quarter" else 1)
            )
            return date(year, month, min(anchor.day, last_day(year, month)))
        if unit in ("year", "decade", "century"):
            factor = {"year": 1, "decade": 10, "century": 100}[unit]
            year = anchor.year + amount * factor
            return date(year, anchor.month, min(anchor.day, last_day(year, anchor.month)))
    except (OverflowError, ValueError):
        return None
    return None


def value_at_granularity(day: date, unit: str) -> str:
    """The TimeML value of ``day`` at the granularity of ``unit``."""
    if unit in ("day", "night", "hour", "minute", "second"):
        return day.isoformat()
    if unit in ("week", "fortnight"):
        return week_value(day)
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if unit == "decade":
        return f"{day.year // 10:03d}"
    if unit == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T|$)")
_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})$")


def event_day(value: str | None, dct: date, mod: str | None) -> tuple[date | None, int | None]:
    """ACLED (day, time_precision) of a DATE/TIME value, or (None, None).

    Days give precision 1; weeks precision 2 at their Thursday (a weekend at its Saturday);
    months precision 3 at the 15th, or the 1st/last day for ``mod`` START/END. A period
    that contains the DCT is clamped to the DCT; anything after the DCT gives None.
    """
    if value is None:
        return None, None
    match = _DAY_VALUE.match(value)
    if match:
        day = safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if day is None or day > dct:
            return None, None
        return day, 1
    match = _WEEK_VALUE.match(value)
    if match:
        try:
            monday = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        except ValueError:
            return None, None
        if monday > dct:
            return None, None
        day = monday + timedelta(days=5 if match.group(3) else 3)
        if match.group(3) and day > dct:  # a weekend still to come
            return None, None
        return min(day, dct), 2
    match = _MONTH_VALUE.match(value)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12 or date(year, month, 1) > dct:
            return None, None
        if mod == "START":
            day = date(year, month, 1)
        elif mod == "END":
            day = date(year, month, last_day(year, month))
        else:
            day = date(year, month, 15)
        return min(day, dct), 3
    return None, None


def two_digit_year(yy: int, dct: date) -> int:
    """The year ending in ``yy`` nearest to the DCT (not more than 10 years ahead)."""
    century = dct.year // 100 * 100
    year = century + yy
    if year > dct.year + 10:
        year -= 100
    return year


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holiday(name: str, year: int) -> date | None:
    """Fixed and computable Western holidays by lower-cased name."""
    name = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    if name.startswith("christmas eve"):
        return date(year, 12, 24)
    if name.startswith("christmas"):
        return date(year, 12, 25)
    if name.startswith("new year's eve"):
        return date(year, 12, 31)
    if name.startswith("new year"):
        return date(year, 1, 1)
    if name.startswith("easter"):
        return easter(year)
    if name.startswith("thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("halloween"):
        return date(year, 10, 31)
    if name.startswith("valentine"):
        return date(year, 2, 14)
    if name.startswith("independence day"):
        return date(year, 7, 4)
    if name.startswith("election day"):  # US: the Tuesday after the first Monday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    return None
