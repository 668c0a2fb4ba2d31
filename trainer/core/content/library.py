"""Finding and loading the content folders: personas, scenarios, scoring, phrases.

Search order (first id wins): folders named by ``TRAINER_PATH`` (colon-separated), then the
checkout the package runs from, then the copy shipped inside the installed package
(``trainer/content/`` in the wheel).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from trainer.core.content.models import SLUG, Persona, Scenario, build_persona, build_scenario

# the search path lives in a module of its own (standard library only), so a command that only needs to find
# files (classify's cached phrase library) does not load the models; re-exported here for every other caller
from trainer.core.content.paths import PKG_DIR as PKG_DIR
from trainer.core.content.paths import kind_dirs as kind_dirs
from trainer.core.content.paths import roots as roots
from trainer.core.content.paths import yaml_files as yaml_files
from trainer.core.content.spec import Problem, Problems, did_you_mean
from trainer.core.content.yamlsafe import _CONTROL, MAX_BYTES, LoadError, YNode, parse_text, read_text

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
        raise root.error(f"文件顶层必须是映射(键: 值),不能是{ {'list': '列表', 'scalar': '单个值'}.get(root.kind, root.kind)}")
    return root, text


def _load_file(path: Path, out: Problems, build: Callable[[YNode, str, Problems], T | None]) -> T | None:
    """Read ``path`` and build it; a file that cannot be read or parsed is one problem in ``out``."""
    try:
        root, text = read_yaml(path)
    except LoadError as e:
        out.append(Problem(e.path, e.line, e.col, "error", e.message))
        return None
    return build(root, text, out)


def load_persona_file(path: Path, out: Problems) -> Persona | None:
    return _load_file(path, out, build_persona)


def load_scenario_file(path: Path, out: Problems) -> Scenario | None:
    return _load_file(path, out, build_scenario)


#: where a content folder comes from, as `trainer list` names it
ORIGINS = ("TRAINER_PATH", "project", "package")
#: the top-level keys that tell a persona or a scenario apart (the same rule as `trainer validate`)
_KIND_KEYS = {"personas": (b"states", b"reactions"), "scenarios": (b"case", b"persona")}
_TOP_KEY = re.compile(rb"^([A-Za-z_][A-Za-z0-9_]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*\r?$", re.M)
_SLUG = re.compile(SLUG)
#: the header scan reads this much of a file first; the rest only if a key it needs is not in it
_HEAD = 4 * 1024


@dataclass(frozen=True)
class Entry:
    """One content file as the index knows it: its id and top-level fields, from a scan of its header."""

    kind: str  # "personas" | "scenarios"
    id: str
    path: Path  # absolute
    origin: str  # one of ORIGINS
    fields: dict[str, str]


def root_origins() -> list[tuple[Path, str]]:
    """``roots()`` with where each comes from."""
    out: list[tuple[Path, str]] = []
    extra = [Path(e).expanduser() for e in os.environ.get("TRAINER_PATH", "").split(os.pathsep) if e.strip()]
    for r in roots():
        out.append((r, "TRAINER_PATH" if r in extra else "package" if r == PKG_DIR / "content" else "project"))
    return out


def _scalar(raw: bytes | None) -> str | None:
    """A top-level plain or simply quoted scalar from a header line; None when it needs the real parser."""
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if text[:1] in ("'", '"'):
        q = text[0]
        end = text.find(q, 1)
        if end < 0 or "\\" in text[:end] or text[end + 1:].strip()[:1] not in ("", "#"):
            return None
        text = text[1:end]
    else:
        text = re.split(r"[ \t]#", text, maxsplit=1)[0].strip()
        if text[:1] in ("&", "*", "!", "|", ">", "[", "{", "@", "`", "%"):
            return None
    if _CONTROL.search(text):
        return None
    return text


def scan_header(path: Path, want: tuple[str, ...]) -> dict[str, str | None] | None:
    """Top-level keys of a YAML file, read without parsing: a block mapping's keys are the lines that
    start at column 0. Stops as soon as every key in ``want`` is found (they are near the top of a
    persona or scenario); values are kept for ``want`` only. None when the file cannot be read.
    Only an index: a file is always parsed and checked in full before anything uses it."""
    found: dict[str, bytes | None] = {}
    try:
        with path.open("rb") as fh:
            data = fh.read(_HEAD)
            for attempt in (0, 1):
                for m in _TOP_KEY.finditer(data):
                    key = m.group(1).decode()
                    found.setdefault(key, m.group(2) if key in want else None)
                    if all(w in found for w in want):
                        return {k: _scalar(v) for k, v in found.items()}
                if attempt == 0 and len(data) == _HEAD:
                    data += fh.read(MAX_BYTES + 1 - len(data))
                    found.clear()
                else:
                    break
    except OSError:
        return None
    return {k: _scalar(v) for k, v in found.items()}


_WANT = {"personas": ("id", "name", "archetype"), "scenarios": ("id", "title", "persona", "difficulty")}


def _flat_kind(path: Path) -> str | None:
    """Which kind a file directly in a flat folder (no personas/ scenarios/ inside) holds, by its keys."""
    head = scan_header(path, ("states", "reactions", "case", "persona"))
    if head is None:
        return None
    for kind, (a, b) in _KIND_KEYS.items():
        if a.decode() in head and b.decode() in head:
            return kind
    return None


def content_files() -> list[tuple[str, Path, str]]:
    """(kind, file, origin) for every persona and scenario file on the search path, in search order.

    A root holds ``personas/`` and ``scenarios/`` folders, or is one of them, or is *flat*: YAML files
    directly in it, each a persona or a scenario by its top-level keys (as `trainer validate` tells them)."""
    out: list[tuple[str, Path, str]] = []
    for root, origin in root_origins():
        found = False
        for kind in ("personas", "scenarios"):
            folder = root / kind if (root / kind).is_dir() else root if root.name == kind and root.is_dir() else None
            if folder is not None:
                found = True
                out.extend((kind, f, origin) for f in yaml_files(folder))
        if not found and root.is_dir() and not any((root / k).is_dir() for k in KINDS) and root.name not in KINDS:
            for f in sorted(root.iterdir()):
                if f.suffix in (".yaml", ".yml") and not f.name.startswith(".") and f.is_file():
                    flat = _flat_kind(f)
                    if flat is not None:
                        out.append((flat, f, origin))
    return out


T = TypeVar("T", Persona, Scenario)


class LazyContent(MutableMapping[str, T]):
    """Personas or scenarios by id, each file parsed and checked the first time its id is asked for.

    Iterating loads every file of the kind (a broken one is left out and its problem recorded);
    ``ids()`` lists the indexed ids without loading anything."""

    def __init__(self, lib: Library, kind: str) -> None:
        self._lib, self._kind = lib, kind
        self._loaded: dict[str, T | None] = {}

    def ids(self) -> list[str]:
        seen = dict.fromkeys(self._lib.index.get(self._kind, {}))
        seen.update(dict.fromkeys(k for k, v in self._loaded.items() if v is not None))
        return list(seen)

    def __getitem__(self, key: str) -> T:
        if key not in self._loaded:
            self._loaded[key] = self._lib.load(self._kind, key)  # type: ignore[assignment]
        v = self._loaded[key]
        if v is None:
            raise KeyError(key)
        return v

    def __setitem__(self, key: str, value: T) -> None:
        self._loaded[key] = value

    def __delitem__(self, key: str) -> None:
        self._loaded[key] = None

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        try:
            self[key]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        return iter([k for k in self.ids() if k in self])

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Library:
    """The content on the search path, indexed by a scan of each file's header and loaded per id on demand:
    `trainer play` of one scenario parses that scenario and its persona, not the whole library.

    Search order decides: the first file of an id wins; a later one of the same id is *overridden*
    (``overrides()`` names them). A file that fails to load costs only itself: its problem goes to
    ``problems`` and the next file of the same id, if any, is tried."""

    def __init__(self) -> None:
        self.index: dict[str, dict[str, list[Entry]]] = {}
        self.problems = Problems()
        self.personas: LazyContent[Persona] = LazyContent(self, "personas")
        self.scenarios: LazyContent[Scenario] = LazyContent(self, "scenarios")
        self._reported: set[Path] = set()

    # ------------------------------------------------------------ index
    @classmethod
    def scan(cls) -> Library:
        lib = cls()
        for kind, f, origin in content_files():
            lib.add_file(kind, f, origin)
        return lib

    def add_file(self, kind: str, f: Path, origin: str) -> None:
        path = f.absolute()
        head = scan_header(path, _WANT[kind])
        sid = head.get("id") if head else None
        if not sid or not _SLUG.fullmatch(sid):
            # the header does not say (unreadable, flow style, quoted oddly …): load it now to learn its id
            item = self._load_file(kind, path)
            if item is None:
                return
            sid, head = item.id, {}
        fields = {k: v for k, v in (head or {}).items() if v is not None and k in _WANT[kind]}
        self.index.setdefault(kind, {}).setdefault(sid, []).append(Entry(kind, sid, path, origin, fields))

    def entries(self, kind: str) -> list[Entry]:
        """The winning file of each id, in id order."""
        return [v[0] for _, v in sorted(self.index.get(kind, {}).items())]

    def overrides(self, kind: str, sid: str) -> list[Entry]:
        """The files of ``sid`` that the first one hides (a persona in TRAINER_PATH over a built-in …)."""
        return self.index.get(kind, {}).get(sid, [])[1:]

    def entry_of(self, kind: str, sid: str) -> Entry | None:
        """The file an id's loaded item came from (or would come from)."""
        item = self.personas._loaded.get(sid) if kind == "personas" else self.scenarios._loaded.get(sid)
        for e in self.index.get(kind, {}).get(sid, []):
            if item is None or display_name(e.path) == item.path or str(e.path) == item.path:
                return e
        return None

    # ------------------------------------------------------------ loading
    def _load_file(self, kind: str, path: Path) -> Persona | Scenario | None:
        out = Problems()
        item = (load_persona_file if kind == "personas" else load_scenario_file)(path, out)
        if path not in self._reported:
            self._reported.add(path)
            self.problems.extend(out)
        return item

    def load(self, kind: str, sid: str) -> Persona | Scenario | None:
        for e in self.index.get(kind, {}).get(sid, []):
            item = self._load_file(kind, e.path)
            if item is not None and item.id == sid:
                return item
        return None

    def load_all(self) -> None:
        """Load every indexed file (not only each id's winner), so that ``problems`` names every broken one."""
        for kind in ("personas", "scenarios"):
            for sid, found in self.index.get(kind, {}).items():
                for e in found:
                    self._load_file(kind, e.path)
                _ = sid in (self.personas if kind == "personas" else self.scenarios)

    def persona_for(self, scenario: Scenario) -> Persona:
        p = self.personas.get(scenario.persona_id)
        if p is None:
            if scenario.persona_id in self.personas.ids():  # found on the path, but its file did not load
                raise ContentError(f"{scenario.path}: 场景 '{scenario.id}' 的角色 '{scenario.persona_id}' 没能载入:"
                                   f"它的文件有错误(运行 trainer validate 查看)")
            raise ContentError(f"{scenario.path}: 场景 '{scenario.id}' 用了不存在的角色 "
                               f"'{scenario.persona_id}'{did_you_mean(scenario.persona_id, self.personas.ids())}")
        return p


def load_library() -> Library:
    """Index every persona and scenario on the search path (a header scan per file: no parsing). Each file
    is loaded when its id is first asked for; a broken one is reported in ``problems`` and skipped, so one
    bad file never hides the rest."""
    return Library.scan()


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
            raise ContentError(out.errors or [Problem(ref, 1, 1, "error", "不是场景文件")])
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
        hint = did_you_mean(ref, lib.scenarios.ids())
        raise ContentError(f"没有编号为 '{ref}' 的场景{hint};`trainer list` 列出全部场景")
    return s, lib.persona_for(s)
