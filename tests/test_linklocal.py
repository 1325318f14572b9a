"""Local news told many ways: respelled victims, a town read wrong, a shooting typed as a
brawl or an arrest, a document's events falling crosswise into two incidents (linking,
linkident, linkfields, linkmerge, incidents)."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from factories import SHOOTING, linkable

from conflictcoder import incidents, linkfields, linkident, linking, linkmerge, store
from conflictcoder.models import Article
from conflictcoder.settings import Settings
from conflictcoder.taxonomy import RIOTS, STRATEGIC

SETTINGS = Settings()
NOW = datetime(2024, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("malijah grant", "malijha grant", True),  # a respelled given name
        ("malijah grant", "malaja grant", True),
        ("jon smith", "jane smith", False),  # two consonants or fewer: as written
        ("malijah grant", "malijah green", False),  # the surname as written
        ("michael smith", "michelle smith", False),  # the ending tells them apart
        ("daniel lee", "danielle lee", False),
        ("christian ortiz", "christina ortiz", False),
        ("address:4100 potomac", "address:4100 potomac", True),
    ],
)
def test_people_are_compared_by_their_canonical_names(a, b, same):
    assert (linkident.canonical(a) == linkident.canonical(b)) is same
    assert bool(linkident.shared({a}, {b})) is same


def _item(event, document, story=(), terms=()):
    return linkable(event, document, story=story, terms=terms)


ABROAD = {
    "doc_id": "b",
    "country": "United Kingdom",
    "admin1": "England",
    "location": "Taunton",
    "latitude": 51.0,
    "longitude": -3.1,
}


@pytest.mark.parametrize(
    ("story", "change", "same"),
    [
        # the report placed abroad names Dayton and the victim's street: one shooting
        (("dayton", "weir", "taunton"), {}, True),
        # naming Dayton alone is not enough: a city has many shootings
        (("dayton", "taunton"), {}, False),
        # the other town is never named
        (("weir", "taunton"), {}, False),
        # armed groups: a town named is no evidence (they fight in many places)
        (
            ("dayton", "weir", "taunton"),
            {"actor1": "Islamic State (Syria)", "actor2": "Military Forces of Syria"},
            False,
        ),
    ],
)
def test_a_report_naming_the_other_town_lifts_a_place_veto(story, change, same):
    a = _item(SHOOTING, 1, story=("dayton", "weir"))
    b = _item(replace(SHOOTING, **ABROAD, **change), 2, story=story)
    result = linking.compare(a, b, SETTINGS)
    assert result.same is same
    assert linking.compare(b, a, SETTINGS).same is same
    if same:
        assert "both texts name Dayton" in result.fields["place"][1]


ARREST = {"event_type": STRATEGIC, "sub_event_type": "Arrests"}


@pytest.mark.parametrize(
    ("change", "agreement", "veto"),
    [
        ({"event_type": RIOTS, "sub_event_type": "Mob violence"}, 0.3, None),
        # an arrest beside the shooting: one incident only if they name the same people
        (ARREST, None, "role"),
        ({**ARREST, "event_date": date(2016, 4, 2)}, None, "type"),  # before the shooting
        ({**ARREST, "actor1": "Islamic State (Syria)"}, None, "type"),  # a named actor
    ],
)
def test_a_local_crime_may_be_typed_two_ways(change, agreement, veto):
    other = replace(SHOOTING, **change)
    if veto is None:
        assert linkfields.event_type(SHOOTING, other)[0] == agreement
    else:
        with pytest.raises(linkfields.Veto) as raised:
            linkfields.event_type(SHOOTING, other)
        assert raised.value.kind == veto
    assert other.event_type in linkfields.compatible_types(SHOOTING.event_type)


@pytest.mark.parametrize(("people", "same"), [({"jane roe"}, True), (set(), False)])
def test_an_arrest_report_naming_the_victim_joins_the_shooting(people, same):
    later = replace(SHOOTING, **ARREST, doc_id="b", event_date=date(2016, 5, 9))
    a = replace(_item(SHOOTING, 1), people=frozenset({"jane roe"}))
    b = replace(_item(later, 2), people=frozenset(people))
    assert linking.compare(a, b, SETTINGS).same is same
    assert linking.compare(b, a, SETTINGS).same is same


def test_an_arrest_report_does_not_type_the_incident():
    arrest = replace(SHOOTING, event_type=STRATEGIC, sub_event_type="Arrests")
    members = [_item(arrest, 1), _item(replace(arrest, doc_id="c"), 2), _item(SHOOTING, 3)]
    merged = linkmerge.merge_fields(members, [])
    assert merged.sub_event_type == SHOOTING.sub_event_type
    assert linkmerge.merge_fields(members[:2], []).sub_event_type == "Arrests"


def _document(conn, doc_id, events):
    article = Article(doc_id=doc_id, text="A man was shot.", published=date(2016, 5, 2))
    store.add_document(conn, article, [replace(e, doc_id=doc_id) for e in events], now=NOW)


@pytest.mark.parametrize("order", [("a-1", "b-1"), ("b-1", "a-1")])
def test_documents_whose_events_fall_crosswise_report_one_incident(order):
    # each document's lede sits with the other document's second event
    conn = store.open_db(":memory:")
    for doc_id in order:
        _document(conn, doc_id, [SHOOTING, replace(SHOOTING, location="Kettering")])
    incidents.link_pending(conn, SETTINGS, now=NOW)
    rows = conn.execute(
        "SELECT d.doc_id, e.id FROM events e JOIN documents d ON d.id = e.document ORDER BY e.id"
    ).fetchall()
    events = {doc: [e for d, e in rows if d == doc] for doc in order}
    spare = sorted({r[0] for r in conn.execute("SELECT incident FROM events")})[:2]
    (a_lede, a_next), (b_lede, b_next) = events["a-1"], events["b-1"]
    crosswise = [(spare[0], a_lede), (spare[0], b_next), (spare[1], b_lede), (spare[1], a_next)]
    conn.executemany("UPDATE events SET incident = ? WHERE id = ?", crosswise)
    found = incidents.document_incidents(conn)
    assert found["a-1"] == found["b-1"] == spare[0]  # the first document's lede's
