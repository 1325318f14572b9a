"""The GeoNames gazetteer: a compact SQLite index built once, then looked up by name.

``gazetteer_build`` makes the index (``build``, ``import_dump``; re-exported here);
``Gazetteer.open`` reads it and lookups are indexed SQLite queries. Names are filed under
two keys from ``placenames``: a transliteration-tolerant variant key and a consonant skeleton.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from conflictcoder.errors import GazetteerError
from conflictcoder.gazetteer_build import (
    SCHEMA_VERSION,
    admin_name,
    ascii_name,
    build,
    bundled_dumps,
    import_dump,
)
from conflictcoder.geometry import km
from conflictcoder.models import Place
from conflictcoder.placenames import fold, keys, respellings, skeleton, variant_key
from conflictcoder.settings import Settings

__all__ = [
    "SCHEMA_VERSION",
    "Gazetteer",
    "admin_name",
    "ascii_name",
    "build",
    "bundled_dumps",
    "import_dump",
    "load",
    "needs_build",
]

# ---------------------------------------------------------------- reading the index

_PLACE_COLUMNS = "p.id, p.name, p.lat, p.lon, p.fcode, p.country, p.a1, p.a2, p.pop"
# A district's town named like it lies this near the district's point (km).
_NAMESAKE_KM = 60.0


class Gazetteer:
    """Read-only access to a built index. Cheap to open; lookups are indexed queries."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self._db = db
        self.path = path
        self._admin1 = dict(db.execute("SELECT code, name FROM admin1"))
        self._countries = {
            row[0]: row for row in db.execute("SELECT * FROM countries ORDER BY iso2")
        }
        self._country_names = {
            key: (iso2, kind) for key, iso2, kind in db.execute("SELECT * FROM country_names")
        }
        self._cache: dict[tuple[str, str], tuple[Place, ...]] = {}
        self._admin2: dict[str, str | None] = {}
        self._admin2_names: dict[str, tuple[tuple[str, str, str, int], ...]] | None = None
        # admin1 code -> first letter of the name's variant key (a guess) -> raw rows
        self._area_rows: dict[str, dict[str, list[tuple[str, int, float, float]]]] = {}
        self._area_keys: dict[tuple[str, str], tuple[tuple[str, int, float, float], ...]] = {}

    @classmethod
    def open(cls, path: Path) -> Gazetteer:
        if not Path(path).exists():
            raise GazetteerError(f"no gazetteer index at {path}")
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            version = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        except sqlite3.Error as exc:
            raise GazetteerError(f"cannot open gazetteer {path}: {exc}") from exc
        if not version or version[0] != SCHEMA_VERSION:
            raise GazetteerError(f"gazetteer {path} is from another version; rebuild it")
        return cls(db, Path(path))

    def close(self) -> None:
        self._db.close()

    # -- places

    def _place(self, row: tuple) -> Place:
        gid, name, lat, lon, fcode, country, a1, a2, pop = row
        return Place(
            geonameid=gid if gid > 0 else None,
            name=name,
            latitude=lat,
            longitude=lon,
            feature_code=fcode,
            country=country,
            admin1=self.admin1_name(country, a1),
            admin2=self.admin2_name(country, a1, a2),
            population=pop,
        )

    def _query(self, table: str, key: str) -> tuple[tuple[Place, bool], ...]:
        cached = self._cache.get((table, key))
        if cached is None:
            main = "n.main" if table == "names" else "0"
            sql = (
                f"SELECT {_PLACE_COLUMNS}, {main} FROM {table} n JOIN places p ON p.id = n.id "
                "WHERE n.key = ? ORDER BY p.pop DESC, p.id LIMIT 400"
            )
            rows = self._db.execute(sql, (key,))
            cached = tuple((self._place(r[:-1]), bool(r[-1])) for r in rows)
            self._cache[(table, key)] = cached
        return cached

    def candidates(self, name: str, *, loose: bool = False) -> tuple[tuple[Place, bool], ...]:
        """``(place, matched its main name)`` pairs for ``name``, most populous first.

        ``loose`` matches by consonant skeleton instead of the variant key.
        """
        folded = fold(name)
        if not folded:
            return ()
        key = skeleton(folded) if loose else variant_key(folded)
        if len(key) < 3:
            return ()
        if loose:  # another transliteration spelled exactly beats a consonant skeleton
            found: dict[int, tuple[Place, bool]] = {}
            own = variant_key(folded)
            for other in respellings(folded):
                other_key = variant_key(other)
                if len(other_key) >= 3 and other_key != own:  # not the name as written
                    for pair in self._query("names", other_key):
                        found.setdefault(pair[0].geonameid, pair)
            if found:
                return tuple(sorted(found.values(), key=lambda p: -p[0].population))
        return self._query("skels" if loose else "names", key)

    def skeleton_candidates(self, name: str) -> tuple[tuple[Place, bool], ...]:
        """``(place, False)`` pairs of the places whose name has the consonant skeleton of
        ``name`` (no respelling tried first), most populous first; use only with context."""
        folded = fold(name)
        key = skeleton(folded) if folded else ""
        if len(key) < 3:
            return ()
        return self._query("skels", key)

    def lookup(self, name: str) -> list[Place]:
        """Places whose name or alternate name matches ``name`` up to spelling variants."""
        return [place for place, _ in self.candidates(name)]

    def lookup_loose(self, name: str) -> list[Place]:
        """Places whose name has the same consonant skeleton (use only with context)."""
        return [place for place, _ in self.candidates(name, loose=True)]

    def area_names(
        self, country: str, admin1: str, initial: str, heads: bool = False
    ) -> tuple[tuple[str, int, float, float], ...]:
        """``(variant key of the main name, geonameid, lat, lon)`` of the towns and villages in
        the admin1 area named ``admin1`` (its name as ``Place.admin1`` gives it) whose key
        starts with ``initial`` (at least those), for matching a spelling the index does not
        know against the places of a province the text names. Keys are computed lazily, per
        letter, since a province may have thousands of villages. With
        ``heads``, the keys of the leading words of names of several words instead ("tukhar"
        for "Tukhar Taymu"), for a name the text gives shortened."""
        code = next(
            (k for k, v in self._admin1.items() if v == admin1 and k.startswith(country + ".")),
            None,
        )
        if code is None:
            return ()
        rows = self._area_rows.get(code)
        if rows is None:
            rows = {}
            found = self._db.execute(
                "SELECT id, name, lat, lon FROM places WHERE country = ? AND a1 = ? "
                "AND fcode NOT IN ('ADM1', 'ADM2')",
                (country, code.split(".", 1)[1]),
            )
            for gid, name, lat, lon in found:
                rows.setdefault(_initial_guess(name), []).append((name, gid, lat, lon))
            self._area_rows[code] = rows
        letters = sorted({initial, ""})
        out: list[tuple[str, int, float, float]] = []
        for letter in letters:
            cached = self._area_keys.get((code, "^" + letter if heads else letter))
            if cached is None:
                named = rows.get(letter, ())
                if heads:
                    named = [
                        (" ".join(words[:n]), gid, lat, lon)
                        for name, gid, lat, lon in named
                        for words in (name.split(),)
                        for n in range(1, len(words))
                    ]
                keyed = ((keys(name), gid, lat, lon) for name, gid, lat, lon in named)
                cached = tuple(
                    (k[0], gid, lat, lon) for k, gid, lat, lon in keyed if k and len(k[0]) >= 3
                )
                self._area_keys[(code, "^" + letter if heads else letter)] = cached
            out.extend(cached)
        return tuple(out)

    def admin2_named(self, name: str) -> tuple[tuple[str, str, str, int], ...]:
        """``(country, admin1 code, admin2 code, geonameid)`` of every admin2 area whose name
        is ``name`` up to case ("Laurel" for Laurel County: the index files admin names without
        their "County", "District"... suffix), including those without a point."""
        if self._admin2_names is None:
            table: dict[str, list[tuple[str, str, str, int]]] = {}
            for code, area, gid in self._db.execute("SELECT code, name, id FROM admin2"):
                parts = code.split(".")
                if len(parts) == 3 and area:
                    table.setdefault(area.lower(), []).append((*parts, gid))
            self._admin2_names = {k: tuple(v) for k, v in table.items()}
        return self._admin2_names.get(name.lower(), ())

    def get(self, geonameid: int) -> Place | None:
        row = self._db.execute(
            f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.id = ?", (geonameid,)
        ).fetchone()
        return self._place(row) if row else None

    def admin1_seat(self, country: str, admin1_code: str) -> Place | None:
        """The capital (PPLA/PPLC) of an admin1 area, else its most populous place."""
        row = self._db.execute(
            f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.country = ? AND p.a1 = ? "
            "AND p.fcode NOT IN ('ADM1', 'ADM2') ORDER BY p.fcode IN ('PPLA', 'PPLC') DESC, "
            "p.pop DESC LIMIT 1",
            (country, admin1_code),
        ).fetchone()
        return self._place(row) if row else None

    def seat(self, place: Place) -> Place | None:
        """Where ACLED codes an event known only at ``place``'s level (geo_precision 3).

        The capital of a country (PCLI...), the seat of an admin1 (its PPLA, else its most
        populous place) or of an admin2 (its PPLA2/PPLA, else its most populous place).
        ``None`` for other places (a town is its own location) and unknown areas.
        The seat of a district whose towns carry no district code (the Syrian dump) is the
        town named like it near its point.
        """
        fcode = place.feature_code or ""
        if fcode.startswith("PCL") or fcode == "PCLI":
            return self._capital(place.country) if place.country else None
        if fcode not in ("ADM1", "ADM2"):
            return None
        if place.geonameid is None:  # an area the index has no row of its own for
            return self._district_town(place) if fcode == "ADM2" else None
        codes = self._db.execute(
            "SELECT country, a1, a2 FROM places WHERE id = ?", (place.geonameid,)
        ).fetchone()
        if codes is None or not codes[0] or not codes[1]:
            return None
        country, a1, a2 = codes
        if fcode == "ADM1":
            return self.admin1_seat(country, a1)
        if not a2:
            return None
        row = self._db.execute(
            f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.country = ? AND p.a1 = ? "
            "AND p.a2 = ? AND p.fcode NOT IN ('ADM1', 'ADM2') ORDER BY "
            "p.fcode IN ('PPLA2', 'PPLA', 'PPLC') DESC, p.pop DESC LIMIT 1",
            (country, a1, a2),
        ).fetchone()
        return self._place(row) if row else self._district_town(place)

    def _district_town(self, district: Place) -> Place | None:
        """The seat of a district whose towns the index files under no district (the Syrian
        dump has no admin2 codes): the town named like it near its point ("Tell Abiad",
        "Menbij"), if any."""
        named = [
            p
            for p in self.lookup(district.name)
            if p.feature_code not in ("ADM1", "ADM2")
            and (p.country, p.admin1) == (district.country, district.admin1)
            and km(p.latitude, p.longitude, district.latitude, district.longitude) <= _NAMESAKE_KM
        ]
        order = {"PPLA2": 0, "PPLA": 1, "PPLC": 1}
        return min(
            named, key=lambda p: (order.get(p.feature_code or "", 3), -p.population), default=None
        )

    def _capital(self, iso2: str) -> Place | None:
        row = self._countries.get(iso2.upper())
        if row is None or not row[3]:
            return None
        same = [p for p in self.lookup(row[3]) if p.country == row[0]]
        same.sort(key=lambda p: (p.feature_code != "PPLC", -p.population))
        return same[0] if same else None

    # -- admin names

    def admin1_name(self, country: str | None, code: str | None) -> str | None:
        if not country or not code:
            return None
        return self._admin1.get(f"{country}.{code}")

    def admin1_names(self, country: str) -> tuple[str, ...]:
        """The names of ``country``'s admin1 areas (as ``Place.admin1`` gives them)."""
        prefix = country + "."
        return tuple(sorted(v for k, v in self._admin1.items() if k.startswith(prefix) and v))

    def admin2_name(self, country: str | None, admin1: str | None, code: str | None) -> str | None:
        if not country or not admin1 or not code:
            return None
        full = f"{country}.{admin1}.{code}"
        if full not in self._admin2:
            row = self._db.execute("SELECT name FROM admin2 WHERE code = ?", (full,)).fetchone()
            self._admin2[full] = row[0] if row else None
        return self._admin2[full]

    # -- countries

    def country(self, iso2: str) -> Place | None:
        row = self._countries.get(iso2.upper())
        if row is None:
            return None
        iso2, _iso3, name, _capital, population, gid, _neigh, lat, lon = row
        return Place(
            geonameid=gid or None,
            name=name,
            latitude=lat,
            longitude=lon,
            feature_code="PCLI",
            country=iso2,
            population=population,
        )

    def country_name(self, iso2: str) -> str | None:
        row = self._countries.get(iso2.upper())
        return row[2] if row else None

    def iso3(self, iso2: str) -> str | None:
        row = self._countries.get(iso2.upper())
        return row[1] if row else None

    def neighbours(self, iso2: str) -> tuple[str, ...]:
        row = self._countries.get(iso2.upper())
        return tuple(n for n in (row[6] or "").split(",") if n) if row else ()

    def country_by_name(self, name: str) -> str | None:
        """ISO2 of a country named by ``name`` or its demonym ("Iraqi" → "IQ")."""
        hit = self.country_entry(name)
        return hit[0] if hit else None

    def country_entry(self, name: str) -> tuple[str, str] | None:
        """``(iso2, kind)`` where kind is ``name``, ``alias`` or ``demonym``."""
        folded = fold(name)
        if not folded:
            return None
        hit = self._country_names.get(folded)
        if hit is None and folded.startswith("the "):
            hit = self._country_names.get(folded[4:])
        return hit

    def countries(self) -> Iterable[str]:
        return iter(self._countries)


# The first letter of a name's variant key, guessed from its raw spelling without keying
# it: names opening with an article, a mark or a non-ASCII letter are filed under "" (always
# keyed); vowels are merged as ``variant_key`` merges them.
_KEY_INITIAL = {"e": "a", "o": "u", "q": "k"}
_ARTICLE_START = re.compile(
    r"(?i)^(?:(?:[aeiu][lnrstdz]|[aeiu]sh|[aeiu]th|[aeiu]dh|dh)\b|[ae]w|ee)"
)


def _initial_guess(name: str) -> str:
    first = name[:1].lower()
    if not first.isascii() or not first.isalpha() or _ARTICLE_START.match(name):
        return ""
    return _KEY_INITIAL.get(first, first)


def needs_build(path: Path) -> bool:
    """True when ``path`` holds no index, or one of another schema version (``load`` builds)."""
    if not Path(path).exists():
        return True
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return True
    return not row or row[0] != SCHEMA_VERSION


def load(settings: Settings) -> Gazetteer:
    """Open the index named by ``settings``; build it from the bundled data when it is
    missing or was built by another schema version."""
    path = settings.resolved_gazetteer_path()
    if needs_build(path):
        build(path)
    return Gazetteer.open(path)
