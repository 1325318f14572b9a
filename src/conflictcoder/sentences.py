"""Sentence splitting for English news, offset-preserving.

A rule-based splitter: a sentence ends at ``.``, ``!`` or ``?`` (optionally followed by
closing quotes or brackets) when whitespace and an upper-case letter, digit or opening
quote follow, unless the full stop ends a known abbreviation ("Gen.", "Jan.", "U.S.") or an
initial. A full stop between a lower-case word and a capitalised one with no space
("Williams.Memphis police said") ends a sentence too (a space lost in page scraping), unless
it closes an abbreviation ("Gov.Cuomo"). Blank lines always end a sentence (headlines,
datelines, list items).
"""

from __future__ import annotations

import re

from conflictcoder.models import Sentence

# Abbreviations after which a full stop does not end a sentence (lower-cased, no dot).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cpt sgt cmdr adm brig gov sen rep
    det ofc dep tpr atty asst spc
    pres rev hon gens cpl pvt insp supt dept corp inc ltd co vs etc approx est
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.g i.e a.m p.m al
    """.split()
)

_BOUNDARY = re.compile(
    r"""
    (?P<end>[.!?]+[\"'”’)\]]*)     # terminal punctuation, maybe closing quotes/brackets
    (?P<space>\s+)
    (?=[\"'“‘(\[]?[A-Z0-9])         # next sentence starts upper-case or with a digit
    | (?<=[a-z]{2})(?P<tight>\.)(?=[A-Z][a-z]{2}|(?:Dr|Mr|Mrs|Ms|Lt|Sgt|Det|Gov)\.\s)
                                    # a lost space: "Williams.Memphis police", "dead.Dr. Neil"
    """,
    re.VERBOSE,
)
_PARAGRAPH = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NUMBER_NEXT = re.compile(r"\s*\d")
_LONGEST_WORD = 40  # no abbreviation is longer: look back this far, not to the text's start


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation or an initial."""
    window = max(0, dot - _LONGEST_WORD)
    match = _WORD_BEFORE.search(text, window, dot)
    if not match or (match.start() == window and window and text[window - 1].isalpha()):
        return False  # no word, or one longer than any abbreviation
    word = match.group(1).lower().rstrip(".")
    if len(word) == 1:  # an initial: "George W. Bush"
        return True
    if word in ("no", "nos"):  # "No. 9", "Nos. 3 and 4": a number follows
        return _NUMBER_NEXT.match(text, dot + 1) is not None
    # "found dead.Dr. Neil Hoffman": the word after a lost space
    return word in _ABBREVIATIONS or word.rsplit(".", 1)[-1] in _ABBREVIATIONS


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        if match.group("tight"):
            if _is_abbreviation(text, match.start()):
                continue
            spans.append((cursor, match.end()))
            cursor = match.end()
            continue
        punct = match.group("end")
        if punct.startswith(".") and len(punct.rstrip("\"'”’)]")) == 1:
            if _is_abbreviation(text, match.start("end")):
                continue
        stop = match.end("end")
        spans.append((cursor, stop))
        cursor = match.end("space")
    spans.append((cursor, end))
    return spans


def split(text: str) -> tuple[Sentence, ...]:
    """Split ``text`` into sentences whose offsets index ``text`` itself.

    Leading and trailing white space is left out of each sentence; empty pieces vanish.
    """
    blocks: list[tuple[int, int]] = []
    cursor = 0
    for match in _PARAGRAPH.finditer(text):
        blocks.append((cursor, match.start()))
        cursor = match.end()
    blocks.append((cursor, len(text)))

    sentences: list[Sentence] = []
    for block_start, block_end in blocks:
        for start, end in _split_block(text, block_start, block_end):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start < end:
                sentences.append(Sentence(index=len(sentences), start=start, end=end))
    return tuple(sentences)


def sentence_at(sentences: tuple[Sentence, ...], offset: int) -> Sentence | None:
    """The sentence that contains character ``offset``, if any."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= offset < sentences[lo].end:
        return sentences[lo]
    return None
