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
  (target at most 10 ms), spread over 50 places and 3 years, and packed in one 300 km box;
  precisions mixed roughly as in ACLED's Syria data (time 90/7/3 %, geo 60/35/5 %), date
  sources as in the GVA articles (text 77 %, discourse 18 %, publication 5 %: follow-ups);
  each story names 6 of 2,000 names (``median_story_candidates``: found by name).

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
import random
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

from conflictcoder import incidents, linkcontent, store
from conflictcoder.models import DATE_SOURCES, Article, Event, Span
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


_ACTORS = [
    ("Military Forces of Syria (2000-)", 1),
    ("Opposition Rebels (Syria)", 2),
    ("Islamic State (Syria)", 2),
    ("QSD: Syrian Democratic Forces", 2),
    ("Military Forces of Turkey (2016-)", 8),
    ("Civilians (Syria)", 7),
    ("Unidentified Armed Group (Syria)", 3),
]
# Names of synthetic stories: 2,000 of them, 6 per story, so a story shares two names with
# about one in 10,000 others by chance.
_NAMES = ["n" + "".join(chr(97 + k // 26**i % 26) for i in range(3)) for k in range(2000)]
_TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
]


def _synthetic_event(rng: random.Random, doc_id: str, centre, box: float, day: date) -> Event:
    (a1, i1), (a2, i2) = rng.sample(_ACTORS, 2)
    event_type, sub_event_type = rng.choice(_TYPES)
    date_source = rng.choices(DATE_SOURCES, (0.77, 0.18, 0.05))[0]
    precision = 2 if date_source == "publication" else rng.choices((1, 2, 3), (0.9, 0.07, 0.03))[0]
    return Event(
        doc_id=doc_id,
        event_date=day,
        time_precision=precision,
        date_source=date_source,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=a1,
        assoc_actor_1=None,
        inter1=i1,
        actor2=a2,
        assoc_actor_2=None,
        inter2=i2,
        interaction=10 * min(i1, i2) + max(i1, i2),
        country="Syria",
        iso3="SYR",
        admin1=None,
        admin2=None,
        location=None,
        latitude=round(centre[0] + rng.uniform(-box, box), 4),
        longitude=round(centre[1] + rng.uniform(-box, box), 4),
        geo_precision=rng.choices((1, 2, 3), (0.6, 0.35, 0.05))[0],
        fatalities=rng.choice((0, 0, 1, 2, 5, 12)),
        notes=None,
        source=None,
        confidence=0.6,
    )


def _bulk(conn, n: int, centres, box: float, seed: int) -> None:
    """``n`` one-event documents, each already its own incident, inserted directly."""
    rng = random.Random(seed)
    first = date(2018, 1, 1)
    columns = ", ".join(store.EVENT_COLUMNS)
    conn.execute("BEGIN")
    for i in range(n):
        day = first + timedelta(days=rng.randrange(3 * 365))
        event = _synthetic_event(rng, f"syn-{i}", rng.choice(centres), box, day)
        values = [getattr(event, c) for c in store.EVENT_COLUMNS]
        values[0] = event.event_date.isoformat()
        conn.execute(
            "INSERT INTO documents (id, doc_id, content_hash, published, text, ingested_at)"
            " VALUES (?, ?, '', ?, 'x', '')",
            (i + 1, event.doc_id, (day + timedelta(days=1)).isoformat()),
        )
        marks = ", ".join("?" * len(values))
        conn.execute(
            f"INSERT INTO incidents (id, chain, {columns}, n_events, n_documents, updated_at)"
            f" VALUES (?, ?, {marks}, 1, 1, '')",
            (i + 1, i + 1, *values),
        )
        conn.execute(
            f"INSERT INTO events (id, document, incident, {columns}) VALUES (?, ?, ?, {marks})",
            (i + 1, i + 1, i + 1, *values),
        )
        terms = rng.sample(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"], 4)
        story = rng.sample(_NAMES, 6)
        cached = linkcontent.Content(frozenset(terms), frozenset(story), (), frozenset())
        conn.execute("INSERT INTO event_terms VALUES (?, ?)", (i + 1, cached.to_json()))
        conn.executemany(
            "INSERT INTO story_terms VALUES (?, ?, ?)",
            [(name, event.event_date.isoformat(), i + 1) for name in story],
        )
    conn.execute(
        f"INSERT INTO followups SELECT id, {store.CELL_SQL}, country, event_date FROM events"
        f" WHERE {store.WEAKLY_DATED_SQL}"
    )
    conn.execute("COMMIT")


def _story_candidates(conn, article: Article, event: Event, settings: Settings) -> set[int]:
    from conflictcoder import linkterms

    story = linkterms.event_terms(article.text, [(0, len(article.text))])
    item = incidents.Linkable(id=0, key="", document=0, event=event, story=story)
    return incidents.named_candidates(conn, item, settings)[0]


def timing(args, settings: Settings) -> dict:
    results = {}
    spread = [
        (33.0 + 4 * random.Random(k).random(), 36.0 + 5 * random.Random(-k).random())
        for k in range(50)
    ]
    layouts = {"50_places_3_years": (spread, 0.2), "one_300km_box_3_years": ([(35.0, 38.0)], 1.5)}
    for name, (centres, box) in layouts.items():
        conn = store.open_db(":memory:")
        _bulk(conn, args.events, centres, box, seed=1)
        rng = random.Random(7)
        times, candidates, stories = [], [], []
        for k in range(50):
            day = date(2019, 1, 1) + timedelta(days=rng.randrange(365))
            doc_id = f"new-{k}"
            text = "Reports named " + " and ".join(n.capitalize() for n in rng.sample(_NAMES, 6))
            event = _synthetic_event(rng, doc_id, rng.choice(centres), box, day)
            event = replace(event, evidence={"location": (Span(0, len(text)),)})
            article = Article(doc_id=doc_id, text=text, published=day)
            store.add_document(conn, article, [event], now=NOW)
            candidates.append(len(incidents.candidate_ids(conn, event, settings)))
            stories.append(len(_story_candidates(conn, article, event, settings)))
            start = time.perf_counter()
            incidents.link_pending(conn, settings, now=NOW)
            times.append(1000 * (time.perf_counter() - start))
        results[name] = {
            "events": args.events,
            "median_ms": round(statistics.median(times), 2),
            "p95_ms": round(sorted(times)[int(0.95 * len(times)) - 1], 2),
            "median_candidates": statistics.median(candidates),
            "median_story_candidates": statistics.median(stories),
        }
    return results


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
