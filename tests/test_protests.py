import pytest

from conflictcoder import actors, mentions, protests, sentences
from conflictcoder.models import Sentence

LEXICON = actors.load_lexicon()


# Sentences written for these tests.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chairs were burnt and property destroyed.", True),
        ("Police arrested 12.", True),
        ("In Abuja, rioters burned tyres.", False),  # a place of its own
        ("Hundreds more protested the next day.", False),  # a protest of its own
    ],
)
def test_how_it_went(text, expected):
    sentence = Sentence(0, 0, len(text))
    assert protests.how_it_went(text, text.lower(), sentence) is expected


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "Farmers protested in the town. Police dispersed them with tear gas.",
            "Protest with intervention",
        ),
        (
            "Farmers protested in the town. Police fired on them, killing two.",
            "Excessive force against protesters",
        ),
        ("Farmers protested in the town. The weather was cold.", "Peaceful protest"),
    ],
)
def test_met(text, sub_event_type):
    found = mentions.find(text, sentences.split(text), LEXICON)
    assert found[0].sub_event_type == sub_event_type


def test_a_calm_protest_has_no_toll():
    text = "Hundreds protested peacefully over the killing of three farmers."
    found = mentions.find(text, sentences.split(text), LEXICON)
    assert found[0].sub_event_type == "Peaceful protest" and found[0].fatalities is None
