"""Pure status rules for receipts and feedback: on time, late, missed, pending or excused."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Final, Protocol

RECEIPT_STATUSES: Final = ("pending", "on_time", "late", "missed", "excused")
FEEDBACK_STATUSES: Final = ("none", "pending", "on_time", "late", "missed", "excused")

# The one wording of each status, shared by the chat answers (handlers/texts.py) and the ledger exports.
# "Pending" (still before the due) reads 待…, "missed" (due passed, nothing came) reads 逾期未…
RECEIPT_LABELS: Final[Mapping[str, str]] = {
    "pending": "待签收",
    "on_time": "按时签收",
    "late": "逾期签收",
    "missed": "逾期未签收",
    "excused": "免责",
}
FEEDBACK_LABELS: Final[Mapping[str, str]] = {
    "none": "无需反馈",
    "pending": "待反馈",
    "on_time": "按时反馈",
    "late": "逾期反馈",
    "missed": "逾期未反馈",
    "excused": "免责",
}
NOTICE_STATUS_LABELS: Final[Mapping[str, str]] = {"open": "办理中", "closed": "已销号", "withdrawn": "已撤回"}
FEEDBACK_KIND_LABELS: Final[Mapping[str, str]] = {"progress": "进展", "done": "办结", "delay": "延期说明"}


class HasNoticeDues(Protocol):
    @property
    def receipt_due(self) -> datetime: ...

    @property
    def feedback_due(self) -> datetime | None: ...


class HasOwnDues(Protocol):
    @property
    def receipt_due(self) -> datetime | None: ...

    @property
    def feedback_due(self) -> datetime | None: ...


def effective_receipt_due(assignment: HasOwnDues, notice: HasNoticeDues) -> datetime:
    """The unit's own (extended) receipt due if it has one, else the notice's."""
    return assignment.receipt_due or notice.receipt_due


def effective_feedback_due(assignment: HasOwnDues, notice: HasNoticeDues) -> datetime | None:
    """The unit's own (extended) feedback due if it has one, else the notice's (None: no feedback due)."""
    return assignment.feedback_due or notice.feedback_due


def receipt_status(received_at: datetime | None, due: datetime, excused: bool, now: datetime) -> str:
    """pending | on_time | late | missed | excused; a receipt exactly at the due time is on time."""
    if excused:
        return "excused"
    if received_at is not None:
        return "on_time" if received_at <= due else "late"
    return "missed" if now > due else "pending"


def feedback_status(
    entry_times: Sequence[datetime], due: datetime | None, excused: bool, now: datetime
) -> str:
    """none | pending | on_time | late | missed | excused; any entry (delay included) by the due counts."""
    if excused:
        return "excused"
    if due is None:
        return "none"
    if entry_times:
        return "on_time" if min(entry_times) <= due else "late"
    return "missed" if now > due else "pending"
