"""Alembic's entry point for the central store's migrations.

Run only from code (``hitl_desktop.server.migrations``), which hands over a connection already
inside a transaction: the whole upgrade commits or rolls back as one, and no alembic.ini is
needed at run time.
"""

from __future__ import annotations

from alembic import context

from hitl_desktop.server import db


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None or context.is_offline_mode():
        raise RuntimeError(
            "the central store's migrations run through `hitl server migrate --db URL` "
            "(or `hitl server migrate --data DIR`), not through the alembic command"
        )
    context.configure(
        connection=connection,
        target_metadata=db.metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying
        compare_type=True,
    )
    with context.begin_transaction():  # a no-op: the caller's transaction holds everything
        context.run_migrations()


if getattr(context, "config", None) is not None:  # alembic runs this file; a plain import does not
    run()
