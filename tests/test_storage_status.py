"""Table-driven tests of the receipt and feedback status rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from storage.status import (
    FEEDBACK_LABELS,
    FEEDBACK_STATUSES,
    RECEIPT_LABELS,
    RECEIPT_STATUSES,
    effective_feedback_due,
    effective_receipt_due,
    feedback_status,
    receipt_status,
)

DUE = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)
BEFORE, AT, AFTER = DUE - SECOND, DUE, DUE + SECOND


@pytest.mark.parametrize(
    ("received_at", "excused", "now", "expected"),
    [
        (None, False, BEFORE, "pending"),
        (None, False, AT, "pending"),  # not yet past due at the due instant itself
        (None, False, AFTER, "missed"),
        (BEFORE, False, AFTER, "on_time"),
        (AT, False, AFTER, "on_time"),  # exactly at the due time is on time
        (AFTER, False, AFTER, "late"),
        (DUE + timedelta(days=3), False, DUE + timedelta(days=3), "late"),
        (BEFORE, False, BEFORE, "on_time"),
        (None, True, AFTER, "excused"),
        (None, True, BEFORE, "excused"),
        (AFTER, True, AFTER, "excused"),  # excused wins over late
        (BEFORE, True, AFTER, "excused"),
    ],
)
def test_receipt_status(received_at: datetime | None, excused: bool, now: datetime, expected: str) -> None:
    assert receipt_status(received_at, DUE, excused, now) == expected


@pytest.mark.parametrize(
    ("entries", "due", "excused", "now", "expected"),
    [
        ([], None, False, AFTER, "none"),
        ([BEFORE], None, False, AFTER, "none"),
        ([], None, True, AFTER, "excused"),
        ([], DUE, False, BEFORE, "pending"),
        ([], DUE, False, AT, "pending"),
        ([], DUE, False, AFTER, "missed"),
        ([BEFORE], DUE, False, AFTER, "on_time"),
        ([AT], DUE, False, AFTER, "on_time"),
        ([AFTER], DUE, False, AFTER, "late"),
        ([AFTER, BEFORE], DUE, False, AFTER, "on_time"),  # order does not matter: the earliest counts
        ([AFTER, AFTER + SECOND], DUE, False, AFTER + SECOND, "late"),
        ([], DUE, True, AFTER, "excused"),
        ([AFTER], DUE, True, AFTER, "excused"),
    ],
)
def test_feedback_status(
    entries: list[datetime], due: datetime | None, excused: bool, now: datetime, expected: str
) -> None:
    assert feedback_status(entries, due, excused, now) == expected


@dataclass
class _Notice:
    receipt_due: datetime
    feedback_due: datetime | None


@dataclass
class _Assignment:
    receipt_due: datetime | None = None
    feedback_due: datetime | None = None


def test_effective_dues_prefer_the_units_extension() -> None:
    notice = _Notice(receipt_due=DUE, feedback_due=None)
    assert effective_receipt_due(_Assignment(), notice) == DUE
    assert effective_feedback_due(_Assignment(), notice) is None
    later = DUE + timedelta(days=2)
    assert effective_receipt_due(_Assignment(receipt_due=later), notice) == later
    assert effective_feedback_due(_Assignment(feedback_due=later), notice) == later
    notice = _Notice(receipt_due=DUE, feedback_due=later)
    assert effective_feedback_due(_Assignment(), notice) == later


def test_every_status_has_a_chinese_label() -> None:
    assert set(RECEIPT_LABELS) == set(RECEIPT_STATUSES)
    assert set(FEEDBACK_LABELS) == set(FEEDBACK_STATUSES)
