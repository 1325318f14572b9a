import math
from collections import Counter

import numpy as np
import pytest

from conflictcoder import actors, mentions, typing_model

MODEL = typing_model.model()
WEIGHTS = typing_model.bundled_arrays()["weights"].astype(np.float64)
LEXICON = actors.load_lexicon()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 9 May 2020, soldiers clashed with rebels. [size=no report]", "soldiers clashed"),
        ("01/05/2012: A bomb exploded in the market.", "a bomb exploded"),
        ("Clashes left 3 dead. Unknown fatalities coded as 10.", "clashes left 0 dead"),
    ],
)
def test_clean_strips_note_boilerplate(text, expected):
    words = typing_model.features(text)
    assert " ".join(w for w in words if " " not in w).startswith(expected)
    assert "coded" not in words and "size" not in words


def test_features_mask_numbers_and_months():
    words = typing_model.features("Around 20 January, 15 people were killed.")
    assert "0 people" in words and "<month>" in words


def test_model_classes_are_acled_sub_types():
    assert set(MODEL.classes) <= set(mentions.SUB_EVENT_TYPES)
    assert WEIGHTS.shape == (len(MODEL.index), len(MODEL.classes))


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "Regime forces recaptured the village from opposition fighters.",
            "Government regains territory",
        ),
        ("Warplanes bombed the town, killing four civilians.", "Air/drone strike"),
        (
            "Hundreds of workers protested outside the ministry over unpaid wages.",
            "Peaceful protest",
        ),
        ("Mortar shells hit a residential area of the city.", "Shelling/artillery/missile attack"),
        ("A roadside bomb exploded near a police patrol.", "Remote explosive/landmine/IED"),
    ],
)
def test_predicts_news_sentences(text, sub_event_type):
    label, probability = MODEL.best(text, mentions.signals(text, LEXICON))
    assert label == sub_event_type and 0 < probability <= 1


def test_probabilities_sum_to_one_and_unknown_text_is_empty():
    assert sum(MODEL.predict("Gunmen attacked a checkpoint.").values()) == pytest.approx(1.0)
    assert MODEL.predict("zzqx qqzx") == {} and MODEL.best("") is None


def test_scores_follow_the_sublinear_tfidf_formula():
    trained = typing_model.model()
    text = "Gunmen attacked the village and the gunmen killed two villagers in the village."
    counts = Counter(trained.index[f] for f in typing_model.features(text) if f in trained.index)
    assert max(counts.values()) > 1
    index = list(counts)
    values = np.array([1.0 + math.log(n) for n in counts.values()]) * trained.idf[index]
    values /= math.sqrt(float(values @ values))
    logits = values @ WEIGHTS[index] + trained.bias
    expected = np.exp(logits - logits.max())
    assert np.allclose(trained.scores(text), expected / expected.sum(), rtol=1e-12, atol=1e-15)
