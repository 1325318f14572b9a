"""A page's own stamp at its top, when it predates the given publication date."""

from datetime import date

import pytest

from conflictcoder.timex import tag
from conflictcoder.timex_page import stamp_date

DCT = date(2017, 1, 29)  # the date a page was fetched, long after it was written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Updated: 01/26/2015 10:24 PM\n\nCreated: 01/26/2015 1:24 PM\n\nA boy died.",
            date(2015, 1, 26),
        ),
        ("Updated: 01/27/2015\nCreated: 01/25/2015\nA boy died.", date(2015, 1, 25)),
        ("SAVANNAH, GA (December 2, 2015): Police ask for help.", date(2015, 12, 2)),
        ("Posted: Saturday, April 5, 2014 10:24 AM EDT. Four people were hurt.", date(2014, 4, 5)),
        # the stamp is the given date, or the day before: nothing to correct
        ("Updated: Jan. 28, 2017. A boy died.", None),
        ("Posted: January 29, 2017. A boy died.", None),
        # a full date in the story is no stamp
        ("Police said a man shot his brother on Dec. 2, 2015, in a park.", None),
        # a stamp far down the page is no page stamp
        ("A boy died. " + "More text. " * 40 + "Updated: 01/26/2015", None),
        # decades before: a date in the story
        ("Updated: 01/26/1990. A boy died.", None),
    ],
)
def test_stamp_date(text, expected):
    assert stamp_date(text, DCT) == expected


def test_relative_dates_resolve_against_the_stamp():
    text = "Updated: 01/26/2015 10:24 PM\n\nA boy was shot Sunday. He died last night."
    values = {t.text: t.value for t in tag(text, DCT)}
    assert values["Sunday"] == "2015-01-25"
    assert values["last night"] == "2015-01-25TNI"
