"""Stage 1 — content: what instructors write, read safely and checked.

The course's vocabulary (`catalogue`: tactics, groups, the 13 reasons), the hostile-file-proof YAML
reader (`yamlsafe`), the declarative file specs that both validate and generate JSON Schema (`spec`),
the small condition language (`conditions`), the typed Persona / Scenario built from a file (`models`),
the content library found on the search path (`library`) and the static analysis of a persona's
graph (`analysis`). Nothing here plays, recognises or scores; every later stage builds on it.
"""
