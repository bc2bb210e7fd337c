"""indexes that let a deadline pass read only the flags it meets: a unit's flags from a moment on, and the
running 整改期限 (years of decided flags are then never walked)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 19:20:00
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_flags_unit_at", "flags", ["unit_id", "at"], unique=False)
    op.create_index("ix_flags_rectify_until", "flags", ["rectify_until"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_flags_rectify_until", table_name="flags")
    op.drop_index("ix_flags_unit_at", table_name="flags")
