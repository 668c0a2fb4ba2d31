"""The `trainer` command: a click group whose default opens the terminal UI.

Subcommands load lazily (click's LazyGroup pattern): `trainer --help` imports only click and this
file — its one-line help texts are kept here — and `trainer X` imports only X's module.
Headless commands never import textual; the UI is imported when it opens.
"""

from __future__ import annotations

import importlib

import click

import trainer.cli.zh  # noqa: F401 - click's own words in Chinese
from trainer import __version__

#: name → (module in trainer.cli, attribute, the one-line help `trainer --help` shows)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "play": ("play", "play", "练习一个场景:打开终端界面,或用 --moves 无界面对练"),
    "list": ("listing", "list_", "列出找到的场景和角色"),
    "tactics": ("tactics", "tactics", "列出全部招式:编号、中文名、招式组、课程出处、示例"),
    "validate": ("validate", "validate", "检查角色、场景、评分表和话术文件"),
    "classify": ("classify", "classify", "识别一句话术属于哪个招式"),
    "leaderboard": ("leaderboard", "leaderboard", "用导出的成绩单排出团队和个人排行榜(逐张重放核实)"),
    "history": ("history", "history", "本机保存的练习记录(已完成和未完成的)"),
    "resume": ("history", "resume", "在终端界面里继续一次未完成的练习"),
    "schema": ("authoring", "schema", "输出角色或场景文件的 JSON Schema"),
    "graph": ("authoring", "graph", "把角色的状态机画成 Mermaid 或 Graphviz 图"),
    "simulate": ("authoring", "simulate", "推演场景:可达状态、结局、死路、胜率、最佳路线"),
    "new": ("authoring", "new", "写一个带注释的新角色或新场景模板文件"),
    "test": ("testplan", "test", "运行测试计划:每条对练路线的预期结果"),
    "replay": ("replay", "replay", "在终端界面里回放一张成绩单"),
    "event": ("event", "event", "小组比赛:建比赛文件(名单、场景、随机盐)"),
    "serve": ("serve", "serve", "课堂模式:把终端界面开给浏览器,/leaderboard 是实时排行榜"),
    # started by `trainer serve` for each browser session; no help line, so `trainer --help` does not list it
    "serve-session": ("serve", "serve_session", ""),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when one of them runs (or completes)."""

    def __init__(self, *args, lazy: dict[str, tuple[str, str, str]], **kw):
        super().__init__(*args, **kw)
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands or cmd_name not in self.lazy:
            return super().get_command(ctx, cmd_name)
        module, attr, _ = self.lazy[cmd_name]
        cmd = getattr(importlib.import_module(f"trainer.cli.{module}"), attr)
        if cmd.options_metavar == "[OPTIONS]":
            cmd.options_metavar = "[选项]"
        self.add_command(cmd, cmd_name)
        return cmd

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from the short help kept above: no subcommand module is imported."""
        rows = [(name, self.lazy[name][2]) for name in self.list_commands(ctx) if name in self.lazy and self.lazy[name][2]]
        if rows:
            with formatter.section("命令"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, lazy=COMMANDS, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]},
             options_metavar="[选项]", subcommand_metavar="[命令] [参数]...")
@click.version_option(__version__, prog_name="trainer")
@click.pass_context
def main(ctx: click.Context) -> None:
    """回款道场:对着欠款人角色练习催收应收账款。不带命令时打开终端界面。

    补全(bash):eval "$(_TRAINER_COMPLETE=bash_source trainer)";zsh 用 zsh_source,fish 用 fish_source。
    """
    if ctx.invoked_subcommand is None:
        # deferred for start-up: `trainer --help` and the other commands don't pay for this command's imports
        from trainer.cli.ui import open_ui
        open_ui()
