"""Insights: what the lineage log says about items and the dataset (no Qt here).

``provenance`` (one item's event graph), ``flow`` (the dataset's provenance summary),
``prov_json`` (W3C PROV-JSON) and ``openlineage`` (OpenLineage run events) turn the log into
plain dataclasses and documents that the GUI draws and the CLI writes.
"""
