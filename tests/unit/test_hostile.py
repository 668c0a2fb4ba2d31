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
    "alias_bomb": (BOMB.encode(), "aliases (*a) are not allowed"),
    "merge_key": (b"base: &b {name: x}\nother:\n  <<: *b\n", "merge keys"),
    "deep_flow_list": (b"[" * 20000 + b"]" * 20000, "nesting deeper than 50 levels"),
    "deep_flow_map": (b"{a: " * 20000 + b"}" * 20000, "nesting deeper than 50 levels"),
    "deep_block_list": (b"- " * 20000 + b"x\n", "nesting deeper than 50 levels"),
    "deep_unclosed": (b"[" * 20000, "nesting deeper than 50 levels"),
    "binary": (bytes(range(256)) * 4, "not valid UTF-8"),
    "nul_bytes": (b"id: a\x00b\n", "control character U+0000"),
    "root_list": (b"- a\n- b\n", "the top level must be a mapping of keys, not a list"),
    "root_scalar": (b"just some text\n", "the top level must be a mapping of keys, not a scalar"),
    "empty": (b"", "the file is empty"),
    "only_comments": (b"# nothing here\n\n", "the file is empty"),
    "too_big": (b"a: " + b"x" * (MAX_BYTES + 10) + b"\n", "the limit is 2,097,152"),
    "invalid_utf8": ("名字: 小王\n".encode() + b"bad: \xff\xfe\n", "not valid UTF-8 (byte 0xff)"),
    "python_tag": (b"id: !!python/object/apply:os.system ['echo pwned']\n", "explicit tags"),
    "two_documents": (b"a: 1\n---\nb: 2\n", "only one YAML document"),
    "tab_indent": (b"a:\n\tb: 1\n", "YAML syntax error"),
    "complex_key": (b"? [a, b]\n: c\n", "mapping keys must be plain text"),
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
    assert path.name in out[0] and ": error: " in out[0] and message in out[0], out[0]
    assert "Traceback" not in r.output


def test_loader_raises_load_error_only(hostile_file):
    path, message = hostile_file
    with pytest.raises(LoadError) as e:
        read_file(path)
    assert message in str(e.value) and path.name in str(e.value).split(":")[0]


def test_alias_bomb_in_the_direct_loader_is_refused_before_expansion():
    # the classic 'billion laughs' in 9 levels: PyYAML would build it in a blink and expand it on any walk
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(LoadError, match="aliases"):
        from trainer.core.content.yamlsafe import parse_text
        parse_text(BOMB, "bomb.yaml")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KiB


def test_device_files_are_not_read_forever(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    r = CliRunner().invoke(main, ["validate", "/dev/zero"])
    assert r.exit_code == 1 and "not a regular file" in r.stdout


def test_huge_file_is_refused_from_its_size(tmp_path):
    p = tmp_path / "big.yaml"
    with p.open("wb") as fh:  # sparse: 50 MB on paper, nothing read
        fh.seek(50 * 1024 * 1024)
        fh.write(b"\n")
    with pytest.raises(LoadError, match="limit"):
        load_file(p)
    r = CliRunner().invoke(main, ["validate", str(p)])
    assert r.exit_code == 1 and "big.yaml:1:1: error:" in r.stdout


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
    assert r.exit_code == 2 and "nesting deeper" in r.stderr and len(r.stderr.strip().splitlines()) == 1
