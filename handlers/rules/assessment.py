"""The assessment (考核) of units over a quarter or a year, as pure functions of judged obligations and penalties.

The facts come from the one rule book (`storage.status`): each obligation of a unit (a receipt or a
feedback, with its deadline) carries its status there. Lapses (late, missed) count in the period their
deadline falls in; confirmed penalties in the period of their basis time (`FlagView.at`); excused,
unreached, void and pending obligations never cost points. Score = base − deductions, never below 0.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Final
from zoneinfo import ZoneInfo

from handlers.rules.penalties import PENALTY_KINDS

FIELDS: Final = ("receipt", "feedback")
LAPSES: Final = ("late", "missed")
QUARTER_NAMES: Final = ("一", "二", "三", "四")
WARNING_TALK: Final = PENALTY_KINDS[3]  # 警示约谈: for a unit ranked last twice in a row (seed 四（四）)


@dataclass(frozen=True)
class Rules:
    """The `[assessment]` points: base score, deduction per (field, lapse status) and per penalty kind."""

    base: float
    lapse_points: Mapping[tuple[str, str], float]  # ("receipt", "late") → 0.5 …
    penalty_points: Mapping[str, float]  # "通报批评" → 3 …
    veto_kinds: tuple[str, ...]


@dataclass(frozen=True)
class Mark:
    """One judged obligation of a unit: its field, deadline and the rule book's status."""

    unit: str
    field: str  # receipt | feedback
    due: datetime
    status: str


@dataclass(frozen=True)
class Penalty:
    """A confirmed penalty of a unit (proposed ones and revoked ones are not penalties)."""

    unit: str
    kind: str
    at: datetime


@dataclass(frozen=True)
class Period:
    """A calendar quarter or year in the office's timezone: [start, end)."""

    key: str  # "2026Q1" | "2026"
    start: datetime
    end: datetime
    tz: ZoneInfo

    @property
    def name(self) -> str:
        """2026年第一季度 / 2026年度"""
        year = self.key[:4]
        if "Q" in self.key:
            return f"{year}年第{QUARTER_NAMES[int(self.key[-1]) - 1]}季度"
        return f"{year}年度"

    def contains(self, moment: datetime) -> bool:
        return self.start <= moment < self.end

    def previous(self) -> Period:
        """The period of the same length just before this one."""
        year = int(self.key[:4])
        if "Q" not in self.key:
            return year_period(year - 1, self.tz)
        quarter = int(self.key[-1])
        if quarter == 1:
            return quarter_period(year - 1, 4, self.tz)
        return quarter_period(year, quarter - 1, self.tz)


def quarter_period(year: int, quarter: int, tz: ZoneInfo) -> Period:
    start = datetime(year, 3 * quarter - 2, 1, tzinfo=tz)
    end = (
        datetime(year + 1, 1, 1, tzinfo=tz) if quarter == 4 else datetime(year, 3 * quarter + 1, 1, tzinfo=tz)
    )
    return Period(f"{year}Q{quarter}", start, end, tz)


def year_period(year: int, tz: ZoneInfo) -> Period:
    return Period(str(year), datetime(year, 1, 1, tzinfo=tz), datetime(year + 1, 1, 1, tzinfo=tz), tz)


def quarter_containing(moment: datetime, tz: ZoneInfo) -> Period:
    local = moment.astimezone(tz)
    return quarter_period(local.year, (local.month - 1) // 3 + 1, tz)


_QUARTER = re.compile(r"^\s*(\d{4})\s*(?:[Qq]\s*([1-4])|年?第?([一二三四1-4])季度?)\s*$")


def parse_quarter(text: str, tz: ZoneInfo) -> Period | None:
    """ "2026Q1", "2026q1", "2026年第一季度" → that quarter; None if it is not one."""
    found = _QUARTER.match(text)
    if found is None:
        return None
    digit = found.group(2) or found.group(3)
    quarter = QUARTER_NAMES.index(digit) + 1 if digit in QUARTER_NAMES else int(digit)
    return quarter_period(int(found.group(1)), quarter, tz)


@dataclass(frozen=True)
class Tally:
    """One field's obligations of a unit in a period, by outcome."""

    on_time: int = 0
    late: int = 0
    missed: int = 0

    @property
    def decided(self) -> int:
        return self.on_time + self.late + self.missed

    @property
    def rate(self) -> float | None:
        """Share on time among the decided; None when nothing was decided."""
        return self.on_time / self.decided if self.decided else None


@dataclass(frozen=True)
class UnitScore:
    """A unit's assessment in a period."""

    unit: str
    receipt: Tally
    feedback: Tally
    penalties: tuple[str, ...]  # kinds of the confirmed penalties counted, in time order
    deductions: tuple[tuple[str, int, float], ...]  # (what, how many, points) for each item that cost points
    score: float
    veto: tuple[str, ...]  # veto kinds confirmed in the year up to the period's end (一票否决)
    rank: int = 0  # 1 = best; equal scores share a rank

    @property
    def deducted(self) -> float:
        return sum(points for _, _, points in self.deductions)


LAPSE_NAMES: Final[Mapping[tuple[str, str], str]] = {
    ("receipt", "late"): "逾期签收",
    ("receipt", "missed"): "逾期未签收",
    ("feedback", "late"): "逾期反馈",
    ("feedback", "missed"): "逾期未反馈",
}


def tally(marks: Iterable[Mark]) -> Tally:
    statuses = [m.status for m in marks]
    return Tally(statuses.count("on_time"), statuses.count("late"), statuses.count("missed"))


def score_unit(
    unit: str, marks: Sequence[Mark], penalties: Sequence[Penalty], rules: Rules, period: Period
) -> UnitScore:
    """One unit's score in `period` (marks and penalties of other units or periods are left out)."""
    mine = [m for m in marks if m.unit == unit and period.contains(m.due)]
    counted = sorted((p for p in penalties if p.unit == unit and period.contains(p.at)), key=lambda p: p.at)
    deductions: list[tuple[str, int, float]] = []
    for (field, status), name in LAPSE_NAMES.items():
        times = sum(1 for m in mine if m.field == field and m.status == status)
        if times:
            deductions.append((name, times, times * rules.lapse_points.get((field, status), 0.0)))
    kinds = [p.kind for p in counted]
    for kind in PENALTY_KINDS:
        if kind in kinds:
            times = kinds.count(kind)
            deductions.append((kind, times, times * rules.penalty_points.get(kind, 0.0)))
    year_start = datetime(period.start.year, 1, 1, tzinfo=period.tz)
    veto = tuple(
        dict.fromkeys(
            p.kind
            for p in sorted(penalties, key=lambda p: p.at)
            if p.unit == unit and p.kind in rules.veto_kinds and year_start <= p.at < period.end
        )
    )
    score = max(0.0, rules.base - sum(points for _, _, points in deductions))
    return UnitScore(
        unit,
        tally(m for m in mine if m.field == "receipt"),
        tally(m for m in mine if m.field == "feedback"),
        tuple(kinds),
        tuple(deductions),
        round(score, 2),
        veto,
    )


def assess(
    marks: Sequence[Mark],
    penalties: Sequence[Penalty],
    rules: Rules,
    period: Period,
    units: Sequence[str] = (),
) -> list[UnitScore]:
    """Every unit with an obligation or a penalty in `period` (and every unit in `units`), ranked best first.

    Equal scores share a rank (1, 2, 2, 4); within a rank, units keep the order they are named in
    (`units`, then first appearance in `marks`).
    """
    marks_of: dict[str, list[Mark]] = {unit: [] for unit in units}
    for mark in marks:
        if period.contains(mark.due):
            marks_of.setdefault(mark.unit, []).append(mark)
    penalties_of: dict[str, list[Penalty]] = {}
    for penalty in penalties:
        penalties_of.setdefault(penalty.unit, []).append(penalty)
    order = list(marks_of)
    order += [
        u for u in dict.fromkeys(p.unit for p in penalties if period.contains(p.at)) if u not in marks_of
    ]
    scores = [
        score_unit(unit, marks_of.get(unit, []), penalties_of.get(unit, []), rules, period) for unit in order
    ]
    ranked = sorted(scores, key=lambda s: -s.score)
    result: list[UnitScore] = []
    for position, unit_score in enumerate(ranked, start=1):
        tied = result and result[-1].score == unit_score.score
        rank = result[-1].rank if tied else position
        result.append(replace(unit_score, rank=rank))
    return result


def last_ranked(scores: Sequence[UnitScore]) -> list[str]:
    """The units ranked last; nobody when all units share the first rank (nobody lost a point more)."""
    if not scores:
        return []
    bottom = max(s.rank for s in scores)
    return [] if bottom == 1 else [s.unit for s in scores if s.rank == bottom]


def last_twice(previous: Sequence[UnitScore], current: Sequence[UnitScore]) -> list[str]:
    """Units ranked last in two periods in a row (连续两次在全县排名末位): 警示约谈 is proposed for them."""
    before = set(last_ranked(previous))
    return [unit for unit in last_ranked(current) if unit in before]
