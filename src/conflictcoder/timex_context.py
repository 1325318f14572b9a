"""Context of a temporal expression: the text, the DCT, tense, and the Timex factory."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from conflictcoder.models import Timex
from conflictcoder.timex_normalise import event_day

# "is due to meet Monday" is a schedule, "was cancelled due to rain Monday" a cause: "due to"
# speaks of the future only before a verb.
_DUE_VERB = (
    r"(?:be|begin|start|meet|hold|take|open|close|end|expire|arrive|visit|resume|return|travel"
    r"|appear|vote|sign|announce|face|release|report|deliver|leave|testify|go|come|make|give"
    r"|hear|decide|rule|stand|launch|run|attend|speak|address|receive|present|publish|finish"
    r"|complete|enter|reopen|depart|fly|sail|hand|submit|issue|meet|convene|sit|stay|fall)\b"
)
_FUTURE_CUE = re.compile(
    r"(?:\b(?:will|won't|shall|(?:is|are|be)\s+to(?!\s+blame\b)|(?:is|are|was|were|be)\s+(?:expected|scheduled"
    r"|set|slated|planned|going|likely)\s+to|(?:is|are|was|were|be)\s+due\s+to\s+"
    + _DUE_VERB
    + r"|(?<!been\s)(?:expected|scheduled|slated|set)\s+to\s+"  # "the talks, set to resume Monday"
    + _DUE_VERB
    + r"|(?:is|are|be)\s+(?:expected|scheduled|slated"
    r"|planned|due(?!\s+to))|should(?!\s+(?:not\s+)?have|n['’]t\s+have)|plan(?:s|ned|ning)?\s+to|intends?\s+to|"
    r"aims?\s+to|would|upcoming|might(?!\s+have)|as\s+(?:soon|early)\s+as)\b|['’]ll\b)",
    re.IGNORECASE,
)
# A scheduled event in the simple present: "the two leaders meet separately Monday".
_PRESENT_SCHEDULE = re.compile(
    r"\b(?:meets?|resumes?|convenes?|begins|starts|opens(?!\s+fire)|closes|arrives|faces"
    r"|expires|kicks\s+off)\s+(?:(?!(?:was|were|is|are|has|have|had|been)\b)[\w-]+\s+){0,3}?"
    r"(?:on\s+)?$",
    re.IGNORECASE,
)
SENTENCE_START = re.compile(r"[.!?;\n]\s|\n")
_CLAUSE_START = re.compile(
    r"(?<!\b[A-Z])(?<!\bM[rs])(?<!\bDr)(?<!\bSt)[.!?;:,\n][\"”’']?\s|\n|\s[-–—]+\s"
)  # a closing quote may follow the punctuation: '... the ceremony,” he wrote on Sunday'

_REPORTED = re.compile(
    r"\b(?:said|says|announced|reported|told|predicted|added|stated|confirmed|claimed|declared"
    r"|denied|ruled|decided|warned|insisted|acknowledged|revealed|disclosed|noted)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^\W*(?:(?:on|by|until|till|from|starting|beginning|as\s+of)\s+)?$", re.I)
_MOD = {"early": "START", "beginning": "START", "start": "START", "late": "END", "end": "END",
        "mid": "MID", "middle": "MID", "first": "START", "second": "END"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Discourse:
    """What earlier expressions leave for later ones to resolve against.

    ``anchor``: the last day-level date ("two days later", "the next morning");
    ``coarse``: the last date-valued expression and its granularity ("that year");
    ``quarter``: the last fiscal quarter named, as (year, quarter, offset), for business
    news where "a year ago" means the same quarter a year before.
    """

    anchor: date | None = None
    coarse: tuple[date, str] | None = None
    quarter: tuple[int, int, int] | None = None
    anchor_precision: int | None = None  # of the anchor's own expression ("around 3 May": 2)


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
        if _PRESENT_SCHEDULE.search(text[begin:start]):
            return True  # "the talks resume Tuesday": news's present of a timetable
        if _LEADING.match(text[begin:start]):
            stop = min(len(text), end + 80)
            for m in SENTENCE_START.finditer(text, end, stop):
                stop = m.start()
                break
            clause = text[end:stop].split(",", 2)
            window = ",".join(clause[:2]) if len(clause) > 1 else clause[0]
            return _FUTURE_CUE.search(window) is not None
        return False


_PLUPERFECT = re.compile(
    r"\bhad\s+(?:(?:not|never|already|just|also|previously|reportedly|allegedly|earlier"
    r"|apparently|recently)\s+)?(?:been|[a-z]{3,}ed|found|fled|left|shot|hit|held|seen|taken"
    r"|made|sent|set|begun|broken|given|known|stolen|thrown|driven|beaten|caught|brought"
    r"|fought|lost|met|put|gone|come|done|burnt|struck|run|fallen|hidden|blown|torn|won"
    r"|sought|told|said|paid|spent|led|kept|become|written|sold|bought|slept)\b",
    re.IGNORECASE,
)
_CLAUSE_EDGE = re.compile(
    r"[;:]|\b(?:that|who|which|whom|whose|after|before|when|while|since|because|but|said"
    r"|says|reported|according)\b",
    re.IGNORECASE,
)


def pluperfect(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """True when ``text[start:end]`` sits in a past-perfect clause of the sentence ``[lo, hi)``.

    "On 27 April, another ton had been found": background to the story's own date, not a
    reference date for what follows. The clause runs between the nearest clause edges
    (";", "that", "who", "after", "said", ...) around the expression.
    """
    begin = max((m.end() for m in _CLAUSE_EDGE.finditer(text, lo, start)), default=lo)
    stop = next((m.start() for m in _CLAUSE_EDGE.finditer(text, end, hi)), hi)
    return _PLUPERFECT.search(text, begin, stop) is not None


def reported(text: str, start: int) -> bool:
    """Whether a reporting verb governs the expression at ``start`` ("police said Monday")."""
    return _REPORTED.search(text, max(0, start - 40), start) is not None


def pluperfect_verb(text: str, lo: int, hi: int) -> bool:
    """Whether a past-perfect verb ("had sought", "had been found") stands in ``text[lo:hi]``."""
    return _PLUPERFECT.search(text, lo, hi) is not None


def mod_of(phrase: str | None) -> str | None:
    if not phrase:
        return None
    for word in phrase.lower().replace("-", " ").split():
        if word in _MOD:
            return _MOD[word]
    return None


def half_of(phrase: str | None) -> str | None:
    """``H1``/``H2`` for "the first half of", "the second/last/latter half of", else None."""
    words = (phrase or "").lower().split()
    if "half" not in words:
        return None
    return "H1" if "first" in words else "H2"


def make(
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
