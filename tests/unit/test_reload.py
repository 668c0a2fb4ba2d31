"""Hot reload: PersonaWatcher keeps the last good persona; a session is rebuilt by replaying its moves."""

import os

from trainer.core.engine.reload import PersonaWatcher, rebuild_session
from trainer.core.engine.session import Session

from .test_engine import MINI_PERSONA, build


def bump(path, text):
    """Write and make sure the mtime moves even on coarse-clock file systems."""
    st = path.stat() if path.exists() else None
    path.write_text(text, encoding="utf-8")
    if st is not None:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_watcher_reloads_on_change_and_keeps_old_on_error(tmp_path):
    f = tmp_path / "mini.yaml"
    f.write_text(MINI_PERSONA, encoding="utf-8")
    w = PersonaWatcher(f)
    first = w.persona
    assert first is not None and first.id == "mini"
    assert w.poll().changed is False  # nothing moved: one stat, no read

    bump(f, MINI_PERSONA.replace("effects: {willingness: 30}", "effects: {willingness: 35}"))
    r = w.poll()
    assert r.changed and r.ok and w.persona is not first
    good = w.persona

    bump(f, MINI_PERSONA.replace("to: agreed", "to: agred"))
    r = w.poll()
    assert not r.changed and not r.ok
    assert any("未知的状态 'agred'" in str(p) and str(p).startswith(str(f)) for p in r.problems)
    assert w.persona is good  # the broken edit did not replace the working persona

    bump(f, "[" * 5000)  # even a hostile edit
    r = w.poll()
    assert not r.changed and "嵌套超过" in str(r.problems[0]) and w.persona is good

    bump(f, MINI_PERSONA)
    r = w.poll()
    assert r.changed and r.ok and w.persona.sha256 == first.sha256


def test_same_bytes_rewritten_is_not_a_change(tmp_path):
    f = tmp_path / "mini.yaml"
    f.write_text(MINI_PERSONA, encoding="utf-8")
    w = PersonaWatcher(f)
    bump(f, MINI_PERSONA)
    assert w.poll().changed is False


def test_missing_file_is_a_problem_not_a_crash(tmp_path):
    w = PersonaWatcher(tmp_path / "gone.yaml")
    assert w.persona is None and w.problems and "不是普通文件" in str(w.problems[0])


def test_rebuild_session_replays_moves_on_the_new_persona():
    s, p = build()
    sess = Session(s, p, seed=5)
    for m in ["verify_balance", "listen"]:
        sess.play_tactic(m)
    assert sess.state == "agreed" and sess.meter_values()["willingness"] == 40
    _, p2 = build(MINI_PERSONA.replace("effects: {willingness: 30}", "effects: {willingness: 20}"))
    new = rebuild_session(sess, p2)
    assert new.persona is p2 and new.seed == 5 and [t.tactic for t in new.turns] == ["verify_balance", "listen"]
    assert new.state == "agreed" and new.meter_values()["willingness"] == 30
    assert new.play_tactic("written_commitment").state == "agreed"  # 30 < 40: the new numbers apply
    # replaying on the same persona reproduces the session exactly
    again = Session(s, p, seed=5)
    for m in ["verify_balance", "listen"]:
        again.play_tactic(m)
    same = rebuild_session(again, p)
    assert [t.public() for t in same.turns] == [t.public() for t in again.turns]
