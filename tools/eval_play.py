"""Held-out lines of play: median score / recovered per band, 5 seeds (python tools/eval_play.py)."""
import yaml, glob, statistics
from trainer.core.content.library import load_library
from trainer.core.judging.result import play_moves
lib = load_library()
rows = []
for f in sorted(glob.glob("tests/data/eval/play/*.yaml")):
    d = yaml.safe_load(open(f, encoding="utf-8"))
    sc = lib.scenarios[d["scenario"]]; p = lib.persona_for(sc)
    out = []
    for line in d["lines"]:
        scores, rec, law = [], [], []
        for seed in range(1, 6):
            s, score = play_moves(sc, p, [str(m) for m in line["moves"]], seed=seed)
            scores.append(score.total); rec.append(s.outcome.recovered_ratio if s.outcome else 0); law.append(score.principles["lawful"])
        out.append(f"{line['band']}:{statistics.median(scores):.0f}/{statistics.median(rec):.0%}" + (f"/法{statistics.median(law):.0f}" if line['band']=='unlawful' else ""))
    print(f"{d['scenario']:20s}", "  ".join(out))
