"""Fatalities: counts of people killed, wounded or captured in a stretch of text.

``find`` reads every count in ``text[start:end]`` ("killing 11", "11 soldiers were killed",
"left dozens dead", "the bodies of five men", "at least 20 wounded") and says what it counts.
``deaths`` turns the counts of one clause or sentence into ACLED's fatality figure: deaths
only (casualties with no deaths give 0), vague words at ACLED's values (tens 10, dozens 12,
hundreds 100, several 3), "at least N"/"more than N" as N, ranges as their lower bound,
different victim groups added ("3 soldiers and 2 civilians"), differing reports of the same
group resolved to the smaller figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from conflictcoder import coded_tolls
from conflictcoder.actors import alternation
from conflictcoder.models import Span

KILLED = "killed"
WOUNDED = "wounded"
CAPTURED = "captured"
CASUALTIES = "casualties"

_UNITS = coded_tolls.NUMBER_WORDS
_VAGUE = {
    "a dozen": 12, "dozen": 12, "dozens": 12, "tens": 10, "hundreds": 100, "a hundred": 100,
    "thousands": 1000, "several": 3, "a few": 3, "few": 3, "a handful": 3, "some": 3,
    "a number": 3, "a couple": 2, "a pair": 2, "scores": 20, "a score": 20, "many": 10,
    "numerous": 10, "multiple": 3, "both": 2, "a": 1, "an": 1, "another": 1,
}  # fmt: skip
_WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four"
    r"|five|six|seven|eight|nine)|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
    r"(?:\s+hundred)?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_VAGUE_RE = "|".join(re.escape(w) for w in sorted(_VAGUE, key=len, reverse=True))
_NUMBER = re.compile(
    rf"(?<![\w.,-])(?P<qual>(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to"
    rf"|as\s+many\s+as|approximately|roughly|an\s+estimated|a\s+total\s+of|no\s+fewer\s+than"
    rf"|fewer\s+than|less\s+than|another|a\s+further|an\s+additional|between)\s+)?"
    rf"(?P<num>{_DIGITS}|{_WORD_NUMBER}|{_VAGUE_RE})"
    rf"(?P<range>\s*(?:-|–|to|or|and)\s*(?:{_DIGITS}|{_WORD_NUMBER}))?(?:\s+of)?(?![\w-])",
    re.IGNORECASE,
)
_NOT_PEOPLE = re.compile(
    r"\s*(?:%|percent|per\s+cent|years?|months?|weeks?|days?|hours?|minutes?|km|kilometers?"
    r"|kilometres?|miles?|metres?|meters?|pm|am|p\.m|a\.m|o'clock|million|billion|times"
    r"|vehicles?|cars?|houses?|homes?|buildings?|shops?|rockets?|missiles?|shells?|mortars?"
    r"|bombs?|blasts?|explosions?|villages?|towns?|districts?|provinces?|facilities|january"
    r"|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
_DEATH_AFTER = (
    r"killed|dead|died|dying|deaths?|fatalities|lost\s+their\s+lives|lost\s+his\s+life"
    r"|lost\s+her\s+life|perished|slain|murdered|executed|beheaded|massacred|lifeless|bodies|body"
    r"|corpses|fatality|shot\s+dead|gunned\s+down|found\s+dead|lynched|burned\s+to\s+death|stabbed\s+to\s+death"
)
_KIND_AFTER = re.compile(
    r"\b(?P<casualties>casualties|killed\s+or\s+(?:wounded|injured)|dead\s+or\s+(?:wounded|injured)"
    rf"|killed\s+and\s+(?:wounded|injured))\b|\b(?P<killed>{_DEATH_AFTER})\b"
    r"|\b(?P<wounded>wounded|injured|injuries|hurt|hospitali[sz]ed|maimed)\b"
    r"|\b(?P<captured>captured|arrested|abducted|kidnapped|detained|taken\s+hostage|taken\s+captive"
    r"|missing|held\s+hostage|rescued|freed|released)\b",
    re.IGNORECASE,
)
_KIND_BEFORE = re.compile(
    r"(?:(?P<killed>killing|killed|kills|kill|murdering|murdered|executing|executed|beheading"
    r"|massacring|slaughtering|beheaded|shot\s+dead|shooting\s+dead|gunned\s+down|gunning\s+down|claimed\s+the\s+lives\s+of|death\s+toll\s+(?:\w+\s+){0,3}(?:to|at|of)"
    r"|toll\s+(?:\w+\s+){0,2}(?:to|at|of)|bodies\s+of|body\s+of|(?:killing|killings|death|murder)\s+of|assassinating|assassinated|deaths\s+of|lives\s+of|leaving|left)"
    r"|(?P<wounded>wounding|injuring|wounded|injured)"
    r"|(?P<captured>abducting|kidnapping|capturing|arresting|detaining|abducted|kidnapped"
    r"|captured|arrested|detained|seized))\s+(?:the\s+|all\s+)?$",
    re.IGNORECASE,
)
# "shot and killed": one act, not two clauses (hyphenated in the working copy so "and" stays)
_COMPOUND = re.compile(
    r"\b(?:shot|stabbed|beaten|attacked|ambushed|tortured|abducted|kidnapped|identified|intercepted"
    r"|captured|surrounded|confronted|caught|detained|arrested)\s+and\s+(?:then\s+)?"
    r"(?:killed|murdered|executed)\b",
    re.IGNORECASE,
)
_AND_MORE = re.compile(
    r"\s+and\s+(?!(?:\d|at\s+least|an?\s|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|several|dozens|some|wound\w*|injur\w*|kill\w*)\b)[\w-]+",
    re.IGNORECASE,
)
# "No casualties were reported", "nobody was hurt": a stated zero
_NONE = re.compile(
    r"\b(?:no|zero|neither)\s+(?:(?:reported|known|immediate|other)\s+)?(?:casualties|fatalities"
    r"|deaths|deaths\s+or\s+injuries|injuries\s+or\s+deaths)\b|\bno(?:body|\s+one)\s+(?:was|were)\s+"
    r"(?:killed|hurt|injured|harmed)|\bwithout\s+(?:causing\s+)?(?:casualties|fatalities|deaths)\b",
    re.IGNORECASE,
)
# Between two counts of one list: "10 regime fighters and 8 militants"
_ENUM = re.compile(
    r"(?:\s+[\w'’-]+){0,6}?\s*,?\s+(?:and|as\s+well\s+as|along\s+with|plus)\s+", re.IGNORECASE
)
# One victim with no number: "the commander was assassinated", "killing him", "his death"
_LONE = re.compile(
    r"\b(?:was|has\s+been|had\s+been)\s+(?:reportedly\s+|allegedly\s+|later\s+|also\s+)?"
    r"(?:shot\s+and\s+|stabbed\s+and\s+)?(?:killed|shot\s+dead|assassinated|executed|murdered"
    r"|beheaded|lynched|stabbed\s+to\s+death|beaten\s+to\s+death|found\s+dead|slain"
    r"|gunned\s+down)\b|\b(?:killing|killed|executing|assassinating)\s+(?:him|her)\b"
    r"|\b(?:led\s+to|resulted\s+in|caused|causing)\s+(?:his|her)\s+(?:immediate\s+)?death\b"
    r"|\b(?:he|she|who)\s+(?:later\s+)?(?:died|succumbed|was\s+killed)\b|\bshot\s+to\s+death\b"
    r"|\b(?:shot\s+and\s+killed|killed|killing|assassinated|assassinating|executed|murdered"
    r"|beheaded)\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}?(?:commander|leader|head|member|officer"
    r"|soldier|fighter|man|woman|civilian|child|boy|girl|official|chief|driver|guard|policeman"
    r"|cleric|imam|journalist|activist|mayor|judge|teacher|doctor|trader|farmer|shepherd|resident"
    r"|employee|emir|militant|son|brother|father|elder|lawyer|student|worker)\b",
    re.IGNORECASE,
)
_ANOTHER = re.compile(
    r"[^.;,]{0,30}?\s(?:and|as\s+well\s+as|along\s+with)\s+(?:his|her|another|an?)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:son|wife|brother|father|daughter|escort|companion|bodyguard|guard"
    r"|driver|soldier|fighter|man|woman|child|civilian|member|friend|nephew|cousin)\b",
    re.IGNORECASE,
)
# "Five dead, plus the bomber": the attacker who died is counted too (ACLED §1.5)
_PLUS_ATTACKER = re.compile(
    r"\b(?:plus|in\s+addition\s+to|besides|as\s+well\s+as)\s+the\s+(?:(?P<n>two|three|four"
    r"|five|\d+)\s+)?(?:suicide\s+)?(?:bomber|attacker|assailant|gunman)(?P<many>s)?\b",
    re.IGNORECASE,
)
# ", including three officers and a guard," inside a count's noun phrase: skipped
_INCLUDING = re.compile(r",\s+including\s+[^,;()]{1,60},", re.IGNORECASE)
# Between a count and a breakdown of it ("15 militants including a commander", "11 killed,
# among them 3 officers"): the breakdown is part of the count, not more victims
_PART = re.compile(r"\bincluding\b|\bamong\s+(?:them|whom)\b", re.IGNORECASE)
_PART_REACH = 60  # characters from a count to the breakdown of it
_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)")
_STOP = re.compile(r"[;:()]|,\s|\s(?:and|but|while|as|after|before|when|who|which)\s", re.I)


_MONTH_BEFORE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+$"
)
_ARTICLES = frozenset({"a", "an", "another", "some", "both"})
_SINGLE = re.compile(
    r"(?:\s+[\w-]+){1,3}?\s+(?:was|has\s+been|had\s+been|is|were|have\s+been)\s+(?:reportedly\s+)?"
    rf"(?:{_DEATH_AFTER}|wounded|injured|abducted|kidnapped|arrested)\b|(?:\s+[\w-]+){{1,3}}?\s+died\b"
    r"|(?:\s+[\w'’-]+){0,2}?\s+(?:dead\s+)?body\b",
    re.IGNORECASE,
)
_CONJOINED = re.compile(r"(?:\s+[\w-]+){0,3}\s*(?:,|and|,\s*and)\s*", re.IGNORECASE)


def _cased(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern for lower-cased text (its words are lower case): case-sensitive matching
    is several times faster than ``re.IGNORECASE``."""
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


# name -> (pattern for the original text, pattern for its lower-cased copy)
_PAIRS = {
    name: (pattern, _cased(pattern))
    for name, pattern in (
        ("number", _NUMBER), ("not_people", _NOT_PEOPLE), ("kind_after", _KIND_AFTER),
        ("kind_before", _KIND_BEFORE), ("compound", _COMPOUND), ("and_more", _AND_MORE),
        ("none", _NONE), ("enum", _ENUM), ("lone", _LONE), ("including", _INCLUDING),
        ("another", _ANOTHER), ("plus", _PLUS_ATTACKER), ("part", _PART),
        ("stop", _STOP), ("single", _SINGLE), ("conjoined", _CONJOINED),
    )
}  # fmt: skip
_ORIGINAL = {name: pair[0] for name, pair in _PAIRS.items()}
_LOWERED = {name: pair[1] for name, pair in _PAIRS.items()}


def _searched(text: str, lower: str | None) -> tuple[str, dict[str, re.Pattern[str]]]:
    """The string to search (``text.lower()`` when it keeps every offset) and its patterns."""
    if lower is None:
        lower = text.lower()
    return (lower, _LOWERED) if len(lower) == len(text) else (text, _ORIGINAL)


@dataclass(frozen=True, slots=True)
class Count:
    """A count of people in the text: ``value`` is already ACLED's conservative reading."""

    value: int
    kind: str  # killed, wounded, captured, casualties
    span: Span  # the number phrase ("at least 11", "dozens")
    vague: bool
    noun: str | None = None  # the victims' noun when given ("soldiers")


def _value(number: str) -> tuple[int, bool] | None:
    word = re.sub(r"\s+", " ", number.lower().strip())
    if word in _VAGUE:
        return _VAGUE[word], True
    if word[:1].isdigit():
        return int(word.replace(",", "")), False
    hundred = word.endswith(" hundred")
    word = word.removesuffix(" hundred")
    parts = re.split(r"[-\s]", word)
    if not all(p in _UNITS for p in parts):
        return None
    total = sum(_UNITS[p] for p in parts)
    return (total * 100 if hundred else total), False


def _kind_after(
    text: str, start: int, end: int, res: dict[str, re.Pattern[str]] = _ORIGINAL
) -> tuple[str | None, str | None]:
    """The kind word in the few words after a number, and the noun between them (``res``:
    the patterns for ``text``, ``_LOWERED`` when it is lower-cased)."""
    window = text[start : min(end, start + 90)]
    if "(" in window:
        window = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), window)
    if "including" in window:
        window = res["including"].sub(lambda m: " " * len(m.group(0)), window)
    window = res["compound"].sub(lambda m: m.group(0).replace(" ", "-"), window)
    stop_re, kind_re = res["stop"], res["kind_after"]
    stop = stop_re.search(window)
    clause = window[: stop.start()] if stop else window
    match = kind_re.search(clause)
    if match is None and stop is not None and res["and_more"].match(window, stop.start()):
        # "6 regime and pro-regime fighters were killed": "and" joins nouns, not clauses
        further = stop_re.search(window, stop.end())
        clause = window[: further.start()] if further else window
        match = kind_re.search(clause)
    if match is None or len(clause[: match.start()].split()) > 6:
        # "left dozens dead": the kind word may follow a short noun phrase
        return None, None
    # "15 militants including a commander were killed": the victims are the militants
    head = clause[: match.start()].partition(" including ")[0]
    words = [w for w in re.findall(r"[A-Za-z]+", head) if w.lower() not in
             {"were", "was", "been", "have", "had", "has", "are", "is", "reportedly", "also",
              "people", "persons", "more", "others", "other", "of", "the", "them"}]  # fmt: skip
    noun = words[-1].lower() if words else None
    kind = match.lastgroup
    return kind, noun


# Every kind word above starts with one of these stems: a range without any counts nothing.
_KIND_STEMS = (
    "kill dead die dying death fatalit lives life perish slain murder execut behead massacr body"
    " bodies corpse shot shoot gunn lynch burn stab casualt wound injur hurt hospitali maim captur"
    " arrest abduct kidnap detain hostage captive missing rescu freed releas assassin slaughter"
    " toll seiz claimed"
).split()
# ... and the words of a coding remark, a stated zero ("nobody was harmed"), a lone victim
# ("he succumbed") or a split: lower-cased text without any of them reports no toll.
_TOLL_STEMS = "harm succumb shar cod split distribut divid allocat spread total".split()
# Both for lower-cased text, as prefix tries (one branch per first letter: over twice as
# fast to search as the flat list of stems).
_ANY_KIND_LOWER = re.compile(alternation(_KIND_STEMS))
_ANY_TOLL = re.compile(alternation([*_KIND_STEMS, *_TOLL_STEMS]))


def find(
    text: str, start: int = 0, end: int | None = None, lower: str | None = None
) -> tuple[Count, ...]:
    """Every count of killed, wounded, captured people or casualties in the range
    (``lower``: ``text.lower()`` when the caller has it)."""
    src, res = _searched(text, lower)
    return _find(text, src, res, start, len(text) if end is None else end)


def _find(
    text: str, src: str, res: dict[str, re.Pattern[str]], start: int, stop: int
) -> tuple[Count, ...]:
    """``find`` in ``src`` (``text`` or its lower-cased copy) with its patterns ``res``."""
    if res is _LOWERED:  # case-sensitive is faster
        if not _ANY_KIND_LOWER.search(src, start, stop):
            return ()
    elif not _ANY_KIND_LOWER.search(text[start:stop].lower()):
        return ()
    counts: list[Count] = []
    pending: list[tuple[Span, int, bool, str | None]] = []
    not_people, kind_before, single = res["not_people"], res["kind_before"], res["single"]
    told = None  # where the last count ends
    for match in res["number"].finditer(src, start, stop):
        parsed = _value(match.group("num"))
        if parsed is None:
            continue
        value, vague = parsed
        if not_people.match(src, match.end(), stop):
            continue
        number = match.group("num")
        if _MONTH_BEFORE.search(text, max(start, match.start() - 12), match.start()):
            continue
        if number[:1].isdigit() and len(number) == 4 and 1900 <= int(number) <= 2100:
            continue
        before = kind_before.search(src[max(start, match.start() - 45) : match.start()])
        article = number.lower() in _ARTICLES
        if article and before is None and not single.match(src, match.end(), stop):
            continue
        part = (
            told is not None
            and match.start() - told <= _PART_REACH
            and res["part"].search(src, told, match.start()) is not None
            and _CLAUSE_END.search(src, told, match.start()) is None
        )
        told = match.end()
        if part:
            continue
        after_kind, noun = _kind_after(src, match.end(), stop, res)
        if before is not None and before.group(0).strip().lower() in ("leaving", "left"):
            kind = after_kind
        elif before is not None and not (before.lastgroup == KILLED and after_kind == WOUNDED):
            kind = before.lastgroup
        else:
            kind = after_kind
        span = Span(match.start(), match.end())
        if kind is None and counts and counts[-1].kind == KILLED:
            # "the killing of 10 soldiers and 8 militants": the list shares the verb
            between = src[counts[-1].span.end : match.start()]
            if res["enum"].fullmatch(between) and not res["kind_after"].search(between):
                kind = KILLED
        if kind is None:
            pending.append((span, value, vague, noun))
            continue
        # "three soldiers and two civilians were killed": the first count shares the kind
        for p_span, p_value, p_vague, p_noun in pending:
            if res["conjoined"].fullmatch(src, p_span.end, match.start()):
                counts.append(Count(p_value, kind, p_span, p_vague, p_noun or _noun(src, p_span)))
        pending = []
        counts.append(Count(value, kind, span, vague, noun or _noun(src, span)))
    return tuple(sorted(counts, key=lambda c: c.span))


_NOT_NOUNS = frozenset({"people", "persons", "others", "other", "more", "of", "the", "were", "was"})


def _noun(text: str, span: Span) -> str | None:
    word = re.match(r"\s+([A-Za-z]+)", text[span.end : span.end + 30])
    noun = word.group(1).lower() if word else None
    return None if noun in _NOT_NOUNS else noun


def coded(text: str, start: int = 0, end: int | None = None, lower: str | None = None) -> bool:
    """Whether the range states ACLED's coded fatality figure ("fatalities coded as 10",
    "Total fatalities 30", "split 5 each between the two locations"); ``lower``:
    ``text.lower()`` of the same length, when the caller has it (a faster first test)."""
    stop = len(text) if end is None else end
    if lower is not None and not coded_tolls.possible(lower, start, stop):
        return False
    return coded_tolls.remark(text, start, stop) is not None or coded_tolls.splits(
        text, start, stop
    )


def deaths(
    text: str, start: int = 0, end: int | None = None, lower: str | None = None
) -> tuple[int | None, tuple[Span, ...]]:
    """ACLED fatalities reported in the range: ``(None, ())`` when no count is given.

    Counts of different victim groups add up; repeated counts of the same group (or with no
    noun) keep the smallest. Casualty or injury figures alone give 0. ``lower``:
    ``text.lower()`` when the caller has it.
    """
    src, res = _searched(text, lower)
    return _deaths(text, src, res, start, len(text) if end is None else end)


def _deaths(
    text: str, src: str, res: dict[str, re.Pattern[str]], start: int, stop: int
) -> tuple[int | None, tuple[Span, ...]]:
    """``deaths`` in ``src`` (``text`` or its lower-cased copy) with its patterns ``res``."""
    lowered = src if res is _LOWERED else None  # what the callees may search instead
    if lowered is not None and not _ANY_TOLL.search(lowered, start, stop):
        return None, ()  # no word any count, remark, stated zero or split could use
    remarked = coded_tolls.remark(text, start, stop, lowered)
    if remarked is not None:
        return remarked
    counts = _find(text, src, res, start, stop)
    killed = [c for c in counts if c.kind == KILLED]
    if not killed and (lone := res["lone"].search(src, start, stop)) is not None:
        # "killed the commander as well as his son": a second victim joined to the first
        second = res["another"].match(src, lone.end(), min(stop, lone.end() + 50))
        return (2 if second else 1), (Span(lone.start(), lone.end()),)
    if not counts:
        none = res["none"].search(src, start, stop)
        if none is not None:
            return 0, (Span(none.start(), none.end()),)
        return _split_earlier(text, src, res, start, stop)
    if not killed:
        spans = tuple(c.span for c in counts if c.kind == CASUALTIES)
        return (0, spans) if spans else (None, ())
    groups: dict[str | None, Count] = {}
    for count in killed:
        kept = groups.get(count.noun)
        if kept is None or count.value < kept.value:
            groups[count.noun] = count
    if None in groups and len(groups) > 1:
        # an un-nouned total next to nouned parts ("killing 11, including 3 officers")
        lone = groups.pop(None)
        named = sum(c.value for c in groups.values())
        if lone.value >= named:
            return lone.value, (lone.span,)
        groups[None] = lone
    chosen = sorted(groups.values(), key=lambda c: c.span)
    total = sum(c.value for c in chosen)
    shared = coded_tolls.across(text, start, stop) if "across" in src[start:stop] else None
    if shared and shared > 1:  # "7 killed across both attacks": this event's share
        total = (total + shared // 2) // shared
    plus = res["plus"].search(src, start, stop)
    if plus is not None:  # "in addition to the two bombers": they count too (ACLED §1.5)
        total += _value(plus.group("n"))[0] if plus.group("n") else 0 if plus.group("many") else 1
    return total, tuple(c.span for c in chosen)


def _split_earlier(
    text: str, src: str, res: dict[str, re.Pattern[str]], start: int, stop: int
) -> tuple[int | None, tuple[Span, ...]]:
    """ "30 were killed. Fatalities distributed over A, B and C.": the deaths of the sentence
    before, shared between the events the range names."""
    if not coded_tolls.splits(text, start, stop, src if res is _LOWERED else None):
        return None, ()
    before = max(text.rfind(". ", 0, max(0, start - 2)) + 2, 0)
    total, spans = _deaths(text, src, res, before, start)
    if not total:
        return None, ()
    share = coded_tolls.share(text, start, stop, total, src if res is _LOWERED else None)
    return (share, (*spans, Span(start, stop))) if share is not None else (None, ())
