"""A learned sub-event-type classifier: TF-IDF word n-grams and a linear model, numpy only.

``scripts/train_types.py`` fits a class-balanced logistic regression (scikit-learn, at
training time only) on ACLED notes and GTD summaries mapped to ACLED's types, and exports
the vocabulary, idf weights and coefficients to ``data/type_model.npz`` (no pickle). Here
the same ``features`` function turns a sentence into lower-cased unigrams and bigrams with
numbers and month names masked and ACLED note boilerplate ("On 9 May 2020,", "[size=...]",
"fatalities coded as 10") stripped, and ``predict`` scores them.

The model is loaded once, lazily (``model()``); ``mentions`` combines its prediction with
the rule cues and ACLED's structural rules.
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


def features(text: str) -> list[str]:
    """Lower-cased unigrams and bigrams, digits as ``0``, month names as ``<month>``."""
    words = []
    for token in _TOKEN.findall(clean(text).lower()):
        if token[0].isdigit():
            token = "0"
        elif token in _MONTHS:
            token = "<month>"
        words.append(token)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


@dataclass(frozen=True, slots=True)
class TypeModel:
    """Vocabulary, idf and the linear model's weights (features x classes) and biases."""

    classes: tuple[str, ...]
    index: dict[str, int]
    idf: np.ndarray
    weights: np.ndarray
    bias: np.ndarray

    def scores(self, text: str) -> np.ndarray | None:
        """Class probabilities for ``text`` in ``classes`` order (None: no known feature)."""
        counts: dict[int, int] = {}
        seen = 0
        for column in map(self.index.get, features(text)):
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
                seen += 1
        if not seen:
            return None
        index = np.fromiter(counts, np.intp, len(counts))
        values = self.idf[index]
        if seen > len(counts):  # a repeated feature: sublinear tf (else every tf is 1)
            values *= np.array([1.0 + math.log(n) if n > 1 else 1.0 for n in counts.values()])
        values /= math.sqrt(float(values @ values))
        logits = values @ self.weights.take(index, axis=0) + self.bias
        exp = np.exp(logits - _MAX(logits))
        return exp / _SUM(exp)

    def predict(self, text: str) -> dict[str, float]:
        """Probability of each sub-event type for ``text`` (empty when no feature is known)."""
        probabilities = self.scores(text)
        if probabilities is None:
            return {}
        return dict(zip(self.classes, probabilities.tolist(), strict=True))

    def best(self, text: str) -> tuple[str, float] | None:
        """The most probable sub-event type and its probability, or None."""
        probabilities = self.scores(text)
        if probabilities is None:
            return None
        top = int(probabilities.argmax())
        return self.classes[top], float(probabilities[top])


def from_arrays(arrays: dict[str, np.ndarray]) -> TypeModel:
    vocabulary = arrays["vocabulary"].tolist()
    return TypeModel(
        classes=tuple(arrays["classes"].tolist()),
        index={word: i for i, word in enumerate(vocabulary)},
        idf=arrays["idf"].astype(np.float64),
        weights=arrays["weights"].astype(np.float64),
        bias=arrays["bias"].astype(np.float64),
    )


@cache
def model() -> TypeModel:
    """The bundled model, loaded on first use."""
    with resources.files("conflictcoder.data").joinpath(MODEL_FILE).open("rb") as handle:
        with np.load(handle, allow_pickle=False) as arrays:
            return from_arrays({name: arrays[name] for name in arrays.files})
