"""Dataset exchange (no Qt): exporters to the formats training pipelines read, the export's
``MANIFEST.json`` and its verification, expert approval of an export, and the importers
(``importers/``).

``export(workspace, fmt, out_dir, options, progress, cancel) -> ExportResult`` lives in
``exchange.export``; this package module stays light so importing an importer costs nothing.
"""
