"""The packaged knowledge base against the shared catalog (../shared/spec) and its own integrity."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from runcoach.knowledge.loader import KnowledgeBase
from runcoach.knowledge.models import LIKELIHOOD
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def spec_conditions() -> list[dict[str, Any]]:
    data = yaml.safe_load(shared_path("spec", "conditions.yaml").read_text(encoding="utf-8"))
    return list(data["conditions"])


@pytest.fixture(scope="module")
def spec_findings() -> list[dict[str, Any]]:
    data = yaml.safe_load(shared_path("spec", "findings.yaml").read_text(encoding="utf-8"))
    return list(data["findings"])


def test_every_catalog_condition_is_present_as_the_catalog_says(
    kb: KnowledgeBase, spec_conditions: list[dict[str, Any]]
) -> None:
    for spec in spec_conditions:
        cond = kb.conditions.get(spec["id"])
        assert cond is not None, f"{spec['id']} is missing"
        assert cond.region == spec["region"], spec["id"]
        assert set(spec.get("also_regions") or []) <= set(cond.also_regions), spec["id"]
        assert cond.triage == spec["default_triage"], spec["id"]
        assert cond.run_decision == spec["default_run_decision"], spec["id"]
        assert kb.condition_article[cond.id] == spec["article"], spec["id"]


def test_key_findings_point_to_and_findings_against_point_away(
    kb: KnowledgeBase, spec_conditions: list[dict[str, Any]]
) -> None:
    for spec in spec_conditions:
        cond = kb.conditions[spec["id"]]
        missing_for = set(spec["key_findings"]) - set(cond.evidence_for)
        missing_against = set(spec.get("findings_against") or []) - set(cond.evidence_against)
        assert not missing_for, f"{cond.id}: key findings not under 'for': {sorted(missing_for)}"
        assert not missing_against, f"{cond.id}: not under 'against': {sorted(missing_against)}"


def test_every_catalog_finding_is_present_with_the_same_escalation(
    kb: KnowledgeBase, spec_findings: list[dict[str, Any]]
) -> None:
    for spec in spec_findings:
        finding = kb.findings.get(spec["id"])
        assert finding is not None, f"{spec['id']} is missing"
        assert finding.red_flag == spec["red_flag"], spec["id"]
        assert finding.red_flag_level == spec.get("red_flag_level"), spec["id"]
        assert finding.min_triage == spec.get("min_triage"), spec["id"]
        assert finding.min_run_decision == spec.get("min_run_decision"), spec["id"]


def test_every_article_has_its_file_and_every_condition_its_advice(kb: KnowledgeBase) -> None:
    assert set(kb.sections) == {a.id for a in kb.meta.articles}
    for cond in kb.conditions.values():
        adv = cond.advice
        assert adv.see_a_professional, cond.id
        assert adv.relief or adv.fixes or adv.exercises or adv.prevention, cond.id
        assert cond.sources, cond.id


def test_likelihoods_are_graded_not_yes_no(kb: KnowledgeBase) -> None:
    used = {
        level
        for c in kb.conditions.values()
        for level in (*c.evidence_for.values(), *c.evidence_against.values())
    }
    assert len(used) >= 5, f"only {sorted(used)} of {sorted(LIKELIHOOD)} are used"


def test_every_lexicon_pattern_and_region_word_compiles_into_the_reader(kb: KnowledgeBase) -> None:
    from runcoach.engine.text import TextReader

    reader = TextReader(kb)
    assert reader.index.vocabulary


def test_the_knowledge_base_is_in_the_projects_own_words() -> None:
    tool = shared_path("tools", "copycheck.py")
    repo = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, str(tool), "--repo", str(repo)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-2000:]
