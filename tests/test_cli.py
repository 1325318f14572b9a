"""The command-line contracts: output formats, idempotent ingest, one-line errors."""

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import conflictcoder
from conflictcoder import cli as cli_module
from conflictcoder.cli import cli
from conflictcoder.errors import InputError

SEED_FIELDS = [
    "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
    "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "country", "iso3", "admin1",
    "admin2", "location", "latitude", "longitude", "geo_precision", "fatalities", "notes",
    "source", "doc_id", "evidence", "confidence",
]  # fmt: skip


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def seed_file(tmp_path, seed_text):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    return path


def _jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_jsonl_contract(runner, seed_file, mini_gazetteer_path):
    result = runner.invoke(
        cli, ["extract", str(seed_file), "--gazetteer", str(mini_gazetteer_path)]
    )
    assert result.exit_code == 0, result.output
    records = _jsonl(result.stdout)
    assert len(records) == 2
    text = seed_file.read_text(encoding="utf-8").split(None, 2)[2]
    for record in records:
        assert all(field in record for field in SEED_FIELDS)
        assert record["doc_id"] == str(seed_file)
        for spans in record["evidence"].values():
            for start, end in spans:
                assert text[start:end].strip()
    assert [r["event_date"] for r in records] == ["2022-01-20", "2022-01-21"]


def test_extract_csv_and_table(runner, seed_file, mini_gazetteer_path):
    args = ["extract", str(seed_file), "--gazetteer", str(mini_gazetteer_path), "--format"]
    rows = list(csv.DictReader(io.StringIO(runner.invoke(cli, [*args, "csv"]).stdout)))
    assert [r["fatalities"] for r in rows] == ["12", "11"]
    table = runner.invoke(cli, [*args, "table"]).stdout
    assert "Islamic State (Syria)" in table and "Armed clash" in table


def test_bad_document_is_reported_and_batch_continues(
    runner, tmp_path, seed_file, mini_gazetteer_path
):
    bad = tmp_path / "undated.txt"
    bad.write_text("Gunmen attacked a checkpoint.", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(tmp_path), "--gazetteer", str(mini_gazetteer_path)])
    assert result.exit_code == 1
    assert len(_jsonl(result.stdout)) == 2
    assert f"conflictcoder: {bad}: no 'date YYYY-MM-DD' header and no --date given" in result.stderr


def test_timex_command(runner, seed_file):
    result = runner.invoke(cli, ["timex", str(seed_file)])
    assert result.exit_code == 0
    found = {r["text"]: r for r in _jsonl(result.stdout)}
    assert found["Thursday evening"]["value"].startswith("2022-01-20")
    assert found["the same day"]["value"] == "2022-01-21"
    for record in found.values():
        assert set(record) >= {"doc_id", "start", "end", "text", "type", "value"}


def test_ingest_extracts_again_when_the_actor_lexicon_changes(
    runner, tmp_path, seed_file, mini_gazetteer_path
):
    db = tmp_path / "events.db"
    args = ["ingest", str(seed_file), "--db", str(db), "--gazetteer", str(mini_gazetteer_path)]
    assert runner.invoke(cli, args).exit_code == 0
    lexicon = tmp_path / "actors.csv"
    bundled = (Path(conflictcoder.__file__).parent / "data" / "actors.csv").read_text("utf-8")
    lexicon.write_text(bundled + "\n", encoding="utf-8")
    again = runner.invoke(cli, [*args, "--actors", str(lexicon)])
    assert again.exit_code == 0, again.output
    assert "documents: 0 added, 1 re-extracted, 0 unchanged; events: 2 added" in again.stderr
    out = runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl"]).stdout
    assert len(_jsonl(out)) == 2  # replaced, not added twice
    same = runner.invoke(cli, [*args, "--actors", str(lexicon)])
    assert "0 re-extracted, 1 unchanged" in same.stderr


def test_places_command(runner, seed_file, mini_gazetteer_path):
    result = runner.invoke(cli, ["places", str(seed_file), "--gazetteer", str(mini_gazetteer_path)])
    assert result.exit_code == 0
    records = _jsonl(result.stdout)
    hassakeh = next(r for r in records if r["text"] == "Hassakeh")
    assert (hassakeh["country"], hassakeh["geonameid"]) == ("SY", 173811)
    keys = {"doc_id", "start", "end", "text", "geonameid", "name", "latitude", "longitude"}
    assert all(keys | {"feature_code", "country", "admin1", "admin2"} <= set(r) for r in records)


def test_ingest_is_idempotent_and_events_query(runner, tmp_path, seed_file, mini_gazetteer_path):
    db = tmp_path / "events.db"
    args = ["ingest", str(seed_file), "--db", str(db), "--gazetteer", str(mini_gazetteer_path)]
    first = runner.invoke(cli, args)
    assert first.exit_code == 0, first.output
    summary = "documents: 1 added, 0 re-extracted, 0 unchanged; events: 2 added; problems: 0"
    assert summary in first.stderr
    second = runner.invoke(cli, args)
    assert "documents: 0 added, 0 re-extracted, 1 unchanged; events: 0 added" in second.stderr

    out = runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl"]).stdout
    assert len(_jsonl(out)) == 2
    iraq = runner.invoke(cli, ["events", "--db", str(db), "--country", "IRQ", "--format", "jsonl"])
    assert [r["country"] for r in _jsonl(iraq.stdout)] == ["Iraq"]
    dated = runner.invoke(
        cli, ["events", "--db", str(db), "--from", "2022-01-21", "--format", "jsonl"]
    )
    assert [r["event_date"] for r in _jsonl(dated.stdout)] == ["2022-01-21"]
    geo = json.loads(runner.invoke(cli, ["events", "--db", str(db), "--format", "geojson"]).stdout)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 2
    acled = runner.invoke(cli, ["events", "--db", str(db), "--format", "acled-csv"]).stdout
    assert csv.DictReader(io.StringIO(acled)).fieldnames[:2] == ["event_id_cnty", "event_date"]


def test_eval_prints_scores(runner, tmp_path, mini_gazetteer_path):
    gold = tmp_path / "gold.csv"
    gold.write_text(
        "event_id_cnty,event_date,event_type,sub_event_type,actor1,inter1,admin1,"
        "latitude,longitude,fatalities,notes\n"
        "T1,21 January 2022,Battles,Armed clash,Islamic State (Syria),2,Al-Hasakah,"
        '36.50,40.75,3,"On 21 January 2022, IS militants clashed with SDF fighters in '
        'Hasakah city, killing 3 SDF members."\n',
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["eval", str(gold), "--gazetteer", str(mini_gazetteer_path)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["rows"] == 1
    assert scores["scores"]["event_date"]["accuracy"] == 1.0
    assert scores["scores"]["fatalities"]["accuracy"] == 1.0


def test_every_command_has_help_with_an_example(runner):
    for name, command in cli.commands.items():
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        if not hasattr(command, "commands"):
            assert "Example:" in result.stdout, name


@pytest.mark.parametrize(
    ("error", "status", "message"),
    [
        (RuntimeError("boom"), 70, "internal error (RuntimeError: boom); this is a bug"),
        (sqlite3.OperationalError("database is locked"), 1, "database error: database is locked"),
        (InputError("doc-1", "no date"), 1, "conflictcoder: doc-1: no date"),
    ],
)
def test_main_reports_every_error_in_one_line(monkeypatch, capsys, error, status, message):
    def fail(**_kwargs):
        raise error

    monkeypatch.delenv("CONFLICTCODER_TRACEBACK", raising=False)
    monkeypatch.setattr(cli, "main", fail)
    with pytest.raises(SystemExit) as exit_info:
        cli_module.main()
    assert exit_info.value.code == status
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_main_shows_the_traceback_of_a_bug_on_request(monkeypatch):
    def fail(**_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setenv("CONFLICTCODER_TRACEBACK", "1")
    monkeypatch.setattr(cli, "main", fail)
    with pytest.raises(RuntimeError, match="boom"):
        cli_module.main()


def test_ingest_goes_on_when_linking_one_document_fails(
    runner, tmp_path, seed_text, mini_gazetteer_path, monkeypatch
):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(seed_text.replace("Gweiran", f"Gweiran {name}"))
    real = cli_module.incidents.link_pending
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("linker bug")
        return real(*args, **kwargs)

    monkeypatch.setattr(cli_module.incidents, "link_pending", flaky)
    db = tmp_path / "events.db"
    result = _ingest_with_one_problem(runner, tmp_path, db, mini_gazetteer_path)
    assert "RuntimeError: linker bug" in result.stderr
    stored = runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl"]).stdout
    assert {r["doc_id"].split("/")[-1] for r in _jsonl(stored)} == {"a.txt", "b.txt"}


def test_incidents_query_survives_a_failure_to_link_pending_events(
    runner, tmp_path, seed_file, mini_gazetteer_path, monkeypatch
):
    db = tmp_path / "events.db"
    args = ["ingest", str(seed_file), "--db", str(db), "--gazetteer", str(mini_gazetteer_path)]
    assert runner.invoke(cli, args).exit_code == 0

    def broken(*_args, **_kwargs):
        raise RuntimeError("linker bug")

    monkeypatch.setattr(cli_module.incidents, "link_pending", broken)
    result = runner.invoke(cli, ["incidents", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0
    assert "events not yet linked stay unlinked (RuntimeError: linker bug)" in result.stderr
    assert len(_jsonl(result.stdout)) == 2  # the seed's two events, linked at ingest


def test_an_event_that_never_links_is_only_its_own_documents_problem(
    runner, tmp_path, seed_text, mini_gazetteer_path, monkeypatch
):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(seed_text.replace("Gweiran", f"Gweiran {name}"))
    real = cli_module.incidents.link_event

    def broken_for_a(conn, event_id, *args, **kwargs):
        if event_id in cli_module.store.event_ids(conn, str(tmp_path / "a.txt")):
            raise RuntimeError("linker bug")
        return real(conn, event_id, *args, **kwargs)

    monkeypatch.setattr(cli_module.incidents, "link_event", broken_for_a)
    db = tmp_path / "events.db"
    result = _ingest_with_one_problem(runner, tmp_path, db, mini_gazetteer_path)
    assert "a.txt" in result.stderr and "linker bug" in result.stderr
    stored = runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl"]).stdout
    linked = {r["doc_id"].split("/")[-1]: r["incident"] for r in _jsonl(stored)}
    assert linked["b.txt"] is not None and linked["a.txt"] is None


def _ingest_with_one_problem(runner, directory, db, gazetteer):
    args = ["ingest", str(directory), "--db", str(db), "--gazetteer", str(gazetteer)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert "problems: 1" in result.stderr
    return result


def test_events_and_incidents_to_a_file_and_as_parquet(
    runner, tmp_path, seed_file, mini_gazetteer_path
):
    pq = pytest.importorskip("pyarrow.parquet")  # the optional [parquet] extra (in [dev])
    db = tmp_path / "events.db"
    args = ["ingest", str(seed_file), "--db", str(db), "--gazetteer", str(mini_gazetteer_path)]
    assert runner.invoke(cli, args).exit_code == 0
    jsonl = tmp_path / "events.jsonl"
    done = runner.invoke(cli, ["events", "--db", str(db), "--format", "jsonl", "-o", str(jsonl)])
    assert done.exit_code == 0 and done.stdout == ""
    assert len(_jsonl(jsonl.read_text("utf-8"))) == 2
    for command in ("events", "incidents"):
        path = tmp_path / f"{command}.parquet"
        done = runner.invoke(
            cli, [command, "--db", str(db), "--format", "parquet", "-o", str(path)]
        )
        assert done.exit_code == 0, done.output
        table = pq.read_table(path)
        assert table.num_rows == 2
        assert str(table.schema.field("event_date").type) == "date32[day]"
        assert str(table.schema.field("fatalities").type) == "int64"
        assert sorted(d.isoformat() for d in table.column("event_date").to_pylist()) == [
            "2022-01-20",
            "2022-01-21",
        ]
    assert not list(tmp_path.glob(".*.partial"))
