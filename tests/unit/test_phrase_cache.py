"""The compiled phrase-library cache (issue 18, start-up): the same library as building it from the files,
keyed by their content, and never a crash or a different result when the cache is corrupt or unwritable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trainer.core.content.spec import Problems
from trainer.core.language import phrases
from trainer.core.language.recognise import Recogniser

LINES = ["周总您好,打扰了,先谢谢您一直以来的照顾", "咱们先对一下账,截至上月底一共欠款三十八万", "一次拿不出来没关系,咱们分三期付",
         "再不付我们就只能走法律程序了", "您这批货是什么时候进的款?", "今天下午三点前能不能先打十万过来"]


def built() -> phrases.PhraseLibrary:
    return phrases.load_files(phrases.default_files(), Problems())


def data(lib: phrases.PhraseLibrary) -> dict:
    return phrases._to_data(lib)


def cache_file() -> Path:
    return phrases.cache_dir() / phrases.CACHE_NAME


def results(lib: phrases.PhraseLibrary) -> list[tuple]:
    return [(r.tactic, r.confidence, r.alternatives) for r in Recogniser(lib).classify_many(LINES)]


def test_cache_lives_under_trainer_home(_isolated_home: Path) -> None:
    assert phrases.cache_dir() == _isolated_home / "cache"


def test_first_load_writes_the_cache_and_the_second_reads_the_same_library() -> None:
    assert not cache_file().exists()
    first = phrases.load_default_library()
    assert cache_file().is_file()
    key = phrases.cache_key(phrases.default_files())
    cached = phrases.read_cache(cache_file(), key)
    assert cached is not None
    assert data(cached) == data(first) == data(built())
    assert results(cached) == results(built())
    assert [c.regex.pattern for c in cached.cues if c.regex] == [c.regex.pattern for c in first.cues if c.regex]


def test_the_key_follows_the_files_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "extra" / "phrases"
    extra.mkdir(parents=True)
    f = extra / "more.yaml"
    f.write_text("tactics:\n  praise:\n    templates: [您真是行家]\n", encoding="utf-8")
    monkeypatch.setenv("TRAINER_PATH", str(tmp_path / "extra"))
    before = phrases.load_default_library()
    assert any(t.original == "您真是行家" for t in before.templates)
    f.write_text("tactics:\n  praise:\n    templates: [您真是内行]\n", encoding="utf-8")
    after = phrases.load_default_library()  # same path, new content: a new key, rebuilt
    assert any(t.original == "您真是内行" for t in after.templates)
    assert not any(t.original == "您真是行家" for t in after.templates)
    assert data(after) == data(built())


@pytest.mark.parametrize("corrupt", [
    lambda raw: b"",
    lambda raw: b"\x00\xff garbage \xfe",
    lambda raw: raw[: len(raw) // 2],                                     # truncated
    lambda raw: raw.replace(b"direct_ask", b"direct_asc", 1),             # payload edited: checksum fails
    lambda raw: raw.split(b"\n", 1)[0][:-1] + b"0\n" + raw.split(b"\n", 1)[1],  # checksum edited
    lambda raw: raw.split(b"\n", 1)[0] + b"\n" + b"[1, 2, 3]",            # wrong payload
], ids=["empty", "binary", "truncated", "payload-edited", "checksum-edited", "not-the-payload"])
def test_a_corrupt_cache_is_rebuilt_and_changes_nothing(corrupt) -> None:
    want = data(built())
    phrases.load_default_library()
    path = cache_file()
    path.write_bytes(corrupt(path.read_bytes()))
    lib = phrases.load_default_library()
    assert data(lib) == want
    assert results(lib) == results(built())
    # and the cache was rewritten good
    assert phrases.read_cache(path, phrases.cache_key(phrases.default_files())) is not None


def test_a_structurally_wrong_cache_with_a_good_checksum_is_ignored() -> None:
    """Even a cache whose checksum holds (someone rewrote it) must pass the shape checks, or be rebuilt."""
    import hashlib
    key = phrases.cache_key(phrases.default_files())
    for bad in ({"templates": [["no_such_tactic", "x", "x"]], "cues": [], "typos": {}, "files": []},
                {"templates": [], "cues": [["praise", "heavy", ["x"], None, 0, ""]], "typos": {}, "files": []},
                {"templates": [], "cues": [["praise", 1.0, [], "(", 0, ""]], "typos": {}, "files": []},
                {"templates": [], "cues": [], "typos": {"a": 1}, "files": []},
                {"templates": []}):
        payload = json.dumps(bad).encode()
        cache_file().parent.mkdir(parents=True, exist_ok=True)
        cache_file().write_bytes(f"{key} {hashlib.sha256(payload).hexdigest()}\n".encode() + payload)
        assert phrases.read_cache(cache_file(), key) is None
        assert data(phrases.load_default_library()) == data(built())


def test_an_unwritable_cache_folder_is_no_error(_isolated_home: Path) -> None:
    (_isolated_home / "cache").write_text("a file where the cache folder should be", encoding="utf-8")
    lib = phrases.load_default_library()
    assert data(lib) == data(built())
    assert (_isolated_home / "cache").is_file()
    assert not list(_isolated_home.glob(".phrases-*"))  # no temp file left behind


def test_a_folder_in_place_of_the_cache_file_is_no_error() -> None:
    cache_file().mkdir(parents=True)
    assert data(phrases.load_default_library()) == data(built())


def test_validate_still_reports_problems_without_the_cache() -> None:
    out = Problems()
    phrases.load_default_library(out)  # with `out`, the files are read and checked, not the cache
    assert not cache_file().exists()


def test_classify_with_a_warm_cache_loads_neither_yaml_files_nor_the_models(_isolated_home: Path) -> None:
    """The point of the cache: `trainer classify` reads no phrases YAML and never imports the content models."""
    import os
    import subprocess
    import sys
    code = ("import sys\nsys.argv = ['trainer', 'classify', '你好']\nfrom trainer.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('trainer.core.content.library', 'trainer.core.content.models') "
            "if m in sys.modules))")
    env = dict(os.environ, TRAINER_HOME=str(_isolated_home), PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    cold = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert cold.stdout.splitlines()[-1] != "[]"  # the first run builds the library from the YAML (and caches it)
    warm = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert warm.stdout.splitlines()[-1] == "[]", warm.stdout
    assert warm.stdout.splitlines()[0] == cold.stdout.splitlines()[0]  # and the same recognition
