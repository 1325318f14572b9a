"""The ``timing`` part of ``benchmarks/dedup.py``: linking one new document into a store of
``--events`` synthetic events (target at most 10 ms), spread over 50 places and 3 years, and
packed in one 300 km box. Precisions are mixed roughly as in ACLED's Syria data (time
90/7/3 %, geo 60/35/5 %), date sources as in the GVA articles (text 77 %, discourse 18 %,
publication 5 %: follow-ups); each story names 6 of 2,000 names (``median_story_candidates``:
found by name). Run it through ``python benchmarks/dedup.py --only timing``.
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from conflictcoder import incidents, linkcontent, linkterms, store
from conflictcoder.models import DATE_SOURCES, Article, Event, Span
from conflictcoder.settings import Settings

NOW = datetime(2024, 1, 1, tzinfo=UTC)

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
