"""Stage 2 — language: what the trainee said, as tactics.

Normalisation (Traditional → Simplified, width, punctuation, typos; `normalise`), the phrase library
of templates and cues as data (`phrases`), and the recogniser that turns free Chinese text into a
`Recognition` (`recognise`). It reads content (the catalogue, the phrase files) and knows nothing of
sessions or scores.
"""
