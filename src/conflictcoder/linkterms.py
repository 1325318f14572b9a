"""Distinguishing content of a reported event, and how much two reports share of it.

Three readings of an event's text serve the linker: its distinguishing terms
(``event_terms`` of the sentences holding its evidence, compared by ``compare_terms``), its
story (the terms of those sentences and their neighbours, ``context_parts``, compared by
``story_agreement``) and its wording (``words``, compared by ``template_split``).

The fields of two events (place, date, type, actors) often agree for events that are not the
same: shootings in one city in one week, shelling of two villages of one district on one
day. What tells them apart is in the words: the village names, the victims' names, the
named units, the tolls. ``event_terms`` keeps those words of the sentences that report an
event; ``compare_terms`` weighs what two reports share against what each says alone.

**Rare words, without a corpus.** A term is a capitalised word or a number of the event's
sentences. It is left out when it is a common word: in the stop list below (weekdays,
months, titles, newsroom words), or written in lower case anywhere in the same document
("Police said ..." next to "the police": a common noun at the start of a sentence). What
remains are names (people, places, units, groups) and numbers. No document frequency is
learned from the store, so a link decision depends only on the two reports (ingest order
cannot change it). Words inside the spans of the event's actors are left out too (the actor
component already compares them).

**Weights** (``term_weight``): a name 1.0; a number 1.0, but 0.25 for counts up to 12 and
for years (they recur across unrelated reports). The numbers of a date ("On 15 February
2020") are no terms: the date component compares dates, and every report of a day names it.

**Agreement** (``compare_terms``): with ``S`` the weight of the shared terms and ``A``,
``B`` the weight of the terms only one side has, ``S / (S + k·min(A, B) + 1)`` (``k``:
``Settings.link_content_exclusive``): the share of the sparser report's content found in the
other, smoothed so that one shared name alone is not proof. Two reports each naming places or people the other never names (two different
villages) score low; a short report whose names all recur in a longer one scores high.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from conflictcoder.models import Event

_TERM = re.compile(r"\b(?:[A-Z][A-Za-z'’\-]{2,}|\d+(?:,\d{3})*(?:\.\d+)?)\b")
_WORD = re.compile(r"\w[\w'’\-]*")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’\-]{2,}\b")
STOP_TERMS = frozenset(
    """
    the a an and but for from with this that these those there their they them then than
    he she his her him it its we our you your who what when where which while after before
    on in at of to by as if or not no new also said says say told according reported report
    reports police officers officer authorities official officials update updated breaking
    news video photo photos image images read more click here share comment comments
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    mr mrs ms dr one two three four five six seven eight nine ten first second third
    during following amid including however meanwhile earlier later several some many all
    copyright associated press reuters afp getty caption advertisement subscribe
    another both neither either each every other others any such same about around near
    over under into between against among across along within without upon since until
    only just still even again once most much very well back there here now how why
    was were has have had been being are is will would could should can cannot did does
    information sources source reports reportedly unknown unidentified given local total
    no none nothing something someone anyone people person man woman men women child
    children boy girl family families resident residents witness witnesses victim victims
    suspect suspects gunman gunmen shooter shooters shooting shootings shot shots killed
    killing killings dead death deaths injured injuries wounded fatalities casualties
    attack attacks attacked clash clashes clashed fighting fight fighters battle battles
    shelling shelled bombardment bombing bombings airstrike airstrikes strike strikes
    explosion explosions blast gunfire fire fired arrest arrested protest protests
    forces force regime army military militia militias militiamen rebel rebels troops
    soldier soldiers group groups faction factions government opposition security
    north south east west northern southern eastern western central northeast northwest
    southeast southwest countryside province city town village villages area areas
    district region neighborhood neighbourhood outskirts vicinity front frontline
    street road avenue county department sheriff chief state national international
    hospital home house school church mosque
    syrian iraqi kurdish turkish russian iranian american israeli palestinian afghan
    arab islamic islamist jihadist
    """.split()
)
_SMALL = 12
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTH}|{_MONTH}[ \t]+\d{{1,2}}"
    rf"(?:st|nd|rd|th)?\b|{_MONTH})(?:,?[ \t]+\d{{4}}\b)?"
)
_PIECE = re.compile(r"[-'’]")
_CLITIC = re.compile(r"['’](?:s|m|re|ll|ve|d|t)$")


@dataclass(frozen=True, slots=True)
class TermAgreement:
    """How much two reports share of their distinguishing content."""

    agreement: float
    shared: tuple[str, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]
    shared_weight: float

    def why(self) -> str:
        if not self.shared and not (self.only_a or self.only_b):
            return "no distinguishing terms"
        out = f"shared {self.shared_weight:g}: " + (", ".join(self.shared[:8]) or "none")
        if self.only_a and self.only_b:
            out += "; only one side: " + ", ".join(self.only_a[:4])
            out += " / " + ", ".join(self.only_b[:4])
        return out


def _number(term: str) -> float | None:
    if not term[:1].isdigit():  # terms are names or numbers (``_TERM``)
        return None
    try:
        return float(term.replace(",", ""))
    except ValueError:
        return None


def term_weight(term: str) -> float:
    """How much a shared term tells: names 1.0; small counts and years 0.25."""
    value = _number(term)
    if value is None:
        return 1.0
    if value <= _SMALL or (value.is_integer() and 1900 <= value <= 2100):
        return 0.25
    return 1.0


def place_words(*names: str | None) -> frozenset[str]:
    """The words of place names, as terms ("Al Hasakah" -> al, hasakah)."""
    return frozenset(
        w.casefold() for name in names if name for w in re.findall(r"[^\W\d_]{3,}", name)
    )


def event_place_words(event: Event) -> frozenset[str]:
    """The words of the event's place names: location, admin1, admin2 and country."""
    return place_words(event.location, event.admin1, event.admin2, event.country)


def common_words(text: str) -> frozenset[str]:
    """The words a document writes in lower case somewhere: common words, not names."""
    return frozenset(m.group(0) for m in _LOWER_WORD.finditer(text))


def event_terms(
    text: str,
    parts: Iterable[tuple[int, int]],
    skip: Iterable[tuple[int, int]] = (),
    known: frozenset[str] = frozenset(),
    common: frozenset[str] | None = None,
) -> frozenset[str]:
    """Rare terms (names and numbers, lower-cased, possessive and clitics cut) of
    ``text[start:end]`` for each part, leaving out common words of the document
    (``common_words``, computed when not given), terms inside the ``skip`` spans and the
    ``known`` words (the event's place names: compared as places)."""
    if common is None:
        common = common_words(text)
    skipped = sorted(skip)
    found = set()
    for start, end in parts:
        dates = [m.span() for m in _DATE.finditer(text, start, end)]
        for match in _TERM.finditer(text, start, end):
            term = _CLITIC.sub("", match.group(0).casefold())
            short = len(term) < 3 and not term[0].isdigit()
            if short or term in STOP_TERMS or term in common or term in known:
                continue
            if term[0].isdigit() and any(s <= match.start() < e for s, e in dates):
                continue  # the day and year of a date: the date component compares them
            pieces = [p for p in _PIECE.split(term) if len(p) >= 3]
            if pieces and all(p in known or p in STOP_TERMS for p in pieces):
                continue
            if any(s < match.end() and e > match.start() for s, e in skipped):
                continue
            found.add(term)
    return frozenset(found)


def compare_terms(a: frozenset[str], b: frozenset[str], exclusive: float = 2.0) -> TermAgreement:
    """Agreement of two reports' terms (see the module docstring); symmetric. ``exclusive``
    weighs what each side names alone (terms on both sides that the other lacks)."""
    shared = sorted(a & b, key=lambda t: (-term_weight(t), t))
    only_a = sorted(a - b, key=lambda t: (-term_weight(t), t))
    only_b = sorted(b - a, key=lambda t: (-term_weight(t), t))
    s = sum(term_weight(t) for t in shared)
    alone = min(sum(term_weight(t) for t in only_a), sum(term_weight(t) for t in only_b))
    agreement = s / (s + exclusive * alone + 1.0)
    return TermAgreement(round(agreement, 3), tuple(shared), tuple(only_a), tuple(only_b), s)


def context_parts(
    sentences: Sequence[tuple[int, int]],
    own: Iterable[tuple[int, int]],
    others: Iterable[tuple[int, int]],
    context: int,
) -> list[tuple[int, int]]:
    """The sentences (start, end) of an event's story: those holding its evidence (``own``
    spans) and up to ``context`` sentences around them that hold no other event's evidence
    (``others``: the document's other events keep their own names)."""
    own, others = list(own), list(others)

    def holds(sentence: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
        return any(s < sentence[1] and e > sentence[0] for s, e in spans)

    core = {i for i, sentence in enumerate(sentences) if holds(sentence, own)}
    keep = set(core)
    for i in core:
        for j in range(i - context, i + context + 1):
            if 0 <= j < len(sentences) and not holds(sentences[j], others):
                keep.add(j)
    return [sentences[i] for i in sorted(keep)]


def words(text: str, parts: Iterable[tuple[int, int]], limit: int = 300) -> tuple[str, ...]:
    """The words of ``text[start:end]`` for each part, as written, at most ``limit``: the
    wording of an event's sentences, for ``template_split``."""
    found: list[str] = []
    for start, end in parts:
        found.extend(m.group(0) for m in _WORD.finditer(text, start, end))
        if len(found) >= limit:
            break
    return tuple(found[:limit])


def story_agreement(a: frozenset[str], b: frozenset[str]) -> tuple[float, tuple[str, ...]]:
    """How much two stories share: the cosine of their terms weighted by ``term_weight``,
    and the shared names (numbers left out), rarest first; symmetric."""
    shared = a & b
    if not shared:
        return 0.0, ()
    norm = math.sqrt(sum(map(term_weight, a)) * sum(map(term_weight, b)))
    common = tuple(sorted(names(shared), key=lambda t: (-len(t), t)))
    return round(sum(map(term_weight, shared)) / norm, 3), common


def _names_of(segment: Sequence[str]) -> frozenset[str]:
    return frozenset(
        w.casefold()
        for w in segment
        if w[0].isupper() and _CLITIC.sub("", w.casefold()) not in STOP_TERMS
    )


def template_split(
    a: Sequence[str], b: Sequence[str], ratio: float
) -> tuple[frozenset[str], frozenset[str]] | None:
    """The names two near-identical wordings put in the same slot, or None.

    One source report split into one record per place or victim ("... regained control
    over Massoud valley. Clashes ..." / "... over Al-Zamrani crossing. Clashes ...") reads
    the same word for word but for a name: when the words the two wordings align (case
    aside, ``difflib``) make at least ``ratio`` of both, and a passage where they differ
    holds a name on each side, names that are not one name written two ways (``_one_name``),
    the names differ: two events. Other differences (a toll that rose, a name given where
    the other said "a man", a clause added) are not a split."""
    if not a or not b:
        return None
    low_a, low_b = [w.casefold() for w in a], [w.casefold() for w in b]
    matcher = difflib.SequenceMatcher(None, low_a, low_b, autojunk=False)
    # the quick ratios bound ratio() from above: most pairs are refused without aligning
    if matcher.real_quick_ratio() < ratio or matcher.quick_ratio() < ratio:
        return None
    if matcher.ratio() < ratio:
        return None
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        ours, theirs = _names_of(a[i1:i2]), _names_of(b[j1:j2])
        if ours and theirs and not _one_name(ours, theirs):
            return ours - theirs, theirs - ours
    return None


def _one_name(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sets of names may be one name written two ways: the same names, a
    respelling ("Gweiran" / "Ghwayran"), a shortening ("Jon" / "Jonathan") or initials
    ("IS" / "Islamic State")."""
    if a <= b or b <= a or respelled(a, b):
        return True
    if any(x.startswith(y) or y.startswith(x) for x in a for y in b if min(len(x), len(y)) >= 3):
        return True
    return any(
        len(x) == 1 and len(y) >= 2 and sorted(next(iter(x))) == sorted(w[0] for w in y)
        for x, y in ((a, b), (b, a))
    )


def names(terms: Iterable[str]) -> tuple[str, ...]:
    """The names among terms (numbers left out), sorted."""
    return tuple(sorted(t for t in terms if _number(t) is None))


_ARTICLE = re.compile(r"^(?:al|el|ar|as|ash|ad|ed|at|az|an)[-’']")
_SOFT = re.compile(r"[aeiouyhw'’\-]")


def skeleton(term: str) -> str:
    """The consonants of a name, for transliterations ("Gweiran", "Ghwayran" -> grn):
    without an Arabic article, vowels, h, w, y and doubled letters."""
    bare = _SOFT.sub("", _ARTICLE.sub("", term.casefold()))
    return re.sub(r"(.)\1+", r"\1", bare)


def respelled(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether a name of ``a`` and one of ``b`` may be spellings of one name (same
    skeleton of at least three consonants)."""
    ours = {skeleton(t) for t in a if _number(t) is None}
    return any(len(k) >= 3 and k in ours for k in (skeleton(t) for t in b if _number(t) is None))


_PHRASE = re.compile(r"[A-Z][A-Za-z'’\-]{2,}(?:[ \t]+[A-Z][A-Za-z'’\-]{2,})+")


def phrases(
    text: str, parts: Iterable[tuple[int, int]], terms: frozenset[str]
) -> tuple[tuple[str, ...], ...]:
    """The multi-word names of ``text[start:end]`` for each part ("Microsoft Internet
    Explorer"), as the tuple of their words among ``terms`` (two or more), sorted: a name of
    several words is one name when counting the names two stories share."""
    found = set()
    for start, end in parts:
        for match in _PHRASE.finditer(text, start, end):
            words = [_CLITIC.sub("", w.casefold()) for w in match.group(0).split()]
            kept = tuple(sorted({w for w in words if w in terms}))
            if len(kept) >= 2:
                found.add(kept)
    return tuple(sorted(found))


def distinct_names(names: Iterable[str], groups: Iterable[Sequence[str]]) -> int:
    """How many names ``names`` holds when the words of each group (a multi-word name,
    ``phrases``) count once."""
    parent = {n: n for n in names}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for group in groups:
        inside = [w for w in group if w in parent]
        for w in inside[1:]:
            parent[root(w)] = root(inside[0])
    return len({root(n) for n in parent})
