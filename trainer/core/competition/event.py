"""Events: a group competition's file — name, a random salt, the scenarios and the roster.

The salt makes each trainee's seed for each scenario (``Event.seed_for``) unknowable in advance and
different per person, so a card copied from someone else (trainee edited) replays on the wrong seed,
and the roster fixes who is in which team. Names are compared after ``normalise_name``.

ROSTER.csv is what an instructor keeps in Excel: header ``trainee,team`` (or 姓名,小组), UTF-8 with or
without BOM; a GB18030 file (Excel's "CSV" on a Chinese Windows) is read too, with a notice.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from trainer.core.competition.output import plain, write_text_atomic
from trainer.core.content.oserror import os_reason
from trainer.core.content.yamlsafe import LoadError, decode, parse_text

EVENT_FORMAT = "huikuan-dojo/event"
MAX_EVENT_BYTES = 2 * 1024 * 1024
MAX_ROSTER = 5000
MAX_NAME = 60
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad\u180e]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
TRAINEE_HEADERS = ("trainee", "姓名", "学员", "name")
TEAM_HEADERS = ("team", "小组", "组", "组别")


class EventError(ValueError):
    """A bad event file or roster; ``str()`` is one line, ``file:line:col: what`` where it can be."""


def normalise_name(name: str) -> str:
    """NFKC, zero-width characters removed, runs of spaces (ideographic ones too) collapsed, ends trimmed."""
    t = unicodedata.normalize("NFKC", str(name))
    t = _ZERO_WIDTH.sub("", t)
    return " ".join(t.split())


@dataclass(frozen=True)
class Member:
    name: str  # normalised
    team: str  # normalised ("" = no team)


@dataclass
class Event:
    name: str
    salt: str
    scenarios: list[str]
    roster: list[Member]
    path: str = ""
    _by_name: dict[str, Member] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._by_name = {m.name: m for m in self.roster}

    def member(self, name: str) -> Member | None:
        return self._by_name.get(normalise_name(name))

    def did_you_mean(self, name: str) -> str:
        close = difflib.get_close_matches(normalise_name(name), list(self._by_name), n=1, cutoff=0.3)
        return f"(是不是「{close[0]}」?)" if close else ""

    def seed_for(self, trainee: str, scenario: str) -> int:
        """The trainee's seed for the scenario in this event: 0..2**32-1 from sha256(salt, name, scenario)."""
        data = "\x1f".join((self.salt, normalise_name(trainee), scenario)).encode("utf-8")
        return int.from_bytes(hashlib.sha256(data).digest()[:4], "big")

    def folder(self) -> Path:
        return Path(self.path).resolve().parent if self.path else Path.cwd()

    def as_yaml(self) -> str:
        data = {"format": EVENT_FORMAT, "name": self.name, "salt": self.salt, "scenarios": list(self.scenarios),
                "roster": [{"trainee": m.name, "team": m.team} for m in self.roster]}
        head = "# 回款道场 · 比赛文件(trainer event new 生成)。salt 决定每人每个场景的种子,请勿改动。\n"
        return head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# ------------------------------------------------------------------------------ roster
def _check_name(value: str, where: str, what: str, required: bool) -> str:
    if _CONTROL.search(value):
        raise EventError(f"{where}: {what}含控制字符")
    v = normalise_name(value)
    if required and not v:
        raise EventError(f"{where}: {what}为空")
    if len(v) > MAX_NAME:
        raise EventError(f"{where}: {what}超过 {MAX_NAME} 个字")
    return v


def decode_roster(data: bytes, name: str) -> tuple[str, list[str]]:
    """The roster's text and notices: UTF-8 (BOM or not), else GB18030 with a notice."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), [f"{name}: 不是 UTF-8,已按 GB18030(GBK)读取;建议在 Excel 里另存为「CSV UTF-8」"]
    except UnicodeDecodeError:
        raise EventError(f"{name}:1:1: 既不是 UTF-8 也不是 GB18030 编码的 CSV") from None


def parse_roster(text: str, name: str) -> list[Member]:
    """Rows of ``trainee,team`` (header first). Raises EventError ``file:line:col: …``."""
    rows = list(csv.reader(io.StringIO(text)))
    line = 0
    header: list[str] = []
    for i, row in enumerate(rows, 1):
        line = i
        if any(c.strip() for c in row):
            header = [normalise_name(c).lower() for c in row]
            break
    ti = next((i for i, h in enumerate(header) if h in TRAINEE_HEADERS), None)
    gi = next((i for i, h in enumerate(header) if h in TEAM_HEADERS), None)
    if ti is None or gi is None:
        raise EventError(f"{name}:{max(line, 1)}:1: 第一行应为表头 trainee,team(或 姓名,小组)")
    members: list[Member] = []
    seen: dict[str, int] = {}
    for n, row in enumerate(rows[line:], line + 1):
        if not any(c.strip() for c in row):
            continue
        cells = row + [""] * (max(ti, gi) + 1 - len(row))

        def col(i: int, row: list[str] = row) -> int:
            return 1 + sum(len(c) + 1 for c in row[:i])
        trainee = _check_name(cells[ti], f"{name}:{n}:{col(ti)}", "学员姓名", True)
        team = _check_name(cells[gi], f"{name}:{n}:{col(gi)}", "小组", False)
        if trainee in seen:
            raise EventError(f"{name}:{n}:{col(ti)}: 「{trainee}」重复(第 {seen[trainee]} 行已有)")
        seen[trainee] = n
        members.append(Member(trainee, team))
        if len(members) > MAX_ROSTER:
            raise EventError(f"{name}:{n}:1: 名单超过 {MAX_ROSTER} 人")
    if not members:
        raise EventError(f"{name}:{line + 1}:1: 名单是空的")
    return members


def _read_limited(path: str | Path) -> bytes:
    """The bytes of a roster or event file, at most MAX_EVENT_BYTES. Raises EventError (one line, the path shown
    without control characters)."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_EVENT_BYTES + 1)
    except OSError as e:
        raise EventError(f"{plain(str(path))}: 无法读取({os_reason(e)})") from None
    if len(data) > MAX_EVENT_BYTES:
        raise EventError(f"{plain(str(path))}: 超过 {MAX_EVENT_BYTES // (1024 * 1024)} MB")
    return data


def read_roster(path: str | Path) -> tuple[list[Member], list[str]]:
    """(members, notices). Raises EventError."""
    data = _read_limited(path)
    text, notices = decode_roster(data, str(path))
    return parse_roster(text, str(path)), notices


# ------------------------------------------------------------------------------ event file
def new_event(name: str, roster: list[Member], scenarios: list[str]) -> Event:
    return Event(normalise_name(name), secrets.token_hex(16), list(scenarios), list(roster))


def write_event(event: Event, out_dir: str | Path) -> Path:
    path = Path(out_dir) / "event.yaml"
    write_text_atomic(path, event.as_yaml())
    event.path = str(path)
    return path


def _require(data: dict[str, Any], key: str, typ: type, path: str) -> Any:
    v = data.get(key)
    if not isinstance(v, typ):
        raise EventError(f"{path}: 缺少 \"{key}\" 或类型不对")
    return v


def load_event(path: str | Path) -> Event:
    """Read an event file. Raises EventError (one line)."""
    p = str(path)
    data = _read_limited(path)
    # the project's hostile-file reader, not yaml.safe_load: no aliases, depth <= 50, positions kept
    try:
        doc = parse_text(decode(p, data), p, checked=True).plain()
    except LoadError as e:
        what = "不是 UTF-8" if "UTF-8" in e.message else f"不是合法的 YAML({e.message})"
        raise EventError(plain(f"{e.path}:{e.line}:{e.col}: {what}")) from None
    if not isinstance(doc, dict) or doc.get("format") != EVENT_FORMAT:
        raise EventError(f"{plain(p)}: 不是比赛文件(缺少 format: {EVENT_FORMAT})")
    name = _require(doc, "name", str, p)
    salt = _require(doc, "salt", str, p)
    if not re.fullmatch(r"[0-9a-f]{16,128}", salt):
        raise EventError(f"{plain(p)}: salt 应为 16–128 位十六进制")
    scenarios = _require(doc, "scenarios", list, p)
    if not scenarios or not all(isinstance(s, str) and s for s in scenarios):
        raise EventError(f"{plain(p)}: scenarios 应为场景 id 列表")
    roster_raw = _require(doc, "roster", list, p)
    roster: list[Member] = []
    seen: set[str] = set()
    for i, row in enumerate(roster_raw, 1):
        if not isinstance(row, dict) or not isinstance(row.get("trainee"), str) \
                or not isinstance(row.get("team", ""), str):
            raise EventError(f"{plain(p)}: roster 第 {i} 项应为 {{trainee, team}}")
        m = Member(_check_name(row["trainee"], f"{plain(p)}: roster 第 {i} 项", "学员姓名", True),
                   _check_name(row.get("team") or "", f"{plain(p)}: roster 第 {i} 项", "小组", False))
        if m.name in seen:
            raise EventError(f"{plain(p)}: roster 中「{m.name}」重复")
        seen.add(m.name)
        roster.append(m)
    if not roster:
        raise EventError(f"{plain(p)}: roster 是空的")
    return Event(normalise_name(name), salt, [str(s) for s in scenarios], roster, p)
