"""Speed of ``conflictcoder.timex.tag`` on ~3,000-character news articles; prints JSON.

Usage: python benchmarks/timex_speed.py [--articles N] [--chars 3000]

Articles come from ../shared/data/dev/gva/documents.jsonl (real US local news, clipped to
``--chars``); without ../shared, from the seed-like fixture in tests/fixtures.
"""

from __future__ import annotations

import argparse
import datetime
import json
import time
from pathlib import Path

from conflictcoder.timex import tag

ROOT = Path(__file__).resolve().parents[1]
GVA = ROOT.parent / "shared" / "data" / "dev" / "gva" / "documents.jsonl"
FIXTURE = ROOT / "tests" / "fixtures" / "timex_article.txt"


def load(n: int, chars: int) -> list[tuple[str, datetime.date]]:
    articles: list[tuple[str, datetime.date]] = []
    if GVA.exists():
        with GVA.open(encoding="utf-8") as handle:
            for line in handle:
                doc = json.loads(line)
                text = doc.get("text") or ""
                if len(text) < chars or not doc.get("published"):
                    continue
                published = datetime.date.fromisoformat(doc["published"][:10])
                articles.append((text[:chars], published))
                if len(articles) == n:
                    break
    if not articles:
        text = FIXTURE.read_text(encoding="utf-8")
        while len(text) < chars:
            text += "\n\n" + text
        articles = [(text[:chars], datetime.date(2022, 1, 22))] * n
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--chars", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = load(args.articles, args.chars)
    tag(*articles[0])  # warm-up
    best = best_cpu = float("inf")
    found = 0
    for _ in range(args.repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        found = sum(len(tag(text, dct)) for text, dct in articles)
        best = min(best, time.perf_counter() - began)
        best_cpu = min(best_cpu, time.process_time() - began_cpu)
    print(
        json.dumps(
            {
                "articles": len(articles),
                "chars_per_article": round(sum(len(t) for t, _ in articles) / len(articles)),
                "timexes": found,
                "seconds": round(best, 3),
                "articles_per_second": round(len(articles) / best, 1),
                "ms_per_article": round(1000 * best / len(articles), 3),
                # CPU time of this process: one core's speed on a machine shared with others
                "cpu_articles_per_second": round(len(articles) / best_cpu, 1),
                "source": "gva" if GVA.exists() else "fixture",
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
