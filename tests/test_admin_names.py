import pytest

from conflictcoder.admin_names import acled_name


@pytest.mark.parametrize(
    ("level", "country", "name", "expected"),
    [
        ("admin1", "SY", "Idlib", "Idleb"),
        ("admin1", "SY", "Rif-dimashq", "Rural Damascus"),
        ("admin1", "SY", "Hama", "Hama"),
        # dissimilar names with a clear majority of votes
        ("admin1", "MX", "Mexico City", "Distrito Federal"),
        ("admin1", "CM", "Far North", "Extreme-Nord"),
        # a neighbour's name is never taken for a province's own (border spill)
        ("admin1", "SY", "Tartus", "Tartus"),
        ("admin1", "YE", "Abyan Governorate", "Abyan"),
        ("admin1", "ZZ", "Northern Province", "Northern"),
        ("admin1", "ZZ", "Tillaberi Region", "Tillaberi"),
        ("admin1", None, "Lagos", "Lagos"),
        ("admin2", "SY", None, None),
    ],
)
def test_acled_name(level, country, name, expected):
    assert acled_name(level, country, name) == expected


@pytest.mark.parametrize("name", ["Kharkivs'ka Oblast'", "Kharkivs’ka Oblast’", "Kharkivs'ka"])
def test_a_name_the_gazetteer_already_shortened_is_still_mapped(name):
    assert acled_name("admin1", "UA", name) == "Kharkiv"
