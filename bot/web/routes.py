"""The web desk's addresses: which page or form answers which URL."""

from __future__ import annotations

from aiohttp import web

from bot.web import door, files, forms, pages


def add_routes(app: web.Application) -> None:
    app.router.add_get("/login", door.login_form)
    app.router.add_post("/login", door.login)
    app.router.add_post("/logout", door.logout)
    app.router.add_get("/", pages.overview)
    app.router.add_get("/notices", pages.notice_list)
    app.router.add_get("/notices/{id}", pages.notice_detail)
    app.router.add_post("/notices/{id:\\d+}/act", forms.notice_action)
    app.router.add_get("/publish", forms.publish_form)
    app.router.add_post("/publish", forms.publish)
    app.router.add_get("/proposals", pages.proposals)
    app.router.add_post("/proposals/{id:\\d+}/confirm", forms.confirm_proposal)
    app.router.add_post("/proposals/{id:\\d+}/revoke", forms.revoke_proposal)
    app.router.add_get("/review", pages.review_queue)
    app.router.add_post("/review/{id:\\d+}", forms.review_action)
    app.router.add_get("/audit", pages.audit_log)
    app.router.add_get("/roster", pages.roster_show)
    app.router.add_post("/roster/check", forms.roster_upload)
    app.router.add_post("/roster/apply", forms.roster_apply)
    app.router.add_get("/units", pages.unit_stats)
    app.router.add_get("/wechat", pages.wechat)
    app.router.add_get("/wechat/qr.png", pages.wechat_qr)
    app.router.add_get("/downloads", pages.downloads)
    app.router.add_get("/download", pages.download)
    app.router.add_get("/attachments/{id:\\d+}", files.attachment)
    app.router.add_get("/report.{kind:xlsx|txt}", files.report)
    app.router.add_get("/api/ledger", pages.api_ledger)
    app.router.add_get("/api/overview", pages.api_overview)
