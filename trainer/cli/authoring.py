"""Instructor tooling: `trainer schema`, `trainer graph`, `trainer simulate`, `trainer new`."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from typing import Any

import click

from trainer.cli.common import dump_json, fail, ljust
from trainer.cli.complete import persona_or_scenario_ids
from trainer.cli.history import RESULT_NAMES
from trainer.core.content import catalogue
from trainer.core.content.library import ContentError, load_library, load_persona_file, resolve_scenario
from trainer.core.content.models import PERSONA_SPEC, SCENARIO_SPEC, SLUG, Persona
from trainer.core.content.spec import Problems, did_you_mean, json_schema

SCHEMA_IDS = {"persona": "https://huikuan-dojo.local/schema/persona.schema.json",
              "scenario": "https://huikuan-dojo.local/schema/scenario.schema.json",
              "rubric": "https://huikuan-dojo.local/schema/rubric.schema.json"}


# ---------------------------------------------------------------- schema

def _tactic_enum(node: Any) -> None:
    """Offer the catalogue in editors: every string under a reaction's `on` is one of these."""
    allowed = list(catalogue.MOVE_IDS) + list(catalogue.GROUPS) + ["any", "*"]
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, dict):
            if n.get("type") == "string":
                n.pop("minLength", None)
                n.pop("maxLength", None)
                n["enum"] = allowed
            stack.extend(n.values())
        elif isinstance(n, list):
            stack.extend(n)


def schema_for(kind: str) -> dict[str, Any]:
    if kind == "rubric":
        # deferred for start-up: only this kind needs the rubric's spec
        from trainer.core.judging.rubric import RUBRIC_SPEC
        return json_schema(RUBRIC_SPEC, "回款道场 评分细则(原则、计分方式、准备清单、规则)",
                           SCHEMA_IDS[kind])
    spec = PERSONA_SPEC if kind == "persona" else SCENARIO_SPEC
    title = "回款道场 角色(欠款人状态机)" if kind == "persona" else "回款道场 场景"
    doc = json_schema(spec, title, SCHEMA_IDS[kind])
    if kind == "persona":
        _tactic_enum(doc["properties"]["reactions"]["items"]["properties"]["on"])
    return doc


def schema_text(kind: str) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n"


@click.command("schema")
@click.argument("kind", type=click.Choice(["persona", "scenario", "rubric"]))
def schema(kind: str) -> None:
    """输出角色(persona)、场景(scenario)或评分细则(rubric)文件的 JSON Schema(draft 2020-12),供编辑器补全和检查。"""
    click.echo(schema_text(kind), nl=False)


# ---------------------------------------------------------------- graph

def resolve_persona(ref: str) -> Persona:
    """A persona id or a path to a persona file; exits with a one-line error otherwise."""
    p = Path(ref)
    if ref.endswith((".yaml", ".yml")) or p.is_file():
        out = Problems()
        persona = load_persona_file(p, out)
        if persona is None:
            fail("\n".join(str(x) for x in out.errors) or f"{ref}: 不是角色文件", 2)
        return persona
    lib = load_library()
    if ref in lib.personas:
        return lib.personas[ref]
    if ref in lib.scenarios and lib.scenarios[ref].persona_id in lib.personas:  # a scenario id: its persona
        return lib.personas[lib.scenarios[ref].persona_id]
    fail(f"没有编号为 '{ref}' 的角色或场景{did_you_mean(ref, [*lib.personas, *lib.scenarios])};"
         "`trainer list` 列出全部", 2)


@click.command("graph")
@click.argument("persona", shell_complete=persona_or_scenario_ids)
@click.option("--format", "fmt", type=click.Choice(["mermaid", "dot"]), default="mermaid", show_default=True)
def graph(persona: str, fmt: str) -> None:
    """把角色的状态机画成 Mermaid 或 Graphviz dot 图。PERSONA:角色编号、场景编号或角色文件。"""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.content.analysis import to_dot, to_mermaid
    p = resolve_persona(persona)
    click.echo(to_mermaid(p) if fmt == "mermaid" else to_dot(p), nl=False)


# ---------------------------------------------------------------- simulate

def _scenario_of(ref: str) -> str:
    """A scenario id, file, or a persona id (then the first scenario, by id, that plays that persona)."""
    if ref.endswith((".yaml", ".yml")) or Path(ref).is_file():
        return ref
    lib = load_library()
    if ref in lib.scenarios:
        return ref
    using = sorted(s.id for s in lib.scenarios.values() if s.persona_id == ref)
    return using[0] if using else ref


@click.command("simulate")
@click.argument("scenario", shell_complete=persona_or_scenario_ids)
@click.option("--json", "as_json", is_flag=True, help="输出一个 JSON 对象")
@click.option("--seed", type=int, default=0, show_default=True, metavar="N", help="随机种子")
@click.option("--nodes", type=click.IntRange(0, 1_000_000), default=600, show_default=True,
              metavar="N", help="广度优先搜索最多展开的局面数")
@click.option("--seek", type=click.IntRange(0, 1_000_000), default=600, show_default=True,
              metavar="N", help="定向搜索(找广度搜索没到的状态)最多展开的局面数")
@click.option("--games", type=click.IntRange(0, 100_000), default=200, show_default=True,
              metavar="N", help="随机对局数(蒙特卡洛胜率)")
@click.option("--depth", type=click.IntRange(1, 100), metavar="N", help="搜索深度(默认:场景的回合上限)")
def simulate(scenario: str, as_json: bool, seed: int, nodes: int, seek: int, games: int, depth: int | None) -> None:
    """推演场景:可达状态、结局、死路、胜率、最佳路线。SCENARIO:场景编号、角色编号或场景文件。"""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.authoring.simulate import simulate as run
    try:
        sc, persona = resolve_scenario(_scenario_of(scenario))
    except ContentError as e:
        fail(str(e), 2)
    started = time.perf_counter()
    data = run(sc, persona, seed=seed, max_nodes=nodes, games=games, max_depth=depth, seek_budget=seek)
    if as_json:
        click.echo(dump_json(data))
        return
    ex, rnd, course, best = data["exhaustive"], data["random_play"], data["course_policy"], data["best_line"]
    click.echo(f"{sc.id} · {persona.name}({persona.archetype}) · 种子 {seed}")
    scope = "已穷尽" if ex["complete"] else f"在 {ex['within']} 步内穷尽,之后停止"
    click.echo(f"搜索:{ex['nodes']} 个局面,深度 {ex['depth']} · {scope} · {time.perf_counter() - started:.2f} 秒")
    click.echo(f"可达状态:{', '.join(data['reachable_states'])}")
    if data["unreached_states"]:
        if data["search_complete"]:
            click.echo(f"从未到达的状态:{', '.join(data['unreached_states'])}")
        else:
            n = data["unreached_within"]
            click.echo(f"{n} 步内未到达(更长的走法没有穷尽):{', '.join(data['unreached_states'])}")
    for name, end in data["endings"].items():
        line = " → ".join(end["shortest"]) if end["shortest"] else "-"
        click.echo(f"  结局 {name:<14} {ljust(RESULT_NAMES.get(end['result'], end['result']), 10)} {line}")
    if data["dead_ends"]:
        click.echo(f"死路:{', '.join(data['dead_ends'])}")
    if data["no_exit_found"]:
        click.echo(f"未见出路(搜索没有穷尽,不是定论):{', '.join(data['no_exit_found'])}")
    click.echo(f"随机对练:{rnd['games']} 局中赢 {rnd['win_rate']:.0%} · 平均 {rnd['mean_score']} 分")
    click.echo(f"按课程打法:{RESULT_NAMES.get(course['result'], course['result'])} 回收 {course['recovered_ratio']:.0%}"
               f" · {course['score']} 分 · {' → '.join(course['moves'])}")
    if best:
        click.echo(f"最佳路线:{RESULT_NAMES.get(best['result'], best['result'])} 回收 {best['recovered_ratio']:.0%}"
                   f" · {best['score']} 分 · {' → '.join(best['moves'])}")


# ---------------------------------------------------------------- new

PERSONA_TEMPLATE = """\
# yaml-language-server: $schema={schema}
# 新角色(欠款人)模板。改完运行:trainer validate {path} ; trainer graph {id} ; trainer simulate <场景>
# 角色是一台状态机:meters(隐藏指标)+ states(状态)+ reactions(对学员招式的反应)。
id: {id}                      # 唯一编号:小写字母、数字,用 - 或 _ 连接
name: 张老板                   # 学员看到的称呼
archetype: 待定类型            # 例如 真没钱 / 假没钱 / 恶意拖欠 / 三角债
summary: 一句话介绍这个欠款人:做什么生意、为什么拖款、性格如何。
hidden_reason:                 # 课程“客户不付款的13个原因”之一(1..13);学员要自己问出来
  reason: 1
  truth: 真实原因,只在复盘时揭晓。
  cover: 他嘴上说的理由。

meters:                        # 0..100 的隐藏指标;good: down 表示越低越好
  willingness: {{label: 付款意愿, start: 30}}
  trust: {{label: 客情, start: 50}}
  irritation: {{label: 烦躁, start: 10, good: down}}

start: opening                 # 开场状态
out_of_time: stalled           # 回合用完时的结局

states:
  opening:
    label: 开场
    hint: 先礼后兵:寒暄、表明来意,再了解拖欠原因。
  talking:
    label: 谈原因
    hint: 把账对清楚(余额、付款日、付款形式),再谈怎么付。
  agreeing:
    label: 口头答应
    hint: 口头答应不算数:金额、日期写下来,签字盖章。
  promised:
    label: 书面承诺
    ending: {{result: promise, committed: 1.0, due_days: 7, summary: "{{contact}}签字承诺七天内付清{{owed_wan}}。"}}
  stalled:
    label: 没谈出结果
    ending: {{result: no_progress, summary: "{{contact}}一直打太极,没有任何承诺。"}}
  walked_out:
    label: 不欢而散
    ending: {{result: broken_off, summary: "{{contact}}把你请出了办公室。"}}

reactions:                     # 从上往下找第一条匹配的(写具体招式的优先于写招式组的)
  - on: [courtesy, praise]     # 招式 id,或招式组:理 情 利 法 人 程序
    in: opening                # 只在这些状态里生效(不写 = 所有未结束的状态)
    effects: {{trust: 8, irritation: -3}}
    to: talking                # 转到哪个状态(不写 = 留在原状态)
    note: 以礼开场,他愿意坐下来谈。   # 复盘时给学员看的“为什么”
    replies:                   # 多写几句,系统会轮换;可以用 {{contact}} {{owed_wan}} 等占位符
      - 来了啊,坐。你们那笔款我记着呢,就是最近确实有点紧。
      - 客气了客气了。先喝口茶,有什么事慢慢说。
  - on: [verify_balance, probe_reason]
    in: [opening, talking]
    effects: {{willingness: 15}}
    to: talking
    note: 对账、问原因,把事情摊开来谈。
    replies:
      - 账是对的,{{owed}}元,我认。就是这个月回款慢了点。
      - 实话说,下游有一笔钱还没到,我这边才卡住了。
  - on: [deadline_pressure, conditional_concession]
    in: talking
    when: willingness >= 40    # 条件:指标、used(招式)、visited(状态)、turn、chance(0.3)……
    effects: {{willingness: 20}}
    to: agreeing
    note: 讲清节点、给有条件的台阶,他松口了。
    replies:
      - 行吧,这个月底之前我想办法给你结了。
      - 你都这么说了,那我就先把你们这笔安排上。
  - on: written_commitment
    in: agreeing
    to: promised
    note: 入袋为安:白纸黑字,签字盖章。
    replies:
      - 好,你写吧,我签字盖章。
  - on: hostile                 # 威胁人身、堵门、曝光……越过法律的线:他拿法律反制
    when: not rude
    effects: {{irritation: 40, trust: -25}}
    note: 有法:不做出过激行为。威胁越过了法律的线,对方当场拿法律反制。
    replies:
      - 你这是威胁?这段话我录下来了,再说一句我就报警。
      - 行,你说的我都记着,咱们让律师谈。
  - on: [法, hostile]           # 无礼(骂人、吼叫)与礼数没尽就施压
    effects: {{irritation: 30, trust: -15}}
    note: 礼数没尽就施压,他只会更抵触。
    replies:
      - 你这是威胁我?那咱们就别谈了。
      - 说话客气点,我又没说不给。

auto:                          # 每回合之后检查:指标到了阈值自动转状态
  - when: irritation >= 80
    to: walked_out
    replies:
      - 行了,你走吧,今天不谈了。

default:                       # 没有任何反应匹配时的回答
  effects: {{irritation: 3}}
  replies:
    - 嗯……这个再说吧。
    - 我听着呢,可我这边确实有难处。
"""

SCENARIO_TEMPLATE = """\
# yaml-language-server: $schema={schema}
# 新场景模板:一个角色 + 一个具体案子。改完运行:trainer validate {path} ; trainer simulate {id}
id: {id}                       # 唯一编号:小写字母、数字,用 - 或 _ 连接
title: 场景标题(学员在选择列表里看到)
persona: {persona}             # 用哪个角色(personas/ 里的 id)
summary: 一句话交代背景。
difficulty: normal             # easy / normal / hard
turn_limit: 12                 # 回合上限,用完即按 out_of_time 结束
case:
  company: 某某贸易公司
  contact: 张明
  role: 老板
  our_company: 我们公司
  owed: 200000                 # 欠款金额(元)
  days_overdue: 45             # 逾期天数
  debt_type: 厂商与经销商       # 工程项目型 / 政企机构应收款 / 厂商与商场超市 / 厂家与厂家 / 厂商与经销商
  contract_terms: 月结30天,凭送货单付款。
  relationship: 合作两年,以前付款还算准时。
  date: 2026-11-02             # 故事里的“今天”,用于计算还款日期
  known:                       # 学员事先掌握的信息(课程“十大事先准备”)
    - 对方欠货款20万元,送货单和验收单齐全。
    - 合同约定月结30天,已逾期45天。
goals:
  - 拿到写明金额和日期、签字盖章的还款承诺。
  - 保持客情,不做过激行为。
"""


def shipped_schema(kind: str) -> Path | None:
    """The schema file that ships with this install: the checkout's docs/schema/, or the wheel's
    trainer/content/schema/ (pyproject force-includes docs/schema there)."""
    # deferred for start-up: the content layer (YAML) loads only for the commands that read content
    from trainer.core.content.library import PKG_DIR
    for folder in (PKG_DIR.parent / "docs" / "schema", PKG_DIR / "content" / "schema"):
        if (folder / f"{kind}.schema.json").is_file():
            return folder / f"{kind}.schema.json"
    return None


def _schema_ref(target: Path, kind: str) -> str:
    """What the new file's modeline points at, so the YAML language server finds the schema wherever the
    file is: a relative path inside a checkout (as the shipped files use), else an absolute file: URI to
    the installed schema, else a schema file written next to the new file."""
    here = target.resolve().parent
    for base in (here, *here.parents):
        if (base / "docs" / "schema" / f"{kind}.schema.json").is_file():
            return os.path.relpath(base / "docs" / "schema" / f"{kind}.schema.json", here).replace(os.sep, "/")
    installed = shipped_schema(kind)
    if installed is not None:
        return installed.resolve().as_uri()
    beside = target.parent / f"{kind}.schema.json"
    if not beside.exists():
        beside.parent.mkdir(parents=True, exist_ok=True)
        beside.write_text(schema_text(kind), encoding="utf-8")
    return f"./{kind}.schema.json"


def _suggest_persona(name: str, target: Path) -> str:
    """A persona worth naming when NAME is none: the author's own (the sibling personas/ folder), then a
    close id on the search path; never an unrelated one."""
    own = sorted(p.stem for p in (target.parent.parent / "personas").glob("*.y*ml"))
    if own:
        return f"这个文件夹里有的角色:{', '.join(own[:5])}(用 --persona 指定)"
    # deferred for start-up: only this error needs difflib
    import difflib
    known = load_library().personas
    close = [k for k in known if name and (name in k or k in name)] or \
        difflib.get_close_matches(name, list(known), n=1, cutoff=0.75)
    if close:
        return f"是不是 --persona {close[0]}?"
    return "`trainer list` 列出已有的角色"


@click.command("new")
@click.argument("kind", type=click.Choice(["persona", "scenario"]))
@click.argument("name")
@click.option("--dir", "folder", type=click.Path(file_okay=False), metavar="文件夹",
              help="写到哪个文件夹(默认 personas/ 或 scenarios/)")
@click.option("--persona", "persona_id", metavar="角色", help="场景用哪个角色(默认:与 NAME 同名的角色)")
def new(kind: str, name: str, folder: str | None, persona_id: str | None) -> None:
    """写一个带注释、能通过检查的新角色或新场景模板 NAME.yaml。"""
    if not re.fullmatch(SLUG, name):
        fail(f"'{name}' 不是有效的编号:只用小写字母和数字,单词之间用 - 或 _ 连接", 2)
    target = Path(folder or (kind + "s")) / f"{name}.yaml"
    if target.exists():
        fail(f"{target}: 已经存在,不会覆盖", 1)
    values = {"id": name, "path": target.as_posix(), "schema": _schema_ref(target, kind)}
    if kind == "persona":
        text = PERSONA_TEMPLATE.format(**values)
    else:
        pid = persona_id or name
        if not re.fullmatch(SLUG, pid):
            fail(f"'{pid}' 不是有效的角色编号", 2)
        known = set(load_library().personas)
        sibling = target.parent.parent / "personas" / f"{pid}.yaml"
        if pid not in known and not sibling.is_file():
            fail(f"没有编号为 '{pid}' 的角色;先用 `trainer new persona {pid}` 写一个,"
                 f"或用 --persona 指定已有的角色。{_suggest_persona(pid, target)}", 2)
        text = SCENARIO_TEMPLATE.format(persona=pid, **values)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8") as fh:  # "x": never overwrite, even in a race
            fh.write(text)
    except FileExistsError:
        fail(f"{target}: 已经存在,不会覆盖", 1)
    click.echo(f"已写入 {target}")
    root = target.resolve().parent.parent
    click.echo(f"让 trainer 找到它(这个文件夹里要有 personas/ 和 scenarios/):export TRAINER_PATH={root}")


COMMANDS = [schema, graph, simulate, new]
