"""Instructor tools on top of the pipeline: `validate` (every kind of file, with warnings from the
persona's static analysis), `simulate` (explores a persona's machine by playing it) and `testplan`
(YAML test plans: moves → expected endings and score bounds). They drive the other stages; nothing
in the pipeline imports them.
"""
