"""Activity-file importers: every format becomes one :class:`ParsedActivity`."""

from runcoach.log.importers.model import ImportFileError, ParsedActivity, ParsedLap

__all__ = ["ImportFileError", "ParsedActivity", "ParsedLap"]
