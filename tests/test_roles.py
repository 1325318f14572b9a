import pytest

from conflictcoder import actors, roles
from conflictcoder.models import Span

LEXICON = actors.load_lexicon()


def _roles(text, event_type="Battles", sub="Armed clash", trigger_word="clash"):
    start = text.index(trigger_word)
    trigger = Span(start, start + len(trigger_word))
    found = list(LEXICON.find(text))
    first, second = roles.roles(text, 0, event_type, sub, trigger, found)
    quote = lambda m: text[m.start : m.end] if m else None  # noqa: E731
    return quote(first), quote(second)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a side named only after "at least" still acts
        ("At least six SDF fighters died in clashes with IS near the dam.", ("SDF fighters", "IS")),
        # one side named, fought "with": it is still actor1 (ACLED always names actor1)
        ("A civilian died in clashes with Syrian regime forces.", ("Syrian regime forces", None)),
        (
            "Regime forces clashed with rebel factions near the road.",
            ("Regime forces", "rebel factions"),
        ),
        (
            "Rebel factions, backed by Turkish troops, clashed with YPG fighters.",
            ("Rebel factions", "YPG fighters"),
        ),
    ],
)
def test_battle_sides(text, expected):
    assert _roles(text) == expected


def test_with_at_least_is_no_target_word():
    assert roles._WITH.search("At least ") is None
    assert roles._WITH.search("clashed at ") is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian warplanes struck the hills as regime forces clashed with rebel factions.",
            ("regime forces", "rebel factions"),
        ),
        (
            "Russian warplanes clashed with rebel factions over the hills.",
            ("Russian warplanes", "rebel factions"),
        ),
    ],
)
def test_air_support_is_no_side_of_a_ground_battle(text, expected):
    assert _roles(text) == expected
