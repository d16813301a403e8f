from __future__ import annotations

import pytest

from runcoach.engine.assess import Engine
from runcoach.engine.text import normalise, tokenize


def _read(engine: Engine, text: str) -> dict[str, bool]:
    return engine.reader.read(text).present()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("I can't run", "i cannot run"),
        ("didn't hear a pop", "did not hear a pop"),
        ("I’m 52 and it's sore", "i am 52 and it is sore"),
        ("it was -5C", "it was -5 cdeg"),
    ],
)
def test_it_expands_contractions_and_units(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_tokens_keep_punctuation_as_clause_marks() -> None:
    assert tokenize("sore, but fine.") == ["sore", ",", "but", "fine", "."]


def test_it_reads_a_positive_finding(mini_engine: Engine) -> None:
    assert _read(mini_engine, "felt a pop in my calf") == {"felt_pop_or_snap": True}


@pytest.mark.parametrize(
    "text",
    ["no pop in my calf", "I didn't hear a pop", "never felt a pop", "there was no snap"],
)
def test_it_reads_negation(mini_engine: Engine, text: str) -> None:
    assert _read(mini_engine, text)["felt_pop_or_snap"] is False


def test_negation_stays_inside_its_clause(mini_engine: Engine) -> None:
    found = _read(mini_engine, "no fever, but I felt a pop")
    assert found == {"fever": False, "felt_pop_or_snap": True}


def test_fine_after_a_phrase_negates_it(mini_engine: Engine) -> None:
    assert _read(mini_engine, "push off is fine")["push_off_painful"] is False


def test_an_absent_pattern_says_no(mini_engine: Engine) -> None:
    assert _read(mini_engine, "calf is a bit sore, push off is fine") == {
        "calf_mild_soreness": True,
        "push_off_painful": False,
    }


def test_not_sure_is_a_hedge_not_a_denial(mini_engine: Engine) -> None:
    reading = mini_engine.reader.read("not sure if it is a blood clot")
    assert reading.condition_mentions == {"dvt": True}


def test_it_forgives_small_typos(mini_engine: Engine) -> None:
    assert _read(mini_engine, "i have a feverr and chils")["fever"] is True


def test_it_reads_side_age_region_and_temperature(mini_engine: Engine) -> None:
    reading = mini_engine.reader.read("52 y/o, left calf sore on a -3C morning")
    assert reading.side == "left"
    assert reading.age == 52
    assert reading.regions == {"calf_achilles": 1}
    assert reading.temperature_c == -3


def test_empty_text_reads_nothing(mini_engine: Engine) -> None:
    reading = mini_engine.reader.read("   ")
    assert reading.findings == {} and reading.regions == {}


def test_a_body_part_in_a_phrase_about_the_runners_history_is_not_where_it_hurts() -> None:
    from runcoach.engine.model import packaged_model

    reader = Engine(packaged_model()).reader
    reading = reader.read("my shins are grumpy along the inside, and I've got pretty flat feet")
    assert reading.findings["flat_feet_or_overpronation"].present
    assert set(reading.regions) == {"shin"}
    assert "foot_toe" in reader.read("the ball of my foot burns").regions


def test_a_break_of_some_months_is_not_pain_for_months() -> None:
    from runcoach.engine.model import packaged_model

    reader = Engine(packaged_model()).reader
    assert "pain_for_months" not in reader.read("back running after 3 months off, shins sore").findings
    assert reader.read("my big toe has hurt for 3 months").findings["pain_for_months"].present
