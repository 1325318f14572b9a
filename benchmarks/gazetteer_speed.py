"""Load time, memory and lookup speed of the default gazetteer index; prints JSON.

Issue 4's targets: index load <= 1 s and <= 300 MB resident, lookups in microseconds.

- ``load_seconds``: ``gazetteer.load`` of an index already built (wall time, best of
  ``--repeat`` opens in this process; the first build is a one-time cost, not counted);
- ``rss_mb_before`` / ``rss_mb_after_load`` / ``rss_mb_after_lookups``: resident memory of
  this process (current, from /proc) before the index is opened, after, and after the lookups;
- ``exact_us`` / ``loose_us``: median and 95th percentile microseconds per ``lookup`` and
  ``lookup_loose`` of a name not looked up before (the per-index cache is cold for each
  name): ``--names`` names drawn at random (seeded) from the index itself, half of them
  spelled with one letter changed, so that misses are timed too.

Usage: python benchmarks/gazetteer_speed.py [--names N] [--repeat R]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import time
from pathlib import Path

from conflictcoder import gazetteer
from conflictcoder.settings import Settings


def rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def sample_names(path: Path, count: int, seed: int = 7) -> list[str]:
    """``count`` place names of the index, half of them misspelled by one letter."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (largest,) = db.execute("SELECT max(rowid) FROM places").fetchone()
        rng = random.Random(seed)
        names: list[str] = []
        while len(names) < count:
            row = db.execute(
                "SELECT name FROM places WHERE rowid >= ? LIMIT 1", (rng.randint(1, largest),)
            ).fetchone()
            if row and row[0] and len(row[0]) >= 4:
                names.append(row[0])
    finally:
        db.close()
    for index in range(0, len(names), 2):
        name = names[index]
        at = rng.randrange(1, len(name))
        names[index] = name[:at] + rng.choice("aeioubdklmnrst") + name[at + 1 :]
    return names


def timed(lookup, names: list[str]) -> dict[str, float]:
    spent = []
    for name in names:
        started = time.perf_counter()
        lookup(name)
        spent.append((time.perf_counter() - started) * 1e6)
    spent.sort()
    return {
        "median": round(statistics.median(spent), 1),
        "p95": round(spent[int(len(spent) * 0.95)], 1),
        "mean": round(statistics.fmean(spent), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    gazetteer.load(settings).close()  # builds the index once if it is missing
    before = rss_mb()
    loads = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        index = gazetteer.load(settings)
        loads.append(time.perf_counter() - started)
        index.close()
    index = gazetteer.load(settings)
    after_load = rss_mb()
    path = settings.resolved_gazetteer_path()
    names = sample_names(path, args.names)
    exact = timed(index.lookup, names)
    fresh = gazetteer.load(settings)  # a cold cache for the loose lookups too
    loose = timed(fresh.lookup_loose, names)
    print(
        json.dumps(
            {
                "index": str(path),
                "index_mb": round(path.stat().st_size / 2**20, 1),
                "load_seconds": round(min(loads), 3),
                "rss_mb_before": before,
                "rss_mb_after_load": after_load,
                "rss_mb_after_lookups": rss_mb(),
                "names": len(names),
                "exact_us": exact,
                "loose_us": loose,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
