"""Incident linking on real data; prints JSON.

Usage: python benchmarks/dedup.py [--only gva,ecbplus,acled,timing] [--limit N] [--jobs N]
                                  [--cache DIR] [--events N]

- ``gva``: US local news on shootings grouped by Gun Violence Archive incident (clean view:
  text ok, one incident). Each document is grouped by the incident it reports
  (``incidents.document_incidents``: its lede's, unless no other document shares that one;
  ``ours``), by the incident of its first event (``ours_first_event``) or with every
  document sharing an incident with any of its events (``ours_any_event``); documents
  without an event stay alone. Pairwise
  precision/recall/F1 and B-cubed F1 against GVA's grouping, next to the all-singletons floor.
- ``ecbplus``: each topic pairs two different but similar events (subtopics); any two
  documents of different subtopics sharing an incident is a false merge. Undated documents
  all get one date (the hardest case for the linker).
- ``acled``: ../shared/data/dev/acled/syria_battles_2017_2020.csv, each row's notes as a
  document published the day after the event; every row is a distinct event, so a row whose
  event shares an incident with another row's is a false merge (target at most 1 %).
- ``timing``: linking one new document into a store of ``--events`` synthetic events
  (target at most 10 ms), see ``dedup_timing``.

``--half tune`` or ``--half test`` keeps one half of each set: GVA incidents and ACLED rows
of even (tune) or odd (test) months (of the incident's first report, of the event), so that
all the look-alikes of a month stay together; ECB+ topics by the parity of topic // 2.
Thresholds are tuned on ``tune``; ``test`` is held out.

Documents are ingested in their file order; ``--cache`` keeps the pipeline's events between
runs (pickles; delete them when the pipeline changes).
"""

from __future__ import annotations

import argparse
import csv
import json
import pickle
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from itertools import combinations
from pathlib import Path

from dedup_timing import timing

from conflictcoder import incidents, store
from conflictcoder.models import Article, Event
from conflictcoder.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "data" / "dev"
NOW = datetime(2024, 1, 1, tzinfo=UTC)

_RESOURCES = None


def _init() -> None:
    global _RESOURCES  # one per worker process
    from conflictcoder.pipeline import load_resources

    _RESOURCES = load_resources(Settings())


def _analyse(article: Article) -> tuple[Event, ...]:
    from conflictcoder.pipeline import StageError, analyse

    try:
        return analyse(article, _RESOURCES).events
    except StageError:
        return ()


def extract(
    name: str, articles: list[Article], jobs: int, cache: Path | None, half: str | None = None
) -> list[tuple[Article, tuple[Event, ...]]]:
    """The pipeline's events of each article; with ``cache``, kept in a pickle per set (a
    half is read from the whole set's pickle when there is one)."""
    path = cache / f"dedup-{name}-{len(articles)}.pickle" if cache else None
    if half and cache:
        whole = sorted(cache.glob(f"dedup-{name}-*.pickle"), key=lambda p: p.stat().st_size)
        if whole:
            with whole[-1].open("rb") as handle:
                known = {a.doc_id: (a, events) for a, events in pickle.load(handle)}
            if all(a.doc_id in known for a in articles):
                return [(a, known[a.doc_id][1]) for a in articles]
    if path and path.exists():
        with path.open("rb") as handle:
            return pickle.load(handle)
    with ProcessPoolExecutor(jobs, initializer=_init) as pool:
        events = list(pool.map(_analyse, articles, chunksize=16))
    pairs = list(zip(articles, events, strict=True))
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            pickle.dump(pairs, handle)
    return pairs


def link(pairs: Iterable[tuple[Article, Sequence[Event]]], settings: Settings):
    """Ingest and link every document in order; return the store and the seconds spent."""
    conn = store.open_db(":memory:")
    spent = 0.0
    for article, events in pairs:
        store.add_document(conn, article, events, now=NOW)
        start = time.perf_counter()
        incidents.link_pending(conn, settings, now=NOW)
        spent += time.perf_counter() - start
    return conn, spent


def doc_incidents(conn) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    rows = conn.execute(
        "SELECT d.doc_id, e.incident FROM events e JOIN documents d ON d.id = e.document"
        " ORDER BY e.id"
    )
    for doc_id, incident in rows:
        found[doc_id].append(incident)
    return found


def _pairs(clusters: dict[str, str]) -> set[tuple[str, str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for doc, cluster in clusters.items():
        groups[cluster].append(doc)
    return {tuple(sorted(p)) for g in groups.values() for p in combinations(g, 2)}


def scores(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Pairwise precision/recall/F1 and B-cubed precision/recall/F1."""
    ours, theirs = _pairs(predicted), _pairs(gold)
    tp = len(ours & theirs)
    p = tp / len(ours) if ours else 1.0
    r = tp / len(theirs) if theirs else 1.0
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for doc in gold:
        by_pred[predicted[doc]].add(doc)
        by_gold[gold[doc]].add(doc)
    bp = statistics.fmean(
        len(by_pred[predicted[d]] & by_gold[gold[d]]) / len(by_pred[predicted[d]]) for d in gold
    )
    br = statistics.fmean(
        len(by_pred[predicted[d]] & by_gold[gold[d]]) / len(by_gold[gold[d]]) for d in gold
    )

    def f1(a: float, b: float) -> float:
        return 2 * a * b / (a + b) if a + b else 0.0

    return {
        "pairwise_precision": round(p, 4),
        "pairwise_recall": round(r, 4),
        "pairwise_f1": round(f1(p, r), 4),
        "predicted_pairs": len(ours),
        "gold_pairs": len(theirs),
        "bcubed_precision": round(bp, 4),
        "bcubed_recall": round(br, 4),
        "bcubed_f1": round(f1(bp, br), 4),
    }


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def _components(found: dict[str, list[int]], docs: Iterable[str]) -> dict[str, str]:
    """Documents grouped when any of their events share an incident (union-find)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc in docs:
        root(doc)
        for incident in found.get(doc, ()):
            parent[root(doc)] = root(f"i{incident}")
    return {doc: root(doc) for doc in docs}


def _keep(args, month: int) -> bool:
    """Whether a month belongs to the half asked for (all of them without ``--half``)."""
    return args.half is None or (month % 2 == 0) == (args.half == "tune")


def gva(args, settings: Settings) -> dict:
    docs = [
        d
        for d in _jsonl(DEV / "gva" / "documents.jsonl")
        if d["text_flag"] == "ok" and len(d["incident_ids"]) == 1
    ][: args.limit]
    first: dict[str, str] = {}
    for d in docs:
        incident = d["incident_ids"][0]
        first[incident] = min(first.get(incident, d["published"]), d["published"])
    docs = [d for d in docs if _keep(args, int(first[d["incident_ids"][0]][5:7]))]
    articles = [
        Article(doc_id=d["doc_id"], text=d["text"], published=date.fromisoformat(d["published"]))
        for d in docs
    ]
    pairs = extract("gva", articles, args.jobs, args.cache, args.half)
    conn, spent = link(pairs, settings)
    found = doc_incidents(conn)
    gold = {d["doc_id"]: d["incident_ids"][0] for d in docs}
    reported = incidents.document_incidents(conn)
    predicted = {doc: f"i{reported[doc]}" if doc in reported else f"doc:{doc}" for doc in gold}
    lede = {doc: f"i{found[doc][0]}" if found.get(doc) else f"doc:{doc}" for doc in gold}
    singletons = {doc: doc for doc in gold}
    return {
        "documents": len(docs),
        "gold_incidents": len(set(gold.values())),
        "documents_without_event": sum(1 for doc in gold if not found.get(doc)),
        "ours": scores(predicted, gold),
        "ours_first_event": scores(lede, gold),
        "ours_any_event": scores(_components(found, gold), gold),
        "all_singletons": scores(singletons, gold),
        "link_seconds": round(spent, 2),
    }


def ecbplus(args, settings: Settings) -> dict:
    docs = _jsonl(DEV / "ecbplus" / "documents.jsonl")[: args.limit]
    docs = [d for d in docs if _keep(args, int(d["topic"]) // 2)]  # dev topics are odd
    undated = date(2012, 1, 1)
    articles = [
        Article(
            doc_id=d["doc_id"],
            text=d["text"],
            published=date.fromisoformat(d["date_in_text_iso"])
            if d.get("date_in_text_iso")
            else undated,
        )
        for d in docs
    ]
    pairs = extract("ecbplus", articles, args.jobs, args.cache, args.half)
    conn, _ = link(pairs, settings)
    subtopic = {d["doc_id"]: d["subtopic"] for d in docs}
    topic = {d["doc_id"]: d["topic"] for d in docs}
    members: dict[int, set[str]] = defaultdict(set)
    for doc, found in doc_incidents(conn).items():
        for incident in found:
            members[incident].add(doc)
    same, cross_subtopic, cross_topic = set(), set(), set()
    for group in members.values():
        for a, b in combinations(sorted(group), 2):
            if subtopic[a] == subtopic[b]:
                same.add((a, b))
            elif topic[a] == topic[b]:
                cross_subtopic.add((a, b))
            else:
                cross_topic.add((a, b))
    return {
        "documents": len(docs),
        "false_merge_pairs_within_topic": len(cross_subtopic),
        "false_merge_pairs_across_topics": len(cross_topic),
        "examples": sorted(cross_subtopic)[:5],
        "merged_pairs_same_subtopic": len(same),
    }


def acled(args, settings: Settings) -> dict:
    path = DEV / "acled" / "syria_battles_2017_2020.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[: args.limit]
    articles = []
    for row in rows:
        day = datetime.strptime(row["event_date"], "%d %B %Y").date()
        if not _keep(args, day.month):
            continue
        articles.append(
            Article(
                doc_id=row["event_id_cnty"],
                text=row["notes"],
                published=day + timedelta(days=1),
            )
        )
    articles.sort(key=lambda a: (a.published, a.doc_id))
    pairs = extract("acled", articles, args.jobs, args.cache, args.half)
    conn, spent = link(pairs, settings)
    found = doc_incidents(conn)
    members: dict[int, set[str]] = defaultdict(set)
    for doc, incident_ids in found.items():
        for incident in incident_ids:
            members[incident].add(doc)
    merged_rows = {doc for group in members.values() if len(group) > 1 for doc in group}
    # the rows whose first event (the note's own) shares its incident with another row's
    # first event: merges through the other places a note recalls left out
    firsts: dict[int, set[str]] = defaultdict(set)
    for doc, incident_ids in found.items():
        firsts[incident_ids[0]].add(doc)
    merged_first = {doc for group in firsts.values() if len(group) > 1 for doc in group}
    merged_pairs = sum(len(g) * (len(g) - 1) // 2 for g in members.values())
    # ACLED splits one report across villages: rows with the very same note text cannot be
    # told apart by any linker (their documents are identical); counted apart.
    notes: dict[str, int] = defaultdict(int)
    for article in articles:
        notes[article.text] += 1
    twins = {a.doc_id for a in articles if notes[a.text] > 1}
    rest = len(articles) - len(twins)
    return {
        "rows": len(articles),
        "rows_with_events": len(found),
        "rows_falsely_merged": len(merged_rows),
        "false_merge_rate": round(len(merged_rows) / len(articles), 4) if articles else None,
        "false_merge_pairs": merged_pairs,
        "rows_sharing_their_note": len(twins),
        "false_merge_rate_first_events": round(len(merged_first) / len(articles), 4)
        if articles
        else None,
        "false_merge_rate_first_events_distinct_notes": round(len(merged_first - twins) / rest, 4)
        if rest
        else None,
        "false_merge_rate_distinct_notes": round(len(merged_rows - twins) / rest, 4)
        if rest
        else None,
        "link_ms_per_row": round(1000 * spent / len(articles), 3) if articles else None,
    }


BENCHMARKS = {"gva": gva, "ecbplus": ecbplus, "acled": acled, "timing": timing}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(BENCHMARKS))
    parser.add_argument("--limit", type=int, help="First N documents/rows of each set.")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cache", type=Path, help="Keep pipeline output here between runs.")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--threshold", type=float, help="Override Settings.link_threshold.")
    parser.add_argument("--half", choices=("tune", "test"), help="One half of each set.")
    parser.add_argument(
        "--set", action="append", default=[], help="Override a link setting: NAME=VALUE."
    )
    args = parser.parse_args(argv)
    settings = Settings()
    if args.threshold is not None:
        settings = replace(settings, link_threshold=args.threshold)
    for item in args.set:
        name, _, value = item.partition("=")
        if not name.startswith(("link_", "chain_")):
            parser.error(f"--set {item}: not a link setting")
        current = getattr(settings, name)
        if isinstance(current, tuple):
            kind = type(current[0]) if current else str
            parsed = tuple(kind(v) for v in value.split(","))
        else:
            parsed = type(current)(value)
        settings = replace(settings, **{name: parsed})
    report = {
        "settings": {
            k: getattr(settings, k) for k in settings.__slots__ if k.startswith(("link_", "chain_"))
        },
        "half": args.half,
    }
    for name in args.only.split(","):
        if name in ("gva", "ecbplus", "acled") and not DEV.exists():
            report[name] = {"skipped": f"{DEV} not found"}
            continue
        start = time.perf_counter()
        report[name] = BENCHMARKS[name](args, settings)
        report[name]["seconds"] = round(time.perf_counter() - start, 1)
        print(f"{name} done", file=sys.stderr)
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
