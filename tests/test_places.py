"""Place recognition and resolution on sentences written for these tests."""

from __future__ import annotations

import pytest

from conflictcoder import gazetteer, placenames, places
from conflictcoder.models import Place, PlaceMention
from conflictcoder.placenear import check_nearness
from conflictcoder.placerecog import Hit
from conflictcoder.sentences import split


@pytest.fixture(scope="module")
def gaz(fixture_gazetteer) -> gazetteer.Gazetteer:
    return fixture_gazetteer("geonames_mini.txt")


def run(text: str, gaz: gazetteer.Gazetteer) -> tuple[PlaceMention, ...]:
    found = places.find(text, split(text), gaz)
    for mention in found:  # every quoted span reproduces its text
        assert text[mention.start : mention.end] == mention.text
    assert [m.start for m in found] == sorted(m.start for m in found)
    return found


def by_text(found: tuple[PlaceMention, ...], quote: str, kind: str | None = None) -> PlaceMention:
    hits = [m for m in found if m.text == quote and (kind is None or m.kind == kind)]
    assert hits, f"{quote!r} not found in {[m.text for m in found]}"
    return hits[0]


SEEDLIKE = (
    "Militants stormed a jail in Syria on Thursday. Across the border in Iraq, gunmen hit an "
    "army post north of Baghdad, killing 11, according to Iraqi officials. The assault "
    "targeted Gweiran Prison in the northeastern city of Hassakeh, said spokesman Farhad Shami. "
    "Shami said the Syrian Democratic Forces had regained control."
)


@pytest.mark.parametrize(
    ("quote", "kind", "country", "precision"),
    [
        ("Syria", "country", "SY", 3),
        ("Iraq", "country", "IQ", 3),
        ("Iraqi", "country", "IQ", 3),
        ("north of Baghdad", "relative", "IQ", 2),
        ("Baghdad", "populated", "IQ", 1),
        ("Gweiran Prison", "facility", "SY", 1),
        ("Hassakeh", "populated", "SY", 1),
    ],
)
def test_seedlike_mentions(
    gaz: gazetteer.Gazetteer, quote: str, kind: str, country: str, precision: int
) -> None:
    mention = by_text(run(SEEDLIKE, gaz), quote, kind)
    assert mention.place is not None and mention.place.country == country
    assert mention.geo_precision == precision


def test_facility_resolves_to_city(gaz: gazetteer.Gazetteer) -> None:
    prison = by_text(run(SEEDLIKE, gaz), "Gweiran Prison")
    assert prison.place is not None and prison.place.geonameid == 173811
    assert prison.place.admin1 == "Al-Hasakah"


@pytest.mark.parametrize("word", ["Farhad", "Shami", "Thursday", "Democratic", "Forces"])
def test_people_and_common_words_are_not_places(gaz: gazetteer.Gazetteer, word: str) -> None:
    assert all(word not in m.text or m.kind == "country" for m in run(SEEDLIKE, gaz))


@pytest.mark.parametrize(
    ("text", "quote", "geonameid"),
    [
        ("A tornado hit Paris, Texas, on Monday.", "Paris", 4717560),
        ("Flooding closed roads around Paris, Illinois.", "Paris", 4246659),
        ("Protesters marched in Paris on Saturday.", "Paris", 2988507),
        ("Officials in Texas said the storm hit Paris overnight.", "Paris", 4717560),
        ("Fighting broke out in Tripoli, the Libyan capital.", "Tripoli", 2210247),
        ("Lebanese troops deployed in Tripoli after clashes.", "Tripoli", 266826),
        ("A bomb exploded in Alexandria, Egypt.", "Alexandria", 361058),
        ("Police in Alexandria, Louisiana arrested a man.", "Alexandria", 4314550),
    ],
)
def test_homonyms(gaz: gazetteer.Gazetteer, text: str, quote: str, geonameid: int) -> None:
    mention = by_text(run(text, gaz), quote)
    assert mention.place is not None and mention.place.geonameid == geonameid


@pytest.mark.parametrize(
    ("text", "quote", "geonameid"),
    [
        ("Clashes erupted in Dayr az Zawr city.", "Dayr az Zawr", 170794),
        ("Shelling hit Deir ez-Zor overnight.", "Deir ez-Zor", 170794),
        ("Jets struck al-Hasakah and Raqqa.", "al-Hasakah", 173811),
        ("Jets struck al-Hasakah and Raqqa.", "Raqqa", 172955),
        ("Gunmen attacked a checkpoint in Tarmiyah, Baghdad.", "Tarmiyah", 98403),
        ("A car bomb went off in Mosul.", "Mosul", 99072),
        ("Rebels shelled Saraqeb in Syria.", "Saraqeb", 166365),
        ("Clashes in Tel Abyad left two dead.", "Tel Abyad", 163806),
    ],
)
def test_spelling_variants(gaz: gazetteer.Gazetteer, text: str, quote: str, geonameid: int) -> None:
    mention = by_text(run(text, gaz), quote)
    assert mention.place is not None and mention.place.geonameid == geonameid


@pytest.mark.parametrize(
    ("text", "quote", "kind", "precision"),
    [
        ("Airstrikes hit villages in Idlib province on Monday.", "Idlib", "admin1", 3),
        ("Airstrikes hit the city of Idlib on Monday.", "Idlib", "populated", 1),
        ("Clashes took place near Saraqib in Syria.", "near Saraqib", "relative", 2),
        ("Regime forces shelled Aleppo's countryside.", "Aleppo's countryside", "relative", 2),
        ("Fighting on the outskirts of Mosul continued.", "outskirts of Mosul", "relative", 1),
        ("Troops advanced 20 km south of Mosul.", "20 km south of Mosul", "relative", 2),
    ],
)
def test_admin_and_relative_cues(
    gaz: gazetteer.Gazetteer, text: str, quote: str, kind: str, precision: int
) -> None:
    mention = by_text(run(text, gaz), quote, kind)
    assert mention.geo_precision == precision


@pytest.mark.parametrize(
    "text",
    [
        "Clashes took place on Rasim Hamid frontline in Aleppo countryside.",
        "Rebels shelled the frontline of Rasim Hamid in Aleppo countryside.",
        "Clashes on the axis of Rasim Hamid, Aleppo countryside.",
    ],
)
def test_front_lines_name_places(gaz: gazetteer.Gazetteer, text: str) -> None:
    village = by_text(run(text, gaz), "Rasim Hamid")
    assert village.place is not None and village.place.geonameid == 7303764


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Shells fell in Western Raqqa on Monday.", "Raqqa"),
        ("He moved to Western Syria in 2019.", "Syria"),
        ("Fighting raged in Lower Saraqib in Idlib.", "Saraqib"),
    ],
)
def test_an_english_qualifier_without_an_arabic_namesake_keeps_the_name(
    gaz: gazetteer.Gazetteer, text: str, quote: str
) -> None:
    assert by_text(run(text, gaz), quote).place is not None


def test_a_group_named_front_is_no_place_cue(gaz: gazetteer.Gazetteer) -> None:
    assert not [m for m in run("Rasim Hamid Front fighters spoke.", gaz) if m.place]


def test_loose_match_needs_context(gaz: gazetteer.Gazetteer) -> None:
    cued = run("Clashes hit the village of Rasim Hamid in Aleppo, Syria.", gaz)
    village = by_text(cued, "Rasim Hamid")
    assert village.place is not None and village.place.geonameid == 7303764
    assert village.why is not None and "skeleton" in village.why
    bare = run("Rasim Hamid spoke to reporters.", gaz)
    assert not [m for m in bare if m.text == "Rasim Hamid"]


@pytest.mark.parametrize(
    "text",
    [
        "The Police said on Friday that the Islamic State claimed it.",
        "Tal said nothing.",
        "",
    ],
)
def test_no_false_places(gaz: gazetteer.Gazetteer, text: str) -> None:
    assert [m for m in run(text, gaz) if m.kind != "country"] == []


@pytest.mark.parametrize(
    ("text", "quote", "geonameid"),
    [
        ("Gunmen killed a man in Tripoli in Lebanon.", "Tripoli", 266826),
        ("A protest took place in Paris (Lamar, Texas).", "Paris", 4717560),
        ("Clashes were reported in Alexandria, in Louisiana.", "Alexandria", 4314550),
    ],
)
def test_containing_place_qualifies(
    gaz: gazetteer.Gazetteer, text: str, quote: str, geonameid: int
) -> None:
    mention = by_text(run(text, gaz), quote)
    assert mention.place is not None and mention.place.geonameid == geonameid


@pytest.mark.parametrize(
    ("text", "quote", "geonameid"),
    [
        # the sentence's own country beats the document's
        (
            "Iraqi troops patrolled Mosul in Iraq. In Yemen, an air strike hit the town of "
            "Saada on Monday.",
            "Saada",
            71334,
        ),
        (
            "In Iraq, gunmen attacked a checkpoint near As Sa'dah. Yemen was quiet.",
            "As Sa'dah",
            98549,
        ),
    ],
)
def test_sentence_country_wins(
    gaz: gazetteer.Gazetteer, text: str, quote: str, geonameid: int
) -> None:
    mention = by_text(run(text, gaz), quote)
    assert mention.place is not None and mention.place.geonameid == geonameid


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Pro-Baghdad and anti-Mosul factions clashed in Syria.", "Mosul"),
        ("The Aleppo People's Militia shelled a hill in Syria.", "Aleppo"),
        ("Fighters of the MoSul group were arrested in Syria.", "MoSul"),
    ],
)
def test_factions_and_acronyms_are_not_places(
    gaz: gazetteer.Gazetteer, text: str, word: str
) -> None:
    assert [m for m in run(text, gaz) if m.text == word] == []


def test_lowercase_article_joins_the_name(gaz: gazetteer.Gazetteer) -> None:
    mention = by_text(run("Gunmen shot two civilians in al Raqqah in Syria.", gaz), "al Raqqah")
    assert mention.place is not None and mention.place.geonameid == 172955


def test_weak_demonym_does_not_move_a_city(gaz: gazetteer.Gazetteer) -> None:
    found = run("Turkish forces shelled positions in Tal Abyad countryside.", gaz)
    mention = by_text(found, "Tal Abyad")
    assert mention.place is not None and mention.place.country == "SY"


@pytest.mark.parametrize(
    ("text", "quote", "geonameid"),
    [
        ("The fair opened in Paris, Tenn., on a rainy Saturday.", "Paris", 4647963),
        ("The fair opened in Paris, Tex., on a rainy Saturday.", "Paris", 4717560),
        ("BEIRUT (AP) — Gunmen opened fire on a convoy on Sunday.", "BEIRUT", 276781),
    ],
)
def test_state_abbreviations_and_datelines(
    gaz: gazetteer.Gazetteer, text: str, quote: str, geonameid: int
) -> None:
    mention = by_text(run(text, gaz), quote)
    assert mention.place is not None and mention.place.geonameid == geonameid


@pytest.mark.parametrize(
    "text",
    [
        "Hassakeh Mayor Ahmad Khalil said the water plant would reopen.",
        "The Hassakeh Police Department said two men were held.",
        "Rep. Jane Roe, R-Hassakeh, voted against the bill.",
    ],
)
def test_place_before_a_title_or_office(gaz: gazetteer.Gazetteer, text: str) -> None:
    mention = by_text(run(text, gaz), "Hassakeh")
    assert mention.place is not None and mention.place.country == "SY"


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("shelling on Abu 'Isa in Idlib", [["Abu", "'Isa"], ["Idlib"]]),
        ("the so-called 'Islamic State' hit Raqqa", [["Islamic", "State'"], ["Raqqa"]]),
        ("clashes in Talat al-Sarraf village", [["Talat", "al-Sarraf"]]),
    ],
)
def test_runs_keep_arabic_names_whole(text: str, runs: list[list[str]]) -> None:
    from conflictcoder.placerecog import _runs

    assert [[text[s:e] for s, e in run] for run in _runs(text)] == runs


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("in Talat al-Sarraf", 2),
        ("in Talat Al Sarraf", 3),
        ("on Abu 'Isa", 2),
        ("As Trump said", 1),
        ("US President Biden", 1),
    ],
)
def test_compound_names(text: str, end: int) -> None:
    from conflictcoder.placerecog import _compound_end, _runs

    assert _compound_end(text, _runs(text)[0], 0) == end


def test_district_gives_way_to_its_namesake_town() -> None:
    from conflictcoder.models import Place
    from conflictcoder.placerecog import Hit
    from conflictcoder.places import _namesake_seat

    common = {"country": "SY", "admin1": "Al-Hasakah"}
    district = Place(
        geonameid=None,
        name="Ras Al Ain",
        latitude=36.70,
        longitude=40.14,
        feature_code="ADM2",
        population=177150,
        **common,
    )
    town = Place(
        geonameid=173334,
        name="Ra's al `Ayn",
        latitude=36.85,
        longitude=40.07,
        feature_code="PPLA2",
        **common,
    )
    hit = Hit(0, 10, "Ras al-Ain", cands=((district, True), (town, True)))
    assert _namesake_seat(district, hit) == town
    assert _namesake_seat(district, Hit(0, 10, "Ras al-Ain", cands=((district, True),))) == district


@pytest.mark.parametrize(
    "text",
    [
        "Airstrikes hit Sa'da village, Idlib.",
        "Airstrikes hit Sa'da village (Saraqib, Idlib).",
    ],
)
def test_respelled_place_abroad_loses_to_the_named_province(
    gaz: gazetteer.Gazetteer, text: str
) -> None:
    found = run(text, gaz)
    assert {m.place.country for m in found if m.place is not None} == {"SY"}


@pytest.mark.parametrize(
    ("folded", "stripped"),
    [("al hasakah", "hasakah"), ("deir ez zor", "deir zor"), ("paris", "paris"), ("al", "al")],
)
def test_strip_articles(folded: str, stripped: str) -> None:
    assert placenames.strip_articles(folded) == stripped


@pytest.mark.parametrize(
    ("text", "quote", "geonameid"),
    [
        ("BAGHDAD Gunmen Attacked a checkpoint overnight.", "BAGHDAD", 98182),
        ("The Aleppo resident said the market was shut.", "Aleppo", 170063),
        ("Trucks crossed the Syrian-Turkish border at dawn.", "Turkish", None),
        ("A Mosul-based charity handed out food.", "Mosul", 99072),
        ("Traffic between Aleppo-Idlib towns was cut.", "Idlib", 169389),
        ("He spoke at Beirut Criminal Court on Monday.", "Beirut", 276781),
    ],
)
def test_datelines_hyphens_and_leading_words(
    gaz: gazetteer.Gazetteer, text: str, quote: str, geonameid: int | None
) -> None:
    mention = by_text(run(text, gaz), quote)
    assert mention.place is not None
    assert geonameid is None or mention.place.geonameid == geonameid


@pytest.mark.parametrize(
    ("text", "quote", "kept"),
    [
        ("The Texas Highway Patrol closed the road.", "Texas", True),
        ("The Baghdad Provincial Council met on Monday.", "Baghdad", True),
        ("Fighters of the Saraqib Brigade withdrew.", "Saraqib", False),
        ("Farhad-Shami said nothing.", "Farhad", False),
    ],
)
def test_places_naming_organisations(
    gaz: gazetteer.Gazetteer, text: str, quote: str, kept: bool
) -> None:
    found = [m for m in run(text, gaz) if m.text == quote]
    assert bool(found) == kept
    if kept:
        assert found[0].why is not None and found[0].why.startswith(places.MODIFIER_WHY)


@pytest.mark.parametrize(
    ("text", "quote", "state", "near"),
    [
        (
            "Fannin County deputies patrolled the roads near Paris, Texas.",
            "Fannin",
            "Texas",
            4717560,
        ),
        (
            "The Obion County sheriff said the fire started in Paris, Tenn.",
            "Obion",
            "Tennessee",
            4647963,
        ),
        ("Clark County officials met on Monday in Paris, Illinois.", "Clark", "Illinois", 4246659),
    ],
)
def test_county_without_a_point_is_placed_in_the_articles_state(
    gaz: gazetteer.Gazetteer, text: str, quote: str, state: str, near: int
) -> None:
    found = run(text, gaz)
    county = by_text(found, quote)
    town = next(m.place for m in found if m.place is not None and m.place.geonameid == near)
    assert county.kind == "admin2" and county.geo_precision == 2
    assert county.place is not None and county.place.admin1 == state
    assert county.place.name == f"{quote} County" and county.place.feature_code == "ADM2"
    assert (county.place.latitude, county.place.longitude) == (town.latitude, town.longitude)


def test_county_of_unknown_state_gets_no_point(gaz: gazetteer.Gazetteer) -> None:
    found = run("Deputies from Clark County arrived within minutes.", gaz)
    assert not any(m.place is not None and m.place.feature_code == "ADM2" for m in found)


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("Clashes took place in Rasm al Hamd village near Mosul.", "Mosul", "Rasm al Hamd"),
        ("Shelling hit Rasm al Hamd area in the countryside of Mosul.", "Mosul", "Rasm al Hamd"),
        ("Clashes took place in Tall Abyad area near Raqqa.", "Tall Abyad", None),
        ("Clashes took place in Rasm al Hamd village in Syria.", "Rasm al Hamd", None),
    ],
)
def test_place_named_near_another_is_near_it(
    gaz: gazetteer.Gazetteer, text: str, kept: str, dropped: str | None
) -> None:
    found = run(text, gaz)
    assert by_text(found, kept).place is not None
    assert dropped is None or all(m.text != dropped for m in found)


def _town(gid: int, name: str, lat: float, lon: float, cc: str, a1: str, pop: int) -> Place:
    return Place(
        geonameid=gid,
        name=name,
        latitude=lat,
        longitude=lon,
        feature_code="PPL",
        country=cc,
        admin1=a1,
        population=pop,
    )


_BIG_ABROAD = _town(1, "Marzabad", 33.5, 44.2, "IQ", "Baghdad", 250_000)
_SMALL_NEAR = _town(2, "Tall Marz", 36.6, 40.8, "SY", "Al-Hasakah", 0)


@pytest.mark.parametrize(
    ("text", "outer", "expected"),
    [
        # a big town said to lie in another country's countryside: the homonym there
        (
            "Clashes in Marzabad in the countryside of Qubur Zawra.",
            _town(3, "Qubur Zawra", 36.7, 40.6, "SY", "Al-Hasakah", 0),
            2,
        ),
        # in its own country, a big town named by its main name stays
        (
            "Clashes in Marzabad in the countryside of Tall Hamid.",
            _town(4, "Tall Hamid", 34.9, 44.9, "IQ", "Diyala", 0),
            1,
        ),
    ],
)
def test_big_town_said_to_lie_in_another_country(text: str, outer: Place, expected: int) -> None:
    here = text.index("Marzabad")
    inner = Hit(here, here + 8, "Marzabad", cands=((_BIG_ABROAD, True), (_SMALL_NEAR, False)))
    inner.best = _BIG_ABROAD
    start = text.index(outer.name)
    other = Hit(start, start + len(outer.name), outer.name, cands=((outer, True),), best=outer)
    assert check_nearness(text, [inner, other], {0, 1}) == set()
    assert inner.best is not None and inner.best.geonameid == expected


def test_big_town_listed_before_a_town_abroad_stays() -> None:
    text = "Flights to Marzabad, Qubur Zawra and Riga."
    here = text.index("Marzabad")
    inner = Hit(here, here + 8, "Marzabad", cands=((_BIG_ABROAD, True), (_SMALL_NEAR, False)))
    inner.best = _BIG_ABROAD
    outer = _town(3, "Qubur Zawra", 36.7, 40.6, "SY", "Al-Hasakah", 0)
    start = text.index(outer.name)
    other = Hit(
        start, start + 11, outer.name, cands=((outer, True),), best=outer, admin_cue="admin1"
    )
    assert check_nearness(text, [inner, other], {0, 1}) == set()
    assert inner.best is not None and inner.best.geonameid == 1
