"""Each kind of broken data file gets the intended error, and nothing loads half-way."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from runcoach.errors import KnowledgeError
from runcoach.knowledge.loader import load_knowledge

MINI_KB = Path(__file__).resolve().parents[1] / "engine" / "data" / "mini_kb"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(MINI_KB, target)
    return target


def _edit(path: Path, change: Callable[[dict], None]) -> None:  # type: ignore[type-arg]
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")


def _calf(data: Path) -> Path:
    return data / "conditions" / "calf_pain.yaml"


def _first(doc: dict) -> dict:  # type: ignore[type-arg]
    return doc["conditions"][0]  # type: ignore[no-any-return]


def test_the_mini_knowledge_base_loads(data: Path) -> None:
    kb = load_knowledge(data)
    assert set(kb.conditions) == {
        "calf_doms",
        "calf_strain_grade2",
        "dvt",
        "cold_dry_air_irritation",
        "throat_infection",
    }


CASES: list[tuple[str, Callable[[Path], None], str]] = [
    (
        "unknown finding in for",
        lambda d: _edit(_calf(d), lambda doc: _first(doc)["for"].update({"no_such_finding": "often"})),
        "conditions/calf_pain.yaml: calf_doms: for.no_such_finding: unknown finding id",
    ),
    (
        "opposing likelihood on the for side",
        lambda d: _edit(_calf(d), lambda doc: _first(doc)["for"].update({"fever": "rarely"})),
        "calf_doms: 'for' takes always/usually/often/sometimes; fix ['fever']",
    ),
    (
        "likelihood word that does not exist",
        lambda d: _edit(_calf(d), lambda doc: _first(doc)["for"].update({"fever": "loads"})),
        "calf_doms: for.fever: Input should be 'always'",
    ),
    (
        "missing see_a_professional",
        lambda d: _edit(_calf(d), lambda doc: _first(doc)["advice"].pop("see_a_professional")),
        "calf_doms: advice: advice needs see_a_professional",
    ),
    (
        "emergency with a green run decision",
        lambda d: _edit(_calf(d), lambda doc: _first(doc).update({"triage": "emergency"})),
        "an emergency always comes with a red run decision",
    ),
    (
        "unknown region",
        lambda d: _edit(_calf(d), lambda doc: _first(doc).update({"region": "elbow"})),
        "calf_doms: region: unknown region 'elbow'",
    ),
    (
        "unknown section key",
        lambda d: _edit(_calf(d), lambda doc: _first(doc)["causes"][0].update({"src": "nowhere"})),
        "calf_doms: causes[0].src: unknown section key 'nowhere' in article 'calf_pain'",
    ),
    (
        "a red flag list naming an ordinary finding",
        lambda d: _edit(_calf(d), lambda doc: _first(doc).update({"red_flags": ["sudden_onset"]})),
        "calf_doms: red_flags: 'sudden_onset' is not a red-flag finding",
    ),
    (
        "an unknown field",
        lambda d: _edit(_calf(d), lambda doc: _first(doc).update({"colour": "blue"})),
        "calf_doms: colour: Extra inputs are not permitted",
    ),
    (
        "a red flag without a level",
        lambda d: _edit(d / "findings.yaml", lambda doc: doc["findings"][6].pop("red_flag_level")),
        "findings.yaml: felt_pop_or_snap: a red flag needs red_flag_level",
    ),
    (
        "duplicate condition id",
        lambda d: _edit(_calf(d), lambda doc: doc["conditions"].append(dict(_first(doc)))),
        "conditions/calf_pain.yaml: calf_doms: condition id defined twice",
    ),
    (
        "lexicon entry for an unknown finding",
        lambda d: _edit(d / "lexicon" / "mini.yaml", lambda doc: doc["findings"].update({"nope": ["xyz"]})),
        "lexicon/mini.yaml: findings.nope: unknown finding id",
    ),
    (
        "lexicon pattern that cannot compile",
        lambda d: _edit(d / "lexicon" / "mini.yaml", lambda doc: doc["findings"]["fever"].append("ab* ~")),
        "lexicon/mini.yaml: findings.fever: prefix 'ab*'",
    ),
    (
        "invalid YAML",
        lambda d: _calf(d).write_text("article: calf_pain\nsections: [unclosed\n", encoding="utf-8"),
        "conditions/calf_pain.yaml",
    ),
]


@pytest.mark.parametrize(("name", "break_it", "message"), CASES, ids=[c[0] for c in CASES])
def test_it_reports_broken_data_precisely(
    data: Path, name: str, break_it: Callable[[Path], None], message: str
) -> None:
    break_it(data)
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(data)
    assert message in str(info.value)


def test_all_problems_are_reported_together(data: Path) -> None:
    _edit(_calf(data), lambda doc: _first(doc).update({"region": "elbow", "red_flags": ["sudden_onset"]}))
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(data)
    assert "(2 problems)" in str(info.value)
