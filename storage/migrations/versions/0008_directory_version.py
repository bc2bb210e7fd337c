"""a counter every change to people, units, aliases, rooms or members raises (by trigger), so the running
bot can keep who-is-who in memory and know at once when it is stale

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TABLES = ("people", "units", "unit_aliases", "rooms", "room_members")
EVENTS = ("INSERT", "UPDATE", "DELETE")
BUMP = "UPDATE directory_version SET n = n + 1 WHERE id = 1"


def upgrade() -> None:
    op.create_table(
        "directory_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("n", sa.BigInteger(), nullable=False),
    )
    op.execute("INSERT INTO directory_version (id, n) VALUES (1, 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION bump_directory_version() RETURNS trigger AS $$ "
            f"BEGIN {BUMP}; RETURN NULL; END $$ LANGUAGE plpgsql"
        )
        # BEFORE each statement: a transaction takes the counter's row lock before any row of who-is-who,
        # so two writers queue on the counter instead of deadlocking over rows taken in different orders.
        for table in TABLES:
            op.execute(
                f"CREATE TRIGGER directory_changed BEFORE INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version()"
            )
    else:
        for table in TABLES:
            for event in EVENTS:
                op.execute(
                    f"CREATE TRIGGER directory_changed_{table}_{event.lower()} AFTER {event} ON {table} "
                    f"BEGIN {BUMP}; END"
                )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER directory_changed ON {table}")
        op.execute("DROP FUNCTION bump_directory_version()")
    else:
        for table in TABLES:
            for event in EVENTS:
                op.execute(f"DROP TRIGGER directory_changed_{table}_{event.lower()}")
    op.drop_table("directory_version")
