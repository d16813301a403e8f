"""Everyday running talk must not raise red flags: a false alarm teaches runners to ignore alarms."""

from __future__ import annotations

import pytest

from runcoach.engine.assess import Case, packaged_engine

BENIGN = [
    "I run all the time, usually five days a week.",
    "Between runs I do some stretching and foam rolling.",
    "My long run went great, felt strong the whole way.",
    "Legs felt heavy on the last mile but that's normal for me.",
    "Pace was fine and my heart rate stayed in zone 2.",
    "I've been running for ten years without any injuries.",
    "Did hill repeats on Tuesday and an easy 5k today.",
    "The race is in three weeks and training has gone well.",
    "I stretch after every run and do yoga on Sundays.",
    "I'm training for my first marathon and loving it.",
    "New shoes arrived, Pegasus 41, they feel bouncy.",
    "It was a cold morning so I wore gloves and a hat.",
    "I had coffee and a banana before the run.",
    "I ran with my club and we chatted the whole time.",
    "My watch says my resting heart rate is 52.",
    "I can still walk and run normally, no issues at all.",
    "Slept eight hours and felt fresh this morning.",
    "I took a rest day yesterday and went swimming instead.",
    "Finished the parkrun in 24 minutes, a new best.",
    "My legs were a bit tired after the track session but fine now.",
    "I wore my running belt with two gels and my phone.",
    "The trail was muddy and I slowed down on the descents.",
    "I drank plenty of water and had electrolytes on the long run.",
    "Can't wait to get out there again tomorrow.",
    "Running in the heat is tough but I'm adapting.",
    "Hopefully the weather holds for Sunday.",
    "My alarm woke me up at 5 for the long run.",
    "I've been running for years and never had a problem.",
    "Popped some ibuprofen before bed, all good now.",
    "It was 38C out so I ran at dawn.",
    "Woke up in the middle of the night to pee, then back to sleep.",
    "My legs felt dead on the hills today, just tired.",
    "My foot fell asleep while I was sitting on the floor.",
    "I collapsed on the sofa after the race, happy and tired.",
    "Chest felt fine, breathing felt fine, just slow legs.",
]


@pytest.mark.parametrize("text", BENIGN)
def test_everyday_running_talk_raises_no_red_flag(text: str) -> None:
    result = packaged_engine().assess(Case(text=text))
    assert [h.finding_id for h in result.red_flags] == []
    assert result.triage != "emergency"
