"""Notes per second through type classification, on one core, as CPU time (not wall time:
the machine may be shared). Reads the dev notes and summaries held out by
``scripts/train_types.py``'s loader (../shared, never shipped).

- ``mentions_per_second``: ``sentences.split`` + ``mentions.find`` per note (cues, actors,
  fatalities, rules and the learned model: everything ``benchmarks/types.py`` times);
- ``typing_per_second``: ``typing_rules.typed`` alone per note, its sentences' actors and
  deaths found beforehand.

Each figure is the best of ``--repeat`` passes (default 3) over ``--limit`` notes (default
3000), after one warm-up pass. Prints JSON, with the one-minute load average before and after
(CPU time still grows on a loaded machine: shared caches, other processes on the core's
sibling), so figures from different runs can be told apart.
Usage: python benchmarks/types_speed.py [--limit N] [--repeat R]
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

from conflictcoder import actors, fatalities, mentions, sentences, typing_rules

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import train_types  # noqa: E402


def _option(name: str, default: int) -> int:
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def _best_rate(run, count: int, repeat: int) -> float:
    run()  # warm-up: the model, lexicon and cues load on first use
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return round(count / best, 1)


def main(limit: int, repeat: int) -> dict:
    lexicon = actors.load_lexicon()
    rows = [r for r in train_types.load() if r["split"] == "test"]
    random.Random(7).shuffle(rows)
    texts = [r["text"] for r in rows[:limit]]

    def find_all() -> None:
        for text in texts:
            mentions.find(text, sentences.split(text), lexicon)

    prepared = []
    for text in texts:
        lower = text.lower()
        lower = lower if len(lower) == len(text) else None
        for sentence in sentences.split(text):
            a, b = sentence.start, sentence.end
            found = list(lexicon.find(text, a, b))
            killed = fatalities.deaths(text, a, b, lower)[0]
            prepared.append((text, a, b, found, lower, killed))

    def type_all() -> None:
        for text, a, b, found, lower, killed in prepared:
            typing_rules.typed(text, a, b, found, lower, killed)

    load_before = round(os.getloadavg()[0], 2)
    return {
        "notes": len(texts),
        "sentences": len(prepared),
        "mentions_per_second": _best_rate(find_all, len(texts), repeat),
        "typing_per_second": _best_rate(type_all, len(texts), repeat),
        "load_average": [load_before, round(os.getloadavg()[0], 2)],
    }


if __name__ == "__main__":
    print(json.dumps(main(_option("--limit", 3000), _option("--repeat", 3)), indent=1))
