"""Gazetteer index: building from GeoNames-layout dumps, name keys, lookups, countries."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest

from conflictcoder import gazetteer
from conflictcoder.errors import ConflictCoderError, GazetteerError
from conflictcoder.gazetteer_build import _box_centre
from conflictcoder.placenames import fold, keys, respellings, skeleton, variant_key
from conflictcoder.settings import Settings

FIXTURE = Path(__file__).parent / "fixtures" / "geonames_mini.txt"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("gaz") / "mini.sqlite"
    return gazetteer.build(dest, extra_dumps=[FIXTURE], bundled=False)


@pytest.fixture(scope="module")
def gaz(index: Path) -> gazetteer.Gazetteer:
    return gazetteer.Gazetteer.open(index)


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Al-Ḩasakah", "al hasakah"),
        ("Ma‘arrat al-Nu‘man", "maarrat al numan"),
        ("Deir ez-Zor", "deir ez zor"),
        ("Идлиб", None),
        ("", None),
    ],
)
def test_fold(raw: str, folded: str | None) -> None:
    assert fold(raw) == folded


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hassakeh", "al-Hasakah"),
        ("Hasaka", "Al Ḩasakah"),
        ("Deir ez-Zor", "Dayr az Zawr"),
        ("Tarmiyah", "Aţ Ţārmīyah"),
        ("Qamishli", "Al Qāmishlī"),
        ("Raqqa", "Ar Raqqah"),
        ("Maarat al-Numan", "Ma'arrat al-Nu'man"),
    ],
)
def test_variant_keys_agree(a: str, b: str) -> None:
    assert keys(a) is not None and keys(a) == keys(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Gweiran", "Ghwayran"),
        ("Tassil", "Tasīl"),
        ("Idleb", "Idlib"),
        ("Mosul", "Al Mawşil"),
        ("Haleb", "Ḩalab"),
    ],
)
def test_skeletons_agree(a: str, b: str) -> None:
    assert skeleton(fold(a) or "") == skeleton(fold(b) or "")


@pytest.mark.parametrize(("a", "b"), [("Paris", "Perth"), ("Baghdad", "Basra")])
def test_variant_keys_differ(a: str, b: str) -> None:
    assert variant_key(fold(a) or "") != variant_key(fold(b) or "")


@pytest.mark.parametrize(
    ("name", "first_id", "admin1"),
    [
        ("Hassakeh", 173813, "Al-Hasakah"),  # the governorate is the most populous homonym
        ("Al-Hasakah", 173813, "Al-Hasakah"),
        ("Dayr az Zawr", 170792, "Deir ez-Zor"),
        ("Tarmiyah", 98403, "Baghdad"),
        ("Bagdad", 98182, "Baghdad"),
        ("Mossul", 99072, "Nineveh"),
        ("Paris", 2988507, "Ile-de-France"),
    ],
)
def test_lookup(gaz: gazetteer.Gazetteer, name: str, first_id: int, admin1: str) -> None:
    found = gaz.lookup(name)
    assert found[0].geonameid == first_id
    assert found[0].admin1 == admin1


def test_lookup_returns_all_homonyms(gaz: gazetteer.Gazetteer) -> None:
    found = {(p.country, p.admin1) for p in gaz.lookup("Paris")}
    assert found == {
        ("FR", "Ile-de-France"),
        ("US", "Texas"),
        ("US", "Illinois"),
        ("US", "Tennessee"),
    }


@pytest.mark.parametrize("name", ["Friday", "Islamic", "xyz", "", "Al"])
def test_lookup_misses(gaz: gazetteer.Gazetteer, name: str) -> None:
    assert gaz.lookup(name) == []


def test_loose_lookup(gaz: gazetteer.Gazetteer) -> None:
    assert 170063 in {p.geonameid for p in gaz.lookup_loose("Haleb")}
    assert 7303764 in {p.geonameid for p in gaz.lookup_loose("Rasm Hamd")}


@pytest.mark.parametrize(
    ("folded", "other"),
    [
        ("thiban", "dhiban"),
        ("thiban", "diban"),
        ("dhiban", "ziban"),
        ("sheikh", "shaykh"),
        ("qamishli", "gamishli"),
        ("kherbet naqus", "khirbat naqus"),
        ("tal hmis", "tall hmis"),
        ("ein issa", "ayn issa"),
        ("saraqeb", "saraqib"),
    ],
)
def test_respellings(folded: str, other: str) -> None:
    assert other in respellings(folded)


def test_loose_lookup_prefers_an_exact_respelling(gaz: gazetteer.Gazetteer) -> None:
    # "Tal Abyad" respelled "Tall Abyad" matches exactly, ahead of any skeleton match
    assert [p.geonameid for p in gaz.lookup_loose("Tal Abyad")][:1] == [163806]


@pytest.mark.parametrize(
    ("name", "iso2"),
    [
        ("Iraqi", "IQ"),
        ("Syrians", "SY"),
        ("Syria", "SY"),
        ("U.S.", "US"),
        ("United States", "US"),
        ("Britain", "GB"),
        ("the Democratic Republic of the Congo", "CD"),
        ("Afghans", "AF"),
        ("Baghdad", None),
        ("Palestinian Territories", "PS"),
        # regions of a country are places of it, not its name (the country is coded to its
        # seat: "in Gaza" would land in Jerusalem)
        ("Gaza", None),
        ("West Bank", None),
    ],
)
def test_country_by_name(gaz: gazetteer.Gazetteer, name: str, iso2: str | None) -> None:
    assert gaz.country_by_name(name) == iso2


def test_country_records(gaz: gazetteer.Gazetteer) -> None:
    syria = gaz.country("SY")
    assert syria is not None and syria.name == "Syria" and syria.feature_code == "PCLI"
    assert gaz.iso3("SY") == "SYR" and gaz.iso3("IQ") == "IRQ"
    assert gaz.country_name("IQ") == "Iraq"
    assert gaz.country("ZZ") is None and gaz.iso3("ZZ") is None
    assert "TR" in gaz.neighbours("SY")


@pytest.mark.parametrize(
    ("country", "code", "name"),
    [
        ("SY", "01", "Al-Hasakah"),
        ("IQ", "07", "Baghdad"),
        ("US", "TX", "Texas"),
        ("SY", "99", None),
    ],
)
def test_admin1_name(gaz: gazetteer.Gazetteer, country: str, code: str, name: str | None) -> None:
    assert gaz.admin1_name(country, code) == name


def test_admin2_name(gaz: gazetteer.Gazetteer) -> None:
    assert gaz.admin2_name("US", "TX", "277") == "Lamar"
    assert gaz.admin2_name("US", "TX", None) is None


def test_admin1_seat(gaz: gazetteer.Gazetteer) -> None:
    seat = gaz.admin1_seat("SY", "01")
    assert seat is not None and seat.geonameid == 173811


@pytest.mark.parametrize(
    ("gid", "seat_id"),
    [
        (173813, 173811),  # Al-Hasakah governorate -> Al Hasakah city
        (98180, 98182),  # Baghdad governorate -> Baghdad
        (90392, 90393),  # Tel Afar District (ADM2) -> Tall 'Afar (PPLA2)
        (99072, None),  # a city is its own location
    ],
)
def test_seat_of_admin_areas(gaz: gazetteer.Gazetteer, gid: int, seat_id: int | None) -> None:
    place = gaz.get(gid)
    assert place is not None
    seat = gaz.seat(place)
    assert (seat.geonameid if seat else None) == seat_id


@pytest.mark.parametrize(("iso2", "seat_id"), [("IQ", 98182), ("FR", 2988507), ("SY", None)])
def test_seat_of_country_is_capital(
    gaz: gazetteer.Gazetteer, iso2: str, seat_id: int | None
) -> None:
    country = gaz.country(iso2)
    assert country is not None
    seat = gaz.seat(country)
    assert (seat.geonameid if seat else None) == seat_id  # Damascus is not in the fixture


def test_get(gaz: gazetteer.Gazetteer) -> None:
    place = gaz.get(4717560)
    assert place is not None and place.admin1 == "Texas" and place.admin2 == "Lamar"
    assert gaz.get(1) is None


def test_import_dump_adds_rows_once(tmp_path: Path) -> None:
    index = gazetteer.build(tmp_path / "g.sqlite", bundled=False)
    extra = tmp_path / "XX.zip"
    with zipfile.ZipFile(extra, "w") as archive:
        archive.writestr("XX.txt", FIXTURE.read_text(encoding="utf-8"))
    rows = len(FIXTURE.read_text(encoding="utf-8").splitlines())
    assert gazetteer.import_dump(index, extra) == rows
    assert gazetteer.import_dump(index, extra) == 0
    assert gazetteer.Gazetteer.open(index).lookup("Tarmiya")[0].geonameid == 98403


def test_bad_dump_raises(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("not\ta\tdump\n", encoding="utf-8")
    with pytest.raises(GazetteerError):
        gazetteer.build(tmp_path / "g.sqlite", extra_dumps=[bad], bundled=False)


def test_open_missing_raises(tmp_path: Path) -> None:
    with pytest.raises(ConflictCoderError):
        gazetteer.Gazetteer.open(tmp_path / "missing.sqlite")


def test_load_rebuilds_index_of_another_schema(tmp_path: Path) -> None:
    stale = gazetteer.build(tmp_path / "g.sqlite", bundled=False)
    with sqlite3.connect(stale) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
    assert gazetteer.needs_build(stale)
    with pytest.raises(GazetteerError):
        gazetteer.Gazetteer.open(stale)
    built: list[Path] = []
    real_build = gazetteer.build

    def fake_build(dest: Path, **_: object) -> Path:
        built.append(dest)
        return real_build(dest, extra_dumps=[FIXTURE], bundled=False)

    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(gazetteer, "build", fake_build)
    try:
        gaz = gazetteer.load(Settings(gazetteer_path=stale))
    finally:
        monkeypatch.undo()
    assert built == [stale] and not gazetteer.needs_build(stale)
    assert gaz.lookup("Mosul")


def test_load_opens_existing_index(index: Path) -> None:
    gaz = gazetteer.load(Settings(gazetteer_path=index))
    assert 172955 in {p.geonameid for p in gaz.lookup("Raqqa")}


@pytest.mark.parametrize(
    ("raw", "short"),
    [("Benue State", "Benue"), ("Zaghouan Governorate", "Zaghouan"), ("Free State", "Free State")],
)
def test_admin_name(raw: str, short: str) -> None:
    assert gazetteer.admin_name(raw) == short


def test_concurrent_builds_of_one_index_both_succeed(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    dest = tmp_path / "shared.sqlite"
    with ThreadPoolExecutor(max_workers=2) as pool:
        jobs = [
            pool.submit(gazetteer.build, dest, extra_dumps=[FIXTURE], bundled=False)
            for _ in range(2)
        ]
        assert [job.result() for job in jobs] == [dest, dest]
    assert gazetteer.Gazetteer.open(dest).lookup("Baghdad")
    assert [p.name for p in tmp_path.iterdir()] == ["shared.sqlite"]


@pytest.mark.parametrize(
    ("points", "centre"),
    [
        ([(30.0, -100.0), (31.0, -99.0), (36.0, -94.0)], (33.0, -97.0)),
        ([(52.0, 179.0), (60.0, -179.0), (56.0, -170.0)], (56.0, -175.5)),
    ],
)
def test_province_point_is_the_middle_of_its_towns_box(
    points: list[tuple[float, float]], centre: tuple[float, float]
) -> None:
    assert _box_centre(points) == pytest.approx(centre)
