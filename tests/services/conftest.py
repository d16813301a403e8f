from tests.engine.conftest import mini_engine

__all__ = ["mini_engine"]
