"""Hot reload for authors: watch a persona file, and carry a session over to the new persona.

``PersonaWatcher.poll()`` is cheap (one ``stat``) and safe to call every second from a UI
timer: the file is re-read only when its mtime or size moved, and re-built only when its bytes
changed (sha256). A broken edit never replaces a working persona — the watcher keeps the old
one and hands back the problems, so a trainee's session survives the instructor's typo.

``rebuild_session`` replays the moves played so far (with the same recognitions, so free text
is not re-recognised) on a fresh session of the new persona: same seed, same difficulty.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from trainer.core.content.library import display_name
from trainer.core.content.library import read_yaml as read_file
from trainer.core.content.models import Persona, build_persona
from trainer.core.content.spec import Problem, Problems
from trainer.core.content.yamlsafe import LoadError
from trainer.core.engine.session import Session
from trainer.core.language.recognition import as_picked


@dataclass
class Reload:
    changed: bool  # a new persona was installed
    problems: Problems = field(default_factory=Problems)  # the newest version of the file is broken

    @property
    def ok(self) -> bool:
        return not self.problems.errors


class PersonaWatcher:
    """Polls one persona file (mtime + size, then content hash) and rebuilds it when it changes."""

    def __init__(self, path: str | Path, persona: Persona | None = None):
        self.path = Path(path)
        self.persona: Persona | None = persona
        self._stamp: tuple[int, int] | None = None
        self._digest: str | None = None
        self.problems = Problems()
        if persona is None:
            self.poll()
        else:
            self._stamp = self._stat()
            self._digest = persona.sha256 or None

    def _stat(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size

    def poll(self) -> Reload:
        stamp = self._stat()
        if stamp == self._stamp and stamp is not None:
            return Reload(False)
        self._stamp = stamp
        out = Problems()
        try:
            root, text = read_file(self.path)
        except LoadError as e:
            out.append(Problem(e.path, e.line, e.col, "error", e.message))
            return self._broken(out, None)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest == self._digest:  # touched or rewritten with the same bytes
            return Reload(False, self.problems)
        persona = build_persona(root, text, out)
        if persona is None or out.errors:
            return self._broken(out, digest)
        self.persona, self._digest, self.problems = persona, digest, out
        return Reload(True, out)

    def _broken(self, out: Problems, digest: str | None) -> Reload:
        if not out:
            out.append(Problem(display_name(self.path), 1, 1, "error", "不是角色文件"))
        self._digest = digest
        self.problems = out
        return Reload(False, out)


def rebuild_session(session: Session, persona: Persona) -> Session:
    """A new session on ``persona`` that has replayed every turn of ``session`` (which is closed)."""
    fresh = Session(session.scenario, persona, seed=session.seed, difficulty=session.difficulty,
                    recognise=session._recognise)
    for t in session.turns:
        fresh.play(t.move, as_picked(fresh.recognise(t.move), t.tactic, t.confidence))
    session.close()
    return fresh
