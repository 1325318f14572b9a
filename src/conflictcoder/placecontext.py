"""What the rest of a document says about each of its place names, kept as running totals.

Resolving a toponym asks what the *other* names of the document say: the countries they
name or imply (country names, demonyms, resolved places, armed groups; weighted as in
``placerank.EVIDENCE``), in the document and in the toponym's sentence, and the places the
document is sure of. Recounting the whole document for each name made the places stage
quadratic in the number of names (a 200 KB report took minutes). ``Context`` keeps the totals
per document and per sentence as names are added or withdrawn, and answers each question by
taking the asking name's own share off the totals: the work per name does not grow with the
document. Evidence weights are multiples of 1/20 and are counted exactly, as whole twentieths.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType

from conflictcoder import placerank as rank
from conflictcoder.gazetteer import Gazetteer
from conflictcoder.models import Place

# Evidence weights are counted in twentieths (1.0, 0.8, 0.5 and 0.25 are 20, 16, 10 and 5).
_UNIT = 20
# Mentions that name a country outright: no evidence for reading that name as a place.
_NAMING = ("name", "alias")

Item = tuple[str, str]  # (iso2, kind) of a country named or implied


def _units(weight: float) -> int:
    units = round(weight * _UNIT)
    if abs(units - weight * _UNIT) > 1e-6:
        raise ValueError(f"evidence weight {weight} is not a multiple of 1/{_UNIT}")
    return units


_KIND_UNITS = {kind: _units(weight) for kind, weight in rank.EVIDENCE.items()}
_PLACE_UNITS = _KIND_UNITS["place"]


def _item_units(kind: str) -> int:
    return _KIND_UNITS.get(kind, _PLACE_UNITS)  # as placerank.country_counts: 0.8 by default


_EMPTY: Counter[str] = Counter()


def _floats(units: Counter[str]) -> Counter[str]:
    return Counter({iso2: n / _UNIT for iso2, n in units.items() if n > 0})


def _less(
    units: Counter[str], own: dict[str, int], more: Counter[str] | None = None
) -> Counter[str]:
    """``units`` less ``own`` and ``more``, as weights (only the countries left above 0)."""
    out: Counter[str] = Counter()
    for iso2, n in units.items():
        n -= own.get(iso2, 0) + (more.get(iso2, 0) if more else 0)
        if n > 0:
            out[iso2] = n / _UNIT
    return out


class Context:
    """Country mentions (hit index -> ``(iso2, kind)``), the confidently resolved places
    (hit index -> ``Place``) and armed groups of one document, with running totals."""

    def __init__(
        self,
        mentioned: Mapping[int, Item],
        sentence_of: list[int],
        gazetteer: Gazetteer,
        groups: tuple[tuple[int, str, float, bool], ...] = (),
        home: rank.Home | None = None,
        genre: Mapping[str, float] | None = None,
    ) -> None:
        self.sentence_of = sentence_of  # hit index -> sentence index
        self.gazetteer = gazetteer
        self.home = home  # the provinces the article's names point to
        self.genre = dict(genre or {})  # country -> bonus from local-news words
        self._mentioned: dict[int, Item] = {}
        self._anchors: dict[int, Place] = {}
        self._document: Counter[str] = Counter()  # iso2 -> twentieths, every source
        self._sentences: dict[int, Counter[str]] = {}  # sentence -> iso2 -> twentieths
        self._groups: Counter[str] = Counter()  # iso2 -> twentieths from armed groups
        # twentieths from common-noun cues ("the regime"), per document and per sentence
        self._cues: Counter[str] = Counter()
        self._sentence_cues: dict[int, Counter[str]] = {}
        self._naming: Counter[str] = Counter()  # iso2 -> twentieths of mentions naming it
        self._admin1s: Counter[tuple[str | None, str | None]] = Counter()  # of the anchors
        # geonameid -> the (hit index, Place) anchored there, in order; places without an id
        # of their own (areas the index gave no row) share the key None, the last one showing
        self._places: dict[int | None, list[tuple[int, Place]]] = {}
        for index, item in mentioned.items():
            self.mention(index, item)
        for sentence, iso2, weight, cue in groups:
            self._add(sentence, iso2, _units(weight))
            self._groups[iso2] += _units(weight)
            if cue:
                self._cues[iso2] += _units(weight)
                self._sentence_cues.setdefault(sentence, Counter())[iso2] += _units(weight)

    # -- updates

    def _add(self, sentence: int, iso2: str | None, units: int) -> None:
        if iso2:
            self._document[iso2] += units
            self._sentences.setdefault(sentence, Counter())[iso2] += units

    def mention(self, index: int, item: Item) -> None:
        """Hit ``index`` names or implies a country (replacing what it said before)."""
        self.unmention(index)
        self._mentioned[index] = item
        self._add(self.sentence_of[index], item[0], _item_units(item[1]))
        if item[0] and item[1] in _NAMING:
            self._naming[item[0]] += _item_units(item[1])

    def unmention(self, index: int) -> None:
        """Hit ``index`` is read as a place after all, not as its country."""
        item = self._mentioned.pop(index, None)
        if item is None:
            return
        self._add(self.sentence_of[index], item[0], -_item_units(item[1]))
        if item[0] and item[1] in _NAMING:
            self._naming[item[0]] -= _item_units(item[1])

    def anchor(self, index: int, place: Place) -> None:
        """Hit ``index`` is confidently ``place``."""
        if index in self._anchors:
            raise ValueError(f"hit {index} is anchored already")
        self._anchors[index] = place
        self._add(self.sentence_of[index], place.country, _PLACE_UNITS)
        self._admin1s[(place.country, place.admin1)] += 1
        self._places.setdefault(place.geonameid, []).append((index, place))

    # -- reading

    def mentions(self, index: int) -> bool:
        return index in self._mentioned

    @property
    def anchors(self) -> Mapping[int, Place]:
        return MappingProxyType(self._anchors)

    def _own(self, index: int) -> dict[str, int]:
        """The twentieths hit ``index`` itself adds (its mention and its anchor)."""
        own: dict[str, int] = {}
        item = self._mentioned.get(index)
        if item is not None and item[0]:
            own[item[0]] = _item_units(item[1])
        place = self._anchors.get(index)
        if place is not None and place.country:
            own[place.country] = own.get(place.country, 0) + _PLACE_UNITS
        return own

    def countries(self, skip: int, cues: bool = True) -> Counter[str]:
        """Country evidence of the document, without hit ``skip``'s own (-1: all of it);
        without the common-noun cues unless ``cues``."""
        return _less(self._document, self._own(skip), None if cues else self._cues)

    def sentence_countries(self, skip: int, cues: bool = True) -> Counter[str]:
        """Country evidence of hit ``skip``'s sentence, without its own."""
        sentence = self.sentence_of[skip]
        less = None if cues else self._sentence_cues.get(sentence)
        return _less(self._sentences.get(sentence, _EMPTY), self._own(skip), less)

    def other_countries(self, index: int, named: str) -> Counter[str]:
        """Country evidence of the other mentions and places, no armed groups, and none of
        the mentions naming country ``named`` (for reading hit ``index``, a country name,
        as a place): other mentions of the same name are no evidence for either reading."""
        units = Counter(self._document)
        units.subtract(self._groups)
        units[named] -= self._naming[named]
        item = self._mentioned.get(index)
        if item is not None and item[0] and not (item[0] == named and item[1] in _NAMING):
            units[item[0]] -= _item_units(item[1])
        place = self._anchors.get(index)
        if place is not None and place.country:
            units[place.country] -= _PLACE_UNITS
        return _floats(units)

    def other_admin1s(self, skip: int) -> frozenset[tuple[str | None, str | None]]:
        """The provinces of the anchored places other than hit ``skip``."""
        own = self._anchors.get(skip)
        key = (own.country, own.admin1) if own is not None else None
        return frozenset(k for k, n in self._admin1s.items() if n > (1 if k == key else 0))

    def other_places(self, skip: int) -> tuple[Place, ...]:
        """The anchored places other than hit ``skip``'s, each once: a name repeated all along
        a long text is one place to be near."""
        out = []
        for anchored in self._places.values():
            index, place = anchored[-1]
            if index == skip:
                if len(anchored) == 1:
                    continue
                place = anchored[-2][1]
            out.append(place)
        return tuple(out)

    def evidence(self, skip: int, cues: bool = True) -> rank.Evidence:
        """What the other names say about hit ``skip``; the common-noun cues ("the regime")
        only with ``cues``: they help choose among the homonyms of a name the text presents
        as a place, but make no bare word a place."""
        document = self.countries(skip, cues)
        neighbours = {n for iso2 in document for n in self.gazetteer.neighbours(iso2)}
        home, home_countries = self.home.shares(skip) if self.home else ({}, {})
        return rank.Evidence(
            sentence=self.sentence_countries(skip, cues),
            document=document,
            neighbours=frozenset(neighbours - set(document)),
            admin1s=self.other_admin1s(skip),
            others=self.other_places(skip),
            home=home,
            home_countries=home_countries,
            genre=self.genre,
        )
