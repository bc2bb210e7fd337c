"""Office commands: issue, query, remind, close, withdraw, extend, excuse, bind and help."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import assert_never

from handlers import texts
from handlers.actions import attachments, corrections, resolve
from handlers.actions.audience import Audience, audience
from handlers.actions.context import Turn
from handlers.actions.decisions import decide, revoke_for, veto_check
from handlers.reading.commands import (
    COMMAND_HELP,
    Bind,
    Close,
    Command,
    CommandError,
    Decide,
    Excuse,
    Extend,
    Help,
    Publish,
    Query,
    RecordFeedback,
    RecordReceipt,
    Remind,
    Reopen,
    Review,
    Unbind,
    Undo,
    Units,
    VetoCheck,
    Withdraw,
)
from handlers.reading.timeparse import whole_minute
from storage import attachments as attachment_records
from storage import changes, directory, notices
from storage.notices import AssignmentView, NoticeView

REPUBLISH_WINDOW = timedelta(minutes=10)  # the same /发布 again this soon asks for 确认发布 first


async def run_command(turn: Turn, command: Command | CommandError) -> None:
    if isinstance(command, CommandError):
        await turn.reply(str(command))
        return
    match command:
        case Publish():
            await publish(turn, command)
        case Query():
            await query(turn, command.number)
        case Remind():
            await remind(turn, command.numbers)
        case Close():
            await close(turn, command.numbers, confirmed=command.confirmed)
        case Reopen():
            await corrections.reopen(turn, command.number)
        case Withdraw():
            await withdraw(turn, command.numbers, command.reason)
        case RecordReceipt():
            await corrections.record_receipt(turn, command)
        case RecordFeedback():
            await corrections.record_feedback(turn, command)
        case Undo():
            await corrections.undo(turn, command)
        case Review():
            await corrections.review_queue(turn, command)
        case Extend():
            await extend(turn, command)
        case Excuse():
            await excuse(turn, command)
        case Bind():
            await bind(turn, command.unit, command.targets)
        case Unbind():
            await bind(turn, None, command.targets)
        case Units():
            await list_units(turn)
        case Help():
            await turn.reply(help_text(command.topic))
        case Decide():
            await decide(turn, command)
        case VetoCheck():
            await veto_check(turn, command)
        case _:
            assert_never(command)


def help_text(topic: str | None) -> str:
    if topic and topic.strip().lstrip("/／") in COMMAND_HELP:
        return COMMAND_HELP[topic.strip().lstrip("/／")]
    return texts.commands_overview(COMMAND_HELP.values())


async def publish(turn: Turn, command: Publish) -> None:
    session, policy = turn.session, turn.policy
    if command.units is None:
        unit_ids = [u.id for u in await directory.units(session)]
        if not unit_ids:
            await turn.reply(texts.NO_UNITS_TO_PUBLISH)
            return
    else:
        resolved = await resolve.units(turn, command.units)
        if resolved is None:
            return
        unit_ids = resolved
    if not command.confirmed:
        twin = await _same_notice_lately(turn, command.title, unit_ids)
        if twin is not None:
            await turn.reply(texts.publish_twice(turn.policy, twin))
            return
    # The default receipt window counts working time: published on Friday 17:20, two hours end on Monday.
    opened = policy.calendar.add_working_time(
        turn.now, policy.receipt_window, begin=policy.workday_start, end=policy.workday_end, tz=policy.tz
    )
    receipt_due = policy.local(whole_minute(opened))
    if command.receipt_due:
        parsed = await resolve.deadline(turn, texts.due_label("receipt"), command.receipt_due)
        if parsed is None:
            return
        receipt_due = parsed
    feedback_due = None
    if command.feedback_due:
        feedback_due = await resolve.deadline(turn, texts.due_label("feedback"), command.feedback_due)
        if feedback_due is None:
            return
        if feedback_due < receipt_due:
            await turn.reply(texts.feedback_before_receipt(policy, feedback_due, receipt_due))
            return
    files = await attachments.files_for_publish(turn, command.files)
    if files is None:
        return
    year = policy.local(turn.now).year
    seq = await notices.next_seq(session, year)
    notice = await notices.create_notice(
        session,
        year=year,
        seq=seq,
        number=policy.number(year, seq),
        title=command.title,
        body=command.body,
        issued_by=turn.msg.sender_id,
        issued_at=turn.now,
        receipt_due=receipt_due,
        feedback_due=feedback_due,
        unit_ids=unit_ids,
    )
    await attachment_records.attach(session, [f.id for f in files], notice.id)
    rows = await notices.assignments(session, notice_ids=[notice.id])
    unit_names = [a.unit_name for a in rows]
    posted = await _post_notice(turn, notice, rows, texts.notice_post(policy, notice, unit_names), "post")
    unreached = [a.unit_name for a in rows if a.unit_id not in posted.reachable]
    await turn.reply(
        texts.publish_confirmation(
            policy,
            notice,
            unit_names,
            [(posted.topics[r], len(p)) for r, p in posted.rooms.items()],
            unreached,
        )
        + (f"\n{texts.publish_files_line(files)}" if files else "")
        + texts.off_hours_notes(policy, [("receipt", notice.receipt_due), ("feedback", notice.feedback_due)])
    )


async def _same_notice_lately(turn: Turn, title: str, unit_ids: Sequence[int]) -> NoticeView | None:
    """An open notice with this title and these units issued in the last few minutes (a double send)."""
    recent = await notices.notices(turn.session, status="open", since=turn.now - REPUBLISH_WINDOW)
    for notice in recent:
        rows = await notices.assignments(turn.session, notice_ids=[notice.id])
        same = notice.title.strip() == title.strip() and {a.unit_id for a in rows} == set(unit_ids)
        if same and turn.now - notice.issued_at < REPUBLISH_WINDOW:
            return notice
    return None


async def _post_notice(
    turn: Turn, notice: NoticeView, rows: Sequence[AssignmentView], text: str, tag: str
) -> Audience:
    """Post the notice into every room with a liaison of these units, @-mentioning them; each post
    carries the notice to the units whose liaisons it mentions (they count as reached once it is sent)."""
    heard = await audience(turn.session, [a.unit_id for a in rows])
    assignment_of = {a.unit_id: a.id for a in rows}
    for room_id, people in heard.rooms.items():
        await turn.post(
            room_id,
            text,
            people,
            key=f"notice:{notice.id}:{tag}:{room_id}",
            kind="notice",
            notice_id=notice.id,
            reaches=[assignment_of[u] for u in sorted(heard.units_in(room_id))],
        )
    await attachments.post_files(turn, notice, list(heard.rooms), tag)
    return heard


async def query(turn: Turn, raw: str | None) -> None:
    session = turn.session
    if raw is None:
        items = []
        for open_notice in await notices.notices(session, status="open"):
            rows = await notices.assignments(session, notice_ids=[open_notice.id])
            expected = [a for a in rows if a.feedback_due is not None and not a.excused]
            items.append(
                (
                    open_notice,
                    sum(a.received_at is not None for a in rows),
                    len(rows),
                    sum(bool(a.feedback) for a in expected),
                    len(expected),
                )
            )
        await turn.reply(texts.open_list(turn.policy, items))
        return
    notice = await resolve.notice(turn, raw)
    if notice is None:
        return
    rows = await notices.assignments(session, notice_ids=[notice.id])
    by = [a.receipt_by for a in rows if a.receipt_by]
    names = (await directory.read_all(session)).display_names(by)
    detail = [(a, a.standing(turn.now)) for a in rows]
    files = await attachment_records.of_notice(session, notice.id)
    await turn.reply(texts.notice_detail(turn.policy, notice, detail, names, files))


async def _named(turn: Turn, numbers: Sequence[str]) -> list[NoticeView] | None:
    """The notices a list or range names; None (answered, nothing done) when one of them is unknown."""
    found: list[NoticeView] = []
    for raw in numbers:
        notice = await resolve.notice(turn, raw)
        if notice is None:
            return None
        if notice.id not in {n.id for n in found}:
            found.append(notice)
    return found


async def _open_named(turn: Turn, numbers: Sequence[str]) -> list[NoticeView] | None:
    """Open notices among those named; the others are answered as skipped (one number alone: refused)."""
    named = await _named(turn, numbers)
    if named is None:
        return None
    shut = [n for n in named if n.status != "open"]
    if shut and len(named) == 1:
        await turn.reply(texts.not_open(shut[0]))
        return None
    if shut:
        await turn.reply(texts.skipped_not_open(shut))
    return [n for n in named if n.status == "open"]


async def remind(turn: Turn, numbers: Sequence[str] | None) -> None:
    """/催办 one, several or all (None) open notices: one answer listing what went out."""
    if numbers is None:
        chosen = await notices.notices(turn.session, status="open")
        if not chosen:
            await turn.reply(texts.NO_OPEN_NOTICES)
            return
    else:
        found = await _open_named(turn, numbers)
        if not found:
            return
        chosen = found
    await turn.reply("\n".join([await _remind_one(turn, notice) for notice in chosen]))


async def _remind_one(turn: Turn, notice: NoticeView) -> str:
    """Remind the units that still owe something; re-post the notice to units it never reached."""
    session, now = turn.session, turn.now
    rows = await notices.assignments(session, notice_ids=[notice.id])
    never = [a for a in rows if a.awaiting_receipt and a.reached_at is None and not a.routed]
    reposted = await _post_notice(
        turn,
        notice,
        never,
        texts.notice_repost(turn.policy, notice, [a.unit_name for a in rows]),
        f"repost:{turn.msg.id}",
    )
    reached_now = [a.unit_name for a in never if a.unit_id in reposted.reachable]
    never_ids = {a.id for a in never}
    owing = [a for a in rows if a.id not in never_ids and a.owes(now)]
    heard = await audience(session, [a.unit_id for a in owing])
    for room_id in heard.rooms:
        here = heard.units_in(room_id)
        receipt = [a.unit_name for a in owing if a.unit_id in here and a.standing(now).receipt.owed]
        feedback = [a.unit_name for a in owing if a.unit_id in here and a.standing(now).feedback.owed]
        await turn.post(
            room_id,
            texts.reminder(turn.policy, notice, receipt, feedback),
            heard.people(room_id, here),
            key=f"remind:{notice.id}:{turn.msg.id}:{room_id}",
            kind="remind",
            notice_id=notice.id,
        )
    if not heard.rooms and not reached_now:
        still = [a.unit_name for a in rows if a.owes(now) or a.id in never_ids]
        return texts.nothing_to_remind(notice, still)
    late_repost = [a.unit_name for a in never if a.unit_id in reposted.reachable and a.receipt_due < now]
    return texts.reminded(notice, len(heard.rooms), reached_now, late_repost)


async def close(turn: Turn, numbers: Sequence[str], *, confirmed: bool) -> None:
    """/销号: close notices; while units still owe something, list them and wait for “确认”."""
    chosen = await _open_named(turn, numbers)
    if not chosen:
        return
    session, now = turn.session, turn.now
    closed: list[NoticeView] = []
    for notice in chosen:
        if not confirmed:
            rows = await notices.assignments(session, notice_ids=[notice.id])
            judged = [(a, a.standing(now)) for a in rows]
            owed = ("pending", "missed", "unreached")
            receipt = [a.unit_name for a, j in judged if j.receipt.status in owed]
            feedback = [a.unit_name for a, j in judged if j.feedback.status in owed]
            if receipt or feedback:
                await turn.reply(texts.close_needs_confirmation(notice, receipt, feedback))
                continue
        await notices.set_status(session, notice.id, "closed", actor=turn.msg.sender_id, at=now)
        closed.append(notice)
    if closed:
        await turn.reply(texts.closed(closed))


async def withdraw(turn: Turn, numbers: Sequence[str], reason: str) -> None:
    chosen = await _open_named(turn, numbers)
    if not chosen:
        return
    lines = [await _withdraw_one(turn, notice, reason) for notice in chosen]
    await turn.reply("\n".join(lines))


async def _withdraw_one(turn: Turn, notice: NoticeView, reason: str) -> str:
    session = turn.session
    await notices.set_status(
        session, notice.id, "withdrawn", actor=turn.msg.sender_id, at=turn.now, reason=reason
    )
    rows = await notices.assignments(session, notice_ids=[notice.id])
    heard = await audience(session, [a.unit_id for a in rows])
    for room_id in heard.rooms:
        await turn.post(
            room_id,
            texts.withdrawn_post(notice, reason),
            (),
            key=f"notice:{notice.id}:withdrawn:{room_id}",
            kind="withdrawn",
            notice_id=notice.id,
        )
    revoked = await revoke_for(
        session,
        notice.id,
        None,
        actor=turn.msg.sender_id,
        at=turn.now,
        reason=texts.revoke_reason_withdrawn(notice),
    )
    return texts.withdrawn(notice, len(heard.rooms), revoked)


async def extend(turn: Turn, command: Extend) -> None:
    notice = await resolve.open_notice(turn, command.number)
    if notice is None:
        return
    session = turn.session
    rows = await notices.assignments(session, notice_ids=[notice.id])
    unit_ids: list[int] | None = None
    if command.units:
        unit_ids = await resolve.units(turn, command.units)
        if unit_ids is None:
            return
        assigned = {a.unit_id for a in rows}
        outside = [a for a in unit_ids if a not in assigned]
        if outside:
            names = {u.id: u.name for u in await directory.units(session)}
            await turn.reply(texts.not_assigned(notice, [names[i] for i in outside]))
            return
    when = await resolve.deadline(turn, texts.due_label(command.field), command.when)
    if when is None:
        return
    if command.field == "feedback" and unit_ids is None and when < notice.receipt_due:
        await turn.reply(texts.new_feedback_before_receipt(turn.policy, notice.receipt_due))
        return
    await notices.set_due(
        session,
        notice.id,
        field=command.field,
        when=when,
        unit_ids=unit_ids,
        actor=turn.msg.sender_id,
        at=turn.now,
    )
    # A proposal built on the old deadline loses its basis; the rules re-run on the new one.
    revoked = await revoke_for(
        session,
        notice.id,
        unit_ids,
        actor=turn.msg.sender_id,
        at=turn.now,
        reason=texts.revoke_reason_extended(notice),
    )
    affected = [a for a in rows if unit_ids is None or a.unit_id in unit_ids]
    unit_names = [a.unit_name for a in affected] if unit_ids is not None else None
    heard = await audience(session, [a.unit_id for a in affected])
    shown = turn.policy.show(when, since=turn.now)
    for room_id in heard.rooms:
        await turn.post(
            room_id,
            texts.extended_post(turn.policy, notice, command.field, shown, unit_names),
            (),
            key=f"notice:{notice.id}:extend:{turn.msg.id}:{room_id}",
            kind="extended",
            notice_id=notice.id,
        )
    await turn.reply(
        texts.extended(notice, command.field, shown, unit_names, revoked)
        + texts.off_hours_notes(turn.policy, [(command.field, when)])
    )


async def excuse(turn: Turn, command: Excuse) -> None:
    notice = await resolve.notice(turn, command.number)
    if notice is None:
        return
    if notice.status == "withdrawn":
        await turn.reply(texts.withdrawn_needs_no_excuse(notice))
        return
    unit_ids = await resolve.units(turn, command.units)
    if unit_ids is None:
        return
    rows = {a.unit_id: a for a in await notices.assignments(turn.session, notice_ids=[notice.id])}
    outside = [i for i in unit_ids if i not in rows]
    if outside:
        names = {u.id: u.name for u in await directory.units(turn.session)}
        await turn.reply(texts.not_assigned(notice, [names[i] for i in outside]))
        return
    await notices.excuse(
        turn.session, notice.id, unit_ids, reason=command.reason, actor=turn.msg.sender_id, at=turn.now
    )
    revoked = await revoke_for(
        turn.session,
        notice.id,
        unit_ids,
        actor=turn.msg.sender_id,
        at=turn.now,
        reason=texts.revoke_reason_excused(notice),
    )
    await turn.reply(texts.excused(notice, [rows[i].unit_name for i in unit_ids], command.reason, revoked))


async def bind(turn: Turn, unit_text: str | None, targets: Sequence[str]) -> None:
    session = turn.session
    changes.touch_all(session)  # the roster changed: the deadline duty judges every unit again
    unit_id, unit_name = None, None
    if unit_text is not None:
        resolved = await resolve.units(turn, [unit_text])
        if resolved is None:
            return
        if len(resolved) != 1:
            await turn.reply(texts.bind_one_unit_only(COMMAND_HELP["绑定"]))
            return
        unit_id = resolved[0]
        unit_name = next(u.name for u in await directory.units(session) if u.id == unit_id)
    people = await _targets(turn, targets)
    if people is None:
        return
    names = {u.id: u.name for u in await directory.units(session)}
    by_mention = any(m != turn.policy.bot_id for m in turn.msg.mentions)
    for wechat_id, name in people:
        in_roster = await directory.get_person(session, wechat_id) is not None
        rooms = [m.room_topic or m.room_id for m in await directory.memberships(session, [wechat_id])]
        previous = await directory.bind(
            session, wechat_id=wechat_id, name=name, unit_id=unit_id, actor=turn.msg.sender_id, at=turn.now
        )
        previous_name = names.get(previous) if previous else None
        who = texts.person_seen(
            name or wechat_id, wechat_id, rooms, in_roster=in_roster, by_mention=by_mention
        )
        if unit_name is not None:
            await turn.reply(texts.bound(who, unit_name, previous_name))
        else:
            await turn.reply(texts.unbound(who, previous_name))


async def _targets(turn: Turn, targets: Sequence[str]) -> list[tuple[str, str]] | None:
    """The people a /绑定 or /解绑 names: by @-mention in a room, else by WeChat id or exact name."""
    mentions = [m for m in turn.msg.mentions if m != turn.policy.bot_id]
    if mentions:
        names = (await directory.read_all(turn.session)).display_names(mentions, turn.msg.room_id)
        return [(m, names[m]) for m in mentions]
    if not targets:
        await turn.reply(texts.bind_whom(COMMAND_HELP["绑定"]))
        return None
    found: list[tuple[str, str]] = []
    for token in targets:
        matches = await directory.find_people(turn.session, token)
        if not matches:
            await turn.reply(texts.person_not_found(token))
            return None
        if len(matches) > 1:
            await turn.reply(texts.person_ambiguous(token, matches))
            return None
        found.append(matches[0])
    return found


async def list_units(turn: Turn) -> None:
    session = turn.session
    units = await directory.units(session)
    liaisons = await directory.liaisons(session)
    in_room = {m.wechat_id for m in await directory.memberships(session)}
    by_unit: dict[int, list[str]] = {}
    placed: dict[int, bool] = {}
    for person in liaisons:
        assert person.unit_id is not None
        by_unit.setdefault(person.unit_id, []).append(person.name or person.wechat_id)
        placed[person.unit_id] = placed.get(person.unit_id, False) or person.wechat_id in in_room
    await turn.reply(texts.units_overview(units, by_unit, placed))
