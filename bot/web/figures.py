"""What the pages show, decided from the rule book: the lights, counts and on-time rates (pure functions)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from storage.status import Obligation, Standing

Light = Literal["green", "yellow", "red", "grey"]
LIGHT_LABELS = {"green": "正常", "yellow": "即将到期", "red": "逾期", "grey": "免责或未送达"}
_ORDER: dict[Light, int] = {"red": 3, "yellow": 2, "green": 1, "grey": 0}
Period = Literal["month", "quarter", "year"]
# The audit log's action codes in the office's words; the longest matching prefix names an entry.
ACTION_LABELS = {
    "notice.issue": "发布",
    "notice.closed": "销号",
    "notice.withdrawn": "撤回",
    "notice.open": "恢复办理",
    "notice.extend_receipt": "延长签收时限",
    "notice.extend_feedback": "延长反馈时限",
    "assignment.receipt": "签收",
    "assignment.receipt.recorded": "补记签收",
    "assignment.receipt.undone": "撤销签收",
    "assignment.feedback.progress": "反馈进展",
    "assignment.feedback.done": "反馈办结",
    "assignment.feedback.delay": "延期说明",
    "assignment.feedback.undone": "撤销反馈",
    "assignment.excuse": "免责",
    "flag.proposed": "提出处理建议",
    "flag.confirmed": "确认处理",
    "flag.revoked": "撤销处理",
    "flag.rectified": "整改期满",
    "review.": "待核处理",
    "roster.": "名册变更",
    "room.sync": "同步群成员",
    "bind": "绑定联络员",
    "web_user.add": "添加网页账号",
    "web_user.passwd": "修改网页密码",
    "web_user.remove": "删除网页账号",
}


def action_label(action: str) -> str:
    """The Chinese name of an audit action code (the code itself when none is known)."""
    known = [
        code for code in ACTION_LABELS if action == code or (code.endswith(".") and action.startswith(code))
    ]
    return ACTION_LABELS[max(known, key=len)] if known else action


def light(judged: Standing, soon: datetime) -> Light:
    """One unit on one notice: red when something is overdue, yellow when owed and due by `soon`
    (one working day from now), grey when nothing counts (excused, not reached, void), else green."""
    parts = [o for o in (judged.receipt, judged.feedback) if o.status != "none"]
    if any(o.status == "missed" for o in parts):
        return "red"
    if any(o.status == "pending" and o.due is not None and o.due <= soon for o in parts):
        return "yellow"
    if all(o.status in ("excused", "unreached", "void") for o in parts):
        return "grey"
    return "green"


def worst(lights: Iterable[Light]) -> Light:
    """A notice's light: its worst unit's (grey only when every unit is grey)."""
    return max(lights, key=_ORDER.__getitem__, default="grey")


def period_of(moment: datetime, tz: ZoneInfo, period: Period) -> str:
    local = moment.astimezone(tz)
    if period == "month":
        return f"{local.year}-{local.month:02d}"
    if period == "quarter":
        return f"{local.year}Q{(local.month - 1) // 3 + 1}"
    return str(local.year)


@dataclass
class Rate:
    """Decided obligations of one kind in one period: on time / late / missed."""

    on_time: int = 0
    late: int = 0
    missed: int = 0

    def add(self, obligation: Obligation) -> None:
        if obligation.status == "on_time":
            self.on_time += 1
        elif obligation.status == "late":
            self.late += 1
        elif obligation.status == "missed":
            self.missed += 1

    @property
    def decided(self) -> int:
        return self.on_time + self.late + self.missed

    @property
    def share(self) -> float | None:
        return self.on_time / self.decided if self.decided else None

    @property
    def percent(self) -> str:
        return f"{100 * self.on_time / self.decided:.0f}%" if self.decided else "—"


@dataclass
class UnitPeriod:
    unit: str
    period: str
    receipt: Rate
    feedback: Rate

    @property
    def lapses(self) -> int:
        return self.receipt.late + self.receipt.missed + self.feedback.late + self.feedback.missed


def unit_rates(
    rows: Sequence[tuple[str, datetime, Standing]], tz: ZoneInfo, period: Period
) -> list[UnitPeriod]:
    """Per unit and period (by the receipt's or feedback's deadline) the on-time counts, newest first."""
    table: dict[tuple[str, str], UnitPeriod] = {}
    for unit, _issued, judged in rows:
        for field_name in ("receipt", "feedback"):
            obligation = judged.of(field_name)
            if obligation.due is None or not obligation.decided:
                continue
            key = (unit, period_of(obligation.due, tz, period))
            entry = table.setdefault(key, UnitPeriod(unit, key[1], Rate(), Rate()))
            (entry.receipt if field_name == "receipt" else entry.feedback).add(obligation)
    return sorted(table.values(), key=lambda e: (e.period, e.unit), reverse=True)


def ledger_between(ledger: dict[str, Any], start: datetime | None, end: datetime | None) -> dict[str, Any]:
    """The ledger of the notices issued in [start, end) (and the penalties dated then)."""

    def inside(stamp: str | None) -> bool:
        if stamp is None:
            return False
        moment = datetime.fromisoformat(stamp)
        return (start is None or moment >= start) and (end is None or moment < end)

    return {
        **ledger,
        "notices": [n for n in ledger["notices"] if inside(n["issued_at"])],
        "flags": [f for f in ledger["flags"] if inside(f.get("at"))],
    }
