from __future__ import annotations

import pytest

from runcoach.knowledge.loader import KnowledgeBase
from runcoach.services.knowledge import search_conditions


def _ids(query: str, kb: KnowledgeBase, **kw: str) -> list[str]:
    return [h.condition.id for h in search_conditions(query, kb=kb, **kw)]


def test_a_word_is_not_found_inside_another_word(kb: KnowledgeBase) -> None:
    # "pushing" holds "shin"; a lower-belly hernia is not a shin problem
    ids = _ids("shin", kb)
    assert ids[0] == "medial_tibial_stress_syndrome"
    assert "hernia" not in ids


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("shins", "medial_tibial_stress_syndrome"),
        ("achilels", "achilles_tendinopathy"),
        ("stress fracture", "tibial_stress_fracture"),
        ("ITBS", "it_band_syndrome"),
        ("big toe", "hallux_rigidus_limitus"),
    ],
)
def test_it_finds_conditions_by_plurals_typos_and_runners_words(
    kb: KnowledgeBase, query: str, expected: str
) -> None:
    assert expected in _ids(query, kb)


def test_every_query_word_must_match(kb: KnowledgeBase) -> None:
    assert "tibial_stress_fracture" in _ids("shin fracture", kb)
    assert _ids("zebra fracture", kb) == []


def test_a_region_narrows_the_list(kb: KnowledgeBase) -> None:
    assert set(_ids("", kb, region="shin")) == {
        c.id for c in kb.conditions.values() if "shin" in (c.region, *c.also_regions)
    }


def test_looking_up_an_unknown_condition_hints_at_the_closest(kb: KnowledgeBase) -> None:
    from runcoach.errors import NotFoundError
    from runcoach.services.knowledge import lookup_condition

    assert lookup_condition("it_band_syndrome", kb=kb)["id"] == "it_band_syndrome"
    with pytest.raises(NotFoundError) as caught:
        lookup_condition("shin_splint", kb=kb)
    assert caught.value.hint is not None and "medial_tibial_stress_syndrome" in caught.value.hint


def test_the_listing_is_the_search_and_refuses_an_unknown_region(kb: KnowledgeBase) -> None:
    from runcoach.errors import UsageError
    from runcoach.services.knowledge import condition_listing

    assert [c["id"] for c in condition_listing("shin", kb=kb)] == _ids("shin", kb)
    with pytest.raises(UsageError):
        condition_listing(region="elbow", kb=kb)
