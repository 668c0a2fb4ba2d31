"""Stage 6 — store: sessions kept on the trainee's machine.

The SQLite store with a commit per turn (`db`), attempts and rewind — a new attempt replays the
parent's first turns exactly (`attempts`) — and read-only playback of a stored session or a card
(`playback`).
"""
