"""Validation of any mix of content files and folders, reporting every problem by file:line:col."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .content import display_name, load_library, read_yaml, yaml_files
from .models import Persona, Scenario, build_persona, build_scenario
from .spec import Problem, Problems, did_you_mean
from .yamlsafe import LoadError, YNode

#: extra checkers by kind: (root, text, problems) -> None; other modules register here
CHECKERS: dict[str, Callable[[YNode, str, Problems], object]] = {}
#: warnings over a built persona (reachability …): registered by the analysis module
PERSONA_LINTS: list[Callable[[Persona, Problems], None]] = []


def detect_kind(root: YNode, path: Path) -> str | None:
    keys = set(root.value)
    if "states" in keys and "reactions" in keys:
        return "persona"
    if "case" in keys and "persona" in keys:
        return "scenario"
    for kind in ("rubric", "phrases"):
        if kind in CHECKERS and f"{kind}" in {p.name for p in path.resolve().parents} | {path.stem}:
            return kind
    parents = {p.name for p in path.resolve().parents}
    if "personas" in parents:
        return "persona"
    if "scenarios" in parents:
        return "scenario"
    if "scoring" in parents and "rubric" in CHECKERS:
        return "rubric"
    if "phrases" in parents and "phrases" in CHECKERS:
        return "phrases"
    return None


def expand(paths: list[str]) -> tuple[list[Path], Problems]:
    files: list[Path] = []
    out = Problems()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files.extend(yaml_files(path))
        elif path.exists():
            files.append(path)
        else:
            out.append(Problem(p, 1, 1, "error", "no such file or folder"))
    return files, out


def validate_paths(paths: list[str]) -> Problems:
    files, out = expand(paths)
    personas: dict[str, Persona] = {}
    scenarios: list[tuple[Scenario, YNode]] = []
    for f in files:
        try:
            root, text = read_yaml(f)
        except LoadError as e:
            out.append(Problem(e.path, e.line, e.col, "error", e.message))
            continue
        kind = detect_kind(root, f)
        if kind == "persona":
            p = build_persona(root, text, out)
            if p:
                if p.id in personas:
                    out.error(root.value["id"], f"persona id '{p.id}' is also used by {personas[p.id].path}")
                personas[p.id] = p
                for lint in PERSONA_LINTS:
                    lint(p, out)
        elif kind == "scenario":
            s = build_scenario(root, text, out)
            if s:
                scenarios.append((s, root))
        elif kind in CHECKERS:
            CHECKERS[kind](root, text, out)
        else:
            out.error(root, "cannot tell what this file is: a persona needs 'states' and 'reactions', "
                            "a scenario 'persona' and 'case'")
    if scenarios:
        known = dict(load_library().personas)
        known.update(personas)
        seen: dict[str, str] = {}
        for s, root in scenarios:
            if s.id in seen:
                out.error(root.value["id"], f"scenario id '{s.id}' is also used by {seen[s.id]}")
            seen[s.id] = s.path
            if s.persona_id not in known:
                out.error(root.value["persona"],
                          f"unknown persona '{s.persona_id}'{did_you_mean(s.persona_id, known)}")
                continue
            persona = known[s.persona_id]
            mnames = {m.name for m in persona.meters}
            mnode = root.value.get("meters")
            for k, v in s.meters.items():
                if k not in mnames:
                    out.error(mnode.keys[k], f"persona '{persona.id}' has no meter '{k}'{did_you_mean(k, mnames)}")
                else:
                    m = persona.meter(k)
                    if not m.min <= v <= m.max:
                        out.error(mnode.value[k], f"meter '{k}' start {v} is outside {m.min}..{m.max}")
    return out


def sorted_problems(problems: Problems) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line, p.col, p.severity))
