"""Readers: plain text, JSONL, CSV, directories and stdin, into ``Article`` records.

``read`` yields an ``Article`` for every good document and an ``InputError`` (not raised)
for every bad one, so one bad document never stops a batch. Each error names the document
(path, path:line or the document's id) and says what is wrong in one line.

Formats
- Plain text (any other suffix): the first token may be a header ``date YYYY-MM-DD``
  (leading white space allowed); the article text is what follows it. Without a header the
  ``default_date`` (``--date``) is used. ``doc_id`` is the path as given.
- Dates (header and records): ``YYYY-MM-DD``, also with a time and zone (ISO 8601, the
  local date counts), ``YYYY/MM/DD``, ``YYYYMMDD``, ``22 Jan 2022``, ``January 22, 2022``
  and RFC 2822 (``Sat, 22 Jan 2022 10:00:00 +0000``, as in RSS feeds). Day-first or
  month-first numeric dates (``01/02/2022``) are ambiguous and refused, and so are years
  outside ``PUBLISHED_YEARS`` (placeholders such as ``0001-01-01`` or ``9999-12-31``).
- Encoding: UTF-8, with or without a byte-order mark. A lone surrogate escape in JSON
  (``"\ud83d"``, a cut emoji) becomes U+FFFD, one character for one, so offsets hold.
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
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from conflictcoder.errors import InputError
from conflictcoder.models import Article
from conflictcoder.pubdates import checked_date, parse_date
from conflictcoder.readers_web import (
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    WALKED_FEED_SUFFIXES,
    article_from_html,
    read_feed,
)

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
STDIN = "-"
#: What a directory walk reads (``.xml`` only when named: it may be anything).
WALKED_SUFFIXES = (
    TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES | WALKED_FEED_SUFFIXES
)

_FEED_START = re.compile(rb"<(?:rss|feed|rdf:rdf)[\s>]")
_HEADER = re.compile(r"\A\s*date\s+(\S+)\s*", re.IGNORECASE)
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True, kw_only=True)
class Columns:
    """Column (or JSON key) names of the record formats."""

    id: str = "id"
    date: str = "date"
    text: str = "text"
    title: str = "title"
    source: str = "source"
    url: str = "url"


def _unsurrogate(value: str) -> str:
    """A lone surrogate (from a JSON escape) cannot be written out: U+FFFD instead."""
    return _SURROGATE.sub("\ufffd", value)


def _optional(value: object) -> str | None:
    if value is None:
        return None
    text = _unsurrogate(str(value)).strip()
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
        text=_unsurrogate(text),
        published=checked_date(doc_id, published),
        title=_optional(record.get(columns.title)),
        source=_optional(record.get(columns.source)),
        url=_optional(record.get(columns.url)),
    )


def article_from_text(raw: str, doc_id: str, *, default_date: date | None) -> Article:
    """A plain-text article, with an optional ``date YYYY-MM-DD`` header."""
    raw = raw.removeprefix("\ufeff")
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
    return Article(doc_id=doc_id, text=text, published=checked_date(doc_id, published))


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


class _Lines:
    """The lines a CSV reader takes, kept per record, with lines put back to read again."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._rest = iter(lines)
        self._again: deque[str] = deque()
        self.taken: list[str] = []
        self.exhausted = False  # the reader asked for a line after the last one

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._again:
            line = self._again.popleft()
        else:
            try:
                line = next(self._rest)
            except StopIteration:
                self.exhausted = True
                raise
        self.taken.append(line)
        return line

    def start_record(self) -> None:
        self.taken.clear()
        self.exhausted = False

    def read_again(self, lines: list[str]) -> None:
        self._again.extendleft(reversed(lines))


def _read_csv(
    handle: TextIO, where: str, *, columns: Columns, default_date: date | None, delimiter: str
) -> Iterator[Article | InputError]:
    """Rows as records, each named ``where:line`` by the line it starts on (a quoted text
    may span lines; blank lines are skipped). Short rows lack the last columns.

    A quote that is never closed would swallow later rows into one text (Python's reader is
    lenient): the record then runs to the end of the input, or is not valid CSV when read
    strictly. Such a record of several lines is an error, and the lines after its first
    one are read again as rows of their own. A one-line row with a stray quote is read
    leniently, as before."""
    csv.field_size_limit(2**31 - 1)
    source = _Lines(handle)
    try:
        header = next(csv.reader(source, delimiter=delimiter), None)
        if header is None or columns.text not in header:
            yield InputError(where, f"CSV has no '{columns.text}' column")
            return
        number = len(source.taken) + 1  # the line the next record starts on
        while True:
            source.start_record()
            reader = csv.reader(source, delimiter=delimiter)
            fields = next(reader, None)
            if fields is None:
                break
            place = f"{where}:{number}"
            if _misquoted(source, delimiter):
                yield InputError(place, "unclosed quote (the lines after it are read as rows)")
                source.read_again(source.taken[1:])
                number += 1
                continue
            number += len(source.taken)
            if not fields:
                continue
            row = dict(zip(header, fields, strict=False))
            try:
                yield article_from_record(row, place, columns=columns, default_date=default_date)
            except InputError as error:
                yield error
    except csv.Error as error:
        yield InputError(where, f"malformed CSV ({error})")


def _misquoted(source: _Lines, delimiter: str) -> bool:
    """Whether the record just read spans lines because of a quote that never closed."""
    if len(source.taken) < 2:  # one line: a stray quote, read leniently
        return False
    if source.exhausted:  # the input ended inside a quoted field
        return True
    try:
        rows = list(csv.reader(source.taken, delimiter=delimiter, strict=True))
    except csv.Error:
        return True
    return len(rows) != 1


def _read_file(
    path: Path, *, columns: Columns, default_date: date | None
) -> Iterator[Article | InputError]:
    where = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open(encoding="utf-8-sig") as handle:
                yield from _read_jsonl(handle, where, columns=columns, default_date=default_date)
        elif suffix in CSV_SUFFIXES:
            delimiter = "\t" if suffix == ".tsv" else ","
            with path.open(encoding="utf-8-sig", newline="") as handle:
                yield from _read_csv(
                    handle, where, columns=columns, default_date=default_date, delimiter=delimiter
                )
        elif suffix in HTML_SUFFIXES:
            yield article_from_html(path.read_bytes(), where, default_date=default_date)
        elif suffix in FEED_SUFFIXES:
            yield from read_feed(path.read_bytes(), where, default_date=default_date)
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
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.suffix.lower() in WALKED_SUFFIXES:
            yield path


def read(
    paths: Iterable[str | Path],
    *,
    default_date: date | None = None,
    columns: Columns | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Article | InputError]:
    """Yield an Article, or an InputError describing the problem, for every document.

    Two documents of one batch with the same id but another text or date would overwrite
    each other's events in a store: the second is an error. The same document read twice
    (a file named twice) is yielded twice."""
    columns = columns or Columns()
    seen: dict[str, tuple[int, str]] = {}  # doc_id -> (content key, where it was read)
    for where, found in _read_all(paths, columns=columns, default_date=default_date, stdin=stdin):
        if isinstance(found, Article):
            key = hash((found.text, found.published))
            first = seen.setdefault(found.doc_id, (key, where))
            if first[0] != key:
                found = InputError(
                    found.doc_id, f"duplicate id: {first[1]} has another document with this id"
                )
        yield found


def _read_all(
    paths: Iterable[str | Path],
    *,
    columns: Columns,
    default_date: date | None,
    stdin: TextIO | None,
) -> Iterator[tuple[str, Article | InputError]]:
    """Every document of ``paths`` with the file (or ``<stdin>``) it comes from."""
    for item in paths:
        if str(item) == STDIN:
            handle = stdin or sys.stdin
            for found in _read_stdin(handle, columns=columns, default_date=default_date):
                yield "<stdin>", found
            continue
        path = Path(item)
        if path.is_dir():
            files = list(_walk(path))
            if not files:
                suffixes = ", ".join(sorted(WALKED_SUFFIXES))
                yield str(item), InputError(str(item), f"no documents ({suffixes}) in directory")
                continue
        elif path.exists():
            files = [path]
        else:
            yield str(item), InputError(str(item), "no such file or directory")
            continue
        for file in files:
            for found in _read_file(file, columns=columns, default_date=default_date):
                yield str(file), found


def _read_stdin(
    handle: TextIO, *, columns: Columns, default_date: date | None
) -> Iterator[Article | InputError]:
    buffer = getattr(handle, "buffer", None)  # the bytes: sys.stdin may escape bad ones
    data = buffer.read() if buffer is not None else handle.read().encode("utf-8", "surrogatepass")
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):  # a page or a feed: it declares its own encoding
        if _FEED_START.search(head):
            yield from read_feed(data, "<stdin>", default_date=default_date)
            return
        try:
            yield article_from_html(data, "<stdin>", default_date=default_date)
        except InputError as error:
            yield error
        return
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError:
        yield InputError("<stdin>", "not UTF-8 text")
        return
    # as a file is read: no byte-order mark, universal newlines
    raw = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if raw.lstrip().startswith("{"):
        # not splitlines(): U+2028 or U+0085 may stand unescaped inside a JSON string
        yield from _read_jsonl(
            raw.split("\n"), "<stdin>", columns=columns, default_date=default_date
        )
        return
    try:
        yield article_from_text(raw, "<stdin>", default_date=default_date)
    except InputError as error:
        yield error
