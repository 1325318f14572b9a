"""Identities of demonstrators: who the crowd of a protest or riot is, as ACLED's associated actor.

ACLED names every crowd "Protesters (Country)" or "Rioters (Country)" and records who the
demonstrators are in ``assoc_actor_1``: "On 9 May, medical interns protested in Haifa" is
Protesters (Israel) with Health Workers (Israel). The identities and the words that name
them are a bundled table (``data/identities.tsv``); ``named`` returns the identities a
stretch of text names, in text order, with ``{country}`` still to be filled (the events
stage names them for the event's country, as generic actors).
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

from conflictcoder.errors import ConflictCoderError
from conflictcoder.models import Span


class IdentityTableError(ConflictCoderError):
    """The bundled identity table is malformed."""


def _word(word: str) -> str:
    return re.escape(word.removesuffix("*")).replace(r"\ ", r"\s+") + (
        r"\w*" if word.endswith("*") else ""
    )


@cache
def _table() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """One pattern with a group per identity (``i0``, ``i1``...), and the identities."""
    content = (resources.files("conflictcoder") / "data" / "identities.tsv").read_text("utf-8")
    lines = [line for line in content.splitlines() if line.strip() and not line.startswith("#")]
    names: list[str] = []
    groups: list[str] = []
    for row in csv.DictReader(lines, delimiter="\t"):
        name, words = (row.get("name") or "").strip(), (row.get("words") or "").strip()
        if not name or not words:
            raise IdentityTableError(f"identities.tsv: a row needs a name and words ({row})")
        alternatives = sorted((w.strip() for w in words.split("|") if w.strip()), key=len)
        groups.append(
            f"(?P<i{len(names)}>" + "|".join(_word(w) for w in reversed(alternatives)) + ")"
        )
        names.append(name)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(groups) + r")(?![\w-])", re.IGNORECASE)
    return pattern, tuple(names)


# The people a crowd speaks for, not the crowd: "the release of prisoners", "in support of
# workers", "against women" (but "a group of workers" are the crowd)
_OBJECT = re.compile(r"\b(?:of|for|against|to|with|on|about)\s+(?:[\w'’-]+\s+){0,2}$", re.I)
_PART_OF = re.compile(
    r"\b(?:group|groups|number|dozens|hundreds|thousands|scores|tens|members|crowd|majority"
    r"|hundred|thousand|some|many|most|all|couple)\s+of\s+(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
_OCCASION = re.compile(r"['’]?s?['’]?\s+day\b", re.I)  # "Mothers' Day", "Workers' Day"


def named(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[str, Span], ...]:
    """The identities ``text[start:end]`` names as the crowd, each once (with where it is
    first named), in text order."""
    pattern, names = _table()
    found: dict[str, Span] = {}
    for match in pattern.finditer(text, start, len(text) if end is None else end):
        before = text[max(start, match.start() - 40) : match.start()]
        if _OBJECT.search(before) and not _PART_OF.search(before):
            continue
        if _OCCASION.match(text, match.end()):
            continue
        name = names[int(match.lastgroup[1:])]  # type: ignore[index]
        found.setdefault(name, Span(match.start(), match.end()))
    return tuple(found.items())
