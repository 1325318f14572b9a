"""What an event group keeps up to date as mentions join it (``eventgroups.Group``)."""

from datetime import date

import pytest

from conflictcoder.eventdates import MentionDates
from conflictcoder.eventgroups import Context, Group, place_rank
from conflictcoder.models import Article, Mention, Place, PlaceMention, Span, Timex
from conflictcoder.pipeline import analyse


def _place(start, kind, country="SY"):
    place = Place(
        geonameid=None, name=f"P{start}", latitude=36.0, longitude=37.0,
        feature_code="PPL", country=country,
    )  # fmt: skip
    return PlaceMention(
        start=start, end=start + 3, text=f"P{start}", place=place, kind=kind, geo_precision=1
    )


def _ctx(place=None, country=None, day=None, event_type="Battles"):
    mention = Mention(sentence=0, trigger=Span(0, 1), event_type=event_type, sub_event_type="x")
    own = (
        Timex(start=0, end=1, text="x", type="DATE", value=day.isoformat(), day=day, precision=1)
        if day
        else None
    )
    return Context(mention, MentionDates(own, None), place, country, separate=False)


@pytest.mark.parametrize(
    "places, best",
    [
        ([("admin1", 10), ("populated", 20)], 20),  # a town beats a province
        ([("populated", 30), ("facility", 5)], 5),  # town-level places rank alike: first named
        ([("country", 1), (None, 0), ("admin2", 40)], 40),  # a member with no place is skipped
    ],
)
def test_group_keeps_its_best_ranked_place(places, best):
    group = Group()
    for kind, start in places:
        group.add(_ctx(place=_place(start, kind) if kind else None))
    assert group.place is not None and group.place.start == best
    ranked = min((c.place for c in group.members if c.place), key=place_rank)
    assert ranked is group.place


@pytest.mark.parametrize(
    "countries, expected",
    [((None, "IQ", "SY"), "IQ"), (("SY", "IQ"), "SY"), ((None, None), None)],
)
def test_group_keeps_the_first_country_named(countries, expected):
    group = Group()
    for country in countries:
        group.add(_ctx(country=country))
    assert group.country == expected


def test_group_keeps_the_days_of_its_violent_members_apart():
    group = Group()
    group.add(_ctx(day=date(2022, 1, 20)))
    group.add(_ctx(day=date(2022, 1, 24), event_type="Strategic developments"))
    assert group.days() == {date(2022, 1, 20), date(2022, 1, 24)}
    assert group.days(violent_only=True) == {date(2022, 1, 20)}


@pytest.mark.parametrize(
    "second",
    [
        "Also this weekend, in an unrelated incident, a man was shot dead in a park.",
        "Police are investigating another shooting this weekend, in which a man was shot dead.",
    ],
)
def test_an_unrelated_shooting_is_an_event_of_its_own(resources, second):
    text = f"A woman was shot dead on Sunday night outside her home. {second}"
    article = Article(doc_id="t", text=text, published=date(2022, 1, 24))
    events = analyse(article, resources).events
    assert len(events) == 2
    assert events[0].event_date == date(2022, 1, 23)  # the lede keeps its own day
