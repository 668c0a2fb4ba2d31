"""Helpers shared by CLI commands: one-line errors, no tracebacks, bounded reads of outside input."""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import sys
from typing import Any, BinaryIO, NoReturn

import click

from trainer.core.content.oserror import os_reason

# One cap for every way moves come in (a file, stdin): the same 2 MB as content files (yamlsafe.MAX_BYTES), and
# no more moves, nor longer ones, than a scorecard may carry (competition.scorecard.MAX_MOVES, MAX_MOVE_CHARS;
# tests/unit/test_moves_reader.py keeps them equal), so `play --scorecard` never writes a card the leaderboard rejects.
# Not imported from there: the scorecard module costs ~0.3 s to import and `play` without a card never needs it.
MAX_MOVES_BYTES = 2 * 1024 * 1024
MAX_MOVES = 500
MAX_MOVE_CHARS = 2000

# C0 controls (but tab), DEL, C1 controls, and the bidi overrides: none may reach a terminal from a moves file
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONVERT = "请用编辑器另存为 UTF-8(记事本:另存为 → 编码选 UTF-8),或 `iconv -f GB18030 -t UTF-8 原文件 > 新文件`"


class InputError(ValueError):
    """Outside input that cannot be used; ``str()`` is one line (``file:line:col: …`` where it has a place)."""


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a one-line error (several lines only for several problems) and exit."""
    click.echo(message if message.startswith(("trainer:", "<")) or ":" in message.split(" ")[0]
               else f"trainer: {message}", err=True)
    sys.exit(code)


def dump_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False)


def open_regular(path: str) -> BinaryIO:
    """Open ``path`` for reading only if it is a regular file: a FIFO, socket or device is refused at once
    (opened non-blocking, so a FIFO with no writer cannot hang us), a folder too. Raises InputError."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as e:
        raise InputError(f"{path}: 无法读取({os_reason(e)})") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = ("文件夹" if stat.S_ISDIR(mode) else "管道(FIFO)" if stat.S_ISFIFO(mode)
                    else "设备" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "套接字" if stat.S_ISSOCK(mode)
                    else "特殊文件")
            raise InputError(f"{path}: 是{kind},不是普通文件;请给一个文件(从标准输入读请用 -)")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bounded(fh: BinaryIO, limit: int, name: str, what: str) -> bytes:
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{name}: {what}超过 {limit // (1024 * 1024)} MB 上限")
    return data


def read_moves(source: str) -> list[str]:
    """Move lines from a file or '-' (stdin); blank lines and '#' comments are skipped. Exits with one line
    on bad input; a notice (e.g. a GB18030 file read as such) goes to stderr."""
    try:
        if source == "-":
            raw = getattr(sys.stdin, "buffer", None)  # a text-only stdin (a test's StringIO) has no bytes under it
            if raw is not None:
                data = read_bounded(raw, MAX_MOVES_BYTES, "<stdin>", "标准输入的走法")
            else:
                data = sys.stdin.read(MAX_MOVES_BYTES + 1).encode("utf-8", "surrogatepass")
        else:
            with open_regular(source) as fh:
                data = read_bounded(fh, MAX_MOVES_BYTES, source, "走法文件")
        moves, notice = decode_moves(data, "<stdin>" if source == "-" else source)
    except InputError as e:
        fail(str(e), 2)
    except OSError as e:
        fail(f"{source}: 无法读取走法({os_reason(e)})", 2)
    if notice:
        click.echo(notice, err=True)
    return moves


def _where(data: bytes, pos: int) -> str:
    line = data.count(b"\n", 0, pos) + 1
    col = pos - data.rfind(b"\n", 0, pos)  # 1-based: rfind gives -1 on the first line
    return f"{line}:{col}"


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Bytes of a text file → (text, notice). UTF-8 (with or without BOM) as is; UTF-16/32 with a BOM and
    GB18030/GBK (what a Chinese Windows editor saves) are read with a notice; anything else is an InputError
    that says how to convert."""
    for bom, enc, label in ((codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
                            (codecs.BOM_UTF8, "utf-8-sig", ""), (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
                            (codecs.BOM_UTF16_BE, "utf-16", "UTF-16")):
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                raise InputError(f"{name}: 开头标明是 {label or 'UTF-8'} 编码,内容却不是;{_CONVERT}") from None
            return text, (f"{name}: 提示:文件是 {label} 编码,已照此读取;建议另存为 UTF-8" if label else "")
    if b"\x00" in data:  # no text file holds NUL bytes; UTF-16 without a BOM is full of them
        raise InputError(f"{name}: 含 NUL 字节,像是不带 BOM 的 UTF-16 编码;请用编辑器另存为 UTF-8")
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as e:
        bad = e.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(f"{name}:{_where(data, bad)}: 既不是 UTF-8 也不是 GBK/GB18030 编码;{_CONVERT}") from None
    return text, f"{name}: 提示:文件不是 UTF-8,已按 GBK/GB18030 读取;建议另存为 UTF-8"


def decode_moves(data: bytes, name: str) -> tuple[list[str], str]:
    """Bytes → (moves, notice), within the caps. Raises InputError (one line, with its place)."""
    if len(data) > MAX_MOVES_BYTES:
        raise InputError(f"{name}: 走法超过 {MAX_MOVES_BYTES // (1024 * 1024)} MB 上限")
    text, notice = decode_text(data, name)
    moves = parse_moves(text, name)
    if len(moves) > MAX_MOVES:
        raise InputError(f"{name}: 走法有 {len(moves)} 步,超过 {MAX_MOVES} 步上限(评分卡最多记 {MAX_MOVES} 步)")
    return moves, notice


#: a line that looks like a tactic id (ascii snake_case); free Chinese text goes to the recogniser instead
_TACTIC_LIKE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


def parse_moves(text: str, name: str = "<moves>") -> list[str]:
    """The move lines. A line that looks like a tactic id but is none is refused with a hint (it would
    otherwise be played as an unrecognised line); control characters and over-long lines are refused."""
    # deferred for start-up: only the commands that read moves pay for the catalogue
    from trainer.core.content import catalogue
    from trainer.core.content.spec import did_you_mean
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        bad = _CONTROL.search(line)
        if bad:
            raise InputError(f"{name}:{n}:{bad.start() + 1}: 含控制字符 U+{ord(bad.group()):04X},请删去")
        if len(s) > MAX_MOVE_CHARS:
            raise InputError(f"{name}:{n}:1: 这一步有 {len(s)} 个字,超过 {MAX_MOVE_CHARS} 字上限")
        if _TACTIC_LIKE.fullmatch(s) and s not in catalogue.MOVE_IDS:
            col = len(line) - len(line.lstrip()) + 1
            raise InputError(f"{name}:{n}:{col}: 未知招式 '{s}'"
                             f"{did_you_mean(s, catalogue.MOVE_IDS, catalogue.NAMES)};`trainer tactics` 列出全部招式")
        out.append(s)
    return out


def cells(s: str) -> int:
    """Width in terminal cells: East Asian wide and full-width characters take two."""
    # deferred for start-up: only the commands that print columns pay for it
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in s)


def ljust(s: str, width: int) -> str:
    """Left-justify to ``width`` terminal cells (str.ljust counts characters, so Chinese columns drift)."""
    return s + " " * max(0, width - cells(s))


def rjust(s: str, width: int) -> str:
    return " " * max(0, width - cells(s)) + s


def seed_option(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    """``--seed``: a whole number the store can keep (SQLite's signed 64 bits), checked before anything runs."""
    if value is None:
        return None
    try:
        seed = int(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' 不是整数") from None
    lo, hi = -(2 ** 63), 2 ** 63 - 1  # = trainer.core.store.db.SEED_MIN, SEED_MAX (not imported: start-up)
    if not lo <= seed <= hi:
        raise click.BadParameter(f"{value} 超出范围:种子须在 {lo} 到 {hi} 之间")
    return seed
