"""Parse and find 督办通知单 numbers (督办〔2026〕12号, 第12号, 十二号) without mistaking dates for them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Arabic 1-3 digits or a Chinese numeral up to 九百九十九; validated by _to_int.
# The patterns carry no whitespace: _normalize removes it first, which keeps matching linear.
_NUM = r"(?:\d{1,3}|[零〇一二两三四五六七八九十百]{1,6})"
_YEAR = r"(?:[〔\[(【〖〈](?P<bracket_year>20\d\d)[〕\])】〗〉]|(?P<word_year>20\d\d)年)"
_SEP = r"(?:以及|、|,|/|和|及|与|跟)"
# A list such as "12号、13号", "12、13号" or "1号2号"; the last item must carry 号.
_GROUP = rf"(?:第?{_NUM}(?:号{_SEP}?|{_SEP})){{0,20}}第?{_NUM}号"
# Numbers people mark as such without 号: "#12", "NO.12", "No 12", "编号12".
_MARKED = re.compile(rf"(?:#|no\.?|编号)(?P<num>{_NUM})(?![\d号])", re.IGNORECASE)
# A bare number that opens a message or clause and is followed at once by a receipt or status word:
# "12收到", "12 已完成" (spaces are gone by then); never a date, a time or an amount.
_LEADING = re.compile(
    rf"(?:^|(?<=[,。;!?\n]))(?P<nums>{_NUM}(?:(?:和|、|,|及){_NUM})*)"
    r"(?=(?:收到|收悉|已收|已阅|已签收|签收|已完成|已办结|已报送|已上报|已反馈|已整改|正在|进展|延期|申请|需要?|无法|done))"
)

_CN_NUMBER = re.compile(
    r"(?:(?P<hundreds>[一二两三四五六七八九])百)?[零〇]?"
    r"(?:(?P<tens>[一二两三四五六七八九])?(?P<ten>十))?"
    r"(?P<units>[一二两三四五六七八九])?"
)
_GROUP_ITEM = re.compile(rf"(?P<di>第)?(?P<num>{_NUM})")
_REF = re.compile(rf"(?<![\d.:/\-零〇一二两三四五六七八九十百])(?:(?:督办|督查)?{_YEAR})?(?P<group>{_GROUP})")
_STRICT = re.compile(
    rf"(?:督办|督查)?(?:{_YEAR})?(?P<di>第)?(?P<num>{_NUM})(?P<hao>号)?"
    r"(?P<suffix>督办通知单|督办单|通知单|通知|文)?"
)
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")

# Words right before a bare "18号" that make it a day of the month, not a notice.
_DATE_BEFORE = re.compile(
    r"(?:月份?|月底|月初|(?:(?:周|星期|礼拜)[一二三四五六日天末]?|今天|明天|后天|昨天|前天|今日|明日|当天)是?"
    r"|(?<![关对由属基鉴等至在])于|至|(?<![收接得看听])到|截至|截止|延期|推迟|推后|顺延|定于|预计|估计|计划|争取|力争|拟|最迟|最晚"
    r"|不晚于|不迟于|(?<![服听遵])从|(?<![各来亲独])自|直到|日期|时间|时限|期限)\(?$"
)
# What may follow a bare "12号" for it to be a notice: a notice noun, a receipt or status word,
# a list separator or the end of a sentence. Anything else (前, 下午, 18:00, 完成 …) reads as a date.
_REF_AFTER = re.compile(
    r"(?:通知|文|督办|督查|单|函|件|收到|已|未|没|还|尚|签收|收悉|知悉|阅|接收|均|都|也|全部|皆|落实情况|正在|任务|事项|申请"
    r"|目前|现已|因|进展|进度|材料|工期|项目|反馈|涉及|延期|延至|申请|需|要|暂|恐|零报告|整改|报告"
    r"|的(?!会|活动|时候|上午|下午|中午|晚上|早上|前|之前|以前|后|之后|以后|那天|当天)"
    r"|、|,|和|及|与|跟|:(?!\d)|[。!?~;)\]」』】〕\n]|$)"
)
# After a day of the month come times of day; after a notice number at a clause's start, its state.
_TIME_AFTER = re.compile(r"前|后|之|以|[上下中]午|晚|早|凌晨|\d|点|时|[零〇一二两三四五六七八九十]")
_STATE_SOON = re.compile(r".{0,10}?(?:已|正在|收到|收悉|签收|完成|办结|延期|推迟|申请|无法|不能|不了|不上)")
_MAX_SEQ = 999
_DATE_WINDOW = 12  # characters before a number that _DATE_BEFORE looks at


@dataclass(frozen=True)
class NoticeRef:
    """A reference to notice number `seq`, of `year` when the text names it.

    `heading`: a bare "27号：" opening a report, which may as well be the report's date; a unit with no
    notice of that number reads it so.
    """

    seq: int
    year: int | None = None
    heading: bool = field(default=False, compare=False)


def parse_notice_number(text: str) -> NoticeRef | None:
    """Strictly parse a command argument such as '12', '第12号', '十二号' or '督办〔2026〕12号'.

    '2026-12' and '2026年12' are refused: they read as a year and month.
    """
    match = _STRICT.fullmatch(_normalize(text).strip())
    if match is None:
        return None
    year_text = match["bracket_year"] or match["word_year"]
    if (match["word_year"] or match["suffix"]) and not match["hao"]:
        return None
    seq = _to_int(match["num"])
    if seq is None:
        return None
    return NoticeRef(seq, int(year_text) if year_text else None)


def find_notice_refs(text: str) -> list[NoticeRef]:
    """Notice references in free text, in order of appearance, without duplicates or dates.

    A bare "12号" beside "督办〔2026〕12号" is taken to be the same notice and not listed twice.
    """
    text = _normalize(text)
    found: list[tuple[int, NoticeRef]] = []  # (where it is written, the reference)
    for match in _REF.finditer(text):
        year_text = match["bracket_year"] or match["word_year"]
        items = list(_GROUP_ITEM.finditer(match["group"]))
        explicit = bool(year_text) or any(item["di"] for item in items)
        if not explicit and not _bare_is_notice(text, match.start("group"), match.end()):
            continue
        seqs = [_to_int(item["num"]) for item in items]
        if any(seq is None for seq in seqs):
            continue
        year = int(year_text) if year_text else None
        found.extend(
            (match.start() + n, NoticeRef(seq, year)) for n, seq in enumerate(seqs) if seq is not None
        )
    for match in _MARKED.finditer(text):
        seq = _to_int(match["num"])
        if seq is not None:
            found.append((match.start(), NoticeRef(seq)))
    for match in _LEADING.finditer(text):
        seqs = [_to_int(item["num"]) for item in _GROUP_ITEM.finditer(match["nums"])]
        found.extend((match.start() + n, NoticeRef(seq)) for n, seq in enumerate(seqs) if seq is not None)
    refs = [ref for _, ref in sorted(found, key=lambda item: item[0])]
    with_year = {ref.seq for ref in refs if ref.year is not None}
    unique: list[NoticeRef] = []
    for ref in refs:
        if ref not in unique and not (ref.year is None and ref.seq in with_year):
            unique.append(ref)
    return unique


def _bare_is_notice(text: str, start: int, end: int) -> bool:
    """A plain "12号" counts only when nothing dates it and a notice-like word follows it, or when it
    opens a clause about the state of things ("40号路面硬化已完成")."""
    if _DATE_BEFORE.search(text[max(0, start - _DATE_WINDOW) : start]):
        return False
    if _REF_AFTER.match(text, end) is not None:
        return True
    opens = start == 0 or text[start - 1] in ",。;!?:\n"
    return opens and _TIME_AFTER.match(text, end) is None and _STATE_SOON.match(text, end) is not None


def _normalize(text: str) -> str:
    # NFKC folds full-width digits, brackets and punctuation (１２号, （2026）, ：) to ASCII.
    return _HORIZONTAL_SPACE.sub("", unicodedata.normalize("NFKC", text))


def _to_int(numeral: str) -> int | None:
    value = int(numeral) if numeral.isdecimal() else _chinese_to_int(numeral)
    if value is None or not 1 <= value <= _MAX_SEQ:
        return None
    return value


def _chinese_to_int(numeral: str) -> int | None:
    digits = "一二三四五六七八九"
    match = _CN_NUMBER.fullmatch(numeral.replace("两", "二"))
    if match is None or not (match["hundreds"] or match["ten"] or match["units"]):
        return None
    hundreds = digits.index(match["hundreds"]) + 1 if match["hundreds"] else 0
    tens = (digits.index(match["tens"]) + 1 if match["tens"] else 1) if match["ten"] else 0
    units = digits.index(match["units"]) + 1 if match["units"] else 0
    return hundreds * 100 + tens * 10 + units
