import re

import pytest

from conflictcoder import cue_screen, cues

# Sentences written for these tests.
SENTENCES = [
    "Warplanes struck the village at dawn, killing four farmers.",
    "Rebels captured two villages and a hill after heavy fighting with the army.",
    "Police fired tear gas to disperse students who were marching to the ministry.",
    "A roadside bomb was defused by army engineers near the bridge.",
    "The militia set up a new base in the old school and imposed a curfew.",
    "Hundreds rallied peacefully in the capital to demand higher wages.",
    "An angry mob lynched a man accused of theft; a grenade was later thrown at his house.",
]


@pytest.mark.parametrize(
    ("pattern", "heads"),
    [
        (r"(?<![\w-])(?:bomb(?:s|ed)?|blasts?)(?![\w-])", {"bom", "bla"}),
        (r"(?:hand\s+)?grenades?", {"han", "gre"}),
        (r"x{2,3}y|ab[cd]e?", {"xxy", "abc", "abd"}),
        (r"(?:a|b)+c|up", {"ac", "bc", "up"}),
        (r"booby[-\s]trap", {"boo"}),
        (r"air\s+raids?|(?-i:march)", {"air", "mar"}),
    ],
)
def test_heads_of_a_pattern(pattern, heads):
    assert cue_screen.heads_of(pattern.lower()) == heads


def test_a_cue_with_another_case_sensitive_part_is_refused():
    with pytest.raises(ValueError, match="case-sensitive"):
        cues._lowered(re.compile(r"air\s+raids?|(?-i:May)"))
    assert cues._lowered(re.compile(r"Air\s+raids?")).pattern == r"air\s+raids?"


@pytest.mark.parametrize("pattern", [r"\w+ing", r"[a-z]+ed", r".ttack", r"(?:\s+)?fire"])
def test_patterns_that_may_start_anywhere_are_refused(pattern):
    with pytest.raises(ValueError):
        cue_screen.heads_of(cues._lowered(re.compile(pattern)).pattern)


@pytest.mark.parametrize("text", SENTENCES)
def test_screening_never_hides_a_match(text):
    lower = text.lower()
    mask = cues.possible(lower, 0, len(text))
    for cue in cues.SCREENED:
        if cue.search(text):
            assert mask & cues.BITS[id(cue)], cue.pattern[:40]


def test_screening_rules_out_cues_whose_words_are_absent():
    text = "Hundreds rallied peacefully in the capital to demand higher wages."
    mask = cues.possible(text.lower(), 0, len(text))
    assert not mask & cues.BITS[id(cues.AIR)] and not mask & cues.BITS[id(cues.GRENADE)]
    assert mask & cues.BITS[id(cues.PROTEST)]


@pytest.mark.parametrize(
    ("cue", "text", "found"),
    [
        ("TERRITORY", "Rebels captured two villages near the road.", True),
        ("TERRITORY", "Troops took control of the district.", True),
        ("PROTEST", "Thousands marched on Friday.", True),
        ("PROTEST", "The election is due in March next year.", False),
        ("HEADQUARTERS", "The group set up a new base in the hills.", True),
        ("SUICIDE", "A bomber blew himself up at the gate.", True),
        ("ABDUCTION", "Masked men took two teachers away from the school.", True),
        ("ABDUCTION", "His whereabouts remain unknown since Sunday.", True),
        ("ABDUCTION", "Soldiers took the wounded away to a clinic.", False),
        ("DISRUPTED", "Engineers cleared a minefield east of the town.", True),
        ("COUP", "Officers seized power and dissolved parliament.", True),
        ("HEADQUARTERS", "Police set up checkpoints on every road into town.", False),
        ("CHANGE", "Police set up checkpoints on every road into town.", True),
        ("TERRITORY", "Heavy fighting took place near the two villages.", False),
        ("TERRITORY", "Rebels took the two villages after a day of fighting.", True),
    ],
)
def test_search_on_lower_case_text_agrees(cue, text, found):
    pattern = getattr(cues, cue)
    lower = text.lower()
    fast = cues.search(pattern, text, lower, 0, len(text))
    slow = cues.search(pattern, text, None, 0, len(text))
    assert (fast is not None) == found == (slow is not None)


def test_a_screen_of_patterns():
    fire = re.compile(r"fire[sd]?|blaze")
    march = re.compile(r"march(?:ed)?|rall(?:y|ied)")
    screen = cue_screen.screen(
        {p: cue_screen.heads_of(p.pattern) for p in (fire, march)}
    )  # fmt: skip
    text = "they rallied at dawn"
    assert screen.possible(text, 0, len(text)) == screen.bits[id(march)]
    assert screen.possible("a fire", 0, 6) == screen.bits[id(fire)]
