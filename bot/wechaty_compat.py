"""Makes python-wechaty 0.10.x importable and quiet on Python 3.11; import it before any wechaty module."""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import warnings
from pathlib import Path
from typing import Any

# Loggers that wechaty_puppet.get_logger() gives their own console handler, bypassing our logging setup.
WECHATY_LOGGERS = (
    "PuppetService",
    "WechatyPuppetServiceConfig",
    "WechatyPuppet.Schemas.Event",
    "WechatyPuppet.Schema.Base",
    "FileBox",
    "Wechaty",
)

# Loggers that can carry the token: the wechaty ones, and HTTP/2 header tables at DEBUG (`:authority`).
REDACTED_LOGGERS = (*WECHATY_LOGGERS, "hpack.hpack", "hpack.table", "h2.connection", "grpclib.protocol")

_applied = False


def apply() -> None:
    """Patch what python-wechaty 0.10.x needs; safe to call more than once."""
    global _applied
    if _applied:
        return
    # telnetlib (used by wechaty_puppet_service.utils) warns on import; import it once, quietly.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        importlib.import_module("telnetlib")

    # pyee 11 keeps a deprecated, warning AsyncIOEventEmitter at the top level; point it at the real one.
    pyee: Any = importlib.import_module("pyee")
    pyee.AsyncIOEventEmitter = importlib.import_module("pyee.asyncio").AsyncIOEventEmitter

    # wechaty_puppet.config creates ./.wechaty at import time and never uses it at the puppet level.
    had_cache_dir = Path(".wechaty").exists()
    import wechaty_puppet.schemas.puppet as puppet_schema

    if not had_cache_dir:
        with contextlib.suppress(OSError):
            Path(".wechaty").rmdir()  # only if still empty

    # Only for `import wechaty` (the bot framework, which duban does not use): Python 3.11 rejects the
    # unhashable dataclass default WechatyOptions.puppet_options.
    puppet_schema.PuppetOptions.__hash__ = object.__hash__

    # The service client "pings" the endpoint with a blocking telnet connect inside the event loop;
    # connecting over gRPC reports an unreachable endpoint anyway (as OSError), without blocking.
    service_puppet: Any = importlib.import_module("wechaty_puppet_service.puppet")
    service_puppet.ping_endpoint = lambda end_point: True

    for name in WECHATY_LOGGERS:
        logger = logging.getLogger(name)
        logger.handlers = []
        logger.propagate = True
        logger.setLevel(_wechaty_log_level())
    _applied = True


def _wechaty_log_level() -> int:
    """WARNING unless WECHATY_LOG asks for more (its values: silly, verbose, info, warn, error, silent)."""
    levels = {
        "silly": logging.DEBUG,
        "verbose": logging.DEBUG,
        "info": logging.INFO,
        "warn": logging.WARNING,
        "error": logging.ERROR,
        "silent": logging.CRITICAL + 1,
    }
    return levels.get(os.environ.get("WECHATY_LOG", "warn").lower(), logging.WARNING)


class RedactFilter(logging.Filter):
    """Replaces a secret (the gateway token) in log records of the wechaty loggers."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self._secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("there are endpoint<"):
            return False  # logged on every connect, with the token, and only says the endpoint is used
        if self._secret and self._secret in message:
            record.msg = message.replace(self._secret, "***")
            record.args = None
        return True


def redact_token(token: str) -> RedactFilter:
    """Keep the token out of the logs of the wechaty loggers; returns the filter so it can be removed."""
    redact = RedactFilter(token)
    for name in REDACTED_LOGGERS:
        logging.getLogger(name).addFilter(redact)
    return redact


def remove_redaction(redact: RedactFilter) -> None:
    for name in REDACTED_LOGGERS:
        logging.getLogger(name).removeFilter(redact)
