"""Type, actor and fatality accuracy of ``mentions.find`` on ACLED notes and GTD summaries.

Reads ../shared/data/dev (never shipped). Each note/summary is run as a one-document article;
the first non-reference mention (else the first) is compared with the gold row. GTD attack
types are mapped to ACLED sub-types (explosives -> IED or suicide bomb, kidnapping ->
abduction, armed assault on soldiers/police -> armed clash, else attack). Prints JSON.
Usage: python benchmarks/types.py [--limit N]
"""

from __future__ import annotations

import csv
import json
import random
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from conflictcoder import actors, mentions, sentences

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
COUNTRY_ISO2 = {
    "Syria": "SY", "Iraq": "IQ", "Yemen": "YE", "Afghanistan": "AF", "Mexico": "MX", "India": "IN",
    "Pakistan": "PK", "Brazil": "BR", "Nigeria": "NG", "Somalia": "SO", "Libya": "LY",
    "Ukraine": "UA", "Lebanon": "LB", "Turkey": "TR", "Philippines": "PH",
}  # fmt: skip


def _acled(limit: int) -> list[dict]:
    rows: list[dict] = []
    for name in ("global_2020_04_05.csv", "syria_battles_2017_2020.csv"):
        path = SHARED / "data/dev/acled" / name
        with path.open(encoding="utf-8", errors="replace") as handle:
            data = list(csv.DictReader(handle))
        random.Random(7).shuffle(data)
        for row in data[:limit]:
            rows.append(
                {"set": "acled", "text": row["notes"], "event_type": row["event_type"],
                 "sub": row["sub_event_type"], "actor1": row["actor1"], "inter1": row["inter1"],
                 "fatalities": int(row["fatalities"] or 0), "country": row["country"]}
            )  # fmt: skip
    return rows


def _gtd_sub(row: dict) -> str | None:
    attack, target = row["attack_type"], row["target_type"]
    if attack == "Bombing/Explosion":
        return "Suicide bomb" if row["suicide"] == "1" else "Remote explosive/landmine/IED"
    if attack.startswith("Hostage Taking"):
        return "Abduction/forced disappearance"
    if attack in ("Armed Assault", "Assassination"):
        return "Armed clash" if target in ("Military", "Police") else "Attack"
    return None


def _gtd(limit: int) -> list[dict]:
    path = SHARED / "data/dev/gtd/iraq_2012_2017.csv"
    with path.open(encoding="utf-8", errors="replace") as handle:
        data = list(csv.DictReader(handle))
    rows = []
    for row in data[:limit]:
        sub = _gtd_sub(row)
        if sub is not None:
            text = row["summary"].split(": ", 1)[-1]
            killed = row["killed"]
            rows.append(
                {"set": "gtd", "text": text, "event_type": mentions.SUB_EVENT_TYPES[sub],
                 "sub": sub, "actor1": None, "inter1": None, "country": "Iraq",
                 "fatalities": int(float(killed)) if killed else None}
            )  # fmt: skip
    return rows


def _f1(gold: list[str], pred: list[str | None]) -> tuple[float, float, dict[str, float]]:
    labels = sorted(set(gold))
    f1s, recall = [], {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        recall[label] = round(rec, 3)
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    micro = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold)
    return micro, sum(f1s) / len(f1s), recall


def main(limit: int) -> dict:
    lexicon = actors.load_lexicon()
    rows = _acled(limit) + _gtd(limit)
    started = time.perf_counter()
    predictions = []
    for row in rows:
        text = row["text"]
        found = mentions.find(text, sentences.split(text), lexicon)
        primary = next((m for m in found if not m.reference), found[0] if found else None)
        if primary is not None:  # a note tells one event: its deaths may sit in any sentence
            counts = [m.fatalities for m in found if m.fatalities is not None]
            primary = replace(primary, fatalities=max(counts) if counts else None)
        predictions.append(primary)
    elapsed = time.perf_counter() - started
    report: dict = {"notes_per_second": round(len(rows) / elapsed, 1)}
    for name in ("acled", "gtd"):
        idx = [i for i, r in enumerate(rows) if r["set"] == name]
        gold_types = [rows[i]["event_type"] for i in idx]
        gold_subs = [rows[i]["sub"] for i in idx]
        pred = [predictions[i] for i in idx]
        types = [p.event_type if p else None for p in pred]
        subs = [p.sub_event_type if p else None for p in pred]
        micro, macro, recall = _f1(gold_subs, subs)
        fat = [
            (rows[i]["fatalities"], p)
            for i, p in zip(idx, pred, strict=True)
            if rows[i]["fatalities"]
        ]
        fat_ok = sum(p is not None and (p.fatalities or 0) == g for g, p in fat)
        section = {
            "n": len(idx),
            "no_mention": sum(p is None for p in pred),
            "event_type_acc": round(
                sum(g == t for g, t in zip(gold_types, types, strict=True)) / len(idx), 3
            ),
            "sub_event_micro_f1": round(micro, 3),
            "sub_event_macro_f1": round(macro, 3),
            "fatalities_exact_where_given": round(fat_ok / max(1, len(fat)), 3),
            "per_sub_type_recall": recall,
            "sub_type_support": dict(Counter(gold_subs)),
        }
        if name == "acled":
            inter_ok = actor_ok = 0
            for i, p in zip(idx, pred, strict=True):
                row = rows[i]
                ref = p.actor1 if p else None
                if ref is None:
                    continue
                iso2 = COUNTRY_ISO2.get(row["country"])
                inter_ok += str(actors.inter_for(ref, iso2)) == row["inter1"]
                actor_ok += actors.localise(ref, iso2, row["country"], lexicon) == row["actor1"]
            section["inter1_acc"] = round(inter_ok / len(idx), 3)
            section["actor1_exact"] = round(actor_ok / len(idx), 3)
        report[name] = section
    return report


if __name__ == "__main__":
    cap = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 4000
    print(json.dumps(main(cap), indent=1))
