from collections.abc import Callable
from pathlib import Path

import pytest

from conflictcoder import gazetteer
from conflictcoder.pipeline import Resources, load_resources
from conflictcoder.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def mini_gazetteer_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny place index built from a fixture dump (no bundled data, no ../shared)."""
    path = tmp_path_factory.mktemp("gaz") / "mini.sqlite"
    gazetteer.build(path, extra_dumps=[FIXTURES / "geonames_mini.txt"], bundled=False)
    return path


@pytest.fixture(scope="session")
def fixture_gazetteer(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[..., gazetteer.Gazetteer]:
    """Opens the place index built from fixture dumps (file names under ``fixtures/``; no
    bundled data), each set built once per test session."""
    built: dict[tuple[str, ...], gazetteer.Gazetteer] = {}

    def open_index(*names: str) -> gazetteer.Gazetteer:
        if names not in built:
            dest = tmp_path_factory.mktemp("gaz") / "index.sqlite"
            dumps = [FIXTURES / name for name in names]
            built[names] = gazetteer.Gazetteer.open(
                gazetteer.build(dest, extra_dumps=dumps, bundled=False)
            )
        return built[names]

    return open_index


@pytest.fixture(scope="session")
def resources(mini_gazetteer_path: Path) -> Resources:
    return load_resources(Settings(gazetteer_path=mini_gazetteer_path))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "seed.txt").read_text(encoding="utf-8")
