"""Rare ACLED sub-types named by the rule cues (sentences written for these tests)."""

import pytest

from conflictcoder import actors, mentions, sentences


@pytest.fixture(scope="module")
def lexicon():
    return actors.load_lexicon()


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Gunmen stopped a minibus and took five passengers away.", "Abduction/forced disappearance"),
        ("Armed men seized a trader at the market; his whereabouts remain unknown.",
         "Abduction/forced disappearance"),
        ("Army engineers cleared a minefield near the village.", "Disrupted weapons use"),
        ("The army seized power in a coup and detained the president.", "Other"),
        ("Officers arrested a journalist at his home in the capital.", "Arrests"),
        ("The two armed groups signed a ceasefire agreement on Monday.", "Agreement"),
        ("Rebels established a new base in the hills above the town.",
         "Headquarters or base established"),
        ("Police detained nine men for looting shops in the market.", "Arrests"),
        ("Troops arrested three suspected militants during a raid on a farm.", "Arrests"),
        ("Inmates protested by setting fire to blankets in their cells.", "Violent demonstration"),
        ("Police arrested three teachers for organising a protest over pay.", "Arrests"),
        ("Police arrested 30 protesters for blocking the main road.", "Protest with intervention"),
        ("Engineers tried to defuse a bomb at the bridge, but it exploded, wounding one.",
         "Remote explosive/landmine/IED"),
        ("Engineers defused a bomb found under the bridge.", "Disrupted weapons use"),
        ("The army sent reinforcements to the front lines north of the city.",
         "Change to group/activity"),
        ("Fighting raged on the front lines north of the city.", "Armed clash"),
        # ACLED: a grenade or a suicide bomb "with no other engagement"; with gunfire, a clash
        ("Militants threw a grenade at a police checkpoint. Police responded with gunfire.",
         "Armed clash"),
        ("Gunmen threw a grenade at an army patrol and opened fire on the soldiers.",
         "Armed clash"),
        ("A suicide bomber and gunmen opened fire on guests at a wedding, killing nine.", "Attack"),
        ("A suicide bomber blew himself up at a wedding, killing nine guests.", "Suicide bomb"),
        ("Unknown men threw a grenade into a crowded market, wounding six.", "Grenade"),
        ("Militants fired RPG grenades at the army post.", "Shelling/artillery/missile attack"),
        ("Police arrested a man armed with a hand grenade near the stadium.", "Arrests"),
        ("A grenade thrown at the mayor's house did not explode.", "Disrupted weapons use"),
        # manned aircraft shot down: a missile attack; drones: a disrupted weapon
        ("Rebels shot down a military helicopter near the airport.",
         "Shelling/artillery/missile attack"),
        ("Air defences shot down two drones over the base.", "Disrupted weapons use"),
        ("Police dismantled a drug lab in the suburb.", "Looting/property destruction"),
        ("Gunmen intercepted a bus on the highway and abducted six passengers.",
         "Abduction/forced disappearance"),
        ("Troops intercepted a suicide bomber at the gate, who detonated his vest, killing two.",
         "Suicide bomb"),
        ("Gunmen on motorbikes stopped the workers and seized their vehicle near the town.",
         "Looting/property destruction"),
        ("Militiamen forced several families out of their homes in two villages.",
         "Looting/property destruction"),
        ("The government released 150 prisoners from the central prison on Tuesday.", "Other"),
        ("Inter-clan violence erupted in the district on Monday.", "Armed clash"),
        ("A human head was found near the market on Sunday.", "Attack"),
        ("A new military post was established by the army near the border crossing.",
         "Headquarters or base established"),
        ("The two tribes reached an understanding to end their feud over land.", "Agreement"),
        ("About 300 families fled their villages in the district, officials said.", "Other"),
        ("Border guards fired warning shots at shepherds near the disputed border.", "Other"),
        # fighters captured, military equipment destroyed, ground tried for: a clash
        ("Rebel fighters captured four soldiers near the dam on Friday.", "Armed clash"),
        ("Militants destroyed an army tank with a guided weapon near the village.", "Armed clash"),
        ("Army troops attempted to recapture the hill from the rebels on Sunday.", "Armed clash"),
        ("Rebels pushed the soldiers out of three positions near the river.",
         "Non-state actor overtakes territory"),
        ("Army troops re-captured the border crossing from the rebels.",
         "Government regains territory"),
        ("Villagers blocked the main road near the market (east of the town) to demand water.",
         "Peaceful protest"),
        ("Government troops exchanged artillery with the rebels on the northern front.",
         "Armed clash"),
        ("The militia relocated its headquarters to the hill town of Bara.",
         "Headquarters or base established"),
        ("Police seized two tonnes of cocaine hidden in a truck at the port.",
         "Looting/property destruction"),
        ("Soldiers recovered five roadside bombs near the bridge on Tuesday.",
         "Disrupted weapons use"),
        ("Twenty soldiers were released from rebel prisons on Friday.", "Other"),
        ("The armed group ended its affiliation with the rebel alliance.",
         "Change to group/activity"),
    ],
)  # fmt: skip
def test_rare_types(lexicon, text, sub_event_type):
    found = mentions.find(text, sentences.split(text), lexicon)
    assert found and found[0].sub_event_type == sub_event_type


@pytest.mark.parametrize(
    ("text", "not_this"),
    [
        ("Gunmen shot dead a commander on the Aleppo - Sarin road.", "Chemical weapon"),
        ("The officer in charge of the chemical weapons depots died in a car crash.",
         "Chemical weapon"),
        ("Fighters raided a house to arrest a man wanted for rape.", "Sexual violence"),
        ("Militiamen shot at soldiers accused of molesting girls in the town.", "Sexual violence"),
        ("Activists said a man carrying a bomb was shot dead by police at a checkpoint.",
         "Excessive force against protesters"),
        ("Riot police dispersed the students with tear gas outside the ministry.",
         "Violent demonstration"),
        ("Hundreds of families fled their villages after the raids by gunmen.", "Mob violence"),
    ],
)  # fmt: skip
def test_words_that_name_no_such_event(lexicon, text, not_this):
    found = mentions.find(text, sentences.split(text), lexicon)
    assert all(m.sub_event_type != not_this for m in found)
