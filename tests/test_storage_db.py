"""The database layer on every engine: migrations, the UTC column type and unique constraints."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, select, text
from sqlalchemy.exc import IntegrityError, StatementError

from storage.db import Database
from storage.models import AuditEntry, Base, InboxMessage, Notice, OutboxMessage

SHANGHAI = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 12, 1, 18, 0, tzinfo=SHANGHAI)


def _notice(**overrides: object) -> Notice:
    values: dict[str, object] = {
        "year": 2026,
        "seq": 1,
        "number": "督办〔2026〕1号",
        "title": "关于做好冬季安全生产工作的通知",
        "issued_by": "wxid_liming",
        "issued_at": T0,
        "receipt_due": T0 + timedelta(hours=2),
        "feedback_due": None,
    }
    values.update(overrides)
    return Notice(**values)


def _outbox(dedup_key: str) -> OutboxMessage:
    return OutboxMessage(
        dedup_key=dedup_key,
        kind="notice",
        room_id="20001@chatroom",
        text="督办〔2026〕1号 …",
        mentions=["wxid_wangwu"],
        created_at=T0,
        not_before=T0,
    )


def _schema_diff(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def test_migrations_match_the_models(database: Database) -> None:
    async with database.engine.connect() as connection:
        assert await connection.run_sync(_schema_diff) == []


async def test_upgrade_twice_is_a_no_op(database: Database) -> None:
    await database.upgrade()
    async with database.reader() as session:
        assert await session.scalar(select(Notice.id)) is None


@pytest.mark.parametrize(
    "moment",
    [
        T0,
        datetime(2026, 12, 1, 10, 0, tzinfo=UTC),
        datetime(2026, 6, 30, 23, 59, 59, 123456, tzinfo=timezone(timedelta(hours=-5))),
    ],
)
async def test_datetimes_go_in_aware_and_come_back_aware_utc(database: Database, moment: datetime) -> None:
    async with database.transaction() as session:
        session.add(_notice(issued_at=moment, receipt_due=moment))
    async with database.reader() as session:
        notice = (await session.scalars(select(Notice))).one()
    assert notice.issued_at == moment
    assert notice.issued_at.tzinfo == UTC
    assert notice.issued_at.utcoffset() == timedelta(0)
    assert notice.feedback_due is None


async def test_datetime_comparisons_in_sql_use_utc(database: Database) -> None:
    async with database.transaction() as session:
        session.add(_notice())
    boundary = (T0 + timedelta(hours=2)).astimezone(timezone(timedelta(hours=-3)))
    async with database.reader() as session:
        assert await session.scalar(select(Notice.id).where(Notice.receipt_due >= boundary)) is not None
        assert await session.scalar(select(Notice.id).where(Notice.receipt_due > boundary)) is None


async def test_text_written_by_other_means_reads_as_aware_utc(sqlite_database: Database) -> None:
    """SQLite keeps datetimes as text: one written with an offset, or by SQL itself, still reads as UTC."""
    async with sqlite_database.transaction() as session:
        session.add(_notice(issued_at=T0, receipt_due=T0))
    async with sqlite_database.transaction() as session:
        await session.execute(text("UPDATE notices SET issued_at = '2026-12-01T18:00:00+08:00'"))
        await session.execute(text("UPDATE notices SET receipt_due = '2026-12-01 10:00:00'"))
    async with sqlite_database.reader() as session:
        issued, due = (await session.execute(select(Notice.issued_at, Notice.receipt_due))).one()
    assert issued == due == datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    assert issued.tzinfo == due.tzinfo == UTC


async def test_the_weekly_statistics_tell_postgresql_how_big_the_tables_are(database: Database) -> None:
    async with database.transaction() as session:
        session.add_all(_notice(seq=seq, number=f"督办〔2026〕{seq}号") for seq in range(1, 41))
    await database.refresh_statistics()  # SQLite: nothing to do, and no error
    if database.engine.dialect.name == "postgresql":
        async with database.reader() as session:
            rows = await session.scalar(
                text("SELECT reltuples FROM pg_class WHERE oid = 'notices'::regclass")
            )
        assert rows == 40


async def test_naive_datetimes_are_rejected(database: Database) -> None:
    with pytest.raises(StatementError, match="naive datetime"):
        async with database.transaction() as session:
            session.add(_notice(issued_at=datetime(2026, 12, 1, 18, 0)))  # noqa: DTZ001
    async with database.reader() as session:
        assert await session.scalar(select(Notice.id)) is None


async def test_outbox_dedup_key_is_unique(database: Database) -> None:
    async with database.transaction() as session:
        session.add(_outbox("notice:1:room:20001@chatroom"))
    with pytest.raises(IntegrityError):
        async with database.transaction() as session:
            session.add(_outbox("notice:1:room:20001@chatroom"))
    async with database.reader() as session:
        rows = (await session.scalars(select(OutboxMessage))).all()
    assert [row.dedup_key for row in rows] == ["notice:1:room:20001@chatroom"]
    assert rows[0].mentions == ["wxid_wangwu"]
    assert (rows[0].status, rows[0].attempts) == ("pending", 0)


async def test_inbox_message_ids_are_unique(database: Database) -> None:
    async with database.transaction() as session:
        session.add(InboxMessage(message_id="msg-1", arrived_at=T0, status="announced"))
    with pytest.raises(IntegrityError):
        async with database.transaction() as session:
            session.add(
                InboxMessage(message_id="msg-1", arrived_at=T0 + timedelta(seconds=5), status="ready")
            )
    async with database.reader() as session:
        assert (await session.scalars(select(InboxMessage.message_id))).all() == ["msg-1"]


async def test_notice_numbers_are_unique_per_year(database: Database) -> None:
    async with database.transaction() as session:
        session.add(_notice())
        session.add(_notice(year=2027, number="督办〔2027〕1号"))
    with pytest.raises(IntegrityError):
        async with database.transaction() as session:
            session.add(_notice(number="督办〔2026〕1号（重复）"))


async def test_audit_detail_round_trips_as_json(database: Database) -> None:
    detail = {"aliases": {"from": ["城关"], "to": ["城关", "城关镇政府"]}, "office": True}
    async with database.transaction() as session:
        session.add(
            AuditEntry(at=T0, actor="cli", action="roster.unit.update", subject="unit:城关镇", detail=detail)
        )
    async with database.reader() as session:
        entry = (await session.scalars(select(AuditEntry))).one()
    assert entry.detail == detail
