"""Build a course-only writer's kit: everything a writer of evaluation lines may read, and nothing else.

    python tools/writer_kit.py DIR sentences --voice "长沙一家建材公司的回款专员,……"      # 200 labelled sentences
    python tools/writer_kit.py DIR play --voice "……" --lines "- `name: course-right-p33a`,`band: right`:……"
    python tools/writer_kit.py DIR care --voice "……"      # small talk, care and news beside threats dressed as care
    python tools/writer_kit.py DIR law --voice "……"       # lawful lines that sound unlawful, beside unlawful ones

DIR gets ``course/course1-5.txt`` (the five course texts), ``tactics.md`` (each tactic's id, name, group and course
section — no example phrase), ``classify.md`` (the contract's Classify JSON section: what the labels mean),
``briefings.md`` (the scenarios as a trainee sees them before playing) and ``TASK.md`` (the brief of ``KIND``, with the
voice and the output path filled in: ``DIR/out.jsonl`` for sentences, ``DIR/out/<scenario>.yaml`` for play). Nothing of
``phrases/``, ``personas/`` or ``tests/data``: the brief's rule for measuring generalisation is that whoever writes the
lines has read only the course. Then start a helper with "你是一位写作者。只在目录 DIR 里工作:先读 DIR/TASK.md,照它做。
只许读这个目录里的文件……"; a held-out set is committed untouched and read only with ``tools/heldout.py``
(``tests/data/eval/README.md``). Until stop 57 this lived outside the repository, at the mercy of a wiped machine.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from trainer.core.content import catalogue

ROOT = Path(__file__).resolve().parents[1]
#: where the course texts and the contract live beside the repository (the defaults of ``build`` and the command line)
COURSE = ROOT.parent / "shared" / "seeds"
INTERFACE = ROOT.parent / "shared" / "spec" / "INTERFACE.md"

TEMPLATES = Path(__file__).resolve().parent / "writer_kit"
KINDS = {"sentences": "sent", "play": "play", "care": "care", "law": "law"}
#: the hostility label, told as the course's 不做出过激行为 and the law (the tactic list has no entry for it)
HOSTILE_LINE = ("- `hostile` 恶语/违法施压:辱骂、威胁人身或家人、暴力、堵门蹲守、上门骚扰家属、网上曝光、拉横幅、找社会上的人 "
                "—— 以及粗鲁无礼的话")


def tactics_md() -> str:
    lines = ["# 招式清单(编号、中文名、招式组、课程出处)", ""]
    lines += [f"- `{t.id}` {t.name}(组:{t.group};出处:{t.source})" for t in catalogue.TACTICS]
    return "\n".join([*lines, HOSTILE_LINE, ""])


def classify_md(interface: str) -> str:
    """The contract's Classify JSON section, up to the tactics list."""
    start, end = interface.index("## Classify JSON"), interface.index("`trainer tactics --json`")
    return interface[start:end]


def briefings_md(scenarios: Path) -> str:
    out = ["# 13 个场景的案情简报(学员开练前看到的内容)", ""]
    for f in sorted(scenarios.glob("*.yaml")):
        d = yaml.safe_load(f.read_text(encoding="utf-8"))
        k = d["case"]
        out += [f"## `{d['id']}` {d['title']}", "", d["summary"], "",
                f"- 对方:{k['company']} {k['contact']}({k['role']});我方:{k['our_company']}",
                f"- 欠款:{k['owed']} 元;逾期 {k['days_overdue']} 天;类型:{k['debt_type']}",
                f"- 合同:{k['contract_terms']}", f"- 关系:{k['relationship']}", f"- 今天的日期:{k['date']}",
                "- 已知:", *[f"  - {x}" for x in k["known"]], "- 目标:", *[f"  - {x}" for x in d["goals"]], ""]
    return "\n".join(out)


def task_md(kind: str, kit: Path, voice: str, lines: str = "") -> str:
    text = (TEMPLATES / f"{KINDS[kind]}.md").read_text(encoding="utf-8").replace("VOICE", voice)
    if kind == "play":
        text = text.replace("LINES", lines)
    return text.replace("OUTDIR", str(kit / "out")).replace("OUTPUT", str(kit / "out.jsonl"))


def build(kit: Path, kind: str, voice: str, lines: str = "", course: Path = COURSE,
          interface: Path = INTERFACE) -> list[Path]:
    texts = sorted(course.glob("*.txt"))
    if not texts:
        raise SystemExit(f"{course}: no course texts (*.txt) here")
    (kit / "course").mkdir(parents=True, exist_ok=True)
    written = []
    for i, f in enumerate(texts, 1):
        dst = kit / "course" / f"course{i}.txt"
        dst.write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
        written.append(dst)
    for name, text in (("tactics.md", tactics_md()),
                       ("classify.md", classify_md(interface.read_text(encoding="utf-8"))),
                       ("briefings.md", briefings_md(ROOT / "scenarios")),
                       ("TASK.md", task_md(kind, kit.resolve(), voice, lines))):
        (kit / name).write_text(text, encoding="utf-8")
        written.append(kit / name)
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("kind", choices=sorted(KINDS))
    ap.add_argument("--voice", required=True, help="who the writer is and how they speak (Chinese)")
    ap.add_argument("--lines", default="", help="play only: the lines to write per scenario (Markdown list items)")
    ap.add_argument("--course", type=Path, default=COURSE)
    ap.add_argument("--interface", type=Path, default=INTERFACE)
    a = ap.parse_args(argv)
    if a.kind == "play" and not a.lines:
        ap.error("play needs --lines (which lines of play to write per scenario)")
    for p in build(a.dir, a.kind, a.voice, a.lines, a.course, a.interface):
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
