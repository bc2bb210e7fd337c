"""The desk's words for stored values: audit details, actors, subjects and message addresses in Chinese."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.web.words import (
    OUTBOX_KIND_LABELS,
    OUTBOX_STATUS_LABELS,
    Names,
    address,
    describe,
    period,
    subject,
    who,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
NAMES = Names(
    units={1: "城关镇", 2: "县财政局", 3: "县发展和改革委员会"},
    people={"wxid_zhang": "张三", "wxid_office": "王主任"},
    rooms={"room_main@chatroom": "县督查工作群"},
    assignments={7: "城关镇"},
    notices={4: "督办〔2026〕1号", 5: "督办〔2026〕2号"},
)


def test_a_published_notice_reads_as_title_units_and_local_deadlines() -> None:
    detail = {
        "title": "关于开展冬季安全生产大检查的通知",
        "units": [1, 2, 3],
        "receipt_due": "2026-11-30T10:57:31+00:00",
        "feedback_due": None,
    }
    assert describe(detail, NAMES, SHANGHAI) == (
        "标题：《关于开展冬季安全生产大检查的通知》；单位：城关镇、县财政局、县发展和改革委员会；"
        "签收时限：2026-11-30 18:57"
    )


def test_internal_references_give_way_to_the_unit_and_nothing_raw_is_left() -> None:
    receipt = describe({"assignment_id": 7, "message_id": "1796036902339000003"}, NAMES, SHANGHAI)
    assert receipt == "单位：城关镇"
    extended = describe({"due": "2026-12-10T09:30:00+00:00", "units": "all"}, NAMES, SHANGHAI)
    assert extended == "单位：全部；新时限：2026-12-10 17:30"
    excused = describe({"units": [2], "reason": "抗洪抢险"}, NAMES, SHANGHAI)
    assert excused == "单位：县财政局；原因：抗洪抢险"
    revoked = describe(
        {"previous": "confirmed", "reason": "经核实已电话签收", "rectify_until": None}, NAMES, SHANGHAI
    )
    assert revoked == "原为：已确认；原因：经核实已电话签收"
    closed = describe({"previous": "open", "reason": ""}, NAMES, SHANGHAI)
    assert closed == "原为：办理中"
    proposed = describe(
        {"unit_id": 2, "kind": "书面检查", "basis": "receipt", "notices": [4, 5], "follows_id": None},
        NAMES,
        SHANGHAI,
    )
    assert (
        proposed
        == "单位：县财政局；种类：书面检查；依据：连续两次未按时签收通知；涉及：督办〔2026〕1号、督办〔2026〕2号"
    )
    undone = describe(
        {
            "assignment_id": 7,
            "previous": "2026-11-30T02:00:00+00:00",
            "previous_by": "wxid_zhang",
            "note": "误记",
        },
        NAMES,
        SHANGHAI,
    )
    assert undone == "单位：城关镇；原为：2026-11-30 10:00；原签收人：张三；说明：误记"
    feedback_undone = describe({"kind": "progress", "text": "已完成一半", "feedback_id": 3}, NAMES, SHANGHAI)
    assert feedback_undone == "种类：进展；内容：已完成一半"
    renamed = describe({"topic": {"from": "旧群", "to": "县督查工作群"}}, NAMES, SHANGHAI)
    assert renamed == "群名：旧群 → 县督查工作群"
    members = describe({"members": {"added": ["wxid_zhang"], "removed": []}}, NAMES, SHANGHAI)
    assert members == "成员：增加 张三"
    assert describe({"role": "viewer"}, NAMES, SHANGHAI) == "角色：只读"
    assert describe({"message_id": "x"}, NAMES, SHANGHAI) == ""
    for text in (receipt, extended, excused, revoked, proposed, undone):
        assert "{" not in text and "_" not in text and '"' not in text


def test_actors_and_subjects_are_named() -> None:
    assert who("wxid_zhang", NAMES) == "张三"
    assert who("网页:alice", NAMES) == "网页:alice"
    assert who("duban", NAMES) == "机器人"
    assert who("cli", NAMES) == "服务器命令"
    assert who("wxid_stranger", NAMES) == "wxid_stranger"  # unknown: the id is all there is
    assert subject("督办〔2026〕1号", NAMES) == "督办〔2026〕1号"
    assert subject("flag:3", NAMES) == "处理建议 #3"
    assert subject("review:2", NAMES) == "待核第 2 条"
    assert subject("person:wxid_office", NAMES) == "王主任"
    assert subject("room:room_main@chatroom", NAMES) == "县督查工作群"
    assert subject("unit:城关镇", NAMES) == "城关镇"
    assert subject("web:leader", NAMES) == "网页账号 leader"


def test_messages_go_to_named_rooms_and_people() -> None:
    assert address("room_main@chatroom", None, NAMES) == "县督查工作群"
    assert address(None, "wxid_office", NAMES) == "王主任（私聊）"
    assert address("room_gone@chatroom", None, NAMES) == "room_gone@chatroom"  # unknown: fall back to the id
    assert OUTBOX_STATUS_LABELS["sent"] == "已发送"
    assert OUTBOX_STATUS_LABELS["pending"] == "待发送"
    assert OUTBOX_STATUS_LABELS["failed"] == "发送失败"
    assert OUTBOX_KIND_LABELS["notice"] == "督办通知"


def test_statistics_periods_read_as_people_say_them() -> None:
    assert period("2026-03") == "2026年3月"
    assert period("2026Q4") == "2026年第4季度"
    assert period("2026") == "2026年"
