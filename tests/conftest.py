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
def resources(mini_gazetteer_path: Path) -> Resources:
    return load_resources(Settings(gazetteer_path=mini_gazetteer_path))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "seed.txt").read_text(encoding="utf-8")
