"""The training log: storage, activity importers and analytics."""
