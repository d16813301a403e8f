from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

from runcoach import DISCLAIMER
from runcoach.knowledge.loader import KnowledgeBase
from runcoach.log.analytics.history import History
from runcoach.reports.build import build_context
from runcoach.reports.html import render_html
from runcoach.reports.text import ORDER, SECTIONS
from tests.reports.conftest import START, saved_assessment

TODAY = date(2026, 8, 12)


class _Page(HTMLParser):
    """Section ids in order, every src attribute, and the text."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[str] = []
        self.sources: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "section" and found.get("id"):
            self.sections.append(str(found["id"]))
        if "src" in found or "href" in found:
            self.sources.append(str(found.get("src") or found.get("href")))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def _html(history: History, kb: KnowledgeBase, flagged: bool = True, charts: bool = True) -> str:
    saved = [saved_assessment(date(2026, 7, 20))] if flagged else []
    ctx = build_context(history, saved, kb, since=START, until=TODAY, today=TODAY, disclaimer=DISCLAIMER,
                        with_charts=charts)  # fmt: skip
    return render_html(ctx)


def test_every_section_is_there_in_order_with_red_flags_first(history: History, kb: KnowledgeBase) -> None:
    html = _html(history, kb)
    page = _page(html)
    assert page.sections == [key.replace("_", "-") for key in ORDER]
    assert html.index('class="red-flags" role="alert"') < html.index('id="runner"')
    assert "RED FLAGS (1)" in html and "wake you from sleep" in html


def test_the_page_is_self_contained_with_the_charts_inlined(history: History, kb: KnowledgeBase) -> None:
    page = _page(_html(history, kb))
    assert len(page.sources) == 4
    assert all(src.startswith("data:image/png;base64,") for src in page.sources)


def test_it_says_coach_not_doctor_and_prints_on_a4(history: History, kb: KnowledgeBase) -> None:
    html = _html(history, kb, charts=False)
    assert html.count(DISCLAIMER) == 2
    assert "@media print" in html and re.search(r"@page\s*{\s*size:\s*A4", html)


def test_the_runners_words_are_escaped(history: History, kb: KnowledgeBase) -> None:
    from dataclasses import replace

    checkins = list(history.checkins)
    checkins[48] = replace(checkins[48], note="<script>alert(1)</script> & rest")
    html = _html(replace(history, checkins=tuple(checkins)), kb, charts=False)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; rest" in html


def test_an_empty_log_says_so_in_every_section(kb: KnowledgeBase) -> None:
    text = " ".join(" ".join(_page(_html(History(), kb, flagged=False)).text).split())
    for key in ORDER:
        if key != "runner":
            assert " ".join(SECTIONS[key].empty.split()) in text
    assert "RED FLAGS" not in text
