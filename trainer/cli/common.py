"""Helpers shared by CLI commands: one-line errors, no tracebacks."""

from __future__ import annotations

import json
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
    return parse_moves(text)


def parse_moves(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        s = line.strip()
        if s and not s.startswith("#"):
            out.append(s)
    return out
