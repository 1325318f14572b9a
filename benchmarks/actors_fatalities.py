"""Actor and fatality accuracy of ``mentions.find`` on dev ACLED notes and GTD summaries.

Rows and the held-out split come from ``scripts/train_types.py``'s loader (the type model
never saw the ``test`` split); the ACLED rows are re-joined with their csv rows for the
columns the loader leaves out (actor2, inter2, interaction, associated actors, date). Each
note/summary is run as a one-document article; the first non-reference mention (else the
first) is compared with the gold row. The note's fatalities are those of ACLED's coding
remark when a mention took one ("Total fatalities coded as 30"; ``fatalities.coded``), else
the largest toll of any mention (as in ``benchmarks/types.py``).

Fatalities are scored on every row and on rows whose text states the deaths: ``stated``
= a death count ("3 killed", "killing a man", "dozens dead", "fatalities coded as 10") or
an explicit zero ("no casualties", "nobody was killed"); ``silent`` = no death word at all
(ACLED codes 0). The detector is a plain regex here, independent of ``fatalities.py``.
Actor names are localised as the events stage does (event country and date).

``--e2e global|syria`` instead runs the whole pipeline (``pipeline.analyse``) on each row
of that dev ACLED file as ``conflictcoder eval`` reads it, and scores the article's first
event against the row, for both of the loader's splits (``train``: tuned on; ``test``: held
out); ``--every N`` keeps every N-th row (the Syria file is large).

Prints JSON.  Usage: python benchmarks/actors_fatalities.py [--split test|train]
[--limit N] [--dump FILE]  (``--dump`` writes the wrong rows as JSONL, train split only:
error analysis never looks at held-out rows one by one)
       python benchmarks/actors_fatalities.py --e2e global|syria [--every N]
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

from conflictcoder import actors

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import train_types  # noqa: E402


def _types_benchmark():
    """benchmarks/types.py, loaded under another name (``types`` is a standard module)."""
    spec = importlib.util.spec_from_file_location(
        "types_benchmark", Path(__file__).with_name("types.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TYPES = _types_benchmark()

_NUM = (
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|hundreds|dozens?|tens|several|a\s+few|some|many|scores|numerous"
    r"|a\s+number|a|an|another|both|his|her|their|him|them"
)
_DEATH = (
    r"killed|killing|kills?|dead|died|dies|deaths?|fatalit(?:y|ies)|bodies|body|corpses?"
    r"|lives|life|perished|executed|executing|slain|murdered|murdering|beheaded|lynched"
    r"|massacred|assassinated|assassinating|shot\s+dead|gunned\s+down"
)
_STATED = re.compile(
    rf"\b(?:{_NUM})\b(?:\W+\w+){{0,6}}?\W+(?:{_DEATH})\b"
    rf"|\b(?:{_DEATH})\b(?:\W+\w+){{0,4}}?\W+(?:{_NUM}|\d+)\b",
    re.IGNORECASE,
)
_NONE = re.compile(
    r"\bno\s+(?:\w+\s+){0,2}(?:casualties|fatalities|deaths|injuries|one\s+was|one\s+were)"
    r"|\bno(?:body|\s+one)\b|\bwithout\s+(?:\w+\s+){0,2}(?:casualties|injur|fatalit|deaths)"
    r"|\b(?:casualties|fatalities|injuries|deaths)\s+(?:were\s+)?(?:not|un)reported",
    re.IGNORECASE,
)
_ANY_DEATH = re.compile(rf"\b(?:{_DEATH})\b", re.IGNORECASE)


def stated(text: str) -> str:
    """``count``, ``none`` (a stated zero), ``silent`` (no death word) or ``vague``."""
    if _STATED.search(text):
        return "count"
    if _NONE.search(text):
        return "none"
    return "vague" if _ANY_DEATH.search(text) else "silent"


def _event_date(value: str) -> date | None:
    for fmt in ("%d %B %Y", "%d-%b-%y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def load(split: str) -> list[dict]:
    """The loader's rows of ``split``, ACLED rows with their extra gold columns."""
    rows = train_types.load()
    raw = train_types._read(train_types.DEV / "acled" / "global_2020_04_05.csv")
    raw += train_types._read(train_types.DEV / "acled" / "syria_battles_2017_2020.csv")
    acled = [r for r in rows if r["set"] == "acled"]
    assert len(acled) == len(raw), "loader and csv files disagree"
    for row, gold in zip(acled, raw, strict=True):
        assert row["text"] == gold["notes"]
        row.update(
            actor2=gold["actor2"] or None, inter2=int(gold["inter2"] or 0),
            interaction=int(gold["interaction"] or 0), date=_event_date(gold["event_date"]),
            assoc_actor_1=gold["assoc_actor_1"] or None,
            assoc_actor_2=gold["assoc_actor_2"] or None,
            file="global" if "data_id" in gold else "syria",
        )  # fmt: skip
    for row in rows:
        row.setdefault("file", "gtd")
    return [r for r in rows if r["split"] == split]


def _names(value: str | None) -> frozenset[str]:
    return frozenset(n.strip() for n in (value or "").split(";") if n.strip())


def _score(row: dict, pred, lexicon: actors.ActorLexicon, iso2: dict[str, str]) -> dict:
    mention, deaths = pred
    result = {
        "fatalities": (deaths or 0) == row["fatalities"],
        "pred_fatalities": deaths or 0,
        "pred_sub": mention.sub_event_type if mention else None,
    }
    if row["actor1"] is None:
        return result
    code = iso2.get(row["country"])
    named, inters = {}, {}
    for slot in ("actor1", "actor2"):
        ref = getattr(mention, slot) if mention else None
        named[slot] = (
            actors.localise(ref, code, row["country"], lexicon, on=row["date"]) if ref else None
        )
        inters[slot] = actors.inter_for(ref, code) if ref else 0
    assoc = {}
    for slot in ("assoc_actor_1", "assoc_actor_2"):
        refs = getattr(mention, slot) if mention else ()
        assoc[slot] = frozenset(
            actors.localise(r, code, row["country"], lexicon, on=row["date"]) for r in refs
        )
    codes = sorted(c for c in inters.values() if c)
    interaction = codes[0] * 10 + (codes[1] if len(codes) > 1 else 0) if codes else 0
    result.update(
        actor1=named["actor1"] == row["actor1"],
        inter1=inters["actor1"] == int(row["inter1"]),
        actor2=named["actor2"] == row["actor2"],
        inter2=inters["actor2"] == row["inter2"],
        interaction=interaction == row["interaction"],
        actor_pair=({named["actor1"], named["actor2"]} == {row["actor1"], row["actor2"]}),
        assoc_actor_1=assoc["assoc_actor_1"] == _names(row["assoc_actor_1"]),
        assoc_actor_2=assoc["assoc_actor_2"] == _names(row["assoc_actor_2"]),
        pred_actor1=named["actor1"], pred_actor2=named["actor2"],
        pred_inter1=inters["actor1"], pred_inter2=inters["actor2"],
    )  # fmt: skip
    return result


def _rate(results: list[dict], key: str) -> float | None:
    values = [r[key] for r in results if key in r]
    return round(sum(values) / len(values), 3) if values else None


def _section(rows: list[dict], results: list[dict]) -> dict:
    section: dict = {"n": len(rows), "fatalities_exact_all": _rate(results, "fatalities")}
    kinds = [stated(r["text"]) for r in rows]
    for name, wanted in (("stated", ("count", "none")), ("silent", ("silent",))):
        chosen = [res for res, k in zip(results, kinds, strict=True) if k in wanted]
        section[f"fatalities_exact_{name}"] = _rate(chosen, "fatalities")
        section[f"n_{name}"] = len(chosen)
    positive = [res for res, r in zip(results, rows, strict=True) if r["fatalities"]]
    section["fatalities_exact_gold_positive"] = _rate(positive, "fatalities")
    for key in ("actor1", "inter1", "actor2", "inter2", "interaction", "actor_pair"):
        if (value := _rate(results, key)) is not None:
            section[key] = value
    for key in ("assoc_actor_1", "assoc_actor_2"):
        if (value := _rate(results, key)) is not None:
            has = [res for res, r in zip(results, rows, strict=True) if r.get(key)]
            section[key] = value
            section[f"{key}_where_gold_has_one"] = _rate(has, key)
    return section


def main(split: str, limit: int | None, dump: Path | None) -> dict:
    lexicon = actors.load_lexicon()
    iso2 = {name: code for code, name in lexicon.country_names.items()}
    rows = load(split)
    groups = {
        "acled_global": [r for r in rows if r["file"] == "global"],
        "acled_syria_battles": [r for r in rows if r["file"] == "syria"],
        "gtd": [r for r in rows if r["file"] == "gtd"],
    }
    for name, members in groups.items():
        random.Random(7).shuffle(members)
        groups[name] = members[:limit] if limit else members
    everything = [r for members in groups.values() for r in members]
    primaries, elapsed = TYPES.predict(everything, lexicon)  # fatalities: the note's toll
    predictions = [(p, p.fatalities if p else None) for p in primaries]
    results = [_score(r, p, lexicon, iso2) for r, p in zip(everything, predictions, strict=True)]
    report: dict = {"split": split, "notes_per_second": round(len(everything) / elapsed, 1)}
    done = 0
    for name, members in groups.items():
        report[name] = _section(members, results[done : done + len(members)])
        done += len(members)
    n_acled = len(groups["acled_global"]) + len(groups["acled_syria_battles"])
    report["acled_all"] = _section(everything[:n_acled], results[:n_acled])
    report["fatality_text_kinds"] = dict(Counter(stated(r["text"]) for r in everything))
    if dump is not None:
        with dump.open("w", encoding="utf-8") as handle:
            for row, res in zip(everything, results, strict=True):
                wrong = [k for k, v in res.items() if v is False]
                if wrong:
                    record = {k: str(v) if k == "date" else v for k, v in row.items()}
                    record.update({k: v for k, v in res.items() if k.startswith("pred_")})
                    record.update(wrong=wrong, stated=stated(row["text"]))
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return report


_E2E_FILES = {"global": "global_2020_04_05.csv", "syria": "syria_battles_2017_2020.csv"}
_E2E_FIELDS = (
    "actor1", "actor2", "inter1", "inter2", "interaction", "assoc_actor_1", "assoc_actor_2",
    "fatalities", "country", "sub_event_type",
)  # fmt: skip
_COUNTS = frozenset({"inter1", "inter2", "interaction", "fatalities"})


def _e2e_value(field: str, value) -> object:
    if field in _COUNTS:
        return int(value or 0)
    if field.startswith("assoc"):
        return _names(value)
    return value or None


def end_to_end(which: str, every: int) -> dict:
    """Exact rates of the first event's fields, per split, over one dev ACLED file."""
    from conflictcoder.evaluate import read_gold
    from conflictcoder.pipeline import analyse, load_resources
    from conflictcoder.settings import Settings

    path = train_types.DEV / "acled" / _E2E_FILES[which]
    raw = train_types._read(path)
    support = Counter(r["sub_event_type"] for r in raw)
    resources = load_resources(Settings())
    hits: dict[str, Counter] = {"train": Counter(), "test": Counter()}
    totals: Counter = Counter()
    for index, gold in enumerate(read_gold(path)):
        if index % every:
            continue
        row = raw[index]
        if which == "global":
            held = support[row["sub_event_type"]] < train_types.RARE
            held = held or train_types._bucket(row["event_id_cnty"]) == 0
        else:
            held = train_types._bucket(row["event_date"]) == 0
        split = "test" if held else "train"
        totals[split] += 1
        events = analyse(gold.article, resources).events
        first = events[0] if events else None
        for field in _E2E_FIELDS:
            want = _e2e_value(field, gold.values.get(field))
            got = _e2e_value(field, getattr(first, field) if first else None)
            hits[split][field] += want == got
    return {
        "file": which,
        "every": every,
        **{
            split: {"n": totals[split]}
            | {f: round(hits[split][f] / totals[split], 3) for f in _E2E_FIELDS}
            for split in ("train", "test")
            if totals[split]
        },
    }


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--e2e" in args:
        step = int(args[args.index("--every") + 1]) if "--every" in args else 1
        print(json.dumps(end_to_end(args[args.index("--e2e") + 1], step), indent=1))
        raise SystemExit(0)
    chosen = args[args.index("--split") + 1] if "--split" in args else "test"
    cap = int(args[args.index("--limit") + 1]) if "--limit" in args else None
    out = Path(args[args.index("--dump") + 1]) if "--dump" in args else None
    if out is not None and chosen != "train":
        raise SystemExit("--dump is for the train split only")
    print(json.dumps(main(chosen, cap, out), indent=1))
