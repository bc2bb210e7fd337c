"""The phrases `classify` reads a reply by (regular expressions): cleaning, how an act is said, receipt, feedback, delay."""

from __future__ import annotations

import re

from handlers.reading.notice_ref import (
    KNOWN_SUBJECT,
    PAPER,
    UNIT_WORD,
)

# ---- cleaning -------------------------------------------------------------------------------

# A quoted reply arrives as 「sender: quoted text」 then a dashed line, then the reply itself.
QUOTE_SEPARATOR = re.compile(r"\n[ \t]*(?:[-—–─][ \t]*){5,}(?:\n|$)")
QUOTE_BLOCK = re.compile(r"^\s*「[^「」]*」|「[^「」:]*:[^「」]*」")
TIME_GRANTED = re.compile(r"(?:同意|批准|准予|准许)[^「」]{0,20}?(?:延期|延至|延长|顺延|宽限|推迟|延后)")
THANKS_FOR_TIME = re.compile(
    r"(?:谢谢|感谢|多谢)[^,。;]{0,8}?(?:给|同意|批准|准予)[^,。;]{0,6}?(?:延期|延到|延至|宽限|推迟|延后|顺延|延长)"
)
QUOTE_SENDER = re.compile(
    r"「(?![^「」:\n]{0,24}?[\d一二三四五六七八九十〕\]】][号期]:)[^「」:\n]{0,24}:"
)  # not a notice heading "「316号："
OFFICE_SENDER = re.compile(r"督查|督办|督察")  # the office's own body signing a quote ("「县委督查室：")
DAY_OF_DATE = re.compile(r"\d{1,2}月(\d{1,2})[日号]")
WECHAT_EMOJI = re.compile(r"\[[^\[\]\d]{1,6}\]")  # [强] [OK] [抱拳]; never [2026]
UNICODE_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\u3290-\u32ff"
    "\ufe00-\ufe0f\u200d\u20e3\U000e0000-\U000e007f]+"
)
# A notice number and an OK sign, nothing else: "12👌", "12 ok", "👌13", "14号👍", "602🫡" (a salute) acknowledge the
# notice.
# (also a tick typed as a sign: "908√", "931√ 934√")
OK_SIGN = "(?:(?:\U0001f44c|\U0001f44d|\U0001f197|\u2705|\u2714|\u2611|\U0001fae1|\u221a|\u2713)[\U0001f3fb-\U0001f3ff\ufe0f]?|ok(?:ay)?(?![a-z]))"
NUMBERS_TEXT = r"((?:#|no\.?)?第?\d{1,3}(?!\d)[号期]?(?:(?:\s*[、,和]\s*|\s+)?第?\d{1,3}(?!\d)[号期]?)*)"
# … or the dialect's 中 (行, OK) after a pause: "164号，中！", or right after a number of three digits, which no school
# has ("444中"; never "12中", a school, nor 中 inside a sentence); or 收 cut short from 收到 ("420 421收", as "420收";
# not after one digit: "1 2 收" may be days), closed as on the duty radio ("688 收 完毕")
# A sign of the notice's matter before its number, no question: "🔥603🫡", "🌊 604 👌" (not "❓603", "🤔603").
SUBJECT_EMOJI = "(?:(?![\u2753-\u2755\U0001f914])[\U0001f300-\U0001faff\u2600-\u27bf]\ufe0f?\\s*)"
NUMBERS_OK = re.compile(
    # (after a word of assent: "嗯呐 890 妥"; 妥 as 中, a pause or three digits before it)
    rf"^\s*(?:嗯+[呐哪]?[\s,]+)?{SUBJECT_EMOJI}?{OK_SIGN}?\s*{NUMBERS_TEXT}[\s,]*(?:{OK_SIGN}+|(?:(?<=[\s,])|(?<=\d{{3}})|(?<=\d{{3}}号))(?:中[嘞啊呀哈]?|妥了?)"
    r"|(?:(?<=\d\d)|(?<=\d\d号)|(?<=\d\d\s)|(?<=\d\d号\s))收[了啦]?)\s*了?(?:[\s,]*完毕)?[\s!。~.]*$"
    rf"|^\s*{OK_SIGN}+[\s,]*{NUMBERS_TEXT}[\s!。~.]*$",
    re.IGNORECASE,
)
# … the same then what is said or asked of another notice a space after it: "36 ok 35的还在弄" (36 received, then 35),
# "835✅ 838🤔 我们也有？" (835 received; 838 asked about).
NUMBERS_OK_THEN = re.compile(
    rf"^\s*{NUMBERS_TEXT}[\s,]*{OK_SIGN}+[\s,;.。]+(?=(?:#|no\.?)?第?\d{{1,3}}(?!\d)[^\S\n]*(?:[号期的:?→]|->|[\u4e00-\u9fff]))",
    re.IGNORECASE,
)
# A unit's signature after such a receipt: "309 ok 管委会"; after a dash, the liaison's name too: "134 中 ——柳林乡 王".
SIGNED = re.compile(
    r"[\s,]+[\u4e00-\u9fff]{0,10}(?:局|委|镇|乡|办|街道|管委会|集聚区|中心)[\s!。~.]*$"
    r"|[\s,]*[\-—–]{1,2}[^\S\n]*[\u4e00-\u9fff]{0,10}(?:局|委|镇|乡|办|街道|管委会|集聚区|中心)"
    r"(?!的|发|转|拨|下发|通知|文件|材料)(?:[^\S\n]*[\u4e00-\u9fff]{1,3})?[\s!。~.]*$"
)
ONES_ONLY = re.compile(r"^1(?:[\s、,和]+1)*$")
NUMBERS_OK_LENGTH = 40  # such a message is short; the check stays off long pasted text
# … several of them, each number with its own sign: "88号✅ 90号✅", "12👌 13👌" (each received), then perhaps what
# else is said: "888 👌 890 👌 值班表晚上发", "860 ✅ 863 ✅ 865❓"
NUMBER_OK = rf"(?:#|no\.?)?第?(\d{{1,3}})(?!\d)[号期]?[^\S\n]*{OK_SIGN}+"
# (a sign may stand between them with no space: "420👌421👌")
NUMBER_OK_PAIRS = re.compile(rf"\s*{NUMBER_OK}(?:[\s,、;。]*{NUMBER_OK})+[\s!。~.]*", re.IGNORECASE)
NUMBER_OK_ONE = re.compile(NUMBER_OK, re.IGNORECASE)
# … the same closing a message after what was said first: "节后一口气来了三个 841✅842✅843✅".
NUMBER_OK_PAIRS_LAST = re.compile(
    rf"(?<=[\s,。;!?])(?:{NUMBER_OK}(?:[\s,、;。]*{NUMBER_OK})+)[\s!。~.]*$", re.IGNORECASE
)
# An English receipt word after each notice's number, spaced ("830 rcvd 831 rcvd"): each ends its clause.
# (not the word opening the message, then the one number it got: "rcvd 202, thx")
ENGLISH_RECEIPT_THEN_NUMBER = re.compile(
    r"(?<=rcvd|ived|oted)(?<!^rcvd)(?<!^received)(?<!^noted)[^\S\n]+(?=\d{1,3}(?!\d))", re.IGNORECASE
)
# A remark on how many notices came at once ("今天一口气发了六个啊", "一下子来了三个通知"): the office's sending, no report.
SENT_MANY = re.compile(
    r"^(?:今天|今儿|这周|又)?(?:一口气|一下子?|一下就|一天)(?:又|就)?(?:发|来|下|下发)了[\d一二三四五六七八九十两几]+(?:个|份|期)"
    r"(?:通知|督办单?|文件)?[啊呀啦吧哈呢]*$"
)
# A tick right before the notice's state, a clerk's checklist ("843 ✔已报", "807✔正在改"): the state, not a receipt.
TICK_BEFORE_STATE = re.compile(
    rf"(?<![\d.])(\d{{1,3}})(?!\d)[号期]?[^\S\n]*{OK_SIGN}+(?=[^\S\n]*(?:已|正在|在办|在弄|还在|还没|未|没))",
    re.IGNORECASE,
)
# A question mark drawn ("865❓", "838🤔"): asked, as "?" is.
QUESTION_EMOJI = re.compile("[\u2753\u2754\U0001f914]\ufe0f?")
INVISIBLE = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]")
# Voice input writes the punctuation it hears as words: "13号已收到逗号马上落实", "十二号收到句号".
SPOKEN_PUNCTUATION = re.compile(r"(句号|逗号|分号)")
PUNCTUATION_WORDS = {"句号": "。", "逗号": ",", "分号": ";"}
# WeChat puts U+2005 after a mention (NFKC makes it a space); a trailing one may have none.
# (the office's clerk named after its @, a space apart: "@督查室 周婷 801走访的照片…")
MENTION = re.compile(
    r"@[^\s@]*(?:督查|督办)[^\s@]*[^\S\n]+(?:(?!收到|已经|好的)[\u4e00-\u9fff]{2,3}[^\S\n]+)?"
    r"|(?<=\S)\s*(?:@[^\s@]+\s*){1,10}$|@[^\s@]+\s+"
)
SPACES = re.compile(r"\s+")
LATIN_GAP = re.compile(r"(?<=[a-z])\s+(?=[a-z])")
# Clause breaks; 、 only between words (between numbers it lists notices: 12、13号).
CLAUSE_BREAK = re.compile(
    r"[,。;!?\n]+|~+(?![\d一二三四五六七八九十])"  # "12号~13号" lists notices
    # "排查结果：无" is one statement, "12:30" a time
    r"|(?<!编号|单号|文号)(?:(?<!\d):|:(?!\d))(?!(?:无|没有)(?:异常|问题|情况)?(?:$|[,。;!\n]))"
    # (nor after a number in brackets closing a title: "《…》（第819号）、《…》（第815号）均收到")
    r"|(?<![\d一二三四五六七八九十号])(?<!号\))、(?![\d一二三四五六七八九十第#])|(?<!\d)\.+|\.+(?!\d)"
    r"|(?<!不)但是|可是|(?<=[了啦])但|(?<![a-z])but(?![a-z])"
    r"|(?<=[”\"])[\-—–]+"  # "“…务必于28日前报送”——这个我们前天就报了": the quoted order ends there
    r"|(?<=[了啦])(?=我?(?:说的是|指的是))"  # "收到了说的是12号啊": the notice, said after  # "收到了但是附件打不开…": what follows is another matter
    # unpunctuated speech: a state said with 了, then another notice ("十二号收到了十三号还没看到")
    r"|(?<=[到收悉成结完好报交送期]了)(?=第?(?:\d{1,3}|[零〇一二两三四五六七八九十百]{1,4})[号期](?![楼院室]))"
    # … or without 了, when the next notice has a state of its own ("12号收到13号还没看到")
    r"|(?<=[\u4e00-\u9fff])(?<![号期])[/|](?=第?(?:\d{1,3}|[零〇一二两三四五六七八九十百]{1,4})[号期])"  # "12号收到/13号已完成"
    r"|(?<=\))(?<!\(\d\d\d\d\))(?=第?(?:\d{1,3}|[零〇一二两三四五六七八九十百]{1,4})[号期])"  # "12号(已收到)13号(已完成)"; not "督办(2028)12号"
    # a field mark between a word or a number and a word: "203/收到/交通局 马", "收到/市交通运输局…紧急通知/已转各站",
    # "101→收到", "202 √ 本周无火点" (not a date, "12/15", nor "是/否" in a table's cell)
    r"|(?<=[\d\u4e00-\u9fff])[^\S\n]*(?:(?<![是否有无])/(?![是否有无])|→|->)[^\S\n]*(?=[\u4e00-\u9fff])"
    r"|(?<=收到|签收|收悉|完成|办结|报送|上报|已报|已收|延期)"
    r"(?=第?(?:\d{1,3}|[零〇一二两三四五六七八九十百]{1,4})[号期]的?(?:昨天|前天|上周|早就?)?(?:还|尚|暂|也)?"
    r"(?:没|未|正在|还在|已|收到|签收|申请|延期|无法|恐难|来不及)"
    r"|\d{1,3}(?:已|收到|签收))"  # "12号已完成13号已收到", "12收到13收到"
)
KEEP_BREAKS = re.compile(r"(?<=[,。;!?~\n])")  # cut after the punctuation that ends a clause, keeping it
# "1,200亩", "4,812名": one count, not two clauses ("105,106号" stays two notices)
THOUSANDS = re.compile(
    r"(?<=\d),(?=\d{3}(?:\.\d+)?[余多]?(?:个|户|处|家|人|名|份|亩|元|万|米|吨|间|辆|台|例|座|所|条|项|件|栋|公里|平方))"
)
# … and in a pasted table's cell: "46\t8,215\t8,215\t37"; its figures' cells a list ("46、8215、8215、37").
CELL_THOUSANDS = re.compile(r"(?m)(?:(?<=\t)|^)(\d{1,3}),(\d{3})(?=\t|$)")
CELL_GAP = re.compile(r"(?<=[\d%])\t+(?=\d)")
NUMBER_MARK = re.compile(r"(?<![a-z])no\.\s*(?=\d)")  # "No.23": not a full stop
HEADING = re.compile(r"^[\d一二三四五六七八九十]{1,3}号:")
# A notice's number and the matter it reports on, over a colon: "94号防汛演练：…", "70号水库巡查情况：…"
TOPIC_HEADING = re.compile(
    r"^[\d一二三四五六七八九十]{1,3}号(?:(?![上下中]午|晚上|早上|凌晨|前|后|日|点|时)[\u4e00-\u9fff]){0,10}:"
)
# A numbered list ("1.通知已收到 2.附件打不开"): its markers end clauses, and are no notice numbers.
# "1." / "2、" / "3)" at a line's or clause's start (before a notice number or a date too: "1.12号已收到",
# "3.10月3日至今…"), or "(1)".
CONTINUED = re.compile(r"^(?:接上条?|续上条?|接前|续)[:：,，]?")
LIST_MARKER = re.compile(
    r"(?:^|(?<=[\s,，;；。:：]))(\d{1,2})(?:[.．、)）](?!\d)|[.．、](?=\d{1,3}号)|[.．](?=\d{3}(?![\d.．%]))|[.．](?=\d{1,2}月\d)|[.．](?=20\d\d年))|[(（](\d{1,2})[)）]"
    r"|[(（]([一二三四五六七八九十])[)）]"  # "(一)12号收到(二)13号已完成"
    r"|(?:^|(?<=[\s,，;；。:：]))([一二三四五六七八九十])、(?![一二三四五六七八九十零〇两]{0,3}[号期])"  # "一、96号…二、104号…"
)
# "一、12号已完成": a Chinese list marker before an Arabic notice number is no notice 1, even alone
LONE_HEAD_MARKER = re.compile(r"^\s*[一二三四五六七八九十]、(?=\s*\d)")
# A space before a second number, after something said of a notice, ends a clause: another notice
# ("22号收到 21号的表晚点给", "29期收到 28期还在弄") or a time or day ("12号收到 11点前报").
# ("#659 收到 #647 的…已报": a number marked # as well; "#督办509# 收到 #督办501# 活动方案已报": a hashtag)
NUMBER_AFTER_SPACE = re.compile(
    r"(?<![^\S\n])[^\S\n]+(?=#?(?:督办|督查)?单?第?(?:\d|[一二三四五六七八九十]{1,3}[号期]))"
)
# A notice's thing after a space, behind words that end a clause or a bare receipt: "不好意思回晚了 329的台账上午交了".
WHOSE_NUMBER = re.compile(r"\d{1,3}号?的(?!话)")
CLAUSE_ENDS = re.compile(r"[了吧啊呀哈的]$")
# … or a number past any day's, whatever went before: "今天全镇在搞迎检 604的台账晚两天交".
WHOSE_NOTICE = re.compile(r"(?:3[2-9]|[4-9]\d|[1-9]\d{2})号?的(?!话)")
# ("13收到 12在办"; the 期 of 延期 is no issue number; a hashtag's closing # as 号: "#督办509# 收到 #督办501# …")
SAID_OF_NOTICE = re.compile(
    r"(?:[号期]|\d#(?=[^#]*$)|^#?\d{1,3})(?:延期|[^号期])*?(?:收|签|阅|已|完成|办结|延|报|交|正在|推进|在办|在[修弄做办搞查改建]|不了|不完|涉及)(?:延期|[^号期])*$"
)
# … or the notice received named after the word, when the next number has a state of its own
# ("收到13号 12号的正在办"; "收到12号 13号" lists two), also a space after the word ("收到 757 不对 是758"), before its 号
# ("收到 838 号 不对 …") or several ("收到 815号、818号 我们 下午 开会 部署").
RECEIVED_ONE = r"第?(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:[^\S\n]*[号期])?"
RECEIVED_NUMBER = re.compile(
    rf"(?:收到|收悉|签收)[^\S\n]*{RECEIVED_ONE}(?:[^\S\n]*[、和及跟与][^\S\n]*{RECEIVED_ONE})*[了啦哈呀]*$"
    r"|^\d{3}号?收$"  # 收到 cut short after the number opening the message: "792收 半年总结月底前报"
)
# … or a time of day after the notice received ("收到 9号 12:30前报"), its deadline told apart.
TIME_OF_DAY = re.compile(r"\d{1,2}(?::\d{2}|点|时)")
# Numbers past any day and the receipt word after them ("419收到", "424、425 都收到"), after a space: a clause of their own.
NUMBERS_RECEIVED = re.compile(
    r"(?:3[2-9]|[4-9]\d|[1-9]\d{2})号?(?:[、和]\d{1,3}号?)*[^\S\n]*(?:都|均|也)?(?:已经?)?(?:收到|收悉|签收)"
)
# … but not after words that leave the receipt open: a negation, a question, a condition ("是不是 419收到了").
OPEN_ENDED = re.compile(
    r"(?:[没未不别非]|是不是|是否|有没有|如果|要是|假如|若是?|万一|等|待|请|以为|应该|可能)$"
)
# A space after a receipt or a state said with 了 whose clause names its notice ("12号收到 下午开会部署", "14号收到
# 有问题打我电话", "13号那个我们前天就报上去了 你们看下"), or after owning up to a slip ("13号收到 不对 是15号"),
# ends that clause: what follows is said apart.
WORD_GAP = re.compile(
    r"(?<=[\u4e00-\u9fff\d][\u4e00-\u9fff])[^\S\n]+(?=[\u4e00-\u9fff][\u4e00-\u9fff\d]|\d{1,3}号)"
)  # not "收 到"
PUNCTUATED = re.compile(r"[,。;!?:\n]")
CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[^\S\n]+(?=[\u4e00-\u9fff])")
WORD_LENGTH = 3
SENTENCE_LENGTH = 30  # longer speech spaced word by word still pauses between its sentences somewhere  # pieces this short (the median) are words spaced out, not phrases between pauses
# (also before a road's code: "231号收到 G207 K38处塌方")
# (or before another number: "886 887收到 888我们镇好像没有")
SPACE_AFTER_WORD = re.compile(r"[^\S\n]+(?=[\u4e00-\u9fff]|[gsxyk]\d|(?<=收到[^\S\n])\d)")
RECEIPT_ENDS = re.compile(r"(?:收到|收悉|签收|已阅)[了啦哈呀]*$|[\u4e00-\u9fff]了$")
# The whole reply so far is a receipt ("收到 请放心"), then a word of assurance.
# Money said come in, in the clause before a bare receipt: "…救助资金286万元已到我镇账户，收到" (the money's, no notice's).
MONEY_IN = re.compile(
    r"(?:元|块?钱|资金|款项?|经费|补贴|补助)[^,。;]{0,12}?(?:到账|入账|到(?:我|本)[\u4e00-\u9fff]{0,3}?账(?:户|上)?"
    # … or the account named by the unit's kind: "八一慰问金八万元已到镇账户，收悉"
    r"|到(?:镇|乡|街道|局|委|单位)账(?:户|上))了?$"
)
BARE_RECEIPT = re.compile(
    r"(?:(?:好的?|嗯+[呐哪]?|ok)[^\S\n]*)?(?:(?:已经?)?(?:收到|收悉|签收|已阅)[了啦哈呀]*)+"
)  # "好的 收到"
PARTICLE_ALONE = re.compile(r"[的了啦哈呀](?![\u4e00-\u9fff])")
# "收到 四十七 号", "收到 247 和 5", "收到 845 号 还有 852 号": after a number, its own 号 or its list going on, never a
# new clause
NUMBER_GOES_ON = re.compile(
    r"[\d零〇一二两三四五六七八九十百][^\S\n]+(?=[号期和及与跟])"
    r"|[号期][^\S\n]+(?=(?:还有|以及)[^\S\n]*第?[\d零〇一二两三四五六七八九十])"
    r"|[号期][^\S\n]+(?=第?\d{1,3}[号期](?:[^\S\n]|$))"  # a list spaced out, nothing said between: "收到 第842期 第843期"
)
SLIP_ENDS = re.compile(r"(?:不对|说错了|写错了|打错了|搞错了)$")
# … and the right number given after the slip, then a space before another number ("不对 是215号 214上午已经回过了"):
# what follows is said of that other number.
SLIP_RIGHTED = re.compile(r"(?:不对|错了)[^\S\n]*(?:是|应是|应该是|应为)第?\d{1,3}[号期]$")
# … but a unit signing after its receipt stays with it ("12号收到 城关镇").
ASSURANCE = re.compile(r"请放心|放心|谢谢|感谢|马上|立即|立刻|尽快|即刻|一定|保证|按时|按要求|遵照|坚决")
# After a bare receipt and a space, also when the report will come or whom to call: "收到 明天报", "收到 有问题打我电话";
# the assurance may come after 然后 and who gives it ("收到 然后 我们 这边 马上 转发 各 学校").
AFTER_BARE_RECEIPT = re.compile(
    r"(?:(?:然后|接下来)[^\S\n]*(?:(?:我们|我|咱们?)[^\S\n]*)?(?:这边[^\S\n]*)?)?(?:"
    + ASSURANCE.pattern
    + ")"
    + r"|(?:今天|明天|今晚|明早|上午|下午|晚上|稍后|随后|待会|一会儿?|下班前|(?:下|本|这)?周[一二三四五六日])"
    + r"(?:[^,。;!?\s]{0,8}?(?:报|交|发|传|反馈)"
    # … spaced word by word ("收到 明天 上午 10点前 交"): not a thing received ("今天 的 报表"), nor a question
    + r"|[^,。;!?\n的]{0,12}?(?:报(?![表告])|交|发|传|反馈)(?![^,。;!?\n]*?(?:的|[吗么呢])))"
    + r"|有(?:问题|事|疑问)(?:随时|请|再)?(?:打|联系|找|问)"
    # … the paper owed and its day ("收到 值班表国庆前报"), or a word of assent ("收到 妥了")
    + r"|[\u4e00-\u9fff]{0,6}?(?:表|材料|报告|方案|名单|总结|台[账帐])[\u4e00-\u9fff]{0,6}?前(?:报|交|发|上报|报送)(?=[,。;!?\n]|$)"
    + r"|妥[了啦哈]*(?=[,。;!?\n]|$)"
    # a problem with what came: "收到 压缩包要密码"
    + r"|(?:压缩包|附件|文件|链接|表格?)[^,。;!?\s]{0,4}?(?:密码|打不开|是空的|空白|下载不了|损坏|乱码|看不了|无法|不全)"
    # why the receipt came late: "收到 刚才在开会" (not "刚才在开会的时候收到的")
    + r"|(?:刚才|刚刚|刚)(?:在|去)(?:开会|忙|路上|下乡|村里|外面|现场|值班)[了啦哈呀]*(?=[,。;!?\n]|$)"
    # … or the phone out of reach: "收到 手机刚才没信号"
    + r"|(?:手机)?(?:刚才|刚刚|刚)(?:手机)?(?:没有?信号|信号不好|没电了?|没网|断网了?)[了啦哈呀]*(?=[,。;!?\n]|$)"
    # … or the slip of the message before it owned up to: "收到 刚才打错了" (the 收道 sent just before)
    + r"|(?:刚才|刚刚|刚|上一?条|前面)(?:的)?(?:打错|打错字|输错|写错)了?(?=[,。;!?\n]|$)"
)
SIGNATURE = re.compile(r"[\u4e00-\u9fff]{1,10}(?:局|委|镇|乡|办|街道|管委会|中心)(?:$|[,。;!?\n])")
# (also with its paper named, spaced as voice input writes it: "收到 756 748 的 材料 还 在 弄")
STATE_OF_ITS_OWN = re.compile(
    r"第?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[号期]?"
    rf"(?:[^\S\n]*的(?:[^\S\n]*{PAPER})?)?[^\S\n]*(?:还|尚|暂|也|早就?)?[^\S\n]*"
    r"(?:已|没|未|正在|还在|在办|报了|申请|延期|无法|恐难|来不及|在[^\S\n]*[弄做办改查整写填])"
)
# The same between bare numbers ("收到410 412还在处理"), cut before separate_spaced_numbers makes the two one list.
RECEIVED_THEN_STATED = re.compile(
    rf"((?:收到|收悉|签收)[^\S\n]*\d{{1,3}}号?)[^\S\n]+(?={STATE_OF_ITS_OWN.pattern})"
)

# ---- how an act is said ---------------------------------------------------------------------

# Phrases that contain 不/没/无/非 but negate nothing about the reply.
HARMLESS = re.compile(
    r"不好意思|不客气|不用谢|不谢|没问题|没有问题|没事|无误|不折不扣|毫不|不断|不仅|不但|无论|不管|非常"
    r"|未来|不少|不同|无缝|不懈|没什么|第一时间|特别|分别|个别|级别|类别|区别|不错|无异议|要不(?:然)?(?=[缓延推等先]|$)"
    # a reason's own negation ("因人手不足申请延期") says nothing about the request
    r"|不足|不全|不够|不齐|没出来|没下来|没回来|不佳|不便|不畅|不良|不稳定|不到位|不达标|不合格|不及时|不理想"
    r"|[未没][核弄查做整搞办干拆填]?完(?:成|工|结)?"  # "670 复核 未完 需延 3天", "还有两个没核完 得缓两天"
    r"|(?<=[跟赶收进填弄登种做干办查修搞整拆装上过])不(?:上|了|完|去|进)"  # a reason's "进度跟不上", "收不了秋", "种不完", "人上不去"
)
NEGATION = re.compile(r"[没未不无别勿莫非]")
QUESTION_WORD = re.compile(
    r"是否|有没有|有没|有无|能否|可否|谁|哪|(?<![没无])(?<!没有)(?:什么|啥子?)(?!问题|事|情况|异常)|怎么|如何|何时|几时|为何|为什么|咋|多少|([\u4e00-\u9fff])不\1"
    r"|是[^,。;]{0,10}?还是|([\u4e00-\u9fff]{1,3})还是不\2"  # "是回收到还是回签收", "延期还是不延期"
)
# (the southwest's "…交了的嘛" asserts: "我们的617昨天下午就交了的嘛")
# (laughter closing a guess still leaves it one: "这是最后一批了吧哈哈")
QUESTION_TAIL = re.compile(
    r"^[了到过]?(?:没有?|未|否|不(?!是))(?!问题|事|毛病)|[吗么呢]|(?<!的)嘛|吧(?:[哈呵嘿]{2,})?$"
)
ONGOING_NE = re.compile(r"呢")  # "正在入户核实呢": after work under way, 呢 asks nothing
# Where a clause without punctuation turns to the reader with a request: "…你们查收一下吧".
TURN_TO_READER = re.compile(r"(?:你们|您|请|麻烦|烦请)(?=.{0,6}?(?:查收|查看|看一下|确认|核对|审核|验收))")
# An order or request to others: "请各单位收到后回复", "回复收到", "务必按时完成" (the bodies the unit works with are no
# addressees: "项目清单还在跟各部门对接 能不能下周二再报").
DIRECTIVE_BEFORE = re.compile(
    r"(?<![申恳特提报呈])请(?!示|求|假|批|问|领导|您|予|督查室|允许|准予|同意|批准|准许|给予|宽限|考虑|谅解|理解)|务必|要求|必须|须|一定要|记得|麻烦|烦请"
    r"|(?<![厅局委级方])(?<![省市县]里)(?:回复|答复)(?![件函稿书])|回个|督促|催促|提醒|通知各|(?<![跟与和同])各(?:单位|乡镇|部门|村|位|有关)|大家|你们|贵单位|你单位"  # (not a body's reply awaited: "要等省厅回复")
    r"|所有单位|相关单位|(?:收到|接到|签收)(?:后|之后|以后)"
)
# "按照通知要求完成", "11号要求报送的表格已发": the notice's requirement named, not an order given
# "你们12号发的那个我们已经报了": the office's own message named, not an order to anyone
COMPLIANCE = re.compile(
    r"(?:按|照|据|对照|依|遵).{0,8}?要求|要求[^,。;]{0,8}?的(?!话)"
    r"|(?:比|较)(?:要求|规定)"  # the deadline a lateness is measured against: "快报预计4月8日出，比要求晚两天"
    r"|(?:你们|您|督查室|督办室)[^,。;]{0,8}?(?:发|说|提|要求|通知|下发|转发?)的(?!话)"
    # the sender's own reply, told as it is made: "我先回个收到", "先回个收到" (not "收到就回个收到", an order)
    r"|(?:^|(?<=^我)|(?<=^我们)|(?<=^俺))先回(?:个|复)?$"
)
DIRECTIVE_AFTER = re.compile(
    r"^了?(?:通知|文件|附件|材料)?(?:后(?!天)|之后|以后|即|就|请(?!放心|指示|指正|(?:督查室|领导|各位领导)?(?:谅解|理解|见谅))|回复|回个|回一下|说一声|吱一声|确认|报一下|的话|时(?!间))"
)  # "报不了了后天上午行不行": 后天 is a day, not "after"
# "收到后我们会尽快落实": the receipt is taken for granted, and action promised; "收到后再签收" is not.
COMMITTED_AFTER = re.compile(
    r"^了?(?:后|之后|以后)(?:我们?|我[镇乡局委办处])?(?:会|将|马上|立即|立刻|尽快|即|就)(?:会|将)?"
    r"(?:尽快|马上|立即|认真|抓紧)?(?:落实|办理|安排|部署|推进|执行|组织)"
    # what was done with it since: "收到后已转预算股", "收到后第一时间呈领导阅示"
    r"|^了?(?:后|之后|以后)(?:我们?|我[镇乡局委办处])?(?:已经?|随即|第一时间)(?:转|呈|报|安排|部署|传达|召开|组织|下发)"
)
DONE_SINCE_AFTER = re.compile(r"^了?(?:后|之后|以后)(?:我们?|我[镇乡局委办处])?(?:已经?|随即|第一时间)")
CONDITIONAL = re.compile(
    r"(?<![比例譬诸])如(?![期下实今何此数约同])|若|假如|要是|万一|倘若|一旦|的话|就算|才算|(?:^|[^等])等.{0,12}?(?:后|完|了)"
)
# Promises and plans: "预计月底前全部完成" does not report anything done yet.
# (准备 after a paper is its preparation, no plan: "年报准备 在排"; 预计情况 a paper of estimates: "第725期上半年主要指标
# 预计情况已于6月23日报送")
FUTURE = re.compile(
    r"预计(?!情况)|估计|预估|(?<![目度作资施改动善升扶])计划(?!已|书|表|任务|指标|数|的|内)|争取|力争|确保|保证|一定|打算|(?<![报表册据料])准备(?!工作|阶段|情况)|将(?:于|在|会)|(?<![开集例委社协工商学两灯庙晚舞聚宴年大员])会(?!议|上)|能够?|可以"
    r"|可望|有望|尽快|尽早|明天|后天|下周|下个?月|月底前|年底前|(?:于|在).{0,10}?(?:前|之前|以前)"
    # a later hour of the day, the papers to go together: "901号的演练照片，我下午统一发督查室邮箱"
    r"|(?:下午|晚上|今晚|晚点|稍后|待会儿?|一会儿?|回头)(?:统一|再|一起|一并)$"
)
# "收到的材料有问题", "已完成的请报送", "需要延期的单位"; "已报送的是76号" says which notice it was
# (the southwest's "了的" ending what is said asserts: "617昨天下午就交了的嘛", "603 搞归一了，发邮箱了的")
RELATIVE_AFTER = re.compile(r"^(?:了的(?!$)|的)(?!是第?(?:\d|[一二三四五六七八九十]{1,3}[号期]))(?!嘛)")
# Someone else did it: "他们已经收到了", "那边收到了", "河口镇说…", "听说…".
THIRD_PARTY = re.compile(
    r"(?<![让叫喊催])(?:他们|她们)|(?<!其)(?<![让叫喊催])[他她](?!们)|人家|对方|那边|别的单位|其他单位|兄弟单位|(?:有的|有些|一些)(?:单位|乡镇|部门)|(?:全部|全体|所有|每个|各个)单位"
    r"|各[\u4e00-\u9fff]{0,3}(?:院|校|站|所|企业|社区|中心|村|乡镇|科室|股室)"  # "各卫生院都收到了": those under it
    r"|(?:说(?!错|明|一下|一声|的)|表示(?!的)|反映(?!的)|称(?!的)|听说)(?:他们|已|都|均)?"  # "刚才说错了" is one's own word
    r"|有人(?:问|说|反映)"  # "村里有人问能不能晚点交表"
)
# A higher body does it, named right before: "春耕补贴资金省里已拨付到位", "营商环境评价 市里推迟到5月了".
ABOVE_DID = re.compile(r"(?:省里|市里|上级|中央|国家)(?:也|都|均|早就?)?$")
# The unit's own head speaks for it: "我们局长说收到了" is the unit's word, not a third party's.
OWN_HEAD_SAYS = re.compile(
    r"(?:我们|我|本)(?:单位|局|委|镇|乡|街道|办)?的?(?:主要)?(?:领导|局长|主任|书记|镇长|乡长|站长|负责人)"
    r"(?:也|已经?)?(?:说|表示|称)"
)

# ---- receipt --------------------------------------------------------------------------------

# 收到 as the word of receipt, not inside another word ("验收到位", "征收到位率", "回收到的清查表").
RECEIPT_WORD = r"(?<![验征回税吸招营丰秋夏抢创增])收到"
RECEIPT = re.compile(
    RECEIPT_WORD + r"|收悉|敬悉|收讫|阅悉|已阅(?:读|知)?|阅知|知悉|知晓|获悉|签收|已经?呈阅|已读(?!不回)"
    r"|(?<![\d台亩斤吨户个家处件])已经?收(?=[了啦哈嘞]*$)|收着了|已经?收着"  # 收着了: a northern "收到了"
    # … of "this paper" ("此件已收", not "3件已收"), or before the notice's number ("王庄乡已收第801号", "已收第886至888号",
    # not "已收10号的款": a day)
    r"|(?<=[此该本]件)已经?收(?=[了啦哈嘞]*$)"
    r"|已经?收文(?=[了啦]*$)"  # a clerk's register of papers come in: "509号已收文。" (not "收文登记簿")
    r"|(?<![\d台亩斤吨户个家处件])已经?收(?=第\d{1,3}(?:[号期]|至\d)|(?:3[2-9]|[4-9]\d|\d{3})号)"
    r"|(?<=^)(?:\d{1,3}(?!\d)号?、?)+收(?=[了啦哈嘞]*$)|(?<=号)以收(?=[了啦哈嘞]*$)"
    # the clerk's 悉 (知悉) alone, or 悉 / 阅 after the notices' numbers: "悉。", "已悉", "413 悉", "45 47 均悉", "424 阅"
    r"|^(?:已经?|均已?|都已?)?悉(?=[了啦]*$)|(?<=^)(?:\d{1,3}(?!\d)号?、?)+(?:均|都)?已?[悉阅](?=[了啦]*$)"  # only numbers and 收: "268 收", "1 2 收" (收 alone: the office reads it)
    r"|^(?:第?\d{1,3}号)?照办(?=[了啦哈嘞]*$)"  # the older cadre's word for 收到, alone ("按要求照办" is none)
    # "知道了" said of a notice named right before it ("103号通知晓得了"; 知道了 alone the office reads, nor a day's)
    # (the dialect's 中 (OK) between: "603号 中 俺们晓得了")
    rf"|(?<=[\d一二三四五六七八九十百]号)(?<!月\d号)(?<!月\d\d号)(?:的?(?:通知|督办单?|文件)|{KNOWN_SUBJECT})?中?(?:我们|我[局镇乡委]|咱们?)?(?:都|也)?(?:知道|晓得)了"
    r"|已经?接收|接收到|接收完毕|已经?接到|接到(?:通知|文件|督办单|通知单|\d{1,3}号)?[了啦]?$"
    r"|(?<!not)(?<!n't)(?<!never)(?<!yet)(?:received|rcvd)|gotit|noted|copythat|roger|(?<=[号\d])get(?![a-z])"  # "13号get", "530 get"
    r"|(?<![a-z])got(?=\d{1,3}号?(?:$|[.,。;!]))"  # "Got 605." (not "got 3 more days")
    r"|(?<=\d号)ok(?:ay)?(?=[了啦哈]*$)"  # a clause of its own: "618 ok. 614 signed" (the whole message: NUMBERS_OK)
    r"|(?<![a-z])(?:dou|quan|jun)?(?:sd|shoudao)(?:le)?(?![a-z])"  # the pinyin of 收到, spelt out or by its initials ("dou sd le")
)
# Passing a notice on to one's leaders or villages shows it arrived: "已转分管领导", "已呈领导阅示".
FORWARD = re.compile(
    r"(?:已经?|并|马上|立即)(?:转发|转达|转交|转报|转|呈报|呈|报告|汇报|报|传达|下发)(?:给|至|到)?了?"
    r".{0,8}?(?:领导|负责人|负责同志|书记|镇长|乡长|局长|主任|县长|区长|股室|科室|各村|村委|社区|相关人员"
    r"|经办人|同事|班子)"
    r"|(?:已经?|并)(?:转达|传达)"
    r"|(?:已经?|并)转发下去"  # "已转发下去": down to those under it (转发, a message's word, not money's)
    r"|(?:已经?|并|(?<=[号期])以)(?:转发|转交|下发|转|发)(?:给|至|到)?(?:全[县乡镇市区])?各(?!自|位领导)"  # on to its villages or schools: 已转发至各学校, 已发各村群
    # … or counted, the notice's number opening the words: "601号已转发全县67所中小学和幼儿园" (told after a receipt,
    # "收到77号，已转发至全县68所中小学校", dev11 reads it as work, dev76 as the receipt's step: left as it was)
    r"|(?<=\d[号期])已经?(?:转发|转交|下发)(?:给|至|到)?(?:全[县乡镇市区])?[\d一二三四五六七八九十两百]+(?:所|个|家)"
    r"(?=[\u4e00-\u9fff]{0,6}?(?:学校|中小学|幼儿园|村|社区|企业|单位|医院|卫生院|医疗机构|站所))"
    r"|(?:督查室|督办)的?通知(?:已经?)?(?:转发?|发)到[\u4e00-\u9fff]{1,8}群了?"  # "我把督查室的通知转到镇村干部群了"
    r"|^(?:已经?|并)印发(?:给|至|到)?(?:全[县镇乡区市])?各(?!自|位领导)"  # "302号收到，已印发全县各林场"
    # those below told of it, the firms, schools or villages it concerns, perhaps counted, before or after the verb:
    # "308期统计年报 已通知园区规上企业43家", "338 雨雪天气 全县中小学 已通知 做好 停课预案" (not "已通知施工方停工": an order)
    r"|(?:已经?|并)通知(?:到)?(?:全[县镇乡区市]|园区|辖区)?(?:各|所有)?[\u4e00-\u9fff]{0,4}?(?:企业|学校|中小学|幼儿园|各村|村委|社区|医疗机构)(?:\d+[家所个])?$"
    r"|(?:全[县镇乡区市]|园区|辖区|各)[\u4e00-\u9fff]{0,4}?(?:企业|学校|中小学|幼儿园|村|社区|医疗机构)已经?通知(?:到位)?(?=$|做好|落实|加强)"
)
AT_A_MEETING = re.compile(r"会(?:议|上)?(?:上|上面)?(?:已经?|也|都)?$")
# What is forwarded when a document other than the notice is named first: "延期申请已报送领导".
# What passes the leader on its way up is the unit's own paper: "已报分管领导审定后盖章上报".
# (or for that alone: "875号月报已报分管领导审定")
APPROVAL_AFTER = re.compile(
    r"^[^,。;]{0,4}?(?:审定|审核|审批|签字|签发|把关)(?:$|(?:后|之后)[^,。;]{0,6}?(?:上报|报送|报|交))"
)
FORWARDED_OTHER = re.compile(
    r"申请|材料|报告|方案|表|台账|情况|说明|清单|照片|数据|资料|稿|[周月季年]报|总结"
)
# What may follow a receipt word in the same clause. Anything else ("收到群众举报…", "收到款",
# "收到时间") means something other than this notice was received. The office addressed ends it ("收到督查室！"; not
# "收到督查室的电话").
RECEIPT_TAIL = re.compile(
    r"^[了啦哈嘞勒呀啊哦喔咯滴噢咧哩喽哒噻]*(?:$|并|马上|立即|立刻|即刻|会(?!议)|将|我|俺|本|谢谢|感谢|多谢|辛苦|thanks|thank|thx|好的|好|嗯|ok|get|收到"
    r"|保证|确保|一定|尽快|全力|认真|立刻"
    r"|明白|知悉|已|正在|抓紧|这就|马上就|按(?!钮)|(?:晚|迟)了$|的是第?\d{1,3}[号期]$|(?:最新|今天发|刚发|刚才发|刚刚发)(?:的(?:那个|那份|通知)?|的?(?:[这那]一?|(?<=最新)一|(?<=最新的)一)[期个份])(?:谢谢|感谢|多谢)?$|遵照|坚决|放心|请放心|领导|(?:督查室|督办室)$|[\d零〇一二两三四五六七八九十百、和,至到~\-—+/]+号|\d{1,3}(?:[、和,至到~\-—+/]\d{1,3})+(?:期|[两二三](?:期|个|份))|第|督办|通知|文件|文"
    r"|(?=[零〇一二两三四五六七八九]*[十百、和至到])[零〇一二两三四五六七八九十百、和至到]+期(?:$|的?(?:通知|督办))"  # "收到十三、十四期"; "二期" is a phase
    r"|但|可是|不过|就是|只是|链接|网盘|图片|照片|表格"
    r"|要得[了啦哈嘛的]*$"  # the dialect's assent: "收到嘛 要得"
    # the notice pointed at by its subject or number: "收到森林防火那个通知", "收到了 是157号那个"
    r"|(?:是第?\d{1,3}号|(?!他们|她们|人家|你们|别人|快递|包裹)[\u4e00-\u9fff“”\"]{2,20}?)(?:那个|这个|那份|这份)(?:督办通知单?|督办单|督办|通知|文件)?$"
    # … then what the unit did, run on in speech ("收到 防火 那个 我们 已经 安排 护林员 上山 了"); not money or goods
    r"|(?!他们|她们|人家|你们|别人|快递|包裹)(?![^,。;]{0,12}?(?:款|钱|资金|经费|货|红包|物资|快递|包裹|材料|表))"
    r"[\u4e00-\u9fff“”\"]{2,12}?(?:那个|这个|那份|这份)(?:督办通知单?|督办单|督办|通知|文件)?"
    r"(?=我们?|俺们|咱们?|我[局镇乡委]|已经?|正在|马上)"
    # … or by 那个 and its subject before 的通知, then what the unit does ("收到 那个 防汛 排查 的 通知 我们 下午 就 开会 安排")
    r"|(?:那个|这个)(?![^,。;]{0,12}?(?:局|委|办|政府|中心|公司|站|所|队|会|培训|考试|省|市))[\u4e00-\u9fff]{2,10}?的(?:督办通知单?|督办单|通知)"
    r"(?=我们?|俺们|咱们?|我[局镇乡委]|已经?|正在|马上)"
    # … or by the paper it asks for, then when that is reported ("收到 值班 那个 表 下午 报"; not "收到他们的表 下午报")
    r"|(?!他们|她们|人家|你们|别人)[\u4e00-\u9fff]{2,6}?(?:那个|这个|的)(?:表|材料)"
    r"(?=(?:今天|明天|后天|上午|下午|中午|晚上|今晚|明早)(?:之?前)?(?:就|再)?(?:报|交|报送|上报)$)"
    # … or by its subject before 的通知 ("已收到端午值班的通知"; not another body's, a meeting's or a training's)
    r"|(?![^,。;]{0,12}?(?:局|委|办|政府|中心|公司|站|所|队|会|培训|考试|省|市))[\u4e00-\u9fff]{2,10}?的(?:督办通知单?|督办单|通知)$"
    r"|在(?=落实|办理|推进|跟进|安排|部署|研究|处理|办|弄|做)"  # "收到 在 落实": in hand (正在 as above)
    # "收到更正后的13号", "收到重发的附件", also the new one alone after the office's word of it ("…附件已更新」收到更新后的")
    # (or sent anew, now opening: "收到 新发的能打开了 thx"; of a notice named before: "收到202的补发附件了")
    r"|(?:第?\d{1,3}[号期]?的)?(?:更正|修改|修订|调整|更新|补充|重发|重新发送?|补发|新发)(?:后|过)?的?(?:版|稿)?"
    r"(?=[\d零〇一二两三四五六七八九十第通文督附]|(?<=的)$|(?<=的)(?:能|可以)(?:打开|看|下载))"
    r"|(?:这个|这份|这|该|此|那个|那份)?(?:附件|材料|任务|消息|信息|安排|要求|指示|批示|通知|文件|督办)"
    r"|全部|都|均|〔|【(?=第?\d)|\[|\(|#|no|,|willfollow|both|all$|\d{1,3}(?:[、和及]\d{1,3})*$"  # "收到 31 32"
    r"|\d{1,3}#|编号|单号|文号"  # "收到12#", "收到编号12"
    r"|关于(?=[^,。;]{0,40}(?:通知|督办))(?![^,。;]{0,40}(?:会议|培训|考试))"  # a notice by its title
    r"|《(?=[^》]{0,40}(?:通知|督办)》)(?![^》]{0,40}(?:会议|培训|考试))"  # a notice by its title; a meeting's is another
    # … a title opened with 关于 longer than what is read after the word: "收到《关于做好2071年中高考期间…工作的通知》"
    # (not a book: "收到《统计年鉴》"; not a meeting's)
    r"|《关于(?![^》]{0,60}?(?:会议|培训|考试))"
    r"|联系(?:人|电话|方式):?[\u4e00-\u9fff]{0,4}[\d\-]{7,}(?![\d\-]|的)"  # "30号收到 联系电话0371-…": the unit's contact
    r"|\d{1,2}月\d{1,2}[日号]的?(?:通知|文件|督办)"
    r"|(?:督查室|督办室|贵室)(?:发的|下发的|\d{1,2}月\d{1,2}[日号]的?|的)?(?:通知|文件|督办)"
    r"|(?:今年|去年|本年度?)的?(?=第?\d{1,3}[号期]|督办|〔)"  # "收到今年第12期"
    # the office named before the notice's number: "收到督查室13号通知", "已收到县政府督查室督办〔2026〕13号"
    r"|县?(?:政府|委)?(?:督查室|督办室)(?:发的|下发的|转来的|发来的|的)?(?=第?(?:\d{1,3}|[零〇一二两三四五六七八九十百]{1,4})[号期]|督办|督字|[〔\[(【]20\d\d)"  # "已收到12月1日的通知": the notice by its date
    r"|县(?:委|政府)?(?=督办[〔\[(【]20\d\d|督办第?\d{1,3}号)"  # "收到县督办〔2027〕第113号"
    # the sender's unit after its receipt: "收到 交通局" (spaces are gone by now)
    r"|[/|\-—·]?(?:[\u4e00-\u9fff]{1,10}(?:局|委|镇|乡|办|街道|中心|政府|公司)|[\u4e00-\u9fff]{0,10}(?:管委会|集聚区|开发区|园区))$"
    # … signed after a dash, with the liaison's name: "收到 ——住建局 刘" (not "——财政局拨款", a thing received)
    # (the sender's own unit spaced apart is dropped before: "收到 —— 住建局 刘" leaves the dash alone)
    # (a zone's committee signs by the zone: "——开发区 周")
    r"|[\-—–~]{1,2}(?:(?:[\u4e00-\u9fff]{1,10}(?:局|委|镇|乡|办|街道|中心|政府|公司)|[\u4e00-\u9fff]{0,10}(?:管委会|集聚区|开发区|园区))"
    r"(?!的|发|转|拨|下发|通知|文件|材料)[\u4e00-\u9fff]{0,3})?$"
    r"|20\d\d年(?=第?\d{1,3}[号期]))"  # "收到2027年第44号督办通知"
)
# English shorthand for the word, read only beside a notice's number ("806 rcvd"; "rcvd" alone the office reads).
SHORTHAND_RECEIPT = "rcvd"
# "15号收到后，已下发各学校": a receipt told by what was done with the notice since.
RECEIVED_THEN = re.compile(r"(?:收到|收悉|签收)(?:后|之后|以后)$")
SINCE_DONE = re.compile(r"^(?:我们?|我[镇乡局委办])?(?:已经?|随即|第一时间)")
RELATIVE_IN = re.compile(r"[\u4e00-\u9fff]的(?:单位|请|要|需)")  # "已经落实的请报告": an order
DONE_PARTICLE = re.compile(r"[了啦]")
# Someone's word taken in: "收到群众反映的问题", "收到举报", "收到投诉" — another matter than the notice.
TAKEN_IN = re.compile(
    r"^了?(?:群众|市民|村民|企业|网民|上级|省|市)?(?:.{0,6}?|[^,。;]{0,12}?(?=(?<!施)工单))(?:反映|举报|投诉|来信|来电|诉求|线索"
    r"|电话|函|快递|包裹|邮件|短信|样品|货|款|钱|信(?!息)|(?<!施)工单(?!位)|红包)"
)
# The notice named before the receipt word, as its topic ("这个收到了", "通知我们已经收到了"): the
# verb then takes no object, and what follows 了 in unpunctuated speech is a new sentence.
TOPIC_BEFORE = re.compile(r"(?:这个|那个|这份|那份|通知|文件|督办单)[^,。]{0,12}$")
# What was received, then who or when: "收到材料的单位请回复", "收到该通知后请落实" (an order).
RECEIVED_OBJECT_AFTER = re.compile(
    r"^了?(?:这个|这份|这|该|此|那个|那份|本)?(?:通知|文件|附件|材料|督办单|消息|信息)(?:的(?!话)|后|之后|以后|时(?!间))"
)
# An earlier notice pointed at, and a later one said not yet seen.
EARLIER = re.compile(
    r"上次|上一个|上一份|上一期|之前的|前面的|前一个|昨天的|前天的|上周的|以前的|原来的|上个?月的|上期的"
)
NOT_YET_SEEN = re.compile(r"(?:还|尚|暂)(?:没有?|未)(?:看|见|收|接|读|阅)")
# The notice itself said not seen: "群里的消息收到了，通知还没看到" ("不好意思没看到，收到" is an apology).
UNSEEN = re.compile(r"(?:还|尚|都)?(?:没|未)有?(?:看到|看见|见到)")
NOTICE_BEFORE = re.compile(
    r"(?:通知|督办单|通知单|正文|督办|[\d一二三四五六七八九十][号期])[^,。;]{0,4}$"
)  # "13号还没看到"
# The unit's formal reply put off until someone returns, after a receipt told: "收到，等局长回来再正式答复",
# Cantonese "主任话收到，等佢返嚟再正式回" (as "等领导回来再签收": the office looks; "等他回来再研究" is work, no reply).
REPLY_DEFERRED = re.compile(
    r"等[\u4e00-\u9fff]{0,6}?(?:回来|返嚟|返来|回单位|回局里|回到单位)(?:后|以后|之后|了)?"
    r"(?:再|才)(?:正式|书面)?(?:回复?|答复|回话|确认|签收)(?![\u4e00-\u9fff])"
)
OWN_NOT_YET = re.compile(
    r"^(?:我们|我|本|咱们?)[\u4e00-\u9fff]{0,3}?(?:这边|这里)?(?:还|尚|暂)?(?:没有?|未)$"
)
# An earlier notice's work: "另外上次的材料已报" says nothing of this one.
PREVIOUS = re.compile(
    r"上次|上一次|上回|上一期|上一个|上一份|上个通知|上个?月的|上期的"
    r"|(?:上周|上个?月|前几天|之前|前段时间)[\u4e00-\u9fff]{0,6}?的(?:那个|那份|那期)"  # "上周延的那个今天交了"
    r"|去年(?:的|那个|那份|那期)(?![\d一二三四五六七八九十])"  # "去年那个也收到了" (not "去年那个121号")
    r"|(?:去年|前年)就"  # "2027年的3号我们去年就收到了"
)
# A thing named before the receipt word that is not the notice: "快递收到了", "款已收到", a book ("统计年鉴样书今天收到了").
# A word of a notice's title pointed at is none ("双11快递安全那个收到").
OTHER_THING_BEFORE = re.compile(
    r"(?:快递|包裹|货物?|货款|款项?|钱|资金|经费|拨款|补助金|补贴款|电话|短信|邮件|样品|来信|信件|发票|收据|物资|名单|名册|红包|月饼|礼品|慰问品"
    r"|用品|物品|纪念品|奖品|宣传品|西瓜|水果|瓜果|粽子|汤圆|茶叶|矿泉水|饮料|样书|样刊|年鉴|书籍|图书|画册|杂志|宣传册|宣传单|宣传页|宣传画|折页|海报|挂图|横幅|(?<!防疫)药品(?!安全|监管)|(?<!防疫)食品(?!安全|药品|监管|抽检))"  # "防暑降温用品收到了", "防溺水的宣传册收到了", "谢谢督查室的西瓜🍉 收到啦": goods
    r"(?!发放|使用|管理|监管|兑付|编纂|编印|征订)"  # the notice's subject: "650号冬春救助资金发放收到", "725号统计年鉴编纂收到了"
    r"(?![^,。;]{2,4}?(?:那个|这个|那份|这份))[^,。;]{0,4}$"  # "快递那个" stays a parcel
    r"|(?<!施)工单(?!位|那个|这个)[^,。;]{0,4}$"  # "12345转来的工单收到了"; "12345热线工单那个收到" points at a notice
    r"|\d+(?:\.\d+)?[万亿]?元[^,。;]{0,4}$"  # money by its amount: "冬春水利资金280万元已收到"
    r"|(?:会议?|开会|培训|考试)的?通知[^,。;]{0,4}$"  # "12月3日的会议通知收到", "大会通知收到": a meeting's notice
    # a matter told on the phone: "刚才张主任电话里说的那个数据口径的事收到"
    r"|电话(?:里|中|上)?(?:说|讲|提|交代)的[^,。;\d]{0,16}$"
)
# Another issuer's document named before the receipt or forwarding word: "县委12号文件收到", "市里的督办12号收到了",
# "省政府12号令已转发各村" (县委督查室, 县政府督查室 are the office itself).
OTHER_ISSUER_DOC = re.compile(
    r"(?:中央|国务院|国办|省委|市委|县委|省政府|市政府|县政府|省里|市里|上级|[省市](?:厅|局)(?=第?\d|[〔\[【(]|的|发的|下发的)"
    r"|[省市](?!场|民|区|县)[\u4e00-\u9fff]{1,5}?(?=的|发的|下发的|那[个份]|这[个份])"  # "省住建厅那个紧急通知"
    r"|[省市](?!场|民|区|县)[\u4e00-\u9fff]{1,6}?(?:局|委|厅|办|院|部)(?=第?\d|[〔\[【(])"
    r"|[省市](?!场|民|区|县)[\u4e00-\u9fff]{1,5}?(?=[〔\[【(]20\d\d)"  # "市防指〔2042〕15号文件收到了"
    r"|[省市](?!场|民|区|县)[\u4e00-\u9fff]{1,8}?(?:局|委|厅|办|院|部|政府|指|中心)关于[^,。;]{2,30}?的(?=(?:紧急)?(?:通知|文件|函))"
    r")(?!督查室|督办室)(?:的|发的|下发的)?"
    # … or its bulletin ("市应急局第3期汛情通报收到")
    r"[^,。;]{0,12}?(?:文件|号文|令|函|通知|通报|简报|快报|督办(?:\d{1,3}号)?|[〕\]】)]第?\d{1,3}号)[^,。;]{0,4}$"  # "市里的督办74号我们也收到了"
    # a bureau by its name, then its paper on its own matter ("市场监管局的食品抽检通知我们也收到了"; "市场监管局的通知
    # 收到" may be the unit naming itself, and "我们局的" is the unit's own)
    r"|(?![我本咱])[\u4e00-\u9fff]{2,6}?(?:局|委|厅|公司)(?:的|发的|下发的)[^,。;的]{2,12}?(?:通知|文件|通报)[^,。;]{0,4}$"
    # … or its paper by its title: "县水利局关于汛前检查的通知收到" (a title alone is the office's and asks which)
    r"|县(?![委政])[\u4e00-\u9fff]{1,8}?(?:局|委|办|公司|中心)(?<!督查办)(?<!督办)关于[^,。;]{2,30}?的(?:紧急)?(?:通知|文件|函)[^,。;]{0,4}$"
    # … the county's leading offices' too, its date between: "县委办12月28日关于春节走访慰问的通知我们也收到了"
    r"|(?:县(?![委政])[\u4e00-\u9fff]{1,8}?(?:局|委|公司|中心)|县委办|县政府办)(?:公室)?\d{1,2}月\d{1,2}[日号]关于[^,。;]{2,30}?的"
    r"(?:紧急)?(?:通知|文件|函)[^,。;]{0,4}$"
    r"|(?:县委办|县政府办)(?:公室)?关于[^,。;]{2,30}?的(?:紧急)?(?:通知|文件|函)[^,。;]{0,4}$"
    # … or its numbered document: "县人社局2号文件也收到了" (not the unit signing: "县林业局12号收到")
    r"|县(?![委政])[\u4e00-\u9fff]{1,6}?(?:局|委|办|中心)(?<!督查办)(?<!督办)(?:的|发的|下发的)?(?:〔\d{4}〕)?第?\d{1,3}号?(?:文件|文(?!明)|令|函)[^,。;]{0,4}$"
    # a body above the county named, then its paper by its title or its periodical by its issue: "市发改委《关于…的通知》已",
    # "市统计局第12期统计分析" (a title alone, "《关于…的通知》收到", is the office's and asks which)
    r"|(?:中央|国务院|国办|省委|市委|省政府|市政府|[省市](?!场|民|区|县)[\u4e00-\u9fff]{1,8}?(?:局|委|厅|办|院|部|政府|指|中心))"
    r"(?!督查室|督办室)(?:的|发的|下发的|印发的)?(?:《[^《》]{2,60}》|第?\d{1,3}期[\u4e00-\u9fff]{0,8})[^,。;]{0,4}$"
)
# ---- what was received ------------------------------------------------------------------------
# The object of a receipt word, named before it (in its clause, or in the clauses right before it that say nothing else:
# "市交通局 春运第二阶段调度会 通知收到") or right after it ("收到：1.王庄乡的…回复函"), is read in three tiers
# (classify._what_received): given by someone other than the office (RECEIVED_FROM_OTHERS), else the office's notice
# (RECEIVED_NOTICE), else another thing (RECEIVED_THING); nothing named is a bare receipt, of the notice.
# Given by another: a body above the county, another county body's paper on its own matter, a colleague, a village, a
# school, a firm; a meeting's notice; a visit; goods come in. The office's own body (督查室, 县委督查室) never is.
_ABOVE = (
    r"(?:中央|国务院|国办|省委|市委|省政府|市政府|(?:省里|市里|上级)的"
    r"|(?<![城超门都全本该各])[省市](?!场|民|区|县|级|内|外|容|值|面|直|里)[\u4e00-\u9fff]{1,10}?"
    r"(?:局|委|厅|办|院|部|政府|指|中心|站)(?!督查室|督办室))"
)
# Given by an issuer other than the office, even a notice (its notice is not the office's): a body above the county,
# then anything of its ("省信访局元旦期间信访工作提示", "市卫健委fluguidance", "市里的督导组…"); another county body's
# paper on its own matter (phrases.OTHER_ISSUER_DOC); a meeting's notice ("调度会通知收到", "12月3日的会议通知").
RECEIVED_FROM_OTHERS = re.compile(
    OTHER_ISSUER_DOC.pattern
    + rf"|{_ABOVE}[^,。;]{{0,30}}$"
    + r"|(?:会议?|开会|培训|考试)的?通知[^,。;]{0,4}$"
)
# Another issuer's paper on the office notice's matter told sent, the clause before a bare receipt: "518号的事省应急厅
# 也发了个紧急通知，我们收到了" (the receipt is of that paper; "518号的事我们收到了" stays the notice's).
OTHER_SENT_PAPER = re.compile(
    rf"{_ABOVE}(?:也|又|还|另外|同时)?(?:下?发|印发|下发|转发)了?(?:个|一个|份|一份)?[^,。;]{{0,10}}?"
    r"(?:通知|文件|通报|函|明电|提示)$"
)
# The office's notice named: its kinds of paper, a number, an issue, a pointer.
RECEIVED_NOTICE = re.compile(
    r"通知|督办|文件|附件|(?<![\d.])第?\d{1,3}[号期]|[这那]个(?!事|情况|问题)|[这那]份|[这那本]期|上面的|最新的"
)
_GIVEN = r"(?:发的|送的|交办的|转来的|转的|发来的|送来的|给的|报上来的|交上来的|报来的)"
# Come in: goods, money, a parcel arriving ("米和油今天到了", "今天到库", "资金…到账"); a visit ("督导组今天上午到").
RECEIVED_ARRIVED = re.compile(
    r"(?<![看见收找办做想听接])到了|到库|到货|送到|送来|送过来|运到|运来|拉来|寄到|寄来|寄过来|捎来|到账|入账|打到账上"
    r"|快递(?:过?来|到)的"  # "昨天快递来的病媒防制药剂已收到" (a notice named stays one: "督办单快递来的")
    r"|(?:督查|督导|检查|调研|考核|暗访|巡查|巡视|巡察|验收|专家|工作)组[^,。;]{0,8}?(?:到|来)"
)
# … of which a thing given (read also in the clause after a bare receipt: "收到：1.王庄乡的违法用地整改回复函").
RECEIVED_GIVEN = re.compile(
    rf"(?<![我本咱们督])(?:[\u4e00-\u9fff]{{1,6}}?(?:局|委|办|公司|中心|厂|站|所|队)|小[\u4e00-\u9fff]|老[\u4e00-\u9fff])(?<!督查室){_GIVEN}"
    r"|(?<![我本咱们督])[\u4e00-\u9fff]{1,6}?(?:局|委|办)的(?=[^,。;的]{2,12}?(?:安排|方案|预警|提示|意见|表|函)[^,。;]{0,4}$)"
    r"|(?:村里|村委|各村|社区|[\u4e00-\u9fff]{1,4}(?:乡|镇|村|街道|中学|小学|一中|二中|卫生院|医院))"
    r"(?:报上来的|交上来的|报来的|报过来的|交过来的|的)[^,。;]{0,16}?(?:反馈|回复函?|回执|申请|报告|材料|名单|表|意见|函|[周月日]报)"
    r"[^,。;]{0,4}$"
)
# A meeting or an event, by its kind: what is moved in "推进会改到下周一上午了".
_MEETING_MOVED = (
    r"(?:调度|推进|部署|座谈|协调|总结|动员|联席|碰头|专题|培训|例|大)会|会议|培训|考试|活动|仪式|演练"
)
# Another thing: goods, money, calls, a matter, papers others give (another county body, a firm, a colleague, a
# village, a school: "县委办的春节慰问安排", "种子公司送的样品", "刚才小王发的会议签到表", "村里的反馈", "王庄乡的…回复函").
RECEIVED_THING = re.compile(
    OTHER_THING_BEFORE.pattern
    + "|"
    + RECEIVED_GIVEN.pattern
    + r"|(?:通报|预警|提示|方案|申请|材料|报告|反馈|意见|回执|回复函|签到表|样品|外卖|事情?|(?<=[这那]个)(?:情况|问题)|信访件|线索|资料|guidance)"
    + r"(?:我们?|俺们?|咱们?|这边|他们?|她|都|也|均|已经?|今天|刚刚?|了)*$"
    + r"|\d+(?:副|张|箱|袋|斤|吨|台|套|桶|瓶|件)"  # goods counted
    + "|"
    + RECEIVED_ARRIVED.pattern
    # a meeting's or an event's new time, told before the receipt: "高标准农田推进会改到下周一上午了是吧，收到"
    + rf"|(?:{_MEETING_MOVED})(?:改到|改在|改为|改成|调到|调整到|调整为|推迟到|推到|提前到|挪到|延到|顺延到)"
)
# Returns collected from those below or passed on by another body, received by the unit: its own progress, not a
# receipt ("各村报上来的名单都收到了", "企业那边的回执都收到了", "巡山队的报告收到了", "收到人社局转来的线索3条").
COLLECTED_RETURN = re.compile(
    r"(?:各[\u4e00-\u9fff]{1,4}?(?=那边|这边|报|交|转|送|的)|村里|村委|企业"
    r"|(?:(?![说讲称问])[\u4e00-\u9fff]){0,6}?(?:队|村|乡|镇|街道|社区|中学|小学|一中|二中|卫生院|学校|院|所)"
    r"|[\u4e00-\u9fff]{1,4}(?:局|委)(?=转来|转过来))"
    r"(?:那边|这边)?(?:报上来的|交上来的|报来的|报过来的|交过来的|转来的|转过来的|送来的|送过来的|的)[^,。;]{0,10}?"
    r"(?:反馈|回执|报告|报表|名单|线索|承诺书|台账|[周月日]报)"
)
# Who issued what was received, said in the clause after it: another body ("526号的整改通知书我们已经收到了，是市场监管局
# 发的"), never the office ("是督查室发的") nor the unit itself.
ISSUED_BY_OTHER = re.compile(
    r"^(?:这个|这份|那个|那份|这|那)?(?:是|系|由)(?![我本咱])[\u4e00-\u9fff]{1,8}?(?:局|委|厅|办|院|部|政府|指挥部|防指|中心|公司)"
    r"(?<!督查办)(?<!督办)(?:直接)?(?:发|下发|印发|发来|寄来|送来|转来|下来|发下来|转下来)的"  # "是市财政局下来的"
)
# "也" before a receipt word: the same received as something before ("…紧急通知我们也收到了").
ALSO_BEFORE = re.compile(r"也(?:已经?|都)?$")
# … all of them ("俺都收到了"), or more said after it than particles and signs ("收到了 无火情", "线索3条").
ALL_OF_THEM = re.compile(r"(?:都|全部|均|全)(?:已经?|也)?$")
SAID_MORE = re.compile(r"[了啦呀啊哈的吧嘛哦\W_]+")
# … received later, a step planned: "收到各村的反馈后再汇总".
COLLECTED_LATER = re.compile(r"^[^,。;]{0,16}?(?:后|之后|以后|再|时)")
# A run of receipt words ending the words before one: "米和油今天到了收到收到".
RECEIPT_RUN_ENDS = re.compile(r"(?:(?:收到|收悉)[了啦]*)+$")
# A repeated receipt word, what was received named after the last ("收到了收到了 外卖到了").
RECEIPT_REPEATED = re.compile(r"^(?:[了啦]*(?:收到|收悉)[了啦]*)+")
# A list's marker before a thing named after a bare receipt ("收到：1.王庄乡的违法用地整改回复函").
LIST_ITEM = re.compile(r"^\d{1,2}[.、]")


# A meeting acknowledged ("收到，明天上午9点准时参会"): the receipt is the meeting's, not a notice's.
MEETING_REPLY = re.compile(
    r"(?:准时|按时|准点)(?:参加|参会|到会|出席|到场)|(?:参加|出席)[\u4e00-\u9fff]{0,8}?会(?:议)?(?:$|[,。;!])"
    r"|(?:参会|到会)$"  # "收到，明天上午九点参会"
    r"|(?:准时|按时|准点)(?:赶)?到$"  # "收到，下午两点准时到": the meeting's hour kept
    # … the place first, or a training: "收到，明天上午9点准时到县委3楼会议室参加迎检培训"
    r"|(?:准时|按时|准点)到[^,。;!?]{1,16}?(?:参加|参会|开会)|(?:参加|出席)[\u4e00-\u9fff]{0,8}?培训(?:会)?(?:$|[,。;!])"
    # … or who attends, named: "12月联络员业务培训会，我镇参会人员为党政办郭磊，收到"
    r"|(?:参会|参训|培训)人员(?:为|是)"
    # … or who attends after the meeting named: "周五下午的调度会我们何主任参加，收到"
    r"|会(?:议)?(?:我们|我[镇乡局委办]|本单位)[\u4e00-\u9fff]{1,6}?(?:参加|参会|出席)$"
)
NOTICE_NAMED = re.compile(r"通知|督办|文件")
# A call promised back after the receipt word ("收到，一会儿给您回电话"): 收到 answers someone asking to be called, not a notice.
CALL_BACK = re.compile(
    r"(?:(?:给|跟)(?:您|你)(?:回|打)|回)(?:个|一个)?电话$|回电$|电话(?:联系|沟通)(?:您|你)$"
)
# A meeting's hour or room given with its attendance: "明天上午9点到县委3楼会议室参会".
MEETING_AT = re.compile(r"\d{1,2}(?::\d{2}|点|时)|[点时]半|会议室|\d楼|[一二三四五六七八九]楼")
# All units told to sign for what was sent: the office's own words echoed ("628号…、629号…已发，请各单位及时签收").
ALL_TOLD_TO_SIGN = re.compile(r"^请各(?:单位|乡镇|部门|成员单位|联络员)[^,。;]{0,6}?(?:签收|查收|接收)")
# Those below the unit addressed first, the message being the unit's order to them: "各村注意：", "各学校负责人："
ADDRESSED = re.compile(
    r"^(?:请)?(?:各|全体|所有)(?:村|社区|学校|校|林场|站所|科室|股室|支部|网格|医疗机构|企业|乡镇)(?:的|级)?"
    r"(?:[\u4e00-\u9fff]{1,3}(?:站|所|办|中心))?"  # "各乡镇统计站：670号抽样复核表已发各位邮箱"
    r"(?:支书|书记|主任|负责人|同志|联络员|网格员|校长|院长)?们?(?:注意|请注意|好)?$"
)
# Someone else's words quoted after a colon: "张村主任回复：收到" (not "河口镇小陈：28号收到", a signature; not the liaison
# answering for its own head: "替王主任回复：404号收到"; a village's head stays another's).
SPEAKER_HEAD = re.compile(
    r"^(?!我|本|咱|(?:替|代)(?![\u4e00-\u9fff]{0,10}?村)[\u4e00-\u9fff]{0,4}?(?:主任|局长|书记|镇长|乡长|领导)回复$)[\u4e00-\u9fff]{0,10}?(?:主任|书记|镇长|乡长|局长|站长|支书|村长|会计|校长|院长|老板|经理|组长"
    r"|同志|负责人|小[\u4e00-\u9fff]|老[\u4e00-\u9fff])(?:也|已经?|刚才?)?(?:回复|回话|说|讲|答复|表示|反馈说)(?:了|道)?$"
)
# Another body's words told on, from there to the end: "青山乡说他们那边下雨打不了药，要晚几天".
OTHERS_SAY = re.compile(r"^(?!我|本|咱)[\u4e00-\u9fff]{2,10}?(?:说|讲|反映|表示)(?:他们|她们|那边|他那边)")
# Another body come to check the unit, what was found theirs: "住建局今天来我们菜市场查燃气了哈，查出3家…".
OTHER_CAME_TO_CHECK = re.compile(
    r"^(?!我|本|咱)[\u4e00-\u9fff]{1,8}?(?:局|委|站|所|中心|大队|检查组|督查组)(?:今天|昨天|上午|下午|刚才)?"
    r"来(?:我们|咱们?|我[镇乡局委])[\u4e00-\u9fff]{0,6}?(?:查|检查|排查|督查|暗访|巡查)"
)
# Which notice or whether it is the unit's is asked: "这个是上周那个吧？", "这次是不是重复发的？", "不涉及春运吧？".
WHICH_ASKED = re.compile(
    r"(?:这个|这次|这是|是不是)[^,。;]{0,6}?(?:上周|上次|之前|以前|前面|去年)的?(?:那个|那份|那期)?"
    r"|重复(?:发|下发)|不涉及"
    r"|是(?:不是)?同一(?:批|个|份|件|次)"  # "…名单，我们乡民政办上周就收到了，是同一批吗？"
    r"|(?:和|跟|与)第?\d{1,3}号?一(?:起|并)"  # "收到了，是不是和41号一起报？": which one is unsaid
    # one of two notices, asked: "收到，是指206号还是221号？" (not a day: "是8月3号还是5号报？")
    r"|(?<![月\d.])第?\d{1,3}(?:[号期](?:那个|那份)?)?还是第?\d{1,3}(?:[号期]|$)"
)
TABLE_CELL = re.compile(r"(?:^|(?<=[ \t]))[\d,.%]*\d[\d,.%]*(?=[ \t]|$)")
MISTAKEN = re.compile(r"(?:怎么|咋|为什么|为啥)(?:是|成了?|变成了?)第?(\d{1,3})[号期]")
WHOSE = re.compile(
    r"是不是(?:我们|我|本|咱们?)[\u4e00-\u9fff]{0,3}的|(?<!不)是(?:我们|我|本|咱们?)[\u4e00-\u9fff]{0,3}的(?:吗|么|吧|呢)$"
    r"|(?<!不)是(?:发给|给|发)(?:我们|我|咱们?)[\u4e00-\u9fff]{0,3}的(?:吗|么|吧|呢)"  # "130号那个是发给我们的吗？收到"
    r"|(?:和|跟|与)(?:我们|我局|我镇|我乡|咱们?)[\u4e00-\u9fff]{0,2}?(?:有|有没有)?(?:关系|关)(?:吗|么|吧)"  # "收到，164号和我们有关系吗？"
)
# … or doubted whether all arrived, or which number it bears: "我们这边只看到一个", "督办单编号有误吧？"
# (not a count of work: "只查到一个隐患")
ARRIVAL_DOUBTED = re.compile(
    r"只(?:看到|看见|收到|见到|接到)了?(?:一|1)(?:个|份|期|条|张)"
    r"|(?:编号|文号|号码|序号)(?:是不是|好像|可能)?(?:有误|错了|不对|写错|打错|标错)"
    # … or whether the attachment is an old version: "附件的年报制度是2067年的版本吧？" (not told: "附件是最新版本")
    r"|附件[^,。;]{0,16}?是[^,。;]{0,12}?(?:版本|版)(?:吧|吗|么)$"
)
# Goods or copies come in, said in English before the receipt: "the brochures from … arrived, 500 copies, received".
ARRIVED_EN = re.compile(
    r"(?:brochures?|leaflets?|posters?|booklets?|copies|parcels?|packages?|boxes|supplies|uniforms|equipment|goods)"
    r"[a-z\-]{0,40}?(?:arrived|delivered|came)(?![a-z])"
)
# … or whether the unit must do it at all: "这个我们信访局也要报吗" (not when: "我们什么时候报？"), the unit named by its
# body and what is to be sent after the verb ("請問420號林業局需要報預案嗎？"), or asked with 是不是 ("我们乡是不是也要报？");
# someone sent, too ("是721那个演练，我们局要去人吗？")
DUTY_ASKED = re.compile(
    r"(?:我们|我[局镇乡委办]|咱们?|本单位|[\u4e00-\u9fff]{1,6}?(?:局|委|镇|乡|街道|管委会))"
    r"(?:[\u4e00-\u9fff]{0,4}?(?:也|还|都)?(?:要|需要|需|得|用)(?:报|上报|报送|填报|参加|落实|去人|派人|出人)[\u4e00-\u9fff]{0,4}?(?:吗|么|不)$"
    r"|[\u4e00-\u9fff]{0,2}?是不是(?:也|还|都)?(?:要|需要|需|得|用)(?:报|上报|报送|填报|参加|落实)[\u4e00-\u9fff]{0,4}$)"
)
# … or whether a matter of the unit's falls under the notice: "850 收到 请问 教育 事业 统计 也 在 这个 里面 吗",
# "这次也包括民办学校吗" (not where the work stands: "我们也在做这个")
SCOPE_ASKED = re.compile(
    r"(?:也|还|都)?(?:在|属于|包括在|算在|算)(?:这个|这次|本次|此次|该|这)(?:通知)?(?:里面|里头|里边|里|范围内?|之内|内)(?:吗|么)$"
    r"|(?:也|还|都)(?:包括|包含|含)[\u4e00-\u9fff]{1,10}?(?:吗|么)$"
)
# … or doubted of the notice received, no other one named ("收到了哈，不过这个不是我们镇的吧"; not "57号不是我们的吧？")
NOT_OURS_DOUBTED = re.compile(r"不是(?:我们|我|本|咱们?)[\u4e00-\u9fff]{0,3}的(?:吧|吗|么|呢)$")
# Which body issued it, asked as two alternatives: "收到 这是督查室的 还是考核办的".
ISSUER_ASKED = re.compile(
    r"^(?:请问)?(?:这|那)?(?:个|份)?(?:是|还是)[\u4e00-\u9fff]{1,8}?(?:室|办|局|委|厅|部|中心|政府)(?:发|下发)?的(?:吗|呢|啊)?$"
)
# The receipt held back on a leader's word: "收到765啦～不过我们街道主任让先别回" (like "等领导回来再签收").
HELD_BACK = re.compile(
    r"(?:主任|书记|镇长|乡长|局长|领导|老板)[\u4e00-\u9fff]{0,2}?(?:让|叫|要|说|交代)(?:我们?|咱们?)?"
    r"(?:先|暂时?|暂)(?:别|不要|莫|不)(?:回|回复|答复|签收|确认)"
)
# The notice pointed at by its delay granted before: "749号防溺水上周延了两天的那个", "738延了一周那个".
DELAYED_POINTED = re.compile(r"延(?:了|过|期了)[^,。;]{0,6}?的?(?:那个|那份|那期)$")
# The liaison answering for a colleague away: "我替他回一下", "我代小刘回复" (then the answer).
ANSWERED_FOR = re.compile(
    r"^(?:我|俺)(?:先)?(?:替|代|帮)(?:[他她]|小[\u4e00-\u9fff]|老[\u4e00-\u9fff]|同事)(?:回复?|答复?)(?:一下|一声|个|下)?$"
)
# A clause that only names a notice, asked: "是13号吧", "13号？".
NOTICE_ASKED = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,6}?(?:说|发|讲|提)的|[\u4e00-\u9fff]{1,10}?(?:通知|文件|督办单?))?(?:是不是|是|就是|应该是|说的是)?"  # "群里说的101号吧", "那个人居环境的通知是34号吧"
    r"第?(?:\d{1,3}|[零〇一二两三四五六七八九十百]{1,4})[号期](?:那个|这个)?[吧吗么呢啊]?$"
    # … the number first, its confirmation asked after it: "854是吧？", "是854号对吧"
    r"|^(?:是|就是)?第?(?:\d{1,3}|[零〇一二两三四五六七八九十百]{1,4})[号期]?(?:那个|这个)?(?:是吧|对吧|是吗|对吗|没错吧)$"
)
# … by its subject ("93号收到了 是麦收消防那个吧？": does the number match?; "收到，是燃气排查那个吧？": the liaison is
# unsure which notice it got, and the bot never guesses a receipt — dev10 once labelled such a line a receipt)
SUBJECT_ASKED = re.compile(
    r"^(?:第?\d{1,3}号?)?(?:是不是|是|就是|应该是|说的是)(?:第?\d{1,3}号)?[\u4e00-\u9fff]{1,12}?(?:那个|这个)(?:通知|文件|督办单?)?[吧吗么呢啊]?$"
    # … or the subject alone guessed ("545收到 松材线虫秋季普查的吧？"; not a deed or a day: "今天要报的吧")
    r"|^(?![\u4e00-\u9fff]*?(?:我|你|咱|他|今|明|昨|去年|要|报|交|发|填|做|弄|写|完|了|已|在|能|会|是|附件|表))[\u4e00-\u9fff]{2,12}的吧$"
    # … the number, then the subject guessed after it: "收到了，是701那个防汛的吧" (not told: "是701那个，防汛的")
    r"|^(?:是|就是|应该是|说的是)第?\d{1,3}号?(?:那个|这个)[\u4e00-\u9fff]{1,12}?的?[吧吗么]$"
    # … or what this one is about, guessed: "143收到啦 这次是回头看对吧😊" (not a deed or a day: "这次是周五前报对吧")
    r"|^(?:这次|这回|本次|此次|这期|这个)是(?![\u4e00-\u9fff]*?(?:我|你|咱|他|今|明|昨|前|后|要|报|交|发|填|做|弄|写|完|了|已|在|能|会|附件|表))"
    r"[\u4e00-\u9fff]{2,12}?(?:对吧|是吧|吧)$"
)
# … the same opening a clause the receipt runs on in ("818是年终考核那个吧 俺们收到了"), or asked with 是不是; not a
# kind described ("这是每月都要报的那个吧"), nor whether to report along with another ("是不是和公安那个一起报")
SUBJECT_ASKED_WITHIN = re.compile(
    r"^(?:第?\d{1,3}号?)?(?:(?:是|就是|应该是|说的是)[\u4e00-\u9fff]{1,12}?(?<!的)(?:那个|这个)(?:通知|文件|督办单?)?[吧吗么]"
    r"|是不是(?![和跟与同])[\u4e00-\u9fff]{1,12}?(?<!的)(?:那个|这个))"
)
# A notice's subject that ends in 准备 (preparations), named after its number: "641号春运准备收到" (not "12号我们准备签收").
SUBJECT_PREPARED = re.compile(r"\d[号期](?:(?![我咱俺今明马正在就再])[\u4e00-\u9fff]){1,8}(?<!再)准备$")
# A notice pointed at by its place in a list ("第一个收到", "前面那个已经办结"): which one cannot be told.
PLACE = (
    r"(?:第[一二三四五六七八九十\d]个|前一个|后一个|头一个|前面(?:那一?个|的那个|的)|后面(?:那一?个|的那个|的)"
    r"|(?:之前|最上面|最早)(?:那一?个|的那个)"  # "之前那个收到了", "最上面那个收到": the earliest? which?
    r"|上上(?:期|个|次|份)的?"
    # several by their place: "前两个", "这两期", "上面两个通知", "最近三期", "前面几个"
    r"|(?:前面?|后面?|上面|下面|这|那|最近|最后|头)的?[两二三四五六七八九几](?:个|期|份|件)"
    # … or by their subjects, several: "那个 总结的 和 值班的 都收到了" (not by when: "上次的和这次的都收到了")
    r"|[\u4e00-\u9fff]{1,8}的(?:和|跟|与|还有)(?![上这那前本此今昨])[\u4e00-\u9fff]{1,8}的)"
)
POSITION = re.compile(
    PLACE + r"(?:通知|督办单?|文件)?的?(?:我们|我[局镇乡委])?(?:已经?|也|都|均|全|早就?|就)?$"
)
# … or named after the receipt word, as its object: "收到 第一个", "收到前两个通知了".
POSITION_AFTER = re.compile(r"^[了啦]?" + PLACE + r"(?:通知|督办单?|文件)?[了啦哈]*$")
# A notice set apart from the rest ("除了12号都收到了", "12号以外的都完成了", "除了12号，其他都收到了") or
# a span up to one ("12号及之前的都收到了"): the reading cannot list them, so the whole reply goes to the
# office ("排除隐患" is no exception).
EXCEPT = re.compile(
    r"^除(?:了|去|开)?(?![雪冰草尘湿虫险夕])"  # not 除雪, 除冰, 除夕
    r"|(?<![排清拆消去解删免扣铲破根剔摒革废开])除(?:了|去|开)?(?![雪冰草尘湿虫险夕])[^,。;]{1,16}?(?:都|均|其他|其余|其它|全部|全都)"
    r"|(?:以外|之外)的?(?:都|均|其他|其余|其它|全部|$)"
    r"|[号期](?:及|和)?(?:之前|以前|以后|之后|以上|以下|前面|后面|起|开始)的?(?:都|均|全部|全都)"  # "12号及之前的都收到了"
    r"|前者|后者"  # "12号和13号，前者已完成，后者收到"
)
# A notice pointed at by when it was sent ("周三发的", "昨天那个"): two such in one reply cannot be told apart.
SENT_WHEN = re.compile(
    r"(?:(?:周|星期|礼拜)[一二三四五六日天]|昨天|前天|今天|今早|上午|下午|早上|晚上)(?:发|下发|来)?的?(?=那个|的|发的|通知|督办|收到|$)"
)
# A notice pointed at by its subject, received ("防火期那个通知收到了"): two such in one reply are plural, the bot asks.
SUBJECT_POINTED = re.compile(
    r"^([\u4e00-\u9fff]{2,8}?)(?:那个|这个|那份|这份)(?:通知|督办单?|文件)?(?:我们|俺们)?(?:也|都)?(?:已经?)?(?:收到|收悉|签收)"
)
# A number given as the correction of an earlier one: "更正为13号", "应为13号".
CORRECTED_TO = re.compile(
    r"(?:更正为|改为|应为|应是|应该是|(?:更正|纠正)[:]?(?:是|为)?)第?(?:\d{1,3}|[零〇一二两三四五六七八九十百]{1,5})[号期]"
)
# A clause owning up to a slip, then the right number in the next: "12号收到，刚才说错了，是14号".
SAID_WRONG = re.compile(r"(?:说错|写错|打错|搞错|弄错|发错|不对|更正|纠正)(?:了|一下)?[:]?$")
RIGHT_WORD = r"(?:是|应是|应该是|应为)"
RIGHT_ONE = rf"^{RIGHT_WORD}?第?(?:\d{{1,3}}|[零〇一二两三四五六七八九十百]{{1,5}})[号期]"  # "是八百六十六号"
RIGHT_WORD_ENDS = re.compile(rf"{RIGHT_WORD}$")
DIGITS = re.compile(r"\d+")
# The same with a bare number, the whole clause: "180收到，不对，是181".
RIGHT_BARE = re.compile(rf"^{RIGHT_WORD}(\d{{1,3}})(?:那个|这个)?[啊呀哈哦]*$")  # "…不对，是668那个"
# … or with the receipt said again after it: "233收到 不对 是234收到 233还没看到呢".
RIGHT_RECEIVED = rf"^{RIGHT_WORD}第?\d{{1,3}}(?:收到|已收到|收悉)"
RIGHT = re.compile(f"{RIGHT_ONE}|{RIGHT_BARE.pattern}|{RIGHT_RECEIVED}")
# A clause that says of another notice what the clause before said ("12号已完成，13号也是", "13号同上", "764 也 ok").
# A message opening with a bare number alone before a comma, a colon or a line break ("12，收到", "#12：已完成",
# "758\n收到"); never "1" (扣1), nor a number with a stop ("5.收到" may be a list's item).
BARE_NUMBER = re.compile(
    r"^(?:#|no)?(?!1[,:。])(\d{1,3}(?:、\d{1,3})*)#?([,:。])(?!\d)"
)  # "12、13，收到" too
SAME_AS_BEFORE = re.compile(
    r"^[\d零〇一二两三四五六七八九十百、和及与跟第号期的#no.督办通知单文件()\[\]〔〕【】年]{1,24}?"
    r"(?:也是|同上|也一样|一样|同样|亦同|亦然|也同样|也如此|也ok)(?:的|如此)?$"
)
# A notice's number alone in its clause, as the message's first ("566\n收到\n567\n收到").
PAIRED_NUMBER = re.compile(r"(?:#|no)?(\d{2,3})#?")
# Numbers alone in a clause after what was said, naming what it was said of: "收到，13", "收到\n12\n13", "收到\n801和803"
# ("1" alone may be 扣1; a zero counted after a report is none: "本周无火情🔥0").
NUMBERS_AFTER = re.compile(
    r"^(?:就?是|说的是|指的?是)?(?!1$|0)(\d{1,3}(?:[、和及]\d{1,3})*)(?:那个|的)?[啊呀哈哦]*$"
)
# Between the numbers of a list, also spaced as voice input writes it: "801和803", "715 跟 714".
NUMBER_LIST_SEP = re.compile(r"[^\S\n]*[、和及跟与][^\S\n]*")
POINTS_AT_QUOTED = re.compile(r"(?:这个|这份|这一?期|此件|此通知|该通知|本通知)")
# A receipt of an earlier notice only ("上次的早就收到了"); "上次的和这次的都收到了" names this one too.
THIS_ONE = re.compile(r"这次|本次|这期|本期|这一?个|这份|今天的|新的")
# Telling others to reply: "你们回一下就行", "你那边回复个收到" — the sender's own receipt is unclear.
TELLS_OTHERS_TO_REPLY = re.compile(r"^(?:你们|你|大家|各位|其他人)(?:那边|这边)?(?:也|都)?(?:回|回复|答复)")
# Material the unit's own villages or people sent up ("收到材料了，是各村交上来的"): received, but not
# from the office.
MATERIAL_RECEIVED = re.compile(
    r"(?:材料|表格?|报表|数据|资料)[^,。;]{0,4}(?:收到|收齐|接收)|收到(?:材料|报表|数据|资料)"
)
SENT_UP = re.compile(r"(?:送来|报来|交来|寄来|拿来|送过来|报上来|交上来|送上来|报过来|交过来)的")
# Work on another matter: "在处理别的事".
ELSEWHERE = re.compile(r"别的事|其他事|其它事|别的工作|其他工作|其它工作")
# The office asked to take note of what the unit tells: "请督查室知悉", "特此报告，请领导阅知".
FOR_THE_OFFICE_TO_NOTE = re.compile(r"(?:请|烦请|敬请|望|请予)(?:督查室|领导|各位领导|各位|您|你们)?$")
PARTLY = re.compile(r"(?:部分|一部分|只|仅)$")
HEDGE = re.compile(r"以为|应该|可能|好像|似乎|估计|大概|也许|貌似")
WAITING = re.compile(r"(?:等|待|等到|等待)(?:我们?)?$")
# A receipt still to come: "会第一时间签收", "明天再签收", "稍后签收".
LATER_RECEIPT = re.compile(
    r"(?<![开集例委社协工商学两动大晚年聚展员])会(?!议|上)|将(?:于|在|会)?|再|明天|后天|稍后|待会|等会|晚些|回头(?!看)|就(?=签收|回复|确认)"
)
# The receipt planned, due or under way, right before the word: "去签收", "需签收", "正在签收" ("下午签收"
# may as well have been this afternoon: left as said).
PLANNED_RECEIPT = re.compile(
    r"(?:一会儿?|过会儿?|等下|(?<![过失回])去|准备|需要?|(?<![主重只])要|正在|这就|马上|立即|立刻"
    r"|[\d一二三四五六七八九十][号日](?:前|之前|以前))$"  # "12号前签收": by a day, still to come
)
# A numbered place or another thing received, named after the word: "收到12号楼的材料", "收到12号的红包".
OBJECT_AFTER_NUMBER = re.compile(
    r"^第?[\d零〇一二两三四五六七八九十]{1,4}号(?:楼|院|房|室|门|户|地块|路段)"
    r"|^[^,。;]{0,8}?的(?:红包|快递|包裹|货物?|款项?|钱|电话|短信|邮件|来信|信件|发票|收据|物资|样品)"
)
ACHIEVED = re.compile(r"效果|成效|实效")  # "收到良好效果" is an outcome, not a receipt
ALL_OWED = re.compile(
    r"都|均|全部|全都|皆|(?<![安完健齐周保])全(?![镇县乡村局体面力])|一并|悉数|所有|以上|上述"
)
# The receipt word itself over all of them: "均悉", "都已阅" (as "都收到了": the bot asks which).
ALL_IN_WORD = re.compile(r"(?:均|都)已?[悉阅]")
# 都 over people, not notices: "我们和城关镇都收到了", "大家都收到了" — the latest notice, by each of them.
ALL_PEOPLE = re.compile(
    r"(?:大家|人人|每个人|各位|(?:和|跟|与|及)[\u4e00-\u9fff]{1,8}?)(?:也|已经?)?(?:都|均|全都)(?:已经?|已)?$"
)
# A complaint about what arrived: the office hears of it (the receipt, if stated, still counts).
PROBLEM = re.compile(
    r"打不开|无法打开|打开不了|打开是乱码|下载不了|无法下载|看不了|看不到|看不清|乱码|损坏|(?<![没无])有问题|有误|错误|(?<!对)不对"
    # (a thing resent and received is none: "已收到重发的附件", "收到202的补发附件了"; a shortfall counted is no fault of what came: "缺口约2万条")
    r"|不全|不完整|(?<![不没])缺(?!口)少?|少了|没有附件|没附件|无附件|附件呢|附件在哪|是空的|空白|发错|(?<!的)(?:重发|重新发|补发)(?!的)"
    r"|再发(?:一[下遍次])?"
    r"|失效|(?<![器剂品药证照卡])过期了|打不开|模糊|链接.{0,4}(?:打不开|无效|不能用|点不开)|没收到附件|附件没收到|收不到附件"
    r"|(?:压缩包|附件|文件)[^,。;]{0,2}?(?:要|需要|有|加了)密码"  # "压缩包要密码"
)
# A number the sender takes back, the right one said next: "不是344 是346号已报", "不是三二六是355收到" (the act after
# it is the right notice's, the 不 denies only the wrong number).
CORRECTED_NUMBER = re.compile(
    r"(不是[\d零〇一二三四五六七八九十百]{1,4}[号期]?)(?=是)"
    r"|(?<=\d[号期])()(?=不是\d{1,4}[号期]?(?:[,。;!]|$))"  # "收到的是329号不是326号": the wrong one after
)
OWN_SLIP = re.compile(
    r"^(?:哦|噢|额|啊|抱歉|不好意思|刚才|刚刚|我|我们|我这边)*(?:说|写|打|发|报|填|弄)?(?:错了|不对)了?$"
)
PROBLEM_HYPOTHETICAL_AFTER = re.compile(
    r"^(?:再|随时|及时|请|可|就|的话)|^(?:我们?|我这边)(?:再|就)(?:改|修改|调整|重做|重新)"  # "（格式）不对我再改"
)
# A word of assent alone after a bare receipt ("收到，妥了": all right): no work told ("妥了，都报上去了" tells it).
# (also run on after the receipt, spaced: "嗯呐 收到 妥了")
ASSENT_ONLY = re.compile(r"(?:妥了|妥妥的?|妥)[啦哈呀的]*")

# ---- feedback -------------------------------------------------------------------------------

DONE_VERBS = (
    r"(?:完成|办结|完结|落实|整改|处理|处置|解决|销号|清理|拆除|修复|办理|办好|做好|弄好|搞定|完工|竣工|拨付|发放|答复"
    r"|填报|填好|填写好|安装|配备|恢复|移交|更新|汇总)"
)
DONE = re.compile(
    rf"已经?(?:(?:按照?|根据|依照|对照).{{0,8}}?(?:要求|表格?|格式|模板|口径|标准))?"  # "已按新表格重新填报"
    rf"(?:全部|全面|均|都|按时|按期|如期|顺利|圆满|基本|全|逐一|陆续|提前|重新)*{DONE_VERBS}"
    rf"|已经?(?:于|在(?!{DONE_VERBS}|推进|进行|开展|实施|抓紧|加紧)).{{0,12}}?{DONE_VERBS}"
    rf"|已经?于[^,。;]{{1,10}}?组织[^,。;]{{1,10}}?{DONE_VERBS}"  # "已于12月14日组织二级以上医院完成应急物资盘点"
    r"|(?:完成|办结|完结|整改|办理|处理|落实|解决|清理|处置|拨付|发放|安装|配备|储备|部署)(?:完毕|到位)"
    r"|(?:完成|办结|搞定|做完|弄完|办完|整改完|弄好|办好|做好|填好|写好|报完|落实|整好|整完|汇总好)[了啦]"
    r"|(?:修订|修改|编制|制定|起草|编写)(?:完|好)[了啦]"  # "预案修订完了": the unit's own paper made
    r"|(?:全部|均|都|全)已?经?(?:完成|办结|整改到位|落实到位|拨付到位)"
    r"|(?:填|弄|做|写|整理|汇总)好(?:就|后)?(?:报|发|交|传)(?:上去|过去)?了"  # "按上次的格式填好报了"
    # (not the paper told of it: "目标任务完成情况表我们下周三前报")
    r"|(?:整改|工作|任务|事项|排查|摸排|清理|自查)已?经?(?:全部|均)?(?:完成|办结|完毕|到位)(?!情况|率|进度)"
    r"|(?<!接)(?!接收|收到|收悉)[\u4e00-\u9fff]{2}完毕|全部达标"  # "已修补完毕", "核查完毕，全部达标"
    r"|已经?(?:全部|均|都)?[\u4e00-\u9fff]{2}到位"  # "网格员已全部通知到位"
    r"|已经?(?:全部|均|都)?(?:修|建|装|换|补|清|填|写|弄|改|办|做|搞|干|整|查|核|打|种|栽|割|播|喷|挖|铺|运)(?:好|完)"  # "路灯已全部修好", "药已经全部打完了"
    r"|已经?(?:全部|均|都)?拆(?:除|掉|完)?(?=$|了)"  # "违建已拆"
    r"|(?:all)?done|finished|completed|(?<!not)(?<!yet)(?<!un)(?:cleared|resolved|fixed)(?![a-z])|(?<!not)(?<!yet)(?<!never)(?<!n't)(?:submitted|uploaded|replied)|搞定|搞掂|(?:整|弄|搞|做|干)完了?|以(?:完成|办结|报送|上报|到位|整改到位)(?![^,。;]{0,6}?为准)|(?<=[天午号])以报了"  # not "以报送时间为准"
    # a paper sent in English, spaces dropped: "805 progress table sent to the mailbox", "report emailed"
    r"|(?:table|report|data|form|sheet|list|roster|summary)s?(?:was|were|hasbeen|havebeen|is|are)?(?:sent|emailed|mailed)(?![a-z]*(?:later|tomorrow|soon|next))"
    r"|(?<![a-z])(?:yb|yibao)(?:le)?(?![a-z])|(?<![a-z])[a-z]{0,6}?wanle(?![a-z])"  # pinyin: "438 yb" (已报), "hc wan le" (核查完了)
    r"|办妥|(?<!收到)(?<!收悉)妥了|完事了|齐活|^已经?办(?=[了啦]*$)|(?:均|全部|都|全)(?:符合要求|达标|合格)"
    r"|^(?:按时|按期|如期|全部|圆满|顺利)(?:完成|办结)(?:任务)?$"  # "按时完成，没有拖延"
    r"|已经?(?:全部|均|都)?(?:设置|实行|采取|建立|设立|完善|加装|封闭|停产|关停|下发|张贴|悬挂)"  # measures taken: "台账已建立"
    # a result reached: "危房户已全部转移", "物资已到位", "已治愈", "工地午间已停工" ("1.5万元已到位": money came),
    # also on a day told: "两处工地已于昨日全部复工"
    r"|(?<![元款钱])已经?(?:于[^,。;]{1,12}?)?(?:全部|全|均|都)?(?:转移|安置|撤离|疏散|治愈|到位|停工|复工|开工|通车|投用|签订|清零|清除|消除|结清|兑付|叫停"
    r"|封堵|加固|化解|取缔|畅通|通|供暖|供热|开栓)(?!(?!了)[\u4e00-\u9fff])"  # "主干道已通", "已全部开栓"
    r"|(?:整改|工作|任务|排查|检查|摸排|清理|自查|施工|工程)[^,。;]{0,8}?(?:已经?|均已|全部)[^,。;]{0,4}?结束"
)
# Having sent the report or material in is the feedback itself: "材料已报送", "已发督查室邮箱" (also by the deadline
# as extended: "已按延期后的时限于9月30日报送")
SUBMIT_MANNER = r"(?:按(?:延期|延长|调整|顺延)后的?时限(?:于[^,。;]{1,12}?)?|按时限|按时|按期|如期|及时|盖章|签章|书面|正式|汇总|统一|全部|均|都|审核后?|核实后?|补)*"
SUBMIT = re.compile(
    rf"已经?先?(?:(?:按照?|根据|依照).{{0,8}}?要求)?{SUBMIT_MANNER}(?:上报|报送|提交|递交|呈报|呈(?!阅)|私发|私信|报备|反馈|上传|发送|提供(?=给|至|到|了|$)|报(?![名销警道价案])"
    r"|发(?=送|至|到|给|邮箱|了|$|你|您|群|过去|督查室|办公室|.{0,6}邮箱)|传(?=至|到|给|了|$)|交(?=至|到|给|了|$|[\u4e00-\u9fff]{1,4}(?:办|室|局|委|组)$))"  # "已交考核办"
    r"|(?:上报|报送|提交|发送|上传|递交|反馈)(?:了|完毕|完成)"
    r"|(?<![直填申])(?:报送|上报|提交|发送|发|传|交|报|送)(?:至|到)?(?:邮箱|平台|系统|督查室|办公室)"  # not 直报系统
    # handed to a county body: "506号迎检资料已按清单装盒，…，已送县安委办" (not "已送到了": goods come)
    r"|已经?(?:报|呈)?送(?:至|到|给)?县[\u4e00-\u9fff]{1,8}?(?:办|局|委|室|中心|组)"
    r"|已经?通过.{0,12}?(?:上报|报送|提交|递交|发送|反馈|上传)|刚刚?(?:上报|报送|提交|递交|发送|反馈|上传|(?:报|交|发|传)(?:上去|过去|出去))"
    r"|(?:全部|都|均|已经?)(?:报|交)齐了?"  # "今天全部报齐了" (not "等村里报齐了")
    r"|已经?(?:于|在).{0,12}?(?:上报|报送|提交|递交|发送|反馈|上传|报(?=[省市县]|给|至|到))"
    r"|已经?按(?:照|规定)?要求(?:于|在).{0,12}?(?:上报|报送|提交|递交|发送|反馈|上传)"  # "值班表已按要求于5月27日报送"
    r"|已经?(?:发|交|报)(?=.{0,6}(?:材料|表格|报表|报告|邮箱|群))"
    r"|(?:发|报|传|交)(?:过去|上去)了|(?:发|传)(?:到)?群里了?|已发(?=$)"
    r"|(?:报|发|交|传)给(?:你们|您|你|督查室|督办室|办公室)了"
    r"|(?:发|传)(?:到|至)?(?:你们?|您)的?邮箱了"  # "值班表昨天发你邮箱了，你看看收到没有？" (the reader asked to look)
    r"|已经?(?:录入|录进|导入|填入|填进)|(?<![各位])请(?:注意)?查收"
    # 以 typed for 已 after a notice, its paper or the day it went: "49号以报", "慰问名单以报", "自查表今天以补报"
    # (not "以报送时间为准")
    r"|(?:(?<=号)|(?<=[表单料告账据案结册评天午]))以补?(?:报|交|发|传|上报|报送)(?![^,。;]{0,6}?为准)"
    r"|(?<=[都均])以(?:报|交|发|传|上报|报送)了?$"  # "38 46 都以报" (not "都以报送时间为准")
    r"|已经?将.{0,16}?(?:上报|报送|提交|递交|呈报|发送|反馈|上传)"  # "我局已将资金拨付情况书面报送县政府"
    # (a paper named between the number and 报了 / 交了: "420预案报了", "420号的值班表交了")
    r"|(?:发|报|传|交)(?:出去|出)了|(?:(?:一起|一并|都|均|就|早就|已经?|按时|按期|如期|先|提前|补|重新|^)|(?<=\d[号期])|(?<=\d[号期][案表账册])|(?<=\d[号期][\u4e00-\u9fff][案表账册])|(?<=\d[号期][\u4e00-\u9fff]{2}[案表账册])|(?<=[们局镇乡委])|(?<=^[嗯哦噢]))(?:报|交)[了啦](?!名|警|吗|没|罚|钱|费|款|个)"  # "报告中午就发出去了", "报了报了"  # "数据已录入系统", "表格在群文件里，请查收"
)
# Handed to the unit's own back office, not sent to the supervision office: "收据已经交给财务了".
TO_BACK_OFFICE = re.compile(r"^(?:给|至|到|去)?了?(?:财务|会计|出纳|档案室|仓库|银行|税务)")
# Nothing to report is a report too: "零报告", "卫星热点零发现" (not "清零报告", the paper on clearing), "经排查，我局无相关问题", "河口镇目前无道路结冰情况".
ISSUE_NOUN = r"(?:问题|情况|人员|事项|隐患|现象|行为|病例|案例|线索|险情|火点|火情|用火|异常|苗头|欠薪|上访|积案|(?<=[级京省市])访)"  # "无赴市进京苗头", "无进京赴省越级访", "这周无新增积案", "本周无违法用火"
# The period or area a periodic report covers, before what it found: "本周无欠薪问题线索", "全乡无新增欠薪线索".
REPORT_SCOPE = r"(?:本周|这周|本月|这个月|今日|今天|当日|当天|期间|全[县镇乡村区]|辖区)"
# … a dash and the unit signing after it, its liaison's name too: "847 今日无欠薪 ——柳林乡 老周"
SIGNED_AFTER = r"(?:[\-—–]{1,2}[\u4e00-\u9fff]{1,10}?(?:局|委|镇|乡|办|街道|管委会)[\u4e00-\u9fff]{0,3})?"
NO_ISSUE = re.compile(
    r"(?<!清)零(?:报告|发现)|zeroreport|无(?:相关|此类|类似|这类|该类)(?!附件|文件|链接|通知|材料|要求|说明|模板|表格)"
    rf"|没有(?:相关|此类|类似|这类|这种|这样的?|该类)(?:\w{{0,4}}?){ISSUE_NOUN}"
    rf"|^无[\u4e00-\u9fff]{{0,6}}?{ISSUE_NOUN}$"  # a clause that is only "无违规情况"
    # … or the period or area a periodic report covers, then none found: "本周无欠薪", "这周稳定没有到县上访的"
    rf"|{REPORT_SCOPE}[\u4e00-\u9fff]{{0,4}}?(?:无|没有)[\u4e00-\u9fff]{{0,6}}?{ISSUE_NOUN}的?{SIGNED_AFTER}$"
    # … nothing new, what is counted left unsaid: "1号欠薪日报 今天无新增", "847收到 今天石桥莫得新增的"
    rf"|{REPORT_SCOPE}[\u4e00-\u9fff]{{0,4}}?(?:无|没有)新增的?{SIGNED_AFTER}$"
    rf"|^(?:无|没有)新增{SIGNED_AFTER}$"  # … a clause of its own under the report's name: "1号今日欠薪日报：无新增"
    # … or a zero for the period, what it counts drawn after it: "600 本周 0🔥"
    rf"|{REPORT_SCOPE}(?:共|累计)?0(?:起|次|处|例|个|件)?$"
    rf"|未发现.{{0,12}}?(?:{ISSUE_NOUN}|违规|违法|违章)"
    r"|无(?:此类|类似|这类)(?:问题|情况)|不存在.{0,8}?(?:问题|情况)"
    r"|没有发现.{0,12}?(?:问题|情况|隐患)"
    # (what is found none of, any issue: "暂无异常", "目前各校无险情")
    rf"|(?:目前|暂|经排查|经查|经核查)[,，]?.{{0,16}}?无.{{0,12}}?(?:{ISSUE_NOUN}|事项)"
    r"|(?:结果|情况|问题|隐患|发现):(?:无|没有)(?:异常|问题|情况)?$"  # "排查结果：无"
    r"|没有(?:需要|要)(?:整改|处理|解决|上报)的"
    r"|(?:无|没有)(?:承办|交办|涉及|需办理)的?(?:件|任务|事项|项目|案件)"  # "308号统计局无承办件": none to do
    rf"|(?:目前|暂|经排查|经查|经核查)?没发现.{{0,12}}?{ISSUE_NOUN}"
)
UNDER_WAY = (
    r"(?:正|还|仍|也)?(?<![实存])在(?![建产岗职校册库]).{0,4}?(?:办(?!公|事处)|推进|落实|办理|整改|处理|开展|实施|排查|摸排|摸底"
    r"|核查|核实|核对|准备|进行|组织|梳理|统计|收集|汇总|撰写|起草|完善|协调|对接|调查|清理|施工|建设|修|报(?![名警销到])|研究|制定"
    r"|修改|整理|部署|填报|走访|入户|跟进|督促|铺设|编制|评审|销号|审核|审批|审查|征求|会签|清(?![单明楚晰洁水])|走.{0,4}?(?:程序|流程|手续)|检查|巡查|督查|调研|评估|测算|清点|验收|采购|招标|弄|搞|做|整|忙|赶"
    r"|(?<=[还正仍]在)签(?![到收])[^,。;]{0,6}$)"  # papers being signed: "614还在签" (not "正在签收")
    r"(?!范围|对象|名单|之列|清单|局)"  # "都在排查范围内" says what is covered; "在县统计局三楼" where
)
PROGRESS = re.compile(
    rf"{UNDER_WAY}|正(?:积极|全力|加紧|抓紧|有序|稳步|组织|逐项)"
    r"|(?:推进|进行|实施|开展|整改|办理|施工|落实|处理)中"
    r"|(?:有序|稳步|持续|积极|全力|加快|加紧|抓紧|扎实|逐项)推进|(?<![a-z])(?:still)?(?:inprogress|drafting|underway|ongoing)(?![a-z])"  # "方案 drafting 中"
    # (waiting on others is no work of the unit's: "106 still waiting for 2 projects' permits, need 2 more days")
    r"|(?<![a-z])still(?:collecting|working|checking|compiling|preparing|doing)"  # "606 still collecting data"
    r"|(?<!not)(?<!yet)(?<!un)drafted(?![a-z])"  # "123: holiday traffic plan drafted" (not "not drafted yet")
    r"|已经?(?:先行|提前|率先|迅速|及时)?(?:启动|开始|部署|安排|召开|开展|着手|组织|成立|制定|拟定|起草|印发|摸底|初步|督促|下达|排查|检查|巡查|走访|核查"
    r"|编制|明确|落实了)"
    r"|已经?于[^,。;]{1,12}?(?:印发|制定|出台)"  # the unit's own plan, on a day told: "已于今天印发…实施方案"
    # … or its response started on a day told: "我局已于1月3日启动低温雨雪冰冻Ⅳ级应急响应"
    r"|已经?于[^,。;]{1,12}?启动[^,。;]{0,12}?响应"
    # a first count of the work: "初步汇总项目56个", "初步统计受灾农户120户"
    r"|初步(?:汇总|统计|梳理|摸排|排查|核实|核查)(?:出)?[\u4e00-\u9fff]{0,6}?[\d一二三四五六七八九十两百千万.]+[余多]?(?:个|户|处|家|人|项|所|座|村|条|件|名)"
    r"|(?:check|checks|inspection|inspections|survey|review|works?)inprogress(?![a-z])"  # "all 企业 safety check in progress"
    r"|完成了?(?:一半|大半|大部分|部分|[一二三四五六七八九两\d]成)"
    r"|基本完成|初步完成|部分完成|阶段性|(?:进度|已经?)过半"
    r"|共(?:排查|检查|发现|走访|巡查|核查)|组织人员对|进行了.{0,6}?(?:巡查|检查|排查|核查)"
    r"|(?:收集|汇总|统计|核查|排查|整理|编制|审核|审批|施工|推进)中"
    r"|(?:入户|走访|排查|检查|巡查|核查|摸排)\d+(?:户|处|家|个|人|次|所|座)"
    r"|(?:方案|计划)已经?(?:定|制定|确定|出台)|已经?就绪|已经?(?:入户|登记)"
    r"|(?:弄|做|干|搞|完成|填|写|整|改|查|核|报|(?<!安)排)了?(?:一大半|大半|一半|大部分|[一二三四五六七八九]成)"  # "553 排了一半了"
    r"|已经?收集|(?<!时间)差不多了|快(?:要)?(?:完成|弄完|做完|整完|办完|好)了"
    r"|(?:出动|组织了|发动了|动员了)[^,。;]{0,6}?[\d一二三四五六七八九十两百]+多?(?:人|名|人次|辆|台)"  # "每天出动巡查人员50多人"
    r"|(?:本月|本周|今年|累计|共计|合计)(?:(?!承办|承接|涉及)[\u4e00-\u9fff]){1,6}(?<!第)(?<!晚)(?<![那这每])(?![\d一二三四五六七八九十两百千万.]*[号期])[\d一二三四五六七八九十两百千万.]+"  # "本月累计养护里程156公里"
    r"(?![\d一二三四五六七八九十两百千万.]*个?(?:月|天|日|周|年|星期|礼拜|小时|季度))"  # "今年最后一个月": a time
    r"|已经?(?:准备好|准备就绪|备齐|起草好|采购|购买|订购|招标|签订|签约|进场|开工|动工)"
    # … also ahead of time, or a draft made: "其中3个项目已提前开工", "任务分解已形成初稿"
    r"|已经?提前(?:开工|动工|进场)|已经?形成(?:初稿|草稿|征求意见稿|初步方案)"
    r"|已经?(?:全部|均)?组建|已经?(?:约谈|动员|发动|培训|宣传)|(?:召开|开)了[\u4e00-\u9fff]{0,6}?会(?!议室)|已经?(?:组织)?召开|已经?于[^,。;]{1,14}?(?:召开|组织召开|举行|举办)"
    # done and counted: "已在集镇张贴通告200余份", "已对全县42处在建工地下达停工通知", "目前已开复工9个"
    r"|已经?(?:(?!通知|转|传达|下发|延期|推迟|收到|到账)[\u4e00-\u9fff]){1,16}?[\d一二三四五六七八九十两百千万.]+[余多]?"  # (not money come in)
    r"(?:个|户|处|家|人|次|所|座|村|条|份|名|项|起|件|栋|辆|台|公里|米|吨|万元|元|亩|棵|株|袋|组)"  # "已分4组下去督导了"
    r"|已经?(?:下达|储备|发放|完成了?[\u4e00-\u9fff]{0,6}?(?:清淤|维修|整治|改造|建设))"
    # how the work stands: "进度正常", "有所滞后", "本周巡查无火点", "检查完了，报告明天报", "正在催"
    r"|(?:进度|进展)(?:正常|顺利|良好)|有所滞后|(?:正|还|已经?|一直)在催"
    # … or how the thing looked after stands, as a whole: "全县秋粮长势总体正常" (not asked: "长势正常吗")
    r"|(?:长势|苗情|运行|秩序)(?:总体|整体|基本|均)(?:正常|良好|平稳|稳定)(?![吗么])"
    # a stop or a fix ordered, as 责令 ("已责令整改"): "施工已通知5月底前全部停工" (not "已通知各村…", the notice passed on)
    r"|已经?(?:通知|责令)(?!各|到位)[^,。;]{0,12}?(?:停工|停产|停业|关停|撤离|搬离|拆除|整改)"
    r"|(?:巡查|巡山|巡河|巡逻|检查|排查|核查)[\u4e00-\u9fff]{0,4}?(?:无(?!法|力|须|需|论)|未发现|没发现)|(?:检查|排查|巡查|核查|清理)完了"  # not "排查可能无法…"
    # … gone over once more and found clean: "726 俺们乡那段河 夜儿个又巡了一遍 木有问题"
    r"|(?:巡|查|排查|检查)了?(?:一|两|几)?(?:遍|趟|轮)[^,。;]{0,4}?(?:没有?|无|未发现|没发现)(?:问题|异常|情况|隐患)"
    # counted work: "清理垃圾约15吨", "发放补贴318户"
    # (not how a thing is split: "检查情况分三条发")
    # (not the notice's scope: "整改涉及的3家店铺")
    # (nor the matters it concerns, named with 的: "涉及我局的整改事项3项")
    r"|(?<!的)(?:清理|清运|排查|检查|巡查|整改|整治|拆除|处置|发放|走访|入户|核查|设置|储备|设立|开设|建成|接种|张贴|悬挂)(?:(?![延推涉]|分[\d一二三四五六七八九十两])[\u4e00-\u9fff]){0,4}?约?"
    r"[\d一二三四五六七八九十两百千万.]+多?(?:个|户|处|家|人|次|所|座|村|条|份|名|项|起|件|公里|米|吨|万元|元|亩|棵|株|袋)"
    # … and done so far ("庭院改造完成83户", "道路硬化2.6公里", "共申报项目14个"; "硬化还差2公里" is what is left)
    # (or a figure found: "节后用工缺口初步统计1,860人")
    r"|(?:完成|改造|硬化|转移|安置|签订|申报|新建|修建|铺设|培训|整理|初步统计)(?:(?!还|差|剩|尚|未|没)[\u4e00-\u9fff]){0,4}?约?"
    r"[\d一二三四五六七八九十两百千万.]+多?(?:个|户|处|家|人|次|所|座|村|条|份|名|项|起|件|公里|米|吨|万元|元|亩|棵|株|袋)"
    r"|已经?(?:和|与|同|跟).{0,8}?(?:对接|沟通|协调|联系|会商|洽谈)|按(?:计划|进度|时序)推进"
    # a day's work, counted, as a running log reports it: "今天又走访了六个村"
    r"|(?:今天|今日|当天|本周|这周)又?(?:走访|排查|检查|巡查|核查|核实|摸排|入户|发放|清理|拆除|整改|出动)"
    r"(?=[^,。;]{0,10}?[\d一二三四五六七八九十两]+(?:个|户|处|家|人|次|所|座|村|条|份|名|项|起|件|公里|米))"
)
# An estimate of completion is stage progress ("预计本周五前全部完成") — unless the message is a delay.
ESTIMATE = re.compile(r"(?:预计|估计|预估).{0,12}?(?:完成|办结|完工|到位|竣工)")
# The notice passed on to all it concerns ("已全部通知到位", "已下发至全县各中小学"): with a receipt, the receipt's own
# step, no report.
PASSED_ON = re.compile(
    r"(?:通知|传达|转发|转达|下发)到位|(?:已经?|并|(?<=[号期])以)(?:转发|转交|下发|转|发)(?:通知|文件)?(?:给|至|到)?(?:全[县镇乡区市])?各(?!自|位领导)"
    r"|已经?向[^,。;]{0,16}?(?:转发|下发|印发)"  # "已向全县68所中小学下发告家长书"
    # the notice itself printed for those below, its clause naming no paper of the unit's ("302号收到，已印发全县各林场";
    # "排查方案已印发各村" is the unit's own plan)
    r"|^(?:已经?|并)印发(?:给|至|到)?(?:全[县镇乡区市])?各(?!自|位领导)"
    # … on a day, by the unit, in a notice of its own named ("我局已于5月19日下午印发《关于做好…的紧急通知》至全县各学校";
    # "已于5月19日印发《…实施方案》至各学校" is its own plan)
    r"|^(?:我[局镇乡委]|我们)?(?:已经?|并)(?:于[^,。;《》]{1,12}?)?印发(?:《[^《》]{0,60}?(?:通知|通告|告家长书|倡议书)》)?"
    r"(?:给|至|到)(?:全[县镇乡区市])?各(?!自|位领导)"
    r"|(?:都|均|全部)已经?(?:转发|转达|传达|下发)(?![\u4e00-\u9fff])"  # "我们乡24个村都已转发"
    # the villages or schools counted, all sent it: "我们14个村都发了"
    r"|[\d一二三四五六七八九十两]+个(?:村|社区|学校|单位|站所|股室|科室)(?:都|均|全部)已?经?(?:发|转|转发|下发|传达)(?:了|下去了?)?$"
)
# Who is put in charge of the work (see IN_HAND).
IN_CHARGE = r"(?:专人|人员|人手|人|责任人|责任单位|负责人|干部|(?:包案|包保|分管)?领导)"
# Progress words that, right after a receipt, only confirm it is in hand: "收到，已安排".
IN_HAND = re.compile(
    r"^(?:局里|镇里|乡里|我们|我局)?(?:已经?在?|正在|在|马上|立即|即刻|尽快|抓紧|全力|认真)*"
    r"(?:安排|(?<![已在])部署|转|落实|办理|推进|跟进|研究|制定)(?:落实|部署)?"  # "正在研究落实", "局里正在研究"
    r"(?:中|了|相关工作|(?:专人|人员)(?:负责|跟进|落实|对接)?|(?:落实|实施|工作|整改)?方案)?$"
    r"|^(?:已经?|马上|立即|即刻)*(?:安排|部署|布置|交办)[\u4e00-\u9fff]{1,8}$"  # "收到，已安排各校自查"
    r"|^(?:已经?|正在)对接[\u4e00-\u9fff]{0,10}$"  # "收到，已对接燃气公司": in hand, no result yet
    # … or being worked out with another body, what is named first: "农资储备情况我们正在跟供销社对接"
    r"|^[\u4e00-\u9fff]{0,12}?(?:正在|在)(?:跟|和|与|同)[\u4e00-\u9fff]{1,8}?(?:对接|沟通|协调)(?:中)?$"
    # the work begun, nothing counted or reached yet: "水毁情况正在统计", "已经在弄了", "我局已安排巡查"
    # … what is being gathered named after it ("我局正在汇总各单位用款计划"), nothing of it done
    # (the paper named at length first: "两节期间信访维稳百日攻坚方案我局正在起草")
    # (the dialect's 整 for 弄, a plan being drawn up, things being cleared: "年终考核的材料俺们正在整", "我局正在制定
    # 百日攻坚实施方案", "346号收到，正在清理", "556 sd 社区已经在排了")
    r"|^[\u4e00-\u9fffa-z]{0,20}?(?:正在|已经?在|在)(?:整理|准备|统计|收集|汇总|编制|起草|制定|清理|排(?!查)|弄|办|做|搞|整)(?:中|了)?"
    r"(?:(?!已|完|了|中)[\u4e00-\u9fff]){0,12}$"
    # … or planned for a later part of the month: "已安排11月下旬联合消防部门开展检查"
    r"|^[\u4e00-\u9fff\d]{0,10}?已经?安排(?:于|在)?\d{1,2}月(?:上旬|中旬|下旬|底)[^,。;]{0,16}?开展[\u4e00-\u9fff]{1,8}$"
    r"|^[\u4e00-\u9fffa-z\d]{0,10}?已经?安排[\u4e00-\u9fff]{0,6}$|^[\d一二三四五六七两]+(?:天|日)内落实到位$"
    # who will do it named, nothing done yet: "3件积案已逐件明确包案领导", "元旦期间消防检查已经排好人了"
    # … also by their task, and what they are to keep doing: "4座山塘已落实巡查责任人", "已安排人24小时盯守"
    # ("我局共有积案7件，已全部落实包案领导", "我局已对全县37件信访积案逐件明确了包案领导和责任单位")
    r"|^[\u4e00-\u9fff\d]{0,16}?已经?(?:全部|均|都)?(?:对照?[^,。;]{1,16}?)?(?:逐[件项个户一]?)?(?:明确|确定|指定|落实|安排|排)好?了?[\u4e00-\u9fff]{0,4}?"
    rf"(?:{IN_CHARGE}(?:和|及|、)[\u4e00-\u9fff]{{0,4}}?)?{IN_CHARGE}了?"  # "已明确包村干部和稳控责任人"
    # … or what they are to do with it: "我镇已安排国土所专人负责"
    r"(?:(?:\d{1,2}小时|全天|轮流|日夜)?(?:值守|盯守|看守|值班|巡查|巡逻|蹲守)|负责|跟进|对接"
    r"|(?:每天|每日|每周|定期|按时)[^,。;]{0,12}?(?:报送|上报|报告))?$"  # "已明确专人每天下午5点前报送"
    # … or the section that leads it: "已明确由营商环境股牵头办理"
    # (or without 由: "已明确价格股牵头办理")
    r"|^[\u4e00-\u9fff\d]{0,12}?已经?(?:明确|确定|指定|安排)由?[\u4e00-\u9fff]{1,12}?(?:牵头|负责|承办|主办)(?:办理|落实|推进|实施)?$"
    # … people being put together for it: "926收到 已经在排检查组了" (not "正在排查")
    r"|^[\u4e00-\u9fff]{0,8}?(?:已经?在|正在|在)(?:排|组建|抽调)(?!查)[\u4e00-\u9fff]{0,4}?(?:组|人员|人手|专班)了?$"
    # … a timetable drawn up: "园区企业国庆前安全检查已经排了表"
    r"|^[\u4e00-\u9fff]{0,16}?已经?(?:排了|排好了?)(?:表|计划|时间表)$"
    # … things being drawn from stock: "999号收到 苗木已经在调了"
    r"|^[\u4e00-\u9fff]{0,8}?(?:已经?在|正在)(?:调|调拨|调配|调运)了?$"
    # … a part of it, named, under way: "我委负责的农贸市场病媒防制这块已在推进"
    r"|^[\u4e00-\u9fff]{2,16}?(?:这块|这一块|这项工作)(?:已经?在|正在|在)(?:推进|落实|办理|跟进)(?:中|了)?$"
    # … or the cases shared out among them: "已分包到班子成员", "已逐件分解到包案领导"
    r"|^[\u4e00-\u9fff\d]{0,12}?已经?(?:逐[件项个户一]?)?(?:分包|包保|分解|分派|交办|分配)(?:到|给)了?[\u4e00-\u9fff\d]{0,6}?"
    r"(?:班子成员|领导|专人|责任人|干部|网格员|个人|科室|股室|部门)$"  # "共5件，已分解到科室", "已分解到4个科室"
    # … named first, then put in place: "我镇积案3件，包案领导已经明确"
    rf"|^[\u4e00-\u9fff]{{0,8}}?{IN_CHARGE}(?:都|均|也)?已经?(?:明确|确定|指定|落实|安排|排)好?了?$"
)
# Those who will do it, by their role, put on a list after a receipt: "355收到 地灾点的监测员名单已经排好了" is the
# receipt's own step even though 排好了 reads as done (a duty roster, "值班已排好", other sets read as a step taken).
IN_HAND_PEOPLE = re.compile(
    r"^[\u4e00-\u9fff]{0,10}?(?:监测|巡查|巡护|护林|信息|联络|安全|网格)员的?(?:名单|名册)?(?:已经?|都|均|全部)*"
    r"(?:排|安排|确定|明确|落实)好?了?$"
)
# Who will do it, named after a done word ("已落实巡查责任人"): the work assigned, not done (see IN_HAND).
WHO_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,4}?(?:专人|责任人|负责人|(?:包案|包保|分管)领导)")
# Work reported in everyday words ("发你邮箱了", "周报见附件", "东西交了", "已全部清零", "还剩2个村", "在催"):
# read where the message names a notice by number or holds statements only (NOT_TOLD), so chat, questions and
# orders stay nothing.
COUNT = r"(?<![\d一二三四五六七八九十两几])[\d一二三四五六七八九十两几]+"  # from a run's start: linear in a long run
COUNT_AHEAD = re.compile(rf"\d+(?:\.\d+)?[^\S\n]*(?:[多余][^\S\n]*)?{UNIT_WORD}")  # "120 多 人"
MOBILISED = re.compile(r"(?:组织|出动|发动|动员)[^\S\n]*了?[^\S\n]*$")
EVERYDAY_DONE = re.compile(
    r"发(?:给)?(?:你|您)(?:的)?(?:邮箱|微信|qq|私信)?[了啦]|(?:拨|付)给[^,。;]{1,8}?了|(?<![a-z])sent(?![a-z])|发(?:到)?(?:你们?的?|您的?)?(?:邮箱|群文件)了"
    r"|(?:在|传到?|发到|放到|放在|放|发|上传到?)(?:群文件|网盘|云盘)|(?<![请])(?:详)?见附件"
    r"|(?:表|名单|清单|台账|明细|值班表)(?:附后|附在后面|如下)(?=[:]|$)"  # "509号收到，值班表附后：\n6月18日 张东…"
    r"|(?<!not)(?<!un)(?:attached|enclosed)(?![a-z])"  # "值班表 attached"
    r"|(?:东西|材料|表格?|报表|数据|报告|周报|月报|清单|台账|值班表|总结|方案|记录|名单|自评|自查)(?:已经?|都|也|昨天|今天|上午|下午|刚才|刚刚)?(?:交|报|传|发)(?:上去)?了"
    r"|(?:栽|种|植)(?:完|好)了|(?:栽|种|植)了[\d一二三四五六七八九十两百千]+多?(?:棵|株|亩)"  # "树都栽完了", "今天栽了800多棵"
    r"|清零(?!报告|工作|行动|冲刺|任务|目标|方案|攻坚)了?|结清了|(?:已经?|都|也|全部)[\u4e00-\u9fff]{0,2}?(?:化解|清零|结清|销号)了"
    r"|(?:清|改|修|拆|建|装|签|核|对|排|审|录|扫|铲|整治|整改)(?:完|好)[了啦]|(?:拨|发|送)下去了|(?:整治|整改|清理)到位"
    r"|已经?对[^,。;]{2,24}?(?:逐一|全面|拉网式)(?:排查|检查|核查|巡查|整治|清理)"  # "已对G345沿线31处隐患点逐一排查"
    r"|(?:清|挖|修|腾)出来了|(?:昨天|今天|前天|上午|下午|上周|上个?(?:礼拜|星期)|上(?:周|礼拜|星期)[一二三四五六日天]|已经?)就?"
    r"(?:报|查|检查|排查|核查|学|学习|传达)过了"  # "48号值班表昨天报过了", "上礼拜五就学过了"
    # a paper sent again, put right; a draft out; "我们昨天报的" (466号收到了吗？我们昨天报的)
    r"|(?:现|已经?)重新(?:发送|报送|上报|提交|发)|(?:初稿|草稿)已经?出|我们(?:昨天|前天|今天|上午|下午|已经)(?:就)?(?:报|交|发)的$"
    r"|(?:未|没有?)发生[\u4e00-\u9fff]{0,6}?(?:火灾|火情|事故|案件|险情)|无(?:火点|火情|火灾|险情|事故)(?![\u4e00-\u9fff])"
    r"|没有?(?:发现)?(?:火点|火情|险情)(?![\u4e00-\u9fff])"  # "这周巡了五次 没火点"
    # a zero told as the count ("今日全县零火情", "连续18天零火点"; a target kept is none: "确保零火情")
    r"|(?<!确保)(?<!力争)(?<!争取)(?<!实现)(?<!目标)(?<!保证)零(?:火点|火情|火灾|险情|事故)(?!目标|报告|制度|工作|创建|承诺)"
    r"|(?:没|未)有?(?:起火|着火|失火)(?![吗没])"  # "905号 今儿个 没起火 夜个 也没有"
    # work done on a day told, or checked done: "那个养殖棚今天上午拆了", "今天终于签了息诉罢访协议", "今天环保局来复查了"
    r"|(?:今天|昨天|前天|上午|下午|今早|昨晚|刚刚|刚才|终于)[^,。;]{0,4}?(?:拆|签|关停|封堵|查封|运走|清运|清走|复查|复核|验收)(?:掉|完|好)?了"
    r"|(?:捡|清理?|打扫|清扫|收拾)干净了|平安无事|(?:目前|总体|整体|假期|节日?期间|全[县镇乡村区]|[我本][镇乡局区]|辖区|本周|这周)(?:信访|治安|安全)?(?:总体)?(?:平稳|稳定)(?:有序)?(?![\u4e00-\u9fff])"
    r"|(?:值班|值守|巡查|巡逻|假期|节日?|全[县镇乡村区]|[我本][镇乡局区])(?:期间)?一切(?:正常|平稳|安好)"  # "清明值班一切正常"
    r"|(?:初稿|草稿|方案|报告)(?:已经?)?出来了"
    r"|(?:案子|案件|积案|信访件|信访案)(?:已经?|都|也|终于)?(?:了?结|办结|结案)了"  # "俺们那件案子结了"
    r"|把[^,。;]{1,12}?(?:送到|发到|拨到|交到|送达)[^,。;]{0,6}?了"  # "今天把最后一户的慰问品送到了"
    r"|(?:昨天|今天|前天|上午|下午|已经?)报(?:到|给)?[\u4e00-\u9fff]{1,6}?(?:局|委|办|中心)了"  # "名单 昨天报乡村振兴局了"
    r"|已经?(?:按照?|根据|依照|对照)[^,。;]{0,10}?要求[^,。;]{0,16}?(?:完成|办结|落实到位)"  # "已按158号要求对…完成汛后复核"
    r"|值班表[:]|(?:都|均|全部)?已经?排好(?!人)|抄送(?:给)?(?:你们|您|督查室)"  # "报给农办了，也抄送你们一份"
    r"|(?:发|送)到[\u4e00-\u9fff]{1,6}?(?:手里|手中|手上)了"  # "告家长书已经全部发到家长手里了"
    r"|(?:整理|准备|收集|汇总|统计)(?:好|完)了?(?![\u4e00-\u9fff])"  # "巡查记录已整理好"
    r"|(?:今天|昨天|前天|刚才|刚刚|上午|下午|早上|中午|晚上|昨晚|今早|今晚)(?:已经?|也|都)?(?:上?报|报送|提交|上交|交)(?:过去|上去)?了"  # "29号…今天报了"
    r"|(?:今天|昨天|前天|刚才|刚刚|上午|下午|早上|晚上|昨晚)才(?:上?报|报送|提交|上交|交)(?:过去|上去)(?![\u4e00-\u9fff])"  # "…今天才报上去"
    r"|(?:交|报|送|传)(?:到|给)(?!财务|会计|出纳|档案室|仓库|银行|税务)[\u4e00-\u9fff]{1,10}?了|(?:全部|均|都)(?:在岗|上岗)|(?:抢通|打通|疏通|修通|通车|印好|换掉|到账)了"  # "村道已经临时抢通了"
    # money or goods where they were due, a result found, a paper sealed: "慰问金今天下午全部发到户了",
    # "钱已经拨到各乡镇账户了", "管网今天全部通了热", "名单初步摸出来了", "整改报告盖好章了"
    r"|(?:拨|发|送|分|转)到[^,。;]{0,8}?(?:账户|账上|户|手里|手中)了|通了(?:热|水|电|气)|摸(?:出来|清|排完)了|盖(?:好|完)章?了"
    # "横幅已挂完", "燃气管道已经换了", "把339的材料弄完报了", "物资已经全部登记入库了"
    r"|已经?(?:全部|都)?(?:挂|贴|装|拆|清|改|修|换|铺|建|签|发|送)(?:完|好)(?:了|$)|已经(?:换|修|装|拆|挂|贴|封|关)了"
    r"|(?:弄|做|写|填|改)完(?:了|(?:报|交|发)(?:上去|过去)?了)|入库了"
    r"|已经?于[^,。;]{1,12}?补(?:报|交|齐|上)(?![\u4e00-\u9fff])"  # "上次延期报的那部分，已于6月18日补报"
    r"|已经?补齐"  # "九三四号 考核 材料 已 补齐 报送"
    # steady duty told: "值班正常", "今天镇里值班正常 无突发", "咱这边天天有人盯着", "922：本周稳", "都稳定"
    r"|(?:值班|值守|巡查|巡逻)(?:一切)?(?:正常|平稳)(?![\u4e00-\u9fff]{0,2}[吗么])(?!开展|运行|进行)|无突发(?:情况|事件)?(?![\u4e00-\u9fff]{0,2}[吗么])"
    r"|(?:天天|每天|日夜|24小时|都)有人(?:盯着?|守着?|值守|看着?)|(?:本周|这周|目前|都)稳(?:定)?(?![\u4e00-\u9fff吗么])"
    r"|(?<![有])没(?:啥|什么)事儿?(?![\u4e00-\u9fff吗么])"
    # things put up or set: "检查站牌子也挂上了", "在各个山口设了卡", "村道结冰 已撒沙"
    r"|(?:挂|贴|装|立|竖)上(?:去)?了|设了(?:[\d一二三四五六七八九十两]+(?:个|处|道))?(?:卡|卡点|劝导站|检查站|值守点)"
    r"|在[^,。;]{1,8}?设了$"  # (spoken, what a space after: "在 各个 山口 设了 卡")
    r"|已经?撒(?:了)?(?:盐|沙|融雪剂|防滑料)|撒了$"  # (spoken, the amount a space after: "主干道 撒了 2吨 盐")
    # papers signed and gathered: "819的禁烧责任书各村都签了 今天收上来啦"
    r"|(?:都|全部|均)(?:已经?)?签(?:了|完了?|订了)|收上来[了啦]"
    # … a paper of pledges signed, told by the paper: "614号的责任书已签完上报" (not "责任书还没签完", "签完再报")
    # (or an agreement signed, spoken: "116 号 那个 当事人 回来 了 协议 签 了"; not "协议签了再报", "协议还没签")
    r"|(?:责任书|承诺书|协议书?|合同)[^,。;]{0,8}?(?<![没未不])(?:已经?)?签(?:完|好|订完)(?:了|上报|报送|报了)"
    r"|(?:协议书?|合同)(?:已经?|也|都)?签(?:订|署)?了(?![^,。;]{0,2}?(?:再|才))"
    # a paper sent on a day ("841号已于9月12日报出", "…文件已于1月6日印发"), reported issue after issue ("已连续报送25期")
    r"|已经?(?:于[^,。;]{1,12}?)?(?:报出|印发)(?![\u4e00-\u9fff])|已?连续(?:报送|上报)[\d一二三四五六七八九十]+(?:期|天|次)"
    # a paper ticked off after the notice's number: "908 周报√"
    r"|(?:周报|月报|日报|报表|表|材料|总结|方案|名单)(?:√|✓)"
    # what was cleared, with 把: "我们和交警一起把一小、二小…门口的摊点都清了"
    r"|把[^,。;]{1,30}?(?:都|全部|全)?(?:清|拆|撤|清理|拆除|取缔)(?:掉|完|走)?了"
    # sent up on a day, with 啦: "830的资料今天交上去啦"
    r"|(?:今天|昨天|前天|刚才|上午|下午)(?:已经?|也|都)?(?:上?报|交|提交)上去啦"
    # all of the things checked: "31个隐患点全部巡查完"
    r"|(?:全部|都)(?:巡查|排查|检查|核查|走访|复核)(?:完|完毕|到位)"
    # a sum at hand told: "县级欠薪应急周转金余额150万元"
    r"|(?:余额|结余)[\d.]+[万亿]?元"
)
# Nothing found, in everyday words (a negation before them is the report itself): "交办积案 为零", "没有 在建工地 不涉及".
EVERYDAY_NONE = re.compile(
    r"(?:交办|涉及)?[\u4e00-\u9fff]{0,4}为零|不涉及|未涉及|无需整改|不需要整改"
    r"|(?:没有?|未)发现[\u4e00-\u9fff]{0,4}?(?:冒领|问题|隐患|火点|违规|违法|异常|险情|案件|烧的|拖欠|欠薪)"  # "已核对 没有发现冒领"
    r"|一[根处个户家起块亩堆](?:都|也)?(?:没|未)有?(?:烧|焚烧|着火|起火|冒烟|出事|发生)"  # "地里一根没烧": not one
    r"|(?:我们?|本)(?:乡|镇|局|委|街道|单位)?没有(?:这个|这类|此类|相关|该)(?:项目|情况|问题|企业)"  # "收到，但是我们乡没有这个项目"
    # no one in the place doing what the notice is about: "我们乡没有卖炮的", "本村没有烧秸秆的" (not "没有报的")
    r"|(?:我们?|本)(?:乡|镇|村|街道|社区|这边|这里)(?:没有|无)(?![收报交发看回弄做办])[\u4e00-\u9fff]{1,4}的$"
    r"|(?:我|本)(?:乡|镇|局|委|街道|单位)无[\u4e00-\u9fff]{0,3}件(?![\u4e00-\u9fff])|本(?:月|周|季度)无[\u4e00-\u9fff]{0,4}件(?![\u4e00-\u9fff])"  # "我镇无承办件", "本月无信访件"
    # none in the period, the unit saying so of the notice's matter named before: "732的工单 俺们乡这个月木有", "信访的件
    # 我们乡这期没有", "本月我局未接到转办的12345工单"
    r"|(?:我们?|本)(?:乡|镇|局|委|街道|单位|村|社区)?(?:这个?|本)(?:月|周|期|季度?)(?:都|也|暂|还)?(?:没有|无)$"
    r"|(?:本|这个?)(?:月|周|期|季度)(?:我们?|我|本)(?:乡|镇|局|委|街道|单位)?(?:未|没有?)(?:接到|受理|发生)[^,。;]{0,12}?(?:工单|件)(?![\u4e00-\u9fff])"
    # no burning found, nothing went wrong: "暂未发现焚烧", "这礼拜没有发现点火的", "放假这几天没有出啥事"
    r"|(?:没有?|未)发现[\u4e00-\u9fff]{0,3}?(?:焚烧|点火|烧|起火|着火|冒烟|燃放|放炮|偷排|乱倒|乱堆)[\u4e00-\u9fff]{0,3}?(?:的|现象|行为|情况)?(?![\u4e00-\u9fff])"
    r"|(?:没有?|未)出(?:啥|什么|任何)?(?:事|事情|事故|状况|岔子|乱子)儿?(?![\u4e00-\u9fff])"
)
# What is in the attachment or the group's files is the notice or its template, not a report: "12号通知见附件";
# a goal set is no result: "12号的目标是全部清零".
TITLE_AFTER = re.compile(r"^[^,。;]{0,8}?的?(?:通知|文件|督办单)")  # "收到4号欠薪清零冲刺的通知"
NOT_A_REPORT = re.compile(
    r"(?:通知|文件|模板|样表|督办单|原文|要求)的?$|(?:目标|任务|要求|标准)(?:是|为)[^,。;已]{0,6}$|目标[^,。;已]{0,6}$"
)
EVERYDAY_PROGRESS = re.compile(
    rf"(?:(?:还|只|就)(?:剩|差)下?(?:那)?|剩(?:下|余)的?){COUNT}(?!{COUNT}|个?(?:天|日|周|星期|礼拜|月|小时|分钟))"
    r"|(?:今天|昨天|前天|上午|下午|这周|本周)又(?:去|上门|跑)(?:[他她]们?家里?|当事人家里?)?了"  # "那个案子俺们夜儿个又去了": the work goes on
    # … sat a while at the home visited: "那个老上访户周姐昨天又去家里坐了坐，情绪还行"
    r"|(?:今天|昨天|前天|上午|下午|这周|本周)又(?:去|到)(?:[他她]们?|当事人)?家里?(?:坐了坐|看了看|聊了聊|坐了一会儿?)"
    # the way of working changed: "养护工人已调整为早晚作业" (not "联络员已调整为杜建民": a person)
    r"|已经?(?:全部|统一)?调整为[\u4e00-\u9fff]{0,6}?(?:作业|施工|上班|值班|值守|巡查|巡逻|开放|营业|上课)"
    # the paper being signed or sealed: "31号的考核材料在302会议室盖章"
    r"|(?:材料|报告|表格?|台账|方案|清单|总结)(?:正|还)?在[^,。;]{0,8}?(?:盖章|签章|签字|签批|审签)"
    # … or its leader has signed it off: "875号月报已经分管领导审定" (not "已报分管领导审定后…": sent up for it)
    r"|已经?(?:由|经)?(?:分管|主要|主管)?(?:领导|负责人)(?:审定|审核|审阅|签批|审签|签字|签发)"
    r"|(?:^|正|还|仍|也|都|今天|我们)在(?:催|谈|盯|守(?![法规纪信约则])|跑)|(?:天天|每天|一直)都?在(?:喊|广播|宣传|巡|查|催|记)"  # "堤上人都在守着", "巡库日志每天都在记"
    # concrete work under way ("63号回头看还在自查", "燃气安全那个正在排查"); 正在落实 / 正在办 are in hand only
    r"|(?:正|还|仍|都)在(?:自查|排查|核查|摸排?(?!索|鱼)|巡查|整改|宣传|清理|清运|施工|收割|抢修|抢通|抢险|拆除|修复|走访|入户"
    r"|核数|核对|核(?![心定算准])|汇总|统计|整理|完善|补|改(?![天日期])|填|弄|写|录(?!像|音|取)|查(?!询|看|一下|不到|到))(?!范围|名单|对象|清单|之列)"
    rf"|还有[\d一二三四五六七八九十两]+{UNIT_WORD}[\u4e00-\u9fff]{{0,4}}?(?:没|未)"  # "93号还有1条没整改": work left
    rf"|{COUNT}{UNIT_WORD}(?:已经?)?(?:开工|完工|签约|建成|验收)了"
    rf"|(?![期迟误载看读阅听习])[\u4e00-\u9fff]了{COUNT}(?:遍|轮|批|次|回|趟|笔|圈|场){UNIT_WORD}?"  # not "延期了一次", "重新下载了一遍"
    # a share of the work done: "底册整理了一半多", "资料已经整理了一大半了"
    r"|(?:整理|录入?|填|收|弄|做|完成|排查|走访|清理|收割|种|播|拆|改|发放?|兑付|拨付|统计|核实|核查|摸排|汇总)了(?:一大半|一半多?|大半|大部分|多半|[一二三四五六七八九]成|[二三四五六七八九十]分之[一二三四五六七八九])"
    r"|已经?对接|(?<=[号期])还没(?:弄|做|改|整理|填|搞|写|录)完"  # "52号还没弄完，53号收到" (alone: a plea, or an answer)
    r"|已经?(?:派|安排)了?(?:人|专人|工作人员|同志|技术人员)(?:去|到|赴)[^,。;]{0,8}?(?:核查|核实|查看|排查|检查|处理|调查|测量|处置)"  # "已经派人去现场核查了"
    r"|已经?(?:会同|联合|协同)[\u4e00-\u9fff]{1,10}?(?:制定|印发|出台|开展|组织)"  # "已会同住建局制定…方案"
    rf"|(?:新增|查出|查处|发现)[\u4e00-\u9fff]{{0,8}}?{COUNT}(?:\.\d+)?{UNIT_WORD}"  # "本月新增防火隔离带2.4公里"
    rf"|(?:清|修|挖|铺|种|播|拆|建|改|栽|收|排查|走访|巡查)了{COUNT}(?:\.\d+)?[余多来]?(?:公里|米|亩|吨|方|户|处|座|棵|株|家)"  # "这周清了3.2公里", "清了800来米"
    r"|(?:拨|拨付|兑付|下拨)了[\d.]+[万亿]"  # money paid out, by its sum: "今天拨了520万"
    # the work being done, said short after its notice or ending the clause: "346在改", "名录库在核", "秸秆在打捆",
    # "泵车在抽"
    # (not "现在改", "实在改不了", "正在改" being read above)
    r"|(?:(?<=[号期])|(?<![现实存所正还仍都好自])(?<=[\u4e00-\u9fff]))在(?:改|排|核|弄|做|办|写|填|整|修|审|赶|搞|补|抽(?:水|排)?|打捆|翻耕|播种|收割)"
    r"(?:着|呢|了)?$|^在(?:改|排|核|弄|做|办|写|填|整|修|审|赶|搞|补)(?:着|呢|了)?$"
    # … or at length: "我局正在对反馈涉及的12宗地块逐一核查"; "巡查正常开展"; "花生基本收完"
    r"|(?:正|还|仍)在对[^,。;]{2,24}?(?:逐一|全面|逐户|逐项|逐件|逐个|拉网式)(?:排查|检查|核查|巡查|整治|清理|核实|摸排)"
    r"|(?:巡查|检查|排查|巡逻|值守|值班|宣传|工作|施工|整治)[\u4e00-\u9fff]{0,2}?(?:正常|有序|顺利)(?:开展|进行|推进)"
    r"|基本上?(?:收|弄|做|干|搞|查|改|清|拆|种|修|整|排|办|割|运)完"
    # counted done of those owed: "23个项目里有21个了", "46家已全部签订…"
    rf"|{COUNT}个[\u4e00-\u9fff]{{0,4}}?里(?:面)?(?:已经?)?有{COUNT}个"
    rf"|{COUNT}{UNIT_WORD}已经?(?:全部|均|都)(?:签订|签约|完成|到位|整改)"
    # counted work in everyday words: "共慰问42户", "清运垃圾38车", "主干道撒了2吨盐"
    rf"|(?:慰问|走访)了?{COUNT}{UNIT_WORD}|(?:清运|运走|拉走)[\u4e00-\u9fff]{{0,3}}?{COUNT}车"
    rf"|撒了{COUNT}(?:\.\d+)?(?:吨|袋|车|斤)"
    # people sent away, again and again: "镇上大集有卖炮的 撵走了又回来"
    r"|(?:撵|赶|劝)(?:走|离)了"
)
# Any work told in everyday words.
EVERYDAY = re.compile(f"{EVERYDAY_DONE.pattern}|{EVERYDAY_PROGRESS.pattern}")
LEADING_NUMBER = re.compile(r"^第?\d{1,3}[号期]")
# Facts under a notice's number (HEADING): "148号：森林防火期间共设卡点97个，巡护人员350人" (see _facts_under_heading).
FACTS = re.compile(
    rf"{COUNT}(?:\.\d+)?{UNIT_WORD}|已经?(?:全部|全面|均|基本)?[\u4e00-\u9fff]{{1,4}}(?:[,，。;；]|$)"
)
# … or under a heading that names itself a report ("607号补充报告：…电网运行平稳"): what follows is what it reports.
REPORT_NAMED = re.compile(r"(?:报告|汇报):$")
# (a figure estimated is a statistic told: "GDP增速预计5.8%"; "预计3天完成" is a plan)
NOT_FACTS = re.compile(
    r"[?？吗呢]|请|要求|务必|是否|能否|可否|如果|计划|预计(?!\d+(?:\.\d+)?%)|将于|拟|准备|打算|明天|下周"
)
# A complaint of the burden, or the past compared (see summarise) …
BURDEN = re.compile(
    r"太多了?|太频繁|折腾|^光|(?:去年|往年|前年|以前|以往|上次|上回|每次)[^,。;]{0,6}?(?:也|都)是?这样"
    r"|(?:报|交|填)了(?:[一二三四五六七八九两][二三四五六七八九十]|十几|几十|好几)个表"  # about so many: "报了七八个表了"
)
# … and the work counted by how many times it was done over ("报了四次", "改了三遍", "已经报了七八个表了").
# The office's haste complained of: "546号说要报的东西太多了，三天时间根本弄不完，每次都这么急".
HASTE_COMPLAINED = re.compile(r"(?:每次|回回|每回|总是|老是)都?(?:这么|这样|那么)(?:急|赶|催)")
TIMES_OVER = re.compile(
    r"(?:报|交|填|改|弄|做|写)了[\d一二三四五六七八九十两几]+(?:次|遍|回|轮)|(?:报|交|填)了[一二三四五六七八九十两几]{2,}个表"
)
# Facts told with no number and no word the other rules read ("村里6个大塘都拉了铁丝网，立了牌子", "转了31户89人，
# 今早6点都没事了"): counts of work and results reached, two or more of them, in a message of statements only.
FACT_COUNT = re.compile(
    # (一起 before a verb is "together": "台账我们也一起更新"; "一起事故" is counted)
    rf"(?<![第分\d一二三四五六七八九十两百千万.])(?!一起(?![\u4e00-\u9fff]{{0,4}}?(?:事故|案件?|事件|火灾|火情|纠纷|险情)))(?:\d+(?:\.\d+)?[百千万亿]?|[一二三四五六七八九十两][一二三四五六七八九十两百千万]*)[余多]?(?:{UNIT_WORD[3:-1]}|毫米|间|辆|台|吨|例|人次|万元|亿元|元|块|支|批次|批|车|次|名|%|(?<=[\d万])头)"  # "免疫生猪4.2万头"
    r"(?![多余]?(?:小时|钟头|分钟|月|星期|礼拜))"  # a while, not a count of work: "晚点了两个多小时"
)
FACT_STATE = re.compile(
    r"(?:都|均|全部|全|已经?|也)(?!经)(?![看读阅听知]|回复|回过)[\u4e00-\u9fff]{1,4}?了"  # "214已经回过了": the reply, no work
    r"|(?<![不没别])(?<![不没别][\u4e00-\u9fff])(?![一二三四五六七八九十两几]回)[\u4e00-\u9fff](?:完|好|掉|走|通|齐|回|退)了"  # not "我们就不重复回了"
    # (nor how many times: "又是自查 今年第三回了")
    r"|没事了?|(?:查|看)[\u4e00-\u9fff]{0,3}没有?(?:发现)?问题|(?:未|没有?)发生|顺利结束"
    r"|无[\u4e00-\u9fff]{0,6}?(?:事件|事故|案件|险情|火情|伤亡)"  # "全县无溺水事件"
    r"|(?:没有?|未)(?:造成)?(?:人员)?(?:伤亡|伤人|受伤)"  # "没人住 没伤人": no one hurt
    # the damage a disaster did, counted: "倒塌房屋3户、严重受损11户" (a count alone may be the notice's scope)
    r"|(?:倒塌|坍塌|垮塌|倒损|受损|损毁|冲毁|冲垮|被淹|进水)[\u4e00-\u9fff]{0,4}?"
    rf"(?={COUNT}[余多]?(?:{UNIT_WORD[3:-1]}|间|辆))"
    r"|(?<![\d.])0(?:件|起|例|人|户|处|个|次)(?![\d.])"  # a count of none: "来访登记0件"
    r"|(?<![确要])(?:能够?|可以|足以|完全)满足[\u4e00-\u9fff]{0,6}?需(?:求|要)"  # stocks counted: "…860吨，能满足全县需求"
    r"|[\u4e00-\u9fff]了(?=[\d一二三四五六七八九十两百千万]+[余多]?(?:个|户|处|家|人|名|份|亩|座|所|间|辆|吨))"  # "回收了1026份"
    # a level or stock measured changed: "水库 今天 放水 降了 半米 水位" (a clause break of spaced speech between)
    r"|(?:降|下降|降低|回落|上涨|涨|减少)了[。,]?(?=[\d一二三四五六七八九十两半]+[\d.]*[余多]?(?:米|厘米|公分|毫米|吨|方|个百分点|%))"
)
FACT_REACHED = re.compile(
    r"(?<![元款钱金费])已经?(?:于[^,。;]{1,12}?)?(?:全部|均)?[\u4e00-\u9fff]{2}"
    r"|(?<=[元款钱金费])已经?(?:于[^,。;]{1,12}?)?(?:全部|均)?(?!到账|到位|收到)[\u4e00-\u9fff]{2}"
)  # "已治愈", "已预泄": a fact only beside another; money that came in ("860万元已到账") is no work done
# A day's work to come, told with nothing done yet: "包案领导8月26日集中接访" (not "8月3日集中销毁了").
DATED_PLAN = re.compile(
    r"\d{1,2}月\d{1,2}[日号](?:上午|下午|晚上)?(?:起|开始)?(?:集中|统一|召开|开展|组织|举行|进行)(?![^,。;]*[了过])"
)
# A plan, unless something is reached already; also what the unit says it will finish within a time ("公交站台那8处
# 这周内能改完": a promise, not "已改完").
PLANNED = re.compile(
    r"计划|预计|将于|拟|准备|打算|明天|下周|(?:这|本|今)(?:周|月|天)内|" + DATED_PLAN.pattern
)
# … or work done and counted told before it, its verb then what it was done to and how much ("拆除 残垣断壁 14处 清理 垃圾
# 36车 还有 3个村 没弄完 下周接着弄"): only a verb of work done in the field, so a scope ("涉及13个村") or a plan
# ("计划清理36车") stays out.
WORK_COUNTED = re.compile(
    r"(?<![要将拟需未没再])(?:拆除|拆|清理|清运|清|排查|巡查|整治|整改|处置|发放|走访|入户|收缴|查处|转移|安置|救助|慰问|封堵|关停|取缔|种|栽|修)了?"
    r"[\u4e00-\u9fff]{0,6}?约?[\d一二三四五六七八九十两百千万.]+[余多]?(?:处|车|户|家|人|名|亩|起|件|条|座|栋|吨|方|棵|株|公里|米|个)"
)
SPOKEN_GAPS = re.compile(r"[。,]")  # the clauses of speech spaced word by word, joined again
# A receipt opening the message does not keep what follows from being read ("收到，表已经发你了"), nor do the office's
# comments on the unit's paper received ("收到修改意见，正在改": no receipt of a notice, the work goes on).
NOT_TOLD_RECEIPT = re.compile(r"^(?:收到)+(?:(?:修改|审核|审查|反馈)意见)?[了啦]?(?:[,，。!！]|\s+)")
NOT_TOLD_WORDS = (
    r"[?？吗呢]|(?<!申)请|(?<!按)要求|务必|是否|能否|可否"  # (申请 is the unit's own step: "已申请采购")
    + r"|(?<![a-z])not(?!e|hing)|n't"  # English denied: "863 5件建议提案 not replied yet"
    + r"|(?<![比例譬诸一不假])如(?![期下实今何此数约同图意])"  # a condition: "如果…", "如870号…仍未到位，…将另行报告"
    + r"|(?<![主需只重])要是|假如|万一|倘若|一旦|的话"  # a condition ("134号要是再下雨…"; not 主要是)
    + r"|注意|严禁|禁止|不得|各村|各位|你们|通知|会议|开会|辛苦|谢谢|感谢|忙不过来|太紧|太短|太急|下载|打开|\d人负责|专人负责|一定|保证|前面|上面|上上?一?期|上一?个|是不是|有没有|对不对|反映"
    + f"|{RECEIPT_WORD}"  # (not inside another word: "回收到的清查表还在录入")
)
# The reader asked to check what was sent ("表发您邮箱了，您看看格式对不对"): no question that keeps the work from being read.
CHECK_ASKED = re.compile(
    r"(?:您|你|你们|麻烦|请)(?:再|帮忙)?(?:看看|看下|看一下)[^,。;?]{0,6}?(?:对不对|行不行|可不可以|合不合适|有没有问题)[?]?"
)
# Bare counts are no report beside a delay's words ("第一周我们延期了一次"); work in everyday words is, when the delay
# was an earlier one ("之前延期的那部分也已经传群文件了": a delay asked for now stops it, see read_clauses).
NOT_TOLD = re.compile(NOT_TOLD_WORDS + r"|延期|推迟|延后")
NOT_TOLD_EVERYDAY = re.compile(NOT_TOLD_WORDS)
# How far the work falls short, told as why it is late: "还有2个村没完成", "回收率只有61%"
SHORT_OF = re.compile(
    rf"只有|还有[^,。;]{{0,12}}?(?:没|未)|还有{COUNT}{UNIT_WORD}|还差|尚未|(?:没|未)(?:完成|[\u4e00-\u9fff]完)"
    r"|才(?:弄|做|完成|搞|整理|干|查|改|录)了?(?:一半|一小半|[一二三四]成)"  # "村里三资清查才弄了一半" beside a delay
)  # "排查还有27处隐患点在深山里": what is left
# Where the work is stuck, beside a delay: "975 整改 第2项 卡住了 月底 完不了" (why it is late, nothing reported).
STUCK = re.compile(r"卡住了?$|卡壳了?$")
PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?)%|百分之([零〇一二两三四五六七八九十百]+)")
PERCENT_CONTEXT = re.compile(
    r"完成|进度|推进|落实|整改|更新到|做到|弄到|占[\u4e00-\u9fff]{0,4}?(?:任务|工程|计划)|[\u4e00-\u9fff]{1,2}率"  # 参训率98%
    r"|(?:装|做|弄|修|改|建|收|种|查|走访|发放?)了(?=\d)"  # "城关片区装了73%"
    r"|已经?(?:收|种|播|收割|清|拆|签|改|录|发放?)(?=\d)"  # "全乡玉米已收95%"
)
# A report header: the content decides done or progress, progress when it does not say.
REPORT = re.compile(
    r"落实情况|进展情况|办理情况|整改情况|推进情况|完成情况|工作进展|进展如下|反馈如下|报告如下|汇报如下"
    r"|情况如下|情况的?汇报|情况的?报告|现将.{0,20}?(?:反馈|报告|汇报)|特此(?:反馈|报告|汇报)|进展[:：]|进度[:：]"
    r"|(?:工作|治理|整治|推进|落实|检查|值班|值守)情况(?:\([^()]{0,20}\))?(?:[:：]|$)|合并报送|重新报送"
    r"|^汇报一下.{0,16}?(?:情况|进展|进度)|关于.{0,20}?的反馈$"
    # a header cut from its colon ("…储备的反馈："), or a finding's lead ("经核实，该企业已停产")
    r"|^(?:第?\d{1,3}号)?经(?:全面|认真|逐一|逐户|仔细)?(?:核实|核查|排查|调查|查实|自查|摸排|检查)$"
)
ASKS_FOR_REPORT = re.compile(r"(?<!已)(?<!已经)(?:报送|上报|反馈|提交|报)$")  # "并于1日前报送落实情况"
# Words showing the work is only partly done, even when 已完成 also appears.
PARTIAL = re.compile(
    rf"{UNDER_WAY}|一半|大半|多半|过半|大部分|个别|(?<!全)部分|基本|初步|阶段|摸底|前期|还剩|剩余|剩下|尚未全部|未全部|推进中|进行中"
    r"|初稿|[一二三四五六七八九两]成(?!果|效|绩|立|为|员|本)|第[一二三四五六七八九十\d]+[项件]"
    r"|(?:明天|明日|后天|下周)(?:起|开始)"  # "已全部建立排查清单，明天起逐家检查": the work goes on
)

# ---- delay ----------------------------------------------------------------------------------

# The paper that asks for time: sending it in ("已提交延期申请") is a delay, not a report on the work.
DELAY_PAPER = re.compile(r"(?:延期|延迟|推迟|宽限|顺延|延长时限)的?(?:申请|说明|报告|函|请示)")

DELAY_WORD = re.compile(
    r"申请延期|延期|延后|延迟|推迟|顺延|延缓|缓办|宽限|往后推|往后(?:放放|放一放|挪挪|挪一挪|拖拖|拖一拖)|推后|(?:得|要|需要|只能|想)缓(?:缓|一缓|几天)"
    r"|(?:时限|期限|截止时间|截止日期|(?:报送|上报|提交|完成|办结|反馈)时间)(?:调整|延长|放宽|顺延)(?:至|到)|延误|耽误|拖后|拖个?(?:几|[一两二三]{1,2})天|推推"
    r"|(?<![车机铁班巴船])晚(?:几天|几日|[一两二三四五]{1,2}[天日]|一周|点|一点|一些|些)(?!看|[细再]看|回复?|说|聊|联系|了?[两一二三几\d]+个?多?(?:小时|分钟))|delay|postpone|need\d*more(?:time|days?)|stillneed\d+days?"  # "晚点看": reading later
    # the same in English, words glued once spaces go: "要 late 一点", "will be late 2 days" (not "chocolate")
    r"|(?:(?<![a-z])|(?<=be))late(?:一点|一些|点|些|几天|[一两二三]天|alittle|abit|\d*days?)(?![a-z])"
    # … time asked up to a later day: "need till next Tue pls" (not "don't need till", "no need till")
    r"|(?<!dont)(?<!don't)(?<!don’t)(?<!donot)(?<!no)need(?:time|\d*days?)?(?:till|until)(?:next|tomorrow|mon|tue|wed|thu|fri|endof|周[一二三四五六日]|下周|明天|后天|1?\d/[1-3]?\d(?![\d/]))"  # "need till 周三", "need till 8/15"
    r"|延长(?:时限|期限|时间)|(?:推|延|顺延|(?<![延舒减平迟放])缓)(?:到|至)|(?:请求|申请|恳请|希望|需要)延长"
    r"|晚半天|晚个?(?:几|[一两二三四五]{1,2}|\d{1,2})天|晚(?:一|两|半)?(?:周|个?星期|个?礼拜)|往后延|(?:延|推)(?:一|两|半)(?:周|个?星期|个?礼拜)"  # "我们得晚个两三天", "需要晚3天左右"
    r"|(?:再|(?<=麻烦)|(?<=请))给(?:我们|我局|我镇|我乡)?(?:几|[一两二三四五])天(?:时间)?|(?<![顺])延(?:几|[一两二三四五]|\d{1,2})天|往后挪|挪(?:一|两|半)(?:周|个?星期)|给延(?:几|[一两二三四五])天"
    r"|(?<![延舒减平迟放])缓(?:一缓|个?(?:几|[一两二三四五]|\d{1,2})天|(?:一|两|半)(?:周|个?星期|个?礼拜))|请允许(?:我们|我局|我单位|我镇|我乡)?[^,。;]{0,10}?(?:报送|提交|上报|完成|报|交)"
    r"|(?:再|往后)推(?:几|[一两二三四五])天"  # "想再推两天交"
    r"|(?<![顺蔓绵])延一下"  # "648号麻烦给延一下"
    r"|(?<![车机铁班巴船])晚[一两二三四五六七](?:至|到|~|-)[二三四五六七八十](?:个工作)?[天日]"  # "恐需晚三至五日报送": a range of days
    r"|(?<=willbe)late$|(?<=\d)willbelate"  # "Sorry 449 will be late": the report owed, late
    r"|(?:需要?|拟|要|想)延(?=$|[\d一两二三四五几])"  # terse: "670 复核 未完 需延 3天"
    r"|(?:明天|后天|下周|过两天|过几天)(?:一早|上午|下午)?(?:一定|再|马上|尽快|一并|一起)?(?:补上|补交|补报|补齐)"  # "报表逾期了，明天一定补上"
)
TIMELY = r"(?:按时|按期|如期|准时|及时|在规定时间内|在规定时限内|在时限内|在时限前|在[^,。;]{1,8}?(?:前|以前|之前))"  # "无法在4月底前完成"
UNABLE = re.compile(
    rf"(?:无法|不能|未能|没能|没法|没办法|难以|不可能|恐难|很难){TIMELY}(?:完成|办结|完结|上报|报送|到位|提交|反馈|落实|完工|交|出)"
    r"|(?:节点|时限|时间)[^,。;]{0,8}?达不到"  # "这个节点我们肯定达不到了"
    r"|(?:无法|不能|未能|没能|没法|难以|不可能|恐难)(?:完成|办结|完结|完工|整改到位)"
    r"|恐难|(?<![^恐]怕)(?<!^怕)(?<!担心)来不及|顾不上|(?:报送|上报|提交|办结)不了|腾不出(?:手|时间|人手?)|抽不出(?:人手?|时间)|(?:进度|工期)跟不上|赶不上|赶不及|赶不完|赶不出来?|(?:整|弄|搞|做)不出来|完不成|完不了|做不完|办不完|弄不完|搞不完|干不完|整不完|完成不了|办不了|做不了|交不了|报不了|整改不了|落实不了|报不上来?|交不上来?|弄不了|出不来|出不了|给不了"
    r"|(?:完成|办结|按时|按期).{0,4}?(?:有困难|有难度|困难较大|难度较大|难度很大)"
    r"|(?:按时|按期|如期)(?:完成|办结|完工|上报|报送)的?(?:可能性?|希望|把握)(?:不大|很小|较小|不足|没有|不多)"
    r"|(?:按时|按期|如期)(?:完成|办结|完工|上报|报送).{0,4}?(?:不可能|不现实|难以实现|没戏)"
    r"|(?:交|报|收|凑|弄|备)不齐|报不全"
)
LATER_DAY = (
    r"(?:明天|明早|后天|下下?周[一二三四五六日]?|下个?(?:星期|礼拜)|下个?月|周[一二三四五六日]|月底|过几天|过两天|改天|(?:\d{1,2}月)?\d{1,2}[号日]|\d{1,2}月(?:份|底|中旬|下旬)?(?![\d号日])"
    r"|初[一二三四五六七八九十]|年后|节后|过完年|元宵节?后"
    # a holiday named, its days after: "能不能到五一后再报", "国庆节以后才能交"
    r"|(?:五一|十一|国庆|端午|中秋|清明|元旦)(?:节|假期?)?(?=以后|之后|后|过后)"
    # the lunar new year's days and the month's parts: "估计得到正月十五以后了", "3月初才能报"
    r"|正月(?:初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十|底)|\d{1,2}月(?:初|上旬))"
)
# … the day itself said after the holiday named, in Chinese numerals too: "恐需节后五月八日报送", "节后8号".
LATER_DAY_THEN = (
    rf"(?:(?<=[节年]后)(?:{LATER_DAY}|[一二三四五六七八九十]{{1,2}}月[一二三四五六七八九十]{{1,3}}[日号]"
    r"|第一个工作日|第一天|上班(?:第一天|后)?))?"
)
# Asked to hand in on the first day after a holiday (the deadline falls in it): "能不能按节后第一个工作日报？".
AFTER_HOLIDAY_ASKED = re.compile(
    r"(?:能不能|能否|可否|可不可以|是否可以|可以)(?:按|等到?|放到|推到|挪到|延到|在)?(?:节后|假期后|假后|收假后|年后)"
    r"(?:第一个工作日|第一天|上班(?:第一天|后)?)(?:再)?(?:报送|上报|提交|报|交)?(?:[?]|吗|么|呢)*$"
)
# A later day to hand in, with understanding asked for: "我们周一交，望理解".
LATER_HANDIN = re.compile(
    rf"{LATER_DAY}(?:上午|下午|早上)?前?(?:再|才|统一|一定){{0,2}}(?:交|报|提交|报送|上报|补|完成|办结)"  # "想下周一再统一报"
    # ("…需待省里批复后方能办结，拟8月底前完成，恳请予以支持")
)
UNDERSTANDING = re.compile(
    r"^(?:还|敬)?(?:望|请|恳请|谢谢|感谢)(?:督查室|领导|各位领导)?(?:谅解|理解|见谅)|^(?:恳请|敬请|请)予以?(?:支持|理解|批准)"
)
SUBMITTED_ONLY = re.compile(r"^(?:再|才)?(?:报|交|上报|提交|报送)了?$")
# … said at the end of the same run of speech: "126号 我们 周一 交 … 望理解".
UNDERSTOOD_AT_END = re.compile(r"(?:望|请|恳请)(?:督查室|领导|各位领导)?(?:谅解|理解|见谅)$")
# Likely only by a later day: "村里还没报齐 可能要到周五了".
# … or feared to need a later day to hand in (恐 marks it unwelcome): "系统今天登不上，恐需明天报送".
LATER_LIKELY = re.compile(
    rf"(?:可能|估计|怕是|恐怕)(?:要|得)?(?:到|等到|拖到){LATER_DAY}|(?:可能|估计|怕是|恐怕)(?:要|得){LATER_DAY}(?:之后|以后)?(?:了|$)"
    rf"|恐怕?需要?(?:到|等到)?{LATER_DAY}{LATER_DAY_THEN}(?:上午|下午)?(?:才能?|再)?(?:报送|上报|提交|完成|报|交)"
    # … or said to take that long, a clause of its own: "还有2个村没验收完 得到下周三" (not "得到下周三的批复")
    rf"|^(?:还|怕|恐怕)?得(?:等|拖)?到{LATER_DAY}(?:了|才行)?$"
)
# Asking for more time, even as a question: "能不能宽限两天？", "明天上午报可以吗？".
ASK_TIME = re.compile(
    # a later day asked in English: "can we submit by next Wed?" (not "can we submit it now?")
    r"can(?:we|i)(?:submit|send|report|handin|file)(?:it|this|that)?(?:in)?(?:by|on|until|till|before)?"
    r"(?:next|tomorrow|mon|tue|wed|thu|fri|endof)|"
    # also asked first as 行不行, or the dialect's 中不中: "中不中给缓到下礼拜一"
    # (the time named as what is eased: "能不能把时间放宽一点？")
    r"(?:能不能|能否|可否|可不可以|是否可以|可以|(?<!可)能|行不行|中不中|成不成)(?:也|再|在|申请|多|往后|适当|给|把(?:时间|时限|期限))*(?:宽限|延期|推迟|延后|晚(?:几天|[一两二三]天|[一两]周|一个?(?:星期|礼拜)|点)|缓|延长|放宽|挪"
    r"|(?:改|调整|调|放|延)(?:到|至|成|为)"
    r"|顺延|往后推|推一推|推推|(?:延|缓)一(?:下|延|缓)|(?:延|推|缓|宽限)一(?:次|回)|延(?:几|[一两二三四五]|\d{1,2})天|给.{0,4}?(?:几天|[一两二三四五]天)(?:时间)?"
    # "能不能往后延一周", "能不能往后放放" (the delay word's own forms, asked)
    r"|延(?:一|两|半)(?:周|个?星期|个?礼拜)|放放|放一放|挪挪|挪一挪|拖拖|拖一拖|(?:放|挪|拖)(?:几|[一两二三四五])天)"  # "能不能往后放两天"
    r"|(?:明天|后天|下周|周[一二三四五六日]|明早|改天|过几天|月底|节后|年后|过完年).{0,8}?"
    r"(?:报|交|提交|报送|反馈|完成|送检|送审|给(?=你|您|可以|行|好吗)).{0,3}?(?:可以吗|行吗|行不行|可不可以|好吗|可否)"
    # "能不能下周一再交", "可以明天再报吗": a later day asked for
    rf"|(?:能不能|能否|可否|可不可以|是否可以)(?:等到?|到|在)?{LATER_DAY}.{{0,8}}?(?:报|交|提交|报送|反馈|完成|补)"
    rf"|可以(?:等到|到|在)?{LATER_DAY}.{{0,6}}?(?:报|交|提交|报送|反馈|完成).{{0,3}}?(?:吗|么|吧|不)$"
    r"|(?:延期|推迟|顺延|宽限|延后|晚几天|晚两天|晚点|晚一点|晚些|缓一缓)[^,。;]{0,12}?(?:行吗|可以吗|好吗|可不可以|行不行|可否|可以不|行不|成不)"
    rf"|要不(?:等到?|到|在)?{LATER_DAY}[^,。;]{{0,6}}?(?:报|交|提交|报送|反馈)"  # "要不 下周一 一起报？"
    r"|(?:交|报|提交|报送).{0,2}?(?:行不|可以不|成不)$"
    r"|(?:截止时间|截止日期|时限|期限)(?:能不能|能否|可否|可不可以|是否可以)(?:调整|放宽|延长|改|推|往后)"
    # to wait for something first: "能不能等他回来再报", "可否等批复下来后提交"
    r"|(?:能不能|能否|可否|可不可以|是否可以)(?:先)?等.{1,10}?(?:再|才|后|一起|一并)(?:报|交|提交|报送|反馈|完成|上报|补)"
    r"|(?:能不能|能否|可否|可不可以)(?:再|在)?等(?:几|[一两二三四五])天"  # "能不能 在 等 两天"
    # … the wait's end told, then the days late asked: "能不能等下了雨再栽 晚几天报" (not "能不能晚上报")
    r"|(?:能不能|能否|可否|可不可以)[^,。;]{0,12}?晚(?:几|[一两二三])天(?:再)?(?:报|交|提交|报送|上报)"
    r"|^(?:麻烦|请|烦请)?(?:再|在)等(?:几|[一两二三四五])天(?:时间)?[吧呗哈呀]*$"  # "…还在整理，在等两天": asked alone
    # … who is to wait named, asked after it: "321号恁再等俺两天中不中" (not "村里说再等两天", told)
    r"|(?:你们|您)?(?:再|在)等(?:我们|我局|我镇|我乡|俺们?)(?:几|[一两二三四五])天(?:时间)?(?:行吗|可以吗|好吗|可不可以|行不行|可以不|行不|成不|中不中|吧|呗)"
    rf"|(?:能不能|能否|可否|可不可以)(?:给|宽限|延|推|放)?(?:到|至)?{LATER_DAY}[一二三四五六日天]?(?:(?:[?]|吗|呢)+|$)"  # "…能不能到7月5号", "能否下周一"
    rf"|(?<!不)能(?:给|宽限|延|推|放)(?:到|至){LATER_DAY}[一二三四五六日天]?(?:(?:[?]|吗|呢|不)+|$)"  # "能 给 到 初十 吗", "能给到12月3号不"
    # leave asked to hand in on a later day: "能否允许我们下周一再报", "can we submit on Monday?"
    rf"|(?:能否|能不能|可否|可不可以|是否可以)(?:允许|同意)(?:我们|我局|我单位|我镇|我乡|我委)?{LATER_DAY}(?:再|统一)?(?:报|交|提交|报送|上报)"
    r"|can(?:we|i)(?:submit|send|report|hand)(?:it|in)?(?:on|by|next)?(?:monday|tuesday|wednesday|thursday|friday|nextweek|tomorrow)"
    rf"|(?:能不能|能否|可否|可不可以)给?(?:宽限|延|推|放)?(?:到|至){LATER_DAY}"  # "能不能给到下周一 这几天都在抢收", "能不能给宽限到下周三"
    rf"|{AFTER_HOLIDAY_ASKED.pattern}"
)
# A question that is a request: "…可以吗", "…行不", "…吧", the southwest's "…嘛" ("晚一天报嘛"); or led by 能不能/能否/可否.
REQUEST = re.compile(r"(?:吧|嘛|可以吗|行吗|好吗|可不可以|行不行|可以不|行不|成不|可否|中不中)[?]*$")
ASKING_LEAD = re.compile(r"能不能|能否|可否|可不可以|是否可以|可以|能|要不|要么")  # "要不缓一缓"
# Done only later than asked: "材料周一才能报", "下周才能弄".
ONLY_LATER_DAY = (
    r"(?:明天|后天|下下?周[一二三四五六日]?|下个?(?:星期|礼拜)|下个?月|周[一二三四五六日]|月底|年底|\d+号|\d+日|过几天|过两天"
    r"|\d{1,2}月(?:初|上旬|中旬|下旬|底)|月初|正月(?:初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十|底))"  # "3月初才能报进度"
    r"(?:才能|才可以|才会|才)"
)
ONLY_LATER = re.compile(
    rf"{ONLY_LATER_DAY}(?:报|交|提交|完成|上报|报送|弄|办|反馈|做完|整改|定稿)"  # "…材料下周一才能定稿"
    # the unit's paper out only later: "842的资金表周五才能出" (not "增加值月底才能出来": a figure published)
    rf"|(?:表|报告|材料|台账|清单|方案|总结){ONLY_LATER_DAY}出(?!来)"
    # … the one who writes it between: "688号回头看的最终报告我们要到1月5号才能出"
    rf"|(?:表|报告|材料|台账|清单|方案|总结)(?:我们?|我[局镇乡委])(?:要|得)(?:到|等到)(?:\d{{1,2}}月)?{ONLY_LATER_DAY}出(?!来)"
    # … or said alone, in a clause of its own after the notice named: "444号 …这个月的数 还得等两个乡报上来 下周才能出"
    rf"|^{ONLY_LATER_DAY}出$"
    # "报告只能下周三以后报", "只能下周出了", "只能等下周了"
    r"|只能(?:等到?)?(?:明天|后天|下下?周[一二三四五六日]?|下个?(?:星期|礼拜|月)|月底|过几天|过两天)"
    r"(?:(?:以后|之后|后)?(?:再|才能?|才可以)?(?:报|交|提交|完成|上报|报送|出)|了)"
    r"|只能等.{1,12}?(?:再|才|后|以后|之后)(?:报|交|提交|完成|上报|报送)"  # "只能等系统恢复再报"
    r"|(?:须|需|需要|要)待[^,。;]{1,16}?(?:后|以后|之后)方(?:能|可)(?:提供|报送|上报|完成|报)"  # "须待2月份月报结账后方能提供"
    rf"|只能(?:到|等到|拖到)?{LATER_DAY}(?:(?:以后|之后|后|前)?(?:再|才能?|才可以)?(?:报|交|提交|完成|上报|报送)|了?$)"  # "只能到月底报了"
    rf"|最(?:快|早)也?(?:要|得)(?:到|等到)?{LATER_DAY}"  # "最快也要下周二了"
    rf"|(?:得|要|只能|只好)拖到{LATER_DAY}"  # "村里还没报全，得拖到后天了"
    # the unit's paper only by a later day: "学校那边放假了人找不齐，这个表要到下周三了"
    rf"|(?:表|报表|报告|材料|台账|清单|方案|总结|数据)(?:要|得)(?:到|等到){LATER_DAY}(?:了|$)"
    # put off until something comes: "等雨停了再报" (not "明天再报": a plan, the deadline may be later still)
    # … or "要等系统恢复后才能报", "只能等学校放假后才能报"
    r"|(?<![不别])等[^,。;]{1,12}?(?:(?:后|以后|之后)?(?:才能?|才可以|方能?)|再)(?:报|交|提交|上报|报送)"
    # … or wished put off until then: "想延到期末考试结束后再报"
    r"|(?<![不别])(?:想|要|需要?|拟)(?:延|推|拖)(?:到|至)[^,。;]{1,12}?(?:后|以后|之后)(?:再|才)(?:报|交|提交|上报|报送)"
)
# The paperwork of delays asked about, not a delay: "延期申请模板发一下", "延期流程是什么".
ABOUT_DELAYS = re.compile(r"^(?:申请|的)?(?:模板|表|格式|流程|程序|手续|规定|办法|怎么|如何|需要什么|要什么)")
# A hotline's work order is another matter than a notice (not 施工单位).
WORK_ORDER = re.compile(r"12345|(?<!施)工单(?!位)")
IF_BEFORE = re.compile(r"(?:如果|要是|假如|若是?)$")
# A request made to the office for oneself: "麻烦督查室给延几天", "请再给三天", "麻烦给延两天吧".
ASKS_THE_OFFICE = re.compile(
    r"(?:麻烦|请|烦请|恳请)(?:督查室|督办室|领导|您|$)|(?:麻烦|请|烦请|恳请)(?:督查室|督办室|领导|您)?给(?:我们|我局|我镇|我乡)?$"
)
# Something else put off: "会议推迟到下周了", "原定的培训延期了", "检查组推迟了两天来".
MEETING = r"会议|开会|(?<![能将就也不都还要可机])会|meeting"  # "市里的meeting推迟到下周了"
# Exams, contests and the like, on someone else's calendar: "高考延期到6月9号了", "开学延后一周".
EXAM = r"[中高会学统联]考|竞赛|比赛|赛事|开学|开幕|面试|笔试|招聘会?"
EVENT_THEN = r"(?:(?:因为?|由于)[^,。;]{1,8}?)?(?:(?:来|到|下到?)(?:县里|我县|县上|乡里|镇里|我们这里?|我[局镇乡]))?(?:市里|省里|县里|上级|上面)?(?:我们?|我局)?(?:也|又|已经?|被|要|将|可能|时间)?$"  # "下午的会我可能晚点到"
OTHER_EVENT_BEFORE = re.compile(
    # (not the reason for the unit's own delay: "753号的材料因迎检要延期两天")
    rf"(?<!因)(?<!因为)(?<!由于)(?:{MEETING}|{EXAM}|培训|活动|考试|(?:检查|调研|督查|督导|考核|巡查|暗访|验收)组|检查|迎检|督查|体检|年检|调研|座谈会?|讲座|演练|航班|班车|验收|仪式|典礼|庆典|晚会|汇演|演出|展演|联欢会?|运动会|快递|物流|系统|平台"
    r"|(?:人口|农业|经济|污染源|国土)普查[\u4e00-\u9fff]{0,6}?"  # a national census on its own calendar
    rf"|[^,。;]节){EVENT_THEN}"
    # … put off from its day: "全县年终考核迎检从12月22日推迟到1月5日了"
    rf"|(?:{MEETING}|{EXAM}|培训|活动|检查|迎检|考核|督查|验收)从[\d月日号]{{2,8}}$"
)
# Another body's schedule put off: "市里的考核延期到下旬了(，县里这个是不是也跟着往后推？)", also by its doing
# ("市交通运输局把年度考核推迟到5月中旬了").
OTHER_BODY_BEFORE = re.compile(
    # (the county's own only heard of: "闻县里乡村振兴考核推迟至十月中旬"; "县里这个要延期" is the notice's)
    r"^(?:听说|闻|据悉|获悉)?(?:(?<=[说闻悉])县里|市里|省里|上级|国家|市级|省级|中央|全市|全省|全国|[省市](?!场|民|区|县)[\u4e00-\u9fff]{1,6}?(?:局|厅|委|办))"
    r"(?:的?[\u4e00-\u9fff]{0,8}?|把[\u4e00-\u9fff]{1,12}?)(?:也|已经?)?$"
    # … or the county's leading offices, telling it: "(走访…跟着县领导…一起走的，)县委办通知推迟到下周了"
    r"|^(?:县委|县政府)(?:办公室|办)(?:通知|说|讲)(?:也|已经?)?$"
)
# The parties the work deals with ask for time of their own, not the unit of the office: "9个当事人已申请延迟拆除".
PARTIES_BEFORE = re.compile(
    r"(?:当事人|农户|住户|业主|商户|户主|申请人|违建户|拆迁户)(?:也|都|均|已经?|提出|要求|申请?|们)*$"  # (申: 请 is cut as asking the office)
)
# A meeting or a trip missed, not the work: "会可能赶不上" (not "复工检查 赶不及").
MEETING_OR_TRIP_BEFORE = re.compile(rf"(?:{MEETING}|航班|班车|高铁|火车|大巴){EVENT_THEN}")
# A clause that only names an event ("项目开工仪式 延期 到 2月8号"): what follows it is put off.
EVENT_ONLY = re.compile(
    rf"^[\u4e00-\u9fff]{{0,6}}(?:仪式|典礼|会议|大会|活动|考试|{EXAM}|培训|演练|体检|年检|晚会|汇演|演出|展演|联欢会?|运动会|[^,。;]节"
    r"|(?:调度|推进|部署|座谈|协调|总结|动员|联席|碰头|专题|例|党委|常委|办公)会)$"  # "明天的除雪调度会\n推迟到周五"
)
# Something else put off, named after the word: "学校推迟了开学典礼".
OTHER_EVENT_AFTER = re.compile(
    rf"^了?(?![到至])[\u4e00-\u9fff]{{0,4}}?(?:典礼|会议|仪式|活动|考试|{EXAM}|培训|演练|运动会)"
    r"|^(?:到|至)[^,。;]{1,10}?(?:举行|举办|开幕|召开)"  # "开工仪式 延期 到 2月8号 举行"
    # a day's hours moved by minutes or hours: "全县中小学明天起推迟半小时到校" (school, work, a site's times)
    r"|^(?:半|[一两二三\d]{1,2}个?半?)(?:小时|钟头|分钟)(?:到校|上学|放学|上班|下班|开工|开门|营业|发车)"
)
# The whole county's campaign put off to start later ("全县安全生产百日攻坚推迟到11月1日启动"): the county's calendar,
# not the unit's deadline ("全县的数据还没汇总完，需要延期到周五" stays a request: nothing starts after it).
WHOLE_COUNTY_BEFORE = re.compile(r"^(?:全县|全市|全省)(?!的?数据|的?材料|的?报表|的?台账)")
STARTS_LATER_AFTER = re.compile(r"^(?:到|至)[^,。;]{1,12}?(?:启动|开始|开展|举行|举办|召开|开工)")
# Whether a delay may be had, in general ("这种情况可以申请延期吗"), is no request for one.
ABOUT_THE_RULE = re.compile(
    r"这种情况|这类情况|此类情况|什么情况下|哪些情况|政策|规定|一般|谁(?:定|批|决定|说了算|同意)"
    # whether it may be had, or applied for, at all, naming no time wanted: "13号是不是可以延期？", "790号是否可以申请延期？"
    # ("是否可以延期" alone asks for it)
    # (a closing particle too: "243 是不是可以延期嘛？")
    r"|(?:是不是(?:可以|能)(?:申请)?|是否(?:可以|能)申请)(?:延期|推迟|宽限|延后|顺延)[嘛呀啊呢哈]?$"
    r"|(?<![不否])能申请(?:延期|推迟|宽限|延后|顺延)(?:吗|么|不)?(?:$|还是)"  # "41号能申请延期吗(还是必须按时报)", "820能申请延期不？"
    # … or asked for information (请问), no time wanted: "请问820号整改回头看报告可以申请延期吗？"
    r"|^请问[^,。;]*?(?<![不否])(?:能|可以)(?:申请)?(?:延期|推迟|宽限|延后|顺延)(?:吗|么)?$"
    # a notice's number and whether it may be put off, nothing else: "62号可以延期吗？" (no time wanted, no reason;
    # "这个能延期吗" stays a request, as dev3 labels it)
    # ("134号这次可以申请延期吗？": this time, still no time wanted)
    r"|^第?\d{1,3}[号期]的?(?:这次|这回|本次|这期|也|还)?(?:可以|能)(?:申请)?(?:延期|推迟|宽限|延后|顺延)(?:吗|么)$"
    # … or whether one may apply, its matter named: "（996）整改时限能否申请延期？"
    r"|^第?\d{1,3}[号期]的?[\u4e00-\u9fff]{0,6}?(?:能否|可否)申请(?:延期|推迟|宽限|延后|顺延)$"
    r"|是不是也?(?:可以|能)?(?:跟着|随着)|是否(?:亦|也)?(?:随之|跟着|随着)"  # "…是否亦随之延后？请示"
    # … along with another's later day, no time of its own: "要是测评组国庆后才来，我们的整改是不是也可以往后放放？"
    r"|是不是也(?:可以|能)(?:往后|延|推|缓|放)|(?:以后|今后)(?:这种|这类|类似|遇到)|^(?:以后|今后)"  # "县里这个是不是也(可以)跟着往后推？"
    r"|(?<![不否])(?:能|可以)(?:延期|推迟|宽限|延后|顺延)(?:吗|么)[?]*还是"  # "这个能延期吗 还是必须按时报"
    # … or set against keeping the deadline, however asked: "646 能不能 申请 延期 还是 必须 按时 报"
    r"|(?:延期|推迟|宽限|延后|顺延)(?:吗|么)?[?]*还是(?:必须|要|得|一定要|只能)?(?:按时|按期|如期|准时)"
)
# A delay already asked for, granted or under approval: "延期已经批了", "感谢同意延期", "申请的延期批了没".
DELAY_SETTLED_AFTER = re.compile(
    r"^(?:申请)?(?:已经?|的事)?(?:批|审批|批准|同意|批复|通过|准了)"
    r"|^(?:申请)?(?:就)?(?:作废|取消|撤回|撤销|不用了|不要了|不需要了|算了)"  # "之前说的延期作废"
)
DELAY_SETTLED_BEFORE = re.compile(
    r"(?:感谢|谢谢)[^,。;]{0,6}?(?:同意|批准|准予)?(?:我们|我单位|我局|我镇)?的?$|已经?(?:同意|批准|准予)[^,。;]{0,4}$"
    r"|(?:我们|我单位|我局|我镇|之前)申请的$"
    # the grant told, opening its clause or by the office ("同意延到12月20日", "督查室同意延到…"; not asked of it:
    # "请督查室同意延到周五", "望督查室准予延期", "能否同意延到周五")
    r"|(?<![请望求盼])(?:^|督查室|督办室|领导)(?:已经?|也)?(?:同意|批准|准予)(?:我们|我单位|我局|我镇|我乡)?$"
)
# The request still to come: "等领导定了再正式申请", "到时候再申请".
# Asking whether a delay may be had or the deadline must be kept ("能申请延期吗，还是必须按时报？"): about the rule.
# The notice described by an earlier delay ("20号延期到3月31日的那个"); the rest made up later ("剩下的…下周补齐").
DESCRIBED_AFTER = re.compile(
    # … its paper named with its subject too: "448号上周延期到本周三的图斑核查材料，已于今天上午报送"
    r"^[^,。;]{0,14}?的(?:那个|这个|那份|那件|那期|那部分|部分|事|[\u4e00-\u9fff]{0,6}?(?:资料|材料|数据|表|报告|台账)|$)"
    r"|^[\u4e00-\u9fff]{1,3}的(?:\d|[一二三四五六七八九十两几]+[个户家处]|那|这)"  # "延期开工的3个项目", "申请延迟拆除的那2户"
    r"|^(?:开工|竣工|完工|交付|开业|复工|拆除|实施|建设)?的?(?:项目|工程)"  # "3个延期开工项目": projects named by it
    r"|^(?:事项|一事)"  # "关于717号营商环境整改延期事项，经请示督查室同意延至6月30日": the matter of a delay, named
    # … the notice by the delay asked before, then handed in: "228号之前申请延期三天的 今天报了"
    r"|^[^,。;]{0,6}?的(?=(?:今天|昨天|刚才|刚刚|现在|已经?)[^,。;]{0,4}?(?:报|交|报送|上报|完成|办结)了)"
)
# A delay had before, counted: "第一周我们延期了一次，这周按时报".
DELAYED_BEFORE = re.compile(r"^了?(?:一|两|几|\d)(?:次|回)")
REST_BEFORE = re.compile(r"剩下|剩余|其余|余下")
# The deadline moved already, on a day past: "928号 昨天 已经 延到 下周一 了" tells a delay had, asks none.
MOVED_ALREADY = re.compile(r"(?:昨天|前天|上周|上个?(?:礼拜|星期)|之前|早就)[^,。;]{0,4}?已经?$")
# A notice's duty roster given line by line, a name and a mobile number a day: "30号值班表：4月4日 张伟 139…；…";
# or any list of people it asks for ("787号护林员名单：1.张建国 139…").
# (its notice in brackets after it: "柳林乡清明节假期值班安排（督办835号）：")
ROSTER_HEAD = re.compile(
    r"(?:值班表|值班安排|排班表|值班人员|名单|名册)(?:如下|已经?(?:排定|排好|安排好|定好)(?:了|如下)?)?(?:\([^()]{1,16}\))?:?$"
    r"|^(?:\d{1,3}号)?[\u4e00-\u9fff]{0,8}?值班$"
)
ROSTER_LINE = re.compile(
    r"^\d{1,2}月\d{1,2}[日号](?:\([^()]{1,4}\))?(?![前后之以])[\u4e00-\u9fff]{2,4}1\d{10}"
)
# a roster line by days, who leads and who is on duty: "10月1日—2日 带班 陈红 值班 王磊"
ROSTER_DAYS = re.compile(
    r"^\d{1,2}月\d{1,2}[日号](?:[—\-~至到]\d{1,2}[日号]?)?(?:\([^()]{1,4}\))?(?:带班|值班)"
)
# … or by days and names only, two days or more: "5月1日 王建 5月2日 李華" (not "4月4日前报")
ROSTER_NAMES = re.compile(
    r"^(?:\d{1,2}月\d{1,2}[日号](?:\([^()]{1,4}\))?(?![前后之以起至到])[\u4e00-\u9fff]{2,3}(?:、[\u4e00-\u9fff]{2,3})*){2,}$"
)
# a roster line's mobile number ("乡长王建军13837160073"), masked too ("139****2284", "139××××5621")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d(?:\d{4}|\*{4}|x{4}|×{4})\d{4}(?!\d)")  # "138xxxx5601": masked
# What follows a condition as its consequence: "（如果…），那我们局收到了", "（如果是讲…那个），我们就收到了".
CONSEQUENCE = re.compile(r"^(?:那么?|那就|则)|(?<![成造早])就(?=[^,。;]{0,4}?(?:收到|收悉|签收))")
# 已经 alone between commas, a pause of speech before what is done: "…去水边的，已经，劝回来了，十几个".
PAUSE_AFTER_ALREADY = re.compile(r"(?:^|(?<=[,。;]))((?:都|也)?已经)[,]")
# Speech's fillers, alone in a clause: "嗯，那个，545号的，…就是，那个，堤坝加固".
FILLER = re.compile(r"[嗯呃额啊哦]+|那个|这个|就是|然后|那啥")
CONDITION_CLAUSE = re.compile(
    r"^(?:第?\d{1,3}号)?(?:我们|我局|我镇|我乡)?(?:如果|假如|要是|万一|倘若|若|一旦)(?!可以|方便|允许)"  # "如果可以的话": polite
    # … or a clause closed by 的话, its condition word left in a filler's clause before ("嗯 要是 / 暴雨 / 后天 还 下 的话";
    # not "可以的话", "这样的话")
    r"|^(?![^,。;]*(?:可以|方便|允许|同意|行|这样|那样))[^,。;]+的话$"
)
# The notice's own work said to go on as due: "…延期了，是民政那边的安排，不影响202号报送".
NOT_AFFECTED = re.compile(
    r"^(?:但|但是|不过)?(?:这|也)?不(?:影响|耽误|耽搁)|(?<![法能没不未])(?:按时|按期|如期)(?:报|交|完成|报送|提交|上报)了"  # "这周的190号周报按时报了"
    # this notice on time, beside another's delay or earlier ones: "市里的…申请了延期，县里这个按时报"
    r"|(?:这个|这次|本次|这期|这回)[^,。;]{0,6}?(?<![法能没不未])(?:按时|按期|如期)(?:报|交|完成|报送|提交|上报)(?![不没])"
    r"|^(?:所以|于是|因此)[^,。;]{0,6}?(?:提前|加班|连夜)"  # "怕来不及，所以昨天晚上就加班弄完报了"
    # the unit keeps its own time beside another's put off: "…的材料还是按原时间报", "我们这边照常值班"
    r"|(?:还是|仍然?|依然|照样|照常)按(?:原|原定|原来的?|既定的?)(?:时间|时限|期限|节点|日期|计划)"
    r"|照常(?:值班|值守|报|交|报送|上报|开展|进行|推进|办理|完成)"
)
OR_ON_TIME = re.compile(
    # … or by the day it is due: "能申请延期不？还是必须周五报"
    rf"^还是(?:必须|要|得|一定要|只能)?(?:按时|按期|如期|准时|{LATER_DAY}(?:前|之前)?(?:报|交|提交|报送|上报|完成))"
)
REQUEST_LATER = re.compile(r"(?:再|到时候?|回头)(?:正式|书面)?(?:申请|提出|打报告)(?!延期|宽限|推迟)")
# An apology for a lateness already over, in English: "339 submitted, sorry for the delay" (no request).
SORRY_FOR_BEFORE = re.compile(
    r"(?:sorry|apologies|apologize|apologise)(?:for)?(?:the|our|my)?(?:slight|late)?$"
)
PAST_TIME = re.compile(
    r"去年|前年|上次|上回|那次|以前|往年|上个?月|上一期|(?:之前|此前|先前)(?:已经?|也|曾)?(?:申请|提)过?"
    r"|前(?:几|两|[一二三四五])次(?!检查|督查|会)|以往|原本(?:打算|想|准备|计划)|本来(?:打算|想|准备|计划)"
    r"|原来(?:打算|想|准备|计划)|起初|当初|当时|(?:之前|此前|先前)(?=延|推|顺延|宽限)"  # "原本打算申请延期，现在不用了"
)
STILL_NEED = re.compile(
    r"还(?:需要?|要)[一二三四五六七八九十两几半\d]+个?(?:天|日|周|星期|礼拜|月)|还得[一二三两几\d]+[天日](?!左右)"
    r"|(?:需要?|要)(?:多|再)(?:[一二三四五六七八九十两几半\d]+)个?(?:天|日|周|星期|礼拜)"  # "需要多几天时间"
    r"|多给.{0,4}?(?:[一二三四五六七八九十两几半\d]+)个?(?:天|日|周|星期|礼拜)"
)
REASON = re.compile(r"因为|原因|(?<!原)因(?!此|而)|由于|受.{0,10}?影响|导致|致使")
NOT_DONE = re.compile(
    r"(?:尚未|还没有?|还未|暂未|暂时没|没有|未|没)能?(?:全部)?(?:完成|办结|完结|到位|上报|报送|完工)"
    r"|(?:无法|不能|未能|没法)(?:签批|审签|签字|盖章|审定)"  # "因领导外出，材料暂无法签批"
)
# Things that make a reply look related to a notice although it says nothing countable.
RELATED = re.compile(
    r"收|签|已|完成|办结|附件|文件|通知|督办|延|报送|反馈|整改|落实|明白|知道|了解|照办|执行|办理|安排|\d+号|#\d|no\.?\d"
)
# ---- dialect ------------------------------------------------------------------------------------
# A closing particle right after the receipt word that ends its clause: Wu 额 ("511收到额"), the dialect's 中 after a
# notice's number ("641号收到了中"; "收到了中" alone stays the office's), the southwest's 嘛, 撒 and 要得 (OK) ("收到了嘛 605",
# "收到撒", "310号收到要得"); never a question ("收到了嘛？", "收到要得不"), 中午, 额度 nor 撒药.
PARTICLE_AFTER_RECEIPT = re.compile(
    r"((?:收到|收悉|签收)[了啦]?)(?:额|嘛|撒|[^\S\n]*要得)(?=[\s,。!~]|$)|((?<=[\d号])(?:收到|收悉|签收)[了啦]?)中(?=[\s,。!~]|$)"
)
# A message in Wu: its own words ("阿拉", "搿", "弗", "额" after a receipt or a number) mark it.
WU_MARK = re.compile(r"阿拉(?![伯善尔斯])|搿|[来能好]弗|收到额|\d额")
# … its 额 as 的 ("531欠薪额表格", "损毁额县道"; never 金额, 余额, 额度 …), its 搭 as 和 between numbers ("500搭502"),
# its 只 counting notices as 个 ("两只通知").
WU_OF = re.compile(r"(?<=[\u4e00-\u9fff\d])(?<![金余限份差定总数超名配税面票销罚增减到悉])额(?![度外头定])")
WU_AND = re.compile(r"(?<=\d)搭(?=\d)")
WU_PIECE = re.compile(r"(?<=[两二三四几])只(?=通知|督办)")
