"""The web desk's door: login, logout, CSRF, roles, Chinese error pages and the common page frame."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp_jinja2
from aiohttp import web
from aiohttp_session import get_session, new_session

from bot.web import figures, words
from bot.web.desk import Desk
from bot.web.security import csrf_ok, new_csrf_token
from handlers import texts
from handlers.rules.filecheck import human_size
from storage import web_users
from storage.status import FEEDBACK_KIND_LABELS, NOTICE_STATUS_LABELS, label

log = logging.getLogger(__name__)
DESK: web.AppKey[Desk] = web.AppKey("desk", Desk)
USER: web.RequestKey[web_users.WebUserView] = web.RequestKey("user", web_users.WebUserView)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
PUBLIC = ("/login", "/static/", "/favicon.ico")
UPLOADS_AT_ONCE = 5  # attachments of the largest allowed size one 发布 form may carry


def request_limit(max_mb: float) -> int:
    """How big a submitted form may be: the 发布 form with a few attachments of the largest size allowed."""
    return int(max(20.0, max_mb * UPLOADS_AT_ONCE + 1) * 1024 * 1024)


def desk_of(request: web.Request) -> Desk:
    return request.app[DESK]


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
    except web.HTTPRequestEntityTooLarge:
        return refusal(
            request,
            413,
            "提交的文件太大",
            f"这次提交的内容合计超过 {human_size(request_limit(desk_of(request).config.attachments.max_mb))}，什么也没有保存、没有发布。"
            "请少选几个附件（或压缩后）再提交；其余附件可以私聊发给机器人，再在微信里 /发布。",
        )
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
        "show": lambda moment: words.moment(moment, policy.tz),
        "status_label": label,
        "notice_status": NOTICE_STATUS_LABELS,
        "feedback_kind": FEEDBACK_KIND_LABELS,
        "light_label": figures.LIGHT_LABELS,
        "describe": lambda detail, names: words.describe(detail, names, policy.tz),
        "who": words.who,
        "period_label": words.period,
        "subject": words.subject,
        "address": words.address,
        "outbox_kind": words.OUTBOX_KIND_LABELS,
        "outbox_status": words.OUTBOX_STATUS_LABELS,
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
