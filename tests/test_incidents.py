import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from factories import linkable, prison_event

from conflictcoder import (
    incident_export,
    incidents,
    linking,
    linkmerge,
    linkterms,
    migrations,
    store,
)
from conflictcoder.linkmerge import TollReport
from conflictcoder.models import Article, Span
from conflictcoder.settings import Settings

NOW = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
SETTINGS = Settings()
SEED = Path(__file__).parent / "fixtures" / "seed.txt"

PRISON = (
    "Islamic State fighters attacked Gweiran prison in Hasakah on Thursday, "
    "clashing with the Syrian Democratic Forces; 12 were killed."
)


def _event(doc_id="ap-1", **changes):
    evidence = {"actor1": (Span(0, 14),), "fatalities": (Span(110, 112),)}
    return prison_event(doc_id=doc_id, **{"evidence": evidence, **changes})


def _linkable(event, document=1, terms=("gweiran", "hasakah", "12"), key=None):
    return linkable(event, document, key=key, terms=terms)


def _compare(a, b, settings=SETTINGS):
    return linking.compare(_linkable(a, 1), _linkable(b, 2), settings)


@pytest.mark.parametrize(
    ("change", "same", "veto"),
    [
        ({}, True, None),
        ({"latitude": 36.55, "location": "Tell Baydar"}, True, None),
        ({"country": "Iraq"}, False, "different countries"),
        ({"latitude": 37.5}, False, "km apart"),
        ({"event_date": date(2022, 1, 23)}, False, "days apart"),
        ({"event_type": "Protests", "sub_event_type": "Peaceful protest"}, False, "incompatible"),
        (
            {"actor1": "Military Forces of Turkey", "actor2": "Opposition Rebels", "inter1": 8},
            False,
            "different actors",
        ),
    ],
)
def test_compare_decisions(change, same, veto):
    result = _compare(_event(), _event(doc_id="reuters-1", **change))
    assert result.same is same
    if veto:
        assert veto in (result.veto or "")
    else:
        assert result.veto is None
        assert set(result.fields) >= {"date", "place", "type", "actors", "content"}


def test_compare_is_symmetric_and_explained():
    a = _event()
    b = _event(
        doc_id="afp", latitude=36.6, geo_precision=2, event_type="Explosions/Remote violence"
    )
    forward, backward = _compare(a, b), _compare(b, a)
    assert forward.score == backward.score
    assert forward.fields["type"][1].startswith("compatible types")
    detail = forward.detail()
    assert detail["place"]["agreement"] == forward.fields["place"][0]


def test_same_document_never_same_event():
    event = _event()
    result = linking.compare(_linkable(event, 1), _linkable(event, 1), SETTINGS)
    assert result.score > SETTINGS.link_threshold
    assert not result.same


def test_next_day_is_a_chain_not_the_same_event():
    result = _compare(_event(), _event(doc_id="ap-2", event_date=date(2022, 1, 21)))
    assert (result.same, result.chain) == (False, True)


@pytest.mark.parametrize(
    ("precision", "gap"),
    [(1, 3), (2, 0), (3, 0)],
)
def test_imprecise_dates_are_intervals(precision, gap):
    a = _event(event_date=date(2022, 1, 20))
    b = _event(event_date=date(2022, 1, 23), time_precision=precision)
    assert linking.day_gap(a, b, SETTINGS) == gap


def test_geo_precision_widens_the_distance_tolerance():
    far = {"latitude": 36.5024 + 0.3, "location": None}  # about 33 km north
    assert _compare(_event(), _event(doc_id="b", **far)).veto
    result = _compare(_event(), _event(doc_id="b", geo_precision=3, **far))
    assert result.veto is None


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        ([], 0),
        ([("AP", 22, 12, True), ("AP", 24, 100, True), ("SOHR", 23, 28, True)], 28),
        ([("AP", 22, 12, True), ("Reuters", 23, 0, False)], 12),
        ([("AP", 22, 0, True), ("Reuters", 23, 5, True)], 0),
    ],
)
def test_conservative_toll(reports, expected):
    tolls = [
        TollReport(source, date(2022, 1, day), n, said, f"k{i}")
        for i, (source, day, n, said) in enumerate(reports)
    ]
    assert linkmerge.conservative_toll(tolls)[0] == expected


def test_merge_fields_rules():
    precise = _linkable(_event(doc_id="a", geo_precision=1), 1)
    vague = _linkable(
        _event(
            doc_id="b",
            geo_precision=3,
            location="Al Hasakeh",
            time_precision=2,
            event_date=date(2022, 1, 22),
            actor2=None,
            event_type="Explosions/Remote violence",
            sub_event_type="Remote explosive/landmine/IED",
        ),
        2,
    )
    merged = linkmerge.merge_fields(
        [vague, precise],
        [
            TollReport("a", date(2022, 1, 21), 12, True, "a"),
            TollReport("b", date(2022, 1, 22), 30, True, "b"),
        ],
    )
    assert merged.event_date == date(2022, 1, 20) and merged.time_precision == 1
    assert merged.event_type == "Battles"  # tie broken by ACLED precedence
    assert merged.geo_precision == 1 and merged.location == "Al Hasakah"
    assert merged.actor2 == "QSD: Syrian Democratic Forces"
    assert merged.fatalities == 12
    assert set(merged.why) >= {"event_date", "event_type", "actor1", "location", "fatalities"}


def _store(conn, doc_id, text, published, *events, settings=SETTINGS):
    article = Article(doc_id=doc_id, text=text, published=published, source=doc_id.split("-")[0])
    store.add_document(conn, article, [replace(e, doc_id=doc_id) for e in events], now=NOW)
    return incidents.link_pending(conn, settings, now=NOW)


def _groups(conn):
    rows = conn.execute(
        "SELECT d.doc_id, e.event_date, e.incident FROM events e"
        " JOIN documents d ON d.id = e.document"
    ).fetchall()
    by_incident = {}
    for doc_id, day, incident in rows:
        assert incident is not None
        by_incident.setdefault(incident, set()).add((doc_id, day))
    return sorted(sorted(g) for g in by_incident.values())


IRAQ = _event(
    event_date=date(2022, 1, 21),
    actor1="Unidentified Armed Group (Iraq)",
    inter1=3,
    actor2="Military Forces of Iraq (2020-)",
    inter2=1,
    country="Iraq",
    iso3="IRQ",
    admin1="Baghdad",
    admin2=None,
    location="Baghdad",
    latitude=33.34,
    longitude=44.40,
    geo_precision=2,
    fatalities=11,
    evidence={"actor1": (Span(0, 6),), "fatalities": (Span(68, 70),)},
)
IRAQ_TEXT = "Gunmen stormed an army barracks north of Baghdad on Friday, killing 11 soldiers."
# Reports telling other stories (other names) for events placed by the fields alone.
WEST_TEXT = (
    "Militants stormed a checkpoint at Tal Baidar held by fighters loyal to Rami Saleh "
    "on Thursday afternoon; witnesses said 12 died."
)
EAST_TEXT = (
    "Gunfire broke out at the Sina'a detention centre guarded by units of Jamal Khoury, "
    "residents of Ghwayran told Hawar News; 12 died."
)


def _shift(event, offset):
    moved = {
        k: tuple(Span(s.start + offset, s.end + offset) for s in v)
        for k, v in event.evidence.items()
    }
    return replace(event, evidence=moved)


DOCUMENTS = [
    ("ap-1", PRISON, date(2022, 1, 21), (_event(fatalities=12),)),
    (
        "reuters-1",
        PRISON + " " + IRAQ_TEXT,
        date(2022, 1, 22),
        (_event(fatalities=28, latitude=36.49), _shift(IRAQ, len(PRISON) + 1)),
    ),
    ("sohr-1", PRISON, date(2022, 1, 24), (_event(fatalities=100, admin2=None),)),
    (
        # the same place and actors the next day: a new event, in the same chain
        "ap-2",
        PRISON.replace("Thursday", "Friday"),
        date(2022, 1, 22),
        (_event(event_date=date(2022, 1, 21), fatalities=20),),
    ),
    ("kurdistan24-1", IRAQ_TEXT, date(2022, 1, 21), (replace(IRAQ, latitude=33.45),)),
]


@pytest.mark.parametrize("order", [(0, 1, 2, 3, 4), (4, 3, 2, 1, 0), (2, 4, 0, 3, 1)])
def test_linking_does_not_depend_on_ingest_order(order):
    conn = store.open_db(":memory:")
    for i in order:
        doc_id, text, published, events = DOCUMENTS[i]
        _store(conn, doc_id, text, published, *events)
    assert _groups(conn) == [
        [("ap-1", "2022-01-20"), ("reuters-1", "2022-01-20"), ("sohr-1", "2022-01-20")],
        [("ap-2", "2022-01-21")],
        [("kurdistan24-1", "2022-01-21"), ("reuters-1", "2022-01-21")],
    ]
    found = incident_export.query_incidents(conn, store.Filters(country="Syria"))
    chains = {i.chain for i in found}
    assert len(found) == 2 and len(chains) == 1  # next day's fighting: same chain
    prison = next(i for i in found if i.n_documents == 3)
    assert prison.event.fatalities == 12  # lowest of each source's latest toll
    assert [t.fatalities for t in prison.tolls] == [12, 28, 100]
    assert prison.documents == ("ap-1", "reuters-1", "sohr-1")


def test_new_report_bridging_two_incidents_merges_them():
    conn = store.open_db(":memory:")
    # 9 km apart, one names only one actor, the other calls it an attack: below the
    # threshold, but compatible; a report in the middle links to both and merges them (the
    # fields alone: one story told by all three would link them directly).
    strict = replace(SETTINGS, link_threshold=0.7, link_floor=0.55, link_story_min=2.0)
    west = _event(longitude=40.70, location=None, actor2=None)
    east = _event(
        longitude=40.80,
        location=None,
        event_type="Violence against civilians",
        sub_event_type="Attack",
    )
    _store(conn, "a-1", PRISON, date(2022, 1, 21), west, settings=strict)
    _store(conn, "b-1", PRISON, date(2022, 1, 21), east, settings=strict)
    assert len(_groups(conn)) == 2
    middle = _event(longitude=40.75, location=None)
    _store(conn, "c-1", PRISON, date(2022, 1, 22), middle, settings=strict)
    assert len(_groups(conn)) == 1
    assert conn.execute("SELECT count(*) FROM incidents").fetchone()[0] == 1


def test_complete_linkage_refuses_to_chain_incompatible_reports():
    conn = store.open_db(":memory:")
    # unnamed attackers (between armed groups, reports naming no shared name never merge)
    west = _event(longitude=40.68, location=None, **GENERIC)
    east = _event(longitude=40.82, location=None, **GENERIC)  # 12.5 km apart: not one town
    middle = _event(longitude=40.75, **GENERIC)
    reports = (("a-1", WEST_TEXT, west), ("c-1", PRISON, middle))
    for doc_id, text, event in (*reports, ("b-1", EAST_TEXT, east)):
        _store(conn, doc_id, text, date(2022, 1, 21), event)
    assert len(_groups(conn)) == 2


def test_reingested_document_leaves_its_incident():
    conn = store.open_db(":memory:")
    _store(conn, "a-1", PRISON, date(2022, 1, 21), _event())
    _store(conn, "b-1", PRISON, date(2022, 1, 21), _event())
    assert len(_groups(conn)) == 1
    _store(conn, "b-1", IRAQ_TEXT, date(2022, 1, 22), IRAQ)
    assert len(_groups(conn)) == 2
    counts = conn.execute("SELECT n_events FROM incidents ORDER BY id").fetchall()
    assert counts == [(1,), (1,)]


def test_links_store_the_explanation():
    conn = store.open_db(":memory:")
    _store(conn, "a-1", PRISON, date(2022, 1, 21), _event())
    _store(conn, "b-1", PRISON, date(2022, 1, 21), _event())
    same, score, detail = conn.execute("SELECT same, score, detail FROM links").fetchone()
    assert same == 1 and score >= SETTINGS.link_threshold
    assert json.loads(detail)["date"]["why"] == "same day 2022-01-20"


def test_candidates_use_indexes():
    conn = store.open_db(":memory:")
    plan = conn.execute(
        f"EXPLAIN QUERY PLAN SELECT id FROM events WHERE {store.CELL_SQL} IN (1, 2)"
        " AND time_precision = 1 AND event_date BETWEEN '2022-01-01' AND '2022-01-03'"
    ).fetchall()
    assert "events_link_cell" in " ".join(str(r) for r in plan)
    plan = conn.execute(
        "EXPLAIN QUERY PLAN SELECT event FROM followups WHERE cell IN (1, 2)"
        " AND event_date BETWEEN '2022-01-01' AND '2022-02-05'"
    ).fetchall()
    assert "followups_cell" in " ".join(str(r) for r in plan)


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv", "acled-csv", "geojson"])
def test_write_incidents_formats(fmt):
    conn = store.open_db(":memory:")
    _store(conn, "a-1", PRISON, date(2022, 1, 21), _event())
    _store(conn, "b-1", PRISON, date(2022, 1, 22), _event(fatalities=30))
    out = io.StringIO()
    found = incident_export.query_incidents(conn)
    assert incident_export.write_incidents(found, fmt, out) == 1
    text = out.getvalue()
    if fmt == "jsonl":
        record = json.loads(text)
        assert record["documents"] == ["a-1", "b-1"] and record["fatalities"] == 12
        assert record["doc_id"] == f"incident-{record['incident']}"
    elif fmt == "geojson":
        assert json.loads(text)["features"][0]["properties"]["n_documents"] == 2
    elif fmt == "table":
        assert text.splitlines()[0].split()[:3] == ["incident", "docs", "date"]
    else:
        assert "n_documents" in text.splitlines()[0]


def test_write_events_adds_the_incident():
    conn = store.open_db(":memory:")
    _store(conn, "a-1", PRISON, date(2022, 1, 21), _event())
    rows = store.query_events_with_incidents(conn)
    out = io.StringIO()
    incident_export.write_events(rows, "jsonl", out)
    assert json.loads(out.getvalue())["incident"] == rows[0][1] is not None


def test_seed_merges_with_a_note_written_another_day(resources):
    from conflictcoder.pipeline import analyse
    from conflictcoder.readers import read

    seed = next(iter(read([str(SEED)])))
    note = Article(
        doc_id="note-1",
        published=date(2022, 1, 25),
        text=(
            "On 20 January 2022, Islamic State militants attacked Ghwayran prison in "
            "al-Hasakah city, clashing with SDF forces guarding it. Dozens were killed."
        ),
    )
    conn = store.open_db(":memory:")
    for article in (note, seed):
        events = analyse(article, resources).events
        store.add_document(conn, article, events, now=NOW)
    incidents.link_pending(conn, SETTINGS, now=NOW)
    found = incident_export.query_incidents(conn, store.Filters(country="Syria"))
    assert [set(i.documents) for i in found] == [{"note-1", str(SEED)}]
    assert len(incident_export.query_incidents(conn, store.Filters(country="Iraq"))) == 1


UNKNOWN = {
    "why": {"event_date": "no temporal expression governs the event: publication date"},
    "date_source": "publication",
}


@pytest.mark.parametrize(
    ("a_terms", "b_terms", "b_published", "same", "veto"),
    [
        # an unknown date is no date agreement: only strong shared content links it
        (("gweiran", "hasakah", "12"), ("gweiran", "hasakah", "12"), date(2022, 1, 24), True, None),
        (("gweiran",), ("tell", "baydar"), date(2022, 1, 24), False, None),
        # the event may be up to link_unknown_date_days before the publication date, or
        # link_followup_days for a follow-up sharing names
        (("gweiran", "hasakah"), ("gweiran", "hasakah"), date(2022, 3, 10), False, "days apart"),
        (("gweiran", "hasakah"), ("gweiran",), date(2022, 2, 10), False, "1 shared name"),
    ],
)
def test_unknown_date_needs_content(a_terms, b_terms, b_published, same, veto):
    a = _linkable(_event(), 1, terms=a_terms)
    b = _linkable(
        _event(doc_id="b", event_date=b_published, time_precision=2, **UNKNOWN), 2, b_terms
    )
    result = linking.compare(a, b, SETTINGS)
    assert result.same is same
    assert (veto or "") in (result.veto or "")
    if not veto:
        assert result.fields["date"][0] == 0.0 and "publication date" in result.fields["date"][1]


def test_two_unknown_dates_published_on_different_days_differ():
    a = _event(event_date=date(2022, 1, 21), time_precision=2, **UNKNOWN)
    b = replace(a, doc_id="b", event_date=date(2022, 1, 22))
    result = linking.compare(_linkable(a, 1, ("12",)), _linkable(b, 2, ("12",)), SETTINGS)
    assert not result.same and "different days" in (result.veto or "")
    assert "follow-up refused" in (result.veto or "")
    assert _compare(a, replace(a, doc_id="b")).same
    generic = replace(a, **GENERIC), replace(b, **GENERIC)
    assert "follow-up" in _compare(*generic).fields["date"][1]  # unless they share names


DISCOURSE = {"date_source": "discourse"}
GENERIC = {"actor1": "Unidentified Armed Group (United States)", "actor2": None, "inter1": 3}
NAMES = ("gweiran", "hussein", "ali", "12")


@pytest.mark.parametrize(
    ("change", "terms", "same", "veto"),
    [
        ({**UNKNOWN, "event_date": date(2022, 2, 15), "time_precision": 2}, NAMES, True, None),
        ({**DISCOURSE, "event_date": date(2022, 2, 1)}, NAMES, True, None),
        # a follow-up comes after the event, within link_followup_days
        ({**DISCOURSE, "event_date": date(2022, 1, 10)}, NAMES, False, "days apart"),
        ({**DISCOURSE, "event_date": date(2022, 3, 1)}, NAMES, False, "days apart"),
        # a precise date in the text is the event's own date
        ({"event_date": date(2022, 2, 1)}, NAMES, False, "days apart"),
        # same town, same kind, shared names
        (
            {
                **DISCOURSE,
                "event_date": date(2022, 2, 1),
                "latitude": 36.6,
                "geo_precision": 2,
                "location": "Tell",
            },
            NAMES,
            False,
            "not the same town",
        ),
        (
            {
                **DISCOURSE,
                "event_date": date(2022, 2, 1),
                "event_type": "Explosions/Remote violence",
            },
            NAMES,
            False,
            "not the same kind",
        ),
        ({**DISCOURSE, "event_date": date(2022, 2, 1)}, ("gweiran", "12"), False, "shared name"),
        # armed groups fight again where they fought: a follow-up names no actor
        (
            {**DISCOURSE, "event_date": date(2022, 2, 1), "actor1": "Islamic State (Syria)"},
            NAMES,
            False,
            "named actors",
        ),
        (
            {**DISCOURSE, "event_date": date(2022, 2, 1)},
            ("gweiran", "ali", "x", "y"),
            False,
            "content",
        ),
    ],
)
def test_followup_reports_link_on_names(change, terms, same, veto):
    a = _linkable(_event(**GENERIC), 1, terms=NAMES)
    b = _linkable(_event(doc_id="b", **(GENERIC | change)), 2, terms=terms)
    forward, backward = linking.compare(a, b, SETTINGS), linking.compare(b, a, SETTINGS)
    assert forward.same is same and backward.same is same
    assert forward.score == backward.score
    assert (veto or "") in (forward.veto or "")
    if same:
        assert forward.fields["date"][1].startswith("follow-up")


@pytest.mark.parametrize(
    ("actors", "agreement"),
    [(GENERIC, 0.6), ({}, 0.3)],
)
def test_battle_and_attack_agree_when_actors_are_generic(actors, agreement):
    a = _event(**actors)
    b = _event(
        doc_id="b", event_type="Violence against civilians", sub_event_type="Attack", **actors
    )
    if not actors:
        b = replace(b, actor2="Civilians (Syria)")
    assert _compare(a, b).fields["type"][0] == agreement


FOLLOWUP = "Hussein Ali was charged over the Gweiran prison attack, where 12 were killed."
TOLL = {"fatalities": (Span(FOLLOWUP.index("12"), FOLLOWUP.index("12") + 2),)}
FOLLOWUP_DOCS = [
    ("ap-1", PRISON[:-1] + ", Hussein Ali said.", date(2022, 1, 21), _event(**GENERIC)),
    (
        "court-1",
        FOLLOWUP,
        date(2022, 2, 14),
        _event(event_date=date(2022, 2, 14), time_precision=2, evidence=TOLL, **GENERIC, **UNKNOWN),
    ),
    (
        "court-2",
        FOLLOWUP,
        date(2022, 2, 16),
        _event(event_date=date(2022, 2, 15), evidence=TOLL, **GENERIC, **DISCOURSE),
    ),
]


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_followups_link_whatever_the_order(order):
    conn = store.open_db(":memory:")
    for i in order:
        doc_id, text, published, event = FOLLOWUP_DOCS[i]
        _store(conn, doc_id, text, published, event)
    assert len(_groups(conn)) == 1
    assert len(set(incidents.document_incidents(conn).values())) == 1


def test_document_reports_the_incident_it_shares():
    conn = store.open_db(":memory:")
    _store(conn, "a-1", IRAQ_TEXT + " " + PRISON, date(2022, 1, 21), IRAQ, _shift(_event(), 82))
    _store(conn, "b-1", PRISON, date(2022, 1, 21), _event())
    _store(conn, "c-1", IRAQ_TEXT, date(2022, 1, 28), replace(IRAQ, event_date=date(2022, 1, 27)))
    assert len(_groups(conn)) == 3
    found = incidents.document_incidents(conn)
    prison = conn.execute("SELECT incident FROM events WHERE country = 'Syria'").fetchone()[0]
    assert found["a-1"] == found["b-1"] == prison != found["c-1"]


def test_document_reports_the_incident_most_shared():
    # a-1 leads with the barracks raid (also told by d-1), then the prison attack (also told
    # by b-1 and e-1): the article reports the story more outlets told
    conn = store.open_db(":memory:")
    _store(conn, "a-1", IRAQ_TEXT + " " + PRISON, date(2022, 1, 21), IRAQ, _shift(_event(), 82))
    _store(conn, "b-1", PRISON, date(2022, 1, 21), _event())
    _store(conn, "d-1", IRAQ_TEXT, date(2022, 1, 21), IRAQ)
    found = incidents.document_incidents(conn)
    barracks = conn.execute("SELECT incident FROM events WHERE country = 'Iraq'").fetchone()[0]
    assert found["a-1"] == found["d-1"] == barracks  # a tie: the lede's
    _store(conn, "e-1", PRISON, date(2022, 1, 22), _event())
    found = incidents.document_incidents(conn)
    prison = conn.execute("SELECT incident FROM events WHERE country = 'Syria'").fetchone()[0]
    assert found["a-1"] == found["b-1"] == found["e-1"] == prison != found["d-1"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said the Smiths' home on Elm Street was hit. The police left.", {"elm"}),
        ("It's over, I'm told: Gutierrez’s car, 1,200 rounds, 3 dead in 2016.", None),
        ("Clashes in Al-Mowazafin of Deir-ez-Zor city.", {"al-mowazafin"}),
    ],
)
def test_event_terms_keep_rare_names_and_numbers(text, expected):
    found = linkterms.event_terms(
        text, [(0, len(text))], known=linkterms.place_words("Deir ez Zor")
    )
    if expected is None:
        assert found == {"gutierrez", "1,200", "3", "2016"}
        assert linkterms.term_weight("3") < linkterms.term_weight("1,200")
    else:
        assert expected <= found and "police" not in found and "clashes" not in found


@pytest.mark.parametrize(
    ("a", "b", "low"),
    [
        # the same note naming a different village: each side names something the other lacks
        (("wadi", "barada", "muqrin"), ("wadi", "barada", "qanoon"), True),
        # a short report whose names all recur in a longer one
        (("john", "doe", "elm"), ("john", "doe", "elm", "jane", "roe"), False),
    ],
)
def test_compare_terms_weighs_exclusive_names(a, b, low):
    found = linkterms.compare_terms(frozenset(a), frozenset(b))
    assert (found.agreement < SETTINGS.link_content_unknown_date) is low
    assert found.agreement == linkterms.compare_terms(frozenset(b), frozenset(a)).agreement


def test_migration_empties_the_term_cache():
    conn = store.open_db(":memory:")
    _store(conn, "a-1", PRISON, date(2022, 1, 21), _event())
    assert conn.execute("SELECT count(*) FROM event_terms").fetchone()[0] == 1
    migrations.m003_link_terms(conn)
    assert conn.execute("SELECT count(*) FROM event_terms").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("own", "others", "context", "expected"),
    [
        ([(12, 15)], [], 0, [(10, 20)]),
        ([(12, 15)], [], 1, [(0, 9), (10, 20), (21, 30)]),
        # a neighbour holding another event's evidence tells that event's story
        ([(12, 15)], [(22, 25)], 1, [(0, 9), (10, 20)]),
        ([], [], 1, []),
    ],
)
def test_context_parts_keep_the_event_story(own, others, context, expected):
    split = [(0, 9), (10, 20), (21, 30), (31, 40)]
    assert linkterms.context_parts(split, own, others, context) == expected


SPLIT_A = "Regime forces took back the Wadi Barada valley and the Ain Fijeh spring on Sunday."
SPLIT_B = "Regime forces took back the Wadi Barada valley and the Deir Muqrin hills on Sunday."


@pytest.mark.parametrize(
    ("a", "b", "names"),
    [
        # one report split per place: the same words, another name in one slot
        (SPLIT_A, SPLIT_B, ({"ain", "fijeh"}, {"deir", "muqrin"})),
        # a toll that rose, a name given where the other said "a man": one event
        (
            "Gunmen killed 3 people in Elmwood on Friday.",
            "Gunmen killed 5 people in Elmwood on Friday.",
            None,
        ),
        (
            "Police said a man was shot on Elm Street.",
            "Police said Jon Reyes was shot on Elm Street.",
            None,
        ),
        # different wording is not a template
        (SPLIT_A, "Heavy fighting was reported near Ain Fijeh as the army advanced.", None),
    ],
)
def test_template_split_finds_one_report_split_per_place(a, b, names):
    words = [linkterms.words(t, [(0, len(t))]) for t in (a, b)]
    found = linkterms.template_split(*words, SETTINGS.link_template_ratio)
    assert found == (None if names is None else tuple(frozenset(n) for n in names))


STORY = frozenset({"jon", "reyes", "elmwood", "maple", "23"})
THINNER = frozenset({"jon", "reyes", "elmwood", *(f"name{i}" for i in range(12))})  # cosine 0.38


@pytest.mark.parametrize(
    ("change", "story", "same", "why"),
    [
        # a wrong geocode: the places disagree, the story (victim, streets) is one
        ({"country": "Turkey"}, STORY, True, "overrides: different countries"),
        ({"latitude": 37.5}, STORY, True, "overrides: places"),
        # a type read two ways is not overridden, nor countries apart on a thinner story
        ({"event_type": "Protests", "sub_event_type": "Peaceful protest"}, STORY, False, "types"),
        # ... not even when the places disagree too
        (
            {"event_type": "Protests", "sub_event_type": "Peaceful protest", "latitude": 37.5},
            STORY,
            False,
            "types",
        ),
        ({"country": "Turkey"}, THINNER, False, "different countries"),
        ({"latitude": 37.5}, THINNER, True, "overrides: places"),
        # one shared name is not a story; dates weeks apart are never overridden, days
        # apart only for a local crime whose story is one (a date misread)
        ({"latitude": 37.5}, frozenset({"jon", "ohio", "x", "y"}), False, "km apart"),
        ({"event_date": date(2022, 2, 25)}, STORY, False, "days apart"),
        ({"event_date": date(2022, 1, 25)}, STORY, True, "one story"),
        ({"event_date": date(2022, 1, 25)}, THINNER, False, "days apart"),
        # a publication date is no date: undated reports of one product or team are often
        # two events, so their story overrides nothing
        ({"latitude": 37.5, "date_source": "publication"}, STORY, False, "km apart"),
    ],
)
def test_one_story_overrides_the_place(change, story, same, why):
    a = replace(_linkable(_event(**GENERIC), 1, terms=()), story=STORY)
    b = replace(_linkable(_event(doc_id="b", **GENERIC, **change), 2, terms=()), story=story)
    forward, backward = linking.compare(a, b, SETTINGS), linking.compare(b, a, SETTINGS)
    assert forward.same is backward.same is same
    assert forward.score == backward.score
    text = str(dict(forward.fields)) if same else forward.veto
    assert why in (text or "")


def test_one_story_does_not_override_the_place_of_armed_groups():
    # armed groups fight at many places the same day: one campaign, not one event
    a = replace(_linkable(_event(), 1, terms=()), story=STORY)
    b = replace(_linkable(_event(doc_id="b", latitude=37.5), 2, terms=()), story=STORY)
    result = linking.compare(a, b, SETTINGS)
    assert not result.same
    assert "km apart" in (result.veto or "")


def test_worded_alike_but_for_the_names_is_two_events():
    words = [linkterms.words(t, [(0, len(t))]) for t in (SPLIT_A, SPLIT_B)]
    a = replace(_linkable(_event(), 1), words=words[0])
    b = replace(_linkable(_event(doc_id="b"), 2), words=words[1])
    result = linking.compare(a, b, SETTINGS)
    assert not result.same and "worded alike" in (result.veto or "")
    assert linking.compare(a, replace(b, words=words[0]), SETTINGS).same


def test_story_links_reports_placed_far_apart_whatever_the_order():
    text = "Jon Reyes, 23, was shot dead on Maple Avenue in Elmwood late on Thursday evening, " * 2
    wrong = _event(country="Turkey", latitude=38.0, longitude=29.0, location="Alci")
    reports = [("a-1", wrong), ("b-1", _event()), ("c-1", _event(latitude=36.6))]
    found = set()
    for order in ((0, 1, 2), (2, 1, 0)):
        conn = store.open_db(":memory:")
        for i in order:
            doc_id, event = reports[i]
            _store(conn, doc_id, text, date(2022, 1, 21), event)
        found.add(tuple(tuple(g) for g in _groups(conn)))
    assert len(found) == 1 and len(next(iter(found))) == 1


def test_one_event_that_fails_to_link_leaves_the_others_linked(monkeypatch):
    conn = store.open_db(":memory:")
    for doc_id in ("a-1", "b-1"):
        article = Article(doc_id=doc_id, text=IRAQ_TEXT, published=date(2022, 1, 22))
        store.add_document(conn, article, [replace(IRAQ, doc_id=doc_id)], now=NOW)
    [bad] = store.event_ids(conn, "a-1")
    real = incidents.link_event

    def flaky(conn, event_id, *args, **kwargs):
        if event_id == bad:
            raise RuntimeError("linker bug")
        return real(conn, event_id, *args, **kwargs)

    monkeypatch.setattr(incidents, "link_event", flaky)
    summary = incidents.link_pending(conn, SETTINGS, now=NOW)
    assert summary.failed == ((bad, "RuntimeError: linker bug"),)
    assert summary.linked == 1
    rows = dict(conn.execute("SELECT id, incident FROM events").fetchall())
    assert rows[bad] is None
    assert all(incident is not None for event_id, incident in rows.items() if event_id != bad)
