"""Every sentence and heading of the report, in one place: the PDF and the HTML both read these."""

from __future__ import annotations

from dataclasses import dataclass

from runcoach.reports.charts import ACWR_BAND


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    intro: str
    empty: str


REPORT_TITLE = "Running injury summary"
FOOTER = "runcoach is a coach, not a doctor: this summary is no diagnosis."
SUBTITLE = "Prepared by runcoach from the runner's own log, to take to a physiotherapist or doctor."

SECTIONS: dict[str, Section] = {
    s.key: s
    for s in (
        Section(
            "red_flags",
            "Red flags",
            "Warning signs the runner reported in an assessment, and assessments that advised being "
            "seen urgently. Please look at these first.",
            "No red flags were reported in this period. That is not an examination: it only means "
            "none came up in runcoach's questions.",
        ),
        Section("runner", "The runner", "", "Nothing is known about the runner beyond the log."),
        Section(
            "complaints",
            "Complaint history",
            "Each body region that hurt in this period, from the daily check-ins (pain 0-10).",
            "No pain was logged in this period.",
        ),
        Section(
            "flares",
            "Training load around each flare",
            "A flare is a stretch of pain entries in one region with gaps of a week or less. "
            "Weekly distance before and after it, and the acute:chronic workload ratio "
            f"(7-day vs 28-day load; {ACWR_BAND[0]}-{ACWR_BAND[1]} is the usual range) on its first day "
            "and its highest "
            "value in the two weeks before.",
            "No flares to put against the training load.",
        ),
        Section(
            "assessments",
            "Assessments",
            "What runcoach's questions suggested at the time: likely conditions (ICD-10 where known), "
            "how soon to be seen, and whether running was allowed. A screening aid, not a diagnosis.",
            "No assessments were saved in this period.",
        ),
        Section(
            "tried",
            "What was tried",
            "Cross-training and strength sessions, and the runner's notes from the check-ins.",
            "No cross-training, strength work or notes were logged in this period.",
        ),
        Section(
            "training",
            "Training in this period",
            "",
            "No runs were logged in this period.",
        ),
        Section(
            "timeline",
            "Pain timeline",
            "Every pain entry of the period, oldest first.",
            "No pain entries in this period.",
        ),
        Section("charts", "Charts", "", "There is not enough data in this period for any chart."),
    )
}

#: the sections in the order both formats print them (red flags always first)
ORDER: tuple[str, ...] = (
    "red_flags", "runner", "complaints", "flares", "assessments", "tried", "training", "charts", "timeline",
)  # fmt: skip

CHART_TITLES: dict[str, str] = {
    "weekly": "Weekly distance with the worst pain of each week",
    "acwr": "Acute:chronic workload ratio",
    "resting-hr": "Morning resting heart rate against the runner's baseline",
    "shoes": "Distance in each pair of shoes against its replacement threshold",
}

#: listed with the red flags when an urgent or emergency assessment had no single red flag
URGENT_WITHOUT_FLAG = "no single red flag, but the likely causes need an examination soon"

UNKNOWN = "not recorded"
