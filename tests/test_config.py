"""The typed configuration: config.example.toml equals the defaults, env overrides, errors that name the key."""

from __future__ import annotations

import dataclasses
import tomllib
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

import pytest

from bot.config import SECRET_KEYS, Config, ConfigError, config_from_mapping, load_config, with_overrides

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "config.example.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def all_keys() -> list[tuple[str, str]]:
    """(section, key) of every configuration key the code knows."""
    return [
        (section.name, key.name)
        for section in dataclasses.fields(Config)
        for key in dataclasses.fields(getattr(Config(), section.name))
    ]


# --- config.example.toml stays true to the code ----------------------------------------------------------


def test_example_file_equals_the_built_in_defaults() -> None:
    assert load_config(None, env={}) == load_config(EXAMPLE, env={}) == Config()


def test_example_file_lists_every_key_except_secrets() -> None:
    raw = tomllib.loads(EXAMPLE.read_text(encoding="utf-8"))
    written = {(section, key) for section, keys in raw.items() for key in keys}
    assert written == set(all_keys()) - SECRET_KEYS


def test_missing_config_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "config.toml", env={}) == Config()


def test_defaults_are_the_documented_ones() -> None:
    config = Config()
    assert config.general.timezone == "Asia/Shanghai"
    assert str(config.tz) == "Asia/Shanghai"
    assert config.database.url.startswith("sqlite+aiosqlite:///./data/")
    assert config.notices.number_format.format(year=2026, seq=12) == "督办〔2026〕12号"
    assert config.transport_kind == "console"
    assert config.wechaty.token == ""


# --- environment overrides -------------------------------------------------------------------------------

# Values for keys whose valid alternatives cannot be derived from the type alone.
EXPLICIT: dict[tuple[str, str], tuple[str, Any]] = {
    ("general", "timezone"): ("Asia/Urumqi", "Asia/Urumqi"),
    ("general", "bot_name"): ("督查小助手", "督查小助手"),
    ("web", "listen"): ("0.0.0.0:9090", "0.0.0.0:9090"),
    ("web", "secret_file"): ("/var/lib/duban/web.key", "/var/lib/duban/web.key"),
    ("general", "office_name"): ("某某县人民政府督查室", "某某县人民政府督查室"),
    ("database", "schema"): ("county_anping", "county_anping"),
    ("database", "url"): (
        "postgresql+asyncpg://duban@127.0.0.1:5432/duban",
        "postgresql+asyncpg://duban@127.0.0.1:5432/duban",
    ),
    ("notices", "number_format"): ("县督〔{year}〕第{seq}号", "县督〔{year}〕第{seq}号"),
    ("working_hours", "start"): ("09:00", time(9, 0)),
    ("working_hours", "end"): ("18:00", time(18, 0)),
    ("transport", "kind"): ("console", "console"),
    ("sending", "jitter_seconds"): ("0", 0.0),
    ("wechaty", "endpoint"): ("127.0.0.1:8788", "127.0.0.1:8788"),
    ("wechaty", "token"): ("puppet-token-123", "puppet-token-123"),
    ("bulletin", "day"): ("mon", "mon"),
    ("bulletin", "room"): ("20001@chatroom", "20001@chatroom"),
    ("penalties", "veto_kinds"): ("通报批评,责任追究", ("通报批评", "责任追究")),
    ("wechaty", "qr_file"): ("/var/lib/duban/qr.png", "/var/lib/duban/qr.png"),
    ("alerts", "wecom_webhook"): (
        "https://qyapi.weixin.qq.com/x?key=1",
        "https://qyapi.weixin.qq.com/x?key=1",
    ),
    ("alerts", "smtp_host"): ("mail.county.gov.cn", "mail.county.gov.cn"),
    ("alerts", "smtp_user"): ("duban", "duban"),
    ("alerts", "smtp_password"): ("secret", "secret"),
    ("alerts", "smtp_from"): ("duban@county.gov.cn", "duban@county.gov.cn"),
    ("alerts", "smtp_to"): ("a@county.gov.cn,b@county.gov.cn", ("a@county.gov.cn", "b@county.gov.cn")),
    ("attachments", "dir"): ("/var/lib/duban/files", "/var/lib/duban/files"),
    ("attachments", "types"): ("pdf,ofd", ("pdf", "ofd")),
}


# Keys that are only valid together with another one.
REQUIRES: dict[tuple[str, str], dict[tuple[str, str], str]] = {
    ("bulletin", "enabled"): {("bulletin", "room"): "20001@chatroom"},
    ("database", "schema"): {("database", "url"): "postgresql+asyncpg://duban@127.0.0.1:5432/duban"},
    ("alerts", "smtp_host"): {
        ("alerts", "smtp_from"): "duban@county.gov.cn",
        ("alerts", "smtp_to"): "a@b.cn",
    },
}


def alternative(section: str, key: str) -> tuple[str, Any]:
    """An environment string for the key, and the value it must give (different from the default)."""
    if (section, key) in EXPLICIT:
        return EXPLICIT[section, key]
    default = getattr(getattr(Config(), section), key)
    kind = get_type_hints(type(getattr(Config(), section)))[key]
    if kind is bool:
        return ("false", False) if default else ("true", True)
    if kind is int:
        return str(default + 1), default + 1
    if kind is float:
        return str(default + 0.5), default + 0.5
    if kind is time:
        shifted = (datetime.combine(date(2026, 1, 1), default) + timedelta(minutes=1)).time()
        return shifted.strftime("%H:%M"), shifted
    if get_origin(kind) is tuple and get_args(kind)[0] in (int, float):
        return "5,15.5", (5, 15.5)
    if get_origin(kind) is tuple and get_args(kind)[0] is date:
        return "2026-10-09,2026-10-10", (date(2026, 10, 9), date(2026, 10, 10))
    raise AssertionError(f"add an environment override example for [{section}] {key} to EXPLICIT")


@pytest.mark.parametrize("listen", ["8080", "localhost", "127.0.0.1:http", "127.0.0.1:70000", ":8080"])
def test_a_web_address_without_host_and_port_is_refused_in_chinese(listen: str) -> None:
    with pytest.raises(ConfigError, match=r"\[web\] listen 应写成"):
        config_from_mapping({"web": {"listen": listen}})


def test_an_empty_web_address_turns_the_desk_off() -> None:
    assert config_from_mapping({"web": {"listen": ""}}).web.address is None
    assert config_from_mapping({}).web.address == ("127.0.0.1", 8080)
    assert config_from_mapping({"web": {"listen": "[::1]:8081"}}).web.address == ("::1", 8081)


# the names the issue and config.example.toml promise
NAMED_OVERRIDES: list[tuple[str, str, str, str, Any]] = [
    ("DUBAN_DATABASE_URL", "sqlite+aiosqlite:///other.db", "database", "url", "sqlite+aiosqlite:///other.db"),
    ("DUBAN_WORKING_HOURS_END", "18:30", "working_hours", "end", time(18, 30)),
    ("DUBAN_WORKING_HOURS_START", "08:00", "working_hours", "start", time(8, 0)),
    ("DUBAN_SENDING_PER_MINUTE", "40", "sending", "per_minute", 40),
    ("DUBAN_SENDING_ROOM_INTERVAL_SECONDS", "0", "sending", "room_interval_seconds", 0.0),
    ("DUBAN_NOTICES_RECEIPT_WINDOW_MINUTES", "60", "notices", "receipt_window_minutes", 60),
    ("DUBAN_WECHATY_ENDPOINT", "127.0.0.1:8788", "wechaty", "endpoint", "127.0.0.1:8788"),
    ("DUBAN_WECHATY_TOKEN", "t0ken", "wechaty", "token", "t0ken"),
]


@pytest.mark.parametrize(
    ("env_name", "raw", "section", "key", "expected"), NAMED_OVERRIDES, ids=[n[0] for n in NAMED_OVERRIDES]
)
def test_documented_environment_names(env_name: str, raw: str, section: str, key: str, expected: Any) -> None:
    assert getattr(getattr(load_config(None, env={env_name: raw}), section), key) == expected


@pytest.mark.parametrize(
    ("section", "key"), all_keys(), ids=[f"DUBAN_{s.upper()}_{k.upper()}" for s, k in all_keys()]
)
def test_every_key_can_be_overridden_from_the_environment(section: str, key: str) -> None:
    raw, expected = alternative(section, key)
    default = Config()
    assert expected != getattr(getattr(default, section), key)  # the override really changes something
    companions = REQUIRES.get((section, key), {})
    env = {f"DUBAN_{s.upper()}_{k.upper()}": v for (s, k), v in companions.items()}
    config = load_config(None, env={**env, f"DUBAN_{section.upper()}_{key.upper()}": raw})
    assert getattr(getattr(config, section), key) == expected
    for other_section, other_key in all_keys():  # and nothing else
        if (other_section, other_key) != (section, key) and (other_section, other_key) not in companions:
            assert getattr(getattr(config, other_section), other_key) == getattr(
                getattr(default, other_section), other_key
            )


def test_environment_beats_the_file(tmp_path: Path) -> None:
    path = write(
        tmp_path, '[working_hours]\nend = "18:00"\n[database]\nurl = "sqlite+aiosqlite:///file.db"\n'
    )
    config = load_config(path, env={"DUBAN_WORKING_HOURS_END": "19:00"})
    assert config.working_hours.end == time(19, 0)
    assert config.database.url == "sqlite+aiosqlite:///file.db"  # from the file, no env for it


def test_process_environment_is_used_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUBAN_DATABASE_URL", "sqlite+aiosqlite:///elsewhere.db")
    monkeypatch.setenv("DUBAN_SENDING_PER_MINUTE", "7")
    config = load_config(None)
    assert config.database.url == "sqlite+aiosqlite:///elsewhere.db"
    assert config.sending.per_minute == 7


def test_token_from_environment_is_allowed_with_endpoint() -> None:
    config = load_config(
        None, env={"DUBAN_WECHATY_ENDPOINT": "127.0.0.1:8788", "DUBAN_WECHATY_TOKEN": "secret"}
    )
    assert config.wechaty.token == "secret"
    assert config.transport_kind == "wechaty"


def test_file_values_of_every_type(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
[general]
timezone = "Asia/Hong_Kong"
[notices]
receipt_window_minutes = 30
[working_hours]
start = 09:00:00          # a TOML local time works as well as a string
end = "18:30"
[transport]
kind = "console"
[sending]
room_interval_seconds = 2  # an integer for a float key is fine
per_minute = 30
""",
    )
    config = load_config(path, env={})
    assert config.general.timezone == "Asia/Hong_Kong"
    assert config.notices.receipt_window_minutes == 30
    assert config.working_hours.start == time(9, 0)
    assert config.working_hours.end == time(18, 30)
    assert config.transport_kind == "console"
    assert config.sending.room_interval_seconds == 2.0
    assert isinstance(config.sending.room_interval_seconds, float)
    assert config.sending.per_minute == 30


# --- errors name the key ---------------------------------------------------------------------------------

FILE_ERRORS: list[tuple[str, str, tuple[str, ...]]] = [
    ("bad-timezone", '[general]\ntimezone = "Mars/Olympus_Mons"\n', ("timezone", "Mars/Olympus_Mons")),
    ("bad-time", '[working_hours]\nend = "25:00"\n', ("[working_hours] end", "25:00")),
    ("bad-time-text", '[working_hours]\nstart = "早上八点"\n', ("[working_hours] start",)),
    ("start-after-end", '[working_hours]\nstart = "18:00"\nend = "09:00"\n', ("start", "end")),
    ("non-integer", '[sending]\nper_minute = "twenty"\n', ("[sending] per_minute", "twenty")),
    ("float-for-integer", "[sending]\nper_minute = 2.5\n", ("[sending] per_minute",)),
    ("bool-for-integer", "[notices]\nreceipt_window_minutes = true\n", ("receipt_window_minutes",)),
    ("non-number", '[sending]\njitter_seconds = "a bit"\n', ("[sending] jitter_seconds",)),
    ("number-for-string", "[database]\nurl = 5\n", ("[database] url",)),
    ("zero-window", "[notices]\nreceipt_window_minutes = 0\n", ("receipt_window_minutes",)),
    ("zero-per-minute", "[sending]\nper_minute = 0\n", ("per_minute",)),
    ("negative-interval", "[sending]\nroom_interval_seconds = -1\n", ("[sending]",)),
    ("short-max-length", "[sending]\nmax_length = 50\n", ("max_length",)),
    ("bad-number-format", '[notices]\nnumber_format = "督办{month}号"\n', ("number_format",)),
    ("unknown-key", "[sending]\nper_minut = 3\n", ("[sending]", "per_minut")),
    ("unknown-section", "[sendng]\nper_minute = 3\n", ("sendng",)),
    ("section-not-table", "general = 5\n", ("[general]",)),
    ("token-in-file", '[wechaty]\ntoken = "abc"\n', ("[wechaty] token", "DUBAN_WECHATY_TOKEN")),
    ("unknown-transport", '[transport]\nkind = "qq"\n', ("[transport] kind", "qq")),
    ("wechaty-without-endpoint", '[transport]\nkind = "wechaty"\n', ("[wechaty] endpoint",)),
]


@pytest.mark.parametrize(
    ("toml", "named"), [row[1:] for row in FILE_ERRORS], ids=[row[0] for row in FILE_ERRORS]
)
def test_bad_file_values_are_errors_naming_the_key(tmp_path: Path, toml: str, named: tuple[str, ...]) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, toml), env={})
    for part in named:
        assert part in str(error.value)


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "[general\ntimezone = \n")
    with pytest.raises(ConfigError, match=r"config\.toml"):
        load_config(path, env={})


ENV_ERRORS: list[tuple[str, str, str]] = [
    ("DUBAN_SENDING_PER_MINUTE", "abc", "per_minute"),
    ("DUBAN_SENDING_PER_MINUTE", "1e3", "per_minute"),
    ("DUBAN_WORKING_HOURS_END", "25:00", "end"),
    ("DUBAN_GENERAL_TIMEZONE", "Nowhere/City", "timezone"),
    ("DUBAN_SENDING_ROOM_INTERVAL_SECONDS", "fast", "room_interval_seconds"),
    ("DUBAN_TRANSPORT_KIND", "wechaty", "endpoint"),
]


@pytest.mark.parametrize(("env_name", "raw", "key"), ENV_ERRORS, ids=[f"{e[0]}={e[1]}" for e in ENV_ERRORS])
def test_bad_environment_values_are_errors_naming_the_key(env_name: str, raw: str, key: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(None, env={env_name: raw})
    assert key in str(error.value)


@pytest.mark.parametrize(
    "env_name",
    ["DUBAN_SENDING_PER_MINUTE", "DUBAN_WORKING_HOURS_END", "DUBAN_SENDING_ROOM_INTERVAL_SECONDS"],
)
def test_type_errors_from_the_environment_name_the_variable(env_name: str) -> None:
    with pytest.raises(ConfigError, match=env_name):
        load_config(None, env={env_name: "not a value"})


@pytest.mark.parametrize(
    ("env_name", "raw"),
    [
        ("DUBAN_SENDING_ROOM_INTERVAL_SECONDS", "nan"),
        ("DUBAN_SENDING_JITTER_SECONDS", "inf"),
        ("DUBAN_SENDING_RETRY_BASE_SECONDS", "nan"),
    ],
)
def test_non_finite_numbers_are_errors(env_name: str, raw: str) -> None:
    with pytest.raises(ConfigError) as error:
        load_config(None, env={env_name: raw})
    assert env_name in str(error.value)


def test_time_with_an_offset_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="end"):
        load_config(None, env={"DUBAN_WORKING_HOURS_END": "17:30+08:00"})


def test_number_format_must_contain_the_sequence_number() -> None:
    with pytest.raises(ConfigError, match="number_format"):
        load_config(None, env={"DUBAN_NOTICES_NUMBER_FORMAT": "督办〔{year}〕号"})


def test_number_format_may_use_format_specs() -> None:
    config = load_config(None, env={"DUBAN_NOTICES_NUMBER_FORMAT": "督办〔{year}〕{seq:03d}号"})
    assert config.notices.number_format.format(year=2026, seq=7) == "督办〔2026〕007号"


# --- with_overrides (a replay scenario's "config") --------------------------------------------------------


def test_with_overrides_replaces_only_the_given_keys_and_converts_them() -> None:
    base = load_config(None, env={"DUBAN_DATABASE_URL": "sqlite+aiosqlite:///x.db"})
    updated = with_overrides(
        base,
        {"working_hours": {"end": "18:00"}, "sending": {"per_minute": 5, "room_interval_seconds": 0}},
    )
    assert updated.working_hours.end == time(18, 0)
    assert updated.working_hours.start == base.working_hours.start
    assert updated.sending.per_minute == 5
    assert updated.sending.room_interval_seconds == 0.0
    assert updated.database.url == "sqlite+aiosqlite:///x.db"  # kept from the base config
    assert base.working_hours.end == time(17, 30)  # the original is untouched


def test_with_overrides_without_overrides_is_identity() -> None:
    base = load_config(None, env={"DUBAN_WECHATY_TOKEN": "secret", "DUBAN_WECHATY_ENDPOINT": "h:1"})
    assert with_overrides(base, {}) == base


def test_with_overrides_keeps_the_secret_token() -> None:
    base = load_config(None, env={"DUBAN_WECHATY_TOKEN": "secret", "DUBAN_WECHATY_ENDPOINT": "h:1"})
    updated = with_overrides(base, {"wechaty": {"endpoint": "other:2"}})
    assert updated.wechaty.endpoint == "other:2"
    assert updated.wechaty.token == "secret"


@pytest.mark.parametrize(
    ("overrides", "key"),
    [
        ({"general": {"timezone": "Not/AZone"}}, "timezone"),
        ({"sending": {"per_minute": "many"}}, "per_minute"),
        ({"sending": {"per_minut": 3}}, "per_minut"),
        ({"working_hours": {"end": "25:00"}}, "end"),
    ],
)
def test_with_overrides_validates(overrides: dict[str, dict[str, Any]], key: str) -> None:
    with pytest.raises(ConfigError, match=key):
        with_overrides(Config(), overrides)


def test_with_overrides_rejects_an_unknown_section() -> None:
    with pytest.raises(ConfigError, match="sendng"):
        with_overrides(Config(), {"sendng": {"per_minute": 3}})


def test_with_overrides_rejects_a_section_that_is_not_a_table() -> None:
    with pytest.raises(ConfigError, match="sending"):
        with_overrides(Config(), {"sending": 5})  # type: ignore[dict-item]


def test_with_overrides_cannot_set_the_token() -> None:
    base = load_config(None, env={"DUBAN_WECHATY_TOKEN": "secret"})
    try:
        updated = with_overrides(base, {"wechaty": {"token": "from-scenario"}})
    except ConfigError as error:  # refusing it, as the file does, is fine too
        assert "token" in str(error)
    else:
        assert updated.wechaty.token == "secret"


def test_config_from_mapping_rejects_the_token_like_a_file() -> None:
    with pytest.raises(ConfigError, match="token"):
        config_from_mapping({"wechaty": {"token": "abc"}})
