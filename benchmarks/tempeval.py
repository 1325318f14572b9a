"""TempEval-3 style evaluation of ``conflictcoder.timex.tag`` on TimeML (.tml) files.

Usage: python benchmarks/tempeval.py [DIR] [--split SPLIT] [--errors N]

SPLIT is timebank, aquaint, all, or a half of AQUAINT: aquaint-a (files at even positions in
name order, examined while developing) or aquaint-b (odd positions, held out).

Reads every .tml file under DIR (default ../shared/data/dev/tempeval3/tbaq_cleaned), takes the
document creation time from ``<DCT><TIMEX3 value=...>``, strips the tags inside ``<TEXT>`` to get
plain text with gold offsets, runs the tagger and prints JSON: strict and relaxed extent
precision/recall/F1, type and value accuracy over relaxed matches, and type/value F1 as the
TempEval-3 scorer defines attribute F1 (attribute accuracy x relaxed extent F1).
"""

from __future__ import annotations

import argparse
import datetime
import html
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from conflictcoder.timex import tag

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_DIR = SHARED / "data" / "dev" / "tempeval3" / "tbaq_cleaned"

_DCT = re.compile(r"<DCT>\s*<TIMEX3[^>]*\bvalue=\"(\d{4})-?(\d{2})-?(\d{2})")
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r"(\w+)=\"([^\"]*)\"")


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    type: str
    value: str


def read_tml(path: Path) -> tuple[str, datetime.date, list[Gold]]:
    raw = path.read_text(encoding="utf-8")
    match = _DCT.search(raw)
    if match is None:
        raise SystemExit(f"{path}: no DCT")
    dct = datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    body = _TEXT.search(raw)
    if body is None:
        raise SystemExit(f"{path}: no TEXT")
    content = body.group(1)
    parts: list[str] = []
    length = 0
    gold: list[Gold] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    cursor = 0
    for tag_match in _TAG.finditer(content):
        chunk = html.unescape(content[cursor : tag_match.start()])
        parts.append(chunk)
        length += len(chunk)
        cursor = tag_match.end()
        closing, name, attrs = tag_match.groups()
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, attributes = open_timex
            gold.append(
                Gold(start, length, attributes.get("type", ""), attributes.get("value", ""))
            )
            open_timex = None
    parts.append(html.unescape(content[cursor:]))
    return "".join(parts), dct, gold


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(files: list[Path], show_errors: int = 0) -> dict[str, float | int]:
    n_gold = n_sys = 0
    strict_sys = strict_gold = relaxed_sys = relaxed_gold = 0
    pairs = type_ok = value_ok = 0
    errors: list[str] = []
    seconds = 0.0
    for path in files:
        text, dct, gold = read_tml(path)
        began = time.perf_counter()
        system = tag(text, dct)
        seconds += time.perf_counter() - began
        n_gold += len(gold)
        n_sys += len(system)
        for s in system:
            if any(g.start == s.start and g.end == s.end for g in gold):
                strict_sys += 1
            if any(g.start < s.end and s.start < g.end for g in gold):
                relaxed_sys += 1
            elif show_errors:
                errors.append(f"FP  {path.name} {s.text!r} {s.type} {s.value}")
        for g in gold:
            if any(g.start == s.start and g.end == s.end for s in system):
                strict_gold += 1
            overlapping = [s for s in system if g.start < s.end and s.start < g.end]
            if overlapping:
                s = overlapping[0]
                relaxed_gold += 1
                pairs += 1
                type_ok += s.type == g.type
                value_ok += s.value == g.value
                if show_errors and (s.value != g.value or s.type != g.type):
                    errors.append(
                        f"VAL {path.name} dct={dct} gold={text[g.start : g.end]!r}"
                        f" {g.type} {g.value}"
                        f" | sys={s.text!r} {s.type} {s.value}"
                    )
                elif show_errors and (s.start, s.end) != (g.start, g.end):
                    errors.append(f"EXT {path.name} gold={text[g.start : g.end]!r} sys={s.text!r}")
            elif show_errors:
                errors.append(
                    f"FN  {path.name} dct={dct} {text[g.start : g.end]!r} {g.type} {g.value}"
                )
    strict_p = strict_sys / n_sys if n_sys else 0.0
    strict_r = strict_gold / n_gold if n_gold else 0.0
    relaxed_p = relaxed_sys / n_sys if n_sys else 0.0
    relaxed_r = relaxed_gold / n_gold if n_gold else 0.0
    relaxed_f1 = _f1(relaxed_p, relaxed_r)
    type_acc = type_ok / pairs if pairs else 0.0
    value_acc = value_ok / pairs if pairs else 0.0
    for line in errors[:show_errors]:
        print(line, file=sys.stderr)
    return {
        "documents": len(files),
        "gold": n_gold,
        "system": n_sys,
        "strict_precision": round(strict_p, 4),
        "strict_recall": round(strict_r, 4),
        "strict_f1": round(_f1(strict_p, strict_r), 4),
        "relaxed_precision": round(relaxed_p, 4),
        "relaxed_recall": round(relaxed_r, 4),
        "relaxed_f1": round(relaxed_f1, 4),
        "type_accuracy": round(type_acc, 4),
        "value_accuracy": round(value_acc, 4),
        "type_f1": round(type_acc * relaxed_f1, 4),
        "value_f1": round(value_acc * relaxed_f1, 4),
        "ms_per_document": round(1000 * seconds / max(len(files), 1), 3),
    }


def select(files: list[Path], split: str) -> list[Path]:
    """The files of ``split``; AQUAINT halves alternate in sorted file-name order."""
    if split == "all":
        return files
    corpus, _, half = split.partition("-")
    chosen = sorted(
        (f for f in files if corpus in (p.lower() for p in f.parent.parts)), key=lambda f: f.name
    )
    if half:
        chosen = chosen[0 if half == "a" else 1 :: 2]
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument(
        "--split", choices=("timebank", "aquaint", "aquaint-a", "aquaint-b", "all"), default="all"
    )
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors to stderr")
    args = parser.parse_args()
    files = select(sorted(args.directory.rglob("*.tml")), args.split)
    if not files:
        raise SystemExit(f"no .tml files for split {args.split} under {args.directory}")
    print(json.dumps({"split": args.split, **evaluate(files, args.errors)}, indent=2))


if __name__ == "__main__":
    main()
