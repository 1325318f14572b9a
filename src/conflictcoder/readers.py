"""Readers: plain text, JSONL, CSV, directories and stdin, into ``Article`` records.

``read`` yields an ``Article`` for every good document and an ``InputError`` (not raised)
for every bad one, so one bad document never stops a batch. Each error names the document
(path, path:line or the document's id) and says what is wrong in one line.

Formats
- Plain text (any other suffix): the first token may be a header ``date YYYY-MM-DD``
  (leading white space allowed); the article text is what follows it. Without a header the
  ``default_date`` (``--date``) is used. ``doc_id`` is the path as given.
- JSONL (``.jsonl``, ``.ndjson``): one object per line with ``id``, ``date``, ``text`` and
  optional ``title``, ``source``, ``url``.
- CSV (``.csv``, ``.tsv``): the same columns; names can be overridden with ``Columns``.
- A directory is read recursively (``.txt``, ``.text``, ``.md``, ``.jsonl``, ``.ndjson``,
  ``.csv``, ``.tsv``; hidden files skipped), in sorted order. ``-`` reads standard input:
  JSONL when its first character is ``{``, else plain text.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TextIO

from conflictcoder.errors import InputError
from conflictcoder.models import Article

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
STDIN = "-"

_HEADER = re.compile(r"\A\s*date\s+(\S+)\s*", re.IGNORECASE)
_ISO_DATE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True, kw_only=True)
class Columns:
    """Column (or JSON key) names of the record formats."""

    id: str = "id"
    date: str = "date"
    text: str = "text"
    title: str = "title"
    source: str = "source"
    url: str = "url"


def parse_date(value: object) -> date | None:
    """A publication date from ``YYYY-MM-DD`` or an ISO 8601 timestamp; None if unusable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _optional(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def article_from_record(
    record: dict, where: str, *, columns: Columns, default_date: date | None
) -> Article:
    """Build an Article from a JSON object or CSV row; raise InputError naming ``where``."""
    doc_id = _optional(record.get(columns.id)) or where
    text = record.get(columns.text)
    if not isinstance(text, str):
        raise InputError(doc_id, f"no '{columns.text}' text field")
    if not text.strip():
        raise InputError(doc_id, "empty text")
    raw_date = record.get(columns.date)
    published = parse_date(raw_date)
    if published is None:
        if _optional(raw_date) is not None:
            raise InputError(doc_id, f"unusable date {str(raw_date)[:40]!r} (want YYYY-MM-DD)")
        if default_date is None:
            raise InputError(doc_id, f"no '{columns.date}' and no --date given")
        published = default_date
    return Article(
        doc_id=doc_id,
        text=text,
        published=published,
        title=_optional(record.get(columns.title)),
        source=_optional(record.get(columns.source)),
        url=_optional(record.get(columns.url)),
    )


def article_from_text(raw: str, doc_id: str, *, default_date: date | None) -> Article:
    """A plain-text article, with an optional ``date YYYY-MM-DD`` header."""
    header = _HEADER.match(raw)
    published: date | None = None
    text = raw
    if header:
        published = parse_date(header.group(1))
        if published is None:
            raise InputError(doc_id, f"unusable date header {header.group(1)[:40]!r}")
        text = raw[header.end() :]
    if not text.strip():
        raise InputError(doc_id, "empty text")
    if published is None:
        if default_date is None:
            raise InputError(doc_id, "no 'date YYYY-MM-DD' header and no --date given")
        published = default_date
    return Article(doc_id=doc_id, text=text, published=published)


def _read_jsonl(
    lines: Iterable[str], where: str, *, columns: Columns, default_date: date | None
) -> Iterator[Article | InputError]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        place = f"{where}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(place, f"malformed JSON ({error.msg}, column {error.colno})")
            continue
        if not isinstance(record, dict):
            yield InputError(place, "a JSONL line must be an object")
            continue
        try:
            yield article_from_record(record, place, columns=columns, default_date=default_date)
        except InputError as error:
            yield error


def _read_csv(
    handle: TextIO, where: str, *, columns: Columns, default_date: date | None, delimiter: str
) -> Iterator[Article | InputError]:
    csv.field_size_limit(2**31 - 1)
    reader = csv.DictReader(handle, delimiter=delimiter)
    if reader.fieldnames is None or columns.text not in reader.fieldnames:
        yield InputError(where, f"CSV has no '{columns.text}' column")
        return
    try:
        for number, row in enumerate(reader, start=2):
            place = f"{where}:{number}"
            try:
                yield article_from_record(row, place, columns=columns, default_date=default_date)
            except InputError as error:
                yield error
    except csv.Error as error:
        yield InputError(where, f"malformed CSV ({error})")


def _read_file(
    path: Path, *, columns: Columns, default_date: date | None
) -> Iterator[Article | InputError]:
    where = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open(encoding="utf-8") as handle:
                yield from _read_jsonl(handle, where, columns=columns, default_date=default_date)
        elif suffix in CSV_SUFFIXES:
            delimiter = "\t" if suffix == ".tsv" else ","
            with path.open(encoding="utf-8", newline="") as handle:
                yield from _read_csv(
                    handle, where, columns=columns, default_date=default_date, delimiter=delimiter
                )
        else:
            raw = path.read_text(encoding="utf-8")
            yield article_from_text(raw, where, default_date=default_date)
    except UnicodeDecodeError:
        yield InputError(where, "not UTF-8 text")
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(where, f"cannot read ({error.strerror or error})")


def _walk(directory: Path) -> Iterator[Path]:
    readable = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in readable:
            yield path


def read(
    paths: Iterable[str | Path],
    *,
    default_date: date | None = None,
    columns: Columns | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Article | InputError]:
    """Yield an Article, or an InputError describing the problem, for every document."""
    columns = columns or Columns()
    for item in paths:
        if str(item) == STDIN:
            yield from _read_stdin(stdin or sys.stdin, columns=columns, default_date=default_date)
            continue
        path = Path(item)
        if path.is_dir():
            for child in _walk(path):
                yield from _read_file(child, columns=columns, default_date=default_date)
        elif path.exists():
            yield from _read_file(path, columns=columns, default_date=default_date)
        else:
            yield InputError(str(item), "no such file or directory")


def _read_stdin(
    handle: TextIO, *, columns: Columns, default_date: date | None
) -> Iterator[Article | InputError]:
    try:
        raw = handle.read()
    except UnicodeDecodeError:
        yield InputError("<stdin>", "not UTF-8 text")
        return
    if raw.lstrip().startswith("{"):
        yield from _read_jsonl(
            raw.splitlines(), "<stdin>", columns=columns, default_date=default_date
        )
        return
    try:
        yield article_from_text(raw, "<stdin>", default_date=default_date)
    except InputError as error:
        yield error
