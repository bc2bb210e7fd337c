"""Replies as people actually type or dictate them: traditional characters, dialect, unpunctuated speech,
numbered lists, spaces between parts, and the rules added for them (see handlers.reading.classify)."""

from __future__ import annotations

import pytest

from handlers.reading.classify import classify, part_texts, parts, read_clauses, summarise


def _read(text: str) -> tuple[list[str], str | None]:
    reading = classify(text)
    return reading.intent_list(), reading.feedback_kind


# ---- traditional characters read as simplified -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intents", "notice"),
    [
        ("已簽收", ["receipt"], None),
        ("7號收到了", ["receipt"], 7),
        ("6號、7號均已辦結", ["feedback"], 6),
        ("總結報告已報送", ["feedback"], None),
        ("今天報不了", ["delay"], None),
        ("可否寬限兩天", ["delay"], None),
        ("還沒收到", [], None),
    ],
)
def test_traditional_characters(text: str, intents: list[str], notice: int | None) -> None:
    reading = classify(text)
    assert reading.intent_list() == intents, text
    assert (reading.refs[0].seq if reading.refs else None) == notice, text


# ---- receipts in speech and dialect ------------------------------------------------------------

SPOKEN_RECEIPTS = [
    "已经收着了",  # northern 收着 = 收到
    "收到咧",
    "收到哩",
    "收到喽",
    "收到，thx",
    "收到该文件了",
    "收到这份材料了我们马上研究",
    # the notice as topic before the verb: after 了 comes a new sentence
    "那个文件我们已经收到了回头再研究",
    "这个收到了昨晚停电没看手机",
    # forwarded on to its own villages, schools or communities
    "已下发至各社区",
    "已转发给各中小学",
    # a receipt and a problem in one breath: the question is about the problem
    "收到了附件打不开能不能重新发一份",
    "收到了但是压缩包解不开怎么办",
    "文件收到了可是表格是乱码",
]

NOT_SPOKEN_RECEIPTS = [
    "收着了吗",
    "你先收着",
    "收到了刚才群众的举报",
    "收到材料的单位请回复",
    "收到该文件后请立即落实",
    "收到这份通知的请说一声",
    "收到附件打不开了吗",
    "收到了吗附件打不开",
    "你们收到了吗附件打不开",
    "请转发各村",
    "是否已转发各村",
]


@pytest.mark.parametrize("text", SPOKEN_RECEIPTS)
def test_spoken_receipt(text: str) -> None:
    assert "receipt" in classify(text).intents, text


@pytest.mark.parametrize("text", NOT_SPOKEN_RECEIPTS)
def test_not_a_spoken_receipt(text: str) -> None:
    assert "receipt" not in classify(text).intents, text


def test_a_receipt_with_a_problem_reports_the_problem() -> None:
    assert classify("收到了附件打不开能不能重新发一份").problem


def test_a_person_assigned_is_the_receipt_in_hand() -> None:
    assert _read("收到，已安排专人对接") == (["receipt"], None)


# ---- feedback ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("搞掂了", "done"),
        ("都整好了", "done"),
        ("数据汇总好了", "done"),
        ("已盖章报送", "done"),
        ("方案已按时报送", "done"),
        ("已汇总上报", "done"),
        ("报给你们了", "done"),
        ("正在核对呢", "progress"),
        ("表填了一半", "progress"),
        ("已收集到八份", "progress"),
        ("差不多了", "progress"),
        ("今天走访农户30户", "progress"),
        ("完成隐患整改12处，占总任务的40%", "progress"),
        ("更新到70%了今天能完", "progress"),
        ("更正：刚才说错了，7号已完成", "done"),
    ],
)
def test_more_feedback(text: str, kind: str) -> None:
    assert _read(text) == (["feedback"], kind), text


@pytest.mark.parametrize(
    "text",
    ["时间差不多了，请抓紧", "今天检查组要来", "争取下周完成80%", "你们完成了呢", "报给你们了吗"],
)
def test_not_more_feedback(text: str) -> None:
    assert "feedback" not in classify(text).intents, text


# ---- delay -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "赶不及了",
        "这周整不完",
        "材料赶不出来",
        "要晚一两天",
        "需要delay两天",
        "今天报不了了明天上午吧",
        "可以后天再交吗",
        "能否下周再报",
        "材料明早给可以吗",
        "因书记出差，材料无法签批",
    ],
)
def test_more_delays(text: str) -> None:
    assert "delay" in classify(text).intents, text


@pytest.mark.parametrize(
    "text",
    ["能不能明天给我回个电话", "明天给我回电可以吗", "是不是来不及了吧", "不会delay", "材料可以明天交"],
)
def test_not_more_delays(text: str) -> None:
    assert "delay" not in classify(text).intents, text


# ---- lists and spaces --------------------------------------------------------------------------


def _parts(text: str) -> list[tuple[list[str], list[int]]]:
    readings = [summarise(group) for group in parts(read_clauses(text))]
    return [(reading.intent_list(), [ref.seq for ref in reading.refs]) for reading in readings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a numbered list: its markers are no decimals or notice numbers
        ("1. 31号已签收 2. 32号已报送", [(["receipt"], [31]), (["feedback"], [32])]),
        ("1.通知收到 2.附件打不开", [(["receipt"], [])]),
        # a space after what is said of one notice, before the next one's number, ends a clause
        ("31号已签收 32号的材料明天才能报", [(["receipt"], [31]), (["delay"], [32])]),
        # numbers kept apart by a space are a list
        ("31 32都收到了", [(["receipt"], [31, 32])]),
        ("31号 32号都收到了", [(["receipt"], [31, 32])]),
    ],
)
def test_lists_and_spaces(text: str, expected: list[tuple[list[str], list[int]]]) -> None:
    assert _parts(text) == expected, text


def test_a_lone_number_with_a_stop_is_no_list() -> None:
    assert [ref.seq for ref in classify("5.收到").refs] == []
    assert classify("1.5万元已拨付").intent_list() == ["feedback"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1. 41号已签收；2. 42号已报送", ["41号已签收", "42号已报送"]),
        ("41号已签收 42号的表下周才能交", ["41号已签收", "42号的表下周才能交"]),
    ],
)
def test_each_part_keeps_its_own_words(text: str, words: list[str]) -> None:
    assert part_texts(text, len(parts(read_clauses(text)))) == words
