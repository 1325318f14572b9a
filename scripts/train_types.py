"""Train the sub-event-type model shipped as ``src/conflictcoder/data/type_model.npz``.

Reads the dev data in ../shared/data/dev (never shipped): both ACLED csvs (notes with their
sub-event types) and the GTD Iraq summaries mapped to ACLED types (``gtd_sub``). A held-out
split (``heldout``) is kept out of training; ``benchmarks/types.py`` reports on it:
- ACLED global file: events whose id hashes to 0 mod 5, plus every event of a sub-type with
  fewer than 20 examples there (too rare to learn; the rule cues decide those);
- ACLED Syria file and GTD: every event of a date that hashes to 0 mod 5 (near-identical
  same-day notes never straddle the split).
Features are ``typing_model.features`` (note boilerplate stripped, numbers masked) of the
text and of its ``mentions.signals`` (what the hand-written rules and the actor lexicon say:
the rules' type, the inter codes named, the doer's, deaths), so that the model learns when to
trust the rules; the Syria armed clashes are subsampled so that one file does not swamp the rest, and
``type_seeds.tsv`` (news-style sentences written for this project, a few per sub-type) is
added so that the model sees news wording and every type. Each note's first sentence is also
a text of its own (the pipeline types one sentence at a time: multi-sentence summaries by
other writers, such as GTD's, gain most). The model is a class-balanced
(weights capped) multinomial logistic regression (scikit-learn, here only); its vocabulary,
idf and weights (float16, small weights pruned) go to an npz file read with numpy alone.

Usage: python scripts/train_types.py [--out PATH]   (deterministic, one to two minutes on CPU)
"""

from __future__ import annotations

import csv
import hashlib
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from conflictcoder import actors, mentions, sentences, typing_model
from conflictcoder.mentions import SUB_EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "dev"
OUT = ROOT / "src" / "conflictcoder" / "data" / typing_model.MODEL_FILE
RARE = 20  # global-file sub-types with fewer examples are held out entirely
SYRIA_CLASH_CAP = 9000
SEEDS = ROOT / "scripts" / "type_seeds.tsv"  # hand-written news sentences, one per type line
SEED_WEIGHT = 4.0  # a seed sentence counts as this many notes
CLASS_WEIGHT_CAP = (
    8.0  # balanced class weights, capped (grouped CV on the train split: 8 over 4, 25)
)
C = 50.0  # inverse regularisation strength of the logistic regression
FIRST_SENTENCE_WEIGHT = (
    1.0  # weight of a note's first sentence as a text of its own (CV: 1 > 0.5 > 0)
)
PRUNE = 0.02  # features whose largest |weight| is below this are dropped


def _bucket(key: str) -> int:
    return int(hashlib.md5(key.encode("utf-8")).hexdigest(), 16) % 5


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", errors="replace") as handle:
        return list(csv.DictReader(handle))


def gtd_sub(row: dict[str, str]) -> str | None:
    """The ACLED sub-event type of a GTD incident (None: no safe mapping)."""
    attack, target = row["attack_type"], row["target_type"]
    if attack == "Bombing/Explosion":
        return "Suicide bomb" if row["suicide"] == "1" else "Remote explosive/landmine/IED"
    if attack.startswith("Hostage Taking"):
        return "Abduction/forced disappearance"
    if attack in ("Armed Assault", "Assassination"):
        return "Armed clash" if target in ("Military", "Police") else "Attack"
    return None


def load() -> list[dict]:
    """Every dev row as ``{set, split, text, sub, event_type, actor1, inter1, fatalities, country,
    group}`` (``group``: the key its split hashes, for cross-validation inside the train split)."""
    rows: list[dict] = []
    glob = _read(DEV / "acled" / "global_2020_04_05.csv")
    support = Counter(r["sub_event_type"] for r in glob)
    for row in glob:
        rare = support[row["sub_event_type"]] < RARE
        test = rare or _bucket(row["event_id_cnty"]) == 0
        rows.append(_acled_row(row, "test" if test else "train", row["event_id_cnty"]))
    for row in _read(DEV / "acled" / "syria_battles_2017_2020.csv"):
        test = _bucket(row["event_date"]) == 0
        rows.append(_acled_row(row, "test" if test else "train", "syria " + row["event_date"]))
    for row in _read(DEV / "gtd" / "iraq_2012_2017.csv"):
        sub = gtd_sub(row)
        if sub is None:
            continue
        killed = row["killed"]
        rows.append(
            {"set": "gtd", "split": "test" if _bucket(row["date"]) == 0 else "train",
             "text": row["summary"], "sub": sub, "event_type": SUB_EVENT_TYPES[sub],
             "actor1": None, "inter1": None, "country": "Iraq",
             "fatalities": int(float(killed)) if killed else None, "group": "gtd " + row["date"]}
        )  # fmt: skip
    return rows


def _acled_row(row: dict[str, str], split: str, group: str) -> dict:
    return {
        "set": "acled", "split": split, "text": row["notes"], "sub": row["sub_event_type"],
        "event_type": row["event_type"], "actor1": row["actor1"], "inter1": row["inter1"],
        "fatalities": int(row["fatalities"] or 0), "country": row["country"], "group": group,
    }  # fmt: skip


def seeds() -> list[tuple[str, str]]:
    """The hand-written ``(sub-event type, sentence)`` pairs."""
    lines = SEEDS.read_text(encoding="utf-8").splitlines()
    pairs = [tuple(line.split("\t", 1)) for line in lines if line and not line.startswith("#")]
    for sub, _ in pairs:
        assert sub in SUB_EVENT_TYPES, sub
    return pairs  # type: ignore[return-value]


def training_set(
    rows: list[dict],
) -> tuple[list[tuple[str, tuple[str, ...]]], list[str], np.ndarray]:
    """Documents (text and its rule signals), labels and sample weights (capped balanced class
    weights, seeds boosted)."""
    train = [r for r in rows if r["split"] == "train"]
    clashes = [r for r in train if r["country"] == "Syria" and r["sub"] == "Armed clash"]
    random.Random(11).shuffle(clashes)
    dropped = {id(r) for r in clashes[SYRIA_CLASH_CAP:]}
    kept = [(r["text"], r["sub"], 1.0) for r in train if id(r) not in dropped]
    if FIRST_SENTENCE_WEIGHT:  # the model reads one sentence at a time in the pipeline
        for text, sub, _ in list(kept):
            split = sentences.split(text)
            if len(split) > 1:
                kept.append((text[split[0].start : split[0].end], sub, FIRST_SENTENCE_WEIGHT))
    kept += [(text, sub, SEED_WEIGHT) for sub, text in seeds()]
    mass = Counter()
    for _, sub, weight in kept:
        mass[sub] += weight
    total = sum(mass.values())
    balance = {sub: min(CLASS_WEIGHT_CAP, total / (len(mass) * m)) for sub, m in mass.items()}
    weights = np.array([w * balance[sub] for _, sub, w in kept])
    lexicon = actors.load_lexicon()
    documents = [(t, mentions.signals(t, lexicon)) for t, _, _ in kept]
    return documents, [s for _, s, _ in kept], weights


def _analyse(document: tuple[str, tuple[str, ...]]) -> list[str]:
    return typing_model.features(*document)


def train(
    documents: list[tuple[str, tuple[str, ...]]], labels: list[str], weights: np.ndarray
) -> dict[str, np.ndarray]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(analyzer=_analyse, min_df=3, sublinear_tf=True, dtype=np.float64)
    matrix = vectorizer.fit_transform(documents)
    classifier = LogisticRegression(C=C, max_iter=3000)
    classifier.fit(matrix, labels, sample_weight=weights)
    weights = classifier.coef_.T  # features x classes
    keep = np.abs(weights).max(axis=1) >= PRUNE
    vocabulary = vectorizer.get_feature_names_out()
    return {
        "classes": np.array(classifier.classes_, dtype=str),
        "vocabulary": np.array(vocabulary[keep], dtype=str),
        "idf": vectorizer.idf_[keep].astype(np.float32),
        "weights": weights[keep].astype(np.float16),
        "bias": classifier.intercept_.astype(np.float32),
    }


def main(out: Path) -> None:
    rows = load()
    texts, labels, weights = training_set(rows)
    print(f"training on {len(texts)} texts: {dict(Counter(labels))}", file=sys.stderr)
    arrays = train(texts, labels, weights)
    np.savez_compressed(out, **arrays)
    print(
        f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB, {len(arrays['vocabulary'])} features,"
        f" {len(arrays['classes'])} classes)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main(Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else OUT)
