"""indexes on due times, notice status and open work, so timed duties read only what is due

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 11:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

INDEXES = {
    "notices": ("issued_at", "receipt_due", "feedback_due", "status"),
    "assignments": ("receipt_due", "feedback_due"),
    "outbox": ("to_id",),
    "flags": ("status",),
}


def upgrade() -> None:
    for table, columns in INDEXES.items():
        for column in columns:
            op.create_index(f"ix_{table}_{column}", table, [column], unique=False)


def downgrade() -> None:
    for table, columns in INDEXES.items():
        for column in columns:
            op.drop_index(f"ix_{table}_{column}", table_name=table)
