import sqlite3
from datetime import UTC, date, datetime

import pytest
from factories import prison_event

from conflictcoder.errors import StoreError
from conflictcoder.migrations import MIGRATIONS, m004_date_source
from conflictcoder.models import Article, Span
from conflictcoder.store import (
    Filters,
    add_document,
    add_problem,
    counts,
    document_state,
    migrate,
    open_db,
    query_events,
)

NOW = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
TEXT = (
    "Islamic State fighters attacked Gweiran prison in Hasakah on Thursday evening, "
    "killing dozens. Gunmen killed 11 Iraqi soldiers north of Baghdad."
)


def _article(doc_id="ap-1", text=TEXT, published=date(2022, 1, 22)):
    return Article(doc_id=doc_id, text=text, published=published, title="Prison attack")


def _event(doc_id="ap-1", **changes):
    values = {
        "actor2": "SDF: Syrian Democratic Forces",
        "assoc_actor_2": "Asayish: Kurdish Internal Security Forces",
        "location": "Al Hasakeh",
        "latitude": 36.4868,
        "longitude": 40.7582,
        "source": "AP",
        "evidence": {"actor1": (Span(0, 13),), "fatalities": (Span(87, 93),)},
        "why": {"fatalities": "dozens: 12"},
    }
    return prison_event(doc_id=doc_id, **{**values, **changes})


def _iraq(doc_id="ap-1"):
    return _event(
        doc_id,
        event_date=date(2022, 1, 21),
        actor1="Unidentified Armed Group (Iraq)",
        actor2="Military Forces of Iraq (2020-)",
        assoc_actor_2=None,
        inter1=3,
        inter2=1,
        interaction=13,
        country="Iraq",
        iso3="IRQ",
        admin1=None,
        admin2=None,
        location="Baghdad",
        latitude=None,
        longitude=None,
        geo_precision=2,
        fatalities=11,
        evidence={"actor2": (Span(112, 126),)},
        why={},
        confidence=0.6,
    )


@pytest.fixture
def conn():
    db = open_db(":memory:")
    yield db
    db.close()


def test_open_db_migrates_once(tmp_path):
    path = tmp_path / "events.db"
    open_db(path).close()
    db = open_db(path)
    names = [row[0] for row in db.execute("SELECT name FROM _migrations")]
    assert names == [m.__name__ for m in MIGRATIONS]
    assert migrate(db) == []
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "events", "evidence", "problems", "_migrations"} <= tables
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"this is not a database, just some text" * 40, "not a SQLite database"),
        (None, "cannot open database"),
    ],
)
def test_open_db_errors_name_the_file(tmp_path, content, expected):
    path = tmp_path / "bad.db"
    if content is None:
        path = tmp_path / "missing-dir" / "bad.db"
    else:
        path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        open_db(path)
    message = str(info.value)
    assert message.startswith(str(path)) and expected in message
    assert "\n" not in message


def test_open_db_refuses_a_newer_database(tmp_path):
    path = tmp_path / "events.db"
    open_db(path).close()
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO _migrations (name) VALUES ('m999_future')")
    raw.commit()
    raw.close()
    with pytest.raises(StoreError, match="m999_future"):
        open_db(path)


def test_round_trip_rebuilds_events(conn):
    events = [_event(), _iraq()]
    assert add_document(conn, _article(), events, now=NOW) is True
    assert query_events(conn) == events
    assert counts(conn) == {"documents": 1, "events": 2, "problems": 0}
    quotes = conn.execute("SELECT field, quote FROM evidence ORDER BY id").fetchall()
    assert quotes == [
        ("actor1", "Islamic State"),
        ("fatalities", "dozens"),
        ("actor2", "Iraqi soldiers"),
    ]
    doc = conn.execute(
        "SELECT doc_id, published, title, url, ingested_at FROM documents"
    ).fetchone()
    assert doc == ("ap-1", "2022-01-22", "Prison attack", None, "2024-03-01T12:00:00+00:00")


def test_same_document_twice_adds_nothing(conn):
    assert add_document(conn, _article(), [_event()], now=NOW) is True
    assert add_document(conn, _article(), [_event()], now=NOW) is False
    assert counts(conn) == {"documents": 1, "events": 1, "problems": 0}


@pytest.mark.parametrize(
    ("stored_by", "asked_by", "text", "state", "stored_again"),
    [
        ("cc 1", "cc 1", TEXT, "current", False),
        ("cc 1", "cc 2", TEXT, "changed", True),
        ("cc 1", "cc 1", TEXT + " More.", "changed", True),
        (None, "cc 1", TEXT, "changed", True),  # stored before pipelines were recorded
        (None, None, TEXT, "current", False),
    ],
)
def test_pipeline_version_decides_whether_to_extract_again(
    conn, stored_by, asked_by, text, state, stored_again
):
    add_document(conn, _article(), [_event(), _iraq()], now=NOW, pipeline=stored_by)
    article = _article(text=text)
    assert document_state(conn, article, asked_by) == state
    assert add_document(conn, article, [_event()], now=NOW, pipeline=asked_by) is stored_again
    assert counts(conn)["events"] == (1 if stored_again else 2)
    assert document_state(conn, article, asked_by) == "current"


def test_unknown_document_is_new(conn):
    assert document_state(conn, _article("afp-9"), "cc 1") == "new"


def test_changed_text_replaces_events_and_keeps_document_id(conn):
    add_document(conn, _article(), [_event(), _iraq()], now=NOW)
    doc_row = conn.execute("SELECT id FROM documents").fetchone()[0]
    changed = _article(text=TEXT + " Updated: over 100 killed.")
    assert add_document(conn, changed, [_event(fatalities=100)], now=NOW) is True
    assert [e.fatalities for e in query_events(conn)] == [100]
    assert conn.execute("SELECT id, text FROM documents").fetchall() == [(doc_row, changed.text)]
    assert conn.execute("SELECT count(*) FROM evidence").fetchone()[0] == 2


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (_event(doc_id="other"), "another document"),
        (_event(evidence={"actor1": (Span(0, 10_000),)}), "outside the text"),
        (_event(time_precision=7), "cannot store"),
        (_event(latitude=123.0), "cannot store"),
    ],
)
def test_bad_events_store_nothing(conn, event, message):
    with pytest.raises(StoreError, match=message):
        add_document(conn, _article(), [_event(), event], now=NOW)
    assert counts(conn) == {"documents": 0, "events": 0, "problems": 0}


def test_add_problem(conn):
    add_problem(conn, "ap-2", "read", "ap-2: no date", now=NOW)
    add_problem(conn, None, "ingest", "interrupted", now=NOW)
    rows = conn.execute("SELECT doc_id, stage, message, created_at FROM problems").fetchall()
    assert rows == [
        ("ap-2", "read", "ap-2: no date", "2024-03-01T12:00:00+00:00"),
        (None, "ingest", "interrupted", "2024-03-01T12:00:00+00:00"),
    ]
    assert counts(conn)["problems"] == 2


@pytest.fixture
def filled(conn):
    add_document(conn, _article("ap-1"), [_event("ap-1"), _iraq("ap-1")], now=NOW)
    protest = _event(
        "afp-7",
        event_date=date(2022, 1, 10),
        event_type="Protests",
        sub_event_type="Peaceful protest",
        actor1="Protesters (Côte d'Ivoire)",
        actor2=None,
        assoc_actor_2=None,
        country="Côte d'Ivoire",
        iso3="CIV",
        evidence={},
        why={},
    )
    add_document(conn, _article("afp-7", text="Protesters marched."), [protest], now=NOW)
    return conn


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["2022-01-10 CIV", "2022-01-20 SYR", "2022-01-21 IRQ"]),
        ({"date_from": date(2022, 1, 20)}, ["2022-01-20 SYR", "2022-01-21 IRQ"]),
        ({"date_to": date(2022, 1, 20)}, ["2022-01-10 CIV", "2022-01-20 SYR"]),
        ({"country": "syria"}, ["2022-01-20 SYR"]),
        ({"country": "irq"}, ["2022-01-21 IRQ"]),
        ({"country": "côte d'ivoire"}, ["2022-01-10 CIV"]),
        ({"event_type": "battles"}, ["2022-01-20 SYR", "2022-01-21 IRQ"]),
        ({"event_type": "Peaceful protest"}, ["2022-01-10 CIV"]),
        ({"actor": "islamic state"}, ["2022-01-20 SYR"]),
        ({"actor": "asayish"}, ["2022-01-20 SYR"]),
        ({"actor": "IRAQ"}, ["2022-01-21 IRQ"]),
        ({"actor": "CÔTE"}, ["2022-01-10 CIV"]),
        ({"actor": "100%"}, []),
        ({"actor": "_"}, []),
        ({"limit": 2}, ["2022-01-10 CIV", "2022-01-20 SYR"]),
        ({"country": "Syria", "event_type": "Protests"}, []),
    ],
)
def test_query_filters(filled, filters, expected):
    found = query_events(filled, Filters(**filters))
    assert [f"{e.event_date.isoformat()} {e.iso3}" for e in found] == expected


def test_query_keeps_doc_id_evidence_and_why(filled):
    (protest,) = query_events(filled, Filters(country="CIV"))
    assert protest.doc_id == "afp-7" and protest.evidence == {} and protest.why == {}
    (attack,) = query_events(filled, Filters(country="SYR"))
    assert attack.evidence == {"actor1": (Span(0, 13),), "fatalities": (Span(87, 93),)}
    assert attack.why == {"fatalities": "dozens: 12"}


def test_file_store_persists_and_stays_idempotent(tmp_path):
    path = tmp_path / "events.db"
    db = open_db(path)
    assert add_document(db, _article(), [_event()], now=NOW) is True
    db.close()
    db = open_db(path)
    assert query_events(db) == [_event()]
    assert add_document(db, _article(), [_event()], now=NOW) is False
    db.close()


@pytest.mark.parametrize("source", ["text", "discourse", "publication", None])
def test_date_source_round_trips(conn, source):
    event = _event(date_source=source)
    add_document(conn, _article(), [event], now=NOW)
    assert [e.date_source for e in query_events(conn)] == [source]


@pytest.mark.parametrize(
    ("why", "expected"),
    [
        (
            '{"event_date": "no temporal expression governs the event: publication date"}',
            "publication",
        ),
        ('{"event_date": "reference date of the preceding text: Friday"}', "discourse"),
        ('{"event_date": "earliest date of the event\'s mentions: weekday"}', "text"),
    ],
)
def test_m004_fills_date_source_from_why(why, expected):
    db = open_db(":memory:")
    add_document(db, _article(), [_event()], now=NOW)
    db.execute("ALTER TABLE events DROP COLUMN date_source")
    db.execute("ALTER TABLE incidents DROP COLUMN date_source")
    db.execute("UPDATE events SET why = ?", (why,))
    m004_date_source(db)
    assert db.execute("SELECT date_source FROM events").fetchone()[0] == expected
