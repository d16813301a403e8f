from __future__ import annotations

from typing import Any


def test_help_lists_the_commands(cli: Any) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    for command in ("knowledge", "conditions", "explain"):
        assert command in result.stdout


def test_unknown_condition_is_a_clear_error(cli: Any) -> None:
    result = cli("explain", "no_such_condition")
    assert result.exit_code == 1
    assert "unknown condition id 'no_such_condition'" in result.stderr
