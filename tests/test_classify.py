"""Table-driven tests of the liaison-reply classifier: receipt, feedback (progress/done), delay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.reading.classify import Reading, classify
from handlers.reading.notice_ref import NoticeRef

QUOTE = "「督办助手：【督办通知单】督办〔2026〕12号 关于开展冬季安全生产大检查的通知，请各单位收到后回复」"
SEPARATOR = "\n- - - - - - - - - - - - - - -\n"

# ---- receipt ---------------------------------------------------------------------------------

RECEIPTS = [
    "收到后马上落实",
    "收到后我们会尽快落实",
    "收到 交通局",
    "received",
    "Got it, thanks",
    "No.23 received",
    "收\u200b到，谢谢",
    # the plain forms
    "收到",
    "收到了",
    "收到。",
    "收到！",
    "收到!!!",
    "收到~",
    "收到～",
    "收到啦",
    "收到哈",
    "收到嘞",
    "收到收到",
    "收到了收到了",
    "已收到",
    "已收到！",
    "已经收到了",
    "刚收到",
    "昨天就收到了",
    "我这边收到了",
    "确认收到",
    "已收",
    "收讫",
    "收悉",
    "来文收悉",
    "已收悉",
    "已阅",
    "已阅读",
    "已阅知",
    "知悉",
    "已知悉",
    "好的，已知悉",
    "签收",
    "已签收",
    "已接收",
    "接收到了",
    "已接到通知",
    # polite and decorated
    "好的收到",
    "好的，收到",
    "嗯嗯，收到",
    "收到，谢谢",
    "收到了，谢谢提醒",
    "收到，感谢",
    "收到，辛苦了",
    "收到 谢谢领导",
    "非常感谢，收到",
    "不好意思，刚看到，收到",
    "不好意思刚看到收到",
    "收到，有问题再联系",
    "收到，谢谢！有问题随时沟通",
    "收到，请问反馈时限是几号",
    "ok收到",
    "收到ok",
    "OK，收到",
    "收到👌",
    "收到 👍",
    "收到🙏🙏",
    "收到[抱拳]",
    "收到[强][强]",
    "收到[握手]",
    "ｏｋ，收到！",
    "收到，马上落实",
    "收到！马上落实！",
    "收到，立即组织落实",
    "收到，按要求落实",
    "收到，坚决落实",
    "收到，18号前完成",
    "收到，我镇会按时完成",
    "收到，确保按时完成",
    "收到，我们马上安排专人负责",
    "收到，正在开会",
    "收到，明天上报",
    "已收到通知，我镇将立即组织落实",
    # forwarded to leaders or villages
    "收到并转达领导",
    "已转分管领导",
    "已报分管领导",
    "已阅，转分管领导",
    "已收到，已转分管领导阅示",
    "已呈报主要领导",
    "已转发各村",
    "已下发各村",
    # committed action without the word 收到
    # unit or person prefixes
    "城关镇已收到",
    "城关镇王五收到",
    "城关镇 收到",
    "城关镇：收到",
    "王五：收到",
    "城关镇收到，王五",
    "发改委已收到，马上落实",
    "回复：收到",
    # what arrived
    "附件收到了",
    "附件已收到",
    "收到附件",
    "收到通知",
    "收到12号通知",
    "12号收到",
    "1号收到",
    "十二号通知已收到",
    "第12号督办单收到",
    "12号文收到",
    "督办〔2026〕12号已签收",
    "12月18号收到",
    "收到，已转交分管副镇长",
    "收到，已转相关股室办理",
    "已呈阅",
    "已报主要领导审阅",
    "收到，立即转达",
    "收到，将按时完成",
    "收到，稍后反馈",
    "收到领导",
    "了解，收到",
    "收到，今天下班前报送",
    "县财政局周八收到",
    "财政局周八：已收到，马上落实",
    "12号通知城关镇已收到",
    "城关镇已收到12号通知",
    "我是财政局周八，已收到",
    "抱歉回复晚了，收到",
    "没注意，收到",
    "收到，之前没看到",
    "不好意思没看到，收到",
    "收到，没问题",
    "没问题，收到",
    "收到，无异议",
    "收到！保证完成任务",
    "好滴收到",
    "收到✌️",
    "收到💪",
    "收到😊",
    "收到✔",
    "[强]收到",
    "收到[玫瑰]",
    "@李明 收到",
    "收到 @李明",
    "收到了@李明",
    "收到@李明 @王五",
    "特别感谢，收到",
    "特别感谢收到",
    "收到，18号下午开会研究",
    "收到，这个表怎么填",
]

NOT_RECEIPTS = [
    # short acknowledgements are not receipts (precision first)
    "好的",
    "好",
    "好的好的",
    "嗯",
    "嗯嗯",
    "1",
    "OK",
    "ok",
    "👍",
    "👌",
    "[强]",
    "[OK]",
    "行",
    "可以",
    "收",
    "阅",
    "知道",
    "了解",
    # negations
    "未收到",
    "没收到",
    "还没收到",
    "还未收到通知",
    "至今未收到",
    "我们单位没有收到",
    "没有收到附件",
    "没收到附件",
    "附件没收到",
    "收不到",
    "接收不到",
    "好像没收到",
    "不明白",
    "不太明白什么意思",
    "不知道",
    "麻烦发一下附件我没收到",
    # questions about receiving
    "收到了吗？",
    "收到了吗",
    "收到没",
    "收到没有？",
    "收到了没有",
    "收到了没",
    "收到否",
    "收到么",
    "收到吧",
    "是否收到",
    "有没有收到",
    "谁没收到",
    "你们收到了吗",
    "城关镇收到了吗",
    "各单位都收到了吗",
    "附件收到了吗",
    "明白了吗",
    "知道了吗",
    "签收了吗？",
    "收到？",
    # instructions to others
    "请各单位收到后回复",
    "请收到后回复",
    "收到请回复",
    "收到后请及时上报",
    "收到请回复确认",
    "大家收到请回复",
    "回复收到",
    "请回复“收到”",
    "请确认收到",
    "请知悉",
    "请签收",
    "请及时签收",
    "各单位马上落实",
    "如果收到请回复",
    "收到的话回一下",
    # hedges and waiting
    "应该收到了",
    "等收到再说",
    # something else arrived, or it arrived broken
    "收到的材料有问题",
    "收到的文件打不开",
    "收到的表格格式不对",
    "收到的附件是空的",
    "已收到群众举报3件",
    "收到良好效果",
    "验收到位",
    "收到时间：上午9点",
    # mixed: one notice received, another not, is not counted
    "12号收到了，13号还没收到",
    "我们收到了，你们收到了吗？",
    # not receipt words at all
    "我明白你的意思了",
    "了解一下",
    "18号前完成",
    "好的👌",
    "嗯嗯👍",
    "OK👌",
    "✅",
    "[OK][OK]",
    "@督办助手 [强]",
    "@李明 好的",
    "辛苦了",
    "谢谢",
    "好的谢谢",
    "okk",
    "收到王主任",
    "【催办】以下单位尚未签收督办〔2026〕12号：城关镇、财政局，请尽快签收。",
    "截至目前，城关镇、发改委已签收，财政局未签收",
    "城关镇已签收，财政局还没签收",
    "已签收的单位：城关镇、发改委",
    "请还没收到的单位说一下",
    "没收到的请说一声",
    "还有谁没收到？",
    "收到的请回复",
    "收到的回个收到",
    "都收到了吧",
    "应该都收到了吧",
    "收到了没有啊",
    "收到没呀",
    "收到了不",
    "我们没收到通知啊",
    "附件没有收到，只收到了正文",
    "正文收到了，附件没收到",
    "收到的",
    "我收到的",
    "收到的是12号通知",
    "没有收到的话怎么办",
    "收到通知后请立即落实",
    "已逾期，正在抓紧办理",
    "【督办通知单】督办〔2026〕12号 关于开展冬季安全生产大检查的通知。请各单位收到后回复“收到”，并于12月1日前报送落实情况。",
]


@pytest.mark.parametrize("text", RECEIPTS)
def test_receipt(text: str) -> None:
    assert "receipt" in classify(text).intents, text


# A receipt that complains about what arrived is still a receipt; the problem goes to the office.
RECEIPTS_WITH_PROBLEMS = [
    "收到了，但是附件打不开",
    "收到了，表格格式不对",
    "收到，附件缺一页",
    "收到，麻烦再发一下附件",
    "文件收到了，打不开",
    "收到，请问附件在哪里下载",
    "收到，但是没有附件",
    "河口镇已收到，附件打不开，麻烦重发一下",
    "收到。附件2的表格打开是乱码，请再发一遍",
]


# Acknowledgements and promises without a receipt word are not recorded: the office reviews them.
ACKNOWLEDGEMENTS = [
    "明白",
    "明白！",
    "好的明白",
    "已明白",
    "知道了",
    "好的知道了",
    "已了解",
    "遵照执行",
    "马上落实",
    "立即办理",
    "刚看到，马上落实",
    "知道啦",
    "好的，马上安排",
]


@pytest.mark.parametrize("text", ACKNOWLEDGEMENTS)
def test_an_acknowledgement_alone_is_for_the_office_to_judge(text: str) -> None:
    reading = classify(text)
    assert reading.intents == frozenset() and reading.related, text


@pytest.mark.parametrize("text", RECEIPTS_WITH_PROBLEMS)
def test_a_receipt_with_a_problem_is_both(text: str) -> None:
    reading = classify(text)
    assert "receipt" in reading.intents and reading.problem, text


@pytest.mark.parametrize("text", ["附件打不开", "没收到附件", "链接失效了", "附件是空的", "收到的文件打不开"])
def test_a_problem_alone_is_no_receipt(text: str) -> None:
    reading = classify(text)
    assert reading.intents == frozenset() and reading.problem, text


@pytest.mark.parametrize("text", NOT_RECEIPTS)
def test_not_a_receipt(text: str) -> None:
    assert "receipt" not in classify(text).intents, text


# ---- feedback --------------------------------------------------------------------------------

FEEDBACK_DONE = [
    "已完成",
    "已经完成了",
    "完成了",
    "做完了",
    "搞定了",
    "已办结",
    "已全部完成",
    "已按要求完成整改",
    "已完成整改",
    "整改已完成",
    "已整改到位",
    "整改到位",
    "已经全部整改完毕",
    "已处理完毕",
    "均已办结",
    "我镇已完成排查工作",
    "已于11月20日完成",
    "已在12月1日前完成",
    "已经于上周全部完成",
    "已完成100%",
    "完成率100%",
    "完成率百分之百",
    "已全部完成，请验收",
    "已办结，请审阅",
    "落实情况：已完成",
    "关于12号通知的落实情况：已完成整改",
    "现将落实情况反馈如下：一、已完成排查。二、已全部整改到位。",
    "12号已完成",
    # sending the report in is the feedback
    "已上报",
    "已报",
    "已提交",
    "已反馈",
    "反馈了",
    "上报了",
    "材料已报送",
    "已报送至邮箱",
    "已报送，请查收",
    "材料已发邮箱",
    "已发你邮箱",
    "报告已上传平台",
    "已办结，相关材料已报送督查室",
    "已完成自查，报告已于今日报送",
    "城关镇自查已全部完成，报告已报送",
    "已按时完成",
    "按要求已完成",
    "按照要求已完成整改",
    "已按照通知要求完成",
    "已按照县政府要求全部完成",
    "全部完成",
    "均已完成",
    "都已完成",
    "工作已完成",
    "任务已完成",
    "已落实到位",
    "落实到位",
    "落实完毕",
    "报告已发邮箱，请查收",
    "已通过党政办公平台报送",
    "已报送县政府督查室",
    "已报县督查室",
    "已交",
    "已经提交了",
    "刚报送",
    "刚刚已上报",
    "报送完毕",
    "已经发过去了",
    "发过去了",
    "已发到群里",
    "已完成，材料稍后报送",
    "已报送落实情况",
    "不好意思，晚了一天，已上报",
    "抱歉超期了，现已报送",
    "收到通知后我局高度重视，已完成整改",
]

FEEDBACK_PROGRESS = [
    "目前已完成80%",
    "完成了80%",
    "目前完成80%",
    "目前进度80%",
    "已完成百分之八十",
    "进度过半",
    "已完成一半",
    "已完成大部分",
    "已完成第一阶段",
    "已完成3个村，还剩2个村",
    "部分村已完成",
    "基本完成",
    "正在推进，已完成摸底",
    "已完成前期摸底工作，正在制定方案",
    "已启动",
    "已安排专人负责",
    "已召开专题会议进行部署",
    "已召开会议，完成部署",
    "正在整改中",
    "整改中",
    "还在整改",
    "正在办理",
    "正在积极推进",
    "稳步推进中",
    "目前正在抓紧推进",
    "还没有完成，正在推进",
    "落实情况：正在推进",
    "落实情况",
    "关于12号通知的落实情况如下",
    "落实情况：我镇共排查隐患12处，已整改10处，剩余2处正在整改",
    "12号已办结，13号正在推进",
    "已完成，正在进行验收",
    "正在加班加点推进",
    "正在抓紧整理材料",
    "目前正在收集数据",
    "已完成初步摸排",
    "已完成初稿，正在审核",
    "已经完成70%",
    "完成70%左右",
    "进度70%",
    "已完成七成",
    "完成率80%",
    "已经完成了一多半",
    "目前已完成大半",
    "已成立工作专班",
    "已制定工作方案",
    "已开展排查",
    "已经在办了",
    "在办理中",
    "办理中",
    "还在推进中",
    "个别村已完成",
    "现将落实情况报告如下",
    "12号落实情况",
    "已逾期，正在抓紧办理",
]

NOT_FEEDBACK = [
    # questions and orders from the office
    "什么时候完成？",
    "什么时候能完成",
    "完成了吗",
    "完成了吗？",
    "已完成？",
    "已经完成了吗",
    "是否已完成",
    "都完成了吗",
    "你们完成了没有",
    "完成情况如何",
    "怎么还没完成",
    "落实情况报了吗",
    "还没报吗",
    "请尽快完成",
    "请于18号前完成",
    "要求18号前完成",
    "务必按时完成",
    "请尽快报送落实情况",
    "已完成的单位请报送材料",
    "已完成的请回复",
    "完成后请上报",
    "如已完成请上报",
    "请各单位抓紧推进",
    "请加快推进",
    # a status without any progress in it: 还没完成-type statements count as nothing
    "还没完成",
    "未完成",
    "没完成",
    "尚未完成",
    "尚未全部完成",
    "没有全部完成",
    # promises and plans are not reports
    "争取本周完成",
    "确保按时完成",
    "会按时上报",
    "可以按时上报",
    "我们会尽快上报",
    "能完成",
    "18号前完成",
    "完成",
    "好了",
    "收到，马上落实",
    "收到，正在开会",
    "报送落实情况",
    "落实情况要怎么报",
    "这个通知要求什么时候完成",
    "完成时限是什么时候",
    "18号能完成吗",
    "我们18号报",
    "18号报送",
    "请各单位于18号前报送",
    "已经好了",
    "我在办公室",
    "收到，我在开会",
    "【督办通知单】督办〔2026〕12号 关于开展冬季安全生产大检查的通知。请各单位收到后回复“收到”，并于12月1日前报送落实情况。",
]


@pytest.mark.parametrize("text", FEEDBACK_DONE)
def test_feedback_done(text: str) -> None:
    reading = classify(text)
    assert (reading.intent_list(), reading.feedback_kind) == (["feedback"], "done"), text


@pytest.mark.parametrize("text", FEEDBACK_PROGRESS)
def test_feedback_progress(text: str) -> None:
    reading = classify(text)
    assert (reading.intent_list(), reading.feedback_kind) == (["feedback"], "progress"), text


@pytest.mark.parametrize("text", NOT_FEEDBACK)
def test_not_feedback(text: str) -> None:
    reading = classify(text)
    assert "feedback" not in reading.intents, text
    assert reading.feedback_kind is None, text


# ---- delay -----------------------------------------------------------------------------------

DELAYS = [
    "因天气原因无法按时完成，申请延期至15号",
    "因天气原因，无法按期完成",
    "不能按期办结，原因是人手不足",
    "不能按时报送，原因是数据还在核对",
    "预计还需3天",
    "还需要两天",
    "还需一周时间",
    "申请延期",
    "申请延期一周",
    "特申请延期至12月10日",
    "恳请延期至下周五",
    "需要延期",
    "由于人员不足，需要延期三天",
    "申请宽限两天",
    "可能要晚几天",
    "要晚两天",
    "晚点报",
    "晚一点报送",
    "推迟到下周",
    "延后至月底",
    "来不及了",
    "时间太紧，赶不上",
    "完不成",
    "按时完成不了",
    "无法完成",
    "无法按时上报",
    "受疫情影响，尚未完成",
    "受天气影响，工程还没完工",
    "因为下雨还没完成",
    "还没完成，因为下雨",
    "因资金未到位，项目暂未完工，预计12月底完工",
    "因天气原因，工期延误，申请延期",
    "由于涉及面广，需延期十天",
    "因工作量大，恳请延期一周",
    "我单位因人员调整，未能按时上报，请谅解",
    "需要再宽限几天",
    "我们想申请延期",
    "延期至12月20日",
    "延期一周",
    "需要推迟",
    "时间太紧了，完成不了",
    "人手不够，按时完成有困难",
    "按时完成有难度",
    "可能完不成",
    "恐怕来不及",
]

NOT_DELAYS = [
    # an estimate is stage progress, not a delay: it does not say the deadline will be missed
    "还没完成，预计下周完成",
    "预计下周完成",
    "预计月底前全部完成",
    "已完成80%，预计下周全部完成",
    "预计什么时候完成",
    "不会延期",
    "不需要延期",
    "不延期",
    "无需延期",
    "无需延期，能按时完成",
    "保证不延期",
    "没有申请延期",
    "能按时完成",
    "可以按期完成",
    "如需延期请提前说明",
    "如需延期请说明原因",
    "需要延期的单位请说明理由",
    "延期的要报原因",
    "不能按期完成的要说明原因",
    "如不能按时完成请说明",
    "请说明延期原因",
    "系统无法上报",
    "还没完成",
    "还没完成，下周一报",
    "今天有事，明天报",
    "18号前完成",
    "因此已完成",
    "暂缓",
    "完成有困难吗",
    "不能按时完成的单位请说明原因",
    "因特殊情况不能按时办结的，要说明原因",
    "延期的单位请提交延期说明",
    "不好意思，晚了一天，已上报",
]


@pytest.mark.parametrize("text", DELAYS)
def test_delay(text: str) -> None:
    reading = classify(text)
    assert reading.intent_list() == ["delay"], text
    assert reading.feedback_kind is None, text


# A delay that states its stage progress (延期说明 + 阶段性进展) reports that progress too.
DELAYS_WITH_PROGRESS = [
    "需延期，目前已完成一半",
    "因涉及企业较多，无法按时完成，申请延期至12月5日，目前已完成70%",
    "目前已完成一半，剩余部分因资金未到位无法按时完成，申请延期",
    "延期说明：因天气原因，工程进度滞后，目前已完成60%，申请延期至12月20日",
    "受雨雪天气影响，无法按期完成，特申请延期至12月15日，目前已完成主体工程",
    "第一项已完成，第二项因资金未到位需延期至12月底",
]


@pytest.mark.parametrize("text", DELAYS_WITH_PROGRESS)
def test_delay_with_stage_progress(text: str) -> None:
    reading = classify(text)
    assert (reading.intent_list(), reading.feedback_kind) == (["feedback", "delay"], "progress"), text


# Asking for more time is a delay request, even as a question; so is saying it can only come later.
ASKING_FOR_TIME = [
    "能否延期几天",
    "可以延期吗",
    "是否可以延期",
    "能不能宽限几天",
    "可否延期至下周",
    "能不能延期到20号",
    "延期到20号行吗",
    "申请延期可以吗？",
    "今天报不了，明天上午报可以吗？",
    "材料周一才能报，请督查室谅解",
    "恐难按期完成",
    "42号今天交不了，明早9点前一定交",
]


@pytest.mark.parametrize("text", ASKING_FOR_TIME)
def test_asking_for_time_is_a_delay(text: str) -> None:
    assert "delay" in classify(text).intents, text


@pytest.mark.parametrize("text", NOT_DELAYS)
def test_not_delay(text: str) -> None:
    assert "delay" not in classify(text).intents, text


# ---- combinations, refs, all_owed ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "intents", "kind"),
    [
        ("收到，已完成", ["receipt", "feedback"], "done"),
        ("收到！已全部完成", ["receipt", "feedback"], "done"),
        ("收到，已完成80%", ["receipt", "feedback"], "progress"),
        ("收到，正在落实", ["receipt"], None),  # in hand: nothing reported yet
        ("收到，已安排", ["receipt"], None),
        ("收到，正在研究落实", ["receipt"], None),  # in hand: nothing reported yet (the convention)
        ("收到了，已经在落实了", ["receipt", "feedback"], "progress"),
        ("收到，已安排专人跟进", ["receipt"], None),
        ("收到，因下雨申请延期", ["receipt", "delay"], None),
        ("收到，因人员紧张申请延期3天", ["receipt", "delay"], None),
        ("收到！因涉及部门多，需延期至20号，目前已完成初稿", ["receipt", "feedback", "delay"], "progress"),
        # a message naming two notices can report one done and the other delayed
        ("12号已完成，13号申请延期", ["feedback", "delay"], "done"),
        ("收到，附件打不开，已完成", ["receipt", "feedback"], "done"),
        ("", [], None),
        ("   ", [], None),
        ("。。。", [], None),
    ],
)
def test_combinations(text: str, intents: list[str], kind: str | None) -> None:
    reading = classify(text)
    assert (reading.intent_list(), reading.feedback_kind) == (intents, kind), text


@pytest.mark.parametrize(
    ("text", "all_owed"),
    [
        ("都收到了", True),
        ("均已收到", True),
        ("以上通知全部收到", True),
        ("全部收悉", True),
        ("所有通知都已签收", True),
        ("12号、13号都收到了", True),
        ("12号和13号均已收到", True),
        ("收到", False),
        ("12号收到", False),
        ("全镇已收到", False),
        ("都收到了吗", False),
        ("都没收到", False),
        ("请各单位全部收到后回复", False),
        ("都完成了", False),
        ("这两份通知均已收到", True),
        # 都 over people, not notices: the latest owed, by each of them
        ("我们和城关镇都收到了", False),
        ("我局与财政局均已收到", False),
        ("我们跟河口镇也都已收到", False),
    ],
)
def test_all_owed(text: str, all_owed: bool) -> None:
    assert classify(text).all_owed is all_owed, text


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("12号收到", [NoticeRef(12)]),
        ("十二号通知已收到", [NoticeRef(12)]),
        ("督办〔2026〕12号已签收", [NoticeRef(12, 2026)]),
        ("12号、13号都收到了", [NoticeRef(12), NoticeRef(13)]),
        ("12号收到了，13号还没收到", [NoticeRef(12), NoticeRef(13)]),
        ("关于12号通知的落实情况：已完成", [NoticeRef(12)]),
        ("因天气原因无法按时完成，申请延期至15号", []),
        ("收到，18号前完成", []),
        ("收到", []),
        (QUOTE + SEPARATOR + "收到", [NoticeRef(12, 2026)]),  # the quoted notice
        (QUOTE + SEPARATOR + "13号收到", [NoticeRef(13)]),
    ],
)
def test_refs(text: str, refs: list[NoticeRef]) -> None:
    assert list(classify(text).refs) == refs, text


# ---- message shapes: quotes, mentions, width, emoji ------------------------------------------


@pytest.mark.parametrize(
    ("text", "intents"),
    [
        (QUOTE + SEPARATOR + "收到", ["receipt"]),
        (QUOTE + SEPARATOR + "收到了吗？", []),
        (QUOTE + SEPARATOR + "好的", []),
        (QUOTE + SEPARATOR + "已完成", ["feedback"]),
        # the quoted notice asks for 收到后回复; only the reply after the dashes counts
        (QUOTE + "\n- - - - - - - - - - - - - - -\n好", []),
        ("「李明：请各单位收到后回复」收到", ["receipt"]),
        ("「李明：12号通知收到了吗」", []),
        ("@督办助手 收到", ["receipt"]),
        ("@督办助手\u2005收到", ["receipt"]),
        ("@督办助手收到", ["receipt"]),
        ("@李明 @督办助手 已完成", ["feedback"]),
        ("@所有人 请各单位收到后回复", []),
        ("收到！！！", ["receipt"]),
        ("收到？？", []),
        ("收到\n马上落实", ["receipt"]),
        ("没 收到", []),
        ("ＯＫ　收到", ["receipt"]),
        ("收到✅", ["receipt"]),
    ],
)
def test_message_shapes(text: str, intents: list[str]) -> None:
    assert classify(text).intent_list() == intents, text


def test_intent_list_is_ordered() -> None:
    reading = Reading(frozenset({"delay", "receipt", "feedback"}), "done", (), False)
    assert reading.intent_list() == ["receipt", "feedback", "delay"]


def test_reading_is_frozen() -> None:
    reading = classify("收到")
    with pytest.raises(AttributeError):
        reading.all_owed = True  # type: ignore[misc]


# ---- properties ------------------------------------------------------------------------------

# Characters replies are made of, so generated text actually hits the rules.
REPLY_CHARACTERS = (
    "收到已签阅知悉明白完成办结正在推进延期申请因无法按时预计没未不请吗?？！，。、12号十二月日前后的都均全部"
)
REPLY_ALPHABET = st.sampled_from(
    [*REPLY_CHARACTERS, "收到", "没收到", "已完成", "延期", "12号", "了吗", "请", "，"]
)
REPLY_TEXT = st.lists(REPLY_ALPHABET, max_size=12).map("".join)


@given(st.text())
def test_classify_never_raises_and_is_consistent(text: str) -> None:
    reading = classify(text)
    assert reading.intents <= {"receipt", "feedback", "delay"}
    assert (reading.feedback_kind is not None) == ("feedback" in reading.intents)
    assert reading.feedback_kind in {None, "progress", "done"}
    assert not reading.all_owed or "receipt" in reading.intents


@given(REPLY_TEXT)
def test_reply_like_text_is_consistent(text: str) -> None:
    reading = classify(text)
    assert (reading.feedback_kind is not None) == ("feedback" in reading.intents)
    assert not reading.all_owed or "receipt" in reading.intents


@given(
    REPLY_TEXT,
    REPLY_TEXT,
    st.sampled_from(["没收到", "未收到", "还没收到", "没有收到", "收到了吗", "是否收到"]),
)
def test_a_denied_or_questioned_receipt_is_never_a_receipt(prefix: str, suffix: str, doubt: str) -> None:
    assert "receipt" not in classify(prefix + doubt + suffix).intents


SHORT_ACKS = st.sampled_from(["好的", "好", "嗯", "嗯嗯", "1", "OK", "ok", "👍", "👌", "[强]", "[OK]", "行"])


@given(st.lists(SHORT_ACKS, min_size=1, max_size=4), st.sampled_from(["", "！", "。", "~", " "]))
def test_short_acknowledgements_count_as_nothing(acks: list[str], end: str) -> None:
    assert classify(" ".join(acks) + end).intents == frozenset()


@pytest.mark.parametrize(
    "text",
    [
        "「" * 20000,
        "1、" * 5000,
        "1 、 " * 5000,
        "第 1 号 、 " * 3000,
        "收到" * 5000,
        "没" * 10000 + "收到",
        "已完成80%，预计" * 2000,
        "@a" * 10000 + " 收到",
        " " * 20000 + "收到" + " " * 20000,
        "「" + ":" * 20000,
    ],
    ids=[
        "quotes",
        "list",
        "spaced-list",
        "spaced-items",
        "receipts",
        "negations",
        "report",
        "mentions",
        "spaces",
        "open-quote",
    ],
)
def test_long_pasted_text_is_read(text: str) -> None:
    """Pathological long inputs still get an answer (their speed is measured by `make bench`)."""
    assert classify(text).intents <= {"receipt", "feedback", "delay"}


@pytest.mark.parametrize(
    ("text", "intents", "notice"),
    [
        ("因人手不足申请延期一周", ["delay"], None),  # 不足 is the reason, not a negated request
        ("因资料不全申请延期一周", ["delay"], None),
        ("因人手不足申请延期一周，目前完成50%", ["feedback", "delay"], None),
        ("不申请延期", [], None),
        ("1号目前正在推进", ["feedback"], 1),
        ("2号件已报送", ["feedback"], 2),
        ("二号件收到", ["receipt"], 2),
    ],
)
def test_reasons_and_notice_nouns_found_in_review(text: str, intents: list[str], notice: int | None) -> None:
    reading = classify(text)
    assert reading.intent_list() == intents
    assert (reading.refs[0].seq if reading.refs else None) == notice
