"""``runcoach patterns``: the acceptance path, a log imported with ``data import`` then ``--json``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bench.synthetic_logs import Plant, generate, random_pain

from tests.log.analytics.planted import judge, plants_for

CONTRACT_KEYS = {"region", "trigger", "value", "support", "text"}
TRIGGERS = {
    "weekly_volume",
    "long_run",
    "session_type",
    "terrain",
    "shoe",
    "sleep",
    "stress",
    "training",
    "cycle",
}


def _import(cli_db: Any, tmp_path: Path, doc: dict[str, Any]) -> None:
    path = tmp_path / "log.json"
    path.write_text(json.dumps(doc))
    result = cli_db("data", "import", str(path))
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("seed", [10, 11])
def test_planted_triggers_come_out_of_patterns_json_as_the_contract_says(
    cli_db: Any, tmp_path: Path, seed: int
) -> None:
    plants = plants_for(seed, 365)
    _import(cli_db, tmp_path, generate(seed, days=365, plants=plants))
    result = cli_db("patterns", "--json")
    assert result.exit_code == 0, result.stderr
    doc = result.json()
    assert set(doc) == {"patterns"}
    for pattern in doc["patterns"]:
        assert set(pattern) == CONTRACT_KEYS and pattern["trigger"] in TRIGGERS
        assert isinstance(pattern["support"], dict) and pattern["support"]["exposed_with_pain"] >= 1
    missed, extra = judge(plants, [(p["region"], p["trigger"], p["value"]) for p in doc["patterns"]])
    assert missed == [] and extra == []


def test_a_random_pain_log_prints_an_empty_list(cli_db: Any, tmp_path: Path) -> None:
    _import(cli_db, tmp_path, random_pain(12, days=365))
    result = cli_db("patterns", "--json")
    assert result.exit_code == 0 and result.json() == {"patterns": []}


def test_progress_comes_with_json_on_request(cli_db: Any, tmp_path: Path) -> None:
    _import(cli_db, tmp_path, random_pain(13, days=365))
    doc = cli_db("patterns", "--json", "--progress").json()
    assert doc["patterns"] == [] and doc["progress"] and "not a doctor" in doc["caution"]
    month = doc["progress"][0]["months"][0]
    assert set(month) == {"month", "pain_days", "mean_score", "onset_m", "pain_free_m"}


def test_the_table_view_says_it_in_plain_words(cli_db: Any, tmp_path: Path) -> None:
    _import(cli_db, tmp_path, generate(1, days=365, plants=(Plant("training", "shin", "strength"),)))
    result = cli_db("patterns", "--region", "shin")
    assert result.exit_code == 0, result.stderr
    assert "strength" in result.stdout and "not a doctor" in result.stdout


def test_an_unknown_region_is_a_clear_error(cli_db: Any) -> None:
    result = cli_db("patterns", "--region", "elbow", "--json")
    assert result.exit_code != 0 and result.stdout == ""
    assert "unknown body region 'elbow'" in result.stderr and "hint" in result.stderr
