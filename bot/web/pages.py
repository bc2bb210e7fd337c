"""The web desk's pages: reading through storage views and the rule book, never changing anything."""

from __future__ import annotations

import asyncio
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from aiohttp import web
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.web import charts, figures
from bot.web.desk import Desk
from bot.web.door import desk_of, page, refusal
from bot.web.files import period_of
from bot.web.words import Names
from handlers.rules.assessment import Period, quarter_containing, quarter_period, year_period
from handlers.rules.filecheck import human_size
from handlers.rules.report import build_report, deduction_text, points
from storage import attachments, audit, directory, flags, notices, outbox, review, state
from storage.ledger import LedgerFormat, build_ledger, write_ledger
from storage.models import Assignment, Notice, OutboxMessage, Person, Room, RoomMember, Unit
from storage.notices import AssignmentView, NoticeView
from storage.roster_store import load_roster


async def _names(session: AsyncSession) -> Names:
    """What the stored ids stand for, to show names instead of ids."""
    people = {
        wid: alias
        for wid, alias in await session.execute(select(RoomMember.wechat_id, RoomMember.alias))
        if alias
    }
    people |= {
        wid: name for wid, name in await session.execute(select(Person.wechat_id, Person.name)) if name
    }
    units = {uid: name for uid, name in await session.execute(select(Unit.id, Unit.name))}
    return Names(
        units=units,
        people=people,
        rooms={
            wid: topic for wid, topic in await session.execute(select(Room.wechat_id, Room.topic)) if topic
        },
        assignments={
            aid: units.get(uid, "")
            for aid, uid in await session.execute(select(Assignment.id, Assignment.unit_id))
        },
        notices={nid: number for nid, number in await session.execute(select(Notice.id, Notice.number))},
    )


def _soon(desk: Desk, now: datetime) -> datetime:
    """One working day of working time from now: what is due by then is yellow."""
    policy = desk.policy()
    day = datetime.combine(date(2000, 1, 1), policy.workday_end) - datetime.combine(
        date(2000, 1, 1), policy.workday_start
    )
    return policy.calendar.add_working_time(
        now, day, begin=policy.workday_start, end=policy.workday_end, tz=policy.tz
    )


def _light(a: AssignmentView, now: datetime, soon: datetime) -> figures.Light:
    return figures.light(a.standing(now), soon)


async def _board(desk: Desk, notice_list: list[NoticeView]) -> list[dict[str, Any]]:
    """Each notice with its units' standings and lights, as of now."""
    now = desk.now()
    soon = _soon(desk, now)
    async with desk.db.reader() as session:
        rows = await notices.assignments(session, notice_ids=[n.id for n in notice_list])
    by_notice: dict[int, list[AssignmentView]] = {}
    for row in sorted(rows, key=lambda a: a.id):
        by_notice.setdefault(row.notice_id, []).append(row)
    board = []
    for notice in notice_list:
        units: list[dict[str, Any]] = [
            {"a": a, "standing": a.standing(now), "light": _light(a, now, soon)}
            for a in by_notice.get(notice.id, [])
        ]
        board.append({"notice": notice, "units": units, "light": figures.worst(u["light"] for u in units)})
    return board


async def overview(request: web.Request) -> web.Response:
    desk = desk_of(request)
    async with desk.db.reader() as session:
        open_notices = await notices.notices(session, status="open")
    board = await _board(desk, open_notices)
    counts = {color: 0 for color in ("red", "yellow", "green", "grey")}
    for item in board:
        for unit in item["units"]:
            counts[unit["light"]] += 1
    policy = desk.policy()
    today = policy.local(desk.now()).date()
    due_today = [
        {"notice": item["notice"], "unit": unit["a"].unit_name, "what": what, "obligation": obligation}
        for item in board
        for unit in item["units"]
        for what, obligation in (("签收", unit["standing"].receipt), ("反馈", unit["standing"].feedback))
        if obligation.due is not None
        and policy.local(obligation.due).date() == today
        and obligation.status != "none"
    ]
    return await page(request, "overview.html", board=board, counts=counts, due_today=due_today)


async def notice_list(request: web.Request) -> web.Response:
    desk = desk_of(request)
    query = request.query
    async with desk.db.reader() as session:
        every = await notices.notices(session, status=None)
        units = await directory.units(session)
    years = sorted({n.year for n in every}, reverse=True)
    chosen = [n for n in every if not query.get("year") or str(n.year) == query["year"]]
    if query.get("status"):
        chosen = [n for n in chosen if n.status == query["status"]]
    board = await _board(desk, chosen)
    if query.get("unit"):
        board = [b for b in board if any(str(u["a"].unit_id) == query["unit"] for u in b["units"])]
    if query.get("overdue"):
        board = [b for b in board if b["light"] == "red"]
    board.sort(key=lambda b: (b["notice"].year, b["notice"].seq), reverse=True)
    return await page(request, "notices.html", board=board, years=years, units=units, query=query)


async def notice_detail(request: web.Request) -> web.Response:
    desk = desk_of(request)
    try:
        notice_id = int(request.match_info["id"])
    except ValueError:
        raise web.HTTPNotFound() from None
    async with desk.db.reader() as session:
        found = [n for n in await notices.notices(session, status=None) if n.id == notice_id]
        if not found:
            return refusal(request, 404, "没有这件督办", "没有找到这件督办事项，请从“督办事项”列表进入。")
        notice = found[0]
        names = await _names(session)
        history = await audit.entries(session, subject=notice.number)
        carried = await attachments.of_notice(session, notice.id)
        sent = (
            await session.scalars(
                select(OutboxMessage).where(OutboxMessage.notice_id == notice.id).order_by(OutboxMessage.id)
            )
        ).all()
    board = (await _board(desk, [notice]))[0]
    return await page(
        request,
        "notice.html",
        item=board,
        notice=notice,
        names=names,
        history=history,
        sent=sent,
        files=carried,
        file_size=human_size,
    )


async def proposals(request: web.Request) -> web.Response:
    desk = desk_of(request)
    async with desk.db.reader() as session:
        every = await flags.flags(session)
        names = await _names(session)
    waiting = [f for f in every if f.status == "proposed"]
    decided = [f for f in every if f.status != "proposed"]
    decided.sort(key=lambda f: f.decided_at or f.at, reverse=True)
    return await page(request, "proposals.html", waiting=waiting, decided=decided, names=names)


async def review_queue(request: web.Request) -> web.Response:
    desk = desk_of(request)
    async with desk.db.reader() as session:
        items = await review.open_items(session)
        every = {n.id: n for n in await notices.notices(session, status=None)}
        names = await _names(session)
    rows = [{"item": item, "notices": [every[i] for i in item.notice_ids if i in every]} for item in items]
    return await page(request, "review.html", rows=rows, names=names)


async def audit_log(request: web.Request) -> web.Response:
    desk = desk_of(request)
    query = request.query
    tz = desk.policy().tz

    def day(name: str, shift: int = 0) -> datetime | None:
        try:
            return datetime.combine(date.fromisoformat(query[name]), datetime.min.time(), tz) + timedelta(
                days=shift
            )
        except (KeyError, ValueError):
            return None

    async with desk.db.reader() as session:
        names = await _names(session)
        by_name = {name: wechat_id for wechat_id, name in names.people.items()}
        actor = query.get("who", "").strip()
        found = await audit.search(
            session,
            actor=by_name.get(actor, actor),
            action=query.get("what", "").strip(),
            subject=query.get("notice", "").strip(),
            unit=query.get("unit", "").strip(),
            since=day("from"),
            until=day("to", 1),
        )
    return await page(
        request, "audit.html", rows=found, names=names, query=query, actions=figures.ACTION_LABELS
    )


async def roster_page(request: web.Request, *, preview: dict[str, Any] | None = None) -> web.Response:
    desk = desk_of(request)
    async with desk.db.reader() as session:
        roster = await load_roster(session)
    names = {p.id: p.name for u in roster.units for p in u.liaisons} | {p.id: p.name for p in roster.office}
    names[desk.policy().bot_id] = f"{desk.config.general.bot_name or '督办助手'}（机器人）"
    return await page(request, "roster.html", roster=roster, names=names, preview=preview)


async def roster_show(request: web.Request) -> web.Response:
    return await roster_page(request)


def assessed_period(text: str, by: str, tz: ZoneInfo, now: datetime) -> Period:
    """The period the 承办单位 page scores: the one asked for, else this year (by year) or this quarter."""
    chosen = period_of(text, tz) if text else None
    if chosen is not None:
        return chosen
    return year_period(now.astimezone(tz).year, tz) if by == "year" else quarter_containing(now, tz)


def terms_until(now: datetime, tz: ZoneInfo) -> list[Period]:
    """The quarters and years one may pick: this year and the last, up to the present quarter."""
    year = now.astimezone(tz).year
    current = quarter_containing(now, tz)
    quarters = [quarter_period(y, q, tz) for y in (year, year - 1) for q in (4, 3, 2, 1)]
    return [p for p in quarters if p.start <= current.start] + [
        year_period(year, tz),
        year_period(year - 1, tz),
    ]


async def unit_stats(request: web.Request) -> web.Response:
    desk = desk_of(request)
    policy = desk.policy()
    period = request.query.get("period", "month")
    if period not in ("month", "quarter", "year"):
        period = "month"
    year = policy.local(desk.now()).year
    span = (datetime(year, 1, 1, tzinfo=policy.tz), datetime(year + 1, 1, 1, tzinfo=policy.tz))
    now = desk.now()
    async with desk.db.reader() as session:
        every = await notices.notices(session, status=None)
        issued = {n.id: n.issued_at for n in every}
        rows = await notices.assignments(session, notice_ids=list(issued))
        all_flags = await flags.flags(session)
        year_flags = await flags.flags(session, year_range=span)
        units = await directory.units(session)
        term = assessed_period(request.query.get("term", ""), period, policy.tz, now)
        assessed = await build_report(session, policy.assessment, term, now)
    table = figures.unit_rates(
        [(a.unit_name, issued[a.notice_id], a.standing(now)) for a in rows],
        policy.tz,
        period,  # type: ignore[arg-type]
    )
    confirmed = [f for f in all_flags if f.status == "confirmed"]
    per_unit: dict[str, figures.Rate] = {}
    per_month: dict[str, figures.Rate] = {}
    for entry in figures.unit_rates(
        [(a.unit_name, issued[a.notice_id], a.standing(now)) for a in rows], policy.tz, "year"
    ):
        if entry.period == str(year):
            per_unit[entry.unit] = entry.receipt
    for entry in figures.unit_rates(
        [("", issued[a.notice_id], a.standing(now)) for a in rows], policy.tz, "month"
    ):
        if entry.period.startswith(str(year)):
            per_month[entry.period] = entry.receipt
    unit_chart = charts.bars(
        f"{year}年 各单位按时签收率",
        [(u.name, per_unit[u.name].share if u.name in per_unit else None) for u in units],
    )
    month_chart = charts.bars(
        f"{year}年 每月按时签收率",
        [(f"{int(month[5:])}月", per_month[month].share) for month in sorted(per_month)],
    )
    vetoed = {f.unit_name for f in year_flags if f.status == "confirmed" and f.kind in policy.veto_kinds}
    return await page(
        request,
        "units.html",
        table=table,
        period=period,
        confirmed=confirmed,
        units=units,
        vetoed=vetoed,
        year=year,
        veto_kinds=policy.veto_kinds,
        charts=[Markup(unit_chart), Markup(month_chart)],
        assessed=assessed,
        terms=terms_until(now, policy.tz),
        deductions=deduction_text,
        points=points,
    )


async def wechat(request: web.Request) -> web.Response:
    desk = desk_of(request)
    async with desk.db.reader() as session:
        beat = await state.get(session, "presence")
        pending = await outbox.queued(session, status="pending")
        failed = (
            await session.scalars(
                select(OutboxMessage)
                .where(OutboxMessage.status.in_(("failed", "unknown")))
                .order_by(OutboxMessage.id.desc())
                .limit(20)
            )
        ).all()
        names = await _names(session)
    heartbeat = datetime.fromisoformat(beat["online_at"]) if beat and beat.get("online_at") else None
    qr_file = Path(desk.config.wechaty.qr_file)
    connection = desk.connection()
    return await page(
        request,
        "wechat.html",
        connection=connection,
        heartbeat=heartbeat,
        pending=pending,
        failed=failed,
        names=names,
        qr=connection.login_qr is not None and await asyncio.to_thread(qr_file.exists),
    )


async def wechat_qr(request: web.Request) -> web.StreamResponse:
    qr_file = Path(desk_of(request).config.wechaty.qr_file)
    if not await asyncio.to_thread(qr_file.exists):
        raise web.HTTPNotFound(text="现在不需要扫码登录。")
    return web.FileResponse(qr_file, headers={"Cache-Control": "no-store"})


async def downloads(request: web.Request) -> web.Response:
    desk = desk_of(request)
    async with desk.db.reader() as session:
        years = sorted({n.year for n in await notices.notices(session, status=None)}, reverse=True)
    return await page(request, "downloads.html", years=years)


async def _ledger(request: web.Request) -> tuple[dict[str, Any], str] | web.Response:
    desk = desk_of(request)
    policy = desk.policy()
    query = request.query
    year = None
    if query.get("year"):
        if not query["year"].isdigit():
            return refusal(
                request, 400, "年份不对", f"年份应写成四位数字，如 2026，现在是 {query['year']!r}。"
            )
        year = int(query["year"])
    try:
        start = date.fromisoformat(query["from"]) if query.get("from") else None
        end = date.fromisoformat(query["to"]) if query.get("to") else None
    except ValueError:
        return refusal(request, 400, "日期不对", "起止日期应写成 2026-03-01 这样的形式。")
    async with desk.db.reader() as session:
        ledger = await build_ledger(session, now=desk.now(), tz=policy.tz, year=year)
    name = f"台账-{year}" if year else "台账"
    if start or end:
        ledger = figures.ledger_between(
            ledger,
            datetime.combine(start, datetime.min.time(), policy.tz) if start else None,
            datetime.combine(end, datetime.min.time(), policy.tz) + timedelta(days=1) if end else None,
        )
        name += f"-{start or ''}至{end or ''}"
    return ledger, name


async def download(request: web.Request) -> web.StreamResponse:
    fmt = request.query.get("format", "xlsx")
    if fmt not in ("xlsx", "csv", "json"):
        return refusal(request, 400, "格式不对", "下载格式只能是 xlsx、csv 或 json。")
    made = await _ledger(request)
    if isinstance(made, web.Response):
        return made
    ledger, name = made
    kind: LedgerFormat = fmt  # type: ignore[assignment]
    data = write_ledger(ledger, kind, None)
    assert data is not None
    types = {
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "csv": "text/csv; charset=utf-8",
        "json": "application/json; charset=utf-8",
    }
    from urllib.parse import quote

    return web.Response(
        body=data,
        headers={
            "Content-Type": types[fmt],
            "Content-Disposition": f"attachment; filename=ledger.{fmt}; filename*=UTF-8''{quote(name)}.{fmt}",
        },
    )


async def api_ledger(request: web.Request) -> web.StreamResponse:
    made = await _ledger(request)
    if isinstance(made, web.Response):
        return made
    data = write_ledger(made[0], "json", None)
    assert data is not None
    return web.Response(body=data, content_type="application/json", charset="utf-8")


async def api_overview(request: web.Request) -> web.Response:
    desk = desk_of(request)
    async with desk.db.reader() as session:
        open_notices = await notices.notices(session, status="open")
    board = await _board(desk, open_notices)
    return web.json_response(
        {
            "notices": [
                {
                    "number": b["notice"].number,
                    "title": b["notice"].title,
                    "light": b["light"],
                    "units": [
                        {
                            "unit": u["a"].unit_name,
                            "light": u["light"],
                            "receipt": u["standing"].receipt.status,
                            "feedback": u["standing"].feedback.status,
                        }
                        for u in b["units"]
                    ],
                }
                for b in board
            ]
        },
        dumps=lambda value: json.dumps(value, ensure_ascii=False),
    )
