"""What runcoach shows a person: charts (PNG/SVG) and the printable report (PDF/HTML).

Pure builders over a :class:`~runcoach.log.analytics.history.History` and plain report data: no
database and no CLI. The CLI, the report and the web app all show the same figures.
"""
