"""Unlawful intent heard from the parts of a line: who, whose, what is done, and to what end.

Why (stop 52): the law's patterns (``law.py``) hold one sentence shape each, and five fresh writers in a row (stop
51: 13, 10, 19, 15, 11 of 39 unlawful moves unheard) reached the same few levers in words no pattern held. What carries
from one writer to the next is not the sentence but its parts: our people or an officer named, his family, home,
circle or property, something told, a visit, a taking, harm, a day recited, a warning left hanging, the debt at stake.
Each part is a short word list (``PARTS``); a line is described by which parts it names, which pairs of them one clause
holds and which pairs the line holds, beside the hostility model's two probabilities (``ngram_hostile.npy``). A
logistic regression over those 732 numbers, trained on the dev lines no rule heard (``train.train_intent``), says how
likely the line is unlawful pressure.

It decides only what nothing else decided: a line no cue, insult, law pattern or the hostility model alone called
hostile, that is not friends' banter nor care for his health, and that the hostility model already leans towards
(``INTENT_FLOOR``). Measured on the dev sets it never saw (r40a-r44a, nine sets by five writers, 469 unlawful lines):
15 of the 95 unlawful lines left unheard are heard, no lawful line of the 1,563 left is called unlawful, nor any move
of the 11,666 in the course-right dev lines of play (figures in tests/data/eval/README.md, stop 52).

Data: ``intent.npy`` (float32: one weight per feature, then the bias) and ``intent.json`` (the feature names, the
parts' patterns and the training files with their SHA-256), rebuilt by ``python -m trainer.core.language.train``.
The shipped model is used only when its feature names are this module's: a part changed here without retraining
leaves the model off (and ``tests/unit/test_intent.py`` red), never misread.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import numpy as np

from trainer.core.language.law import CIRCLE_WORDS, FAMILY_WORDS, mandarin
from trainer.core.language.lazyre import LazyPattern, lazy

HERE = Path(__file__).resolve().parent
INTENT_WEIGHTS = HERE / "intent.npy"
INTENT_META = HERE / "intent.json"

#: the parts of a line, each a short list of the words that name it (read in the marked, Simplified text, dialect
#: pronouns said the Mandarin way: ``law.mandarin``)
PARTS: dict[str, str] = {
    "you": r"你|您|恁|侬|汝",
    "we": r"我|咱|老子|俺",
    # our people: brothers, friends, "people" found or sent
    "people": r"兄弟|弟兄|哥们|朋友|小伙子|小弟|几个人|一帮人|一伙人|找人|叫人|派人|喊人|社会上|道上|混混|人手",
    # an office of the state named: an officer passed off, befriended or set on him
    "official": r"警察|公安|派出所|经侦|法官|执行局|纪委|税务|工商|城管|检察|刑警|特警|局长|所长",
    "family": FAMILY_WORDS,
    "home": r"家门|家里|你家|您家|小区|楼下|住(在|哪|的)|门口|老家|屋里|宿舍",
    # the people his name lives among: staff, customers, neighbours, his trade, his landlord
    "circle": CIRCLE_WORDS + r"|领导|上级|房东|同学|亲戚|邻居|商会|协会|行业|同行|供应商|甲方|董事",
    "property": r"车|店|铺|门面|仓库|库|厂|设备|机器|公章|章|电脑|货|玻璃|窗",
    "media": r"网上|朋友圈|抖音|微博|快手|群里|群|媒体|记者|横幅|条幅|大字报|传单|海报|曝光|直播|视频|照片|贴",
    "tell": r"告诉|通知|说说|讲讲|打电话给|打给|传|发到|发给|贴|挂|公开|宣传|广播|喊|嚷|散|印",
    "visit": r"上门|去你|到你|找你|找您|去找|登门|等你|等您|蹲|守|堵|跟着|跟踪|盯|坐在|睡在|住在|陪",
    "take": r"拿走|搬走|拉走|扣下|扣押|扣住|抢|收走|开走|拖走|搬|拉|扣|抵",
    "harm": r"打|砸|烧|泼|划|扎|弄|收拾|教训|废了|好看|后果|断|伤|死|血|刀|棍|放火|炸",
    "detain": r"别想走|不让(你|您)?走|别想离开|关起来|锁|出不去|不准走|别走",
    "routine": r"每天|天天|每晚|每周|几点|放学|上学|下班|上班|接送|路线",
    "know": r"知道|查到|打听|清楚|认识|晓得|摸清|记着|记得",
    # a warning left hanging
    "hang": r"小心|当心|出事|不好说|保不齐|万一|哪天|说不准|意外|后悔|别怪|等着|走着瞧|看着办",
    "stake": r"欠|钱|款|账|万|付|结清|债|还(钱|款|账|债|清|上)|货款|赖|拖|躲",
    "law": r"法院|起诉|律师|仲裁|诉讼|法务|律师函|保全|判决|强制执行",
    "jest": r"哈哈|嘻嘻|嘿嘿|开玩笑|逗你|说着玩|闹着玩|讲笑|骗你的",
    "news": r"新闻|电视|听说|网红|有人|那个|有个|报道|明星",
    "care": r"注意安全|保重|身体|康复|医院|休息|慢点|路滑|多穿",
    "not": r"不会|绝不|决不|不是要|不打算|别担心|不用担心|不想",
    "if": r"要是|如果|再不|不然|否则|不还|只要|除非|之前不|到时候",
    "soon": r"明天|今晚|下午|以后|往后|马上|这就|立刻|回头|改天|下次|下回",
    "where": r"在哪|哪个学校|几年级|几班|哪个小区|住哪|几楼|几号",
    "shame": r"丢人|脸|名声|老赖|丑事|为人|德行|臭|黑名单|失信",
}
_NAMES = tuple(PARTS)
_RX: dict[str, LazyPattern] = {name: lazy(rx) for name, rx in PARTS.items()}
_PAIRS = tuple(combinations(_NAMES, 2))
#: the hostility model's (hostile, unlawful) and their product, each part in the line, each pair in one clause, each
#: pair in the line
FEATURES: tuple[str, ...] = (("felt_hostile", "felt_unlawful", "felt_both") + tuple(f"line:{n}" for n in _NAMES)
                             + tuple(f"clause:{a}+{b}" for a, b in _PAIRS) + tuple(f"line:{a}+{b}" for a, b in _PAIRS))

#: the hostility model must lean this way before the parts are read at all: below it no dev line of the 25,403 reaches
#: INTENT_UNLAWFUL but four already heard otherwise (and reading the parts costs ~0.1 ms a line)
INTENT_FLOOR = 0.4
#: heard as unlawful from this probability on. Dev sets the model never saw (r40a-r44a), unlawful lines gained / lawful
#: lines called unlawful, and course-right dev lines of play with a move called unlawful: 0.8 → 22 / 2 / 1; 0.85 → 17 /
#: 1 / 1 (a move asking after his child's school, at 0.852); 0.87 → 15 / 0 / 0; 0.9 → 7 / 0 / 0
INTENT_UNLAWFUL = 0.87


def _parts(marked: str) -> list[str]:
    return [n for n in _NAMES if _RX[n].search(marked)]


def features(line: str, clauses: list[str], felt: tuple[float, float]) -> np.ndarray:
    """The feature row of a line: ``line`` and ``clauses`` are marked normalised text (``Normalised.marked``), the
    clauses [] for a one-clause line; ``felt`` the hostility model's (hostile, unlawful)."""
    named = _parts(mandarin(line))
    whole = set(named)
    in_clause: set[tuple[str, str]] = set()
    # (a one-clause line is its own clause; _parts keeps _NAMES order, as _PAIRS does)
    for parts in ([_parts(mandarin(c)) for c in clauses] if clauses else [named]):
        in_clause.update(combinations(parts, 2))
    h, u = float(felt[0]), float(felt[1])
    row = [h, u, h * u] + [float(n in whole) for n in _NAMES] + [float(p in in_clause) for p in _PAIRS] \
        + [float(a in whole and b in whole) for a, b in _PAIRS]
    return np.array(row, dtype=np.float32)


@dataclass(frozen=True)
class IntentModel:
    """A logistic regression over ``FEATURES``: the probability that a line is unlawful pressure."""
    weights: np.ndarray  # len(FEATURES) + 1, the last the bias

    def proba(self, row: np.ndarray) -> float:
        z = float(row @ self.weights[:-1] + self.weights[-1])
        return 1.0 / (1.0 + float(np.exp(-z)))


@lru_cache(maxsize=1)
def load_intent_model() -> IntentModel | None:
    """The shipped model, or None when its files are missing, unreadable or were trained on other features."""
    try:
        meta = json.loads(INTENT_META.read_text(encoding="utf-8"))
        weights = np.load(INTENT_WEIGHTS, allow_pickle=False)
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or tuple(meta.get("features", ())) != FEATURES \
            or weights.shape != (len(FEATURES) + 1,):
        return None
    return IntentModel(weights.astype(np.float32))
