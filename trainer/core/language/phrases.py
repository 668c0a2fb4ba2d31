"""The phrase library: templates and cues per tactic, as YAML data under ``phrases/``.

A phrases file looks like::

    typos:                      # optional: misspellings → the word meant
      分其: 分期
    tactics:
      installment_plan:
        templates:              # whole sentences a trainee might say
          - 一次拿不出来没关系，咱们分三期付
        cues:                   # lexical evidence, each counted once per utterance
          - words: [分期, 分批]
            weight: 0.8
          - regex: '分[两三四五六]次'
            weight: 0.7

Every ``*.yaml`` in every ``phrases/`` folder on the search path is merged (instructors extend
the library by dropping a file in). Files are validated strictly; the lint warns where a
template is matched more strongly by another tactic than by its own (leave-one-out).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trainer.core.content import catalogue
from trainer.core.content.library import kind_dirs, read_yaml, yaml_files
from trainer.core.content.spec import F, List, Num, Obj, Problem, Problems, Str, did_you_mean
from trainer.core.content.yamlsafe import LoadError, YNode
from trainer.core.language.normalise import normalise, simplify_phrase, to_simplified

try:  # the stdlib regex parser, used only to refuse patterns that can backtrack exponentially
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layout
    import sre_parse as _sre_parse

MAX_REGEX = 300

CUE_SPEC = Obj({
    "words": F(List(Str(max_len=40), min_items=1, max_items=200, scalar_ok=True,
                    doc="substrings (after normalisation) that count as evidence")),
    "regex": F(Str(max_len=MAX_REGEX, doc="a Python regular expression over the normalised text")),
    "weight": F(Num(min=-2, max=2, doc="evidence added when the cue matches (negative = against)"), required=True),
    "note": F(Str(max_len=300)),
}, doc="one piece of lexical evidence: words or regex, and a weight")

TACTIC_SPEC = Obj({
    "templates": F(List(Str(max_len=300), max_items=5000, doc="sentences a trainee might say for this tactic")),
    "cues": F(List(CUE_SPEC, max_items=1000)),
    "note": F(Str(max_len=2000)),
}, doc="phrases of one tactic")

#: top-level keys of a phrases file (the two mappings are free-form and checked by hand)
FILE_KEYS = ("typos", "tactics", "note")
NOTE_SPEC = Str(max_len=2000)


@dataclass(frozen=True)
class Cue:
    tactic: str
    weight: float
    words: tuple[str, ...] = ()
    regex: re.Pattern[str] | None = None
    where: str = ""


@dataclass(frozen=True)
class Template:
    tactic: str
    text: str  # normalised (bare) form
    original: str
    node: YNode | None = None


@dataclass
class PhraseLibrary:
    templates: list[Template] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    typos: dict[str, str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def merge(self, other: PhraseLibrary) -> None:
        self.templates.extend(other.templates)
        self.cues.extend(other.cues)
        for k, v in other.typos.items():
            self.typos.setdefault(k, v)
        self.files.extend(other.files)


# ---------------------------------------------------------------- regex safety
def _repeats(parsed: Iterable[tuple[Any, Any]]) -> bool:
    """Does this parsed (sub)pattern contain a repeat that can match more than once?"""
    for op, av in parsed:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            if av[1] > 1 or _repeats(av[2]):
                return True
        elif _repeats_in(av):
            return True
    return False


def _repeats_in(av: object) -> bool:
    if isinstance(av, _sre_parse.SubPattern):
        return _repeats(av)
    if isinstance(av, (list, tuple)):
        return any(_repeats_in(x) for x in av)
    return False


def _nested_repeat(parsed: Iterable[tuple[Any, Any]]) -> bool:
    for op, av in parsed:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            if av[1] > 1 and _repeats(av[2]):
                return True
            if _nested_repeat(av[2]):
                return True
        elif name == "GROUPREF" or name == "GROUPREF_EXISTS":
            return True
        else:
            for sub in _subpatterns(av):
                if _nested_repeat(sub):
                    return True
    return False


def _subpatterns(av: object) -> Iterator[Any]:
    if isinstance(av, _sre_parse.SubPattern):
        yield av
    elif isinstance(av, (list, tuple)):
        for x in av:
            yield from _subpatterns(x)


def compile_cue_regex(pattern: str) -> re.Pattern[str]:
    """Compile a regex from a phrases file; ValueError with a short reason when it is refused.

    Patterns come from files anyone may write, and Python's ``re`` has no timeout: a nested
    repeat like ``(a+)+`` can take exponential time, so those (and backreferences) are refused.
    """
    pattern = to_simplified(pattern)
    try:
        parsed = _sre_parse.parse(pattern)
        compiled = re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as e:
        raise ValueError(f"invalid regex: {getattr(e, 'msg', e)}") from None
    if _nested_repeat(parsed):
        raise ValueError("regex refused: a repeat inside a repeat (or a backreference) can take "
                         "exponential time; use bounded forms like '.{0,10}'")
    return compiled


# ---------------------------------------------------------------- building
def _check_typos(node: YNode, out: Problems) -> dict[str, str]:
    typos: dict[str, str] = {}
    if not isinstance(node.value, dict):
        out.error(node, "'typos' must be a mapping: misspelling: intended word")
        return typos
    for key, val in node.value.items():
        if not isinstance(val.value, str) or not val.value.strip():
            out.error(val, f"typo '{key}' needs the intended word as text")
            continue
        wrong, right = simplify_phrase(key), simplify_phrase(val.value)
        if not wrong:
            out.error(node.keys[key], f"typo '{key}' is empty after normalisation")
            continue
        typos[wrong] = right
    return typos


def build_phrases(root: YNode, text: str, out: Problems) -> PhraseLibrary | None:
    """Check one parsed phrases file and build its library; None when it has errors."""
    before = len(out.errors)
    lib = PhraseLibrary(files=[root.path])
    if not isinstance(root.value, dict):
        out.error(root, "a phrases file must be a mapping with 'tactics'")
        return None
    for key in root.value:
        if key not in FILE_KEYS and key != "$schema":
            out.error(root.keys[key], f"unknown key '{key}'{did_you_mean(key, FILE_KEYS)}")
    if "typos" in root.value:
        lib.typos = _check_typos(root.value["typos"], out)
    if "note" in root.value:
        NOTE_SPEC.check(root.value["note"], out)
    tactics = root.get("tactics")
    if tactics is None:
        out.error(root, "missing required key 'tactics'")
        return None
    if not isinstance(tactics.value, dict):
        out.error(tactics, "'tactics' must be a mapping of tactic id → templates and cues")
        return None
    for tid, entry in tactics.value.items():
        if tid not in catalogue.MOVE_IDS:
            out.error(tactics.keys[tid], f"unknown tactic '{tid}'{did_you_mean(tid, catalogue.MOVE_IDS)}")
            continue
        if not TACTIC_SPEC.check(entry, out):
            continue
        for t in (entry.get("templates").value if entry.get("templates") else []):
            norm = simplify_phrase(t.value)
            if not norm:
                out.error(t, "template is empty after removing punctuation")
                continue
            lib.templates.append(Template(tid, norm, t.value, t))
        for c in (entry.get("cues").value if entry.get("cues") else []):
            cue = _build_cue(tid, c, out)
            if cue:
                lib.cues.append(cue)
    return lib if len(out.errors) == before else None


def _build_cue(tid: str, node: YNode, out: Problems) -> Cue | None:
    words, regex = node.get("words"), node.get("regex")
    if (words is None) == (regex is None):
        out.error(node, "a cue needs exactly one of 'words' or 'regex'")
        return None
    weight = float(node.value["weight"].value)
    where = node.where()
    if regex is not None:
        try:
            return Cue(tid, weight, regex=compile_cue_regex(regex.value), where=where)
        except ValueError as e:
            out.error(regex, str(e))
            return None
    assert words is not None  # exactly one of the two, checked above
    forms = []
    for w in words.value:
        norm = normalise(w.value).marked
        if not norm:
            out.error(w, f"cue word '{w.value}' is empty after normalisation")
            continue
        forms.append(norm)
    return Cue(tid, weight, words=tuple(dict.fromkeys(forms)), where=where)


def default_files(exclude: Path | None = None) -> list[Path]:

    files = []
    for folder in kind_dirs("phrases"):
        for f in yaml_files(folder):
            if exclude is None or f.resolve() != exclude:
                files.append(f)
    return files


def load_files(files: list[Path], out: Problems) -> PhraseLibrary:

    lib = PhraseLibrary()
    for f in files:
        try:
            root, text = read_yaml(f)
        except LoadError as e:
            out.append(Problem(e.path, e.line, e.col, "error", e.message))
            continue
        part = build_phrases(root, text, out)
        if part is not None:
            lib.merge(part)
    return lib


def load_default_library(out: Problems | None = None) -> PhraseLibrary:
    return load_files(default_files(), out if out is not None else Problems())
