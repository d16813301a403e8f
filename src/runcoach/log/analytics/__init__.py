"""Analytics over the training log: pure functions of a :class:`History` (no database, no I/O).

``history`` holds the snapshot of a runner's log that every analysis reads; ``series`` turns it
into daily and weekly volumes and the acute:chronic workload ratio. Warnings, the pain-pattern
finder, the today-check, charts and the report all build on these two modules.
"""
