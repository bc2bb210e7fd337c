"""Alerts outside WeChat, against a local 企业微信-style webhook (aiohttp) and a local SMTP server (aiosmtpd)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from datetime import datetime
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiohttp import web
from aiosmtpd.controller import Controller

from bot.alerts import Alerts
from bot.app import make_policy
from bot.config import AlertsConfig, load_config
from handlers.actions.duties import Duties
from storage.db import Database
from storage.models import Person

TZ = ZoneInfo("Asia/Shanghai")


class Webhook:
    """A stand-in for the 企业微信 group-robot endpoint: records each call, answers as it does."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.errcode = 0

    async def handle(self, request: web.Request) -> web.Response:
        self.calls.append(await request.json())
        return web.json_response({"errcode": self.errcode, "errmsg": "ok" if not self.errcode else "invalid"})


@pytest.fixture
async def webhook() -> AsyncIterator[tuple[Webhook, str]]:
    hook = Webhook()
    app = web.Application()
    app.router.add_post("/cgi-bin/webhook/send", hook.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield hook, f"http://127.0.0.1:{port}/cgi-bin/webhook/send?key=test-key"
    await runner.cleanup()


class Mailbox:
    def __init__(self) -> None:
        self.messages: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(envelope)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp() -> Any:
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield box, controller.port
    controller.stop()


def subject(envelope: Any) -> str:
    return str(make_header(decode_header(message_from_bytes(envelope.content)["Subject"])))


async def test_an_alert_goes_to_the_webhook_and_by_mail(webhook: tuple[Webhook, str], smtp: Any) -> None:
    hook, url = webhook
    box, port = smtp
    alerts = Alerts(
        AlertsConfig(
            wecom_webhook=url,
            smtp_host="127.0.0.1",
            smtp_port=port,
            smtp_from="duban@county.gov.cn",
            smtp_to=("duchashi@county.gov.cn", "it@county.gov.cn"),
        )
    )
    assert alerts.channels == ["企业微信群机器人", "电子邮件"]
    assert await alerts.send("微信账号已退出登录，请尽快扫码") == {}
    assert hook.calls == [
        {"msgtype": "text", "text": {"content": "【督办助手告警】督办助手\n微信账号已退出登录，请尽快扫码"}}
    ]
    (envelope,) = box.messages
    assert envelope.rcpt_tos == ["duchashi@county.gov.cn", "it@county.gov.cn"]
    assert subject(envelope) == "【督办助手告警】微信账号已退出登录，请尽快扫码"
    assert "请尽快扫码" in message_from_bytes(envelope.content).get_payload(decode=True).decode()


async def test_a_failing_channel_is_reported_never_raised(webhook: tuple[Webhook, str]) -> None:
    hook, url = webhook
    hook.errcode = 93000
    alerts = Alerts(
        AlertsConfig(
            wecom_webhook=url, smtp_host="127.0.0.1", smtp_port=free_port(), smtp_from="a@b", smtp_to=("c@d",)
        )
    )
    failures = await alerts.send("测试")
    assert set(failures) == {"企业微信群机器人", "电子邮件"}
    assert "93000" in failures["企业微信群机器人"]
    await alerts.alert("x", "测试")  # logs, does not raise


async def test_the_same_alert_goes_out_once_an_hour(webhook: tuple[Webhook, str]) -> None:
    hook, url = webhook
    alerts = Alerts(AlertsConfig(wecom_webhook=url))
    await alerts.alert("database", "数据库出错")
    await alerts.alert("database", "数据库出错")
    await alerts.alert("send-failed", "发送失败")
    assert [c["text"]["content"].splitlines()[1] for c in hook.calls] == ["数据库出错", "发送失败"]


async def test_a_year_without_calendar_data_is_alerted_once(tmp_path: Path) -> None:
    db = Database.from_url(f"sqlite+aiosqlite:///{tmp_path / 'calendar.db'}")
    await db.upgrade()
    async with db.transaction() as session:
        session.add(Person(wechat_id="liming", name="李明", is_office=True))
    said: list[tuple[str, str]] = []

    async def alert(key: str, text: str) -> None:
        said.append((key, text))

    duties = Duties(db, make_policy(load_config(None, env={}), bot_id="bot"), alert)
    await duties.daily(datetime(2099, 1, 1, 9, tzinfo=TZ))  # a holiday, and nobody knows 2099's
    await duties.daily(datetime(2099, 1, 2, 9, tzinfo=TZ))
    await db.dispose()
    assert [key for key, _ in said] == ["calendar:2099"]
    assert "2099" in said[0][1]


def test_alert_secrets_only_come_from_the_environment(tmp_path: Path) -> None:
    from bot.config import ConfigError

    path = tmp_path / "config.toml"
    path.write_text('[alerts]\nwecom_webhook = "https://qyapi.weixin.qq.com/x?key=1"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="DUBAN_ALERTS_WECOM_WEBHOOK"):
        load_config(path, env={})
    config = load_config(None, env={"DUBAN_ALERTS_WECOM_WEBHOOK": "https://qyapi.weixin.qq.com/x?key=1"})
    assert config.alerts.enabled


async def test_nothing_configured_sends_nothing() -> None:
    alerts = Alerts(AlertsConfig())
    assert alerts.channels == []
    assert await asyncio.wait_for(alerts.send("x"), 1) == {}


async def test_the_outage_alarm_waits_for_a_lasting_disconnection_and_not_for_a_logout() -> None:
    from datetime import timedelta

    from bot.clock import RealClock
    from bot.outage import OutageAlarm

    said: list[str] = []

    async def alert(key: str, text: str) -> None:
        said.append(key)

    alarm = OutageAlarm(
        alert, timedelta(seconds=0.2), make_policy(load_config(None, env={}), bot_id="b"), RealClock()
    )
    await alarm.down("disconnected", "")
    alarm.up()  # back within the grace: nothing
    await asyncio.sleep(0.3)
    assert said == []
    await alarm.down("disconnected", "")
    await alarm.down("disconnected", "")  # the same outage: one timer
    await asyncio.sleep(0.3)
    assert said == ["disconnected"]
    await alarm.down("logout", "扫码失效")
    assert said == ["disconnected", "logout"]
    alarm.up()
