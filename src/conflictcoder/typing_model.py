"""A learned sub-event-type classifier: TF-IDF word n-grams and a linear model, numpy only.

``scripts/train_types.py`` fits a class-balanced logistic regression (scikit-learn, at
training time only) on ACLED notes and GTD summaries mapped to ACLED's types, and exports
the vocabulary, idf weights and coefficients to ``data/type_model.npz`` (no pickle). Here
the same ``features`` function turns a sentence into lower-cased unigrams and bigrams with
numbers and month names masked and ACLED note boilerplate ("On 9 May 2020,", "[size=...]",
"fatalities coded as 10") stripped, and ``predict`` scores them.

Besides the words, the model reads ``signals`` (``typing_rules.signals``): the type the rule
cues chose, the inter codes of the actors named, the doer's, deaths reported, so it learns
where the rules go wrong. The model is loaded once, lazily (``model()``); ``typing_rules``
combines its prediction with the explicit cues and ACLED's structural rules.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

MODEL_FILE = "type_model.npz"
_MAX, _SUM = np.maximum.reduce, np.add.reduce  # ndarray.max/sum without their wrappers

_LEAD = re.compile(
    r"^\s*(?:on|around|between|during|since|as\s+of|from|overnight|in|by|over)\b[^,.]{0,60}?"
    r"\b(?:19|20)\d\d\b[^,]{0,25},\s*",
    re.IGNORECASE,
)
_GTD_LEAD = re.compile(r"^\s*\d{1,2}/\d{1,2}/\d{4}:\s*")
_BOILERPLATE = re.compile(
    r"\[[^\]]{0,200}\]|(?:unknown\s+|number\s+of\s+)?fatalities\s+(?:were\s+|are\s+)?coded\s+as"
    r"\s+\d+\.?|fatalities\s+unknown\.?",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[a-z](?:[a-z'’-]*[a-z])?|\d+(?:[.,:]\d+)*")
_MONTHS = frozenset(
    "january february march april june july august september october november december".split()
)


def clean(text: str) -> str:
    """The text without ACLED/GTD note boilerplate (date leads, bracketed tags, coding notes)."""
    for lead in (_GTD_LEAD, _LEAD):
        match = lead.match(text)
        if match is not None:
            text = text[match.end() :]
    if "[" in text or "atalit" in text:
        text = _BOILERPLATE.sub(" ", text)
    return text


_MASKED = dict.fromkeys(_MONTHS, "<month>")


def features(text: str, signals: tuple[str, ...] = ()) -> list[str]:
    """Lower-cased unigrams and bigrams, digits as ``0``, month names as ``<month>``, then
    ``signals`` (``typing_rules.signals``: what the rules and the actors say, as tokens)."""
    mask = _MASKED.get
    words = [mask(t, t) if t[0] > "9" else "0" for t in _TOKEN.findall(clean(text).lower())]
    return [*words, *map(" ".join, zip(words, words[1:], strict=False)), *signals]


@dataclass(frozen=True, slots=True)
class TypeModel:
    """Vocabulary, idf, the linear model's biases and ``scaled``: its weights (features x
    classes) with each row times its idf (one product less per call)."""

    classes: tuple[str, ...]
    index: dict[str, int]
    idf: np.ndarray
    bias: np.ndarray
    scaled: np.ndarray

    def logits(self, text: str, signals: tuple[str, ...] = ()) -> np.ndarray | None:
        """The linear model's scores for ``text`` (None: no known feature): sublinear tf
        times idf, L2-normalised, times the weights, plus the biases."""
        get = self.index.get
        columns = [c for c in map(get, features(text, signals)) if c is not None]
        if not columns:
            return None
        counts = dict.fromkeys(columns, 0)
        for column in columns:
            counts[column] += 1
        index = np.fromiter(counts, np.intp, len(counts))
        if len(counts) == len(columns):
            summed = _SUM(self.scaled.take(index, axis=0))
            idf = self.idf.take(index)
        else:  # a repeated feature: its tf is 1 + log(n), not n
            tf = np.log(np.fromiter(counts.values(), np.float64, len(counts))) + 1.0
            summed = tf @ self.scaled.take(index, axis=0)
            idf = self.idf.take(index) * tf
        return summed / math.sqrt(float(idf @ idf)) + self.bias

    def scores(self, text: str, signals: tuple[str, ...] = ()) -> np.ndarray | None:
        """Class probabilities for ``text`` in ``classes`` order (None: no known feature)."""
        logits = self.logits(text, signals)
        return None if logits is None else self.softmax(logits)

    @staticmethod
    def softmax(logits: np.ndarray) -> np.ndarray:
        """Class probabilities from ``logits``."""
        exp = np.exp(logits - _MAX(logits))
        return exp / _SUM(exp)

    def predict(self, text: str, signals: tuple[str, ...] = ()) -> dict[str, float]:
        """Probability of each sub-event type for ``text`` (empty when no feature is known)."""
        probabilities = self.scores(text, signals)
        if probabilities is None:
            return {}
        return dict(zip(self.classes, probabilities.tolist(), strict=True))

    def best(self, text: str, signals: tuple[str, ...] = ()) -> tuple[str, float] | None:
        """The most probable sub-event type and its probability, or None."""
        logits = self.logits(text, signals)
        return None if logits is None else self.best_of(logits)

    def best_of(self, logits: np.ndarray) -> tuple[str, float]:
        """The most probable sub-event type and its probability, from ``logits``."""
        scores = logits.tolist()  # 25 numbers: plain floats are faster than numpy here
        most = max(scores)
        exp = math.exp
        return self.classes[scores.index(most)], 1.0 / sum([exp(x - most) for x in scores])


def from_arrays(arrays: dict[str, np.ndarray]) -> TypeModel:
    vocabulary = arrays["vocabulary"].tolist()
    idf = arrays["idf"].astype(np.float64)
    return TypeModel(
        classes=tuple(arrays["classes"].tolist()),
        index={word: i for i, word in enumerate(vocabulary)},
        idf=idf,
        bias=arrays["bias"].astype(np.float64),
        scaled=arrays["weights"].astype(np.float64) * idf[:, None],
    )


def bundled_arrays() -> dict[str, np.ndarray]:
    """The arrays of the bundled model file (vocabulary, idf, weights, bias, classes)."""
    with resources.files("conflictcoder.data").joinpath(MODEL_FILE).open("rb") as handle:
        with np.load(handle, allow_pickle=False) as arrays:
            return {name: arrays[name] for name in arrays.files}


@cache
def model() -> TypeModel:
    """The bundled model, loaded on first use."""
    return from_arrays(bundled_arrays())
