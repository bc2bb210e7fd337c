"""Every Chinese text the bot shows people, in one place."""

from __future__ import annotations

from collections.abc import Sequence

from handlers.context import Policy
from storage.directory import UnitView
from storage.notices import AssignmentView, NoticeView

STATUS_NAMES = {"open": "办理中", "closed": "已销号", "withdrawn": "已撤回"}
FEEDBACK_KINDS = {"progress": "进展", "done": "办结", "delay": "延期说明"}


def units_line(names: Sequence[str]) -> str:
    return "、".join(names) if names else "无"


def notice_post(policy: Policy, notice: NoticeView, unit_names: Sequence[str]) -> str:
    lines = [
        f"【督办通知单】{notice.number}",
        f"事项：{notice.title}",
        f"承办单位：{units_line(unit_names)}",
        f"签收时限：{policy.show(notice.receipt_due)}前",
    ]
    if notice.feedback_due is not None:
        lines.append(f"反馈时限：{policy.show(notice.feedback_due)}前报送落实情况")
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
        f"签收时限：{policy.show(notice.receipt_due)}",
        f"反馈时限：{policy.show(notice.feedback_due)}",
    ]
    if rooms:
        lines.append("已发送到：" + "；".join(f"{topic}（@{count}人）" for topic, count in rooms))
    if unreached:
        lines.append(
            f"注意：{units_line(unreached)} 没有已绑定且在群内的联络员，未能通知到，请另行通知或用 /绑定 绑定联络员。"
        )
    return "\n".join(lines)


def withdrawn_post(notice: NoticeView, reason: str) -> str:
    text = f"【通知撤回】{notice.number}《{notice.title}》已撤回，无需签收和反馈。"
    return text + (f"\n原因：{reason}" if reason else "")


def extended_post(
    policy: Policy, notice: NoticeView, field: str, when_text: str, unit_names: Sequence[str] | None
) -> str:
    label = "签收时限" if field == "receipt" else "反馈时限"
    who = f"（{units_line(unit_names)}）" if unit_names else ""
    return f"【时限调整】{notice.number}《{notice.title}》{who}{label}调整为 {when_text}。"


def reminder(
    policy: Policy, notice: NoticeView, receipt_owed: Sequence[str], feedback_owed: Sequence[str]
) -> str:
    lines = [f"【催办】{notice.number}《{notice.title}》"]
    if receipt_owed:
        lines.append(
            f"尚未签收：{units_line(receipt_owed)}，请在群内回复“{notice.seq}号收到”（签收时限 {policy.show(notice.receipt_due)}）。"
        )
    if feedback_owed:
        lines.append(
            f"尚未反馈落实情况：{units_line(feedback_owed)}（反馈时限 {policy.show(notice.feedback_due)}）。"
        )
    return "\n".join(lines)


def receipt_state(policy: Policy, a: AssignmentView, now_status: str) -> str:
    if a.excused:
        return f"免责（{a.excuse_reason or ''}）"
    if a.received_at is None:
        return "已逾期未签收" if now_status == "missed" else "未签收"
    late = "（逾期）" if now_status == "late" else ""
    return f"{policy.show(a.received_at)} 签收{late}"


def notice_detail(
    policy: Policy, notice: NoticeView, rows: Sequence[tuple[AssignmentView, str, str]], names: dict[str, str]
) -> str:
    """One notice: who received when, who has not, and the feedback; rows carry (assignment, receipt, feedback status)."""
    received = sum(1 for a, _, _ in rows if a.received_at is not None)
    lines = [
        f"{notice.number}《{notice.title}》［{STATUS_NAMES.get(notice.status, notice.status)}］",
        f"下发：{policy.show(notice.issued_at)}；签收时限：{policy.show(notice.receipt_due)}；反馈时限：{policy.show(notice.feedback_due)}",
        f"签收 {received}/{len(rows)}：",
    ]
    for a, receipt_status, feedback_status in rows:
        by = f"（{names.get(a.receipt_by, a.receipt_by)}）" if a.receipt_by else ""
        lines.append(
            f"· {a.unit_name}：{receipt_state(policy, a, receipt_status)}{by}｜反馈：{FEEDBACK_STATUS.get(feedback_status, feedback_status)}"
        )
        for entry in a.feedback:
            lines.append(f"    {policy.show(entry.at)} {FEEDBACK_KINDS[entry.kind]}：{entry.text}")
    return "\n".join(lines)


FEEDBACK_STATUS = {
    "none": "无需反馈",
    "pending": "未反馈",
    "on_time": "已按时反馈",
    "late": "逾期反馈",
    "missed": "逾期未反馈",
    "excused": "免责",
}


def open_list(policy: Policy, items: Sequence[tuple[NoticeView, int, int, int, int]]) -> str:
    """All open notices: (notice, received, total, fed back, feedback expected)."""
    if not items:
        return "目前没有办理中的督办通知。"
    lines = [f"办理中的督办通知（{len(items)}份）："]
    for notice, received, total, fed, expected in items:
        feedback = f"｜反馈 {fed}/{expected}" if notice.feedback_due is not None else ""
        lines.append(
            f"· {notice.number}《{notice.title}》签收 {received}/{total}{feedback}｜签收时限 {policy.show(notice.receipt_due)}"
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


def ask_which_notice(policy: Policy, name: str, quoted: str, candidates: Sequence[NoticeView]) -> str:
    options = "；".join(f"{n.seq}号《{n.title}》" for n in candidates)
    example = candidates[0].seq if candidates else 12
    return (
        f"{name}，您的回复“{quoted}”对应哪一份通知？请注明编号再回复一次，如“{example}号收到”或“{example}号已完成”。"
        + (f"\n目前待办：{options}" if options else "")
    )


def unknown_notice(ref_text: str) -> str:
    return f"没有找到{ref_text}的督办通知，请核对编号（如 12、12号 或 督办〔2026〕12号）。"


def refuse_command() -> str:
    return "您好，督办助手的命令仅限县政府督查室工作人员使用。如需签收通知，请在群内直接回复“收到”。"


def private_hint_office() -> str:
    return "您好，我是督办助手。发送“/帮助”查看可用命令。"


def unbound_hint(
    person_id: str, shown_name: str, room_topic: str | None, text: str, unit_guess: str | None
) -> str:
    where = f"群“{room_topic}”中" if room_topic else "私聊中"
    unit = unit_guess or "<单位>"
    return (
        f"{where}的“{shown_name}”（微信号 {person_id}）回复了“{text[:40]}”，但尚未绑定承办单位，本次不计入签收或反馈。\n"
        f"如其为联络员，请在群里发送：/绑定 {unit} @{shown_name}\n或私聊发送：/绑定 {unit} {person_id}"
    )


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
