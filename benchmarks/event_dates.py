"""Event dates in news articles: is the reported shooting dated to its own day? Prints JSON.

Usage: python benchmarks/event_dates.py [--half tune|test] [--limit N] [--errors N]

Data: ../shared/data/dev/gva (US local news on shootings; each article cites one Gun
Violence Archive incident whose ``incident_date`` is the gold day). Articles whose text is ok,
that cite one incident with a known date, one copy of each identical text. Halves as in
``benchmarks/dedup.py``: incidents whose first report falls in an even month are ``tune``,
odd months ``test``. ``--limit`` keeps the first N articles of the half in doc-id order (an
MD5, so a fixed pseudo-random sample).

Scores, over the articles of the sample:

- ``lede_exact``: the article's first event (its lede, the event ``incidents`` links by) has
  the incident's day as ``event_date``;
- ``lede_within_precision``: the gold day lies within the lede event's precision window
  (the day itself at time_precision 1, ±3 days at 2, the same month at 3);
- ``shooting_exact`` / ``shooting_within_precision``: the same for the article's first
  violent event (battle, explosion, violence against civilians, riot), else its lede: the
  shooting itself when a follow-up leads with the arrest;
- ``any_exact``: some event of the article has the gold day;
- the same three over ``follow_ups``: articles published two or more days after the
  incident (arrests, charges, funerals: the shooting is told as background).

``--errors N`` prints up to N misses of the lede to stderr (doc id, gold, ours, why).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from conflictcoder.eventdates import VIOLENT_TYPES
from conflictcoder.models import Article, Event
from conflictcoder.pipeline import StageError, analyse, load_resources
from conflictcoder.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GVA = SHARED / "data" / "dev" / "gva"
_FOLLOW_UP_DAYS = 2


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def sample(half: str | None, limit: int | None) -> list[tuple[Article, date]]:
    """(article, gold incident day) pairs of the half, in doc-id order."""
    days = {
        i["incident_id"]: date.fromisoformat(i["incident_date"])
        for i in _jsonl(GVA / "incidents.jsonl")
        if i.get("incident_date")
    }
    docs = [
        d
        for d in _jsonl(GVA / "documents.jsonl")
        if d["text_flag"] == "ok" and len(d["incident_ids"]) == 1
    ]
    first: dict[str, str] = {}
    for d in docs:
        incident = d["incident_ids"][0]
        first[incident] = min(first.get(incident, d["published"]), d["published"])
    seen_texts: set[str] = set()
    chosen: list[tuple[Article, date]] = []
    for d in sorted(docs, key=lambda d: d["doc_id"]):
        incident = d["incident_ids"][0]
        if incident not in days or d["text"] in seen_texts:
            continue
        if half is not None and (int(first[incident][5:7]) % 2 == 0) != (half == "tune"):
            continue
        seen_texts.add(d["text"])
        published = date.fromisoformat(d["published"])
        article = Article(doc_id=d["doc_id"], text=d["text"], published=published)
        chosen.append((article, days[incident]))
        if limit is not None and len(chosen) >= limit:
            break
    return chosen


def within_precision(event: Event, gold: date) -> bool:
    """Whether ``gold`` lies in the window the event's time_precision allows."""
    if event.time_precision == 1:
        return event.event_date == gold
    if event.time_precision == 2:
        return abs((event.event_date - gold).days) <= 3
    return (event.event_date.year, event.event_date.month) == (gold.year, gold.month)


def _rate(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("tune", "test"))
    parser.add_argument("--limit", type=int, default=400, help="articles (default 400)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N lede misses")
    args = parser.parse_args()
    if not GVA.exists():
        sys.exit(f"benchmarks/event_dates.py: {GVA} not found (the dev sets live in ../shared)")
    resources = load_resources(Settings())
    started = time.perf_counter()
    keys = ("articles", "with_event", "lede_exact", "lede_within_precision", "shooting_exact",
            "shooting_within_precision", "any_exact")  # fmt: skip
    counts = {group: dict.fromkeys(keys, 0) for group in ("all", "follow_ups")}
    sources: dict[str, int] = {}
    precisions: dict[str, int] = {}
    errors: list[str] = []
    for article, gold in sample(args.half, args.limit):
        try:
            events = analyse(article, resources).events
        except StageError:
            events = ()
        groups = ["all"]
        if article.published - gold >= timedelta(days=_FOLLOW_UP_DAYS):
            groups.append("follow_ups")
        lede = events[0] if events else None
        shooting = next((e for e in events if e.event_type in VIOLENT_TYPES), lede)
        for group in groups:
            c = counts[group]
            c["articles"] += 1
            c["with_event"] += lede is not None
            c["lede_exact"] += bool(lede and lede.event_date == gold)
            c["lede_within_precision"] += bool(lede and within_precision(lede, gold))
            c["shooting_exact"] += bool(shooting and shooting.event_date == gold)
            c["shooting_within_precision"] += bool(shooting and within_precision(shooting, gold))
            c["any_exact"] += any(e.event_date == gold for e in events)
        if lede is not None:
            sources[lede.date_source] = sources.get(lede.date_source, 0) + 1
            key = str(lede.time_precision)
            precisions[key] = precisions.get(key, 0) + 1
            if lede.event_date != gold and len(errors) < args.errors:
                errors.append(
                    f"{article.doc_id} published={article.published} gold={gold}"
                    f" ours={lede.event_date}/{lede.time_precision} {lede.date_source}:"
                    f" {lede.why.get('event_date')}"
                )
    for line in errors:
        print(line, file=sys.stderr)
    report: dict = {"half": args.half, "limit": args.limit}
    for group, c in counts.items():
        n = c["articles"]
        report[group] = {
            "articles": n,
            "with_event": c["with_event"],
            "lede_exact": _rate(c["lede_exact"], n),
            "lede_within_precision": _rate(c["lede_within_precision"], n),
            "shooting_exact": _rate(c["shooting_exact"], n),
            "shooting_within_precision": _rate(c["shooting_within_precision"], n),
            "any_exact": _rate(c["any_exact"], n),
        }
    report["lede_date_source"] = dict(sorted(sources.items()))
    report["lede_time_precision"] = dict(sorted(precisions.items()))
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
