"""Stage 5 — competition: results that leave the machine.

Scorecards written, read as hostile input and verified by replay (`scorecard`), the leaderboard that
ranks verified cards (`leaderboard`) and its md/csv/html/json renderings (`render`), the 回收计划表
(`plan_table`), and the shared safe-output helpers (`output`: atomic writes, cell escaping).
"""
