"""The rule book, table by table: one boundary, closed and withdrawn notices, excuses, units never reached."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from storage.status import FEEDBACK_LABELS, RECEIPT_LABELS, STATUSES, Facts, standing

DUE = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
FEEDBACK_DUE = DUE + timedelta(days=2)
SECOND = timedelta(seconds=1)
ISSUED = DUE - timedelta(hours=2)
BEFORE, AT, AFTER = DUE - SECOND, DUE, DUE + SECOND

REACHED = Facts(
    notice_status="open",
    closed_at=None,
    receipt_due=DUE,
    feedback_due=None,
    received_at=None,
    feedback_times=(),
    excused=False,
    reached_at=ISSUED,
    routed=True,
)


def receipt(facts: Facts, now: datetime) -> str:
    return standing(facts, now).receipt.status


def feedback(facts: Facts, now: datetime) -> str:
    return standing(facts, now).feedback.status


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
        (AFTER, False, AT, "pending"),  # a receipt after `now` is not known yet
    ],
)
def test_receipt(received_at: datetime | None, excused: bool, now: datetime, expected: str) -> None:
    assert receipt(replace(REACHED, received_at=received_at, excused=excused), now) == expected


@pytest.mark.parametrize(
    ("entries", "due", "excused", "now", "expected"),
    [
        ([], None, False, AFTER, "none"),
        ([BEFORE], None, False, AFTER, "none"),
        ([], None, True, AFTER, "excused"),  # excused wins, as for the receipt
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
def test_feedback(
    entries: list[datetime], due: datetime | None, excused: bool, now: datetime, expected: str
) -> None:
    facts = replace(REACHED, feedback_due=due, feedback_times=tuple(entries), excused=excused)
    assert feedback(facts, now) == expected


def test_a_withdrawn_notice_counts_nowhere() -> None:
    withdrawn = replace(REACHED, notice_status="withdrawn", closed_at=BEFORE, feedback_due=FEEDBACK_DUE)
    for now in (BEFORE, AFTER, FEEDBACK_DUE + SECOND):
        judged = standing(withdrawn, now)
        assert (judged.receipt.status, judged.feedback.status) == ("void", "void")
        assert not judged.receipt.lapse and not judged.receipt.owed and not judged.receipt.decided


@pytest.mark.parametrize(
    ("closed_at", "received_at", "now", "expected"),
    [
        # closed before the deadline: what had not come is void, not pending and never missed
        (BEFORE, None, AFTER, "void"),
        (BEFORE, None, DUE + timedelta(days=30), "void"),
        (BEFORE, BEFORE - SECOND, AFTER, "on_time"),
        # nothing after the closing time is judged: a receipt after it is not there
        (BEFORE, AT, AFTER, "void"),
        # closed after the deadline: frozen as it stood then
        (AFTER, None, DUE + timedelta(days=30), "missed"),
        (AFTER + SECOND, AFTER, DUE + timedelta(days=30), "late"),
        (AFTER, BEFORE, AFTER, "on_time"),
        # asked before the closing time: as of that moment
        (AFTER, None, BEFORE, "pending"),
    ],
)
def test_a_closed_notice_is_judged_as_of_its_closing_time(
    closed_at: datetime, received_at: datetime | None, now: datetime, expected: str
) -> None:
    facts = replace(REACHED, notice_status="closed", closed_at=closed_at, received_at=received_at)
    assert receipt(facts, now) == expected


def test_a_closed_notice_freezes_the_feedback_too() -> None:
    facts = replace(REACHED, notice_status="closed", closed_at=AFTER, feedback_due=FEEDBACK_DUE)
    assert feedback(facts, FEEDBACK_DUE + timedelta(days=1)) == "void"
    assert receipt(facts, FEEDBACK_DUE + timedelta(days=1)) == "missed"
    late_report = replace(facts, closed_at=FEEDBACK_DUE + timedelta(hours=1))
    assert feedback(late_report, FEEDBACK_DUE + timedelta(days=1)) == "missed"


@pytest.mark.parametrize(
    ("reached_at", "routed", "received_at", "now", "expected"),
    [
        # no liaison in any room, nothing queued: not reached, at once and for good
        (None, False, None, BEFORE, "unreached"),
        (None, False, None, AFTER, "unreached"),
        # a post on its way: still pending, not reached once the deadline passes
        (None, True, None, BEFORE, "pending"),
        (None, True, None, AFTER, "unreached"),
        # reached only after the deadline (re-posted later): never a lapse, whatever came
        (AFTER, True, None, AFTER + SECOND, "unreached"),
        (AFTER, True, AFTER + SECOND, AFTER + SECOND, "unreached"),
        # a receipt proves the notice arrived
        (None, False, BEFORE, AFTER, "on_time"),
        (None, True, AT, AFTER, "on_time"),
        # reached just in time: judged as usual
        (AT, True, None, AFTER, "missed"),
        (AT, True, AFTER, AFTER, "late"),
    ],
)
def test_a_unit_the_notice_did_not_reach_is_never_a_lapse(
    reached_at: datetime | None, routed: bool, received_at: datetime | None, now: datetime, expected: str
) -> None:
    facts = replace(REACHED, reached_at=reached_at, routed=routed, received_at=received_at)
    judged = standing(facts, now).receipt
    assert judged.status == expected
    if expected == "unreached":
        assert not judged.lapse and not judged.owed and not judged.decided


def test_feedback_of_a_unit_reached_late_is_judged_against_its_own_deadline() -> None:
    reached_late = replace(REACHED, reached_at=AFTER, feedback_due=FEEDBACK_DUE)
    assert receipt(reached_late, FEEDBACK_DUE + SECOND) == "unreached"
    assert feedback(reached_late, FEEDBACK_DUE + SECOND) == "missed"
    never = replace(REACHED, reached_at=None, routed=False, feedback_due=FEEDBACK_DUE)
    assert feedback(never, FEEDBACK_DUE + SECOND) == "unreached"


def test_owed_lapse_and_decided() -> None:
    cases = {
        "pending": (True, False, False),
        "missed": (True, True, True),
        "late": (False, True, True),
        "on_time": (False, False, True),
    }
    facts = {
        "pending": (REACHED, BEFORE),
        "missed": (REACHED, AFTER),
        "late": (replace(REACHED, received_at=AFTER), AFTER),
        "on_time": (replace(REACHED, received_at=BEFORE), AFTER),
    }
    for status, (owed, lapse, decided) in cases.items():
        judged = standing(*facts[status]).receipt
        assert judged.status == status
        assert (judged.owed, judged.lapse, judged.decided) == (owed, lapse, decided)


def test_the_time_it_came_is_given() -> None:
    facts = replace(REACHED, received_at=AFTER, feedback_due=FEEDBACK_DUE, feedback_times=(AFTER, BEFORE))
    judged = standing(facts, FEEDBACK_DUE)
    assert judged.receipt.came_at == AFTER and judged.receipt.due == DUE
    assert judged.feedback.came_at == BEFORE and judged.feedback.due == FEEDBACK_DUE


def test_every_status_has_a_chinese_label() -> None:
    assert set(RECEIPT_LABELS) == set(STATUSES)
    assert set(FEEDBACK_LABELS) == set(STATUSES)
