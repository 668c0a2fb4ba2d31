"""Small modal screens: the tactic palette, "did you mean …?" and going back to a turn."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from trainer.core.content import catalogue
from trainer.core.engine.session import Turn
from trainer.core.language.recognition import Recognition, as_picked, describe_figures
from trainer.tui.messages import TacticPicked
from trainer.tui.widgets.chat import tactic_label
from trainer.tui.widgets.tactic_palette import TacticPalette

if TYPE_CHECKING:
    from textual import getters

    from trainer.tui.host import TrainerHost

#: below this confidence the trainee is asked what was meant
CONFIRM_BELOW = 0.5
#: hostility heard by the models alone (no law pattern, no insult: ``Recognition.outright``) is asked about below this:
#: their word on a line of care or a friend's tease can be wrong, and a move heard as unlawful caps the whole session
#: at 30 (held-out play, stop 56: 7 course-right lines ended at 30 with the deal closed). The trainee is told how the
#: line sounded and answers for it; what is picked is stored with the turn and replayed as picked
SURE_HOSTILE = 0.95


def needs_asking(rec: Recognition) -> bool:
    """Whether to ask "did you mean …?" before playing ``rec``: nothing heard, or a main act below CONFIRM_BELOW —
    unless the reading it competes with most closely was heard in the same line too (周哥,三十八万过期七十五天了,今天来就
    是想落个准信儿: 直接要求 at 0.42, 提醒到期 next, and both heard): every act of a move is played, so the box would only
    offer what is played anyway. Hostility heard with a low main act is always asked about, and hostility heard by the
    models alone below SURE_HOSTILE. Stop 43, dev play (7,916 course-right moves): the box came up on 1,577 (20%), 627
    of them such — now 950 (12%)."""
    if rec.tactic is None:
        return True
    if rec.tactic == catalogue.HOSTILE and not rec.outright and rec.confidence < SURE_HOSTILE:
        return True
    if rec.confidence >= CONFIRM_BELOW:
        return False
    runner = next((t for t, _ in rec.alternatives if t != rec.tactic), None)
    return runner is None or runner not in rec.acts or catalogue.HOSTILE in rec.acts


class PaletteScreen(ModalScreen[str | None]):
    """Returns the picked tactic id, or None."""

    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    BINDINGS = [Binding("escape", "dismiss(None)", "关闭", id="palette.close")]

    def __init__(self, title: str = "战术面板"):
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="palette-box", classes="modal-box"):
            yield Static(self.app.tr(self.title_text), classes="section-title", markup=False)
            yield TacticPalette(id="palette")

    def on_mount(self) -> None:
        self.query_one("#tactic-search").focus()

    @on(TacticPicked)
    def _picked(self, event: TacticPicked) -> None:
        event.stop()
        self.dismiss(event.tactic_id)


#: below this, no reading of an unrecognised line is offered first: it is said as it is (``DidYouMeanScreen``)
GUESS_FLOOR = 0.10


class DidYouMeanScreen(ModalScreen[tuple[str, object] | None]):
    """Asks what an unclear line meant. Returns ("play", Recognition), ("palette", None) or None (cancel)."""

    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    BINDINGS = [Binding("escape", "dismiss(None)", "取消", id="dym.cancel")]

    def __init__(self, text: str, rec: Recognition):
        super().__init__()
        self.text, self.rec = text, rec
        self.choices: dict[str, tuple[str, object]] = {}
        #: what the trainee typed on while the box was up (the next line, begun before the box was seen): kept for the
        #: move input by the negotiation screen, never dropped
        self.typed = ""

    def compose(self) -> ComposeResult:
        tr, rec = self.app.tr, self.rec
        head = Text()
        head.append(tr("你说:"), style="bold")
        head.append(tr(self.text) + "\n")
        # nothing heard and no guess worth the name (small talk, 昨晚看新闻了吧?): what was said goes first, so a trainee who
        # presses enter is not made to have asked for the money (tmux, stop 47: a friend's tease played as 直截了当 0.00)
        small_talk = rec.tactic is None and all(c < GUESS_FLOOR for _, c in rec.alternatives)
        if small_talk:
            head.append(tr("这句话不像哪一种战术,像是闲聊。就这么说,还是你想用……?"))
        elif rec.tactic is None:
            head.append(tr("没认出这句话用的是哪种战术。你是想说……?"))
        elif rec.tactic == catalogue.HOSTILE and not rec.outright and rec.confidence >= CONFIRM_BELOW:
            # heard by the models alone (asked about below SURE_HOSTILE): say how the line sounds, and let the trainee
            # answer for it
            cost = ("粗鲁无礼,会扣“有礼”“有节”分" if rec.rude
                    else "像威胁或违法施压,会扣“有法”“有节”分,整场最多 30 分")
            head.append(tr(f"这句话听起来{cost}(把握 {rec.confidence:.2f})。你是这个意思吗?"))
        else:
            head.append(tr(f"不太确定({rec.confidence:.2f}):是“{tactic_label(rec.tactic)}”吗?"))
        options: list[Option] = []
        acts = [a for a in rec.acts if a in catalogue.BY_ID]
        if len(acts) > 1:
            # a move is everything that was said: first offer all the acts heard, with their figures
            self.choices["all"] = ("play", rec)
            figures = describe_figures(rec.amounts, rec.dates, rec.conditional, rec.concession)
            options.append(Option(tr(f"是 {' + '.join(tactic_label(a) for a in acts)}"
                                     + (f" · {figures}" if figures else "")), id="all"))
        rest = [a for a in acts if a != catalogue.HOSTILE]
        if rec.tactic == catalogue.HOSTILE and rest:
            # what else was heard, without the hostility: the reading a trainee who meant no harm is looking for
            self.choices["unhostile"] = ("play", as_picked(rec, rest[0], rec.confidence))
            options.append(Option(tr(f"不是过激,是 {' + '.join(tactic_label(a) for a in rest)}"), id="unhostile"))
        seen: list[tuple[str, float]] = []
        if rec.tactic:
            seen.append((rec.tactic, rec.confidence))
        seen += [(t, c) for t, c in rec.alternatives if t != rec.tactic and t in catalogue.BY_ID]
        for i, (tactic, conf) in enumerate(seen[:4]):
            key = f"alt-{i}"
            # another main act, the rest of what was heard and the figures kept (an amount said is still said)
            self.choices[key] = ("play", as_picked(rec, tactic, conf))
            options.append(Option(tr(f"是 {tactic_label(tactic)}  ({conf:.2f})"), id=key))
        self.choices["as-is"] = ("play", as_picked(rec, None, rec.confidence))
        as_is = Option(tr("就按原话说(不归入任何战术)"), id="as-is")
        if small_talk:
            options.insert(0, as_is)
        else:
            options.append(as_is)
        self.choices["palette"] = ("palette", None)
        options.append(Option(tr("打开战术面板,自己选…"), id="palette"))
        with Vertical(id="dym-box", classes="modal-box"):
            yield Static(head, id="dym-text")
            yield OptionList(*options, id="dym-options")
            kept = Static("", id="dym-typed", markup=False)
            kept.display = False  # shown only once something is typed on
            yield kept

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        # the option list takes arrows and enter; characters reach the screen and are kept, a backspace takes one back
        if event.is_printable and event.character:
            self.typed += event.character
        elif event.key == "backspace" and self.typed:
            self.typed = self.typed[:-1]
        else:
            return
        event.stop()
        event.prevent_default()
        kept = self.query_one("#dym-typed", Static)
        kept.update(self.app.tr("接着打的字会留在输入框里:") + self.typed)
        kept.display = bool(self.typed)

    @on(OptionList.OptionSelected, "#dym-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        assert event.option.id is not None  # every option here has an id
        self.dismiss(self.choices[event.option.id])


def _short(text: str, width: int = 22) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class RewindScreen(ModalScreen[int | None]):
    """Go back to a turn and play it again as a new attempt. Returns the turn to play anew, or None.

    The session being left is kept as it is (finished, or unfinished and resumable)."""

    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    BINDINGS = [Binding("escape", "dismiss(None)", "取消", id="rewind.cancel")]

    def __init__(self, turns: list[Turn], ended: bool):
        super().__init__()
        self.turns, self.ended = turns, ended

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        options = [Option(tr("从第 1 回合重来 · 同一个对手、同一个随机种子,从头谈起"), id="turn-1")]
        for t in self.turns[1:]:
            options.append(Option(tr(f"从第 {t.n} 回合重来 · «{tactic_label(t.tactic)}» 原话:{_short(t.move, 16)}"),
                                  id=f"turn-{t.n}"))
        if not self.ended:
            nxt = len(self.turns) + 1
            options.append(Option(tr(f"从第 {nxt} 回合另开一次 · 前面全部照旧,这里分个岔"), id=f"turn-{nxt}"))
        head = Text(tr("回到哪一回合重来?之前的回合照原样重放,从选中的回合起由你重新说。原来这次练习保留不动,"
                       "两次尝试可在历史(F4)里按 c 对比。"))
        with Vertical(id="rewind-box", classes="modal-box"):
            yield Static(tr("回到某一回合"), classes="section-title", markup=False)
            yield Static(head, id="rewind-text")
            yield OptionList(*options, id="rewind-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = options.option_count - 1  # the latest turn is the usual one to retry
        options.focus()

    @on(OptionList.OptionSelected, "#rewind-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(str(event.option.id).removeprefix("turn-")))
