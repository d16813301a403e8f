"""The development corpus in ../shared/corpus, read from its MANIFEST.tsv (tests only)."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tests.conftest import SHARED

#: ../shared/corpus beside the repository (as CI lays it out), or $RUNCOACH_SHARED/corpus
CORPUS = next(
    (
        base / "corpus"
        for base in (SHARED, Path(os.environ.get("RUNCOACH_SHARED", "/nonexistent")))
        if (base / "corpus" / "MANIFEST.tsv").exists()
    ),
    SHARED / "corpus",
)
ACTIVITY_FORMATS = {"fit", "gpx", "tcx", "gpx.gz", "tcx.gz", "fit.gz"}


@dataclass(frozen=True)
class Row:
    path: str
    format: str
    expected: str
    content: str
    sport: str
    start_time_utc: str
    distance_m: str
    source_tests_say: str
    structure: str = ""

    @property
    def file(self) -> Path:
        return CORPUS / self.path

    @property
    def start(self) -> datetime | None:
        try:
            return datetime.fromisoformat(self.start_time_utc)
        except ValueError:
            return None

    @property
    def distance(self) -> float | None:
        return float(self.distance_m) if self.distance_m else None


def rows() -> list[Row]:
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with manifest.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        return [Row(**{k: r.get(k) or "" for k in Row.__dataclass_fields__}) for r in reader]


def activity_rows() -> list[Row]:
    return [r for r in rows() if r.format in ACTIVITY_FORMATS]


def corpus_bytes(path: str) -> bytes:
    """A corpus file's bytes; skips the test when ../shared is not there."""
    import pytest

    file = CORPUS / path
    if not file.exists():
        pytest.skip(f"{file} is not available")
    return file.read_bytes()
