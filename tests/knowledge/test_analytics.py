"""analytics.yaml: the pattern finder's and the warnings' data load, cite real sources, fail loudly."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from runcoach.errors import KnowledgeError
from runcoach.knowledge.analytics import TRIGGERS, load_analytics, region_names
from runcoach.knowledge.loader import default_data_dir
from runcoach.knowledge.warning_models import RULE_THRESHOLDS


@pytest.fixture
def raw() -> dict[str, Any]:
    with (default_data_dir() / "analytics.yaml").open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def _error(tmp_path: Path, data: dict[str, Any]) -> str:
    for name in ("meta.yaml", "guidance.yaml"):
        shutil.copy(default_data_dir() / name, tmp_path / name)
    (tmp_path / "analytics.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_analytics(tmp_path)
    return info.value.message


def test_the_packaged_file_has_a_sentence_for_every_trigger_and_every_warning_rule() -> None:
    analytics = load_analytics()
    for trigger in TRIGGERS:
        assert analytics.patterns.texts.for_trigger(trigger, 0) != analytics.patterns.texts.for_trigger(
            trigger, 1
        )
    assert set(analytics.warnings.rules) == set(RULE_THRESHOLDS)
    assert "not a doctor" in analytics.patterns.caution and "not a doctor" in analytics.warnings.coach_note
    assert region_names()["hip_groin"].startswith("Hip")


def test_an_unknown_placeholder_names_the_sentence(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    data["patterns"]["texts"]["sleep"]["same"] = "{Region} hurt after {nights} short nights."
    assert "analytics.yaml: patterns.texts.sleep.same: unknown placeholder {nights}" in _error(tmp_path, data)


def test_an_unknown_source_names_the_rule(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    data["warnings"]["rules"]["acwr"]["src"] = "nowhere"
    assert "analytics.yaml: warnings.rules.acwr.src: unknown source key 'nowhere'" in _error(tmp_path, data)


def test_a_rule_without_its_thresholds_is_refused(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    del data["warnings"]["rules"]["weekly_spike"]["thresholds"]["spike_pct"]
    assert "rule weekly_spike: thresholds missing: ['spike_pct']" in _error(tmp_path, data)


def test_a_source_must_name_a_real_article(tmp_path: Path, raw: dict[str, Any]) -> None:
    data = copy.deepcopy(raw)
    data["sources"]["calf_shoes"]["article"] = "no_such_article"
    assert "analytics.yaml: sources.calf_shoes.article: unknown article 'no_such_article'" in _error(
        tmp_path, data
    )


def test_a_warning_sentence_may_only_use_the_numbers_its_rule_reports(
    tmp_path: Path, raw: dict[str, Any]
) -> None:
    data = copy.deepcopy(raw)
    data["warnings"]["rules"]["acwr"]["saw"] = "Your ratio was {ratio} and your mood {mood}."
    assert "analytics.yaml: warnings.rules.acwr.saw: unknown placeholder {mood}" in _error(tmp_path, data)
