"""The running country totals of ``placecontext.Context`` against a plain recount, and the
work of the places stage on long documents (fixture: tests/fixtures/geonames_mini.txt)."""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

import pytest

from conflictcoder import gazetteer, placecontext, placerank, places
from conflictcoder.models import Place
from conflictcoder.sentences import split


@pytest.fixture(scope="module")
def gaz(fixture_gazetteer) -> gazetteer.Gazetteer:
    return fixture_gazetteer("geonames_mini.txt")


def _place(gid: int | None, country: str, admin1: str) -> Place:
    return Place(
        geonameid=gid,
        name=f"P{gid}",
        latitude=30.0 + (gid or 0) / 100,
        longitude=40.0,
        feature_code="PPL",
        country=country,
        admin1=admin1,
    )


class _Recount:
    """The totals recounted from scratch, as the places stage did before ``Context``."""

    def __init__(self, sentence_of: list[int], groups: tuple) -> None:
        self.sentence_of = sentence_of
        self.groups = groups
        self.mentioned: dict[int, tuple[str, str]] = {}
        self.anchors: dict[int, Place] = {}

    def _items(self, skip: int, sentence: int | None) -> list[tuple[str | None, str]]:
        def keep(i: int) -> bool:
            return i != skip and (sentence is None or self.sentence_of[i] == sentence)

        items = [(iso2, kind) for i, (iso2, kind) in self.mentioned.items() if keep(i)]
        items += [(p.country, "place") for i, p in self.anchors.items() if keep(i)]
        return items

    def counts(self, skip: int, sentence: int | None, cues: bool = True) -> Counter[str]:
        counts = placerank.country_counts(self._items(skip, sentence))
        for s, iso2, weight, cue in self.groups:
            if (sentence is None or s == sentence) and (cues or not cue):
                counts[iso2] += weight
        return counts

    def other_countries(self, index: int, named: str) -> Counter[str]:
        items = [
            (iso2, kind)
            for i, (iso2, kind) in self.mentioned.items()
            if i != index and (iso2 != named or kind not in ("name", "alias"))
        ]
        items += [(p.country, "place") for i, p in self.anchors.items() if i != index]
        return placerank.country_counts(items)

    def other_places(self, skip: int) -> tuple[Place, ...]:
        return tuple({p.geonameid: p for i, p in self.anchors.items() if i != skip}.values())


def _same(got: Counter[str], want: Counter[str]) -> bool:
    want = Counter({k: v for k, v in want.items() if abs(v) > 1e-9})
    return set(got) == set(want) and all(got[k] == pytest.approx(want[k]) for k in want)


@pytest.mark.parametrize("seed", range(5))
def test_context_agrees_with_a_recount(gaz: gazetteer.Gazetteer, seed: int) -> None:
    rng = random.Random(seed)
    n = 40
    sentence_of = sorted(rng.randrange(6) for _ in range(n))
    groups = tuple(
        (
            rng.randrange(6),
            rng.choice("SY IQ TR".split()),
            rng.choice((0.5, 0.25)),
            rng.random() < 0.5,
        )
        for _ in range(4)
    )
    kinds = ("name", "alias", "place", "demonym")
    countries = ("SY", "IQ", "TR", "")
    mentioned = {i: (rng.choice(countries), rng.choice(kinds)) for i in range(0, n, 3)}
    ctx = placecontext.Context(mentioned, sentence_of, gaz, groups)
    ref = _Recount(sentence_of, groups)
    ref.mentioned.update(mentioned)
    for _ in range(60):
        op = rng.random()
        i = rng.randrange(n)
        if op < 0.3:
            item = (rng.choice(countries), rng.choice(kinds))
            ctx.mention(i, item)
            ref.mentioned[i] = item
        elif op < 0.45:
            ctx.unmention(i)
            ref.mentioned.pop(i, None)
        elif i not in ref.anchors:
            # places without an id of their own share the key None, as in the index
            gid = rng.choice((None, 1, 2, 3, 4))
            place = _place(gid, rng.choice(countries[:3]), rng.choice("ABC"))
            ctx.anchor(i, place)
            ref.anchors[i] = place
        for skip in (-1, *rng.sample(range(n), 5)):
            cues = rng.random() < 0.5
            assert _same(ctx.countries(skip, cues), ref.counts(skip, None, cues))
            if skip >= 0:
                sentence = sentence_of[skip]
                assert _same(ctx.sentence_countries(skip, cues), ref.counts(skip, sentence, cues))
                named = rng.choice(countries[:3])
                assert _same(ctx.other_countries(skip, named), ref.other_countries(skip, named))
                admin1s = {(p.country, p.admin1) for j, p in ref.anchors.items() if j != skip}
                assert ctx.other_admin1s(skip) == admin1s
                # the same places (their order does not matter: only the nearest is used)
                assert Counter(ctx.other_places(skip)) == Counter(ref.other_places(skip))
                assert ctx.mentions(skip) == (skip in ref.mentioned)


def test_an_anchor_is_set_once(gaz: gazetteer.Gazetteer) -> None:
    ctx = placecontext.Context({}, [0, 0], gaz)
    ctx.anchor(0, _place(1, "SY", "A"))
    with pytest.raises(ValueError):
        ctx.anchor(0, _place(2, "SY", "A"))


_SENTENCE = "Gunmen attacked a checkpoint in Saraqib in Idlib, Syria, near Aleppo. "


def _lines_run(text: str, gaz: gazetteer.Gazetteer) -> tuple[int, int]:
    """Mentions found in ``text`` and the lines of conflictcoder code run to find them."""
    package = str(Path(places.__file__).parent)
    lines = 0

    def local(frame, event, arg):  # noqa: ANN001, ANN202 - sys.settrace protocol
        nonlocal lines
        if event == "line":
            lines += 1
        return local

    def calls(frame, event, arg):  # noqa: ANN001, ANN202
        return local if frame.f_code.co_filename.startswith(package) else None

    sentences = split(text)
    places.find(_SENTENCE, split(_SENTENCE), gaz)  # warm the caches and the lexicon
    sys.settrace(calls)
    try:
        found = places.find(text, sentences, gaz)
    finally:
        sys.settrace(None)
    return len(found), lines


def test_long_documents_take_linear_work(gaz: gazetteer.Gazetteer) -> None:
    """Four times the names, about four times the work (it was quadratic: each name
    recounted the country evidence of every other)."""
    one = places.find(_SENTENCE, split(_SENTENCE), gaz)
    found_small, small = _lines_run(_SENTENCE * 25, gaz)
    found_large, large = _lines_run(_SENTENCE * 100, gaz)
    assert found_small == 25 * len(one) and found_large == 100 * len(one)
    assert large < 4.5 * small


def test_a_long_document_resolves_each_repetition_alike(gaz: gazetteer.Gazetteer) -> None:
    one = places.find(_SENTENCE, split(_SENTENCE), gaz)
    text = _SENTENCE * 400
    found = places.find(text, split(text), gaz)
    assert len(found) == 400 * len(one)
    width = len(_SENTENCE)
    for k, mention in enumerate(found):
        first = one[k % len(one)]
        assert mention.start - first.start == width * (k // len(one))
        assert mention.place == first.place and mention.kind == first.kind
