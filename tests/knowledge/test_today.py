"""today.yaml: it loads, every rule cites a real section, and bad data fails loudly."""

from __future__ import annotations

import shutil
import string
from pathlib import Path
from typing import Any

import pytest
import yaml

from runcoach.errors import KnowledgeError
from runcoach.knowledge.guidance import load_guidance
from runcoach.knowledge.loader import default_data_dir
from runcoach.knowledge.today import PLACEHOLDERS, TODAY_FILE, load_today


def test_the_packaged_file_loads_and_every_check_has_a_rule() -> None:
    today = load_today()
    assert {r.check for r in today.rules} == set(PLACEHOLDERS)
    sources = load_guidance().sources | today.sources
    assert all(r.src in sources for r in today.rules)


def test_every_reason_uses_only_the_names_its_check_fills_in() -> None:
    for rule in load_today().rules:
        names = {f for _, f, _, _ in string.Formatter().parse(rule.reason) if f}
        assert names <= PLACEHOLDERS[rule.check], rule.id


def test_thresholds_the_articles_do_not_give_are_marked_as_ours() -> None:
    ours = {r.id for r in load_today().rules if r.ours}
    assert {"pain_severe", "hrv_low", "short_sleep", "very_hot"} <= ours
    assert "illness_below_neck" not in ours and "resting_hr_high" not in ours


def _broken(tmp_path: Path, change: Any) -> Path:
    root = tmp_path / "data"
    shutil.copytree(default_data_dir(), root)
    raw = yaml.safe_load((root / TODAY_FILE).read_text(encoding="utf-8"))
    change(raw)
    (root / TODAY_FILE).write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return root


def _rule(raw: dict[str, Any], rule_id: str) -> dict[str, Any]:
    return next(r for r in raw["rules"] if r["id"] == rule_id)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda raw: _rule(raw, "pain_severe").update(src="nowhere"),
            "rules[pain_severe].src: unknown source key 'nowhere'",
        ),
        (
            lambda raw: _rule(raw, "pain_severe").update(reason="{region} hurts {often}"),
            "unknown placeholders ['often']",
        ),
        (lambda raw: _rule(raw, "pain_moderate").update(min=8), "min (8.0) must be smaller than below (7.0)"),
        (lambda raw: _rule(raw, "pain_moderate").update(decision="orange"), "pain_moderate: decision"),
        (lambda raw: raw["rules"].append(dict(_rule(raw, "short_sleep"))), "rule id used twice"),
        (lambda raw: raw["breathing_efforts"][0]["rhythms"].append("panting"), "unknown rhythm 'panting'"),
        (lambda raw: raw["calc_text"].pop("cadence_ok"), "calc_text.cadence_ok"),
        (lambda raw: _rule(raw, "chest_symptoms").update(region="elbow"), "unknown region 'elbow'"),
        (
            lambda raw: raw["sources"].update(
                throat_cold={"article": "burning_throat", "section": "Some section"}
            ),
            "already a source",
        ),
        (
            lambda raw: raw["sources"]["heart_chest_pain"].update(article="nowhere"),
            "unknown article 'nowhere'",
        ),
    ],
)
def test_bad_data_fails_loudly_naming_the_place(tmp_path: Path, change: Any, message: str) -> None:
    with pytest.raises(KnowledgeError) as info:
        load_today(_broken(tmp_path, change))
    assert message in info.value.message


def test_the_docs_list_every_rule_and_every_calculator() -> None:
    from runcoach.cli.calc import calc_app

    doc = (Path(__file__).resolve().parents[2] / "docs" / "today-and-calculators.md").read_text(
        encoding="utf-8"
    )
    missing = [r.id for r in load_today().rules if f"`{r.id}`" not in doc]
    assert not missing, f"docs/today-and-calculators.md does not mention rules {missing}"
    for command in calc_app.registered_commands:
        assert f"runcoach calc {command.name}" in doc and f"| `{command.name}` |" in doc


def test_every_own_source_heading_exists_in_its_article() -> None:
    from runcoach.knowledge.loader import load_knowledge
    from tests.conftest import shared_path
    from tests.knowledge.test_guidance import _line_of, _norm

    lines = [_norm(x) for x in shared_path("seed", "coaching-articles.txt").read_text("utf-8").splitlines()]
    titles = {a.id: _line_of(a.title, lines) for a in load_knowledge().meta.articles}
    for key, source in load_today().sources.items():
        start = titles[source.article]
        end = min((s for s in titles.values() if s > start), default=len(lines))
        for level in source.section.split(" > "):
            try:
                _line_of(level, lines[start:end])
            except (ValueError, StopIteration):
                pytest.fail(f"{key}: heading {level!r} not found in {source.article}")
