"""Everything shown on screen passes through here: control characters stripped, markup never
interpreted, and Simplified → Traditional conversion (opencc s2t) at display time when chosen."""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len
from rich.text import Text

# ESC/CSI/OSC sequences first (so their parameters go too), then any other C0/C1 control character
# except newline and tab, plus the bidi overrides that can disguise text.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

SCRIPTS = ("simplified", "traditional")


def pad(s: str, cells: int) -> str:
    """Left-justify to a width in terminal cells (a Chinese character takes two)."""
    return s + " " * max(0, cells - cell_len(s))


def safe_text(value: object) -> str:
    """A string safe for the terminal: no escape sequences or control characters (newlines and tabs kept)."""
    s = value if isinstance(value, str) else str(value)
    return _CONTROLS.sub("", _ESCAPES.sub("", s)).replace("\t", "    ")


@lru_cache(maxsize=1)
def _s2t():
    import opencc  # ~100 ms: loaded lazily, only when Traditional is chosen
    return opencc.OpenCC("s2t")


class Display:
    """Turns source (Simplified) strings into what the trainee reads."""

    def __init__(self, script: str = "simplified"):
        self.script = script if script in SCRIPTS else "simplified"

    @property
    def traditional(self) -> bool:
        return self.script == "traditional"

    def __call__(self, value: object) -> str:
        s = safe_text(value)
        return _s2t().convert(s) if self.traditional else s

    def text(self, value: object, style: str = "") -> Text:
        """A literal rich Text: square brackets stay square brackets."""
        return Text(self(value), style=style)
