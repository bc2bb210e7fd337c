"""Files a notice carries: an office member's private file, picked up by the next /发布, posted after the
notice in every room, listed in /查询 and the ledger; other people's files are not kept.

Scenarios run through the replay (real dispatch, real SQLite or PostgreSQL, real file store); see
tests/scenario.py for the roster.
"""

from __future__ import annotations

import base64
import hashlib
import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from scenario import (
    CHENGGUAN,
    COUNTY_ROOM,
    DONGFENG,
    JIAOYU,
    OFFICE,
    OUTSIDER,
    TOWN_ROOM,
    Result,
    has,
    office,
    publish,
    run,
    say,
    setup,
)

from bot.app import make_policy
from bot.config import load_config
from handlers.actions.attachments import Upload, attach_files, keep_uploads
from handlers.actions.context import Turn
from handlers.messages import IncomingMessage
from handlers.reading.commands import Publish, RecordFeedback, parse_command
from storage import attachments, directory, notices, outbox
from storage.attachments import AttachmentView
from storage.db import Database
from storage.files import FileStore
from storage.ledger import ATTACHMENT_COLUMNS, write_ledger

PDF = b"%PDF-1.4\n% \xe5\x8e\xbf\xe6\x94\xbf\xe5\xba\x9c\xe7\x9d\xa3\xe6\x9f\xa5\xe5\xae\xa4\n1 0 obj <<>> endobj\n%%EOF\n"
DOCX = bytes(range(256)) * 40  # 10 KB of every byte value: the bytes must arrive unchanged


def send_file(when: str, sender: str, name: str, data: bytes, *, room: str | None = None) -> dict[str, Any]:
    """A file message (private by default), as a replay event."""
    event = say(when, sender, "", room=room)
    event["file"] = {"name": name, "base64": base64.b64encode(data).decode()}
    return event


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_messages(result: Result, room: str) -> list[dict[str, Any]]:
    return [m for m in result.in_room(room) if m["kind"] == "notice-file"]


async def test_an_office_file_rides_with_the_next_notice_into_every_room(tmp_path: Path) -> None:
    result = await run(
        [
            send_file("09:00", OFFICE, "关于冬季安全生产大检查的通知.pdf", PDF),
            publish("09:10", "冬季安全生产大检查", "城关镇、东风乡", feedback="12月5日"),
            office("09:20", "/查询 1"),
        ],
        tmp_path,
    )
    kept, confirmation, detail = result.texts_to(OFFICE)
    assert has(kept, "已收到文件《关于冬季安全生产大检查的通知.pdf》", "30 分钟内", "附件：无")
    assert has(confirmation, "已发布 督办〔2026〕1号", "附件（1个）：《关于冬季安全生产大检查的通知.pdf》")
    for room in (COUNTY_ROOM, TOWN_ROOM):
        in_room = result.in_room(room)
        assert [m["kind"] for m in in_room] == ["notice", "notice-file"], room
        assert in_room[0]["text"].startswith("【督办通知单】督办〔2026〕1号")
        file = in_room[1]["file"]
        assert file == {
            "name": "关于冬季安全生产大检查的通知.pdf",
            "mime": "application/pdf",
            "size": len(PDF),
            "sha256": sha(PDF),
        }
        assert in_room[1]["mentions"] == []
    assert has(detail, "附件（1个）", "关于冬季安全生产大检查的通知.pdf", sha(PDF)[:12])
    files = result.notice(1)["attachments"]
    assert [(f["name"], f["size"], f["sha256"], f["uploaded_by"]) for f in files] == [
        ("关于冬季安全生产大检查的通知.pdf", len(PDF), sha(PDF), OFFICE)
    ]


async def test_several_files_go_in_the_order_sent_and_only_once(tmp_path: Path) -> None:
    result = await run(
        [
            send_file("09:00", OFFICE, "红头文件.pdf", PDF),
            send_file("09:01", OFFICE, "填报模板.docx", DOCX),
            office("09:05", "/发布 第一份\n单位：城关镇\n附件：上一个文件"),
            publish("09:06", "第二份", "城关镇"),
        ],
        tmp_path,
    )
    first_confirmation, second_confirmation = result.texts_to(OFFICE)[2:]
    assert has(first_confirmation, "附件（2个）：《红头文件.pdf》", "《填报模板.docx》（10 KB）")
    assert "附件（" not in second_confirmation  # the files went with the first notice
    sent = file_messages(result, COUNTY_ROOM)
    assert [(m["file"]["name"], m["file"]["sha256"]) for m in sent] == [
        ("红头文件.pdf", sha(PDF)),
        ("填报模板.docx", sha(DOCX)),
    ]
    assert [f["name"] for f in result.notice(1)["attachments"]] == ["红头文件.pdf", "填报模板.docx"]
    assert result.notice(2)["attachments"] == []


async def test_a_file_older_than_the_window_is_not_taken(tmp_path: Path) -> None:
    result = await run(
        [
            send_file("09:00", OFFICE, "红头文件.pdf", PDF),
            office("09:31", "/发布 过期的附件\n单位：城关镇\n附件：上一个文件"),
            publish("09:32", "不带附件", "城关镇"),
        ],
        tmp_path,
    )
    refused, confirmation = result.texts_to(OFFICE)[1:]
    assert has(refused, "没有找到文件", "30 分钟内", "通知没有发布")
    assert "附件（" not in confirmation
    assert [n["title"] for n in result.notices()] == ["不带附件"]
    assert result.notice(1)["attachments"] == []
    assert file_messages(result, COUNTY_ROOM) == []


async def test_no_attachment_when_asked_and_the_file_waits_for_the_next_notice(tmp_path: Path) -> None:
    result = await run(
        [
            send_file("09:00", OFFICE, "红头文件.pdf", PDF),
            office("09:05", "/发布 不带\n单位：城关镇\n附件：无"),
            publish("09:10", "带上", "城关镇"),
        ],
        tmp_path,
    )
    assert result.notice(1)["attachments"] == []
    assert [f["name"] for f in result.notice(2)["attachments"]] == ["红头文件.pdf"]
    assert [m["notice"] for m in _file_notices(result)] == ["督办〔2026〕2号"]


def _file_notices(result: Result) -> list[dict[str, Any]]:
    return [
        {"notice": m["text"].split()[0].removeprefix("【附件】")} for m in file_messages(result, COUNTY_ROOM)
    ]


async def test_other_peoples_files_are_not_kept_for_publishing(tmp_path: Path) -> None:
    result = await run(
        [
            send_file("09:00", CHENGGUAN, "落实情况报告.docx", DOCX),  # a liaison, in private
            send_file("09:01", OUTSIDER, "广告.pdf", PDF),  # bound to nothing
            send_file("09:02", DONGFENG, "照片.png", PDF, room=TOWN_ROOM),  # a liaison's file in a group
            publish("09:05", "通知", "城关镇、东风乡"),
        ],
        tmp_path,
    )
    [told] = result.texts_to(CHENGGUAN)
    assert has(told, "《落实情况报告.docx》", "不保存", "不计为反馈")
    assert result.to(OUTSIDER) == []
    assert [m for m in result.answers() if m["at"] < "2026-11-25T09:05"] == [result.to(CHENGGUAN)[0]]
    assert result.notice(1)["attachments"] == []
    assert result.unit(1, "东风乡")["received_at"] is None  # a file is not a receipt
    assert file_messages(result, COUNTY_ROOM) == file_messages(result, TOWN_ROOM) == []


async def test_files_of_a_wrong_type_or_too_big_are_refused_and_change_nothing(tmp_path: Path) -> None:
    big = b"x" * 2048
    result = await run(
        [
            send_file("09:00", OFFICE, "setup.exe", PDF),
            send_file("09:01", OFFICE, "扫描件.pdf", big),
            send_file("09:02", OFFICE, "空文件.docx", b""),
            publish("09:05", "通知", "城关镇"),
        ],
        tmp_path,
        scenario_setup=setup(config={"attachments": {"max_mb": 0.001}}),
    )
    wrong_type, too_big, empty, confirmation = result.texts_to(OFFICE)
    assert has(wrong_type, "《setup.exe》没有保存", "PDF", "Word", "扩展名 pdf", "已有的记录没有改变")
    assert has(too_big, "《扫描件.pdf》有 2 KB", "超过 1 KB 的上限", "没有保存", "压缩或拆分")
    assert has(empty, "《空文件.docx》是空的", "重新发送")
    assert "附件（" not in confirmation
    assert result.notice(1)["attachments"] == []


async def test_attachment_line_in_a_notice_text_stays_text(tmp_path: Path) -> None:
    result = await run(
        [
            send_file("09:00", OFFICE, "汇总表.xlsx", DOCX),
            office("09:05", "/发布 报送统计表\n单位：城关镇\n正文：请于周五前报送。\n附件：1.统计汇总表"),
        ],
        tmp_path,
    )
    assert result.notice(1)["body"] == "请于周五前报送。\n附件：1.统计汇总表"
    assert [f["name"] for f in result.notice(1)["attachments"]] == ["汇总表.xlsx"]  # picked up as usual


def test_publish_reads_the_attachment_line() -> None:
    def files_of(text: str) -> str:
        command = parse_command(text)
        assert isinstance(command, Publish), command
        return command.files

    assert files_of("/发布 标题\n单位：全部") == "auto"
    assert files_of("/发布 标题\n单位：全部\n附件：上一个文件") == "last"
    assert files_of("/发布 标题\n附件：无\n单位：全部") == "none"
    assert files_of("/发布 标题\n单位：全部\n附件：见附表") == "auto"  # text of the notice
    twice = str(parse_command("/发布 标题\n单位：全部\n附件：无\n附件：上一个文件"))
    assert has(twice, "“附件：”写了两次")
    # "附件：" is text in every other command
    feedback = parse_command("/反馈 3 单位：城关镇 内容：已完成，附件：整改报告.docx")
    assert isinstance(feedback, RecordFeedback), feedback
    assert feedback.content == "已完成，附件：整改报告.docx"


async def test_the_ledger_workbook_lists_the_files(tmp_path: Path) -> None:
    result = await run(
        [send_file("09:00", OFFICE, "红头文件.pdf", PDF), publish("09:05", "通知", "城关镇")], tmp_path
    )
    data = write_ledger(result.ledger, "xlsx", None)
    assert data is not None
    sheet = load_workbook(io.BytesIO(data))["附件"]
    rows = list(
        sheet.iter_rows(min_row=3, values_only=True)
    )  # a title row and the export time above the header
    assert rows[0] == ATTACHMENT_COLUMNS
    assert rows[1][:7] == (
        "督办〔2026〕1号",
        "通知",
        "红头文件.pdf",
        len(PDF),
        "application/pdf",
        sha(PDF),
        "李明",
    )


async def test_the_whole_flow_on_each_database_engine(database_url: str, tmp_path: Path) -> None:
    result = await run(
        [
            send_file("09:00", OFFICE, "红头文件.pdf", PDF),
            publish("09:05", "通知", "城关镇、东风乡"),
            office("09:06", "/查询 1"),
        ],
        tmp_path,
        db_url=database_url,
    )
    assert [
        m["file"]["sha256"] for room in (COUNTY_ROOM, TOWN_ROOM) for m in file_messages(result, room)
    ] == [
        sha(PDF),
        sha(PDF),
    ]
    assert has(result.texts_to(OFFICE)[-1], "红头文件.pdf", sha(PDF)[:12])
    assert [f["sha256"] for f in result.notice(1)["attachments"]] == [sha(PDF)]


async def test_the_web_desk_functions_keep_check_and_attach_uploads(tmp_path: Path) -> None:
    """`keep_uploads` then `publish` for the same person (the 发布 page), and `attach_files` for a notice
    already out: one bad file and nothing is kept or sent."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'desk.db'}"
    await run([publish("09:05", "通知", "城关镇、东风乡")], tmp_path, db_url=url)
    policy = make_policy(load_config(None, env={}), bot_id="bot")
    store = FileStore(tmp_path / "files")
    database = Database.from_url(url)
    now = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
    try:
        async with database.transaction() as session:
            refused = await keep_uploads(
                session,
                store,
                policy.files,
                [Upload(PDF, "通知.pdf", "application/pdf"), Upload(b"MZ", "tool.exe")],
                uploader="web:admin",
                now=now,
            )
            assert isinstance(refused, str) and has(refused, "《tool.exe》没有保存")
            assert await attachments.waiting(session, "web:admin", since=now) == []
            assert not (tmp_path / "files").exists()  # nothing written either

            message = IncomingMessage(id="web-1", sender_id=OFFICE, text="", at=now)
            turn = Turn(session, message, policy, await directory.get_person(session, OFFICE))
            notice = await notices.find_notice(session, 1, None, 2026)
            assert notice is not None
            assert await attach_files(turn, store, notice, [Upload(DOCX, "../../模板.docx")]) is not None
            assert await attach_files(turn, store, notice, [Upload(b"", "空.pdf")]) is None
            queued = await outbox.queued(session, status="pending")
        [file] = await _attachments_of(database, notice.id)
        assert (file.name, file.size, file.sha256, file.uploaded_by) == (
            "模板.docx",
            len(DOCX),
            sha(DOCX),
            OFFICE,
        )
        assert store.read(file.sha256) == DOCX
        file_posts = [q for q in queued if q.kind == "notice-file"]
        assert sorted(q.room_id or "" for q in file_posts) == sorted([COUNTY_ROOM, TOWN_ROOM])
        assert {q.attachment_id for q in file_posts} == {file.id}
        replies = [q.text for q in queued if q.to_id == OFFICE]
        assert has(replies[0], "督办〔2026〕1号 已带上附件 《模板.docx》", "发到 2 个群")
        assert has(replies[1], "《空.pdf》是空的")
    finally:
        await database.dispose()


async def _attachments_of(database: Database, notice_id: int) -> list[AttachmentView]:
    async with database.reader() as session:
        return await attachments.of_notice(session, notice_id)


async def test_a_notice_sent_again_to_a_unit_it_never_reached_brings_its_files(tmp_path: Path) -> None:
    result = await run(
        [
            send_file("09:00", OFFICE, "红头文件.pdf", PDF),
            publish("09:05", "通知", "城关镇、教育局"),  # 教育局's liaison is in no group yet
            say("09:10", JIAOYU, "大家好"),  # now seen in the county group
            office("09:15", "/催办 1"),
        ],
        tmp_path,
    )
    in_room = result.in_room(COUNTY_ROOM)
    # the post, the re-post to 教育局 (each followed by the file), the reminder to 城关镇
    assert [m["kind"] for m in in_room] == ["notice", "notice-file", "notice", "notice-file", "remind"]
    reposted = [m for m in in_room if m["kind"] == "notice"][1]
    assert JIAOYU in reposted["mentions"]
    assert [m["file"]["sha256"] for m in file_messages(result, COUNTY_ROOM)] == [sha(PDF), sha(PDF)]
    assert result.unit(1, "教育局")["reached_at"] is not None
