"""Lists of villages: the places a text lists together lie together.

Reports of fighting list the villages of one front ("clashes in Jbine, Tal Milh, Hamamiyat
and Jalma"). Each village name alone has homonyms in several provinces and countries, and
villages carry no population to rank them by. The province (or, failing that, the country)
where most of the listed names have a candidate is where the list is: each small-place name
of the list keeps only its candidates there. Names that a town or city bears are left alone
("Paris, London and Berlin" share no province worth trusting).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable

from conflictcoder.models import Place
from conflictcoder.placehit import Hit

# Names a list may hold that the index did not match: "Jbine, [Tal] Milh, Hamamiyat".
_GAP_WORD = re.compile(r"^(?:[A-Z][\w'’-]*|al|el|ad|ash|az|an|ar|at|and|or|the)$")
_MAX_GAP = 60
# A name some candidate of which has this many people is a town's, not only a village's.
_TOWN = 10_000
# The list's province or country must hold a candidate of at least this many names.
_MIN_NAMES = 2

Region = Hashable


def _linked(gap: str) -> bool:
    """Only list separators and unmatched names between two hits."""
    if len(gap) > _MAX_GAP or not ("," in gap or " and " in gap or " or " in gap):
        return False
    return all(_GAP_WORD.match(word) for word in gap.replace(",", " ").split())


def _runs(text: str, hits: list[Hit]) -> list[list[Hit]]:
    runs: list[list[Hit]] = []
    for hit in hits:
        prev = runs[-1][-1] if runs else None
        if prev is not None and _linked(text[prev.end : hit.start]):
            runs[-1].append(hit)
        else:
            runs.append([hit])
    return [run for run in runs if len(run) >= 3]


def _winner(names: list[tuple[tuple[Place, bool], ...]], key: Callable[[Place], Region]):
    votes: Counter[Region] = Counter()
    for cands in names:
        votes.update({key(p) for p, _ in cands})
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < _MIN_NAMES:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]


def cohere_lists(text: str, hits: list[Hit]) -> None:
    """Restrict the candidates of the small-place names of each list of three or more places
    to the province, or else the country, most of the list's names could lie in."""
    for run in _runs(text, hits):
        if any(h.country for h in run):
            continue  # "Syria, Iraq and Turkey": countries, said plainly
        seen: dict[str, tuple[tuple[Place, bool], ...]] = {}
        for hit in run:
            if hit.cands:
                seen.setdefault(hit.surface.casefold(), hit.cands)
        names = list(seen.values())

        def province(p: Place) -> Region:
            return (p.country, p.admin1)

        def country(p: Place) -> Region:
            return p.country

        for key in (province, country):
            region = _winner(names, key)
            if region is None:
                continue
            for hit in run:
                if not hit.cands or any(p.population >= _TOWN for p, _ in hit.cands):
                    continue
                inside = tuple((p, m) for p, m in hit.cands if key(p) == region)
                if inside:
                    hit.cands = inside
            break
