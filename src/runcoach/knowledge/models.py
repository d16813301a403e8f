"""Pydantic models of the knowledge base.

The knowledge base is data: YAML files under ``knowledge/data`` validated by these models when
they load. A model never half-loads: any problem raises :class:`~runcoach.errors.KnowledgeError`
naming the file, the entry id, the field and what is wrong.

Vocabulary used throughout:

- *triage*: ``self_care`` < ``routine`` < ``urgent`` < ``emergency`` (how soon to see someone)
- *run decision*: ``green`` < ``yellow`` < ``red`` (how much running is allowed)
- *likelihood*: how often a finding is present when the runner has the condition, on a graded
  verbal scale that the engine turns into probabilities (see :data:`LIKELIHOOD`)
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

TriageLevel = Literal["self_care", "routine", "urgent", "emergency"]
RunDecision = Literal["green", "yellow", "red"]
FindingKind = Literal["symptom", "sign", "context", "history", "demographic"]
Prevalence = Literal["very_common", "common", "uncommon", "rare", "very_rare"]
Likelihood = Literal["always", "usually", "often", "sometimes", "seldom", "rarely", "never"]

TRIAGE_ORDER: tuple[TriageLevel, ...] = ("self_care", "routine", "urgent", "emergency")
RUN_ORDER: tuple[RunDecision, ...] = ("green", "yellow", "red")

#: P(finding present | condition) for each verbal likelihood.
LIKELIHOOD: dict[Likelihood, float] = {
    "always": 0.95,
    "usually": 0.80,
    "often": 0.60,
    "sometimes": 0.35,
    "seldom": 0.12,
    "rarely": 0.04,
    "never": 0.01,
}
#: Likelihoods allowed on the ``for`` side (the finding points to the condition) ...
SUPPORTING: frozenset[str] = frozenset({"always", "usually", "often", "sometimes"})
#: ... and on the ``against`` side (the finding points away from it).
OPPOSING: frozenset[str] = frozenset({"seldom", "rarely", "never"})

#: Relative prior weight of a condition among runners with a complaint in its region.
PREVALENCE_WEIGHT: dict[Prevalence, float] = {
    "very_common": 8.0,
    "common": 4.0,
    "uncommon": 1.5,
    "rare": 0.5,
    "very_rare": 0.15,
}

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", min_length=2, max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2)]


def triage_max(*levels: TriageLevel) -> TriageLevel:
    """The most severe of the given triage levels."""
    return max(levels, key=TRIAGE_ORDER.index)


def run_max(*decisions: RunDecision) -> RunDecision:
    """The most restrictive of the given run decisions."""
    return max(decisions, key=RUN_ORDER.index)


class Strict(BaseModel):
    """Base for every knowledge model: unknown fields are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- meta


class Level(Strict):
    """A triage level or run decision with its meaning for the runner."""

    id: Id
    label: Text
    meaning: Text


class Region(Strict):
    """A body region (or system) a complaint can be about."""

    id: Id
    name: Text
    #: words and phrases runners use for it (lexicon pattern syntax, see docs/knowledge.md)
    words: list[Text] = Field(min_length=1)


class ArticleMeta(Strict):
    """One of the ten coaching articles."""

    id: Id
    short_name: Text
    title: Text


class Meta(Strict):
    """``meta.yaml``: the fixed vocabularies every other file refers to."""

    schema_version: Literal[1]
    triage_levels: list[Level]
    run_decisions: list[Level]
    regions: list[Region]
    articles: list[ArticleMeta]


# --------------------------------------------------------------------------- findings


class Finding(Strict):
    """A yes/no fact about the runner: a symptom, sign, context, history or demographic."""

    id: Id
    question: Text
    kind: FindingKind
    red_flag: bool = False
    red_flag_level: Literal["urgent", "emergency"] | None = None
    min_triage: TriageLevel | None = None
    min_run_decision: RunDecision | None = None
    #: how often a runner whose complaint is unrelated would still answer yes (default by kind)
    base_rate: float | None = Field(default=None, gt=0.0, lt=1.0)
    #: the reason shown when this is asked as a safety question, e.g. "checks for a blood clot"
    screens_for: Text | None = None

    @model_validator(mode="after")
    def _red_flag_has_level(self) -> Finding:
        if self.red_flag and self.red_flag_level is None:
            raise ValueError("a red flag needs red_flag_level (urgent or emergency)")
        if not self.red_flag and self.red_flag_level is not None:
            raise ValueError("red_flag_level is only allowed when red_flag is true")
        return self


class CitedSection(Strict):
    """An article section cited from outside a condition file."""

    article: Id
    section: Text


class Escalation(Strict):
    """Findings that together are more urgent than each alone (e.g. dizziness with palpitations)."""

    id: Id
    all_of: list[Id] = Field(min_length=2)
    triage: TriageLevel
    run_decision: RunDecision
    why: Text
    source: CitedSection


class FindingsFile(Strict):
    """``findings.yaml``: the finding vocabulary."""

    schema_version: Literal[1]
    findings: list[Finding]
    escalations: list[Escalation] = Field(default_factory=list)


# --------------------------------------------------------------------------- lexicon


class LexiconFile(Strict):
    """``lexicon/*.yaml``: how runners say things, as patterns (see docs/knowledge.md).

    ``findings`` maps a finding id to patterns that mean it is present; a pattern starting with
    ``!`` means the finding is absent ("can still walk" says no to ``cant_bear_weight``).
    ``conditions`` maps a condition id to the names runners call it by ("shin splints").
    """

    findings: dict[Id, list[Text]] = Field(default_factory=dict)
    conditions: dict[Id, list[Text]] = Field(default_factory=dict)


# --------------------------------------------------------------------------- conditions


class Item(Strict):
    """One fact or piece of advice in the project's own words, with the section it comes from.

    ``src`` is a key of the article file's ``sections`` (same article) or ``article_id/key``.
    """

    text: Text
    src: Text


class Exercise(Strict):
    """A strengthening, stretching or mobility exercise with the dose the article gives."""

    name: Text
    how: Text
    dose: Text | None = None
    src: Text


class RunRule(Strict):
    """One of the article's rules for running with the condition (its traffic light)."""

    decision: RunDecision
    when: Text
    then: Text
    src: Text


class GradeRecovery(Strict):
    """Typical recovery for one grade or stage of the condition."""

    grade: Text
    time: Text
    #: rough bounds in days, for plans and reports (None when the article gives none)
    min_days: int | None = Field(default=None, ge=0)
    max_days: int | None = Field(default=None, ge=0)
    src: Text


class Recovery(Strict):
    summary: Text
    src: Text
    by_grade: list[GradeRecovery] = Field(default_factory=list)


class Advice(Strict):
    """Advice in sections; every section that is present must be non-empty."""

    relief: list[Item] = Field(default_factory=list)
    fixes: list[Item] = Field(default_factory=list)
    exercises: list[Exercise] = Field(default_factory=list)
    prevention: list[Item] = Field(default_factory=list)
    gear: list[Item] = Field(default_factory=list)
    see_a_professional: list[Item] = Field(default_factory=list)
    #: which professional to see, e.g. "physiotherapist", "sports doctor", "ENT specialist"
    professionals: list[Text] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_something(self) -> Advice:
        if not (self.relief or self.fixes or self.exercises or self.prevention):
            raise ValueError("advice needs at least one of relief, fixes, exercises or prevention")
        if not self.see_a_professional:
            raise ValueError("advice needs see_a_professional: when this runner should get it checked")
        return self


class Condition(Strict):
    """A condition or cause the articles discuss, with everything the coach knows about it."""

    id: Id
    name: Text
    #: a few words for reasons like "separates ITBS from bursitis"
    short_name: Text
    aliases: list[Text] = Field(default_factory=list)
    icd10: str | None = Field(default=None, pattern=r"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")
    region: Id
    also_regions: list[Id] = Field(default_factory=list)
    summary: Text
    feels_like: list[Item] = Field(min_length=1)
    causes: list[Item] = Field(min_length=1)
    prevalence: Prevalence
    evidence_for: dict[Id, Likelihood] = Field(alias="for", min_length=1)
    evidence_against: dict[Id, Likelihood] = Field(alias="against", default_factory=dict)
    red_flags: list[Id] = Field(default_factory=list)
    triage: TriageLevel
    run_decision: RunDecision
    run_rules: list[RunRule] = Field(default_factory=list)
    advice: Advice
    recovery: Recovery | None = None
    sources: list[Text] = Field(min_length=1)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _evidence_sides(self) -> Condition:
        wrong_for = sorted(k for k, v in self.evidence_for.items() if v not in SUPPORTING)
        if wrong_for:
            raise ValueError(f"'for' takes always/usually/often/sometimes; fix {wrong_for}")
        wrong_against = sorted(k for k, v in self.evidence_against.items() if v not in OPPOSING)
        if wrong_against:
            raise ValueError(f"'against' takes seldom/rarely/never; fix {wrong_against}")
        both = sorted(set(self.evidence_for) & set(self.evidence_against))
        if both:
            raise ValueError(f"findings both for and against: {both}")
        if self.triage == "emergency" and self.run_decision != "red":
            raise ValueError("an emergency always comes with a red run decision")
        if self.triage == "urgent" and self.run_decision == "green":
            raise ValueError("urgent never comes with a green run decision")
        return self


class ArticleFile(Strict):
    """``conditions/<article>.yaml``: one article's sections and conditions."""

    article: Id
    #: section key -> the article's heading path, levels joined with " > "
    sections: dict[Id, Text] = Field(min_length=1)
    conditions: list[Condition]
