"""ACLED's one event = one pair of actors, and reports worded alike but for a name
(linkfields.other_sides, linkterms.template_split)."""

from dataclasses import replace
from datetime import date

import pytest
from factories import linkable, prison_event

from conflictcoder import linkfields, linking, linkmerge, linkterms
from conflictcoder.settings import Settings

SETTINGS = Settings()

ARMY = "Military Forces of Syria (2000-)"
# A clash in Hama province between the army and the Islamic State.
CLASH = prison_event(
    doc_id="a",
    event_date=date(2019, 6, 6),
    actor1=ARMY,
    inter1=1,
    actor2="Islamic State (Syria)",
    interaction=12,
    admin1="Hama",
    admin2=None,
    location="Hama",
    latitude=35.13,
    longitude=36.75,
    geo_precision=2,
    fatalities=0,
    confidence=0.5,
    date_source="text",
)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # the army fought IS in one report, HTS in the other: two events
        ((ARMY, None, "Islamic State (Syria)"), (ARMY, None, "HTS: Hayat Tahrir al Sham"), True),
        # the sides written the other way round
        ((ARMY, None, "Islamic State (Syria)"), ("HTS: Hayat Tahrir al Sham", None, ARMY), True),
        # same pair, either way round
        ((ARMY, None, "Islamic State (Syria)"), ("Islamic State (Syria)", None, ARMY), False),
        # a side left unnamed or generic tells nothing
        ((ARMY, None, "Islamic State (Syria)"), (ARMY, None, None), False),
        (
            (ARMY, None, "Islamic State (Syria)"),
            (ARMY, None, "Unidentified Armed Group (Syria)"),
            False,
        ),
        # "rebels" may be any rebel group
        (
            (ARMY, None, "HTS: Hayat Tahrir al Sham"),
            (ARMY, None, "Opposition Rebels (Syria)"),
            False,
        ),
        # a unit of the army is the army; an associate named on one side is enough
        (
            ("Military Forces of Syria (2000-) Tiger Forces", None, "Islamic State (Syria)"),
            (ARMY, None, "Islamic State (Syria)"),
            False,
        ),
        (
            (ARMY, "Hezbollah", "Islamic State (Syria)"),
            ("Hezbollah", None, "Islamic State (Syria)"),
            False,
        ),
        # no group in common: nothing to line the sides up with
        (
            (ARMY, None, "Islamic State (Syria)"),
            ("QSD: Syrian Democratic Forces", None, None),
            False,
        ),
        # ACLED's "A and/or B" is either group
        (
            (ARMY, None, "Boko Haram - JAS"),
            (ARMY, None, "Islamic State (West Africa) and/or Boko Haram - JAS"),
            False,
        ),
        ((ARMY, None, "Boko Haram - JAS"), (ARMY, None, "Ansaru"), True),
    ],
)
def test_different_groups_on_one_side(a, b, expected):
    x = replace(CLASH, actor1=a[0], assoc_actor_1=a[1], actor2=a[2])
    y = replace(CLASH, doc_id="b", actor1=b[0], assoc_actor_1=b[1], actor2=b[2])
    assert (linkfields.other_sides(x, y) is not None) is expected
    assert (linkfields.other_sides(y, x) is not None) is expected
    if expected:
        with pytest.raises(linkfields.Veto, match="different groups on one side"):
            linkfields.actors(x, y)


def _report(document, event=CLASH, terms=("jbine",)):
    return linkable(event, document, key=f"{document}#1", terms=terms)


def test_reports_of_two_actor_pairs_are_two_events():
    a = _report(1)
    b = _report(2, replace(CLASH, doc_id="b", actor2="HTS: Hayat Tahrir al Sham"))
    result = linking.compare(a, b, SETTINGS)
    assert not result.same and result.veto_kind == "actors"
    same_pair = replace(b, event=replace(b.event, actor2=CLASH.actor2))
    assert linking.compare(a, same_pair, SETTINGS).same


@pytest.mark.parametrize(
    ("terms", "change", "same"),
    [
        ((), {}, False),  # both name the warring parties, nothing else ties them
        (("jarjnaz",), {}, True),  # a village both name
        (("jarjanaz",), {}, True),  # ... spelled another way
        ((), {"geo_precision": 1}, True),  # one town, both placed precisely
        ((), {"actor2": "Unidentified Armed Group (Syria)"}, True),  # an attack, not a war
    ],
)
def test_warring_parties_need_a_name_in_common(terms, change, same):
    event = replace(CLASH, **change)
    a = _report(1, event, ("jarjnaz",) if terms else ())
    b = _report(2, replace(event, doc_id="b"), terms)
    result = linking.compare(a, b, SETTINGS)
    assert result.same is same
    if not same:
        assert result.veto_kind == "names" and "no name in common" in (result.veto or "")


LEDE = (
    "On 23 December 2019, regime forces captured {} in Idleb following clashes with {}"
    " factions. Clashes were accompanied by shelling and airstrikes. Clashes, shelling and"
    " airstrikes in Jarjnaz, Haditha, Tell Mannas and other areas resulted in the killing of"
    " 4 fighters."
)


@pytest.mark.parametrize(
    ("a", "b", "split"),
    [
        # one note per village, worded alike but for the village, another word left out
        (
            LEDE.format("Jarjnaz", "rebel and Islamist"),
            LEDE.format("Al-Haditha", "Islamist"),
            ({"jarjnaz"}, {"al-haditha"}),
        ),
        # the same name written two ways, shortened or as initials: one event
        (LEDE.format("Jarjnaz", "HTS"), LEDE.format("Jarjanaz", "HTS"), None),
        (LEDE.format("Jarjnaz", "Hayat Tahrir Sham"), LEDE.format("Jarjnaz", "HTS"), None),
        (
            "Police said Jon Reyes, 23, was shot on Elm Street on Friday night.",
            "Police said Jonathan Reyes, 23, was shot on Elm Street on Friday night.",
            None,
        ),
    ],
)
def test_template_split_aligns_the_wordings(a, b, split):
    words = [linkterms.words(t, [(0, len(t))]) for t in (a, b)]
    found = linkterms.template_split(*words, SETTINGS.link_template_ratio)
    assert found == (None if split is None else tuple(frozenset(s) for s in split))


def test_template_split_reads_long_wordings_whole():
    # a name of one more word early on shifts every later word: still aligned
    tail = " Clashes went on in the area for the rest of the day." * 30
    a = "Clashes took place in the outskirts of Sweidan Jazira town." + tail
    b = "Clashes took place in Gharanij town." + tail
    words = [linkterms.words(t, [(0, len(t))]) for t in (a, b)]
    found = linkterms.template_split(*words, SETTINGS.link_template_ratio)
    assert found == (frozenset({"sweidan", "jazira"}), frozenset({"gharanij"}))


@pytest.mark.parametrize(
    ("by_people", "veto_kind", "groups"),
    [
        (True, "place", 1),  # the people tie the groups; the place of C was read wrong
        (False, "place", 2),  # complete linkage otherwise
        (True, "date", 2),  # the people tolerate no other veto
    ],
)
def test_groups_tied_by_people_tolerate_a_wrong_place(by_people, veto_kind, groups):
    items = [_report(i, replace(CLASH, doc_id=f"d{i}")) for i in (1, 2, 3)]
    decisions = {
        (1, 3): linking.Comparison(0.9, True, False),
        (1, 2): linking.Comparison(0.6, True, False, by_people=by_people),
        (2, 3): linking.Comparison(0.0, False, False, "far", {}, veto_kind),
    }

    def comparison(a, b):
        return decisions[(min(a.id, b.id), max(a.id, b.id))]

    found = linkmerge.cluster(items, comparison, SETTINGS.link_floor, SETTINGS.link_story_floor)
    assert len(found) == groups
