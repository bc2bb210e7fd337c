"""The rule book: what a unit owes on a notice and whether it came in time, as of a moment.

Every view asks `standing` (the ledger and its exports, /查询, reminders, the daily broadcast, the weekly
bulletin, the deadline duty and its proposals), so one fact reads the same everywhere. The rules:

- a reply stamped exactly at the deadline is on time; the deadline has passed only after that instant;
- a withdrawn (撤回) notice counts nowhere: both obligations are void;
- a closed (销号) notice is judged as of its closing time and nothing after it; what was not yet due
  when it was closed is void;
- an excused unit owes nothing on that notice;
- an obligation the notice did not reach the unit in time for (no bound liaison in any room it was
  posted to, posts that failed for good, or a post sent only after the deadline) is "unreached":
  never a lapse. A receipt proves the notice arrived;
- otherwise: on time, late (came after the deadline), missed (deadline passed, nothing came) or pending.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final, Literal

Status = Literal["pending", "on_time", "late", "missed", "excused", "unreached", "void", "none"]
STATUSES: Final[tuple[Status, ...]] = (
    "pending",
    "on_time",
    "late",
    "missed",
    "excused",
    "unreached",
    "void",
    "none",
)

# The one wording of each status, shared by the chat answers (handlers/texts.py) and the ledger exports.
RECEIPT_LABELS: Final[Mapping[str, str]] = {
    "pending": "待签收",
    "on_time": "按时签收",
    "late": "逾期签收",
    "missed": "逾期未签收",
    "excused": "免责",
    "unreached": "未送达",
    "void": "无需签收",
    "none": "无需签收",
}
FEEDBACK_LABELS: Final[Mapping[str, str]] = {
    "pending": "待反馈",
    "on_time": "按时反馈",
    "late": "逾期反馈",
    "missed": "逾期未反馈",
    "excused": "免责",
    "unreached": "未送达",
    "void": "无需反馈",
    "none": "无需反馈",
}
NOTICE_STATUS_LABELS: Final[Mapping[str, str]] = {"open": "办理中", "closed": "已销号", "withdrawn": "已撤回"}
FEEDBACK_KIND_LABELS: Final[Mapping[str, str]] = {"progress": "进展", "done": "办结", "delay": "延期说明"}


@dataclass(frozen=True)
class Facts:
    """What is recorded about one assignment (one notice × one unit) that the rules judge."""

    notice_status: str  # open | closed | withdrawn
    closed_at: datetime | None  # when it was closed or withdrawn
    receipt_due: datetime  # effective: the unit's own extension, else the notice's
    feedback_due: datetime | None  # None: no feedback asked for
    received_at: datetime | None
    feedback_times: Sequence[datetime]  # every feedback entry (a delay explanation counts as feedback)
    excused: bool
    reached_at: datetime | None  # when a post carrying the notice to the unit's liaison was sent
    routed: bool  # a post to the unit is still on its way (queued, or its delivery is uncertain)


@dataclass(frozen=True)
class Obligation:
    """The receipt or the feedback of one assignment, judged as of a moment."""

    status: Status
    due: datetime | None
    came_at: datetime | None  # when it came in (receipt time, first feedback time), if by then

    @property
    def owed(self) -> bool:
        """Still expected from the unit: reminders and broadcasts name it."""
        return self.status in ("pending", "missed")

    @property
    def lapse(self) -> bool:
        """Not on time, by the unit's own doing: what the penalty rules count."""
        return self.status in ("late", "missed")

    @property
    def decided(self) -> bool:
        """Judged for good: on time or a lapse (pending may still come in; the rest never count)."""
        return self.status in ("on_time", "late", "missed")


@dataclass(frozen=True)
class Standing:
    """Both obligations of one assignment as of `as_of` (the moment asked, or the closing time)."""

    receipt: Obligation
    feedback: Obligation
    as_of: datetime

    def of(self, field: str) -> Obligation:
        return self.receipt if field == "receipt" else self.feedback


def standing(facts: Facts, now: datetime) -> Standing:
    """Judge one assignment's receipt and feedback as of `now`."""
    if facts.notice_status == "withdrawn":
        as_of = min(now, facts.closed_at) if facts.closed_at else now
        return Standing(
            Obligation("void", facts.receipt_due, None), Obligation("void", facts.feedback_due, None), as_of
        )
    closed_at = facts.closed_at if facts.notice_status == "closed" else None
    as_of = min(now, closed_at) if closed_at else now
    closed = closed_at is not None and as_of >= closed_at  # judged at the closing: nothing more falls due
    received = facts.received_at if facts.received_at and facts.received_at <= as_of else None
    first_feedback = min((t for t in facts.feedback_times if t <= as_of), default=None)
    arrivals = [t for t in (facts.reached_at, received) if t is not None and t <= as_of]
    reached = min(arrivals, default=None)
    undeliverable = reached is None and not facts.routed
    if facts.excused:
        return Standing(
            Obligation("excused", facts.receipt_due, received),
            Obligation("excused", facts.feedback_due, first_feedback),
            as_of,
        )

    def judge(came_at: datetime | None, due: datetime) -> Status:
        if came_at is not None and came_at <= due:
            return "on_time"
        if reached is None or reached > due:  # the notice had not reached the unit by the deadline
            if as_of > due or undeliverable:
                return "unreached"
            return "void" if closed else "pending"
        if came_at is not None:
            return "late"
        if as_of > due:
            return "missed"
        return "void" if closed else "pending"

    receipt = Obligation(judge(received, facts.receipt_due), facts.receipt_due, received)
    if facts.feedback_due is None:
        feedback = Obligation("none", None, first_feedback)
    else:
        feedback = Obligation(judge(first_feedback, facts.feedback_due), facts.feedback_due, first_feedback)
    return Standing(receipt, feedback, as_of)


def label(field: str, status: str) -> str:
    """The Chinese word for a status of the receipt ("receipt") or the feedback ("feedback")."""
    labels = RECEIPT_LABELS if field == "receipt" else FEEDBACK_LABELS
    return labels.get(status, status)
