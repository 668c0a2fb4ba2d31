"""Shell completion of scenario and persona ids (click's `_TRAINER_COMPLETE`; see docs/authoring.md)."""

from __future__ import annotations

import click
from click.shell_completion import CompletionItem


def _library():
    # deferred for start-up: only a completion request reads the content
    from trainer.core.content.library import load_library
    return load_library()


def scenario_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Scenario ids starting with what was typed, each with its title."""
    try:
        lib = _library()
    except Exception:  # completion must never print a traceback into the shell
        return []
    return [CompletionItem(sid, help=lib.scenarios[sid].title)
            for sid in sorted(lib.scenarios) if sid.startswith(incomplete)]


def persona_or_scenario_ids(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Persona ids, then scenario ids (graph and simulate take either)."""
    try:
        lib = _library()
    except Exception:  # completion must never print a traceback into the shell
        return []
    out = [CompletionItem(pid, help=lib.personas[pid].name) for pid in sorted(lib.personas)
           if pid.startswith(incomplete)]
    out += [CompletionItem(sid, help=lib.scenarios[sid].title) for sid in sorted(lib.scenarios)
            if sid.startswith(incomplete) and sid not in lib.personas]
    return out
