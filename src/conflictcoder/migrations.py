"""The store's schema, as ordered migrations: each runs once, in one transaction, and is
recorded by name in ``_migrations`` (``store.migrate`` applies them).

Append new migrations to ``MIGRATIONS``; never edit one that has shipped: a migration is a
frozen snapshot of the schema change it made, so databases created by any earlier version
upgrade to the same schema as new ones. ``store`` documents the resulting tables.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

_ISO_DATE_CHECK = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"


def m001_initial(conn: sqlite3.Connection) -> None:
    conn.execute(
        f"""
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL,
            published TEXT NOT NULL CHECK (published {_ISO_DATE_CHECK}),
            title TEXT,
            source TEXT,
            url TEXT,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        ) STRICT
        """
    )
    conn.execute(
        f"""
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            event_date TEXT NOT NULL CHECK (event_date {_ISO_DATE_CHECK}),
            time_precision INTEGER NOT NULL CHECK (time_precision IN (1, 2, 3)),
            event_type TEXT NOT NULL COLLATE NOCASE,
            sub_event_type TEXT NOT NULL COLLATE NOCASE,
            actor1 TEXT,
            assoc_actor_1 TEXT,
            inter1 INTEGER,
            actor2 TEXT,
            assoc_actor_2 TEXT,
            inter2 INTEGER,
            interaction INTEGER,
            country TEXT COLLATE NOCASE,
            iso3 TEXT COLLATE NOCASE,
            admin1 TEXT,
            admin2 TEXT,
            location TEXT,
            latitude REAL CHECK (latitude BETWEEN -90 AND 90),
            longitude REAL CHECK (longitude BETWEEN -180 AND 180),
            geo_precision INTEGER CHECK (geo_precision IN (1, 2, 3)),
            fatalities INTEGER NOT NULL CHECK (fatalities >= 0),
            notes TEXT,
            source TEXT,
            confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
            why TEXT CHECK (why IS NULL OR json_type(why) = 'object')
        ) STRICT
        """
    )
    conn.execute(
        """
        CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            field TEXT NOT NULL,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" >= start),
            quote TEXT NOT NULL
        ) STRICT
        """
    )
    conn.execute(
        """
        CREATE TABLE problems (
            id INTEGER PRIMARY KEY,
            doc_id TEXT,
            stage TEXT NOT NULL,
            message TEXT NOT NULL,
            created_at TEXT NOT NULL
        ) STRICT
        """
    )
    for sql in (
        "CREATE INDEX events_document ON events(document)",
        "CREATE INDEX events_event_date ON events(event_date)",
        "CREATE INDEX events_country ON events(country)",
        "CREATE INDEX events_iso3 ON events(iso3)",
        "CREATE INDEX events_event_type ON events(event_type)",
        "CREATE INDEX events_sub_event_type ON events(sub_event_type)",
        "CREATE INDEX evidence_event ON evidence(event)",
        "CREATE INDEX problems_doc_id ON problems(doc_id)",
    ):
        conn.execute(sql)


#: The grid cell of an event for linking: whole degrees of latitude and longitude. The same
#: expression is indexed (``events_link_cell``) and queried (``incidents.py``).
CELL_SQL = "(CAST(latitude + 90 AS INTEGER) * 1000 + CAST(longitude + 180 AS INTEGER))"


def m002_incidents(conn: sqlite3.Connection) -> None:
    """Incidents: reports of one real event merged (see ``incidents.py``).

    ``incidents`` holds the merged event under the same column names as ``events``, plus
    ``chain`` (incidents of consecutive days of the same fighting share it), counts, the
    publication span and ``why`` (how each merged field was chosen). ``events.incident`` is
    NULL until the event is linked. ``links`` keeps each scored pair that was linked
    (``same`` 1) or chained (``same`` 0) with the explanation (``detail``). ``tolls`` keeps
    every report's toll with its source and publication date. ``event_terms`` caches the
    salient terms of each event. Deleting events marks their incident in ``incident_dirty``
    (trigger) so that the next linking run re-clusters or drops it.
    """
    event_columns = f"""
            event_date TEXT NOT NULL CHECK (event_date {_ISO_DATE_CHECK}),
            time_precision INTEGER NOT NULL CHECK (time_precision IN (1, 2, 3)),
            event_type TEXT NOT NULL COLLATE NOCASE,
            sub_event_type TEXT NOT NULL COLLATE NOCASE,
            actor1 TEXT,
            assoc_actor_1 TEXT,
            inter1 INTEGER,
            actor2 TEXT,
            assoc_actor_2 TEXT,
            inter2 INTEGER,
            interaction INTEGER,
            country TEXT COLLATE NOCASE,
            iso3 TEXT COLLATE NOCASE,
            admin1 TEXT,
            admin2 TEXT,
            location TEXT,
            latitude REAL CHECK (latitude BETWEEN -90 AND 90),
            longitude REAL CHECK (longitude BETWEEN -180 AND 180),
            geo_precision INTEGER CHECK (geo_precision IN (1, 2, 3)),
            fatalities INTEGER NOT NULL CHECK (fatalities >= 0),
            notes TEXT,
            source TEXT,
            confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),"""
    conn.execute(
        f"""
        CREATE TABLE incidents (
            id INTEGER PRIMARY KEY,
            chain INTEGER NOT NULL,
            {event_columns}
            n_events INTEGER NOT NULL CHECK (n_events >= 1),
            n_documents INTEGER NOT NULL CHECK (n_documents >= 1),
            first_published TEXT,
            last_published TEXT,
            why TEXT CHECK (why IS NULL OR json_type(why) = 'object'),
            updated_at TEXT NOT NULL
        ) STRICT
        """
    )
    conn.execute(
        "ALTER TABLE events ADD COLUMN incident INTEGER REFERENCES incidents(id) ON DELETE SET NULL"
    )
    conn.execute(
        """
        CREATE TABLE links (
            event_a INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            event_b INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            same INTEGER NOT NULL CHECK (same IN (0, 1)),
            score REAL NOT NULL,
            detail TEXT NOT NULL CHECK (json_type(detail) = 'object'),
            PRIMARY KEY (event_a, event_b),
            CHECK (event_a < event_b)
        ) STRICT
        """
    )
    conn.execute(
        """
        CREATE TABLE tolls (
            event INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            published TEXT NOT NULL,
            fatalities INTEGER NOT NULL CHECK (fatalities >= 0),
            reported INTEGER NOT NULL CHECK (reported IN (0, 1)),
            quote TEXT
        ) STRICT
        """
    )
    conn.execute(
        """
        CREATE TABLE event_terms (
            event INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
            terms TEXT NOT NULL CHECK (json_type(terms) = 'array')
        ) STRICT
        """
    )
    conn.execute("CREATE TABLE incident_dirty (incident INTEGER PRIMARY KEY) STRICT")
    conn.execute(
        """
        CREATE TRIGGER events_unlink AFTER DELETE ON events WHEN old.incident IS NOT NULL
        BEGIN
            INSERT OR IGNORE INTO incident_dirty (incident) VALUES (old.incident);
        END
        """
    )
    for sql in (
        "CREATE INDEX events_incident ON events(incident)",
        f"CREATE INDEX events_link_cell ON events({CELL_SQL}, time_precision, event_date)",
        "CREATE INDEX events_link_country ON events(country, time_precision, event_date)",
        "CREATE INDEX links_event_b ON links(event_b)",
        "CREATE INDEX incidents_chain ON incidents(chain)",
        "CREATE INDEX incidents_event_date ON incidents(event_date)",
        "CREATE INDEX incidents_country ON incidents(country)",
    ):
        conn.execute(sql)


def m003_link_terms(conn: sqlite3.Connection) -> None:
    """Linking compares distinguishing terms (``linkterms``) instead of capitalised words:
    empty the ``event_terms`` cache so that each event's terms are computed anew when it
    is next compared. Links and incidents already stored are kept."""
    conn.execute("DELETE FROM event_terms")


def m004_date_source(conn: sqlite3.Connection) -> None:
    """Where each event's date comes from, as a column (``models.DATE_SOURCES``) instead of
    a phrase in ``why``; events stored before are filled in from their ``why``."""
    for table in ("events", "incidents"):
        conn.execute(
            f"ALTER TABLE {table} ADD COLUMN date_source TEXT"
            " CHECK (date_source IN ('text', 'discourse', 'publication'))"
        )
    conn.execute(
        """UPDATE events SET date_source = CASE
            WHEN json_extract(why, '$.event_date') LIKE 'no temporal expression%'
                THEN 'publication'
            WHEN json_extract(why, '$.event_date') LIKE 'reference date%' THEN 'discourse'
            ELSE 'text' END"""
    )


#: The weakly dated events (``linking.weakly_dated``).
WEAKLY_DATED_SQL = "date_source IN ('publication', 'discourse')"


def m005_followups(conn: sqlite3.Connection) -> None:
    """The weakly dated events that may be follow-ups, by place and day (``followups``,
    kept by ``incidents.link_event``: those naming no actor): a new event finds the
    follow-up reports published in the weeks after it (``incidents.candidate_ids``)
    without reading every event of those weeks. Filled in with the weakly dated events
    stored before (a superset: the linker checks the actors)."""
    conn.execute(
        """CREATE TABLE followups (
            event INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
            cell INTEGER,
            country TEXT,
            event_date TEXT NOT NULL
        ) STRICT"""
    )
    conn.execute("CREATE INDEX followups_cell ON followups(cell, event_date)")
    conn.execute("CREATE INDEX followups_country ON followups(country, event_date)")
    conn.execute(
        f"INSERT INTO followups SELECT id, {CELL_SQL}, country, event_date FROM events"
        f" WHERE {WEAKLY_DATED_SQL}"
    )


def m006_pipeline_version(conn: sqlite3.Connection) -> None:
    """Which pipeline extracted each document's events (``pipeline.Resources.version``):
    re-ingesting a document whose text is unchanged re-extracts it when the pipeline
    (conflictcoder version, actor lexicon or gazetteer) differs. NULL for documents stored
    before, so they are re-extracted once."""
    conn.execute("ALTER TABLE documents ADD COLUMN pipeline TEXT")


def m007_story_terms(conn: sqlite3.Connection) -> None:
    """The names of each event's story by day (``story_terms``, kept by
    ``incidents.link_event``): a new report finds the reports telling the same story even
    when their places disagree (a wrong geocode), by name instead of by grid cell. The
    ``event_terms`` cache changes format (terms, story and wording): emptied, recomputed when
    next compared."""
    conn.execute(
        """CREATE TABLE story_terms (
            term TEXT NOT NULL,
            event_date TEXT NOT NULL,
            event INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            PRIMARY KEY (term, event_date, event)
        ) STRICT, WITHOUT ROWID"""
    )
    conn.execute("CREATE INDEX story_terms_event ON story_terms(event)")
    conn.execute("DELETE FROM event_terms")


#: Ordered migrations; each is applied once and recorded by name in ``_migrations``.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    m001_initial,
    m002_incidents,
    m003_link_terms,
    m004_date_source,
    m005_followups,
    m006_pipeline_version,
    m007_story_terms,
)
