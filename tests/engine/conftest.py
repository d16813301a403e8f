from __future__ import annotations

from pathlib import Path

import pytest

from runcoach.engine.assess import Engine
from runcoach.engine.model import compile_model
from runcoach.knowledge.loader import load_knowledge

MINI_KB = Path(__file__).parent / "data" / "mini_kb"


@pytest.fixture(scope="session")
def mini_engine() -> Engine:
    """An engine over a tiny synthetic knowledge base (3 calf and 2 throat conditions)."""
    return Engine(compile_model(load_knowledge(MINI_KB)))
