"""Hostile files are one-line errors naming the file — never a crash, a hang or a memory blow-up."""

import os
import resource

import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.core.authoring.validate import read_file
from trainer.core.content.library import ContentError, resolve_scenario
from trainer.core.content.models import build_persona
from trainer.core.content.spec import Problems
from trainer.core.content.yamlsafe import MAX_BYTES, LoadError, load_file

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))

HOSTILE = {
    "alias_bomb": (BOMB.encode(), "不允许别名(*a)"),
    "merge_key": (b"base: &b {name: x}\nother:\n  <<: *b\n", "合并键"),
    "deep_flow_list": (b"[" * 20000 + b"]" * 20000, "嵌套超过 50 层"),
    "deep_flow_map": (b"{a: " * 20000 + b"}" * 20000, "嵌套超过 50 层"),
    "deep_block_list": (b"- " * 20000 + b"x\n", "嵌套超过 50 层"),
    "deep_unclosed": (b"[" * 20000, "嵌套超过 50 层"),
    "binary": (bytes(range(256)) * 4, "不是有效的 UTF-8"),
    "nul_bytes": (b"id: a\x00b\n", "不允许控制字符 U+0000"),
    "root_list": (b"- a\n- b\n", "文件顶层必须是映射(键: 值),不能是列表"),
    "root_scalar": (b"just some text\n", "文件顶层必须是映射(键: 值),不能是单个值"),
    "empty": (b"", "文件是空的"),
    "only_comments": (b"# nothing here\n\n", "文件是空的"),
    "too_big": (b"a: " + b"x" * (MAX_BYTES + 10) + b"\n", "上限是 2,097,152"),
    "invalid_utf8": ("名字: 小王\n".encode() + b"bad: \xff\xfe\n", "不是有效的 UTF-8(字节 0xff)"),
    "python_tag": (b"id: !!python/object/apply:os.system ['echo pwned']\n", "不允许显式标签"),
    "two_documents": (b"a: 1\n---\nb: 2\n", "一个文件只能有一个 YAML 文档"),
    "tab_indent": (b"a:\n\tb: 1\n", "YAML 语法错误"),
    "complex_key": (b"? [a, b]\n: c\n", "键只能是普通文字"),
}


@pytest.fixture(params=sorted(HOSTILE))
def hostile_file(request, tmp_path):
    data, message = HOSTILE[request.param]
    p = tmp_path / "personas" / f"{request.param}.yaml"
    p.parent.mkdir()
    p.write_bytes(data)
    return p, message


def test_cli_one_line_error(hostile_file):
    # how fast lives in bench/, not here: a loaded CI machine must not turn a timing into a failure
    path, message = hostile_file
    r = CliRunner().invoke(main, ["validate", str(path)])
    assert r.exit_code == 1, r.output
    assert isinstance(r.exception, SystemExit)  # not a traceback
    out = r.stdout.strip().splitlines()
    assert len(out) == 1, out
    assert path.name in out[0] and ": 错误:" in out[0] and message in out[0], out[0]
    assert "Traceback" not in r.output


def test_loader_raises_load_error_only(hostile_file):
    path, message = hostile_file
    with pytest.raises(LoadError) as e:
        read_file(path)
    assert message in str(e.value) and path.name in str(e.value).split(":")[0]


def test_alias_bomb_in_the_direct_loader_is_refused_before_expansion():
    # the classic 'billion laughs' in 9 levels: PyYAML would build it in a blink and expand it on any walk
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(LoadError, match="不允许别名"):
        from trainer.core.content.yamlsafe import parse_text
        parse_text(BOMB, "bomb.yaml")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KiB


def test_device_files_are_not_read_forever(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    r = CliRunner().invoke(main, ["validate", "/dev/zero"])
    assert r.exit_code == 1 and "不是普通文件" in r.stdout


def test_huge_file_is_refused_from_its_size(tmp_path):
    p = tmp_path / "big.yaml"
    with p.open("wb") as fh:  # sparse: 50 MB on paper, nothing read
        fh.seek(50 * 1024 * 1024)
        fh.write(b"\n")
    with pytest.raises(LoadError, match="上限"):
        load_file(p)
    r = CliRunner().invoke(main, ["validate", str(p)])
    assert r.exit_code == 1 and "big.yaml:1:1: 错误:" in r.stdout


def test_wrong_shapes_everywhere_are_problems_not_exceptions():
    from trainer.core.content.yamlsafe import parse_text
    for text in ("id: 1\nstates: 2\nreactions: 3\nmeters: 4\nstart: 5\ndefault: 6\nname: 7\narchetype: 8\n",
                 "states: {a: [1, 2]}\nreactions: [[1], {on: {x: 1}}]\nmeters: {m: {start: [1]}}\n",
                 "states: {a: {label: x, ending: 3}}\nreactions: [{on: listen, replies: [], to: {}}]\n"):
        out = Problems()
        assert build_persona(parse_text(text, "x.yaml"), text, out) is None
        assert out.errors and all(str(p).startswith("x.yaml:") for p in out)


def test_play_with_hostile_scenario_file_exits_2_with_one_line(tmp_path):
    p = tmp_path / "scenarios" / "bad.yaml"
    p.parent.mkdir()
    p.write_bytes(b"[" * 20000)
    with pytest.raises(ContentError):
        resolve_scenario(str(p))
    r = CliRunner().invoke(main, ["simulate", str(p), "--json"])
    assert r.exit_code == 2 and "嵌套超过" in r.stderr and len(r.stderr.strip().splitlines()) == 1
