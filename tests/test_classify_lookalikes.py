"""Table-driven tests of the rules added for the replies.dev5 set: replies that look like receipts,
delay requests or notice numbers but are not, beside the true ones each rule must still read."""

from __future__ import annotations

import pytest

from handlers.actions.liaison import read_for_unit
from handlers.reading.classify import classify
from handlers.reading.notice_ref import find_notice_refs
from handlers.reading.units import UnitNames


def intents(text: str) -> list[str]:
    return classify(text).intent_list()


# ---- receipts of something else, of an earlier notice, or told to others -----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a thing other than the notice named before the receipt word
        ("快递收到了", []),
        ("包裹已经收到了，谢谢", []),
        ("款已收到", []),
        ("发票收到了", []),
        ("通知收到了", ["receipt"]),
        ("督办单已收到", ["receipt"]),
        # a thing other than the notice after it, and the work then done on that thing
        ("刚收到一个电话，在处理", []),
        ("收到县里转来的函，正在办", []),
        ("收到群众来信，已在核实", []),
        ("收到，正在办", ["receipt"]),  # in hand, nothing reported yet (as 收到，正在落实)
        ("收到督查室的通知", ["receipt"]),
        ("收到督查室12月1日的通知", ["receipt"]),
        # an earlier notice received, said alone
        ("上次的早就收到了", []),
        ("上一期的收到了", []),
        ("上个月的督办单收到了，这次的还没见", []),
        ("上次的和这次的都收到了", ["receipt"]),
        # telling others to reply
        ("你们回一下收到", []),
        ("收到，大家回复一下", []),
        ("收到，谢谢大家", ["receipt"]),
        # someone else: one colleague, a meeting's notice, material sent up by the villages
        ("他已经收到了", []),
        ("其他的都收到了", ["receipt"]),
        ("收到会议通知了", []),
        ("收到，会认真落实", ["receipt"]),
        ("收到材料了，是各村交上来的", []),
        ("收到，材料是村里报上来的，已汇总上报", ["receipt", "feedback"]),
        # the office's own message named is no order to others
        ("你们发的通知收到了", ["receipt"]),
        ("收到，你们12号发的那个我们已经报了", ["receipt", "feedback"]),
        ("你们收到后回复", []),
        ("请你们尽快完成", []),
        # a receipt planned or due
        ("去签收", []),
        ("需签收", []),
        ("正在签收", []),
        ("今天上午收到了", ["receipt"]),
        ("已经回过收到了", ["receipt"]),
        # which of two is asked, without a question mark
        ("是回收到还是回签收", []),
        ("是报纸质的还是电子的", []),
    ],
)
def test_receipt_lookalikes(text: str, expected: list[str]) -> None:
    assert intents(text) == expected, text


# ---- delays of others, of other things, in general, or still to be asked -----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会议推迟到周五了", []),
        ("原定的培训延期了", []),
        ("检查组推迟了一天", []),
        ("评审会推到下周了，报告只能下周三以后报", ["delay"]),  # the meeting's delay makes the report's
        ("我们可能会晚几天", ["delay"]),  # 可能会: no meeting
        ("这种情况可以申请延期吗", []),
        ("一般可以宽限几天吗", []),
        ("我们这个可以申请延期吗", ["delay"]),
        ("估计要延期，到时候再申请", []),
        ("估计要延期", ["delay"]),
        ("之前申请过延期，这次按时交", []),
        ("因人手不足，申请延期", ["delay"]),
        ("前两次都延期了，这次一定按时", []),
        ("原本打算申请延期，现在不用了", []),
        ("原来的时限太紧，申请延期三天", ["delay"]),  # 原来的: the deadline, not a past plan
        ("因前几次检查发现问题较多，申请延期", ["delay"]),
        ("延期还是不延期，等通知", []),
        ("能延几天吗", ["delay"]),
        ("数据没汇总完，想再推两天", ["delay"]),
        ("材料只能下周一以后交", ["delay"]),
        ("工程已经按期完成", ["feedback"]),
        ("在处理别的事，晚点看", []),
        ("时限能否延长是谁定的", []),
        ("我们申请的延期批了没", []),  # an earlier request's status
        ("延期已经批了，谢谢", []),
        ("感谢同意延期", []),
        ("恳请批准延期", ["delay"]),
        ("能否同意延期", ["delay"]),
        ("发票已交财务", []),  # the unit's own back office, no report
        ("材料已交给督查室", ["feedback"]),
    ],
)
def test_delay_lookalikes(text: str, expected: list[str]) -> None:
    assert intents(text) == expected, text


# ---- notice numbers in odd forms -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("14号已办结，15号仍在推进", [14, 15]),
        ("15号仍未完成", [15]),
        ("第12期我们上周就报了", [12]),
        ("第3期我们组织了培训", []),  # no state soon after: a series of something else
        ("12号楼已整改", []),
        ("3号院门口已清理", []),
        ("40号路面硬化已完成", [40]),  # 路面 is the work, not a place numbered 40
        ("第3点还在落实", []),
        ("3个村已完成", []),
        ("有事打12345", []),
        ("放在3楼302室", []),
        ("12月3日前完成", []),
        ("12号截止的那个已报", []),  # the day it is due
        ("13号会上已部署", []),  # the day of a meeting
        ("13号会议室见", []),
        ("13号已报送", [13]),
    ],
)
def test_notice_numbers_in_odd_forms(text: str, refs: list[int]) -> None:
    assert [ref.seq for ref in find_notice_refs(text)] == refs, text


# ---- speaking for another unit --------------------------------------------------------------

OWN = UnitNames(1, "城关镇", ("城关",))
ROSTER = [OWN, UnitNames(2, "河口镇", ("河口",)), UnitNames(3, "柳林乡", ("柳林",))]


@pytest.mark.parametrize(
    ("text", "expected", "others"),
    [
        ("代河口镇回复：收到", [], ("河口镇",)),
        ("帮河口镇回一下，收到", [], ("河口镇",)),
        ("河口镇的同志让我转告：收到", [], ("河口镇",)),
        ("代河口镇回复：收到。城关镇也收到了", ["receipt"], ()),  # then its own unit, by name
        ("城关镇联络员请假，我代回：收到", ["receipt"], ()),  # for its own unit
        ("收到，已转河口镇", ["receipt"], ()),  # no one spoken for
    ],
)
def test_speaking_for_another_unit(text: str, expected: list[str], others: tuple[str, ...]) -> None:
    reading = read_for_unit(text, OWN, ROSTER)
    assert (reading.whole.intent_list(), reading.about_others) == (expected, others), text


FINANCE = UnitNames(4, "县财政局", ("财政局",))
STONE_BRIDGE = UnitNames(5, "石桥镇", ("石桥",))
AGRICULTURE = UnitNames(6, "县农业农村局", ("农业农村局",))
COUNTY = [
    *ROSTER,
    FINANCE,
    STONE_BRIDGE,
    AGRICULTURE,
    UnitNames(7, "县产业集聚区管委会", ("集聚区",)),
]


@pytest.mark.parametrize(
    ("text", "own", "expected", "others"),
    [
        # money paid to another unit is the payer's own work (dev47)
        ("301号第一批配套资金1260万元已于9月6日拨付到县农业农村局账户", FINANCE, ["feedback"], ()),
        ("资金已拨付给农业农村局了", FINANCE, ["feedback"], ()),
        ("564号第二批资金已拨付至集聚区专户", FINANCE, ["feedback"], ()),  # (dev49)
        ("农业农村局的资金已经到账", FINANCE, [], ()),  # … not money the other unit told of
        ("县农业农村局已拨付到位", FINANCE, [], ("县农业农村局",)),  # the other unit did it
        # a signature in traditional characters is the sender's own (dev47)
        ("收悉 石橋", STONE_BRIDGE, ["receipt"], ()),
        ("收悉 石桥", STONE_BRIDGE, ["receipt"], ()),
        ("收悉 河口", STONE_BRIDGE, [], ()),  # another unit's name is no signature: not recorded
        # a clause saying the same of another notice says it of the same unit (dev51's 764 也 ok)
        ("河口镇12号收到，13号也是", OWN, [], ("河口镇",)),
        ("河口镇 762 received，764 也 ok", OWN, [], ("河口镇",)),
        ("代河口镇回复：12号收到，13号也是", OWN, [], ("河口镇",)),
        ("12号收到，13号也是", OWN, ["receipt"], ()),  # the sender's own, both
        ("河口镇12号收到，我们13号收到了", OWN, ["receipt"], ()),  # then its own, by word
    ],
)
def test_whose_work_and_whose_signature(
    text: str, own: UnitNames, expected: list[str], others: tuple[str, ...]
) -> None:
    reading = read_for_unit(text, own, COUNTY)
    assert (reading.whole.intent_list(), reading.about_others) == (expected, others), text


HOUSING = UnitNames(8, "县住房和城乡建设局", ("住建局",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the unit then a person's name, 马 in it, is the sender's signature (dev69, dev74: 住建局老马)
        ("收到 住建局老马", ["receipt"]),
        ("收到 住建局 老马", ["receipt"]),
        ("收到 住建局小马哥", ["receipt"]),
        ("314收到 住建局老马", ["receipt"]),
        # … but no name starts with 马 (马上) and none holds 收, 已 …: those words are read
        ("收到 住建局 马上", ["receipt"]),
        ("住建局 刚收到", ["receipt"]),
        ("住建局 马上报", []),
    ],
)
def test_a_signed_name_may_hold_ma(text: str, expected: list[str]) -> None:
    reading = read_for_unit(text, HOUSING, [*COUNTY, HOUSING])
    assert reading.whole.intent_list() == expected, text


@pytest.mark.parametrize(
    ("text", "own", "expected", "others"),
    [
        # the other unit the work went to names no one who acted: the sender's own report (dev63, dev70, dev73, dev79)
        ("12号已经报到应急局了哈", OWN, ["feedback"], ()),
        ("12号 已经 报 财政局 审核 了", AGRICULTURE, ["feedback"], ()),
        ("12号已提供给财政局", OWN, ["feedback"], ()),
        ("已于3月13日反馈财政局，共核实地块27个", OWN, ["feedback"], ()),
        # … but a unit named before the deed is the one that acted
        ("河口镇已经报到财政局了", OWN, [], ("河口镇",)),
        ("12号河口镇已经报到财政局了", OWN, [], ("河口镇",)),
    ],
)
def test_whom_the_work_went_to(
    text: str, own: UnitNames, expected: list[str], others: tuple[str, ...]
) -> None:
    reading = read_for_unit(text, own, COUNTY)
    assert (reading.whole.intent_list(), reading.about_others) == (expected, others), text
