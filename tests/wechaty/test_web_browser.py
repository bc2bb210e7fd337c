"""The web desk in a real browser: Debian's chromium driven by Playwright against `duban run` and the test
gateway. Log in, publish, a liaison's 收到 turns the unit green, confirm and revoke a proposal, download
the xlsx, a viewer refused; a screenshot of every page goes to tests/screenshots/ (git-ignored)."""

from __future__ import annotations

import base64
import io
import os
import re
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from live_bot import LiveBot, at_local
from wechaty_gateway import (
    APP_WORLD,
    LIAISON_A,
    ROOM,
    Gateway,
    eventually,
    free_port,
    running_gateway,
)

from storage import flags

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[1] / "screenshots"
TZ = ZoneInfo("Asia/Shanghai")
PDF_NAME = "关于冬季安全生产大检查的通知.pdf"
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 16 + b"\n%%EOF\n"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_or_skip() -> None:
    """Debian's chromium and the Playwright client; missing either fails where DUBAN_REQUIRE_BROWSER=1."""
    problem = None
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} is missing (apt-get install chromium)"
    else:
        try:
            import playwright.async_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is not installed (pip install -e '.[dev]')"
    if problem is None:
        return
    if os.environ.get("DUBAN_REQUIRE_BROWSER") == "1":
        pytest.fail(f"the browser tests must run here: {problem}")
    pytest.skip(problem)


@pytest.fixture
async def live_gateway(node: str, tmp_path: Path) -> AsyncIterator[Gateway]:
    async with running_gateway(node, tmp_path, APP_WORLD) as gw:
        yield gw


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    chromium_or_skip()
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        try:
            yield launched
        finally:
            await launched.close()


def clock_settings(now: datetime) -> dict[str, Any]:
    """Whatever day and hour the test runs: today a working day, quiet hours and the daily broadcast far away."""
    later = [(now + timedelta(hours=h)).time().replace(second=0, microsecond=0) for h in (3, 4, 6)]
    return {
        "calendar": {"extra_workdays": [now.date().isoformat()]},
        "quiet_hours": {"start": later[0], "end": later[1]},
        "reminders": {"daily_time": later[2]},
    }


async def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


async def login(page: Any, base: str, username: str, password: str) -> None:
    await page.goto(f"{base}/login")
    await page.fill("#username", username)
    await page.fill("#password", password)
    await page.click("button[type=submit]")


async def light_of(page: Any, base: str, unit: str, number: str) -> str | None:
    await page.goto(f"{base}/")
    chip = page.locator(f'.notice[data-number="{number}"] .unit[data-unit="{unit}"]')
    return await chip.get_attribute("data-light") if await chip.count() else None


async def test_the_office_works_on_the_web_desk_in_a_browser(
    live_gateway: Gateway, tmp_path: Path, browser: Any
) -> None:
    now = datetime.now(TZ)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    bot = LiveBot(
        tmp_path,
        live_gateway,
        {
            **clock_settings(now),
            "web": {"listen": f"127.0.0.1:{port}", "secret_file": str(tmp_path / "web.key")},
        },
    )
    try:
        await bot.import_roster()
        assert (
            await bot.duban(
                "web",
                "user",
                "add",
                "alice",
                "--role",
                "office",
                "--password-stdin",
                stdin=b"office-pass-1\n",
            )
            == 0
        )
        assert (
            await bot.duban(
                "web",
                "user",
                "add",
                "leader",
                "--role",
                "viewer",
                "--password-stdin",
                stdin=b"leader-pass-1\n",
            )
            == 0
        )
        await bot.start()
        assert (tmp_path / "web.key").stat().st_mode & 0o777 == 0o600

        page = await (await browser.new_context(accept_downloads=True, locale="zh-CN")).new_page()
        await page.goto(f"{base}/")
        assert "/login" in page.url
        await shot(page, "01-login")
        await login(page, base, "alice", "wrong-password")
        assert "用户名或密码不对" in await page.inner_text("#login-error")
        await login(page, base, "alice", "office-pass-1")
        assert await page.inner_text("h1") == "总览"

        # Publish: the units' receipts fall due in under a minute, 县财政局 owes two of them.
        first_due, second_due = now + timedelta(seconds=50), now + timedelta(seconds=60)
        await page.goto(f"{base}/publish")
        await page.fill("#title", "关于开展冬季安全生产大检查的通知")
        await page.click("button.shortcut:text-is('全部')")
        await page.fill("#receipt_due", at_local(first_due))
        await page.fill("#body", "请各单位于本周内完成自查。")
        await page.set_input_files(
            "#files", files=[{"name": PDF_NAME, "mimeType": "application/pdf", "buffer": PDF}]
        )
        await shot(page, "03-publish")
        await page.click("#publish")
        assert "已发布" in await page.inner_text("#flash")
        assert f"《{PDF_NAME}》" in await page.inner_text("#flash")
        first = re.search(r"已发布 (\S+)《", await page.inner_text("#flash"))
        assert first is not None
        await page.goto(f"{base}/publish")
        await page.fill("#title", "关于报送防汛物资储备情况的通知")
        await page.fill("#units", "财政局")
        await page.fill("#receipt_due", at_local(second_due))
        await page.click("#publish")
        assert "已发布" in await page.inner_text("#flash")
        notice_post = await bot.sent(ROOM, "冬季安全生产大检查")
        await bot.sent(ROOM, "防汛物资储备")
        sent_file = await live_gateway.wait_for(lambda e: e["event"] == "sent_file", within=60)
        assert sent_file["conversation"] == ROOM and sent_file["name"] == PDF_NAME
        assert base64.b64decode(sent_file["base64"]) == PDF  # the gateway got the file's bytes
        assert live_gateway.events.index(notice_post) < live_gateway.events.index(sent_file)

        # A liaison's 收到 through the gateway turns 城关镇 green.
        assert await light_of(page, base, "城关镇", first.group(1)) == "yellow"  # owing, due within the day
        await live_gateway.command("say", **{"from": LIAISON_A}, room=ROOM, text="收到")

        async def green() -> bool:
            return await light_of(page, base, "城关镇", first.group(1)) == "green"

        await eventually(green, "城关镇 to turn green on 总览", within=20)
        await shot(page, "02-overview")

        # Both deadlines pass: 县财政局 missed two receipts in a row, the bot proposes 书面检查.
        async def proposed() -> bool:
            await page.goto(f"{base}/proposals")
            return await page.locator(".proposal").count() > 0

        await eventually(proposed, "a proposal on 处理建议", within=90)
        await shot(page, "04-proposals")
        card = page.locator(".proposal").first
        flag_id = int(await card.get_attribute("data-id") or 0)
        await card.locator("button.confirm").click()
        assert "已确认" in await page.inner_text("#flash")
        row = page.locator(f'tr.decided[data-id="{flag_id}"]')
        await row.locator("input[name=reason]").fill("经核实已电话签收")
        await row.locator("button.revoke").click()
        assert "撤销" in await page.inner_text("#flash")
        async with bot.db.reader() as session:
            [flag] = await flags.flags(session, ids=[flag_id])
        assert flag.status == "revoked" and flag.decided_by == "网页:alice"
        assert flag.decision_reason == "经核实已电话签收"
        decided = await page.inner_text(f'tr.decided[data-id="{flag_id}"]')
        assert "已撤销" in decided and "alice" in decided
        await shot(page, "04-proposals-decided")

        # Download the xlsx ledger.
        await page.goto(f"{base}/downloads")
        await shot(page, "11-downloads")
        async with page.expect_download() as waiting:
            await page.click("#download-xlsx")
        download = await waiting.value
        saved = tmp_path / "ledger.xlsx"
        await download.save_as(str(saved))
        book = openpyxl.load_workbook(io.BytesIO(saved.read_bytes()))
        cells = [str(c.value) for row_ in book.worksheets[0].iter_rows() for c in row_ if c.value is not None]
        assert "关于开展冬季安全生产大检查的通知" in cells

        # The notice's page lists its attachment, and the file downloads as it was uploaded.
        await page.goto(f"{base}/notices/1")
        row = page.locator("#attachments tr.attachment")
        assert await row.count() == 1 and PDF_NAME in await row.inner_text()
        async with page.expect_download() as waiting:
            await row.locator("a").click()
        attachment = tmp_path / "attachment.pdf"
        await (await waiting.value).save_as(str(attachment))
        assert attachment.read_bytes() == PDF

        # 承办单位: this quarter's scores, and the 通报 as duban report writes it.
        await page.goto(f"{base}/units")
        assert await page.locator("#scores tr.score").count() == 3
        async with page.expect_download() as waiting:
            await page.click("#report-txt")
        bulletin = tmp_path / "bulletin.txt"
        await (await waiting.value).save_as(str(bulletin))
        assert "督办工作通报" in bulletin.read_text(encoding="utf-8")

        # Every other page, as the office sees it (and the overview on a phone).
        for name, path in [
            ("05-notices", "/notices"),
            ("06-notice", "/notices/1"),
            ("07-review", "/review"),
            ("08-audit", "/audit?who=网页:alice"),
            ("09-roster", "/roster"),
            ("10-units", "/units"),
            ("12-wechat", "/wechat"),
        ]:
            response = await page.goto(f"{base}{path}")
            assert response is not None and response.status == 200, path
            await shot(page, name)
        await page.goto(f"{base}/notices/1")
        history = await page.inner_text("#history")
        assert "发布" in history and "签收" in history and "城关镇、县财政局、县发展和改革委员会" in history
        assert "张三" in history and "{" not in history and "notice." not in history
        sent = await page.inner_text("#sent")
        assert "县督查工作群" in sent and "已发送" in sent and "督办通知" in sent
        assert ROOM not in sent and "sent" not in sent
        await page.goto(f"{base}/audit?who=网页:alice")
        entries = await page.inner_text("table")
        assert "确认处理" in entries and "撤销处理" in entries and "原因：经核实已电话签收" in entries
        assert "flag." not in entries and "{" not in entries and "处理建议 #" in entries
        await page.goto(f"{base}/roster")
        assert "督办助手（机器人）" in await page.inner_text("table >> nth=1")
        assert await page.inner_text("#file-name") == "还没有选择文件"
        await page.set_input_files("#file", str(tmp_path / "roster.json"))  # the file just imported
        assert await page.inner_text("#file-name") == "roster.json"
        await page.click("form[action='/roster/check'] button[type=submit]")
        preview = await page.inner_text("#roster-preview")
        assert "试导入" in preview and "不变 3 个" in preview  # the chosen file went up and was checked
        await page.goto(f"{base}/wechat")
        assert "已登录微信" in await page.inner_text("#connection")
        await page.set_viewport_size({"width": 390, "height": 844})
        await page.goto(f"{base}/")
        await shot(page, "13-overview-phone")
        await page.goto(f"{base}/notices/1")
        await shot(page, "13-notice-phone")
        await page.goto(f"{base}/roster")
        await shot(page, "13-roster-phone")

        # A leader (viewer) looks, and is refused a change.
        viewer = await (await browser.new_context(locale="zh-CN")).new_page()
        await login(viewer, base, "leader", "leader-pass-1")
        await viewer.goto(f"{base}/publish")
        await viewer.fill("#title", "领导试发")
        await viewer.fill("#units", "全部")
        await viewer.click("#publish")
        assert "只读账号" in await viewer.inner_text("#refusal")
        await shot(viewer, "14-viewer-refused")
        async with bot.db.reader() as session:
            from storage import notices

            titles = [n.title for n in await notices.notices(session, status=None)]
        assert "领导试发" not in titles

        # The account is logged out and WeChat asks for a scan: 微信连接 shows the QR drawn on this machine.
        await live_gateway.command("logout")
        await live_gateway.command("scan")

        async def qr_shown() -> bool:
            await page.goto(f"{base}/wechat")
            return await page.locator("img[src='/wechat/qr.png']").count() > 0

        await eventually(qr_shown, "the login QR on 微信连接", within=20)
        assert "未登录" in await page.inner_text("#connection") or "等待扫码" in await page.inner_text(
            "#connection"
        )
        png = await page.request.get(f"{base}/wechat/qr.png")
        assert png.status == 200 and (await png.body()).startswith(b"\x89PNG")
        await page.set_viewport_size({"width": 1280, "height": 720})
        await shot(page, "15-wechat-qr")
    finally:
        await bot.stop()
        await bot.close()
