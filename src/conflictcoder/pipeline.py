"""The pipeline driver: a list of stages, each ``(Analysis, Resources) -> Analysis``.

Stages run in order over one article; each returns a new ``Analysis`` with one more layer
filled in (sentences → temporal expressions → places → event mentions with actors and
fatalities → events). ``process`` runs a batch and turns any failure of one document into
a ``Problem`` so the rest of the batch carries on.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources as package_files
from pathlib import Path

from conflictcoder import __version__, actors, events, mentions, places, sentences, store, timex
from conflictcoder import gazetteer as gazetteer_module
from conflictcoder.errors import ConflictCoderError, InputError
from conflictcoder.models import Analysis, Article
from conflictcoder.settings import Settings


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything the stages read besides the article: loaded once, passed explicitly."""

    settings: Settings
    gazetteer: gazetteer_module.Gazetteer
    lexicon: actors.ActorLexicon
    #: What the extraction depends on (``pipeline_version``); None: not known.
    version: str | None = None


def pipeline_version(settings: Settings, gazetteer: gazetteer_module.Gazetteer) -> str:
    """``conflictcoder <version>`` and a digest of the actor lexicon and of the gazetteer
    index file (its size and modification time: a rebuild or an import changes it). The
    store re-extracts a stored document when this differs from the one that extracted it."""
    actors_file = settings.actors_path or package_files.files("conflictcoder") / "data/actors.csv"
    digest = hashlib.sha256(actors_file.read_bytes())
    stat = Path(gazetteer.path).stat()
    digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return f"conflictcoder {__version__} {digest.hexdigest()[:12]}"


def load_resources(
    settings: Settings, *, gazetteer: gazetteer_module.Gazetteer | None = None
) -> Resources:
    """Open the gazetteer index (building it on first use) and the actor lexicon."""
    gazetteer = gazetteer or gazetteer_module.load(settings)
    return Resources(
        settings=settings,
        gazetteer=gazetteer,
        lexicon=actors.load_lexicon(settings.actors_path),
        version=pipeline_version(settings, gazetteer),
    )


Stage = Callable[[Analysis, Resources], Analysis]


def split_sentences(analysis: Analysis, resources: Resources) -> Analysis:
    return dataclasses.replace(analysis, sentences=sentences.split(analysis.article.text))


def tag_timexes(analysis: Analysis, resources: Resources) -> Analysis:
    article = analysis.article
    return dataclasses.replace(analysis, timexes=timex.tag(article.text, article.published))


def find_places(analysis: Analysis, resources: Resources) -> Analysis:
    article, gazetteer = analysis.article, resources.gazetteer
    found = places.find(article.text, analysis.sentences, gazetteer, resources.lexicon)
    return dataclasses.replace(analysis, places=found)


def find_mentions(analysis: Analysis, resources: Resources) -> Analysis:
    found = mentions.find(analysis.article.text, analysis.sentences, resources.lexicon)
    return dataclasses.replace(analysis, mentions=found)


def build_events(analysis: Analysis, resources: Resources) -> Analysis:
    built = events.assemble(analysis, resources.gazetteer, resources.lexicon, resources.settings)
    return dataclasses.replace(analysis, events=built)


PIPELINE: tuple[Stage, ...] = (
    split_sentences,
    tag_timexes,
    find_places,
    find_mentions,
    build_events,
)


class StageError(ConflictCoderError):
    """A stage failed on one document."""

    def __init__(self, doc_id: str, stage: str, message: str) -> None:
        super().__init__(f"{doc_id}: {stage} failed: {message}")
        self.doc_id = doc_id
        self.stage = stage


def _check_events(analysis: Analysis) -> None:
    """What the store would refuse (events of another document, evidence outside the text)
    fails this document here, so that it cannot stop a batch at storing time."""
    for event in analysis.events:
        problem = store.event_problem(analysis.article, event)
        if problem:
            raise StageError(analysis.article.doc_id, "check", problem)


def analyse(article: Article, resources: Resources, stages: Iterable[Stage] = PIPELINE) -> Analysis:
    """Run every stage over one article, then check its events' evidence. Raises StageError
    naming the failing stage (``check`` for evidence outside the text)."""
    analysis = Analysis(article=article)
    for stage in stages:
        try:
            result = stage(analysis, resources)
        except ConflictCoderError:
            raise
        except Exception as error:  # a bug in one stage must not stop the batch
            message = f"{type(error).__name__}: {error}".splitlines()[0]
            raise StageError(article.doc_id, stage.__name__, message) from error
        if not isinstance(result, Analysis):
            raise StageError(
                article.doc_id, stage.__name__, f"returned {type(result).__name__}, not Analysis"
            )
        analysis = result
    _check_events(analysis)
    return analysis


@dataclass(frozen=True, slots=True)
class Problem:
    """A document that could not be read or processed, with the stage that failed."""

    doc_id: str
    stage: str
    message: str


def process(
    items: Iterable[Article | InputError],
    resources: Resources,
    *,
    stages: Iterable[Stage] = PIPELINE,
) -> Iterator[Analysis | Problem]:
    """Analyse every article of a batch; yield a Problem for each bad or failing document."""
    stages = tuple(stages)
    for item in items:
        if isinstance(item, InputError):
            yield Problem(doc_id=item.doc_id, stage="read", message=item.problem)
            continue
        try:
            yield analyse(item, resources, stages)
        except StageError as error:
            yield Problem(doc_id=item.doc_id, stage=error.stage, message=str(error))
        except ConflictCoderError as error:
            yield Problem(doc_id=item.doc_id, stage="pipeline", message=str(error))
