"""Publication dates of documents: the forms readers accept, and the years they believe.

Forms: ``YYYY-MM-DD``, also with a time and zone (ISO 8601: the local date counts, not
UTC's), ``YYYY/MM/DD``, ``YYYYMMDD``, ``22 Jan 2022``, ``January 22, 2022`` and RFC 2822
(``Sat, 22 Jan 2022 10:00:00 +0000``, as in RSS feeds). Day-first or month-first numeric
dates (``01/02/2022``) are ambiguous and refused, and so are years outside
``PUBLISHED_YEARS`` (placeholders such as ``0001-01-01`` or ``9999-12-31``).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from conflictcoder.errors import InputError
from conflictcoder.timex_normalise import MONTHS

_ISO_DATE = re.compile(r"\A(\d{4})([-/.]?)(\d{2})\2(\d{2})(?![\d/.])")
_DAY_MONTH_YEAR = re.compile(r"\A(?:\w+,?\s+)?(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(
    r"\A(?:\w+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b"
)
#: Publication years we accept: outside them a date is a placeholder or a typo.
PUBLISHED_YEARS = range(1800, 2200)


def parse_date(value: object) -> date | None:
    """A publication date (see the module docstring for the forms); None if unusable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # 20220122 in a JSON file; a Unix time (10 digits) is refused
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        if match := _ISO_DATE.match(value):
            year, month, day = match.group(1, 3, 4)
            return date(int(year), int(month), int(day))
        if match := _DAY_MONTH_YEAR.match(value):
            day, month, year = match.groups()
        elif match := _MONTH_DAY_YEAR.match(value):
            month, day, year = match.groups()
        else:
            return None
        number = MONTHS.get(month.lower())
        return date(int(year), number, int(day)) if number else None
    except ValueError:
        return None


def checked_date(doc_id: str, published: date) -> date:
    """``published`` if its year is plausible; else an InputError naming ``doc_id``."""
    if published.year not in PUBLISHED_YEARS:
        first, last = PUBLISHED_YEARS[0], PUBLISHED_YEARS[-1]
        raise InputError(doc_id, f"implausible date {published} (want a year {first}-{last})")
    return published
