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


@pytest.mark.parametrize(
    ("text", "assoc1", "assoc2"),
    [
        (
            "Regime forces and pro-regime militias clashed with HTS fighters near the dam.",
            ["pro-regime militias"],
            [],
        ),
        (
            "The SDF, backed by US Special Forces, fought IS militants and Turkish-backed factions.",
            ["US Special Forces"],
            ["Turkish-backed factions"],
        ),
        ("Regime forces clashed with HTS fighters and Hezbollah.", [], ["Hezbollah"]),
        ("Regime forces clashed with HTS fighters near the dam.", [], []),
    ],
)
def test_associates(text, assoc1, assoc2):
    found = list(LEXICON.find(text))
    trigger = next(w for w in ("clashed", "fought") if w in text)
    start = text.index(trigger)
    first, second = roles.roles(text, 0, "Battles", "Armed clash", Span(start, start + 7), found)
    one, two = roles.associates(text, found, first, second)
    assert [text[a.start : a.end] for a in one] == assoc1
    assert [text[a.start : a.end] for a in two] == assoc2


@pytest.mark.parametrize(
    "text",
    [
        "Rebels clashed with soldiers near the town.",
        "A bomb killed three soldiers, police said.",
        "Gunmen attacked villagers, supported by militias.",
    ],
)
def test_a_given_doer_is_the_computed_subject(text):
    found = list(LEXICON.find(text))
    doer = roles.subject(text, 0, found)
    trigger = Span(0, 1)
    for event_type, sub in (("Battles", "Armed clash"), ("Violence against civilians", "Attack")):
        computed = roles.roles(text, 0, event_type, sub, trigger, found)
        assert roles.roles(text, 0, event_type, sub, trigger, found, doer=doer) == computed
