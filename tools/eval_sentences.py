"""Held-out figures: main-act accuracy of the recogniser on a JSONL set (python tools/eval_sentences.py FILE...)."""
import json, sys
from collections import Counter
from trainer.core.language.recognise import default_recogniser
rec = default_recogniser()
for path in sys.argv[1:]:
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    main_ok = 0; n = 0; off_hostile = 0; off = 0; by = Counter(); byok = Counter()
    for r in rows:
        got = rec.classify(r["text"]).tactic
        want = r["acts"][0] if r["acts"] else None
        n += 1; main_ok += got == want
        by[r["kind"]] += 1; byok[r["kind"]] += got == want
        if r["kind"] == "offtopic":
            off += 1; off_hostile += got == "hostile"
    print(path, f"main act {main_ok}/{n} = {main_ok/n:.1%}; off-topic called hostile {off_hostile}/{off}")
    print("  " + ", ".join(f"{k} {byok[k]}/{by[k]}" for k in sorted(by)))
