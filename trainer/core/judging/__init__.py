"""Stage 4 — judging: a finished (or stopped) session measured against the course.

The rule kinds (`rules`), the rubric file of principles and rules as data (`rubric`), and
`score_session`, which turns a session into principle scores and findings that cite a turn and a
course section (`scoring`). Headless play with its result JSON (`result`) lives here because the
contract's JSON carries the score.
"""
