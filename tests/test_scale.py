"""Builds at scale: the store a build writes through its cache, on a local Dask cluster or on
a real Dask scheduler with two workers, is the store the in-process pipeline gives; a rebuild
codes only new or changed articles, drops removed ones, and codes everything again (saying
why) when a dictionary changes."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from geopol import cli, pipeline, store
from geopol.build import Built, Options, build_store
from geopol.dictionaries import cached_dictionaries
from geopol.paths import CORPUS_DIR, DATA_DIR
from tests.hostile import write_event_corpus

NEW = "Turkey delivered armed drones to Niger on 2 June 2024. Niger thanked Ankara for the delivery."


def mixed_corpus(folder: Path) -> Path:
    """The shipped articles (three undated: their months come from the others), 30 short ones
    without manifest rows, two files asking for the same id, and one empty file."""
    shutil.copytree(CORPUS_DIR, folder)
    write_event_corpus(folder, 30)
    (folder / "twin.txt").write_text("Chad expelled the French ambassador on 4 March 2024.\n", encoding="utf-8")
    (folder / "twin.md").write_text("# Twin\n\nAlgeria recalled its ambassador from Mali on 5 March 2024.\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def tables(path: Path) -> dict[str, tuple[list, list]]:
    """Every table's columns and sorted rows (build_info without the build time)."""
    with duckdb.connect(str(path), read_only=True) as con:
        names = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]
        found = {}
        for name in names:
            where = " WHERE key <> 'built_at'" if name == "build_info" else ""
            rows = con.execute(f'SELECT * FROM "{name}"{where}').fetchall()
            found[name] = (con.execute(f'DESCRIBE "{name}"').fetchall(), sorted(rows, key=repr))
    return found


def pipeline_store(corpus: Path, path: Path) -> dict[str, tuple[list, list]]:
    """The tables the in-process pipeline writes (as the app's first-run build does)."""
    articles, events, problems = pipeline.run([corpus])
    store.save(path, articles, events, cached_dictionaries(DATA_DIR).actors, problems)
    return tables(path)


def actors() -> dict:
    return cached_dictionaries(DATA_DIR).actors


def build(corpus: Path, path: Path, options: Options | None = None, said: list[str] | None = None) -> Built:
    with store.build_lock(path):
        return build_store(corpus, path, options or Options(), actors, say=(said if said is not None else []).append)


def article_ids(path: Path) -> set[str]:
    with store.connect(path) as con:
        found = con.execute("SELECT article_id FROM articles UNION ALL SELECT article_id FROM event_sources").fetchall()
    return {r[0] for r in found}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return mixed_corpus(tmp_path_factory.mktemp("mixed") / "corpus")


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list, list]]:
    return pipeline_store(corpus, tmp_path_factory.mktemp("reference") / "s.duckdb")


def test_a_build_writes_the_store_the_pipeline_gives(corpus: Path, reference: dict, tmp_path: Path) -> None:
    built = build(corpus, tmp_path / "s.duckdb")
    assert (built.coded, built.reused) == (37, 0)  # the empty file is skipped before coding
    found = tables(tmp_path / "s.duckdb")
    assert found == reference
    assert {"I004", "W001", "I003"} <= {row[0] for row in found["problems"][1]}  # the twins, the empty file, no rows


def test_a_rebuild_codes_only_what_changed_and_drops_removed_articles(tmp_path: Path) -> None:
    corpus = shutil.copytree(CORPUS_DIR, tmp_path / "corpus")
    path = tmp_path / "s.duckdb"
    assert build(corpus, path).coded == 5
    assert (build(corpus, path).coded, article_ids(path)) == (0, {"000", "001", "002", "003", "004"})

    (corpus / "new.txt").write_text(NEW, encoding="utf-8")
    built = build(corpus, path)
    assert (built.coded, built.reused) == (1, 5)
    with store.connect(path) as con:
        assert ("AID", "TUR", "NER") in con.execute("SELECT event_type, actor_code, recipient_code FROM events").fetchall()
    assert tables(path) == pipeline_store(corpus, tmp_path / "reference.duckdb")

    (corpus / "001_98c157d0e239f98a.txt").unlink()  # its sources.csv row stays: that row is ignored
    built = build(corpus, path)
    assert (built.coded, built.reused) == (0, 5)
    assert "001" not in article_ids(path)
    assert tables(path) == pipeline_store(corpus, tmp_path / "reference.duckdb")


def test_removing_an_article_and_its_manifest_row_codes_nothing_again(tmp_path: Path) -> None:
    corpus = shutil.copytree(CORPUS_DIR, tmp_path / "corpus")
    path = tmp_path / "s.duckdb"
    build(corpus, path)
    manifest = corpus / "sources.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text("".join(line for line in lines if not line.startswith("000,")), encoding="utf-8")
    (corpus / "000_9e0ee679e7e857c1.txt").unlink()
    built = build(corpus, path)
    assert (built.coded, built.reused) == (0, 4)  # the rows below moved up a line: their files are the same
    assert "000" not in article_ids(path)


def test_a_changed_article_is_coded_again(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_event_corpus(corpus, 3)
    path = tmp_path / "s.duckdb"
    build(corpus, path)
    (corpus / "a001.txt").write_text(NEW, encoding="utf-8")
    assert build(corpus, path).coded == 1
    with store.connect(path) as con:
        reported = con.execute(
            "SELECT DISTINCT e.actor_code FROM events AS e JOIN event_sources AS s USING (event_id) WHERE s.article_id = 'a001'"
        ).fetchall()
    assert sorted(reported) == [("NER",), ("TUR",)]  # France's troops and the Algerian agreement are gone


def test_a_changed_dictionary_codes_every_article_again_and_says_why(tmp_path: Path) -> None:
    data = shutil.copytree(DATA_DIR, tmp_path / "data", ignore=shutil.ignore_patterns("*.duckdb*", "*.cache", "*.lock"))
    corpus = tmp_path / "corpus"
    write_event_corpus(corpus, 4)
    options, path = Options(data_dir=data), tmp_path / "s.duckdb"
    build(corpus, path, options)
    said: list[str] = []
    assert build(corpus, path, options, said).coded == 0 and said == []
    with (data / "actors" / "not_actors.csv").open("a", encoding="utf-8") as handle:
        handle.write("The Sahel Weekly,newspaper\n")
    assert build(corpus, path, options, said).coded == 4
    assert said == ["Coding all 4 articles again: dictionaries (data/actors/not_actors.csv) changed since the last build"]


def test_the_cli_prints_what_a_rebuild_coded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    write_event_corpus(corpus, 3)
    arguments = ["build", "--corpus", str(corpus), "--store", str(tmp_path / "s.duckdb"), "--quiet"]
    assert cli.main(arguments) == 0
    (corpus / "a003.txt").write_text(NEW, encoding="utf-8")
    assert cli.main(arguments) == 0
    assert "  coding    1 file(s) coded, 3 unchanged since the last build" in capsys.readouterr().out


def geopol(*arguments: str, cwd: Path) -> None:
    """The command in a process of its own, as a user runs it (a local cluster's workers are
    started from its __main__, not from the test runner's)."""
    done = subprocess.run([sys.executable, "-m", "geopol", *arguments], cwd=cwd, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr


@pytest.mark.slow
def test_build_on_a_local_cluster_of_two_workers(corpus: Path, reference: dict, tmp_path: Path) -> None:
    geopol("build", "--corpus", str(corpus), "--store", str(tmp_path / "s.duckdb"), "--workers", "2", "--quiet", cwd=tmp_path)
    assert tables(tmp_path / "s.duckdb") == reference


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def dask_cluster(tmp_path: Path) -> Iterator[str]:
    """A real Dask scheduler and two single-threaded workers on loopback, as `dask` starts them."""
    from distributed import Client

    dask = str(Path(sys.executable).parent / "dask")
    address = f"tcp://127.0.0.1:{free_port()}"
    host, port = address.removeprefix("tcp://").split(":")
    logs = tmp_path / "dask-logs"
    logs.mkdir()
    started = [
        subprocess.Popen(
            [dask, "scheduler", "--host", host, "--port", port, "--no-dashboard"],
            stdout=subprocess.DEVNULL,
            stderr=(logs / "scheduler.log").open("w"),
        )
    ]
    try:
        for name in ("w1", "w2"):
            command = [dask, "worker", address, "--name", name, "--nthreads", "1", "--no-dashboard"]
            log = (logs / f"{name}.log").open("w")
            started.append(subprocess.Popen([*command, "--local-directory", str(logs)], stdout=log, stderr=log, cwd=tmp_path))
        with Client(address, timeout=120) as client:
            client.wait_for_workers(2, timeout=180)
        yield address
    finally:
        for process in reversed(started):
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.mark.slow
def test_build_through_a_dask_scheduler_gives_the_store_of_a_one_worker_build(
    corpus: Path, reference: dict, tmp_path: Path, dask_cluster: str
) -> None:
    geopol(
        "build", "--corpus", str(corpus), "--store", str(tmp_path / "remote.duckdb"), "--scheduler", dask_cluster, cwd=tmp_path
    )
    geopol("build", "--corpus", str(corpus), "--store", str(tmp_path / "single.duckdb"), "--workers", "1", cwd=tmp_path)
    assert tables(tmp_path / "remote.duckdb") == tables(tmp_path / "single.duckdb") == reference


def test_a_batch_coded_with_other_dictionaries_stops_the_build() -> None:
    from geopol.build import checked
    from geopol.cache import Partition
    from geopol.problems import StoreError

    with pytest.raises(StoreError, match="E008 a worker codes with other dictionaries, another model or another geopol"):
        checked(Partition(b"", b"", version="theirs", coded=1), "ours")
