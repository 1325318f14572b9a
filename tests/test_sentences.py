import pytest

from conflictcoder.sentences import sentence_at, split


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shots were fired. Two died.", ["Shots were fired.", "Two died."]),
        ('He said "stop." Then he ran.', ['He said "stop."', "Then he ran."]),
        ("Gen. Smith arrived. Troops left.", ["Gen. Smith arrived.", "Troops left."]),
        ("George W. Bush spoke.", ["George W. Bush spoke."]),
        ("Forces of the U.S. Army left.", ["Forces of the U.S. Army left."]),
        ("It was 3 p.m. Friday when it began.", ["It was 3 p.m. Friday when it began."]),
        ("Headline\n\nBody text here.", ["Headline", "Body text here."]),
        ("Who fired? Police did!", ["Who fired?", "Police did!"]),
        # a space lost in scraping
        (
            "The man was named as Tom Williams.Memphis police said he was 24.",
            ["The man was named as Tom Williams.", "Memphis police said he was 24."],
        ),
        ("Gov.Cuomo spoke.", ["Gov.Cuomo spoke."]),  # an abbreviation
        ("See example.com.Then leave.", ["See example.com.", "Then leave."]),
        ("It hit 4.5 Richter.", ["It hit 4.5 Richter."]),
        # "No." before a number, police titles
        ("Guests of No. 9 were hurt. Police came.", ["Guests of No. 9 were hurt.", "Police came."]),
        ("The answer was No. Then he left.", ["The answer was No.", "Then he left."]),
        ("Call Det. Ray Cole now. He knows.", ["Call Det. Ray Cole now.", "He knows."]),
        (
            "The dog was found dead.Dr. Neil Hoff said so.",
            ["The dog was found dead.", "Dr. Neil Hoff said so."],
        ),
        ("", []),
        ("   ", []),
    ],
)
def test_split(text, expected):
    sentences = split(text)
    assert [text[s.start : s.end] for s in sentences] == expected
    assert [s.index for s in sentences] == list(range(len(expected)))


@pytest.mark.parametrize(
    ("offset", "expected"), [(0, 0), (16, 0), (17, None), (18, 1), (26, 1), (27, None)]
)
def test_sentence_at(offset, expected):
    sentences = split("Shots were fired. Two died.")
    found = sentence_at(sentences, offset)
    assert (found.index if found else None) == expected
