"""One error type for everything runcoach can explain to the runner.

Every failure that is the input's fault (a broken file, a bad value, an unknown id) is raised as a
:class:`RuncoachError` with a message that says what is wrong and, where possible, a hint that says
what to do next. The CLI and the web app translate it at their edge; anything else is a bug.
"""

from __future__ import annotations


class RuncoachError(Exception):
    """An error the runner can act on: ``message`` says what went wrong, ``hint`` what to do next."""

    exit_code: int = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class UsageError(RuncoachError):
    """The command was called with arguments that cannot work."""

    exit_code = 2


class DataError(RuncoachError):
    """Input data (a file, a JSON document, a value) is invalid; nothing was stored."""

    exit_code = 1


class NotFoundError(RuncoachError):
    """A named thing (a condition, a shoe, a plan) does not exist."""

    exit_code = 1


class KnowledgeError(RuncoachError):
    """The packaged knowledge base does not validate. This is a bug in the data files."""

    exit_code = 3
