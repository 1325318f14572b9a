"""Recognition rules of the temporal tagger: one compiled pattern per expression family.

Extents follow TimeML: prepositions ("on", "in", "at") stay outside; determiners and
modifiers that belong to the expression ("the past", "early", "about", "last") stay inside.
``accept`` filters matches that need context (month names that are ordinary words, bare
years that are quantities).
"""

from __future__ import annotations

import re

_F = re.IGNORECASE

MON = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)"
)
_FULL_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_SMALL = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen"
)
NUM = (
    r"(?:\d[\d,]*(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|" + _SMALL + r"|a\s+couple\s+of|"
    r"a\s+few|a\s+dozen|a\s+single|a\s+number\s+of|couple\s+of|dozens\s+of|hundreds\s+of|"
    r"(?:a\s+)?hundred|"
    r"a|an|few|several|many|some|numerous)"
)
# "last" as an adjective, not the verb of "may last three years"
_LAST_ADJ = "last" + "".join(
    rf"(?<!\b{verb}\slast)" for verb in "may might will would could can should must to did".split()
)
# The lower end of a range of amounts: "two to three weeks", "12-18 months", "two or three days".
LOW = (
    r"(?P<lo>\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|" + _SMALL + r")"
    r"\s*(?:to|or|-|–)\s*"
)
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?"
    r"|decades?|century|centuries)"
)
APPROX = (
    r"(?:about|around|approximately|roughly|nearly|almost|more\s+than|less\s+than|fewer\s+than"
    r"|well\s+over|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|some)"
)
DAY_APPROX = r"(?:around|about|approximately|circa|on\s+or\s+about)"
POD = r"(?:morning|afternoon|evening|night)"
MOD = (
    r"(?:early|late|mid|the\s+(?:beginning|end|start|middle|(?:first|second|last|latter)\s+half)"
    r"\s+of)"
)
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_YY = rf"(?:{_TENS}(?:[-\s]{_ONES})?|{_TEENS}|oh[-\s]{_ONES})"
# A year in words: "nineteen ninety-four", "two thousand and one", "twenty thirteen".
SPOKEN_YEAR = (
    rf"(?:(?:eighteen|nineteen|twenty)[-\s]+{_YY}\b(?![-\s]+(?:years?|percent|people|per)\b)"
    rf"|two\s+thousand(?:[-\s]+(?:and\s+)?(?:{_TENS}(?:[-\s]{_ONES})?|{_TEENS}|{_ONES}))?\b)"
)
_ORD_ONES = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
# A day of the month in words: "March eighth", "the twenty-first of June".
DAY_WORD = (
    rf"(?:{_ORD_ONES}|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
    rf"seventeenth|eighteenth|nineteenth|twentieth|thirtieth|(?:twenty|thirty)[-\s]{_ORD_ONES})"
)
_CLOCK_DAY = (
    r"\s+(?:(?P<rw>this|yesterday|tomorrow)\s+(?P<rpod>morning|afternoon|evening)"
    r"|(?P<rw2>tonight|last\s+night))\b"
)
# "three straight days", "two full weeks", "an additional year": the count still measures the unit
_ADJ = r"(?:(?:full|straight|consecutive|additional|extra)\s+)?"
_CLAUSE_END = r"(?=\s*(?:[,.;:!?)\"”]|--|—|$|and\b|but\b|when\b|while\b|as\b))"

_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<y>[12]\d{3})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
    (
        "slash",
        r"\b(?<!\d[-./])(?P<a>\d{1,2})(?:/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})"
        r"|(?P<sep>[-.])(?P<b2>\d{1,2})(?P=sep)(?P<y2>\d{4}))\b(?![-./]\d)",
    ),
    (
        "mdy",
        rf"\b(?:(?P<approx>{DAY_APPROX})\s+)?(?:(?P<wd>{WD}),?\s+)?(?:(?P<mod>early|late|mid)[-\s]+)?"
        rf"(?P<mon>{MON})\b\.?\s*"
        rf"(?:(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\.\d|,(?![12]\d{{3}}\b)\d|:\d)|(?P<dw>{DAY_WORD})\b)"
        rf"(?:(?:,\s*|\s+)(?P<y>[12]\d{{3}})\b|,?\s+(?P<yw>{SPOKEN_YEAR}))?",
    ),
    (
        "dmy",
        rf"\b(?:(?P<approx>{DAY_APPROX})\s+)?(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?:(?P<d>[0-3]?\d)"
        rf"(?:st|nd|rd|th)?\s+(?:of\s+)?|(?P<dw>{DAY_WORD})\s+of\s+)"
        rf"(?P<mon>{MON})\b(?:\.(?=\s*\d))?(?:,?\s+(?P<y>[12]\d{{3}})\b|,?\s+(?P<yw>{SPOKEN_YEAR}))?",
    ),
    (
        "monyear",
        rf"\b(?:(?P<mod>{MOD})[-\s]+)?(?:(?P<rel>last|next|this|past|coming)\s+)?"
        rf"(?P<mon>{MON})\b(?:\.(?=\s*\d))?(?:,?\s+(?:of\s+)?(?P<y>[12]\d{{3}})\b|,?\s+(?:of\s+)?(?P<yw>{SPOKEN_YEAR})"
        r"|\s+(?P<rel2>last|this|next)\s+year\b)?",
    ),
    (
        "year",
        rf"\b(?:(?P<mod>{MOD})[-\s]+)?(?:(?P<fiscal>fiscal(?:\s+year)?)\s+)?"
        r"(?P<y>1[6-9]\d\d|20\d\d)\b(?!\s*%|[-,.:/]\d|\s+percent|'s?\b)",
    ),
    ("decade", r"\b(?:the\s+)?(?:(?P<mod>early|late|mid)[-\s]+)?(?P<y>1[5-9]\d|20\d)0'?s\b"),
    ("decade2", r"(?:\bthe\s+)?(?:\b(?P<mod>early|late|mid)[-\s]+)?['‘’](?P<yy>\d)0s\b"),
    (
        "century",
        r"\b(?:the\s+)?(?P<n>(?:[12]\d|[1-9])(?:st|nd|rd|th)|twenty[-\s]first|twentieth|nineteenth)\s+century\b",
    ),
    (
        "weekday",
        rf"\b(?:(?P<pre>midnight|noon|dawn)\s+)?(?:the\s+(?P<rel2>previous|preceding|following)\s+"
        rf"|(?P<rel>last|next|this|past|coming|previous)\s+)?"
        rf"(?:(?P<mod>early|late|earlier|later)\s+)?(?P<wd>{WD})(?P<pl>s)?\b"
        rf"(?:\s+(?P<pod>{POD}|dawn|noon|midnight)(?P<pl2>s)?\b)?",
    ),
    (
        "relday",
        rf"\b(?:(?P<mod>early|late|earlier|later)\s+|mid[-\s]?(?P<pod3>afternoon|morning)\s+)?"
        rf"(?:(?P<dayb>the\s+day\s+(?:before|after)\s+)?"
        rf"(?P<w>today|tonight|yesterday|tomorrow)|(?P<w2>this|last|yesterday|tomorrow)\s+"
        rf"(?P<pod2>{POD}))\b(?:\s+(?P<pod>{POD})\b)?",
    ),
    ("overnight", r"\bovernight\b"),
    ("yearend", r"\b(?:(?P<approx>around|about)\s+)?(?:year[-\s]end|year['’]s\s+end)\b(?!-)"),
    (
        "present",
        r"\b(?:now|currently|nowadays|at\s+present|at\s+the\s+moment|these\s+days"
        r"|current)\b(?!-)",
    ),
    ("past", r"\b(?:recently|formerly|lately|the\s+past)\b"),
    (
        "future",
        r"\b(?:(?<!\bas\s)soon(?!\s+(?:after|as|before|afterwards?)\b)"
        r"|the\s+(?:near\s+|foreseeable\s+|distant\s+)?future|the\s+(?:near|short)\s+term)\b",
    ),
    (
        "unitrel",
        rf"\b(?:(?P<mod>early|late|earlier|later|mid|{MOD})[-\s]+)?(?:(?P<the>the)\s+)?"
        r"(?P<rel>last|next|this(?:\s+past)?|past|coming|previous|current|following|same|"
        r"preceding|latest|present)\s+(?P<unit>week|weekend|month|year|quarter|decade|century"
        r"|fiscal\s+year)\b",
    ),
    (
        "theyear",
        rf"\b(?:(?P<mod>{MOD})\s+)?the\s+(?:(?P<adj>fiscal|full)\s+)?"
        r"(?P<unit>year|quarter|month|week|weekend|decade|century)\b"
        r"(?!\s+(?:before|after|earlier|later|ago)\b|-)",
    ),
    (
        "spokenyear",
        rf"\b(?:the\s+year\s+)?(?P<yw>{SPOKEN_YEAR})",
    ),
    (
        "decade3",
        r"\b(?:the\s+)?(?:(?P<c>eighteen|nineteen)[-\s]+)?(?P<w>twenties|thirties|forties|fifties"
        r"|sixties|seventies|eighties|nineties)\b",
    ),
    (
        "ago",
        rf"\b(?:(?P<approx>{APPROX})\s+)?(?:(?P<num>{NUM})[-\s]+)?(?P<unit>{UNIT})(?:\s+or\s+so)?\s+"
        r"(?P<dir>ago|earlier|later|from\s+now|hence|back|"
        rf"before{_CLAUSE_END}|after{_CLAUSE_END}|prior{_CLAUSE_END})",
    ),
    (
        "duration",
        rf"\b(?:(?P<approx>{APPROX})\s+)?(?:(?P<the>the)\s+)?(?:(?P<rel>past|{_LAST_ADJ}|next|first|"
        r"coming|previous|following|final|latest|initial|remaining|preceding|other)\s+)?"
        rf"(?P<num>{NUM})(?P<half>\s+1/2|[-\s]+and[-\s]+a[-\s]+half)?(?:\s+more)?[-\s]+{_ADJ}"
        rf"(?P<unit>{UNIT})\b(?P<half2>\s+and\s+a\s+half\b)?(?:\s+or\s+so\b)?(?:-(?P<long>long))?"
        r"(?!-old|\s+old)",
    ),
    (
        "durrange",
        rf"\b(?:(?P<approx>{APPROX})\s+)?(?:(?P<the>the)\s+)?(?:(?P<rel>past|{_LAST_ADJ}|next|first|"
        r"coming|previous|following|final|latest|initial|remaining|preceding|other)\s+)?"
        rf"{LOW}(?P<num>{NUM})(?P<half>\s+1/2|[-\s]+and[-\s]+a[-\s]+half)?(?:\s+more)?[-\s]+{_ADJ}"
        rf"(?P<unit>{UNIT})\b(?P<half2>\s+and\s+a\s+half\b)?(?:\s+or\s+so\b)?(?:-(?P<long>long))?"
        r"(?!-old|\s+old)",
    ),
    (
        "vague",
        r"\b(?:(?P<the>the)\s+)?(?:(?P<rel>past|last|next|coming|recent|previous|following|"
        r"preceding)\s+)?(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries"
        r"|(?P<one>minute|hour|day|week|month|year|decade)(?=-long\b))\b"
        r"(?:-(?P<long>long))?(?!\s+old)",
    ),
    (
        "set",
        rf"\b(?:(?:every(?:\s+other)?|each)\s+(?:(?P<num>{NUM})\s+)?(?P<unit>{UNIT}|{WD}|"
        rf"{POD}|weekend|(?P<month>{_FULL_MONTH})|(?P<season>spring|summer|fall|autumn|winter))"
        rf"|(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly|"
        rf"biweekly)|(?:once|twice|thrice|(?:{NUM})\s+times)\s+(?:a|an|per|each|every)\s+"
        rf"(?P<unit2>{UNIT}))\b",
    ),
    (
        "anaphor",
        rf"\b(?:(?P<mod>early|late|earlier|later)\s+)?(?:"
        rf"the\s+(?P<unit2>day|night|week|month|year)\s+(?P<dir>before|after){_CLAUSE_END}"
        rf"|(?:the|that)\s+(?P<which>(?:very\s+)?same|"
        rf"next|following|previous|preceding|prior)?\s*(?P<unit>day|{POD}|week|weekend|month|year)"
        rf"|(?:earlier|later)\s+in\s+(?P<inday>the\s+day))\b",
    ),
    (
        "quarter",
        r"\b(?:(?P<the>the)\s+)?(?:(?P<pre>year-earlier|year-ago|latest|current|previous|same)\s+)?"
        r"(?:fiscal[-\s]+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]+quarter\b"
        r"(?:\s+of\s+(?:fiscal\s+)?(?P<y>[12]\d{3})\b)?",
    ),
    (
        "latestq",
        r"\b(?:(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?P<pre>year-earlier|year-ago)"
        r"|the\s+(?:(?P<latest>latest)|(?P<y>[12]\d{3})))\s+(?:(?P<ord>first|second|third|fourth)"
        r"[-\s]+)?(?P<unit>quarter|period)\b",
    ),
    (
        "yearsq",
        r"\b(?P<ry>this|last|next)\s+year['’]s\s+(?:(?P<ord>first|second|third|fourth)[-\s]+)?"
        r"(?:fiscal\s+)?quarter\b",
    ),
    ("yearago", r"\b(?:the\s+)?(?P<w>year-(?:earlier|ago))\b"),
    (
        "season",
        r"\b(?:(?P<mod>early|late|mid)[-\s]+)?(?:(?P<rel>last|this(?:\s+past)?|next|past|coming|"
        r"the)\s+)?(?P<s>spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(?P<y>[12]\d{3})\b"
        rf"|\s+of\s+(?P<yw>{SPOKEN_YEAR}))?",
    ),
    (
        "holiday",
        r"\b(?P<h>christmas(?:\s+(?:day|eve))?|new\s+year['’]?s(?:\s+(?:day|eve))?|"
        r"easter(?:\s+sunday)?|thanksgiving(?:\s+day)?|halloween|valentine['’]?s\s+day|"
        r"independence\s+day|election\s+day)\b(?:\s+(?P<hw>week(?:end)?)\b)?",
    ),
    (
        "clock",
        r"\b(?:(?P<approx>about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|"
        r"after))\s+)?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.|"
        r"[ap]m\b|[ap]\.m\b|o['’]clock)(?:\s+(?P<tz>GMT|UTC|local\s+time|[ECMP][SD]T)\b)?"
        rf"(?:,?\s+(?:on\s+)?(?P<wd>{WD}(?!,?\s+{MON}\.?\s+\d)|yesterday|today|tomorrow)\b"
        rf"|{_CLOCK_DAY})?",  # "5:15 p.m., Friday, February 19": the full date stays whole
    ),
    (
        "clockpod",  # "around 2:30 this morning": the part of day says a.m. or p.m.
        r"\b(?:(?P<approx>about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|"
        rf"after))\s+)?(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d){_CLOCK_DAY}",
    ),
    (
        "clock24",
        r"\b(?:(?P<approx>about|around|approximately)\s+)?(?P<h>[01]\d|2[0-3]):?(?P<mi>[0-5]\d)"
        r"\s*(?P<tz>GMT|UTC|local\s+time|hours|hrs)\b",
    ),
    ("noon", r"\b(?:(?P<approx>about|around)\s+)?(?P<word>noon|midday|midnight)\b"),
    ("dawn", r"\b(?P<word>dawn|daybreak|dusk|nightfall)\b"),
    ("pod_alone", rf"\b(?:(?P<mod>early|late)\s+)?the\s+(?P<pod>{POD})\b"),
    ("midpod", r"\bmid[-\s]?(?P<pod>afternoon|morning)\b"),
)

RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, _F)) for name, pattern in _PATTERNS
)

# Month names that are also ordinary words need a date context when they stand alone.
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "sep", "dec", "jun", "aug", "oct"})
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|from|to|through|during|before|after|between|early|late|"
    r"mid|last|next|this|and|or|on|for|until|throughout|around|into|the)[-\s]+)$",
    _F,
)
_NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:FM|F\.M\.|Route|Rte\.?|Highway|Hwy\.?|Interstate|Road|Rd\.?|Suite|Room|Flight"
    r"|No\.|Nos\.|Unit|Apt\.?|Box|Exit|Mile|Channel|Resolution|Model|Boeing)|[#№])\s*$"
)
_PHONE_BEFORE = re.compile(r"(?:\d{3}[-.]\d{3}|\(\d{3}\)\s*\d{3})[-.]$")
_STREET_AFTER = re.compile(
    r"\s+(?:(?:[NSEW]|North|South|East|West)\.?\s+)?(?:[A-Z][a-z]+\s+){0,3}(?:Street|St|Avenue"
    r"|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Highway|Hwy|Parkway"
    r"|Pkwy|Circle|Terrace|Trail)\b\.?"
)
# Before a title-case "Today" or "This Week" that names a programme: an acronym ("VOA
# Today", "USA Today"), or a quote mark before both capitalised words (ABC's "This Week").
_ACRONYM = re.compile(r"\b[A-Z]{2,}\s+$")
_QUOTE = re.compile(r"(?:[\"“‘']|``)$")
_EARLY_HOURS = re.compile(r"\b(?:early|small|wee)\s+$", _F)
_TITLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[a-z]+\s+)?$", _F)
_NAME_NEXT = re.compile(r"\s+[A-Z][a-z]")
_MONTH_BEFORE = re.compile(rf"\b{MON}\.?\s+$", _F)
_YEAR_CONTEXT = re.compile(r"\b(?:in|by|since|until|till|before|after|of)\s+$", _F)
_COUNTED_NOUN = re.compile(
    r"\s+(?:people|persons|men|women|children|soldiers|troops|fighters|militants|civilians|"
    r"residents|refugees|families|homes|houses|cases|deaths|dead|killed|times|km|kilometers|"
    r"kilometres|miles|meters|metres|feet|tons|tonnes|dollars|euros|rounds|votes|members|blocks?|"
    r"[a-z]+ers\b)",
    _F,
)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def accept(name: str, match: re.Match[str], text: str) -> bool:
    """False for matches that are not temporal in their context."""
    if name in ("mdy", "dmy", "monyear"):
        mon = match.group("mon")
        if not _capitalised(mon):
            return False
        if name == "monyear":
            has_year = match.group("y") is not None or match.group("yw") is not None
            full = len(mon) > 4 or mon.lower() in ("may", "june", "july")
            if not full and not has_year:
                return False
            bare = not (has_year or match.group("mod") or match.group("rel") or match.group("rel2"))
            if bare and _NAME_NEXT.match(text, match.end()):
                return False  # "Police say April McDaniel was": a first name
            if mon.lower() in _AMBIGUOUS_MONTHS and not has_year and not match.group("mod"):
                if match.group("rel") is None and not _MONTH_CONTEXT.search(text, 0, match.start()):
                    return False
                # "in May 2020" fine; "may" as a modal: next word is a verb, usually lower case
                # and not a digit; a date context before it is our best evidence.
        if name == "mdy" and mon.lower() in _AMBIGUOUS_MONTHS and match.group("d"):
            day = int(match.group("d"))
            if day > 31:
                return False
        return True
    if name == "weekday" and _TITLE_BEFORE.search(text, max(0, match.start() - 30), match.start()):
        if _NAME_NEXT.match(text, match.end()) and not match.group("pod"):
            return False  # "the acclaimed Sunday Leader editor": a name
    if name in ("weekday", "holiday"):
        return _capitalised(match.group("wd") if name == "weekday" else match.group("h"))
    if name == "year":
        before = text[max(0, match.start() - 2) : match.start()]
        if before.endswith(("$", "#", "€", "£")) or before[-1:].isdigit():
            return False
        if _NOT_YEAR_BEFORE.search(text, max(0, match.start() - 16), match.start()):
            return False  # "FM 1960", "Flight 1549", "No. 1812": a number
        if _PHONE_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            return False  # "270-365-2041"
        if match.group("mod") is None and _STREET_AFTER.match(text, match.end()):
            return False  # "1840 West Palma Vista Drive"
        if match.group("mod") is None and match.group("fiscal") is None:
            if _COUNTED_NOUN.match(text, match.end()):
                return False
            if before.endswith((",", ".")) and before[:1].isdigit():
                return False
        return True
    if name == "season":
        if match.group("y") is None and match.group("rel") in (None, "the", "The"):
            if match.group("rel") is None and match.group("mod") is None:
                return False
            rest = text[match.end() : match.end() + 4]
            if rest.startswith(" of"):
                return False
        return not text.startswith("-", match.end())  # "the Spring-area shooting": a place
    if name == "dawn":  # "Dawn Sanders said": a name
        word = match.group("word")
        return not (_capitalised(word) and _NAME_NEXT.match(text, match.end()) is not None)
    if name in ("relday", "unitrel"):
        words = match.group(0).split()
        if all(w[:1].isupper() and not w.isupper() for w in words):
            before = _ACRONYM if len(words) == 1 else _QUOTE
            if before.search(text, max(0, match.start() - 8), match.start()):
                return False  # ABC's "This Week", "VOA Today": a programme's name
    if name == "present":  # "told 13News Now that": a name
        word = match.group(0)
        before = text[max(0, match.start() - 3) : match.start()].rstrip()
        return not (word[:1].isupper() and before[-1:].isalnum())
    if name == "durrange" and _MONTH_BEFORE.search(text, max(0, match.start() - 12), match.start()):
        return False  # "March 5 to 10 years": the 5 is a day
    if name in ("duration", "durrange"):
        num = match.group("num").lower()
        unit = match.group("unit").lower()
        plural = unit.endswith("s") or unit == "centuries"
        if num in ("a", "an", "a single") and plural:
            return False
        if num == "a" and unit == "second" and match.group("rel") is None:
            return False  # "a second attack": an ordinal
        if num in ("some", "many", "several", "few", "a few", "numerous") and not plural:
            return False
        if re.fullmatch(r"(?:1[6-9]|20)\d\d", num) or (num in ("a", "an") and unit == "quarter"):
            return False
        if unit.startswith("quarter") and text[match.start("unit") - 1] == "-":
            return False  # "three-quarters" is a fraction
        return True
    if name == "spokenyear":
        words = match.group("yw").lower().split()
        if words[-1] == "thousand" and not match.group(0).lower().startswith("the year"):
            return _YEAR_CONTEXT.search(text, max(0, match.start() - 12), match.start()) is not None
        return True
    if name == "decade3":  # "in his fifties" is an age
        return match.group("c") is not None or match.group(0).lower().startswith("the")
    if name == "vague":  # "the early hours of Sunday": a time of day, not a duration
        if match.group("unit").lower() != "hours":
            return True
        return _EARLY_HOURS.search(text, max(0, match.start() - 10), match.start()) is None
    if name == "theyear":
        unit = match.group("unit").lower()
        if unit in ("decade", "century"):  # "the end of the decade"; not "in the decade since"
            return match.group("mod") is not None
        return match.group("mod") is not None or unit in ("year", "quarter", "weekend")
    if name == "anaphor":
        which = match.group("which")
        if match.group("unit2") or match.group("inday"):
            return True
        starts_with_that = match.group(0).lower().split()[-2 if which is None else 0]
        return which is not None or starts_with_that == "that"
    return True


# Trigger words: a rule can only match around one of its trigger tokens, so each rule is run
# only in small windows around them (a large speed-up on long articles). Rules missing here
# scan the whole text. Classes: "#year4" a 1600-2099 number, "#decade" 1990s/'90s,
# "#clock" 7pm.
_MONTH_WORDS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_WEEKDAY_WORDS = "monday tuesday wednesday thursday friday saturday sunday"
_UNIT_WORDS = (
    "second seconds minute minutes hour hours day days night nights week weeks fortnight "
    "fortnights month months quarter quarters year years decade decades century centuries"
)
_POD_WORDS = "morning afternoon evening night"
_TRIGGER_TEXT = {
    "mdy": _MONTH_WORDS,
    "dmy": _MONTH_WORDS,
    "monyear": _MONTH_WORDS,
    "year": "#year4",
    "decade": "#decade",
    "decade2": "#decade",
    "century": "century",
    "weekday": _WEEKDAY_WORDS + " " + " ".join(w + "s" for w in _WEEKDAY_WORDS.split()),
    "relday": "today tonight yesterday tomorrow " + _POD_WORDS,
    "overnight": "overnight",
    "present": "now currently nowadays present moment days current",
    "past": "recently formerly lately past",
    "future": "soon future term",
    "yearend": "end",
    "unitrel": "week weekend month year quarter decade century",
    "theyear": "year quarter month week weekend decade century",
    "spokenyear": "eighteen nineteen twenty thousand",
    "decade3": "twenties thirties forties fifties sixties seventies eighties nineties",
    "ago": _UNIT_WORDS,
    "duration": _UNIT_WORDS,
    "durrange": _UNIT_WORDS,
    "vague": _UNIT_WORDS,
    "set": "every each daily weekly monthly annually yearly hourly nightly biweekly once twice "
    "thrice times",
    "anaphor": "day night week weekend month year " + _POD_WORDS,
    "quarter": "quarter",
    "latestq": "quarter period",
    "yearsq": "quarter",
    "yearago": "earlier ago",
    "season": "spring summer fall autumn winter",
    "holiday": "christmas easter thanksgiving halloween valentine independence year election",
    "clock": "#clock am pm m clock",
    "clock24": "gmt utc local hours hrs",
    "clockpod": "morning afternoon evening tonight night",
    "noon": "noon midday midnight",
    "dawn": "dawn daybreak dusk nightfall",
    "pod_alone": _POD_WORDS,
    "midpod": "afternoon morning midafternoon midmorning",
}
TRIGGERS: dict[str, frozenset[str]] = {
    name: frozenset(words.split()) for name, words in _TRIGGER_TEXT.items()
}
# A trigger token only opens a window for these rules when the text just before it matches:
# "two to three weeks" has its range link within a few words before the unit.
GUARDS: dict[str, re.Pattern[str]] = {
    "durrange": re.compile(r"(?:\bto|\bor|[-–])\s*[\w-]+(?:\s+more)?[-\s]+$", _F),
}
TOKEN = re.compile(r"[A-Za-z]+|\d+[A-Za-z]*")
_DECADE_TOKEN = re.compile(r"\d*0s")
_CLOCK_TOKEN = re.compile(r"\d{1,2}(?:am|pm)", _F)


def token_key(token: str) -> str:
    """The trigger key of a token: the lower-cased word, or a class for numbers."""
    if token[0].isdigit():
        if token.isdigit():
            return "#year4" if len(token) == 4 and 1600 <= int(token) <= 2099 else "#num"
        if _DECADE_TOKEN.fullmatch(token):
            return "#decade"
        if _CLOCK_TOKEN.fullmatch(token):
            return "#clock"
        return "#num"
    return token.lower()
