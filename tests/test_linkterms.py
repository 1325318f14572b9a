"""The distinguishing terms of a report (linkterms.event_terms): the numbers of a date are
no terms."""

import pytest

from conflictcoder import linkterms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 15 February 2020, clashes in Kafr Naha killed 23.", {"kafr", "naha", "23"}),
        ("On Feb. 3, 2016 police came to 4100 Main.", {"4100", "main"}),
        ("In March 2019, 41 fighters left Hajin.", {"41", "hajin"}),
        ("On Dec 12th, 2016 a gunman shot 5 at Elm Court.", {"5", "elm", "court"}),
        ("Some 15 villages and 2020 homes were shelled.", {"15", "2020"}),  # no month
    ],
)
def test_numbers_of_a_date_are_no_terms(text, expected):
    assert linkterms.event_terms(text, [(0, len(text))]) == expected
