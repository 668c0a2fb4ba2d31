"""The moves reader: one size cap for files and stdin, the scorecard's move caps, no hang on a FIFO or a
device, encodings detected (GB18030 and UTF-16 read with a notice) or explained, control characters refused."""

from __future__ import annotations

import codecs
import os
import re
import threading

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.cli import main
from trainer.cli.common import MAX_MOVE_CHARS, MAX_MOVES, MAX_MOVES_BYTES, InputError, decode_moves
from trainer.core.competition import scorecard
from trainer.core.content import yamlsafe

MOVES = ["courtesy", "probe_reason", "verify_balance", "timing", "rebut_excuse", "ask_high_settle_middle",
         "deadline_pressure", "written_commitment", "persist"]
TEXT = "\n".join(MOVES) + "\n"
CHINESE = "周总您好,先谢谢您一直以来的照顾\n这笔账您看什么时候能结?\n"


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input)


def one_line(r) -> str:
    lines = [x for x in r.output.splitlines() if x.strip()]
    assert len(lines) == 1, r.output
    return lines[0]


def test_the_caps_are_the_card_readers_and_the_loaders():
    assert MAX_MOVES == scorecard.MAX_MOVES and MAX_MOVE_CHARS == scorecard.MAX_MOVE_CHARS
    assert MAX_MOVES_BYTES == yamlsafe.MAX_BYTES


def test_stdin_has_the_same_size_cap_as_a_file():
    r = run(["play", "fake-broke", "--moves", "-"], input=b"courtesy\n" * (MAX_MOVES_BYTES // 9 + 1))
    assert r.exit_code == 2 and "2 MB" in one_line(r)


def test_more_moves_than_a_card_holds_are_refused_before_playing(tmp_path):
    r = run(["play", "fake-broke", "--moves", "-", "--scorecard", str(tmp_path / "c.json"), "--trainee", "张三"],
            input="courtesy\n" * (MAX_MOVES + 1))
    assert r.exit_code == 2 and f"{MAX_MOVES} 步" in one_line(r)
    assert not (tmp_path / "c.json").exists()


def test_a_move_longer_than_a_card_holds_is_refused():
    with pytest.raises(InputError, match=r"^m:2:1: .*2000"):
        decode_moves(("courtesy\n" + "好" * (MAX_MOVE_CHARS + 1) + "\n").encode(), "m")


def test_control_characters_never_reach_the_terminal():
    r = run(["play", "fake-broke", "--moves", "-"], input="courtesy\n\x1b]0;pwned\x07\n")
    assert r.exit_code == 2 and "<stdin>:2:1:" in one_line(r) and "\x1b" not in r.output


class Writer(threading.Thread):
    """Opens the FIFO for writing (blocking until someone opens it to read) and closes it at once: the old
    reader read an empty file; a reader that never opens it leaves this thread to be released at the end."""

    def __init__(self, path):
        super().__init__(daemon=True)
        self.path = path

    def run(self):
        os.close(os.open(self.path, os.O_WRONLY))

    def release(self):
        # hold a read end open until the writer is done: its open() returns as soon as a reader exists, and a
        # reader opened and closed before the writer even reached open() would leave it blocked for ever
        fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK)
        try:
            self.join()
        finally:
            os.close(fd)


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "fifo.json"
    os.mkfifo(path)
    writer = Writer(path)
    writer.start()
    yield path
    writer.release()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_as_moves_is_refused_at_once(fifo):
    r = run(["play", "fake-broke", "--moves", str(fifo)])
    assert r.exit_code == 2 and "管道" in one_line(r)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_as_moves_is_refused():
    r = run(["play", "fake-broke", "--moves", "/dev/zero"])
    assert r.exit_code == 2 and "设备" in one_line(r)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_as_a_card_is_refused_by_replay_and_leaderboard(fifo):
    r = run(["replay", str(fifo), "--json"])
    assert r.exit_code == 1 and "不是普通文件" in one_line(r)
    r = run(["leaderboard", str(fifo)])
    assert r.exit_code == 1 and f"不予计分 {fifo}:不是普通文件" in r.output


@pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
def test_a_gbk_file_is_read_with_a_notice(tmp_path, encoding):
    f = tmp_path / "moves.txt"
    f.write_bytes((TEXT + CHINESE).encode(encoding))
    r = CliRunner().invoke(main, ["play", "fake-broke", "--moves", str(f), "--json"])
    assert r.exit_code == 0, r.output
    assert "GB18030" in r.stderr and "UTF-8" in r.stderr
    moves, notice = decode_moves((TEXT + CHINESE).encode(encoding), "m")
    assert moves == MOVES + CHINESE.split() and "GB18030" in notice


@pytest.mark.parametrize("bom,enc", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
                                     (codecs.BOM_UTF8, "utf-8")])
def test_files_with_a_bom_are_read(bom, enc):
    moves, notice = decode_moves(bom + (TEXT + CHINESE).encode(enc), "m")
    assert moves == MOVES + CHINESE.split()
    assert ("UTF-16" in notice) == enc.startswith("utf-16") and (notice == "") == (enc == "utf-8")


def test_utf16_without_a_bom_says_how_to_convert():
    with pytest.raises(InputError, match="UTF-16.*另存为 UTF-8"):
        decode_moves((TEXT + CHINESE).encode("utf-16-le"), "m")


def test_bytes_in_no_known_encoding_say_where_and_how_to_convert():
    with pytest.raises(InputError) as e:
        decode_moves(b"courtesy\nprobe\xff\xfe\x80x\n", "m.txt")
    assert str(e.value).startswith("m.txt:2:6: ") and "iconv" in str(e.value) and "\n" not in str(e.value)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_are_moves_or_one_input_error(data):
    try:
        moves, notice = decode_moves(data, "m")
    except InputError as e:
        assert "\n" not in str(e) and str(e).startswith("m")
        return
    assert len(moves) <= MAX_MOVES and "\n" not in notice
    for m in moves:
        assert m == m.strip() and m and not m.startswith("#") and len(m) <= MAX_MOVE_CHARS
        assert not any(ord(c) < 32 and c != "\t" or 0x7F <= ord(c) <= 0x9F for c in m)


LINE = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters="\u2028\u2029#"
                             "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\x1c\x1d\x1e\x85"),
               min_size=1, max_size=40).map(str.strip).filter(bool).filter(
    lambda s: not re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*", s))  # id-like lines must be real ids (tested apart)


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, max_size=30), st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_clean_lines_round_trip_in_every_accepted_encoding(lines, encoding):
    data = "\n".join(lines).encode(encoding, errors="strict") if encoding != "gb18030" else None
    if data is None:
        try:
            data = "\n".join(lines).encode("gb18030")
        except UnicodeEncodeError:
            return
    try:
        moves, _ = decode_moves(data, "m")
    except InputError as e:  # gb18030 bytes may happen to be valid UTF-8 of other text: never for ASCII
        assert encoding == "gb18030", e
        return
    if encoding == "gb18030" and not all(line.isascii() for line in lines):
        return  # could decode as UTF-8 text of other characters; only "no traceback" is promised
    assert moves == lines
