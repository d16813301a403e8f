"""The PDF is real: pypdfium2 opens it, renders every page to pixels and reads its text back."""

from __future__ import annotations

from datetime import date
from typing import Any

import pypdfium2 as pdfium
import pytest

from runcoach import DISCLAIMER
from runcoach.knowledge.loader import KnowledgeBase
from runcoach.log.analytics.history import History
from runcoach.reports.build import build_context
from runcoach.reports.context import ReportContext
from runcoach.reports.pdf import render_pdf
from runcoach.reports.text import FOOTER, SECTIONS
from tests.reports.conftest import START, saved_assessment
from tests.reports.test_build import TODAY


def _ctx(history: History, kb: KnowledgeBase, with_flag: bool = True) -> ReportContext:
    saved = [saved_assessment(date(2026, 7, 20))] if with_flag else []
    return build_context(history, saved, kb, since=START, until=TODAY, today=TODAY, disclaimer=DISCLAIMER)


@pytest.fixture(scope="module")
def kb_module() -> KnowledgeBase:
    from runcoach.knowledge.loader import load_knowledge

    return load_knowledge()


@pytest.fixture(scope="module")
def pdf(kb_module: KnowledgeBase) -> Any:
    from tests.reports.conftest import small_history

    return pdfium.PdfDocument(render_pdf(_ctx(small_history(), kb_module)))


def _text(doc: Any) -> list[str]:
    return [" ".join(doc[i].get_textpage().get_text_range().split()) for i in range(len(doc))]


def test_the_report_has_three_a4_pages_none_of_them_blank(pdf: Any) -> None:
    assert len(pdf) == 3
    for i in range(len(pdf)):
        width, height = pdf[i].get_size()
        assert (round(width), round(height)) == (595, 842)  # A4 in points
        image = pdf[i].render(scale=0.5).to_pil().convert("L")
        dark = sum(image.histogram()[:200])  # pixels darker than light grey
        assert dark > 0.01 * image.width * image.height, f"page {i + 1} looks blank"


def test_red_flags_open_the_first_page_and_the_disclaimer_is_on_it(pdf: Any) -> None:
    first = _text(pdf)[0]
    flags = first.index("RED FLAGS (1)")
    assert flags < first.index(SECTIONS["runner"].heading) < first.index(SECTIONS["complaints"].heading)
    assert "wake you from sleep" in first
    assert " ".join(DISCLAIMER.split()) in first


def test_every_page_is_numbered_and_says_coach_not_doctor(pdf: Any) -> None:
    pages = _text(pdf)
    for i, text in enumerate(pages, start=1):
        assert f"page {i} of {len(pages)}" in text and FOOTER in text


def test_the_charts_are_embedded_as_images(pdf: Any) -> None:
    images = [
        obj
        for i in range(len(pdf))
        for obj in pdf[i].get_objects()
        if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE
    ]
    assert len(images) == 4


def test_an_empty_log_gives_one_page_that_says_each_section_is_empty(kb_module: KnowledgeBase) -> None:
    doc = pdfium.PdfDocument(render_pdf(_ctx(History(), kb_module, with_flag=False)))
    assert len(doc) == 1
    text = _text(doc)[0]
    for key in ("red_flags", "complaints", "flares", "assessments", "tried", "timeline"):
        assert " ".join(SECTIONS[key].empty.split()) in text
