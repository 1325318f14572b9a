"""End-to-end event extraction on every dev set; prints JSON.

- ACLED exports (``dev/acled/*.csv``): ``conflictcoder eval`` on each file.
- GTD (``dev/gtd/iraq_2012_2017.csv``): summaries coded as articles (dated the day after),
  the GTD attack type mapped to ACLED's event type where the mapping is unambiguous, plus
  date, admin1 (province), distance ≤ 25 km and fatalities (``killed``).
- HRDsAttack (``dev/hrdsattack/*.json``): full news articles; country (of the first event,
  and of any event), event date (any event) and perpetrator category (state actor → inter 1).

Usage: python benchmarks/events.py [--limit N] [--only acled|gtd|hrds]
"""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from conflictcoder.evaluate import evaluate, fold
from conflictcoder.geometry import km
from conflictcoder.models import Article, Event
from conflictcoder.pipeline import analyse, load_resources
from conflictcoder.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "dev"


def _rate(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def gtd_event_type(row: dict) -> tuple[str | None, str | None]:
    """ACLED (event_type, sub_event_type) for a GTD row, None where GTD is ambiguous."""
    attack, target = row["attack_type"], row["target_type"]
    armed_target = target in {"Military", "Police", "Terrorists/Non-State Militia"}
    if row.get("suicide") == "1":
        return ("Explosions/Remote violence", "Suicide bomb") if not armed_target else (None, None)
    if attack == "Bombing/Explosion":
        return "Explosions/Remote violence", None
    if attack == "Hostage Taking (Kidnapping)":
        return "Violence against civilians", "Abduction/forced disappearance"
    if attack in {"Armed Assault", "Assassination"}:
        if armed_target:
            return "Battles", "Armed clash"
        if target == "Private Citizens & Property":
            return "Violence against civilians", "Attack"
    return None, None


def run_gtd(resources, limit: int | None) -> dict:
    path = SHARED / "gtd" / "iraq_2012_2017.csv"
    counts = dict.fromkeys(
        ["rows", "with_event", "type_total", "type_ok", "sub_total", "sub_ok", "date_ok",
         "admin1_ok", "near_ok", "near_total", "fat_ok", "fat_total"], 0
    )  # fmt: skip
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if limit is not None and counts["rows"] >= limit:
                break
            summary = (row["summary"] or "").strip()  # GTD opens with "MM/DD/YYYY:"
            try:
                day = date.fromisoformat(row["date"])
            except ValueError:
                continue
            if not summary:
                continue
            counts["rows"] += 1
            article = Article(doc_id=f"gtd-{counts['rows']}", text=summary,
                              published=day + timedelta(days=1))  # fmt: skip
            events = analyse(article, resources).events
            event: Event | None = events[0] if events else None
            counts["with_event"] += bool(event)
            etype, sub = gtd_event_type(row)
            if etype:
                counts["type_total"] += 1
                counts["type_ok"] += bool(event and event.event_type == etype)
            if sub:
                counts["sub_total"] += 1
                counts["sub_ok"] += bool(event and event.sub_event_type == sub)
            counts["date_ok"] += bool(event and event.event_date == day)
            counts["admin1_ok"] += bool(event and fold(event.admin1) == fold(row["state"]))
            try:
                lat, lon = float(row["latitude"]), float(row["longitude"])
            except ValueError:
                pass
            else:
                counts["near_total"] += 1
                counts["near_ok"] += bool(
                    event and event.latitude is not None
                    and km(lat, lon, event.latitude, event.longitude) <= 25
                )  # fmt: skip
            if row["killed"]:
                counts["fat_total"] += 1
                counts["fat_ok"] += bool(event and event.fatalities == int(float(row["killed"])))
    n = counts["rows"]
    return {
        "file": str(path),
        "rows": n,
        "rows_with_event": counts["with_event"],
        "event_type": _rate(counts["type_ok"], counts["type_total"]),
        "event_type_rows": counts["type_total"],
        "sub_event_type": _rate(counts["sub_ok"], counts["sub_total"]),
        "sub_event_type_rows": counts["sub_total"],
        "event_date": _rate(counts["date_ok"], n),
        "admin1": _rate(counts["admin1_ok"], n),
        "distance_25km": _rate(counts["near_ok"], counts["near_total"]),
        "fatalities": _rate(counts["fat_ok"], counts["fat_total"]),
    }


def _hrds_text(sample: dict) -> str:
    raw = sample.get("Input.article_interface") or ""
    paragraphs = re.findall(r"<p>(.*?)</p>", raw, flags=re.S) or [raw]
    text = "\n\n".join(html.unescape(re.sub(r"<[^>]+>", " ", p)).strip() for p in paragraphs)
    return re.sub(r"[ \t]+", " ", text).strip()


def _hrds_date(gold: dict) -> date | None:
    try:
        return date(int(float(gold["year"])), int(float(gold["month"])), int(float(gold["date"])))
    except (KeyError, TypeError, ValueError):
        return None


def run_hrds(resources, limit: int | None) -> dict:
    records = []
    for name in ("train.json", "dev.json"):
        records += json.loads((SHARED / "hrdsattack" / name).read_text(encoding="utf-8"))
    if limit is not None:
        records = records[:limit]
    n = with_event = first_country = any_country = date_total = date_ok = 0
    perp_total = perp_ok = 0
    gaz = resources.gazetteer

    def iso2(name: str | None) -> str | None:
        return gaz.country_by_name(name) if name else None

    for record in records:
        sample, gold = record["sample"], record["merged_sample"]
        try:
            published = datetime.strptime(sample["Input.publish_date"][:10], "%Y-%m-%d").date()
        except (KeyError, TypeError, ValueError):
            continue
        text = _hrds_text(sample)
        if not text:
            continue
        n += 1
        article = Article(doc_id=str(sample.get("HIT_id")), text=text, published=published)
        events = analyse(article, resources).events
        with_event += bool(events)
        country = iso2(gold.get("country")) or fold(gold.get("country"))
        first_country += bool(events and iso2(events[0].country) == country)
        any_country += any(iso2(e.country) == country for e in events)
        gold_day = _hrds_date(gold)
        if gold_day is not None:
            date_total += 1
            date_ok += any(e.event_date == gold_day for e in events)
        perpetrator = gold.get("perpetrator_type")
        if perpetrator in {
            "state actor",
            "other non-state actors",
            "other actors without permissions",
        }:
            perp_total += 1
            state = perpetrator == "state actor"
            perp_ok += bool(
                events and events[0].inter1 is not None and (events[0].inter1 == 1) == state
            )
    return {
        "articles": n,
        "articles_with_event": with_event,
        "country_first_event": _rate(first_country, n),
        "country_any_event": _rate(any_country, n),
        "event_date_any_event": _rate(date_ok, date_total),
        "event_date_articles": date_total,
        "perpetrator_state_vs_nonstate": _rate(perp_ok, perp_total),
        "perpetrator_articles": perp_total,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="At most N rows/articles per data set.")
    parser.add_argument("--only", choices=["acled", "gtd", "hrds"])
    args = parser.parse_args()
    if not SHARED.exists():
        sys.exit(f"benchmarks/events.py: {SHARED} not found (the dev sets live in ../shared)")
    resources = load_resources(Settings())
    started = time.perf_counter()
    report: dict = {}
    if args.only in (None, "acled"):
        report["acled"] = [
            evaluate(path, lambda a: analyse(a, resources).events, limit=args.limit)
            for path in sorted((SHARED / "acled").glob("*.csv"))
        ]
    if args.only in (None, "gtd"):
        report["gtd"] = run_gtd(resources, args.limit)
    if args.only in (None, "hrds"):
        report["hrdsattack"] = run_hrds(resources, args.limit)
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
