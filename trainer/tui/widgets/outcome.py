"""The outcome block the result and replay screens share: result, total, summary, money, the plan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text

from trainer.core.judging.scoring import cap_note
from trainer.tui.prep import RESULTS
from trainer.tui.widgets.scenario_card import money


def outcome_text(tr: Callable[[str], str], o: dict[str, Any], total: int, turns: int, summary: str,
                 cap: dict[str, Any] | None = None) -> Text:
    """``o`` is an outcome as transcript.outcome_of gives it (a card carries the same); ``cap``: the score's
    ``feedback["cap"]`` when a rule capped the total. Every string is appended as plain text, so nothing from a card
    is read as markup."""
    out = Text()
    out.append(tr(RESULTS.get(o["result"], o["result"])), style="bold reverse")
    out.append(f"  {o['result']}", style="dim")
    out.append(tr(f"    总分 {total}"), style="bold")
    if cap:
        out.append(tr(cap_note(cap)), style="bold red")
    out.append("\n")
    out.append((tr(summary) + "\n" if summary else "") + "\n")
    recovered = o["paid"] + o["committed"]
    out.append(tr(f"欠款 {money(o['owed'])} · 当场收回 {money(o['paid'])} · 书面承诺 {money(o['committed'])}"))
    if o.get("promised") and not o.get("in_writing"):
        out.append(tr(f" · 口头答应 {money(o['promised'])}(没落到纸面,不算数)"), style="yellow")
    out.append(tr(f"\n回收 {money(recovered)}({o['recovered_ratio']:.0%}) · 用了 {turns} 回合"))
    if o.get("plan"):
        out.append("\n\n" + tr("回收计划") + "\n", style="bold underline")
        for item in o["plan"]:
            out.append(tr(f" · {item.get('due_date') or '—'}  {money(item['amount'])}  {item.get('note', '')}\n"))
    return out
