"""HITL Desktop: offline-first human-in-the-loop labelling with a tamper-evident lineage log."""

__version__ = "0.1.0"
