"""An interview session: the state of one runner's check, one question at a time.

The CLI's ``runcoach check`` and the web app's check pages both drive this object: ask
``current()`` for the assessment (which carries the next question), then ``answer()`` it with
yes / no / don't know, or go ``back()`` one step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from runcoach.engine.assess import Assessment, Case, Engine, packaged_engine
from runcoach.errors import UsageError

DEFAULT_MAX_QUESTIONS = 12


@dataclass
class CheckSession:
    text: str
    age: int | None = None
    sex: str | None = None
    max_questions: int = DEFAULT_MAX_QUESTIONS
    answers: dict[str, bool] = field(default_factory=dict)
    unknown: list[str] = field(default_factory=list)
    #: finding ids in the order they were asked (for "back")
    history: list[str] = field(default_factory=list)
    engine: Engine = field(default_factory=packaged_engine, repr=False)

    def case(self) -> Case:
        return Case(
            text=self.text,
            age=self.age,
            sex=self.sex,
            findings=dict(self.answers),
            unknown=frozenset(self.unknown),
        )

    def current(self) -> Assessment:
        return self.engine.assess(self.case())

    @property
    def asked(self) -> int:
        return len(self.history)

    def finished(self, assessment: Assessment) -> bool:
        return assessment.done or not assessment.next_questions or self.asked >= self.max_questions

    def answer(self, finding_id: str, value: bool | None) -> None:
        """Record yes (True), no (False) or don't know (None) for a finding."""
        if finding_id not in self.engine.model.kb.findings:
            raise UsageError(f"unknown finding id {finding_id!r}")
        self.answers.pop(finding_id, None)
        if finding_id in self.unknown:
            self.unknown.remove(finding_id)
        if value is None:
            self.unknown.append(finding_id)
        else:
            self.answers[finding_id] = value
        if finding_id in self.history:
            self.history.remove(finding_id)
        self.history.append(finding_id)

    def back(self) -> bool:
        """Forget the last answer; False when there is nothing to undo."""
        if not self.history:
            return False
        fid = self.history.pop()
        self.answers.pop(fid, None)
        if fid in self.unknown:
            self.unknown.remove(fid)
        return True
