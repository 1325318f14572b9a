"""ACLED's event taxonomy: its 6 event types and 25 sub-event types (acled-coding-rules.md).

The one table the typing stages share: ``typing_rules`` weighs the learned model's
sub-types by their event type, ``mentions`` and ``protests`` type mentions with it.
"""

from __future__ import annotations

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

SUB_EVENT_TYPES: dict[str, str] = {
    "Armed clash": BATTLES,
    "Government regains territory": BATTLES,
    "Non-state actor overtakes territory": BATTLES,
    "Chemical weapon": EXPLOSIONS,
    "Air/drone strike": EXPLOSIONS,
    "Suicide bomb": EXPLOSIONS,
    "Shelling/artillery/missile attack": EXPLOSIONS,
    "Remote explosive/landmine/IED": EXPLOSIONS,
    "Grenade": EXPLOSIONS,
    "Sexual violence": VAC,
    "Attack": VAC,
    "Abduction/forced disappearance": VAC,
    "Peaceful protest": PROTESTS,
    "Protest with intervention": PROTESTS,
    "Excessive force against protesters": PROTESTS,
    "Violent demonstration": RIOTS,
    "Mob violence": RIOTS,
    "Agreement": STRATEGIC,
    "Arrests": STRATEGIC,
    "Change to group/activity": STRATEGIC,
    "Disrupted weapons use": STRATEGIC,
    "Headquarters or base established": STRATEGIC,
    "Looting/property destruction": STRATEGIC,
    "Non-violent transfer of territory": STRATEGIC,
    "Other": STRATEGIC,
}
