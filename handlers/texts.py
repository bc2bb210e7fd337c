"""Every Chinese text the bot shows people, in one place."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from handlers.messages import IncomingMessage
from handlers.policy import WEEKDAYS, Policy
from handlers.reading.timeparse import TimeParseError
from handlers.rules.assessment import UnitScore
from handlers.rules.filecheck import FileProblem, FileRules, human_size
from handlers.rules.report import Report, deduction_text, points
from storage.attachments import AttachmentView
from storage.directory import UnitView
from storage.flags import FlagView
from storage.notices import AssignmentView, FeedbackView, NoticeView
from storage.review import Entry as ReviewEntry
from storage.review import ReviewView
from storage.status import FEEDBACK_KIND_LABELS, NOTICE_STATUS_LABELS, Obligation, Standing, label

# Status labels live in storage.status (the rule book) so the ledger exports and the chat answers agree.


def units_line(names: Sequence[str]) -> str:
    return "、".join(names) if names else "无"


def notice_post(policy: Policy, notice: NoticeView, unit_names: Sequence[str]) -> str:
    lines = [
        f"【督办通知单】{notice.number}",
        f"事项：{notice.title}",
        f"承办单位：{units_line(unit_names)}",
        f"签收时限：{policy.due(notice.receipt_due, notice.issued_at)}前",
    ]
    if notice.feedback_due is not None:
        lines.append(f"反馈时限：{policy.due(notice.feedback_due, notice.issued_at)}前报送落实情况")
    if notice.body:
        lines += ["", notice.body]
    lines += ["", f"请各承办单位联络员收到后在群内回复“收到”（同时有多份通知时可回复“{notice.seq}号收到”）。"]
    return "\n".join(lines)


def publish_confirmation(
    policy: Policy,
    notice: NoticeView,
    unit_names: Sequence[str],
    rooms: Sequence[tuple[str, int]],
    unreached: Sequence[str],
) -> str:
    lines = [
        f"已发布 {notice.number}《{notice.title}》",
        f"承办单位（{len(unit_names)}个）：{units_line(unit_names)}",
        f"签收时限：{policy.due(notice.receipt_due, notice.issued_at)}",
        f"反馈时限：{policy.due(notice.feedback_due, notice.issued_at)}",
    ]
    if rooms:
        lines.append("已发送到：" + "；".join(f"{topic}（@{count}人）" for topic, count in rooms))
    if unreached:
        lines.append(
            f"注意：{units_line(unreached)} 没有已绑定且在群内的联络员，未能通知到，请另行通知或用 /绑定 绑定联络员。"
        )
    return "\n".join(lines)


def off_hours_notes(policy: Policy, dues: Sequence[tuple[str, datetime | None]]) -> str:
    """Deadlines kept as written though they fall on a rest day or outside working hours: say so."""
    lines = []
    for field, due in dues:
        if due is None:
            continue
        local = policy.local(due)
        shown = policy.show(due)
        if not policy.calendar.is_working_day(local.date()):
            what = f"星期{WEEKDAYS[local.weekday()]}" if local.weekday() >= 5 else "法定节假日"
            lines.append(f"注意：{due_label(field)} {shown} 是{what}（休息日）。")
        elif not policy.workday_start <= local.time() <= policy.workday_end:
            lines.append(
                f"注意：{due_label(field)} {shown} 在工作时间（{policy.workday_start:%H:%M}–{policy.workday_end:%H:%M}）以外。"
            )
    return "".join(f"\n{line}" for line in lines)


def withdrawn_post(notice: NoticeView, reason: str) -> str:
    text = f"【通知撤回】{notice.number}《{notice.title}》已撤回，无需签收和反馈。"
    return text + (f"\n原因：{reason}" if reason else "")


def due_label(field: str) -> str:
    """签收时限 for the receipt deadline, 反馈时限 for the feedback one."""
    return "签收时限" if field == "receipt" else "反馈时限"


def extended_post(
    policy: Policy, notice: NoticeView, field: str, when_text: str, unit_names: Sequence[str] | None
) -> str:
    label = due_label(field)
    who = f"（{units_line(unit_names)}）" if unit_names else ""
    return f"【时限调整】{notice.number}《{notice.title}》{who}{label}调整为 {when_text}。"


def reminder(
    policy: Policy, notice: NoticeView, receipt_owed: Sequence[str], feedback_owed: Sequence[str]
) -> str:
    lines = [f"【催办】{notice.number}《{notice.title}》"]
    if receipt_owed:
        lines.append(
            f"尚未签收：{units_line(receipt_owed)}，请在群内回复“{notice.seq}号收到”（签收时限 {policy.due(notice.receipt_due, notice.issued_at)}）。"
        )
    if feedback_owed:
        lines.append(
            f"尚未反馈落实情况：{units_line(feedback_owed)}（反馈时限 {policy.due(notice.feedback_due, notice.issued_at)}）。"
        )
    return "\n".join(lines)


def receipt_state(policy: Policy, a: AssignmentView, receipt: Obligation) -> str:
    """A unit's receipt as /查询 shows it: the time it came and whether that was late, or the status."""
    if receipt.status == "excused":
        return f"{label('receipt', 'excused')}（{a.excuse_reason or ''}）"
    if receipt.came_at is None:
        return label("receipt", receipt.status)
    notes = {"late": "（逾期）", "unreached": "（送达晚于时限，不计逾期）"}
    return f"{policy.show(receipt.came_at)} 签收{notes.get(receipt.status, '')}"


def notice_detail(
    policy: Policy,
    notice: NoticeView,
    rows: Sequence[tuple[AssignmentView, Standing]],
    names: dict[str, str],
    files: Sequence[AttachmentView] = (),
) -> str:
    """One notice: who received when, who has not, and the feedback, as the rule book judges them."""
    received = sum(1 for a, _ in rows if a.received_at is not None)
    lines = [
        f"{notice.number}《{notice.title}》［{NOTICE_STATUS_LABELS.get(notice.status, notice.status)}］",
        f"下发：{policy.show(notice.issued_at)}；签收时限：{policy.due(notice.receipt_due, notice.issued_at)}；反馈时限：{policy.due(notice.feedback_due, notice.issued_at)}",
        f"签收 {received}/{len(rows)}：",
    ]
    for a, judged in rows:
        by = f"（{names.get(a.receipt_by, a.receipt_by)}）" if a.receipt_by else ""
        own = []
        if a.own_receipt_due:
            own.append(f"本单位签收时限 {policy.show(a.receipt_due)}")
        if a.own_feedback_due:
            own.append(f"本单位反馈时限 {policy.show(a.feedback_due)}")
        extra = f"（{'；'.join(own)}）" if own else ""
        lines.append(
            f"· {a.unit_name}：{receipt_state(policy, a, judged.receipt)}{by}｜反馈：{label('feedback', judged.feedback.status)}{extra}"
        )
        if a.receipt_note:
            lines.append(f"    签收更正：{a.receipt_note}")
        for entry in a.feedback:
            note = f"（{entry.note}）" if entry.note else ""
            lines.append(
                f"    {policy.show(entry.at)} {FEEDBACK_KIND_LABELS[entry.kind]}{note}：{entry.text}"
            )
        asked = a.pending_delay
        if asked is not None:
            lines.append(
                f"    ⏳ 延期申请待答复（{policy.show(asked.at)}）。同意请发送：/延期 {notice.seq} 反馈时限：<新时间> 单位：{a.unit_name}"
            )
    if files:
        lines.append(files_detail(files))
    return "\n".join(lines)


def open_list(policy: Policy, items: Sequence[tuple[NoticeView, int, int, int, int]]) -> str:
    """All open notices: (notice, received, total, fed back, feedback expected)."""
    if not items:
        return "目前没有办理中的督办通知。"
    lines = [f"办理中的督办通知（{len(items)}份）："]
    for notice, received, total, fed, expected in items:
        feedback = f"｜反馈 {fed}/{expected}" if notice.feedback_due is not None else ""
        lines.append(
            f"· {notice.number}《{notice.title}》签收 {received}/{total}{feedback}｜签收时限 {policy.due(notice.receipt_due, notice.issued_at)}"
        )
    lines.append("发送“/查询 编号”查看明细。")
    return "\n".join(lines)


def units_overview(
    units: Sequence[UnitView], liaisons: dict[int, list[str]], in_rooms: dict[int, bool]
) -> str:
    if not units:
        return "还没有承办单位。请用 duban roster import 导入名册。"
    lines = [f"承办单位（{len(units)}个）："]
    for unit in units:
        alias = f"（简称：{'、'.join(unit.aliases)}）" if unit.aliases else ""
        people = "、".join(liaisons.get(unit.id, [])) or "未绑定联络员"
        warn = "" if in_rooms.get(unit.id) else " ⚠不在任何群中" if liaisons.get(unit.id) else ""
        lines.append(f"· {unit.name}{alias}：{people}{warn}")
    return "\n".join(lines)


def ask_which_notice(
    policy: Policy,
    name: str,
    quoted: str,
    candidates: Sequence[NoticeView],
    *,
    several: bool = False,
    unread: Sequence[int] = (),
) -> str:
    """`unread`: numbers the reply holds that may name a notice but were not read as one (1号 本周…: a day?)."""
    options = "；".join(f"{n.seq}号《{n.title}》" for n in candidates)
    meant = [n for n in candidates if n.seq in unread]
    if meant:  # the number is there: ask whether it is the notice's, not for a number
        seqs = "、".join(str(n.seq) for n in meant)
        which = "、".join(f"{n.seq}号《{n.title}》" for n in meant)
        return (
            f"{name}，您的回复“{quoted}”里的“{seqs}号”是指{which}吗？"
            f"是的话请只回复“{seqs}号”，按您原来那条消息记录；不是的话请写明是哪一份通知的编号再回复一次。"
        )
    if several:  # "都收到了" with several owed: which ones, never guessed
        both = "、".join(f"{n.seq}号" for n in candidates[:2])
        return (
            f"{name}，您的回复“{quoted}”没有写编号，本单位还没签收的有：{options}。"
            f"请注明收到的是哪几份再回复一次，如“{both}收到”（按您原来那条消息的时间记签收）。"
        )
    example = candidates[0].seq if candidates else 12
    return (
        f"{name}，您的回复“{quoted}”对应哪一份通知？请注明编号再回复一次，如“{example}号收到”或“{example}号已完成”。"
        + (f"\n目前待办：{options}" if options else "")
    )


def problem_reported(policy: Policy, unit: str, message: IncomingMessage, named: Sequence[NoticeView]) -> str:
    """To the office: a unit says something is wrong with what arrived."""
    about = "、".join(f"{n.number}《{n.title}》" for n in named) or "（未指明哪份通知）"
    where = f"群“{message.room_topic or message.room_id}”" if message.room_id else "私聊"
    return (
        f"【单位反映问题】{unit}（{message.display_name}）{policy.show(message.at)} 在{where}说：\n{message.text[:200]}\n"
        f"涉及：{about}。请核实后处理（如重新发送附件）。"
    )


def names_another_unit(name: str, quoted: str, others: Sequence[str]) -> str:
    return (
        f"{name}，您的回复“{quoted}”提到了{units_line(others)}，没有记为本单位的签收或反馈。"
        f"{units_line(others)}的签收或反馈请由其联络员回复；本单位的请直接回复，如“12号收到”。"
    )


def short_number(seq: int) -> str:
    """A notice named by its number alone, as people write it: 12号."""
    return f"{seq}号"


def unknown_notice(ref_text: str) -> str:
    return f"没有找到{ref_text}的督办通知，请核对编号（如 12、12号 或 督办〔2026〕12号）。"


def refuse_command(*, liaison: bool = False) -> str:
    """To someone outside the office who sent a command (at most once an hour)."""
    own = "私聊我发送“查询”可查看本单位待办事项。" if liaison else ""
    return f"您好，督办助手的命令仅限县政府督查室工作人员使用。如需签收通知，请在群内直接回复“收到”。{own}"


def private_hint_office() -> str:
    return "您好，我是督办助手。发送“/帮助”查看可用命令。"


def unbound_hint(
    person_id: str, shown_name: str, room_topic: str | None, text: str, unit_guess: str | None
) -> str:
    where = f"群“{room_topic}”中" if room_topic else "私聊中"
    unit = unit_guess or "<单位>"
    return (
        f"{where}的“{shown_name}”（微信 id：{person_id}）回复了“{text[:40]}”，但尚未绑定承办单位，本次不计入签收或反馈。\n"
        f"如其为联络员，请在群里发送：/绑定 {unit} @{shown_name}（最稳妥）\n或私聊发送：/绑定 {unit} {person_id}"
    )


def person_seen(name: str, wechat_id: str, rooms: Sequence[str], *, in_roster: bool, by_mention: bool) -> str:
    """Who exactly a /绑定 names: the WeChat id, where the person was seen, and a warning when only a
    group nickname identified them (anyone can copy a nickname)."""
    seen = f"，见于群：{'、'.join(dict.fromkeys(rooms))}" if rooms else "，未在机器人所在的群中见过"
    warn = ""
    if not by_mention and not in_roster:
        warn = (
            "（此人不在名册中，仅凭群昵称找到；昵称可被他人仿冒，请核对微信 id，最稳妥的是在群里 @ 此人绑定）"
        )
    return f"{name}（微信 id：{wechat_id}{seen}）{warn}"


def bound(name: str, unit: str, previous: str | None) -> str:
    before = f"（原为 {previous} 的联络员）" if previous and previous != unit else ""
    return f"已将 {name} 绑定为 {unit} 的联络员{before}。"


def unbound(name: str, previous: str | None) -> str:
    return f"已解除 {name} 与 {previous} 的绑定。" if previous else f"{name} 原本未绑定任何单位，无需解绑。"


def unknown_units(unknown: Sequence[tuple[str, Sequence[str]]]) -> str:
    parts = []
    for name, suggestions in unknown:
        hint = f"，您是否要找：{'、'.join(suggestions)}" if suggestions else ""
        parts.append(f"“{name}”{hint}")
    return "找不到这些承办单位：" + "；".join(parts) + "。请用 /单位 查看单位名称和简称。"


# Answers to the office's commands (handlers/actions/office.py). Command usage itself lives in handlers/reading/commands.py.


def commands_overview(usages: Iterable[str]) -> str:
    return "督办助手命令（仅限督查室工作人员）：\n\n" + "\n\n".join(usages)


DEADLINE_EXAMPLES = "“12月1日18:00”“明天下午5点”“3个工作日内”或“2小时内”"
DATE_EXAMPLES = "“12月1日18:00”“明天下午5点”或“下周一上午10点”"


def deadline_problem(error: TimeParseError) -> str:
    """Why a deadline was refused, and how to write it."""
    text, facts = error.original, error.details
    if error.reason == "empty":
        return f"没有写时间。请写成{DEADLINE_EXAMPLES}。"
    if error.reason == "rough":
        return (
            f"时间“{text}”里的“{facts.get('words')}”是个约数，机器人不能替您定。"
            f"请写一个确定的时间，例如“3天内”“3个工作日内”或“12月1日18:00”。"
        )
    if error.reason == "duration_not_allowed":
        return f"这里要写具体的时间，不能写时长“{text}”。请写成{DATE_EXAMPLES}。"
    if error.reason == "no_hour":
        return f"“{text}”没有写几点。请写成{DATE_EXAMPLES}。"
    if error.reason == "no_such_clock":
        return f"时间“{text}”里的钟点不存在。请写成“18:00”“下午6点半”这样的钟点。"
    if error.reason == "contradiction":
        period, hour = facts.get("period"), facts.get("hour")
        if period in ("晚上", "夜里", "夜间", "晚间", "晚") and isinstance(hour, int) and hour <= 6:
            return (
                f"时间“{text}”前后矛盾：{period}没有{hour}点——是凌晨{hour}点还是下午{hour}点？"
                f"请写成“凌晨{hour}点”或“{hour + 12}:00”。"
            )
        return f"时间“{text}”前后矛盾：{period}没有{hour}点。请写成“下午3点”或“15:00”。"
    if error.reason == "no_such_date":
        year = f"{facts['year']}年" if "year" in facts else ""
        return f"日期“{text}”不存在：没有{year}{facts.get('month')}月{facts.get('day')}日。请写成{DATE_EXAMPLES}。"
    if error.reason == "weekday_mismatch":
        written, actual = int(facts["written"]), int(facts["actual"])
        return (
            f"时间“{text}”前后矛盾：{facts['month']}月{facts['day']}日是星期{WEEKDAYS[actual]}，不是星期{WEEKDAYS[written]}。"
            "请核对日期和星期。"
        )
    if error.reason == "unknown_calendar":
        return (
            f"内置的法定节假日日历还没有{facts.get('year')}年的{facts.get('festival')}放假安排，无法确定“{text}”是哪一天。"
            "请直接写日期，例如“9月30日下班前”。"
        )
    if error.reason == "past" and error.parsed is not None and error.now is not None:
        return (
            f"时间“{text}”已经过去：理解为 {error.parsed:%Y-%m-%d %H:%M}，现在是 {error.now:%Y-%m-%d %H:%M}。"
            f"请写一个以后的时间，例如{DATE_EXAMPLES}。"
        )
    if error.reason == "future" and error.parsed is not None and error.now is not None:
        return (
            f"时间“{text}”还没到：理解为 {error.parsed:%Y-%m-%d %H:%M}，现在是 {error.now:%Y-%m-%d %H:%M}。"
            "这里要写已经发生的时间，例如“今天上午9点”“昨天下午3点”或“11月28日10:00”；不写则按现在记录。"
        )
    if error.reason == "too_far":
        read = f"（理解为 {error.parsed:%Y年%m月%d日}）" if error.parsed is not None else ""
        return f"时间“{text}”太远了{read}：时限不能超过一年。请写一年以内的时间，例如{DEADLINE_EXAMPLES}。"
    return f"看不懂时间“{text}”。请写成{DEADLINE_EXAMPLES}。"


def bad_deadline(label: str, error: TimeParseError) -> str:
    return f"{label}有误：{deadline_problem(error)}"


def unreadable_number(raw: str) -> str:
    return f"编号“{raw}”看不懂。请写成 12、12号 或 督办〔2026〕12号。"


def not_open(notice: NoticeView) -> str:
    return f"{notice.number}{NOTICE_STATUS_LABELS[notice.status]}，不能再办理此操作。"


NO_UNITS_TO_PUBLISH = "还没有任何承办单位，无法发布。请先导入名册（duban roster import）。"


def feedback_before_receipt(policy: Policy, feedback_due: datetime, receipt_due: datetime) -> str:
    return f"反馈时限（{policy.show(feedback_due)}）早于签收时限（{policy.show(receipt_due)}），请检查后重新发布。"


def nothing_to_remind(notice: NoticeView, owing: Sequence[str]) -> str:
    """No reminder went out: nobody owes anything, or those who owe have no liaison in a room."""
    if not owing:
        return f"{notice.number} 没有需要催办的单位（均已签收并反馈）。"
    return f"{notice.number} 待办单位（{units_line(owing)}）没有在群内的联络员，无法催办，请另行联系。"


def reminded(
    notice: NoticeView, room_count: int, reposted: Sequence[str], reposted_late: Sequence[str]
) -> str:
    lines = [f"已催办 {notice.number}，发送到 {room_count} 个群。" if room_count else f"{notice.number}："]
    if reposted:
        lines.append(f"此前未送达的 {units_line(reposted)} 现已有在群内的联络员，已补发通知。")
    if reposted_late:
        lines.append(
            f"{units_line(reposted_late)} 的签收时限已过，补发后签收不计逾期；如需重新规定时限，请用 /延期。"
        )
    return "\n".join(lines)


def notice_repost(policy: Policy, notice: NoticeView, unit_names: Sequence[str]) -> str:
    return notice_post(policy, notice, unit_names).replace("【督办通知单】", "【督办通知单（补发）】", 1)


def closed(closed_notices: Sequence[NoticeView]) -> str:
    return "已销号：" + "；".join(f"{n.number}《{n.title}》" for n in closed_notices) + "。"


def skipped_not_open(skipped: Sequence[NoticeView]) -> str:
    return (
        "跳过（不在办理中）："
        + "；".join(f"{n.number}{NOTICE_STATUS_LABELS[n.status]}" for n in skipped)
        + "。"
    )


NO_OPEN_NOTICES = "目前没有办理中的督办通知，无需催办。"


def publish_twice(policy: Policy, twin: NoticeView) -> str:
    return (
        f"{policy.show(twin.issued_at)} 刚发布过同样的通知（同标题、同承办单位）：{twin.number}《{twin.title}》，"
        "这次没有再发，以免重复。\n如确实要再发一份，请在原命令最后另起一行写“确认发布”后重新发送。"
    )


def close_needs_confirmation(notice: NoticeView, receipt: Sequence[str], feedback: Sequence[str]) -> str:
    lines = [f"{notice.number}《{notice.title}》还有单位未办完："]
    if receipt:
        lines.append(f"未签收：{units_line(receipt)}")
    if feedback:
        lines.append(f"未反馈：{units_line(feedback)}")
    lines.append(
        f"销号后这些单位不再需要签收或反馈，尚未到期的不计逾期。确认销号请发送：/销号 {notice.seq} 确认"
    )
    return "\n".join(lines)


def withdrawn(notice: NoticeView, room_count: int, revoked: Sequence[FlagView]) -> str:
    return (
        f"已撤回：{notice.number}《{notice.title}》，已在 {room_count} 个群告知。该通知不再计入任何统计。"
        + revoked_note(revoked)
    )


def not_assigned(notice: NoticeView, unit_names: Sequence[str]) -> str:
    return f"{units_line(unit_names)} 不是 {notice.number} 的承办单位。"


def new_feedback_before_receipt(policy: Policy, receipt_due: datetime) -> str:
    return f"新的反馈时限早于签收时限（{policy.show(receipt_due)}），请检查。"


def extended(
    notice: NoticeView,
    field: str,
    when_text: str,
    unit_names: Sequence[str] | None,
    revoked: Sequence[FlagView],
) -> str:
    who = units_line(unit_names) if unit_names else "全部承办单位"
    return f"已将 {notice.number} {who}的{due_label(field)}调整为 {when_text}。" + revoked_note(revoked)


def withdrawn_needs_no_excuse(notice: NoticeView) -> str:
    return f"{notice.number}已撤回，无需免责。"


def excused(notice: NoticeView, unit_names: Sequence[str], reason: str, revoked: Sequence[FlagView]) -> str:
    return (
        f"已对 {units_line(unit_names)} 在 {notice.number} 上免责（原因：{reason}），"
        "不计入逾期。" + revoked_note(revoked)
    )


def revoke_reason_withdrawn(notice: NoticeView) -> str:
    return f"{notice.number}已撤回"


def revoke_reason_extended(notice: NoticeView) -> str:
    return f"{notice.number}时限已调整"


def revoke_reason_excused(notice: NoticeView) -> str:
    return f"{notice.number}已免责"


def bind_one_unit_only(usage: str) -> str:
    return "一次只能绑定到一个单位。用法：" + usage


def bind_whom(usage: str) -> str:
    return "请 @ 要绑定的成员，或写出其微信 id。用法：" + usage


def person_not_found(token: str) -> str:
    return (
        f"找不到“{token}”：名册和机器人所在的群里都没有叫这个名字（或这个微信 id）的人。"
        "请在群里 @ 此人绑定，或写出其微信 id（可在 duban roster show 中查看）。"
    )


def person_ambiguous(token: str, matches: Sequence[tuple[str, str]]) -> str:
    """matches: (WeChat id, name) of everyone the token could mean."""
    listed = "、".join(f"{name}（{wid}）" for wid, name in matches)
    return f"“{token}”对应多人：{listed}。为免绑错人，请改写微信 id，或在群里 @ 此人绑定。"


def span(length: timedelta) -> str:
    """A time left, as people say it: 2小时, 1小时30分钟, 30分钟, 不到1分钟."""
    hours, minutes = divmod(int(length.total_seconds() // 60), 60)
    if not hours and not minutes:
        return "不到1分钟"
    if hours and not minutes:
        return f"{hours}小时"
    return f"{hours}小时{minutes}分钟" if hours else f"{minutes}分钟"


def pre_deadline(
    policy: Policy,
    notice: NoticeView,
    field: str,
    due: datetime,
    offset: timedelta,
    unit_names: Sequence[str],
) -> str:
    left = span(offset)
    if field == "receipt":
        return (
            f"【签收提醒】{notice.number}《{notice.title}》签收时限为 {policy.show(due)}（约还有{left}）。\n"
            f"尚未签收：{units_line(unit_names)}，请联络员在群内回复“{notice.seq}号收到”。"
        )
    return (
        f"【反馈提醒】{notice.number}《{notice.title}》反馈时限为 {policy.show(due)}（约还有{left}）。\n"
        f"尚未反馈落实情况：{units_line(unit_names)}，请按时报送；确实不能按时办结的，请说明原因并报告阶段性进展。"
    )


def daily_broadcast(
    policy: Policy, day: date, lines: Sequence[tuple[NoticeView, Sequence[AssignmentView]]], now: datetime
) -> str:
    out = [f"【每日督办提醒】{day.month}月{day.day}日（周{WEEKDAYS[day.weekday()]}）"]
    for index, (notice, rows) in enumerate(lines, 1):
        out.append(f"{index}. {notice.number}《{notice.title}》")
        judged = [(a.unit_name, a.standing(now)) for a in rows]
        receipt = [name for name, standing in judged if standing.receipt.owed]
        feedback = [name for name, standing in judged if standing.feedback.owed]
        if receipt:
            out.append(
                f"   未签收：{units_line(receipt)}（签收时限 {policy.due(notice.receipt_due, notice.issued_at)}）"
            )
        if feedback:
            out.append(
                f"   未反馈：{units_line(feedback)}（反馈时限 {policy.due(notice.feedback_due, notice.issued_at)}）"
            )
    out.append("请以上单位联络员抓紧办理：签收请回复“编号+收到”，如“12号收到”；落实情况请直接在群内反馈。")
    return "\n".join(out)


def deadline_note(
    policy: Policy,
    notice: NoticeView,
    field: str,
    due: datetime,
    on_time: int,
    missed: Sequence[str],
    unreached: Sequence[str],
) -> str:
    """To the office, once a deadline has passed: who missed it, who the notice never reached."""
    verb = "签收" if field == "receipt" else "反馈"
    lines = [f"【时限已到】{notice.number}《{notice.title}》{due_label(field)} {policy.show(due)} 已到"]
    if missed:
        lines.append(f"逾期未{verb}：{units_line(missed)}")
    if unreached:
        lines.append(
            f"未送达（没有已绑定且在群内的联络员，或通知未能发出；不计逾期）：{units_line(unreached)}。"
            "绑定联络员后可用 /催办 补发。"
        )
    lines.append(f"按时{verb}：{on_time}个单位。")
    return "\n".join(lines)


BASIS_TEXT = {
    "receipt": "连续两次未按时签收通知",
    "feedback": "连续两次未按时上报落实情况",
    "count": "本季度多次未按时签收或上报落实情况",
    "manual": "督查室登记",
    "rectify": "整改期限内仍有未按时签收或上报的情况，整改不到位",
    "rank": "连续两次在全县督办考核中排名末位",
}


def flag_line(policy: Policy, flag: FlagView) -> str:
    notices_text = f"，涉及 {'、'.join(flag.numbers)}" if flag.numbers else ""
    return f"#{flag.id} {flag.unit_name} {flag.kind}（{BASIS_TEXT.get(flag.basis, flag.basis)}{notices_text}，{policy.show(flag.at)}）"


def flag_proposal(
    policy: Policy,
    flag: FlagView,
    items: Sequence[tuple[NoticeView, AssignmentView]],
    now: datetime,
    *,
    follows: FlagView | None = None,
) -> str:
    """The proposal to the office: exactly the lapses it cites, each with its deadline and what came when."""
    lines = [f"【处理建议 #{flag.id}】{flag.unit_name} 拟作 {flag.kind}", f"依据：{BASIS_TEXT[flag.basis]}"]
    if follows is not None and follows.rectify_until is not None:
        lines.append(
            f"此前 #{follows.id} {follows.kind}（{policy.show(follows.decided_at)} 确认），"
            f"整改期限 {policy.show(follows.rectify_until)} 已到；期间："
        )
    cited = flag.lapses or tuple(
        (n.id, field) for n, _ in items for field in ("receipt", "feedback") if flag.basis in (field, "count")
    )
    by_id = {n.id: a for n, a in items}
    notice_of = {n.id: n for n, _ in items}
    for notice_id, field in cited:
        if notice_id not in by_id:
            continue
        obligation = by_id[notice_id].standing(now).of(field)
        if not obligation.lapse:
            continue
        notice = notice_of[notice_id]
        verb = "签收" if field == "receipt" else "反馈"
        got = f"{policy.show(obligation.came_at)} 才{verb}" if obligation.came_at else f"至今未{verb}"
        lines.append(
            f"· {notice.number}《{notice.title}》{due_label(field)} {policy.show(obligation.due)}，{got}"
        )
    lines.append(f"确认请发送：/处理 确认 {flag.id}\n撤销请发送：/处理 撤销 {flag.id} 原因：<原因>")
    return "\n".join(lines)


def calendar_unknown(year: int) -> str:
    return (
        f"提示：内置的法定节假日日历还没有 {year} 年的安排，暂按周一至周五为工作日发送每日提醒。"
        "国务院办公厅公布放假安排后，请升级 chinese-calendar，或在配置 [calendar] 中填写 extra_holidays 与 extra_workdays。"
    )


def weekly_bulletin(
    policy: Policy,
    day: date,
    scores: Sequence[UnitScore],
    missed: Sequence[tuple[NoticeView, AssignmentView]],
    open_flags: Sequence[FlagView],
) -> str:
    """The weekly 通报: the year's assessment so far (the numbers of `duban report --year`), lapses, proposals."""
    lines = [
        f"【督办工作通报】截至{day.year}年{day.month}月{day.day}日",
        f"{day.year}年度考核（基础分{points(policy.assessment.base)}分）按时签收率｜按时反馈率｜得分：",
    ]
    lines += [score_line(s) for s in scores]
    if missed:
        lines.append("逾期未办：")
        lines += [f"· {a.unit_name}：{n.number}《{n.title}》" for n, a in missed]
    if open_flags:
        lines.append("待确认的处理建议：")
        lines += [f"· {flag_line(policy, f)}" for f in open_flags]
    return "\n".join(lines)


def _rate(good: int, total: int) -> str:
    return f"{good}/{total}（{good * 100 // total}%）" if total else "—"


def score_line(s: UnitScore) -> str:
    """· 第2名 县财政局：1/2（50%）｜2/2（100%）｜99.5分（逾期签收1次−0.5）"""
    detail = f"（{deduction_text(s)}）" if s.deductions else ""
    veto = "，一票否决" if s.veto else ""
    return (
        f"· 第{s.rank}名 {s.unit}：{_rate(s.receipt.on_time, s.receipt.decided)}｜"
        f"{_rate(s.feedback.on_time, s.feedback.decided)}｜{points(s.score)}分{detail}{veto}"
    )


def report_text(policy: Policy, report: Report) -> str:
    """The 通报 of a quarter or a year, ready to post in a WeChat group."""
    period, scores = report.period, report.scores
    end = policy.local(report.as_of - timedelta(microseconds=1))
    lines = [
        f"【{policy.office_name}督办工作通报】{period.name}",
        f"统计时段：{period.start.month}月{period.start.day}日至{end.month}月{end.day}日"
        f"（截至{end.year}年{end.month}月{end.day}日）",
        f"一、考核排名（基础分{points(policy.assessment.base)}分；按时签收率｜按时反馈率｜得分）",
    ]
    lines += [score_line(s) for s in scores] or ["· 本期没有需要考核的督办事项。"]
    lapsed = [s for s in scores if s.receipt.late + s.receipt.missed + s.feedback.late + s.feedback.missed]
    lines.append("二、未按时签收、反馈情况")
    lines += [
        f"· {s.unit}：{'、'.join(f'{what}{times}次' for what, times, _ in s.deductions if '逾期' in what)}"
        for s in lapsed
    ] or ["· 无。"]
    lines.append("三、处理情况")
    confirmed = [f for f in report.flags if f.status == "confirmed"]
    proposed = [f for f in report.flags if f.status == "proposed"]
    lines += [f"· {flag_line(policy, f)}" for f in confirmed] or ["· 本期没有已确认的处理。"]
    if proposed:
        lines.append(f"另有 {len(proposed)} 条处理建议待督查室确认：")
        lines += [f"· {flag_line(policy, f)}" for f in proposed]
    lines.append("四、一票否决")
    vetoed = [s for s in scores if s.veto]
    lines += [f"· {s.unit}（{'、'.join(s.veto)}），本年度不得作为表彰对象。" for s in vetoed] or [
        "· 无一票否决情形。"
    ]
    return "\n".join(lines)


def rank_proposal(policy: Policy, flag: FlagView, before: Report, ended: Report) -> str:
    """The 警示约谈 proposal for a unit ranked last in two periods in a row, with both rankings' facts."""
    lines = [f"【处理建议 #{flag.id}】{flag.unit_name} 拟作 {flag.kind}", f"依据：{BASIS_TEXT[flag.basis]}"]
    for report in (before, ended):
        mine = next(s for s in report.scores if s.unit == flag.unit_name)
        lines.append(
            f"· {report.period.name}：第{mine.rank}名（共{len(report.scores)}个单位，末位），"
            f"{points(mine.score)}分" + (f"，{deduction_text(mine)}" if mine.deductions else "")
        )
    lines.append(f"确认请发送：/处理 确认 {flag.id}\n撤销请发送：/处理 撤销 {flag.id} 原因：<原因>")
    return "\n".join(lines)


def bulletin_room_missing(room: str) -> str:
    return f"每周通报未发出：找不到群“{room}”，请检查配置 [bulletin] room。"


def veto_answer(
    policy: Policy,
    unit: str,
    year: int,
    vetoing: Sequence[FlagView],
    others: Sequence[FlagView],
    pending: Sequence[FlagView],
) -> str:
    if vetoing:
        lines = [f"{unit} {year}年 实行一票否决，不得作为表彰对象。已确认的处理："]
        lines += [f"· {flag_line(policy, f)}" for f in vetoing]
    else:
        lines = [f"{unit} {year}年 没有一票否决情形（{'、'.join(policy.veto_kinds)}），可以作为表彰对象。"]
    if others:
        lines.append("另有已确认的处理（不属于一票否决情形）：")
        lines += [f"· {flag_line(policy, f)}" for f in others]
    if pending:
        lines.append(f"注意：还有 {len(pending)} 条待确认的处理建议，确认后结论可能改变：")
        lines += [f"· {flag_line(policy, f)}" for f in pending]
    return "\n".join(lines)


def revoked_note(revoked: Sequence[FlagView]) -> str:
    if not revoked:
        return ""
    return "\n涉及它的处理建议已自动撤销：" + "；".join(f"#{f.id} {f.unit_name} {f.kind}" for f in revoked)


# Answers to /处理 (handlers/actions/decisions.py).

NO_PENDING_PROPOSALS = "目前没有待确认的处理建议。"


def pending_proposals(policy: Policy, pending: Sequence[FlagView], rectifying: Sequence[FlagView]) -> str:
    """/处理: proposals waiting for a decision, and the penalties whose 整改期限 is running."""
    lines = [f"待确认的处理建议（{len(pending)}条）：" if pending else NO_PENDING_PROPOSALS]
    lines += [f"· {flag_line(policy, f)}" for f in pending]
    if pending:
        lines.append("确认：/处理 确认 <编号>；撤销：/处理 撤销 <编号> 原因：<原因>")
    if rectifying:
        lines.append(f"整改期中（{len(rectifying)}条）：")
        lines += [f"· {flag_line(policy, f)}，整改期限 {policy.show(f.rectify_until)}" for f in rectifying]
    return "\n".join(lines)


def rectify_line(policy: Policy, until: datetime | None) -> str:
    if until is None:
        return ""
    return f"\n整改期限：{policy.show(until, since=until)}。期满时如期间仍有未按时签收或上报，将建议上一级处理；否则记为整改到位。"


def penalty_record_preview(
    policy: Policy, unit: str, kind: str, reason: str, until: datetime | None, until_text: str | None
) -> str:
    """/处理 登记 without 确认: what would be recorded, and the exact command that records it."""
    veto = "（属于一票否决情形，该单位本年度不得作为表彰对象）" if kind in policy.veto_kinds else ""
    given = f" 整改期限：{until_text}" if until_text else ""
    return (
        f"将登记：{unit} {kind}{veto}，原因：{reason}。"
        + rectify_line(policy, until)
        + f"\n核对无误请发送：/处理 登记 {unit} {kind} 确认{given} 原因：{reason}"
    )


def penalty_recorded(
    policy: Policy, flag: FlagView, unit_name: str, reason: str, until: datetime | None
) -> str:
    return (
        f"已登记：#{flag.id} {unit_name} {flag.kind}（原因：{reason}）。"
        + rectify_line(policy, until)
        + (f"\n如登记有误，请发送：/处理 撤销 {flag.id} 原因：<原因>")
    )


def no_rectify_period(kind: str) -> str:
    return f"{kind}没有整改期限：只有通报批评、媒体曝光确认后进入整改期。请去掉“整改期限”后重新发送。"


def revoke_reason_basis(flag: FlagView) -> str:
    return f"所依据的 #{flag.id} {flag.kind} 已撤销"


def veto_follows(flag: FlagView) -> str:
    return f"\n{flag.unit_name} 因此项产生的一票否决随之解除（如本年度另有确认的一票否决情形，仍以其为准；可用 /表彰审核 {flag.unit_name} 核对）。"


def rectified(policy: Policy, flag: FlagView) -> str:
    return (
        f"【整改到位】#{flag.id} {flag.unit_name} {flag.kind} 的整改期限 {policy.show(flag.rectify_until)} 已到，"
        "期间没有未按时签收或上报的情况，已记为整改到位。"
    )


def no_such_proposal(flag_id: int | None) -> str:
    return f"没有编号为 {flag_id} 的处理建议。发送“/处理”查看待确认的建议。"


def proposal_already_decided(flag: FlagView) -> str:
    if flag.status == "confirmed":
        return f"处理 #{flag.id} 已确认，不用再确认。如确认有误，请发送：/处理 撤销 {flag.id} 原因：<原因>"
    return f"处理 #{flag.id} 已撤销，不能再改。"


def proposal_decided(
    policy: Policy,
    flag: FlagView,
    *,
    confirmed: bool,
    reason: str,
    until: datetime | None = None,
    was: str = "proposed",
) -> str:
    what = {"proposed": "", "confirmed": "（原为已确认的处理）"}.get(was, "")
    verb = "已确认" if confirmed else f"已撤销{what}（原因：{reason}）"
    return f"{verb}：{flag_line(policy, flag)}" + rectify_line(policy, until)


def logged_out(policy: Policy, when: datetime, *, detail: str) -> str:
    return (
        f"{policy.show(when)} 微信账号已退出登录（{detail}）。请尽快重新扫码登录；恢复后，期间未发出的消息会按顺序补发，"
        "不会重复；这段时间里联络员的回复可能没有收到，机器人会请他们重新回复。"
    )


def wechat_unreachable(policy: Policy, since: datetime, now: datetime) -> str:
    return (
        f"督办助手自 {policy.show(since)} 起连不上微信（到 {policy.show(now)} 仍未恢复），群里的通知和签收暂停。"
        "请技术人员检查网关电脑或服务器、网络和微信登录状态；恢复后，期间未发出的消息会按顺序补发。"
    )


# Reports about the bot's own working (bot/sender.py, bot/intake.py, bot/presence.py).

SEND_GAVE_UP = "多次发送失败，已放弃"
SEND_UNCERTAIN = "发送途中连接中断，无法确认是否送达；为避免重复，没有再发"


def send_report(room_id: str | None, to_id: str | None, text: str, what: str, error: str) -> str:
    """To the office: a message did not go out normally."""
    where = f"群 {room_id}" if room_id else f"{to_id}（私聊）"
    return f"有一条发往{where}的消息{what}：\n{text[:80]}\n错误：{error}"


def message_failed(policy: Policy, message: IncomingMessage) -> str:
    where = f"群“{message.room_topic or message.room_id}”中" if message.room_id else "私聊中"
    return (
        f"{where} {message.display_name} {policy.show(message.at)} 的消息“{message.text[:60]}”处理时出错，"
        "没有记录。请核对后手工处理，并把此情况告诉技术人员（详见日志）。"
    )


def message_lost(message_id: str, reason: str) -> str:
    return (
        f"收到了一条消息（id {message_id}），但其内容已无法从微信网关取回（{reason}），没有记录。"
        "如有联络员反映回复未被记录，请让其重新回复。"
    )


def database_trouble(policy: Policy, since: datetime, problem: str) -> str:
    return (
        f"督办助手的数据库自 {policy.show(since)} 起无法写入（{problem}）。"
        "收到的消息暂存待处理，恢复后会按顺序补记；请通知技术人员检查磁盘空间和数据库。"
    )


def database_recovered(policy: Policy, since: datetime, now: datetime) -> str:
    return f"督办助手的数据库已恢复（{policy.show(since)} 至 {policy.show(now)} 无法写入），期间收到的消息已按顺序补记。"


def downtime_post(policy: Policy, start: datetime, end: datetime) -> str:
    return (
        f"【系统提示】督办助手 {policy.show(start)} 至 {policy.show(end)} 离线，这段时间里的回复可能没有收到。"
        "这段时间回复过“收到”或反馈落实情况的联络员，请再回复一次（如“12号收到”）。"
    )


def downtime_office(policy: Policy, start: datetime, end: datetime, rooms: int) -> str:
    asked = f"已在 {rooms} 个群请这段时间回复过的联络员重新回复。" if rooms else "目前没有单位欠签收或反馈。"
    return (
        f"督办助手 {policy.show(start)} 至 {policy.show(end)} 离线（程序未运行或微信连接中断），"
        f"这段时间里的回复可能没有收到。{asked}期间未发出的消息已按顺序补发。"
    )


# Corrections by the office and the review queue (handlers/actions/corrections.py, handlers/actions/review.py).


def empty_category(name: str, kinds: Sequence[str]) -> str:
    known = "、".join(kinds) if kinds else "（名册里还没有填写单位类别）"
    return f"“{name}”下没有承办单位。名册中的单位类别有：{known}。可写“单位：全部乡镇”或逐个写单位名称。"


def bad_time(error: TimeParseError) -> str:
    return f"时间有误：{deadline_problem(error)}"


def before_issue(policy: Policy, notice: NoticeView, at: datetime) -> str:
    return f"时间 {policy.show(at)} 早于 {notice.number} 的发布时间 {policy.show(notice.issued_at)}，请核对后重写“时间：”。"


def one_unit_only(command: str) -> str:
    return f"/{command} 一次只写一个单位，例如“单位：城关镇”。"


def correction_note(actor: str, reason: str) -> str:
    return f"{actor}补记：{reason}"


def undo_note(actor: str, reason: str) -> str:
    return f"{actor}撤销签收：{reason}"


def revoke_reason_corrected(notice: NoticeView) -> str:
    return f"{notice.number}的签收或反馈记录已更正"


def _confirmed_note(confirmed: Sequence[FlagView]) -> str:
    """Confirmed penalties citing what was corrected: people decide whether they still stand."""
    if not confirmed:
        return ""
    lines = ["注意：以下已确认的处理引用了这份通知，请核对是否仍然成立："]
    lines += [
        f"· #{f.id} {f.unit_name} {f.kind}；如不再成立请发送：/处理 撤销 {f.id} 原因：<原因>"
        for f in confirmed
    ]
    return "\n" + "\n".join(lines)


def receipts_recorded(
    policy: Policy,
    notice: NoticeView,
    at: datetime,
    judged: Sequence[tuple[AssignmentView, Standing, datetime | None]],
    revoked: Sequence[FlagView],
    confirmed: Sequence[FlagView],
) -> str:
    lines = [f"已补记 {notice.number}《{notice.title}》的签收，签收时间 {policy.show(at)}："]
    for a, standing, previous in judged:
        before = f"（原记录 {policy.show(previous)}）" if previous is not None and previous != at else ""
        lines.append(f"· {a.unit_name}：{label('receipt', standing.receipt.status)}{before}")
    return "\n".join(lines) + revoked_note(revoked) + _confirmed_note(confirmed)


def feedback_recorded(
    policy: Policy,
    notice: NoticeView,
    a: AssignmentView,
    kind: str,
    at: datetime,
    revoked: Sequence[FlagView],
    confirmed: Sequence[FlagView],
) -> str:
    standing = a.standing(at)
    return (
        f"已补记 {a.unit_name} 对 {notice.number}《{notice.title}》的{FEEDBACK_KIND_LABELS[kind]}，时间 {policy.show(at)}；"
        f"反馈情况：{label('feedback', standing.feedback.status)}。"
        + revoked_note(revoked)
        + _confirmed_note(confirmed)
    )


def receipt_taken_back(policy: Policy, a: AssignmentView) -> str:
    return f"原签收 {policy.show(a.received_at)}"


def feedback_taken_back(policy: Policy, entry: FeedbackView) -> str:
    return f"原{FEEDBACK_KIND_LABELS[entry.kind]} {policy.show(entry.at)}“{entry.text[:30]}”"


def nothing_to_undo(notice: NoticeView, what: str, names: Sequence[str]) -> str:
    thing = "签收" if what == "receipt" else "反馈"
    return f"{units_line(names)} 在 {notice.number} 没有{thing}记录，无需撤销。"


def undone(
    notice: NoticeView,
    what: str,
    undone_items: Sequence[tuple[str, str]],
    nothing: Sequence[str],
    revoked: Sequence[FlagView],
    confirmed: Sequence[FlagView],
) -> str:
    thing = "签收" if what == "receipt" else "反馈"
    lines = [f"已撤销 {notice.number} 的{thing}记录（审计日志保留原记录）："]
    lines += [f"· {unit}：{was}" for unit, was in undone_items]
    if nothing:
        lines.append(f"没有{thing}记录、未作改动：{units_line(nothing)}")
    return "\n".join(lines) + revoked_note(revoked) + _confirmed_note(confirmed)


def cannot_reopen(notice: NoticeView) -> str:
    if notice.status == "open":
        return f"{notice.number}本来就在办理中，无需恢复。"
    return f"{notice.number}已撤回，不能恢复；如仍需办理，请重新发布。"


def reopened(policy: Policy, notice: NoticeView, rows: Sequence[tuple[AssignmentView, Standing]]) -> str:
    owing = [
        a.unit_name
        for a, s in rows
        if s.receipt.owed or s.feedback.owed or s.receipt.lapse or s.feedback.lapse
    ]
    tail = (
        f"\n仍未签收或未反馈的单位：{units_line(owing)}；时限已过的按逾期计，如需宽限请用 /延期。"
        if owing
        else ""
    )
    return f"已恢复 {notice.number}《{notice.title}》为办理中。{tail}"


def _command_number(policy: Policy, notice: NoticeView, now: datetime) -> str:
    """How a ready command names a notice: 25 this year, 2025年25号 for another year's."""
    return str(notice.seq) if notice.year == policy.local(now).year else f"{notice.year}年{notice.seq}号"


def _when_text(policy: Policy, moment: datetime) -> str:
    local = policy.local(moment)
    return f"{local.month}月{local.day}日{local:%H:%M}"


def review_entry(policy: Policy, entry: ReviewEntry, now: datetime) -> str:
    item = entry.item
    one_line = " ".join(item.text.split())
    where = "私聊" if item.room_id is None else "群内"
    lines = [f"〔待核 {item.id}〕{item.unit_name} {policy.show(item.at)}（{where}）：{one_line[:200]}"]
    when = _when_text(policy, item.at)
    for notice, a in entry.owed:
        number = _command_number(policy, notice, now)
        if a.awaiting_receipt:
            lines.append(
                f"  如是签收：/签收 {number} 单位：{item.unit_name} 时间：{when} 原因：核对联络员回复"
            )
        lines.append(
            f"  如是反馈：/反馈 {number} 单位：{item.unit_name} 时间：{when} 类型：进展 内容：{one_line[:100]}"
        )
    lines.append(f"  无需记录：/待核 忽略 {item.id}")
    return "\n".join(lines)


def review_digest(policy: Policy, entries: Sequence[ReviewEntry], now: datetime) -> str:
    head = f"【待核】{len(entries)}条联络员回复机器人拿不准，没有计入签收或反馈，请核对（复制下面的命令即可记录）："
    return "\n".join([head, *(review_entry(policy, e, now) for e in entries), "发送“/待核”可随时查看全部。"])


def review_list(policy: Policy, entries: Sequence[ReviewEntry], now: datetime) -> str:
    if not entries:
        return "目前没有待核的回复。"
    head = f"待核的联络员回复（{len(entries)}条）："
    return "\n".join([head, *(review_entry(policy, e, now) for e in entries)])


def review_ignored(item_id: int, item: ReviewView | None) -> str:
    if item is None:
        return f"没有待核编号 {item_id}（可能已处理）。发送“/待核”查看。"
    return f"已从待核中去掉〔待核 {item_id}〕{item.unit_name}：“{item.text[:30]}”。"


# Liaisons in private, and delay requests (handlers/actions/liaison.py).


def recorded_privately(
    policy: Policy, unit: str, recorded: Sequence[tuple[str, NoticeView]], at: datetime
) -> str:
    """One line per record: 已记录：城关镇 签收 督办〔2026〕25号 11:20."""
    words = {"receipt": "签收", "delay": "延期说明（已转督查室）"}
    clock = f"{policy.local(at):%H:%M}"
    return "\n".join(
        f"已记录：{unit} {words.get(kind) or FEEDBACK_KIND_LABELS[kind]} {notice.number} {clock}"
        for kind, notice in recorded
    )


def private_liaison_help(unit: str, open_notices: Sequence[NoticeView]) -> str:
    example = open_notices[-1].seq if open_notices else 12
    return (
        f"您好，我是督办助手（{unit}）。这条消息没有计入签收或反馈。"
        f"签收请回复“{example}号收到”，报送落实情况请回复“{example}号已完成，……”，申请延期请写明原因和希望的时间；"
        "发送“查询”可查看本单位待办。"
    )


def sent_for_review(unit: str) -> str:
    return f"收到。机器人没能确定这条消息是签收还是反馈，已转督查室核对（{unit}）。"


def delay_requested(
    policy: Policy,
    unit: str,
    notice: NoticeView,
    a: AssignmentView,
    message: IncomingMessage,
    words: str,
    asked: datetime | None,
) -> str:
    where = f"群“{message.room_topic or message.room_id}”" if message.room_id else "私聊"
    due = f"现反馈时限 {policy.show(a.feedback_due)}" if a.feedback_due else "未设反馈时限"
    wanted = f"申请延至 {policy.show(asked)}" if asked else "未写明希望延到何时"
    head = (
        f"【延期申请】{unit}（{message.display_name}）{policy.show(message.at)} 在{where}：\n{words[:300]}\n"
    )
    if asked is not None and a.feedback_due is not None and asked <= a.feedback_due:
        # not later than the deadline: the unit may have another deadline in mind; nothing to grant as read
        return (
            f"{head}{notice.number}《{notice.title}》：{due}；{wanted}，不晚于现时限，按现时限办理即可。\n"
            f"如需另定时限请发送：/延期 {notice.seq} 反馈时限：<新时间> 单位：{unit}"
        )
    new_time = _when_text(policy, asked) if asked else "<新时间>"
    return (
        f"{head}{notice.number}《{notice.title}》：{due}；{wanted}。\n"
        f"同意请发送：/延期 {notice.seq} 反馈时限：{new_time} 单位：{unit}"
    )


def own_open_notices(
    policy: Policy, unit: str, rows: Sequence[tuple[NoticeView, AssignmentView, Standing]]
) -> str:
    """A liaison's 查询: the unit's open notices and what it still owes on each."""
    if not rows:
        return f"{unit}目前没有办理中的督办通知。"
    lines = [f"{unit} 办理中的督办通知（{len(rows)}份）："]
    for notice, a, standing in rows:
        if a.received_at is not None:
            receipt = f"已签收 {policy.show(a.received_at)}"
        else:
            receipt = (
                f"签收：{label('receipt', standing.receipt.status)}（时限 {policy.show(a.receipt_due)}）"
            )
        feedback = ""
        if a.feedback_due is not None:
            feedback = (
                f"；反馈：{label('feedback', standing.feedback.status)}（时限 {policy.show(a.feedback_due)}）"
            )
        lines.append(f"· {notice.seq}号《{notice.title}》{receipt}{feedback}")
    lines.append("签收请回复“编号+收到”（如“12号收到”），报送落实情况请回复“12号已完成，……”。")
    return "\n".join(lines)


# -- attachments ---------------------------------------------------------------------------------

_TYPE_GROUPS = (
    ("PDF", ("pdf",)),
    ("OFD", ("ofd",)),
    ("Word", ("doc", "docx")),
    ("WPS", ("wps", "et", "dps")),
    ("Excel", ("xls", "xlsx")),
    ("PowerPoint", ("ppt", "pptx")),
    ("图片", ("jpg", "jpeg", "png")),
    ("zip 压缩包", ("zip",)),
)


def file_line(file: AttachmentView) -> str:
    return f"《{file.name}》（{human_size(file.size)}）"


def files_line(files: Sequence[AttachmentView]) -> str:
    return "、".join(file_line(f) for f in files)


def file_kept(policy: Policy, file: AttachmentView) -> str:
    minutes = round(policy.files.pickup_window.total_seconds() / 60)
    return (
        f"已收到文件{file_line(file)}，{minutes} 分钟内您发布的督办通知单会带上它，随通知发到各群。"
        "不想带时，在 /发布 里加一行“附件：无”。"
    )


def file_refused(problem: FileProblem, rules: FileRules) -> str:
    if problem.kind == "type":
        kinds = [name for name, exts in _TYPE_GROUPS if set(exts) & set(rules.types)]
        return (
            f"文件《{problem.name}》没有保存：督办通知单只能带 {'、'.join(kinds) or '规定类型的'} 文件"
            f"（扩展名 {'、'.join(rules.types)}）。请转成这些格式后再发给我，已有的记录没有改变。"
        )
    if problem.kind == "empty":
        return f"文件《{problem.name}》是空的（0 字节），没有保存，请重新发送。"
    return (
        f"文件《{problem.name}》有 {human_size(problem.size)}，超过 {human_size(rules.max_bytes)} 的上限，没有保存。"
        "请压缩或拆分后再发给我，已有的记录没有改变。"
    )


def file_not_kept_liaison(name: str) -> str:
    return (
        f"您私聊发来的文件《{name}》机器人不保存，也不计为反馈：只有督查室发给机器人的文件会随通知下发。"
        "报送落实情况材料请按督查室要求的方式报送，并在群里用文字回复（如“12号已完成，材料已报送”）。"
    )


def no_waiting_files(policy: Policy) -> str:
    minutes = round(policy.files.pickup_window.total_seconds() / 60)
    return (
        f"“附件：上一个文件”没有找到文件：{minutes} 分钟内您没有私聊发给我文件（或文件已随别的通知发出），通知没有发布。"
        "请先把文件私聊发给我，再发送 /发布；不带附件就删掉“附件：”这一行。"
    )


def publish_files_line(files: Sequence[AttachmentView]) -> str:
    return f"附件（{len(files)}个）：{files_line(files)}，紧随通知发到各群。"


def file_post(notice: NoticeView, file: AttachmentView) -> str:
    """What a file message is called where only text can be shown (the console, the outbox table)."""
    return f"【附件】{notice.number} {file.name}（{human_size(file.size)}）"


def files_detail(files: Sequence[AttachmentView]) -> str:
    lines = [f"附件（{len(files)}个）："]
    lines += [f"· {f.name}（{human_size(f.size)}，sha256 {f.sha256[:12]}…）" for f in files]
    return "\n".join(lines)


def files_attached(notice: NoticeView, files: Sequence[AttachmentView], rooms: int) -> str:
    return f"{notice.number} 已带上附件 {files_line(files)}，发到 {rooms} 个群。"


FILE_RECORD_GONE = "这条文件消息对应的附件记录已不存在"
NO_FILE_STORE = "没有配置附件保存目录（[attachments] dir）"


def file_unreadable(file: AttachmentView, root: str, what: str) -> str:
    """Why a notice's file could not be sent: it is missing from (or damaged in) the data directory."""
    return f"附件《{file.name}》在保存目录 {root} 中{what}（sha256 {file.sha256}），请从备份恢复该目录"
