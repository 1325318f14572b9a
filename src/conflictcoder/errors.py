"""Library errors. Every error the library raises derives from ``ConflictCoderError``.

    ConflictCoderError
     ├── InputError          a document could not be read (names the document)
     ├── GazetteerError      the place index is missing or unreadable
     ├── StoreError          the SQLite store could not be opened or migrated
     └── EvalError           a gold file is not an ACLED export

They are translated to one-line messages once, at the CLI edge (``cli.py``).
"""

from __future__ import annotations


class ConflictCoderError(Exception):
    """Base class of every error raised by conflictcoder."""


class InputError(ConflictCoderError):
    """A document is empty, undated, not UTF-8 or malformed."""

    def __init__(self, doc_id: str, problem: str) -> None:
        super().__init__(f"{doc_id}: {problem}")
        self.doc_id = doc_id
        self.problem = problem


class GazetteerError(ConflictCoderError):
    """The gazetteer index could not be built or opened."""


class StoreError(ConflictCoderError):
    """The event database could not be opened or migrated."""


class EvalError(ConflictCoderError):
    """A gold-standard file could not be read."""
