"""Help: the keys, and the course's gist in a few lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

if TYPE_CHECKING:
    from textual import getters

    from trainer.tui.host import TrainerHost

KEYS = (
    ("任何地方", "F1 帮助 · F4 历史 · F5 设置 · F6 简/繁 · F7 明/暗 · ctrl+p 命令面板 · ctrl+q 退出"),
    ("选场景", "直接打字筛选 · ↑↓ 选择 · 回车进入"),
    ("简报", "空格勾选准备事项 · ctrl+a 全选 · 选难度 · ctrl+s 开始 · esc 返回"),
    ("谈判", "输入中文回车说出 · F3 战术面板 · F2 教练 · F8 结束并评分 · F9 回到某回合重来 · esc 离开(随时可续)"),
    ("结果", "e 导出成绩单 · p 导出回收计划表 · r 再练一次 · b 回到某回合重来 · esc 选场景"),
    ("历史", "回车:继续未完成的练习,或重看结果 · c 把同一练习的几次尝试并排对比 · v 逐回合回放"),
)

GIST = (
    "先礼后兵:先寒暄、表明来意、了解原因,法律是最后一步。",
    "先核对余额、付款日和付款形式,再谈钱。",
    "让步要有条件;喊高取中,守住金额和日期。",
    "口头答应不算数:金额、日期写下来,签字盖章。",
    "不做过激行为:辱骂、吼叫、违法威胁一律扣分。",
)


class HelpScreen(ModalScreen[None]):
    if TYPE_CHECKING:  # textual types self.app as App[object]; see trainer.tui.host
        app = getters.app(TrainerHost)

    BINDINGS = [Binding("escape,f1,q", "dismiss", "关闭", id="help.close")]

    def compose(self) -> ComposeResult:
        tr = self.app.tr
        out = Text()
        out.append(tr("回款道场 · 帮助") + "\n\n", style="bold")
        for where, keys in KEYS:
            out.append(f"{tr(where)}\n", style="bold underline")
            out.append(f"  {tr(keys)}\n")
        out.append("\n" + tr("要点") + "\n", style="bold underline")
        for g in GIST:
            out.append(f"  · {tr(g)}\n")
        out.append("\n" + tr("esc 关闭"), style="dim")
        with VerticalScroll(id="help-box", classes="modal-box"):
            yield Static(out)
