"""Type, actor and fatality accuracy of ``mentions.find`` on held-out ACLED notes and GTD summaries.

Reads ../shared/data/dev (never shipped) through ``scripts/train_types.py``'s loader and
evaluates only on its held-out split, which the shipped type model never saw. Each
note/summary is run as a one-document article; the first non-reference mention (else the
first) is compared with the gold row. GTD attack types are mapped to ACLED sub-types
(explosives -> IED or suicide bomb, kidnapping -> abduction, armed assault on soldiers or
police -> armed clash, else attack). ``balanced`` is a per-type check set: at most 40
held-out rows of each sub-type across both sources (macro, weighted F1 and recall per type).
Prints JSON.   Usage: python benchmarks/types.py [--limit N]  (N rows per source, default all)
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from conflictcoder import actors, fatalities, mentions, sentences

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import train_types  # noqa: E402

COUNTRY_ISO2 = {
    "Syria": "SY", "Iraq": "IQ", "Yemen": "YE", "Afghanistan": "AF", "Mexico": "MX", "India": "IN",
    "Pakistan": "PK", "Brazil": "BR", "Nigeria": "NG", "Somalia": "SO", "Libya": "LY",
    "Ukraine": "UA", "Lebanon": "LB", "Turkey": "TR", "Philippines": "PH",
}  # fmt: skip
PER_TYPE = 40


def _f1(gold: list[str], pred: list[str | None]) -> dict:
    pairs = list(zip(gold, pred, strict=True))
    support = Counter(gold)
    f1s, recall = {}, {}
    for label in sorted(support):
        tp = sum(g == label and p == label for g, p in pairs)
        fp = sum(g != label and p == label for g, p in pairs)
        fn = support[label] - tp
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        recall[label] = round(rec, 3)
        f1s[label] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {
        "micro_f1": round(sum(g == p for g, p in pairs) / len(pairs), 3),
        "macro_f1": round(sum(f1s.values()) / len(f1s), 3),
        "weighted_f1": round(sum(f1s[k] * support[k] for k in f1s) / len(pairs), 3),
        "recall": recall,
        "support": dict(support),
    }


def note_toll(text: str, split: tuple, found: tuple) -> int | None:
    """The note's toll as the events stage takes it: ACLED's coding remark when a mention
    took one (``fatalities.coded``), else the largest (as ``benchmarks/actors_fatalities.py``)."""
    coded = [
        m.fatalities for m in found if m.fatalities is not None and any(
            fatalities.coded(text, s.start, s.end) for s in split
            if any(s.start <= span.start < s.end for span in m.fatality_spans)
        )
    ]  # fmt: skip
    if coded:
        return coded[-1]
    counts = [m.fatalities for m in found if m.fatalities is not None]
    return max(counts) if counts else None


def predict(rows: list[dict], lexicon: actors.ActorLexicon) -> tuple[list, float]:
    predictions = []
    started = time.perf_counter()
    for row in rows:
        text = row["text"]
        split = sentences.split(text)
        found = mentions.find(text, split, lexicon)
        primary = next((m for m in found if not m.reference), found[0] if found else None)
        if primary is not None:  # a note tells one event: its deaths may sit in any sentence
            primary = replace(primary, fatalities=note_toll(text, split, found))
        predictions.append(primary)
    return predictions, time.perf_counter() - started


def _section(rows: list[dict], pred: list, lexicon: actors.ActorLexicon) -> dict:
    subs = _f1([r["sub"] for r in rows], [p.sub_event_type if p else None for p in pred])
    fat = [(r["fatalities"], p) for r, p in zip(rows, pred, strict=True) if r["fatalities"]]
    section = {
        "n": len(rows),
        "no_mention": sum(p is None for p in pred),
        "event_type_acc": round(
            sum(
                p is not None and p.event_type == r["event_type"]
                for r, p in zip(rows, pred, strict=True)
            )
            / len(rows),
            3,
        ),  # fmt: skip
        "sub_event_micro_f1": subs["micro_f1"],
        "sub_event_macro_f1": subs["macro_f1"],
        "sub_event_weighted_f1": subs["weighted_f1"],
        "fatalities_exact_where_given": round(
            sum(p is not None and (p.fatalities or 0) == g for g, p in fat) / max(1, len(fat)), 3
        ),
        "per_sub_type_recall": subs["recall"],
        "sub_type_support": subs["support"],
    }
    if rows[0]["actor1"] is not None:
        inter_ok = actor_ok = 0
        for row, p in zip(rows, pred, strict=True):
            ref = p.actor1 if p else None
            if ref is None:
                continue
            iso2 = COUNTRY_ISO2.get(row["country"])
            inter_ok += str(actors.inter_for(ref, iso2)) == row["inter1"]
            actor_ok += actors.localise(ref, iso2, row["country"], lexicon) == row["actor1"]
        section["inter1_acc"] = round(inter_ok / len(rows), 3)
        section["actor1_exact"] = round(actor_ok / len(rows), 3)
    return section


def main(limit: int | None) -> dict:
    lexicon = actors.load_lexicon()
    held = [r for r in train_types.load() if r["split"] == "test"]
    groups = {
        "acled_global": [r for r in held if r["set"] == "acled" and r["country"] != "Syria"
                         or r["set"] == "acled" and "Battles" != r["event_type"]],
        "acled_syria_battles": [r for r in held if r["set"] == "acled" and r["country"] == "Syria"
                                and r["event_type"] == "Battles"],
        "gtd": [r for r in held if r["set"] == "gtd"],
    }  # fmt: skip
    for name, rows in groups.items():
        random.Random(7).shuffle(rows)
        groups[name] = rows[:limit] if limit else rows
    balanced: list[dict] = []
    for sub in mentions.SUB_EVENT_TYPES:
        balanced += [r for r in held if r["sub"] == sub][:PER_TYPE]
    report: dict = {}
    everything = [r for rows in groups.values() for r in rows]
    predictions, elapsed = predict(everything, lexicon)
    report["notes_per_second"] = round(len(everything) / elapsed, 1)
    done = 0
    for name, rows in groups.items():
        report[name] = _section(rows, predictions[done : done + len(rows)], lexicon)
        done += len(rows)
    acled = groups["acled_global"] + groups["acled_syria_battles"]
    report["acled_all"] = {
        k: v for k, v in _section(acled, predictions[: len(acled)], lexicon).items()
        if not isinstance(v, dict)
    }  # fmt: skip
    report["balanced"] = _section(balanced, predict(balanced, lexicon)[0], lexicon)
    return report


if __name__ == "__main__":
    cap = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None
    print(json.dumps(main(cap), indent=1))
