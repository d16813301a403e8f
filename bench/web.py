"""What the web layer adds, as ratios against the same work done straight through the services,
measured in the same process (FastAPI's TestClient, so no network and no uvicorn):

- ``POST /api/assess`` against ``services.assess.assess_case`` on the same case;
- the interview's result page (``POST /assess``, JSON -> Jinja page) against ``POST /api/assess``;
- ``GET /api/runs`` on a 1,000-run SQLite log against ``services.runs.list_runs`` on it.

Usage::

    python -m bench.web [--repeat N]
"""

from __future__ import annotations

import argparse
import tempfile
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench._timing import best
from runcoach.log.db import open_database
from runcoach.log.models import Run
from runcoach.log.runners import get_runner
from runcoach.services.assess import assess_case
from runcoach.services.runs import list_runs
from runcoach.settings import Settings
from runcoach.web.app import create_app
from runcoach.web.settings import WebSettings

CASE = {"text": "my shin aches on runs and now at night too", "findings": {"pain_at_rest": True}}
RUNS = 1000


def fill(url: str) -> None:
    start = datetime(2024, 1, 1, 7, tzinfo=UTC)
    with open_database(url) as db, db.session() as session:
        runner = get_runner(session, None)
        for i in range(RUNS):
            when = start + timedelta(days=i)
            session.add(Run(runner_id=runner.id, start=when, utc_offset_min=0, sport="running",
                            distance_m=8000.0, elapsed_s=2700.0, source="manual", warnings=[]))  # fmt: skip


def report(name: str, web: float, base: float) -> None:
    print(f"{name:<44} {web * 1000:8.2f} ms  vs {base * 1000:8.2f} ms  ratio {web / base:5.2f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.web")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'log.db'}"
        fill(url)
        with (
            TestClient(create_app(WebSettings(settings=Settings(db_url=url)))) as client,
            open_database(url) as db,
        ):
            client.post("/api/assess", json=CASE)  # warm: the engine and templates load once
            client.post("/assess", data={"text": CASE["text"]})
            api = best(lambda: client.post("/api/assess", json=CASE), args.repeat)
            report("POST /api/assess vs assess_case", api, best(lambda: assess_case(dict(CASE)), args.repeat))
            page = best(
                lambda: client.post("/assess", data={"text": CASE["text"], "yes": "pain_at_rest"}),
                args.repeat,
            )
            report("POST /assess page vs POST /api/assess", page, api)
            runs = best(lambda: client.get("/api/runs"), args.repeat)
            report(
                f"GET /api/runs ({RUNS} runs) vs list_runs", runs, best(lambda: list_runs(db=db), args.repeat)
            )


if __name__ == "__main__":
    main()
