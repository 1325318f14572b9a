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
        (
            "Farmers protested in the town. Police clashed with the protesters near the bridge.",
            "Violent demonstration",
        ),
        (
            "Farmers protested in the town. Riot police dispersed them with water cannon.",
            "Protest with intervention",
        ),
        (
            "Farmers protested in the town. Police fired shots in the air to disperse them.",
            "Protest with intervention",
        ),
        ("Police fired on demonstrators who pelted stones at them.", "Violent demonstration"),
        ("Demonstrators clashed with Kenyan forces outside parliament.", "Violent demonstration"),
        (
            "The protest in the capital turned violent outside the governor's office.",
            "Violent demonstration",
        ),
        (
            "Riot police used tear gas to disperse violent protests by inmates.",
            "Violent demonstration",
        ),
        (
            "Teachers barricaded themselves in the ministry to protest unpaid salaries.",
            "Peaceful protest",
        ),
        (
            "Families of soldiers killed in the war protested outside parliament.",
            "Peaceful protest",
        ),
        (
            "Supporters of the arrested opposition leader rallied outside the court.",
            "Peaceful protest",
        ),
        (
            "Residents protested against police for beating and injuring a shopkeeper.",
            "Peaceful protest",
        ),
        ("Nurses rallied at the hospital to honour the dead of the epidemic.", "Peaceful protest"),
        (
            "Traders protested in the town, demanding the arrest of men who set fire to a market.",
            "Peaceful protest",
        ),
        ("Students held a dharna outside the university gate.", "Peaceful protest"),
        (
            "Villagers staged a road blockade at the border crossing over the closure.",
            "Peaceful protest",
        ),
        (
            "Residents blocked the national road for hours to demand clean water.",
            "Peaceful protest",
        ),
        (
            "Residents banged pots from their balconies during the president's visit.",
            "Peaceful protest",
        ),
        (
            "Police dispersed about 300 labourers who gathered at the station to demand trains home.",
            "Protest with intervention",
        ),
        (
            "Police dispersed some 200 people, who were burning debris on the avenue.",
            "Violent demonstration",
        ),
        ("Rioters blocked the highway with burning tyres and rocks.", "Violent demonstration"),
        (
            "Dozens protested in the town, demanding the release of a journalist. The journalist "
            "was arrested on Monday on a charge of spreading false news.",
            "Peaceful protest",
        ),
    ],
)
def test_met(text, sub_event_type):
    found = mentions.find(text, sentences.split(text), LEXICON)
    assert found[0].sub_event_type == sub_event_type


def test_a_calm_protest_has_no_toll():
    text = "Hundreds protested peacefully over the killing of three farmers."
    found = mentions.find(text, sentences.split(text), LEXICON)
    assert found[0].sub_event_type == "Peaceful protest" and found[0].fatalities is None
