"""The tables of return-to-run plans: an injury episode, the plan it follows, the runner's reports.

An :class:`InjuryEpisode` is one injury in the log (a region, the condition, its grade, when it
started and ended, and the assessment it came from, if any). It owns one :class:`EpisodePlan`
(which plan, which grade, from which day), whose :class:`PlanReport` rows are everything the runner
reported. That is all the plan engine (``runcoach.plans``) needs to recompute where the runner
stands: the state itself is never stored, so it always follows the plan data and the reports.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from runcoach.log.db import utcnow
from runcoach.log.models import Base

#: the kinds of plan report (``runcoach.plans.types.EVENT_KINDS``)
REPORT_KINDS = ("done", "skipped", "pain", "check", "stop", "cleared")


class InjuryEpisode(Base):
    """One injury, from when it started to when it ended (``None``: still going)."""

    __tablename__ = "injury_episode"
    __table_args__ = (
        Index("ix_injury_episode_runner_region", "runner_id", "region"),
        CheckConstraint("grade IS NULL OR grade BETWEEN 1 AND 4", name="grade"),
        CheckConstraint("ended IS NULL OR ended >= started", name="ended"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    runner_id: Mapped[int] = mapped_column(ForeignKey("runner.id", ondelete="CASCADE"))
    #: a knowledge-base region id
    region: Mapped[str] = mapped_column(String(40))
    #: a knowledge-base condition id (``None`` when the plan serves several and none was named)
    condition: Mapped[str | None] = mapped_column(String(80))
    grade: Mapped[int | None]
    started: Mapped[date]
    ended: Mapped[date | None]
    assessment_id: Mapped[int | None] = mapped_column(
        ForeignKey("assessment.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    plan: Mapped[EpisodePlan | None] = relationship(
        back_populates="episode", cascade="all, delete-orphan", passive_deletes=True, lazy="joined"
    )


class EpisodePlan(Base):
    """The return-to-run plan an episode follows: a plan id of the knowledge base, grade and day 1."""

    __tablename__ = "episode_plan"
    __table_args__ = (
        UniqueConstraint("episode_id", name="uq_episode_plan_episode_id"),
        CheckConstraint("grade IS NULL OR grade BETWEEN 1 AND 4", name="grade"),
        CheckConstraint(
            "base_run_minutes IS NULL OR base_run_minutes BETWEEN 1 AND 300", name="base_run_minutes"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    episode_id: Mapped[int] = mapped_column(ForeignKey("injury_episode.id", ondelete="CASCADE"))
    plan_id: Mapped[str] = mapped_column(String(60))
    grade: Mapped[int | None]
    start: Mapped[date]
    base_run_minutes: Mapped[float | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    episode: Mapped[InjuryEpisode] = relationship(back_populates="plan")
    reports: Mapped[list[PlanReport]] = relationship(
        back_populates="plan",
        cascade="all, delete-orphan",
        order_by="PlanReport.id",
        passive_deletes=True,
        lazy="selectin",
    )


class PlanReport(Base):
    """One thing the runner reported on a day: a session done or skipped, next-day pain (0-10), a
    readiness check confirmed or failed, a stop, or a professional's all-clear."""

    __tablename__ = "plan_report"
    __table_args__ = (
        Index("ix_plan_report_plan_day", "plan_id", "day"),
        CheckConstraint(f"kind IN ({', '.join(repr(k) for k in REPORT_KINDS)})", name="kind"),
        CheckConstraint("pain IS NULL OR pain BETWEEN 0 AND 10", name="pain"),
        CheckConstraint("(kind = 'pain') = (pain IS NOT NULL)", name="pain_kind"),
        CheckConstraint(
            "(kind = 'check') = (check_id IS NOT NULL AND passed IS NOT NULL)", name="check_kind"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("episode_plan.id", ondelete="CASCADE"))
    day: Mapped[date]
    kind: Mapped[str] = mapped_column(String(10))
    pain: Mapped[int | None]
    check_id: Mapped[str | None] = mapped_column(String(60))
    passed: Mapped[bool | None] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    plan: Mapped[EpisodePlan] = relationship(back_populates="reports")
