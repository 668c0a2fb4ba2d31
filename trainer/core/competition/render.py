"""The leaderboard as Markdown, CSV (UTF-8 with BOM, for Excel), one printable HTML file, or JSON.

Trainee and team names are user-supplied: every format escapes them (Markdown and HTML
metacharacters; a leading = + - @ in CSV cells so spreadsheets never run them as formulas).
"""

from __future__ import annotations

import csv
import html
import io
import json

from trainer.core.competition.leaderboard import Board, Standing
from trainer.core.competition.output import csv_cell, md_escape, one_decimal, plain
from trainer.core.judging.rubric import PRINCIPLES, principle_names

FORMATS = ("md", "csv", "html", "json")


# ------------------------------------------------------------------------------ Markdown
def _md_table(rows: list[Standing], team_board: bool) -> list[str]:
    head = ["名次", "小组" if team_board else "姓名"] + ([] if team_board else ["小组"]) + \
        ["平均分", "场景数"] + (["组员"] if team_board else []) + [principle_names()[k] for k in PRINCIPLES]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for s in rows:
        cells = [str(s.rank), md_escape(s.name)] + ([] if team_board else [md_escape(s.team or "—")]) + \
            [one_decimal(s.score), str(s.scenarios)] + ([str(s.members)] if team_board else []) + \
            [one_decimal(s.principles.get(k, 0)) for k in PRINCIPLES]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _event_line(board: Board) -> str:
    if not board.event:
        return ""
    return (f"比赛「{board.event}」,场景:{'、'.join(board.scenarios)};只计名单上的学员、按各自的种子、"
            "在名单上的小组;缺交的场景按 0 分计;同一学员同一场景交了多张时取最高分。")


def _version_rows(board: Board) -> list[tuple[str, str, str, str]]:
    return [(v["scenario"], v["version"], str(v["cards"]), v["note"]) for v in board.versions()]


def render_md(board: Board) -> str:
    out = ["# 回款道场 · 排行榜", ""]
    if board.event:
        out += [md_escape(_event_line(board)), ""]
    out += [f"已核验评分卡 {len(board.accepted)} 张。", "", "## 优胜组", ""]
    out += _md_table(board.teams, True) if board.teams else ["(没有带小组的评分卡)"]
    out += ["", "## 先进个人", ""]
    out += _md_table(board.individuals, False) if board.individuals else ["(没有通过核验的评分卡)"]
    out += ["", "排名规则:个人取每个场景的最高分求平均,同分时场景多者在前;小组取每位组员每个场景的最高分求平均,"
                "同分时覆盖场景多者、组员多者在前;仍同分则并列。"]
    if board.accepted:
        out += ["", "## 内容版本", "", "| 场景 | 内容版本 | 评分卡数 | 说明 |", "|---|---|---|---|"]
        out += [f"| {md_escape(a)} | {b} | {c} | {d} |" for a, b, c, d in _version_rows(board)]
    if board.rejected:
        out += ["", "## 未通过核验", ""] + [f"- {md_escape(f)}: {md_escape(r)}" for f, r in board.rejected]
    if board.duplicates:
        out += ["", "## 重复提交 (duplicates)", ""] + [
            f"- {md_escape(f)} = {md_escape(o)} ({md_escape(w)})" for f, o, w in board.duplicates]
    return "\n".join(out) + "\n"


# ------------------------------------------------------------------------------ CSV
def render_csv(board: Board) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    head = ["榜单", "名次", "名称", "小组", "平均分", "场景数", "评分卡数", "组员数"] \
        + [f"{principle_names()[k]}({k})" for k in PRINCIPLES] + ["内容版本", "说明"]
    w.writerow(head)

    def row(**cells: object) -> list[object]:  # every row has every column: nothing ever shifts
        out: list[object] = [""] * len(head)
        for k, v in cells.items():
            out[head.index(k)] = csv_cell(v)
        return out
    for label, rows in (("优胜组", board.teams), ("先进个人", board.individuals)):
        for s in rows:
            w.writerow([label, s.rank, csv_cell(s.name), csv_cell(s.team), one_decimal(s.score), s.scenarios, s.cards,
                        s.members] + [one_decimal(s.principles.get(k, 0)) for k in PRINCIPLES] + ["", ""])
    for scenario, version, n, note in _version_rows(board):
        w.writerow(row(榜单="内容版本", 名称=scenario, 评分卡数=n, 内容版本=version, 说明=note))
    for f, r in board.rejected:
        w.writerow(row(榜单="未通过核验", 名称=f, 说明=r))
    for f, o, why in board.duplicates:
        w.writerow(row(榜单="重复提交", 名称=f, 说明=f"= {o}({why})"))
    return "\ufeff" + buf.getvalue()


# ------------------------------------------------------------------------------ HTML
_CSS = """
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;border-bottom:2px solid #b22;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:center}
th{background:#f3e6e6}td.name{text-align:left;font-weight:bold}tr.top td{background:#fff6d6}
.charts{display:flex;flex-wrap:wrap;gap:1em}.chart{flex:1 1 22em;border:1px solid #ddd;padding:.5em .8em;
break-inside:avoid}.chart h3{font-size:1em;margin:.2em 0 .5em}.row{display:flex;align-items:center;margin:.15em 0}
.row .label{width:9em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-size:.85em}
.row .track{flex:1;background:#eee;height:1em;margin:0 .5em}.row .bar{background:#b22;height:1em;
-webkit-print-color-adjust:exact;print-color-adjust:exact}.row .val{width:3em;font-size:.85em;text-align:right}
.note{color:#666;font-size:.85em}ul.bad li{color:#a00}
@media print{body{margin:1cm}h2{break-after:avoid}}
"""


def _e(text: object) -> str:
    return html.escape(plain(text), quote=True)


def _html_table(rows: list[Standing], team_board: bool) -> str:
    head = ["名次", "小组" if team_board else "姓名"] + ([] if team_board else ["小组"]) + \
        ["平均分", "场景数"] + (["组员"] if team_board else []) + [principle_names()[k] for k in PRINCIPLES]
    out = ["<table><thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in head) + "</tr></thead><tbody>"]
    for s in rows:
        cells = [f"<td>{s.rank}</td>", f'<td class="name">{_e(s.name)}</td>']
        if not team_board:
            cells.append(f"<td>{_e(s.team or '—')}</td>")
        cells += [f"<td><b>{one_decimal(s.score)}</b></td>", f"<td>{s.scenarios}</td>"]
        if team_board:
            cells.append(f"<td>{s.members}</td>")
        cells += [f"<td>{one_decimal(s.principles.get(k, 0))}</td>" for k in PRINCIPLES]
        out.append(f'<tr class="{"top" if s.rank == 1 else ""}">' + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _charts(rows: list[Standing]) -> str:
    out = ['<div class="charts">']
    for k in PRINCIPLES:
        out.append(f'<div class="chart"><h3>{_e(principle_names()[k])} <span class="note">{k}</span></h3>')
        for s in rows:
            v = max(0.0, min(100.0, float(s.principles.get(k, 0))))
            out.append(f'<div class="row"><span class="label" title="{_e(s.name)}">{_e(s.name)}</span>'
                       f'<span class="track"><span class="bar" style="display:block;width:{v:.1f}%"></span></span>'
                       f'<span class="val">{one_decimal(v)}</span></div>')
        out.append("</div>")
    out.append("</div>")
    return "\n".join(out)


def render_html(board: Board) -> str:
    chart_rows = board.teams or board.individuals[:20]
    parts = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>回款道场 · 排行榜</title>", f"<style>{_CSS}</style></head><body>",
             "<h1>回款道场 · 排行榜</h1>",
             f'<p class="note">{_e(_event_line(board))}</p>' if board.event else "",
             f'<p class="note">已核验评分卡 {len(board.accepted)} 张;每张都按原种子重放核对过。</p>',
             "<h2>优胜组</h2>", _html_table(board.teams, True) if board.teams else "<p>(没有带小组的评分卡)</p>",
             "<h2>先进个人</h2>",
             _html_table(board.individuals, False) if board.individuals else "<p>(没有通过核验的评分卡)</p>",
             f"<h2>分项得分({'各组' if board.teams else '个人'}平均)</h2>", _charts(chart_rows),
             '<p class="note">排名规则:个人取每个场景的最高分求平均,同分时场景多者在前;小组取每位组员每个场景的最高分'
             "求平均,同分时覆盖场景多者、组员多者在前;仍同分则并列。</p>"]
    if board.accepted:
        parts.append("<h2>内容版本</h2><table><thead><tr><th>场景</th><th>内容版本</th><th>评分卡数</th><th>说明</th>"
                     "</tr></thead><tbody>" + "".join(f"<tr><td>{_e(a)}</td><td>{_e(b)}</td><td>{c}</td><td>{_e(d)}</td>"
                                                      "</tr>" for a, b, c, d in _version_rows(board))
                     + "</tbody></table>")
    if board.rejected:
        parts.append("<h2>未通过核验</h2><ul class=\"bad\">" + "".join(
            f"<li>{_e(f)}: {_e(r)}</li>" for f, r in board.rejected) + "</ul>")
    if board.duplicates:
        parts.append("<h2>重复提交</h2><ul>" + "".join(
            f"<li>{_e(f)} = {_e(o)}({_e(w)})</li>" for f, o, w in board.duplicates) + "</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def render_json(board: Board) -> str:
    return json.dumps(board.public(), ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"md": render_md, "csv": render_csv, "html": render_html, "json": render_json}
