"""One explicit settings object, passed down to every stage. Nothing here reads the clock."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from conflictcoder.taxonomy import BATTLES, EXPLOSIONS, VAC


def default_cache_dir() -> Path:
    """Where the built gazetteer index lives: $CONFLICTCODER_CACHE, else the XDG cache dir."""
    env = os.environ.get("CONFLICTCODER_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "conflictcoder"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    # Gazetteer index (SQLite). None: <cache_dir>/gazetteer.sqlite, built on first use.
    gazetteer_path: Path | None = None
    cache_dir: Path | None = None
    # Actor lexicon (CSV). None: the bundled data/actors.csv.
    actors_path: Path | None = None
    # Events: minimum confidence for an event to be emitted.
    min_confidence: float = 0.0
    # Incidents (linking.py): two reports are the same event when their score reaches
    # link_threshold; a group only takes a report scoring at least link_floor with every
    # member; chain_threshold links consecutive days of the same fighting.
    link_threshold: float = 0.6
    # Weights of the agreements of date, place, type, actors and content (linking.compare).
    link_weights: tuple[float, float, float, float, float] = (0.25, 0.30, 0.15, 0.15, 0.15)
    link_floor: float = 0.5
    chain_threshold: float = 0.55
    # Largest gap in days between two reports' date intervals (see linking.day_interval):
    # for the same event, and for the next day of a chain.
    link_same_day_gap: int = 0
    link_max_day_gap: int = 1
    # A date that is only the publication date (no temporal expression governed the event)
    # may be up to this many days earlier; it is no date agreement: the pair's content
    # agreement (linkterms) must reach link_content_unknown_date. Every pair must reach
    # link_content_min.
    link_unknown_date_days: int = 7
    link_content_unknown_date: float = 0.6
    link_content_min: float = 0.0
    # How much the terms each side names alone (two different villages) weigh against.
    link_content_exclusive: float = 2.0
    # Follow-up reports (linking.followup): an event dated only by the publication or the
    # preceding text, dated up to link_followup_days after another report's event, in the same
    # town, of the same kind, with a content agreement of at least link_followup_content and
    # at least link_followup_names shared names (victims', suspects' names).
    link_followup_days: int = 35
    link_followup_content: float = 0.5
    link_followup_names: float = 2.0
    # Two reports sharing no term while each names at least this many names of its own
    # (victims, streets, units) are not the same event; 0: no such rule. Between reports
    # both naming armed groups, no shared name (numbers aside) while each names at least
    # link_armed_conflict_names of its own is enough (each names its own village).
    link_conflict_names: int = 3
    link_armed_conflict_names: int = 1
    # Same people (linking, linkident): the people named in an event's sentences and
    # link_people_context sentences around them are its people; two reports naming one of
    # them are one incident when both are of link_people_types (events with victims).
    link_people_context: int = 2
    # Two reports naming the same person (not only an address) may be link_people_days apart:
    # the charge, the trial and the sentence are reported months after the shooting.
    link_people_days: int = 35
    link_people_types: tuple[str, ...] = (BATTLES, VAC, EXPLOSIONS)
    # One story (linking.compare): two reports whose stories (the sentences of the event and
    # link_story_context sentences around them) reach a cosine of link_story_min over their
    # rare terms (link_story_countries when the countries differ), sharing at least
    # link_story_names names besides their place names, are the same event though their places
    # disagree (a wrong geocode), when their dates allow it. Two reports worded alike (the
    # words they align make at least link_template_ratio of both) but for a name in one
    # slot are two events (one report split per village or victim). In an incident,
    # a pair whose places disagree needs stories agreeing at least link_story_floor.
    link_story_context: int = 1
    link_story_min: float = 0.3
    link_story_countries: float = 0.4  # the story needed when the countries disagree
    link_story_names: int = 3
    link_template_ratio: float = 0.6
    link_story_floor: float = 0.15
    # Reports of a local crime (no named actor) whose text-told dates are up to
    # link_story_days apart are one event when their stories agree at least
    # link_story_days_min and share link_story_names names: one date was misread.
    link_story_days: int = 7
    link_story_days_min: float = 0.4
    # Distance tolerance in km by geo_precision 1 (town), 2 (near / part of a region), 3 (region).
    link_km: tuple[float, float, float] = (10.0, 25.0, 75.0)
    # the place agreement of two reports whose places disagree while one's text names the
    # other's town (linking._place; reports naming no armed actor)
    link_named_town: float = 0.8
    # At most this many events are re-clustered around a new one (a safety bound).
    link_max_component: int = 400

    def resolved_gazetteer_path(self) -> Path:
        if self.gazetteer_path is not None:
            return self.gazetteer_path
        return (self.cache_dir or default_cache_dir()) / "gazetteer.sqlite"
