"""Load and check the knowledge base.

``load_knowledge()`` reads every YAML file under ``knowledge/data`` (package data), validates each
with its pydantic model, then checks the references between files (finding ids, regions, article
sections). Problems are collected across all files and raised together as one
:class:`~runcoach.errors.KnowledgeError`; nothing is returned unless everything is valid.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from runcoach.errors import KnowledgeError
from runcoach.knowledge.models import (
    ArticleFile,
    ArticleMeta,
    Condition,
    Escalation,
    Finding,
    FindingsFile,
    LexiconFile,
    Meta,
    Region,
)
from runcoach.knowledge.patterns import PatternError, compile_patterns

M = TypeVar("M", bound=BaseModel)

try:  # libyaml is much faster; fall back to the pure-Python loader where it is missing
    _YamlLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _YamlLoader = yaml.SafeLoader


def default_data_dir() -> Path:
    """The packaged data folder (works from a wheel as well as from a checkout)."""
    return Path(str(resources.files("runcoach.knowledge") / "data"))


@dataclass(frozen=True)
class SourceRef:
    """Where a fact comes from: an article and the heading path of one of its sections."""

    article: str
    section: str

    def label(self, kb: KnowledgeBase) -> str:
        return f"{kb.articles[self.article].short_name} > {self.section}"


@dataclass(frozen=True)
class Lexicon:
    """Merged lexicon: patterns per finding (present / absent) and names per condition."""

    present: dict[str, tuple[str, ...]]
    absent: dict[str, tuple[str, ...]]
    condition_names: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything runcoach knows, validated and cross-checked."""

    meta: Meta
    findings: dict[str, Finding]
    conditions: dict[str, Condition]
    escalations: tuple[Escalation, ...]
    #: article id -> section key -> heading path
    sections: dict[str, dict[str, str]]
    #: condition id -> article id of the file it is defined in
    condition_article: dict[str, str]
    lexicon: Lexicon
    data_dir: Path
    regions: dict[str, Region] = field(default_factory=dict)
    articles: dict[str, ArticleMeta] = field(default_factory=dict)

    def source(self, condition_id: str, src: str) -> SourceRef:
        """Resolve an ``src`` key used inside a condition to its article and heading path."""
        article, key = _split_src(src, self.condition_article[condition_id])
        return SourceRef(article, self.sections[article][key])

    def condition(self, condition_id: str) -> Condition:
        from runcoach.errors import NotFoundError

        try:
            return self.conditions[condition_id]
        except KeyError:
            raise NotFoundError(
                f"unknown condition id {condition_id!r}",
                hint="`runcoach conditions` lists every condition with its id",
            ) from None


def _split_src(src: str, own_article: str) -> tuple[str, str]:
    if "/" in src:
        article, key = src.split("/", 1)
        return article, key
    return own_article, src


class _Problems:
    """Collects problems as ``file: entry: field: message`` lines."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.lines.append(f"{where}: {message}")

    def raise_if_any(self) -> None:
        if self.lines:
            shown = "\n  ".join(self.lines[:60])
            more = f"\n  ... and {len(self.lines) - 60} more" if len(self.lines) > 60 else ""
            raise KnowledgeError(
                f"the knowledge base does not validate ({len(self.lines)} problems):\n  {shown}{more}",
                hint="fix the data files named above; `runcoach knowledge --check` re-runs this check",
            )


def _read_yaml(path: Path, problems: _Problems, rel: str) -> Any:
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_YamlLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problems.add(f"{rel}{line}", f"not valid YAML: {getattr(exc, 'problem', exc)}")
    except OSError as exc:
        problems.add(rel, f"cannot read: {exc.strerror}")
    return None


def _entry_name(raw: Any, loc: tuple[int | str, ...]) -> str:
    """Turn a pydantic error location into ``entry_id: dotted.field``."""
    node = raw
    entry = ""
    path: list[str] = []
    for part in loc:
        if isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            ident = node.get("id") if isinstance(node, dict) else None
            if ident and not entry:
                entry = str(ident)
                path = []
                continue
            path.append(f"[{part}]")
            continue
        if isinstance(node, dict) and part in node:
            node = node[part]
        path.append(str(part))
    dotted = ".".join(path).replace(".[", "[")
    if entry and dotted:
        return f"{entry}: {dotted}"
    return entry or dotted or "(top level)"


def _validate(model: type[M], raw: Any, rel: str, problems: _Problems) -> M | None:
    if raw is None:
        problems.add(rel, "the file is empty")
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            message = str(err["msg"]).removeprefix("Value error, ")
            problems.add(f"{rel}: {_entry_name(raw, tuple(err['loc']))}", message)
        return None


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []


def load_knowledge(data_dir: Path | None = None) -> KnowledgeBase:
    """Load, validate and cross-check the knowledge base (cached for the packaged data)."""
    if data_dir is None:
        return _load_packaged()
    return _load(Path(data_dir))


@functools.cache
def _load_packaged() -> KnowledgeBase:
    return _load(default_data_dir())


def _load(root: Path) -> KnowledgeBase:
    problems = _Problems()
    meta = _validate(Meta, _read_yaml(root / "meta.yaml", problems, "meta.yaml"), "meta.yaml", problems)
    ffile = _validate(
        FindingsFile, _read_yaml(root / "findings.yaml", problems, "findings.yaml"), "findings.yaml", problems
    )
    articles: list[tuple[str, ArticleFile]] = []
    for path in _yaml_files(root / "conditions"):
        rel = f"conditions/{path.name}"
        parsed = _validate(ArticleFile, _read_yaml(path, problems, rel), rel, problems)
        if parsed is not None:
            articles.append((rel, parsed))
    lexicons: list[tuple[str, LexiconFile]] = []
    for path in _yaml_files(root / "lexicon"):
        rel = f"lexicon/{path.name}"
        raw = _read_yaml(path, problems, rel)
        parsed_lex = _validate(LexiconFile, raw if raw is not None else {}, rel, problems)
        if parsed_lex is not None:
            lexicons.append((rel, parsed_lex))
    problems.raise_if_any()
    assert meta is not None and ffile is not None  # guaranteed by raise_if_any

    findings = _unique(((f.id, f) for f in ffile.findings), "findings.yaml", "finding", problems)
    conditions: dict[str, Condition] = {}
    condition_article: dict[str, str] = {}
    sections: dict[str, dict[str, str]] = {}
    article_ids = {a.id for a in meta.articles}
    for rel, art in articles:
        if art.article not in article_ids:
            problems.add(rel, f"article {art.article!r} is not listed in meta.yaml")
        if art.article in sections:
            problems.add(rel, f"a second file for article {art.article!r}")
        sections[art.article] = dict(art.sections)
        for cond in art.conditions:
            if cond.id in conditions:
                problems.add(f"{rel}: {cond.id}", "condition id defined twice")
            conditions[cond.id] = cond
            condition_article[cond.id] = art.article
    lexicon = _merge_lexicons(lexicons, findings, conditions, problems)
    for region in meta.regions:
        for word in region.words:
            _pattern_ok(word, f"meta.yaml: regions.{region.id}", problems)
    regions = {r.id: r for r in meta.regions}
    for esc in ffile.escalations:
        for fid in esc.all_of:
            if fid not in findings:
                problems.add(f"findings.yaml: escalations.{esc.id}", f"unknown finding id {fid!r}")
        if esc.source.article not in article_ids:
            problems.add(f"findings.yaml: escalations.{esc.id}", f"unknown article {esc.source.article!r}")
    kb = KnowledgeBase(
        meta=meta,
        findings=findings,
        conditions=conditions,
        escalations=tuple(ffile.escalations),
        sections=sections,
        condition_article=condition_article,
        lexicon=lexicon,
        data_dir=root,
        regions=regions,
        articles={a.id: a for a in meta.articles},
    )
    for rel, art in articles:
        for cond in art.conditions:
            _check_condition(kb, f"{rel}: {cond.id}", cond, problems)
    problems.raise_if_any()
    return kb


def _unique(
    pairs: Iterable[tuple[str, Finding]], rel: str, what: str, problems: _Problems
) -> dict[str, Finding]:
    out: dict[str, Finding] = {}
    for key, value in pairs:
        if key in out:
            problems.add(f"{rel}: {key}", f"{what} id defined twice")
        out[key] = value
    return out


def _merge_lexicons(
    lexicons: list[tuple[str, LexiconFile]],
    findings: dict[str, Finding],
    conditions: dict[str, Condition],
    problems: _Problems,
) -> Lexicon:
    present: dict[str, list[str]] = {}
    absent: dict[str, list[str]] = {}
    names: dict[str, list[str]] = {}
    for rel, lex in lexicons:
        for fid, patterns in lex.findings.items():
            if fid not in findings:
                problems.add(f"{rel}: findings.{fid}", "unknown finding id")
                continue
            for pat in patterns:
                target = absent if pat.startswith("!") else present
                clean = pat.lstrip("!").strip()
                if not _pattern_ok(clean, f"{rel}: findings.{fid}", problems):
                    continue
                if clean and clean not in target.setdefault(fid, []):
                    target[fid].append(clean)
        for cid, patterns in lex.conditions.items():
            if cid not in conditions:
                problems.add(f"{rel}: conditions.{cid}", "unknown condition id")
                continue
            for pat in patterns:
                if not _pattern_ok(pat, f"{rel}: conditions.{cid}", problems):
                    continue
                if pat not in names.setdefault(cid, []):
                    names[cid].append(pat)
    return Lexicon(
        present={k: tuple(v) for k, v in present.items()},
        absent={k: tuple(v) for k, v in absent.items()},
        condition_names={k: tuple(v) for k, v in names.items()},
    )


def _pattern_ok(pattern: str, where: str, problems: _Problems) -> bool:
    try:
        compile_patterns(pattern, "check")
    except PatternError as exc:
        problems.add(where, str(exc))
        return False
    return True


def _src_keys(cond: Condition) -> Iterator[tuple[str, str]]:
    for name in ("feels_like", "causes"):
        for i, item in enumerate(getattr(cond, name)):
            yield f"{name}[{i}].src", item.src
    for i, rule in enumerate(cond.run_rules):
        yield f"run_rules[{i}].src", rule.src
    advice = cond.advice
    for name in ("relief", "fixes", "prevention", "gear", "see_a_professional", "exercises"):
        for i, item in enumerate(getattr(advice, name)):
            yield f"advice.{name}[{i}].src", item.src
    if cond.recovery is not None:
        yield "recovery.src", cond.recovery.src
        for i, grade in enumerate(cond.recovery.by_grade):
            yield f"recovery.by_grade[{i}].src", grade.src
    for i, src in enumerate(cond.sources):
        yield f"sources[{i}]", src


def _check_condition(kb: KnowledgeBase, where: str, cond: Condition, problems: _Problems) -> None:
    for region in (cond.region, *cond.also_regions):
        if region not in kb.regions:
            problems.add(f"{where}: region", f"unknown region {region!r}")
    for side, evidence in (("for", cond.evidence_for), ("against", cond.evidence_against)):
        for fid in evidence:
            if fid not in kb.findings:
                problems.add(f"{where}: {side}.{fid}", "unknown finding id")
    for fid in cond.red_flags:
        finding = kb.findings.get(fid)
        if finding is None:
            problems.add(f"{where}: red_flags", f"unknown finding id {fid!r}")
        elif not finding.red_flag:
            problems.add(f"{where}: red_flags", f"{fid!r} is not a red-flag finding in findings.yaml")
    own = kb.condition_article[cond.id]
    for field_name, src in _src_keys(cond):
        article, key = _split_src(src, own)
        if article not in kb.sections:
            problems.add(f"{where}: {field_name}", f"no article file for {article!r} (src {src!r})")
        elif key not in kb.sections[article]:
            problems.add(f"{where}: {field_name}", f"unknown section key {key!r} in article {article!r}")


# Public names for other knowledge files that load the same way (guidance.yaml): read a YAML file,
# validate it with a model and collect problems as ``file: entry: field: message`` lines.
Problems = _Problems
read_yaml = _read_yaml
validate_model = _validate
