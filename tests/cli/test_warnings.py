"""``runcoach warnings``: JSON only on stdout, a readable view otherwise."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.services.test_warnings import _doc


def test_warnings_json_lists_each_warning_with_its_reasons(cli_db: Any, tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    path.write_text(json.dumps(_doc()))
    assert cli_db("data", "import", str(path)).exit_code == 0
    result = cli_db("warnings", "--json")
    assert result.exit_code == 0, result.stderr
    doc = result.json()
    rules = {w["rule"] for w in doc["warnings"]}
    assert "single_run_spike" in rules
    for w in doc["warnings"]:
        assert set(w) >= {"rule", "level", "date", "saw", "why", "todo", "values"}
    text = cli_db("warnings")
    assert text.exit_code == 0 and "what to do:" in text.stdout and "not a doctor" in text.stdout


def test_a_bad_date_changes_nothing_and_says_why(cli_db: Any) -> None:
    result = cli_db("warnings", "--date", "someday", "--json")
    assert result.exit_code != 0 and result.stdout == "" and "error" in result.stderr
