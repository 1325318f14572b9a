"""conflictcoder: dated news reports in, ACLED-style events with evidence out."""

__version__ = "0.5.0"
