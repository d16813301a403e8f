"""The analytics benchmark runs end to end on a short log and reports every timing."""

from __future__ import annotations

import pytest

from bench import analytics


def test_the_benchmark_times_load_warnings_and_patterns(capsys: pytest.CaptureFixture[str]) -> None:
    assert analytics.main(["--days", "240"]) == 0
    out = capsys.readouterr().out
    for name in ("load_history", "warnings", "patterns"):
        assert name in out
    assert "x load" in out and "pain came" in out
