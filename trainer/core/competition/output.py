"""Safe output shared by every file the competition stage writes: atomic, shareable writes and
cells that cannot carry markup or spreadsheet formulas. Kept apart so scorecards, the 回收计划表 and
the leaderboard's renderings all use one copy without importing each other."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

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


def md_escape(text: str) -> str:
    """Text safe inside a Markdown table cell: no markup, no HTML, no line breaks."""
    t = " ".join(str(text).split())
    t = _MD_SPECIAL.sub(r"\\\1", t)
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def csv_cell(v: object) -> object:
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v
