"""Score the pipeline against an ACLED export: each row's ``notes`` is coded as an article.

The document date is the gold ``event_date`` plus ``lag_days`` (reports follow events), so
the event date has to come from the text. The first event extracted from a note is compared
with the row; a note that yields no event counts as wrong on every field.
"""

from __future__ import annotations

import csv
import re
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TextIO

from conflictcoder.errors import EvalError
from conflictcoder.geometry import km
from conflictcoder.models import Article, Event

FIELDS = (
    "event_type",
    "sub_event_type",
    "event_date",
    "admin1",
    "distance_25km",
    "fatalities",
    "inter1",
    "actor1",
)
_INTER_LABELS = {
    "state forces": 1,
    "rebel groups": 2,
    "rebel group": 2,
    "political militias": 3,
    "political militia": 3,
    "identity militias": 4,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
}
_DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%b-%y", "%d-%B-%y", "%d %b %Y", "%m/%d/%Y")


def parse_acled_date(value: str) -> date | None:
    """ACLED exports write dates as ``9-May-20``, ``02 June 2020`` or ``2020-05-09``."""
    value = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def parse_inter(value: str | None) -> int | None:
    """An inter code from a number or one of ACLED's text labels."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return int(value)
    return _INTER_LABELS.get(value.lower())


def fold(name: str | None) -> str:
    """Compare admin names loosely: no accents, case, hyphens, apostrophes or 'al-'."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['‘’`ʿʾ]", "", text)
    text = text.replace("-", " ")
    text = re.sub(r"\b(al|el|ad|ar|as|ash|an|at|az)\s+", "", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True, slots=True)
class GoldRow:
    row_id: str
    article: Article
    values: dict


def read_gold(path: Path, *, lag_days: int = 1) -> Iterator[GoldRow]:
    """Rows of an ACLED export as articles (notes, dated event_date + lag) and gold values.

    UTF-8 with or without a byte-order mark (as spreadsheets save it); raises EvalError
    naming the file (and line) when it cannot be read as CSV."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise EvalError(f"{path}: cannot read ({error.strerror or error})") from error
    try:
        with handle:
            yield from _gold_rows(path, handle, lag_days)
    except UnicodeDecodeError as error:
        raise EvalError(f"{path}: not UTF-8 text") from error
    except csv.Error as error:
        raise EvalError(f"{path}: malformed CSV ({error})") from error


def _gold_rows(path: Path, handle: TextIO, lag_days: int) -> Iterator[GoldRow]:
    csv.field_size_limit(2**31 - 1)
    reader = csv.DictReader(handle)
    needed = {"notes", "event_date", "event_type", "sub_event_type"}
    missing = needed - set(reader.fieldnames or ())
    if missing:
        raise EvalError(f"{path}: not an ACLED export (missing {', '.join(sorted(missing))})")
    for number, row in enumerate(reader, start=2):
        event_date = parse_acled_date(row["event_date"] or "")  # None in a short row
        notes = (row.get("notes") or "").strip()
        if event_date is None or not notes:
            continue
        row_id = row.get("event_id_cnty") or f"{path}:{number}"
        article = Article(
            doc_id=row_id,
            text=notes,
            published=event_date + timedelta(days=lag_days),
            source=row.get("source") or None,
        )
        values = dict(row, event_date=event_date)
        yield GoldRow(row_id=row_id, article=article, values=values)


def compare(gold: dict, event: Event | None) -> dict[str, bool | None]:
    """Per-field correctness of one predicted event (None: the gold has no value)."""
    result: dict[str, bool | None] = {}
    if event is None:
        return {name: False for name in FIELDS}
    result["event_type"] = event.event_type == gold["event_type"]
    result["sub_event_type"] = event.sub_event_type == gold["sub_event_type"]
    result["event_date"] = event.event_date == gold["event_date"]
    gold_admin1 = fold(gold.get("admin1"))
    result["admin1"] = (fold(event.admin1) == gold_admin1) if gold_admin1 else None
    try:
        lat, lon = float(gold["latitude"]), float(gold["longitude"])
    except (KeyError, TypeError, ValueError):
        result["distance_25km"] = None
    else:
        if event.latitude is None or event.longitude is None:
            result["distance_25km"] = False
        else:
            result["distance_25km"] = km(lat, lon, event.latitude, event.longitude) <= 25.0
    try:
        result["fatalities"] = event.fatalities == int(gold.get("fatalities") or 0)
    except ValueError:
        result["fatalities"] = None
    gold_inter = parse_inter(gold.get("inter1"))
    result["inter1"] = (event.inter1 == gold_inter) if gold_inter is not None else None
    gold_actor = (gold.get("actor1") or "").strip()
    result["actor1"] = (event.actor1 == gold_actor) if gold_actor else None
    return result


def evaluate(
    path: Path,
    extract: Callable[[Article], tuple[Event, ...]],
    *,
    lag_days: int = 1,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict:
    """Score ``extract`` on an ACLED export; returns a JSON-ready dict of per-field scores."""
    correct = dict.fromkeys(FIELDS, 0)
    total = dict.fromkeys(FIELDS, 0)
    rows = with_event = failed = 0
    started = time.perf_counter()
    for gold in read_gold(path, lag_days=lag_days):
        if limit is not None and rows >= limit:
            break
        rows += 1
        try:
            events = extract(gold.article)
        except Exception:  # one failing row must not stop the evaluation
            failed += 1
            events = ()
        if events:
            with_event += 1
        for name, ok in compare(gold.values, events[0] if events else None).items():
            if ok is None:
                continue
            total[name] += 1
            correct[name] += int(ok)
        if progress is not None:
            progress(rows)
    seconds = time.perf_counter() - started
    return {
        "file": str(path),
        "lag_days": lag_days,
        "rows": rows,
        "rows_with_event": with_event,
        "rows_failed": failed,
        "scores": {
            name: {
                "accuracy": round(correct[name] / total[name], 4) if total[name] else None,
                "correct": correct[name],
                "total": total[name],
            }
            for name in FIELDS
        },
        "seconds": round(seconds, 2),
        "rows_per_second": round(rows / seconds, 1) if seconds else None,
    }
