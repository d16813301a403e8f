"""Check the runner-posts evaluation set (tests/engine/data/runner_posts/*.jsonl) against the spec.

Usage: python tools/check_runner_posts.py [--spec DIR] [--seed FILE] [FILE.jsonl ...]

DIR defaults to ../shared/spec next to the project folder (or $RUNCOACH_SHARED/spec). Checks every
line: the fields, ids from conditions.yaml / findings.yaml, 5-10 findings, the expected triage and
run decision worked out exactly as spec/README.md says (condition defaults, red_flag_level,
min_triage, min_run_decision, any red flag -> red), and that the post does not copy the articles
or the spec's question text (8 words in a row). Prints counts per file and condition; exit 1 on
any error.
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

ROOT = Path(__file__).resolve().parents[1]
POSTS = ROOT / "tests/engine/data/runner_posts"
TRIAGE = ["self_care", "routine", "urgent", "emergency"]
RUN = ["green", "yellow", "red"]
FIELDS = {"id", "text", "age", "sex", "findings", "expected", "note"}
EXPECTED_FIELDS = {"condition", "acceptable", "triage", "run_decision"}
SHINGLE = 8


def shared_dir() -> Path:
    env = os.environ.get("RUNCOACH_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def shingles(text: str, n: int = SHINGLE) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def expected_for(cond: dict, findings: dict[str, bool], fmap: dict[str, dict]) -> tuple[str, str]:
    triage = TRIAGE.index(cond["default_triage"])
    run = RUN.index(cond["default_run_decision"])
    for fid, value in findings.items():
        if value is not True:
            continue
        f = fmap[fid]
        if f.get("red_flag"):
            triage = max(triage, TRIAGE.index(f["red_flag_level"]))
            run = RUN.index("red")
        if f.get("min_triage"):
            triage = max(triage, TRIAGE.index(f["min_triage"]))
        if f.get("min_run_decision"):
            run = max(run, RUN.index(f["min_run_decision"]))
    return TRIAGE[triage], RUN[run]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--spec", type=Path, default=shared_dir() / "spec")
    ap.add_argument("--seed", type=Path, default=shared_dir() / "seed" / "coaching-articles.txt")
    ap.add_argument("files", nargs="*", type=Path)
    args = ap.parse_args()

    conds_doc = yaml.safe_load((args.spec / "conditions.yaml").read_text(encoding="utf-8"))
    finds_doc = yaml.safe_load((args.spec / "findings.yaml").read_text(encoding="utf-8"))
    cmap = {c["id"]: c for c in conds_doc["conditions"]}
    fmap = {f["id"]: f for f in finds_doc["findings"]}
    articles = [a["id"] for a in conds_doc["articles"]]

    banned: set[tuple[str, ...]] = set()
    for f in fmap.values():
        banned |= shingles(f["question"])
    if args.seed.exists():
        banned |= shingles(args.seed.read_text(encoding="utf-8"))
    else:
        print(f"warning: {args.seed} not found; not checking for copied article text", file=sys.stderr)

    files = [f if f.exists() else POSTS / f.name for f in args.files] or sorted(POSTS.glob("*.jsonl"))
    errors: list[str] = []
    warnings: list[str] = []
    seen_ids: set[str] = set()
    seen_texts: dict[str, str] = {}
    for path in files:
        article = path.stem
        if article not in articles:
            errors.append(f"{path.name}: {article} is not an article id")
        per_cond: Counter[str] = Counter()
        triages: Counter[str] = Counter()
        lines = path.read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines, 1):
            where = f"{path.name}:{n}"
            if not line.strip():
                errors.append(f"{where}: blank line")
                continue
            try:
                case = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: bad JSON ({e})")
                continue
            err = lambda msg: errors.append(f"{where} {case.get('id')}: {msg}")  # noqa: E731
            warn = lambda msg: warnings.append(f"{where} {case.get('id')}: {msg}")  # noqa: E731
            if set(case) != FIELDS:
                err(f"fields {sorted(case)} != {sorted(FIELDS)}")
                continue
            cid = case["id"]
            if not re.fullmatch(rf"{re.escape(article)}-\d{{3}}", cid):
                err("id must be <article>-NNN")
            if cid in seen_ids:
                err("duplicate id")
            seen_ids.add(cid)
            text = case["text"]
            if not isinstance(text, str) or not text.strip():
                err("empty text")
                continue
            key = " ".join(words(text))
            if key in seen_texts:
                err(f"same text as {seen_texts[key]}")
            seen_texts[key] = cid
            copied = shingles(text) & banned
            if copied:
                err(f"copies article/spec wording: {' '.join(sorted(copied)[0])!r}")
            if not isinstance(case["age"], int) or not 10 <= case["age"] <= 95:
                err("age must be an int 10-95")
            if case["sex"] not in ("male", "female"):
                err("sex must be male or female")
            if not isinstance(case["note"], str) or not case["note"].strip() or "\n" in case["note"]:
                err("note must be one non-empty line")
            exp = case["expected"]
            if not isinstance(exp, dict) or set(exp) != EXPECTED_FIELDS:
                err(f"expected fields must be {sorted(EXPECTED_FIELDS)}")
                continue
            cond = cmap.get(exp["condition"])
            if cond is None:
                err(f"unknown condition {exp['condition']}")
                continue
            in_article = cond["article"] == article or any(
                a.get("article") == article for a in cond.get("also_in") or []
            )
            if not in_article:
                err(f"{cond['id']} is not discussed in {article}")
            per_cond[cond["id"]] += 1
            acc = exp["acceptable"]
            if not isinstance(acc, list) or len(set(acc)) != len(acc):
                err("acceptable must be a list without repeats")
            else:
                for a in acc:
                    if a not in cmap:
                        err(f"acceptable: unknown condition {a}")
                    if a == cond["id"]:
                        err("acceptable repeats the expected condition")
            fnd = case["findings"]
            if not isinstance(fnd, dict) or not 5 <= len(fnd) <= 10:
                err("findings must hold 5-10 answers")
                continue
            bad = [k for k in fnd if k not in fmap]
            if bad:
                err(f"unknown findings {bad}")
                continue
            if any(not isinstance(v, bool) for v in fnd.values()):
                err("finding answers must be true/false")
                continue
            age = case["age"]
            for fid, test in (("age_over_40", age >= 40), ("age_over_50", age >= 50), ("age_under_18", age < 18)):
                if fid in fnd and fnd[fid] != test:
                    err(f"{fid}={fnd[fid]} but age is {age}")
            if "female_irregular_periods" in fnd and fnd["female_irregular_periods"] and case["sex"] != "female":
                err("female_irregular_periods true for a male runner")
            keys_true = [k for k in cond["key_findings"] if fnd.get(k) is True]
            if not keys_true:
                err(f"no key finding of {cond['id']} is true")
            against = [k for k in cond.get("findings_against") or [] if fnd.get(k) is True]
            if against:
                warn(f"findings against {cond['id']} answered yes: {against}")
            if not any(v is False for v in fnd.values()):
                warn("no finding answered false")
            triage, run = expected_for(cond, fnd, fmap)
            if exp["triage"] != triage:
                err(f"triage {exp['triage']} but the rules give {triage}")
            if exp["run_decision"] != run:
                err(f"run_decision {exp['run_decision']} but the rules give {run}")
            if triage == "emergency" and run != "red":
                err("emergency must come with red")
            if triage == "urgent" and run == "green":
                err("urgent must not come with green")
            triages[exp["triage"]] += 1
        missing = [c for c, v in cmap.items() if v["article"] == article and per_cond[c] < 4]
        if missing:
            errors.append(f"{path.name}: fewer than 4 cases for {missing}")
        print(f"{path.name}: {sum(per_cond.values())} cases, {len(per_cond)} conditions; triage {dict(triages)}")
        for c, k in sorted(per_cond.items()):
            print(f"    {c}: {k}")
    for w in warnings:
        print("warning:", w, file=sys.stderr)
    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
