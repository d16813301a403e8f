from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from runcoach.log.db import open_database
from tests.reports.conftest import fill_log


@pytest.fixture
def filled(db_url: str) -> str:
    with open_database(db_url) as db:
        fill_log(db)
    return db_url


@pytest.mark.parametrize("kind", ["weekly", "acwr", "resting-hr", "shoes"])
def test_it_writes_each_chart_as_png(cli: Any, filled: str, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.png"
    result = cli("--db", filled, "chart", kind, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert str(out) in result.stdout


def test_the_suffix_picks_svg_and_json_says_what_was_written(cli: Any, filled: str, tmp_path: Path) -> None:
    out = tmp_path / "weekly.SVG"
    result = cli(
        "--db", filled, "chart", "weekly", "-o", str(out), "--since", "2026-07-01", "--weeks", "4", "--json"
    )
    assert result.exit_code == 0, result.stderr
    doc = result.json()
    assert doc == {"chart": "weekly", "file": str(out), "format": "svg", "bytes": out.stat().st_size}
    assert b"<svg" in out.read_bytes()


def test_without_o_it_writes_in_the_current_folder(
    cli: Any, filled: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli("--db", filled, "chart", "shoes").exit_code == 0
    assert (tmp_path / "runcoach-shoes.png").exists()


def test_an_unknown_format_is_refused_before_anything_is_written(
    cli: Any, filled: str, tmp_path: Path
) -> None:
    result = cli("--db", filled, "chart", "weekly", "-o", str(tmp_path / "weekly.jpg"))
    assert result.exit_code == 2
    assert "unknown format 'jpg'" in result.stderr and ".png or .svg" in result.stderr
    assert not any(p.suffix in (".jpg", ".png") for p in tmp_path.iterdir())


def test_an_unknown_chart_is_refused(cli: Any, tmp_path: Path) -> None:
    result = cli("chart", "pace", "-o", str(tmp_path / "x.png"))
    assert result.exit_code == 2 and "unknown chart 'pace'" in result.stderr


def test_an_empty_log_is_a_clear_error(cli_db: Any, tmp_path: Path) -> None:
    result = cli_db("chart", "weekly", "-o", str(tmp_path / "w.png"))
    assert result.exit_code == 1
    assert "the log is empty" in result.stderr and "hint:" in result.stderr
    assert not (tmp_path / "w.png").exists()


def test_a_missing_folder_is_a_clear_error(cli: Any, filled: str, tmp_path: Path) -> None:
    result = cli("--db", filled, "chart", "weekly", "-o", str(tmp_path / "nope" / "w.png"))
    assert result.exit_code == 2 and "does not exist" in result.stderr
