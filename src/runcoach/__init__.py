"""runcoach: a running coach for when something hurts.

The package is layered; each layer imports only the ones above it in this list:

- ``knowledge``: the coaching knowledge as validated data (conditions, findings, advice, numbers, plans)
- ``engine``: pure inference over the knowledge (free text, ranking, questions, triage)
- ``log``: the training log (storage, activity importers, analytics)
- ``plans``: return-to-run plans that adapt to the runner
- ``reports``: charts and the printable report, pure renderers over the log's analytics
- ``services``: the one core service layer the CLI and the web app both call
- ``cli`` and ``web``: thin adapters that parse input, call a service and render
"""

__version__ = "0.1.0"

DISCLAIMER = (
    "runcoach is a coach, not a doctor: it cannot examine you. If something feels wrong, "
    "or a red flag is listed, get it checked by a professional."
)
