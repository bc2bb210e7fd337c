"""The web desk's pages and forms; reads go through storage views and the rule book, changes through handlers."""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from aiohttp_session import get_session, new_session
from markupsafe import Markup
from sqlalchemy import select

from bot.web import charts, figures
from bot.web.actions import actor, publish_text, run_as
from bot.web.desk import Desk
from bot.web.security import csrf_ok, new_csrf_token
from handlers import texts
from handlers.units import category_units
from storage import audit, directory, flags, notices, outbox, review, state, web_users
from storage.ledger import LedgerFormat, build_ledger, write_ledger
from storage.models import OutboxMessage, Person
from storage.notices import AssignmentView, NoticeView
from storage.roster import RosterError
from storage.roster_files import read_roster_file
from storage.roster_store import import_roster, load_roster
from storage.status import FEEDBACK_KIND_LABELS, NOTICE_STATUS_LABELS, label

log = logging.getLogger(__name__)
DESK: web.AppKey[Desk] = web.AppKey("desk", Desk)
USER: web.RequestKey[web_users.WebUserView] = web.RequestKey("user", web_users.WebUserView)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
PUBLIC = ("/login", "/static/", "/favicon.ico")
ROSTER_SUFFIXES = (".xlsx", ".csv", ".json", ".toml")
UPLOAD_LIFETIME = timedelta(days=1)


def desk_of(request: web.Request) -> Desk:
    return request.app[DESK]


# --- the door: login, CSRF, roles ------------------------------------------------------------------------


def refusal(request: web.Request, status: int, title: str, text: str) -> web.Response:
    response = aiohttp_jinja2.render_template(
        "refused.html", request, {"title": title, "text": text, "user": None}, status=status
    )
    return response


@web.middleware
async def chinese_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Pages that do not exist and errors, said in Chinese (redirects and the rest pass through)."""
    try:
        return await handler(request)
    except web.HTTPNotFound:
        return refusal(request, 404, "没有这个页面", f"没有 {request.path} 这个页面，请从上方的菜单进入。")
    except web.HTTPMethodNotAllowed:
        return refusal(request, 405, "不能这样打开", "这个地址只接受页面上的表单提交，请从页面上的按钮操作。")
    except web.HTTPException:
        raise
    except Exception:
        log.exception("web desk: %s %s failed", request.method, request.path)
        return refusal(
            request,
            500,
            "出错了",
            "处理这个请求时程序出错，详细情况已记入日志。请刷新页面看看是否已经生效；再次出错请联系管理员。",
        )


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Everyone but the login page needs a session of a still existing account; every POST needs the
    form's CSRF token; a viewer may look at everything and change nothing."""
    if request.path.startswith(PUBLIC):
        if request.method == "POST" and request.path == "/login":
            session = await get_session(request)
            form = await request.post()
            if not csrf_ok(session.get("login_csrf"), form.get("csrf")):
                return refusal(
                    request, 403, "页面已过期", "登录页面已过期，请刷新页面后重新输入用户名和密码。"
                )
        return await handler(request)
    session = await get_session(request)
    username = session.get("user")
    account = None
    if isinstance(username, str):
        async with desk_of(request).accounts.reader() as db_session:
            account = await web_users.get(db_session, username)
    if account is not None and session.get("since") != account.changed_at.isoformat():
        account = None  # the password was changed since this login: log in again
    if account is None:
        if username is not None:  # the account was removed or its password changed: its session ends
            session.invalidate()
        if request.path.startswith("/api/"):
            return web.json_response({"error": "未登录或登录已过期，请先登录。"}, status=401)
        raise web.HTTPFound("/login?next=" + request.path_qs)
    request[USER] = account
    if request.method == "POST":
        form = await request.post()
        if not csrf_ok(session.get("csrf"), form.get("csrf")):
            return refusal(
                request,
                403,
                "页面已过期",
                "这个表单已过期或不是从本系统页面提交的，什么也没有改动。请回到页面刷新后再操作。",
            )
        if account.role != "office" and request.path != "/logout":
            return refusal(
                request,
                403,
                "没有操作权限",
                f"您的账号 {account.username} 是只读账号，可以查看全部页面，但不能发布、确认、撤销或修改任何记录。"
                "需要操作时请联系督查室。",
            )
    return await handler(request)


async def page(request: web.Request, template: str, **context: Any) -> web.Response:
    """Render a page with the common parts: the user, the CSRF token, answers from the last change."""
    session = await get_session(request)
    if "csrf" not in session:
        session["csrf"] = new_csrf_token()
    flash = session.pop("flash", None)
    desk = desk_of(request)
    policy = desk.policy()
    base = {
        "user": request.get(USER),
        "csrf": session["csrf"],
        "flash": flash,
        "path": request.path,
        "bot_name": desk.config.general.bot_name,
        "show": lambda moment: "" if moment is None else policy.local(moment).strftime("%Y-%m-%d %H:%M"),
        "status_label": label,
        "notice_status": NOTICE_STATUS_LABELS,
        "feedback_kind": FEEDBACK_KIND_LABELS,
        "light_label": figures.LIGHT_LABELS,
        "detail": lambda value: json.dumps(value, ensure_ascii=False),
        "action_label": figures.action_label,
        "basis": lambda flag: texts.BASIS_TEXT.get(flag.basis, flag.basis),
    }
    return aiohttp_jinja2.render_template(template, request, {**base, **context})


async def after_change(request: web.Request, answers: list[str], to: str) -> web.Response:
    """Show the handler's answers on the next page (post, redirect, get)."""
    session = await get_session(request)
    session["flash"] = answers
    raise web.HTTPSeeOther(to)


async def login_form(request: web.Request) -> web.Response:
    session = await get_session(request)
    session["login_csrf"] = new_csrf_token()
    return aiohttp_jinja2.render_template(
        "login.html",
        request,
        {"csrf": session["login_csrf"], "error": None, "next": request.query.get("next", "/"), "user": None},
    )


async def login(request: web.Request) -> web.Response:
    desk = desk_of(request)
    form = await request.post()
    username, password = str(form.get("username", "")).strip(), str(form.get("password", ""))
    target = str(form.get("next", "/"))
    target = target if target.startswith("/") and not target.startswith("//") else "/"
    address = request.remote or "?"
    now = desk.now()
    wait = desk.limiter.blocked_for(username, address, now)
    error = None
    if wait is not None:
        minutes = max(1, int(wait.total_seconds() // 60) + 1)
        error = f"登录失败次数过多，为安全起见请 {minutes} 分钟后再试。忘记密码请联系管理员用 duban web user passwd 重设。"
    else:
        async with desk.accounts.reader() as db_session:
            account = await web_users.authenticate(db_session, username, password)
        if account is not None:
            desk.limiter.succeeded(username, address)
            session = await new_session(request)
            session["user"], session["csrf"] = account.username, new_csrf_token()
            session["since"] = account.changed_at.isoformat()
            raise web.HTTPSeeOther(target)
        desk.limiter.failed(username, address, now)
        error = "用户名或密码不对，请重新输入（注意大小写）。"
    session = await get_session(request)
    session["login_csrf"] = new_csrf_token()
    return aiohttp_jinja2.render_template(
        "login.html",
        request,
        {"csrf": session["login_csrf"], "error": error, "next": target, "user": None},
        status=429 if wait is not None else 401,
    )


async def logout(request: web.Request) -> web.Response:
    session = await get_session(request)
    session.invalidate()
    raise web.HTTPSeeOther("/login")


# --- reading -----------------------------------------------------------------------------------------------


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
        names = {row[0]: row[1] for row in await session.execute(select(Person.wechat_id, Person.name))}
        history = await audit.entries(session, subject=notice.number)
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
    )


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


async def proposals(request: web.Request) -> web.Response:
    desk = desk_of(request)
    async with desk.db.reader() as session:
        every = await flags.flags(session)
    waiting = [f for f in every if f.status == "proposed"]
    decided = [f for f in every if f.status != "proposed"]
    decided.sort(key=lambda f: f.decided_at or f.at, reverse=True)
    return await page(request, "proposals.html", waiting=waiting, decided=decided)


async def confirm_proposal(request: web.Request) -> web.Response:
    flag_id = int(request.match_info["id"])
    form = await request.post()
    until = " ".join(str(form.get("until", "")).split())
    command = f"/处理 确认 {flag_id}" + (f" 整改期限：{until}" if until else "")
    answers = await run_as(desk_of(request), request[USER].username, command)
    return await after_change(request, answers, "/proposals")


async def revoke_proposal(request: web.Request) -> web.Response:
    flag_id = int(request.match_info["id"])
    form = await request.post()
    reason = " ".join(str(form.get("reason", "")).split())
    command = f"/处理 撤销 {flag_id}" + (f" 原因：{reason}" if reason else "")
    answers = await run_as(desk_of(request), request[USER].username, command)
    return await after_change(request, answers, "/proposals")


async def review_queue(request: web.Request) -> web.Response:
    desk = desk_of(request)
    async with desk.db.reader() as session:
        items = await review.open_items(session)
        every = {n.id: n for n in await notices.notices(session, status=None)}
    rows = [{"item": item, "notices": [every[i] for i in item.notice_ids if i in every]} for item in items]
    return await page(request, "review.html", rows=rows)


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
        found = await audit.search(
            session,
            actor=query.get("who", "").strip(),
            action=query.get("what", "").strip(),
            subject=query.get("notice", "").strip(),
            unit=query.get("unit", "").strip(),
            since=day("from"),
            until=day("to", 1),
        )
    rows = [(e, json.dumps(e.detail, ensure_ascii=False)) for e in found]
    return await page(request, "audit.html", rows=rows, query=query)


async def roster_page(request: web.Request, *, preview: dict[str, Any] | None = None) -> web.Response:
    desk = desk_of(request)
    async with desk.db.reader() as session:
        roster = await load_roster(session)
    names = {p.id: p.name for u in roster.units for p in u.liaisons} | {p.id: p.name for p in roster.office}
    return await page(request, "roster.html", roster=roster, names=names, preview=preview)


async def roster_show(request: web.Request) -> web.Response:
    return await roster_page(request)


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
    desk = desk_of(request)
    async with desk.db.reader() as session:
        units = await directory.units(session)
    return await page(request, "publish.html", units=units, shortcuts=_shortcuts(units), form=request.query)


async def publish(request: web.Request) -> web.Response:
    form = await request.post()
    fields = {
        key: str(form.get(key, "")) for key in ("title", "units", "receipt_due", "feedback_due", "body")
    }
    text = publish_text(**fields)
    if form.get("again"):
        text += "\n确认发布"
    desk = desk_of(request)
    answers = await run_as(desk, request[USER].username, text)
    async with desk.db.reader() as session:
        units = await directory.units(session)
    published = any(answer.startswith("已发布") for answer in answers)
    if published:
        return await after_change(request, answers, "/")
    return await page(
        request,
        "publish.html",
        units=units,
        shortcuts=_shortcuts(units),
        form=fields,
        answers=answers,
    )


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
        f"{year}年 每月按时签收率", [(month, per_month[month].share) for month in sorted(per_month)]
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


def add_routes(app: web.Application) -> None:
    app.router.add_get("/login", login_form)
    app.router.add_post("/login", login)
    app.router.add_post("/logout", logout)
    app.router.add_get("/", overview)
    app.router.add_get("/notices", notice_list)
    app.router.add_get("/notices/{id}", notice_detail)
    app.router.add_post("/notices/{id:\\d+}/act", notice_action)
    app.router.add_get("/publish", publish_form)
    app.router.add_post("/publish", publish)
    app.router.add_get("/proposals", proposals)
    app.router.add_post("/proposals/{id:\\d+}/confirm", confirm_proposal)
    app.router.add_post("/proposals/{id:\\d+}/revoke", revoke_proposal)
    app.router.add_get("/review", review_queue)
    app.router.add_post("/review/{id:\\d+}", review_action)
    app.router.add_get("/audit", audit_log)
    app.router.add_get("/roster", roster_show)
    app.router.add_post("/roster/check", roster_upload)
    app.router.add_post("/roster/apply", roster_apply)
    app.router.add_get("/units", unit_stats)
    app.router.add_get("/wechat", wechat)
    app.router.add_get("/wechat/qr.png", wechat_qr)
    app.router.add_get("/downloads", downloads)
    app.router.add_get("/download", download)
    app.router.add_get("/api/ledger", api_ledger)
    app.router.add_get("/api/overview", api_overview)
