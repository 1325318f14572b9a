"""Scoring of gazetteer candidates for a toponym: which "Tripoli" the article means.

``score`` adds up independent pieces of evidence for one candidate ``Place`` (higher is
better); ``places`` ranks a toponym's homonyms by it and keeps the best. The features and
their weights (tuned on the first half of the dev corpora, checked on the second half):

====================  ==========================================================  =========
feature               what it rewards                                             weight
====================  ==========================================================  =========
prominence            log10(population + 1)                                       0.45 ×
big place             population ≥ 300,000                                        +1.5
main name             the surface is the place's main name, not an alternate      +1.0
feature class         PPLC +1.5, PPLA +1.0, PPLA2 +0.5, ADM1 −0.5, ADM2 −1.5;     table
                      after "X province" ADM1 +4 (else −3), after "the town of
                      X" −3 for admin areas
state named bare      a province of 1,000,000+ people when no city of 100,000+   +1.5
                      bears the name ("Nevada", not Nevada, Iowa)
local news            per kind of US-only local word (``placegenre``, max 2),     +0.75
                      for the country's candidates
world city            a candidate of 500,000+ spelled as the name elsewhere: a     × 0.25
                      town under 300,000 with no province or place of the
                      article near keeps a quarter of its document-country terms
sentence countries    share of the *sentence's* country evidence that is the      +5 × share
                      candidate's country; a candidate outside every country the  −3
                      sentence names (and not a neighbour of one)
document countries    share of the document's country evidence                    +3 × share
                      candidate outside all of them (not a neighbour)             −2 (−1 if
                                                                                  neighbour)
evidence strength     country names 1.0, resolved admin areas/places 0.8,        (weights of
                      demonyms 0.25                                               the shares)
same admin1           an unambiguous place of the article is in the same admin1   +1.5
distance              nearest other resolved place < 100 km / < 400 km            +1.5 / +0.75
containment           "X, Province", "X in Province", "X (District, Province)":   +5 / −1
                      candidate inside the named area / not inside it
conflict prior        candidate in one of the 27 bundled conflict countries       +0.4
home province         share of the article's other names that could lie in the    +6 ×
                      candidate's province (``Home``: each name spreads one vote  share
                      over its candidates' provinces by prominence)
home country          the same, by country                                        +2 × share
loose match           matched only by consonant skeleton                          −1.5
====================  ==========================================================  =========

Continents, regions and seas (``placeregions``) score a flat 4: no country evidence bears on
them. The sentence term is what makes "in Yemen, an air strike hit Saada" pick Yemen's Saada
even when the article also talks about Mosul. The conflict prior only breaks ties
(Jericho in the West Bank over Jericho, New York, when nothing else is known).
"""

from __future__ import annotations

import difflib
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from conflictcoder.geometry import km
from conflictcoder.models import Place
from conflictcoder.placenames import keys
from conflictcoder.placeregions import REGION_CODES

# The countries whose full GeoNames dumps ship with the package (data/geonames/XX.zip).
CONFLICT_COUNTRIES = frozenset(
    "AF BF CD CF CM CO ET IL IQ LB LY ML MM MZ NE NG PH PK PS SD SO SS SY TD TR UA YE".split()
)

# Strength of one piece of country evidence, by how it was said.
EVIDENCE = {"name": 1.0, "alias": 1.0, "place": 0.8, "demonym": 0.25}

_FCODE_BONUS = {"PPLC": 1.5, "PPLA": 1.0, "PPLA2": 0.5, "PPLA3": 0.25, "ADM1": -0.5, "ADM2": -1.5}
_ADMIN_CODES = ("ADM1", "ADM2")
# The score of a continent, region or sea (which has no homonyms in the gazetteer): enough
# to be kept wherever the article is.
_REGION_SCORE = 4.0
# Places this populous (world cities, provinces) are what a bare name means unless the
# context clearly says otherwise: a bonus on top of the population term.
_BIG = 300_000
_BIG_BONUS = 1.5
# Alternate names of places this large say where the article is; of smaller ones, not.
KNOWN_ALTERNATE = 100_000
# A province this populous named bare is the province, not a homonym village ("Nevada",
# "Oregon"), unless a city of ``CITY`` people bears the name too ("Washington", "Alexandria").
_STATE = 1_000_000
CITY = 100_000
_STATE_BONUS = 1.5
# Weights of the article's home province and country (``Home``), per share of its names.
_HOME_PROVINCE = 6.0
# A candidate of this many people spelled as the name makes the name a world city's
# ("London", "Rome"): a small homonym elsewhere keeps only this share of what the article's
# country says for it, unless its province or places nearby are the article's (a home share
# of ``_LOCAL_HOME``, a place of the article within 100 km).
FAMOUS = 500_000
_WORLD_DAMP = 0.25
_LOCAL_HOME = 0.1
_HOME_COUNTRY = 2.0


@dataclass(frozen=True, slots=True)
class Cues:
    """What the text around a toponym says about it."""

    admin_cue: str | None = None  # "admin1" | "admin2": "X province", "the district of X"
    settlement_cue: bool = False  # "X village", "the town of X"
    loose: bool = False  # matched by consonant skeleton only
    no_city: bool = False  # no candidate is a town of ``CITY`` people or more
    famous: frozenset[str] = frozenset()  # countries of candidates of ``FAMOUS`` people


Region = tuple[str | None, str | None]  # (country, admin1)


class Home:
    """Where the article is, softly: each distinct name of the article spreads one vote over
    the provinces of its candidates, by their prior (prominence, feature, main name); names
    only small places bear weigh less (``_voice``). Local
    news names several places of its own province ("Alexandria", "Virginia", "Van Dorn"),
    so the province most names could be in is the article's home, and a bare homonym
    ("Gainesville", "Dublin") is read there, before any single place is resolved."""

    def __init__(self, names: list[tuple[str, tuple[tuple[Place, bool], ...], str | None]]):
        """``names``: per toponym of the text, its surface, candidates and, for a country
        name or demonym, the country's ISO code."""
        self._names = [fold_name(surface) for surface, _, _ in names]
        self._votes: dict[str, Counter[Region]] = {}
        self._weights: dict[str, float] = {}
        for key, (_, cands, iso2) in zip(self._names, names, strict=True):
            if key in self._votes:
                continue
            if iso2:
                self._votes[key], self._weights[key] = Counter({(iso2, None): 1.0}), 1.0
            elif cands and (weight := _voice(cands)) > 0:
                self._votes[key] = Counter({r: weight * v for r, v in _vote(cands).items()})
                self._weights[key] = weight
        self._shares: dict[str, tuple[dict[Region, float], dict[str, float]]] = {}  # by name
        self._total: Counter[Region] = Counter()
        for votes in self._votes.values():
            self._total.update(votes)

    def shares(self, skip: int) -> tuple[dict[Region, float], dict[str, float]]:
        """Province and country shares of the votes of the names other than hit ``skip``'s."""
        name = self._names[skip]
        if name not in self._shares:
            self._shares[name] = self._without(name)
        return self._shares[name]

    def _without(self, name: str) -> tuple[dict[Region, float], dict[str, float]]:
        own = self._votes.get(name, Counter())
        voters = sum(self._weights.values()) - self._weights.get(name, 0.0)
        if voters < 0.2:
            return {}, {}
        regions = {r: (v - own.get(r, 0.0)) / voters for r, v in self._total.items()}
        countries: Counter[str] = Counter()
        for (iso2, _), v in regions.items():
            if iso2:
                countries[iso2] += v
        return {r: v for r, v in regions.items() if r[1] and v > 0.01}, dict(countries)


def _voice(cands: tuple[tuple[Place, bool], ...]) -> float:
    """How much a name says about where the article is: little for names only small places
    bear ("Slaying", "Once"), none for names matching only small places' alternate names."""
    if all(p.feature_code == "ADM2" for p, _ in cands):
        return 1.0  # "Hall County": the states that have one (``placecounty``)
    top = max(p.population for p, _ in cands)
    if top < KNOWN_ALTERNATE and not any(main for _, main in cands):
        return 0.0
    return min(1.0, math.log10(top + 1) / 6) ** 2


def fold_name(surface: str) -> str:
    return surface.casefold().removeprefix("the ")


def _vote(cands: tuple[tuple[Place, bool], ...]) -> Counter[Region]:
    priors = [
        0.45 * math.log10(p.population + 1)
        + _FCODE_BONUS.get(p.feature_code or "", 0.0)
        + (1.0 if main else 0.0)
        for p, main in cands
        if p.country
    ]
    if not priors:
        return Counter()
    top = max(priors)
    weights = [math.exp(x - top) for x in priors]
    total = sum(weights)
    votes: Counter[Region] = Counter()
    for (p, _), w in zip((c for c in cands if c[0].country), weights, strict=True):
        votes[(p.country, p.admin1)] += w / total
    return votes


@dataclass(slots=True)
class Evidence:
    """Country evidence around a toponym and the article's confidently resolved places."""

    sentence: Counter[str] = field(default_factory=Counter)
    document: Counter[str] = field(default_factory=Counter)
    neighbours: frozenset[str] = frozenset()
    admin1s: frozenset[tuple[str | None, str | None]] = frozenset()
    others: tuple[Place, ...] = ()
    # ``Home.shares`` of the article's other names: per province, per country
    home: dict[Region, float] = field(default_factory=dict)
    home_countries: dict[str, float] = field(default_factory=dict)
    # ``placegenre.local_bonus``: country -> bonus from the article's local-news words
    genre: dict[str, float] = field(default_factory=dict)


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places."""
    return km(a.latitude, a.longitude, b.latitude, b.longitude)


def country_counts(items: Iterable[tuple[str | None, str]]) -> Counter[str]:
    """Weighted country evidence from ``(iso2, kind)`` pairs (kind: a key of ``EVIDENCE``)."""
    counts: Counter[str] = Counter()
    for iso2, kind in items:
        if iso2:
            counts[iso2] += EVIDENCE.get(kind, 0.8)
    return counts


def _feature_score(fcode: str, cues: Cues) -> float:
    if cues.admin_cue == "admin1":
        return {"ADM1": 4.0, "ADM2": 1.0}.get(fcode, -3.0)
    if cues.admin_cue == "admin2":
        return {"ADM2": 4.0, "ADM1": 1.0}.get(fcode, -2.0)
    if cues.settlement_cue:
        return -3.0 if fcode in _ADMIN_CODES else 0.5
    return _FCODE_BONUS.get(fcode, 0.0)


def _country_score(country: str, ev: Evidence, damp: float = 1.0) -> float:
    """Shares of the evidence, damped when the evidence is weak (a lone demonym); the
    document's share times ``damp`` (a world city bears the name)."""
    score = 0.0
    near = country in ev.neighbours
    total = sum(ev.sentence.values())
    if total:
        strength = min(1.0, total)
        share = ev.sentence.get(country, 0) / max(total, 1.0)
        score += 5.0 * share if share else (-0.5 if near else -1.5) * strength
    total = sum(ev.document.values())
    if total:
        strength = min(1.0, total)
        share = ev.document.get(country, 0) / max(total, 1.0)
        score += damp * (3.0 * share + strength) if share else (-0.5 if near else -1.0) * strength
    return score


def score(place: Place, main: bool, cues: Cues, ev: Evidence, contained: bool | None) -> float:
    """The candidate's score; ``contained`` says whether it lies in the named container
    (``None`` when the text names none)."""
    fcode = place.feature_code or "PPL"
    if fcode in REGION_CODES:  # a continent or sea: no country evidence bears on it
        return _REGION_SCORE + _feature_score(fcode, cues)
    total = 0.45 * math.log10(place.population + 1) + (1.0 if main else 0.0)
    if place.population >= _BIG:  # "Toronto" is not Toronto, Ohio, in a US paper
        total += _BIG_BONUS
    total += _feature_score(fcode, cues)
    if fcode == "ADM1" and place.population >= _STATE and cues.no_city and not cues.settlement_cue:
        total += _STATE_BONUS
    region = (place.country, place.admin1)
    home = ev.home.get(region, 0.0)
    near = min((distance_km(place, other) for other in ev.others), default=math.inf)
    # A world city bears the name ("London", "Rome"): the article's country alone does not
    # make it a small homonym there; its province or its places nearby may.
    damp = (
        _WORLD_DAMP
        if cues.famous
        and not cues.admin_cue
        and place.country not in cues.famous
        and place.population < _BIG
        and region not in ev.admin1s
        and home < _LOCAL_HOME
        and near >= 100
        else 1.0
    )
    total += _country_score(place.country or "", ev, damp)
    total += _HOME_PROVINCE * home
    total += damp * _HOME_COUNTRY * ev.home_countries.get(place.country or "", 0.0)
    if ev.genre:
        total += damp * ev.genre.get(place.country or "", 0.0)
    if region in ev.admin1s and fcode != "ADM1":
        total += 1.5
    total += 1.5 if near < 100 else 0.75 if near < 400 else 0.0
    if contained is not None:
        total += 5.0 if contained else -1.0
    if place.country in CONFLICT_COUNTRIES:
        total += 0.4
    if cues.loose:
        total -= 1.5
    return total


# Weight of the spelling likeness (difflib ratio of variant keys, 0..1) among loose candidates:
# of the villages sharing a consonant skeleton, the one spelled most alike ("Khalsa" is
# Khalasah, not Halisah), unless context says otherwise.
_SPELLING_WEIGHT = 2.0


def likeness(key: str) -> Callable[[Place], float]:
    """How alike a place's main name is spelled to the variant key ``key``: the difflib ratio
    of their variant keys, 0..1."""
    matcher = difflib.SequenceMatcher(b=key, autojunk=False)

    def ratio(place: Place) -> float:
        other = keys(place.name)
        if other is None:
            return 0.0
        matcher.set_seq1(other[0])
        return matcher.ratio()

    return ratio


def spelling(surface: str) -> Callable[[Place], float] | None:
    """Scores a loose candidate's main name by its likeness to the spelling ``surface``."""
    key = keys(surface)
    if key is None:
        return None
    ratio = likeness(key[0])
    return lambda place: _SPELLING_WEIGHT * ratio(place)
