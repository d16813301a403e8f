"""The synthetic-log generator: seeded, valid exchange documents, realistic training, planted pain."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

from bench.synthetic_logs import Plant, generate, random_pain

from runcoach.log.exchange import ExchangeDocument
from tests.log.analytics.logs import history_of


def test_the_same_seed_gives_the_same_log_and_another_seed_another() -> None:
    assert generate(3, days=120) == generate(3, days=120)
    assert generate(3, days=120) != generate(4, days=120)


def test_every_document_is_a_valid_exchange_document() -> None:
    for doc in (generate(1, days=200, plants=(Plant("cycle", "knee", "1-4"),)), random_pain(1, days=200)):
        ExchangeDocument.model_validate_json(json.dumps(doc))


def test_the_training_looks_like_a_runners() -> None:
    doc = generate(5, days=364)
    runs_per_week = Counter(date.fromisoformat(r["start"][:10]).isocalendar()[1] for r in doc["runs"])
    assert min(runs_per_week.values()) >= 3 and max(runs_per_week.values()) <= 6
    types = Counter(r["type"] for r in doc["runs"])
    assert types["easy"] > types["long"] > types["tempo"] > 0 and types["hills"] > 0
    assert len({r["terrain"] for r in doc["runs"]}) >= 4 and len({r["shoe"] for r in doc["runs"]}) >= 3
    assert 300 < len(doc["checkins"]) < 364  # some days are missing
    assert any(t["kind"] == "strength" for c in doc["checkins"] for t in c["training"])


def test_plants_only_add_pain_after_their_trigger() -> None:
    base = generate(6, days=365)
    planted = generate(6, days=365, plants=(Plant("session_type", "shin", "hills", chance=1.0),))
    assert planted["runs"] == base["runs"]
    history = history_of(planted)
    after_hills = {r.day.toordinal() + 1 for r in history.runs if r.run_type == "hills"}
    shin = {c.day.toordinal() for c in history.checkins if any(p.region == "shin" for p in c.pain)}
    days = {c.day.toordinal() for c in history.checkins}
    assert after_hills & days <= shin
