"""Throughput of `runcoach assess --jsonl` and start-up time of `runcoach --help`.

10,000 cases (the development vignettes and the runner posts, with their texts and random subsets
of their facts, seeded) go through one `runcoach assess --jsonl` call, process start included.
Baseline in the same run: a Python process that only parses and re-serialises the same JSON lines,
so the ratio shows what the assessment itself costs.

    python -m bench.assess_throughput [--cases 10000]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT.parent / "shared" / "eval" / "vignettes-dev.jsonl",
    *sorted((ROOT / "tests" / "engine" / "data" / "runner_posts").glob("*.jsonl")),
]
ECHO = (
    "import sys, json\nfor line in sys.stdin:\n    sys.stdout.write(json.dumps(json.loads(line)) + '\\n')\n"
)


def make_cases(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    pool = [
        json.loads(line) for src in SOURCES if src.exists() for line in src.read_text().splitlines() if line
    ]
    cases = []
    for i in range(n):
        v = rng.choice(pool)
        facts = list(v.get("findings", {}).items())
        known = dict(rng.sample(facts, k=rng.randint(0, len(facts)))) if facts else {}
        cases.append(
            {"id": f"b{i}", "text": v["text"], "age": v.get("age"), "sex": v.get("sex"), "findings": known}
        )
    return cases


def timed(cmd: list[str], payload: str) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, input=payload, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed: {proc.stderr[-500:]}")
    return elapsed, proc.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cases", type=int, default=10_000)
    args = ap.parse_args(argv)
    runcoach = str(Path(sys.executable).with_name("runcoach"))
    payload = "".join(json.dumps(c) + "\n" for c in make_cases(args.cases))
    help_s = min(timed([runcoach, "--help"], "")[0] for _ in range(3))
    echo_s, _ = timed([sys.executable, "-c", ECHO], payload)
    assess_s, out = timed([runcoach, "assess", "--jsonl"], payload)
    lines = out.count("\n")
    print(f"runcoach --help: {help_s * 1000:.0f} ms")
    print(
        f"assess --jsonl: {args.cases} cases in {assess_s:.2f} s "
        f"({1000 * assess_s / args.cases:.2f} ms/case), {lines} results"
    )
    print(
        f"baseline (parse + re-serialise the same lines): {echo_s:.2f} s; "
        f"assess / baseline = {assess_s / echo_s:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
