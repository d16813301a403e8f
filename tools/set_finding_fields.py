"""Maintenance script: set base_rate / screens_for on findings.yaml entries, keeping the file's layout.

Usage: python tools/set_finding_fields.py   (edits src/runcoach/knowledge/data/findings.yaml in place)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

FILE = Path(__file__).resolve().parents[1] / "src/runcoach/knowledge/data/findings.yaml"

BASE_RATES: dict[str, float] = {
    "age_over_40": 0.35,
    "age_over_50": 0.15,
    "age_under_18": 0.05,
    "female_irregular_periods": 0.04,
    "low_energy_intake": 0.06,
    "low_bone_density_or_vitamin_d": 0.04,
    "overweight_or_weight_gain": 0.2,
    "long_term_steroids": 0.01,
    "heavy_alcohol_use": 0.04,
    "known_asthma": 0.08,
    "known_allergies": 0.2,
    "previous_injury_same_area": 0.25,
    "prior_neck_injury_or_arthritis": 0.05,
    "calf_strains_recurring": 0.03,
    "leg_length_difference": 0.05,
    "no_strength_training": 0.45,
    "does_deep_squats_or_crossfit": 0.12,
    "mileage_jump_recent": 0.2,
    "added_speed_or_hills": 0.2,
    "high_volume_training": 0.15,
    "returning_after_break": 0.12,
    "no_rest_days": 0.15,
    "did_new_or_hard_workout": 0.2,
    "injured_during_sprint_or_speedwork": 0.05,
    "late_in_long_run_fatigued": 0.08,
    "core_work_or_lifting_when_fatigued": 0.03,
    "skipped_warmup": 0.2,
    "started_too_fast": 0.2,
    "long_run_over_hour": 0.25,
    "lots_of_downhill_running": 0.1,
    "cambered_roads": 0.12,
    "mostly_pavement": 0.45,
    "overstriding_heel_strike": 0.2,
    "forefoot_striker": 0.15,
    "worn_out_shoes": 0.2,
    "new_shoes": 0.1,
    "switched_to_minimalist_shoes": 0.04,
    "tight_narrow_shoes": 0.1,
    "toes_hit_shoe_end": 0.08,
    "sweaty_feet_cotton_socks": 0.1,
    "flat_feet_or_overpronation": 0.2,
    "high_arches": 0.1,
    "sits_all_day": 0.4,
    "laptop_phone_hunching": 0.35,
    "slept_awkwardly_or_travel": 0.06,
    "carried_heavy_pack_or_lifted": 0.1,
    "stressed_or_anxious": 0.3,
    "poor_sleep": 0.25,
    "wallet_back_pocket_or_hard_seat": 0.08,
    "tight_waistband_or_belt": 0.05,
    "cold_weather": 0.2,
    "dry_air_or_indoor_track": 0.08,
    "dusty_or_polluted_air": 0.08,
    "pollen_season": 0.2,
    "hot_weather": 0.2,
    "altitude_above_8000ft": 0.02,
    "smoke_or_strong_smells_trigger": 0.04,
    "ate_within_2_hours": 0.2,
    "heavy_fatty_or_spicy_meal": 0.07,
    "acidic_trigger_foods": 0.1,
    "sugary_or_salty_processed_food": 0.05,
    "gulped_drink_before_run": 0.07,
    "caffeine_or_preworkout": 0.3,
    "nicotine_use": 0.08,
    "alcohol_recent": 0.15,
    "red_meat_rich_diet": 0.1,
    "low_fluid_intake": 0.15,
    "dark_urine_or_thirst": 0.1,
    "heavy_sweating_salt_crust": 0.15,
    "plain_water_only_no_electrolytes": 0.25,
    "took_decongestant": 0.03,
    "uses_albuterol_inhaler": 0.05,
    "thyroid_medication": 0.03,
    "diet_pills_or_herbal_stimulants": 0.02,
    "new_medication": 0.05,
    "recreational_drugs": 0.01,
    "sudden_onset": 0.15,
    "gradual_onset_weeks": 0.2,
    "no_injury_moment": 0.3,
    "sharp_stabbing_pain": 0.12,
    "dull_ache": 0.2,
    "pain_worsens_during_run": 0.12,
    "pain_eases_once_warmed_up": 0.08,
    "pain_worse_after_run_cooled": 0.1,
    "stiff_after_sitting": 0.06,
    "morning_stiffness_loosens": 0.06,
    "improves_with_rest": 0.3,
    "pain_at_rest": 0.04,
    "night_pain_wakes_you": 0.03,
    "pain_constant_day_night": 0.02,
    "worsening_day_by_day": 0.03,
    "pain_for_months": 0.06,
    "symptoms_persist_despite_fixes": 0.06,
    "pain_when_walking": 0.06,
    "limping": 0.04,
    "pain_on_stairs": 0.05,
    "tender_to_press": 0.12,
    "local_swelling": 0.04,
    "recent_cold": 0.12,
    "resting_hr_up": 0.08,
    "run_down_dragging": 0.08,
    "muscle_twitches_cramps": 0.08,
    "worse_hard_efforts": 0.1,
}

SCREENS_FOR: dict[str, str] = {
    "recreational_drugs": "checks for a drug-related heart rhythm problem",
    "pain_at_rest": "rest pain can mean a bone stress injury or something other than a strain",
    "night_pain_wakes_you": "night pain can mean a stress fracture or something that needs a scan",
    "pain_constant_day_night": "constant pain needs a doctor's look",
    "worsening_day_by_day": "pain that keeps getting worse needs a doctor's look",
    "cant_bear_weight": "not being able to bear weight needs an examination",
    "hop_causes_sharp_pain": "the hop test checks for a stress fracture",
    "visible_bruising": "bruising means torn fibres: a grade 2 strain or worse",
    "felt_pop_or_snap": "a pop means a tear rather than a strain",
    "felt_kicked_or_shot": "that feeling is typical of a calf or Achilles tear",
    "muscle_dent_or_gap": "a dent means a full tear",
    "fever": "checks for an infection",
    "trouble_swallowing": "checks for a throat infection or swelling",
    "breathing_difficulty_at_rest": "checks for a breathing emergency",
    "blood_in_mucus": "blood in mucus should be checked",
    "neck_pain_sharp_or_worsening": "checks for a neck problem that needs a doctor",
    "arm_tingling_numbness": "checks for a pinched nerve in the neck",
    "dizziness": "checks for a problem that needs a doctor, not a stretch",
    "cant_turn_head": "a locked neck needs a doctor before you run",
    "visible_bulge_groin_or_belly": "checks for a hernia",
    "chest_pain_pressure": "checks for a heart emergency",
    "fainted": "checks for a dangerous heart rhythm",
    "near_fainting": "checks for a dangerous heart rhythm",
    "breathless_out_of_proportion": "checks for a heart emergency",
    "hr_over_180_at_rest": "checks for a dangerous heart rhythm",
    "cant_do_basic_movements": "checks for a severe tear",
    "cant_push_off_or_tiptoe": "checks for an Achilles or calf rupture",
    "gap_above_heel": "checks for an Achilles rupture",
    "swollen_lump_calf_or_knee": "checks for a serious swelling in the calf",
    "calf_warm_red_swollen": "rules out a blood clot (DVT)",
    "cant_move_toes_foot": "checks for compartment syndrome",
    "leg_foot_numb_tingling": "checks for nerve or circulation trouble",
    "redness_spreading": "checks for a spreading infection",
    "toe_joint_red_hot_swollen": "checks for gout or a joint infection",
}


def main() -> None:
    text = FILE.read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=  - id: )", text)
    out = []
    for block in blocks:
        m = re.match(r"  - id: (\w+)", block)
        if m:
            fid = m.group(1)
            block = re.sub(r"(?m)^    (base_rate|screens_for): .*\n", "", block)
            lines = block.split("\n")
            keep = len(lines)
            while keep > 1 and (not lines[keep - 1].strip() or lines[keep - 1].lstrip().startswith("#")):
                keep -= 1
            body = "\n".join(lines[:keep])
            trailing = "\n" + "\n".join(lines[keep:]) if keep < len(lines) else ""
            if fid in BASE_RATES:
                body += f"\n    base_rate: {BASE_RATES[fid]}"
            if fid in SCREENS_FOR:
                body += f"\n    screens_for: {json.dumps(SCREENS_FOR[fid])}"
            block = body + trailing
        out.append(block)
    FILE.write_text("".join(out), encoding="utf-8")


if __name__ == "__main__":
    main()
