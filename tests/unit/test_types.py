"""The type check: plain `mypy` from the repo root, with the configuration in pyproject.toml
(trainer/core under --strict's flags, trainer/tui and trainer/cli under mypy's defaults)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_mypy_passes_with_the_project_configuration():
    proc = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, f"mypy failed (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}"
