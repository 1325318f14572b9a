"""What the linker reads of each stored event's text, and where it is cached.

``event_content`` reads, for the events of one stored document: the distinguishing terms of
the sentences holding each event's evidence (``linking``'s content component), its story
(those sentences and their neighbours, for ``linking``'s one-story rule, with the story's
names indexed by day in ``story_terms`` for candidate retrieval), the wording of its
sentences (``linkterms.template_split``) and the words naming its place. The result is
cached per event in ``event_terms`` (``Content.to_json``); an entry cached in an older
format reads as missing and is computed anew.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from conflictcoder import linkfields, linkident, linkterms, sentences, store
from conflictcoder.models import Event
from conflictcoder.settings import Settings

_ACTOR_FIELDS = ("actor", "assoc_actor")


@dataclass(frozen=True, slots=True)
class Content:
    """What the linker reads of an event's text, cached in ``event_terms`` as a JSON array
    of six arrays: terms, story, words, where, people and the story's multi-word names."""

    terms: frozenset[str]
    story: frozenset[str]
    words: tuple[str, ...]
    where: frozenset[str]
    people: frozenset[str] = frozenset()
    phrases: tuple[tuple[str, ...], ...] = ()

    def to_json(self) -> str:
        record = [
            sorted(self.terms),
            sorted(self.story),
            self.words,
            sorted(self.where),
            sorted(self.people),
            [list(p) for p in self.phrases],
        ]
        return json.dumps(record, ensure_ascii=False)

    @classmethod
    def from_json(cls, value: str | None) -> Content | None:
        """None for a missing entry or one cached in an older format (a list of terms, or
        fewer arrays)."""
        record = json.loads(value) if value else None
        if not record or len(record) != 6 or not all(isinstance(r, list) for r in record):
            return None
        terms, story, words, where, people, phrases = record
        return cls(
            frozenset(terms),
            frozenset(story),
            tuple(words),
            frozenset(where),
            frozenset(people),
            tuple(tuple(p) for p in phrases),
        )


def named_actor_fields(event: Event) -> set[str]:
    """The actor fields of the event naming an actor (not "Civilians", "Unidentified ...")."""
    fields = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
    return {
        f
        for f in fields
        if any(linkfields.actor_key(n) for n in (getattr(event, f) or "").split(";") if n)
    }


def event_content(
    conn: sqlite3.Connection, document: int, event_ids: Sequence[int], settings: Settings
) -> dict[int, Content]:
    """Each event's distinguishing terms (the sentences holding its evidence, outside its
    actors' spans and without the words of its place names, ``linkterms.event_terms``), its
    story (the terms of those sentences and ``link_story_context`` sentences around them
    that hold no other event's evidence) and the wording of its sentences; cached in
    ``event_terms``, the story's names, its people (``linkident.index_terms``) and the words
    of its town (``linkident.town_words``, prefixed ``linkident.TOWN``) indexed by day in
    ``story_terms``. The story leaves out the words of every named actor of the document's
    events (armed groups fight in many places; they are compared as actors) and of the
    event's own place names."""
    text = conn.execute("SELECT text FROM documents WHERE id = ?", (document,)).fetchone()[0]
    split = [(s.start, s.end) for s in sentences.split(text)]
    ids = [row[0] for row in conn.execute("SELECT id FROM events WHERE document = ?", (document,))]
    everyone = store.events_by_id(conn, ids)
    spans = {
        other: [
            (name, span.start, span.end)
            for name, found in event.evidence.items()
            if name != "notes"
            for span in found
        ]
        for other, event in everyone.items()
    }
    naming = {other: named_actor_fields(everyone[other]) for other in spans}
    actors = [(st, en) for other, v in spans.items() for name, st, en in v if name in naming[other]]
    common = linkterms.common_words(text)
    named = linkident.participants(text, common) + linkident.addresses(text)
    found = {}
    for event_id in event_ids:
        event = everyone[event_id]
        known = linkterms.event_place_words(event)
        mine = spans.get(event_id, [])
        own = [(start, end) for _, start, end in mine]
        others = [(st, en) for other, v in spans.items() if other != event_id for _, st, en in v]
        parts = linkterms.context_parts(split, own, (), 0)
        skip = [(st, en) for name, st, en in mine if name.startswith(_ACTOR_FIELDS)]
        story_parts = linkterms.context_parts(split, own, others, settings.link_story_context)
        people_parts = linkterms.context_parts(split, own, others, settings.link_people_context)
        story = linkterms.event_terms(text, story_parts, actors, common=common)
        content = Content(
            linkterms.event_terms(text, parts, skip, known, common),
            story,
            linkterms.words(text, parts),
            linkterms.place_words(*(text[st:en] for name, st, en in mine if name == "location")),
            linkident.people(named, people_parts),
            linkterms.phrases(text, story_parts, story),
        )
        conn.execute(
            "INSERT OR REPLACE INTO event_terms (event, terms) VALUES (?, ?)",
            (event_id, content.to_json()),
        )
        conn.execute("DELETE FROM story_terms WHERE event = ?", (event_id,))
        conn.executemany(
            "INSERT INTO story_terms (term, event_date, event) VALUES (?, ?, ?)",
            [
                (t, event.event_date.isoformat(), event_id)
                for t in (
                    *linkterms.names(content.story),
                    *linkident.index_terms(content.people),
                    *(linkident.TOWN + w for w in linkident.town_words(event)),
                )
            ],
        )
        found[event_id] = content
    return found
