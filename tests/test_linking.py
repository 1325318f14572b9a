"""The same-people rule: reports naming the same victims or suspects (linkident, linking)."""

from dataclasses import replace
from datetime import date

import pytest
from factories import SHOOTING, linkable

from conflictcoder import linkident, linking, linkterms
from conflictcoder.settings import Settings

SETTINGS = Settings()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Roe, 23, was shot on Elm Street.", {"jane roe"}),
        ("Jane Roe (23) was shot.", {"jane roe"}),
        ("Police identified the victim as Marcus Lee Brown. His mother wept.", {"marcus brown"}),
        ("On Monday Jane Roe was shot. Roe died at the hospital.", {"jane roe"}),
        ("Tom Cole was shot. Friends said Tom was kind.", {"tom cole"}),
        ("Tom Cole was shot. The Web and Tom matter.", set()),  # not used as a person
        ("Jane Roe was shot in her home.", set()),  # no cue
        ("Chief Mark Dane said. Dane asked for calm.", set()),  # an official
        ("He was killed in Baton Rouge. Rouge is a city.", set()),  # a place
        ("Call Metro Crime Stoppers. Stoppers pay.", set()),  # an organisation
        ("The San Diego Chargers won. The Chargers said Diego was happy.", set()),
        ("The man died on Martin Luther King Jr. Drive. King was a leader.", set()),
        ("John Smith Jr., 31, was charged.", {"john smith"}),
    ],
)
def test_participants_are_named_victims_and_suspects(text, expected):
    assert {name for _, _, name in linkident.participants(text)} == expected


def test_people_of_an_event_are_those_of_its_sentences():
    text = "Jane Roe, 23, was shot. Later that week Tom Cole, 40, was hurt elsewhere."
    found = linkident.participants(text)
    assert linkident.people(found, [(0, 23)]) == {"jane roe"}
    assert linkident.people(found) == {"jane roe", "tom cole"}
    assert linkident.index_terms({"jane roe"}) == ("person:jane roe",)


def _item(event, document, people=("jane roe",)):
    return linkable(event, document, people=people)


ARREST = {"event_date": date(2016, 5, 9), "date_source": "text", "doc_id": "b"}
FAR = {"latitude": 14.6, "longitude": 121.0, "location": "Manila", "admin1": "Metro Manila"}


@pytest.mark.parametrize(
    ("change", "people", "same", "why"),
    [
        (ARREST, ("jane roe",), True, "same people: jane roe; overrides: dates"),
        (ARREST, (), False, None),  # no shared name: a week apart is another shooting
        ({**ARREST, "event_date": date(2016, 7, 9)}, ("jane roe",), False, None),
        ({"doc_id": "b", "latitude": 41.5}, ("jane roe",), True, "overrides: places"),
        ({"doc_id": "b", **FAR, "country": "Philippines"}, ("jane roe",), False, None),
        # the arrest of the suspect, naming the victim: a follow-up of the shooting
        (
            {**ARREST, "event_type": "Strategic developments", "sub_event_type": "Arrests"},
            ("jane roe",),
            True,
            "same people: jane roe",
        ),
        (
            {**ARREST, "event_type": "Protests", "sub_event_type": "Peaceful protest"},
            ("jane roe",),
            False,
            None,
        ),
        (
            {**ARREST, "actor1": "Islamic State (Syria)", "actor2": "Military Forces of Syria"},
            ("jane roe",),
            False,
            None,
        ),
    ],
)
def test_same_people_link_follow_ups_and_misplaced_reports(change, people, same, why):
    a = _item(SHOOTING, 1)
    b = _item(replace(SHOOTING, **change), 2, people)
    result = linking.compare(a, b, SETTINGS)
    assert result.same is same
    assert linking.compare(b, a, SETTINGS).same is same
    if why:
        assert why in result.fields["people"][1]


def test_same_people_need_a_date_told_by_one_text():
    undated = replace(SHOOTING, date_source="publication", time_precision=2)
    a = _item(undated, 1)
    b = _item(replace(undated, doc_id="b", event_date=date(2016, 5, 9)), 2)
    assert not linking.compare(a, b, SETTINGS).same


@pytest.mark.parametrize(
    ("change", "terms", "kind", "compatible"),
    [
        # a later report in the same town, of the same kind, naming no armed actor, whose
        # words alone do not show it is a follow-up: other reports may join them
        ({"date_source": "discourse"}, ("x",), "later", True),
        # in another town: no
        ({"date_source": "discourse", "latitude": 40.5, "location": "Lima"}, ("x",), "date", False),
        # dated by the text to another day: no
        ({}, ("x",), "date", False),
    ],
)
def test_a_thin_later_report_may_sit_in_the_incident(change, terms, kind, compatible):
    a = replace(_item(SHOOTING, 1, people=()), terms=frozenset(("jane", "elm")))
    later = replace(SHOOTING, doc_id="b", event_date=date(2016, 5, 6), **change)
    b = replace(_item(later, 2, people=()), terms=frozenset(terms))
    result = linking.compare(a, b, SETTINGS)
    assert not result.same
    assert result.veto_kind == kind
    assert result.compatible(SETTINGS.link_floor, SETTINGS.link_story_floor) is compatible


@pytest.mark.parametrize(
    ("a", "b", "same_name"),
    [
        (("gweiran",), ("ghwayran",), True),
        (("al-hasakah",), ("hassakeh",), False),  # two consonants: too short to tell
        (("bara",), ("ftireh",), False),
        (("kafr", "khasher"), ("kalbein",), False),
        (("12",), ("12",), False),  # numbers are no names
    ],
)
def test_respelled_names_share_their_consonants(a, b, same_name):
    assert linkterms.respelled(a, b) is same_name


ARMED = {"actor1": "Military Forces of Syria (2000-)", "actor2": "Opposition Rebels (Syria)"}


@pytest.mark.parametrize(
    ("a_terms", "b_terms", "same"),
    [
        # each note names its own village, nothing but the date in common: two events
        (("bara", "11", "2020"), ("ftireh", "11", "2020"), False),
        # one village spelled two ways: one event
        (("gweiran", "2022"), ("ghwayran", "2022"), True),
        (("bara", "11"), ("bara", "11"), True),
    ],
)
def test_armed_groups_reports_naming_other_villages_differ(a_terms, b_terms, same):
    event = replace(SHOOTING, **ARMED, inter1=1, inter2=2)
    a = replace(_item(event, 1, people=()), terms=frozenset(a_terms))
    b = replace(_item(replace(event, doc_id="b"), 2, people=()), terms=frozenset(b_terms))
    assert linking.compare(a, b, SETTINGS).same is same


def test_a_name_of_several_words_counts_once():
    text = "Microsoft Internet Explorer has a flaw, Microsoft said. Windows users wait."
    terms = frozenset(("microsoft", "internet", "explorer", "windows"))
    groups = linkterms.phrases(text, [(0, len(text))], terms)
    assert groups == (("explorer", "internet", "microsoft"),)
    assert linkterms.distinct_names(sorted(terms), groups) == 2
    assert linkterms.distinct_names(sorted(terms), ()) == 4


@pytest.mark.parametrize(
    ("kind", "fields", "compatible"),
    [
        ("place", {"story": (0.5, "")}, True),
        ("place", {"story": (0.1, "")}, False),
        # two countries: a story alone does not keep reports in one incident
        ("country", {"story": (0.5, "")}, False),
        ("country", {"story": (0.5, ""), "people": (1.0, "")}, True),
        ("type", {"story": (0.9, ""), "people": (1.0, "")}, False),
    ],
)
def test_reports_vetoed_by_place_may_sit_in_one_incident(kind, fields, compatible):
    result = linking.Comparison(0.0, False, False, "veto", fields, kind)
    assert result.compatible(SETTINGS.link_floor, SETTINGS.link_story_floor) is compatible


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was shot in the 4100 block of West Potomac Avenue.", {"address:4100 potomac"}),
        ("Officers found him at 4132 W. Potomac Ave. on Friday.", {"address:4100 potomac"}),
        ("the 100 block of 12th St.", {"address:100 12th"}),
        ("He lived near 55th Street, 23 Years after.", set()),
        # a year, or a small count before an institution, is no street number
        ("A 2019 Supreme Court ruling said so.", set()),
        ("The 12 High Court judges met.", set()),
        ("Shots were fired at 210 Elm Court.", {"address:200 elm"}),
    ],
)
def test_addresses_are_blocks_and_street_numbers(text, expected):
    assert {key for _, _, key in linkident.addresses(text)} == expected


def test_same_address_links_reports_of_one_day_only():
    at = frozenset({"address:4100 potomac"})
    a = replace(_item(SHOOTING, 1, ()), people=at)
    far = replace(SHOOTING, doc_id="b", latitude=41.9, longitude=-87.7, location="Chicago")
    assert linking.compare(a, replace(_item(far, 2, ()), people=at), SETTINGS).same
    later = replace(far, event_date=date(2016, 5, 12))
    assert not linking.compare(a, replace(_item(later, 2, ()), people=at), SETTINGS).same
