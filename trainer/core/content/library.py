"""Finding and loading the content folders: personas, scenarios, scoring, phrases.

Search order (first id wins): folders named by ``TRAINER_PATH`` (colon-separated), then the
checkout the package runs from, then the copy shipped inside the installed package
(``trainer/content/`` in the wheel).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from trainer.core.content.models import Persona, Scenario, build_persona, build_scenario
from trainer.core.content.spec import Problem, Problems, did_you_mean
from trainer.core.content.yamlsafe import LoadError, YNode, parse_text, read_text

PKG_DIR = Path(__file__).resolve().parents[2]  # the trainer/ package folder (content ships in trainer/content/)
KINDS = ("personas", "scenarios", "scoring", "phrases")


class ContentError(Exception):
    """One or more problems in content files; ``str()`` is one line per problem."""

    def __init__(self, problems: list[Problem] | str):
        if isinstance(problems, str):
            self.problems: list[Problem] = []
            super().__init__(problems)
        else:
            self.problems = problems
            super().__init__("\n".join(str(p) for p in problems))


def roots() -> list[Path]:
    """Folders that may hold personas/, scenarios/ … (or the kind folders themselves)."""
    out: list[Path] = []
    for extra in os.environ.get("TRAINER_PATH", "").split(os.pathsep):
        if extra.strip():
            out.append(Path(extra).expanduser())
    checkout = PKG_DIR.parent
    if (checkout / "personas").is_dir() and (checkout / "pyproject.toml").is_file():
        out.append(checkout)
    shipped = PKG_DIR / "content"
    if shipped.is_dir():
        out.append(shipped)
    return out


def kind_dirs(kind: str) -> list[Path]:
    dirs = []
    for r in roots():
        if (r / kind).is_dir():
            dirs.append(r / kind)
        elif r.name == kind and r.is_dir():
            dirs.append(r)
    return dirs


def yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def display_name(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def read_yaml(path: Path) -> tuple[YNode, str]:
    """Bounded read + parse; raises LoadError. Returns the tree and the text (for hashing)."""
    name = display_name(path)
    text = read_text(path, name)
    root = parse_text(text, name, checked=True)
    if root.kind != "mapping":
        raise root.error(f"the top level must be a mapping of keys, not a {root.kind}")
    return root, text


def load_persona_file(path: Path, out: Problems) -> Persona | None:
    try:
        root, text = read_yaml(path)
    except LoadError as e:
        out.append(Problem(e.path, e.line, e.col, "error", e.message))
        return None
    return build_persona(root, text, out)


def load_scenario_file(path: Path, out: Problems) -> Scenario | None:
    try:
        root, text = read_yaml(path)
    except LoadError as e:
        out.append(Problem(e.path, e.line, e.col, "error", e.message))
        return None
    return build_scenario(root, text, out)


@dataclass
class Library:
    personas: dict[str, Persona] = field(default_factory=dict)
    scenarios: dict[str, Scenario] = field(default_factory=dict)
    problems: Problems = field(default_factory=Problems)

    def persona_for(self, scenario: Scenario) -> Persona:
        p = self.personas.get(scenario.persona_id)
        if p is None:
            raise ContentError(f"{scenario.path}: scenario '{scenario.id}' names unknown persona "
                               f"'{scenario.persona_id}'{did_you_mean(scenario.persona_id, self.personas)}")
        return p


def load_library() -> Library:
    """Load every persona and scenario on the search path. Broken files are reported in
    ``problems`` and skipped, so one bad file never hides the rest."""
    lib = Library()
    for folder in kind_dirs("personas"):
        for f in yaml_files(folder):
            p = load_persona_file(f, lib.problems)
            if p and p.id not in lib.personas:
                lib.personas[p.id] = p
    for folder in kind_dirs("scenarios"):
        for f in yaml_files(folder):
            s = load_scenario_file(f, lib.problems)
            if s and s.id not in lib.scenarios:
                lib.scenarios[s.id] = s
    return lib


@lru_cache(maxsize=1)
def cached_library() -> Library:
    return load_library()


def resolve_scenario(ref: str, lib: Library | None = None) -> tuple[Scenario, Persona]:
    """A scenario id or a path to a scenario file → (scenario, persona). Raises ContentError."""
    lib = lib or load_library()
    p = Path(ref)
    if ref.endswith((".yaml", ".yml")) or (os.sep in ref and p.exists()):
        out = Problems()
        s = load_scenario_file(p, out)
        if s is None:
            raise ContentError(out.errors or [Problem(ref, 1, 1, "error", "not a scenario")])
        # a persona next to the scenario (../personas/<id>.yaml) takes precedence
        for cand in (p.parent.parent / "personas" / f"{s.persona_id}.yaml", p.parent / f"{s.persona_id}.yaml"):
            if cand.is_file():
                persona = load_persona_file(cand, out)
                if persona is None:
                    raise ContentError(out.errors)
                return s, persona
        return s, lib.persona_for(s)
    s = lib.scenarios.get(ref)
    if s is None:
        hint = did_you_mean(ref, lib.scenarios)
        raise ContentError(f"unknown scenario '{ref}'{hint}; `trainer list` shows them")
    return s, lib.persona_for(s)
