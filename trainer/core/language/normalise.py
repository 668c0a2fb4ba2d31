"""Text normalisation for recognition: one canonical form for whatever the trainee types.

Traditional → Simplified (OpenCC ``t2s``), full-width → half-width (NFKC), ASCII lower-case,
control/format characters dropped, whitespace and punctuation removed. ``!`` and ``?`` survive in
the *marked* form because shouting (``!!!``) and questions carry meaning for the cues; the *bare*
form (no punctuation at all) is what templates are compared against.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import opencc

#: longer input is cut before any work: a move is a sentence or two, not a document,
#: and the cut keeps every call bounded (a 100k-character paste costs the same as 1k)
MAX_CHARS = 1000

_MARKS = re.compile(r"[!?]+")
_REPEAT_MARK = re.compile(r"([!?])[!?]+")


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    import opencc  # imported lazily: ~10 ms, only paid by recognition

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    try:
        simplified: str = _t2s().convert(text)  # OpenCC.convert is unannotated
        return simplified
    except Exception:  # pragma: no cover - OpenCC refuses odd input: keep the text as is
        return text


def _keep(ch: str) -> str:
    """Map one character of NFKC text to what the compact form keeps ('' = drop)."""
    if ch in "!?":
        return ch
    cat = unicodedata.category(ch)
    if cat[0] in "PSZC":  # punctuation, symbols (emoji), separators, control/format/surrogates
        return ""
    return ch


@dataclass(frozen=True)
class Normalised:
    marked: str  # simplified, compact, keeps ! and ? (runs collapsed to two: '!!' = shouting)
    bare: str  # marked without ! and ?


#: Cantonese written forms → Mandarin, for the few characters written Mandarin never uses (冇 没有, 嘅 的, 佢 他, 哋 们,
#: 咗 了, 喺 在, 睇 看, 啲 些, 嘢 东西, 俾 给, 唔 不 — 唔该 first: it is thanks); a trainee from Guangzhou types them.
#: Stop 49, before dev_r40a (Guangzhou, Hong Kong) was read: 畀 给 (the written form of 俾), 瞓 睡, 揾 找, 嚟 来, 攞 拿, 嗰 那
_CANTONESE_WORDS = (("唔该", "谢谢"), ("唔好意思", "不好意思"), ("咁样", "这样"))
_CANTONESE = str.maketrans({"冇": "没有", "嘅": "的", "佢": "他", "哋": "们", "咗": "了", "喺": "在", "睇": "看", "啲": "些",
                            "嘢": "东西", "俾": "给", "唔": "不", "咁": "这么", "畀": "给",
                            "瞓": "睡", "揾": "找", "嚟": "来", "攞": "拿", "嗰": "那",
                            "𠮶": "那"})  # 嗰 as the Traditional-to-Simplified table writes it (and the Gan 𠮶 "that")


#: the first person in the north and north-west (俺 in Shandong, Henan, Dongbei; 额 in Shaanxi — not the 额 of an
#: amount: 金额, 余额, 差额, 额度 …, nor 焦头烂额, 横额) and Shanghai's 阿拉 (we) and 侬 (you): the cues, templates and law
#: patterns are written with 我/我们/你, and 778 dev lines say 俺, about 80 say 额 for "I"
_PRONOUNS = re.compile(r"俺|(?<![金余差份限定超数总面税巨名配缺欠全高低足净增减实业售交生易款偿存借烂大小算横])额(?![度外头定])"
                       r"|阿拉(?![伯丁斯善木])|侬")
_PRONOUN = {"俺": "我", "额": "我", "阿拉": "我们", "侬": "你"}


#: a line in Shanghainese (侬, 阿拉, 伊拉, 覅, 勿, 搿, 今朝, 屋里向) says 额 for 的, not for "I": 老灵额, 勿急额, 属乌龟额
#: (stop 48, dev_r34b — read as "I", 侬是属乌龟额? lost its insult and 阿拉勿急额 its sense)
_SHANGHAI = re.compile(r"侬|阿拉(?![伯丁斯善木])|伊拉(?!克)|覅|勿|搿|今朝|屋里向")
_SHANGHAI_PRONOUN = {**_PRONOUN, "额": "的"}


def _mandarin(text: str) -> str:
    for cantonese, mandarin in _CANTONESE_WORDS:
        if cantonese in text:
            text = text.replace(cantonese, mandarin)
    text = text.translate(_CANTONESE)
    if not any(c in text for c in "俺额阿侬"):
        return text
    said = _SHANGHAI_PRONOUN if "额" in text and _SHANGHAI.search(text) else _PRONOUN
    return _PRONOUNS.sub(lambda m: said[m.group()], text)


def normalise(text: str, typos: tuple[tuple[str, str], ...] = ()) -> Normalised:
    """Canonical forms of ``text``; ``typos`` are (wrong, right) replacements applied last."""
    if not isinstance(text, str):
        text = str(text)
    text = text[:MAX_CHARS]
    text = unicodedata.normalize("NFKC", text).lower()
    text = "".join(_keep(ch) for ch in text)
    text = _mandarin(to_simplified(text))
    for wrong, right in typos:
        if wrong in text:
            text = text.replace(wrong, right)
    marked = _REPEAT_MARK.sub(lambda m: m.group(1) * 2, text)
    return Normalised(marked, _MARKS.sub("", marked))


def simplify_phrase(text: str) -> str:
    """A phrase-library string (template or cue word) in the form it is compared in."""
    return normalise(text).bare
