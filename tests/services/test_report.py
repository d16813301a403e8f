from __future__ import annotations

from datetime import UTC, datetime

import pypdfium2 as pdfium
import pytest

from runcoach.errors import NotFoundError, UsageError
from runcoach.log.db import Database
from runcoach.services.report import build_report, render_chart, render_report, report_format, report_period
from tests.reports.conftest import fill_log

NOW = datetime(2026, 8, 12, 9, tzinfo=UTC)


def test_the_report_reads_the_whole_log_and_the_saved_assessments(db: Database) -> None:
    fill_log(db)
    ctx = build_report(db=db, since="2026-07-13", now=NOW, with_charts=False)
    assert (ctx.since.isoformat(), ctx.until.isoformat()) == ("2026-07-13", "2026-08-12")
    assert ctx.runner.age == 38 and ctx.runner.sex == "female"
    assert len(ctx.red_flags) == 1 and ctx.assessments[0].conditions[0].icd10 == "M84.35"
    # the weeks before --since still count for the flare's load
    assert ctx.flares[0].before_avg == pytest.approx(32.0)
    assert [t.notes for t in ctx.tried] == ["iced the hip after the run", "bridges"]


def test_the_pdf_and_the_html_come_from_the_same_context(db: Database) -> None:
    fill_log(db)
    pdf = render_report(db=db, fmt="pdf", since="2026-06-01", now=NOW)
    html = render_report(db=db, fmt="html", since="2026-06-01", now=NOW)
    assert pdf.data.startswith(b"%PDF-") and len(pdfium.PdfDocument(pdf.data)) == 3
    assert html.data.startswith(b"<!doctype html>")
    assert pdf.context.red_flags == html.context.red_flags


def test_the_default_period_is_the_last_90_days() -> None:
    first, last, today = report_period(None, None, now=NOW)
    assert (last - first).days == 89 and last == today == NOW.date()


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(UsageError, match="after it ends"):
        report_period("2026-09-01", "2026-08-01", now=NOW)


@pytest.mark.parametrize(("name", "fmt"), [("r.pdf", "pdf"), ("R.HTML", "html"), ("r.htm", "html")])
def test_the_report_format_comes_from_the_suffix(name: str, fmt: str) -> None:
    assert report_format(name) == fmt


def test_an_unknown_report_suffix_is_refused() -> None:
    with pytest.raises(UsageError, match="unknown format 'docx'"):
        report_format("report.docx")


def test_a_chart_reads_the_whole_log(db: Database) -> None:
    fill_log(db)
    # the ACWR from 3 August needs the runs of July, before --since
    svg = render_chart(db=db, kind="acwr", fmt="svg", since="2026-08-03", now=NOW)
    assert svg.lstrip().startswith(b"<?xml") and b"ACWR" in svg


def test_chart_arguments_are_checked(db: Database) -> None:
    with pytest.raises(UsageError, match="--weeks"):
        render_chart(db=db, kind="weekly", weeks=0)
    with pytest.raises(UsageError, match="format"):
        render_chart(db=db, kind="weekly", fmt="gif")
    with pytest.raises(NotFoundError, match="empty"):
        render_chart(db=db, kind="weekly")
