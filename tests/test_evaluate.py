from datetime import date

import pytest
from factories import prison_event

from conflictcoder.errors import EvalError
from conflictcoder.evaluate import compare, evaluate, fold, parse_acled_date, parse_inter, read_gold
from conflictcoder.models import Event


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("9-May-20", date(2020, 5, 9)),
        ("02 June 2020", date(2020, 6, 2)),
        ("2020-05-09", date(2020, 5, 9)),
        ("31 December 2020", date(2020, 12, 31)),
        ("yesterday", None),
    ],
)
def test_parse_acled_date(raw, expected):
    assert parse_acled_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", 1), ("7", 7), ("State forces", 1), ("Rebel groups", 2), ("", None), (None, None)],
)
def test_parse_inter(raw, expected):
    assert parse_inter(raw) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Al-Hasakah", "Al Hasakah"),
        ("Al Ḩasakah", "Hasakah"),
        ("Deir ez Zor", "Deir-ez-Zor"),
        ("Ninewa", "ninewa"),
    ],
)
def test_fold_makes_spellings_equal(a, b):
    assert fold(a) == fold(b)


def _event(**overrides) -> Event:
    values = dict(
        doc_id="d",
        event_date=date(2020, 5, 9),
        actor2=None,
        inter2=None,
        interaction=20,
        admin1="Al Hasakah",
        admin2=None,
        latitude=36.50,
        longitude=40.75,
        fatalities=2,
    )
    return prison_event(**{**values, **overrides})


GOLD = {
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "event_date": date(2020, 5, 9),
    "admin1": "Al-Hasakah",
    "latitude": "36.4868",
    "longitude": "40.7582",
    "fatalities": "2",
    "inter1": "2",
    "actor1": "Islamic State (Syria)",
}


def test_compare_all_right():
    assert all(compare(GOLD, _event()).values())


@pytest.mark.parametrize(
    ("overrides", "wrong"),
    [
        ({"sub_event_type": "Air/drone strike"}, "sub_event_type"),
        ({"event_date": date(2020, 5, 10)}, "event_date"),
        ({"latitude": 37.5}, "distance_25km"),
        ({"latitude": None, "longitude": None}, "distance_25km"),
        ({"fatalities": 0}, "fatalities"),
        ({"inter1": 3}, "inter1"),
        ({"admin1": "Ar Raqqah"}, "admin1"),
        ({"actor1": "Islamic State"}, "actor1"),
    ],
)
def test_compare_one_field_wrong(overrides, wrong):
    result = compare(GOLD, _event(**overrides))
    assert [name for name, ok in result.items() if not ok] == [wrong]


def test_compare_no_event_is_wrong_everywhere():
    assert not any(compare(GOLD, None).values())


def test_read_gold_dates_document_after_event(tmp_path):
    path = tmp_path / "gold.csv"
    path.write_text(
        "event_id_cnty,event_date,event_type,sub_event_type,notes\n"
        "SYR1,9-May-20,Battles,Armed clash,Clashes took place.\n"
        "SYR2,9-May-20,Battles,Armed clash,\n",
        encoding="utf-8",
    )
    rows = list(read_gold(path, lag_days=2))
    assert [(r.row_id, r.article.published, r.article.text) for r in rows] == [
        ("SYR1", date(2020, 5, 11), "Clashes took place.")
    ]


def test_read_gold_rejects_other_csv(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("id,text\n1,x\n", encoding="utf-8")
    with pytest.raises(EvalError, match="not an ACLED export"):
        list(read_gold(path))


def test_evaluate_scores_with_a_fake_extractor(tmp_path):
    path = tmp_path / "gold.csv"
    path.write_text(
        "event_id_cnty,event_date,event_type,sub_event_type,fatalities,notes\n"
        "A,9-May-20,Battles,Armed clash,2,one\n"
        "B,9-May-20,Battles,Armed clash,0,two\n",
        encoding="utf-8",
    )

    def extract(article):
        return (_event(fatalities=2),) if article.text == "one" else ()

    scores = evaluate(path, extract)
    assert scores["rows"] == 2
    assert scores["rows_with_event"] == 1
    assert scores["scores"]["fatalities"] == {"accuracy": 0.5, "correct": 1, "total": 2}


_HEADER = "event_id_cnty,event_date,event_type,sub_event_type,notes\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a byte-order mark (spreadsheets): the first column is still found
        (
            b"\xef\xbb\xbfevent_date,event_type,sub_event_type,notes\r\n"
            b"9-May-20,Battles,Armed clash,Clashes.\r\n",
            ["gold.csv:2"],
        ),
        # a short row (no date, no notes) is skipped, not a crash
        ((_HEADER + "SYR1\nSYR2,9-May-20,Battles,Armed clash,Clashes.\n").encode(), ["SYR2"]),
        # notes over several lines, quoted
        (
            (_HEADER + 'SYR3,9-May-20,Battles,Armed clash,"Clashes.\nTwo killed."\n').encode(),
            ["SYR3"],
        ),
    ],
)
def test_read_gold_awkward_files(tmp_path, raw, expected):
    path = tmp_path / "gold.csv"
    path.write_bytes(raw)
    rows = list(read_gold(path))
    assert [r.row_id.replace(f"{tmp_path}/", "") for r in rows] == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            (_HEADER + "SYR1,9-May-20,Battles,Armed clash,caf\xe9\n").encode("latin-1"),
            "not UTF-8 text",
        ),
    ],
)
def test_read_gold_unreadable_files(tmp_path, raw, message):
    path = tmp_path / "gold.csv"
    path.write_bytes(raw)
    with pytest.raises(EvalError, match=f"^{path}: {message}"):
        list(read_gold(path))
