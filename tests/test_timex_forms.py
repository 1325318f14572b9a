"""Table-driven tests of less common expression forms: ranges of durations, years and days in
words, sets of months and seasons, deadlines, centuries, parenthesised ranges."""

from __future__ import annotations

from datetime import date

import pytest

from conflictcoder.timex import tag
from conflictcoder.timex_context import pluperfect

FRI = date(2013, 3, 22)  # a Friday


def _tagged(text: str, dct: date = FRI) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A range of durations: two timexes, the lower end takes the unit of the upper.
        (
            "The repairs could take two to three weeks.",
            [("two", "DURATION", "P2W"), ("three weeks", "DURATION", "P3W")],
        ),
        (
            "Rationing may last 12-18 months, officials warned.",
            [("12", "DURATION", "P12M"), ("18 months", "DURATION", "P18M")],
        ),
        (
            "The march went on for four or five hours.",
            [("four", "DURATION", "PT4H"), ("five hours", "DURATION", "PT5H")],
        ),
        # ... but a day of the month before "to" is a date.
        (
            "He was jailed on March 5 to 10 years in prison.",
            [("March 5", "DATE", "2013-03-05"), ("10 years", "DURATION", "P10Y")],
        ),
        # Years, decades and days in words.
        (
            "The dam was finished in nineteen ninety-four.",
            [("nineteen ninety-four", "DATE", "1994")],
        ),
        (
            "She left the city in January nineteen ninety-seven.",
            [("January nineteen ninety-seven", "DATE", "1997-01")],
        ),
        (
            "The mill closed in the winter of nineteen eighty-two.",
            [("the winter of nineteen eighty-two", "DATE", "1982-WI")],
        ),
        ("Exports doubled in the nineteen seventies.", [("the nineteen seventies", "DATE", "197")]),
        ("Turnout fell in twenty twelve.", [("twenty twelve", "DATE", "2012")]),
        (
            "The plan aims to halve debt by the year two thousand.",
            [("the year two thousand", "DATE", "2000")],
        ),
        ("Voters return to the polls on March eighth.", [("March eighth", "DATE", "2013-03-08")]),
        # Numbers that are not years.
        ("Twenty one people were hurt and nineteen percent of homes lost power.", []),
        ("In his fifties he moved abroad.", []),
        ("Two thousand people marched.", []),
        # Sets.
        (
            "The fair is held each July and every summer.",
            [("each July", "SET", "XXXX-07"), ("every summer", "SET", "XXXX-SU")],
        ),
        # Centuries.
        (
            "The 20th century saw two world wars.",
            [("The 20th century", "DATE", "19")],
        ),
        ("It was the worst flood of the 21st century.", [("the 21st century", "DATE", "20")]),
        # A clock time before a full date leaves the weekday to the date.
        (
            "At 5:15 p.m., Friday, March 15, deputies arrived.",
            [("5:15 p.m.", "TIME", "2013-03-15T17:15"), ("Friday, March 15", "DATE", "2013-03-15")],
        ),
    ],
)
def test_expression_forms(sentence, expected):
    assert _tagged(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "dct", "quote", "value"),
    [
        # A weekday after a deadline word is the nearest one, ahead or behind.
        (
            "The strikers were given until 9 a.m. Tuesday to return.",
            date(2000, 4, 3),
            "9 a.m. Tuesday",
            "2000-04-04T09:00",
        ),
        ("Rebels must hand over their arms by Monday.", FRI, "Monday", "2013-03-25"),
        ("The curfew stayed in force until Thursday.", FRI, "Thursday", "2013-03-21"),
        # Without a deadline word, past-tense news reports the last occurrence.
        ("Rebels handed over their arms on Monday.", FRI, "Monday", "2013-03-18"),
    ],
)
def test_deadlines(sentence, dct, quote, value):
    hits = [t for t in tag(sentence, dct) if t.text == quote]
    assert hits and hits[0].value == value


def test_explicit_date_in_parentheses_after_a_relative_one_keeps_its_day():
    timexes = tag("The two sides met today (5/2/21) to settle the dispute.", date(2021, 2, 12))
    assert [(t.text, t.day) for t in timexes] == [
        ("today", date(2021, 2, 12)),
        ("5/2/21", date(2021, 2, 5)),
    ]


def test_parenthesised_range_takes_the_date_it_elaborates():
    text = "Around 8 May 2020 (from 7 - 8 May), the group freed 48 prisoners."
    timexes = tag(text, date(2020, 5, 9))
    assert [(t.text, t.day, t.precision) for t in timexes] == [
        ("Around 8 May 2020", date(2020, 5, 8), 2),
        ("7", date(2020, 5, 8), 2),
        ("8 May", date(2020, 5, 8), 2),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Names and numbers that look like dates.
        ("Deputies escorted the suspect in the Spring-area killings.", []),
        ("Dawn Sanders-Garrett runs the youth centre.", []),
        ("The bar on FM 1960 was closed and Flight 1549 landed.", []),
        ("Shots were fired in the 1800 block of Pine Street.", []),
        ("He told 13News Now that nobody was hurt.", []),
        ("The acclaimed Sunday Leader editor was shot.", []),
        ("Police say April Jones, 18, was hit by a stray bullet.", []),
        ("Lawyers for June Carter asked for bail.", []),
        ("Call 270-365-2041 with tips; the store at 1840 West Palma Vista Drive closed.", []),
        (
            "The two women consoled each other Wednesday night.",
            [("Wednesday night", "DATE", "2013-03-20")],
        ),
        # Numeric dates with dashes or dots need a four-digit year.
        (
            "On 01-22-2013 at 1:32 AM deputies arrived.",
            [("01-22-2013", "DATE", "2013-01-22"), ("1:32 AM", "TIME", "2013-01-22T01:32")],
        ),
        ("Every other day he came back.", [("Every other day", "SET", "P2D")]),
        # A clock time with the part of the day that says a.m. or p.m.
        (
            "The shooting took place around 2:30 this morning.",
            [("around 2:30 this morning", "TIME", "2013-03-22T02:30")],
        ),
        (
            "Four men were shot at 3:45 this afternoon.",
            [("3:45 this afternoon", "TIME", "2013-03-22T15:45")],
        ),
        (
            "The shelling began at 11 p.m. last night.",
            [("11 p.m. last night", "TIME", "2013-03-21T23:00")],
        ),
        # Halves of a year.
        (
            "Exports fell in the second half of 2012.",
            [("the second half of 2012", "DATE", "2012-H2")],
        ),
        (
            "Sales rose in the first half of the year.",
            [("the first half of the year", "DATE", "2013-H1")],
        ),
        # "the early hours of Saturday": the day is the timex, "hours" is no duration.
        ("He was seized in the early hours of Saturday.", [("Saturday", "DATE", "2013-03-16")]),
        # "in recent years" says when; "recent weeks" stays a vague duration.
        ("Attacks have grown in recent years.", [("recent years", "DATE", "PAST_REF")]),
        ("Attacks have grown in recent weeks.", [("recent weeks", "DURATION", "PXW")]),
        # A count with an adjective between it and its unit still measures the unit.
        ("He spent three straight days in jail.", [("three straight days", "DURATION", "P3D")]),
        ("The lease runs for an additional year.", [("an additional year", "DURATION", "P1Y")]),
        # The end of the decade: the DCT's decade.
        (
            "The plant will close by the end of the decade.",
            [("the end of the decade", "DATE", "201")],
        ),
        ("Prices rose in the decade since the war.", []),
        # "later in the day", "the week before": the day or week of the preceding date.
        (
            "On March 5 the talks failed. Later in the day, a bomb exploded.",
            [("March 5", "DATE", "2013-03-05"), ("the day", "DATE", "2013-03-05")],
        ),
        (
            "On March 5 the talks failed. The week before, rebels attacked.",
            [("March 5", "DATE", "2013-03-05"), ("The week before", "DATE", "2013-W09")],
        ),
    ],
)
def test_news_robustness(sentence, expected):
    assert _tagged(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "quote", "value"),
    [
        # Scheduled events ahead of the publication date.
        ("An autopsy is expected Wednesday.", "Wednesday", "2013-03-27"),
        ("More details should be released Monday.", "Monday", "2013-03-25"),
        ("A vigil is planned for Thursday.", "Thursday", "2013-03-28"),
        # A reduced relative clause: "the talks, set to resume Monday".
        ("The peace talks, set to resume Monday, were in doubt.", "Monday", "2013-03-25"),
        # A timetable in the simple present.
        ("The two leaders meet separately Monday with the envoy.", "Monday", "2013-03-25"),
        ("He faces a preliminary hearing Wednesday.", "Wednesday", "2013-03-27"),
        ("A gunman opens fire Tuesday at a party.", "Tuesday", "2013-03-19"),
        # A quotation's future does not make the report's weekday future.
        ('"It would be wrong to attend," he wrote on Sunday.', "Sunday", "2013-03-17"),
        # ... but not in the past tense.
        ("The suspect was expected Monday in court.", "Monday", "2013-03-18"),
        ("He should have left Tuesday.", "Tuesday", "2013-03-19"),
        # "is to blame" is no schedule; "is to appear" is.
        ("Police say a rival is to blame for the shooting Tuesday.", "Tuesday", "2013-03-19"),
        ("The suspect is to appear in court Tuesday.", "Tuesday", "2013-03-26"),
    ],
)
def test_scheduled_weekdays(sentence, quote, value):
    hits = [t for t in tag(sentence, FRI) if t.text == quote]
    assert hits and hits[0].value == value


@pytest.mark.parametrize(
    ("text", "quote", "precision"),
    [
        # A reporting date or a hedged date dates the event to its week (ACLED precision 2).
        ("As reported on 2 May 2020, rebels looted the town.", "2 May 2020", 2),
        ("On 2 May 2020 (or around), militias clashed near the river.", "2 May 2020", 2),
        ("On 2 May 2020, militias clashed near the river.", "2 May 2020", 1),
        # An anaphor is as precise as the date it refers to.
        (
            "Around 3 May 2020, a woman was shot. She had been seized the same day.",
            "the same day",
            2,
        ),
        ("On 3 May 2020, a woman was shot. She had been seized the same day.", "the same day", 1),
    ],
)
def test_approximate_dates(text, quote, precision):
    hits = [t for t in tag(text, date(2020, 5, 6)) if t.text == quote]
    assert hits and hits[0].precision == precision


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        # Both readings fall in the month before publication: the nearer one.
        ("07/06/2014: A bomb exploded near a cafe.", date(2014, 7, 7), "2014-07-06"),
        ("06/07/2014: A bomb exploded near a cafe.", date(2014, 7, 7), "2014-07-06"),
    ],
)
def test_numeric_date_nearest_reading(text, dct, value):
    assert tag(text, dct)[0].value == value


def test_a_range_over_a_whole_month_is_dated_like_the_month():
    text = "Sometime between July 1 and July 31, 2014, gunmen kidnapped a reporter."
    assert [(t.day, t.precision) for t in tag(text, date(2014, 8, 1))] == [
        (date(2014, 7, 15), 3),
        (date(2014, 7, 15), 3),
    ]


SUN = date(2013, 3, 24)  # a Sunday


@pytest.mark.parametrize(
    ("sentence", "dct", "expected"),
    [
        # A part of day with a weekday: the day, a DATE (TempEval-3's re-annotated AQUAINT).
        ("Rebels shelled the road on Tuesday morning.", FRI, [("Tuesday morning", "DATE", "2013-03-19")]),
        ("Looting went on until dawn Thursday.", FRI, [("dawn Thursday", "DATE", "2013-03-21")]),
        # ... but a clock time and a relative day keep their time of day.
        ("The curfew began at noon Wednesday.", FRI, [("noon Wednesday", "TIME", "2013-03-20T12:00")]),
        ("Two shells fell this morning.", FRI, [("this morning", "TIME", "2013-03-22TMO")]),
        # "after midnight" following an evening: the first hour of the next day.
        ("On Tuesday night a party began. Shots rang out just after midnight.", FRI,
         [("Tuesday night", "DATE", "2013-03-19"), ("midnight", "TIME", "2013-03-20T00:00")]),
        ("Early Tuesday, shortly after midnight, shots rang out.", FRI,
         [("Early Tuesday", "DATE", "2013-03-19"), ("midnight", "TIME", "2013-03-19T24:00")]),
        ("On Tuesday night he left before midnight.", FRI,
         [("Tuesday night", "DATE", "2013-03-19"), ("midnight", "TIME", "2013-03-19T24:00")]),
        # A clock time of a later sentence takes the story's day, not the day of a report.
        ("Two men were shot Tuesday. Police said Thursday the men knew each other. At 10 p.m. "
         "officers arrived.", FRI,
         [("Tuesday", "DATE", "2013-03-19"), ("Thursday", "DATE", "2013-03-21"),
          ("10 p.m.", "TIME", "2013-03-19T22:00")]),
        ("Police said Thursday the men knew each other. At 10 p.m. officers arrived.", FRI,
         [("Thursday", "DATE", "2013-03-21"), ("10 p.m.", "TIME", "2013-03-21T22:00")]),
        # On a Sunday "last week" is the week that ended yesterday; on other days the one before.
        ("Troops entered the city last week.", SUN, [("last week", "DATE", "2013-W12")]),
        ("Troops entered the city last week.", FRI, [("last week", "DATE", "2013-W11")]),
        # A holiday week or weekend: the ISO week of the holiday.
        ("Fighting eased during Easter week.", date(2013, 4, 3), [("Easter week", "DATE", "2013-W13")]),
        ("Shops closed over the Christmas weekend.", date(2012, 12, 28), [("Christmas weekend", "DATE", "2012-W52-WE")]),
        # "due to" before a noun gives a cause, not a schedule: the weekday stays in the past.
        ("The march was called off due to rain Monday.", FRI, [("Monday", "DATE", "2013-03-18")]),
        ("The rally was delayed; it was due to rain Monday.", FRI, [("Monday", "DATE", "2013-03-18")]),
        ("The envoy is due to arrive Monday.", FRI, [("Monday", "DATE", "2013-03-25")]),
        # "the previous/following <weekday>" counts from the story's last day, not the DCT.
        ("Troops left on 6 March. The previous Friday, rebels had struck.", FRI,
         [("6 March", "DATE", "2013-03-06"), ("The previous Friday", "DATE", "2013-03-01")]),
        ("Troops left on 6 March. The following Monday, rebels struck.", FRI,
         [("6 March", "DATE", "2013-03-06"), ("The following Monday", "DATE", "2013-03-11")]),
        ("Following Monday's raid, rebels struck.", FRI, [("Monday", "DATE", "2013-03-18")]),
        # "the following/previous/same year|month" count from the story's time, "next year" from the DCT.
        ("He was promoted on May 22, 1995, and the following year he retired.", FRI,
         [("May 22, 1995", "DATE", "1995-05-22"), ("the following year", "DATE", "1996")]),
        ("The bid failed in March 2011. The following month, the firm was sold.", FRI,
         [("March 2011", "DATE", "2011-03"), ("The following month", "DATE", "2011-04")]),
        ("He retires next year.", FRI, [("next year", "DATE", "2014")]),
        # An ordinal quarter after the DCT's own is the last one past, unless the clause looks ahead.
        ("Profit rose in the fourth quarter.", date(2013, 1, 28), [("the fourth quarter", "DATE", "2012-Q4")]),
        ("Profit will rise in the fourth quarter.", date(2013, 1, 28), [("the fourth quarter", "DATE", "2013-Q4")]),
        ("Profit rose in the first quarter.", FRI, [("the first quarter", "DATE", "2013-Q1")]),
    ],
)  # fmt: skip
def test_part_of_day_weeks_and_due_to(sentence, dct, expected):
    assert _tagged(sentence, dct) == expected


@pytest.mark.parametrize(
    ("sentence", "quote", "expected"),
    [
        ("On 27 April, another ton had been found in the park.", "27 April", True),
        ("The man, who had fled on Monday, was arrested.", "Monday", True),
        ("Police said on Monday that the man had been killed.", "Monday", False),
        ("He had three children; on Friday he was shot.", "Friday", False),
        ("On 29 April, police seized a ton of cannabis.", "29 April", False),
        ("His wife had sought a divorce last month.", "last month", True),
    ],
)
def test_pluperfect_clause(sentence, quote, expected):
    start = sentence.index(quote)
    assert pluperfect(sentence, start, start + len(quote), 0, len(sentence)) is expected
