"""Write src/conflictcoder/data/battle_order.tsv: the countries whose ACLED coding lists the
state forces first in a battle between them and a non-state armed group.

ACLED's actor1 is not always the attacker: some country desks name the state forces first
in every battle they fight (Syria: the regime side is actor1 in most clashes, whoever
attacked), while elsewhere the side the report names first, mostly the initiator, leads.
This script counts, per country, the armed clashes of the dev ACLED exports between a state
actor (inter 1) and a non-state armed actor (inter 2, 3 or 4) and keeps the countries where
the state side is actor1 in at least ``SHARE`` of at least ``MIN_CLASHES`` clashes. Only the
rows ``scripts/train_types.py`` trains on are counted (its held-out rows are left out), and
only counts are written, no rows.

    python scripts/derive_battle_order.py
"""

from __future__ import annotations

import collections
from pathlib import Path

import train_types

DATA = Path(__file__).resolve().parents[1] / "src" / "conflictcoder" / "data"
SHARE = 0.8
MIN_CLASHES = 10
_NON_STATE = {"2", "3", "4"}


def _tuned_rows() -> list[dict[str, str]]:
    """The ACLED rows of the loader's training split."""
    rows = [r for r in train_types.load() if r["set"] == "acled"]
    raw = train_types._read(train_types.DEV / "acled" / "global_2020_04_05.csv")
    raw += train_types._read(train_types.DEV / "acled" / "syria_battles_2017_2020.csv")
    return [gold for row, gold in zip(rows, raw, strict=True) if row["split"] == "train"]


def main() -> None:
    counts: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for row in _tuned_rows():
        if row["sub_event_type"] != "Armed clash":
            continue
        pair = (row["inter1"], row["inter2"])
        if pair[0] == "1" and pair[1] in _NON_STATE:
            counts[row["iso"]][0] += 1
        elif pair[1] == "1" and pair[0] in _NON_STATE:
            counts[row["iso"]][1] += 1
    numeric = {}
    with (DATA / "countries.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            iso2, _iso3, number, *_ = line.rstrip("\n").split("\t")
            numeric[number.lstrip("0") or "0"] = iso2
    lines = [
        "# Countries whose ACLED coding lists the state forces first (actor1) in a battle",
        "# between them and a non-state armed group, whoever attacked; elsewhere the side the",
        "# report names first leads. Written by scripts/derive_battle_order.py from counts of",
        f"# the dev ACLED armed clashes (state first in >= {SHARE:.0%} of >= {MIN_CLASHES}).",
        "# Columns: iso2, clashes with the state first, clashes with it second. Edit freely.",
        "iso2\tstate_first\tstate_second",
    ]
    for number, (first, second) in sorted(counts.items(), key=lambda kv: -sum(kv[1])):
        total = first + second
        if total >= MIN_CLASHES and first / total >= SHARE and number in numeric:
            lines.append(f"{numeric[number]}\t{first}\t{second}")
    (DATA / "battle_order.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
