import csv
import io
import json
from dataclasses import replace
from datetime import date

import pytest
from factories import prison_event

from conflictcoder.errors import ConflictCoderError
from conflictcoder.export import (
    ACLED_COLUMNS,
    CSV_FIELDS,
    EVENT_FIELDS,
    FORMATS,
    acled_record,
    country_codes,
    disorder_type,
    event_id,
    event_record,
    write,
)
from conflictcoder.incident_export import Incident, write_events, write_incidents
from conflictcoder.models import Span

ATTACK = prison_event(
    doc_id="seed.txt",
    actor2="SDF: Syrian Democratic Forces",
    location="Al Hasakeh",
    latitude=36.4868,
    longitude=40.7582,
    notes='IS attacked Gweiran prison, "dozens" killed.',
    source="AP",
    evidence={"actor1": (Span(0, 13), Span(200, 202)), "fatalities": (Span(87, 93),)},
    why={"fatalities": "dozens: 12"},
)
RAID = replace(
    ATTACK,
    event_date=date(2022, 1, 21),
    actor1="Unidentified Armed Group (Iraq)",
    actor2="Military Forces of Iraq (2020-)",
    inter1=3,
    inter2=1,
    interaction=13,
    country="Iraq",
    iso3="IRQ",
    admin1=None,
    admin2=None,
    location=None,
    latitude=None,
    longitude=None,
    geo_precision=3,
    fatalities=11,
    notes=None,
    evidence={},
    why={},
    confidence=0.6,
)


def test_event_record_is_the_jsonl_contract():
    record = event_record(ATTACK)
    assert list(record) == [*EVENT_FIELDS, "doc_id", "evidence", "confidence", "date_source", "why"]
    assert record["event_date"] == "2022-01-20"
    assert record["evidence"] == {"actor1": [[0, 13], [200, 202]], "fatalities": [[87, 93]]}
    assert record["doc_id"] == "seed.txt" and record["confidence"] == 0.8
    assert record["assoc_actor_1"] is None and record["fatalities"] == 12


def test_jsonl_one_object_per_event_with_nulls():
    out = io.StringIO()
    assert write([ATTACK, RAID], "jsonl", out) == 2
    lines = out.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == [event_record(ATTACK), event_record(RAID)]
    raid = json.loads(lines[1])
    assert raid["latitude"] is None and raid["location"] is None and raid["evidence"] == {}


def test_csv_all_fields_empty_cells_and_json_evidence():
    out = io.StringIO()
    assert write([ATTACK, RAID], "csv", out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CSV_FIELDS
    assert rows[0]["event_date"] == "2022-01-20" and rows[0]["latitude"] == "36.4868"
    assert rows[0]["notes"] == ATTACK.notes
    assert json.loads(rows[0]["evidence"]) == {
        "actor1": [[0, 13], [200, 202]],
        "fatalities": [[87, 93]],
    }
    assert rows[1]["latitude"] == "" and rows[1]["assoc_actor_1"] == ""
    assert rows[1]["confidence"] == "0.6"


def test_acled_csv_columns_and_values():
    out = io.StringIO()
    assert write([ATTACK, RAID], "acled-csv", out) == 2
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    assert tuple(reader.fieldnames) == ACLED_COLUMNS
    first, second = list(reader)
    assert first["event_id_cnty"] == event_id(ATTACK) and first["event_id_cnty"].startswith(
        "conflictcoder-"
    )
    assert first["event_id_cnty"] != second["event_id_cnty"]
    assert (first["event_date"], first["year"], first["disorder_type"]) == (
        "2022-01-20",
        "2022",
        "Political violence",
    )
    assert (first["actor1"], first["inter1"], first["interaction"]) == (
        "Islamic State (Syria)",
        "2",
        "22",
    )
    assert (first["iso"], first["region"]) == ("760", "Middle East")
    assert (second["iso"], second["region"]) == ("368", "Middle East")
    assert (first["admin3"], first["tags"]) == ("", "")
    assert first["civilian_targeting"] == "" and first["fatalities"] == "12"
    assert second["latitude"] == "" and second["geo_precision"] == "3"


@pytest.mark.parametrize(
    ("iso3", "expected"),
    [
        ("SYR", (760, "Middle East")),
        ("IRN", (364, "Middle East")),
        ("TUR", (792, "Middle East")),
        ("SDN", (729, "Northern Africa")),
        ("COD", (180, "Middle Africa")),
        ("NGA", (566, "Western Africa")),
        ("MEX", (484, "Central America")),
        ("UKR", (804, "Europe")),
        ("GEO", (268, "Caucasus and Central Asia")),
        ("AFG", (4, "South Asia")),
        ("MMR", (104, "Southeast Asia")),
        ("HTI", (332, "Caribbean")),
        ("XKX", (0, "Europe")),
        ("CCK", (166, None)),
        ("ZZZ", (None, None)),
        (None, (None, None)),
    ],
)
def test_country_codes(iso3, expected):
    assert country_codes(iso3) == expected


def test_event_id_is_stable_and_ignores_unidentifying_fields():
    assert event_id(ATTACK) == event_id(replace(ATTACK, confidence=0.1, notes=None))
    assert event_id(ATTACK) != event_id(replace(ATTACK, doc_id="other.txt"))


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "inter2", "disorder", "targeting"),
    [
        ("Battles", "Armed clash", 2, "Political violence", None),
        ("Violence against civilians", "Attack", 7, "Political violence", "Civilian targeting"),
        (
            "Explosions/Remote violence",
            "Air/drone strike",
            7,
            "Political violence",
            "Civilian targeting",
        ),
        ("Protests", "Peaceful protest", None, "Demonstrations", None),
        (
            "Protests",
            "Excessive force against protesters",
            6,
            "Political violence; Demonstrations",
            None,
        ),
        ("Riots", "Violent demonstration", None, "Demonstrations", None),
        ("Riots", "Mob violence", 5, "Political violence", None),
        ("Strategic developments", "Arrests", 6, "Strategic developments", None),
        ("Unknown", "Unknown", None, None, None),
    ],
)
def test_disorder_type_and_civilian_targeting(
    event_type, sub_event_type, inter2, disorder, targeting
):
    event = replace(ATTACK, event_type=event_type, sub_event_type=sub_event_type, inter2=inter2)
    assert disorder_type(event) == disorder
    assert acled_record(event)["civilian_targeting"] == targeting


@pytest.mark.parametrize(
    ("actor2", "inter2", "expected"),
    [("Civilians (Syria)", 7, 7), (None, None, 0)],  # ACLED writes 0 for no actor
)
def test_acled_inter_codes(actor2, inter2, expected):
    record = acled_record(replace(ATTACK, actor2=actor2, inter2=inter2))
    assert (record["inter1"], record["inter2"]) == (ATTACK.inter1, expected)


def test_table_is_aligned():
    out = io.StringIO()
    assert write([ATTACK, RAID], "table", out) == 2
    header, rule, first, second = out.getvalue().splitlines()
    assert header.split()[:2] == ["date", "type"]
    assert first.startswith("2022-01-20  Battles / Armed clash")
    assert first.endswith("12") and second.endswith("11")
    assert first.index("Islamic State") == header.index("actor1")
    assert second.rindex("Iraq") == header.index("country")
    assert set(rule) == {"-", " "}


def test_table_truncates_long_cells():
    long = replace(ATTACK, actor2="A" * 200)
    out = io.StringIO()
    write([long], "table", out)
    assert "A" * 47 + "…" in out.getvalue() and "A" * 48 not in out.getvalue()


def test_geojson_leaves_out_events_without_coordinates():
    out = io.StringIO()
    assert write([ATTACK, RAID], "geojson", out) == 1
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    assert collection["without_coordinates"] == 1
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [40.7582, 36.4868]}
    assert feature["properties"] == event_record(ATTACK)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_accepts_no_events_and_a_generator(fmt):
    out = io.StringIO()
    assert write((e for e in []), fmt, out) == 0
    assert write((e for e in [ATTACK]), fmt, io.StringIO()) == 1


def test_unknown_format():
    with pytest.raises(ConflictCoderError, match="unknown output format 'xml'"):
        write([ATTACK], "xml", io.StringIO())


ODD_NOTES = [
    "Gunmen attacked,\u2028killing three.",  # a Unicode line separator
    "Gunmen attacked,\x85killing three.",  # NEL
    "Gunmen attacked,\u2029killing three.\x0c",  # paragraph separator, form feed
    'He said "fire",\r\nthen\tran; =1+1',  # quotes, CRLF, tab, a formula-like start
    "قتل ثلاثة \u202eفي بغداد 🔥👨‍👩‍👧 Café\u0301",  # RTL text, bidi override, emoji, accents
]


def _parse(fmt, text):
    if fmt == "jsonl":
        return [json.loads(line) for line in text.split("\n") if line]
    if fmt == "geojson":
        [line] = [line for line in text.split("\n") if line]
        return [f["properties"] for f in json.loads(line)["features"]]
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("notes", ODD_NOTES)
@pytest.mark.parametrize("fmt", ["jsonl", "geojson", "csv", "acled-csv"])
def test_odd_text_survives_every_format(fmt, notes):
    """Each record reads back whole, one line per JSONL record even for line readers that
    break at U+2028 or NEL (str.splitlines)."""
    events = [prison_event(notes=notes), prison_event(notes=None, doc_id="ap-2")]
    out = io.StringIO()
    write(events, fmt, out)
    text = out.getvalue()
    if fmt in ("jsonl", "geojson"):
        assert len(text.splitlines()) == (2 if fmt == "jsonl" else 1)
    records = _parse(fmt, text)
    assert [r["notes"] for r in records] == [notes, None if "csv" not in fmt else ""]


@pytest.mark.parametrize("notes", ODD_NOTES)
@pytest.mark.parametrize("fmt", ["jsonl", "geojson", "csv", "acled-csv", "table"])
def test_odd_text_survives_every_incident_format(fmt, notes):
    """Incident notes with a line separator crashed the jsonl and geojson writers."""
    incident = Incident(
        id=1,
        chain=1,
        event=prison_event(notes=notes),
        n_events=1,
        n_documents=1,
        first_published=date(2022, 1, 22),
        last_published=None,
        documents=("ap-1",),
        tolls=(),
    )
    out = io.StringIO()
    assert write_incidents([incident], fmt, out) == 1
    if fmt != "table":
        [record] = _parse(fmt, out.getvalue())
        assert record["notes"] == notes
        assert record["last_published"] in (None, "")


def _text_over(sink):
    return io.TextIOWrapper(sink, encoding="utf-8", newline="")


class _Terminal(io.TextIOWrapper):
    def isatty(self):
        return True


def test_parquet_refuses_a_terminal():
    pytest.importorskip("pyarrow")  # the optional [parquet] extra (in [dev])
    with pytest.raises(ConflictCoderError, match="Parquet is binary"):
        write_events([(ATTACK, 1)], "parquet", _Terminal(io.BytesIO()))


def test_parquet_columns_are_typed_and_nested_values_json():
    pq = pytest.importorskip("pyarrow.parquet")
    sink = io.BytesIO()
    out = _text_over(sink)  # as standard output: text with a binary buffer under it
    assert write_events([(ATTACK, 7), (prison_event(notes=None), None)], "parquet", out) == 2
    table = pq.read_table(io.BytesIO(sink.getvalue()))
    rows = table.to_pylist()
    assert rows[0]["incident"] == 7 and rows[1]["incident"] is None
    assert rows[0]["event_date"] == ATTACK.event_date and rows[1]["notes"] is None
    assert json.loads(rows[0]["evidence"]) == event_record(ATTACK)["evidence"]
