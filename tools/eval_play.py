"""Held-out lines of play: median score / recovered per band, 5 seeds (python tools/eval_play.py)."""
import yaml, glob
from trainer.core.content.library import load_library
from trainer.core.judging.result import play_medians
lib = load_library()
rows = []
for f in sorted(glob.glob("tests/data/eval/play/*.yaml")):
    d = yaml.safe_load(open(f, encoding="utf-8"))
    sc = lib.scenarios[d["scenario"]]; p = lib.persona_for(sc)
    out = []
    for line in d["lines"]:
        med = play_medians(sc, p, [str(m) for m in line["moves"]])
        out.append(f"{line['band']}:{med.score:.0f}/{med.recovered:.0%}" + (f"/法{med.lawful:.0f}" if line['band']=='unlawful' else ""))
    print(f"{d['scenario']:20s}", "  ".join(out))
