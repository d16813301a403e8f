"""Safety: every red-flag finding raises the triage to at least its level and stops running.

Each red flag is checked twice: as an answer to a question (structured), and as a runner would
say it (a natural sentence read by the text reader). A missed red flag is the worst bug this
project can have, so every red flag the knowledge base knows must appear here.
"""

from __future__ import annotations

import pytest

from runcoach.engine.assess import Case, packaged_engine
from runcoach.knowledge.models import TRIAGE_ORDER

#: red flag -> (an everyday complaint it comes with, the runner's own sentence)
SENTENCES: dict[str, tuple[str, str]] = {
    "recreational_drugs": (
        "heart fluttering on my run",
        "I took some coke at a party last night and my heart was fluttering on my run",
    ),
    "pain_at_rest": ("shin pain", "my shin aches even when I'm sitting at my desk doing nothing"),
    "night_pain_wakes_you": ("hip pain", "the hip pain wakes me up at night now"),
    "pain_constant_day_night": ("foot pain", "my foot hurts day and night no matter what I do"),
    "worsening_day_by_day": ("calf pain", "my calf is getting worse every day even though I stopped running"),
    "cant_bear_weight": ("foot pain", "I can't put any weight on my foot since yesterday"),
    "hop_causes_sharp_pain": ("shin pain", "when I hop on that leg I get a sharp pain in the shin bone"),
    "visible_bruising": ("calf pain", "there's a big purple bruise spreading down my calf"),
    "felt_pop_or_snap": ("calf pain", "I felt a pop in my calf halfway up the hill"),
    "felt_kicked_or_shot": (
        "calf pain",
        "it felt like someone kicked me in the back of the calf but nobody was there",
    ),
    "muscle_dent_or_gap": ("calf pain", "I can feel a dent in the muscle where it hurts"),
    "fever": ("sore throat", "my throat is sore and I've got a fever"),
    "trouble_swallowing": ("sore throat", "my throat burns and it hurts to swallow"),
    "breathing_difficulty_at_rest": (
        "cough after running",
        "I stopped running ten minutes ago and I still can't catch my breath",
    ),
    "blood_in_mucus": ("cough after running", "I coughed up blood after my tempo run"),
    "neck_pain_sharp_or_worsening": ("stiff neck", "my neck pain is sharp and getting worse"),
    "arm_tingling_numbness": ("stiff neck", "my neck is stiff and I have pins and needles down my arm"),
    "dizziness": ("stiff neck", "my neck hurts and I feel dizzy"),
    "cant_turn_head": ("stiff neck", "I can't turn my head to check for traffic"),
    "visible_bulge_groin_or_belly": (
        "lower belly pain",
        "there's a bulge in my groin that pops out when I cough",
    ),
    "hernia_bulge_hard_or_stuck": (
        "lower belly pain",
        "the lump in my groin has gone hard and won't go back in",
    ),
    "chest_pain_pressure": ("heart racing", "I got a crushing pain in my chest on the hill"),
    "fainted": ("heart skipping", "I passed out for a second at the end of my run"),
    "near_fainting": ("heart skipping", "my vision went grey and I nearly fainted"),
    "breathless_out_of_proportion": (
        "heart skipping",
        "my heart went haywire and I was suddenly gasping for air on an easy jog",
    ),
    "hr_over_180_at_rest": (
        "heart racing",
        "my heart rate stayed over 180 even after I stopped and stood still",
    ),
    "cant_do_basic_movements": ("lower ab pain", "I can't even sit up in bed because of my abs"),
    "cant_push_off_or_tiptoe": ("calf pain", "I can't push off or go up on my toes on that foot at all"),
    "gap_above_heel": ("achilles pain", "there's a gap in my achilles just above the heel"),
    "swollen_lump_calf_or_knee": ("calf pain", "there's a big lump behind my knee and my calf has blown up"),
    "calf_warm_red_swollen": ("calf pain", "my calf is warm, red and swollen and I didn't hurt it"),
    "cant_move_toes_foot": ("calf pain", "I can't move my toes properly"),
    "leg_foot_numb_tingling": ("calf pain", "my whole foot has gone numb and tingly"),
    "redness_spreading": (
        "ingrown toenail",
        "the redness from my toe is spreading up my foot with red streaks",
    ),
    "toe_joint_red_hot_swollen": (
        "big toe pain",
        "my big toe joint suddenly went red, hot and swollen overnight",
    ),
}


def _red_flags() -> dict[str, str]:
    kb = packaged_engine().model.kb
    return {f.id: f.red_flag_level for f in kb.findings.values() if f.red_flag and f.red_flag_level}


def test_every_red_flag_has_a_sentence() -> None:
    assert set(SENTENCES) == set(_red_flags())


@pytest.mark.parametrize("finding_id", sorted(SENTENCES))
def test_a_red_flag_answer_raises_triage_and_stops_running(finding_id: str) -> None:
    level = _red_flags()[finding_id]
    complaint, _ = SENTENCES[finding_id]
    result = packaged_engine().assess(Case(text=complaint, findings={finding_id: True}))
    assert TRIAGE_ORDER.index(result.triage) >= TRIAGE_ORDER.index(level)  # type: ignore[arg-type]
    assert result.run_decision == "red"
    assert finding_id in [h.finding_id for h in result.red_flags]


@pytest.mark.parametrize("finding_id", sorted(SENTENCES))
def test_a_red_flag_in_the_runners_words_is_read_and_acted_on(finding_id: str) -> None:
    level = _red_flags()[finding_id]
    _, sentence = SENTENCES[finding_id]
    result = packaged_engine().assess(Case(text=sentence))
    assert finding_id in [h.finding_id for h in result.red_flags], sentence
    assert TRIAGE_ORDER.index(result.triage) >= TRIAGE_ORDER.index(level)  # type: ignore[arg-type]
    assert result.run_decision == "red"
