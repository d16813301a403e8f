from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from runcoach.log.db import open_database
from tests.reports.conftest import fill_log


@pytest.fixture
def filled(db_url: str) -> str:
    with open_database(db_url) as db:
        fill_log(db)
    return db_url


def test_it_writes_a_pdf_and_warns_about_the_red_flag(cli: Any, filled: str, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    result = cli("--db", filled, "report", "--since", "2026-06-01", "--until", "2026-08-12", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert len(pdfium.PdfDocument(out.read_bytes())) == 3
    assert str(out) in result.stdout and "1 red flag" in result.stderr


def test_it_writes_html_and_json_describes_the_report(cli: Any, filled: str, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = cli("--db", filled, "report", "--since", "2026-06-01", "--until", "2026-08-12", "-o", str(out),
                 "--json")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    doc = result.json()
    assert doc["file"] == str(out) and doc["format"] == "html"
    assert doc["report"]["red_flags"][0]["level"] == "urgent"
    assert doc["report"]["flares"][0]["region"] == "Hip, groin and buttock"
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_an_empty_log_still_gives_a_report_that_says_so(cli_db: Any, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    assert cli_db("report", "-o", str(out)).exit_code == 0
    doc = pdfium.PdfDocument(out.read_bytes())
    assert len(doc) == 1 and "No pain was logged" in doc[0].get_textpage().get_text_range()


def test_an_unknown_suffix_and_a_bad_period_are_refused(cli: Any, tmp_path: Path) -> None:
    bad = cli("report", "-o", str(tmp_path / "report.docx"))
    assert bad.exit_code == 2 and ".pdf or .html" in bad.stderr
    backwards = cli("report", "--since", "2026-09-01", "--until", "2026-08-01", "-o", str(tmp_path / "r.pdf"))
    assert backwards.exit_code == 2 and "after it ends" in backwards.stderr
    assert not any(p.suffix in (".pdf", ".docx") for p in tmp_path.iterdir())


def test_a_day_it_cannot_read_is_a_clear_error(cli: Any, tmp_path: Path) -> None:
    result = cli("report", "--since", "last tuesday-ish", "-o", str(tmp_path / "r.pdf"))
    assert result.exit_code != 0 and "error:" in result.stderr
    assert not (tmp_path / "r.pdf").exists()
