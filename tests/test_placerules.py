"""Resolution rules: country names read as provinces, containers, lists, namesake cities,
and words that make a name a group or a street (sentences written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conflictcoder import gazetteer, placerank, places
from conflictcoder.models import Place, PlaceMention
from conflictcoder.sentences import split

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def gaz(fixture_gazetteer) -> gazetteer.Gazetteer:
    return fixture_gazetteer("geonames_mini.txt", "geonames_placerules.txt")


def find(text: str, gaz: gazetteer.Gazetteer, quote: str) -> list[PlaceMention]:
    return [m for m in places.find(text, split(text), gaz) if m.text == quote]


@pytest.mark.parametrize(
    ("text", "kind", "country"),
    [
        ("Officials in Georgia approved the school budget on Monday.", "admin1", "US"),
        ("Schools in Cornelia and across Georgia closed early.", "admin1", "US"),
        ("Georgian troops crossed into Georgia from the north.", "country", "GE"),
    ],
)
def test_country_name_or_province(
    gaz: gazetteer.Gazetteer, text: str, kind: str, country: str
) -> None:
    (mention,) = find(text, gaz, "Georgia")
    assert mention.kind == kind and mention.place is not None
    assert mention.place.country == country


def test_container_is_the_province(gaz: gazetteer.Gazetteer) -> None:
    text = "Airstrikes targeted Sahar district (Sadah) overnight."
    (district,) = find(text, gaz, "Sahar")
    (province,) = find(text, gaz, "Sadah")
    assert district.kind == "admin2" and province.kind == "admin1"


def test_list_items_do_not_contain_each_other(gaz: gazetteer.Gazetteer) -> None:
    text = "Raids were reported in Aleppo, Idlib, Mosul and Baghdad."
    (aleppo,) = find(text, gaz, "Aleppo")
    assert aleppo.place is not None and aleppo.place.geonameid == 170063


def test_bare_province_name_is_its_city(gaz: gazetteer.Gazetteer) -> None:
    (city,) = find("Dozens protested in Mogilev on Sunday.", gaz, "Mogilev")
    assert city.kind == "populated" and city.place is not None
    assert city.place.geonameid == 625665
    (area,) = find("Dozens protested in Mogilev province on Sunday.", gaz, "Mogilev")
    assert area.kind == "admin1"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Clashes broke out between Aleppo tribesmen and the police.", "Aleppo"),
        ("A shop on Mosul Street was looted.", "Mosul"),
        ("Taliban fighters attacked a checkpoint.", "Taliban"),
    ],
)
def test_groups_and_streets_are_not_places(gaz: gazetteer.Gazetteer, text: str, quote: str) -> None:
    assert find(text, gaz, quote) == []


def test_unknown_spelling_matches_a_town_of_the_named_province(gaz: gazetteer.Gazetteer) -> None:
    text = "Gunmen killed a fighter in the village of Hdadiyeh in Al-Hasakah countryside."
    (village,) = find(text, gaz, "Hdadiyeh")
    assert village.place is not None and village.place.geonameid == 9900002
    assert village.why is not None and village.why.startswith("closest spelling")
    assert find("Gunmen killed a fighter in the village of Hdadiyeh.", gaz, "Hdadiyeh") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Regime forces captured Arnaba after clashes with rebels.", True),
        ("Regime forces met Arnaba after clashes with rebels.", False),
    ],
)
def test_capture_verbs_name_places(gaz: gazetteer.Gazetteer, text: str, found: bool) -> None:
    assert bool(find(text, gaz, "Arnaba")) == found


@pytest.mark.parametrize(
    ("surface", "closer", "farther"),
    [
        ("Khalsa", "Khalasah", "Mazra`at Halisah"),
        ("Kabani", "Kabanah", "Kubaynah"),
        ("Thiban", "Dhiban", "At Tibni"),
    ],
)
def test_loose_candidates_prefer_the_closer_spelling(
    surface: str, closer: str, farther: str
) -> None:
    likeness = placerank.spelling(surface)
    assert likeness is not None

    def place(name: str) -> Place:
        return Place(
            geonameid=None,
            name=name,
            latitude=36.0,
            longitude=37.0,
            feature_code="PPL",
            country="SY",
        )

    assert likeness(place(closer)) > likeness(place(farther))


_SHORTENED = [  # (id, name, lat, lon, fcode, country, admin1, population): written for these tests
    (9910001, "Qubur Zawra", 36.70, 40.60, "PPL", "SY", "01", 0),
    (9910002, "Dimashir Fawqani", 36.60, 40.95, "PPL", "SY", "01", 0),
    (9910003, "Dimashir Tahtani", 36.20, 40.30, "PPL", "SY", "01", 0),
    (9910004, "Qabar", 33.10, 44.10, "PPL", "IQ", "07", 0),
    (9910005, "Marzabad", 33.50, 44.20, "PPL", "IQ", "07", 250000),
    (9910006, "Tall Marz", 36.60, 40.80, "PPL", "SY", "01", 0),
]
_ALTERNATES = {9910006: "Marzabad"}


@pytest.fixture(scope="module")
def gaz_short(tmp_path_factory: pytest.TempPathFactory) -> gazetteer.Gazetteer:
    folder = tmp_path_factory.mktemp("short")
    dump = folder / "short.txt"
    dump.write_text(
        "".join(
            f"{gid}\t{name}\t{name}\t{_ALTERNATES.get(gid, '')}\t{lat}\t{lon}\tP\t{fcode}\t{cc}\t\t{a1}\t\t\t\t{pop}"
            "\t\t\t\t2024-01-01\n"
            for gid, name, lat, lon, fcode, cc, a1, pop in _SHORTENED
        ),
        encoding="utf-8",
    )
    dest = folder / "short.sqlite"
    dumps = [FIXTURES / "geonames_mini.txt", dump]
    return gazetteer.Gazetteer.open(gazetteer.build(dest, extra_dumps=dumps, bundled=False))


@pytest.mark.parametrize(
    ("text", "quote", "geonameid"),
    [
        # only the first word of a name is given: the one town of the province so named
        (
            "Gunmen killed a fighter in the village of Qubur in Al-Hasakah countryside.",
            "Qubur",
            9910001,
        ),
        ("Clashes took place in Qubur in Al-Hasakah countryside.", "Qubur", 9910001),
        # two towns of the province start so: no telling
        (
            "Gunmen killed a fighter in the village of Dimashir in Al-Hasakah countryside.",
            "Dimashir",
            None,
        ),
        # no province named: the loose match abroad stands
        ("Gunmen killed a fighter in the village of Qubur.", "Qubur", 9910004),
    ],
)
def test_shortened_name_matches_the_one_town_starting_so(
    gaz_short: gazetteer.Gazetteer, text: str, quote: str, geonameid: int | None
) -> None:
    placed = [m.place.geonameid for m in find(text, gaz_short, quote) if m.place is not None]
    assert placed == ([] if geonameid is None else [geonameid])
