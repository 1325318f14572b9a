"""Who an event happened to: the people a report names as its victims and suspects.

Reports of one local crime repeat the same people: the victim named with their age
("Elijah Walker, 3,"), the suspect charged days later, the relative quoted at the vigil.
Two reports naming the same such person within weeks tell of the same incident even when
their places were read differently (a street taken for a town abroad) or when the later
one is dated by the arrest or the hearing rather than by the shooting. ``linking`` uses
these names (``Linkable.people``) for its *same people* rule.

**A person** is a run of two or three capitalised words (a middle initial allowed) that
reads as a participant:

- it is followed by an age ("Jane Roe, 23," or "Jane Roe (23)"), or introduced as
  identified ("identified as / named / charged ... Jane Roe"), or
- the document also refers to them by the surname or the given name alone ("Roe said",
  "Jane's mother"): organisations and places are rarely shortened that way.

It is not a person when it is preceded by a title of office (officers, officials, judges,
reporters: they recur across unrelated incidents of a town), by a place preposition ("in
Baton Rouge"), or when one of its words is a common word of the document (written in lower
case in it), a stop word (``linkterms.STOP_TERMS``) or a word of organisations and places
("Crime Stoppers", "Chicago Tribune", "Elm Street").

**The key** of a person is the given name and the surname, lower-cased ("elijah walker";
middle names and initials left out, so "Elizabeth Marie Rodriguez" and "Elizabeth Rodriguez"
agree). Keys are compared by their ``canonical`` form: the given name by its consonants when
it has three or more (``linkterms.skeleton``: reporters respell unusual given names,
"Malijah", "Malijha", "Malaja" Grant) and whether it ends in a vowel (Michael is not
Michelle, Daniel not Danielle), else as written ("Jon" and "Jane" stay apart), and the
surname as written. No document frequency, so a decision depends only on the two reports.

**Addresses** identify a local incident as well as its people: "the 4100 block of West
Potomac Avenue", "at 4132 W. Potomac Ave." (``addresses``). Their key is the block (the
house number rounded down to the hundred) and the first word of the street name,
directions left out ("address:4100 potomac"); a report's people hold them too.

**Towns** (``town_words``): the words of an event's town, indexed with the prefix ``TOWN`` so
that a report whose text names a town finds the reports placed there (``linkcandidates``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from conflictcoder.linkterms import STOP_TERMS, common_words, place_words, skeleton
from conflictcoder.models import Event

_CAP = r"[A-Z][a-z]+(?:['’\-][A-Z]?[a-z]+)?"
_TOKEN = rf"(?:{_CAP}|[A-Z]\.)"
_RUN = re.compile(rf"(?<![\w'’.-]){_TOKEN}(?:[ \t]+{_TOKEN})*(?![\w'’-])")
_AGE = re.compile(r"\.?(?:,\s*(?:age\s+)?\d{1,2}\s*(?:,|\.|;|\band\b|$)|\s*\(\s*\d{1,2}\s*\))")
_INTRODUCED = re.compile(
    r"\b(?:identified|named|charged|arrested|booked|indicted|victims?|suspects?)"
    r"(?:\s+(?:him|her|them|the\s+\w+))?(?:\s+as)?\s*,?\s*$",
    re.IGNORECASE,
)
_THE = re.compile(
    rf"\b[Tt]he[ \t]+({_CAP})(?![\w'’-])(?![ \t]+(?:family|home|house|brothers|sisters|case|trial))"
)
# A name used alone the way people are: "Roe said", "Roe's", "Roe, who", "Roe was".
_AS_PERSON = re.compile(
    r"[A-Z][\w'’\-]*?(?:['’]s\b|[ \t]+(?:said|says|told|was|is|had|has|who|added|"
    r"died|survived|faces|pleaded|allegedly|remains|would|could|will|did|does|went|got|"
    r"[a-z]{2,}ed)\b|,[ \t]+(?:who|\d))"
)
_NEXT_WORD = re.compile(r"\.?[ \t]+([A-Za-z]+)")
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)\.?,?\s*$")
TITLES = frozenset(
    """
    sgt sergeant officer officers chief lt lieutenant det detective detectives sheriff capt
    captain mayor judge justice spokesman spokeswoman spokesperson attorney attorneys
    prosecutor prosecutors commissioner deputy deputies trooper cpl corporal agent director
    superintendent coroner examiner reporter reporters correspondent anchor editor by photo
    photos credit courtesy gov governor sen senator rep representative president pastor
    rev reverend bishop dr professor prof councilman councilwoman alderman supt patrolman
    inspector marshal constable
    """.split()
)
_PLACE_BEFORE = frozenset("in at near from into outside inside across toward towards".split())
# Words of organisations, places and page furniture: a run holding one is not a person.
NOT_PEOPLE = frozenset(
    """
    street st avenue ave road rd drive boulevard blvd lane ln court ct place pl way highway
    hwy parkway pkwy circle terrace trail pike expressway interstate bridge square plaza
    county parish township city town village borough heights park lake river beach hills
    valley springs mount mt fort port island bay creek
    police department dept office bureau agency unit division patrol sheriff's
    center centre hospital medical clinic school academy university college institute
    high middle elementary church chapel cathedral temple mosque apartments apartment
    complex mall market store shop bar club restaurant cafe grill hotel motel inn hall
    station airport stadium arena theater theatre library museum jail prison court's
    news radio television tv channel tribune times post herald journal gazette press
    chronicle observer sentinel courier inquirer bulletin dispatch metropolitan free
    daily weekly media wire broadcasting corporation corp inc llc company co group
    network magazine stoppers crime safety services service health foundation
    association society council committee commission board party federal state national
    facebook twitter google pinterest instagram youtube linkedin email like loading share
    transcript video watch embed copyright rights reserved
    republicans democrats republican democrat
    """.split()
)
_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))


_POSSESSIVE = re.compile(r"['’]s$")


def _names_of(run: str) -> list[str]:
    """The words of a run without initials, possessives and leading or trailing common
    words ("On Monday Jane Roe" -> Jane, Roe)."""
    words = [_POSSESSIVE.sub("", w) for w in run.split() if not re.fullmatch(r"[A-Z]\.", w)]
    while words and words[0].casefold() in STOP_TERMS:
        words.pop(0)
    while words and words[-1].casefold() in STOP_TERMS | _SUFFIXES:
        words.pop()
    return words


def _is_candidate(words: list[str], common: set[str]) -> bool:
    for word in words:
        low = word.casefold()
        pieces = [p for p in re.split(r"['’\-]", low) if p]
        if low in STOP_TERMS or low in NOT_PEOPLE or low in common:
            return False
        if any(p in STOP_TERMS or p in NOT_PEOPLE for p in pieces if len(p) > 2):
            return False
    return True


def key(words: Iterable[str]) -> str:
    """The comparable form of a person's name: given name and surname, lower-cased."""
    parts = [w.casefold().rstrip(".") for w in words]
    parts = [p for p in parts if p not in _SUFFIXES and len(p) > 1]
    return f"{parts[0]} {parts[-1]}" if len(parts) >= 2 else ""


PREFIX = "person:"  # people keys in ``story_terms``, apart from story names
ADDRESS = "address:"  # the prefix of address keys among people keys

_DIRECTION = r"(?:(?:North|South|East|West|N|S|E|W|NE|NW|SE|SW)\.?[ \t]+)?"
_STREET_WORD = r"(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))"
_STREET_TYPE = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Court|Ct|Place|Pl|"
    r"Way|Parkway|Pkwy|Highway|Hwy|Terrace|Ter|Circle|Cir|Trail|Pike)\b"
)
_ADDRESS = re.compile(
    rf"\b(\d{{1,5}})(?:[ \t]+block[ \t]+of[ \t]+{_DIRECTION}({_STREET_WORD})"
    rf"|[ \t]+{_DIRECTION}({_STREET_WORD})(?:[ \t]+{_STREET_WORD}){{0,2}}[ \t]+{_STREET_TYPE})"
)


# Street types that also close names of institutions ("the High Court", "Police Way")
_INSTITUTION_TYPES = frozenset({"Court", "Ct", "Place", "Pl", "Way"})


def _not_a_street_number(match: re.Match[str]) -> bool:
    """A number before a street name that is a year ("A 2019 Supreme Court ruling") or a
    small count before an institution's name ("the 12 High Court judges")."""
    digits = match.group(1)
    if len(digits) == 4 and 1900 <= int(digits) <= 2099:
        return True
    return int(digits) < 100 and match.group(0).rsplit(None, 1)[-1] in _INSTITUTION_TYPES


def addresses(text: str) -> tuple[tuple[int, int, str], ...]:
    """Where ``text`` names a block or a street address (see the module docstring): the
    start, end and key of each."""
    found = []
    for match in _ADDRESS.finditer(text):
        if match.group(3) and _not_a_street_number(match):
            continue
        number = int(match.group(1)) // 100 * 100
        street = (match.group(2) or match.group(3)).casefold()
        found.append((match.start(), match.end(), f"{ADDRESS}{number} {street}"))
    return tuple(found)


def participants(
    text: str, common: frozenset[str] | None = None
) -> tuple[tuple[int, int, str], ...]:
    """Where ``text`` names people as participants (see the module docstring): the start,
    end and key of each such run of capitalised words. ``common``: the document's words
    written in lower case (``linkterms.common_words``, computed when not given)."""
    lower = common_words(text) if common is None else common
    common = set(lower)
    runs = [(m, _names_of(m.group(0))) for m in _RUN.finditer(text)]
    alone = {
        words[0]
        for match, words in runs
        if len(words) == 1
        and _AS_PERSON.match(text, match.start() + match.group(0).index(words[0]))
    }
    common |= {m.group(1).casefold() for m in _THE.finditer(text)}  # "the Chargers": no one
    found = []
    for match, words in runs:
        if not 2 <= len(words) <= 3 or not _is_candidate(words, common):
            continue
        first = match.start() + match.group(0).index(words[0])
        previous = _PREVIOUS_WORD.search(text, max(0, first - 30), first)
        if previous and previous.group(1).casefold() in TITLES | _PLACE_BEFORE:
            continue
        after = text[match.end() : match.end() + 16]
        following = _NEXT_WORD.match(after)
        if following and following.group(1).casefold() in NOT_PEOPLE | _SUFFIXES:
            continue
        before = text[max(0, first - 40) : first]
        cued = (
            bool(_AGE.match(after))
            or bool(_INTRODUCED.search(before))
            or words[0] in alone
            or words[-1] in alone
        )
        name = key(words)
        if cued and name:
            found.append((match.start(), match.end(), name))
    return tuple(found)


def people(
    found: Iterable[tuple[int, int, str]], parts: Iterable[tuple[int, int]] | None = None
) -> frozenset[str]:
    """The keys of the ``participants`` named inside ``parts`` (all of them when None)."""
    spans = None if parts is None else list(parts)
    return frozenset(
        name
        for start, end, name in found
        if spans is None or any(s <= start and end <= e for s, e in spans)
    )


def canonical(name: str) -> str:
    """The form in which two people keys are compared (see the module docstring); an
    address key as it is."""
    if name.startswith(ADDRESS) or " " not in name:
        return name
    given, surname = name.split(" ", 1)
    consonants = skeleton(given)
    if len(consonants) < 3:
        return name
    # the ending tells Michael from Michelle, Daniel from Danielle, Christian from Christina
    ending = "v" if _VOWEL_END.search(given) else "c"
    return f"{consonants}{ending} {surname}"


def shared(a: Iterable[str], b: Iterable[str]) -> list[str]:
    """The keys of ``a`` naming someone ``b`` names too (``canonical`` forms equal), sorted."""
    theirs = {canonical(k) for k in b}
    return sorted(k for k in a if canonical(k) in theirs)


_VOWEL_END = re.compile(r"(?:[aeiouy]|[aeiou]h)$")

TOWN = "town:"  # the words of an event's town in ``story_terms`` (``town_words``)


def town_words(event: Event) -> list[str]:
    """The words naming the event's town (geo_precision 1), stop words left out: a report
    whose text names them may be about it though placed elsewhere (``linking._named_town``)."""
    if event.geo_precision != 1 or event.location is None:
        return []
    return sorted(place_words(event.location) - STOP_TERMS)


def index_terms(keys: Iterable[str]) -> tuple[str, ...]:
    """The ``story_terms`` entries of people keys (kept apart from story names), in their
    ``canonical`` form."""
    return tuple(sorted({PREFIX + canonical(k) for k in keys}))
