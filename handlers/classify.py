"""Classify a liaison's free-text group reply as receipt, feedback (progress or done) and/or delay."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from handlers.notice_ref import NoticeRef, find_notice_refs, parse_notice_number

Intent = Literal["receipt", "feedback", "delay"]


@dataclass(frozen=True)
class Reading:
    """What one reply says. Empty intents mean the bot must not count the message as anything."""

    intents: frozenset[str]
    feedback_kind: str | None  # "progress" | "done" when "feedback" in intents
    refs: tuple[NoticeRef, ...]
    all_owed: bool  # the receipt covers everything owed: 都/均/全部 … 收到

    def intent_list(self) -> list[str]:
        return [intent for intent in ("receipt", "feedback", "delay") if intent in self.intents]


# ---- cleaning -------------------------------------------------------------------------------

# A quoted reply arrives as 「sender: quoted text」 then a dashed line, then the reply itself.
_QUOTE_SEPARATOR = re.compile(r"\n[ \t]*(?:[-—–─][ \t]*){5,}(?:\n|$)")
_QUOTE_BLOCK = re.compile(r"^\s*「[^「」]*」|「[^「」:]*:[^「」]*」")
_WECHAT_EMOJI = re.compile(r"\[[^\[\]\d]{1,6}\]")  # [强] [OK] [抱拳]; never [2026]
_UNICODE_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\u3290-\u32ff"
    "\ufe00-\ufe0f\u200d\u20e3\U000e0000-\U000e007f]+"
)
# WeChat puts U+2005 after a mention (NFKC makes it a space); a trailing one may have none.
_MENTION = re.compile(r"(?<=\S)\s*(?:@[^\s@]+\s*){1,10}$|@[^\s@]+\s+")
_SPACES = re.compile(r"\s+")
_CLAUSE_BREAK = re.compile(r"[,。;!?~、:\n]+|(?<!\d)\.+|\.+(?!\d)")

# ---- guards shared by every intent ----------------------------------------------------------

# Phrases that contain 不/没/无/非 but negate nothing about the reply.
_HARMLESS = re.compile(
    r"不好意思|不客气|不用谢|不谢|没问题|没有问题|没事|无误|不折不扣|毫不|不断|不仅|不但|无论|不管|非常"
    r"|未来|不少|不同|无缝|不懈|没什么|第一时间|特别|分别|个别|级别|类别|区别|不错|无异议"
    # a reason's own negation ("因人手不足申请延期") says nothing about the request
    r"|不足|不全|不够|不齐|不佳|不便|不畅|不良|不稳定|不到位|不达标|不及时|不理想"
)
_NEGATION = re.compile(r"[没未不无别勿莫非]")
_QUESTION_WORD = re.compile(
    r"是否|有没有|有没|有无|能否|可否|谁|哪|什么|怎么|如何|啥|何时|几时|为何|为什么|咋|多少|([\u4e00-\u9fff])不\1"
)
_QUESTION_TAIL = re.compile(r"^[了到过]?(?:没有?|未|否|不)(?!问题|事|毛病)|[吗么嘛呢]|吧$")
# An order or request to others: "请各单位收到后回复", "回复收到", "务必按时完成".
_DIRECTIVE_BEFORE = re.compile(
    r"(?<![申恳特提报呈])请(?!示|求|假|批|领导|您|予)|务必|要求|必须|须|一定要|记得|麻烦|烦请"
    r"|回复|回个|答复|督促|催促|提醒|通知各|各(?:单位|乡镇|部门|村|位|有关)|大家|你们|贵单位|你单位"
    r"|所有单位|相关单位|(?:收到|接到|签收)(?:后|之后|以后)"
)
_COMPLIANCE = re.compile(r"(?:按|照|据|对照|依|遵).{0,8}?要求")  # "按照通知要求完成" is not an order
_DIRECTIVE_AFTER = re.compile(
    r"^了?(?:通知|文件|附件|材料)?(?:后|之后|以后|即|就|请|回复|回个|回一下|说一声|吱一声|确认|报一下|的话|时(?!间))"
)
_CONDITIONAL = re.compile(r"(?<![比例譬诸])如(?![期下实今何此数约同])|若|假如|要是|万一|倘若|一旦")
# Promises and plans: "预计月底前全部完成" does not report anything done yet.
_FUTURE = re.compile(
    r"预计|估计|预估|计划|争取|力争|确保|保证|打算|准备|将(?:于|在|会)|(?<![开集例])会(?!议|上)|能够?|可以|可望|有望"
    r"|尽快|尽早|明天|后天|下周|下个?月|月底前|年底前|(?:于|在).{0,10}?(?:前|之前|以前)"
)
_RELATIVE_AFTER = re.compile(r"^了?的")  # "收到的材料有问题", "已完成的请报送", "需要延期的单位"

# ---- receipt --------------------------------------------------------------------------------

_RECEIPT = re.compile(
    r"(?<![验征回税吸招营丰秋夏抢创增])收到"
    r"|收悉|收讫|阅悉|已阅(?:读|知)?|阅知|知悉|获悉|签收|已经?呈阅"
    r"|已经?收(?=[了啦哈嘞]*$)"
    r"|已经?接收|接收到|已经?接到|接到(?:通知|文件|督办单|通知单)?[了啦]?$"
    r"|明白[了啦哈的]*$|(?:已经?)?知道[了啦]+$|已经?了解|了解了$"
    r"|遵照执行|照办|坚决落实|(?:马上|立即|立刻)(?:落实|办理|安排|办)"
)
# Passing a notice on to one's leaders or villages shows it arrived: "已转分管领导", "已呈领导阅示".
_FORWARD = re.compile(
    r"(?:已经?|并|马上|立即)(?:转发|转达|转交|转报|转|呈报|呈|报告|汇报|报|传达|下发)(?:给|至|到)?了?"
    r".{0,8}?(?:领导|负责人|负责同志|书记|镇长|乡长|局长|主任|县长|区长|股室|科室|各村|村委|社区|相关人员"
    r"|经办人|同事|班子)"
    r"|(?:已经?|并)(?:转达|传达)"
)
# What may follow a receipt word in the same clause. Anything else ("收到群众举报…", "收到款",
# "收到时间") means something other than this notice was received.
_RECEIPT_TAIL = re.compile(
    r"^[了啦哈嘞呀啊哦喔咯滴噢]*(?:$|并|马上|立即|立刻|即刻|会|将|我|谢谢|感谢|好的|ok|get|收到|明白|知悉|已"
    r"|正在|抓紧|按|遵照|坚决|放心|请放心|领导|[\d零〇一二两三四五六七八九十百]+号|第|督办|通知|文件|文|附件"
    r"|材料|任务|消息|信息|安排|要求|指示|批示|全部|都|均|〔|\[|\()"
)
_HEDGE = re.compile(r"应该|可能|好像|似乎|估计|大概|也许|貌似")
_WAITING = re.compile(r"(?:等|待|等到|等待)(?:我们?)?$")
_ACHIEVED = re.compile(r"效果|成效|实效")  # "收到良好效果" is an outcome, not a receipt
_ALL_OWED = re.compile(r"都|均|全部|全都|皆|全(?![镇县乡村局体面力])|一并|悉数|所有|以上|上述")
# A complaint about what arrived makes the receipt doubtful: ask a person instead.
_PROBLEM = re.compile(
    r"打不开|无法打开|打开不了|下载不了|无法下载|看不了|看不到|看不清|乱码|损坏|有问题|有误|错误|不对"
    r"|不全|不完整|缺少?|少了|没有附件|没附件|无附件|附件呢|附件在哪|是空的|空白|发错|重发|再发|补发"
)
_PROBLEM_HYPOTHETICAL_AFTER = re.compile(r"^(?:再|随时|及时|请|可|就|的话)")

# ---- feedback -------------------------------------------------------------------------------

_DONE_VERBS = (
    r"(?:完成|办结|完结|落实|整改|处理|处置|解决|销号|清理|拆除|修复|办理|办好|做好|弄好|搞定|完工|竣工)"
)
_DONE = re.compile(
    rf"已经?(?:(?:按照?|根据|依照|对照).{{0,8}}?要求)?(?:全部|全面|均|都|按时|如期|顺利|圆满|基本|全|逐一|陆续|提前)*"
    rf"{_DONE_VERBS}"
    rf"|已经?(?:于|在(?!{_DONE_VERBS}|推进|进行|开展|实施|抓紧|加紧)).{{0,12}}?{_DONE_VERBS}"
    r"|(?:完成|办结|完结|整改|办理|处理|落实|解决|清理|处置)(?:完毕|到位)"
    r"|(?:完成|办结|搞定|做完|弄完|办完|整改完|弄好|办好|做好)[了啦]"
    r"|(?:全部|均|都|全)已?经?(?:完成|办结|整改到位|落实到位)"
    r"|(?:整改|工作|任务|事项|排查|摸排|清理)已?(?:全部)?(?:完成|办结|完毕)"
)
# Having sent the report or material in is the feedback itself: "材料已报送", "已报送至邮箱".
_SUBMIT = re.compile(
    r"已经?(?:上报|报送|提交|递交|呈报|报备|反馈|上传|发送|报(?![名销警道价案])"
    r"|发(?=送|至|到|给|邮箱|了|$|你|您|群|过去)|传(?=至|到|给|了|$)|交(?=至|到|给|了|$))"
    r"|(?:上报|报送|提交|发送|上传|递交|反馈)(?:了|完毕|完成)"
    r"|(?:报送|上报|提交|发送|发|传|交)(?:至|到)(?:邮箱|平台|系统|督查室|办公室)"
    r"|已经?通过.{0,12}?(?:上报|报送|提交|递交|发送|反馈|上传)|刚刚?(?:上报|报送|提交|递交|发送|反馈|上传)"
    r"|(?:发|报|传|交)(?:过去|上去)了"
)
_UNDER_WAY = (
    r"(?:正|还|仍|也)?在.{0,4}?(?:办(?!公|事处)|推进|落实|办理|整改|处理|开展|实施|排查|摸排|摸底"
    r"|核查|核实|核对|准备|进行|组织|梳理|统计|收集|汇总|撰写|起草|完善|协调|对接|调查|清理|施工|建设|研究|制定"
    r"|修改|整理|部署|填报|走访|入户|跟进|督促)"
)
_PROGRESS = re.compile(
    rf"{_UNDER_WAY}|正(?:积极|全力|加紧|抓紧|有序|稳步)"
    r"|(?:推进|进行|实施|开展|整改|办理|施工|落实|处理)中"
    r"|(?:有序|稳步|持续|积极|全力|加快|加紧|抓紧|扎实)推进"
    r"|已经?(?:启动|开始|部署|安排|召开|开展|着手|组织|成立|制定|印发|摸底|初步)"
    r"|完成了?(?:一半|大半|大部分|部分|[一二三四五六七八九两\d]成)"
    r"|基本完成|初步完成|部分完成|阶段性|(?:进度|已经?)过半"
)
_PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)%|百分之([零〇一二两三四五六七八九十百]+)")
_PERCENT_CONTEXT = re.compile(r"完成|进度|推进|落实|整改")
# A report header: the content decides done or progress, progress when it does not say.
_REPORT = re.compile(
    r"落实情况|进展情况|办理情况|整改情况|推进情况|完成情况|工作进展|进展如下|反馈如下|报告如下|汇报如下"
    r"|情况如下|情况汇报|情况报告|现将.{0,20}?(?:反馈|报告|汇报)|特此(?:反馈|报告|汇报)"
)
_ASKS_FOR_REPORT = re.compile(r"(?<!已)(?<!已经)(?:报送|上报|反馈|提交|报)$")  # "并于1日前报送落实情况"
# Words showing the work is only partly done, even when 已完成 also appears.
_PARTIAL = re.compile(
    rf"{_UNDER_WAY}|一半|大半|多半|过半|大部分|个别|(?<!全)部分|基本|初步|阶段|摸底|前期|还剩|剩余|剩下|尚未全部|未全部|推进中|进行中"
    r"|初稿|[一二三四五六七八九两]成(?!果|效|绩|立|为|员|本)"
)

# ---- delay ----------------------------------------------------------------------------------

_DELAY_WORD = re.compile(
    r"申请延期|延期|延后|推迟|顺延|延缓|缓办|宽限|往后推|推后|晚(?:几天|[一两二三]天|点|一点|一些|些)"
    r"|延长(?:时限|期限|时间)"
)
_TIMELY = r"(?:按时|按期|如期|准时|及时|在规定时间内|在规定时限内|在时限内)"
_UNABLE = re.compile(
    rf"(?:无法|不能|未能|没能|没法|难以|不可能){_TIMELY}(?:完成|办结|完结|上报|报送|到位|提交|反馈|落实|完工|交)"
    r"|(?:无法|不能|未能|没能|没法|难以|不可能)(?:完成|办结|完结|完工|整改到位)"
    r"|来不及|赶不上|完不成|做不完|办不完|弄不完|完成不了|办不了|做不了"
    r"|(?:完成|办结|按时|按期).{0,4}?(?:有困难|有难度|困难较大|难度较大|难度很大)"
)
_ESTIMATE = re.compile(r"(?:预计|估计|预估).{0,12}?(?:完成|办结|完结|到位|结束|完工|竣工|上报|报送)")
_STILL_NEED = re.compile(r"还(?:需要?|要)[一二三四五六七八九十两几半\d]+个?(?:天|日|周|星期|礼拜|月)")
_REASON = re.compile(r"因为|原因|(?<!原)因(?!此|而)|由于|受.{0,10}?影响|导致|致使")
_NOT_DONE = re.compile(
    r"(?:尚未|还没有?|还未|暂未|暂时没|没有|未|没)能?(?:全部)?(?:完成|办结|完结|到位|上报|报送|完工)"
)

# How far (in characters) before and after a trigger word the guards look, within its clause.
_WINDOW = 30


@dataclass(frozen=True)
class _Clause:
    text: str
    asked: bool  # ends with a question mark or contains a question word


def classify(text: str) -> Reading:
    """Read one liaison message; when a signal is doubtful it is left out (precision first).

    - The quoted part of a quoted reply, @-mentions, emoji and spaces are dropped; the rest is cut
      into clauses at punctuation. A trigger word counts only as a statement: not in a question
      (?, 吗, 是否, 有没有, X不X …), not negated (没/未/不 … before it), not an order or condition
      (请, 务必, 各单位, 如果, … 收到后, 收到请回复), not a relative clause (收到的…, 已完成的…).
    - receipt: 收到/收悉/签收/已阅/知悉/已接收/明白/知道了, forwarding to leaders (已转分管领导) and
      committed action (马上落实, 遵照执行). Only notice-like words may follow 收到 in its clause.
      Short acknowledgements (好的, 嗯, 1, OK, 👍) are not receipts. A message that also denies or
      asks about a receipt, or complains about what arrived (打不开, 格式不对), is no receipt.
    - feedback: done (已完成, 已办结, 整改到位, 材料已报送 …) or progress (正在推进, 已启动, 80%,
      已完成摸底 …); any partial sign makes it progress. A bare status such as 还没完成 is nothing.
    - delay: 延期/推迟/宽限, inability (无法按时完成, 来不及), an estimate (预计下周完成), or a reason
      with an unfinished state (因下雨还没完成). Its stage progress is not also reported as feedback
      unless the message names two or more notices.
    """
    cleaned = _clean(text)
    clauses = _split_clauses(cleaned)
    receipt, all_owed = _read_receipt(clauses)
    kind = _read_feedback(clauses)
    delay = _says_delay(clauses)
    refs = tuple(find_notice_refs(cleaned))
    if delay and len(refs) < 2:
        # What is done is the stage progress a delay explanation carries (延期说明 + 阶段性进展);
        # only a message naming several notices can report one done and another delayed.
        kind = None
    present: dict[Intent, bool] = {"receipt": receipt, "feedback": kind is not None, "delay": delay}
    intents = frozenset(name for name, said in present.items() if said)
    return Reading(intents, kind, refs, all_owed)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    parts = _QUOTE_SEPARATOR.split(text)
    if len(parts) > 1 and "「" in parts[0]:
        text = parts[-1]
    text = _QUOTE_BLOCK.sub("\n", text)
    text = _MENTION.sub(" ", text)
    text = _WECHAT_EMOJI.sub(",", text)
    text = _UNICODE_EMOJI.sub(",", text)
    return _SPACES.sub("", text.replace("\n", "。")).lower()


def _split_clauses(text: str) -> list[_Clause]:
    clauses: list[_Clause] = []
    start = 0
    for match in _CLAUSE_BREAK.finditer(text):
        clauses.append(_clause(text[start : match.start()], "?" in match.group()))
        start = match.end()
    clauses.append(_clause(text[start:], False))
    return [clause for clause in clauses if clause.text]


def _clause(text: str, question_mark: bool) -> _Clause:
    return _Clause(text, question_mark or _QUESTION_WORD.search(_HARMLESS.sub("", text)) is not None)


def _matches(pattern: re.Pattern[str], clause: _Clause) -> Iterator[tuple[str, str, int]]:
    """Each match of `pattern` as (text before it, text after it, start) within the clause.

    Before and after are cut to _WINDOW characters: the words that qualify a reply sit close to
    it, and the cut keeps a pasted long report linear to read.
    """
    for match in pattern.finditer(clause.text):
        start, end = match.span()
        yield clause.text[max(0, start - _WINDOW) : start], clause.text[end : end + _WINDOW], start


def _is_question(clause: _Clause, after: str) -> bool:
    return clause.asked or _QUESTION_TAIL.search(after) is not None


def _is_negated(before: str) -> bool:
    return _NEGATION.search(_HARMLESS.sub("", before)) is not None


def _is_directive(before: str, after: str) -> bool:
    return (
        _DIRECTIVE_BEFORE.search(_COMPLIANCE.sub("", before)) is not None
        or _CONDITIONAL.search(before) is not None
        or _DIRECTIVE_AFTER.match(after) is not None
        or _RELATIVE_AFTER.match(after) is not None
    )


def _is_statement(clause: _Clause, before: str, after: str) -> bool:
    """Not a question, an order, a condition or a negation: the writer states it as fact."""
    return not (_is_question(clause, after) or _is_negated(before) or _is_directive(before, after))


def _is_report(clause: _Clause, before: str, after: str) -> bool:
    """A statement about work already under way or done, not a plan."""
    return _is_statement(clause, before, after) and _FUTURE.search(before) is None


def _read_receipt(clauses: list[_Clause]) -> tuple[bool, bool]:
    """(receipt, all_owed). Any denied or questioned receipt in the message voids the rest."""
    found = all_owed = False
    for clause in clauses:
        for before, after, _ in _matches(_RECEIPT, clause):
            if _is_question(clause, after) or _is_negated(before):
                return False, False
            if (
                _is_directive(before, after)
                or _HEDGE.search(before)
                or _WAITING.search(before)
                or _ACHIEVED.search(before + after)
                or not _RECEIPT_TAIL.match(after)
            ):
                continue
            found = True
            all_owed = all_owed or _ALL_OWED.search(before) is not None
        for before, after, _ in _matches(_FORWARD, clause):
            if _is_statement(clause, before, after):
                found = True
    if found and _has_problem(clauses):
        return False, False
    return found, all_owed


def _has_problem(clauses: list[_Clause]) -> bool:
    for clause in clauses:
        for before, after, _ in _matches(_PROBLEM, clause):
            if not (_CONDITIONAL.search(before) or _PROBLEM_HYPOTHETICAL_AFTER.match(after)):
                return True
    return False


def _read_feedback(clauses: list[_Clause]) -> str | None:
    """None, "progress" or "done"; mixed or partial signals read as progress."""
    done = progress = report = False
    for clause in clauses:
        for before, after, _ in _matches(_DONE, clause):
            done = done or _is_report(clause, before, after)
        for before, after, start in _matches(_SUBMIT, clause):
            if _FORWARD.match(clause.text, start) is None:
                done = done or _is_report(clause, before, after)
        for before, after, _ in _matches(_PROGRESS, clause):
            progress = progress or _is_report(clause, before, after)
        for before, after, _ in _matches(_REPORT, clause):
            report = report or (_is_report(clause, before, after) and not _ASKS_FOR_REPORT.search(before))
        percent = _percent_in(clause)
        if (
            percent is not None
            and _PERCENT_CONTEXT.search(clause.text)
            and not _FUTURE.search(clause.text)
            and _is_report(clause, "", "")
        ):
            done = done or percent >= 100
            progress = progress or percent < 100
    if not (done or progress or report):
        return None
    if progress or not done or _looks_partial(clauses):
        return "progress"
    return "done"


def _looks_partial(clauses: list[_Clause]) -> bool:
    for clause in clauses:
        if clause.asked:
            continue
        percent = _percent_in(clause)
        if _PARTIAL.search(clause.text) or (percent is not None and percent < 100):
            return True
    return False


def _percent_in(clause: _Clause) -> float | None:
    """The smallest percentage the clause names, if any."""
    values: list[float] = []
    for match in _PERCENT.finditer(clause.text):
        if match[1]:
            values.append(float(match[1]))
        elif (value := _chinese_percent(match[2])) is not None:
            values.append(value)
    return min(values) if values else None


def _chinese_percent(numeral: str) -> float | None:
    if numeral == "百":
        return 100.0
    ref = parse_notice_number(f"{numeral}号")  # the same numeral grammar: 八十 → 80
    return float(ref.seq) if ref else None


def _says_delay(clauses: list[_Clause]) -> bool:
    reason = not_done = False
    for clause in clauses:
        for pattern in (_DELAY_WORD, _ESTIMATE, _STILL_NEED):
            for before, after, _ in _matches(pattern, clause):
                if _is_statement(clause, before, after):
                    return True
        for before, after, _ in _matches(_UNABLE, clause):
            # The negation is the message here, so only questions and orders are ruled out.
            if not (_is_question(clause, after) or _is_directive(before, after)):
                return True
        if _is_question(clause, "") or _DIRECTIVE_BEFORE.search(clause.text):
            continue
        reason = reason or _REASON.search(clause.text) is not None
        not_done = not_done or _NOT_DONE.search(clause.text) is not None
    return reason and not_done
