"""What the recogniser hands the engine: everything heard in one utterance.

Kept apart from `recognise` (numpy, rapidfuzz, the phrase library) so a session played on
tactic ids never loads them: `trainer play --moves` on ids starts without the recogniser."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace


@dataclass
class Recognition:
    """``tactic`` is the main act (None when nothing is recognised with enough confidence).

    ``acts`` holds every tactic heard, the main one first (``acts[0] == tactic`` when there is one);
    ``amounts`` every money amount named, in yuan, in order; ``dates`` every date or deadline named,
    ISO, resolved against the scenario's date; ``conditional``: an offer tied to a condition
    (如果/只要/前提是 …); ``concession``: the speaker gives something up (waives fees, extends terms …).
    Field names follow the contract's classify JSON (INTERFACE.md)."""

    tactic: str | None
    confidence: float
    alternatives: list[tuple[str, float]] = field(default_factory=list)
    acts: tuple[str, ...] = ()
    amounts: tuple[int, ...] = ()
    dates: tuple[str, ...] = ()
    conditional: bool = False
    concession: bool = False
    remainder: bool = False  # the rest of the debt is part of the ask (余款月底前付清); not in the contract's JSON
    recurring: bool = False  # a monthly plan to the end of the debt (每月付五万,三月付清); not in the contract's JSON
    rest: bool = False  # an amount named as the rest of the debt (剩下的差不多十三万); not in the contract's JSON
    fees: tuple[int, ...] = ()  # amounts named as a fee (违约金六万八) or written off (五万二冲掉): never an ask; not in the contract's JSON
    pay_dates: tuple[str, ...] = ()  # the dates named where the move speaks of paying (() when none is); not in the contract's JSON
    papers: bool = False  # signed or stamped papers cited as evidence (送货单是他签的, 对账单盖的是公章); not in the contract's JSON
    #: the hostility heard is rudeness only — an insult or a shout, no threat and no unlawful pressure (废物, 吵什么吵):
    #: it costs 有礼 and 有节, not 有法; not in the contract's JSON
    rude: bool = False
    visit_today: bool = False  # today named as the day of this visit (今天来…), no deadline; not in the contract's JSON
    quoted: tuple[int, ...] = ()  # his figures quoted back to him (您是说最多8万…?), never our ask; not in the contract's JSON
    #: dates named for paperwork, not payment (三张签证单13号前补签好); not in the contract's JSON
    paper_dates: tuple[str, ...] = ()
    in_full: bool = False  # the whole debt asked for with no figure (月底前全部付清); not in the contract's JSON
    #: the rest asked how it will be paid, no term of ours (剩下的您看怎么安排): the move's date is the part's; not in the
    #: contract's JSON
    rest_open: bool = False
    #: today named in a clause that pays on it (今天下班前转过来): a promise due today; not in the contract's JSON
    pays_today: bool = False
    #: the hostility was heard outright — a law pattern or an insult said to him — not by the models alone (whose
    #: word on a line of care or a tease can be wrong: the TUI asks about it); not in the contract's JSON
    outright: bool = False

    def heard(self) -> dict[str, object]:
        """The contract's five fields, as classify JSON and each turn of the play JSON carry them."""
        acts = list(self.acts) if self.acts else ([self.tactic] if self.tactic else [])
        return {"acts": acts, "amounts": list(self.amounts), "dates": list(self.dates),
                "conditional": self.conditional, "concession": self.concession}


Recognise = Callable[[str], Recognition]


def describe_figures(amounts: tuple[int, ...] | list[int], dates: tuple[str, ...] | list[str],
                     conditional: bool = False, concession: bool = False) -> str:
    """The slots of a move as a trainee reads them: "¥380,000 · 12月4日 · 附条件 · 让步" ('' when none)."""
    parts = [f"¥{a:,}" for a in amounts]
    for d in dates:
        try:
            _, m, day = (int(x) for x in d.split("-"))
            parts.append(f"{m}月{day}日")
        except ValueError:
            continue
    if conditional:
        parts.append("附条件")
    if concession:
        parts.append("让步")
    return " · ".join(parts)


def as_picked(heard: Recognition, tactic: str | None, confidence: float) -> Recognition:
    """The move as played when the trainee names the tactic (did-you-mean, the palette, a card's or a stored turn's
    pick): that tactic leads, the rest of what was heard and the figures said stay. One function for the pick and
    for every replay of it, so a replay hears exactly what the trainee played."""
    rest = tuple(a for a in heard.acts if a not in (tactic, heard.tactic))
    return replace(heard, tactic=tactic, confidence=confidence, acts=(tactic, *rest) if tactic else (),
                   alternatives=[])
