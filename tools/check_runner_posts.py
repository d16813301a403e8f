"""Validate the runner-post evaluation cases in tests/engine/data/runner_posts/*.jsonl.

Usage:
    python tools/check_runner_posts.py [--spec DIR] [FILE.jsonl ...]

Checks each line against the shared spec (conditions.yaml, findings.yaml): ids exist,
5-10 findings, age findings agree with the age, and expected triage / run decision equal
what spec/README.md implies (condition defaults + escalations of findings answered true).
Also reports cases per condition, warns when a finding question or a long run of article
wording is copied into a post, and fails when a condition of the file's article has fewer
than 4 cases. Exit status 0 when there are no errors.

The spec folder is found with --spec, else $RUNCOACH_SPEC, else the first `shared/spec`
folder above this repository.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

TRIAGE = ["self_care", "routine", "urgent", "emergency"]
RUN = ["green", "yellow", "red"]
REPO = Path(__file__).resolve().parent.parent
POSTS = REPO / "tests" / "engine" / "data" / "runner_posts"
KEYS = {"id", "text", "age", "sex", "findings", "expected", "note"}
EXP_KEYS = {"condition", "acceptable", "triage", "run_decision"}


def find_spec(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    if os.environ.get("RUNCOACH_SPEC"):
        return Path(os.environ["RUNCOACH_SPEC"])
    for parent in REPO.parents:
        cand = parent / "shared" / "spec"
        if (cand / "conditions.yaml").exists():
            return cand
    sys.exit("spec folder not found: pass --spec DIR or set RUNCOACH_SPEC")


def implied(cond: dict, findings: dict, fmap: dict) -> tuple[str, str]:
    """spec/README.md: most severe of default and escalations of findings answered true."""
    t = TRIAGE.index(cond["default_triage"])
    r = RUN.index(cond["default_run_decision"])
    for fid, val in findings.items():
        f = fmap.get(fid)
        if not val or not f:
            continue
        if f.get("red_flag"):
            t = max(t, TRIAGE.index(f["red_flag_level"]))
            r = RUN.index("red")
        if f.get("min_triage"):
            t = max(t, TRIAGE.index(f["min_triage"]))
        if f.get("min_run_decision"):
            r = max(r, RUN.index(f["min_run_decision"]))
    return TRIAGE[t], RUN[r]


def shingles(text: str, n: int = 7) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spec")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    spec = find_spec(args.spec)
    cond_doc = yaml.safe_load((spec / "conditions.yaml").read_text(encoding="utf-8"))
    cmap = {c["id"]: c for c in cond_doc["conditions"]}
    fmap = {f["id"]: f for f in yaml.safe_load((spec / "findings.yaml").read_text(encoding="utf-8"))["findings"]}
    articles = {a["id"] for a in cond_doc["articles"]}
    seed = spec.parent / "seed" / "coaching-articles.txt"
    seed_sh = shingles(seed.read_text(encoding="utf-8")) if seed.exists() else set()

    files = [Path(f) for f in args.files] or sorted(POSTS.glob("*.jsonl"))
    errors = warnings = 0

    def err(msg: str) -> None:
        nonlocal errors
        errors += 1
        print("ERROR", msg)

    def warn(msg: str) -> None:
        nonlocal warnings
        warnings += 1
        print("warn ", msg)

    for path in files:
        art = path.stem
        if art not in articles:
            err(f"{path.name}: {art} is not an article id")
            continue
        per_cond: Counter = Counter()
        triage_mix: Counter = Counter()
        seen = set()
        expected_num = 1
        texts = set()
        for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{ln}"
            if not line.strip():
                err(f"{where}: blank line")
                continue
            try:
                case = json.loads(line)
            except json.JSONDecodeError as exc:
                err(f"{where}: bad JSON ({exc})")
                continue
            if set(case) != KEYS:
                err(f"{where}: keys {sorted(case)} != {sorted(KEYS)}")
            cid = case.get("id", "")
            where = f"{path.name}:{ln} {cid}"
            if cid != f"{art}-{expected_num:03d}":
                err(f"{where}: id should be {art}-{expected_num:03d}")
            expected_num += 1
            if cid in seen:
                err(f"{where}: duplicate id")
            seen.add(cid)
            text = case.get("text")
            if not isinstance(text, str) or len(text.strip()) < 10:
                err(f"{where}: text missing or too short")
                text = ""
            if text in texts:
                err(f"{where}: duplicate text")
            texts.add(text)
            age, sex = case.get("age"), case.get("sex")
            if not isinstance(age, int) or isinstance(age, bool) or not 10 <= age <= 90:
                err(f"{where}: bad age {age!r}")
                age = None
            if sex not in ("male", "female"):
                err(f"{where}: bad sex {sex!r}")
            if not isinstance(case.get("note"), str) or not case["note"].strip():
                err(f"{where}: note missing")
            fnd = case.get("findings") or {}
            if not isinstance(fnd, dict) or not 5 <= len(fnd) <= 10:
                err(f"{where}: need 5-10 findings, got {len(fnd) if isinstance(fnd, dict) else fnd!r}")
                fnd = fnd if isinstance(fnd, dict) else {}
            for fid, val in fnd.items():
                if fid not in fmap:
                    err(f"{where}: unknown finding {fid}")
                if not isinstance(val, bool):
                    err(f"{where}: finding {fid} must be true/false")
            if age is not None:
                for fid, ok in (("age_over_40", age >= 40), ("age_over_50", age >= 50),
                                ("age_under_18", age < 18)):
                    if fid in fnd and fnd[fid] != ok:
                        err(f"{where}: {fid}={fnd[fid]} but age {age}")
            if sex == "male" and fnd.get("female_irregular_periods"):
                err(f"{where}: female_irregular_periods true for a male")
            exp = case.get("expected") or {}
            if set(exp) != EXP_KEYS:
                err(f"{where}: expected keys {sorted(exp)}")
            cond_id = exp.get("condition")
            cond = cmap.get(cond_id)
            if not cond:
                err(f"{where}: unknown condition {cond_id}")
                continue
            homes = {cond["article"]} | {a.get("article") for a in cond.get("also_in") or []}
            if art not in homes:
                err(f"{where}: {cond_id} belongs to {sorted(homes)}, not {art}")
            acc = exp.get("acceptable")
            if not isinstance(acc, list):
                err(f"{where}: acceptable must be a list")
                acc = []
            for a in acc:
                if a not in cmap:
                    err(f"{where}: unknown acceptable {a}")
                if a == cond_id:
                    err(f"{where}: acceptable repeats the condition")
            if len(set(acc)) != len(acc):
                err(f"{where}: duplicate acceptable ids")
            t, r = implied(cond, fnd, fmap)
            if (exp.get("triage"), exp.get("run_decision")) != (t, r):
                err(f"{where}: expected {exp.get('triage')}/{exp.get('run_decision')}, rules give {t}/{r}")
            per_cond[cond_id] += 1
            triage_mix[t] += 1
            # quality warnings
            key = set(cond.get("key_findings") or [])
            if not any(fnd.get(k) for k in key):
                warn(f"{where}: no key finding of {cond_id} answered true")
            against = [k for k in cond.get("findings_against") or [] if fnd.get(k)]
            if against:
                warn(f"{where}: findings against {cond_id} answered true: {against}")
            low = text.lower()
            for fid, f in fmap.items():
                q = f["question"].lower().rstrip("?")
                if len(q) > 25 and q in low:
                    err(f"{where}: text copies the question of {fid}")
            copied = shingles(text) & seed_sh
            if copied:
                warn(f"{where}: {len(copied)} 7-word runs shared with the articles, e.g. {' '.join(next(iter(copied)))!r}")
        own = [c for c, v in cmap.items() if v["article"] == art]
        for c in own:
            if per_cond[c] < 4:
                err(f"{path.name}: {c} has {per_cond[c]} cases (need 4)")
        print(f"{path.name}: {sum(per_cond.values())} cases; "
              + ", ".join(f"{c}={n}" for c, n in sorted(per_cond.items()))
              + "; triage " + ", ".join(f"{k}={triage_mix[k]}" for k in TRIAGE if triage_mix[k]))
    print(f"{errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
