"""The 通报 of a quarter or a year: the facts the assessment scores, read through the rule book, and its rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from handlers.rules.assessment import LAPSE_NAMES, Mark, Penalty, Period, Rules, UnitScore, assess
from storage import flags, notices
from storage.flags import FlagView
from storage.ledger import FLAG_COLUMNS, UNIT_COLUMNS, UNIT_KEYS, flag_entry, flag_rows, unit_rows
from storage.notices import AssignmentView, NoticeView
from storage.printable import Sheet

LOOK_BACK: Final = timedelta(days=400)  # notices issued this long before a period may have deadlines in it
NOT_COUNTED: Final = frozenset({"void", "none"})  # withdrawn notices, feedback never asked for


def marks_from_views(rows: Iterable[AssignmentView], now: datetime) -> list[Mark]:
    """Each assignment's receipt and feedback as the rule book judges them at `now`."""
    marks = []
    for a in rows:
        judged = a.standing(now)
        for field in ("receipt", "feedback"):
            obligation = judged.of(field)
            if obligation.due is not None and obligation.status not in NOT_COUNTED:
                marks.append(Mark(a.unit_name, field, obligation.due, obligation.status))
    return marks


def penalties_from_flags(found: Iterable[FlagView]) -> list[Penalty]:
    """The confirmed flags (proposals confirmed, penalties registered) as penalties."""
    return [Penalty(f.unit_name, f.kind, f.at) for f in found if f.status == "confirmed"]


def marks_from_ledger(ledger: Mapping[str, Any]) -> list[Mark]:
    """The same marks from the ledger's JSON form (its statuses are the rule book's)."""
    marks = []
    for notice in ledger["notices"]:
        for unit in notice["units"]:
            for field in ("receipt", "feedback"):
                due = unit.get(f"{field}_due", notice[f"{field}_due"])
                status = unit[f"{field}_status"]
                if due is not None and status not in NOT_COUNTED:
                    marks.append(Mark(unit["unit"], field, datetime.fromisoformat(due), status))
    return marks


def penalties_from_ledger(ledger: Mapping[str, Any]) -> list[Penalty]:
    return [
        Penalty(f["unit"], f["kind"], datetime.fromisoformat(f["at"]))
        for f in ledger.get("flags", [])
        if f["status"] == "confirmed"
    ]


@dataclass(frozen=True)
class Report:
    """A period's assessment with the flags that belong to it (for the 处理 part of the 通报)."""

    period: Period
    scores: list[UnitScore]
    flags: list[FlagView]  # proposed or confirmed in the period (revoked ones left out)
    as_of: datetime


def report_of(
    items: Iterable[tuple[NoticeView, AssignmentView]],
    all_flags: Sequence[FlagView],
    rules: Rules,
    period: Period,
    now: datetime,
) -> Report:
    """A period's assessment from notices × assignments and every flag, judged as of `now` or the period's end,
    whichever is first (what was issued after the period never counts in it)."""
    as_of = min(now, period.end)
    marks = marks_from_views([a for n, a in items if n.issued_at < period.end], as_of)
    scores = assess(marks, penalties_from_flags(all_flags), rules, period)
    mine = [f for f in all_flags if f.status != "revoked" and period.contains(f.at)]
    return Report(period, scores, mine, as_of)


async def build_report(session: AsyncSession, rules: Rules, period: Period, now: datetime) -> Report:
    """Read the facts a period's assessment needs (notices issued up to `LOOK_BACK` before it) and score them."""
    issued = await notices.notices(session, status=None, since=period.start - LOOK_BACK)
    by_id = {n.id: n for n in issued}
    rows = await notices.assignments(session, notice_ids=list(by_id))
    return report_of([(by_id[a.notice_id], a) for a in rows], await flags.flags(session), rules, period, now)


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.0f}%"


def points(value: float) -> str:
    """100 → "100", 98.5 → "98.5"."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def deduction_text(score: UnitScore) -> str:
    """扣分明细: 逾期签收1次−0.5、通报批评1次−3"""
    return "、".join(f"{what}{times}次−{points(value)}" for what, times, value in score.deductions)


def score_dicts(scores: Sequence[UnitScore]) -> list[dict[str, Any]]:
    """The scores as the ledger's "assessment" units (`storage.ledger.UNIT_KEYS`)."""
    return [
        dict(
            zip(
                UNIT_KEYS,
                (
                    s.rank,
                    s.unit,
                    s.score,
                    s.deducted,
                    s.receipt.decided,
                    s.receipt.on_time,
                    s.receipt.late,
                    s.receipt.missed,
                    s.receipt.rate,
                    s.feedback.decided,
                    s.feedback.on_time,
                    s.feedback.late,
                    s.feedback.missed,
                    s.feedback.rate,
                    list(s.penalties),
                    deduction_text(s),
                    list(s.veto),
                ),
                strict=True,
            )
        )
        for s in scores
    ]


def rules_text(rules: Rules) -> str:
    """基础分100分；逾期签收扣0.5分、…；书面检查扣2分、…"""
    lapses = "、".join(f"{LAPSE_NAMES[key]}扣{points(value)}分" for key, value in rules.lapse_points.items())
    kinds = "、".join(f"{kind}扣{points(value)}分" for kind, value in rules.penalty_points.items())
    return f"基础分{points(rules.base)}分；每次{lapses}；每项已确认的{kinds}"


def ledger_assessment(ledger: Mapping[str, Any], rules: Rules, period: Period) -> dict[str, Any]:
    """The ledger's "assessment" part (its 单位统计 sheet): the period's scores from the ledger's own facts."""
    scores = assess(marks_from_ledger(ledger), penalties_from_ledger(ledger), rules, period)
    return {
        "period": period.key,
        "rules": f"{period.name}考核：{rules_text(rules)}",
        "units": score_dicts(scores),
    }


def report_sheets(report: Report, rules: Rules, office: str, generated: str, tz: ZoneInfo) -> list[Sheet]:
    """The 通报's printable sheets: 通报 (every unit's rank, score, rates, lapses, penalties, veto) and
    处理情况 (the period's proposals and confirmed penalties, as in the ledger's 处理记录)."""
    title = f"{office}{report.period.name}督办工作通报"
    wrap = frozenset({"扣分明细", "已确认处理", "一票否决", "依据", "涉及通知", "理由"})
    times = frozenset({"提出时间", "决定时间", "整改期限"})
    percents = frozenset({"按时签收率", "按时反馈率"})
    flag_table = flag_rows({"flags": [flag_entry(f, tz) for f in report.flags]})
    return [
        Sheet(
            "通报",
            title,
            UNIT_COLUMNS,
            unit_rows(score_dicts(report.scores)),
            subtitle=f"{generated}；{rules_text(rules)}",
            wrap_columns=wrap,
            percent_columns=percents,
        ),
        Sheet(
            "处理情况",
            f"{title}·处理情况",
            FLAG_COLUMNS,
            flag_table,
            subtitle=f"{generated}；本期提出或登记的处理（已撤销的不列）",
            wrap_columns=wrap,
            time_columns=times,
        ),
    ]
