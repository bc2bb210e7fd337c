"""The web desk's forms: every change runs the chat command it mirrors, as the web user."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from aiohttp import web
from multidict import MultiDictProxy

from bot.web.actions import actor, publish_as, publish_text, run_as
from bot.web.door import USER, after_change, desk_of, page, refusal
from bot.web.pages import roster_page
from handlers.actions.attachments import Upload
from handlers.reading.units import category_units
from handlers.rules.filecheck import human_size
from storage import directory, notices, review
from storage.roster import RosterError
from storage.roster_files import read_roster_file
from storage.roster_store import import_roster

ROSTER_SUFFIXES = (".xlsx", ".csv", ".json", ".toml")
UPLOAD_LIFETIME = timedelta(days=1)


def notice_command(number: str, form: dict[str, str]) -> str | None:
    """The chat command a button on a notice's page stands for (None: no such button)."""
    what, reason, units, when = (form.get(k, "") for k in ("what", "reason", "units", "when"))
    reason_part = f" 原因：{reason}" if reason else ""
    units_part = f" 单位：{units}" if units else ""
    if what == "remind":
        return f"/催办 {number}"
    if what == "close":
        return f"/销号 {number}" + (" 确认" if form.get("confirm") else "")
    if what == "reopen":
        return f"/恢复 {number}"
    if what == "withdraw":
        return f"/撤回 {number}{reason_part}"
    if what in ("extend_receipt", "extend_feedback"):
        label = "签收时限" if what == "extend_receipt" else "反馈时限"
        return f"/延期 {number} {label}：{when}{units_part}"
    if what == "excuse":
        return f"/免责 {number}{units_part}{reason_part}"
    return None


async def notice_action(request: web.Request) -> web.Response:
    """催办, 销号, 恢复, 撤回, 延期, 免责 from a notice's page: the chat command, with its answers."""
    desk = desk_of(request)
    notice_id = int(request.match_info["id"])
    form = await request.post()
    fields = {key: " ".join(str(value).split()) for key, value in form.items() if isinstance(value, str)}
    async with desk.db.reader() as session:
        found = [n for n in await notices.notices(session, status=None) if n.id == notice_id]
    command = notice_command(found[0].number, fields) if found else None
    if command is None:
        return refusal(request, 400, "没有这个操作", "请从督办事项的页面上选择催办、销号、撤回、延期或免责。")
    answers = await run_as(desk, request[USER].username, command)
    return await after_change(request, answers, f"/notices/{notice_id}")


async def _decide(request: web.Request, verb: str, field: str, label: str) -> web.Response:
    """`/处理 <verb> <id>` with the form's `field` written as `label：…` when given."""
    flag_id = int(request.match_info["id"])
    form = await request.post()
    value = " ".join(str(form.get(field, "")).split())
    command = f"/处理 {verb} {flag_id}" + (f" {label}：{value}" if value else "")
    answers = await run_as(desk_of(request), request[USER].username, command)
    return await after_change(request, answers, "/proposals")


async def confirm_proposal(request: web.Request) -> web.Response:
    return await _decide(request, "确认", "until", "整改期限")


async def revoke_proposal(request: web.Request) -> web.Response:
    return await _decide(request, "撤销", "reason", "原因")


async def review_action(request: web.Request) -> web.Response:
    desk = desk_of(request)
    item_id = int(request.match_info["id"])
    form = await request.post()
    what = str(form.get("what", ""))
    async with desk.db.reader() as session:
        items = {i.id: i for i in await review.open_items(session)}
        every = {n.id: n for n in await notices.notices(session, status=None)}
    item = items.get(item_id)
    if item is None:
        return await after_change(request, [f"待核第 {item_id} 条已经处理过了，或者不存在。"], "/review")
    notice = every.get(int(str(form.get("notice", "0")) or 0))
    when = desk.policy().local(item.at).strftime("%Y-%m-%d %H:%M:%S")
    if what == "ignore":
        command = f"/待核 忽略 {item_id}"
    elif notice is None:
        return await after_change(
            request, ["请先选择这条回复说的是哪一件督办，再点“记为签收”或“记为反馈”。"], "/review"
        )
    elif what == "receipt":
        command = f"/签收 {notice.number} 单位：{item.unit_name} 时间：{when} 原因：督查室核对待核第{item_id}条回复后确认"
    else:
        kind = {"done": "办结", "delay": "延期"}.get(str(form.get("kind", "")), "进展")
        command = f"/反馈 {notice.number} 单位：{item.unit_name} 时间：{when} 类型：{kind} 内容：{item.text}"
    answers = await run_as(desk, request[USER].username, command)
    return await after_change(request, answers, "/review")


async def roster_upload(request: web.Request) -> web.Response:
    """Check an uploaded roster file and show what it would change; nothing is written yet."""
    desk = desk_of(request)
    form = await request.post()
    upload = form.get("file")
    if not isinstance(upload, web.FileField) or not upload.filename:
        return await roster_page(
            request, preview={"errors": ["请选择一个名册文件（xlsx、csv、json 或 toml）。"]}
        )
    suffix = Path(upload.filename).suffix.lower()
    if suffix not in ROSTER_SUFFIXES:
        return await roster_page(
            request,
            preview={
                "errors": [f"不认识 {suffix or '没有扩展名'} 的文件：名册应为 xlsx、csv、json 或 toml 文件。"]
            },
        )
    token = secrets.token_hex(16)
    path = desk.upload_dir / f"{token}{suffix}"
    await asyncio.to_thread(_keep_upload, path, upload.file.read(), desk.now())
    return await _roster_check(request, path, token, apply=False)


def _keep_upload(path: Path, content: bytes, now: datetime) -> None:
    """Keep a checked roster file until it is applied; files checked a day ago and never applied go."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.iterdir():
        if now.timestamp() - old.stat().st_mtime > UPLOAD_LIFETIME.total_seconds():
            old.unlink(missing_ok=True)
    path.write_bytes(content)


async def roster_apply(request: web.Request) -> web.Response:
    desk = desk_of(request)
    form = await request.post()
    token = str(form.get("token", ""))
    found = [p for p in desk.upload_dir.glob(f"{token}.*")] if token.isalnum() else []
    if not found:
        return await roster_page(request, preview={"errors": ["找不到刚才检查的名册文件，请重新上传。"]})
    return await _roster_check(request, found[0], token, apply=True)


async def _roster_check(request: web.Request, path: Path, token: str, *, apply: bool) -> web.Response:
    desk = desk_of(request)
    try:
        reading = read_roster_file(path)
        summary = await import_roster(
            desk.db, reading, actor=actor(request[USER].username), at=desk.now(), dry_run=not apply
        )
    except RosterError as error:
        await asyncio.to_thread(path.unlink, missing_ok=True)
        return await roster_page(request, preview={"errors": str(error).splitlines()})
    if apply:
        await asyncio.to_thread(path.unlink, missing_ok=True)
        await desk.after_change()
        lines = ["名册已导入。", *summary.details()] if summary.changed else ["名册没有变化。"]
        return await after_change(request, lines, "/roster")
    return await roster_page(
        request,
        preview={
            "details": summary.details(),
            "changed": summary.changed,
            "ignored": reading.ignored_columns,
            "token": token,
        },
    )


def _shortcuts(units: list[directory.UnitView]) -> list[str]:
    """全部, and 全部<类别> for each unit category of the roster that `/发布` understands."""
    kinds = sorted({u.kind for u in units if u.kind})
    pairs = [(u.id, u.kind) for u in units]
    return ["全部", *(f"全部{kind}" for kind in kinds if category_units(f"全部{kind}", pairs))]


async def publish_form(request: web.Request) -> web.Response:
    return await _publish_page(request, request.query)


async def _publish_page(
    request: web.Request, form: Mapping[str, str], answers: Sequence[str] = (), dropped: Sequence[str] = ()
) -> web.Response:
    """The 发布 form, filled with what was typed, with the answers of a refused try."""
    desk = desk_of(request)
    rules = desk.policy().files
    async with desk.db.reader() as session:
        units = await directory.units(session)
    return await page(
        request,
        "publish.html",
        units=units,
        shortcuts=_shortcuts(units),
        form=form,
        answers=answers,
        dropped=dropped,
        max_size=human_size(rules.max_bytes),
        file_types=rules.types,
    )


def uploads_of(form: MultiDictProxy[Any]) -> list[Upload]:
    """The files chosen in the form's 附件 field (an empty file input sends one nameless part)."""
    return [
        Upload(part.file.read(), part.filename, part.content_type)
        for part in form.getall("files", [])
        if isinstance(part, web.FileField) and part.filename
    ]


async def publish(request: web.Request) -> web.Response:
    form = await request.post()
    fields = {
        key: str(form.get(key, "")) for key in ("title", "units", "receipt_due", "feedback_due", "body")
    }
    text = publish_text(**fields)
    if form.get("again"):
        text += "\n确认发布"
    desk = desk_of(request)
    uploads = uploads_of(form)
    published, answers = await publish_as(desk, request[USER].username, text, uploads)
    if published:
        return await after_change(request, answers, "/")
    return await _publish_page(request, fields, answers, [u.name for u in uploads])
