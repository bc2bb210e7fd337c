"""Parse and find 督办通知单 numbers (督办〔2026〕12号, 第12号, 十二号) without mistaking dates for them."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field

# Arabic 1-3 digits or a Chinese numeral up to 九百九十九; validated by _to_int.
# The patterns carry no whitespace: _normalize removes it first, which keeps matching linear.
_NUM = r"(?:0*\d{1,3}|[零〇一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰]{1,6})"  # 0012号 is 12
# "督办2026-12号": a year and a dash before a number with 号 (never a date: "2026-12-05").
_YEAR = r"(?:[〔\[(【〖〈](?P<bracket_year>20\d\d)[〕\])】〗〉]|(?P<word_year>20\d\d)年|(?P<dash_year>20\d\d)[-—–](?=\d{1,3}号)|(?<!\d)(?P<short_year>2\d)年的?(?=\d{1,3}号))"
# "13.14号" lists two notices; "12.13号" is a day (December 13th).
_SEP = r"(?:以及|、|,|/|\+|&|和|及|与|跟|加|~|-|—|至|(?:(?<=1[3-9])|(?<=[2-9]\d)|(?<=\d{3}))\.(?=\d{1,3}号))"
_RANGE = re.compile(r"[~\-—至到]")  # "12~14号", "12到14号": 12, 13 and 14
_MAX_RANGE = 5
# A list such as "12号、13号", "12、13号" or "1号2号"; the last item must carry 号.
# 到 spans a range between numbers ("15到17号", "15号到17号"); "15号推迟到17号" is a notice and a day.
_GROUP = rf"(?:第?{_NUM}(?:号(?:{_SEP}|到)?|{_SEP}|到)){{0,20}}第?{_NUM}号"
# Between issue numbers: "第12、13期", "第12期第13期", "12至14期" (a range).
_ISSUE_SEP = r"(?:期?[、和及与至~\-—到]|期)第?"
# Numbers people mark as such without 号: "#12", "NO.12", "No 12", "编号12", "督办12"; never a date, time or
# amount after 督办 ("督办12月…", "督办3天"; "督办单501：收到" heads a reply, "督办12:30" is a time). "第12期" names a notice by its issue number when a notice
# or status word follows ("第12期收到"; never "第3期培训班").
_MARKED = re.compile(
    rf"(?:#|no\.?|(?:编号|单号|文号)[:为是]?|(?:督办|督查)(?:通知)?单?(?!{_YEAR}))(?P<num>{_NUM}(?:[、和及]{_NUM})*)(?![\d号零〇一二两三四五六七八九十百月日点时天周年个次项%.]|:\d)"
    rf"|(?:第(?P<issue>{_NUM}(?:{_ISSUE_SEP}{_NUM})*)|(?:^|(?<=[,。;!?\n])|(?<=收到)|(?<=收悉)|(?<=签收))(?P<bare_issue>\d{{1,3}}(?:{_ISSUE_SEP}\d{{1,3}})*|{_NUM}(?:{_ISSUE_SEP}{_NUM})+"
    r"|[一二三四五六七八九]?十[一二三四五六七八九]?))期"  # "十二期收到"; "二期" alone is a phase
    r"(?=督办|督查|通知|收到|收悉|签收|已|未|还|都|均|也|和|及|、|,|。|;|!|$|[)\]」』】〕]|关于"
    r"|材料|的(?:材料|报告|表格?|报表|(?=已|早|还|正在|都|均|也))"  # "第12期材料已报", "第28期的已上报"
    r"|[\u4e00-\u9fff]{0,3}?(?:表|报表|台账|报告)(?=已|早|还|正在|都|均|也|发|交|报)"  # "第21期值班表已于2月8日报送"
    # … its subject longer before the material, after a number of two digits or more ("第475期项目审批材料已报送"; never a
    # class's or a meeting's: "第12期培训班材料已发")
    r"|(?<=\d\d期)(?![\u4e00-\u9fff]{0,5}?(?:班|培训|会|讲座|学员))[\u4e00-\u9fff]{4,6}?(?:材料|表|报表|台账|报告)"
    r"(?=已|早|还|正在|都|均|也)"
    r"|(?:的|落实)?情况|要求|(?:那个|这个)(?=$|[,。;!?啊呀哈哦嘛])"  # "第三期的情况汇报一下", "对照第31期要求", "是第31期那个"
    r"|无法|不能|申请延期|延期|需要?(?=延期|推迟|宽限)|正在推进|进展|(?:整改|办理|落实)(?:中|完)"  # "第17期无法按期完成"
    r"|(?:我们|我[镇乡局委]|本单位)(?:\d{1,2}号)?"  # "第13期我们12号已经报送"
    r"(?:已|早|上周|昨天|前天|就|还|正在|都|均|也)"  # "第12期、第13期我局均已收到"
    r"|完成|办结|[报交弄做]完?了)"  # "105期完成了"  # "第12期我们上周就报了"
    # "第101单收到": a notice named by its order number (never "第2单元", "第3单位", a 单价 or a 单据)
    rf"|第(?P<order>{_NUM})单(?![元位价据子车号间打独项])"
    r"|(?<![\d#])(?P<hash_after>\d{1,3})#"  # "12#收到"
    r"|(?:(?<=收到)|(?<=收悉)|(?<=签收)|(?<=sd)(?<![a-z]sd)|(?<=shoudao))(?P<after_receipt>\d{1,3}(?:[、和及,]\d{1,3})*)(?=$|[,。;!?\n])"  # "收到 51", "收到 31 32", "收到 13,14"
    # a bare number in brackets after a title or the receipt word, before a receipt or state word or the
    # clause's end: "冬季消防（12）收到", "收到（12、13）"; never an attachment's or a page's ("附件(3)")
    r"|(?:(?<=[\u4e00-\u9fff])(?<![件页表图条款共约第])|^(?=[\[【]))[(\[【](?P<bracketed>\d{1,3}(?:[、,和]\d{1,3})*)[)\]】]"
    r"(?=$|[,。;!?\n]|(?:都|均|也)?(?:已经?)?(?:收到|收悉|签收|完成|办结|报送|上报|正在|在办))",
    re.IGNORECASE,
)
# A bare number that opens a message or clause and is followed at once by a receipt or status word:
# "12收到", "12 已完成" (spaces are gone by then); never a date, a time or an amount.
_LEADING = re.compile(
    # (… or a message's day and hour heading it: "8月6日 07:55 168收到", read as "8月6日07:55、168收到"; or English
    # "both" opening it: "both 115 & 120 rcvd")
    rf"(?:^|(?<=[,。;!?\n])|(?<=[日号]\d\d:\d\d、)|(?<=[日号]\d:\d\d、)|(?<=^both))(?P<nums>{_NUM}(?:(?:和|、|,|及|跟|与|至|到|~|-|—|/|\+|&|and){_NUM})*)"  # "140 & 143 received", "414 and 419 both received"
    # "801 803 both received", "818 ok 收到": English 都 and an OK sign before the receipt word
    r"(?=(?:(?<![零〇一二两三四五六七八九十百])[两二三四五六七八九十几](?:期|个|份)(?:通知|督办单?|文件)?)?(?:都|均|也|both|all|ok|dou|quan|jun)?(?:收到|收悉|已收|已阅|已签收|签收|已完成|已办结|已报送|已上报|已反馈|已整改|正在|进展|延期|申请|需要?|无法|done|received|rcvd|sd(?:le)?(?![a-z])|shoudao|yb(?![a-z])"  # "dou sd le": pinyin 都收到了; "yb": 已报
    r"|已报(?![名到])|已交|已提交|在办|(?<!一)早就?报"  # "12已报", "12在办", "12早报了" (not "一早报": early)
    # "15还没看到", "12的我们还在弄": its state, or who does what with it
    r"|(?:还|尚|暂)(?:没|未|在)|的(?:我们|我[局镇乡委]|[\u4e00-\u9fff]{1,4}?)?(?:还在|正在|已经?|还没|尚未)"
    r"|(?:我们|我[局镇乡委]|咱们?)(?:都|均|也)?(?:已经|早就|已(?=收|签|阅|完成|办结|报|上报|报送)|收到|收悉|签收)"  # "199和201我们都已经报了", "21、23俺们都收到咧"
    r"|still|inprogress|drafting|underway|ongoing|pending))"  # "400、401我局均已收到", "19 still drafting"
)
# A bare number right after the unit's name and right before the receipt word: "城关12收到", "城关镇12、13收到";
# never a count, an amount or a time ("共12收到", "12点收到" do not fit).
_AFTER_NAME = re.compile(
    r"(?<=[\u4e00-\u9fff])(?<![约共计余近达了到至第月年日天点时分秒万元个人批次件页条款表图~\-—])"  # "附件2收到"
    r"(?P<nums>\d{1,3}(?:(?:[、和,~\-—]|至|到)\d{1,3})*)(?=(?:都|均|也)?(?:收到|收悉|已收到?|已签收|签收))"
)
# A bare number opening the message, then the unit's full name, then the receipt word: "12 城关镇 收到".
_BEFORE_NAME = re.compile(
    r"^(?P<nums>\d{1,3}(?:[、和,]\d{1,3})*)"
    r"(?=(?![个家户人名所座处条份位批次项号期])[\u4e00-\u9fff]{1,10}(?:镇|乡|局|委|街道|管委会|办|中心)"
    r"(?:都|均|也|已经?)?(?:收到|收悉|签收))"
)
# A dash after a word before a number ("【城关镇-12号】"): no range, no phone number, read as a break.
_DASH_AFTER_WORD = re.compile(r"(?<=[\u4e00-\u9fff])[-—–](?=\d)")

_CN_NUMBER = re.compile(
    r"(?:(?P<hundreds>[一二两三四五六七八九])百)?[零〇]?"
    r"(?:(?P<tens>[一二两三四五六七八九])?(?P<ten>十))?"
    r"(?P<units>[一二两三四五六七八九])?"
)
_GROUP_ITEM = re.compile(rf"(?P<di>第)?(?P<num>{_NUM})")
_REF = re.compile(
    rf"(?<![\d./\-零〇一二两三四五六七八九十百壹贰叁肆伍陆柒捌玖拾佰廿卅])(?<!\d:)(?:(?:督办|督查)?{_YEAR})?(?P<group>{_GROUP})"
)
_WHEN_AFTER = re.compile(r"[就才]")  # "4号3号就收到了": the 3号 is when, not one more notice
_STRICT = re.compile(
    rf"(?:督办|督查)?(?:{_YEAR})?(?P<di>第)?(?P<num>{_NUM})(?P<hao>号)?"
    r"(?P<suffix>督办通知单|督办单|通知单|通知|文)?"
)
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
# A short note in brackets after a notice number, its subject ("12号（冬季消防）和13号（燃气安全）"): read past
# it. A weekday or time in brackets ("12号（周五）前") is the date's and stays.
_NOTE_AFTER_NUMBER = re.compile(r"(?<=号)\((?![^()]*(?:周|星期|礼拜|午|晚|早|\d))[^()]{1,12}\)")
# What work is counted in: "共5件", "12个村", "120 多 人".
UNIT_WORD = r"(?:个|户|处|家|村|条|项|件|栋|座|所|人|名|份|公里|米|亩|笔|场|起|棵|株|袋)"
# Digit groups a space keeps apart ("21 22都收到了") are a list, not one number, once spaces go; not a notice's number
# past any day before a count ("863 5件建议提案": the notice, then what it counts).
_SPACED_NUMBERS = re.compile(
    r"(?<![\d.])(?:(\d{3})|(\d{1,2}))[^\S\n]+(?=\d{1,3}(?![\d.]))"
    rf"(?(1)(?!\d{{1,3}}[^\S\n]*(?:[多余][^\S\n]*)?{UNIT_WORD}))"
    # Chinese numerals of two places or more before another one with 号 or 期: "十二 十三号收到"
    r"|(?<![零〇一二两三四五六七八九十百])([一二三四五六七八九]?[十百][零〇一二三四五六七八九十]{0,2})[^\S\n]+"
    r"(?=[一二三四五六七八九]?[十百][零〇一二三四五六七八九十]{0,2}[号期])"
)
# The right number given after a slip owned up to, ending just before the space: "不对 是408".
_SLIP_RIGHTED_BEFORE = re.compile(r"(?:不对|错了)[^\S\n]*(?:是|应是|应该是|应为)第?$")
_SLIP_REACH = 12  # how far back the slip is looked for
# … a number told of after it, not another right one ("不对 是408 409"): "407前天就回过了".
_TOLD_AFTER = re.compile(r"\d{1,3}号?[^\S\n]*的?[\u4e00-\u9fff](?<![号期])")
# Digits typed one at a time, a space apart ("收到 7 7 0", "7 7 0 号"): three of them are one number where a notice's
# number stands (before 号 or 期, the receipt word or another such number; after the receipt word) and, as a list,
# they could name no notices (a 0 among them, or not one after another: "收到 1 2 3" lists three; "3 4 个村" is a count).
_SPACED_DIGITS = re.compile(
    r"(?<![\d.])(?<![\d.][^\S\n])([1-9])[^\S\n]([0-9])[^\S\n]([0-9])(?![^\S\n]?[\d.])"
)
_DIGITS_STAND_BEFORE = re.compile(r"[^\S\n]*(?:[号期、,]|收到|收悉|签收)")
_DIGITS_STAND_AFTER = re.compile(r"(?:收到|收悉|签收|[、,])[^\S\n]*$")
# … or at a clause's head, after a clause ended by a particle ("收到 2 6 5 了 2 6 8 还 没 看 到"): digits that cannot
# list notices there name one, and open a clause of their own.
_DIGITS_OPEN_CLAUSE = re.compile(r"(?<=[了啦呢吧])[^\S\n]+$")
_COUNTED_AFTER = re.compile(rf"[^\S\n]*(?:[多余][^\S\n]*)?{UNIT_WORD}")  # "走访 了 3 5 8 户": a count
# "12，13号均收到", "12号，13号收到": a comma after a number that opens the message or a clause, before
# another notice number, lists them ("收到13号，12号还在整改" says two things).
_COMMA_NUMBERS = re.compile(
    r"(?:^|(?<=[,，。;；!！?？\n]))(\d{1,3}号?)[,，]"
    r"(?=(?:\d{1,3}号?[,，])*\d{1,3}(?:号|(?:都|均|也)?(?:收到|收悉|签收|已)))"  # "12，13，14收到"
)
# The same list right after the receipt word, when it ends the clause: "收到12，13号", "收到12号，13号"
# ("收到13号，12号还在整改" says two things).
_RECEIVED_COMMA_NUMBERS = re.compile(
    r"(?:(?<=收到)|(?<=收悉)|(?<=签收))(\d{1,3}号?)[,，](?=(?:\d{1,3}号?[,，])*\d{1,3}号?(?:$|[,，。;；!！?？\n]))"
)
# A number said not to be meant: "是12号，不是11号" (a correction names the right one).
_DENIED_BEFORE = re.compile(
    r"(?:不是|并非|而非|并不是|误写为|误写成|错写为|错写成|误为|写成了?|误报为|(?:错|误)?(?:发|打)成了?)$"
)  # "刚才错发成424了"
_DENIAL_REACH = 4  # the longest of those
# A number said to be wrong, after it: "12号写错了", "12号（应为13号）".
_DENIED_AFTER = re.compile(r"\(?(?:应为|应是|应该是|改为|更正为)|写错了?|错了|有误|是错的|发错了")
# The right number of a correction ("12号收到，更正为13号"): the numbers before it were wrong.
_CORRECTED_TO_BEFORE = re.compile(r"(?:更正为|改为|应为|应是|应该是)$")

# Traditional characters (as typed on some phones and by Hong Kong/Taiwan input methods) and their
# simplified forms, for the words replies are read by: 簽收 is 签收, 4號 is 4号, 已辦結 is 已办结.
# Only characters whose traditional form is not itself an everyday simplified character are listed.
_VARIANT_PAIRS = (
    "號号簽签辦办結结報报轉转發发們们項项據据經经過过還还這这個个單单學学領领導导長长問问題题應应該该會会"
    "議议時时間间說说請请謝谢開开關关對对門门檔档話话電电腦脑網网鏈链載载壞坏錯错誤误顯显亂乱碼码張张頁页"
    "無无為为內内進进況况處处實实現现狀状態态務务業业區区縣县鄉乡鎮镇級级幹干屬属員员總总匯汇齊齐數数統统"
    "計计劃划準准備备確确認认讀读閱阅覽览訊讯郵邮傳传遞递補补寬宽遲迟緩缓週周禮礼後后幾几兩两萬万點点鐘钟"
    "將将於于與与從从來来給给讓让幫帮麼么嗎吗裡里裏里邊边頭头類类雖虽樣样並并檢检驗验測测標标證证書书寫写"
    "線线條条戶户盡尽儘尽馬马執执貫贯徹彻負负責责專专組组織织達达佈布啟启動动決决設设環环衛卫財财運运輸输"
    "產产庫库資资貼贴醫医療疗機机構构隱隐銷销園园兒儿課课試试東东莊庄閉闭難难夠够較较輕轻鬆松緊紧趕赶約约"
    "廣广場场車车輛辆維维護护鋪铺聯联絡络釋释圖图壓压縮缩擬拟簡简複复雜杂歸归職职審审蓋盖範范圍围訂订製制"
    "習习講讲聽听見见覺觉沒没遠远誰谁須须爭争預预許许擔担則则剛刚纔才餘余囉啰嘍喽掛挂傷伤災灾險险勞劳極极"
    "嚴严屆届體体黨党鄰邻團团養养參参禦御損损協协調调謂谓親亲辭辞換换殘残廢废戰战衝冲灣湾蘇苏雲云練练轄辖"
    "査查凍冻暫暂稱称靜静勵励虧亏優优義义錄录錢钱鐵铁銀银額额價价費费權权識识罰罚舉举瞭了"
    "橋桥積积舊旧燒烧煙烟撥拨諒谅畢毕復复煩烦孫孙獨独稈秆離离畝亩崗岗農农億亿滿满華华順顺訪访穩稳"
)
# Circled numbers (①, ❶, ➀, ⓵), which NFKC makes plain digits.
_CIRCLED_MARKER = re.compile("[\u2460-\u2473\u2776-\u2793\u24f5-\u24fe](?=[^\\S\\n]*[0-9０-９])")
# Keycap emoji digits ("1️⃣2️⃣号") are the digits.
_KEYCAP = re.compile("([0-9#])\ufe0f?\u20e3")
_VARIANTS = str.maketrans(dict(zip(_VARIANT_PAIRS[::2], _VARIANT_PAIRS[1::2], strict=True)))

DAYS_IN_A_MONTH = 31
# Words right before a bare "18号" that make it a day of the month, not a notice.
_DATE_BEFORE = re.compile(
    r"(?:月份?|月底|月初|(?:(?:周|星期|礼拜)[一二三四五六日天末]?|今天|明天|后天|昨天|前天|今日|明日|当天)是?"
    r"|(?<![关对由属基鉴等至在])于|至|(?<![收接得看听])到|截至|截止|延期|推迟|推后|顺延|定于|预计|估计|计划|争取|力争|拟|最迟|最晚"
    r"|不晚于|不迟于|(?<![服听遵])从|(?<![各来亲独])自|直到|日期|时间|时限|期限)(?:\(|:)?$"
)
# A notice's subject between its number and 知道了 ("10号禁燃的晓得了"); never a time of day or an event ("10号开会的").
KNOWN_SUBJECT = r"(?:(?![上下中]午|晚上|早上)(?:(?!会|活动|时|天)[\u4e00-\u9fff]){2,4}的)"
# What may follow a bare "12号" for it to be a notice: a notice noun, a receipt or status word,
# a list separator or the end of a sentence. Anything else (前, 下午, 18:00, 完成 …) reads as a date.
_REF_AFTER = re.compile(
    r"(?:(?:补充|紧急|特急|加急|重要)?通知|文|督办|督查(?!室)|单|函|件|收到|已|未|没|还|尚|签收|收悉|知悉|阅|接收|均|都|也|全部|皆|落实情况|正在|任务|事项|申请"
    r"|同上|同样|亦同|亦然"  # "12号已完成，13号同上"
    rf"|{KNOWN_SUBJECT}?(?:我们|我[局镇乡委]|咱们?)?(?:都|也)?(?:知道|晓得)了"  # "25号俺们晓得了", "10号禁燃的晓得了"
    r"|(?:我们|我[局镇乡委]|咱们?)(?=(?:都|均|也)?(?:收到|收悉|签收))"  # "21、23俺们都收到咧"
    r"|悉(?=[了啦]*(?:$|[,。;!?\n]))"  # "21号 悉": the clerk's word of receipt
    r"|以(?=经?(?:收到|收悉|签收|完成|办结|报送|上报|反馈|落实|整改))"  # "12号以收到": 以 typed for 已
    r"|(?:不是|而不是|\((?:不是|而非|并非))(?=第?(?:\d{1,3}|[零〇一二两三四五六七八九十]{1,3})号)"  # "是13号不是12号"
    r"|(?:sd|shoudao|received|rcvd|done|ok|get)(?![a-z])"  # "12号sd", "13号get": the pinyin or English after it
    r"|第[\d一二三四五六七八九十]{1,2}(?:条|项|点|款|件)(?:说的|提到的|要求的?|的"  # "40号第3条说的…": a point of it
    r"|(?:我们|我[局镇乡委]|本单位)?(?:都|也)?(?:不涉及|没有?涉及|未涉及|已|还|正在))"  # … and its state: "27号第3条我们不涉及"
    r"|目前|现已|仍(?:在|未|没)|因|进展|进度|材料|工期|项目|反馈|涉及|延期|延至|申请|需|要(?!(?:报|交|上报|提交|报送)的)|暂|恐|零报告|整改|报告|一并|一起|同时|附件"
    r"|的(?!会|活动|时候|上午|下午|中午|晚上|早上|前|之前|以前|后|之后|以后|那天|当天)"
    # "十二号那个收到了", "24号这个我们做不完": the notice pointed at, its state soon after
    r"|(?:这个|那个)(?!时候|时间|会|天|礼拜|星期|周)"
    r"(?=.{0,10}?(?:已|正在|收到|收悉|签收|完成|办结|延期|推迟|申请|无法|不能|不了|不完|来不及|赶不上|恐难))"
    r"|[两二三四五六七八九十几](?:个|期|份|件)(?:通知单?|督办单?|文件|事项)?(?=都|均|也|全|已|收|签|申|需|延|正|无|$)"  # "十一号十二号两个通知都收到了"
    r"|、|,|和|及|与|跟|:(?!\d)|[。!?~;)\]」』】〕\n]|$)"
)
# After a day of the month come times of day; after a notice number at a clause's start, its state.
_TIME_AFTER = re.compile(
    # "12号早就报了", "12号早收到了" and "12号12月1日已报" speak of a notice: no day is followed by 早就 or by a month,
    # nor by a hotline's five digits or a quarter ("61号12345热线", "6号一季度的数据"), nor by days late ("31号晚两天")
    r"前|后|之|以|[上下中]午|晚(?!个?(?:[一两二三四五几]|\d{1,2})(?:天|日|周|个?星期|个?礼拜))|早(?!就|已|都|便|收|签|报|交|完|办)|凌晨|\d(?!\d?月|\d{4}|\d{0,2}[个户处家村条项件栋](?!月))|点|时(?!间)"
    r"|[零〇一二两三四五六七八九十](?![季会]|年(?!级))"  # "29号三年行动总结": years counted, no time of day
    r"|那(?:个)?(?:时候|时|天)"
    r"|截止|截至|到期|为止|左右|会上|开会|会议(?!室)"  # "12号截止的那个已报", "13号会上已部署"
    # "28号发的那个通知", "12号群里发的", "5号要报的那个": the day it was sent or is due
    r"|(?:(?![收已报周星礼])[\u4e00-\u9fff]){0,4}?(?:[下印转]?发|发布|印发)的|要(?:报|交|上报|提交|报送)的"
)
_STATE_SOON = re.compile(
    # "58号12月份进度：", "37号我们街道还有5户没拆除": a report's heading, the work left
    r"[^,。;!?]{0,12}?(?:进度|进展)(?:情况)?(?=[:]|$)|[^,。;!?]{0,12}?还(?:有|剩|差)[\d一二三四五六七八九十两几]+[户个处家村条项栋座所件]"
    r"|.{0,12}?(?:已|正在|收到|收悉|签收|完成|办结|延期|推迟|申请|无法|不能|不了|不上|不完"
    r"|才能|才可以|来不及|太紧|一半|大半|[弄做办搞整干改写报交]了"
    r"|完不成|(?:[弄做办搞整干改写]|走访|排查|检查|巡查|核查|摸排|清理|入户)[完好]了|(?<![总冻团集连归])结(?:了|案)|无(?:此类|相关|异常)|经(?:排查|核查|自查|核实)"  # "12号弄完了", "29号我们昨天29户都走访完了", "12号无此类问题", "23号那件案子结了"
    r"|(?<!正)在(?:[弄做办搞整干改写查核]|推进|落实|整改|处理|排查|汇总|统计)"
    r"|(?:要|会|得)(?:晚|迟|推迟)(?:[一两二三几]天|一点|点|些)|(?:晚|迟)个?[一两二三几]天|延后|无(?:火情|险情|事故)"
    r"|(?:这边|这里)?(?:没有|无)[\u4e00-\u9fff]{1,6}的(?=$|[,。;!?])"  # "13号俺们这边木有拖欠工资的": none to report
    r"|\d{1,3}[个户处家村条项件栋][\u4e00-\u9fff]{0,2}?(?:开工|完工|竣工|签约|验收|完成|整改|拆除|清零|到位)了)"  # "13号可能要晚两天"  # "13号在做", "13号还在汇总"
)
# A place numbered with 号 ("12号楼", "3号院", "3号户") or what happened on a day ("12号已召开会议"): never a notice.
_PLACE_AFTER = re.compile(
    r"会议室|楼|院|房|室|门|线(?!虫)|地块|路段|路口|街道(?!办)|桥(?!梁)|井|仓|库|车间|机组|窗口|床|柜|馆|厅|泵站|站点|坑|户|点位"
    # what happened on a day: "12号已召开会议"
    r"|(?:已经?|就|便|又)?(?:召开|举行|举办|开会|开了)"
)
# A numbered place or thing after 第N号 too: "第13号楼已排查", "今年第13号台风", "第13号点位".
_NUMBERED_THING_AFTER = re.compile(
    r"会议室|楼|院|房|室|门|线(?!虫)|地块|路段|路口|街道(?!办)|桥(?!梁)|井|仓|库|车间|机组|窗口|床|柜|馆|厅|泵站|站点|坑|户|点位"
    r"|(?P<motion>建议|提案|议案)|台风|选手|考生|运动员|车道|车位|展位|摊位"
)
_THREE_DIGITS_END = re.compile(r"\d{3}号?$")
# A notice named by its number and subject, its state told after ("20号流感疫苗接种工作，我委已接种…");
# never what is done on a day ("12号开展排查工作", "3号召开部署会").
_SUBJECT_AFTER = re.compile(
    r"(?P<subject>[\u4e00-\u9fff]{2,12}?)(?:工作|任务|事项|专项行动)(?:的?(?:进展|落实)?情况)?(?:[,:]|$)"
)
_DAY_ACTIVITY = re.compile(r"开展|召开|组织|举行|举办|启动|部署|开始|进行|安排|前|后|到|在|去|要|将|会")
_STATE_LATER = re.compile(r"已|正在|完成|办结|推进|延期|无法|不能")
# A unit's share of a notice: "东关街道的131号".
_UNITS_OWN_BEFORE = re.compile(r"(?:镇|乡|局|委|街道|管委会|集聚区)的$")
# Only a unit's name before a number that opens a clause ("王庄乡66号", "河口76号", "县财政局74号").
_UNIT_NAME = r"[\u4e00-\u9fff]{0,10}?(?:镇|乡|局|委|街道|办|管委会|集聚区)"
_UNIT_LEAD = re.compile(rf"{_UNIT_NAME}|[\u4e00-\u9fff]{{2}}")
_UNIT_NAMED_LEAD = re.compile(_UNIT_NAME)
# What a report's heading names after the number: a subject, never a day's time, event or errand
# ("15号放假", "12号上午开会", "13号去市里", "15号要报").
_HEADING_SUBJECT = re.compile(
    r"(?![上下中]午|晚|早|凌晨|前|后|之|以|到|至|起|止|[开召举]|放假|休|[上下加]班|值班(?!表)|请假|调休|轮休|出差|回来|当天|那天"
    r"|[今明后昨前]天|[本下上这]周|去|来|要|将|会|在|再|才|就|又|还|是|也|不是|全[县市省]|各"
    r"|[下印转]?发|发布|我们|我[镇乡局委]|本单位|的(?!材料|报告|事))"
    r"[\u4e00-\u9fff]{2}"
)
_STATE_WINDOW = 40
# A notice named, then who or the paper on it, then a bare "24号": when they acted on it
# ("15号通知我们24号已经报送了", "16号的整改报告12号已经交了", "12号的15号已经报了"), unless both are
# counted together ("12号我们13号都收到了").
_WHO = r"(?:我们|我[局镇乡委办]|本单位|我单位)"
# What a notice asks of the unit, named after its number: its paper, its work or its matters.
PAPER = r"(?:材料|报告|表格?|方案|资料|台账|说明|清单|数据|报表|整改|工作|任务|事项|事情|事|问题|隐患)"
_NOTICE_THEN_WHO = re.compile(
    rf"(?<=[\d零〇一二两三四五六七八九十百])[号期](?:通知|督办单?|文)?(?:的?{_WHO}|的[^,。;!?\d号]{{0,6}}?{PAPER}{_WHO}?|的)(?:已经?|是|在|于)?$"
)
# The unit's own share of a notice after its number: "12号我们局配合的那部分", "119号剩下的那件积案".
_OWN_SHARE_AFTER = re.compile(
    rf"{_WHO}(?:这边|局|镇|乡)?(?:配合|负责|承担|牵头|剩下|包保|分包)的"
    r"|剩下的(?:那|这)?[一两\d]?[件个户项家处栋村]"
)
_TOGETHER_AFTER = re.compile(r"都|均|也|全|两|和|、|的(?!时候)")  # "12号的材料13号的材料都报了"
# Another issuer's numbered document: "中央一号文件", "省委12号文件", "县政府3号令".
_OTHER_ISSUER_BEFORE = re.compile(
    r"(?:中央|国务院|国办|省委|市委|县委|省政府|市政府|县政府|[省市](?:里的?|的|厅的?|局的?)|上级的?)$"
)
# The same before a notice marked 督办 ("市里的督办12号"); 县委 and 县政府 head the office itself there.
_HIGHER_ISSUER_BEFORE = re.compile(
    r"(?:中央|国务院|国办|省委|市委|省政府|市政府|[省市](?:里的?|的|厅的?|局的?)|上级的?)(?:督办|督查)?$"
)
# A county body right before a number its document word follows: "县人社局2号文件", "县财政局〔2073〕5号文" (its own
# numbering; the unit signing before the office's number stays: "县林业局12号收到").
_COUNTY_BODY_BEFORE = re.compile(
    r"县(?![委政])[\u4e00-\u9fff]{1,6}?(?:局|委|办|中心)(?<!督查办)(?<!督办)(?:的|发的|下发的)?$"
)
_DOC_AFTER = re.compile(r"(?:文件|文(?!明)|令|函)")
# A province's or city's body right before a document's year: "市防指〔2042〕15号", "省应急厅〔2042〕3号" (another issuer's
# numbering, whatever its seq; the office's own is 督办〔…〕).
_BODY_BEFORE_YEAR = re.compile(r"[省市][\u4e00-\u9fff]{1,5}$")
# What was received, named right after the word ("收到12号了", "已签收12号"): a notice, not a day.
_RECEIVED_BEFORE = re.compile(r"(?:收到|收悉|签收|接到|接收到?|(?<![a-z])sd|shoudao|received|rcvd)了?$")
_RECEIVED_END = re.compile(
    r"[了啦哈滴哒]*(?:ok|thanks|谢谢|$|[,。;!?\n]|[\u4e00-\u9fff]{1,10}(?:镇|乡|局|委|街道|管委会)(?:$|[,。;!?\n])"
    r"|[a-z]{2,})",  # pinyin or English on after it: "shoudao 231 le", "sd 231 fangxun na ge"
    re.IGNORECASE,
)  # "收到12号 城关镇": the unit signs after it ("收到897号滴": a closing particle)
# The notice a reply was about, said after it: "收到了，是12号那个", "收到了 说的是12号啊".
_POINTED_BEFORE = re.compile(
    r"(?:(?:^|[,。;!?:\n]|收到了?|签收了?)(?:就|应该)?是|说的是|指的是|是指|我说的是)$"
)
_POINTED_END = re.compile(r"(?:那个|这个|那一?期|这一?期|的)?[啊呀哈哦嘛]*(?:$|[,。;!?\n])")
# Another notice's paper named just before, joined to it: "190号周报和200号值班表".
_AFTER_ANOTHER = re.compile(r"\d{1,3}号[\u4e00-\u9fff]{1,6}(?:和|及|与|以及|、)$")
# Words turning to another matter before a notice's number: "另外372号…", "不过838号那3个图斑…", "另412号绿化补植已完成"
# (另 alone last: the longer words first where they are joined into a pattern).
TURNING_WORDS = ("另外", "此外", "还有", "不过", "但是", "可是", "另")
# Only the office addressed before it: "主任 196号…", "王科，196号…".
_ADDRESS = re.compile(r"(?:[\u4e00-\u9fff]{0,2}(?:主任|领导|科长|老师|书记|部长|督查室)[,，\s]*)+")
# The day a report is of, in brackets heading it: "【9月21日】401号周报：…" (the notice opens what follows), or its
# day and hour of writing heading it unbracketed: "8月3日 16:40 215号 …" (read as "8月3日16:40、215号").
_DATED_HEAD = re.compile(
    r"[【\[(〔]\d{1,2}月\d{1,2}[日号]?[】\])〕][^\S\n]*"
    r"|\d{1,2}月\d{1,2}[日号](?:[上下]午|早上|晚上)?\d{1,2}:\d{2}[、,]?"
)
# The office's mark right before a number with 号: "督办13号", "督字13号" (not "督办12号前": a day).
_MARKED_BEFORE_NUMBER = re.compile(r"(?:督办|督查|督字|督办字)$")
# A word that introduces the notice a reply is about: "关于13号我们明天报", "按照12号要求".
_ABOUT_BEFORE = re.compile(r"(?:关于|按照|根据|对于|针对|落实|回复)(?:督查室|你们)?(?:的|发的)?$")
# A later day the rest of a notice's work is due: "13号明天报", "14号下周交".
_LATER_WORK_AFTER = re.compile(
    r"(?:我们|我[局镇乡委])?(?:今天|明天|后天|下周|本周|月底|晚点|稍后)(?=.{0,6}?(?:报|交|完成|办结|反馈|提交))"
)
# Numerals as written on cheques (拾贰 = 十二), read as the plain ones. The old 廿 (20) and 卅 (30) are
# not read: few write them (eval dev4 leaves such replies to the office).
_PLAIN_NUMERALS = str.maketrans(
    dict(zip("两壹贰叁肆伍陆柒捌玖拾佰", "二一二三四五六七八九十百", strict=True))
)
# Slips in a number as typed or spoken: 好/浩/hao for 号 before a receipt word ("12好收到", "12hao收到"),
# a Chinese ten with an Arabic unit ("十2号", "二十3期") and the spoken 幺 for one ("幺三号").
_HAO_SLIP = re.compile(
    r"(?:^|(?<=[,。;!?\n]))(\d{1,3})(?:好|浩|hao)(?=(?:都|均|也|已经?)?(?:收到|收悉|签收))", re.IGNORECASE
)
_TEN_AND_DIGIT = re.compile(r"(?<![\d零〇一二两三四五六七八九十百])([一二三四五六七八九])?十(\d)(?=[号期])")
_YAO_DIGITS = re.compile(
    r"(?<![\d零〇一二两三四五六七八九十百])(?=[零〇一二三四五六七八九]{0,2}幺)([幺零〇一二三四五六七八九]{2,3})(?=[号期])"
    # three numerals read digit by digit, as voice input writes a three-digit number: "二六七号" is 267
    r"|(?<![\d零〇一二两三四五六七八九十百])([一二三四五六七八九][零〇一二三四五六七八九]{2})(?=[号期])"
)
_SPOKEN_DIGITS = str.maketrans("幺零〇一二三四五六七八九", "100123456789")
# Two Chinese numerals with 十 written together before 号 or the receipt word: a list ("十三十四收到").
_TENS_TOGETHER = re.compile(
    r"(?<![零〇一二两三四五六七八九十百])([一二三四五六七八九]?十[一二三四五六七八九]?)"
    r"(?=[一二三四五六七八九]?十[一二三四五六七八九]?(?:号|期|(?:都|均|也)?(?:收到|收悉|签收)))"
)
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
    year_text = match["bracket_year"] or match["word_year"] or match["dash_year"]
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
    corrected_at = len(text)
    for match in _REF.finditer(text):
        if (
            _DENIED_BEFORE.search(text, 0, match.start())
            or _DENIED_AFTER.match(text, match.end())
            or _HIGHER_ISSUER_BEFORE.search(text, max(0, match.start() - _DATE_WINDOW), match.start())
            or (
                _COUNTY_BODY_BEFORE.search(text, max(0, match.start() - _DATE_WINDOW), match.start())
                and _DOC_AFTER.match(text, match.end())
            )
            or (
                match["bracket_year"]
                and _BODY_BEFORE_YEAR.search(text, max(0, match.start() - 6), match.start())
            )
        ):
            continue
        if _CORRECTED_TO_BEFORE.search(text, 0, match.start()):
            corrected_at = min(corrected_at, match.start())
        year_text = match["bracket_year"] or match["word_year"] or match["dash_year"] or match["short_year"]
        items = list(_GROUP_ITEM.finditer(match["group"]))
        group_start = match.start("group")
        marked = (
            _MARKED_BEFORE_NUMBER.search(text, max(0, group_start - _DATE_WINDOW), group_start) is not None
        )
        marked = marked and _TIME_AFTER.match(text, match.end()) is None  # "督办13号", not "督办12号前"
        # a short year ("26年的119号") marks a notice unless a day's time or place follows ("25年的3号那天")
        short_year = bool(match["short_year"]) and not (
            _TIME_AFTER.match(text, match.end()) or _PLACE_AFTER.match(text, match.end())
        )
        full_year = bool(match["bracket_year"] or match["word_year"] or match["dash_year"])
        explicit = full_year or short_year or any(item["di"] for item in items) or marked
        if not explicit and not _bare_is_notice(text, match.start("group"), match.end()):
            continue
        thing = _NUMBERED_THING_AFTER.match(text, match.end())
        if thing and thing["motion"] and (full_year or not any(item["di"] for item in items)):
            thing = None  # "第7号建议" is a deputy's motion; "督办〔2032〕535号建议提案办理情况", "768号建议提案" notices
        if thing and thing["motion"] and len(items) > 1 and items[-1]["di"] and not items[0]["di"]:
            # "214号第12号提案的答复…": the motion's own number, after the notice's
            items, thing = items[:-1], None
        if thing and not (thing[0] == "台风" and _THREE_DIGITS_END.search(match["group"])):
            continue  # "第13号楼", "第13号台风": a numbered place or thing, whatever its 第 (no typhoon has 515)
        if (
            len(items) > 1
            and match["group"][items[-2].end() : items[-1].start()] == "号"
            and _WHEN_AFTER.match(text, match.end())
        ):
            items = items[:-1]  # "4号3号就收到了": notice 4, received on the 3rd
        seqs = _with_ranges(match["group"], items)
        if any(seq is None for seq in seqs):
            continue
        year = (int(year_text) if len(year_text) == 4 else 2000 + int(year_text)) if year_text else None
        found.extend(
            (match.start() + n, NoticeRef(seq, year)) for n, seq in enumerate(seqs) if seq is not None
        )
    for match in _MARKED.finditer(text):
        if _HIGHER_ISSUER_BEFORE.search(text, max(0, match.start() - _DATE_WINDOW), match.start()):
            continue  # "市里的督办12号": another issuer's
        written = (
            match["num"]
            or match["issue"]
            or match["order"]
            or match["bare_issue"]
            or match["hash_after"]
            or match["after_receipt"]
            or match["bracketed"]
        )
        seqs = _with_ranges(written, list(_GROUP_ITEM.finditer(written)))
        found.extend((match.start() + n, NoticeRef(seq)) for n, seq in enumerate(seqs) if seq is not None)
    for match in [*_LEADING.finditer(text), *_AFTER_NAME.finditer(text), *_BEFORE_NAME.finditer(text)]:
        window = max(0, match.start() - _DATE_WINDOW)
        if _HIGHER_ISSUER_BEFORE.search(text, window, match.start()) or _OTHER_ISSUER_BEFORE.search(
            text, window, match.start()
        ):
            continue
        seqs = _with_ranges(match["nums"], list(_GROUP_ITEM.finditer(match["nums"])))  # "105至107收到"
        found.extend((match.start() + n, NoticeRef(seq)) for n, seq in enumerate(seqs) if seq is not None)
    if corrected_at < len(text):  # "12号收到，更正为13号": only the corrected number stands
        found = [(at, ref) for at, ref in found if at >= corrected_at]
    refs = [ref for _, ref in sorted(found, key=lambda item: item[0])]
    with_year = {ref.seq for ref in refs if ref.year is not None}
    unique: list[NoticeRef] = []
    for ref in refs:
        if ref not in unique and not (ref.year is None and ref.seq in with_year):
            unique.append(ref)
    return unique


# A number written where a notice number could be that the rules above did not read ("13/14收到", "D13收到",
# "收到 13,14"): never a count, an amount, a time, a day, a phone number, a page or a list's marker.
_STRAY = re.compile(
    r"(?<![\d.:第共约近计余达件表图页条款双米])"  # "水位涨到28米3": a measure's decimal
    r"(?P<num>\d{1,3})"
    r"(?![\d号期月日点时分秒:%毫厘床艘支箱袋桶瓶斤顶根把只头棵株盏副万元亿个人名家户岁年天周次项条页份米吨亩楼层栋室间台辆套件批处座所位倍路线轮遍场趟届类种段张本例起块方宗车]"
    r"|[国省县乡]道|高速|小时|分钟|公里|公顷|平方|[^\S\n]?(?:km|kg|mm|cm|ml)(?![a-z])"  # "G105国道", "12路", "24小时内", "60 km"
    # (or a count in English, the words run together: "8 checkpoints set up", "120 staff arranged")
    r"|[^\S\n]?(?:checkpoints?|staff|people|persons?|workers?|villages?|schools?|projects?|sites?|households?|teams?|bridges?))"
    r"(?!\.\d*(?:[万元亿%米吨亩]|公里|公顷|$))"
    r"(?![余多来](?:[米吨亩户人名个家处元万件条份]|公里))"  # about so many: "清了800来米"
)
# A notice's number with a letter typed for a look-alike digit (l or i for 1, o for 0): "37l号收到" may be 371, so the bot asks.
_LOOKALIKE_DIGITS = re.compile(r"(?<![a-z\d])(?=[\dlio]*[lio])(?=[\dlio]*\d)[\dlio]{2,3}(?=[号期])")
_LOOKALIKE = str.maketrans("lio", "110")
# A number written with the old 廿 (20) or 卅 (30): not read ("廿三号收到" is no notice 3), so the bot asks.
_OLD_TENS = re.compile(r"([廿卅])([一二三四五六七八九]?)(?=[号期])")
_DENIED = ("不是", "并非", "而非")  # "不是240，是242号已完成": the number said wrong names nothing
_LIST_MARKER = re.compile(r"(?:^|(?<=[\n;。,!?]))\d{1,2}[、.)](?!\d)")
# A road's code or a kilometre post names a place, no notice: "G207", "S312", "K55+300" ("D13收到" stays stray).
# (so does a day in English words, month/day: "need till 8/15")
_ROAD_CODE = re.compile(
    r"(?<![a-z])(?:[gsxy]\d{3}|k\d{1,4}\+\d{1,3})(?!\d)|(?:till|until|by|before|on)[^\S\n]?1?\d/[1-3]?\d(?![\d/])",
    re.IGNORECASE,
)


_OPENING_DAY = re.compile(r"^(\d{1,2})号(?![、,和与及到至~\-—]|\d)")


def opening_day(text: str) -> int | None:
    """The N of a clause opening "N号" that reads as a day of the month but may as well name notice N
    ("5号我们还在清雪"); None when a time, a place or another day follows ("12号前", "12号楼", "12号到15号")."""
    day = _OPENING_DAY.match(text)
    if day is None or _TIME_AFTER.match(text, day.end()) or _PLACE_AFTER.match(text, day.end()):
        return None
    return int(day[1])


def unread_numbers(text: str, read: Collection[int]) -> tuple[int, ...]:
    """Numbers in `text` that may name a notice but are not among the `read` references: the reply is then
    not placed by guess (a reply read as naming no notice is recorded on the latest one owed)."""
    folded = _HORIZONTAL_SPACE.sub(" ", fold(text))
    markers = {match.start() for match in _LIST_MARKER.finditer(folded)}
    places = [match.span() for match in _ROAD_CODE.finditer(folded)]  # in order, never overlapping

    def in_place(at: int) -> bool:
        index = bisect.bisect_left(places, (at,)) - 1
        return index >= 0 and places[index][0] < at < places[index][1]

    # (each look behind a number reaches back only as far as the longest denial: a long paste stays linear)
    found = (
        int(m["num"])
        for m in _STRAY.finditer(folded)
        if m.start() not in markers
        and not folded.endswith(_DENIED, 0, m.start())
        and not _DENIED_BEFORE.search(folded, max(0, m.start() - _DENIAL_REACH), m.start())
        and not in_place(m.start())
    )
    typed = (int(m[0].translate(_LOOKALIKE)) for m in _LOOKALIKE_DIGITS.finditer(folded))
    old = (n for match in _OLD_TENS.finditer(folded) for n in _old_tens(match))
    return tuple(dict.fromkeys(n for n in (*found, *typed, *old) if n not in read))


def garbled_number(text: str) -> bool:
    """Whether `text` names a notice by a number that cannot be read for sure: a letter typed for a digit ("37l号")
    or the old 廿/卅 ("廿三号"). The bot then asks which notice, whatever the unit has open: never the latest by guess."""
    folded = fold(text)
    return _LOOKALIKE_DIGITS.search(folded) is not None or _OLD_TENS.search(folded) is not None


def _old_tens(match: re.Match[str]) -> tuple[int, ...]:
    """The numbers an old tens numeral may be taken for: 廿三 → 23 or 3 (its last numeral alone), 卅 → 30."""
    units = "一二三四五六七八九".find(match[2]) + 1 if match[2] else 0
    return ((20 if match[1] == "廿" else 30) + units, *((units,) if units else ()))


def _with_ranges(group: str, items: list[re.Match[str]]) -> list[int | None]:
    """The numbers of a list, a short range written with ~, -, — or 至 filled in ("12~14号": 12, 13, 14)."""
    seqs: list[int | None] = []
    for n, item in enumerate(items):
        seq = _to_int(item["num"])
        last = seqs[-1] if seqs else None
        between = group[items[n - 1].end() : item.start()] if n else ""
        if seq is not None and last is not None and _RANGE.search(between):
            if not 0 < seq - last <= _MAX_RANGE:
                return [None]  # "12-3号", "1~30号": not a list of notices
            seqs.extend(range(last + 1, seq))
        seqs.append(seq)
    return seqs


# A notice's paper named after the number, right after it was sent in: "已报送7号办理情况", "已上报12号的材料".
_SUBMITTED_BEFORE = re.compile(r"(?:报送|上报|提交|反馈|报)了?$")
# ("请于12月16日前报送806号燃气自查汇总表": the paper's subject may run to eight characters; "报送724号图斑核查进展": how
# the work stands)
_PAPER_AFTER = re.compile(rf"的?[\u4e00-\u9fff]{{0,8}}?(?:情况|进展|进度|{PAPER})")


def _bare_is_notice(text: str, start: int, end: int) -> bool:
    """A plain "12号" counts only when nothing dates it and a notice-like word follows it, or when it
    opens a clause about the state of things ("40号路面硬化已完成")."""
    before = text[max(0, start - _DATE_WINDOW) : start]
    if before.endswith("从") and _RANGE.search(text, start, end):
        before = before[:-1]  # "从12号到14号都收到了": a range of notices if what follows says so
    if _DATE_BEFORE.search(before) or _PLACE_AFTER.match(text, end):
        return False
    if _OTHER_ISSUER_BEFORE.search(text, max(0, start - _DATE_WINDOW), start):
        return False
    if _NOTICE_THEN_WHO.search(text, max(0, start - _DATE_WINDOW), start) and not _TOGETHER_AFTER.match(
        text, end
    ):
        return False
    if _REF_AFTER.match(text, end) is not None or _LATER_WORK_AFTER.match(text, end) is not None:
        return True
    if _RECEIVED_BEFORE.search(text, max(0, start - _DATE_WINDOW), start) and _RECEIVED_END.match(text, end):
        return True
    if _POINTED_BEFORE.search(text, max(0, start - _DATE_WINDOW), start) and _POINTED_END.match(text, end):
        return True
    if _ABOUT_BEFORE.search(text, max(0, start - _DATE_WINDOW), start) and not _TIME_AFTER.match(text, end):
        return True
    # a clause's start, or a notice pointed at: "上次那个12号我们已经报了"
    opens = (
        start == 0
        or text[start - 1] in ",。;!?:\n"
        or text.endswith(("这个", "那个", "督办", "督查"), 0, start)  # "督办12号无法按期完成"
        or text.endswith(("延期的", "推迟的", "顺延的", "宽限的"), 0, start)  # "上次申请延期的148号…已经报了"
        or text.endswith(("将", "把"), 0, start)  # "恳请将142号清查数据报送时间延至9月30日"
        # an apology opens what follows it: "不好意思918号我们要晚一天"
        or text.endswith(("不好意思", "抱歉", "对不起", "实在抱歉", "sorry"), 0, start)
        # "377号收到。另外372号前期的台账已经交了", "不过838号那3个图斑…": another notice, a new clause
        or text.endswith(TURNING_WORDS, 0, start)
        or _ADDRESS.fullmatch(text, 0, start) is not None  # "主任主任 196号我们报了哈"
        or _DATED_HEAD.fullmatch(text, 0, start) is not None  # "【9月21日】401号周报："
        or _AFTER_ANOTHER.search(text, 0, start) is not None  # "190号周报和200号值班表都已发邮箱"
    )
    # (a number in Chinese numerals too: "五十号以报" has no day of a month either)
    numbers = [n for m in _GROUP_ITEM.finditer(text[start:end]) if (n := _to_int(m["num"])) is not None]
    # "我们这431号赶不上了": a notice pointed at by 这/那 alone, when no month has that day ("这12号" may be a day),
    # or by whose share it is ("东关街道的131号他们说已经报了")
    # … or by the week it is of, or as the unit's own ("东关这周601号交了", "我们的617号昨天下午就交了"), or only the
    # unit's name before it opening the clause ("柳林乡六零八号本周巡查十二次")
    pointed = (
        opens
        or text.endswith(("这", "那", "这周", "本周", "我们的", "咱们的"), 0, start)
        or _UNITS_OWN_BEFORE.search(text, 0, start) is not None
        or _UNIT_NAMED_LEAD.fullmatch(text, _clause_start(text, start), start) is not None
    )
    if pointed and numbers and min(numbers) > DAYS_IN_A_MONTH:
        return True  # "133号本周巡查…", "98号今天把…": no month has that day
    if _TIME_AFTER.match(text, end) is not None:
        return False
    if _SUBMITTED_BEFORE.search(text, max(0, start - _DATE_WINDOW), start) and _PAPER_AFTER.match(text, end):
        return True
    if (opens or _UNIT_LEAD.fullmatch(text, _clause_start(text, start), start)) and _HEADING_SUBJECT.match(
        text, end
    ):
        return True  # a report's heading: "64号信访积案…", "王庄乡66号周报：…", "80号教育局检查学校72所"
    if not opens:
        return False
    if _STATE_SOON.match(text, end) is not None or _OWN_SHARE_AFTER.match(text, end) is not None:
        return True
    subject = _SUBJECT_AFTER.match(text, end)
    return (
        subject is not None
        and _DAY_ACTIVITY.search(subject["subject"]) is None
        and (
            subject.end() == len(text)  # a clause of its own: what is said of it follows in the next ones
            or _STATE_LATER.search(text, subject.end(), subject.end() + _STATE_WINDOW) is not None
        )
    )


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding position `at` begins."""
    return max(text.rfind(mark, 0, at) for mark in ",。;!?:\n") + 1


def fold(text: str) -> str:
    """The text with NFKC applied (１２号 → 12号, （2026） → (2026), ： → :), keycap digits plain (1️⃣ → 1)
    and traditional characters read as simplified (簽收 → 签收, 號 → 号); a circled number before digits
    is a list's marker and becomes a line break (①12号收到 ②13号已完成); a run of digits longer than any number
    is cut short; spacing and the rest are kept."""
    text = _CIRCLED_MARKER.sub("\n", text)
    text = _KEYCAP.sub(r"\1", unicodedata.normalize("NFKC", text)).translate(_VARIANTS)
    return _DIGIT_RUN.sub(lambda run: run[0][:_LONGEST_DIGITS], text)


# No number a reply means is longer than an ID card's; a longer run of digits (a paste gone wrong) is cut to that,
# which keeps the patterns that count digits forward from every position linear.
_LONGEST_DIGITS = 20
_DIGIT_RUN = re.compile(rf"\d{{{_LONGEST_DIGITS + 1},}}")


# A space between a word ending in a numeral and a number is a break: "住建局张三 12号收到" (三 is a name's;
# "十 2号" is the slip 十2号).
_NUMERAL_SPACE_DIGITS = re.compile(r"(?<=[\u4e00-\u9fff][零〇一二两三四五六七八九])[^\S\n]+(?=\d)")


def separate_spaced_numbers(text: str) -> str:
    """Numbers kept apart by a space or a comma written as a list ("21 22" → "21、22", "12，13号" →
    "12、13号"), before spaces are dropped and commas cut clauses; digits typed a space apart made one number
    (see _SPACED_DIGITS)."""
    text = _SPACED_DIGITS.sub(lambda match: _joined_digits(text, match), text)
    text = _SPACED_NUMBERS.sub(lambda match: _listed(text, match), text)
    text = _COMMA_NUMBERS.sub(r"\1、", _NUMERAL_SPACE_DIGITS.sub("\n", text))
    return _RECEIVED_COMMA_NUMBERS.sub(r"\1、", text)


def _listed(text: str, match: re.Match[str]) -> str:
    """The number before a space as the first of a list (see _SPACED_NUMBERS), unless it rights a slip and the number
    after it is told of ("收到407 不对 是408 407前天就回过了": 408 is received, 407 answered before)."""
    number = match[1] or match[2] or match[3]
    slip = _SLIP_RIGHTED_BEFORE.search(text, max(0, match.start() - _SLIP_REACH), match.start())
    if slip and _TOLD_AFTER.match(text, match.end()):
        return f"{number}号 "
    return f"{number}、"


def may_list(digits: list[int]) -> bool:
    """Whether digits typed a space apart may as well list as many numbers ("收到 1 2 3"): each one more than the
    one before, as notices sent together are numbered ("收到 1 2 6", "1 4 8 号" are one number each)."""
    return 0 not in digits and all(later == earlier + 1 for earlier, later in itertools.pairwise(digits))


def _joined_digits(text: str, match: re.Match[str]) -> str:
    """Three digits typed a space apart as one number, where they stand for one (see _SPACED_DIGITS)."""
    digits = [int(d) for d in match.groups()]
    listable = may_list(digits)
    stands = _DIGITS_STAND_BEFORE.match(text, match.end()) or _DIGITS_STAND_AFTER.search(
        text, 0, match.start()
    )
    if listable:
        return match[0]
    if (
        not stands
        and _DIGITS_OPEN_CLAUSE.search(text, 0, match.start())
        and not _COUNTED_AFTER.match(text, match.end())
    ):
        return "\n" + "".join(match.groups())
    return match[0] if not stands else "".join(match.groups())


def _normalize(text: str) -> str:
    text = _HORIZONTAL_SPACE.sub("", separate_spaced_numbers(fold(text)))
    text = _HAO_SLIP.sub(r"\1号", text)
    text = _TEN_AND_DIGIT.sub(_ten_and_digit, text)
    text = _YAO_DIGITS.sub(lambda match: (match[1] or match[2]).translate(_SPOKEN_DIGITS), text)
    text = _TENS_TOGETHER.sub(r"\1、", text)
    return _DASH_AFTER_WORD.sub("\n", _NOTE_AFTER_NUMBER.sub("", text))


def _ten_and_digit(match: re.Match[str]) -> str:
    """A Chinese ten with an Arabic unit: 十2 → 12, 二十3 → 23."""
    tens = "一二三四五六七八九".index(match[1]) + 1 if match[1] else 1
    return f"{tens}{match[2]}"


def _to_int(numeral: str) -> int | None:
    value = int(numeral) if numeral.isdecimal() else _chinese_to_int(numeral)
    if value is None or not 1 <= value <= _MAX_SEQ:
        return None
    return value


def _chinese_to_int(numeral: str) -> int | None:
    digits = "一二三四五六七八九"
    match = _CN_NUMBER.fullmatch(numeral.translate(_PLAIN_NUMERALS))
    if match is None or not (match["hundreds"] or match["ten"] or match["units"]):
        return None
    hundreds = digits.index(match["hundreds"]) + 1 if match["hundreds"] else 0
    tens = (digits.index(match["tens"]) + 1 if match["tens"] else 1) if match["ten"] else 0
    units = digits.index(match["units"]) + 1 if match["units"] else 0
    return hundreds * 100 + tens * 10 + units
