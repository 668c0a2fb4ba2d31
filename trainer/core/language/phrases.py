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

import contextlib
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trainer.core.content import catalogue
from trainer.core.content.paths import kind_dirs, yaml_files
from trainer.core.content.spec import F, List, Num, Obj, Problem, Problems, Str, did_you_mean
from trainer.core.content.yamlsafe import LoadError, YNode
from trainer.core.language.lazyre import LazyPattern, anchors
from trainer.core.language.normalise import normalise, simplify_phrase, to_simplified

try:  # the stdlib regex parser, used only to refuse patterns that can backtrack exponentially
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layout
    import sre_parse as _sre_parse

MAX_REGEX = 300

CUE_SPEC = Obj({
    "words": F(List(Str(max_len=40), min_items=1, max_items=200, scalar_ok=True,
                    doc="算作证据的词语(归一化之后的子串)")),
    "regex": F(Str(max_len=MAX_REGEX, doc="作用于归一化文本的 Python 正则表达式")),
    "weight": F(Num(min=-2, max=2, doc="线索匹配时加的证据分(负数为反证)"), required=True),
    "note": F(Str(max_len=300)),
}, doc="一条词面线索:词语或正则,加一个权重")

TACTIC_SPEC = Obj({
    "templates": F(List(Str(max_len=300), max_items=5000, doc="学员用这一招时可能说的句子")),
    "cues": F(List(CUE_SPEC, max_items=1000)),
    "note": F(Str(max_len=2000)),
}, doc="一个招式的说法")

#: top-level keys of a phrases file (the two mappings are free-form and checked by hand)
FILE_KEYS = ("typos", "tactics", "note")
NOTE_SPEC = Str(max_len=2000)


@dataclass(frozen=True)
class Cue:
    tactic: str
    weight: float
    words: tuple[str, ...] = ()
    regex: LazyPattern | None = None
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


def compile_cue_regex(pattern: str) -> LazyPattern:
    """Compile a regex from a phrases file; ValueError with a short reason when it is refused.

    Patterns come from files anyone may write, and Python's ``re`` has no timeout: a nested
    repeat like ``(a+)+`` can take exponential time, so those (and backreferences) are refused.
    """
    pattern = to_simplified(pattern)
    try:
        parsed = _sre_parse.parse(pattern)
        compiled = re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as e:
        raise ValueError(f"正则表达式写得不对({_regex_reason(e)})") from None
    if _nested_repeat(parsed):
        raise ValueError("正则表达式被拒绝:重复里套重复(或反向引用)可能耗时成指数增长;"
                         "请用有上限的写法,如 '.{0,10}'")
    return LazyPattern(pattern, 0, anchors(pattern), compiled=compiled)  # compiled already to check it: keep it



_REGEX_REASONS = (("missing )", "缺少 ')'"), ("unbalanced parenthesis", "括号不配对"), ("unterminated character set", "'[' 没有闭合"),
                  ("nothing to repeat", "重复符号前面没有内容"), ("multiple repeat", "重复符号连用"),
                  ("bad escape", "无效的转义"), ("bad character range", "字符范围不对"), ("unknown extension", "未知的 (? 扩展"),
                  ("look-behind requires fixed-width pattern", "后行断言必须定长"), ("unknown group name", "未知的组名"),
                  ("invalid group reference", "无效的组引用"), ("the repetition number is too large", "重复次数太大"),
                  ("min repeat greater than max repeat", "重复下限大于上限"), ("maximum recursion", "嵌套太深"))


def _regex_reason(e: BaseException) -> str:
    """Why ``re`` refused a pattern, in Chinese (its own words are English), with the position when known."""
    msg = str(getattr(e, "msg", "") or "")
    zh = next((z for key, z in _REGEX_REASONS if msg.startswith(key)), "无法解析")
    pos = getattr(e, "pos", None)
    return f"{zh},位置 {pos}" if isinstance(pos, int) else zh

# ---------------------------------------------------------------- building
def _check_typos(node: YNode, out: Problems) -> dict[str, str]:
    typos: dict[str, str] = {}
    if not isinstance(node.value, dict):
        out.error(node, "'typos' 必须是映射:错字: 正字")
        return typos
    for key, val in node.value.items():
        if not isinstance(val.value, str) or not val.value.strip():
            out.error(val, f"错字 '{key}' 要写上对应的正字(文字)")
            continue
        wrong, right = simplify_phrase(key), simplify_phrase(val.value)
        if not wrong:
            out.error(node.keys[key], f"错字 '{key}' 规范化之后是空的")
            continue
        typos[wrong] = right
    return typos


def build_phrases(root: YNode, text: str, out: Problems) -> PhraseLibrary | None:
    """Check one parsed phrases file and build its library; None when it has errors."""
    before = len(out.errors)
    lib = PhraseLibrary(files=[root.path])
    if not isinstance(root.value, dict):
        out.error(root, "话术文件必须是带 'tactics' 的映射")
        return None
    for key in root.value:
        if key not in FILE_KEYS and key != "$schema":
            out.error(root.keys[key], f"未知的键 '{key}'{did_you_mean(key, FILE_KEYS)}")
    if "typos" in root.value:
        lib.typos = _check_typos(root.value["typos"], out)
    if "note" in root.value:
        NOTE_SPEC.check(root.value["note"], out)
    tactics = root.get("tactics")
    if tactics is None:
        out.error(root, "缺少必填的键 'tactics'")
        return None
    if not isinstance(tactics.value, dict):
        out.error(tactics, "'tactics' 必须是映射:招式编号 → 模板和线索")
        return None
    for tid, entry in tactics.value.items():
        if tid not in catalogue.MOVE_IDS:
            out.error(tactics.keys[tid], f"未知的招式 '{tid}'{did_you_mean(tid, catalogue.MOVE_IDS, catalogue.NAMES)};`trainer tactics` 列出全部招式")
            continue
        if not TACTIC_SPEC.check(entry, out):
            continue
        for t in (entry.get("templates").value if entry.get("templates") else []):
            norm = simplify_phrase(t.value)
            if not norm:
                out.error(t, "模板去掉标点后是空的")
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
        out.error(node, "线索(cue)必须有 'words' 或 'regex',且只能有其一")
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
            out.error(w, f"线索词 '{w.value}' 规范化之后是空的")
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
    # deferred for start-up: with the cache warm, classify never reads YAML, and library loads the models
    from trainer.core.content.library import read_yaml

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
    """Every phrases file on the search path, merged. Without ``out`` (nobody wants the problems) the
    library comes from the compiled cache when the files are unchanged; see ``cached_library``."""
    files = default_files()
    if out is None:
        return cached_library(files)
    return load_files(files, out)


# ---------------------------------------------------------------- compiled cache
# Building the library parses the YAML, checks it, normalises every template and cue word, and refuses
# dangerous regexes: about half of `trainer classify`'s own start-up. The built library is kept on disk as
# JSON (plain data only: nothing in it can run code when read), keyed by the content of every phrases
# file and of the code that shapes the result (this module, normalise, the catalogue). A cache that is
# missing, unreadable, stale, corrupt or unwritable is ignored silently: the library is built from the
# files as before, so the cache can make start-up faster but never change what is recognised.

CACHE_FORMAT = 2  # 2: a regex cue carries its anchors (lazyre)
CACHE_NAME = "phrases-cache.json"


def cache_dir() -> Path:
    """``$TRAINER_HOME/cache`` where TRAINER_HOME is set (tests, classrooms), else the user cache folder."""
    env = os.environ.get("TRAINER_HOME", "").strip()
    if env:
        return Path(env).expanduser() / "cache"
    # deferred for start-up: only a cache lookup outside TRAINER_HOME needs it
    from platformdirs import user_cache_dir
    return Path(user_cache_dir("huikuan-dojo"))


def _code_files() -> list[str]:
    # deferred for start-up: only the cache key needs these modules' files (they are loaded already)
    from trainer.core.language import lazyre as _lazyre
    from trainer.core.language import normalise as _normalise
    return [__file__, _normalise.__file__ or "", catalogue.__file__ or "", _lazyre.__file__ or ""]


def cache_key(files: list[Path]) -> str:
    """sha256 over the cache format, the Python version, the code that shapes the library and every
    phrases file (path and bytes). Raises OSError when a file cannot be read."""
    h = hashlib.sha256(f"{CACHE_FORMAT}\0{sys.version_info[:2]}\0".encode())
    for code in _code_files():
        h.update(Path(code).read_bytes())
    for f in files:
        h.update(b"\0" + str(f.resolve()).encode("utf-8", "surrogateescape") + b"\0")
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def _to_data(lib: PhraseLibrary) -> dict[str, Any]:
    return {"templates": [[t.tactic, t.text, t.original] for t in lib.templates],
            "cues": [[c.tactic, c.weight, list(c.words), c.regex.pattern if c.regex is not None else None,
                      c.regex.flags if c.regex is not None else 0, c.where,
                      c.regex.anchor_chars if c.regex is not None else None] for c in lib.cues],
            "typos": lib.typos, "files": lib.files}


def _str_list(v: object) -> list[str]:
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ValueError("not a list of text")
    return v


def _from_data(data: object) -> PhraseLibrary:
    """The library from cached data; ValueError (or another plain error) on anything unexpected."""
    if not isinstance(data, dict):
        raise ValueError("not an object")
    lib = PhraseLibrary(files=_str_list(data["files"]))
    for row in data["templates"]:
        tactic, text, original = _str_list(row)
        if tactic not in catalogue.MOVE_IDS:
            raise ValueError("unknown tactic")
        lib.templates.append(Template(tactic, text, original))
    for row in data["cues"]:
        tactic, weight, words, pattern, flags, where, anchor_chars = row
        if tactic not in catalogue.MOVE_IDS or type(weight) not in (int, float) or not isinstance(where, str) \
                or not isinstance(flags, int) or not (pattern is None or isinstance(pattern, str)) \
                or not (anchor_chars is None or isinstance(anchor_chars, str)):
            raise ValueError("bad cue")
        words = tuple(_str_list(words))
        if (pattern is None) == (not words):
            raise ValueError("a cue has words or a regex")
        # compiled on first need (a one-line classify needs few of them); anchors as worked out when built
        regex = LazyPattern(pattern, flags, anchor_chars) if pattern is not None else None
        lib.cues.append(Cue(tactic, float(weight), words=words, regex=regex, where=where))
    typos = data["typos"]
    if not isinstance(typos, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in typos.items()):
        raise ValueError("bad typos")
    lib.typos = dict(typos)
    return lib


def read_cache(path: Path, key: str) -> PhraseLibrary | None:
    """The cached library if ``path`` holds one for ``key`` whose checksum holds; else None (never raises)."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(64 * 1024 * 1024)
        head, _, payload = raw.partition(b"\n")
        want_key, _, digest = head.decode("ascii").partition(" ")
        if want_key != key or hashlib.sha256(payload).hexdigest() != digest:
            return None
        return _from_data(json.loads(payload.decode("utf-8")))
    except Exception:  # noqa: BLE001 - a cache that cannot be used is rebuilt, whatever is wrong with it
        return None


def write_cache(path: Path, key: str, lib: PhraseLibrary) -> None:
    """Write atomically (temp file + rename); any failure is ignored (read-only disk, no home, …)."""
    tmp = None
    try:
        payload = json.dumps(_to_data(lib), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        path.parent.mkdir(parents=True, exist_ok=True)
        # deferred for start-up: only a cache miss writes (tempfile pulls in random and shutil)
        import tempfile
        fd, tmp = tempfile.mkstemp(prefix=".phrases-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(f"{key} {hashlib.sha256(payload).hexdigest()}\n".encode("ascii") + payload)
        os.replace(tmp, path)
        tmp = None
    except Exception:  # noqa: BLE001 - the cache is an optimisation only
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def cached_library(files: list[Path]) -> PhraseLibrary:
    """The library of ``files``: from the cache when it matches their content, else built (and cached)."""
    try:
        key = cache_key(files)
        path = cache_dir() / CACHE_NAME
    except Exception:  # noqa: BLE001 - no key, no cache: build as before
        return load_files(files, Problems())
    lib = read_cache(path, key)
    if lib is None:
        lib = load_files(files, Problems())
        write_cache(path, key, lib)
    return lib
