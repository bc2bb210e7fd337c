"""Parse the slash commands office staff type ("/发布 …", "/催办 12") into command values."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeAlias

from handlers.penalties import PENALTY_KINDS
from handlers.units import split_unit_list

# Names, times and notice numbers stay raw strings here; other modules resolve them.

COMMAND_HELP: dict[str, str] = {
    "发布": (
        "/发布 <标题>\n"
        "单位：全部（或 城关镇、财政局…）\n"
        "签收时限：明天12:00（可不写）\n"
        "反馈时限：12月5日17:30（可不写）\n"
        "正文：<通知内容，可以换行接着写>"
    ),
    "查询": "/查询 —— 列出未办结的督办事项\n/查询 <编号> —— 查看一件督办的签收和反馈情况",
    "催办": "/催办 <编号> —— 提醒还没签收或还没反馈的单位",
    "销号": "/销号 <编号> —— 督办事项办结销号（还有单位未签收或未反馈时，会先列出并请您发送“/销号 <编号> 确认”）",
    "撤回": "/撤回 <编号> 原因：<原因>（原因可不写）",
    "延期": (
        "/延期 <编号> 反馈时限：<新时间>\n"
        "/延期 <编号> 签收时限：<新时间> 单位：<名称>、<名称>（不写单位即全部单位）"
    ),
    "免责": "/免责 <编号> 单位：<名称>、<名称> 原因：<原因>（原因必须写）",
    "绑定": "/绑定 <单位> @成员 @成员…\n/绑定 <单位> <微信号或姓名>",
    "解绑": "/解绑 @成员\n/解绑 <微信号或姓名>",
    "单位": "/单位 —— 列出全部承办单位和联络员",
    "处理": (
        "/处理 —— 列出待确认的处理建议\n"
        "/处理 确认 <建议编号> —— 确认一条处理建议\n"
        "/处理 撤销 <建议编号> 原因：<原因> —— 撤销一条处理建议（原因必须写）\n"
        "/处理 登记 <单位> <种类> 原因：<原因> —— 登记媒体曝光、警示约谈、责任追究等处理（种类：书面检查、通报批评、媒体曝光、警示约谈、责任追究）"
    ),
    "表彰审核": "/表彰审核 <单位> [年份] —— 查看该单位是否有一票否决情形，例如 /表彰审核 城关镇 2026",
    "帮助": "/帮助 —— 列出全部命令\n/帮助 <命令> —— 查看一个命令的写法，例如 /帮助 发布",
}
_NAME_ALIASES = {"help": "帮助", "?": "帮助", "？": "帮助"}
_ALL_UNITS = frozenset({"全部", "全部单位", "所有单位", "全体", "全体单位", "各单位"})
_UNIT_SEPARATORS = ("、", "，", ",", "；", ";")
_PUBLISH_FIELDS = ("title", "units", "receipt", "feedback", "body")
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
}
_FIELD_NAMES = {
    "title": "标题",
    "units": "单位",
    "receipt": "签收时限",
    "feedback": "反馈时限",
    "body": "正文",
    "reason": "原因",
}
_LABEL_ALTERNATIVES = "|".join(sorted(_LABELS, key=len, reverse=True))
# A line that starts with a label, or is only a label ("正文" alone, the text on the next lines).
_LINE_LABEL_RE = re.compile(rf"^\s*(?P<label>{_LABEL_ALTERNATIVES})\s*(?:[:：]\s*|$)")
_INLINE_LABEL_RE = re.compile(rf"(?:^|(?<=[\s,，;；。]))(?P<label>{_LABEL_ALTERNATIVES})\s*[:：]\s*")
_PREFIX_RE = re.compile(r"^\s*(?:[@＠][^\s@＠]+\s*)*[/／]\s*")
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


@dataclass(frozen=True)
class Query:
    """/查询: one notice's status, or the open notices."""

    number: str | None  # None: list the open notices


@dataclass(frozen=True)
class Remind:
    """/催办: remind the units that still owe a receipt or feedback."""

    number: str


@dataclass(frozen=True)
class Close:
    """/销号: close a notice as done; `confirmed` once the office has seen who still owes something."""

    number: str
    confirmed: bool = False


@dataclass(frozen=True)
class Withdraw:
    """/撤回: cancel a notice; it no longer counts anywhere."""

    number: str
    reason: str  # "" when none was given


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
    | Withdraw
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


def is_command(text: str) -> bool:
    """True when the text starts with / or ／, after optional @mentions and whitespace."""
    return _PREFIX_RE.match(text) is not None


def parse_command(text: str) -> Command | CommandError:
    """Parse one message into a command, or a CommandError that says what is wrong and shows the form."""
    prefix = _PREFIX_RE.match(text)
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
    for line in more.split("\n"):
        label = _LINE_LABEL_RE.match(line)
        key = _LABELS[label["label"]] if label else ""
        if label and key in _PUBLISH_FIELDS:
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
    )


def _query(head: str, more: str) -> Query:
    tokens = _args(head, more).split()
    if len(tokens) > 1:
        raise _Invalid(f"一次只能查询一个编号，“{' '.join(tokens)}”看不懂。")
    return Query(number=tokens[0] if tokens else None)


def _remind(head: str, more: str) -> Remind:
    return Remind(number=_single_number(_args(head, more), "催办"))


def _close(head: str, more: str) -> Close:
    tokens = _args(head, more).split()
    confirmed = len(tokens) == 2 and tokens[1] in _CONFIRM_WORDS
    return Close(
        number=_single_number(" ".join(tokens[:1] if confirmed else tokens), "销号"), confirmed=confirmed
    )


_CONFIRM_WORDS = frozenset({"确认", "确定"})


def _withdraw(head: str, more: str) -> Withdraw:
    lead, fields = _inline_fields(_args(head, more), allowed=("reason",), command="撤回")
    number, _, loose_reason = lead.partition(" ")
    if not number:
        raise _Invalid("没有写要撤回的督办编号。")
    if "reason" in fields and loose_reason.strip():
        raise _Invalid(f"编号后面多了“{loose_reason.strip()}”。")
    return Withdraw(number=number, reason=fields.get("reason", loose_reason.strip()))


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
        raise _Invalid(f"没有写要绑定到“{found['unit']}”的成员：请 @成员，或写微信号、姓名。")
    return Bind(unit=found["unit"], targets=targets)


def _unbind(head: str, more: str) -> Unbind:
    targets = _targets(_args(head, more))
    if not targets:
        raise _Invalid("没有写要解绑的成员：请 @成员，或写微信号、姓名。")
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
    lead, fields = _inline_fields(_args(head, more), allowed=("reason",), command="处理")
    tokens = lead.split()
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
        if not reason:
            raise _Invalid("登记处理必须写原因。")
        return Decide("record", unit=tokens[1], kind=tokens[2], reason=reason)
    if len(tokens) != 2 or not unicodedata.normalize("NFKC", tokens[1]).lstrip("#＃").isdigit():
        raise _Invalid(f"要写建议编号，例如：/处理 {tokens[0]} 3。")
    flag_id = int(unicodedata.normalize("NFKC", tokens[1]).lstrip("#＃"))
    if action == "revoke" and not reason:
        raise _Invalid("撤销处理建议必须写原因。")
    return Decide("confirm" if action == "confirm" else "revoke", flag_id=flag_id, reason=reason)


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
    "撤回": _withdraw,
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
