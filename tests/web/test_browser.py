"""A real headless Chromium against a real uvicorn server: the interview as a runner clicks through it.

Skipped where ``/usr/bin/chromium`` is missing (``.ci/run`` installs Debian's package so CI runs it).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from runcoach.settings import Settings
from runcoach.web.app import create_app
from runcoach.web.settings import WebSettings

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
#: where the screenshots go to be looked at (default: the test's temporary folder)
SHOTS_ENV = "RUNCOACH_SCREENSHOT_DIR"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is not installed"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The web app on 127.0.0.1 on a free port, in a thread, stopped at the end."""
    app = create_app(WebSettings(settings=Settings(db_url=f"sqlite:///{tmp_path / 'log.db'}")))
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def test_a_runner_types_a_complaint_answers_and_sees_the_red_flag_and_the_decision(
    server: str, tmp_path: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 1400})
            page.goto(f"{server}/")
            expect(page.locator(".disclaimer")).to_contain_text("a coach, not a doctor")
            page.get_by_role("link", name="Assess", exact=True).first.click()
            page.get_by_label("Describe it in your own words").fill(
                "my shin aches on runs and now at night too"
            )
            page.get_by_role("button", name="Assess").click()
            question = page.locator("#question")
            expect(question).to_contain_text("safety question")
            expect(page.locator("#red-flags")).to_have_count(0)
            question.get_by_role("button", name="Yes").click()
            flags = page.locator("#red-flags")
            expect(flags).to_be_visible()
            expect(flags).to_contain_text("Red flags")
            expect(page.locator("#run-decision")).to_contain_text("Red - stop and rest")
            assert (
                page.locator("#red-flags").bounding_box()["y"]
                < page.locator("#run-decision").bounding_box()["y"]
            )  # type: ignore[index]
            expect(page.locator(".lamp.red.on")).to_be_visible()
            shots = Path(os.environ.get(SHOTS_ENV) or tmp_path)
            shots.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shots / "assess-red-flag.png"), full_page=True)
            assert (shots / "assess-red-flag.png").stat().st_size > 10_000
            page.locator("#question").get_by_role("button", name="Don't know").click()
            expect(page.locator("#red-flags")).to_be_visible()  # the answers so far rode along
            expect(page.locator("#question")).to_contain_text("Question 3")
        finally:
            browser.close()


def test_the_runs_page_uploads_a_file_in_the_browser(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    from tests.log.importers.builders import gpx, line

    activity = tmp_path / "morning.gpx"
    activity.write_bytes(gpx([line(400)]))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page()
            page.goto(f"{server}/runs")
            expect(page.locator("#no-runs")).to_be_visible()
            page.locator("#upload input[type=file]").set_input_files(str(activity))
            page.locator("#upload").get_by_role("button", name="Upload").click()
            expect(page.locator("#import-result")).to_contain_text("Imported 1")
            expect(page.locator("table.runs")).to_contain_text("Morning Run")
        finally:
            browser.close()
