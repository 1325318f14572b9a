"""ACLED's own fatality remarks in event notes: the coded figure and its split between events.

ACLED notes often end with a coding remark that overrides the counts told before it:
"Unknown number of fatalities coded as 10", "Total fatalities 30", "2 additional
fatalities coded for the suicide bombers", "Total fatalities of 66 split as follows: Jamla
14, Karnaz 13, ...", "coded as 10 and split, 5 each, between the two locations",
"Distributed fatalities over the activities in A, B and C". ``remark`` reads such a remark
in a sentence and returns the figure of the event the note reports: the allocation of the
place the note names first, the stated share ("5 each"), or the total divided by the number
of events (rounded to the nearest: ACLED gives the remainder to some events). A split told
in a sentence of its own takes the coded total stated before it. Free news text has no such
remarks; ``fatalities.deaths`` consults this module first.
"""

from __future__ import annotations

import re

from conflictcoder.models import Span

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_N = r"(?:\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_FATAL = r"(?:fatalit(?:y|ies)|deaths|casualties|fatality\s+count)"
_GO = r"(?:split|distributed|divided|spread|allocated|shared)"
_GO_WORD = re.compile(rf"\b{_GO}\b", re.I)
_CODED_WORD = re.compile(r"\b(?:coded|allocated)\b", re.I)
# A quick test: a sentence with none of these words holds no remark.
_ANY = re.compile(r"cod(?:ed|ing)|split|distribut|divided|allocat|spread|total", re.I)
_ANY_LOWER = re.compile(_ANY.pattern)  # for lower-cased text: case-sensitive is faster
_GO_LOWER = re.compile(_GO_WORD.pattern)
# Every word a remark (``_ANY``) or a split (``_GO``) needs: a quick test of lower-cased text.
_ANY_OR_GO_LOWER = re.compile(_ANY.pattern + "|shared")

# The coded total, strongest wording first (each pattern's number is group "n").
_TOTALS = (
    re.compile(
        rf"\btotal\s+(?:number\s+of\s+)?{_FATAL},?\s+(?:(?:is|are|was|were|of|at|to|as|coded"
        rf"|reported|recorded|:)\s*,?\s*){{0,3}}(?P<n>{_N})\b",
        re.I,
    ),
    re.compile(
        rf"\ba\s+total\s+fatality\s+count\s+of\s+(?P<n>{_N})\b"
        rf"|\ba\s+total\s+of\s+(?P<m>{_N})\s+(?:\w+\s+)?{_FATAL}",
        re.I,
    ),
    re.compile(
        rf"\b(?:these\s+|the\s+|with\s+the\s+)?(?P<n>{_N})\s+(?:combined\s+|total\s+|known\s+)?"
        rf"{_FATAL}\s+(?:(?:were|are|was|is)\s+)?(?:(?:coded|reported)\s+(?:and\s+)?)?{_GO}\b",
        re.I,
    ),
    re.compile(rf"\b{_GO}\s+(?P<n>\d+)\s+{_FATAL}", re.I),
    re.compile(
        rf"\b(?:{_FATAL}|unknown|number|killed|dead|injured|wounded)\b[^.;]{{0,80}}?"
        rf"\b(?:coded|recorded)\s+(?:as|to|at|a|at\s+a\s+total\s+of)?\s*(?P<n>{_N})\b"
        rf"(?!\s+(?:fatalit(?:y|ies)\s+)?(?:each|coded|(?:to|at|in|for)\b(?!\s+account)))",
        re.I,
    ),
    re.compile(rf"\bunknown\s+{_FATAL}\s+(?P<n>\d+)\s+{_GO}", re.I),
    re.compile(rf"\bcoded\s+(?:the\s+)?{_FATAL}\s+(?:to|as|at)\s+(?P<n>{_N})\b", re.I),
)
# "2 additional fatalities coded for the suicide bombers": added to the coded total.
_ADDITIONAL = re.compile(
    rf"\b(?P<n>{_N}|an?)\s+additional\s+fatalit(?:y|ies)\s+(?:(?:coded|added|counted)\s+)?"
    r"(?:for|of)\s+(?:the\s+)?(?:suicide|attacker|bomber)",
    re.I,
)
# "with 6 fatalities coded to this location": the share of this very event.
_THIS = re.compile(
    rf"\b(?P<n>{_N})\s+(?:fatalit(?:y|ies)\s+)?(?:(?:were|was)\s+)?(?:coded|allocated)\s+"
    r"(?:to|at|for|in)\s+this\s+(?:location|event|area)",
    re.I,
)
# "split, 5 each", "with each allocated 5", "with 2 coded to each", "23 fatalities coded at each"
_EACH = re.compile(
    rf"(?:,\s*|\bsplit\s+|\bdivided\s+|\bwith\s+)(?P<n>{_N})\s+(?:fatalit(?:y|ies)\s+)?each\b"
    rf"|\beach\s+(?:event\s+|location\s+)?allocated\s+(?P<m>{_N})\b(?!\s+(?:and|,))"
    rf"|\b(?P<k>{_N})\s+(?:fatalit(?:y|ies)\s+)?(?:coded|allocated)\s+(?:to|at|for|in)\s+each\b",
    re.I,
)
# "between the 3 locations", "over two events", "across both villages"
_COUNT = re.compile(
    rf"\b(?:between|among|amongst|across|over|into)\s+(?:the\s+)?(?P<n>{_N}|both)\s+"
    r"(?:known\s+)?(?:events?|locations?|areas?|villages?|towns?|sites?|places?|fronts?"
    r"|clashes|incidents?|days|neighbou?rhoods?|strikes|activities)\b",
    re.I,
)
# "split between Al-Qaboun and Jobar", "over the activities in Sruj, Bleil and Al-Jakusiyah"
_NAMED = re.compile(
    rf"\b{_GO}\s+(?:evenly\s+)?(?:between|among|across|over)\s+(?:the\s+)?(?:activit(?:y|ies)"
    r"\s+(?:locations\s+)?(?:in\s+)?(?:locations\s+)?|clashes\s+in\s+)?(?P<names>[A-Z][^.;()]*)",
)
_NAMED_LOOSE = re.compile(
    r"\b(?:distributed|divided|split)\s+(?:fatalities|casualties\s+)?\s*(?:over|between)\s+"
    r"(?:the\s+)?(?:activit(?:y|ies)\s+)?(?:locations\s+)?(?:in\s+)?(?:locations\s+)?"
    r"(?P<names>[A-Z][^.;()]*)",
    re.I,
)
_NAME = r"(?>[A-Z][\w'’-]*(?:\s+(?:al|el|as|ash|ad|ar|an|at|of|the|de)\s+[\w'’-]+|\s+[A-Z][\w'’-]*){0,3})"
# Allocations: "Jamla 14", "4 Baghuz", "11 coded to Ash Shajilah", "Abu Rweil allocated 15",
# "Hit and Eastern Bekar allocated 3 each".
_ALLOC_AFTER = re.compile(
    rf"(?P<n>\d+|{_N})\s+(?:fatalit(?:y|ies)\s+)?(?:each\s+)?(?:(?:were\s+|was\s+)?(?:coded|allocated)"
    rf"\s+)?(?:(?:to|at|for|in)\s+)?(?:fighting\s+(?:at|in)\s+)?(?:the\s+towns?\s+of\s+)?"
    rf"(?:the\s+)?(?P<names>(?>{_NAME}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+){_NAME})*))",
)
_ALLOC_BEFORE = re.compile(
    rf"(?P<names>(?>{_NAME}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+){_NAME})*))\s+(?:(?:each\s+)?allocated"
    rf"\s+)?\(?(?P<n>\d+|{_N})\)?(?:\s+(?:fatalit(?:y|ies)\s+)?each)?\b",
)
_SPLIT_WORD = re.compile(rf"\b{_GO}\b|\bas\s+follows\b|\brespectively\b", re.I)
_STOPWORDS = frozenset(
    {"Total", "Fatalities", "Unknown", "The", "These", "With", "And", "Clashes", "In", "Each"}
)


def _cased(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern for lower-cased text: case-sensitive matching is several times faster."""
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


# Patterns with no upper-case part, for a lower-cased copy of the text (same offsets).
_TOTALS_LOWER = tuple(_cased(p) for p in _TOTALS)
_ADDITIONAL_LOWER = _cased(_ADDITIONAL)
_CODED_LOWER = _cased(_CODED_WORD)
_THIS_LOWER = _cased(_THIS)
_EACH_LOWER = _cased(_EACH)
_COUNT_LOWER = _cased(_COUNT)
_SPLIT_LOWER = _cased(_SPLIT_WORD)


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word, 2 if word == "both" else None)


def _names(group: str) -> list[str]:
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", group.strip())
    return [p.strip() for p in parts if p.strip() and p.strip() not in _STOPWORDS]


def _total(text: str, start: int, end: int, lower: str | None = None) -> tuple[int, Span] | None:
    patterns, src = (_TOTALS, text) if lower is None else (_TOTALS_LOWER, lower)
    for pattern in patterns:
        found = list(pattern.finditer(src, start, end))
        if found:
            last = found[-1]
            group = "n" if last.group("n") else "m"
            value = _number(last.group(group))
            if value is not None:
                return value, Span(last.start(group), last.end(group))
    return None


def _first_place(text: str, names: list[str], before: int) -> int:
    """Where the note first names any of ``names`` before the remark (large: never)."""
    best = len(text) + 1
    for name in names:
        raw = name.split()[-1] if name.lower().startswith("other ") else name
        if text.find(raw, 0, before) < 0:
            continue  # a quick test: the name is not in the text at all
        match = re.search(rf"(?<![\w-]){re.escape(raw)}(?![\w-])", text[:before])
        if match is not None:
            best = min(best, match.start())
    return best


def _allocated(text: str, start: int, end: int, total: int) -> int | None:
    """The allocation of the place the note names first, when the remark lists them."""
    groups: list[tuple[int, list[str]]] = []
    for pattern in (_ALLOC_AFTER, _ALLOC_BEFORE):
        for match in pattern.finditer(text, start, end):
            value = _number(match.group("n"))
            names = _names(match.group("names"))
            if value is None or not names or value > total:
                continue
            groups.append((value, names))
    if len(groups) < 2 and not (groups and len(groups[0][1]) > 1):
        return None
    ranked = [(_first_place(text, names, start), value) for value, names in groups]
    place, value = min(ranked)
    return value if place <= len(text) else None


def _share(
    text: str, start: int, end: int, total: int, after: int, lower: str | None = None
) -> tuple[int, bool]:
    """This event's part of ``total`` told in ``text[after:end]``; True when split
    (``lower``: the lower-cased text, when the caller has it)."""
    low = (lower, _THIS_LOWER, _SPLIT_LOWER, _EACH_LOWER, _COUNT_LOWER) if lower else None
    src, this_re, split_re, each_re, count_re = low or (text, _THIS, _SPLIT_WORD, _EACH, _COUNT)
    if (this := this_re.search(src, after, end)) is not None:
        return _number(this.group("n")) or 0, True
    if not split_re.search(src, after, end):
        return total, False
    allocated = _allocated(text, after, end, total)
    if allocated is not None:
        return allocated, True
    if (each := each_re.search(src, after, end)) is not None:
        value = _number(each.group("n") or each.group("m") or each.group("k"))
        if value is not None and value <= total:
            return value, True
    count = None
    if (counted := count_re.search(src, after, end)) is not None:
        count = _number(counted.group("n"))
    elif named := _NAMED.search(text, after, end) or _NAMED_LOOSE.search(text, after, end):
        count = len(_names(named.group("names"))) or None
    if count is None or count < 2:
        return total, False
    return (total + count // 2) // count, True


def remark(
    text: str, start: int = 0, end: int | None = None, lower: str | None = None
) -> tuple[int, tuple[Span, ...]] | None:
    """This event's fatalities from an ACLED coding remark in ``text[start:end]``, with the
    span of the coded figure; None when the range holds no remark (``lower``:
    ``text.lower()`` of the same length, when the caller has it: a faster first test)."""
    stop = len(text) if end is None else end
    if not (_ANY_LOWER.search(lower, start, stop) if lower else _ANY.search(text, start, stop)):
        return None
    src = lower or text
    extra_re = _ADDITIONAL_LOWER if lower else _ADDITIONAL
    total = _total(text, start, stop, lower)
    if total is None:
        # "Distributed fatalities over A and B.", "2 additional fatalities coded for the
        # suicide bombers.": the coded total told before
        extra = extra_re.search(src, start, stop)
        if extra is None and (_CODED_LOWER if lower else _CODED_WORD).search(src, start, stop):
            # "4 fatalities coded to A and 3 to B.": the share of the place named first
            allocated = _allocated(text, start, stop, 10**6)
            if allocated is not None:
                return allocated, (Span(start, stop),)
        if extra is None and not (_GO_LOWER if lower else _GO_WORD).search(src, start, stop):
            return None
        total = _total(text, 0, start, lower)
        if total is None:
            return None
        if extra is not None:
            value = total[0] + (_number(extra.group("n")) or 1)
            return value, (total[1], Span(extra.start("n"), extra.end("n")))
        value, split = _share(text, start, stop, total[0], start, lower)
        return (value, (total[1],)) if split else None
    value, span = total
    extra = extra_re.search(src, start, stop)
    if extra is not None and extra.start() > span.start:
        value += _number(extra.group("n")) or 1
    share, _ = _share(text, start, stop, value, span.end, lower)
    return share, (span,)


def possible(lower: str, start: int, end: int) -> bool:
    """False when ``lower[start:end]`` (lower-cased ASCII text) surely holds no ``remark``
    and tells no ``splits``: it has none of their words (one fast search for both)."""
    return not lower.isascii() or _ANY_OR_GO_LOWER.search(lower, start, end) is not None


def splits(text: str, start: int = 0, end: int | None = None, lower: str | None = None) -> bool:
    """Whether the range says fatalities told before are split between events (``lower``:
    ``text.lower()`` of the same length, when the caller has it)."""
    stop = len(text) if end is None else end
    if lower:
        return bool(_GO_LOWER.search(lower, start, stop))
    return bool(_GO_WORD.search(text, start, stop))


def share(text: str, start: int, end: int, total: int, lower: str | None = None) -> int | None:
    """This event's part of ``total`` by the split the range tells, or None (``lower``:
    ``text.lower()`` of the same length, when the caller has it)."""
    value, split = _share(text, start, end, total, start, lower)
    return value if split else None


# "killed across both attacks", "across which at least seven people were killed" (after "one
# of seven such attacks"): a toll for several events, each of which is reported on its own.
_ACROSS = re.compile(
    rf"\b(?:across|in)\s+(?:(?:both|all|the|these|those)\s+)*(?P<n>{_N}\s+)?(?:of\s+the\s+)?"
    r"(?:attacks|incidents|blasts|bombings|explosions|events)\b|\bacross\s+which\b",
    re.I,
)
_ONE_OF = re.compile(
    rf"\bone\s+of\s+(?P<n>{_N})\s+(?:\w+\s+){{0,2}}(?:attacks|incidents|blasts|bombings"
    r"|explosions|events)\b",
    re.I,
)


def across(text: str, start: int = 0, end: int | None = None) -> int | None:
    """The number of events a toll in ``text[start:end]`` covers ("across both attacks"), or
    None when it is told for one event."""
    stop = len(text) if end is None else end
    found = _ACROSS.search(text, start, stop)
    if found is None:
        return None
    if found.group("n"):
        return _number(found.group("n").strip())
    if re.match(r"(?:across|in)\s+both\b", found.group(0), re.I):
        return 2
    told = _ONE_OF.search(text, 0, stop)
    return _number(told.group("n")) if told is not None else None
