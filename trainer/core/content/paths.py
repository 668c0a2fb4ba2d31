"""The content search path: which folders hold personas/, scenarios/, scoring/ and phrases/, and the YAML
files in one. Standard library only: finding files must not cost the models' import (see library.py)."""

from __future__ import annotations

import os
from pathlib import Path

PKG_DIR = Path(__file__).resolve().parents[2]  # the trainer/ package folder (content ships in trainer/content/)


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
    # sorted by parts: the order of Path comparison, without its per-comparison cost (10,000 files)
    return sorted((p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()), key=lambda p: p.parts)
