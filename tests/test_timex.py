"""Table-driven tests of the temporal tagger (conflictcoder.timex)."""

from __future__ import annotations

from datetime import date

import pytest

from conflictcoder.timex import tag

SAT = date(2022, 1, 22)  # a Saturday, the seed article's publication date

SEED_LIKE = (
    "More than 100 militants assaulted the main prison, sparking a battle that continued "
    "24 hours later and left dozens dead on Friday as the group unleashed its biggest attack "
    "since the fall of its caliphate three years ago.\n\n"
    "Across the border, gunmen stormed an army barracks before dawn on the same day, killing 11 "
    "- the deadliest attack in months.\n\n"
    "The militants attacked on Thursday evening, a spokesman said. The fighting started with a "
    "large explosion around 7 pm, said one resident."
)


def _find(text: str, dct: date, quote: str):
    hits = [t for t in tag(text, dct) if t.text == quote]
    assert hits, f"{quote!r} not tagged in {[t.text for t in tag(text, dct)]}"
    return hits[0]


@pytest.mark.parametrize(
    ("quote", "type_", "value", "day", "precision"),
    [
        ("24 hours", "DURATION", "PT24H", None, None),
        ("Friday", "DATE", "2022-01-21", date(2022, 1, 21), 1),
        ("three years ago", "DATE", "2019", None, None),
        ("the same day", "DATE", "2022-01-21", date(2022, 1, 21), 1),
        ("Thursday evening", "DATE", "2022-01-20", date(2022, 1, 20), 1),
        ("around 7 pm", "TIME", "2022-01-20T19:00", date(2022, 1, 20), 1),
        ("months", "DURATION", "PXM", None, None),
    ],
)
def test_seed_like_expressions(quote, type_, value, day, precision):
    timex = _find(SEED_LIKE, SAT, quote)
    assert (timex.type, timex.value, timex.day, timex.precision) == (type_, value, day, precision)


@pytest.mark.parametrize(
    ("sentence", "quote", "value", "day", "precision"),
    [
        # Weekdays: nearest occurrence on or before the DCT in past-tense reporting.
        ("Gunmen attacked the town on Thursday.", "Thursday", "2022-01-20", date(2022, 1, 20), 1),
        ("The army said on Saturday it had retaken the hill.", "Saturday", "2022-01-22", SAT, 1),
        (
            "Police raided the camp last Saturday.",
            "last Saturday",
            "2022-01-15",
            date(2022, 1, 15),
            1,
        ),
        ("Talks resumed last Thursday.", "last Thursday", "2022-01-20", date(2022, 1, 20), 1),
        ("Talks will resume next Thursday.", "next Thursday", "2022-01-27", None, None),
        ("The ministers will meet on Monday.", "Monday", "2022-01-24", None, None),
        ("Elections are expected to be held on Tuesday.", "Tuesday", "2022-01-25", None, None),
        (
            "Fighting broke out late Wednesday night.",
            "late Wednesday night",
            "2022-01-19",
            date(2022, 1, 19),
            1,
        ),
        # Relative days.
        ("Two soldiers were killed yesterday.", "yesterday", "2022-01-21", date(2022, 1, 21), 1),
        ("Protesters gathered today in the capital.", "today", "2022-01-22", SAT, 1),
        ("Shelling resumed last night.", "last night", "2022-01-21TNI", date(2022, 1, 21), 1),
        ("A curfew starts tonight.", "tonight", "2022-01-22TNI", SAT, 1),
        ("A mortar hit the market this morning.", "this morning", "2022-01-22TMO", SAT, 1),
        ("Clashes erupted overnight.", "overnight", "2022-01-22TNI", SAT, 1),
        # Weeks, months, years.
        ("Troops entered the city last week.", "last week", "2022-W02", date(2022, 1, 13), 2),
        ("Protests spread this week.", "this week", "2022-W03", date(2022, 1, 20), 2),
        (
            "Rebels seized the town earlier this month.",
            "earlier this month",
            "2022-01",
            date(2022, 1, 1),
            3,
        ),
        ("Rebels seized the town last month.", "last month", "2021-12", date(2021, 12, 15), 3),
        ("The group was founded last year.", "last year", "2021", None, None),
        ("Clashes continued over the weekend.", "the weekend", "2022-W03-WE", SAT, 2),
        # Absolute dates.
        (
            "The attack took place on 9 May 2020 near the border.",
            "9 May 2020",
            "2020-05-09",
            date(2020, 5, 9),
            1,
        ),
        (
            "On May 9, 2020, gunmen attacked a bus.",
            "May 9, 2020",
            "2020-05-09",
            date(2020, 5, 9),
            1,
        ),
        ("The ceasefire collapsed on Jan. 20.", "Jan. 20", "2022-01-20", date(2022, 1, 20), 1),
        (
            "The ceasefire collapsed on 20 January 2022.",
            "20 January 2022",
            "2022-01-20",
            date(2022, 1, 20),
            1,
        ),
        (
            "Report dated 2022-01-20 from the field.",
            "2022-01-20",
            "2022-01-20",
            date(2022, 1, 20),
            1,
        ),
        ("Fighting began in March 2021.", "March 2021", "2021-03", date(2021, 3, 15), 3),
        ("The siege ended in December.", "December", "2021-12", date(2021, 12, 15), 3),
        ("The town fell in early November.", "early November", "2021-11", date(2021, 11, 1), 3),
        (
            "A vote is planned for the end of March 2022.",
            "the end of March 2022",
            "2022-03",
            None,
            None,
        ),
        ("Peace talks collapsed in 2014.", "2014", "2014", None, None),
        # Anaphora.
        (
            "Gunmen attacked on Tuesday. The next morning, troops arrived.",
            "The next morning",
            "2022-01-19TMO",
            date(2022, 1, 19),
            1,
        ),
        (
            "Gunmen attacked on Tuesday. The following day, troops arrived.",
            "The following day",
            "2022-01-19",
            date(2022, 1, 19),
            1,
        ),
        (
            "Gunmen attacked on Monday. Two days later, troops arrived.",
            "Two days later",
            "2022-01-19",
            date(2022, 1, 19),
            1,
        ),
        (
            "The camp was shelled five days ago.",
            "five days ago",
            "2022-01-17",
            date(2022, 1, 17),
            1,
        ),
        ("The camp was shelled two weeks ago.", "two weeks ago", "2022-W01", date(2022, 1, 8), 2),
        # References and durations.
        ("The rebels now control the road.", "now", "PRESENT_REF", None, None),
        ("The rebels currently control the road.", "currently", "PRESENT_REF", None, None),
        ("The group has recently regained strength.", "recently", "PAST_REF", None, None),
        ("Such attacks were common in the past.", "the past", "PAST_REF", None, None),
        ("The siege lasted for three days.", "three days", "P3D", None, None),
        ("A years-long campaign crushed the group.", "years-long", "PXY", None, None),
        ("Attacks have grown over the past few years.", "the past few years", "PXY", None, None),
        # Sets.
        ("Protesters gather every Friday.", "every Friday", "XXXX-WXX-5", None, None),
        ("The camp is shelled daily.", "daily", "P1D", None, None),
        ("Aid convoys arrive weekly.", "weekly", "P1W", None, None),
    ],
)
def test_values_and_days(sentence, quote, value, day, precision):
    timex = _find(sentence, SAT, quote)
    assert (timex.value, timex.day, timex.precision) == (value, day, precision)


@pytest.mark.parametrize(
    "sentence",
    [
        "The militants may attack again, officials warned.",
        "Thousands march through the capital.",
        "Some 2000 people fled the fighting.",
        "The group, founded by a cleric, has 5,000 fighters.",
        "He said he would reconsider the decision.",
        # a programme's name, not a date
        'Mr. Baker said on ABC\'s "This Week" that talks would go on.',
        "This is VOA Today.",
        "He told USA Today that he would run.",
    ],
)
def test_no_false_alarms(sentence):
    assert tag(sentence, SAT) == ()


@pytest.mark.parametrize(
    ("sentence", "dct"),
    [
        (SEED_LIKE, SAT),
        ("Talks will resume next Thursday and the vote is set for March 3.", SAT),
        ("The attack came 24 hours later, and a week later the town fell.", SAT),
        ("Officials expect results tomorrow; fighting may resume next month.", SAT),
    ],
)
def test_never_a_day_after_the_dct(sentence, dct):
    for timex in tag(sentence, dct):
        assert timex.day is None or timex.day <= dct
        assert (timex.day is None) == (timex.precision is None)


@pytest.mark.parametrize(
    ("sentence", "dct"),
    [
        (SEED_LIKE, SAT),
        ("On Monday, Oct. 26, 1998, at about 10:35 a.m. GMT, the first of two blasts hit.", SAT),
        ("It happened in the 1990s, during the winter of 1994 and every day since.", SAT),
    ],
)
def test_offsets_reproduce_quotes_in_text_order(sentence, dct):
    found = tag(sentence, dct)
    assert found
    for timex in found:
        assert sentence[timex.start : timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert timex.why
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


# Ranges: both ends are tagged (TimeML) and both carry the range's ACLED day/precision.
RANGE_DCT = date(2021, 7, 1)


@pytest.mark.parametrize(
    ("sentence", "quotes", "values", "day", "precision"),
    [
        (
            "Between March 7 and 13, drones struck the depot.",
            ("March 7", "13"),
            ("2021-03-07", "2021-03-13"),
            date(2021, 3, 10),
            2,
        ),
        (
            "Between the 20th and 26th of June, militias fought near the dam.",
            ("the 20th", "26th of June"),
            ("2021-06-20", "2021-06-26"),
            date(2021, 6, 23),
            2,
        ),
        (
            "Between the 30th of May and 5th of June, jets hit the ridge.",
            ("the 30th of May", "5th of June"),
            ("2021-05-30", "2021-06-05"),
            date(2021, 6, 2),
            2,
        ),
        (
            "Between January 10th and 11th, students marched.",
            ("January 10th", "11th"),
            ("2021-01-10", "2021-01-11"),
            date(2021, 1, 10),
            1,
        ),
        (
            "Around 6 May 2021 (from 6 -7 May), rebels burned a school.",
            ("6", "7 May"),
            ("2021-05-06", "2021-05-07"),
            date(2021, 5, 6),
            2,  # the parenthesis elaborates "Around 6 May 2021": its day and precision
        ),
        (
            "Fighting raged from April 2 to April 20 along the river.",
            ("April 2", "April 20"),
            ("2021-04-02", "2021-04-20"),
            date(2021, 4, 11),
            3,
        ),
    ],
)
def test_ranges_date_to_their_middle(sentence, quotes, values, day, precision):
    for quote, value in zip(quotes, values, strict=True):
        timex = _find(sentence, RANGE_DCT, quote)
        assert (timex.value, timex.day, timex.precision) == (value, day, precision)
        assert "range" in timex.why


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        ("Shells fell on March 7 and 13 homes burned.", "March 7"),
        ("Votes were counted on March 7 and 13 more on Friday.", "March 7"),
    ],
)
def test_two_dates_are_not_a_range(sentence, quote):
    timex = _find(sentence, RANGE_DCT, quote)
    assert (timex.day, timex.precision) == (date(2021, 3, 7), 1)
    assert [t.text for t in tag(sentence, RANGE_DCT)].count("13") == 0


BUSINESS_DCT = date(1999, 11, 4)  # a Thursday


@pytest.mark.parametrize(
    ("dct", "sentence", "quote", "type_", "value", "day", "precision"),
    [
        # ACLED-style openers: "Around <date>" is coded to the week.
        (RANGE_DCT, "Around 6 May 2021, a trader was shot.", "Around 6 May 2021",
         "DATE", "2021-05-06", date(2021, 5, 6), 2),
        (RANGE_DCT, "A clash was reported on July 6,2021 near the market.", "July 6,2021",
         "DATE", "2021-07-06", None, None),
        # Discourse anaphora.
        (RANGE_DCT, "On 3 May, gunmen attacked. The next day, police came.", "The next day",
         "DATE", "2021-05-04", date(2021, 5, 4), 1),
        (RANGE_DCT, "On 3 May, a bomb exploded. A day before, a threat arrived.",
         "A day before", "DATE", "2021-05-02", date(2021, 5, 2), 1),
        (RANGE_DCT, "On 9 June, a guard died of wounds received a few days earlier.",
         "a few days", "DURATION", "PXD", None, None),
        # Fiscal quarters: "a year ago" and "year-ago" compare the quarter just named.
        (BUSINESS_DCT, "Profit in the third quarter fell 8% from a year ago.", "a year ago",
         "DATE", "1998-Q3", None, None),
        (BUSINESS_DCT, "Third-quarter sales rose, against a year-earlier loss.", "year-earlier",
         "DATE", "1998-Q3", None, None),
        (BUSINESS_DCT, "Sales beat the year-ago quarter by 4%.", "the year-ago quarter",
         "DATE", "1998-Q3", None, None),
        (BUSINESS_DCT, "The plant will reopen in this year's fourth quarter.",
         "this year's fourth quarter", "DATE", "1999-Q4", None, None),
        (BUSINESS_DCT, "Revenue matched the 1998 second quarter.", "the 1998 second quarter",
         "DATE", "1998-Q2", None, None),
        (BUSINESS_DCT, "The mayor was elected a year ago.", "a year ago",
         "DATE", "1998", None, None),
        # Months without a year: near future, deadlines, past tense far ahead.
        (BUSINESS_DCT, "The merger should close in December.", "December",
         "DATE", "1999-12", None, None),
        (BUSINESS_DCT, "Bids are due by February.", "February", "DATE", "2000-02", None, None),
        (BUSINESS_DCT, "The chief executive resigned in March.", "March",
         "DATE", "1999-03", date(1999, 3, 15), 3),
        (BUSINESS_DCT, "The board will vote on the plan in August.", "August",
         "DATE", "2000-08", None, None),
        (BUSINESS_DCT, "Mr. Lee, 50, will succeed Ann B. Cole Feb. 1.", "Feb. 1",
         "DATE", "2000-02-01", None, None),
        # Durations with fractions and modifiers.
        (BUSINESS_DCT, "The strike lasted 2 1/2 years.", "2 1/2 years",
         "DURATION", "P2Y6M", None, None),
        (BUSINESS_DCT, "Talks lasted two and a half days.", "two and a half days",
         "DURATION", "P2DT12H", None, None),
        (BUSINESS_DCT, "The vote took a minute and a half.", "a minute and a half",
         "DURATION", "PT1M30S", None, None),
        (BUSINESS_DCT, "The loan runs for at least 20 more years.", "at least 20 more years",
         "DURATION", "P20Y", None, None),
        # Weekday with a date and a colon; part of day of a relative day.
        (BUSINESS_DCT, "The paper wrote on Saturday, Oct. 30: the end is near.",
         "Saturday, Oct. 30", "DATE", "1999-10-30", date(1999, 10, 30), 1),
        (BUSINESS_DCT, "Shares fell at mid-afternoon yesterday.", "mid-afternoon yesterday",
         "TIME", "1999-11-03TAF", date(1999, 11, 3), 1),
        # "the year": the calendar year, unless a twelve-month period "ended" on some day.
        (BUSINESS_DCT, "For the year, volume was flat.", "the year", "DATE", "1999", None, None),
        (BUSINESS_DCT, "Net rose 9% in the year ended June 30.", "the year",
         "DURATION", "P1Y", None, None),
        (BUSINESS_DCT, "Sales for the full year rose 13%.", "the full year",
         "DATE", "1999", None, None),
        (BUSINESS_DCT, "In the fiscal year ending in March, it lost money.", "the fiscal year",
         "DURATION", "P1Y", None, None),
        (BUSINESS_DCT, "The sale should close by year-end.", "year-end",
         "DATE", "1999", None, None),
        (BUSINESS_DCT, "The rules should be in place by year's end.", "year's end",
         "DATE", "1999", None, None),
        (BUSINESS_DCT, "We will not cut prices in the near term.", "the near term",
         "DATE", "FUTURE_REF", None, None),
        # "last <month>": the month just past is "last month", so "last October" in
        # November is a year back; an earlier month is this year's.
        (BUSINESS_DCT, "The plant closed last October.", "last October",
         "DATE", "1998-10", date(1998, 10, 15), 3),
        (BUSINESS_DCT, "The plant closed last June.", "last June",
         "DATE", "1999-06", date(1999, 6, 15), 3),
    ],
)  # fmt: skip
def test_news_conventions(dct, sentence, quote, type_, value, day, precision):
    timex = _find(sentence, dct, quote)
    assert (timex.type, timex.value, timex.day, timex.precision) == (type_, value, day, precision)


MON_DCT = date(2003, 6, 2)  # a Monday


@pytest.mark.parametrize(
    ("sentence", "quote", "type_", "value", "day", "precision"),
    [
        # Future cues other than "will": plans, "as soon as", "might".
        ("The envoys planned to fly home on Wednesday.", "Wednesday",
         "DATE", "2003-06-04", None, None),
        ("The convoy could leave as soon as Thursday, aides said.", "Thursday",
         "DATE", "2003-06-05", None, None),
        ("The ceasefire might begin Friday.", "Friday", "DATE", "2003-06-06", None, None),
        ("Rebels said Friday they had withdrawn.", "Friday",
         "DATE", "2003-05-30", date(2003, 5, 30), 1),
        # "recent weeks" is a vague duration; "the past decade" a duration.
        ("Raids have multiplied in recent weeks.", "recent weeks", "DURATION", "PXW", None, None),
        ("Looting grew over the past decade.", "the past decade", "DURATION", "P10Y", None, None),
        # A rate: so many things a unit is a SET; a bare "a day" stays a duration.
        ("Medics treat dozens of patients a day.", "a day", "SET", "P1D", None, None),
        ("The militia earns $2 million a year from tolls.", "a year", "SET", "P1Y", None, None),
        ("The road was closed for a day.", "a day", "DURATION", "P1D", None, None),
        # "a week-long": the article belongs to the noun, not the timex.
        ("Troops imposed a week-long curfew.", "week-long", "DURATION", "P1W", None, None),
        # Holidays: US Election Day; a holiday a few days ahead is the coming one.
        ("Turnout on Election Day is expected to be low.", "Election Day",
         "DATE", "2002-11-05", date(2002, 11, 5), 1),
        ("Shops closed early on Christmas Eve.", "Christmas Eve",
         "DATE", "2002-12-24", date(2002, 12, 24), 1),
        # A capitalised month after "the"; a listed second day of a month.
        ("The March offensive stalled.", "March", "DATE", "2003-03", date(2003, 3, 15), 3),
        ("Donors meet on June 23 and 24.", "24", "DATE", "2003-06-24", None, None),
    ],
)  # fmt: skip
def test_aquaint_style_news(sentence, quote, type_, value, day, precision):
    timex = _find(sentence, MON_DCT, quote)
    assert (timex.type, timex.value, timex.day, timex.precision) == (type_, value, day, precision)


@pytest.mark.parametrize(
    "sentence",
    [
        "Aid will flow as soon as the road opens.",
        "He was freed soon after the raid.",
        "A second convoy was attacked.",
    ],
)
def test_not_temporal_in_aquaint_style_news(sentence):
    assert [t.text for t in tag(sentence, MON_DCT)] == []


def test_coming_holiday_is_not_dated_as_an_event():
    timex = _find("Stores expect crowds at Christmas.", date(2003, 12, 20), "Christmas")
    assert (timex.value, timex.day) == ("2003-12-25", None)


@pytest.mark.parametrize(
    ("text", "dct", "value", "day"),
    [
        ("12/31/2016: A bomb exploded.", date(2017, 1, 1), "2016-12-31", date(2016, 12, 31)),
        ("25/12/2016: A bomb exploded.", date(2017, 1, 1), "2016-12-25", date(2016, 12, 25)),
        # both readings valid: the one just before the publication date
        ("01/05/2012: A car bomb exploded.", date(2012, 1, 6), "2012-01-05", date(2012, 1, 5)),
        ("On 5/9/2020 gunmen attacked.", date(2020, 9, 6), "2020-09-05", date(2020, 9, 5)),
        ("On 5/9/2020 gunmen attacked.", date(2020, 5, 10), "2020-05-09", date(2020, 5, 9)),
        # neither reading is recent: only the year is sure
        ("On 3/4/2020 gunmen attacked.", date(2020, 6, 1), "2020", None),
    ],
)
def test_numeric_dates(text, dct, value, day):
    [found] = [t for t in tag(text, dct) if "/" in t.text]
    assert (found.value, found.day) == (value, day)
