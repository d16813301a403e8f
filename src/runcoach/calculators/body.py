"""Heart rate, cadence, breathing rhythm and altitude from the knowledge base's numbers (pure)."""

from __future__ import annotations

from runcoach.calculators import FT_PER_M, Calculation, Line, rounded, span
from runcoach.knowledge.guidance import Figure, Guidance
from runcoach.knowledge.today import Sentence, TodayKnowledge
from runcoach.units import METRES_PER, Unit, format_duration


def _line(key: str, label: str, value: str, sentence: Sentence) -> Line:
    return Line(key, label, value, sentence.text, sentence.src)


def _fig(key: str, label: str, value: str, figure: Figure) -> Line:
    return Line(key, label, value, figure.note, figure.src)


def heart_rate(g: Guidance, t: TodayKnowledge, *, age: int, resting: int | None = None) -> Calculation:
    """Estimated maximum heart rate (220 - age, with its caveat), zones, and resting ranges."""
    hr = g.heart_rate
    max_hr = hr.estimated_max_hr(age)
    bands = [
        (z, rounded(max_hr * z.min_pct / 100), rounded(max_hr * z.max_pct / 100)) for z in t.hr_zones.zones
    ]
    zones = [{"id": z.id, "label": z.label, "bpm": [low, high]} for z, low, high in bands]
    values: dict[str, object] = {"max_hr": max_hr, "zones": zones}
    lines = [_line("max_hr", "estimated maximum", f"{max_hr} bpm", t.calc_text.max_hr_caveat)]
    lines += [Line(z.id, z.label, span(low, high, "bpm"), "", "convention") for z, low, high in bands]
    lines.append(
        Line(
            "moderate",
            "moderate running",
            span(hr.moderate_effort.low, hr.moderate_effort.high, "bpm"),
            hr.moderate_effort.note,
            hr.moderate_effort.src,
        )
    )
    if resting is not None:
        values["resting"] = {"bpm": resting, "range": _resting_range(g, resting)}
        sentence = getattr(t.calc_text, f"resting_{_resting_range(g, resting)}")
        lines.append(_line("resting", "your resting rate", f"{resting} bpm", sentence))
        rise = hr.resting_rise_warning
        easy_low, easy_high = resting + rise.low, resting + rise.high
        values["easy_day_from_bpm"] = [easy_low, easy_high]
        lines.append(
            Line("easy_day", "easy day or rest from", span(easy_low, easy_high, "bpm"), rise.note, rise.src)
        )
    caveats = (t.calc_text.max_hr_caveat.text, t.hr_zones.note)
    return Calculation("hr", {"age": age, "resting": resting}, values, tuple(lines), caveats)


def _resting_range(g: Guidance, resting: int) -> str:
    hr = g.heart_rate
    if resting > hr.resting_normal.high:
        return "high"
    if resting >= hr.resting_normal.low:
        return "in_range"
    return "trained" if resting >= hr.resting_well_trained.low else "low"


def cadence(
    g: Guidance, t: TodayKnowledge, *, spm: float, pace_s_per_m: float | None = None, unit: Unit = "km"
) -> Calculation:
    """Cadence against the articles' target; with a pace, the step length now and at the target."""
    c, target = g.cadence, g.cadence.target
    status = "low" if spm < target.low else "high" if spm > target.high else "ok"
    values: dict[str, object] = {"spm": rounded(spm), "target": [target.low, target.high], "status": status}
    lines = [
        _line("cadence", "your cadence", f"{rounded(spm)} spm", getattr(t.calc_text, f"cadence_{status}")),
        _fig("target", "target", span(target.low, target.high, "spm"), target),
    ]
    if pace_s_per_m is not None:
        speed = 1 / pace_s_per_m  # metres per second
        step, step_target = speed * 60 / spm, speed * 60 / target.low
        values["step_m"], values["step_at_target_m"] = round(step, 2), round(step_target, 2)
        values["pace"] = format_duration(pace_s_per_m * METRES_PER[unit]) + f"/{unit}"
        shown = f"{step:.2f} m (at {target.low:g} spm: {step_target:.2f} m)"
        lines.append(Line("step", "step length", shown, c.cues[0].text, c.cues[0].src))
    lines.append(_fig("low_example", "for reference", f"{c.low_example.high:g} spm", c.low_example))
    lines.append(
        _fig("count", "to check", f"count steps for {c.count_drill.high:g} s, times 2", c.count_drill)
    )
    inputs = {"spm": spm, "pace_s_per_km": round(pace_s_per_m * 1000, 1) if pace_s_per_m else None}
    return Calculation("cadence", inputs, values, tuple(lines))


def efforts(t: TodayKnowledge) -> list[str]:
    return [e.effort for e in t.breathing_efforts]


def breathing(g: Guidance, t: TodayKnowledge, *, effort: str) -> Calculation:
    """The breathing rhythms (steps per inhale and exhale) for an effort; ``effort`` must be known."""
    chosen = next(e for e in t.breathing_efforts if e.effort == effort)
    by_id = {r.id: r for r in g.breathing.rhythms}
    rhythms = [by_id[rid] for rid in chosen.rhythms]
    values: dict[str, object] = {
        "effort": effort,
        "rhythms": [
            {"id": r.id, "inhale_steps": r.inhale_steps, "exhale_steps": r.exhale_steps} for r in rhythms
        ],
    }
    lines = [
        Line(
            r.id,
            r.use,
            f"{'-'.join(map(str, r.inhale_steps))}:{'-'.join(map(str, r.exhale_steps))}",
            r.note,
            r.src,
        )
        for r in rhythms
    ]
    b = g.breathing
    if effort == "cold_start":
        lines.append(
            Line(
                "nasal",
                "nose only for",
                span(b.nasal_start_in_cold.low, b.nasal_start_in_cold.high, "min"),
                b.nasal_start_in_cold.note,
                b.nasal_start_in_cold.src,
            )
        )
    lines.append(
        Line("talk", "talk test", f"{b.talk_share.low:g}%+ of the run", b.talk_share.note, b.talk_share.src)
    )
    return Calculation("breathing", {"effort": effort}, values, tuple(lines))


def altitude(g: Guidance, t: TodayKnowledge, *, altitude_m: float, days: int | None = None) -> Calculation:
    """Whether a height is high enough to matter, and how many days settling in takes."""
    w, text = g.weather, t.calc_text
    threshold_m = next(a.low for a in w.altitude.alt if a.unit == "metres")
    above = altitude_m >= threshold_m
    values: dict[str, object] = {
        "altitude_m": rounded(altitude_m),
        "altitude_ft": rounded(altitude_m * FT_PER_M),
        "threshold_m": threshold_m,
        "threshold_ft": w.altitude.low,
        "above": above,
    }
    shown = f"{rounded(altitude_m)} m ({rounded(altitude_m * FT_PER_M)} ft)"
    lines = [
        _line("altitude", "your altitude", shown, text.altitude_above if above else text.altitude_below),
        _fig("threshold", "matters from", f"{threshold_m:g} m ({w.altitude.low:g} ft)", w.altitude),
    ]
    if above:
        settle, stage = w.altitude_settle, w.altitude_staging
        values["settle_days"], values["staging_days"] = [settle.low, settle.high], [stage.low, stage.high]
        lines.append(_fig("settle", "settling in", span(settle.low, settle.high, "days"), settle))
        lines.append(_fig("staging", "before a high race", span(stage.low, stage.high, "days"), stage))
        if days is not None:
            values["settled"] = done = days >= settle.high
            sentence = text.altitude_settled if done else text.altitude_settling
            lines.append(
                _line("day", "you have been there", f"{days} day{'' if days == 1 else 's'}", sentence)
            )
    return Calculation("altitude", {"altitude_m": rounded(altitude_m), "days": days}, values, tuple(lines))
