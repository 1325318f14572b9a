"""Speed and memory of the whole pipeline on news articles; prints JSON.

Measures: loading the resources (gazetteer index + actor lexicon), then ``analyse`` on N
articles (GVA local news clipped to --chars, or the bundled examples when ../shared is
missing): articles/s, ms per stage, events found, and peak resident memory.

Usage: python benchmarks/pipeline_speed.py [--articles N] [--chars 3000]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

from conflictcoder import readers
from conflictcoder.models import Analysis, Article
from conflictcoder.pipeline import PIPELINE, load_resources
from conflictcoder.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
GVA = ROOT.parent / "shared" / "data" / "dev" / "gva" / "documents.jsonl"


def articles(limit: int, chars: int) -> list[Article]:
    if GVA.exists():
        found = []
        with GVA.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                text = (record.get("text") or "")[:chars]
                published = readers.parse_date(record.get("date") or record.get("published"))
                if len(text) >= chars // 2:
                    found.append(
                        Article(
                            doc_id=str(record.get("id")),
                            text=text,
                            published=published or date(2017, 1, 1),
                        )  # fmt: skip
                    )
                if len(found) >= limit:
                    break
        return found
    items = readers.read([ROOT / "examples"])
    return [a for a in items if isinstance(a, Article)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--chars", type=int, default=3000)
    args = parser.parse_args()
    started = time.perf_counter()
    resources = load_resources(Settings())
    load_seconds = time.perf_counter() - started
    batch = articles(args.articles, args.chars)
    per_stage: dict[str, float] = defaultdict(float)
    events = 0
    started = time.perf_counter()
    for article in batch:
        analysis = Analysis(article=article)
        for stage in PIPELINE:
            t0 = time.perf_counter()
            analysis = stage(analysis, resources)
            per_stage[stage.__name__] += time.perf_counter() - t0
        events += len(analysis.events)
    seconds = time.perf_counter() - started
    n = len(batch)
    print(
        json.dumps(
            {
                "articles": n,
                "chars_per_article": round(sum(len(a.text) for a in batch) / n) if n else 0,
                "source": "gva" if GVA.exists() else "examples",
                "resources_load_seconds": round(load_seconds, 3),
                "articles_per_second": round(n / seconds, 1) if seconds else None,
                "ms_per_article": round(1000 * seconds / n, 2) if n else None,
                "ms_per_article_by_stage": {
                    k: round(1000 * v / n, 2) for k, v in per_stage.items()
                },
                "events": events,
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
