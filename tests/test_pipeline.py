"""The seed article end to end: exactly its two events, each field with its evidence."""

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from factories import prison_event

import conflictcoder
from conflictcoder.errors import InputError
from conflictcoder.geometry import km
from conflictcoder.models import Analysis, Article, Span
from conflictcoder.pipeline import PIPELINE, Problem, analyse, pipeline_version, process
from conflictcoder.readers import article_from_text


@pytest.fixture(scope="module")
def seed(resources, seed_text):
    article = article_from_text(seed_text, "seed.txt", default_date=None)
    return analyse(article, resources)


def test_seed_has_exactly_two_events(seed):
    assert seed.article.published == date(2022, 1, 22)
    assert len(seed.events) == 2


def test_event_a_prison_battle(seed):
    a = seed.events[0]
    assert (a.event_date, a.time_precision) == (date(2022, 1, 20), 1)
    assert (a.event_type, a.sub_event_type) == ("Battles", "Armed clash")
    assert a.actor1 == "Islamic State (Syria)"
    assert a.actor2 == "QSD: Syrian Democratic Forces"
    assert (a.country, a.iso3) == ("Syria", "SYR")
    assert a.admin1 == "Al Hasakeh"  # ACLED's spelling of GeoNames' Al-Hasakah
    assert km(a.latitude, a.longitude, 36.4868, 40.7582) < 10
    assert a.geo_precision == 1
    assert a.fatalities == 12


def test_event_b_barracks_raid(seed):
    b = seed.events[1]
    assert (b.event_date, b.time_precision) == (date(2022, 1, 21), 1)
    assert (b.event_type, b.sub_event_type) == ("Battles", "Armed clash")
    assert b.actor1 in {"Unidentified Armed Group (Iraq)", "Islamic State (Iraq)"}
    assert b.actor2.startswith("Military Forces of Iraq")
    assert b.country == "Iraq"
    assert b.geo_precision in {2, 3}
    assert km(b.latitude, b.longitude, 33.34, 44.40) < 60  # coded to Baghdad
    assert b.fatalities == 11
    assert b.interaction == 13


@pytest.mark.parametrize(
    ("index", "field", "quote"),
    [
        (0, "event_date", "Thursday evening"),
        (0, "fatalities", "dozens"),
        (1, "event_date", "the same day"),
        (1, "location", "north of Baghdad"),
        (1, "fatalities", "11"),
    ],
)
def test_evidence_quotes(seed, index, field, quote):
    text = seed.article.text
    quotes = [text[s.start : s.end] for s in seed.events[index].evidence[field]]
    assert any(quote in q for q in quotes), quotes


def test_every_evidence_span_is_inside_the_text(seed):
    text = seed.article.text
    for event in seed.events:
        for field, spans in event.evidence.items():
            for span in spans:
                assert 0 <= span.start < span.end <= len(text), (field, span)
                assert text[span.start : span.end].strip(), (field, span)


def test_background_sentences_give_no_event(resources):
    article = Article(
        doc_id="bg",
        published=date(2022, 1, 22),
        text=(
            "The group has not carried out a major attack since the fall of its caliphate "
            "three years ago. Its sleeper cells have killed scores of people in past months."
        ),
    )
    assert analyse(article, resources).events == ()


def test_stages_fill_their_layers(seed):
    assert seed.sentences and seed.timexes and seed.places and seed.mentions
    assert len(PIPELINE) == 5


def test_process_turns_failures_into_problems(resources):
    good = Article(doc_id="ok", published=date(2022, 1, 22), text="Police arrested two men.")
    bad = InputError("broken.txt", "not UTF-8 text")
    results = list(process([bad, good], resources))
    assert results[0] == Problem(doc_id="broken.txt", stage="read", message="not UTF-8 text")
    assert isinstance(results[1], Analysis) and results[1].article.doc_id == "ok"


def test_pipeline_version_follows_the_actor_lexicon(resources, tmp_path):
    settings = resources.settings
    assert resources.version == pipeline_version(settings, resources.gazetteer)
    assert resources.version.startswith(f"conflictcoder {conflictcoder.__version__} ")
    lexicon = tmp_path / "actors.csv"
    bundled = Path(conflictcoder.__file__).parent / "data" / "actors.csv"
    lexicon.write_bytes(bundled.read_bytes())
    same = replace(settings, actors_path=lexicon)
    assert pipeline_version(same, resources.gazetteer) == resources.version
    lexicon.write_bytes(bundled.read_bytes() + b"\n")
    assert pipeline_version(same, resources.gazetteer) != resources.version


def _stage_with_events(*events):
    def broken_events(analysis, resources):
        return replace(analysis, events=events)

    return broken_events


@pytest.mark.parametrize(
    ("evidence", "doc_id", "problem"),
    [
        ({"actor1": (Span(0, 6),)}, "doc", None),
        ({"actor1": (Span(20, 99),)}, "doc", "evidence for actor1 [20, 99) is outside the text"),
        ({"notes": (Span(-1, 3),)}, "doc", "evidence for notes [-1, 3) is outside the text"),
        ({"location": (Span(5, 3),)}, "doc", "evidence for location [5, 3) is outside the text"),
        ({}, "other", "event belongs to another document (other)"),
    ],
)
def test_events_outside_their_text_fail_one_document(resources, evidence, doc_id, problem):
    """A stage bug that would make the store refuse the document (and stop an ingest) is
    this document's problem, reported like any other."""
    article = Article(doc_id="doc", published=date(2022, 1, 22), text="Gunmen attacked.")
    event = prison_event(doc_id=doc_id, evidence=evidence)
    stages = (*PIPELINE[:-1], _stage_with_events(event))
    [result] = list(process([article], resources, stages=stages))
    if problem is None:
        assert isinstance(result, Analysis)
    else:
        assert isinstance(result, Problem) and result.stage == "check"
        assert result.message.startswith(f"doc: check failed: {problem}")
