"""The course's 十大事先准备 (ten things to prepare before collecting), as checklist items."""

PREPARATIONS: tuple[str, ...] = (
    "弄清楚对方的付款日期",
    "先和对方核对货款余额",
    "和对方确认付款形式",
    "在对方付款日当天准时去收",
    "动身前一天先跟对方打招呼",
    "对方不在时,确认谁能具体办理",
    "拿捏好收款的态度和措辞",
    "带齐送货单、欠条等单据",
    "具备充分的票据知识",
    "收不回来时,及时检讨自己的技巧和谈吐",
)

#: Chinese names of the outcome results and the scoring principles, for display
RESULTS = {
    "paid_in_full": "当场付清", "partial": "部分回收", "promise": "书面承诺", "no_progress": "没有进展",
    "broken_off": "不欢而散", "legal": "诉诸法律",
}
PRINCIPLES = {
    "early": "能早不晚", "fast": "能快不慢", "more": "能多不少", "benefit": "有利",
    "courtesy": "有礼", "restraint": "有节", "procedure": "有矩", "lawful": "有法",
}
DIFFICULTIES = {"easy": "容易", "normal": "普通", "hard": "困难"}
