"""Table-driven tests of the office command grammar."""

from __future__ import annotations

import pytest

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
    is_command,
    parse_command,
)

MENTION = "@督办助手\u2005"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/查询", True),
        ("／查询", True),
        ("  /查询", True),
        (f"{MENTION}/发布 标题", True),
        ("@督办助手 @张三 ／催办 12", True),
        ("/吃饭", True),
        ("收到", False),
        ("请各单位收到后回复 /", False),
        ("", False),
        ("@督办助手 收到", False),
    ],
)
def test_is_command(text: str, expected: bool) -> None:
    assert is_command(text) is expected


PUBLISH_FULL = """/发布 关于报送2026年重点工作进展情况的通知
单位：城关镇、财政局，发改委
签收时限：今天17:00
反馈时限：12月5日17:30
正文：请各单位对照任务清单，
认真梳理进展情况。"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            PUBLISH_FULL,
            Publish(
                title="关于报送2026年重点工作进展情况的通知",
                units=("城关镇", "财政局", "发改委"),
                receipt_due="今天17:00",
                feedback_due="12月5日17:30",
                body="请各单位对照任务清单，\n认真梳理进展情况。",
            ),
        ),
        (
            "/发布 通知\n单位：全部",
            Publish(title="通知", units=None, receipt_due=None, feedback_due=None, body=""),
        ),
        (  # fields in any order, body as the remaining lines, full-width slash and colons
            "／发布　防汛检查\n反馈时限：明天\n第一段\n承办单位：城关镇；城东乡 城西镇\n\n第二段\n",
            Publish(
                title="防汛检查",
                units=("城关镇", "城东乡", "城西镇"),
                receipt_due=None,
                feedback_due="明天",
                body="第一段\n\n第二段",
            ),
        ),
        (  # title as a field line, ASCII colons, unit-list aliases
            "/发布\n标题: 安全生产\n单位 : 所有单位\n签收时间:2小时内\n内容:请落实",
            Publish(title="安全生产", units=None, receipt_due="2小时内", feedback_due=None, body="请落实"),
        ),
        (
            "/发布 标题：安全生产\n单位：全体",
            Publish(title="安全生产", units=None, receipt_due=None, feedback_due=None, body=""),
        ),
        (  # everything on the first line
            "/发布 安全生产 单位：全部 反馈时限：明天 正文：请落实",
            Publish(title="安全生产", units=None, receipt_due=None, feedback_due="明天", body="请落实"),
        ),
        (  # 正文 alone on a line, the text below; a unit list continued after a trailing separator
            "/发布 T\n单位：城关镇、\n财政局\n正文\n第一行\n第二行",
            Publish(
                title="T",
                units=("城关镇", "财政局"),
                receipt_due=None,
                feedback_due=None,
                body="第一行\n第二行",
            ),
        ),
        (  # a body line with a colon that is not a field label stays body
            "/发布 T\n单位：全部\n正文：一、总体要求：按时完成\n联系人：张三",
            Publish(
                title="T",
                units=None,
                receipt_due=None,
                feedback_due=None,
                body="一、总体要求：按时完成\n联系人：张三",
            ),
        ),
        (
            f"{MENTION}/发布 T\n单位：城关镇、城关镇",
            Publish(title="T", units=("城关镇",), receipt_due=None, feedback_due=None, body=""),
        ),
        ("/查询", Query(number=None)),
        ("/查询 12", Query(number="12")),
        ("/查询：督办〔2026〕12号", Query(number="督办〔2026〕12号")),
        (f"{MENTION}/查询 12", Query(number="12")),
        ("/催办 12", Remind(numbers=("12",))),
        ("/催办12", Remind(numbers=("12",))),
        ("／催办　 12 ", Remind(numbers=("12",))),
        ("/销号 督办〔2026〕12号", Close(numbers=("督办〔2026〕12号",))),
        ("/撤回 12", Withdraw(numbers=("12",), reason="")),
        ("/撤回 12 原因：重复下发", Withdraw(numbers=("12",), reason="重复下发")),
        ("/撤回 12\n理由：重复下发", Withdraw(numbers=("12",), reason="重复下发")),
        ("/撤回 12 重复下发", Withdraw(numbers=("12",), reason="重复下发")),
        ("/延期 12 反馈时限：12月10日", Extend(number="12", field="feedback", when="12月10日", units=None)),
        ("/延期 12 签收时限：明天12:00", Extend(number="12", field="receipt", when="明天12:00", units=None)),
        (
            "/延期 12 反馈时限：12月10日 单位：城关镇、财政局",
            Extend(number="12", field="feedback", when="12月10日", units=("城关镇", "财政局")),
        ),
        (
            "/延期 12\n单位：城关镇\n反馈时间：12月10日 下午5点",
            Extend(number="12", field="feedback", when="12月10日 下午5点", units=("城关镇",)),
        ),
        (
            "/延期 12 签收时限:明天 单位:全部",
            Extend(number="12", field="receipt", when="明天", units=None),
        ),
        (
            "/免责 12 单位：城关镇 原因：防汛抢险",
            Excuse(number="12", units=("城关镇",), reason="防汛抢险"),
        ),
        (
            "/免责 12\n原因：停电，系统无法登录\n单位：城关镇、城东乡",
            Excuse(number="12", units=("城关镇", "城东乡"), reason="停电，系统无法登录"),
        ),
        ("/绑定 城关镇 @张三\u2005", Bind(unit="城关镇", targets=("张三",))),
        ("/绑定 城关镇 @张三\u2005@李四\u2005", Bind(unit="城关镇", targets=("张三", "李四"))),
        ("/绑定 城关镇 @张三 @李四 @张三", Bind(unit="城关镇", targets=("张三", "李四"))),
        ("/绑定 城关镇@张三", Bind(unit="城关镇", targets=("张三",))),
        ("/绑定 财政局 wxid_abc123", Bind(unit="财政局", targets=("wxid_abc123",))),
        ("/绑定 财政局 王五", Bind(unit="财政局", targets=("王五",))),
        ("/解绑 @张三\u2005", Unbind(targets=("张三",))),
        ("/解绑 wxid_abc123 王五", Unbind(targets=("wxid_abc123", "王五"))),
        ("/单位", Units()),
        ("/帮助", Help(topic=None)),
        ("/help", Help(topic=None)),
        ("/HELP", Help(topic=None)),
        ("/?", Help(topic=None)),
        ("/？", Help(topic=None)),
        ("/帮助 发布", Help(topic="发布")),
        ("/帮助 /延期", Help(topic="延期")),
        ("/help 免责", Help(topic="免责")),
        ("/帮助 help", Help(topic="帮助")),
        ("/处理", Decide("list")),
        ("/处理 确认 3", Decide("confirm", flag_id=3)),
        ("/处理 3 同意", Decide("confirm", flag_id=3)),
        ("/处理 撤销 #3 原因：误判", Decide("revoke", flag_id=3, reason="误判")),
        ("/处理 3 驳回\n原因：已说明", Decide("revoke", flag_id=3, reason="已说明")),
        (
            "/处理 登记 城关镇 媒体曝光 原因：整改不到位",
            Decide("record", unit="城关镇", kind="媒体曝光", reason="整改不到位"),
        ),
        (
            "/处理 登记 城关镇 媒体曝光 确认 原因：整改不到位",
            Decide("record", unit="城关镇", kind="媒体曝光", reason="整改不到位", confirmed=True),
        ),
        (
            "/处理 登记 城关镇 通报批评 原因：整改不到位 确认",
            Decide("record", unit="城关镇", kind="通报批评", reason="整改不到位", confirmed=True),
        ),
        ("/处理 确认 3 整改期限：2027年1月31日", Decide("confirm", flag_id=3, until="2027年1月31日")),
        ("/撤回 8-12", Withdraw(numbers=("8", "9", "10", "11", "12"), reason="")),
        ("/撤回 8～10 原因：重复", Withdraw(numbers=("8", "9", "10"), reason="重复")),
        ("/销号 3、5、7", Close(numbers=("3", "5", "7"))),
        ("/销号 3,5 确认", Close(numbers=("3", "5"), confirmed=True)),
        ("/催办 全部", Remind(numbers=None)),
        ("/催办 3 5", Remind(numbers=("3", "5"))),
        ("、查询 3", Query(number="3")),
        ("\\查询 3", Query(number="3")),
        ("/恢复 12", Reopen(number="12")),
        (
            "/签收 12 单位：城关镇、财政局 时间：今天上午9点 原因：电话签收",
            RecordReceipt("12", ("城关镇", "财政局"), "今天上午9点", "电话签收"),
        ),
        ("/补签 12 单位：城关镇 原因：电话签收", RecordReceipt("12", ("城关镇",), None, "电话签收")),
        (
            "/反馈 12 单位：城关镇 类型：办结 内容：已全部整改",
            RecordFeedback("12", "城关镇", None, "done", "已全部整改"),
        ),
        (
            "/反馈 12 单位：城关镇 时间：昨天下午3点\n内容：已报送书面材料",
            RecordFeedback("12", "城关镇", "昨天下午3点", "progress", "已报送书面材料"),
        ),
        ("/撤销签收 12 单位：城关镇 原因：误记", Undo("receipt", "12", ("城关镇",), "误记")),
        ("/撤销反馈 12 单位：财政局 原因：发错群", Undo("feedback", "12", ("财政局",), "发错群")),
        ("/待核", Review()),
        ("/待核 忽略 4", Review(ignore=4)),
        ("/发布 T\n单位：城关镇\n确认发布", Publish("T", ("城关镇",), None, None, "", confirmed=True)),
        ("/表彰审核 城关镇", VetoCheck(unit="城关镇", year=None)),
        ("/表彰审核 城关镇 2026", VetoCheck(unit="城关镇", year="2026")),
        ("/表彰审核 城关镇 2026年", VetoCheck(unit="城关镇", year="2026")),
        ("/表彰审核 城关镇 ２０２６", VetoCheck(unit="城关镇", year="2026")),
    ],
)
def test_parses(text: str, expected: Command) -> None:
    assert parse_command(text) == expected


@pytest.mark.parametrize(
    ("text", "command", "fragment"),
    [
        ("/发布", "发布", "没有写标题"),
        ("/发布 \n单位：全部", "发布", "没有写标题"),
        ("/发布\n标题：\n单位：全部", "发布", "没有写标题"),
        ("/发布 标题\n正文：内容", "发布", "没有写承办单位"),
        ("/发布 标题\n单位：", "发布", "后面没有写单位"),
        ("/发布 标题\n单位：、，", "发布", "后面没有写单位"),
        ("/发布 标题\n单位：全部、城关镇", "发布", "前后矛盾"),
        ("/发布 标题\n单位：全部\n单位：城关镇", "发布", "“单位”写了两次"),
        ("/发布 标题\n标题：另一个\n单位：全部", "发布", "“标题”写了两次"),
        ("/发布 标题\n单位：全部\n签收时限：明天\n签收时间：后天", "发布", "“签收时限”写了两次"),
        ("/发布 标题\n单位：全部\n正文：a\n内容：b", "发布", "“正文”写了两次"),
        ("/发布 标题\n单位：全部\n反馈时限：", "发布", "后面没有写时间"),
        ("/查询 12 13", "查询", "一次只能查询一个编号"),
        ("/催办", "催办", "没有写要催办的督办编号"),
        ("/销号", "销号", "没有写要销号的督办编号"),
        ("/撤回", "撤回", "没有写要撤回的督办编号"),
        ("/撤回 原因：发错了", "撤回", "没有写要撤回的督办编号"),
        ("/撤回 12 发错 原因：重复", "撤回", "编号后面多了"),
        ("/延期", "延期", "没有写要延期的督办编号"),
        ("/延期 反馈时限：明天", "延期", "没有写要延期的督办编号"),
        ("/延期 12", "延期", "没有写延到什么时候"),
        ("/延期 12 明天", "延期", "只写一个督办编号"),
        ("/延期 12 反馈时限：", "延期", "后面没有写时间"),
        ("/延期 12 反馈时限：明天 签收时限：今天", "延期", "一次只能延期一个时限"),
        ("/延期 12 反馈时限：明天 反馈时间：后天", "延期", "“反馈时限”写了两次"),
        ("/延期 12 反馈时限：明天 原因：暴雨", "延期", "不需要“原因”"),
        ("/延期 12 反馈时限：明天 单位：", "延期", "后面没有写单位"),
        ("/免责 12 原因：停电", "免责", "没有写免责的单位"),
        ("/免责 12 单位：城关镇", "免责", "免责必须写原因"),
        ("/免责 12 单位：城关镇 原因：", "免责", "免责必须写原因"),
        ("/免责 12 单位：全部 原因：停电", "免责", "不能写“全部”"),
        ("/免责 单位：城关镇 原因：停电", "免责", "没有写要免责的督办编号"),
        ("/绑定", "绑定", "没有写单位"),
        ("/绑定 @张三", "绑定", "没有写单位"),
        ("/绑定 城关镇", "绑定", "没有写要绑定到“城关镇”的成员"),
        ("/绑定 城关镇 @", "绑定", "没有写要绑定到“城关镇”的成员"),
        ("/解绑", "解绑", "没有写要解绑的成员"),
        ("/单位 城关镇", "单位", "后面不用写别的内容"),
        ("/帮助 吃饭", "帮助", "没有“/吃饭”这个命令"),
        ("/表彰审核", "表彰审核", "没有写要审核的单位"),
        ("/表彰审核 城关镇 去年", "表彰审核", "年份“去年”看不懂"),
        ("/表彰审核 城关镇 2026 2027", "表彰审核", "只写单位和年份"),
        ("/处理 撤销 3", "处理", "撤销处理必须写原因"),
        ("/处理 确认", "处理", "要写建议编号"),
        ("/处理 确认 三", "处理", "要写建议编号"),
        ("/处理 登记 城关镇 罚款 原因：x", "处理", "种类“罚款”看不懂"),
        ("/处理 登记 城关镇 媒体曝光", "处理", "登记处理必须写原因"),
        ("/处理 登记 城关镇", "处理", "登记要写单位和种类"),
        ("/处理 看看", "处理", "“看看”看不懂"),
    ],
)
def test_errors_say_what_is_wrong_and_show_the_form(text: str, command: str, fragment: str) -> None:
    result = parse_command(text)
    assert isinstance(result, CommandError)
    assert result.command == command
    assert fragment in result.message
    assert COMMAND_HELP[command] in result.message
    assert str(result) == result.message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("/吃饭", "没有“/吃饭”这个命令"),
        ("/", "没有“/”这个命令"),
        ("/ ", "没有“/”这个命令"),
        ("收到", "这不是命令"),
    ],
)
def test_unknown_commands_list_the_commands(text: str, fragment: str) -> None:
    result = parse_command(text)
    assert isinstance(result, CommandError)
    assert result.command is None
    assert fragment in result.message
    for name in COMMAND_HELP:
        assert f"/{name}" in result.message


def test_every_command_has_help() -> None:
    assert set(COMMAND_HELP) == {
        "发布",
        "查询",
        "催办",
        "销号",
        "撤回",
        "延期",
        "免责",
        "绑定",
        "解绑",
        "单位",
        "帮助",
        "处理",
        "表彰审核",
        "签收",
        "反馈",
        "撤销签收",
        "撤销反馈",
        "恢复",
        "待核",
    }
    for name, usage in COMMAND_HELP.items():
        assert usage.startswith(f"/{name}")
