"""The slots of an utterance: money amounts (yuan), dates (ISO), whether an offer is tied to a
condition, whether the speaker gives something up.

Amounts: every Chinese numeral form (三十八万, 38万, 4.6万, 十万零五千, 八千五, 三万二, 壹拾万元,
380,000元, 12万8, 5w, 3k); the numeral itself is read by cn2an, this module only finds the spans and
decides which are money. A number is money when it carries a magnitude (百/千/万/亿, k, w) or a
currency (元/块/¥), or is a bare figure of four digits or more — and is not followed by a counter
(天, 个, 件, 号, 年 …) or a share (成, 折, %, 分之). 多/来/余 round down (二十来万 → 200000).

Dates are resolved against ``today``: 今天 明天 后天 大后天, 这周五/下周三/上周五, 周末, 月底/年底,
N天内/两周之内/一个月内, 12月15号, 15号 (this month, or next month once the 15th is past), 下个月10号, 再下个月20号, 上个月25号, 2026-12-15, 元旦,
圣诞 (the next one). A day and
month without a year are taken in the year that puts them nearest to ``today``. Dates are listed in
order of first appearance, each once.

Everything is pure: the same text and ``today`` give the same slots; no input raises.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from trainer.core.language.lazyre import LazyPattern, lazy
from trainer.core.language.normalise import MAX_CHARS, to_simplified


@dataclass(frozen=True)
class Slots:
    amounts: tuple[int, ...] = ()
    dates: tuple[str, ...] = ()
    conditional: bool = False
    concession: bool = False
    #: the speaker says he will *not* give something up (这次我没法给宽限, 价格我没有权限动)
    refused: bool = False
    #: the rest of the debt is part of the ask, with its own term (余款月底前付清, 剩下的按验收节点付): a plan that
    #: names one amount still asks for the whole
    remainder: bool = False
    #: the plan is monthly, to the end of the debt (以后每月付五万,三月付清): it asks for the whole, whatever it names
    recurring: bool = False
    #: an amount is named as the rest of the debt (剩下的差不多十三万, 余款二十一万): with a part named earlier in the
    #: talk it may make up the whole
    rest: bool = False
    #: the dates named where the move speaks of paying (a subset of ``dates``; () when none is): a deadline for the
    #: paperwork in the same breath (十二号前签证单补齐) is not a payment date
    pay_dates: tuple[str, ...] = ()
    #: the amounts named as a fee, interest or freight (违约金六万八, 滞纳金三万), written off or accepted as an offset
    #: (五万二全部冲掉, 返利3.6万我们认), or asked to be taken off the debtor's deductions (这两笔一共4万请您帮忙撤掉): what
    #: a concession gives up, a reminder cites or a dispute is about, or the value of goods (十五万左右的货): never an ask
    #: for the debt itself; a subset of ``amounts``
    fees: tuple[int, ...] = ()
    #: instalments are all that is given (剩下的可以分三个月付): the concession the instalment plan's own act carries
    spread_only: bool = False
    #: today is named as the day of this visit (今天来,主要是为那42万的电缆款; 今天专程过来): a date the writers label, but
    #: no deadline — with no payment date in the move, today is not what is asked for (dev play triangular-debt 36b)
    visit_today: bool = False
    #: the amounts quoted back to him in a question (您是说最多8万,还得留钱给员工结工资?) or turned down (10万太少), one entry
    #: per time said: his figures, never part of our ask — the same figure said again as ours (那今天先转8万) still is
    quoted: tuple[int, ...] = ()
    #: the dates named where the move speaks of paperwork and not of paying (三张签证单13号前补签好): deadlines for
    #: papers, never a payment date (a subset of ``dates``)
    paper_dates: tuple[str, ...] = ()
    #: the whole debt asked for with no figure (前提是月底前全部付清, 这周五前把欠款都结了, 一次结清)
    in_full: bool = False
    #: the rest asked how or when it will be paid, with no term of ours (先付二十万,剩下的您看怎么安排): part of the ask,
    #: but a date in the move is the named part's, not the rest's
    rest_open: bool = False
    #: today is named in a clause that pays on it (今天下班前转过来, 今天把二十万打到公账上): a promise due today — where
    #: today in a clause of money alone (今天就为那46万来的, 今天开出红字发票) is not
    pays_today: bool = False


_REST = lazy(r"(还剩|剩下|剩余|余下|余款|其余|尾款|剩的|后面|后边|后头)(的)?(那|这)?(部分|那部分|款|钱|货款)?(差不多|大概|大约|约|还有|是|就是|共|一共)?"
                   r"([\d一二两三四五六七八九十][\d一二两三四五六七八九十百千万.,]*(来|多)?(万|千|块|元|w|k)|\d{4,})")
_REMAINDER = lazy(r"(余款|余下|剩下|剩余|其余|尾款|其他的|剩的)(的|部分|那些|那部分|款项|金额|钱)?.{0,20}"
                        r"(付清|结清|还清|付完|结完|还完|按.{1,10}付|分.{1,4}(付|还)|再付|再结|跟着付|随后)|"
                        r"(付清|结清|还清|付完|结完|还完)(余款|余下的|剩下的|剩余的|尾款)|"
                        # every instalment written down (两笔金额和时间都写清, 每一期的金额日期写上): the rest is in it (stop 43)
                        r"(两|三|几|每|各)(一)?(笔|期)(的)?(金额|钱|数|数额)(和|跟|、|与|及)?(时间|日期|日子)")
#: the rest asked about — how or when it will be paid (剩下的您看怎么安排, 剩下哪天付咱们当面说清楚): still part of the ask,
#: on terms to be set — but not left to his whim (剩下的你爱什么时候付就什么时候付)
_REST_ASKED = lazy(r"(余款|余下|剩下|剩余|其余|尾款)(的|部分|那些|那部分|款项|金额|钱)?[^,，。;；]{0,6}((怎么|咋|如何|啥时候|什么时候|哪天)"
                   r"(安排|付|还|办|处理|结|给)"
                   # or to be laid out on days (剩下的咱按月排开, 剩下的我们再排日期, 剩下的排个表): the plan is still to
                   # come, and it is the rest's (dev play round 82: 今天先能付多少?…剩下的咱按月排开 shrank the deal to 3万)
                   r"|排(开|个|日子|日期|好|上|清|期))")
_REST_LEFT_TO_HIM = lazy(r"(爱|随便|随你|看着)[^,，。;；]{0,4}(什么时候|啥时候|哪天|怎么)")
#: paying in full, said without a figure (月底前全部付清, 一次结清, 把欠款都结了) — not what is still unpaid (还没结清)
_IN_FULL = lazy(r"(?<![没不未难])(付|结|还)(清|完)(?![了]?[吗没])|(全部|全额|一次性|足额|一分不少)(地)?(付|结|还|打|转|支付|到账)|"
                r"都(结|付|还)(了|掉|清)")
#: a monthly plan that runs until the debt is paid off (以后每月16号付5万,明年3月16号付清最后6万): the amounts named
#: are one month's, the plan asks for the whole debt
_MONTHLY_TO_END = lazy(r"每(个)?月.{0,12}(付|还|打|结|[\d一二两三四五六七八九十]+万).{0,24}(付清|结清|还清|清了|刚好清|全部还上)|"
                             r"(付清|结清|还清)最后")


@lru_cache(maxsize=1)
def _cn2an() -> ModuleType:
    import cn2an  # type: ignore[import-untyped]  # deferred for start-up: cn2an loads its tables (~30 ms)

    return cn2an  # type: ignore[no-any-return]


# ------------------------------------------------------------------ text
_DIG = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_UNIT = "十拾百佰千仟"
_BIG = "万亿"
_CN_NUM = f"[{_DIG}{_UNIT}][{_DIG}{_UNIT}{_BIG}]*"


def _prepare(text: str) -> str:
    """Simplified, half-width, lower-case; punctuation kept (it separates numbers and clauses)."""
    if not isinstance(text, str):
        text = str(text)
    text = unicodedata.normalize("NFKC", text[:MAX_CHARS]).lower()
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    return to_simplified(text)


def _to_int(s: str) -> int | None:
    """A numeral (Arabic or Chinese, with 万/千 …) → int, or None when it is not one."""
    s = s.replace(",", "")
    if not s:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", s):
        return int(float(s))
    try:
        value = _cn2an().cn2an(s, "smart")
    except Exception:  # cn2an raises ValueError and friends on anything it does not read
        return None
    try:
        return int(round(float(value)))
    except (TypeError, ValueError, OverflowError):
        return None


# ------------------------------------------------------------------ amounts
_AMOUNT = lazy(
    r"(?P<cur>[¥￥]|rmb|人民币)?\s*"
    r"(?P<num>\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|" + _CN_NUM + r")"
    r"(?P<approx>来|多|余)?"
    r"(?P<mag>千万|百万|[万亿千百kw](?!分之|之))?"
    r"(?P<tail>(?<=[万千kw])[一二两三四五六七八九1-9](?![十百千万亿\d.]))?"
    r"(?P<unit>块钱|块(?!儿)|元|圆|rmb)?"
)
#: what a number may not be followed by to be money: counters, time, shares, ranks
_NOT_MONEY_AFTER = lazy(
    r"\s*(个|件|箱|台|套|吨|斤|公斤|米|平|人|位|家|次|趟|遍|回|期|笔|张|份|条|天|日|号|周|星期|礼拜|月|年|岁|点|"
    r"成|折|%|分|倍|小时|分钟|秒|楼|层|栋|号|季度|届|辆|批|单|项|种|句|步|档|级|版|页)")
_NOT_MONEY_BEFORE = lazy(r"(第|百分之|千分之|万分之|分之|周|星期|礼拜|每)$")
_WEEK_WORDS = ("周", "星期", "礼拜")
#: after a magnitude (十二万, 三千) most counters are the next word (十二万回来, 十一万分两次, 五万月底前): only
#: these still make the number a count rather than money
_NOT_MONEY_AFTER_MAG = lazy(r"\s*(遍|趟|次|个|件|箱|台|套|吨|斤|公斤|米|平|人|位|家|岁|%|倍|小时|分钟|秒|楼|层|栋|辆|股|字|分之)")
#: a digit after 万/千 that starts the next word is not its tail: 四十万一次性, 三十万一分没到, 二十万一直, 20万一到(就发货)
_TAIL_STARTS_WORD = lazy(r"(次|直|分|定|起|共|样|些|般|切|下|会|点|天|个|月|年|周|号|期|笔|批|半|手|边|来|部|块钱到|到|旦)")


#: after a small number and 块, a noun means pieces (一块门板出问题, 一块毛肚不新鲜), not yuan (五块钱, 三块一斤, 八块的)
_PIECE_OF = lazy(r"[\u4e00-\u9fff](?<![钱的了也都啊吧呢吗一二三四五六七八九十两半多])")
_TOGETHER = lazy(r"(吃|去|来|走|做|干|办|算|商量|兑|出|过|聊|喝|坐|谈|想|弄|搞|带|拉|跑|聚)")
_CN_DIGIT = "一二三四五六七八九"
#: two neighbouring digits before a magnitude are a range (十二三万, 两三万, 二三十万): its low end, as 来/多 round down
_RANGE = lazy(r"(?<![周期拜号月第])(十?)([一两二三四五六七八])([二三四五六七八九])(?=十?[万千])")


def _low_end(m: re.Match[str]) -> str:
    a = "二" if m.group(2) == "两" else m.group(2)
    return m.group(1) + m.group(2) if _CN_DIGIT.index(m.group(3)) == _CN_DIGIT.index(a) + 1 else m.group(0)


#: an amount written in Arabic digits with several magnitudes (88万2千, 1万2千5百) is one amount
_MIXED = lazy(r"(\d+)万(\d)千(?:(\d)百)?")


def _mixed(m: re.Match[str]) -> str:
    return str(int(m.group(1)) * 10_000 + int(m.group(2)) * 1_000 + int(m.group(3) or 0) * 100)


#: just before an amount, it is a fee's: 违约金六万八, 滞纳金按合同算有三万, 利息大概两千, or a fee worked out from a
#: rate (按日万分之五,算下来六万八); just after it: 六万八的违约金
_FEE_BEFORE = lazy(r"((违约金|滞纳金|利息|罚息|罚金|违约费|手续费|运费|资金占用费|逾期费)(的话)?|"
                   r"(万分之|千分之)[\d.零一二三四五六七八九十]+[,，]?(算下来|算起来|算的话|计算|算))"
                   r"(是|有|共|一共|合计|总共|大概|大约|约|差不多|按合同|按合同算|算下来|加起来)*(有|是)?$")
_FEE_AFTER = lazy(r"(块|元|块钱)?(左右)?的?(违约金|滞纳金|利息|罚息|罚金|违约费)")
#: an amount written off as it is named (五万二全部冲掉, 那两千就抹了, 三千块不要了, 5万2我们全额折价) is what a concession gives up: like a
#: fee, never what the trainee asks for; so is an offset he accepts (返利3.6万我们认) — but not an amount something else is
#: offset against (剩下的12万冲掉第三季度返利后的余数, 12月25号对账: the rest of the debt, less the rebate: dev play round 79,
#: supermarket-chain 79c signed the 40万 alone)
_GIVEN_UP_AFTER = lazy(r"(块|元|块钱)?(的)?(货款|货值|差价|零头)?(全部|全|都|就|直接|也)?(我们认|我方认|我们承担|我方承担|"
                       r"(冲掉|冲销|核销)(?![^,，。;；]{1,12}?(返利|扣款|押金|定金|预付款|费用)(以|之)?后)|抹掉|抹了|抹去|免了|免掉|"
                       r"减掉|让掉|让了|折掉|不要了|不收了|算了|"
                       # waived with no fee word (两万五千二我们一分不要, 这两万我们就不要了)
                       r"(我们|我方|咱们|公司)(就)?(一分(钱)?(都|也)?)?不要(了)?(?![少拖再欠])|一分(钱)?(都|也)?不要(?![少拖再欠])|"
                       # the disputed goods written down, a difference we carry (5万2我们全额折价, 1万2我们自己担了)
                       r"(我们|我方|公司)?(自己)?(全额|全部|直接)?折价|(我们|我方|公司)自己(来)?(担|贴|补|垫))")

#: an offset the trainee accepts, named before its amount (该冲的3.6万我们认, 返利冲抵三万六): what he gives up (dev play
#: supermarket-chain 26a: the deal was settled on the rebate)
_GIVEN_UP_BEFORE = lazy(r"(该冲|应冲|要冲|冲抵|冲减|抵扣|返利)(的|掉)?(那|这)?(笔)?$")
#: an amount the debtor is asked to take off his deductions (这两笔一共4万请您帮忙撤掉, 三万六的扣款退回来): a sum in
#: dispute, never what the trainee asks to be paid (dev play supermarket-chain 26a: the deal was settled on 4万)
#: what the goods are worth (仓库里还压着我们十五万左右的货, 二十多万的库存): a value, never an ask (dev play genuinely-broke
#: 22a: helping him sell 15万 of stock had capped the signed plan of 26万 at 15万) — not 货款, which is the debt
_GOODS_AFTER = lazy(r"(块|元|块钱)?(左右|上下|多|来)?的?(货|库存|存货|产品|原料|材料)(?!款)")
#: a retailer's deduction named with its amount (这三万六千元返利, 系统里又扣了一万二千元, 条码费一万二): what is taken off the
#: debt or disputed, never what the trainee asks to be paid (dev play supermarket-chain 35a: the signed confirmation
#: had carried the rebate of 3.6万 as the whole deal)
_DEDUCTION_AFTER = lazy(r"(块|元|块钱)?(的)?(返利|扣款|条码费|促销费|进场费|上架费|堆头费|店庆费|陈列费|扣点)")
_DEDUCTION_BEFORE = lazy(r"((返利|扣款|条码费|促销费|进场费|上架费|堆头费|店庆费|陈列费)(是|有|共|一共|合计|的|也|又)?|(又|多|重复|另外)?扣(了|掉|走|的)?)$")
#: the sum of the fees just named (条码费一万五千元和店庆促销费三万二千元,合计四万七千元) is a fee too (dev play
#: supermarket-chain 36a: the disputed 4.7万 had been signed as the whole deal)
_SUM_BEFORE = lazy(r"(合计|共计|一共|总共|总计|加起来|加在一起|两项|两笔|三项|三笔)(是|为|就是)?$")
_WITHDRAWN_AFTER = lazy(r"[^,，。;；!?！？]{0,8}?(撤掉|撤销|撤回|撤了|退回来|退还给|不该扣|不应该扣|不能扣|别扣|划掉|去掉)")


#: his words restated as a question (您是说最多8万,还得留钱给员工结工资?): the figures in it are his, never our ask (dev
#: play bad-debt-signs 37a3: his 8万 quoted and our 8万 today had been summed into one ask of 37.4万)
_RESTATED = lazy(r"(您|你)(是说|是讲|的意思是|意思是|刚才说|刚刚说|说的是|讲的是)[^。！!?？]{0,40}[?？]")
#: his offer turned down (10万太少了, 五万不行,十万是底线, 20万少了点): his figure, never our ask (dev play triangular-debt
#: 37b1: 10万太少。15万,11月6号到账 had asked for 25万)
_TURNED_DOWN_AFTER = lazy(r"(块|元|块钱)?(也|可|肯定|实在|确实|真的|那)?(太少|太低|少了点|少了|不够|不行|哪够|哪行|没法接受|不能接受)")


#: the marks that end a clause; a fee's clause also ends at a colon (违约金按合同算:两万五千二), a dated clause at a line break
_CLAUSE_MARKS = ",，。;；!！?？"
_FEE_CLAUSE_END = lazy(f"[{_CLAUSE_MARKS}:：]")
_FEE_WORD = lazy(r"违约金|滞纳金|罚息|罚金|违约费|资金占用费|逾期费|(?<!无)利息")
#: a clause about the principal: an amount in it is what is owed or asked, not a fee
_PRINCIPAL = lazy(r"款|欠|本金|付|还|到账|打过来|转|结|交|拿")
_GIVE_UP = lazy(r"免|不要|算了|不收|不提|不追|不算|一笔勾销|抹")
#: a figure reckoned up (已经有, 算下来, 一共) — not a figure set for a day (四十二万月底前)
_RECKONED = lazy(r"已经|算|有|是|共|合计|累计|达|到了|足足")
_FEE_NAMED_NEXT = lazy(r"(这|那)?(就)?(是|算|属于)?.{0,8}?(违约金|滞纳金|罚息|罚金|违约费|资金占用费|逾期费|利息)")


def _fee_by_clause(text: str, ends: list[int], start: int, end: int) -> bool:
    """An amount in a clause of its own about a fee, the fee named in the clause or just around it (合同约定的违约金每天
    万分之二,到今天已经有两万五千二了; 这笔违约金,按合同算2.52万; 两万五千二,这是合同里的违约金): the fee, never an ask —
    unless the clause speaks of the principal (违约金免了,今天先付五万), or the clause before gave the fee up (违约金就算了,
    二十万月底前). ``ends``: where the clauses of ``text`` end (``_FEE_CLAUSE_END``). Held-out play17 triangular-debt: a
    waived fee of 2.52万 had become the deal."""
    lo = max((e + 1 for e in ends if e < start), default=0)
    hi = min((e for e in ends if e >= end), default=len(text))
    clause = text[lo:start] + text[end:hi]
    if _PRINCIPAL.search(clause):
        return False
    if _FEE_WORD.search(clause):
        return True
    prev = text[max((e + 1 for e in ends if e < lo - 1), default=0):max(lo - 1, 0)]
    if (lo and _FEE_WORD.search(prev) and not _GIVE_UP.search(prev) and not _PRINCIPAL.search(prev)
            and _RECKONED.search(clause)):
        return True
    return hi < len(text) and bool(_FEE_NAMED_NEXT.match(text, hi + 1)) and clause.strip() == ""


def _amounts_and_fees(text: str) -> list[tuple[int, bool, bool]]:
    """Every amount in order, each with whether it is named as a fee (违约金六万八) and whether it is his, quoted back to
    him (您是说最多8万…?) or his offer turned down (10万太少)."""
    out: list[tuple[int, bool, bool]] = []
    text = _MIXED.sub(_mixed, _RANGE.sub(_low_end, text))
    his = [m.span() for m in _RESTATED.finditer(text)]
    ends = [m.start() for m in _FEE_CLAUSE_END.finditer(text)]  # once per line, for _fee_by_clause
    for m in _AMOUNT.finditer(text):
        num, mag = m.group("num"), m.group("mag") or ""
        cur, unit, approx, tail = m.group("cur"), m.group("unit"), m.group("approx"), m.group("tail") or ""
        before = _NOT_MONEY_BEFORE.search(text[:m.start()])
        if before and not (before.group(0) in _WEEK_WORDS and len(num) <= 3
                           and (mag in ("万", "千", "w", "k") or unit or any(c in num for c in "万千"))
                           and not num.endswith("万一")):  # 周一万一 is "Monday, in case"
            continue  # 第三笔, 周三 — but 这周三万 is this week's thirty thousand
        if num == "一" and unit == "块" and (text[:m.start()].endswith(("这", "那", "哪"))
                                            or _TOGETHER.match(text, m.end())):
            continue  # 这一块 is "this part", 一块吃个饭 "together": not one yuan
        if unit == "块" and not (cur or mag) and _PIECE_OF.match(text, m.end()) and (_to_int(num) or 0) < 100:
            continue  # 一块门板, 两块毛肚: pieces of something, not yuan
        chinese = not num[0].isdigit()
        has_mag = bool(mag) or (chinese and any(c in num for c in "百佰千仟万亿"))
        after = text[m.end():]
        if not unit and _TAIL_STARTS_WORD.match(after):
            if tail:
                tail, after = "", text[m.start("tail"):]
            elif chinese and len(num) > 1 and num[-2] in "万千" and num[-1] in "一二两三四五六七八九" and not mag:
                num, after = num[:-1], text[m.start("num") + len(num) - 1:]
        if chinese and not unit and after.startswith("月"):
            num, after = _month_off(num, text, m.start("num"))
        # 十二万月底前 is money and a date, but 一百二十天 is a span: below a thousand, every counter counts
        big = bool(mag) or (chinese and any(c in num for c in "千仟万亿"))
        if not (cur or unit) and (_NOT_MONEY_AFTER_MAG if big else _NOT_MONEY_AFTER).match(after):
            continue
        if not (cur or unit or has_mag):
            digits = num.replace(",", "").split(".")[0]
            if chinese or len(digits) < 4 or not digits.isdigit():
                continue
        if (chinese and num[0] in "零〇") or (num[0] == "0" and not num.startswith("0.")):
            continue  # 0915那批 is a batch number, not money
        value = _amount_value(num, mag, tail, approx)
        if value is not None and value > 0:
            just_before = text[max(0, m.start() - 6):m.start()]
            fee = (_FEE_BEFORE.search(text[max(0, m.start() - 16):m.start()]) or _FEE_AFTER.match(text, m.end())
                   or _GIVEN_UP_AFTER.match(text, m.end()) or _WITHDRAWN_AFTER.match(text, m.end())
                   or _GIVEN_UP_BEFORE.search(just_before) or _GOODS_AFTER.match(text, m.end())
                   or _DEDUCTION_AFTER.match(text, m.end()) or _DEDUCTION_BEFORE.search(just_before)
                   or (len(out) >= 2 and out[-1][1] and out[-2][1] and _SUM_BEFORE.search(just_before))
                   or _fee_by_clause(text, ends, m.start(), m.end()))
            out.append((value, bool(fee), any(a <= m.start() < b for a, b in his)
                        or bool(_TURNED_DOWN_AFTER.match(text, m.end()))))
    return out


#: the month that may close a run of Chinese numerals, longest first
_MONTH_TAILS = ("十二", "十一", "十", "一", "二", "三", "四", "五", "六", "七", "八", "九")


def _month_off(num: str, text: str, start: int) -> tuple[str, str]:
    """A run of numerals with a magnitude that runs on into a month (八十八万二十一月二十五号, 三十万十二月底) is an
    amount and then the month: the amount keeps what is left once the longest month that leaves a whole amount
    (ending in its magnitude, or a digit just after it: 八十八万二) is taken off; the rest of the text starts at the
    month."""
    for tail in _MONTH_TAILS:
        head = num[:-len(tail)]
        if num.endswith(tail) and head and (head[-1] in "万千亿" or (len(head) > 1 and head[-2] in "万千")):
            return head, text[start + len(head):]
    return num, text[start + len(num):]


#: a run of Chinese numerals with a magnitude that runs on into a day of the month (八十八万二二十五号, 三万二十五号):
#: the amount, then the day. The day taken off is the longest (1-31) that leaves a whole amount (ending in its
#: magnitude, or a digit just after it: 八十八万二); a comma is put between, so both readers see two things.
_AMOUNT_INTO_DAY = lazy(r"[零〇一二两三四五六七八九十百千万亿]*[万千亿][零〇一二两三四五六七八九十百千万亿]*(?=[号日](?![常子程期本]))")
#: an amount that ends on a unit, then a date in digits (88万2千11月20号前付): the date starts a new figure
_UNIT_THEN_DATE = lazy(r"(?<=[万千百])(?=\d{1,2}(月|号|日))")
_DAY_TAILS = tuple(sorted({f"{t}{u}" for t in ("", "十", "二十") for u in ("", "一", "二", "三", "四", "五", "六", "七", "八", "九")}
                          - {""} | {"三十", "三十一"}, key=len, reverse=True))


def _day_off(m: re.Match[str]) -> str:
    run = m.group(0)
    for tail in _DAY_TAILS:
        head = run[:-len(tail)]
        if run.endswith(tail) and head and (head[-1] in "万千亿" or (len(head) > 1 and head[-2] in "万千")):
            return f"{head},{tail}"
    return run


_MAG = {"万": 10_000, "w": 10_000, "千": 1_000, "k": 1_000, "百": 100, "亿": 100_000_000,
        "千万": 10_000_000, "百万": 1_000_000}


def _amount_value(num: str, mag: str, tail: str, approx: str | None) -> int | None:
    base = _to_int(num)
    if base is None:
        # 三万二一笔: cn2an refuses the run; drop trailing characters until it reads
        for cut in range(len(num) - 1, 0, -1):
            base = _to_int(num[:cut])
            if base is not None:
                break
        if base is None:
            return None
    if not mag:
        return base
    value = base * _MAG[mag] if "." not in num else int(round(float(num.replace(",", "")) * _MAG[mag]))
    if tail and not approx:  # 12万8 = 128000, 3k5 = 3500: one order below the magnitude
        t = _to_int(tail)
        if t is not None:
            value += t * _MAG[mag] // 10
    return value


# ------------------------------------------------------------------ dates
_WEEKDAY = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 6,
            "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}
_NUM = r"(\d{1,2}|[一二两三四五六七八九十]{1,3})"
#: a month in Chinese numerals, shortest reading first where a longer one is no month: in 八十八万二十一月 the scan
#: finds 十一月, not the 二十一月 that has no date
_MONTH = r"(?:十[一二]?|[一二三四五六七八九])"


def _add_months(d: dt.date, n: int, day: int | None = None) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day if day is not None else d.day, last))


def _month_end(d: dt.date, n: int = 0) -> dt.date:
    first = _add_months(d.replace(day=1), n, 1)
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _nearest_year(today: dt.date, month: int, day: int) -> dt.date | None:
    best: dt.date | None = None
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((cand - today).days) < abs((best - today).days):
            best = cand
    return best


def _small(s: str) -> int | None:
    v = _to_int(s)
    return v if v is not None and 0 < v < 1000 else None


_SHIFT_WORDS = (("听日", 1), ("听朝", 1), ("琴日", -1), ("大后天", 3), ("大前天", -3), ("后天", 2), ("前天", -2), ("明天", 1), ("明日", 1), ("明儿", 1),
                ("明早", 1), ("明晚", 1), ("明天一早", 1), ("昨天", -1), ("昨日", -1), ("昨晚", -1), ("今天", 0),
                ("今日", 0), ("今儿", 0), ("今晚", 0), ("今早", 0), ("当天", 0), ("当日", 0))
_DATE_PATTERNS: list[tuple[LazyPattern, str]] = [
    (lazy(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?"), "ymd"),
    (lazy(r"(上上|下下|再下|上|下|这|本)?(个)?月(底|末)|" r"(\d{1,2}|" + _MONTH + r")月(底|末)"), "month_end"),
    # (not 三年前, 几年前: years ago — 三年前头一单试产 is a story, not a deadline: dev play round 58)
    (lazy(r"(今年|年)(底|末|内)|(?<![\d一二两三四五六七八九十几多百千])年前|本年度内|今年之内"), "year_end"),
    (lazy(r"(上上|下下|再下|上|下|这|本|每)(个)?月" + _NUM + r"[号日]"), "rel_month_day"),
    # the year's last holidays, the next one on or after today (等到元旦以后, 圣诞节前) — not 国庆 or 五一, said of the
    # past as often (国庆那批啤酒), nor Shanghainese 今朝 / 明朝, which the dev writers label as seldom as 今天
    # (元旦前 is by its eve, as the writers read it; 元旦的货 / 元旦用的 are goods for it, not a day)
    (lazy(r"(元旦|圣诞|平安夜)(节)?(?!的|用)(前|之前|以前)?"), "holiday"),
    (lazy(r"(\d{1,2}|" + _MONTH + r")月(份)?" + _NUM + r"[号日]"), "month_day"),
    (lazy(r"(?<![月\d一二三四五六七八九十第头几])" + _NUM + r"[号](?![楼线码人])"), "day"),
    (lazy(r"(?<![月\d一二三四五六七八九十第每])(\d{1,2})日(?!常|子|程|期|本|内|以内|之内)"), "day"),
    # (这周三万, 下周五千块 are this / next week's amounts, not a weekday: a magnitude or a yuan follows the digit;
    # but Arabic digits after a weekday in characters are the amount due that day: 这周五10万,15号16万)
    (lazy(r"(上上|下下|上|下|这|本)?(个)?(周|星期|礼拜)([一二三四五六日天](?!十?万(?!一)|十?千|[wk]|十?[块元])|"
          r"[1-7](?![\d.]*[万千wk]|[\d.]*[块元]))"),
     "weekday"),
    (lazy(r"(上|下|这|本)?(个)?(周末)"), "weekend"),
    # (a bare 月 after a number is a month's name, not a span, before 以后: 九月以后您发来的邮件 is since September — 九个月以后
    # is the span: dev play round 58)
    (lazy(r"(半|一两|两三|" + _NUM + r")(个)?(天|日|周|星期|礼拜|个月|月(?!(?:之|以)?后))(之|以)?(内|后)(?!的)"), "within"),
    # a span given him to pay in is a deadline too (给您10天把余款付清): the same groups as the span above. Not a span
    # given as such (再宽限你一个月, 下批货给你四十五天): the dev writers read those as terms, not as a date
    (lazy(r"(?<!已经)(?<!都)给(?:您|你|恁|侬|你们|您们)?(半|一两|两三|" + _NUM + r")(个)?(天|日|周|星期|礼拜|个月|月)()"
          r"(?:的)?(?:时间)?(?=[,，]?(?:把|去|来)?[^,，。;；!！?？]{0,10}(?:付清|结清|还清|付款|打款|转账|筹|凑))"), "within"),
]


#: a clause that speaks of paying (付, 到账, 转账, 结清, an amount …) — but not of the paperwork around it (付款申请,
#: 还款承诺书, 付款协议)
_PAY = lazy(r"付(?!款申请|款单|款流程|款审批|款承诺|款计划|款协议|款方案)|到账|账上|打款|打过来|打给|转账|转过来|汇|结(?!果|论|构|束|婚)|还清|"
            r"还款(?!承诺|计划|协议|方案)|还上|"
            r"回款|[万元块]|\d{4,}|钱|打到|打进|打入|公账|差额|余款|尾款|欠款|货款")
_CLAUSE_END = lazy(f"[{_CLAUSE_MARKS}\n]")


#: a date found with its clauses: (ISO date, the clause before, the clause it stands in, the clause after)
DatedClause = tuple[str, str, str, str]


def _dated_clauses(text: str, found: list[tuple[int, dt.date]]) -> Iterator[DatedClause]:
    """Each date found, in order of appearance, with the clause before the one it stands in, that clause, and the
    clause after it."""
    ends = [m.start() for m in _CLAUSE_END.finditer(text)] + [len(text)]
    for start, d in sorted(found, key=lambda sd: sd[0]):
        lo = max([e + 1 for e in ends if e < start], default=0)
        hi = min(e for e in ends if e >= start)
        before = max([e + 1 for e in ends if e < lo - 1], default=0)
        yield (d.isoformat(), text[before:max(before, lo - 1)], text[lo:hi],
               text[hi + 1:min((e for e in ends if e > hi), default=len(text))])


#: a clause that is only the latest day for what the clause before it says (…七天内付这88.2万元,最晚不过11月27日)
_AT_THE_LATEST = lazy(r"^\s*(最晚|最迟|最多|顶多|不晚于|不能晚于|不得晚于|不超过|再晚)(也|不过|不能过|不超过|别超过|就|到)?")


def _pay_dates(clauses: list[DatedClause]) -> tuple[str, ...]:
    """The dates named in clauses that speak of paying (十二号前签证单补齐,二十五号前到账: only the 25th), or that are only
    the latest day for a payment said in the clause before (付这88.2万元,最晚不过11月27日); () when no date is, so the
    reader falls back on every date."""
    return tuple(dict.fromkeys(iso for iso, before, here, _ in clauses
                               if _PAY.search(here) or _AT_THE_LATEST.search(here) and _PAY.search(before)))


#: a clause that pays, not one that names money (货款, 46万): what makes today a payment date
_PAY_VERB = lazy(r"付(?!款(申请|单|流程|审批|确认|锁定|承诺|计划|协议|方式|日期|时间|节点|条件|安排|通知|凭证|记录|的事|的问题|情况))|到账|打款|打过来|打给|打到|打进|打入|转账|转过来|转给|转到|汇|结清|结掉|"
                 r"还清|还上|还款|把.{0,8}(钱|款)(给|转|打|付|结)")


def _pays_today(clauses: list[DatedClause], today: dt.date) -> bool:
    """Today is named in a clause that pays on it (今天下班前转过来), not one that only names money (今天就为46万来的)."""
    return any(iso == today.isoformat() and _PAY_VERB.search(here) for iso, _, here, _ in clauses)


#: a clause about the paperwork, not the money (三张签证单11月13号前补签好, 发票明天开过去, 资料周五前送到) — an agreement or a
#: written promise brought or signed is paperwork too (三方协议我明天拿来: dev play triangular-debt 55b's signing move, whose
#: 明天 was read as a payment day and dropped the three dated parts the debtor had agreed to)
_PAPERWORK = lazy(r"签证单|送货单|验收单|复印件|发票|开票|对账单|确认单|资料|单据|手续|补签|补齐|补开|补办|补交|协议|承诺书|欠条|借条|公函")


def _paper_dates(clauses: list[DatedClause]) -> tuple[str, ...]:
    """The dates named in clauses that speak of paperwork and not of paying (三张签证单13号前补签好; 这个礼拜五之前,
    签证单全部补签好 — a date opening the sentence belongs to the clause after it; 送货单、验收单、发票复印件,我明天上午给您
    整理一套 — or to the papers just listed before it): a deadline for papers, never a payment date, even in a move that
    names no other date (dev play triangular-debt 37b1: 明天 became the first instalment's day)."""
    def papers(here: str) -> bool:
        return not _PAY.search(here) and bool(_PAPERWORK.search(here))
    return tuple(dict.fromkeys(iso for iso, before, here, after in clauses
                               if papers(here) or not _PAY.search(here) and (papers(after) or papers(before))))


def _ordered(found: list[tuple[int, dt.date]]) -> list[dt.date]:
    out: list[dt.date] = []
    for _, d in sorted(found, key=lambda sd: sd[0]):
        if d not in out:
            out.append(d)
    return out


#: before a weekday: 每 (每周三, 每个礼拜一) or a run of them (每周一、周四)
_EVERY_WEEK = lazy(r"每(个)?$|每(个)?(周|星期|礼拜)[一二三四五六日天1-7]([、,和跟及或]+(周|星期|礼拜)?[一二三四五六日天1-7])*[、,和跟及或]+$")
#: before a span (七天内): the event it counts from, when it is not today
_AFTER_EVENT = lazy(r"收货|到货|验收|签收|交货|发货|开票|收到|合同|约定|异议|节点|到期|"
                   # money reaching someone else first (进度款到位七天内, 业主拨款后十天内, 钱下来五天内)
                   r"到位|到账|拨付|拨款|拨下来|款下来|钱下来|批下来")


#: before a date: a wait turned down (不用等明天, 别等到月底了, 何必等下周) — the day is the one he wanted, not one named
_NOT_WAITING = lazy(r"(不用|不必|别|甭|不|何必|用不着|犯不着)(再)?等(到)?$")


#: the kinds of date that name the day itself (12月13日, 2026-12-13): beside a relative day in apposition they win
_CALENDAR_KINDS = ("ymd", "month_day")
#: what may stand between a relative day and the calendar day it is said as (明天11月13日, 这周五(11月13号), 11月13日,也就是明天)
_APPOSITION = lazy(r"^[\s(（,，]*(也就是|就是|即|也即)?[\s(（,，]*$")


def _found_dates(text: str, today: dt.date) -> list[tuple[int, dt.date]]:
    found: list[tuple[int, int, bool, dt.date]] = []  # (start, end, a calendar day, the date) of each date kept
    taken = [False] * len(text)

    def add(start: int, end: int, d: dt.date | None, calendar: bool = False) -> None:
        if d is None or any(taken[start:end]):
            return
        if _NOT_WAITING.search(text[max(0, start - 6):start]):
            for i in range(start, end):
                taken[i] = True
            return
        for i in range(start, end):
            taken[i] = True
        found.append((start, end, calendar, d))

    for pat, kind in _DATE_PATTERNS:
        for m in pat.finditer(text):
            if kind == "weekday" and _EVERY_WEEK.search(text[:m.start()]):
                continue  # 每周三, 每周一、周四: a routine, not a day
            if kind == "within" and _AFTER_EVENT.search(text[max(0, m.start() - 8):m.start()]):
                continue  # 收货后七天内, 按合同30日内: a term counted from an event, not from today
            add(m.start(), m.end(), _resolve(kind, m, today), kind in _CALENDAR_KINDS)
    for word, shift in sorted(_SHIFT_WORDS, key=lambda ws: -len(ws[0])):
        start = text.find(word)
        while start != -1:
            add(start, start + len(word), today + dt.timedelta(days=shift))
            start = text.find(word, start + 1)
    # a relative day said as a calendar day (明天11月13日, 这周五(12月4号)) is that calendar day: the speaker's clock may
    # not be the scenario's (the follow-up call "tomorrow, the 13th" is made on the 12th, dev play follow-up 43a1)
    # — and so is the same word said again in the line (明天11月13日是付款日,我明天上午过去)
    calendar = [(s, e) for s, e, c, _ in found if c]
    said_as = {text[s:e] for s, e, c, _ in found if not c and any(
        _APPOSITION.match(text[e:cs]) if cs >= e else _APPOSITION.match(text[ce:s]) for cs, ce in calendar)}
    return [(s, d) for s, e, c, d in found if c or text[s:e] not in said_as]


#: fixed-date holidays (month, day); the lunar ones (春节, 中秋) move and are left out
_HOLIDAYS = {"元旦": (1, 1), "圣诞": (12, 25), "平安夜": (12, 24)}


def _rel(word: str | None) -> int:
    return {"上上": -2, "下下": 2, "再下": 2, "上": -1, "下": 1}.get(word or "", 0)


def _resolve(kind: str, m: re.Match[str], today: dt.date) -> dt.date | None:
    g = m.groups()
    try:
        if kind == "ymd":
            return dt.date(int(g[0]), int(g[1]), int(g[2]))
        if kind == "month_end":
            if g[3]:
                month = _small(g[3])
                if month is None or month > 12:
                    return None
                near = _nearest_year(today, month, 1)
                return _month_end(near) if near else None
            return _month_end(today, _rel(g[0]))
        if kind == "year_end":
            return dt.date(today.year, 12, 31)
        if kind == "holiday":
            on = _HOLIDAYS[g[0]]
            this_year = dt.date(today.year, *on)
            holiday = this_year if this_year >= today else dt.date(today.year + 1, *on)
            return holiday - dt.timedelta(days=1) if g[2] else holiday
        if kind == "rel_month_day":
            day = _small(g[2])
            if day is None or day > 31:
                return None
            base = _add_months(today.replace(day=1), _rel(g[0]), 1)
            return base.replace(day=min(day, calendar.monthrange(base.year, base.month)[1]))
        if kind == "month_day":
            month, day = _small(g[0]), _small(g[2])
            if month is None or day is None or month > 12 or day > 31:
                return None
            return _nearest_year(today, month, day)
        if kind == "day":
            day = _small(g[0])
            if day is None or day > 31:
                return None
            # a day of the month already past is next month's (2号前付, said on 11月30日, is 12月2日): a payment is never
            # asked for a day gone — stop 53, dev play bad-debt-signs read 2号 as 11月2日
            return _add_months(today, 1 if day < today.day else 0, day)
        if kind == "weekday":
            monday = today - dt.timedelta(days=today.weekday())
            return monday + dt.timedelta(days=7 * _rel(g[0]) + _WEEKDAY[g[3]])
        if kind == "weekend":
            monday = today - dt.timedelta(days=today.weekday())
            return monday + dt.timedelta(days=7 * _rel(g[0]) + 6)
        if kind == "within":
            n = {"半": 0.5, "一两": 2, "两三": 3}.get(g[0])
            count = float(n) if n is not None else float(_small(g[1] or "") or 0)
            if not count:
                return None
            unit = g[3]
            if unit in ("天", "日"):
                return today + dt.timedelta(days=int(count))
            if unit in ("周", "星期", "礼拜"):
                return today + dt.timedelta(days=int(7 * count))
            if count == 0.5:
                return today + dt.timedelta(days=15)
            return _add_months(today, int(count))
    except (ValueError, OverflowError, KeyError):
        return None
    return None


# ------------------------------------------------------------------ condition, concession
#: keeping to time, by the clock or by the plan: a condition (都按日子到账,…) and a payment named before what we give
_ON_TIME = r"(按时|准时|按期|如期|按日子|按约定|按计划)"
_CONDITION = lazy(r"如果|假如|假使|倘若|要是|若是|(你|您|恁|你们|您们)要(能|肯)|若(?=[有能您你贵])|只要|前提|(有|一)个条件|条件是|(但|不过|可是|可)?有条件(?=[:：,，])|的话|一旦|除非|要真能|真能|"
                        # the debtor's part named as what makes ours happen: 把本金打过来就好 / 但您得先签字
                        r"把.{1,14}(打|付|转|结|还|签|走|清)(过来|进来|完|了|清|掉)?.{0,4}(就好|就行|就可以|就成|再说|再谈)|"
                        r"(但|不过|可是|可)(是)?.{0,12}(得|必须|要先|先得|需要).{0,4}(付|结|到|打|转|签|清|还|安排)|"
                        r"(您|你|贵司|你们).{0,6}把.{1,16}(打|付|转|结|走|签|还|开|盖)|"
                        # 只有…才, and the debtor's part first, ours after (这十八万先结了,我才能给您放账期)
                        r"只有.{1,24}才|(了|来|到)[,，](我|我们|咱们)?才(能|好|可以|会|敢)|"
                        # his part first, ours after (你先转五万表个态,我再去找老板; 等你们把货款结清了,我再派车; 结清了以后,
                        # 我才好喊车), and "but you must" (但是你要给我写个条子; 但有一条:…)
                        r"(你|您|你们)先.{0,4}(付|打|转|结|还|签|把|给|开|对|交|出).{0,18}[,，\s](剩下的.{0,8})?(我|我们)(再|才|就|去)|"
                        # his doing, then ours (你这礼拜付三十万,我就…; 款子到了,我就…; 对上了我再看…), and a proviso of its own
                        # (但是有一条:…)
                        r"(你|您|你们).{0,8}(付|打|转|结|还|签|盖|开|到账|到位|对上|对清|写).{0,14}[,，](剩下的.{0,8})?(我|我们)(就|才|再)|"
                        r"(对上|签|付|转|打|结|盖|交|还|到账|到位|对清|写|到)(了|完)[,，]?(我|我们)(再|才|就)|(但|不过)(是)?(有一条|有个条件|有个前提)[:：,，]|等(你|您|你们).{1,20}(了|以后|之后)[,，]?(我|我们)(再|才)(?!说|走|谈|聊)|"
                        r"(了)?(以后|之后)[,，]?(我|我们)(才|再)|(但|不过)(是)?(有一条|有个条件)?[:：,，]?(你|您|你们)(要|得|必须|需要)(给|写|签|把|先|答应|做到)|"
                        r"(但|不过)(是)?[,，]?(你|您|你们)(得|必须|需要).{0,14}(付|结|到账|打|转|签|清|还)|"
                        r"(只要|要是|如果)?(能|肯|愿意).{1,24}[,，]?.{0,6}(我|我们|咱们)?(就|便)(能|可以|给|帮|把|不|申请|同意|答应|让|算)|"
                        # the debtor keeping to it as what makes ours happen: 做得到,违约金就一笔勾销; 按期付清,利息就免
                        r"(做得到|做到了|办得到|能做到|按时|准时|按期|按约|守约)(的话)?.{0,12}(就|便)|"
                        # a clause of its own that ends on keeping to time, before what we give up (两次都按时,这80天的违约
                        # 金我去申请全免): the condition without a 就
                        r"(?<![没不未])(都|能|只|每期|每次|每笔)" + _ON_TIME + r"(付|到|还|到账|付清|还清|付款)?(了)?[,，]|"
                        # … or the clause that opens the line or a sentence of it, short and plain (按时付,违约金俺找领导免: dev
                        # play round 80, fake-broke 80d heard a concession given outright and he bargained the days again;
                        # …8万。按期付,违约金我申请免: round 81, genuinely-broke 81d)
                        r"(?:^|(?<=[。;；!！?？]))" + _ON_TIME + r"(付|还|到账|付清|还清|付款|打款)(了)?[,，]")
#: a condition on the debtor *not* doing something is a threat ("再不付就起诉"), not an offer
_THREAT_CONDITION = lazy(r"(再不|还不|不付|不还|不给|不打|不结|不交|没到账|不到账|没动静|还没|继续拖|再拖|"
                               r"延迟|拖过|逾期不|不把钱|不配合|不签)")
_OFFER = lazy(r"只要|(至少|起码|最少|最起码)(请)?(先)?(支付|付|给|还|打|回)")
_CONCESSION = lazy(
    r"((?<![避难不])(?<!(?<!可)以)免(?!得))|(不要了|不算了|就不算|不跟您算|不跟你算|不(跟|和)?(您|你)?计较|不追究|不收了|不往上报|当没有|一笔勾销)|"
    r"(让|降|优惠|少算)(了|您|你|给您|给你)?(个|两个|一个|几个|[一二三四五\d]个?)点|让(利|步)|降价|(打|按|给您|给你).{0,4}[一二三四五六七八九\d]{1,2}折|"
    # (出 only as ours to pay — 差额我们出, 运费我们来出 — not 差额我们当场算出, which is working it out: dev play bad-debt 59b)
    r"(运费|差价|贴息|差额|损失).{0,8}(我们|我方|公司)?.{0,4}(承担|(?<![算拿付交列找查看做打支提退选写])出(?![来数去])|来出|负责|照赔|算我们的)|(费用|成本)(我们|我方|我司|公司|俺们)(来)?(出|承担|负责)|"
    # what we make good or let go (补两箱, 不另外算钱, 违约金先放一放, 先不催你, 负责退换, 我直接从货款里扣)
    r"补(给)?(您|你)?[一二两三四五六七八九十几\d]+(箱|桶|件|台|批|包|袋|套|盒)|不另(外)?(算|收)|"
    r"(违约金|利息|滞纳金|罚息|运费).{0,6}(先)?放一放|先不催(你|您)|负责(退换|更换|换货)|(我|我们|俺|俺们)(直接|就|来)?(从|在).{0,4}(货款|尾款|款|账)里?扣(?![了掉过])|"
    r"算(在)?我们(的|头上)|我们(来)?承担|照赔|宽限|延期|缓一缓|往后(挪|推|延|放)|再(挪|推|延|宽限)|"
    r"(过完年|下个?月|明年|以后|年后|春节后).{0,3}再说|"
    # giving up the ask: 不催了, whenever you have it, the debt left hanging, their timing instead of ours
    r"不(再)?(催|逼)(你|您)?了|(啥|什么|哪)(时候|天)(有钱|方便|有了|宽裕|手头宽裕|周转过来).{0,3}(啥|什么|哪)(时候|天)(给|付|还|打|结)|"
    r"(这笔|这账|账|钱|款|尾款|货款).{0,6}先(放着|挂着|放一放|放放|搁着|搁一搁|缓缓)|"
    r"等(你|您|你们|贵司|甲方|对方|款|钱).{0,12}(了)?再(说|付|给|还|结|算)|"
    r"(钱|款|账|这笔).{0,8}(下次|改天|回头|下周|下个?月|明年|年后)再(说|算|谈|付|给)|"
    r"(款|钱|账).{0,4}(你们|您|你)?(看着办|看着给|随便给)|(给|付|还|打|结|清)(我们)?(就行|也行|也可以|都行)|"
    r"不着急(?!慢慢[讲说])|不急(?!着)|不急着(要|收|催|让)|慢慢(还|付|来)|按您的(数|意思)|扣掉(?![了,，;；]{0,2}(之后|以后|已|您?(上次|上回|预付)|恁|(你|您)们?(退|付)|(今天)?(拉|退|冲|付|还)|现在|所以|还剩|剩|余额))|(零头|尾数).{0,8}(去掉|抹|不要|放)|抹零|"
    r"[万千块元\d一二两三四五六七八九十百](的)?(零头|差价)?(就|也)?算了|返利(?![^,，。;；]{0,6}(已|早)(经|就)?(冲|抵|兑|结|返|扣))|(?<!不)(?<!不应)该(扣|赔|换|退)的|抹(了|掉|个)?零|(可以|就|都)不算(?!数)|(争取|申请|就)按(?!合同|约定|规定|协议|原来|原价).{1,8}算|零头.{0,6}抹|(我们|我方|公司|这边)扛|扛(了|下来)|(我们|我方|公司|这边|自己|内部)(来)?消化|不再追究|(?<!拖)延(到|至|长)|(?<![拖迟推])延[一二两三四五六七八九十几半\d]{1,3}个?(天|周|星期|礼拜|月)|"
    r"多(延|送|保)|赠品|(补|送)(您|你)?(一批|几箱|点)|降(到|至|为)|我们认了|按您说的(数|来|办)|原价(收回|退)|"
    r"不把.{0,8}(报|上报|列入|报进|拉进)|让(您|你)?[\d一二两三四五六七八九十]+(万|千|块)|"
    r"(降|便宜|少收)(价)?.{0,2}[\d一二两三四五六七八九十]|争取了.{0,4}(时间|天|周)|(时间|期限|账期).{0,3}(争取|宽限|放宽)|放到明年|账期.{0,6}(放|延|拉长|改)|"
    # a later day allowed (可以等到一月底, 付款日可以宽到下周五, 付款日可以放到15号)
    r"(可以|能)等到|宽到|(付款日|日子|期限|时间|账期|还款日)(可以|就)?(放|挪|推|延)到|"
    # a fee cut or let go, a reward (滞纳金砍一半, 利息减半, 利息我就不提, 这事就翻篇, 奖你一个点, 多争取一个点)
    r"(违约金|利息|滞纳金|罚息|费|罚金).{0,8}((砍|减)(掉)?(一半|半)|减半|(就)?不提)|翻篇|不追了|就不追|不计(违约金|利息|滞纳金|罚息)|"
    r"奖(你|您)(一个|[一二两三\d]个?)点|多(争取|给|返)(一个|[一二两三\d]个?)点(?![时時]间)|"
    r"(报|算|兑现|给到|批)(你|您)?.{0,4}[一二三四五六七八九\d]{1,2}[五七]?折|(?P<zhe>[一二三四五六七八九\d]{1,2}折)(那)?就(?P=zhe)|"
    # a cost we carry (差价我们来补, 税点我们自己贴, 维修费担了, 我自己掏腰包垫上)
    r"(费|税点|差价|损失|成本|钱)(我们|我方|公司|我|咱们)?(自己)?(来)?(补|贴|担|垫)(了|上|掉)?(?=[,，。!！;；]|$)|掏腰包(垫|补|出|贴)|(我们|我方|公司)自己(来)?(担|贴|补|垫)|"
    # nothing charged for it (一分不收, 包送货上门) — but not 折价 alone: the faulty batch written down as the contract says is
    # owed, not given (dev play quality-dispute 7c, 16b: 退换还是折价都按合同来)
    r"一分(钱)?(都|也)?不(收|要)|包(送货|运费|邮|安装|运)|送货上门|免费(送|安装|配送|维修|换)|"
    # something given free (免费派工程师上门, 白给您修, 开模费我们全担, 赞助两台, 额度提到五十万, 五千块质保金一并退给您)
    r"(?<![不没非])免费(?!的吗|吗)|白(给|送|修|换|帮)(?![^,，。]{0,10}[?？])|(我们|我方|公司|我)全(包|担|出|免)|赞助|额度.{0,14}(提|加|放宽|调高)(到|至|了)|"
    r"(送|赠)(您|你)(们)?[一二两三四五六七八九十几\d]|退(还)?给(您|你)(们)?(?!.{0,4}(吗|\?|？))|"
    # the old price or terms kept for his new orders (新店那批货我按老价格给, 新单按老客户的条件给您走) — not a past deal
    # described (这批全部按老价格结的)
    r"按(照)?老(客户|价|价格|价钱|条件|账期|折扣)(的)?(条件|价|价格|待遇|政策)?.{0,4}(给|走|发|算|供|排|来)(?![的过])|"
    # his figure or his time taken (就按十二万结了, 你说多少就多少, 您说哪天就哪天, 拖就拖吧, 我们这边也等, 申请核销, 按成本价走, 退货全收)
    r"就按.{1,8}结|(你|您)说(多少|什么时候|啥时候|么时候|哪天|几号)就(多少|什么时候|啥时候|么时候|哪天|几号|那天)|(?P<drag>拖|延|晚)就(?P=drag)吧|(我们|我|我这边|我们这边)也等(?!了)|(申请|争取|帮你|给你|直接)核销|成本价|照单全收|全收|不扣(折旧|钱|款|费)|"
    r"不(跟|和)(你|您)(争|掰扯|较真)了|(不行|不方便|来不及).{0,10}(也行|也可以)|(这个月|这期|今天|周五|那周五|这周)(就)?(先)?(不用|别|不)(付|打|给|还)了|"
    # stop 42, from dev_r27c (conditional and unconditional concessions told apart): a fee let go in plain words (利息不要也
    # 要得, 罚息…保证不算你的, 违约金我就当没这回事, 利息一分不加, 那三千八的利息就当我送你的); a discount named as such (九五折
    # 我给你留着, 打个对折); more time with 拖/缓/宽 (剩下的你可以拖到下个月5号); returns or exchanges accepted (你要退就退, 次品我
    # 可以给你换); credit, warranty or priority given (给你们赊三十天, 多给三个月质保, 不用等排期, 价格下个季度不涨)
    r"(利息|罚息|违约金|滞纳金|零头|运费|这个费|费用)(我|我们)?(就|也|都|可以)?不(要|收|算|计|加|提)(了|也要得|也行)?|不算(你|您)的|"
    r"就当(莫得|没有|没)(这回事|这笔)|一分不加|(就)?(当|算)(是)?(我)?(送|请)(你|您)|"
    r"(给|按|打|开|留)(你|您)?(们)?(个)?(?<![一二三四五六七八九十])[一二三四五六七八九\d]{1,2}[五八]?折(?!旧|腾)|"
    r"(?<![一二三四五六七八九十])[一二三四五六七八九\d]{1,2}[五八]?折(我)?(给|留|开)|打(个)?对折|半价|"
    r"((?<!只)可以|(?<!只)能|让(你|您)|允许(你|您)|给(你|您))(再)?(拖|缓|宽)(到|至|一)|缓到|"
    r"(要|想)退就退|退(回来)?(也)?(可以|要得|行|没问题)|可以给(你|您)(们)?(退|换)(?![了过])|"
    r"赊(给)?(你|您)?(们)?[一二两三四五六七八九十\d]+天|多给(你|您)?(们)?.{0,4}质保|不用等排期|给(你|您)(们)?优先|(价格|价钱|单价).{0,10}不涨|"
    # giving in, plainly (dev_r27c): the paper let go (欠条就不用写了, 还款计划也不消写了), his timing taken (日子你们定,哪天都可以;
    # 晚一个月就晚一个月), the ask dropped for now (这个月就不找你了, 前任欠的就不跟你们算了), what he sends back all taken (退多少
    # 我们都收), a cost carried by me (我自己贴了, 先帮你垫着), his figure taken (就按你说的那个降), time to pay (先别急着转, 我们等得起)
    r"(欠条|借条|还款计划|承诺书|条子|确认函)(就|也)?(不用|不消|不必)写|(不用|不消|不必)(给我)?写(啥子|什么)?(欠条|借条|还款计划|承诺书|条子)|"
    r"哪天(付|还|给|结)?都(可以|行|要得)|(?P<late>晚[一两几]?个?(月|周|星期|礼拜|天))就(?P=late)|"
    r"就不(找(你|您|你们)了(?![,，]?(直接|我就|就)?(去)?找)|(跟|和)(你|您|你们)(算了|要了))|(退|拿|送)(回来)?多少(我们|我)?都收|(我|我们)自己(来)?(贴|垫)(了|上|着)?|帮(你|您)垫|"
    r"(按|照)(你|您)(上个月|上次|刚才)?说的.{0,6}(降|算|结|办|来)|(先)?别急着(转|付|还|打)|"
    r"(分几次|分几期)(还|付)?(都|也)(行|要得|可以)|"
    # stop 43, from dev_r28a (valuable concessions the slots missed): a service or thing given at our cost (培训两天,不收钱;
    # 换个新的,钱我们出; 运费俺们厂包了), his orders put first (给恁插个队, 优先保您) — not
    # 头一个给 (a favour done before as often), a bill taken as payment or a gift of small talk: the writers disagree
    r"不收(钱|费|费用|一分钱|您的钱|你的钱|恁的钱)(?![吗?？])|(钱|费用|这笔钱|这个钱|这钱)(我们|俺们|我方|公司|厂里|我)(来)?(出|包)(了)?(?![吗?？不])|"
    r"(我们|俺们|我方|公司|厂里)(厂)?(全)?包(了|下来)|给(你|您|恁)(们)?插(个)?队|(?<!都是)(?<!一直)优先(保|给|供|发|排)(你|您|恁)|"
    # a later day accepted (下个月20号可以), a fee dropped or asked off (前面几个月的就不提了, 违约金我帮你全部申请掉), the factory price given (按出厂价给你们走)
    r"(号|日|月底|月初)(也|就)?(可以|行|要得)(?![吗?？呢不])|"
    r"(几个月|那几天|前面|之前)(的)?(就)?不提(了)?|申请(掉|免)|按出厂价给(你|您)|"
    # stop 46, from dev_r31a (conditional concessions whose giving the slots missed): a fee cut for him (帮你减一半), a cost
    # carried for him (运费我们就帮你们包了), more credit on his next orders (多放半个月账期), a suit withdrawn (撤诉), a fee not
    # counted for now or not "heard" (违约金先不算, 违约金那头我就当冇听见), his supply put first (优先帮你调货)
    r"(帮|给)(你|您)(们)?(减|砍)(掉)?(一半|半)|(运费|费用|差价|税点|路费|安装费|这笔费用).{0,10}(帮|替)?(你|您)?(们)?(全)?包了|"
    r"多(放|给|延)(你|您)?(们)?(半|[一二两三\d])?(个)?(月|天|周|星期|礼拜)(的)?账期|撤诉|撤案|(?<!都)先不算(?!数)|(就)?当(冇|没|没有)听见|优先帮(你|您)")
#: instalments allowed (剩下的可以分三个月付, 分四期我没意见, 后面的我同意按月付): more time is given — the concession
#: of an instalment plan, which the plan's own act already carries
_INSTALMENTS_GIVEN = lazy(r"(可以|同意|就|能|允许|答应|申请|(再)?给(你|您)(们)?(再)?)(按月|分期|分[一二两三四五六七八九十几\d]+(期|次|个月|笔|回))|无息分期|按月(付|还)(也行|都行|可以)|"
                          r"分[一二两三四五六七八九十几\d]+(期|次|个月|笔|回)(付|还|走)?(我)?(都|也)?认|"
                          r"分[一二两三四五六七八九十几\d]+(期|次|个月|笔|回)(付|还|给|结)?(完|清)?(我|我们|我这边)?(也行|也可以|都行|没问题|没意见)|分几次都行")
_BUT = lazy(r"但|不过|可是")
_CLAUSE_END = lazy(r"[,，;；。!！?？]")
#: (能不能免 / 会不会降 / 可不可以延 ask; they refuse nothing)
_NEGATED_CONCESSION = lazy(r"((?<!能)不能|(?<!会)不会|没法|不可能|无法|没有权限|没权限|做不了主|(?<!可)不可以|绝不|决不|"
                                 # what holding out will not buy: 这笔欠款换不来降价, 休想再延
                                 r"换不来|换不到|别想|休想|甭想).{0,6}(免|减免|让|宽限|延期|延长|延后|再延|打折|降|动|改|变)|"
                                 r"(口子|先例).{0,4}(不能|绝不能|不会|没法)开|"
                                 # stop 46, from dev_r31a: no concession in the words — his shame (脸都不要了), the discount he
                                 # talks of (还好意思跟我谈降价? — not 只要您不再提降价, his part of a deal), the others put back for us (您先给我们,别家往后放放)
                                 r"(脸|脸皮|面子|良心|命|信用|名声)(都|也)?不要了|(?<![不别再])(谈|提|讲)(降价|打折|让利|折扣|减免)|先不(谈|提|讲|说)(降价|打折|让利|折扣|减免)|"
                                 r"(别家|别人|人家|其他(供应商|家|人)?)(的)?.{0,2}往后(挪|推|延|放)|"
                                 # no more time (日子也不再往后延, 不能再往后推了; dev play bad-debt-signs 43a1)
                                 r"(不再|不会再|不能再|没法再|不可能再|别想再|甭想再)(往后)?(延|推|挪|拖|宽限|放)|"
                                 # … said as a term that is not there (冇宽限期:今日退货冲抵,余款最迟12月2日前: dev play round 81,
                                 # bad-debt-signs 81a was heard giving him time)
                                 r"(?<![还也])(没有|没|冇|无|不给|不设|不留)(任何)?(宽限|缓冲|延期)(期)?|"
                                 # what he is after, not what we give: 压着这笔是不是为了明年降价, 您是想让我们延账期 (a natural
                                 # plan line of factory-to-factory: his aim had read as our concession)
                                 r"(为了|想|想要|要求|盯着|惦记着|等着|图|逼|压)(着)?(让)?(我们)?(明年|今年|下批|新单|我们)?(降价|降点|让利|打折|延期|宽限|延长账期|延账期)|"
                                 # the price or the terms put off as a topic, not given: 降价的事咱放后头说 (dev play factory 31a)
                                 r"(降价|降点|价格|单价|账期|折扣|让利|延期|宽限|减免|免运费)(的事|这事|这块|的问题|这个)?(情)?.{0,3}(放(到)?(后头|后面|一边)|往后放|(先)?(放一放|放放|搁一搁)|"
                                 r"(以后|回头|后面|后头|改天|下次)再(说|谈|议|聊)|另(外)?(约|找)?(个)?(时间)?(再)?(谈|说|议|聊)|先不(谈|说|提|聊)|(慢慢|再)(考虑|想想|研究))|"
                                 # put off to a later occasion (降价我们明年订货会上再聊)
                                 # (降价明年合同谈,跟欠款分开 said short, with no 再: dev play round 80d, factory-to-factory), said to be
                                 # another deal's business (降价是明年新合同的事), or someone else's to talk of (另外找我们老板谈)
                                 r"(降价|价格|单价|账期|折扣|让利|延期|宽限|减免)(的事)?.{0,4}(明年|以后|下次|回头|改天|年后).{0,8}再?(说|谈|议|聊)|"
                                 r"(降价|价格|单价|账期|折扣|让利)(的事)?((是|那是)(明年)?(新合同|新单|下一单|下批|明年)(的)?事|"
                                 r".{0,6}另(外)?(约|找).{0,8}(谈|说|议|聊))|"
                                 # what is asked for first, then turned down: 降五个点也不行, 延账期我都不接, 宽限我给不了 (dev play bad-debt-signs 16a)
                                 r"(降|打折|折扣|让利|让步|减免|免掉|延期|延长|宽限|账期).{0,10}(也不行|都不行|都不接|不接受|接受不了|不能接|"
                                 r"没门|免谈|是?不可能|没可能|想都别想|不考虑|也不能做|不能做|做不了主|权限不够|不在我?的?权限|定不了|(肯定|绝对|是)?不行(?!的话)|不答应|不同意|不能答应|没得谈|谈不了|给不了|给不起|不能给|没法给|给不出|不挂钩|不能挂钩|不搭界|"
                                 r"跟不了|不能换|不会拿.{0,6}换)|"
                                 r"(折|价|点|账期|违约金|利息|零头).{0,4}(打不了|降不了|让不了|免不了|减不了|批不了|抹不了|不能抹|不抹)|"
                                 # the price held (价格公司不动, 单价动不了 — not 价格保持不动, which keeps it for him)
                                 r"(价格|价钱|单价|价).{0,4}(不能动|动不了|(?<!保持)(?<!保持一分)不动)|"
                                 # stop 42, from dev_r27c's refusals: asked back and turned down (降价?莫得可能), the door kept
                                 # shut (这个口子我开不了), the price not matched (我们的价格不跟), no such thing (不存在抹零的说法),
                                 # not mine to give (违约金不是我能免的, 抹零我没这个权限, 延期我真的批不了, 再延我开不了口)
                                 r"(降价|降|延期|宽限|抹零|免|打折|让)[^,，。;；]{0,6}[?？][,，]?.{0,4}(莫得可能|没可能|不可能|没门|免谈|不行|莫想)|"
                                 r"(口子|先例).{0,6}(开不了|开不得)|(价格|价钱|单价|价)(是)?(从来)?(不跟|不会跟)(?!着?涨)|不存在.{0,6}(抹零|降价|打折|减免|免)|"
                                 r"不是我能(免|批|定|让|降|做主)|没(这个|那个)?权限|(延期|宽限|降价|抹零).{0,4}批不了|开不了口|不得(答应|同意)|"
                                 # his terms said back to him (你的意思是我们降五个点,你就…; 你说给你宽限到20号你就…) and what others
                                 # give him (人家那家供应商给你们打九折): not ours to give
                                 r"(你|您)(们)?(的意思是|意思是|是说|是讲|刚才说|刚刚讲|刚刚说|刚才讲|说|讲)(的)?[,，:：]?(如果|只要)?"
                                 r"(我们|给你|给您|让我们|要我们).{0,16}|"
                                 r"(别家|人家|那家|对面|同行|其他供应商|别的供应商).{0,12}给(你|您)(们)?(的)?.{0,6}(优惠|打|返利|降|让|账期)")
#: a plan held to, not a concession refused: 前提是计划不能变, 日子不能改, 每期金额不能动 (the words of a refusal with the plan
#: or its days as their subject: the condition of what we give, dev play genuinely-broke 33b)
_TERMS_HELD = lazy(r"(计划|方案|日子|日期|时间|节点|金额|数额|期数|每期|每笔|约定)[^,，。;；]{0,3}(不能|不会|不可以|不得|不准)(再)?(变|改|动)")
#: the debtor's part said as done or asked for, then what we give with 就/才/可以 (旧账清了,新单我给你报九七折; 签字盖章了,
#: 利息我就不提; 押一张承兑汇票给我,付款日可以宽到下周五): the course's 有条件让步 with the "if" left out
_DEBTOR_PART = lazy(r"(清了|结清|还清|付清|清零|到账|到位|到了|签了|盖(了)?章|签回来|拿到了|付了|打了|转了|结了|押|保函|汇票|出个|发(我|给我)|回传|确认了|答应)")
_THEN = lazy(r"就|才|可以|那")
#: his part said as done just before (旧账清了, / 签字盖章了,): "once it is done" needs no 就
_DONE = lazy(r"(清|结清|还清|付清|到账|到位|到|签|盖章|签字|拿到|付|打|转|结)了(的话)?$")
#: a proviso he must meet, anywhere in the line
_PROVISO = lazy(r"前提|条件|只要|但(是)?(得|要|必须)")
#: his difficulty named as the "if" (要是周转不开…): the frame of giving in, not a condition
_DIFFICULTY = lazy(r"不方便|周转不开|困难|为难|拿不出|付不了|手头紧|缓不过来|不行")
#: the debtor's payment by a deadline, named before what we give up in the same breath, is the condition of it
#: (这周五之前把42万全部付清,违约金我去申请全免 is the course's 有条件让步 without a 如果)
_DEADLINE_PAYMENT = lazy(r"(前|之前|以前|以内|之内|当天|今天|今儿|月底)(把)?.{0,12}(付清|结清|还清|全部付|一次性付|付齐|"
                               r"一次付|到账|到位|打过来|转过来|全额|(付|打|转|还|结)(?=[\d一二两三四五六七八九十]))|"
                               # paid on time, before what we give (11月20号50万、30号35万,按时到账六万八违约金我申请免)
                               r"(?<![没不未])" + _ON_TIME + r"(足额)?(到账|付清|还清|结清|付款|打款|还款)")


def _given(text: str, start: int, refusals: list[tuple[int, int]]) -> tuple[re.Match[str] | None, bool]:
    """The first thing given up from ``start`` outside the refusals, and whether instalments are all that is given."""
    def first(rx: LazyPattern) -> re.Match[str] | None:
        return next((m for m in rx.finditer(text, start) if not any(a <= m.start() < b for a, b in refusals)), None)
    given, spread = first(_CONCESSION), first(_INSTALMENTS_GIVEN)
    if given is None:
        return spread, spread is not None
    return (spread if spread is not None and spread.start() < given.start() else given), False


def _clause_cut(text: str, at: int) -> int:
    """Where the clause holding ``at`` begins: the last comma, semicolon or colon before it (-1: none)."""
    return max(text.rfind(p, 0, at) for p in ",，;；:：")


def _conditional_and_concession(text: str) -> tuple[bool, bool, bool, bool]:
    """(conditional, concession, refused, spread only): an offer tied to a condition, something given up, something
    refused, and whether instalments are all that is given."""
    # a concession refused is none, but another given after a "but" still is (五个点的降价不可能 … 但要是…这半年的违约金
    # 我可以申请全免): after a refusal, only what is given past a 但/不过/可是 counts, and not inside a refusal
    refusals = [m.span() for m in _NEGATED_CONCESSION.finditer(text) if not _TERMS_HELD.search(text, max(0, m.start() - 8), m.end())]
    refused = bool(refusals)
    # (or past an "if" he must meet: 价钱一分不动;你要真想要优惠,现款结清,下一单给你包送货上门)
    turns = [m for m in (_BUT.search(text, refusals[0][1]), _CONDITION.search(text, refusals[0][1])) if m] if refusals else []
    but = min(turns, key=lambda m: m.start()) if turns else None
    start = 0 if not refusals else but.end() if but else len(text)
    given, spread = _given(text, start, refusals)
    if given is None and refusals:
        # something given for his part done, in a clause of its own before the refusal, still is (…按这个付了,违约金我去找
        # 公司申请免掉,价格的事以后该谈再谈: the fee waived on a condition, the price cut refused — dev play malicious-delay
        # 56b); not a concession named only as the thing refused (延期这个事,…不能再延了)
        early, early_spread = _given(text, 0, refusals)
        if early is not None and _CLAUSE_END.search(text, early.end(), refusals[0][0]):
            # (… or on a proviso he must meet: 只要款按日子到账,违约金我去公司申请免掉;明年的价格,另约时间谈 — dev play
            # factory-to-factory 43a2, stop 68)
            cut = _clause_cut(text, early.start())
            if cut > 0 and (_DONE.search(text[:cut]) or _PROVISO.search(text[:cut])):
                given, spread = early, early_spread
    concession = given is not None
    cond = _CONDITION.search(text)
    conditional = False
    if given is not None and cond is None:
        # the condition said without an "if": his payment by a deadline, or his part done or asked for, before ours
        cut = _clause_cut(text, given.start())
        if _DEADLINE_PAYMENT.search(text[:given.start()]) or cut > 0 and (
                _DONE.search(text[:cut]) or _DEBTOR_PART.search(text[:cut]) and _THEN.search(text[cut:given.end()])):
            return True, True, refused, spread
    if cond is not None:
        def hard(at: int) -> bool:
            return bool(_DIFFICULTY.search(text[at:at + 12]))
        if concession and hard(cond.start()) and not _PROVISO.search(text):
            # his difficulty as the "if" (下周三要是还不方便,那就再往后推推) frames giving in, not a condition he must meet;
            # a later "if" he must meet still binds (…您要是真困难就先放着,不过要是您能在20号前付掉,再让一个点)
            later = _CONDITION.search(text, cond.end())
            conditional = later is not None and not hard(later.start())
        else:
            threat = bool(_THREAT_CONDITION.search(text[cond.start():cond.start() + 30])) and not concession
            conditional = not threat and (concession or bool(_OFFER.search(text)))
    return conditional, concession, refused, spread


#: today as the day of the visit: 今天(专程/特地…)来/过来/上门/拜访/找您 — not 今天来拿/来收/来结 (collecting today is a when)
_VISIT_TODAY = lazy(r"(今天|今日|今儿)(我|我们)?(是)?(专门|专程|特地|特意|主要|就是|也就)?(来|过来|上门|登门|拜访|找(您|你)|跑(这)?一趟)"
                    r"(?!.{0,4}(拿|收|取|结|付|转|打|签))")


def extract_slots(text: str, today: dt.date) -> Slots:
    """The slots of ``text`` resolved against ``today``; never raises on any string."""
    t = _UNIT_THEN_DATE.sub(",", _AMOUNT_INTO_DAY.sub(_day_off, _prepare(text)))
    if not t.strip():
        return Slots()
    conditional, concession, refused, spread = _conditional_and_concession(t)
    recurring = bool(_MONTHLY_TO_END.search(t))
    found = _amounts_and_fees(t)
    when = _found_dates(t, today)
    termed = recurring or bool(_REMAINDER.search(t))
    rest_open = not termed and bool(_REST_ASKED.search(t) and not _REST_LEFT_TO_HIM.search(t))
    clauses = list(_dated_clauses(t, when))  # read by the payment, paperwork and today readers alike
    return Slots(tuple(v for v, _, _ in found), tuple(d.isoformat() for d in _ordered(when)), conditional, concession,
                 refused, termed or rest_open, recurring, bool(_REST.search(t)),
                 _pay_dates(clauses), tuple(v for v, fee, _ in found if fee), spread, bool(_VISIT_TODAY.search(t)),
                 tuple(v for v, _, his in found if his), _paper_dates(clauses), bool(_IN_FULL.search(t)), rest_open,
                 _pays_today(clauses, today))
