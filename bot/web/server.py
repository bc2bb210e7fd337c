"""Build and start the web desk: sessions, templates, the guard and the routes, on `[web] listen`."""

from __future__ import annotations

import logging
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp_session import setup as setup_sessions
from aiohttp_session.cookie_storage import EncryptedCookieStorage

from bot.web.desk import Desk
from bot.web.door import DESK, chinese_errors, guard, request_limit
from bot.web.routes import add_routes
from bot.web.security import session_key

log = logging.getLogger(__name__)
HERE = Path(__file__).parent
SESSION_HOURS = 12


def make_app(desk: Desk) -> web.Application:
    """The aiohttp application of the web desk over `desk`."""
    app = web.Application(middlewares=[], client_max_size=request_limit(desk.config.attachments.max_mb))
    app[DESK] = desk
    web_config = desk.config.web
    storage = EncryptedCookieStorage(
        session_key(Path(web_config.secret_file)),
        cookie_name="duban_session",
        max_age=SESSION_HOURS * 3600,
        httponly=True,
        secure=web_config.cookie_secure,
        samesite="Lax",
    )
    setup_sessions(app, storage)
    app.middlewares.extend([chinese_errors, guard])
    aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=jinja2.select_autoescape(default=True),
    )
    app.router.add_static("/static/", HERE / "static")
    add_routes(app)
    return app


async def start(desk: Desk) -> web.AppRunner | None:
    """Serve the desk on `[web] listen`; None when it is disabled or the address cannot be used (logged:
    the bot itself keeps running, WeChat matters more than the desk)."""
    address = desk.config.web.address
    if address is None:
        return None
    try:
        app = make_app(desk)
    except (OSError, ValueError) as error:
        log.error("网页督办台没有启动：%s；机器人照常运行。", error)
        return None
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, address[0], address[1]).start()
    except OSError as error:
        await runner.cleanup()
        log.error(
            "网页督办台无法在 %s 上启动（%s）；机器人照常运行。请检查 [web] listen。",
            desk.config.web.listen,
            error,
        )
        return None
    log.info("网页督办台已启动：http://%s/（用 duban web user add 建账号）", desk.config.web.listen)
    return runner
