import pytest

from conflictcoder import actors, cues, mentions, roles, sentences, typing_rules

LEXICON = actors.load_lexicon()

# A short article written for this test in the style of wire copy about a prison attack.
ARTICLE = (
    "More than 80 Islamic State militants assaulted a prison in the city on Thursday, "
    "sparking a battle with US-backed Kurdish fighters that left dozens dead on Friday.\n\n"
    "Across the border, gunmen stormed an army post before dawn on the same day while "
    "soldiers slept, killing 9 before escaping.\n\n"
    "The raids suggest militants have regrouped after years of a low-level insurgency.\n\n"
    "Its cells have increasingly killed scores of villagers in past months.\n\n"
    "The attack in the city targeted the largest of the prisons run by the Kurdish forces.\n\n"
    "A car bomb went off outside as gunmen clashed with security forces, a spokesman said.\n\n"
    "The group could attack other prisons, officials warned."
)


def _find(text):
    return mentions.find(text, sentences.split(text), LEXICON)


def test_article():
    found = _find(ARTICLE)
    assert [m.sentence for m in found] == [0, 1, 4, 5]
    first, second, back, bomb = found
    assert (first.event_type, first.sub_event_type) == ("Battles", "Armed clash")
    assert actors.localise(first.actor1, "SY", "Syria", LEXICON) == "Islamic State (Syria)"
    assert first.actor2.name == "QSD: Syrian Democratic Forces"
    assert first.fatalities == 12
    assert second.sub_event_type == "Armed clash"
    assert second.actor1.name == "Unidentified Armed Group ({country})"
    assert (
        actors.localise(second.actor2, "IQ", "Iraq", LEXICON) == "Military Forces of Iraq (2020-)"
    )
    assert second.fatalities == 9
    assert back.reference and back.sub_event_type == "Armed clash" and back.confidence < 0.5
    assert bomb.sub_event_type == "Armed clash" and not bomb.reference


def test_spans_quote_the_text():
    for mention in _find(ARTICLE):
        assert ARTICLE[mention.trigger.start : mention.trigger.end].strip()
        for ref in (mention.actor1, mention.actor2):
            for span in ref.spans if ref else ():
                assert LEXICON.find(ARTICLE, span.start, span.end)
        for span in mention.fatality_spans:
            assert ARTICLE[span.start : span.end] in ("dozens", "9")


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type", "trigger"),
    [
        (
            "On Monday, soldiers clashed with Taliban fighters near the town.",
            "Battles",
            "Armed clash",
            "clashed",
        ),
        (
            "Government forces recaptured the village from rebels on Sunday.",
            "Battles",
            "Government regains territory",
            "recaptured",
        ),
        (
            "Al-Shabaab militants captured the town of Bula after the army withdrew on Monday.",
            "Battles",
            "Non-state actor overtakes territory",
            "captured the town",
        ),
        (
            "Warplanes struck a market in the province on Tuesday, killing 6 civilians.",
            "Explosions/Remote violence",
            "Air/drone strike",
            "Warplanes",
        ),
        (
            "A suicide bomber blew himself up at a mosque on Friday, killing 12 worshippers.",
            "Explosions/Remote violence",
            "Suicide bomb",
            "suicide bomber",
        ),
        (
            "Rebels shelled residential districts of the city on Wednesday.",
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            "shelled",
        ),
        (
            "A roadside bomb struck a minibus on Saturday, killing three passengers.",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
            "roadside bomb",
        ),
        (
            "An attacker threw a hand grenade into a bar on Sunday, wounding four people.",
            "Explosions/Remote violence",
            "Grenade",
            "hand grenade",
        ),
        (
            "Residents said chlorine gas was dropped on the suburb on Saturday.",
            "Explosions/Remote violence",
            "Chemical weapon",
            "chlorine gas",
        ),
        (
            "Gunmen shot dead a teacher in his home on Monday.",
            "Violence against civilians",
            "Attack",
            "shot dead",
        ),
        (
            "Armed men kidnapped two farmers on Tuesday.",
            "Violence against civilians",
            "Abduction/forced disappearance",
            "kidnapped",
        ),
        (
            "Soldiers raped a woman at a checkpoint on Friday, witnesses said.",
            "Violence against civilians",
            "Sexual violence",
            "raped",
        ),
        (
            "On Monday, hundreds of teachers protested outside parliament over unpaid wages.",
            "Protests",
            "Peaceful protest",
            "protested",
        ),
        (
            "Police fired tear gas to disperse demonstrators in the capital on Sunday.",
            "Protests",
            "Protest with intervention",
            "demonstrators",
        ),
        (
            "Security forces opened fire on protesters on Friday, killing 4.",
            "Protests",
            "Excessive force against protesters",
            "protesters",
        ),
        (
            "Rioters torched vehicles and pelted police with stones on Saturday.",
            "Riots",
            "Violent demonstration",
            "torched",
        ),
        (
            "A mob lynched a man accused of theft in the market on Monday.",
            "Riots",
            "Mob violence",
            "mob",
        ),
        (
            "Police arrested an opposition leader at his home on Wednesday.",
            "Strategic developments",
            "Arrests",
            "arrested",
        ),
        (
            "Army engineers defused an IED planted near the bridge on Monday.",
            "Strategic developments",
            "Disrupted weapons use",
            "defused",
        ),
        (
            "The two factions signed a ceasefire agreement on Thursday.",
            "Strategic developments",
            "Agreement",
            "signed a ceasefire agreement",
        ),
        (
            "Militiamen looted shops in the town on Tuesday.",
            "Strategic developments",
            "Looting/property destruction",
            "looted",
        ),
        (
            "Rebels established a new base near the border on Monday.",
            "Strategic developments",
            "Headquarters or base established",
            "established a new base",
        ),
        (
            "A mass grave was found near the village on Sunday.",
            "Strategic developments",
            "Other",
            "mass grave",
        ),
    ],
)
def test_types(text, event_type, sub_event_type, trigger):
    found = _find(text)
    assert len(found) == 1
    mention = found[0]
    assert (mention.event_type, mention.sub_event_type) == (event_type, sub_event_type)
    assert text[mention.trigger.start : mention.trigger.end] == trigger


@pytest.mark.parametrize(
    "text",
    [
        "Militants could attack the city again, officials warned.",
        "The group threatened to bomb the embassy.",
        "Its fighters have increasingly killed civilians in past months.",
        "The bold raids suggest the insurgents have been revitalised.",
        "The minister visited the capital on Monday.",
        "The victim was transported to a hospital.",  # no violence word: no attack
        "A deputy arrived at the house to find the victim on the floor.",
    ],
)
def test_no_mention(text):
    assert _find(text) == ()


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "Rebels fired grenade launchers at army positions on Monday.",
            "Shelling/artillery/missile attack",
        ),
        ("A shoot-out broke out between police and gang members on Friday.", "Armed clash"),
        ("Villagers beat a suspected thief to death on Sunday.", "Mob violence"),
        (
            "Regime forces captured Kafr Nabudah from rebels after clashes.",
            "Government regains territory",
        ),
        ("Troops thwarted a rebel attack on the base on Tuesday.", "Armed clash"),
        ("Police intervened to end a sit-in by students on Monday.", "Protest with intervention"),
    ],
)
def test_more_types(text, sub_event_type):
    assert [m.sub_event_type for m in _find(text)] == [sub_event_type]


def test_unnamed_protesters_are_the_generic_actor():
    mention = _find("On Monday, nurses protested outside the hospital over unpaid wages.")[0]
    assert mention.actor1.name == "Protesters ({country})"


def test_a_following_sentence_gives_the_deaths():
    mention = _find("Gunmen attacked a village on Monday. Unknown fatalities coded as 10.")[0]
    assert mention.fatalities == 10


def test_vac_actors():
    text = "Gunmen shot dead three villagers on Monday."
    mention = _find(text)[0]
    assert mention.actor1.name == "Unidentified Armed Group ({country})"
    assert mention.actor2.name == "Civilians ({country})"
    assert mention.fatalities == 3
    assert [text[s.start : s.end] for s in mention.actor2.spans] == ["villagers"]


def _names(mention):
    return (
        mention.actor1.name if mention.actor1 else None,
        mention.actor2.name if mention.actor2 else None,
    )


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (  # a symmetric battle lists the state first, whoever is named first
            "Rebel fighters clashed with government forces near the town on Monday.",
            "Military Forces of {country}",
            "Opposition Rebels ({country})",
        ),
        (  # an agentive attack keeps its attacker first
            "Gunmen stormed an army post near the town on Monday, killing 4.",
            "Unidentified Armed Group ({country})",
            "Military Forces of {country}",
        ),
        (  # allies backing a side are neither actor1 nor actor2
            "Army troops, supported by allied tribal militias, fought ISIS fighters near the "
            "village on Sunday.",
            "Military Forces of {country}",
            "Islamic State",
        ),
        (  # the police who disperse protesters are actor2 of the protest
            "Police fired tear gas to disperse protesters outside parliament on Tuesday.",
            "Protesters ({country})",
            "Police Forces of {country}",
        ),
        (  # an arrest is made by the state
            "Two journalists were arrested in the capital on Wednesday.",
            "Police Forces of {country}",
            "Civilians ({country})",
        ),
        (  # an unclaimed bomb: unidentified planter, the soldiers it hit are the target
            "A roadside bomb killed three soldiers near the border on Friday.",
            "Unidentified Armed Group ({country})",
            "Military Forces of {country}",
        ),
        (  # violence against civilians with no victim named: civilians
            "Gunmen shot dead a shopkeeper in the market on Sunday.",
            "Unidentified Armed Group ({country})",
            "Civilians ({country})",
        ),
        (  # a foreign air force named by its adjective
            "Russian warplanes struck the outskirts of the town on Saturday.",
            "Military Forces of {country}",
            None,
        ),
    ],
)
def test_actor_roles(text, actor1, actor2):
    found = _find(text)
    assert len(found) == 1
    assert _names(found[0]) == (actor1, actor2)


@pytest.mark.parametrize(
    "text",
    [
        "The activist who was beaten by police in 2019 went on trial on Monday.",
        "A court sentenced the former commander to 20 years for the massacre.",
        "She said she had received death threats after the attack on her office.",
        "In 2018, more than 200 people were arrested in the crackdown.",
        "Students battled for the trophy in the final on Sunday.",  # no armed side: no battle
    ],
)
def test_told_not_done(text):
    assert _find(text) == ()


@pytest.mark.parametrize(
    ("text", "subs"),
    [
        (
            "Government forces shelled rebel positions in Idlib on Monday, while in Aleppo "
            "gunmen shot dead two shopkeepers.",
            ["Shelling/artillery/missile attack", "Attack"],
        ),
        (
            "Police fired tear gas at protesters in Nairobi; in Mombasa, a roadside bomb "
            "killed three soldiers.",
            ["Protest with intervention", "Remote explosive/landmine/IED"],
        ),
        (  # one event told in two clauses stays one
            "Gunmen stormed an army post in Kirkuk while soldiers slept, killing 9.",
            ["Armed clash"],
        ),
        (
            "Militants attacked a checkpoint in Daraa while clashes continued in the area.",
            ["Armed clash"],
        ),
    ],
)
def test_clauses(text, subs):
    found = _find(text)
    assert [m.sub_event_type for m in found] == subs
    assert all(m.sentence == 0 for m in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Teachers marched in the capital on Monday.", None),
        (
            "Police fired tear gas to disperse the teachers who marched on Monday.",
            "Protest with intervention",
        ),
        (
            "Security forces opened fire on the marchers, killing two.",
            "Excessive force against protesters",
        ),
        ("Protesters burned tyres and threw stones at police.", "Violent demonstration"),
        ("Residents protested against the killing of a farmer by soldiers.", None),
        ("Nurses rallied to demand the release of colleagues arrested in May.", None),
        ("Police fired shots in the air to disperse the crowd.", "Protest with intervention"),
    ],
)
def test_protest_level(text, expected):
    level = mentions.protest_level(text, 0, len(text))
    assert (level[0] if level else None) == expected


def test_protest_met_in_a_later_sentence():
    text = (
        "Hundreds of farmers protested in the town on Monday. Police dispersed them with tear gas."
    )
    found = mentions.find(text, sentences.split(text), actors.load_lexicon())
    assert found[0].sub_event_type == "Protest with intervention"


def test_cues_screened_by_id_and_lowered_roles():
    text = "Gunmen backed by militias attacked soldiers near the village; clashes followed."
    lower = text.lower()
    possible = cues.possible(lower, 0, len(text))
    for cue in cues.SCREENED:  # a cue that matches is never screened out
        if cues.search(cue, text, lower, 0, len(text)):
            assert possible & cues.BITS[id(cue)]
    found = list(actors.load_lexicon().find(text))
    assert roles.subject(text, 0, found, lower) == roles.subject(text, 0, found)
    assert [roles.allied(text, 0, a, lower) for a in found] == [
        roles.allied(text, 0, a) for a in found
    ]


def test_typing_takes_the_doer_found_once():
    text = "Gunmen backed by militias attacked soldiers near the village, killing two."
    lower = text.lower()
    found = list(actors.load_lexicon().find(text))
    doer = roles.subject(text, 0, found, lower)
    assert doer is not None and text[doer.start : doer.end] == "Gunmen"
    given = typing_rules.typed(text, 0, len(text), found, lower, 2, doer=doer)
    assert given == typing_rules.typed(text, 0, len(text), found, lower, 2)
    assert roles.roles(text, 0, "Battles", "Armed clash", given.trigger, found, lower, doer) == (
        roles.roles(text, 0, "Battles", "Armed clash", given.trigger, found, lower)
    )


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (  # the definite "the clashes" tells that the car bombs were part of a battle
            "Militants detonated two car bombs at the gate of the base on Sunday. "
            "The clashes lasted for hours.",
            "Armed clash",
        ),
        (  # an air strike followed at once by fighting that names no other place
            "Warplanes struck rebel positions near the town on Monday. "
            "Fierce clashes between the army and the rebels continued all day.",
            "Armed clash",
        ),
        (  # the fighting names a place of its own: another event
            "Warplanes struck rebel positions near the town on Monday. "
            "Fierce clashes between the army and the rebels continued in Kafr Nabl.",
            "Air/drone strike",
        ),
    ],
)
def test_explosions_during_a_battle_are_the_battle(text, first):
    found = _find(text)
    assert found[0].sub_event_type == first
    assert found[1].reference == (first == "Armed clash")


def test_an_attack_word_does_not_make_a_shelling_a_battle():
    text = (
        "Insurgents fired mortar rounds at an army base on Friday. "
        "Two soldiers were killed in the attack."
    )
    assert _find(text)[0].sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    ("text", "sub_event_type", "trigger"),
    [
        (  # the model is sure, no cue word names the act: the main verb is the evidence
            "On 5 May 2021, pro-Houthi forces reportedly fired machine guns at farms in the "
            "area. No fatalities nor injuries reported.",
            "Shelling/artillery/missile attack",
            "fired",
        ),
        (  # background only in the clause about the grievance
            "Residents held a vigil for a journalist who was arrested in 2015.",
            "Peaceful protest",
            "vigil",
        ),
        ("IS claims to have killed 10 soldiers near the town.", "Armed clash", "killed"),
        (  # analysis and background words in the demand, not in the protest
            "Workers protested outside the ministry to highlight their unpaid wages for the "
            "past nine months.",
            "Peaceful protest",
            "protested",
        ),
    ],
)
def test_recovered_mentions(text, sub_event_type, trigger):
    (mention,) = _find(text)
    assert mention.sub_event_type == sub_event_type
    assert text[mention.trigger.start : mention.trigger.end] == trigger


@pytest.mark.parametrize(
    "text",
    [
        "In 2018, more than 200 people were arrested in the crackdown.",
        "Gunmen have increasingly attacked villages in past months, residents said.",
    ],
)
def test_background_in_the_main_clause_still_counts(text):
    assert _find(text) == ()


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("On 3 May 2020, unidentified gunmen seized a truck near the town.", "seized"),
        ("Movement of forces: a Turkish convoy entered the country.", "entered"),
        ("On 1 May 2020, people did a motorcade to demand jobs.", "did"),
        ("Armed men on motorbikes in the market", None),
    ],
)
def test_main_verb(text, verb):
    span = typing_rules.main_verb(text, 0, len(text))
    assert (text[span.start : span.end] if span else None) == verb


def test_a_first_sentence_is_no_back_reference():
    (mention,) = _find("The clashes between regime forces and IS fighters lasted for hours.")
    assert not mention.reference
    assert mention.actor2.name == "Islamic State"


def test_a_coded_zero_overrides_the_count():
    text = "Gunmen attacked a checkpoint near the town, killing 4 soldiers. Fatalities coded as 0."
    assert [m.fatalities for m in _find(text)] == [0]


def test_associated_actors():
    text = "Regime forces, backed by loyalist militias, clashed with IS fighters near the town."
    (mention,) = _find(text)
    assert [a.name for a in mention.assoc_actor_1] == ["Militia (Pro-Government)"]
    assert mention.assoc_actor_2 == ()


# Sentences written for these tests.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # arrests told right after a protest are of its participants
            "About 40 teachers protested outside the ministry over unpaid wages. Police arrested 12.",
            [("Protest with intervention", False), ("Protest with intervention", True)],
        ),
        (  # a riot told with no protest word and no place of its own is how the protest went
            "Hundreds of traders demonstrated in Lagos over the closure of the market. Tyres were"
            " set on fire and a police car was vandalised.",
            [("Violent demonstration", False), ("Violent demonstration", True)],
        ),
        (  # arrests of suspects elsewhere are another event
            "Hundreds rallied in Kano against fuel prices. In Abuja, police arrested two men"
            " suspected of robbery.",
            [("Peaceful protest", False), ("Arrests", False)],
        ),
        (  # a riot in another place is another event
            "Hundreds rallied in Kano against fuel prices. In Abuja, rioters burned tyres.",
            [("Peaceful protest", False), ("Violent demonstration", False)],
        ),
        (  # damage told just after the protest, with no event of its own
            "Prisoners demonstrated in the town over a search of their cells. Chairs were burnt"
            " and property destroyed.",
            [("Violent demonstration", False)],
        ),
        (  # ... but not force told of another time
            "Relatives protested outside the prison. Two men were shot dead there last year.",
            [("Peaceful protest", False)],
        ),
        (
            "Workers demonstrated over unpaid wages, damaging several cars near the factory.",
            [("Violent demonstration", False)],
        ),
        (
            "Police used force against residents who had gathered to protest in the square.",
            [("Protest with intervention", False)],
        ),
    ],
)
def test_how_a_protest_went(text, expected):
    assert [(m.sub_event_type, m.reference) for m in _find(text)] == expected


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "Regime forces clashed with rebels in an attempt to regain control of Tall Salma.",
            "Armed clash",
        ),
        (
            "Rebels took partial control of Kafr Ruma after clashes with regime forces.",
            "Armed clash",
        ),
        (
            "Reports conflicted as to whether the army captured the village after clashes"
            " with rebels.",
            "Armed clash",
        ),
        (
            "Regime forces recaptured the village of Tall Salma from rebels after heavy clashes.",
            "Government regains territory",
        ),
        (
            "Rebels took control of the town of Kafr Ruma after clashes with regime forces.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_ground_only_tried_for_is_a_clash(text, sub_event_type):
    assert [m.sub_event_type for m in _find(text)] == [sub_event_type]


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (  # no side named anywhere near: ACLED's unidentified armed group
            "Fierce clashes resumed on the northern front on Sunday. No casualties were reported.",
            ["Unidentified Armed Group ({country})"],
        ),
        (  # the sides are named in the next sentence: left to the events stage
            "Heavy clashes broke out near the airport on Friday. Government troops later said"
            " they had repelled the attackers.",
            [None, "Military Forces of {country}"],
        ),
        (  # ... or in the sentence before
            "Islamic State fighters attacked a Kurdish checkpoint near the town on Friday."
            " Heavy clashes broke out near the airport an hour later.",
            ["Islamic State", None],
        ),
    ],
)
def test_a_clash_with_no_named_initiator(text, actor1):
    assert [m.actor1.name if m.actor1 else None for m in _find(text)] == actor1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kurdish forces made some advances near the village against IS on Monday.",
            ["Armed clash"],
        ),
        ("The army launched an operation against rebel fighters in the hills.", ["Armed clash"]),
        ("Share prices advanced on Monday after the launch of a new offensive.", []),
        (
            "Regime forces advanced near the town, capturing territory from Islamic State forces.",
            ["Government regains territory"],
        ),
        (
            "Rebels overtook the remaining areas of the district.",
            ["Non-state actor overtakes territory"],
        ),
    ],
)
def test_advances_and_operations(text, expected):
    assert [m.sub_event_type for m in _find(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Apple unveiled a new telephone at its annual event in California on Wednesday.",
        "Heavy rain caused flooding across the region, forcing hundreds of families from homes.",
        "The council approved a new budget for road repairs after a long debate on Monday.",
    ],
)
def test_a_lede_naming_no_party_or_death_reports_no_event(text):
    # the model's lower bar for a lede applies only where a conflict party or a death is named
    assert _find(text) == ()


def _sure_model(probability):
    """A one-word model: "reached" means an armed clash with ``probability``."""
    import math

    import numpy as np

    from conflictcoder import typing_model

    classes = tuple(sorted(mentions.SUB_EVENT_TYPES))
    row = np.zeros((1, len(classes)))
    others = len(classes) - 1
    row[0, classes.index("Armed clash")] = math.log(probability * others / (1 - probability))
    return typing_model.TypeModel(
        classes=classes, index={"reached": 0}, idf=np.ones(1), bias=np.zeros(len(classes)),
        scaled=row,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "probability", "subs"),
    [
        # the lede of a text with no other event: the model is trusted from 0.5
        ("Rebels reached the edge of the oil fields on Monday.", 0.6, ["Armed clash"]),
        ("Rebels reached the edge of the oil fields on Monday.", 0.4, []),
        # elsewhere its usual bar holds
        (
            "Soldiers clashed with rebels near the dam. Rebels reached the oil fields later.",
            0.6,
            ["Armed clash"],
        ),
    ],
)
def test_the_lede_of_a_text_with_no_event(monkeypatch, text, probability, subs):
    from conflictcoder import typing_model

    monkeypatch.setattr(typing_model, "model", lambda: _sure_model(probability))
    found = _find(text)
    assert [m.sub_event_type for m in found] == subs
    if subs and len(sentences.split(text)) == 1:
        assert text[found[0].trigger.start : found[0].trigger.end] == "reached"
