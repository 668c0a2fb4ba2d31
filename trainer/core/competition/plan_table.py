"""应收账款回收计划表: the agreed amounts and dates of a session, as the course's table.

CSV (UTF-8 with BOM, so Excel shows the Chinese) or Markdown, chosen by the file suffix.
Only a session that ended in an agreement (paid / partial / promise with a plan) has one.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from trainer.core.competition.output import csv_cell, md_escape, write_text_atomic
from trainer.core.engine.session import Session

DEAL_RESULTS = ("paid_in_full", "partial", "promise")
COLUMNS = ("序号", "客户名称", "联系人", "应收余额(元)", "逾期天数", "本期回收金额(元)", "占欠款比例",
           "计划回收日期", "距谈判日(天)", "书面确认", "状态", "说明")


class PlanError(ValueError):
    """The session has no agreement to put in a plan."""


def plan_rows(s: Session) -> list[dict[str, Any]]:
    out = s.outcome
    if out is None or out.result not in DEAL_RESULTS or not out.plan:
        raise PlanError("谈判没有以付款或还款约定收场,没有回收计划表可导出")
    case = s.scenario.case
    rows: list[dict[str, Any]] = []
    paid_left = out.paid
    for i, item in enumerate(sorted(out.plan, key=lambda it: it["due_days"]), 1):
        amount = int(item["amount"])
        if paid_left >= amount and item["due_days"] == 0:
            status, paid_left = "已收(当场)", paid_left - amount
        elif out.in_writing:
            status = "待收"
        else:
            status = "口头承诺,未书面确认"
        rows.append({
            "序号": i, "客户名称": case.company, "联系人": f"{case.contact}({case.role})", "应收余额(元)": out.owed,
            "逾期天数": case.days_overdue, "本期回收金额(元)": amount, "占欠款比例": f"{amount / out.owed:.0%}",
            "计划回收日期": item["due_date"], "距谈判日(天)": item["due_days"],
            "书面确认": "是" if out.in_writing else "否", "状态": status, "说明": item.get("note", "")})
    return rows


def plan_csv(s: Session) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    w.writeheader()
    rows = plan_rows(s)
    assert s.outcome is not None  # plan_rows refuses a session without one
    for r in rows:
        w.writerow({k: csv_cell(v) for k, v in r.items()})
    total = sum(r["本期回收金额(元)"] for r in rows)
    w.writerow({"序号": "合计", "本期回收金额(元)": total, "占欠款比例": f"{total / s.outcome.owed:.0%}"})
    return "\ufeff" + buf.getvalue()


def _md(v: Any) -> str:
    return md_escape(str(v))


def plan_markdown(s: Session) -> str:
    rows = plan_rows(s)
    case, out = s.scenario.case, s.outcome
    assert out is not None  # plan_rows refuses a session without one
    total = sum(r["本期回收金额(元)"] for r in rows)
    lines = [
        "# 应收账款回收计划表", "",
        f"- 客户:{_md(case.company)}(联系人 {_md(case.contact)},{_md(case.role)})",
        f"- 我方:{_md(case.our_company)}",
        f"- 欠款类型:{_md(case.debt_type)};应收余额 {out.owed:,} 元,已逾期 {case.days_overdue} 天",
        f"- 谈判日期:{case.date};谈判结果:{_md(out.summary)}", "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "|".join("---" for _ in COLUMNS) + "|",
    ]
    for r in rows:
        lines.append("| " + " | ".join(_md(r[c]) for c in COLUMNS) + " |")
    lines += ["", f"合计计划回收 {total:,} 元,占欠款 {total / out.owed:.0%}。",
              "" if out.in_writing else "注意:约定尚未书面确认——入袋为安,请对方签字盖章。", ""]
    return "\n".join(lines)


def write_plan(session: Session, path: str | Path) -> None:
    """Write the 回收计划表 to ``path``: Markdown for .md, otherwise CSV with BOM.
    Raises PlanError when there is no agreement, OSError when the file cannot be written."""
    text = plan_markdown(session) if str(path).lower().endswith((".md", ".markdown")) else plan_csv(session)
    write_text_atomic(path, text)
