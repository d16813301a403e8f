"""Normalise the many ways files name a sport into runcoach's nine.

Files say ``running``, ``Run``, ``Biking``, ``9`` (Strava GPX), ``running/treadmill`` (FIT sport and
sub_sport), ``Trail Run`` or a FIT code the profile does not know. Words are matched whole, never
as substrings, so "Swim before brunch" stays a swim and "strides" is not a ride.
"""

from __future__ import annotations

import re

#: whole-word aliases (after lower-casing and turning separators into "_")
_ALIASES: dict[str, str] = {
    **dict.fromkeys(
        (
            "running",
            "run",
            "jogging",
            "jog",
            "road_running",
            "street_running",
            "track_running",
            "track",
            "ultra",
            "ultra_run",
            "obstacle_run",
        ),
        "running",
    ),
    **dict.fromkeys(("trail_running", "trail_run", "trail", "trailrun", "mountain_running"), "trail_running"),
    **dict.fromkeys(
        (
            "treadmill_running",
            "treadmill",
            "indoor_running",
            "indoor_run",
            "virtual_run",
            "virtualrun",
            "treadmill_run",
        ),
        "treadmill_running",
    ),
    **dict.fromkeys(
        (
            "walking",
            "walk",
            "casual_walking",
            "speed_walking",
            "indoor_walking",
            "nordic_walking",
            "fitness_walking",
        ),
        "walking",
    ),
    **dict.fromkeys(("hiking", "hike", "mountaineering", "snowshoe", "snowshoeing"), "hiking"),
    **dict.fromkeys(
        (
            "cycling",
            "biking",
            "bike",
            "ride",
            "virtual_ride",
            "virtualride",
            "mountain_biking",
            "mountain_bike",
            "mtb",
            "road_biking",
            "road_cycling",
            "gravel",
            "gravel_cycling",
            "gravel_ride",
            "e_bike_ride",
            "ebikeride",
            "e_biking",
            "e_bike",
            "indoor_cycling",
            "spin",
            "spinning",
            "cyclocross",
            "bmx",
            "commuting",
            "velomobile",
            "handcycle",
            "e_mountain_bike_ride",
            "emountainbikeride",
            "virtual_activity",
        ),
        "cycling",
    ),
    **dict.fromkeys(
        (
            "swimming",
            "swim",
            "lap_swimming",
            "open_water",
            "open_water_swimming",
            "pool_swim",
            "pool_swimming",
        ),
        "swimming",
    ),
    **dict.fromkeys(
        ("multisport", "multi_sport", "triathlon", "duathlon", "aquathlon", "brick"), "multisport"
    ),
}

#: FIT sub_sport values that refine a running session
_RUN_SUB = {
    "trail": "trail_running",
    "treadmill": "treadmill_running",
    "indoor_running": "treadmill_running",
    "virtual_activity": "treadmill_running",
}

#: Strava writes its activity-type number into GPX <type>
_STRAVA_CODES = {
    "1": "cycling",
    "4": "hiking",
    "9": "running",
    "10": "walking",
    "16": "swimming",
    "17": "cycling",
}

#: FIT sport codes for devices whose profile names are missing (fitdecode then yields the number)
_FIT_CODES = {
    0: "other",
    1: "running",
    2: "cycling",
    5: "swimming",
    11: "walking",
    17: "hiking",
    18: "multisport",
}


def _key(label: str) -> str:
    return re.sub(r"[\s\-/.]+", "_", label.strip().lower()).strip("_")


def normalise_sport(label: str | int | None, sub_sport: str | int | None = None) -> str:
    """One of the nine runcoach sports for a file's sport label (and FIT sub_sport)."""
    if label is None or label == "":
        return "other"
    if isinstance(label, int):
        base = _FIT_CODES.get(label, "other")
    else:
        key = _key(label)
        base = _ALIASES.get(key) or _STRAVA_CODES.get(key) or _by_words(key)
    if base == "running" and isinstance(sub_sport, str):
        return _RUN_SUB.get(_key(sub_sport), "running")
    if base == "walking" and isinstance(sub_sport, str) and _key(sub_sport) == "hiking":
        return "hiking"
    return base


def _by_words(key: str) -> str:
    """Match a multi-word label ("Morning trail run", "Lauf") word by word, most specific first."""
    words = set(key.split("_"))
    if words & {"treadmill", "laufband"}:
        return "treadmill_running"
    if "trail" in words and words & {"run", "running", "lauf"}:
        return "trail_running"
    for word in key.split("_"):
        found = _ALIASES.get(word)
        if (found and found != "multisport") or word in {"triathlon", "multisport"}:
            return _ALIASES[word]
    if words & {"lauf", "laufen", "course", "carrera", "corsa", "hardloop", "hardlopen"}:
        return "running"
    return "other"


def raw_label(sport: str | int | None, sub_sport: str | int | None = None) -> str | None:
    """The file's own label, FIT style ``sport/sub_sport`` (``generic`` sub-sports left out)."""
    if sport is None or sport == "":
        return None
    text = f"sport code {sport}" if isinstance(sport, int) else str(sport)
    if sub_sport not in (None, "", "generic", 0):
        sub = f"code {sub_sport}" if isinstance(sub_sport, int) else str(sub_sport)
        text = f"{text}/{sub}"
    return text
