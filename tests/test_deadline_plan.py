"""How a deadline pass plans (handlers/actions/duties.plan) from the open notices' deadlines alone
(notices.open_deadlines_after), reading the assignments only of the notices it acts on."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dbfixtures import issue
from scenario import roster
from sqlalchemy import select

from bot.app import make_policy
from bot.config import config_from_mapping
from handlers.actions.duties import EVALUATION_DELAY, NOTE_WINDOW, deadline_groups, judged_changes, plan
from storage import notices
from storage.db import Database
from storage.models import Unit
from storage.notices import Deadline
from storage.roster import roster_from_mapping
from storage.roster_store import apply_roster

TZ = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2026, 11, 2, 9, 0, tzinfo=TZ)
POLICY = make_policy(
    config_from_mapping({}), bot_id="bot"
)  # reminders 30 min before a receipt, 1 day and 2 h
# before a report, 30 min of grace


async def test_the_deadlines_are_those_of_the_assignments_a_pass_would_read(database: Database) -> None:
    """Every (notice, field, deadline) of the open notices' assignments due after the window, each once, with
    a unit's own extended deadline beside the notice's; a closed notice, one issued before `since` and one
    whose deadlines are all before the window are left out."""
    async with database.transaction() as session:
        await apply_roster(session, roster_from_mapping(roster()), actor="test", at=MONDAY)
        units = list((await session.scalars(select(Unit.id).order_by(Unit.id))).all())[:3]
        made = []
        for seq in range(1, 6):
            issued = MONDAY + timedelta(hours=seq)
            made.append(
                await issue(
                    session,
                    seq,
                    units,
                    issued=issued,
                    receipt_due=issued + timedelta(hours=2),
                    feedback_due=None if seq == 2 else issued + timedelta(days=3),
                )
            )
        extended = MONDAY + timedelta(days=1)
        await notices.set_due(
            session, made[0].id, field="receipt", when=extended, unit_ids=units[:1], actor="李明", at=MONDAY
        )
        await notices.set_status(session, made[3].id, "closed", actor="李明", at=MONDAY)
    since, window = MONDAY + timedelta(minutes=30), MONDAY + timedelta(hours=5)
    async with database.reader() as session:
        deadlines = await notices.open_deadlines_after(session, since=since, window=window)
        items = await notices.open_items_due_after(
            session, since=since, window=window, notice_ids=[n.id for n in made]
        )
    read = set(deadline_groups(items))
    assert {(d.notice_id, d.field, d.due) for d in deadlines} == read
    assert len(deadlines) == len(read)
    ids = {n.id: n.seq for n in made}
    assert [(ids[d.notice_id], d.field, d.due) for d in deadlines] == [
        (1, "receipt", made[0].receipt_due),  # the other units' (before the window, but theirs is read with
        (1, "receipt", extended),  # the feedback deadline after it)
        (1, "feedback", made[0].feedback_due),
        (3, "receipt", made[2].receipt_due),
        (3, "feedback", made[2].feedback_due),
        (5, "receipt", made[4].receipt_due),
        (5, "feedback", made[4].feedback_due),
    ]  # 2: its one deadline before the window; 4: closed
    assert all(d.issued_at == next(n.issued_at for n in made if n.id == d.notice_id) for d in deadlines)


def _receipt(due: datetime, issued: datetime | None = None) -> Deadline:
    return Deadline(1, "receipt", due, issued or due - timedelta(hours=4))


DUE = MONDAY + timedelta(hours=6)  # 15:00, a receipt deadline: its reminder at 14:30
REMINDER = DUE - timedelta(minutes=30)


@pytest.mark.parametrize(
    ("now", "since", "reminded", "noted"),
    [
        (REMINDER - timedelta(minutes=1), None, False, False),  # not yet
        (REMINDER, None, True, False),  # its moment
        (
            REMINDER + timedelta(minutes=29),
            REMINDER - timedelta(minutes=1),
            True,
            False,
        ),  # late, in the grace
        (REMINDER + timedelta(minutes=29), REMINDER, False, False),  # the pass at its moment queued it
        (REMINDER + timedelta(minutes=29), None, True, False),  # a restart within the grace
        (DUE + EVALUATION_DELAY, DUE, False, True),  # passed: the note
        (DUE + EVALUATION_DELAY + timedelta(hours=1), DUE + EVALUATION_DELAY, False, False),  # noted then
        (DUE + NOTE_WINDOW, None, False, True),  # after a restart, within the note window
        (DUE + NOTE_WINDOW + timedelta(seconds=1), None, False, False),  # too long ago for a note
    ],
)
def test_what_a_pass_does_about_one_deadline(
    now: datetime, since: datetime | None, reminded: bool, noted: bool
) -> None:
    deadline = _receipt(DUE)
    done = plan(POLICY, [deadline], now, since)
    assert done.reminders == ([(deadline, timedelta(minutes=30), REMINDER)] if reminded else [])
    assert done.notes == ([deadline] if noted else [])


def test_a_reminder_past_its_grace_is_dropped() -> None:
    """Two hours before a report deadline: a pass 31 minutes after that moment (the bot was down) sends none."""
    deadline = Deadline(1, "feedback", DUE + timedelta(days=2), MONDAY)
    moment = deadline.due - timedelta(hours=2)
    assert plan(POLICY, [deadline], moment + timedelta(minutes=30), None).reminders == [
        (deadline, timedelta(hours=2), moment)
    ]
    assert plan(POLICY, [deadline], moment + timedelta(minutes=31), None).reminders == []


def test_a_pass_wakes_for_the_next_reminder_and_deadline() -> None:
    feedback_due = DUE + timedelta(days=2)
    deadlines = [_receipt(DUE), Deadline(1, "feedback", feedback_due, DUE - timedelta(hours=4))]
    done = plan(POLICY, deadlines, MONDAY, None)
    assert sorted(done.wake) == [
        REMINDER,
        DUE + EVALUATION_DELAY,
        POLICY.before_quiet(feedback_due - timedelta(days=1)),
        feedback_due - timedelta(hours=2),
        feedback_due + EVALUATION_DELAY,
    ]
    assert (done.reminders, done.notes) == ([], [])


def test_no_reminder_before_its_notice_was_issued() -> None:
    """A receipt due 20 minutes after the notice: its 30-minute reminder would come before the notice itself."""
    deadline = _receipt(DUE, issued=DUE - timedelta(minutes=20))
    assert plan(POLICY, [deadline], DUE - timedelta(minutes=10), None).reminders == []
    assert plan(POLICY, [deadline], MONDAY, None).wake == [DUE + EVALUATION_DELAY]


def test_a_command_changes_a_judged_outcome_only_before_now() -> None:
    """After a command, the units it changed are judged again only where the change may bear on a deadline
    already judged: a notice just published (its units touched from now on) waits for its own deadlines."""
    touched = {
        1: None,  # any deadline (an excuse, the roster)
        2: MONDAY - timedelta(days=3),  # a receipt recorded for a past moment
        3: MONDAY - EVALUATION_DELAY,  # a deadline judged just now
        4: MONDAY,  # published now
        5: MONDAY + timedelta(hours=2),  # a deadline to come
    }
    assert judged_changes(touched, MONDAY) == {
        1: None,
        2: MONDAY - timedelta(days=3),
        3: MONDAY - EVALUATION_DELAY,
    }
