import pytest

from conflictcoder import coded_tolls, fatalities


@pytest.mark.parametrize(
    ("text", "expected", "quotes"),
    [
        ("Gunmen stormed a checkpoint, killing 11 before escaping.", 11, ["11"]),
        ("The battle left dozens dead on Friday.", 12, ["dozens"]),
        ("At least 20 people were killed in the raid.", 20, ["At least 20"]),
        ("More than 30 fighters died in the clashes.", 30, ["More than 30"]),
        ("Eleven soldiers were killed and five wounded.", 11, ["Eleven"]),
        ("The bodies of five men were found near the road.", 5, ["five"]),
        ("Three soldiers and two civilians were killed.", 5, ["Three", "two"]),
        ("Between 10 and 15 people died in the blast.", 10, ["Between 10 and 15"]),
        ("Officials said 8-12 villagers were killed.", 8, ["8-12"]),
        ("Tens of people were killed when the market was shelled.", 10, ["Tens of"]),
        ("Hundreds of people were killed over the weekend.", 100, ["Hundreds of"]),
        ("Several militants (three, by one count) were killed.", 3, ["Several"]),
        ("A policeman was killed at the gate.", 1, ["A"]),
        ("Gunmen opened fire on the bus, killing a teacher.", 1, ["a"]),
        ("Twenty-one people were killed in the attack.", 21, ["Twenty-one"]),
        ("The death toll rose to 35 on Sunday.", 35, ["35"]),
        ("The clashes left 3 dead and 10 wounded.", 3, ["3"]),
        ("Killing at least 7 people, including 2 officers.", 7, ["at least 7"]),
        ("The attack left 12 casualties.", 0, ["12"]),
        ("Four people were wounded in the blast.", None, []),
        ("More than 100 militants assaulted the prison 24 hours later.", None, []),
        ("Two more blasts were heard after 7 pm.", None, []),
        ("2 fighters were shot and killed by gunmen.", 2, ["2"]),
        ("The shelling led to the killing of 1 civilian.", 1, ["1"]),
        ("6 regime and pro-regime fighters were killed.", 6, ["6"]),
        ("Several soldiers were killed. Unknown fatalities coded as 10.", 10, ["10"]),
        ("The clashes caused 4 fatalities.", 4, ["4"]),
        ("Officials said 7 dead after the raid.", 7, ["7"]),
        ("The convoy was ambushed on the road.", None, []),
    ],
)
def test_deaths(text, expected, quotes):
    value, spans = fatalities.deaths(text)
    assert value == expected
    assert [text[s.start : s.end] for s in spans] == quotes


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Four people were wounded and two abducted.", [(4, "wounded"), (2, "captured")]),
        ("killing 4 soldiers and wounding 7", [(4, "killed"), (7, "wounded")]),
        ("Five people were killed or wounded.", [(5, "casualties")]),
    ],
)
def test_kinds(text, kinds):
    assert [(c.value, c.kind) for c in fatalities.find(text)] == kinds


def test_range_limits_to_the_clause():
    text = "Police said 3 were killed. Later 9 people were wounded."
    value, spans = fatalities.deaths(text, 0, 26)
    assert value == 3
    assert text[spans[0].start : spans[0].end] == "3"


def test_coded():
    assert fatalities.coded("Fatalities coded as 3.")
    assert not fatalities.coded("3 fatalities.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fatalities coded as 3.", True),
        ("Total fatalities 30 across the region.", True),
        ("The 8 deaths were shared between the two villages.", True),
        ("Gunmen killed 3 farmers near the well.", False),
        ("3 fatalities.", False),
    ],
)
def test_coded_with_the_lowered_copy(text, expected):
    """The lower-cased copy only screens: the answer is the one read from the text."""
    assert fatalities.coded(text, lower=text.lower()) is expected
    assert fatalities.coded(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nine bodies were recovered; no casualties were reported among the troops.", 9),
        ("No casualties were reported.", 0),
        ("Nobody was hurt when the device went off.", 0),
        ("Four were dead, plus the bomber.", 5),
        ("In addition to the attacker, three guards were killed.", 4),
        ("Fatalities coded as 8 and split, 4 each, between the two towns.", 4),
        ("2 fatalities.", 2),
        ("1 fatality.", 1),
        ("Gunmen beheaded an elder near the well.", 1),
        ("The blast killed 6 people including 2 children.", 6),
        ("The raid killed 3 and wounded 9.", 3),
        ("Gunmen attacked the post, killing 4 and wounding 7.", 4),
        ("Nobody was harmed when the shell landed.", 0),  # words the quick test must keep
        ("The guard was hit by a bullet and he later succumbed.", 1),
        ("Soldiers patrolled the market on Monday.", None),
    ],
)
def test_deaths_general_rules(text, expected):
    assert fatalities.deaths(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed three soldiers and two civilians; at least 20 were wounded.",
        "A roadside bomb killed a policeman in Kabul.",
        "Fatalities coded as 8 and split, 4 each, between the two towns.",
        "No casualties were reported.",
        "Four were dead, plus the bomber.",
    ],
)
def test_lowered_copy_gives_the_same_counts(text):
    """The caller's lower-cased copy is searched case-sensitively (faster); a text whose
    lower-casing moves offsets ("İ") is searched as it is, with the same result."""
    expected = fatalities.deaths(text)
    assert fatalities.deaths(text, lower=text.lower()) == expected
    assert fatalities.find(text, lower=text.lower()) == fatalities.find(text)
    odd = "İ " + text
    assert len(odd.lower()) != len(odd)
    assert fatalities.deaths(odd)[0] == expected[0]
    assert [c.value for c in fatalities.find(odd)] == [c.value for c in fatalities.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # coding remarks of ACLED-style notes (sentences written here)
        ("Fighting near two farms. Unknown number of fatalities was coded as ten.", [None, 10]),
        ("Both sides lost men. Total fatalities 21.", [None, 21]),
        (
            "Raids hit the camp. Fatalities coded as 6 and split evenly across the two events.",
            [None, 3],
        ),
        (
            "Clashes in Tal Hamra and Qaryat Nour. Total fatalities of 9 split as follows: "
            "Qaryat Nour 4, Tal Hamra 5.",
            [None, 5],
        ),
        (
            "Fighting around Ein Zeitun. Total fatalities coded as 12 and split between the "
            "two events with 7 coded to Ein Zeitun and 5 coded to Kafr Lam.",
            [None, 7],
        ),
        (
            "Shelling near Bir Hasan. Unknown fatalities coded as 10. Distributed fatalities "
            "over the activities in Bir Hasan and Marj Safa.",
            [None, 10, 5],
        ),
        (
            "Gunmen hit a base. Unknown fatalities coded as 10. 1 additional fatality coded for "
            "the suicide bomber.",
            [None, 10, 11],
        ),
        ("A toll of 20 is reported. Fatalities spread over 3 events.", [20, 7]),
        ("Observers counted a total of 14 explosions near the line.", [None]),
        ("The total fatalities, 8, were split between the 2 locations.", [4]),
        ("with 6 fatalities coded to this location.", [6]),
        # a toll told for several events: this event's share
        ("It was one of two blasts that day. Six people died across both attacks.", [None, 3]),
        ("It was one of three such attacks, across which 9 people were killed.", [3]),
        ("Gunmen killed 5 people across the district.", [5]),
        ("Nine fighters were killed. Coded fatalities to 10 including the bomber.", [9, 10]),
        (
            "Gunmen killed 5 guards in Tal Abyad and Qasr. 3 fatalities coded to Tal Abyad "
            "and 2 to Qasr.",
            [5, 3],
        ),
    ],
)
def test_coded_remarks(text, expected):
    from conflictcoder import sentences

    assert [fatalities.deaths(text, s.start, s.end)[0] for s in sentences.split(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The attack led to the killing of 10 soldiers and 8 militants.", 18),
        ("Troops killed 4 fighters, as well as 2 smugglers, near the border.", 6),
        ("A local commander was assassinated by gunmen outside his home.", 1),
        ("Gunmen set fire to the official's car, killing him.", 1),
        ("A man, believed to be a trader, was shot and killed; two others were wounded.", 1),
        ("Unknown gunmen shot a guard, which led to his immediate death.", 1),
        ("The officer was wounded by a sniper.", None),
        ("Troops stopped the car bomb, killing the 2 attackers.", 2),
        ("Gunmen shot and killed the commander of a local brigade.", 1),
        ("A sniper hit a guard, who later died of his wounds.", 1),
        ("A trader was shot to death outside his shop.", 1),
        ("Nine gunmen were identified and killed by the police.", 9),
        ("Gunmen killed the mayor and his driver outside the office.", 2),
        ("Unknown fatalities coded as 1 to account for the car bomb driver.", 1),
        ("Seven people, including two guards and a cook, were killed in the raid.", 7),
        ("In addition to the bomber, at least 4 people were killed.", 5),
    ],
)
def test_lists_and_single_victims(text, expected):
    assert fatalities.deaths(text)[0] == expected


@pytest.mark.parametrize("prefix", ["", "İ "])
@pytest.mark.parametrize("lowered", [False, True])
def test_split_told_after_the_toll_reads_the_sentence_before(prefix, lowered):
    """A split in a sentence of its own shares the toll of the sentence before, whether the
    text is searched lower-cased or (when lower-casing moves offsets) as it is."""
    text = prefix + (
        "Clashes left 30 fighters dead near the towns. "
        "Fatalities distributed over Kafr Nabl, Hass and Maarrat."
    )
    start = text.index("Fatalities")
    lower = text.lower() if lowered else None
    value, spans = fatalities.deaths(text, start, len(text), lower)
    assert value == 10
    assert text[spans[0].start : spans[0].end] == "30"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 militants including a commander were killed and 5 were wounded.", 15),
        ("Gunmen killed 11 people, including 3 officers and 2 guards.", 11),
        ("Clashes killed 7 fighters, among them 2 commanders.", 7),
        ("10 soldiers were killed, including 2 officers, and 5 civilians died.", 15),
        ("Three soldiers and two civilians were killed.", 5),
        # a breakdown word reaches no count of the next sentence
        ("Three people were killed including a child. Later, 10 soldiers were killed.", 13),
    ],
)
def test_a_breakdown_is_part_of_its_count(text, expected):
    assert fatalities.deaths(text)[0] == expected
    assert fatalities.deaths(text, lower=text.lower())[0] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unknown number of fatalities coded as 10.", 10),
        ("Total fatalities 30, split between the 3 locations.", 10),
        ("Fatalities coded as 10 and split, 5 each, between the two villages.", 5),
        ("Two additional fatalities coded for the suicide bombers.", None),
        ("Total fatalities 12, with 6 fatalities coded to this location.", 6),
        ("Clashes in Jamla. Total Fatalities of 66 split as follows: Karnaz 13, Jamla 14.", 14),
        ("Three people were killed.", None),
    ],
)
def test_a_remark_reads_alike_in_the_lower_cased_copy(text, expected):
    plain = coded_tolls.remark(text)
    assert (plain[0] if plain else None) == expected
    assert coded_tolls.remark(text, 0, len(text), text.lower()) == plain
