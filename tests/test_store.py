"""The store: typed tables even when empty, one atomic swap, one build at a time, and the
last good store kept through failed, killed and concurrent builds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from geopol import build, cli, pipeline, store
from geopol.exports import event_rows
from geopol.problems import Problem, StoreError
from geopol.records import Article
from tests.hostile import EVENT, articles, write_event_corpus

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def coder() -> pipeline.Coder:
    return pipeline.Coder()


def previous_store(path: Path) -> None:
    """A small good store, as a finished earlier build left it."""
    store.save(path, articles("An earlier article."), [], {}, [])


def article_ids(path: Path) -> list[str]:
    with store.connect(path) as con:
        return [r[0] for r in con.execute("SELECT article_id FROM articles ORDER BY article_id").fetchall()]


def column_types(path: Path, table: str) -> dict[str, str]:
    with store.connect(path) as con:
        return {r[0]: r[1] for r in con.execute(f'DESCRIBE "{table}"').fetchall()}


def leftovers(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f".{path.name}.*"))


def holds_lock(pid: int, lock: Path) -> bool:
    """Whether process pid holds a lock on the file, as the kernel lists it (without taking
    the lock ourselves, which would make the build see a second build)."""
    if not lock.exists():
        return False
    inode = f":{lock.stat().st_ino} "
    return any(f" {pid} " in line and inode in line for line in Path("/proc/locks").read_text().splitlines())


def run_build(corpus: Path, path: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "geopol", "build", "--corpus", str(corpus), "--store", str(path), "--quiet"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


# Tables keep their columns and types.


def test_empty_frames_have_string_columns() -> None:
    frames = store.frames([], [], {}, [])
    for name in ("articles", "events", "event_sources", "problems"):
        text_columns = [c for c, t in store.SCHEMA[name].items() if t == "VARCHAR"]
        assert all(pd.api.types.is_string_dtype(frames[name][c]) for c in text_columns), name


def test_quantity_is_a_nullable_integer_column(coder: pipeline.Coder) -> None:
    found = articles(EVENT, "Niger expelled the French ambassador on Monday.")
    frames = store.frames(found, coder.code(found), {}, [])
    assert str(frames["events"]["quantity"].dtype) == "Int64"
    assert frames["events"]["quantity"].tolist()[:1] == [200]


def test_empty_problems_table_has_text_columns(tmp_path: Path) -> None:
    previous_store(tmp_path / "s.duckdb")
    assert set(column_types(tmp_path / "s.duckdb", "problems").values()) == {"VARCHAR"}


def test_store_without_events_has_typed_event_columns(tmp_path: Path) -> None:
    previous_store(tmp_path / "s.duckdb")
    types = column_types(tmp_path / "s.duckdb", "events")
    assert (types["quantity"], types["lat"], types["date"], types["sentence"]) == ("BIGINT", "DOUBLE", "DATE", "VARCHAR")


def test_schema_names_every_event_column(coder: pipeline.Coder) -> None:
    found = articles(EVENT)
    [row] = event_rows(coder.code(found), {a.article_id: a for a in found})[:1]
    assert list(row) == list(store.SCHEMA["events"])


def test_problems_are_stored_with_their_message(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    store.save(path, articles("Text."), [], {}, [Problem("W001", "empty.txt")])
    with store.connect(path) as con:
        assert con.execute("SELECT code, subject, message FROM problems").fetchall() == [
            ("W001", "empty.txt", "W001 skipped empty.txt: the file is empty")
        ]


# The swap is atomic and the last good store survives.


def test_failed_write_keeps_the_previous_store_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.duckdb"
    previous_store(path)

    def half_written(temporary: Path, tables: dict) -> None:
        temporary.write_bytes(b"half a store")
        raise OSError("disk full")

    monkeypatch.setattr(store, "write_tables", half_written)
    with pytest.raises(StoreError, match=r"E003 build failed .*disk full.*the previous store s\.duckdb is unchanged"):
        store.save(path, articles("A new article."), [], {}, [])
    assert article_ids(path) == ["a0"]
    assert leftovers(path) == []


def test_leftover_of_a_killed_build_is_removed_by_the_next_one(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    (tmp_path / ".s.duckdb.999999.tmp").write_bytes(b"half a store")
    (tmp_path / ".s.duckdb.999999.tmp.wal").write_bytes(b"half a log")
    previous_store(path)
    assert leftovers(path) == []


def test_stale_write_ahead_log_of_the_old_store_is_not_applied_to_the_new_one(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    previous_store(path)
    with duckdb.connect(str(path)) as con:  # someone edits the old store and leaves its log behind
        con.execute("PRAGMA disable_checkpoint_on_shutdown")
        con.execute("INSERT INTO build_info VALUES ('edited', 'yes')")
    assert (tmp_path / "s.duckdb.wal").exists()
    store.save(path, articles("One.", "Two."), [], {}, [])
    assert article_ids(path) == ["a0", "a1"]


def test_corrupt_store_is_reported_not_raised_as_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(StoreError, match=r"E004 cannot open the store s\.duckdb"):
        store.connect(path)


# One build at a time.


def test_second_lock_on_a_store_is_refused(tmp_path: Path) -> None:
    with (
        store.build_lock(tmp_path / "s.duckdb"),
        pytest.raises(StoreError, match="E002"),
        store.build_lock(tmp_path / "s.duckdb"),
    ):
        pass


def test_build_while_another_holds_the_lock_stops_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.duckdb"
    previous_store(path)
    write_event_corpus(tmp_path / "corpus", 2)

    def coded(*args: object, **kwargs: object) -> None:
        raise AssertionError("the build coded articles while another build held the lock")

    monkeypatch.setattr(build, "build_store", coded)
    with store.build_lock(path):
        code = cli.main(["build", "--corpus", str(tmp_path / "corpus"), "--store", str(path), "--quiet"])
    assert code == 2
    assert "E002 another build holds the lock on s.duckdb" in capsys.readouterr().err
    assert article_ids(path) == ["a0"]


@pytest.mark.slow
def test_two_builds_at_once_leave_one_complete_store(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    previous_store(path)
    write_event_corpus(tmp_path / "corpus", 40)
    builds = [run_build(tmp_path / "corpus", path) for _ in range(2)]
    results = [(b.wait(timeout=120), b.communicate()[1]) for b in builds]
    assert any(code == 0 for code, _ in results), results
    for code, err in results:
        assert code == 0 or (code == 2 and "E002" in err), err
    assert article_ids(path) == [f"a{i:03d}" for i in range(40)]
    assert leftovers(path) == []


@pytest.mark.slow
def test_build_killed_while_writing_leaves_the_previous_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.duckdb"
    previous_store(path)
    before = path.read_bytes()
    write_event_corpus(tmp_path / "corpus", 40)
    build = run_build(tmp_path / "corpus", path)
    deadline = time.monotonic() + 120
    while not leftovers(path):
        if build.poll() is not None or time.monotonic() > deadline:
            build.kill()
            pytest.fail(f"the build ended before it started writing: {build.communicate()}")
        time.sleep(0.0005)
    os.kill(build.pid, signal.SIGKILL)
    assert build.wait(timeout=30) == -signal.SIGKILL
    assert path.read_bytes() == before
    assert article_ids(path) == ["a0"]
    [temporary] = [p for p in leftovers(path) if p.name.endswith(".tmp")]
    assert temporary.name == f".s.duckdb.{build.pid}.tmp"
    cli.main(["check", "--store", str(path)])
    assert f"ok    store {path}: 0 events" in capsys.readouterr().out  # the store, not the leftover
    previous_store(path)
    assert leftovers(path) == []


@pytest.mark.slow
def test_build_killed_while_coding_leaves_the_previous_store(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    previous_store(path)
    before = path.read_bytes()
    write_event_corpus(tmp_path / "corpus", 40)
    build = run_build(tmp_path / "corpus", path)
    lock = path.with_name(path.name + ".lock")
    deadline = time.monotonic() + 120
    while not holds_lock(build.pid, lock):  # past start-up and working
        assert build.poll() is None and time.monotonic() < deadline, build.communicate()
        time.sleep(0.01)
    os.kill(build.pid, signal.SIGKILL)
    build.wait(timeout=30)
    assert path.read_bytes() == before
    assert lock.exists()
    with store.build_lock(path):  # a killed build's lock dies with it
        pass


def test_empty_article_list_frames_are_written(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    store.save(path, [], [], {}, [])
    assert article_ids(path) == []


def test_article_frame_keeps_hostile_text_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    text = '<script>alert(1)</script> =HYPERLINK("x") [x](javascript:alert(1)) $x$ **b**'
    store.save(path, [Article("a", "a.txt", text)], [], {}, [])
    with store.connect(path) as con:
        assert con.execute("SELECT text FROM articles").fetchone() == (text,)
