"""Attachments and the assessment on the web desk, through aiohttp's test client over a real migrated database,
the real handlers, a real file store and a virtual clock: publish with files, list and download them, the
scores on 承办单位 and the 通报 downloads equal to `duban report`."""

from __future__ import annotations

import hashlib
import io
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from aiohttp import FormData
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select
from test_cli import duban
from test_web_desk import OFFICE_PASSWORD, VIEWER_PASSWORD, csrf_of, desk_over, login, sent_out

from bot.clock import VirtualClock
from bot.web.actions import run_as
from bot.web.desk import Desk
from bot.web.server import make_app
from handlers import texts
from handlers.actions.bulletin import bulletin
from handlers.rules.assessment import quarter_period
from handlers.rules.filecheck import FileProblem, human_size
from handlers.rules.report import build_report
from storage import attachments, audit, notices
from storage.db import Database
from storage.models import Attachment, OutboxMessage

T0 = datetime(2026, 7, 8, 9, 0, tzinfo=UTC)  # a Wednesday, 17:00 in Shanghai, in the third quarter
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
DOCX = b"PK\x03\x04" + b"template" * 300
OFFICE_NAME = "某某县人民政府督查室"


@pytest.fixture
async def desk(database: Database, tmp_path: Path) -> Desk:
    sections = {
        "general": {"office_name": OFFICE_NAME},
        "attachments": {"dir": str(tmp_path / "files"), "max_mb": 0.01},  # 10 KB: a small limit to hit
    }
    return await desk_over(database, tmp_path, T0, sections)


@pytest.fixture
async def client(desk: Desk) -> AsyncIterator[TestClient[Any, Any]]:
    async with TestClient(TestServer(make_app(desk))) as client:
        yield client


async def publish_with(
    client: TestClient[Any, Any], files: list[tuple[str, bytes, str]], **fields: str
) -> tuple[int, str]:
    """Submit the 发布 form as a browser does: multipart, with the CSRF token and the chosen files."""
    token = csrf_of(await (await client.get("/publish")).text())
    form = FormData(quote_fields=False)  # names as a browser sends them: UTF-8, not percent-encoded
    form.add_field("csrf", token)
    for key in ("title", "units", "receipt_due", "feedback_due", "body"):
        form.add_field(key, fields.get(key, ""))
    for name, data, mime in files:
        form.add_field("files", io.BytesIO(data), filename=name, content_type=mime)
    if not files:  # a browser sends the empty file input as a nameless part
        form.add_field("files", b"", filename="", content_type="application/octet-stream")
    response = await client.post("/publish", data=form)
    return response.status, await response.text()


async def kept(desk: Desk) -> list[Any]:
    async with desk.db.reader() as session:
        return list((await session.scalars(select(Attachment))).all())


async def test_a_notice_published_on_the_web_carries_its_files_into_every_room(
    client: TestClient[Any, Any], desk: Desk, tmp_path: Path
) -> None:
    await login(client, "alice", OFFICE_PASSWORD)
    files = [
        ("关于冬季安全生产大检查的通知.pdf", PDF, "application/pdf"),
        ("自查表模板.docx", DOCX, "application/octet-stream"),
    ]
    status, html = await publish_with(
        client, files, title="冬季安全生产大检查", units="全部", body="请自查。"
    )
    assert status == 200
    assert "已发布" in html and "附件（2个）" in html  # the handler's own confirmation names the files
    async with desk.db.reader() as session:
        [notice] = await notices.notices(session, status=None)
        carried = await attachments.of_notice(session, notice.id)
        entries = await audit.entries(session, subject=notice.number)
        posts = list((await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))).all())
    assert [(f.name, f.size, f.uploaded_by) for f in carried] == [
        ("关于冬季安全生产大检查的通知.pdf", len(PDF), "网页:alice"),
        ("自查表模板.docx", len(DOCX), "网页:alice"),
    ]
    assert [f.sha256 for f in carried] == [hashlib.sha256(PDF).hexdigest(), hashlib.sha256(DOCX).hexdigest()]
    assert carried[1].mime == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert desk.files.read(carried[0].sha256) == PDF
    assert str(tmp_path / "files") in str(desk.files.path(carried[0].sha256))
    assert entries[0].actor == "网页:alice"
    room_posts = [p for p in posts if p.room_id == "room-1"]
    assert room_posts[0].kind == "notice"
    assert [p.attachment_id for p in room_posts[1:]] == [f.id for f in carried]  # right after the text

    # The notice's page lists them; the office and a viewer download the very bytes.
    page = await (await client.get(f"/notices/{notice.id}")).text()
    for f in carried:
        assert f'href="/attachments/{f.id}"' in page and f.name in page and f.sha256[:12] in page
    assert f"<td>{human_size(len(PDF))}</td>" in page and "<td>网页:alice</td>" in page  # size, uploader
    download = await client.get(f"/attachments/{carried[0].id}")
    assert download.status == 200 and await download.read() == PDF
    assert download.headers["Content-Type"] == "application/pdf"
    assert "filename*=UTF-8''" in download.headers["Content-Disposition"]
    await client.post("/logout", data={"csrf": csrf_of(page)})
    assert (await client.get(f"/attachments/{carried[1].id}", allow_redirects=False)).status == 302
    await login(client, "leader", VIEWER_PASSWORD)
    assert await (await client.get(f"/attachments/{carried[1].id}")).read() == DOCX
    missing = await client.get("/attachments/999")
    assert missing.status == 404 and "没有这个附件" in await missing.text()


async def test_a_notice_without_files_says_so_and_takes_none(
    client: TestClient[Any, Any], desk: Desk
) -> None:
    await login(client, "alice", OFFICE_PASSWORD)
    _, html = await publish_with(client, [], title="防汛检查", units="城关镇")
    assert "已发布" in html and "附件（" not in html
    async with desk.db.reader() as session:
        [notice] = await notices.notices(session, status=None)
    page = await (await client.get(f"/notices/{notice.id}")).text()
    assert "这件督办没有附件" in page
    assert await kept(desk) == []


async def test_one_bad_file_keeps_nothing_publishes_nothing_and_the_form_keeps_what_was_typed(
    client: TestClient[Any, Any], desk: Desk
) -> None:
    await login(client, "alice", OFFICE_PASSWORD)
    rules = desk.policy().files
    status, html = await publish_with(
        client,
        [("通知.pdf", PDF, "application/pdf"), ("工具.exe", b"MZ" * 10, "application/octet-stream")],
        title="冬季安全生产大检查",
        units="全部",
        body="请自查。",
    )
    assert status == 200
    expected = texts.file_refused(FileProblem("type", "工具.exe", 20), rules)
    assert expected.replace("（", "").split("：")[0] in html  # the chat's own refusal
    assert "扩展名" in html and "没有保存" in html
    assert 'value="冬季安全生产大检查"' in html and 'value="全部"' in html and "请自查。</textarea>" in html
    assert "通知.pdf、工具.exe" in html  # the page says the chosen files must be chosen again

    big = b"%PDF" + b"0" * (rules.max_bytes + 1)
    status, html = await publish_with(
        client, [("大文件.pdf", big, "application/pdf")], title="大", units="全部"
    )
    assert texts.file_refused(FileProblem("size", "大文件.pdf", len(big)), rules) in html
    status, html = await publish_with(client, [("空.pdf", b"", "application/pdf")], title="空", units="全部")
    assert "是空的" in html

    # Good files, but a notice the chat command refuses: the files are not kept for a later publish either.
    status, html = await publish_with(
        client, [("通知.pdf", PDF, "application/pdf")], title="单位不对", units="不存在"
    )
    assert "不存在" in html and 'value="单位不对"' in html
    async with desk.db.reader() as session:
        assert await notices.notices(session, status=None) == []
    assert await kept(desk) == []
    status, html = await publish_with(client, [], title="后来的通知", units="城关镇")
    assert "已发布" in html and "附件（" not in html


async def test_a_viewer_cannot_publish_files(client: TestClient[Any, Any], desk: Desk) -> None:
    await login(client, "leader", VIEWER_PASSWORD)
    status, html = await publish_with(
        client, [("通知.pdf", PDF, "application/pdf")], title="领导试发", units="全部"
    )
    assert status == 403 and "只读账号" in html
    assert await kept(desk) == []


async def _a_quarter(desk: Desk, client: TestClient[Any, Any]) -> str:
    """A notice to all units in the third quarter: 城关镇 signs in time, the others never do."""
    await login(client, "alice", OFFICE_PASSWORD)
    _, html = await publish_with(client, [], title="第三季度抽查", units="全部", receipt_due="明天10:00")
    assert "已发布" in html
    await sent_out(desk)
    async with desk.db.reader() as session:
        [notice] = await notices.notices(session, status=None)
    assert isinstance(desk.clock, VirtualClock)
    desk.clock.advance_to(T0 + timedelta(minutes=20))
    answers = await run_as(desk, "alice", f"/签收 {notice.number} 单位：城关镇 原因：电话签收")
    assert any("补记" in a or "签收" in a for a in answers), answers
    desk.clock.advance_to(datetime(2026, 10, 9, 2, 0, tzinfo=UTC))  # the quarter is over
    return notice.number


async def test_the_units_page_shows_the_reports_scores_and_serves_the_bulletin_of_duban_report(
    client: TestClient[Any, Any], desk: Desk, database_url: str, tmp_path: Path
) -> None:
    await _a_quarter(desk, client)
    period = quarter_period(2026, 3, desk.policy().tz)
    async with desk.db.reader() as session:
        report = await build_report(session, desk.policy().assessment, period, desk.now())
    assert [(s.rank, s.unit, s.score) for s in report.scores] == [
        (1, "城关镇", 100),
        (2, "东风乡", 99),
        (2, "县财政局", 99),
    ]
    html = await (await client.get("/units?term=2026Q3")).text()
    assert "考核得分和排名：2026年第三季度" in html
    for score in report.scores:
        assert (
            f'data-unit="{score.unit}"><td>{score.rank}</td><td>{score.unit}</td><td class="points">' in html
        )
    assert '<td class="points">99</td>' in html and "逾期未签收1次−1" in html
    assert 'href="/report.xlsx?period=2026Q3"' in html and 'href="/report.txt?period=2026Q3"' in html
    year_page = await (await client.get("/units?period=year")).text()
    assert "考核得分和排名：2026年度" in year_page and 'href="/report.txt?period=2026"' in year_page

    # The same files `duban report` writes (the quarter is over for the real clock too).
    text = await (await client.get("/report.txt?period=2026Q3")).read()
    xlsx = await (await client.get("/report.xlsx?period=2026Q3")).read()
    env = {"DUBAN_DATABASE_URL": database_url, "DUBAN_GENERAL_OFFICE_NAME": OFFICE_NAME}
    done = duban("report", "--quarter", "2026Q3", "--out", "通报", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert text == (tmp_path / "通报" / "督办通报-2026Q3.txt").read_bytes()
    assert "· 第1名 城关镇：1/1（100%）｜—｜100分" in text.decode("utf-8")
    written = openpyxl.load_workbook(tmp_path / "通报" / "督办通报-2026Q3.xlsx")
    served = openpyxl.load_workbook(io.BytesIO(xlsx))

    def cells(book: Any) -> list[Any]:  # all but the generation time, which is each one's own clock
        return [
            (
                sheet.title,
                [
                    [c for c in row if not str(c).startswith("生成时间")]
                    for row in sheet.iter_rows(values_only=True)
                ],
            )
            for sheet in book.worksheets
        ]

    assert cells(served) == cells(written)
    async with desk.db.reader() as session:
        made = await bulletin(session, desk.policy(), period, desk.now())
    assert made.txt == text
    bad = await client.get("/report.txt?period=2026Q5")
    assert bad.status == 400 and "2026Q1" in await bad.text()


async def test_a_viewer_downloads_the_bulletin(client: TestClient[Any, Any], desk: Desk) -> None:
    await login(client, "leader", VIEWER_PASSWORD)
    response = await client.get("/report.txt?period=2026")
    assert response.status == 200
    assert (await response.text()).startswith(f"【{OFFICE_NAME}督办工作通报】2026年度")


async def test_a_form_larger_than_the_desk_accepts_is_refused_in_chinese(
    client: TestClient[Any, Any], desk: Desk
) -> None:
    await login(client, "alice", OFFICE_PASSWORD)
    huge = b"%PDF" + b"0" * (21 * 1024 * 1024)  # over the 20 MB a form may carry at least
    status, html = await publish_with(
        client, [("扫描件.pdf", huge, "application/pdf")], title="大", units="全部"
    )
    assert status == 413 and "提交的文件太大" in html and "20.0 MB" in html and "没有发布" in html
    async with desk.db.reader() as session:
        assert await notices.notices(session, status=None) == []
    assert await kept(desk) == []
