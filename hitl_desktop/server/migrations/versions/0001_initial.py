"""The central store's first schema: the tables ``metadata.create_all`` made before alembic.

A store made by that code (a ``meta`` row ``schema_version`` = 1, no ``alembic_version``) is
recognised when opened and stamped as this revision instead of being created again.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("pw_hash", sa.LargeBinary, nullable=False),
        sa.Column("pw_salt", sa.LargeBinary, nullable=False),
        sa.Column("created", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "tokens",
        sa.Column("token_sha256", sa.String(64), primary_key=True),
        sa.Column("user", sa.String(200), sa.ForeignKey("users.name"), nullable=False),
        sa.Column("expires", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "devices",
        sa.Column("device_id", sa.String(64), primary_key=True),
        sa.Column("user", sa.String(200), sa.ForeignKey("users.name"), nullable=False),
        sa.Column("public_key", sa.LargeBinary, nullable=False),
        sa.Column("created", sa.BigInteger, nullable=False),
        sa.Column("revoked_at", sa.BigInteger, nullable=True),
    )
    op.create_table(
        "events",
        sa.Column("server_seq", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("device_seq", sa.BigInteger, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("type", sa.String(100), nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("sig", sa.LargeBinary, nullable=True),
        sa.Column("received_at", sa.BigInteger, nullable=False),
        sa.UniqueConstraint("device_id", "device_seq", name="uq_events_device_seq"),
    )
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("stored", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "item_privacy",
        sa.Column("item_id", sa.String(64), primary_key=True),
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("markers", sa.Text, nullable=False),
    )
    op.create_index("ix_item_privacy_sha256", "item_privacy", ["sha256"])
    op.create_table(
        "meta",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_table(
        "incidents",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
                  autoincrement=True),
        sa.Column("at", sa.BigInteger, nullable=False),
        sa.Column("user", sa.String(200), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=True),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.UniqueConstraint("hash", "status", name="uq_incidents_hash_status"),
    )  # fmt: skip
    op.create_table(
        "seq_counter",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("value", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    for table in ("seq_counter", "incidents", "meta", "item_privacy", "blobs", "events",
                  "devices", "tokens", "users"):  # fmt: skip
        op.drop_table(table)
