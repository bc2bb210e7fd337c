"""Several offices on one PostgreSQL database, each in its own schema; SQLite refuses a schema."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from dbfixtures import POSTGRES_ENV, fresh_postgres_url
from sqlalchemy import text

from bot import ops
from bot.config import ConfigError, load_config
from storage import directory, notices
from storage.db import Database
from storage.roster import roster_from_mapping
from storage.roster_store import apply_roster

AT = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)


def county(unit: str, liaison: str) -> dict[str, object]:
    return {
        "office": [{"id": "wxid_office", "name": "李明"}],
        "units": [{"name": unit, "liaisons": [{"id": liaison, "name": "王五"}]}],
        "rooms": [{"id": "room-1", "topic": "政务督查联络群", "members": ["wxid_office", liaison]}],
    }


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"{POSTGRES_ENV} is not set, so the PostgreSQL variant is skipped")
    async with fresh_postgres_url(base) as url:
        yield url


@pytest.mark.postgres
async def test_two_offices_side_by_side_each_see_only_their_own(postgres_url: str) -> None:
    anping = Database.from_url(postgres_url, schema="county_anping")
    liuhe = Database.from_url(postgres_url, schema="county_liuhe")
    try:
        for db in (anping, liuhe):
            await db.upgrade()
        async with anping.transaction() as session:
            await apply_roster(session, roster_from_mapping(county("城关镇", "wxid_a")), actor="test", at=AT)
            await notices.create_notice(
                session,
                title="关于开展冬季安全生产大检查的通知",
                body="",
                issued_by="wxid_office",
                issued_at=AT,
                receipt_due=AT,
                feedback_due=None,
                unit_ids=[u.id for u in await directory.units(session)],
                year=2026,
                seq=1,
                number="督办〔2026〕1号",
            )
        async with liuhe.transaction() as session:
            await apply_roster(session, roster_from_mapping(county("柳林乡", "wxid_b")), actor="test", at=AT)

        async with anping.reader() as session:
            assert [u.name for u in await directory.units(session)] == ["城关镇"]
            assert [n.number for n in await notices.notices(session, status=None)] == ["督办〔2026〕1号"]
        async with liuhe.reader() as session:
            assert [u.name for u in await directory.units(session)] == ["柳林乡"]
            assert await notices.notices(session, status=None) == []
            # the migrations are recorded per office, in its own schema; nothing lands in public
            found = await session.execute(
                text(
                    "SELECT table_schema FROM information_schema.tables WHERE table_name = 'alembic_version' "
                    "ORDER BY table_schema"
                )
            )
            assert [row[0] for row in found] == ["county_anping", "county_liuhe"]
            public = await session.scalar(
                text("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
            )
            assert public == 0

        await liuhe.upgrade()  # again: already at the newest version, nothing changes
        async with ops.run_lock(anping), ops.run_lock(liuhe):  # each office runs its own bot
            other = Database.from_url(postgres_url, schema="county_anping")
            try:
                assert await ops.is_running(other)  # but never two bots for one office
            finally:
                await other.dispose()
    finally:
        await anping.dispose()
        await liuhe.dispose()


def test_sqlite_refuses_a_schema_and_says_what_to_do() -> None:
    with pytest.raises(ConfigError) as refused:
        load_config(None, env={"DUBAN_DATABASE_SCHEMA": "county_anping"})
    assert "只用于 PostgreSQL" in str(refused.value) and "请删去 schema" in str(refused.value)


@pytest.mark.parametrize("name", ["County", "1county", "pg_county", "county-anping", 'x"y', "a" * 64])
def test_a_schema_name_is_a_plain_lower_case_name(name: str) -> None:
    env = {"DUBAN_DATABASE_URL": "postgresql+asyncpg://duban@127.0.0.1/duban", "DUBAN_DATABASE_SCHEMA": name}
    with pytest.raises(ConfigError) as refused:
        load_config(None, env=env)
    assert "[database] schema 应为小写字母开头" in str(refused.value)


def test_a_postgresql_office_may_name_its_schema() -> None:
    env = {
        "DUBAN_DATABASE_URL": "postgresql+asyncpg://duban@127.0.0.1/duban",
        "DUBAN_DATABASE_SCHEMA": "county_a",
    }
    assert load_config(None, env=env).database.schema == "county_a"
