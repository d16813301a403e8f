from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.services.test_exchange import CONTRACT_EXAMPLE


def test_import_then_export_round_trips(cli_db: Any, cli: Any, tmp_path: Path) -> None:
    source = tmp_path / "log.json"
    source.write_text(json.dumps(CONTRACT_EXAMPLE))
    result = cli_db("data", "import", str(source))
    assert result.exit_code == 0, result.stderr
    assert "1 shoes, 1 runs, 1 checkins, 1 pain, 1 training" in result.stdout
    again = cli_db("data", "import", str(source), "--json")
    assert sum(again.json()["added"].values()) == 0
    exported = cli_db("data", "export")
    assert exported.exit_code == 0
    first = exported.json()
    out = tmp_path / "export.json"
    assert cli_db("data", "export", "-o", str(out)).exit_code == 0
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    assert cli("--db", empty, "data", "import", str(out)).exit_code == 0
    assert cli("--db", empty, "data", "export").json() == first


def test_a_bad_document_lists_every_problem_and_stores_nothing(cli: Any, tmp_path: Path) -> None:
    doc = json.loads(json.dumps(CONTRACT_EXAMPLE))
    doc["runs"][0]["distance_m"] = -1
    doc["checkins"][0]["pain"][0]["score"] = 12
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc))
    result = cli("data", "import", str(path))
    assert result.exit_code == 1
    assert "refused, nothing was stored (2 problems)" in result.stderr
    assert "runs[0] distance_m:" in result.stderr and "checkins[0] pain[0].score:" in result.stderr
    assert cli("data", "export").json()["runs"] == []


def test_a_missing_file_is_a_clear_error(cli: Any, tmp_path: Path) -> None:
    result = cli("data", "import", str(tmp_path / "nope.json"))
    assert result.exit_code == 1 and "cannot read" in result.stderr


def test_csv_writes_a_file_per_table(cli: Any, tmp_path: Path) -> None:
    cli("log", "run", "5km", "25:00", "--date", "2026-03-01")
    result = cli("data", "csv", str(tmp_path / "out"))
    assert result.exit_code == 0
    assert (tmp_path / "out" / "runs.csv").read_text().count("\n") == 2


def test_the_published_schema_is_current() -> None:
    from runcoach.log.exchange import json_schema_text

    committed = Path(__file__).resolve().parents[2] / "docs" / "exchange-format-v1.schema.json"
    assert committed.read_text(encoding="utf-8") == json_schema_text(), (
        "docs/exchange-format-v1.schema.json is stale: run "
        "`runcoach data schema -o docs/exchange-format-v1.schema.json`"
    )


def test_the_schema_command_prints_json_schema(cli: Any) -> None:
    schema = cli("data", "schema").json()
    assert schema["title"].startswith("runcoach log exchange format")
    assert {"format", "version"} <= set(schema["required"])
