"""Stored values in the office's words: audit entries, who did them, and the bot's messages (pure functions)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from handlers.texts import BASIS_TEXT
from storage.status import FEEDBACK_KIND_LABELS, NOTICE_STATUS_LABELS

# The detail keys of audit entries, in the order they are told; keys not listed here are not shown
# (message ids and other internal references say nothing to the office).
DETAIL_LABELS: dict[str, str] = {
    "title": "标题",
    "assignment_id": "单位",
    "unit_id": "单位",
    "units": "单位",
    "unit": "单位",
    "name": "姓名",
    "kind": "种类",
    "basis": "依据",
    "notices": "涉及",
    "receipt_due": "签收时限",
    "feedback_due": "反馈时限",
    "due": "新时限",
    "received_at": "签收时间记为",
    "previous": "原为",
    "previous_by": "原签收人",
    "previous_unit_id": "原单位",
    "topic": "群名",
    "joined": "加入",
    "left": "退出",
    "members": "成员",
    "aliases": "简称",
    "liaisons": "联络员",
    "pending": "待绑定",
    "office": "督查室人员",
    "rooms": "所在群",
    "active": "启用",
    "role": "角色",
    "rectify_until": "整改期限",
    "result": "整改结果",
    "text": "内容",
    "note": "说明",
    "reason": "原因",
}
FLAG_STATUS_LABELS = {"proposed": "待确认", "confirmed": "已确认", "revoked": "已撤销"}
ROLE_LABELS = {"office": "督查室", "viewer": "只读"}
ACTOR_LABELS = {
    "duban": "机器人",
    "wechat": "微信同步",
    "cli": "服务器命令",
    "demo": "演示数据",
    "replay": "回放",
}
OUTBOX_KIND_LABELS = {
    "notice": "督办通知",
    "reply": "回复",
    "remind": "催办",
    "reminder": "提醒",
    "deadline": "到期提醒",
    "flag": "处理建议",
    "calendar": "日历提醒",
    "broadcast": "每日通报",
    "bulletin": "每周通报",
    "withdrawn": "撤回通知",
    "extended": "延期通知",
    "delay": "延期说明",
    "problem": "问题转告",
    "review": "待核提醒",
    "hint": "提示",
    "refusal": "拒绝说明",
    "downtime": "停机补报",
    "failure": "故障提醒",
    "status": "状态提醒",
}
OUTBOX_STATUS_LABELS = {
    "pending": "待发送",
    "sending": "发送中",
    "sent": "已发送",
    "failed": "发送失败",
    "unknown": "不确定是否送达",
    "dropped": "已放弃",
}


@dataclass(frozen=True)
class Names:
    """What the stored ids stand for: units by id, people and rooms by WeChat id, assignments' units,
    notices' numbers."""

    units: Mapping[int, str] = field(default_factory=dict)
    people: Mapping[str, str] = field(default_factory=dict)
    rooms: Mapping[str, str] = field(default_factory=dict)
    assignments: Mapping[int, str] = field(default_factory=dict)
    notices: Mapping[int, str] = field(default_factory=dict)

    def person(self, wechat_id: str) -> str:
        return self.people.get(wechat_id) or wechat_id

    def room(self, wechat_id: str) -> str:
        return self.rooms.get(wechat_id) or wechat_id


def moment(value: datetime | None, tz: ZoneInfo) -> str:
    """A stored time as the office reads it: in the configured zone, to the minute."""
    return "" if value is None else value.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def who(actor: str, names: Names) -> str:
    """The one who made an audit entry: a person's name, a web account, or what the bot itself did."""
    return ACTOR_LABELS.get(actor) or names.person(actor)


def subject(text: str, names: Names) -> str:
    """What an audit entry is about: a notice number, a proposal, a unit, a person, a room, an account."""
    kind, _, rest = text.partition(":")
    if not rest:
        return text
    if kind == "flag":
        return f"处理建议 #{rest}"
    if kind == "review":
        return f"待核第 {rest} 条"
    if kind == "person":
        return names.person(rest)
    if kind == "room":
        return names.room(rest)
    if kind == "web":
        return f"网页账号 {rest}"
    return rest  # unit:<name>


def _time(value: str, tz: ZoneInfo) -> str:
    try:
        return moment(datetime.fromisoformat(value), tz)
    except ValueError:
        return value


def _value(key: str, value: Any, names: Names, tz: ZoneInfo) -> str:
    if isinstance(value, dict):
        if "from" in value or "to" in value:
            before, after = (_value(key, value.get(end), names, tz) or "无" for end in ("from", "to"))
            return f"{before} → {after}"
        changed = (("added", "增加"), ("removed", "减少"))
        return "，".join(f"{word} {_value(key, value[k], names, tz)}" for k, word in changed if value.get(k))
    if isinstance(value, list):
        return "、".join(_value(key, item, names, tz) for item in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None:
        return ""
    if key in ("units", "unit_id", "previous_unit_id") and isinstance(value, int):
        return names.units.get(value, f"单位{value}")
    if key == "units" and value == "all":
        return "全部"
    if key == "assignment_id" and isinstance(value, int):
        return names.assignments.get(value, "")
    if key == "notices" and isinstance(value, int):
        return names.notices.get(value, str(value))
    if key in ("previous_by", "liaisons", "joined", "left", "members"):
        return names.person(str(value))
    if key == "basis":
        return BASIS_TEXT.get(str(value), str(value))
    if key == "kind":
        return FEEDBACK_KIND_LABELS.get(str(value), str(value))
    if key == "role":
        return ROLE_LABELS.get(str(value), str(value))
    if key == "previous":
        text = str(value)
        known = {**NOTICE_STATUS_LABELS, **FLAG_STATUS_LABELS}
        return known[text] if text in known else _time(text, tz)
    if key in ("receipt_due", "feedback_due", "due", "received_at", "rectify_until"):
        return _time(str(value), tz)
    if key == "title":
        return f"《{value}》"
    return str(value)


def describe(detail: Mapping[str, Any], names: Names, tz: ZoneInfo) -> str:
    """An audit entry's details in plain Chinese: 单位：城关镇；签收时限：2026-11-30 18:00 (times in `tz`,
    unit, person and notice names instead of ids, internal references left out)."""
    parts = []
    for key, label in DETAIL_LABELS.items():
        if key not in detail:
            continue
        shown = _value(key, detail[key], names, tz)
        if shown:
            parts.append(f"{label}：{shown}")
    return "；".join(parts)


def address(room_id: str | None, to_id: str | None, names: Names) -> str:
    """Where a message of the bot went: the room's name, or the person's for a private message."""
    if room_id:
        return names.room(room_id)
    return f"{names.person(to_id)}（私聊）" if to_id else ""


def period(key: str) -> str:
    """A statistics period as people say it: 2026年11月, 2026年第4季度, 2026年."""
    year, sep, part = key.partition("Q")
    if sep:
        return f"{year}年第{part}季度"
    year, sep, month = key.partition("-")
    if sep:
        return f"{year}年{int(month)}月"
    return f"{key}年"
