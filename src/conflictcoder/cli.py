"""The command line: parse arguments, call the library, print. Errors are translated here.

Every command that reads documents takes files, directories or ``-`` (stdin). A bad document
is reported on stderr in one line (``conflictcoder: DOC: problem``) and the batch carries on;
the exit status is 1 when any document had a problem.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

import click

from conflictcoder import (
    __version__,
    export,
    gazetteer,
    incident_export,
    incidents,
    readers,
    store,
    timex,
)
from conflictcoder import places as places_stage
from conflictcoder import sentences as sentence_stage
from conflictcoder.errors import ConflictCoderError, InputError
from conflictcoder.evaluate import evaluate
from conflictcoder.models import Analysis, Article
from conflictcoder.pipeline import Problem, Resources, analyse, load_resources, process
from conflictcoder.settings import Settings

FORMATS_EXTRACT = ("jsonl", "csv", "table")
FORMATS_EVENTS = ("table", "jsonl", "csv", "acled-csv", "geojson", "parquet")


def _settings(gazetteer_path: Path | None, actors_path: Path | None) -> Settings:
    return Settings(gazetteer_path=gazetteer_path, actors_path=actors_path)


def _load_gazetteer(settings: Settings) -> gazetteer.Gazetteer:
    """Open the place index, saying so when it has to be built first (a one-time cost)."""
    path = settings.resolved_gazetteer_path()
    if gazetteer.needs_build(path):
        click.echo(
            f"conflictcoder: building the gazetteer index at {path} (once; one to two minutes)",
            err=True,
        )
    return gazetteer.load(settings)


def _resources(settings: Settings) -> Resources:
    return load_resources(settings, gazetteer=_load_gazetteer(settings))


def _report(problem: Problem) -> None:
    message = problem.message
    if not message.startswith(f"{problem.doc_id}:"):
        message = f"{problem.doc_id}: {message}"
    click.echo(f"conflictcoder: {message}", err=True)


def _read(paths: Iterable[str], date_: datetime | None, columns: readers.Columns):
    default = date_.date() if date_ else None
    return readers.read(paths, default_date=default, columns=columns)


def document_options(func):
    """Options shared by the commands that read documents."""
    options = [
        click.argument("paths", nargs=-1, required=True),
        click.option(
            "--date",
            "date_",
            type=click.DateTime(["%Y-%m-%d"]),
            help="Publication date for documents that carry none (text, pages, feed items).",
        ),
        click.option("--id-column", default="id", show_default=True, help="JSONL/CSV id column."),
        click.option(
            "--date-column", default="date", show_default=True, help="JSONL/CSV date column."
        ),
        click.option(
            "--text-column", default="text", show_default=True, help="JSONL/CSV text column."
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def resource_options(func):
    func = click.option(
        "--gazetteer",
        "gazetteer_path",
        type=click.Path(path_type=Path, dir_okay=False),
        envvar="CONFLICTCODER_GAZETTEER",
        help="Gazetteer index (SQLite). Default: built once in the user cache directory.",
    )(func)
    func = click.option(
        "--actors",
        "actors_path",
        type=click.Path(path_type=Path, exists=True, dir_okay=False),
        help="Actor lexicon CSV replacing the bundled one.",
    )(func)
    return func


def _columns(id_column: str, date_column: str, text_column: str) -> readers.Columns:
    return readers.Columns(id=id_column, date=date_column, text=text_column)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="conflictcoder")
def cli() -> None:
    """Turn dated news reports about political violence into ACLED-style events."""


@cli.command()
@document_options
@resource_options
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS_EXTRACT), default="jsonl", show_default=True
)
def extract(paths, date_, id_column, date_column, text_column, gazetteer_path, actors_path, fmt):
    """Extract events from articles and print them (no database needed).

    PATHS are files or directories of plain text, JSONL, CSV, HTML pages or RSS/Atom feeds,
    or - for standard input.

    Example: conflictcoder extract article.txt --format table
    """
    resources = _resources(_settings(gazetteer_path, actors_path))
    problems = 0

    def events():
        nonlocal problems
        for result in process(
            _read(paths, date_, _columns(id_column, date_column, text_column)), resources
        ):
            if isinstance(result, Problem):
                problems += 1
                _report(result)
            else:
                yield from result.events

    export.write(events(), fmt, sys.stdout)
    sys.exit(1 if problems else 0)


def _each_article(paths, date_, columns) -> Iterable[Article]:
    problems = 0
    for item in _read(paths, date_, columns):
        if isinstance(item, Article):
            yield item
        else:
            problems += 1
            click.echo(f"conflictcoder: {item}", err=True)
    if problems:
        sys.exit(1)


def _print_jsonl(record: dict) -> None:
    click.echo(export.json_text(record))


@cli.command("timex")
@document_options
def timex_command(paths, date_, id_column, date_column, text_column):
    """Print the temporal expressions of articles, one JSON object each.

    Example: conflictcoder timex article.txt
    """
    for article in _each_article(paths, date_, _columns(id_column, date_column, text_column)):
        for found in timex.tag(article.text, article.published):
            _print_jsonl(
                {
                    "doc_id": article.doc_id,
                    "start": found.start,
                    "end": found.end,
                    "text": found.text,
                    "type": found.type,
                    "value": found.value,
                    "day": found.day.isoformat() if found.day else None,
                    "time_precision": found.precision,
                }
            )


@cli.command("places")
@document_options
@click.option(
    "--gazetteer",
    "gazetteer_path",
    type=click.Path(path_type=Path, dir_okay=False),
    envvar="CONFLICTCODER_GAZETTEER",
    help="Gazetteer index (SQLite).",
)
def places_command(paths, date_, id_column, date_column, text_column, gazetteer_path):
    """Print the place mentions of articles, one JSON object each.

    Example: conflictcoder places article.txt
    """
    gaz = _load_gazetteer(_settings(gazetteer_path, None))
    columns = _columns(id_column, date_column, text_column)
    for article in _each_article(paths, date_ or datetime(1970, 1, 1), columns):
        sents = sentence_stage.split(article.text)
        for mention in places_stage.find(article.text, sents, gaz):
            place = mention.place
            _print_jsonl(
                {
                    "doc_id": article.doc_id,
                    "start": mention.start,
                    "end": mention.end,
                    "text": mention.text,
                    "geonameid": place.geonameid if place else None,
                    "name": place.name if place else None,
                    "latitude": place.latitude if place else None,
                    "longitude": place.longitude if place else None,
                    "feature_code": place.feature_code if place else None,
                    "country": place.country if place else None,
                    "admin1": place.admin1 if place else None,
                    "admin2": place.admin2 if place else None,
                    "kind": mention.kind,
                    "geo_precision": mention.geo_precision,
                }
            )


@cli.command()
@document_options
@resource_options
@click.option("--db", "db_path", required=True, type=click.Path(path_type=Path, dir_okay=False))
def ingest(paths, date_, id_column, date_column, text_column, gazetteer_path, actors_path, db_path):
    """Extract events from articles and store documents, events and evidence in SQLite.

    Idempotent: a document already stored with the same text, extracted by the same
    pipeline (conflictcoder version, actor lexicon, gazetteer), is skipped; one whose text
    or pipeline changed is extracted again and its events replaced.

    Example: conflictcoder ingest articles/ --db events.db
    """
    resources = _resources(_settings(gazetteer_path, actors_path))
    conn = store.open_db(db_path)
    counts = dict.fromkeys(("new", "changed", "current", "events", "problems"), 0)
    todo: list[Article | InputError] = []
    for item in _read(paths, date_, _columns(id_column, date_column, text_column)):
        state = (
            "new"
            if isinstance(item, InputError)
            else store.document_state(conn, item, resources.version)
        )
        if state == "current":
            counts["current"] += 1
        else:
            todo.append(item)
    with click.progressbar(
        process(todo, resources),
        length=len(todo),
        label="ingesting",
        file=sys.stderr,
        hidden=len(todo) < 20 or not sys.stderr.isatty(),
    ) as bar:
        for result in bar:
            now = datetime.now(UTC)
            if isinstance(result, Analysis):
                result = _store(conn, result, resources, now, counts)
            if isinstance(result, Problem):
                counts["problems"] += 1
                store.add_problem(conn, result.doc_id, result.stage, result.message, now=now)
                _report(result)
    conn.close()
    click.echo(
        f"documents: {counts['new']} added, {counts['changed']} re-extracted, "
        f"{counts['current']} unchanged; events: {counts['events']} added; "
        f"problems: {counts['problems']}",
        err=True,
    )
    sys.exit(1 if counts["problems"] else 0)


def _store(
    conn: sqlite3.Connection,
    analysis: Analysis,
    resources: Resources,
    now: datetime,
    counts: dict[str, int],
) -> Problem | None:
    """Store one analysed document and link its events, counting what happened; a failure
    is that document's problem, so the batch goes on (a locked or full database stops it)."""
    state = store.document_state(conn, analysis.article, resources.version)
    failed: list[str] = []
    try:
        stored = store.add_document(
            conn, analysis.article, analysis.events, now=now, pipeline=resources.version
        )
        if stored:
            summary = incidents.link_pending(conn, resources.settings, now=now)
            mine = store.event_ids(conn, analysis.article.doc_id)
            failed = [why for event_id, why in summary.failed if event_id in mine]
    except sqlite3.OperationalError:  # locked or full: every document would fail
        raise
    except Exception as error:  # one document's storing or linking must not stop the batch
        return Problem(analysis.article.doc_id, "store", f"{type(error).__name__}: {error}")
    if stored:
        counts[state] += 1
        counts["events"] += len(analysis.events)
    else:
        counts["current"] += 1
    if failed:  # stored, but some of its events are not linked (an earlier one's stay so too)
        return Problem(analysis.article.doc_id, "link", failed[0])
    return None


def query_options(noun: str):
    """The database and filter options shared by ``events`` and ``incidents``."""

    def decorate(func):
        options = [
            click.option(
                "--db",
                "db_path",
                required=True,
                type=click.Path(path_type=Path, exists=True, dir_okay=False),
            ),
            click.option(
                "--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), help="First event date."
            ),
            click.option(
                "--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), help="Last event date."
            ),
            click.option("--country", help="Country name or ISO3 code."),
            click.option("--type", "event_type", help="Event type or sub-event type."),
            click.option("--actor", help="Part of an actor name."),
            click.option("--limit", type=int, help=f"At most this many {noun}."),
            click.option(
                "--format",
                "fmt",
                type=click.Choice(FORMATS_EVENTS),
                default="table",
                show_default=True,
            ),
            click.option(
                "--output",
                "-o",
                "output",
                type=click.Path(path_type=Path, dir_okay=False),
                help="Write to this file instead of standard output.",
            ),
        ]
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


@contextlib.contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    """The file ``--output`` names (UTF-8, written whole or not at all), else standard output."""
    if path is None:
        yield sys.stdout
        return
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            yield out
        partial.replace(path)
    except OSError as error:
        raise ConflictCoderError(f"cannot write {path} ({error.strerror or error})") from error
    finally:
        partial.unlink(missing_ok=True)


def _filters(date_from, date_to, country, event_type, actor, limit) -> store.Filters:
    return store.Filters(
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date() if date_to else None,
        country=country,
        event_type=event_type,
        actor=actor,
        limit=limit,
    )


@cli.command("events")
@query_options("events")
def events_command(db_path, date_from, date_to, country, event_type, actor, limit, fmt, output):
    """Query stored events, each with its incident.

    Example: conflictcoder events --db events.db --country Syria --format acled-csv
    """
    conn = store.open_db(db_path)
    filters = _filters(date_from, date_to, country, event_type, actor, limit)
    rows = store.query_events_with_incidents(conn, filters)
    with _output(output) as out:
        incident_export.write_events(rows, fmt, out)


@cli.command("incidents")
@query_options("incidents")
def incidents_command(db_path, date_from, date_to, country, event_type, actor, limit, fmt, output):
    """Query incidents: the reports of one real event merged, with their sources and tolls.

    Example: conflictcoder incidents --db events.db --country Syria --format jsonl
    """
    conn = store.open_db(db_path)
    try:  # events stored by older versions, or whose linking failed at ingest
        incidents.link_pending(conn, Settings(), now=datetime.now(UTC))
    except Exception as error:  # a bug, reported; the stored incidents can still be read
        click.echo(
            f"conflictcoder: warning: events not yet linked stay unlinked"
            f" ({type(error).__name__}: {error}); this is a bug, please report it",
            err=True,
        )
    filters = _filters(date_from, date_to, country, event_type, actor, limit)
    found = incident_export.query_incidents(conn, filters)
    with _output(output) as out:
        incident_export.write_incidents(found, fmt, out)


@cli.command("eval")
@click.argument("gold", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "--lag-days", default=1, show_default=True, help="Document date = event_date + N days."
)
@click.option("--limit", type=int, help="Score only the first N rows.")
@resource_options
def eval_command(gold, lag_days, limit, gazetteer_path, actors_path):
    """Score extraction against an ACLED export (its notes as text) and print JSON.

    Example: conflictcoder eval acled_export.csv --lag-days 1
    """
    resources = _resources(_settings(gazetteer_path, actors_path))

    def extract_events(article: Article):
        return analyse(article, resources).events

    scores = evaluate(gold, extract_events, lag_days=lag_days, limit=limit)
    click.echo(json.dumps(scores, indent=2))


@cli.group("gazetteer")
def gazetteer_group() -> None:
    """Build the place index or add GeoNames dumps to it."""


@gazetteer_group.command("build")
@click.option("--gazetteer", "gazetteer_path", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--force", is_flag=True, help="Rebuild even if the index exists.")
def gazetteer_build(gazetteer_path, force):
    """Build the gazetteer index from the bundled GeoNames data.

    Example: conflictcoder gazetteer build
    """
    path = _settings(gazetteer_path, None).resolved_gazetteer_path()
    if path.exists() and not force:
        click.echo(f"{path} exists (use --force to rebuild)")
        return
    if path.exists():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    gazetteer.build(path)
    click.echo(f"built {path}")


@gazetteer_group.command("import")
@click.argument("dump", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--gazetteer", "gazetteer_path", type=click.Path(path_type=Path, dir_okay=False))
def gazetteer_import(dump, gazetteer_path):
    """Add a GeoNames dump (allCountries.zip, XX.zip or .txt) to the index.

    Example: conflictcoder gazetteer import FR.zip
    """
    settings = _settings(gazetteer_path, None)
    path = settings.resolved_gazetteer_path()
    _load_gazetteer(settings).close()
    added = gazetteer.import_dump(path, dump)
    click.echo(f"added {added} places from {dump} to {path}")


def main() -> None:
    """Entry point: run the CLI and turn every error into a one-line message.

    Library errors (``ConflictCoderError``) and SQLite errors (a locked or full database) are
    the user's to fix; anything else is a bug in conflictcoder, reported as one line too, with
    the full traceback when ``CONFLICTCODER_TRACEBACK`` is set (exit status 70, sysexits'
    EX_SOFTWARE).
    """
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted!", err=True)
        sys.exit(1)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except ConflictCoderError as error:
        click.echo(f"conflictcoder: {error}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)
    except sqlite3.Error as error:
        click.echo(f"conflictcoder: database error: {error}", err=True)
        sys.exit(1)
    except Exception as error:  # a bug: one line, the traceback on request
        if os.environ.get("CONFLICTCODER_TRACEBACK"):
            raise
        click.echo(
            f"conflictcoder: internal error ({type(error).__name__}: {error}); this is a bug,"
            " please report it (set CONFLICTCODER_TRACEBACK=1 for the traceback)",
            err=True,
        )
        sys.exit(70)  # EX_SOFTWARE
