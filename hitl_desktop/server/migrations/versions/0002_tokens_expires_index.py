"""Index tokens by expiry: every login deletes the expired ones (``expires < now``), which
scanned the whole table.

``IF NOT EXISTS``: a legacy store (from before alembic) that lacked a table got it from the
current metadata, index included, before it was stamped as 0001.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_index("ix_tokens_expires", "tokens", ["expires"], if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_tokens_expires", table_name="tokens")
