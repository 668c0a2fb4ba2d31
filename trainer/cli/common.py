"""Helpers shared by CLI commands: one-line errors, no tracebacks."""

from __future__ import annotations

import json
import re
import sys
from typing import Any, NoReturn

import click


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a one-line error (several lines only for several problems) and exit."""
    click.echo(message if message.startswith(("trainer:", "<")) or ":" in message.split(" ")[0]
               else f"trainer: {message}", err=True)
    sys.exit(code)


def dump_json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False)


def read_moves(source: str) -> list[str]:
    """Move lines from a file or '-' (stdin); blank lines and '#' comments are skipped."""
    try:
        if source == "-":
            text = sys.stdin.read()
        else:
            with open(source, "rb") as fh:
                data = fh.read(2 * 1024 * 1024 + 1)
            if len(data) > 2 * 1024 * 1024:
                fail(f"{source}: moves file larger than 2 MB", 2)
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        fail(f"{source}: not valid UTF-8", 2)
    except OSError as e:
        fail(f"{source}: cannot read moves: {e.strerror or e}", 2)
    return parse_moves(text, "<stdin>" if source == "-" else source)


#: a line that looks like a tactic id (ascii snake_case); free Chinese text goes to the recogniser instead
_TACTIC_LIKE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")


def parse_moves(text: str, source: str | None = None) -> list[str]:
    """The move lines; with ``source``, a line that looks like a tactic id but is none exits 2 with a hint
    (it would otherwise be played as an unrecognised line)."""
    # deferred for start-up: only the commands that read moves pay for the catalogue
    from trainer.core.content import catalogue
    from trainer.core.content.spec import did_you_mean
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if s and not s.startswith("#"):
            if source is not None and _TACTIC_LIKE.fullmatch(s) and s not in catalogue.MOVE_IDS:
                col = len(line) - len(line.lstrip()) + 1
                fail(f"{source}:{n}:{col}: unknown tactic '{s}'"
                     f"{did_you_mean(s, catalogue.MOVE_IDS, catalogue.NAMES)}; `trainer tactics` lists them", 2)
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
