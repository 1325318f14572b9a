"""Who a crowd is (``identities.named``): ACLED's associated actor of protesters and rioters."""

import pytest

from conflictcoder import identities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Medical interns protested outside the hospital.", ["Health Workers ({country})"]),
        ("A group of workers protested over unpaid wages.", ["Labour Group ({country})"]),
        (
            "Teachers, journalists and taxi drivers marched downtown.",
            ["Teachers ({country})", "Journalists ({country})", "Labour Group ({country})"],
        ),
        (
            "Trade unionists and nurses rallied.",
            ["Labour Group ({country})", "Health Workers ({country})"],
        ),
        ("Inmates rioted in the central prison.", ["Prisoners ({country})"]),
        ("Protesters called for the release of political prisoners.", []),  # not the crowd
        ("Families of detainees gathered at the ministry.", []),
        ("Musicians protested ahead of Mothers' Day.", []),
        ("Residents blocked the road.", []),
    ],
)
def test_named(text, expected):
    assert [name for name, _ in identities.named(text)] == expected


def test_each_identity_once_with_where_it_is_first_named():
    text = "Workers and more workers protested."
    [(name, span)] = identities.named(text)
    assert name == "Labour Group ({country})"
    assert text[span.start : span.end] == "Workers"


def test_range():
    text = "Farmers protested. Students marched."
    assert [n for n, _ in identities.named(text, text.index("Students"))] == [
        "Students ({country})"
    ]
