"""Two events after all: the checks ``linking.compare`` makes on pairs whose fields agree.

- ``conflicting``: each report names names the other never does and none is shared
  (different victims, streets or units);
- ``untied``: two reports of armed groups at war sharing no name and no town (they fight at
  many places the same day);
- ``places_elsewhere``: each report names its place with words the other never uses (two
  villages the gazetteer lacks, both placed at their district);
- ``other_towns``: armed groups placed precisely at two towns (ACLED: one event per
  location).

Each takes the two reports (``linking.Linkable`` or their events and terms) and settings,
and says whether (or where) the pair is two events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from conflictcoder import linkterms
from conflictcoder.linkfields import named_actors, same_text
from conflictcoder.models import Event
from conflictcoder.settings import Settings

if TYPE_CHECKING:
    from conflictcoder.linking import Linkable


def shared_names(terms: linkterms.TermAgreement) -> int:
    """How many names (numbers aside) two reports' terms share."""
    return sum(1 for t in terms.shared if not any(c.isdigit() for c in t))


def conflicting(terms: linkterms.TermAgreement, settings: Settings, armed: bool) -> bool:
    """Nothing shared, while each side names at least ``link_conflict_names`` names
    of its own: different victims, streets or units. Between reports of armed groups (both
    naming armed actors) no name shared (numbers aside: days and years recur in dated
    notes) while each names ``link_armed_conflict_names`` of its own is enough: each names
    its own village, and armed groups fight at many places the same day. Names spelled two ways (the same
    consonants, ``linkterms.respelled``) are not in conflict."""
    if not settings.link_conflict_names:
        return False
    if terms.shared_weight and not (armed and shared_names(terms) == 0):
        return False
    alone = (
        sum(1 for t in side if not any(c.isdigit() for c in t))
        for side in (terms.only_a, terms.only_b)
    )
    needed = settings.link_armed_conflict_names if armed else settings.link_conflict_names
    if min(alone) < needed:
        return False
    return not linkterms.respelled(terms.only_a, terms.only_b)  # "Gweiran" / "Ghwayran"


def untied(a: Event, b: Event, terms: linkterms.TermAgreement) -> bool:
    """Whether two reports of armed groups at war share nothing that ties them to one
    event: no name in their sentences (numbers aside; names spelled two ways count as
    shared) and not one town (the same location at geo_precision 1). Reports of armed
    groups at war: each names both warring parties (two named actors or more), or each
    names one and either is placed only by its region (geo_precision 3). Armed groups at
    war fight at many places the same day; a report of the army and rebels clashing "in
    the countryside" and one of them clashing in a named village are two events (ACLED:
    one event per location)."""
    ours, theirs = len(named_actors(a)), len(named_actors(b))
    vague = max(a.geo_precision or 3, b.geo_precision or 3) >= 3
    if min(ours, theirs) < (1 if vague else 2) or shared_names(terms):
        return False
    if a.geo_precision == 1 and b.geo_precision == 1 and same_text(a.location, b.location):
        return False
    return not linkterms.respelled(terms.only_a, terms.only_b)


def places_elsewhere(a: Linkable, b: Linkable) -> str | None:
    """The place names of the two reports when neither report's words include the other's
    (a village the gazetteer lacks, placed at its district by both): None otherwise."""
    if not a.where or not b.where:
        return None
    said = [x.where | x.terms | x.story | linkterms.event_place_words(x.event) for x in (a, b)]
    if a.where & said[1] or b.where & said[0]:
        return None
    return f"{' '.join(sorted(a.where))} / {' '.join(sorted(b.where))}"


def other_towns(a: Linkable, b: Linkable) -> str | None:
    """The two towns when both events name an armed actor and are placed precisely at
    different towns named by different words (fighting in two villages the same day is
    two events, as ACLED codes one event per location): None otherwise."""
    x, y = a.event, b.event
    if x.geo_precision != 1 or y.geo_precision != 1 or same_text(x.location, y.location):
        return None
    if x.location is None or y.location is None:
        return None
    ours, theirs = (e.where - linkterms.STOP_TERMS for e in (a, b))
    if not ours or not theirs or ours & theirs:
        return None
    if not named_actors(x) or not named_actors(y):
        return None
    return f"{x.location} / {y.location}"
