"""The page's own date: a stamp at the top of an article that predates its given date.

A page fetched or re-dated long after it was written keeps its own stamp at the top
("Updated: 01/26/2015 10:24 PM", "Posted: Saturday, April 5, 2014", a dateline
"SAVANNAH, GA (December 2, 2015): ..."). When that stamp names a full date (with its year)
before the given publication date, the article was written then, and "Sunday" or "last
night" mean the days around the stamp. ``stamp_date`` finds such a stamp; ``timex.tag``
resolves relative expressions against it.
"""

from __future__ import annotations

import re
from datetime import date

from conflictcoder.timex_normalise import MONTHS
from conflictcoder.timex_rules import MON, WD

_HEAD = 300  # characters at the top of the page where its stamp stands
_MAX_YEARS = 20  # an older "stamp" is a date in the story, not the page's
_NUMERIC = r"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)\d\d)"
_WORDS = (
    rf"(?:{WD},?\s+)?(?P<mon>{MON})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)"
)
_DATE = rf"(?i:{_NUMERIC}|{_WORDS})\b"
# "Updated: <date>", "Posted on <date>", "Created <date>"; a dateline's "CITY, ST (<date>)".
_STAMPS = (
    re.compile(
        r"\b(?:posted|updated|published|created|last\s+updated|last\s+modified)"
        rf"(?:\s+(?:on|at))?\s*:?\s*{_DATE}",
        re.IGNORECASE,
    ),
    re.compile(rf"^[A-Z][A-Z .,'-]{{2,40}}\(\s*{_DATE}\s*\)", re.MULTILINE),
)


def stamp_date(text: str, dct: date) -> date | None:
    """The earliest full date stamped at the top of the page, if it is more than a day before
    ``dct`` (and not decades before it); else None."""
    found: list[date] = []
    for pattern in _STAMPS:
        for match in pattern.finditer(text, 0, _HEAD):
            day = _day(match)
            if day is not None and 1 < (dct - day).days <= 366 * _MAX_YEARS:
                found.append(day)
    return min(found, default=None)


def _day(match: re.Match[str]) -> date | None:
    if match.group("y"):
        year, month, day = match.group("y"), match.group("m"), match.group("d")
    elif match.group("y2"):
        year, day = match.group("y2"), match.group("d2")
        month = str(MONTHS.get(match.group("mon").lower().rstrip("."), 0))
    else:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
