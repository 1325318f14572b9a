"""Derive ACLED's spelling of admin1/admin2 names from the dev ACLED exports.

ACLED names provinces and districts its own way ("Al-Hasakeh", "Idleb", "Dar'a") where
GeoNames says "Al-Hasakah", "Idlib", "Daraa". For each ACLED row with coordinates we find
the nearest gazetteer place of the same country (within 15 km), read its GeoNames admin1 and
admin2 names, and vote: GeoNames name → ACLED name. Only names (facts about places) are
written, with their vote counts; no ACLED row or note is.

Usage:
    python scripts/derive_admin_names.py [--half first|second] [ACLED.csv ...] \
        > src/conflictcoder/data/acled_admin_names.tsv

``--half first`` votes with the first half of each file only (to score the second half with a
table that never saw it); the shipped table uses all rows.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sqlite3
import sys
from pathlib import Path

import numpy as np
from scipy.spatial import cKDTree

from conflictcoder.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
MAX_KM = 15.0
# Names that look alike ("Idlib"/"Idleb") need few votes; dissimilar ones ("Mexico
# City"/"Distrito Federal") need a clear majority, since near a border the nearest place can
# sit in the neighbouring province.
ALIKE_VOTES = 2
DISSIMILAR_VOTES = 4
DISSIMILAR_SHARE = 0.85
MIN_SHARE = 0.6


def _half(rows: list[dict], half: str | None) -> list[dict]:
    if half is None:
        return rows
    middle = len(rows) // 2
    return rows[:middle] if half == "first" else rows[middle:]


def main(paths: list[Path], half: str | None = None) -> None:
    index = Settings().resolved_gazetteer_path()
    db = sqlite3.connect(index)
    admin1 = dict(db.execute("SELECT code, name FROM admin1"))
    admin2 = dict(db.execute("SELECT code, name FROM admin2"))
    by_name = {}
    for iso2, iso3, name in db.execute("SELECT iso2, iso3, name FROM countries"):
        by_name[name.lower()] = iso2
        by_name[iso3.lower()] = iso2
    trees: dict[str, tuple[cKDTree, list[tuple[str, str]]]] = {}
    points = collections.defaultdict(list)
    codes = collections.defaultdict(list)
    for country, lat, lon, a1, a2 in db.execute(
        "SELECT country, lat, lon, a1, a2 FROM places WHERE a1 IS NOT NULL AND fcode LIKE 'PPL%'"
    ):
        points[country].append((lat, lon))
        codes[country].append((a1, a2))
    for country, pts in points.items():
        trees[country] = (cKDTree(np.radians(np.array(pts))), codes[country])

    votes1: dict[tuple[str, str], collections.Counter] = collections.defaultdict(
        collections.Counter
    )
    votes2: dict[tuple[str, str], collections.Counter] = collections.defaultdict(
        collections.Counter
    )
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in _half(list(csv.DictReader(handle)), half):
                iso2 = by_name.get((row.get("iso3") or "").lower()) or by_name.get(
                    row["country"].lower()
                )
                if iso2 not in trees or not row.get("admin1"):
                    continue
                try:
                    lat, lon = float(row["latitude"]), float(row["longitude"])
                except ValueError:
                    continue
                tree, rows = trees[iso2]
                dist, i = tree.query(np.radians([lat, lon]))
                if dist * 6371.0 > MAX_KM:
                    continue
                a1, a2 = rows[i]
                name1 = admin1.get(f"{iso2}.{a1}")
                if name1:
                    votes1[(iso2, name1)][row["admin1"]] += 1
                name2 = admin2.get(f"{iso2}.{a1}.{a2}") if a2 else None
                if name2 and row.get("admin2"):
                    votes2[(iso2, name2)][row["admin2"]] += 1

    # A province's own name is never ACLED's (dissimilar) name for its neighbour: "Tartus" ->
    # "Hama" only says that events near the border were coded across it.
    own = collections.defaultdict(set)
    for level, table in (("admin1", admin1), ("admin2", admin2)):
        for code, name in table.items():
            own[(level, code.split(".")[0])].add(name.casefold())
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["level", "country", "geonames_name", "acled_name", "votes", "share"])
    for level, votes in (("admin1", votes1), ("admin2", votes2)):
        for (iso2, name), counter in sorted(votes.items()):
            acled, count = counter.most_common(1)[0]
            share = count / sum(counter.values())
            alike = acled[:1].lower() == name[:1].lower()
            if alike:
                enough = count >= ALIKE_VOTES
            else:
                enough = count >= DISSIMILAR_VOTES and share >= DISSIMILAR_SHARE
            taken = not alike and acled.casefold() in own[(level, iso2)]
            if share >= MIN_SHARE and acled != name and enough and not taken:
                out.writerow([level, iso2, name, acled, count, f"{share:.2f}"])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("first", "second"), default=None)
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args()
    main(args.paths or sorted((SHARED / "data/dev/acled").glob("*.csv")), args.half)
