"""The kind of paper an article comes from, as a weak prior on the country of its places.

Local news names its towns bare ("an Alexandria man", "Athens police"): the paper's home
goes without saying. US local news shows it in words that only US institutions use: county
sheriffs, "Walker County" before a jail, a clerk or a board, party-and-state tags ("R-Ohio"),
interstates and state routes, superior and circuit courts, boards of supervisors or of
education, school districts. Each kind of such word said in the text is a vote that the
article is American; ``placerank`` gives the country's candidates a small bonus for it
("Alexandria" is Alexandria, Virginia, not Egypt's, in a story about a sheriff's office),
too small to outweigh a country the text names. Words that Canada, Britain or Kenya share
(townships, "County Commissioner", high schools, phone numbers, dollars) are no votes.
"""

from __future__ import annotations

import re

# Kinds of US-only institutions and road names; one vote per kind said.
_US_LOCAL = (
    re.compile(r"\b[Ss]heriff['’]s (?:[Oo]ffice|[Dd]epartment|deputy|deputies)|\bSheriff\b"),
    re.compile(
        r"\b[A-Z][a-z]+ (?:County|Parish) (?:Sheriff|Jail|Clerk|Coroner|Prosecutor|Fair|Judge|"
        r"Courthouse|Schools?|Board|Health|Public|Detention|Treasurer|Auditor|Assessor|Recorder|"
        r"Deputy|Deputies|Medical|Humane|Parks|Library|Engineer|Commission)\b"
    ),
    re.compile(r"(?:^|[\s(,])[RD]-(?:[A-Z][a-z]+|[A-Z][a-z]*\.)"),
    re.compile(r"\bInterstate \d+|\bI-\d+\b"),
    re.compile(r"\bU\.?S\.? (?:Highway|Route) \d+|\bState (?:Route|Road|Highway) \d+"),
    re.compile(r"\bCounty (?:Road|Route) \d+"),
    re.compile(r"\b(?:Superior|Circuit|Chancery|Municipal) Court\b"),
    re.compile(r"\b[Bb]oard of (?:[Ss]upervisors|[Ee]ducation|[Aa]ldermen|[Ss]electmen)\b"),
    re.compile(r"\b[Ss]chool [Dd]istrict\b"),
    re.compile(r"\bstate (?:Rep\.|Sen\.|Senator|Representative|lawmakers?|legislat\w+)"),
)
# The country the votes are for, and the bonus per vote and its cap (placerank's scale).
COUNTRY = "US"
BONUS = 0.75
_CAP = 2


def local_bonus(text: str) -> dict[str, float]:
    """Country -> score bonus for its candidates, from the text's local-news words."""
    votes = sum(1 for pattern in _US_LOCAL if pattern.search(text))
    return {COUNTRY: BONUS * min(votes, _CAP)} if votes else {}
