"""A notice named by its subject only ("冬季消防那个收到了"): the one whose title holds it, if only one does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from handlers.actions.liaison import Item, decide
from handlers.reading.classify import classify, title_fits
from storage.notices import AssignmentView, NoticeView

T0 = datetime(2026, 12, 1, 1, 0, tzinfo=UTC)
TITLES = {12: "关于开展冬季消防安全检查的通知", 13: "关于做好燃气安全专项整治工作的通知", 14: "秸秆禁烧督办"}


def item(seq: int, title: str) -> Item:
    notice = NoticeView(
        id=seq,
        year=2026,
        seq=seq,
        number=f"督办〔2026〕{seq}号",
        title=title,
        body="",
        issued_by="office",
        issued_at=T0 + timedelta(hours=seq),
        receipt_due=T0 + timedelta(days=1),
        feedback_due=T0 + timedelta(days=5),
        status="open",
    )
    assignment = AssignmentView(
        id=100 + seq,
        notice_id=seq,
        unit_id=1,
        unit_name="城关镇",
        receipt_due=notice.receipt_due,
        feedback_due=notice.feedback_due,
        received_at=None,
        receipt_by=None,
        excused=False,
        excuse_reason=None,
        feedback=(),
    )
    return notice, assignment


ITEMS = [item(seq, title) for seq, title in TITLES.items()]


@pytest.mark.parametrize(
    ("text", "receipt", "feedback"),
    [
        ("冬季消防那个通知收到了", [12], []),
        ("收到《关于开展冬季消防安全检查的通知》", [12], []),
        ("关于燃气安全专项整治的通知已收到", [13], []),
        ("秸秆禁烧的督办单已收到", [14], []),
        ("燃气安全那个已经办结了", [], [13]),
        # a subject no title holds, or none at all: as before, the latest owed
        ("关于汛期安全排查的通知收到了", [14], []),
        ("那个通知我们收到了", [14], []),
        ("今天发的那个收到了", [14], []),
        # a number named wins over the subject
        ("冬季消防那个13号收到了", [13], []),
    ],
)
def test_a_notice_named_by_its_subject(text: str, receipt: list[int], feedback: list[int]) -> None:
    targets = decide(classify(text), None, ITEMS)
    assert [n.seq for n, _ in targets.receipt] == receipt
    assert [n.seq for n, _ in targets.feedback] == feedback


def test_a_subject_in_two_titles_names_neither() -> None:
    items = [item(12, "关于开展冬季消防安全检查的通知"), item(13, "关于冬季消防设施维护的通知")]
    targets = decide(classify("冬季消防那个收到了"), None, items)
    assert [n.seq for n, _ in targets.receipt] == [13]  # the latest owed, as for a reply naming none


def test_a_quoted_notice_wins_over_the_subject() -> None:
    targets = decide(classify("冬季消防那个收到了"), 13, ITEMS)
    assert [n.seq for n, _ in targets.receipt] == [13]


@pytest.mark.parametrize(
    ("subject", "title", "fits"),
    [
        ("冬季消防安全检查", "关于开展冬季消防安全检查的通知", True),
        ("燃气安全", "关于做好燃气安全专项整治工作的通知", True),
        ("消防", "关于开展冬季消防安全检查的通知", False),  # too little to pick by
        ("汛期安全排查", "关于开展冬季消防安全检查的通知", False),
    ],
)
def test_title_fits(subject: str, title: str, fits: bool) -> None:
    assert title_fits(subject, title) is fits


# A number that may name one of the unit's notices but was not read as a notice number: the bot asks which
# notice, never records on the latest one owed (a receipt on the wrong notice hides a lapse).


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("D13收到", [13]),
        ("2026-13收到", [13]),
        ("收到 13,14", [13, 14]),  # 13 is read, 14 is not: ask about both
        ("13，14，收到。", [13, 14]),
    ],
)
def test_an_unread_number_of_an_open_notice_is_asked_about(text: str, asked: list[int]) -> None:
    targets = decide(classify(text), None, ITEMS)
    assert targets.receipt == () and targets.feedback == ()
    assert targets.ask is not None and [n.seq for n in targets.ask] == asked


@pytest.mark.parametrize(
    "text",
    [
        "37l号收到",  # a letter typed for a digit: 371? 37? none of the unit's, and still no guess
        "1o号已收到",
        "廿三号收到",  # the old 廿: 23 or 3? neither is open, and still no guess
        "卅号收到了",
    ],
)
def test_a_number_that_cannot_be_read_for_sure_is_asked_about_whatever_is_open(text: str) -> None:
    targets = decide(classify(text), None, ITEMS)
    assert targets.receipt == () and targets.feedback == ()
    assert targets.ask is not None and [n.seq for n in targets.ask] == [12, 13, 14]  # every notice owed


@pytest.mark.parametrize(
    ("text", "receipt"),
    [
        ("收到，共3个村已部署", [14]),  # a count: the latest owed, as for any reply naming none
        ("D99收到", [14]),  # not one of the unit's notices: nothing to confuse
        ("13号收到，13:00开会部署", [13]),
        ("13/14收到", [13, 14]),  # read as a list
        ("13号收到，附件是tl1.doc", [13]),  # letters beside digits that are no notice's number
    ],
)
def test_numbers_that_name_no_notice_of_the_unit_change_nothing(text: str, receipt: list[int]) -> None:
    targets = decide(classify(text), None, ITEMS)
    assert targets.ask is None
    assert [n.seq for n, _ in targets.receipt] == receipt
