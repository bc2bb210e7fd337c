"""Parse the slash commands office staff type ("/发布 …", "/催办 12") into command values."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeAlias

from handlers.reading.notice_ref import parse_notice_number
from handlers.reading.units import split_unit_list
from handlers.rules.penalties import PENALTY_KINDS

# Names, times and notice numbers stay raw strings here; other modules resolve them.

COMMAND_HELP: dict[str, str] = {
    "发布": (
        "/发布 <标题>\n"
        "单位：全部（或 城关镇、财政局…，或按类别：全部乡镇、县直部门…）\n"
        "签收时限：明天12:00（可不写）\n"
        "反馈时限：12月5日17:30（可不写）\n"
        "正文：<通知内容，可以换行接着写>\n"
        "附件：上一个文件（可不写：30 分钟内私聊发给机器人的文件自动带上；写“附件：无”则不带）"
    ),
    "查询": "/查询 —— 列出未办结的督办事项\n/查询 <编号> —— 查看一件督办的签收和反馈情况",
    "催办": "/催办 <编号> —— 提醒还没签收或还没反馈的单位（可写 8-12、3、5、7 或 全部）",
    "销号": (
        "/销号 <编号> —— 督办事项办结销号（可写 8-12 或 3、5、7；还有单位未签收或未反馈时，"
        "会先列出并请您发送“/销号 <编号> 确认”）"
    ),
    "恢复": "/恢复 <编号> —— 把已销号的督办事项恢复为办理中",
    "撤回": "/撤回 <编号> 原因：<原因>（原因可不写；编号可写 8-12 或 3、5、7）",
    "延期": (
        "/延期 <编号> 反馈时限：<新时间>\n"
        "/延期 <编号> 签收时限：<新时间> 单位：<名称>、<名称>（不写单位即全部单位）"
    ),
    "免责": "/免责 <编号> 单位：<名称>、<名称> 原因：<原因>（原因必须写）",
    "绑定": "/绑定 <单位> @成员 @成员…（最稳妥）\n/绑定 <单位> <微信 id 或名册中的姓名>（只认名册或群里的人，重名时请写微信 id）",
    "解绑": "/解绑 @成员\n/解绑 <微信 id 或姓名>",
    "单位": "/单位 —— 列出全部承办单位和联络员",
    "签收": (
        "/签收 <编号> 单位：<名称>、<名称> 时间：<时间> 原因：<原因>\n"
        "—— 补记机器人没收到的签收（如电话签收）；时间可不写（即现在），原因必须写"
    ),
    "反馈": (
        "/反馈 <编号> 单位：<名称> 时间：<时间> 类型：进展|办结|延期 内容：<内容>\n"
        "—— 补记落实情况反馈；时间可不写（即现在），类型可不写（即进展）"
    ),
    "撤销签收": "/撤销签收 <编号> 单位：<名称> 原因：<原因> —— 撤销一条记错的签收（审计日志保留原记录）",
    "撤销反馈": "/撤销反馈 <编号> 单位：<名称> 原因：<原因> —— 撤销该单位最近一条反馈（审计日志保留原记录）",
    "待核": "/待核 —— 列出机器人拿不准、等督查室核对的回复\n/待核 忽略 <序号> —— 核对过、无需记录的，从待核中去掉",
    "处理": (
        "/处理 —— 列出待确认的处理建议\n"
        "/处理 确认 <建议编号> [整改期限：<时间>] —— 确认一条处理建议（通报批评、媒体曝光确认后进入整改期，默认30天）\n"
        "/处理 撤销 <编号> 原因：<原因> —— 撤销一条处理建议或已确认、已登记的处理（原因必须写）\n"
        "/处理 登记 <单位> <种类> 原因：<原因> —— 登记督查室决定的处理，先回显，再发送“/处理 登记 … 确认”才生效"
        "（种类：书面检查、通报批评、媒体曝光、警示约谈、责任追究）"
    ),
    "表彰审核": "/表彰审核 <单位> [年份] —— 查看该单位是否有一票否决情形，例如 /表彰审核 城关镇 2026",
    "帮助": "/帮助 —— 列出全部命令\n/帮助 <命令> —— 查看一个命令的写法，例如 /帮助 发布",
}
_NAME_ALIASES = {
    "help": "帮助",
    "?": "帮助",
    "？": "帮助",
    "补签": "签收",
    "补记反馈": "反馈",
    "重新打开": "恢复",
}
_ALL_UNITS = frozenset({"全部", "全部单位", "所有单位", "全体", "全体单位", "各单位"})
_UNIT_SEPARATORS = ("、", "，", ",", "；", ";")
_PUBLISH_FIELDS = ("title", "units", "receipt", "feedback", "body")
# A line "附件：…" in /发布: the files sent in private just before ("上一个文件"), or none at all. It is no
# field label elsewhere: "内容：已完成，附件：报告.docx" in /反馈 is text, and so is "附件：1.汇总表" in a notice.
_FILES_LINE_RE = re.compile(r"^\s*附件\s*[:：]\s*(?P<value>.*)$")
_FILES_LAST = frozenset(
    {"上一个文件", "上个文件", "上一个", "刚才的文件", "刚发的文件", "私聊的文件", "刚才发的文件"}
)
_FILES_NONE = frozenset({"无", "没有", "不带", "不要", "不带附件", "无附件"})
_DUE_FIELDS: tuple[Literal["receipt", "feedback"], ...] = ("receipt", "feedback")

# Field labels people write before "：", mapped to the field they fill.
_LABELS: dict[str, str] = {
    "标题": "title",
    "题目": "title",
    "单位": "units",
    "承办单位": "units",
    "责任单位": "units",
    "接收单位": "units",
    "签收时限": "receipt",
    "签收时间": "receipt",
    "签收截止": "receipt",
    "签收截止时间": "receipt",
    "反馈时限": "feedback",
    "反馈时间": "feedback",
    "反馈截止": "feedback",
    "反馈截止时间": "feedback",
    "办结时限": "feedback",
    "办结时间": "feedback",
    "完成时限": "feedback",
    "完成时间": "feedback",
    "截止时间": "feedback",
    "截止日期": "feedback",
    "上报时限": "feedback",
    "上报时间": "feedback",
    "报送时限": "feedback",
    "正文": "body",
    "内容": "body",
    "原因": "reason",
    "理由": "reason",
    "时间": "when",
    "类型": "kind",
    "整改期限": "until",
    "整改时限": "until",
}
_FIELD_NAMES = {
    "title": "标题",
    "units": "单位",
    "receipt": "签收时限",
    "feedback": "反馈时限",
    "body": "正文",
    "reason": "原因",
    "when": "时间",
    "kind": "类型",
    "until": "整改期限",
}
_LABEL_ALTERNATIVES = "|".join(sorted(_LABELS, key=len, reverse=True))
# A line that starts with a label, or is only a label ("正文" alone, the text on the next lines).
_LINE_LABEL_RE = re.compile(rf"^\s*(?P<label>{_LABEL_ALTERNATIVES})\s*(?:[:：]\s*|$)")
_INLINE_LABEL_RE = re.compile(rf"(?:^|(?<=[\s,，;；。]))(?P<label>{_LABEL_ALTERNATIVES})\s*[:：]\s*")
_PREFIX_RE = re.compile(r"^\s*(?:[@＠][^\s@＠]+\s*)*(?P<mark>[/／\\、])\s*")
_NAME_RE = re.compile(
    "|".join(re.escape(n) for n in sorted([*COMMAND_HELP, *_NAME_ALIASES], key=len, reverse=True))
)
_TARGET_RE = re.compile(r"[^\s@＠]+")
_BIND_RE = re.compile(r"^(?P<unit>[^\s@＠]+)\s*(?P<rest>.*)$", re.DOTALL)
_YEAR_RE = re.compile(r"^(?P<year>[0-9]{4})\s*年?$")


@dataclass(frozen=True)
class Publish:
    """/发布: post a new notice to some or all units."""

    title: str
    units: tuple[str, ...] | None  # None: every unit
    receipt_due: str | None
    feedback_due: str | None
    body: str
    confirmed: bool = False  # the same notice was published minutes ago: publish it again anyway
    files: Literal["auto", "last", "none"] = "auto"  # auto: files sent in private lately, if any


@dataclass(frozen=True)
class Query:
    """/查询: one notice's status, or the open notices."""

    number: str | None  # None: list the open notices


@dataclass(frozen=True)
class Remind:
    """/催办: remind the units that still owe a receipt or feedback."""

    numbers: tuple[str, ...] | None  # None: every open notice (全部)


@dataclass(frozen=True)
class Close:
    """/销号: close notices as done; `confirmed` once the office has seen who still owes something."""

    numbers: tuple[str, ...]
    confirmed: bool = False


@dataclass(frozen=True)
class Reopen:
    """/恢复: reopen a closed notice."""

    number: str


@dataclass(frozen=True)
class Withdraw:
    """/撤回: cancel notices; they no longer count anywhere."""

    numbers: tuple[str, ...]
    reason: str  # "" when none was given


@dataclass(frozen=True)
class RecordReceipt:
    """/签收: the office records receipts the bot missed (given by phone, say)."""

    number: str
    units: tuple[str, ...]
    when: str | None  # None: now
    reason: str


@dataclass(frozen=True)
class RecordFeedback:
    """/反馈: the office records a unit's feedback."""

    number: str
    unit: str
    when: str | None
    kind: Literal["progress", "done", "delay"]
    content: str


@dataclass(frozen=True)
class Undo:
    """/撤销签收, /撤销反馈: take back a wrong receipt, or the unit's latest feedback (kept in the audit log)."""

    what: Literal["receipt", "feedback"]
    number: str
    units: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class Review:
    """/待核: the replies waiting for the office; `ignore` removes one."""

    ignore: int | None = None


@dataclass(frozen=True)
class Extend:
    """/延期: move the receipt or feedback deadline, for some units or all."""

    number: str
    field: Literal["receipt", "feedback"]
    when: str
    units: tuple[str, ...] | None  # None: every unit of the notice


@dataclass(frozen=True)
class Excuse:
    """/免责: excuse units from one notice."""

    number: str
    units: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class Bind:
    """/绑定: bind WeChat members to a unit as its liaisons."""

    unit: str
    targets: tuple[str, ...]  # WeChat ids or names, without the leading @


@dataclass(frozen=True)
class Unbind:
    """/解绑: remove members from their units."""

    targets: tuple[str, ...]


@dataclass(frozen=True)
class Units:
    """/单位: list the units and their liaisons."""


@dataclass(frozen=True)
class Help:
    """/帮助: the command overview or one command's usage."""

    topic: str | None  # a key of COMMAND_HELP, or None for the overview


@dataclass(frozen=True)
class Decide:
    """/处理: list proposals, confirm or revoke one, or record a penalty the office decided itself."""

    action: Literal["list", "confirm", "revoke", "record"]
    flag_id: int | None = None
    unit: str | None = None
    kind: str | None = None
    reason: str = ""
    until: str | None = None  # confirm: the rectification deadline (整改期限)
    confirmed: bool = False  # record: the office has seen what will be recorded


@dataclass(frozen=True)
class VetoCheck:
    """/表彰审核: whether a unit has a one-vote-veto case in a year."""

    unit: str
    year: str | None  # four digits


Command: TypeAlias = (
    Publish
    | Query
    | Remind
    | Close
    | Reopen
    | Withdraw
    | RecordReceipt
    | RecordFeedback
    | Undo
    | Review
    | Extend
    | Excuse
    | Bind
    | Unbind
    | Units
    | Help
    | Decide
    | VetoCheck
)


@dataclass(frozen=True)
class CommandError:
    """Why a command was not understood, in Chinese, with the correct form; command is its name if known."""

    message: str
    command: str | None = None

    def __str__(self) -> str:
        return self.message


class _Invalid(Exception):
    """Raised inside the parsers; turned into a CommandError at the single exit."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def _prefix(text: str) -> re.Match[str] | None:
    """The command mark: / or ／ after optional @mentions; an IME slip (、 or \\) only before a command name."""
    found = _PREFIX_RE.match(text)
    if found is None or found["mark"] in "/／":
        return found
    return found if _NAME_RE.match(text[found.end() :].casefold()) else None


def is_command(text: str) -> bool:
    """True when the text starts with / or ／ (or 、查询, an IME slip), after optional @mentions."""
    return _prefix(text) is not None


def parse_command(text: str) -> Command | CommandError:
    """Parse one message into a command, or a CommandError that says what is wrong and shows the form."""
    prefix = _prefix(text)
    if prefix is None:
        return CommandError(f"这不是命令：命令以“/”开头。\n{_overview()}")
    rest = text[prefix.end() :].replace("\r\n", "\n").replace("\r", "\n")
    first_line, _, more = rest.partition("\n")
    found = _NAME_RE.match(first_line.casefold())
    if found is None:
        word = first_line.split()[0] if first_line.split() else ""
        return CommandError(f"没有“/{word}”这个命令。\n{_overview()}")
    name = _NAME_ALIASES.get(found.group(), found.group())
    head = first_line[found.end() :].strip().lstrip(":：").strip()
    try:
        return _PARSERS[name](head, more)
    except _Invalid as invalid:
        return CommandError(f"{invalid.problem}\n正确写法：\n{COMMAND_HELP[name]}", command=name)


def _overview() -> str:
    return f"{_command_list()}\n发送“/帮助 命令名”查看写法，例如“/帮助 发布”。"


def _command_list() -> str:
    return "可用的命令：" + " ".join(f"/{name}" for name in COMMAND_HELP)


def _publish(head: str, more: str) -> Publish:
    title, fields = _inline_fields(head, allowed=_PUBLISH_FIELDS, command="发布")
    if title:
        _put(fields, "title", title)
    body = [fields["body"]] if "body" in fields else []
    units_continue = fields.get("units", "").endswith(_UNIT_SEPARATORS)
    confirmed = False
    files: Literal["last", "none"] | None = None
    for line in more.split("\n"):
        label = _LINE_LABEL_RE.match(line)
        key = _LABELS[label["label"]] if label else ""
        files_line = _FILES_LINE_RE.match(line)
        chosen = _files_value(files_line["value"]) if files_line else None
        if line.strip() in _CONFIRM_LINES:
            confirmed = True  # "确认发布": the same notice was just published, publish it again anyway
        elif chosen is not None:
            if files is not None:
                raise _Invalid("“附件：”写了两次，请只写一次（“附件：上一个文件”或“附件：无”）。")
            files, units_continue = chosen, False
        elif label and key in _PUBLISH_FIELDS:
            _put(fields, key, line[label.end() :].strip())
            if key == "body":
                body.append(fields["body"])
            units_continue = key == "units" and fields["units"].endswith(_UNIT_SEPARATORS)
        elif units_continue and line.strip():
            fields["units"] += line.strip()
            units_continue = line.strip().endswith(_UNIT_SEPARATORS)
        else:
            units_continue = False
            body.append(line.rstrip())
    if not fields.get("title"):
        raise _Invalid("没有写标题：请在“/发布”后面写通知标题。")
    if "units" not in fields:
        raise _Invalid("没有写承办单位：请加一行“单位：全部”或“单位：城关镇、财政局”。")
    return Publish(
        title=fields["title"],
        units=_unit_list(fields["units"], allow_all=True),
        receipt_due=_optional_time(fields, "receipt"),
        feedback_due=_optional_time(fields, "feedback"),
        body="\n".join(body).strip(),
        confirmed=confirmed,
        files=files or "auto",
    )


def _files_value(value: str) -> Literal["last", "none"] | None:
    word = value.strip(" 。.")
    return "last" if word in _FILES_LAST else "none" if word in _FILES_NONE else None


def _query(head: str, more: str) -> Query:
    tokens = _args(head, more).split()
    if len(tokens) > 1:
        raise _Invalid(f"一次只能查询一个编号，“{' '.join(tokens)}”看不懂。")
    return Query(number=tokens[0] if tokens else None)


def _remind(head: str, more: str) -> Remind:
    text = _args(head, more)
    if text.strip() in _ALL_NOTICES:
        return Remind(numbers=None)
    return Remind(numbers=_numbers(text, "催办"))


def _close(head: str, more: str) -> Close:
    text, confirmed = _confirmed(_args(head, more))
    return Close(numbers=_numbers(text, "销号"), confirmed=confirmed)


def _reopen(head: str, more: str) -> Reopen:
    return Reopen(number=_single_number(_args(head, more), "恢复"))


_CONFIRM_WORDS = frozenset({"确认", "确定"})
_CONFIRM_LINES = frozenset({"确认", "确定", "确认发布", "确定发布"})
_ALL_NOTICES = frozenset({"全部", "所有", "全部通知", "所有通知"})
_RANGE_RE = re.compile(r"^(?P<first>[0-9]{1,3})\s*[-~～—至到]\s*(?P<last>[0-9]{1,3})$")
_MAX_NUMBERS = 50


def _confirmed(text: str) -> tuple[str, bool]:
    """The text without a trailing 确认, and whether it was there."""
    tokens = text.split()
    if tokens and tokens[-1] in _CONFIRM_WORDS:
        return " ".join(tokens[:-1]), True
    return text, False


def _numbers(text: str, command: str) -> tuple[str, ...]:
    """Notice numbers: one, a list ("3、5、7", "3,5,7", "3 5 7") or a range ("8-12")."""
    raw = unicodedata.normalize("NFKC", text).strip()
    if not raw:
        raise _Invalid(f"没有写要{command}的督办编号。")
    found = _RANGE_RE.match(raw)
    if found is not None:
        first, last = int(found["first"]), int(found["last"])
        if last < first or last - first >= _MAX_NUMBERS:
            raise _Invalid(
                f"编号范围“{text.strip()}”不对：请从小写到大，一次最多 {_MAX_NUMBERS} 个，例如 8-12。"
            )
        return tuple(str(n) for n in range(first, last + 1))
    items = tuple(dict.fromkeys(part for part in re.split(r"[、,，;；\s]+", raw) if part))
    if len(items) > _MAX_NUMBERS:
        raise _Invalid(f"一次最多 {_MAX_NUMBERS} 个编号。")
    unreadable = [item for item in items if parse_notice_number(item) is None]
    if unreadable:
        raise _Invalid(f"编号“{'、'.join(unreadable)}”看不懂：请写 12、3、5、7 或 8-12 这样的编号。")
    return items


def _withdraw(head: str, more: str) -> Withdraw:
    lead, fields = _inline_fields(_args(head, more), allowed=("reason",), command="撤回")
    if not lead:
        raise _Invalid("没有写要撤回的督办编号。")
    extra = [t for t in lead.split() if parse_notice_number(t) is None and not _RANGE_RE.match(t)]
    if "reason" in fields and extra:
        raise _Invalid(f"编号后面多了“{' '.join(extra)}”。")
    if (
        "reason" not in fields
        and " " in lead.strip()
        and not _RANGE_RE.match(lead)
        and not all(part.rstrip("号").isdigit() for part in lead.split())
    ):
        number, _, loose_reason = lead.partition(
            " "
        )  # "/撤回 3 与应急局通知重复": the reason without its label
        return Withdraw(numbers=_numbers(number, "撤回"), reason=loose_reason.strip())
    return Withdraw(numbers=_numbers(lead, "撤回"), reason=fields.get("reason", ""))


def _record_receipt(head: str, more: str) -> RecordReceipt:
    lead, fields = _inline_fields(_args(head, more), allowed=("units", "when", "reason"), command="签收")
    number = _single_number(lead, "签收")
    if "units" not in fields:
        raise _Invalid("没有写为哪个单位补记签收：请写“单位：<名称>”。")
    units = _unit_list(fields["units"], allow_all=False)
    assert units is not None
    if not fields.get("reason"):
        raise _Invalid("补记签收必须写原因，例如“原因：电话签收”。")
    return RecordReceipt(number, units, fields.get("when") or None, fields["reason"])


_FEEDBACK_KINDS: dict[str, Literal["progress", "done", "delay"]] = {
    "进展": "progress",
    "进度": "progress",
    "办结": "done",
    "完成": "done",
    "已完成": "done",
    "延期": "delay",
    "延期说明": "delay",
}


def _record_feedback(head: str, more: str) -> RecordFeedback:
    lead, fields = _inline_fields(
        _args(head, more), allowed=("units", "when", "kind", "body"), command="反馈"
    )
    number = _single_number(lead, "反馈")
    units = _unit_list(fields.get("units", ""), allow_all=False) if "units" in fields else ()
    if not units or len(units) != 1:
        raise _Invalid("要写一个单位：“单位：<名称>”。")
    kind_text = fields.get("kind", "进展").strip()
    if kind_text not in _FEEDBACK_KINDS:
        raise _Invalid(f"类型“{kind_text}”看不懂：只能是 进展、办结 或 延期。")
    if not fields.get("body"):
        raise _Invalid("没有写反馈内容：请写“内容：<内容>”。")
    return RecordFeedback(
        number, units[0], fields.get("when") or None, _FEEDBACK_KINDS[kind_text], fields["body"]
    )


def _undo(what: Literal["receipt", "feedback"]) -> Callable[[str, str], Undo]:
    command = "撤销签收" if what == "receipt" else "撤销反馈"

    def parse(head: str, more: str) -> Undo:
        lead, fields = _inline_fields(_args(head, more), allowed=("units", "reason"), command=command)
        number = _single_number(lead, command)
        if "units" not in fields:
            raise _Invalid("没有写单位：请写“单位：<名称>”。")
        units = _unit_list(fields["units"], allow_all=False)
        assert units is not None
        if not fields.get("reason"):
            raise _Invalid(f"{command}必须写原因。")
        return Undo(what, number, units, fields["reason"])

    return parse


def _review(head: str, more: str) -> Review:
    tokens = unicodedata.normalize("NFKC", _args(head, more)).split()
    if not tokens:
        return Review()
    if tokens[0] in ("忽略", "删除", "去掉", "已核") and len(tokens) == 2 and tokens[1].lstrip("#").isdigit():
        return Review(ignore=int(tokens[1].lstrip("#")))
    raise _Invalid(f"“{' '.join(tokens)}”看不懂：请写 /待核 或 /待核 忽略 <序号>。")


def _extend(head: str, more: str) -> Extend:
    lead, fields = _inline_fields(_args(head, more), allowed=("receipt", "feedback", "units"), command="延期")
    number = _single_number(lead, "延期")
    kinds = [kind for kind in _DUE_FIELDS if kind in fields]
    if not kinds:
        raise _Invalid("没有写延到什么时候：请写“反馈时限：<新时间>”或“签收时限：<新时间>”。")
    if len(kinds) > 1:
        raise _Invalid("一次只能延期一个时限：签收时限和反馈时限请分两条命令。")
    when = fields[kinds[0]]
    if not when:
        raise _Invalid(f"“{_FIELD_NAMES[kinds[0]]}：”后面没有写时间。")
    units = _unit_list(fields["units"], allow_all=True) if "units" in fields else None
    return Extend(number=number, field=kinds[0], when=when, units=units)


def _excuse(head: str, more: str) -> Excuse:
    lead, fields = _inline_fields(_args(head, more), allowed=("units", "reason"), command="免责")
    number = _single_number(lead, "免责")
    if "units" not in fields:
        raise _Invalid("没有写免责的单位：请写“单位：<名称>”。")
    units = _unit_list(fields["units"], allow_all=False)
    assert units is not None
    if not fields.get("reason"):
        raise _Invalid("免责必须写原因：请写“原因：<原因>”。")
    return Excuse(number=number, units=units, reason=fields["reason"])


def _bind(head: str, more: str) -> Bind:
    args = _args(head, more)
    found = _BIND_RE.match(args)
    if found is None:
        raise _Invalid("没有写单位：先写单位名称，再写要绑定的成员。")
    targets = _targets(found["rest"])
    if not targets:
        raise _Invalid(f"没有写要绑定到“{found['unit']}”的成员：请 @成员，或写微信 id、姓名。")
    return Bind(unit=found["unit"], targets=targets)


def _unbind(head: str, more: str) -> Unbind:
    targets = _targets(_args(head, more))
    if not targets:
        raise _Invalid("没有写要解绑的成员：请 @成员，或写微信 id、姓名。")
    return Unbind(targets=targets)


def _units(head: str, more: str) -> Units:
    if _args(head, more):
        raise _Invalid("“/单位”后面不用写别的内容。")
    return Units()


def _help(head: str, more: str) -> Help:
    topic = _args(head, more).lstrip("/／").strip()
    if not topic:
        return Help(topic=None)
    topic = _NAME_ALIASES.get(topic.casefold(), topic)
    if topic not in COMMAND_HELP:
        raise _Invalid(f"没有“/{topic}”这个命令。{_command_list()}")
    return Help(topic=topic)


_DECIDE_ACTIONS = {"确认": "confirm", "同意": "confirm", "撤销": "revoke", "驳回": "revoke", "登记": "record"}


def _decide(head: str, more: str) -> Decide:
    lead, fields = _inline_fields(_args(head, more), allowed=("reason", "until"), command="处理")
    tokens = lead.split()
    confirmed = len(tokens) > 1 and tokens[0] == "登记" and tokens[-1] in _CONFIRM_WORDS
    if confirmed:
        tokens = tokens[:-1]
    if not tokens:
        if fields:
            raise _Invalid("没有写要做什么：确认、撤销 还是 登记。")
        return Decide("list")
    if tokens[0] not in _DECIDE_ACTIONS and len(tokens) == 2 and tokens[1] in _DECIDE_ACTIONS:
        tokens.reverse()  # "/处理 3 确认" works too
    action = _DECIDE_ACTIONS.get(tokens[0])
    reason = fields.get("reason", "")
    if action is None:
        raise _Invalid(f"“{tokens[0]}”看不懂：请写 确认、撤销 或 登记。")
    if action == "record":
        if len(tokens) != 3:
            raise _Invalid("登记要写单位和种类，例如：/处理 登记 城关镇 媒体曝光 原因：整改不到位。")
        if tokens[2] not in PENALTY_KINDS:
            raise _Invalid(f"种类“{tokens[2]}”看不懂：只能是 {'、'.join(PENALTY_KINDS)}。")
        reason, confirmed_after = _confirmed(reason)  # "原因：整改不到位 确认" confirms too
        if not reason:
            raise _Invalid("登记处理必须写原因。")
        return Decide(
            "record",
            unit=tokens[1],
            kind=tokens[2],
            reason=reason,
            until=fields.get("until") or None,
            confirmed=confirmed or confirmed_after,
        )
    if len(tokens) != 2 or not unicodedata.normalize("NFKC", tokens[1]).lstrip("#＃").isdigit():
        raise _Invalid(f"要写建议编号，例如：/处理 {tokens[0]} 3。")
    flag_id = int(unicodedata.normalize("NFKC", tokens[1]).lstrip("#＃"))
    if action == "revoke" and not reason:
        raise _Invalid("撤销处理必须写原因。")
    if "until" in fields and action != "confirm":
        raise _Invalid("整改期限只在确认或登记处理时写。")
    return Decide(
        "confirm" if action == "confirm" else "revoke",
        flag_id=flag_id,
        reason=reason,
        until=fields.get("until") or None,
    )


def _veto_check(head: str, more: str) -> VetoCheck:
    tokens = _args(head, more).split()
    if not tokens:
        raise _Invalid("没有写要审核的单位。")
    if len(tokens) > 2:
        raise _Invalid(f"“{' '.join(tokens)}”看不懂：只写单位和年份。")
    year = None
    if len(tokens) == 2:
        found = _YEAR_RE.match(unicodedata.normalize("NFKC", tokens[1]))
        if found is None:
            raise _Invalid(f"年份“{tokens[1]}”看不懂：请写四位数，例如 2026。")
        year = found["year"]
    return VetoCheck(unit=tokens[0], year=year)


_PARSERS: dict[str, Callable[[str, str], Command]] = {
    "发布": _publish,
    "查询": _query,
    "催办": _remind,
    "销号": _close,
    "恢复": _reopen,
    "撤回": _withdraw,
    "签收": _record_receipt,
    "反馈": _record_feedback,
    "撤销签收": _undo("receipt"),
    "撤销反馈": _undo("feedback"),
    "待核": _review,
    "延期": _extend,
    "免责": _excuse,
    "绑定": _bind,
    "解绑": _unbind,
    "单位": _units,
    "帮助": _help,
    "处理": _decide,
    "表彰审核": _veto_check,
}


def _args(head: str, more: str) -> str:
    """Everything after the command name, first line and following lines, trimmed."""
    return f"{head}\n{more}".strip()


def _single_number(text: str, command: str) -> str:
    tokens = text.split()
    if not tokens:
        raise _Invalid(f"没有写要{command}的督办编号。")
    if len(tokens) > 1:
        raise _Invalid(f"“{' '.join(tokens)}”看不懂：这里只写一个督办编号。")
    return tokens[0]


def _inline_fields(text: str, *, allowed: tuple[str, ...], command: str) -> tuple[str, dict[str, str]]:
    """Split "12 单位：城关镇 原因：…" into the leading text and the labelled fields."""
    labels = list(_INLINE_LABEL_RE.finditer(text))
    lead = text[: labels[0].start()] if labels else text
    fields: dict[str, str] = {}
    for index, label in enumerate(labels):
        key = _LABELS[label["label"]]
        if key not in allowed:
            raise _Invalid(f"“/{command}”不需要“{label['label']}”这一项。")
        end = labels[index + 1].start() if index + 1 < len(labels) else len(text)
        _put(fields, key, text[label.end() : end].strip())
    return " ".join(lead.split()), fields


def _put(fields: dict[str, str], key: str, value: str) -> None:
    if key in fields:
        raise _Invalid(f"“{_FIELD_NAMES[key]}”写了两次，请只写一次。")
    fields[key] = value


def _unit_list(text: str, *, allow_all: bool) -> tuple[str, ...] | None:
    """A typed unit list; None means every unit (全部/所有单位/全体)."""
    names = split_unit_list(text)
    if not names:
        raise _Invalid("“单位：”后面没有写单位：请写“全部”或单位名称，用顿号隔开。")
    if any(name in _ALL_UNITS for name in names):
        if not allow_all:
            raise _Invalid("这里要写具体单位，不能写“全部”。")
        if len(names) > 1:
            raise _Invalid(f"“{text}”前后矛盾：写了“全部”就不要再列单位。")
        return None
    return tuple(dict.fromkeys(names))


def _optional_time(fields: dict[str, str], key: str) -> str | None:
    if key not in fields:
        return None
    if not fields[key]:
        raise _Invalid(f"“{_FIELD_NAMES[key]}：”后面没有写时间，不需要时限就删掉这一行。")
    return fields[key]


def _targets(text: str) -> tuple[str, ...]:
    """Members from "@张三 @李四" or "wxid_abc": the leading @ stripped, duplicates dropped."""
    return tuple(dict.fromkeys(_TARGET_RE.findall(text)))
