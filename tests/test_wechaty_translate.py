"""WeChat payloads as duban reads them, without a gateway: who, what, when, and what needs no handling."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.wechaty_translate import AT_SEPARATOR, Heard, aware_utc, clean_text, read_payload, with_mentions

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
QUOTE = (
    '<msg><appmsg appid=""><title>收到</title><type>57</type>'
    "<refermsg><svrid>1796024213022000063</svrid><content>【督办通知单】</content></refermsg></appmsg></msg>"
)


def read(**fields: object) -> Heard | str:
    values: dict[str, object] = {
        "from_id": "wxid_a",
        "text": "收到",
        "is_text": True,
        "room_id": "room@chatroom",
        "mention_ids": [],
        "timestamp": 1_796_000_000_123,
        "self_id": "bot",
        "bot_names": ("督办助手",),
        "now": NOW,
    }
    values.update(fields)
    return read_payload(**values)  # type: ignore[arg-type]


def test_a_room_message_keeps_its_own_time_to_the_millisecond() -> None:
    heard = read()
    assert isinstance(heard, Heard)
    assert (heard.sender_id, heard.text, heard.room_id) == ("wxid_a", "收到", "room@chatroom")
    assert heard.at == datetime.fromtimestamp(1_796_000_000.123, tz=UTC)
    assert heard.at.tzinfo is not None


@pytest.mark.parametrize(
    ("fields", "reason"),
    [({"from_id": "bot"}, "own"), ({"from_id": ""}, "own"), ({"is_text": False}, "not text")],
)
def test_what_needs_no_handling_says_why(fields: dict[str, object], reason: str) -> None:
    assert read(**fields) == reason


def test_a_quoted_reply_is_read_even_though_it_is_not_a_text_message() -> None:
    heard = read(text=QUOTE, is_text=False)
    assert isinstance(heard, Heard)
    assert (heard.text, heard.quote_id) == ("收到", "1796024213022000063")


def test_a_private_message_has_no_room() -> None:
    heard = read(room_id="")
    assert isinstance(heard, Heard) and heard.room_id is None


def test_the_bots_own_mention_is_dropped_and_mention_spaces_become_spaces() -> None:
    text = f"@督办助手{AT_SEPARATOR}城关镇{AT_SEPARATOR}收到"
    assert clean_text(text, ["bot"], "bot", ["督办助手"]) == "城关镇 收到"
    assert clean_text("收到 @督办助手", ["bot"], "bot", ["督办助手"]) == "收到"
    assert clean_text(text, [], "bot", ["督办助手"]) == "@督办助手 城关镇 收到"  # not mentioned: kept


def test_mentions_are_rendered_as_wechat_shows_them() -> None:
    assert with_mentions("请回复", ["张三", "李四"]) == f"@张三{AT_SEPARATOR}@李四{AT_SEPARATOR}请回复"
    assert with_mentions("请回复", []) == "请回复"


@pytest.mark.parametrize(
    ("timestamp", "expected"),
    [
        (0, NOW),  # no time in the payload: when it arrived
        (1_796_000_000, datetime.fromtimestamp(1_796_000_000, tz=UTC)),  # seconds, from some puppets
        (1_796_000_000_500, datetime.fromtimestamp(1_796_000_000.5, tz=UTC)),  # milliseconds
    ],
)
def test_timestamps_in_seconds_or_milliseconds(timestamp: int, expected: datetime) -> None:
    assert aware_utc(timestamp, NOW) == expected
