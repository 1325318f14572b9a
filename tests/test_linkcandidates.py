"""Candidate retrieval for linking (linkcandidates): by name in one query, and robust to
dates at the ends of the calendar."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from factories import SHOOTING, linkable

from conflictcoder import incidents, linkcandidates, linkcontent, store
from conflictcoder.models import Article, Span
from conflictcoder.settings import Settings

SETTINGS = Settings()
NOW = datetime(2024, 1, 1, tzinfo=UTC)

TEXT = "Jane Roe, 23, was shot on Maple Avenue near Elmwood Park in Dayton. Roe died."


def _stored(conn, doc_id, event, text=TEXT):
    article = Article(doc_id=doc_id, text=text, published=event.event_date)
    event = replace(event, doc_id=doc_id, evidence={"location": (Span(0, len(text)),)})
    store.add_document(conn, article, [event], now=NOW)
    incidents.link_pending(conn, SETTINGS, now=NOW)


def _item(story, people, day, location="Springfield"):
    event = replace(SHOOTING, event_date=day, latitude=10.0, longitude=10.0, location=location)
    return linkable(event, 0, key="new", story=story, people=people)


@pytest.mark.parametrize(
    ("story", "people", "day", "expected"),
    [
        # the story's names (besides its place's) within link_unknown_date_days
        ({"roe", "maple", "elmwood", "jane"}, (), date(2016, 5, 4), ({1}, set())),
        ({"roe", "maple", "elmwood", "jane"}, (), date(2016, 5, 20), (set(), set())),
        ({"roe", "maple"}, (), date(2016, 5, 4), (set(), set())),  # too few names
        # the people within link_followup_days, wherever placed
        ((), {"jane roe"}, date(2016, 5, 20), (set(), {1})),
        ((), {"jane roe"}, date(2016, 7, 20), (set(), set())),
        ({"roe", "maple", "elmwood", "jane"}, {"jane roe"}, date(2016, 5, 3), ({1}, {1})),
    ],
)
def test_named_candidates(story, people, day, expected):
    conn = store.open_db(":memory:")
    _stored(conn, "a-1", SHOOTING)
    found = linkcandidates.named_candidates(conn, _item(story, people, day), SETTINGS)
    assert found == expected


@pytest.mark.parametrize(
    ("story", "location", "expected"),
    [
        ((), "Dayton", {1}),  # the stored report's text names the new one's town
        ({"dayton"}, "Springfield", {1}),  # the new report's text names the stored one's town
        ((), "Springfield", set()),
    ],
)
def test_reports_naming_each_others_town_are_candidates(story, location, expected):
    conn = store.open_db(":memory:")
    _stored(conn, "a-1", SHOOTING)
    item = _item(story, (), date(2016, 5, 2), location)
    assert linkcandidates.named_candidates(conn, item, SETTINGS)[0] == expected


def test_stored_content_is_read_back():
    conn = store.open_db(":memory:")
    _stored(conn, "a-1", SHOOTING)
    (cached,) = conn.execute("SELECT terms FROM event_terms").fetchone()
    content = linkcontent.Content.from_json(cached)
    assert content is not None and content.people == {"jane roe"}
    assert {"roe", "maple", "elmwood"} <= content.story
    assert linkcontent.Content.from_json(content.to_json()) == content


@pytest.mark.parametrize("day", [date(1, 1, 1), date(9999, 12, 31)])
def test_dates_at_the_ends_of_the_calendar_link(day):
    # an old database may hold an event of year 1 (readers now refuse such dates)
    conn = store.open_db(":memory:")
    for doc_id in ("a-1", "b-1"):
        _stored(conn, doc_id, replace(SHOOTING, event_date=day))
    incidents_found = {r[0] for r in conn.execute("SELECT incident FROM events")}
    assert len(incidents_found) == 1
