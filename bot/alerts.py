"""Alerts to the office outside WeChat: a 企业微信 group-robot webhook and/or e-mail, for when WeChat
(or the database) is the trouble. Sending never raises: a failed alert is logged, the bot goes on."""

from __future__ import annotations

import asyncio
import logging
import smtplib
import time
from collections.abc import Awaitable, Callable
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

import aiohttp

from bot.config import AlertsConfig

log = logging.getLogger(__name__)
SUBJECT_PREFIX = "【督办助手告警】"
TIMEOUT = 15.0  # seconds for one webhook call or one SMTP conversation
REPEAT_AFTER = 3600.0  # the same alert (same key) goes out at most once an hour

Alert = Callable[[str, str], Awaitable[None]]  # (key, text): what the rest of the bot calls


class Alerts:
    """The configured channels; `send` tries each and reports which failed."""

    def __init__(self, config: AlertsConfig, *, bot_name: str = "督办助手") -> None:
        self.config = config
        self.bot_name = bot_name
        self._last: dict[str, float] = {}

    @property
    def channels(self) -> list[str]:
        found = []
        if self.config.wecom_webhook:
            found.append("企业微信群机器人")
        if self.config.smtp_host and self.config.smtp_to:
            found.append("电子邮件")
        return found

    async def alert(self, key: str, text: str) -> None:
        """Send `text` unless the same key was alerted within the hour (a flapping link is one alert)."""
        now = time.monotonic()
        if now - self._last.get(key, -REPEAT_AFTER) < REPEAT_AFTER:
            return
        self._last[key] = now
        failures = await self.send(text)
        for channel, error in failures.items():
            log.error("the %s alert could not be sent through %s: %s", key, channel, error)

    async def send(self, text: str) -> dict[str, str]:
        """Send through every channel; returns {channel: error} for those that failed (empty: all went)."""
        failures: dict[str, str] = {}
        if self.config.wecom_webhook:
            try:
                await self._wecom(text)
            except Exception as error:  # an alert must never take the bot down
                failures["企业微信群机器人"] = str(error) or type(error).__name__
        if self.config.smtp_host and self.config.smtp_to:
            try:
                await asyncio.wait_for(asyncio.to_thread(self._mail, text), TIMEOUT)
            except Exception as error:
                failures["电子邮件"] = str(error) or type(error).__name__
        return failures

    async def _wecom(self, text: str) -> None:
        body = {"msgtype": "text", "text": {"content": f"{SUBJECT_PREFIX}{self.bot_name}\n{text}"}}
        timeout = aiohttp.ClientTimeout(total=TIMEOUT)
        async with (
            aiohttp.ClientSession(timeout=timeout) as session,
            session.post(self.config.wecom_webhook, json=body) as response,
        ):
            answer = await response.json(content_type=None)
            if response.status != 200 or answer.get("errcode") != 0:
                raise RuntimeError(f"HTTP {response.status}: {answer}")

    def _mail(self, text: str) -> None:
        config = self.config
        message = EmailMessage()
        message["Subject"] = f"{SUBJECT_PREFIX}{text.splitlines()[0][:60]}"
        message["From"] = config.smtp_from
        message["To"] = ", ".join(config.smtp_to)
        message["Date"] = formatdate(localtime=True)
        message["Message-ID"] = make_msgid(domain="duban.local")
        message.set_content(f"{text}\n\n—— {self.bot_name}")
        with smtplib.SMTP(config.smtp_host, config.smtp_port, timeout=TIMEOUT) as smtp:
            if config.smtp_starttls:
                smtp.starttls()
            if config.smtp_user:
                smtp.login(config.smtp_user, config.smtp_password)
            smtp.send_message(message)
