"""Tests of notice-number parsing and of finding notice references (not dates) in free text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.reading.notice_ref import (
    NoticeRef,
    find_notice_refs,
    fold,
    parse_notice_number,
    separate_spaced_numbers,
    unread_numbers,
)

CHINESE_NUMERALS = [
    ("一", 1),
    ("两", 2),
    ("九", 9),
    ("十", 10),
    ("十二", 12),
    ("二十", 20),
    ("二十三", 23),
    ("两百", 200),
    ("九十九", 99),
    ("一百零五", 105),
    ("一百一十二", 112),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", NoticeRef(12)),
        (" 12 ", NoticeRef(12)),
        ("12号", NoticeRef(12)),
        ("12 号", NoticeRef(12)),
        ("第12号", NoticeRef(12)),
        ("第12", NoticeRef(12)),
        ("１２号", NoticeRef(12)),
        ("十二号", NoticeRef(12)),
        ("十二", NoticeRef(12)),
        ("第二十三号", NoticeRef(23)),
        ("两号", NoticeRef(2)),
        ("12号通知", NoticeRef(12)),
        ("12号督办单", NoticeRef(12)),
        ("督办12号", NoticeRef(12)),
        ("督办〔2026〕12号", NoticeRef(12, 2026)),
        ("督办〔2026〕第12号", NoticeRef(12, 2026)),
        ("〔2026〕12号", NoticeRef(12, 2026)),
        ("〔2026〕12", NoticeRef(12, 2026)),
        ("[2026]12号", NoticeRef(12, 2026)),
        ("［2026］12号", NoticeRef(12, 2026)),
        ("（2026）12号", NoticeRef(12, 2026)),
        ("(2026)12号", NoticeRef(12, 2026)),
        ("【2026】12号", NoticeRef(12, 2026)),
        ("2026年12号", NoticeRef(12, 2026)),
        ("2026年第12号", NoticeRef(12, 2026)),
        ("  督办〔2026〕12号\n", NoticeRef(12, 2026)),
        ("999", NoticeRef(999)),
    ],
)
def test_parse_notice_number(text: str, expected: NoticeRef) -> None:
    assert parse_notice_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "号",
        "第号",
        "0",
        "0号",
        "零号",
        "1000",
        "12月",
        "12日",
        "12号前",
        "12号下午",
        "2026-12",  # reads as a year and month, so refused
        "2026年12",  # the same
        "2026",
        "〔2026〕",
        "12通知",
        "一二号",
        "abc",
        "12.5",
        "#12",
        "12号13号",
    ],
)
def test_parse_notice_number_refuses(text: str) -> None:
    assert parse_notice_number(text) is None


@pytest.mark.parametrize(("numeral", "value"), CHINESE_NUMERALS)
def test_chinese_numerals(numeral: str, value: int) -> None:
    assert parse_notice_number(f"{numeral}号") == NoticeRef(value)
    assert find_notice_refs(f"{numeral}号通知已收到") == [NoticeRef(value)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12号收到", [NoticeRef(12)]),
        ("1号收到", [NoticeRef(1)]),
        ("收到12号", [NoticeRef(12)]),
        ("12号 收到", [NoticeRef(12)]),
        ("１２号收到", [NoticeRef(12)]),
        ("十二号通知已收到", [NoticeRef(12)]),
        ("二十三号收到", [NoticeRef(23)]),
        ("第12号督办单收到", [NoticeRef(12)]),
        ("督办〔2026〕12号已签收", [NoticeRef(12, 2026)]),
        ("〔2026〕12号收到", [NoticeRef(12, 2026)]),
        ("[2026]12号收到", [NoticeRef(12, 2026)]),
        ("（2026）12号收到", [NoticeRef(12, 2026)]),
        ("2026年12号收到", [NoticeRef(12, 2026)]),
        ("已收到督办〔2026〕12号通知", [NoticeRef(12, 2026)]),
        ("12号、13号都收到了", [NoticeRef(12), NoticeRef(13)]),
        ("12、13号都收到了", [NoticeRef(12), NoticeRef(13)]),
        ("12号和13号均已收到", [NoticeRef(12), NoticeRef(13)]),
        ("十二、十三号收到", [NoticeRef(12), NoticeRef(13)]),
        ("关于12号通知的落实情况…", [NoticeRef(12)]),
        ("12号文收到", [NoticeRef(12)]),
        ("12号的落实情况：已完成", [NoticeRef(12)]),
        ("12号已完成", [NoticeRef(12)]),
        ("12号已办结，13号正在推进", [NoticeRef(12), NoticeRef(13)]),
        ("12号已完成，13号申请延期", [NoticeRef(12), NoticeRef(13)]),
        ("12号收到了，13号还没收到", [NoticeRef(12), NoticeRef(13)]),
        ("对于12号通知", [NoticeRef(12)]),
        # in order and without duplicates; a yearless mention of a numbered notice is the same one
        ("13号收到，12号收到，13号已完成", [NoticeRef(13), NoticeRef(12)]),
        ("督办〔2026〕12号，12号收到", [NoticeRef(12, 2026)]),
        ("12号收到，督办〔2026〕13号收到", [NoticeRef(12), NoticeRef(13, 2026)]),
        ("督办〔2025〕12号和督办〔2026〕12号", [NoticeRef(12, 2025), NoticeRef(12, 2026)]),
        # months, days, times and other numbers
        ("18号前完成", []),
        ("12月18号", []),
        ("12月18号收到", []),
        ("十二月十八号", []),
        ("18日前", []),
        ("18号下班前", []),
        ("18号下午", []),
        ("18号之前报送", []),
        ("18号以后", []),
        ("本月18号", []),
        ("下周三（18号）", []),
        ("下周三(18号)收到", []),
        ("星期五18号", []),
        ("今天是18号", []),
        ("延期至15号", []),
        ("申请延期至15号", []),
        ("推迟到20号", []),
        ("截止18号", []),
        ("预计18号完成", []),
        ("已于12号通知各村", []),
        ("不晚于18号", []),
        ("18号18:00前", []),
        ("18号召开会议", []),
        ("已完成80%", []),
        ("3个村", []),
        ("电话13812345678", []),
        ("电话138号码", []),
        ("18:00", []),
        ("2026年", []),
        ("2026年12月", []),
        ("2026-12-18", []),
        ("统一号召", []),
        ("第一时间收到", []),
        ("12号18点前", []),
        ("2026年1月12号收到", []),
        ("3号楼", []),
        ("1000号收到", []),
        ("0号收到", []),
        ("", []),
    ],
)
def test_find_notice_refs(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


def test_notice_ref_defaults_to_no_year() -> None:
    assert NoticeRef(12) == NoticeRef(12, None)
    assert NoticeRef(12) != NoticeRef(12, 2026)


@given(st.text())
def test_find_notice_refs_never_raises(text: str) -> None:
    refs = find_notice_refs(text)
    assert len(refs) == len(set(refs))
    assert all(1 <= ref.seq <= 999 for ref in refs)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=2000, max_value=2099))
def test_formatted_numbers_round_trip(seq: int, year: int) -> None:
    assert parse_notice_number(f"督办〔{year}〕{seq}号") == NoticeRef(seq, year)
    assert parse_notice_number(f"{seq}号") == NoticeRef(seq)
    assert find_notice_refs(f"督办〔{year}〕{seq}号已签收") == [NoticeRef(seq, year)]


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=31))
def test_month_days_are_never_notices(month: int, day: int) -> None:
    assert find_notice_refs(f"{month}月{day}号收到") == []
    assert find_notice_refs(f"请于{day}号前完成") == []


# ---- as people type them: traditional characters, spaces, pointers, corrections -----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8號通知已收到", [NoticeRef(8)]),
        ("8號、9號都已辦結", [NoticeRef(8), NoticeRef(9)]),
        ("8 9都收到了", [NoticeRef(8), NoticeRef(9)]),
        ("41 42号已签收", [NoticeRef(41), NoticeRef(42)]),
        ("九号那个收到了", [NoticeRef(9)]),
        ("33号这个我们办不完", [NoticeRef(33)]),
        ("五号六号两个通知都收到了", [NoticeRef(5), NoticeRef(6)]),
        ("是7号已完成，不是6号", [NoticeRef(7)]),
        # still days of the month, or no notice at all
        ("9号那个时候已经完成了", []),
        ("電話 138 1234 5678", []),
        ("2026 12 18", []),
    ],
)
def test_find_notice_refs_as_typed(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


def test_fold_reads_traditional_characters_as_simplified() -> None:
    assert fold("簽收，已辦結，請查收") == "签收,已办结,请查收"
    assert fold("１２號") == "12号"


def test_fold_cuts_a_run_of_digits_longer_than_any_number() -> None:
    assert fold("1" * 30 + "收到") == "1" * 20 + "收到"  # a paste gone wrong (benchmarks: LONG_TEXTS)
    assert fold("身份证号41272519900101123X") == "身份证号41272519900101123X"  # an ID card's 17 digits stay
    assert fold("１" * 25) == "1" * 20


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # several issues under one 第…期, several numbers right after a receipt word
        ("第12、13期已收到", [NoticeRef(12), NoticeRef(13)]),
        ("第十二期、第十三期收到", [NoticeRef(12), NoticeRef(13)]),
        ("第12和第13期都收到", [NoticeRef(12), NoticeRef(13)]),
        ("收到 31 32", [NoticeRef(31), NoticeRef(32)]),
        ("收到12、13", [NoticeRef(12), NoticeRef(13)]),
        # an issue whose state follows at once
        ("第17期无法按期完成，申请延期3天", [NoticeRef(17)]),
        ("第9期申请延期", [NoticeRef(9)]),
        # look-alikes: still no notice
        ("第3期培训班", []),
        ("第3期需要的材料", []),
        ("第2、3期培训班已结束", []),
        ("收到3、4份材料", []),
        ("收到12、13日的材料", []),
        ("收到12.5", []),
        # two notices counted after them ("两期", "两份"); counts of other things are none
        ("12号13号两期都收到", [NoticeRef(12), NoticeRef(13)]),
        ("12号13号两份已收到", [NoticeRef(12), NoticeRef(13)]),
        ("12号13号两个督办单收到", [NoticeRef(12), NoticeRef(13)]),
        ("12号两个村已完成", []),
        ("12号三期工程已完成", []),
    ],
)
def test_find_notice_refs_lists_and_issues(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a notice named by number and subject, its state after
        ("20号流感疫苗接种工作，我委目前已接种1.2万剂次", [NoticeRef(20)]),
        ("20号流感疫苗接种工作", [NoticeRef(20)]),  # a clause of its own
        ("7号秸秆禁烧工作的进展情况:已完成80%", [NoticeRef(7)]),
        # what is done on a day, a place, a time: no notice
        ("12号开展排查工作", []),
        ("12号召开安全生产工作会议", []),
        ("3号楼改造工作,已完成", []),
        ("12号下午的工作", []),
        ("12号前的工作,已完成", []),
        ("15号全县安全生产工作,要求各单位抓好落实", []),
    ],
)
def test_find_notice_refs_by_number_and_subject(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a notice, who, then the day they acted on it
        ("15号通知我们24号已经报送了", [NoticeRef(15)]),
        ("15号我局24号已报送", [NoticeRef(15)]),
        # both counted together, or a second clause: two notices
        ("12号我们13号都收到了", [NoticeRef(12), NoticeRef(13)]),
        ("12号收到,13号我们也收到了", [NoticeRef(12), NoticeRef(13)]),
        # an issue still being worked on
        ("第15期已整改完毕,第16期整改中", [NoticeRef(15), NoticeRef(16)]),
        ("第3期整改名单", []),
    ],
)
def test_find_notice_refs_who_and_when(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range written with 到
        ("15到17号收到", [NoticeRef(15), NoticeRef(16), NoticeRef(17)]),
        ("15号到17号的通知都收到了", [NoticeRef(15), NoticeRef(16), NoticeRef(17)]),
        # a notice then the day it is put off to, days spanned, a range too long
        ("15号推迟到17号", [NoticeRef(15)]),
        ("15号申请延期到17号", [NoticeRef(15)]),
        ("15号到17号开会", []),
        ("请于15号到17号期间报送", []),
        ("12月15到17号开会", []),
        ("15到30号收到", []),
        ("12号到了", []),
    ],
)
def test_find_notice_refs_ranges_with_dao(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15号进展:12户已完成,3号户正在施工", [NoticeRef(15)]),
        ("12号已召开会议", []),
        ("12号开了会", []),
        ("督办〔2026〕12号已召开会议部署", [NoticeRef(12, 2026)]),
        ("12号已收到", [NoticeRef(12)]),
        ("12号已开展排查", [NoticeRef(12)]),
    ],
)
def test_find_notice_refs_households_and_meetings(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # several issues, listed, run on or as a range
        ("第12至14期已收到", [NoticeRef(12), NoticeRef(13), NoticeRef(14)]),
        ("第十二至十四期收到", [NoticeRef(12), NoticeRef(13), NoticeRef(14)]),
        ("12-14期收到", [NoticeRef(12), NoticeRef(13), NoticeRef(14)]),
        ("12期13期都收到了", [NoticeRef(12), NoticeRef(13)]),
        ("第12期第13期都收到", [NoticeRef(12), NoticeRef(13)]),
        ("12期、13期收到", [NoticeRef(12), NoticeRef(13)]),
        # courses and spans too long: none
        ("第2至3期培训班", []),
        ("12至40期收到", []),
    ],
)
def test_find_notice_refs_several_issues(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中央一号文件精神已传达", []),
        ("省委12号文件收到", []),
        ("市里的3号文件收到", []),
        ("县委12号通知已收到", []),
        ("一号文件收到", [NoticeRef(1)]),
        ("城市12号收到", [NoticeRef(12)]),
    ],
)
def test_find_notice_refs_other_issuers(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the notice a reply is about, and a notice whose work is due later
        ("12号收到 谢谢 13号明天报", [NoticeRef(12), NoticeRef(13)]),
        ("12号收到,关于13号我们明天报", [NoticeRef(12), NoticeRef(13)]),
        ("按照12号要求", [NoticeRef(12)]),
        ("12号下周交", [NoticeRef(12)]),
        # still days
        ("关于12号开会的事", []),
        ("关于12号下午", []),
        ("13号明天开会", []),
        ("截止13号明天报", []),
    ],
)
def test_find_notice_refs_about_and_later(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a longer comma list and + or & between numbers
        ("12，13，14号收到", [NoticeRef(12), NoticeRef(13), NoticeRef(14)]),
        ("12+13号收到", [NoticeRef(12), NoticeRef(13)]),
        ("12&13号收到", [NoticeRef(12), NoticeRef(13)]),
        # two clauses stay two
        ("收到13号，12号还在整改", [NoticeRef(13), NoticeRef(12)]),
        ("12.13号收到", []),
    ],
)
def test_find_notice_refs_more_separators(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Chinese numerals listed before 期: no count read out of the last one ("十三期" is not 十 and 三期)
        ("十二、十三期收到", [NoticeRef(12), NoticeRef(13)]),
        ("12、13两个通知都收到", [NoticeRef(12), NoticeRef(13)]),
        # one Chinese numeral before 期 is a phase, not an issue
        ("二期已完成", []),
        ("三期工程已完成", []),
    ],
)
def test_find_notice_refs_chinese_issue_lists(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a notice, the paper on it (and who), then the day it was handed in
        ("16号的整改报告12号已经交了", [NoticeRef(16)]),
        ("12号的表格15号已经报了", [NoticeRef(12)]),
        ("13号的材料我们12号已经报了", [NoticeRef(13)]),
        ("第13期我们12号已经报送", [NoticeRef(13)]),
        ("21号的整改15号已完成", [NoticeRef(21)]),
        ("12号的工作13号已经完成了", [NoticeRef(12)]),
        ("12号的事13号的事都办完了", [NoticeRef(12), NoticeRef(13)]),
        # two notices' papers counted together, or told in two clauses: both
        ("12号的材料13号的材料都报了", [NoticeRef(12), NoticeRef(13)]),
        ("12号的材料已报,13号收到", [NoticeRef(12), NoticeRef(13)]),
        ("12号材料我们13号都报了", [NoticeRef(12), NoticeRef(13)]),
    ],
)
def test_find_notice_refs_paper_then_day(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an issue named with its paper or its title
        ("第12期材料本月15号已报督查室", [NoticeRef(12)]),
        ("第12期的材料已报", [NoticeRef(12)]),
        ("第35期关于道路隐患排查的通知", [NoticeRef(35)]),
        # phases and courses stay none
        ("第3期的培训已结束", []),
        ("第3期整改名单", []),
        ("第2期工程材料", []),
    ],
)
def test_find_notice_refs_issue_with_paper_or_title(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # financial numerals
        ("拾贰号收到", [NoticeRef(12)]),
        ("第壹佰零伍号收到", [NoticeRef(105)]),
        ("收拾好了", []),
        # a higher issuer's supervision notice; the county's own heads the office's
        ("市里的督办12号收到了", []),
        ("省里督办12收到", []),
        ("县政府督办〔2026〕12号收到", [NoticeRef(12, 2026)]),
        ("县督办12号收到", [NoticeRef(12)]),
    ],
)
def test_find_notice_refs_numerals_and_issuers(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12号已办结,13号同上", [NoticeRef(12), NoticeRef(13)]),
        ("13号同样", [NoticeRef(13)]),
        ("12号（冬季消防）和13号（燃气安全）都收到了", [NoticeRef(12), NoticeRef(13)]),
        # a weekday or a time in brackets is the date's: still a day
        ("12号（周五）前报", []),
        ("12号（下午）开会", []),
    ],
)
def test_find_notice_refs_same_and_bracket_notes(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what was received, named right after the word
        ("收到12号了", [NoticeRef(12)]),
        ("已签收12号", [NoticeRef(12)]),
        ("收到12号,谢谢", [NoticeRef(12)]),
        # the day something was sent, and days said alone, stay days
        ("收到12号发的通知", []),
        ("收到12号下午的通知", []),
        ("都12号了还没报", []),
        ("今天12号了", []),
        # a comma list whose last number has no 号 but the receipt right after it
        ("12，13，14收到", [NoticeRef(12), NoticeRef(13), NoticeRef(14)]),
        ("12，13收到", [NoticeRef(12), NoticeRef(13)]),
        ("3，5个村已完成", []),
    ],
)
def test_find_notice_refs_received_and_comma_lists(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a notice opening the clause, its state told in plain words
        ("12号弄完了", [NoticeRef(12)]),
        ("12号办好了", [NoticeRef(12)]),
        ("12号无此类问题", [NoticeRef(12)]),
        ("12号经排查无相关问题", [NoticeRef(12)]),
        ("12号这周完不成", [NoticeRef(12)]),
        # still days
        ("12号前弄完了就行", []),
        ("12号下午弄完了", []),
    ],
)
def test_find_notice_refs_state_in_plain_words(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 从 before a range of notices that are then said received
        ("从12号到14号都收到了", [NoticeRef(12), NoticeRef(13), NoticeRef(14)]),
        # days spanned from one to another, or a day alone after 从
        ("从12号到14号开展检查", []),
        ("从12号开始检查", []),
    ],
)
def test_find_notice_refs_range_after_cong(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("编号:12,已收到", [NoticeRef(12)]),
        ("编号为12的督办单已收到", [NoticeRef(12)]),
        ("单号12收到", [NoticeRef(12)]),
        # a long work-order number is none
        ("编号12345的工单已办结", []),
    ],
)
def test_find_notice_refs_labelled_numbers(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("那个12号我们已经报了", [NoticeRef(12)]),
        ("这个12号已完成", [NoticeRef(12)]),
        ("那个12号下午开会", []),
    ],
)
def test_find_notice_refs_pointed_at(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare number between the unit's name and the receipt word
        ("城关12收到", [NoticeRef(12)]),
        ("城关镇12、13收到", [NoticeRef(12), NoticeRef(13)]),
        ("【城关镇-12号】收到", [NoticeRef(12)]),
        ("12 received", [NoticeRef(12)]),
        # counts, amounts, times, days and phone numbers stay none
        ("共12收到", []),
        ("资金12万收到", []),
        ("12点收到", []),
        ("今天12收到", []),
        ("联系电话0371-12345678", []),
        ("省里督办12收到", []),
    ],
)
def test_find_notice_refs_after_the_units_name(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("十二期收到", [NoticeRef(12)]),
        ("二十三期已办结", [NoticeRef(23)]),
        # one numeral before 期 is a phase; 十期工程 is works
        ("二期已完成", []),
        ("十期工程已完工", []),
    ],
)
def test_find_notice_refs_chinese_issue_alone(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12城关镇收到", [NoticeRef(12)]),
        ("12城关镇已收到", [NoticeRef(12)]),
        # a count before the units
        ("12个乡镇收到", []),
    ],
)
def test_find_notice_refs_before_the_units_name(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the pinyin and English of 收到 beside a number
        ("12号sd", [NoticeRef(12)]),
        ("12sd", [NoticeRef(12)]),
        ("sd12", [NoticeRef(12)]),
        ("12号shoudao", [NoticeRef(12)]),
        ("收到12号ok", [NoticeRef(12)]),
        ("usd12", []),
        ("sd卡坏了", []),
    ],
)
def test_find_notice_refs_with_pinyin_and_english(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1️⃣2️⃣号收到", [NoticeRef(12)]), ("收到1️⃣2️⃣", [NoticeRef(12)]), ("⑫号收到", [NoticeRef(12)])],
)
def test_find_notice_refs_emoji_digits(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number said to be wrong, before or after it, is none; the corrected one stands
        ("收到,是13号不是12号", [NoticeRef(13)]),
        ("收到13号(不是12号)", [NoticeRef(13)]),
        ("12号写错了,是13号收到", [NoticeRef(13)]),
        ("12号(应为13号)收到", [NoticeRef(13)]),
        ("13号收到(刚才误写为12号)", [NoticeRef(13)]),
        ("刚才的12号应为13号", [NoticeRef(13)]),
        # as before
        ("是12号,不是11号,已收到", [NoticeRef(12)]),
        ("12号不是周五吗", []),
    ],
)
def test_find_notice_refs_corrections(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a numbered place or thing after 第N号 is none
        ("第13号楼已排查", []),
        ("今年第13号台风", []),
        ("第13号点位还在整改", []),
        # the notice with 第 still is
        ("第13号已召开会议部署", [NoticeRef(13)]),
        ("第13号已完成", [NoticeRef(13)]),
    ],
)
def test_find_notice_refs_numbered_things_after_di(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第12期需要延期", [NoticeRef(12)]),
        ("第十二期需要延期", [NoticeRef(12)]),
        ("督办12号无法按期完成", [NoticeRef(12)]),
        # still none
        ("督办12号前报", []),
        ("第3期需要培训", []),
    ],
)
def test_find_notice_refs_more_states(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list right after the receipt word, ending the clause
        ("收到12，13号", [NoticeRef(12), NoticeRef(13)]),
        ("收到12号，13号", [NoticeRef(12), NoticeRef(13)]),
        ("收到12、13期", [NoticeRef(12), NoticeRef(13)]),
        ("收到12号加13号", [NoticeRef(12), NoticeRef(13)]),
        ("12号13号两个通知申请延期", [NoticeRef(12), NoticeRef(13)]),
        # two things said, and days and places, stay apart
        ("收到13号,12号还在整改", [NoticeRef(13), NoticeRef(12)]),
        ("12号加班", []),
    ],
)
def test_find_notice_refs_lists_after_the_receipt_word(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("督办〔2026〕0012号收到", [NoticeRef(12, 2026)]),
        ("0012号收到", [NoticeRef(12)]),
        ("NO.0012收到", [NoticeRef(12)]),
        ("2026号收到", []),
    ],
)
def test_find_notice_refs_zero_padded(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # slips in the number as typed or spoken: 好/浩/hao for 号 before a receipt word, a Chinese ten
        # with an Arabic unit, the spoken 幺 for one
        ("12好收到", [NoticeRef(12)]),
        ("12浩已收到", [NoticeRef(12)]),
        ("12hao收到", [NoticeRef(12)]),
        ("十2号收到", [NoticeRef(12)]),
        ("十2期收到", [NoticeRef(12)]),
        ("二十3期已办结", [NoticeRef(23)]),
        ("幺三号收到", [NoticeRef(13)]),
        ("二六七号收到", [NoticeRef(267)]),  # three numerals read digit by digit (voice input)
        ("二八零号收到了", [NoticeRef(280)]),
        ("三十二号收到", [NoticeRef(32)]),
        # look-alikes: 好 as "good", a count, a time, a place
        ("12好的收到", []),
        ("12好,收到", []),
        ("共12好收到", []),
        ("十2点收到", []),
        ("十2个村已完成", []),
        ("幺三号楼已排查", []),
        ("二六七号楼已排查", []),
    ],
)
def test_find_notice_refs_slips_in_the_number(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 第N期的 with its state; a list joined by 跟 or 与
        ("第二十八期的已上报", [NoticeRef(28)]),
        ("第12期的还在整理", [NoticeRef(12)]),
        ("12跟13收到了", [NoticeRef(12), NoticeRef(13)]),
        ("12与13号都收到", [NoticeRef(12), NoticeRef(13)]),
        ("第3期的培训", []),
        # a notice, then the day its work was done
        ("12号的15号已经报了", [NoticeRef(12)]),
        ("12号的13号的都报了", [NoticeRef(12), NoticeRef(13)]),
        # the day a notice was sent is no notice
        ("28号发的那个通知收到了", []),
        ("28号下发的通知已收到", []),
        ("28号的通知收到了", [NoticeRef(28)]),
        ("李主任发的28号收到", [NoticeRef(28)]),
    ],
)
def test_find_notice_refs_issue_states_and_sending_days(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause opening with a notice and its state: 早就, a full date after it, a bare number
        ("12号早就报了", [NoticeRef(12)]),
        ("12号12月1日已报", [NoticeRef(12)]),
        ("12已报", [NoticeRef(12)]),
        ("12在办", [NoticeRef(12)]),
        ("收到12号 城关镇", [NoticeRef(12)]),
        # days, times and counts stay out
        ("12号早上报", []),
        ("12号早8点前报", []),
        ("12号12点前报", []),
        ("12月12号12月13号", []),
        ("12人已报名", []),
        ("12已报名", []),
    ],
)
def test_find_notice_refs_states_after_a_clause_opening_number(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day a notice was sent by someone, or is due, is no notice
        ("12号群里发的收到", []),
        ("12号督查室发的收到", []),
        ("5号要报的那个已经报了", []),
        # a weekday between is the notice's sending day, not the number's
        ("12号周五发的收到", [NoticeRef(12)]),
        # a second number run on before 就/才 is when it happened; a list written as one stays
        ("4号3号就收到了", [NoticeRef(4)]),
        ("12号13号才收到", [NoticeRef(12)]),
        ("12号13号都收到了", [NoticeRef(12), NoticeRef(13)]),
        ("12号、13号就收到了", [NoticeRef(12), NoticeRef(13)]),
        # the notice itself, whatever follows
        ("12号督查通知收到", [NoticeRef(12)]),
        ("12号督查室已收到", [NoticeRef(12)]),
        ("13号要报什么材料", [NoticeRef(13)]),
        # an issue number in brackets; a course in brackets stays none
        ("收到【第12期】", [NoticeRef(12)]),
        ("(第3期培训班)", []),
    ],
)
def test_find_notice_refs_days_sent_or_due(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the notice a reply was about, pointed at after it ("收到了，是12号那个")
        ("是12号那个", [NoticeRef(12)]),
        ("就是13号的", [NoticeRef(13)]),
        ("说的是12号啊", [NoticeRef(12)]),
        ("是第31期那个", [NoticeRef(31)]),
        # look-alikes: a day or a place after 是 stays none
        ("会议是12号下午", []),
        ("截止是15号前", []),
        ("是12号楼", []),
        # an issue number before its state or the office's requirement
        ("第三期的情况汇报一下", [NoticeRef(3)]),
        ("对照第31期要求", [NoticeRef(31)]),
        ("第3期那个培训班", []),
        ("第二期工程的情况", []),
        # an attachment's number is none
        ("14号附件2收到", [NoticeRef(14)]),
        ("附件3收到", []),
        ("城关12收到", [NoticeRef(12)]),
    ],
)
def test_find_notice_refs_pointed_after_and_attachments(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare number in brackets after a title or the receipt word, before a receipt or state word
        ("冬季消防(12)收到", [NoticeRef(12)]),
        ("关于冬季消防的通知(12)已收到", [NoticeRef(12)]),
        ("收到(12、13)", [NoticeRef(12), NoticeRef(13)]),
        ("[12]收到", [NoticeRef(12)]),
        ("【12】收到", [NoticeRef(12)]),
        # look-alikes: an attachment's, a rule's, a count, people
        ("附件(3)收到", []),
        ("第(3)条已完成", []),
        ("共(3)个", []),
        ("收到(2人)", []),
    ],
)
def test_find_notice_refs_bare_numbers_in_brackets(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ranges of bare numbers before the receipt word, at a clause's start or after the unit's name
        ("105至107收到", [NoticeRef(105), NoticeRef(106), NoticeRef(107)]),
        ("12~14收到", [NoticeRef(12), NoticeRef(13), NoticeRef(14)]),
        ("城关12至14收到", [NoticeRef(12), NoticeRef(13), NoticeRef(14)]),
        # look-alikes: days, a span too long or reversed
        ("3-5个工作日收到", []),
        ("1-2天内收到", []),
        ("12-3收到", []),
        # issue numbers before 均 / 也 and before 完成
        ("第12期、第13期我局均已收到", [NoticeRef(12), NoticeRef(13)]),
        ("105期完成了", [NoticeRef(105)]),
        ("第3期培训班完成了", []),
    ],
)
def test_find_notice_refs_bare_ranges_and_issue_states(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Chinese numerals of two places kept apart by a space list notices
        ("十二 十三号收到", [NoticeRef(12), NoticeRef(13)]),
        ("二十一 二十二号都收到了", [NoticeRef(21), NoticeRef(22)]),
        ("收到 十二 十三期", [NoticeRef(12), NoticeRef(13)]),
        # look-alikes: a one-place numeral after a space, a count
        ("十二 三号收到", []),
        ("三十 人参会", []),
    ],
)
def test_find_notice_refs_spaced_chinese_numerals(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 以 typed for 已 after the notice's number
        ("12号以收到", [NoticeRef(12)]),
        ("13号以完成", [NoticeRef(13)]),
        # look-alikes: 以后 / 以前 after a day
        ("12号以后收到", []),
        ("12号以前报送", []),
    ],
)
def test_find_notice_refs_yi_typed_for_yi(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the office's mark right before a number with 号 names the notice, whatever follows
        ("针对督办13号反映的问题,已整改", [NoticeRef(13)]),
        ("督字13号反映的问题已整改", [NoticeRef(13)]),
        # look-alikes: a day, a building, another issuer's
        ("督办12号前完成", []),
        ("督办13号楼已排查", []),
        ("市里的督办12号收到了", []),
    ],
)
def test_find_notice_refs_after_the_offices_mark(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year and a dash before a number with 号 is the full number
        ("2026-12号收到", [NoticeRef(12, 2026)]),
        ("督办2026-12号收到", [NoticeRef(12, 2026)]),
        # look-alikes: dates
        ("2026-12-05号收到", []),
        ("2026-12月收到", []),
    ],
)
def test_find_notice_refs_year_and_dash(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


def test_parse_notice_number_year_and_dash() -> None:
    assert parse_notice_number("督办2026-12号") == NoticeRef(12, 2026)
    assert parse_notice_number("2026-12") is None  # a year and month


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12号早收到了", [NoticeRef(12)]),
        ("12号早上收到了", []),  # the morning of a day
    ],
)
def test_find_notice_refs_early_received(text: str, expected: list[NoticeRef]) -> None:
    assert find_notice_refs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13/14收到", [13, 14]),
        ("13+14收到", [13, 14]),
        ("13.14号收到", [13, 14]),  # no month 13: two notices
        ("12.13号收到", []),  # December 13th
        ("shoudao 13", [13]),
        ("收到13,14", [13, 14]),
        ("十三十四收到", [13, 14]),  # two numerals with 十 written together
        ("十三十四号收到", [13, 14]),
        ("二十三号收到", [23]),
        ("三十收到", [30]),
    ],
)
def test_find_notice_refs_lists_without_hao(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        ("D13收到", (13,)),
        ("2026-13收到", (13,)),
        ("12.13号收到", (12,)),  # a day, or notices 12 and 13: not placed by guess
        ("收到 13,14", (13, 14)),
        # what is no notice number
        ("1、收到;2、已安排专人负责", ()),  # list markers
        ("关于督办13号:1.已召开专题会;2.已制定方案", ()),
        ("收到,12月20日前报送", ()),
        ("12号收到 下午13:00开会", ()),
        ("有问题打我电话 0391-1234513", ()),
        ("收到,共3个村,涉及5户", ()),
        ("已完成3.5万元", ()),
        ("附件2打不开", ()),
        ("第3条已落实", ()),
        ("G105国道的路灯已修好", ()),
        ("双11快递安全那个收到", ()),
    ],
)
def test_unread_numbers(text: str, unread: tuple[int, ...]) -> None:
    assert unread_numbers(text, ()) == unread


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a report's heading: the number opens the message, alone or after the unit's name, a subject follows
        ("64号信访积案这周还在化解", [64]),
        ("王庄乡66号周报:本周出动巡查人员126人次", [66]),
        ("河口76号完成了", [76]),
        ("80号 教育局检查学校72所", [80]),
        ("2号欠薪:本周排查在建项目14个", [2]),
        # a day and what happens on it, never a heading
        ("15号放假", []),
        ("13号去市里开会", []),
        ("18号下班前", []),
        ("本月15号", []),
        ("截至15号共排查3家", []),
        ("收到,15号楼已排查", []),
    ],
)
def test_find_notice_refs_report_headings(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare number opening a clause, then its state or who does what with it
        ("15还没看到", [15]),
        ("12的我们还在弄", [12]),
        ("12的已经报了", [12]),
        ("13尚未收到", [13]),
        # look-alikes: a count, an amount, a time, a number inside a clause
        ("3个还没看到", []),
        ("12点还没到", []),
        ("12万的还在走程序", []),
        ("共15还没看到", []),
        ("我们12的还在弄", []),
    ],
)
def test_find_notice_refs_bare_number_before_its_state(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the 期 of 延期 (推迟 …) is no issue number: the number after it is the notice
        ("上次申请延期的74号已经报了", [74]),
        ("上次延期的75号已经完成了", [75]),
        # look-alikes: a notice, then the day its work was done, stays a day
        ("12号的15号已经报了", [12]),
        ("12号的材料15号已经报了", [12]),
        ("16号的整改报告12号已经交了", [16]),
        ("延期到15号", []),
    ],
)
def test_find_notice_refs_after_a_word_ending_in_qi(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        # lengths and cases counted are no notice numbers
        ("道路硬化2.6公里", ()),
        ("全县报告中暑病例7例", ()),
        # look-alikes: a number alone still may be one
        ("2收到", (2,)),
        ("7 已报", (7,)),
    ],
)
def test_unread_numbers_skip_lengths_and_cases(text: str, unread: tuple[int, ...]) -> None:
    assert unread_numbers(text, ()) == unread


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a notice opening a report on its progress, the work left, a hotline or a quarter after it
        ("58号12月份进度:集聚区重点项目完成投资9.8亿元", [58]),
        ("37号我们街道还有5户没拆除", [37]),
        ("61号12345热线工单本月办结率98.6%", [61]),
        ("6号一季度开复工的数据要等统计局月报出来", [6]),
        # look-alikes: days, times and what happens on them
        ("15号上午汇报进度", []),
        ("15号1730前报", []),
        ("15号一早就去了", []),
        ("截至15号还有5户", []),
        ("12号12点开会", []),
    ],
)
def test_find_notice_refs_progress_headings_and_work_left(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a notice's paper named after the number, right after it was sent in
        ("1月12日17时前已报送7号办理情况", [7]),
        ("已上报12号的材料", [12]),
        # bare numbers, then their paper, then its state
        ("13和14的反馈已经报送", [13, 14]),
        # look-alikes: counts, days and months after the verb
        ("报送3个村的材料", []),
        ("已上报12号前完成的情况", []),
        ("已报送12月份的情况", []),
        ("上报12个村的材料已经报送", []),
        ("12点的会已经开了", []),
    ],
)
def test_find_notice_refs_paper_sent_in(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the unit's own share of a notice, a point of it, a short year, 两会 and a count after the number
        ("12号我们局配合的那部分", [12]),
        ("18号我们负责的城区12条背街小巷已全部整治到位", [18]),
        ("119号我局剩下的那件积案", [119]),
        ("40号第3条说的种粮补贴面积", [40]),
        ("26年的119号积案", [119]),
        ("8号两会精神学习情况:", [8]),
        ("38号7个开工了", [38]),
        ("29号我们这边恐怕要延后几天", [29]),
        ("118号我乡今年一季度无火情", [118]),
        # look-alikes: days of the month, with a time, an errand or a count in a month
        ("12号我们开会", []),
        ("12号两点开会", []),
        ("12号3个月", []),
        ("12号我们去市里", []),
        ("在26年的12月", []),
        ("在25年的3号那天", []),
        ("12号2个村开会了", []),
        ("12号5个人值班了", []),
        ("119号剩下的那件积案", [119]),
        ("12号第3条", []),
    ],
)
def test_find_notice_refs_own_share_points_and_short_years(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


def test_a_short_year_is_read_as_the_full_one() -> None:
    assert [(ref.seq, ref.year) for ref in find_notice_refs("26年的119号积案")] == [(119, 2026)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("共查处违规野外用火14起", ()),
        ("已完工21公里，在建15公里", ()),
        ("拆除违章广告牌20块", ()),
        ("收到，24小时内反馈", ()),
        ("收到 14", (14,)),
    ],
)
def test_counts_of_cases_are_no_stray_numbers(text: str, expected: tuple[int, ...]) -> None:
    assert unread_numbers(text, ()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no month has a 32nd day: a number past 31 opening a clause is a notice, whatever time word follows
        ("133号本周巡查没发现火点", [133]),
        ("不好意思，127号我们晚两天报", [127]),
        ("98号今天把最后2户的补偿款发下去了", [98]),
        # look-alikes: a day of the month, an address, a numbered building or yard, a day named before it
        ("13号本周巡查没发现火点", []),
        ("人民路132号今天开会", []),
        ("133号楼今天停水", []),
        ("132号院明天检查", []),
        ("下周一32号", []),
    ],
)
def test_a_number_past_31_opening_a_clause_is_no_day(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 另外/此外/还有 open a clause about the notice they name; 这/那 point at one no day can be
        ("另外372号前期的台账已经交了", [372]),
        ("此外415号的前期材料已经报了", [415]),
        ("我们这431号赶不上了", [431]),
        # look-alikes: a day with a plan, a day before 前, a numbered building, a day after 这
        ("另外12号我们去市里开会", []),
        ("还有15号前要报的", []),
        ("这3号楼已排查", []),
        ("这12号我们去市里开会", []),
    ],
)
def test_a_notice_after_another_or_this(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # digits typed a space apart: one number where a notice's number stands, when no list could be meant
        ("收到 7 0 8", [708]),
        ("6 4 0 号的台账已交", [640]),
        ("收到 6 4 0 、6 4 1", [640, 641]),
        ("收到 1 2 3", [1, 2, 3]),  # rising, no 0: a list
        ("3 0 0 个村已完成", []),  # a count
        # days late right after a number: the notice's state, not a day's evening
        ("31号晚两天", [31]),
        ("31号晚上报", []),
        # a point of a notice, then its state
        ("27号第3条我们不涉及", [27]),
        ("27号第2项已完成", [27]),
        ("12号第3条新闻", []),
    ],
)
def test_spaced_digits_days_late_and_a_points_state(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English 都 or an OK sign before the receipt word (spaces are gone by the time a reply is read)
        ("905、906bothreceived", [905, 906]),
        ("905ok收到", [905]),
        ("12点ok收到", []),
        # a numeral and 年 after a day-sized number: years counted, no time of day
        ("12号五年规划中期评估", [12]),
        ("12号三点开会", []),
        ("12号三年级学生返校", []),
        # the paper on a notice sent in, its subject up to eight characters
        ("请于3月20日前报送905号防汛物资清查表", [905]),
        ("请各单位3月25日前报送46号安全生产自查报告", [46]),
        ("请于3月20日前报送", []),
    ],
)
def test_what_the_blind_set_dev44_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # numbers joined by & before the receipt word
        ("905&906received", [905, 906]),
        ("905&906收到", [905, 906]),
        # a unit's share of a notice past any day, said of by others ("东关街道的131号他们说…")
        ("河口镇的905号他们说已经报了", [905]),
        ("河口镇的5号他们说已经报了", []),  # a day, may be
        # a case closed after a day-sized number
        ("23号我们那件案子结了", [23]),
        ("23号我们那件案子", []),
    ],
)
def test_what_the_blind_set_dev45_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        # a road's code or a kilometre post names a place, no notice
        ("905 收到，G207 K55+300处的塌方已经清完了", (905,)),
        ("S312沿线已巡查", ()),
        ("D13收到", (13,)),  # a slip, still asked about
    ],
)
def test_road_codes_are_no_unread_numbers(text: str, unread: tuple[int, ...]) -> None:
    assert unread_numbers(text, ()) == unread


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a notice in Chinese numerals past any day opening a clause, its state after (以 typed for 已)
        ("五十号以报", [50]),
        ("五十二号收到。五十号以报", [52, 50]),
        ("五号以报", []),  # a day, may be
        ("十五号以报", []),
    ],
)
def test_what_the_blind_set_dev47_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


def test_traditional_characters_of_dev47_fold() -> None:
    assert fold("收悉 石橋 積案") == "收悉 石桥 积案"


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        # counts of land parcels (宗) and distances in English (km) are no notices
        ("42号的45宗地块核查已完成", ()),
        ("60 km农村公路巡查done", ()),
        ("60km农村公路巡查done", ()),
        ("42号的45块地核查已完成", ()),
        ("42号和45已完成", (45,)),  # a bare number beside a notice: asked
        ("收到 60 kmh", (60,)),  # no measure: asked
    ],
)
def test_what_the_blind_set_dev47_taught_of_unread_numbers(text: str, unread: tuple[int, ...]) -> None:
    read = {ref.seq for ref in find_notice_refs(text)}
    assert unread_numbers(text, read) == unread


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another body's numbered document: 省厅, 市局 (市场监管局 is a bureau's name, the office's notice stands)
        ("省厅23号文收到了", []),
        ("市局905号文收到了", []),
        ("省厅的23号文收到了", []),
        ("市场监管局905号收到", [905]),
        # notices, then who holds them and 均已 before the receipt word
        ("400、401我局均已收到", [400, 401]),
        ("400、401我局均已完成", [400, 401]),
        ("400、401我局", []),
        # a notice in English, its state still going
        ("19stilldrafting", [19]),
        ("19stilldrafting,20received", [19, 20]),
        ("19 days", []),
        # who knows of it, after the notice: 晓得了 / 知道了
        ("25号我们晓得了", [25]),
        ("25号我们开会", []),
        # nothing of it found here: a nil report on the notice
        ("13号我们这边没有拖欠工资的", [13]),
        ("13号我们这边", []),
    ],
)
def test_what_the_blind_set_dev48_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        # a number said to have been sent or typed by mistake is no notice to ask about
        ("425号收到。(刚才错发成424了,更正一下)", ()),
        ("425号收到,打成424了", ()),
        ("425号收到,424发了", (424,)),
    ],
)
def test_what_the_blind_set_dev48_taught_of_unread_numbers(text: str, unread: tuple[int, ...]) -> None:
    read = {ref.seq for ref in find_notice_refs(text)}
    assert unread_numbers(text, read) == unread


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市防指〔2042〕15号文件收到了", []),  # a city body's numbering (dev50)
        ("省应急厅〔2042〕3号收到", []),
        ("城市管理局〔2042〕3号收到", []),
        ("督办〔2042〕15号收到", [15]),
        ("县督办〔2042〕15号收到", [15]),
        ("〔2042〕15号收到", [15]),
        ("收到〔2042〕15号", [15]),
        ("市防指〔2042〕15号收到，督办〔2042〕16号也收到", [16]),
        # a number opening a clause, then the work finished soon after: the notice (a day is followed by no such state)
        ("29号我们昨天29户都走访完了", [29]),
        ("15号我们检查完了", [15]),
        ("29号我们去走访", []),
        ("15号前检查完了", []),
    ],
)
def test_what_the_blind_set_dev50_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        # a digit right after 米 is the measure's decimal ("28米3": 28.3 metres), no notice to ask about
        ("河口水位现在涨到28米3，离警戒还有半米", ()),
        ("水位涨到28米 3", (3,)),
        ("泵车抽了3", (3,)),
    ],
)
def test_what_the_blind_set_dev50_taught_of_unread_numbers(text: str, unread: tuple[int, ...]) -> None:
    assert unread_numbers(text, set()) == unread


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a notice's progress asked to be sent in: the number after 报送 is the notice's, not a day
        ("请各单位于10月25日前报送724号图斑核查进展", [724]),
        ("请于12月16日前报送806号燃气自查进度", [806]),
        ("请于25号报送进展", []),
        ("于12号报送进度", []),
        ("请于10月25号前报送进展", []),
        ("请于25号前报送724号的进展情况", [724]),
    ],
)
def test_what_the_blind_set_dev51_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a case of the notice after its number (第1件, as 第3条), then its state: the number is the notice's, the case none
        ("863号第1件建议已答复代表", [863]),
        ("12号第1件我们不涉及", [12]),
        ("12号第1件", []),
        # a number past any day after a word turning to another matter opens its clause; a numbered place stays none
        ("不过838号那3个图斑还有两个没核完", [838]),
        ("不过838号楼还有两户", []),
        # English shorthand for received after the number
        ("806号rcvd", [806]),
        ("806 rcvd", [806]),
    ],
)
def test_what_the_blind_set_dev52_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "spaced"),
    [
        # a notice's number before a count is no list with it; two numbers, or a day before a count, still are
        ("863 5件建议提案", "863 5件建议提案"),
        ("863 5 件", "863 5 件"),
        ("863 12户", "863 12户"),
        ("收到 863 864", "收到 863、864"),
        ("12 13个村", "12、13个村"),
    ],
)
def test_what_the_blind_set_dev52_taught_of_spaced_numbers(text: str, spaced: str) -> None:
    assert separate_spaced_numbers(text) == spaced


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("春耕補貼資金省裡已撥付到位", "春耕补贴资金省里已拨付到位"),
        ("已答復代表,代表表示滿意", "已答复代表,代表表示满意"),
        (
            "李華 孫立 順延 諒解 畢業 煩請 獨立 秸稈 離開 畝 崗 農 億",
            "李华 孙立 顺延 谅解 毕业 烦请 独立 秸秆 离开 亩 岗 农 亿",
        ),
    ],
)
def test_what_the_blind_set_dev52_taught_of_traditional_characters(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        # about so many metres or households (800来米, 800多米) is a measure, no notice to ask about; 800 alone is
        ("挖机今天进场了 清了800来米", ()),
        ("清了800多米", ()),
        ("共800来户", ()),
        ("800来了", (800,)),
    ],
)
def test_what_the_blind_set_dev52_taught_of_unread_numbers(text: str, unread: tuple[int, ...]) -> None:
    assert unread_numbers(text, set()) == unread


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number after a colon is read as after any break; a date or a time after one is none
        ("代科长回复：3号已报送", [3]),
        ("3号第四周:全乡无新增", [3]),
        ("截止时间：15号", []),
        ("12:30收到", []),
        # an issue named with its paper
        ("第21期值班表已于2月8日报送", [21]),
        ("第3期培训班已开班", []),
        ("2月8日值班表已报送", []),
    ],
)
def test_what_the_blind_set_dev53_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an apology opens the clause the notice's number starts
        ("不好意思815号我们要晚两天", [815]),
        ("抱歉815号的台账明天交", [815]),
        ("对不起，815号还在弄", [815]),
        # … a day after it stays a day
        ("不好意思下周三我们要晚两天", []),
        ("抱歉5月15号才能交", []),
    ],
)
def test_what_the_blind_set_dev54_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        # truckloads counted are no notice; a bare number after a receipt stays one that may be
        ("清运垃圾35车", ()),
        ("今天拉走渣土12车", ()),
        ("收到 35", (35,)),
    ],
)
def test_what_the_blind_set_dev54_taught_of_numbers_second_part(text: str, unread: tuple[int, ...]) -> None:
    assert unread_numbers(text, ()) == unread


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # digits typed a space apart are one number unless each is one more than the one before (a list)
        ("收到 2 4 7", [247]),
        ("1 5 9 号 收到", [159]),
        ("收到 1 6 3 、1 7 8", [163, 178]),
        ("收到 4 5 6", [4, 5, 6]),
        ("3 5 7 个村已完成", []),
    ],
)
def test_what_the_blind_set_dev55_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # digits typed a space apart that cannot list notices, opening a clause after one ended by a particle, are one
        # number and open a clause of their own
        ("收到 3 1 7 了 3 1 9 还 没 看 到", "收到 317 了 \n319 还 没 看 到"),
        ("收到 5 0 2 啦 5 0 6 也 报 了", "收到 502 啦 \n506 也 报 了"),
        # look-alikes that do not change: a list counting up, a count after the digits, no particle before them
        ("收到了 4 5 6 也收到", "收到了 4、5、6 也收到"),
        ("今天 走访 了 3 5 8 户", "今天 走访 了 3、5、8 户"),
        ("今天 走访 了 3 5 8 多 户", "今天 走访 了 3、5、8 多 户"),
        ("收到 1 2 3", "收到 1、2、3"),
        ("明天 3 5 8 再说", "明天 3、5、8 再说"),
    ],
)
def test_what_the_blind_set_dev56_taught_of_numbers(text: str, expected: str) -> None:
    assert separate_spaced_numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a deputy's motion or a member's proposal numbered with 第 is no notice
        ("我局承办的第5号建议需会同住建局办理", []),
        ("第12号提案已答复", []),
        # look-alikes that do not change: a notice on motions named by its full number or without 第, a notice's paper
        ("督办〔2032〕535号建议提案办理情况", [535]),
        ("768号建议提案办理有2件", [768]),
        ("第31号督办单收到", [31]),
        ("第13号楼已排查", []),
    ],
)
def test_what_the_blind_set_dev57_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 另 alone turns to another notice, as 另外 does
        ("另412号绿化补植已完成", [412]),
        ("另外412号绿化补植已完成", [412]),
        ("另12号开会", []),
        ("另412号楼已完工", []),
        ("另15号前报送", []),
        # the day a report is of, in brackets heading it, before the notice's number
        ("【9月21日】401号周报：本周巡山142人次", [401]),
        ("【9月21日】12号开会", []),
        ("9月21日401号周报", []),
        # an issue of two digits or more with its paper's subject, then its state
        ("第475期项目审批材料已报送", [475]),
        ("第12期培训班材料已报送", []),
        ("第二期项目审批材料已报送", []),
        ("第3期项目审批材料已报送", []),
        ("第475期项目审批材料有问题", []),
    ],
)
def test_what_the_blind_set_dev58_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 督办单 (or 督办通知单) right before the number, as 督办 alone, also before a colon
        ("督办单501：收到", [501]),
        ("督办单505：地灾隐患点排查已完成", [505]),
        ("督办通知单521：核查已完成1162个", [521]),
        ("#督办单509# 收到", [509]),
        ("督办单12月5日前报送", []),  # a date
        ("督办单3天内报送", []),
        ("督办单12:30收到", []),  # a time
        ("督办单〔2051〕501号收到", [501]),
        ("督查单501：收到", [501]),
    ],
)
def test_what_the_blind_set_dev59_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number past any day, pointed at as the unit's own
        ("我们的617号昨天下午就交了的嘛", [617]),
        ("咱们的640号还在弄", [640]),
        ("我们的12号昨天交了", []),  # may be a day
        ("他们的617号交了", []),
    ],
)
def test_what_the_blind_set_dev60_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a closing particle after the number received ("收到897滴～国庆前报": 滴, 哒 as 哈)
        ("收到897号滴", [897]),
        ("收到897号哒", [897]),
        ("收到897号哈", [897]),
        ("收到897号", [897]),
        ("收到第3批滴灌带", []),  # a batch of goods, no notice
    ],
)
def test_what_the_blind_set_dev62_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a notice named by its order number, 第N单 (never a building's unit, a unit, a price, a receipt slip)
        ("第170单收到~", [170]),
        ("第101单的排查结果：全乡山塘4座", [101]),
        ("第一百零一单收到", [101]),
        ("第2单元收到", []),
        ("第3单位已收到", []),
        ("第2单价格已报", []),
        ("第3单据已交", []),
    ],
)
def test_what_the_blind_set_dev64_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pest's survey after the number is no numbered line ("234号线虫普查"; "2号线" stays a line)
        ("234号线虫普查 已调查松林面积3.4万亩", [234]),
        ("234号线已开通", []),
        ("2号线已开通", []),
        # a notice's kind before 通知 after its number ("补充通知", "紧急通知"); other papers stay what they were
        ("确认收到241、215号补充通知。", [241, 215]),
        ("已收到241号补充通知", [241]),
        ("已收到12号补充材料", []),
    ],
)
def test_what_the_blind_set_dev65_taught_of_numbers(text: str, expected: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == expected


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        # a letter typed for a look-alike digit in a notice's number: the number it may be is left to ask about
        ("52l号收到", (52, 521)),
        ("5o3号已完成", (5, 503)),
        ("i21期收到", (121,)),
        ("521号收到", ()),
        ("no13号收到", ()),
    ],
)
def test_what_the_blind_set_dev66_taught_of_numbers(text: str, unread: tuple[int, ...]) -> None:
    assert unread_numbers(text, ()) == unread


@pytest.mark.parametrize(
    ("text", "refs", "unread"),
    [
        # the old 廿 (20) and 卅 (30) are not read, and 五号 is not taken out of 廿五号: the bot asks
        ("廿五号收到", [], (25, 5)),
        ("卅号已完成", [], (30,)),
        ("五号收到", [5], ()),
        ("二十五号收到", [25], ()),
    ],
)
def test_what_the_blind_set_dev69_taught_of_numbers(
    text: str, refs: list[int], unread: tuple[int, ...]
) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == refs
    assert unread_numbers(text, refs) == unread


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        # a message's day and hour heading it, then the notice's number (without the hour the day may still date it)
        ("8月3日 16:40 215号 全乡排查已完成", [215]),
        ("8月3日 215号楼已排查", []),
        # a motion's own number (第N号提案) after the notice's: the notice's stays; the motion alone names none
        ("214号第12号提案的答复要等代表回来", [214]),
        ("第12号提案的答复已办结", []),
        ("214号第12号", [214, 12]),
    ],
)
def test_what_the_blind_set_dev72_taught_of_numbers(text: str, refs: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == refs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the right number given bare after a slip, the slipped one then told of: no list of the two
        ("收到407 不对 是408 407前天就回过了", "收到407 不对 是408号 407前天就回过了"),
        ("不对 应为408 407还在弄", "不对 应为408号 407还在弄"),
        # a second right number, or numbers with no slip, stay a list
        ("收到407 不对 是408 409", "收到407 不对 是408、409"),
        ("收到 407 408 都在弄", "收到 407、408 都在弄"),
    ],
)
def test_what_the_blind_set_dev75_taught_of_numbers(text: str, expected: str) -> None:
    assert separate_spaced_numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        # only the unit's name before a number past any day, opening the clause: the notice (in Chinese numerals too)
        ("柳林乡608号本周巡查十二次", [608]),
        ("柳林乡六零八号本周巡查十二次", [608]),
        # … not a day, a road's house number or a building
        ("柳林乡12号本周巡查十二次", []),
        ("北路608号本周巡查", []),
        ("柳林乡608号楼本周巡查", []),
    ],
)
def test_what_the_blind_set_dev77_taught_of_numbers(text: str, refs: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == refs


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        # a county body right before a number its document word follows: that body's numbering
        ("县人社局2号文件也收到了", []),
        ("县人社局〔2073〕2号文件收到", []),
        # … not the unit signing before the office's number, nor a body set apart by a colon
        ("县林业局12号收到", [12]),
        ("县人社局：12号文件收到", [12]),
    ],
)
def test_what_the_blind_set_dev79_taught_of_numbers(text: str, refs: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == refs


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        # a count in English words run on is no notice that might be meant
        ("123: plan drafted, 8 checkpoints set up", ()),
        ("138: parking and traffic control plan done, 120 staff arranged", ()),
        ("需要 8 more", (8,)),
    ],
)
def test_what_the_blind_set_dev80_taught_of_numbers(text: str, unread: tuple[int, ...]) -> None:
    assert unread_numbers(text, ()) == unread


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        # a day written month/day after an English till or by is no notice that might be meant
        ("248: need till 8/15", ()),
        ("need till 8/15 for the remaining bridges", ()),
        # … not numbers slashed apart elsewhere
        ("收到13/14", (13, 14)),
        ("248 需 8/15 前", (248, 8, 15)),
    ],
)
def test_what_the_blind_set_dev81_taught_of_numbers(text: str, unread: tuple[int, ...]) -> None:
    assert unread_numbers(text, ()) == unread
