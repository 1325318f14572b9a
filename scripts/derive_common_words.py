"""Derive ``data/common_words.txt``: English words that are also place names in the index.

A capitalised word that English writes mostly in lower case ("Fear", "Way", "Although",
"Reserve") names no place unless the text says one is named (``places``). The words are
counted in the dev news articles of ``../shared/data/dev`` (US local news of ``gva``, ECB+
articles): a word is common when it is written in lower case at least 3 times and at least
as often as capitalised inside a sentence. Only the words the place index has a name for
are kept. No article text is written, only single words.

    python scripts/derive_common_words.py [--out src/conflictcoder/data/common_words.txt]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from conflictcoder import gazetteer
from conflictcoder.settings import Settings

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev"
OUT = Path(__file__).resolve().parents[1] / "src" / "conflictcoder" / "data" / "common_words.txt"
_TOKEN = re.compile(r"(?:^|(?<=[\s\"“(]))([A-Za-z][a-z]+)(?=[\s,.;:!?\"”)])")
_OPENING = re.compile(r"[.!?:\n\"“]\s*$")
_MIN_LOWER = 3


def _texts() -> list[str]:
    out = []
    for name in ("gva", "ecbplus"):
        with (DEV / name / "documents.jsonl").open(encoding="utf-8") as handle:
            out.extend(json.loads(line).get("text") or "" for line in handle)
    return out


def counts(texts: list[str]) -> tuple[Counter[str], Counter[str]]:
    """Lower-case uses and capitalised uses inside a sentence, per lower-cased word."""
    lower: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for text in texts:
        for match in _TOKEN.finditer(text):
            word, start = match.group(1), match.start(1)
            if word[0].islower():
                lower[word] += 1
            elif start and not _OPENING.search(text[max(0, start - 4) : start]):
                capital[word.lower()] += 1
    return lower, capital


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    lower, capital = counts(_texts())
    gaz = gazetteer.load(Settings())
    words = sorted(
        w
        for w, n in lower.items()
        if n >= _MIN_LOWER and n >= capital[w] and len(w) >= 3 and gaz.candidates(w)
    )
    head = "# English words that are also place names (scripts/derive_common_words.py)\n"
    args.out.write_text(head + "".join(w + "\n" for w in words), encoding="utf-8")
    print(json.dumps({"words": len(words)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
