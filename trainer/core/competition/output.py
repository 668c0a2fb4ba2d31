"""Safe output shared by every file the competition stage writes: atomic, shareable writes and
cells that cannot carry markup or spreadsheet formulas. Kept apart so scorecards, the 回收计划表 and
the leaderboard's renderings all use one copy without importing each other."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

# ESC sequences (CSI "ESC [ … final", OSC "ESC ] … BEL|ST", and the two-byte kind), then any C0/C1
# control character or bidirectional override left over: nothing from a card may drive a terminal.
_ESC_SEQ = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]"
                      r"|\x9d[^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def _umask() -> int:
    mask = os.umask(0o022)  # the only portable way to read it is to set it and put it back
    os.umask(mask)
    return mask


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write via a temporary file in the same folder, so a reader never sees half a file.

    Scorecards and plans are made to be handed in and shared: the file gets the mode a plain
    ``open(path, "w")`` would give (0644 under the usual umask), not mkstemp's private 0600."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def plain(text: object) -> str:
    """``text`` with escape sequences and control characters removed (line breaks become spaces):
    safe to print on a terminal, in a CSV cell or a Markdown line."""
    t = _ESC_SEQ.sub("", str(text))
    t = t.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return _CONTROL.sub("", t)


def half_up(numerator: int, denominator: int = 1) -> float:
    """numerator / denominator rounded half up to one decimal (92.45 → 92.5, 92.25 → 92.3), computed on
    whole numbers so no binary fraction decides a tie. The one rounding rule of every leaderboard format."""
    if denominator <= 0:
        return 0.0
    tenths = (20 * numerator + denominator) // (2 * denominator)
    return tenths / 10


def one_decimal(x: float) -> str:
    """A score as every format prints it: one decimal (``x`` is already rounded by ``half_up``)."""
    return f"{x:.1f}"


def md_escape(text: str) -> str:
    """Text safe inside a Markdown table cell: no markup, no HTML, no line breaks, no escape sequences."""
    t = " ".join(plain(text).split())
    t = _MD_SPECIAL.sub(r"\\\1", t)
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def csv_cell(v: object) -> object:
    if isinstance(v, str):
        v = plain(v)
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v
