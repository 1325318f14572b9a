"""Lexical cues for ACLED's event and sub-event types, and for clauses that report nothing.

Each cue is a compiled pattern over a sentence; ``mentions`` combines them with the actors
of the sentence following ACLED's coding rules (``acled-coding-rules.md``): an explosion in
a battle is the battle, armed actor against civilians is violence against civilians, an
abduction with killings is an attack, protests split by how they were met. Which cues can
match a sentence at all is screened by the first letters of its words (``cue_screen``).
"""

from __future__ import annotations

import re

from conflictcoder import cue_screen


def _cue(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)


_CASED_MARCH = "(?<!forced\\s)(?-i:march(?:ed|es|ing)?)|"  # PROTEST's "march", not "March"


def _lowered(cue: re.Pattern[str]) -> re.Pattern[str]:
    """The cue for lower-cased text: case-sensitive matching is several times faster. The
    one case-sensitive part of a cue (PROTEST's "march", searched apart) is left out; a cue
    with any other would match wrongly in lower case, so it is refused at import."""
    pattern = cue.pattern.lower().replace(_CASED_MARCH, "")
    if "(?-i:" in pattern:
        raise ValueError(f"cue with a case-sensitive part cannot be lowered: {pattern[:60]}")
    return re.compile(pattern)


def search(
    cue: re.Pattern[str],
    text: str,
    lower: str | None,
    start: int,
    end: int,
) -> re.Match[str] | None:
    """``cue.search(text, start, end)``, run on ``lower`` (``text.lower()``, same length) when
    given; offsets are the same."""
    fast = _FAST_BY_ID.get(id(cue))  # a pattern's hash is slow: it hashes its whole code
    if fast is None or lower is None:
        return cue.search(text, start, end)
    match = fast.search(lower, start, end)
    if cue is PROTEST:  # "march" only in lower case: "March" is a month
        verb = _MARCH.search(text, start, match.start() if match else end)
        return verb or match
    return match


CHEMICAL = _cue(
    r"chemical\s+(?:weapons?|attacks?|agents?|munitions?)(?!\s+(?:depots?|stockpiles?|programm?es?"
    r"|facilit(?:y|ies)|sites?|experts?|inspectors?|watchdog))|chlorine(?:\s+gas)?"
    r"|sarin\s+(?:gas|nerve|attacks?)|(?:with|of)\s+sarin|mustard\s+gas"
    r"|nerve\s+(?:agent|gas)|toxic\s+gas(?:\s+attack)?|poison(?:ous)?\s+gas"
)
AIR = _cue(
    r"air\s*-?\s*strikes?|airstrikes?|air\s+raids?|air\s+attacks?|aerial\s+(?:bombardment|attacks?"
    r"|strikes?|bombing)|drone\s+(?:strikes?|attacks?)|(?:armed\s+)?drones?|UAVs?|warplanes?"
    r"|war\s+planes?|fighter\s+jets?|jets|helicopter\s+gunships?|helicopters?|aircraft|barrel\s+bombs?"
    r"|bombed\s+from\s+the\s+air|air\s+force|air\s+support"
)
SUICIDE = _cue(
    r"suicide\s+(?:bomb(?:er|ers|ing|ings|s)?|attacks?|attackers?|car\s+bomb(?:er|ing)?s?|vests?"
    r"|belts?|truck\s+bomb(?:er)?s?|blasts?|bombing)|blew\s+(?:himself|herself|themselves)\s+up"
    r"|SVBIEDs?|self-detonated|detonated\s+(?:his|her|their)\s+(?:explosive|suicide)"
)
SHELLING = _cue(
    r"shell(?:ed|ing|s)?|artillery|mortars?(?:\s+(?:shells?|rounds?|fire))?|rockets?|missiles?"
    r"|RPGs?|rocket-propelled\s+grenades?|tank\s+(?:fire|shells?)|bombard(?:ed|ing|ment|ments)"
    r"|howitzers?|Katyushas?|projectiles?|heavy\s+weapons|shelling\s+attack|grenade\s+launchers?"
    r"|anti-?tank\s+(?:guided\s+)?(?:missiles?|weapons)|ATGMs?|anti-?aircraft\s+guns?"
)
IED = _cue(
    r"IEDs?|VBIEDs?|improvised\s+explosives?(?:\s+devices?)?|roadside\s+bombs?|(?:land\s*)?mines?"
    r"|landmines?|car\s+bombs?|booby[-\s]trap(?:ped|s)?|explosive\s+devices?|sticky\s+bombs?"
    r"|magnetic\s+bombs?|bomb(?:s|ing|ings)?|blasts?|explosions?|exploded|explodes|detonated"
    r"|went\s+off|unexploded\s+ordnance|UXOs?|explosives-laden|explosive-laden"
)
GRENADE = _cue(r"(?:hand\s+)?grenades?(?:\s+attacks?)?")
# Grenades that are no thrown-grenade event: stun grenades (a protest's dispersal), RPGs
# (ACLED: shelling), grenades only carried or found.
STUN = _cue(
    r"stun\s+grenades?|rocket-propelled\s+grenades?|flash-?bangs?|grenade\s+launchers?"
    r"|(?:under-?barrel|automatic)\s+grenade|RPG[s-]?\s*(?:7\s+)?grenades?"
    r"|(?:armed\s+with|carrying|possession\s+of|seized|found|recovered)\s+(?:\w+\s+){0,3}grenades?"
)
# Gunfire besides a grenade or a suicide bomb: ACLED codes those only "with no other
# engagement"; with shooting they are a clash (armed target) or an attack (civilians).
FIREARMS = _cue(
    r"open(?:ed|ing)\s+fire|gunfire|gun\s*fire|firearms|gunshots|gun\s*-?battles?|shoot(?:ing|-?out)s?"
    r"|(?:fired|firing)\s+(?:\w+\s+){0,2}(?:at|on|upon|bullets|shots|rounds)|rifles|machine\s+guns?"
    r"|shoot|shot\s+at|(?:began|started|continued)\s+to\s+fire|exchanges?\s+of\s+fire"
)
SEXUAL = _cue(
    r"rap(?:ed|e|es|ing|ist|ists)|gang-?raped?|sexual(?:ly)?\s+(?:assault(?:ed|s)?|violence|abuse[ds]?"
    r"|harass(?:ed|ment)|exploit(?:ed|ation)|attack(?:ed)?)|molest(?:ed|ation|ing)"
)
ABDUCTION = _cue(
    r"abduct(?:ed|ion|ions|ing|s)?|kidnap(?:ped|ping|pings|s)?|taken\s+hostage|held\s+hostage"
    r"|took\s+(?:\w+\s+){0,2}hostage|forcibly\s+disappeared|enforced\s+disappearance|went\s+missing"
    r"|hostages?|whereabouts\s+(?:\w+\s+){0,2}(?:unknown|remain)"
    r"|(?:took|taken|dragged|led)\s+(?:him|her|them|(?:\w+\s+){0,2}(?:people|men|women|persons"
    r"|passengers|civilians|villagers|residents|children|boys|girls|farmers|workers|students"
    r"|teachers|journalists?|officials?|traders|herders|shepherds|activists?|members))\s+away"
)
BATTLE = _cue(
    r"clash(?:ed|es|ing)?|fight(?:ing|s)?|fought|battles?|battled|battling|gun\s*-?battles?"
    r"|fire\s*-?fights?|exchanges?\s+of\s+(?:gun)?fire|exchanged\s+(?:gun)?fire|skirmish(?:es|ed)?"
    r"|combat|hostilities|engaged|engagements?|counter-?attack(?:ed|s)?|repelled|repulsed"
    r"|ambush(?:ed|es)?|(?:shelling|mortar|artillery|fire)\s+exchanges?|infiltration\s+attempts?"
    r"|exchang(?:e|es|ed)\s+(?:of\s+)?(?:\w+\s+){0,4}(?:fire|shelling|shells|barrages|targeting|attacks"
    r"|artillery|mortars?|rockets|missiles)"
    r"|attempt(?:ed|s)?\s+to\s+(?:advance|infiltrate|storm)|frontlines?|front\s+lines?"
    r"|shoot-?outs?|gunfights?|small\s+arms(?:\s+fire)?|bursts?\s+of\s+(?:gun|automatic\s+)?fire"
    r"|exchanged\s+shots|fired\s+(?:[\w-]+\s+){0,6}(?:at|on|upon)\s+(?:the\s+)?positions"
    r"|(?:responded|reacted|retaliated|replied)\s+(?:[\w-]+\s+){0,3}(?:gun)?fire|returned\s+(?:the\s+)?fire"
    r"|fired\s+back|(?:gun)?fire\s+in\s+(?:response|retaliation)"
    r"|(?:thwarted|foiled|repelled|repulsed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:attack|attempt|offensive|assault|advance)s?|firefights?|armed\s+confrontations?"
)
ATTACK = _cue(
    r"attack(?:ed|s|ing)?|assault(?:ed|s|ing)?|raid(?:ed|s|ing)?|storm(?:ed|ing|s)?|opened\s+fire"
    r"|fired\s+(?:on|at|upon|into)|shot(?:\s+dead)?|shooting|shootings|gunfire|gunned\s+down"
    r"|kill(?:ed|ing|s)?|murder(?:ed|s|ing)?|assassinat(?:ed|ion|ions)|execut(?:ed|ion|ions)"
    r"|behead(?:ed|ing)?|massacre[ds]?|stabb(?:ed|ing)|beat(?:en|ing)?|tortur(?:ed|e|ing)"
    r"|hacked\s+to\s+death|burned\s+alive|targeted|injur(?:ed|ing)|wound(?:ed|ing)"
    r"|bodies\s+of|body\s+of|found\s+dead|assailed|hit\s+by\s+gunfire|deadliest"
    r"|dead\s+(?:man|men|woman|women|person|people|bodies|body)|corpses?|lifeless\s+bod(?:y|ies)"
    r"|human\s+(?:heads?|remains)|(?:body|bodies|remains)\s+(?:was|were)\s+(?:found|discovered|dumped"
    r"|recovered|burned|burnt|dismembered)"
)
GOV_TERRITORY = _cue(
    r"re-?captur(?:ed|e|es|ing)|retook|retak(?:e|en|ing)|regain(?:ed|s|ing)?(?:\s+full)?\s+control"
    r"|liberat(?:ed|ion|ing)|took\s+back|taken\s+back|restored\s+control|back\s+under\s+(?:\w+\s+)?control"
)
TERRITORY = _cue(
    r"(?:captur(?:ed|e|es|ing)|controlled|control\s+of|seized|took(?!\s+(?:place|part)\b))\s+(?:the\s+|several\s+|two\s+|a\s+)?(?:[\w'-]+\s+){0,3}(?:towns?|villages?|city|cities|areas?"
    r"|positions?|bases?|hills?|districts?|neighbou?rhoods?|checkpoints?|outposts?|posts?|points?"
    r"|localit(?:y|ies)|regions?|territor(?:y|ies)|barriers?|airports?|air\s*bases?|farms?|sites?)"
    r"|(?:seized|took|taken|gained|gain|assumed|achieved|extend(?:ed)?|regain(?:ed|ing)?)\s+(?:full\s+|partial\s+|total\s+|their\s+|its\s+)?control"
    r"|managed\s+to\s+(?:control|capture|seize)|(?:were|was)\s+(?:completely\s+)?cleared\s+(?:from|of)|overr?an|overrun|fell\s+(?:in)?to"
    r"|advanced\s+(?:on|into)|took\s+over|taken\s+over|overt(?:ook|aken)"
    r"|push(?:ed|es|ing)?\s+(?:\w+\s+){0,3}out\s+of|seized\s+(?:the\s+)?(?:town|village|city|area|base|hill)"
)
# The other side fired back: an explosion met with gunfire is a clash (``mentions``).
RESPONSE = _cue(
    r"(?:responded|reacted|retaliated|replied)\s+(?:[\w-]+\s+){0,3}(?:gun)?fire|returned\s+(?:the\s+)?fire"
    r"|fired\s+back|(?:gun)?fire\s+in\s+(?:response|retaliation)"
)
# Fighting between communities (ACLED: identity militias clash, even when no armed group is named).
COMMUNAL = _cue(
    r"(?:inter-?(?:clan|communal|ethnic|tribal|religious|village)|communal|ethnic|tribal|clan|sectarian)"
    r"\s+(?:violence|fighting|clashes|conflict|feud)"
)
# Armed groups moving against each other with no word of fighting ("advanced towards the
# village", "launched an operation against", "held off the advance"): a clash when armed
# actors are named (``typing_rules``).
ADVANCE = _cue(
    r"advanc(?:ed|es|ing)|made\s+(?:\w+\s+){0,2}advances?|(?:operations?|campaigns?|offensives?"
    r"|assaults?)\s+against|(?:hold|held|holding)\s+off|repel(?:s|ling)?|in\s+action\s+against"
    r"|offensives?|(?:able|managed|attempt(?:ed|ing|s)?|tried|trying|sought)\s+to\s+advance"
    r"|besieg(?:ed|ing)|encircl(?:ed|ing)"
)
# Fighters captured by their enemy: ACLED codes it as part of a battle (an armed clash).
CAPTIVE = _cue(
    r"captur(?:ed|ing)\s+(?:[\w-]+\s+){0,4}(?:fighters|members?|militants?|soldiers|troops|elements"
    r"|operatives|gunmen|commanders?|officers?|personnel|rebels|insurgents|jihadists|conscripts)"
)
# Military equipment destroyed: an attack on an armed side.
EQUIPMENT = _cue(
    r"destroy(?:ed|ing|s)?\s+(?:[\w-]+\s+){0,3}(?:tanks?|bulldozers?|armou?red\s+vehicles?"
    r"|military\s+vehicles?|APCs?|BMPs?|humvees?|(?:rocket\s+)?launchers?|artillery\s+pieces?"
    r"|gun\s+emplacements?|technicals?)"
)
# Ground tried for, partly taken or disputed: no change of control to code (ACLED: an armed
# clash; only the final acquisition is a territory change).
CONTESTED = _cue(
    r"(?:attempt(?:ed|s|ing)?|tried|trying|failed|bids?|efforts?|seeking|sought|aim(?:ed|ing)?)"
    r"\s+(?:\w+\s+){0,2}to\s+(?:re)?(?:gain|take|capture|control|seize|advance|storm|recapture"
    r"|retake|enter|infiltrate|break)|partial(?:ly)?\s+(?:control|captur\w*|took|seized)"
    r"|not\s+(?:completely|fully|yet)\s+(?:\w+\s+){0,2}(?:control\w*|captur\w*|seiz\w*)"
    r"|remains?\s+contested|reports\s+conflicted|conflicting\s+reports"
)
# "captured Nayrab": a verb of taking before a proper name that is not a group of people
# (case-sensitive; only quotes the trigger of a territory type chosen by the model)
TAKEN_PLACE = re.compile(
    r"(?<![\w-])(?:captured|seized|took\s+over|took\s+control\s+(?:of|over)|retook|recaptured"
    r"|overran|entered|advanced\s+(?:on|into|to)|stormed|control(?:led)?)\s+(?:the\s+)?"
    r"(?:(?:town|village|city|area|hill|district|neighbou?rhood)\s+of\s+)?"
    r"(?!(?:[A-Z][\w'-]*\s+){0,2}(?:fighters|members|militants|soldiers|operatives|elements"
    r"|gunmen|men|people|civilians|personnel|troops|commanders?|leaders?))[A-Z][\w'-]+"
)
PROTEST = _cue(
    r"protest(?:ed|s|ing|ers|ors|er)?|demonstrat(?:ed|ion|ions|ors|or|ing|e)|rall(?:y|ies|ied|ying)"
    r"|(?<!forced\s)(?-i:march(?:ed|es|ing)?)|sit-?ins?|picket(?:ed|s|ing)?|went\s+on\s+strike|on\s+strike|strikers"
    r"|vigil|hunger\s+strike|dharnas?|gathered\s+to\s+(?:demand|denounce|protest|call|mark|voice|express|condemn|oppose)|boycott"
    r"|took\s+to\s+the\s+streets|(?:chant|shout|rais)(?:ed|ing)\s+(?:[\w-]+\s+){0,2}slogans|staged\s+a\s+(?:rally|march|sit-?in)"
    r"|(?:gathered|assembled|converged)\s+(?:[\w-]+\s+){0,8}(?:demanding|to\s+demand|to\s+draw\s+attention)"
    r"|came\s+out\s+(?:on|onto|into)\s+the\s+(?:roads?|streets?)|staged\s+(?:an?\s+)?(?:road\s+)?blockades?"
    r"|road\s+blockades?|banged\s+pots|pot-?banging|cacerolazos?"
    r"|blocked\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:roads?|highways?|streets?|rails?|railway|bridge)\s+(?:[\w(),'’-]+\s+){0,8}"
    r"(?:to\s+(?:demand|protest|denounce|reject|press|prevent|oppose)|demanding|rejecting|in\s+protest)"
    r"|dispers(?:ed|e|ing)\s+(?:about|around|nearly|some|over|hundreds\s+of|dozens\s+of|\d+|a\s+crowd\s+of|the\s+)*"
    r"(?:[\w-]+\s+){0,2}(?:crowds?|gatherings?|people|labou?rers|workers|residents|students|youths|traders"
    r"|farmers|supporters|villagers|women)|(?:were|was)\s+(?:eventually\s+|later\s+|forcibly\s+)?dispersed"
)
INTERVENTION = _cue(
    r"dispers(?:ed|e|ing)|tear\s*-?gas|water\s+cannons?|rubber\s+bullets|batons?|broke\s+up"
    r"|pepper\s+spray|stun\s+grenades|arrest(?:ed|s|ing)?|detain(?:ed|ing)|baton-?charged"
    r"|cracked\s+down|prevented|blocked\s+(?:the\s+)?(?:protest|march)|pushed\s+back|scuffles?"
    r"|intervened|intervention|forcibly\s+removed|cordoned\s+off|kettled|clubbed"
)
EXCESSIVE = _cue(
    r"live\s+(?:ammunition|fire|rounds|bullets)|opened\s+fire|shot\s+dead|killed|killing"
    r"|fired\s+(?:on|at|into)|shot"
)
# "riot police" are who met the crowd, not a riot
_RIOT = r"riot(?:ed|s|ing)?(?!\s+(?:police|squads?|units?|gear|control|shields?|officers|forces|troops))"
RIOT = _cue(
    _RIOT + r"|torch(?:ed|ing)?|set(?:ting)?\s+(?:\w+\s+){0,3}(?:fire|ablaze|alight)"
    r"|burn(?:ed|t|ing)\s+(?:\w+\s+)?(?:tyres|tires|vehicles|cars|effigies|police)|pelted|pelting"
    r"|threw\s+(?:stones|rocks|bottles|petrol\s+bombs|molotov)|stone[-\s]?(?:pelting|throwing)"
    r"|vandali[sz](?:ed|e|ing)|barricad(?:e|es|ed)|clashed\s+with\s+(?:the\s+)?police|molotovs?"
    r"|petrol\s+bombs?|ransacked|rampage"
)
# How a protest was met, by ACLED's definitions (``protests.protest_level`` weighs them):
# force that kills or seriously injures (excessive), crowd violence (violent demonstration),
# dispersal without serious injury (intervention).
FORCE = _cue(
    r"live\s+(?:ammunition|fire|rounds|bullets)|opened\s+fire|shot\s+dead|shot\s+and\s+killed"
    r"|(?:fired|firing|shot|shooting|shoot)\s+(?:live\s+)?(?:shots\s+|bullets\s+|rounds\s+)?(?:on|at|into)"
    r"|killed|killing|kills|shot|gunned\s+down|beat(?:en)?\s+(?:\w+\s+){0,2}to\s+death"
    r"|(?:seriously|severely|critically|badly|gravely)\s+(?:injur(?:ed|ing)|wound(?:ed|ing)|beat(?:en)?|hurt)"
    r"|died|dead|ran\s+over|run\s+over|stabb(?:ed|ing)"
)
# Shots fired in the air, warning shots: dispersal, not force against the crowd.
WARNING_SHOTS = re.compile(
    r"^[^.;]{0,25}?\b(?:in(?:to)?\s+the\s+air|warning\s+shots|in\s+the\s+air|rubber|pellets|blanks)\b",
    re.IGNORECASE,
)
CROWD_VIOLENCE = _cue(
    _RIOT + r"|torch(?:ed|ing)?|set(?:ting)?\s+(?:\w+\s+){0,3}(?:fire|ablaze|alight)"
    r"|burn(?:ed|t|ing)\s+(?:\w+\s+){0,2}(?:tyres|tires|objects|debris|atm(?:'?s)?|banks?|vehicles?|cars?|effigies|police|buildings?"
    r"|offices?|shops?|property|barricades?|houses?|stations?|buses|trucks)|pelted|pelting"
    r"|(?:threw|throwing|thrown|hurled|hurling)\s+(?:\w+\s+){0,2}(?:stones|rocks|bottles|petrol\s+bombs"
    r"|molotovs?|bricks|objects|projectiles|firebombs)|stone[-\s]?(?:pelting|throwing)"
    r"|vandali[sz](?:ed|e|ing)|burning\s+(?:barricades|tyres|tires|objects|debris|logs)|barricad(?:e|es|ed|ing)(?!\s+(?:themselves|himself|herself))"
    r"|blocked\s+(?:\w+\s+){0,4}with\s+(?:\w+\s+){0,2}(?:tyres|tires|barricades|burning)"
    r"|(?:police|security\s+forces|soldiers|troops|officers)\s+(?:\w+\s+)?clashed\s+with\s+(?:the\s+)?"
    r"(?:\w+\s+)?(?:protest[eo]rs|demonstrators|crowds?|youths|participants|them)"
    r"|(?:turned|became|grew)\s+violent|violent\s+(?:demonstrations?|protests?|riots?)|degenerated\s+into|clashed\s+with\s+(?:the\s+)?(?:\w+\s+)?"
    r"(?:police|security|soldiers|troops|authorities|forces|army)|molotovs?|petrol\s+bombs?|ransack(?:ed|ing)"
    r"|rampage|looted\s+(?:\w+\s+){0,2}(?:shops?|stores?|businesses|supermarkets?|warehouses?|markets?"
    r"|offices?|houses?|homes?|trucks?)|smash(?:ed|ing)|attacked\s+(?:the\s+)?(?:police|officers|security"
    r"|journalists?|buildings?|offices?|vehicles?|shops?)|injur(?:ed|ing)\s+(?:\w+\s+){0,2}(?:police(?:men)?|officers)"
    r"|(?:property|vehicles?|cars?|windows?|chairs?|furniture|shops?)\s+(?:was\s+|were\s+)?"
    r"(?:burnt|burned|torched|destroyed|damaged|smashed|vandali[sz]ed)"
    r"|damag(?:ed|ing)\s+(?:\w+\s+){0,2}(?:property|vehicles?|cars?|buildings?|shops?|offices?)"
)
DISPERSAL = _cue(
    r"dispers(?:ed|e|ing|al)|tear\s*-?gas(?:sed)?|water\s+cannons?|rubber\s+bullets|batons?"
    r"|broke\s+up|pepper\s+spray|stun\s+grenades|arrest(?:ed|s|ing)?|detain(?:ed|ing)?"
    r"|baton-?charged|cracked\s+down|prevented|pushed\s+back|scuffles?|intervened|interfered"
    r"|intervention|forcibly\s+removed|removed|evicted|cordoned\s+off|kettled|clubbed|beat(?:en|ing)?"
    r"|in\s+the\s+air|warning\s+shots|blocked\s+(?:the\s+)?(?:protest|march|protesters|demonstrators)"
    r"|stopped\s+(?:the\s+)?(?:protest|march|protesters|demonstrators)|took\s+(?:\w+\s+){0,2}into\s+custody"
    r"|rounded\s+up|confronted|chased\s+away|lifted\s+the\s+blockade|injur(?:ed|ies|ing)|wounded|hurt"
    r"|used\s+force|use\s+of\s+force"
)
# A cue naming the protest's grievance, not what happened at it ("protested against the
# killing of", "demanding the release of those arrested").
MOTIVE = re.compile(
    r"\b(?:against|over|about|denounc\w*|condemn\w*|decry\w*|justice\s+for|after|following"
    r"|in\s+response\s+to|release\s+of|demand\w*|call(?:ing|ed)?\s+for|protest(?:s|ed|ing)?"
    r"|because\s+of|outrage\s+at|reject\w*|in\s+(?:relation|reference)\s+to|regarding|concerning|honou?r\w*|mourn\w*|anger\s+at|for\s+the|since|earlier|previous(?:ly)?"
    r"|(?:who|which|that)(?:\s+(?:was|were|had|has|have)(?:\s+been)?)?|whose|had\s+been|victims?\s+of)"
    r"\s+(?:(?!(?:were|was|are|is|but|then|when|police"
    r"|security|forces|soldiers|troops|officers|guards|by)\b)[\w'’-]+\s+){0,8}$"
    r"|\b(?:against|denounc\w*|condemn\w*|reject\w*)\s+(?:the\s+)?(?:police|security\s+forces|soldiers"
    r"|troops|army|officers)\s+(?:(?!(?:but|then|when|who|which|and\s+then)\b)[\w'’-]+\s+){0,10}$"
    r"|\b(?:famil(?:y|ies)|relatives|parents|mothers|widows)\s+of\s+(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)
MOB = _cue(
    r"mobs?|lynch(?:ed|ing|ings)?|vigilantes?|angry\s+crowds?|beat\s+(?:\w+\s+){0,2}to\s+death"
    r"|mob\s+justice|jungle\s+justice"
)
# What an arrest is for: the accused act is no event of this sentence ("arrested four men
# suspected of planting roadside bombs").
ACCUSATION = _cue(
    r"suspected\s+of|accused\s+of|charged\s+with|on\s+charges\s+of|for\s+(?:allegedly\s+)?"
    r"(?:planting|carrying|plotting|smuggling|involvement|links|belonging|killing|murdering"
    r"|attacking|looting|kidnapping|robbing|stealing|inciting|organi[sz]ing|spreading|posting|sharing|insulting"
    r"|spying|financing|supporting|collaborating|possessing|possession|trafficking|murder|theft"
    r"|robbery|terrorism|participating|taking\s+part)|on\s+(?:an?\s+)?(?:[\w-]+\s+)?charges?|in\s+connection\s+with|wanted\s+for|over\s+(?:the|an?|his|her|their)\s+"
    r"(?:\w+\s+)?(?:killing|murder|attack|bombing|kidnapping|abduction|robbery|theft|death|looting)"
    r"|(?:suspected|alleged)\s+(?:[\w-]+\s+)?(?:members?|militants?|insurgents?|fighters?|killers?"
    r"|kidnappers?|robbers?|thieves|criminals?|terrorists?|rebels?|bandits?|gunmen|perpetrators?"
    r"|attackers?|bombers?|assailants?|jihadists?|smugglers?|traffickers?|collaborators?|informants?)"
)
# A protest said to be calm: the rules' "peaceful" is explicit, not a model's guess.
PEACEFUL = _cue(r"peaceful(?:ly)?|without\s+(?:incident|violence)|calm(?:ly)?")
ARREST = _cue(
    r"arrest(?:ed|s|ing)?|detain(?:ed|s|ing)?|taken\s+into\s+custody|rounded\s+up|apprehend(?:ed)?"
    r"|in\s+custody"
)
LOOTING = _cue(
    r"loot(?:ed|ing|s)?|plunder(?:ed|ing)?|ransack(?:ed|ing)?|pillag(?:ed|ing)|burn(?:ed|t)\s+down"
    r"|(?:burned|torched|destroyed|demolished|razed)\s+(?:\w+\s+){0,3}(?:houses|homes|house|home"
    r"|shops|property|properties|villages?|crops|buildings?|vehicles|offices?|schools?|mosques?"
    r"|churches?|farms?)|demolish(?:ed|ing)|razed|property\s+destruction|confiscat(?:ed|ion)"
    r"|seized\s+(?:\w+\s+)?(?:land|property|houses|livestock|cattle)"
    r"|seized\s+(?:an?\s+|the\s+|their\s+|his\s+|her\s+|two\s+|three\s+|several\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:vehicles?|cars?|trucks?|motorbikes?|motorcycles?|goods|belongings|phones|money|cash)"
    r"|stripped\s+(?:\w+\s+){0,2}of|forced\s+(?:\w+\s+){0,3}out\s+of\s+their\s+(?:homes|houses|land)"
    r"|(?:houses?|homes?|apartments?|shops?|offices?|vehicles?|cars?|buildings?)\s+(?:[\w-]+\s+){0,8}"
    r"(?:was|were)\s+(?:set\s+on\s+fire|set\s+ablaze|burned|burnt|torched|destroyed|vandali[sz]ed)"
    r"|(?:dismantled|destroyed|burned|torched)\s+(?:an?\s+|the\s+|two\s+|several\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:labs?|laborator(?:y|ies)|plantations?)|stole|robbed|extort(?:ed|ion)"
    r"|seiz(?:ed|ure\s+of)\s+(?:[\w(),.-]+\s+){0,8}?(?:marijuana|cocaine|drugs|narcotics|heroin"
    r"|methamphetamines?|cannabis|hashish|contraband|cigarettes)"
)
DISRUPTED = _cue(
    r"defus(?:ed|e|ing)|dismantl(?:ed|e|ing)\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:bombs?|IEDs?|devices?|explosives?|mines?|landmines?|belts?|vests?|rockets?|missiles?"
    r"|munitions?|ordnance|booby)|intercept(?:ed|s|ing)?|foil(?:ed|s)"
    r"|(?:shot\s+down|downed)(?!\s+(?:\w+\s+){0,3}(?:planes?|aircraft|airliners?|jets?|helicopters?))"
    r"|(?:did\s+not|didn't|failed\s+to)\s+(?:explode|detonate|go\s+off)"
    r"|thwart(?:ed|s)|seiz(?:ed|ure)\s+(?:of\s+)?(?:a\s+)?(?:[\w,-]+\s+)?"
    r"(?:weapons|arms|ammunition|explosives|rifles|guns|hand-?grenades|grenades|IEDs|TNT)"
    r"|(?:weapons?|arms|ammunition)\s+caches?"
    r"|diffused\s+(?:\w+\s+){0,3}(?:bombs?|IEDs?|devices?|mines?|explosives?)"
    r"|recovered\s+(?:\w+\s+){0,3}(?:bombs|IEDs?|explosive\s+devices?|explosives|grenades|landmines|mines)"
    r"|neutrali[sz]ed\s+(?:a|an|the)\s+(?:bomb|IED|device|explosive)|bomb\s+disposal|cleared\s+(?:\w+\s+){0,2}(?:mines|minefields?|explosives)"
    r"|de-?min(?:ed|ing)\s+(?:\w+\s+){0,2}(?:fields?|areas?|roads?)|mine\s+clearance"
    r"|controlled\s+explosion|safely\s+detonated|made\s+safe|(?:found|discovered|uncovered)\s+"
    r"(?:an?\s+|the\s+|two\s+|several\s+)?(?:[\w-]+\s+){0,2}(?:IEDs?|explosive\s+devices?|bombs?"
    r"|landmines?|mines|explosives)"
)
# A manned aircraft shot down: ACLED codes it as a missile attack (drones: disrupted weapons).
DOWNED_AIRCRAFT = _cue(
    r"(?:shot\s+down|downed)\s+(?:\w+\s+){0,3}(?:planes?|aircraft|airliners?|jets?|helicopters?)"
)
# A defusal that failed ("attempted to defuse the device, which exploded"): the explosion
# is the event, not a disrupted weapon.
FAILED_DEFUSAL = _cue(
    r"(?:attempt(?:ed|ing|s)?|tr(?:y|ying|ied))\s+to\s+(?:\w+\s+)?(?:defuse|dismantle)|while\s+(?:defusing|dismantling)"
)
AGREEMENT = _cue(
    r"cease-?fire|truce|peace\s+(?:deal|agreement|accord|talks|treaty)|signed\s+(?:an?\s+)?"
    r"(?:agreement|accord|deal|memorandum)|reconciliation\s+(?:deal|agreement)"
    r"|prisoner\s+(?:exchange|swap)|exchanged\s+prisoners|agreed\s+to\s+(?:a\s+)?(?:ceasefire|truce|end)"
    r"|(?:signed|reached|concluded|brokered|agreed\s+on)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:agreements?|accords?|deals?|settlement|memorandum|pact|understanding)|peace\s+(?:settlement|pact)"
    r"|reconciliation\s+(?:deal|agreement|meeting|conference|talks)|peace\s+(?:summit|conference|meeting)"
)
HEADQUARTERS = _cue(
    r"(?:set(?:ting)?\s+up|established|establish(?:es|ing)?|opened|built|erected|install(?:ed|ing)"
    r"|construct(?:ed|ing))\s+(?:a\s+|an\s+|new\s+|its\s+|their\s+|two\s+|several\s+)*"
    r"(?:[\w-]+\s+){0,2}(?:base|bases|headquarters|outposts?|camps?|posts?|points?"
    r"|garrisons?)|(?:new\s+)?(?:military\s+|observation\s+)?(?:base|headquarters|outpost|post|point|garrison)"
    r"\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:set\s+up|established|erected|built|opened)"
    r"|inaugurat(?:ed|es|ing)\s+(?:a\s+|an\s+|new\s+|its\s+|their\s+)*(?:[\w-]+\s+){0,2}(?:base|bases"
    r"|headquarters|outposts?|camps?|garrisons?)|(?:moved|relocated|transferred)\s+(?:its|their|his)\s+"
    r"(?:\w+\s+)?(?:headquarters|base|command\s+cent(?:er|re))"
)
TRANSFER = _cue(
    r"handed\s+over\s+(?:control|the\s+(?:town|city|area|base|positions?))|hand\s+over\s+control"
    r"|without\s+(?:a\s+)?(?:fight|resistance|fighting)|withdrew\s+(?:\w+\s+){0,4}handing"
)
CHANGE = _cue(
    r"deploy(?:ed|ment|ments|s|ing)?|reinforcements?|redeploy(?:ed|ment)?|withdr(?:ew|awn|awal)"
    r"|pulled\s+out|merg(?:ed|er)|joined\s+forces|defect(?:ed|ion|ions)|recruit(?:ed|ment|ing)"
    r"|conscript(?:ed|ion)|curfew|state\s+of\s+emergency|lockdown|convoys?|patrols?|military\s+build-?up"
    r"|arrived|dispatched|sent\s+(?:\w+\s+)?(?:troops|reinforcements)|disband(?:ed)?|split|training"
    r"|checkpoints?|surrender(?:ed)?|announced|joined|fortif(?:y|ied|ications?)|trenches"
    r"|security\s+measures|imposed|restrictions|banned|military\s+exercises?|drills?"
    r"|(?:ended|cut|severed)\s+(?:its|their|all)\s+(?:ties|affiliation)|dissol(?:ved|ution)"
    r"|pledged\s+(?:its\s+|their\s+|his\s+)?allegiance"
)
# A seizure of power: "Other" even when its leaders are detained in it.
COUP = _cue(r"coup(?:\s+d'[eé]tat)?|seized\s+power|military\s+takeover")
OTHER = _cue(
    r"mass\s+graves?|coup(?:\s+d'[eé]tat)?|seized\s+power|military\s+takeover|displac(?:ed|ement)"
    r"|fled\s+their\s+homes|referendum|remnants\s+of\s+war|forced\s+to\s+flee"
    r"|(?:families|residents|civilians|villagers|inhabitants|households)\s+(?:[\w-]+\s+){0,6}(?:evacuated|fled)"
    r"|evacuation\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:towns?|villages?|city|area|residents|civilians|families)"
    r"|warning\s+shots|(?:fired|firing)\s+(?:\w+\s+){0,3}in(?:to)?\s+the\s+air"
    r"|released\s+(?:\d+|\w+)\s+(?:[\w-]+\s+){0,2}(?:prisoners|detainees|captives)"
    r"|(?:prisoners|detainees)\s+(?:\w+\s+){0,2}(?:were|was)\s+(?:freed|released)"
    r"|(?:were|was)\s+(?:freed|released)\s+from\s+(?:\w+\s+){0,2}(?:prisons?|jails?|captivity|detention)"
)

_MARCH = re.compile(r"(?<![\w-])(?<!forced\s)march(?:ed|es|ing)?(?![\w-])")
_FAST = {
    cue: _lowered(cue)
    for cue in (CHEMICAL, AIR, SUICIDE, SHELLING, IED, GRENADE, STUN, SEXUAL, ABDUCTION, BATTLE,
                ATTACK, GOV_TERRITORY, TERRITORY, CONTESTED, ADVANCE, PROTEST, INTERVENTION, EXCESSIVE, RIOT, MOB,
                FORCE, CROWD_VIOLENCE, DISPERSAL,
                ARREST, LOOTING, DISRUPTED, FIREARMS, DOWNED_AIRCRAFT, COMMUNAL, AGREEMENT, HEADQUARTERS, TRANSFER, CHANGE, OTHER, COUP,
                FAILED_DEFUSAL, CAPTIVE, EQUIPMENT)
}  # fmt: skip

_HEADS = {cue: cue_screen.heads_of(fast.pattern) for cue, fast in _FAST.items()}
_HEADS[PROTEST] |= {"mar"}  # "marched", matched on the original text (``_MARCH``)
SCREENED = frozenset(_HEADS)  # the cues ``possible`` screens
_SCREEN = cue_screen.screen(_HEADS)
BITS = _SCREEN.bits  # by id: one bit per screened cue
possible = _SCREEN.possible  # the screened cues that may match in a span, as a bit mask


# Clauses that report no event (background, analysis, hypotheticals).
HYPOTHETICAL = re.compile(
    r"\b(?:could|would|might|may|will|shall|threaten(?:ed|s|ing)?\s+to|plan(?:ned|s|ning)?\s+to"
    r"|vow(?:ed|s)?\s+to|warn(?:ed|s)?\s+(?:of|that)|fear(?:ed|s)?\s+(?:of|that)|likely\s+to"
    r"|intend(?:ed|s)?\s+to|prepar(?:ed|ing)\s+to|capable\s+of|in\s+case\s+of|if|unless)\s+"
    r"(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
ANALYSIS = re.compile(
    r"\b(?:suggest(?:s|ed)?|indicat(?:e|es|ed)|show(?:s|ed)?\s+that|signal(?:s|led)?|underscore[sd]?"
    r"|highlight(?:s|ed)?|demonstrat(?:es|ed)\s+that|raise[sd]?\s+fears|analysts?\s+say)\b",
    re.IGNORECASE,
)
BACKGROUND = re.compile(
    r"\b(?:in\s+(?:the\s+)?(?:past|recent|previous|last)\s+(?:few\s+|several\s+)?(?:months|years|weeks|decades?)"
    r"|over\s+the\s+(?:past|last)\s+(?:few\s+|several\s+)?(?:months|years|weeks|decades?)"
    r"|(?:years|decades?|months)-long|since\s+(?:the\s+)?(?:\d{4}|its|their|fall|start|beginning|end)"
    r"|(?<!to\s)have\s+(?:increasingly\s+|repeatedly\s+|frequently\s+|often\s+)?(?:killed|attacked|carried\s+out)"
    r"|has\s+(?:increasingly\s+|repeatedly\s+)?(?:killed|attacked|carried\s+out)|in\s+recent\s+years"
    r"|so\s+far\s+this\s+year|every\s+(?:year|month|week)|last\s+year|(?:\d+|several|many)\s+years\s+ago"
    r"|(?:in|during|since)\s+(?:early\s+|late\s+|mid-?)?(?:19|20)\d\d(?![\d/-]))\b",
    re.IGNORECASE,
)
# Court cases, commemorations and threats tell of an event, they are not one (ACLED: a trial
# or an anniversary is not coded; a protest at a court or a memorial is).
NOT_AN_EVENT = re.compile(
    r"\b(?:trials?|tribunal|sentenced|sentence|convicted|acquitted"
    r"|prosecut(?:or|ors|ion|ed)|indicted|indictment|verdict|hearings?|testif(?:y|ied)"
    r"|anniversary|commemorat(?:e|ed|es|ing|ion)|memorial|in\s+memory\s+of"
    r"|death\s+threats?|received\s+(?:\w+\s+)?threats|threatening\s+(?:messages|calls|letters)"
    r"|intimidat(?:ed|ion|ing)|mourn(?:ed|ing|s)?|funerals?)\b",
    re.IGNORECASE,
)
ANCHORED = re.compile(
    r"\b(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today"
    r"|tonight|overnight|last\s+night|this\s+morning|earlier\s+this\s+week|on\s+\d{1,2}\s+[A-Z][a-z]+"
    r"|on\s+[A-Z][a-z]+\s+\d{1,2})\b"
)
DEFINITE = re.compile(
    r"\b(?:the|this|that|these|those|its|their|Thursday's|Friday's)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
MILITARY_TARGET = re.compile(
    r"\b(?:barracks|checkpoints?|military\s+(?:base|post|positions?|convoy|vehicle)|bases?|outposts?"
    r"|positions|convoys?|patrols?|prisons?|jail|army\s+post|police\s+station|security\s+post"
    r"|front\s*lines?|headquarters)\b",
    re.IGNORECASE,
)

# Screened by ``search`` on lower-cased text too (not by word starts).
_FAST.update(
    {
        cue: _lowered(cue)
        for cue in (NOT_AN_EVENT, ANALYSIS, BACKGROUND, HYPOTHETICAL, MILITARY_TARGET, MOTIVE,
                    ACCUSATION, PEACEFUL)
    }
)  # fmt: skip
_FAST_BY_ID = {id(cue): fast for cue, fast in _FAST.items()}
# Any of the cues of a sentence that reports nothing, in one pass over lower-cased text:
# a sentence with none of them is not searched for each.
TOLD_NOT_DONE = re.compile(
    "|".join(f"(?:{_FAST[cue].pattern})" for cue in (NOT_AN_EVENT, ANALYSIS, BACKGROUND))
)
