"""The tactic catalogue: the 32 tactic ids of the contract (first, unchanged), then tactics added since,
their groups and course sources.

Groups follow the course's 指导思想 (晓之以理 理, 动之以情 情, 导之以利 利, 施之以法 法)
plus 人 (people: who you bring, who you talk to) and 程序 (procedure: verify, time, write down).
`hostile` is not a tactic but a label the recogniser can return; it has its own group.
"""

from __future__ import annotations

from dataclasses import dataclass

GROUPS: tuple[str, ...] = ("理", "情", "利", "法", "人", "程序")
HOSTILE = "hostile"
HOSTILE_GROUP = "过激"

GROUP_NAMES: dict[str, str] = {
    "理": "晓之以理",
    "情": "动之以情",
    "利": "导之以利",
    "法": "施之以法",
    "人": "借人借势",
    "程序": "有矩有据",
    HOSTILE_GROUP: "过激行为",
}


@dataclass(frozen=True)
class Tactic:
    id: str
    name: str  # 中文名
    group: str
    source: str  # course section
    example: str  # a short 话术 example, written for this trainer


TACTICS: tuple[Tactic, ...] = (
    # 理 — 晓之以理
    Tactic("direct_ask", "直截了当", "理", "清收逾期账款的十大方法·直截了当",
           "王总,今天来就一件事:上个月那笔货款,您看今天能结吗?"),
    Tactic("remind_due_date", "提醒付款日期", "理", "账款回收的十六大技巧·提醒付款日期",
           "提醒您一下,合同约定的付款日是每月25号,已经过了二十天了。"),
    Tactic("rebut_excuse", "应对借口", "理", "清收逾期账款的十大方法·如何应对客户借口",
           "您说货有问题,可验收单是您这边签的字,当时也没提异议啊。"),
    Tactic("appeal_integrity", "同理式:诚信履约", "理", "催收话术类型·同理式话术",
           "这么多年合作,我们一直按您的要求供货,也希望您按合同把款结了。"),
    Tactic("deadline_pressure", "节点式:最后期限", "理", "催收话术类型·节点式话术;十六大技巧·结账日",
           "今天是我们公司季度结账日,过了今天这笔账就要报到风控去了。"),
    # 情 — 动之以情
    Tactic("courtesy", "礼:先礼后兵", "情", "账款回收八术·礼",
           "李总您好,打扰了,先谢谢您一直以来对我们的照顾。"),
    Tactic("listen", "倾听", "情", "高效沟通技巧·倾听",
           "您慢慢说,最近到底遇到什么难处了,我听着。"),
    Tactic("empathize", "共情式话术", "情", "催收话术类型·共情式话术",
           "我理解您这阵子压力大,咱们一起想办法把这个坎过去。"),
    Tactic("praise", "捧:适当赞美", "情", "账款回收八术·捧",
           "您这店在整条街上生意是最红火的,大家都说您会经营。"),
    Tactic("ask_for_help", "求助式:装可怜", "情", "催收话术类型·求助式话术;八术·装",
           "张姐,您就帮帮我吧,这笔款收不回来我这个月工资都发不全。"),
    Tactic("apologize", "我方失误先道歉", "情", "账款回收的十六大技巧·礼貌道歉",
           "上次送货晚了三天是我们的错,我先给您赔个不是。"),
    # 利 — 导之以利
    Tactic("conditional_concession", "有条件让步", "利", "谈判僵局解困艺术·有条件式让步法",
           "运费可以我们承担,但前提是这周五之前把货款全部打过来。"),
    Tactic("valuable_concession", "有价值让步", "利", "谈判僵局解困艺术·有价值让步",
           "这样吧,下批货的账期我申请给您延长十天,您先把这笔结了。"),
    Tactic("ask_high_settle_middle", "喊高取中", "利", "账款回收的十六大技巧·喊高取中",
           "按合同今天应该全额付清,最少也得先付一半。"),
    Tactic("installment_plan", "分期分批付款", "利", "降低客户欠款的八大办法·分期分批付款",
           "一次拿不出来的话,分三期,每月十号付一期,您看行不行?"),
    Tactic("help_customer_sell", "协助销售,出谋划策", "利", "账款回收的十六大技巧·协助客户销售",
           "您库里压的那批货,我帮您联系两个下游客户,先把货变成钱。"),
    Tactic("face_for_substance", "面子换里子", "利", "销售谈判常用战术·面子换里子",
           "对外就说是您主动提前结的款,功劳算您的,款今天到账就行。"),
    Tactic("feigned_indifference", "欲擒故纵", "利", "销售谈判常用战术·欲擒故纵",
           "您要是实在不想做了也没关系,我们排队等货的客户多的是。"),
    # 法 — 施之以法
    Tactic("legal_warning", "严肃式:讲明法律后果", "法", "催收话术类型·严肃式话术;八术·吓",
           "合同写得很清楚,再拖下去要承担违约金,我们只能走法律程序。"),
    Tactic("legal_action", "诉诸法律", "法", "清收逾期账款的十大方法·诉诸法律;坏账处理·诉讼",
           "律师函已经拟好了,下周一我们就向法院起诉,申请财产保全。"),
    Tactic("stop_supply", "当机立断,终止供货", "法", "清收逾期账款的十大方法·及时终止供货",
           "从今天起暂停给您发货,什么时候结清,什么时候恢复。"),
    # 人 — people
    Tactic("persist", "盯、磨:紧盯不放", "人", "账款回收八术·盯、磨",
           "没关系,您忙您的,我就在这儿等,今天拿不到款我不走。"),
    Tactic("red_white_face", "红白脸 / 双簧", "人", "账款回收八术·装;销售谈判常用战术·红黑组合",
           "我们经理脾气可没我这么好,他说再不结就直接交法务了,我是真想帮您。"),
    Tactic("escalate_manager", "请领导同行", "人", "账款回收的十六大技巧·请领导同行;24字诀·领导出面",
           "明天我们陈总亲自过来拜访您,当面把这个事谈定。"),
    Tactic("third_party", "借第三方 / 三方协议", "人", "账款回收八术·借;24字诀·熟人引线",
           "您的客户欠您的那笔,咱们三方签个协议,让他直接付给我们。"),
    Tactic("original_contact", "找最初联系人", "人", "清收逾期账款的十大方法·找最初联系人",
           "当初这单是刘经理跟我谈的,我想请他一起坐下来聊聊。"),
    Tactic("find_decision_maker", "找付款责任人", "人", "账款回收的十六大技巧·研究付款责任人",
           "付款最后是哪位领导签字?我直接去跟他汇报一下。"),
    Tactic("reputation", "名:人要脸,树要皮", "人", "账款回收八术·名",
           "您在商会里是有头有脸的人,这点款拖着,传出去对您名声不好。"),
    # 程序 — procedure
    Tactic("probe_reason", "了解原因,开放式提问", "程序", "十大方法·行动前了解原因;高效沟通·提问",
           "这笔款一直没付,是资金上的问题,还是对我们哪里不满意?"),
    Tactic("verify_balance", "核对余额与付款形式", "程序", "十大事先准备·核对货款余额、确认付款形式",
           "咱们先对一下账:截至上月底一共欠款三十八万,您看对不对?"),
    Tactic("written_commitment", "写下还款承诺,签字盖章", "程序", "销售人员讨账十招·写下收据;24字诀·入袋为安",
           "那咱们把刚才说的写下来,金额、日期,您签个字盖个章。"),
    Tactic("timing", "把握时机", "程序", "十大方法·收款时机把握;讨账十招·对方进款即刻去收",
           "听说您昨天刚收到工程款,正好今天把我们这笔先结了。"),
    # ---- added after the contract's 32 (issue 15: the course's moves the catalogue lacked)
    Tactic("state_purpose", "先提收款目的", "程序", "销售人员讨账十招·拜访时首先提出收款的目的,未达目的暂时勿提交易",
           "赵总,今天来先办一件事:把那笔货款结了。新订单的事,等款结了咱们再聊。"),
    Tactic("confirm_day_before", "前一天电话确认", "程序",
           "账款回收的十六大技巧·付款日的前一天以电话确认;十大事先准备·动身前一天先打招呼;讨账十招·收款前先打电话提醒",
           "那就定在周五付款。周四下午我先给您打个电话确认一下,周五上午我带着单据过来。"),
    Tactic("polite_exit", "清款后礼貌离去", "情", "账款回收的十六大技巧·清款后,及时的礼貌的离去",
           "款收到了,收据也给您留好了。谢谢您,今天不多打扰了,您忙,我先告辞。"),
    Tactic("be_first_creditor", "竞争性收款:抢在前头", "理",
           "清收逾期账款的十大方法·竞争性的收款策略、收款的精神竞争",
           "我知道找您要钱的不止我们一家,可我们是供货最早、最守信的一家,这笔请您先给我们结。"),
    Tactic("take_back_stock", "取回本公司的库存产品", "法", "坏账预防与处理·坏账处理办法·取回本公司的库存产品",
           "仓库里还压着我们四成的货,按进价退货抵款,今天我们的车就在门口,现在就装。"),
    Tactic("property_preservation", "财产保全:限制财产处分权", "法",
           "坏账预防与处理·坏账处理办法·要求法院限制其财产处分权",
           "转到宏达名下的那批货,我们今天就向法院申请财产保全,先把它冻住,谁也别想再动。"),
)

#: the course's 13 reasons customers don't pay (客户为什么不回款), by number, as short labels
NONPAYMENT_REASONS: dict[int, str] = {
    1: "真的没钱", 2: "资金紧张,有钱但缺钱", 3: "有钱,但不想占用", 4: "借欠款控制供货方",
    5: "财务需要,账上留钱", 6: "以欠款赖账为荣", 7: "我方处理事务疏忽不周", 8: "客户经营方向转变",
    9: "产品质量问题引起不满", 10: "我方沟通能力弱", 11: "交流有问题或礼貌不周", 12: "竞争对手条件更优惠",
    13: "其他原因(改头换面、经营权转让等)",
}

HOSTILE_TACTIC = Tactic(HOSTILE, "过激行为", HOSTILE_GROUP, "清收逾期账款的十大方法·不做出过激行为",
                        "(辱骂、吼叫、违法威胁——课程明令禁止)")

TACTIC_IDS: tuple[str, ...] = tuple(t.id for t in TACTICS)
BY_ID: dict[str, Tactic] = {t.id: t for t in TACTICS}
BY_ID[HOSTILE] = HOSTILE_TACTIC
#: the contract's 32 ids come first and never change; added tactics follow them
CONTRACT_TACTIC_COUNT = 32
#: every id a move can resolve to: the tactics plus `hostile`
MOVE_IDS: tuple[str, ...] = TACTIC_IDS + (HOSTILE,)
#: the acts in which an amount or a date named is what the trainee asks for (the deal is made on them);
#: in a concession given outright the amount named is what we give up, so valuable_concession is not among
#: them, but a conditional one names its condition (前提是剩下的五十八万八这个月内付清): that is the ask
ASKING = frozenset({"direct_ask", "ask_high_settle_middle", "installment_plan", "deadline_pressure",
                    "written_commitment", "face_for_substance", "conditional_concession"})
#: id → 中文名, for hints (`unknown tactic '红白脸' (did you mean 'red_white_face' 红白脸 / 双簧?)`)
NAMES: dict[str, str] = {t.id: t.name for t in BY_ID.values()}


def group_of(tactic_id: str) -> str:
    return BY_ID[tactic_id].group


def tactics_in(group: str) -> tuple[str, ...]:
    return tuple(t.id for t in TACTICS if t.group == group) if group != HOSTILE_GROUP else (HOSTILE,)


assert len(TACTICS) >= CONTRACT_TACTIC_COUNT, "the contract names 32 tactics; more may be added after them"
