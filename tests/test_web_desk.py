"""The web desk through aiohttp's test client: the door (login, CSRF, rate limit, roles) and every page,
over a real migrated database, the real handlers and a virtual clock."""

from __future__ import annotations

import io
import json
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from aiohttp import FormData
from aiohttp.test_utils import TestClient, TestServer

from bot.app import make_policy
from bot.clock import VirtualClock
from bot.config import config_from_mapping
from bot.web.actions import publish_text
from bot.web.desk import Connection, Desk
from bot.web.server import make_app
from handlers.reading.commands import parse_command
from storage import audit, flags, notices, outbox, web_users
from storage.db import Database
from storage.ledger import build_ledger, write_ledger
from storage.roster import reading_from_mapping
from storage.roster_store import import_roster

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # a Wednesday, 17:00 in Shanghai
OFFICE_PASSWORD = "office-secret-1"
VIEWER_PASSWORD = "viewer-secret-1"
ROSTER: dict[str, Any] = {
    "office": [{"id": "wxid_office", "name": "王主任"}],
    "units": [
        {
            "name": "城关镇",
            "kind": "乡镇",
            "aliases": ["城关"],
            "liaisons": [{"id": "wxid_zhang", "name": "张三"}],
        },
        {"name": "东风乡", "kind": "乡镇", "liaisons": [{"id": "wxid_wu", "name": "吴九"}]},
        {
            "name": "县财政局",
            "kind": "县直部门",
            "aliases": ["财政局"],
            "liaisons": [{"id": "wxid_li", "name": "李四"}],
        },
    ],
    "rooms": [
        {
            "id": "room-1",
            "topic": "督查联络群",
            "members": ["wxid_office", "wxid_zhang", "wxid_wu", "wxid_li"],
        }
    ],
}


async def desk_over(database: Database, tmp_path: Path, at: datetime, sections: dict[str, Any]) -> Desk:
    """A desk on `database` with ROSTER imported, accounts alice (office) and leader (viewer), the clock at `at`."""
    config = config_from_mapping({"web": {"secret_file": str(tmp_path / "web-secret.key")}, **sections})
    await import_roster(database, reading_from_mapping(ROSTER), actor="cli", at=at)
    async with database.transaction() as session:
        await web_users.add(session, "alice", role="office", password=OFFICE_PASSWORD, actor="cli", at=at)
        await web_users.add(session, "leader", role="viewer", password=VIEWER_PASSWORD, actor="cli", at=at)
    policy = make_policy(config, bot_id="duban-bot")
    return Desk(config, database, VirtualClock(at), lambda: policy, upload_dir=tmp_path / "uploads")


@pytest.fixture
async def desk(database: Database, tmp_path: Path) -> Desk:
    return await desk_over(database, tmp_path, T0, {})


@pytest.fixture
async def client(desk: Desk) -> AsyncIterator[TestClient[Any, Any]]:
    async with TestClient(TestServer(make_app(desk))) as client:
        yield client


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


async def login(client: TestClient[Any, Any], username: str, password: str) -> tuple[int, str]:
    form = await (await client.get("/login")).text()
    response = await client.post(
        "/login", data={"csrf": csrf_of(form), "username": username, "password": password, "next": "/"}
    )
    return response.status, await response.text()


async def post(
    client: TestClient[Any, Any], path: str, data: dict[str, str], *, page: str = "/"
) -> tuple[int, str]:
    """Submit a form the way a browser does: with the CSRF token of a page of the desk."""
    token = csrf_of(await (await client.get(page)).text())
    response = await client.post(path, data={**data, "csrf": token})
    return response.status, await response.text()


def upload(token: str, content: bytes, name: str = "roster.json") -> FormData:
    form = FormData()
    form.add_field("csrf", token)
    form.add_field("file", content, filename=name, content_type="application/octet-stream")
    return form


async def sent_out(desk: Desk) -> None:
    """What the sender would do: every queued post goes out now (the notice reaches the units)."""
    async with desk.db.transaction() as session:
        for message in await outbox.queued(session, status="pending"):
            assert await outbox.claim(session, message.id)
            await outbox.mark_sent(
                session, message.id, at=desk.now(), transport_message_id=f"sent-{message.id}"
            )


async def publish(client: TestClient[Any, Any], **fields: str) -> tuple[int, str]:
    data = {"title": "", "units": "", "receipt_due": "", "feedback_due": "", "body": "", **fields}
    return await post(client, "/publish", data, page="/publish")


# --- the door ----------------------------------------------------------------------------------------------


async def test_nothing_is_shown_without_a_login(client: TestClient[Any, Any]) -> None:
    for path in ("/", "/notices", "/proposals", "/audit", "/roster", "/download?format=json"):
        response = await client.get(path, allow_redirects=False)
        assert response.status == 302, path
        assert response.headers["Location"].startswith("/login")
    api = await client.get("/api/ledger")
    assert api.status == 401
    assert "请先登录" in (await api.json())["error"]


async def test_a_wrong_password_is_refused_in_chinese_and_five_failures_lock_the_user_out(
    client: TestClient[Any, Any], desk: Desk
) -> None:
    status, html = await login(client, "alice", "wrong-password")
    assert status == 401
    assert "用户名或密码不对" in html
    for _ in range(4):
        await login(client, "alice", "wrong-password")
    status, html = await login(client, "alice", OFFICE_PASSWORD)  # right, but too late
    assert status == 429
    assert "登录失败次数过多" in html and "分钟后再试" in html
    status, _ = await login(client, "leader", VIEWER_PASSWORD)  # another user is not locked out
    assert status == 200
    assert isinstance(desk.clock, VirtualClock)
    desk.clock.advance_to(T0 + timedelta(minutes=16))
    status, html = await login(client, "alice", OFFICE_PASSWORD)
    assert status == 200 and "总览" in html


async def test_a_form_without_its_csrf_token_changes_nothing(
    client: TestClient[Any, Any], desk: Desk
) -> None:
    await login(client, "alice", OFFICE_PASSWORD)
    response = await client.post("/publish", data={"title": "无令牌", "units": "全部", "body": "x"})
    assert response.status == 403
    assert "表单已过期" in await response.text()
    response = await client.post("/publish", data={"title": "假令牌", "units": "全部", "csrf": "forged"})
    assert response.status == 403
    async with desk.db.reader() as session:
        assert await notices.notices(session, status=None) == []


async def test_a_login_form_without_its_token_is_refused(client: TestClient[Any, Any]) -> None:
    response = await client.post("/login", data={"username": "alice", "password": OFFICE_PASSWORD})
    assert response.status == 403
    assert "登录页面已过期" in await response.text()


async def test_a_viewer_sees_everything_and_changes_nothing(client: TestClient[Any, Any], desk: Desk) -> None:
    await login(client, "leader", VIEWER_PASSWORD)
    for path in (
        "/",
        "/notices",
        "/publish",
        "/proposals",
        "/review",
        "/audit",
        "/roster",
        "/units",
        "/wechat",
    ):
        assert (await client.get(path)).status == 200, path
    status, html = await publish(client, title="领导不能发", units="全部")
    assert status == 403
    assert "只读账号" in html and "不能发布" in html
    async with desk.db.reader() as session:
        assert await notices.notices(session, status=None) == []


async def test_a_changed_password_or_a_removed_account_ends_the_session(
    client: TestClient[Any, Any], desk: Desk
) -> None:
    await login(client, "alice", OFFICE_PASSWORD)
    assert (await client.get("/")).status == 200
    async with desk.db.transaction() as session:
        await web_users.set_password(
            session, "alice", "a-new-password", actor="cli", at=T0 + timedelta(minutes=1)
        )
    response = await client.get("/", allow_redirects=False)
    assert response.status == 302
    await login(client, "alice", "a-new-password")
    assert (await client.get("/")).status == 200
    async with desk.db.transaction() as session:
        await web_users.remove(session, "alice", actor="cli", at=T0)
    response = await client.get("/", allow_redirects=False)
    assert response.status == 302


# --- changes go through the chat commands' handlers --------------------------------------------------------


async def test_publishing_on_the_web_is_the_chat_command_with_the_web_user_as_actor(
    client: TestClient[Any, Any], desk: Desk
) -> None:
    await login(client, "alice", OFFICE_PASSWORD)
    status, html = await publish(
        client,
        title="冬季安全生产检查",
        units="全部乡镇",
        feedback_due="12月5日17:30",
        body="请各单位自查。\n第二行。",
    )
    assert status == 200
    assert "已发布" in html and "冬季安全生产检查" in html  # the handler's own answer, on the overview
    async with desk.db.reader() as session:
        [notice] = await notices.notices(session, status=None)
        rows = await notices.assignments(session, notice_ids=[notice.id])
        entries = await audit.entries(session, subject=notice.number)
    assert notice.title == "冬季安全生产检查" and notice.body == "请各单位自查。\n第二行。"
    assert notice.issued_by == "网页:alice"
    assert sorted(a.unit_name for a in rows) == ["东风乡", "城关镇"]  # the category shortcut
    assert entries[0].actor == "网页:alice"
    assert (
        'data-unit="城关镇" data-light="yellow"' in html
    )  # receipt due tomorrow morning: within a working day


async def test_a_bad_publish_form_answers_exactly_as_the_chat_command_and_records_nothing(
    client: TestClient[Any, Any], desk: Desk
) -> None:
    await login(client, "alice", OFFICE_PASSWORD)
    status, html = await publish(client, title="", units="全部")
    assert status == 200
    expected = str(parse_command(publish_text("", "全部", "", "", "")))
    assert "没有写标题" in expected
    assert expected.split("\n")[0] in html
    status, html = await publish(client, title="时限不对", units="全部", feedback_due="明天下午五点半半")
    assert "反馈时限" in html  # the deadline parser's own complaint
    status, html = await publish(client, title="单位不对", units="不存在的单位")
    assert "不存在的单位" in html
    async with desk.db.reader() as session:
        assert await notices.notices(session, status=None) == []
    assert 'value="时限不对"' not in html  # each form comes back with what was typed in it
    assert 'value="单位不对"' in html


async def _proposal(desk: Desk) -> int:
    async with desk.db.transaction() as session:
        [notice] = await notices.notices(session, status=None)
        unit = (await notices.assignments(session, notice_ids=[notice.id]))[0]
        flag = await flags.create(
            session,
            key="test:proposal",
            unit=(unit.unit_id, unit.unit_name),
            kind="书面检查",
            basis="receipt",
            notices=[(notice.id, notice.number)],
            at=T0,
            now=T0,
            actor="duban",
            reason="连续两次未按时签收",
            lapses=[(notice.id, "receipt")],
        )
    assert flag is not None
    return flag.id


async def test_a_proposal_is_confirmed_and_revoked_with_a_reason_on_the_web(
    client: TestClient[Any, Any], desk: Desk
) -> None:
    await login(client, "alice", OFFICE_PASSWORD)
    await publish(client, title="防汛检查", units="城关镇")
    flag_id = await _proposal(desk)
    html = await (await client.get("/proposals")).text()
    assert f'data-id="{flag_id}"' in html and "书面检查" in html
    status, html = await post(client, f"/proposals/{flag_id}/confirm", {"until": ""}, page="/proposals")
    assert status == 200 and "已确认" in html
    status, html = await post(client, f"/proposals/{flag_id}/revoke", {"reason": ""}, page="/proposals")
    assert "原因" in html  # a revocation needs a reason, as in chat
    async with desk.db.reader() as session:
        [flag] = await flags.flags(session, ids=[flag_id])
    assert flag.status == "confirmed" and flag.decided_by == "网页:alice"
    status, html = await post(
        client, f"/proposals/{flag_id}/revoke", {"reason": "电话已签收"}, page="/proposals"
    )
    async with desk.db.reader() as session:
        [flag] = await flags.flags(session, ids=[flag_id])
        entries = await audit.entries(session, subject=f"flag:{flag_id}")
    assert flag.status == "revoked" and flag.decision_reason == "电话已签收"
    assert [e.actor for e in entries][-2:] == ["网页:alice", "网页:alice"]


# --- pages -------------------------------------------------------------------------------------------------


async def test_every_page_shows_its_content(client: TestClient[Any, Any], desk: Desk) -> None:
    await login(client, "alice", OFFICE_PASSWORD)
    await publish(client, title="秋粮收购督查", units="城关镇、财政局", body="正文全文在此")
    async with desk.db.reader() as session:
        [notice] = await notices.notices(session, status=None)
    pages = {
        "/": ["总览", "秋粮收购督查", "今天到期"],  # and no read-only banner for the office (below)
        "/notices?year=2026&status=open": [notice.number, "秋粮收购督查"],
        f"/notices/{notice.id}": [
            "正文全文在此",
            "县财政局",
            "待签收",
            "机器人发出的消息",
            "督办通知",
            "督查联络群",
        ],
        "/publish": ["全部乡镇", "全部县直部门", "签收时限"],
        "/proposals": ["没有待确认的处理建议"],
        "/review": ["没有待核的回复"],
        "/audit?who=网页:alice": ["网页:alice", notice.number, "发布"],
        "/roster": ["城关镇", "张三", "wxid_zhang", "督查联络群", "王主任"],
        "/units?period=quarter": ["一票否决", "按时签收率", "<svg", "各单位按时签收率"],
        "/wechat": ["控制台模式", "待发送消息"],
        "/downloads": ["下载 Excel"],
    }
    for path, words in pages.items():
        response = await client.get(path)
        html = await response.text()
        assert response.status == 200, path
        for word in words:
            assert word in html, f"{word!r} not on {path}"
    assert 'id="read-only"' not in await (await client.get("/")).text()
    overdue = await (await client.get("/notices?overdue=1")).text()
    assert "秋粮收购督查" not in overdue
    other_unit = await (await client.get("/notices?unit=999")).text()
    assert "没有符合条件的督办事项" in other_unit
    missing = await client.get("/no-such-page")
    assert missing.status == 404 and "没有 /no-such-page 这个页面" in await missing.text()
    no_notice = await client.get("/notices/999")
    assert no_notice.status == 404 and "没有找到这件督办事项" in await no_notice.text()
    wrong_way = await client.get("/proposals/1/confirm")
    assert wrong_way.status == 405 and "只接受页面上的表单提交" in await wrong_way.text()
    nobody = await (await client.get("/audit?who=nobody")).text()
    assert "没有符合条件的记录" in nobody


def section(html: str, start: str, end: str) -> str:
    """The words a person sees between two headings of a page (tags removed)."""
    part = html[html.index(start) : html.index(end)]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", part))


async def test_records_and_messages_read_in_chinese_on_the_notice_page_and_the_audit_log(
    client: TestClient[Any, Any], desk: Desk
) -> None:
    await login(client, "alice", OFFICE_PASSWORD)
    await publish(client, title="冬季安全生产", units="城关镇、财政局", receipt_due="2026-11-26 10:00")
    async with desk.db.reader() as session:
        [notice] = await notices.notices(session, status=None)
    page = f"/notices/{notice.id}"
    html = await (await client.get(page)).text()
    assert "待发送" in section(html, "机器人发出的消息", "</main>")
    await sent_out(desk)
    act = f"/notices/{notice.id}/act"
    await post(client, act, {"what": "excuse", "units": "财政局", "reason": "抗洪抢险"}, page=page)
    await post(client, act, {"what": "extend_receipt", "when": "11月27日17:30", "units": "城关镇"}, page=page)
    html = await (await client.get(page)).text()
    history = section(html, "延期、免责和其他记录", "机器人发出的消息")
    assert "发布 标题：《冬季安全生产》；单位：城关镇、县财政局；签收时限：2026-11-26 10:00" in history
    assert "免责 单位：县财政局；原因：抗洪抢险" in history
    assert "延长签收时限 单位：城关镇；新时限：2026-11-27 17:30" in history
    assert "网页:alice" in history
    sent = section(html, "机器人发出的消息", "</main>")
    assert "督办通知 督查联络群 已发送" in sent
    for raw in ("{", "notice.", "assignment.", "room-1", "sent ", "pending"):
        assert raw not in history + sent, raw
    log = await (await client.get("/audit?what=assignment.excuse")).text()
    rows = section(log, "<table", "最多显示")
    assert "免责" in rows and "单位：县财政局；原因：抗洪抢险" in rows and notice.number in rows
    assert "发布" not in rows and "{" not in rows and "assignment." not in rows
    async with desk.db.transaction() as session:
        await outbox.enqueue(
            session,
            dedup_key="test:private",
            text="一条私聊",
            room_id=None,
            to_id="wxid_office",
            now=desk.now(),
            kind="status",
        )
        [private] = [m for m in await outbox.queued(session, status="pending") if m.text == "一条私聊"]
        assert await outbox.claim(session, private.id)
        await outbox.mark_failed_attempt(session, private.id, error="网关拒绝", retry_at=None)
    desk.connection = lambda: Connection(
        "wechaty",
        connected=False,
        logged_in=False,
        account=None,
        reconnects=2,
        last_disconnect="event stream ended",
    )
    state = section(await (await client.get("/wechat")).text(), "微信连接", "待发送消息")
    assert (
        "未连上微信网关" in state and "连接曾经中断过，机器人会自动重连" in state and "重连次数：2" in state
    )
    failed = section(await (await client.get("/wechat")).text(), "发送失败", "</main>")
    assert (
        "王主任（私聊） 发送失败 网关拒绝" in failed
        and "wxid_office" not in failed
        and "failed" not in failed
    )
    roster = section(await (await client.get("/audit?what=roster.")).text(), "<table", "最多显示")
    assert "服务器命令" in roster and "名册变更" in roster and "督查联络群" in roster
    assert "room:" not in roster and "person:" not in roster


async def test_an_overdue_unit_turns_red_on_the_overview(client: TestClient[Any, Any], desk: Desk) -> None:
    await login(client, "alice", OFFICE_PASSWORD)
    await publish(client, title="签收时限已过", units="城关镇", receipt_due="2026-11-30 10:00")
    await sent_out(desk)
    html = await (await client.get("/")).text()
    assert 'data-unit="城关镇" data-light="green"' in html  # due Monday: more than a working day away
    assert isinstance(desk.clock, VirtualClock)
    desk.clock.advance_to(datetime(2026, 11, 27, 2, 0, tzinfo=UTC))  # Friday 10:00 in Shanghai
    html = await (await client.get("/")).text()
    assert 'data-unit="城关镇" data-light="yellow"' in html
    desk.clock.advance_to(datetime(2026, 11, 30, 3, 0, tzinfo=UTC))  # Monday 11:00: the deadline has passed
    html = await (await client.get("/")).text()
    assert 'data-unit="城关镇" data-light="red"' in html
    assert re.search(r'id="count-red">1<', html)
    overview = await (await client.get("/api/overview")).json()
    assert overview["notices"][0]["light"] == "red"
    assert overview["notices"][0]["units"] == [
        {"unit": "城关镇", "light": "red", "receipt": "missed", "feedback": "none"}
    ]


async def test_the_api_ledger_equals_duban_export_json_and_the_xlsx_opens(
    client: TestClient[Any, Any], desk: Desk
) -> None:
    await login(client, "alice", OFFICE_PASSWORD)
    await publish(client, title="台账导出", units="全部")
    response = await client.get("/api/ledger?year=2026")
    body = await response.read()
    async with desk.db.reader() as session:
        ledger = await build_ledger(session, now=desk.now(), tz=desk.policy().tz, year=2026)
    assert body == write_ledger(ledger, "json", None)
    assert json.loads(body)["notices"][0]["title"] == "台账导出"
    xlsx = await client.get("/download?format=xlsx&year=2026")
    assert xlsx.status == 200
    assert "attachment" in xlsx.headers["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(await xlsx.read()))
    cells = [str(c.value) for row in book.worksheets[0].iter_rows() for c in row if c.value is not None]
    assert "台账导出" in cells
    ranged = await client.get("/download?format=json&from=2026-12-01&to=2026-12-31")
    assert json.loads(await ranged.read())["notices"] == []
    bad = await client.get("/download?format=pdf")
    assert bad.status == 400 and "xlsx、csv 或 json" in await bad.text()


async def test_a_roster_file_is_checked_first_and_imported_only_when_confirmed(
    client: TestClient[Any, Any], desk: Desk, tmp_path: Path
) -> None:
    await login(client, "alice", OFFICE_PASSWORD)
    bigger = {**ROSTER, "units": [*ROSTER["units"], {"name": "柳林乡", "kind": "乡镇"}]}
    token = csrf_of(await (await client.get("/roster")).text())
    response = await client.post(
        "/roster/check", data=upload(token, json.dumps(bigger, ensure_ascii=False).encode())
    )
    html = await response.text()
    assert "试导入" in html and "柳林乡" in html and "确认导入" in html
    roster_html = await (await client.get("/roster")).text()
    assert "柳林乡" not in roster_html  # nothing written yet
    apply_token = re.search(r'name="token" value="([0-9a-f]+)"', html)
    assert apply_token
    _, html = await post(client, "/roster/apply", {"token": apply_token.group(1)}, page="/roster")
    assert "名册已导入" in html and "柳林乡" in html
    async with desk.db.reader() as session:
        entries = await audit.entries(session, actions=["roster."])
    assert any(e.actor == "网页:alice" for e in entries)
    bad = await client.post("/roster/check", data=upload(token, b"{not json"))
    assert "名册文件有错误" in await bad.text()


async def test_the_review_queue_offers_one_click_corrections(
    client: TestClient[Any, Any], desk: Desk
) -> None:
    from storage import review

    await login(client, "alice", OFFICE_PASSWORD)
    await publish(client, title="待核测试", units="城关镇")
    async with desk.db.transaction() as session:
        [notice] = await notices.notices(session, status=None)
        unit = (await notices.assignments(session, notice_ids=[notice.id]))[0]
        await review.add(
            session,
            message_id="m-1",
            unit_id=unit.unit_id,
            wechat_id="wxid_zhang",
            room_id="room-1",
            text="好的知道了",
            at=T0,
            notice_ids=[notice.id],
        )
        [item] = await review.open_items(session)
    html = await (await client.get("/review")).text()
    assert "好的知道了" in html and "记为签收" in html
    assert "张三" in html and "wxid_zhang" not in html  # who wrote it, by name
    status, html = await post(
        client, f"/review/{item.id}", {"what": "receipt", "notice": str(notice.id)}, page="/review"
    )
    assert status == 200
    async with desk.db.reader() as session:
        [row] = await notices.assignments(session, notice_ids=[notice.id])
        left = await review.open_items(session)
    assert row.received_at == T0
    assert left == []  # a recorded receipt settles the unit's open review items


async def test_a_notice_page_runs_the_chat_commands_for_that_notice(
    client: TestClient[Any, Any], desk: Desk
) -> None:
    await login(client, "alice", OFFICE_PASSWORD)
    await publish(client, title="办理按钮", units="城关镇、东风乡", feedback_due="12月5日17:30")
    async with desk.db.reader() as session:
        [notice] = await notices.notices(session, status=None)
    page = f"/notices/{notice.id}"
    act = f"/notices/{notice.id}/act"
    _, html = await post(client, act, {"what": "excuse", "units": "东风乡", "reason": ""}, page=page)
    assert "免责必须写原因" in html  # the chat command's own complaint, nothing recorded
    _, html = await post(client, act, {"what": "excuse", "units": "东风乡", "reason": "抗洪抢险"}, page=page)
    assert "免责：抗洪抢险" in html
    _, html = await post(
        client, act, {"what": "extend_feedback", "when": "12月10日17:30", "units": ""}, page=page
    )
    _, html = await post(client, act, {"what": "close"}, page=page)
    async with desk.db.reader() as session:
        rows = {a.unit_name: a for a in await notices.assignments(session, notice_ids=[notice.id])}
        [still_open] = await notices.notices(session, status=None)
        entries = await audit.entries(session, subject=notice.number)
    assert rows["东风乡"].excused and rows["东风乡"].excuse_reason == "抗洪抢险"
    assert desk.policy().local(rows["城关镇"].feedback_due or T0).day == 10
    assert still_open.status == "open"  # 城关镇 still owes: closing asks for 确认 first, as in chat
    assert "确认" in html
    _, html = await post(client, act, {"what": "close", "confirm": "1"}, page=page)
    async with desk.db.reader() as session:
        [closed] = await notices.notices(session, status=None)
    assert closed.status == "closed"
    assert {e.actor for e in entries if e.action != "assignment.receipt"} == {"网页:alice"}
    bad = await post(client, act, {"what": "explode"}, page=page)
    assert bad[0] == 400 and "没有这个操作" in bad[1]
