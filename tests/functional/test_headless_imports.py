"""Headless commands never import textual (start-up stays fast): checked in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import io, json, sys, pkgutil, importlib
import trainer.core
for m in pkgutil.walk_packages(trainer.core.__path__, "trainer.core."):
    importlib.import_module(m.name)
from trainer.cli import main
sys.stdin = io.StringIO("courtesy\\nverify_balance\\n")
out = io.StringIO(); real = sys.stdout; sys.stdout = out
for args in (["play", "fake-broke", "--moves", "-", "--json"], ["history", "--json"]):
    try:
        main(args)
    except SystemExit as e:
        assert not e.code, e.code
sys.stdout = real
print(json.dumps(sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))))
"""


def test_core_and_headless_commands_do_not_import_textual(tmp_path):
    env = dict(os.environ, TRAINER_HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout.strip().splitlines()[-1]) == []
