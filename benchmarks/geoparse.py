"""Geoparsing benchmark: toponym recognition and resolution on the dev corpora; prints JSON.

    python benchmarks/geoparse.py [--corpus lgl|gwn|tr] [--limit N] [--gazetteer PATH]
    python benchmarks/geoparse.py --acled [--limit N]
    ... [--half first|second]   (develop on the first half of each file, report the second)
    ... [--errors DIR]          (one JSON line per missed, wrong and spurious toponym)

Geo corpora (../shared/data/dev/geo): a gold toponym is recognised when a mention overlaps
it; precision counts mentions overlapping any gold toponym. acc@161 is over recognised gold
toponyms with coordinates (``acc161``) and over all of them (``acc161_end_to_end``).
ACLED (../shared/data/dev/acled): per note, the most specific first place (an area coded to
its seat, as ``extract`` does) against the gold point (within 25 km) and admin1 (ACLED's name, as ``conflictcoder events`` writes it,
equal up to spelling variants).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from conflictcoder import admin_names, gazetteer, places
from conflictcoder.models import Place, PlaceMention
from conflictcoder.placenames import fold, skeleton, variant_key
from conflictcoder.sentences import split
from conflictcoder.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GEO = SHARED / "data" / "dev" / "geo"
ACLED = SHARED / "data" / "dev" / "acled"
TOPONYM_KINDS = {"country", "admin1", "admin2", "populated", "region"}
_AREA_KINDS = {"admin1", "admin2", "country"}
_SPECIFIC = {"facility": 0, "populated": 0, "relative": 1, "admin2": 2, "admin1": 3, "country": 4}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


# ---------------------------------------------------------------- geo corpora


def _realign(text: str, start: int, end: int, phrase: str) -> tuple[int, int] | None:
    if text[start:end] == phrase:
        return start, end
    for delta in sorted(range(-60, 61), key=abs):
        s = start + delta
        if 0 <= s and text[s : s + len(phrase)] == phrase:
            return s, s + len(phrase)
    return None


def read_lgl_like(path: Path) -> list[tuple[str, list[dict]]]:
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for top in article.iter("toponym"):
            phrase = top.findtext("phrase") or ""
            span = _realign(text, int(top.findtext("start")), int(top.findtext("end")), phrase)
            tag = top.find("gaztag")
            lat = lon = ident = None
            if tag is not None and tag.findtext("lat"):
                lat, lon = float(tag.findtext("lat")), float(tag.findtext("lon"))
                ident = tag.get("geonameid")
            if span:
                gold.append({"start": span[0], "end": span[1], "lat": lat, "lon": lon, "id": ident})
        docs.append((text, gold))
    return docs


def read_gwn(path: Path) -> list[tuple[str, list[dict]]]:
    docs = []
    for article in ET.parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for top in article.iter("toponym"):
            if top.findtext("type") in (
                "Non_Toponym",
                "Language",
                "Literal_Expression",
                "Non_Lit_Expression",
            ):
                continue
            phrase = top.findtext("extractedName") or ""
            span = _realign(text, int(top.findtext("start")), int(top.findtext("end")), phrase)
            lat = lon = None
            if top.findtext("geonamesID") and top.findtext("latitude"):
                lat, lon = float(top.findtext("latitude")), float(top.findtext("longitude"))
            if span:
                ident = top.findtext("geonamesID") or None
                gold.append({"start": span[0], "end": span[1], "lat": lat, "lon": lon, "id": ident})
        docs.append((text, gold))
    return docs


CORPORA = {
    "lgl": (GEO / "lgl" / "lgl.xml", read_lgl_like),
    "gwn": (GEO / "geowebnews" / "GWN.xml", read_gwn),
    "tr": (GEO / "tr_news" / "TR-News.xml", read_lgl_like),
}


def _context(text: str, start: int, end: int) -> str:
    return (
        text[max(0, start - 50) : start] + "[[" + text[start:end] + "]]" + text[end : end + 40]
    ).replace("\n", " ")


def _describe(m: PlaceMention) -> dict:
    p = m.place
    where = None if p is None else f"{p.name} ({p.feature_code}, {p.admin1}, {p.country})"
    ident = None if p is None else p.geonameid
    return {"surface": m.text, "ours": where, "ours_id": ident, "why": m.why}


def score_corpus(docs, gaz: gazetteer.Gazetteer, dump=None) -> dict:
    """Scores; with ``dump`` (a writable file), one JSON line per miss, wrong place and
    spurious mention, for error analysis."""
    n_gold = n_gold_geo = found_gold = n_sys = sys_ok = 0
    errors: list[float] = []
    seconds = 0.0
    for doc, (text, gold) in enumerate(docs):
        t0 = time.perf_counter()
        found = [m for m in places.find(text, split(text), gaz) if m.kind in TOPONYM_KINDS]
        seconds += time.perf_counter() - t0
        n_sys += len(found)
        for m in found:
            ok = any(m.start < g["end"] and g["start"] < m.end for g in gold)
            sys_ok += ok
            if dump and not ok:
                row = {"doc": doc, "error": "spurious", **_describe(m)}
                row["context"] = _context(text, m.start, m.end)
                dump.write(json.dumps(row) + "\n")
        for g in gold:
            n_gold += 1
            over = [m for m in found if m.start < g["end"] and g["start"] < m.end]
            found_gold += bool(over)
            if g["lat"] is None:
                continue
            n_gold_geo += 1
            dist = None
            if over and over[0].place is not None:
                p = over[0].place
                dist = km(g["lat"], g["lon"], p.latitude, p.longitude)
                errors.append(dist)
            if dump and (dist is None or dist > 161):
                row = {"doc": doc, "error": "missed" if not over else "wrong"}
                row.update(_describe(over[0]) if over else {"surface": text[g["start"] : g["end"]]})
                row.update(gold=[g["lat"], g["lon"]], km=None if dist is None else round(dist))
                row["gold_id"] = g.get("id")
                row["context"] = _context(text, g["start"], g["end"])
                dump.write(json.dumps(row) + "\n")
    within = sum(e <= 161 for e in errors)
    return {
        "docs": len(docs),
        "gold_toponyms": n_gold,
        "recall": round(found_gold / max(1, n_gold), 3),
        "precision": round(sys_ok / max(1, n_sys), 3),
        "resolved": len(errors),
        "acc161": round(within / max(1, len(errors)), 3),
        "acc161_end_to_end": round(within / max(1, n_gold_geo), 3),
        "mean_km": round(statistics.fmean(errors), 1) if errors else None,
        "median_km": round(statistics.median(errors), 1) if errors else None,
        "ms_per_doc": round(1000 * seconds / max(1, len(docs)), 2),
    }


# ---------------------------------------------------------------- ACLED notes


def best_place(found: tuple[PlaceMention, ...]) -> PlaceMention | None:
    usable = [m for m in found if m.place is not None and m.why != "demonym"]
    if not usable:
        return None
    return min(usable, key=lambda m: (_specific(m), m.start))


def _specific(mention: PlaceMention) -> float:
    """As events rank places: towns first, a place naming an organisation after provinces."""
    if (mention.why or "").startswith(places.MODIFIER_WHY):
        return 3.5
    return _SPECIFIC.get(mention.kind, 5)


def same_admin1(a: str | None, b: str | None) -> bool:
    fa, fb = fold(a or ""), fold(b or "")
    if not fa or not fb:
        return False
    return variant_key(fa) == variant_key(fb) or skeleton(fa) == skeleton(fb)


def _half(items: list, half: str | None) -> list:
    """The first or second half of ``items`` (all of them when ``half`` is None)."""
    if half is None:
        return items
    middle = len(items) // 2
    return items[:middle] if half == "first" else items[middle:]


def score_acled(
    path: Path, gaz: gazetteer.Gazetteer, limit: int | None, half: str | None = None
) -> dict:
    total = located = within25 = admin1_ok = 0
    by_precision: dict[str, list[int]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = _half(list(csv.DictReader(handle)), half)
        for row in rows:
            if limit and total >= limit:
                break
            notes = row.get("notes") or ""
            if not notes.strip():
                continue
            total += 1
            best = best_place(places.find(notes, split(notes), gaz))
            place: Place | None = best.place if best else None
            if best is not None and place is not None and best.kind in _AREA_KINDS:
                place = gaz.seat(place) or place  # as events code an area: to its seat
            ok = False
            if place is not None:
                located += 1
                dist = km(
                    float(row["latitude"]), float(row["longitude"]), place.latitude, place.longitude
                )
                ok = dist <= 25
                within25 += ok
                admin1 = admin_names.acled_name("admin1", place.country, place.admin1)
                admin1_ok += same_admin1(admin1, row["admin1"])
            stats = by_precision.setdefault(row.get("geo_precision", "?"), [0, 0])
            stats[0] += 1
            stats[1] += ok
    return {
        "notes": total,
        "located": round(located / max(1, total), 3),
        "within_25km": round(within25 / max(1, total), 3),
        "admin1": round(admin1_ok / max(1, total), 3),
        "within_25km_by_gold_precision": {
            k: round(v[1] / max(1, v[0]), 3) for k, v in sorted(by_precision.items())
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append")
    parser.add_argument("--acled", action="store_true", help="score the dev ACLED notes")
    parser.add_argument("--limit", type=int, default=None, help="documents per file")
    parser.add_argument("--gazetteer", type=Path, default=None)
    parser.add_argument(
        "--half", choices=("first", "second"), default=None, help="half of each file"
    )
    parser.add_argument(
        "--errors", type=Path, default=None, help="directory for <corpus>.jsonl error dumps"
    )
    args = parser.parse_args(argv)
    settings = Settings(gazetteer_path=args.gazetteer)
    t0 = time.perf_counter()
    gaz = gazetteer.load(settings)
    result: dict = {"open_s": round(time.perf_counter() - t0, 3)}
    if args.acled:
        for path in sorted(ACLED.glob("*.csv")):
            result[path.stem] = score_acled(path, gaz, args.limit, args.half)
    else:
        for name in args.corpus or sorted(CORPORA):
            path, reader = CORPORA[name]
            docs = _half(reader(path), args.half)
            docs = docs[: args.limit] if args.limit else docs
            if args.errors:
                with (args.errors / f"{name}.jsonl").open("w", encoding="utf-8") as dump:
                    result[name] = score_corpus(docs, gaz, dump)
            else:
                result[name] = score_corpus(docs, gaz)
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
