"""Reading incidents back and writing them (the ``incidents`` command), and the incident
column of the ``events`` command.

Incident output reuses the event formats of ``export`` on the incident's merged event
(whose ``doc_id`` is ``incident-<id>``, so the acled-csv ``event_id_cnty`` is stable per
incident), with these extra fields:

- ``incident`` (id), ``chain`` (incidents of consecutive days of the same fighting share it),
  ``n_events``, ``n_documents``, ``first_published``, ``last_published``;
- ``documents``: the ids of the reporting documents;
- ``tolls``: every report's toll (``doc_id``, ``source``, ``published``, ``fatalities``,
  ``reported``, ``quote``), oldest publication first.

``jsonl`` and ``geojson`` carry them as JSON values; ``csv`` and ``acled-csv`` append them as
columns (lists as JSON); ``table`` prefixes the incident id and number of documents.
"""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, TextIO

from conflictcoder import export, store
from conflictcoder.errors import ConflictCoderError
from conflictcoder.models import Event

INCIDENT_FIELDS: tuple[str, ...] = (
    "incident",
    "chain",
    "n_events",
    "n_documents",
    "first_published",
    "last_published",
    "documents",
    "tolls",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Toll:
    """One report's toll for an incident."""

    doc_id: str
    source: str
    published: date
    fatalities: int
    reported: bool
    quote: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Incident:
    """A merged incident: ``event`` holds its ACLED fields (``doc_id`` is ``incident-<id>``)."""

    id: int
    chain: int
    event: Event
    n_events: int
    n_documents: int
    first_published: date | None
    last_published: date | None
    documents: tuple[str, ...]
    tolls: tuple[Toll, ...]


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value is not None else None


def query_incidents(
    conn: sqlite3.Connection, filters: store.Filters = store.NO_FILTERS
) -> list[Incident]:
    """Incidents whose merged event matches ``filters`` (as ``store.query_events``), by
    event_date then id."""
    columns = ", ".join(f"i.{c}" for c in store.EVENT_COLUMNS)
    select = (
        f"SELECT i.id, i.chain, {columns}, i.why, i.n_events, i.n_documents,"
        " i.first_published, i.last_published FROM incidents i"
    )
    rows = store.select_filtered(conn, select, "i", filters)
    n = len(store.EVENT_COLUMNS)
    found = []
    for row in rows:
        incident, chain = row[0], row[1]
        values = dict(zip(store.EVENT_COLUMNS, row[2 : 2 + n], strict=True))
        values["event_date"] = date.fromisoformat(str(values["event_date"]))
        why = json.loads(row[2 + n]) if row[2 + n] else {}
        event = Event(doc_id=f"incident-{incident}", why=why, **values)  # type: ignore[arg-type]
        tolls = tuple(
            Toll(
                doc_id=doc_id,
                source=source,
                published=date.fromisoformat(published),
                fatalities=fatalities,
                reported=bool(reported),
                quote=quote,
            )
            for doc_id, source, published, fatalities, reported, quote in conn.execute(
                "SELECT d.doc_id, t.source, t.published, t.fatalities, t.reported, t.quote"
                " FROM events e JOIN tolls t ON t.event = e.id"
                " JOIN documents d ON d.id = e.document WHERE e.incident = ?"
                " ORDER BY t.published, d.doc_id, e.id",
                (incident,),
            )
        )
        documents = tuple(
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT d.doc_id FROM events e JOIN documents d ON d.id = e.document"
                " WHERE e.incident = ? ORDER BY d.doc_id",
                (incident,),
            )
        )
        found.append(
            Incident(
                id=incident,
                chain=chain,
                event=event,
                n_events=row[3 + n],
                n_documents=row[4 + n],
                first_published=_day(row[5 + n]),
                last_published=_day(row[6 + n]),
                documents=documents,
                tolls=tolls,
            )
        )
    return found


def incident_fields(incident: Incident) -> dict[str, Any]:
    """The extra fields of an incident (``INCIDENT_FIELDS``), JSON-ready."""
    return {
        "incident": incident.id,
        "chain": incident.chain,
        "n_events": incident.n_events,
        "n_documents": incident.n_documents,
        "first_published": incident.first_published.isoformat()
        if incident.first_published
        else None,
        "last_published": incident.last_published.isoformat() if incident.last_published else None,
        "documents": list(incident.documents),
        "tolls": [
            {
                "doc_id": t.doc_id,
                "source": t.source,
                "published": t.published.isoformat(),
                "fatalities": t.fatalities,
                "reported": t.reported,
                "quote": t.quote,
            }
            for t in incident.tolls
        ],
    }


def incident_record(incident: Incident) -> dict[str, Any]:
    """The JSON record of an incident: its merged event's record plus ``INCIDENT_FIELDS``."""
    record = export.event_record(incident.event)
    del record["evidence"]  # spans of the members point into different documents
    return record | incident_fields(incident)


def _cell(value: object) -> object:
    return export.json_text(value) if isinstance(value, list | dict) else value


def _with_extra(
    events: Sequence[Event],
    extras: Sequence[dict[str, Any]],
    fmt: str,
    out: TextIO,
    evidence: bool = True,
) -> int:
    """``export.write`` of the events with extra fields per event (JSON records without
    ``evidence`` when ``evidence`` is false)."""
    if fmt == "table":
        buffer = io.StringIO()
        export.write(events, "table", buffer)
        lines = buffer.getvalue().splitlines()
        names = list(extras[0]) if extras else ["incident"]
        cells = [[str(v) if v is not None else "" for v in e.values()] for e in extras]
        widths = [max([len(n), *(len(c[i]) for c in cells)]) for i, n in enumerate(names)]
        prefix = [names, ["-" * w for w in widths], *cells]
        for line, row in zip(lines, prefix, strict=True):
            head = "  ".join(v.rjust(w) for v, w in zip(row, widths, strict=True))
            out.write(f"{head}  {line}\n")
        return len(events)
    if fmt in ("jsonl", "geojson"):
        records = [export.event_record(e) | x for e, x in zip(events, extras, strict=True)]
        if not evidence:
            for record in records:
                del record["evidence"]
        if fmt == "jsonl":
            for record in records:
                out.write(export.json_text(record) + "\n")
            return len(records)
        features = [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},
                "properties": r,
            }
            for e, r in zip(events, records, strict=True)
            if e.latitude is not None and e.longitude is not None
        ]
        collection = {
            "type": "FeatureCollection",
            "features": features,
            "without_coordinates": len(records) - len(features),
        }
        out.write(export.json_text(collection) + "\n")
        return len(features)
    if fmt == "parquet":  # the csv columns, typed; written to the binary stream under ``out``
        names = list(extras[0]) if extras else []
        rows = [
            export.csv_record(event) | {k: _cell(v) for k, v in extra.items()}
            for event, extra in zip(events, extras, strict=True)
        ]
        if out.isatty():
            raise ConflictCoderError("Parquet is binary: give --output FILE or redirect the output")
        out.flush()
        return export.write_parquet(rows, [*export.CSV_FIELDS, *names], out.buffer)
    if fmt in ("csv", "acled-csv"):
        names = list(extras[0]) if extras else []
        base: Iterable[str]
        if fmt == "csv":
            base = export.CSV_FIELDS
        else:
            base = export.ACLED_COLUMNS
        record = export.csv_record if fmt == "csv" else export.acled_record
        rows = (
            record(event) | {k: _cell(v) for k, v in extra.items()}
            for event, extra in zip(events, extras, strict=True)
        )
        return export.write_rows(rows, [*base, *names], out)
    raise ConflictCoderError(
        f"unknown output format {fmt!r}; use one of: {', '.join(export.FORMATS)}"
    )


def write_incidents(incidents: Sequence[Incident], fmt: str, out: TextIO) -> int:
    """Write incidents in one of ``export.FORMATS``; return how many."""
    events = [replace(i.event, evidence={}) for i in incidents]
    if fmt == "table":
        extras = [{"incident": i.id, "docs": i.n_documents} for i in incidents]
    else:
        extras = [incident_fields(i) for i in incidents]
    # the merged event has no evidence of its own: its records leave the empty member out
    return _with_extra(events, extras, fmt, out, evidence=False)


def write_events(rows: Sequence[tuple[Event, int | None]], fmt: str, out: TextIO) -> int:
    """Write events (``export`` formats) with an ``incident`` field/column each."""
    return _with_extra([e for e, _ in rows], [{"incident": i} for _, i in rows], fmt, out)
