"""The command line: every command has help and a README entry; extract prints the contract
columns; check reports ok or FAIL with the fix."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from geopol.cli import parser
from geopol.exports import COLUMNS
from geopol.paths import PROJECT_ROOT
from tests.hostile import write_event_corpus


def run(*args: str, cwd=PROJECT_ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geopol", *args], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.mark.parametrize("command", ["build", "extract", "export", "check", "eval", "reviews"])
def test_every_command_has_help_and_a_readme_entry(command):
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert f"geopol {command}" in readme
    help_text = parser()._subparsers._group_actions[0].choices[command].format_help()  # type: ignore[union-attr]
    assert "usage:" in help_text and len(help_text.splitlines()) > 3


def test_extract_prints_one_row_per_pair_with_the_contract_columns(tmp_path):
    (tmp_path / "gambia.txt").write_text(
        "Senegal and Mauritania withdrew their ambassadors from Gambia on 4 March 2024.\n", encoding="utf-8"
    )
    done = run("extract", str(tmp_path), "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert list(rows[0]) == list(COLUMNS)
    assert {(r["actor_code"], r["recipient_code"], r["event_type"], r["date"]) for r in rows} == {
        ("SEN", "GMB", "SANCTION", "2024-03-04"),
        ("MRT", "GMB", "SANCTION", "2024-03-04"),
    }
    assert {r["event_id"] for r in rows} == {rows[0]["event_id"]} and rows[0]["article_id"] == "gambia"


def test_extract_jsonl(tmp_path):
    (tmp_path / "a.md").write_text("# Title\n\nTurkey delivered armed drones to Niger on 2 June 2024.\n", encoding="utf-8")
    done = run("extract", str(tmp_path / "a.md"), "--format", "jsonl")
    (record,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert (record["event_type"], record["actor_code"], record["recipient_code"]) == ("AID", "TUR", "NER")


def test_check_reports_the_capitals_and_a_missing_store(tmp_path):
    done = run("check", "--store", str(tmp_path / "none.duckdb"))
    assert "ok    gazetteer: Washington -> Washington, USA" in done.stdout
    assert "FAIL  store" in done.stdout and "fix: build it" in done.stdout
    assert done.returncode == 1


def test_export_writes_the_store_in_each_format(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Russia deployed 300 military instructors to Mali on 3 June 2024.\n", encoding="utf-8")
    store = tmp_path / "s.duckdb"
    assert run("build", "--corpus", str(corpus), "--store", str(store), "--quiet").returncode == 0
    rows = list(csv.DictReader(io.StringIO(run("export", "--store", str(store)).stdout)))
    assert [(r["event_type"], r["actor_code"], r["recipient_code"], r["quantity"]) for r in rows] == [
        ("AID", "RUS", "MLI", "300")
    ]
    geo = json.loads(run("export", "--store", str(store), "--format", "geojson").stdout)
    assert {f["geometry"]["type"] for f in geo["features"]} == {"Point", "LineString"}
    (record,) = json.loads(run("export", "--store", str(store), "--format", "plover").stdout)
    assert record["event_type"] == "AID" and record["date"] == "2024-06-03"


def test_extract_of_a_missing_path_stops_before_coding_with_a_message(tmp_path):
    (tmp_path / "a.txt").write_text("Niger expelled the French ambassador on 4 March 2024.\n", encoding="utf-8")
    done = run("extract", str(tmp_path / "a.txt"), str(tmp_path / "nowhere.txt"))
    assert done.returncode == 2
    assert f"error: {tmp_path / 'nowhere.txt'} does not exist" in done.stderr
    assert done.stdout == ""


def test_extract_merges_reports_across_files_unless_told_not_to(tmp_path):
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(
            "Senegal and Mauritania withdrew their ambassadors from Gambia on 4 March 2024.\n", encoding="utf-8"
        )
    merged = list(csv.DictReader(io.StringIO(run("extract", str(tmp_path)).stdout)))
    assert {(r["article_id"], r["source_count"], r["article_ids"]) for r in merged} == {("a", "2", "a;b"), ("b", "2", "a;b")}
    apart = list(csv.DictReader(io.StringIO(run("extract", str(tmp_path), "--no-merge").stdout)))
    assert {(r["article_id"], r["source_count"], r["article_ids"]) for r in apart} == {("a", "1", "a"), ("b", "1", "b")}
    assert len(apart) == len(merged) == 4


def test_extract_no_merge_prints_rows_while_later_files_are_still_being_coded(tmp_path):
    write_event_corpus(tmp_path, 48)  # three batches
    command = [sys.executable, "-m", "geopol", "extract", str(tmp_path), "--no-merge"]
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        header, first = process.stdout.readline(), process.stdout.readline()  # type: ignore[union-attr]
        still_coding = process.poll() is None
        rest, errors = process.communicate(timeout=300)
    finally:
        process.kill()
    assert header.startswith("article_id,event_id,") and first.startswith("a0")
    assert still_coding, "the first rows came only once every file was coded"
    assert len({line.split(",")[0] for line in [first, *rest.splitlines()]}) == 48, errors


@pytest.mark.slow
def test_extract_on_a_local_cluster_prints_the_rows_it_prints_alone(tmp_path):
    write_event_corpus(tmp_path, 20)
    alone = run("extract", str(tmp_path))
    spread = run("extract", str(tmp_path), "--workers", "2")
    assert spread.returncode == alone.returncode == 0, spread.stderr
    assert sorted(spread.stdout.splitlines()) == sorted(alone.stdout.splitlines())
    assert len(alone.stdout.splitlines()) > 20
