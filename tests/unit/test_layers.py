"""The house plan: import-linter's contracts hold, and no import circle exists among trainer modules,
counting imports inside functions and under TYPE_CHECKING (grimp reads every import statement)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]


def test_import_linter_contracts_are_kept():
    exe = Path(sys.executable).parent / "lint-imports"
    r = subprocess.run([str(exe), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert "broken" not in r.stdout.lower().split("contracts:")[-1].split("\n")[0] or " 0 broken" in r.stdout


def test_no_import_cycles_among_trainer_modules():
    graph = grimp.build_graph("trainer", cache_dir=None)
    cycles = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if imported == importer or not imported.startswith("trainer."):
                continue
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                cycles.append(" -> ".join((importer,) + tuple(back)))
    assert not cycles, "\n".join(cycles)


def test_every_stage_says_what_it_is_for():
    core = ROOT / "trainer" / "core"
    for pkg in sorted(p for p in core.iterdir() if (p / "__init__.py").exists()):
        doc = (pkg / "__init__.py").read_text(encoding="utf-8")
        assert doc.lstrip().startswith('"""') and len(doc) > 200, f"{pkg.name}/__init__.py needs its paragraph"


_WHY = ("start-up", "startup", "lazily", "lazy", "deferred")


def _deferred_imports(tree):
    import ast

    def walk(node, in_function, guarded):
        for child in ast.iter_child_nodes(node):
            fn = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            g = guarded
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                g = True
            if isinstance(child, ast.Try) and any("ImportError" in ast.unparse(h.type or ast.Name("x"))
                                                  for h in child.handlers):
                g = True
            if isinstance(child, (ast.Import, ast.ImportFrom)) and in_function and not guarded:
                yield child
            yield from walk(child, fn, g)

    yield from walk(tree, False, False)


def test_every_deferred_import_says_why():
    """Function-local imports exist only for start-up time, and each group says so in a comment
    (on its line, or on a comment line directly above the group)."""
    import ast

    missing = []
    for path in sorted((ROOT / "trainer").rglob("*.py")):
        src = path.read_text(encoding="utf-8")
        lines = src.splitlines()
        for node in _deferred_imports(ast.parse(src)):
            i = node.lineno - 1
            # climb over the contiguous group of import lines and comments above this one
            j = i
            ok = any(w in lines[i] for w in _WHY)
            while not ok and j > 0:
                j -= 1
                above = lines[j].strip()
                if above.startswith("#"):
                    ok = any(w in above for w in _WHY)
                    if ok:
                        break
                    continue
                if above.startswith(("from ", "import ")):
                    ok = any(w in above for w in _WHY)
                    continue
                break
            if not ok:
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {lines[i].strip()}")
    assert not missing, "deferred imports without a reason:\n" + "\n".join(missing)
