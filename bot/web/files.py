"""Files the web desk hands out behind the login: a notice's attachments and the 通报 of a period."""

from __future__ import annotations

import asyncio
import logging
from urllib.parse import quote
from zoneinfo import ZoneInfo

from aiohttp import web

from bot.web.door import desk_of, refusal
from handlers.actions.bulletin import bulletin
from handlers.rules.assessment import Period, parse_quarter, year_period
from storage import attachments

log = logging.getLogger(__name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def disposition(name: str, fallback: str) -> str:
    """`Content-Disposition` for a Chinese file name (an ASCII `fallback` for old browsers)."""
    return f"attachment; filename={fallback}; filename*=UTF-8''{quote(name)}"


async def attachment(request: web.Request) -> web.StreamResponse:
    """One attachment's bytes, as uploaded (viewers may download too)."""
    desk = desk_of(request)
    attachment_id = int(request.match_info["id"])
    async with desk.db.reader() as session:
        found = await attachments.get(session, attachment_id)
    if found is None or found.notice_id is None:
        return refusal(request, 404, "没有这个附件", "没有找到这个附件，请从督办事项的页面进入。")
    try:
        data = await asyncio.to_thread(desk.files.read, found.sha256)
    except (FileNotFoundError, ValueError) as error:
        log.error("attachment %s (%s) cannot be read: %s", found.id, found.sha256, error)
        return refusal(
            request,
            500,
            "附件无法读取",
            f"附件“{found.name}”的文件在数据目录中已丢失或损坏（校验值对不上），请联系管理员从备份恢复。",
        )
    suffix = found.name.rsplit(".", 1)[-1] if "." in found.name else "bin"
    return web.Response(
        body=data,
        headers={
            "Content-Type": found.mime or "application/octet-stream",
            "Content-Disposition": disposition(found.name, f"attachment-{found.id}.{quote(suffix)}"),
            "X-Content-Type-Options": "nosniff",
        },
    )


def period_of(text: str, tz: ZoneInfo) -> Period | None:
    """2026Q1 → that quarter, 2026 → that year, anything else → None."""
    text = text.strip()
    if text.isdigit() and len(text) == 4:
        return year_period(int(text), tz)
    return parse_quarter(text, tz)


async def report(request: web.Request) -> web.StreamResponse:
    """The 通报 of a quarter or a year, the same files `duban report` writes (xlsx or text)."""
    desk = desk_of(request)
    policy = desk.policy()
    kind = request.match_info["kind"]
    period = period_of(request.query.get("period", ""), policy.tz)
    if period is None:
        return refusal(
            request,
            400,
            "期间不对",
            "通报的期间应写成季度 2026Q1 或年份 2026，请从“承办单位”页面上的下载按钮进入。",
        )
    async with desk.db.reader() as session:
        made = await bulletin(session, policy, period, desk.now())
    body, content_type = (made.xlsx, XLSX) if kind == "xlsx" else (made.txt, "text/plain; charset=utf-8")
    return web.Response(
        body=body,
        headers={
            "Content-Type": content_type,
            "Content-Disposition": disposition(made.file_name(kind), f"report-{period.key}.{kind}"),
        },
    )
