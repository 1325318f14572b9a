"""One explicit settings object, passed down to every stage. Nothing here reads the clock."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


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

    def resolved_gazetteer_path(self) -> Path:
        if self.gazetteer_path is not None:
            return self.gazetteer_path
        return (self.cache_dir or default_cache_dir()) / "gazetteer.sqlite"
