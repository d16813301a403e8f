"""Timing helper shared by the benchmarks (a leading underscore: ``python -m bench`` skips it)."""

from __future__ import annotations

import time
from collections.abc import Callable


def best(fn: Callable[[], object], repeat: int) -> float:
    """Best of ``repeat`` wall-clock timings, in seconds."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return min(times)
