"""The SQLite store: documents, their events with evidence, and the problems met on the way.

Schema (created and upgraded by the ordered migrations of ``migrations.MIGRATIONS``; each
migration runs once, in one transaction with its row in ``_migrations``)::

    documents  id PK, doc_id UNIQUE (the document's own id), content_hash, published,
               title, source, url, text, ingested_at, pipeline (which extracted it)
    events     id PK, document -> documents.id, every ACLED field of ``models.Event`` under
               the same name (event_date ... source), confidence, why (JSON object or NULL)
    evidence   id PK, event -> events.id, field, start, "end", quote (= text[start:end])
    problems   id PK, doc_id (not a foreign key: failed documents are not stored), stage,
               message, created_at

Dates are ``YYYY-MM-DD`` text, timestamps ISO 8601 text taken from the ``now`` the caller
passes. Deleting a document's events deletes their evidence (ON DELETE CASCADE); foreign
keys are ON for every connection opened here. Coordinates are named ``latitude`` and
``longitude`` so datasette-cluster-map works on the events table with no configuration.

A later migration adds incidents: a new ``incidents`` table and an ``events.incident``
column (``ALTER TABLE events ADD COLUMN incident INTEGER REFERENCES incidents(id)``,
NULL until linked); ``documents.id`` and ``events.id`` are stable row ids that survive
re-ingesting an unchanged document. Append migrations to ``migrations.MIGRATIONS``; never
edit one that has shipped.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from conflictcoder import migrations
from conflictcoder.errors import StoreError
from conflictcoder.models import EVENT_FIELDS, Article, Event, Span

#: The ``models.Event`` fields stored as columns of ``events``, in ACLED's order.
EVENT_COLUMNS: tuple[str, ...] = (*EVENT_FIELDS, "confidence", "date_source")

#: SQL fragments the linker shares with the indexes the migrations made for them.
CELL_SQL = migrations.CELL_SQL
WEAKLY_DATED_SQL = migrations.WEAKLY_DATED_SQL


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """One atomic unit: committed when the block ends, rolled back if it raises."""
    conn.execute("SAVEPOINT conflictcoder")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK TO conflictcoder")
        conn.execute("RELEASE conflictcoder")
        raise
    conn.execute("RELEASE conflictcoder")


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations not applied yet, in order; return the names applied now."""
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY) STRICT")
    done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    known = {m.__name__ for m in migrations.MIGRATIONS}
    if done - known:
        newer = ", ".join(sorted(done - known))
        raise StoreError(f"database has migrations this version does not know ({newer})")
    applied = []
    for migration in migrations.MIGRATIONS:
        if migration.__name__ in done:
            continue
        with _transaction(conn):
            migration(conn)
            conn.execute("INSERT INTO _migrations (name) VALUES (?)", (migration.__name__,))
        applied.append(migration.__name__)
    return applied


def open_db(path: Path | str) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the store at ``path``; ``":memory:"`` works.

    Raises ``StoreError`` with a one-line message naming the file when it cannot be opened,
    is not a SQLite database, or cannot be migrated.
    """
    name = str(path)
    try:
        conn = sqlite3.connect(name, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"{name}: cannot open database ({exc})") from exc
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except StoreError as exc:
        conn.close()
        raise StoreError(f"{name}: {exc}") from exc
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc):
            raise StoreError(f"{name}: not a SQLite database") from exc
        raise StoreError(f"{name}: cannot use as a conflictcoder database ({exc})") from exc
    return conn


def content_hash(article: Article) -> str:
    """SHA-256 of what the events depend on: the publication date and the text."""
    payload = json.dumps([article.published.isoformat(), article.text], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def event_problem(article: Article, event: Event) -> str | None:
    """Why the store refuses ``event`` of ``article`` (it names another document, or its
    evidence lies outside the text), or None."""
    if event.doc_id != article.doc_id:
        return f"event belongs to another document ({event.doc_id})"
    for name, spans in event.evidence.items():
        for span in spans:
            if not 0 <= span.start <= span.end <= len(article.text):
                return (
                    f"evidence for {name} [{span.start}, {span.end}) "
                    f"is outside the text ({len(article.text)} characters)"
                )
    return None


def _insert_event(conn: sqlite3.Connection, document: int, text: str, event: Event) -> None:
    values = [getattr(event, column) for column in EVENT_COLUMNS]
    values[0] = event.event_date.isoformat()
    why = json.dumps(dict(event.why), ensure_ascii=False) if event.why else None
    columns = ", ".join(("document", *EVENT_COLUMNS, "why"))
    marks = ", ".join("?" * (len(EVENT_COLUMNS) + 2))
    cursor = conn.execute(
        f"INSERT INTO events ({columns}) VALUES ({marks})", (document, *values, why)
    )
    conn.executemany(
        'INSERT INTO evidence (event, field, start, "end", quote) VALUES (?, ?, ?, ?, ?)',
        [
            (cursor.lastrowid, name, span.start, span.end, span.quote(text))
            for name, spans in event.evidence.items()
            for span in spans
        ],
    )


def event_ids(conn: sqlite3.Connection, doc_id: str) -> frozenset[int]:
    """The row ids of the events stored for document ``doc_id``."""
    rows = conn.execute(
        "SELECT e.id FROM events e JOIN documents d ON d.id = e.document WHERE d.doc_id = ?",
        (doc_id,),
    )
    return frozenset(row[0] for row in rows)


def document_state(
    conn: sqlite3.Connection, article: Article, pipeline: str | None = None
) -> Literal["new", "changed", "current"]:
    """``current`` when ``article`` is stored with the same content and was extracted by the
    same ``pipeline`` (``add_document`` would add nothing, so it need not be analysed
    again), ``changed`` when its ``doc_id`` is stored otherwise, else ``new``."""
    row = conn.execute(
        "SELECT content_hash, pipeline FROM documents WHERE doc_id = ?", (article.doc_id,)
    ).fetchone()
    if row is None:
        return "new"
    return "current" if tuple(row) == (content_hash(article), pipeline) else "changed"


def add_document(
    conn: sqlite3.Connection,
    article: Article,
    events: Sequence[Event],
    *,
    now: datetime,
    pipeline: str | None = None,
) -> bool:
    """Store a document and its events in one transaction; False if it was already stored.

    The same ``doc_id`` with the same content hash, extracted by the same ``pipeline``
    (``pipeline.Resources.version``), adds nothing. A changed text (or publication date), or
    another pipeline, for a known ``doc_id`` updates the document row, keeping its id, and
    replaces all its events. Raises ``StoreError`` (and stores nothing) when an event
    names another document, has evidence outside the text, or breaks a column constraint.
    """
    digest = content_hash(article)
    for event in events:
        problem = event_problem(article, event)
        if problem:
            raise StoreError(f"{article.doc_id}: {problem}")
    fields = (
        digest,
        article.published.isoformat(),
        article.title,
        article.source,
        article.url,
        article.text,
        now.isoformat(timespec="seconds"),
        pipeline,
    )
    try:
        with _transaction(conn):
            row = conn.execute(
                "SELECT id, content_hash, pipeline FROM documents WHERE doc_id = ?",
                (article.doc_id,),
            ).fetchone()
            if row is not None and (row[1], row[2]) == (digest, pipeline):
                return False
            if row is None:
                document = conn.execute(
                    "INSERT INTO documents (doc_id, content_hash, published, title, source,"
                    " url, text, ingested_at, pipeline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (article.doc_id, *fields),
                ).lastrowid
            else:
                document = row[0]
                conn.execute("DELETE FROM events WHERE document = ?", (document,))
                conn.execute(
                    "UPDATE documents SET content_hash = ?, published = ?, title = ?,"
                    " source = ?, url = ?, text = ?, ingested_at = ?, pipeline = ?"
                    " WHERE id = ?",
                    (*fields, document),
                )
            assert document is not None
            for event in events:
                _insert_event(conn, document, article.text, event)
    except sqlite3.IntegrityError as exc:
        raise StoreError(f"{article.doc_id}: cannot store its events ({exc})") from exc
    return True


def add_problem(
    conn: sqlite3.Connection, doc_id: str | None, stage: str, message: str, *, now: datetime
) -> None:
    """Record that ``stage`` failed on a document (``doc_id`` None: not tied to one)."""
    with _transaction(conn):
        conn.execute(
            "INSERT INTO problems (doc_id, stage, message, created_at) VALUES (?, ?, ?, ?)",
            (doc_id, stage, message, now.isoformat(timespec="seconds")),
        )


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _casefold(value: str | None) -> str | None:
    return None if value is None else value.casefold()


@dataclass(frozen=True, slots=True)
class Filters:
    """Which stored events (or incidents) a query returns: each field given must match.

    ``date_from``/``date_to`` are inclusive; ``country`` matches the country name or iso3
    and ``event_type`` the event type or sub-event type; ``actor`` is a case-insensitive
    substring of actor1, actor2 or an associated actor; ``limit`` caps the rows returned.
    """

    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    event_type: str | None = None
    actor: str | None = None
    limit: int | None = None


#: Every stored row.
NO_FILTERS = Filters()


def select_filtered(
    conn: sqlite3.Connection, select: str, alias: str, filters: Filters
) -> list[tuple]:
    """Run ``select`` (a SELECT over a table aliased ``alias`` with the columns of
    ``events``: ``events`` itself or ``incidents``) with the filters, by event_date then id."""
    where: list[str] = []
    params: list[object] = []
    if filters.date_from is not None:
        where.append(f"{alias}.event_date >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to is not None:
        where.append(f"{alias}.event_date <= ?")
        params.append(filters.date_to.isoformat())
    if filters.country is not None:
        where.append(f"({alias}.country = ? OR {alias}.iso3 = ?)")
        params += [filters.country, filters.country]
    if filters.event_type is not None:
        where.append(f"({alias}.event_type = ? OR {alias}.sub_event_type = ?)")
        params += [filters.event_type, filters.event_type]
    if filters.actor is not None:
        conn.create_function("cc_casefold", 1, _casefold, deterministic=True)
        columns = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
        clauses = " OR ".join(f"cc_casefold({alias}.{c}) LIKE ? ESCAPE '\\'" for c in columns)
        where.append(f"({clauses})")
        params += [f"%{_like_escape(filters.actor.casefold())}%"] * len(columns)
    sql = select
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {alias}.event_date, {alias}.id"
    if filters.limit is not None:
        sql += " LIMIT ?"
        params.append(filters.limit)
    return conn.execute(sql, params).fetchall()


def query_events(conn: sqlite3.Connection, filters: Filters = NO_FILTERS) -> list[Event]:
    """Stored events matching ``filters``, by event_date then id."""
    return [event for event, _ in query_events_with_incidents(conn, filters)]


def query_events_with_incidents(
    conn: sqlite3.Connection, filters: Filters = NO_FILTERS
) -> list[tuple[Event, int | None]]:
    """Like ``query_events``, each event with the id of its incident (None: not linked)."""
    select = (
        "SELECT e.id, d.doc_id, "
        + ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        + ", e.why, e.incident FROM events e JOIN documents d ON d.id = e.document"
    )
    rows = select_filtered(conn, select, "e", filters)
    evidence = _evidence(conn, [row[0] for row in rows])
    return [(_event(row[:-1], evidence.get(row[0], {})), row[-1]) for row in rows]


def events_by_id(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, Event]:
    """The stored events with these row ids (missing ids are left out)."""
    if not ids:
        return {}
    rows = conn.execute(
        "SELECT e.id, d.doc_id, "
        + ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        + ", e.why FROM events e JOIN documents d ON d.id = e.document"
        " WHERE e.id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(ids)),),
    ).fetchall()
    evidence = _evidence(conn, [row[0] for row in rows])
    return {row[0]: _event(row, evidence.get(row[0], {})) for row in rows}


def _evidence(conn: sqlite3.Connection, ids: list[int]) -> dict[int, dict[str, list[Span]]]:
    found: dict[int, dict[str, list[Span]]] = {}
    if not ids:
        return found
    rows = conn.execute(
        'SELECT event, field, start, "end" FROM evidence'
        " WHERE event IN (SELECT value FROM json_each(?)) ORDER BY id",
        (json.dumps(ids),),
    )
    for event, name, start, end in rows:
        found.setdefault(event, {}).setdefault(name, []).append(Span(start, end))
    return found


def _event(row: Sequence[object], evidence: dict[str, list[Span]]) -> Event:
    values = dict(zip(EVENT_COLUMNS, row[2:-1], strict=True))
    values["event_date"] = date.fromisoformat(str(values["event_date"]))
    why = json.loads(str(row[-1])) if row[-1] is not None else {}
    return Event(
        doc_id=str(row[1]),
        evidence={name: tuple(spans) for name, spans in evidence.items()},
        why=why,
        **values,  # type: ignore[arg-type]
    )


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Number of rows in documents, events and problems."""
    return {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("documents", "events", "problems")
    }
