"""Stage 3 — engine: one trainee against one persona, turn by turn, deterministic.

The cached `transitions` machine per persona (`machine`), the `Session` whose `play` is one turn read
top to bottom (recognise → choose the reaction → apply effects → transition → record; `session`), the
outcome of a session (`transcript`) and persona hot reload (`reload`). It uses content and language;
it never scores.
"""
