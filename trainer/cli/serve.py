"""`trainer serve`: the classroom (placeholder until the server lands)."""

from __future__ import annotations

COMMANDS: list[object] = []
