"""Actors: ACLED's canonical actor names, the words news uses for them, and localisation.

The lexicon is a user-extendable CSV (``data/actors.csv``, documented in its header): one
row per canonical ACLED actor with ``|``-separated aliases, the inter code and the home
country. Generic actors carry a ``{country}`` placeholder ("Protesters ({country})");
``localise`` turns an ``ActorRef`` into the final ACLED name for the event's country,
preferring a country-specific row ("Military Forces of Iraq (2020-)", "Islamic State
(Syria)") over the formatted template. Country adjectives (``data/demonyms.csv``) say
whose actor a generic word names ("Iraqi soldiers", "Iraq's military").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from conflictcoder.errors import ConflictCoderError
from conflictcoder.models import ActorRef, Span

PLACEHOLDER = "{country}"
_PERIOD = re.compile(r" \((\d{4})-(\d{4})?\)$")
_VALID_INTER = frozenset(range(1, 9))
_EITHER = re.compile(r"\s+(?:and/or|or)\s+")  # "JNIM or ISGS"
# Aliases that name an actor only after a country adjective ("Ukrainian forces", "Israeli
# jets"): alone they name no one ("drones hit a car": whose is not said).
_NEEDS_ADJECTIVE = frozenset(
    "forces force artillery jets aircraft planes drones drone helicopters gunships bombers".split()
)


class LexiconError(ConflictCoderError):
    """The actor lexicon file is missing or malformed."""


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One row of the lexicon."""

    name: str
    aliases: tuple[str, ...]
    inter: int
    country: str | None
    notes: str | None = None
    forces_of: tuple[str, ...] = ()  # states whose forces in ``country`` are this actor

    @property
    def generic(self) -> bool:
        return PLACEHOLDER in self.name


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """An actor named in the text: ``[start, end)`` covers the whole phrase."""

    start: int
    end: int
    entry: ActorEntry
    country: str | None  # ISO2 said by the text ("Iraqi soldiers"), else the entry's

    def ref(self) -> ActorRef:
        return ActorRef(
            name=self.entry.name,
            inter=self.entry.inter,
            spans=(Span(self.start, self.end),),
            country=self.country,
            generic=self.entry.generic,
        )


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    """An immutable actor lexicon with a compiled alias matcher."""

    entries: tuple[ActorEntry, ...]
    by_name: Mapping[str, ActorEntry]
    country_names: Mapping[str, str]  # ISO2 -> ACLED country name
    _aliases: Mapping[str, ActorEntry]  # exact or lower-cased alias -> entry
    _demonyms: Mapping[str, str]  # adjective -> ISO2
    _pattern: re.Pattern[str]
    _bare: re.Pattern[str] | None = None  # aliases alone ("Syrian National Army")
    # (ISO2 of a state, ISO2 of the country it fights in) -> the operation's entry
    operations: Mapping[tuple[str, str], ActorEntry] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def find(self, text: str, start: int = 0, end: int | None = None) -> tuple[ActorMatch, ...]:
        """Actors named in ``text[start:end]``, left to right, longest match first."""
        stop = len(text) if end is None else end
        found: list[ActorMatch] = []
        covered = start  # "Islamic State fighters": the generic head noun is part of the name
        for match in self._pattern.finditer(text, start, stop):
            if match.start() < covered:
                continue
            alias = match.group("alias")
            entry = self._lookup(alias)
            if entry is None:
                continue
            adjective = match.group("dem")
            if adjective is None and alias.lower() in _NEEDS_ADJECTIVE:
                continue  # "forces" alone names no one; "Ukrainian forces" do
            country = self._demonyms.get(adjective) if adjective else None
            end_at = match.end()
            if adjective is not None and self._bare is not None:
                # a name that starts with a country adjective wins when at least as long:
                # "Syrian National Army" is not the Syrian "national army"
                whole = self._bare.match(text, match.start("dem"), stop)
                named = whole and self._lookup(whole.group("alias"))
                if named is not None and whole.end() >= end_at:
                    entry, country, end_at = named, None, whole.end()
            if not entry.generic and (joined := _EITHER.match(text, end_at, stop)) and self._bare:
                # "JNIM or ISGS militants": ACLED's "JNIM ... and/or Islamic State (Greater
                # Sahara)" when the lexicon names the pair
                other = self._bare.match(text, joined.end(), stop)
                second = other and self._lookup(other.group("alias"))
                both = second and self.by_name.get(f"{entry.name} and/or {second.name}")
                if both is not None and other is not None:
                    entry, end_at = both, other.end()
            if not entry.generic and text[end_at : end_at + 1] == " " and self._bare:
                head = self._bare.match(text, end_at + 1, stop)
                generic = head and self._lookup(head.group("alias"))
                if generic is not None and generic.generic and generic.inter not in (6, 7):
                    end_at = head.end()
            covered = end_at
            found.append(ActorMatch(match.start(), end_at, entry, country or entry.country))
        return tuple(found)

    def _lookup(self, alias: str) -> ActorEntry | None:
        return self._aliases.get(alias) or self._aliases.get(alias.lower())

    def country_name(self, iso2: str | None) -> str | None:
        return self.country_names.get(iso2) if iso2 else None


def _read_rows(path: Path | None, name: str) -> list[dict[str, str]]:
    try:
        if path is None:
            content = resources.files("conflictcoder.data").joinpath(name).read_text("utf-8")
        else:
            content = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(f"cannot read {path or name}: {error}") from error
    lines = [line for line in content.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines))


def _entry(row: dict[str, str], where: str) -> ActorEntry:
    name = (row.get("name") or "").strip()
    try:
        inter = int((row.get("inter") or "").strip())
    except ValueError as error:
        raise LexiconError(f"{where}: inter must be a number 1-8") from error
    if not name or inter not in _VALID_INTER:
        raise LexiconError(f"{where}: a row needs a name and an inter code 1-8")
    aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
    country = (row.get("country") or "").strip().upper() or None
    notes = (row.get("notes") or "").strip() or None
    forces_of = tuple(
        c.strip().upper() for c in (row.get("forces_of") or "").split("|") if c.strip()
    )
    return ActorEntry(name, aliases, inter, country, notes, forces_of)


def _derived_aliases(entry: ActorEntry) -> tuple[str, ...]:
    """Names an ACLED actor name gives itself: "HTS: Hayat Tahrir al Sham" -> HTS, the rest."""
    if entry.generic:
        return ()
    name = _PERIOD.sub("", entry.name)
    name = re.sub(r" \([^()]*\)$", "", name) if entry.name.startswith(name) else name
    derived = [entry.name, name]
    acronym, _, rest = name.partition(": ")
    if " - " in rest:  # a sub-unit ("QSD: Syrian Democratic Forces - Intelligence"): full name only
        return (entry.name,)
    if rest and re.fullmatch(r"[A-Za-z]{2,6}", acronym):
        derived += [acronym, rest] if acronym.isupper() and len(acronym) >= 3 else [rest]
    # Arabic article spelt both ways: "Ahrar al Sham" / "Ahrar al-Sham"
    derived += [d.replace(" al ", " al-") for d in derived if " al " in d]
    return tuple(d for d in derived if len(d) >= 3)


def alternation(words: Iterable[str], fold: bool = False) -> str:
    """A regex matching any of ``words``, longest first, as a prefix trie (fast to match)."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word.lower() if fold else word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(trie)


# What may follow an alias: not a letter or a hyphenated word ("pro-ISIS"), nor "'s" and a
# name ("Iraq's Kurdistan"), but the doer's hyphen of "a Taliban-planted bomb".
_AFTER_ALIAS = (
    r"(?!\w|-(?!(?:planted|laid|placed|claimed|fired|launched|triggered|detonated)\b)"
    r"|['’]s\s+[A-Z])"
)


# ACLED's names of community militias: "Tiv Ethnic Militia (Nigeria)", "Leelkayse Clan
# Militia (Somalia)", "Tafas Communal Militia (Syria)".
_COMMUNITY = re.compile(
    r"(?P<group>[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3}) "
    r"(?P<kind>Ethnic|Communal|Clan|Sub-Clan|Caste|Indigenous|Tribal) Militia \([^()]+\)"
)


def _community_templates(entries: Iterable[ActorEntry]) -> list[ActorEntry]:
    """A generic row for each community militia the lexicon names in some country: "Tiv
    militias" name "Tiv Ethnic Militia ({country})" wherever the event is, as ACLED names
    a community's militia after the country it acts in."""
    made: dict[str, ActorEntry] = {}
    for entry in entries:
        match = _COMMUNITY.fullmatch(entry.name)
        if match is None or match.group("group").startswith("Unidentified"):
            continue
        group, kind = match.group("group"), match.group("kind")
        name = f"{group} {kind} Militia ({PLACEHOLDER})"
        words = (f"{group} militia", f"{group} militias", f"{group} militiamen")
        words += (f"{group} {kind.lower()} militia", f"{group} {kind.lower()} militias")
        made.setdefault(name, ActorEntry(name, words, entry.inter, None, "community militia"))
    return list(made.values())


def build_lexicon(
    entries: Iterable[ActorEntry], demonyms: Mapping[str, tuple[str, tuple[str, ...]]]
) -> ActorLexicon:
    """A lexicon from entries and ``{iso2: (country name, adjectives)}``; later rows win."""
    entries = list(entries)
    by_name: dict[str, ActorEntry] = {}
    for entry in (*_community_templates(entries), *entries):
        by_name[entry.name] = entry
    aliases: dict[str, ActorEntry] = {}
    exact: list[str] = []
    folded: list[str] = []
    # Aliases written in the file (and full names) win over names derived from other rows
    # ("Islamic State" from "Islamic State (Yemen)" must not take the alias of "Islamic State").
    stated = [(entry, alias, True) for entry in by_name.values() for alias in entry.aliases]
    stated += [(entry, entry.name, True) for entry in by_name.values()]
    # "Protesters (Albania)" names itself in full only: its bare "Protesters" is the generic
    # row's word, not a name of one country's protesters
    generic_words = {e.name.replace(f" ({PLACEHOLDER})", "") for e in by_name.values() if e.generic}
    derived = [
        (e, alias, False)
        for e in by_name.values()
        for alias in _derived_aliases(e)
        if alias not in generic_words
    ]
    for entry, alias, strong in (*stated, *derived):
        if alias.isupper() or (alias[:1].isupper() and not entry.generic):
            aliases[alias] = entry if strong else aliases.get(alias, entry)
            aliases.setdefault(alias.lower(), entry) if not alias.isupper() else None
            (exact if alias.isupper() else folded).append(alias)
        else:
            key = alias.lower()
            aliases[key] = entry if strong else aliases.get(key, entry)
            folded.append(alias)
    adjectives: dict[str, str] = {}
    names: dict[str, str] = {}
    for iso2, (country, words) in demonyms.items():
        names[iso2] = country
        for word in (*words, f"{country}'s", f"{country}’s"):
            adjectives[word] = iso2
    alias_re = "|".join(
        part
        for part in (f"(?i:{alternation(folded, fold=True)})", alternation(exact))
        if part != "(?i:)"
    )
    pattern = re.compile(
        rf"(?<![\w-])(?:(?:the\s+)?(?P<dem>{alternation(adjectives)})[\s-]+)?"
        rf"(?P<alias>{alias_re}){_AFTER_ALIAS}"
    )
    bare = re.compile(rf"(?P<alias>{alias_re}){_AFTER_ALIAS}")
    operations = {
        (state, entry.country): entry
        for entry in by_name.values()
        if entry.country
        for state in entry.forces_of
    }
    return ActorLexicon(
        operations=MappingProxyType(operations),
        _bare=bare,
        entries=tuple(by_name.values()),
        by_name=MappingProxyType(by_name),
        country_names=MappingProxyType(names),
        _aliases=MappingProxyType(aliases),
        _demonyms=MappingProxyType(adjectives),
        _pattern=pattern,
    )


def load_lexicon(path: Path | None = None, demonyms_path: Path | None = None) -> ActorLexicon:
    """Read the actor CSV (None: the bundled ``data/actors.csv``) and the demonyms CSV."""
    entries = [
        _entry(row, f"{path or 'actors.csv'} row {number}")
        for number, row in enumerate(_read_rows(path, "actors.csv"), start=1)
    ]
    demonyms: dict[str, tuple[str, tuple[str, ...]]] = {}
    for row in _read_rows(demonyms_path, "demonyms.csv"):
        iso2 = (row.get("iso2") or "").strip().upper()
        country = (row.get("country") or "").strip()
        words = tuple(w.strip() for w in (row.get("adjectives") or "").split("|") if w.strip())
        if iso2 and country:
            demonyms[iso2] = (country, words)
    return build_lexicon(entries, demonyms)


def _period_variant(base: str, lexicon: ActorLexicon, on: date | None) -> str | None:
    """The lexicon's dated name for ``base`` ("Military Forces of Iraq (2020-)")."""
    best: tuple[int, int, str] | None = None
    for name in lexicon.by_name:
        if not name.startswith(base + " ("):
            continue
        period = _PERIOD.search(name)
        if period is None or period.start() != len(base):
            continue
        first = int(period.group(1))
        last = int(period.group(2)) if period.group(2) else None
        if on is not None:
            if not (first <= on.year and (last is None or on.year <= last)):
                continue
            rank = (1, first, name)
        else:
            rank = (1 if last is None else 0, first, name)
        if best is None or rank > best:
            best = rank
    return best[2] if best else None


# Generic templates valid only where the lexicon lists the country's name, with the fallback.
_ONLY_LISTED = MappingProxyType(
    {
        "Opposition Rebels ({country})": "Unidentified Armed Group ({country})",
        "Islamist Militia ({country})": "Unidentified Armed Group ({country})",
        "Unidentified Gang ({country})": "Unidentified Armed Group ({country})",
    }
)


# A unit of a country's state forces: "Military Forces of {country} Military Police".
_UNIT = re.compile(r"(?P<force>Military|Police) Forces of \{country\} (?P<unit>\S.*)")


def _unit_name(
    lexicon: ActorLexicon, country: str | None, force: str, unit: str, on: date | None
) -> str | None:
    """ACLED's name of a unit of the country's forces ("Military Forces of Turkey (2016-)
    Gendarmerie", "Police Forces of Mali (2013-) Gendarmerie"): the lexicon's dated name,
    of the template's force before the other, of the period of ``on`` (else the current)."""
    if country is None:
        return None
    pattern = re.compile(
        rf"(?P<force>Military|Police) Forces of (?:the )?{re.escape(country)} "
        rf"\((?P<first>\d{{4}})-(?P<last>\d{{4}})?\) {re.escape(unit)}"
    )
    best: tuple[int, int, int, str] | None = None
    for name in lexicon.by_name:
        if not name.endswith(unit) or (match := pattern.fullmatch(name)) is None:
            continue
        first = int(match.group("first"))
        last = int(match.group("last")) if match.group("last") else None
        if on is not None and not (first <= on.year and (last is None or on.year <= last)):
            continue
        rank = (int(match.group("force") == force), int(last is None), first, name)
        if best is None or rank > best:
            best = rank
    return best[3] if best else None


def _without_country(name: str) -> str:
    bare = name.replace(f" ({PLACEHOLDER})", "")
    if bare.startswith(("Military Forces of", "Police Forces of")):
        return "Unidentified " + bare.split(" of ")[0]
    return bare.replace(PLACEHOLDER, "").strip()


def localise(
    ref: ActorRef,
    country_iso2: str | None,
    country_name: str | None,
    lexicon: ActorLexicon,
    on: date | None = None,
) -> str:
    """The final ACLED name of ``ref`` for an event in the given country.

    A country said by the mention itself ("Turkish soldiers") wins over the event's country
    for state forces. ``on`` (the event date) picks among dated names; without it the
    current (open-ended) name is used.
    """
    own = ref.country if ref.country and ref.inter in (1, 8) else None
    operation = lexicon.operations.get((own, country_iso2)) if own and country_iso2 else None
    if operation is not None and ref.generic:  # "Saudi forces" in Yemen: the coalition
        return operation.name
    iso2 = own or country_iso2
    name_of_country = lexicon.country_name(own) if own else country_name
    name_of_country = name_of_country or lexicon.country_name(iso2)
    template = ref.name
    if (unit := _UNIT.match(template)) is not None:
        # "Military Forces of {country} Gendarmerie": the country's unit when ACLED names
        # one, else its forces
        named = _unit_name(lexicon, name_of_country, unit.group("force"), unit.group("unit"), on)
        if named is not None:
            return named
        template = f"{unit.group('force')} Forces of {PLACEHOLDER}"
    if PLACEHOLDER in template:
        if name_of_country is None:
            return _without_country(template)
        base = template.replace(PLACEHOLDER, name_of_country)
        if base in lexicon.by_name:
            return base
        dated = _period_variant(base, lexicon, on)
        if dated is None and template.endswith(f" of {PLACEHOLDER}"):
            # ACLED writes "Military Forces of the United States (2017-)", "... of the Philippines"
            dated = _period_variant(
                template.replace(PLACEHOLDER, "the " + name_of_country), lexicon, on
            )
        if dated is None and template in _ONLY_LISTED:
            # ACLED names generic rebels only for some countries (Syria): elsewhere they are
            # an unidentified armed group
            return _ONLY_LISTED[template].replace(PLACEHOLDER, name_of_country)
        return dated or base
    if name_of_country:
        variant = f"{ref.name} ({name_of_country})"
        if variant in lexicon.by_name:
            return variant
    return _period_variant(ref.name, lexicon, on) or ref.name


def inter_for(ref: ActorRef, country_iso2: str | None) -> int:
    """ACLED's inter code in the event's country: state forces abroad are external (8)."""
    if ref.inter == 1 and ref.country and country_iso2 and ref.country != country_iso2:
        return 8
    return ref.inter
