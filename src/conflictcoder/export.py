"""Output formats for events: the contracts of the ``extract`` and ``events`` commands.

``write(events, fmt, out)`` writes one of ``FORMATS`` and returns the number of events
written. Missing values are JSON ``null`` and empty CSV cells.

- ``jsonl``: one ``event_record`` per line: the ACLED fields (``EVENT_FIELDS``, with
  ``event_date`` as YYYY-MM-DD), then ``doc_id``, ``evidence`` (field -> list of
  ``[start, end]`` offsets into the document text), ``confidence`` and ``why``
  (field -> how its value was chosen).
- ``csv``: the same columns, ``evidence`` and ``why`` as JSON in one cell each.
- ``table``: aligned columns for people: date, type / sub-type, actor1, actor2,
  location, country, fatalities.
- ``acled-csv``: ACLED's export columns in ACLED's order (``ACLED_COLUMNS``), blank where
  we have nothing (admin3, source_scale, tags, timestamp); ``inter1``/``inter2`` are 0 for a
  side with no actor, as ACLED writes them; ``iso`` (ISO 3166 numeric) and
  ``region`` (ACLED's regions) come from ``countries``.
  ``event_id_cnty`` is ``conflictcoder-`` plus a hash of the document id and the event's
  identifying fields, so the same extraction always gets the same id.
- ``parquet`` (``write_parquet``, for the ``events`` and ``incidents`` commands): the ``csv``
  columns as one Parquet table, dates as dates; needs the optional pyarrow.
- ``geojson``: a FeatureCollection of Points whose properties are the records; events
  without coordinates are left out and counted in the collection's
  ``without_coordinates`` member.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, BinaryIO, TextIO

from conflictcoder import countries
from conflictcoder.errors import ConflictCoderError
from conflictcoder.models import EVENT_FIELDS, Event

RECORD_FIELDS: tuple[str, ...] = (
    *EVENT_FIELDS, "doc_id", "evidence", "confidence", "date_source", "why"
)  # fmt: skip
CSV_FIELDS: tuple[str, ...] = (
    *EVENT_FIELDS, "doc_id", "confidence", "date_source", "evidence", "why"
)  # fmt: skip

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

TABLE_COLUMNS: tuple[str, ...] = (
    "date",
    "type / sub-type",
    "actor1",
    "actor2",
    "location",
    "country",
    "fatalities",
)
TABLE_CELL_WIDTH = 48

FORMATS: tuple[str, ...] = ("jsonl", "csv", "table", "acled-csv", "geojson")

# ACLED's disorder types by event type; by sub-event type where it differs.
_DISORDER_BY_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_DISORDER_BY_SUB_TYPE = {
    "Excessive force against protesters": "Political violence; Demonstrations",
    "Violent demonstration": "Demonstrations",
}
_CIVILIANS = 7  # ACLED's inter code of civilians


def event_record(event: Event) -> dict[str, Any]:
    """The JSON-ready record of an event: the JSONL contract of ``extract``."""
    record: dict[str, Any] = {name: getattr(event, name) for name in EVENT_FIELDS}
    record["event_date"] = event.event_date.isoformat()
    record["doc_id"] = event.doc_id
    record["evidence"] = {
        name: [[span.start, span.end] for span in spans] for name, spans in event.evidence.items()
    }
    record["confidence"] = event.confidence
    record["date_source"] = event.date_source
    record["why"] = dict(event.why)
    return record


def disorder_type(event: Event) -> str | None:
    """ACLED's disorder type of the event's type and sub-type; None for unknown types."""
    return _DISORDER_BY_SUB_TYPE.get(event.sub_event_type) or _DISORDER_BY_TYPE.get(
        event.event_type
    )


def event_id(event: Event) -> str:
    """A stable id: the same document and event fields always give the same id."""
    key = [
        event.doc_id,
        event.event_date.isoformat(),
        event.event_type,
        event.sub_event_type,
        event.actor1,
        event.actor2,
        event.location,
        event.latitude,
        event.longitude,
    ]
    digest = hashlib.sha256(json.dumps(key, ensure_ascii=False).encode("utf-8"))
    return f"conflictcoder-{digest.hexdigest()[:12]}"


def country_codes(iso3: str | None) -> tuple[int | None, str | None]:
    """ACLED's ``iso`` (ISO 3166 numeric) and ``region`` of a country; None when unknown."""
    country = countries.by_iso3(iso3)
    return (country.numeric, country.region) if country else (None, None)


def acled_record(event: Event) -> dict[str, Any]:
    """The event as a row of an ACLED export (``ACLED_COLUMNS``; None where unknown)."""
    row: dict[str, Any] = dict.fromkeys(ACLED_COLUMNS)
    for name in ACLED_COLUMNS:
        if name in EVENT_FIELDS:
            row[name] = getattr(event, name)
    row["event_id_cnty"] = event_id(event)
    row["event_date"] = event.event_date.isoformat()
    row["year"] = event.event_date.year
    row["disorder_type"] = disorder_type(event)
    row["iso"], row["region"] = country_codes(event.iso3)
    for side in ("inter1", "inter2"):  # ACLED writes 0 for a side with no actor
        if row[side] is None:
            row[side] = 0
    targets_civilians = (
        event.event_type == "Violence against civilians" or event.inter2 == _CIVILIANS
    )
    row["civilian_targeting"] = "Civilian targeting" if targets_civilians else None
    return row


# Characters that some line readers (Python's str.splitlines, JavaScript before ES2019)
# take for line breaks: escaped, so one JSONL record stays one line for every reader.
_LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def json_text(value: object) -> str:
    """``value`` as JSON text on one line (UTF-8 characters kept, line breaks escaped)."""
    return json.dumps(value, ensure_ascii=False).translate(_LINE_BREAKS)


def _write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for event in events:
        out.write(json_text(event_record(event)) + "\n")
        n += 1
    return n


def write_rows(records: Iterable[dict[str, Any]], fields: Sequence[str], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    n = 0
    for record in records:
        writer.writerow(record)
        n += 1
    return n


def csv_record(event: Event) -> dict[str, Any]:
    """``event_record`` with its nested values as JSON text, for one CSV row."""
    record = event_record(event)
    record["evidence"] = json_text(record["evidence"])
    record["why"] = json_text(record["why"])
    return record


def _write_csv(events: Iterable[Event], out: TextIO) -> int:
    return write_rows(map(csv_record, events), CSV_FIELDS, out)


def _write_acled_csv(events: Iterable[Event], out: TextIO) -> int:
    return write_rows(map(acled_record, events), ACLED_COLUMNS, out)


def _cell(value: object) -> str:
    text = "" if value is None else " ".join(str(value).split())
    if len(text) > TABLE_CELL_WIDTH:
        text = text[: TABLE_CELL_WIDTH - 1] + "…"
    return text


def _table_row(event: Event) -> tuple[str, ...]:
    return tuple(
        _cell(value)
        for value in (
            event.event_date.isoformat(),
            f"{event.event_type} / {event.sub_event_type}",
            event.actor1,
            event.actor2,
            event.location,
            event.country,
            event.fatalities,
        )
    )


def _write_table(events: Iterable[Event], out: TextIO) -> int:
    rows = [_table_row(event) for event in events]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(TABLE_COLUMNS)]
    last = len(widths) - 1

    def line(cells: Iterable[str]) -> str:
        parts = [
            cell.rjust(widths[i]) if i == last else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ]
        return "  ".join(parts).rstrip() + "\n"

    out.write(line(TABLE_COLUMNS))
    out.write(line("-" * w for w in widths))
    for row in rows:
        out.write(line(row))
    return len(rows)


def _write_geojson(events: Iterable[Event], out: TextIO) -> int:
    features = []
    without = 0
    for event in events:
        if event.latitude is None or event.longitude is None:
            without += 1
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
                "properties": event_record(event),
            }
        )
    collection = {
        "type": "FeatureCollection",
        "features": features,
        "without_coordinates": without,
    }
    out.write(json_text(collection) + "\n")
    return len(features)


_WRITERS = {
    "jsonl": _write_jsonl,
    "csv": _write_csv,
    "table": _write_table,
    "acled-csv": _write_acled_csv,
    "geojson": _write_geojson,
}


_DATE_COLUMNS = frozenset({"event_date", "first_published", "last_published"})


def write_parquet(records: Iterable[dict[str, Any]], fields: Sequence[str], sink: BinaryIO) -> int:
    """Write ``records`` (the ``csv`` columns: nested values as JSON text) as one Parquet
    table with the columns ``fields``; dates as dates, numbers as numbers, missing values
    null. Needs pyarrow (``pip install 'conflictcoder[parquet]'``). Returns the row count."""
    try:
        import pyarrow as pa  # noqa: PLC0415 (an optional dependency)
        import pyarrow.parquet as pq  # noqa: PLC0415
    except ImportError as error:
        raise ConflictCoderError(
            "Parquet output needs pyarrow: pip install 'conflictcoder[parquet]'"
        ) from error
    rows = []
    for record in records:
        row = {name: record.get(name) for name in fields}
        for name in _DATE_COLUMNS.intersection(row):
            if isinstance(row[name], str):
                row[name] = date.fromisoformat(row[name])
        rows.append(row)
    columns = {name: [row[name] for row in rows] for name in fields}
    buffer = pa.BufferOutputStream()  # pyarrow closes a file it is given: not ``sink``
    pq.write_table(pa.table(columns), buffer)
    sink.write(buffer.getvalue().to_pybytes())
    sink.flush()
    return len(rows)


def write(events: Iterable[Event], fmt: str, out: TextIO) -> int:
    """Write ``events`` to ``out`` in ``fmt`` (one of ``FORMATS``); return how many."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ConflictCoderError(f"unknown output format {fmt!r}; use one of: {', '.join(FORMATS)}")
    return writer(events, out)
