import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """No test writes into the real user data folder."""
    home = tmp_path_factory.mktemp("trainer_home")
    monkeypatch.setenv("TRAINER_HOME", str(home))
    monkeypatch.delenv("TRAINER_PATH", raising=False)
    yield home


@pytest.fixture
def repo_root() -> Path:
    return ROOT


@pytest.fixture
def dev_play_moves():
    """The moves of a development line of play (tests/data/dev_play/<scenario>.yaml, by line name)."""
    import yaml

    def moves(scenario: str, name: str) -> list[str]:
        data = yaml.safe_load((ROOT / "tests" / "data" / "dev_play" / f"{scenario}.yaml").read_text(encoding="utf-8"))
        return [str(m) for m in next(x for x in data["lines"] if x["name"] == name)["moves"]]
    return moves
