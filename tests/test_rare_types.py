"""Rare ACLED sub-types named by the rule cues (sentences written for these tests)."""

import pytest

from conflictcoder import actors, mentions, sentences


@pytest.fixture(scope="module")
def lexicon():
    return actors.load_lexicon()


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Gunmen stopped a minibus and took five passengers away.", "Abduction/forced disappearance"),
        ("Armed men seized a trader at the market; his whereabouts remain unknown.",
         "Abduction/forced disappearance"),
        ("Army engineers cleared a minefield near the village.", "Disrupted weapons use"),
        ("The army seized power in a coup and detained the president.", "Other"),
        ("Officers arrested a journalist at his home in the capital.", "Arrests"),
        ("The two armed groups signed a ceasefire agreement on Monday.", "Agreement"),
        ("Rebels established a new base in the hills above the town.",
         "Headquarters or base established"),
        ("Police detained nine men for looting shops in the market.", "Arrests"),
        ("Troops arrested three suspected militants during a raid on a farm.", "Arrests"),
        ("Inmates protested by setting fire to blankets in their cells.", "Violent demonstration"),
        ("Police arrested three teachers for organising a protest over pay.", "Arrests"),
        ("Police arrested 30 protesters for blocking the main road.", "Protest with intervention"),
        ("Engineers tried to defuse a bomb at the bridge, but it exploded, wounding one.",
         "Remote explosive/landmine/IED"),
        ("Engineers defused a bomb found under the bridge.", "Disrupted weapons use"),
        ("The army sent reinforcements to the front lines north of the city.",
         "Change to group/activity"),
        ("Fighting raged on the front lines north of the city.", "Armed clash"),
    ],
)  # fmt: skip
def test_rare_types(lexicon, text, sub_event_type):
    found = mentions.find(text, sentences.split(text), lexicon)
    assert found and found[0].sub_event_type == sub_event_type
