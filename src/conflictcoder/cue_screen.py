"""Screening of cue patterns by the first letters of the words they can start with.

A cue (``cues``) is a large alternation searched over each sentence; most sentences contain
no word that any of its matches could start with. ``heads_of`` reads a pattern and lists the
possible first one to three letters of its matches; ``Screen`` indexes many patterns by those
heads, so one tokenising pass over a sentence (``Screen.possible``) tells which patterns need
searching at all. Split from ``cues``, which holds the patterns themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEAD = 3  # letters of a word start that a cue's possible starts are compared on
_HEADS = re.compile(rf"(?<![\w-])[\w-]{{1,{HEAD}}}")  # a word's start (words: [\w-]+)


# A cue's possible word starts, from its pattern: the patterns here use literals, classes
# of literals, \s, groups, alternation, quantifiers and look-arounds; anything else (\w, .,
# ranges) is "unlisted", and a cue with an unlisted start is refused at import.
_UNLISTED = ("unlisted", None)
_WORD_END = ("end", None)


def _parse(pattern: str, at: int = 0) -> tuple[list[list[tuple]], int]:
    """The alternatives of ``pattern[at:]`` up to its closing parenthesis, each a list of
    ``(kind, value)`` items, and where parsing stopped."""
    branches: list[list[tuple]] = [[]]
    while at < len(pattern) and pattern[at] != ")":
        char = pattern[at]
        if char == "|":
            branches.append([])
            at += 1
            continue
        if char == "(":
            zero = pattern.startswith(("(?<!", "(?<=", "(?=", "(?!"), at)
            if zero:
                at += 4 if pattern[at + 2] == "<" else 3
            elif pattern.startswith("(?P<", at):  # a named group
                at = pattern.index(">", at) + 1
            else:  # (?:...), (?-i:...) or a capturing group
                at = pattern.index(":", at) + 1 if pattern.startswith("(?", at) else at + 1
            inner, at = _parse(pattern, at)
            item = ("zero", None) if zero else ("group", inner)
            at += 1
        elif char == "[":
            item, at = _class(pattern, at + 1)
        elif char == "\\":
            code = pattern[at + 1]
            item = {"s": _WORD_END, "b": ("zero", None), "B": ("zero", None)}.get(
                code, _UNLISTED if code.isalnum() else ("literal", code)
            )
            at += 2
        else:
            item = {".": _UNLISTED, "^": ("zero", None), "$": ("zero", None)}.get(
                char, ("literal", char)
            )
            at += 1
        if at < len(pattern) and pattern[at] in "?*+{":
            low = 1 if pattern[at] == "+" else 0
            if pattern[at] == "{":
                close = pattern.index("}", at)
                low = int(pattern[at + 1 : close].split(",")[0] or 0)
                at = close
            at += 1
            at += at < len(pattern) and pattern[at] == "?"  # lazy
            item = ("repeat", (low, [item]))
        branches[-1].append(item)
    return branches, at


def _class(pattern: str, at: int) -> tuple[tuple, int]:
    """The character class opening before ``pattern[at]`` and where it ends."""
    space, chars = False, []
    first = at
    while pattern[at] != "]" or at == first:
        char = pattern[at]
        if char == "\\":
            code = pattern[at + 1]
            if code == "s":
                space = True
            elif code.isalnum():
                return _UNLISTED, pattern.index("]", at + 2) + 1
            else:
                chars.append(code)
            at += 2
            continue
        if char == "^" and at == first or char == "-" and at != first and pattern[at + 1] != "]":
            return _UNLISTED, pattern.index("]", at + 1) + 1  # negated or a range
        chars.append(char)
        at += 1
    return ("set", (space, "".join(chars))), at + 1


def _starts(items: list[tuple], limit: int) -> set[str] | None:
    """The possible first ``limit`` (or fewer, when a word may end) characters of a parsed
    sequence; None when they cannot be listed (a match may start anywhere)."""
    if limit == 0 or not items:
        return {""}
    (kind, value), rest = items[0], items[1:]
    if kind == "zero":
        return _starts(rest, limit)
    if kind == "end":
        return {""}  # whitespace: the word ends here, compare on what came before
    if kind == "literal":
        if not (value.isalnum() or value in "-_"):
            return {""}
        tails = _starts(rest, limit - 1)
        return None if tails is None else {value + t for t in tails}
    if kind == "set":
        space, chars = value
        if space:
            return {""}
        if len(chars) > 12:
            return None
        alternatives = [[("literal", char)] for char in chars]
        return _starts([("group", alternatives), *rest], limit)
    if kind == "group":
        found: set[str] = set()
        for branch in value:
            part = _starts([*branch, *rest], limit)
            if part is None:
                return None
            found |= part
        return found
    if kind == "repeat":
        low, body = value
        once = _starts([*body * max(low, 1), *rest], limit)
        if low or once is None:
            return once
        skipped = _starts(rest, limit)
        return None if skipped is None else skipped | once
    return None


def heads_of(pattern: str) -> frozenset[str]:
    """The possible first ``HEAD`` letters (fewer where a word may end) of a lower-cased
    pattern's matches; ValueError when they cannot be listed."""
    branches, _ = _parse(pattern)
    starts = _starts([("group", branches)], HEAD)
    if starts is None or "" in starts:
        raise ValueError(f"cue without listable word starts: {pattern[:40]}")
    return frozenset(starts)


@dataclass(frozen=True, slots=True)
class Screen:
    """Patterns indexed by their possible word heads: ``bits`` gives each pattern (by ``id``:
    hashing a pattern is slow) one bit; ``mask`` gives, for each head, the bits of the
    patterns that may start with it or with its shorter heads."""

    bits: dict[int, int]
    mask: dict[str, int]

    def possible(self, lower: str, start: int, end: int) -> int:
        """The patterns that may match in ``lower[start:end]`` (a word starts as they do),
        as a bit mask over ``bits``: one pass over the sentence, no search per pattern."""
        mask = 0
        get = self.mask.get
        for head in set(_HEADS.findall(lower[start:end])):  # each word's first HEAD letters
            mask |= get(head) or get(head[:2]) or get(head[:1]) or 0
        return mask


def screen(heads: dict[re.Pattern[str], frozenset[str]]) -> Screen:
    """The ``Screen`` of patterns with their ``heads_of``."""
    by_head: dict[str, frozenset[re.Pattern[str]]] = {}
    for pattern, starts in heads.items():
        for head in starts:
            by_head[head] = by_head.get(head, frozenset()) | {pattern}
    bits = {id(pattern): 1 << i for i, pattern in enumerate(heads)}
    by_mask = {head: sum(bits[id(p)] for p in patterns) for head, patterns in by_head.items()}
    mask = {
        head: by_mask.get(head[:1], 0) | by_mask.get(head[:2], 0) | one
        for head, one in by_mask.items()
    }
    return Screen(bits, mask)
