"""Event dating on hand-written news sentences: which date is the event's own."""

from datetime import date

import pytest

from conflictcoder import eventdates
from conflictcoder.models import Analysis, Article, Mention, Span, Timex
from conflictcoder.sentences import split
from conflictcoder.timex import tag

DCT = date(2022, 1, 22)  # a Saturday
SHOOTING = ("Violence against civilians", "Attack")
ARREST = ("Strategic developments", "Arrests")


def _choice(text: str, trigger: str, kind: tuple[str, str] = SHOOTING) -> eventdates.Choice:
    """The date of a one-mention event triggered by the first ``trigger`` of ``text``."""
    sentences = split(text)
    start = text.index(trigger)
    sentence = next(s.index for s in sentences if s.start <= start < s.end)
    mention = Mention(
        sentence=sentence,
        trigger=Span(start, start + len(trigger)),
        event_type=kind[0],
        sub_event_type=kind[1],
    )
    analysis = Analysis(
        article=Article(doc_id="t", text=text, published=DCT),
        sentences=sentences,
        timexes=tag(text, DCT),
        mentions=(mention,),
    )
    dates = eventdates.prepare(analysis)
    found = eventdates.for_mention(analysis, dates, mention)
    return eventdates.choose(analysis, dates, [(mention, found)], kind[0])


@pytest.mark.parametrize(
    ("text", "trigger", "expected", "precision"),
    [
        # Follow-ups: the arrest, charge or plea day is not the shooting's.
        (
            "Police arrested a man Tuesday in the shooting that killed two people on Jan. 3.",
            "shooting",
            date(2022, 1, 3),
            1,
        ),
        (
            "A man was arrested Wednesday in the fatal shooting of his neighbour. Police said "
            "the shooting happened late Sunday outside a bar.",
            "shooting",
            date(2022, 1, 16),
            1,
        ),
        (
            "Prosecutors charged a woman with murder Thursday in the death of her cousin, who "
            "was shot late Monday at a motel.",
            "murder",
            date(2022, 1, 17),
            1,
        ),
        (
            "A teenager was arrested for the killing of a classmate. He is accused of shooting "
            "the boy, 16, on the night of Jan. 9 near a park.",
            "killing",
            date(2022, 1, 9),
            1,
        ),
        # A page's posting stamp dates nothing.
        (
            "Three hurt in shooting Posted: Friday, January 21, 2022 4:46 AM EST Updated: Friday, "
            "January 21, 2022 4:50 AM EST. The shooting happened just before 8 p.m. Tuesday.",
            "shooting",
            date(2022, 1, 18),
            1,
        ),
        # A vague date is made exact by the day the article gives the violence.
        (
            "A boy was killed in a shooting last week. On Jan. 14, two gunmen opened fire on a "
            "group outside a shop.",
            "shooting",
            date(2022, 1, 14),
            1,
        ),
        (
            "A man was stabbed to death earlier this month. The stabbing happened on Jan. 5.",
            "stabbed",
            date(2022, 1, 5),
            1,
        ),
        # A date opening its sentence is tied to violence anywhere in it.
        (
            "A boy was murdered earlier this month. On Jan. 10, he and three friends were "
            "having a sleepover at a house on the north side of the city when he was shot.",
            "murdered",
            date(2022, 1, 10),
            1,
        ),
        (
            "A father and two children were killed earlier this month. On Jan. 3, police found "
            "a man and two children dead in an apartment.",
            "killed",
            date(2022, 1, 3),
            1,
        ),
        # Only a process date: it is the best there is.
        ("Gunmen killed two guards, police said on Thursday.", "killed", date(2022, 1, 20), 1),
        # A date opening the sentence governs it, even before "said".
        (
            "On 9 January 2022, police said gunmen killed a farmer in his field.",
            "killed",
            date(2022, 1, 9),
            1,
        ),
        # The violence's own date in the sentence wins over the report date.
        (
            "Two people were shot Friday night, police said Saturday.",
            "shot",
            date(2022, 1, 21),
            1,
        ),
        # A court as a place is no step of the process.
        (
            "A man was killed in a shooting outside the court on Tuesday. It was the second "
            "shooting there since a fatal shooting on Jan. 3.",
            "shooting",
            date(2022, 1, 18),
            1,
        ),
        (
            "Before Monday's funeral, relatives said the man was shot on Jan. 9.",
            "shot",
            date(2022, 1, 9),
            1,
        ),
        # A past-perfect clause the trigger is not in is background, not the event's date.
        ("The woman police say was shot had sought a divorce last month.", "shot", DCT, 2),
        (
            "Relatives said the woman, who was shot, had sought a divorce last month. The "
            "shooting happened on Friday.",
            "shot",
            date(2022, 1, 21),
            1,
        ),
        (
            "A man was released from a hospital Thursday hours after his son accidentally shot "
            "him, police said Friday.",
            "shot",
            date(2022, 1, 20),
            1,
        ),
        # Dated only by a later step: the article's earliest step of that week.
        (
            "A man who police think shot four people planned the attack, the chief said "
            "Friday. The man was wounded as officers took him into custody Wednesday.",
            "shot",
            date(2022, 1, 19),
            1,
        ),
        # No date but a later step elsewhere: it bounds the violence.
        (
            "A girl, 3, picked up a handgun and accidentally shot herself. She died at a "
            "hospital on Monday.",
            "shot",
            date(2022, 1, 17),
            1,
        ),
        # Nothing dates the event: the publication date, week precision.
        ("Three people were shot. No arrests have been made.", "shot", DCT, 2),
        # A month made exact by the one plain day of that month the article gives.
        (
            "A suspect was charged in the fatal December shooting of a teenager. The boy was "
            "standing with friends near a school on Dec. 28 when a car pulled up.",
            "shooting",
            date(2021, 12, 28),
            1,
        ),
        # "overnight": the night began on the evening the article gives the violence.
        (
            "Five men were shot and one was killed overnight. It happened Friday night around "
            "10 p.m. outside a bar.",
            "killed",
            date(2022, 1, 21),
            1,
        ),
        ("Two men were shot overnight outside a bar.", "shot", DCT, 1),
        # "the previous day" is background to the date before it, not the reference date
        (
            "On Jan. 20, militiamen torched the truck of a group they ambushed the previous "
            "day. The torching was part of a feud between two clans.",
            "torching",
            date(2022, 1, 20),
            1,
        ),
    ],
)
def test_violent_event_dates(text, trigger, expected, precision):
    choice = _choice(text, trigger)
    assert (choice.day, choice.precision) == (expected, precision)
    assert choice.why


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # An arrest is dated by its own day.
        (
            "Police arrested a man Tuesday after a shooting on Jan. 3.",
            "arrested",
            date(2022, 1, 18),
        ),
        # "around 5 May" already names its day: no later date refines it.
        (
            "Around 13 January 2022, gunmen killed a trader. On 11 January, shots were fired.",
            "killed",
            date(2022, 1, 13),
        ),
    ],
)
def test_dates_kept(text, trigger, expected):
    kind = ARREST if trigger == "arrested" else SHOOTING
    assert _choice(text, trigger, kind).day == expected


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        ("Officers arrested him Wednesday.", "Wednesday", True),
        ("He pleaded guilty Tuesday morning to murder.", "Tuesday morning", True),
        ("Gunmen killed two guards, police said on Thursday.", "Thursday", True),
        ("Before Monday's hearing, the family spoke.", "Monday", True),
        ("During his Wednesday address, the chief was angry.", "Wednesday", True),
        ("At a Friday news conference, police named him.", "Friday", True),
        ("A man was shot Friday outside the court.", "Friday", False),
        ("He was arrested after he shot a man Tuesday.", "Tuesday", False),
        ("Two people were shot Friday night.", "Friday night", False),
        # "hours after" the violence: the step's day is the violence's too.
        ("He was arrested Sunday, hours after the shooting.", "Sunday", False),
        ("He was released Saturday just hours after he was shot.", "Saturday", False),
        # The date of the violence itself, after a reporting verb.
        ("A neighbour said Monday's shooting felt too close.", "Monday", False),
    ],
)
def test_process_dates(text, quote, expected):
    timex = next(t for t in tag(text, DCT) if t.text == quote)
    assert eventdates.process_date(text, timex) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Posted: Friday, January 21, 2022 4:46 AM EST. A man was shot Thursday.",
        "Man shot (Published Friday, Jan. 21, 2022) A man was shot Thursday.",
        "Updated at 5:10 PM on Jan. 21. A man was shot Thursday.",
        "Friday 4:45 p.m. UPDATE: The victim was named. A man was shot Thursday.",
    ],
)
def test_stamp_dates_are_not_usable(text):
    analysis = Analysis(
        article=Article(doc_id="t", text=text, published=DCT),
        sentences=split(text),
        timexes=tag(text, DCT),
    )
    usable = [t.text for t in eventdates.prepare(analysis).usable]
    assert usable == ["Thursday"]


def test_opening_date_governs_the_whole_sentence():
    text = "On 3 May, a man who was arrested on 1 May was shot."
    timex = Timex(start=3, end=8, text="3 May", type="DATE", value="2022-05-03")
    assert eventdates.date_distance(text, 0, text.index("shot"), timex) == 0.0


def test_an_arrest_grouped_with_the_shooting_does_not_date_it():
    text = (
        "Deputies arrested a man in a deadly shooting. He was taken into custody Tuesday. "
        "Investigators said he fired through a door on Jan. 12."
    )
    sentences = split(text)

    def mention(trigger: str, kind: tuple[str, str]) -> Mention:
        start = text.index(trigger)
        sentence = next(s.index for s in sentences if s.start <= start < s.end)
        return Mention(
            sentence=sentence,
            trigger=Span(start, start + len(trigger)),
            event_type=kind[0],
            sub_event_type=kind[1],
        )

    mentions = (mention("shooting", SHOOTING), mention("custody", ARREST))
    analysis = Analysis(
        article=Article(doc_id="t", text=text, published=DCT),
        sentences=sentences,
        timexes=tag(text, DCT),
        mentions=mentions,
    )
    dates = eventdates.prepare(analysis)
    members = [(m, eventdates.for_mention(analysis, dates, m)) for m in mentions]
    choice = eventdates.choose(analysis, dates, members, SHOOTING[0])
    assert (choice.day, choice.source) == (date(2022, 1, 12), "discourse")
    # The arrest itself keeps its day.
    assert eventdates.choose(analysis, dates, members[1:], ARREST[0]).day == date(2022, 1, 18)
