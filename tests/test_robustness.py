"""Awkward input through the whole pipeline: every span lies inside the text and quotes it,
missing values are None, and long documents are handled like short ones (no cost or result
that depends on how much text comes before a sentence)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from conflictcoder import export, sentences, timex
from conflictcoder.models import Analysis, Article
from conflictcoder.pipeline import analyse

DCT = date(2022, 1, 22)
NEWS = (
    "Gunmen attacked a police checkpoint in Baghdad on Monday, killing three officers, "
    "police said. Protesters gathered in Mosul on Sunday at 10 a.m. to demand jobs."
)


def _spans(analysis: Analysis):
    """(kind, start, end, quote or None) of every offset the analysis holds."""
    for s in analysis.sentences:
        yield "sentence", s.start, s.end, None
    for t in analysis.timexes:
        yield "timex", t.start, t.end, t.text
    for p in analysis.places:
        yield "place", p.start, p.end, p.text
    for m in analysis.mentions:
        yield "trigger", m.trigger.start, m.trigger.end, None
        for span in m.fatality_spans:
            yield "fatalities", span.start, span.end, None
    for event in analysis.events:
        for name, spans in event.evidence.items():
            for span in spans:
                yield f"evidence {name}", span.start, span.end, None


@pytest.mark.parametrize(
    "text",
    [
        NEWS,
        NEWS.replace(" ", "\u00a0"),  # non-breaking spaces
        NEWS.replace("Gunmen ", "Gunmen\u200b").replace("in Mosul", "in\u200b Mosul"),
        "🔥👨‍👩‍👧 " + NEWS + " 🔥",  # emoji, a joined family: several code points each
        "Café\u0301 İstanbul ﬁﬂ STRAẞE. " + NEWS,  # combining accent, case changes length
        "قتل ثلاثة من رجال الشرطة في بغداد يوم الاثنين. \u202e" + NEWS,  # RTL script and mark
        NEWS.replace(". ", ".\r\n\r\n"),
        NEWS.replace(". ", ".\u2028"),
        NEWS.replace("police said", "police\x00 said"),
        "\n\n\n   " + NEWS + "\n\n\n",
        "Gunmen killed ٣ people and ５ soldiers in Baghdad on Monday.",
        "Monday.",
        ".",
        "a",
    ],
)
def test_spans_lie_inside_the_text(resources, text):
    analysis = analyse(Article(doc_id="odd", text=text, published=DCT), resources)
    for kind, start, end, quote in _spans(analysis):
        assert 0 <= start < end <= len(text), (kind, start, end)
        if quote is not None:
            assert text[start:end] == quote, kind
    for event in analysis.events:
        record = export.event_record(event)
        assert "" not in record.values()
        assert all(value != "" for value in dataclasses.asdict(event).values())


@pytest.mark.parametrize(
    ("dct", "day"),
    [
        (date(1850, 1, 22), date(1850, 1, 21)),  # long before ACLED: still dated
        (date(2150, 1, 22), date(2150, 1, 19)),  # in the future: still dated
    ],
)
def test_far_publication_dates(resources, dct, day):
    text = "Gunmen attacked a police checkpoint in Baghdad on Monday, killing three officers."
    analysis = analyse(Article(doc_id="far", text=text, published=dct), resources)
    assert [e.event_date for e in analysis.events] == [day]


def _paragraphs(n: int) -> str:
    return "\n\n".join(NEWS for _ in range(n))


@pytest.mark.parametrize("n", [1, 40, 400])
def test_sentences_of_a_long_text_repeat_those_of_one_paragraph(n):
    one = [(s.start, s.end) for s in sentences.split(NEWS)]
    text = _paragraphs(n)
    step = len(NEWS) + 2
    found = [(s.start, s.end) for s in sentences.split(text)]
    assert found == [(a + i * step, b + i * step) for i in range(n) for a, b in one]


@pytest.mark.parametrize(
    ("text", "splits"),
    [
        ("He met Gen. Smith. Then he left.", 1),  # an abbreviation near the sentence end
        ("x" * 100 + " Gen. Smith left. Then he came back.", 1),
        ("x" * 100 + "Gen. Smith left.", 1),  # a long word ending in "Gen" is no title
        ("George W. Bush spoke. Then he left.", 1),
    ],
)
def test_abbreviations_after_a_long_prefix(text, splits):
    assert len(sentences.split(text)) == splits + 1


@pytest.mark.parametrize("n", [1, 30, 300])
def test_timexes_of_a_long_text_repeat_those_of_one_paragraph(n):
    """Clock times take the date of their own paragraph however much text precedes them."""
    one = [(t.start, t.end, t.value) for t in timex.tag(NEWS, DCT)]
    assert ("10 a.m." in NEWS) and any(v and "T10:00" in v for _, _, v in one)
    step = len(NEWS) + 2
    found = [(t.start, t.end, t.value) for t in timex.tag(_paragraphs(n), DCT)]
    assert found == [(a + i * step, b + i * step, v) for i in range(n) for a, b, v in one]


def test_a_long_article_gives_each_paragraph_its_events(resources):
    one = analyse(Article(doc_id="one", text=NEWS, published=DCT), resources).events
    many = analyse(Article(doc_id="many", text=_paragraphs(60), published=DCT), resources)
    key = [(e.event_type, e.event_date, e.location) for e in one]
    assert key  # the paragraph reports events
    # the same events, told again and again, stay the same events
    assert sorted({(e.event_type, e.event_date, e.location) for e in many.events}) == sorted(
        set(key)
    )
    for _, start, end, _ in _spans(many):
        assert 0 <= start < end <= len(many.article.text)
