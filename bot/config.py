"""The one typed configuration model: TOML file, built-in defaults and DUBAN_<SECTION>_<KEY> overrides."""

from __future__ import annotations

import dataclasses
import math
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from handlers.rules.filecheck import DEFAULT_TYPES
from handlers.rules.penalties import PENALTY_KINDS
from handlers.rules.quiet import clock_within

SECRET_KEYS = {("wechaty", "token"), ("alerts", "wecom_webhook"), ("alerts", "smtp_password")}
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


SCHEMA_NAME = re.compile(r"(?!pg_)[a-z_][a-z0-9_]{0,62}")  # PostgreSQL reserves pg_…


class ConfigError(ValueError):
    """A configuration value is missing or malformed; the message names the key."""


@dataclass(frozen=True)
class GeneralConfig:
    timezone: str = "Asia/Shanghai"
    bot_name: str = "督办助手"
    office_name: str = "县人民政府督查室"  # the title of the printed 台账 and of the 通报


@dataclass(frozen=True)
class DatabaseConfig:
    url: str = "sqlite+aiosqlite:///./data/duban.db"
    schema: str = ""  # PostgreSQL only: this office's tables in their own schema ("" = the default)


@dataclass(frozen=True)
class NoticesConfig:
    number_format: str = "督办〔{year}〕{seq}号"
    receipt_window_minutes: int = 120


@dataclass(frozen=True)
class WorkingHoursConfig:
    start: time = time(8, 30)
    end: time = time(17, 30)


@dataclass(frozen=True)
class TransportConfig:
    kind: str = "auto"  # auto | console | wechaty


@dataclass(frozen=True)
class SendingConfig:
    room_interval_seconds: float = 3.0
    jitter_seconds: float = 1.0
    per_minute: int = 20
    max_attempts: int = 5
    retry_base_seconds: float = 10.0
    max_length: int = 1500
    mentions_per_message: int = 20


@dataclass(frozen=True)
class RemindersConfig:
    daily_time: time = time(9, 0)
    receipt_offsets_minutes: tuple[float, ...] = (30,)
    feedback_offsets_minutes: tuple[float, ...] = (1440, 120)
    grace_minutes: int = 30


@dataclass(frozen=True)
class QuietHoursConfig:
    start: time = time(22, 0)
    end: time = time(7, 30)


@dataclass(frozen=True)
class CalendarConfig:
    extra_holidays: tuple[date, ...] = ()
    extra_workdays: tuple[date, ...] = ()


@dataclass(frozen=True)
class PenaltiesConfig:
    quarter_threshold: int = 3
    veto_kinds: tuple[str, ...] = ("通报批评", "媒体曝光", "警示约谈", "责任追究")
    rectify_days: float = 30.0  # a confirmed 通报批评 or 媒体曝光 opens a rectification period this long


@dataclass(frozen=True)
class AssessmentConfig:
    """Points of the quarterly and yearly assessment (考核): a base score less a deduction per lapse and penalty."""

    base_score: float = 100.0
    late_receipt: float = 0.5  # 逾期签收, each
    missed_receipt: float = 1.0  # 逾期未签收, each
    late_feedback: float = 1.0  # 逾期反馈, each
    missed_feedback: float = 2.0  # 逾期未反馈, each
    written_review: float = 2.0  # 书面检查, each confirmed
    criticism: float = 3.0  # 通报批评
    media_exposure: float = 5.0  # 媒体曝光
    warning_talk: float = 8.0  # 警示约谈
    accountability: float = 10.0  # 责任追究

    def penalty_points(self) -> dict[str, float]:
        """The deduction per confirmed penalty kind, by its Chinese name."""
        values = (
            self.written_review,
            self.criticism,
            self.media_exposure,
            self.warning_talk,
            self.accountability,
        )
        return dict(zip(PENALTY_KINDS, values, strict=True))


@dataclass(frozen=True)
class ReviewConfig:
    digest_minutes: float = 30.0  # replies the bot could not place reach the office at most this often


@dataclass(frozen=True)
class BulletinConfig:
    enabled: bool = False
    day: str = "fri"
    time: time = time(16, 0)
    room: str = ""


@dataclass(frozen=True)
class OperationsConfig:
    offline_notice_minutes: float = (
        1.0  # offline longer than this: ask those who replied meanwhile to reply again
    )
    database_alert_minutes: float = 1.0  # the database failing this long: the office is told directly


@dataclass(frozen=True)
class AlertsConfig:
    """A channel to the office that does not depend on WeChat (for when WeChat itself is the trouble)."""

    wecom_webhook: str = ""  # 企业微信群机器人 webhook URL; only from the environment (it holds a key)
    smtp_host: str = ""
    smtp_port: int = 25
    smtp_starttls: bool = False
    smtp_user: str = ""
    smtp_password: str = ""  # only from the environment: DUBAN_ALERTS_SMTP_PASSWORD
    smtp_from: str = ""
    smtp_to: tuple[str, ...] = ()
    disconnect_minutes: float = 5.0  # WeChat down this long: an alert

    @property
    def enabled(self) -> bool:
        return bool(self.wecom_webhook or (self.smtp_host and self.smtp_to))


@dataclass(frozen=True)
class AttachmentsConfig:
    """Files a notice carries: where they are kept, how big and of which types they may be."""

    dir: str = "./data/files"
    max_mb: float = 20.0
    types: tuple[str, ...] = DEFAULT_TYPES
    pickup_minutes: float = 30.0  # a file sent to the bot in private waits this long for the next /发布


@dataclass(frozen=True)
class WechatyConfig:
    endpoint: str = ""
    token: str = ""  # only from the environment: DUBAN_WECHATY_TOKEN
    qr_file: str = "./data/wechat-login.png"  # the login QR code as a picture, while a login is needed


@dataclass(frozen=True)
class WebConfig:
    """The office's web desk, served by `duban run` itself (behind a reverse proxy on the intranet)."""

    listen: str = "127.0.0.1:8080"  # host:port; empty: no web desk
    secret_file: str = "./data/web-secret.key"  # the session cookie key, made on first start (mode 0600)
    cookie_secure: bool = False  # true when the proxy serves https: the cookie is then sent over https only

    @property
    def address(self) -> tuple[str, int] | None:
        if not self.listen:
            return None
        host, _, port = self.listen.rpartition(":")
        return host.strip("[]") or "127.0.0.1", int(port)


@dataclass(frozen=True)
class Config:
    general: GeneralConfig = field(default_factory=GeneralConfig)
    database: DatabaseConfig = field(default_factory=DatabaseConfig)
    notices: NoticesConfig = field(default_factory=NoticesConfig)
    working_hours: WorkingHoursConfig = field(default_factory=WorkingHoursConfig)
    transport: TransportConfig = field(default_factory=TransportConfig)
    sending: SendingConfig = field(default_factory=SendingConfig)
    reminders: RemindersConfig = field(default_factory=RemindersConfig)
    quiet_hours: QuietHoursConfig = field(default_factory=QuietHoursConfig)
    calendar: CalendarConfig = field(default_factory=CalendarConfig)
    penalties: PenaltiesConfig = field(default_factory=PenaltiesConfig)
    review: ReviewConfig = field(default_factory=ReviewConfig)
    assessment: AssessmentConfig = field(default_factory=AssessmentConfig)
    bulletin: BulletinConfig = field(default_factory=BulletinConfig)
    operations: OperationsConfig = field(default_factory=OperationsConfig)
    alerts: AlertsConfig = field(default_factory=AlertsConfig)
    wechaty: WechatyConfig = field(default_factory=WechatyConfig)
    web: WebConfig = field(default_factory=WebConfig)
    attachments: AttachmentsConfig = field(default_factory=AttachmentsConfig)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.general.timezone)

    @property
    def transport_kind(self) -> str:
        if self.transport.kind == "auto":
            return "wechaty" if self.wechaty.endpoint else "console"
        return self.transport.kind


def _convert(value: Any, kind: Any, key: str) -> Any:
    if get_origin(kind) is tuple:
        item = get_args(kind)[0]
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if not isinstance(value, list | tuple):
            raise ConfigError(f"配置项 {key} 应为列表，如 [30, 120]，现在是 {value!r}")
        return tuple(_convert(part, item, key) for part in value)
    if kind is date:
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise ConfigError(f"配置项 {key} 中的日期应写成 YYYY-MM-DD，现在是 {value!r}") from None
    if kind is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in {"1", "true", "yes", "on", "0", "false", "no", "off"}:
            return value.lower() in {"1", "true", "yes", "on"}
        raise ConfigError(f"配置项 {key} 应为 true 或 false，现在是 {value!r}")
    if kind is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return int(value)
        raise ConfigError(f"配置项 {key} 应为整数，现在是 {value!r}")
    if kind is float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if isinstance(value, bool) or not math.isfinite(number):
            raise ConfigError(f"配置项 {key} 应为数字，现在是 {value!r}")
        return number
    if kind is time:
        try:
            parsed = value if isinstance(value, time) else time.fromisoformat(str(value).strip())
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is not None:
            raise ConfigError(f'配置项 {key} 应为 HH:MM 形式的时刻（如 "17:30"，不带时区），现在是 {value!r}')
        return parsed
    if not isinstance(value, str):
        raise ConfigError(f"配置项 {key} 应为字符串，现在是 {value!r}")
    return value


def _section(cls: type[Any], name: str, raw: Mapping[str, Any], env: Mapping[str, str]) -> Any:
    hints = get_type_hints(cls)
    unknown = set(raw) - {f.name for f in fields(cls)}
    if unknown:
        raise ConfigError(
            f"配置节 [{name}] 中没有配置项 {', '.join(sorted(unknown))}，请对照 config.example.toml"
        )
    values: dict[str, Any] = {}
    for f in fields(cls):
        key = f"[{name}] {f.name}"
        env_name = f"DUBAN_{name.upper()}_{f.name.upper()}"
        if (name, f.name) in SECRET_KEYS and f.name in raw:
            raise ConfigError(f"配置项 {key} 是密钥，不能写在配置文件里，请用环境变量 {env_name} 提供")
        if env_name in env:
            values[f.name] = _convert(env[env_name], hints[f.name], f"{key}（环境变量 {env_name}）")
        elif f.name in raw:
            values[f.name] = _convert(raw[f.name], hints[f.name], key)
    return cls(**values)


def load_config(path: Path | None, env: Mapping[str, str] | None = None) -> Config:
    """Read `path` (if it exists) over the built-in defaults, then apply environment overrides."""
    env = os.environ if env is None else env
    raw: dict[str, Any] = {}
    if path is not None and path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"配置文件 {path} 不是合法的 TOML：{error}") from None
    return config_from_mapping(raw, env)


def config_from_mapping(raw: Mapping[str, Any], env: Mapping[str, str] | None = None) -> Config:
    env = {} if env is None else env
    sections = {f.name: f for f in fields(Config)}
    unknown = set(raw) - set(sections)
    if unknown:
        raise ConfigError(f"没有配置节 [{', '.join(sorted(unknown))}]，可用的有：{', '.join(sections)}")
    hints = get_type_hints(Config)
    parts = {}
    for name in sections:
        section_raw = raw.get(name, {})
        if not isinstance(section_raw, Mapping):
            raise ConfigError(f"[{name}] 应为一个配置节（表），现在是 {section_raw!r}")
        parts[name] = _section(hints[name], name, section_raw, env)
    config = Config(**parts)
    validate(config)
    return config


def with_overrides(config: Config, overrides: Mapping[str, Mapping[str, Any]]) -> Config:
    """The config with some keys replaced (a replay scenario's `config`); secrets stay as they were."""
    sections = {f.name for f in fields(Config)}
    for name, values in overrides.items():
        if name not in sections:
            raise ConfigError(f"没有配置节 [{name}]，可用的有：{', '.join(sorted(sections))}")
        if not isinstance(values, Mapping):
            raise ConfigError(f"[{name}] 应为一个配置节（表），现在是 {values!r}")
        secret = [key for key in values if (name, key) in SECRET_KEYS]
        if secret:
            raise ConfigError(f"配置项 [{name}] {secret[0]} 是密钥，只能用环境变量提供")
    merged = {
        f.name: {**dataclasses.asdict(getattr(config, f.name)), **overrides.get(f.name, {})}
        for f in fields(Config)
    }
    secrets = {(name, key): merged[name].pop(key) for name, key in SECRET_KEYS}
    updated = config_from_mapping(merged)
    for (name, key), value in secrets.items():
        updated = dataclasses.replace(
            updated, **{name: dataclasses.replace(getattr(updated, name), **{key: value})}
        )
    return updated


def validate(config: Config) -> None:
    _validate_schema(config.database)
    try:
        ZoneInfo(config.general.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"配置项 [general] timezone 不是已知时区：{config.general.timezone!r}（如 Asia/Shanghai）"
        ) from None
    try:
        numbered = config.notices.number_format.format(year=2026, seq=1)
        distinct = numbered != config.notices.number_format.format(year=2026, seq=2)
    except (KeyError, IndexError, ValueError):
        distinct = False
    if not distinct:
        raise ConfigError(
            '配置项 [notices] number_format 只能使用 {year} 和 {seq}，如 "督办〔{year}〕{seq}号"'
        ) from None
    if config.notices.receipt_window_minutes <= 0:
        raise ConfigError("配置项 [notices] receipt_window_minutes 应大于 0")
    if config.working_hours.start >= config.working_hours.end:
        raise ConfigError("配置项 [working_hours] start 应早于 end")
    if config.transport.kind not in {"auto", "console", "wechaty"}:
        raise ConfigError(
            f"配置项 [transport] kind 应为 auto、console 或 wechaty，现在是 {config.transport.kind!r}"
        )
    if config.transport.kind == "wechaty" and not config.wechaty.endpoint:
        raise ConfigError(
            '[transport] kind = "wechaty" 需要配置 [wechaty] endpoint（或环境变量 DUBAN_WECHATY_ENDPOINT）'
        )
    sending = config.sending
    if sending.room_interval_seconds < 0 or sending.jitter_seconds < 0 or sending.retry_base_seconds < 0:
        raise ConfigError("配置节 [sending] 的间隔与重试秒数不能为负数")
    if sending.per_minute <= 0 or sending.max_attempts <= 0:
        raise ConfigError("配置项 [sending] per_minute 与 max_attempts 应大于 0")
    reminders = config.reminders
    if any(m <= 0 for m in (*reminders.receipt_offsets_minutes, *reminders.feedback_offsets_minutes)):
        raise ConfigError("配置节 [reminders] 的提前提醒分钟数应大于 0")
    operations = config.operations
    if operations.offline_notice_minutes <= 0 or operations.database_alert_minutes <= 0:
        raise ConfigError("配置节 [operations] 的分钟数应大于 0")
    if reminders.grace_minutes < 0:
        raise ConfigError("配置项 [reminders] grace_minutes 不能为负数")
    quiet = config.quiet_hours
    if clock_within(reminders.daily_time, quiet.start, quiet.end):
        raise ConfigError("配置项 [reminders] daily_time 落在免打扰时段 [quiet_hours] 内，请调整其中之一")
    if config.penalties.quarter_threshold < 2:
        raise ConfigError("配置项 [penalties] quarter_threshold 至少为 2")
    if not 0 < config.penalties.rectify_days <= 366:
        raise ConfigError("配置项 [penalties] rectify_days 应大于 0、不超过 366（整改期限的天数）")
    alerts = config.alerts
    if alerts.wecom_webhook and not alerts.wecom_webhook.startswith(("https://", "http://")):
        raise ConfigError(
            "环境变量 DUBAN_ALERTS_WECOM_WEBHOOK 应为企业微信群机器人的 webhook 地址（https://…）"
        )
    if alerts.smtp_host and not (alerts.smtp_to and alerts.smtp_from):
        raise ConfigError("配置了 [alerts] smtp_host 时，还要写 smtp_from 和 smtp_to（收件人列表）")
    if alerts.disconnect_minutes <= 0:
        raise ConfigError("配置项 [alerts] disconnect_minutes 应大于 0")
    if config.review.digest_minutes <= 0:
        raise ConfigError("配置项 [review] digest_minutes 应大于 0")
    unknown_kinds = set(config.penalties.veto_kinds) - set(PENALTY_KINDS)
    if unknown_kinds:
        raise ConfigError(
            f"配置项 [penalties] veto_kinds 只能包含 {'、'.join(PENALTY_KINDS)}，现在有 {'、'.join(sorted(unknown_kinds))}"
        )
    assessment = config.assessment
    if assessment.base_score <= 0:
        raise ConfigError("配置项 [assessment] base_score 应大于 0（如 100）")
    negative = [
        f.name for f in fields(assessment) if f.name != "base_score" and getattr(assessment, f.name) < 0
    ]
    if negative:
        raise ConfigError(f"配置节 [assessment] 的扣分不能为负数：{', '.join(negative)}")
    if config.bulletin.day not in WEEKDAY_NAMES:
        raise ConfigError(
            f"配置项 [bulletin] day 应为 {', '.join(WEEKDAY_NAMES)} 之一，现在是 {config.bulletin.day!r}"
        )
    if config.bulletin.enabled and not config.bulletin.room:
        raise ConfigError("[bulletin] enabled = true 需要配置 room（群的微信 id 或群名）")
    listen = config.web.listen
    if listen:
        host, colon, port = listen.rpartition(":")
        if not colon or not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ConfigError(
                f'配置项 [web] listen 应写成 "地址:端口"，如 "127.0.0.1:8080"（留空则不启动网页），现在是 {listen!r}'
            )
    files = config.attachments
    if not 0 < files.max_mb <= 1024 or files.pickup_minutes <= 0:
        raise ConfigError("配置节 [attachments] 的 max_mb 应大于 0、不超过 1024，pickup_minutes 应大于 0")
    if not files.types or any(not t or "." in t or t != t.lower() for t in files.types):
        raise ConfigError('配置项 [attachments] types 应为小写扩展名的列表（不带点），如 ["pdf", "docx"]')
    if sending.max_length < 100 or sending.mentions_per_message <= 0:
        raise ConfigError("配置项 [sending] max_length 至少为 100，mentions_per_message 应大于 0")


def _validate_schema(database: DatabaseConfig) -> None:
    """A schema is a plain lower-case name, and only for PostgreSQL (a SQLite file is one office already)."""
    if not database.schema:
        return
    if not SCHEMA_NAME.fullmatch(database.schema):
        raise ConfigError(
            f"配置项 [database] schema 应为小写字母开头、只含小写字母、数字和下划线的名字（不超过 63 个字符，不以 pg_ 开头），"
            f'如 "county_anping"，现在是 {database.schema!r}'
        )
    if not database.url.startswith("postgresql"):
        raise ConfigError(
            "配置项 [database] schema 只用于 PostgreSQL（多个督查室共用一个 PostgreSQL 库时各用一个 schema）；"
            "SQLite 每个督查室本来就是单独的数据库文件，请删去 schema，或把 url 改为 postgresql+asyncpg://… 地址"
        )
