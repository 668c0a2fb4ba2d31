"""Fuzz the YAML loader: bytes → bounded decode → event parse → spec → Persona / Scenario.

    python bench/fuzz/fuzz_loader.py [N] [TARGET...]     (N inputs per target, default 100,000)

Targets: ``yaml`` (parse_text on arbitrary text), ``persona`` and ``scenario`` (whole-file loads of
mutated real files and generated YAML). Expected: a LoadError or a list of Problems, each one line
``file:line:col: …``; anything else is a traceback. Other readers add their own module here
(fuzz_moves.py, fuzz_cards.py …) registering targets with harness.register and calling main().
"""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import strategies as st

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(ROOT)]

from harness import TARGETS, Target, register, run  # noqa: E402

from trainer.core.content.models import build_persona, build_scenario  # noqa: E402
from trainer.core.content.spec import Problems  # noqa: E402
from trainer.core.content.yamlsafe import LoadError, decode, parse_text  # noqa: E402

SCENARIO = (ROOT / "scenarios" / "fake-broke.yaml").read_text(encoding="utf-8")
# a whole persona takes ~5 ms to load; its first 120 lines (meters, states, some reactions) keep the
# fuzzer fast while reaching the builders, and the small test persona reaches every one of them
PERSONA = "\n".join((ROOT / "personas" / "fake-broke.yaml").read_text(encoding="utf-8").splitlines()[:120])
sys.path.insert(0, str(ROOT / "tests"))
from unit.test_engine import MINI_PERSONA, MINI_SCENARIO  # noqa: E402

SEEDS = [SCENARIO, PERSONA, MINI_PERSONA, MINI_SCENARIO]
TOKENS = ["\n", ": ", "- ", "[", "]", "{", "}", ",", "'", '"', "&a ", "*a", "!!python/object ", "<<: ", "---\n",
          "? ", "|\n", ">\n", "#", "\t", "  ", "\\e", "\\x1b", "\\u202e", "{company}", "{compnay}",
          "2026-13-45", "1e12", "-1", "0x10", ".inf", ".nan", "~", "null", "true", "on", "yes", "\r\n",
          "\ufeff", "\x00", "\x1b[31m", "\u202e", "é", "中", "\U0001F600", "\udcff"]


@st.composite
def mutated(draw: st.DrawFn, seeds: list[str] | None = None) -> bytes:
    """A real file with a few edits: cut, duplicated or swapped lines, inserted tokens, flipped bytes."""
    text = draw(st.sampled_from(seeds or SEEDS))
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.integers(0, 5))
        i = draw(st.integers(0, max(0, len(lines) - 1)))
        if op == 0 and lines:
            del lines[i]
        elif op == 1 and lines:
            lines.insert(i, lines[draw(st.integers(0, len(lines) - 1))])
        elif op == 2 and lines:
            ln = lines[i]
            j = draw(st.integers(0, len(ln)))
            lines[i] = ln[:j] + draw(st.sampled_from(TOKENS)) + ln[j:]
        elif op == 3 and lines:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        elif op == 4:
            lines.insert(i, draw(st.text(max_size=40)))
        else:
            lines = lines[: i + 1]
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        b = bytearray(data)
        for _ in range(draw(st.integers(1, 3))):
            if b:
                b[draw(st.integers(0, len(b) - 1))] = draw(st.integers(0, 255))
        data = bytes(b)
    return data


scalars = st.one_of(st.text(max_size=20), st.integers(-10**20, 10**20), st.floats(), st.booleans(), st.none(),
                    st.sampled_from(["2026-13-45", "{compnay}", "\\e]0;x\\a", "verify_balance", "talk", "paid"]))


def _yaml_of(x: object, depth: int = 0) -> str:
    pad = "  " * depth
    if isinstance(x, dict):
        return "".join(f"\n{pad}{k}: {_yaml_of(v, depth + 1)}" for k, v in x.items()) or "{}"
    if isinstance(x, list):
        return "".join(f"\n{pad}- {_yaml_of(v, depth + 1)}" for v in x) or "[]"
    if isinstance(x, str):
        return '"' + x.replace("\\", "\\\\").replace('"', '\\"') + '"' if draw_quote(x) else x
    return str(x)


def draw_quote(s: str) -> bool:
    return len(s) % 2 == 0


generated = st.recursive(scalars, lambda kids: st.one_of(
    st.lists(kids, max_size=4),
    st.dictionaries(st.sampled_from(["id", "name", "states", "reactions", "meters", "start", "case", "persona",
                                     "on", "to", "when", "replies", "ending", "result", "date", "owed", "x"]),
                    kids, max_size=5)), max_leaves=25).map(lambda x: _yaml_of(x).encode("utf-8", "surrogatepass"))


def load_as(kind: str):  # noqa: ANN201 - a target function
    def fn(data: bytes) -> None:
        text = decode("f.yaml", data)
        root = parse_text(text, "f.yaml", checked=True)
        if root.kind != "mapping":
            raise root.error("the top level must be a mapping")
        out = Problems()
        (build_persona if kind == "persona" else build_scenario)(root, text, out)
        for p in out:
            s = str(p)
            if "\n" in s or not s.startswith("f.yaml:"):
                raise AssertionError(f"not one clean line: {s!r}")
    return fn


def parse_any(text: str) -> None:
    parse_text(text, "f.yaml")


register(Target("yaml", st.one_of(st.text(max_size=200), mutated().map(lambda b: b.decode("utf-8", "replace"))),
                parse_any, expected=(LoadError,)))
register(Target("persona", st.one_of(mutated([PERSONA, MINI_PERSONA]), generated), load_as("persona"),
                expected=(LoadError,)))
register(Target("scenario", st.one_of(mutated([SCENARIO, MINI_SCENARIO]), generated), load_as("scenario"),
                expected=(LoadError,)))


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 100_000
    names = argv[1:] or list(TARGETS)
    bad = 0
    for name in names:
        rep = run(TARGETS[name], n)
        print(rep.line(), flush=True)
        for k, c in rep.kinds.most_common():
            print(f"    {k}: {c}")
        for ex in rep.examples:
            print("    " + ex.replace("\n", "\n    "))
        bad += rep.tracebacks + rep.hangs
    print(f"total: {'zero tracebacks, zero hangs' if not bad else f'{bad} failures'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
