"""`trainer test PLAN...`: run test plans; one line per failing line-of-play × seed."""

from __future__ import annotations

import click

from trainer.cli.common import dump_json


@click.command("test")
@click.argument("plans", nargs=-1, required=True)
@click.option("--verbose", "-v", is_flag=True, help="同时列出每条路线的平均分、回收比例和结局")
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
def test(plans: tuple[str, ...], verbose: bool, as_json: bool) -> None:
    """运行测试计划 PLAN(文件或文件夹):每条路线在各个种子下对练,检查预期结果。"""
    # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
    from trainer.core.authoring.testplan import PlanError, load_plan, plan_files, run_plan

    files = plan_files(list(plans))
    if not files:
        click.echo("trainer: 没有找到测试计划文件(.yaml / .yml)", err=True)
        raise SystemExit(2)
    broken = failed = runs = 0
    reports = []
    for f in files:
        try:
            plan = load_plan(f)
        except PlanError as e:
            click.echo(str(e), err=True)
            broken += 1
            continue
        rep = run_plan(plan)
        runs += sum(len(lr.runs) for lr in rep.lines)
        failed += len(rep.failures)
        if as_json:
            reports.append({"plan": plan.path, "scenario": plan.scenario.id, "ok": rep.ok,
                            "lines": [lr.summary() for lr in rep.lines], "compare_failures": rep.compare_failures})
            continue
        for msg in rep.failures:
            click.echo(msg)
        if verbose:
            for lr in rep.lines:
                s = lr.summary()
                res = " ".join(f"{k}×{n}" for k, n in s["results"].items())
                click.echo(f"{'通过' if lr.ok else '失败'} {plan.path} · {s['name']}:平均 {s['mean_score']} 分,"
                           f"回收 {s['mean_recovered']:.0%},{s['mean_turns']} 回合,{res}")
    if as_json:
        click.echo(dump_json(reports))
    click.echo(f"{len(files)} 个测试计划,对练 {runs} 次:{failed} 处不符"
               + (f",{broken} 个计划无法读取" if broken else ""), err=True)
    raise SystemExit(1 if broken or failed else 0)


COMMANDS = [test]
