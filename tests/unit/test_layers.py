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
