"""Read a liaison's free-text reply, clause by clause: who does what, how it is said, about which notice.

The reply is cut into clauses. For each clause the reading finds its notice references, its acts
(received, forwarded, finished, in progress, submitted, nothing to report, cannot finish, asks for time,
reports a problem) and, for every act, how it is said: stated, asked, ordered or conditioned, promised,
denied, or said of someone else (他们已经收到了, 河口镇说…). `summarise` decides from those facts: only a
statement about the sender's own unit counts, and a reply that denies or asks about a receipt is no
receipt at all (precision first: a false receipt hides a lapse); nor is one the unit defers, hedges
(以为/应该收到了) or has only in part, or an earlier notice's set against a later one not yet seen.
Replies that look related but say nothing countable are `related`: the office reviews them
(handlers.actions.liaison), the bot never guesses.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from handlers.reading import phrases
from handlers.reading.notice_ref import (
    DAYS_IN_A_MONTH,
    TURNING_WORDS,
    UNIT_WORD,
    NoticeRef,
    find_notice_refs,
    fold,
    garbled_number,
    may_list,
    opening_day,
    parse_notice_number,
    separate_spaced_numbers,
    unread_numbers,
)

Intent = Literal["receipt", "feedback", "delay"]
Mode = Literal["stated", "asked", "ordered", "promised", "denied", "others"]
ActKind = Literal[
    "received", "forwarded", "done", "progress", "estimate", "report", "delay", "ask_time", "problem"
]


@dataclass(frozen=True)
class Act:
    """One thing a clause speaks of, and how: only `stated` acts of the sender's own unit count."""

    kind: ActKind
    mode: Mode
    all_owed: bool = False  # 都/均/全部 收到: every notice still owed


@dataclass(frozen=True)
class Clause:
    text: str
    refs: tuple[NoticeRef, ...]
    acts: tuple[Act, ...]
    titles: tuple[str, ...] = ()  # subjects a notice is named by ("冬季消防那个通知收到了": 冬季消防)
    unread: tuple[int, ...] = ()  # notices it may mean but does not name (several in a quoted message)
    asked: bool = False  # said as a question ("是13号吧？")
    counted: bool = (
        False  # a pasted table's row of figures ("东城社区\t313\t313\t4"): counts, no notice among them
    )
    repeats: bool = (
        False  # says of its notice what the clause before said ("12号收到，13号也是"), of the same unit
    )


@dataclass(frozen=True)
class Reading:
    """What one reply says. Empty intents mean the bot must not count the message as anything."""

    intents: frozenset[str]
    feedback_kind: str | None  # "progress" | "done" when "feedback" in intents
    refs: tuple[NoticeRef, ...]
    all_owed: bool  # the receipt covers everything owed: 都/均/全部 … 收到
    problem: bool = False  # it reports a problem with what arrived (附件打不开, 链接失效)
    related: bool = False  # it looks like it is about a notice (收到, 已, 完成, a number …)
    titles: tuple[str, ...] = ()  # subjects a notice is named by, to match against the notices' titles
    unread: tuple[int, ...] = ()  # numbers that may name a notice but were not read as one ("13/14收到")
    garbled: bool = False  # a notice's number that cannot be read for sure ("37l号", "廿三号"): the bot asks

    def intent_list(self) -> list[str]:
        return [intent for intent in ("receipt", "feedback", "delay") if intent in self.intents]


RELATED_LENGTH = 40  # a reply this long from a liaison who owes something deserves a look

# A clause with no word in it (only numbers and signs) says nothing: its acts are not looked for.
_WORDY = re.compile(r"[\u4e00-\u9fffa-z]")

# How far (in characters) before and after a trigger word the guards look, within its clause.
_WINDOW = 30
_OBJECT_REACH = 120  # how far back a receipt word's object is looked for (the clause's start but in pastes)
_SENTENCE = 80  # how far back a space before a number looks for what was said of the notice before it


@dataclass(frozen=True)
class _Text:
    """A clause being read: its text (cleaned) and whether it is asked (a question)."""

    text: str
    asked: bool


def classify(text: str) -> Reading:
    """Read one liaison message as a whole (see the module docstring)."""
    return summarise(read_clauses(text))


def read_clauses(text: str) -> list[Clause]:
    """The message cut into clauses, each with its notice references and its acts."""
    return list(_read_clauses(text))


@functools.lru_cache(maxsize=1024)
def _read_clauses(text: str) -> tuple[Clause, ...]:
    """`read_clauses`, kept for the texts read last: a pure function of the text, and a work group says the same
    few things (收到, 已完成, 好的) many times a day."""
    cleaned, quoted_refs, quoted_all, granted, quoted_days, quoted_other = _clean(text)
    clauses = [
        Clause(
            piece.text,
            tuple(find_notice_refs(piece.text)),
            tuple(_acts(piece)) if _WORDY.search(piece.text) else (),
            _titles(piece.text),
            asked=piece.asked,
        )
        for piece in _split_clauses(cleaned)
    ]
    clauses = _colleague_speaks(_alternatives_asked(clauses))
    clauses = _answered_for_colleague(clauses)
    granted = granted or bool(
        phrases.THANKS_FOR_TIME.search(cleaned)
    )  # "收到，谢谢督查室给延到周五": the same, unquoted
    if granted:  # "「督查室：同意城关镇44号延期至4月15日」收到，谢谢": the answer received, not a notice
        clauses = [replace(c, acts=tuple(a for a in c.acts if a.kind != "received")) for c in clauses]
    clauses = [_without_mistaken(c) for c in clauses]
    # a later day, with understanding asked or feared likely ("恐需明天报送"), is a delay; said by someone else or
    # under a condition (below) it is theirs, or none
    clauses = _later_days_owned(clauses)
    speaker = next((n for n, c in enumerate(clauses) if phrases.SPEAKER_HEAD.match(c.text)), None)
    if speaker is not None:  # "张村主任回复：收到，马上安排": what someone else said, quoted
        clauses[speaker + 1 :] = [
            replace(c, acts=tuple(replace(a, mode="others") for a in c.acts)) for c in clauses[speaker + 1 :]
        ]
    others_from = next((n for n, c in enumerate(clauses) if phrases.OTHERS_SAY.match(c.text)), None)
    if others_from is not None:
        clauses[others_from:] = [
            replace(c, acts=tuple(replace(a, mode="others") for a in c.acts)) for c in clauses[others_from:]
        ]
    # "各村注意：8号文件收到后立即组织学习": the unit's order passed on to its villages
    if clauses and phrases.ADDRESSED.match(clauses[0].text):
        clauses[1:] = [
            replace(c, acts=tuple(replace(a, mode="ordered") for a in c.acts)) for c in clauses[1:]
        ]
    bare = phrases.BARE_NUMBER.match(cleaned)
    bare_refs = [parse_notice_number(number) for number in bare[1].split("、")] if bare else []
    # what is said of it: the next clause, or past any day the first clause saying something ("553\n学校那边放假了
    # 人找不齐，这个表要到下周三了"), no other number between
    said = next((c for c in clauses[1 : 1 + _BARE_REACH] if c.acts or c.refs), None)
    past_days = all(r is not None and r.seq > DAYS_IN_A_MONTH for r in bare_refs)
    said_of = said if past_days else (clauses[1] if len(clauses) > 1 else None)
    if bare and all(bare_refs) and said_of is not None and said_of.acts and not said_of.refs:
        # "12，收到": the numbers the reply is about; "27：…" may as well be a report's date
        heading = bare[2] == ":"
        clauses[0] = replace(  # (no month has a day past 31: "148：" is no date)
            clauses[0],
            refs=tuple(replace(r, heading=heading and r.seq <= DAYS_IN_A_MONTH) for r in bare_refs if r),
        )
        clauses = _bare_number_pairs(clauses)
    clauses = _numbers_after_acts(clauses)
    clauses = [_leading_bare_number(c) for c in clauses]
    if _facts_under_heading(cleaned, clauses):
        clauses[0] = replace(clauses[0], acts=(Act("report", "stated"),))
    clauses = _facts_told(cleaned, clauses)
    for n in range(1, len(clauses)):
        # the condition reaches past what only names the matter ("要是下礼拜还下雨 444号那个秸秆离田 俺们可能就弄不完了")
        # (speech's fillers in clauses of their own count for none: "如果下周还下雨，就是，那个，堤坝加固，可能要往后推")
        cond, spoken = n - 1, 1
        while cond > 0 and spoken <= _CONDITION_REACH and not clauses[cond].acts and not clauses[cond].asked:
            if phrases.CONDITION_CLAUSE.match(clauses[cond].text):
                break
            spoken += 0 if phrases.FILLER.fullmatch(clauses[cond].text) else 1
            cond -= 1
        if phrases.CONDITION_CLAUSE.match(clauses[cond].text) and not any(c.acts for c in clauses[cond:n]):
            # "要是414号也要我们报…的话，那我们局收到了": the receipt is the condition's consequence, not stated
            then = phrases.CONSEQUENCE.search(clauses[n].text) is not None
            acts = tuple(
                replace(a, mode="ordered") if a.kind == "delay" or (then and a.kind == "received") else a
                for a in clauses[n].acts
            )
            clauses[n] = replace(clauses[n], acts=acts)
    if any(phrases.NOT_AFFECTED.search(c.text) for c in clauses) or phrases.NOT_AFFECTED.search(
        "".join(c.text for c in clauses)  # spoken, a pause inside it: "还是 按 原来 时间 报"
    ):
        clauses = [replace(c, acts=tuple(a for a in c.acts if a.kind != "delay")) for c in clauses]
    clauses = _received_beside(clauses)
    if quoted_other and clauses and not clauses[0].refs:
        # "「住建局：请各乡镇街道…报送燃气用户底数」收到": what was received is the other body's message quoted
        clauses[0] = replace(clauses[0], acts=tuple(a for a in clauses[0].acts if a.kind != "received"))
    for n in range(1, len(clauses)):
        previous, acts = clauses[n - 1], clauses[n].acts
        if (
            not previous.acts
            and phrases.EVENT_ONLY.match(previous.text)
            and any(a.kind == "delay" for a in acts)
        ):
            # "项目开工仪式 延期 到 2月8号 举行": the event, named in the clause before, is what is put off
            clauses[n] = replace(clauses[n], acts=tuple(a for a in acts if a.kind != "delay"))
            continue
        forwarded_only = bool(acts) and all(a.kind == "forwarded" for a in acts)
        if (
            forwarded_only
            and not previous.acts
            and (phrases.RECEIPT.search(previous.text) or phrases.OTHER_ISSUER_DOC.search(previous.text))
        ):
            clauses[n] = replace(
                clauses[n], acts=()
            )  # another thing received, or another body's, then passed on
    for n in range(1, len(clauses)):
        if (
            not clauses[n - 1].refs
            and phrases.MONEY_IN.search(clauses[n - 1].text)
            and phrases.BARE_RECEIPT.fullmatch(clauses[n].text)
        ):
            # "县民政局拨付的…资金286万元已到我镇账户，收到": the money's arrival acknowledged, no notice's
            clauses[n] = replace(clauses[n], acts=tuple(a for a in clauses[n].acts if a.kind != "received"))
    for n in range(1, len(clauses)):
        if phrases.ASSENT_ONLY.fullmatch(clauses[n].text) and phrases.BARE_RECEIPT.fullmatch(
            clauses[n - 1].text
        ):
            # "收到，妥了": the receipt's word of assent, no work told
            clauses[n] = replace(clauses[n], acts=())
    for n in range(1, len(clauses)):
        if phrases.SUBMITTED_ONLY.match(clauses[n].text) and any(
            a.kind == "delay" for a in clauses[n - 1].acts
        ):
            clauses[n] = replace(clauses[n], acts=())  # "只能 到 月底 报了": the delay's own words, spaced
    clauses = _late_made_up(clauses)
    clauses = _head_has_me_reply(clauses)
    for n in range(len(clauses) - 1):
        if _received_then(clauses[n].text, clauses[n + 1].text):
            clauses[n] = replace(clauses[n], acts=(*clauses[n].acts, Act("received", "stated")))
    for n in range(1, len(clauses)):
        right = phrases.RIGHT_BARE.match(clauses[n].text)
        if right and not clauses[n].refs and phrases.SAID_WRONG.search(clauses[n - 1].text):
            clauses[n] = replace(clauses[n], refs=(NoticeRef(int(right[1])),))  # "180收到，不对，是181"
    corrected = [
        n
        for n, c in enumerate(clauses)
        if c.refs
        and (
            phrases.CORRECTED_TO.search(c.text)
            or (n and phrases.SAID_WRONG.search(clauses[n - 1].text) and phrases.RIGHT.match(c.text))
        )
    ]
    if corrected:  # "12号收到，更正为13号": the numbers before the correction were wrong
        clauses[: corrected[0]] = [
            replace(c, text=phrases.DIGITS.sub("", c.text), refs=()) for c in clauses[: corrected[0]]
        ]  # "收到354 不对 是355": 354 withdrawn, not asked about
    else:
        clauses = _days_that_may_be_notices(clauses)
    for n in range(1, len(clauses)):
        if clauses[n].refs and not clauses[n].acts and phrases.SAME_AS_BEFORE.match(clauses[n].text):
            clauses[n] = replace(clauses[n], acts=clauses[n - 1].acts, repeats=True)  # "13号也是": as of 12号
    if quoted_refs:  # "「…请于12月16日前报送806号…」16号恐怕报不了": the quoted deadline's day, no notice
        clauses = [
            replace(c, refs=tuple(r for r in c.refs if r.year is not None or r.seq not in quoted_days))
            for c in clauses
        ]
    several_quoted = len({ref.seq for ref in quoted_all}) > 1
    if several_quoted and clauses and not any(c.refs for c in clauses):
        # "收到！「…19号」「…20号」": which of them the reply is about is not said; the bot asks
        clauses[0] = replace(clauses[0], unread=tuple(dict.fromkeys(ref.seq for ref in quoted_all)))
    elif quoted_refs and clauses and not any(c.refs for c in clauses):
        clauses[0] = replace(clauses[0], refs=quoted_refs)  # a quoted notice names what the reply is about
    elif len(quoted_refs) == 1 and clauses:
        # "「…12号…」收到，13号还在办": the opening clause, or one pointing at it (这个收到), speaks of the
        # quoted notice, the others of the notices they name
        clauses = [
            replace(c, refs=quoted_refs)
            if not c.refs and c.acts and (n == 0 or phrases.POINTS_AT_QUOTED.match(c.text))
            else c
            for n, c in enumerate(clauses)
        ]
    faulty = any(a.kind == "problem" for c in clauses for a in c.acts)
    if (
        any(c.refs for c in clauses)
        or not phrases.NOT_TOLD_EVERYDAY.search(
            phrases.CHECK_ASKED.sub("", phrases.NOT_TOLD_RECEIPT.sub("", cleaned))
        )
    ) and not faulty:
        # a notice named, or statements only: work may be told in everyday words (in a delay "还剩1件" is
        # why it is late; beside a problem "见附件" shows the fault), also of another notice named beside a
        # delay ("360号宣传横幅已挂完；358号总结需要延到周五")
        told = []
        for group in parts(clauses):
            late = any(a.kind in ("delay", "ask_time") for c in group for a in c.acts)
            # … but work done counted beside it is reported ("已复耕 2400亩 剩下 300亩 …需要延到7月中旬")
            told += [
                replace(c, acts=c.acts + tuple(_everyday_acts(_Text(c.text, c.asked))))
                if _WORDY.search(c.text) and not late
                else c
                for c in group
            ]
        clauses = told
    for n in range(len(clauses) - 1):
        if (
            phrases.ROSTER_HEAD.search(clauses[n].text)
            and (
                (
                    any(
                        c.refs for c in clauses[: n + 1]
                    )  # the notice named in its head or before ("890号收到，值班安排：")
                    and any(
                        p.match(clauses[n + 1].text)
                        for p in (phrases.ROSTER_LINE, phrases.ROSTER_DAYS, phrases.ROSTER_NAMES)
                    )
                )
                or any(
                    phrases.MOBILE.search(c.text) for c in clauses[n + 1 : n + 3]
                )  # "带班领导：张建国 139…"
            )
        ):
            head = _Text(clauses[n].text, clauses[n].asked)
            clauses[n] = replace(clauses[n], acts=(*clauses[n].acts, Act("done", _mode(head, head.text, ""))))
    if clauses and _is_table(text) and not any(c.asked for c in clauses):
        clauses[0] = replace(clauses[0], acts=(*clauses[0].acts, Act("report", "stated")))
        clauses = [
            replace(c, counted=True) if not c.refs and _TABLE_ROW.match(c.text) else c for c in clauses
        ]
    if clauses and phrases.HEADING.match(
        cleaned
    ):  # "27号：我镇…" may be the report's date: say so ("148号：" cannot)
        clauses[0] = replace(
            clauses[0], refs=tuple(replace(r, heading=r.seq <= DAYS_IN_A_MONTH) for r in clauses[0].refs)
        )
    if any(phrases.ALL_TOLD_TO_SIGN.match(c.text) for c in clauses):
        # "628号年度工作总结、629号元旦值班安排已发，请各单位及时签收": the office's words echoed, what was sent is its
        clauses = [
            replace(c, acts=tuple(a for a in c.acts if a.kind not in ("done", "progress"))) for c in clauses
        ]
    if clauses and phrases.OTHER_CAME_TO_CHECK.match(clauses[0].text):
        # "住建局今天来我们菜市场查燃气了哈，查出3家软管老化的当场换了": the other body's work told
        # (a notice named after it is the unit's own: "…查燃气了，688号收到")
        clauses = [
            c if c.refs else replace(c, acts=tuple(replace(a, mode="others") for a in c.acts))
            for c in clauses
        ]
    # "…收到，今天一口气发了六个啊": how many the office sent, remarked on, is no report
    clauses = [replace(c, acts=()) if phrases.SENT_MANY.match(c.text) else c for c in clauses]
    return tuple(_attachment_told(text, clauses))


# A clause opening with a bare number past any day of a month, then what is said of it: "176的排查表发你邮箱了",
# "199已在各村安装禁燃宣传横幅", "210 发了一半了". Not a count ("150户已完成": a measure word follows).
_LEADING_BARE = re.compile(
    r"^(?:(?:不好意思|抱歉)[哈啊呀哦]*~?|sorry|关于|那个|这个|另外|此外)?(\d{2,3})(?:我们|我[局镇乡委])?"  # who acts on it: "750我们晚两天报"
    r"(?=的[\u4e00-\u9fff]|已|收到|发|报|交|传|还在|正在|完成|弄好|做好|搞定|查完|办结|get"
    r"|(?:still)?need\d*more|stillneed|zeroreport|inprogress|done|(?:already|just)?submitted|来不及|要?晚(?!上)|(?:要|willbe)late)"
)  # also after an apology, a pointer or 另外: "不好意思 412的表今天交不了了", "sorry 433 要 late 一点", "另外 842 的表…"

# An issue number opening a clause, its subject after: "第49期学校饮水安全检查表，…能否下周三再报？", also of three digits
# without 第 ("455期二季度数据已上报": no phase or class runs to a hundred), or in Chinese numerals past a hundred
# ("第八百二十期整改已全部完成"). Not a class or a project's phase ("第3期培训班", "第二期工程"), nor 期间, 期限 …
_LEADING_ISSUE = re.compile(
    r"^(?:第(\d{1,3})|(\d{3})|第([一二三四五六七八九]百[零〇一二三四五六七八九十]{0,3}))期(?![间限满末中初])"
    r"(?!的?(?:培训|班|学员|工程|项目|学习))"
)
# A number of three digits opening a clause that tells something: no day, and no count when no measure word follows.
_LEADING_HUNDREDS = re.compile(
    r"^(?!110|119|120|122)(\d{3})(?=[\u4e00-\u9fff])"  # not the emergency lines ("120急救车已到")
    r"(?![户个人元万亿条项件处家所座栋间名位台辆吨亩米公斤千百十次多余份本册张块箱袋瓶双套批棵株头只盏口根斤车趟场期届年天日周分])"
)

# A number past any day pointed at with 那个 after who speaks ("俺们石桥843那个考核材料", "我们883这个表"): the notice.
_POINTED_HUNDREDS = re.compile(
    r"^(?:我们|咱们|我[局镇乡委])?[\u4e00-\u9fff]{0,4}?(?<![第\d])(?!110|119|120|122)(\d{3})(?!\d)(?:那个|这个)"
    r"(?!时候|时间|会|天|礼拜|星期|周)"
)


# A photo or file posted with a line saying what it shows: "[图片] 河湾村自建房排查现场", "[文件] 王庄乡自建房安全排查
# 情况统计表.xlsx", "[文件] 柳林乡防汛值班表.xls 140号的". Not a question about it, a slip ("发错了"), the notice or its
# template passed round, nor a bare "[图片]" or "[图片] 299".
_ATTACHED = re.compile(r"\[(图片|文件|视频)\]")
_ATTACHED_WORK = re.compile(
    r"报告|情况|台账|表|总结|周报|月报|清单|方案|照片|现场|对比|整改后|明细|名单|记录|汇总"
    r"|加固|清理|拆除|巡查|检查|排查|核查|入户|整治|整改|清障|施工|发放|张贴|悬挂|宣传|值守|收缴|查处|走访|慰问|演练|培训|开展"
    r"|归位|规整|整齐|干净|到位|完毕"  # a result shown: "[图片] 东关菜市场门口电动车已规整归位"
    # field work shown: "[图片] 444号 三里店村秸秆还田作业" (not homework: "孩子写作业")
    r"|还田|离田|收割|抢收|播种|翻耕|(?<![写交改做抄补])作业(?![本题])"
    # a work's stage or a check shown: "[图片] 615号 第一供热站锅炉点火试运行", "[图片] 622号 …危房改造户验收",
    # "[图片] 688号燃气回头看 东关街道菜市场餐饮店"
    r"|验收(?!标准|办法|要求|细则|表)|试运行|点火|回头看"
    r"|劝导|执勤|站岗|巡逻"  # people on duty shown: "[图片] 城关二小门口护学劝导岗"
)
# A file after a receipt that is the unit's own paper, not the notice's: "收到。[文件] 县交通局端午值班表.xlsx".
_ATTACHED_OWN_PAPER = re.compile(r"值班表|值班安排|台账|总结|报告|情况表|统计表|汇总表|名单|自查表")
_ATTACHED_NOT = re.compile(r"[?？吗呢]|模板|样表|通知|要填|是不是|怎么|为什么|聚餐")
_ATTACHED_SLIP = re.compile(r"[发传]错")
_ATTACHED_RESENT = re.compile(r"为准|重新|更正")


def _attachment_told(text: str, clauses: list[Clause]) -> list[Clause]:
    """A photo or file with its caption (_ATTACHED_WORK), when nothing else in the message was read: the work shown,
    progress in photos, done in a file. After a receipt only, a photo's own caption tells the same."""
    kinds = set(_ATTACHED.findall(text))
    if not kinds or not clauses or any(c.asked for c in clauses):
        return clauses
    caption = _ATTACHED.sub(" ", fold(text))
    if any(c.acts for c in clauses):
        # after a receipt only, the caption itself says what the photo shows ("21号收到\n[图片] 东城小区21号楼楼道
        # 杂物清理后"): the work shown, on the notice received
        if not all(a.kind == "received" and a.mode == "stated" for c in clauses for a in c.acts):
            return clauses
        lines = [line for line in fold(text).splitlines() if _ATTACHED.search(line)]
        caption = " ".join(_ATTACHED.split(line)[-1] for line in lines)
        own_paper = _ATTACHED_OWN_PAPER.search(caption) is not None
        if not caption.strip() or (
            "文件" in kinds and not own_paper
        ):  # a file after a receipt may be the notice's own
            return clauses
    slip = _ATTACHED_SLIP.search(caption) is not None and not _ATTACHED_RESENT.search(caption)
    if not _ATTACHED_WORK.search(caption) or _ATTACHED_NOT.search(caption) or slip:
        return clauses
    kind: ActKind = "done" if "文件" in kinds else "progress"
    if any(c.acts for c in clauses):
        return [*clauses[:-1], replace(clauses[-1], acts=(*clauses[-1].acts, Act(kind, "stated")))]
    return [replace(clauses[0], acts=(Act(kind, "stated"),)), *clauses[1:]]


# A table's row as read (its cells a list): a label, then figures only ("东城社区313、313、4").
_TABLE_ROW = re.compile(r"^[\u4e00-\u9fffa-z]{0,12}?[\d.,%]+(?:、[\d.,%]+)+$")


# A table's columns parted by bars ("华鑫建材｜56｜210"): two or more on a line, read as tabs.
_BARS = re.compile(r"^[^|｜\n]*[|｜][^|｜\n]*[|｜].*$", re.MULTILINE)


def _bars_as_tabs(text: str) -> str:
    return _BARS.sub(lambda row: re.sub(r"[^\S\n]*[|｜][^\S\n]*", "\t", row[0]), text)


def _is_table(text: str) -> bool:
    """A table pasted as text: two or more rows, each with two or more figures in their own columns
    ("城关镇 19 19", "1 张庄 12 12", "城南社区\t1,210\t1,196\t37"): work counted and reported."""
    rows = [line for line in _bars_as_tabs(text).splitlines() if len(phrases.TABLE_CELL.findall(line)) >= 2]
    return len(rows) >= 2


def _later_days_owned(clauses: Sequence[Clause]) -> list[Clause]:
    """The clauses, a delay added to each that hands in only by a later day with understanding asked after it
    ("我们周一交，望理解") or likely to need one ("可能要到周五了", "恐需明天报送"); not when it asks (see
    phrases.LATER_HANDIN, phrases.LATER_LIKELY). Read from the end, so a long paste stays linear."""
    owned: list[Clause] = []
    asked_after = False  # understanding asked in a later clause
    for clause in reversed(clauses):
        understood = asked_after or bool(phrases.UNDERSTOOD_AT_END.search(clause.text))
        likely = phrases.LATER_LIKELY.search(clause.text) is not None and not clause.asked
        if (understood and phrases.LATER_HANDIN.search(clause.text)) or likely:
            clause = replace(clause, acts=(*clause.acts, Act("delay", "stated")))
        owned.append(clause)
        asked_after = asked_after or bool(phrases.UNDERSTANDING.match(clause.text))
    return owned[::-1]


def _without_mistaken(clause: Clause) -> Clause:
    """A number the clause says came by mistake is no notice it names: "42号的附件怎么是39号的？"."""
    mistaken = {int(n) for n in phrases.MISTAKEN.findall(clause.text)}
    kept = tuple(ref for ref in clause.refs if ref.seq not in mistaken)
    return replace(clause, refs=kept) if kept and len(kept) < len(clause.refs) else clause


def _leading_bare_number(clause: Clause) -> Clause:
    bare = _LEADING_BARE.match(clause.text) if not clause.refs else None
    if bare is None and not clause.refs:  # "第49期学校饮水安全检查表", opening a message about it
        bare = _LEADING_ISSUE.match(clause.text)
    if bare is None and not clause.refs and clause.acts:  # "274月报已报统计局", "296 街道…已经结清了"
        bare = _LEADING_HUNDREDS.match(clause.text)
    if bare is None and not clause.refs:
        bare = _POINTED_HUNDREDS.match(clause.text)
    ref = parse_notice_number(f"{next(g for g in bare.groups() if g)}号") if bare else None
    if ref is None or ref.seq <= DAYS_IN_A_MONTH:
        return clause
    return replace(clause, refs=(NoticeRef(ref.seq),))


def _days_that_may_be_notices(clauses: list[Clause]) -> list[Clause]:
    """A clause opening with a day it states something of ("6号收到，5号我们还在清雪"), the day no notice the
    message names: it may be notice 5, so the reply is not placed by guess when 5 is open (see unread)."""
    named = {ref.seq for clause in clauses for ref in clause.refs}
    marked = []
    for clause in clauses:
        day = opening_day(clause.text) if not clause.refs else None
        told = (
            any(a.mode == "stated" for a in clause.acts) or phrases.EVERYDAY.search(clause.text) is not None
        )
        if day is not None and day not in named and told:
            clause = replace(clause, unread=(*clause.unread, day))
        marked.append(clause)
    return marked


# The work made up or done by now, told last: "今天已经补报了", "现在已经全部打完了".
_MADE_UP = re.compile(
    r"(?:现在|今天|目前|现已|刚刚?|已经)[^,。;]{0,8}?(?:补(?:报|交|上|齐)|[\u4e00-\u9fff]完)了"
)
# … after a lateness told as past: "推迟了几天", "上周迎检抽不出人".
_PAST_LATE = re.compile(r"了|上周|上个?月|前阵子|前段时间|前几天|之前|昨天|前天|当时")
_LATER_DAY_RE = re.compile(rf"(?<!\d){phrases.LATER_DAY}")


# The head, named by title alone (no place, no other body) or by a surname and title (not a village's: "村主任"),
# saying it is received or that it has read it, or away when it came: "领导说收到了", "局长说已收到", "刘局看过了",
# "王主任在开会".
_HEAD = r"(?:领导|一把手|局长|书记|镇长|乡长|主任|[\u4e00-\u9fff](?<![村组校站所院])(?:局长?|主任|书记|镇长|乡长))"
_HEAD_SAYS = re.compile(
    # (the unit's own, named so: "我们王主任在县里开会")
    rf"^(?:我们|俺们|咱们|我[局镇乡委])?的?{_HEAD}(?:也|已经?)?"
    r"(?:(?:说|讲)(?:已经?|都)?收到了?|看过了|看了|阅了|已阅|阅过了|(?:正)?在(?:县里|市里|外面|乡里|镇里)?开会|开会去了|出差了?|外出了?|下乡了?|不在)$"
)
# … who has the liaison reply: "让我在群里回一下", "叫我回个收到"; the head named telling it is the head's word too
# ("书记让我回个收到 880号督办收到").
_TOLD_ME_TO_REPLY = re.compile(
    rf"^(?:他|她|领导|(?P<head>{_HEAD}))?(?:让|叫|要|交代)我(?:在群里|先|帮忙)?(?:回|回复|答复)"
)


def _head_has_me_reply(clauses: list[Clause]) -> list[Clause]:
    """The unit's own head says it is received or has read it, or is away, and has the liaison reply ("领导说收到了，让我在群里回
    一下", "刘局看过了，让我回个收到", "王主任在开会，让我先回个收到"): the head's receipt, and the 收到 the liaison was told to
    reply, are the unit's."""
    told_by = [_TOLD_ME_TO_REPLY.match(c.text) for c in clauses]
    told = [m is not None for m in told_by]
    # (the head's order alone, "王主任让我回个收到", the office reads: dev58; with the notice named it is carried out)
    head_told = any(m is not None and m["head"] for m in told_by) and any(c.refs for c in clauses)
    if not any(told) or not (head_told or any(_HEAD_SAYS.match(c.text) for c in clauses)):
        return clauses

    def owned(clause: Clause, reply: bool) -> Clause:
        # the head's word however it is told; the reply as the liaison was told to make it, not asked about
        acts = tuple(
            replace(a, mode="stated") if a.kind == "received" and (not reply or a.mode == "ordered") else a
            for a in clause.acts
        )
        return replace(clause, acts=acts) if reply or _HEAD_SAYS.match(clause.text) else clause

    return [owned(clause, reply) for clause, reply in zip(clauses, told, strict=True)]


def _late_made_up(clauses: list[Clause]) -> list[Clause]:
    """A lateness told as past, then the work made up or done by now, told last ("上周迎检抽不出人，508号的巡河记录晚了一天，
    今天已经补报了", "因为前阵子下雨，麦田打药推迟了几天，现在已经全部打完了"): why it was late, no request for time. Not
    when a later day is named or time asked ("…已补报一部分，剩下的下周一交")."""
    late = [n for n, c in enumerate(clauses) if any(a.kind in ("delay", "ask_time") for a in c.acts)]
    done = [
        n
        for n, c in enumerate(clauses)
        if any(a.kind == "done" and a.mode == "stated" for a in c.acts) and _MADE_UP.search(c.text)
    ]
    if (
        not late
        or not done
        or max(late) > min(done)
        or max(done) != max(n for n, c in enumerate(clauses) if c.acts)
    ):
        return clauses
    if any(a.kind == "ask_time" for c in clauses for a in c.acts) or any(
        _LATER_DAY_RE.search(c.text) or c.asked for c in clauses
    ):
        return clauses
    if not all(_PAST_LATE.search(clauses[n].text) for n in late):
        return clauses
    return [replace(c, acts=tuple(a for a in c.acts if a.kind != "delay")) for c in clauses]


# A colleague, by a familiar name, has the liaison tell the group: "小赵让我帮忙说一下", "同事老王托我转告".
_COLLEAGUE_ASKS = re.compile(
    r"^(?:同事)?(?:小|老)[\u4e00-\u9fff](?:让|叫|托|请)我(?:帮忙|帮[他她]|替[他她])?(?:说|讲|转告|告诉|报|回)"
)
_COLLEAGUE = re.compile(r"(?<!其)[他她](?!们)")


def _colleague_speaks(clauses: list[Clause]) -> list[Clause]:
    """The clauses, 他/她 after a colleague has the liaison tell the group ("小赵让我帮忙说一下，806号的学习记录她已经传到群文件
    了") read as the unit itself: the colleague's work is the unit's (another unit's person is named with it)."""
    asks = next((n for n, c in enumerate(clauses) if _COLLEAGUE_ASKS.match(c.text)), None)
    if asks is None:
        return clauses
    return [
        _reread(c, _COLLEAGUE.sub("我们", c.text), c.asked) if n > asks else c for n, c in enumerate(clauses)
    ]


def _answered_for_colleague(clauses: list[Clause]) -> list[Clause]:
    """A receipt asked aloud, then answered for a colleague away ("552号我们局收到了吗？小刘在休假，我替他回一下：收到"):
    the question is the one the answer settles, no doubt of the liaison's."""
    answer = next((n for n, c in enumerate(clauses) if phrases.ANSWERED_FOR.match(c.text)), None)
    if answer is None or not any(
        a.kind == "received" and a.mode == "stated" for c in clauses[answer + 1 :] for a in c.acts
    ):
        return clauses
    return [
        replace(c, acts=tuple(a for a in c.acts if a.kind != "received" or a.mode != "asked"))
        if n < answer
        else c
        for n, c in enumerate(clauses)
    ]


def _reread(clause: Clause, text: str, asked: bool) -> Clause:
    """The clause read again as `text`, asked or not (its notices stay)."""
    acts = tuple(_acts(_Text(text, asked))) if _WORDY.search(text) else ()
    return replace(clause, text=text, acts=acts, asked=asked)


# Two alternatives asked, the first said as a statement: "是由我局单独报送…，还是由林业局统一汇总报送？".
_FIRST_ALTERNATIVE = re.compile(r"^(?:请问)?(?:这|那)?(?:个|份)?是(?!不是)")
_OTHER_ALTERNATIVE = "还是"
# … unmarked, the two alike ending in 的: "这是督查室的 还是考核办的" (not "还是没收到")
_BOTH_OWNERS = re.compile(r"^还是[\u4e00-\u9fff]{1,8}的(?:吗|呢|啊)?$")


def _alternatives_asked(clauses: list[Clause]) -> list[Clause]:
    """The clauses, the first of two alternatives read as asked where the second is asked ("…，还是…？"): which one is
    so is the question, neither is told."""
    asked = list(clauses)
    for n in range(len(clauses) - 1):
        first, second = clauses[n], clauses[n + 1]
        if (
            second.asked
            and second.text.startswith(_OTHER_ALTERNATIVE)
            and _FIRST_ALTERNATIVE.match(first.text)
        ):
            asked[n] = _reread(first, first.text, asked=True)
        elif (
            _BOTH_OWNERS.match(second.text)
            and _FIRST_ALTERNATIVE.match(first.text)
            and first.text.endswith("的")
        ):
            asked[n] = _reread(first, first.text, asked=True)
            asked[n + 1] = _reread(second, second.text, asked=True)
    return asked


def _names_no_notice(clause: Clause) -> bool:
    """Whether a clause is only words, nothing read in it: no act and no notice number."""
    return not clause.acts and not clause.refs


# A clause that only names a document, nothing said of it: "市应急局关于五一假期安全防范的紧急通知".
_DOC_NAMED = re.compile(r"(?:文件|文|令|函|通知|通报|简报|快报|号)$")


def _received_beside(clauses: list[Clause]) -> list[Clause]:
    """The clauses, a receipt naming no notice number no receipt of a notice where what it got is named in the clauses
    right before it that say nothing else (no act, no number) with its own words before the receipt word ("市交通局 春运
    第二阶段调度会 通知收到", "督查室刚才打电话说的事 收到", "快递送来一箱宣传册，收到了", "省里的督查组明天到，县里安排我们陪同，
    收到"), or, a bare receipt, in the clause after it ("收到 市应急局关于…的紧急通知", "收到：1.王庄乡的…回复函", "收到了 外卖到了"),
    and _what_received places it elsewhere. A notice named stays received ("督办单快递寄来了，收到了")."""
    marked = list(clauses)
    for n, clause in enumerate(clauses):
        word = phrases.RECEIPT.search(clause.text)
        if word is None or not any(a.kind == "received" for a in clause.acts):
            continue
        issuer = clauses[n + 1] if n + 1 < len(clauses) and _names_no_notice(clauses[n + 1]) else None
        if issuer is not None and phrases.ISSUED_BY_OTHER.match(issuer.text):
            # "526号的整改通知书我们已经收到了，是市场监管局发的": another body's paper on the notice's matter
            marked[n] = replace(clause, acts=tuple(a for a in clause.acts if a.kind != "received"))
            continue
        if clause.refs:
            continue
        if (
            n
            and not clauses[n - 1].acts
            and phrases.OTHER_SENT_PAPER.search(clauses[n - 1].text)
            and not _what_received(clause.text[: word.start()])
        ):
            # "518号的事省应急厅也发了个紧急通知，我们收到了": that paper received, not notice 518
            marked[n] = replace(clause, acts=tuple(a for a in clause.acts if a.kind != "received"))
            continue
        first = n
        while first and n - first < _TOLD_BEFORE and _names_no_notice(clauses[first - 1]):
            first -= 1
        told = "".join(c.text for c in clauses[first:n])
        named = told + clause.text[: word.start()]
        after = clauses[n + 1] if n + 1 < len(clauses) and _names_no_notice(clauses[n + 1]) else None
        bare = phrases.BARE_RECEIPT.fullmatch(clause.text) is not None
        # "收到！市防指〔2051〕37号紧急通知我们也收到了": the bare receipt's object, another's paper, received too
        also = phrases.RECEIPT.search(after.text) if after is not None else None
        other_after = (
            bare
            and after is not None
            and not _what_received(named)
            and _what_received_after(after.text) == "other"
        )
        passed = clauses[n + 2] if other_after and n + 2 < len(clauses) else None
        if (
            passed is not None
            and not passed.refs
            and passed.acts
            and all(a.kind == "forwarded" for a in passed.acts)
        ):
            # "收到/市交通运输局冬季保畅紧急通知/已转各站": what was passed on is that paper received
            marked[n + 2] = replace(passed, acts=())
        if (
            (told and _what_received(named) == "other")
            or other_after
            or (
                bare
                and after is not None
                and also is not None
                and phrases.ALSO_BEFORE.search(after.text, 0, also.start())
                and _what_received(after.text[: also.start()]) == "other"
            )
        ):
            marked[n] = replace(clause, acts=tuple(a for a in clause.acts if a.kind != "received"))
    return marked


_CONDITION_REACH = 2  # clauses that only name the matter, between a condition and what it conditions
_TOLD_BEFORE = 3  # how many clauses that say nothing else, before a receipt, may name what it got


def _received_then(text: str, following: str) -> bool:
    """Whether a clause ending in "收到后" is the sender's receipt, told by what it did since ("已下发…")."""
    received = phrases.RECEIVED_THEN.search(text)
    if received is None or not phrases.SINCE_DONE.match(following):
        return False
    before = text[: received.start()]
    return not (
        phrases.THIRD_PARTY.search(before)
        or phrases.DIRECTIVE_BEFORE.search(before)
        or phrases.CONDITIONAL.search(before)
        or "请" in following
        or phrases.RELATIVE_IN.search(following)
    )


_BARE_REACH = 3  # clauses after a bare number opening the message that may say what it is about


def _bare_number_pairs(clauses: list[Clause]) -> list[Clause]:
    """After a bare number opening the message and what is said of it, each later bare number alone in its
    clause between acts that name none is said of the same way ("566\n收到\n567\n收到"); never a day or "1"."""
    for n in range(2, len(clauses) - 1):
        clause, before, after = clauses[n], clauses[n - 1], clauses[n + 1]
        number = phrases.PAIRED_NUMBER.fullmatch(clause.text)
        if (
            number
            and not clause.acts
            and not clause.refs
            and before.acts
            and after.acts
            and not after.refs
            and int(number[1]) > DAYS_IN_A_MONTH
        ):
            clauses[n] = replace(clause, refs=(NoticeRef(int(number[1])),))
    return clauses


# Between the act and its numbers, only that all of them are meant: "收到了，两个都是，716和720".
_ALL_MEANT = re.compile(r"(?:[两二三几](?:个|份|期))?都是")


def _numbers_after_acts(clauses: list[Clause]) -> list[Clause]:
    """Bare numbers in clauses of their own right after acts that name no notice ("收到，13", "收到\n12\n13"):
    the notices those acts were about."""
    said = False  # an act named no notice, and only such bare numbers followed it
    for n, clause in enumerate(clauses):
        numbers = phrases.NUMBERS_AFTER.match(clause.text) if not clause.acts and not clause.refs else None
        if said and not clause.acts and _ALL_MEANT.fullmatch(clause.text):
            continue
        if said and numbers:
            clauses[n] = replace(
                clause, refs=tuple(NoticeRef(int(seq)) for seq in phrases.NUMBER_LIST_SEP.split(numbers[1]))
            )
        elif clause.refs:
            return clauses
        else:
            said = bool(clause.acts)
    return clauses


# A notice named by its subject: 《关于开展冬季消防安全检查的通知》, 关于燃气安全检查的督办单, 冬季消防那个已经办结了.
_TITLE_BOOK = re.compile(r"《([^《》]{2,60})》")
_TITLE_ABOUT = re.compile(r"关于([^,。;!?《》]{2,40}?)的(?:督办通知单?|督办单|督办|通知|文件)")
_TITLE_POINTED = re.compile(
    r"^([\u4e00-\u9fff“”\"]{2,20}?)(?:那个|这个|那份|这份|的)(?:督办通知单?|督办单|督办|通知|事项|任务)?"
    r"(?=[^,。;]{0,8}?(?:收到|收悉|签收|已|正在|延期|申请|完成|办结|报))"
)
# The same named after the receipt: "收到森林防火那个通知", "收到清洁取暖那个".
_TITLE_RECEIVED = re.compile(
    r"(?:收到|收悉|签收)了?((?!他们|她们|人家|你们|别人|快递|包裹)[\u4e00-\u9fff“”\"]{2,20}?)(?:那个|这个|那份|这份)(?:督办通知单?|督办单|督办|通知|文件)?$"
)
# The words around a subject that every title has: 关于…的通知, 开展/做好…工作.
_TITLE_FRAME = re.compile(
    r"^(?:关于|开展|做好|加强|加快|推进|进一步|全面|认真|切实|我们|我[镇乡局委])+"
    r"|(?:的)?(?:督办通知单?|督办单|督办|通知|文件|工作|事项|任务|专项行动|行动)+$"
)
_TITLE_MARKS = re.compile(r"[“”\"'‘’《》「」\s]")


def _titles(text: str) -> tuple[str, ...]:
    found = [m[1] for m in _TITLE_BOOK.finditer(text)] + [m[1] for m in _TITLE_ABOUT.finditer(text)]
    found += [m[1] for m in _TITLE_POINTED.finditer(text)] + [m[1] for m in _TITLE_RECEIVED.finditer(text)]
    cores = (_title_core(title) for title in found)
    return tuple(dict.fromkeys(core for core in cores if len(core) >= _TITLE_MIN))


_TITLE_MIN = 3  # "消防" alone is too little to pick a notice by


def _title_core(title: str) -> str:
    core = _TITLE_MARKS.sub("", fold(title))
    if core.startswith("关于") and "的" in core:
        core = core[2:]
    previous = None
    while previous != core:
        previous, core = core, _TITLE_FRAME.sub("", core)
    return core


def title_fits(subject: str, title: str) -> bool:
    """Whether a subject a reply names ("冬季消防安全检查") is in a notice's title (关于开展冬季消防安全检查的通知)."""
    return len(subject) >= _TITLE_MIN and subject in _TITLE_MARKS.sub("", fold(title))


def parts(clauses: Sequence[Clause]) -> list[list[Clause]]:
    """The clauses grouped by the notice they speak of ("1号收到，2号已完成" → two parts).

    A clause without a number belongs to the part before it (a leading one to the first part); a
    message naming fewer than two notices in separate clauses stays whole.
    """
    groups: list[list[Clause]] = []
    for clause in clauses:
        # numbers alone on their lines list notices ("12号\n13号\n收到", "收到\n12号\n13号")
        listing = (
            bool(groups)
            and _numbers_only(groups[-1][-1])
            and (_numbers_only(clause) or all(_numbers_only(c) for c in groups[-1]))
        )
        names = bool(clause.refs or clause.unread)  # a day that may be a notice is asked about on its own
        if groups and (not names or not any(c.refs or c.unread for c in groups[-1]) or listing):
            groups[-1].append(clause)
        else:
            groups.append([clause])
    return groups if sum(any(c.refs or c.unread for c in g) for g in groups) > 1 else [list(clauses)]


_ONLY_NUMBERS = re.compile(r"^[\d零〇一二两三四五六七八九十百、和及与跟第号期#no.督办〔〕()\[\]【】年]+$")


def _numbers_only(clause: Clause) -> bool:
    """A clause that is only notice numbers ("12号", "13号、"), no acts, no report's date."""
    return (
        bool(clause.refs)
        and not clause.acts
        and not any(ref.heading for ref in clause.refs)
        and _ONLY_NUMBERS.match(clause.text) is not None
    )


def part_texts(text: str, count: int) -> list[str]:
    """The message's own words for each of `count` parts, to record with each notice ("2号因…申请延期")
    — or the whole message for each when the cut does not come out the same."""
    cut = _break_before_numbers(_unlist(unicodedata.normalize("NFKC", text)))  # lists and spaces, as read
    pieces = [piece for piece in phrases.KEEP_BREAKS.split(cut) if piece.strip()]
    groups: list[str] = []
    for piece in pieces:
        if groups and (not find_notice_refs(piece) or not find_notice_refs(groups[-1])):
            groups[-1] += piece
        else:
            groups.append(piece)
    if len(groups) != count or count < 2:
        return [text] * count
    return [group.strip(" ，,。；;\n") for group in groups]


def summarise(clauses: Sequence[Clause]) -> Reading:
    """Decide from the clauses' facts what the message says for the sender's own unit."""
    acts = [act for clause in clauses for act in clause.acts]
    stated = {act.kind for act in acts if act.mode == "stated"}
    if "forwarded" in stated and "received" not in stated and _any(clauses, phrases.DELAYED_POINTED):
        # "749号防溺水上周延了两天的那个，已经报了领导": the notice long in hand, what went up is the work delayed
        stated = (stated - {"forwarded"}) | {"done"}
    doubted = any(act.kind == "received" and act.mode in ("asked", "denied") for act in acts)
    # "我先收到了，等领导回来再签收": the unit itself defers its receipt (the office looks)
    deferred = any(act.kind == "received" and act.mode == "promised" for act in acts)
    # "收到，等局长回来再正式答复": the formal reply put off until someone returns
    deferred = deferred or any(phrases.REPLY_DEFERRED.search(c.text) for c in clauses)
    # "公路站收到了，我们局还没": the sender's own unit, elliptically, has not
    own_not_yet = any(phrases.OWN_NOT_YET.search(clause.text) for clause in clauses)
    tells_others = any(phrases.TELLS_OTHERS_TO_REPLY.search(clause.text) for clause in clauses)
    sent_up = any(phrases.MATERIAL_RECEIVED.search(c.text) for c in clauses) and any(
        phrases.SENT_UP.search(c.text) for c in clauses
    )
    tells_others = tells_others or sent_up
    # "收到了，是13号吧？", "13号那个是我们的吗？收到": which notice, or whether it is the unit's, is asked
    in_doubt = any((c.asked or c.text.endswith("吧")) and phrases.NOTICE_ASKED.match(c.text) for c in clauses)
    in_doubt = in_doubt or any(c.asked and phrases.WHICH_ASKED.search(c.text) for c in clauses)
    in_doubt = in_doubt or any(
        ((c.asked or c.text.endswith("吧")) and phrases.SUBJECT_ASKED.match(c.text))
        or phrases.SUBJECT_ASKED_WITHIN.search(c.text)
        for c in clauses
    )
    in_doubt = in_doubt or any(phrases.WHOSE.search(c.text) for c in clauses)
    in_doubt = in_doubt or any(c.asked and phrases.DUTY_ASKED.search(c.text) for c in clauses)
    in_doubt = in_doubt or any(
        (c.asked or c.text.endswith(("吗", "么"))) and phrases.SCOPE_ASKED.search(c.text) for c in clauses
    )
    in_doubt = in_doubt or any(not c.refs and phrases.NOT_OURS_DOUBTED.search(c.text) for c in clauses)
    in_doubt = in_doubt or any(c.asked and phrases.ISSUER_ASKED.match(c.text) for c in clauses)
    in_doubt = in_doubt or _any(clauses, phrases.HELD_BACK)
    # "收到，两个都是今天发的吧？我们这边只看到一个", "458收到 督办单编号有误吧": what arrived is in doubt
    in_doubt = in_doubt or any(phrases.ARRIVAL_DOUBTED.search(c.text) for c in clauses)
    doubted = (
        doubted or deferred or own_not_yet or tells_others or in_doubt or _earlier_against_later(clauses)
    )
    # "能申请延期吗，还是必须按时报？": whether a delay may be had at all, no request
    asked_time = "ask_time" in stated and not any(phrases.OR_ON_TIME.match(c.text) for c in clauses)
    # why some is not done, told in a report ("…情况报告…二、存在问题 3个项目因审计未完成，暂未拨付"), is no request
    reasoned = _any(clauses, phrases.REASON) and _any(clauses, phrases.NOT_DONE) and "report" not in stated
    # "三天时间根本弄不完，每次都这么急": the haste complained of, no request
    complained = _any(clauses, phrases.HASTE_COMPLAINED)
    delay = asked_time or ("delay" in stated and not complained) or reasoned
    # "估计要延期，等领导定了再正式申请": the request itself is still to come
    delay = asked_time or (delay and not _any(clauses, phrases.REQUEST_LATER))
    # what was passed to the leaders, in a delay request, is the request: "需延期，已报分管领导同意"
    # a hotline's work order passed on ("工单2：…已转社区调解") is no notice forwarded
    forwarded = "forwarded" in stated and not delay and not _any(clauses, phrases.WORK_ORDER)
    receipt = ("received" in stated or forwarded) and not doubted
    if receipt and not any(c.refs for c in clauses) and _any(clauses, phrases.MEETING_REPLY):
        # "收到，明天准时参会": a meeting's notice; "通知收到，会议按时参加" names the notice it got
        # ("收到通知，明天上午9点到3楼会议室参会": the notice told by its hour and room is the meeting's)
        receipt = any(phrases.NOTICE_NAMED.search(c.text) for c in clauses) and not _any(
            clauses, phrases.MEETING_AT
        )
    if receipt and not any(c.refs for c in clauses) and _any(clauses, phrases.CALL_BACK):
        # "收到，一会儿给您回电话": someone's call answered; "通知收到，稍后给您回电话" names what it got
        receipt = any(phrases.NOTICE_NAMED.search(c.text) for c in clauses)
    kind = _feedback_kind(clauses, stated, receipt=receipt, delay=delay)
    if kind is not None and "received" not in stated:
        receipt = False  # "825号的倡议书已发到各村，全乡共张贴宣传单1200份": passed on as a step of the work reported
    refs_named = any(c.refs for c in clauses)
    if receipt and not refs_named and _any(clauses, phrases.ARRIVED_EN):
        receipt = False  # "the brochures from the water bureau arrived, 500 copies, received": goods
    if kind is not None and not receipt and not refs_named and _any(clauses, phrases.WORK_ORDER):
        kind = None  # "12345转来的那个欠薪工单 我们已经处理了": the hotline's order, not a notice
    if kind is not None and _any(clauses, phrases.BURDEN) and _any(clauses, phrases.TIMES_OVER):
        kind = None  # "这个月的表也太多了，光940号就报了四次", "去年也是这样，表格改了三遍": how often, a complaint
    if kind is not None and not receipt and _other_matter_only(clauses):
        kind = None  # "收到群众来信两封，正在核实": the work is on what else arrived
    if kind is not None and any(
        (c.asked or c.text.endswith(("吗", "么"))) and _ASKED_AGAIN.search(c.text) for c in clauses
    ):
        kind = None  # "8号的月报5号就报了啊，是不是又要报一次？": the report told is an earlier one, this one asked about
    present: dict[str, bool] = {"receipt": receipt, "feedback": kind is not None, "delay": delay}
    sent_when = {  # notices told apart by the day they came ("周一发的收到了，周三的还没"), not a delay's days
        m[0].rstrip("的发来下")
        for c in clauses
        if not any(act.kind in ("delay", "ask_time") for act in c.acts)
        for m in phrases.SENT_WHEN.finditer(c.text)
    }
    subjects = {m[1] for c in clauses if (m := phrases.SUBJECT_POINTED.match(c.text))}
    if any(phrases.EXCEPT.search(clause.text) for clause in clauses) or (
        (len(sent_when) > 1 or len(subjects) > 1) and not refs_named
    ):
        present = dict.fromkeys(present, False)  # "除了12号都收到了": the office reads it
    intents = frozenset(name for name, said in present.items() if said)
    refs = tuple(dict.fromkeys(ref for clause in clauses for ref in clause.refs))
    problem = any(act.kind == "problem" for act in acts)
    all_owed = receipt and any(
        act.all_owed for act in acts if act.kind == "received" and act.mode == "stated"
    )
    text = "".join(clause.text for clause in clauses)
    related = not intents and bool(
        refs or problem or phrases.RELATED.search(text) or len(text) >= RELATED_LENGTH
    )
    titles = tuple(dict.fromkeys(title for clause in clauses for title in clause.titles))
    read = {ref.seq for ref in refs}
    unread = tuple(
        dict.fromkeys(
            [n for clause in clauses for n in clause.unread]
            + [n for clause in clauses if not clause.counted for n in unread_numbers(clause.text, read)]
        )
    )
    garbled = any(garbled_number(clause.text) for clause in clauses if not clause.counted)
    return Reading(intents, kind, refs, all_owed, problem, related, titles, unread, garbled)


def _feedback_kind(
    clauses: Sequence[Clause], stated: set[ActKind], *, receipt: bool, delay: bool
) -> str | None:
    """progress, done or None; mixed or partial signals read as progress."""
    if delay:
        stated = stated - {"estimate"}  # "预计12月底完工" in a delay is its new date, not progress
    if not stated & {"done", "progress", "report", "estimate"}:
        return None
    progress_clauses = [
        c for c in clauses if any(a.kind == "progress" and a.mode == "stated" for a in c.acts)
    ]
    passing_on = all(_passed_on(c.text) for c in progress_clauses)
    if receipt and passing_on and _only_passed_on(clauses, stated):
        return None  # "收到，各村已全部通知到位": the notice passed on, as its receipt
    worked = [
        c for c in clauses if any(a.kind in ("progress", "done") and a.mode == "stated" for a in c.acts)
    ]
    if receipt and worked and all(phrases.IN_HAND_PEOPLE.search(_after_receipt(c.text)) for c in worked):
        # "355收到 地灾点的监测员名单已经排好了": those who will do it named, as the receipt's own step
        return None
    if "done" not in stated:
        if receipt and all(phrases.IN_HAND.search(_after_receipt(c.text)) for c in progress_clauses):
            return None  # "收到，已安排": the receipt, in hand; nothing reported yet
        counted = not progress_clauses and _DONE_COUNTED.search("".join(c.text for c in clauses))
        if delay and all(_only_why_late(c.text) for c in progress_clauses) and not counted:
            return None  # "还在汇总", "还有2个村没完成", "只有61%": why it is late, not a report
    several = len({ref for clause in clauses for ref in clause.refs}) > 1
    if "done" not in stated or "progress" in stated or (delay and not several) or _looks_partial(clauses):
        return "progress"  # a header alone (落实情况如下) says nothing done; a delay reports stage progress
    return "done"


# Work done so far counted beside a delay ("已复耕2400亩，剩下300亩…需要延到7月中旬", "已经查了31家…推迟到下周三报行吗"):
# progress reported with the request.
# (or returns counted in: "全县3.2万份收回来2.7万份，想延到期末考试结束后再报")
_DONE_COUNTED = re.compile(rf"(?:已经?[\u4e00-\u9fff]{{1,3}}?了?|收回来?了?)\d+(?:\.\d+)?万?(?:{UNIT_WORD})")


def _only_why_late(text: str) -> bool:
    """Whether a clause beside a delay tells only why it is late: work under way or how far it falls short, and no work
    done before that ("台帐整理了六个村还有四个村没弄可能要晚两天" tells six villages done)."""
    if phrases.STUCK.search(text):
        return True
    found = [m.start() for m in (_UNDER_WAY_RE.search(text), phrases.SHORT_OF.search(text)) if m]
    return bool(found) and not phrases.PROGRESS.search(text, 0, min(found))


def _only_passed_on(clauses: Sequence[Clause], stated: set[ActKind]) -> bool:
    """Whether the only work told is the notice passed on to all it concerns ("已全部通知到位")."""
    done = [c for c in clauses if any(a.kind == "done" and a.mode == "stated" for a in c.acts)]
    return not stated & {"report", "estimate"} and all(_passed_on(c.text) for c in done)


def _passed_on(text: str) -> bool:
    """Whether a clause tells the notice passed on and no work besides ("已下发各村", not "…并全部整改完毕")."""
    rest = phrases.PASSED_ON.sub("", text)
    return rest != text and not phrases.DONE.search(rest) and not phrases.PROGRESS.search(rest)


def _earlier_against_later(clauses: Sequence[Clause]) -> bool:
    """Whether an earlier notice is said received and a later one not seen ("上次那个收到了，这次的还没看见"):
    which notice arrived cannot be told."""
    earlier = any(
        phrases.EARLIER.search(c.text) and any(a.kind == "received" and a.mode == "stated" for a in c.acts)
        for c in clauses
    )
    return earlier and any(phrases.NOT_YET_SEEN.search(c.text) for c in clauses)


def _other_matter_only(clauses: Sequence[Clause]) -> bool:
    """Whether the message opens with something other than a notice received and names no notice: what else
    arrived ("收到群众来信两封，正在核实"), another issuer's document ("市森防指的紧急通知我们也收到了，已组织学习"), or
    money a higher body sent come in ("省里下达的…280万元已到账，正在核对"); or it invites everyone to an event
    ("本周六上午县医院在广场组织防暑义诊，欢迎大家带家人参加～": an announcement)."""
    if not clauses or any(c.refs for c in clauses):
        return False
    opening = _Text(clauses[0].text, asked=False)
    return (
        _received_something_else(opening)
        # (returns collected from those below the unit, "各社区反馈已收到，共排查…", are its work)
        or any(
            phrases.RECEIVED_FROM_OTHERS.search(opening.text[:start])
            for _, _, start in _matches(phrases.RECEIPT, opening)
        )
        or _FUNDS_FROM_ABOVE.search(opening.text) is not None
        or any(_INVITATION.search(c.text) for c in clauses)
    )


# Whether the notice is a new one or asks for the same report again: "这个是新的吗", "是不是又要报一次？".
_ASKED_AGAIN = re.compile(
    r"是新的|新的吗|(?:又|再|重新)(?:要|得|需要)?(?:报|交|填|上报|报送)(?:一次|一遍|一回|一下)?"
)
# Everyone invited to an event: an announcement, no report ("欢迎大家带家人参加～").
_INVITATION = re.compile(r"欢迎(?:大家|各位|同事们?|你们)[^,。;]{0,8}?(?:参加|参与|报名|前来|光临|来)")
# Money a higher body sent, come in: "省里下达的耕地地力保护补贴第二批280万元已到账" (the unit's own paying out is work).
_FUNDS_FROM_ABOVE = re.compile(
    r"^(?:中央|省|市|上级)[\u4e00-\u9fff]{0,4}?(?:下达|下拨|拨付|拨来|转来|安排)的[^,。;]{2,24}?(?:元|资金|款项?|经费|补贴|补助)"
    r"(?:已经?|均已|全部)?(?:全部)?到账了?$"
    # … or named by its level: "高标准农田的省级补助资金323万元今天到账了" (not "已拨付到账": the unit paid it out)
    r"|^[^,。;]{0,12}?(?:中央|省级|市级|上级)[^,。;]{0,12}?(?:资金|款项?|经费|补贴|补助)(?:(?!拨付|发放|兑付)[^,。;]){0,16}?到账了?$"
)


def _after_receipt(text: str) -> str:
    """What a clause says beside its receipt, without the notice's number ("9号已对接…": 已对接…)."""
    return phrases.LEADING_NUMBER.sub("", phrases.RECEIPT.sub("", text).strip("，,。 了"))


def _any(clauses: Sequence[Clause], pattern: re.Pattern[str]) -> bool:
    return any(
        pattern.search(c.text)
        and not phrases.QUESTION_WORD.search(c.text)
        and not phrases.DIRECTIVE_BEFORE.search(c.text)
        for c in clauses
    )


# ---- cleaning and cutting -------------------------------------------------------------------


# Bare numbers past any day where a notice's number stands: opening the message before a space or 的 ("140 劝导站
# 今天上岗了", "165 166 的报表都在系统里提交了") or right after the receipt word ("收到了157", "received，144 thanks", "接到718了", "签收：726/728").
# An English word after a number, no measure: "803 update：…" (not "365 days", "500 kg").
_ENGLISH_WORD_AHEAD = (
    r"(?!(?:kg|km|mm|cm|ml|mb|gb|kb|m|g|t|days?|hours?|mins?|minutes?|pcs|people|persons?"
    r"|households?|yuan|rmb|units?|times?|percent|villages?|sites?|tons?|copies|pieces?|sets?|boxes|bags?|cases?|items?|packs?"
    r"|bottles?|cartons?|schools?|roads?|trucks?|cars?|teams?|workers?|staff"
    r"|batch(?:es)?|samples?|firms?|companies|shops?|stores?|restaurants?|farms?|plots?|points?|spots?)(?![a-z]))[a-z]"
)
_BARE_HEAD = re.compile(
    # (or before a count: "863 5件建议提案 all replied")
    rf"^(\d{{2,3}}(?:{phrases.NUMBER_LIST_SEP.pattern}\d{{2,3}})*)(?=[^\S\n]*的|[^\S\n]+(?:[\u4e00-\u9fff]|{phrases.COUNT_AHEAD.pattern}))(?![^\S\n]*[多余来号期])"  # "437 号": its own 号
    # … or before an English word ("803 update：…", "881 first week：…"), not a measure ("365 days", "500 kg")
    rf"|^(\d{{2,3}})(?=[^\S\n]+{_ENGLISH_WORD_AHEAD})"
    rf"|^(\d{{2,3}}(?:{phrases.NUMBER_LIST_SEP.pattern}\d{{2,3}})+)(?=两个|两份|几个|都|均)"  # "146、147两个都报了", "146跟147都报了"
)
# A bare number past any day opening a clause, the notice's subject right after it ("284值班表已报，285我镇不涉及"):
# not a count or an amount (a measure word follows), a year or a phone service (110, 119, 120, 12345).
_MEASURE = (
    r"个|户|处|家|村|条|项|件|栋|座|所|人|名|份|公里|米|亩|笔|场|起|元|万|千|百|亿|余|多|年|月|日|天|号|期|岁|次|辆|台|吨"
    r"|平|间|批|类|块|只|头|株|棵|小时|分|秒|斤|箱|袋|套|本|张|页|位|车|站|点|组|周|届|路|国道|省道|线|楼|室|床|校"
    r"|毫|厘|公|立方|千瓦|度|倍|成|折"
    r"|[和与跟及至到](?!我|咱|本单位)"  # a list of numbers goes on: "249和250两个都收到了" (not "347跟我们没关系吧")
)
# … but words that open with a measure's character are none: "706本周巡查无火点", "710台账发您邮箱啦", "767年报定报进度",
# "790年终总结", "629元旦值班表已报", "776周报往后延一天", "756百日攻坚", "875人居环境月报", and after three digits "771项目用地" ("60项目" may
# count projects)
_MEASURE_AHEAD = rf"(?!本(?:周|月|年|季|次|轮|期)|台[账帐风]|校车|元旦|年(?:报|终|度)|[周月日]报|百日|人居|(?<=\d\d\d)项目)(?:{_MEASURE})"
# (also a space after the clause's mark, "352 received; 353 不涉及我局", after an English word's full stop or a word turning to
# another matter, "不过838那3个图斑…", and before a colon heading what is said of it: "60 received. 58: 60 km 农村公路巡查
# done"; never a time, "10:31")
_TURN = "|".join(TURNING_WORDS)
_BARE_CLAUSE_HEAD = re.compile(
    rf"(?:(?<=^)|(?<=[,，。;；!！\n])|(?<=[a-z]\.))((?:{_TURN})?(?:然后)?(?:那个)?[^\S\n]*)(?!(?:110|114|119|120|122)(?!\d))(3[2-9]|[4-9]\d|[1-9]\d{{2}})"
    rf"(?:(?=[^\S\n]*[\u4e00-\u9fff])(?![^\S\n]*{_MEASURE_AHEAD})|(?=[^\S\n]*:(?!\d)|:\d{{1,2}}月)"  # "822：8月全县…"
    rf"|(?=[^\S\n]+{_ENGLISH_WORD_AHEAD}))"  # "618 ok. 614 signed & submitted"
)
# … or after the unit's own, or a name's, opening a clause, before a word: "我们的617昨天下午就交了的嘛", "东关的519已于今日报送",
# also pointed at as what was asked ("昨天问的那个 314 台账——交了"; not a phone service: "我们的那个120急救车")
_BARE_AFTER_POINTER = re.compile(
    rf"(我们的|咱们的|(?:^|(?<=[,，。;；!！?？\n]))[\u4e00-\u9fff]{{2,5}}的(?:那个[^\S\n]*)?)(?!(?:110|114|119|120|122)(?!\d))([1-9]\d{{2}})(?=[^\S\n]*[\u4e00-\u9fff])(?![^\S\n]*{_MEASURE_AHEAD})"
)
_BARE_AFTER_RECEIPT = re.compile(
    rf"((?:收到|签收|接到|接收|received|rcvd|shoudao|(?<![a-z])sd|(?<![a-z])[Gg]ot)了?[,，:：]?[^\S\n]*)(\d{{2,3}}(?:(?:{phrases.NUMBER_LIST_SEP.pattern}|/)\d{{2,3}})*)"
    r"(?=[^\S\n]*(?:$|[,。!]|\.(?!\d)|了?$|了[,。!]|两个|两份|几个|thanks|thx|谢谢|通知)|[^\S\n]+(?![和及与跟号期])[\u4e00-\u9fff]"  # "收到447了，…", "收到 81 有问题打我电话"
    r"|的(?:更正|修改|修订|更新|补充|重发|补发)"  # the notice's attachment sent again: "收到202的补发附件了"
    r"|[^\S\n]+[a-z]{2,}"  # pinyin or English on: "shoudao 231 le", "sd 231 fangxun na ge"
    r"|[哈啦呀嘞哦滴]+(?:[^\S\n]*(?:$|[,。!~])|[^\S\n]+))"  # a closing particle: "东关收到625哈，…", "东关收到638哈~", "收到897滴～", "收到805啦 明天…"
)

# … or after an English "for", ending the clause: "need 2 more days for 750" (English words are run together by now).
_BARE_AFTER_FOR = re.compile(r"(for[^\S\n]*)(\d{2,3})(?=[^\S\n]*(?:$|[,。;!?\n]))")


_LIST_OR_SLASH = re.compile(rf"{phrases.NUMBER_LIST_SEP.pattern}|/")  # "签收：726/728" (12/15 stays a date)


def _wu_words(text: str) -> str:
    """Wu function words read as Mandarin where the message is Wu: 额 as 的 ("欠薪额表格"), 搭 as 和 between numbers
    ("500搭502"), 只 as 个 after a count of notices ("两只通知")."""
    text = phrases.WU_AND.sub("和", phrases.WU_PIECE.sub("个", text))
    return phrases.WU_OF.sub("的", text) if phrases.WU_MARK.search(text) else text


def _numbers_as_notices(text: str) -> str:
    """Bare numbers past any day where a notice's number stands written with 号 (see _BARE_HEAD)."""

    def numbered(numbers: str) -> str | None:
        seqs = _LIST_OR_SLASH.split(numbers)
        return "、".join(f"{n}号" for n in seqs) if all(int(n) > DAYS_IN_A_MONTH for n in seqs) else None

    head = _BARE_HEAD.match(text)
    if head and (named := numbered(head[1] or head[2] or head[3])):
        text = named + text[head.end() :]
    text = _BARE_CLAUSE_HEAD.sub(r"\1\2号", text)
    text = _BARE_AFTER_RECEIPT.sub(lambda m: m[1] + (numbered(m[2]) or m[2]), text)
    text = _BARE_AFTER_POINTER.sub(r"\1\2号", text)
    return _BARE_AFTER_FOR.sub(lambda m: m[1] + (numbered(m[2]) or m[2]), text)


# Dialect spellings of a negation ("木有发现火点", "我们木法按时报了"), of a day, of 了 ("秸秆都拉走咧") and of 我们.
_DIALECT_WORDS = {
    "咧": "了",
    "木有": "没有",
    "还木": "还没",  # "村里还木弄完" (not yet; not 还木材款)
    "木法": "没法",
    "木得": "没有",
    "木": "没",  # "俺们还有3个村木弄完" (not yet done; only before such a deed and 完)
    # the southwest's: "数莫得交上来", "608 这周莫得火点" (none found), "明天交要得不" (OK?)
    "莫得": "没有",
    "要得不": "行不行",
    "搞归一": "搞完",  # "603 搞归一了" (done)
    "弄归一": "弄完",
    "冇": "没有",
    "俺们": "我们",
    "昨黑": "昨晚",
    "夜儿个黑": "昨天晚上",  # "夜儿个黑就发恁邮箱了": yesterday evening
    "夜儿个": "昨天",
    "恁放心": "放心",  # an assurance, no one else's doing
    "恁": "你们",  # Henan "you" ("发恁邮箱了", "恁又发了一遍"); not 恁多 / 恁大 ("so")
    "今儿": "今天",
    "明儿": "明天",
    # Cantonese: "我哋仲未整完，可唔可以听日先交？"
    "我哋": "我们",
    "佢哋": "他们",
    "仲未": "还没",
    "可唔可以": "可不可以",
    "听日": "明天",
    "琴日": "昨天",
    # … and its particles and pointers: "612收咗，唔该", "水库我哋琴日已经放咗水", "啱啱嗰个收到…", "612嘅统计表可唔可以迟两日先交？"
    "收咗": "收到了",
    "咗": "了",
    "嘅": "的",
    "唔该": "谢谢",
    "啱啱": "刚刚",
    "嗰个": "那个",
    "迟两日": "晚两天",
    # a northern "saw": "没瞅着啥问题"
    "没瞅着": "没发现",
    "没瞅见": "没发现",
    # Wu (Shanghai, Ningbo): "阿拉搿两日在搞防汛，来弗及了，能弗能下礼拜三再报", "表格今朝报了", "上趟讲"
    "阿拉": "我们",
    "搿": "这",
    "来弗及": "来不及",
    "能弗能": "能不能",
    "好弗好": "好不好",
    "今朝": "今天",
    "上趟": "上次",
}
_DIALECT_NOT_BEFORE_WU = {"阿拉": "(?![伯善尔斯])"}
# A number read out digit by digit, by a receipt word, 号 or in a list: "收到五七二、五七五", "四一三的月报", and
# the ones after it a space or a 跟 apart ("收到，五三一 五三四", "收到 七一五 跟 七一四"), or ending the message ("收到 七五七
# 不对 是七五八"); also before a receipt word a space apart, as voice input spaces its words ("三五二 收到"), a list of
# them a space apart opening a clause, then what is said of them all ("三四三 三四四 都 收到 了"), and one opening a
# clause before a word of what is said of it, as a bare number does (_BARE_HEAD: "七零八 森林 防火 …"; not a count,
# "三四五 个 村": a measure word follows).
_SPOKEN_NUMBER = r"[一二三四五六七八九][零〇一二三四五六七八九]{2}(?![零〇一二三四五六七八九十百千万两])"
_SPOKEN_LIST = rf"{_SPOKEN_NUMBER}(?:(?:{phrases.NUMBER_LIST_SEP.pattern}|[^\S\n]+){_SPOKEN_NUMBER})"
_DIGIT_BY_DIGIT = re.compile(
    rf"(?:(?<=收到)|(?<=收到 )|(?<=签收)|(?<=[、,]))({_SPOKEN_LIST}*)"
    r"|(?<![零〇一二三四五六七八九十百千万两])([一二三四五六七八九][零〇一二三四五六七八九]{2})"
    r"(?=号|[^\S\n]*(?:收到|收悉|签收)|[、,]|[^\S\n]*的|[^\S\n]*$|那个|这个)"  # "五零三那个秸秆的收到了"
    rf"|(?:(?<=^)|(?<=[,。;!?\n]))({_SPOKEN_LIST}+)"
    r"(?=[^\S\n]*(?:号|都|均|也|收到|收悉|签收))"
    # (also after a filler pointing at it, and before its subject unspaced: "然后那个五零零排查的，…")
    rf"|(?:(?<=^)|(?<=[,。;!?\n])|(?<=然后那个)|(?<=然后)|(?<=那个))({_SPOKEN_NUMBER})"
    rf"(?=[^\S\n]*(?!{_MEASURE_AHEAD})[\u4e00-\u9fff])"
)
# A second number read out right after one just read, before what both are ("七二零 七二三 那个 收到了"): a list.
_SPOKEN_AFTER_NUMBER = re.compile(
    rf"(?<=\d\d\d)[^\S\n]*({_SPOKEN_NUMBER})(?=[^\S\n]*(?:那个|这个|那两个|这两个|号|都|也|收到|收悉|签收))"
)
# A message typed a character at a time, each a space apart ("收 到 五 三 九"): its words are the characters run
# together (a number read out digit by digit is then one number, as unspaced).
_SPACED_OUT = re.compile(r"[^\S\n]*[\u4e00-\u9fff](?:[^\S\n]+[\u4e00-\u9fff]){2,}[^\S\n]*")
# … or only its number, before 号, 的 or the receipt word ("七 四 六 的 低保 走访 表"), as Arabic digits are
# (notice_ref._SPACED_DIGITS), after the receipt word or the right one named ending the message ("收到 七 三 四",
# "不对 是 八 三 零"), or opening the message
# before a word of what is said of it ("七 五 六 百日 攻坚 …"; not "三 四 五 个 村": three or four or five).
_SPACED_SPOKEN = r"([一二三四五六七八九])[^\S\n]([零〇一二三四五六七八九])[^\S\n]([零〇一二三四五六七八九])"
_SPACED_SPOKEN_DIGITS = re.compile(
    r"(?<![零〇一二三四五六七八九十百千万两])(?<![零〇一二三四五六七八九十百千万两][^\S\n])"
    rf"(?:{_SPACED_SPOKEN}(?=[^\S\n]*(?:号|期|的|收到|收悉|签收))"
    rf"|(?:(?<=收到)|(?<=收悉)|(?<=签收)|(?<=是)|(?<=应为))[^\S\n]*{_SPACED_SPOKEN}(?=[^\S\n]*$)"
    rf"|^{_SPACED_SPOKEN}(?=[^\S\n]+(?!{_MEASURE_AHEAD})[\u4e00-\u9fff]))"
)
_TILDE_PAUSE = re.compile(
    r"~+[^\S\n]+|(?<=[\u4e00-\u9fff])~+(?=\d)"
)  # "嗯嗯收到～500 501都收到啦" (not "12~14号")
# A plus between words, as some write a pause ("+564号数据+乡镇还没报齐+晚两天"): a clause break where the message has
# two or more; never between numbers ("12+13号", "K55+300") and not one alone ("已转护林站+林场": and).
# The southwest's 嘛 closing a request or a statement, a space after it: what follows is said apart ("615自查表晚一天报嘛
# 村里网断了").
_PARTICLE_PAUSE = re.compile(r"(?<=[\u4e00-\u9fff]嘛)[^\S\n]+(?=[\u4e00-\u9fff])")
_PLUS_PAUSE = re.compile(r"(?:^|(?<=[\u4e00-\u9fff]))\+(?=[\u4e00-\u9fff\d])|(?<=\d)\+(?=[\u4e00-\u9fff])")
# A tick, an arrow or a slash after a notice's number opening a clause, words after it: the number heads its own line
# ("206 √ 收到", "202 √ 本周无火点", "108→今天巡了三个片区", "203/收到/交通局 马"); a tick alone ("908√") acknowledges (phrases.NUMBERS_OK).
_MARK_AFTER_NUMBER = re.compile(
    r"(?:^|[^\S\n]+|(?<=[\n,。;!?，；！？]))(\d{1,3})[^\S\n]*(?:[\u221a\u2713/]|→|->)[^\S\n]*(?=[\u4e00-\u9fff])"
)
# A bullet opening each point of a message: a line break ("·112号收到 ·已成立…工作专班"); never a dot inside a name
# ("阿依·买买提").
_BULLET = re.compile(r"(?:^|[^\S\n]+)[\u00b7\u2022\u30fb\u25aa\u25cf][^\S\n]*")
# A notice's slip signed, said by the slip: "206号单 已签", "256号单 签" sign for it (not "已签字", "签订", "签到").
# A message after a bare 收到 telling which notice it was for: "刚才那个收到是201哈" (not asked: "…是201吗").
_RECEIPT_NAMED_AFTER = re.compile(
    r"^[^\S\n]*(?:刚才|刚刚|上面|上一条)(?:那个|那条|发的|的)?收到(?:的)?是第?(\d{1,3})号?(?:的|那个)?(?=[啊呀哈哦嘛,。!~\s]*$)"
)
_SLIP_SIGNED = re.compile(r"(?<=\d号单)[^\S\n]*(已经?)?签(?=[\s,。;!?]|$)")
# A notice's number in financial numerals, as a finance bureau writes it: its digits ("壹佰号自查情况" is 100号).
_FINANCIAL_NUMERAL = re.compile(
    r"(?<![零〇一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰])[零〇一二两三四五六七八九十百]{0,5}"
    r"[壹贰叁肆伍陆柒捌玖拾佰][零〇一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰]{0,5}(?=号)"
)
_SPOKEN_DIGITS = str.maketrans("零〇一二三四五六七八九", "00123456789")
# A notice's number heading a pasted table's row: "461\t平台已恢复，今天上午已报".
_TABLE_ROW_NUMBER = re.compile(
    r"(?m)^(\d{2,3})\t(?![\d,.%]+(?:\t|$))"
)  # (not a row of figures: "46\t8,215\t…")
_DIALECT_NOT_BEFORE = {
    "恁": "(?![多大么样般些长高快好])",
    "还木": "(?=[弄做整搞报交干写填查核完])",
    "木": "(?=[弄做整搞干写填办]完)",
    **_DIALECT_NOT_BEFORE_WU,
}
_DIALECT = re.compile("|".join(word + _DIALECT_NOT_BEFORE.get(word, "") for word in _DIALECT_WORDS))
# 以 typed for 已 (the same pinyin): 以经 before a verb ("护林员以经上岗了"; not 以经济 / 以经验 …), 以报 after a notice, its
# paper or the day, a space apart too ("一号的排查表 以报", "7号的以报"; not "以报送时间为准", "可以报"), and 以转 after
# the receipt word.
_TYPED_ALREADY = re.compile(
    r"(?<=[表单料告账])一(?=报了?(?:[^\S\n]|[,，。;；!！\n]|$))"  # 一 for 已 as well: "701排查表一报 708收到" (not "附表一报送")
    r"|以(?=经(?![济营费验过典纬纪销手商管办])[\u4e00-\u9fff])"
    r"|(?<=[号表单料告账据案结册评天午的])([^\S\n]*)以(?=补?报(?!送?[^,。;\n]{0,6}?为准))"
    # … and right after the receipt word, a space apart too, before the passing on ("130号收到以转各村", "收到 以转发各村";
    # not "收到以后转", "收到以下")
    r"|(?<=收到|收悉|签收)(?=[^\S\n]{0,3}以(?:转发?|下发|传达|分发|安排|部署)(?!给?我们))([^\S\n]{0,3})以"
    r"|(?<=收到了|收悉了|签收了)(?=[^\S\n]{0,3}以(?:转发?|下发|传达|分发|安排|部署)(?!给?我们))([^\S\n]{0,3})以"  # "823收到了以转发各村"
)
# 好 or 浩 typed or heard for 号 after the number a receipt names, ending the clause: "收到四六六好" (466 by then);
# never before more words ("收到12好的" stays as it is).
_HAO_AFTER_RECEIPT = re.compile(
    r"(?<=收到|收悉|签收)([^\S\n]{0,3}\d{1,3})(?:好|浩)(?=[^\S\n]*(?:$|[,，。;；!！\n]))"
)
# The dialect's 中 (行, OK) a space after a receipt that is the whole message: "俺们收到了 中" says no more than 收到了
# (never "收到 中午开会", "收到中", "融雪剂拉到镇上了 收到 中": goods, nor 中 inside a sentence).
_OK_AFTER_RECEIPT = re.compile(
    r"^([^\S\n]*(?:我们|我[局镇乡委]|咱们?)?(?:都|也)?(?:已经?)?(?:收到|收悉|签收|知道|晓得)[了啦]?)[^\S\n]+中[嘞啊呀哈]?[\s!！。~]*$"
)
# … and the same 中 right after the notice's number (past any day) opening the message, a space or a stop after it:
# "815中 俺们乡这周木有欠薪的" (not "815中提到的", "815 中午报", nor a school: "12中 今天停课")
_OK_AFTER_NUMBER = re.compile(
    r"^([^\S\n]*(?:3[2-9]|[4-9]\d|[1-9]\d\d)号?)中[嘞啊呀哈]?(?=[^\S\n]+[^\s午]|[^\S\n]*(?:[,，。!！\n]|$))"
)
# A stray Latin letter typed right after a receipt word: "28号收到l".
_STRAY_LETTER = re.compile(r"(?<=收到|收悉|签收)[a-z](?![a-z])", re.IGNORECASE)
# The pinyin of 收到 after a number, Chinese words after a space: the receipt, what follows said apart
# ("556 sd 社区已经在排了" as "556 收到 社区已经在排了").
_PINYIN_RECEIPT_ON = re.compile(r"(?<=\d)([^\S\n]*)(?:sd|shoudao)(?=[^\S\n]+[\u4e00-\u9fff])", re.IGNORECASE)
# English said of the notice, spaces gone and lower-cased, as the Chinese the rules read: "值班 all normal",
# "值班表 sent to your email", "3 also sd" (never "not sent", "will send": those words are not these).
_ENGLISH_WORDS = {
    "allnormal": "一切正常",
    "sentto": "已发至",
    "also": "也",
    "nonewcases": "无新增案件",
    "allchecked": "全部检查完毕",  # "610号 校车线路 all checked，无隐患路段"
}
_ENGLISH = re.compile(
    r"(?<![a-z])(?:allnormal|allchecked)(?![a-z])|(?<![a-z])(?:sentto|nonewcases)|(?:(?<=\d)|(?<=\d[^\S\n]))also(?=[^\S\n]*(?:sd|received|rcvd))"
)
_QUOTE_MARKS = str.maketrans("「」", "\n\n")  # a quote's own start opens a clause ("「191号…？」")
_NOTICE_PAST_DAYS = re.compile(r"(?<!\d)(3[2-9]|[4-9]\d|[1-9]\d{2})号")
# A link and its extraction code ("https://pan.baidu.com/s/1kQz2041 提取码8k2m"): no words, no notice numbers.
_LINK = re.compile(
    r"https?://[\x21-\x7e]+|(?<=提取码)[:：]?[^\S\n]*[0-9a-zA-Z]{4}(?![0-9a-zA-Z])", re.IGNORECASE
)


# A chat export's time stamp heading a message: "【11.04 09:12】602收到…", "【12.06 08:40】636收到" (a clock time
# in it, so no dated heading: "【9月21日】401号周报")
_STAMP = re.compile(r"^[^\S\n]*【(?:\d{1,2}[./-]\d{1,2}[^\S\n]*)?\d{1,2}:\d{2}】", re.MULTILINE)
# A time stamp after the receipt, in brackets: "712已收（3.12 9:05）", "已收（3.19 7:52）720" (when it was signed for).
_STAMP_AFTER = re.compile(r"(?<=[收悉到])[^\S\n]*\((?:\d{1,2}[./-]\d{1,2}[^\S\n]*)?\d{1,2}:\d{2}\)")
# … or a date and time typed after the receipt word, closing the message ("收悉 9.1 16:42"): when, no notice.
_STAMP_CLOSING = re.compile(r"(?<=[收悉到阅])[^\S\n]+(?:\d{1,2}[./-]\d{1,2}[^\S\n]+)?\d{1,2}:\d{2}[^\S\n]*$")
# A word of assent opening the message before what it says ("嗯呐 858收到 842那个…", "嗯嗯 801的走访今天弄完啦"): nothing
# of its own ("嗯" alone is left as it is).
_OPENING_ASSENT = re.compile(r"^[^\S\n]*嗯+[呐哪]?(?:[^\S\n]+|[,，])(?=\S)")
# … or closing it, a space after what it says ("956 收到 不对 是963 嗯呐").
_CLOSING_ASSENT = re.compile(r"(?<=\S)[^\S\n]+嗯+[呐哪]?[^\S\n]*$")
# The office's words addressed to all units, quoted in “” at the head of the reply ("“请各单位于1月10日前报送…”收到"), are a
# quote as 「」 is.
_OFFICE_WORDS_QUOTED = re.compile(r"^[^\S\n]*“((?:请|各)[^“”\n]{4,80})”")
# A day written with a dot heading the message, as a duty log dates its lines ("4.5 收到…", "4.18 729号 …"): dropped
# (never an amount: "3.5 万元已拨付").
_DOT_DATE_HEAD = re.compile(
    r"^[^\S\n]*(?:1[0-2]|[1-9])\.(?:3[01]|[12]\d|[1-9])[^\S\n]+(?=\d|[\u4e00-\u9fff](?<![万亿元个吨亩米公千倍]))"
)
# A day written M/D heading the message ("8/12 809排查表上午已交") is a line of its own (no list with the number).
_DATE_HEAD = re.compile(r"^([^\S\n]*(?:1[0-2]|[1-9])/(?:3[01]|[12]\d|[1-9]))[^\S\n]+(?=\d)")
# A notice's number in brackets heading the message ("（940）春节医疗保障方案还在改"), past any day.
_PARENS_NUMBER = re.compile(r"^[^\S\n]*[(（]((?:3[2-9]|[4-9]\d|[1-9]\d\d))[)）]")
# The unit's short name before a notice's number and a colon ("管委会903：园区规上企业46家…"): its signature first.
_UNIT_BEFORE_NUMBER = re.compile(
    r"^([^\S\n]*[\u4e00-\u9fff]{0,6}(?:管委会|局|委|镇|乡|街道|办))((?:3[2-9]|[4-9]\d|[1-9]\d\d))(?=[:：])"
)
# … or its name heading the message before a colon, a notice's number after ("11.24 林业局：348 收到 值班 表 明天 报",
# "林业局：342收到 300号本周无火情"): a line of its own, the number opening the next as it opens a message.
_UNIT_HEAD = re.compile(r"^([^\S\n]*[\u4e00-\u9fff]{0,6}(?:管委会|局|委|镇|乡|街道|办))[:：][^\S\n]*(?=\d)")
# A pause typed as an ellipsis between words ("903…收到 我先跟…那几个项目部说一下") is a space.
_ELLIPSIS_PAUSE = re.compile(r"(?<=[\d\u4e00-\u9fff])(?:…+|\.{3,})(?=[\d\u4e00-\u9fff])")
# A subject tag opening the message ("【国庆值班】收到 值班表国庆前报") heads what follows as a line of its own (not a
# notice's mark: "【12号】收到").
_OPENING_TAG = re.compile(r"^([^\S\n]*【[^【】\d\n]{2,10}】)[^\S\n]*(?=\S)")
# A tag heading a message with its kind: "【回复】723号收到", "【汇报】708号本周巡河：…", "【请示】722号…能否延至4月3日"
# (the tag's word is no act of its own, and the number after it is the notice's)
_KIND_TAG = re.compile(r"^[^\S\n]*【(?:回复|汇报|请示|报告|反馈)】", re.MULTILINE)


def _clean(
    text: str,
) -> tuple[str, tuple[NoticeRef, ...], tuple[NoticeRef, ...], bool, frozenset[int], bool]:
    """The reply's own text, folded for matching, the notices a quoted block of the office names, those
    any quoted block names, whether a quoted block grants more time (the reply acknowledges that), the
    days of the dates a quoted block gives ("12月16日前报送": 16), and whether the quoted words are only another
    body's ("「住建局：…」", "「县委办：…」"; the office's own body, 「督查室：…」, is the office).

    Folding: NFKC and traditional characters as simplified (notice_ref.fold), mentions and emoji out,
    a numbered list's markers and a space before a second notice's number made clause breaks, spaced
    numbers made a list ("21 22" → "21、22"), then spaces dropped."""
    text = _KIND_TAG.sub("", _STAMP.sub("", phrases.INVISIBLE.sub("", fold(text))))
    text = _STAMP_AFTER.sub("。", _STAMP_CLOSING.sub("", text))
    text = _LINK.sub(lambda link: "链接" if link[0][:4].lower() == "http" else "", text)
    text = phrases.CELL_THOUSANDS.sub(r"\1\2", phrases.THOUSANDS.sub("", text))
    text = phrases.CELL_GAP.sub("、", _bars_as_tabs(text))
    text = phrases.PARTICLE_AFTER_RECEIPT.sub(lambda m: m[1] or m[2], _wu_words(text))
    text = _TABLE_ROW_NUMBER.sub(r"\1号\t", _DIALECT.sub(lambda m: _DIALECT_WORDS[m[0]], text))
    text = _STRAY_LETTER.sub("", _TYPED_ALREADY.sub(lambda m: f"{m[1] or ''}已", text))
    text = _OPENING_TAG.sub("\\1\n", _CLOSING_ASSENT.sub("", _OPENING_ASSENT.sub("", text)))
    text = _OFFICE_WORDS_QUOTED.sub(r"「\1」", text)
    text = _FINANCIAL_NUMERAL.sub(_financial_digits, text)
    text = _DATE_HEAD.sub(r"\1\n", _UNIT_HEAD.sub(r"\1\n", _DOT_DATE_HEAD.sub("", text)))
    text = _UNIT_BEFORE_NUMBER.sub(r"\1\n\2号", _PARENS_NUMBER.sub(r"\1号 ", text))
    if _SPACED_OUT.fullmatch(text):
        text = phrases.SPACES.sub("", text)
    text = _SPACED_SPOKEN_DIGITS.sub(_joined_spoken_digits, text)
    text = _DIGIT_BY_DIGIT.sub(lambda m: (m[1] or m[2] or m[3] or m[4]).translate(_SPOKEN_DIGITS), text)
    text = _SPOKEN_AFTER_NUMBER.sub(lambda m: "、" + m[1].translate(_SPOKEN_DIGITS), text)
    text = _OK_AFTER_RECEIPT.sub(r"\1", _HAO_AFTER_RECEIPT.sub(r"\1号", text))
    text = _PINYIN_RECEIPT_ON.sub(r"\1收到", _OK_AFTER_NUMBER.sub(r"\1收到", text))
    text = _TILDE_PAUSE.sub("。", text)  # "请查收~ 71号也收到啦": a pause, not a range
    text = _PARTICLE_PAUSE.sub("。", text)
    if len(_PLUS_PAUSE.findall(text)) > 1:
        text = _PLUS_PAUSE.sub("\n", text).lstrip("\n")
    text = phrases.QUESTION_EMOJI.sub("?", text)
    text = phrases.TICK_BEFORE_STATE.sub(r"\n\1号", text).lstrip("\n")
    short = len(text) <= phrases.NUMBERS_OK_LENGTH
    numbers_ok = (
        (phrases.NUMBERS_OK.match(text) or phrases.NUMBERS_OK.match(phrases.SIGNED.sub("", text)))
        if short
        else None
    )
    pairs = phrases.NUMBER_OK_PAIRS.match(text) if short else None
    last = phrases.NUMBER_OK_PAIRS_LAST.search(text) if short and not pairs else None
    if last and not phrases.ONES_ONLY.match(
        seqs := "、".join(m[1] for m in phrases.NUMBER_OK_ONE.finditer(last[0]))
    ):
        text = f"{text[: last.start()]}\n{seqs}收到"
    if numbers_ok and not phrases.ONES_ONLY.match(numbers_ok[1] or numbers_ok[2]):  # "1 OK" is 扣1
        text = f"{numbers_ok[1] or numbers_ok[2]}收到"
    elif pairs and not phrases.ONES_ONLY.match(
        seqs := "、".join(m[1] for m in phrases.NUMBER_OK_ONE.finditer(pairs[0]))
    ):
        text = f"{seqs}收到\n{text[pairs.end() :]}"
    elif (then := phrases.NUMBERS_OK_THEN.match(text) if short else None) and not phrases.ONES_ONLY.match(
        then[1]
    ):
        text = f"{then[1]}收到\n{text[then.end() :]}"
    text = _MARK_AFTER_NUMBER.sub(_marked_number, _BULLET.sub("\n", text)).lstrip("\n")
    text = _SLIP_SIGNED.sub(lambda m: f"{m[1] or ''}签收", text)
    text = _RECEIPT_NAMED_AFTER.sub(r"\1号收到", text)
    text = phrases.SPOKEN_PUNCTUATION.sub(lambda match: phrases.PUNCTUATION_WORDS[match[1]], text)
    parts_ = phrases.QUOTE_SEPARATOR.split(text)
    quoted = ""
    if len(parts_) > 1 and "「" in parts_[0]:
        quoted, text = parts_[0], parts_[-1]
    blocks = phrases.QUOTE_BLOCK.findall(text)
    quoted += "".join(blocks)
    text = phrases.QUOTE_BLOCK.sub("\n", text)
    # the office's own words ("「督查室：第35期 关于…」") name its notices too
    # (read from after the sender's name: "「督查室：12号督办单已发」")
    quoted_all = tuple(find_notice_refs(phrases.QUOTE_SENDER.sub("\n", quoted).translate(_QUOTE_MARKS)))
    # the office's question pasted without a name ("「请王庄乡尽快报送196号入户安检进度」"): a number past any
    # day in it is the office's notice
    unsigned = bool(quoted) and not phrases.QUOTE_SENDER.search(quoted)
    if unsigned and not quoted_all:
        quoted_all = tuple(NoticeRef(int(n)) for n in _NOTICE_PAST_DAYS.findall(quoted)[:1])
    # an unsigned quote naming one notice is about it ("「191号走访名单什么时候能报？」已经报了")
    one = unsigned and len({ref.seq for ref in quoted_all}) == 1
    quoted_refs = quoted_all if one or any(w in quoted for w in ("督办", "通知", "督查室")) else ()
    text = phrases.MENTION.sub(" ", text)
    text = phrases.WECHAT_EMOJI.sub(",", text)
    text = phrases.UNICODE_EMOJI.sub(",", text)
    text = phrases.ENGLISH_RECEIPT_THEN_NUMBER.sub("\n", text)
    text = phrases.NUMBER_MARK.sub("no", phrases.LATIN_GAP.sub("", text.lower()))
    text = _ENGLISH.sub(lambda m: _ENGLISH_WORDS[m[0]], text)
    text = phrases.RECEIVED_THEN_STATED.sub(r"\1\n", _unlist(text))
    text = _numbers_as_notices(separate_spaced_numbers(_ELLIPSIS_PAUSE.sub(" ", text)))
    # a bare number past any day opening a clause cut off just now is a notice's too ("不对 是215号 214上午…")
    text = _BARE_CLAUSE_HEAD.sub(r"\1\2号", _break_before_numbers(text))
    text = _spoken_breaks(_break_after_receipt(text))
    granted = phrases.TIME_GRANTED.search(quoted) is not None
    quoted_days = frozenset(int(day) for day in phrases.DAY_OF_DATE.findall(quoted))
    senders = phrases.QUOTE_SENDER.findall(quoted)
    quoted_other = (
        (  # a peer's own receipt quoted ("「城关镇小李：110号收到」我们也收到了") is the office's notice's
            bool(senders)
            and not any(phrases.OFFICE_SENDER.search(sender) for sender in senders)
            and not phrases.RECEIPT.search(quoted)
        )
        or (  # the office's standing instruction quoted, no notice in it ("「督查室：请各单位节日期间保持通讯畅通…」收到")
            bool(quoted)
            and not quoted_all
            and not phrases.RECEIPT.search(quoted)
            and not _QUOTED_PAPER.search(quoted)
            and not (_QUOTED_REPORT.search(quoted) and not _QUOTED_STANDING.search(quoted))
        )
    )
    text = phrases.SPACES.sub("", text.replace("\n", "。"))
    text = phrases.PAUSE_AFTER_ALREADY.sub(r"\1", text)  # "去水边的，已经，劝回来了": a pause in speech
    return (
        phrases.CORRECTED_NUMBER.sub(r"\1。", text),  # "不是344是346号已报": the act is 346's
        quoted_refs,
        quoted_all,
        granted,
        quoted_days,
        quoted_other,
    )


# A quoted message that speaks of a paper the office sent ("「督查室：督办单已发群里」收到") or asks for a report by a day
# ("「督查室：请各单位于9月12日17时前报送中秋值班表」 收到"): the receipt is that notice's.
_QUOTED_PAPER = re.compile(
    r"通知|文件|督办|督查件|[\d一二三四五六七八九十百][号期]|本期|附件|发群|已发|前报|日报|周报|月报"
)
# … a report asked for ("「督查室：请各单位报送值班表」"), unless as a standing rule of how all reports are made
# ("「督查室：各单位报送材料一律用PDF格式」", "「督查室：本周起报送材料须加盖公章」": an instruction, no notice).
_QUOTED_REPORT = re.compile(r"报送|上报|填报|反馈")
_QUOTED_STANDING = re.compile(r"一律|(?<![必无])须|务必|统一|今后|以后|[周月日]起")


def _marked_number(match: re.Match[str]) -> str:
    """A number before its mark on a line of its own; past any day, with an arrow to a day or a deed after what was
    said of another ("857✔ 843→周五": what is due on it), a notice's, not left to ask about."""
    arrow = "→" in match[0] or "->" in match[0]
    later = match.start() > 0 and arrow and int(match[1]) > DAYS_IN_A_MONTH
    return f"\n{match[1]}号\n" if later else f"\n{match[1]}\n"


def _financial_digits(match: re.Match[str]) -> str:
    ref = parse_notice_number(f"{match[0]}号")
    return str(ref.seq) if ref is not None else match[0]


def _joined_spoken_digits(match: re.Match[str]) -> str:
    """Three numerals read out a space apart as one number (see _SPACED_SPOKEN_DIGITS), unless they may as well list
    three (one after another, no zero: "收到 三 四 五"), as Arabic digits are (notice_ref._SPACED_DIGITS)."""
    digits = [digit for digit in match.groups() if digit]
    return (
        match[0] if may_list([int(digit.translate(_SPOKEN_DIGITS)) for digit in digits]) else "".join(digits)
    )


def _unlist(text: str) -> str:
    """A numbered list's markers (1. … 2. …) turned into line breaks; a lone "1." is left alone."""
    markers = list(phrases.LIST_MARKER.finditer(text))
    numbers = [
        int(m[1] or m[2]) if m[1] or m[2] else "一二三四五六七八九十".index(m[3] or m[4]) + 1 for m in markers
    ]
    first = (
        numbers[0] if numbers and phrases.CONTINUED.match(text) else 1
    )  # "接上条：3.…；4.…" goes on a list
    if len(markers) < 2 or numbers != list(range(first, first + len(numbers))):
        return phrases.LONE_HEAD_MARKER.sub("", text)
    return phrases.LIST_MARKER.sub("\n", text)


def _break_before_numbers(text: str) -> str:
    """A line break where a space leads from what is said of one notice to another notice's number."""

    def cut(match: re.Match[str]) -> str:
        before = re.split(r"[,。;!?\n]", text[max(0, match.start() - _SENTENCE) : match.start()])[-1]
        if phrases.MOBILISED.search(before) and phrases.COUNT_AHEAD.match(text, match.end()):
            return match.group()  # "869 收到 我们 镇 组织 了 120 多 人": the people sent out, no other notice
        if phrases.RIGHT_WORD_ENDS.search(before):
            return match.group()  # "667 收到 不对 是 668": the number is what 是 names, the right one
        said = (
            phrases.SAID_OF_NOTICE.search(before)
            or phrases.SLIP_RIGHTED.search(before)
            or (
                phrases.RECEIVED_NUMBER.search(before)
                and (
                    phrases.STATE_OF_ITS_OWN.match(text, match.end())
                    or phrases.TIME_OF_DAY.match(text, match.end())
                )
            )
            # "刚在路上 信号不好 419收到": what went before is said apart from the notices then received
            or (phrases.NUMBERS_RECEIVED.match(text, match.end()) and not phrases.OPEN_ENDED.search(before))
            # "不好意思回晚了 329的台账上午交了", "收到 258的附件是空的": a finished clause, then a notice's thing
            or (
                (phrases.CLAUSE_ENDS.search(before) or phrases.BARE_RECEIPT.fullmatch(before))
                and phrases.WHOSE_NUMBER.match(text, match.end())
            )
            or phrases.WHOSE_NOTICE.match(text, match.end())
        )
        return "\n" if said else match.group()

    return phrases.NUMBER_AFTER_SPACE.sub(cut, text)


# A spoken word that needs what follows it: no pause after it ("能不能 下周一 再报", "能 给 到 周四 吗").
_UNFINISHED = re.compile(
    r"(?:能不能|能否|可否|可不可以|可以|只能|想|申请|给到?|延到|推到|等到?|(?<![收接得])到)$"
)


# A spoken word that needs what comes before it: no pause before it ("只能 等 结果 出来 再 报", "只能 16号 以后 才能 报").
_GOES_ON = re.compile(r"(?:再|才|以后|之后|出来|下来|回来)(?![\u4e00-\u9fff]{0,1}[,。;!?\n])")


def _spoken_breaks(text: str) -> str:
    """Speech typed without punctuation, its pauses as spaces ("信访积案 我们街道3件 化解了2件 还有1件"): each
    space between words ends a clause, as a comma would. Only in a message of two or more such spaces and no
    punctuation of its own."""
    gaps = phrases.WORD_GAP.findall(text)
    if len(gaps) < 2 or phrases.PUNCTUATED.search(text):
        return text
    pieces = sorted(len(piece) for piece in phrases.CJK_GAP.split(text))
    if pieces[len(pieces) // 2] <= phrases.WORD_LENGTH and sum(pieces) <= phrases.SENTENCE_LENGTH:
        # a space after every word of one sentence ("能不能 下周一 再交"): no pauses, but after a question's
        # particle ("那个 通知 是 34号 吧 我们 收到 了")
        return phrases.CJK_GAP.sub(lambda gap: "," if text[gap.start() - 1] in "吧吗呢" else "", text)
    return phrases.WORD_GAP.sub(
        lambda gap: (
            "" if _UNFINISHED.search(text, 0, gap.start()) or _GOES_ON.match(text, gap.end()) else ","
        ),
        text,
    )


_SUBJECT_RECEIVED = re.compile(
    r"^[\u4e00-\u9fff]{2,8}(?:那个|这个)(?:通知|督办)?(?:我们|俺们)?(?:也)?收到[了啦哈]*$"
)


def _break_after_receipt(text: str) -> str:
    """A line break where a space follows a receipt of a named notice or a slip owned up to (see
    phrases.SPACE_AFTER_WORD)."""

    def cut(match: re.Match[str]) -> str:
        before = re.split(r"[,。;!?\n]", text[max(0, match.start() - _SENTENCE) : match.start()])[-1]
        named = (phrases.RECEIPT_ENDS.search(before) is not None and bool(find_notice_refs(before))) or bool(
            phrases.RECEIVED_NUMBER.search(before)  # "收到162 城关已安排各社区今晚值守"
            or _SUBJECT_RECEIVED.search(
                before
            )  # "慰问那个收到哈 名单还在跟社区对": the notice pointed at by its subject
        )
        # a bare receipt opening the message, then a word of assurance ("收到 请放心", "收到 马上落实")
        bare = (
            phrases.BARE_RECEIPT.fullmatch(before) is not None
            and phrases.AFTER_BARE_RECEIPT.match(text, match.end()) is not None
        )
        if phrases.NUMBER_GOES_ON.match(text, max(0, match.start() - 1)):
            return match.group()
        if phrases.PARTICLE_ALONE.match(text, match.end()):
            return (
                match.group()
            )  # "43号 收到 的": the particle is the clause's own (收到的: the office reads it)
        # another body's paper received, then what was done with it ("收到省林业局紧急通知一份 已转发各林场")
        other = phrases.RECEIPT.match(before) is not None and _what_received(before[2:]) == "other"
        if (
            (named and not phrases.SIGNATURE.match(text, match.end()))
            or bare
            or other
            or phrases.SLIP_ENDS.search(before)
        ):
            return "\n"
        return match.group()

    return phrases.SPACE_AFTER_WORD.sub(cut, text)


def _split_clauses(text: str) -> list[_Text]:
    pieces: list[_Text] = []
    start = 0
    for match in phrases.CLAUSE_BREAK.finditer(text):
        pieces.append(_piece(text[start : match.start()], "?" in match.group()))
        start = match.end()
    pieces.append(_piece(text[start:], False))
    return [piece for piece in pieces if piece.text]


def _piece(text: str, question_mark: bool) -> _Text:
    return _Text(
        text, question_mark or phrases.QUESTION_WORD.search(phrases.HARMLESS.sub("", text)) is not None
    )


def _matches(pattern: re.Pattern[str], clause: _Text) -> Iterator[tuple[str, str, int]]:
    """Each match of `pattern` as (text before it, text after it, start) within the clause.

    Before and after are cut to _WINDOW characters: the words that qualify a reply sit close to
    it, and the cut keeps a pasted long report linear to read.
    """
    for match in pattern.finditer(clause.text):
        start, end = match.span()
        yield clause.text[max(0, start - _WINDOW) : start], clause.text[end : end + _WINDOW], start


# ---- how each act is said --------------------------------------------------------------------


def _is_question(clause: _Text, after: str, *, ongoing: bool = False) -> bool:
    if ongoing:
        after = phrases.ONGOING_NE.sub("", after)
    turn = phrases.TURN_TO_READER.search(after)
    if turn is not None and turn.start() > 0:
        after = after[: turn.start()]  # "已经报送了你们查收一下吧": the 吧 is the request to the reader
    return clause.asked or phrases.QUESTION_TAIL.search(after) is not None


_NEGATION_REACH = 4  # how far before a delay word a negation denies it


def _is_negated(before: str) -> bool:
    return phrases.NEGATION.search(phrases.HARMLESS.sub("", before)) is not None


def _is_directive(before: str, after: str) -> bool:
    return (
        phrases.DIRECTIVE_BEFORE.search(phrases.COMPLIANCE.sub("", before)) is not None
        or phrases.CONDITIONAL.search(before) is not None
        or phrases.DIRECTIVE_AFTER.match(after) is not None
        or phrases.RELATIVE_AFTER.match(after) is not None
    )


def _mode(
    clause: _Text,
    before: str,
    after: str,
    *,
    plans_count: bool = False,
    ongoing: bool = False,
    negation_reach: int | None = None,
) -> Mode:
    """How an act is said: asked, denied (by a negation within `negation_reach` characters before it, if
    given), ordered or conditioned, promised, of others, or stated."""
    if _is_question(clause, after, ongoing=ongoing):
        return "asked"
    if _is_negated(before if negation_reach is None else phrases.HARMLESS.sub("", before)[-negation_reach:]):
        return "denied"
    if _is_directive(before, after):
        return "ordered"
    if phrases.THIRD_PARTY.search(phrases.OWN_HEAD_SAYS.sub("", before)) or phrases.ABOVE_DID.search(before):
        return "others"
    if not plans_count and phrases.FUTURE.search(before):
        return "promised"
    return "stated"


def _acts(clause: _Text) -> Iterator[Act]:
    yield from _receipt_acts(clause)
    yield from _problem_acts(clause)
    yield from _feedback_acts(clause)
    yield from _delay_acts(clause)


def _up_to_problem(clause: _Text, start: int, after: str) -> tuple[_Text, str]:
    """The clause, and the text after the receipt word at `start`, cut where a problem is reported
    after a receipt said in full (收到了): a question past that point is about the problem
    ("收到了图片太模糊看不清能不能发个原件"). "收到附件打不开了吗" stays one question."""
    word = phrases.RECEIPT.match(clause.text, start)
    end = word.end() if word else start
    problem = phrases.PROBLEM.search(clause.text, end, end + _WINDOW)
    if problem is None or not phrases.DONE_PARTICLE.match(clause.text, end):
        return clause, after
    return _piece(clause.text[: problem.start()], False), after[: problem.start() - end]


def _receipt_tail_fits(before: str, after: str) -> bool:
    """Whether what follows a receipt word leaves it about the notice (see phrases.RECEIPT_TAIL)."""
    if phrases.RECEIPT_TAIL.match(after):
        return True
    return phrases.DONE_PARTICLE.match(after) is not None and phrases.TOPIC_BEFORE.search(before) is not None


def _receipt_acts(clause: _Text) -> Iterator[Act]:
    for before, after_all, start in _matches(phrases.RECEIPT, clause):
        scope, after = _up_to_problem(clause, start, after_all)  # the receipt, without a problem's question
        asked = _is_question(scope, after)
        if (
            clause.text.startswith(phrases.SHORTHAND_RECEIPT, start)
            and not _NUMBERED.search(before)
            and not _NUMBERED.match(after_all)
            and not _NUMBERS_RIGHT_BEFORE.search(before)
        ):
            continue  # "rcvd" alone: unclear ("rcvd 202" names its notice)
        if phrases.FOR_THE_OFFICE_TO_NOTE.search(before):
            continue  # "开学典礼推迟到9月4日，请督查室知悉": the unit tells the office, it receives nothing
        if phrases.PARTLY.search(before):
            yield Act("problem", "stated")  # "部分收到", "只收到正文": what arrived is incomplete
            yield Act("received", "denied")
            continue
        if asked or _is_negated(before):
            yield Act("received", "asked" if asked else "denied")
            continue
        # "收到后已下发各村": what it did since (its villages the object); "请各单位收到后立即落实" is an order
        own_step = (
            phrases.DONE_SINCE_AFTER.match(after)
            and not phrases.RELATIVE_IN.search(after)
            and "请" not in after
        )
        said = before if own_step else before + after
        if phrases.COMMITTED_AFTER.match(after) and not phrases.DIRECTIVE_BEFORE.search(
            phrases.COMPLIANCE.sub("", said)
        ):
            yield Act("received", "stated")  # "收到后我们会尽快落实"; "请各单位收到后立即落实" is an order
            continue
        named_before = clause.text[max(0, start - _OBJECT_REACH) : start]  # what the receipt word may be of
        if phrases.ACHIEVED.search(before + after_all) or _received_other(named_before, after_all):
            if _collected_return(named_before, after_all):  # "各村报上来的名单都收到了": the unit's work
                yield Act(
                    "progress",
                    _mode(scope, phrases.COLLECTED_RETURN.sub("", before), after, plans_count=True),
                )
            continue  # something else was received ("收到群众举报", "收到良好效果", "快递收到了", "县委12号文件收到")
        if (
            (phrases.PREVIOUS.search(before) and not phrases.THIS_ONE.search(before + after_all))
            or phrases.POSITION.search(before)
            or phrases.POSITION_AFTER.match(after_all)
        ):
            yield Act("received", "others")  # "上次的早就收到了": an earlier notice; "第一个收到": which?
            continue
        if phrases.RECEIVED_OBJECT_AFTER.match(after_all):
            yield Act("received", "ordered")  # "收到通知的单位请回复", "收到该通知后请落实"
            continue
        mode = _mode(scope, before, after, plans_count=True)
        if mode == "stated" and (
            phrases.HEDGE.search(before)
            or phrases.WAITING.search(before)
            or phrases.LATER_RECEIPT.search(before)
            or (phrases.PLANNED_RECEIPT.search(before) and not phrases.SUBJECT_PREPARED.search(before))
        ):
            mode = "promised"  # "应该收到了", "等领导看过后再签收", "会第一时间签收"
        all_owed = bool(phrases.ALL_OWED.search(before)) and not phrases.ALL_PEOPLE.search(before)
        yield Act("received", mode, all_owed or phrases.ALL_IN_WORD.match(clause.text, start) is not None)
    for before, after, _ in _matches(phrases.UNSEEN, clause):
        if phrases.NOTICE_BEFORE.search(before) and not _is_question(clause, after):
            yield Act("received", "denied")
    for before, after, _ in _matches(phrases.FORWARD, clause):
        if phrases.FORWARDED_OTHER.search(before) or phrases.OTHER_ISSUER_DOC.search(before):
            continue  # "延期申请已报送领导", "省政府12号令已转发各村": what went on is not the notice
        if phrases.AT_A_MEETING.search(before):
            continue  # "两会精神 我们昨天党委会已经传达了": the work done at a meeting, not the notice passed on
        if phrases.APPROVAL_AFTER.match(after):
            # "（总结）已报分管领导审定后盖章上报": the unit's own paper, going up
            yield Act("report", "stated")
            continue
        mode = _mode(clause, before, after, plans_count=True)
        if mode in ("stated", "others"):
            yield Act("forwarded", mode)


_NUMBERED = re.compile(
    r"(?:\d{1,3}|[零〇一二两三四五六七八九十百]{1,4})[号期](?![前后之以上下中晚早凌截到至左])"
)


# Numbers listed right before a word, no 号 given them: "279 & 290 rcvd".
_NUMBERS_RIGHT_BEFORE = re.compile(r"(?<![\d.:])\d{1,3}(?:[&、,和]\d{1,3})*$")  # "2 rcvd" after a new year


def _earlier_only(before: str) -> bool:
    """Whether the words before an act point at an earlier notice without its number ("上次的材料已报";
    "上次那个12号我们已经报了" and "29号上次申请延期的那个今天报了" name it)."""
    return phrases.PREVIOUS.search(before) is not None and not _NUMBERED.search(
        phrases.PREVIOUS.sub("", before)
    )


def _what_received(named: str) -> str:
    """What the words naming a receipt's object name: "other" (given by someone other than the office, or another
    thing: goods, money, a call, a visit, a matter, others' papers), "notice" (the office's notice: its paper, number or
    issue, a pointer) or "" (nothing named: a bare receipt, of the notice). See phrases.RECEIVED_FROM_OTHERS."""
    if phrases.RECEIVED_FROM_OTHERS.search(named) or (
        phrases.OTHER_THING_BEFORE.search(named) and not phrases.NOTICE_NAMED.search(named)
    ):
        return (
            "other"  # a pointer at a thing is the thing's ("快递那个收到了"); "督办单快递寄来了" the notice's
        )
    notice = list(phrases.RECEIVED_NOTICE.finditer(named))
    if notice:
        # what is named last was received: "31号 护林队的报告收到了" got a team's paper (of work on 31), not 31
        rest = named[notice[-1].end() :]
        if phrases.RECEIVED_GIVEN.search(rest) or phrases.COLLECTED_RETURN.search(rest):
            return "other"
        if phrases.MONEY_IN.search(rest):
            return "other"  # "那个…拨的十五万块钱今天到账了收到": a filler's pointer, then money come in
        return "notice"
    return "other" if phrases.RECEIVED_THING.search(named) else ""


def _what_received_after(text: str) -> str:
    """What a clause right after a bare receipt names as received ("收到：1.王庄乡的…回复函", "收到了 外卖到了"): only an
    issuer's or a giver's thing, or a thing come in, is read so ("收到，24小时内反馈" tells what it will do)."""
    item = phrases.LIST_ITEM.match(text)
    text = text[item.end() :] if item else text
    named = phrases.RECEIVED_FROM_OTHERS.search(text) and _DOC_NAMED.search(text)  # not "市防指…15号也已转发"
    if named or phrases.RECEIVED_ARRIVED.search(text) or phrases.RECEIVED_GIVEN.search(text):
        return "other"
    return _what_received(text) if item else ""


def _received_other(before: str, after: str) -> bool:
    """Whether a receipt word's object, named before it in its clause or right after it, is not the office's notice:
    after it, anything but what may follow a receipt of the notice (phrases.RECEIPT_TAIL: "收到群众举报", "收到12号楼的
    材料"; the last of repeated words counts: "收到了收到了 外卖到了"); before it, what _what_received places elsewhere."""
    own = phrases.RECEIPT_RUN_ENDS.sub("", before)  # "米和油今天到了收到收到": the run's object
    own = own[last.end() :] if (last := _last_receipt_word(own)) else own  # "…通知收到了 268的也收到"
    repeated = phrases.RECEIPT_REPEATED.match(after)
    return (
        not _receipt_tail_fits(before, after)
        or phrases.OBJECT_AFTER_NUMBER.match(after) is not None
        or _what_received(own) == "other"
        or (repeated is not None and _what_received(after[repeated.end() :]) == "other")
    )


def _collected_return(before: str, after: str) -> bool:
    """Whether a receipt's object, right before the word or right after it, is a return the unit collects from those
    below or is passed on by another body (phrases.COLLECTED_RETURN), with more said of it in the clause: all of them
    (都, 全部), how many, or what became of them ("巡山队的报告收到了无火情"). That is the unit's progress; the return
    alone ("村里的反馈收到了", "村里的回执sd") says nothing of the work, and one received later is a plan."""
    own = before[last.end() :] if (last := _last_receipt_word(before)) else before
    gathered = phrases.COLLECTED_RETURN.search(own)
    rest = after
    if gathered is None and (gathered := phrases.COLLECTED_RETURN.match(after)) is not None:
        rest = after[gathered.end() :]
    if gathered is None or phrases.COLLECTED_LATER.match(rest):
        return False
    return bool(
        phrases.ALL_OF_THEM.search(own)
        or phrases.SAID_MORE.sub("", rest)
        or _NUMBERED.match(own) is not None  # "31号 护林队的报告收到了": returns for 31's work
    )


def _last_receipt_word(text: str) -> re.Match[str] | None:
    """The last receipt word in `text`, if any."""
    words = list(phrases.RECEIPT.finditer(text))
    return words[-1] if words else None


def _received_something_else(clause: _Text) -> bool:
    """Whether the clause says something other than the notice arrived ("收到群众反映的问题…")."""
    return any(
        phrases.ACHIEVED.search(before + after) is None
        and not _receipt_tail_fits(before, after)
        and not phrases.COMMITTED_AFTER.match(after)
        and not phrases.RECEIVED_OBJECT_AFTER.match(after)
        and phrases.TAKEN_IN.match(after)
        for before, after, _ in _matches(phrases.RECEIPT, clause)
    )


def _problem_acts(clause: _Text) -> Iterator[Act]:
    if phrases.OWN_SLIP.match(clause.text):
        return  # "刚才发错了，不是240，是242号已完成": the sender's own slip, corrected
    for before, after, _ in _matches(phrases.PROBLEM, clause):
        if not (phrases.CONDITIONAL.search(before) or phrases.PROBLEM_HYPOTHETICAL_AFTER.match(after)):
            yield Act("problem", "stated")


# Inside a notice's title ("关于加快推进…的督办单", "《关于开展…的通知》"): the title's words report nothing.
# A requirement and its deadline before a done word: "文件要求的资金26日前拨付到位" (no 已: "按要求于26日前已拨付").
_REQUIRED_BY = re.compile(
    r"(?:要求|规定)[^,。;已]{0,16}?(?:\d{1,2}[日号]|月底|月末|年底|本周|周[一二三四五六日末]|[\d一二三四五六七八九十两]+(?:天|日|个工作日)内?)(?:前|之前|以前|内)?$"
)
_DAY_DEADLINE = re.compile(r"\d{1,2}月\d{1,2}[日号](?:前|之前|以前)$")  # "5月10日前全部办结": a deadline
_TITLE_OPEN = re.compile(r"(?:关于|《)[^,。;》]*$")
_TITLE_CLOSE = re.compile(r"^[^,。;《]{0,40}?(?:的(?:督办通知单?|督办单|通知|督办|文件|函)|》)")


def _in_title(before: str, after: str) -> bool:
    return _TITLE_OPEN.search(before) is not None and _TITLE_CLOSE.match(after) is not None


# Something waited for before the unit acts: "值班表人员要等街道班子调整完再定" (not "等了三天，已调整完").
_WAITED_FOR = re.compile(r"(?:要|得|需要?|只能|还要|还得)等[^,。;]{1,12}$")
_THEN_AFTER = re.compile(r"^[了好]?(?:再|才|后|以后|之后)")


def _feedback_acts(clause: _Text) -> Iterator[Act]:
    if _received_something_else(clause) or phrases.ELSEWHERE.search(clause.text):
        return  # "我们收到群众反映的问题已经处理了": the work done is on what else arrived
    delay_paper = (
        phrases.DELAY_PAPER.search(clause.text) is not None
    )  # "延期报告已经写好了": the request, no report
    for before, after, start in _matches(phrases.DONE, clause):
        if _REQUIRED_BY.search(before) and not phrases.DONE_PARTICLE.match(after):
            continue  # "文件要求的资金26日前拨付到位": the notice's requirement restated, nothing done yet
        if _WAITED_FOR.search(before) and _THEN_AFTER.match(after):
            continue  # "值班表人员要等街道班子调整完再定": what is waited for, nothing done yet
        if _DAY_DEADLINE.search(before) and not clause.text.startswith("已", start):
            continue  # "交办的6件建议5月10日前全部办结": the day it is to be done by ("5月10日前已全部办结" is done)
        if not delay_paper and not _earlier_only(before) and not phrases.POSITION.search(before):
            yield Act("progress" if phrases.WHO_AFTER.match(after) else "done", _mode(clause, before, after))
    for before, after, start in _matches(phrases.SUBMIT, clause):
        # passed to one's leaders is a receipt, unless what went up is the unit's own paper ("统计表已报主任")
        forwarded = phrases.FORWARD.match(
            clause.text, start
        ) is not None and not phrases.FORWARDED_OTHER.search(before)
        if (
            not forwarded
            and not phrases.DELAY_PAPER.search(clause.text)
            and not _earlier_only(before)
            and not phrases.POSITION.search(before)
            and not phrases.TO_BACK_OFFICE.match(after)
        ):
            yield Act("done", _mode(clause, before, after))
    for before, after, _ in _matches(phrases.NO_ISSUE, clause):
        mode = _mode(clause, before, after)
        yield Act("done", "stated" if mode == "denied" else mode)  # the negation is the report itself
    for before, after, _ in _matches(phrases.PROGRESS, clause):
        if not _in_title(before, after):
            yield Act("progress", _mode(clause, before, after, ongoing=True))
    for before, after, _ in _matches(phrases.REPORT, clause):
        if not phrases.ASKS_FOR_REPORT.search(before):
            yield Act("report", _mode(clause, before, after))
    for before, after, _ in _matches(phrases.ESTIMATE, clause):
        yield Act("estimate", _mode(clause, before, after, plans_count=True))
    percent = _percent_in(clause)
    first = phrases.PERCENT.search(clause.text)
    if (
        percent is not None
        and first is not None
        and phrases.PERCENT_CONTEXT.search(clause.text)
        and not phrases.FUTURE.search(
            clause.text, 0, first.start()
        )  # "预计下周完成80%"; "80%了，今天能完" is said
    ):
        mode = _mode(clause, "", "")
        yield Act("done" if percent >= 100 else "progress", mode)


def _facts_under_heading(text: str, clauses: Sequence[Clause]) -> bool:
    """A notice's number and a colon over facts and nothing else ("138号：全乡共有104户秸秆还田，其余已离田"), or over
    anything said under a heading that names a report ("607号补充报告：…"): a report on it, its content deciding done or
    progress. Not a day's plan ("15号：上午开会") nor an order or a question."""
    heading = phrases.TOPIC_HEADING.match(text)
    if heading is None or len(clauses) < 2 or any(c.acts for c in clauses):
        return False
    body = text[heading.end() :]
    facts = phrases.FACTS.search(body) is not None or phrases.REPORT_NAMED.search(heading[0]) is not None
    return facts and phrases.NOT_FACTS.search(body) is None


def _facts_told(text: str, clauses: list[Clause]) -> list[Clause]:
    """The clauses, each part that tells counts of work and results reached and nothing else (see phrases.FACT_COUNT)
    marked a report: two of them, or one beside a notice's number ("一、96号防溺水：全县无溺水事件；二、…"), also
    after a receipt ("收到31号，我局承担的4个项目已于3月18日全部复工"). Only in statements (no question, order,
    complaint: phrases.NOT_TOLD; a plan only after a result). An apology for the late reply opening it is no part of what
    is told ("抱歉今天一天都在市里开会，现在才回。146号…")."""
    told, start = list(clauses), 0
    for group in _notice_parts(clauses):
        first, start = start, start + len(group)
        sorry = _apology_lead(group)
        # work only in hand beside a receipt ("653号收到。我乡倒塌房屋3户…，重建方案正在做") tells no result: the facts
        # beside it are judged alone
        beside = [c for c in group[sorry:] if not phrases.IN_HAND.search(c.text)]
        lead = _receipt_lead(beside)
        rest = beside[lead:] if lead else group[sorry:]
        # work done counted before a delay asked in the same part is told ("975号 已复耕 2400亩 剩下 300亩 … 需要 延 到
        # 7月 中旬"): the facts up to the request are judged alone
        late_at = next(
            (n for n, c in enumerate(rest) if any(a.kind in ("delay", "ask_time") for a in c.acts)), None
        )
        if late_at and _DONE_COUNTED.search("".join(c.text for c in rest[: late_at + 1])):
            rest = rest[:late_at]
        said = "。".join(c.text for c in rest)
        if lead:  # the notice passed on is the receipt's own step, no result ("21号收到，24个村都已转发")
            said = phrases.PASSED_ON.sub("", said)
        reached = len(phrases.FACT_STATE.findall(said))
        if (
            not rest
            or any(c.asked or _told_otherwise(c) for c in rest)
            or phrases.NOT_TOLD.search(said)
            or _earlier_only(said)
        ):
            continue
        plan = phrases.PLANNED.search(said)
        if (
            plan
            and not reached
            and not phrases.WORK_COUNTED.search(phrases.SPOKEN_GAPS.sub("", said[: plan.start()]))
        ):
            continue  # (work done and counted before the plan for the rest is told: "拆除 残垣断壁 14处 … 下周接着弄")
        strong = len(phrases.FACT_COUNT.findall(said)) + reached
        weak = len(phrases.FACT_REACHED.findall(phrases.FACT_STATE.sub("", said)))
        if (
            lead
        ):  # after a receipt a count alone is the notice's scope ("涉及13个村"): a result must be reached
            counted = len(phrases.FACT_COUNT.findall(said))
            enough = reached >= 1 or (weak >= 1 and counted >= 1)
        else:
            enough = strong >= 1 if any(c.refs for c in group) else strong + weak >= 2
        if enough:
            # beside a receipt, work told is progress (a report's heading alone would be the receipt "in hand")
            act = Act("progress" if lead else "report", "stated")
            at = first + next(n for n, c in enumerate(group) if c is rest[0])
            told[at] = replace(told[at], acts=(act,))
    return told


# An apology for replying late, or the late reply owned: "抱歉今天一天都在市里开会", "现在才回".
_LATE_REPLY = re.compile(r"^(?:抱歉|不好意思|对不起|sorry)|^(?:现在|这会儿?|刚刚?)才(?:回|看到|看见)")


def _apology_lead(group: Sequence[Clause]) -> int:
    """How many clauses open the part with an apology for the late reply and nothing read (see _LATE_REPLY)."""
    lead = 0
    while lead < len(group) and not group[lead].acts and _LATE_REPLY.search(group[lead].text):
        lead += 1
    return lead


def _notice_parts(clauses: Sequence[Clause]) -> list[list[Clause]]:
    """The parts (see parts), a part that names again only the notices of the part before it joined to it: one
    notice spoken of ("58号营商环境那个，…号也是〔2037〕58号，跟咱们督办的是一回事吗？" asks about it throughout)."""
    joined: list[list[Clause]] = []
    for group in parts(clauses):
        named = {ref.seq for c in group for ref in c.refs}
        if joined and named and named <= {ref.seq for c in joined[-1] for ref in c.refs}:
            joined[-1] += group
        else:
            joined.append(group)
    return joined


def _told_otherwise(clause: Clause) -> bool:
    """Whether a clause already says something the reading records, or a delay, a problem or a receipt; work
    denied or promised ("没弄完", "下周在弄") leaves the facts beside it to tell."""
    return any(
        a.mode == "stated" or a.kind in ("delay", "ask_time", "problem", "received") for a in clause.acts
    )


def _receipt_lead(group: Sequence[Clause]) -> int:
    """How many clauses open the part with a receipt stated and nothing else ("收到31号，…"): 0 when none."""
    lead = 0
    for n, clause in enumerate(group):
        if clause.acts and all(a.kind == "received" and a.mode == "stated" for a in clause.acts):
            lead = n + 1
        elif clause.acts:
            return 0
    return lead


def _everyday_acts(clause: _Text) -> Iterator[Act]:
    """Work told in everyday words (see phrases.EVERYDAY_DONE)."""
    if (
        _received_something_else(clause)
        or phrases.ELSEWHERE.search(clause.text)
        or phrases.DELAY_PAPER.search(clause.text)
        or phrases.DATED_PLAN.search(clause.text)  # "剩下的3件积案 8月26日集中接访": what is left, planned
    ):
        return
    everyday: tuple[tuple[ActKind, re.Pattern[str]], ...] = (
        ("done", phrases.EVERYDAY_DONE),
        ("progress", phrases.EVERYDAY_PROGRESS),
        ("done", phrases.EVERYDAY_NONE),
    )
    for kind, pattern in everyday:
        for before, after, _ in _matches(pattern, clause):
            if (
                not _earlier_only(before)
                and not phrases.POSITION.search(before)
                and not phrases.NOT_A_REPORT.search(before)
                and not phrases.TITLE_AFTER.match(after)
            ):
                mode = _mode(clause, before, after, ongoing=kind == "progress")
                none_found = pattern is phrases.EVERYDAY_NONE and mode == "denied"
                yield Act(kind, "stated" if none_found else mode)  # "没有 在建工地 不涉及"


def _delay_acts(clause: _Text) -> Iterator[Act]:
    for pattern in (phrases.DELAY_WORD, phrases.STILL_NEED, phrases.ONLY_LATER):
        for before, after, _ in _matches(pattern, clause):
            before = phrases.ASKS_THE_OFFICE.sub("", before)  # "麻烦督查室给延几天" asks for oneself
            if (
                # "不需要延期"; not "还没弄完可能要晚几天", "月底种不完需要延到…" (the reason's own 不, read whole)
                _is_negated(phrases.HARMLESS.sub("", before)[-_NEGATION_REACH:])
                or _is_directive(before, after)
                or after.startswith("过")
                or phrases.DELAYED_BEFORE.match(after)
                or phrases.PAST_TIME.search(before)
                or phrases.SORRY_FOR_BEFORE.search(before)
                or phrases.ABOUT_DELAYS.match(after)
                or phrases.OTHER_EVENT_BEFORE.search(before)
                or phrases.OTHER_BODY_BEFORE.search(before)
                or phrases.PARTIES_BEFORE.search(before)
                or phrases.OTHER_EVENT_AFTER.match(after)
                or (phrases.WHOLE_COUNTY_BEFORE.search(before) and phrases.STARTS_LATER_AFTER.match(after))
                or phrases.DELAY_SETTLED_AFTER.match(after)
                or phrases.DELAY_SETTLED_BEFORE.search(before)
                or phrases.DESCRIBED_AFTER.match(after)
                or (phrases.REST_BEFORE.search(before) and "补" in clause.text)
                or (phrases.MOVED_ALREADY.search(before) and after.endswith("了"))
            ):
                continue  # "不用延期", "需要延期的单位请说明", "已经延期过一次了", "去年这个也延期了"
            if pattern is phrases.STILL_NEED and phrases.HEDGE.search(before):
                # "大概还需要一周": how long the rest takes, no missed deadline
                yield Act("estimate", "stated")
                continue
            if _is_question(clause, after):
                if phrases.THIRD_PARTY.search(before) or phrases.ABOUT_THE_RULE.search(clause.text):
                    continue  # "听说可以延期？": hearsay asked about
                if phrases.REQUEST.search(clause.text) or phrases.ASKING_LEAD.search(before):
                    yield Act("ask_time", "stated")  # "延期一周可以不？", "宽限到下周一吧": a request
                continue  # "延期要走什么程序？", "延期了吗？": a question about it
            yield Act("delay", _mode(clause, before, after, plans_count=True, negation_reach=_NEGATION_REACH))
    for before, after, _ in _matches(phrases.UNABLE, clause):
        # The negation is the message here, so only questions, orders and other events are ruled out.
        if (
            _is_directive(before, after)
            or phrases.MEETING_OR_TRIP_BEFORE.search(before)
            or after.startswith(("也得", "也要"))
        ):
            continue  # "高铁晚点了，会可能赶不上": the meeting; "来不及也得报": done all the same
        if not _is_question(clause, after):
            yield Act("delay", "others" if phrases.THIRD_PARTY.search(before) else "stated")
        elif phrases.REQUEST.search(clause.text) and not phrases.QUESTION_WORD.search(
            phrases.HARMLESS.sub(
                "", phrases.REQUEST.sub("", clause.text)
            )  # the request's own 行不行 asks nothing else
        ):
            yield Act("ask_time", "stated")  # "今天报不上来了，明天下午吧", "今天报不了了 后天上午行不行"
    for before, after, _ in _matches(phrases.ASK_TIME, clause):
        # asking for time is a request, even as a question ("听说可以延期？" is hearsay asked about); a later day
        # put as "if" asks for it ("如果下周一交可以吗")
        before = phrases.IF_BEFORE.sub("", before)
        if not (
            _is_directive(before, after)
            or phrases.THIRD_PARTY.search(before)
            or phrases.ABOUT_THE_RULE.search(clause.text)
        ):
            yield Act("ask_time", "stated")


def _looks_partial(clauses: Sequence[Clause]) -> bool:
    for clause in clauses:
        piece = _piece(clause.text, False)
        if phrases.QUESTION_WORD.search(clause.text):
            continue
        percent = _percent_in(piece)
        if phrases.PARTIAL.search(clause.text) or (percent is not None and percent < 100):
            return True
    return False


def _percent_in(clause: _Text) -> float | None:
    """The smallest percentage the clause names, if any."""
    values: list[float] = []
    for match in phrases.PERCENT.finditer(clause.text):
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


_UNDER_WAY_RE = re.compile(phrases.UNDER_WAY)
