"""Validation of any mix of content files and folders, reporting every problem by file:line:col.

Hard errors come from the loader (yamlsafe) and the specs/builders (models); warnings about the
shape of a persona's machine come from analysis.py via ``PERSONA_LINTS``. Other kinds of file
(phrases, rubric, test plans) are checked by functions their own modules provide, registered in
``CHECKERS`` when those modules exist.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from trainer.core.content import analysis
from trainer.core.content.library import load_library
from trainer.core.content.library import read_yaml as read_file  # the one bounded reader; name kept for callers
from trainer.core.content.models import Persona, Scenario, build_persona, build_scenario
from trainer.core.content.spec import Problem, Problems, did_you_mean
from trainer.core.content.yamlsafe import LoadError, YNode

#: extra checkers by kind: (root, text, problems) -> None; other modules register here
CHECKERS: dict[str, Callable[[YNode, str, Problems], object]] = {}
#: warnings over a built persona: (persona, root node, problems) -> None
PERSONA_LINTS: list[Callable[[Persona, YNode, Problems], None]] = list(analysis.LINTS)

#: kind -> (folder name, candidate modules, function name); imported lazily and only if present
_OPTIONAL = {
    "phrases": ("phrases", ("trainer.core.language.recognise",), "check_phrases_file"),
    "rubric": ("scoring", ("trainer.core.judging.rubric",), "check_rubric_file"),
    "plan": ("plans", ("trainer.core.authoring.testplan",), "check_plan_file"),
}
_SKIP_DIRS = {"node_modules", "__pycache__", "site-packages"}


def _register_checkers() -> None:
    for kind, (_folder, modules, func) in _OPTIONAL.items():
        if kind in CHECKERS:
            continue
        for name in modules:
            try:
                mod = importlib.import_module(name)
            except ImportError:  # that helper's module is not there (yet): skip its files
                continue
            fn = getattr(mod, func, None)
            if callable(fn):
                CHECKERS[kind] = fn
                break


def detect_kind(root: YNode, path: Path) -> str | None:
    keys = set(root.value) if isinstance(root.value, dict) else set()
    if "states" in keys and "reactions" in keys:
        return "persona"
    if "case" in keys and "persona" in keys:
        return "scenario"
    parents = {p.name for p in path.resolve().parents}
    for kind, (folder, _m, _f) in _OPTIONAL.items():
        if folder in parents:
            return kind
    if "personas" in parents:
        return "persona"
    if "scenarios" in parents:
        return "scenario"
    if path.stem in ("rubric", "phrases"):
        return path.stem
    return None


def _walk(folder: Path) -> list[Path]:
    """YAML files under ``folder``, skipping hidden folders (.git, .venv …) and installed packages."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in _SKIP_DIRS)
        for f in sorted(filenames):
            if f.endswith((".yaml", ".yml")) and not f.startswith("."):
                found.append(Path(dirpath) / f)
    return found


def expand(paths: list[str]) -> tuple[list[Path], Problems]:
    files: list[Path] = []
    out = Problems()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files.extend(_walk(path))
        elif path.exists():
            files.append(path)
        else:
            out.append(Problem(p, 1, 1, "error", "文件或文件夹不存在"))
    return files, out


#: from this many files on, validation runs on every core (forked workers; POSIX only)
PARALLEL_MIN = 100
Pos = tuple[str, int, int]


@dataclass
class FileResult:
    problems: list[Problem]
    persona: Persona | None = None
    scenario: Scenario | None = None
    anchors: dict[str, Pos] = field(default_factory=dict)  # positions the cross-file checks point at


def _pos(node: YNode) -> Pos:
    return node.path, node.line, node.col


def check_file(f: Path) -> FileResult:
    """Everything that needs only this one file: load, spec, build, lints, other kinds' checkers."""
    out = Problems()
    try:
        root, text = read_file(f)
    except LoadError as e:
        return FileResult([Problem(e.path, e.line, e.col, "error", e.message)])
    kind = detect_kind(root, f)
    res = FileResult(out)
    if kind == "persona":
        res.persona = build_persona(root, text, out)
        if res.persona:
            res.anchors["id"] = _pos(root.value["id"])
            for lint in PERSONA_LINTS:
                lint(res.persona, root, out)
    elif kind == "scenario":
        res.scenario = build_scenario(root, text, out)
        if res.scenario:
            v = root.value
            res.anchors.update(id=_pos(v["id"]), persona=_pos(v["persona"]))
            if v.get("meters"):
                for k, node in v["meters"].value.items():
                    res.anchors[f"meter:{k}"] = _pos(v["meters"].keys[k])
                    res.anchors[f"value:{k}"] = _pos(node)
    elif kind in CHECKERS:
        CHECKERS[kind](root, text, out)
    elif kind not in _OPTIONAL:  # an optional kind without its checker installed is skipped
        out.error(root, "看不出这是什么文件:角色文件要有 'states' 和 'reactions',"
                        "场景文件要有 'persona' 和 'case'")
    res.problems = list(out)
    return res


def _check_all(files: list[Path]) -> list[FileResult]:
    workers = min(os.cpu_count() or 1, 4)
    if len(files) < PARALLEL_MIN or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [check_file(f) for f in files]
    ctx = multiprocessing.get_context("fork")  # workers inherit the registered checkers and lints
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        return list(pool.map(check_file, files, chunksize=max(8, len(files) // (workers * 4))))


def validate_paths(paths: list[str]) -> Problems:
    _register_checkers()
    files, out = expand(paths)
    personas: dict[str, Persona] = {}
    scenarios: list[FileResult] = []
    for res in _check_all(files):
        out.extend(res.problems)
        p = res.persona
        if p is not None:
            if p.id in personas:
                out.append(Problem(*res.anchors["id"], "error", f"角色编号 '{p.id}' 也被 "
                                                                f"{personas[p.id].path} 用了"))
            personas[p.id] = p
        if res.scenario is not None:
            scenarios.append(res)
    if scenarios:
        _check_scenarios(scenarios, personas, out)
    return out


def _check_scenarios(scenarios: list[FileResult], personas: dict[str, Persona], out: Problems) -> None:
    lib = load_library()  # indexed: only the personas the scenarios name are loaded
    known: dict[str, Persona] = {}
    for res in scenarios:
        pid = res.scenario.persona_id if res.scenario else ""
        if pid in personas:
            known[pid] = personas[pid]
        elif pid not in known and pid in lib.personas:
            known[pid] = lib.personas[pid]
    names = sorted(set(lib.personas.ids()) | set(personas))
    seen: dict[str, str] = {}
    for res in scenarios:
        s, at = res.scenario, res.anchors
        assert s is not None
        if s.id in seen:
            out.append(Problem(*at["id"], "error", f"场景编号 '{s.id}' 也被 {seen[s.id]} 用了"))
        seen[s.id] = s.path
        if s.persona_id not in known:
            _sibling_persona(s, known)
        if s.persona_id not in known:
            out.append(Problem(*at["persona"], "error",
                               f"未知的角色 '{s.persona_id}'{did_you_mean(s.persona_id, names)}"))
            continue
        persona = known[s.persona_id]
        mnames = {m.name for m in persona.meters}
        for k, v in s.meters.items():
            if k not in mnames:
                out.append(Problem(*at[f"meter:{k}"], "error",
                                   f"角色 '{persona.id}' 没有指标 '{k}'{did_you_mean(k, mnames)}"))
            else:
                m = persona.meter(k)
                if not m.min <= v <= m.max:
                    out.append(Problem(*at[f"value:{k}"], "error", f"指标 '{k}' 的起始值 {v} 不在 {m.min}..{m.max} 之内"))


def _sibling_persona(s: Scenario, known: dict[str, Persona]) -> None:
    """A persona file next to the scenario (../personas/<id>.yaml), as `trainer play FILE` finds it."""
    here = Path(s.path).parent
    for cand in (here.parent / "personas" / f"{s.persona_id}.yaml", here / f"{s.persona_id}.yaml"):
        if cand.is_file():
            try:
                root, text = read_file(cand)
            except LoadError:
                return
            p = build_persona(root, text, Problems())
            if p is not None and p.id == s.persona_id:
                known[p.id] = p
            return


def sorted_problems(problems: Problems) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line, p.col, p.severity, p.message))
