from __future__ import annotations

import pytest

from runcoach.knowledge.patterns import PatternError, PatternIndex, compile_pattern


def _find(pattern: str, text: str) -> bool:
    index = PatternIndex()
    index.add(compile_pattern(pattern, "k"))
    return bool(index.find(text.split()))


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("sore throat", "i have a sore throat", True),
        ("sore throat", "my throat is sore", False),
        ("hurt* ~ stairs", "it hurts going up the stairs", True),
        ("hurt* ~ stairs", "it hurts a lot when i go up and down stairs", False),
        ("wake* ... night", "it wakes me up in the middle of the night", True),
        ("swell*|puffy", "a bit puffy", True),
        ("temp* ~ <num>", "temperature of 38.5", True),
        ("temp* ~ <num>", "temperature was high", False),
    ],
)
def test_it_matches_words_prefixes_gaps_and_numbers(pattern: str, text: str, expected: bool) -> None:
    assert _find(pattern, text) is expected


def test_a_match_never_crosses_a_clause_barrier() -> None:
    index = PatternIndex()
    index.add(compile_pattern("hurt* ~ stairs", "k"))
    tokens = ["it", "hurts", ",", "stairs", "fine"]
    assert index.find(tokens, barriers=frozenset({2})) == []


@pytest.mark.parametrize("bad", ["", "~", "ab*", "pain ~", "a||b"])
def test_it_refuses_broken_patterns(bad: str) -> None:
    with pytest.raises(PatternError):
        compile_pattern(bad, "k")
