"""click's own words (Usage, Options, Error: …) in Chinese: every line a trainee or instructor reads is
Chinese. click looks its strings up through gettext; this module points its lookups at a small table
(anything not in the table stays as click wrote it)."""

from __future__ import annotations

import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

ZH: dict[str, str] = {
    "Usage:": "用法:",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "Show the version and exit.": "显示版本号后退出",
    "Show this message and exit.": "显示本帮助后退出",
    "%(prog)s, version %(version)s": "%(prog)s 版本 %(version)s",
    "Error: {message}": "错误:{message}",
    "Try '{command} {option}' for help.": "用 '{command} {option}' 查看帮助。",
    "No such command {name!r}.": "没有 {name!r} 这个命令。",
    "No such option {name!r}.": "没有 {name!r} 这个选项。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing command.": "缺少命令。",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数:{param_name}",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值不对:{message}",
    "Invalid value: {message}": "值不对:{message}",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是文件夹。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "default: {default}": "默认:{default}",
    "Aborted!": "已中止。",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "integer": "整数",
    "float": "小数",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 无法读取。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 无法写入。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 不能执行。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}:{message}",
    "unknown error": "未知错误",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "Invalid start character for option ({option})": "选项 ({option}) 的开头字符不对",
    "Value must be an iterable.": "值必须是可迭代的。",
    "env var: {var}": "环境变量:{var}",
    "(dynamic)": "(动态)",
    "deprecated": "已弃用",
    "Choose from:\n\t{choices}": "可选:\n\t{choices}",
    "{value!r} is not a valid UUID.": "{value!r} 不是有效的 UUID。",
}

ZH_PLURAL: dict[str, str] = {
    "Did you mean {possibility}?": "是不是 {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(是不是以下之一:{possibilities}?)",
    "{value!r} does not match the format {format}.": "{value!r} 不符合格式 {format}。",
    "{value!r} does not match the formats {formats}.": "{value!r} 不符合格式 {formats} 中的任何一个。",
    "{len_type} values are required, but {len_value} was given.": "需要 {len_type} 个值,只给了 {len_value} 个。",
    "{len_type} values are required, but {len_value} were given.": "需要 {len_type} 个值,给了 {len_value} 个。",
    "Takes {nargs} values but 1 was given.": "需要 {nargs} 个值,只给了 1 个。",
    "Takes {nargs} values but {len} were given.": "需要 {nargs} 个值,给了 {len} 个。",
    "{value!r} is not {choice}.": "{value!r} 不是 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不是以下之一:{choices}。",
    "Got unexpected extra argument ({args})": "多了参数「{args}」",
    "Got unexpected extra arguments ({args})": "多了参数「{args}」",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要 {nargs} 个值。",
}


def gettext(message: str) -> str:
    return ZH.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    chosen = singular if n == 1 else plural
    return ZH_PLURAL.get(chosen, ZH.get(chosen, chosen))


for _module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
    _module._ = gettext  # type: ignore[attr-defined]
    if hasattr(_module, "ngettext"):
        _module.ngettext = ngettext  # type: ignore[attr-defined]

# the number types' names appear inside click's messages ("'x' 不是有效的integer。"): their Chinese names
click.types.INT.name = "整数"
click.types.FLOAT.name = "小数"
click.types.IntRange.name = "整数"
click.types.FloatRange.name = "小数"
